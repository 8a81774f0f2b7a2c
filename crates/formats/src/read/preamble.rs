//! The lines above the header (表头以上): title, 年度, 部门名称, 金额单位.
//!
//! Every non-blank line is kept verbatim; facts are read from key–value
//! segments (`部门名称：…`, `单位：万元`). `单位` also means an organisation, so
//! only a value of `万元` / `元` makes it a money scale.

use crate::grid::GridRow;
use jixiao_core::{MoneyScale, PreambleLine};

/// What the preamble says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Preamble {
    pub(crate) title: Option<String>,
    /// The row of `title`.
    pub(crate) title_row: Option<u32>,
    pub(crate) department: Option<String>,
    pub(crate) fiscal_year: Option<u16>,
    pub(crate) scale: Option<MoneyScale>,
    /// The row that states `scale` (for messages).
    pub(crate) scale_row: Option<u32>,
    /// A scale in brackets at the end of the title (`…绩效目标表（单位：元）`)
    /// and its row: taken when no line of its own states one.
    pub(crate) title_scale: Option<(MoneyScale, u32)>,
    /// A money unit jixiao does not hold (`单位：千元`, `（亿元）`) stated
    /// above the table, and its row.
    pub(crate) unit_not_held: Option<(&'static str, u32)>,
    pub(crate) lines: Vec<PreambleLine>,
}

const TITLE_WORDS: [&str; 6] = [
    "绩效目标表",
    "目标申报表",
    "审批表",
    "批复表",
    "绩效目标申报表",
    "自评表",
];

/// The verbatim text of a row: its non-merged cells joined by tabs, trailing blanks dropped.
fn line_text(row: &GridRow<'_>) -> String {
    let cells: Vec<&str> = row
        .cells
        .iter()
        .filter(|c| !c.merged)
        .map(|c| c.text.as_ref())
        .collect();
    let end = cells
        .iter()
        .rposition(|t| !t.trim().is_empty())
        .map_or(0, |i| i + 1);
    cells.get(..end).unwrap_or(&[]).join("\t")
}

/// Split a line into segments at tabs, line breaks, U+3000 and runs of two or more spaces.
fn segments(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_space: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let hard = matches!(c, '\t' | '\n' | '\r' | '\u{3000}');
        if hard || (c == ' ' && prev_space.is_some()) {
            let cut = if hard { i } else { prev_space.unwrap_or(i) };
            if let Some(seg) = text.get(start..cut) {
                out.push(seg);
            }
            start = i + c.len_utf8();
            prev_space = None;
            continue;
        }
        prev_space = if c == ' ' { Some(i) } else { None };
    }
    if let Some(seg) = text.get(start..) {
        out.push(seg);
    }
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Keys a segment is split before when they follow another key–value pair
/// on the same line (`部门名称：测试局 单位：元`, the wide space collapsed by
/// HTML to one): longest first, so `金额单位` is not read as `单位`.
const SPLIT_KEYS: [&str; 11] = [
    "金额单位",
    "货币单位",
    "部门名称",
    "主管部门",
    "预算部门",
    "单位名称",
    "填报单位",
    "编制单位",
    "预算年度",
    "年度",
    "单位",
];

/// The keys of a money scale, split before even with no space in front
/// (`部门名称：测试局单位：元`, a right-floated `<span>`) when their value is one.
const SCALE_KEYS: [&str; 3] = ["金额单位", "货币单位", "单位"];

/// Split a segment that holds several key–value pairs before each later key:
/// one preceded by a space or a bracket, or a money-scale key whose value is
/// `元` / `万元`. The first pair's key is never split.
fn split_pairs(seg: &str) -> Vec<&str> {
    let Some(first) = seg.find(['：', ':']) else {
        return vec![seg];
    };
    let first_end = first
        + seg
            .get(first..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
    let mut cuts = Vec::new();
    for (p, c) in seg.char_indices() {
        if p <= first || !matches!(c, '：' | ':') {
            continue;
        }
        let head = seg.get(..p).unwrap_or("").trim_end();
        let Some(key) = SPLIT_KEYS.iter().find(|k| head.ends_with(*k)) else {
            continue;
        };
        let mut start = head.len() - key.len();
        let before = seg.get(..start).unwrap_or("");
        if let Some(b) = before.strip_suffix(['（', '(']) {
            start = b.len();
        }
        if start < first_end {
            continue;
        }
        let spaced = seg
            .get(..start)
            .and_then(|b| b.chars().next_back())
            .is_some_and(char::is_whitespace);
        let value = seg
            .get(p + c.len_utf8()..)
            .unwrap_or("")
            .trim_start()
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        if spaced || (SCALE_KEYS.contains(key) && scale_of(value).is_some()) {
            cuts.push(start);
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        if let Some(part) = seg.get(from..cut) {
            out.push(part.trim());
        }
        from = cut;
    }
    if let Some(part) = seg.get(from..) {
        out.push(part.trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Years written in full-width digits (`２０２４`) or in Chinese numerals
/// (`二〇二四年`) as ASCII digits; other text as it is.
pub(crate) fn ascii_years(text: &str) -> std::borrow::Cow<'_, str> {
    let numeral = |c: char| match c {
        '〇' | '零' => Some(0u8),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|i| u8::try_from(i + 1).ok()),
    };
    if !text
        .chars()
        .any(|c| ('０'..='９').contains(&c) || numeral(c).is_some())
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        // Four numerals right before 年, and not after another numeral
        // (`一二三四五年` is no year).
        let run = chars
            .get(i..i + 4)
            .filter(|w| w.iter().all(|&d| numeral(d).is_some()));
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        if let Some(run) =
            run.filter(|_| chars.get(i + 4) == Some(&'年') && before.and_then(numeral).is_none())
        {
            out.extend(
                run.iter()
                    .filter_map(|&d| numeral(d))
                    .map(|v| char::from(b'0' + v)),
            );
            i += 4;
            continue;
        }
        out.push(match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        });
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// A 4-digit year followed by `年` (`2024年`, `2024 年度`, `２０２４年`,
/// `二〇二四年度`): the first one.
pub(crate) fn year_in(text: &str) -> Option<u16> {
    let text = ascii_years(text);
    let text = text.as_ref();
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let window = b.get(i..i + 4)?;
        let before_ok = i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_digit);
        if before_ok && window.iter().all(u8::is_ascii_digit) {
            let rest = text.get(i + 4..).unwrap_or("").trim_start();
            if rest.starts_with('年') {
                let y: u16 = text.get(i..i + 4)?.parse().ok()?;
                if (1990..=2100).contains(&y) {
                    // A span of years (`2024-2026年`, `2024年至2026年`) is a
                    // multi-year table's: no one budget year.
                    let after = rest.trim_start_matches('年').trim_start();
                    let before = text
                        .get(..i)
                        .unwrap_or("")
                        .trim_end()
                        .trim_end_matches('年');
                    if span_edge(before.trim_end(), true) || span_edge(after, false) {
                        return None;
                    }
                    return Some(y);
                }
            }
        }
        i += 1;
    }
    None
}

/// Whether `side` (the text before a year, or after it) joins it to another
/// year by a range separator: `2024-`, `2024年至` before; `-2026`, `至2026年`
/// after.
fn span_edge(side: &str, before: bool) -> bool {
    const SEPS: [&str; 8] = ["-", "—", "–", "－", "~", "～", "至", "到"];
    let four_digits = |t: &str| t.len() >= 4 && t.bytes().take(4).all(|b| b.is_ascii_digit());
    if before {
        SEPS.iter().any(|sep| {
            side.strip_suffix(sep).is_some_and(|r| {
                let r = r.trim_end().trim_end_matches('年');
                r.len() >= 4 && r.as_bytes()[r.len() - 4..].iter().all(u8::is_ascii_digit)
            })
        })
    } else {
        SEPS.iter().any(|sep| {
            side.strip_prefix(sep)
                .is_some_and(|r| four_digits(r.trim_start()))
        })
    }
}

/// Money units other than 元 and 万元: amounts in them cannot be held as either.
pub(crate) const UNITS_NOT_HELD: [&str; 5] = ["千元", "十万元", "百万元", "千万元", "亿元"];

/// A money unit other than 元 and 万元 (`千元`, `亿元`, `人民币百万元`):
/// amounts in it cannot be held as either.
pub(crate) fn unit_not_held(value: &str) -> Option<&'static str> {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）'))
        .collect();
    let v = v.strip_prefix("人民币").unwrap_or(&v);
    UNITS_NOT_HELD.into_iter().find(|u| v == *u)
}

pub(crate) fn scale_of(value: &str) -> Option<MoneyScale> {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）'))
        .collect();
    let v = v.strip_prefix("人民币").unwrap_or(&v);
    match v {
        "万元" | "万" => Some(MoneyScale::WanYuan),
        "元" => Some(MoneyScale::Yuan),
        _ => None,
    }
}

fn strip_key(key: &str) -> String {
    key.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）'))
        .collect()
}

/// Read the preamble rows (everything above the header).
pub(crate) fn read(rows: &[GridRow<'_>]) -> Preamble {
    let mut p = Preamble::default();
    let mut year_from_key = None;
    let mut year_other = None;
    for row in rows {
        if row.is_blank() {
            continue;
        }
        let text = line_text(row);
        if text.trim().is_empty() {
            continue;
        }
        let segs: Vec<&str> = segments(&text).into_iter().flat_map(split_pairs).collect();
        let mut k = 0;
        while k < segs.len() {
            let seg = segs.get(k).copied().unwrap_or("");
            k += 1;
            if p.title.is_none() && TITLE_WORDS.iter().any(|w| seg.contains(w)) {
                // The whole cell is the title (spaces inside it included), unless it is a key–value cell.
                let cell = row
                    .cells
                    .iter()
                    .map(|c| c.text.trim())
                    .find(|t| t.contains(seg) && !t.contains(['：', ':']))
                    .unwrap_or(seg);
                if let Some(scale) = bracketed_scale(cell).map(|(s, _)| s) {
                    p.title_scale = Some((scale, row.number));
                }
                if let Some(u) = bracketed_unit(cell).and_then(unit_not_held) {
                    p.unit_not_held.get_or_insert((u, row.number));
                }
                p.title = Some(cell.to_string());
                p.title_row = Some(row.number);
                if year_other.is_none() {
                    year_other = year_in(seg);
                }
                continue;
            }
            let Some(pos) = seg.find(['：', ':']) else {
                // A unit's key and its value in two cells (`金额单位 | 元`).
                let beside = SCALE_KEYS
                    .contains(&strip_key(seg).as_str())
                    .then(|| segs.get(k).copied())
                    .flatten();
                if let Some(s) = beside.and_then(scale_of) {
                    if p.scale.is_none() {
                        p.scale = Some(s);
                        p.scale_row = Some(row.number);
                    }
                    k += 1;
                    continue;
                }
                if let Some(u) = beside.and_then(unit_not_held) {
                    p.unit_not_held.get_or_insert((u, row.number));
                    k += 1;
                    continue;
                }
                if year_other.is_none() {
                    year_other = statement_year(seg);
                }
                let bracketed = seg.strip_prefix('（').or_else(|| seg.strip_prefix('('));
                if p.scale.is_none() {
                    // `（单位：万元）` handled above; a bare `万元` line is a scale too.
                    if let Some(s) = bracketed.and_then(scale_of) {
                        p.scale = Some(s);
                        p.scale_row = Some(row.number);
                    }
                }
                if let Some(u) = bracketed.and_then(unit_not_held) {
                    p.unit_not_held.get_or_insert((u, row.number));
                }
                continue;
            };
            let key = strip_key(seg.get(..pos).unwrap_or(""));
            let sep_len = seg
                .get(pos..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
            let mut value = seg.get(pos + sep_len..).unwrap_or("").trim().to_string();
            if value.is_empty() {
                if let Some(next) = segs.get(k).filter(|n| !n.contains(['：', ':'])) {
                    value = next.to_string();
                    k += 1;
                }
            }
            let value = value.trim_end_matches([')', '）']).trim().to_string();
            let key = key.as_str();
            if key.ends_with("单位") || key == "金额单位" || key == "货币单位" {
                if let Some(s) = scale_of(&value) {
                    if p.scale.is_none() {
                        p.scale = Some(s);
                        p.scale_row = Some(row.number);
                    }
                    continue;
                }
                if let Some(u) = unit_not_held(&value) {
                    p.unit_not_held.get_or_insert((u, row.number));
                    continue;
                }
            }
            match key {
                "部门名称"
                | "主管部门"
                | "部门"
                | "预算部门"
                | "主管部门及代码"
                | "部门单位名称"
                | "单位名称"
                | "单位"
                | "填报单位"
                | "编制单位" => {
                    if p.department.is_none() && !value.is_empty() {
                        p.department = Some(value);
                    }
                }
                "年度" | "预算年度" | "年份" => {
                    let v = ascii_years(&value);
                    let v = v.trim_end_matches("年度").trim_end_matches('年');
                    if let Ok(y) = v.trim().parse::<u16>() {
                        year_from_key.get_or_insert(y);
                    } else if let Some(y) = year_in(&value) {
                        year_from_key.get_or_insert(y);
                    }
                }
                // A filing or printing date (`填报日期：2024年11月`) is no
                // budget year: forms are filed the year before.
                _ if key.contains("日期") || key.contains("时间") => {}
                _ => {
                    if year_other.is_none() {
                        year_other = statement_year(seg);
                    }
                }
            }
        }
        p.lines.push(PreambleLine {
            row: row.number,
            text,
        });
    }
    p.fiscal_year = year_from_key.or(year_other);
    if p.scale.is_none() {
        if let Some((scale, row)) = p.title_scale {
            p.scale = Some(scale);
            p.scale_row = Some(row);
        }
    }
    p
}

/// A money scale in brackets at the end of a title (`（单位：元）`,
/// `(单位:万元)`, `（金额单位：万元）`, `（万元）`): the scale and the byte
/// offset where the brackets start.
pub(crate) fn bracketed_scale(title: &str) -> Option<(MoneyScale, usize)> {
    let (value, open) = bracketed_value(title)?;
    Some((scale_of(value)?, open))
}

/// The unit a title's closing brackets name, as written (`千元` of
/// `…（单位：千元）`).
fn bracketed_unit(title: &str) -> Option<&str> {
    bracketed_value(title).map(|(v, _)| v)
}

/// The value in a title's closing brackets (`元` of `（单位：元）`, `万元` of
/// `（万元）`) and the byte offset where the brackets start.
fn bracketed_value(title: &str) -> Option<(&str, usize)> {
    let t = title.trim_end();
    let inner_end = t.strip_suffix(['）', ')', '】', ']'])?;
    let open = inner_end.rfind(['（', '(', '【', '['])?;
    let inner = inner_end
        .get(open..)?
        .trim_start_matches(['（', '(', '【', '['])
        .trim();
    let value = match inner.find(['：', ':']) {
        Some(pos) => {
            // As a line's key: `单位`, `金额单位`, `资金单位`, `货币单位`.
            let key = strip_key(inner.get(..pos)?);
            if !key.ends_with("单位") {
                return None;
            }
            let sep = inner.get(pos..)?.chars().next()?.len_utf8();
            inner.get(pos + sep..)?
        }
        None => inner,
    };
    Some((value, open))
}

/// The year a line outside the title states (`（2024年度）`, `预算年度 2024`),
/// not one a sentence mentions (a goal above a stacked form's indicators,
/// `到2026年累计建成高标准农田6万亩，…`, says when, not for which year) nor
/// a money column's heading.
fn statement_year(seg: &str) -> Option<u16> {
    let sentence = seg.contains(['，', '。', '；', ',', ';']) || seg.chars().count() > 30;
    // Nor a money column's heading (`2023年执行数`, `2024年预算数`) a later
    // stacked form prints among its facts.
    let money = ["执行", "决算", "实际", "实现", "预算数"]
        .iter()
        .any(|w| seg.contains(w));
    if sentence || money {
        None
    } else {
        year_in(seg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::GridCell;
    use std::borrow::Cow;

    #[test]
    fn a_span_of_years_gives_no_budget_year() {
        // /tmp/ur7: a 2024-2026 table was read as the budget year 2026.
        for t in [
            "2024-2026年项目支出绩效目标表",
            "2024—2026年中期绩效目标表",
            "2024年至2026年项目绩效目标",
            "2024 ~ 2026年",
            // Five numerals are no year.
            "一二三四五年",
        ] {
            assert_eq!(year_in(t), None, "{t}");
        }
        for (t, y) in [
            ("2024年项目支出绩效目标表", 2024),
            ("2024年度部门预算-项目绩效目标表", 2024),
            ("某局2025年预算（2024年编制）", 2025),
            ("（二〇二四年度）", 2024),
            ("２０２４年项目支出绩效目标表", 2024),
            ("二零二五年度", 2025),
        ] {
            assert_eq!(year_in(t), Some(y), "{t}");
        }
    }

    fn row(n: u32, cells: &[&'static str]) -> GridRow<'static> {
        GridRow {
            number: n,
            cells: cells
                .iter()
                .map(|t| GridCell {
                    text: Cow::Borrowed(*t),
                    merged: false,
                    bare_number: false,
                })
                .collect(),
        }
    }

    #[test]
    fn reads_title_department_scale_and_year() {
        let rows = vec![
            row(1, &["2024年项目支出绩效目标表  （含转移支付项目）"]),
            row(2, &[""]),
            row(3, &["部门名称 ： 某某委员会        单位:万元"]),
        ];
        let p = read(&rows);
        assert_eq!(
            p.title.as_deref(),
            Some("2024年项目支出绩效目标表  （含转移支付项目）")
        );
        assert_eq!(p.department.as_deref(), Some("某某委员会"));
        assert_eq!(p.scale, Some(MoneyScale::WanYuan));
        assert_eq!(p.fiscal_year, Some(2024));
        assert_eq!(p.lines.len(), 2);
        assert_eq!(p.lines[1].row, 3);
        assert_eq!(p.lines[1].text, "部门名称 ： 某某委员会        单位:万元");
    }

    #[test]
    fn a_filing_date_is_no_budget_year() {
        let rows = vec![
            row(1, &["项目支出绩效目标申报表"]),
            row(2, &["填报单位：某局", "填报日期：2023年11月"]),
        ];
        assert_eq!(read(&rows).fiscal_year, None);
    }

    #[test]
    fn a_scale_in_the_title_brackets() {
        // /tmp/ur9 probe p22 and p20: the only statement of the scale.
        for (title, scale) in [
            ("2024年某村项目支出绩效目标表(单位:元)", MoneyScale::Yuan),
            ("2024年项目支出绩效目标表（单位：元）", MoneyScale::Yuan),
            (
                "2024年项目支出绩效目标表（金额单位：万元）",
                MoneyScale::WanYuan,
            ),
            ("2024年项目支出绩效目标表（万元）", MoneyScale::WanYuan),
            // /tmp/ur10 s12, s11
            (
                "2024年某村项目支出绩效目标表（资金单位：元）",
                MoneyScale::Yuan,
            ),
            ("2024年某村项目支出绩效目标表【单位：元】", MoneyScale::Yuan),
        ] {
            let p = read(&[row(1, &[title])]);
            assert_eq!(p.scale, Some(scale), "{title}");
            assert_eq!(p.scale_row, Some(1));
            assert_eq!(p.title.as_deref(), Some(title));
        }
        // A line of its own wins; other brackets are no scale.
        let p = read(&[
            row(1, &["2024年项目支出绩效目标表（单位：元）"]),
            row(2, &["单位：万元"]),
        ]);
        assert_eq!(p.scale, Some(MoneyScale::WanYuan));
        assert_eq!(p.scale_row, Some(2));
        assert_eq!(p.title_scale, Some((MoneyScale::Yuan, 1)));
        let p = read(&[row(1, &["项目支出绩效目标表（含转移支付项目）"])]);
        assert_eq!(p.scale, None);
        let p = read(&[row(1, &["项目支出绩效目标表（单位：某某中心）"])]);
        assert_eq!(p.scale, None);
    }

    #[test]
    fn scale_sharing_the_department_line() {
        // HTML collapses `&nbsp;&nbsp;&nbsp;&nbsp;` to one space; a right-floated
        // `<span>` leaves none; a bracketed scale follows the name directly.
        for line in [
            "部门名称：测试局 单位：元",
            "部门名称：测试局单位：元",
            "部门名称：测试局（单位：元）",
            "部门名称：测试局 金额单位：元",
        ] {
            let p = read(&[row(1, &[line])]);
            assert_eq!(p.department.as_deref(), Some("测试局"), "{line}");
            assert_eq!(p.scale, Some(MoneyScale::Yuan), "{line}");
            assert_eq!(p.lines[0].text, line);
        }
        let p = read(&[row(1, &["单位：元 部门名称：测试局"])]);
        assert_eq!(p.department.as_deref(), Some("测试局"));
        assert_eq!(p.scale, Some(MoneyScale::Yuan));
        // An organisation named …单位 is not cut, and no scale is made up.
        let p = read(&[row(1, &["部门名称：某某事业单位"])]);
        assert_eq!(p.department.as_deref(), Some("某某事业单位"));
        assert_eq!(p.scale, None);
        let p = read(&[row(1, &["部门名称：测试局 年度：2023"])]);
        assert_eq!(p.department.as_deref(), Some("测试局"));
        assert_eq!(p.fiscal_year, Some(2023));
    }

    #[test]
    fn unit_key_is_money_only_for_yuan_values() {
        let p = read(&[row(1, &["单位：某某中心"]), row(2, &["金额单位：人民币元"])]);
        assert_eq!(p.department.as_deref(), Some("某某中心"));
        assert_eq!(p.scale, Some(MoneyScale::Yuan));
        let p = read(&[row(1, &["部门名称：", "某局"]), row(2, &["年度：2023"])]);
        assert_eq!(p.department.as_deref(), Some("某局"));
        assert_eq!(p.fiscal_year, Some(2023));
        assert_eq!(p.scale, None);
    }
}
