//! A lower bound for the review of one table: the bare work the table-wide
//! rules cannot avoid, each step timed alone on one thread (best of RUNS).
//! Used in BENCHMARKS.md to judge how far the review is from what any design
//! of the same rules would cost.
//!
//! ```sh
//! cargo run --release -p jixiao --example review_floor -- FILE [RUNS]
//! ```
//!
//! Steps (none emits findings or checks a rule):
//! - `walk`: read every indicator's name, value text and category once;
//! - `group`: the boilerplate grouping's hash map, keyed by (一级, name,
//!   number, unit as written) with a multiply–rotate hash;
//! - `sentences`: every goal cut at 。；!? and each sentence's 64-bit hash
//!   counted in a map (the goal-duplicate grouping, without masking numbers);
//! - `findings`: 617 541 findings of the real `Finding` size pushed into a
//!   vector and sorted by row (storing the review's output).

use jixiao_core::model::{Category, Table};
use jixiao_core::review::Finding;
use mimalloc::MiMalloc;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::time::Instant;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

/// rustc's FxHasher step, eight bytes at a time.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for c in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The synthetic table's finding count under the default profile.
const FINDINGS: usize = 617_541;

/// One timed step over the table.
type Step = fn(&Table) -> usize;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: review_floor FILE [RUNS]"))?;
    let runs: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5);
    let table = jixiao_formats::read_path(
        std::path::Path::new(&path),
        &jixiao_formats::ReadOptions::default(),
    )?;
    println!("Finding is {} bytes", std::mem::size_of::<Finding>());
    let steps: [(&str, Step); 4] = [
        ("walk", walk),
        ("group", group),
        ("sentences", sentences),
        ("findings", |_| store(FINDINGS)),
    ];
    let mut total = 0.0;
    for (name, step) in steps {
        let mut best = f64::MAX;
        let mut out = 0;
        for _ in 0..runs {
            let started = Instant::now();
            out = std::hint::black_box(step(&table));
            best = best.min(started.elapsed().as_secs_f64());
        }
        total += best;
        println!("{best:.3} s  {name} ({out})");
    }
    println!("{total:.3} s  sum, one thread");
    Ok(())
}

fn walk(t: &Table) -> usize {
    let mut n = 0;
    for p in t.projects() {
        for i in &p.indicators {
            n += i.name.len() + i.raw_value.len() + i.category as usize;
        }
    }
    n
}

fn group(t: &Table) -> usize {
    let mut map: FxMap<(Category, &str, rust_decimal::Decimal, &str), u32> = FxMap::default();
    for p in t.projects() {
        for i in &p.indicators {
            if let Some(q) = i.target.quantity() {
                let key = (
                    i.category,
                    i.name.as_str(),
                    q.value,
                    q.unit.as_deref().unwrap_or(""),
                );
                *map.entry(key).or_insert(0) += 1;
            }
        }
    }
    map.len()
}

fn sentences(t: &Table) -> usize {
    let mut map: FxMap<u64, u32> = FxMap::default();
    for p in t.projects() {
        let Some(goal) = p.goal.as_deref() else {
            continue;
        };
        for s in goal.split(['。', '；', '!', '?']) {
            if s.is_empty() {
                continue;
            }
            let mut h = Fx::default();
            h.write(s.as_bytes());
            *map.entry(h.finish()).or_insert(0) += 1;
        }
    }
    map.len()
}

/// Findings are not `Default`; a same-sized stand-in with a row to sort by.
fn store(n: usize) -> usize {
    #[derive(Clone, Copy)]
    struct Stand([u32; std::mem::size_of::<Finding>() / 4]);
    let mut v: Vec<Stand> = Vec::with_capacity(n);
    let mut x = 1u32;
    for _ in 0..n {
        let mut s = Stand([0; std::mem::size_of::<Finding>() / 4]);
        // Mostly ascending rows, as the per-project rules emit them.
        x = x.wrapping_add(1 + (x >> 31));
        s.0[0] = x / 6;
        v.push(s);
    }
    v.sort_by_key(|s| s.0[0]);
    v.len()
}
