//! Readers: source bytes → [`Grid`](crate::grid::Grid) → [`Table`].

pub mod build;

use crate::error::Result;
use jixiao_core::Table;
use std::path::Path;

/// Options a user can set on the command line.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Force an encoding label (`gbk`, `utf-8`, `utf-16le` …) instead of detecting.
    pub encoding: Option<String>,
    /// Pick a sheet by name in a workbook (default: the first sheet with a recognisable header).
    pub sheet: Option<String>,
}

/// Read a table from a file; the format is taken from the content (magic bytes), then the extension.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Table> {
    let _ = (path, opts);
    todo!("readers")
}

/// Read a table from bytes; `name` is used for messages and format hints.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    let _ = (name, bytes, opts);
    todo!("readers")
}
