//! Machine output: `--format json` (schema in docs/rules.md) and SARIF 2.1.0.

use super::collect::Skipped;
use super::{Counts, FileReport, Lang};
use jixiao_core::review::profile::NOTICE_CODES;
use jixiao_core::review::{Message, Messages, Profile, Severity, RULES};
use jixiao_core::Span;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;

/// A message serialised as a JSON string straight from its template: no
/// intermediate `String` per finding.
struct Text<'a> {
    messages: &'a Messages<'a>,
    message: &'a Message,
    lang: Lang,
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.messages.display(self.message, self.lang.core()))
    }
}

#[derive(Serialize)]
struct JsonProject<'a> {
    index: u32,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
    skipped: Vec<JsonSkipped<'a>>,
    summary: Counts,
}

/// A file a directory scan left out, and why.
#[derive(Serialize)]
struct JsonSkipped<'a> {
    file: String,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'static str,
    location: JsonLocation<'a>,
    message: Text<'a>,
    help: &'static str,
}

#[derive(Serialize)]
struct JsonLocation<'a> {
    file: &'a str,
    /// The file `sheet`, `row` and `column` are in when it is not `file`: the
    /// original table named in a JSON document (`""` if it names none).
    source: Option<&'a str>,
    sheet: Option<&'a str>,
    /// The `<table>` of an HTML page whose rows `row` counts (HTML only).
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<u32>,
    row: Option<u32>,
    column: Option<u32>,
    span: Option<Span>,
    project: Option<JsonProject<'a>>,
    indicator: Option<u32>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    file: &'a str,
    /// Where the reader stopped, as far as it says (each part or `null`).
    location: JsonErrorPlace<'a>,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonErrorPlace<'a> {
    sheet: Option<&'a str>,
    table: Option<u32>,
    row: Option<u32>,
    column: Option<u32>,
}

/// Write the JSON document (schema in docs/rules.md), serialised straight from borrowed data.
///
/// The findings (hundreds of thousands for a large table) are rendered in
/// parallel batches, each finding pretty-printed at its depth in the
/// document, and written between the document's other parts: the bytes are
/// those `serde_json::to_writer_pretty` gives for the whole document.
pub fn write_json(
    out: &mut impl Write,
    reports: &[FileReport],
    skipped: &[Skipped],
    counts: &Counts,
    lang: Lang,
) -> anyhow::Result<()> {
    let errors = reports
        .iter()
        .filter_map(|r| {
            r.error.as_ref().map(|e| {
                let at = r.error_at.as_ref();
                JsonError {
                    file: &r.path,
                    location: JsonErrorPlace {
                        sheet: at.and_then(|l| l.sheet.as_deref()),
                        table: at.and_then(|l| l.table),
                        row: at.and_then(|l| l.row),
                        column: at.and_then(|l| l.col),
                    },
                    message: e.get(lang.core()),
                }
            })
        })
        .collect();
    let doc = JsonDoc {
        version: 1,
        findings: Vec::new(),
        errors,
        skipped: skipped
            .iter()
            .map(|s| JsonSkipped {
                file: s.path.display().to_string(),
                reason: s.reason(lang),
            })
            .collect(),
        summary: *counts,
    };
    // `version` comes first: the first `"findings": []` is the document's own.
    write_with_elements(out, &doc, "findings", 1, reports, |r, m, chunk, buf| {
        for s in chunk {
            let f = &s.finding;
            let whole = super::about_the_file(&f.rule);
            element(
                buf,
                &JsonFinding {
                    rule: &f.rule,
                    severity: f.severity.as_str(),
                    location: JsonLocation {
                        file: &r.path,
                        source: r.origin.as_deref(),
                        sheet: r.sheet.as_deref().filter(|_| !whole),
                        table: r.table_index.filter(|_| !whole),
                        row: f.location.row,
                        column: f.location.col,
                        span: f.location.span,
                        project: f.location.project.map(|index| JsonProject {
                            index,
                            name: r.project_name(m, index),
                        }),
                        indicator: f.location.indicator,
                    },
                    message: Text {
                        messages: m,
                        message: &f.message,
                        lang,
                    },
                    help: f.help(lang.core()),
                },
            )?;
        }
        Ok(())
    })
}

/// Findings one thread renders into one buffer.
const CHUNK: usize = 1024;

/// Rendered elements of an array, `,\n`-separated (in `Elements::buf`).
struct Elements {
    buf: Vec<u8>,
    /// Scratch for one element before it is indented.
    one: Vec<u8>,
    /// Spaces before each line of an element (two per level of depth).
    indent: usize,
}

/// Pretty-print `value` as the next element of the array, after a `,\n`
/// unless it is the first of `out`.
fn element(out: &mut Elements, value: &impl Serialize) -> serde_json::Result<()> {
    out.one.clear();
    serde_json::to_writer_pretty(&mut out.one, value)?;
    if !out.buf.is_empty() {
        out.buf.extend_from_slice(b",\n");
    }
    let indent = out.indent;
    out.buf.resize(out.buf.len() + indent, b' ');
    // A JSON text holds no raw newline inside strings: each newline starts
    // a line of the element.
    for line in out.one.split_inclusive(|&b| b == b'\n') {
        out.buf.extend_from_slice(line);
        if line.ends_with(b"\n") {
            out.buf.resize(out.buf.len() + indent, b' ');
        }
    }
    Ok(())
}

/// Write `frame` pretty-printed with the array under `key` (empty in
/// `frame`, at `depth`) filled with every finding of `reports`, each made an
/// element by `render` in parallel batches: the bytes
/// `serde_json::to_writer_pretty` gives for the whole document, without
/// holding hundreds of thousands of findings' values or text at once.
/// `key` must be the first key of that name in `frame`, and `"key": []` must
/// not occur before it (JSON strings escape their quotes, so only a key can
/// match).
fn write_with_elements(
    out: &mut impl Write,
    frame: &impl Serialize,
    key: &str,
    depth: usize,
    reports: &[FileReport],
    render: impl Fn(&FileReport, &Messages<'_>, &[super::Shown], &mut Elements) -> serde_json::Result<()>
        + Sync,
) -> anyhow::Result<()> {
    let frame = serde_json::to_string_pretty(frame)?;
    let empty = format!("\"{key}\": []");
    let Some(at) = frame.find(&empty) else {
        anyhow::bail!("the JSON frame has no empty \"{key}\"");
    };
    if reports.iter().all(|r| r.findings.is_empty()) {
        out.write_all(frame.as_bytes())?;
        writeln!(out)?;
        return Ok(());
    }
    out.write_all(&frame.as_bytes()[..at])?;
    writeln!(out, "\"{key}\": [")?;
    let mut first = true;
    for r in reports {
        let m = r.messages();
        super::render::in_order(
            &r.findings,
            CHUNK,
            |chunk| {
                let mut e = Elements {
                    buf: Vec::with_capacity(chunk.len() * 800),
                    one: Vec::with_capacity(1024),
                    // The array's key is at `depth`, its elements one deeper.
                    indent: 2 * (depth + 1),
                };
                render(r, &m, chunk, &mut e).map(|()| e.buf)
            },
            |buf| {
                if !first {
                    out.write_all(b",\n")?;
                }
                first = false;
                Ok(out.write_all(&buf)?)
            },
        )?;
    }
    out.write_all(b"\n")?;
    out.write_all(&vec![b' '; 2 * depth])?;
    out.write_all(b"]")?;
    out.write_all(&frame.as_bytes()[at + empty.len()..])?;
    writeln!(out)?;
    Ok(())
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference (RFC 3986, as SARIF's `uri-reference` asks):
/// every byte outside the characters a URI path may hold is
/// percent-encoded, so `海珠 区/表 #1%.txt` is
/// `%E6%B5%B7%E7%8F%A0%20%E5%8C%BA/%E8%A1%A8%20%231%25.txt`. The reference
/// resolves to the file reviewed: a relative path whose first segment holds
/// a colon (`12:30.tsv`) starts with `./`, or it would read as a scheme
/// (RFC 3986 §4.2); `//tmp/x` is `/tmp/x`, not a host `tmp`; a backslash is
/// a separator on Windows only, elsewhere a character of the name.
fn uri(path: &str) -> String {
    let path = if cfg!(windows) {
        std::borrow::Cow::Owned(path.replace('\\', "/"))
    } else {
        std::borrow::Cow::Borrowed(path)
    };
    let path: &str = if path.starts_with("//") {
        &path[path.len() - path.trim_start_matches('/').len() - 1..]
    } else {
        &path
    };
    let first = path.split('/').next().unwrap_or("");
    let colon_first = !path.starts_with('/') && first.contains(':');
    let encoded = encode_path(path);
    // A Windows drive (`C:/…`) is an absolute file URI.
    let drive = first.len() == 2
        && first.ends_with(':')
        && first.starts_with(|c: char| c.is_ascii_alphabetic());
    if cfg!(windows) && drive {
        format!("file:///{encoded}")
    } else if colon_first {
        format!("./{encoded}")
    } else {
        encoded
    }
}

fn encode_path(path: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
    /// Not allowed in a URI path, or meaning something else there.
    const NOT_IN_PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b']')
        .add(b'\\')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}');
    utf8_percent_encode(path, NOT_IN_PATH).to_string()
}

/// The `defaultConfiguration` of a rule or notice code under the profile:
/// its level, and whether it runs at all.
fn configuration(enabled: bool, severity: Severity) -> Value {
    json!({ "enabled": enabled, "level": level(severity) })
}

/// SARIF 2.1.0. A finding's row and field are table coordinates, not text
/// positions: they go into the location's `properties` (`row`, `column`,
/// `columnName`, `span`, `sheet`). Only where the row is a line of the file
/// itself (delimited text) does the location carry `region.startLine`; no
/// `startColumn` is given, since a field number is not a character column.
/// A workbook's sheet is also a logical location. An HTML page's rows are
/// rows of one `<table>` (`properties.table`), not lines: no region.
///
/// The results are serialised one by one straight from the findings, as the
/// JSON document is: a large table yields hundreds of thousands of results,
/// and a tree of `serde_json::Value`s for them took gigabytes. Object keys
/// are written in alphabetical order, as the format was first written.
pub fn write_sarif(
    out: &mut impl Write,
    reports: &[FileReport],
    skipped: &[Skipped],
    counts: &Counts,
    lang: Lang,
    profile: &Profile,
) -> anyhow::Result<()> {
    // Catalogue rules first, then the reader's notice codes, each with its
    // index, configured as the profile has them.
    let mut rules: Vec<Value> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for r in RULES {
        index.insert(r.id.to_string(), rules.len());
        let short = match lang {
            Lang::Zh => r.message,
            Lang::En => r.message_en,
        };
        let (full, fix) = (r.explanation_in(lang.core()), r.fix_in(lang.core()));
        let basis = match lang {
            Lang::Zh => "依据",
            Lang::En => "basis (Chinese sources, as cited)",
        };
        rules.push(json!({
            "id": r.id,
            "shortDescription": { "text": short },
            "fullDescription": { "text": full },
            "help": { "text": format!("{fix} — {basis}: {}", r.basis_in(lang.core())) },
            "defaultConfiguration": configuration(
                profile.enabled(r.id),
                profile.severity(r.id, r.severity),
            ),
        }));
    }
    let notice_rule = |code: &str, text: &str| {
        json!({
            "id": code,
            "shortDescription": { "text": text },
            "defaultConfiguration": configuration(
                profile.notice_enabled(code),
                profile.severity(code, Severity::Info),
            ),
            "properties": { "kind": "reader-notice" },
        })
    };
    for n in NOTICE_CODES {
        index.insert(n.code.to_string(), rules.len());
        let text = match lang {
            Lang::Zh => format!("读取提示：{}", n.zh),
            Lang::En => format!("reader notice: {}", n.en),
        };
        rules.push(notice_rule(n.code, &text));
    }
    // A code no reader of this version emits (a table read from JSON): a
    // rule of its own, after the known ones, in the order first met.
    for f in reports.iter().flat_map(|r| &r.findings) {
        let code = f.finding.rule.as_ref();
        if !index.contains_key(code) {
            index.insert(code.to_string(), rules.len());
            let text = match lang {
                Lang::Zh => "读取提示",
                Lang::En => "reader notice",
            };
            rules.push(notice_rule(code, text));
        }
    }
    let mut notifications = Vec::new();
    for rep in reports {
        if let Some(e) = &rep.error {
            // Where the reader stopped, as a finding's location says it:
            // table coordinates in the location's properties.
            let mut place = serde_json::Map::new();
            if let Some(at) = &rep.error_at {
                let parts = [
                    ("sheet", at.sheet.clone().map(Value::from)),
                    ("table", at.table.map(Value::from)),
                    ("row", at.row.map(Value::from)),
                    ("column", at.col.map(Value::from)),
                ];
                for (key, value) in parts {
                    if let Some(v) = value {
                        place.insert(key.to_string(), v);
                    }
                }
            }
            let mut location =
                json!({ "physicalLocation": { "artifactLocation": { "uri": uri(&rep.path) } } });
            if !place.is_empty() {
                location["properties"] = Value::Object(place);
            }
            notifications.push(json!({
                "level": "error",
                "message": { "text": e.get(lang.core()) },
                "locations": [location],
            }));
        }
    }
    // Only unreadable inputs make the run unsuccessful; skipped files are notes.
    let successful = notifications.is_empty();
    for s in skipped {
        notifications.push(json!({
            "level": "note",
            "message": { "text": s.reason(lang) },
            "locations": [{ "physicalLocation": {
                "artifactLocation": { "uri": uri(&s.path.display().to_string()) }
            } }],
            "properties": { "kind": "skipped" },
        }));
    }
    // Findings --min-severity left out still count for --deny: a run that
    // fails on them says so, or a code-scanning page shows no alert on a red
    // build.
    if counts.hidden > 0 {
        let text = match lang {
            Lang::Zh => format!(
                "另有 {} 条低于 --min-severity 的问题未列出（--deny 仍计入这些问题）",
                counts.hidden
            ),
            Lang::En => format!(
                "{} finding(s) below --min-severity are not listed (--deny still counts them)",
                counts.hidden
            ),
        };
        notifications.push(json!({
            "level": "note",
            "message": { "text": text },
            "properties": { "kind": "hidden", "count": counts.hidden },
        }));
    }
    let doc = SarifDoc {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [SarifRun {
            column_kind: "unicodeCodePoints",
            properties: (counts.hidden > 0).then(|| json!({ "hidden": counts.hidden })),
            invocations: [json!({
                "executionSuccessful": successful,
                "toolExecutionNotifications": notifications,
            })],
            results: Vec::new(),
            tool: json!({ "driver": {
                "name": "jixiao",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
        }],
        version: "2.1.0",
    };
    // Before `results` come `$schema`, `columnKind` and `invocations`.
    write_with_elements(
        out,
        &doc,
        "results",
        3,
        reports,
        |rep, messages, chunk, buf| {
            let artifact = uri(&rep.path);
            // A JSON document's findings are located in the original table it
            // names: that file is the result's artifact (and its lines are
            // lines, if it is delimited text), the document reviewed is the
            // `analysisTarget` (SARIF §3.27.13: a result in another file than
            // the one analysed, like a header file included by a C file).
            let original = rep.origin.as_deref().filter(|o| !o.is_empty());
            let physical_uri = original.map(uri);
            // No line of an original that the document does not name.
            let lines = rep.rows_are_lines && rep.origin.as_deref() != Some("");
            for shown in chunk {
                let f = &shown.finding;
                let whole = super::about_the_file(&f.rule);
                let sheet = rep.sheet.as_deref().filter(|_| !whole);
                let column_name = f.location.col.and_then(|col| {
                    rep.columns
                        .iter()
                        .find(|(c, _)| *c == col)
                        .map(|(_, name)| name.as_str())
                });
                let properties = SarifPlace {
                    column: f.location.col,
                    column_name,
                    row: f.location.row,
                    sheet,
                    span: f.location.span.map(|s| SarifSpan {
                        end: s.end,
                        start: s.start,
                    }),
                    table: rep.table_index.filter(|_| !whole),
                };
                let result = SarifResult {
                    analysis_target: original.map(|_| SarifArtifact { uri: &artifact }),
                    level: level(f.severity),
                    locations: [SarifLocation {
                        logical_locations: sheet.map(|name| {
                            [SarifLogical {
                                kind: "sheet",
                                name,
                            }]
                        }),
                        physical_location: SarifPhysical {
                            artifact_location: SarifArtifact {
                                uri: physical_uri.as_deref().unwrap_or(&artifact),
                            },
                            region: f
                                .location
                                .row
                                .filter(|_| lines)
                                .map(|start_line| SarifRegion { start_line }),
                        },
                        properties: (!properties.is_empty()).then_some(properties),
                    }],
                    message: SarifMessage {
                        text: Text {
                            messages,
                            message: &f.message,
                            lang,
                        },
                    },
                    rule_id: &f.rule,
                    rule_index: index.get(f.rule.as_ref()).copied().unwrap_or(0),
                };
                element(buf, &result)?;
            }
            Ok(())
        },
    )
}

#[derive(Serialize)]
struct SarifDoc {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [SarifRun; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun {
    column_kind: &'static str,
    invocations: [Value; 1],
    /// `hidden`: findings left out by --min-severity, when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Value>,
    /// Empty here: written by `write_with_elements`.
    results: Vec<Value>,
    tool: Value,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis_target: Option<SarifArtifact<'a>>,
    level: &'static str,
    locations: [SarifLocation<'a>; 1],
    message: SarifMessage<'a>,
    rule_id: &'a str,
    rule_index: usize,
}

#[derive(Serialize)]
struct SarifArtifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[SarifLogical<'a>; 1]>,
    physical_location: SarifPhysical<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<SarifPlace<'a>>,
}

#[derive(Serialize)]
struct SarifLogical<'a> {
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysical<'a> {
    artifact_location: SarifArtifact<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<SarifRegion>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: u32,
}

/// The table coordinates of a result (`properties` of its location).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPlace<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<SarifSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<u32>,
}

impl SarifPlace<'_> {
    fn is_empty(&self) -> bool {
        self.column.is_none()
            && self.row.is_none()
            && self.sheet.is_none()
            && self.span.is_none()
            && self.table.is_none()
    }
}

#[derive(Serialize)]
struct SarifSpan {
    end: u32,
    start: u32,
}

#[derive(Serialize)]
struct SarifMessage<'a> {
    text: Text<'a>,
}

#[cfg(test)]
mod tests {
    use super::uri;

    /// Each URI is a reference that resolves to the file reviewed (ur16 S1).
    #[test]
    fn uris_resolve_to_the_file_named() {
        assert_eq!(uri("t.tsv"), "t.tsv");
        assert_eq!(uri("colon:first.tsv"), "./colon:first.tsv");
        assert_eq!(uri("项目:2024.tsv"), "./%E9%A1%B9%E7%9B%AE:2024.tsv");
        assert_eq!(uri("dir/12:30.tsv"), "dir/12:30.tsv");
        assert_eq!(uri("/tmp/a:b.tsv"), "/tmp/a:b.tsv");
        assert_eq!(uri("//tmp/x.tsv"), "/tmp/x.tsv");
        assert_eq!(uri("a [1] #2?.tsv"), "a%20%5B1%5D%20%232%3F.tsv");
        if cfg!(windows) {
            assert_eq!(uri("C:\\x.tsv"), "file:///C:/x.tsv");
        } else {
            assert_eq!(uri("back\\slash.tsv"), "back%5Cslash.tsv");
        }
    }
}
