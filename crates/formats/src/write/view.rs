//! Shared views of a [`Table`] for the writers: the 7-column one-cell rows, the
//! row-per-indicator rows with their merge spans, indicator field texts, and cell hygiene
//! (formula-injection neutralisation, tab/newline cleaning, CJK display width).

use jixiao_core::grammar;
use jixiao_core::{
    header_year, AmountRow, Category, Comparator, Field, Funding, FundingColumn, Indicator,
    LayoutFamily, Project, Table, Target, Unit,
};
use rust_decimal::Decimal;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Default title when the table has none.
pub(crate) const DEFAULT_TITLE: &str = "项目支出绩效目标表";

/// Neutralise spreadsheet formula injection (公式注入): a text cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
/// A text that is a plain number (`-12.50`, `+3`) is left alone, so real numbers
/// are never altered.
pub fn neutralize_formula(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_plain_number(text) => {
            Cow::Owned(format!("'{text}"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// The inverse of [`neutralize_formula`], for reading jixiao's own long CSV
/// back: `'=HYPERLINK(…)` → `=HYPERLINK(…)`, `'=` → `=`. Only an apostrophe
/// that the writer would have added is taken off (one before `= + - @`, a
/// tab or a carriage return, not before a plain number), so
/// `neutralize_formula(unneutralize_formula(t)) == t` for every `t` the writer
/// produced (not for any text: `=x` as read becomes `'=x`).
pub(crate) fn unneutralize_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if neutralize_formula(rest).len() == text.len() => rest,
        _ => text,
    }
}

/// True for `-12.50`, `+3`, `0.5`: an optional sign, digits, an optional fraction.
pub(crate) fn is_plain_number(text: &str) -> bool {
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Replace tabs and line breaks inside a cell by a space (for one-line-per-row text).
pub(crate) fn clean_cell(text: &str) -> Cow<'_, str> {
    if !text.contains(['\t', '\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if matches!(c, '\t' | '\n' | '\r') {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    Cow::Owned(out)
}

/// Display width in terminal cells; CJK (and ambiguous-width punctuation such as `“”`) count 2.
pub(crate) fn display_width(text: &str) -> usize {
    text.lines()
        .map(UnicodeWidthStr::width_cjk)
        .max()
        .unwrap_or(0)
}

/// An amount as printed (keeps the decimal's own precision), blank when absent.
pub(crate) fn amount_text(v: Option<Decimal>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

/// The 一级 label to show: canonical, or as written when not recognised.
pub(crate) fn category_text(ind: &Indicator) -> &str {
    match ind.category {
        Category::Unknown => ind.category_raw.as_str(),
        c => c.label(),
    }
}

/// 指标性质: the canonical comparator symbol (`≥ > ≤ < =`), `区间` for a range,
/// `定性` for qualitative and `分级` for graded targets. A qualitative value
/// whose own 指标性质 column said something (`≤` before `12月底前`) keeps it as
/// written, so that it reads back as it was.
pub(crate) fn op_text(ind: &Indicator) -> &str {
    match &ind.target {
        Target::Quantitative(q) => match q.op {
            Some(Comparator::Range) => "区间",
            Some(op) => op.symbol(),
            None => "",
        },
        Target::Qualitative { .. } => ind
            .op_column()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .unwrap_or("定性"),
        Target::Graded(_) => "分级",
        Target::Missing => "",
    }
}

/// 指标值: the number (lower bound of a range), the qualitative wording, or the raw text.
pub(crate) fn value_text(ind: &Indicator) -> String {
    match &ind.target {
        Target::Quantitative(q) => q.value.to_string(),
        Target::Qualitative { text } => text.clone(),
        Target::Graded(_) => ind.raw_value.clone(),
        Target::Missing => String::new(),
    }
}

/// The numeric 指标值 when the target is a single quantitative value.
pub(crate) fn value_number(ind: &Indicator) -> Option<Decimal> {
    match &ind.target {
        // Only a bare number is a number cell: `0.5万`, `2万余`, `5000（全年）` are text.
        Target::Quantitative(q)
            if q.value_hi.is_none()
                && ind.value_label.is_none()
                && q.magnitude.is_none()
                && q.approx.is_none()
                && q.note.is_none() =>
        {
            Some(q.value)
        }
        _ => None,
    }
}

/// 指标值上限 of a range target.
pub(crate) fn value_hi_text(ind: &Indicator) -> String {
    ind.target
        .quantity()
        .and_then(|q| q.value_hi)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// 度量单位: the parsed unit, else the unit column as written.
pub(crate) fn measure_unit(ind: &Indicator) -> &str {
    ind.target
        .quantity()
        .and_then(|q| q.unit.as_deref())
        .or(ind.unit_column())
        .unwrap_or("")
}

/// 度量单位 with the magnitude and a "more than" the number carries (`万人`,
/// `万余人次`), for the long CSV, whose 指标值 is the bare number: `0.5` in
/// `万人` reads as what was written, and reads back so.
pub(crate) fn measure_unit_with_magnitude(ind: &Indicator) -> String {
    let unit = measure_unit(ind);
    match ind.target.quantity() {
        Some(q) => q.unit_as_written(unit),
        None => unit.to_string(),
    }
}

/// 指标值 shown in the row layouts: a range as `a-b`, otherwise [`value_text`];
/// a label printed before the number stays in front of it
/// (`发布新媒体推送100`, its unit in 度量单位), so that it reads back.
pub(crate) fn value_display(ind: &Indicator) -> String {
    let mut shown = match ind.target.quantity() {
        // `约` before the number (its comparator is in 指标性质)
        Some(q) => q.head().to_string(),
        None => String::new(),
    };
    match ind.target.quantity() {
        Some(q) if q.value_hi.is_some() => {
            shown.push_str(&format!("{}-{}", q.value, value_hi_text(ind)));
        }
        _ => shown.push_str(&value_text(ind)),
    }
    // What the number carries besides its unit (in 度量单位): `0.5万`,
    // `2万余`, `5000左右`, `5000（全年）`; without it the value reads back
    // ten thousand times off, or loses its note.
    if let Some(q) = ind.target.quantity() {
        shown.push_str(&number_extras(q, ""));
    }
    match (&ind.value_label, ind.target.quantity()) {
        (Some(label), Some(_)) if !label.is_empty() => grammar::join_label(label, &shown),
        _ => shown,
    }
}

/// The magnitude and approximation after a number, around `unit`, then the
/// note: `{magnitude}{余|多}{unit}{左右}{note}` as [`grammar`] writes a value.
fn number_extras(q: &jixiao_core::model::Quantity, unit: &str) -> String {
    q.unit_as_written(unit) + &q.tail()
}

/// 定性描述 of a qualitative target.
pub(crate) fn qualitative_text(ind: &Indicator) -> &str {
    match &ind.target {
        Target::Qualitative { text } => text,
        _ => "",
    }
}

/// The value written the canonical one-cell way: label, comparator, 约, number,
/// unit (`发布新媒体推送100篇`, `≥95%`, `80-90%`, `≥约90%`, `效果明显`).
fn canonical_value(ind: &Indicator) -> String {
    match &ind.target {
        Target::Quantitative(q) => {
            let mut s = String::new();
            match (q.op, q.value_hi) {
                (_, Some(hi)) => s.push_str(&format!("{}{}-{hi}", q.head(), q.value)),
                (Some(op), None) if op != Comparator::Range => {
                    s.push_str(op.symbol());
                    s.push_str(q.head());
                    s.push_str(&q.value.to_string());
                }
                _ => {
                    s.push_str(q.head());
                    s.push_str(&q.value.to_string());
                }
            }
            s.push_str(&number_extras(q, measure_unit(ind)));
            match &ind.value_label {
                Some(l) => grammar::join_label(l, &s),
                None => s,
            }
        }
        Target::Qualitative { text } => text.clone(),
        Target::Graded(_) | Target::Missing => ind.raw_value.clone(),
    }
}

/// A project's 绩效指标 cell: verbatim when the source had one, else formatted with
/// [`grammar::format_cell`] (row-layout indicators renumbered 1..n, canonical 一级 and value).
pub(crate) fn indicator_cell_text<'a>(table: &Table, project: &'a Project) -> Cow<'a, str> {
    if let Some(cell) = &project.indicator_cell {
        return clean_cell(cell);
    }
    if project.indicators.is_empty() {
        return Cow::Borrowed("");
    }
    let canonical = table.layout == LayoutFamily::RowPerIndicator
        || project.indicators.iter().any(|i| i.seq.is_none());
    let text = if canonical {
        let items: Vec<Indicator> = project
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                let mut c = ind.clone();
                c.seq = Some(u32::try_from(i + 1).unwrap_or(u32::MAX));
                c.category_raw = category_text(ind).to_string();
                c.raw_value = canonical_value(ind);
                c.terminator = Some("。".to_string());
                c
            })
            .collect();
        grammar::format_cell(&items)
    } else {
        grammar::format_cell(&project.indicators)
    };
    Cow::Owned(clean_cell(&text).into_owned())
}

/// What a row of the 7-column layout is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// 合计.
    Total,
    /// 资金使用单位.
    Unit,
    /// 项目.
    Project,
}

/// One row of the 7-column one-cell layout.
pub(crate) struct OneCellRow<'a> {
    pub kind: RowKind,
    pub name: Cow<'a, str>,
    pub funding: Funding,
    pub goal: &'a str,
    pub indicators: Cow<'a, str>,
    /// Source row (1-based), when known.
    pub source_row: Option<u32>,
}

/// The official column headers of the one-cell layout, in order.
pub const ONE_CELL_HEADERS: [&str; 7] = [
    "项目名称（资金使用单位）",
    "总计",
    "财政拨款",
    "财政专户拨款",
    "其他资金",
    "绩效目标",
    "绩效指标",
];

/// Which of the four amount columns (总计, 财政拨款, 财政专户拨款, 其他资金) the
/// writers write. A blank cell reads back as 0, so a column that the source did
/// not have and that no row fills is left out rather than written blank: a
/// table with only 预算数 / 项目金额 gets no funding-source columns (blank ones
/// read back as sources summing to 0 against every total), a table with only
/// funding sources no 总计 column. A column the source's header had stays, even
/// blank (the sample's 财政专户拨款 and 其他资金), and one amount column is always
/// written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AmountColumns {
    /// 总计.
    pub total: bool,
    /// 财政拨款, 财政专户拨款, 其他资金 (together: the three are one identity).
    pub sources: bool,
}

impl AmountColumns {
    /// The columns to write for `table`: each that some row (合计, unit or
    /// project) fills or the source's header had.
    pub(crate) fn of(table: &Table) -> Self {
        let sources = table.columns.iter().any(|c| c.field.is_funding_source())
            || table.amount_rows().any(|f| f.parts_sum().is_some());
        let total = !sources
            || table.column_of(Field::Total).is_some()
            || table.amount_rows().any(|f| f.total.is_some());
        AmountColumns { total, sources }
    }

    /// The written columns, in table order.
    pub(crate) fn columns(self) -> impl Iterator<Item = FundingColumn> {
        FUNDING_COLUMNS.into_iter().filter(move |c| self.has(*c))
    }

    /// Whether `column` is written.
    pub(crate) fn has(self, column: FundingColumn) -> bool {
        match column {
            FundingColumn::Total => self.total,
            _ => self.sources,
        }
    }

    /// How many amount columns are written (1 to 4).
    pub(crate) fn count(self) -> usize {
        usize::from(self.total) + 3 * usize::from(self.sources)
    }

    /// The amounts of `f` in the written columns, in order.
    pub(crate) fn values(self, f: &Funding) -> impl Iterator<Item = Option<Decimal>> + '_ {
        f.columns()
            .into_iter()
            .filter(move |(c, _)| self.has(*c))
            .map(|(_, v)| v)
    }
}

/// Header texts of the one-cell layout: the sample's 7 columns less the amount
/// columns not written ([`AmountColumns`]), each verbatim from the source when
/// it had that column and its text reads back as that column, else the
/// sample's wording. Not verbatim: a header composed from two rows
/// (`资金总额/（万元）`, `其中：/财政拨款`), which no reader takes for one
/// column, and an amount column's that states a scale (`预算数（元）`): the
/// amounts are written in the scale stated above the table.
pub(crate) fn one_cell_headers(table: &Table, amounts: AmountColumns) -> Vec<&str> {
    let own = table.layout == LayoutFamily::OneCell;
    ONE_CELL_HEADERS
        .iter()
        .zip(jixiao_core::ONE_CELL_FIELDS)
        .filter(|(_, field)| amount_column(*field).is_none_or(|c| amounts.has(c)))
        .map(|(default, field)| {
            let verbatim = table.columns.iter().find(|c| {
                own && c.field == field
                    && !c.header.contains('/')
                    && !(amount_column(field).is_some() && c.header.contains('元'))
            });
            verbatim.map_or(*default, |c| c.header.as_str())
        })
        .collect()
}

/// The four amount columns, in table order.
const FUNDING_COLUMNS: [FundingColumn; 4] = [
    FundingColumn::Total,
    FundingColumn::FiscalAppropriation,
    FundingColumn::SpecialAccount,
    FundingColumn::OtherFunds,
];

/// The amount column a field is, if it is one.
fn amount_column(field: Field) -> Option<FundingColumn> {
    FUNDING_COLUMNS.into_iter().find(|c| c.field() == field)
}

fn unit_row_funding(unit: &Unit) -> Funding {
    Funding::sum(unit.projects.iter().map(|p| &p.funding))
}

fn nonzero(row: u32) -> Option<u32> {
    (row > 0).then_some(row)
}

/// Whether `unit` is the one a reader makes for a table without unit rows:
/// named after the department (or unnamed), without a code.
fn implicit_unit(table: &Table, unit: &Unit) -> bool {
    unit.code.is_none()
        && (table.department.as_deref() == Some(unit.name.as_str())
            || unit.name == crate::read::build::UNNAMED_UNIT)
}

/// Visit the rows of the 7-column layout in order: 合计, then each unit row and its projects.
///
/// Stated 合计 and unit rows are written as stated. A unit without a stated row gets a
/// row (summed from its projects) when the table has several units, so that
/// project membership is not lost, and when it is a unit of its own (a code,
/// or a name other than the department's: `820001-某镇人民政府` of a row
/// layout), so that it does not read back as the department; the one implicit
/// unit of a table without unit rows gets none, its projects follow 合计 directly.
pub(crate) fn for_each_one_cell_row<E>(
    table: &Table,
    mut f: impl FnMut(OneCellRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(gt) = &table.grand_total {
        f(OneCellRow {
            kind: RowKind::Total,
            name: Cow::Borrowed(&gt.label),
            funding: gt.funding,
            goal: "",
            indicators: Cow::Borrowed(""),
            source_row: nonzero(gt.origin.row),
        })?;
    }
    let several = table.units.len() > 1;
    for unit in &table.units {
        match &unit.stated {
            Some(s) => f(OneCellRow {
                kind: RowKind::Unit,
                name: Cow::Borrowed(&s.label),
                funding: s.funding,
                goal: "",
                indicators: Cow::Borrowed(""),
                source_row: nonzero(s.origin.row),
            })?,
            None if several || !implicit_unit(table, unit) => f(OneCellRow {
                kind: RowKind::Unit,
                name: unit_cell(unit),
                funding: unit_row_funding(unit),
                goal: "",
                indicators: Cow::Borrowed(""),
                source_row: None,
            })?,
            None => {}
        }
        for p in &unit.projects {
            f(OneCellRow {
                kind: RowKind::Project,
                name: Cow::Borrowed(&p.name),
                funding: p.funding,
                goal: p.goal.as_deref().unwrap_or(""),
                indicators: indicator_cell_text(table, p),
                source_row: nonzero(p.origin.row),
            })?;
        }
    }
    Ok(())
}

/// The indicator columns of the row-per-indicator layout, after the project's.
pub(crate) const INDICATOR_HEADERS: [&str; 7] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
];

/// Header of the row layout's 指标方向性 column.
pub(crate) const DIRECTION_HEADER: &str = "指标方向性";

/// The columns of the row-per-indicator layout for one table: 单位名称, 项目名称,
/// the amount columns written ([`AmountColumns`]), 绩效目标, then 一级 … 权重
/// ([`INDICATOR_HEADERS`]), then 指标方向性 and 上年实际值 when some indicator
/// states them (so tables without keep the columns of before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowColumns {
    pub amounts: AmountColumns,
    /// 指标方向性 after 权重: some indicator states a direction.
    pub direction: bool,
    /// The 上年实际值 header ([`prior_header`]), last: some indicator has one.
    pub prior: Option<String>,
}

impl RowColumns {
    pub(crate) fn of(table: &Table) -> Self {
        RowColumns {
            amounts: AmountColumns::of(table),
            direction: table.states_direction(),
            prior: prior_header(table),
        }
    }

    /// The header texts, in order.
    pub(crate) fn headers(&self) -> Vec<String> {
        let mut out = vec!["单位名称".to_string(), "项目名称".to_string()];
        out.extend(self.amounts.columns().map(|c| c.label().to_string()));
        out.push("绩效目标".to_string());
        out.extend(INDICATOR_HEADERS.iter().map(|h| h.to_string()));
        if self.direction {
            out.push(DIRECTION_HEADER.to_string());
        }
        out.extend(self.prior.clone());
        out
    }

    /// The column of 绩效目标 (0-based): after the name and amount columns.
    pub(crate) fn goal_col(&self) -> usize {
        2 + self.amounts.count()
    }

    /// Columns that belong to the project (merged down its rows): up to 绩效目标.
    pub(crate) fn project_cols(&self) -> usize {
        self.goal_col() + 1
    }

    /// Every column.
    pub(crate) fn len(&self) -> usize {
        self.project_cols()
            + INDICATOR_HEADERS.len()
            + usize::from(self.direction)
            + usize::from(self.prior.is_some())
    }
}

/// Header of the row layout's optional last column, 上年实际值: present only when some
/// indicator has a prior actual (so tables without one keep their columns). It names
/// the year when the source header did (`指标值/2021年实际实现值` → `2021年实际值`),
/// else `上年实际值`; both read back as [`Field::PriorActual`].
pub(crate) fn prior_header(table: &Table) -> Option<String> {
    if !table.has_prior_actual() {
        return None;
    }
    let year = table
        .columns
        .iter()
        .find(|c| c.field == Field::PriorActual)
        .and_then(|c| header_year(&c.header));
    Some(match year {
        Some(y) => format!("{y}年实际值"),
        None => "上年实际值".to_string(),
    })
}

/// 指标方向性 as stated in its column (`正向指标` / `反向指标`), blank when not.
pub(crate) fn direction_text(ind: &Indicator) -> &'static str {
    match ind.direction_stated() {
        Some(jixiao_core::Direction::HigherBetter) => "正向指标",
        Some(jixiao_core::Direction::LowerBetter) => "反向指标",
        None => "",
    }
}

/// 上年实际值 of an indicator as written (blank when none).
pub(crate) fn prior_text(ind: &Indicator) -> &str {
    ind.prior_actual().unwrap_or("")
}

/// The title line, with the fiscal year in front when the title does not name
/// it first (`2024年部门预算项目绩效目标申报表`): the reader takes the year from
/// the title's first `NNNN年`, so the year reads back.
pub(crate) fn title(table: &Table) -> Cow<'_, str> {
    let title = table
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(DEFAULT_TITLE);
    // A scale in the title's brackets (`（单位：元）`) is the source's; the
    // written table states its own (`单位：万元`, the model's), and the title
    // must not contradict it when read back.
    let title = match crate::read::build::bracketed_scale(title) {
        Some((_, at)) => title.get(..at).unwrap_or(title).trim_end(),
        None => title,
    };
    match table.fiscal_year {
        Some(year) if crate::read::build::year_in(title) != Some(year) => {
            Cow::Owned(format!("{year}年{title}"))
        }
        _ => Cow::Borrowed(title),
    }
}

/// `部门名称：…`, when the department is known.
pub(crate) fn department_line(table: &Table) -> Option<String> {
    table.department.as_ref().map(|d| format!("部门名称：{d}"))
}

/// The money line. The model always holds 万元, whatever the source printed.
pub(crate) fn money_line() -> &'static str {
    "单位：万元"
}

/// The 7 indicator cells of a row-per-indicator row: 一级, 二级, 三级, 指标性质, 指标值, 度量单位, 权重.
fn indicator_cells(ind: &Indicator) -> [String; 7] {
    let (value, unit) = value_and_unit_as_written(ind)
        .unwrap_or_else(|| (value_display(ind), measure_unit(ind).to_string()));
    [
        category_text(ind).to_string(),
        ind.subcategory.clone().unwrap_or_default(),
        ind.name.clone(),
        op_text(ind).to_string(),
        value,
        unit,
        ind.weight().map(|w| w.to_string()).unwrap_or_default(),
    ]
}

/// 指标值 and 度量单位 of an indicator read from a row layout, as its cells
/// were written (`12` | `万平方米`, and `230人` | `个`, whose disagreement is
/// a finding the copy must keep), when they read back as the same target;
/// `None` otherwise (a one-cell source has no 度量单位 cell, and a long CSV's
/// 原始指标值 may hold more than the 指标值 cell).
fn value_and_unit_as_written(ind: &Indicator) -> Option<(String, String)> {
    let unit = ind.unit_column().map(str::trim).filter(|u| !u.is_empty())?;
    ind.target.quantity()?;
    let raw = ind.raw_value.trim();
    let op = Some(op_text(ind)).filter(|o| !o.is_empty());
    let again = grammar::parse_target_parts(op, raw, Some(unit));
    (again.target == ind.target && again.label == ind.value_label)
        .then(|| (raw.to_string(), unit.to_string()))
}

/// Position of 指标值 among the indicator cells (see [`IndicatorCells::cells`]).
pub(crate) const VALUE_CELL: usize = 4;
/// Position of 权重 among the indicator cells (see [`IndicatorCells::cells`]).
pub(crate) const WEIGHT_CELL: usize = 6;

/// Vertical merge runs over consecutive equal non-empty keys: for each position the
/// run length when a run starts there, 0 when covered by the run above.
fn merge_runs(keys: &[&str]) -> Vec<usize> {
    let mut out = vec![1; keys.len()];
    let mut start = 0;
    for i in 1..=keys.len() {
        let same = i < keys.len() && !keys[i].is_empty() && keys.get(start) == keys.get(i);
        if !same {
            if let Some(slot) = out.get_mut(start) {
                *slot = i - start;
            }
            for slot in out.iter_mut().take(i).skip(start + 1) {
                *slot = 0;
            }
            start = i;
        }
    }
    out
}

/// A project's indicators as row-layout cells, with the vertical merge runs of
/// 一级 and of 二级 (二级 merges only inside one 一级 run).
struct IndicatorGrid {
    cells: Vec<[String; 7]>,
    cat_runs: Vec<usize>,
    sub_runs: Vec<usize>,
}

fn indicator_grid(p: &Project) -> IndicatorGrid {
    let cells: Vec<[String; 7]> = p.indicators.iter().map(indicator_cells).collect();
    let cat_keys: Vec<&str> = cells.iter().map(|c| c[0].as_str()).collect();
    let sub_keys: Vec<String> = cells
        .iter()
        .map(|c| {
            if c[1].is_empty() {
                String::new()
            } else {
                format!("{}\u{1f}{}", c[0], c[1])
            }
        })
        .collect();
    let sub_refs: Vec<&str> = sub_keys.iter().map(String::as_str).collect();
    let cat_runs = merge_runs(&cat_keys);
    let sub_runs = merge_runs(&sub_refs);
    IndicatorGrid {
        cells,
        cat_runs,
        sub_runs,
    }
}

impl IndicatorGrid {
    /// The cells of the project's `r`-th row; `None` past its last indicator.
    fn row<'a>(
        &'a self,
        project: &'a Project,
        r: usize,
        columns: &RowColumns,
    ) -> Option<IndicatorCells<'a>> {
        let (cells, indicator) = self.cells.get(r).zip(project.indicators.get(r))?;
        let run = |runs: &[usize]| runs.get(r).copied().unwrap_or(1);
        Some(IndicatorCells {
            indicator,
            cells,
            spans: [run(&self.cat_runs), run(&self.sub_runs), 1, 1, 1, 1, 1],
            direction: columns.direction.then(|| direction_text(indicator)),
            prior: columns.prior.is_some().then(|| prior_text(indicator)),
        })
    }
}

/// Rows a project takes in the row-per-indicator layout.
fn project_rows(p: &Project) -> usize {
    p.indicators.len().max(1)
}

/// The rows [`for_each_row_layout_row`] visits, counted without walking them:
/// the 合计, each unit's own row (when it has stated amounts or no projects)
/// and its projects' rows.
pub(crate) fn row_layout_rows(table: &Table) -> usize {
    let units: usize = table
        .units
        .iter()
        .map(|u| {
            let own = usize::from(u.projects.is_empty() || u.stated.is_some());
            own + u.projects.iter().map(project_rows).sum::<usize>()
        })
        .sum();
    usize::from(table.grand_total.is_some()) + units
}

/// The text of a unit's 单位名称 cell: its code and name as sources write them
/// (`820001-某镇人民政府`), which the reader splits again; the name alone when
/// the unit has no code.
pub(crate) fn unit_cell(unit: &Unit) -> Cow<'_, str> {
    match &unit.code {
        Some(code) => Cow::Owned(format!("{code}-{}", unit.name)),
        None => Cow::Borrowed(&unit.name),
    }
}

/// Rows a unit takes in the row-per-indicator layout.
pub(crate) fn unit_rows(u: &Unit) -> usize {
    u.projects.iter().map(project_rows).sum::<usize>().max(1)
}

/// The amounts written on a unit's own row: its stated amounts (see
/// [`RowLayoutRow::Unit`]).
pub(crate) fn unit_row_amounts(unit: &Unit) -> Option<&jixiao_core::Funding> {
    unit.stated.as_ref().map(|s| &s.funding)
}

/// One row of the row-per-indicator layout, as [`for_each_row_layout_row`] visits them.
pub(crate) enum RowLayoutRow<'a> {
    /// 合计: its label and amounts; the other cells are blank.
    Total(&'a AmountRow),
    /// A unit's own row, before its projects: its name in the 单位名称 column
    /// and its stated amounts (the 单位合计 of the source, kept so the table
    /// reads back whole), the 项目名称 cell blank; also for a unit without
    /// projects, so that it is not lost. The other cells are blank.
    Unit(&'a Unit),
    /// One row of a project: one per indicator, or a single row with blank indicator
    /// cells when the project has none.
    Project(ProjectRow<'a>),
}

/// A project's row in the row-per-indicator layout. The unit and project cells are
/// merged down the rows they cover, so each comes with a span: the rows its cell
/// covers from this row, 0 when a cell above already covers this row.
pub(crate) struct ProjectRow<'a> {
    pub unit: &'a Unit,
    /// Span of the unit cell: all the unit's rows on its first row, else 0.
    pub unit_span: usize,
    pub project: &'a Project,
    /// Span of the project cells (name, amounts, goal): all the project's rows on its
    /// first row, else 0.
    pub project_span: usize,
    /// `None` on the blank row of a project without indicators.
    pub indicator: Option<IndicatorCells<'a>>,
}

/// An indicator's cells in its row of the row-per-indicator layout.
pub(crate) struct IndicatorCells<'a> {
    pub indicator: &'a Indicator,
    /// 一级 … 权重, as [`indicator_cells`] gives them.
    cells: &'a [String; 7],
    /// Span of each of `cells` (only 一级 and 二级 merge down repeats).
    spans: [usize; 7],
    /// 指标方向性, when the table has that column.
    direction: Option<&'static str>,
    /// 上年实际值, when the table has that column.
    prior: Option<&'a str>,
}

/// One indicator cell of a row: its position after the project columns (0 = 一级,
/// 6 = 权重, then 指标方向性 and 上年实际值 when written), its text, and its span
/// (0 when a cell above covers it).
pub(crate) struct SpanCell<'a> {
    pub pos: usize,
    pub text: &'a str,
    pub span: usize,
}

impl<'a> IndicatorCells<'a> {
    /// The row's indicator cells in column order: 一级 … 权重, then 指标方向性 and
    /// 上年实际值 (never merged) when the table has those columns.
    pub fn cells(&self) -> impl Iterator<Item = SpanCell<'a>> + '_ {
        self.cells
            .iter()
            .map(String::as_str)
            .zip(self.spans)
            .chain(self.direction.map(|d| (d, 1)))
            .chain(self.prior.map(|p| (p, 1)))
            .enumerate()
            .map(|(pos, (text, span))| SpanCell { pos, text, span })
    }
}

/// Visit the rows of the row-per-indicator layout in order: 合计, then each unit's
/// projects, one row per indicator. A unit without projects gets a row of its own so
/// that it is not lost. `columns`: the table's columns ([`RowColumns::of`]).
pub(crate) fn for_each_row_layout_row<E>(
    table: &Table,
    columns: &RowColumns,
    mut f: impl FnMut(RowLayoutRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(gt) = &table.grand_total {
        f(RowLayoutRow::Total(gt))?;
    }
    for unit in &table.units {
        if unit.projects.is_empty() || unit.stated.is_some() {
            f(RowLayoutRow::Unit(unit))?;
        }
        // The unit cell starts on its first project's first row.
        let mut unit_span = unit_rows(unit);
        for project in &unit.projects {
            for_each_project_row(unit, unit_span, project, columns, &mut f)?;
            unit_span = 0;
        }
    }
    Ok(())
}

/// Visit one project's rows; `unit_span` is the unit cell's span on its first row.
fn for_each_project_row<E>(
    unit: &Unit,
    unit_span: usize,
    project: &Project,
    columns: &RowColumns,
    f: &mut impl FnMut(RowLayoutRow<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let grid = indicator_grid(project);
    let rows = project_rows(project);
    for r in 0..rows {
        let first = r == 0;
        f(RowLayoutRow::Project(ProjectRow {
            unit,
            unit_span: if first { unit_span } else { 0 },
            project,
            project_span: if first { rows } else { 0 },
            indicator: grid.row(project, r, columns),
        }))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formula_starts_but_not_numbers() {
        assert_eq!(neutralize_formula("=1+1"), "'=1+1");
        assert_eq!(neutralize_formula("+86 123"), "'+86 123");
        assert_eq!(neutralize_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize_formula("\tx"), "'\tx");
        assert_eq!(neutralize_formula("\rx"), "'\rx");
        assert_eq!(neutralize_formula("-"), "'-");
        assert_eq!(neutralize_formula("-12.50"), "-12.50");
        assert_eq!(neutralize_formula("+3"), "+3");
        assert_eq!(neutralize_formula("服务对象满意度85%"), "服务对象满意度85%");
        assert_eq!(neutralize_formula("1-2个"), "1-2个");
    }

    #[test]
    fn cleans_tabs_and_newlines() {
        assert_eq!(clean_cell("a\tb\r\nc"), "a b c");
        assert_eq!(clean_cell("abc"), "abc");
    }

    #[test]
    fn merge_runs_cover_repeats() {
        assert_eq!(
            merge_runs(&["a", "a", "b", "", "", "b"]),
            vec![2, 0, 1, 1, 1, 1]
        );
        assert_eq!(merge_runs(&["x"]), vec![1]);
        assert_eq!(merge_runs(&[]), Vec::<usize>::new());
    }

    /// 甲单位: 项目一 with 3 indicators (the first two under one 一级/二级) and 项目二
    /// with 1; 乙单位: 项目三 with 1.
    const WALK_TSV: &str =
        "单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\t度量单位\n\
        甲单位\t项目一\t10\t目标一\t产出指标\t数量指标\t人数\t5\t人\n\
        \t\t\t\t产出指标\t数量指标\t次数\t3\t次\n\
        \t\t\t\t效益指标\t社会效益指标\t满意度\t90\t%\n\
        甲单位\t项目二\t20\t目标二\t产出指标\t质量指标\t合格率\t95\t%\n\
        乙单位\t项目三\t30\t目标三\t产出指标\t数量指标\t场次\t2\t场\n";

    /// Each row as (project, unit span, project span, 一级 span, 二级 span, cell count).
    fn walk(table: &Table, prior: bool) -> Vec<(String, usize, usize, usize, usize, usize)> {
        let mut out = Vec::new();
        let columns = RowColumns {
            prior: prior.then(|| "上年实际值".to_string()),
            ..RowColumns::of(table)
        };
        let _ = for_each_row_layout_row::<std::convert::Infallible>(table, &columns, |r| {
            if let RowLayoutRow::Project(pr) = r {
                let spans: Vec<usize> = pr
                    .indicator
                    .as_ref()
                    .map(|i| i.cells().map(|c| c.span).collect())
                    .unwrap_or_default();
                out.push((
                    pr.project.name.clone(),
                    pr.unit_span,
                    pr.project_span,
                    spans.first().copied().unwrap_or(0),
                    spans.get(1).copied().unwrap_or(0),
                    spans.len(),
                ));
            }
            Ok(())
        });
        out
    }

    #[test]
    fn row_layout_rows_carry_merge_spans() {
        let table = crate::read_bytes(
            "walk.tsv",
            WALK_TSV.as_bytes(),
            &crate::ReadOptions::default(),
        )
        .unwrap();
        let p = |s: &str| s.to_string();
        assert_eq!(
            walk(&table, false),
            vec![
                (p("项目一"), 4, 3, 2, 2, 7),
                (p("项目一"), 0, 0, 0, 0, 7),
                (p("项目一"), 0, 0, 1, 1, 7),
                (p("项目二"), 0, 1, 1, 1, 7),
                (p("项目三"), 1, 1, 1, 1, 7),
            ]
        );
        // 上年实际值 follows as an eighth cell.
        assert!(walk(&table, true).iter().all(|row| row.5 == 8));
    }

    #[test]
    fn row_count_equals_the_walk() {
        let mut table = crate::read_bytes(
            "walk.tsv",
            WALK_TSV.as_bytes(),
            &crate::ReadOptions::default(),
        )
        .unwrap();
        let walked = |t: &Table| {
            let mut n = 0;
            let columns = RowColumns::of(t);
            let _ = for_each_row_layout_row::<std::convert::Infallible>(t, &columns, |_| {
                n += 1;
                Ok(())
            });
            n
        };
        assert_eq!(row_layout_rows(&table), walked(&table));
        // With a 合计, a unit with stated amounts, and a unit without projects.
        let first = table.units.first().expect("a unit").clone();
        let stated = AmountRow {
            label: "合计".into(),
            funding: first.projects.first().expect("a project").funding,
            origin: jixiao_core::Origin::new(1, 1),
        };
        table.grand_total = Some(stated.clone());
        if let Some(u) = table.units.first_mut() {
            u.stated = Some(stated.clone());
        }
        table.units.push(Unit {
            projects: Vec::new(),
            stated: Some(stated),
            ..first
        });
        assert_eq!(row_layout_rows(&table), walked(&table));
        assert!(walked(&table) > 5);
    }

    #[test]
    fn cjk_counts_double() {
        assert_eq!(display_width("合计"), 4);
        assert_eq!(display_width("“青年”ab"), 10);
    }
}
