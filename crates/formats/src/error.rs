//! The one error type of this crate. Every error says where (file, sheet,
//! row, column) and what to do.

use std::fmt;

/// A place in a source file. Rows and columns are 1-based.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub col: Option<u32>,
}

impl Location {
    /// The whole file, no sheet, row or column.
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_string(),
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(s) = &self.sheet {
            write!(f, " [工作表 {s}]")?;
        }
        if let Some(r) = self.row {
            write!(f, " 第{r}行")?;
        }
        if let Some(c) = self.col {
            write!(f, " 第{c}列")?;
        }
        Ok(())
    }
}

/// What went wrong, in Chinese first with English after, plus a hint on what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{location}: 无法读取文件 (cannot read file): {source}")]
    Io {
        location: Location,
        #[source]
        source: std::io::Error,
    },
    /// The content is not a readable table; `message` says what was expected.
    #[error("{location}: {message}\n  提示 (hint): {hint}")]
    Invalid {
        location: Location,
        message: String,
        hint: String,
    },
    /// Input exceeds a safety bound (file size, decompressed size, cell count).
    #[error("{location}: {message}\n  提示 (hint): {hint}")]
    TooLarge {
        location: Location,
        message: String,
        hint: String,
    },
    /// Writing an output failed.
    #[error("写出失败 (write failed): {0}")]
    Write(String),
}

impl Error {
    pub fn invalid(
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            location,
            message: message.into(),
            hint: hint.into(),
        }
    }
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Io { location, .. }
            | Error::Invalid { location, .. }
            | Error::TooLarge { location, .. } => Some(location),
            Error::Write(_) => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
