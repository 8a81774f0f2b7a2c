//! Progress display on a terminal only: pipes and CI logs stay clean.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A spinner on stderr, shown only when stderr is a terminal.
pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    pub fn start(message: &str) -> Self {
        if !std::io::stderr().is_terminal() {
            return Spinner(None);
        }
        let pb = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            pb.set_style(style);
        }
        pb.set_message(message.to_string());
        pb.enable_steady_tick(Duration::from_millis(120));
        Spinner(Some(pb))
    }
    pub fn set_message(&self, message: &str) {
        if let Some(pb) = &self.0 {
            pb.set_message(message.to_string());
        }
    }
    pub fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

/// `读取 FILE` / `reading FILE`.
pub fn reading(file: &std::path::Path, lang: crate::check::Lang) -> String {
    let file = jixiao_formats::grid::visible_name(&file.display().to_string());
    match lang {
        crate::check::Lang::Zh => format!("读取 {file}"),
        crate::check::Lang::En => format!("reading {file}"),
    }
}
