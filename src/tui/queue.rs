//! The effects a key asks for, in the order asked (after gitui's
//! `src/queue.rs`). Screens push onto it through their `Cx` instead of
//! writing an out-parameter, so one key may ask for several effects and none
//! is lost to a later write; `App::update` hands the queue's effects to its
//! caller when the event is done.

use std::collections::VecDeque;

use super::event::Effect;

#[derive(Debug, Default)]
pub struct Queue {
    effects: VecDeque<Effect>,
}

impl Queue {
    pub fn push(&mut self, effect: Effect) {
        self.effects.push_back(effect);
    }

    /// Everything asked for so far, oldest first; the queue is left empty.
    pub fn take(&mut self) -> Vec<Effect> {
        self.effects.drain(..).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.effects.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportOptions, Format};
    use crate::tui::event::ExportJob;

    fn export(n: usize) -> Effect {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/valid/tiny.school.ron");
        let school = crate::files::load_school(&path).unwrap();
        let plan = kehou_solver::Plan::empty(school.fingerprint(), 1);
        Effect::Export(ExportJob {
            school,
            plan,
            options: ExportOptions::new(Format::Csv, format!("{n}.csv")),
        })
    }

    #[test]
    fn effects_come_out_in_the_order_pushed_and_none_is_lost() {
        let mut q = Queue::default();
        q.push(export(1));
        q.push(export(2));
        let out: Vec<String> = q
            .take()
            .into_iter()
            .map(|e| match e {
                Effect::Export(job) => job.options.output.display().to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(out, ["1.csv", "2.csv"]);
        assert!(q.is_empty());
    }
}
