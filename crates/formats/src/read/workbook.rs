//! Workbooks (XLSX, XLS, ODS, XLSB) → one [`Grid`] per sheet, via calamine.
//!
//! - Zip-based files are checked first ([`inspect_zip`]): entry count, total
//!   decompressed size (really decompressed, not trusted from headers) and
//!   compression ratio are bounded, and a truncated or corrupt archive is a
//!   clear error before calamine sees it.
//! - Row and column indexes are true sheet coordinates: grid row `number` is
//!   the sheet row, and cell `i` of a row is sheet column `i + 1` (leading
//!   columns are padded with empty cells when the used range starts after A).
//! - Merged regions (XLSX and XLS; calamine offers none for ODS) are expanded:
//!   covered cells get the anchor's text with `merged = true`.
//! - Numbers are rendered without float noise: at most 15 significant digits
//!   (what Excel shows), shortest form. For XLSX the cell's number format
//!   pads the decimals when it fixes them (`0.00`, `#,##0.00`, `0.0%`), so a
//!   cell shown as `552.50` reads `552.50`, but never hides the stored
//!   value's (`158.5` shown as `159` by the format `0` reads `158.5`, as the
//!   sheet's own sums use it); thousands separators are not added. XLS, ODS and XLSB expose no number formats through calamine
//!   0.38 (`worksheet_style` is XLSX-only), so there `552.50` reads `552.5`
//!   and the cell is marked [`GridCell::bare_number`]: the table reader gives
//!   amount columns their usual two decimals (`552.50`), never more digits
//!   than the value holds.
//! - Dates become ISO text (`2024-01-31`, `2024-01-31T08:30:00`).
//! - Error values (`#REF!`) are kept as their text and reported as a
//!   `cell-error` [`Notice`].

use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridCell, GridRow};
use crate::read::limits::{human_bytes, Limits};
use crate::read::xlsx_hidden::{self, HiddenMarks, MarkScanner};
use calamine::{
    Data, DataRef, Dimensions, ExcelDateTime, Reader, SheetVisible, Sheets, XlsxFormulaMetadata,
};
use jixiao_core::Text;
use jixiao_core::{Notice, Origin};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Entries that decompress to less than this are not ratio-checked.
const RATIO_FLOOR: u64 = 16 * 1024 * 1024;

/// The workbook formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl WorkbookKind {
    /// The name recorded in [`jixiao_core::SourceInfo::format`].
    pub fn format(self) -> &'static str {
        match self {
            WorkbookKind::Xlsx => "xlsx",
            WorkbookKind::Xlsb => "xlsb",
            WorkbookKind::Xls => "xls",
            WorkbookKind::Ods => "ods",
        }
    }
}

/// The error for a damaged file. The library's own words (English, with
/// offsets) are kept as the technical detail, after what they mean where
/// that is known: an XML entity or DTD, a sheet the workbook lists but
/// does not hold.
pub fn corrupt(file: &str, detail: impl std::fmt::Display) -> Error {
    corrupt_text(file, library_detail(detail.to_string()))
}

/// A spreadsheet library's error as the technical detail of what it means.
fn library_detail(detail: String) -> Text {
    let said = if detail.contains("entity") || detail.contains("DOCTYPE") || detail.contains("DTD")
    {
        Some((
            "表格的 XML 中有实体或文档类型定义（DTD），为安全不予展开；正常的 Excel 文件没有这些",
            "the spreadsheet's XML holds an entity or a document type definition (DTD), \
             which is not expanded for safety; a normal Excel file has none",
        ))
    } else if detail.contains("not found") && detail.contains("orksheet") {
        Some((
            "工作簿列出的工作表在文件中找不到",
            "a sheet the workbook lists is missing from the file",
        ))
    } else {
        None
    };
    match said {
        Some((zh, en)) => Text::new(
            format!("{zh}（技术细节：{detail}）"),
            format!("{en} (technical detail: {detail})"),
        ),
        None => Text::new(format!("技术细节：{detail}"), detail),
    }
}

/// The error for a damaged file, with what is damaged in both languages.
pub fn corrupt_text(file: &str, detail: Text) -> Error {
    Error::invalid(
        Location::file(file),
        detail.prefixed("文件已损坏或不完整：", "the file is truncated or corrupt: "),
        save_again(file),
    )
}

/// What to do with a damaged workbook: save it again from the program that
/// writes its kind (an ODS from LibreOffice, as .ods or .xlsx).
fn save_again(file: &str) -> Text {
    if file.to_ascii_lowercase().ends_with(".ods") {
        Text::new(
            "请用 LibreOffice 或 Excel 打开后重新另存（.ods 或 .xlsx）",
            "open it in LibreOffice or Excel and save it again (.ods or .xlsx)",
        )
    } else {
        Text::new(
            "请用 Excel 重新另存为 .xlsx",
            "open it in Excel and save it again as .xlsx",
        )
    }
}

fn too_large(file: &str, message: Text, hint: Text) -> Error {
    Error::too_large(Location::file(file), message, hint)
}

/// Check a zip-based workbook against `limits` and tell which kind it is,
/// with the entries that mention hidden rows or columns (see [`HiddenMarks`]).
pub fn inspect_zip(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(WorkbookKind, HiddenMarks)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(file, e))?;
    if zip.len() > limits.max_zip_entries {
        return Err(too_large(
            file,
            Text::new(
                format!(
                    "压缩包内文件过多：{} 个，上限 {}",
                    zip.len(),
                    limits.max_zip_entries
                ),
                format!(
                    "the zip holds {} entries; the limit is {}",
                    zip.len(),
                    limits.max_zip_entries
                ),
            ),
            Text::new(
                "这不像正常的表格文件；如确属正常，请在 Excel 中把绩效目标表另存为单独的工作簿后再读（程序接口可调高 ReadOptions.limits.max_zip_entries）",
                "this does not look like a spreadsheet; if it is one, save the target table as a workbook of its own \
                 in Excel (the library's ReadOptions.limits.max_zip_entries is the bound)",
            ),
        ));
    }
    let mut names = Vec::with_capacity(zip.len());
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| corrupt(file, e))?;
        declared = declared.saturating_add(entry.size());
        names.push(entry.name().map_err(|e| corrupt(file, e))?.into_owned());
    }
    let bomb = |total: u64| {
        too_large(
            file,
            Text::new(
                format!(
                    "解压后超过 {}（至少 {}）",
                    human_bytes(limits.max_unzipped_bytes),
                    human_bytes(total)
                ),
                format!(
                    "it decompresses to more than {} ({} or more)",
                    human_bytes(limits.max_unzipped_bytes),
                    human_bytes(total)
                ),
            ),
            Text::new(
                "疑似压缩炸弹；如确属正常，请删除多余的工作表、图片或空白区域，或把绩效目标表另存为单独的工作簿后再读（程序接口可调高 ReadOptions.limits.max_unzipped_bytes）",
                "this looks like a zip bomb; if the file is genuine, delete unused sheets, pictures or blank areas, \
                 or save the target table as a workbook of its own (the library's ReadOptions.limits.max_unzipped_bytes is the bound)",
            ),
        )
    };
    if declared > limits.max_unzipped_bytes {
        return Err(bomb(declared));
    }
    // Headers can lie: decompress for real, counting, and stop at the bound.
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    let mut marks = HiddenMarks::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| corrupt(file, e))?;
        let compressed = entry.compressed_size().max(1);
        let mut size: u64 = 0;
        let mut scanner = MarkScanner::default();
        loop {
            let n = entry.read(&mut buf).map_err(|e| corrupt(file, e))?;
            if n == 0 {
                scanner.finish(&entry.name().unwrap_or_default(), &mut marks);
                break;
            }
            scanner.feed(buf.get(..n).unwrap_or_default());
            size += n as u64;
            total += n as u64;
            if total > limits.max_unzipped_bytes {
                return Err(bomb(total));
            }
            if size > RATIO_FLOOR && size / compressed > limits.max_zip_ratio {
                return Err(too_large(
                    file,
                    Text::new(
                        format!(
                            "压缩比异常：{} 压缩比超过 {} 倍",
                            entry.name().unwrap_or_default(),
                            limits.max_zip_ratio
                        ),
                        format!(
                            "the zip entry {} compresses more than {}:1",
                            entry.name().unwrap_or_default(),
                            limits.max_zip_ratio
                        ),
                    ),
                    Text::new(
                        "疑似压缩炸弹；如确属正常，请在 Excel 中删除多余的空白区域后另存（程序接口可调高 ReadOptions.limits.max_zip_ratio）",
                        "this looks like a zip bomb; if the file is genuine, delete unused blank areas in Excel and save it again \
                         (the library's ReadOptions.limits.max_zip_ratio is the bound)",
                    ),
                ));
            }
        }
    }
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    if has("xl/workbook.xml") {
        Ok((WorkbookKind::Xlsx, marks))
    } else if has("xl/workbook.bin") {
        Ok((WorkbookKind::Xlsb, HiddenMarks::default()))
    } else if has("content.xml") {
        Ok((WorkbookKind::Ods, HiddenMarks::default()))
    } else if has("word/document.xml") {
        Err(Error::invalid(
            Location::file(file),
            Text::new(
                "这是 Word 文档（DOCX），不是电子表格",
                "this is a Word document (DOCX), not a spreadsheet",
            ),
            Text::new(
                "请把表格复制到 Excel 另存为 .xlsx",
                "copy the table into Excel and save it as .xlsx",
            ),
        ))
    } else {
        Err(Error::invalid(
            Location::file(file),
            Text::new("压缩包中没有工作簿", "the zip file holds no workbook"),
            Text::new(
                "请提供 .xlsx、.xls 或 .ods 文件",
                "give an .xlsx, .xls or .ods file",
            ),
        ))
    }
}

/// True when a CFB (`D0 CF 11 E0`) file is a password-encrypted OOXML package.
pub fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    memchr::memmem::find(bytes, &name).is_some()
}

/// A sheet read into a grid, with notices on what was assumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetGrid {
    pub grid: Grid<'static>,
    pub notices: Vec<Notice>,
}

/// An open workbook.
pub struct Workbook<'b> {
    file: String,
    bytes: &'b [u8],
    inner: Sheets<Cursor<&'b [u8]>>,
    limits: Limits,
    marks: HiddenMarks,
    /// Sheet name → XML path, resolved the first time a marked sheet is read.
    paths: Option<HashMap<String, String>>,
    /// An XLS's or ODS's hidden rows and columns by sheet: an ODS's found
    /// while its repeats are counted ([`super::ods_guard`]), an XLS's the
    /// first time a sheet is read ([`super::xls_hidden`]).
    sheet_hidden: Option<HashMap<String, crate::grid::Hidden>>,
}

fn open_error(file: &str, e: impl std::fmt::Display) -> Error {
    let text = e.to_string();
    if text.to_ascii_lowercase().contains("password") {
        password(file)
    } else {
        corrupt(file, text)
    }
}

/// The error for a password-protected workbook.
pub fn password(file: &str) -> Error {
    Error::invalid(
        Location::file(file),
        Text::new("工作簿受密码保护", "the workbook is password protected"),
        Text::new(
            "请在 Excel 中去掉密码后另存",
            "remove the password in Excel and save it again",
        ),
    )
}

impl<'b> Workbook<'b> {
    /// Open `bytes` as `kind`. Zip kinds should have passed [`inspect_zip`],
    /// whose `marks` tell which sheets hide rows or columns.
    pub fn open(
        file: &str,
        bytes: &'b [u8],
        kind: WorkbookKind,
        limits: &Limits,
        marks: HiddenMarks,
    ) -> Result<Self> {
        std::panic::catch_unwind(|| Self::open_inner(file, bytes, kind, limits, marks))
            .unwrap_or_else(|_| {
                Err(corrupt_text(
                    file,
                    Text::new("文件结构异常", "malformed file structure"),
                ))
            })
    }

    fn open_inner(
        file: &str,
        bytes: &'b [u8],
        kind: WorkbookKind,
        limits: &Limits,
        marks: HiddenMarks,
    ) -> Result<Self> {
        let cur = Cursor::new(bytes);
        let mut ods_hidden = None;
        let inner = match kind {
            WorkbookKind::Xlsx => {
                Sheets::Xlsx(calamine::open_workbook_from_rs(cur).map_err(|e| open_error(file, e))?)
            }
            WorkbookKind::Xlsb => {
                Sheets::Xlsb(calamine::open_workbook_from_rs(cur).map_err(|e| open_error(file, e))?)
            }
            WorkbookKind::Xls => {
                Sheets::Xls(calamine::open_workbook_from_rs(cur).map_err(|e| open_error(file, e))?)
            }
            WorkbookKind::Ods => {
                // calamine expands every repeated row and cell of every
                // sheet here; count them first (see `ods_guard`).
                ods_hidden = Some(crate::read::ods_guard::check_ods(file, bytes, limits)?);
                Sheets::Ods(calamine::open_workbook_from_rs(cur).map_err(|e| open_error(file, e))?)
            }
        };
        Ok(Workbook {
            file: file.to_string(),
            bytes,
            inner,
            limits: *limits,
            marks,
            paths: None,
            sheet_hidden: ods_hidden,
        })
    }

    /// Sheet names in workbook order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names()
    }

    /// Whether Excel or LibreOffice hides the sheet (XLSX, XLS and ODS
    /// record it; calamine reads it for all three).
    pub fn is_hidden(&self, sheet: &str) -> bool {
        self.inner
            .sheets_metadata()
            .iter()
            .any(|s| s.name == sheet && s.visible != SheetVisible::Visible)
    }

    /// The hidden rows and columns of an XLSX sheet ([`xlsx_hidden`]).
    fn hidden_of(&mut self, sheet: &str) -> crate::grid::Hidden {
        if !self.marks.any() {
            return crate::grid::Hidden::default();
        }
        let bytes = self.bytes;
        let paths = self
            .paths
            .get_or_insert_with(|| xlsx_hidden::sheet_paths(bytes));
        match paths.get(sheet) {
            Some(path) => xlsx_hidden::hidden_of(bytes, path, &self.marks),
            None => crate::grid::Hidden::default(),
        }
    }

    /// Read one sheet into a grid.
    ///
    /// calamine can panic on damaged files (seen on byte-flipped XLS); the
    /// panic is caught here and reported as a damaged file.
    pub fn sheet(&mut self, sheet: &str) -> Result<SheetGrid> {
        let file = self.file.clone();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.sheet_inner(sheet)))
            .unwrap_or_else(|_| {
                Err(sheet_err(
                    &file,
                    sheet,
                    "文件结构异常 (malformed file structure)",
                ))
            })
    }

    fn sheet_inner(&mut self, sheet: &str) -> Result<SheetGrid> {
        let mut cells: Vec<SheetCell> = Vec::new();
        let mut notices = Vec::new();
        let merges: Vec<Dimensions> = match &mut self.inner {
            Sheets::Xlsx(x) => {
                let mut formats: HashMap<usize, NumFmt> = HashMap::new();
                // A `<c>` element that calamine gives no value for: a
                // formula without a cached result, or (rarely) an empty
                // value element. Only then is the sheet read for formulas.
                let mut valueless = false;
                {
                    let mut reader = match x.worksheet_cells_reader(sheet) {
                        Ok(r) => r,
                        Err(e) => {
                            return Err(sheet_err(&self.file, sheet, e));
                        }
                    };
                    loop {
                        let next = reader
                            .next_cell_with_style_id()
                            .map_err(|e| sheet_err(&self.file, sheet, e))?;
                        let Some((cell, style)) = next else { break };
                        let (row, col) = cell.get_position();
                        valueless |= matches!(cell.get_value(), DataRef::Empty);
                        let fmt = match cell.get_value() {
                            DataRef::Float(_) | DataRef::DateTime(_) => {
                                *formats.entry(style).or_insert_with(|| {
                                    reader
                                        .styles()
                                        .get(style)
                                        .and_then(|s| s.number_format.as_ref())
                                        .map_or(NumFmt::General, |f| NumFmt::parse(&f.format_code))
                                })
                            }
                            _ => NumFmt::General,
                        };
                        let text = render_ref(cell.get_value(), fmt);
                        push_cell(
                            &mut cells,
                            &mut notices,
                            row,
                            col,
                            text,
                            &self.limits,
                            &self.file,
                            sheet,
                        )?;
                    }
                }
                if valueless {
                    uncomputed_formulas(x, &self.file, sheet)?;
                }
                x.merge_cells_by_sheet_name(sheet)
                    .map_err(|e| sheet_err(&self.file, sheet, e))?
            }
            Sheets::Xls(x) => {
                collect_sheet(x, sheet, &mut cells, &mut notices, &self.limits, &self.file)?;
                x.merge_cells_by_sheet_name(sheet)
                    .map_err(|e| sheet_err(&self.file, sheet, e))?
            }
            Sheets::Ods(x) => {
                collect_sheet(x, sheet, &mut cells, &mut notices, &self.limits, &self.file)?;
                Vec::new()
            }
            Sheets::Xlsb(x) => {
                collect_sheet(x, sheet, &mut cells, &mut notices, &self.limits, &self.file)?;
                Vec::new()
            }
        };
        let mut grid = assemble(&self.file, sheet, cells, &merges, &self.limits)?;
        match self.inner {
            Sheets::Xlsx(_) => grid.hidden = self.hidden_of(sheet),
            Sheets::Xls(_) | Sheets::Ods(_) => {
                let bytes = self.bytes;
                let by_sheet = self
                    .sheet_hidden
                    .get_or_insert_with(|| super::xls_hidden::hidden_by_sheet(bytes));
                grid.hidden = by_sheet.get(sheet).cloned().unwrap_or_default();
            }
            Sheets::Xlsb(_) => {}
        }
        Ok(SheetGrid { grid, notices })
    }
}

fn sheet_err(file: &str, sheet: &str, e: impl std::fmt::Display) -> Error {
    let text = library_detail(e.to_string());
    Error::invalid(
        Location {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            ..Location::default()
        },
        text.prefixed("无法读取工作表：", "cannot read the sheet: "),
        save_again(file).prefixed("文件可能已损坏：", "the file may be damaged: "),
    )
}

/// Refuse a sheet whose formulas have no computed value.
///
/// openpyxl and many export systems write `<f>SUM(B6,B11)</f>` with no
/// cached `<v>`: the value exists only once a spreadsheet program computes
/// it. Reading the cell as blank would report a department's stated totals
/// as left blank (`总计 空白 ≠ 其下各项目之和`), a wrong reading no review can
/// tell from a true blank; computing the formula here would mean a formula
/// engine whose results could differ from Excel's. So the file is refused,
/// naming the first such cell and its formula, and saving it once in Excel
/// or LibreOffice (which stores every result) makes it readable. A formula
/// with a cached value reads that value, as before.
///
/// This reads the sheet's XML a second time, which is why it is asked only
/// when the first pass met a cell element without a value.
fn uncomputed_formulas<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    file: &str,
    sheet: &str,
) -> Result<()> {
    let mut reader = x
        .worksheet_cells_reader(sheet)
        .map_err(|e| sheet_err(file, sheet, e))?;
    let mut first: Option<((u32, u32), Option<String>)> = None;
    let mut count: usize = 0;
    while let Some(rec) = reader
        .next_cell_with_formula_metadata()
        .map_err(|e| sheet_err(file, sheet, e))?
    {
        let Some(formula) = rec.formula else { continue };
        if !matches!(rec.value, DataRef::Empty) {
            continue;
        }
        count += 1;
        if first.is_none() {
            let text = match formula {
                XlsxFormulaMetadata::Normal { formula }
                | XlsxFormulaMetadata::Shared { formula, .. } => Some(formula),
                // A shared formula's copy: its text is the anchor's, shifted.
                _ => None,
            };
            first = Some((rec.pos, text));
        }
    }
    let Some(((r, c), formula)) = first else {
        return Ok(());
    };
    let (r, c) = (r.saturating_add(1), c.saturating_add(1));
    let shown = formula.map_or_else(String::new, |f| format!(" ={f}"));
    let (more_zh, more_en) = if count > 1 {
        (
            format!("（共 {count} 个公式单元格没有计算结果）"),
            format!(" ({count} formula cells have none)"),
        )
    } else {
        (String::new(), String::new())
    };
    Err(Error::invalid(
        Location {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            table: None,
            row: Some(r),
            col: Some(c),
        },
        Text::new(
            format!("单元格是公式{shown}，没有计算结果{more_zh}；jixiao 不计算公式，也不把它当作空白"),
            format!(
                "the cell holds the formula{shown} without a computed value{more_en}; \
                 jixiao does not compute formulas, nor takes them for blank cells"
            ),
        ),
        Text::new(
            "请在 Excel 或 LibreOffice 中打开并保存后再导入（保存时会算出并存下公式的值）",
            "open the file in Excel or LibreOffice and save it (which stores each formula's value), then read it again",
        ),
    ))
}

/// Whether an error from [`Workbook::sheet`] is about the file's content
/// rather than one sheet's layout, so that no other sheet is read in its
/// place: a formula without a computed value names its cell.
pub fn stops_the_workbook(e: &Error) -> bool {
    matches!(e, Error::TooLarge { .. })
        || e.location()
            .is_some_and(|l| l.row.is_some() && l.col.is_some())
}

#[allow(clippy::too_many_arguments)]
fn push_cell(
    cells: &mut Vec<SheetCell>,
    notices: &mut Vec<Notice>,
    row: u32,
    col: u32,
    text: Rendered,
    limits: &Limits,
    file: &str,
    sheet: &str,
) -> Result<()> {
    let (text, is_error, bare_number) = match text {
        Rendered::Empty => return Ok(()),
        Rendered::Text(t) => (crate::grid::visible_controls(t), false, false),
        Rendered::Number(t) => (t, false, true),
        Rendered::Error(t) => (t, true, false),
    };
    if is_error {
        let (r, c) = (row.saturating_add(1), col.saturating_add(1));
        notices.push(Notice::new(
            Some(Origin::new(r, c)),
            "cell-error",
            format!("第{r}行第{c}列：工作表“{sheet}”的单元格含错误值 {text}，按文本读取"),
            format!(
                "row {r}, column {c}: the cell of sheet “{sheet}” holds the Excel error {text}; read as text"
            ),
        ));
    }
    if cells.len() >= limits.max_cells {
        return Err(cell_limit(file, sheet, row, limits));
    }
    cells.push(SheetCell {
        row,
        col,
        text,
        bare_number,
    });
    Ok(())
}

pub(crate) fn cell_limit(file: &str, sheet: &str, row: u32, limits: &Limits) -> Error {
    Error::too_large(
        Location {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            table: None,
            row: Some(row.saturating_add(1)),
            col: None,
        },
        Text::new(
            format!("单元格超过 {} 个（含合并与补齐的单元格）", limits.max_cells),
            format!(
                "more than {} cells, counting merged and padding cells",
                limits.max_cells
            ),
        ),
        Text::new(
            "请删除多余的行列或合并区域后另存，或把表拆成几个文件（程序接口可调高 ReadOptions.limits.max_cells）",
            "delete unused rows, columns or merged areas and save again, or split the table into several files \
             (the library's ReadOptions.limits.max_cells is the bound)",
        ),
    )
}

/// Read a whole sheet through calamine's range API (XLS, ODS, XLSB) into
/// sparse cells. calamine gives these formats' numbers without their number
/// format: they are [`Rendered::Number`].
fn collect_sheet<RS, R>(
    reader: &mut R,
    sheet: &str,
    cells: &mut Vec<SheetCell>,
    notices: &mut Vec<Notice>,
    limits: &Limits,
    file: &str,
) -> Result<()>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let range = reader
        .worksheet_range(sheet)
        .map_err(|e| sheet_err(file, sheet, e))?;
    let Some((r0, c0)) = range.start() else {
        return Ok(());
    };
    for (r, c, v) in range.used_cells() {
        let row = r0.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
        let col = c0.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
        push_cell(cells, notices, row, col, render(v), limits, file, sheet)?;
    }
    Ok(())
}

/// One non-empty cell of a sheet, 0-based.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SheetCell {
    row: u32,
    col: u32,
    text: String,
    /// A number without a known display format ([`GridCell::bare_number`]).
    bare_number: bool,
}

/// Put sparse 0-based cells into a grid of true coordinates and expand merges.
fn assemble(
    file: &str,
    sheet: &str,
    cells: Vec<SheetCell>,
    merges: &[Dimensions],
    limits: &Limits,
) -> Result<Grid<'static>> {
    let Some(mut max_row) = cells.iter().map(|c| c.row).max() else {
        return Ok(Grid::default());
    };
    let mut max_col = cells.iter().map(|c| c.col).max().unwrap_or(0);
    // The text of each merge anchor, found in one pass (sheets of the row
    // layout hold thousands of merges and far more cells).
    let starts: std::collections::HashSet<(u32, u32)> = merges.iter().map(|m| m.start).collect();
    let anchors: HashMap<(u32, u32), (String, bool)> = cells
        .iter()
        .filter(|c| starts.contains(&(c.row, c.col)))
        .map(|c| ((c.row, c.col), (c.text.clone(), c.bare_number)))
        .collect();
    // A merged region whose anchor holds text extends the grid (a label
    // merged down past the last other value); the cell budget bounds it.
    for m in merges {
        if anchors.get(&m.start).is_some_and(|(t, _)| !t.is_empty()) {
            max_row = max_row.max(m.end.0);
            max_col = max_col.max(m.end.1);
        }
    }
    let n_rows = max_row as usize + 1;
    if n_rows > limits.max_cells {
        return Err(cell_limit(file, sheet, max_row, limits));
    }
    let mut rows: Vec<GridRow<'static>> = (0..n_rows)
        .map(|r| GridRow {
            number: u32::try_from(r + 1).unwrap_or(u32::MAX),
            cells: Vec::new(),
        })
        .collect();
    let mut budget = limits.max_cells - n_rows;
    let place = |rows: &mut Vec<GridRow<'static>>,
                 budget: &mut usize,
                 r: u32,
                 c: u32,
                 cell: GridCell<'static>|
     -> Result<()> {
        let Some(row) = rows.get_mut(r as usize) else {
            return Ok(());
        };
        let need = (c as usize + 1).saturating_sub(row.cells.len());
        if need > *budget {
            return Err(cell_limit(file, sheet, r, limits));
        }
        *budget -= need;
        if need > 0 {
            row.cells.resize(c as usize + 1, GridCell::default());
        }
        if let Some(slot) = row.cells.get_mut(c as usize) {
            *slot = cell;
        }
        Ok(())
    };
    for cell in cells {
        place(
            &mut rows,
            &mut budget,
            cell.row,
            cell.col,
            GridCell {
                text: Cow::Owned(cell.text),
                merged: false,
                bare_number: cell.bare_number,
            },
        )?;
    }
    for m in merges {
        let (anchor, bare_number) = anchors.get(&m.start).cloned().unwrap_or_default();
        let (r_end, c_end) = (m.end.0.min(max_row), m.end.1.min(max_col));
        if m.start.0 > r_end || m.start.1 > c_end {
            continue;
        }
        let area = (u64::from(r_end - m.start.0) + 1) * (u64::from(c_end - m.start.1) + 1);
        if area > budget as u64 {
            return Err(cell_limit(file, sheet, m.start.0, limits));
        }
        for r in m.start.0..=r_end {
            for c in m.start.1..=c_end {
                if (r, c) == m.start {
                    continue;
                }
                place(
                    &mut rows,
                    &mut budget,
                    r,
                    c,
                    GridCell {
                        text: Cow::Owned(anchor.clone()),
                        merged: true,
                        bare_number,
                    },
                )?;
            }
        }
    }
    Ok(Grid {
        rows,
        ..Grid::default()
    })
}

/// A rendered cell value.
enum Rendered {
    Empty,
    Text(String),
    /// A number whose display format is not known (XLS, ODS, XLSB).
    Number(String),
    /// An Excel error value such as `#REF!`.
    Error(String),
}

fn render(v: &Data) -> Rendered {
    match v {
        Data::Empty => Rendered::Empty,
        Data::String(s) => Rendered::Text(s.clone()),
        Data::Int(i) => Rendered::Number(i.to_string()),
        Data::Float(f) => Rendered::Number(format_number(*f, NumFmt::General)),
        Data::Bool(b) => Rendered::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(d) => Rendered::Text(format_datetime(d)),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Rendered::Text(s.clone()),
        Data::Error(e) => Rendered::Error(e.to_string()),
    }
}

fn render_ref(v: &DataRef<'_>, fmt: NumFmt) -> Rendered {
    match v {
        DataRef::Empty => Rendered::Empty,
        DataRef::String(s) => Rendered::Text(s.clone()),
        DataRef::SharedString(s) => Rendered::Text((*s).to_string()),
        DataRef::Int(i) => Rendered::Text(i.to_string()),
        DataRef::Float(f) => Rendered::Text(format_number(*f, fmt)),
        DataRef::Bool(b) => Rendered::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        DataRef::DateTime(d) => Rendered::Text(format_datetime_as(d, fmt)),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Rendered::Text(s.clone()),
        DataRef::Error(e) => Rendered::Error(e.to_string()),
    }
}

/// A date or time as its number format prints it when that is a Chinese
/// date (`2024年12月`, `11月30日`) or a clock (`0:30`); else
/// [`format_datetime`].
fn format_datetime_as(d: &ExcelDateTime, fmt: NumFmt) -> String {
    let (y, mo, da, h, mi, s, _ms) = d.to_ymd_hms_milli();
    match fmt {
        NumFmt::CnDate { year, month, day } if !d.is_duration() => {
            let mut out = String::new();
            if year {
                out.push_str(&format!("{y}年"));
            }
            if month {
                out.push_str(&format!("{mo}月"));
            }
            if day {
                out.push_str(&format!("{da}日"));
            }
            if out.is_empty() {
                format_datetime(d)
            } else {
                out
            }
        }
        NumFmt::Clock { seconds } => {
            // a duration's hours may pass 24; a time of day's are its own
            let hours = if d.is_duration() {
                (d.as_f64() * 24.0).floor().max(0.0) as u64
            } else {
                u64::from(h)
            };
            if seconds {
                format!("{hours}:{mi:02}:{s:02}")
            } else {
                format!("{hours}:{mi:02}")
            }
        }
        _ => format_datetime(d),
    }
}

/// `2024-01-31`, or `2024-01-31T08:30:00` with a time; durations as `h:mm:ss`.
pub fn format_datetime(d: &ExcelDateTime) -> String {
    if d.is_duration() {
        let secs = (d.as_f64() * 86_400.0).round();
        let secs = if secs.is_finite() { secs as i64 } else { 0 };
        let sign = if secs < 0 { "-" } else { "" };
        let s = secs.unsigned_abs();
        return format!("{sign}{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
    }
    let (y, mo, da, h, mi, s, _ms) = d.to_ymd_hms_milli();
    if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{mo:02}-{da:02}")
    } else {
        format!("{y:04}-{mo:02}-{da:02}T{h:02}:{mi:02}:{s:02}")
    }
}

/// The part of an Excel number format that decides how a number prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumFmt {
    /// `General` (or a format we do not interpret): 15 significant digits, shortest.
    General,
    /// Fixed decimals: `min` `0` placeholders and `max` `0`/`#`/`?` placeholders
    /// after the point; `percent` multiplies by 100 and appends `%`.
    Fixed { min: u32, max: u32, percent: bool },
    /// A date printed in Chinese (`yyyy"年"m"月"`, `m"月"d"日"`): which of
    /// year, month and day it prints.
    CnDate { year: bool, month: bool, day: bool },
    /// A time of day or duration printed as hours and minutes (`h:mm`).
    Clock { seconds: bool },
}

impl NumFmt {
    /// Interpret the first section of an Excel format code (`#,##0.00;[Red]-#,##0.00`).
    pub fn parse(code: &str) -> NumFmt {
        let mut plain = String::new();
        let mut chars = code.chars();
        let mut in_quote = false;
        let mut in_bracket = false;
        while let Some(ch) = chars.next() {
            match ch {
                '"' => in_quote = !in_quote,
                _ if in_quote => {}
                '[' => in_bracket = true,
                ']' => in_bracket = false,
                _ if in_bracket => {}
                '\\' | '_' | '*' => {
                    chars.next();
                }
                ';' => break,
                c => plain.push(c),
            }
        }
        let lower = plain.to_ascii_lowercase();
        // Dates and times: the literals 年/月/日 may be quoted or escaped,
        // so they are looked for in the whole code.
        let letters: String = lower.chars().filter(char::is_ascii_alphabetic).collect();
        let date_letters = !letters.is_empty()
            && letters
                .chars()
                .all(|c| matches!(c, 'y' | 'm' | 'd' | 'h' | 's'));
        if date_letters && code.contains(['年', '月', '日']) && !letters.contains('h') {
            return NumFmt::CnDate {
                year: letters.contains('y'),
                month: letters.contains('m'),
                day: letters.contains('d'),
            };
        }
        if date_letters
            && letters.starts_with('h')
            && !letters.contains(['y', 'd'])
            && plain.contains(':')
        {
            return NumFmt::Clock {
                seconds: letters.contains('s'),
            };
        }
        if lower.contains("general") || lower.contains('e') || !plain.contains(['0', '#', '?']) {
            return NumFmt::General;
        }
        let percent = plain.contains('%');
        let (mut min, mut max) = (0u32, 0u32);
        if let Some(dot) = plain.find('.') {
            for c in plain.get(dot + 1..).unwrap_or("").chars() {
                match c {
                    '0' => {
                        min += 1;
                        max += 1;
                    }
                    '#' | '?' => max += 1,
                    ',' | ' ' => {}
                    _ => break,
                }
            }
        }
        NumFmt::Fixed {
            min: min.min(20),
            max: max.min(20),
            percent,
        }
    }
}

/// Render a float exactly as a person reads it: 15 significant digits at
/// most (Excel's precision, so `552.4999999999999` is `552.5`), padded to
/// the format's decimals (`552.5` with `0.00` is `552.50`) but never rounded
/// to them (`158.5` with `0` stays `158.5`).
pub fn format_number(v: f64, fmt: NumFmt) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let (v, percent) = match fmt {
        NumFmt::Fixed { percent: true, .. } => (v * 100.0, true),
        _ => (v, false),
    };
    if v != 0.0 && !(1e-9..1e21).contains(&v.abs()) {
        // Excel shows such magnitudes in scientific notation too.
        let s = format!("{v:.14e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}E{exp}");
    }
    let Ok(d) = Decimal::from_scientific(&format!("{v:.14e}")) else {
        // Beyond Decimal's range: Rust's shortest round-trip form.
        return v.to_string();
    };
    let d = d.normalize();
    let out = match fmt {
        NumFmt::General | NumFmt::CnDate { .. } | NumFmt::Clock { .. } => d,
        // The stored value, never rounded to fewer decimals than it holds:
        // a 158.5 shown as `159` by the format `0` is 158.5 (the sums of
        // the sheet are of the stored values); the format only pads
        // (`552.5` with `0.00` is `552.50`).
        NumFmt::Fixed { min, .. } => {
            let mut r = d;
            if r.scale() < min {
                r.rescale(min);
            }
            r
        }
    };
    let mut s = if out.is_zero() && out.scale() == 0 {
        "0".to_string()
    } else {
        out.to_string()
    };
    if s.starts_with("-0") && out.is_zero() {
        s.remove(0);
    }
    if percent {
        s.push('%');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A damaged ODS is told to be saved again from LibreOffice, not as an
    /// XLSX from Excel alone (/tmp/ur14 defect 11).
    #[test]
    fn a_damaged_ods_is_told_to_be_saved_again_as_an_ods() {
        let e = corrupt("t.ODS", "invalid Zip archive").to_string();
        assert!(e.contains("LibreOffice") && e.contains(".ods"), "{e}");
        let e = corrupt("t.xlsx", "invalid Zip archive").to_string();
        assert!(e.contains("请用 Excel 重新另存为 .xlsx"), "{e}");
    }

    /// A library's error is the technical detail of what it means, in the
    /// user's language (/tmp/ur13 defect 11).
    #[test]
    fn library_errors_are_explained() {
        let t = library_detail("Xml error: at 0..0: unrecognized entity `&lol9;`".into());
        assert!(
            t.zh.starts_with("表格的 XML 中有实体") && t.zh.contains("技术细节：Xml error"),
            "{}",
            t.zh
        );
        assert!(t.en.contains("not expanded for safety"), "{}", t.en);
        let t = library_detail("Worksheet '绩效目标表' not found".into());
        assert!(
            t.zh.starts_with("工作簿列出的工作表在文件中找不到"),
            "{}",
            t.zh
        );
        let t = library_detail("Cfb error: Sector 23 points past end of file".into());
        assert_eq!(
            t.zh,
            "技术细节：Cfb error: Sector 23 points past end of file"
        );
    }

    #[test]
    fn dates_and_clocks_as_their_format_prints_them() {
        use calamine::ExcelDateTimeType;
        // /tmp/ur8 D7: 2024年12月 read as 2024-12-01, 0:30 as 1899-12-31T00:30:00.
        let date = |serial: f64| ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, false);
        // 45627 is 2024-12-01; 45626 is 2024-11-30.
        for (code, serial, want) in [
            ("yyyy\"年\"m\"月\"", 45627.0, "2024年12月"),
            ("m\"月\"d\"日\"", 45626.0, "11月30日"),
            ("yyyy\\年m\\月d\\日", 45626.0, "2024年11月30日"),
            ("yyyy-mm-dd", 45626.0, "2024-11-30"),
            ("h:mm", 0.5 / 24.0, "0:30"),
            ("h:mm:ss", 13.25 / 24.0, "13:15:00"),
        ] {
            assert_eq!(
                format_datetime_as(&date(serial), NumFmt::parse(code)),
                want,
                "{code}"
            );
        }
        // Numbers with those formats are numbers still; money formats are no dates.
        assert_eq!(
            NumFmt::parse("0.00"),
            NumFmt::Fixed {
                min: 2,
                max: 2,
                percent: false
            }
        );
        assert_eq!(format_number(12.5, NumFmt::parse("h:mm")), "12.5");
    }

    #[test]
    fn numbers_without_noise() {
        assert_eq!(format_number(552.5, NumFmt::General), "552.5");
        assert_eq!(
            format_number(
                "552.49999999999994".parse::<f64>().unwrap(),
                NumFmt::General
            ),
            "552.5"
        );
        assert_eq!(format_number(0.1 + 0.2, NumFmt::General), "0.3");
        assert_eq!(format_number(158.0, NumFmt::General), "158");
        assert_eq!(format_number(-0.0, NumFmt::General), "0");
        assert_eq!(
            format_number(1e20, NumFmt::General),
            "100000000000000000000"
        );
        assert_eq!(format_number(1e30, NumFmt::General), "1E30");
        assert_eq!(format_number(-1.5e-20, NumFmt::General), "-1.5E-20");
        let two = NumFmt::parse("0.00");
        assert_eq!(format_number(552.5, two), "552.50");
        assert_eq!(format_number(158.0, two), "158.00");
        // The stored value, not the display's rounding (/tmp/ur8 D3: 158.5
        // shown as 159 gave false sum errors).
        assert_eq!(format_number(0.125, two), "0.125");
        assert_eq!(format_number(158.5, NumFmt::parse("0")), "158.5");
        assert_eq!(format_number(20.26, NumFmt::parse("0.0")), "20.26");
        assert_eq!(format_number(1.2345, two), "1.2345");
        let grouped = NumFmt::parse("#,##0.00_ ;[Red]\\-#,##0.00\\ ");
        assert_eq!(format_number(3_309_840.0, grouped), "3309840.00");
        assert_eq!(format_number(0.953, NumFmt::parse("0.0%")), "95.3%");
        assert_eq!(format_number(2.5, NumFmt::parse("0.##")), "2.5");
        assert_eq!(NumFmt::parse("General"), NumFmt::General);
        assert_eq!(NumFmt::parse("@"), NumFmt::General);
        assert_eq!(NumFmt::parse("0.00E+00"), NumFmt::General);
    }

    fn cell(row: u32, col: u32, text: &str) -> SheetCell {
        SheetCell {
            row,
            col,
            text: text.to_string(),
            bare_number: false,
        }
    }

    #[test]
    fn merged_copies_of_a_bare_number_stay_bare() {
        let cells = vec![
            SheetCell {
                bare_number: true,
                ..cell(1, 1, "158")
            },
            cell(1, 0, "项目"),
        ];
        let merges = [Dimensions {
            start: (1, 1),
            end: (2, 1),
        }];
        let g = assemble("f.xls", "S", cells, &merges, &Limits::default()).unwrap();
        assert!(g.rows[1].cells[1].bare_number && !g.rows[1].cells[1].merged);
        assert!(g.rows[2].cells[1].bare_number && g.rows[2].cells[1].merged);
        assert!(!g.rows[1].cells[0].bare_number);
    }

    #[test]
    fn merges_fill_covered_cells_with_true_coordinates() {
        let cells = vec![
            cell(2, 1, "产出指标"),
            cell(2, 2, "数量"),
            cell(3, 2, "质量"),
        ];
        let merges = [Dimensions {
            start: (2, 1),
            end: (3, 1),
        }];
        let g = assemble("f.xlsx", "S", cells, &merges, &Limits::default()).unwrap();
        assert_eq!(g.rows.len(), 4);
        assert_eq!(g.rows[3].number, 4);
        assert_eq!(g.rows[3].text(1), "产出指标");
        assert!(g.rows[3].cells[1].merged);
        assert!(!g.rows[2].cells[1].merged);
        assert_eq!(g.rows[2].text(0), "");
        assert!(g.rows[0].is_blank());
    }

    #[test]
    fn huge_merge_is_bounded() {
        let cells = vec![cell(0, 0, "a"), cell(5000, 5000, "b")];
        let merges = [Dimensions {
            start: (0, 0),
            end: (1_000_000, 16_000),
        }];
        let limits = Limits {
            max_cells: 1_000_000,
            ..Limits::default()
        };
        let err = assemble("f.xlsx", "S", cells, &merges, &limits).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    }
}
