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
pub mod limits;
pub mod pdf;
pub mod workbook;
pub mod xls_guard;

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
    /// Pick a sheet by name in a workbook (default: the first sheet with a recognisable header).
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
            "请拆分文件，或调高 ReadOptions.limits.max_file_bytes",
            "split the file, or raise ReadOptions.limits.max_file_bytes",
        ),
    )
}

/// Read a table from a file; the format is taken from the content (magic bytes), then the extension.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Table> {
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
    read_bytes(&name, &bytes, opts)
}

/// Read a table from bytes; `name` is used for messages and format hints.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    let size = bytes.len() as u64;
    if size > opts.limits.max_file_bytes {
        return Err(too_large_file(name, size, &opts.limits));
    }
    if bytes.is_empty() {
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
    match sniffed {
        Sniffed::Zip => {
            let kind = workbook::inspect_zip(name, bytes, &opts.limits)?;
            read_workbook(name, bytes, kind, opts)
        }
        Sniffed::Cfb => {
            if workbook::is_encrypted_ooxml(bytes) {
                return Err(workbook::password(name));
            }
            xls_guard::check_xls(name, bytes, &opts.limits)?;
            read_workbook(name, bytes, WorkbookKind::Xls, opts)
        }
        Sniffed::Html => {
            let decoded = decode::decode(
                name,
                bytes,
                opts.encoding.as_deref(),
                decode::html_charset_hint(bytes),
            )?;
            read_html(name, &decoded, opts)
        }
        Sniffed::Pdf => read_pdf(name, bytes, opts),
        Sniffed::Text if looks_like_json(name, bytes) => {
            crate::write::json::read_json_named(name, bytes)
        }
        Sniffed::Text => {
            let decoded = decode::decode(name, bytes, opts.encoding.as_deref(), None)?;
            let head = decoded.text.get(..decoded.text.len().min(64 * 1024));
            if decoded.encoding.starts_with("UTF-16")
                && looks_like_html(head.unwrap_or("").as_bytes())
            {
                return read_html(name, &decoded, opts);
            }
            read_text(name, &decoded, opts)
        }
    }
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
    let mut source = text_source(name, format, decoded);
    source.delimiter = tg.delimiter;
    source.final_newline = Some(tg.final_newline);
    build::build_table_with(&tg.grid, source, opts.report_bad_amounts)
}

fn read_html(name: &str, decoded: &decode::Decoded<'_>, opts: &ReadOptions) -> Result<Table> {
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
    let mut failures = Vec::new();
    for t in &tables {
        let source = SourceInfo {
            sheet: t.sheet.clone(),
            table: u32::try_from(t.index).ok(),
            ..text_source(name, "html", decoded)
        };
        match build::build_table_with(&t.grid, source, opts.report_bad_amounts) {
            Ok(table) => return Ok(table),
            Err(e) => failures.push(e.text().prefixed(
                &format!("第{}个表格（{}行×{}列）：", t.index, t.table_rows, t.cols),
                &format!(
                    "table {} ({} rows × {} columns): ",
                    t.index, t.table_rows, t.cols
                ),
            )),
        }
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

fn read_pdf(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    use pdf::PdfText;
    let backend = pdf::Pdftotext {
        program: opts
            .pdftotext
            .clone()
            .unwrap_or_else(|| PathBuf::from("pdftotext")),
    };
    let text = backend.pdf_to_text(name, bytes)?;
    let grid = pdf::layout_grid(&text);
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
                "PDF 的版式文本中找不到可识别的表格：",
                "no recognisable table in the PDF's layout text: ",
            ),
            Text::new(
                "PDF 读取是实验性的，跨行单元格无法还原；请改用该表的 XLSX/HTML 版本",
                "reading PDF is experimental and cells spanning lines cannot be restored: \
                 use the XLSX or HTML edition of the table",
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
    let kind = match sniff(name, bytes) {
        Sniffed::Zip => workbook::inspect_zip(name, bytes, limits)?,
        Sniffed::Cfb => {
            xls_guard::check_xls(name, bytes, limits)?;
            WorkbookKind::Xls
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
    let mut wb = Workbook::open(name, bytes, kind, limits)?;
    let names = wb.sheet_names();
    let chosen = match sheet {
        Some(s) => check_sheet(name, s, &names)?,
        None => names.first().cloned().ok_or_else(|| {
            Error::invalid(
                Location::file(name),
                Text::new("工作簿中没有工作表", "the workbook has no sheets"),
                Text::default(),
            )
        })?,
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

fn read_workbook(
    name: &str,
    bytes: &[u8],
    kind: WorkbookKind,
    opts: &ReadOptions,
) -> Result<Table> {
    let mut wb = Workbook::open(name, bytes, kind, &opts.limits)?;
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
        let sg = wb.sheet(&sheet)?;
        return build(sg, &sheet);
    }
    if names.is_empty() {
        return Err(Error::invalid(
            Location::file(name),
            Text::new("工作簿中没有工作表", "the workbook has no sheets"),
            Text::default(),
        ));
    }
    let mut failures = Vec::new();
    let mut last_err = None;
    for sheet in &names {
        let result = match wb.sheet(sheet) {
            Ok(sg) => build(sg, sheet),
            Err(e @ Error::TooLarge { .. }) => return Err(e),
            Err(e) => Err(e),
        };
        match result {
            Ok(t) => return Ok(t),
            Err(e) => {
                failures.push(
                    e.text()
                        .prefixed(&format!("工作表“{sheet}”："), &format!("sheet “{sheet}”: ")),
                );
                last_err = Some(e);
            }
        }
    }
    match (names.len(), last_err) {
        (1, Some(e)) => Err(e),
        _ => Err(none_recognised(
            name,
            Text::new("工作表", "sheet"),
            failures,
            Text::new("请用 --sheet 指定工作表", "pick the sheet with --sheet"),
        )),
    }
}
