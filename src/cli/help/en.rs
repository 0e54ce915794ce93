//! The command line's help in English.

use super::{Cmd, Frame, Help};

pub static FRAME: Frame = Frame {
    usage: "Usage: ",
    arguments: "Arguments",
    options: "Options",
    commands: "Commands",
    help: "Print help",
    version: "Print version",
    help_command: "Explain a command, with examples",
};

const SCHOOL: &str = "The school file, such as demo.school.ron";
const PLAN: &str = "The plan file, such as demo.plan.ron";
const PLAN_UPDATED: &str = "The plan file, such as demo.plan.ron; it is updated";
const DATE: &str = "The date, as 2026-09-08 (or 2026-9-8, 2026/9/8)";
const POST: &str = "The post's id, as the post column of `kehou roster` shows it";
const OUT: &str =
    "Whose place: the person out, by name or staff id (default: a missing adult of the post)";

pub fn help(cmd: Cmd) -> Help {
    match cmd {
        Cmd::Root => Help {
            about: "Build the after-school service rota for a school",
            long_about: "\
kehou builds the after-school service rota for a school: who supervises which
care group, which club meets where, who stays with the late group, and who is
the duty leader each day.

A school is described in one file, NAME.school.ron: its term, day timetables,
staff, rooms, classes and clubs (see docs/data-format.md). To start, make a
demo school and check it, as in the examples below. Everything kehou says is
in Chinese or English: --lang zh|en, else the locale (LC_ALL, LC_MESSAGES,
LANG: zh… is Chinese, anything else English), else Chinese.",
            examples: "\
Examples:
  kehou demo -o demo.school.ron
      make a demo school to try kehou on
  kehou check demo.school.ron
      look for mistakes in a school file
  kehou solve demo.school.ron -o demo.plan.ron
      make the rota
  kehou export demo.school.ron demo.plan.ron --format csv -o roster.csv
      the roster for the duty board, as a spreadsheet
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --reason sick
      a teacher called in sick: repair that day's roster
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08
      the roster of one date, with every substitution
  kehou help check
      more about one command",
            usage: "kehou [COMMAND] [--lang zh|en]",
            args: &[(
                "lang",
                "Language of everything kehou says: zh (Chinese) or en (English) [default: the locale, else zh]",
            )],
            values: &[("lang", "LANG")],
        },
        Cmd::Demo => Help {
            about: "Make a demo school to try kehou on",
            long_about: "\
Make a realistic demo school and save it as a school file: its classes and
how many students stay each weekday, its staff, rooms, clubs and day
timetables. The same size and seed always give the same school, so a demo
school can be shared by naming them.

If FILE already exists, kehou asks before replacing it (on a terminal) or
needs --force; the old one is then kept as FILE.bak.",
            examples: "\
Examples:
  kehou demo -o demo.school.ron
      a medium school (about 24 classes and 60 teachers)
  kehou demo --size small --seed 7 -o small.school.ron
      a small school; another seed gives another school",
            usage: "kehou demo -o FILE [--size small|medium|large] [--profile demo|realistic] [--seed N] [--force]",
            args: &[
                ("size", "How big a school to make"),
                ("seed", "Which demo school of that size: any whole number"),
                ("profile", "What the school is like beyond its size"),
                ("output", "Where to save the school, such as demo.school.ron"),
                (
                    "force",
                    "Replace FILE if it exists (it is kept as FILE.bak); without it, kehou asks, or refuses when it cannot ask",
                ),
            ],
            values: &[("seed", "N"), ("output", "FILE")],
        },
        Cmd::Check => Help {
            about: "Look for mistakes in a school file (and a plan)",
            long_about: "\
Look for mistakes in a school file: everything that would stop kehou from
making a rota (errors), and everything that looks odd (warnings). Every
problem is listed at once, each with the item it concerns and what to change.

With a plan file as well, also check that the plan was made for this school
as it is now (after any change to the school, solve again), and that it keeps
every hard rule: enough adults and a lead on every post, skills, availability,
leave, nobody in two places at once, rooms, caps and locks.

Exit status: 0 when nothing stops a rota (warnings allowed); 1 when there are
errors, the plan is out of date or breaks a rule; 2 when a file cannot be
read.",
            examples: "\
Examples:
  kehou check demo.school.ron
      check a school file
  kehou check demo.school.ron demo.plan.ron
      check the school, and that the plan is up to date",
            usage: "kehou check SCHOOL [PLAN]",
            args: &[
                ("school", SCHOOL),
                ("plan", "A plan file solved for that school, such as demo.plan.ron"),
            ],
            values: &[("school", "SCHOOL"), ("plan", "PLAN")],
        },
        Cmd::Solve => Help {
            about: "Make the rota of a school and save it as a plan",
            long_about: "\
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
plan is still saved, with how far from best it can be at most.

Exit status: 0 when every post is covered; 1 when some posts are not covered
(the plan is saved; the summary says why), when no plan was found in time
(nothing is saved), or when the school has errors; 2 when a file cannot be
read or written; 3 when the plan failed kehou's own check — a bug in kehou:
nothing is saved; please report it.",
            examples: "\
Examples:
  kehou solve demo.school.ron -o demo.plan.ron
      make the rota and save it
  kehou solve demo.school.ron -o demo.plan.ron --time-limit 300 --cycle-weeks 2
      search for up to 5 minutes, rotating duties over A/B weeks
  kehou solve demo.school.ron -o demo.plan.ron --max-changes 20
      after an edit: change what the edit forces, and up to 20 assignments in all for fairness
  kehou solve demo.school.ron -o demo.plan.ron --fresh
      re-optimise the whole rota from scratch",
            usage: "kehou solve SCHOOL -o PLAN [--time-limit SECONDS] [--cycle-weeks K] [--max-changes N | --fresh]",
            args: &[
                ("school", SCHOOL),
                (
                    "output",
                    "Where to save the plan, such as demo.plan.ron (an existing plan there is followed, and kept as .bak)",
                ),
                (
                    "time_limit",
                    "Search for at most this many seconds [default: the school's time_limit_seconds]",
                ),
                (
                    "cycle_weeks",
                    "Weeks in the rotation cycle, 1 to 4 [default: the school's cycle_weeks]",
                ),
                (
                    "fresh",
                    "Re-optimise from scratch instead of changing the existing plan as little as possible (locks are kept)",
                ),
                (
                    "max_changes",
                    "With an existing plan: change up to N of its assignments in all to make the rota fairer [default: only what coverage needs]",
                ),
                (
                    "write_model",
                    "Also write the model as CPLEX LP text to FILE, for solver experts",
                ),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("output", "PLAN"),
                ("time_limit", "SECONDS"),
                ("cycle_weeks", "K"),
                ("max_changes", "N"),
                ("write_model", "FILE"),
            ],
        },
        Cmd::Export => Help {
            about: "Write a plan as a duty board, workbook, calendars, sign-in sheets, hours or CSV",
            long_about: EXPORT_LONG,
            examples: "\
Examples:
  kehou export demo.school.ron demo.plan.ron --format csv -o roster.csv
      the roster for a spreadsheet
  kehou export demo.school.ron demo.plan.ron --lang en -o - | grep ',unmet'
      the posts still missing adults
  kehou export demo.school.ron demo.plan.ron --format html -o duty-board.html
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
      attendance sign-in sheets per care group per week",
            usage: "kehou export SCHOOL PLAN -o FILE [--format csv|html|signin|xlsx|ics|hours] [--date DATE] [--person WHO]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN),
                ("format", "The kind of file to write"),
                (
                    "date",
                    "One service date: the day's sheet (html), a date column (csv), that week's sheets (signin)",
                ),
                (
                    "person",
                    "One person, by name or staff id: their calendar (ics) or hours (hours)",
                ),
                (
                    "output",
                    "Where to write, such as roster.csv (a directory for ics); - for standard output",
                ),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("plan", "PLAN"),
                ("date", "DATE"),
                ("person", "WHO"),
                ("output", "FILE"),
            ],
        },
        Cmd::Import => Help {
            about: "Make a school file from CSV lists of staff, rooms, classes and clubs",
            long_about: IMPORT_LONG,
            examples: "\
Examples:
  kehou import --staff staff.csv --rooms rooms.csv --classes classes.csv --clubs clubs.csv -o school.school.ron
      a school with default settings
  kehou import --staff staff.csv --rooms rooms.csv --classes classes.csv --clubs clubs.csv --settings last-term.school.ron -o new-term.school.ron
      this term's lists, with last term's settings
  kehou import --workbook school.xlsx --settings last-term.school.ron -o new-term.school.ron
      the four lists as sheets of one workbook",
            usage: "kehou import (--staff FILE --rooms FILE --classes FILE [--clubs FILE] | --workbook FILE.xlsx) [--settings SCHOOL] -o SCHOOL",
            args: &[
                ("staff", "The staff list, such as staff.csv: one person a row"),
                ("rooms", "The rooms and places, such as rooms.csv"),
                (
                    "classes",
                    "The classes and how many students stay, such as classes.csv",
                ),
                ("clubs", "The clubs, such as clubs.csv; leave out for no clubs"),
                (
                    "workbook",
                    "Instead of the CSV files: one Excel workbook with sheets staff, rooms, classes and (optional) clubs",
                ),
                (
                    "settings",
                    "A school file whose name, term, rules, timetables and duties to keep",
                ),
                ("output", "Where to save the school, such as school.school.ron"),
            ],
            values: &[
                ("staff", "FILE"),
                ("rooms", "FILE"),
                ("classes", "FILE"),
                ("clubs", "FILE"),
                ("workbook", "FILE.xlsx"),
                ("settings", "SCHOOL"),
                ("output", "SCHOOL"),
            ],
        },
        Cmd::Bench => Help {
            about: "Measure the solver on a generated school (for docs/benchmarks.md)",
            long_about: "\
Generates a school (`kehou demo`'s sizes and seeds), solves it with the
default backend and prints one Markdown table row: size, cycle weeks, posts,
variables (integer), rows, phase 1 and phase 2 seconds, status, objective,
bound, gap and the process's peak memory. Run one size per process so the
peak memory is that size's. A tool for kehou's developers: its table is in
English, as docs/benchmarks.md is.",
            examples: "\
Examples:
  kehou bench --size medium --cycle-weeks 2 --time-limit 60
  kehou bench --size large --cycle-weeks 4 --time-limit 60 --header
  kehou bench --profile realistic --time-limit 20 --resolve-edits 0,1,5,20 --header
  kehou bench --size large --capacity --time-limit 20 --header",
            usage: "kehou bench [--size S] [--profile P] [--seed N] [--cycle-weeks K] [--time-limit S] [--header] [--runs N] [--no-band] [--resolve-edits N,…] [--tui SCHOOL] [--capacity]",
            args: &[
                ("size", "School size"),
                ("profile", "Generator profile"),
                ("seed", "Generator seed"),
                ("cycle_weeks", "Weeks in the rotation cycle"),
                ("time_limit", "Solver time limit in seconds"),
                ("header", "Print the table header first"),
                ("runs", "Solve this many times, one row each, and a line with the least, median and most objective, bound and heaviest: one run says little on a noisy machine; the peak memory column is each run's own"),
                ("no_band", "Solve without the fairest band (docs/model.md §5.3), to measure what it costs and gains; the row's size says \"(no band)\""),
                (
                    "resolve_edits",
                    "Instead: solve, then for each N make N random edits (someone away on a weekday) and re-solve, minimal-change and --fresh; one row each",
                ),
                (
                    "tui",
                    "Instead of solving: time drawing the terminal UI's rota for SCHOOL and its plan (200×60)",
                ),
                (
                    "capacity",
                    "Instead of solving: time `kehou capacity` on the school with each planted shortage (none, a club nobody leads, a thin Thursday, no leader on Friday, all three); --time-limit is each search's",
                ),
            ],
            values: &[
                ("seed", "N"),
                ("cycle_weeks", "K"),
                ("time_limit", "S"),
                ("resolve_edits", "N,N,…"),
                ("tui", "SCHOOL"),
            ],
        },
        Cmd::Roster => Help {
            about: "Show the roster of one date, with every substitution applied",
            long_about: "\
Show who is on which post on one real date of the term: the posts of the
cycle week and weekday that date runs as (a make-up Saturday runs as its
named weekday), at the times of that date's season, with every substitution
for sick calls and absences applied. Changed posts say who is out, who is in
and why. The post column gives each post's id, for `kehou candidates` and
`kehou cover`.

A holiday or a day without service says so. --format csv gives the same rows
as `kehou export --format csv`, with the date in a first column.",
            examples: "\
Examples:
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08
      today's roster, to post on the duty board
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08 --format csv > today.csv
      the same as a spreadsheet",
            usage: "kehou roster SCHOOL PLAN --date DATE [--format text|csv]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN),
                ("date", DATE),
                ("format", "How to show it: text (aligned, for the terminal) or csv"),
            ],
            values: &[("school", "SCHOOL"), ("plan", "PLAN"), ("date", "DATE")],
        },
        Cmd::Absent => Help {
            about: "Record a sick call or absence and repair the roster of those dates",
            long_about: "\
Record that someone is away on a date (or from --date to --to), and repair
the roster of those dates only: every post they hold is given to someone
else who is free then, keeping every rule (availability, leave, caps of that
day and week, who may lead, no one in two places at once). kehou changes as
little as it can: it prefers someone already at school that afternoon to
calling someone in, then the person with the fewest substitutions so far this
term (covers count +1, duties given up −1, as the school's own tally), then
preferences. A long absence is repaired in one go, fairly over the whole range.

The changes are listed (date, post, who is out, who is in, and why). With
--yes, or when you answer y, the plan is saved and the previous one kept as
PLAN.bak. Without --yes and without a terminal to ask on, nothing is saved.

When nobody can cover a post it stays unmet that day with the reason and the
best people to ask; choose one with `kehou cover`. --remove takes a whole
absence back (every date of it, not only --date): the person gets their own
posts back. To shorten an absence, take it back and record the shorter one.",
            examples: "\
Examples:
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --reason sick
      a teacher is sick today: repair today's roster
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --sessions late --yes
      away for the late group only; save without asking
  kehou absent demo.school.ron demo.plan.ron --staff t030 --date 2026-10-12 --to 2026-10-23 --reason leave
      away for two weeks
  kehou absent demo.school.ron demo.plan.ron --staff t012 --date 2026-09-08 --remove
      she came in after all: take back the absence holding that date, all of it",
            usage: "kehou absent SCHOOL PLAN --staff WHO --date DATE [--to DATE] [--sessions S,…] [--reason TEXT] [--yes] [--remove]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN_UPDATED),
                ("staff", "Who is away: their name or staff id"),
                ("date", "The (first) date away, as 2026-09-08"),
                ("to", "The last date away (default: --date)"),
                (
                    "sessions",
                    "Only these sessions: basic, extended, late (default: the whole day)",
                ),
                ("reason", "Why, for the record (sick, maternity leave, training …)"),
                ("remove", "Take back the whole absence of --staff that holds --date"),
                ("yes", "Save the changes without asking"),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("plan", "PLAN"),
                ("staff", "WHO"),
                ("date", "DATE"),
                ("to", "DATE"),
                ("sessions", "S,..."),
                ("reason", "TEXT"),
            ],
        },
        Cmd::Candidates => Help {
            about: "List who could take a post on a date, best first, with what each would break",
            long_about: "\
List everyone who could take a place on a post on one date, best first:
those who break nothing, then those who would go over a daily or weekly cap,
then those busy elsewhere at that time (who cannot be chosen). Someone
already at school that afternoon comes before someone to call in; then the
lowest substitution balance this term (covers − duties given up); then
preferences. Each line says what choosing that person would break.

The place is the one --out left (they must be recorded absent), or, without
--out, a missing adult of a post that is short that day.",
            examples: "\
Examples:
  kehou candidates demo.school.ron demo.plan.ron --date 2026-09-08 --post w2-tue-basic-3-2 --out t012
      who could take that teacher's place on that care group
  kehou roster demo.school.ron demo.plan.ron --date 2026-09-08
      find the post ids of a date",
            usage: "kehou candidates SCHOOL PLAN --date DATE --post POST [--out WHO] [--top N]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN),
                ("date", DATE),
                ("post", POST),
                ("out", OUT),
                ("top", "Show at most N people [default: 15]"),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("plan", "PLAN"),
                ("date", "DATE"),
                ("post", "POST"),
                ("out", "WHO"),
                ("top", "N"),
            ],
        },
        Cmd::Cover => Help {
            about: "Choose by hand who takes a place on a post on a date",
            long_about: "\
Give a place on a post on one date to the person you choose: the place --out
left (they must be recorded absent with `kehou absent`), or without --out a
missing adult of a post that is short that day. The choice is recorded as
made by hand, with what it breaks: you may go over someone's cap or against
their preference, but not put someone on two posts at once, or someone away.

The change is shown; with --yes, or when you answer y, it is saved and the
previous plan kept as PLAN.bak.",
            examples: "\
Examples:
  kehou cover demo.school.ron demo.plan.ron --date 2026-09-08 --post w2-tue-basic-3-2 --out t012 --staff t020 --yes
      one teacher takes another's place on that group",
            usage: "kehou cover SCHOOL PLAN --date DATE --post POST --staff WHO [--out WHO] [--yes]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN_UPDATED),
                ("date", DATE),
                ("post", POST),
                ("out", OUT),
                ("staff", "Who takes it: their name or staff id"),
                ("yes", "Save the change without asking"),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("plan", "PLAN"),
                ("date", "DATE"),
                ("post", "POST"),
                ("out", "WHO"),
                ("staff", "WHO"),
            ],
        },
        Cmd::Capacity => Help {
            about: "What would it take? The fewest extra adults, and of which kind, that cover every shortage",
            long_about: "\
Works out the fewest extra adults (parent or community volunteers, retired
teachers, coaches, or a teacher or leader freed from other work) that would
let every post of SCHOOL be covered, as a short list: kind, skill, weekdays
and sessions. Kinds are weighed by how hard they are to find (--price); the
list is the cheapest for those prices, proven, or kehou says how far from
proven. Shortages no person fixes (a group bigger than every room, an
outdoor club with no rain room, a fixed leader who cannot lead) are said as
such. When nothing is short, it lists the helpers' days that are not needed
(counted against PLAN when given, else against kehou's own staffing). -o
writes the school with the proposed people added: solve it to see the rota
with them.

Exit status: 0 when nothing is short; 1 when something is; 2 when a file
cannot be read or written.",
            examples: "\
Examples:
  kehou capacity school.school.ron
  kehou capacity school.school.ron school.plan.ron --lang en
  kehou capacity school.school.ron -o proposal.school.ron
  kehou capacity school.school.ron --price coach=8,teacher=0",
            usage: "kehou capacity SCHOOL [PLAN] [-o FILE [--force]] [--price KIND=N,…] [--time-limit SECONDS]",
            args: &[
                ("school", "The school file (NAME.school.ron)"),
                (
                    "plan",
                    "A plan of the school: what it leaves short, and the helpers' days it uses",
                ),
                (
                    "output",
                    "Write the school with the proposed people added (a new school file)",
                ),
                (
                    "price",
                    "How hard a kind is to find, e.g. coach=8 (0: never propose it); kinds: teacher, leader, retired, parent, community, coach",
                ),
                (
                    "time_limit",
                    "Time for each search, 1 to 3600 seconds (default 20)",
                ),
                (
                    "force",
                    "Replace FILE if it exists (the old one is kept as FILE.bak)",
                ),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("plan", "PLAN"),
                ("output", "FILE"),
                ("price", "KIND=N"),
                ("time_limit", "SECONDS"),
            ],
        },
        Cmd::Tui => Help {
            about: "Open the terminal UI on a school (the default with no command)",
            long_about: "\
Opens the interactive rota editor on SCHOOL and its plan (PLAN, else
NAME.plan.ron beside NAME.school.ron; an unsolved plan if there is none).
Look at the rota, edit the school, solve in the background, lock and
hand-edit posts, record sick calls, undo, save with Ctrl-S; ? shows the keys.
`kehou` alone opens the school opened last, else the demo school.",
            examples: "\
Examples:
  kehou tui data/demo/demo.school.ron
  kehou tui school.school.ron --lang en
  kehou",
            usage: "kehou tui SCHOOL [PLAN] [--time-limit SECONDS]",
            args: &[
                ("school", "The school file (NAME.school.ron)"),
                (
                    "plan",
                    "The plan file (default: NAME.plan.ron beside the school)",
                ),
                (
                    "time_limit",
                    "Time limit of solves started in the UI, 1 to 86400 seconds (default: the school's)",
                ),
            ],
            values: &[
                ("school", "SCHOOL"),
                ("plan", "PLAN"),
                ("time_limit", "SECONDS"),
            ],
        },
    }
}

const EXPORT_LONG: &str = "\
Write the roster of a plan as files: for the duty board, for every teacher,
and for the finance office (after-school hours count for performance pay).
docs/exports.md describes every format. Every export is written in the
language kehou speaks (--lang): headings, sheet names, reasons, calendars.

--format html    the duty board: printable HTML, one A4 landscape page per
                 week of the cycle (a large school's week may take two),
                 weekdays across, sessions down, the duty leader of each day
                 highlighted. With --date D: that day's sheet, its
                 substitutions marked (who is out struck through, who covers
                 highlighted). Open it in a browser and print.
--format signin  attendance sign-in sheets: one A4 page per care group per
                 week, a row per day with count and signature columns. With
                 --date D: the sheets of D's teaching week, dates filled in.
--format xlsx    a workbook with sheets Rota, By person, By room,
                 Substitutions and Hours.
--format ics     iCalendar files for phones: one per person, all term on real
                 dates (holidays skipped, make-up days included, substitutions
                 applied), in time zone Asia/Shanghai. -o names a directory;
                 with --person, -o may name the .ics file.
--format hours   hours per person for the term: minutes by post kind, late
                 duties, substitutions covered and released, total hours. CSV,
                 or a workbook when -o ends in .xlsx. --person: one person.
--format csv     the roster, one row per person per post (below). With
                 --date D: that day's roster, a date column first.

CSV (--format csv) has one row per person per post, with the columns
  cycle_week,weekday,session,start,end,post_kind,post_id,group,room,staff_id,staff_name,role
- cycle_week: the week of the rotation cycle, from 1
- weekday: mon, tue, wed, thu or fri; session: morning, noon, basic,
  extended, late or evening; start, end: HH:MM
- post_kind: homework, club, late, duty_leader, gate or reception
- group: the classes the post holds, joined with + (3-1+3-2), or the club
- room: where the post meets (empty for duties without students)
- role: lead (the responsible adult), assist, or unmet
In Chinese (--lang zh) the headers and these words are Chinese; post_id and
staff_id stay ids, for other programs. A post that lacks adults gets one row
with role `unmet` and empty staff_id and staff_name for each adult it still
needs (and one when its adults are all assistants, for the missing lead), so
the hole shows on the duty board. Rows are sorted by week, weekday, start,
post, role and staff id.

The file is UTF-8 with a byte-order mark, so Excel shows Chinese names
correctly. A cell that starts with = + - @ (or a tab) gets a ' in front, so a
spreadsheet never runs it as a formula.

If the plan was made for an earlier version of the school, the roster is
still written, with a warning: solve again. If FILE already exists, the old
one is kept as FILE.bak.

Exit status: 0 when the files are written (warnings allowed); 2 when a file
cannot be read or written, the date has no service, or the person is not in
the school.";

const IMPORT_LONG: &str = "\
Make a school file from the lists kept in a spreadsheet: staff, rooms, classes
and clubs, each saved as CSV UTF-8 (Excel: Save As \"CSV UTF-8\"). Headers may
be English or Chinese, in any order; columns in [brackets] may be left out:

  staff    id, name, kind, [skills], [class_teacher_of], [max_per_week],
           [max_per_day], [unavailable], [no_late], [teaching_periods]
  rooms    id, name, kind, capacity, [outdoor], [fallback], [unavailable]
  classes  id, [grade], homeroom, [class_teacher], basic, [extended], [late]
  clubs    id, name, skill, grades, enrolled, meetings, room_kind, [leader],
           [outdoor]

In the cells: lists are separated by ; (homework;football); weekdays are
mon..fri or in Chinese; sessions are morning, noon, basic, extended, late or
all, or in Chinese; unavailable times look like thu:basic;fri:all; students
per weekday like 38;36;38;35;30, or one number for every day; grades like 3-6
or 3; club meetings like tue:extended;thu:extended, or how many a week, like
2; flags are yes/no (or Chinese; empty is no); kinds and skills are codes
(teacher, gym, football) or their Chinese names; dates are 2026-09-08,
2026-9-8 or 2026/9/8. A club leader or class teacher may be given by name.
The files in data/import/ are a complete example (with Chinese headers).

The school's name, term, rules, day timetables and duties come from
--settings, an existing school file (last term's, say). Without it they are
defaults for the current school year: check them in the file written.

Or keep the lists as sheets of one Excel workbook (--workbook school.xlsx):
sheets named staff, rooms, classes and clubs (or their Chinese names), each
with the columns above in its first row. A line break inside a cell
separates list items.

Every problem in every CSV file or sheet is listed at once, with file (and
sheet), row and column. Then the school is checked as by `kehou check`. The
school file is written only if there are no errors (warnings are allowed); if
SCHOOL exists, the old one is kept as SCHOOL.bak.

Exit status: 0 the school was written (warnings allowed); 1 the school has
errors, nothing written; 2 a file cannot be read or a CSV file has problems,
nothing written.";
