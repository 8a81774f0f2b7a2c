//! Hand-built tables for the reviewer tests (one-cell layout, 7 columns).
#![allow(dead_code)]

use jixiao_core::review::{review, Finding, Lang, Messages, Profile, Severity};
use jixiao_core::*;
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A quantitative indicator; `raw` is the value as written (`≥5000人次`, `85%`).
pub fn q(seq: u32, cat: Category, name: &str, raw: &str) -> Indicator {
    let (op, rest) = ["≥", "≤", "=", ">", "<"]
        .iter()
        .find_map(|o| raw.strip_prefix(o).map(|r| (Some(*o), r)))
        .unwrap_or((None, raw));
    let label_len = rest
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .unwrap_or(0);
    let (label, rest) = rest.split_at(label_len);
    let num_len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let (num, unit) = rest.split_at(num_len);
    let op = op.map(|o| match o {
        "≥" => Comparator::Ge,
        "≤" => Comparator::Le,
        "=" => Comparator::Eq,
        ">" => Comparator::Gt,
        _ => Comparator::Lt,
    });
    Indicator {
        seq: Some(seq),
        seq_raw: None,
        category: cat,
        category_raw: cat.label().to_string(),
        subcategory: None,
        name: name.to_string(),
        target: Target::Quantitative(Quantity {
            op,
            op_raw: None,
            value: d(num),
            value_hi: None,
            unit: (!unit.is_empty()).then(|| unit.to_string()),
            ..Quantity::default()
        }),
        raw_value: raw.to_string(),
        value_label: (!label.is_empty()).then(|| label.to_string()),
        terminator: Some("。".to_string()),
        columns: jixiao_core::IndicatorColumns::boxed(None, None, None, None, None),
        origin: Origin::new(0, 7),
        span: None,
    }
}

/// A qualitative indicator.
pub fn ql(seq: u32, cat: Category, name: &str, text: &str) -> Indicator {
    let mut i = q(seq, cat, name, "1个");
    i.target = Target::Qualitative {
        text: text.to_string(),
    };
    i.raw_value = text.to_string();
    i.value_label = None;
    i
}

/// A project that triggers no rule: all four categories, comparators, 4 items.
pub fn clean_indicators() -> Vec<Indicator> {
    vec![
        q(1, Category::Output, "培训人次", "≥500人次"),
        q(2, Category::Outcome, "参训人员技能合格率", "≥90%"),
        q(3, Category::Satisfaction, "参训人员满意度", "≥90%"),
        q(4, Category::Cost, "项目总成本", "≤50万元"),
    ]
}

pub struct Builder {
    pub table: Table,
    row: u32,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    pub fn new() -> Self {
        let headers = [
            (Field::ProjectName, "项目名称（资金使用单位）"),
            (Field::Total, "总计"),
            (Field::FiscalAppropriation, "财政拨款"),
            (Field::SpecialAccount, "财政专户拨款"),
            (Field::OtherFunds, "其他资金"),
            (Field::Goal, "绩效目标"),
            (Field::IndicatorCell, "绩效指标"),
        ];
        let table = Table {
            money_scale_stated: true,
            source: SourceInfo {
                path: "test.txt".to_string(),
                format: "text".to_string(),
                ..SourceInfo::default()
            },
            columns: headers
                .iter()
                .enumerate()
                .map(|(k, (f, h))| ColumnInfo {
                    field: *f,
                    header: h.to_string(),
                    col: k as u32 + 1,
                })
                .collect(),
            header_row: Some(1),
            ..Table::default()
        };
        Builder { table, row: 2 }
    }

    /// Start a unit row (its amounts are filled by `finish` unless set).
    pub fn unit(mut self, name: &str) -> Self {
        self.row += 1;
        self.table.units.push(Unit {
            name: name.to_string(),
            code: None,
            stated: Some(AmountRow {
                label: name.to_string(),
                funding: Funding::default(),
                origin: Origin::new(self.row, 1),
            }),
            projects: Vec::new(),
        });
        self
    }

    /// Add a project (fully 财政拨款) with its goal and indicators.
    pub fn project(mut self, name: &str, amount: &str, goal: &str, inds: Vec<Indicator>) -> Self {
        if self.table.units.is_empty() {
            self = self.unit("测试单位");
        }
        self.row += 1;
        let row = self.row;
        let mut cell = String::new();
        let mut inds = inds;
        for i in inds.iter_mut() {
            let start = cell.len() as u32;
            let seq = i.seq.map(|s| format!("{s}-")).unwrap_or_default();
            cell.push_str(&format!(
                "{seq}{}：{}，年度指标值：{}{}",
                i.category_raw,
                i.name,
                i.raw_value,
                i.terminator.clone().unwrap_or_default()
            ));
            i.origin = Origin::new(row, 7);
            i.span = Some(Span::new(start, cell.len() as u32));
        }
        let p = Project {
            name: name.to_string(),
            code: None,
            funding: Funding {
                total: Some(d(amount)),
                fiscal_appropriation: Some(d(amount)),
                special_account: None,
                other_funds: None,
            },
            goal: (!goal.is_empty()).then(|| goal.to_string()),
            indicator_cell: (!cell.is_empty()).then_some(cell),
            amount_origins: None,
            indicators: inds,
            origin: Origin::new(row, 1),
        };
        if let Some(u) = self.table.units.last_mut() {
            u.projects.push(p);
        }
        self
    }

    /// Fill unit rows and the 合计 row with the sums (as a correct table would).
    pub fn finish(mut self) -> Table {
        for u in &mut self.table.units {
            let sum = Funding::sum(u.projects.iter().map(|p| &p.funding));
            if let Some(st) = &mut u.stated {
                st.funding = sum;
            }
        }
        let total = Funding::sum(
            self.table
                .units
                .iter()
                .filter_map(|u| u.stated.as_ref().map(|s| &s.funding)),
        );
        self.table.grand_total = Some(AmountRow {
            label: "合计".to_string(),
            funding: total,
            origin: Origin::new(2, 1),
        });
        self.table
    }
}

/// A clean one-project table.
pub fn clean_table() -> Table {
    Builder::new()
        .project(
            "技能培训经费",
            "50.00",
            "开展青年技能培训，提升就业能力。",
            clean_indicators(),
        )
        .finish()
}

/// The finding's message in Chinese, rendered against its table.
pub fn zh(t: &Table, f: &Finding) -> String {
    Messages::new(t).render(&f.message, Lang::Zh)
}

/// The finding's message in English.
pub fn en(t: &Table, f: &Finding) -> String {
    Messages::new(t).render(&f.message, Lang::English)
}

/// Review under the national profile. Every message is rendered in both
/// languages on the way: a template with a placeholder its arguments do not
/// fill would leave a `{` (the test tables have none of their own).
pub fn run(t: &Table) -> Vec<Finding> {
    let f = review(t, &Profile::national());
    for x in &f {
        for text in [zh(t, x), en(t, x)] {
            assert!(
                !text.is_empty() && !text.contains('{') && !text.contains('?'),
                "{}: badly rendered message {text:?}",
                x.rule
            );
        }
    }
    f
}

pub fn of<'a>(f: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    f.iter().filter(|x| x.rule == rule).collect()
}

pub fn errors(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|x| x.severity == Severity::Error).collect()
}

/// Rules that fired, for failure messages.
pub fn ids(f: &[Finding]) -> Vec<String> {
    f.iter()
        .map(|x| format!("{}@{:?}:{:?}", x.rule, x.location.row, x.location.indicator))
        .collect()
}

/// `i` with a 上年实际值 (prior-year actual) as written, keeping its other columns.
pub fn with_prior(mut i: Indicator, prior: &str) -> Indicator {
    let c = i.columns.take().map(|b| *b).unwrap_or_default();
    i.columns = IndicatorColumns::boxed(
        c.unit_column,
        c.op_column,
        c.weight,
        c.direction_stated,
        Some(prior.to_string()),
    );
    i
}

/// `i` with a 指标方向性 column stating `d`, keeping its other columns.
pub fn with_direction(mut i: Indicator, d: Direction) -> Indicator {
    let c = i.columns.take().map(|b| *b).unwrap_or_default();
    i.columns = IndicatorColumns::boxed(
        c.unit_column,
        c.op_column,
        c.weight,
        Some(d),
        c.prior_actual,
    );
    i
}

impl Builder {
    /// Add a 上年实际值 column (8th) with this header, e.g. `2023年实际实现值`.
    pub fn prior_column(mut self, header: &str) -> Self {
        let col = self.table.columns.len() as u32 + 1;
        self.table.columns.push(ColumnInfo {
            field: Field::PriorActual,
            header: header.to_string(),
            col,
        });
        self
    }
}
