//! `jixiao check` driven as a real executable on the sample fixture.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/haizhu-youth-league-2024-project-targets.txt")
}

fn profiles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../profiles")
}

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run jixiao")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The findings of `rule` in a `--format json` document.
fn with_rule<'a>(doc: &'a Value, rule: &str) -> Vec<&'a Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// `jixiao check FILE --format json`, which must exit 0 (nothing at or above
/// the default `--deny error`); its JSON document.
fn check_clean(file: &Path) -> Value {
    let path = file.to_str().expect("a UTF-8 path");
    let out = jixiao(&["check", path, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_of(&out)
}

/// The sample with its first `from` replaced by `to`, written to a temporary
/// file `name` (kept while the returned directory lives), and
/// `check --format json` on it.
fn check_edited(from: &str, to: &str, name: &str) -> (tempfile::TempDir, PathBuf, Output) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap();
    let edited = text.replacen(from, to, 1);
    assert_ne!(edited, text, "{from:?} is not in the sample");
    let path = dir.path().join(name);
    std::fs::write(&path, edited).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    (dir, path, out)
}

fn count(doc: &Value, rule: &str) -> usize {
    with_rule(doc, rule).len()
}

#[test]
fn sample_is_clean_at_deny_error() {
    let f = fixture();
    let doc = check_clean(f.as_path());
    assert_eq!(doc["summary"]["error"], 0);
    assert_eq!(doc["summary"]["warning"], 10);
    assert_eq!(doc["summary"]["files"], 1);
    assert_eq!(count(&doc, "missing-satisfaction"), 5);
    assert_eq!(count(&doc, "operator-missing"), 29);
    assert_eq!(count(&doc, "goal-indicator-mismatch"), 2);
    // Shape of one finding.
    let sep = with_rule(&doc, "separator-nonstandard")[0];
    assert_eq!(sep["severity"], "info");
    assert_eq!(sep["location"]["row"], 14);
    assert_eq!(sep["location"]["column"], 7);
    assert!(
        sep["location"]["span"]["start"].as_u64().unwrap()
            < sep["location"]["span"]["end"].as_u64().unwrap()
    );
    assert!(sep["location"]["file"].as_str().unwrap().ends_with(".txt"));
    assert!(sep["message"].as_str().unwrap().contains("，"));
    assert!(!sep["help"].as_str().unwrap().is_empty());
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn deny_warning_exits_1() {
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--deny", "warning"]);
    assert_eq!(out.status.code(), Some(1));
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--deny",
        "info",
        "--min-severity",
        "warning",
    ]);
    assert_eq!(out.status.code(), Some(1));
    // --min-severity only hides: hidden warnings still trip --deny warning,
    // and the summary says how many were hidden.
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--deny",
        "warning",
        "--min-severity",
        "error",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("错误 0，警告 0，提示 0（另有 74 条低于 --min-severity 的问题未显示）"),
        "{text}"
    );
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--min-severity",
        "error",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["hidden"], 74);
    assert_eq!(doc["summary"]["warning"], 0);
}

#[test]
fn human_output_is_compiler_style() {
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("warning[missing-satisfaction]: 项目「驻镇帮镇扶村项目资金」缺少满意度指标"),
        "{text}"
    );
    assert!(
        text.contains(&format!(" --> {}:13:7", f.display())),
        "{text}"
    );
    // The P3-4 separator underlined in the cell.
    assert!(text.contains("info[separator-nonstandard]"));
    assert!(text.contains("错误 0，警告 10，提示 64"), "{text}");
    let en = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--lang",
        "en",
        "--min-severity",
        "warning",
    ]);
    let text = String::from_utf8_lossy(&en.stdout);
    assert!(
        text.contains(
            "warning[missing-output]: project \"驻镇帮镇扶村项目资金\" has no output indicator"
        ),
        "{text}"
    );
    assert!(
        text.contains("checked 1 file: 0 errors, 10 warnings, 0 infos"),
        "{text}"
    );
}

/// The terminal block (up to the blank line) of the first finding whose
/// first line starts with `head`.
fn block<'a>(text: &'a str, head: &str) -> &'a str {
    let start = text
        .find(head)
        .unwrap_or_else(|| panic!("no {head} in {text}"));
    let rest = &text[start..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

#[test]
fn snippet_header_gives_the_character_column_in_the_cell() {
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--no-progress"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // `5000人次` is the 21st character of row 12's 绩效指标 cell (byte 57).
    let b = block(
        &text,
        "info[operator-missing]: 「“青年地带”青少年服务经费」第1项",
    );
    assert!(b.contains("[第12行 绩效指标:1:21]"), "{b}");
    // `70个` lies in an elided window; still counted on the whole cell.
    let b = block(
        &text,
        "info[operator-missing]: 「“青年地带”青少年服务经费」第2项",
    );
    assert!(b.contains(" │ …"), "an elided window: {b}");
    assert!(b.contains("[第12行 绩效指标:1:48]"), "{b}");
    // No span on a long cell: the cell is marked as a whole, without a position.
    let b = block(
        &text,
        "info[missing-cost]: 项目「“青年地带”青少年服务经费」",
    );
    assert!(b.contains("[第12行 绩效指标]"), "{b}");
    assert!(!b.contains('▲'), "{b}");
    assert!(b.contains(&"─".repeat(40)), "the cell underlined: {b}");
}

#[test]
fn snippet_of_a_multi_line_cell_names_the_line_in_the_cell() {
    // Row 12's 绩效指标 cell, quoted, with a line break before its second item.
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut cells: Vec<String> = lines[11].split('\t').map(str::to_string).collect();
    let cell = cells[6].replace("。2-产出指标", "。\n2-产出指标");
    assert_ne!(cell, cells[6]);
    cells[6] = format!("\"{cell}\"");
    lines[11] = cells.join("\t");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("multi-line.txt");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--no-progress"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let b = block(
        &text,
        "info[operator-missing]: 「“青年地带”青少年服务经费」第2项",
    );
    assert!(b.contains("[第12行 绩效指标:2:21]"), "{b}");
    assert!(b.contains(" 2 │ 2-产出指标：家庭探访个数"), "{b}");
}

#[test]
fn changed_amount_is_an_error_at_its_cell() {
    // P1's 总计 158.00 → 158.50 (row 12, column 2).
    let (_dir, _, out) = check_edited("\t158.00\t158.00\t", "\t158.50\t158.00\t", "bad.txt");
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    let errors: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    let rows: Vec<(String, u64, u64)> = errors
        .iter()
        .map(|e| {
            (
                e["rule"].as_str().unwrap().to_string(),
                e["location"]["row"].as_u64().unwrap(),
                e["location"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        rows.contains(&("sum-mismatch.row".to_string(), 12, 2)),
        "{rows:?}"
    );
    assert!(
        rows.iter().all(|r| r.0.starts_with("sum-mismatch")),
        "{rows:?}"
    );
}

#[test]
fn unreadable_input_exits_2_and_reports_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let f = fixture();
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json_of(&out);
    assert_eq!(doc["summary"]["unreadable"], 1);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 1);
    assert_eq!(doc["summary"]["warning"], 10);
}

#[test]
fn summary_counts_an_unreadable_file_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let f = fixture();
    let args = |lang: &'static str| {
        jixiao(&[
            "check",
            f.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--lang",
            lang,
        ])
    };
    let zh = args("zh");
    assert_eq!(zh.status.code(), Some(2));
    let text = String::from_utf8_lossy(&zh.stdout);
    assert!(text.contains("error[unreadable]"), "{text}");
    let last = text.lines().last().unwrap();
    assert_eq!(
        last,
        "审核 2 个文件：错误 1（其中 1 个文件无法读取），警告 10，提示 64"
    );
    let en = args("en");
    let text = String::from_utf8_lossy(&en.stdout);
    assert_eq!(
        text.lines().last().unwrap(),
        "checked 2 files: 1 error (1 unreadable), 10 warnings, 64 infos"
    );
}

#[test]
fn a_wrong_encoding_option_is_not_suggested_again() {
    // A UTF-8 table read with --encoding gbk: say it is UTF-8, drop the option.
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--encoding", "gbk"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[unreadable]"), "{text}");
    assert!(text.contains("去掉 --encoding"), "{text}");
    assert!(text.contains("--encoding utf-8"), "{text}");
    assert!(!text.contains("--encoding gbk"), "{text}");
    // A GBK table read with --encoding utf-8: suggest gbk, not utf-8 again.
    let utf8 = std::fs::read_to_string(&f).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&utf8);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.txt");
    std::fs::write(&path, &gbk).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--encoding", "utf-8"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("--encoding gbk"), "{text}");
    assert!(!text.contains("--encoding utf-8"), "{text}");
    // Detected as GBK without the option: read fine.
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json_of(&out)["summary"]["unreadable"], 0);
}

#[test]
fn directories_are_searched_recursively_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(fixture(), sub.join("t1.txt")).unwrap();
    std::fs::copy(fixture(), dir.path().join("t2.tsv")).unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a table").unwrap();
    let out = jixiao(&[
        "check",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--no-progress",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json_of(&out);
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(doc["summary"]["warning"], 20);
}

#[test]
fn a_file_given_twice_is_reviewed_once() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(fixture(), dir.path().join("base.txt")).unwrap();
    std::fs::copy(fixture(), sub.join("other.txt")).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("run jixiao");
        json_of(&out)
    };
    // The same file by three spellings: one review, under the first spelling.
    let doc = run(&[
        "check",
        "base.txt",
        "base.txt",
        "./base.txt",
        "--format",
        "json",
    ]);
    assert_eq!(doc["summary"]["files"], 1, "{}", doc["summary"]);
    assert_eq!(doc["summary"]["warning"], 10);
    let files: std::collections::BTreeSet<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.into_iter().collect::<Vec<_>>(), ["base.txt"]);
    // A directory and a file inside it, in either order; first-seen order kept.
    for args in [
        ["check", "sub/other.txt", ".", "--format", "json"],
        ["check", ".", "sub/other.txt", "--format", "json"],
    ] {
        let doc = run(&args);
        assert_eq!(doc["summary"]["files"], 2, "{args:?}: {}", doc["summary"]);
        assert_eq!(doc["summary"]["warning"], 20);
        let mut order: Vec<&str> = Vec::new();
        for f in doc["findings"].as_array().unwrap() {
            let file = f["location"]["file"].as_str().unwrap();
            if order.last() != Some(&file) {
                order.push(file);
            }
        }
        let first = if args[1] == "." {
            "./base.txt"
        } else {
            "sub/other.txt"
        };
        assert_eq!(order.first(), Some(&first), "{args:?}: {order:?}");
        assert_eq!(order.len(), 2, "{args:?}: {order:?}");
    }
}

#[test]
fn sarif_has_rules_results_and_locations() {
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json_of(&out);
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "missing-satisfaction"));
    assert!(rules
        .iter()
        .all(|r| r["id"].is_string() && r["shortDescription"]["text"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 74);
    for r in results {
        let level = r["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
        let k = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[k]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with(".txt"));
        // A text table: the row is a line of the file; a field is no text column.
        assert_eq!(keys(&loc["region"]), ["startLine"]);
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 10);
        assert!(r["message"]["text"].is_string());
    }
    assert_eq!(
        results.iter().filter(|r| r["level"] == "warning").count(),
        10
    );
}

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

/// The SARIF 2.1.0 shape of what jixiao writes: every object holds only
/// properties the schema defines (it forbids others), levels from its enums.
fn assert_sarif_shape(doc: &Value) {
    assert_eq!(keys(doc), ["$schema", "runs", "version"]);
    assert_eq!(doc["version"], "2.1.0");
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(keys(run), ["columnKind", "invocations", "results", "tool"]);
    assert_eq!(keys(&run["tool"]), ["driver"]);
    assert_eq!(keys(&run["tool"]["driver"]), ["name", "rules", "version"]);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in rules {
        for k in keys(r) {
            assert!(
                [
                    "id",
                    "shortDescription",
                    "fullDescription",
                    "help",
                    "defaultConfiguration",
                    "properties"
                ]
                .contains(&k),
                "{k} in {r}"
            );
        }
        let conf = &r["defaultConfiguration"];
        assert_eq!(keys(conf), ["enabled", "level"], "{r}");
        assert!(conf["enabled"].is_boolean());
        assert!(["none", "note", "warning", "error"].contains(&conf["level"].as_str().unwrap()));
    }
    for res in run["results"].as_array().unwrap() {
        assert_eq!(
            keys(res),
            ["level", "locations", "message", "ruleId", "ruleIndex"]
        );
        let k = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[k]["id"], res["ruleId"]);
        for loc in res["locations"].as_array().unwrap() {
            for key in keys(loc) {
                assert!(
                    ["physicalLocation", "logicalLocations", "properties"].contains(&key),
                    "{key} in {loc}"
                );
            }
            let phys = &loc["physicalLocation"];
            for key in keys(phys) {
                assert!(["artifactLocation", "region"].contains(&key), "{key}");
            }
            assert_eq!(keys(&phys["artifactLocation"]), ["uri"]);
            if !phys["region"].is_null() {
                assert_eq!(keys(&phys["region"]), ["startLine"], "no column: {phys}");
                assert!(phys["region"]["startLine"].as_u64().unwrap() >= 1);
            }
            if let Some(logical) = loc["logicalLocations"].as_array() {
                for l in logical {
                    assert_eq!(keys(l), ["kind", "name"]);
                }
            }
        }
    }
}

#[test]
fn sarif_puts_table_coordinates_in_properties_not_in_text_columns() {
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--format", "sarif"]);
    let doc = json_of(&out);
    assert_sarif_shape(&doc);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    // `5000人次` in row 12's 绩效指标 cell (field 7), bytes 56–66.
    let hit = results
        .iter()
        .find(|r| {
            r["ruleId"] == "operator-missing"
                && r["message"]["text"].as_str().unwrap().contains("5000人次")
        })
        .unwrap();
    let loc = &hit["locations"][0];
    assert_eq!(
        loc["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 12 })
    );
    assert_eq!(
        loc["properties"],
        serde_json::json!({
            "row": 12,
            "column": 7,
            "columnName": "绩效指标",
            "span": { "start": 56, "end": 66 }
        })
    );
    assert!(loc["logicalLocations"].is_null());
}

#[test]
fn sarif_of_a_workbook_has_no_text_region_and_keeps_the_sheet() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fe-haizhu.xlsx");
    let out = jixiao(&["check", f.to_str().unwrap(), "--format", "sarif"]);
    let doc = json_of(&out);
    assert_sarif_shape(&doc);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0];
        assert!(loc["physicalLocation"]["region"].is_null(), "{loc}");
        // The workbook's other sheets (说明, 合并) are named in a notice
        // about the file: at no row, and in no sheet (not the one read).
        if r["ruleId"] == "sheet-not-target" {
            assert!(loc["properties"].is_null(), "{loc}");
            assert!(loc["logicalLocations"].is_null(), "{loc}");
            continue;
        }
        assert_eq!(
            loc["logicalLocations"],
            serde_json::json!([{ "name": "绩效目标表", "kind": "sheet" }])
        );
        assert_eq!(loc["properties"]["sheet"], "绩效目标表");
        assert!(loc["properties"]["row"].as_u64().unwrap() >= 1);
    }
    assert_eq!(
        results
            .iter()
            .filter(|r| r["ruleId"] == "sheet-not-target")
            .count(),
        1
    );
}

#[test]
fn sarif_rule_configuration_follows_the_profile() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.toml");
    std::fs::write(
        &profile,
        "[rules.missing-cost]\nseverity = \"error\"\n\
         [rules.operator-missing]\nenabled = false\n\
         [rules.whitespace-outside-item]\nenabled = false\n\
         [rules.no-projects]\nseverity = \"warning\"\n",
    )
    .unwrap();
    // The SARIF rules of the sample under the profile as it now stands.
    let sarif_rules = || -> Vec<Value> {
        let out = jixiao(&[
            "check",
            f.to_str().unwrap(),
            "--format",
            "sarif",
            "--profile",
            profile.to_str().unwrap(),
        ]);
        let doc = json_of(&out);
        assert_sarif_shape(&doc);
        doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .clone()
    };
    let rules = sarif_rules();
    let conf = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no rule {id}"))["defaultConfiguration"]
            .clone()
    };
    use serde_json::json;
    // Reader notice codes (whitespace-outside-item) are listed too, configured alike.
    for (id, enabled, level) in [
        ("missing-cost", true, "error"),
        ("operator-missing", false, "note"),
        ("missing-satisfaction", true, "warning"),
        ("whitespace-outside-item", false, "note"),
        ("no-projects", true, "warning"),
    ] {
        assert_eq!(
            conf(id),
            json!({ "enabled": enabled, "level": level }),
            "{id}"
        );
    }
    // Without notices, every notice code is off.
    std::fs::write(&profile, "notices = false\n").unwrap();
    let rules = sarif_rules();
    let notice = rules
        .iter()
        .find(|r| r["id"] == "whitespace-outside-item")
        .unwrap();
    assert_eq!(notice["defaultConfiguration"]["enabled"], false);
    // … but not the reader's findings that are catalogue rules.
    let rule = rules.iter().find(|r| r["id"] == "no-projects").unwrap();
    assert_eq!(rule["defaultConfiguration"]["enabled"], true);
    // A notice switched on by name stays on (ur15 A3).
    std::fs::write(
        &profile,
        "notices = false\n[rules.whitespace-outside-item]\nenabled = true\n",
    )
    .unwrap();
    let rules = sarif_rules();
    let notice = rules
        .iter()
        .find(|r| r["id"] == "whitespace-outside-item")
        .unwrap();
    assert_eq!(notice["defaultConfiguration"]["enabled"], true);
    let other = rules.iter().find(|r| r["id"] == "row-note").unwrap();
    assert_eq!(other["defaultConfiguration"]["enabled"], false);
}

#[test]
fn profiles_change_severities_and_bad_profiles_fail() {
    let f = fixture();
    let sichuan = profiles().join("sichuan.toml");
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--profile",
        sichuan.to_str().unwrap(),
    ]);
    let doc = json_of(&out);
    let cost: Vec<&Value> = with_rule(&doc, "missing-cost");
    assert_eq!(cost.len(), 8);
    assert!(cost.iter().all(|c| c["severity"] == "warning"));
    assert_eq!(count(&doc, "operator-missing"), 0);
    let national = profiles().join("national.toml");
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--profile",
        national.to_str().unwrap(),
    ]);
    assert_eq!(json_of(&out)["summary"]["warning"], 10);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[rules.no-such-rule]\nenabled = false\n").unwrap();
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--profile",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-rule"));
}

/// `jixiao check FIXTURE --profile P --lang LANG` with `text` as P exits 2
/// (an unusable profile); its stderr, in that language only.
fn profile_refused(text: &str, lang: &str) -> String {
    let err = profile_unreadable(text.as_bytes(), lang);
    if lang == "en" {
        assert!(err.starts_with("error: invalid profile "), "{err}");
        assert!(!has_cjk_outside_quotes(&err), "{err}");
    } else {
        assert!(
            err.starts_with("错误：配置 ") && err.contains("p.toml 有误："),
            "{err}"
        );
        assert!(!err.contains("(line ") && !err.contains("(error)"), "{err}");
    }
    err
}

/// `jixiao check FIXTURE --profile P --lang LANG` with `bytes` as P: exit
/// code 2 and its stderr.
fn profile_unreadable(bytes: &[u8], lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, bytes).unwrap();
    let f = fixture();
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--profile",
        path.to_str().unwrap(),
        "--lang",
        lang,
    ]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "{err}");
    err
}

/// A profile not in UTF-8 names the line and column of the first byte that
/// is not and says to save it as UTF-8; a binary file is said to be one.
#[test]
fn a_profile_not_in_utf8_names_where_and_says_to_save_it_as_utf8() {
    // `# 四川省配置` in GBK on line 2, after a line in ASCII.
    let mut gbk = b"name = \"sichuan\"\n# ".to_vec();
    gbk.extend_from_slice(&[0xCB, 0xC4, 0xB4, 0xA8, 0xCA, 0xA1]);
    gbk.extend_from_slice(b"\n[thresholds]\nsatisfaction_min = 90\n");
    let e = profile_unreadable(&gbk, "zh");
    assert!(
        e.contains("p.toml：第2行第3列起不是 UTF-8 编码（可能是 GBK），请将文件另存为 UTF-8 编码（如记事本“另存为”时编码选 UTF-8）"),
        "{e}"
    );
    assert!(!e.contains("内容无法读取"), "{e}");
    let e = profile_unreadable(&gbk, "en");
    assert!(
        e.contains(
            "p.toml: line 2, column 3: not UTF-8 from here (GBK, perhaps): save the file as UTF-8"
        ),
        "{e}"
    );
    assert!(!e.contains("stream did not contain"), "{e}");
    let e = profile_unreadable(&[0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x9C], "zh");
    assert!(e.contains("p.toml：不是文本文件"), "{e}");
    let e = profile_unreadable(&[0xFF, 0xFE, b'[', 0x00], "en");
    assert!(
        e.contains("p.toml: the file is in UTF-16: save the file as UTF-8"),
        "{e}"
    );
    // A byte-order mark before what is no UTF-16 text: binary.
    let e = profile_unreadable(&[0xFF, 0xFE, 0x00, 0x00, 0x00, 0xD8], "en");
    assert!(e.contains("p.toml: not a text file"), "{e}");
    // UTF-16 without a byte-order mark, Chinese or ASCII alone (which is
    // valid UTF-8 with NULs), little- or big-endian (ur16 M4).
    for text in ["# 四川\nname = \"x\"\n", "name = \"x\"\n"] {
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            let e = profile_unreadable(&bytes, "en");
            assert!(e.contains("the file is in UTF-16"), "{text:?}: {e}");
        }
    }
}

/// Whether `text` has a CJK character outside 「」, “” and `` quotes (what
/// it quotes from a table or a profile may be Chinese).
fn has_cjk_outside_quotes(text: &str) -> bool {
    let mut depth = 0i32;
    let mut backtick = false;
    for c in text.chars() {
        match c {
            '「' | '“' => depth += 1,
            '」' | '”' => depth -= 1,
            '`' => backtick = !backtick,
            c if depth <= 0 && !backtick && ('\u{3000}'..='\u{9fff}').contains(&c) => return true,
            _ => {}
        }
    }
    false
}

/// Each mistake of a profile the TOML parser or serde catches is said with
/// its line and column, in the language asked for (`--lang`), with what to
/// write instead.
#[test]
fn profile_mistakes_are_located_and_explained_in_the_language_asked_for() {
    // An unknown key of [thresholds]: the nearest key and the valid ones.
    let text = "[thresholds]\nsatisfaction_mim = 85\n";
    let e = profile_refused(text, "zh");
    assert!(
        e.contains("p.toml 有误：第2行第1列: [thresholds] 中没有「satisfaction_mim」这一项，是否应为「satisfaction_min」？可用的键：too_few_indicators_count, "),
        "{e}"
    );
    assert!(!e.contains("unknown field"), "{e}");
    let e = profile_refused(text, "en");
    assert!(
        e.contains("p.toml: line 2, column 1: unknown key `satisfaction_mim` in [thresholds]; did you mean `satisfaction_min`? valid keys: too_few_indicators_count, "),
        "{e}"
    );
    // An unknown top-level key, and an unknown table.
    let text = "name = \"x\"\nnotice = false\n";
    let e = profile_refused(text, "zh");
    assert!(
        e.contains("第2行第1列: 配置顶层没有「notice」这一项，是否应为「notices」？可用的键：name, rules, thresholds, notices"),
        "{e}"
    );
    let e = profile_refused(text, "en");
    assert!(
        e.contains("line 2, column 1: unknown key `notice` at the top level; did you mean `notices`? valid keys: name, rules, thresholds, notices"),
        "{e}"
    );
    let e = profile_refused("[threshold]\nsatisfaction_min = 90\n", "en");
    assert!(
        e.contains("line 1, column 2: ") && e.contains("did you mean `thresholds`?"),
        "{e}"
    );
    // TOML syntax: a missing quote, `= =`.
    let text = "name = \"sichuan\n";
    let e = profile_refused(text, "zh");
    assert!(
        e.contains("第1行第16列 name: 字符串缺少结尾的引号，请补上引号\n"),
        "{e}"
    );
    let e = profile_refused(text, "en");
    assert!(
        e.contains("line 1, column 16, name: TOML syntax error: invalid basic string, expected `\"`; add the closing quote\n"),
        "{e}"
    );
    let e = profile_refused("[thresholds]\nsatisfaction_min = = 85\n", "zh");
    assert!(
        e.contains("第2行第20列 satisfaction_min: 多了一个 =，请删去多余的 ="),
        "{e}"
    );
    // A wrong type where serde's own message was English only.
    let text = "notices = \"yes\"\n";
    let e = profile_refused(text, "zh");
    assert!(
        e.contains("第1行第11列 notices: 应为 true 或 false，不能是字符串 \"yes\"\n"),
        "{e}"
    );
    let e = profile_refused(text, "en");
    assert!(
        e.contains("line 1, column 11, notices: expected true or false, not the string \"yes\"\n"),
        "{e}"
    );
    let text = "[rules.missing-cost]\nseverity = \"warn\"\n";
    let e = profile_refused(text, "zh");
    assert!(
        e.contains("rules.missing-cost.severity")
            && e.contains("未知级别「warn」，是否应为「warning」？"),
        "{e}"
    );
    let e = profile_refused(text, "en");
    assert!(
        e.contains("unknown severity `warn`; did you mean `warning`?"),
        "{e}"
    );
    // A key or a table written twice.
    let text = "name = \"a\"\nname = \"b\"\n";
    let e = profile_refused(text, "zh");
    assert!(
        e.contains("第2行第1列 name: 重复的键「name」，第1行已有"),
        "{e}"
    );
    let e = profile_refused(text, "en");
    assert!(
        e.contains("line 2, column 1, name: duplicate key `name`, already on line 1"),
        "{e}"
    );
    let e = profile_refused(
        "[thresholds]\npercent_min = 1\n[thresholds]\npercent_max = 90\n",
        "zh",
    );
    assert!(e.contains("重复的键「thresholds」，第1行已有"), "{e}");
    // Several problems: one per line, under a line naming the file.
    let text = "[thresholds]\npercent_min = -5\npercent_max = 1000\n";
    let e = profile_refused(text, "zh");
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(lines[0].ends_with("p.toml 有误："), "{e}");
    assert_eq!(
        lines[1],
        "  第2行第1列: percent_min 应在 0–100% 之间，不能是 -5"
    );
    assert_eq!(
        lines[2],
        "  第3行第1列: percent_max 应在 0–100% 之间，不能是 1000"
    );
    let e = profile_refused(text, "en");
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(lines[0].ends_with("p.toml:"), "{e}");
    assert_eq!(
        lines[1],
        "  line 2, column 1: percent_min must lie in 0–100%, not -5"
    );
    assert_eq!(
        lines[2],
        "  line 3, column 1: percent_max must lie in 0–100%, not 1000"
    );
}

#[test]
fn a_profile_switches_off_or_relevels_a_reader_notice() {
    // Blank before row 12's first indicator item: a `whitespace-outside-item` notice.
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut cells: Vec<String> = lines[11].split('\t').map(str::to_string).collect();
    cells[6] = format!("  {}", cells[6]);
    lines[11] = cells.join("\t");
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("blank.txt");
    std::fs::write(&table, lines.join("\n")).unwrap();
    let run = |profile: Option<&str>| {
        let mut args = vec!["check", table.to_str().unwrap(), "--format", "json"];
        let path = dir.path().join("p.toml");
        if let Some(p) = profile {
            std::fs::write(&path, p).unwrap();
            args.extend(["--profile", path.to_str().unwrap()]);
        }
        let out = jixiao(&args);
        assert_ne!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json_of(&out)
    };
    let code = "whitespace-outside-item";
    let plain = run(None);
    assert_eq!(count(&plain, code), 1);
    assert_eq!(with_rule(&plain, code)[0]["severity"], "info");
    let off = run(Some("[rules.whitespace-outside-item]\nenabled = false\n"));
    assert_eq!(count(&off, code), 0);
    let warn = run(Some(
        "[rules.whitespace-outside-item]\nseverity = \"warning\"\n",
    ));
    assert_eq!(with_rule(&warn, code)[0]["severity"], "warning");
    assert_eq!(warn["summary"]["warning"], 11);
}

/// ("severity rule", project index, indicator) of every finding, sorted.
fn key_findings(doc: &Value, file_suffix: &str) -> Vec<(String, i64, i64)> {
    let mut v: Vec<(String, i64, i64)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["location"]["file"]
                .as_str()
                .unwrap()
                .ends_with(file_suffix)
        })
        .map(|f| {
            (
                format!(
                    "{} {}",
                    f["severity"].as_str().unwrap(),
                    f["rule"].as_str().unwrap()
                ),
                f["location"]["project"]["index"].as_i64().unwrap_or(-1),
                f["location"]["indicator"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_format_of_the_sample_gets_the_same_findings() {
    // Infos too: padding, encodings and containers are the reader's business,
    // not findings about the table.
    let dir = fixture().parent().unwrap().to_path_buf();
    let mut variants: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            name.starts_with("fe-haizhu")
                && ["txt", "csv", "tsv", "html", "htm", "xls", "xlsx", "ods"]
                    .contains(&ext.as_str())
        })
        .collect();
    variants.sort();
    if variants.is_empty() {
        return; // the reader fixtures are not there
    }
    let f = fixture();
    let mut args: Vec<&str> = vec!["check", "--format", "json", f.to_str().unwrap()];
    let names: Vec<String> = variants
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    args.extend(names.iter().map(String::as_str));
    let doc = json_of(&jixiao(&args));
    let base = key_findings(&doc, "haizhu-youth-league-2024-project-targets.txt");
    let warnings = base.iter().filter(|f| f.0.starts_with("warning")).count();
    assert_eq!(warnings, 10);
    for n in &names {
        let file = Path::new(n)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        // A workbook's other sheets (说明, 合并: no target table) are named
        // once, in a notice about the container, not about the table.
        let mut found = key_findings(&doc, &file);
        let before = found.len();
        found.retain(|f| f.0 != "info sheet-not-target");
        let workbook = [".xlsx", ".xls", ".ods"]
            .iter()
            .any(|e| file.ends_with(e) && !file.ends_with("-html.xls"));
        assert_eq!(before - found.len(), usize::from(workbook), "{file}");
        assert_eq!(found, base, "{file}");
    }
}

/// What `jixiao convert` writes of the sample, in every format and layout,
/// reads back to the sample's findings. A row layout (one row per indicator:
/// `--layout rows`, the long CSV) has no 绩效指标 cell, so the cell's item
/// numbers and separators are gone with it: no `numbering-gap`, no
/// `separator-nonstandard`, and findings name no item number (`indicator`).
/// The long CSV reads like the row layouts: its 指标值 column holds the bare
/// number, but the value as written (原始指标值, with the text before the
/// number) is read where it agrees, so `value-prefixed` stays; its 序号
/// column gives the item numbers back (`numbering-gap` stays, findings name
/// their item) and its 部门 the department; its other derived columns (值前缀,
/// 定性描述, 行, 列) are columns a table does not have, each a
/// `column-unknown` notice.
#[test]
fn every_converted_format_of_the_sample_gets_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let f = fixture();
    // `-o x.csv` is the long CSV (docs/csv.md).
    let outputs: [(&str, &[&str]); 8] = [
        ("s.tsv", &[]),
        ("s.xlsx", &[]),
        ("s.html", &[]),
        ("s.json", &[]),
        ("rows.xlsx", &["--layout", "rows"]),
        ("rows.html", &["--layout", "rows"]),
        ("long.csv", &[]),
        ("long-to", &["--to", "csv"]),
    ];
    let mut args: Vec<String> = ["check", "--format", "json", f.to_str().unwrap()]
        .map(String::from)
        .to_vec();
    for (name, extra) in outputs {
        let path = dir.path().join(name);
        let mut convert = vec!["convert", f.to_str().unwrap(), "-o", path.to_str().unwrap()];
        convert.extend_from_slice(extra);
        let out = jixiao(&convert);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        args.push(path.to_string_lossy().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = jixiao(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "no errors in any of them: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json_of(&out);
    let base = key_findings(&doc, "haizhu-youth-league-2024-project-targets.txt");
    assert_eq!(base.iter().filter(|f| f.0.starts_with("error")).count(), 0);
    // The base's findings but `gone`, without item numbers, and `extra`.
    let rows_of = |gone: &[&str], extra: usize| -> Vec<(String, i64, i64)> {
        let mut v: Vec<(String, i64, i64)> = base
            .iter()
            .filter(|k| !gone.iter().any(|r| k.0.ends_with(&format!(" {r}"))))
            .map(|(rule, project, _)| (rule.clone(), *project, -1))
            .collect();
        v.extend(std::iter::repeat_n(
            ("info column-unknown".to_string(), -1, -1),
            extra,
        ));
        v.sort();
        v
    };
    let rows = rows_of(&["numbering-gap", "separator-nonstandard"], 0);
    assert_eq!(base.len() - rows.len(), 2, "{base:?}");
    // The long CSV keeps the item numbers (序号): `numbering-gap` is found
    // there, and findings name their item as in the source.
    let mut long: Vec<(String, i64, i64)> = base
        .iter()
        .filter(|k| !k.0.ends_with(" separator-nonstandard"))
        .cloned()
        .chain(std::iter::repeat_n(
            ("info column-unknown".to_string(), -1, -1),
            4,
        ))
        .collect();
    long.sort();
    assert_eq!(long.len() - 4, rows.len() + 1, "{base:?}");
    for (name, _) in outputs {
        let want = match name {
            "long.csv" | "long-to" => &long,
            "rows.xlsx" | "rows.html" => &rows,
            _ => &base,
        };
        let suffix = format!("{}{name}", std::path::MAIN_SEPARATOR);
        assert_eq!(&key_findings(&doc, &suffix), want, "{name}");
    }
    // In the row layouts a unit finding points at the 度量单位 cell that gave
    // the unit (the 指标值 beside it is a bare number), not at the value.
    for name in ["rows.xlsx", "rows.html"] {
        let suffix = format!("{}{name}", std::path::MAIN_SEPARATOR);
        let units: Vec<&Value> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["location"]["file"].as_str().unwrap().ends_with(&suffix))
            .filter(|f| f["rule"] == "unit-name-mismatch" || f["rule"] == "unit-inconsistent")
            .collect();
        assert_eq!(units.len(), 2, "{name}: {units:?}");
        for u in units {
            // The row layout's columns: … 指标值 (12), 度量单位 (13).
            assert_eq!(u["location"]["column"], 13, "{name}: {u}");
            assert!(u["location"]["span"].is_null(), "{name}: {u}");
        }
    }
}

/// A Hubei 黄石-style 批复表 (two-row header `指标值 / 2021年实际实现值 | 预期2022年实现值`)
/// whose 培训人次 target (≥300人次, row 5) falls below the 2021 actual (350人次).
fn hubei_prior_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hubei-prior-actual.tsv")
}

#[test]
fn target_below_prior_actual_is_reported_at_the_target_cell() {
    let f = hubei_prior_fixture();
    // A warning: the default --deny error keeps the exit code 0.
    let doc = check_clean(f.as_path());
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0);
    let hits: Vec<&Value> = with_rule(&doc, "target-too-low");
    // Only 培训人次: 90% → ≥92% and 90% → ≥90% are fine, 52万元 → ≤50万元 is lower
    // and better, 0.02万人 vs 人 is not compared.
    assert_eq!(hits.len(), 1, "{}", doc["findings"]);
    let h = hits[0];
    assert_eq!(h["severity"], "warning");
    assert_eq!(h["location"]["row"], 5);
    assert_eq!(h["location"]["column"], 8); // 预期2022年实现值
    assert_eq!(h["location"]["project"]["name"], "职业技能培训");
    assert_eq!(
        h["message"],
        "「职业技能培训」的「培训人次」：目标值「≥300人次」低于2021年实际值「350人次」"
    );
    assert!(!h["help"].as_str().unwrap().is_empty());
    assert_eq!(doc["summary"]["warning"], 1);

    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
        "--deny",
        "warning",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    let msg = with_rule(&doc, "target-too-low")[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        msg,
        "\"职业技能培训\" indicator \"培训人次\": target \"≥300人次\" is below the 2021 actual \"350人次\""
    );
}

#[test]
fn human_output_shows_the_cell_of_a_row_layout() {
    let f = hubei_prior_fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--no-progress"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // The finding, its place, and the target cell itself under its header, underlined.
    assert!(
        text.contains("warning[target-too-low]: 「职业技能培训」的「培训人次」：目标值「≥300人次」低于2021年实际值「350人次」"),
        "{text}"
    );
    assert!(
        text.contains(&format!(" --> {}:5:8", f.display())),
        "{text}"
    );
    assert!(text.contains("第5行 预期2022年实现值"), "{text}");
    assert!(text.contains("≥300人次"), "{text}");
    assert!(text.contains("────"), "the cell is underlined: {text}");
}

#[test]
fn project_findings_of_a_row_layout_point_at_the_project_name() {
    // The Hubei table without its 满意度 row: `missing-satisfaction` concerns the
    // project, and a row layout has no 绩效指标 cell to point at.
    let text = std::fs::read_to_string(hubei_prior_fixture()).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("满意度")).collect();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("no-satisfaction.tsv");
    std::fs::write(&f, kept.join("\n") + "\n").unwrap();
    let out = jixiao(&["check", f.to_str().unwrap(), "--format", "json"]);
    let doc = json_of(&out);
    let hits = with_rule(&doc, "missing-satisfaction");
    let hit = hits
        .first()
        .unwrap_or_else(|| panic!("{}", doc["findings"]));
    assert_eq!(hit["location"]["row"], 5);
    assert_eq!(hit["location"]["column"], 1, "项目名称: {hit}");
}

#[test]
fn several_files_report_what_each_alone_reports() {
    // With several inputs the messages are rendered file by file and the
    // tables dropped: the findings must read exactly as for one input.
    let (a, b) = (fixture(), hubei_prior_fixture());
    let alone = |f: &Path, lang: &str| -> Vec<Value> {
        let out = jixiao(&[
            "check",
            f.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            lang,
        ]);
        json_of(&out)["findings"].as_array().unwrap().clone()
    };
    for lang in ["zh", "en"] {
        let both = jixiao(&[
            "check",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            lang,
        ]);
        let doc = json_of(&both);
        let all = doc["findings"].as_array().unwrap();
        for f in [&a, &b] {
            let path = f.to_str().unwrap();
            let mine: Vec<Value> = all
                .iter()
                .filter(|x| x["location"]["file"] == path)
                .cloned()
                .collect();
            assert_eq!(mine, alone(f, lang), "{path} ({lang})");
        }
    }
    // The terminal output shows the same messages and project names.
    let out = jixiao(&[
        "check",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--no-progress",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("warning[missing-satisfaction]: 项目「驻镇帮镇扶村项目资金」缺少满意度指标"),
        "{text}"
    );
    assert!(
        text.contains("warning[target-too-low]: 「职业技能培训」的「培训人次」"),
        "{text}"
    );
}

#[test]
fn a_table_without_a_total_column_states_no_totals() {
    // The 总计 header made unrecognisable: the column is not read, and no row's
    // total is stated. A blank is then not 0 against 财政拨款 (no
    // `sum-mismatch.row`), the reader says so once, and the money rules go by
    // the funding sources (10.00 万元, not 0).
    let (_dir, _, out) = check_edited("）\t总计\t财政拨款", "）\t备注\t财政拨款", "nototal.txt");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json_of(&out);
    assert_eq!(count(&doc, "sum-mismatch.row"), 0);
    assert_eq!(doc["summary"]["error"], 0);
    let missing = with_rule(&doc, "total-column-missing");
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0]["location"]["row"], 9);
    assert_eq!(missing[0]["location"]["column"], 3);
    let few: Vec<&str> = with_rule(&doc, "too-few-indicators")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(few.iter().any(|m| m.contains("（10.00万元）")), "{few:?}");
    assert!(!few.iter().any(|m| m.contains("（0万元）")), "{few:?}");
    assert_eq!(count(&doc, "unit-cost"), 7);
}

/// The sample with its 财政拨款 cell blanked on every row, except on the rows
/// starting with one of `keep`, written to `name` in a temporary directory,
/// and `check --format json` on it.
fn check_without_sources(keep: &[&str], name: &str) -> (tempfile::TempDir, Output) {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let mut cells: Vec<&str> = line.split('\t').collect();
            let data = cells.len() == 7 && cells[1] != "总计";
            if data && !keep.iter().any(|k| line.starts_with(k)) {
                cells[2] = "";
            }
            cells.join("\t")
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    (dir, out)
}

#[test]
fn a_table_whose_source_columns_are_all_blank_states_no_sources() {
    // 财政拨款, 财政专户拨款 and 其他资金 blank on every row (a table of totals
    // written with blank source columns): the sources are not stated, not 0
    // against each total. No sum-mismatch.row (there were 11), and the reader
    // says so once, at the header's first source column.
    let (_dir, out) = check_without_sources(&[], "nosources.txt");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json_of(&out);
    assert_eq!(count(&doc, "sum-mismatch.row"), 0);
    let blank = with_rule(&doc, "source-columns-blank");
    assert_eq!(blank.len(), 1, "{blank:?}");
    assert_eq!(blank[0]["location"]["row"], 9);
    assert_eq!(blank[0]["location"]["column"], 3);
    assert!(
        blank[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("「财政拨款」")),
        "{blank:?}"
    );
    // The 合计 and unit rows are still checked against their projects.
    assert_eq!(count(&doc, "sum-mismatch.unit"), 0);
    assert_eq!(count(&doc, "sum-mismatch.total"), 0);
    // In English too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.txt");
    std::fs::copy(_dir.path().join("nosources.txt"), &path).unwrap();
    let en = jixiao(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let doc = json_of(&en);
    let blank = with_rule(&doc, "source-columns-blank");
    assert!(
        blank[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("blank on every row")),
        "{blank:?}"
    );
    // One source stated (P1's 158.00) and the rest blank: blank is 0 again,
    // and each other project and the unit rows differ from their sources.
    let (_dir, out) = check_without_sources(&["“青年地带”青少年服务经费"], "onesource.txt");
    let doc = json_of(&out);
    assert_eq!(count(&doc, "source-columns-blank"), 0);
    assert_eq!(count(&doc, "sum-mismatch.row"), 10);
}

#[test]
fn misspelt_level_in_the_cell_is_an_error_at_its_item() {
    // P1's item 2 written `2-其他指标：` (no such 一级): its own item with
    // `level-unknown` at row 12, column 7, not text glued onto item 1's value
    // (which keeps its own findings).
    let (_dir, _, out) = check_edited(
        "2-产出指标：家庭探访个数",
        "2-其他指标：家庭探访个数",
        "level.txt",
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    let unknown = with_rule(&doc, "level-unknown");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0]["severity"].as_str(), Some("error"));
    // A 二级 name there (`2-质量指标：`) is a warning naming its 一级, at
    // the same place; no error is left, so the exit code is 0.
    let (_dir2, _, second) = check_edited(
        "2-产出指标：家庭探访个数",
        "2-质量指标：家庭探访个数",
        "level2.txt",
    );
    assert_eq!(second.status.code(), Some(0));
    let second = json_of(&second);
    let warned = with_rule(&second, "level-unknown");
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(warned[0]["severity"].as_str(), Some("warning"));
    assert!(
        warned[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("一级指标应为「产出指标」")),
        "{warned:?}"
    );
    for key in ["row", "column", "span", "indicator"] {
        assert_eq!(
            warned[0]["location"][key], unknown[0]["location"][key],
            "{key}"
        );
    }
    let loc = &unknown[0]["location"];
    assert_eq!(
        (loc["row"].as_u64(), loc["column"].as_u64()),
        (Some(12), Some(7))
    );
    assert_eq!(loc["indicator"].as_u64(), Some(2));
    let clean = check_clean(&fixture());
    assert_eq!(
        count(&doc, "operator-missing"),
        count(&clean, "operator-missing")
    );
}

#[test]
fn unparseable_amount_is_an_error_at_its_cell_and_the_review_goes_on() {
    // P1's 总计 written `1,58.00x` (row 12, column 2): `check` reports it at its
    // cell and still reviews everything else; `show` refuses the file.
    let (_dir, path, out) =
        check_edited("\t158.00\t158.00\t", "\t1,58.00x\t158.00\t", "amount.txt");
    let file = path.to_str().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    let bad_cells = with_rule(&doc, "amount-unparseable");
    assert_eq!(bad_cells.len(), 1, "{bad_cells:?}");
    // Not repeated as a sum over the blank it was read as: not on its row,
    // nor on the unit and 合计 rows above it.
    for rule in [
        "sum-mismatch.row",
        "sum-mismatch.unit",
        "sum-mismatch.total",
    ] {
        assert_eq!(count(&doc, rule), 0, "{rule}");
    }
    assert_eq!(bad_cells[0]["severity"], "error");
    let loc = &bad_cells[0]["location"];
    assert_eq!(
        (loc["row"].as_u64(), loc["column"].as_u64()),
        (Some(12), Some(2))
    );
    let clean = check_clean(&fixture());
    // (Not unit-cost: P1 has no total to divide now.)
    for rule in [
        "operator-missing",
        "missing-satisfaction",
        "benefit-is-output",
    ] {
        assert_eq!(count(&doc, rule), count(&clean, rule), "{rule}");
    }
    let show = jixiao(&["show", file, "--summary"]);
    assert_eq!(show.status.code(), Some(2));
    let err = String::from_utf8_lossy(&show.stderr);
    assert!(
        err.starts_with("错误：") && err.contains("第12行 第2列"),
        "{err}"
    );
    let show = jixiao(&["show", file, "--summary", "--lang", "en"]);
    assert_eq!(show.status.code(), Some(2));
    let err = String::from_utf8_lossy(&show.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("row 12, column 2"),
        "{err}"
    );
}

#[test]
fn an_unreadable_funding_cell_costs_only_its_own_column_s_sums() {
    // P1's 财政拨款 written `158.0O`: one error at the cell; the unit's other
    // columns are still summed (a slip in 总计 there is still found).
    let (_dir, _path, out) = check_edited("\t158.00\t158.00\t", "\t158.00\t158.0O\t", "fiscal.txt");
    let doc = json_of(&out);
    assert_eq!(count(&doc, "amount-unparseable"), 1);
    for rule in [
        "sum-mismatch.row",
        "sum-mismatch.unit",
        "sum-mismatch.total",
    ] {
        assert_eq!(count(&doc, rule), 0, "{rule}");
    }
    let (_dir, _path, out) = check_edited(
        "\t522.50\t522.50\t",
        "\t522.60\t522.5O\t",
        "fiscal-and-total.txt",
    );
    let doc = json_of(&out);
    let unit = with_rule(&doc, "sum-mismatch.unit");
    assert_eq!(unit.len(), 1, "{unit:?}");
    assert_eq!(unit[0]["location"]["column"].as_u64(), Some(2));
}

/// The sample as a 元 table: `单位：元` and every amount ×10 000 with
/// thousands separators (`158.00` → `1,580,000.00`).
fn sample_in_yuan() -> String {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let yuan = |cell: &str| -> Option<String> {
        let (int, frac) = cell.split_once('.')?;
        let cents: u64 = format!("{int}{frac:0<2}").parse().ok()?;
        let digits = (cents * 10_000 / 100).to_string();
        let mut grouped = String::new();
        for (k, ch) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        Some(format!("{grouped}.00"))
    };
    let mut out = String::new();
    for line in text.replace("单位：万元", "单位：元").lines() {
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        for cell in cells.iter_mut().skip(1).take(4) {
            if let Some(y) = yuan(cell) {
                *cell = y;
            }
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

#[test]
fn a_yuan_table_s_sums_are_told_in_yuan() {
    // P1's 总计 100 元 too high: the messages quote the amounts as the table
    // printed them (元), not the 万元 the model holds (`158.010000`), and
    // point at the whole cell (the model keeps no text such as `1,580,100.00`
    // to mark a span in).
    let dir = tempfile::tempdir().unwrap();
    let text = sample_in_yuan().replacen("\t1,580,000.00\t", "\t1,580,100.00\t", 1);
    let path = dir.path().join("yuan.txt");
    std::fs::write(&path, text).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    let doc = json_of(&out);
    let row = with_rule(&doc, "sum-mismatch.row");
    assert_eq!(row.len(), 1, "{row:?}");
    assert_eq!(
        row[0]["message"],
        "总计 1580100.00 ≠ 财政拨款 + 财政专户拨款 + 其他资金之和 1580000.00（相差 100.00）"
    );
    assert!(row[0]["location"]["span"].is_null(), "{row:?}");
    let unit = with_rule(&doc, "sum-mismatch.unit");
    assert_eq!(unit.len(), 1, "{unit:?}");
    assert!(
        unit[0]["message"]
            .as_str()
            .unwrap()
            .contains("（相差 100.00）"),
        "{unit:?}"
    );
    // Messages in 万元 print 万元 without the conversion's trailing zeros.
    let few = with_rule(&doc, "too-few-indicators");
    assert!(!few.is_empty());
    for f in few {
        let m = f["message"].as_str().unwrap();
        assert!(m.contains(".00万元）") && !m.contains("0000万元"), "{m}");
    }
}

#[test]
fn a_project_without_a_name_is_named_by_its_row() {
    let (_dir, _path, out) = check_edited("驻镇帮镇扶村项目资金\t", "\t", "noname.txt");
    let doc = json_of(&out);
    let on_13: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["location"]["row"] == 13 && f["rule"] != "project-name-missing")
        .collect();
    assert!(!on_13.is_empty());
    for f in on_13 {
        let m = f["message"].as_str().unwrap();
        assert!(!m.contains("「」"), "{m}");
        assert!(m.contains("第13行，未填名称"), "{m}");
    }
}

#[test]
fn a_table_without_projects_fails_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap();
    let header: String = text.lines().take(9).map(|l| format!("{l}\n")).collect();
    let path = dir.path().join("header.txt");
    std::fs::write(&path, header).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_of(&out);
    let empty = with_rule(&doc, "no-projects");
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0]["severity"], "error");
}

#[test]
fn row_layout_level_and_empty_value_point_at_their_own_cells() {
    let dir = tempfile::tempdir().unwrap();
    let text = "项目支出绩效目标表\n单位：万元\n项目名称\t项目金额\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标值\n\
职业技能培训\t50.00\t培训劳动者300人次。\t产出指标\t数量指标\t培训人次\t≥300人次\n\
\t\t\t质量指标\t质量指标\t培训合格率\t≥92%\n\
\t\t\t满意度指标\t服务对象满意度\t学员满意度\t\n";
    let path = dir.path().join("rows.tsv");
    std::fs::write(&path, text).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    let doc = json_of(&out);
    let level = with_rule(&doc, "level-unknown");
    assert_eq!(level.len(), 1, "{doc}");
    let loc = &level[0]["location"];
    // Row 5, the 一级指标 column (4), not the value's.
    assert_eq!(
        (loc["row"].as_u64(), loc["column"].as_u64()),
        (Some(5), Some(4))
    );
    let empty = with_rule(&doc, "placeholder-value");
    assert_eq!(empty.len(), 1, "{doc}");
    assert!(
        empty[0]["message"].as_str().unwrap().contains("指标值为空"),
        "{}",
        empty[0]["message"]
    );
}

#[test]
fn english_output_names_rows_in_english() {
    let f = fixture();
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--lang",
        "en",
        "--min-severity",
        "warning",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("row 13 绩效指标"), "{text}");
    assert!(!text.contains("第13行"), "{text}");
    assert!(
        text.contains("checked 1 file: 0 errors, 10 warnings"),
        "{text}"
    );
}

/// Whether `s` holds a CJK character (Han, CJK punctuation or full-width forms).
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32,
            0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
    })
}

/// The sample with blank before row 12's first indicator item
/// (`whitespace-outside-item`) and a note line after the table (`row-note`),
/// in a temporary directory.
fn sample_with_notices() -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut cells: Vec<String> = lines[11].split('\t').map(str::to_string).collect();
    cells[6] = format!("  {}", cells[6]);
    lines[11] = cells.join("\t");
    lines.push("注：本表由团区委填报".to_string());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notices.txt");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (dir, path)
}

/// The reader's notices are findings in the language of `--lang` alone:
/// no English tail in Chinese, no Chinese (beyond the table's own text) in English.
#[test]
fn reader_notices_speak_one_language() {
    let (_dir, f) = sample_with_notices();
    let path = f.to_str().unwrap();
    let json = |lang: &str| {
        json_of(&jixiao(&[
            "check", path, "--format", "json", "--lang", lang,
        ]))
    };
    let (zh, en) = (json("zh"), json("en"));
    let ws = "whitespace-outside-item";
    assert_eq!(
        with_rule(&zh, ws)[0]["message"],
        "第12行第7列（第1–2个字）：指标条目之外有空白"
    );
    assert_eq!(
        with_rule(&en, ws)[0]["message"],
        "row 12, column 7 (characters 1–2): whitespace outside any indicator item"
    );
    let note = with_rule(&zh, "row-note");
    assert_eq!(note.len(), 1, "{}", zh["findings"]);
    let note_zh = note[0]["message"].as_str().unwrap();
    assert!(
        note_zh.contains("「注：本表由团区委填报」是表外说明或签字栏，未读入"),
        "{note_zh}"
    );
    let note_en = with_rule(&en, "row-note")[0]["message"].as_str().unwrap();
    assert!(
        note_en.starts_with("row ")
            && note_en.ends_with(
                "“注：本表由团区委填报” is a note or signature line outside the table; not read"
            ),
        "{note_en}"
    );
    // Every notice: Chinese without an English parenthesis, English without
    // Chinese once the quoted table text is taken out.
    let notice = |f: &&Value| {
        jixiao_core::review::profile::notice_code(f["rule"].as_str().unwrap()).is_some()
    };
    let of_notices = |doc: &Value| -> Vec<String> {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(notice)
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    let (zh_msgs, en_msgs) = (of_notices(&zh), of_notices(&en));
    assert!(zh_msgs.len() >= 2 && zh_msgs.len() == en_msgs.len());
    for m in &zh_msgs {
        assert!(!m.contains(" ("), "an English tail in Chinese: {m}");
        assert!(
            m.chars().filter(char::is_ascii_lowercase).count() == 0,
            "{m}"
        );
    }
    for m in &en_msgs {
        let unquoted: String = m
            .split('“')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('”').map_or(part, |(_, rest)| rest)
                }
            })
            .collect();
        assert!(!has_cjk(&unquoted), "Chinese in English: {m}");
    }

    // SARIF and the terminal carry the same texts.
    let sarif = json_of(&jixiao(&[
        "check", path, "--format", "sarif", "--lang", "en",
    ]));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let r = results.iter().find(|r| r["ruleId"] == ws).unwrap();
    assert_eq!(
        r["message"]["text"],
        "row 12, column 7 (characters 1–2): whitespace outside any indicator item"
    );
    let human = |lang: &str| {
        let out = jixiao(&["check", path, "--no-progress", "--lang", lang]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = human("zh");
    assert!(
        text.contains(
            "info[whitespace-outside-item]: 第12行第7列（第1–2个字）：指标条目之外有空白\n"
        ),
        "{text}"
    );
    let text = human("en");
    assert!(
        text.contains(
            "info[whitespace-outside-item]: row 12, column 7 (characters 1–2): whitespace outside any indicator item\n"
        ),
        "{text}"
    );
}

#[test]
fn nothing_to_review_is_an_error_not_a_clean_run() {
    // An empty directory, or one holding nothing jixiao reviews: exit 2 with a
    // message, not `审核 0 个文件` and exit 0 (CI would pass on a typo).
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("e");
    std::fs::create_dir_all(&empty).unwrap();
    for format in ["human", "json", "sarif"] {
        let out = jixiao(&["check", empty.to_str().unwrap(), "--format", format]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("没有找到可审核的文件"), "{err}");
        assert!(!err.contains("no file to review"), "{err}");
        // The terminal has the message on standard error only; a tool
        // reading --format json or sarif still gets its document.
        assert_eq!(out.stdout.is_empty(), format == "human", "{format}");
    }
    let out = jixiao(&["check", empty.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: no file to review found in"), "{err}");
    let pdfs = dir.path().join("pdfs");
    std::fs::create_dir_all(&pdfs).unwrap();
    std::fs::write(pdfs.join("t.pdf"), b"%PDF-1.4\n").unwrap();
    let out = jixiao(&["check", pdfs.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("t.pdf"), "{err}");
    assert!(err.contains("没有找到可审核的文件"), "{err}");
    // Named beside a table, an empty directory is an input that could not be
    // reviewed (exit 2), not passed over while the table's review exits 0.
    let f = fixture();
    let out = jixiao(&["check", empty.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("目录中没有可审核的文件"), "{text}");
    assert!(text.contains("（其中 1 个文件无法读取）"), "{text}");
}

#[test]
fn nothing_to_review_still_writes_the_json_and_sarif_report() {
    // --format json / sarif with nothing to review: the report's own schema
    // on standard output, each directory an error, what was met skipped.
    let dir = tempfile::tempdir().unwrap();
    let (empty, pdfs) = (dir.path().join("e"), dir.path().join("pdfs"));
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::create_dir_all(&pdfs).unwrap();
    std::fs::write(pdfs.join("t.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(pdfs.join("notes.md"), "not a table").unwrap();
    let (e, p) = (empty.to_str().unwrap(), pdfs.to_str().unwrap());
    let out = jixiao(&["check", e, p, "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json_of(&out);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0);
    let errors = doc["errors"].as_array().unwrap();
    let files: Vec<&str> = errors.iter().map(|x| x["file"].as_str().unwrap()).collect();
    assert_eq!(files, [e, p]);
    assert_eq!(
        errors[0]["message"],
        format!("在 {e} 中没有找到可审核的文件（审核扩展名为 txt、tsv、csv、xlsx、xls、ods、html、htm、json 的文件）")
    );
    let skipped: Vec<&str> = doc["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["file"].as_str().unwrap())
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].ends_with("notes.md") && skipped[1].ends_with("t.pdf"));
    let summary = &doc["summary"];
    assert_eq!(
        (
            &summary["files"],
            &summary["unreadable"],
            &summary["skipped"]
        ),
        (&Value::from(0), &Value::from(2), &Value::from(2))
    );
    // Standard error says it as before.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("错误：在 "), "{err}");
    // In English.
    let doc = json_of(&jixiao(&["check", e, "--format", "json", "--lang", "en"]));
    assert_eq!(
        doc["errors"][0]["message"],
        format!("no file to review found in {e}; reviewed extensions: txt, tsv, csv, xlsx, xls, ods, html, htm, json")
    );
    // SARIF: an unsuccessful run, the error and the skipped files as
    // notifications, as for an unreadable file.
    let out = jixiao(&["check", p, "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2));
    let sarif = json_of(&out);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert!(run["results"].as_array().unwrap().is_empty());
    assert!(!run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .is_empty());
    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    let levels: Vec<&str> = notes.iter().map(|n| n["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["error", "note", "note"]);
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("没有找到可审核的文件"));
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        p
    );
}

#[test]
fn a_directory_scan_names_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(), dir.path().join("t.txt")).unwrap();
    std::fs::write(dir.path().join("t.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a table").unwrap();
    std::fs::write(dir.path().join(".hidden.pdf"), b"%PDF-1.4\n").unwrap();
    // A check report beside the tables is JSON, but not a table document.
    std::fs::write(
        dir.path().join("report.json"),
        "{\"version\": 1, \"findings\": []}",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    // The terminal: the PDF by name and why, the other file counted.
    let out = jixiao(&["check", d]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let pdf = dir.path().join("t.pdf").display().to_string();
    assert!(
        err.contains(&format!("提示：跳过 {pdf}：目录扫描不审核 PDF")),
        "{err}"
    );
    assert!(!err.contains("(skipped)") && !err.contains("(PDF"), "{err}");
    assert!(err.contains("另有 1 个文件"), "{err}");
    assert!(err.contains("report.json：JSON 文件没有"), "{err}");
    assert!(
        !err.contains("notes.md") && !err.contains(".hidden"),
        "{err}"
    );
    // JSON: every skipped file with its reason, and the count.
    let doc = json_of(&jixiao(&["check", d, "--format", "json"]));
    assert_eq!(doc["summary"]["files"], 1);
    assert_eq!(doc["summary"]["skipped"], 3);
    let skipped: Vec<(&str, &str)> = doc["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["file"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(skipped[0].0.ends_with("notes.md"), "{skipped:?}");
    assert!(skipped[1].0.ends_with("report.json"), "{skipped:?}");
    assert!(skipped[2].0.ends_with("t.pdf"), "{skipped:?}");
    assert!(skipped[2].1.contains("PDF"), "{skipped:?}");
    // In English under --lang en, on the terminal and in the JSON.
    let out = jixiao(&["check", d, "--lang", "en"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("note: skipped {pdf}: PDF is not reviewed")),
        "{err}"
    );
    assert!(err.contains("note: 1 other file skipped"), "{err}");
    let doc = json_of(&jixiao(&["check", d, "--format", "json", "--lang", "en"]));
    assert_eq!(doc["skipped"][0]["reason"], "extension not reviewed");
    // SARIF: notes among the notifications; the run is still successful.
    let sarif = json_of(&jixiao(&["check", d, "--format", "sarif"]));
    let inv = &sarif["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    let notes: Vec<&Value> = inv["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["level"] == "note")
        .collect();
    assert_eq!(notes.len(), 3);
    assert!(
        notes[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("t.pdf")
    );
    // Named on the command line, a file is read whatever its kind.
    let out = jixiao(&["check", &pdf, "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_of(&out)["summary"]["unreadable"], 1);
}

#[test]
fn findings_of_a_json_document_point_into_its_original() {
    // `s.json` carries the rows and columns of the table it was converted
    // from: a finding names both files, never `s.json:12:7`.
    let dir = tempfile::tempdir().unwrap();
    let f = fixture();
    let original = f.to_str().unwrap();
    let doc_path = dir.path().join("s.json");
    let s = doc_path.to_str().unwrap();
    assert_eq!(
        jixiao(&["convert", original, "-o", s]).status.code(),
        Some(0)
    );

    let out = jixiao(&["check", s]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(" --> {s} (原表 {original}:12:7)")),
        "{text}"
    );
    assert!(text.contains("原表第12行 绩效指标"), "{text}");
    assert!(!text.contains(&format!("{s}:12")), "{text}");
    let en = jixiao(&["check", s, "--lang", "en"]);
    let text = String::from_utf8_lossy(&en.stdout);
    assert!(
        text.contains(&format!(" --> {s} (source {original}:12:7)")),
        "{text}"
    );
    assert!(text.contains("source row 12 绩效指标"), "{text}");

    let doc = json_of(&jixiao(&["check", s, "--format", "json"]));
    let first = &doc["findings"][0]["location"];
    assert_eq!(first["file"], s);
    assert_eq!(first["source"], original);
    // The original's own findings name no other source.
    let doc = json_of(&jixiao(&["check", original, "--format", "json"]));
    assert_eq!(doc["findings"][0]["location"]["source"], Value::Null);

    let sarif = json_of(&jixiao(&["check", s, "--format", "sarif"]));
    let result = &sarif["runs"][0]["results"][0];
    let physical = &result["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], original);
    assert!(
        physical["region"]["startLine"].as_u64().is_some(),
        "{physical}"
    );
    assert_eq!(result["analysisTarget"]["uri"], s);
}

// ---- item markers, magnitudes and brackets as typed in other tables ----

#[test]
fn full_width_item_markers_are_items() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, edited) in [
        (
            "hyphen.txt",
            text.replace("-产出指标：", "－产出指标：")
                .replace("-效益指标：", "－效益指标：")
                .replace("-满意度指标：", "－满意度指标："),
        ),
        (
            "digits.txt",
            text.replace("1-产出指标：", "１-产出指标：")
                .replace("2-产出指标：", "２—产出指标："),
        ),
    ] {
        assert_ne!(edited, text);
        let path = dir.path().join(name);
        std::fs::write(&path, &edited).unwrap();
        let doc = check_clean(&path);
        let base = check_clean(&fixture());
        assert_eq!(count(&doc, "indicators-missing"), 0, "{name}");
        assert_eq!(count(&doc, "operator-missing"), 29, "{name}");
        assert_eq!(doc["summary"], base["summary"], "{name}");
        // written back as typed
        let out = jixiao(&["convert", path.to_str().unwrap(), "--to", "tsv"]);
        assert_eq!(String::from_utf8_lossy(&out.stdout), edited, "{name}");
    }
}

#[test]
fn ideographic_comma_item_markers_are_items() {
    // `1、产出指标：` as published tables write it, for every item of the
    // sample: the sample's findings (spans aside: `、` is 3 bytes, `-` one),
    // no cell notices, the 、 of 举办团、队干部培训 still in the name, and the
    // cells written back as typed. (A full-width `１－` is no finding either.)
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut edited = text.clone();
    for n in 1..=6 {
        for level in ["产出指标：", "效益指标：", "满意度指标："] {
            edited = edited.replace(&format!("{n}-{level}"), &format!("{n}、{level}"));
        }
    }
    assert!(!edited.contains("-产出指标：") && !edited.contains("-效益指标："));
    assert_eq!(edited.matches("、产出指标：").count(), 18);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comma.txt");
    std::fs::write(&path, &edited).unwrap();
    let without_spans = |doc: &Value| -> Vec<Value> {
        let mut v: Vec<Value> = doc["findings"].as_array().unwrap().clone();
        for f in &mut v {
            f["location"]["file"] = Value::Null;
            f["location"]["span"] = Value::Null;
        }
        v
    };
    let base = check_clean(&fixture());
    let doc = check_clean(&path);
    assert_eq!(doc["summary"], base["summary"]);
    assert_eq!(without_spans(&doc), without_spans(&base));
    let p = path.to_str().unwrap();
    let show = json_of(&jixiao(&["show", p, "--format", "json"]));
    let p4 = &show["units"][0]["projects"][3]["indicators"];
    assert_eq!(p4[1]["name"], "举办团、队干部培训");
    assert_eq!(p4[1]["seq"], 2);
    assert_eq!(p4[1]["seq_raw"], "2、");
    let out = jixiao(&["convert", p, "--to", "tsv"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), edited);
    // and through JSON
    let json = dir.path().join("comma.json");
    jixiao(&["convert", p, "-o", json.to_str().unwrap()]);
    let out = jixiao(&["convert", json.to_str().unwrap(), "--to", "tsv"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), edited);
}

#[test]
fn magnitude_in_a_value_is_no_other_unit() {
    // P6's 20000人次 as 2万人次: the same findings as the sample
    let base = check_clean(&fixture());
    for to in [
        "年度指标值：2万人次",
        "年度指标值：2万余人次",
        "年度指标值：20000余人次",
    ] {
        let (_d, _p, out) = check_edited("年度指标值：20000人次", to, "wan.txt");
        let doc = json_of(&out);
        assert_eq!(doc["summary"], base["summary"], "{to}");
        assert_eq!(count(&doc, "unit-inconsistent"), 1, "{to}");
        let costs: Vec<String> = with_rule(&doc, "unit-cost")
            .iter()
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect();
        assert!(
            costs
                .iter()
                .any(|m| m.contains("驻校") && m.contains("100.00 元/人次")),
            "{to}: {costs:?}"
        );
    }
    // P1's 5000人次 as 0.5万人次: unit-name-mismatch and unit-cost stay
    let (_d, _p, out) = check_edited(
        "年度指标值：5000人次。",
        "年度指标值：0.5万人次。",
        "half.txt",
    );
    let doc = json_of(&out);
    assert_eq!(doc["summary"], base["summary"]);
    assert_eq!(count(&doc, "unit-name-mismatch"), 1);
    assert!(with_rule(&doc, "unit-cost")
        .iter()
        .any(|f| f["message"].as_str().unwrap().contains("316.00 元/人次")));
}

#[test]
fn about_before_a_number_is_an_approximation_not_a_label() {
    // P4's 300人次 as 约300人次: about 300 人次, not the label 「约」 (which
    // gave a value-prefixed finding); still no comparator.
    let base = check_clean(&fixture());
    for (from, to, shown) in [
        ("年度指标值：300人次", "年度指标值：约300人次", "约300人次"),
        (
            "年度指标值：300人次",
            "年度指标值：大约300人次",
            "大约300人次",
        ),
        ("年度指标值：90%", "年度指标值：约90%", "约90%"),
        ("年度指标值：90%", "年度指标值：≥约90%", "≥约90%"),
    ] {
        let (dir, path, out) = check_edited(from, to, "about.txt");
        let doc = json_of(&out);
        // the same findings (with ≥, one operator-missing fewer)
        let ops = if to.contains('≥') { 28 } else { 29 };
        let mut summary = base["summary"].clone();
        summary["info"] = (base["summary"]["info"].as_u64().unwrap() + ops - 29).into();
        assert_eq!(doc["summary"], summary, "{to}");
        assert_eq!(
            count(&doc, "value-prefixed"),
            count(&base, "value-prefixed"),
            "{to}"
        );
        let prefixed = with_rule(&doc, "value-prefixed");
        assert!(
            prefixed
                .iter()
                .all(|f| !f["message"].as_str().unwrap().contains(shown)),
            "{to}: {prefixed:?}"
        );
        assert_eq!(count(&doc, "operator-missing"), ops as usize, "{to}");
        let p = path.to_str().unwrap();
        // shown as written
        let out = jixiao(&["show", p]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&format!(" {shown}\n")), "{to}: {text}");
        // converted to every format (and the row layout: 约 in 指标值, before
        // the number), the same targets; the one-cell text as typed
        let targets = |file: &Path| -> Vec<Value> {
            let doc = json_of(&jixiao(&[
                "show",
                file.to_str().unwrap(),
                "--format",
                "json",
            ]));
            let mut v = Vec::new();
            for u in doc["units"].as_array().unwrap() {
                for p in u["projects"].as_array().unwrap() {
                    for i in p["indicators"].as_array().unwrap() {
                        v.push(i["target"].clone());
                    }
                }
            }
            v
        };
        let want = targets(&path);
        let about = if to.contains("大约") {
            "大约"
        } else {
            "约"
        };
        assert!(want.iter().any(|t| t["approx"] == about), "{to}");
        let edited = std::fs::read_to_string(&path).unwrap();
        for (name, layout) in [
            ("c.json", "one-cell"),
            ("c.xlsx", "one-cell"),
            ("c.html", "one-cell"),
            ("c.tsv", "one-cell"),
            ("rows.xlsx", "rows"),
            ("rows.html", "rows"),
        ] {
            let conv = dir.path().join(name);
            let c = conv.to_str().unwrap();
            let out = jixiao(&["convert", p, "-o", c, "--layout", layout]);
            assert_eq!(out.status.code(), Some(0), "{to} → {name}");
            assert_eq!(targets(&conv), want, "{to} → {name}");
            let back = String::from_utf8_lossy(&jixiao(&["convert", c, "--to", "tsv"]).stdout)
                .into_owned();
            assert!(back.contains(&format!("{to}。")), "{to} → {name} → tsv");
            if name == "c.json" || name == "c.tsv" {
                assert_eq!(back, edited, "{to} → {name} → tsv");
            }
        }
    }
}

#[test]
fn bracket_after_a_value_is_unit_or_note() {
    let base = check_clean(&fixture());
    // a note or a bracketed unit: still the quantity, the same findings
    for to in [
        "年度指标值：5000人次（全年）。",
        "年度指标值：5000（人次）。",
    ] {
        let (_d, _p, out) = check_edited("年度指标值：5000人次。", to, "note.txt");
        let doc = json_of(&out);
        assert_eq!(doc["summary"], base["summary"], "{to}");
        assert_eq!(count(&doc, "unit-name-mismatch"), 1, "{to}");
    }
    // a bracket that is no unit where the unit belongs: the unit is missing
    let (_d, _p, out) = check_edited(
        "年度指标值：5000人次。",
        "年度指标值：≥5000（全年）。",
        "nounit.txt",
    );
    let doc = json_of(&out);
    assert_eq!(count(&doc, "unit-missing"), 1);
    assert_eq!(count(&doc, "qualitative-share"), 0);
    let (dir, path, _) = check_edited("年度指标值：90%。", "年度指标值：≥90%（正向）。", "dir.txt");
    let out = jixiao(&["show", path.to_str().unwrap(), "--format", "json"]);
    let doc = json_of(&out);
    let target = &doc["units"][0]["projects"][4]["indicators"][2]["target"];
    assert_eq!(target["kind"], "quantitative", "{target}");
    assert_eq!(target["note"], "（正向）");
    drop(dir);
}

/// An HTML page's rows are the rows of its `<table>` (the Nth `<tr>`, header
/// counted), and the table is named: P2 of `fe-haizhu-gbk.html` is on the
/// table's 5th row, not on the 8th line of a grid that also counted the
/// page's `<h1>`/`<p>` lines.
#[test]
fn html_rows_are_rows_of_the_named_table_in_every_output() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fe-haizhu-gbk.html");
    let path = f.to_str().unwrap();
    let p2 = "驻镇帮镇扶村项目资金";

    let doc = json_of(&jixiao(&["check", path, "--format", "json"]));
    let at_p2: Vec<&Value> = with_rule(&doc, "missing-output")
        .into_iter()
        .filter(|f| f["location"]["project"]["name"] == p2)
        .collect();
    assert_eq!(at_p2.len(), 1, "{doc}");
    let loc = &at_p2[0]["location"];
    assert_eq!(
        (loc["table"].as_u64(), loc["row"].as_u64()),
        (Some(2), Some(5))
    );
    assert!(loc["sheet"].is_null());

    let out = jixiao(&["check", path]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("fe-haizhu-gbk.html[表格2]:5:7"), "{text}");
    assert!(text.contains("╭─[第5行 绩效指标]"), "{text}");
    let out = jixiao(&["check", path, "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("fe-haizhu-gbk.html[table 2]:5:7"), "{text}");

    // SARIF: a table row is no line of the page; no region, the table in properties.
    let doc = json_of(&jixiao(&["check", path, "--format", "sarif"]));
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0];
        assert!(loc["physicalLocation"]["region"].is_null(), "{loc}");
        assert_eq!(loc["properties"]["table"], 2, "{loc}");
    }
}

/// A workbook saved as HTML by LibreOffice names its sheet above each table
/// (`Sheet 2: 绩效目标表`): that is the sheet of the findings.
#[test]
fn html_exported_from_a_workbook_names_its_sheet() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fe-haizhu-html.xls");
    let doc = json_of(&jixiao(&["check", f.to_str().unwrap(), "--format", "json"]));
    let p1 = with_rule(&doc, "missing-cost")
        .into_iter()
        .find(|f| f["location"]["project"]["name"] == "“青年地带”青少年服务经费")
        .expect("missing-cost at P1");
    let loc = &p1["location"];
    assert_eq!(loc["sheet"], "绩效目标表");
    assert_eq!(loc["row"], 10, "P1 is the table's 10th <tr>");
    let out = jixiao(&["show", f.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(html, UTF-8, 工作表 绩效目标表)"), "{text}");
}

/// The terminal report speaks one language: under each snippet the rule's
/// short title in that language, never the message in the other one.
#[test]
fn the_terminal_report_speaks_one_language() {
    let f = fixture();
    let zh = String::from_utf8(jixiao(&["check", f.to_str().unwrap()]).stdout).unwrap();
    assert!(zh.contains("☞ 项目缺少成本指标"), "{zh}");
    for line in zh
        .lines()
        .filter(|l| l.trim_start().starts_with(['☞', '⚠', '×', '=']))
    {
        assert!(!line.contains("project \""), "{line}");
    }
    let en =
        String::from_utf8(jixiao(&["check", f.to_str().unwrap(), "--lang", "en"]).stdout).unwrap();
    assert!(en.contains("☞ no cost indicator"), "{en}");
    // (English titles may name a Chinese term or mark: 万元, 。)
    for line in en
        .lines()
        .filter(|l| l.trim_start().starts_with(['☞', '⚠', '×', '=']))
    {
        assert!(!line.contains("项目「") && !line.contains("」："), "{line}");
    }
}

#[test]
fn an_unbalanced_department_subtotal_is_compared_with_its_projects() {
    // The Sichuan row layout with one project changed by 1.00 元: the
    // department row 820-马踏镇部门 stays the table's total and its mismatch
    // is the real one (3,429,841.00 under it), not an empty unit against 0.00.
    let dir = tempfile::tempdir().unwrap();
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/lay-sichuan.tsv");
    let text = std::fs::read_to_string(src).unwrap();
    let edited = text.replacen("120,000.00", "120,001.00", 1);
    assert_ne!(edited, text);
    let path = dir.path().join("lsc_1.tsv");
    std::fs::write(&path, edited).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(count(&doc, "sum-mismatch.unit"), 0, "{doc:#}");
    let total = with_rule(&doc, "sum-mismatch.total");
    let messages: Vec<&str> = total
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["总计 3429840.00 ≠ 各项目之和 3429841.00（相差 1.00）"],
        "{doc:#}"
    );
    assert_eq!(total[0]["location"]["row"], 6);
}

#[test]
fn check_reviews_every_target_sheet_of_a_workbook_and_names_each() {
    // fe-multi-sheet.xlsx: a budget sheet first, the sample in
    // 部门项目支出绩效目标05-2, a second target table in 下属单位 whose
    // 综合业务费 states 999.00 against 20.00 of sources.
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fe-multi-sheet.xlsx");
    let path = f.to_str().unwrap();
    let out = jixiao(&["check", path, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the second sheet's errors count"
    );
    let doc = json_of(&out);
    assert_eq!(doc["summary"]["files"], 1);
    let findings = doc["findings"].as_array().unwrap();
    // Every finding names its sheet, but the notice about the sheets not
    // read, which is about the file (it names the budget sheet in its text).
    let sheets: std::collections::BTreeSet<&str> = findings
        .iter()
        .filter(|f| f["rule"] != "sheet-not-target")
        .map(|f| {
            f["location"]["sheet"]
                .as_str()
                .expect("every finding names its sheet")
        })
        .collect();
    assert!(findings
        .iter()
        .filter(|f| f["rule"] == "sheet-not-target")
        .all(|f| f["location"]["sheet"].is_null()));
    assert_eq!(
        sheets.into_iter().collect::<Vec<_>>(),
        ["下属单位", "部门项目支出绩效目标05-2"]
    );
    // No finding comes from the budget sheet (no false sum-mismatch.total).
    assert!(findings
        .iter()
        .all(|f| f["location"]["sheet"] != "部门项目支出预算05-1"));
    let errors: Vec<(&str, &str, u64)> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["location"]["sheet"].as_str().unwrap(),
                f["location"]["row"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("sum-mismatch.unit", "下属单位", 11),
            ("sum-mismatch.row", "下属单位", 12)
        ]
    );
    let skipped = with_rule(&doc, "sheet-not-target");
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0]["message"]
        .as_str()
        .unwrap()
        .contains("“部门项目支出预算05-1”"));
    assert_eq!(count(&doc, "sheet-more-targets"), 0);

    // The terminal names the sheet of each finding and counts the tables.
    let out = jixiao(&["check", path, "--min-severity", "error"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(" --> {path}[下属单位]:12:2")),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("审核 1 个文件（2 张表）：错误 2，警告 0，提示 0（另有 90 条低于 --min-severity 的问题未显示）"),
        "{text}"
    );
    let out = jixiao(&["check", path, "--min-severity", "error", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.trim_end()
            .ends_with("checked 1 file (2 tables): 2 errors, 0 warnings, 0 infos (90 findings below --min-severity not shown)"),
        "{text}"
    );
}

/// A notice code this version does not know (a JSON document written by a
/// later one) gets a rule of its own in SARIF, after the known ones, and its
/// results point at it; each code once, however often it occurs.
#[test]
fn sarif_names_notice_codes_it_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("s.json");
    let out = jixiao(&[
        "convert",
        fixture().to_str().unwrap(),
        "-o",
        doc.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let mut table: Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    table["notices"] = serde_json::json!([
        { "code": "future-code", "message": "将来的提示", "message_en": "a later note", "origin": { "row": 12, "col": 3 } },
        { "code": "other-code", "message": "另一提示", "origin": null },
        { "code": "future-code", "message": "再一次", "origin": null },
    ]);
    std::fs::write(&doc, serde_json::to_vec(&table).unwrap()).unwrap();
    let out = jixiao(&["check", doc.to_str().unwrap(), "--format", "sarif"]);
    let sarif = json_of(&out);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids[ids.len() - 2..], ["future-code", "other-code"]);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let future: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "future-code")
        .collect();
    assert_eq!(future.len(), 2);
    for r in future {
        assert_eq!(r["ruleIndex"].as_u64(), Some(ids.len() as u64 - 2));
    }
}

#[test]
fn a_form_s_sum_mismatch_points_at_its_total_cell_and_names_its_sources() {
    // A central 申报表 form: 年度资金总额 800 at row 5, column 3 (the name is at
    // row 3, column 2); sources 财政拨款 750 + 其他资金 40, no 财政专户拨款.
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/central-form-two-sheets.xlsx");
    let out = jixiao(&[
        "check",
        file.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    let doc = json_of(&out);
    let f = with_rule(&doc, "sum-mismatch.row");
    assert_eq!(f.len(), 1, "{doc}");
    assert_eq!(f[0]["location"]["row"], 5);
    assert_eq!(f[0]["location"]["column"], 3);
    let msg = f[0]["message"].as_str().expect("message");
    assert!(msg.contains("财政拨款 + 其他资金"), "{msg}");
    assert!(!msg.contains("财政专户拨款"), "{msg}");
    // The text report shows the cell, named by the form's label.
    let out = jixiao(&["check", file.to_str().expect("utf-8 path")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("第5行 年度资金总额") && text.contains("800.00"),
        "{text}"
    );
}

#[test]
fn clean_tables_with_dates_and_permille_rates_get_only_unit_costs() {
    // A user tester's clean tables: 时效 values written as dates (`2024年6月`,
    // `2024年12月31日` in one cell; `2024年3月31日`, `2024.12` in a row layout)
    // and rates in ‰ (森林火灾受害率 ≤0.9‰). Dates were read as 6 月 and 31 日
    // (unit-inconsistent, value-prefixed, operator-missing), `2024.12` as a
    // number without unit (unit-missing, timeliness-no-date), ‰ as no rate unit.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["clean-onecell-dates.tsv", "clean-rows-dates-permille.tsv"] {
        let doc = check_clean(&dir.join(name));
        let rules: Vec<&str> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(!rules.is_empty(), "{name}");
        assert!(rules.iter().all(|r| *r == "unit-cost"), "{name}: {rules:?}");
    }
}

#[test]
fn help_lines_are_not_wrapped_inside_a_word() {
    // miette wrapped help at 100 columns, which for Chinese text fell in the
    // middle of a word (`产出数` / `量。`): help is one line, as the help of
    // a finding without a snippet always was.
    let f = fixture();
    let out = jixiao(&["check", f.to_str().unwrap(), "--no-progress"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let b = block(
        &text,
        "warning[unit-inconsistent]: 同名指标「组建志愿服务队」",
    );
    let whole = "  help: 指标值的单位与计量单位列不一致时，改正其中之一；同名指标各处单位不同时，统一单位，确属不同指标的改用能区分的名称。";
    assert!(b.lines().any(|l| l == whole), "{b}");
    // The English help is one line too.
    let out = jixiao(&[
        "check",
        f.to_str().unwrap(),
        "--no-progress",
        "--lang",
        "en",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    let b = block(
        &text,
        "warning[unit-inconsistent]: indicator \"组建志愿服务队\"",
    );
    let help: Vec<&str> = b.lines().skip_while(|l| !l.contains("help:")).collect();
    assert_eq!(help.len(), 1, "{b}");
}

/// A directory scan leaves symbolic links and pipes alone and names them
/// (/tmp/ur13 defects 1, 2 and 7): a pipe made `check DIR` wait for a writer
/// for ever, two links to `.` made the walk endless, and a link out of the
/// folder had the report quote the file it points at. Named on the command
/// line, a link is read as given.
#[cfg(unix)]
#[test]
fn a_directory_scan_names_links_and_pipes_and_follows_neither() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::copy(fixture(), shared.join("good.txt")).unwrap();
    let secret = dir.path().join("private.conf");
    std::fs::write(&secret, "SECRET_TOKEN=hunter2\tabc\n").unwrap();
    std::os::unix::fs::symlink(&secret, shared.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(".", shared.join("l1")).unwrap();
    std::os::unix::fs::symlink(".", shared.join("l2")).unwrap();
    let made = Command::new("mkfifo")
        .arg(shared.join("fifo.txt"))
        .status()
        .is_ok_and(|s| s.success());
    let out = jixiao(&["check", shared.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json_of(&out);
    let text = report.to_string();
    assert!(!text.contains("hunter2"), "{text}");
    let skipped = skipped_names(&report);
    let names: Vec<&str> = skipped.iter().map(|(n, _)| n.as_str()).collect();
    let mut want = vec!["l1", "l2", "leak.txt"];
    if made {
        want.insert(0, "fifo.txt");
    }
    assert_eq!(names, want, "{skipped:?}");
    assert!(skipped.iter().any(|(_, r)| r.contains("符号链接")));
    if made {
        assert!(skipped[0].1.contains("不是普通文件"), "{skipped:?}");
    }
    // One file reviewed, once.
    assert_eq!(report["summary"]["files"], 1, "{text}");
    // Named on the command line, the link is read (and refused as no table).
    let out = jixiao(&["check", shared.join("leak.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

/// Control characters from a cell or a file name reach the terminal as
/// visible pictures, not as escape sequences (/tmp/ur13 defect 6: an XLSX
/// cell `_x001B_[2J…` cleared the screen and retitled the window, and a file
/// name's ESC coloured every ` --> ` line).
#[cfg(unix)]
#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let sample = std::fs::read_to_string(fixture()).unwrap();
    let named = folder.join("x\u{1b}[31mRED\u{1b}[0m.txt");
    std::fs::write(&named, &sample).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in sample.lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            let cell = if cell == "团委各项活动费" {
                "团委各项活动费\u{1b}[2J\u{1b}]0;PWNED\u{7}"
            } else {
                cell
            };
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save(folder.join("t.xlsx")).unwrap();
    for args in [
        vec!["check", folder.to_str().unwrap(), "--no-progress"],
        vec!["show", folder.join("t.xlsx").to_str().unwrap()],
        vec!["show", named.to_str().unwrap()],
    ] {
        let out = jixiao(&args);
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?}: {text}"
            );
        }
        let all = String::from_utf8_lossy(&out.stdout);
        assert!(all.contains('\u{241b}'), "{args:?}: {all}");
    }
}

/// An unreadable input's place (sheet, table, row, column) is given apart in
/// the JSON `errors` and in the SARIF notification, not only inside the
/// message text (/tmp/ur13 defect 12).
#[test]
fn an_unreadable_inputs_place_is_given_apart() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap();
    // A stray quote opening the first project's name, never closed.
    let bad = text.replacen("“青年地带”青少年服务经费", "\"“青年地带”青少年服务经费", 1);
    assert_ne!(bad, text);
    let path = dir.path().join("t.txt");
    std::fs::write(&path, bad).unwrap();
    let p = path.to_str().unwrap();
    let out = jixiao(&["check", p, "--format", "json", "--no-progress"]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json_of(&out);
    let e = &doc["errors"][0];
    assert_eq!(e["location"]["row"], 12, "{e}");
    assert_eq!(e["location"]["column"], 1, "{e}");
    assert!(e["location"]["sheet"].is_null(), "{e}");
    let out = jixiao(&["check", p, "--format", "sarif", "--no-progress"]);
    let doc = json_of(&out);
    let n = &doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(n["locations"][0]["properties"]["row"], 12, "{n}");
    assert_eq!(n["locations"][0]["properties"]["column"], 1, "{n}");
}

/// A directory scan does not review hidden files and folders (names that
/// start with `.`) nor enter a hidden folder, but counts them on standard
/// error and lists them under `skipped`, a folder once (/tmp/ur14 defect 8).
/// A hidden file of another kind (`.DS_Store`) is not listed.
#[test]
fn a_directory_scan_lists_hidden_files_and_folders_without_reviewing_them() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    let hidden_dir = shared.join(".hidden");
    std::fs::create_dir_all(&hidden_dir).unwrap();
    std::fs::copy(fixture(), shared.join("good.txt")).unwrap();
    std::fs::copy(fixture(), shared.join(".also-hidden.txt")).unwrap();
    std::fs::copy(fixture(), hidden_dir.join("h.txt")).unwrap();
    std::fs::copy(fixture(), hidden_dir.join(".dot.txt")).unwrap();
    std::fs::write(shared.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    let out = jixiao(&["check", shared.to_str().unwrap(), "--format", "json"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    let report = json_of(&out);
    assert_eq!(report["summary"]["files"], 1, "{report}");
    let skipped = skipped_names(&report);
    let names: Vec<&str> = skipped.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [".also-hidden.txt", ".hidden"], "{skipped:?}");
    assert!(
        skipped
            .iter()
            .all(|(_, r)| r.contains("隐藏的文件或文件夹")),
        "{skipped:?}"
    );
    // The terminal counts them, in either language.
    for (lang, said) in [
        ("zh", "另有 2 个隐藏的文件或文件夹"),
        ("en", "2 hidden files or folders"),
    ] {
        let out = jixiao(&["check", shared.to_str().unwrap(), "--lang", lang]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
    }
    // SARIF notes them.
    let out = jixiao(&["check", shared.to_str().unwrap(), "--format", "sarif"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(".also-hidden.txt"));
    // Named on the command line, the hidden folder is searched (its own
    // hidden file listed), and a hidden file reviewed.
    let out = jixiao(&["check", hidden_dir.to_str().unwrap(), "--format", "json"]);
    let report = json_of(&out);
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 1, "{report}");
    let also = shared.join(".also-hidden.txt");
    let out = jixiao(&["check", also.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json_of(&out)["summary"]["files"], 1);
}

/// (file name, reason) of each entry of a JSON report's `skipped`.
fn skipped_names(report: &Value) -> Vec<(String, String)> {
    report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let file = s["file"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_string_lossy();
            (name.into_owned(), s["reason"].as_str().unwrap().to_string())
        })
        .collect()
}

/// A link named on the command line is reviewed and not also listed as
/// skipped by the scan of its folder; a dangling link says it is one and
/// where it points (/tmp/ur14 defect 11).
#[cfg(unix)]
#[test]
fn links_named_on_the_command_line_are_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let d1 = dir.path().join("d1");
    std::fs::create_dir_all(&d1).unwrap();
    std::fs::copy(fixture(), d1.join("good.txt")).unwrap();
    std::os::unix::fs::symlink("good.txt", d1.join("same.txt")).unwrap();
    let same = d1.join("same.txt");
    let out = jixiao(&[
        "check",
        d1.to_str().unwrap(),
        same.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report = json_of(&out);
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert!(skipped_names(&report).is_empty(), "{report}");
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink("/nonexistent/x.txt", &dangling).unwrap();
    let out = jixiao(&["check", dangling.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("符号链接指向的文件不存在：/nonexistent/x.txt"),
        "{text}"
    );
}

/// SARIF's URIs are RFC 3986 URI references: a Chinese file name is
/// percent-encoded as UTF-8, not left as an IRI (ur15 B7); the rules'
/// descriptions and help are in the language asked for, not both (C15).
#[test]
fn sarif_uris_are_percent_encoded_and_rule_texts_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("海珠 区");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(fixture(), sub.join("表 #1%.txt")).unwrap();
    let run_in = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .current_dir(dir.path())
            .args([
                "check",
                "海珠 区",
                "--format",
                "sarif",
                "--no-progress",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let doc = run_in("zh");
    let run = &doc["runs"][0];
    let uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        uri,
        "%E6%B5%B7%E7%8F%A0%20%E5%8C%BA/%E8%A1%A8%20%231%25.txt"
    );
    assert!(uri.is_ascii());
    let rule = |doc: &Value, id: &str| {
        doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let zh = rule(&doc, "sum-mismatch.row");
    let full = zh["fullDescription"]["text"].as_str().unwrap();
    assert!(
        full.contains("总计 = 财政拨款") && !full.contains("The row total"),
        "{full}"
    );
    let help = zh["help"]["text"].as_str().unwrap();
    assert!(help.starts_with("核对") && help.contains("依据"), "{help}");
    let en = rule(&run_in("en"), "sum-mismatch.row");
    let full = en["fullDescription"]["text"].as_str().unwrap();
    assert!(
        full.starts_with("The row total") && !full.contains("财政拨款 +"),
        "{full}"
    );
    let help = en["help"]["text"].as_str().unwrap();
    assert!(
        help.starts_with("Re-check") && help.contains("basis"),
        "{help}"
    );
}

/// A SARIF run that --deny fails on findings --min-severity hid says so: a
/// note and the run's `properties.hidden` (ur15 B5: an empty report on a red
/// build, nothing saying why).
#[test]
fn sarif_names_findings_hidden_by_min_severity() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-onecell-dates.tsv");
    let f = f.to_str().unwrap();
    let out = jixiao(&[
        "check",
        f,
        "--format",
        "sarif",
        "--deny",
        "info",
        "--min-severity",
        "warning",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    let run = &doc["runs"][0];
    assert!(run["results"].as_array().unwrap().is_empty());
    let hidden = run["properties"]["hidden"].as_u64().unwrap();
    assert!(hidden > 0);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    let note = notes
        .iter()
        .find(|n| n["properties"]["kind"] == "hidden")
        .unwrap();
    assert_eq!(note["level"], "note");
    assert_eq!(note["properties"]["count"], hidden);
    assert!(note["message"]["text"]
        .as_str()
        .unwrap()
        .contains("--min-severity"));
    // Nothing hidden, nothing said.
    let out = jixiao(&["check", f, "--format", "sarif"]);
    let doc = json_of(&out);
    assert!(doc["runs"][0].get("properties").is_none());
}

/// A profile that cannot be used still gives a JSON or SARIF document, the
/// profile its one error, exit code 2 (ur15 B6: standard output was empty,
/// and an upload step failed on invalid JSON instead of showing why).
#[test]
fn a_bad_profile_still_gives_a_machine_report() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("typo.toml");
    std::fs::write(&profile, "[rules.missing-satisfacton]\nenabled = false\n").unwrap();
    let f = fixture();
    let (f, p) = (f.to_str().unwrap(), profile.to_str().unwrap());
    let out = jixiao(&["check", f, "--format", "json", "--profile", p]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json_of(&out);
    assert_eq!(doc["errors"][0]["file"], p);
    assert!(doc["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("missing-satisfaction"));
    assert_eq!(doc["summary"]["unreadable"], 1);
    // Located at its first problem (ur16 M5).
    assert_eq!(doc["errors"][0]["location"]["row"], 1, "{doc}");
    assert!(
        doc["errors"][0]["location"]["column"].as_u64().is_some(),
        "{doc}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing-satisfacton"));
    let out = jixiao(&["check", f, "--format", "sarif", "--profile", p]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json_of(&out);
    let inv = &doc["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(inv["toolExecutionNotifications"][0]["level"], "error");
    // The terminal format says it on standard error alone, as before.
    let out = jixiao(&["check", f, "--profile", p]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// With standard output redirected, an input that cannot be read is said on
/// standard error too (ur15 B8: a CI log keeping standard error showed exit
/// 2 and no reason), in every format.
#[test]
fn unreadable_inputs_are_said_on_standard_error_too() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("ctrl.txt");
    std::fs::write(&bad, b"abc\x01def\n").unwrap();
    let missing = dir.path().join("nonexist.txt");
    let (b, m) = (bad.to_str().unwrap(), missing.to_str().unwrap());
    for format in ["human", "json", "sarif"] {
        let out = jixiao(&["check", b, m, "--format", format, "--no-progress"]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("错误：{b} 第1行 第4列")),
            "{format}: {err}"
        );
        assert!(
            err.contains(&format!("错误：{m}: 文件或目录不存在")),
            "{format}: {err}"
        );
    }
    // A name with control characters is shown as one line of pictures,
    // also where the reader's message quotes it (ur16 M1: ESC, BEL and CR
    // reached the log, and a CR split the line).
    #[cfg(unix)]
    {
        let odd = dir.path().join("a\u{1b}[2J\r\u{7}b.txt");
        std::fs::write(&odd, b"abc\x01def\n").unwrap();
        let out = jixiao(&["check", odd.to_str().unwrap(), "--format", "json"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains(['\u{1b}', '\r', '\u{7}']), "{err:?}");
        assert!(err.contains("a␛[2J␍␇b.txt 第1行"), "{err}");
        assert_eq!(err.matches("错误：").count(), 1, "{err}");
        let human = jixiao(&["check", odd.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&human.stdout);
        assert!(!text.contains(['\u{1b}', '\r', '\u{7}']), "{text:?}");
    }
}

#[test]
fn a_second_level_in_the_item_head_is_read_and_reviewed_like_the_sample() {
    // `2-产出指标-数量指标：` (the 二级 named after the 一级): the item is
    // read with its 二级, and the review finds what it finds on the sample,
    // at the same rows and columns (no-items and indicators-missing before).
    let (_dir, path, out) = check_edited(
        "2-产出指标：家庭探访个数",
        "2-产出指标-数量指标：家庭探访个数",
        "sub.txt",
    );
    assert_eq!(out.status.code(), Some(0));
    let edited = json_of(&out);
    let sample = check_clean(&fixture());
    let places = |doc: &Value| -> Vec<(String, Value, Value)> {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["location"]["row"].clone(),
                    f["location"]["column"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(places(&edited), places(&sample));
    let shown = jixiao(&["show", path.to_str().unwrap(), "--format", "json"]);
    let table = json_of(&shown);
    let subs: Vec<&Value> = table["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["projects"].as_array().unwrap())
        .flat_map(|p| p["indicators"].as_array().unwrap())
        .filter(|i| i["subcategory"] == "数量指标")
        .collect();
    assert_eq!(subs.len(), 1, "{subs:?}");
    assert_eq!(subs[0]["category_raw"], "产出指标-数量指标");
    assert_eq!(subs[0]["name"], "家庭探访个数");
}

#[test]
fn one_indicator_a_line_is_reviewed_at_its_line() {
    // `一级-二级-三级：值`, one a line, no item numbers: read (a
    // marker-nonstandard note says it is no standard form), and reviewed
    // at each item's place in the cell (no-items and indicators-missing before).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines.csv");
    let cell = "产出指标-数量指标-资助参保人数：≥12000人\n产出指标-质量指标-救助政策落实率：100%\n\
                成本指标-经济成本指标-人均资助参保标准：≤350元/人\n效益指标-社会效益指标-困难群众医疗负担：有效减轻\n\
                满意度指标-服务对象满意度指标-救助对象满意度：≥90%";
    let text = format!(
        "项目支出绩效目标表\n单位：万元\n项目名称（资金使用单位）,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标\n\
         城乡居民医疗救助资金,420.00,420.00,,,资助12000名困难群众参加城乡居民医保，减轻困难群众医疗负担。,\"{cell}\"\n"
    );
    std::fs::write(&path, text).unwrap();
    let out = jixiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json_of(&out);
    for rule in [
        "no-items",
        "indicators-missing",
        "missing-output",
        "missing-satisfaction",
    ] {
        assert_eq!(count(&doc, rule), 0, "{rule}");
    }
    assert_eq!(count(&doc, "marker-nonstandard"), 1);
    let bare = with_rule(&doc, "operator-missing");
    assert_eq!(bare.len(), 1, "{bare:?}");
    let loc = &bare[0]["location"];
    assert_eq!(
        (loc["row"].as_u64(), loc["column"].as_u64()),
        (Some(4), Some(7))
    );
    let span = (
        loc["span"]["start"].as_u64().unwrap() as usize,
        loc["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&cell[span.0..span.1], "100%");
}
