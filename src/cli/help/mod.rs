//! The command line's help, in 简体中文 and English: clap's own words
//! (headings, the help and version flags, `kehou help COMMAND`) and kehou's
//! (what each command does, its options, examples). The derive attributes
//! only declare the options; [`command`] fills in the words of one
//! language, so `kehou --help` and `kehou solve --lang en --help` each read
//! in one language throughout.

mod en;
mod zh;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::words::Lang;

/// The commands, for their help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Root,
    Demo,
    Check,
    Solve,
    Export,
    Import,
    Bench,
    Roster,
    Absent,
    Candidates,
    Cover,
    Capacity,
    Tui,
}

impl Cmd {
    pub const SUBCOMMANDS: [Cmd; 12] = [
        Cmd::Demo,
        Cmd::Check,
        Cmd::Solve,
        Cmd::Export,
        Cmd::Import,
        Cmd::Bench,
        Cmd::Roster,
        Cmd::Absent,
        Cmd::Candidates,
        Cmd::Cover,
        Cmd::Capacity,
        Cmd::Tui,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Cmd::Root => "kehou",
            Cmd::Demo => "demo",
            Cmd::Check => "check",
            Cmd::Solve => "solve",
            Cmd::Export => "export",
            Cmd::Import => "import",
            Cmd::Bench => "bench",
            Cmd::Roster => "roster",
            Cmd::Absent => "absent",
            Cmd::Candidates => "candidates",
            Cmd::Cover => "cover",
            Cmd::Capacity => "capacity",
            Cmd::Tui => "tui",
        }
    }
}

/// The words of one command's help in one language.
#[derive(Debug)]
pub struct Help {
    pub about: &'static str,
    pub long_about: &'static str,
    pub examples: &'static str,
    /// How it is typed (`kehou check SCHOOL [PLAN]`).
    pub usage: &'static str,
    /// Each option's help, by the option's id (its field name).
    pub args: &'static [(&'static str, &'static str)],
    /// The placeholders of its values, by id (`--date <DATE>`).
    pub values: &'static [(&'static str, &'static str)],
}

/// The words of clap's own parts of a help page.
#[derive(Debug)]
pub struct Frame {
    pub usage: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub help_command: &'static str,
}

pub fn help(cmd: Cmd, lang: Lang) -> Help {
    match lang {
        Lang::Zh => zh::help(cmd),
        Lang::En => en::help(cmd),
    }
}

pub fn frame(lang: Lang) -> &'static Frame {
    match lang {
        Lang::Zh => &zh::FRAME,
        Lang::En => &en::FRAME,
    }
}

/// The whole command line, its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = dress(Cli::command(), Cmd::Root, lang);
    for sub in Cmd::SUBCOMMANDS {
        cmd = cmd.mut_subcommand(sub.name(), |c| dress(c, sub, lang));
    }
    let f = frame(lang);
    cmd.subcommand_help_heading(f.commands)
        .subcommand_value_name(f.commands)
        .disable_help_subcommand(true)
        .subcommand(
            Command::new("help").about(f.help_command).arg(
                Arg::new("command")
                    .value_name(f.commands)
                    .help(f.help_command),
            ),
        )
}

/// One command with its words in `lang`.
fn dress(cmd: Command, which: Cmd, lang: Lang) -> Command {
    let h = help(which, lang);
    let f = frame(lang);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd
        .about(h.about)
        .long_about(h.long_about)
        .after_help(h.examples)
        .after_long_help(h.examples)
        .override_usage(h.usage)
        .help_template(format!(
            "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            f.usage
        ))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(f.help)
                .help_heading(f.options),
        );
    if which == Cmd::Root {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(f.version)
                .help_heading(f.options),
        );
    }
    for id in ids {
        let text = h.args.iter().find(|(a, _)| *a == id).map(|(_, t)| *t);
        let value = h.values.iter().find(|(a, _)| *a == id).map(|(_, v)| *v);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                f.arguments
            } else {
                f.options
            };
            let mut a = a
                .help_heading(heading)
                .help(text.unwrap_or_default())
                .long_help(None::<&str>);
            if let Some(v) = value {
                a = a.value_name(v);
            }
            if lang == Lang::Zh && a.get_action().takes_values() {
                // Defaults and choices are in the option's own words.
                a = a.hide_default_value(true).hide_possible_values(true);
            }
            a
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every option of every command has its help in both languages, and
    /// every help names only options that exist.
    #[test]
    fn every_option_is_explained_in_both_languages() {
        let cli = Cli::command();
        for lang in [Lang::Zh, Lang::En] {
            for which in Cmd::SUBCOMMANDS.into_iter().chain([Cmd::Root]) {
                let cmd = if which == Cmd::Root {
                    cli.clone()
                } else {
                    cli.find_subcommand(which.name())
                        .expect("a subcommand")
                        .clone()
                };
                let h = help(which, lang);
                let ids: Vec<String> = cmd
                    .get_arguments()
                    .map(|a| a.get_id().to_string())
                    .collect();
                for id in &ids {
                    assert!(
                        h.args.iter().any(|(a, t)| a == id && !t.is_empty()),
                        "{lang:?} {}: no help for --{id}",
                        which.name()
                    );
                }
                for (id, _) in h.args.iter().chain(h.values) {
                    assert!(
                        ids.iter().any(|i| i == id),
                        "{lang:?} {}: help for --{id}, which it has not",
                        which.name()
                    );
                }
                assert!(!h.about.is_empty() && !h.examples.is_empty());
            }
        }
    }

    #[test]
    fn the_dressed_command_line_is_consistent() {
        command(Lang::Zh).debug_assert();
        command(Lang::En).debug_assert();
    }
}
