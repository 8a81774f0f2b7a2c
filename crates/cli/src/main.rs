//! The `jixiao` command-line tool: a thin layer over jixiao-core and jixiao-formats.

mod check;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "jixiao", version, about = "预算绩效目标表工具 (budget performance-target tables)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 审核：按规则检查绩效目标表 (review tables against the rules)
    Check(check::CheckArgs),
}

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Check(args) => match check::run(args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("错误 (error): {e:#}");
                2
            }
        },
    };
    std::process::exit(code);
}
