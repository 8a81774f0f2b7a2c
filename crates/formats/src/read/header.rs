//! Header detection by names (never by position): 表头识别.
//!
//! Header texts are normalised (whitespace removed, full-width parentheses and
//! colons made ASCII, `其它` → `其他`, `其中:` and trailing parentheticals such as
//! `(万元)` / `(50分)` stripped) and mapped to a [`Field`] through a synonym list.
//! One-row and two-row headers (a merged `绩效指标` over `一级指标|二级指标|…`,
//! `其中：` over the funding sources, `预算数` over `（万元）`) are supported: each
//! column's labels are read top to bottom, the money scale in either row.

use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridRow};
use jixiao_core::Text;
use jixiao_core::{header_year, ColumnInfo, Field, LayoutFamily, MoneyScale, Notice, Origin};

/// How many non-blank rows from the top are scanned for the header.
pub(crate) const SCAN_ROWS: usize = 30;

/// Number of [`Field`] variants (size of the column lookup table).
pub(crate) const FIELD_COUNT: usize = 19;

/// Dense index of a field for lookup tables.
pub(crate) fn field_index(f: Field) -> usize {
    match f {
        Field::UnitName => 0,
        Field::ProjectName => 1,
        Field::Total => 2,
        Field::FiscalAppropriation => 3,
        Field::SpecialAccount => 4,
        Field::OtherFunds => 5,
        Field::Goal => 6,
        Field::IndicatorCell => 7,
        Field::Category => 8,
        Field::Subcategory => 9,
        Field::IndicatorName => 10,
        Field::Comparator => 11,
        Field::TargetValue => 12,
        Field::MeasureUnit => 13,
        Field::Weight => 14,
        Field::Direction => 15,
        Field::PriorActual => 16,
        Field::TargetValueHi => 17,
        Field::RawValue => 18,
    }
}

/// Normalise a label: drop all whitespace (incl. U+3000 and spaces between Han
/// characters), full-width `（）：` → ASCII, `其它` → `其他`.
pub(crate) fn normalize(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        s.push(match c {
            '（' => '(',
            '）' => ')',
            // Colons' look-alikes, from PDF text and OCR (`︰`, `∶`, `﹕`).
            '：' | '︰' | '∶' | '﹕' => ':',
            _ => c,
        });
    }
    if s.contains("其它") {
        s = s.replace("其它", "其他");
    }
    s
}

/// The core of a normalised header: without `其中:`, trailing `:` and trailing
/// parentheticals (`(万元)`, `(50分)`, `(0-20)分`, `(资金使用单位)`).
fn core_name(n: &str) -> &str {
    let mut s = n.trim_end_matches(':');
    s = s
        .strip_prefix("其中:")
        .or_else(|| s.strip_prefix("其中"))
        .unwrap_or(s);
    loop {
        let t = s
            .strip_suffix('分')
            .filter(|t| t.ends_with(')'))
            .unwrap_or(s);
        match t.strip_suffix(')').and_then(|inner| inner.rfind('(')) {
            Some(open) if open > 0 => s = t[..open].trim_end_matches(':'),
            _ => break,
        }
    }
    s
}

/// Map a header text to the field it names, if it is one of the known synonyms.
pub(crate) fn field_of(header: &str) -> Option<Field> {
    if header.trim().is_empty() {
        return None;
    }
    let n = normalize(header);
    let c = core_name(&n);
    let f = match c {
        "项目名称" | "专项名称" | "项目" => Field::ProjectName,
        "单位名称" | "资金使用单位" | "实施单位" | "项目实施单位" | "预算单位"
        // Tianjin 中央预算内投资计划 (GUIDE §3.4): where a 专项's money goes.
        | "下达地方或单位" => Field::UnitName,
        "总计" | "合计" | "预算数" | "项目金额" | "年度资金总额" | "金额" | "预算金额"
        | "资金总额" | "年度预算数" | "项目资金" | "年度资金" | "年度预算资金" | "预算资金"
        // Chongqing 审批表 (GUIDE §3.4): the year's budget, not 项目总预算 (multi-year).
        | "当年年度预算" | "年度预算" | "当年预算" | "本年预算" | "申请金额" | "申请资金"
        // Tianjin 中央预算内投资计划 (GUIDE §3.4): the investment allocated.
        | "下达中央预算内投资" | "中央预算内投资" => Field::Total,
        "财政拨款" | "财政资金" | "当年财政拨款" | "财政拨款资金" => {
            Field::FiscalAppropriation
        }
        "财政专户拨款" | "财政专户管理资金" | "财政专户资金" => {
            Field::SpecialAccount
        }
        "其他资金" | "单位资金" => Field::OtherFunds,
        "绩效目标" | "年度目标" | "年度绩效目标" | "总体目标" | "项目绩效目标" | "年度总体目标"
        // Chongqing 审批表 (GUIDE §3.4).
        | "年度主要目标和成果" | "年度主要目标" | "项目年度目标" => Field::Goal,
        "绩效指标" => Field::IndicatorCell,
        "一级指标" => Field::Category,
        "二级指标" => Field::Subcategory,
        "三级指标" => Field::IndicatorName,
        "指标性质" | "计算符号" | "运算符号" => Field::Comparator,
        "指标值" | "年度指标值" | "目标值" | "当年预期实现值" | "预期值" => {
            Field::TargetValue
        }
        // jixiao's long CSV (docs/csv.md): a range's upper bound, and the value as written.
        "指标值上限" => Field::TargetValueHi,
        "原始指标值" => Field::RawValue,
        "度量单位" | "计量单位" => Field::MeasureUnit,
        "权重" | "分值" => Field::Weight,
        "指标方向性" | "方向性" | "指标方向" => Field::Direction,
        _ if c.starts_with("预期") && c.ends_with("实现值") => Field::TargetValue,
        _ if is_total(c) => Field::Total,
        _ if is_prior_actual(c) => Field::PriorActual,
        _ => return None,
    };
    Some(f)
}

/// A 总计 header beyond the names listed in [`field_of`] (GUIDE §1.3, §3): a total
/// word — `总计`, `合计`, `总额`, `预算数`, `金额` — after a qualifier naming only the
/// project, its money or the year: `项目总计` (jixiao's own long CSV), `资金合计`,
/// `项目资金总额`, `预算总额`, `当年预算数`, `本年项目金额`. A funding source
/// (`财政拨款合计`), another year's or another kind of money (`上年预算数`,
/// `执行数合计`) and a multi-year `项目总预算` are not the row's 总计.
fn is_total(c: &str) -> bool {
    const TOTAL: [&str; 5] = ["总计", "合计", "总额", "预算数", "金额"];
    const QUALIFIER: [&str; 18] = [
        "项目",
        "资金",
        "预算",
        "经费",
        "项目资金",
        "项目预算",
        "项目经费",
        "年度",
        "年度项目",
        "年度资金",
        "年度预算",
        "当年",
        "当年预算",
        "当年资金",
        "本年",
        "本年度",
        "本年项目",
        "全年",
    ];
    TOTAL
        .iter()
        .any(|t| c.strip_suffix(t).is_some_and(|q| QUALIFIER.contains(&q)))
}

/// A project's budget over all its years (`项目总预算`, Chongqing 审批表): not
/// the year's 总计, which its funding sources add up to.
fn is_multi_year_budget(c: &str) -> bool {
    matches!(c, "项目总预算" | "总预算" | "项目总投资" | "总投资")
}

/// The whole project's amount, over all its years, by a name that says so
/// only beside a column of the year's budget (`项目总金额 | 2024年预算数`):
/// there it is not the year's 总计. Alone, it may be the year's amount, and
/// is left as it was (not read, with a `column-unknown` notice).
fn is_whole_project_amount(c: &str) -> bool {
    matches!(c, "项目总金额" | "项目总资金" | "项目总经费")
}

/// A year's budget named by its year (`2024年预算数`, `2024年度预算`,
/// `２０２４年预算资金`, `2024年项目资金`): the year. A year then a total's
/// name, or `预算`, `资金`, `经费` alone; not another kind of money
/// (`2023年实际执行数`, `2024年财政拨款`), nor a span (`2024-2026年预算`),
/// nor a year alone (`2024年`, a value column's name as often as money's).
fn dated_budget(c: &str) -> Option<i32> {
    let digits: String = c
        .chars()
        .take(4)
        .map_while(|ch| match ch {
            '0'..='9' => Some(ch),
            '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let after = c.char_indices().nth(4).and_then(|(i, _)| c.get(i..))?;
    let rest = after
        .strip_prefix("年度")
        .or_else(|| after.strip_prefix('年'))?;
    let money = matches!(
        rest,
        "预算" | "资金" | "经费" | "项目预算" | "项目经费" | "预算安排" | "安排资金"
    ) || field_of(rest) == Some(Field::Total);
    if money {
        digits.parse().ok()
    } else {
        None
    }
}

/// Which of the columns of a year's budget (`(column, year)`, in order) is
/// the table's 总计, for a table of fiscal year `fiscal_year`: the first of
/// that year's, none when none is (`2023年预算数` on a 2024 table is another
/// year's money). With no fiscal year stated above the header, the only year
/// named: several years (`2024年预算数 | 2025年预算数 | 2026年预算数`, a
/// medium-term plan whose first year is the budget year, or `2023年预算数 |
/// 2024年预算数`, last year's beside this year's) cannot be told apart, and
/// taking the latest would read a plan's last year as this year's, so none
/// is read (the form reader refuses to guess so too).
fn year_budget_of(dated: &[(usize, i32)], fiscal_year: Option<i32>) -> Option<i32> {
    match fiscal_year {
        Some(y) => dated.iter().any(|&(_, d)| d == y).then_some(y),
        None => {
            let first = dated.first()?.1;
            dated.iter().all(|&(_, d)| d == first).then_some(first)
        }
    }
}

/// A header listing what the project's budget is made of, line by line
/// (`项目预算成本构成`, Hubei 鄂州, GUIDE §3.4): the `金额` beside it (or under
/// it, as a group label) is each cost line's amount, not the project's total.
fn names_cost_lines(header: &str) -> bool {
    const LINES: [&str; 7] = [
        "成本构成",
        "预算构成",
        "支出构成",
        "费用构成",
        "成本明细",
        "支出明细",
        "费用明细",
    ];
    let n = normalize(header);
    LINES.iter().any(|w| n.contains(w))
}

/// Whether column `c` is a total by its name but holds the cost lines of a
/// [`names_cost_lines`] column on its left, or is that column's own `金额`
/// under it as a group label.
fn is_cost_line_amount(slots: &[Slot], c: usize) -> bool {
    slots.get(c).is_some_and(|s| {
        s.field == Some(Field::Total)
            && (names_cost_lines(&s.header)
                || c.checked_sub(1)
                    .and_then(|l| slots.get(l))
                    .is_some_and(|l| names_cost_lines(&l.header)))
    })
}

/// Last year's carry-over (`上年结转资金`), a source of the year's total
/// that the model counts in 财政拨款 (GUIDE §3.6, §6.3).
/// Named in many ways (`上年结转资金`, `结转结余资金`, `上年结余资金`,
/// `以前年度结转`, `2023年结转资金`, `财政拨款结转资金`, `上年结转资金（财政拨款）`):
/// a short label naming 结转 or 结余, not an indicator (`结转资金消化率`).
pub(crate) fn is_carry_over(c: &str) -> bool {
    let c = c.split(['(', '（']).next().unwrap_or(c);
    (c.contains("结转") || c.contains("结余"))
        && c.chars().count() <= 12
        && !["指标", "目标", "率", "说明", "原因"]
            .iter()
            .any(|w| c.contains(w))
        // A project's name (`结转培训项目`, `结余资金管理项目`).
        && !c.trim_end().ends_with("项目")
        && !c.trim_end().ends_with("工程")
}

/// An unrecognised header that names money (`项目总预算`, `申报数`): with no
/// amount column read, the table's money checks are all lost.
fn looks_like_amount(c: &str) -> bool {
    const MONEY: [&str; 6] = ["预算", "金额", "资金", "经费", "拨款", "投资"];
    !c.contains("指标") && !c.contains("目标") && MONEY.iter().any(|m| c.contains(m))
}

/// A 上年实际值 header (GUIDE §3.3): a past-year prefix — `2021年`, `2021年度`, `上年`,
/// `上年度`, `上一年(度)`, `去年` — then an actual-value word: `实际实现值`, `实际完成值`,
/// `实际值`, `完成值`, `实现值`. Money columns (`2020年实际执行数`, `上年预算数`),
/// `历史值`/`历史标杆值` and a bare `实际完成值` (the self-evaluation's own actual) are not.
fn is_prior_actual(c: &str) -> bool {
    const PAST: [&str; 6] = ["上一年度", "上一年", "上年度", "上年", "去年度", "去年"];
    const ACTUAL: [&str; 5] = ["实际实现值", "实际完成值", "实际值", "完成值", "实现值"];
    let rest = match PAST.iter().find_map(|p| c.strip_prefix(p)) {
        Some(rest) => rest,
        None => {
            let digits = c
                .char_indices()
                .take_while(|(_, ch)| ch.is_ascii_digit() || ('０'..='９').contains(ch))
                .count();
            if digits != 4 {
                return false;
            }
            let after: &str = c
                .char_indices()
                .nth(digits)
                .and_then(|(i, _)| c.get(i..))
                .unwrap_or("");
            match after
                .strip_prefix("年度")
                .or_else(|| after.strip_prefix('年'))
            {
                Some(rest) => rest,
                None => return false,
            }
        }
    };
    ACTUAL.contains(&rest)
}

/// True for fields that belong to one indicator in a row-per-indicator layout.
pub(crate) fn is_indicator_field(f: Field) -> bool {
    matches!(
        f,
        Field::Category
            | Field::Subcategory
            | Field::IndicatorName
            | Field::Comparator
            | Field::TargetValue
            | Field::TargetValueHi
            | Field::RawValue
            | Field::MeasureUnit
            | Field::Weight
            | Field::Direction
            | Field::PriorActual
    )
}

/// One header column as composed from one or two header rows.
#[derive(Debug, Clone)]
pub(super) struct Slot {
    pub(super) field: Option<Field>,
    pub(super) header: String,
    /// A money-unit label alone (`（万元）`, `单位：元`) in one row of a
    /// two-row header, over or under a column that holds no amount: as
    /// (row number, its text). Which column it was meant for cannot be told.
    stray_unit: Option<(u32, String)>,
}

/// The recognised layout of a grid.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// 0-based column of each field (by [`field_index`]).
    cols: [Option<usize>; FIELD_COUNT],
    /// Field of each 0-based column.
    pub(crate) field_at: Vec<Option<Field>>,
    /// Verbatim header of each 0-based column.
    pub(crate) headers: Vec<String>,
    pub(crate) columns: Vec<ColumnInfo>,
    /// Index into `grid.rows` of the first header row.
    pub(crate) first_row: usize,
    /// Index into `grid.rows` of the last header row.
    pub(crate) last_row: usize,
    /// Number of columns the header spans.
    pub(crate) ncols: usize,
    pub(crate) family: LayoutFamily,
    /// Money scale printed in an amount header (`预算数(元)`, `项目资金（万元）`).
    pub(crate) header_scale: Option<MoneyScale>,
    /// The 0-based column whose header states `header_scale`.
    pub(crate) header_scale_col: Option<usize>,
    /// Every amount column's header states a scale (not only the total's).
    pub(crate) header_scale_whole: bool,
    /// Two amount columns' headers (or one column's two rows) stating
    /// different scales, as (0-based column, scale) each: refused by [`detect`].
    scale_disagreement: Option<[(usize, MoneyScale); 2]>,
    /// A money unit alone beside no amount column, as (0-based column, row
    /// number, text): refused by [`detect`].
    stray_unit: Option<(usize, u32, String)>,
    /// jixiao's long layout (docs/csv.md): the 0-based column of 部门, the
    /// table's department written on every row.
    pub(crate) long_department: Option<usize>,
    /// jixiao's long layout: the 0-based column of 序号, each indicator's
    /// item number as the one-cell text wrote it (`2-效益指标` → 2).
    pub(crate) long_seq: Option<usize>,
    /// The 0-based column of 上年结转资金, counted in each row's 财政拨款
    /// ([`super::rows::fold_carry_over`]).
    pub(crate) carry_over: Option<usize>,
}

impl Layout {
    /// 0-based column of `f`.
    pub(crate) fn col(&self, f: Field) -> Option<usize> {
        self.cols[field_index(f)]
    }
    /// Field of the 0-based column `c`.
    pub(crate) fn field(&self, c: usize) -> Option<Field> {
        self.field_at.get(c).copied().flatten()
    }
    /// Header text of the 0-based column `c` (for messages).
    pub(crate) fn header(&self, c: usize) -> &str {
        self.headers.get(c).map(String::as_str).unwrap_or("")
    }

    /// A year-stamped actual column (`2022年实际完成值`) whose year is not before
    /// `reference` (the fiscal year, or the year of a `预期2022年实现值` target) is not
    /// last year's actual: it is forgotten, with a `column-unknown` notice.
    pub(crate) fn check_prior_year(
        &mut self,
        reference: Option<i32>,
        header_row: u32,
        notices: &mut Vec<Notice>,
    ) {
        let (Some(reference), Some(c)) = (reference, self.col(Field::PriorActual)) else {
            return;
        };
        let Some(year) = header_year(self.header(c)) else {
            return;
        };
        if year < reference {
            return;
        }
        if let Some(slot) = self.cols.get_mut(field_index(Field::PriorActual)) {
            *slot = None;
        }
        if let Some(slot) = self.field_at.get_mut(c) {
            *slot = None;
        }
        self.columns.retain(|ci| ci.field != Field::PriorActual);
        let col1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
        notices.push(Notice::new(
            Some(Origin::new(header_row, col1)),
            "column-unknown",
            format!(
                "第{header_row}行第{col1}列：表头「{}」的年份{year}不早于{reference}年，不是上年实际值，该列内容未读取",
                self.header(c)
            ),
            format!(
                "row {header_row}, column {col1}: the year {year} of the header “{}” is not before {reference}, \
                 so the column holds no prior-year actual; its content was not read",
                self.header(c)
            ),
        ));
    }
}

/// One past the last cell with text (0 for an empty row).
pub(crate) fn last_nonblank(row: &GridRow<'_>) -> usize {
    row.cells
        .iter()
        .rposition(|c| !c.text.trim().is_empty())
        .map_or(0, |i| i + 1)
}

pub(super) fn single(row: &GridRow<'_>) -> Vec<Slot> {
    row.cells
        .iter()
        .map(|c| Slot {
            field: field_of(&c.text),
            header: c.text.trim().to_string(),
            stray_unit: None,
        })
        .collect()
}

/// Whether `f` is an amount column (总计 or a funding source).
fn is_amount(f: Option<Field>) -> bool {
    matches!(
        f,
        Some(Field::Total | Field::FiscalAppropriation | Field::SpecialAccount | Field::OtherFunds)
    )
}

/// The money units a header cell may state, those jixiao reads and those it refuses.
const UNIT_WORDS: [&str; 6] = ["万元", "元", "千元", "十万元", "百万元", "亿元"];

/// A money label's lead taken off: `单位：`, `金额单位:`, `人民币`.
fn strip_unit_lead(s: &str) -> &str {
    s.trim_start_matches("金额单位")
        .trim_start_matches("单位")
        .trim_start_matches([':', '：'])
        .trim_start_matches("人民币")
}

/// A header cell that states a money unit and nothing else (`（万元）`,
/// `(元)`, `万元`, `单位：元`, `（金额单位：万元）`): the second row of a
/// two-row header under `预算数`, or a group label's own row. The unit word.
fn unit_label(text: &str) -> Option<&'static str> {
    let n = normalize(text);
    let inner = n
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(&n);
    let w = strip_unit_lead(inner);
    UNIT_WORDS.into_iter().find(|u| *u == w)
}

/// Compose a two-row header, each column's labels top to bottom. `None` when
/// the bottom row adds no field and no money unit of its own (it is then a
/// data row or a copy of the top row).
///
/// A blank cell and a merged copy (XLSX, HTML) add nothing; a group label
/// (`其中`, `资金来源（万元）`, `绩效指标`) over a column label gives the
/// column label's field, the group's words kept in the header
/// (`其中/财政拨款`), so a money unit in either row is read; a money unit
/// alone (`（万元）`) under or over an amount label (`资金总额`, `预算数`) is
/// that column's. A unit alone beside no amount column is kept as
/// `stray_unit`, and refused by [`detect`]: which column it meant cannot be
/// told.
pub(super) fn compose(top: &GridRow<'_>, bottom: &GridRow<'_>) -> Option<Vec<Slot>> {
    let (out, adds) = compose_slots(top, bottom);
    adds.then_some(out)
}

/// The two rows' slots as [`compose`] joins them, and whether the bottom row
/// adds a field or a unit to any column.
pub(super) fn compose_slots(top: &GridRow<'_>, bottom: &GridRow<'_>) -> (Vec<Slot>, bool) {
    let n = top.cells.len().max(bottom.cells.len());
    let mut adds = false;
    let mut out = Vec::with_capacity(n);
    for c in 0..n {
        let t = top.text(c).trim();
        let b = bottom.text(c).trim();
        let b_merged = bottom.cells.get(c).is_some_and(|x| x.merged);
        let ft = field_of(t);
        let joined = || {
            if t.is_empty() {
                b.to_string()
            } else {
                format!("{t}/{b}")
            }
        };
        let slot = if b.is_empty() || (b_merged && normalize(b) == normalize(t)) || b == t {
            let stray_unit =
                (unit_label(t).is_some() && !is_amount(ft)).then(|| (top.number, t.to_string()));
            Slot {
                field: ft,
                header: t.to_string(),
                stray_unit,
            }
        } else if unit_label(b).is_some() {
            // `资金总额` over `（万元）`.
            adds = true;
            let stray_unit = (!is_amount(ft)).then(|| (bottom.number, b.to_string()));
            Slot {
                field: ft,
                header: joined(),
                stray_unit,
            }
        } else if let Some(fb) = field_of(b)
            // A 小计 under 资金总额 is that total.
            .or_else(|| {
                (ft == Some(Field::Total) && normalize(b) == "小计").then_some(Field::Total)
            })
        {
            adds = true;
            // `（万元）` over `资金总额` is that column's unit; over any other it is stray.
            let stray_unit = (unit_label(t).is_some() && !is_amount(Some(fb)))
                .then(|| (top.number, t.to_string()));
            Slot {
                field: Some(fb),
                header: joined(),
                stray_unit,
            }
        } else {
            Slot {
                field: None,
                header: joined(),
                stray_unit: None,
            }
        };
        out.push(slot);
    }
    (out, adds)
}

/// Distinct recognised fields, or 0 when the row lacks a name column.
fn score(slots: &[Slot]) -> usize {
    let mut seen = [false; FIELD_COUNT];
    for f in slots.iter().filter_map(|s| s.field) {
        seen[field_index(f)] = true;
    }
    let named = seen[field_index(Field::ProjectName)] || seen[field_index(Field::UnitName)];
    let n = seen.iter().filter(|x| **x).count();
    if named && n >= 3 {
        n
    } else {
        0
    }
}

fn raw_score(slots: &[Slot]) -> usize {
    slots.iter().filter(|s| s.field.is_some()).count()
}

/// The money scales a header states, in the order met: a bracket's words
/// (`预算数（万元）`, `（单位：元）`), a trailing `万元`, or one row of a
/// composed two-row header that is a unit alone (`资金总额/（万元）`, `预算数/元`).
/// Two different ones in one header (`预算数（万元）/（元）`) are a conflict.
fn scales_in_header(h: &str) -> Vec<MoneyScale> {
    let n = normalize(h);
    let mut out = Vec::new();
    let mut push = |s: MoneyScale| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for w in unit_words(&n) {
        match w {
            "万元" => push(MoneyScale::WanYuan),
            "元" => push(MoneyScale::Yuan),
            _ => {}
        }
    }
    if n.ends_with("万元") {
        push(MoneyScale::WanYuan);
    }
    out
}

/// The words of each bracket of a normalised header, a money label's lead
/// taken off: `(元)`, `(单位：元)`, `(人民币元)`, `(金额单位:万元)` give `元`
/// or `万元`.
fn bracket_words(n: &str) -> impl Iterator<Item = &str> {
    n.split('(')
        .skip(1)
        .filter_map(|r| r.split_once(')'))
        .map(|(inner, _)| strip_unit_lead(inner))
}

/// The money-unit words of a normalised header: its [`bracket_words`], and
/// each `/`-part of a composed two-row header that is a unit alone
/// (`预算数/万元`, `资金总额/单位:元`).
fn unit_words(n: &str) -> impl Iterator<Item = &str> {
    bracket_words(n).chain(
        n.split('/')
            .map(strip_unit_lead)
            .filter(|w| UNIT_WORDS.contains(w)),
    )
}

/// Find the header among the first [`SCAN_ROWS`] non-blank rows.
pub(crate) fn detect(
    grid: &Grid<'_>,
    location: &Location,
    notices: &mut Vec<Notice>,
) -> Result<Layout> {
    let candidates: Vec<usize> = grid
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .map(|(i, _)| i)
        .take(SCAN_ROWS)
        .collect();
    // Best single row: highest score, earliest on ties.
    let mut best: Option<(usize, usize, Vec<Slot>)> = None;
    let mut closest: Option<(usize, usize)> = None;
    for &i in &candidates {
        let Some(row) = grid.rows.get(i) else {
            continue;
        };
        let slots = single(row);
        let s = score(&slots);
        // Closest: most recognised fields, then most filled cells.
        let filled = row
            .cells
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .count();
        let raw = raw_score(&slots) * 1000 + filled.min(999);
        if closest.is_none_or(|(_, r)| raw > r) {
            closest = Some((i, raw));
        }
        if s > 0 && best.as_ref().is_none_or(|(_, bs, _)| s > *bs) {
            best = Some((i, s, slots));
        }
    }
    let Some((bi, bscore, bslots)) = best else {
        return Err(no_header(grid, &candidates, closest, location));
    };
    let (mut first, mut last, mut slots) = (bi, bi, bslots);
    // A two-row header: the row above (group labels) or the row below (sub-headers).
    let above = bi
        .checked_sub(1)
        .and_then(|a| grid.rows.get(a).map(|r| (a, r)));
    let below = grid.rows.get(bi + 1);
    let mut composed = false;
    if let (Some((a, top)), Some(row)) = (above, grid.rows.get(bi)) {
        if raw_score(&single(top)) >= 2 {
            if let Some(c) = compose(top, row) {
                if score(&c) >= bscore {
                    first = a;
                    slots = c;
                    composed = true;
                }
            }
        }
    }
    if !composed {
        if let (Some(row), Some(bottom)) = (grid.rows.get(bi), below) {
            // A sub-header row holds labels only, never an amount.
            let numeric = bottom.cells.iter().any(|c| {
                let t = c.text.trim();
                !t.is_empty()
                    && t.chars()
                        .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ','))
            });
            if let Some(c) = compose(row, bottom).filter(|_| !numeric) {
                if score(&c) >= bscore {
                    last = bi + 1;
                    slots = c;
                }
            }
        }
    }
    let layout = finish(grid, first, last, slots, notices);
    if let Some(e) = unsupported_scale(
        &layout,
        grid.rows.get(last).map_or(0, |r| r.number),
        location,
    ) {
        return Err(e);
    }
    if let Some(e) = ambiguous_scale(grid, &layout, location) {
        return Err(e);
    }
    Ok(layout)
}

/// A header whose money scale cannot be told with confidence: two amount
/// columns (or the two rows of one) stating different scales (`总计（万元）`
/// beside `财政拨款（元）`, `预算数（万元）` over `（元）`), or a unit alone in
/// one row of a two-row header beside no amount column (`（万元）` under
/// `项目名称`, or under a blank cell beside `预算数`). Refused naming the
/// cells: read in either scale, some amounts would be ten thousand times off.
fn ambiguous_scale(grid: &Grid<'_>, layout: &Layout, location: &Location) -> Option<Error> {
    let num = |i: usize| grid.rows.get(i).map_or(0, |r| r.number);
    let (first, last) = (num(layout.first_row), num(layout.last_row));
    let rows = if first == last {
        Text::new(format!("第{last}行"), format!("row {last}"))
    } else {
        Text::new(
            format!("第{first}–{last}行"),
            format!("rows {first}–{last}"),
        )
    };
    let at = |row: u32, c: usize| Location {
        row: Some(row),
        col: u32::try_from(c + 1).ok(),
        ..location.clone()
    };
    let hint = Text::new(
        "请让表头只写一个金额单位（元或万元），写在金额列的标题中或表格上方（如“单位：万元”）",
        "make the header state one money scale (元 or 万元), in the amount columns' labels or above the table (单位：万元)",
    );
    if let Some([(c1, s1), (c2, s2)]) = layout.scale_disagreement {
        let (h1, h2) = (layout.header(c1), layout.header(c2));
        let (u1, u2) = (s1.label(), s2.label());
        let (k1, k2) = (c1 + 1, c2 + 1);
        let (zh, en) = if c1 == c2 {
            (
                format!("表头{}第{k1}列「{h1}」同时写了{u1}和{u2}，无法确定金额单位", rows.zh),
                format!(
                    "the header ({}) of column {k1}, “{h1}”, states both {u1} and {u2}; the money scale cannot be told",
                    rows.en
                ),
            )
        } else {
            (
                format!(
                    "表头{}的金额单位不一致：第{k1}列「{h1}」为{u1}，第{k2}列「{h2}」为{u2}，无法确定金额单位",
                    rows.zh
                ),
                format!(
                    "the header ({}) states two money scales: column {k1} “{h1}” {u1}, column {k2} “{h2}” {u2}; the money scale cannot be told",
                    rows.en
                ),
            )
        };
        return Some(Error::invalid(at(last, c2), Text::new(zh, en), hint));
    }
    let (c, row, text) = layout.stray_unit.as_ref()?;
    let h = layout.header(*c);
    let k = c + 1;
    Some(Error::invalid(
        at(*row, *c),
        Text::new(
            format!(
                "表头{}第{k}列：金额单位「{text}」（该列表头「{h}」）不在金额列（总计、财政拨款等）的上下，无法确定它属于哪一列",
                rows.zh
            ),
            format!(
                "header {}, column {k}: the money unit “{text}” (column header “{h}”) stands over or under no amount column (总计, 财政拨款 …); which column it belongs to cannot be told",
                rows.en
            ),
        ),
        hint,
    ))
}

/// An amount column labelled in a scale jixiao does not hold (`预算数（千元）`,
/// `（百万元）`, `（亿元）`): refused, since reading it as 元 or 万元 would be
/// silently wrong.
fn unsupported_scale(layout: &Layout, header_row: u32, location: &Location) -> Option<Error> {
    const AMOUNTS: [Field; 4] = [
        Field::Total,
        Field::FiscalAppropriation,
        Field::SpecialAccount,
        Field::OtherFunds,
    ];
    let (c, unit) = AMOUNTS
        .iter()
        .filter_map(|f| layout.col(*f))
        .find_map(|c| {
            let n = normalize(layout.header(c));
            let unit = unit_words(&n).find_map(|w| {
                ["千元", "百万元", "十万元", "亿元"]
                    .into_iter()
                    .find(|u| *u == w)
            });
            unit.map(|u| (c, u))
        })?;
    let h = layout.header(c);
    let mut at = location.clone();
    at.row = Some(header_row);
    at.col = u32::try_from(c + 1).ok();
    Some(Error::invalid(
        at,
        Text::new(
            format!("金额列「{h}」以{unit}为单位，jixiao 只读元或万元"),
            format!("the amount column “{h}” is in {unit}; jixiao reads 元 or 万元 only"),
        ),
        Text::new(
            "请把金额换算为元或万元，并改写列标题（如“预算数（万元）”）",
            "convert the amounts to 元 or 万元 and relabel the column (e.g. 预算数（万元）)",
        ),
    ))
}

/// The row index of a key–value form's indicator grid header (central
/// 申报表, one project per sheet): the first scanned row naming 一级指标,
/// 三级指标 and 指标值, with no name column. Read by
/// [`super::form_header::form_header_at`].
pub(crate) fn form_header_row(grid: &Grid<'_>) -> Option<usize> {
    grid.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(SCAN_ROWS * 2)
        .find(|(_, r)| is_form_header(r))
        .map(|(i, _)| i)
}

/// Whether `row` is a form's indicator header (一级指标, 三级指标 and 指标值;
/// a value column named by its period, `中期目标值 | 年度目标值`, counts).
pub(crate) fn is_form_header(row: &GridRow<'_>) -> bool {
    let slots = single(row);
    let has = |f: Field| slots.iter().any(|s| s.field == Some(f));
    has(Field::Category)
        && has(Field::IndicatorName)
        && (has(Field::TargetValue)
            || slots
                .iter()
                .any(|s| super::form_header::value_heading(&s.header)))
}

/// The note for a column of cost-line amounts ([`is_cost_line_amount`]),
/// saying where the project's total was read instead, if anywhere.
fn cost_lines_unread(
    slots: &[Slot],
    c: usize,
    cols: &[Option<usize>; FIELD_COUNT],
    header_row: u32,
) -> Notice {
    let col1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
    let h = slot_header(slots, c);
    let (zh, en) = match cols[field_index(Field::Total)] {
        Some(t) => (
            format!("项目总计取「{}」", slot_header(slots, t)),
            format!(
                "the project's total is read from “{}”",
                slot_header(slots, t)
            ),
        ),
        None => (
            "表中没有项目总计列，各项目总计按未填写处理".to_string(),
            "the table has no column of the project's total, so no project's total is read"
                .to_string(),
        ),
    };
    Notice::new(
        Some(Origin::new(header_row, col1)),
        "column-unknown",
        format!(
            "第{header_row}行第{col1}列：「{h}」是预算成本构成各项（逐行）的金额，不是项目的资金，该列内容未读取；{zh}"
        ),
        format!(
            "row {header_row}, column {col1}: “{h}” holds the amounts of the budget's cost lines, one a row, not the project's money; \
             the column's content was not read; {en}"
        ),
    )
}

/// Turn the composed header slots into a [`Layout`].
pub(super) fn finish(
    grid: &Grid<'_>,
    first: usize,
    last: usize,
    mut slots: Vec<Slot>,
    notices: &mut Vec<Notice>,
) -> Layout {
    let ncols = grid
        .rows
        .get(first..=last)
        .unwrap_or(&[])
        .iter()
        .map(last_nonblank)
        .max()
        .unwrap_or(0);
    slots.truncate(ncols);
    // jixiao's long layout (docs/csv.md), known by its 原始指标值 column.
    let long = slots.iter().any(|s| s.field == Some(Field::RawValue));
    let (mut long_department, mut long_seq) = (None, None);
    let mut carry_over = None;
    let row_family = slots.iter().any(|s| {
        matches!(
            s.field,
            Some(Field::Category | Field::IndicatorName | Field::TargetValue)
        )
    });
    let family = if row_family {
        LayoutFamily::RowPerIndicator
    } else {
        LayoutFamily::OneCell
    };
    let has_name3 = slots.iter().any(|s| s.field == Some(Field::IndicatorName));
    let header_row = grid.rows.get(last).map_or(0, |r| r.number);
    let mut cols = [None; FIELD_COUNT];
    let mut field_at = vec![None; ncols];
    let mut headers = Vec::with_capacity(ncols);
    let mut columns = Vec::new();
    let mut multi_year = Vec::new();
    let mut cost_lines = Vec::new();
    // Several 分值/权重 columns (Chongqing's 审批表 scores the project's
    // budget execution before its indicators): the indicator's weight is the
    // one among the indicator columns, after the indicator's name.
    let weight_col = {
        let name_at = slots
            .iter()
            .position(|s| s.field == Some(Field::IndicatorName));
        let weights: Vec<usize> = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.field == Some(Field::Weight))
            .map(|(c, _)| c)
            .collect();
        match name_at {
            Some(n) if weights.len() > 1 => weights.iter().copied().find(|&c| c > n),
            _ => None,
        }
    };
    // No column named as the year's total, in a table of rows naming
    // projects: a column of the year's budget named by its year
    // (`项目总金额 | 2024年预算数`, a multi-year project's table) is the
    // total, if its year is the table's ([`year_budget_of`]). The year is
    // read from the lines above the header as the table's is.
    let has_total = slots
        .iter()
        .enumerate()
        .any(|(c, s)| s.field == Some(Field::Total) && !is_cost_line_amount(&slots, c));
    let named = slots
        .iter()
        .any(|s| matches!(s.field, Some(Field::ProjectName | Field::UnitName)));
    let dated: Vec<(usize, i32)> = if has_total || !named {
        Vec::new()
    } else {
        slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.field.is_none())
            .filter_map(|(c, s)| dated_budget(core_name(&normalize(&s.header))).map(|y| (c, y)))
            .collect()
    };
    let fiscal_year = if dated.is_empty() {
        None
    } else {
        super::preamble::read(grid.rows.get(..first).unwrap_or(&[]))
            .fiscal_year
            .map(i32::from)
    };
    let year_budget = year_budget_of(&dated, fiscal_year);
    let dated_year = |c: usize| dated.iter().find(|(d, _)| *d == c).map(|(_, y)| *y);
    // A header given twice, one copy hidden (an old column kept out of
    // sight): the visible copy is what the sheet shows, so it is the one read.
    let hidden = &grid.hidden;
    let yields_to_visible = |c: usize| -> Option<usize> {
        let f = slots.get(c)?.field?;
        if !hidden.col(c) {
            return None;
        }
        slots
            .iter()
            .enumerate()
            .find(|&(o, s)| o != c && s.field == Some(f) && !hidden.col(o))
            .map(|(o, _)| o)
    };
    for (c, slot) in slots.iter().enumerate() {
        headers.push(slot.header.clone());
        if weight_col.is_some_and(|w| w != c) && slot.field == Some(Field::Weight) {
            let col1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
            notices.push(Notice::new(
                Some(Origin::new(header_row, col1)),
                "column-duplicate",
                format!(
                    "第{header_row}行第{col1}列：「{}」不在指标各列之中，不是指标的权重；指标权重取自指标名称之后的分值列，该列内容未读取",
                    slot.header
                ),
                format!(
                    "row {header_row}, column {col1}: “{}” stands outside the indicator columns and is no indicator's weight; \
                     the weights come from the score column after the indicator's name, and this column was not read",
                    slot.header
                ),
            ));
            continue;
        }
        let col1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
        let field = match slot.field {
            // Beside 一级/二级 without a 三级 column (Hubei 鄂州), `绩效指标` names the indicator.
            Some(Field::IndicatorCell) if row_family && !has_name3 => Some(Field::IndicatorName),
            // The year's budget by its year; a second of that year's is a duplicate.
            None if year_budget.is_some() && dated_year(c) == year_budget => Some(Field::Total),
            f => f,
        };
        match field {
            // Otherwise, in a row-per-indicator layout `绩效指标` is a group label, not a column.
            Some(Field::IndicatorCell) if row_family => {}
            // Without indicator rows, a 上年实际值 column has no indicator to belong to.
            Some(Field::PriorActual) if !row_family => notices.push(Notice::new(
                Some(Origin::new(header_row, col1)),
                "column-unknown",
                format!(
                    "第{header_row}行第{col1}列：「{}」是上年实际值，但表格不是逐行指标格式，该列内容未读取",
                    slot.header
                ),
                format!(
                    "row {header_row}, column {col1}: “{}” is a prior-year actual, but the table has no row per indicator; \
                     the column's content was not read",
                    slot.header
                ),
            )),
            // 指标值上限 and 原始指标值 qualify a 指标值 of an indicator row.
            Some(Field::TargetValueHi | Field::RawValue) if !row_family => {
                notices.push(Notice::new(
                    Some(Origin::new(header_row, col1)),
                    "column-unknown",
                    format!(
                        "第{header_row}行第{col1}列：「{}」属于逐行指标格式，但表格没有指标值列，该列内容未读取",
                        slot.header
                    ),
                    format!(
                        "row {header_row}, column {col1}: “{}” belongs to a row per indicator, but the table has no value column; \
                         the column's content was not read",
                        slot.header
                    ),
                ))
            }
            // Its rows are the cost lines (培训费, 师资费 …), which add up to the
            // project's money; read as the total, the first line was taken
            // for the whole project's, silently.
            Some(Field::Total) if is_cost_line_amount(&slots, c) => cost_lines.push(c),
            Some(_) if yields_to_visible(c).is_some() => {
                let shown = yields_to_visible(c).map_or(0, |o| o + 1);
                notices.push(Notice::new(
                    Some(Origin::new(header_row, col1)),
                    "column-duplicate",
                    format!(
                        "第{header_row}行第{col1}列：表头「{}」与第{shown}列重复，该列是隐藏列，已忽略；读取可见的第{shown}列",
                        slot.header
                    ),
                    format!(
                        "row {header_row}, column {col1}: the header “{}” repeats column {shown}; this column is hidden \
                         and was ignored, the visible column {shown} was read",
                        slot.header
                    ),
                ));
            }
            Some(f) if cols[field_index(f)].is_none() => {
                cols[field_index(f)] = Some(c);
                if let Some(slot_c) = field_at.get_mut(c) {
                    *slot_c = Some(f);
                }
                columns.push(ColumnInfo {
                    field: f,
                    header: slot.header.clone(),
                    col: col1,
                });
                if hidden.col(c) {
                    notices.push(Notice::new(
                        Some(Origin::new(header_row, col1)),
                        "column-hidden",
                        format!(
                            "第{header_row}行第{col1}列：「{}」是隐藏列，打开文件时看不到，已照常读取",
                            slot.header
                        ),
                        format!(
                            "row {header_row}, column {col1}: “{}” is a hidden column, not seen when the file is opened; \
                             it was read like the others",
                            slot.header
                        ),
                    ));
                }
            }
            Some(_) => notices.push(Notice::new(
                Some(Origin::new(header_row, col1)),
                "column-duplicate",
                format!(
                    "第{header_row}行第{col1}列：表头「{}」与前面的列重复，已忽略该列",
                    slot.header
                ),
                format!(
                    "row {header_row}, column {col1}: the header “{}” repeats an earlier column; the column was ignored",
                    slot.header
                ),
            )),
            None if slot.header.is_empty() => {}
            // jixiao's long CSV (docs/csv.md): the table's 部门 and each
            // indicator's item number, on every row.
            None if long && normalize(&slot.header) == "部门" && long_department.is_none() => {
                long_department = Some(c);
            }
            None if long && normalize(&slot.header) == "序号" && long_seq.is_none() => {
                long_seq = Some(c);
            }
            None if is_multi_year_budget(core_name(&normalize(&slot.header))) => {
                multi_year.push(c);
            }
            None if (has_total || year_budget.is_some())
                && is_whole_project_amount(core_name(&normalize(&slot.header))) =>
            {
                multi_year.push(c);
            }
            None if dated_year(c).is_some() => {
                let year = dated_year(c).unwrap_or_default();
                notices.push(other_year_budget(
                    &slot.header,
                    year,
                    fiscal_year,
                    (header_row, col1),
                ));
            }
            None if is_carry_over(core_name(&normalize(&slot.header))) && carry_over.is_none() => {
                carry_over = Some(c);
                notices.push(Notice::new(
                    Some(Origin::new(header_row, col1)),
                    "amount-carry-over",
                    format!(
                        "第{header_row}行第{col1}列：「{}」的上年结转金额计入各行的财政拨款，资金来源没有单列结转的栏目；某行的各来源已等于其总计时，结转已含在其中，不另计",
                        slot.header
                    ),
                    format!(
                        "row {header_row}, column {col1}: the carry-over in “{}” is counted in each row's 财政拨款, the sources having no column of their own for it; where a row's sources already equal its total, it is within them and not added again",
                        slot.header
                    ),
                ));
            }
            None => notices.push(Notice::new(
                Some(Origin::new(header_row, col1)),
                "column-unknown",
                format!(
                    "第{header_row}行第{col1}列：未识别的表头「{}」，该列内容未读取",
                    slot.header
                ),
                format!(
                    "row {header_row}, column {col1}: the header “{}” is not recognised; the column's content was not read",
                    slot.header
                ),
            )),
        }
    }
    // 项目总预算 is the budget over all the project's years: never the year's
    // 总计 (its sources are the year's), said with what was read instead.
    for &c in &multi_year {
        let col1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
        let h = slot_header(&slots, c);
        let (zh, en) = match cols[field_index(Field::Total)] {
            Some(t) => (
                format!("本年总计取「{}」", slot_header(&slots, t)),
                format!("the year's total is read from “{}”", slot_header(&slots, t)),
            ),
            None => (
                "表中没有当年预算列，各行总计按未填写处理".to_string(),
                "the table has no column of the year's budget, so no row's total is read"
                    .to_string(),
            ),
        };
        notices.push(Notice::new(
            Some(Origin::new(header_row, col1)),
            "column-unknown",
            format!(
                "第{header_row}行第{col1}列：「{h}」是项目全周期的总预算，不是当年的总计，该列内容未读取；{zh}"
            ),
            format!(
                "row {header_row}, column {col1}: “{h}” is the project's budget over all its years, not the year's total; \
                 the column's content was not read; {en}"
            ),
        ));
    }
    for &c in &cost_lines {
        notices.push(cost_lines_unread(&slots, c, &cols, header_row));
    }
    // No amount column read, while some look like amounts: every money check is lost.
    let has_amount = [
        Field::Total,
        Field::FiscalAppropriation,
        Field::SpecialAccount,
        Field::OtherFunds,
    ]
    .iter()
    .any(|f| cols[field_index(*f)].is_some());
    let moneyish: Vec<&str> = slots
        .iter()
        .enumerate()
        .filter(|(c, s)| {
            field_at.get(*c).is_some_and(Option::is_none)
                && looks_like_amount(core_name(&normalize(&s.header)))
        })
        .map(|(_, s)| s.header.as_str())
        .collect();
    if !has_amount && !moneyish.is_empty() {
        let names = moneyish.join("」「");
        notices.push(Notice::new(
            Some(Origin::new(header_row, 0)),
            "amount-columns-unread",
            format!(
                "第{header_row}行：表头没有可识别的总计或资金来源列（「{names}」像金额列，但未能识别），各项目金额均未读取，金额核对无法进行"
            ),
            format!(
                "row {header_row}: the header has no recognised total or funding-source column (“{names}” look like amounts \
                 but were not recognised); no project's amounts were read and no money check can be made"
            ),
        ));
    }
    // Funding sources without a 总计 column: no row states its total. Said
    // once, so that a blank total is not taken for 0 against its sources.
    let part = [
        Field::FiscalAppropriation,
        Field::SpecialAccount,
        Field::OtherFunds,
    ]
    .iter()
    .filter_map(|f| cols[field_index(*f)])
    .min();
    if let (None, Some(c)) = (cols[field_index(Field::Total)], part) {
        let col1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
        notices.push(Notice::new(
            Some(Origin::new(header_row, col1)),
            "total-column-missing",
            format!(
                "第{header_row}行：表头有资金来源列（「{}」）而没有总计列，各行总计按未填写处理，不核对总计与资金来源之和",
                slot_header(&slots, c)
            ),
            format!(
                "row {header_row}: the header has funding-source columns (“{}”) but no total (总计) column; \
                 every row's total is taken as not stated and not checked against its funding sources",
                slot_header(&slots, c)
            ),
        ));
    }
    // The scale an amount column's header states (`项目总计（万元）`, a
    // source's `其中：财政拨款（元）`, a second header row's `（万元）`): the
    // total's first, then the sources'. Two that differ are refused.
    let amount_cols: Vec<usize> = [
        Field::Total,
        Field::FiscalAppropriation,
        Field::SpecialAccount,
        Field::OtherFunds,
    ]
    .iter()
    .filter_map(|f| cols[field_index(*f)])
    .collect();
    let stated: Vec<(usize, MoneyScale)> = amount_cols
        .iter()
        .copied()
        .flat_map(|c| {
            scales_in_header(slot_header(&slots, c))
                .into_iter()
                .map(move |s| (c, s))
        })
        .collect();
    let header_scale = stated.first().copied();
    let header_scale_whole = amount_cols
        .iter()
        .all(|c| stated.iter().any(|(sc, _)| sc == c));
    let scale_disagreement = header_scale.and_then(|first| {
        stated
            .iter()
            .find(|(_, s)| *s != first.1)
            .map(|other| [first, *other])
    });
    let stray_unit = slots
        .iter()
        .enumerate()
        .find_map(|(c, s)| s.stray_unit.clone().map(|(r, t)| (c, r, t)));
    let mut layout = Layout {
        cols,
        field_at,
        headers,
        columns,
        first_row: first,
        last_row: last,
        ncols,
        family,
        header_scale: header_scale.map(|(_, s)| s),
        header_scale_col: header_scale.map(|(c, _)| c),
        header_scale_whole,
        scale_disagreement,
        stray_unit,
        long_department,
        long_seq,
        carry_over,
    };
    let target_year = layout
        .col(Field::TargetValue)
        .and_then(|c| header_year(layout.header(c)));
    layout.check_prior_year(target_year, header_row, notices);
    layout
}

/// The note for a column of a year's budget named by its year that is not
/// read as the total: another year's than the table's `fiscal_year`, or, the
/// table naming no year, one of several years' ([`year_budget_of`]).
fn other_year_budget(
    header: &str,
    year: i32,
    fiscal_year: Option<i32>,
    (header_row, col1): (u32, u32),
) -> Notice {
    let (zh, en) = match fiscal_year {
        Some(fy) => (
            format!("「{header}」是{year}年的预算，不是本表{fy}年度的总计，该列内容未读取"),
            format!(
                "“{header}” is the budget of {year}, not the total of the table's year {fy}; the column's content was not read"
            ),
        ),
        None => (
            format!(
                "「{header}」是{year}年的预算；表中有几个年度的预算列，而表头以上没有写明预算年度，无法确定哪一列是本年的总计，该列内容未读取"
            ),
            format!(
                "“{header}” is the budget of {year}; the table has budget columns of several years and names no budget year above the header, \
                 so which is the year's total cannot be told; the column's content was not read"
            ),
        ),
    };
    Notice::new(
        Some(Origin::new(header_row, col1)),
        "column-unknown",
        format!("第{header_row}行第{col1}列：{zh}"),
        format!("row {header_row}, column {col1}: {en}"),
    )
}

fn slot_header(slots: &[Slot], c: usize) -> &str {
    slots.get(c).map_or("", |s| s.header.as_str())
}

fn no_header(
    grid: &Grid<'_>,
    scanned: &[usize],
    closest: Option<(usize, usize)>,
    location: &Location,
) -> Error {
    let num = |i: &usize| grid.rows.get(*i).map_or(0, |r| r.number);
    let range = match (scanned.first(), scanned.last()) {
        (Some(a), Some(b)) => Text::new(
            format!("在第{}–{}行中", num(a), num(b)),
            format!("in rows {}–{}", num(a), num(b)),
        ),
        _ => Text::new("（表格为空）", "(the table is empty)"),
    };
    let found = match closest.and_then(|(i, _)| grid.rows.get(i)) {
        Some(r) => {
            let texts: Vec<&str> = r
                .cells
                .iter()
                .map(|c| c.text.trim())
                .filter(|t| !t.is_empty())
                .take(12)
                .collect();
            Text::new(
                format!("第{}行「{}」", r.number, texts.join(" | ")),
                format!("row {}: “{}”", r.number, texts.join(" | ")),
            )
        }
        None => Text::new("无内容", "empty"),
    };
    Error::invalid(
        location.clone(),
        Text::new(
            format!("{}未找到可识别的表头；最接近的一行是{}", range.zh, found.zh),
            format!(
                "no recognisable header {}; the closest row is {}",
                range.en, found.en
            ),
        ),
        Text::new(
            "表头应包含「项目名称」（或「单位名称」）、金额列（总计/预算数），以及「绩效指标」或「一级指标/三级指标/指标值」等列",
            "the header should name the project (项目名称, or the unit: 单位名称), the amounts \
             (总计 or 预算数) and the indicators (绩效指标, or 一级指标/三级指标/指标值)",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_synonyms_after_normalisation() {
        assert_eq!(
            field_of("项目名称（资金使用单位）"),
            Some(Field::ProjectName)
        );
        assert_eq!(field_of("其中:财政拨款"), Some(Field::FiscalAppropriation));
        assert_eq!(field_of("其中：财政拨款"), Some(Field::FiscalAppropriation));
        assert_eq!(field_of("其它资金"), Some(Field::OtherFunds));
        assert_eq!(field_of("合 计"), Some(Field::Total));
        assert_eq!(field_of("绩 效 指 标"), Some(Field::IndicatorCell));
        assert_eq!(field_of("年度资金总额："), Some(Field::Total));
        assert_eq!(field_of("预算数(元)"), Some(Field::Total));
        assert_eq!(field_of("年度绩效目标(90分)"), Some(Field::Goal));
        assert_eq!(field_of("预期2022年实现值"), Some(Field::TargetValue));
        assert_eq!(field_of("2021年实际实现值"), Some(Field::PriorActual));
        assert_eq!(field_of("项目名称：某项目"), None);
        assert_eq!(field_of("总计（万元）"), Some(Field::Total));
        assert_eq!(field_of("合计(元)"), Some(Field::Total));
        assert_eq!(field_of(""), None);
        assert_eq!(field_of("（）"), None);
    }

    #[test]
    fn total_family() {
        for h in [
            "总计",
            "总计（万元）",
            "项目总计（万元）",
            "项目总计",
            "合 计",
            "资金合计",
            "项目资金合计(万元)",
            "预算总额",
            "项目预算总额（元）",
            "项目资金总额",
            "年度资金总额：",
            "当年预算数",
            "年度预算数（万元）",
            "本年项目金额",
            "项目金额",
            "下达中央预算内投资(万元)",
            "下达中央预算内投资（万元）",
        ] {
            assert_eq!(field_of(h), Some(Field::Total), "{h}");
        }
        for h in [
            "财政拨款合计",
            "其他资金合计",
            "上年预算数",
            "执行数合计",
            "2020年实际执行数",
            "项目总预算",
            "总分",
            "合计数量",
            "资金来源",
        ] {
            assert_ne!(field_of(h), Some(Field::Total), "{h}");
        }
    }

    #[test]
    fn a_year_budget_is_named_by_its_year() {
        for (h, y) in [
            ("2024年预算数", 2024),
            ("2024年度预算数", 2024),
            ("2024年预算", 2024),
            ("2024年度预算", 2024),
            ("2024年资金", 2024),
            ("2024年项目资金", 2024),
            ("2024年预算金额", 2024),
            ("2024年资金总额", 2024),
            ("２０２４年预算数", 2024),
            ("2023年预算数", 2023),
        ] {
            assert_eq!(dated_budget(h), Some(y), "{h}");
            // Not a total by its name alone: which year's is told by the table's.
            assert_eq!(field_of(h), None, "{h}");
        }
        for h in [
            "2024年",
            "2024年度",
            "2023年实际执行数",
            "2020年实际执行数",
            "2024年财政拨款",
            "2024-2026年预算",
            "2024年指标值",
            "2021年实际实现值",
            "202年预算数",
            "20241年预算数",
            "预算数",
            "项目总金额",
            "",
        ] {
            assert_eq!(dated_budget(h), None, "{h}");
        }
    }

    #[test]
    fn the_year_budget_is_the_fiscal_years_or_the_only_one() {
        let two = [(1, 2023), (2, 2024)];
        assert_eq!(year_budget_of(&two, Some(2024)), Some(2024));
        assert_eq!(year_budget_of(&two, Some(2023)), Some(2023));
        assert_eq!(year_budget_of(&two, Some(2025)), None);
        // No fiscal year: several years are not told apart (a plan's
        // `2024年 | 2025年 | 2026年` as well as last year's beside this year's).
        assert_eq!(year_budget_of(&two, None), None);
        assert_eq!(year_budget_of(&[(3, 2024)], None), Some(2024));
        assert_eq!(year_budget_of(&[(3, 2024), (5, 2024)], None), Some(2024));
        assert_eq!(year_budget_of(&[], None), None);
        assert_eq!(year_budget_of(&[], Some(2024)), None);
    }

    #[test]
    fn prior_actual_family() {
        for h in [
            "2021年实际实现值",
            "2021 年实际实现值",
            "２０２１年实际完成值",
            "2020年度实际值",
            "上年实际完成值",
            "上年实际值",
            "上年完成值",
            "上年度实际值",
            "上一年度实际完成值",
            "去年实际值",
            "上年实际值(万人次)",
        ] {
            assert_eq!(field_of(h), Some(Field::PriorActual), "{h}");
        }
        for h in [
            // Money (鄂州 budget execution), not an indicator value.
            "2020年实际执行数",
            "上年实际执行数",
            "上年预算数",
            // Benchmarks, not last year.
            "历史值",
            "历史标杆值",
            // The self-evaluation's own actual, and the target.
            "实际完成值",
            "实际完成值(B)",
            "预期2022年实现值",
            "上年指标值",
            "202年实际值",
            "20211年实际值",
            "2021实际值",
        ] {
            assert_ne!(field_of(h), Some(Field::PriorActual), "{h}");
        }
    }

    #[test]
    fn a_unit_alone_is_a_unit_label() {
        for (h, w) in [
            ("（万元）", "万元"),
            ("(元)", "元"),
            ("万元", "万元"),
            ("单位：元", "元"),
            ("（金额单位：万元）", "万元"),
            ("（人民币元）", "元"),
            ("（千元）", "千元"),
        ] {
            assert_eq!(unit_label(h), Some(w), "{h}");
        }
        for h in ["预算数（万元）", "万元户", "", "元旦", "其中"] {
            assert_eq!(unit_label(h), None, "{h}");
        }
        assert_eq!(scales_in_header("资金总额/（万元）"), [MoneyScale::WanYuan]);
        assert_eq!(scales_in_header("预算数/元"), [MoneyScale::Yuan]);
        assert_eq!(
            scales_in_header("预算数（万元）/（元）"),
            [MoneyScale::WanYuan, MoneyScale::Yuan]
        );
        assert!(scales_in_header("其中/财政拨款").is_empty());
    }

    #[test]
    fn core_name_strips_weights_and_units() {
        assert_eq!(core_name("成本指标(0-20)分"), "成本指标");
        assert_eq!(core_name("项目资金(万元)"), "项目资金");
        assert_eq!(core_name("(万元)"), "(万元)");
    }
}
