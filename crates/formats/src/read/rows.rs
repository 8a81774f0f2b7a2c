//! Data rows → [`Item`]s for both layout families.
//!
//! One-cell family (GUIDE §1): one row per project (or unit / 合计).
//! Row-per-indicator family (GUIDE §3.1, §3.2, §3.9): one row per indicator;
//! a project's first row carries 单位/项目/预算数/年度目标, continuation rows carry
//! only indicator fields — blank leading cells, merged copies, or shorter
//! (ragged) rows that are right-aligned by the header count.

use super::closing::is_closing_label;
use super::header::{is_indicator_field, last_nonblank, Layout};
use super::hierarchy::{is_total_label, looks_like_unit, split_code, Item, Named, UnitKey};
use crate::error::{Error, Location, Result};
use crate::grid::GridRow;
use crate::write::view::unneutralize_formula;
use jixiao_core::grammar;
use jixiao_core::money::{parse_amount, AmountError};
use jixiao_core::Text;
use jixiao_core::{
    AmountRow, Category, Field, Funding, Indicator, MoneyScale, Notice, Origin, Project, Target,
};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Shared reading context.
pub(crate) struct Reader<'l> {
    pub(crate) layout: &'l Layout,
    pub(crate) scale: MoneyScale,
    pub(crate) location: &'l Location,
    /// Unparseable amounts become notices (see `ReadOptions::report_bad_amounts`).
    pub(crate) report_bad_amounts: bool,
    /// file is CSV: only jixiao's long CSV has its text cells neutralised
    /// against formula injection (a workbook with a 原始指标值 column is read
    /// as written).
    pub(crate) csv: bool,
    /// The grid's hidden columns (0-based, ascending), to say so when one
    /// holds text beyond the header.
    pub(crate) hidden_cols: &'l [u32],
}

/// A data row seen through the header, possibly shifted right (ragged rows).
struct View<'r, 'a> {
    row: &'r GridRow<'a>,
    shift: usize,
    /// jixiao's long CSV: take off the apostrophe its writer put before a
    /// text starting with `= + - @` ([`unneutralize_formula`]).
    unquote: bool,
}

impl<'r> View<'r, '_> {
    /// Text and merged flag of header column `c` (0-based).
    fn cell(&self, c: usize) -> (&'r str, bool) {
        match c
            .checked_sub(self.shift)
            .and_then(|i| self.row.cells.get(i))
        {
            Some(cell) if self.unquote => (unneutralize_formula(&cell.text), cell.merged),
            Some(cell) => (cell.text.as_ref(), cell.merged),
            None => ("", false),
        }
    }
    /// A copy spilled from the cell on the left by a horizontal merge (a heading
    /// merged across the row), read as blank in amount and content columns.
    fn spill(&self, c: usize) -> bool {
        let (t, merged) = self.cell(c);
        merged && c > 0 && !t.trim().is_empty() && self.cell(c - 1).0 == t
    }
    /// Text of column `c`, blank when it is a horizontal-merge spill.
    fn content(&self, c: usize) -> &'r str {
        if self.spill(c) {
            ""
        } else {
            self.cell(c).0
        }
    }
    fn text(&self, c: Option<usize>) -> &'r str {
        c.map_or("", |c| self.cell(c).0)
    }
    fn merged(&self, c: Option<usize>) -> bool {
        c.is_some_and(|c| self.cell(c).1)
    }
    /// Whether column `c` is a number without a known display format.
    fn bare_number(&self, c: usize) -> bool {
        c.checked_sub(self.shift)
            .and_then(|i| self.row.cells.get(i))
            .is_some_and(|cell| cell.bare_number)
    }
}

/// Count a carry-over amount `c` (上年结转资金) where the table puts it: the
/// sources (当年财政拨款 / 上年结转资金 / 其他资金, GUIDE §3.6) add up to the
/// total, and carry-over is last year's fiscal money (GUIDE §6.3: the fiscal
/// budget includes it), so it joins 财政拨款. Where the sources already equal
/// the total without it, it was written as a part of one of them and is not
/// added twice. Returns whether it was added. Dropping it would lose money
/// from the sources and turn a sound row into a false sum error.
pub(crate) fn fold_carry_over(vals: &mut [Option<Decimal>; 4], c: Decimal) -> bool {
    let [total, fiscal, special, other] = *vals;
    let sources = [fiscal, special, other].iter().flatten().sum::<Decimal>();
    if c.is_zero() || total.is_some_and(|t| t == sources) {
        return false;
    }
    if let Some(slot) = vals.get_mut(1) {
        *slot = Some(fiscal.unwrap_or_default() + c);
    }
    true
}

/// How the cells of a short row land against the header at one shift: how
/// many cells that stand in one column only ([`anchor_of`]) land in theirs,
/// and the first that does not, as (cell index, its own column).
#[derive(Default)]
struct Placement {
    confirmed: usize,
    wrong: Option<(usize, usize)>,
}

/// 一级 names that are never a 二级 or 三级 name (`成本指标` is also 产出's
/// 二级 in older templates, `服务对象满意度指标` 满意度's 二级 in Sichuan's).
const TOP_LEVEL_ONLY: [&str; 3] = ["产出指标", "效益指标", "满意度指标"];

/// The column a cell can only stand in, whatever its position in a short
/// row: a 一级 name (also with its weight, `产出指标(50分)`) the 一级指标
/// column, a comparator or `定性`/`定量` on its own the 指标性质 column, a
/// direction word on its own the 指标方向性 column. A value (`≥95%`) or a
/// name holding such words (`正向激励覆盖率`) is none.
fn anchor_of(text: &str) -> Option<Field> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let spaced_out: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if TOP_LEVEL_ONLY.iter().any(|n| spaced_out.starts_with(n))
        && grammar::parse_category(t).0 != Category::Unknown
    {
        return Some(Field::Category);
    }
    if grammar::parse_comparator(t).is_some() || matches!(t, "定性" | "定量") {
        return Some(Field::Comparator);
    }
    let bare = t.strip_suffix("指标").unwrap_or(t);
    if matches!(bare, "正向" | "反向" | "逆向" | "负向") {
        return Some(Field::Direction);
    }
    None
}

/// Decimals an amount is printed with in these tables (万元 and 元 alike).
const AMOUNT_DECIMALS: u32 = 2;

/// An amount cell read in `scale`; `bare`: a number whose display format the
/// source does not give, printed with the table's usual decimals
/// ([`with_amount_decimals`]). Both table families read amounts through it.
pub(crate) fn read_amount(
    text: &str,
    bare: bool,
    scale: MoneyScale,
) -> std::result::Result<Option<Decimal>, AmountError> {
    let a = parse_amount(text, scale)?;
    Ok(match a {
        Some(a) if bare => Some(with_amount_decimals(a, scale)),
        a => a,
    })
}

/// An amount read from a number whose display format the source does not
/// give (XLS, ODS: `552.5` stored, `552.50` shown) with the table's usual
/// two printed decimals: trailing zeros only, so the value is unchanged and
/// a value with more decimals keeps them all (`158.0049999`).
fn with_amount_decimals(d: Decimal, scale: MoneyScale) -> Decimal {
    // In 万元; a 元 amount was moved four places (`to_wan`).
    let min = match scale {
        MoneyScale::WanYuan => AMOUNT_DECIMALS,
        MoneyScale::Yuan => AMOUNT_DECIMALS + 4,
    };
    let mut d = d;
    if d.scale() < min {
        d.rescale(min);
    }
    d
}

pub(crate) const AMOUNT_FIELDS: [Field; 4] = [
    Field::Total,
    Field::FiscalAppropriation,
    Field::SpecialAccount,
    Field::OtherFunds,
];

/// Why a row whose text is all in unrecognised columns was not read.
const ONLY_UNKNOWN_COLUMNS: (&str, &str) = (
    "内容只在未识别的列中",
    "its content is only in columns that were not recognised",
);

fn col1(c: usize) -> u32 {
    u32::try_from(c + 1).unwrap_or(u32::MAX)
}

fn non_blank(t: &str) -> Option<&str> {
    let t = t.trim();
    (!t.is_empty()).then_some(t)
}

impl Reader<'_> {
    /// Whether the table is jixiao's long CSV (docs/csv.md), known by its
    /// 原始指标值 column: its text cells were neutralised against formula
    /// injection, and its value is written twice (structured and as written).
    fn is_long_csv(&self) -> bool {
        self.layout.col(Field::RawValue).is_some()
    }

    /// Data row `row` seen through the header, `shift` columns to the right.
    fn view<'r, 'a>(&self, row: &'r GridRow<'a>, shift: usize) -> View<'r, 'a> {
        View {
            row,
            shift,
            unquote: self.csv && self.is_long_csv(),
        }
    }

    fn at(&self, row: u32, col: u32) -> Location {
        Location {
            row: Some(row),
            col: Some(col),
            ..self.location.clone()
        }
    }

    /// A non-blank cell beyond the header's columns is an error.
    fn check_extra(&self, row: &GridRow<'_>, shift: usize) -> Result<()> {
        let n = self.layout.ncols;
        for (i, cell) in row.cells.iter().enumerate() {
            let c = i + shift;
            if c >= n && !cell.merged && !cell.text.trim().is_empty() {
                let text: String = cell.text.trim().chars().take(40).collect();
                let hidden =
                    u32::try_from(i).is_ok_and(|i| self.hidden_cols.binary_search(&i).is_ok());
                if hidden {
                    // What the user who opens the file does not see.
                    return Err(Error::invalid(
                        self.at(row.number, col1(c)),
                        Text::new(
                            format!("「{text}」在隐藏的第{}列，超出表头的{n}列", col1(c)),
                            format!(
                                "the non-blank cell “{text}” is in hidden column {}, beyond the header's {n} columns",
                                col1(c)
                            ),
                        ),
                        Text::new(
                            "该列在表中被隐藏，打开文件时看不到：请取消隐藏后核对，删除该列或给它一个表头",
                            "the column is hidden and not seen when the file is opened: unhide it, then delete it or give it a header",
                        ),
                    ));
                }
                return Err(Error::invalid(
                    self.at(row.number, col1(c)),
                    Text::new(
                        format!("「{text}」超出表头的{n}列"),
                        format!("the non-blank cell “{text}” lies beyond the header's {n} columns"),
                    ),
                    Text::new(
                        "检查该行是否多了分隔符、错位或表头缺列",
                        "check the row for a stray delimiter or a shift, or the header for a missing column",
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The amount in column `c`; an amount that is not a number is an error,
    /// or (`report_bad_amounts`) blank with an `amount-unparseable` notice.
    fn amount(
        &self,
        v: &View<'_, '_>,
        c: usize,
        notices: &mut Vec<Notice>,
    ) -> Result<Option<Decimal>> {
        let text = v.content(c);
        if text.trim().is_empty() {
            return Ok(None);
        }
        let e = match read_amount(text, v.bare_number(c), self.scale) {
            Ok(a) => return Ok(a),
            Err(e) => e,
        };
        let r = v.row.number;
        let (why, why_en) = match e {
            AmountError::TooLarge(_) => ("位数过多", "too many digits"),
            AmountError::NotANumber(_) => ("不是金额", "not an amount"),
            AmountError::ScaleMismatch(_) => (
                "带的金额单位与表头的不一致",
                "names a money unit other than the table's",
            ),
        };
        let (header, text, scale) = (self.layout.header(c), text.trim(), self.scale.label());
        if self.report_bad_amounts {
            notices.push(Notice::new(
                Some(Origin::new(r, col1(c))),
                jixiao_core::review::catalogue::AMOUNT_UNPARSEABLE,
                format!(
                    "第{r}行第{}列（{header}）：「{text}」{why}；应为以{scale}为单位的数字，按空白读入",
                    col1(c)
                ),
                format!(
                    "row {r}, column {} ({header}): “{text}”: {why_en}; a number in {scale} was expected; read as blank",
                    col1(c)
                ),
            ));
            return Ok(None);
        }
        if self.is_header_again(v) {
            // The header again after title or 单位 lines: another table
            // starts here, and its rows are not this table's.
            return Err(Error::invalid(
                self.at(r, col1(c)),
                Text::new(
                    format!("第{r}行又是一个表头，其上方是标题或单位行：这里开始了另一张表"),
                    format!("row {r} is a header again, after title or scale lines: another table starts here"),
                ),
                Text::new(
                    "一个工作表中的几张表不能作为一张表读取：请把第二张表移到单独的工作表（或另存为文件）后再读取",
                    "several tables in one sheet cannot be read as one: move the second table to a sheet (or file) of its own",
                ),
            ));
        }
        Err(Error::invalid(
            self.at(r, col1(c)),
            Text::new(
                format!("{header}：「{text}」{why}；应为以{scale}为单位的数字"),
                format!("{header}: “{text}”: {why_en}; a number in {scale} was expected"),
            ),
            Text::new(
                "请填写数字，例如 158.00 或 3,309,840.00；空白表示 0",
                "write a number such as 158.00 or 3,309,840.00; leave the cell blank for 0",
            ),
        ))
    }

    /// The four amount columns; `merged` tells which cells are merged copies.
    fn funding(&self, v: &View<'_, '_>, notices: &mut Vec<Notice>) -> Result<(Funding, [bool; 4])> {
        let mut vals = [None; 4];
        let mut merged = [false; 4];
        for (k, f) in AMOUNT_FIELDS.iter().enumerate() {
            if let Some(c) = self.layout.col(*f) {
                if let (Some(slot), Some(m)) = (vals.get_mut(k), merged.get_mut(k)) {
                    *slot = self.amount(v, c, notices)?;
                    *m = v.cell(c).1;
                }
            }
        }
        if let Some(c) = self.layout.carry_over {
            if let Some(a) = self.amount(v, c, notices)? {
                fold_carry_over(&mut vals, a);
                if let Some(m) = merged.get_mut(1) {
                    *m |= v.cell(c).1;
                }
            }
        }
        let [total, fiscal_appropriation, special_account, other_funds] = vals;
        Ok((
            Funding {
                total,
                fiscal_appropriation,
                special_account,
                other_funds,
            },
            merged,
        ))
    }

    /// Whether any recognised column of the row holds text.
    fn has_known(&self, v: &View<'_, '_>) -> bool {
        (0..self.layout.ncols)
            .any(|c| self.layout.field(c).is_some() && !v.cell(c).0.trim().is_empty())
    }

    /// The first non-blank cell of the row (for 合计 in a 序号 column, notes, messages).
    fn first_text<'r>(&self, v: &View<'r, '_>) -> &'r str {
        (0..self.layout.ncols.max(v.row.cells.len() + v.shift))
            .map(|c| v.cell(c).0.trim())
            .find(|t| !t.is_empty())
            .unwrap_or("")
    }

    /// Whether a row holds an amount (a number in an amount column) or an
    /// indicator (a one-cell item, or a 三级指标 with its value).
    fn holds_data(&self, v: &View<'_, '_>) -> bool {
        let l = self.layout;
        let amount = AMOUNT_FIELDS
            .iter()
            .filter_map(|f| l.col(*f))
            .any(|c| parse_amount(v.cell(c).0, self.scale).is_ok_and(|a| a.is_some()));
        let text = |f: Field| l.col(f).map_or("", |c| v.cell(c).0.trim());
        let items = text(Field::IndicatorCell).contains("指标值")
            || (!text(Field::IndicatorName).is_empty() && !text(Field::TargetValue).is_empty());
        amount || items
    }

    /// A footer or note line (`注：…`, `填报人：…`) rather than a table row.
    /// `prev`: the row above that is not blank, as seen by the same view.
    fn note(&self, v: &View<'_, '_>, r: u32, prev: Option<&View<'_, '_>>) -> Option<Notice> {
        // A header again after data (or after the first row of a two-row
        // header again) is a page's; after title or 单位 lines it starts
        // another table, which is not read as this one's rows.
        let after_data = || {
            prev.is_some_and(|p| {
                self.is_header_again(p)
                    || (0..self.layout.ncols)
                        .any(|c| p.cell(c).0.chars().any(|ch| ch.is_ascii_digit()))
            })
        };
        if self.is_header_again(v) && after_data() {
            return Some(Notice::new(
                Some(Origin::new(r, 0)),
                "header-repeated",
                format!("第{r}行：重复了表头（如每页重印的表头），未读入"),
                format!("row {r}: the header printed again (as on every page); not read"),
            ));
        }
        let first = self.first_text(v);
        // `填报人：张三`, `单位负责人：赵六`, and a form's closing rows
        // printed under a table (`其他需要说明的问题 | 无`, `主管部门审核意见 |
        // 同意`).
        if !is_closing_label(first) {
            return None;
        }
        // A project named so (`审核人员业务培训经费`, `联系电话费补助`,
        // `制表打印耗材购置`) is no signature line: a row with an amount or
        // an indicator is data, whatever its first word.
        if self.holds_data(v) {
            return None;
        }
        // Every filled cell of the line, so that nothing it drops goes unsaid
        // (`填报人：张三  审核人：李四  填报日期：2024年1月10日`).
        let all: Vec<&str> = (0..self.layout.ncols.max(v.row.cells.len()))
            .map(|c| v.cell(c).0.trim())
            .filter(|t| !t.is_empty())
            .collect();
        // One line: a cell typed over several lines is joined with spaces.
        let all = all.join("  ").replace(['\n', '\r', '\t'], " ");
        let mut short: String = all.chars().take(80).collect();
        if all.chars().count() > 80 {
            short.push('…');
        }
        Some(Notice::new(
            Some(Origin::new(r, 0)),
            "row-note",
            format!("第{r}行：「{short}」是表外说明或签字栏，未读入"),
            format!("row {r}: “{short}” is a note or signature line outside the table; not read"),
        ))
    }

    /// Whether `v` prints the header again (on every page of a printed
    /// table, or a two-row header's rows): every filled cell is its column's
    /// header, or a row of a two-row header (`资金总额` or `（万元）` of
    /// `资金总额/（万元）`), and they are at least two and half the header's
    /// columns.
    fn is_header_again(&self, v: &View<'_, '_>) -> bool {
        // Compared without whitespace, and without allocating: every data
        // row is asked.
        let blank = |t: &str| t.chars().all(char::is_whitespace);
        let same_text = |a: &str, b: &str| {
            a.chars()
                .filter(|c| !c.is_whitespace())
                .eq(b.chars().filter(|c| !c.is_whitespace()))
        };
        let (mut same, mut named) = (0usize, 0usize);
        for (c, h) in self
            .layout
            .headers
            .iter()
            .enumerate()
            .take(self.layout.ncols)
        {
            if blank(h) {
                continue;
            }
            named += 1;
            let t = v.cell(c).0;
            if blank(t) {
                continue;
            }
            if same_text(t, h) || h.split('/').any(|part| same_text(part, t)) {
                same += 1;
            } else {
                return false;
            }
        }
        same >= 2 && same * 2 >= named
    }

    /// A row that fits nowhere, and why (in Chinese and English).
    fn unplaced(&self, row: &GridRow<'_>, (why, why_en): (&str, &str)) -> Notice {
        let first = row
            .cells
            .iter()
            .map(|c| c.text.trim())
            .find(|t| !t.is_empty())
            .unwrap_or("");
        let first: String = first.chars().take(30).collect();
        Notice::new(
            Some(Origin::new(row.number, 0)),
            "row-unplaced",
            format!("第{}行：{why}，该行（「{first}」…）未读入", row.number),
            format!(
                "row {}: {why_en}; the row (“{first}”…) fits nowhere and was not read",
                row.number
            ),
        )
    }

    /// The one-cell family: every row is 合计, a unit candidate or a project.
    pub(crate) fn one_cell(
        &self,
        rows: &[GridRow<'_>],
        notices: &mut Vec<Notice>,
    ) -> Result<Vec<Item>> {
        let l = self.layout;
        let name_col = l.col(Field::ProjectName).or(l.col(Field::UnitName));
        let unit_col = l.col(Field::ProjectName).and(l.col(Field::UnitName));
        let goal_col = l.col(Field::Goal);
        let ind_col = l.col(Field::IndicatorCell);
        let mut items = Vec::with_capacity(rows.len());
        let mut unit: Option<UnitKey> = None;
        let mut prev: Option<&GridRow<'_>> = None;
        for row in rows {
            if row.is_blank() {
                continue;
            }
            self.check_extra(row, 0)?;
            let v = self.view(row, 0);
            let prev_view = prev.map(|p| self.view(p, 0));
            prev = Some(row);
            if let Some(n) = self.note(&v, row.number, prev_view.as_ref()) {
                notices.push(n);
                continue;
            }
            let first = self.first_text(&v);
            let mut label = v.text(name_col).trim();
            if label.is_empty() && is_total_label(first) {
                // 合计 written in a 序号 column left of the name.
                label = first;
            } else if !self.has_known(&v) {
                notices.push(self.unplaced(row, ONLY_UNKNOWN_COLUMNS));
                continue;
            }
            let (funding, amount_merged) = self.funding(&v, notices)?;
            let origin = Origin::new(row.number, name_col.map_or(1, col1));
            // The project's cells merged down over several rows, one 绩效指标
            // item a row: the rows below the first continue its project (a
            // merged amount is the one amount, never counted again).
            if v.merged(name_col) && !label.is_empty() {
                let own_money = funding
                    .columns()
                    .iter()
                    .zip(amount_merged)
                    .any(|((_, d), merged)| d.is_some() && !merged);
                let goal_own =
                    goal_col.is_some_and(|c| !v.cell(c).1 && !v.content(c).trim().is_empty());
                let cell = ind_col
                    .map(|c| v.content(c))
                    .filter(|t| !t.trim().is_empty());
                if let (Some(Item::Project(p, _)), false, false, Some(cell)) =
                    (items.last_mut(), own_money, goal_own, cell)
                {
                    if p.name == label && p.indicator_cell.is_some() {
                        let text = p.indicator_cell.get_or_insert_with(String::new);
                        text.push('\n');
                        text.push_str(cell);
                        notices.push(Notice::new(
                            Some(Origin::new(row.number, ind_col.map_or(1, col1))),
                            "project-rows-merged",
                            format!(
                                "第{}行：项目「{label}」的名称是上一行合并单元格的延续，本行的绩效指标并入该项目（第{}行），金额不重复计算；指标的位置按第{}行的单元格给出",
                                row.number, p.origin.row, p.origin.row
                            ),
                            format!(
                                "row {}: the name of project “{label}” continues the merged cell above; this row's indicators join that project (row {}) and its amounts are not counted again; the indicators' places are given in row {}'s cell",
                                row.number, p.origin.row, p.origin.row
                            ),
                        ));
                        continue;
                    }
                }
            }
            if let Some(u) = non_blank(v.text(unit_col)) {
                if is_total_label(u) && label.is_empty() {
                    items.push(Item::Total(AmountRow {
                        label: u.to_string(),
                        funding,
                        origin,
                    }));
                    continue;
                }
                let (code, name) = split_code(u);
                unit = Some(UnitKey { name, code });
            }
            if is_total_label(label) {
                items.push(Item::Total(AmountRow {
                    label: label.to_string(),
                    funding,
                    origin,
                }));
                continue;
            }
            let goal = goal_col
                .map(|c| v.content(c))
                .filter(|t| !t.trim().is_empty());
            let cell = ind_col
                .map(|c| v.content(c))
                .filter(|t| !t.trim().is_empty());
            let has_money = funding.columns().iter().any(|(_, d)| d.is_some());
            if goal.is_none() && cell.is_none() {
                let unit_text = non_blank(v.text(unit_col)).filter(|_| label.is_empty());
                if let (Some(u), true) = (unit_text, has_money) {
                    // Named in the unit column alone: the unit's own row.
                    items.push(Item::Candidate(
                        AmountRow {
                            label: u.to_string(),
                            funding,
                            origin: Origin::new(row.number, unit_col.map_or(1, col1)),
                        },
                        Named::UnitColumn,
                    ));
                    continue;
                }
                if label.is_empty() {
                    let why = if has_money {
                        ("有金额但没有名称", "it has amounts but no name")
                    } else {
                        (
                            "没有名称、金额、绩效目标或绩效指标",
                            "it has no name, amounts, goal or indicators",
                        )
                    };
                    notices.push(self.unplaced(row, why));
                    continue;
                }
                if !has_money && (unit_col.is_some() || !looks_like_unit(label)) {
                    // `单位：元` under rows read in 万元 (or the reverse): the
                    // rows below are in another scale, most often another
                    // table's; reading them in this one's would be 10 000 times off.
                    let stated = label
                        .split_once(['：', ':'])
                        .filter(|(k, _)| k.contains("单位"))
                        .and_then(|(_, value)| super::preamble::scale_of(value));
                    if let Some(other) = stated.filter(|s| *s != self.scale) {
                        return Err(Error::invalid(
                            self.at(row.number, origin.col),
                            Text::new(
                                format!(
                                    "第{}行：表中途注明「{label}」，与上方读取所用的{}不同：以下各行是另一种金额单位，多半是另一张表",
                                    row.number,
                                    self.scale.label()
                                ),
                                format!(
                                    "row {}: “{label}” midway through the table, not the {} the rows above were read in: the rows below are in {}, most likely another table",
                                    row.number,
                                    self.scale.label(),
                                    other.label()
                                ),
                            ),
                            Text::new(
                                "请把第二张表移到单独的工作表（或另存为文件）后再读取",
                                "move the second table to a sheet (or file) of its own",
                            ),
                        ));
                    }
                    notices.push(Notice::new(
                        Some(origin),
                        "row-heading",
                        format!(
                            "第{}行：「{label}」没有金额、绩效目标或绩效指标，视为标题行，未读入",
                            row.number
                        ),
                        format!(
                            "row {}: “{label}” has no amounts, goal or indicators; taken as a heading and not read",
                            row.number
                        ),
                    ));
                    continue;
                }
                items.push(Item::Candidate(
                    AmountRow {
                        label: label.to_string(),
                        funding,
                        origin,
                    },
                    Named::NameColumn,
                ));
                continue;
            }
            // A row of the goal's or the 绩效指标's text alone, no name, no
            // money: the rest of the project's cell above, broken over two
            // rows (a page break in a PDF turned into a sheet).
            if label.is_empty() && !has_money && non_blank(v.text(unit_col)).is_none() {
                if let Some(Item::Project(p, _)) = items.last_mut() {
                    if continues_cells(p, goal, cell) {
                        // (Named by the 绩效指标 when the row holds it.)
                        let (at, field, field_en) = if cell.is_some() {
                            (ind_col, "绩效指标", "indicator")
                        } else {
                            (goal_col, "绩效目标", "goal")
                        };
                        for (own, more) in [(&mut p.goal, goal), (&mut p.indicator_cell, cell)] {
                            if let (Some(own), Some(more)) = (own.as_mut(), more) {
                                own.push_str(more);
                            }
                        }
                        notices.push(Notice::new(
                            Some(Origin::new(row.number, at.map_or(1, col1))),
                            "row-continues-cell",
                            format!(
                                "第{}行只有{field}，没有名称和金额：读作第{}行项目「{}」该栏文字的后半（跨页或跨行断开的单元格），其中的位置按第{}行的单元格给出",
                                row.number, p.origin.row, p.name, p.origin.row
                            ),
                            format!(
                                "row {} holds only the {} text, no name and no amounts: read as the rest of that cell of project “{}” on row {} (a cell broken over two rows or pages); places in it are given in row {}'s cell",
                                row.number,
                                field_en,
                                p.name,
                                p.origin.row,
                                p.origin.row
                            ),
                        ));
                        continue;
                    }
                }
            }
            if label.is_empty() {
                notices.push(Notice::new(
                    Some(origin),
                    "project-name-missing",
                    format!("第{}行：项目名称为空", row.number),
                    format!("row {}: the project name is blank", row.number),
                ));
            }
            items.push(Item::Project(
                Box::new(Project {
                    name: label.to_string(),
                    code: None,
                    funding,
                    goal: goal.map(str::to_string),
                    indicators: Vec::new(),
                    origin,
                    indicator_cell: cell.map(str::to_string),
                    amount_origins: None,
                }),
                unit_col.and(unit.clone()),
            ));
        }
        Ok(items)
    }

    /// How far a short (ragged) row must be shifted right to line up with
    /// the header, and whether its cells' content (not the header's column
    /// count) decided it ([`Self::shift_by_content`]).
    fn shift_of(&self, row: &GridRow<'_>) -> Result<(usize, bool)> {
        let Some(by_count) = self.shift_by_count(row) else {
            return Ok((0, false));
        };
        if self.placement(row, by_count).wrong.is_none() {
            return Ok((by_count, false));
        }
        self.shift_by_content(row, by_count).map(|s| (s, true))
    }

    /// The shift of a short row by the header's column count (right-aligned,
    /// or from 一级 when trailing blanks were dropped too); `None` where the
    /// row is not short, or is a first row, and stays where it is.
    fn shift_by_count(&self, row: &GridRow<'_>) -> Option<usize> {
        let l = self.layout;
        let len = row.cells.len();
        if len == 0 || len >= l.ncols || row.text(0).trim().is_empty() {
            return None;
        }
        // A merged label copied into the first cell (XLSX, HTML: `绩效指标`
        // merged down) stands in its own column: the row is short only for
        // its blank trailing cells, never shifted.
        if row.cells.first().is_some_and(|c| c.merged) {
            return None;
        }
        if l.field(0).is_some_and(is_indicator_field) {
            return None;
        }
        // A short row whose total column (left-aligned) holds an amount is a first row.
        let left = self.view(row, 0);
        if let Some(c) = l.col(Field::Total) {
            if parse_amount(left.cell(c).0, self.scale).is_ok_and(|a| a.is_some()) {
                return None;
            }
        }
        let right = l.ncols - len;
        if l.field(right).is_some_and(|f| {
            matches!(
                f,
                Field::Category | Field::Subcategory | Field::IndicatorName
            )
        }) {
            return Some(right);
        }
        // Trailing blanks were dropped too: start at 一级 when the first cell names a level.
        let first = row.text(0).trim();
        if first.contains("指标") || first.contains("目标") {
            if let Some(c) = l.col(Field::Category) {
                let used = last_nonblank(row);
                if c + used <= l.ncols {
                    return Some(c);
                }
            }
        }
        Some(0)
    }

    /// Where the cells of `row` shifted by `shift` land against the cells
    /// that can stand in one column only ([`anchor_of`]).
    fn placement(&self, row: &GridRow<'_>, shift: usize) -> Placement {
        let l = self.layout;
        let mut out = Placement::default();
        for (i, cell) in row.cells.iter().enumerate() {
            let Some(own) = anchor_of(&cell.text).and_then(|f| l.col(f)) else {
                continue;
            };
            if own == i + shift {
                out.confirmed += 1;
            } else if out.wrong.is_none() {
                out.wrong = Some((i, own));
            }
        }
        out
    }

    /// A short row that the header's column count lines up wrongly (a 一级
    /// name in the 二级 column: the row lost its trailing blank cells too,
    /// `指标方向性` left blank and dropped) lines up where its cells that
    /// stand in one column only ([`anchor_of`]) all stand in theirs. Where
    /// no shift, or more than one, does so, the row is refused at that cell:
    /// reading it in shifted columns would make 二级 of 一级 and values of
    /// comparators, silently.
    fn shift_by_content(&self, row: &GridRow<'_>, by_count: usize) -> Result<usize> {
        let l = self.layout;
        let room = l.ncols.saturating_sub(last_nonblank(row));
        let fits: Vec<usize> = (0..=room)
            .filter(|&s| {
                let p = self.placement(row, s);
                p.wrong.is_none() && p.confirmed > 0
            })
            .collect();
        if let [s] = fits[..] {
            return Ok(s);
        }
        let (i, own) = self.placement(row, by_count).wrong.unwrap_or((0, by_count));
        let text: String = row.text(i).trim().chars().take(40).collect();
        let (landed, belongs) = (l.header(i + by_count), l.header(own));
        let r = row.number;
        Err(Error::invalid(
            self.at(r, col1(i + by_count)),
            Text::new(
                format!(
                    "第{r}行比表头短（{}格，表头{}列）：按表头列数对齐时「{text}」落在「{landed}」列，而它只能在「{belongs}」列；按内容也无法确定各格所在的列",
                    row.cells.len(),
                    l.ncols
                ),
                format!(
                    "row {r} is shorter than the header ({} cells, the header {} columns): lined up by the header's column count, “{text}” lands in the “{landed}” column, where it cannot stand (its column is “{belongs}”), and its content does not tell which column each cell is in either",
                    row.cells.len(),
                    l.ncols
                ),
            ),
            Text::new(
                "请补齐该行缺少的空白单元格（或删去多余的分隔符），使每格与表头对齐",
                "write the row's missing blank cells (or remove a stray delimiter) so that each cell stands under its header",
            ),
        ))
    }

    /// The shift of each of `rows` ([`Self::shift_of`]); the rows lined up
    /// by their content are named in one `row-realigned` notice.
    fn shifts(&self, rows: &[GridRow<'_>], notices: &mut Vec<Notice>) -> Result<Vec<usize>> {
        let mut shifts = Vec::with_capacity(rows.len());
        let mut realigned: Vec<u32> = Vec::new();
        for row in rows {
            let (shift, by_content) = self.shift_of(row)?;
            if by_content {
                realigned.push(row.number);
            }
            shifts.push(shift);
        }
        if let Some(&first) = realigned.first() {
            let list: Vec<String> = realigned.iter().map(u32::to_string).collect();
            let (zh, en) = (list.join("、"), list.join(", "));
            notices.push(Notice::new(
                Some(Origin::new(first, 1)),
                "row-realigned",
                format!(
                    "第{zh}行比表头短，按表头列数右对齐会错列（一级指标名称落在二级指标等列）：已按单元格内容对齐（一级指标名称在一级指标列，指标性质、指标方向性各在其列），行末缺少的单元格读作空白"
                ),
                format!(
                    "rows {en} are shorter than the header and, right-aligned by its column count, would be shifted (a 一级指标 name in the 二级指标 column or the like): lined up by their cells' content instead (a 一级指标 name in the 一级指标 column, 指标性质 and 指标方向性 words in theirs), the cells missing at their end read as blank"
                ),
            ));
        }
        Ok(shifts)
    }

    /// The row-per-indicator family.
    ///
    /// `seed` is a project read from a key–value form above the indicator grid;
    /// the rows then continue it.
    pub(crate) fn per_indicator(
        &self,
        rows: &[GridRow<'_>],
        seed: Option<(Project, Option<UnitKey>)>,
        notices: &mut Vec<Notice>,
    ) -> Result<Vec<Item>> {
        let l = self.layout;
        let unit_col = l.col(Field::UnitName);
        let proj_col = l.col(Field::ProjectName);
        let goal_col = l.col(Field::Goal);
        let cat_col = l.col(Field::Category);
        let sub_col = l.col(Field::Subcategory);
        let name_col = l.col(Field::IndicatorName);
        let op_col = l.col(Field::Comparator);
        let value_col = l.col(Field::TargetValue);
        let mu_col = l.col(Field::MeasureUnit);
        let weight_col = l.col(Field::Weight);
        let dir_col = l.col(Field::Direction);
        let prior_col = l.col(Field::PriorActual);
        let hi_col = l.col(Field::TargetValueHi);
        let raw_col = l.col(Field::RawValue);
        let ind_cols = [
            cat_col, sub_col, name_col, op_col, value_col, hi_col, raw_col, mu_col, weight_col,
            dir_col, prior_col,
        ];

        let mut items: Vec<Item> = Vec::new();
        let mut unit: Option<UnitKey> = None;
        // (unit generation, project text) of the project being read, and its item index.
        let mut current: Option<(u64, String, usize)> = None;
        // Bumped whenever the unit changes, so grouping compares numbers, not names.
        let mut unit_gen: u64 = 0;
        let mut last_unit_raw: &str = "";
        let mut cat_raw = String::new();
        let mut sub_raw: Option<String> = None;
        let mut cat_cache: Option<(String, Category)> = None;
        // The block of rows read into the current project: whether one of its
        // continuation rows left the project cell blank (or a merged copy), and
        // the (一级, 二级, 三级) of its indicators, as written (blank 一级 and
        // 二级 filled from the row above).
        let mut block_blank = false;
        let mut block: Vec<IndKey<'_>> = Vec::new();
        if let Some((p, key)) = seed {
            current = Some((unit_gen, p.name.clone(), 0));
            items.push(Item::Project(Box::new(p), key));
        }
        let shifts = self.shifts(rows, notices)?;
        let mut prev: Option<(&GridRow<'_>, usize)> = None;
        for (ri, (row, &shift)) in rows.iter().zip(&shifts).enumerate() {
            if row.is_blank() {
                continue;
            }
            self.check_extra(row, shift)?;
            let v = self.view(row, shift);
            let r = row.number;
            let prev_view = prev.map(|(p, s)| self.view(p, s));
            prev = Some((row, shift));
            if let Some(n) = self.note(&v, r, prev_view.as_ref()) {
                notices.push(n);
                continue;
            }
            let first = self.first_text(&v);
            let mut u_text = v.text(unit_col).trim();
            let p_text = v.text(proj_col).trim();
            if u_text.is_empty() && p_text.is_empty() && is_total_label(first) {
                // 合计 written in a 序号 column left of the names.
                u_text = first;
            } else if !self.has_known(&v) {
                notices.push(self.unplaced(row, ONLY_UNKNOWN_COLUMNS));
                continue;
            }
            let (funding, amount_merged) = self.funding(&v, notices)?;
            let has_money = funding.columns().iter().any(|(_, d)| d.is_some());
            let goal = goal_col
                .map(|c| v.content(c))
                .filter(|t| !t.trim().is_empty());
            // Indicator content written in this row (merged copies alone do not count).
            let has_ind = ind_cols
                .iter()
                .flatten()
                .any(|&c| !v.cell(c).0.trim().is_empty() && !v.cell(c).1);

            if (is_total_label(u_text) && p_text.is_empty()) || is_total_label(p_text) {
                let label = if is_total_label(p_text) {
                    p_text
                } else {
                    u_text
                };
                items.push(Item::Total(AmountRow {
                    label: label.to_string(),
                    funding,
                    origin: Origin::new(r, proj_col.or(unit_col).map_or(1, col1)),
                }));
                current = None;
                continue;
            }
            if !u_text.is_empty() && u_text != last_unit_raw {
                last_unit_raw = u_text;
                let (code, name) = split_code(u_text);
                if unit
                    .as_ref()
                    .is_none_or(|k| k.name != name || k.code != code)
                {
                    unit = Some(UnitKey { name, code });
                    unit_gen += 1;
                }
            }
            // An amount-only row: unit row, department subtotal, or a project without targets.
            // Without a 单位名称 column, unit rows sit in the 项目名称 column (as in the sample).
            let unit_row_in_name = unit_col.is_none() && !v.merged(proj_col) && !p_text.is_empty();
            if (p_text.is_empty() || unit_row_in_name) && !has_ind && goal.is_none() && has_money {
                // With a 单位名称 column the project cell is blank here (see above).
                let (label, named) = if u_text.is_empty() {
                    (p_text, Named::NameColumn)
                } else {
                    (u_text, Named::UnitColumn)
                };
                if label.is_empty() {
                    notices.push(self.unplaced(
                        row,
                        (
                            "有金额但没有单位或项目名称",
                            "it has amounts but no unit or project name",
                        ),
                    ));
                    continue;
                }
                items.push(Item::Candidate(
                    AmountRow {
                        label: label.to_string(),
                        funding,
                        origin: Origin::new(r, unit_col.or(proj_col).map_or(1, col1)),
                    },
                    named,
                ));
                current = None;
                continue;
            }
            let same_key = current
                .as_ref()
                .is_some_and(|(g, pn, _)| pn == p_text && *g == unit_gen);
            // Same unit and name, but a first row of its own (an amount or goal written
            // again, not merged, and different): a second project of the same name.
            let restated = same_key
                && !v.merged(proj_col)
                && current
                    .as_ref()
                    .is_some_and(|(_, _, idx)| match items.get(*idx) {
                        Some(Item::Project(p, _)) => {
                            let total_differs = !amount_merged[0]
                                && funding.total.is_some()
                                && funding.total != p.funding.total;
                            let goal_differs = !v.merged(goal_col)
                                && goal.is_some_and(|g| {
                                    p.goal.as_deref().is_some_and(|pg| pg.trim() != g.trim())
                                });
                            total_differs || goal_differs
                        }
                        _ => false,
                    });
            // The project cell written again (not a merged copy) under the same
            // unit and name, with the same amount and goal, and the indicators
            // starting again from the block's first one: a copy of the project.
            // Where the block's continuation rows left that cell blank (or
            // merged), the repeated first indicator is enough; where every row
            // repeats the name (jixiao's long CSV, some Sichuan tables), the
            // next row must repeat the second one too, and a notice says so.
            // A project without indicators has one row: the same row again,
            // still without indicators, is a copy too.
            // A copy's first row states the project's money (and its goal,
            // where the table has a goal column): a row carrying only the
            // name and indicators continues the project.
            let restates_all = has_money && (goal_col.is_none() || goal.is_some());
            let restart = same_key
                && !restated
                && restates_all
                && !v.merged(proj_col)
                && if has_ind {
                    self.restarts(
                        &v,
                        rows.get(ri..).unwrap_or_default(),
                        shifts.get(ri..).unwrap_or_default(),
                        &block,
                        block_blank,
                    )
                } else {
                    block.is_empty() && !block_blank
                };
            if restart && !block_blank {
                notices.push(self.project_split(r, p_text, proj_col, has_ind));
            }
            let starts_new = !p_text.is_empty() && (!same_key || restated || restart);
            if starts_new {
                items.push(Item::Project(
                    Box::new(Project {
                        name: p_text.to_string(),
                        code: None,
                        funding,
                        goal: goal.map(str::to_string),
                        indicators: Vec::new(),
                        origin: Origin::new(r, proj_col.map_or(1, col1)),
                        indicator_cell: None,
                        amount_origins: None,
                    }),
                    if unit_col.is_some() {
                        unit.clone()
                    } else {
                        None
                    },
                ));
                current = Some((unit_gen, p_text.to_string(), items.len() - 1));
                cat_raw.clear();
                sub_raw = None;
                block_blank = false;
                block.clear();
            } else if let Some((_, _, idx)) = &current {
                if p_text.is_empty() || v.merged(proj_col) {
                    block_blank = true;
                }
                // Continuation row: never add a merged or repeated amount a second time.
                if let Some(Item::Project(p, _)) = items.get_mut(*idx) {
                    self.merge_continuation(p, &funding, &amount_merged, goal, r, notices);
                }
            } else if has_ind || has_money || goal.is_some() {
                notices.push(self.unplaced(
                    row,
                    (
                        "指标行之前没有项目名称",
                        "no project name comes before this indicator row",
                    ),
                ));
                continue;
            } else {
                // Only a unit name (or unknown columns): nothing to attach.
                if u_text.is_empty() {
                    notices.push(self.unplaced(
                        row,
                        ("该行没有可识别的内容", "it holds nothing recognisable"),
                    ));
                }
                continue;
            }

            // The indicator of this row.
            let cat_cell = v.text(cat_col).trim();
            if !cat_cell.is_empty() && cat_cell != cat_raw {
                cat_raw = cat_cell.to_string();
                sub_raw = None;
            }
            let sub_cell = v.text(sub_col).trim();
            if !sub_cell.is_empty() {
                sub_raw = Some(sub_cell.to_string());
            }
            let name = v.text(name_col).trim();
            let value = v.text(value_col).trim();
            let (value_merged, name_merged) = (v.merged(value_col), v.merged(name_col));
            if name.is_empty() && value.is_empty() {
                // A placeholder such as an empty 社会成本指标 row.
                let rest = [
                    op_col, hi_col, raw_col, mu_col, weight_col, dir_col, prior_col,
                ]
                .iter()
                .flatten()
                .any(|&c| !v.cell(c).0.trim().is_empty());
                if rest {
                    notices.push(Notice::new(
                        Some(Origin::new(r, name_col.map_or(1, col1))),
                        "indicator-incomplete",
                        format!(
                            "第{r}行：有指标性质/单位/权重但没有三级指标和指标值，未读入指标"
                        ),
                        format!(
                            "row {r}: an indicator nature, unit or weight without an indicator name (三级指标) and value; no indicator was read"
                        ),
                    ));
                }
                continue;
            }
            if name_merged && value_merged {
                // A merged copy of the indicator above, not a new indicator.
                continue;
            }
            let Some((_, _, idx)) = &current else {
                continue;
            };
            let key = self.ind_key(&v);
            block.push(match block.last() {
                Some(above) => key.filled(above),
                None => key,
            });
            let ind = self.indicator(&v, r, &cat_raw, sub_raw.as_deref(), &mut cat_cache, notices);
            if let Some(Item::Project(p, _)) = items.get_mut(*idx) {
                p.indicators.push(ind);
            }
        }
        Ok(items)
    }

    /// The item number of jixiao's long layout (its 序号 column, docs/csv.md:
    /// `2-效益指标` written as 2), so that a gap in a one-cell text's numbering
    /// survives the round trip. Blank is none; anything but a whole number is
    /// said (`seq-unparseable`) and read as none.
    fn seq(&self, v: &View<'_, '_>, r: u32, notices: &mut Vec<Notice>) -> Option<u32> {
        let c = self.layout.long_seq?;
        let t = v.text(Some(c)).trim();
        if t.is_empty() {
            return None;
        }
        let n = t.parse::<u32>().ok();
        if n.is_none() {
            let k = col1(c);
            notices.push(Notice::new(
                Some(Origin::new(r, k)),
                "seq-unparseable",
                format!("第{r}行第{k}列：序号「{t}」不是整数，按未编号读入"),
                format!("row {r}, column {k}: the item number (序号) “{t}” is not a whole number; read as unnumbered"),
            ));
        }
        n
    }

    /// The (一级, 二级, 三级) written in a row.
    fn ind_key<'r>(&self, v: &View<'r, '_>) -> IndKey<'r> {
        let l = self.layout;
        IndKey([
            v.text(l.col(Field::Category)).trim(),
            v.text(l.col(Field::Subcategory)).trim(),
            v.text(l.col(Field::IndicatorName)).trim(),
        ])
    }

    /// Whether the first of `rest` (the rows from the current one on), which
    /// repeats the current project's name, starts a copy of the project: it
    /// has the block's first (一级, 二级, 三级), and, unless the block's
    /// continuation rows left the name blank (`block_blank`: the name written
    /// again is then the copy's own first row), the rows from here that carry
    /// the name are the block's indicators again, whole, once or more. So a
    /// project whose indicators repeat some of its own (`A B A B C`) is not
    /// split, and a copy (`A B C` `A B C`) is.
    fn restarts(
        &self,
        v: &View<'_, '_>,
        rest: &[GridRow<'_>],
        shifts: &[usize],
        block: &[IndKey<'_>],
        block_blank: bool,
    ) -> bool {
        let key = self.ind_key(v);
        let Some(first) = block.first() else {
            return false;
        };
        if key.0[2].is_empty() || key != *first {
            return false;
        }
        if block_blank {
            return true;
        }
        let l = self.layout;
        let name = v.text(l.col(Field::ProjectName)).trim();
        let unit = v.text(l.col(Field::UnitName)).trim();
        // At most a few copies are looked at: enough to tell.
        let most = block.len().saturating_mul(8);
        let mut run: Vec<IndKey<'_>> = Vec::with_capacity(block.len());
        for (n, &shift) in rest.iter().zip(shifts).filter(|(n, _)| !n.is_blank()) {
            let nv = self.view(n, shift);
            let n_unit = nv.text(l.col(Field::UnitName)).trim();
            if nv.text(l.col(Field::ProjectName)).trim() != name
                || (!n_unit.is_empty() && n_unit != unit)
                || run.len() == most
            {
                break;
            }
            let k = self.ind_key(&nv);
            run.push(match run.last() {
                Some(above) => k.filled(above),
                None => k,
            });
        }
        !run.is_empty()
            && run.len() % block.len() == 0
            && run.chunks(block.len()).all(|copy| copy == block)
    }

    /// The notice for a project read as a second one of the same name because
    /// its indicators start again.
    fn project_split(&self, r: u32, name: &str, proj_col: Option<usize>, has_ind: bool) -> Notice {
        let (zh, en) = if has_ind {
            (
                format!("第{r}行：项目「{name}」的绩效指标从第一个起重新开始，读作另一个同名项目"),
                format!(
                    "row {r}: the indicators of project “{name}” start again from its first one; read as another project of the same name"
                ),
            )
        } else {
            (
                format!("第{r}行：没有绩效指标的项目「{name}」又写了一行，读作另一个同名项目"),
                format!(
                    "row {r}: project “{name}”, which has no indicators, is written on another row; read as another project of the same name"
                ),
            )
        };
        Notice::new(
            Some(Origin::new(r, proj_col.map_or(1, col1))),
            "project-split",
            zh,
            en,
        )
    }

    fn merge_continuation(
        &self,
        p: &mut Project,
        funding: &Funding,
        merged: &[bool; 4],
        goal: Option<&str>,
        r: u32,
        notices: &mut Vec<Notice>,
    ) {
        let stated = [
            &mut p.funding.total,
            &mut p.funding.fiscal_appropriation,
            &mut p.funding.special_account,
            &mut p.funding.other_funds,
        ];
        let new = [
            funding.total,
            funding.fiscal_appropriation,
            funding.special_account,
            funding.other_funds,
        ];
        for ((slot, value), (m, f)) in stated
            .into_iter()
            .zip(new)
            .zip(merged.iter().zip(AMOUNT_FIELDS))
        {
            let Some(value) = value else { continue };
            match slot {
                None if !*m => *slot = Some(value),
                Some(s) if *s != value && !*m => notices.push(Notice::new(
                    Some(Origin::new(r, self.layout.col(f).map_or(0, col1))),
                    "amount-repeated-differs",
                    format!(
                        "第{r}行：项目「{}」的续行金额 {value} 与首行 {s} 不同，采用首行",
                        p.name
                    ),
                    format!(
                        "row {r}: the amount {value} on a continuation row of project “{}” differs from the first row's {s}; the first row's is kept",
                        p.name
                    ),
                )),
                _ => {}
            }
        }
        if let Some(g) = goal {
            match &p.goal {
                None => p.goal = Some(g.to_string()),
                Some(first) if first.trim() != g.trim() => notices.push(Notice::new(
                    Some(Origin::new(r, self.layout.col(Field::Goal).map_or(0, col1))),
                    "goal-repeated-differs",
                    format!(
                        "第{r}行：项目「{}」的续行年度目标与首行不同，采用首行",
                        p.name
                    ),
                    format!(
                        "row {r}: the goal on a continuation row of project “{}” differs from the first row's; the first row's is kept",
                        p.name
                    ),
                )),
                Some(_) => {}
            }
        }
    }

    fn indicator(
        &self,
        v: &View<'_, '_>,
        r: u32,
        cat_raw: &str,
        sub: Option<&str>,
        cache: &mut Option<(String, Category)>,
        notices: &mut Vec<Notice>,
    ) -> Indicator {
        let l = self.layout;
        let name = v.text(l.col(Field::IndicatorName)).trim();
        let value = v.text(l.col(Field::TargetValue)).trim();
        let op = non_blank(v.text(l.col(Field::Comparator)));
        let unit = non_blank(v.text(l.col(Field::MeasureUnit)));
        let category = match cache {
            Some((raw, c)) if raw == cat_raw => *c,
            _ => {
                let c = grammar::parse_category(cat_raw).0;
                *cache = Some((cat_raw.to_string(), c));
                c
            }
        };
        // The structured columns: 指标性质, 指标值 (to 指标值上限 for a range), 度量单位.
        let hi = non_blank(v.text(l.col(Field::TargetValueHi)));
        let structured = match (value.is_empty(), hi) {
            (true, _) => grammar::ParsedValue {
                label: None,
                target: Target::Missing,
            },
            (false, Some(hi)) => grammar::parse_target_parts(op, &format!("{value}-{hi}"), unit),
            (false, None) => grammar::parse_target_parts(op, value, unit),
        };
        let mut value_col = l.col(Field::TargetValue).or(l.col(Field::IndicatorName));
        // A range's text is both columns' (`80-90`), as the reading is.
        let mut raw_value: std::borrow::Cow<'_, str> = match hi {
            Some(hi) if !value.is_empty() => format!("{value}-{hi}").into(),
            _ => value.into(),
        };
        let mut parsed = structured;
        // jixiao's long CSV also gives the value as written (原始指标值): read
        // in full where it says what the structured columns say.
        let raw_col = l.col(Field::RawValue);
        let raw = v.text(raw_col);
        if !raw.trim().is_empty() {
            let exact = read_as_written(raw, op, unit);
            if same_reading(&parsed.target, &exact.target) {
                parsed = exact;
                raw_value = raw.trim().into();
                value_col = raw_col;
            } else {
                notices.push(raw_value_differs(
                    r,
                    raw_col.map_or(0, col1),
                    raw,
                    &parsed.target,
                ));
            }
        }
        let (target, label) = (parsed.target, parsed.label);
        let weight = non_blank(v.text(l.col(Field::Weight))).and_then(|w| {
            let t = w.trim_end_matches(['%', '％', '分']).trim();
            let parsed = Decimal::from_str(t).ok();
            if parsed.is_none() {
                notices.push(Notice::new(
                    Some(Origin::new(r, l.col(Field::Weight).map_or(0, col1))),
                    "weight-unparseable",
                    format!("第{r}行：权重「{w}」不是数字"),
                    format!("row {r}: the weight “{w}” is not a number"),
                ));
            }
            parsed
        });
        let direction_stated = non_blank(v.text(l.col(Field::Direction))).and_then(|d| {
            let read = grammar::parse_direction(d);
            if read.is_none() {
                notices.push(Notice::new(
                    Some(Origin::new(r, l.col(Field::Direction).map_or(0, col1))),
                    "direction-unknown",
                    format!("第{r}行：指标方向性「{d}」无法识别，应为正向指标或反向指标"),
                    format!(
                        "row {r}: the direction “{d}” is not recognised; 正向指标 (higher is better) or 反向指标 (lower is better) expected"
                    ),
                ));
            }
            read
        });
        Indicator {
            seq: self.seq(v, r, notices),
            seq_raw: None,
            category,
            category_raw: cat_raw.to_string(),
            subcategory: sub.map(str::to_string),
            name: name.to_string(),
            target,
            raw_value: raw_value.to_string(),
            value_label: label,
            terminator: None,
            columns: jixiao_core::IndicatorColumns::boxed(
                unit.map(str::to_string),
                op.map(str::to_string),
                weight,
                direction_stated,
                non_blank(v.text(l.col(Field::PriorActual))).map(str::to_string),
            ),
            origin: Origin::new(r, value_col.map_or(0, col1)),
            span: None,
        }
    }
}

/// The (一级, 二级, 三级) of an indicator row as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IndKey<'r>([&'r str; 3]);

impl<'r> IndKey<'r> {
    /// Blank 一级 (and 二级 under the same 一级) taken from the row above,
    /// as merged or filled-down cells mean.
    fn filled(self, above: &IndKey<'r>) -> IndKey<'r> {
        let [mut cat, mut sub, name] = self.0;
        if cat.is_empty() {
            cat = above.0[0];
        }
        if sub.is_empty() && cat == above.0[0] {
            sub = above.0[1];
        }
        IndKey([cat, sub, name])
    }
}

/// A long CSV's 原始指标值 read with the value grammar, the 指标性质 and
/// 度量单位 columns giving what it leaves out, as they do for any 指标值
/// ([`grammar::parse_target_parts`]: a row layout's bare `90` with `≥` and
/// `%`). The magnitude and 余/多 it states itself are taken off the front of
/// 度量单位 first, where the writer repeats them (`2万` | `万人次` → `人次`).
fn read_as_written(raw: &str, op: Option<&str>, unit: Option<&str>) -> grammar::ParsedValue {
    let stated = grammar::parse_value(raw);
    let unit = match (stated.target.quantity(), unit) {
        (Some(q), Some(u)) => {
            let u = q
                .magnitude
                .and_then(|m| u.strip_prefix(m.as_str()))
                .unwrap_or(u);
            let u = q
                .approx
                .and_then(jixiao_core::model::Approx::more_str)
                .and_then(|a| u.strip_prefix(a))
                .unwrap_or(u);
            non_blank(u)
        }
        (_, u) => u,
    };
    if op.is_none() && unit.is_none() {
        return stated;
    }
    grammar::parse_target_parts(op, raw, unit)
}

/// Whether two readings of a value say the same: the same kind of target,
/// and for a quantity the same comparator, number(s), unit, magnitude and
/// "more than" (余/多). `左右`, a bracketed note, the label and how the
/// comparator was spelt are what only the value as written carries.
fn same_reading(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (Target::Quantitative(x), Target::Quantitative(y)) => {
            let more =
                |q: &jixiao_core::Quantity| q.approx.and_then(jixiao_core::model::Approx::more_str);
            x.op == y.op
                && x.value == y.value
                && x.value_hi == y.value_hi
                && x.unit == y.unit
                && x.magnitude == y.magnitude
                && more(x) == more(y)
        }
        (Target::Qualitative { text: x }, Target::Qualitative { text: y }) => x == y,
        (Target::Graded(x), Target::Graded(y)) => x == y,
        (Target::Missing, Target::Missing) => true,
        _ => false,
    }
}

/// A long CSV row whose 原始指标值 says another value than its structured
/// columns (edited in a spreadsheet): the columns were read.
fn raw_value_differs(r: u32, c: u32, raw: &str, read: &Target) -> Notice {
    let raw: String = raw.trim().chars().take(40).collect();
    let shown = match read {
        Target::Missing => Text::new("（空白）", "(blank)"),
        t => Text::same(t.to_string()),
    };
    Notice::new(
        Some(Origin::new(r, c)),
        "raw-value-differs",
        format!(
            "第{r}行第{c}列：原始指标值「{raw}」与指标性质、指标值、度量单位所写的「{}」不一致，按后者读入",
            shown.zh
        ),
        format!(
            "row {r}, column {c}: the value as written (原始指标值) “{raw}” disagrees with “{}” in the \
             指标性质, 指标值 and 度量单位 columns; those columns were read",
            shown.en
        ),
    )
}

/// Whether a row's goal and 绩效指标 texts (`goal`, `cell`; the row has no
/// name and no money) are the rest of project `p`'s cells: each text the row
/// holds continues a cell the project has, and a 绩效指标 text does not open
/// a list of its own (`1-产出指标：…`, a project whose name is missing).
fn continues_cells(p: &Project, goal: Option<&str>, cell: Option<&str>) -> bool {
    if goal.is_none() && cell.is_none() {
        return false;
    }
    let goal_ok = goal.is_none() || p.goal.is_some();
    let cell_ok = cell.is_none_or(|c| {
        p.indicator_cell.is_some() && {
            let parsed = jixiao_core::grammar::parse_cell(c.trim_start(), Origin::new(1, 1));
            parsed
                .indicators
                .first()
                .is_none_or(|i| i.seq != Some(1) || i.span.is_some_and(|s| s.start > 0))
        }
    });
    goal_ok && cell_ok
}
