//! A form's indicator header (GUIDE §3.1, §3.3): which columns hold the
//! year's indicators when the header offers more than one.
//!
//! - The 湖北 two-row value header: `指标值` over `2023年实际实现值 |
//!   预期2024年实现值` (in TSV/CSV the merged `指标值` only in its first
//!   cell). The year's column is the value, last year's actual the `prior`.
//! - Value columns named by their period (`中期目标值 | 年度目标值`,
//!   `2024-2026年指标值 | 2024年指标值`): the year's is read.
//! - The 88号 template's two groups side by side (`二级指标 | 三级指标 |
//!   指标值` twice): the group a row above names as the year's is read.
//!
//! Where nothing says which column (group) is the year's, the form is
//! refused at its header: reading the first would give the medium term's or
//! last year's values to the year's money.

use super::header::{compose_slots, field_of, finish, normalize, single, Layout, Slot};
use super::layout_form::period_text_of_year;
use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridRow};
use jixiao_core::{Field, Notice, Text};

/// What the form around an indicator header says of its year.
pub(crate) struct FormYear<'r, 'a> {
    /// The form's year (its `预算年度`, title or 编制年度), when it names one.
    pub(crate) year: Option<u16>,
    /// The form's rows above its indicator header, where a row of period
    /// headings may name the indicator groups.
    pub(crate) above: &'r [GridRow<'a>],
}

/// The indicator grid whose header is the row at index `idx`: its value
/// sub-header row (湖北) composed in, and only the year's value column and
/// indicator group kept. A header that offers several and says not which is
/// the year's is refused.
pub(crate) fn form_header_at(
    grid: &Grid<'_>,
    idx: usize,
    form: &FormYear<'_, '_>,
    location: &Location,
    notices: &mut Vec<Notice>,
) -> Result<Layout> {
    let Some(row) = grid.rows.get(idx) else {
        return Err(Error::invalid(
            location.clone(),
            Text::new(
                "申报表的指标表头不存在",
                "the form's indicator header is missing",
            ),
            Text::new("", ""),
        ));
    };
    let (last, mut slots) = match value_sub_header(grid, idx) {
        Some(composed) => (idx + 1, composed),
        None => (idx, single(row)),
    };
    let at = Location {
        row: Some(row.number),
        ..location.clone()
    };
    let other_group = keep_year_group(&mut slots, grid, form, &at)?;
    let over = idx.checked_sub(1).and_then(|i| grid.rows.get(i));
    keep_year_value(&mut slots, row, over, &other_group, form.year, &at)?;
    goal_as_group_label(&mut slots);
    if !slots.iter().any(|s| s.field == Some(Field::TargetValue)) {
        // (`指标值` over `2023年实际实现值 | 2025年实现值`: actuals only.)
        let values: Vec<(usize, Option<bool>)> = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.field == Some(Field::PriorActual) || value_heading(&s.header))
            .map(|(c, _)| (c, Some(false)))
            .collect();
        return Err(unclear_value(&slots, &values, form.year, &at));
    }
    Ok(finish(grid, idx, last, slots, notices))
}

/// A goal label left of the 一级指标 column of a form's indicator header
/// (`年度绩效目标(90分) | 一级指标 | …`, Chongqing 审批表, GUIDE §3.4) heads
/// the indicator rows, as `绩效指标` does: it is their group label, read as
/// that one is. The form's goal stands among its facts above; read as a goal
/// column, the label's merged copies down the rows were each a goal that
/// differs from the form's.
fn goal_as_group_label(slots: &mut [Slot]) {
    let Some(cat) = slots.iter().position(|s| s.field == Some(Field::Category)) else {
        return;
    };
    // Without a 三级指标 column, `绩效指标` names the indicator (鄂州): no
    // group label to read it as.
    if !slots.iter().any(|s| s.field == Some(Field::IndicatorName)) {
        return;
    }
    for s in slots.iter_mut().take(cat) {
        if s.field == Some(Field::Goal) {
            s.field = Some(Field::IndicatorCell);
        }
    }
}

/// Whether `row` is the second row of a 湖北 value header (`2023年实际实现值
/// | 预期2024年实现值`): every cell written in it names a value or an actual,
/// none left of `value_at`, the top row's first value column.
pub(crate) fn is_value_sub_row(row: &GridRow<'_>, value_at: usize) -> bool {
    let mut own = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.merged && !c.text.trim().is_empty())
        .peekable();
    own.peek().is_some() && own.all(|(c, x)| c >= value_at && sub_value_heading(&x.text))
}

/// A heading under `指标值`: a value or an actual named by its period
/// (`预期2024年实现值`, `2023年实际实现值`, `年度指标值`, `中期目标值`).
fn sub_value_heading(text: &str) -> bool {
    matches!(
        field_of(text),
        Some(Field::PriorActual | Field::TargetValue)
    ) || value_heading(text)
        || period_sub_heading(text)
}

/// A period's target or actual without 值 (`本年目标`, `上年实际`,
/// `2024年目标`): under `指标值` it names a value column as a heading with
/// 值 does (ur60 i6: `上年实际 | 本年目标` read as an indicator row).
fn period_sub_heading(text: &str) -> bool {
    const ENDS: [&str; 4] = ["实际", "目标", "指标", "实际数"];
    let n = normalize(text);
    let (bare, _) = split_brackets(&n);
    ENDS.iter()
        .filter_map(|w| bare.strip_suffix(w))
        .any(|stem| single_year(stem) || stem_period(stem, None).is_some())
}

/// The composed header when the row under `idx` is its value sub-header.
fn value_sub_header(grid: &Grid<'_>, idx: usize) -> Option<Vec<Slot>> {
    let top = grid.rows.get(idx)?;
    let below = grid.rows.get(idx + 1)?;
    let value_at = single(top)
        .iter()
        .position(|s| s.field == Some(Field::TargetValue) || value_heading(&s.header))?;
    if !is_value_sub_row(below, value_at) {
        return None;
    }
    // Joined even when no heading under `指标值` is a field of its own
    // (`上年实际 | 本年目标`): the sub-row is the header's, not an indicator.
    let mut slots = compose_slots(top, below).0;
    // In text the merged `指标值` is written in its first cell only: the
    // blank cells right of it stand under it too.
    let over = top.text(value_at).trim();
    for (c, slot) in slots.iter_mut().enumerate().skip(value_at + 1) {
        let under = below.text(c).trim();
        if top.text(c).trim().is_empty() && !under.is_empty() && period_sub_heading(under) {
            slot.header = format!("{over}/{under}");
        }
    }
    Some(slots)
}

/// A value column's heading, whatever period it names (`指标值`,
/// `年度目标值`, `2024-2026年指标值`, `本年度指标值`), not an actual.
pub(crate) fn value_heading(text: &str) -> bool {
    let n = normalize(text);
    let last = n.rsplit('/').next().unwrap_or(&n);
    // Under `指标值`, a period's target without 值 (`指标值/本年目标`).
    let under_value = n
        .split('/')
        .next()
        .is_some_and(|top| top != last && value_heading(top))
        && period_sub_heading(last)
        && !last.contains("实际");
    under_value
        || field_of(last) != Some(Field::PriorActual)
            && (field_of(last) == Some(Field::TargetValue)
                || VALUE_WORDS.iter().any(|w| last.ends_with(w)))
}

const VALUE_WORDS: [&str; 4] = ["指标值", "目标值", "实现值", "预期值"];

/// Words of a period longer than the year (the medium term), which the
/// period reader does not know as such (`中长期`, `长期`, `三年`).
const MEDIUM_WORDS: [&str; 6] = ["中期", "中长期", "长期", "实施期", "项目期", "三年"];

/// The period a heading's stem names (`中期`, `年度`, `2024-2026年`,
/// `本年度`): `Some(true)` the year's, `Some(false)` another, `None` no
/// period. A lone year when the form names none says no period: beside a
/// span (`2024-2026年 | 2024年`) it is the year's.
fn stem_period(stem: &str, year: Option<u16>) -> Option<bool> {
    let stem = stem.trim_start_matches("预期").trim_end_matches('的');
    if stem.is_empty() {
        return None;
    }
    if MEDIUM_WORDS.iter().any(|w| stem.contains(w)) {
        return Some(false);
    }
    let period = period_text_of_year(stem, year);
    if year.is_none() && period == Some(false) && single_year(stem) {
        return None;
    }
    period
}

/// `2024年`, `2024年度`: one year, nothing else.
fn single_year(stem: &str) -> bool {
    let digits = stem
        .strip_suffix("年度")
        .or_else(|| stem.strip_suffix('年'));
    digits.is_some_and(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The period a value column's heading names, from its last row
/// (`指标值/预期2024年实现值` → `预期2024年`).
fn value_period(header: &str, year: Option<u16>) -> Option<bool> {
    let n = normalize(header);
    let n = n.rsplit('/').next().unwrap_or(&n);
    let (bare, inside) = split_brackets(n);
    let stem = VALUE_WORDS
        .iter()
        .chain(&["值", "目标", "指标"])
        .find_map(|w| bare.strip_suffix(w))
        .unwrap_or(&bare);
    if stem.is_empty() && !inside.is_empty() {
        return stem_period(&inside, year);
    }
    stem_period(stem, year)
}

/// A normalised text outside its brackets, and what stands inside them.
fn split_brackets(n: &str) -> (String, String) {
    let (mut bare, mut inside) = (String::new(), String::new());
    let mut depth = 0usize;
    for c in n.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => inside.push(c),
            _ => bare.push(c),
        }
    }
    (bare, inside)
}

/// The period a heading over indicators or goals names (`中期目标（2024-2026年）`,
/// `年度目标`, `中期指标`, `年度绩效指标`), or `None` for any other text.
fn group_period(text: &str, year: Option<u16>) -> Option<bool> {
    const GROUP_WORDS: [&str; 5] = ["绩效指标", "绩效目标", "指标", "目标", "任务"];
    let n = normalize(text);
    let (bare, _) = split_brackets(&n);
    let bare = bare.trim_end_matches(':');
    let stem = GROUP_WORDS.iter().find_map(|w| bare.strip_suffix(w))?;
    stem_period(stem, year)
}

/// Keep the one value column that is the year's: the one its heading names
/// as the year's, else the one plain `指标值` beside others of other periods.
/// Two such (`指标值 | 指标值`, `年度指标值 | 指标值`) or none are refused.
/// A copy of a merged heading is the same column (its note says so).
fn keep_year_value(
    slots: &mut [Slot],
    row: &GridRow<'_>,
    over: Option<&GridRow<'_>>,
    other_group: &[usize],
    year: Option<u16>,
    at: &Location,
) -> Result<()> {
    // An actual under the value heading (`指标值` over `上年实际值 | 本年目标值`)
    // is last year's, no candidate for the year's value (ur60 i6).
    for s in slots.iter_mut() {
        let n = normalize(&s.header);
        let last = n.rsplit('/').next().unwrap_or(&n);
        let value =
            s.field == Some(Field::TargetValue) || (s.field.is_none() && value_heading(&s.header));
        if value && n.contains('/') && last.contains("实际") {
            s.field = Some(Field::PriorActual);
        }
    }
    let merged_copy = |c: usize| {
        c > 0
            && row.cells.get(c).is_some_and(|x| x.merged)
            && slots.get(c - 1).map(|s| &s.header) == slots.get(c).map(|s| &s.header)
    };
    let candidates: Vec<(usize, Option<bool>)> = slots
        .iter()
        .enumerate()
        .filter(|(c, s)| {
            (s.field == Some(Field::TargetValue) || (s.field.is_none() && value_heading(&s.header)))
                && !merged_copy(*c)
                && !other_group.contains(c)
        })
        .map(|(c, s)| (c, value_period(&s.header, year)))
        .collect();
    if candidates.len() < 2 && candidates.iter().all(|(_, p)| *p != Some(false)) {
        // The one value column left beside an actual (`上年实际值 | 本年目标值`).
        if let [(c, _)] = candidates.as_slice() {
            if let Some(s) = slots.get_mut(*c) {
                s.field = Some(Field::TargetValue);
            }
        }
        return Ok(());
    }
    let years: Vec<usize> = pick(&candidates, Some(true));
    let plain: Vec<usize> = pick(&candidates, None);
    let chosen = match (years.as_slice(), plain.as_slice()) {
        ([y], []) | ([], [y]) => *y,
        _ => match over.and_then(|o| year_column_by_row_over(o, &candidates, year)) {
            Some(c) => c,
            None => return Err(unclear_value(slots, &candidates, year, at)),
        },
    };
    for (c, _) in &candidates {
        if let Some(s) = slots.get_mut(*c) {
            s.field = (*c == chosen).then_some(Field::TargetValue);
        }
    }
    Ok(())
}

/// The value column a row of period headings right over the header names
/// as the year's (`上年实际 | 本年目标` over `指标值 | 指标值`): every cell
/// written in that row stands over a value column and names a period, one
/// of them the year's.
fn year_column_by_row_over(
    over: &GridRow<'_>,
    candidates: &[(usize, Option<bool>)],
    year: Option<u16>,
) -> Option<usize> {
    let mut year_col = None;
    for (c, x) in over.cells.iter().enumerate() {
        if x.merged || x.text.trim().is_empty() {
            continue;
        }
        if !candidates.iter().any(|(v, _)| *v == c) {
            return None;
        }
        match column_heading_period(&x.text, year)? {
            true if year_col.is_none() => year_col = Some(c),
            true => return None,
            false => {}
        }
    }
    year_col
}

/// The period a heading over one column names (`本年目标`, `上年实际`,
/// `中期指标值`, `2024年`).
fn column_heading_period(text: &str, year: Option<u16>) -> Option<bool> {
    const ENDS: [&str; 12] = [
        "绩效指标",
        "绩效目标",
        "指标值",
        "目标值",
        "实现值",
        "预期值",
        "实际完成值",
        "实际值",
        "实际数",
        "实际",
        "指标",
        "目标",
    ];
    let n = normalize(text);
    let (bare, _) = split_brackets(&n);
    let stem = ENDS
        .iter()
        .find_map(|w| bare.strip_suffix(w))
        .unwrap_or(&bare);
    stem_period(stem, year)
}

fn pick(candidates: &[(usize, Option<bool>)], period: Option<bool>) -> Vec<usize> {
    candidates
        .iter()
        .filter(|(_, p)| *p == period)
        .map(|(c, _)| *c)
        .collect()
}

/// The refusal of value columns none (or several) of which is the year's.
fn unclear_value(
    slots: &[Slot],
    candidates: &[(usize, Option<bool>)],
    year: Option<u16>,
    at: &Location,
) -> Error {
    let listed = |one: fn(usize, &str) -> String, sep: &str| {
        candidates
            .iter()
            .map(|(c, _)| one(c + 1, slots.get(*c).map_or("", |s| s.header.as_str())))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let list = listed(|c, h| format!("第{c}列「{h}」"), "、");
    let list_en = listed(|c, h| format!("column {c} “{h}”"), ", ");
    let none = candidates.iter().all(|(_, p)| *p == Some(false));
    let (zh, en) = match (none, year) {
        (true, Some(y)) => (
            format!("申报表的指标值列（{list}）没有一列是{y}年度的，无法确定年度指标值"),
            format!("none of the form's value columns ({list_en}) is for {y}; the year's targets cannot be told"),
        ),
        (true, None) => (
            format!("申报表的指标值列（{list}）没有一列写明是年度的，而申报表未写明年度，无法确定年度指标值"),
            format!("none of the form's value columns ({list_en}) is named as the year's, and the form names no year; the year's targets cannot be told"),
        ),
        _ => (
            format!("申报表的指标表头有多个指标值列（{list}），表头未说明哪一列是年度指标值，无法确定"),
            format!("the form's indicator header has several value columns ({list_en}) and does not say which is the year's; it cannot be told"),
        ),
    };
    let at = Location {
        col: candidates
            .first()
            .and_then(|(c, _)| u32::try_from(c + 1).ok()),
        ..at.clone()
    };
    Error::invalid(
        at,
        Text::new(zh, en),
        Text::new(
            "请在表头写明哪一列是年度指标值（如「中期指标值 | 年度指标值」），或删去其他时期的指标值列后再读取",
            "name the year's value column in the header (e.g. 中期指标值 | 年度指标值), or delete the other periods' value columns, then read it again",
        ),
    )
}

/// Keep the year's group of the 88号 template's two indicator groups side
/// by side (`一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 |
/// 指标值`): the other group's columns are left unread. The year's group is
/// the one a row above names so, left to right (`中期目标（2024-2026年） |
/// 年度目标` over the goals, or `中期指标 | 年度指标` over the groups).
/// The columns left unread.
fn keep_year_group(
    slots: &mut [Slot],
    grid: &Grid<'_>,
    form: &FormYear<'_, '_>,
    at: &Location,
) -> Result<Vec<usize>> {
    let visible = |c: usize| !grid.hidden.col(c);
    let cols = |f: Field| -> Vec<usize> {
        slots
            .iter()
            .enumerate()
            .filter(|(c, s)| s.field == Some(f) && visible(*c))
            .map(|(c, _)| c)
            .collect()
    };
    let names = cols(Field::IndicatorName);
    let values: Vec<usize> = slots
        .iter()
        .enumerate()
        .filter(|(c, s)| {
            visible(*c) && (s.field == Some(Field::TargetValue) || value_heading(&s.header))
        })
        .map(|(c, _)| c)
        .collect();
    if names.len() < 2 || values.len() < 2 {
        return Ok(Vec::new());
    }
    let Some(spans) = group_spans(slots, &names, &values) else {
        return Err(two_groups(&names, &values, at));
    };
    let Some(year_group) = named_year_group(form, spans.len()) else {
        return Err(two_groups(&names, &values, at));
    };
    let mut unread = Vec::new();
    for (g, (from, to)) in spans.iter().enumerate() {
        if g == year_group {
            continue;
        }
        for (c, s) in slots.iter_mut().enumerate().take(*to + 1).skip(*from) {
            s.field = None;
            unread.push(c);
        }
    }
    Ok(unread)
}

/// Each group's columns (first, last): a group ends at its value column,
/// the first starting right of the 一级指标 column. `None` unless every
/// group has one name and one value column, in that order.
fn group_spans(slots: &[Slot], names: &[usize], values: &[usize]) -> Option<Vec<(usize, usize)>> {
    if names.len() != values.len() {
        return None;
    }
    let category = slots.iter().position(|s| s.field == Some(Field::Category));
    let mut spans = Vec::with_capacity(names.len());
    let mut from = category.map_or(0, |c| c + 1);
    for (n, v) in names.iter().zip(values) {
        if !(from <= *n && n < v) {
            return None;
        }
        spans.push((from, *v));
        from = v + 1;
    }
    Some(spans)
}

/// Which of `groups` indicator groups is the year's, by the nearest row
/// above the header naming as many periods as there are groups, exactly one
/// of them the year's (`中期目标 | 年度目标`): the groups stand in the same
/// order as the headings.
fn named_year_group(form: &FormYear<'_, '_>, groups: usize) -> Option<usize> {
    form.above.iter().rev().find_map(|r| {
        let periods: Vec<bool> = r
            .cells
            .iter()
            .filter(|c| !c.merged && !c.text.trim().is_empty())
            .filter_map(|c| group_period(&c.text, form.year))
            .collect();
        let years = periods.iter().filter(|p| **p).count();
        (periods.len() == groups && years == 1)
            .then(|| periods.iter().position(|p| *p))
            .flatten()
    })
}

/// The refusal of two indicator groups none of which is named the year's.
fn two_groups(names: &[usize], values: &[usize], at: &Location) -> Error {
    let list = |v: &[usize], sep: &str| {
        v.iter()
            .map(|c| (c + 1).to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let (n, v) = (list(names, "、"), list(values, "、"));
    // (English lists take commas: ur58 saw `columns 4、7`.)
    let en = |v: &[usize]| match v {
        [a, b] => format!("{} and {}", a + 1, b + 1),
        _ => list(v, ", "),
    };
    let (n_en, v_en) = (en(names), en(values));
    // (At the second group, the one a row above would have to name.)
    let at = Location {
        col: names.get(1).and_then(|c| u32::try_from(c + 1).ok()),
        ..at.clone()
    };
    Error::invalid(
        at,
        Text::new(
            format!("申报表的指标表头有两组指标列（三级指标在第{n}列，指标值在第{v}列），像是中期与年度指标并列；无法确定哪一组是年度指标"),
            format!("the form's indicator header holds two groups of indicator columns (三级指标 in columns {n_en}, 指标值 in columns {v_en}), likely medium-term and year indicators side by side; which group is the year's cannot be told"),
        ),
        Text::new(
            "请在指标表头之上加一行写明各组的时期（如「中期指标 | 年度指标」），或删去中期（中长期）指标的一组列后再读取",
            "add a row above the indicator header naming each group's period (e.g. 中期指标 | 年度指标), or delete the medium-term group of columns, then read it again",
        ),
    )
}
