//! Key–value forms (central 项目支出绩效目标申报表, GUIDE §3.1): one project per
//! sheet, its facts as `label | value` cells above a vertical indicator grid.
//!
//! ```text
//! 项目名称 | 某项目
//! 主管部门及代码 | 某部 | 实施单位 | 某中心
//! 项目资金（万元）| 年度资金总额： | 100 | 其中：财政拨款 | 80 | 其他资金 | 20
//! 总体目标 | 中长期目标 | 年度目标
//!          | …          | …
//! 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值
//! ```

use super::header::normalize;
use super::hierarchy::{split_code, UnitKey};
use crate::error::{Error, Location, Result};
use crate::grid::GridRow;
use jixiao_core::Text;
use jixiao_core::{Funding, MoneyScale, Origin, Project};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Name,
    Department,
    Unit,
    Total,
    Fiscal,
    Special,
    Other,
    AnnualGoal,
    OverallGoal,
    LongTermGoal,
    /// A group label such as `项目资金（万元）`: not a value, not a key with a value.
    Group,
}

fn key_of(text: &str) -> Option<Key> {
    let n = normalize(text);
    let n = n.trim_end_matches(':');
    let n = n
        .strip_prefix("其中:")
        .or_else(|| n.strip_prefix("其中"))
        .unwrap_or(n);
    let k = match n {
        "项目名称" => Key::Name,
        "主管部门" | "主管部门及代码" | "部门名称" | "预算部门" => {
            Key::Department
        }
        "实施单位" | "项目实施单位" | "单位名称" | "资金使用单位" => Key::Unit,
        "年度资金总额" | "资金总额" | "项目资金总额" | "年度资金总额(万元)" => {
            Key::Total
        }
        "财政拨款" | "当年财政拨款" | "财政资金" => Key::Fiscal,
        "财政专户拨款" | "财政专户管理资金" => Key::Special,
        "其他资金" | "单位资金" => Key::Other,
        "年度目标" | "年度绩效目标" => Key::AnnualGoal,
        "总体目标" | "年度总体目标" | "绩效目标" => Key::OverallGoal,
        "中长期目标" | "长期目标" => Key::LongTermGoal,
        _ if n.starts_with("项目资金") => Key::Group,
        _ => return None,
    };
    Some(k)
}

/// A value cell: its text and 1-based position.
#[derive(Debug, Clone)]
struct Val<'a> {
    text: &'a str,
    origin: Origin,
    /// A number without a known display format (`GridCell::bare_number`).
    bare_number: bool,
}

/// What the form says above its indicator grid.
#[derive(Debug, Default)]
pub(crate) struct Form<'a> {
    name: Option<Val<'a>>,
    pub(crate) department: Option<String>,
    unit: Option<String>,
    amounts: [Option<Val<'a>>; 4],
    annual_goal: Option<&'a str>,
    overall_goal: Option<&'a str>,
    /// `项目资金（万元）` or `年度资金总额(万元)`.
    pub(crate) scale: Option<MoneyScale>,
}

fn col1(c: usize) -> u32 {
    u32::try_from(c + 1).unwrap_or(u32::MAX)
}

/// Read the key–value cells of `rows` (everything above the indicator grid).
pub(crate) fn read<'a>(rows: &'a [GridRow<'a>]) -> Form<'a> {
    let mut f = Form::default();
    for (ri, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.merged {
                continue;
            }
            let Some(key) = key_of(&cell.text) else {
                continue;
            };
            let t = normalize(&cell.text);
            if t.contains("(万元)") {
                f.scale.get_or_insert(MoneyScale::WanYuan);
            } else if t.contains("(元)") {
                f.scale.get_or_insert(MoneyScale::Yuan);
            }
            if key == Key::Group {
                continue;
            }
            // The value: the next cell on the right that is neither blank, a merged copy, nor a key;
            // failing that, the cell below (two-row 中长期目标 | 年度目标 blocks).
            let right = row
                .cells
                .iter()
                .enumerate()
                .skip(c + 1)
                .find(|(_, x)| !x.text.trim().is_empty() && (!x.merged || x.text != cell.text));
            let value = match right {
                Some((vc, x)) if key_of(&x.text).is_none() => Some((row, vc, x)),
                _ => rows
                    .get(ri + 1)
                    .and_then(|below| below.cells.get(c).map(|x| (below, c, x)))
                    .filter(|(_, _, x)| !x.merged && key_of(&x.text).is_none()),
            };
            let Some((vrow, vc, vcell)) = value else {
                continue;
            };
            let text = vcell.text.as_ref();
            if text.trim().is_empty() {
                continue;
            }
            let val = Val {
                text,
                origin: Origin::new(vrow.number, col1(vc)),
                bare_number: vcell.bare_number,
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
                Key::Total | Key::Fiscal | Key::Special | Key::Other => {
                    let k = match key {
                        Key::Total => 0,
                        Key::Fiscal => 1,
                        Key::Special => 2,
                        _ => 3,
                    };
                    if let Some(slot) = f.amounts.get_mut(k) {
                        slot.get_or_insert(val);
                    }
                }
                Key::AnnualGoal => {
                    f.annual_goal.get_or_insert(text);
                }
                Key::OverallGoal => {
                    f.overall_goal.get_or_insert(text);
                }
                Key::LongTermGoal | Key::Group => {}
            }
        }
    }
    f
}

impl Form<'_> {
    /// Whether the form names a project (otherwise it is not a form we can read).
    pub(crate) fn has_project(&self) -> bool {
        self.name.is_some()
    }

    /// The form's project (and its 实施单位), or `None` when no 项目名称 was found.
    pub(crate) fn project(
        &self,
        scale: MoneyScale,
        location: &Location,
    ) -> Result<Option<(Project, Option<UnitKey>)>> {
        let Some(name) = &self.name else {
            return Ok(None);
        };
        let mut vals: [Option<Decimal>; 4] = [None; 4];
        for (slot, v) in vals.iter_mut().zip(&self.amounts) {
            let Some(v) = v else { continue };
            *slot = super::rows::read_amount(v.text, v.bare_number, scale).map_err(|_| {
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
            })?;
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
            goal: self.annual_goal.or(self.overall_goal).map(str::to_string),
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
