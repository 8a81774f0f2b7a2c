//! Key–value forms (central 项目支出绩效目标申报表, GUIDE §3.1): one project per
//! form, its facts as `label | value` cells above a vertical indicator grid.
//! A department often stacks its forms in one sheet, one under another: each
//! is read as a project of its own (see [`read_all`]).
//!
//! ```text
//! 项目名称 | 某项目
//! 主管部门及代码 | 某部 | 实施单位 | 某中心
//! 项目资金（万元）| 年度资金总额： | 100 | 其中：财政拨款 | 80 | 其他资金 | 20
//! 总体目标 | 中长期目标 | 年度目标
//!          | …          | …
//! 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值
//! ```

use super::closing::is_closing_label;
use super::header::{normalize, Layout};
use super::hierarchy::{split_code, Item, UnitKey};
use super::preamble::Preamble;
use super::rows::Reader;
use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridRow};
use jixiao_core::Text;
use jixiao_core::{Field, Funding, MoneyScale, Notice, Origin, Project};
use rust_decimal::Decimal;

#[path = "form_money.rs"]
mod money;
use money::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Name,
    Department,
    Unit,
    Total,
    /// The total of a medium-term or multi-year money block printed beside
    /// the year's (`中期资金总额`, `中长期资金总额`, `中期（2024-2026年）资金总额`):
    /// its sources are not the year's.
    MultiYearTotal,
    Fiscal,
    Special,
    Other,
    /// 上年结转资金: a source of the year's total the model has no column for
    /// (see [`Form::project`]).
    CarryOver,
    AnnualGoal,
    OverallGoal,
    LongTermGoal,
    /// A group label such as `项目资金（万元）`: not a value, not a key with a value.
    Group,
}

impl Key {
    /// A funding source (carry-over counted among them).
    fn is_source(self) -> bool {
        matches!(
            self,
            Key::Fiscal | Key::Special | Key::Other | Key::CarryOver
        )
    }

    /// A money label: a total (the year's or another block's) or a source.
    fn is_money(self) -> bool {
        matches!(
            self,
            Key::Total
                | Key::MultiYearTotal
                | Key::Fiscal
                | Key::Special
                | Key::Other
                | Key::CarryOver
        )
    }
}

fn key_of(text: &str) -> Option<Key> {
    let n = normalize(text);
    let n = n.trim_end_matches(':');
    let n = n
        .strip_prefix("其中:")
        .or_else(|| n.strip_prefix("其中"))
        .unwrap_or(n);
    // A unit after a slash (`资金总额/元`) is the label's scale, read apart.
    let n = ["/万元", "/元"]
        .iter()
        .find_map(|u| n.strip_suffix(u))
        .unwrap_or(n);
    let k = match n {
        "项目名称" => Key::Name,
        "主管部门" | "主管部门及代码" | "部门名称" | "预算部门" | "业务主管部门"
        // Hubei 黄石 批复表 (GUIDE §3.3).
        | "项目主管部门" => Key::Department,
        "实施单位" | "项目实施单位" | "单位名称" | "资金使用单位" => Key::Unit,
        "年度资金总额"
        | "资金总额"
        | "项目资金总额"
        | "年度资金总额(万元)"
        | "总额"
        | "项目预算总额"
        // Chongqing 审批表 (GUIDE §3.4): the year's budget.
        | "当年年度预算"
        // Hubei 黄石 批复表 (GUIDE §3.3): `项目金额 | 其中:当年市级财政资金`.
        | "项目金额" => Key::Total,
        "财政拨款" | "当年财政拨款" | "财政资金" => Key::Fiscal,
        // The 批复表's own level of government's money this year.
        "当年市级财政资金" | "当年县级财政资金" | "当年区级财政资金" | "当年省级财政资金"
        | "当年本级财政资金" => Key::Fiscal,
        "财政专户拨款" | "财政专户管理资金" | "财政专户" | "财政专户资金" => {
            Key::Special
        }
        "其他资金" | "单位资金" => Key::Other,
        "年度目标" | "年度绩效目标" => Key::AnnualGoal,
        // Chongqing 审批表 (GUIDE §3.4): the year's goal.
        "年度主要目标和成果" | "年度主要目标" | "项目年度目标" => {
            Key::AnnualGoal
        }
        "总体目标" | "年度总体目标" | "绩效目标" => Key::OverallGoal,
        "中长期目标" | "长期目标" => Key::LongTermGoal,
        // Not a remark naming an amount (`含上年结转资金100万元`).
        _ if super::header::is_carry_over(n) && !names_amount(n) => Key::CarryOver,
        // Not `项目资金总额：1000.00`: a label with its value.
        _ if n.starts_with("项目资金") && !n.contains(':') => Key::Group,
        _ => return bare_key(n),
    };
    Some(k)
}

/// The first cell, in a row of amounts right under a row of labels, that
/// says another period than the form's year under a heading that is not a
/// project's duration or a remark ([`read`]'s period columns).
fn period_columns<'g, 'a>(
    rows: &'g [GridRow<'a>],
    year: Option<u16>,
) -> Option<(&'g GridRow<'a>, usize)> {
    rows.iter().enumerate().find_map(|(ri, r)| {
        if !has_key(r) {
            return None;
        }
        // The row of amounts right under the labels, or under a second
        // level of them (`资金总额 | 其中 | | 年度` over `| 财政拨款 | 其他资金 |`).
        let two_level = r.cells.iter().any(|x| !x.merged && sub_heading(&x.text));
        let below = if amounts_below(rows, ri) {
            rows.get(ri + 1)?
        } else if two_level && amounts_below(rows, ri + 1) {
            rows.get(ri + 2)?
        } else {
            return None;
        };
        below.cells.iter().enumerate().find_map(|(hc, x)| {
            let heading = r.cells.get(hc).filter(|h| !h.merged)?;
            let h = normalize(&heading.text);
            let bare = split_parens(&h).0;
            // Under such a heading anything but the form's year (`前年`,
            // `23年`, `2023.1-2023.12`, `2023`) is another period.
            let ascii = super::preamble::ascii_years(&normalize(&x.text)).into_owned();
            let t = ascii.trim();
            let other = match year_number(t) {
                Some(y) => Some(y) != year,
                None => {
                    !t.is_empty() && !plain_amount(t) && period_text_of_year(t, year) != Some(true)
                }
            };
            (!x.merged && period_heading(bare.trim_end_matches(':')) && other)
                .then_some((below, hc))
        })
    })
}

/// Whether `row` holds a form's 项目名称 with its value (`项目名称 | 某项目`,
/// `项目名称：某项目`).
pub(super) fn project_name_row(row: &GridRow<'_>) -> bool {
    row.cells.iter().enumerate().any(|(c, x)| {
        !x.merged
            && match inline_key(&x.text) {
                Some((Key::Name, v)) => !v.trim().is_empty(),
                _ => {
                    key_of(&x.text) == Some(Key::Name)
                        && row
                            .cells
                            .get(c + 1)
                            .is_some_and(|v| !v.merged && !v.text.trim().is_empty())
                }
            }
    })
}

/// A heading that says the money's period (`年度`, `所属年度`, `执行年度`,
/// `资金期间`, `所属期`), not a date of the project (`立项年度`, `开工年份`,
/// `填报日期`); normalised, its brackets and colon taken off.
fn period_heading(h: &str) -> bool {
    const PROJECT_DATES: [&str; 8] = [
        "立项", "开工", "竣工", "填报", "开始", "结束", "完成", "建设",
    ];
    PERIOD_ENDS.iter().any(|e| h.ends_with(e)) && !PROJECT_DATES.iter().any(|w| h.contains(w))
}

/// How the words for a money's period end.
const PERIOD_ENDS: [&str; 4] = ["年度", "年份", "期间", "所属期"];

/// A label that only says the money's period (`年度`, `所属年度`,
/// `资金年度`, `所属期`), not a heading naming a period itself (`本年度`,
/// `2024年度`) or a project's date.
pub(super) fn period_label_text(h: &str) -> bool {
    let stem = PERIOD_ENDS.iter().find_map(|e| h.strip_suffix(e));
    stem.is_some_and(|s| {
        [
            "",
            "所属",
            "资金",
            "资金所属",
            "所属资金",
            "执行",
            "预算",
            "归属",
            "会计",
            "财政",
            "使用",
            "资金使用",
            "安排",
            "资金安排",
            "下达",
            "资金下达",
            "资金归属",
        ]
        .contains(&s)
    })
}

/// The first period label in a row of the money (`项目资金（万元） | 年度 |
/// 2023年`, `资金总额 | 900.00 | 所属年度 | 2023年`, `年度：2023年`, or its
/// value under it) that says another period than `year`, the form's: the
/// label's and its value's (row index, column). Money of that period is not
/// the year's.
fn period_label(
    rows: &[GridRow<'_>],
    blocks: &Blocks,
    year: Option<u16>,
) -> Option<Vec<(usize, usize)>> {
    let money_cells = |r: &GridRow<'_>| {
        r.cells.iter().any(|x| {
            !x.merged
                && (block_label(&x.text)
                    || key_of(&x.text).is_some_and(|k| k.is_money() || k == Key::Group))
        })
    };
    // (Or a row of the block under its money, `| 所属年度 | 2023年`, the
    // rows between with no label of their own (`| 900.00 | 700.00`); or
    // right under the block, headed by the period label itself, `年度 |
    // 2023年`.)
    let money_row = |ri: usize, r: &GridRow<'_>| {
        let open = |x: &crate::grid::GridCell<'_>| x.merged || x.text.trim().is_empty();
        let labelled = r.cells.first().is_some_and(|x| {
            let n = normalize(&x.text);
            let label = n.split(':').next().unwrap_or_default();
            !open(x) && period_label_text(split_parens(label).0.trim_end_matches(':'))
        });
        money_cells(r)
            || ((r.cells.first().is_none_or(open) || labelled)
                && (0..ri)
                    .rev()
                    .filter_map(|k| rows.get(k))
                    .find(|a| money_cells(a) || a.cells.first().is_some_and(|x| !open(x)))
                    .is_some_and(&money_cells))
    };
    // The label of another period's block (`中期资金（万元） | 期间 |
    // 2024-2026年`) or beside its total (`中期资金总额：3000.00 | 期间：
    // 2024-2026年`) says that block's period.
    // (Unless that block's money is read as the year's: `上年资金（万元） |
    // 年度 | 2023年` over a `资金总额` taken for the year's.)
    let of_other_block = |ri: usize, c: usize, r: &GridRow<'_>| {
        let end = rows
            .iter()
            .enumerate()
            .skip(ri + 1)
            .find(|(_, x)| {
                x.cells
                    .first()
                    .is_some_and(|f| !f.merged && !f.text.trim().is_empty())
            })
            .map_or(rows.len(), |(k, _)| k);
        let holds_year = blocks.year_totals().any(|(tr, _)| (ri..end).contains(&tr));
        let year_elsewhere = blocks.year_totals().next().is_some();
        // (A block of another period's totals beside the year's block: its
        // label says that period, `项目资金（万元） | 年度 | 2023年` under the
        // year's `项目资金（万元） | 年度 | 2024年`.)
        let others_beside_year = !holds_year
            && blocks.other_totals().any(|(tr, _)| (ri..end).contains(&tr))
            && year_elsewhere;
        let block = r
            .cells
            .iter()
            .take(c)
            .find(|x| !x.merged && !x.text.trim().is_empty())
            .is_some_and(|x| names_other_period(&x.text, year));
        // (Another period's total beside it, `资金总额：900.00 | 年度：上年`, says
        // its own period only when the year's money stands elsewhere: alone,
        // it is the form's money, stated not the year's.)
        (block && !holds_year) || others_beside_year || (!blocks.is_year(ri, c) && year_elsewhere)
    };
    let filled = |x: &crate::grid::GridCell<'_>| !x.merged && !x.text.trim().is_empty();
    let other = |v: &str| other_period_text(v, year);
    rows.iter()
        .enumerate()
        .filter(|(ri, r)| money_row(*ri, r))
        .find_map(|(ri, r)| {
            r.cells
                .iter()
                .enumerate()
                .filter(|(_, x)| filled(x))
                .find_map(|(c, x)| {
                    let n = normalize(&x.text);
                    let (label, inline) = match n.split_once(':') {
                        Some((l, v)) if !v.trim().is_empty() => (l, Some(v)),
                        _ => (n.trim_end_matches(':'), None),
                    };
                    if !period_label_text(split_parens(label).0.trim_end_matches(':')) {
                        return None;
                    }
                    let below = rows.iter().skip(ri + 1).find(|b| !blank_but_merges(b));
                    // The next filled cell on its right.
                    let right = r
                        .cells
                        .iter()
                        .enumerate()
                        .skip(c + 1)
                        .find(|(_, y)| filled(y));
                    // (A row headed by a period label, `年度 | 1000.00 | 800.00`,
                    // is a row of amounts, no label with its value.)
                    let heads_row = right.is_some_and(|(_, y)| {
                        plain_amount(&y.text) && year_number(&y.text).is_none()
                    });
                    // (Nor is a label heading a row of periods over groups of
                    // money, `年度 | 2023年 | | | 2024年` over `| 资金总额 | … |
                    // 资金总额 | …`: a total under two of its periods.)
                    let over_groups = r
                        .cells
                        .iter()
                        .enumerate()
                        .skip(c + 1)
                        .filter(|(k, y)| {
                            filled(y)
                                && (period_year(&y.text).is_some()
                                    || period_text_of_year(&y.text, year).is_some())
                                && below.and_then(|b| b.cells.get(*k)).is_some_and(|x| {
                                    !x.merged
                                        && matches!(
                                            cell_key(&x.text),
                                            Some(Key::Total | Key::MultiYearTotal)
                                        )
                                })
                        })
                        .count();
                    let heads_row = heads_row || over_groups >= 2;
                    if heads_row || of_other_block(ri, c, r) {
                        return None;
                    }
                    if let Some(v) = inline {
                        return other(v).then(|| vec![(ri, c)]);
                    }
                    // A heading over a column of amounts (`年度 | 中期` over `资金总额 |
                    // 1000.00 | 3000.00`), or over periods beside columns of them
                    // (`期间 | 合计 | 财政拨款` over `2024-2026年 | 3000.00 | …`), is
                    // no label with its value.
                    let heads_amounts = |k: usize| {
                        below
                            .and_then(|b| b.cells.get(k))
                            .is_some_and(|y| !y.merged && plain_amount(&y.text))
                    };
                    // (Or over a group of money labels: `年度 | | | 中期` over `资金总额 |
                    // 财政拨款 | 其他资金 | 资金总额 | …`.)
                    let money_label = |y: &crate::grid::GridCell<'_>| {
                        !y.merged
                            && (cell_key(&y.text).is_some_and(Key::is_money)
                                || column_label(&y.text).is_some())
                    };
                    // (A value right beside it, `年度 | 2023年`, is still its value.)
                    let adjacent = right.is_some_and(|(k, _)| k == c + 1);
                    let heads_labels = !adjacent
                        && below.is_some_and(|b| {
                            b.cells.get(c).is_some_and(money_label)
                                && b.cells.iter().filter(|y| money_label(y)).count() >= 2
                        });
                    let heading_row = heads_amounts(c)
                        || heads_labels
                        || r.cells.iter().enumerate().skip(c + 1).any(|(k, y)| {
                            filled(y)
                                && (key_of(&y.text).is_some() || column_label(&y.text).is_some())
                                && heads_amounts(k)
                        });
                    if heading_row {
                        return None;
                    }
                    // The value on its right, else under it.
                    let beside = right.filter(|(_, y)| {
                        key_of(&y.text).is_none()
                            && column_label(&y.text).is_none()
                            && (!plain_amount(&y.text) || year_number(&y.text).is_some())
                    });
                    let under = || {
                        rows.get(ri + 1)
                            .and_then(|b| b.cells.get(c))
                            .filter(|y| filled(y) && key_of(&y.text).is_none())
                    };
                    // (More periods after the value, `年度 | 2024年 | 2023年`: any
                    // other one leaves the money's period untold.)
                    let more_other = |vc: usize| {
                        r.cells
                            .iter()
                            .enumerate()
                            .skip(vc + 1)
                            .find(|(_, y)| filled(y) && other(&y.text))
                            .map(|(k, _)| k)
                    };
                    match beside {
                        Some((vc, y)) if other(&y.text) => Some(vec![(ri, c), (ri, vc)]),
                        Some((vc, _)) => more_other(vc).map(|k| vec![(ri, c), (ri, k)]),
                        None => under()
                            .filter(|y| other(&y.text))
                            .map(|_| vec![(ri, c), (ri + 1, c)]),
                    }
                })
        })
}

/// Whether the value of a period label (`2023年`, `上年`, `中期`) says
/// another period than `year`, the form's or table's; against no year, a
/// year is none.
pub(super) fn other_period_text(v: &str, year: Option<u16>) -> bool {
    let ascii = super::preamble::ascii_years(&normalize(v)).into_owned();
    let t = ascii.trim();
    if !period_shaped(t) {
        return false;
    }
    match period_year(t) {
        Some(_) if year.is_none() => false,
        Some(y) if year_number(t).is_some() => Some(y) != year,
        _ => !t.is_empty() && !plain_amount(t) && period_text_of_year(t, year) == Some(false),
    }
}

/// Whether a text can be a period: a word or two of the characters of
/// dates and periods (`2023年`, `2024-2026年`, `上年`, `本财年`), not a
/// sentence (`完成2023年结转任务`) nor an amount's label (`执行数900.00万元`).
pub(super) fn period_shaped(t: &str) -> bool {
    // (With the words of a money heading over a period: `2024年预算数`,
    // `2023年执行数`, `合计`, `实施期`, `（2023年）`.)
    const PERIOD_CHARS: &str =
        "年度月日期间至到—–～／财上下前后次本今去明中长当全个初末底半季第起止自从以内来\
         预算执行数合计总实施项目资金额际划决（）()【】";
    t.chars().count() <= 24
        && !t.contains('元')
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, '.' | '-' | '/' | '~' | ' ')
                || "〇零一二三四五六七八九十".contains(c)
                || PERIOD_CHARS.contains(c)
        })
}

/// The year a value of a period label names (`2023年`, `2023`), if one.
pub(super) fn period_year(v: &str) -> Option<u16> {
    let ascii = super::preamble::ascii_years(&normalize(v)).into_owned();
    let t = ascii.trim();
    year_number(t).or_else(|| year_named(t))
}

/// The period a cell of a period column says (`2024年`, `年度`, `上年`,
/// `2024-2026年`, `中期`): `Some(true)` for the form's year, `Some(false)`
/// for another period, `None` for no period text (blank, an amount, a
/// remark).
/// Also the period a heading's stem names over a form's indicators.
pub(super) fn period_text_of_year(text: &str, year: Option<u16>) -> Option<bool> {
    let t = text.trim();
    if t.is_empty() || plain_amount(t) {
        return None;
    }
    // (`二〇二三` without its 年 is a year too.)
    let numerals =
        t.chars().count() == 4 && t.chars().all(|c| "〇零一二三四五六七八九".contains(c));
    let n = if numerals {
        super::preamble::ascii_years(&format!("{t}年"))
            .trim_end_matches('年')
            .to_string()
    } else {
        super::preamble::ascii_years(&normalize(t)).into_owned()
    };
    // `24年`, `23年度`: a year's last two digits.
    if let Some(yy) = n
        .strip_suffix("年度")
        .or_else(|| n.strip_suffix('年'))
        .filter(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse::<u16>().ok())
    {
        return year.map(|y| y % 100 == yy);
    }
    // `2024年1-12月`: months of the form's year.
    let b = n.as_bytes();
    let years: Vec<u16> = (0..b.len().saturating_sub(3))
        .filter(|&i| {
            b.get(i..i + 4)
                .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
                && (i == 0 || b.get(i - 1).is_none_or(|c| !c.is_ascii_digit()))
        })
        .filter_map(|i| n.get(i..i + 4)?.parse().ok())
        .collect();
    // (Not money up to, since or after it: `截至2024年累计`, `2024年及以前`.)
    let beyond = ["累计", "截至", "以前", "以后", "至今", "之前", "之后"]
        .iter()
        .any(|w| n.contains(w));
    if beyond {
        return Some(false);
    }
    if !years.is_empty() && years.iter().all(|y| Some(*y) == year) {
        return Some(true);
    }
    // Another year, or the year among others (`2023.1-2023.12`, `2023财年`,
    // `2023/2024`).
    if !years.is_empty() && year.is_some() {
        return Some(false);
    }
    match money_heading(&n) {
        Some(Heading::Year) => Some(true),
        Some(Heading::Dated(y)) => Some(Some(y) == year),
        Some(Heading::Span | Heading::Total) => Some(false),
        None if names_this_year(&n)
            || ["全年", "今年", "本财年", "本期", "当期", "本预算年"]
                .iter()
                .any(|w| n.starts_with(w)) =>
        {
            Some(true)
        }
        None if other_scope(&n, year) || year_named(&n).is_some() => Some(false),
        None => [
            "中期",
            "上年",
            "去年",
            "前年",
            "次年",
            "下一",
            "后一",
            "上一",
            "上个",
            "下个",
            "上期",
            "下年",
            "明年",
            "以前",
            "以后",
            "实施期",
            "项目期",
        ]
        .iter()
        .any(|w| n.contains(w))
        .then_some(false),
    }
}

/// Whether the label at (`ri`, `c`) stands under the `其中` of a total of
/// another period or scope in the row above (a heading of two levels): the
/// total is the nearest label left of it, or over it, in that row.
fn under_other_group(rows: &[GridRow<'_>], ri: usize, c: usize, year: Option<u16>) -> bool {
    let Some(above) = ri.checked_sub(1).and_then(|k| rows.get(k)) else {
        return false;
    };
    if !above
        .cells
        .iter()
        .any(|x| !x.merged && sub_heading(&x.text))
    {
        return false;
    }
    let group = above
        .cells
        .iter()
        .take(c + 1)
        .rev()
        .find(|x| !x.merged && !x.text.trim().is_empty() && !sub_heading(&x.text));
    group.is_some_and(|g| {
        let n = normalize(&g.text);
        let bare = split_parens(&n).0;
        key_of(&g.text) == Some(Key::MultiYearTotal)
            || (key_of(&g.text) != Some(Key::Total) && other_scope(&bare, year))
            || matches!(block_heading(&bare), Some(Heading::Span))
            || matches!(money_heading(&bare), Some(Heading::Span))
            || [
                "实施期",
                "项目期",
                "中期",
                "中长期",
                "上年",
                "下年",
                "明年",
                "以前",
                "以后",
            ]
            .iter()
            .any(|w| bare.contains(w))
            || matches!(block_heading(&bare), Some(Heading::Dated(d)) if Some(d) != year)
    })
}

/// `其中` alone: the heading over a total's parts.
fn sub_heading(text: &str) -> bool {
    matches!(normalize(text).trim_end_matches(':'), "其中")
}

/// Whether a text names an amount of money (`100万元`, `50元`): a remark or
/// a value, never a label.
fn names_amount(n: &str) -> bool {
    n.match_indices('元').any(|(at, _)| {
        let before = n.get(..at).unwrap_or("");
        let before = before.strip_suffix('万').unwrap_or(before);
        before.ends_with(|c: char| c.is_ascii_digit())
    })
}

/// A normalised text outside its parentheses, and what stands inside them.
fn split_parens(n: &str) -> (String, String) {
    let (mut bare, mut inside) = (String::with_capacity(n.len()), String::new());
    let mut depth = 0usize;
    for c in n.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => bare.push(c),
            c => inside.push(c),
        }
    }
    (bare, inside)
}

/// A label with its parentheses taken out (`中期（2024-2026年）资金总额`,
/// `中长期目标（20XX年－20XX年）`, `当年资金总额`).
fn bare_key(n: &str) -> Option<Key> {
    let (bare, _) = split_parens(n);
    let b = bare.trim_end_matches(':');
    // A unit after the label's colon (`年度资金总额：万元`, `其中：财政拨款：（万元）`).
    let b = match b.rsplit_once(':') {
        Some((label, "万元" | "元")) => label,
        _ => b,
    };
    if b.len() < n.len() {
        if let Some(k) = key_of(b) {
            return Some(k);
        }
    }
    // `资金总计` as `资金总额`.
    let stem = b
        .strip_suffix("资金总额")
        .or_else(|| b.strip_suffix("资金总计"));
    let dated = |s: &str| {
        s.strip_suffix('年')
            .is_some_and(|y| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit()))
    };
    Some(match (b, stem) {
        ("年度资金总额" | "当年资金总额" | "资金总额" | "项目资金总额", _) => {
            Key::Total
        }
        // Another period's total (`中期资金总额`, `上年资金总额`, `三年资金总额`).
        (_, Some(s))
            if [
                "中期",
                "中长期",
                "项目期",
                "上年",
                "上一年",
                "去年",
                "以前",
                "往年",
                "历年",
                "以后",
                "下年",
                "明年",
                "后续",
                "累计",
                "三年",
                "五年",
                "近",
            ]
            .iter()
            .any(|w| s.starts_with(w)) =>
        {
            Key::MultiYearTotal
        }
        // `本年度资金总额`, `本年资金总额`, `2024年资金总额`, `年度预算资金总额`, `年度资金总计`.
        (_, Some(s))
            if s.contains("年度")
                || s.contains("当年")
                || s == "本年"
                || s == "今年"
                || dated(s)
                || s.is_empty() =>
        {
            Key::Total
        }
        ("中期目标" | "中长期目标" | "长期目标", _) => Key::LongTermGoal,
        ("年度目标" | "年度绩效目标", _) => Key::AnnualGoal,
        _ => return None,
    })
}

/// The colon and its look-alikes from PDF text and OCR.
const COLONS: [char; 5] = ['：', ':', '︰', '∶', '﹕'];

/// A label and its value in one cell (`年度资金总额：1000.00`): the key and
/// the value's text.
fn inline_key(text: &str) -> Option<(Key, &str)> {
    after_colon_key(text).or_else(|| glued_money_key(text))
}

/// `年度资金总额：1000.00`, `其中：财政拨款：800.00`: a label, its colon,
/// its value.
fn after_colon_key(text: &str) -> Option<(Key, &str)> {
    // The longest label that is a key: `其中：财政拨款：800.00` has two colons.
    text.rmatch_indices(COLONS).find_map(|(at, colon)| {
        let label = text.get(..at)?;
        let value = text.get(at + colon.len()..)?.trim();
        let key = key_of(label)
            .filter(|k| *k != Key::Group)
            .or_else(|| year_budget(label).then_some(Key::Total))?;
        let money = key.is_money();
        // A money label's inline value only when it is an amount: `（万元）`
        // or `详见附表` after the colon is no value (the cell on the right
        // may hold it).
        (!value.is_empty() && (!money || plain_amount(value) || with_remark(value).is_some()))
            .then_some((key, value))
    })
}

/// A money label and its amount written together without a colon, as PDF
/// text and some filled forms print them (`资金总额1000.00`,
/// `财政拨款800.00万元`), the label perhaps after its year and a colon
/// (`2024年：资金总额1000.00`, read as `2024年资金总额`).
fn glued_money_key(text: &str) -> Option<(Key, &str)> {
    let t = text.trim();
    if t.contains('\n') {
        return None;
    }
    // The amount starts at the first digit after the label's last character
    // that is no digit, and runs to the end.
    let (at, _) = t.char_indices().find(|&(i, c)| {
        c.is_ascii_digit()
            && i > 0
            && t.get(..i)
                .and_then(|l| l.chars().next_back())
                .is_some_and(|p| !p.is_ascii_digit() && p != '.' && p != ',')
            && t.get(i..).is_some_and(plain_amount)
    })?;
    let label = t.get(..at)?.trim_end();
    let label = dated_label(label).unwrap_or_else(|| label.to_string());
    // A label, not a sentence holding amounts (`说明 | 年度资金总额1000万元，
    // 其中财政拨款800万元` is a remark): no digit but its year's, no stop.
    let undated = label
        .get(4..)
        .filter(|_| label.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(&label);
    if undated.contains(|c: char| c.is_ascii_digit() || "，,。；;、".contains(c)) {
        return None;
    }
    // (A carry-over only as a source's label, `上年结转资金100.00`; `含结转100万元`
    // is a remark.)
    let carried = |n: &str| {
        ["上年结转", "结转", "以前年度结转"]
            .iter()
            .any(|w| n.starts_with(w))
    };
    let key = key_of(&label)
        .filter(|k| k.is_money() && (*k != Key::CarryOver || carried(&normalize(&label))))
        .or_else(|| year_budget(&label).then_some(Key::Total))?;
    Some((key, t.get(at..)?))
}

/// `2024年：资金总额` → `2024年资金总额`: a year heading the label with a
/// colon.
fn dated_label(label: &str) -> Option<String> {
    let (year, rest) = label.split_once(COLONS)?;
    let digits = year
        .strip_suffix("年度")
        .or_else(|| year.strip_suffix('年'))?;
    (digits.len() == 4 && digits.bytes().all(|d| d.is_ascii_digit()) && !rest.trim().is_empty())
        .then(|| format!("{}{}", year.trim(), rest.trim()))
}

/// The amount after a money label in one cell (`资金总额：10000000`).
fn inline_amount(text: &str) -> Option<&str> {
    inline_key(text)
        .filter(|(k, v)| k.is_money() && plain_amount(v))
        .map(|(_, v)| v)
}

/// A cell's amount, alone (`1000.00`) or after its money label.
fn cell_amount(text: &str) -> Option<&str> {
    if plain_amount(text) {
        Some(text.trim())
    } else {
        inline_amount(text)
    }
}

/// A label of a year's budget by its period (`本年预算`, `年度预算`,
/// `2024年预算数`), before its amount in one cell: that year's total (a year
/// not the form's is another block's, see `Blocks`).
fn year_budget(label: &str) -> bool {
    let n = normalize(label);
    let money = ["预算", "资金", "安排", "拨付", "金额"]
        .iter()
        .any(|w| n.contains(w));
    // `年度实际安排`, `本年执行预算`: the year's own money, however worded.
    let this_year = names_this_year(&n);
    // A label alone, not lines of other labels and amounts in one cell.
    let label_alone = !label.contains('\n') && !n.contains(':');
    money
        && label_alone
        && !n.starts_with("其中")
        && (this_year || matches!(block_heading(&n), Some(Heading::Year | Heading::Dated(_))))
}

/// `1000.00`, `3,000`, `1000.00万元`, `1000.00万`, `1000.00（万元）`, `10000000.00元`: a
/// number alone or with its money unit (one that is not the form's scale is
/// named in a note when the amounts are read, never read into another scale).
fn plain_amount(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .rfind(['(', '（'])
        .filter(|&at| t.get(at..).is_some_and(|u| money_unit(&normalize(u))))
        .and_then(|at| t.get(..at))
        .unwrap_or(t);
    let t = t
        .strip_suffix("万元")
        .or_else(|| t.strip_suffix(['元', '万']))
        .unwrap_or(t)
        .trim_end();
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// A money unit in brackets, normalised (`(万元)`, `(千元)`, `(亿元)`), never
/// a remark beside an amount. A label whose amount is in one jixiao does
/// not hold refuses the form ([`read`]); elsewhere the amount is no amount
/// of the form's scale, named in a note.
fn money_unit(n: &str) -> bool {
    matches!(
        n,
        "(万元)" | "(元)" | "(千元)" | "(十万元)" | "(百万元)" | "(千万元)" | "(亿元)"
    )
}

/// An amount followed by a remark in parentheses
/// (`1000.00（含上年结转50万元）`): the amount and the remark.
fn with_remark(value: &str) -> Option<(&str, &str)> {
    let at = value.find(['（', '('])?;
    let (amount, remark) = value.split_at(at);
    // `1000.00（万元）` is an amount with its unit ([`plain_amount`]), and
    // `（千元）` no remark either: the amount is in another scale.
    let unit = money_unit(&normalize(remark));
    (plain_amount(amount) && remark.ends_with(['）', ')']) && !unit)
        .then_some((amount.trim(), remark))
}

/// A year written as four digits alone (`2024`), in the range of budget
/// years.
fn year_number(t: &str) -> Option<u16> {
    let t = t.trim();
    (t.len() == 4 && t.bytes().all(|d| d.is_ascii_digit()))
        .then(|| t.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

/// Whether `second`, right of a money label's amount `first` in row `ri`
/// (column `nc`), is another period's amount of the same money: two
/// different, non-zero bare numbers, the second's column headed by a period
/// (`2024-2026`, `中期…`, a year) or by nothing. A share (`占比`), a note, a
/// year (`2024`), a zero, the same amount again or one in 元 is not.
fn rival_amounts(
    rows: &[GridRow<'_>],
    ri: usize,
    (first, vc): (&str, usize),
    (second, nc): (&str, usize),
) -> bool {
    let number = |t: &str| {
        let t = t.trim();
        if matches!(t, "-" | "—" | "–" | "－" | "——") {
            return Some(Decimal::ZERO);
        }
        (t.chars().next().is_some_and(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
        .then(|| t.replace(',', "").parse::<Decimal>().ok())
        .flatten()
    };
    let (Some(a), Some(b)) = (number(first), number(second)) else {
        return false;
    };
    // A column's heading: the first cell above that is neither blank nor
    // an amount (a bare year such as `2024` is a heading), within the
    // block: up to a row of other facts (项目名称, 主管部门 …).
    let heading = |col: usize| {
        rows.get(ri.saturating_sub(6)..ri)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|r| {
                !r.cells.iter().any(|x| {
                    !x.merged && key_of(&x.text).is_some_and(|k| !k.is_money() && k != Key::Group)
                })
            })
            .filter_map(|r| r.cells.get(col))
            .map(|x| x.text.trim())
            .find(|t| !t.is_empty() && (!plain_amount(t) || year_number(t).is_some()))
    };
    let second_heading = heading(nc);
    // The same amount twice is one amount (written twice, or asked and
    // approved alike: `申请数 | 审核数`), unless the columns are parts of
    // the year (`2024年1-6月 | 2024年7-12月`, quarters, halves).
    let part_of_year = |h: Option<&str>| {
        h.is_some_and(|h| h.contains('月') || h.contains('季') || h.contains("半年"))
    };
    let headed_apart = part_of_year(heading(vc)) && part_of_year(second_heading);
    if (a == b && !headed_apart) || b.is_zero() || year_number(second).is_some() {
        return false;
    }
    second_heading.is_none_or(|h| !no_money_column(&normalize(h)) && !amount_label(h))
}

/// The key a cell names, alone or with its value (`年度资金总额：1000.00`).
fn cell_key(text: &str) -> Option<Key> {
    key_of(text).or_else(|| inline_key(text).map(|(k, _)| k))
}

/// Whether a total's label names the year (`年度资金总额`, `当年资金总额`).
fn names_year(text: &str) -> bool {
    let n = normalize(text);
    let dated = n
        .split_once("年资金")
        .is_some_and(|(y, _)| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit()));
    n.contains("年度")
        || n.contains("当年")
        || n.starts_with("本年")
        || n.starts_with("今年")
        || dated
}

/// The lines of a cell that writes a form's money a line per amount
/// (`年度资金总额：1000.00` / `其中：财政拨款：800.00` / `其他资金：200.00`):
/// every line a label and an amount, one of them a money key's, perhaps
/// under the block's label. `None` for any other cell (a goal of several
/// lines, labels without amounts).
fn money_lines(text: &str) -> Option<Vec<&str>> {
    if !text.contains('\n') {
        return None;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let amount_after_colon = |l: &str| {
        l.rsplit_once(COLONS)
            .is_some_and(|(label, v)| !label.trim().is_empty() && plain_amount(v))
    };
    let money_key = |l: &str| inline_key(l).is_some_and(|(k, _)| k.is_money());
    // The block's label may head them (`年度资金（万元）`); it is set out in
    // the empty cell on their left ([`money_lines_apart`]).
    let amounts = match lines.split_first() {
        Some((first, rest)) if block_label(first) && !amount_after_colon(first) => rest,
        _ => &lines[..],
    };
    // A source not used is printed with nothing after its colon (`其他资金：`).
    let unused_source = |l: &str| {
        l.strip_suffix(COLONS)
            .and_then(key_of)
            .is_some_and(Key::is_money)
    };
    (amounts.len() >= 2
        && amounts
            .iter()
            .all(|l| amount_after_colon(l) || unused_source(l))
        && amounts.iter().filter(|l| amount_after_colon(l)).count() >= 2
        && amounts.iter().any(|l| money_key(l)))
    .then_some(lines)
}

/// The grid without the blank rows above row `idx` (a form's indicator
/// header), when it has any: a blank row between a form's money labels and
/// their amounts (ur57 a014, c018) leaves the amounts under no label.
pub(crate) fn without_blank_rows<'a>(grid: &Grid<'a>, idx: usize) -> Option<Grid<'a>> {
    let blank = |(k, r): &(usize, &GridRow<'a>)| *k < idx && r.is_blank();
    if !grid.rows.iter().enumerate().any(|x| blank(&x)) {
        return None;
    }
    let mut out = grid.clone();
    out.rows = grid
        .rows
        .iter()
        .enumerate()
        .filter(|x| !blank(x))
        .map(|(_, r)| r.clone())
        .collect();
    Some(out)
}

/// A form's grid with each cell of money lines ([`money_lines`]) set out a
/// line per row, every row numbered as the cell's own, as a form that writes
/// each amount in a cell of its own is read. `None` when no cell holds such
/// lines.
pub(crate) fn money_lines_apart<'a>(grid: &Grid<'a>) -> Option<Grid<'a>> {
    // A block label heading the lines needs an empty cell on their left:
    // kept in the amounts' column it would lose its period and unit.
    let empty_left = |r: &GridRow<'_>, c: usize| {
        c.checked_sub(1)
            .and_then(|l| r.cells.get(l))
            .is_some_and(|x| !x.merged && x.text.trim().is_empty())
    };
    let label_room = |r: &GridRow<'a>, c: usize, lines: &[&str]| {
        lines.first().is_some_and(|l| l.contains(COLONS)) || empty_left(r, c)
    };
    let split = |r: &GridRow<'a>| {
        r.cells
            .iter()
            .enumerate()
            .filter(|(_, x)| !x.merged)
            .filter_map(|(c, x)| Some((c, money_lines(&x.text)?)))
            .filter(|(c, lines)| label_room(r, *c, lines))
            .map(|(c, lines)| (c, lines.into_iter().map(str::to_string).collect()))
            .collect::<Vec<(usize, Vec<String>)>>()
    };
    if !grid.rows.iter().any(|r| !split(r).is_empty()) {
        return None;
    }
    let mut rows = Vec::with_capacity(grid.rows.len() + 8);
    for r in &grid.rows {
        let mut cells = split(r);
        let mut r = r.clone();
        // A block label heading the lines goes to the empty cell on their
        // left, where a form writes it (`年度资金（万元） | 资金总额：1000.00`).
        for (c, lines) in &mut cells {
            let label_left =
                lines.first().is_some_and(|l| !l.contains(COLONS)) && empty_left(&r, *c);
            if label_left {
                let label = lines.remove(0);
                if let Some(x) = r.cells.get_mut(*c - 1) {
                    x.text = label.into();
                }
            }
        }
        let r = &r;
        let Some(n) = cells.iter().map(|(_, l)| l.len()).max() else {
            rows.push(r.clone());
            continue;
        };
        for k in 0..n {
            let mut row = GridRow {
                number: r.number,
                cells: if k == 0 {
                    r.cells.clone()
                } else {
                    vec![crate::grid::GridCell::default(); r.cells.len()]
                },
            };
            for (c, lines) in &cells {
                if let Some(cell) = row.cells.get_mut(*c) {
                    cell.text = lines.get(k).cloned().unwrap_or_default().into();
                }
            }
            rows.push(row);
        }
    }
    Some(Grid {
        rows,
        hidden: grid.hidden.clone(),
    })
}

/// A label among a form's money labels over a figure that is no money
/// (Chongqing 审批表, GUIDE §3.4: `财政资金科目代码`, `年度预算执行率`, `分值`,
/// `财政资金预算分类`): a budget code, a rate, a score or a class. Read as
/// money, its figure (`2130135`, `100%`) refused the form or was paired
/// with the money label on its left.
fn figure_label(text: &str) -> bool {
    let n = normalize(text);
    let n = split_parens(&n).0;
    let n = n.trim_end_matches(':');
    cell_key(n).is_none()
        && (n.ends_with('率')
            || ["代码", "编码", "科目"].iter().any(|w| n.contains(w))
            || matches!(n, "分值" | "得分" | "分数" | "权重")
            || ["分类", "类别", "类型"].iter().any(|w| n.ends_with(w)))
}

/// A figure of a form's money rows that is no money ([`figure_label`]): its
/// row number, label and value, named in a note.
pub(crate) type Figure = (u32, String, String);

/// A form's grid with the cells of [`figure_label`]s in a row of money labels
/// (`当年年度预算 | 其中:财政资金 | 财政资金科目代码 | 其中:其它资金 | 年度预算执行率`)
/// and the figures right under them blanked, so that the row of amounts
/// under the labels reads as such; the figures blanked, to be named. `None`
/// when no row of money labels holds such a label.
pub(crate) fn figures_apart<'a>(grid: &Grid<'a>) -> Option<(Grid<'a>, Vec<Figure>)> {
    let own = |x: &crate::grid::GridCell<'_>| !x.merged && !x.text.trim().is_empty();
    let money_labels = |r: &GridRow<'_>| {
        r.cells
            .iter()
            .any(|x| own(x) && key_of(&x.text).is_some_and(Key::is_money))
    };
    let mut rows = grid.rows.clone();
    let mut figures = Vec::new();
    for ri in 0..grid.rows.len() {
        let (Some(r), Some(below)) = (grid.rows.get(ri), grid.rows.get(ri + 1)) else {
            continue;
        };
        if !money_labels(r) || has_key(below) {
            continue;
        }
        for (c, x) in r.cells.iter().enumerate() {
            if !own(x) || !figure_label(&x.text) {
                continue;
            }
            let value = below.cells.get(c).filter(|v| !v.merged);
            let shown = value.map_or("", |v| v.text.trim());
            figures.push((r.number, x.text.trim().to_string(), shown.to_string()));
            if let Some(cell) = rows.get_mut(ri).and_then(|r| r.cells.get_mut(c)) {
                cell.text = "".into();
            }
            if value.is_some() {
                if let Some(cell) = rows.get_mut(ri + 1).and_then(|r| r.cells.get_mut(c)) {
                    cell.text = "".into();
                }
            }
        }
    }
    (!figures.is_empty()).then(|| {
        (
            Grid {
                rows,
                hidden: grid.hidden.clone(),
            },
            figures,
        )
    })
}

/// The note naming the figures [`figures_apart`] left out of a form's money.
pub(crate) fn figures_unread(figures: &[Figure]) -> Option<Notice> {
    let (first, ..) = figures.first()?;
    let list = |zh: bool| {
        figures
            .iter()
            .map(|(r, label, value)| {
                let value = one_line(value, 40);
                if zh {
                    format!("第{r}行「{label}」{value}")
                } else {
                    format!("row {r} “{label}” {value}")
                }
            })
            .collect::<Vec<_>>()
            .join(if zh { "、" } else { ", " })
    };
    Some(Notice::new(
        Some(Origin::new(*first, 0)),
        "form-field-unread",
        format!(
            "申报表项目资金栏中这些栏目不是金额（科目代码、执行率、分值或分类），未读入：{}",
            list(true)
        ),
        format!(
            "these fields among the form's money are no amounts (a budget code, a rate, a score or a class) and were not read: {}",
            list(false)
        ),
    ))
}

/// A value cell: its text and 1-based position.
#[derive(Debug, Clone)]
struct Val<'a> {
    text: &'a str,
    origin: Origin,
    /// A number without a known display format (`GridCell::bare_number`).
    bare_number: bool,
    /// Written after its label in the label's cell (`年度资金总额：1000.00万元`).
    inline: bool,
}

/// What the form says above its indicator grid.
#[derive(Debug, Default)]
pub(crate) struct Form<'a> {
    name: Option<Val<'a>>,
    pub(crate) department: Option<String>,
    unit: Option<String>,
    amounts: [Option<Val<'a>>; 4],
    carry_over: Option<Val<'a>>,
    /// Money rows of the block whose label is no known source ([`unread_source`]).
    unread: Vec<(&'a str, Val<'a>)>,
    /// The goals, with the lines continued below their label's row
    /// ([`goal_lines`]).
    annual_goal: Option<std::borrow::Cow<'a, str>>,
    overall_goal: Option<std::borrow::Cow<'a, str>>,
    /// `项目资金（万元）` or `年度资金总额(万元)`.
    pub(crate) scale: Option<MoneyScale>,
    /// `scale` holds for all the year's amounts: their block's label states
    /// it, or every money label does (not only the total's).
    pub(crate) scale_whole: bool,
    /// `scale` was taken from an amount's own unit (`1000.00（万元）`), no
    /// label: it yields to a `单位：` line above the form.
    pub(crate) scale_by_value: bool,
    /// `scale` was taken from unit cells beside every row of amounts
    /// (`10000000 | 元`): the form's own, not the table's.
    pub(crate) scale_by_cells: bool,
    /// Rows of facts the model has no place for (`项目属性 | 延续项目`,
    /// `项目负责人 | 张三`, a 中长期目标, a review opinion): (row, its cells
    /// not read), said in a `form-field-unread` note so that nothing of the
    /// form is dropped unsaid.
    unread_fields: Vec<(u32, String)>,
    /// Money whose year's amounts cannot be told (see [`MoneyUnclear`]).
    pub(crate) money_unclear: Option<MoneyUnclear>,
    /// A second total of the year's that differs from the first (two
    /// blocks both the year's): (its text, row, 0-based column).
    second_total: Option<(String, u32, usize)>,
    /// The budget year the form states (see [`form_year`]), which its
    /// money headings were matched against.
    pub(crate) year: Option<u16>,
    /// Another year the form's title names (said in a note).
    title_year: Option<u16>,
}

fn col1(c: usize) -> u32 {
    u32::try_from(c + 1).unwrap_or(u32::MAX)
}

/// A row of the money block whose label is no source the model has
/// (`自筹资金`, `其中：上级补助`): its label and amount cell. Which of 财政拨款,
/// 财政专户拨款 and 其他资金 it belongs to is the department's to say, so it is
/// named, not guessed into one.
fn unread_source<'a>(row: &'a GridRow<'a>) -> Option<(&'a str, Val<'a>)> {
    let mut own = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, x)| !x.merged && !x.text.trim().is_empty());
    let (_, label) = own.next()?;
    let label = label.text.trim();
    if label.chars().any(|c| c.is_ascii_digit()) || label.chars().count() > 16 {
        return None;
    }
    let (vc, value) = own.next()?;
    let text = value.text.trim();
    let number = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        && text.chars().any(|c| c.is_ascii_digit());
    (number && own.next().is_none()).then(|| {
        (
            label,
            Val {
                text: value.text.as_ref(),
                origin: Origin::new(row.number, col1(vc)),
                bare_number: value.bare_number,
                inline: false,
            },
        )
    })
}

/// Read the key–value cells of `rows` (everything above the indicator grid).
pub(crate) fn read<'a>(rows: &'a [GridRow<'a>], table_year: Option<u16>) -> Form<'a> {
    // The year money headings that name years are matched against: the
    // form's own, else (a form stacked under another) the table's.
    let stated = form_year(rows);
    let mut f = Form {
        year: stated.year,
        title_year: stated.title,
        ..Form::default()
    };
    // A title naming another year than the 预算年度 line: headings that
    // name years are matched against neither.
    let year = match f.title_year {
        Some(_) => None,
        None => f.year.or(table_year),
    };
    // Cells read as a key or a value, by (row number, 0-based column).
    let mut used: Vec<(u32, usize)> = Vec::new();
    let blocks = Blocks::of(rows, year);
    if year.is_none() {
        if let Some(u) = blocks.years_unclear(rows) {
            f.money_unclear.get_or_insert(u);
        }
    }
    if let Some(u) = blocks.totals_unclear(rows) {
        f.money_unclear.get_or_insert(u);
    }
    // The year's block's own label names its scale (`年度资金（元）` under
    // `中期资金（万元）`); a total labelled in another (`资金总额（万元）`) makes
    // the block's unit unclear: its amounts cannot all be in both.
    let scale_named = |t: &str| scale_in(normalize(t).split(':').next().unwrap_or_default());
    for (ri, c) in blocks.year_totals() {
        let Some(r) = rows.get(ri) else { continue };
        let block = r
            .cells
            .iter()
            .enumerate()
            .take(c)
            .find(|(_, x)| !x.merged && !x.text.trim().is_empty())
            .filter(|(_, x)| key_of(&x.text).is_none())
            .and_then(|(bc, x)| scale_named(&x.text).map(|s| (bc, s)));
        let own = r.cells.get(c).and_then(|x| scale_named(&x.text));
        // (Or the period heading over its group: `2023年（元） | | | 2024年（元）`.)
        let heading = || {
            let (ar, ac, _) = period_above(rows, ri, c, year)?;
            let hr = rows.get(ar)?;
            scale_named(&hr.cells.get(ac)?.text).map(|s| (hr, ac, s))
        };
        if let (None, Some((hr, ac, a))) = (block, heading()) {
            if own.is_some_and(|b| b != a) {
                f.money_unclear.get_or_insert(MoneyUnclear::years(
                    hr,
                    &[ac],
                    Unclear::ScalesDiffer,
                ));
            } else {
                f.scale = Some(a);
                f.scale_whole = true;
                used.push((hr.number, ac));
            }
            break;
        }
        match (block, own) {
            (Some((bc, a)), Some(b)) if a != b => {
                f.money_unclear.get_or_insert(MoneyUnclear::years(
                    r,
                    &[bc, c],
                    Unclear::ScalesDiffer,
                ));
                break;
            }
            (Some((bc, a)), _) => {
                f.scale = Some(a);
                f.scale_whole = true;
                // The block's label is read: its scale.
                used.push((r.number, bc));
                break;
            }
            _ => {}
        }
    }
    // A row of amounts with their unit beside each (`10000000 | 元 | …`):
    // the unit is their scale where no label states one.
    // So is a label with its amount in one cell (`资金总额：10000000 | 元`).
    let amounts_beside_labels = |r: &&GridRow<'_>| {
        let inline = r
            .cells
            .iter()
            .any(|x| !x.merged && inline_amount(&x.text).is_some());
        inline
            || r.cells
                .iter()
                .any(|x| !x.merged && cell_key(&x.text).is_some_and(Key::is_money))
                && r.cells.iter().any(|x| !x.merged && plain_amount(&x.text))
    };
    // Only where no label names a scale (`项目资金（万元）` beside a `元`
    // remark keeps 万元).
    let label_scale = rows.iter().flat_map(|r| &r.cells).find_map(|x| {
        (!x.merged && (block_label(&x.text) || cell_key(&x.text).is_some()))
            .then(|| scale_in(&normalize(&x.text)))
            .flatten()
    });
    // The scale the unit cells beside the amounts state: one unit on every
    // row of amounts. Rows that name different units, or rows with a unit
    // beside rows without (a 中期 row's `元`, a `人均成本：20000 | 元`), leave
    // which unit the year's amounts are in untold: refused.
    let unit_cols = |r: &GridRow<'_>| -> Vec<usize> {
        r.cells
            .iter()
            .enumerate()
            .filter(|(_, x)| !x.merged && unit_cell(&x.text))
            .map(|(c, _)| c)
            .collect()
    };
    let unit_of_cell = |text: &str| {
        let n = normalize(text);
        let n = n
            .trim_start_matches("单位:")
            .trim_start_matches("金额单位:")
            .trim_start_matches("人民币");
        match n.trim_matches(['(', ')']) {
            "万元" => Some(MoneyScale::WanYuan),
            "元" => Some(MoneyScale::Yuan),
            _ => None,
        }
    };
    // So is a row headed by its label with the unit in a column of its own
    // (`年度资金 | 10000000 | 8000000 | 2000000 | 元` under `… | 单位`).
    let headed_with_unit = |r: &&GridRow<'_>| {
        row_amounts(r).len() >= 2 && r.cells.iter().any(|x| !x.merged && unit_cell(&x.text))
    };
    let amount_rows: Vec<&GridRow<'_>> = rows
        .iter()
        .filter(|r| bare_amounts(r).is_some() || amounts_beside_labels(r) || headed_with_unit(r))
        .collect();
    let mut cells_scale: Option<MoneyScale> = None;
    let mut cells_used: Vec<(u32, usize)> = Vec::new();
    let mut first_unit_at: Option<(&GridRow<'_>, usize)> = None;
    let mut rows_without_unit = 0usize;
    // `单位：元` in a cell of the block states the unit of all its amounts,
    // not only of its row's.
    let mut block_statement = true;
    for r in amount_rows.iter().copied() {
        let cols = unit_cols(r);
        if cols.is_empty() {
            // A unit jixiao does not hold (`千元`) is refused below; a unit
            // cell merged down from the row above (`元` over three rows)
            // stands beside this row too; a row of zeros is zero in any unit.
            let not_held = r.cells.iter().any(|x| {
                let n = normalize(&x.text);
                super::preamble::UNITS_NOT_HELD.contains(&n.trim_matches(['(', ')']))
            });
            let merged_unit = r.cells.iter().any(|x| x.merged && unit_cell(&x.text));
            let values: Vec<&str> = r
                .cells
                .iter()
                .filter(|x| !x.merged)
                .filter_map(|x| cell_amount(&x.text))
                .collect();
            let zeros = !values.is_empty()
                && values
                    .iter()
                    .all(|v| v.chars().filter(|c| c.is_ascii_digit()).all(|c| c == '0'));
            rows_without_unit += usize::from(!not_held && !merged_unit && !zeros);
            continue;
        }
        block_statement &= cols.iter().filter_map(|&c| r.cells.get(c)).all(|x| {
            let n = normalize(&x.text);
            n.starts_with("单位:") || n.starts_with("金额单位:")
        });
        let units: Vec<Option<MoneyScale>> = cols
            .iter()
            .filter_map(|&c| r.cells.get(c))
            .map(|x| unit_of_cell(&x.text))
            .collect();
        let Some(Some(first)) = units.first().copied() else {
            continue;
        };
        if let Some(&c) = cols.first() {
            first_unit_at.get_or_insert((r, c));
        }
        // A label naming the other scale: which holds cannot be told.
        if label_scale.is_some_and(|l| l != first) && units.iter().all(|u| *u == Some(first)) {
            f.money_unclear.get_or_insert(MoneyUnclear::years(
                r,
                &cols[..1],
                Unclear::ScalesDiffer,
            ));
            continue;
        }
        if cells_scale.is_some_and(|c| c != first) || units.iter().any(|u| *u != Some(first)) {
            f.money_unclear
                .get_or_insert(MoneyUnclear::years(r, &cols, Unclear::ScalesDiffer));
            continue;
        }
        cells_scale = Some(first);
        cells_used.extend(cols.iter().map(|&c| (r.number, c)));
    }
    if let Some(scale) = cells_scale {
        if f.scale.is_none() && label_scale.is_none() {
            match first_unit_at.filter(|_| rows_without_unit > 0 && !block_statement) {
                Some((r, c)) => {
                    f.money_unclear.get_or_insert(MoneyUnclear::years(
                        r,
                        &[c],
                        Unclear::UnitOnSomeRows,
                    ));
                }
                None => {
                    f.scale = Some(scale);
                    f.scale_by_cells = true;
                    used.extend(cells_used);
                }
            }
        }
    }
    // A column beside a row of amounts saying their period (`年度 | 2023年`,
    // `所属年度 | 上年`, `资金年度 | 2024-2026年`, `期间 | 中期`): another
    // period than the form's year makes them that period's money, refused.
    // A project's duration (`实施期 | 2024-2026年`) or a remark is no such
    // column.
    if f.money_unclear.is_none() {
        if let Some((b, hc)) = period_columns(rows, year) {
            f.money_unclear
                .get_or_insert(MoneyUnclear::years(b, &[hc], Unclear::NoYearColumn));
        }
    }
    // A label in the money's rows saying their period (`年度 | 2023年`,
    // `所属年度：上年`) against the form's year (its title's, when the two
    // differ): that period's money, refused.
    if f.money_unclear.is_none() {
        let form_year = f.title_year.or(f.year);
        if let Some(at) = period_label(rows, &blocks, form_year) {
            f.money_unclear.get_or_insert(MoneyUnclear::years_of_rows(
                rows,
                at.into_iter(),
                Unclear::OtherPeriod(form_year),
            ));
        }
    }
    // Every money label naming its scale: the scale holds for every amount.
    let mut money_labels = rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|x| !x.merged && cell_key(&x.text).is_some_and(Key::is_money))
        .peekable();
    if money_labels.peek().is_some()
        && money_labels.all(|x| scale_in(&normalize(&x.text)).is_some())
    {
        f.scale_whole = true;
    }
    // A money label in a unit the model does not hold (`年度资金（千元）`,
    // `项目资金（亿元）`): its amounts are neither 元 nor 万元. A label of
    // another period or scope (`项目总投资（亿元）`, `中期资金（千元）`) is
    // left unread when another money label names 元 or 万元.
    let money_label = |x: &crate::grid::GridCell<'_>| {
        !x.merged && (block_label(&x.text) || cell_key(&x.text).is_some_and(Key::is_money))
    };
    let held_elsewhere = rows.iter().any(|r| {
        r.cells
            .iter()
            .any(|x| money_label(x) && scale_in(&normalize(&x.text)).is_some())
    });
    let other_money = |n: &str| {
        let bare = split_parens(n).0;
        other_scope(&bare, year)
            || matches!(block_heading(&bare), Some(Heading::Span | Heading::Total))
            || matches!(block_heading(&bare), Some(Heading::Dated(d)) if Some(d) != year)
    };
    if let Some((r, c, unit)) = rows.iter().find_map(|r| {
        r.cells.iter().enumerate().find_map(|(c, x)| {
            let n = normalize(&x.text);
            // A unit cell beside amounts (`10000 | 千元`).
            let unit_cell_not_held = || {
                let bare = n.trim_matches(['(', ')']);
                let bare = bare.strip_prefix("人民币").unwrap_or(bare);
                // Beside an amount, alone or after its label in one cell.
                super::preamble::UNITS_NOT_HELD
                    .into_iter()
                    .find(|u| *u == bare)
                    .filter(|_| {
                        r.cells
                            .iter()
                            .any(|y| !y.merged && cell_amount(&y.text).is_some())
                    })
            };
            let unit = unit_not_held(&n)
                .filter(|_| money_label(x))
                .or_else(|| amount_not_held(&n))
                .or_else(unit_cell_not_held)?;
            (!(held_elsewhere && other_money(&n))).then_some((r, c, unit))
        })
    }) {
        f.money_unclear
            .get_or_insert(MoneyUnclear::years(r, &[c], Unclear::Unit(unit)));
    }
    // Money labels over two rows of bare amounts: refused at the labels.
    if let Some((r, at)) = rows.iter().enumerate().find_map(|(ri, r)| {
        let at: Vec<usize> = r
            .cells
            .iter()
            .enumerate()
            .filter(|(_, x)| {
                !x.merged
                    && (cell_key(&x.text).is_some_and(Key::is_money)
                        || matches!(normalize(&x.text).as_str(), "合计" | "总计"))
                    && key_of(&x.text) != Some(Key::Group)
            })
            .map(|(c, _)| c)
            .collect();
        (at.len() >= 2 && rival_bare_rows(rows, ri)).then_some((r, at))
    }) {
        f.money_unclear
            .get_or_insert(MoneyUnclear::years(r, &at, Unclear::SeveralRows));
    }
    // Money labels over a row of bare amounts one of which stands under no
    // label (`财政拨款 | 其他资金 | 合计` over `800.00 | 200.00 | 1000.00`
    // shifted a column left): which amount is which cannot be told.
    if let Some((r, at)) = rows.iter().enumerate().find_map(|(ri, r)| {
        let label_at = |x: &crate::grid::GridCell<'_>| {
            (cell_key(&x.text).is_some_and(Key::is_money) || sum_label(&x.text))
                && key_of(&x.text) != Some(Key::Group)
        };
        let at: Vec<usize> = r
            .cells
            .iter()
            .enumerate()
            .filter(|(_, x)| !x.merged && label_at(x))
            .map(|(c, _)| c)
            .collect();
        if at.len() < 2 {
            return None;
        }
        let below = rows.get(ri + 1).and_then(bare_amounts)?;
        // A money label with no amount under it, and an amount under no
        // money label: shifted. With every label's amount in place, a
        // number under a label of its own (`序号`, `年度`) or right of them
        // is none of theirs.
        let bare_label = at.iter().any(|c| below.iter().all(|(bc, _)| bc != c));
        let stray = below
            .iter()
            .any(|(c, _)| r.cells.get(*c).is_none_or(|x| !label_at(x)));
        // Or the amounts add up only a column off (`资金总额 | 财政拨款 | 其他资金`
        // over `1 | 1000.00 | 800.00 | 200.00`: a 序号 under the total).
        let adds_up = |shift: isize| {
            let amount = |c: usize| {
                c.checked_add_signed(shift)
                    .and_then(|k| below.iter().find(|(bc, _)| *bc == k))
                    .map(|(_, d)| *d)
            };
            let mut total = None;
            let mut parts = Decimal::ZERO;
            for &c in &at {
                let x = r.cells.get(c)?;
                if sum_label(&x.text) || cell_key(&x.text) == Some(Key::Total) {
                    total = amount(c);
                } else {
                    parts += amount(c).unwrap_or_default();
                }
            }
            Some(total? == parts && !parts.is_zero())
        };
        let off = stray
            && adds_up(0) == Some(false)
            && (adds_up(-1) == Some(true) || adds_up(1) == Some(true));
        (stray && (bare_label || off)).then_some((r, at))
    }) {
        f.money_unclear
            .get_or_insert(MoneyUnclear::years(r, &at, Unclear::Misaligned));
    }
    // A matrix money block (`| 中期资金 | 年度资金` over `资金总额 | 3000 | 1000`):
    // the row of its headings and the year's column.
    // Only headings right above money rows whose labels stand left of them.
    let money_row = |r: &GridRow<'_>, before: usize| {
        r.cells.iter().enumerate().take(before).any(|(_, x)| {
            !x.merged
                && matches!(
                    cell_key(&x.text),
                    Some(Key::Total | Key::Fiscal | Key::Special | Key::Other | Key::CarryOver)
                )
        })
    };
    let matrix = rows.iter().enumerate().find_map(|(ri, r)| {
        // The money rows under it, blank rows between aside: their labels'
        // column, and the amounts' columns right of it.
        let money_key = |x: &crate::grid::GridCell<'_>| {
            !x.merged && cell_key(&x.text).is_some_and(Key::is_money)
        };
        let block: Vec<&GridRow<'_>> = rows
            .iter()
            .skip(ri + 1)
            .filter(|n| !blank_but_merges(n))
            .take_while(|n| sum_row(n) || n.cells.iter().any(money_key))
            .take(12)
            .collect();
        let next = *block.iter().find(|n| !sum_row(n))?;
        // A row of several money labels and no amount is labels across, over their
        // amounts (`资金总额 | 财政拨款 | 其他资金 | 资金总额 | …` under `2024年 |
        // | | 2025年`): no matrix of labelled rows (ur57 a012: the first
        // group's heading was taken for the labels' column).
        let labels_across = |n: &&GridRow<'_>| {
            n.cells.iter().filter(|x| money_key(x)).count() >= 2
                && !n.cells.iter().any(|x| !x.merged && plain_amount(&x.text))
        };
        if block.iter().any(labels_across) {
            return None;
        }
        // Right of every money label of the block (sources may stand a
        // column right of their total: `资金总额` | `其中` | `财政拨款`).
        let amounts_from = block
            .iter()
            .filter_map(|n| n.cells.iter().position(money_key))
            .max()?
            + 1;
        // A column of years (`年度 | 2024` on every row) holds no money;
        // amounts such as 2000 differ from row to row.
        let year_at = |r: &GridRow<'_>, c: usize| r.cells.get(c).and_then(|x| year_number(&x.text));
        let years_below = |c: usize| {
            year_at(next, c)
                .is_some_and(|y| block.iter().all(|r| year_at(r, c) == Some(y)) && block.len() > 1)
        };
        let mut heads: Vec<(usize, Heading)> = r
            .cells
            .iter()
            .enumerate()
            .skip(amounts_from)
            .filter(|(c, x)| !x.merged && !years_below(*c))
            .filter_map(|(c, x)| matrix_heading(&x.text).map(|h| (c, h)))
            .collect();
        // A row of headings: over the amounts, headings (of periods, or of
        // other kinds: `预算数`, `申请数`; a change or share such as `增减额`
        // is no column of money); on their left at most the block's own
        // labels, not a line of facts (`项目期限 | 2024-2026年`, `项目期 |
        // 中期 | 年度 | 2024`). The money scale (`单位：万元`) may stand
        // anywhere in it.
        let scale = |t: &str| {
            let n = normalize(t);
            n.starts_with("单位:")
                || n.starts_with("金额单位:")
                || matches!(n.as_str(), "(万元)" | "(元)" | "万元" | "元")
        };
        let written: Vec<(usize, String)> = r
            .cells
            .iter()
            .enumerate()
            .filter(|(c, x)| {
                !x.merged
                    && !x.text.trim().is_empty()
                    && !scale(&x.text)
                    && !heads.iter().any(|(h, _)| h == c)
            })
            .map(|(c, x)| (c, normalize(&x.text)))
            .collect();
        let (labels, over): (Vec<_>, Vec<_>) = written.iter().partition(|(c, _)| *c < amounts_from);
        // Headings of the year's money by another name (`预算数`, `金额`),
        // and of anything else (`已安排`, `完成数`, `权重`).
        let (mut money_kind, mut unknown) = (Vec::new(), Vec::new());
        let (mut other_periods, mut unknown_periods) = (Vec::new(), Vec::new());
        for (c, t) in over {
            // A part (`其中：自筹资金`), share, change or note: no column of
            // the year's money.
            if no_money_column(t) || years_below(*c) {
                continue;
            }
            // `合计 | 财政拨款 | 其他资金`: labels over their amounts.
            if t.chars().count() > 10 || t.contains(':') || amount_label(t) {
                return None;
            }
            // Another period in words (`截至上年底累计`).
            if ["上年", "累计", "以前", "以后"]
                .iter()
                .any(|w| t.contains(w))
                && year_named(t).is_none()
            {
                other_periods.push(*c);
                continue;
            }
            // A period written otherwise (`截至2023年累计`): not the year's;
            // one naming the year itself (`2024年1-6月`) says no more.
            if let Some(y) = year_named(t) {
                if Some(y) == year {
                    unknown_periods.push(*c);
                } else {
                    other_periods.push(*c);
                }
                continue;
            }
            if t.chars().any(|ch| ch.is_ascii_digit()) {
                return None;
            }
            if year_money_word(t) {
                money_kind.push(*c);
            } else {
                unknown.push(*c);
            }
        }
        heads.extend(other_periods.iter().map(|&c| (c, Heading::Span)));
        heads.sort_unstable_by_key(|(c, _)| *c);
        if heads.is_empty() {
            return None;
        }
        unknown.extend(unknown_periods);
        let other_kind: Vec<usize> = money_kind.iter().chain(&unknown).copied().collect();
        let columns = heads.len() + other_kind.len();
        let no_year = |t: &str| !t.chars().any(|ch| ch.is_ascii_digit() || ch == '年');
        // One heading alone heads a block only under the block's label (or
        // none); a second label only after the block's (`项目资金（万元） |
        // 资金来源 | 中期 | 年度`).
        let labelled = match labels.as_slice() {
            [] => true,
            [(_, a)] => columns > 1 || block_label(a),
            [(_, a), (_, b)] => block_label(a) && no_year(b),
            _ => false,
        };
        if !labelled || (other_kind.is_empty() && heads.iter().all(|(_, h)| *h == Heading::Year)) {
            return None;
        }
        let of_other_periods = heads.iter().all(|(_, h)| *h != Heading::Year);
        match year_heading(&heads, year) {
            Ok(Some(yc)) => Some(Ok((ri, amounts_from, Some(yc)))),
            // The one column not headed by another period (`2024-2026年 |
            // 预算数`, `上年执行数 | 预算数`, `预算数 | 2023年执行数`).
            Ok(None) | Err(Unclear::NotTheYear(_))
                if of_other_periods && money_kind.len() == 1 && unknown.is_empty() =>
            {
                money_kind
                    .first()
                    .map(|&yc| Ok((ri, amounts_from, Some(yc))))
            }
            // Only medium-term columns (`中期资金`, `2024-2026年`): none is
            // the year's, and their money is not read as the year's.
            Ok(None) if other_kind.is_empty() && heads.iter().any(|(_, h)| *h == Heading::Span) => {
                Some(Ok((ri, amounts_from, None)))
            }
            // Beside other periods, headings that do not say which column is
            // the year's (`2024-2026年 | 已安排`, `申报数 | 审定数 | 中期`).
            Ok(None) | Err(Unclear::NotTheYear(_)) if !other_kind.is_empty() => {
                let mut at: Vec<usize> = heads.iter().map(|&(c, _)| c).chain(other_kind).collect();
                at.sort_unstable();
                Some(Err(MoneyUnclear::years(r, &at, Unclear::NoYearColumn)))
            }
            Ok(None) => None,
            Err(why) => {
                let at: Vec<usize> = heads.iter().map(|&(c, _)| c).collect();
                Some(Err(MoneyUnclear::years(r, &at, why)))
            }
        }
    });
    let matrix = match matrix {
        Some(Ok(m)) => {
            // The headings are read: no field left unread.
            if let Some(r) = rows.get(m.0) {
                used.extend(heading_cells(r, 0).map(|c| (r.number, c)));
            }
            Some(m)
        }
        Some(Err(unclear)) => {
            f.money_unclear.get_or_insert(unclear);
            None
        }
        None => None,
    };
    // A money row of a matrix: every row from the headings down to it is a
    // money row, and none is labelled as a medium-term total (labels that
    // tell the blocks apart themselves win over headings).
    let in_matrix_row = |ri: usize| {
        matrix.filter(|&(hr, first, _)| {
            ri > hr
                && rows.get(hr + 1..=ri).is_some_and(|block| {
                    block
                        .iter()
                        .all(|r| blank_but_merges(r) || sum_row(r) || money_row(r, first))
                })
                && rows.get(hr + 1..=ri).is_some_and(|block| {
                    !block
                        .iter()
                        .flat_map(|r| &r.cells)
                        .any(|x| !x.merged && cell_key(&x.text) == Some(Key::MultiYearTotal))
                })
        })
    };
    // Labels of a total and its sources over rows of periods: read whole.
    let labelled = match labelled_rows(rows, year) {
        Some(Ok(l)) => Some(l),
        Some(Err(unclear)) => {
            f.money_unclear.get_or_insert(unclear);
            None
        }
        None => None,
    };
    if let Some(l) = &labelled {
        let year_row = l.year_row.and_then(|k| rows.get(k));
        if let Some(lr) = rows.get(l.labels) {
            used.extend(l.columns.iter().map(|&(c, _)| (lr.number, c)));
        }
        if let Some(yr) = year_row {
            for &(c, key) in &l.columns {
                let Some(x) = yr
                    .cells
                    .get(c)
                    .filter(|x| !x.merged && plain_amount(&x.text))
                else {
                    continue;
                };
                used.push((yr.number, c));
                let val = Val {
                    text: &x.text,
                    origin: Origin::new(yr.number, col1(c)),
                    bare_number: x.bare_number,
                    inline: false,
                };
                f.set_amount(key, val);
            }
            if let Some(lc) = yr
                .cells
                .iter()
                .position(|x| !x.merged && !x.text.trim().is_empty())
            {
                used.push((yr.number, lc));
            }
        }
    }
    // Whether the row above was of the money block (项目资金 … 其他资金).
    let mut in_money = false;
    // Remarks after inline amounts, said with the fields not read.
    let mut remarks: Vec<(u32, String)> = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        // Read above as a whole: only the block's own label (and scale) here.
        if labelled
            .as_ref()
            .is_some_and(|l| (l.labels..l.end).contains(&ri))
        {
            for (c, cell) in row.cells.iter().enumerate() {
                if !cell.merged && key_of(&cell.text) == Some(Key::Group) {
                    used.push((row.number, c));
                    f.scale_of(&cell.text);
                }
            }
            in_money = false;
            continue;
        }
        let keys: Vec<Key> = row
            .cells
            .iter()
            .filter(|x| !x.merged)
            .filter_map(|x| cell_key(&x.text))
            .collect();
        let money = |k: &Key| {
            matches!(
                k,
                Key::Total
                    | Key::MultiYearTotal
                    | Key::Fiscal
                    | Key::Special
                    | Key::Other
                    | Key::CarryOver
                    | Key::Group
            )
        };
        if keys.is_empty() && in_money {
            match unread_source(row) {
                // A source of the year's money: said in its own note
                // (`amount-source-unread`). One of a medium-term block is no
                // part of the year's total: left to `form-field-unread`.
                Some((label, val)) => {
                    let label_col = row
                        .cells
                        .iter()
                        .position(|x| !x.merged && !x.text.trim().is_empty())
                        .unwrap_or(0);
                    // (Not the list's `合计`: read below as its total.)
                    let closing = matches!(normalize(label).as_str(), "合计" | "总计")
                        && closes_sources(rows, ri, label_col);
                    if blocks.is_year(ri, label_col) && !closing {
                        used.extend(row.cells.iter().enumerate().map(|(c, _)| (row.number, c)));
                        f.unread.push((label, val));
                    }
                }
                None => in_money = false,
            }
        } else {
            in_money = keys.iter().any(money) && !keys.iter().any(|k| !money(k));
        }
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.merged {
                continue;
            }
            // `合计` heading a row of a matrix block, or right of the
            // block's label (`项目资金（万元） | 合计 | 1000.00`): its total.
            let block_total = || {
                matches!(normalize(&cell.text).as_str(), "合计" | "总计")
                    && (in_matrix_row(ri).is_some() || {
                        // Not a row of amounts of a block headed by years
                        // under a label merged down (`项目资金 | 合计 | 3000 |
                        // 2400 | 600`).
                        let mut after = row.cells.iter().skip(c + 1).filter(|x| {
                            !x.merged && !x.text.trim().is_empty() && !unit_cell(&x.text)
                        });
                        // Its amount, or the labels over the amounts
                        // (`合计 | 财政拨款 | 其他资金`).
                        let one_amount = match (after.next(), after.next()) {
                            (Some(a), b) if plain_amount(&a.text) => {
                                b.is_none_or(|b| !plain_amount(&b.text))
                            }
                            (Some(a), _) if cell_key(&a.text).is_some_and(Key::is_money) => true,
                            // The last money label (a remark's label may
                            // follow: `合计 | 说明`), over a row of amounts.
                            // Or over rows headed by periods (`年度 | … |
                            // 1000.00` then `中期 | …`): its amount is the
                            // year's row's.
                            _ => {
                                let amount_in = |r: Option<&GridRow<'_>>| {
                                    r.is_some_and(|b| {
                                        b.cells.get(c).is_some_and(|x| plain_amount(&x.text))
                                    })
                                };
                                (amounts_below(rows, ri) && amount_in(rows.get(ri + 1)))
                                    || matches!(
                                        headed_rows(rows, ri, year),
                                        Some(Ok(Some(yr))) if amount_in(rows.get(yr))
                                    )
                            }
                        };
                        one_amount
                            && (row
                                .cells
                                .iter()
                                .take(c)
                                .any(|x| key_of(&x.text) == Some(Key::Group))
                                || closes_sources(rows, ri, c))
                    })
            };
            let (key, inline) = match key_of(&cell.text) {
                Some(k) => (k, None),
                None => match inline_key(&cell.text) {
                    Some((k, v)) => (k, Some(v)),
                    None if block_total() => (Key::Total, None),
                    // (Another period's, `2023年预算数`, `上年预算数`: skipped
                    // below with its sources, `Blocks` knowing it.)
                    None => match budget_total(rows, ri, c, year) {
                        Some(true) => (Key::Total, None),
                        Some(false) => (Key::MultiYearTotal, None),
                        None => continue,
                    },
                },
            };
            // The 88号 template's 中期资金总额 block beside the year's: its
            // total and sources are the medium term's, not the year's (they
            // stay unread, and are named).
            let money = key.is_money();
            // Under a matrix's headings the year's column decides, not a
            // dated heading read as a total (`| 2024年资金总额 | 2025年资金总额`
            // over `资金总额 | 1000.00 | 1100.00`).
            // (Not a row of labels across groups under periods, `资金总额 |
            // 财政拨款 | 其他资金 | 资金总额 | …` under `2023年 | | | 2024年`:
            // a money label in the year's column is no amount of a matrix
            // row; ur57 a010.)
            let matrix_here = in_matrix_row(ri).filter(|&(_, first, yc)| {
                first > c
                    && yc
                        .and_then(|yc| row.cells.get(yc))
                        .is_none_or(|x| x.merged || !cell_key(&x.text).is_some_and(Key::is_money))
            });
            let matrix_year = matrix_here.is_some_and(|(.., yc)| yc.is_some());
            if key == Key::MultiYearTotal || (money && !matrix_year && !blocks.is_year(ri, c)) {
                continue;
            }
            // A source under the `其中` of another period's or scope's total
            // in a heading of two levels (`中期资金总额 | 其中 | | 年度资金总额 |
            // 其中` over `| 财政拨款 | 其他资金 | | 财政拨款 | 其他资金`): not
            // the year's.
            // (Or under a block of another period's: `中期资金（万元） | 资金总额
            // | 其中`.)
            let in_other_block = || {
                ri.checked_sub(1).is_some_and(|k| {
                    rows.get(k).is_some_and(|above| {
                        above
                            .cells
                            .iter()
                            .any(|x| !x.merged && sub_heading(&x.text))
                    }) && !blocks.is_year(k, c)
                })
            };
            // (A carry-over under a total's `其中` beside `本年新增` is a part
            // of the total, no source: not folded into 财政拨款.)
            let part_under_total = || {
                key == Key::CarryOver
                    && !row.cells.iter().any(|x| {
                        !x.merged
                            && matches!(
                                key_of(&x.text),
                                Some(Key::Fiscal | Key::Special | Key::Other)
                            )
                    })
                    && ri
                        .checked_sub(1)
                        .and_then(|k| rows.get(k))
                        .is_some_and(|above| {
                            above
                                .cells
                                .iter()
                                .any(|x| !x.merged && sub_heading(&x.text))
                        })
            };
            if matches!(
                key,
                Key::Fiscal | Key::Special | Key::Other | Key::CarryOver
            ) && (under_other_group(rows, ri, c, year) || in_other_block() || part_under_total())
            {
                continue;
            }
            // `其中：上年结转 | 100.00 | 100.00 | 0.00`: the heading of a row of
            // a block's parts under its columns' labels, not a label with
            // its value.
            // (Amounts side by side: `上年结转资金 | 20.00 | 上年结转资金 |
            // 60.00` is two blocks' labels, each with its value.)
            // (Only under columns' money labels: `其中：上年结转 | 100.00 |
            // 100.00` among label-and-amount rows is the carry-over's.)
            let amount_cols: Vec<usize> = row
                .cells
                .iter()
                .enumerate()
                .skip(c + 1)
                .filter(|(_, x)| !x.merged && !x.text.trim().is_empty())
                .take_while(|(_, x)| plain_amount(&x.text))
                .map(|(k, _)| k)
                .collect();
            let under_labels = || {
                rows.get(..ri).unwrap_or_default().iter().any(|above| {
                    amount_cols
                        .iter()
                        .filter(|&&k| {
                            above.cells.get(k).is_some_and(|x| {
                                !x.merged && key_of(&x.text).is_some_and(Key::is_money)
                            })
                        })
                        .count()
                        >= 2
                })
            };
            if key == Key::CarryOver
                && inline.is_none()
                && in_matrix_row(ri).is_none()
                && amount_cols.len() >= 2
                && under_labels()
            {
                continue;
            }
            used.push((row.number, c));
            match inline {
                // `年度资金总额：1000.00（万元）`: the unit is the amount's.
                Some(v) if scale_in(&normalize(v)).is_some() && f.scale.is_none() => {
                    f.scale = scale_in(&normalize(v));
                    f.scale_by_value = true;
                }
                _ => f.scale_of(&cell.text),
            }
            if key == Key::Group {
                continue;
            }
            // The value: the next cell on the right that is neither blank, a merged copy, nor a key;
            // failing that, the cell below (two-row 中长期目标 | 年度目标 blocks, the
            // 88号 template's 年度资金总额 | 财政拨款 | 其他资金 over their amounts), unless
            // the row below holds labels of its own: a blank 其他资金 then is blank, not
            // the 年度目标 text under it.
            let right = row
                .cells
                .iter()
                .enumerate()
                .skip(c + 1)
                .find(|(_, x)| !x.text.trim().is_empty() && (!x.merged || x.text != cell.text));
            // Under a matrix's headings a money label's value is the one in
            // the year's column; in a block of rows headed 中期 | 年度, the one
            // in the year's row.
            let in_matrix = matrix_here.filter(|_| money);
            // Under a matrix's headings an amount in the label's cell is not
            // the year's (`资金总额：3000.00 | | 1000.00`).
            let inline = inline.filter(|_| in_matrix.is_none());
            // Rows headed 中期 | 年度 (or by years) under this row of labels.
            // Only under a label without an amount of its own on its right
            // (`其他资金 | 200.00` over `上年执行数 | 900.00` is no label over
            // rows headed by periods).
            let own_amount = right.is_some_and(|(_, x)| plain_amount(&x.text));
            let headed = if money && in_matrix.is_none() && !own_amount {
                headed_rows(rows, ri, year)
            } else {
                None
            };
            let headed = match headed {
                Some(Err(unclear)) => {
                    f.money_unclear.get_or_insert(unclear);
                    Some(None)
                }
                Some(Ok(year_row)) => {
                    for r in rows.iter().skip(ri + 1).take(4) {
                        let first = r
                            .cells
                            .iter()
                            .position(|x| !x.merged && !x.text.trim().is_empty());
                        match first.filter(|&hc| heading_cells(r, hc).next() == Some(hc)) {
                            Some(hc) => used.push((r.number, hc)),
                            None => break,
                        }
                    }
                    Some(year_row)
                }
                None => None,
            };
            let value = match (inline, right) {
                // Under a matrix's headings, the year's column, even beside
                // an amount in the label's cell (`资金总额：3000.00`).
                _ if in_matrix.is_some() => in_matrix
                    .and_then(|(.., yc)| yc)
                    .and_then(|yc| row.cells.get(yc).map(|x| (row, yc, x))),
                // `年度资金总额：1000.00`: the value in the label's cell.
                (Some(_), _) => Some((row, c, cell)),
                (None, _) if headed.is_some() => headed
                    .flatten()
                    .and_then(|yr| rows.get(yr))
                    .and_then(|yr| yr.cells.get(c).map(|x| (yr, c, x))),
                // `总体目标 | 中期 | | 年度` over the two texts: the one under
                // the year's heading (ur20 G1).
                (None, Some((_, x)))
                    if matches!(key, Key::OverallGoal | Key::AnnualGoal)
                        && goal_heading(&x.text).is_some() =>
                {
                    used.extend(heading_cells(row, c + 1).map(|hc| (row.number, hc)));
                    goal_under_heading(rows, ri, c, year)
                }
                // A block's label over its headings (`资金总额（万元） | |
                // 2024年`) has no value on its right.
                // A column of periods written as text beside the amounts
                // (`其他资金 | 实施期` over `200.00 | 2024-2026年`): the
                // label's amount is below it (a period other than the year's
                // in such a column refuses the form: see `period_columns`).
                (None, Some((hc, x)))
                    if money
                        && (block_heading(&x.text).is_some_and(|h| h != Heading::Total)
                            || year_money_word(&x.text))
                        && !(amounts_below(rows, ri)
                            && rows.get(ri + 1).is_some_and(|b| {
                                b.cells.get(c).is_some_and(|x| plain_amount(&x.text))
                                    && b.cells.get(hc).is_some_and(|x| {
                                        // (A year written as a number under
                                        // `年度` is a period: ur55 c202.)
                                        !x.merged
                                            && !x.text.trim().is_empty()
                                            && (!plain_amount(&x.text)
                                                || year_number(&x.text).is_some())
                                    })
                            })) =>
                {
                    None
                }
                // Not the block's `合计` label beside it (`其他资金 | 合计` over
                // their amounts).
                (None, Some((vc, x)))
                    if cell_key(&x.text).is_none()
                        && !matches!(normalize(&x.text).as_str(), "合计" | "总计")
                        // `资金总额 | 其中` over the sources' labels: a
                        // heading of two levels, no value.
                        && !(money && sub_heading(&x.text))
                        // The last money label before a remark's or the
                        // unit's (`合计 | 说明`, `合计 | 单位：万元`) over a row
                        // of amounts: its amount is below.
                        && !(money
                            && !plain_amount(&x.text)
                            && amounts_below(rows, ri)
                            && rows
                                .get(ri + 1)
                                .and_then(|b| b.cells.get(c))
                                .is_some_and(|b| plain_amount(&b.text))) =>
                {
                    // `资金总额 | 3000.00 | 1000.00` under headings not read as
                    // a split of the year: which is the year's is unknown.
                    let then = row
                        .cells
                        .iter()
                        .enumerate()
                        .skip(vc + 1)
                        .find(|(_, y)| !y.merged && !y.text.trim().is_empty());
                    if let Some((nc, _)) = then.filter(|(nc, y)| {
                        money && rival_amounts(rows, ri, (&x.text, vc), (&y.text, *nc))
                    }) {
                        f.money_unclear
                            .get_or_insert(MoneyUnclear::amounts(row, c, [vc, nc]));
                    }
                    Some((row, vc, x))
                }
                _ => rows
                    .get(ri + 1)
                    .and_then(|below| below.cells.get(c).map(|x| (below, c, x)))
                    .filter(|(below, _, x)| {
                        // A money label's amount below it: a row of amounts,
                        // not a line of facts (`项目负责人 | 张三 | 联系电话 | …`).
                        !x.merged
                            && cell_key(&x.text).is_none()
                            && !has_key(below)
                            && (!money || amounts_below(rows, ri))
                    })
                    .or_else(|| {
                        // The first level of a two-level heading (`资金总额 |
                        // 其中` over `| 财政拨款 | 其他资金`): its amount is
                        // under the second level's row.
                        let two_level = money
                            && right.is_some_and(|(_, x)| sub_heading(&x.text))
                            && rows.get(ri + 1).is_some_and(|mid| {
                                mid.cells
                                    .get(c)
                                    .is_none_or(|x| x.merged || x.text.trim().is_empty())
                                    && mid.cells.iter().skip(c + 1).any(|x| {
                                        !x.merged && key_of(&x.text).is_some_and(Key::is_money)
                                    })
                            })
                            && (amounts_below(rows, ri + 1)
                                || matches!(headed_rows(rows, ri + 1, year), Some(Ok(Some(_)))));
                        if two_level {
                            used.extend(
                                row.cells
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, x)| !x.merged && sub_heading(&x.text))
                                    .map(|(hc, _)| (row.number, hc)),
                            );
                        }
                        // Under the second level, rows headed by periods
                        // (`中期 | 3000.00`, `年度 | 1000.00`): the year's.
                        let amounts_row = match headed_rows(rows, ri + 1, year) {
                            Some(Ok(Some(yr))) => Some(yr),
                            Some(_) => None,
                            None => Some(ri + 2),
                        };
                        amounts_row
                            .and_then(|k| rows.get(k))
                            .and_then(|b| b.cells.get(c).map(|x| (b, c, x)))
                            .filter(|(_, _, x)| two_level && plain_amount(&x.text))
                    }),
            };
            let Some((vrow, vc, vcell)) = value else {
                continue;
            };
            let mut text = inline.unwrap_or(vcell.text.as_ref());
            if text.trim().is_empty() {
                continue;
            }
            // `年度资金总额：1000.00（含上年结转50万元）`: the amount is read,
            // the remark named with the fields not read.
            if let Some((amount, remark)) = inline.filter(|_| money).and_then(with_remark) {
                text = amount;
                remarks.push((row.number, remark.to_string()));
            }
            // A 中长期目标 has no place in the model: its text stays unread.
            if key != Key::LongTermGoal {
                used.push((vrow.number, vc));
            }
            let val = Val {
                text,
                origin: Origin::new(vrow.number, col1(vc)),
                bare_number: vcell.bare_number,
                inline: inline.is_some(),
            };
            match key {
                Key::Name => {
                    f.name.get_or_insert(val);
                }
                Key::Department => {
                    f.department.get_or_insert_with(|| text.trim().to_string());
                }
                Key::Unit => {
                    f.unit.get_or_insert_with(|| text.trim().to_string());
                }
                Key::Total | Key::Fiscal | Key::Special | Key::Other | Key::CarryOver => {
                    f.set_amount(key, val);
                }
                Key::AnnualGoal | Key::OverallGoal => {
                    let goal = match key {
                        Key::AnnualGoal => &mut f.annual_goal,
                        _ => &mut f.overall_goal,
                    };
                    if goal.is_none() {
                        // Beside its label, it may go on in the rows below.
                        *goal = Some(if vrow.number == row.number && inline.is_none() {
                            goal_lines(rows, ri, vc, text, &mut used)
                        } else {
                            std::borrow::Cow::Borrowed(text)
                        });
                    }
                }
                Key::LongTermGoal | Key::Group | Key::MultiYearTotal => {}
            }
        }
    }
    // (Facts of two forms, the first without its indicator header, are
    // refused as such, not for their two totals.)
    let names = rows
        .iter()
        .filter(|r| {
            r.cells
                .iter()
                .any(|x| !x.merged && key_of(&x.text) == Some(Key::Name))
        })
        .count();
    if let (Some((second, row, col)), None, true) =
        (f.second_total.take(), &f.money_unclear, names < 2)
    {
        let first = f.amounts[0].as_ref().map(|v| v.text.trim().to_string());
        f.money_unclear = Some(MoneyUnclear::twice_the_year(
            row,
            col,
            first.into_iter().chain([second]).collect(),
        ));
    }
    if let (Some(stated), Some(title)) = (f.year, f.title_year) {
        // Money labelled with a year (`2024年资金总额：`) on such a form is
        // one of the two years', which cannot be told.
        let dated = rows.iter().find_map(|r| {
            r.cells
                .iter()
                .position(|x| {
                    !x.merged
                        && matches!(cell_key(&x.text), Some(Key::Total | Key::MultiYearTotal))
                        && year_named(&normalize(&x.text)).is_some()
                })
                .map(|c| (r, c))
        });
        if let (None, Some((r, c))) = (&f.money_unclear, dated) {
            f.money_unclear = Some(MoneyUnclear::years(
                r,
                &[c],
                Unclear::YearsDiffer(stated, title),
            ));
        }
        f.money_unclear = f
            .money_unclear
            .take()
            .map(|u| u.years_differ(stated, title));
    }
    // From the first row holding a fact (the title and year lines above it
    // are the preamble's), every written cell not read.
    let first = rows
        .iter()
        .position(|r| used.iter().any(|(n, _)| *n == r.number));
    for row in rows.iter().skip(first.unwrap_or(rows.len())) {
        let mut rest: Vec<String> = Vec::new();
        for (c, cell) in row.cells.iter().enumerate() {
            let t = cell.text.trim();
            if t.is_empty() || cell.merged || used.contains(&(row.number, c)) {
                continue;
            }
            // Each cell shortened on its own (a cut inside a joined row
            // could fall inside a number), on one line.
            let t = one_line(t, 30);
            // A label repeated across cells (a merge saved as copies) once;
            // amounts every time (`1000.00 | 1000.00` are two).
            if rest.last() != Some(&t) || plain_amount(&t) {
                rest.push(t);
            }
        }
        rest.extend(
            remarks
                .iter()
                .filter(|(n, _)| *n == row.number)
                .map(|(_, r)| one_line(r, 30)),
        );
        if !rest.is_empty() {
            f.unread_fields.push((row.number, rest.join(" ")));
        }
    }
    f
}

/// How a later form continues the one above it ([`Form::continues`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Continuation {
    /// Its facts printed again without money or goal.
    Bare,
    /// On a page titled as a continuation, with the same money (all of it
    /// or some) and goals.
    Repeated,
}

/// An amount as a number, for comparing two forms' (`1000` and `1000.00`
/// are one amount).
fn number_of(v: &Val<'_>) -> Option<Decimal> {
    jixiao_core::money::parse_amount(v.text, MoneyScale::WanYuan)
        .ok()
        .flatten()
}

/// Whether title or note rows call their form a continuation page
/// (`项目支出绩效目标申报表（续）`, `（续表）`, `续页`).
fn continuation_title(rows: &[GridRow<'_>]) -> bool {
    rows.iter().flat_map(|r| &r.cells).any(|c| {
        let n = normalize(&c.text);
        n.contains("(续") || n.contains("续表") || n.contains("续页")
    })
}

/// What a later form is compared with to tell a continuation page: the
/// form above's project name, 主管部门 and 实施单位, and its year's money
/// and goals as written.
#[derive(Debug, Default)]
struct Ids {
    name: String,
    department: Option<String>,
    unit: Option<String>,
    amounts: [Option<Decimal>; 4],
    goals: [Option<String>; 2],
}

impl<'a> Form<'a> {
    /// The money scale a label names (`项目资金（万元）`), the first one met.
    fn scale_of(&mut self, label: &str) {
        if let Some(s) = scale_in(&normalize(label)) {
            self.scale.get_or_insert(s);
        }
    }

    /// Where the form's scale is an amount's own unit (`1000.00（万元）`), the
    /// first other amount that names none (a zero is one in any unit): a
    /// `单位：` line saying otherwise leaves its unit untold.
    pub(crate) fn bare_beside_named(&self) -> Option<Origin> {
        let names_unit = |v: &Val<'_>| {
            let n = normalize(v.text);
            n.ends_with('元') || scale_in(&n).is_some()
        };
        let zero = |v: &Val<'_>| {
            v.text
                .trim()
                .chars()
                .all(|c| c == '0' || c == '.' || c == ',')
        };
        self.amounts
            .iter()
            .chain(std::iter::once(&self.carry_over))
            .flatten()
            .find(|v| self.scale_by_value && !names_unit(v) && !zero(v))
            .map(|v| v.origin)
    }

    /// The first amount read for a money key (later ones are another
    /// block's or repeat it).
    fn set_amount(&mut self, key: Key, val: Val<'a>) {
        // An amount that names its unit (`60000万元`) states the scale
        // where no label does.
        let t = val.text.trim();
        let own = if t.ends_with("万元") || (t.ends_with('万') && plain_amount(t)) {
            Some(MoneyScale::WanYuan)
        } else if t.ends_with('元') && plain_amount(t) {
            Some(MoneyScale::Yuan)
        } else {
            None
        };
        // (A zero, `0万元`, is zero in any unit: no statement.)
        let zero = t
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .all(|c| c == '0' || c == '.' || c == ',');
        if let (Some(own), None, false) = (own, self.scale, zero) {
            self.scale = Some(own);
            self.scale_by_value = true;
        }
        // The year's total written twice, differently (two blocks both
        // headed as the year's): which is the year's cannot be told.
        let number = |t: &str| {
            jixiao_core::money::parse_amount(
                t.trim_end_matches("万元").trim_end_matches('元'),
                MoneyScale::WanYuan,
            )
            .ok()
            .flatten()
        };
        if let (Key::Total, Some(first)) = (key, &self.amounts[0]) {
            let (a, b) = (number(first.text), number(val.text));
            if a.is_some() && b.is_some() && a != b && self.second_total.is_none() {
                self.second_total = Some((
                    val.text.trim().to_string(),
                    val.origin.row,
                    val.origin.col.saturating_sub(1) as usize,
                ));
            }
        }
        let slot = match key {
            Key::CarryOver => &mut self.carry_over,
            Key::Total => &mut self.amounts[0],
            Key::Fiscal => &mut self.amounts[1],
            Key::Special => &mut self.amounts[2],
            _ => &mut self.amounts[3],
        };
        slot.get_or_insert(val);
    }

    fn ids(&self) -> Ids {
        Ids {
            name: self
                .name
                .as_ref()
                .map_or_else(String::new, |n| n.text.trim().to_string()),
            department: self.department.clone(),
            unit: self.unit.clone(),
            amounts: self
                .amounts
                .each_ref()
                .map(|v| v.as_ref().and_then(number_of)),
            goals: [&self.annual_goal, &self.overall_goal]
                .map(|g| g.as_deref().map(|g| g.trim().to_string())),
        }
    }

    /// Whether this form, stacked under `prev`'s, is a continuation page of
    /// it: the same project (the same name, and no other 主管部门 or 实施单位)
    /// with no money and no goal of its own. A form of its own states them;
    /// one read as a second project of the same name would leave the first
    /// short of the indicators printed on its next page. A page titled as a
    /// continuation (`申报表（续）`, `续表`: `titled`) may print the money and
    /// goals again: when they are the same as above, it is still the same
    /// project (its money counted once).
    fn continues(&self, prev: &Ids, titled: bool) -> Option<Continuation> {
        let same = |a: &Option<String>, b: &Option<String>| {
            a.as_ref().is_none_or(|a| b.as_ref().is_none_or(|b| a == b))
        };
        let project = self
            .name
            .as_ref()
            .is_some_and(|n| !prev.name.is_empty() && n.text.trim() == prev.name)
            && same(&self.department, &prev.department)
            && same(&self.unit, &prev.unit);
        if !project {
            return None;
        }
        let goals = [self.annual_goal.as_deref(), self.overall_goal.as_deref()];
        if self.amounts.iter().all(Option::is_none)
            && self.carry_over.is_none()
            && goals.iter().all(Option::is_none)
        {
            return Some(Continuation::Bare);
        }
        // Each amount the page restates (it may restate only the total) is
        // the one above.
        let restated = self.amounts.iter().zip(&prev.amounts).all(|(v, p)| {
            v.as_ref()
                .is_none_or(|v| number_of(v).is_some_and(|n| Some(n) == *p))
        });
        let same_goals = goals
            .iter()
            .zip(&prev.goals)
            .all(|(g, p)| g.is_none_or(|g| p.as_deref() == Some(g.trim())));
        (titled
            && self.amounts.iter().any(Option::is_some)
            && restated
            && self.carry_over.is_none()
            && same_goals)
            .then_some(Continuation::Repeated)
    }

    /// Whether the form read no money of the year and found none unclear.
    pub(crate) fn no_money(&self) -> bool {
        self.amounts.iter().all(Option::is_none) && self.money_unclear.is_none()
    }

    /// Whether the form names a project (otherwise it is not a form we can read).
    pub(crate) fn has_project(&self) -> bool {
        self.name.is_some()
    }

    /// The form's project (and its 实施单位), or `None` when no 项目名称 was found.
    pub(crate) fn project(
        &self,
        scale: MoneyScale,
        location: &Location,
        notices: &mut Vec<Notice>,
    ) -> Result<Option<(Project, Option<UnitKey>)>> {
        let Some(name) = &self.name else {
            return Ok(None);
        };
        let amount = |v: &Val<'_>| {
            // `无` (none) in a form's amount cell is a blank, as `-` is.
            if matches!(v.text.trim(), "无" | "无。") {
                return Ok(None);
            }
            super::rows::read_amount(v.text, v.bare_number, scale).map_err(|_| {
                Error::invalid(
                    Location {
                        row: Some(v.origin.row),
                        col: Some(v.origin.col),
                        ..location.clone()
                    },
                    Text::new(
                        format!(
                            "「{}」不是金额；应为以{}为单位的数字",
                            v.text.trim(),
                            scale.label()
                        ),
                        format!(
                            "“{}” is not an amount; a number in {} was expected",
                            v.text.trim(),
                            scale.label()
                        ),
                    ),
                    Text::new(
                        "请填写数字，例如 100.00；空白表示 0",
                        "write a number such as 100.00; leave the cell blank for 0",
                    ),
                )
            })
        };
        let mut vals: [Option<Decimal>; 4] = [None; 4];
        for (slot, v) in vals.iter_mut().zip(&self.amounts) {
            if let Some(v) = v {
                *slot = match amount(v) {
                    Ok(a) => a,
                    // `年度资金总额：1000万元` in a 元 form: named, never a
                    // reason to refuse the form.
                    Err(_) if v.inline => {
                        let r = v.origin.row;
                        notices.push(Notice::new(
                            Some(v.origin),
                            "form-field-unread",
                            format!(
                                "第{r}行：「{}」不是以{}为单位的金额，未读入",
                                v.text.trim(),
                                scale.label()
                            ),
                            format!(
                                "row {r}: “{}” is no amount in {}; not read",
                                v.text.trim(),
                                scale.label()
                            ),
                        ));
                        None
                    }
                    Err(e) => return Err(e),
                };
            }
        }
        if let Some(v) = &self.carry_over {
            if let Some(c) = amount(v)?.filter(|c| !c.is_zero()) {
                notices.push(carry_over(&mut vals, c, v.origin));
            }
        }
        for (label, v) in &self.unread {
            let r = v.origin.row;
            let value = v.text.trim();
            notices.push(Notice::new(
                Some(v.origin),
                "amount-source-unread",
                format!("第{r}行：「{label}」{value} 是项目资金的一项，但不是财政拨款、财政专户拨款、其他资金（或上年结转）之一，未读入；请核对应并入哪一项（总计的核对因此可能不符）"),
                format!("row {r}: “{label}” {value} is a part of the project's money but none of 财政拨款, 财政专户拨款, 其他资金 (or carry-over); not read: check which it belongs to (the total's check may fail for it)"),
            ));
        }
        if let Some(n) = unread_fields_notice(&self.unread_fields) {
            notices.push(n);
        }
        if let (Some(stated), Some(title)) = (self.year, self.title_year) {
            notices.push(Notice::new(
                None,
                "form-year-conflict",
                format!("申报表的标题写明{title}年度，「预算年度」栏却是{stated}：按{stated}年度读取，请核对"),
                format!("the form's title names {title} but its 预算年度 line {stated}: read as {stated}; check which is right"),
            ));
        }
        // A form's project without any money of the year would pass the
        // review's amount checks unremarked: said, as a warning.
        if vals.iter().all(Option::is_none) {
            let n = name.text.trim();
            notices.push(Notice::new(
                Some(name.origin),
                jixiao_core::review::catalogue::MONEY_UNREAD,
                format!("申报表「{n}」没有读到本年度的金额（总计、财政拨款、财政专户拨款、其他资金均为空）：资金栏可能只有其他期间的金额，或其写法未被识别；请核对原表"),
                format!("form “{n}”: no money of the year was read (total and every funding source blank): its money block may hold another period's money only, or its layout was not recognised; check the source"),
            ));
        }
        let [total, fiscal_appropriation, special_account, other_funds] = vals;
        let project = Project {
            name: name.text.trim().to_string(),
            code: None,
            funding: Funding {
                total,
                fiscal_appropriation,
                special_account,
                other_funds,
            },
            goal: self
                .annual_goal
                .as_deref()
                .or(self.overall_goal.as_deref())
                .map(str::to_string),
            indicators: Vec::new(),
            origin: name.origin,
            indicator_cell: None,
            amount_origins: Some(Box::new(
                self.amounts
                    .each_ref()
                    .map(|v| v.as_ref().map(|v| v.origin)),
            )),
        };
        let unit = self.unit.as_deref().map(|u| {
            let (code, name) = split_code(u);
            UnitKey { name, code }
        });
        Ok(Some((project, unit)))
    }
}

/// A row whose written cells are all amounts (or dashes for none).
fn amounts_row(row: &GridRow<'_>) -> bool {
    row.cells
        .iter()
        .filter(|x| !x.merged && !x.text.trim().is_empty())
        .all(|x| {
            let n = normalize(&x.text);
            plain_amount(&x.text)
                || matches!(n.as_str(), "-" | "—" | "/" | "万元" | "元")
                || money_unit(&n)
                || n.starts_with("单位:")
        })
}

/// A line that only states a money unit (`单位：万元`, `金额单位：元`), in
/// whichever column it was printed: a form's, never an indicator.
fn money_unit_line(row: &GridRow<'_>) -> bool {
    let mut written = row
        .cells
        .iter()
        .filter(|c| !c.merged && !c.text.trim().is_empty())
        .peekable();
    written.peek().is_some()
        && written.all(|c| {
            let n = normalize(&c.text);
            let n = n.trim_start_matches('(').trim_end_matches(')');
            let unit = ["金额单位:", "单位:", "货币单位:"]
                .iter()
                .find_map(|k| n.strip_prefix(k));
            unit.is_some_and(|u| matches!(u.trim_start_matches("人民币"), "万元" | "元"))
        })
}

/// A cell stating a money unit (`单位：万元`, `（万元）`, `万元`).
fn unit_cell(text: &str) -> bool {
    let n = normalize(text);
    let n = n.strip_prefix("人民币").unwrap_or(&n);
    n.starts_with("单位:")
        || n.starts_with("金额单位:")
        || money_unit(n)
        || matches!(n, "万元" | "元")
}

/// The amounts of a row, by column, as numbers (`1,000.00` and `1000` alike).
fn row_amounts(r: &GridRow<'_>) -> Vec<(usize, Decimal)> {
    r.cells
        .iter()
        .enumerate()
        .filter(|(_, x)| !x.merged && plain_amount(&x.text))
        .filter_map(|(c, x)| {
            let digits: String = x
                .text
                .chars()
                .filter(|ch| ch.is_ascii_digit() || *ch == '.')
                .collect();
            digits.parse::<Decimal>().ok().map(|d| (c, d.normalize()))
        })
        .collect()
}

/// The amounts of a row of bare amounts (a unit cell or a dash for none
/// beside them aside), by column, as numbers.
fn bare_amounts(r: &GridRow<'_>) -> Option<Vec<(usize, Decimal)>> {
    let amounts = row_amounts(r);
    (amounts_row(r) && !amounts.is_empty()).then_some(amounts)
}

/// A second row of other bare amounts under the first one under row `ri`
/// (`3000.00 | 2400.00` then `1000.00 | 800.00`, or `- | 800.00`; blank rows
/// or a `注：` line between aside), sharing a column with it: two periods'
/// money the labels do not tell apart. The same amounts again (however
/// written) are none.
fn rival_bare_rows(rows: &[GridRow<'_>], ri: usize) -> bool {
    let Some(first) = rows.get(ri + 1).and_then(bare_amounts) else {
        return false;
    };
    let note = |r: &GridRow<'_>| {
        r.cells
            .iter()
            .find(|x| !x.merged && !x.text.trim().is_empty())
            .is_some_and(|x| normalize(&x.text).starts_with("注"))
    };
    // A row of shares (`100% | 80% | 20%`, perhaps with its label: `占比 |
    // 100% | …`, `… | 20% | 占比`) between them hides no second row.
    let shares = |r: &GridRow<'_>| {
        let percent = |t: &str| {
            t.strip_suffix(['%', '％'])
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
        };
        let filled: Vec<&str> = r
            .cells
            .iter()
            .filter(|x| !x.merged && !x.text.trim().is_empty())
            .map(|x| x.text.trim())
            .collect();
        let label = |t: &str| !percent(t) && !plain_amount(t) && cell_key(t).is_none();
        let (labels, shares) = (
            filled.iter().filter(|t| label(t)).count(),
            filled.iter().filter(|t| percent(t)).count(),
        );
        shares > 0 && labels <= 1 && labels + shares == filled.len()
    };
    rows.iter()
        .skip(ri + 2)
        .find(|r| !blank_but_merges(r) && !note(r) && !shares(r))
        .and_then(bare_amounts)
        .is_some_and(|second| {
            second != first
                && second
                    .iter()
                    .any(|(c, _)| first.iter().any(|(k, _)| k == c))
        })
}

/// A row of amounts right under row `ri`, and no rival under it
/// ([`rival_bare_rows`]).
fn one_amounts_row_below(rows: &[GridRow<'_>], ri: usize) -> bool {
    rows.get(ri + 1).and_then(bare_amounts).is_some() && !rival_bare_rows(rows, ri)
}

/// A row of amounts right under row `ri`, beside it at most a remark's
/// text (`1000.00 | 800.00 | 200.00 | 用于培训`), and no rival row under it.
fn amounts_below(rows: &[GridRow<'_>], ri: usize) -> bool {
    let Some(below) = rows.get(ri + 1) else {
        return false;
    };
    let written: Vec<(usize, bool)> = below
        .cells
        .iter()
        .enumerate()
        .filter(|(_, x)| !x.merged && !x.text.trim().is_empty())
        .map(|(c, x)| (c, plain_amount(&x.text)))
        .collect();
    let amounts = written.iter().filter(|(_, a)| *a).count();
    // Text only after the amounts (a remark), none heading them
    // (`去年执行数 | 900.00 | …` is another period's row).
    let last_amount = written.iter().filter(|(_, a)| *a).map(|(c, _)| *c).max();
    let text_after = written
        .iter()
        .filter(|(_, a)| !*a)
        .all(|(c, _)| last_amount.is_some_and(|l| *c > l));
    // Another row of amounts under it, remarks or not (`900.00 | … | 上年执行`
    // then `1000.00 | … | 本年预算`): which is the year's is not said.
    // (Bare rows are [`rival_bare_rows`]'; the same amounts again, however
    // written, and a 合计 row are no rival.)
    let first = row_amounts(below);
    let rival = rows
        .iter()
        .skip(ri + 2)
        .find(|r| !blank_but_merges(r))
        .filter(|r| bare_amounts(r).is_none())
        // Amounts first, a remark after (not a row labelled on its left:
        // `培训人次 | 500 | 480`, `合计 | …`).
        .filter(|r| {
            r.cells
                .iter()
                .find(|x| !x.merged && !x.text.trim().is_empty())
                .is_none_or(|x| plain_amount(&x.text))
        })
        .map(row_amounts)
        .is_some_and(|second| {
            second.len() >= 2
                && second != first
                && second
                    .iter()
                    .any(|(c, _)| first.iter().any(|(k, _)| k == c))
        });
    if rival {
        return false;
    }
    one_amounts_row_below(rows, ri)
        || (amounts >= 2 && text_after && !has_key(below) && !rival_bare_rows(rows, ri))
}

fn blank_but_merges(row: &GridRow<'_>) -> bool {
    row.cells
        .iter()
        .all(|x| x.merged || x.text.trim().is_empty())
}

/// `text` on one line (line breaks and tabs as spaces), at most `max`
/// characters and `…`.
fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = flat.chars().take(max).collect();
    if flat.chars().count() > max {
        s.push('…');
    }
    s
}

/// The note naming a form's facts the model has no place for: every row
/// (a form has few; past 50 the rest are counted).
fn unread_fields_notice(fields: &[(u32, String)]) -> Option<Notice> {
    const SHOWN: usize = 50;
    let (first, _) = fields.first()?;
    let short = |t: &str| t.to_string();
    let list = |zh: bool| {
        let mut out: Vec<String> = fields
            .iter()
            .take(SHOWN)
            .map(|(r, t)| {
                if zh {
                    format!("第{r}行「{}」", short(t))
                } else {
                    format!("row {r} “{}”", short(t))
                }
            })
            .collect();
        if fields.len() > SHOWN {
            out.push(if zh {
                format!("等共 {} 行", fields.len())
            } else {
                format!("and more, {} rows in all", fields.len())
            });
        }
        out.join(if zh { "、" } else { ", " })
    };
    Some(Notice::new(
        Some(Origin::new(*first, 0)),
        "form-field-unread",
        format!(
            "申报表中这些栏目未读入（数据模型中没有这些栏目，或它们是其他期间的金额、无法确定所属栏目的金额）：{}",
            list(true)
        ),
        format!(
            "these fields of the form were not read (the data model has no place for them, or they are money of another period or of no column that can be told): {}",
            list(false)
        ),
    ))
}

/// Count a form's 上年结转资金 `c` (at `at`) in 财政拨款, as
/// [`super::rows::fold_carry_over`] does, and say so.
fn carry_over(vals: &mut [Option<Decimal>; 4], c: Decimal, at: Origin) -> Notice {
    let r = at.row;
    let now = vals.get(1).copied().flatten().unwrap_or_default();
    if !super::rows::fold_carry_over(vals, c) {
        return Notice::new(
            Some(at),
            "amount-carry-over",
            format!("第{r}行：上年结转资金 {c} 已含在财政拨款等来源之中（年度资金总额等于各来源之和），未另计"),
            format!("row {r}: the carry-over (上年结转资金) {c} is already within the sources (the total equals their sum); not counted again"),
        );
    }
    let sum = now + c;
    Notice::new(
        Some(at),
        "amount-carry-over",
        format!("第{r}行：上年结转资金 {c} 计入财政拨款（当年财政拨款 {now} + 上年结转 {c} = {sum}），资金来源没有单列结转的栏目"),
        format!("row {r}: the carry-over (上年结转资金) {c} is counted in 财政拨款 (this year's {now} + carry-over {c} = {sum}); the sources have no column of their own for it"),
    )
}

/// The labels that open a form's facts, compared whole: one in a form's
/// indicator block starts another form (a department's forms stacked in one
/// sheet), so that it never becomes an indicator of the project above.
/// Whole, not by prefix: an indicator named 项目资金到位率 opens nothing.
/// 财政拨款 and 其他资金 are left out unless written `其中：…`: a 成本指标 may
/// be named so, and in a form they only follow a 年度资金总额, which is here.
fn opens_form(text: &str) -> bool {
    let n = normalize(text);
    if n.starts_with("其中") {
        return matches!(
            key_of(text),
            Some(Key::Total | Key::Fiscal | Key::Special | Key::Other | Key::CarryOver)
        );
    }
    matches!(
        n.trim_end_matches(':'),
        "项目名称"
            | "主管部门"
            | "主管部门及代码"
            | "部门名称"
            | "预算部门"
            | "实施单位"
            | "项目实施单位"
            | "单位名称"
            | "资金使用单位"
            | "项目资金"
            | "项目资金(万元)"
            | "项目资金(元)"
            | "年度资金总额"
            | "资金总额"
            | "项目资金总额"
            | "年度资金总额(万元)"
            | "年度目标"
            | "年度绩效目标"
            | "总体目标"
            | "年度总体目标"
            | "绩效目标"
            | "中长期目标"
            | "长期目标"
    )
}

/// Whether `row` closes a form: its first cell written in the row itself
/// (a category merged down over it does not count) is a closing label
/// ([`is_closing_label`]) left of the 三级指标 column. An XLSX export keeps such a
/// row short (`其他需要说明的问题 | 无`), and the indicator reader would
/// line a short row up on the right, as a ragged continuation, and make an
/// indicator of it under the 一级指标 above.
fn closes_form_row(row: &GridRow<'_>, name_col: Option<usize>) -> bool {
    row.cells
        .iter()
        .enumerate()
        .find(|(_, c)| !c.merged && !c.text.trim().is_empty())
        .is_some_and(|(c, x)| name_col.is_none_or(|n| c < n) && is_closing_label(&x.text))
}

/// Every cell written in `row` (merged copies once), shortened for a notice.
fn row_text(row: &GridRow<'_>) -> String {
    let mut all: Vec<&str> = Vec::new();
    for c in &row.cells {
        let t = c.text.trim();
        if !t.is_empty() && all.last() != Some(&t) {
            all.push(t);
        }
    }
    let all = all.join("  ");
    let mut s: String = all.chars().take(80).collect();
    if all.chars().count() > 80 {
        s.push('…');
    }
    s
}

/// A form's indicator block without its closing rows: a row that closes
/// the form ([`closes_form_row`]) and the rows under it are said and not
/// read, whatever lies beside or under the closing label (`（盖章）`, a
/// date), until a row that is an indicator again (its own 三级指标 and
/// 指标值), the indicator header or the title: a footer printed on every
/// page (`填报人：…`) does not end the form's indicators on the next page.
fn without_tail<'a>(
    rows: &[GridRow<'a>],
    name_col: Option<usize>,
    value_col: Option<usize>,
    notices: &mut Vec<Notice>,
) -> Vec<GridRow<'a>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut closing = false;
    for row in rows {
        if closes_form_row(row, name_col) {
            closing = true;
        } else if closing
            && ((own(row, name_col) && own(row, value_col))
                || super::header::is_form_header(row)
                || is_title(row))
        {
            closing = false;
        }
        if !closing {
            out.push(row.clone());
            continue;
        }
        if row.is_blank() {
            continue;
        }
        let (r, text) = (row.number, row_text(row));
        notices.push(Notice::new(
            Some(Origin::new(r, 0)),
            "row-note",
            format!("第{r}行：「{text}」在申报表指标之后，是说明、审核意见或签字栏，未读入"),
            format!("row {r}: “{text}” follows the form's indicators and is a note, review opinion or signature line; not read"),
        ));
    }
    out
}

/// A cell written in the row itself, not a merged copy of one above or beside.
fn own(row: &GridRow<'_>, c: Option<usize>) -> bool {
    c.and_then(|c| row.cells.get(c))
        .is_some_and(|x| !x.merged && !x.text.trim().is_empty())
}

/// Whether a cell of `row` (its own, not a merged copy) opens a form.
fn opens_form_row(row: &GridRow<'_>) -> bool {
    row.cells.iter().any(|c| !c.merged && opens_form(&c.text))
}

/// A goal written over several rows beside its label, whose cell spans them
/// (`年度绩效目标 | 目标1：…` over ` | 目标2：…`, as forms print one target a
/// line): `first`, the text at row `ri` and column `vc` right of the label,
/// and each row below that holds text in that column alone (its label's
/// cell blank or merged with the rest; no key, no amount), one a line;
/// those cells are marked `used`.
fn goal_lines<'a>(
    rows: &'a [GridRow<'a>],
    ri: usize,
    vc: usize,
    first: &'a str,
    used: &mut Vec<(u32, usize)>,
) -> std::borrow::Cow<'a, str> {
    let blank = |x: &crate::grid::GridCell<'_>| x.merged || x.text.trim().is_empty();
    let mut goal = std::borrow::Cow::Borrowed(first);
    for r in rows.iter().skip(ri + 1) {
        let line = r
            .cells
            .get(vc)
            .filter(|x| !blank(x) && cell_key(&x.text).is_none() && !plain_amount(&x.text));
        let alone = r.cells.iter().enumerate().all(|(k, x)| k == vc || blank(x));
        let Some(line) = line.filter(|_| alone) else {
            break;
        };
        let text = goal.to_mut();
        text.push('\n');
        text.push_str(line.text.trim());
        used.push((r.number, vc));
    }
    goal
}

/// Whether a cell of `row` (its own) is any form label, 财政拨款 included.
fn has_key(row: &GridRow<'_>) -> bool {
    row.cells
        .iter()
        .any(|c| !c.merged && cell_key(&c.text).is_some())
}

/// A title line (`项目支出绩效目标申报表（2024年度）`): one text, merged over
/// the row or alone in it, naming a form.
fn is_title(row: &GridRow<'_>) -> bool {
    let mut texts = row
        .cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty());
    let Some(first) = texts.next() else {
        return false;
    };
    texts.all(|t| t == first)
        && ["申报表", "目标表", "审批表", "批复表"]
            .iter()
            .any(|w| first.contains(w))
}

/// A later form of a sheet holding several, as indices into the grid's rows.
#[derive(Debug, Clone, Copy)]
struct Later {
    /// Its first row: blank rows, its title and notes above its facts included.
    start: usize,
    /// The row whose label opens its facts (项目名称, 主管部门 …).
    opens: usize,
    /// Its indicator header (一级指标 | 二级指标 | 三级指标 | 指标值).
    /// (For a continuation page printed without one, its last row of facts.)
    header: usize,
    /// Its title or notes call it a continuation page ([`continuation_title`]).
    titled: bool,
    /// A continuation page without an indicator header: its indicators are
    /// in the first form's columns, right under its facts.
    headerless: bool,
}

fn refuse(location: &Location, row: &GridRow<'_>, zh: String, en: String) -> Error {
    Error::invalid(
        Location {
            row: Some(row.number),
            ..location.clone()
        },
        Text::new(zh, en),
        Text::new(
            "同一工作表中上下排列的每张申报表须各有项目名称和「一级指标 | 二级指标 | 三级指标 | 指标值」表头，且与第一张同一年度、同一金额单位、同样的指标列；请补全或改正该表，或把各表分到不同的工作表后再读取",
            "each form stacked in a sheet needs its own 项目名称 and 一级指标 | 二级指标 | 三级指标 | 指标值 header, and the first form's year, money scale and indicator columns: complete or correct that form, or put each form on a sheet of its own",
        ),
    )
}

/// Whether a row holds a 项目名称 label.
fn names_project(row: &GridRow<'_>) -> bool {
    row.cells
        .iter()
        .any(|c| !c.merged && key_of(&c.text) == Some(Key::Name))
}

/// A form opened at `row` (the `k`th) with no indicator header under it.
fn no_header(location: &Location, row: &GridRow<'_>, k: usize) -> Error {
    let (c, label) = opening(row);
    refuse(
        &Location {
            col: Some(c),
            ..location.clone()
        },
        row,
        format!(
            "「{label}」在上一张申报表的指标之后，像是第{k}张申报表的开始，但其下没有「一级指标 | 三级指标 | 指标值」表头，无法可靠读取（不会把它读作上一项目的指标）",
        ),
        format!(
            "“{label}” follows the indicators of the form above and looks like the start of form {k}, but no 一级指标 | 三级指标 | 指标值 header follows it, so it cannot be read with confidence (it is not read as indicators of the project above)",
        ),
    )
}

/// The forms after the first one: a row of the indicator block whose label
/// opens a form (see [`opens_form`]) starts the next form, from the blank,
/// title and note rows right above it; that form's facts run to its own
/// indicator header. A form that cannot be read so is refused at its row,
/// never folded into the indicators above.
fn later_forms(
    rows: &[GridRow<'_>],
    first_header: usize,
    cat_col: Option<usize>,
    name_col: Option<usize>,
    value_col: Option<usize>,
    location: &Location,
) -> Result<Vec<Later>> {
    let mut out = Vec::new();
    let mut block = first_header + 1;
    let mut i = block;
    while let Some(row) = rows.get(i) {
        if !opens_form_row(row) {
            i += 1;
            continue;
        }
        let k = out.len() + 2;
        // An indicator row keeps its 三级指标 or 指标值 cell; what has neither
        // above the opening label is the next form's title, blank or note.
        // (A `单位：万元` line printed right-aligned stands in the 指标值
        // column, yet is the next form's, as its title is.)
        let mut start = i;
        while start > block
            && rows.get(start - 1).is_some_and(|r| {
                (money_unit_line(r) || (!own(r, name_col) && !own(r, value_col)))
                    && !closes_form_row(r, name_col)
            })
        {
            start -= 1;
        }
        while start < i && rows.get(start).is_some_and(GridRow::is_blank) {
            start += 1;
        }
        let next_header =
            (i + 1..rows.len()).find(|&j| rows.get(j).is_some_and(super::header::is_form_header));
        // A page titled as a continuation (`（续表）`) may print its facts
        // without the indicator header: the header found below, if any, is
        // another form's when another 项目名称 comes before it. Whether it continues
        // the project above is for [`read_all`] to tell (else refused).
        let next_opening = (i + 1..rows.len()).find(|&j| rows.get(j).is_some_and(names_project));
        let titled = continuation_title(rows.get(start..i).unwrap_or(&[]));
        if titled && next_header.is_none_or(|h| next_opening.is_some_and(|o| o < h)) {
            let mut last = i;
            while rows
                .get(last + 1)
                .is_some_and(|r| has_key(r) && !own(r, name_col) && !own(r, value_col))
            {
                last += 1;
            }
            out.push(Later {
                start,
                opens: i,
                header: last,
                titled,
                headerless: true,
            });
            block = last + 1;
            i = last + 1;
            continue;
        }
        let Some(header) = next_header else {
            return Err(no_header(location, row, k));
        };
        let mut names = 0;
        for j in i..header {
            let Some(r) = rows.get(j) else { continue };
            if r.is_blank() {
                continue;
            }
            if names_project(r) {
                names += 1;
                if names > 1 {
                    return Err(refuse(
                        location,
                        r,
                        format!(
                            "又一个「项目名称」，而第{}行起的第{k}张申报表还没有指标表头：有一张申报表缺少「一级指标 | 三级指标 | 指标值」表头，无法可靠读取",
                            row.number
                        ),
                        format!(
                            "another 项目名称 while form {k}, from row {}, has had no indicator header yet: a form lacks its 一级指标 | 三级指标 | 指标值 header and cannot be read with confidence",
                            row.number
                        ),
                    ));
                }
            }
            // A form's facts are label rows and the row under a label that
            // takes its value from below (总体目标 | 中长期目标 | 年度目标);
            // anything else there (indicator rows above a header) would be lost.
            let under_key = j > i && rows.get(j - 1).is_some_and(has_key) && !own(r, value_col);
            // A row of a money block headed by its period (`上年执行数 | 450.00 | …`).
            let money_row = || {
                let mut written = r
                    .cells
                    .iter()
                    .filter(|x| !x.merged && !x.text.trim().is_empty());
                written.next().is_some_and(|x| !plain_amount(&x.text))
                    && written.clone().next().is_some()
                    && written
                        .all(|x| plain_amount(&x.text) || matches!(x.text.trim(), "-" | "—" | "/"))
            };
            // A row of amounts under a row of money labels (`年度资金总额 | 财政拨款
            // | 其他资金` over `268.30 | 200.00 | 68.30`), its last amount
            // perhaps in the indicators' value column.
            let amounts_under_labels = || {
                j > i
                    && rows.get(j - 1).is_some_and(|above| {
                        above
                            .cells
                            .iter()
                            .any(|x| !x.merged && key_of(&x.text).is_some_and(Key::is_money))
                    })
                    && r.cells
                        .iter()
                        .filter(|x| !x.merged && !x.text.trim().is_empty())
                        .all(|x| plain_amount(&x.text) || matches!(x.text.trim(), "-" | "—" | "/"))
            };
            if !has_key(r)
                && !under_key
                && !is_title(r)
                && !other_fact(r, cat_col)
                && !money_row()
                && !amounts_under_labels()
            {
                let label = first_label(r);
                return Err(refuse(
                    location,
                    r,
                    format!(
                        "「{label}」夹在第{}行起的第{k}张申报表的项目信息和其指标表头（第{}行）之间，既不是项目信息也不是指标，无法可靠读取",
                        row.number,
                        rows.get(header).map_or(0, |h| h.number)
                    ),
                    format!(
                        "“{label}” stands between the facts of form {k} (from row {}) and its indicator header (row {}); it is neither a fact of the form nor an indicator, so the form cannot be read with confidence",
                        row.number,
                        rows.get(header).map_or(0, |h| h.number)
                    ),
                ));
            }
        }
        out.push(Later {
            start,
            opens: i,
            header,
            titled,
            headerless: false,
        });
        block = header + 1;
        i = header + 1;
    }
    Ok(out)
}

/// A fact the model has no place for (`项目属性 | 延续项目 | | 项目期 | 1年`,
/// `项目负责人 | 张三 | | 联系电话 | …`): a row whose first cell written in
/// it is a label left of the 一级指标 column, where no indicator row has
/// its text. The first form's such rows are passed over by [`read`]; a
/// later form's are too, rather than refusing a sheet of forms from one
/// template. A label naming an indicator (`绩效指标`) is no fact.
fn other_fact(row: &GridRow<'_>, cat_col: Option<usize>) -> bool {
    let Some(k) = cat_col else {
        return false;
    };
    row.cells
        .iter()
        .enumerate()
        .find(|(_, c)| !c.merged && !c.text.trim().is_empty())
        .is_some_and(|(c, x)| {
            let t = x.text.trim();
            c < k && !t.contains("指标") && t.parse::<f64>().is_err()
        })
}

/// The 1-based column and text of the label that opens a form in `row`.
fn opening(row: &GridRow<'_>) -> (u32, String) {
    row.cells
        .iter()
        .enumerate()
        .find(|(_, c)| !c.merged && opens_form(&c.text))
        .map_or((1, first_label(row)), |(c, x)| {
            (col1(c), x.text.trim().to_string())
        })
}

/// The first filled cell of `row` (written there rather than a merged copy,
/// when it has one), shortened for a message.
fn first_label(row: &GridRow<'_>) -> String {
    let filled = |c: &&crate::grid::GridCell<'_>| !c.text.trim().is_empty();
    let t = row
        .cells
        .iter()
        .filter(|c| !c.merged)
        .find(filled)
        .or_else(|| row.cells.iter().find(filled))
        .map_or("", |c| c.text.trim());
    let mut s: String = t.chars().take(30).collect();
    if t.chars().count() > 30 {
        s.push('…');
    }
    s
}

/// A form's indicator rows without the page furniture printed among them
/// (its indicator header again, its title again after a page break), which
/// would otherwise be read as an indicator or lend the title to the 一级指标
/// of the rows below.
fn indicator_rows<'a>(rows: &[GridRow<'a>], notices: &mut Vec<Notice>) -> Vec<GridRow<'a>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut after_header = false;
    for row in rows {
        let r = row.number;
        // The second row of a two-row value header printed again (湖北:
        // `2023年实际实现值 | 预期2024年实现值`) goes with its first.
        let sub_row =
            std::mem::take(&mut after_header) && super::form_header::is_value_sub_row(row, 0);
        if sub_row || super::header::is_form_header(row) {
            after_header = !sub_row;
            notices.push(Notice::new(
                Some(Origin::new(r, 0)),
                "header-repeated",
                format!("第{r}行：重复了指标表头（如每页重印的表头），未读入"),
                format!("row {r}: the indicator header printed again (as on every page); not read"),
            ));
            continue;
        }
        if is_title(row) {
            let label = first_label(row);
            notices.push(Notice::new(
                Some(Origin::new(r, 0)),
                "row-heading",
                format!("第{r}行：「{label}」是重复的表名，视为标题行，未读入"),
                format!(
                    "row {r}: “{label}” repeats the form's title; taken as a heading and not read"
                ),
            ));
            continue;
        }
        out.push(row.clone());
    }
    out
}

/// Everything the form reader needs of the table being built.
pub(crate) struct Context<'c> {
    pub(crate) layout: &'c Layout,
    pub(crate) reader: &'c Reader<'c>,
    /// The first form's title lines (its fiscal year) and department.
    pub(crate) preamble: &'c Preamble,
}

/// Read every form of the sheet: the first (`first`, above `ctx.layout`'s
/// header) and those stacked under it, each its own project with its own
/// amounts, goal and indicators. Returns the items and the table's
/// department (`None` when the forms name different 主管部门).
pub(crate) fn read_all(
    grid: &Grid<'_>,
    first: &Form<'_>,
    ctx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Result<(Vec<Item>, Option<String>)> {
    let rows = &grid.rows;
    let (layout, reader, pre) = (ctx.layout, ctx.reader, ctx.preamble);
    let location = reader.location;
    // Two 项目名称 above the first header: a form without its indicator
    // header, then another, whose indicators the first name would take.
    if let Some(second) = rows
        .get(..layout.first_row)
        .unwrap_or(&[])
        .iter()
        .filter(|r| names_project(r))
        .nth(1)
    {
        return Err(refuse(
            location,
            second,
            "又一个「项目名称」，而上一张申报表还没有「一级指标 | 三级指标 | 指标值」表头：有一张申报表缺少指标表头，无法可靠读取".into(),
            "another 项目名称 comes before the form above it has its 一级指标 | 三级指标 | 指标值 header: a form lacks its indicator header and cannot be read with confidence".into(),
        ));
    }
    let name_col = layout.col(Field::IndicatorName);
    let value_col = layout.col(Field::TargetValue);
    let later = later_forms(
        rows,
        layout.last_row,
        layout.col(Field::Category),
        name_col,
        value_col,
        location,
    )?;
    // The form's own 主管部门 before a line above it (`填报单位：…` may name
    // the unit that filled the form in).
    let department = first.department.clone().or_else(|| pre.department.clone());
    // A `单位：` cell among the first form's facts (`年度资金 | 单位：元`) is
    // that form's statement, not a line above the table.
    let first_fact = rows
        .get(..layout.first_row)
        .unwrap_or(&[])
        .iter()
        .find(|r| has_key(r))
        .map(|r| r.number);
    let line_in_first = pre
        .scale_row
        .zip(first_fact)
        .is_some_and(|(line, fact)| line >= fact);
    let block = |from: usize, to: usize| rows.get(from..to).unwrap_or(&[]);
    let to = later.first().map_or(rows.len(), |l| l.start);
    let mut items = Vec::new();
    let seed = first.project(reader.scale, location, notices)?;
    if later.is_empty() {
        let data = indicator_rows(
            &without_tail(block(layout.last_row + 1, to), name_col, value_col, notices),
            notices,
        );
        items.extend(reader.per_indicator(&data, seed, notices)?);
        return Ok((items, department));
    }

    // Several forms: a form without 实施单位 is its 主管部门's, not the unit
    // of the form above it.
    let unit_of = |f: &Form<'_>, u: Option<UnitKey>| {
        u.unwrap_or_else(|| UnitKey {
            name: f
                .department
                .clone()
                .or_else(|| department.clone())
                .unwrap_or_else(|| super::UNNAMED_UNIT.to_string()),
            code: None,
        })
    };
    let data = indicator_rows(
        &without_tail(block(layout.last_row + 1, to), name_col, value_col, notices),
        notices,
    );
    let seed = seed.map(|(p, u)| (p, Some(unit_of(first, u))));
    // A form's indicators are read once its continuation pages, if any,
    // have added theirs.
    let mut pending: Pending<'_> = Some((seed, data, None));
    let mut prev = first.ids();
    // The facts of the form a continuation page continues: the period
    // headings naming its indicator groups stand there, not on the page.
    let mut prev_facts = block(0, layout.first_row);
    let mut forms = 1;
    let mut departments = vec![department.clone()];
    let first_fields = trimmed(&layout.field_at);
    for (k, l) in later.iter().enumerate() {
        let (Some(opens), Some(head)) = (rows.get(l.opens), rows.get(l.header)) else {
            continue;
        };
        let facts = block(l.start, l.header + usize::from(l.headerless));
        let form = read(facts, pre.fiscal_year);
        let continuation = form.continues(&prev, l.titled);
        let continues = continuation.is_some();
        let nth = forms + 1;
        // Without its header, only the project above's continuation can be
        // read (in that form's columns).
        if l.headerless && !continues {
            return Err(no_header(location, opens, nth));
        }
        if !continues {
            flush(&mut pending, reader, &mut items, notices)?;
        }
        let at_label = Location {
            col: Some(opening(opens).0),
            ..location.clone()
        };
        if !form.has_project() {
            let label = opening(opens).1;
            return Err(refuse(
                &at_label,
                opens,
                format!(
                    "「{label}」起是第{nth}张申报表，但没有读到它的项目名称（「项目名称」右侧或下方为空），无法可靠读取",
                ),
                format!(
                    "form {nth} starts at “{label}”, but no 项目名称 was read for it (the cell right of or below the label is blank), so it cannot be read with confidence",
                ),
            ));
        }
        if let Some(unclear) = &form.money_unclear {
            return Err(unclear.error(location));
        }
        let own_pre = super::preamble::read(facts);
        if let (Some(a), Some(b)) = (pre.fiscal_year, own_pre.fiscal_year) {
            if a != b {
                let at = rows.get(l.start).unwrap_or(opens);
                return Err(refuse(
                    location,
                    at,
                    format!(
                        "自此行起的第{nth}张申报表是{b}年度的，而第一张是{a}年度：一张表只读一个年度",
                    ),
                    format!(
                        "form {nth}, from this row on, is for {b} while the first form is for {a}: a table is read for one year",
                    ),
                ));
            }
        }
        // The first form stated 元 itself, in its cells or amounts (`10000000 |
        // 元`), its labels (`项目资金（元）`) or a `单位：元` cell among its
        // facts: a later form stating none has the `单位：` line above the
        // table, or no scale that can be told. (万元, the forms' usual unit,
        // stated by the first form leaves a bare later form read in it.)
        // (So do the first form's title, `…申报表（单位：元）`, and a line
        // under it, `单位：元`, when this form has a title of its own: they
        // may be the first form's alone. A line above the first title states
        // the unit of the whole table.)
        let title_own = own_pre.title.is_some()
            && pre
                .scale_row
                .zip(pre.title_row)
                .is_some_and(|(line, title)| line >= title);
        let first_own = reader.scale == MoneyScale::Yuan
            && (first.scale_by_cells
                || first.scale_by_value
                || first.scale == Some(MoneyScale::Yuan)
                || line_in_first
                || title_own);
        if first_own && form.scale.is_none() && own_pre.scale.is_none() {
            let told = pre
                .scale
                .filter(|s| *s == reader.scale && !line_in_first && !title_own);
            if told.is_none() {
                return Err(refuse(
                    &at_label,
                    opens,
                    format!(
                        "自此行起的第{nth}张申报表没有写明金额单位，而第一张的金额写明以{}为单位：请在每张表写明金额单位",
                        reader.scale.label()
                    ),
                    format!(
                        "form {nth}, from this row on, states no money unit, while the first form's amounts state {}: state the unit on every form",
                        reader.scale.label()
                    ),
                ));
            }
        }
        // Amounts naming a unit beside bare ones, under a `单位：` line of the
        // other unit (as for the first form, `build`): refused.
        if let (Some(_), Some(line), Some(own)) = (
            form.bare_beside_named(),
            own_pre.scale.or(pre.scale),
            form.scale,
        ) {
            if own != line {
                return Err(refuse(
                    &at_label,
                    opens,
                    format!(
                        "第{nth}张申报表：表头以上写「单位：{}」，而金额有的写明{}、有的未写单位：无法确定未写单位的金额",
                        line.label(),
                        own.label()
                    ),
                    format!(
                        "form {nth}: the line above says “单位：{}” while some of its amounts state {} and others no unit: the unit of those cannot be told",
                        line.label(),
                        own.label()
                    ),
                ));
            }
        }
        if let Some(s) = form.scale.or(own_pre.scale) {
            if s != reader.scale {
                return Err(refuse(
                    &at_label,
                    opens,
                    format!(
                        "自此行起的第{nth}张申报表金额以{}为单位，而本表其他金额以{}为单位：请统一金额单位",
                        s.label(),
                        reader.scale.label()
                    ),
                    format!(
                        "form {nth}, from this row on, states its amounts in {} while the table's are in {}: use one money scale",
                        s.label(),
                        reader.scale.label()
                    ),
                ));
            }
        }
        let mut scratch = Vec::new();
        let own_year = super::form_header::FormYear {
            year: pre.fiscal_year,
            above: if continues { prev_facts } else { facts },
        };
        // (A continuation page without its header is read in the first
        // form's columns.)
        let own_layout = if l.headerless {
            None
        } else {
            let own = super::form_header::form_header_at(
                grid,
                l.header,
                &own_year,
                location,
                &mut scratch,
            )?;
            if trimmed(&own.field_at) != first_fields {
                let first = rows.get(layout.first_row).map_or(0, |h| h.number);
                return Err(refuse(
                    location,
                    head,
                    format!("第{nth}张申报表的指标表头与第一张（第{first}行）的列不同，无法按同一张表读取"),
                    format!(
                        "the indicator header of form {nth} has other columns than the first form's (row {first}); they cannot be read as one table"
                    ),
                ));
            }
            Some(own)
        };
        // Rows between the form above and these facts that are neither a
        // title nor a label are said, not silently dropped.
        for r in facts.iter().take(l.opens - l.start) {
            if !r.is_blank()
                && !is_title(r)
                && !continuation_title(std::slice::from_ref(r))
                && !has_key(r)
                && !money_unit_line(r)
            {
                let label = first_label(r);
                notices.push(Notice::new(
                    Some(Origin::new(r.number, 0)),
                    "row-heading",
                    format!("第{}行：「{label}」在第{nth}张申报表之上，不是项目信息也不是指标，未读入", r.number),
                    format!(
                        "row {}: “{label}” stands above form {nth} and is neither a fact of it nor an indicator; not read",
                        r.number
                    ),
                ));
            }
        }
        let to = later.get(k + 1).map_or(rows.len(), |n| n.start);
        // (Under its value sub-header, when it has one: 湖北.)
        let first_data = own_layout
            .as_ref()
            .map_or(l.header + 1, |lay| lay.last_row + 1);
        let data = |notices: &mut Vec<Notice>| {
            indicator_rows(
                &without_tail(block(first_data, to), name_col, value_col, notices),
                notices,
            )
        };
        if let Some(how) = continuation {
            let r = opens.number;
            let name = &prev.name;
            let (zh, en) = match how {
                Continuation::Bare => (
                    format!(
                        "第{r}行起重复了项目「{name}」的申报表项目信息，没有资金和目标（如续页重印），其下的指标接续该项目读入",
                    ),
                    format!(
                        "row {r}: the facts of project “{name}” printed again, without money or goal (as on a continuation page); the indicators under them continue that project",
                    ),
                ),
                Continuation::Repeated => (
                    format!(
                        "第{r}行起是项目「{name}」申报表的续页，重印的资金与上页相同（只计一次），其下的指标接续该项目读入",
                    ),
                    format!(
                        "row {r}: a continuation page of project “{name}”'s form, its money the same as above (counted once); the indicators under it continue that project",
                    ),
                ),
            };
            notices.push(Notice::new(
                Some(Origin::new(r, 0)),
                "header-repeated",
                zh,
                en,
            ));
            let more = data(notices);
            if let Some((_, d, _)) = pending.as_mut() {
                d.extend(more);
            }
            continue;
        }
        forms += 1;
        prev = form.ids();
        prev_facts = facts;
        let (seed, name) = match form.project(reader.scale, location, notices)? {
            Some((p, u)) => {
                let name = p.name.clone();
                (Some((p, Some(unit_of(&form, u)))), name)
            }
            None => (None, String::new()),
        };
        notices.push(Notice::new(
            Some(Origin::new(opens.number, 0)),
            "forms-stacked",
            format!(
                "第{}行起是同一工作表中的第{nth}张申报表（项目「{name}」），读作单独的项目",
                opens.number
            ),
            format!(
                "row {}: form {nth} of the sheet (project “{name}”) starts here; read as a project of its own",
                opens.number
            ),
        ));
        departments.push(
            form.department
                .clone()
                .or_else(|| own_pre.department.clone()),
        );
        pending = Some((seed, data(notices), own_layout));
    }
    flush(&mut pending, reader, &mut items, notices)?;
    let named: Vec<&String> = departments.iter().flatten().collect();
    let department = match named.first() {
        Some(d) if named.iter().any(|x| x != d) => {
            let mut distinct: Vec<&str> = Vec::new();
            for d in &named {
                if !distinct.contains(&d.as_str()) {
                    distinct.push(d);
                }
            }
            notices.push(Notice::new(
                None,
                "forms-stacked",
                format!(
                    "同一工作表中的申报表属于不同的主管部门（「{}」），表格的部门未读取",
                    distinct.join("」「")
                ),
                format!(
                    "the forms of the sheet name different 主管部门 (“{}”); the table's department was not read",
                    distinct.join("” “")
                ),
            ));
            None
        }
        _ => department,
    };
    Ok((items, department))
}

/// A form read but for its indicators: its project, its indicator rows (its
/// continuation pages' included) and its own header, when not the first's.
type Pending<'a> = Option<(
    Option<(Project, Option<UnitKey>)>,
    Vec<GridRow<'a>>,
    Option<Layout>,
)>;

/// Read the indicators of the `pending` form into `items`.
fn flush(
    pending: &mut Pending<'_>,
    reader: &Reader<'_>,
    items: &mut Vec<Item>,
    notices: &mut Vec<Notice>,
) -> Result<()> {
    if let Some((seed, data, own)) = pending.take() {
        let own_reader = Reader {
            layout: own.as_ref().unwrap_or(reader.layout),
            ..*reader
        };
        items.extend(own_reader.per_indicator(&data, seed, notices)?);
    }
    Ok(())
}

/// A header's fields without the unnamed columns on its right.
fn trimmed(fields: &[Option<Field>]) -> &[Option<Field>] {
    let end = fields
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    fields.get(..end).unwrap_or(&[])
}

/// A heading of a matrix's column of amounts: a period's ([`block_heading`]),
/// or a period's total over rows labelled `资金总额 | 其中：财政拨款 | …`
/// (`中期资金总额 | 年度资金总额`, `上年资金总额 | 本年资金总额`,
/// `本年预算总额`): there the total names the column's period.
fn matrix_heading(text: &str) -> Option<Heading> {
    block_heading(text).or_else(|| {
        let n = normalize(text);
        let (bare, inside) = split_parens(&n);
        let stem = ["资金总额", "预算总额", "总额"]
            .iter()
            .find_map(|w| bare.strip_suffix(w))
            .filter(|s| !s.is_empty())?;
        // (Its brackets after the period: `本年（2024年）资金总额`.)
        let heading = if inside.is_empty() {
            stem.to_string()
        } else {
            format!("{stem}({inside})")
        };
        block_heading(&heading)
    })
}

/// Whether a `合计` at (`ri`, `c`) closes a list of sources written down
/// the same column right above it (`资金来源 | 金额` over `财政拨款 | 800.00`,
/// `其他资金 | 200.00`, `合计 | 1000.00`; ur55 c021: the total was blank).
fn closes_sources(rows: &[GridRow<'_>], ri: usize, c: usize) -> bool {
    let source = |k: usize| {
        rows.get(k)
            .and_then(|r| r.cells.get(c))
            .is_some_and(|x| !x.merged && key_of(&x.text).is_some_and(Key::is_source))
    };
    // (Nothing on its left: `项目总投资 | 合计 | 5000.00` is another scope's.
    // Each source with one amount: not a matrix's rows.)
    let alone = rows
        .get(ri)
        .and_then(|r| r.cells.get(..c))
        .is_some_and(|left| left.iter().all(|x| x.merged || x.text.trim().is_empty()));
    let one_amount = |k: usize| {
        rows.get(k).is_some_and(|r| {
            r.cells
                .iter()
                .filter(|x| !x.merged && plain_amount(&x.text))
                .count()
                == 1
        })
    };
    alone
        && (0..ri)
            .rev()
            .take_while(|&k| source(k) && one_amount(k))
            .count()
            >= 2
}

/// A budget named by no period, whose block gives it one.
const BARE_BUDGETS: [&str; 4] = ["预算数", "预算金额", "预算", "预算资金"];

/// The period the block of the label at (`ri`, `c`) names: its row's label
/// in the first column (`中期资金（万元） | 预算数 | 2550.00`), else a heading
/// right above it, alone on its row beside the section's label
/// (`项目资金（万元） | 中期资金（2024-2026年）` over `| 预算数 | 财政拨款 | …`).
/// `Some(true)` the year's, `Some(false)` another period's.
fn block_period(rows: &[GridRow<'_>], ri: usize, c: usize, year: Option<u16>) -> Option<bool> {
    let period = |text: &str| {
        let n = normalize(text);
        if plain_amount(&n) || n.is_empty() {
            return None;
        }
        if names_other_period(text, year) {
            return Some(false);
        }
        let bare = split_parens(&n).0;
        let heading = block_heading(&bare);
        (names_this_year(&bare)
            || matches!(heading, Some(Heading::Year))
            || matches!(heading, Some(Heading::Dated(d)) if Some(d) == year))
        .then_some(true)
    };
    let row = rows.get(ri)?;
    let own = row
        .cells
        .first()
        .filter(|f| c > 0 && !f.merged)
        .and_then(|f| period(&f.text));
    if own.is_some() {
        return own;
    }
    let over = rows.get(ri.checked_sub(1)?)?;
    let filled: Vec<usize> = over
        .cells
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, x)| !x.merged && !x.text.trim().is_empty())
        .map(|(k, _)| k)
        .collect();
    match filled.as_slice() {
        [k] if *k == c => period(&over.cells.get(c)?.text),
        _ => None,
    }
}

/// A budget by its period as a money block's total label (`年度预算数`,
/// `本年预算数`, `2024年预算`), without its amount: labels across with a
/// source beside it (`年度预算数 | 财政拨款 | 其他资金` over their amounts), or
/// labels down with a source under it (`本年预算数 | 300.00` over `其中：财政拨款
/// | 300.00`). `Some(true)` for the year's, `Some(false)` for another
/// period's (`2023年预算数` on a 2024 form, `上年预算数`: its sources are not
/// the year's either); `None` for no such label (elsewhere such words head a
/// matrix's column of amounts).
pub(super) fn budget_total(
    rows: &[GridRow<'_>],
    ri: usize,
    c: usize,
    year: Option<u16>,
) -> Option<bool> {
    let source =
        |x: &crate::grid::GridCell<'_>| !x.merged && key_of(&x.text).is_some_and(Key::is_source);
    let row = rows.get(ri)?;
    let cell = row.cells.get(c).filter(|x| !x.text.contains(COLONS))?;
    let n = normalize(&cell.text);
    let budget = ["预算", "资金", "安排", "拨付", "金额"]
        .iter()
        .any(|w| n.contains(w));
    let heading = block_heading(&n);
    // (`年初预算数`: the year's budget as passed at its start; ur55 c128.)
    let mut this_year = names_this_year(&n)
        || n.starts_with("年初预算")
        || matches!(heading, Some(Heading::Year))
        || matches!(heading, Some(Heading::Dated(d)) if Some(d) == year);
    let mut other = matches!(heading, Some(Heading::Span))
        || matches!(heading, Some(Heading::Dated(d)) if Some(d) != year);
    if !(this_year || other) && BARE_BUDGETS.contains(&n.as_str()) {
        // A bare `预算数` takes the period of its block (ur60 t2-mid: the
        // medium term's sources were read as the year's).
        match block_period(rows, ri, c, year) {
            Some(true) => this_year = true,
            Some(false) => other = true,
            None => {}
        }
    }
    if !budget || !(this_year || other) || n.starts_with("其中") {
        return None;
    }
    let across = row.cells.iter().skip(c + 1).take(3).any(source)
        && rows
            .get(ri + 1)
            .and_then(|b| b.cells.get(c))
            .is_some_and(|x| plain_amount(&x.text));
    let down = row.cells.get(c + 1).is_some_and(|x| plain_amount(&x.text))
        && rows
            .get(ri + 1)
            .and_then(|b| b.cells.get(c))
            .is_some_and(source);
    (across || down).then_some(this_year)
}
