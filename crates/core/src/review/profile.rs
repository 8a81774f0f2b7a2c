//! Review profiles: which rules run, at what severity, with which thresholds.
//!
//! The national default is [`Profile::national`]; a province writes a TOML file
//! (parsed by the CLI) that overrides only what differs:
//!
//! ```toml
//! name = "sichuan"
//! [rules.missing-cost]
//! severity = "warning"
//! [rules.ocr-suspect]
//! enabled = false
//! [thresholds]
//! require_cost = true
//! satisfaction_min = 90
//! ```
//!
//! A `[rules.ID]` takes a catalogue rule id or a reader notice code
//! ([`NOTICE_CODES`]). [`Profile::problems`] refuses unknown ids (suggesting
//! the nearest known one) and thresholds out of range; the deserializers
//! refuse a value of the wrong type, a quoted number included, saying what
//! was written in Chinese and English; [`unknown_key`] says why a key has no
//! place in a table ([`table_keys`]).

use super::{catalogue, Severity};
use crate::text::Text;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A code of the reader's notices ([`crate::Notice::code`]): reported as an
/// info finding under that code (`notices = true`), and, like a rule id,
/// switched off or re-levelled in a profile's `[rules.CODE]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeCode {
    pub code: &'static str,
    /// What the reader noticed (Chinese, English).
    pub zh: &'static str,
    pub en: &'static str,
}

macro_rules! notice_codes {
    ($(($code:literal, $zh:literal, $en:literal)),* $(,)?) => {
        &[$(NoticeCode { code: $code, zh: $zh, en: $en }),*]
    };
}

/// Every notice code the readers (jixiao-formats) and the indicator-cell
/// grammar emit: the one list used by profile validation, the SARIF rule
/// table and docs/rules.md. A test (crates/cli/tests/notice_codes.rs) keeps it
/// in step with the reader's source.
#[rustfmt::skip]
pub const NOTICE_CODES: &[NoticeCode] = notice_codes![
    ("amount-carry-over", "申报表的上年结转资金计入财政拨款（或已含在各来源中，未另计）", "a form's carry-over (上年结转资金) counted in 财政拨款 (or already within the sources; not added again)"),
    ("amount-columns-unread", "表头没有可识别的金额列，而有像金额的列：金额未读取，金额核对无法进行", "no amount column recognised while some look like amounts; no money read or checked"),
    ("amount-repeated-differs", "续行金额与首行不同，采用首行", "continuation row amount differs; first row kept"),
    ("amount-row-unassigned", "只有金额的行按无绩效指标的项目处理", "amount-only row taken as a project without targets"),
    ("amount-source-unread", "申报表项目资金中有不属于财政拨款、财政专户拨款、其他资金（或上年结转）的来源行，未读入", "a source row of a form's money block that is none of the model's sources; not read"),
    ("cell-error", "单元格含 Excel 错误值，按文本读取", "cell holds an Excel error; read as text"),
    ("column-duplicate", "表头重复的列，已忽略", "duplicate column ignored"),
    ("column-hidden", "隐藏列，已照常读取", "hidden column; read like the others"),
    ("column-unknown", "未识别的列，未读取", "column not recognised; ignored"),
    ("css-linked-unread", "网页引用的外部样式表未读取，其中隐藏文字或行的规则未应用", "style sheets the page links not read; rules in them that hide text or rows not applied"),
    ("direction-unknown", "指标方向性无法识别", "direction not recognised"),
    ("form-field-unread", "申报表中未读入的栏目：数据模型中没有的（项目属性、项目负责人、中长期目标、审核意见等），或其他期间的、无法确定所属栏目的金额", "fields of a form not read: facts the data model has no place for (项目属性, 项目负责人, a 中长期目标, review opinions), or money of another period or of no column that can be told"),
    ("form-year-conflict", "申报表标题的年度与「预算年度」栏不同，按「预算年度」读取（按年份分列的金额因此拒绝读取）", "a form's title names another year than its 预算年度 line; the 预算年度 is taken (money set out by year is then refused)"),
    ("forms-stacked", "同一工作表中上下排列的又一张申报表，读作单独的项目（或各表的主管部门不同，部门未读取）", "another form stacked in the same sheet, read as a project of its own (or the forms name different 主管部门; no department read)"),
    ("goal-repeated-differs", "续行年度目标与首行不同，采用首行", "continuation row goal differs; first row kept"),
    ("header-repeated", "重复的表头行（如每页重印），未读入", "header printed again (as on every page); not read"),
    ("indicator-incomplete", "没有三级指标和指标值的指标行，未读入", "indicator without name and value skipped"),
    ("marker-nonstandard", "指标中的冒号或指标值标记不标准", "non-standard colon or value marker"),
    ("money-scale-assumed", "未注明金额单位，按万元读取", "no money scale printed; 万元 assumed"),
    ("money-scale-conflict", "表头以上的金额单位与金额列标题中的不同，按列标题读取", "the money scale above the table differs from the amount column's label; the label's used"),
    ("money-scale-inherited", "表格上方未注明金额单位，沿用本页前一个表格的金额单位", "no money scale above the table; the page's earlier one used"),
    ("no-items", "绩效指标单元格中没有「序号-一级指标：」格式的指标", "no indicator item found in the cell"),
    ("layout-text", "以空格对齐各列的文本（如 pdftotext -layout 的输出），按列位置读取（实验性）", "a text whose columns are aligned by spaces (as pdftotext -layout writes), read by column positions (experimental)"),
    ("page-furniture", "PDF 中表格之外的页码、页脚网址、日期或监制行，未读入", "a PDF's page number, footer address, date or imprint line outside the table; not read"),
    ("project-name-missing", "项目名称为空", "project name missing"),
    ("project-rows-merged", "合并单元格的项目跨行，各行指标并入一个项目", "a project merged over rows, its rows' indicators read as one project"),
    ("project-split", "同名项目的绩效指标从头重新开始（或无指标的项目行重复），读作另一个同名项目", "a project's indicators start again (or a row of a project without indicators repeats); read as another project of the same name"),
    ("project-without-targets", "有金额而无绩效目标和指标的行，按缺少绩效目标的项目处理", "amounts without goal or indicators; taken as a project with missing targets"),
    ("projects-before-unit", "项目出现在第一个单位行之前", "projects before the first unit row"),
    ("raw-value-differs", "长表 CSV 的原始指标值与指标性质、指标值、度量单位不一致，按后者读入", "long CSV: 原始指标值 disagrees with the structured columns; those were read"),
    ("row-heading", "没有金额和绩效内容的标题行，未读入", "heading row without amounts skipped"),
    ("row-hidden", "隐藏的行，已照常读取（常是已撤销的项目，请核对）", "hidden rows; read like the others (often withdrawn projects: check)"),
    ("row-note", "表外说明或签字栏，未读入", "note or signature line skipped"),
    ("row-continues-cell", "只有绩效目标或绩效指标文字的行，接在上一项目该栏之后读入（断开的单元格）", "a row holding only goal or indicator text, read as the rest of the project's cell above (a cell broken over rows)"),
    ("row-realigned", "比表头短的续行按单元格内容对齐（按列数右对齐会错列），行末缺少的单元格读作空白", "rows shorter than the header lined up by their cells' content (right-aligned by the column count they would be shifted); missing end cells read as blank"),
    ("row-unplaced", "无法归入任何项目的行，未读入", "row fits nowhere and was not read"),
    ("seq-nonstandard", "指标序号不标准（如有前导零）", "non-standard item number (e.g. a leading zero)"),
    ("seq-unparseable", "序号不是整数", "item number not a whole number"),
    ("sheet-hidden", "读取的工作表是隐藏的（常是作废或过期的表，请核对）", "the sheet read is hidden (often withdrawn or outdated: check)"),
    ("sheet-hidden-skipped", "有绩效目标表的隐藏工作表，未读取（读取可见的表；用 --sheet 指定）", "hidden sheet with a target table; not read (visible sheets read; pick with --sheet)"),
    ("sheet-more-targets", "工作簿中另有绩效目标表的工作表，未读取（用 --sheet 指定；check 审核全部）", "more sheets hold target tables; not read (pick with --sheet; check reviews all)"),
    ("sheet-option-ignored", "--sheet 只适用于工作簿和网页，本文件只有一张表，已读入", "--sheet applies to workbooks and web pages; this file has one table, which was read"),
    ("sheet-not-target", "没有绩效目标表的工作表，未读取", "sheet without a performance-target table; not read"),
    ("source-columns-blank", "资金来源列各行均为空，按未填写处理", "funding-source columns blank on every row; sources taken as not stated"),
    ("subtotal-as-total", "全表的小计按合计处理", "subtotal row taken as the grand total"),
    ("subtotal-mismatch", "按编码或名称判断的小计行与其下项目之和不符，未计入单位或项目", "subtotal row (by its code or name) does not equal the sum of its projects; not counted"),
    ("subtotal-row", "小计行，未计入单位或项目", "subtotal row not counted"),
    ("table-more-targets", "页面中另有是绩效目标表的表格，未读取（用 --sheet 表格N 指定；check 审核全部）", "more tables of the page are target tables; not read (pick with --sheet 表格N; check reviews all)"),
    ("text-hidden", "网页隐藏在单元格中的文字（display:none），按浏览器显示未读入", "text a web page hides in a cell (display:none); left out, as a browser shows the cell"),
    ("text-outside-item", "指标条目之外的文字", "text outside any indicator item"),
    ("total-column-missing", "表头没有总计列，各行总计按未填写处理", "no total column; totals taken as not stated"),
    ("total-duplicate", "又一个合计行，未使用", "second total row ignored"),
    ("unit-row-by-name", "金额不平衡，按名称判断为资金使用单位", "amounts do not balance; taken as a unit by its name"),
    ("unit-sum-mismatch", "单位行金额与其项目合计不符", "unit row does not equal the sum of its projects"),
    ("value-marker-missing", "指标缺少「，年度指标值：」标记", "item without a value marker"),
    ("weight-unparseable", "权重不是数字", "weight not a number"),
    ("whitespace-outside-item", "指标条目之外有空白", "whitespace outside any indicator item"),
];

/// The notice code `code`, if the readers emit it.
pub fn notice_code(code: &str) -> Option<&'static NoticeCode> {
    NOTICE_CODES.iter().find(|n| n.code == code)
}

/// A rule set: switches, severity overrides and thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Short name (`national`, `sichuan` …).
    #[serde(deserialize_with = "de_text")]
    pub name: String,
    /// Per-rule settings keyed by rule id.
    pub rules: BTreeMap<String, RuleSetting>,
    pub thresholds: Thresholds,
    /// Report reader notices (`Table::notices`) as info findings.
    #[serde(deserialize_with = "de_bool")]
    pub notices: bool,
}

/// Settings of one rule in a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleSetting {
    /// `false` switches the rule off.
    #[serde(deserialize_with = "de_some_bool")]
    pub enabled: Option<bool>,
    /// Overrides the severity of every finding of the rule.
    #[serde(deserialize_with = "de_severity")]
    pub severity: Option<Severity>,
}

/// Tunable thresholds (GUIDE §4.1, the [P] defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// `too-few-indicators`: fewer indicators than this is reported.
    #[serde(deserialize_with = "de_count")]
    pub too_few_indicators_count: u32,
    /// `too-few-indicators`: from this amount (万元) on, it is a warning.
    #[serde(deserialize_with = "de_decimal")]
    pub too_few_indicators_amount: Decimal,
    /// `qualitative-share`: largest acceptable share of 定性 indicators (0–1).
    #[serde(deserialize_with = "de_decimal")]
    pub qualitative_share_max: Decimal,
    /// `satisfaction-low`: lowest normal satisfaction target, in %.
    #[serde(deserialize_with = "de_decimal")]
    pub satisfaction_min: Decimal,
    /// `satisfaction-high`: satisfaction target from which it is reported as
    /// unattainable, in % (100: only a target of 100 %).
    #[serde(deserialize_with = "de_decimal")]
    pub satisfaction_max: Decimal,
    /// `missing-cost`: 成本指标 required (财预〔2021〕101号 template) → warning.
    #[serde(deserialize_with = "de_bool")]
    pub require_cost: bool,
    /// `percent-out-of-range`: lower bound, in %.
    #[serde(deserialize_with = "de_decimal")]
    pub percent_min: Decimal,
    /// `percent-out-of-range`: upper bound, in % (growth rates exempt).
    #[serde(deserialize_with = "de_decimal")]
    pub percent_max: Decimal,
    /// `boilerplate-indicator`: number of projects sharing an indicator.
    #[serde(deserialize_with = "de_count")]
    pub boilerplate_min_projects: u32,
    /// `goal-duplicate`: shortest shared sentence, in characters (also the
    /// shortest goal compared as a whole).
    #[serde(deserialize_with = "de_count")]
    pub goal_duplicate_min_chars: u32,
    /// `goal-duplicate`: similarity (0–1, Jaccard of the character trigrams)
    /// from which two whole goals are near-duplicates.
    #[serde(deserialize_with = "de_decimal")]
    pub goal_duplicate_similarity: Decimal,
    /// `unit-cost`: fewest projects with one output unit before outliers are
    /// sought (at least 3: a median and its deviation need three).
    #[serde(deserialize_with = "de_count")]
    pub unit_cost_min_group: u32,
    /// `unit-cost`: modified z-score above which a unit cost is an outlier.
    #[serde(deserialize_with = "de_decimal")]
    pub unit_cost_outlier_z: Decimal,
    /// `money-scale-project`: how many times the median project amount a
    /// project must be before it is suspected of being in 元 (10–100 000;
    /// ten times this without unit or total rows to back it).
    #[serde(deserialize_with = "de_decimal")]
    pub project_scale_ratio: Decimal,
    /// `money-scale-project`: fewest projects with amounts in a table
    /// without unit or total rows (at least 3).
    #[serde(deserialize_with = "de_count")]
    pub project_scale_min_projects: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            too_few_indicators_count: 3,
            too_few_indicators_amount: Decimal::from(100),
            qualitative_share_max: Decimal::new(5, 1),
            satisfaction_min: Decimal::from(85),
            satisfaction_max: Decimal::from(100),
            require_cost: false,
            percent_min: Decimal::ZERO,
            percent_max: Decimal::from(100),
            boilerplate_min_projects: 2,
            goal_duplicate_min_chars: 20,
            goal_duplicate_similarity: Decimal::new(8, 1),
            unit_cost_min_group: 4,
            unit_cost_outlier_z: Decimal::new(35, 1),
            project_scale_ratio: Decimal::from(100),
            project_scale_min_projects: 5,
        }
    }
}

impl Thresholds {
    /// The value of the number threshold `key` (a count as a decimal);
    /// `None` for a switch or a key that is no threshold.
    pub fn number(&self, key: &str) -> Option<Decimal> {
        Some(match key {
            "too_few_indicators_count" => self.too_few_indicators_count.into(),
            "too_few_indicators_amount" => self.too_few_indicators_amount,
            "qualitative_share_max" => self.qualitative_share_max,
            "satisfaction_min" => self.satisfaction_min,
            "satisfaction_max" => self.satisfaction_max,
            "percent_min" => self.percent_min,
            "percent_max" => self.percent_max,
            "boilerplate_min_projects" => self.boilerplate_min_projects.into(),
            "goal_duplicate_min_chars" => self.goal_duplicate_min_chars.into(),
            "goal_duplicate_similarity" => self.goal_duplicate_similarity,
            "unit_cost_min_group" => self.unit_cost_min_group.into(),
            "unit_cost_outlier_z" => self.unit_cost_outlier_z,
            "project_scale_ratio" => self.project_scale_ratio,
            "project_scale_min_projects" => self.project_scale_min_projects.into(),
            _ => return None,
        })
    }
}

/// What a threshold takes ([`threshold_ranges`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    /// `true` or `false`.
    Switch,
    /// A whole number from `min` up.
    Count { min: u32 },
    /// A number from `lo`, up to `hi` if any (both included).
    Number { lo: Decimal, hi: Option<Decimal> },
    /// In per cent, 0–100; a value above 0 and below 1 (up to 1 included
    /// with `one_too`) is taken for a fraction written instead (0.9 for 90).
    Percent { one_too: bool },
}

/// A threshold and what it takes: the one list [`Profile::problems`] checks
/// and docs/rules.md shows, in the order of [`Thresholds`]' fields (a test
/// keeps it so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThresholdRange {
    pub key: &'static str,
    pub range: Range,
    /// What the value counts, for the documentation (`万元`, `%`, `projects` …).
    pub unit: &'static str,
}

/// Every threshold of [`Thresholds`] with what it takes.
pub fn threshold_ranges() -> [ThresholdRange; 15] {
    let r = |key, range, unit| ThresholdRange { key, range, unit };
    let fraction = Range::Number {
        lo: Decimal::ZERO,
        hi: Some(Decimal::ONE),
    };
    [
        r(
            "too_few_indicators_count",
            Range::Count { min: 0 },
            "indicators",
        ),
        r(
            "too_few_indicators_amount",
            Range::Number {
                lo: Decimal::ZERO,
                hi: None,
            },
            "万元",
        ),
        r("qualitative_share_max", fraction, "share"),
        // A floor of 1 % satisfaction means nothing: 1 is 100 % as a fraction.
        r("satisfaction_min", Range::Percent { one_too: true }, "%"),
        // (A fraction written for it, 0.95, is asked about like satisfaction_min's.)
        r("satisfaction_max", Range::Percent { one_too: true }, "%"),
        r("require_cost", Range::Switch, ""),
        // A floor of 1 % is a floor; a ceiling of 1 % would flag every percentage.
        r("percent_min", Range::Percent { one_too: false }, "%"),
        r("percent_max", Range::Percent { one_too: true }, "%"),
        // One project cannot share an indicator.
        r(
            "boilerplate_min_projects",
            Range::Count { min: 2 },
            "projects",
        ),
        r(
            "goal_duplicate_min_chars",
            Range::Count { min: 0 },
            "characters",
        ),
        // Candidate pairs come from MinHash banding (4 bands of 4 slots):
        // it meets about 2 in 3 pairs of similarity 0.7, and few below, so a
        // lower threshold would not find what it says.
        r(
            "goal_duplicate_similarity",
            Range::Number {
                lo: Decimal::new(7, 1),
                hi: Some(Decimal::ONE),
            },
            "Jaccard similarity",
        ),
        // A median and its deviation need three costs: fewer would be read as 3.
        r("unit_cost_min_group", Range::Count { min: 3 }, "projects"),
        // Below 1, most projects of a group would be outliers (3.5 is the
        // usual cut-off of the modified z-score).
        r(
            "unit_cost_outlier_z",
            Range::Number {
                lo: Decimal::ONE,
                hi: None,
            },
            "modified z-score",
        ),
        // A ratio of 1 or 2 would call every large project 元.
        r(
            "project_scale_ratio",
            Range::Number {
                lo: Decimal::TEN,
                hi: Some(Decimal::from(100_000)),
            },
            "times the median",
        ),
        r(
            "project_scale_min_projects",
            Range::Count { min: 3 },
            "projects",
        ),
    ]
}

impl Default for Profile {
    fn default() -> Self {
        Profile::national()
    }
}

/// Rules split off another, (new, old): `unit-cost-outlier` was the warning
/// of `unit-cost`. A profile that sets the old rule's `enabled` or
/// `severity` and says nothing of the new one sets both; a severity of the
/// new rule's own also switches it on.
pub const SPLIT_FROM: [(&str, &str); 1] = [("unit-cost-outlier", "unit-cost")];

impl Profile {
    /// The national default rule set (every rule on, GUIDE defaults).
    pub fn national() -> Self {
        Profile {
            name: "national".to_string(),
            rules: BTreeMap::new(),
            thresholds: Thresholds::default(),
            notices: true,
        }
    }

    /// Whether a rule runs. Ids outside the catalogue (reader notices) are on
    /// unless switched off.
    pub fn enabled(&self, id: &str) -> bool {
        // A rule split off another follows the other's switch only while the
        // profile says nothing of the new rule: any setting of its own (a
        // severity asked for) is asking for the rule.
        match self.rules.get(id) {
            Some(own) => own.enabled.unwrap_or(true),
            None => self.setting(id, |s| s.enabled).unwrap_or(true),
        }
    }

    /// Whether a reader notice (a code outside the catalogue) is reported:
    /// as the profile sets it, else as `notices` says. Any setting of the
    /// notice's own counts (`enabled = true`, or a `severity` asked for), so
    /// `notices = false` with `[rules.unit-row-by-name] severity =
    /// "warning"` reports that notice alone, as a warning.
    pub fn notice_enabled(&self, code: &str) -> bool {
        match self.rules.get(code) {
            Some(s) => s.enabled.unwrap_or(s.severity.is_some() || self.notices),
            None => self.notices,
        }
    }

    /// The severity a finding gets: the profile override, else `default`.
    pub fn severity(&self, id: &str, default: Severity) -> Severity {
        self.severity_override(id).unwrap_or(default)
    }

    /// The severity the profile sets for rule `id`, if it sets one.
    pub fn severity_override(&self, id: &str) -> Option<Severity> {
        self.setting(id, |s| s.severity)
    }

    /// One setting of rule `id`: its own, or else, for a rule split off
    /// another ([`SPLIT_FROM`]), the other's, so that a profile written
    /// before the split keeps its meaning.
    fn setting<T>(&self, id: &str, field: impl Fn(&RuleSetting) -> Option<T>) -> Option<T> {
        self.rules.get(id).and_then(&field).or_else(|| {
            let (_, from) = SPLIT_FROM.iter().find(|(new, _)| *new == id)?;
            self.rules.get(*from).and_then(&field)
        })
    }

    /// Problems with the profile: unknown rule ids, thresholds out of range.
    pub fn validate(&self) -> Vec<Text> {
        self.problems().into_iter().map(|p| p.message).collect()
    }

    /// Problems with the profile, each with the key it concerns: rule ids
    /// that are neither a rule of the catalogue nor a reader notice code (with
    /// the nearest known id), thresholds out of range.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for id in self.rules.keys() {
            if catalogue::rule(id).is_none() && notice_code(id).is_none() {
                // `[rules.sum-mismatch]`: the rule ids that start so are
                // dotted (in any case: `[rules.SUM-MISMATCH]`).
                let lower = id.to_lowercase().replace('_', "-");
                let dotted: Vec<&str> = catalogue::RULES
                    .iter()
                    .map(|r| r.id)
                    .filter(|r| {
                        r.strip_prefix(lower.as_str())
                            .is_some_and(|t| t.starts_with('.'))
                    })
                    .collect();
                let message = match nearest_id(id) {
                    _ if !dotted.is_empty() => {
                        let list = dotted
                            .iter()
                            .map(|d| format!("[rules.\"{d}\"]"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        Text::new(
                            format!("未知规则「{id}」：该组规则须分别设置，编号含点号时须加引号：{list}"),
                            format!("unknown rule id `{id}`: set each rule of the group, quoting ids that contain a dot: {list}"),
                        )
                    }
                    Some(near) => Text::new(
                        format!("未知规则「{id}」，是否应为「{near}」？"),
                        format!("unknown rule id `{id}`; did you mean `{near}`?"),
                    ),
                    None => Text::new(
                        format!("未知规则「{id}」，规则编号见 docs/rules.md"),
                        format!("unknown rule id `{id}`; the rule ids are in docs/rules.md"),
                    ),
                };
                out.push(Problem {
                    key: format!("rules.{id}"),
                    message,
                });
            }
        }
        let t = &self.thresholds;
        for r in threshold_ranges() {
            let Some(v) = t.number(r.key) else { continue };
            let key = r.key;
            let hundred = Decimal::ONE_HUNDRED;
            let message = match r.range {
                Range::Switch => None,
                Range::Count { min } if v < Decimal::from(min) => Some(Text::new(
                    format!("{key} 至少为 {min}，不能是 {v}"),
                    format!("{key} must be at least {min}, not {v}"),
                )),
                Range::Number { lo, hi: Some(hi) } if v < lo || v > hi => Some(Text::new(
                    format!("{key} 应在 {lo}–{hi} 之间，不能是 {v}"),
                    format!("{key} must lie in {lo}–{hi}, not {v}"),
                )),
                Range::Number { lo, hi: None } if v < lo => Some(Text::new(
                    format!("{key} 不能小于 {lo}，不能是 {v}"),
                    format!("{key} must be at least {lo}, not {v}"),
                )),
                Range::Percent { .. } if v < Decimal::ZERO || v > hundred => Some(Text::new(
                    format!("{key} 应在 0–100% 之间，不能是 {v}"),
                    format!("{key} must lie in 0–100%, not {v}"),
                )),
                // Written as a fraction (0.9 for 90 %): `satisfaction_min =
                // 0.9` would pass every satisfaction target above 0.9 %,
                // `percent_max = 0.95` report every percentage above 0.95 %.
                Range::Percent { one_too }
                    if v > Decimal::ZERO
                        && (v < Decimal::ONE || (one_too && v == Decimal::ONE)) =>
                {
                    Some(fraction(key, v))
                }
                _ => None,
            };
            if let Some(message) = message {
                out.push(Problem {
                    key: format!("thresholds.{key}"),
                    message,
                });
            }
        }
        // Equal bounds (or a ceiling of 0 over the floor's 0) would flag
        // every percentage but one.
        if t.percent_min >= t.percent_max {
            out.push(Problem {
                key: "thresholds.percent_min".to_string(),
                message: Text::new(
                    format!(
                        "percent_min（{}）应小于 percent_max（{}）",
                        t.percent_min, t.percent_max
                    ),
                    format!(
                        "percent_min ({}) must be below percent_max ({})",
                        t.percent_min, t.percent_max
                    ),
                ),
            });
        }
        out
    }
}

/// `KEY 以百分数计（90 即 90%），V 像是比例；是否应为 V×100？`: a per-cent
/// threshold written as a fraction.
fn fraction(key: &str, v: Decimal) -> Text {
    let pct = (v * Decimal::ONE_HUNDRED).normalize();
    Text::new(
        format!("{key} 以百分数计（90 即 90%），{v} 像是比例；是否应为 {pct}？"),
        format!(
            "{key} is in per cent (90 means 90 %); {v} looks like a fraction: did you mean {pct}?"
        ),
    )
}

/// A problem of a profile: the TOML key it concerns (`rules.ID`,
/// `thresholds.NAME`) and what is wrong, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: Text,
}

/// In Chinese.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message, f)
    }
}

/// The known id (rule or notice code) nearest to `id` by edit distance, if
/// it is near enough to be a likely typo.
pub fn nearest_id(id: &str) -> Option<&'static str> {
    let known = catalogue::RULES
        .iter()
        .map(|r| r.id)
        .chain(NOTICE_CODES.iter().map(|n| n.code));
    nearest(id, known)
}

/// The word of `known` that `word` is but for case and `_` for `-`
/// (`ERROR`, `MISSING-COST`, `missing_cost`); else the one nearest to it by
/// edit distance, if near enough to be a likely typo; else the one word of
/// `known` that `word` (3 characters or more) begins, as `warn` for `warning`.
pub fn nearest<'a>(word: &str, known: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    let same = |k: &str| {
        k.len() == word.len()
            && k.bytes().zip(word.bytes()).all(|(a, b)| {
                let fold = |c: u8| {
                    if c == b'_' {
                        b'-'
                    } else {
                        c.to_ascii_lowercase()
                    }
                };
                fold(a) == fold(b)
            })
    };
    if let Some(k) = known.clone().find(|k| same(k)) {
        return Some(k);
    }
    let close = known
        .clone()
        .map(|k| (k, edit_distance(word, k)))
        .min_by_key(|&(k, d)| (d, k))
        .filter(|&(best, d)| {
            let len = word.chars().count().max(best.chars().count());
            d <= (len / 3).max(2)
        });
    if let Some((best, _)) = close {
        return Some(best);
    }
    let mut begun = known.filter(|k| word.chars().count() >= 3 && k.starts_with(word));
    match (begun.next(), begun.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            let v = (diag + cost)
                .min(up.saturating_add(1))
                .min(left.saturating_add(1));
            diag = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = v;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// A value as a profile's deserializer met it, to say what was written
/// instead of what a key takes.
enum Raw {
    Bool(bool),
    /// TOML integers are 64-bit, but toml hands a longer one on as 128-bit.
    Int(i128),
    /// Beyond `i128`.
    UInt(u128),
    Float(f64),
    Str(String),
    Table,
    Array,
    Date,
}

impl Raw {
    /// What was written, (Chinese after 不能是, English after "not").
    fn said(&self) -> (String, String) {
        match self {
            Raw::Bool(v) => (format!(" {v}"), format!("the boolean {v}")),
            Raw::Int(v) => (format!(" {v}"), format!("the number {v}")),
            Raw::UInt(v) => (format!(" {v}"), format!("the number {v}")),
            // As written, near enough: `3.0` stays `3.0`, `1e-300` `1e-300`.
            Raw::Float(v) => (format!(" {v:?}"), format!("the number {v:?}")),
            Raw::Str(v) => (format!("字符串 \"{v}\""), format!("the string \"{v}\"")),
            Raw::Table => ("表".into(), "a table".into()),
            Raw::Array => ("数组".into(), "an array".into()),
            Raw::Date => ("日期".into(), "a date".into()),
        }
    }
}

/// Any TOML value as a [`Raw`].
fn raw<'de, D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
    struct Any;
    impl<'de> Visitor<'de> for Any {
        type Value = Raw;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a value")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
            Ok(Raw::Bool(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
            Ok(Raw::Int(v.into()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
            Ok(Raw::Int(v.into()))
        }
        fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
            Ok(Raw::Int(v))
        }
        fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
            Ok(i128::try_from(v).map_or(Raw::UInt(v), Raw::Int))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
            Ok(Raw::Float(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
            Ok(Raw::Str(v.to_string()))
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(Raw::Array)
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
            // A TOML date-time reaches serde as a map with one private key.
            let mut date = false;
            while let Some(key) = map.next_key::<String>()? {
                date |= key.starts_with("$__toml_private");
                map.next_value::<de::IgnoredAny>()?;
            }
            Ok(if date { Raw::Date } else { Raw::Table })
        }
    }
    d.deserialize_any(Any)
}

/// A message for serde's one-string errors: both languages packed (see
/// [`Text::pack`]; the command line takes them apart).
fn custom<E: de::Error>(zh: String, en: String) -> E {
    E::custom(Text::new(zh, en).pack())
}

/// `应为 X，不能是 Y` / `expected X, not Y`, with `请去掉引号` / `remove
/// the quotes` when the string written would be right unquoted.
fn wrong<E: de::Error>(
    expected_zh: &str,
    expected_en: &str,
    written: &Raw,
    unquoted_ok: bool,
) -> E {
    let (zh, en) = written.said();
    if unquoted_ok {
        if let Raw::Str(_) = written {
            return custom(
                format!("应为{expected_zh}，不能是{zh}，请去掉引号"),
                format!("expected {expected_en}, not {en}: remove the quotes"),
            );
        }
    }
    custom(
        format!("应为{expected_zh}，不能是{zh}"),
        format!("expected {expected_en}, not {en}"),
    )
}

/// `数值过大：V` / `too large: V` (`数值过小` / `too small` below 0): a
/// number beyond what a threshold can hold.
fn beyond<E: de::Error>(v: &dyn fmt::Display, negative: bool) -> E {
    if negative {
        custom(format!("数值过小：{v}"), format!("too small: {v}"))
    } else {
        custom(format!("数值过大：{v}"), format!("too large: {v}"))
    }
}

/// A decimal threshold, written as a TOML integer or float. A quoted number
/// (`"85"`) is refused: it is most likely a mistake, and a silently accepted
/// string would hide one that is not a number at all. A number too large
/// for a decimal, or too near 0 to be one (`1e-300` would be 0), is refused
/// as written.
fn de_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    match raw(d)? {
        Raw::Int(v) => Decimal::try_from_i128_with_scale(v, 0).map_err(|_| beyond(&v, v < 0)),
        Raw::UInt(v) => Err(beyond(&v, false)),
        Raw::Float(v) if !v.is_finite() => Err(custom(
            format!("应为有限的数字，不能是 {v}"),
            format!("expected a finite number, not {v}"),
        )),
        // Through the shortest decimal text: 0.3 stays 0.3.
        Raw::Float(v) => match v.to_string().parse::<Decimal>() {
            Ok(d) if d.is_zero() && v != 0.0 => Err(custom(
                format!("数值 {v:?} 过于接近 0（小数位过多），无法使用"),
                format!("{v:?} is too near 0 (too many decimal places) to use"),
            )),
            Ok(d) => Ok(d),
            Err(_) if v.abs() < 1.0 => Err(custom(
                format!("数值 {v:?} 小数位过多，无法使用"),
                format!("{v:?} has too many decimal places to use"),
            )),
            Err(_) => Err(beyond(&format_args!("{v:?}"), v < 0.0)),
        },
        other => {
            let quoted_number = matches!(&other, Raw::Str(s) if s.trim().parse::<f64>().is_ok());
            Err(wrong("数字", "a number", &other, quoted_number))
        }
    }
}

/// A count threshold: a whole TOML number from 0 up.
fn de_count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    match raw(d)? {
        Raw::Int(v) if v < 0 => Err(custom(
            format!("应为非负整数，不能是 {v}"),
            format!("expected a whole number from 0 up, not {v}"),
        )),
        Raw::Int(v) => u32::try_from(v).map_err(|_| beyond(&v, false)),
        Raw::UInt(v) => Err(beyond(&v, false)),
        // `3.0`: a whole number written as a float.
        Raw::Float(v) if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) => {
            Err(custom(
                format!("应为整数，不能是 {v:?}，请写成 {v}"),
                format!("expected a whole number, not the number {v:?}: write {v}"),
            ))
        }
        other => {
            let quoted_count = matches!(&other, Raw::Str(s) if s.trim().parse::<u32>().is_ok());
            Err(wrong("整数", "a whole number", &other, quoted_count))
        }
    }
}

/// A switch: TOML `true` or `false`.
fn de_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match raw(d)? {
        Raw::Bool(v) => Ok(v),
        other => {
            let quoted = matches!(&other, Raw::Str(s) if s == "true" || s == "false");
            Err(wrong(" true 或 false", "true or false", &other, quoted))
        }
    }
}

/// A switch that may be left out (`enabled`).
fn de_some_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    de_bool(d).map(Some)
}

/// A text (`name`): a TOML string.
fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match raw(d)? {
        Raw::Str(v) => Ok(v),
        other => Err(wrong(
            "加引号的文字（如 \"sichuan\"）",
            "a quoted text (such as \"sichuan\")",
            &other,
            false,
        )),
    }
}

/// Names of a severity a profile's author may write for one of
/// [`Severity`]'s: the Chinese ones the reports use, SARIF's `note`.
const SEVERITY_ALIASES: &[(&str, &str)] = &[
    ("错误", "error"),
    ("警告", "warning"),
    ("提示", "info"),
    ("信息", "info"),
    ("note", "info"),
];

/// A severity (`severity`): one of the names of [`Severity`], the nearest
/// suggested for a mistyped one.
fn de_severity<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Severity>, D::Error> {
    let levels = variants_of::<Severity>();
    let list = levels.join(", ");
    match raw(d)? {
        Raw::Str(v) => {
            use de::IntoDeserializer;
            let named: Result<Severity, de::value::Error> =
                Severity::deserialize(v.as_str().into_deserializer());
            // `警告`, SARIF's `note`: the level meant, else the nearest; in
            // any case and in full-width letters (`Note`, `WARN`, `ｗａｒｎ`).
            let folded: String = v
                .trim()
                .chars()
                .map(|c| match c {
                    '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    c => c,
                })
                .flat_map(char::to_lowercase)
                .collect();
            let alias = SEVERITY_ALIASES
                .iter()
                .find(|(a, _)| *a == folded)
                .map(|&(_, level)| level);
            named.map(Some).map_err(|_| {
                match alias.or_else(|| nearest(&folded, levels.iter().copied())) {
                    Some(near) => custom(
                        format!("未知级别「{v}」，是否应为「{near}」？可用：{list}"),
                        format!("unknown severity `{v}`; did you mean `{near}`? use one of {list}"),
                    ),
                    None => custom(
                        format!("未知级别「{v}」，可用：{list}"),
                        format!("unknown severity `{v}`; use one of {list}"),
                    ),
                }
            })
        }
        other => Err(wrong(
            &format!("加引号的级别（{list}）"),
            &format!("a quoted severity ({list})"),
            &other,
            false,
        )),
    }
}

/// Where a key of a profile table is checked against: the fields of the
/// struct the table is read into, or (`[rules]`) any id, which
/// [`Profile::problems`] checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKeys {
    Fields(&'static [&'static str]),
    RuleIds,
}

/// The table at `path` of a profile (`[]` the top level, `["thresholds"]`,
/// `["rules"]`, `["rules", ID]`) and the keys it takes; `None` when `path`
/// names no table (a value, or nothing a profile has). The field lists are
/// serde's own, so they cannot drift from the structs.
pub fn table_keys(path: &[&str]) -> Option<TableKeys> {
    match path {
        [] => Some(TableKeys::Fields(fields_of::<Profile>())),
        ["thresholds"] => Some(TableKeys::Fields(fields_of::<Thresholds>())),
        ["rules"] => Some(TableKeys::RuleIds),
        ["rules", _] => Some(TableKeys::Fields(fields_of::<RuleSetting>())),
        _ => None,
    }
}

/// Why `key` does not belong in the profile table at `path` (see
/// [`table_keys`]), in Chinese and English, with the nearest known key and
/// the keys the table takes; `None` if it belongs there (rule ids are
/// checked by [`Profile::problems`]).
pub fn unknown_key(path: &[&str], key: &str) -> Option<Text> {
    let Some(TableKeys::Fields(known)) = table_keys(path) else {
        return None;
    };
    if known.contains(&key) {
        return None;
    }
    // `[rules.sum-mismatch.row]`: TOML reads the dots as nested tables; the
    // id has to be quoted.
    if let ["rules", id] = path {
        let dotted = format!("{id}.{key}").to_lowercase().replace('_', "-");
        if let Some(rule) = catalogue::rule(&dotted) {
            return Some(quote_dotted_id(rule.id));
        }
    }
    if let Some(m) = top_level_misplaced(path, key) {
        return Some(m);
    }
    let (zh_table, en_table) = if path.is_empty() {
        ("配置顶层".to_string(), "at the top level".to_string())
    } else {
        let t = path.join(".");
        (format!("[{t}] 中"), format!("in [{t}]"))
    };
    let list = known.join(", ");
    Some(match nearest(key, known.iter().copied()) {
        Some(near) => Text::new(
            format!("{zh_table}没有「{key}」这一项，是否应为「{near}」？可用的键：{list}"),
            format!("unknown key `{key}` {en_table}; did you mean `{near}`? valid keys: {list}"),
        ),
        None => Text::new(
            format!("{zh_table}没有「{key}」这一项，可用的键：{list}"),
            format!("unknown key `{key}` {en_table}; valid keys: {list}"),
        ),
    })
}

/// `notices = false` written under `[rules.x]` or `[rules]`: TOML puts a
/// key in the table above it, so a top-level key goes before the first
/// table. The message when `key`, under the table `path`, is one.
pub fn top_level_misplaced(path: &[&str], key: &str) -> Option<Text> {
    if path.is_empty() {
        return None;
    }
    let Some(TableKeys::Fields(top)) = table_keys(&[]) else {
        return None;
    };
    if !top.contains(&key) {
        return None;
    }
    let (t, list) = (path.join("."), top.join(", "));
    Some(Text::new(
        format!("「{key}」写在了 [{t}] 之下，被当作该表的键；顶层的键（{list}）须写在第一个 [表] 之前"),
        format!("`{key}` stands under [{t}] and is read as a key of that table; top-level keys ({list}) go before the first [table]"),
    ))
}

/// A rule id with a dot written as nested tables (`[rules.sum-mismatch.row]`).
fn quote_dotted_id(id: &str) -> Text {
    Text::new(
        format!("规则编号「{id}」含点号，须加引号：[rules.\"{id}\"]"),
        format!("the rule id `{id}` contains a dot and must be quoted: [rules.\"{id}\"]"),
    )
}

/// The field names serde reads struct `T` with.
fn fields_of<T: de::DeserializeOwned>() -> &'static [&'static str] {
    let mut probe = Probe::default();
    let _ = T::deserialize(&mut probe);
    probe.names
}

/// The variant names serde reads enum `T` with.
fn variants_of<T: de::DeserializeOwned>() -> &'static [&'static str] {
    fields_of::<T>()
}

/// A deserializer that only records the field or variant names it is asked
/// for, then fails.
#[derive(Default)]
struct Probe {
    names: &'static [&'static str],
}

impl<'de> Deserializer<'de> for &mut Probe {
    type Error = de::value::Error;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("probe"))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.names = fields;
        Err(de::Error::custom("probe"))
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.names = variants;
        Err(de::Error::custom("probe"))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("满意度", "满意"), 1);
    }

    #[test]
    fn nearest_id_suggests_typos_only() {
        assert_eq!(
            nearest_id("missing-satisfacton"),
            Some("missing-satisfaction")
        );
        assert_eq!(nearest_id("no-project"), Some("no-projects"));
        assert_eq!(nearest_id("zzzz"), None);
    }

    #[test]
    fn table_keys_are_serde_field_names() {
        assert_eq!(
            table_keys(&[]),
            Some(TableKeys::Fields(&[
                "name",
                "rules",
                "thresholds",
                "notices"
            ]))
        );
        assert_eq!(
            table_keys(&["rules", "missing-cost"]),
            Some(TableKeys::Fields(&["enabled", "severity"]))
        );
        assert_eq!(table_keys(&["rules"]), Some(TableKeys::RuleIds));
        assert_eq!(table_keys(&["thresholds", "percent_min"]), None);
        let Some(TableKeys::Fields(t)) = table_keys(&["thresholds"]) else {
            panic!("thresholds is a table");
        };
        assert_eq!(t.len(), 15);
        assert!(t.contains(&"satisfaction_min"));
        assert!(t.contains(&"project_scale_ratio"));
        assert_eq!(variants_of::<Severity>(), ["info", "warning", "error"]);
    }

    #[test]
    fn unknown_keys_name_the_nearest_and_the_valid_keys() {
        assert_eq!(unknown_key(&["thresholds"], "satisfaction_min"), None);
        assert_eq!(unknown_key(&["rules"], "anything"), None);
        let m = unknown_key(&["thresholds"], "satisfaction_mim").unwrap();
        assert!(
            m.zh.starts_with(
                "[thresholds] 中没有「satisfaction_mim」这一项，是否应为「satisfaction_min」？"
            ),
            "{m}"
        );
        assert!(!m.zh.contains("valid keys"), "{m}");
        assert!(
            m.en.starts_with("unknown key `satisfaction_mim` in [thresholds]; did you mean `satisfaction_min`? valid keys: too_few_indicators_count, "),
            "{}",
            m.en
        );
        let m = unknown_key(&[], "threshold").unwrap();
        assert!(m.zh.starts_with("配置顶层没有「threshold」"), "{m}");
        assert!(m.en.contains("`thresholds`"), "{}", m.en);
        // A top-level key after a table is told where it goes (ur16 C4).
        let m = unknown_key(&["rules", "missing-cost"], "notices").unwrap();
        assert!(m.zh.contains("须写在第一个 [表] 之前"), "{m}");
        // A dotted id in capitals is told to be quoted, as it is meant.
        let m = unknown_key(&["rules", "SUM-MISMATCH"], "ROW").unwrap();
        assert!(m.zh.contains("[rules.\"sum-mismatch.row\"]"), "{m}");
        let m = unknown_key(&["rules", "x"], "zzz").unwrap();
        assert!(
            !m.zh.contains("是否应为") && m.zh.contains("enabled, severity"),
            "{m}"
        );
        assert_eq!(
            nearest("warn", ["info", "warning", "error"].into_iter()),
            Some("warning")
        );
        assert_eq!(
            nearest("in", ["info", "warning", "error"].into_iter()),
            Some("info")
        );
        assert_eq!(
            nearest("zzzzzz", ["info", "warning", "error"].into_iter()),
            None
        );
    }

    #[test]
    fn dotted_rule_ids_are_told_to_be_quoted() {
        // `[rules.sum-mismatch.row]` reads as table `sum-mismatch`, key `row`.
        let m = unknown_key(&["rules", "sum-mismatch"], "row").unwrap();
        assert_eq!(
            m.zh,
            "规则编号「sum-mismatch.row」含点号，须加引号：[rules.\"sum-mismatch.row\"]"
        );
        assert!(m.en.contains("[rules.\"sum-mismatch.row\"]"), "{m}");
        // `[rules.sum-mismatch]`: the group's own ids, quoted.
        let mut p = Profile::national();
        p.rules
            .insert("sum-mismatch".into(), RuleSetting::default());
        let problems = p.problems();
        let m = &problems[0].message;
        assert_eq!(
            m.zh,
            "未知规则「sum-mismatch」：该组规则须分别设置，编号含点号时须加引号：\
             [rules.\"sum-mismatch.row\"], [rules.\"sum-mismatch.unit\"], [rules.\"sum-mismatch.total\"]"
        );
        // In capitals too (ur16 M2).
        let mut p = Profile::national();
        p.rules
            .insert("SUM-MISMATCH".into(), RuleSetting::default());
        assert!(p.problems()[0]
            .message
            .zh
            .contains("[rules.\"sum-mismatch.row\"]"));
        // A plain typo still gets the nearest id.
        let mut p = Profile::national();
        p.rules
            .insert("missing-costs".into(), RuleSetting::default());
        assert!(p.problems()[0].message.zh.contains("「missing-cost」"));
    }

    #[test]
    fn notice_codes_are_accepted_and_thresholds_range_checked() {
        let mut p = Profile::national();
        p.rules
            .insert("whitespace-outside-item".into(), RuleSetting::default());
        assert!(p.problems().is_empty());
        p.thresholds.satisfaction_min = Decimal::from(150);
        p.thresholds.percent_max = Decimal::from(-1);
        let keys: Vec<String> = p.problems().into_iter().map(|x| x.key).collect();
        assert_eq!(
            keys,
            [
                "thresholds.satisfaction_min",
                "thresholds.percent_max",
                "thresholds.percent_min"
            ]
        );
    }

    /// The keys of the problems of the national profile with `set` applied.
    fn problem_keys(set: impl FnOnce(&mut Thresholds)) -> Vec<String> {
        let mut p = Profile::national();
        set(&mut p.thresholds);
        p.problems().into_iter().map(|x| x.key).collect()
    }

    /// Values in range that would make a rule meaningless (ur16 C3): equal
    /// percent bounds, a z-score cut-off below 1, a similarity below what
    /// the banding finds.
    #[test]
    fn thresholds_that_would_flag_everything_are_refused() {
        let set = |f: fn(&mut Thresholds)| problem_keys(f);
        assert_eq!(
            set(|t| {
                t.percent_min = Decimal::from(50);
                t.percent_max = Decimal::from(50);
            }),
            ["thresholds.percent_min"]
        );
        assert_eq!(
            set(|t| t.percent_max = Decimal::ZERO),
            ["thresholds.percent_min"]
        );
        assert_eq!(
            set(|t| t.unit_cost_outlier_z = Decimal::new(5, 1)),
            ["thresholds.unit_cost_outlier_z"]
        );
        assert!(set(|t| t.unit_cost_outlier_z = Decimal::ONE).is_empty());
        assert_eq!(
            set(|t| t.goal_duplicate_similarity = Decimal::new(5, 1)),
            ["thresholds.goal_duplicate_similarity"]
        );
        assert!(set(|t| t.goal_duplicate_similarity = Decimal::new(7, 1)).is_empty());
    }

    #[test]
    fn per_cent_thresholds_written_as_fractions_are_refused() {
        let mut p = Profile::national();
        p.thresholds.percent_max = Decimal::new(95, 2);
        let problems = p.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].key, "thresholds.percent_max");
        assert_eq!(
            problems[0].message.zh,
            "percent_max 以百分数计（90 即 90%），0.95 像是比例；是否应为 95？"
        );
        assert_eq!(
            problems[0].message.en,
            "percent_max is in per cent (90 means 90 %); 0.95 looks like a fraction: did you mean 95?"
        );
        // 1 is a fraction for a ceiling of percentages and a floor of
        // satisfaction, not for a floor of percentages (1 %).
        let one = Decimal::ONE;
        assert_eq!(
            problem_keys(|t| t.percent_max = one),
            ["thresholds.percent_max"]
        );
        assert_eq!(
            problem_keys(|t| t.satisfaction_min = one),
            ["thresholds.satisfaction_min"]
        );
        assert!(problem_keys(|t| t.percent_min = one).is_empty());
        assert_eq!(
            problem_keys(|t| t.percent_min = Decimal::new(5, 1)),
            ["thresholds.percent_min"]
        );
        // 0 is a floor of 0 %, 1.5 is 1.5 %; qualitative_share_max is a fraction.
        assert!(problem_keys(|t| t.percent_min = Decimal::ZERO).is_empty());
        assert!(problem_keys(|t| t.percent_max = Decimal::new(15, 1)).is_empty());
        assert!(problem_keys(|t| t.qualitative_share_max = Decimal::new(9, 1)).is_empty());
    }

    #[test]
    fn a_word_written_in_another_case_or_with_underscores_is_suggested() {
        assert_eq!(nearest_id("MISSING-COST"), Some("missing-cost"));
        assert_eq!(nearest_id("Missing_Cost"), Some("missing-cost"));
        assert_eq!(
            nearest_id("WHITESPACE-OUTSIDE-ITEM"),
            Some("whitespace-outside-item")
        );
        let levels = ["info", "warning", "error"];
        assert_eq!(nearest("ERROR", levels.into_iter()), Some("error"));
        assert_eq!(nearest("INFO", levels.into_iter()), Some("info"));
        let m = unknown_key(&["thresholds"], "PERCENT_MAX").unwrap();
        assert!(m.zh.contains("是否应为「percent_max」"), "{m}");
        let mut p = Profile::national();
        p.rules
            .insert("MISSING-COST".into(), RuleSetting::default());
        assert_eq!(
            p.problems()[0].message.zh,
            "未知规则「MISSING-COST」，是否应为「missing-cost」？"
        );
    }

    #[test]
    fn a_severity_in_capitals_in_chinese_or_sarifs_note_is_refused_with_the_level_meant() {
        let said = |v: &str| {
            use de::IntoDeserializer;
            let d: de::value::StrDeserializer<'_, de::value::Error> = v.into_deserializer();
            Text::unpack(&de_severity(d).unwrap_err().to_string()).unwrap()
        };
        for (written, level) in [
            ("ERROR", "error"),
            ("Warning", "warning"),
            ("警告", "warning"),
            ("错误", "error"),
            ("提示", "info"),
            ("信息", "info"),
            ("note", "info"),
            ("Note", "info"),
            ("NOTE", "info"),
            ("Warn", "warning"),
            ("WARN", "warning"),
            ("ｗａｒｎｉｎｇ", "warning"),
        ] {
            let m = said(written);
            assert_eq!(
                m.zh,
                format!("未知级别「{written}」，是否应为「{level}」？可用：info, warning, error")
            );
            assert_eq!(
                m.en,
                format!("unknown severity `{written}`; did you mean `{level}`? use one of info, warning, error")
            );
        }
        assert!(!said("zzzzzz").zh.contains("是否应为"));
    }

    #[test]
    fn threshold_ranges_cover_every_threshold_in_field_order() {
        let keys: Vec<&str> = threshold_ranges().iter().map(|r| r.key).collect();
        assert_eq!(keys, fields_of::<Thresholds>());
        let t = Thresholds::default();
        for r in threshold_ranges() {
            assert_eq!(
                t.number(r.key).is_none(),
                r.range == Range::Switch,
                "{}",
                r.key
            );
        }
        // The national defaults are in range.
        assert!(Profile::national().problems().is_empty());
    }

    #[test]
    fn unit_cost_min_group_below_its_floor_of_3_is_refused() {
        for v in [0, 1, 2] {
            let mut p = Profile::national();
            p.thresholds.unit_cost_min_group = v;
            let problems = p.problems();
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].key, "thresholds.unit_cost_min_group");
            assert_eq!(
                problems[0].message.zh,
                format!("unit_cost_min_group 至少为 3，不能是 {v}")
            );
            assert_eq!(
                problems[0].message.en,
                format!("unit_cost_min_group must be at least 3, not {v}")
            );
        }
        assert!(problem_keys(|t| t.unit_cost_min_group = 3).is_empty());
    }
}
