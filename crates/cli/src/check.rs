//! `jixiao check`: review tables and report findings.

/// Arguments of `jixiao check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to review.
    #[arg(required = true)]
    pub paths: Vec<std::path::PathBuf>,
}

/// Run the check; returns the process exit code.
pub fn run(args: &CheckArgs) -> anyhow::Result<i32> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
