//! What the printable HTML exports share: escaping, the page shell with its
//! print CSS, and the system font stack.
//!
//! The pages are self-contained: no script, no web font, no image, no link
//! to anything outside the file, so that they print the same on the office
//! PC without a network as on a phone. Chinese text is drawn with whatever
//! CJK font the system has (the stack names the usual ones of Windows, macOS,
//! Linux and Android). Everything that came from a file — names, rooms,
//! groups — goes through [`escape`].

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::words::Lang;

/// The system fonts to try, Chinese ones first.
pub const FONT_STACK: &str = "\"Microsoft YaHei\", \"微软雅黑\", \"PingFang SC\", \
\"Hiragino Sans GB\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \
\"WenQuanYi Zen Hei\", SimHei, \"Droid Sans Fallback\", sans-serif";

/// `text` made safe as HTML text or as a quoted attribute value.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The paper a document is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4Landscape,
    A4Portrait,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4Landscape => (297.0, 210.0),
            Paper::A4Portrait => (210.0, 297.0),
        }
    }

    fn css(self) -> &'static str {
        match self {
            Paper::A4Landscape => "A4 landscape",
            Paper::A4Portrait => "A4 portrait",
        }
    }
}

/// The page margin, in millimetres, on every side.
pub const MARGIN_MM: f64 = 8.0;

/// A complete HTML document of `pages` (each a `<section class="page">`)
/// with the shared CSS and the document's own `css`, in `lang`.
pub fn document(title: &str, lang: Lang, paper: Paper, css: &str, pages: &str) -> String {
    let (w, h) = paper.size_mm();
    let mut out = String::with_capacity(pages.len() + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"kehou\">\n<title>{title}</title>\n<style>\n\
@page {{ size: {size}; margin: {m}mm; }}\n\
* {{ box-sizing: border-box; }}\n\
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}\n\
body {{ margin: 0; font-family: {fonts}; color: #000; background: #d9d9d9; }}\n\
.page {{ background: #fff; width: {w}mm; min-height: {h}mm; padding: {m}mm; margin: 6mm auto; \
box-shadow: 0 0 2mm rgba(0,0,0,.3); }}\n\
.page + .page {{ break-before: page; }}\n\
h1 {{ font-size: 15pt; margin: 0 0 1mm; }}\n\
.sub {{ font-size: 9pt; margin: 0 0 2mm; color: #333; }}\n\
table {{ border-collapse: collapse; width: 100%; }}\n\
th, td {{ border: 0.3mm solid #444; vertical-align: top; text-align: left; }}\n\
.legend {{ font-size: 7.5pt; margin-top: 1.5mm; color: #222; }}\n\
.unmet {{ color: #b00020; font-weight: bold; }}\n\
@media print {{\n  body {{ background: none; }}\n  \
.page {{ width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; }}\n}}\n\
{css}</style>\n</head>\n<body>\n{pages}</body>\n</html>\n",
        title = escape(title),
        code = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        },
        size = paper.css(),
        m = MARGIN_MM,
        fonts = FONT_STACK,
    );
    out
}

/// How wide `text` is, in half-ems: a Chinese character is 2, a Latin one 1.
pub use crate::columns::width;

/// The mark on every page of a board or sheet made from a plan whose school
/// has changed since it was solved: a printed sheet outlives the screen
/// that warned about it.
pub fn not_current(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "非当前排班：本排班生成后学校数据已改动，请重新排班",
        Lang::En => "not current: the school changed after this rota was made",
    }
}

/// `html` (a [`document`]) with [`not_current`] at the top of every page.
pub fn mark_not_current(html: &str, lang: Lang) -> String {
    let banner = format!("\n<p class=\"not-current\">{}</p>", not_current(lang));
    let mut out = String::with_capacity(html.len() + 4096);
    let mut rest = html;
    while let Some(start) = rest.find("<section class=\"page\"") {
        let Some(close) = rest[start..].find('>') else {
            break;
        };
        let end = start + close + 1;
        out.push_str(&rest[..end]);
        out.push_str(&banner);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replacen(
        "</style>",
        ".not-current { border: 0.6mm solid #b00020; color: #b00020; font-weight: bold; \
font-size: 11pt; padding: 1mm 2mm; margin: 0 0 2mm; }\n</style>",
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("a & \"b\" 'c'"), "a &amp; &quot;b&quot; &#39;c&#39;");
        assert!(matches!(escape("王丽"), Cow::Borrowed("王丽")));
    }

    #[test]
    fn the_not_current_mark_follows_the_language() {
        let page = "<style>\n</style><section class=\"page\"></section>";
        let en = mark_not_current(page, Lang::En);
        assert!(en.contains("<p class=\"not-current\">not current: "));
        assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert!(mark_not_current(page, Lang::Zh).contains("非当前排班"));
        assert!(
            !not_current(Lang::Zh)
                .chars()
                .any(|c| c.is_ascii_alphabetic()),
            "the Chinese mark is Chinese only"
        );
    }

    #[test]
    fn chinese_is_twice_as_wide() {
        assert_eq!(width("王丽"), 4);
        assert_eq!(width("3-1"), 3);
    }

    #[test]
    fn the_document_is_self_contained() {
        let doc = document(
            "<t>",
            Lang::Zh,
            Paper::A4Landscape,
            "",
            "<section class=\"page\"></section>",
        );
        assert!(doc.starts_with("<!DOCTYPE html>"));
        assert!(doc.contains("<title>&lt;t&gt;</title>"));
        assert!(doc.contains("size: A4 landscape"));
        for outside in ["http:", "https:", "<script", "<link", "@import", "url("] {
            assert!(!doc.contains(outside), "{outside}");
        }
    }
}
