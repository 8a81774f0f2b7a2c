//! The one-cell form `N-产出指标：名称，年度指标值：5000人次。` (GUIDE §1.4).
//!
//! Scanner, in one pass over the bytes:
//!
//! 1. Item starts: every hyphen (`-`, or a variant `－ — – ‐ ‑ ﹣ −`, found with
//!    `memchr`) that has digits (ASCII or full-width `０-９`) right before it and
//!    one of [`ITEM_LEVELS`] plus `：` (or `:`) right after. A marker other than
//!    the plain `{seq}-` is kept in `seq_raw` (`１－`) and written back as typed;
//!    it is no problem (GUIDE §3.9: digits are width-normalised).
//!    An ideographic comma or a full stop (`1、产出指标：`, `1.产出指标：`,
//!    `1．产出指标：`, as published tables write them) is such a marker too,
//!    but only before one of [`ITEM_LEVELS`] named with 指标 and its colon
//!    (never before another level word), so that `1、2个`, `团、队` and
//!    `95.5%` stay text; it is kept in `seq_raw` (`1、`, `1.`) likewise.
//!    So is a number in brackets (`（1）产出指标：`, `(1)`), the opening
//!    bracket the item's start.
//!    A start is *clean* when its 1–2 digits sit at offset 0 or right after
//!    `。，；;` or whitespace. Otherwise it is *glued* to the previous value
//!    (`…90%2-效益指标：`, a missing terminator): the next expected sequence
//!    number (previous seq + 1, or 1) decides how many of the digits are the
//!    seq when it is a suffix of the digit run; else a run of 1–2 digits after
//!    a non-digit is the seq; else the last digit is. The previous item then
//!    has `terminator = None` (a reviewer sees the missing separator there).
//!    A 二级 may follow the 一级 before the colon (`1-产出指标-数量指标：`, the
//!    classic framework's two levels in one item): it is kept in `subcategory`,
//!    and the head as written (`产出指标-数量指标`) in `category_raw`, which
//!    `format_cell` writes back.
//!    Another level word ([`other_level`]: `质量指标`, `产出`) also starts an
//!    item, but only at exactly the number expected next and with a value
//!    marker (`指标值`) before the item's `。`; its category is then read as
//!    usual (Unknown for `质量指标`, which the reviewer reports).
//! 2. Each item runs to the next start (or the end of the cell). In it the
//!    name/value marker is the first `，年度指标值：`; failing that the first
//!    `指标值` followed by `：`/`:` (optionally preceded by `年度` and `，`/`,`),
//!    reported as `marker-nonstandard` because it cannot be written back.
//! 3. The item's tail is its terminator: trailing whitespace, and before it at
//!    most one of `。，；;`. So whitespace between items is kept in the previous
//!    item's `terminator` (`"。 "`), and `raw_value` never ends in whitespace
//!    or a terminator. `terminator` is `None` when the tail is empty.
//! 4. Text before the first item is never dropped: blank text is reported as
//!    `whitespace-outside-item`, other text as `text-outside-item`; a
//!    non-empty cell without any item gives `no-items` (or
//!    `whitespace-outside-item` when it is blank). An empty cell gives nothing.
//! 5. A cell with no item start may hold one indicator a line, without
//!    numbers or value marker (`产出指标-数量指标-资助参保人数：≥12000人`):
//!    read when every line reads so ([`line_items`]), with `marker-nonstandard`.
//!
//! Each item's span covers it from its seq digits to the end of its terminator,
//! so the spans of a cell tile it from the first item to the end.
//! Problem codes: `text-outside-item`, `whitespace-outside-item`, `no-items`,
//! `value-marker-missing`, `marker-nonstandard`, `seq-nonstandard`.

use super::category::{parse_category, ITEM_LEVELS};
use super::value::{is_ws, parse_value};
use super::{CellProblem, ParsedCell};
use crate::model::{digit_of, Category, Indicator, Origin, Span, Target};
use std::sync::OnceLock;

/// The canonical name/value marker.
pub(crate) const VALUE_MARKER: &str = "，年度指标值：";
/// The canonical colon after the 一级 name.
pub(crate) const LEVEL_COLON: &str = "：";

fn span(start: usize, end: usize) -> Span {
    let s = u32::try_from(start).unwrap_or(u32::MAX);
    let e = u32::try_from(end).unwrap_or(u32::MAX);
    Span::new(s, e)
}

fn is_boundary_char(c: char) -> bool {
    matches!(c, '。' | '，' | '；' | ';') || is_ws(c)
}

fn is_terminator_char(c: char) -> bool {
    matches!(c, '。' | '，' | '；' | ';')
}

/// A quoted excerpt for messages: at most 24 characters.
fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if s.chars().nth(24).is_some() {
        out.push('…');
    }
    out
}

/// An accepted item start.
#[derive(Debug, Clone, Copy)]
struct Start<'a> {
    /// Byte offset of the seq digits (start of the item).
    pos: usize,
    /// Byte offset of the hyphen (`-` or a variant, [`is_item_hyphen`]), or of `、`.
    hyphen: usize,
    /// Byte offset right after the hyphen.
    hyphen_end: usize,
    /// The 一级 as written: one of [`ITEM_LEVELS`], or another level word
    /// ([`other_level`]).
    level: &'a str,
    /// The item's level words as written: the 一级, and the 二级 when the item
    /// names one after it (`产出指标-数量指标`, [`second_level_after`]).
    head: &'a str,
    /// That 二级 (`数量指标`).
    sub: Option<&'a str>,
    /// End of the colon after the level.
    header_end: usize,
    colon_standard: bool,
    seq: u32,
}

/// The value of a run of decimal digits (ASCII or full-width), saturating.
fn digits_value(d: &str) -> u32 {
    d.chars().filter_map(digit_of).fold(0u32, |acc, b| {
        acc.saturating_mul(10).saturating_add(u32::from(b))
    })
}

/// Whether the digit run `run` (ASCII or full-width digits) ends with the
/// decimal digits of `n` (at most two): their count.
fn run_ends_with_number(run: &str, n: u32) -> Option<usize> {
    let len = if n < 10 {
        1
    } else if n < 100 {
        2
    } else {
        return None;
    };
    let (mut got, mut count) = (0u32, 0usize);
    let mut place = 1u32;
    for d in run.chars().rev().take(len).filter_map(digit_of) {
        got += u32::from(d) * place;
        place *= 10;
        count += 1;
    }
    (count == len && got == n).then_some(len)
}

/// The hyphen variants accepted between an item number and its level (the
/// ASCII `-` of the sample, and the full-width, dash and minus forms met in
/// typed or converted tables): `-` `－` `—` `–` `‐` `‑` `﹣` `−`.
fn is_item_hyphen(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '‐' | '‑' | '﹣' | '−')
}

/// A level word that is not one of [`ITEM_LEVELS`] at the start of `after`:
/// 2–10 CJK characters followed by a colon, either a known category under
/// another name (`产出`) or ending in 指标/目标 (`质量指标`, `其他指标`: an
/// unknown 一级, which the reviewer reports). Only taken as an item start when
/// its number is the one expected next, so that ordinary text is never split.
fn other_level(after: &str) -> Option<&str> {
    let end = after
        .char_indices()
        .find(|(_, c)| !is_cjk(*c))
        .map_or(after.len(), |(i, _)| i);
    let word = after.get(..end)?;
    let rest = after.get(end..)?;
    let colon = rest.starts_with(LEVEL_COLON) || rest.starts_with(':');
    (colon && is_level_word(word)).then_some(word)
}

/// A 二级 named after an item's 一级 (`1-产出指标-数量指标：…`, as the
/// classic framework's tables write the two levels in one item): at the start
/// of `rest`, an item hyphen, a level word ([`is_level_word`]: `数量指标`,
/// `经济成本指标`, `服务对象满意度指标`) and a colon. Returns the bytes of the
/// hyphen and the word, and the word.
fn second_level_after(rest: &str) -> Option<(usize, &str)> {
    let hyphen = rest.chars().next().filter(|c| is_item_hyphen(*c))?;
    let after = rest.get(hyphen.len_utf8()..)?;
    let word = other_level(after)?;
    Some((hyphen.len_utf8() + word.len(), word))
}

/// An item head as [`find_starts`] keeps it in `category_raw` when it names
/// a 二级 (`产出指标-数量指标`): the 一级 (one of [`ITEM_LEVELS`]) and the
/// 二级; `None` for any other text.
pub(crate) fn split_head(head: &str) -> Option<(&str, &str)> {
    let first = ITEM_LEVELS.iter().find(|l| head.starts_with(**l))?;
    let rest = head.get(first.len()..)?;
    let hyphen = rest.chars().next().filter(|c| is_item_hyphen(*c))?;
    let sub = rest.get(hyphen.len_utf8()..)?;
    is_level_word(sub).then_some((first, sub))
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// 2–10 CJK characters naming a level: a known category under any of its
/// names, or a word ending in 指标/目标.
fn is_level_word(word: &str) -> bool {
    let n = word.chars().count();
    (2..=10).contains(&n)
        && word.chars().all(is_cjk)
        && (word.ends_with("指标")
            || word.ends_with("目标")
            || parse_category(word).0 != Category::Unknown)
}

/// The list marks of `1、产出指标：`, `1.产出指标：` and `1．产出指标：`
/// (published tables write them so), which start an item only before a
/// level they may start ([`comma_level`]).
fn is_list_mark(c: char) -> bool {
    matches!(c, '、' | '.' | '．') || is_close_paren(c)
}

/// The closing bracket of a number in brackets (`（1）产出指标：`, `(2)`),
/// a list mark like `、` whose opening bracket belongs to the marker.
fn is_close_paren(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// The opening bracket right before byte `at` of `cell`, and its length.
fn open_paren_before(cell: &str, at: usize) -> Option<usize> {
    cell.get(..at)
        .and_then(|b| b.chars().next_back())
        .filter(|c| matches!(c, '（' | '('))
        .map(char::len_utf8)
}

/// Whether a level is one that an ideographic-comma marker may start: one of
/// [`ITEM_LEVELS`] that names its 一级 with 指标 (`产出指标`, `满意度指标`,
/// `项目完成指标`; not `产出目标`), the strong context that keeps `1、2个`
/// and lists such as `团、队` in names and values.
fn comma_level(level: &str) -> bool {
    ITEM_LEVELS.contains(&level) && level.ends_with("指标")
}

/// Byte offsets of the possible markers after an item number, ascending:
/// `-`, the lead bytes of the other hyphens (U+2010–U+2013, U+2212: 0xE2;
/// U+FE63, U+FF0D, and the full stop U+FF0E: 0xEF), `、` and `.`.
fn marker_candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let hyphens = memchr::memchr3_iter(b'-', 0xE2, 0xEF, bytes);
    let commas = memchr::memmem::find_iter(bytes, "、".as_bytes());
    let stops = memchr::memchr2_iter(b'.', b')', bytes);
    merged(hyphens, merged(commas, stops))
}

/// Two ascending sequences of offsets as one.
fn merged(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

fn find_starts(cell: &str) -> Vec<Start<'_>> {
    let bytes = cell.as_bytes();
    let mut starts: Vec<Start> = Vec::new();
    let mut search_from = 0usize;
    for hy in marker_candidates(bytes) {
        if hy < search_from {
            continue;
        }
        // An item number ends right before: an ASCII digit, or the last byte
        // of a full-width one (U+FF10–U+FF19: EF BC 90–99). This drops at once
        // the many `，：“` that share the lead bytes searched for.
        let digit_before = hy
            .checked_sub(1)
            .and_then(|k| bytes.get(k))
            .is_some_and(|b| b.is_ascii_digit() || (0x90..=0x99).contains(b));
        if !digit_before {
            continue;
        }
        let Some(hyphen_char) = cell.get(hy..).and_then(|r| r.chars().next()) else {
            continue;
        };
        let comma = is_list_mark(hyphen_char);
        if !(comma || is_item_hyphen(hyphen_char)) {
            continue;
        }
        let hyphen_end = hy + hyphen_char.len_utf8();
        // digit run (ASCII or full-width) right before the hyphen
        let head = cell.get(search_from..hy).unwrap_or("");
        let ds = search_from
            + head
                .char_indices()
                .rev()
                .take_while(|(_, c)| digit_of(*c).is_some())
                .last()
                .map_or(head.len(), |(i, _)| i);
        if ds == hy {
            continue;
        }
        let Some(after) = cell.get(hyphen_end..) else {
            continue;
        };
        let expected = starts.last().map_or(1, |s| s.seq.saturating_add(1));
        let known = ITEM_LEVELS.iter().find(|l| after.starts_with(**l)).copied();
        let level = if comma {
            // `N、` only before a 一级 named with 指标, and its colon (below)
            known.filter(|l| comma_level(l))
        } else {
            known.or_else(|| other_level(after))
        };
        let Some(level) = level else {
            continue;
        };
        let mut level_end = hyphen_end + level.len();
        let mut rest = cell.get(level_end..).unwrap_or("");
        // `产出指标-数量指标：`: the 二级 after a known 一级 belongs to the head.
        let sub = match known.and_then(|_| second_level_after(rest)) {
            Some((len, word)) => {
                level_end += len;
                rest = cell.get(level_end..).unwrap_or("");
                Some(word)
            }
            None => None,
        };
        let (colon_len, colon_standard) = if rest.starts_with(LEVEL_COLON) {
            (LEVEL_COLON.len(), true)
        } else if rest.starts_with(':') {
            (1, false)
        } else {
            continue;
        };
        let run = cell.get(ds..hy).unwrap_or("");
        let run_len = run.chars().count();
        // `（1）`: the number stands in its brackets, the opening one the
        // marker's start; never glued to the value before it.
        let (pos, seq) = if is_close_paren(hyphen_char) {
            let Some(open) = open_paren_before(cell, ds).filter(|_| run_len <= 2) else {
                continue;
            };
            (ds - open, digits_value(run))
        } else {
            let at_boundary = ds == 0
                || cell
                    .get(..ds)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(is_boundary_char);
            let seq_len = if known.is_none() {
                // Another level word: only at the number expected next, and only
                // when its item has a value marker before the item's end (`。`),
                // so that `完成3-质量指标：70个。` inside a value stays text.
                let item = cell.get(level_end + colon_len..).unwrap_or("");
                let item = item.split('。').next().unwrap_or(item);
                if !item.contains("指标值") {
                    continue;
                }
                let clean = at_boundary && run_len <= 2 && digits_value(run) == expected;
                match run_ends_with_number(run, expected) {
                    _ if clean => run_len,
                    Some(n) if !at_boundary => n,
                    _ => continue,
                }
            } else if at_boundary && run_len <= 2 {
                run_len
            } else {
                match run_ends_with_number(run, expected) {
                    Some(n) => n,
                    None if run_len <= 2 => run_len,
                    None => 1,
                }
            };
            // the last `seq_len` digits of the run
            let pos = run
                .char_indices()
                .nth(run_len - seq_len)
                .map_or(hy, |(i, _)| ds + i);
            (pos, digits_value(cell.get(pos..hy).unwrap_or("")))
        };
        let header_end = level_end + colon_len;
        starts.push(Start {
            pos,
            hyphen: hy,
            hyphen_end,
            level,
            head: cell.get(hyphen_end..level_end).unwrap_or(level),
            sub,
            header_end,
            colon_standard,
            seq,
        });
        search_from = header_end;
    }
    starts
}

/// Where the name ends and the value begins inside an item body
/// (offsets relative to the body), and whether the marker is canonical.
fn find_marker(body: &str) -> Option<(usize, usize, bool)> {
    static MARKER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let marker = MARKER.get_or_init(|| memchr::memmem::Finder::new(VALUE_MARKER.as_bytes()));
    if let Some(i) = marker.find(body.as_bytes()) {
        return Some((i, i + VALUE_MARKER.len(), true));
    }
    const KEY: &str = "指标值";
    let finder = memchr::memmem::find_iter(body.as_bytes(), KEY.as_bytes());
    for k in finder {
        let after = body.get(k + KEY.len()..).unwrap_or("");
        let colon_len = if after.starts_with('：') {
            '：'.len_utf8()
        } else if after.starts_with(':') {
            1
        } else {
            continue;
        };
        let mut name_end = k;
        let before = body.get(..name_end).unwrap_or("");
        if let Some(b) = before.strip_suffix("年度") {
            name_end = b.len();
        }
        let before = body.get(..name_end).unwrap_or("");
        if let Some(b) = before
            .strip_suffix('，')
            .or_else(|| before.strip_suffix(','))
        {
            name_end = b.len();
        }
        return Some((name_end, k + KEY.len() + colon_len, false));
    }
    None
}

/// Split an item's tail into value and terminator (see module docs, step 3).
/// A full stop typed on an English keyboard (`≥3600人.`, `≥90%.`) ends an
/// item too: no number or wording ends in one, and kept in the value it made
/// every such target qualitative.
fn split_terminator(s: &str) -> (&str, &str) {
    let t = s.trim_end_matches(is_ws);
    let t = match t.chars().next_back() {
        Some(c) if is_terminator_char(c) || matches!(c, '.' | '．') => {
            &t[..t.len() - c.len_utf8()]
        }
        _ => t,
    };
    (t, &s[t.len()..])
}

/// Parse a one-cell 绩效指标 text. Every indicator gets `origin` and its byte span.
/// Never panics; see the module docs for the rules and the problem codes.
pub fn parse_cell(cell: &str, origin: Origin) -> ParsedCell {
    let mut out = ParsedCell::default();
    if cell.is_empty() {
        return out;
    }
    let starts = find_starts(cell);
    if starts.is_empty() {
        if let Some(lines) = line_items(cell, origin) {
            return lines;
        }
    }
    let first = starts.first().map_or(cell.len(), |s| s.pos);
    if first > 0 {
        let lead = cell.get(..first).unwrap_or("");
        let blank = lead.chars().all(is_ws);
        let (code, message, message_en) = match (starts.is_empty(), blank) {
            (_, true) => (
                "whitespace-outside-item",
                "指标条目之外有空白".to_string(),
                "whitespace outside any indicator item".to_string(),
            ),
            (true, false) => (
                "no-items",
                format!(
                    "单元格中没有「序号-一级指标：」格式的指标「{}」",
                    excerpt(lead)
                ),
                format!(
                    "no indicator item of the form “number-level：” (such as “1-产出指标：”) in the cell: “{}”",
                    excerpt(lead)
                ),
            ),
            (false, false) => (
                "text-outside-item",
                format!("指标条目之外的文字「{}」", excerpt(lead)),
                format!("text outside any indicator item: “{}”", excerpt(lead)),
            ),
        };
        out.problems.push(CellProblem {
            span: span(0, first),
            code,
            message,
            message_en,
        });
    }
    out.indicators.reserve(starts.len());
    for (k, st) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(cell.len(), |n| n.pos);
        let digits = cell.get(st.pos..st.hyphen).unwrap_or("");
        if digits.chars().count() > 1 && digits.chars().next().and_then(digit_of) == Some(0) {
            out.problems.push(CellProblem {
                span: span(st.pos, st.hyphen),
                code: "seq-nonstandard",
                message: format!("序号「{digits}」有前导零"),
                message_en: format!("item number “{digits}” has a leading zero"),
            });
        }
        if !st.colon_standard {
            out.problems.push(CellProblem {
                span: span(st.header_end - 1, st.header_end),
                code: "marker-nonstandard",
                message: "一级指标后用了半角冒号「:」".to_string(),
                message_en:
                    "an ASCII colon “:” follows the level name (the full-width “：” is standard)"
                        .to_string(),
            });
        }
        let body_start = st.header_end.min(end);
        let body = cell.get(body_start..end).unwrap_or("");
        let (name, raw_value, term) = match find_marker(body) {
            Some((name_end, value_start, canonical)) => {
                if !canonical {
                    out.problems.push(CellProblem {
                        span: span(body_start + name_end, body_start + value_start),
                        code: "marker-nonstandard",
                        message: format!(
                            "指标值标记「{}」不是标准的「{VALUE_MARKER}」",
                            body.get(name_end..value_start).unwrap_or("")
                        ),
                        message_en: format!(
                            "the value marker “{}” is not the standard “{VALUE_MARKER}”",
                            body.get(name_end..value_start).unwrap_or("")
                        ),
                    });
                }
                let (v, t) = split_terminator(body.get(value_start..).unwrap_or(""));
                (body.get(..name_end).unwrap_or(""), Some(v), t)
            }
            None => {
                out.problems.push(CellProblem {
                    span: span(st.pos, end),
                    code: "value-marker-missing",
                    message: format!("第{}项缺少「{VALUE_MARKER}」", st.seq),
                    message_en: format!("item {} has no value marker “{VALUE_MARKER}”", st.seq),
                });
                let (n, t) = split_terminator(body);
                (n, None, t)
            }
        };
        let (target, value_label) = match raw_value {
            Some(v) => {
                let pv = parse_value(v);
                (pv.target, pv.label)
            }
            None => (Target::Missing, None),
        };
        let (category, _) = parse_category(st.level);
        let marker = cell.get(st.pos..st.hyphen_end).unwrap_or("");
        out.indicators.push(Indicator {
            seq: Some(st.seq),
            seq_raw: (!is_plain_marker(marker, st.seq)).then(|| marker.into()),
            category,
            category_raw: st.head.to_string(),
            subcategory: st.sub.map(str::to_string),
            name: name.to_string(),
            target,
            raw_value: raw_value.unwrap_or("").to_string(),
            value_label,
            terminator: (!term.is_empty()).then(|| term.to_string()),
            columns: crate::model::IndicatorColumns::boxed(None, None, None, None, None),
            origin,
            span: Some(span(st.pos, end)),
        });
    }
    out
}

/// One indicator a line, without item numbers or value marker, as some
/// tables are typed (`产出指标-数量指标-资助参保人数：≥12000人`, a line
/// break, `产出指标-质量指标-救助政策落实率：100%`; also without the 二级,
/// `效益指标-困难群众医疗负担：明显减轻`). Each line: one of [`ITEM_LEVELS`],
/// an item hyphen, a 二级 ([`is_level_word`]) and a hyphen when named, the
/// name up to the first colon, the value to the line's end. Taken only when
/// every line that is not blank reads so (else the cell has no items, as
/// before); the items have no `seq`. The cell is kept as typed (the writers
/// copy the 绩效指标 cell), but `format_cell` writes the standard form, so a
/// `marker-nonstandard` problem says so.
fn line_items(cell: &str, origin: Origin) -> Option<ParsedCell> {
    let mut out = ParsedCell::default();
    let mut at = 0usize;
    for line in cell.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(is_ws);
        let lead = body.len() - body.trim_start_matches(is_ws).len();
        let body = &body[lead..];
        if body.is_empty() {
            continue;
        }
        let level = ITEM_LEVELS.iter().find(|l| body.starts_with(**l))?;
        let after = body.get(level.len()..)?;
        let hyphen = after.chars().next().filter(|c| is_item_hyphen(*c))?;
        let rest = after.get(hyphen.len_utf8()..)?;
        let colon = rest.find(['：', ':'])?;
        let words = rest.get(..colon)?;
        // `数量指标-资助参保人数`: the 二级, then the name.
        let (sub, name) = match words.char_indices().find(|(_, c)| is_item_hyphen(*c)) {
            Some((k, c)) if is_level_word(&words[..k]) => {
                (Some(&words[..k]), &words[k + c.len_utf8()..])
            }
            _ => (None, words),
        };
        let colon_len = rest[colon..].chars().next().map_or(1, char::len_utf8);
        let head_len = body.len() - rest.len() + colon + colon_len;
        let head = match sub {
            Some(sub) => body.get(..level.len() + hyphen.len_utf8() + sub.len())?,
            None => level,
        };
        if name.trim().is_empty() {
            return None;
        }
        let (value, _) = split_terminator(body.get(head_len..)?);
        let item_start = start + lead;
        let value_end = item_start + head_len + value.len();
        let pv = parse_value(value);
        out.indicators.push(Indicator {
            seq: None,
            seq_raw: None,
            category: parse_category(level).0,
            category_raw: head.to_string(),
            subcategory: sub.map(str::to_string),
            name: name.to_string(),
            target: pv.target,
            raw_value: value.to_string(),
            value_label: pv.label,
            terminator: cell
                .get(value_end..at)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
            columns: None,
            origin,
            span: Some(span(item_start, at)),
        });
    }
    let first = out.indicators.first()?.span?.start as usize;
    if first > 0 {
        out.problems.push(CellProblem {
            span: span(0, first),
            code: "whitespace-outside-item",
            message: "指标条目之外有空白".to_string(),
            message_en: "whitespace outside any indicator item".to_string(),
        });
    }
    out.problems.push(CellProblem {
        span: span(first, cell.len()),
        code: "marker-nonstandard",
        message: format!(
            "指标按行写作「一级-二级-三级：指标值」，没有序号和「{VALUE_MARKER}」；写回时为标准格式「1-产出指标：名称{VALUE_MARKER}值」"
        ),
        message_en: format!(
            "indicators are written one a line as “level-sub-level-name：value”, without item numbers or “{VALUE_MARKER}”; written back in the standard form “1-产出指标：name{VALUE_MARKER}value”"
        ),
    });
    Some(out)
}

/// The 一级 text to write at an item start: `category_raw` when it is an
/// accepted item level, else the canonical label of a known category.
pub(crate) fn item_level(ind: &Indicator) -> &str {
    let raw = ind.category_raw.as_str();
    // As written when an item start accepts it (`产出` reads back as written,
    // `产出指标-数量指标` too).
    if ITEM_LEVELS.contains(&raw)
        || ind.category == Category::Unknown
        || is_level_word(raw)
        || split_head(raw).is_some()
    {
        &ind.category_raw
    } else {
        ind.category.label()
    }
}

/// Format indicators back into the one-cell form, using each item's raw text
/// (seq, 一级 as written, name, raw value, terminator):
/// `{seq}-{一级}：{name}，年度指标值：{raw_value}{terminator}`. The item
/// marker is `seq_raw` as written (`１－`, `1、`) when it numbers `seq` (and,
/// for `、`, when the 一级 is one it starts an item with).
///
/// An item without `seq` is numbered by its position (1-based); a `category_raw`
/// that is not an item level (row layouts: `产出指标(50分)`) is written as the
/// category's canonical label. Row-layout indicators whose target came from
/// separate columns should be written with [`super::format_cell_canonical`].
pub fn format_cell(items: &[Indicator]) -> String {
    let cap = items
        .iter()
        .map(|i| {
            i.name.len()
                + i.raw_value.len()
                + i.category_raw.len()
                + i.terminator.as_ref().map_or(0, String::len)
                + 32
        })
        .sum();
    let mut out = String::with_capacity(cap);
    for (k, ind) in items.iter().enumerate() {
        let seq = ind.seq.unwrap_or(u32::try_from(k + 1).unwrap_or(u32::MAX));
        let level = item_level(ind);
        let first = split_head(level).map_or(level, |(first, _)| first);
        match ind
            .seq_raw
            .as_deref()
            .filter(|m| marker_denotes(m, seq, first))
        {
            Some(m) => out.push_str(m),
            None => {
                push_seq(&mut out, seq);
                out.push('-');
            }
        }
        out.push_str(level);
        out.push_str(LEVEL_COLON);
        out.push_str(&ind.name);
        out.push_str(VALUE_MARKER);
        out.push_str(&ind.raw_value);
        if let Some(t) = &ind.terminator {
            out.push_str(t);
        }
    }
    out
}

/// Whether `marker` is the plain `{seq}-` (ASCII digits, no leading zero, ASCII hyphen).
fn is_plain_marker(marker: &str, seq: u32) -> bool {
    // `{seq}-` compared without formatting it (once per item of every cell).
    let Some(digits) = marker.strip_suffix('-') else {
        return false;
    };
    let b = digits.as_bytes();
    let canonical = match b {
        [] => false,
        [_] => true,
        [first, ..] => *first != b'0',
    };
    canonical && b.iter().all(u8::is_ascii_digit) && digits.parse::<u32>() == Ok(seq)
}

/// Whether an item marker as written (`１－`, `01-`, `1、`) is digits and an
/// item hyphen, or `、` before a level it starts an item with, that number
/// `seq`: only then is it written back in its place.
fn marker_denotes(marker: &str, seq: u32, level: &str) -> bool {
    let Some(hyphen) = marker
        .chars()
        .next_back()
        .filter(|c| is_item_hyphen(*c) || (is_list_mark(*c) && comma_level(level)))
    else {
        return false;
    };
    let digits = &marker[..marker.len() - hyphen.len_utf8()];
    // `（1）`: the number inside its brackets.
    let digits = if is_close_paren(hyphen) {
        match digits.strip_prefix(['（', '(']) {
            Some(d) => d,
            None => return false,
        }
    } else {
        digits
    };
    let n = digits.chars().count();
    (1..=2).contains(&n)
        && digits.chars().all(|c| digit_of(c).is_some())
        && digits_value(digits) == seq
}

pub(crate) fn push_seq(out: &mut String, seq: u32) {
    use std::fmt::Write;
    let _ = write!(out, "{seq}");
}
