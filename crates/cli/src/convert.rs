//! `jixiao convert`: read a table in any supported form, write it in another.
//!
//! Output goes to a temporary file beside the target and is renamed into place
//! only when complete, so a failed conversion never leaves a partial file. A
//! symbolic link is followed (the file it names is replaced, the link kept);
//! an existing device or pipe (/dev/null, /dev/stdout, a FIFO) is written
//! straight through, since renaming over it would replace the device itself.

use crate::check::Lang;
use crate::progress::Spinner;
use crate::ReadArgs;
use crate::{said, text_of};
use anyhow::Result;
use jixiao_core::LayoutFamily;
use jixiao_formats::write::{self, OutputFormat, WriteOptions};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Arguments of `jixiao convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// 输入文件 (input: txt/tsv/csv/xlsx/xls/ods/html/json)
    pub file: PathBuf,
    /// 输出格式 (json | csv | xlsx | html | tsv); default: from the -o extension
    #[arg(long)]
    pub to: Option<String>,
    /// 输出文件；省略则写到标准输出 (output file; stdout when omitted)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// XLSX/HTML/TSV 版式 (layout): one-cell (the sample's 7 columns) | rows (one row per indicator)
    #[arg(long)]
    pub layout: Option<String>,
    /// CSV 不写 BOM (no UTF-8 byte-order mark in CSV)
    #[arg(long)]
    pub no_bom: bool,
    /// CSV 英文列名 (English CSV headers)
    #[arg(long)]
    pub english: bool,
    /// 结果摘要的格式 (format of the summary printed after writing a file): human | json
    #[arg(long, default_value = "human")]
    pub format: String,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// A layout family by name (`one-cell`, `rows` and their spellings).
pub(crate) fn parse_layout(s: &str) -> Result<LayoutFamily> {
    match s {
        "one-cell" | "onecell" | "cell" => Ok(LayoutFamily::OneCell),
        "rows" | "row" | "row-per-indicator" => Ok(LayoutFamily::RowPerIndicator),
        other => Err(said(
            format!("未知版式「{other}」：请用 one-cell 或 rows"),
            format!("unknown layout “{other}”: use one-cell or rows"),
        )),
    }
}

/// Where the finished file is renamed to, and the temporary path written first.
fn temp_beside(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!(".{name}.jixiao-{}.tmp", std::process::id()))
}

/// Writes the table where `-o` says (`None`: standard output); returns the
/// path written.
fn write_output<'a>(
    table: &jixiao_core::Table,
    format: OutputFormat,
    opts: &WriteOptions,
    output: Option<&'a Path>,
) -> Result<Option<&'a Path>> {
    let Some(out) = output else {
        if format == OutputFormat::Xlsx && std::io::stdout().is_terminal() {
            return Err(said(
                "XLSX 是二进制格式，请用 -o 指定输出文件",
                "XLSX is a binary format: name the output file with -o FILE",
            ));
        }
        stream(table, format, opts, crate::stdout::lock())?;
        return Ok(None);
    };
    if writes_in_place(out) {
        // /dev/null, a named pipe: there is no file to keep whole, and
        // renaming over it would replace the device itself.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(out)
            .map_err(|e| cannot(out, e.into()))?;
        // Replaced by a regular file since it was looked at: start it empty.
        if file.metadata().is_ok_and(|m| m.is_file()) {
            file.set_len(0).map_err(|e| cannot(out, e.into()))?;
        }
        stream(table, format, opts, file).map_err(|e| cannot(out, e))?;
        return Ok(Some(out));
    }
    // Through a symbolic link to the file it names: the link stays.
    let target = link_target(out);
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(cannot(
                out,
                said(
                    format!("目录 {} 不存在", dir.display()),
                    format!("there is no directory {}", dir.display()),
                ),
            ));
        }
    }
    let tmp = temp_beside(&target);
    // Claimed with O_EXCL: never written through a link planted at the name.
    let claimed = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|e| cannot(out, e.into()))?;
    let result = match format {
        // The workbook is saved by path (constant-memory mode keeps its rows on disk).
        OutputFormat::Xlsx => write::write_path(table, format, opts, &tmp).map_err(Into::into),
        _ => stream(table, format, opts, claimed),
    }
    .and_then(|()| std::fs::rename(&tmp, &target).map_err(Into::into))
    .map_err(|e| cannot(out, e));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(Some(out))
}

/// Cells of the TSV (unit and project names, goals) that start like a
/// formula (`=`, `+`, `-`, `@`). The TSV is the table's own text layout, read
/// back as written, so they are not prefixed as in CSV and XLSX; a
/// spreadsheet opening the file would take them for formulas.
fn formula_like_cells(table: &jixiao_core::Table) -> usize {
    let risky = |t: &str| write::neutralize_formula(t).len() != t.len();
    let units = table.units.iter().filter(|u| risky(&u.name)).count();
    let projects = table
        .projects()
        .map(|p| usize::from(risky(&p.name)) + usize::from(p.goal.as_deref().is_some_and(risky)))
        .sum::<usize>();
    units + projects
}

fn tsv_formula_note(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "注意：有 {n} 个单元格以 = + - @ 开头；TSV 按原文写出，用 Excel 直接打开时会被当作公式执行。\
             请用 --to xlsx 或 --to csv（已防公式注入），或在 Excel 中经“数据→自文本”按文本列导入"
        ),
        Lang::En => format!(
            "caution: {n} cells start with = + - @; the TSV is written as the text is, and a spreadsheet opening it \
             would run them as formulas. Use --to xlsx or --to csv (neutralised), or import the file with text columns"
        ),
    }
}

/// `无法写入 OUT：…` / `cannot write OUT: …`, with why in each language.
pub(crate) fn cannot(out: &Path, why: anyhow::Error) -> anyhow::Error {
    let io = why.downcast_ref::<std::io::Error>();
    let (zh, en) = write_hint(io.map(std::io::Error::kind));
    let why = io.map_or_else(|| text_of(&why), jixiao_formats::io_write_text);
    said(
        format!("无法写入 {}：{}\n  提示: {zh}", out.display(), why.zh),
        format!("cannot write {}: {}\n  hint: {en}", out.display(), why.en),
    )
}

/// What to do when the output cannot be written (the old file, if any, is
/// untouched: the output is written beside it and renamed into place).
fn write_hint(kind: Option<std::io::ErrorKind>) -> (&'static str, &'static str) {
    use std::io::ErrorKind as K;
    match kind {
        Some(K::PermissionDenied | K::ReadOnlyFilesystem) => (
            "请用 -o 写到有写入权限的目录，或请管理员开放该目录的写入权限；原有文件未被改动",
            "write with -o to a directory you may write to, or ask for write access; any existing file is untouched",
        ),
        Some(K::StorageFull) => (
            "请腾出磁盘空间，或用 -o 写到其他磁盘；原有文件未被改动",
            "free some disk space or write with -o to another disk; any existing file is untouched",
        ),
        _ => (
            "请检查输出路径；原有文件未被改动",
            "check the output path; any existing file is untouched",
        ),
    }
}

/// The table written to `w`, buffered and flushed.
fn stream(
    table: &jixiao_core::Table,
    format: OutputFormat,
    opts: &WriteOptions,
    w: impl Write,
) -> Result<()> {
    let mut w = std::io::BufWriter::new(w);
    write::write(table, format, opts, &mut w)?;
    w.flush()?;
    Ok(())
}

/// Whether `out` names standard output (`-`, /dev/stdout, /dev/fd/1,
/// /proc/self/fd/1).
fn is_stdout(out: &Path) -> bool {
    ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|name| out == Path::new(name))
}

/// The file a path finally names, through symbolic links (also a link to a
/// file that does not exist yet); the path itself when it is no link.
fn link_target(out: &Path) -> PathBuf {
    let mut path = out.to_path_buf();
    // A bound on links followed, as the kernel has (a loop ends here).
    for _ in 0..40 {
        let Ok(next) = std::fs::read_link(&path) else {
            return path;
        };
        path = match path.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
    }
    path
}

/// Whether `out` exists and is no regular file (a device such as /dev/null
/// or /dev/stdout, a named pipe): written straight through, never replaced.
fn writes_in_place(out: &Path) -> bool {
    std::fs::metadata(out).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// The line (or JSON) saying what was written where.
fn report(
    args: &ConvertArgs,
    table: &jixiao_core::Table,
    out: &Path,
    format: OutputFormat,
    lang: Lang,
) -> Result<()> {
    let s = crate::show::summary(table);
    if args.format == "json" {
        let v = serde_json::json!({
            "input": args.file.display().to_string(),
            "output": out.display().to_string(),
            "format": format.to_string(),
            "units": s.units,
            "projects": s.projects,
            "indicators": s.indicators,
            "notices": s.notices,
        });
        let mut out = crate::stdout::lock();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        out.flush()?;
    } else {
        let (input, output) = (crate::shown_path(&args.file), crate::shown_path(out));
        match lang {
            Lang::Zh => eprintln!(
                "已写出 {input} → {output} ({format})：{} 个项目，{} 条指标",
                s.projects, s.indicators
            ),
            Lang::En => eprintln!(
                "wrote {input} → {output} ({format}): {} projects, {} indicators",
                s.projects, s.indicators
            ),
        }
    }
    Ok(())
}

/// What the one-cell layout does not write of the table's indicators, and how
/// to keep it: said, not dropped silently.
fn one_cell_note(lost: &write::OneCellLosses, format: OutputFormat, lang: Lang) -> String {
    let kinds = lost.kinds();
    match lang {
        Lang::Zh => {
            let what: Vec<String> = kinds
                .iter()
                .map(|(zh, _, n)| format!("{zh}（{n} 条指标）"))
                .collect();
            format!(
                "提示：一格多指标版式（{format}）的绩效指标单元格容纳不了各条指标的{}，这些未写出；\
                 要保留，请加 --layout rows（每条指标一行，xlsx、html、tsv 均可），或输出 JSON",
                what.join("、")
            )
        }
        Lang::En => {
            let what: Vec<String> = kinds
                .iter()
                .map(|(zh, en, n)| format!("{en} “{zh}” ({n} indicators)"))
                .collect();
            format!(
                "note: the one-cell layout ({format}) has no place for each indicator's {}; \
                 they are not written. To keep them, add --layout rows (one row per indicator; xlsx, html or tsv), \
                 or write JSON",
                what.join(", ")
            )
        }
    }
}

/// Run `jixiao convert`; returns the exit code.
pub fn run(args: &ConvertArgs, lang: Lang) -> Result<i32> {
    let format: OutputFormat = match (&args.to, &args.output) {
        (Some(to), _) => to.parse()?,
        (None, Some(out)) => OutputFormat::from_path(out).ok_or_else(|| {
            said(
                format!("无法从文件名 {} 判断输出格式，请加 --to", out.display()),
                format!(
                    "cannot tell the output format from the name {}: add --to",
                    out.display()
                ),
            )
        })?,
        (None, None) => {
            return Err(said(
                "请用 --to 指定输出格式（json、csv、xlsx、html 或 tsv）",
                "give the output format with --to json|csv|xlsx|html|tsv",
            ))
        }
    };
    let opts = WriteOptions {
        layout: args.layout.as_deref().map(parse_layout).transpose()?,
        csv_bom: !args.no_bom,
        english_headers: args.english,
        ..WriteOptions::default()
    };
    if opts.layout.is_some()
        && !matches!(
            format,
            OutputFormat::Xlsx | OutputFormat::Html | OutputFormat::Tsv
        )
    {
        // Said, not silently ignored: JSON and the long CSV have no 版式.
        match lang {
            Lang::Zh => eprintln!("提示：--layout 只用于 xlsx、html 和 tsv，{format} 输出不受影响"),
            Lang::En => eprintln!(
                "note: --layout applies to xlsx, html and tsv only; the {format} output is unaffected"
            ),
        }
    }
    let spinner = Spinner::start(&crate::progress::reading(&args.file, lang));
    let table = match jixiao_formats::read_path(&args.file, &args.read.options()) {
        Ok(t) => t,
        Err(e) => {
            spinner.finish();
            crate::print_error(&e.render(lang.core()), lang);
            return Ok(2);
        }
    };
    let lost = match write::layout_written(&table, format, &opts) {
        Some(LayoutFamily::OneCell) => write::OneCellLosses::of(&table),
        _ => write::OneCellLosses::default(),
    };
    spinner.set_message(&match lang {
        Lang::Zh => format!("写出 {format}"),
        Lang::En => format!("writing {format}"),
    });
    // `-o -` and the names of standard output write to standard output itself:
    // when it is redirected to a file, renaming over that file would drop
    // what the shell appended before.
    let output = args.output.as_deref().filter(|o| !is_stdout(o));
    let written = write_output(&table, format, &opts, output);
    spinner.finish();
    // Only one table is written: a workbook's other target sheets (a page's
    // other target tables) are said
    // on standard error, not left to the JSON's notices alone.
    for n in table
        .notices
        .iter()
        .filter(|n| matches!(n.code.as_str(), "sheet-more-targets" | "table-more-targets"))
    {
        match lang {
            Lang::Zh => eprintln!("提示：{}", n.message),
            Lang::En => eprintln!("note: {}", n.english()),
        }
    }
    if written.is_ok() && !lost.is_empty() {
        eprintln!("{}", one_cell_note(&lost, format, lang));
    }
    if written.is_ok() && format == OutputFormat::Tsv {
        let n = formula_like_cells(&table);
        if n > 0 {
            eprintln!("{}", tsv_formula_note(n, lang));
        }
    }
    if let Some(out) = written? {
        report(args, &table, out, format, lang)?;
    }
    Ok(0)
}
