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

/// Parse and validate a TOML profile.
pub fn parse(text: &str) -> anyhow::Result<Profile> {
    let profile: Profile = toml::from_str(text)?;
    let problems = profile.validate();
    if !problems.is_empty() {
        anyhow::bail!("{}", problems.join("; "));
    }
    Ok(profile)
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
        let p = parse("[thresholds]\nsatisfaction_min = \"90\"\nqualitative_share_max = 0.3\n")
            .unwrap();
        assert_eq!(p.thresholds.satisfaction_min.to_string(), "90");
        assert_eq!(p.thresholds.qualitative_share_max.to_string(), "0.3");
    }
}
