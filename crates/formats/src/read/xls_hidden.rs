//! Hidden rows and columns of an XLS (BIFF8) sheet, which calamine does not
//! expose: a hidden row is often a withdrawn project, and XLS is what many
//! finance bureaus still publish. Read from the `Workbook` stream that
//! [`super::xls_guard`] already extracts: each BOUNDSHEET record gives a
//! sheet's name and where its records start; there a ROW record with
//! `fDyZero` (0x20 in its flags) is a hidden row, a COLINFO record with
//! `fHidden` (0x01) a run of hidden columns.
//!
//! Only BIFF8 (Excel 97 and later) is read: BIFF5 names sheets in a code
//! page this module would have to guess. Whatever cannot be parsed gives no
//! hidden rows, never an error: calamine has read the cells already.

use super::xls_guard::{u16_at, u32_at, workbook_stream};
use crate::grid::Hidden;
use std::collections::HashMap;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;
/// BIFF8's version in a BOF record.
const BIFF8: u16 = 0x0600;
/// The last column of a BIFF8 sheet (IV).
const LAST_COL: u16 = 0xFF;

/// Sheet name → its hidden rows and columns, for the sheets that hide any.
pub(crate) fn hidden_by_sheet(bytes: &[u8]) -> HashMap<String, Hidden> {
    let mut out = HashMap::new();
    let Some(stream) = workbook_stream(bytes) else {
        return out;
    };
    let records = |from: usize| Records {
        stream: &stream,
        pos: from,
    };
    // The globals substream: a BIFF8 BOF, then the sheets' BOUNDSHEETs.
    let mut globals = records(0);
    match globals.next() {
        Some((BOF, data)) if u16_at(data, 0) == Some(BIFF8) => {}
        _ => return out,
    }
    let mut sheets = Vec::new();
    for (typ, data) in globals {
        match typ {
            EOF => break,
            BOUNDSHEET => {
                if let (Some(at), Some(name)) = (u32_at(data, 0), sheet_name(data.get(6..))) {
                    sheets.push((at as usize, name));
                }
            }
            _ => {}
        }
    }
    for (at, name) in sheets {
        let hidden = sheet_hidden(records(at));
        if !hidden.rows.is_empty() || !hidden.cols.is_empty() {
            out.insert(name, hidden);
        }
    }
    out
}

/// The hidden rows and columns of the sheet substream `records` starts at.
fn sheet_hidden(mut records: Records<'_>) -> Hidden {
    let mut h = Hidden::default();
    if !matches!(records.next(), Some((BOF, _))) {
        return h;
    }
    // A chart or other object embedded in the sheet has a substream of its own.
    let mut depth = 0usize;
    for (typ, data) in records {
        match typ {
            BOF => depth += 1,
            EOF if depth == 0 => break,
            EOF => depth -= 1,
            ROW if depth == 0 => {
                if let (Some(rw), Some(flags)) = (u16_at(data, 0), u16_at(data, 12)) {
                    if flags & 0x20 != 0 {
                        h.rows.push(u32::from(rw) + 1);
                    }
                }
            }
            COLINFO if depth == 0 => {
                if let (Some(first), Some(last), Some(flags)) =
                    (u16_at(data, 0), u16_at(data, 2), u16_at(data, 8))
                {
                    if flags & 0x01 != 0 && first <= last {
                        h.cols.extend((first..=last.min(LAST_COL)).map(u32::from));
                    }
                }
            }
            _ => {}
        }
    }
    h.rows.sort_unstable();
    h.rows.dedup();
    h.cols.sort_unstable();
    h.cols.dedup();
    h
}

/// A BIFF8 ShortXLUnicodeString: a character count, a flag (bit 0: two
/// bytes a character), then the characters.
fn sheet_name(b: Option<&[u8]>) -> Option<String> {
    let b = b?;
    let n = usize::from(*b.first()?);
    let wide = b.get(1)? & 1 != 0;
    let chars = b.get(2..)?;
    if wide {
        let units: Vec<u16> = chars
            .get(..n * 2)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).ok()
    } else {
        Some(chars.get(..n)?.iter().map(|&c| char::from(c)).collect())
    }
}

/// The records of a BIFF stream from a byte offset: (type, data).
struct Records<'a> {
    stream: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let typ = u16_at(self.stream, self.pos)?;
        let len = usize::from(u16_at(self.stream, self.pos + 2)?);
        let start = self.pos + 4;
        let data = self.stream.get(start..start + len)?;
        self.pos = start + len;
        Some((typ, data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(name);
        std::fs::read(p).unwrap()
    }

    #[test]
    fn a_sheet_without_hidden_rows_has_none() {
        assert!(hidden_by_sheet(&fixture("fe-haizhu.xls")).is_empty());
        assert!(hidden_by_sheet(&fixture("fe-multi-sheet.xls")).is_empty());
        assert!(hidden_by_sheet(b"not a workbook").is_empty());
    }

    /// `raw` with the ROW record of sheet row `row` (1-based) marked hidden.
    fn hide_row(raw: &[u8], row: u32) -> Vec<u8> {
        let stream = workbook_stream(raw).unwrap();
        let record = Records {
            stream: &stream,
            pos: 0,
        }
        .find(|(t, d)| *t == ROW && u16_at(d, 0) == Some(row as u16 - 1))
        .map(|(_, d)| d.to_vec())
        .expect("a ROW record");
        let at = memchr::memmem::find(raw, &record).unwrap();
        let mut out = raw.to_vec();
        out[at + 12] |= 0x20;
        out
    }

    /// A hidden row of an XLS is read and named, as an XLSX's is (calamine
    /// does not say; the ROW record does): a hidden row is often a
    /// withdrawn project.
    #[test]
    fn a_hidden_xls_row_is_read_and_named() {
        let raw = fixture("fe-haizhu.xls");
        let opts = crate::ReadOptions::default();
        let before = crate::read::read_bytes("t.xls", &raw, &opts).unwrap();
        assert!(!before.notices.iter().any(|n| n.code == "row-hidden"));
        let p = &before.units[0].projects[1];
        let hidden = hide_row(&raw, p.origin.row);
        let by_sheet = hidden_by_sheet(&hidden);
        assert_eq!(by_sheet.len(), 1);
        assert_eq!(by_sheet.values().next().unwrap().rows, [p.origin.row]);
        let after = crate::read::read_bytes("t.xls", &hidden, &opts).unwrap();
        assert_eq!(after.projects().count(), before.projects().count());
        crate::read::tests_support::assert_one_row_hidden_naming(&after, &p.name);
    }

    #[test]
    fn sheet_names_in_one_or_two_bytes() {
        assert_eq!(sheet_name(Some(b"\x03\x00abc")).as_deref(), Some("abc"));
        let wide = [2u8, 1, 0xE9, 0x7E, 0x48, 0x65];
        assert_eq!(sheet_name(Some(&wide)).as_deref(), Some("绩效"));
        assert_eq!(sheet_name(Some(b"\x05\x00ab")), None);
    }
}
