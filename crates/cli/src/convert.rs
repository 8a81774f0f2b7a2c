//! `jixiao convert`: read a table in any supported form, write it in another.
//!
//! Output goes to a temporary file beside the target and is renamed into place
//! only when complete, so a failed conversion never leaves a partial file. A
//! symbolic link is followed (the file it names is replaced, the link kept);
//! an existing device or pipe (/dev/null, /dev/stdout, a FIFO) is written
//! straight through, since renaming over it would replace the device itself.

use crate::progress::Spinner;
use crate::ReadArgs;
use anyhow::{bail, Context, Result};
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
    /// XLSX/HTML 版式 (layout): one-cell (the sample's 7 columns) | rows (one row per indicator)
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
        other => bail!("未知版式 (unknown layout) `{other}`: 请用 one-cell 或 rows"),
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
    let cannot = |out: &Path| format!("无法写入 (cannot write) {}", out.display());
    let Some(out) = output else {
        if format == OutputFormat::Xlsx && std::io::stdout().is_terminal() {
            bail!("XLSX 是二进制格式，请用 -o 指定输出文件 (XLSX is binary: give -o FILE)");
        }
        stream(table, format, opts, std::io::stdout().lock())?;
        return Ok(None);
    };
    if writes_in_place(out) {
        // /dev/null, a named pipe: there is no file to keep whole, and
        // renaming over it would replace the device itself.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(out)
            .with_context(|| cannot(out))?;
        // Replaced by a regular file since it was looked at: start it empty.
        if file.metadata().is_ok_and(|m| m.is_file()) {
            file.set_len(0).with_context(|| cannot(out))?;
        }
        stream(table, format, opts, file)?;
        return Ok(Some(out));
    }
    // Through a symbolic link to the file it names: the link stays.
    let target = link_target(out);
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            bail!(
                "{}: 目录不存在 (no such directory: {})",
                cannot(out),
                dir.display()
            );
        }
    }
    let tmp = temp_beside(&target);
    // Claimed with O_EXCL: never written through a link planted at the name.
    let claimed = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .with_context(|| cannot(out))?;
    let result = match format {
        // The workbook is saved by path (constant-memory mode keeps its rows on disk).
        OutputFormat::Xlsx => write::write_path(table, format, opts, &tmp).map_err(Into::into),
        _ => stream(table, format, opts, claimed),
    }
    .with_context(|| cannot(out))
    .and_then(|()| std::fs::rename(&tmp, &target).with_context(|| cannot(out)));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(Some(out))
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
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        eprintln!(
            "已写出 (wrote) {} → {} ({}): {} 个项目, {} 条指标",
            args.file.display(),
            out.display(),
            format,
            s.projects,
            s.indicators
        );
    }
    Ok(())
}

/// Run `jixiao convert`; returns the exit code.
pub fn run(args: &ConvertArgs) -> Result<i32> {
    let format: OutputFormat = match (&args.to, &args.output) {
        (Some(to), _) => to.parse()?,
        (None, Some(out)) => OutputFormat::from_path(out).with_context(|| {
            format!(
                "无法从文件名判断输出格式，请加 --to (cannot tell the format from {}; add --to)",
                out.display()
            )
        })?,
        (None, None) => bail!(
            "请用 --to 指定输出格式 (give the output format with --to json|csv|xlsx|html|tsv)"
        ),
    };
    let opts = WriteOptions {
        layout: args.layout.as_deref().map(parse_layout).transpose()?,
        csv_bom: !args.no_bom,
        english_headers: args.english,
        ..WriteOptions::default()
    };
    if opts.layout.is_some() && !matches!(format, OutputFormat::Xlsx | OutputFormat::Html) {
        // Said, not silently ignored: only the printable layouts have a 版式.
        eprintln!(
            "提示 (note): --layout 只用于 xlsx 和 html，{format} 输出不受影响              (--layout applies to xlsx and html only; the {format} output is unaffected)"
        );
    }
    let spinner = Spinner::start(&format!("读取 (reading) {}", args.file.display()));
    let table = match jixiao_formats::read_path(&args.file, &args.read.options()) {
        Ok(t) => t,
        Err(e) => {
            spinner.finish();
            eprintln!("错误 (error): {e}");
            return Ok(2);
        }
    };
    spinner.set_message(&format!("写出 (writing) {format}"));
    // `-o -` and the names of standard output write to standard output itself:
    // when it is redirected to a file, renaming over that file would drop
    // what the shell appended before.
    let output = args.output.as_deref().filter(|o| !is_stdout(o));
    let written = write_output(&table, format, &opts, output);
    spinner.finish();
    if let Some(out) = written? {
        report(args, &table, out, format)?;
    }
    Ok(0)
}
