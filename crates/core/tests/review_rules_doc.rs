//! `docs/rules.md` is generated from the catalogue; this test keeps it in sync.
//! Regenerate with `UPDATE_RULES_DOC=1 cargo test -p jixiao-core rules_doc`.

use jixiao_core::review::profile::threshold_ranges;
use jixiao_core::review::{rules_markdown, RULES};

#[test]
fn rules_doc_matches_catalogue() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let want = rules_markdown();
    if std::env::var_os("UPDATE_RULES_DOC").is_some() {
        std::fs::write(&path, &want).expect("write docs/rules.md");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is out of date; regenerate with \
         `UPDATE_RULES_DOC=1 cargo test -p jixiao-core rules_doc`"
    );
}

#[test]
fn rules_doc_documents_every_rule() {
    let doc = rules_markdown();
    for r in RULES {
        assert!(doc.contains(&format!("## `{}`", r.id)), "{}", r.id);
        assert!(!r.explanation.is_empty() && !r.basis.is_empty() && !r.fix.is_empty());
    }
    assert!(doc.contains("`too_few_indicators_amount` = 100 (万元)"));
    // Every threshold a rule names shows its default (`project_scale_ratio`
    // once showed `?`).
    assert!(
        !doc.contains("` = ?"),
        "a threshold without its default in docs/rules.md"
    );
}

/// Every threshold is in the profile example and the table of thresholds,
/// with its default and what it takes (`project_scale_ratio` and
/// `project_scale_min_projects` once were missing).
#[test]
fn rules_doc_lists_every_threshold_with_its_range() {
    let doc = rules_markdown();
    let profiles = doc.split("## Profiles").nth(1).unwrap();
    for r in threshold_ranges() {
        let row = format!("| `{}` | ", r.key);
        assert!(profiles.contains(&row), "{} not in the table", r.key);
        let example = format!("\n{} = ", r.key);
        assert!(profiles.contains(&example), "{} not in the example", r.key);
    }
    assert!(profiles.contains(
        "| `project_scale_ratio` | 100 | 10–100000 (times the median) | [`money-scale-project`](#money-scale-project) |"
    ));
    assert!(
        profiles.contains("| `unit_cost_min_group` | 4 | a whole number, at least 3 (projects) |")
    );
}
