//! Reading the command line in the language it asks for (`--lang`, else the
//! locale): the help, clap's errors and the values people type (dates as
//! 2026-9-8, sessions in Chinese) all in that language.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::FromArgMatches;

use super::help::{self, Cmd};
use super::Cli;
use crate::words::{typed, Lang};

/// What the command line asks for.
#[derive(Debug)]
pub enum Parsed {
    /// Run a command.
    Run(Box<Cli>),
    /// Only say something (help, the version, a mistake) and end.
    Say {
        text: String,
        /// On standard output (help), else standard error (a mistake).
        stdout: bool,
        code: u8,
    },
}

/// Parses `args` (the program's name first) in `lang`.
pub fn parse(args: &[String], lang: Lang) -> Parsed {
    // `kehou help [COMMAND]`: the help of a command, as `kehou COMMAND --help`.
    if args.get(1).map(String::as_str) == Some("help") {
        return help_of(args.get(2).map(String::as_str), lang);
    }
    let cmd = with_typed_values(help::command(lang), lang);
    match cmd.try_get_matches_from(args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => Parsed::Run(Box::new(cli)),
            Err(e) => mistake(&e, lang),
        },
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Parsed::Say {
                text: e.render().to_string(),
                stdout: true,
                code: 0,
            },
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Parsed::Say {
                text: e.render().to_string(),
                stdout: false,
                code: 2,
            },
            _ => mistake(&e, lang),
        },
    }
}

fn help_of(command: Option<&str>, lang: Lang) -> Parsed {
    let mut cmd = help::command(lang);
    let text = match command {
        None => cmd.render_long_help(),
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => {
                let mut sub = sub.clone().bin_name(format!("kehou {name}"));
                sub.render_long_help()
            }
            None => {
                return Parsed::Say {
                    text: unknown_command(name, lang),
                    stdout: false,
                    code: 2,
                }
            }
        },
    };
    Parsed::Say {
        text: text.to_string(),
        stdout: true,
        code: 0,
    }
}

fn unknown_command(name: &str, lang: Lang) -> String {
    let names: Vec<&str> = Cmd::SUBCOMMANDS.iter().map(|c| c.name()).collect();
    match lang {
        Lang::Zh => format!(
            "kehou：没有“{name}”这个命令；命令有：{}\n",
            names.join("、")
        ),
        Lang::En => format!(
            "kehou: there is no command {name}; the commands are: {}\n",
            names.join(", ")
        ),
    }
}

/// Dates and sessions read as people type them, with messages in `lang`.
fn with_typed_values(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let date = move |s: &str| typed::date(s).ok_or_else(|| bad_date(s, lang));
    let session = move |s: &str| typed::session(s).ok_or_else(|| bad_session(s, lang));
    for (sub, args) in [
        ("absent", &["date", "to"][..]),
        ("candidates", &["date"]),
        ("cover", &["date"]),
        ("roster", &["date"]),
        ("export", &["date"]),
    ] {
        cmd = cmd.mut_subcommand(sub, |c| {
            let mut c = c;
            for a in args {
                c = c.mut_arg(*a, |arg| arg.value_parser(date));
            }
            c
        });
    }
    cmd.mut_subcommand("absent", |c| {
        c.mut_arg("sessions", |arg| arg.value_parser(session))
    })
}

pub fn bad_date(typed: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{typed}”不是日期：请写成 2026-09-08、2026-9-8 或 2026/9/8"),
        Lang::En => {
            format!("\"{typed}\" is not a date: write it as 2026-09-08, 2026-9-8 or 2026/9/8")
        }
    }
}

fn bad_session(typed: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{typed}”不是时段：请写 基本服务、拓展服务 或 弹性离校"),
        Lang::En => format!("\"{typed}\" is not a session: use basic, extended or late"),
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// A mistake on the command line, in words: what is wrong, what would be
/// right, and where the help is. English is clap's own message.
fn mistake(e: &clap::Error, lang: Lang) -> Parsed {
    let text = match lang {
        Lang::En => e.render().to_string(),
        Lang::Zh => zh_mistake(e),
    };
    Parsed::Say {
        text,
        stdout: false,
        code: 2,
    }
}

fn zh_mistake(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let valid = context(e, ContextKind::ValidValue).replace(", ", "、");
    let suggested = context(e, ContextKind::SuggestedArg);
    let what = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 后面要写一个值"),
        ErrorKind::InvalidValue => {
            format!("{arg} 不接受“{value}”；可以写：{valid}")
        }
        ErrorKind::UnknownArgument => {
            let hint = if suggested.is_empty() {
                String::new()
            } else {
                format!("；是不是要写 {suggested}")
            };
            format!("不认识“{arg}”{hint}")
        }
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand);
            let names: Vec<&str> = Cmd::SUBCOMMANDS.iter().map(|c| c.name()).collect();
            format!("没有“{sub}”这个命令；命令有：{}", names.join("、"))
        }
        ErrorKind::MissingRequiredArgument => {
            format!("缺少 {}", arg.replace(", ", "、"))
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg);
            format!("{arg} 和 {prior} 不能同时用")
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            if why.contains('“') {
                format!("{arg}：{why}")
            } else {
                format!("{arg} 的值“{value}”不对（应在允许的范围内）")
            }
        }
        ErrorKind::TooManyValues => {
            format!("“{value}”多余")
        }
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{arg} 的值的个数不对")
        }
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::NoEquals => format!("{arg} 要写成 {arg}=值"),
        _ => "命令行写得不对".to_owned(),
    };
    format!("错误：{what}\n\n查看用法：kehou help 命令，或 kehou 命令 --help\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], lang: Lang) -> Parsed {
        let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        parse(&args, lang)
    }

    fn said(p: Parsed) -> (String, bool, u8) {
        match p {
            Parsed::Say { text, stdout, code } => (text, stdout, code),
            Parsed::Run(cli) => panic!("expected words, got {cli:?}"),
        }
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let (zh, stdout, code) = said(run(&["kehou", "--help"], Lang::Zh));
        assert!(stdout && code == 0);
        assert!(
            zh.contains("用法：") && zh.contains("命令") && zh.contains("排班"),
            "{zh}"
        );
        assert!(!zh.contains("Usage") && !zh.contains("Options"), "{zh}");
        let (en, _, _) = said(run(&["kehou", "help", "solve"], Lang::En));
        assert!(
            en.contains("Usage:") && en.contains("Make the rota"),
            "{en}"
        );
        let (sub, _, _) = said(run(&["kehou", "absent", "-h"], Lang::Zh));
        assert!(sub.contains("请假") && sub.contains("--staff"), "{sub}");
    }

    #[test]
    fn mistakes_are_said_in_chinese() {
        let (text, stdout, code) = said(run(&["kehou", "solve", "x.school.ron"], Lang::Zh));
        assert!(!stdout && code == 2);
        assert!(text.starts_with("错误：缺少"), "{text}");
        let (text, _, _) = said(run(&["kehou", "frobnicate"], Lang::Zh));
        assert!(text.contains("没有“frobnicate”这个命令"), "{text}");
        let (text, _, _) = said(run(
            &["kehou", "roster", "a", "b", "--date", "明天"],
            Lang::Zh,
        ));
        assert!(text.contains("“明天”不是日期"), "{text}");
    }

    #[test]
    fn dates_and_sessions_are_read_as_people_type_them() {
        let Parsed::Run(cli) = run(
            &[
                "kehou",
                "absent",
                "s",
                "p",
                "--staff",
                "王丽",
                "--date",
                "2026/9/8",
                "--sessions",
                "弹性离校,基本",
            ],
            Lang::Zh,
        ) else {
            panic!("parses");
        };
        let Some(super::super::Command::Absent(a)) = cli.command else {
            panic!("absent");
        };
        assert_eq!(a.date.to_string(), "2026-09-08");
        assert_eq!(a.staff, "王丽");
        assert_eq!(
            a.sessions,
            [
                kehou_solver::model::SessionKind::Late,
                kehou_solver::model::SessionKind::Basic
            ]
        );
    }
}
