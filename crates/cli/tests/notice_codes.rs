//! The notice codes a profile accepts (`jixiao_core::review::profile::NOTICE_CODES`)
//! must be the codes the readers emit: every kebab-case string literal in the
//! reader's and the indicator-cell grammar's source is a notice code, apart
//! from the few listed below, and every listed code occurs there.

use jixiao_core::review::profile::NOTICE_CODES;
use std::collections::BTreeSet;
use std::path::Path;

/// Kebab-case literals of those sources that are not notice codes.
const NOT_CODES: &[&str] = &["poppler-utils", "mso-hide"];

fn sources() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["crates/formats/src/read", "crates/core/src/grammar"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// String literals of lowercase words joined by hyphens (`"no-projects"`).
fn kebab_literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split('"').skip(1).step_by(2) {
        let words: Vec<&str> = piece.split('-').collect();
        if words.len() > 1
            && words
                .iter()
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        {
            out.push(piece.to_string());
        }
    }
    out
}

#[test]
fn notice_codes_are_the_codes_the_readers_emit() {
    let mut found = BTreeSet::new();
    for p in sources() {
        let text = std::fs::read_to_string(&p).unwrap();
        for lit in kebab_literals(&text) {
            if !NOT_CODES.contains(&lit.as_str()) {
                found.insert(lit);
            }
        }
    }
    let listed: BTreeSet<String> = NOTICE_CODES.iter().map(|n| n.code.to_string()).collect();
    // Conditions the reader finds that are catalogue rules (`no-projects`)
    // are documented and configured as rules, not as notices.
    let rules: BTreeSet<String> = jixiao_core::review::RULES
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    let found: BTreeSet<String> = found.difference(&rules).cloned().collect();
    assert_eq!(listed.len(), NOTICE_CODES.len(), "a code listed twice");
    let missing: Vec<&String> = found.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "codes emitted by the reader but not in NOTICE_CODES \
         (crates/core/src/review/profile.rs), or literals to add to NOT_CODES: {missing:?}"
    );
    let stale: Vec<&String> = listed.difference(&found).collect();
    assert!(
        stale.is_empty(),
        "NOTICE_CODES lists codes no reader emits: {stale:?}"
    );
    for n in NOTICE_CODES {
        assert!(!n.zh.is_empty() && !n.en.is_empty(), "{}", n.code);
        assert!(
            jixiao_core::review::rule(n.code).is_none(),
            "{} is also a rule id",
            n.code
        );
    }
}
