//! A pre-check of XLS (BIFF in a CFB container) before calamine opens it.
//!
//! calamine 0.38 reserves memory for `rows × cols` cells as a sheet's
//! DIMENSIONS record declares, before reading any cell; a damaged or crafted
//! record (rows up to 2³²) makes that reservation abort the process (an
//! out-of-memory abort cannot be caught). This module reads the CFB
//! directory and the `Workbook` stream itself and refuses a file whose
//! DIMENSIONS exceed [`Limits::max_cells`] or run backwards. When the
//! container cannot be parsed here, the file is passed on and calamine
//! reports the damage.

use crate::error::Result;
use crate::read::limits::Limits;
use jixiao_core::Text;

const END_OF_CHAIN: u32 = 0xFFFF_FFFA;

pub(crate) fn u16_at(b: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(off..off + 2)?.try_into().ok()?))
}

pub(crate) fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(off..off + 4)?.try_into().ok()?))
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

struct Cfb<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    fat: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let start = (id as usize)
            .checked_add(1)?
            .checked_mul(self.sector_size)?;
        self.bytes.get(start..start.checked_add(self.sector_size)?)
    }

    /// The sector ids of a chain, stopping at its end, a bad id or a cycle.
    fn chain(table: &[u32], start: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut id = start;
        while id < END_OF_CHAIN && out.len() <= table.len() {
            out.push(id);
            match table.get(id as usize) {
                Some(&next) => id = next,
                None => break,
            }
        }
        out
    }

    fn read_chain(&self, start: u32) -> Vec<u8> {
        Self::chain(&self.fat, start)
            .into_iter()
            .filter_map(|id| self.sector(id))
            .flatten()
            .copied()
            .collect()
    }
}

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream, if the container is readable.
pub(crate) fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return None;
    }
    let shift = u16_at(bytes, 0x1E)?;
    if shift != 9 && shift != 12 {
        return None;
    }
    let sector_size = 1usize << shift;
    let mini_size = 1usize << u16_at(bytes, 0x20)?.min(12);
    let dir_start = u32_at(bytes, 0x30)?;
    let mini_cutoff = u32_at(bytes, 0x38)?;
    let minifat_start = u32_at(bytes, 0x3C)?;
    let mut difat: Vec<u32> = u32s(bytes.get(0x4C..0x200)?).collect();
    let mut cfb = Cfb {
        bytes,
        sector_size,
        fat: Vec::new(),
    };
    let max_sectors = bytes.len() / sector_size + 1;
    let mut next = u32_at(bytes, 0x44)?;
    let mut hops = 0;
    while next < END_OF_CHAIN && hops < max_sectors {
        let s = cfb.sector(next)?;
        let mut ids: Vec<u32> = u32s(s).collect();
        next = ids.pop()?;
        difat.extend(ids);
        hops += 1;
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|&id| id < END_OF_CHAIN) {
        fat.extend(u32s(cfb.sector(id)?));
    }
    cfb.fat = fat;
    let dir = cfb.read_chain(dir_start);
    let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
    let root = entries.first()?;
    let root_start = u32_at(root, 0x74)?;
    let name_of = |e: &[u8]| -> String {
        let len = usize::from(u16_at(e, 0x40).unwrap_or(0)).min(64);
        let units: Vec<u16> = e
            .get(..len.saturating_sub(2))
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    let entry = entries
        .iter()
        .find(|e| e.get(0x42) == Some(&2) && name_of(e) == "Workbook")
        .or_else(|| {
            entries
                .iter()
                .find(|e| e.get(0x42) == Some(&2) && name_of(e) == "Book")
        })?;
    let start = u32_at(entry, 0x74)?;
    let size = u32_at(entry, 0x78)? as usize;
    let mut data = if (size as u64) < u64::from(mini_cutoff) {
        let mini_stream = cfb.read_chain(root_start);
        let minifat: Vec<u32> = u32s(&cfb.read_chain(minifat_start)).collect();
        Cfb::chain(&minifat, start)
            .into_iter()
            .filter_map(|id| {
                let off = (id as usize).checked_mul(mini_size)?;
                mini_stream.get(off..off.checked_add(mini_size)?)
            })
            .flatten()
            .copied()
            .collect()
    } else {
        cfb.read_chain(start)
    };
    data.truncate(size);
    Some(data)
}

/// Refuse an XLS whose DIMENSIONS records declare an absurd sheet size.
pub fn check_xls(file: &str, bytes: &[u8], limits: &Limits) -> Result<()> {
    let Some(stream) = workbook_stream(bytes) else {
        return Ok(());
    };
    let corrupt = |zh: String, en: String| super::workbook::corrupt_text(file, Text::new(zh, en));
    // Bounding box of the cells of the current sheet substream: calamine
    // allocates all of it.
    let mut bbox: Option<(u32, u32, u32, u32)> = None;
    let mut pos = 0usize;
    while let (Some(typ), Some(len)) = (u16_at(&stream, pos), u16_at(&stream, pos + 2)) {
        let len = usize::from(len);
        let data = stream.get(pos + 4..pos + 4 + len).unwrap_or(&[]);
        if typ == 0x0809 {
            bbox = None;
        }
        // NUMBER, LABEL, LABELSST, RK, BOOLERR, FORMULA, RSTRING, MULRK.
        if matches!(
            typ,
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 | 0x00BD
        ) {
            if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                let (r, c) = (u32::from(r), u32::from(c));
                let c_last = if typ == 0x00BD {
                    len.checked_sub(2)
                        .and_then(|o| u16_at(data, o))
                        .map_or(c, |v| u32::from(v).max(c))
                } else {
                    c
                };
                let (r0, r1, c0, c1) = bbox.unwrap_or((r, r, c, c_last));
                let b = (r0.min(r), r1.max(r), c0.min(c), c1.max(c_last));
                let area = (u64::from(b.1 - b.0) + 1) * (u64::from(b.3 - b.2) + 1);
                if area > limits.max_cells as u64 {
                    return Err(corrupt(
                        format!(
                            "单元格坐标异常：分布在 {area} 个位置上，例如第{}行第{}列",
                            r + 1,
                            c + 1
                        ),
                        format!(
                            "cells spread over {area} positions, e.g. row {}, column {}",
                            r + 1,
                            c + 1
                        ),
                    ));
                }
                bbox = Some(b);
            }
        }
        if typ == 0x0200 {
            let dims = match len {
                10 => Some((
                    u32::from(u16_at(data, 0).unwrap_or(0)),
                    u32::from(u16_at(data, 2).unwrap_or(0)),
                    u32::from(u16_at(data, 4).unwrap_or(0)),
                    u32::from(u16_at(data, 6).unwrap_or(0)),
                )),
                14 | 16 => Some((
                    u32_at(data, 0).unwrap_or(0),
                    u32_at(data, 4).unwrap_or(0),
                    u32::from(u16_at(data, 8).unwrap_or(0)),
                    u32::from(u16_at(data, 10).unwrap_or(0)),
                )),
                _ => None,
            };
            if let Some((rf, rl, cf, cl)) = dims {
                // As calamine reads it (rows rf..rl, columns cf..cl, end exclusive).
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                if rl >= 1 && cl >= 1 {
                    let rows = i64::from(rl) - i64::from(rf);
                    let cols = i64::from(cl) - i64::from(cf);
                    if rows <= 0 || cols <= 0 || rows.saturating_mul(cols) > limits.max_cells as i64
                    {
                        return Err(corrupt(
                            format!(
                                "工作表声明的尺寸异常：第{rf}..{rl}行，第{cf}..{cl}列"
                            ),
                            format!(
                                "a sheet declares an absurd size: rows {rf}..{rl}, columns {cf}..{cl}"
                            ),
                        ));
                    }
                }
            }
        }
        pos += 4 + len;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/fe-haizhu.xls");
        std::fs::read(p).unwrap()
    }

    #[test]
    fn finds_the_workbook_stream_and_accepts_the_fixture() {
        let raw = fixture();
        let stream = workbook_stream(&raw).unwrap();
        // BIFF8 starts with a BOF record (0x0809).
        assert_eq!(u16_at(&stream, 0), Some(0x0809));
        check_xls("f.xls", &raw, &Limits::default()).unwrap();
    }

    #[test]
    fn absurd_dimensions_are_refused() {
        let raw = fixture();
        let stream = workbook_stream(&raw).unwrap();
        // Find a DIMENSIONS record in the stream, then the same bytes in the file.
        let mut pos = 0;
        let mut found = None;
        while let (Some(t), Some(l)) = (u16_at(&stream, pos), u16_at(&stream, pos + 2)) {
            if t == 0x0200 {
                found = Some(stream[pos..pos + 4 + usize::from(l)].to_vec());
                break;
            }
            pos += 4 + usize::from(l);
        }
        let record = found.unwrap();
        let at = memchr::memmem::find(&raw, &record).unwrap();
        let mut bad = raw.clone();
        // rwMac = 0xFFFF_FFF0, colMac = 0xFF.
        bad[at + 8..at + 12].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        bad[at + 14..at + 16].copy_from_slice(&0xFFu16.to_le_bytes());
        let err = check_xls("坏.xls", &bad, &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("坏.xls"), "{err}");
    }
}
