//! Writers: snapshots of every format, round trips, formula injection, and a
//! LibreOffice cross-check of the XLSX output.

mod common;

use common::{dec, row_family_table, sample_table_handbuilt, sample_text};
use jixiao_core::{LayoutFamily, Table};
use jixiao_formats::write::{
    self, csv_long, html, json, read_json, tsv, xlsx, OutputFormat, WriteOptions,
};
use std::io::Cursor;
use std::path::Path;

/// The sample as read by the real reader (`read_path`), its path made relative
/// so snapshots do not depend on the checkout. A reader failure fails the test.
fn sample() -> Table {
    let mut t = jixiao_formats::read_path(&common::sample_path(), &Default::default())
        .unwrap_or_else(|e| panic!("the sample must read: {e}"));
    t.source.path = format!("tests/fixtures/{}", common::SAMPLE_NAME);
    t
}

/// The reader's table of the sample equals the hand-built model (GUIDE §1), so
/// the writer snapshots hold for both.
#[test]
fn reader_sample_equals_handbuilt_fixture() {
    let read = sample();
    let hand = sample_table_handbuilt();
    if read != hand {
        let a = json::to_json_string(&read).unwrap();
        let b = json::to_json_string(&hand).unwrap();
        let diff: Vec<String> = a
            .lines()
            .zip(b.lines())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .take(10)
            .map(|(i, (x, y))| format!("line {}: read {x} / hand-built {y}", i + 1))
            .collect();
        panic!("reader and hand-built sample differ:\n{}", diff.join("\n"));
    }
}

fn render(table: &Table, format: OutputFormat, opts: &WriteOptions) -> Vec<u8> {
    let mut out = Vec::new();
    write::write(table, format, opts, &mut out).expect("write succeeds");
    out
}

fn utf8(b: Vec<u8>) -> String {
    String::from_utf8(b).expect("utf-8 output")
}

// ---------------------------------------------------------------- formats

#[test]
fn output_format_parses_names_and_extensions() {
    assert_eq!("JSON".parse::<OutputFormat>().unwrap(), OutputFormat::Json);
    assert_eq!("txt".parse::<OutputFormat>().unwrap(), OutputFormat::Tsv);
    assert_eq!("htm".parse::<OutputFormat>().unwrap(), OutputFormat::Html);
    assert_eq!(
        OutputFormat::from_path(Path::new("a/b.xlsx")),
        Some(OutputFormat::Xlsx)
    );
    let err = "pdf".parse::<OutputFormat>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "写出失败：未知的输出格式「pdf」，可选 json、csv、xlsx、html、tsv"
    );
    assert_eq!(
        err.render(jixiao_core::Lang::English),
        "write failed: unknown output format “pdf”; use json, csv, xlsx, html or tsv"
    );
    for f in OutputFormat::ALL {
        assert_eq!(f.extension().parse::<OutputFormat>().unwrap(), f);
    }
}

// ---------------------------------------------------------------- TSV

#[test]
fn tsv_reproduces_the_sample_byte_for_byte() {
    let table = sample();
    let out = render(&table, OutputFormat::Tsv, &WriteOptions::default());
    let original = std::fs::read(common::sample_path()).unwrap();
    assert_eq!(out.len(), original.len());
    assert!(out == original, "TSV write-back differs from the sample");
}

#[test]
fn tsv_handbuilt_sample_also_round_trips() {
    assert_eq!(tsv::to_tsv_string(&sample_table_handbuilt()), sample_text());
}

#[test]
fn tsv_final_newline_follows_the_source() {
    let mut t = sample_table_handbuilt();
    t.source.final_newline = Some(true);
    assert_eq!(tsv::to_tsv_string(&t), format!("{}\n", sample_text()));
}

#[test]
fn tsv_indicator_cell_falls_back_to_grammar_format() {
    let mut t = sample_table_handbuilt();
    for u in &mut t.units {
        for p in &mut u.projects {
            p.indicator_cell = None;
        }
    }
    // The sample's cells are canonical, so formatting the items gives them back.
    let s = tsv::to_tsv_string(&t);
    let orig = sample_text();
    let cells = |s: &str| -> Vec<String> {
        s.lines()
            .skip(9)
            .map(|l| l.split('\t').nth(6).unwrap_or("").to_string())
            .collect()
    };
    let (got, want) = (cells(&s), cells(&orig));
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
}

#[test]
fn tsv_row_family_in_seven_columns() {
    let t = row_family_table();
    let s = tsv::to_tsv_string(&t);
    for (i, line) in s.lines().enumerate().skip(6) {
        assert_eq!(
            line.split('\t').count(),
            7,
            "line {} has 7 fields: {line}",
            i + 1
        );
    }
    assert!(s.ends_with('\n'));
    insta::assert_snapshot!("tsv_row_family", s);
}

#[test]
fn tsv_cleans_tabs_and_newlines_inside_cells() {
    let mut t = row_family_table();
    t.units[0].projects[0].goal = Some("第一行\n第二行\t第三列".into());
    let s = tsv::to_tsv_string(&t);
    assert!(s.contains("第一行 第二行 第三列"));
    for line in s.lines().skip(6) {
        assert_eq!(line.split('\t').count(), 7);
    }
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_sample_snapshot() {
    let s = json::to_json_string(&sample()).unwrap();
    assert!(s.starts_with("{\n  \"schema\": \"jixiao.table/1\","));
    assert!(
        s.contains("\"total\": \"552.50\""),
        "amounts are exact strings"
    );
    insta::assert_snapshot!("json_sample", s);
}

#[test]
fn json_row_family_snapshot() {
    let s = json::to_json_string(&row_family_table()).unwrap();
    insta::assert_snapshot!("json_row_family", s);
}

#[test]
fn json_round_trips_both_families() {
    for t in [sample_table_handbuilt(), row_family_table(), sample()] {
        for pretty in [true, false] {
            let opts = WriteOptions {
                json_pretty: pretty,
                ..WriteOptions::default()
            };
            let bytes = render(&t, OutputFormat::Json, &opts);
            let back = read_json(&bytes).expect("read back");
            assert_eq!(back, t);
            // precision survives
            assert_eq!(
                back.grand_total
                    .as_ref()
                    .and_then(|g| g.funding.total)
                    .map(|d| d.to_string()),
                t.grand_total
                    .as_ref()
                    .and_then(|g| g.funding.total)
                    .map(|d| d.to_string())
            );
        }
    }
}

#[test]
fn json_round_trips_graded_missing_targets_and_notices() {
    use jixiao_core::{Notice, Origin, Target};
    // Built through serde so the test does not depend on how `Graded` stores its grades.
    let q = |v: &str| serde_json::json!({"op": "ge", "op_raw": "≥", "value": v, "value_hi": null, "unit": "%"});
    let graded: Target = serde_json::from_value(serde_json::json!({
        "kind": "graded", "you": q("100"), "liang": q("90"), "zhong": q("85"), "cha": null
    }))
    .unwrap();
    let mut t = row_family_table();
    let inds = &mut t.units[0].projects[0].indicators;
    inds[0].target = graded;
    inds[1].target = Target::Missing;
    inds[1]
        .columns
        .get_or_insert_with(Default::default)
        .direction_stated = Some(jixiao_core::Direction::LowerBetter);
    t.money_scale = jixiao_core::MoneyScale::Yuan;
    t.notices.push(Notice::new(
        Some(Origin::new(3, 2)),
        "encoding-detected",
        "编码按 GB18030 读取".into(),
        "decoded as GB18030".into(),
    ));
    let bytes = render(&t, OutputFormat::Json, &WriteOptions::default());
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"kind\": \"graded\"") && text.contains("\"kind\": \"missing\""));
    assert_eq!(read_json(&bytes).unwrap(), t);
}

/// A notice keeps its Chinese text in `message` and its English text in
/// `message_en`; a document written before the two were kept apart (no
/// `message_en`) still reads, its one message shown in both languages.
#[test]
fn json_notices_have_both_languages_and_old_documents_read() {
    use jixiao_core::review::Lang;
    use jixiao_core::{Notice, Origin};
    let mut t = row_family_table();
    t.notices.push(Notice::new(
        Some(Origin::new(3, 2)),
        "row-note",
        "第3行：「注」是表外说明或签字栏，未读入".into(),
        "row 3: “注” is a note or signature line outside the table; not read".into(),
    ));
    let bytes = render(&t, OutputFormat::Json, &WriteOptions::default());
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"message\": \"第3行：「注」是表外说明或签字栏，未读入\""));
    assert!(text.contains("\"message_en\": \"row 3: “注” is a note or signature line"));

    // The same document as an older jixiao wrote it: no `message_en`.
    let old: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"message_en\""))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace("未读入\",\n", "未读入\"\n");
    assert!(!old.contains("message_en"));
    let read = read_json(old.as_bytes()).unwrap_or_else(|e| panic!("an old document reads: {e}"));
    let n = read.notices.last().unwrap();
    assert_eq!(n.message, "第3行：「注」是表外说明或签字栏，未读入");
    assert!(n.message_en.is_empty());
    assert_eq!(n.text(Lang::English), n.message);
    assert_eq!(n.text(Lang::Zh), n.message);
    // Written again, it stays without `message_en`.
    let again =
        String::from_utf8(render(&read, OutputFormat::Json, &WriteOptions::default())).unwrap();
    assert!(!again.contains("message_en"));
}

#[test]
fn a_json_file_is_read_as_json_by_name_or_by_its_brace() {
    // docs/json.md: a document without `schema` is told so, whatever it holds,
    // never sniffed as a delimited table ("no recognisable header").
    let opts = jixiao_formats::ReadOptions::default();
    for (name, doc) in [
        ("x.json", &b"{\"a\":1}"[..]),
        ("x.json", b"\xEF\xBB\xBF  {\"a\": 1}\n"),
        ("x.txt", b"{\"a\":1}"),
        ("x.json", b"[1, 2]"),
        ("x.json", b"\"text\""),
    ] {
        let e = jixiao_formats::read_bytes(name, doc, &opts)
            .unwrap_err()
            .to_string();
        assert!(e.contains("缺少 \"schema\""), "{name} {doc:?}: {e}");
        assert!(e.starts_with(name), "{e}");
        assert!(!e.contains("表头"), "{e}");
    }
    for (name, doc) in [("x.json", &b"a\tb\n"[..]), ("x.txt", b"{\"a\":")] {
        let e = jixiao_formats::read_bytes(name, doc, &opts)
            .unwrap_err()
            .to_string();
        assert!(e.contains("不是合法的 JSON"), "{name} {doc:?}: {e}");
    }
    let e = jixiao_formats::read_bytes("x.json", b"{\"schema\": \"other/2\"}", &opts)
        .unwrap_err()
        .to_string();
    assert!(e.contains("不支持的 schema"), "{e}");
}

#[test]
fn read_json_rejects_foreign_documents_clearly() {
    let e = read_json(b"{\"title\": \"x\"}").unwrap_err().to_string();
    assert!(e.contains("schema"), "{e}");
    let e = read_json(b"{\"schema\": \"other/2\"}")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("不支持的 schema") && e.contains("other/2"),
        "{e}"
    );
    let e = read_json(b"{\n  \"schema\": \"jixiao.table/1\",\n  oops\n}").unwrap_err();
    assert_eq!(e.location().and_then(|l| l.row), Some(3), "{e}");
    let e = read_json(b"{\"schema\": \"jixiao.table/1\", \"units\": 5}")
        .unwrap_err()
        .to_string();
    assert!(e.contains("JSON 内容与表格模型不符"), "{e}");
    // Not an object, or a tag that is no string: no schema tag.
    for doc in [&b"[1, 2]"[..], b"{\"schema\": 5}", b"\"text\""] {
        let e = read_json(doc).unwrap_err().to_string();
        assert!(e.contains("缺少 \"schema\""), "{e}");
    }
    // Not JSON, even where serde meets a missing field first.
    for doc in [
        &b"{\"schema\":\"jixiao.table/1\"} x"[..],
        b"{\"schema\":\"jixiao.table/1\"}{\"schema\":\"jixiao.table/1\"}",
        b"{\"schema\":5,\"units\":[",
    ] {
        let e = read_json(doc).unwrap_err().to_string();
        assert!(e.contains("不是合法的 JSON"), "{e}");
    }
    // Arrays carry no schema tag.
    for doc in [&b"[\"jixiao.table/9\"]"[..], b"[\"jixiao.table/1\"]"] {
        let e = read_json(doc).unwrap_err().to_string();
        assert!(e.contains("缺少 \"schema\""), "{e}");
    }
    // A whole table under another tag is refused, not read.
    let doc = String::from_utf8(render(
        &row_family_table(),
        OutputFormat::Json,
        &WriteOptions::default(),
    ))
    .unwrap()
    .replacen("jixiao.table/1", "jixiao.table/9", 1);
    let e = read_json(doc.as_bytes()).unwrap_err().to_string();
    assert!(e.contains("不支持的 schema「jixiao.table/9」"), "{e}");
    let bytes = render(
        &row_family_table(),
        OutputFormat::Json,
        &WriteOptions::default(),
    );
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(bytes);
    assert_eq!(read_json(&with_bom).unwrap(), row_family_table());
}

// ---------------------------------------------------------------- CSV

fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_sample_snapshot() {
    let bytes = render(&sample(), OutputFormat::Csv, &WriteOptions::default());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM by default");
    let rows = parse_csv(&bytes);
    assert_eq!(rows.len(), 1 + 29, "header + one row per indicator");
    // Every column but 指标方向性, which no indicator of the sample states.
    assert_eq!(csv_long::HEADERS_ZH.len(), 24);
    assert!(rows
        .iter()
        .all(|r| r.len() == csv_long::HEADERS_ZH.len() - 1));
    assert!(!rows[0].iter().any(|h| h == "指标方向性"));
    assert_eq!(rows[1][3], "158.00");
    insta::assert_snapshot!("csv_sample", utf8(bytes[3..].to_vec()));
}

#[test]
fn csv_row_family_english_snapshot() {
    let opts = WriteOptions {
        csv_bom: false,
        english_headers: true,
        ..WriteOptions::default()
    };
    let bytes = render(&row_family_table(), OutputFormat::Csv, &opts);
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
    let rows = parse_csv(&bytes);
    // 7 + 1 indicators, plus one row for the project without indicators.
    assert_eq!(rows.len(), 1 + 9);
    let last = rows.last().unwrap();
    assert_eq!(last[2], "预留项目（无指标）");
    assert_eq!(last[3], "1.00");
    assert!(last[8..21].iter().all(String::is_empty));
    insta::assert_snapshot!("csv_row_family_en", utf8(bytes));
}

fn injection_table() -> Table {
    let mut t = row_family_table();
    t.department = Some("=HYPERLINK(\"http://x\",\"点我\")".into());
    let p = &mut t.units[0].projects[0];
    p.name = "+SUM(1,2)".into();
    p.goal = Some("@cmd".into());
    p.indicators[0].name = "-2+3".into();
    p.indicators[1].name = "\t=1".into();
    p.funding.other_funds = Some(dec("-5.00"));
    t.units[1].name = "\r=2".into();
    // Without a code, so that the name starts the 单位 cell.
    t.units[1].code = None;
    t
}

#[test]
fn csv_neutralises_formula_injection_but_keeps_numbers() {
    let opts = WriteOptions::default();
    let rows = parse_csv(&render(&injection_table(), OutputFormat::Csv, &opts));
    let r = &rows[1];
    assert_eq!(r[0], "'=HYPERLINK(\"http://x\",\"点我\")");
    assert_eq!(r[2], "'+SUM(1,2)");
    assert_eq!(r[7], "'@cmd");
    assert_eq!(r[11], "'-2+3");
    assert_eq!(r[6], "-5.00", "a real number is never altered");
    assert_eq!(rows[2][11], "'\t=1");
    assert_eq!(rows[8][1], "'\r=2");
    for row in &rows {
        for c in row {
            assert!(
                !c.starts_with(['=', '+', '@', '\t', '\r']),
                "unsafe cell {c:?}"
            );
            if c.starts_with('-') {
                assert!(c.parse::<f64>().is_ok(), "unsafe cell {c:?}");
            }
        }
    }
}

#[test]
fn long_csv_reads_back_without_the_formula_guard() {
    // The apostrophe the writer puts before `= + - @` is taken off again
    // when jixiao reads its own long CSV (known by its 原始指标值 column).
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let csv = render(
        &injection_table(),
        OutputFormat::Csv,
        &WriteOptions::default(),
    );
    let back = read_bytes("t.csv", &csv, &ReadOptions::default()).unwrap();
    let p = &back.units[0].projects[0];
    assert_eq!(p.name, "+SUM(1,2)");
    assert_eq!(p.goal.as_deref(), Some("@cmd"));
    assert_eq!(p.indicators[0].name, "-2+3");
    assert_eq!(p.funding.other_funds, Some(dec("-5.00")));
    // Any other CSV is read as written.
    let plain = "项目名称,总计,一级指标,三级指标,指标值\n\"'+SUM(1,2)\",1.00,产出指标,'=名称,5\n";
    let t = read_bytes("p.csv", plain.as_bytes(), &ReadOptions::default()).unwrap();
    let p = &t.units[0].projects[0];
    assert_eq!(p.name, "'+SUM(1,2)");
    assert_eq!(p.indicators[0].name, "'=名称");
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_sample_snapshot() {
    let s = html::to_html_string(&sample(), &WriteOptions::default()).unwrap();
    assert!(s.contains("<html lang=\"zh-CN\">"));
    assert!(s.contains("size: A4 landscape"));
    assert!(
        !s.contains("<script") && !s.contains("<link"),
        "standalone page"
    );
    insta::assert_snapshot!("html_sample", s);
}

#[test]
fn html_row_family_snapshot() {
    let s = html::to_html_string(&row_family_table(), &WriteOptions::default()).unwrap();
    assert!(
        s.contains("rowspan=\"7\""),
        "project cells span its 7 indicator rows"
    );
    insta::assert_snapshot!("html_row_family", s);
}

#[test]
fn html_sample_in_row_layout_snapshot() {
    let opts = WriteOptions {
        layout: Some(LayoutFamily::RowPerIndicator),
        ..WriteOptions::default()
    };
    let s = html::to_html_string(&sample(), &opts).unwrap();
    insta::assert_snapshot!("html_sample_rows", s);
}

#[test]
fn html_escapes_everything() {
    let mut t = row_family_table();
    t.units[0].projects[0].name = "<script>alert('x')</script>".into();
    t.title = Some("标题 & <b>".into());
    for layout in [LayoutFamily::OneCell, LayoutFamily::RowPerIndicator] {
        let opts = WriteOptions {
            layout: Some(layout),
            ..WriteOptions::default()
        };
        let s = html::to_html_string(&t, &opts).unwrap();
        assert!(!s.contains("<script>"), "{layout:?}");
        assert!(
            s.contains("&#60;script&#62;") || s.contains("&lt;script&gt;"),
            "{s}"
        );
        assert!(!s.contains("<b>"));
    }
}

// ---------------------------------------------------------------- XLSX

/// The first sheet as a text grid plus its merged ranges (via calamine).
fn xlsx_grid(bytes: &[u8]) -> String {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("xlsx opens");
    let range = wb.worksheet_range(xlsx::SHEET_NAME).expect("sheet");
    let mut out = String::new();
    let start = range.start().unwrap_or((0, 0));
    out.push_str(&format!("start {start:?}\n"));
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                Data::String(s) => format!("{s:?}"),
                Data::Float(f) => format!("{f}"),
                Data::Int(n) => format!("{n}"),
                other => format!("<{other:?}>"),
            })
            .collect();
        out.push_str(&format!("{:>3}: {}\n", i + 1, cells.join(" | ")));
    }
    let mut merged: Vec<String> = wb
        .merge_cells_by_sheet_name(xlsx::SHEET_NAME)
        .expect("merged regions")
        .iter()
        .map(|d| format!("({},{})-({},{})", d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    merged.sort();
    out.push_str(&format!("merged: {}\n", merged.join(" ")));
    out
}

#[test]
fn xlsx_sample_snapshot() {
    let bytes = render(&sample(), OutputFormat::Xlsx, &WriteOptions::default());
    assert!(bytes.starts_with(b"PK"));
    insta::assert_snapshot!("xlsx_sample", xlsx_grid(&bytes));
}

#[test]
fn xlsx_row_family_snapshot() {
    let bytes = render(
        &row_family_table(),
        OutputFormat::Xlsx,
        &WriteOptions::default(),
    );
    let grid = xlsx_grid(&bytes);
    // project name, amounts and goal merged down the 7 indicator rows (0-based rows 5..=11)
    for col in 1..=6 {
        assert!(
            grid.contains(&format!("(5,{col})-(11,{col})")),
            "col {col} merged:\n{grid}"
        );
    }
    insta::assert_snapshot!("xlsx_row_family", grid);
}

#[test]
fn xlsx_row_family_without_merges_beyond_limit() {
    let opts = WriteOptions {
        xlsx_merge_limit: 3,
        ..WriteOptions::default()
    };
    let bytes = render(&row_family_table(), OutputFormat::Xlsx, &opts);
    let grid = xlsx_grid(&bytes);
    let merged = grid.lines().last().unwrap();
    assert_eq!(
        merged.matches('(').count(),
        2 * 3,
        "only the 3 preamble rows: {merged}"
    );
    assert_eq!(
        grid.matches("乡村学校营养餐补助").count(),
        7,
        "values repeated per row"
    );
}

#[test]
fn xlsx_merge_limit_counts_every_data_row() {
    // The fixture's data rows: its 合计, a 单位 row for each unit with stated
    // amounts, one per indicator, and one for a project without any.
    let mut t = row_family_table();
    // One unit with stated amounts, so its own row counts too.
    let first = t.units.first_mut().expect("a unit");
    first.stated = Some(jixiao_core::AmountRow {
        label: first.name.clone(),
        funding: first.projects.iter().map(|p| p.funding).fold(
            jixiao_core::Funding::default(),
            |a, b| jixiao_core::Funding {
                total: Some(a.total.unwrap_or_default() + b.total.unwrap_or_default()),
                ..a
            },
        ),
        origin: jixiao_core::Origin::new(5, 1),
    });
    let rows = usize::from(t.grand_total.is_some())
        + t.units.iter().filter(|u| u.stated.is_some()).count()
        + t.projects()
            .map(|p| p.indicators.len().max(1))
            .sum::<usize>();
    let merges_at = |limit: usize| {
        let opts = WriteOptions {
            xlsx_merge_limit: limit,
            ..WriteOptions::default()
        };
        let grid = xlsx_grid(&render(&t, OutputFormat::Xlsx, &opts));
        grid.lines().last().unwrap_or_default().matches('(').count() / 2
    };
    // The preamble's 3 merged rows are always there; the data merges only
    // while every data row is within the limit.
    assert!(merges_at(rows) > 3, "merged at exactly {rows} rows");
    assert_eq!(merges_at(rows - 1), 3, "not merged at {} rows", rows - 1);
}

#[test]
fn xlsx_sample_in_row_layout_snapshot() {
    let opts = WriteOptions {
        layout: Some(LayoutFamily::RowPerIndicator),
        ..WriteOptions::default()
    };
    let bytes = render(&sample(), OutputFormat::Xlsx, &opts);
    insta::assert_snapshot!("xlsx_sample_rows", xlsx_grid(&bytes));
}

#[test]
fn xlsx_neutralises_formula_injection_and_writes_no_formulas() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = render(
        &injection_table(),
        OutputFormat::Xlsx,
        &WriteOptions::default(),
    );
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    let formulas = wb.worksheet_formula(xlsx::SHEET_NAME).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula cells"
    );
    let range = wb.worksheet_range(xlsx::SHEET_NAME).unwrap();
    let strings: Vec<String> = range
        .used_cells()
        .filter_map(|(_, _, c)| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    // Text as written (no apostrophe shows in the printed table) …
    for want in ["+SUM(1,2)", "@cmd", "-2+3", "\t=1", "\r=2"] {
        assert!(
            strings.iter().any(|s| s == want),
            "missing {want:?} in {strings:?}"
        );
    }
    // the department sits after `部门名称：`, so it is not at the start of a cell
    assert!(strings
        .iter()
        .any(|s| s.starts_with("部门名称：=HYPERLINK")));
    // … in a string cell whose style has Excel's quote prefix, so that it
    // stays text when the cell is edited.
    let xml = |name: &str| {
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let styles = xml("xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let quoted: Vec<bool> = xfs
        .split("<xf ")
        .skip(1)
        .take_while(|x| !x.starts_with("</cellXfs"))
        .map(|x| {
            x.split('>')
                .next()
                .unwrap_or("")
                .contains("quotePrefix=\"1\"")
        })
        .collect();
    let sheet = xml("xl/worksheets/sheet1.xml");
    let mut risky = 0;
    for cell in sheet.split("<c ").skip(1) {
        let Some(text) = cell
            .split("<t>")
            .nth(1)
            .or_else(|| cell.split("<t xml:space=\"preserve\">").nth(1))
        else {
            continue;
        };
        if text.starts_with(['=', '+', '@', '-', '\t', '\r']) {
            risky += 1;
            let style: usize = cell
                .split("s=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            assert!(
                quoted[style],
                "cell without quote prefix: <c {}",
                &cell[..cell.len().min(120)]
            );
        }
    }
    assert!(
        risky >= 5,
        "{risky} formula-like cells found in the sheet XML"
    );
    // the amount -5.00 stays a number
    assert!(range
        .used_cells()
        .any(|(_, _, c)| matches!(c, Data::Float(f) if *f == -5.0)));
}

#[test]
fn xlsx_file_writer_matches_in_memory_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let t = row_family_table();
    write::write_path(&t, OutputFormat::Xlsx, &WriteOptions::default(), &path).unwrap();
    let from_file = std::fs::read(&path).unwrap();
    let in_memory = render(&t, OutputFormat::Xlsx, &WriteOptions::default());
    assert_eq!(xlsx_grid(&from_file), xlsx_grid(&in_memory));
}

/// LibreOffice opens the workbook and prints the same cells jixiao wrote
/// (amounts as displayed, `552.50`).
#[test]
fn xlsx_libreoffice_cross_check() {
    let Some(soffice) = find_on_path("soffice") else {
        eprintln!("跳过：未找到 soffice (skipped: LibreOffice `soffice` not on PATH)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let xlsx_path = dir.path().join("sample.xlsx");
    write::write_path(
        &sample(),
        OutputFormat::Xlsx,
        &WriteOptions::default(),
        &xlsx_path,
    )
    .unwrap();
    let profile = dir.path().join("lo-profile");
    let outdir = dir.path().join("out");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):9,34,76,1",
            "--outdir",
        ])
        .arg(&outdir)
        .arg(&xlsx_path)
        .output()
        .expect("soffice runs");
    let csv_path = outdir.join("sample.csv");
    assert!(
        csv_path.exists(),
        "LibreOffice produced no CSV: {}\n{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
    let bytes = std::fs::read(&csv_path).unwrap();
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b'\t')
        .flexible(true)
        .from_reader(bytes.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let text = sample_text();
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(rows[0][0], lines[2], "title");
    assert_eq!(rows[1][0], lines[4], "department");
    assert_eq!(rows[2][0], "单位：万元");
    // From the header down, LibreOffice shows exactly the sample's cells.
    let want: Vec<Vec<String>> = lines[8..]
        .iter()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 3 + want.len());
    for (got, want) in rows[3..].iter().zip(&want) {
        assert_eq!(got, want);
    }
    assert_eq!(rows[4][1], "552.50");
}

fn find_on_path(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|f| f.is_file())
    })
}

/// Peak resident memory of this process in KiB (Linux), if known.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Very large tables: constant-memory XLSX keeps the writer's own memory small
/// compared with the table. Run with `--ignored` (slow in debug builds).
#[test]
#[ignore = "slow: 100 000 projects"]
fn xlsx_large_table_streams_to_disk() {
    let base = sample_table_handbuilt();
    let mut t = base.clone();
    let proto = base.units[0].projects.clone();
    t.units[0].projects = (0..100_000)
        .map(|i| proto[i % proto.len()].clone())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    for layout in [LayoutFamily::OneCell, LayoutFamily::RowPerIndicator] {
        let before = peak_rss_kib();
        let path = dir.path().join(format!("big-{layout:?}.xlsx"));
        let opts = WriteOptions {
            layout: Some(layout),
            ..WriteOptions::default()
        };
        write::write_path(&t, OutputFormat::Xlsx, &opts, &path).unwrap();
        let after = peak_rss_kib();
        let size = std::fs::metadata(&path).unwrap().len();
        eprintln!("{layout:?}: {size} bytes, peak RSS {before:?} -> {after:?} KiB");
        assert!(size > 1_000_000);
        if let (Some(b), Some(a)) = (before, after) {
            assert!(
                a.saturating_sub(b) < 200 * 1024,
                "writer grew memory by {} KiB",
                a - b
            );
        }
    }
}

#[test]
fn every_format_writes_both_families() {
    for t in [sample_table_handbuilt(), row_family_table()] {
        for f in OutputFormat::ALL {
            for layout in [
                None,
                Some(LayoutFamily::OneCell),
                Some(LayoutFamily::RowPerIndicator),
            ] {
                let opts = WriteOptions {
                    layout,
                    ..WriteOptions::default()
                };
                assert!(!render(&t, f, &opts).is_empty(), "{f}");
            }
        }
    }
    let _ = csv_long::HEADERS_ZH;
}

// ---------------------------------------------------------------- 上年实际值 (prior actual)

/// The row-family table with a Hubei-style `2021年实际实现值` on its first two indicators.
fn prior_table() -> Table {
    let mut t = row_family_table();
    t.fiscal_year = Some(2022);
    t.columns.push(jixiao_core::ColumnInfo {
        field: jixiao_core::Field::PriorActual,
        header: "指标值/2021年实际实现值".into(),
        col: 15,
    });
    let inds = &mut t.units[0].projects[0].indicators;
    for (i, v) in [(0, "200"), (1, "90%")] {
        let cols = inds[i].columns.get_or_insert_with(Default::default);
        cols.prior_actual = Some(v.to_string());
    }
    t
}

fn priors(t: &Table) -> Vec<Option<String>> {
    t.indicators()
        .map(|(_, i)| i.prior_actual().map(str::to_string))
        .collect()
}

#[test]
fn json_round_trips_prior_actual_and_omits_it_when_absent() {
    let t = prior_table();
    let s = json::to_json_string(&t).unwrap();
    assert_eq!(s.matches("\"prior_actual\":").count(), 2, "{s}");
    assert!(s.contains("\"prior_actual\": \"90%\""));
    assert!(s.contains("\"field\": \"prior_actual\""));
    let back = read_json(s.as_bytes()).unwrap();
    assert_eq!(back, t);
    assert_eq!(back.prior_year(), Some(2021));
    // Tables without it write no such key (existing documents unchanged).
    let plain = json::to_json_string(&row_family_table()).unwrap();
    assert!(!plain.contains("prior_actual"));
}

#[test]
fn csv_has_a_prior_actual_column() {
    let bytes = render(&prior_table(), OutputFormat::Csv, &WriteOptions::default());
    let rows = parse_csv(&bytes);
    let c = rows[0]
        .iter()
        .position(|h| h == "上年实际值")
        .expect("column");
    assert_eq!(csv_long::HEADERS_EN[c], "prior_actual");
    let got: Vec<&str> = rows[1..4].iter().map(|r| r[c].as_str()).collect();
    assert_eq!(got, vec!["200", "90%", ""]);
}

#[test]
fn row_layouts_show_prior_actual_only_when_present_and_read_it_back() {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let t = prior_table();
    let want = priors(&t);
    // XLSX: one more column, named with the year; read back into the same values.
    let bytes = render(&t, OutputFormat::Xlsx, &WriteOptions::default());
    let grid = xlsx_grid(&bytes);
    assert!(grid.contains("\"2021年实际值\""), "{grid}");
    let back = read_bytes("prior.xlsx", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(priors(&back), want);
    assert_eq!(back.prior_year(), Some(2021));
    assert!(
        !back.notices.iter().any(|n| n.code == "column-unknown"),
        "{:?}",
        back.notices
    );
    // HTML: the same column, the same values read back.
    let page = html::to_html_string(&t, &WriteOptions::default()).unwrap();
    assert!(page.contains("<th>2021年实际值</th>"), "{page}");
    let back = read_bytes("prior.html", page.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(priors(&back), want);
    // Without any prior actual: the 14 columns of before.
    let plain = row_family_table();
    let page = html::to_html_string(&plain, &WriteOptions::default()).unwrap();
    assert!(!page.contains("实际值"));
    assert_eq!(page.matches("<th>").count(), 14);
    let grid = xlsx_grid(&render(
        &plain,
        OutputFormat::Xlsx,
        &WriteOptions::default(),
    ));
    assert!(!grid.contains("实际值"));
    // Without a year in the source header, the column is 上年实际值.
    let mut t = prior_table();
    t.columns
        .retain(|c| c.field != jixiao_core::Field::PriorActual);
    let page = html::to_html_string(&t, &WriteOptions::default()).unwrap();
    assert!(page.contains("<th>上年实际值</th>"));
}

/// The `<col>` widths of the first sheet of a workbook, by 1-based column.
fn xlsx_column_widths(bytes: &[u8]) -> std::collections::BTreeMap<u32, f64> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet1")
        .read_to_string(&mut xml)
        .expect("utf-8 xml");
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag.get(at..)?.split('"').next().map(str::to_string)
    };
    let mut out = std::collections::BTreeMap::new();
    for tag in xml.split("<col ").skip(1) {
        let tag = format!(" {}", tag.split('>').next().unwrap_or_default());
        let tag = tag.as_str();
        let (Some(min), Some(max), Some(w)) =
            (attr(tag, "min"), attr(tag, "max"), attr(tag, "width"))
        else {
            continue;
        };
        let (min, max, w): (u32, u32, f64) = (
            min.parse().unwrap(),
            max.parse().unwrap(),
            w.parse().unwrap(),
        );
        for c in min..=max {
            out.insert(c, w);
        }
    }
    out
}

#[test]
fn xlsx_row_layout_columns_fit_the_grand_total() {
    // Projects of a few 万元, a 合计 of ten characters: the amount columns must
    // be wide enough for the 合计 (else Excel shows ####).
    let mut t = row_family_table();
    let total = t.grand_total.as_mut().expect("the fixture has a 合计");
    total.funding.total = Some(dec("1234567.89"));
    let opts = WriteOptions {
        layout: Some(LayoutFamily::RowPerIndicator),
        ..WriteOptions::default()
    };
    let widths = xlsx_column_widths(&render(&t, OutputFormat::Xlsx, &opts));
    let total_col = widths
        .get(&3)
        .copied()
        .expect("a width for the 总计 column");
    // Ten characters and the writer's margin of two (Excel's widths count characters).
    assert!(
        total_col >= 12.0,
        "总计 column {total_col} too narrow for 1234567.89"
    );
}

/// `t` written in the row layout as XLSX and as HTML, each read back.
fn read_back_in_row_layout(t: &Table) -> [(&'static str, Table); 2] {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let opts = WriteOptions {
        layout: Some(LayoutFamily::RowPerIndicator),
        ..WriteOptions::default()
    };
    let xlsx = render(t, OutputFormat::Xlsx, &opts);
    let page = html::to_html_string(t, &opts).unwrap();
    [("rows.xlsx", xlsx), ("rows.html", page.into_bytes())].map(|(name, bytes)| {
        let back = read_bytes(name, &bytes, &ReadOptions::default()).unwrap();
        (name, back)
    })
}

#[test]
fn row_layouts_keep_the_units_stated_amounts() {
    // The sample's 单位 rows (522.50 and 30.00) written in the row layout read
    // back as the same units with the same stated amounts, the projects and
    // indicators unchanged.
    let t = sample();
    let stated = |t: &Table| -> Vec<(String, Option<jixiao_core::Funding>, usize)> {
        t.units
            .iter()
            .map(|u| {
                (
                    u.name.clone(),
                    u.stated.as_ref().map(|s| s.funding),
                    u.projects.len(),
                )
            })
            .collect()
    };
    let want = stated(&t);
    assert!(want.iter().all(|(_, s, _)| s.is_some()), "{want:?}");
    for (name, back) in read_back_in_row_layout(&t) {
        assert_eq!(stated(&back), want, "{name}");
        assert_eq!(back.indicators().count(), t.indicators().count(), "{name}");
        assert_eq!(
            back.grand_total.map(|g| g.funding),
            t.grand_total.clone().map(|g| g.funding),
            "{name}"
        );
    }
}

#[test]
fn row_layouts_keep_a_unit_without_projects() {
    // A unit with stated amounts but no projects, between the sample's two
    // units: its row names it in the 单位名称 column alone and carries its
    // amounts; read back it is that unit again, not a project of the unit
    // before it.
    let mut t = sample();
    let stated = t
        .units
        .first()
        .and_then(|u| u.stated.clone())
        .expect("stated");
    t.units.insert(
        1,
        jixiao_core::Unit {
            name: "某某街道办事处".into(),
            code: None,
            stated: Some(jixiao_core::AmountRow {
                label: "某某街道办事处".into(),
                ..stated.clone()
            }),
            projects: Vec::new(),
        },
    );
    for (name, back) in read_back_in_row_layout(&t) {
        assert!(
            back.projects().all(|p| p.name != "某某街道办事处"),
            "{name}: the unit was read as a project"
        );
        let units: Vec<(&str, usize, Option<jixiao_core::Funding>)> = back
            .units
            .iter()
            .map(|u| {
                (
                    u.name.as_str(),
                    u.projects.len(),
                    u.stated.as_ref().map(|s| s.funding),
                )
            })
            .collect();
        let names: Vec<&str> = units.iter().map(|u| u.0).collect();
        let counts: Vec<usize> = units.iter().map(|u| u.1).collect();
        assert_eq!(counts, [6, 0, 2], "{name}: {names:?}");
        assert_eq!(names.get(1), Some(&"某某街道办事处"), "{name}");
        assert_eq!(
            units.get(1).and_then(|u| u.2),
            Some(stated.funding),
            "{name}"
        );
        assert!(
            back.notices
                .iter()
                .all(|n| n.code != "amount-row-unassigned"),
            "{name}: {:?}",
            back.notices
        );
    }
}

#[test]
fn row_layouts_keep_the_unit_codes() {
    // Units with codes (820001 示例镇中心学校) are written `code-name` in the
    // 单位名称 cell, as sources write them, and read back with both.
    let t = row_family_table();
    let units = |t: &Table| -> Vec<(String, Option<String>)> {
        t.units
            .iter()
            .map(|u| (u.name.clone(), u.code.clone()))
            .collect()
    };
    let want = units(&t);
    assert!(want.iter().all(|(_, c)| c.is_some()), "{want:?}");
    for (name, back) in read_back_in_row_layout(&t) {
        assert_eq!(units(&back), want, "{name}");
    }
}

#[test]
fn row_layouts_and_the_long_csv_keep_magnitudes_approximations_and_notes() {
    // `0.5万人` is 5000 人: written as 0.5 with unit 人 it read back 10 000
    // times smaller; `2万余人次` lost 万 and 余, `（全年）` and `左右` vanished.
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let text = sample_text().replacen(
        "招募大学实习生，年度指标值：300名。",
        "招募大学实习生，年度指标值：300名。6-产出指标：服务对象，年度指标值：0.5万人。\
         7-产出指标：服务人数，年度指标值：2万余人次。8-产出指标：全年服务，年度指标值：5000人次（全年）。\
         9-产出指标：活动人次，年度指标值：300人次左右。",
        1,
    );
    assert_ne!(text, sample_text());
    let t = read_bytes("c.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
    let targets = |t: &Table| -> Vec<(String, jixiao_core::model::Target)> {
        t.indicators()
            .map(|(_, i)| (i.name.clone(), i.target.clone()))
            .collect()
    };
    let want = targets(&t);
    assert!(want.iter().any(|(n, _)| n == "活动人次"));
    for (name, back) in read_back_in_row_layout(&t) {
        assert_eq!(targets(&back), want, "{name}");
    }
    // The long CSV: 指标值 stays the bare number, 度量单位 carries the
    // magnitude and 余 (`万人`, `万余人次`); 左右 and a bracketed note are
    // in 原始指标值, which is read back too (docs/csv.md).
    let csv = render(&t, OutputFormat::Csv, &WriteOptions::default());
    let rows = parse_csv(&csv);
    let unit_col = rows[0].iter().position(|h| h == "度量单位").unwrap();
    let value_col = rows[0].iter().position(|h| h == "指标值").unwrap();
    let row_of = |name: &str| rows.iter().find(|r| r.iter().any(|c| c == name)).unwrap();
    assert_eq!(
        (
            row_of("服务对象")[value_col].as_str(),
            row_of("服务对象")[unit_col].as_str()
        ),
        ("0.5", "万人")
    );
    assert_eq!(row_of("服务人数")[unit_col], "万余人次");
    let back = read_bytes("c.csv", &csv, &ReadOptions::default()).unwrap();
    let got = targets(&back);
    for name in ["服务对象", "服务人数", "全年服务", "活动人次"] {
        let pick = |v: &[(String, jixiao_core::model::Target)]| {
            v.iter().find(|(n, _)| n == name).map(|x| x.1.clone())
        };
        assert_eq!(pick(&got), pick(&want), "{name}");
    }
}

// ---------------------------------------------------------------- amount columns, 指标方向性, year

fn read_back(name: &str, bytes: &[u8]) -> Table {
    jixiao_formats::read::read_bytes(name, bytes, &Default::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A fixture of this crate's `tests/fixtures`, as text.
fn own_fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Sichuan's 申报表 (GUIDE §3.2): a 预算数 and no funding sources, amounts in 元,
/// 2023, 权重 and 指标方向性 columns, units with codes.
fn sichuan() -> Table {
    read_back("lay-sichuan.tsv", own_fixture("lay-sichuan.tsv").as_bytes())
}

/// `t` written by every writer that reads back (XLSX and HTML in both layouts,
/// TSV in both, the long CSV), each read back: (what, table).
fn written_and_read_back(t: &Table) -> Vec<(String, Table)> {
    let (one, rows) = (LayoutFamily::OneCell, LayoutFamily::RowPerIndicator);
    [
        (OutputFormat::Xlsx, Some(one)),
        (OutputFormat::Xlsx, Some(rows)),
        (OutputFormat::Html, Some(one)),
        (OutputFormat::Html, Some(rows)),
        (OutputFormat::Tsv, None),
        (OutputFormat::Tsv, Some(rows)),
        (OutputFormat::Csv, None),
    ]
    .into_iter()
    .map(|(format, layout)| {
        let opts = WriteOptions {
            layout,
            ..WriteOptions::default()
        };
        let name = format!("out-{layout:?}.{format}");
        let back = read_back(&name, &render(t, format, &opts));
        (name, back)
    })
    .collect()
}

fn rule_count(t: &Table, rule: &str) -> usize {
    jixiao_core::review::review(t, &jixiao_core::review::Profile::default())
        .iter()
        .filter(|f| f.rule == rule)
        .count()
}

const SOURCE_FIELDS: [jixiao_core::Field; 3] = [
    jixiao_core::Field::FiscalAppropriation,
    jixiao_core::Field::SpecialAccount,
    jixiao_core::Field::OtherFunds,
];

#[test]
fn writers_leave_out_amount_columns_that_no_row_fills() {
    // A table of 预算数 alone: written with blank 财政拨款 … columns, every row
    // read back as 总计 ≠ 0.00, one false sum-mismatch.row per row.
    let t = sichuan();
    assert_eq!(rule_count(&t, "sum-mismatch.row"), 0);
    for (name, back) in written_and_read_back(&t) {
        for f in SOURCE_FIELDS {
            assert_eq!(back.column_of(f), None, "{name}: {f:?}");
        }
        assert!(
            back.column_of(jixiao_core::Field::Total).is_some(),
            "{name}"
        );
        assert_eq!(rule_count(&back, "sum-mismatch.row"), 0, "{name}");
        assert!(
            !back
                .notices
                .iter()
                .any(|n| n.code == "source-columns-blank"),
            "{name}"
        );
        let amounts: Vec<_> = back.projects().map(|p| p.funding.total).collect();
        let want: Vec<_> = t.projects().map(|p| p.funding.total).collect();
        assert_eq!(amounts, want, "{name}");
    }
    // The reverse: funding sources without a 总计 column get no blank 总计.
    let text = "项目支出绩效目标表\n单位：万元\n项目名称\t财政拨款\t其他资金\t绩效目标\t绩效指标\n\
                项目甲\t10.00\t5.00\t目标\t1-产出指标：培训人数，年度指标值：100人。\n";
    let t = read_back("sources.tsv", text.as_bytes());
    assert!(t.lacks_total_column());
    for (name, back) in written_and_read_back(&t) {
        assert!(back.lacks_total_column(), "{name}: {:?}", back.columns);
        assert_eq!(rule_count(&back, "sum-mismatch.row"), 0, "{name}");
        assert!(back.money_scale_stated, "{name}");
    }
    // A column the source had stays even blank: the sample's 财政专户拨款 and
    // 其他资金 (the snapshots hold the rest).
    let grid = xlsx_grid(&render(
        &sample(),
        OutputFormat::Xlsx,
        &WriteOptions::default(),
    ));
    assert!(grid.contains("\"财政专户拨款\"") && grid.contains("\"其他资金\""));
}

#[test]
fn row_layouts_and_the_long_csv_write_the_direction_column() {
    // 指标方向性 (正向指标 / 反向指标) was dropped by every writer but JSON.
    let t = sichuan();
    let directions = |t: &Table| -> Vec<Option<jixiao_core::Direction>> {
        t.indicators().map(|(_, i)| i.direction_stated()).collect()
    };
    let want = directions(&t);
    assert!(want.iter().all(Option::is_some), "{want:?}");
    for (name, back) in written_and_read_back(&t) {
        if name.contains("OneCell") || name.contains("None.tsv") {
            continue; // the one-cell layout has no place for it (convert says so)
        }
        assert_eq!(directions(&back), want, "{name}");
        // 权重 and 二级 as before.
        let weights = |t: &Table| -> Vec<_> { t.indicators().map(|(_, i)| i.weight()).collect() };
        assert_eq!(weights(&back), weights(&t), "{name}");
    }
    // Placed after 权重, before 上年实际值; tables without one keep their columns.
    let opts = WriteOptions {
        layout: Some(LayoutFamily::RowPerIndicator),
        ..WriteOptions::default()
    };
    let page = html::to_html_string(&t, &opts).unwrap();
    assert!(
        page.contains("<th>权重</th><th>指标方向性</th></tr>"),
        "{page}"
    );
    let page = html::to_html_string(&sample(), &opts).unwrap();
    assert!(!page.contains("指标方向性"));
    let rows = parse_csv(&render(&t, OutputFormat::Csv, &WriteOptions::default()));
    let c = rows[0]
        .iter()
        .position(|h| h == "指标方向性")
        .expect("column");
    assert_eq!(rows[0][c - 1], "上年实际值");
    assert_eq!(rows[1][c], "正向指标");
    assert_eq!(rows.last().unwrap()[c], "反向指标");
}

#[test]
fn a_comparator_beside_a_qualitative_value_is_written_as_it_was() {
    // `≤` in 指标性质 beside `12月底前`: the value is qualitative, its comparator
    // column was written back as 定性.
    let text = own_fixture("lay-sichuan.tsv").replacen(
        "群众满意度\t≥\t90\t%",
        "办结时间\t≤\t12月底前\t",
        1,
    );
    let t = read_back("date.tsv", text.as_bytes());
    let ops = |t: &Table| -> Vec<(String, Option<String>, bool)> {
        t.indicators()
            .map(|(_, i)| {
                (
                    i.name.clone(),
                    i.op_column().map(str::to_string),
                    i.target.is_qualitative(),
                )
            })
            .collect()
    };
    let want = ops(&t);
    assert!(
        want.contains(&("办结时间".into(), Some("≤".into()), true)),
        "{want:?}"
    );
    for (name, back) in written_and_read_back(&t) {
        if name.contains("OneCell") || name.contains("None.tsv") {
            continue;
        }
        assert_eq!(ops(&back), want, "{name}");
    }
}

#[test]
fn the_fiscal_year_reads_back_from_the_title() {
    // `2023年度` above Sichuan's header: the writers' title did not carry it.
    let t = sichuan();
    assert_eq!(t.fiscal_year, Some(2023));
    for (name, back) in written_and_read_back(&t) {
        if name.ends_with(".csv") {
            continue; // no line above its header (docs/csv.md)
        }
        assert_eq!(back.fiscal_year, Some(2023), "{name}");
        assert_eq!(
            back.title.as_deref(),
            Some("2023年部门预算项目绩效目标申报表"),
            "{name}"
        );
        // Written again, the title is not given the year twice.
        let again = read_back(
            "again.html",
            html::to_html_string(&back, &WriteOptions::default())
                .unwrap()
                .as_bytes(),
        );
        assert_eq!(again.title, back.title, "{name}");
    }
    // A title without a year, and no year: as before.
    assert!(!tsv::to_tsv_string(&row_family_table_without_year()).contains("年部门"));
}

fn row_family_table_without_year() -> Table {
    let mut t = row_family_table();
    t.fiscal_year = None;
    t
}

#[test]
fn one_unit_of_its_own_reads_back_as_itself_in_the_one_cell_layout() {
    // One unit `820001-某镇人民政府` under the department 某镇: written in the
    // one-cell layout without a unit row, its projects read back under the
    // department, the unit's name and code lost.
    let text = "部门预算项目绩效目标申报表\n部门名称：某镇\n2024年度\t\t\t\t\t金额单位:元\n\
        单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n\
        820001-某镇人民政府\t项目一\t100,000.00\t目标一\t产出指标\t数量指标\t人数\t≥\t5\t人\n\
        820001-某镇人民政府\t项目二\t20,000.00\t目标二\t产出指标\t数量指标\t次数\t≥\t3\t次\n";
    let t = read_back("one-unit.tsv", text.as_bytes());
    let units = |t: &Table| -> Vec<(String, Option<String>, usize)> {
        t.units
            .iter()
            .map(|u| (u.name.clone(), u.code.clone(), u.projects.len()))
            .collect()
    };
    let want = units(&t);
    assert_eq!(
        want,
        [("某镇人民政府".to_string(), Some("820001".to_string()), 2)]
    );
    for (name, back) in written_and_read_back(&t) {
        assert_eq!(units(&back), want, "{name}");
        // The long CSV too: its 部门 column reads back.
        assert_eq!(back.department, t.department, "{name}");
        assert_eq!(rule_count(&back, "sum-mismatch.unit"), 0, "{name}");
    }
    // The one implicit unit of a table without unit rows gets no row: the
    // sample's TSV is unchanged (tsv_reproduces_the_sample_byte_for_byte).
}

/// The content a long CSV carries, per project and indicator: what must be
/// the same after reading it back as after reading the JSON. Left out are
/// what the CSV does not hold (positions, the item numbers' spelling and the
/// terminators of the one-cell cell, 一级 and the comparator column as
/// written, 合计 and unit rows, title and year, notices).
fn long_csv_content(t: &Table) -> Vec<String> {
    let mut out = vec![format!("部门 {:?}", t.department)];
    for u in &t.units {
        for p in &u.projects {
            out.push(format!(
                "{} | {:?} | {} | {:?} | {:?}",
                u.name, u.code, p.name, p.funding, p.goal
            ));
            for i in &p.indicators {
                out.push(format!(
                    "  {:?} | {:?} | {:?} | {} | {:?} | {:?} | {:?} | {:?}",
                    i.seq,
                    i.category,
                    i.subcategory,
                    i.name,
                    i.target,
                    i.raw_value,
                    i.value_label,
                    i.weight()
                ));
            }
        }
    }
    out
}

/// The sample with one more project whose values hold everything the
/// structured columns of the long CSV cannot: `左右`, bracketed notes, a
/// magnitude, 余, a label, spelt comparators, a range, `=`, a negative value.
fn table_with_value_extras() -> Table {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let text = sample_text().replacen(
        "招募大学实习生，年度指标值：300名。",
        "招募大学实习生，年度指标值：300名。6-产出指标：活动人次，年度指标值：5000人次左右。\
         7-效益指标：服务对象满意度，年度指标值：≥90%（正向）。8-产出指标：全年服务，年度指标值：5000人次（全年）。\
         9-产出指标：服务人数，年度指标值：2万人次。10-产出指标：志愿者，年度指标值：300余人。\
         11-产出指标：覆盖，年度指标值：不低于2万。12-效益指标：完成率，年度指标值：完成率80-90%。\
         13-产出指标：场次，年度指标值：=8个。14-成本指标：成本变动，年度指标值：-5%。\
         15-产出指标：推送，年度指标值：发布新媒体推送100篇左右。",
        1,
    );
    assert_ne!(text, sample_text());
    read_bytes("extras.txt", text.as_bytes(), &ReadOptions::default()).unwrap()
}

/// The sample (tests/fixtures) → long CSV → read: the same department,
/// units, projects, money, goals and indicators, their item numbers (序号)
/// included, so a gap in the numbering is still found; and a long CSV
/// written before these columns were read still reads.
#[test]
fn long_csv_round_trip_keeps_numbering_and_units() {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let t = sample();
    let csv = render(&t, OutputFormat::Csv, &WriteOptions::default());
    let back = read_bytes("long.csv", &csv, &ReadOptions::default()).unwrap();
    let (a, b) = (long_csv_content(&t), long_csv_content(&back));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
    assert_eq!(
        back.department.as_deref(),
        Some("中国共产主义青年团广州市海珠区委员会")
    );
    let units: Vec<(&str, usize)> = back
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.projects.len()))
        .collect();
    assert_eq!(
        units,
        [
            ("中国共产主义青年团广州市海珠区委员会", 6),
            ("广州市海珠区志愿者行动指导中心", 2)
        ]
    );
    let seqs = |t: &Table| -> Vec<Vec<Option<u32>>> {
        t.projects()
            .map(|p| p.indicators.iter().map(|i| i.seq).collect())
            .collect()
    };
    assert_eq!(seqs(&back), seqs(&t));
    assert!(seqs(&back).iter().flatten().all(Option::is_some));
    // The sample's own numbering gap, found in the CSV as in the text.
    assert_eq!(rule_count(&t, "numbering-gap"), 1);
    assert_eq!(rule_count(&back, "numbering-gap"), 1);
    // 部门 and 序号 are read, not unknown columns.
    for h in ["「部门」", "「序号」"] {
        assert!(
            !back
                .notices
                .iter()
                .any(|n| n.code == "column-unknown" && n.message.contains(h)),
            "{h}: {:?}",
            back.notices
        );
    }

    // An older long CSV without 部门 and 序号 reads as before: no
    // department, no numbers, the same projects.
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in parse_csv(&csv) {
        let keep: Vec<&String> = row
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != 0 && *k != 8)
            .map(|(_, c)| c)
            .collect();
        w.write_record(keep).unwrap();
    }
    let old = String::from_utf8(w.into_inner().unwrap()).unwrap();
    assert!(old.starts_with("资金使用单位,项目名称,"), "{}", &old[..80]);
    let older = read_bytes("older.csv", old.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(older.department, None);
    assert_eq!(older.projects().count(), 8);
    assert!(older.indicators().all(|(_, i)| i.seq.is_none()));
    assert_eq!(rule_count(&older, "numbering-gap"), 0);
}

/// What the long CSV's 部门 and 序号 columns may hold after an edit: a
/// number that is no number is said with its cell, departments that differ
/// give none; and a 序号 column of any other table (a project number, as
/// Sichuan's tables print one) is no item number.
#[test]
fn long_csv_numbering_and_department_edited() {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let t = sample();
    let csv = render(&t, OutputFormat::Csv, &WriteOptions::default());
    let edited = edited_long_csv(&t, |row: &mut Vec<String>, col: &dyn Fn(&str) -> usize| {
        if row[col("三级指标")] == "招募大学实习生" {
            row[col("序号")] = "五".into();
        }
        if row[col("资金使用单位")] == "广州市海珠区志愿者行动指导中心" {
            row[col("部门")] = "另一个部门".into();
        }
    });
    assert_ne!(edited, csv);
    let back = read_bytes("edited.csv", &edited, &ReadOptions::default()).unwrap();
    assert_eq!(back.department, None);
    let bad: Vec<(&str, Option<(u32, u32)>)> = back
        .notices
        .iter()
        .filter(|n| n.code == "seq-unparseable" || n.message.contains("部门列"))
        .map(|n| (n.code.as_str(), n.origin.map(|o| (o.row, o.col))))
        .collect();
    assert_eq!(
        bad,
        [
            ("seq-unparseable", Some((13, 9))),
            ("column-unknown", Some((1, 1)))
        ],
        "{:?}",
        back.notices
    );
    let i = back
        .indicators()
        .find(|(_, i)| i.name == "招募大学实习生")
        .map(|(_, i)| i.seq);
    assert_eq!(i, Some(None));

    // Not the long layout (no 原始指标值): 序号 and 部门 are not read.
    let text = "单位名称\t序号\t部门\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某单位\t1\t某部门\t项目甲\t10.00\t完成。\t产出指标\t甲数量\t≥5个
\t\t\t\t\t\t效益指标\t甲效益\t明显
某单位\t3\t某部门\t项目乙\t20.00\t完成。\t产出指标\t乙数量\t≥6个";
    let t = read_bytes("sichuan.tsv", text.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(t.department, None);
    assert!(t.indicators().all(|(_, i)| i.seq.is_none()));
    let unknown = t
        .notices
        .iter()
        .filter(|n| n.code == "column-unknown")
        .count();
    assert_eq!(unknown, 2, "{:?}", t.notices);
}

#[test]
fn long_csv_reads_back_the_value_as_written() {
    // 原始指标值 is read with the value grammar where it agrees with the
    // structured columns: the long CSV gives the JSON's model back.
    use jixiao_formats::read::{read_bytes, ReadOptions};
    for (name, t) in [
        ("extras", table_with_value_extras()),
        ("row family", row_family_table()),
    ] {
        let json = render(&t, OutputFormat::Json, &WriteOptions::default());
        let via_json = read_json(&json).unwrap();
        let csv = render(&t, OutputFormat::Csv, &WriteOptions::default());
        let via_csv = read_bytes("t.csv", &csv, &ReadOptions::default()).unwrap();
        let (a, b) = (long_csv_content(&via_json), long_csv_content(&via_csv));
        assert_eq!(a.len(), b.len(), "{name}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "{name}");
        }
        assert!(
            via_csv
                .notices
                .iter()
                .all(|n| n.code != "raw-value-differs"),
            "{name}: {:?}",
            via_csv.notices
        );
        // 原始指标值 and 指标值上限 are read, not unknown columns.
        for h in ["原始指标值", "指标值上限"] {
            assert!(
                !via_csv
                    .notices
                    .iter()
                    .any(|n| n.code == "column-unknown" && n.message.contains(h)),
                "{name}: {h}"
            );
        }
    }
    // The values as written, kept whole.
    let t = table_with_value_extras();
    let csv = render(&t, OutputFormat::Csv, &WriteOptions::default());
    let back = read_bytes("t.csv", &csv, &ReadOptions::default()).unwrap();
    let raw: Vec<&str> = back
        .indicators()
        .map(|(_, i)| i.raw_value.as_str())
        .collect();
    for v in [
        "5000人次左右",
        "≥90%（正向）",
        "5000人次（全年）",
        "2万人次",
        "300余人",
        "=8个",
        "-5%",
    ] {
        assert!(raw.contains(&v), "{v}: {raw:?}");
    }
}

/// The long CSV of `t` with `edit` applied to its data rows (header names
/// give the columns), written back as CSV.
fn edited_long_csv(t: &Table, edit: impl Fn(&mut Vec<String>, &dyn Fn(&str) -> usize)) -> Vec<u8> {
    let rows = parse_csv(&render(t, OutputFormat::Csv, &WriteOptions::default()));
    let header = rows[0].clone();
    let col = |h: &str| {
        header
            .iter()
            .position(|x| x.trim_start_matches('\u{feff}') == h)
            .unwrap()
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    for (k, r) in rows.into_iter().enumerate() {
        let mut r = r;
        if k > 0 {
            edit(&mut r, &col);
        }
        w.write_record(&r).unwrap();
    }
    w.into_inner().unwrap()
}

#[test]
fn long_csv_without_the_value_as_written_keeps_a_range_whole() {
    // 原始指标值 cleared (docs/csv.md's advice for editing): a range is read
    // from 指标值 and 指标值上限, and its text is both (`80-90`), not `80`.
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let t = table_with_value_extras();
    let csv = edited_long_csv(&t, |r: &mut Vec<String>, col: &dyn Fn(&str) -> usize| {
        r[col("原始指标值")] = String::new();
    });
    let back = read_bytes("cleared.csv", &csv, &ReadOptions::default()).unwrap();
    let (_, i) = back.indicators().find(|(_, i)| i.name == "完成率").unwrap();
    let q = i.target.quantity().unwrap();
    assert_eq!((q.value, q.value_hi), (dec("80"), Some(dec("90"))));
    assert_eq!(i.raw_value, "80-90");
}

#[test]
fn long_csv_edited_columns_win_over_the_value_as_written_with_a_notice() {
    // A spreadsheet user changes 指标值 or 度量单位 and leaves 原始指标值 as
    // it was: the structured columns are read, and a notice names the cell.
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let t = table_with_value_extras();
    let csv = edited_long_csv(&t, |r: &mut Vec<String>, col: &dyn Fn(&str) -> usize| {
        match r[col("三级指标")].as_str() {
            "活动人次" => r[col("指标值")] = "6000".into(),
            "服务人数" => r[col("度量单位")] = "人次".into(),
            // A derived column only: nothing to say.
            "志愿者" => r[col("值前缀")] = "志愿者".into(),
            _ => {}
        }
    });
    let back = read_bytes("edited.csv", &csv, &ReadOptions::default()).unwrap();
    let ind = |name: &str| {
        back.indicators()
            .find(|(_, i)| i.name == name)
            .map(|(_, i)| i.clone())
            .unwrap()
    };
    let q = |name: &str| ind(name).target.quantity().cloned().unwrap();
    // The structured columns won: 6000 人次 without 左右, 2 人次 without 万.
    assert_eq!(q("活动人次").value, dec("6000"));
    assert_eq!(q("活动人次").approx, None);
    assert_eq!(ind("活动人次").raw_value, "6000");
    assert_eq!(q("服务人数").magnitude, None);
    assert_eq!(q("服务人数").unit.as_deref(), Some("人次"));
    // The others kept the value as written.
    assert_eq!(ind("志愿者").raw_value, "300余人");
    assert_eq!(ind("全年服务").raw_value, "5000人次（全年）");
    let differs: Vec<&jixiao_core::Notice> = back
        .notices
        .iter()
        .filter(|n| n.code == "raw-value-differs")
        .collect();
    assert_eq!(differs.len(), 2, "{differs:?}");
    let raw_col = 17;
    let rows: Vec<u32> = differs.iter().map(|n| n.origin.unwrap().row).collect();
    assert_eq!(
        rows,
        [ind("活动人次").origin.row, ind("服务人数").origin.row]
    );
    assert!(differs.iter().all(|n| n.origin.unwrap().col == raw_col));
    let first = differs[0];
    assert_eq!(
        first.message,
        format!(
            "第{}行第17列：原始指标值「5000人次左右」与指标性质、指标值、度量单位所写的「6000人次」不一致，按后者读入",
            rows[0]
        )
    );
    assert_eq!(
        first.message_en,
        format!(
            "row {}, column 17: the value as written (原始指标值) “5000人次左右” disagrees with “6000人次” in the \
             指标性质, 指标值 and 度量单位 columns; those columns were read",
            rows[0]
        )
    );
}

#[test]
fn about_before_the_number_reads_back_from_every_format() {
    // `约300人次` is 300 人次 about (`Approx::Yue`), not a label 约: every
    // writer keeps it, in front of the number, and it reads back so. With a
    // label the canonical and row-layout values set it apart by `：`
    // (`服务对象满意度：约85%`): glued, the label would take the 约.
    use jixiao_core::model::{Approx, Target};
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let text = sample_text()
        .replacen(
            "举办团、队干部培训，年度指标值：300人次。",
            "举办团、队干部培训，年度指标值：约300人次。",
            1,
        )
        .replacen(
            "活动服务人数，年度指标值：5000人次。",
            "活动服务人数，年度指标值：大约5000人次。",
            1,
        )
        .replacen(
            "年度指标值：服务对象满意度85%。",
            "年度指标值：服务对象满意度：约85%。",
            1,
        )
        .replacen("年度指标值：90%。", "年度指标值：≥约90%。", 1);
    let t = read_bytes("c.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
    type Read = (String, Option<String>, Target);
    let targets = |t: &Table| -> Vec<Read> {
        t.indicators()
            .map(|(_, i)| (i.name.clone(), i.value_label.clone(), i.target.clone()))
            .collect()
    };
    let want = targets(&t);
    let abouts: Vec<(&str, Option<&str>, Option<Approx>)> = want
        .iter()
        .filter_map(|(n, l, t)| {
            let q = t.quantity()?;
            q.approx.map(|a| (n.as_str(), l.as_deref(), Some(a)))
        })
        .collect();
    assert_eq!(
        abouts,
        [
            ("活动服务人数", None, Some(Approx::DaYue)),
            ("服务对象满意度", Some("服务对象满意度"), Some(Approx::Yue)),
            ("举办团、队干部培训", None, Some(Approx::Yue)),
            ("服务对象满意度", None, Some(Approx::Yue)),
        ]
    );
    // the one-cell formats: the cell as written
    let tsv = render(&t, OutputFormat::Tsv, &WriteOptions::default());
    assert_eq!(utf8(tsv), text);
    for (name, format) in [
        ("c.json", OutputFormat::Json),
        ("c.xlsx", OutputFormat::Xlsx),
        ("c.html", OutputFormat::Html),
        ("c.tsv", OutputFormat::Tsv),
    ] {
        let bytes = render(&t, format, &WriteOptions::default());
        let back = read_bytes(name, &bytes, &ReadOptions::default()).unwrap();
        assert_eq!(targets(&back), want, "{name}");
    }
    // the row layouts (约 in 指标值 before the number), and from them the
    // canonical one-cell text
    for (name, back) in read_back_in_row_layout(&t) {
        assert_eq!(targets(&back), want, "{name}");
        let tsv = render(&back, OutputFormat::Tsv, &WriteOptions::default());
        assert!(
            utf8(tsv.clone()).contains("服务对象满意度，年度指标值：服务对象满意度：约85%。"),
            "{name}"
        );
        let again = read_bytes("again.tsv", &tsv, &ReadOptions::default()).unwrap();
        assert_eq!(targets(&again), want, "{name} → tsv");
    }
    // the long CSV: 指标值 is the bare number; 约, like 左右, is in 原始指标值
    let csv = render(&t, OutputFormat::Csv, &WriteOptions::default());
    let rows = parse_csv(&csv);
    let col = |h: &str| rows[0].iter().position(|c| c == h).unwrap();
    let (value, unit, raw) = (col("指标值"), col("度量单位"), col("原始指标值"));
    let row = rows
        .iter()
        .find(|r| r.iter().any(|c| c == "举办团、队干部培训"))
        .unwrap();
    assert_eq!(
        (row[value].as_str(), row[unit].as_str(), row[raw].as_str()),
        ("300", "人次", "约300人次")
    );
    // and reads it back from 原始指标值, where it agrees with the columns
    let back = read_bytes("c.csv", &csv, &ReadOptions::default()).unwrap();
    assert_eq!(targets(&back), want, "c.csv");
}

/// A document of our schema whose content does not fit the model is placed
/// at the offending value (line and column of the JSON), not at its end.
#[test]
fn read_json_points_at_the_value_that_does_not_fit() {
    let json = jixiao_formats::write::json::to_json_string(&sample()).unwrap();
    let (at, _) = json
        .match_indices("\"total\": \"158.00\"")
        .next()
        .expect("the sample's first project total");
    let line = json[..at].matches('\n').count() as u32 + 1;
    let bad = json.replacen("\"total\": \"158.00\"", "\"total\": 158", 1);
    let e = jixiao_formats::read_bytes("t.json", bad.as_bytes(), &Default::default()).unwrap_err();
    let loc = e.location().expect("a location");
    assert_eq!(loc.row, Some(line), "{e}");
    assert!(e.to_string().contains("JSON 内容与表格模型不符"), "{e}");
}

/// A row layout's 指标值 and 度量单位 cells are written as they were, in
/// every row-layout output: `12` | `万平方米` (not `12万` | `平方米`), and
/// `230人` | `个`, whose disagreement is a finding (`unit-inconsistent`)
/// the copy must keep (it became `230` | `人` before).
#[test]
fn row_layouts_keep_value_and_unit_cells_as_written() {
    let text = "2024年部门预算项目绩效目标申报表\n金额单位：元\n\
        项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n\
        保洁经费\t650,000.00\t日常清扫保洁。\t产出指标\t数量指标\t保洁面积\t≥\t12\t万平方米\n\
        \t\t\t产出指标\t数量指标\t保障在职人数\t≥\t230人\t个\n";
    let t = jixiao_formats::read_bytes("r.tsv", text.as_bytes(), &Default::default()).unwrap();
    let opts = WriteOptions {
        layout: Some(LayoutFamily::RowPerIndicator),
        ..WriteOptions::default()
    };
    let tsv = String::from_utf8(render(&t, OutputFormat::Tsv, &opts)).unwrap();
    assert!(tsv.contains("\t≥\t12\t万平方米\t"), "{tsv}");
    assert!(tsv.contains("\t≥\t230人\t个\t"), "{tsv}");
    for format in [OutputFormat::Tsv, OutputFormat::Xlsx, OutputFormat::Html] {
        let bytes = render(&t, format, &opts);
        let name = format!("back.{}", format.extension());
        let back = jixiao_formats::read_bytes(&name, &bytes, &Default::default()).unwrap();
        let inds: Vec<_> = back.projects().flat_map(|p| &p.indicators).collect();
        assert_eq!(inds[0].unit_column(), Some("万平方米"), "{format:?}");
        assert_eq!(inds[1].unit_column(), Some("个"), "{format:?}");
        assert_eq!(inds[1].raw_value, "230人", "{format:?}");
        assert_eq!(inds[0].target, t.units[0].projects[0].indicators[0].target);
    }
}

/// A table read from a two-row header (`资金总额` over `（万元）`, `其中：` over
/// the sources), or from amount headers stating 元, written in the one-cell
/// layout and read back: the same money. The writers copied the composed
/// headers (`资金总额/（万元）`), which no reader takes for one column, so
/// every amount was lost; and a header saying （元） stood over amounts
/// written in 万元 (/tmp/ur8 D5).
#[test]
fn two_row_and_yuan_headers_round_trip_through_every_one_cell_writer() {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    for name in ["hdr2-wan.tsv", "hdr2-yuan.xlsx", "hdr2-yuan.html"] {
        let t = jixiao_formats::read_path(&dir.join(name), &ReadOptions::default()).unwrap();
        let money = |t: &Table| -> Vec<_> { t.projects().map(|p| p.funding).collect() };
        assert!(money(&t).iter().all(|f| f.amount().is_some()), "{name}");
        for (format, ext) in [
            (OutputFormat::Xlsx, "xlsx"),
            (OutputFormat::Html, "html"),
            (OutputFormat::Tsv, "tsv"),
        ] {
            let opts = WriteOptions {
                layout: Some(LayoutFamily::OneCell),
                ..WriteOptions::default()
            };
            let bytes = render(&t, format, &opts);
            let back = read_bytes(&format!("back.{ext}"), &bytes, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name} → {ext}: {e:?}"));
            assert_eq!(money(&back), money(&t), "{name} → {ext}");
            assert!(
                !back
                    .notices
                    .iter()
                    .any(|n| n.code == "amount-columns-unread" || n.code == "money-scale-conflict"),
                "{name} → {ext}: {:?}",
                back.notices
            );
        }
    }
}

/// A title that states the scale in its brackets (`（单位：元）`, /tmp/ur9
/// p22) is read in 元; written back, the title loses the brackets (the
/// written table states 单位：万元) and reads back with the same money, in
/// every layout.
#[test]
fn a_scale_in_the_title_is_read_and_not_written_back_against_the_scale_line() {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let text = "2024年某村项目支出绩效目标表(单位:元)\n部门名称：某村民委员会\n项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n村级公益性岗位补贴\t36,000.00\t36,000.00\t\t\t保障2个公益性岗位。\t1-产出指标：公益性岗位数，年度指标值：=2个。2-满意度指标：群众满意度，年度指标值：≥90%。\n";
    let t = read_bytes("title.tsv", text.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(t.money_scale, jixiao_core::MoneyScale::Yuan);
    let money = |t: &Table| -> Vec<_> { t.projects().map(|p| p.funding.total).collect() };
    assert_eq!(money(&t), [Some(dec("3.6"))]);
    let codes = |t: &Table| -> Vec<String> { t.notices.iter().map(|n| n.code.clone()).collect() };
    assert!(
        !codes(&t).iter().any(|c| c.starts_with("money-scale")),
        "{:?}",
        codes(&t)
    );
    for layout in [LayoutFamily::OneCell, LayoutFamily::RowPerIndicator] {
        for (format, ext) in [
            (OutputFormat::Xlsx, "xlsx"),
            (OutputFormat::Html, "html"),
            (OutputFormat::Tsv, "tsv"),
        ] {
            if ext == "tsv" && layout != LayoutFamily::OneCell {
                continue;
            }
            let opts = WriteOptions {
                layout: Some(layout),
                ..WriteOptions::default()
            };
            let bytes = render(&t, format, &opts);
            let back = read_bytes(&format!("back.{ext}"), &bytes, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{ext}: {e:?}"));
            assert_eq!(money(&back), money(&t), "{layout:?} {ext}");
            assert!(
                !codes(&back).iter().any(|c| c == "money-scale-conflict"),
                "{ext}: {:?}",
                codes(&back)
            );
            assert_eq!(
                back.title.as_deref(),
                Some("2024年某村项目支出绩效目标表"),
                "{ext}"
            );
        }
    }
}

/// A title's `（单位：元）` overruled by a `单位：万元` line: the one-cell TSV,
/// which copies the preamble, drops the overruled bracket, so the table read
/// back states one scale (/tmp/ur10 D15).
#[test]
fn the_tsv_writer_drops_an_overruled_title_scale() {
    use jixiao_formats::read::{read_bytes, ReadOptions};
    let text = "2024年项目支出绩效目标表（单位：元）\n单位：万元\n项目名称\t总计\t绩效目标\t绩效指标\n项目甲\t10.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。\n";
    let t = read_bytes("t.tsv", text.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(t.notices.iter().any(|n| n.code == "money-scale-conflict"));
    let bytes = render(&t, OutputFormat::Tsv, &WriteOptions::default());
    let back = read_bytes("back.tsv", &bytes, &ReadOptions::default()).unwrap();
    assert!(
        !back
            .notices
            .iter()
            .any(|n| n.code == "money-scale-conflict"),
        "{:?}",
        back.notices
    );
    assert_eq!(back.title.as_deref(), Some("2024年项目支出绩效目标表"));
    assert_eq!(
        back.projects().map(|p| p.funding.total).collect::<Vec<_>>(),
        [Some(dec("10.00"))]
    );
}
