#!/usr/bin/env python3
"""Load benchmark (issue 2): bdis vs Virtuoso vs Oxigraph on the same ESS-shaped
N-Triples, in the same run. Prints a Markdown table; results are recorded in
tests/bench/README.md and docs/benchmarks.md.

usage: load_bench.py [--sizes 1000000,10000000] [--bdis build/server/bdis] [--no-peers]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000000,10000000")
    ap.add_argument("--bdis", default=os.path.join(HERE, "..", "..", "build", "server", "bdis"))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--memory-limit", default="2G")
    a = ap.parse_args()
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        nt = os.path.join(out, f"ess-{n}.nt")
        if not os.path.exists(nt):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_ess_nt.py"), str(n), nt], check=True)
        store = tempfile.mkdtemp(prefix="bdis-bench-")
        shutil.rmtree(store)
        secs, peak, p = peers.timed([a.bdis, "load", "--store", store, "--memory-limit", a.memory_limit, nt])
        if p.returncode != 0:
            sys.exit(p.stderr)
        st = subprocess.run([a.bdis, "stats", "--store", store], capture_output=True, text=True).stdout
        triples = int(re.search(r"triples\s+(\d+)", st).group(1))
        disk = peers.dir_bytes(store)
        rows.append(("bdis", n, secs, triples / secs, peak, disk / triples))
        shutil.rmtree(store, ignore_errors=True)
        if not a.no_peers:
            if shutil.which("virtuoso-t"):
                v = peers.Virtuoso()
                try:
                    vs = v.load(nt)
                    rows.append(("Virtuoso 7.2", n, vs, n / vs, None, v.bytes_on_disk() / n))
                finally:
                    v.close()
            if peers.oxigraph_available():
                try:
                    os_, orss, _ = peers.oxigraph_load(nt)
                    rows.append(("Oxigraph 0.5 (wasm, memory)", n, os_, n / os_, orss, None))
                except RuntimeError as e:
                    print(f"oxigraph failed at {n}: {e}", file=sys.stderr)
    print("| system | triples | seconds | triples/s | peak memory | bytes/triple on disk |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, secs, rate, peak, bpt in rows:
        mem = f"{peak / 2**20:.0f} MiB" if peak else "n/a"
        disk = f"{bpt:.1f}" if bpt else "n/a (in memory)"
        print(f"| {name} | {n:,} | {secs:.2f} | {rate:,.0f} | {mem} | {disk} |")


if __name__ == "__main__":
    main()
