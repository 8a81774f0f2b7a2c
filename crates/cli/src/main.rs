//! The `jixiao` command-line tool: a thin layer over jixiao-core and jixiao-formats.
//!
//! Exit codes: 0 success; 1 `check` found problems at or above `--deny`;
//! 2 an input could not be read (or the arguments were invalid), or standard
//! output could not be written (a full disk). A closed pipe on standard output
//! (`jixiao show … | head -1`) ends a command quietly, with the code it would
//! have had: 0, or for `check` 0 or 1 by its findings (see [`stdout`]).

mod check;
mod convert;
mod gen;
mod progress;
mod show;
mod stdout;
mod usage;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;

// Reading a large table allocates millions of small strings; mimalloc makes that
// markedly cheaper than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use jixiao_core::Text;
use jixiao_formats::ReadOptions;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "jixiao",
    version,
    about = "预算绩效目标表工具 (budget performance-target tables)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 消息语言 (language of messages): zh | en
    #[arg(long, value_enum, default_value = "zh", global = true)]
    lang: check::Lang,
}

/// An error whose message the tool wrote itself, in Chinese and English:
/// shown in the language asked for (`--lang`).
#[derive(Debug)]
pub struct Said(pub Text);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.zh)
    }
}

impl std::error::Error for Said {}

/// An error saying `zh` in Chinese and `en` in English.
pub fn said(zh: impl Into<String>, en: impl Into<String>) -> anyhow::Error {
    Said(Text::new(zh, en)).into()
}

/// An error in both languages: the tool's own and the reader's as they
/// were written, an IO error in words, others (a failure of the system) as
/// they come.
pub fn text_of(e: &anyhow::Error) -> Text {
    if let Some(Said(text)) = e.downcast_ref::<Said>() {
        return text.clone();
    }
    if let Some(e) = e.downcast_ref::<jixiao_formats::Error>() {
        return e.text();
    }
    if let Some(e) = e.downcast_ref::<std::io::Error>() {
        return jixiao_formats::io_text(e);
    }
    Text::same(format!("{e:#}"))
}

/// `错误: …` or `error: …` on standard error.
pub fn print_error(text: &str, lang: check::Lang) {
    // An error often quotes a file name, which is the folder's: its control
    // characters are shown, not sent to the terminal, and a name given on
    // the command line is one line wherever the message quotes it.
    let mut text = text.to_string();
    for name in odd_arguments() {
        text = text.replace(name.as_str(), &jixiao_formats::grid::visible_name(name));
    }
    let text = jixiao_formats::grid::visible_message(&text, "");
    match lang {
        check::Lang::Zh => eprintln!("错误：{text}"),
        check::Lang::En => eprintln!("error: {text}"),
    }
}

/// The command line's arguments that a terminal would not show as they are
/// (a file name holding a control character, a line break, a bidirectional
/// control …): those an error quoting them shows with pictures.
fn odd_arguments() -> &'static [String] {
    static ODD: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ODD.get_or_init(|| {
        std::env::args_os()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .filter(|a| jixiao_formats::grid::visible_name(a) != *a)
            .collect()
    })
}

/// A path for a line on the terminal (see [`jixiao_formats::grid::visible_name`]).
pub fn shown_path(p: &std::path::Path) -> String {
    jixiao_formats::grid::visible_name(&p.display().to_string())
}

/// Options shared by every command that reads a table.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// 强制使用的字符编码 (force an encoding: utf-8, gbk, gb18030, utf-16le …)
    #[arg(long)]
    pub encoding: Option<String>,
    /// 只读取工作簿中的这个工作表；默认读取含绩效目标表的工作表 (read only this sheet of a workbook; default: the sheets holding a target table)
    #[arg(long)]
    pub sheet: Option<String>,
    /// 输入文件大小上限，单位 MiB，默认 256 (largest input file read, in MiB; default 256)
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub max_file_mb: Option<u64>,
}

impl ReadArgs {
    pub fn options(&self) -> ReadOptions {
        let mut opts = ReadOptions {
            encoding: self.encoding.clone(),
            sheet: self.sheet.clone(),
            ..ReadOptions::default()
        };
        if let Some(mb) = self.max_file_mb {
            opts.limits.max_file_bytes = mb.saturating_mul(1024 * 1024);
        }
        opts
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum HumanOrJson {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 显示：在终端里查看一张表 (show a table in the terminal)
    Show {
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        /// 输出格式 (output format)
        #[arg(long, value_enum, default_value = "human")]
        format: HumanOrJson,
        /// 只显示统计 (counts only)
        #[arg(long)]
        summary: bool,
        /// 不列出指标 (hide the indicators)
        #[arg(long)]
        no_indicators: bool,
    },
    /// 转换：写成 JSON、CSV、XLSX、HTML 或文本版式 (convert to json, csv, xlsx, html or tsv)
    Convert(convert::ConvertArgs),
    /// 审核：按规则检查绩效目标表 (review tables against the rules)
    Check(check::CheckArgs),
    /// 生成合成测试数据 (generate synthetic tables for benchmarks)
    Gen(gen::GenArgs),
    /// 统计文件行数（读取速度上限的参照）(count lines: the read-speed ceiling for benchmarks)
    #[command(hide = true)]
    CountLines { file: PathBuf },
}

fn read_table(
    path: &std::path::Path,
    read: &ReadArgs,
) -> Result<jixiao_core::Table, jixiao_formats::Error> {
    jixiao_formats::read_path(path, &read.options())
}

fn run(cli: Cli) -> Result<i32> {
    let lang = cli.lang;
    match cli.command {
        Command::Show {
            file,
            read,
            format,
            summary,
            no_indicators,
        } => {
            let spinner = progress::Spinner::start(&progress::reading(&file, lang));
            let table = read_table(&file, &read);
            spinner.finish();
            let table = match table {
                Ok(t) => t,
                Err(e) => {
                    print_error(&e.render(lang.core()), lang);
                    return Ok(2);
                }
            };
            let mut out = stdout::lock();
            match (format, summary) {
                (HumanOrJson::Human, false) => {
                    out.write_all(show::render(&table, !no_indicators, lang).as_bytes())?
                }
                (HumanOrJson::Human, true) => {
                    show::write_summary_human(&mut out, &show::summary(&table), lang)?
                }
                (HumanOrJson::Json, true) => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&show::summary(&table))?
                )?,
                // The document `convert -o x.json` writes (with its schema tag),
                // so that it reads back.
                (HumanOrJson::Json, false) => out.write_all(
                    jixiao_formats::write::json::to_json_string(&table)
                        .map_err(|e| crate::Said(e.text()))?
                        .as_bytes(),
                )?,
            }
            out.flush()?;
            // The process ends here: freeing half a million small strings one by one
            // would only add to the run time, the OS reclaims the memory at once.
            std::mem::forget(table);
            Ok(0)
        }
        Command::Convert(args) => convert::run(&args, lang),
        Command::Check(args) => check::run(&args, lang),
        Command::Gen(args) => gen::run(&args, lang).map(|()| 0),
        Command::CountLines { file } => {
            let bytes = std::fs::read(&file)?;
            let mut out = stdout::lock();
            writeln!(out, "{}", memchr::memchr_iter(b'\n', &bytes).count())?;
            out.flush()?;
            Ok(0)
        }
    }
}

fn main() {
    let cli = Cli::try_parse().unwrap_or_else(|e| usage::exit(e));
    let lang = cli.lang;
    let code = match run(cli) {
        Ok(code) => {
            // What is still buffered goes out before the process ends, so
            // that its failure is seen too (it is remembered).
            let _ = stdout::lock().flush();
            code
        }
        // Writing to standard output failed: said below, not in the words of
        // the writer that met it. A closed pipe is no failure of the command,
        // which had written all it had to write but for it.
        Err(_) if stdout::failure().is_some() => 0,
        Err(e) => {
            print_error(text_of(&e).get(lang.core()), lang);
            2
        }
    };
    let code = match stdout::failure() {
        // The reader of the pipe has gone (`| head -1`): a quiet end, with
        // the code the command would have had.
        None => code,
        Some(f) if f.closed => code,
        Some(f) => {
            print_error(f.text.get(lang.core()), lang);
            2
        }
    };
    std::process::exit(code);
}
