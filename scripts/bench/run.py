#!/usr/bin/env python3
"""Benchmarks of reading (and reviewing) a 100 000-project table, with the
Python baseline measured in the same run. Writes a Markdown table to stdout.

    python3 scripts/bench/run.py [--projects 100000] [--runs 3] [--skip-python]

Needs: a release build (`cargo build --release`), pandas + openpyxl for the baseline.
Timing is wall-clock (best and median of N runs); memory is peak RSS from /usr/bin/time.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JIXIAO = os.path.join(ROOT, "target", "release", "jixiao")
DATA = os.path.join(ROOT, "bench-data")


def run(cmd, runs):
    times, rss, out = [], 0, ""
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if p.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
        rss = max(rss, int(p.stderr.strip().splitlines()[-1]))
        out = p.stdout.strip()
    return min(times), statistics.median(times), rss / 1024, out


def run_to_null(cmd, runs):
    """Like `run`, the command's standard output thrown away (a report of
    hundreds of megabytes is not held in memory here)."""
    times, rss = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - t0)
        if p.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
        rss = max(rss, int(p.stderr.strip().splitlines()[-1]))
    return min(times), statistics.median(times), rss / 1024


def gen(name, *args):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        subprocess.run([JIXIAO, "gen", *args, "-o", path], check=True)
    return path


def only_rule_profile(rule):
    """A review profile with every catalogue rule but `rule` switched off."""
    with open(os.path.join(ROOT, "docs", "rules.md"), encoding="utf-8") as f:
        ids = re.findall(r"^\| \[`([a-z0-9.-]+)`\]", f.read(), re.M)
    path = os.path.join(DATA, f"only-{rule}.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'name = "only-{rule}"\n')
        for i in ids:
            if i != rule:
                f.write(f'\n[rules."{i}"]\nenabled = false\n')
    return path


def best_timings(path, runs, *extra):
    """`jixiao check --timings` best of `runs` (by read + review)."""
    best = None
    for _ in range(runs):
        p = subprocess.run([JIXIAO, "check", path, "--timings", "--format", "json", "--no-progress", *extra],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        t = json.loads([l for l in p.stderr.splitlines() if l.startswith('{"file"')][-1])
        if best is None or t["read_s"] + t["review_s"] < best["read_s"] + best["review_s"]:
            best = t
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-python", action="store_true")
    a = ap.parse_args()
    os.makedirs(DATA, exist_ok=True)
    n = a.projects
    files = {
        "text (UTF-8, one-cell)": gen(f"one-cell-{n}.tsv", "--projects", str(n)),
        "text (GBK, one-cell)": gen(f"one-cell-{n}-gbk.tsv", "--projects", str(n), "--encoding", "gbk"),
        "text (UTF-8, rows)": gen(f"rows-{n}.tsv", "--projects", str(n), "--layout", "rows"),
        "xlsx (one-cell)": gen(f"one-cell-{n}.xlsx", "--projects", str(n), "--format", "xlsx"),
    }
    rows = []

    def add(what, path, cmd):
        best, med, rss, out = run(cmd, a.runs)
        mb = os.path.getsize(path) / 1e6
        rows.append((what, f"{mb:.1f}", f"{best:.3f}", f"{med:.3f}", f"{mb / best:.0f}", f"{rss:.0f}", out[:60]))
        return best

    results = {}
    for what, path in files.items():
        results[("jixiao", what)] = add(f"jixiao read: {what}", path, [JIXIAO, "show", path, "--summary"])
        if what.startswith("text (UTF-8, one"):
            results[("ceiling", what)] = add(f"memchr line count: {what}", path, [JIXIAO, "count-lines", path])
        if not a.skip_python:
            if what.startswith("text") and "rows" not in what:
                enc = ["--encoding", "gbk"] if "GBK" in what else []
                results[("python", what)] = add(f"pandas + regex: {what}", path, [sys.executable, os.path.join(ROOT, "scripts/bench/baseline.py"), "text", path, *enc])
            if what.startswith("xlsx"):
                results[("python", what)] = add(f"openpyxl + regex: {what}", path, [sys.executable, os.path.join(ROOT, "scripts/bench/baseline.py"), "xlsx", path])

    # Review cost relative to reading, measured inside one process (--timings), best of N.
    review, goal_dup = {}, {}
    only_goal_dup = only_rule_profile("goal-duplicate")
    for size in sorted({n // 4, n}):
        path = gen(f"one-cell-{size}.tsv", "--projects", str(size))
        review[size] = best_timings(path, a.runs)
        goal_dup[size] = best_timings(path, a.runs, "--profile", only_goal_dup)

    # The same review after each way of reading the 100 000-project table: the
    # review's cost is the same table's, the read's depends on the format.
    by_format = {what: (review[n] if path == files["text (UTF-8, one-cell)"] else best_timings(path, a.runs))
                 for what, path in files.items()}

    # The whole `check` a user runs (read, review, report written), per
    # report format, against reading alone.
    whole = []
    text = files["text (UTF-8, one-cell)"]
    for fmt in ("json", "sarif", "human"):
        best, med, rss = run_to_null([JIXIAO, "check", text, "--format", fmt, "--no-progress"], a.runs)
        whole.append((fmt, best, med, rss))

    print(f"projects: {n}, runs: {a.runs}, cores: {os.cpu_count()}\n")
    print("| what | MB | best s | median s | MB/s | peak RSS MiB | output |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    for what in files:
        j, p = results.get(("jixiao", what)), results.get(("python", what))
        if j and p:
            print(f"- {what}: jixiao is {p / j:.1f}x the Python baseline")
    c, j = results.get(("ceiling", "text (UTF-8, one-cell)")), results.get(("jixiao", "text (UTF-8, one-cell)"))
    if c and j:
        print(f"- text (UTF-8): jixiao read takes {j / c:.1f}x the memchr line-count ceiling")
    print()
    print("| projects | findings | read s (in process) | review s | review / read | goal-duplicate alone s (findings) |")
    print("|---|---|---|---|---|---|")
    for size, t in review.items():
        g = goal_dup[size]
        print(f"| {size} | {t['findings']} | {t['read_s']:.3f} | {t['review_s']:.3f} | {100 * t['review_s'] / t['read_s']:.0f}% | {g['review_s']:.3f} ({g['findings']}) |")
    print()
    read = results[("jixiao", "text (UTF-8, one-cell)")]
    print(f"| `jixiao check` of the UTF-8 text ({n} projects), report to /dev/null | best s | median s | peak RSS MiB | ÷ read alone |")
    print("|---|---|---|---|---|")
    for fmt, best, med, rss in whole:
        print(f"| --format {fmt} | {best:.3f} | {med:.3f} | {rss:.0f} | {best / read:.1f}x |")
    print()
    print(f"| input ({n} projects) | findings | read s (in process) | review s | review / read |")
    print("|---|---|---|---|---|")
    for what, t in by_format.items():
        print(f"| {what} | {t['findings']} | {t['read_s']:.3f} | {t['review_s']:.3f} | {100 * t['review_s'] / t['read_s']:.0f}% |")


if __name__ == "__main__":
    main()
