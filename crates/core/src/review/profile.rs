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
//! the nearest known one) and thresholds out of range; the deserializer
//! refuses a threshold of the wrong type, a quoted number included.

use super::{catalogue, Severity};
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
    ("amount-repeated-differs", "续行金额与首行不同，采用首行", "continuation row amount differs; first row kept"),
    ("amount-row-unassigned", "只有金额的行按无绩效指标的项目处理", "amount-only row taken as a project without targets"),
    ("cell-error", "单元格含 Excel 错误值，按文本读取", "cell holds an Excel error; read as text"),
    ("column-duplicate", "表头重复的列，已忽略", "duplicate column ignored"),
    ("column-unknown", "未识别的列，未读取", "column not recognised; ignored"),
    ("direction-unknown", "指标方向性无法识别", "direction not recognised"),
    ("goal-repeated-differs", "续行年度目标与首行不同，采用首行", "continuation row goal differs; first row kept"),
    ("indicator-incomplete", "没有三级指标和指标值的指标行，未读入", "indicator without name and value skipped"),
    ("marker-nonstandard", "指标中的冒号或指标值标记不标准", "non-standard colon or value marker"),
    ("money-scale-assumed", "未注明金额单位，按万元读取", "no money scale printed; 万元 assumed"),
    ("no-items", "绩效指标单元格中没有「序号-一级指标：」格式的指标", "no indicator item found in the cell"),
    ("project-name-missing", "项目名称为空", "project name missing"),
    ("project-without-targets", "有金额而无绩效目标和指标的行，按缺少绩效目标的项目处理", "amounts without goal or indicators; taken as a project with missing targets"),
    ("projects-before-unit", "项目出现在第一个单位行之前", "projects before the first unit row"),
    ("row-heading", "没有金额和绩效内容的标题行，未读入", "heading row without amounts skipped"),
    ("row-note", "表外说明或签字栏，未读入", "note or signature line skipped"),
    ("row-unplaced", "无法归入任何项目的行，未读入", "row fits nowhere and was not read"),
    ("seq-nonstandard", "指标序号不标准（如有前导零）", "non-standard item number (e.g. a leading zero)"),
    ("subtotal-as-total", "全表的小计按合计处理", "subtotal row taken as the grand total"),
    ("subtotal-row", "小计行，未计入单位或项目", "subtotal row not counted"),
    ("text-outside-item", "指标条目之外的文字", "text outside any indicator item"),
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
    pub name: String,
    /// Per-rule settings keyed by rule id.
    pub rules: BTreeMap<String, RuleSetting>,
    pub thresholds: Thresholds,
    /// Report reader notices (`Table::notices`) as info findings.
    pub notices: bool,
}

/// Settings of one rule in a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleSetting {
    /// `false` switches the rule off.
    pub enabled: Option<bool>,
    /// Overrides the severity of every finding of the rule.
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
    /// `goal-duplicate`: shortest shared sentence, in characters.
    #[serde(deserialize_with = "de_count")]
    pub goal_duplicate_min_chars: u32,
    /// `unit-cost`: fewest projects with one output unit before outliers are sought.
    #[serde(deserialize_with = "de_count")]
    pub unit_cost_min_group: u32,
    /// `unit-cost`: modified z-score above which a unit cost is an outlier.
    #[serde(deserialize_with = "de_decimal")]
    pub unit_cost_outlier_z: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            too_few_indicators_count: 3,
            too_few_indicators_amount: Decimal::from(100),
            qualitative_share_max: Decimal::new(5, 1),
            satisfaction_min: Decimal::from(85),
            require_cost: false,
            percent_min: Decimal::ZERO,
            percent_max: Decimal::from(100),
            boilerplate_min_projects: 2,
            goal_duplicate_min_chars: 20,
            unit_cost_min_group: 4,
            unit_cost_outlier_z: Decimal::new(35, 1),
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::national()
    }
}

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
        self.rules.get(id).and_then(|s| s.enabled).unwrap_or(true)
    }

    /// The severity a finding gets: the profile override, else `default`.
    pub fn severity(&self, id: &str, default: Severity) -> Severity {
        self.rules
            .get(id)
            .and_then(|s| s.severity)
            .unwrap_or(default)
    }

    /// Problems with the profile: unknown rule ids, thresholds out of range.
    pub fn validate(&self) -> Vec<String> {
        self.problems().into_iter().map(|p| p.message).collect()
    }

    /// Problems with the profile, each with the key it concerns: rule ids
    /// that are neither a rule of the catalogue nor a reader notice code (with
    /// the nearest known id), thresholds out of range.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for id in self.rules.keys() {
            if catalogue::rule(id).is_none() && notice_code(id).is_none() {
                let message = match nearest_id(id) {
                    Some(near) => format!(
                        "未知规则「{id}」，是否应为「{near}」？ (unknown rule id; did you mean `{near}`?)"
                    ),
                    None => format!(
                        "未知规则「{id}」，规则编号见 docs/rules.md (unknown rule id; see docs/rules.md)"
                    ),
                };
                out.push(Problem {
                    key: format!("rules.{id}"),
                    message,
                });
            }
        }
        let t = &self.thresholds;
        let hundred = Decimal::from(100);
        // (key, value, upper bound, unit); every bound below is 0.
        let ranges = [
            (
                "qualitative_share_max",
                t.qualitative_share_max,
                Some(Decimal::ONE),
                "",
            ),
            ("satisfaction_min", t.satisfaction_min, Some(hundred), "%"),
            ("percent_min", t.percent_min, Some(hundred), "%"),
            ("percent_max", t.percent_max, Some(hundred), "%"),
            (
                "too_few_indicators_amount",
                t.too_few_indicators_amount,
                None,
                "",
            ),
        ];
        let lo = Decimal::ZERO;
        for (key, v, hi, what) in ranges {
            if v >= lo && hi.is_none_or(|hi| v <= hi) {
                continue;
            }
            let message = match hi {
                Some(hi) => format!(
                    "{key} 应在 {lo}–{hi}{what} 之间，不能是 {v} (must lie in {lo}–{hi}{what}, not {v})"
                ),
                None => format!("{key} 不能小于 {lo}，不能是 {v} (must be at least {lo}, not {v})"),
            };
            out.push(Problem {
                key: format!("thresholds.{key}"),
                message,
            });
        }
        if t.percent_min > t.percent_max {
            out.push(Problem {
                key: "thresholds.percent_min".to_string(),
                message: "percent_min 大于 percent_max (percent_min > percent_max)".to_string(),
            });
        }
        if t.boilerplate_min_projects < 2 {
            out.push(Problem {
                key: "thresholds.boilerplate_min_projects".to_string(),
                message: "boilerplate_min_projects 至少为 2 (must be at least 2)".to_string(),
            });
        }
        if t.unit_cost_outlier_z <= Decimal::ZERO {
            out.push(Problem {
                key: "thresholds.unit_cost_outlier_z".to_string(),
                message: format!(
                    "unit_cost_outlier_z 应大于 0，不能是 {} (must be above 0)",
                    t.unit_cost_outlier_z
                ),
            });
        }
        out
    }
}

/// A problem of a profile: the TOML key it concerns (`rules.ID`,
/// `thresholds.NAME`) and what is wrong, in Chinese then English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The known id (rule or notice code) nearest to `id` by edit distance, if
/// it is near enough to be a likely typo.
pub fn nearest_id(id: &str) -> Option<&'static str> {
    let known = catalogue::RULES
        .iter()
        .map(|r| r.id)
        .chain(NOTICE_CODES.iter().map(|n| n.code));
    let (best, d) = known
        .map(|k| (k, edit_distance(id, k)))
        .min_by_key(|&(k, d)| (d, k))?;
    let len = id.chars().count().max(best.chars().count());
    (d <= (len / 3).max(2)).then_some(best)
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

/// A decimal threshold, written as a TOML integer or float. A quoted number
/// (`"85"`) is refused: it is most likely a mistake, and a silently accepted
/// string would hide one that is not a number at all.
fn de_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct Number;
    impl Visitor<'_> for Number {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("数字 (a number)")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            if !v.is_finite() {
                return Err(E::custom(format!(
                    "应为有限的数字，不能是 {v} (expected a finite number, not {v})"
                )));
            }
            // Through the shortest decimal text: 0.3 stays 0.3.
            v.to_string()
                .parse::<Decimal>()
                .map_err(|e| E::custom(format!("数字无法使用 (unusable number {v}): {e}")))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            Err(E::custom(format!(
                "应为数字，不能是字符串 \"{v}\"，请去掉引号 (expected a number, not the string \"{v}\": remove the quotes)"
            )))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Decimal, E> {
            Err(E::custom(format!(
                "应为数字，不能是 {v} (expected a number, not the boolean {v})"
            )))
        }
    }
    d.deserialize_any(Number)
}

/// A count threshold: a whole TOML number from 0 up.
fn de_count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    struct Count;
    impl Visitor<'_> for Count {
        type Value = u32;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("非负整数 (a whole number from 0 up)")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| {
                E::custom(if v < 0 {
                    format!("应为非负整数，不能是 {v} (expected a whole number from 0 up, not {v})")
                } else {
                    format!("数值过大：{v} (too large: {v})")
                })
            })
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::custom(format!("数值过大：{v} (too large: {v})")))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
            Err(E::custom(format!(
                "应为整数，不能是 {v} (expected a whole number, not {v})"
            )))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
            Err(E::custom(format!(
                "应为整数，不能是字符串 \"{v}\"，请去掉引号 (expected a whole number, not the string \"{v}\": remove the quotes)"
            )))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<u32, E> {
            Err(E::custom(format!(
                "应为整数，不能是 {v} (expected a whole number, not the boolean {v})"
            )))
        }
    }
    d.deserialize_any(Count)
}

/// A switch: TOML `true` or `false`.
fn de_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct Switch;
    impl Visitor<'_> for Switch {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("true 或 false (true or false)")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            Err(E::custom(format!(
                "应为 true 或 false，不能是字符串 \"{v}\"，请去掉引号 (expected true or false, not the string \"{v}\": remove the quotes)"
            )))
        }
    }
    d.deserialize_any(Switch)
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
}
