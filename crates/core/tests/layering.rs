//! The layer rule of ARCHITECTURE.md: core knows no IO, async, SQL or HTTP.
//! Checked on the lock file (the whole dependency closure of jixiao-core,
//! dev-dependencies included) and on the source text.

use std::collections::{BTreeMap, BTreeSet};

const FORBIDDEN_CRATES: &[&str] = &[
    "tokio",
    "sqlx",
    "axum",
    "hyper",
    "reqwest",
    "mio",
    "async-std",
    "rusqlite",
    "postgres",
    "calamine",
    "rust_xlsxwriter",
];
const FORBIDDEN_SOURCE: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "File::open",
    "async fn",
    ".await",
    "tokio::",
    "sqlx::",
];

fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = include_str!("../../../Cargo.lock");
    let mut graph = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut name = String::new();
        let mut deps = Vec::new();
        let mut in_deps = false;
        for line in block.lines() {
            let line = line.trim();
            if let Some(n) = line.strip_prefix("name = ") {
                name = n.trim_matches('"').to_string();
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                let dep = line.trim_matches(|c| c == '"' || c == ',');
                deps.push(dep.split(' ').next().unwrap_or(dep).to_string());
            }
        }
        graph.entry(name).or_insert_with(Vec::new).extend(deps);
    }
    graph
}

#[test]
fn core_dependency_closure_has_no_io_async_sql_or_http() {
    let graph = lock_graph();
    assert!(
        graph.contains_key("jixiao-core"),
        "jixiao-core not in Cargo.lock"
    );
    let mut seen = BTreeSet::new();
    let mut stack = vec!["jixiao-core".to_string()];
    while let Some(n) = stack.pop() {
        if seen.insert(n.clone()) {
            stack.extend(graph.get(&n).cloned().unwrap_or_default());
        }
    }
    assert!(
        seen.contains("rust_decimal"),
        "closure walk is broken: {seen:?}"
    );
    let bad: Vec<_> = FORBIDDEN_CRATES
        .iter()
        .filter(|c| seen.contains(**c))
        .collect();
    assert!(
        bad.is_empty(),
        "jixiao-core depends (transitively) on {bad:?}"
    );
}

#[test]
fn core_source_does_no_io() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read src dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    assert!(!files.is_empty());
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read source");
        // Test modules may read fixtures; only non-test code is held to the rule.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for pat in FORBIDDEN_SOURCE {
            assert!(
                !code.contains(pat),
                "{} uses `{pat}`: core must stay free of IO",
                f.display()
            );
        }
    }
}
