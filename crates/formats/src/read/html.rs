//! HTML pages → one [`Grid`] per `<table>` (scraper).
//!
//! - `rowspan`/`colspan` are expanded: covered cells copy the anchor's text
//!   with `merged = true`; spans are clamped to [`Limits::max_span`] and to
//!   the table's rows, and the grid to [`Limits::max_cells`]. A `colspan` with
//!   `style='mso-ignore:colspan'` (Excel's 网页 export of text overflowing into
//!   the blank cells beside it) is no merge: the cells it covers are blank.
//! - Cell text is the text content with runs of ASCII whitespace and NBSP
//!   collapsed to one space, `<br>` (and `<p>`/`<div>` breaks) as `\n`, lines trimmed.
//! - Text blocks before a table (a `<h1>` title, `部门名称：…`, `单位：万元`; at
//!   most 20, stopping at an earlier table) and its `<caption>` become
//!   one-cell rows above the table rows, so layout detection reads the preamble.
//!   A small table above (at most 6 rows of at most 3 cells: a title,
//!   `部门名称：…` and `单位：元` laid out in cells, holding one of 绩效, 部门,
//!   `单位：`, 年度) does not stop them: its cells are preamble lines too.
//! - A row's number is its row in the `<table>`: the Nth `<tr>` (1-based,
//!   header rows counted, `<thead>`/`<tbody>`/`<tfoot>` in source order), what
//!   a user counts on the page and, for a workbook saved as HTML, the sheet's
//!   own row. Preamble lines are not table rows: their number is 0. Column `i`
//!   is the `i + 1`-th grid column after span expansion. Source lines are not
//!   used: a table is often one line, and a page's line is no cell's address.
//! - A workbook saved as HTML by LibreOffice heads each sheet's table with
//!   `<h1>Sheet 2: <em>绩效目标表</em></h1>`; that heading gives the table's
//!   [`HtmlTable::sheet`] and is not kept as a preamble line. Excel's own
//!   export names its single worksheet in `<x:Name>` (an `<xml>` block in a
//!   conditional comment): with one `<x:Name>` and one table, that is its sheet.

use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridCell, GridRow};
use crate::read::limits::Limits;
use jixiao_core::Text;
use scraper::{ElementRef, Html, Node};
use std::borrow::Cow;

/// Most preamble lines kept before a table.
const MAX_PREAMBLE: usize = 20;

/// A table of at most this many rows of at most [`SMALL_COLS`] cells above
/// a table is read as preamble (title, department and money scale in cells).
const SMALL_ROWS: usize = 6;
const SMALL_COLS: usize = 3;

/// One `<table>` of a page as a grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlTable {
    /// 1-based position of the table in the document (`<table>` order).
    pub index: usize,
    /// Rows of the table itself (without preamble).
    pub table_rows: usize,
    /// Widest row after span expansion.
    pub cols: usize,
    /// The sheet the table was exported from, when the page names it.
    pub sheet: Option<String>,
    /// Preamble lines (row number 0) + table rows (numbered by `<tr>`).
    pub grid: Grid<'static>,
}

/// `Sheet 2: 绩效目标表` (LibreOffice's heading above each exported sheet) → `绩效目标表`.
fn sheet_heading(text: &str) -> Option<String> {
    let rest = text.strip_prefix("Sheet ")?;
    let (n, name) = rest.split_once(':')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let name = name.trim();
    (!name.is_empty() && !name.contains('\n')).then(|| name.to_string())
}

/// The worksheet names of Excel's HTML export (`<x:Name>绩效目标表</x:Name>`).
fn excel_sheet_names(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<x:Name>") {
        rest = rest.get(i + "<x:Name>".len()..).unwrap_or("");
        let Some(end) = rest.find("</x:Name>") else {
            break;
        };
        let name = rest.get(..end).unwrap_or("").trim();
        if !name.is_empty() && !name.contains('<') {
            names.push(name.to_string());
        }
        rest = rest.get(end..).unwrap_or("");
    }
    names
}

const SKIP: [&str; 7] = [
    "head", "script", "style", "noscript", "template", "title", "select",
];

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "caption"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "center"
            | "pre"
            | "blockquote"
            | "form"
            | "dl"
            | "dt"
            | "dd"
            | "hr"
            | "body"
            | "br"
    )
}

/// Collapse ASCII whitespace and NBSP to single spaces, trim each line, drop empty lines.
pub fn normalize_text(raw: &str) -> String {
    let raw = crate::grid::visible_controls(raw.to_string());
    let mut out = String::with_capacity(raw.len());
    for line in raw.split('\n') {
        let mut collapsed = String::new();
        let mut space = false;
        for ch in line.chars() {
            if ch.is_ascii_whitespace() || ch == '\u{a0}' {
                space = true;
            } else {
                if space && !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                space = false;
                collapsed.push(ch);
            }
        }
        if !collapsed.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&collapsed);
        }
    }
    out
}

/// Push a text node's content with its newlines as spaces.
fn push_text(buf: &mut String, text: &str) {
    buf.extend(
        text.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
}

/// What a page hides from view: `display:none` (and `visibility:hidden`,
/// Word's and Excel's `mso-hide:all`) in an element's own `style`, the
/// `hidden` attribute, or a `<style>` rule of the page for a class, an id or
/// a tag (`.hid`, `span.hid`, `#x`, `s`). A browser does not show such text,
/// so it is not cell text: a hidden `5` after `200.00` would read as 200.005.
/// Rules apply as in a browser: the later rule wins (`.a{display:none}
/// .a{display:inline}` shows `.a`), `!important` first, an id over a class
/// over a tag, the element's own `style` over all. Rules with combinators
/// (`td .z`), attribute selectors and rules inside `@media` are not
/// followed, nor are linked stylesheets (named, for a note).
#[derive(Debug, Default)]
struct Hiding {
    classes: std::collections::HashMap<String, Look>,
    ids: std::collections::HashMap<String, Look>,
    tags: std::collections::HashMap<String, Look>,
    /// Stylesheets the page links (`<link rel=stylesheet>`, `@import`),
    /// whose rules are not read.
    linked: Vec<String>,
}

/// What a declaration says of `display` (or of `visibility`): whether it
/// hides, and where it stands in the cascade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Decl {
    important: bool,
    /// 1 tag, 2 class, 3 id, 4 the element's own `style`.
    specificity: u8,
    /// Place of the rule in the page's style sheets.
    order: usize,
    hidden: bool,
}

/// The `display` and `visibility` an element gets from its rules.
#[derive(Debug, Clone, Copy, Default)]
struct Look {
    display: Option<Decl>,
    visibility: Option<Decl>,
}

impl Look {
    /// What CSS declarations (`display:none; color:red`) say.
    fn of(declarations: &str, specificity: u8, order: usize) -> Look {
        let mut look = Look::default();
        for d in declarations.split(';') {
            let Some((prop, value)) = d.split_once(':') else {
                continue;
            };
            let prop = prop.trim().to_ascii_lowercase();
            let mut value = compact_css(value);
            let important = value.ends_with("!important");
            if important {
                value.truncate(value.len() - "!important".len());
            }
            let decl = |hidden| Decl {
                important,
                specificity,
                order,
                hidden,
            };
            match prop.as_str() {
                "display" => look.set_display(decl(value == "none")),
                "mso-hide" if value == "all" => look.set_display(decl(true)),
                "visibility" => {
                    let hidden = value == "hidden" || value == "collapse";
                    look.visibility = Some(Decl::later(look.visibility, decl(hidden)));
                }
                _ => {}
            }
        }
        look
    }

    fn set_display(&mut self, d: Decl) {
        self.display = Some(Decl::later(self.display, d));
    }

    /// This look with `other`'s declarations cascaded over it.
    fn with(self, other: Look) -> Look {
        let pick = |a: Option<Decl>, b: Option<Decl>| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        Look {
            display: pick(self.display, other.display),
            visibility: pick(self.visibility, other.visibility),
        }
    }

    fn hides(&self) -> bool {
        self.display.is_some_and(|d| d.hidden) || self.visibility.is_some_and(|d| d.hidden)
    }
}

impl Decl {
    /// The declaration that wins: `later`, unless `earlier` is `!important`
    /// and it is not.
    fn later(earlier: Option<Decl>, later: Decl) -> Decl {
        match earlier {
            Some(e) if e.important && !later.important => e,
            _ => later,
        }
    }
}

/// The rules of a style sheet at its top level, as (selectors,
/// declarations); at-rules (`@media print{…}`, `@font-face`) left out.
fn css_rules(css: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        // After an `@import …;` or `@charset …;` statement.
        let head = rest.get(..open).unwrap_or_default();
        let selectors = head.rsplit(';').next().unwrap_or_default().trim();
        let mut depth = 0usize;
        let mut close = rest.len();
        for (i, b) in rest.bytes().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        if !selectors.starts_with('@') {
            out.push((selectors, rest.get(open + 1..close).unwrap_or_default()));
        }
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    out
}

impl Hiding {
    fn of(doc: &Html) -> Hiding {
        let mut hiding = Hiding::default();
        let mut order = 0usize;
        for n in doc.tree.nodes() {
            let Some(e) = ElementRef::wrap(n) else {
                continue;
            };
            match e.value().name() {
                "link" => {
                    let rel = e.value().attr("rel").unwrap_or_default();
                    if rel.to_ascii_lowercase().contains("stylesheet") {
                        let href = e.value().attr("href").unwrap_or_default();
                        hiding.linked.push(href.trim().to_string());
                    }
                }
                "style" => {
                    let css = strip_css_comments(&e.text().collect::<String>());
                    for import in css.split("@import").skip(1) {
                        let target: String = import.chars().take_while(|c| *c != ';').collect();
                        hiding.linked.push(target.trim().to_string());
                    }
                    for (selectors, declarations) in css_rules(&css) {
                        order += 1;
                        for sel in selectors.split(',').map(str::trim) {
                            hiding.add(sel, declarations, order);
                        }
                    }
                }
                _ => {}
            }
        }
        hiding
    }

    /// A rule for a simple selector (`.a`, `span.a`, `#x`, `s`), if it says
    /// anything of display or visibility.
    fn add(&mut self, sel: &str, declarations: &str, order: usize) {
        let simple = |t: &str| {
            t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        let (map, name, specificity) = if let Some((tag, class)) = sel.split_once('.') {
            if !simple(tag) || class.is_empty() || !simple(class) {
                return;
            }
            (&mut self.classes, class.to_string(), 2)
        } else if let Some((tag, id)) = sel.split_once('#') {
            if !simple(tag) || id.is_empty() || !simple(id) {
                return;
            }
            (&mut self.ids, id.to_string(), 3)
        } else {
            if sel.is_empty() || !simple(sel) {
                return;
            }
            (&mut self.tags, sel.to_ascii_lowercase(), 1)
        };
        let look = Look::of(declarations, specificity, order);
        if look.display.is_some() || look.visibility.is_some() {
            let was = map.entry(name).or_default();
            *was = was.with(look);
        }
    }

    fn hidden(&self, e: &scraper::node::Element) -> bool {
        self.look(e).hides()
    }

    /// The `display` and `visibility` the page's rules give an element.
    fn look(&self, e: &scraper::node::Element) -> Look {
        // The `hidden` attribute is the browser's own `display:none`, which
        // any rule of the page overrides.
        let mut look = Look::default();
        if e.attr("hidden").is_some() {
            look.display = Some(Decl {
                important: false,
                specificity: 0,
                order: 0,
                hidden: true,
            });
        }
        if let Some(l) = self.tags.get(e.name()) {
            look = look.with(*l);
        }
        for c in e.classes() {
            if let Some(l) = self.classes.get(c) {
                look = look.with(*l);
            }
        }
        if let Some(l) = e.id().and_then(|id| self.ids.get(id)) {
            look = look.with(*l);
        }
        if let Some(style) = e.attr("style") {
            look = look.with(Look::of(style, 4, usize::MAX));
        }
        look
    }

    /// Whether text inside `path` (the elements from the text up to the
    /// cell, innermost first) is hidden: by a `display:none` on any of them,
    /// or by the `visibility` of the innermost that sets one (a
    /// `visibility:visible` child of a hidden parent is shown).
    fn hides_within<'e>(&self, path: impl Iterator<Item = &'e scraper::node::Element>) -> bool {
        let mut visibility = None;
        for e in path {
            let look = self.look(e);
            if look.display.is_some_and(|d| d.hidden) {
                return true;
            }
            if visibility.is_none() {
                visibility = look.visibility.map(|d| d.hidden);
            }
        }
        visibility.unwrap_or(false)
    }
}

fn strip_css_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(rest.get(..start).unwrap_or_default());
        rest = match rest
            .get(start + 2..)
            .and_then(|r| r.find("*/").map(|e| (r, e)))
        {
            Some((r, e)) => r.get(e + 2..).unwrap_or_default(),
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// A cell's text as a browser shows it, and the text it hides (joined, for a note).
fn cell_text(el: ElementRef<'_>, hiding: &Hiding) -> (String, String) {
    let mut raw = String::new();
    let mut hidden_text = String::new();
    for node in el.descendants() {
        match node.value() {
            Node::Text(t) => {
                let code = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style"))
                });
                if code {
                    continue;
                }
                // The cell itself and what lies between it and the text.
                let hidden = hiding.hides_within(
                    std::iter::once(node)
                        .chain(node.ancestors())
                        .take_while(|a| a.id() != el.id())
                        .chain(std::iter::once(*el))
                        .filter_map(|a| a.value().as_element()),
                );
                if hidden {
                    push_text(&mut hidden_text, t);
                } else {
                    push_text(&mut raw, t);
                }
            }
            Node::Element(e) => match e.name() {
                "br" => raw.push('\n'),
                "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                    if !raw.is_empty() =>
                {
                    raw.push('\n')
                }
                _ => {}
            },
            _ => {}
        }
    }
    (normalize_text(&raw), normalize_text(&hidden_text))
}

enum Event {
    Block(String),
    TableStart(usize),
    /// The end of table `k`.
    TableEnd(usize),
}

/// A step of the document walk: enter a node, or leave it (a table with its index).
#[derive(Clone, Copy)]
enum Visit {
    Open,
    Close,
    CloseTable(usize),
}

/// The `<tr>` rows of a table (direct, or in `<thead>`/`<tbody>`/`<tfoot>`).
fn table_trs(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut trs = Vec::new();
    for child in table.child_elements() {
        match child.value().name() {
            "tr" => trs.push(child),
            "thead" | "tbody" | "tfoot" => {
                trs.extend(child.child_elements().filter(|e| e.value().name() == "tr"));
            }
            _ => {}
        }
    }
    trs
}

/// Words of a preamble table: a title, a department, a money scale.
const PREAMBLE_WORDS: [&str; 5] = ["绩效", "部门", "单位：", "单位:", "年度"];

/// Whether a table is preamble above another: at most [`SMALL_ROWS`] rows of
/// at most [`SMALL_COLS`] cells, with a title, department or scale in it (a
/// site's menu or another sheet's small table is not).
fn is_preamble_table(table: ElementRef<'_>, hiding: &Hiding) -> bool {
    let trs = table_trs(table);
    let small = trs.len() <= SMALL_ROWS
        && trs.iter().all(|tr| {
            tr.child_elements()
                .filter(|e| matches!(e.value().name(), "td" | "th"))
                .count()
                <= SMALL_COLS
        });
    small && {
        let (text, _) = cell_text(table, hiding);
        PREAMBLE_WORDS.iter().any(|w| text.contains(w))
    }
}

/// All tables of `html`, largest (most cells) first; tables with fewer than
/// two rows are left out.
pub fn html_tables(file: &str, html: &str, limits: &Limits) -> Result<Vec<HtmlTable>> {
    // html5ever's time grows with nesting depth × tags: bound the depth
    // first (minutes on a 600 KB page of unclosed tables otherwise).
    crate::read::html_depth::check_depth(file, html)?;
    let doc = Html::parse_document(html);
    let hiding = Hiding::of(&doc);
    let mut events: Vec<Event> = Vec::new();
    let mut tables = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, events: &mut Vec<Event>| {
        let t = normalize_text(cur);
        if !t.is_empty() {
            events.push(Event::Block(t));
        }
        cur.clear();
    };
    // Iterative pre-order walk with close marks (no recursion on hostile nesting).
    let mut stack = vec![(doc.tree.root(), Visit::Open)];
    while let Some((node, visit)) = stack.pop() {
        if !matches!(visit, Visit::Open) {
            if let Some(e) = node.value().as_element() {
                if is_block(e.name()) {
                    flush(&mut cur, &mut events);
                }
            }
            if let Visit::CloseTable(k) = visit {
                events.push(Event::TableEnd(k));
            }
            continue;
        }
        match node.value() {
            Node::Text(t) => push_text(&mut cur, t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if is_block(name) {
                    flush(&mut cur, &mut events);
                }
                let mut close = Visit::Close;
                if name == "table" {
                    if let Some(el) = ElementRef::wrap(node) {
                        close = Visit::CloseTable(tables.len());
                        events.push(Event::TableStart(tables.len()));
                        tables.push(el);
                    }
                }
                stack.push((node, close));
                stack.extend(node.children().rev().map(|c| (c, Visit::Open)));
            }
            _ => stack.extend(node.children().rev().map(|c| (c, Visit::Open))),
        }
    }
    flush(&mut cur, &mut events);
    let small: Vec<bool> = tables
        .iter()
        .map(|t| is_preamble_table(*t, &hiding))
        .collect();

    let mut out = Vec::new();
    for (k, table) in tables.iter().enumerate() {
        let start = events
            .iter()
            .position(|e| matches!(e, Event::TableStart(i) if *i == k))
            .unwrap_or(0);
        let mut preamble: Vec<String> = Vec::new();
        for e in events.get(..start).unwrap_or(&[]).iter().rev() {
            match e {
                Event::Block(t) => preamble.push(t.clone()),
                // A small table above (title, department, scale in cells) is preamble.
                Event::TableEnd(j) if small.get(*j).copied().unwrap_or(false) => {}
                Event::TableEnd(_) => break,
                Event::TableStart(_) => {}
            }
            if preamble.len() >= MAX_PREAMBLE {
                break;
            }
        }
        preamble.reverse();
        // LibreOffice's `Sheet N: name` heading right above the table.
        let mut sheet = preamble.last().and_then(|t| sheet_heading(t));
        if sheet.is_some() {
            preamble.pop();
        }
        for child in table.child_elements() {
            if child.value().name() == "caption" {
                let (t, _) = cell_text(child, &hiding);
                if !t.is_empty() {
                    preamble.push(t);
                }
            }
        }
        let (body, hidden_texts, hidden_rows) = table_rows(file, *table, limits, &hiding)?;
        if body.len() < 2 {
            continue;
        }
        let cols = body.iter().map(Vec::len).max().unwrap_or(0);
        let table_rows = body.len();
        let rows = preamble
            .into_iter()
            .map(|t| GridRow {
                number: 0,
                cells: vec![GridCell {
                    text: Cow::Owned(t),
                    merged: false,
                    bare_number: false,
                }],
            })
            .chain(body.into_iter().enumerate().map(|(i, cells)| GridRow {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                cells,
            }))
            .collect();
        if sheet.is_none() && tables.len() == 1 {
            let names = excel_sheet_names(html);
            if let [name] = names.as_slice() {
                sheet = Some(name.clone());
            }
        }
        out.push(HtmlTable {
            index: k + 1,
            table_rows,
            cols,
            sheet,
            grid: Grid {
                rows,
                hidden: crate::grid::Hidden {
                    texts: hidden_texts,
                    rows: hidden_rows,
                    stylesheets_unread: hiding.linked.clone(),
                    ..Default::default()
                },
            },
        });
    }
    out.sort_by_key(|t| {
        std::cmp::Reverse(t.grid.rows.iter().map(|r| r.cells.len()).sum::<usize>())
    });
    Ok(out)
}

fn span(el: ElementRef<'_>, attr: &str, max: u32) -> usize {
    el.attr(attr)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, max.max(1)) as usize
}

/// Whether a cell's `colspan` only lets its text overflow into blank cells
/// (Excel's 网页 export: `colspan=2 style='mso-ignore:colspan'`), not a merge.
fn overflow_only(td: ElementRef<'_>) -> bool {
    td.attr("style")
        .is_some_and(|style| compact_css(style).contains("mso-ignore:colspan"))
}

/// CSS text without whitespace, in ASCII lower case (`MSO-IGNORE: colspan`
/// → `mso-ignore:colspan`), as declarations are compared.
fn compact_css(css: &str) -> String {
    css.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The rows of one table with spans expanded, and the text its cells hide
/// (row, 0-based column, text).
#[allow(clippy::type_complexity)]
fn table_rows(
    file: &str,
    table: ElementRef<'_>,
    limits: &Limits,
    hiding: &Hiding,
) -> Result<(
    Vec<Vec<GridCell<'static>>>,
    Vec<(u32, u32, String)>,
    Vec<u32>,
)> {
    let trs = table_trs(table);
    // A row the page hides (`<tr hidden>`, `<tr style="display:none">`, a
    // hidden `<tbody>`) is read, as a hidden row of a sheet is, and named.
    let hidden_rows: Vec<u32> = trs
        .iter()
        .enumerate()
        .filter(|(_, tr)| {
            std::iter::once(**tr)
                .chain(
                    tr.parent()
                        .and_then(ElementRef::wrap)
                        .filter(|p| matches!(p.value().name(), "tbody" | "thead" | "tfoot")),
                )
                .any(|e| hiding.hidden(e.value()))
        })
        .map(|(r, _)| u32::try_from(r + 1).unwrap_or(u32::MAX))
        .collect();
    let n = trs.len();
    let mut grid: Vec<Vec<Option<GridCell<'static>>>> = vec![Vec::new(); n];
    let mut count = 0usize;
    let mut hidden_texts = Vec::new();
    for (r, tr) in trs.iter().enumerate() {
        let mut c = 0usize;
        for td in tr
            .child_elements()
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while grid
                .get(r)
                .and_then(|row| row.get(c))
                .is_some_and(Option::is_some)
            {
                c += 1;
            }
            let rs = span(td, "rowspan", limits.max_span).min(n - r);
            let cs = span(td, "colspan", limits.max_span);
            // Only a spanning cell can overflow (the flag is read for dc > 0).
            let overflow = cs > 1 && overflow_only(td);
            let (text, hidden) = cell_text(td, hiding);
            if !hidden.is_empty() {
                let at = |k: usize| u32::try_from(k).unwrap_or(u32::MAX);
                hidden_texts.push((at(r + 1), at(c), hidden));
            }
            for dr in 0..rs {
                let Some(row) = grid.get_mut(r + dr) else {
                    break;
                };
                if row.len() < c + cs {
                    count += c + cs - row.len();
                    if count > limits.max_cells {
                        return Err(Error::too_large(
                            Location {
                                file: file.to_string(),
                                row: Some(u32::try_from(r + 1).unwrap_or(u32::MAX)),
                                ..Location::default()
                            },
                            Text::new(
                                format!("表格展开后超过 {} 个单元格", limits.max_cells),
                                format!(
                                    "the table expands to more than {} cells",
                                    limits.max_cells
                                ),
                            ),
                            Text::new(
                                "检查 rowspan/colspan 是否过大（程序接口可调高 ReadOptions.limits.max_cells）",
                                "check for oversized rowspan and colspan (the library's ReadOptions.limits.max_cells is the bound)",
                            ),
                        ));
                    }
                    row.resize(c + cs, None);
                }
                for dc in 0..cs {
                    if let Some(slot) = row.get_mut(c + dc) {
                        *slot = Some(if overflow && dc > 0 {
                            // Overflow text covers blank cells, not a merge.
                            GridCell::default()
                        } else {
                            GridCell {
                                text: Cow::Owned(text.clone()),
                                merged: dr > 0 || dc > 0,
                                bare_number: false,
                            }
                        });
                    }
                }
            }
            c += cs;
        }
    }
    let rows = grid
        .into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect();
    Ok((rows, hidden_texts, hidden_rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid<'_>) -> Vec<Vec<String>> {
        g.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    #[test]
    fn spans_and_preamble() {
        let html = r#"<html><head><title>站点</title></head><body>
            <h1>项目支出绩效目标表</h1><p>单位：万元</p>
            <table><tr><th rowspan="2">一级</th><th colspan="2">指标</th></tr>
            <tr><td>数量&nbsp; 指标</td><td>a<br>b</td></tr></table></body></html>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        assert_eq!(t.len(), 1);
        let g = &t[0].grid;
        assert_eq!(
            texts(g),
            vec![
                vec!["项目支出绩效目标表"],
                vec!["单位：万元"],
                vec!["一级", "指标", "指标"],
                vec!["一级", "数量 指标", "a\nb"],
            ]
        );
        assert!(g.rows[3].cells[0].merged);
        assert!(g.rows[2].cells[2].merged);
        assert!(!g.rows[3].cells[1].merged);
        // Rows are numbered by <tr> within the table; preamble lines are row 0.
        let numbers: Vec<u32> = g.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [0, 0, 1, 2]);
        assert_eq!(t[0].sheet, None);
    }

    #[test]
    fn exported_sheet_names() {
        let html = r#"<body><h1>Overview</h1><table><tr><td>说明</td></tr><tr><td>x</td></tr></table>
            <hr><A NAME="table1"><h1>Sheet 2: <em>绩效目标表</em></h1></A>
            <table><tr><td>标题</td></tr><tr><td>a</td></tr><tr><td>b</td></tr></table></body>"#;
        let t = html_tables("t.xls", html, &Limits::default()).unwrap();
        let t2 = t.iter().find(|t| t.index == 2).unwrap();
        assert_eq!(t2.sheet.as_deref(), Some("绩效目标表"));
        assert_eq!(texts(&t2.grid), [vec!["标题"], vec!["a"], vec!["b"]]);
        assert_eq!(t2.grid.rows[0].number, 1);
        let t1 = t.iter().find(|t| t.index == 1).unwrap();
        assert_eq!(t1.sheet, None, "“Overview” is no sheet heading");

        let excel = r#"<html><head><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>
            <x:ExcelWorksheet><x:Name>项目支出</x:Name></x:ExcelWorksheet></x:ExcelWorksheets>
            </x:ExcelWorkbook></xml><![endif]--></head><body>
            <table><tr><td>a</td></tr><tr><td>b</td></tr></table></body></html>"#;
        let t = html_tables("t.xls", excel, &Limits::default()).unwrap();
        assert_eq!(t[0].sheet.as_deref(), Some("项目支出"));
        assert_eq!(sheet_heading("Sheet 1: 说明").as_deref(), Some("说明"));
        assert_eq!(sheet_heading("Sheet x: 说明"), None);
    }

    #[test]
    fn hidden_text_is_left_out_and_named() {
        // A stale digit hidden by an inline style, a withdrawn name hidden by
        // a class of the page's stylesheet (comments and a grouped selector
        // around it), Word's mso-hide and the hidden attribute; a class that
        // is only hidden in another context (`.menu .hid`) is not followed.
        let html = r#"<style>/* .keep{display:none} */ h1, span.hid { display : NONE } .menu .x{display:none}</style>
            <table><tr><th>项目名称</th><th>总计</th></tr>
            <tr><td>河道清淤<span class="hid">（已撤销）</span></td><td>200.00<span style="display:none">5</span></td></tr>
            <tr><td>巡查<b hidden>旧</b><span style='mso-hide:all'>x</span><span class="keep x">站</span></td><td style="visibility: hidden">9</td></tr></table>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        let g = &t[0].grid;
        assert_eq!(
            texts(g),
            [
                vec!["项目名称", "总计"],
                vec!["河道清淤", "200.00"],
                vec!["巡查站", ""]
            ]
        );
        assert_eq!(
            g.hidden.texts,
            [
                (2, 0, "（已撤销）".to_string()),
                (2, 1, "5".to_string()),
                (3, 0, "旧x".to_string()),
                (3, 1, "9".to_string())
            ]
        );
    }

    #[test]
    fn rules_apply_in_order_and_hidden_rows_are_named() {
        // A later rule shows the class again; an id and a bare tag hide; a
        // `visibility:visible` child of a hidden parent is shown; a hidden
        // `<tr>` (style, attribute, class, hidden `<tbody>`) is read and its
        // row named (/tmp/ur14 defect 5).
        let html = r#"<link rel="stylesheet" href="hid.css"><style>.a{display:none} .a{display:inline}
            #x, s { display:none } .gone{display:none} .b{display:none !important} .b{display:inline}
            .v{visibility:hidden}</style>
            <table><tr><th>项目名称</th><th>总计</th></tr>
            <tr><td>甲<span class="a">一</span><i id="x">X</i><s>S</s><b class="b">B</b></td><td>1</td></tr>
            <tr style="display:none"><td>乙</td><td>2</td></tr>
            <tr hidden><td>丙</td><td>3</td></tr>
            <tr class="gone"><td>丁</td><td>4</td></tr>
            <tr><td><span class="v">隐<b style="visibility:visible">戊</b></span></td><td>5</td></tr>
            <tbody style="display:none"><tr><td>己</td><td>6</td></tr></tbody></table>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        let g = &t[0].grid;
        assert_eq!(
            texts(g),
            [
                vec!["项目名称", "总计"],
                vec!["甲一", "1"],
                vec!["乙", "2"],
                vec!["丙", "3"],
                vec!["丁", "4"],
                vec!["戊", "5"],
                vec!["己", "6"]
            ]
        );
        assert_eq!(g.hidden.rows, [3, 4, 5, 7]);
        assert_eq!(
            g.hidden.texts,
            [(2, 0, "XSB".to_string()), (6, 0, "隐".to_string())]
        );
        assert_eq!(g.hidden.stylesheets_unread, ["hid.css"]);
        // A rule inside an at-rule is not applied, nor one after it wrongly.
        let html = r#"<style>@media print{.p{display:none} .q{display:none}} .r{display:none}</style>
            <table><tr><th>项目名称</th></tr><tr><td>P<b class="p">p</b><b class="q">q</b><b class="r">r</b></td></tr></table>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        assert_eq!(texts(&t[0].grid)[1], ["Ppq"]);
        assert!(t[0].grid.hidden.stylesheets_unread.is_empty());
    }

    #[test]
    fn excel_overflow_colspan_is_no_merge() {
        let html = r#"<table><tr><td colspan=2 style='mso-ignore:colspan'>820-马踏镇部门</td>
            <td x:num="1">1</td></tr><tr><td colspan="2" style="MSO-IGNORE: colspan">a</td><td>b</td></tr>
            <tr><td colspan=2>m</td><td>c</td></tr></table>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        let g = &t[0].grid;
        assert_eq!(
            texts(g),
            [
                vec!["820-马踏镇部门", "", "1"],
                vec!["a", "", "b"],
                vec!["m", "m", "c"]
            ]
        );
        assert!(!g.rows[0].cells[1].merged);
        assert!(
            g.rows[2].cells[1].merged,
            "a plain colspan is still a merge"
        );
    }

    #[test]
    fn small_table_above_is_preamble() {
        let html = r#"<table><tr><td>项目支出绩效目标表</td></tr><tr><td>部门名称：测试局</td>
            <td>单位：元</td></tr></table>
            <table><tr><th>项目名称</th><th>总计</th><th>绩效目标</th><th>绩效指标</th></tr>
            <tr><td>甲</td><td>1</td><td>g</td><td>i</td></tr></table>
            <table><tr><th>项目名称</th><th>总计</th><th>绩效目标</th><th>绩效指标</th></tr>
            <tr><td>乙</td><td>1</td><td>g</td><td>i</td></tr></table>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        let t2 = t.iter().find(|t| t.index == 2).unwrap();
        assert_eq!(
            texts(&t2.grid)[..3],
            [
                vec!["项目支出绩效目标表"],
                vec!["部门名称：测试局"],
                vec!["单位：元"]
            ]
        );
        // A small table without a title, department or scale (a menu) ends it.
        let menu = html
            .replacen("项目支出绩效目标表", "首页", 1)
            .replacen("部门名称：测试局", "导航", 1)
            .replacen("单位：元", "帮助", 1);
        let t = html_tables("t.html", &menu, &Limits::default()).unwrap();
        let t2 = t.iter().find(|t| t.index == 2).unwrap();
        assert_eq!(t2.grid.rows[0].number, 1);
        // A large table above still ends the preamble.
        let t3 = t.iter().find(|t| t.index == 3).unwrap();
        assert_eq!(t3.grid.rows[0].number, 1);
    }

    #[test]
    fn hostile_spans_are_bounded() {
        let html = r#"<table><tr><td colspan="999999999" rowspan="99999">x</td></tr><tr><td>y</td></tr></table>"#;
        let t = html_tables("t.html", html, &Limits::default()).unwrap();
        assert_eq!(t[0].cols, 1001);
        let limits = Limits {
            max_cells: 100,
            ..Limits::default()
        };
        assert!(html_tables("t.html", html, &limits).is_err());
    }
}
