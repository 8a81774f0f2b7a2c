//! The one error type of this crate. Every error says where (file, sheet,
//! row, column) and what to do, in Chinese and in English kept apart:
//! [`Error::render`] shows it in one language, `Display` in Chinese.

use jixiao_core::{Lang, Text};
use std::fmt;

/// A place in a source file. Rows and columns are 1-based.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub sheet: Option<String>,
    /// The `<table>` of an HTML page (1-based) whose rows `row` counts;
    /// named only when no `sheet` names it.
    pub table: Option<u32>,
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

    /// `file [工作表 X] 第r行 第c列` or `file [sheet X] row r, column c`
    /// (an HTML table without a sheet name: `[表格 2]`, `[table 2]`).
    pub fn render(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        match lang {
            Lang::Zh => {
                match (&self.sheet, self.table) {
                    (Some(sheet), _) => s.push_str(&format!(" [工作表 {sheet}]")),
                    (None, Some(t)) => s.push_str(&format!(" [表格 {t}]")),
                    (None, None) => {}
                }
                if let Some(r) = self.row {
                    s.push_str(&format!(" 第{r}行"));
                }
                if let Some(c) = self.col {
                    s.push_str(&format!(" 第{c}列"));
                }
            }
            Lang::English => {
                match (&self.sheet, self.table) {
                    (Some(sheet), _) => s.push_str(&format!(" [sheet {sheet}]")),
                    (None, Some(t)) => s.push_str(&format!(" [table {t}]")),
                    (None, None) => {}
                }
                match (self.row, self.col) {
                    (Some(r), Some(c)) => s.push_str(&format!(" row {r}, column {c}")),
                    (Some(r), None) => s.push_str(&format!(" row {r}")),
                    (None, Some(c)) => s.push_str(&format!(" column {c}")),
                    (None, None) => {}
                }
            }
        }
        s
    }
}

/// In Chinese (the default language).
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Zh))
    }
}

/// What went wrong, in Chinese and English, plus a hint on what to do.
/// (The texts are boxed: a `Result` of this crate stays small.)
#[derive(Debug)]
pub enum Error {
    /// The file could not be opened or read.
    Io {
        location: Location,
        source: std::io::Error,
    },
    /// The content is not a readable table; `message` says what was expected.
    Invalid {
        location: Location,
        message: Box<Text>,
        hint: Box<Text>,
    },
    /// Input exceeds a safety bound (file size, decompressed size, cell count).
    TooLarge {
        location: Location,
        message: Box<Text>,
        hint: Box<Text>,
    },
    /// Writing an output failed.
    Write(Text),
}

impl Error {
    pub fn invalid(location: Location, message: Text, hint: Text) -> Self {
        Error::Invalid {
            location,
            message: Box::new(message),
            hint: Box::new(hint),
        }
    }

    pub fn too_large(location: Location, message: Text, hint: Text) -> Self {
        Error::TooLarge {
            location,
            message: Box::new(message),
            hint: Box::new(hint),
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

    /// The whole error in `lang`: where, what, and (on a second line) what
    /// to do.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Io { location, source } => {
                let (label, why) = match lang {
                    Lang::Zh => ("无法读取文件", io_zh(source)),
                    Lang::English => ("cannot read file", source.to_string()),
                };
                format!("{}: {label}: {why}", location.render(lang))
            }
            Error::Invalid {
                location,
                message,
                hint,
            }
            | Error::TooLarge {
                location,
                message,
                hint,
            } => {
                let mut s = format!("{}: {}", location.render(lang), message.get(lang));
                let hint = hint.get(lang);
                if !hint.is_empty() {
                    let label = match lang {
                        Lang::Zh => "提示",
                        Lang::English => "hint",
                    };
                    s.push_str(&format!("\n  {label}: {hint}"));
                }
                s
            }
            Error::Write(text) => match lang {
                Lang::Zh => format!("写出失败：{}", text.zh),
                Lang::English => format!("write failed: {}", text.en),
            },
        }
    }

    /// The error in both languages.
    pub fn text(&self) -> Text {
        Text::by(|lang| self.render(lang))
    }
}

/// An IO error in both languages: in Chinese the common kinds said in
/// words, the system's own (English) text kept for the others.
pub fn io_text(e: &std::io::Error) -> Text {
    Text::new(io_zh(e), e.to_string())
}

/// An IO error met while writing, in words: the reading wording (没有读取权限)
/// would send a user who cannot write to the wrong fix.
pub fn io_write_text(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    let zh = match e.kind() {
        K::PermissionDenied => "没有写入权限".to_string(),
        K::NotFound => "目录不存在".to_string(),
        K::StorageFull => "磁盘空间已满".to_string(),
        K::ReadOnlyFilesystem => "文件系统是只读的".to_string(),
        K::IsADirectory => "这是一个目录，不是文件".to_string(),
        _ => format!("系统错误：{e}"),
    };
    Text::new(zh, e.to_string())
}

fn io_zh(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let said = match e.kind() {
        K::NotFound => "文件不存在",
        K::PermissionDenied => "没有读取权限",
        K::IsADirectory => "这是一个目录，不是文件",
        K::InvalidData => "内容无法读取",
        K::UnexpectedEof => "文件不完整",
        K::OutOfMemory => "内存不足",
        _ => return format!("系统错误：{e}"),
    };
    said.to_string()
}

/// In Chinese (the default language); [`Error::render`] for English.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Zh))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_is_rendered_in_each_language() {
        let l = Location {
            file: "a.xlsx".into(),
            sheet: Some("表1".into()),
            table: None,
            row: Some(3),
            col: Some(5),
        };
        assert_eq!(l.render(Lang::Zh), "a.xlsx [工作表 表1] 第3行 第5列");
        let html = Location {
            file: "p.html".into(),
            table: Some(2),
            row: Some(5),
            ..Location::default()
        };
        assert_eq!(html.render(Lang::Zh), "p.html [表格 2] 第5行");
        assert_eq!(html.render(Lang::English), "p.html [table 2] row 5");
        assert_eq!(
            l.render(Lang::English),
            "a.xlsx [sheet 表1] row 3, column 5"
        );
        let e = Error::invalid(
            l,
            Text::new("文件为空", "the file is empty"),
            Text::new("请重新保存", "save it again"),
        );
        assert_eq!(
            e.render(Lang::English),
            "a.xlsx [sheet 表1] row 3, column 5: the file is empty\n  hint: save it again"
        );
        assert_eq!(
            e.to_string(),
            "a.xlsx [工作表 表1] 第3行 第5列: 文件为空\n  提示: 请重新保存"
        );
        let io = Error::Io {
            location: Location::file("x.txt"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(io.render(Lang::Zh), "x.txt: 无法读取文件: 文件不存在");
        assert!(io
            .render(Lang::English)
            .starts_with("x.txt: cannot read file: "));
    }
}
