//! jixiao-formats: bytes in, [`jixiao_core::Table`] out, and back.
//!
//! Reading is two steps: a source-specific front end turns bytes into a
//! [`grid::Grid`] of cell texts (delimited text, XLSX/XLS, HTML), then
//! [`read::table`] recognises the layout by header names and infers the
//! 合计 → unit → project hierarchy. Writers live in [`write`].

pub mod error;
pub mod grid;
pub mod read;
pub mod write;

pub use error::{io_text, io_write_text, Error, Location, Result};
pub use read::{read_bytes, read_bytes_all, read_path, read_path_all, ReadOptions};
