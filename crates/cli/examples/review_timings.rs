//! Review timings of one table: best wall time and mean CPU time of
//! `review::review` over several runs, for the whole catalogue and, on
//! request, for groups of rules alone (every other rule and the reader's
//! notices switched off). Used for the review figures of BENCHMARKS.md and as
//! a target for `perf record`.
//!
//! ```sh
//! cargo run --release -p jixiao --example review_timings -- FILE [RUNS] [RULE[,RULE…] …]
//! ```
//!
//! Prints one line per profile: `best-wall-s cpu-s-per-run findings profile`.
//! CPU time is the process's (both review threads), read from `/proc/self/stat`
//! where available. Set `ONLY_GROUPS=1` to skip the whole-catalogue line.

use jixiao_core::review::{Profile, RuleSetting, RULES};
use mimalloc::MiMalloc;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: review_timings FILE [RUNS] [RULE[,RULE…] …]"))?;
    let runs: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5);
    let groups: Vec<String> = args.collect();
    let started = std::time::Instant::now();
    let table = jixiao_formats::read_path(
        std::path::Path::new(&path),
        &jixiao_formats::ReadOptions::default(),
    )?;
    eprintln!("read {:.3} s", started.elapsed().as_secs_f64());
    let mut profiles = Vec::new();
    if std::env::var_os("ONLY_GROUPS").is_none() {
        profiles.push(("all".to_string(), Profile::default()));
    }
    for group in groups {
        let on: Vec<&str> = group.split(',').collect();
        let mut profile = Profile::default();
        for r in RULES.iter().filter(|r| !on.contains(&r.id)) {
            profile.rules.insert(
                r.id.to_string(),
                RuleSetting {
                    enabled: Some(false),
                    severity: None,
                },
            );
        }
        profile.notices = false;
        profiles.push((group, profile));
    }
    for (name, profile) in &profiles {
        let cpu_before = cpu_seconds();
        let mut best = f64::MAX;
        let mut findings = 0;
        for _ in 0..runs {
            let started = std::time::Instant::now();
            findings = jixiao_core::review::review(&table, profile).len();
            best = best.min(started.elapsed().as_secs_f64());
        }
        let cpu = match (cpu_before, cpu_seconds()) {
            (Some(a), Some(b)) if runs > 0 => format!("{:.3}", (b - a) / runs as f64),
            _ => "-".to_string(),
        };
        println!("{best:.3} {cpu} {findings} {name}");
    }
    Ok(())
}

/// User + system CPU seconds of this process (Linux), or `None`.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ').skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
