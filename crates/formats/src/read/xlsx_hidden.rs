//! Hidden rows and columns of an XLSX sheet, which calamine does not expose.
//!
//! Finding them costs a second pass over the sheet's XML, so it is done
//! only for the sheets whose XML holds a `hidden=` attribute at all: the
//! zip check ([`super::workbook::inspect_zip`]) decompresses every entry
//! anyway and marks those entries while it does ([`HiddenMarks`]). A sheet
//! without hidden rows or columns (the benchmarked case) pays one substring
//! search over bytes already in hand, not a second parse.
//!
//! The pass streams the entry through quick-xml and keeps only `<col>` and
//! `<row>` attributes; the zip has already passed the size and ratio bounds.

use crate::grid::Hidden;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

/// The attribute looked for; a `hidden` elsewhere only costs a parse.
const MARK: &[u8] = b"hidden=";

/// Zip entries whose bytes hold [`MARK`], found while they are decompressed.
#[derive(Debug, Clone, Default)]
pub struct HiddenMarks {
    entries: Vec<String>,
}

impl HiddenMarks {
    /// Whether any entry holds the mark: only then are sheet paths resolved.
    pub fn any(&self) -> bool {
        !self.entries.is_empty()
    }

    fn has(&self, path: &str) -> bool {
        self.entries.iter().any(|e| e.eq_ignore_ascii_case(path))
    }
}

/// Looks for [`MARK`] across the chunks of one entry (a match may straddle
/// two chunks, so the last bytes of the previous chunk are kept).
#[derive(Default)]
pub struct MarkScanner {
    tail: Vec<u8>,
    found: bool,
}

impl MarkScanner {
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.found || chunk.is_empty() {
            return;
        }
        let keep = MARK.len() - 1;
        if !self.tail.is_empty() {
            let head = chunk.get(..chunk.len().min(keep)).unwrap_or_default();
            let mut joint = std::mem::take(&mut self.tail);
            joint.extend_from_slice(head);
            if memchr::memmem::find(&joint, MARK).is_some() {
                self.found = true;
                return;
            }
        }
        if memchr::memmem::find(chunk, MARK).is_some() {
            self.found = true;
            return;
        }
        let from = chunk.len().saturating_sub(keep);
        self.tail = chunk.get(from..).unwrap_or_default().to_vec();
    }

    /// Record `entry` in `marks` when the mark was seen.
    pub fn finish(self, entry: &str, marks: &mut HiddenMarks) {
        if self.found {
            marks.entries.push(entry.to_string());
        }
    }
}

/// The attribute `name` (by local name, any prefix) of an element.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.clone().into_owned(), |v| v.into_owned())
        })
    })
}

fn truthy(v: Option<String>) -> bool {
    matches!(v.as_deref(), Some("1" | "true"))
}

/// The index of the entry named `path`, compared as calamine does (case aside).
fn index_of<R: Read + std::io::Seek>(zip: &zip::ZipArchive<R>, path: &str) -> Option<usize> {
    (0..zip.len()).find(|&i| {
        zip.name_for_index(i)
            .and_then(Result::ok)
            .is_some_and(|n| n.eq_ignore_ascii_case(path))
    })
}

/// Read a small zip entry whole (workbook.xml, its rels).
fn entry_bytes(bytes: &[u8], path: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let idx = index_of(&zip, path)?;
    let mut entry = zip.by_index(idx).ok()?;
    let mut out = Vec::new();
    entry.read_to_end(&mut out).ok()?;
    Some(out)
}

/// Sheet name → zip path of its XML, from `xl/workbook.xml` and its rels.
pub fn sheet_paths(bytes: &[u8]) -> HashMap<String, String> {
    let mut ids: Vec<(String, String)> = Vec::new();
    if let Some(wb) = entry_bytes(bytes, "xl/workbook.xml") {
        let mut r = quick_xml::Reader::from_reader(wb.as_slice());
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                    if let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) {
                        ids.push((name, id));
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
    }
    let mut targets: HashMap<String, String> = HashMap::new();
    if let Some(rels) = entry_bytes(bytes, "xl/_rels/workbook.xml.rels") {
        let mut r = quick_xml::Reader::from_reader(rels.as_slice());
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e))
                    if e.local_name().as_ref() == "Relationship" =>
                {
                    if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                        let path = match target.strip_prefix('/') {
                            Some(abs) => abs.to_string(),
                            None => format!("xl/{target}"),
                        };
                        targets.insert(id, path);
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
    }
    ids.into_iter()
        .filter_map(|(name, id)| targets.get(&id).map(|p| (name, p.clone())))
        .collect()
}

/// The hidden rows and columns of the sheet stored at `path`, or none when
/// its XML holds no hidden attribute or cannot be read (calamine has read
/// the same XML for the cells, so a damaged one is reported there).
pub fn hidden_of(bytes: &[u8], path: &str, marks: &HiddenMarks) -> Hidden {
    let mut hidden = Hidden::default();
    if !marks.has(path) {
        return hidden;
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return hidden;
    };
    let Some(idx) = index_of(&zip, path) else {
        return hidden;
    };
    let Ok(entry) = zip.by_index(idx) else {
        return hidden;
    };
    let mut r = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    // A <row> without r="" follows the previous one (as calamine counts).
    let mut next_row: u32 = 1;
    // One flag per Excel column: `<col>` ranges may overlap or repeat, and
    // the work stays bounded by the 16 384 columns whatever the file says.
    let mut cols: Vec<bool> = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "col" if truthy(attr(&e, "hidden")) => {
                    let num = |k: &str| attr(&e, k).and_then(|v| v.parse::<u32>().ok());
                    // Excel has 16 384 columns; a larger max is clamped.
                    if let (Some(min), Some(max)) = (num("min"), num("max")) {
                        if cols.is_empty() {
                            cols = vec![false; 16_384];
                        }
                        for c in min.max(1)..=max.min(16_384) {
                            if let Some(slot) = cols.get_mut(c as usize - 1) {
                                *slot = true;
                            }
                        }
                    }
                }
                "row" => {
                    let n = attr(&e, "r")
                        .and_then(|v| v.parse::<u32>().ok())
                        .unwrap_or(next_row);
                    if truthy(attr(&e, "hidden")) {
                        hidden.rows.push(n);
                    }
                    next_row = n.saturating_add(1);
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    hidden.cols = (0u32..)
        .zip(&cols)
        .filter_map(|(c, &h)| h.then_some(c))
        .collect();
    hidden.rows.sort_unstable();
    hidden.rows.dedup();
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_found_across_chunks() {
        for cut in 0..MARK.len() + 4 {
            let text = b"<row r=\"9\" hidden=\"1\">";
            let at = 8 + cut.min(text.len() - 8);
            let mut s = MarkScanner::default();
            s.feed(&text[..at]);
            s.feed(&text[at..]);
            let mut m = HiddenMarks::default();
            s.finish("a", &mut m);
            assert!(m.any(), "cut at {at}");
        }
        let mut s = MarkScanner::default();
        s.feed(b"<row r=\"9\" hid");
        s.feed(b"den-not=\"1\">");
        let mut m = HiddenMarks::default();
        s.finish("a", &mut m);
        assert!(!m.any());
    }
}
