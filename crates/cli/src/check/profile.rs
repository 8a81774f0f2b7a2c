//! `--profile FILE.toml`: a review profile (see docs/rules.md, profiles/).

use anyhow::Context;
use jixiao_core::review::Profile;
use std::path::Path;

/// Read and validate a TOML profile.
pub fn load(path: &Path) -> anyhow::Result<Profile> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("无法读取配置 (cannot read profile) {}", path.display()))?;
    parse(&text).with_context(|| format!("配置有误 (invalid profile) {}", path.display()))
}

/// Parse and validate a TOML profile. Every problem names its line.
pub fn parse(text: &str) -> anyhow::Result<Profile> {
    let profile: Profile = toml::from_str(text).map_err(|e| anyhow::anyhow!(describe(text, &e)))?;
    let problems = profile.problems();
    if !problems.is_empty() {
        let lines = key_lines(text);
        let said: Vec<String> = problems
            .iter()
            .map(|p| match lines.get(&p.key) {
                Some(n) => format!("第{n}行 (line {n}): {}", p.message),
                None => p.message.clone(),
            })
            .collect();
        anyhow::bail!("{}", said.join("; "));
    }
    Ok(profile)
}

/// A TOML or type error as `第2行 satisfaction_min (line 2): …`.
fn describe(text: &str, e: &toml::de::Error) -> String {
    let Some(at) = e.span().map(|s| s.start) else {
        return e.message().to_string();
    };
    let (n, line) = line_at(text, at);
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    match key {
        Some(k) => format!("第{n}行 {k} (line {n}, {k}): {}", e.message()),
        None => format!("第{n}行 (line {n}): {}", e.message()),
    }
}

/// The 1-based line holding byte `at` of `text` ([`super::line_col`]), and its text.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let (n, _) = super::line_col(text, at);
    let line = text.lines().nth(n - 1).unwrap_or("");
    (n, line)
}

/// The lines of the `rules.ID` and `thresholds.NAME` keys of a profile.
fn key_lines(text: &str) -> std::collections::HashMap<String, usize> {
    type Keys = std::collections::BTreeMap<toml::Spanned<String>, serde::de::IgnoredAny>;
    #[derive(serde::Deserialize)]
    struct Located {
        #[serde(default)]
        rules: Keys,
        #[serde(default)]
        thresholds: Keys,
    }
    let mut out = std::collections::HashMap::new();
    if let Ok(located) = toml::from_str::<Located>(text) {
        for (table, keys) in [("rules", located.rules), ("thresholds", located.thresholds)] {
            for key in keys.keys() {
                let line = super::line_col(text, key.span().start).0;
                out.insert(format!("{table}.{}", key.get_ref()), line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_core::review::Severity;

    fn shipped(name: &str) -> String {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../profiles")
            .join(name);
        std::fs::read_to_string(p).unwrap()
    }

    #[test]
    fn national_profile_file_equals_the_builtin_default() {
        let p = parse(&shipped("national.toml")).unwrap();
        assert_eq!(p, Profile::national());
    }

    #[test]
    fn sichuan_profile_requires_cost() {
        let p = parse(&shipped("sichuan.toml")).unwrap();
        assert_eq!(p.name, "sichuan");
        assert!(p.thresholds.require_cost);
        assert_ne!(p.thresholds, Profile::national().thresholds);
        assert_eq!(
            p.severity("missing-cost", Severity::Info),
            Severity::Warning
        );
    }

    #[test]
    fn empty_profile_is_national_and_unknown_keys_fail() {
        assert_eq!(parse("").unwrap(), Profile::national());
        assert!(parse("[thresholds]\nno_such = 1\n").is_err());
        assert!(parse("[rules.no-such-rule]\nenabled = false\n").is_err());
        let p =
            parse("[thresholds]\nsatisfaction_min = 90\nqualitative_share_max = 0.3\n").unwrap();
        assert_eq!(p.thresholds.satisfaction_min.to_string(), "90");
        assert_eq!(p.thresholds.qualitative_share_max.to_string(), "0.3");
    }

    fn error(text: &str) -> String {
        format!("{:#}", parse(text).unwrap_err())
    }

    #[test]
    fn a_quoted_or_mistyped_threshold_is_refused_naming_key_line_and_type() {
        let e = error("name = \"x\"\n[thresholds]\nsatisfaction_min = \"85\"\n");
        assert!(
            e.contains("第3行 satisfaction_min (line 3, satisfaction_min)"),
            "{e}"
        );
        assert!(
            e.contains("应为数字") && e.contains("expected a number"),
            "{e}"
        );
        let e = error("[thresholds]\ntoo_few_indicators_count = \"3\"\n");
        assert!(
            e.contains("too_few_indicators_count") && e.contains("whole number"),
            "{e}"
        );
        let e = error("[thresholds]\nrequire_cost = \"true\"\n");
        assert!(
            e.contains("require_cost") && e.contains("true or false"),
            "{e}"
        );
        let e = error("[thresholds]\nsatisfaction_min = true\n");
        assert!(e.contains("expected a number"), "{e}");
    }

    #[test]
    fn thresholds_out_of_range_are_refused_with_their_line() {
        let e = error("[thresholds]\nsatisfaction_min = 150\n");
        assert!(
            e.contains("第2行 (line 2): satisfaction_min 应在 0–100"),
            "{e}"
        );
        let e = error("[thresholds]\npercent_min = -5\npercent_max = 1000\n");
        assert!(e.contains("第2行 (line 2): percent_min"), "{e}");
        assert!(e.contains("第3行 (line 3): percent_max"), "{e}");
        let e = error("[thresholds]\ntoo_few_indicators_count = -1\n");
        assert!(
            e.contains("第2行 too_few_indicators_count") && e.contains("from 0 up"),
            "{e}"
        );
        let e = error("[thresholds]\nunit_cost_outlier_z = 0\ntoo_few_indicators_amount = -1\n");
        assert!(
            e.contains("unit_cost_outlier_z") && e.contains("too_few_indicators_amount"),
            "{e}"
        );
        assert!(parse("[thresholds]\nsatisfaction_min = 100\npercent_min = 0\n").is_ok());
    }

    #[test]
    fn an_unknown_rule_id_names_its_line_and_the_nearest_known_id() {
        let e = error("name = \"x\"\n\n[rules.missing-satisfacton]\nenabled = false\n");
        assert!(e.contains("第3行 (line 3)"), "{e}");
        assert!(e.contains("「missing-satisfaction」"), "{e}");
        let e = error("[rules]\nzzzz = { enabled = false }\n");
        assert!(
            e.contains("第2行 (line 2)") && e.contains("docs/rules.md"),
            "{e}"
        );
    }

    #[test]
    fn notice_codes_can_be_switched_off_and_relevelled() {
        let p = parse(
            "[rules.whitespace-outside-item]\nenabled = false\n\
             [rules.no-projects]\nseverity = \"error\"\n",
        )
        .unwrap();
        assert!(!p.enabled("whitespace-outside-item"));
        assert_eq!(p.severity("no-projects", Severity::Info), Severity::Error);
        let e = error("[rules.whitespace-outside-itme]\nenabled = false\n");
        assert!(e.contains("「whitespace-outside-item」"), "{e}");
    }
}
