//! Arithmetic rules (GUIDE §4.2): `sum-mismatch.row|unit|total`, `sum-rounding`,
//! and the plausibility of the money scale (`money-scale-suspect`, §4.1 #5;
//! one project in 元 among 万元 amounts, `money-scale-project`).
//!
//! Exact decimals; tolerance = half a unit of the last printed decimal of the
//! compared amounts; a difference within `n ×` that bound (n summands) is the
//! info `sum-rounding`, beyond it an error. Blank counts as 0; a table without
//! a 总计 column states no totals, and one whose funding-source columns are
//! blank on every row states no sources, so neither has its rows' identity
//! checked.

use super::id;
use super::{column, Location, Message, Sink};
use crate::model::{AmountRow, Funding, FundingColumn, Origin, Table};
use crate::money::{from_wan, half_unit};
use rust_decimal::Decimal;

pub(super) fn check(s: &mut Sink<'_>) {
    let suspect = s.on(id!("money-scale-suspect"));
    let project = s.on(id!("money-scale-project"));
    if suspect || project {
        let mut amounts: Vec<Decimal> = s
            .table
            .projects()
            .filter_map(|p| p.funding.amount())
            .filter(|a| *a > Decimal::ZERO)
            .collect();
        // A median of two is no "usual" amount.
        if amounts.len() >= 3 {
            let median = median(&mut amounts);
            if suspect {
                money_scale(s, median, None);
            }
            if project {
                project_scale(s, &amounts, median);
            }
        } else if suspect && !s.table.money_scale_stated {
            // One or two projects (a 申报表 form) under a scale nobody
            // printed: their own amounts are all the evidence there is.
            let t = s.table;
            let largest = t
                .projects()
                .enumerate()
                .filter_map(|(at, p)| Some((p.funding.amount()?, at, p)))
                .max_by_key(|(a, ..)| *a);
            if let Some((amount, at, p)) = largest {
                let loc = amount_loc(
                    t,
                    p.origin,
                    p.amount_origins.as_deref(),
                    FundingColumn::Total,
                    Some(at as u32),
                );
                money_scale(s, amount, Some(loc));
            }
        }
    }
    costs_refute(s);
    let t = s.table;
    let rows = all_rows(t);
    // Funding-source columns that no row fills state no sources (the reader
    // says so: `source-columns-blank`): a blank is 0 only beside a filled one.
    let has_parts = rows.iter().any(|(_, f, _, _)| f.parts_sum().is_some());

    negative(s, &rows);

    let unreadable = Unreadable::of(t);
    // Project rows whose total and sources disagree, with the difference: a
    // unit's or the 合计's mismatch by the same amount most likely follows
    // from it. Found only when some sum above disagrees (most tables
    // balance: no second pass over their projects).
    let slips_found: std::cell::OnceCell<Vec<(u32, Decimal)>> = std::cell::OnceCell::new();
    let row_slips = || {
        slips_found.get_or_init(|| {
            rows.iter()
                .filter(|&&(o, _, project, _)| project.is_some() && !unreadable.row(o.row))
                .filter_map(|&(o, f, _, _)| Some((o.row, row_diff(f)?)))
                .collect()
        })
    };
    // Row identity: 总计 = 财政拨款 + 财政专户拨款 + 其他资金. Without a 总计
    // column no total is stated (the reader says so: `total-column-missing`),
    // so there is nothing to compare the sources with.
    if has_parts && !t.lacks_total_column() {
        let (sources_zh, sources_en) = sources_named(t);
        // A unit row's own projects' rows.
        let own_rows = |row: u32| {
            t.units
                .iter()
                .find(|u| u.stated.as_ref().is_some_and(|s| s.origin.row == row))
                .map(project_rows)
        };
        for &(origin, f, project, at) in &rows {
            if unreadable.row(origin.row) {
                continue;
            }
            // A form's 年度资金总额 stands in a cell of its own, not on the name's row.
            let total_at = at.and_then(|a| a[0]);
            let parts_sum = f.parts_sum();
            if f.total.is_none() && parts_sum.is_none() {
                continue;
            }
            let parts = [f.fiscal_appropriation, f.special_account, f.other_funds];
            let sum = parts_sum.unwrap_or_default();
            let stated = f.total_or_zero();
            let n = parts.iter().filter(|p| p.is_some()).count().max(1) as u32;
            let d = decimals(parts.iter().copied().chain([f.total]));
            // A unit's or the 合计's row: the project row it was summed from.
            let slip = match (project, row_diff(f)) {
                (None, Some(diff)) => {
                    let within = own_rows(origin.row);
                    row_slips()
                        .iter()
                        .find(|(r, d)| *d == diff && within.as_ref().is_none_or(|w| w.contains(r)))
                        .map(|(r, _)| *r)
                }
                _ => None,
            };
            compare(
                s,
                id!("sum-mismatch.row"),
                (origin.row, total_at),
                FundingColumn::Total,
                f.total,
                stated,
                sum,
                n,
                d,
                project,
                "总计",
                &sources_zh,
                &sources_en,
                slip.map(Cause::RowSlip),
            );
        }
    }

    // Unit rows against their projects.
    for u in &t.units {
        let Some(stated) = &u.stated else { continue };
        let sum = Funding::sum(u.projects.iter().map(|p| &p.funding));
        let n = u.projects.len().max(1) as u32;
        let rows =
            || std::iter::once(stated.origin.row).chain(u.projects.iter().map(|p| p.origin.row));
        let own_rows = project_rows(u);
        let slips = || -> Vec<(u32, Decimal)> {
            row_slips()
                .iter()
                .copied()
                .filter(|(r, _)| own_rows.contains(r))
                .collect()
        };
        check_columns(
            s,
            id!("sum-mismatch.unit"),
            stated,
            &sum,
            n,
            ("其下各项目", "its projects"),
            |col| unreadable.any_in(t, rows(), col),
            slips,
            || {
                u.projects
                    .iter()
                    .map(|p| (p.origin.row, p.funding))
                    .collect()
            },
        );
    }

    // 合计 against the unit rows (or the projects when there are none).
    if let Some(gt) = &t.grand_total {
        // The summed rows (amounts and where they stand), collected once.
        let stated_units: Vec<&AmountRow> =
            t.units.iter().filter_map(|u| u.stated.as_ref()).collect();
        let by_units = !stated_units.is_empty() && stated_units.len() == t.units.len();
        let (summed, what_zh, what_en): (Vec<(&Funding, u32)>, _, _) = if by_units {
            let rows = stated_units.iter().map(|r| (&r.funding, r.origin.row));
            (rows.collect(), "各单位", "the units")
        } else {
            let rows = t.projects().map(|p| (&p.funding, p.origin.row));
            (rows.collect(), "各项目", "the projects")
        };
        let sum = Funding::sum(summed.iter().map(|(f, _)| *f));
        let n = summed.len();
        let rows = || std::iter::once(gt.origin.row).chain(summed.iter().map(|(_, r)| *r));
        check_columns(
            s,
            id!("sum-mismatch.total"),
            gt,
            &sum,
            n.max(1) as u32,
            (what_zh, what_en),
            |col| unreadable.any_in(t, rows(), col),
            // The rows it sums, each against its own sources.
            || {
                summed
                    .iter()
                    .filter(|(_, r)| !unreadable.row(*r))
                    .filter_map(|(f, r)| Some((*r, row_diff(f)?)))
                    .collect()
            },
            || summed.iter().map(|(f, r)| (*r, **f)).collect(),
        );
    }
}

/// Where amount `col` of a row stands: its own cell (a form's amounts stand
/// apart from the name's row), else the row's cell in the column's header.
fn amount_loc(
    t: &Table,
    origin: Origin,
    cells: AmountCells<'_>,
    col: FundingColumn,
    project: Option<u32>,
) -> Location {
    // The cells are in the order of the columns (`Funding::columns`).
    let cell = cells.and_then(|a| a.get(col as usize).copied().flatten());
    Location {
        row: Some(cell.map_or(origin.row, |o| o.row)),
        col: Some(cell.map_or_else(|| column(t, col.field()), |o| o.col)),
        span: None,
        project,
        indicator: None,
    }
}

/// amount-negative: a budget amount below zero, at its cell.
fn negative(s: &mut Sink<'_>, rows: &[(Origin, &Funding, Option<u32>, AmountCells<'_>)]) {
    let scale = s.table.money_scale;
    for &(origin, f, project, at) in rows {
        for (col, value) in f.columns() {
            let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) else {
                continue;
            };
            let loc = amount_loc(s.table, origin, at, col, project);
            let printed = from_wan(v, scale);
            let unit = scale.label();
            s.emit(id!("amount-negative"), || {
                (
                    loc,
                    Message::owned(
                        format!("{} {printed}{unit} 是负数", col.label()),
                        format!("{} {printed} {unit} is negative", col_en(col)),
                    ),
                )
            });
        }
    }
}

/// Amount cells the reader could not read (`amount-unparseable`): the finding
/// at the cell says it, and a sum over the blank read in its place would only
/// repeat it, on the cell's row and on every total above it.
struct Unreadable {
    /// (row, column), sorted: a garbled amount column can give one per row.
    cells: Vec<(u32, u32)>,
}

impl Unreadable {
    fn of(t: &Table) -> Self {
        let mut cells: Vec<(u32, u32)> = t
            .notices
            .iter()
            .filter(|n| n.code == super::catalogue::AMOUNT_UNPARSEABLE)
            .filter_map(|n| n.origin.map(|o| (o.row, o.col)))
            .collect();
        cells.sort_unstable();
        Unreadable { cells }
    }

    /// Whether an amount of `row` is unreadable.
    fn row(&self, row: u32) -> bool {
        let k = self.cells.partition_point(|c| c.0 < row);
        self.cells.get(k).is_some_and(|c| c.0 == row)
    }

    /// Whether the amount in column `col` is unreadable on any of `rows`.
    fn any_in(&self, t: &Table, mut rows: impl Iterator<Item = u32>, col: FundingColumn) -> bool {
        if self.cells.is_empty() {
            return false;
        }
        let c = column(t, col.field());
        rows.any(|r| self.cells.binary_search(&(r, c)).is_ok())
    }
}

/// The cells of a row's amounts when they are not on its row (a form's).
type AmountCells<'t> = Option<&'t [Option<Origin>; 4]>;

/// Every amount row (合计, unit rows, projects) with its origin, in source
/// order, and its amounts' own cells where they have them.
fn all_rows(t: &Table) -> Vec<(Origin, &Funding, Option<u32>, AmountCells<'_>)> {
    let mut rows = Vec::new();
    if let Some(r) = &t.grand_total {
        rows.push((r.origin, &r.funding, None, None));
    }
    let mut index = 0usize;
    for u in &t.units {
        if let Some(r) = &u.stated {
            rows.push((r.origin, &r.funding, None, None));
        }
        for p in &u.projects {
            rows.push((
                p.origin,
                &p.funding,
                Some(index as u32),
                p.amount_origins.as_deref(),
            ));
            index += 1;
        }
    }
    rows
}

/// The funding sources the table has, as the row check names them
/// (`财政拨款 + 其他资金` for a form without 财政专户拨款): the header's
/// source columns, else the sources a form states, else all three.
fn sources_named(t: &Table) -> (String, String) {
    use crate::model::Field;
    const SOURCES: [(Field, &str, &str); 3] = [
        (
            Field::FiscalAppropriation,
            "财政拨款",
            "fiscal appropriation",
        ),
        (Field::SpecialAccount, "财政专户拨款", "special account"),
        (Field::OtherFunds, "其他资金", "other funds"),
    ];
    let by_columns: Vec<usize> = (0..3)
        .filter(|&k| {
            SOURCES
                .get(k)
                .is_some_and(|(f, _, _)| t.column_of(*f).is_some())
        })
        .collect();
    let by_form: Vec<usize> = (0..3)
        .filter(|&k| {
            t.projects().any(|p| {
                p.amount_origins
                    .as_deref()
                    .is_some_and(|a| a.get(k + 1).is_some_and(Option::is_some))
            })
        })
        .collect();
    let have = if !by_columns.is_empty() {
        by_columns
    } else if !by_form.is_empty() {
        by_form
    } else {
        vec![0, 1, 2]
    };
    if have.len() == 3 {
        return (
            "财政拨款 + 财政专户拨款 + 其他资金".to_string(),
            "the funding sources".to_string(),
        );
    }
    let zh: Vec<&str> = have
        .iter()
        .filter_map(|&k| SOURCES.get(k).map(|s| s.1))
        .collect();
    let en: Vec<&str> = have
        .iter()
        .filter_map(|&k| SOURCES.get(k).map(|s| s.2))
        .collect();
    (zh.join(" + "), en.join(" and "))
}

#[allow(clippy::too_many_arguments)]
fn check_columns(
    s: &mut Sink<'_>,
    id: super::RuleId,
    stated: &AmountRow,
    sum: &Funding,
    n: u32,
    (what_zh, what_en): (&str, &str),
    unreadable: impl Fn(FundingColumn) -> bool,
    slips: impl Fn() -> Vec<(u32, Decimal)>,
    summed: impl Fn() -> Vec<(u32, Funding)>,
) {
    for (col, value) in stated.funding.columns() {
        if unreadable(col) {
            continue;
        }
        let computed = sum
            .columns()
            .iter()
            .find(|(c, _)| *c == col)
            .and_then(|(_, v)| *v);
        if value.is_none() && computed.is_none() {
            continue;
        }
        let d = decimals([value, computed]);
        let diff = value
            .unwrap_or_default()
            .saturating_sub(computed.unwrap_or_default());
        // The first summed row whose own total and sources differ by as much,
        // the way that explains this gap (looked for only past rounding): a
        // total typed too high there leaves this total short of the sum
        // (the signs differ); a source typed too high there leaves its own
        // total short of its sources and this source short of the sum alike.
        let want = if col == FundingColumn::Total {
            -diff
        } else {
            diff
        };
        let past_rounding = diff.abs() > half_unit(d).saturating_mul(Decimal::from(n));
        let slip = past_rounding
            .then(|| slips().iter().find(|(_, x)| *x == want).map(|(r, _)| *r))
            .flatten()
            .map(Cause::RowSlip)
            .or_else(|| {
                past_rounding
                    .then(|| decimal_point(&summed(), col, -diff))
                    .flatten()
            });
        compare(
            s,
            id,
            (stated.origin.row, None),
            col,
            value,
            value.unwrap_or_default(),
            computed.unwrap_or_default(),
            n,
            d,
            None,
            col.label(),
            what_zh,
            what_en,
            slip,
        );
    }
}

/// The rows of a unit's projects.
fn project_rows(u: &crate::model::Unit) -> Vec<u32> {
    u.projects.iter().map(|p| p.origin.row).collect()
}

/// How far a row's total is from its sources, past the rounding of its
/// summands; `None` when they agree or it has no sources.
fn row_diff(f: &Funding) -> Option<Decimal> {
    let parts = [f.fiscal_appropriation, f.special_account, f.other_funds];
    let n = parts.iter().filter(|p| p.is_some()).count().max(1) as u32;
    let d = decimals(parts.iter().copied().chain([f.total]));
    // Signed: a slip summed upwards moves every sum above it the same way.
    let diff = f.total_or_zero().saturating_sub(f.parts_sum()?);
    (diff.abs() > half_unit(d).saturating_mul(Decimal::from(n))).then_some(diff)
}

/// Largest number of printed decimals among the amounts (2 when none).
fn decimals(values: impl IntoIterator<Item = Option<Decimal>>) -> u32 {
    values
        .into_iter()
        .flatten()
        .map(|v| v.scale())
        .max()
        .unwrap_or(2)
}

#[allow(clippy::too_many_arguments)]
fn compare(
    s: &mut Sink<'_>,
    id: super::RuleId,
    (row, cell_at): (u32, Option<Origin>),
    col: FundingColumn,
    cell: Option<Decimal>,
    stated: Decimal,
    computed: Decimal,
    n: u32,
    decimals: u32,
    project: Option<u32>,
    col_zh: &str,
    what_zh: &str,
    what_en: &str,
    slip: Option<Cause>,
) {
    let diff = stated.saturating_sub(computed).abs();
    let tol = half_unit(decimals);
    if diff <= tol {
        return;
    }
    // The whole cell: the model holds the amount, not the text as written
    // (`1,580,100.00`), so no span inside it can be given.
    let loc = Location {
        row: Some(cell_at.map_or(row, |o| o.row)),
        col: Some(cell_at.map_or_else(|| column(s.table, col.field()), |o| o.col)),
        span: None,
        project,
        indicator: None,
    };
    // In the scale the table printed (元 tables: 元, not the 万元 the model
    // holds), with at least the compared amounts' decimals (a sum over no
    // project is 0.00 beside 20.00, not 0).
    let scale = s.table.money_scale;
    let shift = match scale {
        crate::model::MoneyScale::WanYuan => 0,
        crate::model::MoneyScale::Yuan => 4,
    };
    let places = decimals.saturating_sub(shift).min(28);
    let printed = |d: Decimal| {
        let mut d = from_wan(d, scale);
        if d.scale() < places {
            d.rescale(places);
        }
        d
    };
    let (stated_txt, stated_en) = match cell {
        Some(v) => {
            let text = printed(v).to_string();
            (text.clone(), text)
        }
        None => ("空白".to_string(), "blank".to_string()),
    };
    let within_rounding = diff <= tol * Decimal::from(n);
    let (computed, diff) = (printed(computed), printed(diff));
    if within_rounding {
        s.emit(id!("sum-rounding"), || (loc, Message::owned(format!(
                "{col_zh} {stated_txt} 与{what_zh}之和 {computed} 相差 {diff}，在 {n} 个加数的四舍五入误差内"
            ), format!(
                "{} {stated_en} differs from the sum of {what_en} {computed} by {diff}, within rounding of {n} summands",
                col_en(col)
            ))));
    } else {
        // One slip shows in every sum above it: say where it most likely is.
        let (cause_zh, cause_en) = match slip {
            Some(Cause::RowSlip(r)) => (
                format!("；第{r}行的总计与其资金来源也相差 {diff}，可能同出于该行的笔误"),
                format!("; row {r}'s total and sources differ by the same {diff}: most likely one slip there"),
            ),
            Some(Cause::DecimalPoint {
                row,
                written,
                meant,
                places,
            }) => {
                // Four places: 万元 and 元 mixed up as often as a point moved.
                let scale_off = places == 4;
                let (written, meant) = (printed(written), printed(meant));
                let (why_zh, why_en) = if scale_off {
                    ("可能按另一金额单位填写（万元与元相差 10000 倍）", "most likely written in the other money unit (万元 and 元 are 10 000 apart)")
                } else {
                    ("可能是小数点错位", "most likely a decimal point moved")
                };
                (
                    format!("；差额正是第{row}行的{col_zh} {written} 与 {meant} 之差，{why_zh}（{meant} 写成了 {written}）"),
                    format!("; the difference is exactly row {row}'s {} {written} against {meant}: {why_en} ({meant} written as {written})", col_en(col)),
                )
            }
            None => (String::new(), String::new()),
        };
        s.emit(id, || {
            (
                loc,
                Message::owned(
                    format!("{col_zh} {stated_txt} ≠ {what_zh}之和 {computed}（相差 {diff}）{cause_zh}"),
                    format!(
                        "{} {stated_en} ≠ sum of {what_en} {computed} (difference {diff}){cause_en}",
                        col_en(col)
                    ),
                ),
            )
        });
    }
}

/// What most likely caused a sum's mismatch, said with it.
#[derive(Debug, Clone, Copy)]
enum Cause {
    /// A summed row whose own total and sources differ by as much.
    RowSlip(u32),
    /// A summed row's amount `written` with its decimal point `places` (one
    /// to four) off the `meant` that makes the sum agree (`7500.00` for
    /// `75.00`: two).
    DecimalPoint {
        row: u32,
        written: Decimal,
        meant: Decimal,
        places: u32,
    },
}

/// The one summed row (`rows`: row and amounts) whose amount in `col`, with
/// its decimal point moved one to four places, makes the sum `excess` less
/// (the sum minus the stated amount): a `7500.00` for `75.00` leaves the sum
/// 7425.00 over. `None` when no row, or more than one, explains it so.
fn decimal_point(rows: &[(u32, Funding)], col: FundingColumn, excess: Decimal) -> Option<Cause> {
    let mut found = None;
    for (row, f) in rows {
        let Some(v) = f
            .columns()
            .iter()
            .find(|(c, _)| *c == col)
            .and_then(|(_, v)| *v)
        else {
            continue;
        };
        if v.is_zero() {
            continue;
        }
        for k in 1..=4u32 {
            let factor = Decimal::from(10i64.pow(k));
            let meant = if excess.is_sign_positive() {
                v.checked_div(factor)
            } else {
                v.checked_mul(factor)
            };
            let Some(meant) = meant else { continue };
            if v.checked_sub(meant) == Some(excess) {
                if found.is_some() {
                    return None;
                }
                found = Some(Cause::DecimalPoint {
                    row: *row,
                    written: v,
                    meant,
                    places: k,
                });
            }
        }
    }
    found
}

fn col_en(c: FundingColumn) -> &'static str {
    match c {
        FundingColumn::Total => "total",
        FundingColumn::FiscalAppropriation => "fiscal appropriation",
        FundingColumn::SpecialAccount => "special account",
        FundingColumn::OtherFunds => "other funds",
    }
}

/// Under 万元 a median project above this many 万元 (5亿) suggests amounts typed in 元.
const WAN_MEDIAN_MAX: i64 = 50_000;
/// Under 元 a median project below this many 元 suggests amounts typed in 万元.
const YUAN_MEDIAN_MIN: i64 = 1_000;

/// The median of `v` (not empty), reordering it: the middle value, or the
/// mean of the two middle values of an even count. Linear: the lower
/// middle value is the largest of the half below the upper one.
fn median(v: &mut [Decimal]) -> Decimal {
    let (mid, odd) = (v.len() / 2, v.len() % 2 == 1);
    let (below, upper, _) = v.select_nth_unstable(mid);
    let upper = *upper;
    if odd {
        return upper;
    }
    match below.iter().max() {
        Some(lower) => lower.checked_add(upper).map_or_else(
            || *lower / Decimal::TWO + upper / Decimal::TWO,
            |sum| sum / Decimal::TWO,
        ),
        None => upper,
    }
}

/// `money-scale-suspect`: the printed (or assumed) scale against the median
/// (positive) project amount, or against the largest of one or two
/// projects, at its cell (`project`).
fn money_scale(s: &mut Sink<'_>, median: Decimal, project: Option<Location>) {
    let is_median = project.is_none();
    let t = s.table;
    // The model holds 万元; judge in the scale the table printed.
    let (printed, suspect) = match t.money_scale {
        crate::model::MoneyScale::WanYuan => (median, median > Decimal::from(WAN_MEDIAN_MAX)),
        crate::model::MoneyScale::Yuan => {
            let yuan = median * Decimal::from(10_000);
            (yuan, yuan < Decimal::from(YUAN_MEDIAN_MIN))
        }
    };
    // The table's own cost indicators can settle it (a provincial table's
    // median of 18亿 is no mistake when its ≤30万元/公里 × 6000公里 agree).
    if !suspect || t.projects().any(super::content::cost_bears_out_amount) {
        return;
    }
    let scale = t.money_scale.label();
    let other = match t.money_scale {
        crate::model::MoneyScale::WanYuan => "元",
        crate::model::MoneyScale::Yuan => "万元",
    };
    let stated = if t.money_scale_stated {
        "注明"
    } else {
        "推定"
    };
    let row = t.header_row.unwrap_or(1);
    let loc = project.unwrap_or_else(|| Location {
        row: Some(row),
        col: Some(column(t, crate::model::Field::Total)),
        ..Location::default()
    });
    let printed = printed.normalize();
    let (what_zh, what_en) = if is_median {
        ("项目金额中位数", "the median project amount")
    } else {
        ("项目金额", "the project amount")
    };
    s.emit(id!("money-scale-suspect"), || {
        (
            loc,
            Message::owned(format!("表中{stated}的金额单位为{scale}，但{what_zh}为 {printed} {scale}，金额可能是按{other}填写的"),
            format!("the table's money scale is {scale} ({}), but {what_en} is {printed} {scale}: the amounts may be in {other}", if t.money_scale_stated { "printed" } else { "assumed" })),
        )
    });
}

/// `money-scale-project` from a project's own cost indicators: the money
/// they put on it agrees with its amount read in the other scale (a 万元
/// table's 600000.00 against `=1500元/人·学期` × `400人次`, 60 万元; a 元
/// table's 360.00 against `≤8万元/人` × `45人`, 360 万元). The totals above
/// such a project usually follow it, so no sum gives it away.
fn costs_refute(s: &mut Sink<'_>) {
    if !s.on(id!("money-scale-project")) {
        return;
    }
    let t = s.table;
    let scale = t.money_scale;
    let mut found = Vec::new();
    for (at, p) in t.projects().enumerate() {
        let Some(e) = super::content::cost_refutes_amount(p, scale) else {
            continue;
        };
        let loc = amount_loc(
            t,
            p.origin,
            p.amount_origins.as_deref(),
            FundingColumn::Total,
            Some(at as u32),
        );
        let amount = p
            .funding
            .amount()
            .map(|a| from_wan(a, scale))
            .unwrap_or_default();
        let estimate = crate::money::wan_for_message(e.estimate);
        let cost = format!("「{}」{}", e.cost.name, e.cost.raw_value.trim());
        let (basis_zh, basis_en) = match e.count {
            Some(c) => (
                format!("{cost} × 「{}」{}", c.name, c.raw_value.trim()),
                format!("{cost} × “{}” {}", c.name, c.raw_value.trim()),
            ),
            None => (cost.clone(), cost),
        };
        let (basis_zh, basis_en) = match e.times {
            12 => (
                format!("{basis_zh} × 12个月"),
                format!("{basis_en} × 12 months"),
            ),
            4 => (
                format!("{basis_zh} × 4个季度"),
                format!("{basis_en} × 4 quarters"),
            ),
            _ => (basis_zh, basis_en),
        };
        let (unit, typed, typed_en) = match scale {
            crate::model::MoneyScale::WanYuan => ("万元", "元", "元"),
            crate::model::MoneyScale::Yuan => ("元", "万元", "万元"),
        };
        found.push((
            loc,
            Message::owned(
                format!("项目金额 {amount} {unit} 与其成本指标相差约一万倍：按 {basis_zh} 约 {estimate} 万元；金额疑似按{typed}填写（或成本指标的单位有误）"),
                format!("the amount {amount} {unit} is about 10 000 times off its cost indicators: {basis_en} gives about {estimate} 万元; the amount looks typed in {typed_en} (or a cost's unit is wrong)"),
            ),
        ));
    }
    for (loc, m) in found {
        s.emit(id!("money-scale-project"), || (loc, m));
    }
}

/// The projects' amounts summed, `None` when the sum overflows.
fn amount_sum<'a>(ps: impl Iterator<Item = &'a crate::model::Project>) -> Option<Decimal> {
    ps.filter_map(|q| q.funding.amount())
        .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
}

/// What backs a `money-scale-project` suspicion besides the ratio.
enum ScaleEvidence {
    /// The containing row (unit, or 合计: `true`) adds up with the amount read as 元.
    AddsUpAsYuan(Decimal, bool),
    /// The amount exceeds the containing row's total (unit, or 合计: `true`).
    ExceedsTotal(Decimal, bool),
    /// No unit or total row contains it: the spread of enough projects.
    Spread,
}

/// `money-scale-project`: one project of a 万元 table whose amount is about
/// 10 000 times the others', typed in 元 (35000.00 among 10–500 万元).
///
/// Suspected when the amount is at least `project_scale_ratio` times the
/// median project amount and, divided by 10 000, lies within the other
/// projects' range (from a tenth of the smallest to the largest); reported
/// only with evidence ([`ScaleEvidence`]): never when the row containing it
/// adds up with the amount in 万元 (a large project is not an error); with no
/// such row, only at ten times the ratio among `project_scale_min_projects`
/// projects.
fn project_scale(s: &mut Sink<'_>, amounts: &[Decimal], median: Decimal) {
    let t = s.table;
    if t.money_scale != crate::model::MoneyScale::WanYuan {
        return;
    }
    let th = &s.profile.thresholds;
    let Some(bar) = median.checked_mul(th.project_scale_ratio) else {
        return;
    };
    let suspect = |a: Decimal| a >= bar;
    let n_suspect = amounts.iter().filter(|a| suspect(**a)).count();
    // one project (or a few among many) stands out, not a part of the table
    // (one alone is judged on its evidence, in a unit of three projects too)
    if n_suspect == 0 || (n_suspect > 1 && n_suspect * 4 > amounts.len() - 1) {
        return;
    }
    let (mut lo, mut hi) = (Decimal::MAX, Decimal::ZERO);
    for a in amounts.iter().filter(|a| !suspect(**a)) {
        lo = lo.min(*a);
        hi = hi.max(*a);
    }
    let wan = Decimal::from(10_000);
    let by_units = t.units.iter().any(|u| u.stated.is_some());
    let mut all_sum: Option<(Option<Decimal>, usize)> = None;
    let mut found = Vec::new();
    let mut index = 0u32;
    for u in &t.units {
        let mut unit_sum: Option<Option<Decimal>> = None;
        for p in &u.projects {
            let at = index;
            index += 1;
            let Some(a) = p.funding.amount().filter(|a| suspect(*a)) else {
                continue;
            };
            let as_wan = a / wan;
            if !(as_wan * Decimal::TEN >= lo && as_wan <= hi) {
                continue;
            }
            // The project's own words bear the amount out in 万元: its goal
            // (`安排资金25亿元`) or its cost indicators.
            if super::content::goal_states_amount(p) || super::content::cost_bears_out_amount(p) {
                continue;
            }
            // Refuted by its own cost indicators: reported as such (costs_refute).
            if super::content::cost_refutes_amount(p, t.money_scale).is_some() {
                continue;
            }
            // The row that contains the project: its unit's, else the 合计
            // over all projects (when no unit has a row of its own); the
            // sums of amounts are taken once (None when they overflow).
            let containing: Option<(Decimal, Decimal, usize, bool)> = match &u.stated {
                Some(r) => r.funding.amount().and_then(|total| {
                    let sum = *unit_sum.get_or_insert_with(|| amount_sum(u.projects.iter()));
                    let others = sum?.checked_sub(a)?;
                    Some((total, others, u.projects.len(), false))
                }),
                None if !by_units => t.grand_total.as_ref().and_then(|g| {
                    let total = g.funding.amount()?;
                    let (sum, n) = *all_sum
                        .get_or_insert_with(|| (amount_sum(t.projects()), t.projects().count()));
                    Some((total, sum?.checked_sub(a)?, n, true))
                }),
                None => None,
            };
            let evidence = match containing {
                Some((total, others, n, grand)) => {
                    let d = decimals([Some(total), Some(a)]).max(2);
                    let tol = half_unit(d) * Decimal::from(n.max(1) as u64 + 1);
                    let off = |x: Decimal| {
                        others
                            .checked_add(x)
                            .and_then(|sum| total.checked_sub(sum))
                            .map(|diff| diff.abs())
                    };
                    if off(a).is_none_or(|diff| diff <= tol) {
                        continue;
                    } else if off(as_wan).is_some_and(|diff| diff <= tol) {
                        ScaleEvidence::AddsUpAsYuan(total, grand)
                    } else if a > total {
                        ScaleEvidence::ExceedsTotal(total, grand)
                    } else {
                        continue;
                    }
                }
                // statistics alone: ten times the ratio, among enough projects
                None if amounts.len() >= th.project_scale_min_projects as usize
                    && bar.checked_mul(Decimal::TEN).is_some_and(|b| a >= b) =>
                {
                    ScaleEvidence::Spread
                }
                None => continue,
            };
            let loc = amount_loc(
                t,
                p.origin,
                p.amount_origins.as_deref(),
                FundingColumn::Total,
                Some(at),
            );
            found.push((loc, a, as_wan, evidence));
        }
    }
    let median = median.normalize();
    for (loc, a, as_wan, evidence) in found {
        let times = a.checked_div(median).unwrap_or(Decimal::MAX).round();
        // 3.5000 → 3.50: the two decimals of the amounts
        let mut as_wan = as_wan.normalize();
        if as_wan.scale() < 2 {
            as_wan.rescale(2);
        }
        let row_of = |grand: bool| {
            if grand {
                ("合计行", "the 合计 row")
            } else {
                ("单位行", "its unit row")
            }
        };
        let (why_zh, why_en) = match evidence {
            ScaleEvidence::AddsUpAsYuan(total, grand) => {
                let (zh, en) = row_of(grand);
                (
                    format!("{zh} {total} 万元恰与按元换算后的金额相符"),
                    format!("{en} ({total} 万元) adds up with the amount read as 元"),
                )
            }
            ScaleEvidence::ExceedsTotal(total, grand) => {
                let (zh, en) = row_of(grand);
                (
                    format!("该金额超过了包含它的{zh} {total} 万元"),
                    format!("the amount exceeds {en} ({total} 万元)"),
                )
            }
            ScaleEvidence::Spread => (
                "表中其他项目金额均在此范围内".to_string(),
                "the other projects' amounts are all in that range".to_string(),
            ),
        };
        s.emit(id!("money-scale-project"), || {
            (
                loc,
                Message::owned(
                    format!("项目金额 {a} 万元是本表项目金额中位数 {median} 万元的 {times} 倍，按元计为 {as_wan} 万元；{why_zh}：金额多半是按元填写的"),
                    format!("the project amount {a} 万元 is {times} times the median project amount {median} 万元; read as 元 it is {as_wan} 万元, and {why_en}: the amount is probably in 元"),
                ),
            )
        });
    }
}
