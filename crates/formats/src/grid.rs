//! A source-neutral grid of cell texts: what every front end (delimited text,
//! workbook, HTML) produces and what layout detection consumes.

use std::borrow::Cow;

/// One cell. `text` is verbatim (no trimming); `merged` is true when the cell
/// is covered by a merged region / rowspan / colspan whose anchor is another
/// cell — its text is then a copy of the anchor's, filled in by the front end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GridCell<'a> {
    pub text: Cow<'a, str>,
    pub merged: bool,
    /// The cell is a number stored without a display format the reader can
    /// see (XLS, ODS, XLSB through calamine): `text` is the value's shortest
    /// form (`552.5`, `158`), not necessarily what the spreadsheet printed
    /// (`552.50`, `158.00`). Amount columns then get the table's usual two
    /// decimals (see `read::build`); every other source leaves this false.
    pub bare_number: bool,
}

/// One source row. `number` is the 1-based line (text) or row (sheet) in the source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GridRow<'a> {
    pub number: u32,
    pub cells: Vec<GridCell<'a>>,
}

impl GridRow<'_> {
    /// Text of the 0-based column `i`, or "" when the row is shorter.
    pub fn text(&self, i: usize) -> &str {
        self.cells.get(i).map(|c| c.text.as_ref()).unwrap_or("")
    }
    /// True when every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// A whole sheet / text file / HTML table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid<'a> {
    pub rows: Vec<GridRow<'a>>,
    /// What the spreadsheet hides (rows and columns: XLSX only) or a web
    /// page hides (rows, text in its cells: HTML only); empty for every
    /// other source.
    pub hidden: Hidden,
}

/// Rows and columns a workbook hides from view. They are read like any
/// other, since dropping them would lose data silently; the table reader
/// names them in notices, and a hidden copy of a duplicated header yields
/// to the visible one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hidden {
    /// Sheet row numbers (1-based, as [`GridRow::number`]; a web page's
    /// `<tr>` in its table), ascending.
    pub rows: Vec<u32>,
    /// Column indexes (0-based, as the index into [`GridRow::cells`]), ascending.
    pub cols: Vec<u32>,
    /// Text a web page hides inside a cell (`display:none`), left out of the
    /// cell's text as a browser leaves it out: (row number, 0-based column,
    /// the hidden text), in page order.
    pub texts: Vec<(u32, u32, String)>,
    /// Lines of a PDF's layout text dropped as page furniture (a page
    /// number, a URL footer, a print date, a `…监制` imprint): (line number,
    /// page, the text), in order.
    pub furniture: Vec<(u32, u32, String)>,
    /// Style sheets a web page links (`<link rel=stylesheet>`, `@import`),
    /// as the page names them: their rules, which may hide text or rows,
    /// are not read.
    pub stylesheets_unread: Vec<String>,
}

impl Hidden {
    /// Whether the 0-based column `c` is hidden.
    pub fn col(&self, c: usize) -> bool {
        u32::try_from(c).is_ok_and(|c| self.cols.binary_search(&c).is_ok())
    }
}

/// A cell's text with its control characters made visible: a C0 control
/// (other than tab and line feed) or DEL becomes its Unicode control
/// picture (ESC → `␛`), a lone carriage return a line feed, and a C1
/// control `�`. A workbook can hold them (OOXML writes ESC as `_x001B_`);
/// printed raw, a cell could clear the reviewer's terminal, retitle it or
/// forge report lines. They never carry meaning in a budget table, and the
/// picture keeps where one stood visible.
pub fn visible_controls(text: String) -> String {
    let control = |c: char| (c.is_control() && c != '\t' && c != '\n') || c == '\u{7f}';
    if !text.chars().any(control) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters that reorder the text around them when shown (bidirectional
/// embeddings, overrides and isolates, and the marks): in a file name on a
/// terminal a U+202E can make `evil[U+202E]xslx.exe` read as `evilexe.xlsx`.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A file name for one line of a terminal or a log: every control
/// character shown as its picture, tab and line breaks too (`␉`, `␊`, `␍`:
/// a name is one line), and a bidirectional control as `�`.
pub fn visible_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            // Line and paragraph separators (a log viewer breaks lines at
            // them), and what shows as nothing: zero-width space and joiners,
            // the byte-order mark, a soft hyphen.
            '\u{2028}' | '\u{2029}' => '\u{2424}',
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => '\u{fffd}',
            c if c.is_control() || is_bidi_control(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// A message about the file `name` for a terminal or a log: the name, where
/// the message quotes it, as [`visible_name`] shows it; every other control
/// character as [`visible_controls`] shows it (the message's own line
/// breaks kept), and bidirectional controls as `�`.
pub fn visible_message(text: &str, name: &str) -> String {
    let text = if name.is_empty() {
        text.to_string()
    } else {
        text.replace(name, &visible_name(name))
    };
    let text = visible_controls(text);
    if text.chars().any(is_bidi_control) {
        text.chars()
            .map(|c| if is_bidi_control(c) { '\u{fffd}' } else { c })
            .collect()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::{visible_controls, visible_message, visible_name};

    #[test]
    fn names_are_one_visible_line_and_messages_quote_them_so() {
        let name = "ctl/a\u{1b}[2J\r\nb\u{202e}x.tsv";
        assert_eq!(visible_name(name), "ctl/a␛[2J␍␊b�x.tsv");
        assert_eq!(
            visible_name("a\u{2028}b\u{200b}c\u{feff}.tsv"),
            "a␤b�c�.tsv"
        );
        let msg = format!("{name} 第1行: 不是文本表格\n  提示: 请检查 \u{7}");
        assert_eq!(
            visible_message(&msg, name),
            "ctl/a␛[2J␍␊b�x.tsv 第1行: 不是文本表格\n  提示: 请检查 ␇"
        );
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            visible_controls("团委\t活动\n经费".into()),
            "团委\t活动\n经费"
        );
        assert_eq!(
            visible_controls("费\u{1b}[2J\u{1b}]0;PWNED\u{7}\u{7f}".into()),
            "费\u{241b}[2J\u{241b}]0;PWNED\u{2407}\u{2421}"
        );
        assert_eq!(
            visible_controls("a\r\nb\rc\u{9b}d".into()),
            "a\nb\nc\u{fffd}d"
        );
    }
}
