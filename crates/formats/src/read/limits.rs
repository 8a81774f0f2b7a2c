//! Safety bounds for untrusted input (文件大小、解压大小、单元格数量上限).

/// Bounds every reader enforces. Exceeding one gives [`crate::Error::TooLarge`]
/// naming the bound and how to raise it; nothing is read past a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file in bytes (default 256 MiB).
    pub max_file_bytes: u64,
    /// Largest sum of decompressed entry sizes of an XLSX/ODS zip (default 1 GiB).
    pub max_unzipped_bytes: u64,
    /// Most entries in an XLSX/ODS zip (default 10 000).
    pub max_zip_entries: usize,
    /// Largest decompressed/compressed ratio of one zip entry (default 200);
    /// only applied to entries that decompress to more than 1 MiB.
    pub max_zip_ratio: u64,
    /// Most cells in one produced grid, counting padding and merged copies (default 20 million).
    pub max_cells: usize,
    /// Largest HTML `rowspan`/`colspan` honoured (default 1000; larger spans are clamped).
    pub max_span: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
            max_unzipped_bytes: 1024 * 1024 * 1024,
            max_zip_entries: 10_000,
            max_zip_ratio: 200,
            max_cells: 20_000_000,
            max_span: 1000,
        }
    }
}

/// Human form of a byte count (`256 MiB`).
pub fn human_bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n % MIB == 0 {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else {
        format!("{n} 字节 (bytes)")
    }
}
