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

use super::{catalogue, Severity};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;

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
    pub require_cost: bool,
    /// `percent-out-of-range`: lower bound, in %.
    #[serde(deserialize_with = "de_decimal")]
    pub percent_min: Decimal,
    /// `percent-out-of-range`: upper bound, in % (growth rates exempt).
    #[serde(deserialize_with = "de_decimal")]
    pub percent_max: Decimal,
    /// `boilerplate-indicator`: number of projects sharing an indicator.
    pub boilerplate_min_projects: u32,
    /// `goal-duplicate`: shortest shared sentence, in characters.
    pub goal_duplicate_min_chars: u32,
    /// `unit-cost`: fewest projects with one output unit before outliers are sought.
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
        let mut out = Vec::new();
        for id in self.rules.keys() {
            if catalogue::rule(id).is_none() {
                out.push(format!("未知规则「{id}」 (unknown rule id)"));
            }
        }
        let t = &self.thresholds;
        if t.qualitative_share_max < Decimal::ZERO || t.qualitative_share_max > Decimal::ONE {
            out.push("qualitative_share_max 应在 0–1 之间 (must lie in 0–1)".to_string());
        }
        if t.percent_min > t.percent_max {
            out.push("percent_min 大于 percent_max (percent_min > percent_max)".to_string());
        }
        if t.boilerplate_min_projects < 2 {
            out.push("boilerplate_min_projects 至少为 2 (must be at least 2)".to_string());
        }
        out
    }
}

/// Accept a decimal written as a TOML integer, float or string.
fn de_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Num {
        I(i64),
        F(f64),
        S(String),
    }
    let text = match Num::deserialize(d)? {
        Num::I(i) => return Ok(Decimal::from(i)),
        Num::F(f) => f.to_string(),
        Num::S(s) => s,
    };
    Decimal::from_str(text.trim()).map_err(serde::de::Error::custom)
}
