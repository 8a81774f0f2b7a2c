//! `jixiao check`: review tables and report findings.
//!
//! Many files and directories in, read and reviewed in parallel (rayon), a
//! progress bar on a terminal (indicatif), findings out as compiler-style
//! diagnostics (miette), JSON or SARIF 2.1.0. Exit code 0 clean, 1 findings at
//! or above `--deny`, 2 an input could not be read (the others still reported).

mod collect;
mod human;
mod machine;
mod profile;
mod render;

use clap::ValueEnum;
use jixiao_core::review::{self, Finding, Profile, Severity};
use jixiao_core::{Table, Text};
use rayon::prelude::*;
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;

/// Arguments of `jixiao check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// 要审核的文件或目录 (files or directories to review; directories are searched recursively)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// 输出格式 (output format)
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// 达到此级别的问题使退出码为 1 (findings at or above this level make the exit code 1)
    #[arg(long, value_enum, default_value = "error")]
    pub deny: Level,
    /// 只报告不低于此级别的问题 (report only findings at or above this level)
    #[arg(long, value_enum, default_value = "info")]
    pub min_severity: Level,
    /// 审核规则配置文件 (TOML profile: rules on/off, severities, thresholds)
    #[arg(long)]
    pub profile: Option<PathBuf>,
    /// 不显示进度条 (no progress bar)
    #[arg(long)]
    pub no_progress: bool,
    /// Print read and review times per file to stderr as JSON (for benchmarks).
    #[arg(long, hide = true)]
    pub timings: bool,
    #[command(flatten)]
    pub read: crate::ReadArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub(crate) fn core(self) -> review::Lang {
        match self {
            Lang::Zh => review::Lang::Zh,
            Lang::En => review::Lang::English,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Error,
    Warning,
    Info,
}

impl Level {
    fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

/// A finding with the cell text around its span, ready to print.
pub(crate) struct Shown {
    pub finding: Finding,
    /// (cell text window, span inside the window, column header)
    pub snippet: Option<Snippet>,
}

pub(crate) struct Snippet {
    /// The cell text shown: the whole cell, or a window with `…` where cut.
    pub text: String,
    /// The marked bytes of `text`: the finding's span, or (no span) all of `text`.
    pub start: usize,
    pub len: usize,
    /// The column header.
    pub header: String,
    /// Where the span starts in the cell: (line in the cell, character
    /// column in that line), both 1-based and counted on the whole cell, not
    /// on the window. `None` when the finding concerns the cell as a whole.
    pub position: Option<(usize, usize)>,
    /// The cell line that `text` starts on (1-based).
    pub first_line: usize,
}

/// The outcome of one input file.
pub(crate) struct FileReport {
    pub path: String,
    pub sheet: Option<String>,
    /// For HTML: the `<table>` (1-based, in page order) whose rows the
    /// findings' rows count.
    pub table_index: Option<u32>,
    /// The table's original source when the findings' coordinates are not in
    /// this file: a JSON document (`jixiao convert -o s.json`) keeps the rows,
    /// columns and sheet of the table it was converted from, named in its
    /// `source.path` (`""` when it names none).
    pub origin: Option<String>,
    /// Whether a finding's row is a line of the file its coordinates are in
    /// (delimited text; not a workbook or HTML): `origin` if there is one,
    /// else this file.
    pub rows_are_lines: bool,
    /// (column, header) of the table's columns, for machine output.
    pub columns: Vec<(u32, String)>,
    /// The table read, kept to render the findings' messages at output
    /// (one input file). With several inputs the messages are rendered when
    /// the file is done and the table dropped, so memory does not grow with
    /// the number of files; `names` then keeps the project names.
    pub table: Option<Table>,
    pub names: Vec<String>,
    pub findings: Vec<Shown>,
    /// The most severe finding left out by `--min-severity`, and how many were.
    pub hidden: (Option<Severity>, usize),
    /// Why the file could not be read, in both languages (the output
    /// shows the one asked for).
    pub error: Option<Text>,
    /// Where in the file the reader stopped (sheet, table, row, column), when
    /// it says: given apart in the JSON and SARIF reports.
    pub error_at: Option<jixiao_formats::Location>,
}

/// Reader notices about the file as a whole (the sheets or tables not read):
/// they sit in the first table's report but are about no sheet or table of
/// it, so their location names the file alone.
pub(crate) fn about_the_file(rule: &str) -> bool {
    matches!(
        rule,
        "sheet-not-target" | "sheet-more-targets" | "table-more-targets"
    )
}

/// Counts for the summary line (and the JSON `summary`, field for field).
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub(crate) struct Counts {
    pub files: usize,
    /// Tables reviewed: more than the files read when a workbook has several
    /// sheets with target tables, each reviewed apart (said in the human
    /// summary only).
    #[serde(skip)]
    pub tables: usize,
    pub unreadable: usize,
    /// Files met in a directory scan and not reviewed (`skipped` in the JSON).
    pub skipped: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Findings below `--min-severity`, not shown (they still count for `--deny`).
    pub hidden: usize,
}

/// Run the check; returns the process exit code.
pub fn run(args: &CheckArgs, lang: Lang) -> anyhow::Result<i32> {
    let profile = match &args.profile {
        Some(p) => match profile::load(p) {
            Ok(profile) => profile,
            Err(profile::Refused { text: why, at }) => {
                // A tool reading the report still gets one (an upload step
                // then shows the profile's problem, not a JSON parse error):
                // nothing reviewed, the profile the one entry of `errors`,
                // located at its first problem.
                if args.format != Format::Human {
                    let mut report = FileReport::unreadable(p.display().to_string(), why.clone());
                    report.error_at = at.map(|(row, col)| jixiao_formats::Location {
                        file: p.display().to_string(),
                        row: Some(row),
                        col: Some(col),
                        ..jixiao_formats::Location::default()
                    });
                    let reports = [report];
                    let counts = Counts {
                        unreadable: 1,
                        ..Counts::default()
                    };
                    let national = Profile::national();
                    write_report(args.format, &reports, &[], &counts, lang, &national)?;
                }
                return Err(crate::Said(why).into());
            }
        },
        None => Profile::national(),
    };
    let (files, skipped) = collect::files(&args.paths);
    tell_skipped(&skipped, lang);
    if files.is_empty() {
        // Nothing reviewed is not a clean result: CI must not pass on an
        // empty or mistyped directory.
        let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        if args.format != Format::Human {
            // A tool reading the report still gets one: each directory an
            // input that could not be reviewed, the files met listed as skipped.
            let reports: Vec<FileReport> = paths
                .iter()
                .map(|p| FileReport::unreadable(p.clone(), nothing_to_review(&[p])))
                .collect();
            let counts = Counts {
                unreadable: reports.len(),
                skipped: skipped.len(),
                ..Counts::default()
            };
            write_report(args.format, &reports, &skipped, &counts, lang, &profile)?;
        }
        return Err(crate::Said(nothing_to_review(&paths)).into());
    }
    let single = files.len() == 1;
    // A bad amount is a finding at its cell, not a reason to skip the review.
    let opts = jixiao_formats::ReadOptions {
        report_bad_amounts: true,
        ..args.read.options()
    };
    let min = args.min_severity.severity();
    // Cell snippets are only shown by the human format.
    let snippets = args.format == Format::Human;
    let show_progress = !args.no_progress && std::io::stderr().is_terminal() && files.len() > 1;
    let bar = show_progress.then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        let reviewing = match lang {
            Lang::Zh => "审核",
            Lang::En => "reviewing",
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {reviewing} [{{bar:30}}] {{pos}}/{{len}} {{wide_msg}}"
        )) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    });
    // A workbook gives a report per sheet that holds a target table.
    let reports: Vec<FileReport> = files
        .par_iter()
        .flat_map_iter(|f| {
            let r = match f {
                collect::Input::File(path) => {
                    check_file(path, &opts, &profile, min, snippets, single, args.timings)
                }
                collect::Input::Missing(path, why) => {
                    vec![FileReport::unreadable(
                        path.display().to_string(),
                        why.clone(),
                    )]
                }
            };
            if let Some(b) = &bar {
                b.inc(1);
            }
            r
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }

    let mut counts = Counts {
        // Files, not the sheets of a workbook reviewed apart.
        files: files.len(),
        skipped: skipped.len(),
        ..Counts::default()
    };
    let deny = args.deny.severity();
    let mut denied = false;
    for r in &reports {
        if r.error.is_some() {
            counts.unreadable += 1;
        } else {
            counts.tables += 1;
        }
        // `--min-severity` hides findings; `--deny` still sees them.
        counts.hidden += r.hidden.1;
        if r.hidden.0.is_some_and(|top| top >= deny) {
            denied = true;
        }
        for s in &r.findings {
            match s.finding.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
            if s.finding.severity >= deny {
                denied = true;
            }
        }
    }

    let writing = std::time::Instant::now();
    write_report(args.format, &reports, &skipped, &counts, lang, &profile)?;
    // Standard output redirected (a CI job archives the report and logs
    // standard error): each input that could not be read is said on
    // standard error too, as "nothing to review" is.
    if counts.unreadable > 0 && !std::io::stdout().is_terminal() {
        for r in &reports {
            if let Some(why) = &r.error {
                let why = why.get(lang.core());
                let line = if why.starts_with(r.path.as_str()) {
                    why.to_string()
                } else {
                    format!("{}: {why}", r.path)
                };
                crate::print_error(&jixiao_formats::grid::visible_message(&line, &r.path), lang);
            }
        }
    }
    if args.timings {
        eprintln!(
            "{}",
            serde_json::json!({ "write_s": writing.elapsed().as_secs_f64() })
        );
    }
    // The process ends right after: freeing large tables (millions of small
    // strings) would only delay the exit.
    std::mem::forget(reports);
    Ok(if counts.unreadable > 0 {
        2
    } else if denied {
        1
    } else {
        0
    })
}

/// Why nothing was reviewed: no file jixiao reviews in `paths`.
fn nothing_to_review<S: AsRef<str>>(paths: &[S]) -> Text {
    let paths: Vec<&str> = paths.iter().map(AsRef::as_ref).collect();
    Text::new(
        format!(
            "在 {} 中没有找到可审核的文件（审核扩展名为 {} 的文件）",
            paths.join("、"),
            collect::EXTENSIONS.join("、")
        ),
        format!(
            "no file to review found in {}; reviewed extensions: {}",
            paths.join(", "),
            collect::EXTENSIONS.join(", ")
        ),
    )
}

/// The report on standard output in `format`.
fn write_report(
    format: Format,
    reports: &[FileReport],
    skipped: &[collect::Skipped],
    counts: &Counts,
    lang: Lang,
    profile: &Profile,
) -> anyhow::Result<()> {
    // Buffered: a standard output of its own writes each line (the terminal
    // format writes millions of short lines for a large table).
    let mut out = std::io::BufWriter::with_capacity(1 << 16, crate::stdout::lock());
    let written = match format {
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            human::write(&mut out, reports, counts, lang, color)
        }
        Format::Json => machine::write_json(&mut out, reports, skipped, counts, lang),
        Format::Sarif => machine::write_sarif(&mut out, reports, skipped, counts, lang, profile),
    }
    .and_then(|()| out.flush().map_err(anyhow::Error::from));
    match written {
        // A closed pipe (`jixiao check … | head`) is not a failure of the check:
        // it keeps its exit code. Another failure (a full disk) is said in
        // `main`, which knows it from `crate::stdout`.
        Err(e) if !is_broken_pipe(&e) && !crate::stdout::closed() => Err(e),
        _ => Ok(()),
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        || e.downcast_ref::<serde_json::Error>()
            .and_then(|j| j.io_error_kind())
            .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
}

/// Standard error names the skipped files of a kind that may well be a
/// table (PDF …), each with why, and counts the others with the extensions
/// that are reviewed; nothing is left out silently.
fn tell_skipped(skipped: &[collect::Skipped], lang: Lang) {
    let mut others = 0usize;
    let mut hidden = 0usize;
    for s in skipped {
        if s.hidden {
            hidden += 1;
            continue;
        }
        if !s.named {
            others += 1;
            continue;
        }
        let path = jixiao_formats::grid::visible_name(&s.path.display().to_string());
        let why = s.reason(lang);
        match lang {
            Lang::Zh => eprintln!("提示：跳过 {path}：{why}"),
            Lang::En => eprintln!("note: skipped {path}: {why}"),
        }
    }
    if others > 0 {
        match lang {
            Lang::Zh => eprintln!(
                "提示：另有 {others} 个文件因扩展名不在审核之列而跳过（审核 {}；--format json 列出这些文件）",
                collect::EXTENSIONS.join("、")
            ),
            Lang::En => eprintln!(
                "note: {others} other file{} skipped: only {} files are reviewed; --format json lists them",
                if others == 1 { "" } else { "s" },
                collect::EXTENSIONS.join(", ")
            ),
        }
    }
    if hidden > 0 {
        match lang {
            Lang::Zh => eprintln!(
                "提示：另有 {hidden} 个隐藏的文件或文件夹（名称以 . 开头）未审核；\
                 要审核，请在命令行上直接指定（--format json 列出这些文件）"
            ),
            Lang::En => eprintln!(
                "note: {hidden} hidden file{s} or folder{s} (name starts with .) not reviewed; \
                 name one on the command line to review it; --format json lists them",
                s = if hidden == 1 { "" } else { "s" },
            ),
        }
    }
}

/// Read one input and review every table it gives: one report per sheet
/// of a workbook that holds a performance-target table, else one.
fn check_file(
    path: &std::path::Path,
    opts: &jixiao_formats::ReadOptions,
    profile: &Profile,
    min: Severity,
    snippets: bool,
    keep_table: bool,
    timings: bool,
) -> Vec<FileReport> {
    let name = path.display().to_string();
    let started = std::time::Instant::now();
    // A reader bug must not take the other files down: a panic counts as unreadable.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        jixiao_formats::read_path_all(path, opts)
    }));
    let tables = match read {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            let mut report = FileReport::unreadable(name, e.text());
            report.error_at = e.location().cloned();
            return vec![report];
        }
        Err(_) => {
            return vec![FileReport::unreadable(
                name,
                Text::new("读取程序内部错误", "internal failure of the reader"),
            )]
        }
    };
    let read_s = started.elapsed().as_secs_f64();
    tables
        .into_iter()
        .map(|table| {
            check_table(
                &name, table, profile, min, snippets, keep_table, timings, read_s,
            )
        })
        .collect()
}

/// Review one table read from the file `name`.
#[allow(clippy::too_many_arguments)]
fn check_table(
    name: &str,
    table: Table,
    profile: &Profile,
    min: Severity,
    snippets: bool,
    keep_table: bool,
    timings: bool,
    read_s: f64,
) -> FileReport {
    let name = name.to_string();
    let reviewed = std::time::Instant::now();
    let mut all = review::review(&table, profile);
    if timings {
        eprintln!(
            "{}",
            serde_json::json!({
                "file": name,
                "read_s": read_s,
                "review_s": reviewed.elapsed().as_secs_f64(),
                "findings": all.len(),
            })
        );
    }
    // The row index is only needed to show cell snippets (human output).
    let cells = snippets.then(|| review::CellIndex::new(&table));
    // Filtered in place first: `map` then keeps the exact length, so the
    // (large) vector is allocated once.
    let hidden = all
        .iter()
        .filter(|f| f.severity < min)
        .fold((None, 0), |(top, n), f| (top.max(Some(f.severity)), n + 1));
    all.retain(|f| f.severity >= min);
    // Cutting each snippet out of its cell is per finding, and a large
    // table has hundreds of thousands: on every core.
    let mut findings: Vec<Shown> = all
        .into_par_iter()
        .map(|f| {
            let snippet = cells.as_ref().and_then(|c| snippet(&table, c, &f));
            Shown {
                finding: f,
                snippet,
            }
        })
        .collect();
    drop(cells);
    let sheet = table.source.sheet.clone();
    let table_index = table.source.table;
    let origin = (table.source.path != name).then(|| table.source.path.clone());
    let rows_are_lines = matches!(table.source.format.as_str(), "text" | "csv");
    let columns = table
        .columns
        .iter()
        .map(|c| (c.col, c.header.clone()))
        .collect();
    if keep_table {
        return FileReport {
            path: name,
            sheet,
            table_index,
            origin,
            rows_are_lines,
            columns,
            table: Some(table),
            names: Vec::new(),
            findings,
            hidden,
            error: None,
            error_at: None,
        };
    }
    let messages = review::Messages::new(&table);
    for s in &mut findings {
        let m = &s.finding.message;
        let (zh, en) = (
            messages.render(m, review::Lang::Zh),
            messages.render(m, review::Lang::English),
        );
        s.finding.message = review::Message::owned(zh, en);
    }
    FileReport {
        path: name,
        sheet,
        table_index,
        origin,
        rows_are_lines,
        columns,
        table: None,
        names: table.projects().map(|p| p.name.clone()).collect(),
        findings,
        hidden,
        error: None,
        error_at: None,
    }
}

impl FileReport {
    /// A file that could not be read, and why.
    fn unreadable(path: String, why: Text) -> FileReport {
        FileReport {
            path,
            sheet: None,
            table_index: None,
            origin: None,
            rows_are_lines: false,
            columns: Vec::new(),
            table: None,
            names: Vec::new(),
            findings: Vec::new(),
            hidden: (None, 0),
            error: Some(why),
            error_at: None,
        }
    }

    /// Renders the findings' messages: against the kept table, or (several
    /// files) the texts rendered before the table was dropped.
    pub(crate) fn messages(&self) -> review::Messages<'_> {
        static NONE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        review::Messages::new(
            self.table
                .as_ref()
                .unwrap_or_else(|| NONE.get_or_init(Table::default)),
        )
    }

    /// The name of project `index` of this file.
    pub(crate) fn project_name<'a>(
        &'a self,
        messages: &review::Messages<'a>,
        index: u32,
    ) -> &'a str {
        match &self.table {
            Some(_) => messages.project_name(index),
            None => self.names.get(index as usize).map_or("", String::as_str),
        }
    }
}

/// At most this many characters either side of the span are shown.
const CONTEXT_CHARS: usize = 24;
/// Longest span shown in full.
const MAX_SPAN_CHARS: usize = 60;
/// Most characters of a cell marked as a whole (a finding without span).
const WHOLE_CELL_CHARS: usize = 72;

/// The byte offset `n` characters from the end of `text`, or 0.
fn chars_back(text: &str, n: usize) -> usize {
    if n == 0 {
        return text.len();
    }
    text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
}

/// The byte offset `n` characters into `text`, or its length.
fn chars_forward(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// 1-based (line, character column) of byte offset `at` of `text`.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |p| p + 1);
    let col = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The cell text around a finding's span (a window, so long goal texts stay
/// readable). A finding without a (valid) span marks the cell as a whole.
/// What a form's amount cell holds, named as the forms label it.
fn form_amount_label(field: jixiao_core::Field) -> &'static str {
    match field {
        jixiao_core::Field::FiscalAppropriation => "财政拨款",
        jixiao_core::Field::SpecialAccount => "财政专户拨款",
        jixiao_core::Field::OtherFunds => "其他资金",
        _ => "年度资金总额",
    }
}

fn snippet(table: &Table, cells: &review::CellIndex<'_>, f: &Finding) -> Option<Snippet> {
    let (row, col) = (f.location.row?, f.location.col?);
    let text = cells.text(row, col)?;
    let text: &str = &text;
    if text.is_empty() {
        return None;
    }
    // A form's amount stands beside its label, not under a header column.
    let header = match cells.form_amount(row, col) {
        Some(field) => form_amount_label(field).to_string(),
        None => table
            .columns
            .iter()
            .find(|c| c.col == col)
            .map(|c| c.header.clone())
            .unwrap_or_default(),
    };
    let span = f.location.span.filter(|sp| {
        sp.start <= sp.end
            && sp.end as usize <= text.len()
            && text.is_char_boundary(sp.start as usize)
            && text.is_char_boundary(sp.end as usize)
    });
    let Some(sp) = span else {
        // The cell as a whole: its head, all of it marked.
        let to = chars_forward(text, WHOLE_CELL_CHARS);
        let tail = if to < text.len() { "…" } else { "" };
        let window = format!("{}{tail}", &text[..to]);
        return Some(Snippet {
            start: 0,
            len: window.len(),
            text: window,
            header,
            position: None,
            first_line: 1,
        });
    };
    let (s, e) = (sp.start as usize, sp.end as usize);
    let from = chars_back(&text[..s], CONTEXT_CHARS);
    // Cap the span, then take some context after it.
    let span_end = s + chars_forward(&text[s..e], MAX_SPAN_CHARS);
    let to = span_end + chars_forward(&text[span_end..], CONTEXT_CHARS);
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < text.len() { "…" } else { "" };
    Some(Snippet {
        text: format!("{lead}{}{tail}", &text[from..to]),
        start: lead.len() + (s - from),
        len: span_end - s,
        header,
        position: Some(line_col(text, s)),
        first_line: line_col(text, from).0,
    })
}
