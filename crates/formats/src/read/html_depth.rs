//! A pre-scan of an HTML page's nesting before html5ever builds its tree.
//!
//! html5ever walks its stack of open elements for most tags (scope checks,
//! implied end tags), so its time grows with the nesting depth times the
//! number of tags: 40 000 unclosed `<table><tr><td>` (600 KB) took four
//! minutes, 200 000 nested `<div>` (1 MB) eight. Pages that hold a table
//! nest a few levels (an old layout: a few tables; a site: some dozens of
//! `<div>`), so depth is bounded here at [`MAX_DEPTH`], the depth at which
//! Chrome's HTML parser stops nesting too.
//!
//! The scan tokenises tags only (no attributes kept, no text) and keeps a
//! stack of open element names, closing what the HTML parsing rules close
//! without an end tag, so pages that leave `</td>`, `</tr>`, `</p>` or
//! `</li>` out are not counted deeper than they are:
//!
//! - `<td>`/`<th>` close the open cell, `<tr>` the open row,
//!   `<tbody>`/`<thead>`/`<tfoot>`/`<caption>` everything above the table,
//!   and `<table>` right inside a table (not in a cell) the table itself;
//! - `<li>`, `<dd>`/`<dt>`, `<option>`, `<a>` close an open one of their kind;
//!   block elements close an open `<p>`;
//! - an end tag closes up to its element when that element is in scope
//!   (a table cell or table bounds the scope) and is ignored otherwise;
//! - void elements (`<br>`, `<img>`, …) never open, and the text of
//!   `<script>`, `<style>`, `<textarea>`, … and comments is skipped.
//!
//! It errs on the deep side only for malformed pages far from real ones.

use crate::error::{Error, Location, Result};
use jixiao_core::Text;

/// Deepest nesting of open elements accepted (Chrome's parser: 512).
pub const MAX_DEPTH: usize = 512;

/// Deepest nesting of open inline formatting elements accepted, apart:
/// old hand-written pages leave `<font>` (`<b>`, `<span>` …) unclosed line
/// after line, hundreds deep, which browsers and html5ever read at once.
pub const MAX_INLINE_DEPTH: usize = 4096;

/// Open elements the scan may walk past in all (a tag looks down the stack
/// for the element it closes): 4 000 open `<font>` and 200 000 stray end
/// tags took html5ever 39 s; a 150 000-row table walks some millions.
pub const MAX_WORK: usize = 100_000_000;

/// Inline elements a page may leave unclosed by the hundred (counted
/// against [`MAX_INLINE_DEPTH`], not [`MAX_DEPTH`]).
const INLINE: &[&str] = &[
    "font", "b", "i", "u", "s", "em", "strong", "span", "small", "big", "a", "nobr", "strike",
    "tt", "code", "sub", "sup", "mark", "abbr", "cite", "q", "dfn", "kbd", "samp", "var", "label",
    "ins", "del",
];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Start tags that close an open `<p>` (HTML "in body" rules).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "table",
    "hr",
    "xmp",
    "plaintext",
    "li",
    "dd",
    "dt",
];

/// Elements that bound a scope: an end tag does not reach past them.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

/// HTML's "special" elements: an end tag of an ordinary element (`</span>`,
/// `</b>`) does not close past one of them.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "html",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

const TABLE_PARTS: &[&str] = &["tbody", "thead", "tfoot"];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

fn is(name: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(name))
}

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The stack of open elements (names borrowed from the page).
struct Stack<'a> {
    open: Vec<&'a str>,
    /// For each open element, how many of it and those below it are
    /// [`INLINE`] elements.
    inline: Vec<usize>,
    /// Open elements walked past so far (html5ever walks its stack alike):
    /// bounded by [`MAX_WORK`].
    work: std::cell::Cell<usize>,
}

impl<'a> Stack<'a> {
    fn push(&mut self, name: &'a str) {
        let below = self.inline.last().copied().unwrap_or(0);
        self.inline.push(below + usize::from(is(name, INLINE)));
        self.open.push(name);
    }

    fn pop(&mut self) {
        self.open.pop();
        self.inline.pop();
    }

    fn truncate(&mut self, len: usize) {
        self.open.truncate(len);
        self.inline.truncate(len);
    }

    /// Open inline elements (`<font>`, `<b>` …), and the others.
    fn depths(&self) -> (usize, usize) {
        let inline = self.inline.last().copied().unwrap_or(0);
        (inline, self.open.len() - inline)
    }

    fn top(&self) -> Option<&'a str> {
        self.open.last().copied()
    }

    /// Index of the nearest open element matching `hit`, looking down from
    /// the top and giving up at an element matching `stop`.
    fn find(&self, hit: impl Fn(&str) -> bool, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (i, name) in self.open.iter().enumerate().rev() {
            self.work.set(self.work.get() + 1);
            if hit(name) {
                return Some(i);
            }
            if stop(name) {
                return None;
            }
        }
        None
    }

    /// Close the nearest `hit` (and all above it) unless `stop` comes first.
    fn close(&mut self, hit: impl Fn(&str) -> bool, stop: impl Fn(&str) -> bool) {
        if let Some(i) = self.find(hit, stop) {
            self.truncate(i);
        }
    }

    fn close_p(&mut self) {
        self.close(|n| eq(n, "p"), |n| is(n, SCOPE) || eq(n, "button"));
    }

    fn start(&mut self, name: &'a str, self_closing: bool) {
        if is(name, VOID) {
            if eq(name, "hr") {
                self.close_p();
            }
            return;
        }
        if is(name, &["html", "head", "body", "frameset"]) {
            return;
        }
        // `/>` closes an element only inside SVG or MathML (`<div/>` opens).
        self.work.set(self.work.get() + self.open.len());
        if self_closing && self.open.iter().any(|n| eq(n, "svg") || eq(n, "math")) {
            return;
        }
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "td" | "th" => {
                let Some(i) = self.find(
                    |n| is(n, &["td", "th", "tr", "table"]) || is(n, TABLE_PARTS),
                    |_| false,
                ) else {
                    return; // a cell outside any table is ignored
                };
                let found = self.open.get(i).copied().unwrap_or("");
                if is(found, &["td", "th"]) {
                    self.truncate(i);
                } else {
                    // Back to the row (or table): what was left open goes.
                    self.truncate(i + 1);
                    if eq(found, "table") {
                        self.push("tbody");
                        self.push("tr");
                    } else if !eq(found, "tr") {
                        self.push("tr");
                    }
                }
            }
            "tr" => {
                let Some(i) = self.find(
                    |n| eq(n, "tr") || eq(n, "table") || is(n, TABLE_PARTS),
                    |_| false,
                ) else {
                    return;
                };
                let found = self.open.get(i).copied().unwrap_or("");
                if eq(found, "tr") {
                    self.truncate(i);
                } else {
                    self.truncate(i + 1);
                    if eq(found, "table") {
                        self.push("tbody");
                    }
                }
            }
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                let Some(i) = self.find(|n| eq(n, "table"), |_| false) else {
                    return;
                };
                self.truncate(i + 1);
            }
            "table" => {
                let in_table = self
                    .top()
                    .is_some_and(|t| eq(t, "table") || eq(t, "tr") || is(t, TABLE_PARTS));
                if in_table {
                    // `<table>` right inside a table ends it: a sibling follows.
                    self.close(|n| eq(n, "table"), |_| false);
                } else {
                    self.close_p();
                }
            }
            "li" => {
                self.close(
                    |n| eq(n, "li"),
                    |n| is(n, SPECIAL) && !is(n, &["address", "div", "p"]),
                );
                self.close_p();
            }
            "dd" | "dt" => {
                self.close(
                    |n| eq(n, "dd") || eq(n, "dt"),
                    |n| is(n, SPECIAL) && !is(n, &["address", "div", "p"]),
                );
                self.close_p();
            }
            "a" | "nobr" => {
                let me = lower.clone();
                self.close(move |n| eq(n, &me), |n| is(n, SCOPE));
            }
            "button" => self.close(|n| eq(n, "button"), |n| is(n, SCOPE)),
            "option" => {
                if self.top().is_some_and(|t| eq(t, "option")) {
                    self.pop();
                }
            }
            "optgroup" => {
                if self.top().is_some_and(|t| eq(t, "option")) {
                    self.pop();
                }
                if self.top().is_some_and(|t| eq(t, "optgroup")) {
                    self.pop();
                }
            }
            "select" => {
                if self.find(|n| eq(n, "select"), |n| is(n, SCOPE)).is_some() {
                    // A `<select>` inside a select closes it.
                    self.close(|n| eq(n, "select"), |n| is(n, SCOPE));
                    return;
                }
            }
            "rb" | "rp" | "rt" | "rtc" => {
                if self
                    .top()
                    .is_some_and(|t| is(t, &["rb", "rp", "rt", "rtc"]))
                {
                    self.pop();
                }
            }
            _ => {
                if is(name, CLOSES_P) {
                    self.close_p();
                }
                if is(name, HEADINGS) && self.top().is_some_and(|t| is(t, HEADINGS)) {
                    self.pop();
                }
            }
        }
        self.push(name);
    }

    fn end(&mut self, name: &str) {
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "br" | "html" | "body" | "head" => {}
            "p" => self.close_p(),
            "li" => self.close(|n| eq(n, "li"), |n| is(n, SCOPE) || is(n, &["ol", "ul"])),
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                self.close(|n| eq(n, &lower), |n| eq(n, "table"));
            }
            "table" => self.close(|n| eq(n, "table"), |_| false),
            h if is(h, HEADINGS) => self.close(|n| is(n, HEADINGS), |n| is(n, SCOPE)),
            s if is(s, SPECIAL) || is(s, SCOPE) => self.close(|n| eq(n, s), |n| is(n, SCOPE)),
            // Any other element (`</span>`, `</b>`, `</font>`): closed when
            // nothing special lies above it, ignored otherwise.
            o => self.close(|n| eq(n, o), |n| is(n, SPECIAL) || is(n, SCOPE)),
        }
    }
}

/// The name of a tag starting at `from` (ASCII letter first).
fn tag_name(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_whitespace() || c == b'/' || c == b'>' {
            break;
        }
        i += 1;
    }
    i
}

/// The end of a tag's attributes: the index of its `>` (quotes honoured)
/// and whether it ends `/>`; `None` when the page ends inside the tag.
fn tag_end(b: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut i = from;
    let mut after_eq = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'>' => return Some((i, i > from && b.get(i - 1) == Some(&b'/'))),
            b'"' | b'\'' if after_eq => {
                let close = memchr::memchr(c, b.get(i + 1..)?)?;
                i += close + 2;
                after_eq = false;
                continue;
            }
            b'=' => after_eq = true,
            c if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    None
}

/// Index just past `</name` (any case) at or after `from`, or the end.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(k) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = i + k;
        let after = at + 2 + name.len();
        if b.get(at + 1) == Some(&b'/')
            && b.get(at + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            return at;
        }
        i = at + 1;
    }
    b.len()
}

/// Refuse a page that nests elements deeper than [`MAX_DEPTH`], naming the
/// source line and the element where it does.
pub fn check_depth(file: &str, html: &str) -> Result<()> {
    let b = html.as_bytes();
    let mut stack = Stack {
        open: Vec::with_capacity(64),
        inline: Vec::with_capacity(64),
        work: std::cell::Cell::new(0),
    };
    let mut i = 0;
    while let Some(k) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = i + k;
        let rest = b.get(at..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = match memchr::memmem::find(b.get(at + 4..).unwrap_or_default(), b"-->") {
                Some(e) => at + 4 + e + 3,
                None => return Ok(()),
            };
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            // Doctype, CDATA-like and bogus comments end at the first `>`.
            i = match memchr::memchr(b'>', rest) {
                Some(e) => at + e + 1,
                None => return Ok(()),
            };
            continue;
        }
        let (closing, name_at) = if rest.get(1) == Some(&b'/') {
            (true, at + 2)
        } else {
            (false, at + 1)
        };
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1; // a literal `<`
            continue;
        }
        let name_end = tag_name(b, name_at);
        let Some((gt, self_closing)) = tag_end(b, name_end) else {
            return Ok(());
        };
        let name = html.get(name_at..name_end).unwrap_or("");
        i = gt + 1;
        if closing {
            stack.end(name);
            if stack.work.get() > MAX_WORK {
                return Err(too_deep_inline(file, html, at, name));
            }
            continue;
        }
        stack.start(name, self_closing);
        let (inline, other) = stack.depths();
        if other > MAX_DEPTH {
            return Err(too_deep(file, html, at, name));
        }
        if inline > MAX_INLINE_DEPTH || stack.work.get() > MAX_WORK {
            return Err(too_deep_inline(file, html, at, name));
        }
        if is(name, RAW) {
            i = raw_text_end(b, i, name);
        }
    }
    Ok(())
}

/// The source line of byte `at` and the tag's name, for a refusal.
fn where_tag(html: &str, at: usize, name: &str) -> (usize, String) {
    let before = html.as_bytes().get(..at).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    (line, name.to_ascii_lowercase())
}

fn too_deep(file: &str, html: &str, at: usize, name: &str) -> Error {
    let (line, name) = where_tag(html, at, name);
    Error::too_large(
        Location::file(file),
        Text::new(
            format!(
                "网页标签嵌套超过 {MAX_DEPTH} 层（源码第 {line} 行的 <{name}>），多为未闭合的 <table>、<div> 等标签"
            ),
            format!(
                "the page nests elements more than {MAX_DEPTH} deep (source line {line}, <{name}>), \
                 mostly from unclosed <table>, <div> or similar tags"
            ),
        ),
        Text::new(
            "请补上缺失的结束标签（如 </table>、</div>），或用 Excel 打开后另存为 .xlsx",
            "add the missing end tags (such as </table>, </div>), \
             or open the page in Excel and save it as .xlsx",
        ),
    )
}

fn too_deep_inline(file: &str, html: &str, at: usize, name: &str) -> Error {
    let (line, name) = where_tag(html, at, name);
    Error::too_large(
        Location::file(file),
        Text::new(
            format!(
                "网页中未闭合的标签过多（源码第 {line} 行的 <{name}>）：行内标签（<font>、<b>、<span> 等）嵌套超过 {MAX_INLINE_DEPTH} 层，或在很深的嵌套中有大量标签"
            ),
            format!(
                "the page leaves too many tags open (source line {line}, <{name}>): inline tags (<font>, <b>, <span> …) \
                 more than {MAX_INLINE_DEPTH} deep, or a great many tags inside a deep nesting"
            ),
        ),
        Text::new(
            "请补上缺失的结束标签（如 </font>），或用 Excel 打开后另存为 .xlsx",
            "add the missing end tags (such as </font>), or open the page in Excel and save it as .xlsx",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(html: &str) -> bool {
        check_depth("t.html", html).is_ok()
    }

    #[test]
    fn unclosed_tables_and_divs_are_refused() {
        let tables = "<table><tr><td>".repeat(5000);
        let err = check_depth("t.html", &tables).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("嵌套超过 512 层"), "{msg}");
        assert!(msg.contains("第 1 行"), "{msg}");
        assert!(!depth_ok(&"<div>".repeat(600)));
        // Inline tags are bounded apart (`unclosed_inline_tags_are_bounded_apart`).
        assert!(depth_ok(&"<span>".repeat(600)));
        assert!(
            !depth_ok(&"<div/>".repeat(600)),
            "HTML ignores `/>` on a div"
        );
        assert!(depth_ok(&"<div>".repeat(500)));
    }

    #[test]
    fn implied_end_tags_do_not_count() {
        // Old style: no </td>, </tr>, </p>, </li>, </option>.
        let row = "<tr><td><p>a<p>b<td><font>1<td>x<br>y";
        let page = format!(
            "<html><body><table>{}</table><ul>{}</ul><select>{}</select><dl>{}</dl></body></html>",
            row.repeat(20_000),
            "<li>x".repeat(5000),
            "<option>o".repeat(5000),
            "<dt>a<dd>b".repeat(5000),
        );
        assert!(depth_ok(&page));
        // `<p>` closed by a block, `<a>` by the next `<a>`, a sibling table
        // started right inside a table.
        assert!(depth_ok(&"<p>a<div>b</div>".repeat(5000)));
        assert!(depth_ok(&"<a href=x>1<a href=y>2".repeat(5000)));
        assert!(depth_ok(&"<table><tr><td>1</td></tr>".repeat(2000)));
        // Nested tables that are closed, in cells of an outer table.
        let nested = "<table><tr><td><table><tr><td>x</table></td></tr></table>";
        assert!(depth_ok(&nested.repeat(5000)));
    }

    #[test]
    fn unclosed_inline_tags_are_bounded_apart() {
        // 700 unclosed `<font>` lines around a table, as old pages have
        // (/tmp/ur14 defect 9), read; beyond the inline bound refused. (The
        // MAX_WORK bound takes 10^8 steps to reach: checked by hand in release.)
        let page = "<font size=3>line<br>\n".repeat(700) + "<table><tr><td>a</td></tr></table>";
        assert!(depth_ok(&page));
        let page = "<b>".repeat(MAX_INLINE_DEPTH + 1);
        assert!(!depth_ok(&page));
        // Blocks still count against MAX_DEPTH, inline ones between them aside.
        let page = "<div><font>".repeat(MAX_DEPTH + 1);
        assert!(!depth_ok(&page));
    }

    #[test]
    fn text_that_is_not_markup_is_skipped() {
        let script = format!("<script>{}</script>", "<div>".repeat(2000));
        let comment = format!("<!--{}-->", "<div>".repeat(2000));
        let attr = format!("<p title=\"{}\">x</p>", "<div>".repeat(2000));
        let literal = "a < b <= c <1 ".repeat(2000);
        for page in [script, comment, attr, literal] {
            assert!(depth_ok(&page));
        }
    }
}
