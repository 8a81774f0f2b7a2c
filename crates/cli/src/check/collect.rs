//! Expand the command-line paths into the files to review.

use jixiao_core::review::Template;
use jixiao_core::Text;
use std::path::{Path, PathBuf};

/// Extensions `jixiao check` picks up inside directories.
pub const EXTENSIONS: [&str; 9] = [
    "txt", "tsv", "csv", "xlsx", "xls", "ods", "html", "htm", "json",
];

/// Kinds of document a directory may hold beside its tables (the same table
/// as published, often) that a directory scan leaves out and names: PDF
/// (`pdftotext` is experimental, and a published PDF usually comes with the
/// XLSX or HTML it was printed from), and word-processor or layout formats
/// jixiao does not read.
const NAMED_KINDS: [&str; 6] = ["pdf", "doc", "docx", "wps", "et", "ofd"];

/// A file a directory scan met and left out.
pub struct Skipped {
    pub path: PathBuf,
    /// Whether it is one of [`NAMED_KINDS`] (named one by one on the
    /// terminal; other files are counted).
    pub named: bool,
    /// Whether it is a hidden file or folder (its name starts with `.`).
    pub hidden: bool,
    /// Why, in Chinese and in English.
    reason: Template,
}

impl Skipped {
    /// Why it was skipped, in `lang`.
    pub fn reason(&self, lang: super::Lang) -> &'static str {
        self.reason.text(lang.core())
    }

    fn of(path: PathBuf) -> Skipped {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let (named, reason) = match ext.as_str() {
            "pdf" => (
                true,
                Template {
                    zh: "目录扫描不审核 PDF；单独指定该文件可试用实验性的 PDF 读取，或审核同一张表的 XLSX/HTML 版本",
                    en: "PDF is not reviewed in a directory scan; name the file to try the experimental PDF \
                         reader, or review the table's XLSX/HTML edition",
                },
            ),
            e if NAMED_KINDS.contains(&e) => (
                true,
                Template {
                    zh: "jixiao 不读取此格式，请另存为 XLSX 或 HTML 后审核",
                    en: "jixiao does not read this format; save it as XLSX or HTML",
                },
            ),
            _ => (
                false,
                Template {
                    zh: "扩展名不在审核之列",
                    en: "extension not reviewed",
                },
            ),
        };
        Skipped {
            path,
            named,
            hidden: false,
            reason,
        }
    }

    /// A hidden file or folder: not reviewed (a `.git` or a `.DS_Store` is
    /// no table), but counted, since a table may be in it.
    fn hidden(path: PathBuf) -> Skipped {
        Skipped {
            path,
            named: false,
            hidden: true,
            reason: Template {
                zh: "隐藏的文件或文件夹（名称以 . 开头）；要审核，请在命令行上直接指定",
                en: "hidden file/folder (name starts with .); name it on the command line to review it",
            },
        }
    }
}

pub enum Input {
    File(PathBuf),
    /// A path that does not exist or cannot be listed, with the reason.
    Missing(PathBuf, Text),
}

/// Files named on the command line are taken as they are; directories are
/// searched recursively (sorted; hidden entries, symbolic links and other
/// non-regular entries left alone and listed) for known extensions. A hidden
/// folder is listed once, not entered; a hidden file is listed when it has
/// an extension reviewed (a `.DS_Store` or `.gitignore` is not).
/// A file reached twice (`a.txt ./a.txt`, or a directory and a file inside
/// it) is reviewed once, where it was first met: inputs are told apart by
/// their canonical path.
/// Files met in directories that are not reviewed are returned beside them.
pub fn files(paths: &[PathBuf]) -> (Vec<Input>, Vec<Skipped>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    // Directories named that hold nothing to review.
    let mut empty = Vec::new();
    for p in paths {
        if p.is_dir() {
            let before = out.len();
            walk(p, &mut out, &mut skipped);
            if out.len() == before {
                empty.push(p.clone());
            }
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else if let Ok(target) = std::fs::read_link(p) {
            // A link whose target is gone: say so, and where it pointed.
            let target = target.display().to_string();
            out.push(Input::Missing(
                p.clone(),
                Text::new(
                    format!("符号链接指向的文件不存在：{target}"),
                    format!("the symbolic link points to a file that does not exist: {target}"),
                ),
            ));
        } else {
            out.push(Input::Missing(
                p.clone(),
                Text::new("文件或目录不存在", "no such file or directory"),
            ));
        }
    }
    // Beside other inputs, a directory that gave nothing is said as an input
    // that could not be reviewed, not passed over (alone, the caller says
    // there is nothing to review at all).
    if out.iter().any(|i| matches!(i, Input::File(_))) {
        for dir in empty {
            out.push(Input::Missing(
                dir,
                Text::new(
                    format!("目录中没有可审核的文件（{}）", EXTENSIONS.join(", ")),
                    format!(
                        "the directory holds no file to review ({})",
                        EXTENSIONS.join(", ")
                    ),
                ),
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|input| match input {
        Input::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        Input::Missing(p, _) => seen.insert(p.clone()),
    });
    // A file named on the command line is reviewed, not skipped, even where
    // a directory scan met it as a link.
    let named: std::collections::HashSet<PathBuf> = paths
        .iter()
        .filter(|p| !p.is_dir())
        .map(|p| entry_of(p))
        .collect();
    skipped.retain(|s| !named.contains(&entry_of(&s.path)));
    let mut seen_skipped = std::collections::HashSet::new();
    // By the entry itself (its folder's canonical path and its name): two
    // links to one target are two entries.
    skipped.retain(|s| seen_skipped.insert(entry_of(&s.path)));
    (out, skipped)
}

fn walk(dir: &Path, out: &mut Vec<Input>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let why = jixiao_formats::io_text(&e);
            out.push(Input::Missing(
                dir.to_path_buf(),
                why.prefixed("无法读取目录：", "cannot list the directory: "),
            ));
            return;
        }
    };
    // The entry's own type, not its target's: a link is not followed.
    let mut paths: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, kind) in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            // Not reviewed, but not silently: a folder once (not entered), a
            // file when it might be a table.
            if kind.is_some_and(|k| k.is_dir()) || has_known_extension(&p) {
                skipped.push(Skipped::hidden(p));
            }
            continue;
        }
        if let Some(reason) = kind.and_then(not_walked) {
            skipped.push(Skipped {
                path: p,
                named: true,
                hidden: false,
                reason,
            });
            continue;
        }
        if kind.is_some_and(|k| k.is_dir()) {
            walk(&p, out, skipped);
        } else if is_ext(&p, "json") && !names_table_schema(&p) {
            skipped.push(Skipped {
                path: p,
                named: true,
                hidden: false,
                reason: Template {
                    zh: "JSON 文件没有 \"schema\": \"jixiao.table/1\"，不是表格文档（如 jixiao check 的报告）",
                    en: "a JSON file without the jixiao.table schema, such as a check report, is not a table",
                },
            });
        } else if has_known_extension(&p) {
            out.push(Input::File(p));
        } else {
            skipped.push(Skipped::of(p));
        }
    }
}

/// Why a directory scan leaves an entry of this kind alone. A symbolic link
/// is not followed (as `find` and `grep -r` do not): two links to `.` would
/// make the walk endless, and a link out of the folder would have the report
/// quote a file the folder's owner never put there. A pipe, socket or device
/// is no file to review, and opening a pipe waits for a writer for ever.
/// Named on the command line, either is read as given.
fn not_walked(kind: std::fs::FileType) -> Option<Template> {
    if kind.is_symlink() {
        Some(Template {
            zh: "目录扫描不跟随符号链接；要审核其目标，请在命令行上直接指定",
            en: "a directory scan does not follow symbolic links; name the target on the command line to review it",
        })
    } else if !kind.is_file() && !kind.is_dir() {
        Some(Template {
            zh: "不是普通文件（管道、套接字或设备），目录扫描不读取",
            en: "not a regular file (a pipe, socket or device); a directory scan does not read it",
        })
    } else {
        None
    }
}

/// A directory entry itself (its folder's canonical path and its name),
/// not what it links to: two links to one target are two entries.
fn entry_of(p: &Path) -> PathBuf {
    match (p.parent(), p.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            std::fs::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or_else(|_| p.to_path_buf())
        }
        _ => p.to_path_buf(),
    }
}

fn is_ext(p: &Path, ext: &str) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Whether a JSON file names jixiao's table schema near its top (as
/// `jixiao convert` writes it, first): other JSON in a directory — a check
/// report, a configuration — is not a table and is skipped, not refused.
fn names_table_schema(p: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(p).and_then(|f| f.take(4096).read_to_end(&mut head));
    // An unreadable file is reviewed, to be reported as such.
    read.is_err() || memchr::memmem::find(&head, b"\"jixiao.table/").is_some()
}

fn has_known_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}
