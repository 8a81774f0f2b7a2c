//! Readers: source bytes → [`Grid`](crate::grid::Grid) → [`Table`].
//!
//! Front ends (each produces a grid; see their module docs):
//! - [`decode`]: bytes → text (BOM, UTF-8, UTF-16, GB18030, `--encoding`);
//! - [`delimited`]: text → grid (tab, comma, `|`, `｜`; zero-copy when unquoted);
//! - [`workbook`]: XLSX/XLS/ODS/XLSB → one grid per sheet (zip-bomb guarded);
//! - [`html`]: `<table>`s → grids with spans expanded and the preamble above.
//!
//! Format detection goes by content first: `PK\x03\x04` → zip workbook,
//! `D0 CF 11 E0` → XLS, markup starting with `<` (or containing `<table`)
//! → HTML, text starting with `{` → JSON, else delimited text; the file
//! extension only breaks ties (`.htm[l]` → HTML, `.json` → JSON, `.csv` →
//! prefer comma). Many "xls" files exported by
//! Chinese government systems are really HTML or tab text; they are read by
//! content.

pub mod build;
pub mod decode;
pub mod delimited;
pub mod html;
pub mod html_depth;
pub mod limits;
pub mod ods_guard;
pub mod pdf;
pub mod workbook;
pub mod xls_guard;
pub mod xls_hidden;

#[cfg(test)]
pub(crate) mod tests_support {
    /// One `row-hidden` notice, naming the project `name`.
    pub(crate) fn assert_one_row_hidden_naming(t: &jixiao_core::Table, name: &str) {
        let n: Vec<_> = t
            .notices
            .iter()
            .filter(|n| n.code == "row-hidden")
            .collect();
        assert_eq!(n.len(), 1, "{n:?}");
        assert!(n[0].message.contains(name), "{}", n[0].message);
    }
}
pub mod xlsx_hidden;

pub use limits::Limits;

use crate::error::{Error, Location, Result};
use jixiao_core::{Lang, Text};
use jixiao_core::{SourceInfo, Table};
use std::io::Read;
use std::path::{Path, PathBuf};
use workbook::{Workbook, WorkbookKind};

/// Options a user can set on the command line.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Force an encoding label (`gbk`, `utf-8`, `utf-16le` …) instead of detecting.
    pub encoding: Option<String>,
    /// Pick a sheet by name in a workbook (default: the sheets whose header is a
    /// performance-target table, see [`read_path_all`]).
    pub sheet: Option<String>,
    /// Safety bounds (file size, decompressed size, cells).
    pub limits: Limits,
    /// The `pdftotext` program for PDF input (default: `pdftotext` on `PATH`).
    pub pdftotext: Option<PathBuf>,
    /// An amount cell that is not a number is read as blank and reported as an
    /// `amount-unparseable` notice at its cell, instead of failing the read.
    /// For review (`jixiao check`), where the rest of the table still deserves
    /// its findings; never for conversion or import, which must not lose an
    /// amount.
    pub report_bad_amounts: bool,
}

/// What the content looks like, before decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// `PK\x03\x04` (or an empty zip): XLSX, ODS, XLSB — [`workbook::inspect_zip`] tells which.
    Zip,
    /// `D0 CF 11 E0`: XLS (or an encrypted OOXML package).
    Cfb,
    /// Markup: starts with `<` after BOM/whitespace and holds `<table`, or named `.htm[l]`.
    Html,
    /// `%PDF-`: text via `pdftotext -layout` (experimental, see [`pdf`]).
    Pdf,
    /// Anything else: delimited text.
    Text,
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Decide the kind of `bytes` by magic bytes, then by the extension of `name`.
/// UTF-16 HTML is only recognised after decoding (see [`read_bytes`]).
pub fn sniff(name: &str, bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Sniffed::Cfb;
    }
    if bytes.starts_with(b"%PDF-") {
        return Sniffed::Pdf;
    }
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    if looks_like_html(head) || matches!(extension(name).as_str(), "html" | "htm" | "xhtml") {
        return Sniffed::Html;
    }
    Sniffed::Text
}

fn looks_like_html(head: &[u8]) -> bool {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    let starts_with_lt = start.and_then(|i| body.get(i)) == Some(&b'<');
    if !starts_with_lt {
        return false;
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    memchr::memmem::find(&lower, b"<table").is_some()
        || memchr::memmem::find(&lower, b"<html").is_some()
        || memchr::memmem::find(&lower, b"<!doctype html").is_some()
}

fn too_large_file(name: &str, size: u64, limits: &Limits) -> Error {
    let (size, max) = (
        limits::human_bytes(size),
        limits::human_bytes(limits.max_file_bytes),
    );
    Error::too_large(
        Location::file(name),
        Text::new(
            format!("文件过大：{size}，上限 {max}"),
            format!("the file is {size}; the limit is {max}"),
        ),
        Text::new(
            "请拆分文件，或调高上限（命令行 --max-file-mb，以 MiB 计；程序接口 ReadOptions.limits.max_file_bytes）",
            "split the file, or raise the limit (command line: --max-file-mb, in MiB; library: \
             ReadOptions.limits.max_file_bytes)",
        ),
    )
}

/// Read a table from a file; the format is taken from the content (magic bytes), then the extension.
///
/// A workbook read without [`ReadOptions::sheet`] gives its first sheet that
/// holds a performance-target table (see [`read_path_all`]); the table's
/// notices name the sheets not read.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Table> {
    let (name, bytes) = load(path, opts)?;
    read_bytes(&name, &bytes, opts)
}

/// Every table of a file, for review: in a workbook read without
/// [`ReadOptions::sheet`], each sheet that holds a performance-target table
/// (a header with 绩效目标, 绩效指标 or 一级指标 columns), in workbook order,
/// each table naming its sheet (`source.sheet`); the first one's notices name
/// the sheets that hold none (`sheet-not-target`). Any other file gives its
/// one table, as [`read_path`].
pub fn read_path_all(path: &Path, opts: &ReadOptions) -> Result<Vec<Table>> {
    let (name, bytes) = load(path, opts)?;
    read_bytes_all(&name, &bytes, opts)
}

/// The file's name for messages and its bytes, within the size limit.
fn load(path: &Path, opts: &ReadOptions) -> Result<(String, Vec<u8>)> {
    let name = path.display().to_string();
    let io = |source: std::io::Error| Error::Io {
        location: Location::file(&name),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > opts.limits.max_file_bytes {
        return Err(too_large_file(&name, size, &opts.limits));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(opts.limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok((name, bytes))
}

/// How many tables a read gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// The first table (a workbook's first target sheet).
    One,
    /// Every target sheet of a workbook.
    All,
}

/// Read a table from bytes; `name` is used for messages and format hints.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    let tables = read_bytes_in(name, bytes, opts, Want::One)?;
    tables.into_iter().next().ok_or_else(|| no_sheets(name))
}

/// Every table of the bytes (see [`read_path_all`]).
pub fn read_bytes_all(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Table>> {
    read_bytes_in(name, bytes, opts, Want::All)
}

fn read_bytes_in(name: &str, bytes: &[u8], opts: &ReadOptions, want: Want) -> Result<Vec<Table>> {
    let size = bytes.len() as u64;
    if size > opts.limits.max_file_bytes {
        return Err(too_large_file(name, size, &opts.limits));
    }
    // A byte-order mark alone (a text editor's "empty" UTF-8 file) is empty too.
    let bom_only = encoding_rs::Encoding::for_bom(bytes).is_some_and(|(_, len)| len == bytes.len());
    if bytes.is_empty() || bom_only {
        return Err(Error::invalid(
            Location::file(name),
            Text::new("文件为空", "the file is empty"),
            Text::new(
                "请确认文件已完整下载或保存",
                "check that the file was downloaded or saved completely",
            ),
        ));
    }
    let sniffed = sniff(name, bytes);
    // Binary content under a workbook's name: a damaged file or one of
    // another type, refused as that workbook (a text or HTML table named
    // .xls is still read by its content).
    if sniffed == Sniffed::Text {
        if let Some(kind) = workbook_named(name) {
            if decode::looks_binary(bytes) {
                return Err(not_a_workbook(name, kind));
            }
        }
    }
    let one = |t: Result<Table>| t.map(|t| vec![t]);
    match sniffed {
        Sniffed::Zip => {
            let (kind, marks) = workbook::inspect_zip(name, bytes, &opts.limits)?;
            read_workbook(name, bytes, kind, marks, opts, want)
        }
        Sniffed::Cfb => {
            if workbook::is_encrypted_ooxml(bytes) {
                return Err(workbook::password(name));
            }
            xls_guard::check_xls(name, bytes, &opts.limits)?;
            read_workbook(
                name,
                bytes,
                WorkbookKind::Xls,
                Default::default(),
                opts,
                want,
            )
        }
        Sniffed::Html => {
            let decoded = decode::decode_markup(
                name,
                bytes,
                opts.encoding.as_deref(),
                decode::html_charset_hint(bytes),
            )?;
            read_html(name, &decoded, opts, want)
        }
        Sniffed::Pdf => {
            one(read_pdf(name, bytes, opts).map(|t| one_table(t, opts, ("PDF", "a PDF"))))
        }
        Sniffed::Text if looks_like_json(name, bytes) => {
            one(crate::write::json::read_json_named(name, bytes)
                .map(|t| one_table(t, opts, ("JSON 表格", "a JSON table"))))
        }
        Sniffed::Text => {
            let decoded = decode::decode(name, bytes, opts.encoding.as_deref(), None)?;
            let head = decoded.text.get(..decoded.text.len().min(64 * 1024));
            if decoded.encoding.starts_with("UTF-16")
                && looks_like_html(head.unwrap_or("").as_bytes())
            {
                return read_html(name, &decoded, opts, want);
            }
            one(read_text(name, &decoded, opts)
                .map(|t| one_table(t, opts, ("文本表格", "a text table"))))
        }
    }
}

/// A file of one table read with `--sheet`: the option is said to be
/// ignored, not passed over in silence (a `check DIR --sheet 2024年` reads a
/// TSV of the folder whole).
fn one_table(mut t: Table, opts: &ReadOptions, (kind, kind_en): (&str, &str)) -> Table {
    if let Some(wanted) = &opts.sheet {
        let shown = crate::grid::visible_controls(wanted.clone());
        t.notices.push(jixiao_core::Notice::new(
            None,
            "sheet-option-ignored",
            format!(
                "--sheet「{shown}」只适用于工作簿（XLSX/XLS/ODS）和网页；本文件是{}{kind}，只有一张表，已读入",
                if kind.starts_with(|c: char| c.is_ascii()) { " " } else { "" }
            ),
            format!("--sheet \"{shown}\" applies to workbooks (XLSX/XLS/ODS) and web pages; this file ({kind_en}) has one table, which was read"),
        ));
    }
    t
}

/// The workbook kind a file's extension names (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`).
fn workbook_named(name: &str) -> Option<WorkbookKind> {
    match extension(name).as_str() {
        "xlsx" | "xlsm" => Some(WorkbookKind::Xlsx),
        "xlsb" => Some(WorkbookKind::Xlsb),
        "xls" => Some(WorkbookKind::Xls),
        "ods" => Some(WorkbookKind::Ods),
        _ => None,
    }
}

/// A file named as a `kind` workbook whose content is neither a workbook
/// (zip or compound document) nor text: said as a damaged workbook, as a
/// truncated zip is, not as a text file that should be given as XLSX.
fn not_a_workbook(name: &str, kind: WorkbookKind) -> Error {
    let (what_zh, what_en, hint_zh, hint_en) = match kind {
        WorkbookKind::Xls => (
            "XLS 文件（不是 Excel 97-2003 工作簿）",
            "XLS file (not an Excel 97-2003 workbook)",
            "请用 Excel 打开并重新另存为 .xlsx 或 .xls",
            "open it in Excel and save it again as .xlsx or .xls",
        ),
        WorkbookKind::Ods => (
            "ODS 文件（不是 zip 压缩包）",
            "ODS file (not a zip archive)",
            "请用 Excel 或 LibreOffice 打开并重新另存为 .ods 或 .xlsx",
            "open it in Excel or LibreOffice and save it again as .ods or .xlsx",
        ),
        WorkbookKind::Xlsx => (
            "XLSX 文件（不是 zip 压缩包）",
            "XLSX file (not a zip archive)",
            "请用 Excel 打开并重新另存为 .xlsx",
            "open it in Excel and save it again as .xlsx",
        ),
        WorkbookKind::Xlsb => (
            "XLSB 文件（不是 zip 压缩包）",
            "XLSB file (not a zip archive)",
            "请用 Excel 打开并重新另存为 .xlsx",
            "open it in Excel and save it again as .xlsx",
        ),
    };
    Error::invalid(
        Location::file(name),
        Text::new(
            format!("不是有效的 {what_zh}：文件可能已损坏，或是另一种类型的文件"),
            format!("not a valid {what_en}: the file may be damaged or of another type"),
        ),
        Text::new(hint_zh, hint_en),
    )
}

/// JSON, to be read as jixiao's canonical JSON or refused as such (a foreign
/// document is told it lacks the `schema` field, docs/json.md): a file named
/// `.json`, or any text whose first character is `{`. Published tables never
/// start with `{`, so this cannot steal a text table, and a JSON document is
/// never sniffed as a delimited table.
fn looks_like_json(name: &str, bytes: &[u8]) -> bool {
    if extension(name) == "json" {
        return true;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| body[i] == b'{')
}

fn text_source(name: &str, format: &str, decoded: &decode::Decoded<'_>) -> SourceInfo {
    SourceInfo {
        path: name.to_string(),
        format: format.to_string(),
        encoding: Some(decoded.encoding.clone()),
        encoding_source: Some(decoded.source.to_string()),
        sheet: None,
        table: None,
        delimiter: None,
        final_newline: None,
    }
}

/// Decoded text → grid. Exposed for tests and benchmarks.
pub fn text_grid<'a>(
    name: &str,
    text: &'a str,
    limits: &Limits,
) -> Result<delimited::TextGrid<'a>> {
    delimited::grid_from_text(name, text, extension(name) == "csv", limits)
}

fn read_text(name: &str, decoded: &decode::Decoded<'_>, opts: &ReadOptions) -> Result<Table> {
    let tg = text_grid(name, &decoded.text, &opts.limits)?;
    let format = if tg.delimiter == Some(',') {
        "csv"
    } else {
        "text"
    };
    let source = || SourceInfo {
        delimiter: tg.delimiter,
        final_newline: Some(tg.final_newline),
        ..text_source(name, format, decoded)
    };
    match build::build_table_with(&tg.grid, source(), opts.report_bad_amounts) {
        // Columns aligned by spaces, as `pdftotext -layout` (or a printout
        // saved as text) writes them: read as a PDF's layout text, else the
        // text's own error stands.
        Err(e) if tg.delimiter.is_none() && aligned_by_spaces(&decoded.text) => {
            match read_pdf_text(name, &decoded.text, opts) {
                Ok(mut t) => {
                    t.source = source();
                    t.notices.insert(
                        0,
                        jixiao_core::Notice::new(
                            None,
                            "layout-text",
                            "文件中的各列以空格对齐（如 pdftotext -layout 的输出），按列位置读取；\
                             这种读法是实验性的，请核对读取结果"
                                .to_string(),
                            "the file's columns are aligned by spaces (as pdftotext -layout \
                             writes them) and were read by their positions; this reading is \
                             experimental, check what was read"
                                .to_string(),
                        ),
                    );
                    Ok(t)
                }
                Err(_) => Err(e),
            }
        }
        read => read,
    }
}

/// Whether a text without delimiters lays its columns out with spaces: some
/// line holds at least four pieces of text each two or more spaces apart (a
/// header of name, amounts, goal and indicators).
fn aligned_by_spaces(text: &str) -> bool {
    text.lines().take(200).any(|line| {
        let gaps = line
            .trim()
            .split("  ")
            .filter(|piece| !piece.trim().is_empty())
            .count();
        gaps >= 4
    })
}

/// What a page's table is called: its exported sheet's name, else `表格N`
/// (its place among the page's `<table>`s), as `check` names it.
/// Whether a table's money scale was assumed (none printed or inherited).
fn scale_assumed(t: &Table) -> bool {
    t.notices.iter().any(|n| n.code == "money-scale-assumed")
}

fn html_table_name(t: &html::HtmlTable) -> String {
    t.sheet
        .clone()
        .unwrap_or_else(|| format!("表格{}", t.index))
}

/// Whether `wanted` (`--sheet`) names table `t`: its sheet name, or
/// `表格3` / `表格 3` / `table 3` / `3` for the third `<table>`.
fn names_html_table(wanted: &str, t: &html::HtmlTable) -> bool {
    let w = wanted.trim();
    if t.sheet.as_deref() == Some(w) {
        return true;
    }
    let n = w
        .strip_prefix("表格")
        .or_else(|| w.strip_prefix("table"))
        .or_else(|| w.strip_prefix("Table"))
        .unwrap_or(w)
        .trim();
    n.parse::<usize>().is_ok_and(|n| n == t.index)
}

/// The notice naming the further tables of a page that hold
/// performance-target tables when only the first is read (`show`, `convert`).
fn tables_more_targets(tables: &[String]) -> jixiao_core::Notice {
    let n = tables.len();
    let first = tables.first().map_or("表格2", String::as_str);
    jixiao_core::Notice::new(
        None,
        "table-more-targets",
        format!(
            "页面中另有 {n} 个表格是绩效目标表，未读取：{}；请用 --sheet（如 --sheet {first}）指定要读取的表格（jixiao check 审核全部表格）",
            tables.join("、")
        ),
        format!(
            "{n} more {} of the page {} performance-target {} and {} not read: {}; \
             pick one with --sheet (as --sheet {first}) (jixiao check reviews every table)",
            if n == 1 { "table" } else { "tables" },
            if n == 1 { "is a" } else { "are" },
            if n == 1 { "table" } else { "tables" },
            if n == 1 { "was" } else { "were" },
            tables.join(", ")
        ),
    )
}

/// The tables of a page. With `--sheet`, the table it names (`表格3`, or an
/// exported sheet's name). Otherwise every `<table>` is read and the ones
/// that hold a performance-target table ([`holds_targets`]) are taken, in
/// page order: all of them (`Want::All`), or the first, its notices naming
/// the others (`table-more-targets`). A page without any target table gives
/// its largest `<table>` that reads as a table, as before. Tables that are
/// not target tables are not named: a page's layout, title and note tables
/// are many and expected; but a table of a kind not read yet (a
/// self-evaluation, a whole-department table) is (`sheet-not-target`).
fn read_html(
    name: &str,
    decoded: &decode::Decoded<'_>,
    opts: &ReadOptions,
    want: Want,
) -> Result<Vec<Table>> {
    let tables = html::html_tables(name, &decoded.text, &opts.limits)?;
    if tables.is_empty() {
        return Err(Error::invalid(
            Location::file(name),
            Text::new(
                "HTML 中没有两行以上的表格（<table>）",
                "the HTML holds no <table> with two or more rows",
            ),
            Text::new(
                "请确认网页包含绩效目标表",
                "check that the page holds the performance-target table",
            ),
        ));
    }
    let build_in = |t: &html::HtmlTable, inherited: Option<build::Inherited>| {
        let source = SourceInfo {
            sheet: t.sheet.clone(),
            table: u32::try_from(t.index).ok(),
            ..text_source(name, "html", decoded)
        };
        build::build_table_in(&t.grid, source, opts.report_bad_amounts, inherited)
    };
    let build = |t: &html::HtmlTable| build_in(t, None);
    let build_inheriting = |t: &html::HtmlTable, inherited| build_in(t, Some(inherited));
    if let Some(wanted) = &opts.sheet {
        let Some(t) = tables.iter().find(|t| names_html_table(wanted, t)) else {
            let mut listed: Vec<&html::HtmlTable> = tables.iter().collect();
            listed.sort_by_key(|t| t.index);
            let names: Vec<String> = listed.iter().map(|t| html_table_name(t)).collect();
            return Err(Error::invalid(
                Location::file(name),
                Text::new(
                    format!(
                        "页面中没有“{wanted}”这个表格；两行以上的表格有：{}",
                        names.join("、")
                    ),
                    format!(
                        "the page has no table “{wanted}”; its tables of two or more rows are {}",
                        names.join(", ")
                    ),
                ),
                Text::new(
                    "对网页，--sheet 指定第几个表格：--sheet 表格N（N 为页面中 <table> 的序号，见 jixiao check 的 [表格N]）",
                    "for a page, --sheet names a table by its place: --sheet 表格N (N counts the <table>s of the page, as jixiao check's [表格N] does)",
                ),
            ));
        };
        let table = build(t)?;
        // Stating no scale, it takes the one of the nearest target table above it.
        if scale_assumed(&table) {
            let mut above: Vec<&html::HtmlTable> =
                tables.iter().filter(|a| a.index < t.index).collect();
            above.sort_by_key(|a| std::cmp::Reverse(a.index));
            let inherited = above.iter().find_map(|a| {
                let earlier = build(a).ok().filter(holds_targets)?;
                let assumed = scale_assumed(&earlier);
                (!assumed).then(|| build::Inherited {
                    scale: earlier.money_scale,
                    from_table: u32::try_from(a.index).unwrap_or(0),
                })
            });
            if let Some(inherited) = inherited {
                return build_inheriting(t, inherited).map(|t| vec![t]);
            }
        }
        return Ok(vec![table]);
    }
    // Largest first, for the fallback; target tables are taken in page order.
    let mut targets: Vec<(usize, Table)> = Vec::new();
    let mut fallback: Option<Table> = None;
    let mut failures = Vec::new();
    // A page of one table refused gives that table's own error (its row and
    // hint), not the same wrapped in a list of one.
    let mut only_error: Option<Error> = None;
    // Tables of a kind not read yet (a self-evaluation, a whole-department
    // table): named beside the targets, as a workbook's sheets are.
    let mut other_kind: Vec<(String, Text)> = Vec::new();
    for t in &tables {
        match build(t) {
            Ok(table) if holds_targets(&table) => targets.push((t.index, table)),
            Ok(table) => {
                fallback.get_or_insert(table);
            }
            Err(e) => {
                if let Some(kind) = build::other_kind(&t.grid) {
                    other_kind.push((html_table_name(t), kind));
                }
                let text = e.text();
                if tables.len() == 1 {
                    only_error = Some(e);
                }
                failures.push(text.prefixed(
                    &format!("第{}个表格（{}行×{}列）：", t.index, t.table_rows, t.cols),
                    &format!(
                        "table {} ({} rows × {} columns): ",
                        t.index, t.table_rows, t.cols
                    ),
                ))
            }
        }
    }
    targets.sort_by_key(|(index, _)| *index);
    // A page prints its money scale once, above the first table: a later
    // target table that states none takes the scale of the one before it
    // (read in 万元, a 元 table's amounts would be 10 000 times too large).
    let mut page_scale: Option<build::Inherited> = None;
    for (index, table) in &mut targets {
        let assumed = scale_assumed(table);
        match (assumed, page_scale) {
            (false, _) => {
                page_scale = Some(build::Inherited {
                    scale: table.money_scale,
                    from_table: u32::try_from(*index).unwrap_or(0),
                });
            }
            (true, Some(inherited)) => {
                if let Some(t) = tables.iter().find(|t| t.index == *index) {
                    if let Ok(rebuilt) = build_inheriting(t, inherited) {
                        *table = rebuilt;
                    }
                }
            }
            (true, None) => {}
        }
    }
    let mut targets: Vec<Table> = targets.into_iter().map(|(_, t)| t).collect();
    if targets.is_empty() {
        if let Some(t) = fallback {
            return Ok(vec![t]);
        }
    } else {
        if want == Want::One && targets.len() > 1 {
            let more: Vec<String> = targets
                .drain(1..)
                .map(|t| match t.source.sheet {
                    Some(sheet) => sheet,
                    None => format!("表格{}", t.source.table.unwrap_or(0)),
                })
                .collect();
            if let Some(first) = targets.first_mut() {
                first.notices.push(tables_more_targets(&more));
            }
        }
        if let Some(first) = targets.first_mut().filter(|_| !other_kind.is_empty()) {
            first.notices.push(sheets_not_target(&other_kind));
        }
        return Ok(targets);
    }
    if let Some(e) = only_error {
        return Err(e);
    }
    Err(none_recognised(
        name,
        Text::new("表格", "table"),
        failures,
        Text::new(
            "请检查网页中的表头",
            "check the header of the table in the page",
        ),
    ))
}

/// The refusal of a PDF header of several lines, the first on layout line
/// `line`: the text's columns cannot be put together again with confidence.
fn multiline_pdf_header(name: &str, line: u32) -> Error {
    Error::invalid(
        Location {
            row: Some(line),
            ..Location::file(name)
        },
        Text::new(
            format!("PDF 的表头占多行（版式文本第{line}行起），无法可靠地还原各列"),
            format!(
                "the PDF's header spans several lines (from line {line} of the layout \
                 text), and its columns cannot be restored with confidence"
            ),
        ),
        Text::new(
            "请改用该表的 XLSX/HTML 版本",
            "use the XLSX or HTML edition of the table",
        ),
    )
}

fn read_pdf(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    use pdf::PdfText;
    let backend = pdf::Pdftotext {
        program: opts
            .pdftotext
            .clone()
            .unwrap_or_else(|| PathBuf::from("pdftotext")),
    };
    let text = backend.pdf_to_text(name, bytes)?;
    read_pdf_text(name, &text, opts)
}

/// The table in a PDF's layout text (`pdftotext -layout`, pages separated by
/// form feeds); `name` is the PDF's, for messages.
pub fn read_pdf_text(name: &str, text: &str, opts: &ReadOptions) -> Result<Table> {
    let naive = pdf::layout_grid(text);
    // Cells are placed under the header's columns by position; without a
    // one-line header the naive grid goes on, to fail with its message.
    let grid = match build::header_columns(&naive) {
        Some((first, last, fields)) if first == last => {
            let line = naive.rows.get(first).map_or(0, |r| r.number as usize);
            if !pdf::has_indicator_columns(&fields) {
                // A header cell wrapped over the lines around it (`绩效` above,
                // `指标` below) is a header of several lines, not columns
                // printed on other pages.
                if let Some(from) = pdf::wrapped_indicator_header(&naive, first) {
                    return Err(multiline_pdf_header(name, from));
                }
                return Err(pdf::header_without_indicators(name, line));
            }
            pdf::column_grid(text, name, line.saturating_sub(1), &fields)?
        }
        Some((first, _, _)) => {
            let line = naive.rows.get(first).map_or(0, |r| r.number);
            return Err(multiline_pdf_header(name, line));
        }
        None => naive,
    };
    let source = SourceInfo {
        path: name.to_string(),
        format: "pdf".to_string(),
        encoding: Some("UTF-8".to_string()),
        encoding_source: Some("pdftotext".to_string()),
        ..SourceInfo::default()
    };
    build::build_table_with(&grid, source, opts.report_bad_amounts).map_err(|e| {
        Error::invalid(
            Location::file(name),
            e.text().prefixed(
                "PDF 的版式文本无法读成绩效目标表：",
                "the PDF's layout text cannot be read as a performance-target table: ",
            ),
            Text::new(
                "PDF 读取是实验性的：合并或垂直居中的单元格、折行的表头在版式文本中无法可靠还原；\
                 请改用该表的 XLSX/HTML 版本",
                "reading PDF is experimental: merged or vertically centred cells and wrapped \
                 headers cannot be restored with confidence from the layout text; use the XLSX \
                 or HTML edition of the table",
            ),
        )
    })
}

/// None of the candidates (`what`: tables of a page, sheets of a workbook)
/// is a table: why not, for each, one per line.
fn none_recognised(name: &str, what: Text, failures: Vec<Text>, hint: Text) -> Error {
    let message = Text::by(|lang| {
        let mut message = match lang {
            Lang::Zh => format!("没有一个{}能识别为绩效目标表：", what.zh),
            Lang::English => format!("no {} is a recognisable performance-target table:", what.en),
        };
        for f in &failures {
            message.push_str("\n  - ");
            message.push_str(&f.get(lang).replace('\n', "\n    "));
        }
        message
    });
    Error::invalid(Location::file(name), message, hint)
}

/// One sheet of a workbook as a grid (for tests and tools).
pub fn sheet_grid(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<(String, workbook::SheetGrid)> {
    let (kind, marks) = match sniff(name, bytes) {
        Sniffed::Zip => workbook::inspect_zip(name, bytes, limits)?,
        Sniffed::Cfb => {
            xls_guard::check_xls(name, bytes, limits)?;
            (WorkbookKind::Xls, Default::default())
        }
        _ => {
            return Err(Error::invalid(
                Location::file(name),
                Text::new(
                    "不是 XLSX/XLS/ODS 工作簿",
                    "not an XLSX, XLS or ODS workbook",
                ),
                Text::default(),
            ))
        }
    };
    let mut wb = Workbook::open(name, bytes, kind, limits, marks)?;
    let names = wb.sheet_names();
    let chosen = match sheet {
        Some(s) => check_sheet(name, s, &names)?,
        None => names
            .iter()
            .find(|n| !wb.is_hidden(n))
            .or(names.first())
            .cloned()
            .ok_or_else(|| no_sheets(name))?,
    };
    let g = wb.sheet(&chosen)?;
    Ok((chosen, g))
}

fn check_sheet(name: &str, sheet: &str, names: &[String]) -> Result<String> {
    if names.iter().any(|n| n == sheet) {
        return Ok(sheet.to_string());
    }
    Err(Error::invalid(
        Location {
            file: name.to_string(),
            sheet: Some(sheet.to_string()),
            ..Location::default()
        },
        Text::new(
            format!(
                "没有名为“{sheet}”的工作表；现有工作表：{}",
                names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            format!(
                "there is no sheet named “{sheet}”; the sheets are {}",
                names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Text::new(
            "请用 --sheet 指定上面列出的一个工作表",
            "pass one of the sheets listed to --sheet",
        ),
    ))
}

fn no_sheets(name: &str) -> Error {
    Error::invalid(
        Location::file(name),
        Text::new("工作簿中没有工作表", "the workbook has no sheets"),
        Text::default(),
    )
}

/// Whether a table read from a sheet is a performance-target table: its
/// header has a 绩效目标, 绩效指标 or 一级指标 column (or 三级指标 / 指标值),
/// or a form gave its projects goals or indicators. A budget sheet
/// (`部门项目支出预算05-1`: 项目名称 | 总计 | 财政拨款) reads as a table but is not one.
fn holds_targets(t: &Table) -> bool {
    use jixiao_core::Field;
    t.columns.iter().any(|c| {
        matches!(
            c.field,
            Field::Goal
                | Field::IndicatorCell
                | Field::Category
                | Field::IndicatorName
                | Field::TargetValue
        )
    }) || t
        .projects()
        .any(|p| p.goal.is_some() || !p.indicators.is_empty())
}

/// Whether a sheet holds nothing at all (Excel's blank Sheet2, Sheet3):
/// not worth naming among the sheets not read.
fn blank_sheet(g: &crate::grid::Grid<'_>) -> bool {
    g.rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.text.trim().is_empty()))
}

/// `“a”（why）、“b”（why）` in Chinese, `“a” (why), “b” (why)` in English.
fn sheet_list(sheets: &[(String, Text)]) -> Text {
    Text::new(
        sheets
            .iter()
            .map(|(s, why)| format!("“{s}”（{}）", why.zh))
            .collect::<Vec<_>>()
            .join("、"),
        sheets
            .iter()
            .map(|(s, why)| format!("“{s}” ({})", why.en))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The notice naming the sheets that hold no performance-target table and
/// were not read (blank sheets aside).
fn sheets_not_target(sheets: &[(String, Text)]) -> jixiao_core::Notice {
    let list = sheet_list(sheets);
    jixiao_core::Notice::new(
        None,
        "sheet-not-target",
        format!("未读取没有绩效目标表的工作表：{}", list.zh),
        format!(
            "not read: {} without a performance-target table: {}",
            if sheets.len() == 1 {
                "a sheet"
            } else {
                "sheets"
            },
            list.en
        ),
    )
}

/// The notice naming the further sheets that hold performance-target tables
/// when only the first is read (`show`, `convert`).
fn sheets_more_targets(sheets: &[String]) -> jixiao_core::Notice {
    let quoted = |sep: &str| {
        sheets
            .iter()
            .map(|s| format!("“{s}”"))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let n = sheets.len();
    jixiao_core::Notice::new(
        None,
        "sheet-more-targets",
        format!(
            "工作簿中另有 {n} 个工作表有绩效目标表，未读取：{}；请用 --sheet 指定要读取的工作表（jixiao check 审核全部工作表）",
            quoted("、")
        ),
        format!(
            "{n} more {} of the workbook {} a performance-target table and {} not read: {}; \
             pick the sheet with --sheet (jixiao check reviews every sheet)",
            if n == 1 { "sheet" } else { "sheets" },
            if n == 1 { "holds" } else { "hold" },
            if n == 1 { "was" } else { "were" },
            quoted(", ")
        ),
    )
}

/// The notice on a table read from a hidden sheet.
fn sheet_hidden(sheet: &str) -> jixiao_core::Notice {
    jixiao_core::Notice::new(
        None,
        "sheet-hidden",
        format!(
            "工作表“{sheet}”在工作簿中是隐藏的，打开文件时看不到；隐藏的表常是作废或过期的表，请核对"
        ),
        format!(
            "the sheet “{sheet}” is hidden in the workbook and not seen when the file is opened; \
             a hidden sheet is often a withdrawn or outdated one: check it"
        ),
    )
}

/// The notice naming the hidden sheets with target tables that were not
/// read because a visible sheet holds one.
fn sheets_hidden_skipped(sheets: &[String]) -> jixiao_core::Notice {
    let quoted = |sep: &str| {
        sheets
            .iter()
            .map(|s| format!("“{s}”"))
            .collect::<Vec<_>>()
            .join(sep)
    };
    jixiao_core::Notice::new(
        None,
        "sheet-hidden-skipped",
        format!(
            "未读取隐藏的工作表 {}（有绩效目标表）：隐藏的表常是作废或过期的表，读取的是可见的工作表；如需读取请用 --sheet 指定",
            quoted("、")
        ),
        format!(
            "not read: the hidden {} {} (holding a performance-target table); a hidden sheet is often \
             withdrawn or outdated, so the visible sheets were read; pick one with --sheet to read it",
            if sheets.len() == 1 { "sheet" } else { "sheets" },
            quoted(", ")
        ),
    )
}

/// The tables of a workbook. With `--sheet`, that sheet. Otherwise every
/// sheet is read and the ones that hold a performance-target table are
/// taken ([`holds_targets`]): all of them (`Want::All`), or the first, its
/// notices naming the others (`sheet-more-targets`). The sheets that hold
/// none are named in a notice of the first table (`sheet-not-target`), so
/// that no sheet is left out silently. A workbook without any target table
/// gives its first sheet that reads as a table, as before.
///
/// Visible sheets come first: a hidden sheet is often a withdrawn year's
/// table kept for reference (`2023年（作废）` before `2024年`), so hidden
/// sheets with target tables are read only when no visible sheet holds one,
/// and then with a `sheet-hidden` notice; otherwise they are named in a
/// `sheet-hidden-skipped` notice. A sheet named with `--sheet` is read
/// whether hidden or not, with the notice when it is.
fn read_workbook(
    name: &str,
    bytes: &[u8],
    kind: WorkbookKind,
    marks: xlsx_hidden::HiddenMarks,
    opts: &ReadOptions,
    want: Want,
) -> Result<Vec<Table>> {
    let mut wb = Workbook::open(name, bytes, kind, &opts.limits, marks)?;
    let names = wb.sheet_names();
    let source = |sheet: &str| SourceInfo {
        path: name.to_string(),
        format: kind.format().to_string(),
        encoding: None,
        encoding_source: None,
        sheet: Some(sheet.to_string()),
        table: None,
        delimiter: None,
        final_newline: None,
    };
    let build = |sg: workbook::SheetGrid, sheet: &str| -> Result<Table> {
        let mut table = build::build_table_with(&sg.grid, source(sheet), opts.report_bad_amounts)?;
        table.notices.extend(sg.notices);
        Ok(table)
    };
    if let Some(sheet) = &opts.sheet {
        let sheet = check_sheet(name, sheet, &names)?;
        let hidden = wb.is_hidden(&sheet);
        let sg = wb.sheet(&sheet)?;
        let mut table = build(sg, &sheet)?;
        if hidden {
            table.notices.push(sheet_hidden(&sheet));
        }
        return Ok(vec![table]);
    }
    if names.is_empty() {
        return Err(no_sheets(name));
    }
    let no_table = || Text::new("没有可识别的表头", "no recognisable table header");
    let mut targets: Vec<Table> = Vec::new();
    // Target sheets beyond the first, when only the first is taken.
    let mut more: Vec<String> = Vec::new();
    // The same for hidden sheets, used when no visible sheet holds targets.
    let mut hidden_targets: Vec<Table> = Vec::new();
    let mut hidden_more: Vec<String> = Vec::new();
    // The first sheet that reads as a table without targets (visible, then
    // hidden), and the sheets not read for holding no target table (with why).
    let mut fallback: Option<Table> = None;
    let mut hidden_fallback: Option<Table> = None;
    let mut not_target: Vec<(String, Text)> = Vec::new();
    let mut failures = Vec::new();
    let mut last_err = None;
    for sheet in &names {
        let hidden = wb.is_hidden(sheet);
        let result = match wb.sheet(sheet) {
            Ok(workbook::SheetGrid { grid, notices }) => {
                match build::build_table_with(&grid, source(sheet), opts.report_bad_amounts) {
                    Ok(mut table) => {
                        table.notices.extend(notices);
                        Ok(table)
                    }
                    // Why a sheet was not read, asked only of one that was
                    // not: blank, or a self-evaluation (a workbook of targets
                    // and 自评表), named as such rather than as headerless.
                    Err(e) => Err((e, blank_sheet(&grid), build::other_kind(&grid))),
                }
            }
            Err(e) if workbook::stops_the_workbook(&e) => return Err(e),
            Err(e) => Err((e, false, None)),
        };
        match result {
            Ok(t) if holds_targets(&t) => {
                let (taken, rest) = if hidden {
                    (&mut hidden_targets, &mut hidden_more)
                } else {
                    (&mut targets, &mut more)
                };
                if want == Want::All || taken.is_empty() {
                    taken.push(t);
                } else {
                    rest.push(sheet.clone());
                }
            }
            Ok(t) => {
                not_target.push((
                    sheet.clone(),
                    Text::new(
                        "表头没有绩效目标、绩效指标或一级指标列",
                        "its header has no 绩效目标, 绩效指标 or 一级指标 column",
                    ),
                ));
                if hidden {
                    hidden_fallback.get_or_insert(t);
                } else {
                    fallback.get_or_insert(t);
                }
            }
            Err((e, blank, other_kind)) => {
                if let Some(kind) = other_kind {
                    not_target.push((sheet.clone(), kind));
                } else if !blank {
                    not_target.push((sheet.clone(), no_table()));
                }
                failures.push(
                    e.text()
                        .prefixed(&format!("工作表“{sheet}”："), &format!("sheet “{sheet}”: ")),
                );
                last_err = Some(e);
            }
        }
    }
    let mut skipped_hidden: Vec<String> = Vec::new();
    if targets.is_empty() {
        // Only hidden sheets hold targets: they are what there is, said so.
        for t in &mut hidden_targets {
            let sheet = t.source.sheet.clone().unwrap_or_default();
            t.notices.push(sheet_hidden(&sheet));
        }
        targets = hidden_targets;
        more = hidden_more;
    } else {
        skipped_hidden = hidden_targets
            .iter()
            .filter_map(|t| t.source.sheet.clone())
            .chain(hidden_more)
            .collect();
    }
    if targets.is_empty() {
        // No sheet holds targets: the first that reads as a table, as before.
        let fallback = match fallback {
            Some(t) => Some(t),
            None => hidden_fallback.map(|mut t| {
                let sheet = t.source.sheet.clone().unwrap_or_default();
                t.notices.push(sheet_hidden(&sheet));
                t
            }),
        };
        if let Some(mut t) = fallback {
            let read = t.source.sheet.clone();
            not_target.retain(|(s, _)| Some(s) != read.as_ref());
            if !not_target.is_empty() {
                t.notices.push(sheets_not_target(&not_target));
            }
            return Ok(vec![t]);
        }
        return match (names.len(), last_err) {
            (1, Some(e)) => Err(e),
            _ => Err(none_recognised(
                name,
                Text::new("工作表", "sheet"),
                failures,
                Text::new("请用 --sheet 指定工作表", "pick the sheet with --sheet"),
            )),
        };
    }
    if let Some(first) = targets.first_mut() {
        if !not_target.is_empty() {
            first.notices.push(sheets_not_target(&not_target));
        }
        if !more.is_empty() {
            first.notices.push(sheets_more_targets(&more));
        }
        if !skipped_hidden.is_empty() {
            first.notices.push(sheets_hidden_skipped(&skipped_hidden));
        }
    }
    Ok(targets)
}
