//! Every word the command line says to its user, in one place, so that a
//! Chinese translation later touches this file and nothing else.
//!
//! Help texts are written for the deputy head who runs kehou, not for its
//! programmers: what the command does, what it needs, and an example.

use std::fmt::Display;
use std::path::Path;

use kehou_solver::check::Violation;
use kehou_solver::milp::Stats;
use kehou_solver::plan::{Changes, SolveStatus};
use kehou_solver::{Plan, School};

use crate::export::summary::PlanSummary;

// ---- kehou -----------------------------------------------------------------

pub const ABOUT: &str = "Build the after-school service (课后服务) rota for a school";

pub const LONG_ABOUT: &str = "\
kehou builds the after-school service (课后服务) rota for a school: who
supervises which care group (托管班), which club (社团) meets where, who stays
with the late group (弹性离校), and who is the duty leader (值班领导) each day.

A school is described in one file, NAME.school.ron: its term, day timetables,
staff, rooms, classes and clubs (see docs/data-format.md). To start, make a
demo school and check it, as in the examples below.";

pub const EXAMPLES: &str = "\
Examples:
  kehou demo -o demo.school.ron
      make a demo school to try kehou on
  kehou check demo.school.ron
      look for mistakes in a school file
  kehou solve demo.school.ron -o demo.plan.ron
      make the rota
  kehou export demo.school.ron demo.plan.ron --format csv -o roster.csv
      the roster for the duty board, as a spreadsheet
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --reason 病假
      a teacher called in sick: repair that day's roster
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08
      the roster of one date, with every substitution
  kehou help check
      more about one command";

// ---- kehou demo ------------------------------------------------------------

pub const DEMO_ABOUT: &str = "Make a demo school to try kehou on";

pub const DEMO_LONG_ABOUT: &str = "\
Make a realistic demo school and save it as a school file: its classes and
how many students stay each weekday, its staff, rooms, clubs and day
timetables. The same size and seed always give
the same school, so a demo school can be shared by naming them.

If FILE already exists, kehou asks before replacing it (on a terminal) or
needs --force; the old one is then kept as FILE.bak.";

pub const DEMO_EXAMPLES: &str = "\
Examples:
  kehou demo -o demo.school.ron
      a medium school (about 24 classes and 60 teachers)
  kehou demo --size small --seed 7 -o small.school.ron
      a small school; another seed gives another school";

pub const DEMO_SIZE_HELP: &str = "How big a school to make";
pub const DEMO_SIZE_SMALL: &str = "about 12 classes";
pub const DEMO_SIZE_MEDIUM: &str = "about 24 classes, 1,000 students and 60 teachers";
pub const DEMO_SIZE_LARGE: &str = "about 60 classes and 180 staff";
pub const DEMO_SEED_HELP: &str = "Which demo school of that size: any whole number";
pub const DEMO_PROFILE_HELP: &str = "What the school is like beyond its size";
pub const DEMO_PROFILE_DEMO: &str = "staff with room to spare (the demo)";
pub const DEMO_PROFILE_REALISTIC: &str =
    "as real schools are: teaching-research afternoons per grade band, caps of 2-5 posts a week, part-timers, a thin Thursday";
pub const DEMO_OUTPUT_HELP: &str = "Where to save the school, such as demo.school.ron";
pub const DEMO_FORCE_HELP: &str =
    "Replace FILE if it exists (it is kept as FILE.bak); without it, kehou asks, or refuses when it cannot ask";

/// `kehou demo -o` an existing file, not confirmed.
pub fn demo_exists(path: &Path) -> String {
    format!(
        "{} exists; nothing was written. A demo school would replace it: add --force to replace it (the previous file is kept as {}), or give -o another name",
        path.display(),
        crate::files::backup_path(path).display()
    )
}

pub fn demo_replace_question(path: &Path) -> String {
    format!(
        "{} exists. Replace it with a demo school (the previous file is kept as {})? [y/N] ",
        path.display(),
        crate::files::backup_path(path).display()
    )
}

/// What `kehou demo` says once the file is saved.
pub fn demo_saved(path: &Path, school: &School) -> String {
    format!(
        "saved {}: {}, {} classes, {} staff, {} rooms, {} clubs\nnext: kehou check {}",
        path.display(),
        school.name,
        school.classes.len(),
        school.staff.len(),
        school.rooms.len(),
        school.clubs.len(),
        path.display(),
    )
}

// ---- kehou check -----------------------------------------------------------

pub const CHECK_ABOUT: &str = "Look for mistakes in a school file (and a plan)";

pub const CHECK_LONG_ABOUT: &str = "\
Look for mistakes in a school file: everything that would stop kehou from
making a rota (errors), and everything that looks odd (warnings). Every
problem is listed at once, each with the item it concerns and what to change.

With a plan file as well, also check that the plan was made for this school
as it is now (after any change to the school, solve again), and that it keeps
every hard rule: enough adults and a lead on every post, skills, availability,
leave, nobody in two places at once, rooms, caps and locks.

Exit status: 0 when nothing stops a rota (warnings allowed); 1 when there are
errors, the plan is out of date or breaks a rule; 2 when a file cannot be
read.";

pub const CHECK_EXAMPLES: &str = "\
Examples:
  kehou check demo.school.ron
      check a school file
  kehou check demo.school.ron demo.plan.ron
      check the school, and that the plan is up to date";

pub const CHECK_SCHOOL_HELP: &str = "The school file, such as demo.school.ron";
pub const CHECK_PLAN_HELP: &str = "A plan file solved for that school, such as demo.plan.ron";

/// The item a plan finding is about.
pub fn plan_item(path: &Path) -> String {
    format!("plan {}", path.display())
}

pub const PLAN_STALE: &str = "plan is stale: the school changed since it was solved";
pub const PLAN_STALE_FIX: &str = "solve again to get a plan for the school as it is now";

/// The item a broken rule of a plan is about: a post, or a person.
pub fn plan_place(path: &Path, place: &str) -> String {
    format!("plan {}, {place}", path.display())
}

pub fn plan_violation(v: &Violation) -> String {
    format!("breaks the rule {:?}: {}", v.rule, v.detail)
}

pub const PLAN_NOT_SOLVED: &str = "nothing has been solved into this plan yet";

pub fn plan_not_solved_fix(plan: &Path) -> String {
    format!(
        "make the rota with kehou solve SCHOOL -o {}",
        plan.display()
    )
}

pub const PLAN_VIOLATION_FIX: &str =
    "solve again; if kehou made this plan and nobody edited it, please report it as a bug in kehou";

/// The last line of `kehou check`: "3 errors, 1 warning" or "no problems found".
pub fn summary(errors: usize, warnings: usize) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (errors, warnings) {
        (0, 0) => "no problems found".to_owned(),
        (e, 0) => count(e, "error", "errors"),
        (0, w) => format!("{} (nothing stops a rota)", count(w, "warning", "warnings")),
        (e, w) => format!(
            "{}, {}",
            count(e, "error", "errors"),
            count(w, "warning", "warnings")
        ),
    }
}

// ---- kehou solve -----------------------------------------------------------

pub const SOLVE_ABOUT: &str = "Make the rota of a school and save it as a plan";

pub const SOLVE_LONG_ABOUT: &str = "\
Make the rota of a school: who takes each care group, club, late group and
duty over the rotation cycle, so that every group has its adults, nobody is
in two places at once, and the work is spread fairly. The plan is checked
against every hard rule and saved as PLAN; a summary says how good it is and
what could not be covered, and why.

The school is checked first; if it has errors, nothing is solved (see
`kehou check`); shortages (a club nobody can lead yet, no leader for duty)
are warnings: everything else is staffed and they are listed as unmet.

If PLAN already exists, the re-solve changes as little as it can: every post
that can be covered is covered first, then as few of the previous plan's
assignments as possible change (a school unchanged since changes none), and
only then is the rest made fairer. Locks, choices made by hand and the term's
sick calls are kept; what cannot be kept is listed with the reason. The
summary says how many assignments changed and how many your edits forced.
--max-changes N allows up to N changes in all to make the rota fairer;
--fresh re-optimises from scratch (locks are still kept). The old plan is kept
as PLAN.bak.

Every post that can be covered is covered within a second, whatever the time
limit; the rest of the time (the school's `time_limit_seconds`, 60 by default)
makes the rota fairer. When time runs out before the plan is proven best, the
plan is still saved, with how far from best it can be at most (the gap).

Exit status: 0 when every post is covered; 1 when some posts are not covered
(the plan is saved; the summary says why), when no plan was found in time
(nothing is saved), or when the school has errors; 2 when a file cannot be
read or written; 3 when the plan failed kehou's own check — a bug in kehou:
nothing is saved; please report it.";

pub const SOLVE_EXAMPLES: &str = "\
Examples:
  kehou solve demo.school.ron -o demo.plan.ron
      make the rota and save it
  kehou solve demo.school.ron -o demo.plan.ron --time-limit 300 --cycle-weeks 2
      search for up to 5 minutes, rotating duties over A/B weeks
  kehou solve demo.school.ron -o demo.plan.ron --max-changes 20
      after an edit: change what the edit forces, and up to 20 assignments in all for fairness
  kehou solve demo.school.ron -o demo.plan.ron --fresh
      re-optimise the whole rota from scratch";

pub const SOLVE_SCHOOL_HELP: &str = "The school file, such as demo.school.ron";
pub const SOLVE_OUTPUT_HELP: &str =
    "Where to save the plan, such as demo.plan.ron (an existing plan there is followed, and kept as .bak)";
pub const SOLVE_TIME_LIMIT_HELP: &str =
    "Search for at most this many seconds [default: the school's time_limit_seconds]";
pub const SOLVE_CYCLE_WEEKS_HELP: &str =
    "Weeks in the rotation cycle, 1 to 4 [default: the school's cycle_weeks]";
pub const SOLVE_FRESH_HELP: &str =
    "Re-optimise from scratch instead of changing the existing plan as little as possible (locks are kept)";
pub const SOLVE_MAX_CHANGES_HELP: &str =
    "With an existing plan: change up to N of its assignments in all to make the rota fairer [default: only what coverage needs]";
pub const SOLVE_WRITE_MODEL_HELP: &str =
    "Also write the model as CPLEX LP text to FILE, for solver experts";

/// Why `kehou solve` did not start.
pub fn solve_refused(errors: usize, school: &Path) -> String {
    format!(
        "{}: nothing solved; fix {} and solve again (kehou check {} lists every problem)",
        plural(errors, "error", "errors"),
        if errors == 1 { "it" } else { "them" },
        school.display(),
    )
}

pub fn solve_warnings(warnings: usize, school: &Path) -> String {
    format!(
        "note: the school has {}; solving anyway (kehou check {} lists them)",
        plural(warnings, "warning", "warnings"),
        school.display(),
    )
}

pub fn solve_previous_stale(plan: &Path, backup: &Path, fresh: bool) -> String {
    let keeps = if fresh {
        "the new plan is made afresh, keeping only its locks"
    } else {
        "the new plan changes as little of it as coverage allows (what cannot be kept is listed in the notes)"
    };
    format!(
        "note: {} was made for an earlier version of the school; {keeps}; the old plan will be kept as {}",
        plan.display(),
        backup.display(),
    )
}

pub fn solve_previous_unreadable(e: &impl Display, backup: &Path) -> String {
    format!(
        "note: the existing plan cannot be followed ({e}); the new plan starts afresh, and the old file will be kept as {}",
        backup.display()
    )
}

/// The progress line while solving: `| solving… 12 s (at most about 60 s)`.
pub fn solving(frame: char, seconds: u64, limit: u32) -> String {
    format!("{frame} solving… {seconds} s (the time limit is {limit} s)")
}

pub const SOLVE_BUG: &str = "\
kehou: BUG: the plan kehou just made breaks these rules, so it was NOT saved:";

pub fn solve_bug_report(plan: &Path) -> String {
    format!(
        "This is a bug in kehou, not in your school. {} is unchanged. Please report it with the school file (and the model from --write-model).",
        plan.display()
    )
}

/// What `kehou solve` says when the solver found no plan at all.
pub fn solve_no_plan(plan: &Plan, path: &Path) -> String {
    let mut lines = vec![format!(
        "no plan: the solver ({}) found none in {:.1} s; nothing saved, {} is unchanged",
        plan.solve.backend,
        plan.solve.seconds,
        path.display()
    )];
    lines.extend(plan.solve.notes.iter().map(|note| format!("  {note}")));
    lines.push("try a longer --time-limit, or a shorter --cycle-weeks".to_owned());
    lines.join("\n") + "\n"
}

/// The summary `kehou solve` prints once the plan is saved.
pub fn solve_report(
    plan: &Plan,
    school: &School,
    stats: &Stats,
    summary: &PlanSummary,
    path: &Path,
    previous_fairness: Option<f64>,
) -> String {
    let solve = &plan.solve;
    let minimal = solve.changes.is_some_and(|c| !c.fresh);
    let status = match solve.status {
        SolveStatus::Optimal if minimal => {
            "optimal among plans that change no more than this (proven)".to_owned()
        }
        SolveStatus::Optimal => "optimal (proven the best plan)".to_owned(),
        SolveStatus::Feasible => {
            let gap = match (solve.objective_value, solve.bound, solve.gap) {
                (Some(objective), Some(bound), Some(gap)) => format!(
                    "objective {}, bound {}, gap {:.1}%",
                    number(objective),
                    number(bound),
                    gap * 100.0
                ),
                _ => "no bound known, so no gap".to_owned(),
            };
            format!("feasible: a good plan, but time ran out before it was proven best ({gap}); a longer --time-limit may improve it")
        }
        other => other.to_string(),
    };
    let mut lines = vec![
        format!("saved {}", path.display()),
        format!("status: {status}"),
        format!(
            "time: {:.1} s with {} (phase 1, coverage: {:.1} s; phase 2, fairness: {:.1} s)",
            solve.seconds, solve.backend, stats.phase1_seconds, stats.phase2_seconds
        ),
        format!(
            "model: {} posts, {} variables ({} integer), {} constraints",
            stats.posts, stats.variables, stats.integer_variables, stats.rows
        ),
    ];
    if let Some(c) = solve.changes {
        lines.push(changes_line(&c, previous_fairness, fairness_of(plan)));
    }
    if let Some(band) = &solve.band {
        lines.extend(band_lines(band, school));
    }
    if !solve.objective.is_empty() {
        let terms: Vec<String> = solve
            .objective
            .iter()
            .map(|t| format!("{} {}", t.name, number(t.value)))
            .collect();
        lines.push(format!("objective: {}", terms.join(", ")));
    }
    lines.push(format!(
        "posts: {} over a cycle of {}, {} fully staffed",
        summary.posts,
        plural(usize::from(summary.cycle_weeks), "week", "weeks"),
        summary.fully_staffed
    ));
    if let Some(m) = summary.teacher_minutes {
        lines.push(format!(
            "teachers' weighted minutes per week: min {:.0}, median {:.0}, max {:.0}",
            m.min, m.median, m.max
        ));
    }
    if let Some((min, max)) = summary.late_duties {
        lines.push(format!(
            "late duties per teacher over the cycle: min {min}, max {max} (teachers exempt from late duty not counted)"
        ));
    }
    if !summary.duty_leader_days.is_empty() {
        let days: Vec<String> = summary
            .duty_leader_days
            .iter()
            .map(|d| format!("{} ({}) {}", d.name, d.staff, d.days))
            .collect();
        lines.push(format!(
            "duty-leader days over the cycle: {}",
            days.join(", ")
        ));
    }
    if summary.unmet.is_empty() {
        lines.push("every post is covered".to_owned());
    } else {
        lines.push(format!(
            "not covered ({}):",
            plural(summary.unmet.len(), "group of posts", "groups of posts")
        ));
        lines.extend(summary.unmet.iter().map(|line| format!("  {line}")));
    }
    lines.extend(solve.notes.iter().map(|note| format!("note: {note}")));
    lines.join("\n") + "\n"
}

/// "changed 7 of 452 assignments (5 forced by your edits), 3 added; fairness 2,231 → 2,190".
fn changes_line(c: &Changes, before: Option<f64>, after: Option<f64>) -> String {
    let how = if c.fresh {
        "a full re-optimisation changed"
    } else {
        "changed"
    };
    let added = if c.added > 0 {
        format!(", {} added", c.added)
    } else {
        String::new()
    };
    let fairness = match (before, after) {
        (Some(b), Some(a)) => format!("; fairness {} → {}", number(b), number(a)),
        _ => String::new(),
    };
    format!(
        "changes: {how} {} of {} assignments of the previous plan ({} forced by your edits){added}{fairness}",
        c.changed, c.previous, c.forced
    )
}

/// Minutes as a person reads a load: `2 h 35`, `45 min`.
fn duration(minutes: f64) -> String {
    let m = minutes.round().max(0.0) as u64;
    if m < 60 {
        format!("{m} min")
    } else {
        format!("{} h {:02}", m / 60, m % 60)
    }
}

/// The fairest band in words (docs/model.md §5.3), and who is held below it.
fn band_lines(band: &kehou_solver::plan::FairBand, school: &School) -> Vec<String> {
    let proof = if band.heaviest_proven() {
        "no rota could make the heaviest lighter (proven)".to_owned()
    } else if let Some(bound) = band.heaviest_bound {
        format!(
            "no rota's heaviest is below {} (proven); whether it could be lighter than {} is not proven",
            duration(bound),
            duration(band.heaviest)
        )
    } else {
        "not proven whether the heaviest could be lighter".to_owned()
    };
    let mut lines = vec![format!(
        "fairness: the heaviest teacher carries {} a week and the lightest {} (weighted minutes, per full-time share); {proof}",
        duration(band.heaviest),
        duration(band.lightest)
    )];
    if !band.held_below.is_empty() {
        let who: Vec<String> = band
            .held_below
            .iter()
            .take(5)
            .map(|h| {
                let name = school
                    .person(&h.staff)
                    .map_or_else(|| h.staff.to_string(), |p| p.name.clone());
                let why = match h.because {
                    kehou_solver::plan::Holder::CapPerWeek(n) => {
                        format!("a cap of {n} posts a week")
                    }
                    kehou_solver::plan::Holder::Availability => "their availability".to_owned(),
                };
                format!("{name} (at most {} a week: {why})", duration(h.reachable))
            })
            .collect();
        let more = band.held_below.len().saturating_sub(5);
        let tail = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        lines.push(format!(
            "  held below by their own limits, so not the lightest: {}{tail}",
            who.join(", ")
        ));
    }
    lines
}

/// The fairness term of a plan's objective, where it has one.
pub fn fairness_of(plan: &Plan) -> Option<f64> {
    plan.solve
        .objective
        .iter()
        .find(|t| t.name == "fairness")
        .map(|t| t.value)
}

pub fn solve_next(school: &Path, plan: &Path) -> String {
    format!(
        "next: kehou export {} {} --format csv -o roster.csv",
        school.display(),
        plan.display()
    )
}

/// A number as a person reads it: no trailing `.0`, at most three decimals.
fn number(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

// ---- kehou export ----------------------------------------------------------

pub const EXPORT_ABOUT: &str =
    "Write a plan as a duty board, workbook, calendars, sign-in sheets, hours or CSV";

pub const EXPORT_LONG_ABOUT: &str = "\
Write the roster of a plan as files: for the duty board (值班表), for every
teacher, and for the finance office (after-school hours count for
performance pay). docs/exports.md describes every format.

--format html    the duty board: printable HTML, one A4 landscape page per
                 week of the cycle (a large school's week may take two),
                 weekdays across, sessions down, the duty leader of each day
                 highlighted. With --date D: that day's sheet, its
                 substitutions marked (who is out struck through, who covers
                 highlighted). Open it in a browser and print.
--format signin  attendance sign-in sheets (托管学生考勤记录表): one A4 page
                 per care group per week, a row per day with count and
                 signature columns. With --date D: the sheets of D's teaching
                 week, dates filled in.
--format xlsx    a workbook with sheets Rota, By person, By room,
                 Substitutions and Hours.
--format ics     iCalendar files for phones: one per person, all term on real
                 dates (holidays skipped, make-up days included, substitutions
                 applied), in time zone Asia/Shanghai. -o names a directory;
                 with --person ID, -o may name the .ics file.
--format hours   hours per person for the term: minutes by post kind, late
                 duties, substitutions covered and released, total hours. CSV,
                 or a workbook when -o ends in .xlsx. --person ID: one person.
--format csv     the roster, one row per person per post (below). With
                 --date D: that day's roster, a date column first.

CSV (--format csv) has one row per person per post, with the columns
  cycle_week,weekday,session,start,end,post_kind,post_id,group,room,staff_id,staff_name,role
- cycle_week: the week of the rotation cycle, from 1
- weekday: mon, tue, wed, thu or fri; session: morning, noon, basic,
  extended, late or evening; start, end: HH:MM
- post_kind: homework, club, late, duty_leader, gate, reception, care or evening
- group: the classes the post holds, joined with + (3-1+3-2), or the club id
- room: where the post meets (empty for duties without students)
- role: lead (the responsible adult), assist, or unmet
A post that lacks adults gets one row with role `unmet` and empty staff_id
and staff_name for each adult it still needs (and one when its adults are all
assistants, for the missing lead), so the hole shows on the duty board.
Rows are sorted by week, weekday, start, post, role and staff id.

The file is UTF-8 with a byte-order mark, so Excel shows Chinese names
correctly. A cell that starts with = + - @ (or a tab) gets a ' in front, so a
spreadsheet never runs it as a formula.

If the plan was made for an earlier version of the school, the roster is
still written, with a warning: solve again. If FILE already exists, the old
one is kept as FILE.bak.

Exit status: 0 when the files are written (warnings allowed); 2 when a file
cannot be read or written, the date has no service, or the person is not in
the school.";

pub const EXPORT_EXAMPLES: &str = "\
Examples:
  kehou export demo.school.ron demo.plan.ron --format csv -o roster.csv
      the roster for a spreadsheet
  kehou export demo.school.ron demo.plan.ron -o - | grep ',unmet'
      the posts still missing adults
  kehou export demo.school.ron demo.plan.ron --format html -o 值班表.html
      the duty board to print, a page per cycle week
  kehou export demo.school.ron demo.plan.ron --format html --date 2026-10-12 -o today.html
      the day's sheet with its substitutions
  kehou export demo.school.ron demo.plan.ron --format xlsx -o roster.xlsx
      the workbook for the office
  kehou export demo.school.ron demo.plan.ron --format ics -o calendars/
      a calendar file per teacher; --person t001 -o t001.ics for one
  kehou export demo.school.ron demo.plan.ron --format hours -o hours.xlsx
      the term's hours for performance pay
  kehou export demo.school.ron demo.plan.ron --format signin -o signin.html
      attendance sign-in sheets per care group per week";

pub const EXPORT_SCHOOL_HELP: &str = "The school file, such as demo.school.ron";
pub const EXPORT_PLAN_HELP: &str = "The plan file, such as demo.plan.ron";
pub const EXPORT_FORMAT_HELP: &str = "The kind of file to write";
pub const EXPORT_FORMAT_CSV: &str = "the roster as CSV, one row per person per post";
pub const EXPORT_FORMAT_HTML: &str = "the duty board (值班表), printable HTML";
pub const EXPORT_FORMAT_SIGNIN: &str =
    "attendance sign-in sheets per care group per week, printable HTML";
pub const EXPORT_FORMAT_XLSX: &str = "a workbook: Rota, By person, By room, Substitutions, Hours";
pub const EXPORT_FORMAT_ICS: &str = "iCalendar files, one per person, for the whole term";
pub const EXPORT_FORMAT_HOURS: &str =
    "hours per person for the term: CSV, or xlsx if -o ends in .xlsx";
pub const EXPORT_DATE_HELP: &str = "One service date (YYYY-MM-DD): the day's sheet (html), a date column (csv), that week's sheets (signin)";
pub const EXPORT_PERSON_HELP: &str = "One person's staff id: their calendar (ics) or hours (hours)";
pub const EXPORT_OUTPUT_HELP: &str =
    "Where to write, such as roster.csv (a directory for ics); - for standard output";

pub fn export_stale(plan: &Path) -> String {
    format!(
        "warning: not current: the school changed after this rota was made ({} was solved for an earlier version of the school); the roster may be wrong: solve again. Printed sheets carry the same mark.",
        plan.display()
    )
}

pub fn export_broken(school: &Path, plan: &Path, rules: usize) -> String {
    format!(
        "warning: {} breaks {rules} hard rule(s); exported as it is. `kehou check {} {}` lists them",
        plan.display(),
        school.display(),
        plan.display()
    )
}

/// What `kehou export` says once the file is written.
pub fn exported(path: &Path, rows: usize, unmet: usize) -> String {
    let unmet = match unmet {
        0 => String::new(),
        n => format!(", {} still missing", plural(n, "adult", "adults")),
    };
    format!(
        "wrote {}: {}{unmet}",
        path.display(),
        plural(rows, "row", "rows")
    )
}

/// "1 error", "3 errors".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// ---- any command -----------------------------------------------------------

/// When kehou's own output cannot be written (a full disk behind `> file`).
pub fn cannot_write_output(e: &impl Display) -> String {
    format!("kehou: cannot write the output: {e}")
}
