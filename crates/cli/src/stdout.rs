//! Standard output, written through one place.
//!
//! Every command writes its output through [`lock`], which remembers the
//! first write error. `main` then tells the two cases apart: a closed pipe
//! (`jixiao show … | head -1`) is a quiet end, with the exit code the
//! command would have had; any other failure (a full disk, `> /dev/full`)
//! is an error that says so, in both languages, with a hint.

use std::io::{self, ErrorKind, Write};
use std::sync::Mutex;

/// The first error met writing to standard output: whether the pipe's reader
/// had gone, and the error worded for the user.
static FAILED: Mutex<Option<Failure>> = Mutex::new(None);

/// How writing to standard output failed.
#[derive(Clone)]
pub struct Failure {
    /// The pipe's reader has gone (`| head -1`): a quiet end.
    pub closed: bool,
    /// `无法写到标准输出：磁盘空间已满` with a hint, in both languages.
    pub text: jixiao_core::Text,
}

/// Standard output, locked; a write error on it is remembered.
pub struct Out(io::StdoutLock<'static>);

/// The locked standard output.
pub fn lock() -> Out {
    Out(io::stdout().lock())
}

fn remember(e: &io::Error) {
    if let Ok(mut failed) = FAILED.lock() {
        failed.get_or_insert_with(|| Failure {
            closed: e.kind() == ErrorKind::BrokenPipe,
            text: failed_text(e),
        });
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).inspect_err(remember)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf).inspect_err(remember)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().inspect_err(remember)
    }
}

/// How writing to standard output failed, if it did.
pub fn failure() -> Option<Failure> {
    FAILED.lock().ok().and_then(|f| f.clone())
}

/// Whether standard output is a pipe whose reader has gone.
pub fn closed() -> bool {
    failure().is_some_and(|f| f.closed)
}

/// `无法写到标准输出：磁盘空间已满` with a hint, in both languages.
fn failed_text(e: &io::Error) -> jixiao_core::Text {
    let why = jixiao_formats::io_write_text(e);
    let (zh, en) = match e.kind() {
        ErrorKind::StorageFull => (
            "请腾出磁盘空间，或把输出重定向到其他磁盘",
            "free some disk space, or redirect the output to another disk",
        ),
        _ => (
            "请检查标准输出重定向到的文件或设备",
            "check the file or device standard output is redirected to",
        ),
    };
    jixiao_core::Text::new(
        format!("无法写到标准输出：{}\n  提示: {zh}", why.zh),
        format!("cannot write to standard output: {}\n  hint: {en}", why.en),
    )
}
