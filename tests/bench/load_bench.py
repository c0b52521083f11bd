#!/usr/bin/env python3
"""Load benchmark (issue 2): bdis vs Virtuoso vs Oxigraph on the same ESS-shaped
N-Triples, in the same run. Prints a Markdown table; results are recorded in
tests/bench/README.md and docs/benchmarks.md.

usage: load_bench.py [--sizes 1000000,10000000] [--bdis build/server/bdis] [--no-peers]
                     [--memory-limit 2G] [--memory-limits 256M,2G]

--memory-limits loads the largest size into bdis once per limit and prints
the peak RSS of each (the bound --memory-limit is meant to keep).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peers  # noqa: E402


def load_bdis(bdis, nt, limit):
    """Loads nt into a fresh store; returns (seconds, peak RSS, CPU s, triples, disk bytes,
    peak anonymous memory)."""
    store = tempfile.mkdtemp(prefix="bdis-bench-")
    shutil.rmtree(store)
    try:
        secs, peak, p = peers.timed([bdis, "load", "--store", store, "--memory-limit", limit, nt])
        if p.returncode != 0:
            sys.exit(p.stderr)
        st = subprocess.run([bdis, "stats", "--store", store], capture_output=True, text=True).stdout
        triples = int(re.search(r"triples\s+(\d+)", st).group(1))
        return secs, peak, p.cpu, triples, peers.dir_bytes(store), p.anon
    finally:
        shutil.rmtree(store, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000000,10000000")
    ap.add_argument("--bdis", default=os.path.join(HERE, "..", "..", "build", "server", "bdis"))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--memory-limit", default="2G")
    ap.add_argument("--memory-limits", default="")
    a = ap.parse_args()
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    rows = []
    for n in sizes:
        nt = os.path.join(out, f"ess-{n}.nt")
        if not os.path.exists(nt):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_ess_nt.py"), str(n), nt], check=True)
        secs, peak, cpu, triples, disk, _ = load_bdis(a.bdis, nt, a.memory_limit)
        rows.append(("bdis", triples, secs, cpu, peak, disk / triples))
        print(f"bdis {n}: {secs:.2f} s", file=sys.stderr)
        if a.no_peers:
            continue
        if shutil.which("virtuoso-t"):
            v = peers.Virtuoso()
            try:
                v.sql("checkpoint;")
                empty = v.bytes_on_disk()
                vs, vn, vcpu = v.bulk_load(nt)
                rows.append(("Virtuoso 7.2", vn, vs, vcpu, v.peak_rss(), (v.bytes_on_disk() - empty) / vn))
                print(f"virtuoso {n}: {vs:.2f} s", file=sys.stderr)
            except RuntimeError as e:
                print(f"virtuoso failed at {n}: {e}", file=sys.stderr)
            finally:
                v.close()
        if peers.oxigraph_available():
            try:
                os_, orss, on, ocpu = peers.oxigraph_load(nt)
                rows.append(("Oxigraph 0.5 (npm: wasm, in memory)", on, os_, ocpu, orss, None))
                print(f"oxigraph {n}: {os_:.2f} s", file=sys.stderr)
            except RuntimeError as e:
                print(f"oxigraph failed at {n}: {e}", file=sys.stderr)
    print("| system | triples | wall s | CPU s | triples/s (wall) | peak RSS | bytes/triple on disk |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, secs, cpu, peak, bpt in rows:
        mem = f"{peak / 2**20:,.0f} MiB" if peak else "n/a"
        disk = f"{bpt:.1f}" if bpt else "n/a (in memory)"
        print(f"| {name} | {n:,} | {secs:.2f} | {cpu:.2f} | {n / secs:,.0f} | {mem} | {disk} |")
    if a.memory_limits:
        n = max(sizes)
        nt = os.path.join(out, f"ess-{n}.nt")
        print()
        print("| bdis --memory-limit | triples | wall s | CPU s | peak RSS | peak anonymous memory |")
        print("|---:|---:|---:|---:|---:|---:|")
        for limit in a.memory_limits.split(","):
            secs, peak, cpu, triples, _, anon = load_bdis(a.bdis, nt, limit)
            print(f"| {limit} | {triples:,} | {secs:.2f} | {cpu:.2f} | {peak / 2**20:,.0f} MiB "
                  f"| {anon / 2**20:,.0f} MiB |")


if __name__ == "__main__":
    main()
