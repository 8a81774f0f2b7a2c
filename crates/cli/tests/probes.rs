//! The probe tables (`tests/probes/`): some 440 tables testers wrote to find
//! what the reader and the reviewer get wrong (published layouts, planted
//! problems, clean tables of many policy areas; see its README). `jixiao check`
//! over the folder must find exactly what `tests/probes-expected.txt` records:
//! every finding's file, rule, severity, row and column, and each file the
//! check could not read. A change that moves, adds or drops a finding fails
//! here; when the change is meant, regenerate the record with
//! `UPDATE_PROBES=1 cargo test -p jixiao --test probes` and read its diff.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `file: rule severity row:col` lines, sorted, from `check --format json`.
fn findings_of(doc: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in doc["findings"].as_array().expect("findings") {
        let loc = &f["location"];
        let mut place = format!(
            "{}:{}",
            loc["row"]
                .as_u64()
                .map_or("-".to_string(), |r| r.to_string()),
            loc["column"]
                .as_u64()
                .map_or("-".to_string(), |c| c.to_string())
        );
        if let Some(sheet) = loc["sheet"].as_str() {
            place = format!("[{sheet}]{place}");
        }
        out.push(format!(
            "{}: {} {} {place}",
            loc["file"].as_str().unwrap_or("?"),
            f["rule"].as_str().unwrap_or("?"),
            f["severity"].as_str().unwrap_or("?"),
        ));
    }
    for e in doc["errors"].as_array().expect("errors") {
        out.push(format!("{}: unreadable", e["file"].as_str().unwrap_or("?")));
    }
    out.sort();
    out
}

#[test]
fn the_probe_tables_read_and_review_as_recorded() {
    let root = root();
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(&root)
        .args(["check", "tests/probes", "--format", "json", "--no-progress"])
        .env("NO_COLOR", "1")
        .output()
        .expect("jixiao runs");
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let got = findings_of(&doc);
    let record = root.join("tests/probes-expected.txt");
    if std::env::var_os("UPDATE_PROBES").is_some() {
        std::fs::write(&record, got.join("\n") + "\n").expect("write the record");
        return;
    }
    let want: Vec<String> = std::fs::read_to_string(&record)
        .expect("tests/probes-expected.txt (UPDATE_PROBES=1 writes it)")
        .lines()
        .map(str::to_string)
        .collect();
    if got == want {
        return;
    }
    // Say per file what differs, not one huge diff.
    let count = |v: &[String]| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for l in v {
            *m.entry(l.clone()).or_default() += 1;
        }
        m
    };
    let (g, w) = (count(&got), count(&want));
    let mut report = Vec::new();
    for (line, n) in &g {
        let m = w.get(line).copied().unwrap_or(0);
        if *n > m {
            report.push(format!("+ {line} (×{})", n - m));
        }
    }
    for (line, n) in &w {
        let m = g.get(line).copied().unwrap_or(0);
        if *n > m {
            report.push(format!("- {line} (×{})", n - m));
        }
    }
    panic!(
        "the probe tables' findings changed ({} lines; + new, - gone):\n{}\n\
         if meant, regenerate with UPDATE_PROBES=1 cargo test -p jixiao --test probes",
        report.len(),
        report
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
