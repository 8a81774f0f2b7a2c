//! Grid → [`Table`]: layout detection by header names and hierarchy inference.
//! (Owned by the layout work; this is the contract the front ends call.)

use crate::error::{Error, Location, Result};
use crate::grid::Grid;
use jixiao_core::{SourceInfo, Table};

/// Recognise the layout of `grid` and build the table. `source` is copied into
/// [`Table::source`] and used for error locations.
pub fn build_table(grid: &Grid<'_>, source: SourceInfo) -> Result<Table> {
    let _ = grid;
    Err(Error::invalid(
        Location {
            file: source.path.clone(),
            sheet: source.sheet.clone(),
            row: None,
            col: None,
        },
        "尚未实现 (not implemented yet)",
        "",
    ))
}
