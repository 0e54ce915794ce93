//! The words of kehou in 简体中文 and English, shared by the terminal UI, the
//! command line and the exports: the language ([`Lang`]), the small words
//! ([`vocab`]), how things are named ([`names`]: people by name, posts as
//! "第1周 周二 门岗 17:40", skills by their display names), and the renderers
//! of the solver's data — validation findings, broken rules, why a post is
//! unmet, why a cover was chosen, solve notes and errors.
//!
//! The solver returns data and words it in English only (its `english`
//! functions and `Display`); every other language is rendered here, each
//! type with an exhaustive `match`, so a new finding or reason without its
//! Chinese is a compile error, never a fallback to English.

pub mod check;
pub mod errors;
pub mod findings;
pub mod import;
pub mod names;
pub mod plan;
pub mod repair;
pub mod skills;
pub mod solve;
pub mod typed;
pub mod vocab;

pub use names::Names;
pub use vocab::Vocab;

/// The language a person reads kehou in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From the locale variables, first set wins (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`): `zh…` is Chinese, any other value English. With none set,
    /// Chinese: kehou is made for Chinese schools, and a bare environment
    /// (a service account, a container) says nothing about the person.
    pub fn from_env() -> Lang {
        let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Lang::from_locale(
            get("LC_ALL")
                .or_else(|| get("LC_MESSAGES"))
                .or_else(|| get("LANG"))
                .as_deref(),
        )
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            None => Lang::Zh,
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            Some(_) => Lang::En,
        }
    }

    /// `zh` or `en` (as `--lang` takes them), any case.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a command line asks for: its `--lang` (anywhere, as
    /// `--lang X` or `--lang=X`), else the locale. Read before the command
    /// line is parsed, so that the help and the parser's own errors speak
    /// it too.
    pub fn from_args<S: AsRef<str>>(args: &[S]) -> Lang {
        let mut it = args.iter().map(AsRef::as_ref);
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            let value = match a.strip_prefix("--lang") {
                Some("") => it.next(),
                Some(v) => v.strip_prefix('='),
                None => None,
            };
            if let Some(lang) = value.and_then(Lang::from_code) {
                return lang;
            }
        }
        Lang::from_env()
    }

    pub fn vocab(self) -> &'static Vocab {
        match self {
            Lang::Zh => &vocab::ZH,
            Lang::En => &vocab::EN,
        }
    }
}

/// Fills the `{}` placeholders of `template` with `args`, in order.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_order_and_tolerates_too_few() {
        assert_eq!(fill("{} of {}", &[&1, &"二"]), "1 of 二");
        assert_eq!(fill("{} and {}", &[&1]), "1 and ");
        assert_eq!(fill("none", &[&1]), "none");
    }

    #[test]
    fn the_locale_picks_the_language() {
        assert_eq!(Lang::from_locale(Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::Zh);
    }

    #[test]
    fn lang_on_the_command_line_wins_wherever_it_is() {
        assert_eq!(
            Lang::from_args(&["kehou", "check", "x", "--lang", "en"]),
            Lang::En
        );
        assert_eq!(Lang::from_args(&["kehou", "--lang=zh", "check"]), Lang::Zh);
        assert_eq!(Lang::from_args(&["kehou", "--lang=EN"]), Lang::En);
    }

    #[test]
    fn lists_read_naturally_in_both_languages() {
        assert_eq!(Lang::Zh.vocab().list(&["甲", "乙", "丙"]), "甲、乙和丙");
        assert_eq!(Lang::En.vocab().list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(Lang::En.vocab().list(&["a"]), "a");
        assert_eq!(Lang::Zh.vocab().grades_of(3, 6), "3至6年级");
    }
}
