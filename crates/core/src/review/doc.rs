//! `docs/rules.md`, rendered from the catalogue so it cannot drift.
//! Regenerate with `UPDATE_RULES_DOC=1 cargo test -p jixiao-core rules_doc`.

use super::profile::{threshold_ranges, Range, NOTICE_CODES};
use super::{catalogue::RULES, Profile};

/// The `[thresholds]` lines of the profile example (every threshold at its
/// default, with what it takes) and the table of the thresholds, from
/// [`threshold_ranges`]: a threshold added to `Thresholds` shows here.
fn thresholds_markdown(t: &super::Thresholds) -> String {
    let mut out = String::new();
    let ranges = threshold_ranges();
    for r in &ranges {
        let line = format!("{} = {}", r.key, threshold_default(t, r.key));
        out.push_str(&format!("{line:<34} # {}\n", accepted(r.range, r.unit)));
    }
    out.push_str("```\n\n");
    out.push_str("| threshold | default | takes | rules |\n|---|---|---|---|\n");
    for r in &ranges {
        let rules: Vec<String> = RULES
            .iter()
            .filter(|x| x.thresholds.contains(&r.key))
            .map(|x| format!("[`{}`](#{})", x.id, anchor(x.id)))
            .collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.key,
            threshold_default(t, r.key),
            accepted(r.range, r.unit),
            rules.join(", ")
        ));
    }
    out.push('\n');
    out
}

/// A threshold's default as TOML.
fn threshold_default(t: &super::Thresholds, key: &str) -> String {
    match t.number(key) {
        Some(v) => v.to_string(),
        None if key == "require_cost" => t.require_cost.to_string(),
        None => "?".to_string(),
    }
}

/// What a threshold takes, in words.
fn accepted(range: Range, unit: &str) -> String {
    let unit = if unit.is_empty() || unit == "%" {
        String::new()
    } else {
        format!(" ({unit})")
    };
    match range {
        Range::Switch => "`true` or `false`".to_string(),
        Range::Count { min } => format!("a whole number, at least {min}{unit}"),
        Range::Number { lo, hi: Some(hi) } => format!("{lo}–{hi}{unit}"),
        Range::Number { lo, hi: None } => format!("at least {lo}{unit}"),
        Range::Percent { one_too: true } => {
            "0–100 (%); above 0 up to 1 is refused as a fraction".to_string()
        }
        Range::Percent { one_too: false } => {
            "0–100 (%); above 0 below 1 is refused as a fraction; below `percent_max`".to_string()
        }
    }
}

/// The whole of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let p = Profile::national();
    let t = &p.thresholds;
    let mut out = String::new();
    out.push_str("# 审核规则 (review rules)\n\n");
    out.push_str(
        "<!-- Generated from crates/core/src/review/catalogue.rs; do not edit by hand.\n     \
         Regenerate: UPDATE_RULES_DOC=1 cargo test -p jixiao-core rules_doc -->\n\n",
    );
    out.push_str(
        "`jixiao check` runs these rules (`jixiao_core::review::review`). Severity: **error** = data \
         internally inconsistent or unusable; **warning** = a substantive problem an expert reviewer \
         would send back; **info** = an irregularity or suggestion. A profile (`--profile FILE.toml`) \
         switches rules off, overrides severities and changes thresholds. Reader notices \
         (`Table::notices`) are reported as info findings under their own code \
         ([listed below](#reader-notice-codes)); a profile switches them off or re-levels \
         them like rules.\n\n",
    );
    out.push_str("| id | severity | message |\n|---|---|---|\n");
    for r in RULES {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} ({}) |\n",
            r.id,
            anchor(r.id),
            r.severity.as_str(),
            r.message,
            r.message_en
        ));
    }
    out.push('\n');
    for r in RULES {
        out.push_str(&format!("## `{}`\n\n", r.id));
        out.push_str(&format!("- **severity**: {}\n", r.severity.as_str()));
        out.push_str(&format!(
            "- **message**: {} ({})\n",
            r.message, r.message_en
        ));
        out.push_str(&format!("- **explanation**: {}\n", r.explanation));
        out.push_str(&format!("- **basis (依据)**: {}\n", r.basis));
        out.push_str(&format!("- **fix**: {}\n", r.fix));
        if !r.thresholds.is_empty() {
            let th: Vec<String> = r
                .thresholds
                .iter()
                .map(|k| format!("`{k}` = {}", threshold_value(t, k)))
                .collect();
            out.push_str(&format!("- **thresholds (defaults)**: {}\n", th.join(", ")));
        }
        out.push('\n');
    }
    out.push_str(PROFILE_DOC);
    out.push_str(&thresholds_markdown(t));
    out.push_str(PROFILE_CHECKS_DOC);
    out.push_str(NOTICES_DOC);
    for n in NOTICE_CODES {
        out.push_str(&format!("| `{}` | {} ({}) |\n", n.code, n.zh, n.en));
    }
    out.push('\n');
    out.push_str(&json_schema_markdown());
    out.push_str(NEAR_DUP_DOC);
    out
}

fn anchor(id: &str) -> String {
    id.chars().filter(|c| *c != '.').collect()
}

fn threshold_value(t: &super::Thresholds, key: &str) -> String {
    match key {
        "too_few_indicators_count" => t.too_few_indicators_count.to_string(),
        "too_few_indicators_amount" => format!("{} (万元)", t.too_few_indicators_amount),
        "qualitative_share_max" => t.qualitative_share_max.to_string(),
        "satisfaction_min" => format!("{} (%)", t.satisfaction_min),
        "satisfaction_max" => format!("{} (%)", t.satisfaction_max),
        "require_cost" => t.require_cost.to_string(),
        "percent_min" => t.percent_min.to_string(),
        "percent_max" => t.percent_max.to_string(),
        "boilerplate_min_projects" => t.boilerplate_min_projects.to_string(),
        "goal_duplicate_min_chars" => t.goal_duplicate_min_chars.to_string(),
        "goal_duplicate_similarity" => t.goal_duplicate_similarity.to_string(),
        "unit_cost_min_group" => t.unit_cost_min_group.to_string(),
        "unit_cost_outlier_z" => t.unit_cost_outlier_z.to_string(),
        "project_scale_ratio" => t.project_scale_ratio.to_string(),
        "project_scale_min_projects" => t.project_scale_min_projects.to_string(),
        _ => "?".to_string(),
    }
}

const PROFILE_DOC: &str = r#"## Profiles (`--profile FILE.toml`)

A profile overrides the national defaults; every key is optional. See `profiles/national.toml`
(all defaults spelled out) and `profiles/sichuan.toml` (an example provincial profile).

A rule's `severity` sets every finding of that rule, including those a threshold raises:
`[rules.too-few-indicators] severity = "info"` keeps projects above `too_few_indicators_amount` at
info, and `[rules.missing-cost] severity = "info"` wins over `require_cost = true`. Where the two
levels are different findings, they are different rules: a project's cost per unit is `unit-cost`
(info), a cost far from similar projects is `unit-cost-outlier` (warning), so
`[rules.unit-cost-outlier] severity = "error"` fails a build on outliers alone. A profile written
before the outliers had a rule of their own keeps its meaning: `unit-cost-outlier` takes the
`enabled` and `severity` that `[rules.unit-cost]` sets while `[rules.unit-cost-outlier]` says
nothing; any setting of its own (a `severity` alone too) switches it on.

```toml
name = "sichuan"
notices = true                 # report reader notices as info findings

[rules.missing-cost]           # per rule: enabled = true|false, severity = "error"|"warning"|"info"
severity = "warning"

[rules.operator-missing]
enabled = false

[rules."sum-mismatch.row"]     # an id with a dot is quoted (TOML reads dots as nesting)
severity = "warning"

[thresholds]                   # every threshold, at its national default
"#;

/// After the thresholds: what else a profile is checked for.
const PROFILE_CHECKS_DOC: &str = r#"Values are checked before any file is read, and each problem names its line and column: a
threshold is a TOML number (`satisfaction_min = "85"` is refused, as is `true`), a count a whole
number (`3.0` is refused), and each takes the values above; a number beyond what a threshold can
hold (`99999999999999999999`, `1e-300`) is refused as written. A per-cent threshold written as a
fraction is asked whether the per cent was meant (`satisfaction_min = 0.9`: `是否应为 90？`).
A profile that is not UTF-8 (one saved in GBK) is refused with the line and column of the first
byte that is not, and told to be saved as UTF-8. Unknown keys are rejected
with the nearest known key and the keys of that table (`[thresholds] 中没有「satisfaction_mim」这一项，是否应为「satisfaction_min」？`);
so is a `[rules.ID]` whose id is neither a rule nor a reader notice code, with the nearest known
id suggested (`未知规则「missing-satisfacton」，是否应为「missing-satisfaction」？`, with
`--lang en`: ``unknown rule id `missing-satisfacton`; did you mean `missing-satisfaction`?``). An
unquoted dotted id (`[rules.sum-mismatch.row]`) or a group's prefix (`[rules.sum-mismatch]`) is
told to quote the id (`[rules."sum-mismatch.row"]`). An id, key or severity written in another
case (`[rules.MISSING-COST]`, `severity = "ERROR"`) or with `_` for `-` is refused with the one
meant, and so is a severity named in Chinese (`警告`, `错误`, `提示`) or SARIF's `note`. A
TOML syntax error or a key written twice is explained the same way. Every problem is said in the
language of `--lang`, one per line under the line naming the profile.

"#;

const NOTICES_DOC: &str = r#"## Reader notice codes

What a reader had to assume or could not read with full confidence is a notice, reported as an
info finding under its code (with `notices = true`, the default). Two conditions the reader
finds are rules of the catalogue instead, with their own severity, and are reported even with
`notices = false`: `amount-unparseable` and `no-projects`. In a profile a notice code
takes `enabled` and `severity` like a rule id; a setting of its own wins over `notices`, so
`notices = false` with `[rules.unit-row-by-name] enabled = true` (or `severity = "warning"`)
reports that notice alone, e.g.

```toml
[rules.whitespace-outside-item]
enabled = false

[rules.no-projects]
severity = "error"
```

| code | what the reader noticed |
|---|---|
"#;

const NEAR_DUP_DOC: &str = r#"## How near-duplicate goals are found (sub-quadratic)

`goal-duplicate` never compares goals pairwise. Each goal is split into sentences (at `。；;！？`
and line breaks; a leading list number such as `1.` is dropped), Arabic digit runs are masked
(`6个` and `12个` both become `#个`), and every sentence of at least `goal_duplicate_min_chars`
characters is put in a hash map keyed by its masked text. Projects meet only inside a bucket, so
the work is linear in the total length of the goals, plus sorting the (first, later) pairs found
(n log n in the number of findings). With 20 000 goals of one template a pairwise method would
report about 200 million pairs; this reports 19 999 findings (tested). One finding is
reported per pair (first project of the bucket, later project), at the later project's goal,
pointing at the first shared sentence. `boilerplate-indicator` is linear the same way: one map
keyed by (一级, name, value, unit).

Goals written from one template often share no whole sentence: a place name or a phrase differs
inside a long comma-joined sentence (`在东湖街道辖区开展…` / `在西湖街道辖区开展…`). Such goals are
found as wholes by MinHash with locality-sensitive hashing: the character trigrams of the masked
goal (punctuation and spaces left out) are hashed once each into a sketch of 16 minimums
(one-permutation hashing: the trigram's hash picks the slot, its rest competes for the minimum;
an empty slot borrows from the next filled one); the sketch is cut into 4 bands of 4 slots, and a
goal meets, in a hash map per band, the first goal that had the same band. Two goals whose
trigram sets overlap by a Jaccard similarity *J* share a band with probability 1 − (1 − *J*⁴)⁴
(0.98 at *J* = 0.9, 0.75 at 0.8, 0.13 at 0.5). A pair so met whose sketches agree in nearly
`goal_duplicate_similarity` of the 16 slots (three slots of slack: the estimate is coarse) has its
exact *J* computed from the two goals' trigram sets, and is reported when that reaches the
threshold, with the share quoted (`90% 的字词片段相同`). Linear again: one hash per character, four
map look-ups per goal, and an exact comparison only for the few pairs met. A later goal that
already shares a sentence with an earlier one is reported for that, not again.

A goal copied with a phrase added (`…保障师生安全，确保项目顺利实施。`) can fall just under the
threshold: its added trigrams count against *J*. Such a goal holds the other's whole goal, and is
found by containment, linear too: every whole goal (masked, its end punctuation trimmed, at least
`goal_duplicate_min_chars` characters) goes into one hash map by fingerprint; then each goal's
prefixes cut at its last four clause ends (`，；。、,;`) and suffixes cut at its first four (an
added phrase is a clause or a few) are looked up there, a hit confirmed on the two texts. The work
is at most eight hashes of each goal's length, never a pair of goals. The goal reported for
containment is not compared again as a whole.

"#;

/// The schema of `jixiao check --format json`.
pub fn json_schema_markdown() -> String {
    r#"## `jixiao check --format json`

One JSON document on standard output:

```json
{
  "version": 1,
  "findings": [
    {
      "rule": "missing-satisfaction",
      "severity": "warning",
      "location": {
        "file": "tests/fixtures/haizhu-youth-league-2024-project-targets.txt",
        "source": null,
        "sheet": null,
        "row": 13,
        "column": 7,
        "span": { "start": 0, "end": 12 },
        "project": { "index": 1, "name": "驻镇帮镇扶村项目资金" },
        "indicator": null
      },
      "message": "项目「驻镇帮镇扶村项目资金」缺少满意度指标",
      "help": "补充服务对象满意度指标（如 ≥90%）。"
    }
  ],
  "errors": [ { "file": "broken.xlsx", "location": { "sheet": "绩效目标表", "table": null, "row": 15, "column": 2 }, "message": "…" } ],
  "skipped": [ { "file": "tables/notes.md", "reason": "扩展名不在审核之列" } ],
  "summary": { "files": 2, "unreadable": 1, "skipped": 1, "error": 0, "warning": 12, "info": 60, "hidden": 0 }
}
```

- `rule`: a rule id of this document, or a reader notice code.
- `severity`: `error` | `warning` | `info`.
- `location.row` / `location.column`: 1-based line (or sheet row) and field; `span`: byte range
  (UTF-8, end exclusive) inside that cell's text, or `null`. `file`, `sheet` come from the reader.
  For HTML the row is the Nth `<tr>` of the table read (header rows counted), and
  `location.table` (HTML only) is that `<table>`'s 1-based position in the page; the terminal
  names it unless a sheet name does (` --> p.html[表格2]:5:7`, `[table 2]` with `--lang en`).
  A workbook read without `--sheet` is reviewed sheet by sheet: every sheet that holds a
  performance-target table gives its own findings, each naming its `sheet`
  (` --> b.xlsx[下属单位]:12:2`); `summary.files` still counts files (the terminal adds the
  tables: `审核 1 个文件（2 张表）`), and the sheets holding none are named once, in a
  `sheet-not-target` finding of the first table, located at the file alone (`sheet` and
  `table` `null`: it is about the workbook, not the sheet read; so are `sheet-more-targets`
  and `table-more-targets`).
  An HTML page is reviewed likewise `<table>` by `<table>`: every table of the page that is a
  performance-target table gives its own findings, each naming its table (` --> p.html[表格3]:2:7`).
- `location.project`: the project the finding is about, or `null`: `index` (0-based, all
  projects of the table in source order) and `name` as written. `location.indicator`: the item
  number (序号) of the indicator as written in a one-cell 绩效指标 cell (`2` in `2-效益指标：…`),
  or `null` — in the row layouts an indicator has its own row, which `row` gives.
- `location.source`: `null`, or the file that `sheet`, `row` and `column` are in when it is not
  `file`: a JSON document (`jixiao.table/1`) keeps the coordinates of the table it was converted
  from, and `source` is that table's path as the document names it (`""` if it names none).
  The terminal says the same: ` --> s.json (原表 t.txt:12:7)` and `原表第12行 绩效指标`.
- `message`, `help`: in the language of `--lang` (`zh` default, `en`); so is the `message` of
  each of `errors` (where, what, and on a line of its own what to do).
- `errors`: inputs that could not be read (exit code 2). `location` says where the reader
  stopped, as far as it says (`sheet`, `table`, `row`, `column`, each `null` when not known: a
  damaged zip has none, an amount that is no number has all); SARIF gives the same in the
  notification's location `properties`. When there is nothing to review at all
  (only directories were given, and none holds a file jixiao reviews), the document is written
  all the same, with each directory given as an entry of `errors` (`file`: the directory,
  `message`: `在 e 中没有找到可审核的文件（…）` / `no file to review found in e; …`), the
  files met in them under `skipped`, and `summary.files` 0; the exit code is 2 and standard
  error says it too. A `--profile` that cannot be used (unknown rule id, value out of range,
  TOML syntax) gives the document too, nothing reviewed, the profile the one entry of `errors`
  (`file`: its path, `message`: every problem with it, `location.row` and `location.column`:
  its first problem's line and column); exit code 2, and SARIF an `error` notification. `summary.unreadable` counts the entries of `errors` and
  `summary.error` counts error findings only; the terminal summary line counts an unreadable file
  among its errors and says so (`错误 1（其中 1 个文件无法读取）` / `1 error (1 unreadable)`).
- `summary.hidden`: findings left out by `--min-severity` (not in `findings`, not in the other
  counts). `--min-severity` only hides: a hidden finding at or above `--deny` still makes the exit
  code 1, and the terminal summary says how many were hidden (`（另有 74 条低于 --min-severity 的问题未显示）`).
- `skipped`: files a directory scan met and did not review (another extension, a PDF, or JSON
  that does not name the `jixiao.table` schema, such as a check report), each with why (in the language of `--lang`); `summary.skipped` counts them. They do not change the exit code. On the terminal,
  standard error names each PDF, such JSON (and DOC/DOCX/WPS/ET/OFD) and counts the others.

## `jixiao check --format sarif`

SARIF 2.1.0. `runs[0].tool.driver.rules` lists the rules, then the reader notice codes, each
with its `defaultConfiguration` as the profile sets it: `level` (`error` | `warning` | `note`)
and `enabled` (`false` for a rule switched off, and for every notice code under
`notices = false`). Each result has `ruleId`, `ruleIndex`, `level`, `message.text` and one
location:

```json
{
  "physicalLocation": {
    "artifactLocation": { "uri": "tests/fixtures/haizhu-youth-league-2024-project-targets.txt" },
    "region": { "startLine": 12 }
  },
  "properties": {
    "row": 12, "column": 7, "columnName": "绩效指标", "span": { "start": 56, "end": 66 }
  }
}
```

- `region.startLine` is given only for delimited text, where the row is a line of the file (the
  line its record starts on). No `startColumn`: a table field is not a character column.
- `properties` holds the table coordinates: `row`, `column` (the field, 1-based), `columnName`
  (its header), `span` (UTF-8 byte range in the cell, as in the JSON output) and `sheet`.
- A workbook (XLSX, XLS, ODS) has no text lines: no `region`; its sheet is also given as
  `logicalLocations: [{ "name": "绩效目标表", "kind": "sheet" }]`.
- HTML rows are rows of a `<table>`, not lines of the page: no `region`; `properties.table`
  names the table (1-based, page order), and a sheet named by the page (a workbook saved as
  HTML) is given as for a workbook.
- Inputs that could not be read are `invocations[0].toolExecutionNotifications` of level
  `error` (`executionSuccessful` is then `false`); files a directory scan skipped are
  notifications of level `note` with `properties.kind = "skipped"`. With nothing to review at
  all the log is written the same way: no results, each directory given an `error`
  notification (its `artifactLocation` the directory), the files met there `note`s; exit code 2.
- A finding of a JSON document (`jixiao.table/1`) is located in the original table the document
  names: that file is the `artifactLocation` (with `region.startLine` if it is delimited text),
  and the JSON document reviewed is the result's `analysisTarget` — SARIF's own way of saying
  that a result lies in another file than the one analysed (§3.27.13, like a header file
  included by a C file). Viewers then open the file the row and column belong to; a document
  that names no original keeps itself as the artifact, without a region.
- `uri` is a URI reference (RFC 3986) to the file reviewed: each byte a URI path may not hold
  percent-encoded as UTF-8 (`海珠 区/表 #1.txt` is
  `%E6%B5%B7%E7%8F%A0%20%E5%8C%BA/%E8%A1%A8%20%231.txt`); a relative path whose first segment
  holds a colon starts with `./` (`./12:30.tsv`, not a scheme `12:`), `//tmp/x` is `/tmp/x`, and a
  backslash is part of a name (`%5C`) except on Windows, where it separates folders.
- Findings left out by `--min-severity` (which `--deny` still counts) are counted in the run's
  `properties.hidden` and said in a `note` notification with `properties.kind = "hidden"`.
- A rule's `shortDescription`, `fullDescription` and `help` (the fix, then its basis) are in the
  language of `--lang`; the basis cites Chinese documents and practice, which `--lang en` gives as
  cited (`basis (Chinese sources, as cited): 表格定义 (table definition)`).

"#
    .to_string()
}
