//! A pre-check of an ODS `content.xml` before calamine opens it.
//!
//! ODS compresses repetition into attributes: one `<table:table-row
//! table:number-rows-repeated="5000">` holding one cell with
//! `table:number-columns-repeated="16384"` stands for 82 million cells.
//! calamine 0.38 parses every sheet when the workbook is opened and writes
//! each repeated cell out one by one (its own cap is 100 million cells), so
//! a 23 KB file took 8–9 GB and 20 s before the sheet ever reached
//! [`Limits::max_cells`]. This module streams `content.xml` (its size has
//! already passed [`super::workbook::inspect_zip`]) and counts the cells
//! calamine will materialise, refusing the file before calamine allocates.
//!
//! The count follows calamine's `read_table`/`read_row`/`get_range`:
//!
//! - Per row element (not per repeat), the cells of the row are stored once:
//!   every non-empty cell times its column repeat, and a run of empty cells
//!   only when another cell follows it (the run that ends a row is dropped),
//!   at most 16 384 columns per row.
//! - The sheet's range then spans from the first to the last non-empty row
//!   (rows counted with their `number-rows-repeated`, at most 1 048 576) and
//!   from the leftmost to the rightmost non-empty column; every row of that
//!   span is written out at that width.
//!
//! So the blank tail LibreOffice writes after every sheet
//! (`number-rows-repeated="1048560"` of empty cells, and a last empty cell
//! repeated to column 16 384 on each row) costs nothing here, as it costs
//! nothing in calamine. A cell counts as non-empty as calamine decides it: a
//! value attribute, `office:value-type="string"` (its text is the value,
//! even when blank) or a formula. Both counts are summed over the workbook,
//! since calamine keeps every sheet in memory at once.
//!
//! Anything this scan cannot parse is left to calamine, which reports it.

use crate::error::{Error, Result};
use crate::grid::Hidden;
use crate::read::limits::Limits;
use crate::read::workbook::cell_limit;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor};

/// calamine's `MAX_ROWS` and `MAX_COLUMNS` for ODS: repeats are capped there.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

const TABLE: &str = "table:table";
const ROW: &str = "table:table-row";
const COLUMN: &str = "table:table-column";
const CELL: &str = "table:table-cell";
const COVERED: &str = "table:covered-table-cell";

/// Refuse an ODS whose repeated rows and columns expand, in calamine, past
/// [`Limits::max_cells`]; the error names the sheet and the row.
///
/// The same pass gives the rows and columns each sheet hides
/// (`table:visibility="collapse"` or `"filter"`), which calamine does not
/// expose: by sheet name, for the sheets that hide any. Only hidden rows
/// holding a cell are kept (LibreOffice may hide a blank tail to the end).
pub fn check_ods(file: &str, bytes: &[u8], limits: &Limits) -> Result<HashMap<String, Hidden>> {
    let mut hidden = HashMap::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(hidden); // calamine reports the damage
    };
    let entry = match zip.by_name("content.xml") {
        Ok(e) => e,
        Err(_) => return Ok(hidden),
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(64 * 1024, entry));
    // As calamine configures it: end names are not checked.
    reader.config_mut().check_end_names = false;
    let mut counter = Counter {
        file,
        limits,
        raw: 0,
        range: 0,
    };
    let mut buf = Vec::with_capacity(1024);
    let mut skip = Vec::new();
    loop {
        let ev = match reader.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(_) => return Ok(hidden),
        };
        match ev {
            Event::Start(e) if e.name().as_ref() == TABLE => {
                if let Some(name) = attr(&e, "table:name") {
                    let name = quick_xml::escape::unescape(&name)
                        .map(|n| n.into_owned())
                        .unwrap_or(name);
                    let h = counter.table(&mut reader, &name, &mut skip)?;
                    if !h.rows.is_empty() || !h.cols.is_empty() {
                        hidden.insert(name, h);
                    }
                }
            }
            Event::Eof => return Ok(hidden),
            _ => {}
        }
        buf.clear();
    }
}

/// Whether a row or column element is hidden (Format ▸ Rows ▸ Hide, or a
/// filter).
fn is_hidden(e: &BytesStart<'_>) -> bool {
    attr(e, "table:visibility").is_some_and(|v| v == "collapse" || v == "filter")
}

struct Counter<'a> {
    file: &'a str,
    limits: &'a Limits,
    /// Cells calamine stores while reading rows, over the workbook so far.
    raw: u64,
    /// Cells of the finished sheets' ranges.
    range: u64,
}

/// What one row element holds, as calamine stores it.
struct RowCells {
    /// Cells stored for the row (trailing empty run excluded).
    stored: u64,
    /// First and one-past-last non-empty column, when any.
    used: Option<(u64, u64)>,
}

impl Counter<'_> {
    fn refuse(&self, sheet: &str, row0: u64) -> Error {
        cell_limit(
            self.file,
            sheet,
            u32::try_from(row0).unwrap_or(u32::MAX),
            self.limits,
        )
    }

    /// Count one `<table:table>` up to its end (calamine stops at the first
    /// `</table:table>` too); its hidden rows and columns.
    fn table<R: BufRead>(
        &mut self,
        reader: &mut quick_xml::Reader<R>,
        sheet: &str,
        skip: &mut Vec<u8>,
    ) -> Result<Hidden> {
        let mut hidden = Hidden::default();
        // Columns (0-based) declared so far by `<table:table-column>`.
        let mut cols: u64 = 0;
        let max = self.limits.max_cells as u64;
        let mut buf = Vec::with_capacity(1024);
        // Sheet rows (0-based) seen so far, counting repeats as calamine caps them.
        let mut rows: u64 = 0;
        // The span of non-empty rows and columns so far.
        let mut first_row: Option<u64> = None;
        let mut end_row: u64 = 0;
        let mut col_min = u64::MAX;
        let mut col_end: u64 = 0;
        loop {
            let ev = match reader.read_event_into(&mut buf) {
                Ok(ev) => ev,
                Err(_) => return Ok(hidden),
            };
            let (row_start, is_empty_tag) = match &ev {
                Event::Start(e) if e.name().as_ref() == ROW => (Some(e), false),
                Event::Empty(e) if e.name().as_ref() == ROW => (Some(e), true),
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == COLUMN => {
                    let repeats = attr(e, "table:number-columns-repeated")
                        .and_then(|v| v.parse::<u64>().ok())
                        .unwrap_or(1)
                        .min(MAX_COLUMNS.saturating_sub(cols));
                    if is_hidden(e) {
                        hidden
                            .cols
                            .extend((cols..cols + repeats).filter_map(|c| u32::try_from(c).ok()));
                    }
                    cols += repeats;
                    (None, false)
                }
                Event::End(e) if e.name().as_ref() == TABLE => break,
                Event::Eof => return Ok(hidden),
                _ => (None, false),
            };
            if let Some(e) = row_start {
                let repeats = attr(e, "table:number-rows-repeated")
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(1);
                let repeats = repeats.min(MAX_ROWS.saturating_sub(rows));
                let row_hidden = is_hidden(e);
                let cells = if is_empty_tag {
                    RowCells {
                        stored: 0,
                        used: None,
                    }
                } else {
                    match row(reader, skip) {
                        Some(c) => c,
                        None => return Ok(hidden),
                    }
                };
                let row0 = rows;
                rows += repeats;
                self.raw = self.raw.saturating_add(cells.stored);
                if self.raw > max {
                    return Err(self.refuse(sheet, row0));
                }
                if let Some((lo, hi)) = cells.used {
                    if row_hidden {
                        // 1-based sheet rows, as the grid numbers them.
                        hidden
                            .rows
                            .extend((row0 + 1..=rows).filter_map(|r| u32::try_from(r).ok()));
                    }
                    first_row.get_or_insert(row0);
                    end_row = rows;
                    col_min = col_min.min(lo);
                    col_end = col_end.max(hi);
                    let start = first_row.unwrap_or(row0);
                    let width = col_end.saturating_sub(col_min).max(1);
                    let span = end_row - start;
                    // Width and span only grow, so this is already a lower
                    // bound of the sheet's range: refuse now, at the row
                    // where the range passes the bound (not before the row
                    // being read, which widened or lengthened it).
                    if self.range.saturating_add(span.saturating_mul(width)) > max {
                        let fit = max.saturating_sub(self.range) / width;
                        let at = (start + fit).max(row0).min(end_row.saturating_sub(1));
                        return Err(self.refuse(sheet, at));
                    }
                }
            }
            buf.clear();
        }
        if let Some(start) = first_row {
            let width = col_end.saturating_sub(col_min);
            self.range = self
                .range
                .saturating_add((end_row - start).saturating_mul(width));
        }
        Ok(hidden)
    }
}

/// Read the cells of one row element up to `</table:table-row>`, as
/// calamine's `read_row` stores them. `None` when the XML breaks off.
fn row<R: BufRead>(reader: &mut quick_xml::Reader<R>, skip: &mut Vec<u8>) -> Option<RowCells> {
    let mut buf = Vec::with_capacity(256);
    let mut stored: u64 = 0;
    let mut pending_empty: u64 = 0;
    let mut used: Option<(u64, u64)> = None;
    loop {
        let ev = reader.read_event_into(&mut buf).ok()?;
        let (e, open) = match &ev {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) if e.name().as_ref() == ROW => break,
            Event::Eof => return None,
            _ => {
                buf.clear();
                continue;
            }
        };
        let name = e.name();
        if name.as_ref() == CELL || name.as_ref() == COVERED {
            let repeats = attr(e, "table:number-columns-repeated")
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(1);
            let filled = non_empty(e);
            // calamine writes out the previous empty run only now that a
            // cell follows it, capped at the row's last column.
            stored += pending_empty.min(MAX_COLUMNS.saturating_sub(stored));
            let capped = repeats.min(MAX_COLUMNS.saturating_sub(stored));
            if filled {
                if capped > 0 {
                    let lo = used.map_or(stored, |(lo, _)| lo);
                    used = Some((lo, stored + capped));
                }
                stored += capped;
                pending_empty = 0;
            } else {
                pending_empty = capped;
            }
            if open {
                // The cell's content (text, annotations) is skipped, as
                // calamine skips it when counting positions.
                let end = name.as_ref().to_string();
                reader
                    .read_to_end_into(quick_xml::name::QName(&end), skip)
                    .ok()?;
                skip.clear();
            }
        } else if open {
            // Not a cell: calamine refuses the row; skip it and let it.
            let end = name.as_ref().to_string();
            reader
                .read_to_end_into(quick_xml::name::QName(&end), skip)
                .ok()?;
            skip.clear();
        }
        buf.clear();
    }
    Some(RowCells { stored, used })
}

/// Whether calamine stores a cell as non-empty (its `get_datatype`): a value
/// attribute before any other decides; `office:value-type="string"` without
/// one takes the element's text, which is a value even when blank; a formula
/// is kept in the formula range, which is as large as the cell range.
fn non_empty(e: &BytesStart<'_>) -> bool {
    let mut is_string = false;
    for a in e.attributes().with_checks(false).flatten() {
        match a.key.as_ref() {
            "office:value"
            | "office:string-value"
            | "office:date-value"
            | "office:time-value"
            | "office:boolean-value" => return true,
            "office:value-type" => is_string = a.value.as_ref() == "string",
            "table:formula" if !a.value.is_empty() => return true,
            _ => {}
        }
    }
    is_string
}

/// The raw value of attribute `key` (by its qualified name, as calamine
/// looks it up), trimmed of nothing: calamine parses it as it stands.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// An ODS zip whose `content.xml` holds `tables` (name, rows XML).
    pub(crate) fn ods(tables: &[(&str, String)]) -> Vec<u8> {
        let mut body = String::new();
        for (name, rows) in tables {
            body.push_str(&format!(
                "<table:table table:name=\"{name}\">{rows}</table:table>"
            ));
        }
        let content = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <office:document-content \
             xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">\
             <office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>\
             </office:document-content>"
        );
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("mimetype", stored).unwrap();
        w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        w.start_file(
            "META-INF/manifest.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
              <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
              <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
              <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
              </manifest:manifest>",
        )
        .unwrap();
        w.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(content.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    /// The sample as an ODS sheet, its line `hide` (0-based) a hidden row and
    /// its fifth column hidden.
    fn sample_ods(hide: usize) -> Vec<u8> {
        let text =
            include_str!("../../../../tests/fixtures/haizhu-youth-league-2024-project-targets.txt");
        let esc = |t: &str| {
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let mut rows = String::from(
            "<table:table-column table:number-columns-repeated=\"4\"/>\
             <table:table-column table:visibility=\"collapse\"/>\
             <table:table-column table:number-columns-repeated=\"1019\"/>",
        );
        for (i, line) in text.lines().enumerate() {
            let cells: String = line
                .split('\t')
                .map(|c| {
                    if c.is_empty() {
                        "<table:table-cell/>".to_string()
                    } else {
                        text_cell(&esc(c), 1)
                    }
                })
                .collect();
            let vis = if i == hide {
                " table:visibility=\"collapse\""
            } else {
                ""
            };
            rows.push_str(&format!("<table:table-row{vis}>{cells}</table:table-row>"));
        }
        // LibreOffice's hidden blank tail holds no cell: not a hidden row.
        rows.push_str(
            "<table:table-row table:visibility=\"collapse\" table:number-rows-repeated=\"1000\">\
             <table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>",
        );
        ods(&[("绩效目标表", rows)])
    }

    /// An ODS hides rows and columns as an XLSX does (`table:visibility`),
    /// which calamine does not say: they are read and named.
    #[test]
    fn hidden_ods_rows_and_columns_are_read_and_named() {
        let plain =
            crate::read::read_bytes("t.ods", &sample_ods(usize::MAX), &Default::default()).unwrap();
        assert!(!plain.notices.iter().any(|n| n.code == "row-hidden"));
        let p = &plain.units[0].projects[1];
        let hide = p.origin.row as usize - 1;
        let bytes = sample_ods(hide);
        let by_sheet = check_ods("t.ods", &bytes, &Limits::default()).unwrap();
        let h = &by_sheet["绩效目标表"];
        assert_eq!(h.rows, [p.origin.row]);
        assert_eq!(h.cols, [4]);
        let t = crate::read::read_bytes("t.ods", &bytes, &Default::default()).unwrap();
        assert_eq!(t.projects().count(), plain.projects().count());
        crate::read::tests_support::assert_one_row_hidden_naming(&t, &p.name);
        assert!(
            t.notices.iter().any(|n| n.code == "column-hidden"),
            "{:?}",
            t.notices
        );
    }

    fn text_cell(t: &str, repeat: u32) -> String {
        format!(
            "<table:table-cell table:number-columns-repeated=\"{repeat}\" \
             office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>"
        )
    }

    fn limit(n: usize) -> Limits {
        Limits {
            max_cells: n,
            ..Limits::default()
        }
    }

    /// The rows of a small table as LibreOffice saves it: each row ends in
    /// an empty cell repeated to column 16 384, and the sheet in a blank
    /// row repeated to row 1 048 576.
    fn libreoffice_rows(n: usize) -> String {
        let mut rows = String::new();
        for i in 0..n {
            rows.push_str(&format!(
                "<table:table-row table:style-name=\"ro1\">{}{}\
                 <table:table-cell table:style-name=\"ce1\" table:number-columns-repeated=\"2\"/>\
                 <table:table-cell office:value-type=\"float\" office:value=\"{i}\"><text:p>{i}</text:p></table:table-cell>\
                 <table:table-cell table:number-columns-repeated=\"16379\"/></table:table-row>",
                text_cell("项目", 1),
                text_cell("目标", 1),
            ));
        }
        rows.push_str(
            "<table:table-row table:style-name=\"ro1\" table:number-rows-repeated=\"1048560\">\
             <table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
             <table:table-row><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>",
        );
        rows
    }

    #[test]
    fn repeated_rows_and_columns_are_counted_before_calamine() {
        // 5 000 rows × 16 384 columns of "x": 82 million cells from 1 KB.
        let rows = format!(
            "<table:table-row>{}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"5000\">{}</table:table-row>",
            text_cell("标题", 1),
            text_cell("x", 16384)
        );
        let bytes = ods(&[("绩效目标表", rows)]);
        let t = std::time::Instant::now();
        let err = check_ods("rep.ods", &bytes, &Limits::default()).unwrap_err();
        assert!(t.elapsed().as_secs() < 2);
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains("绩效目标表"), "{msg}");
        // 20 000 000 / 16 384 = 1 220 rows of the range fit (the title row is one).
        assert!(msg.contains("第1221行"), "{msg}");
        assert!(msg.contains("20000000"), "{msg}");
    }

    #[test]
    fn stored_empty_runs_count_once_per_row_element() {
        // An empty run followed by another cell is stored by calamine even
        // though the row is empty: 10 rows × 16 383 cells.
        let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>\
                   <table:table-cell/></table:table-row>";
        let bytes = ods(&[("S", row.repeat(10))]);
        let err = check_ods("raw.ods", &bytes, &limit(100_000)).unwrap_err();
        assert!(err.to_string().contains("第7行"), "{err}");
        assert!(check_ods("raw.ods", &bytes, &limit(200_000)).is_ok());
    }

    #[test]
    fn libreoffice_blank_tails_cost_nothing() {
        // 3 rows × 5 columns; the repeated blank tails are dropped by
        // calamine and must not be counted.
        let bytes = ods(&[("S", libreoffice_rows(3))]);
        assert!(check_ods("lo.ods", &bytes, &limit(15)).is_ok());
        assert!(check_ods("lo.ods", &bytes, &limit(14)).is_err());
        // Blank rows between data rows are written out, at the table's width.
        let gap = format!(
            "<table:table-row>{}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"100\"><table:table-cell table:number-columns-repeated=\"9\"/></table:table-row>\
             <table:table-row>{}</table:table-row>",
            text_cell("a", 2),
            text_cell("b", 2)
        );
        let bytes = ods(&[("S", gap)]);
        assert!(check_ods("gap.ods", &bytes, &limit(204)).is_ok());
        assert!(check_ods("gap.ods", &bytes, &limit(203)).is_err());
    }

    #[test]
    fn sheets_add_up_and_formulas_count() {
        let half = format!(
            "<table:table-row table:number-rows-repeated=\"60\">{}</table:table-row>",
            text_cell("x", 10)
        );
        let bytes = ods(&[("一", half.clone()), ("二", half)]);
        let err = check_ods("two.ods", &bytes, &limit(1000)).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("二") && msg.contains("第41行"), "{msg}");
        // A formula without a value is kept in calamine's formula range.
        let f = "<table:table-row table:number-rows-repeated=\"50\">\
                 <table:table-cell table:formula=\"of:=1\" table:number-columns-repeated=\"50\"/>\
                 </table:table-row>";
        let bytes = ods(&[("F", f.to_string())]);
        assert!(check_ods("f.ods", &bytes, &limit(2000)).is_err());
    }
}
