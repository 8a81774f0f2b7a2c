//! Shared test fixtures for the formats crate (others may read them).
//!
//! - [`sample_text`]: the real published sample (GUIDE §1), verbatim bytes.
//! - [`sample_table_handbuilt`]: a faithful [`Table`] of the sample built by a tiny
//!   test-only splitter (lines, tabs; unit rows = lines 11 and 18), independent of
//!   the readers and the grammar.
//! - [`row_family_table`]: a row-per-indicator table built in code, with 二级,
//!   comparators, weights, a range, a qualitative target and a project without
//!   indicators.
#![allow(dead_code)]

use jixiao_core::money::parse_amount;
use jixiao_core::{
    AmountRow, Category, ColumnInfo, Comparator, Field, Funding, Indicator, LayoutFamily,
    MoneyScale, Origin, PreambleLine, Project, Quantity, SourceInfo, Span, Table, Target, Unit,
};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

pub const SAMPLE_NAME: &str = "haizhu-youth-league-2024-project-targets.txt";

/// Path of a fixture in the repository's `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// Path of the sample fixture.
pub fn sample_path() -> PathBuf {
    fixture(SAMPLE_NAME)
}

/// The sample's bytes as UTF-8 text.
pub fn sample_text() -> String {
    std::fs::read_to_string(sample_path()).expect("sample fixture readable")
}

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal literal")
}

fn amount(s: &str) -> Option<Decimal> {
    parse_amount(s, MoneyScale::WanYuan).expect("sample amounts parse")
}

fn funding(fields: &[&str]) -> Funding {
    let f = |i: usize| amount(fields.get(i).copied().unwrap_or(""));
    Funding {
        total: f(1),
        fiscal_appropriation: f(2),
        special_account: f(3),
        other_funds: f(4),
    }
}

const FIELDS: [Field; 7] = jixiao_core::ONE_CELL_FIELDS;

/// The sample as a [`Table`], built without the readers.
pub fn sample_table_handbuilt() -> Table {
    let text = sample_text();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut t = Table {
        title: Some(lines[2].to_string()),
        department: lines[4].strip_prefix("部门名称：").map(str::to_string),
        money_scale: MoneyScale::WanYuan,
        money_scale_stated: true,
        layout: LayoutFamily::OneCell,
        source: SourceInfo {
            path: format!("tests/fixtures/{SAMPLE_NAME}"),
            format: "text".into(),
            encoding: Some("UTF-8".into()),
            encoding_source: Some("utf8-valid".into()),
            sheet: None,
            table: None,
            delimiter: Some('\t'),
            final_newline: Some(text.ends_with('\n')),
        },
        header_row: Some(9),
        ..Table::default()
    };
    for (i, line) in lines.iter().enumerate().take(8) {
        if !line.trim().is_empty() {
            t.preamble.push(PreambleLine {
                row: i as u32 + 1,
                text: line.to_string(),
            });
        }
    }
    for (i, h) in lines[8].split('\t').enumerate() {
        t.columns.push(ColumnInfo {
            field: FIELDS[i],
            header: h.to_string(),
            col: i as u32 + 1,
        });
    }
    for (i, line) in lines.iter().enumerate().skip(9) {
        let row = i as u32 + 1;
        let f: Vec<&str> = line.split('\t').collect();
        let stated = AmountRow {
            label: f[0].to_string(),
            funding: funding(&f),
            origin: Origin::new(row, 1),
        };
        match row {
            10 => t.grand_total = Some(stated),
            11 | 18 => t.units.push(Unit {
                name: f[0].to_string(),
                code: None,
                stated: Some(stated),
                projects: Vec::new(),
            }),
            _ => {
                let cell = f[6];
                let project = Project {
                    name: f[0].to_string(),
                    code: None,
                    funding: funding(&f),
                    goal: (!f[5].is_empty()).then(|| f[5].to_string()),
                    indicators: split_sample_cell(cell, Origin::new(row, 7)),
                    origin: Origin::new(row, 1),
                    indicator_cell: (!cell.is_empty()).then(|| cell.to_string()),
                    amount_origins: None,
                };
                t.units
                    .last_mut()
                    .expect("unit before project")
                    .projects
                    .push(project);
            }
        }
    }
    t
}

/// A tiny splitter for the sample's 绩效指标 cells (test-only; the real one is
/// `jixiao_core::grammar`). Items start at `N-X指标：` at the start of the cell or
/// after `。，；`.
pub fn split_sample_cell(cell: &str, origin: Origin) -> Vec<Indicator> {
    const LEVELS: [(&str, Category); 4] = [
        ("产出指标", Category::Output),
        ("效益指标", Category::Outcome),
        ("满意度指标", Category::Satisfaction),
        ("成本指标", Category::Cost),
    ];
    let mut starts = Vec::new();
    let mut prev: Option<char> = None;
    for (off, c) in cell.char_indices() {
        let boundary = prev.is_none() || matches!(prev, Some('。' | '，' | '；'));
        if boundary && c.is_ascii_digit() {
            let rest = &cell[off..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if let Some(after) = rest[digits..].strip_prefix('-') {
                if LEVELS
                    .iter()
                    .any(|(l, _)| after.starts_with(&format!("{l}：")))
                {
                    starts.push(off);
                }
            }
        }
        prev = Some(c);
    }
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(cell.len());
        let item = &cell[s..e];
        let (seq, rest) = item.split_once('-').expect("seq");
        let (cat_raw, rest) = rest.split_once('：').expect("level colon");
        let category = LEVELS
            .iter()
            .find(|(l, _)| *l == cat_raw)
            .map(|(_, c)| *c)
            .expect("known level");
        let (name, value) = rest.split_once("，年度指标值：").expect("value marker");
        let (raw, term) = match value.chars().last() {
            Some(c @ ('。' | '，' | '；')) => {
                (&value[..value.len() - c.len_utf8()], Some(c.to_string()))
            }
            _ => (value, None),
        };
        let num_at = raw.find(|c: char| c.is_ascii_digit()).expect("number");
        let label = &raw[..num_at];
        let num_len = raw[num_at..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(raw.len() - num_at);
        let number = dec(&raw[num_at..num_at + num_len]);
        let unit = &raw[num_at + num_len..];
        out.push(Indicator {
            seq: Some(seq.parse().expect("seq number")),
            seq_raw: None,
            category,
            category_raw: cat_raw.to_string(),
            subcategory: None,
            name: name.to_string(),
            target: Target::Quantitative(Quantity {
                op: None,
                op_raw: None,
                value: number,
                value_hi: None,
                unit: (!unit.is_empty()).then(|| unit.to_string()),
                ..Quantity::default()
            }),
            raw_value: raw.to_string(),
            value_label: (!label.is_empty()).then(|| label.to_string()),
            terminator: term,
            columns: jixiao_core::IndicatorColumns::boxed(None, None, None, None, None),
            origin,
            span: Some(Span::new(s as u32, e as u32)),
        });
    }
    out
}

fn q(op: Option<Comparator>, value: &str, hi: Option<&str>, unit: &str) -> Target {
    Target::Quantitative(Quantity {
        op,
        op_raw: op.map(|o| o.symbol().to_string()),
        value: dec(value),
        value_hi: hi.map(dec),
        unit: (!unit.is_empty()).then(|| unit.to_string()),
        ..Quantity::default()
    })
}

#[allow(clippy::too_many_arguments)]
fn ind(
    row: u32,
    category: Category,
    sub: &str,
    name: &str,
    target: Target,
    raw: &str,
    unit_col: &str,
    op_col: &str,
    weight: &str,
) -> Indicator {
    Indicator {
        seq: None,
        seq_raw: None,
        category,
        category_raw: category.label().to_string(),
        subcategory: Some(sub.to_string()),
        name: name.to_string(),
        target,
        raw_value: raw.to_string(),
        value_label: None,
        terminator: None,
        columns: jixiao_core::IndicatorColumns::boxed(
            (!unit_col.is_empty()).then(|| unit_col.to_string()),
            (!op_col.is_empty()).then(|| op_col.to_string()),
            Some(dec(weight)),
            None,
            None,
        ),
        origin: Origin::new(row, 9),
        span: None,
    }
}

/// A row-per-indicator table (Sichuan-like layout, 万元), built in code.
pub fn row_family_table() -> Table {
    use Category::*;
    let fund = |t: &str| Funding {
        total: Some(dec(t)),
        fiscal_appropriation: Some(dec(t)),
        special_account: None,
        other_funds: None,
    };
    let p1 = Project {
        name: "乡村学校营养餐补助".into(),
        code: Some("820001-01".into()),
        funding: fund("12.000000"),
        goal: Some("保障全镇2所乡村学校学生营养餐供应，提升学生健康水平。".into()),
        indicators: vec![
            ind(
                5,
                Output,
                "数量指标",
                "受益学生人数",
                q(Some(Comparator::Ge), "230", None, "人"),
                "230",
                "人",
                "≥",
                "20",
            ),
            ind(
                6,
                Output,
                "数量指标",
                "供餐天数",
                q(Some(Comparator::Ge), "180", None, "天"),
                "180",
                "天",
                "≥",
                "10",
            ),
            ind(
                7,
                Output,
                "质量指标",
                "食品安全抽检合格率",
                q(Some(Comparator::Eq), "100", None, "%"),
                "100",
                "%",
                "=",
                "10",
            ),
            ind(
                8,
                Output,
                "时效指标",
                "资金拨付及时率",
                q(Some(Comparator::Ge), "95", None, "%"),
                "95",
                "%",
                "≥",
                "10",
            ),
            ind(
                9,
                Cost,
                "经济成本指标",
                "生均餐费",
                q(Some(Comparator::Le), "4.5", None, "元/人"),
                "4.5",
                "元/人",
                "≤",
                "10",
            ),
            ind(
                10,
                Outcome,
                "社会效益指标",
                "学生营养状况",
                Target::Qualitative {
                    text: "明显改善".into(),
                },
                "明显改善",
                "",
                "定性",
                "20",
            ),
            ind(
                11,
                Satisfaction,
                "服务对象满意度指标",
                "家长满意度",
                q(Some(Comparator::Range), "85", Some("95"), "%"),
                "85-95",
                "%",
                "",
                "10",
            ),
        ],
        origin: Origin::new(5, 2),
        indicator_cell: None,
        amount_origins: None,
    };
    let p2 = Project {
        name: "镇村道路养护".into(),
        code: Some("820002-01".into()),
        funding: Funding {
            total: Some(dec("30.50")),
            fiscal_appropriation: Some(dec("20.50")),
            special_account: None,
            other_funds: Some(dec("10.00")),
        },
        goal: Some("养护镇村道路15公里。".into()),
        indicators: vec![ind(
            12,
            Output,
            "数量指标",
            "养护里程",
            q(Some(Comparator::Ge), "15", None, "公里"),
            "15",
            "公里",
            "≥",
            "50",
        )],
        origin: Origin::new(12, 2),
        indicator_cell: None,
        amount_origins: None,
    };
    let p3 = Project {
        name: "预留项目（无指标）".into(),
        code: None,
        funding: fund("1.00"),
        goal: None,
        indicators: Vec::new(),
        origin: Origin::new(13, 2),
        indicator_cell: None,
        amount_origins: None,
    };
    Table {
        title: Some("部门预算项目绩效目标申报表".into()),
        department: Some("示例镇人民政府".into()),
        fiscal_year: Some(2023),
        money_scale: MoneyScale::WanYuan,
        money_scale_stated: true,
        layout: LayoutFamily::RowPerIndicator,
        source: SourceInfo {
            path: "row-family.xlsx".into(),
            format: "xlsx".into(),
            sheet: Some("Sheet1".into()),
            ..SourceInfo::default()
        },
        columns: Vec::new(),
        header_row: Some(4),
        grand_total: Some(AmountRow {
            label: "合计".into(),
            funding: Funding {
                total: Some(dec("43.500000")),
                fiscal_appropriation: Some(dec("33.500000")),
                special_account: None,
                other_funds: Some(dec("10.00")),
            },
            origin: Origin::new(4, 1),
        }),
        units: vec![
            Unit {
                name: "示例镇中心学校".into(),
                code: Some("820001".into()),
                stated: None,
                projects: vec![p1],
            },
            Unit {
                name: "示例镇农业农村办公室".into(),
                code: Some("820002".into()),
                stated: None,
                projects: vec![p2, p3],
            },
        ],
        preamble: vec![PreambleLine {
            row: 1,
            text: "部门预算项目绩效目标申报表".into(),
        }],
        notices: Vec::new(),
    }
}
