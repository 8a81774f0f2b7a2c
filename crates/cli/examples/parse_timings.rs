//! Grammar timings: `parse_cell` over every 绩效指标 cell (7th tab-separated
//! field) of a one-cell text table, best of several runs, single thread.
//! Used to A/B grammar changes without the page zeroing of a whole read.
//!
//! ```sh
//! cargo run --release -p jixiao --example parse_timings -- FILE [RUNS]
//! ```

use jixiao_core::model::Origin;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: parse_timings FILE [RUNS]"))?;
    let runs: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5);
    let text = std::fs::read_to_string(&path)?;
    let cells: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split('\t').nth(6))
        .filter(|c| !c.is_empty())
        .collect();
    let mut best = f64::MAX;
    let mut items = 0usize;
    for _ in 0..runs {
        let started = std::time::Instant::now();
        items = 0;
        for c in &cells {
            let parsed = jixiao_core::grammar::parse_cell(c, Origin::new(1, 7));
            items += parsed.indicators.len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{best:.3} s best of {runs}: {} cells, {items} items",
        cells.len()
    );
    Ok(())
}
