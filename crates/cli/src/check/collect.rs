//! Expand the command-line paths into the files to review.

use jixiao_core::Text;
use std::path::{Path, PathBuf};

/// Extensions `jixiao check` picks up inside directories.
pub const EXTENSIONS: [&str; 9] = [
    "txt", "tsv", "csv", "xlsx", "xls", "ods", "html", "htm", "json",
];

pub enum Input {
    File(PathBuf),
    /// A path that does not exist or cannot be listed, with the reason.
    Missing(PathBuf, Text),
}

/// Files named on the command line are taken as they are; directories are
/// searched recursively (sorted, hidden entries skipped) for known extensions.
/// A file reached twice (`a.txt ./a.txt`, or a directory and a file inside
/// it) is reviewed once, where it was first met: inputs are told apart by
/// their canonical path.
pub fn files(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            out.push(Input::Missing(
                p.clone(),
                Text::new("文件或目录不存在", "no such file or directory"),
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|input| match input {
        Input::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        Input::Missing(p, _) => seen.insert(p.clone()),
    });
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
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
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if has_known_extension(&p) {
            out.push(Input::File(p));
        }
    }
}

fn has_known_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}
