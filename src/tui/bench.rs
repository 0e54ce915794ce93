//! Measuring how long drawing takes (`kehou bench --tui`): frames of the
//! rota on a `TestBackend`, as the terminal loop draws them. A benchmark,
//! never a test: nothing here asserts a time.

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::app::App;
use super::screens::ScreenId;
use super::testing::open;
use super::text::Lang;
use super::ui;
use crate::files::FileError;

/// Frame times of one screen.
#[derive(Debug, Clone)]
pub struct FrameTimes {
    pub frames: usize,
    pub median: Duration,
    pub p95: Duration,
    pub max: Duration,
}

/// Draws `frames` frames of `screen` for the school at `school_path` (and its
/// plan) at `width`×`height`, moving the selection between frames so each
/// frame has something to redraw.
pub fn frame_times(
    school_path: &Path,
    screen: ScreenId,
    width: u16,
    height: u16,
    frames: usize,
) -> Result<FrameTimes, FileError> {
    let mut app = App::new(open(school_path)?, Lang::Zh);
    app.screen = screen;
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).map_err(|e| FileError::Write {
            path: school_path.to_owned(),
            source: std::io::Error::other(e.to_string()),
        })?;
    let mut times = Vec::with_capacity(frames);
    let moves = [
        crossterm::event::KeyCode::Right,
        crossterm::event::KeyCode::Down,
        crossterm::event::KeyCode::Left,
        crossterm::event::KeyCode::Up,
    ];
    for i in 0..frames.max(1) {
        let _ = app.update(
            super::event::Event::key(moves[i % moves.len()]),
            Instant::now(),
        );
        let started = Instant::now();
        terminal
            .draw(|frame| ui::render(&app, frame))
            .map_err(|e| FileError::Write {
                path: school_path.to_owned(),
                source: std::io::Error::other(e.to_string()),
            })?;
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    Ok(FrameTimes {
        frames: times.len(),
        median: at(0.5),
        p95: at(0.95),
        max: times[times.len() - 1],
    })
}

/// How long one edit takes end to end in `Doc::edit` (snapshot, change,
/// validation and the checker re-run), timed over `edits` lock toggles on
/// the plan of the school at `school_path`.
pub fn edit_times(school_path: &Path, edits: usize) -> Result<FrameTimes, FileError> {
    let mut doc = open(school_path)?;
    let Some((post, staff, role)) = doc.plan.posts.iter().find_map(|p| {
        p.staff
            .first()
            .map(|a| (p.id.clone(), a.staff.clone(), a.role))
    }) else {
        return Ok(FrameTimes {
            frames: 0,
            median: Duration::ZERO,
            p95: Duration::ZERO,
            max: Duration::ZERO,
        });
    };
    let mut times = Vec::with_capacity(edits);
    for _ in 0..edits.max(1) {
        let lock = kehou_solver::plan::Lock {
            post: post.clone(),
            staff: staff.clone(),
            role,
        };
        let started = Instant::now();
        let _ = doc.edit("lock", |_, plan| {
            if plan.locks.contains(&lock) {
                plan.locks.retain(|l| l != &lock);
            } else {
                plan.locks.push(lock);
            }
            Ok::<_, ()>(())
        });
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    Ok(FrameTimes {
        frames: times.len(),
        median: at(0.5),
        p95: at(0.95),
        max: times[times.len() - 1],
    })
}
