#!/usr/bin/env python3
"""Query-mix benchmark (issue 3): the queries of tests/bench/queries/*.rq on the same
ESS-shaped data in bdis (HTTP), Virtuoso (HTTP) and Oxigraph (npm, in-process), in one
run, with the results of every system checked equal to bdis's. Prints per-query median
times and the geometric mean of the ratios.

usage: query_bench.py [--triples 1000000] [--runs 5] [--bdis build/server/bdis]
                      [--no-peers | --peers virtuoso,oxigraph]
"""
import argparse
import csv
import glob
import io
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peers  # noqa: E402


def http_csv(url, query, extra=None, server_timing=False):
    """Runs a query over HTTP; returns (seconds, CSV body). With server_timing, the
    seconds are the server's own (Server-Timing header), to compare with an
    in-process peer."""
    params = {"query": query}
    params.update(extra or {})
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode(params),
                                 headers={"Accept": "text/csv"})
    t0 = time.monotonic()
    with urllib.request.urlopen(req, timeout=600) as r:
        body = r.read().decode("utf-8")
        timing = r.headers.get("Server-Timing", "")
    secs = time.monotonic() - t0
    if server_timing and "dur=" in timing:
        secs = float(timing.split("dur=")[1].split(",")[0]) / 1000.0
    return secs, body


# ORDER BY ... LIMIT with ties at the cut: which of the tied rows are returned is
# left open by SPARQL, so such a query is compared on its sort keys only. At 10 M
# triples optional_page's 20th name ("AMAP Court-Circuit Nantes") is shared by a
# dozen initiatives in 44000, and each system returns a different, correct pair.
COMPARED_COLUMNS = {"optional_page": ["name"]}


def normalise(csv_text, name=None):
    """Rows as a sorted list of tuples; numbers rounded so that 2, 2.0 and 2E0 agree."""
    table = list(csv.reader(io.StringIO(csv_text)))
    header, rows = (table[0], table[1:]) if table else ([], [])
    keep = COMPARED_COLUMNS.get(name)
    if keep:
        idx = [header.index(c) for c in keep]
        rows = [[r[i] for i in idx] for r in rows]
    out = []
    for r in rows:
        cells = []
        for c in r:
            try:
                f = float(c)
                cells.append(f"{f:.6g}")
            except ValueError:
                cells.append(c)
        out.append(tuple(cells))
    return sorted(out)


OXI_SCRIPT = r"""
const ox = require(process.env.OXI + '/node_modules/oxigraph');
const fs = require('fs');
const store = new ox.Store();
// 64 MiB of whole lines per load() call: a JS string cannot hold a 1 GB file.
const fd = fs.openSync(process.argv[1], 'r');
const buf = Buffer.alloc(64 << 20);
let carry = Buffer.alloc(0);
for (;;) {
  const n = fs.readSync(fd, buf, 0, buf.length, null);
  const data = Buffer.concat([carry, buf.subarray(0, n)]);
  const cut = n === 0 ? data.length : data.lastIndexOf(10) + 1;
  if (cut > 0) store.load(data.subarray(0, cut).toString('utf8'),
                          {format: 'application/n-triples', no_transaction: true});
  carry = Buffer.from(data.subarray(cut));
  if (n === 0) break;
}
const queries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const runs = parseInt(process.argv[3]);
const out = {};
for (const [name, q] of Object.entries(queries)) {
  const times = []; let csv = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    csv = store.query(q, {results_format: 'text/csv'});
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  out[name] = {times, csv};
}
console.log(JSON.stringify(out));
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--triples", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bdis", default=os.path.join(HERE, "..", "..", "build", "server", "bdis"))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--peers", default="virtuoso,oxigraph",
                    help="comma-separated peers to run (default: virtuoso,oxigraph)")
    a = ap.parse_args()
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    nt = os.path.join(out, f"ess-{a.triples}.nt")
    if not os.path.exists(nt):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_ess_nt.py"), str(a.triples), nt], check=True)
    queries = {os.path.basename(p)[:-3]: open(p).read() for p in sorted(glob.glob(os.path.join(HERE, "queries", "*.rq")))}

    results = {}  # system -> name -> (median seconds, rows)
    store = tempfile.mkdtemp(prefix="bdis-qbench-")
    shutil.rmtree(store)
    subprocess.run([a.bdis, "load", "--store", store, nt], check=True, capture_output=True)
    port = peers.free_port()
    server = subprocess.Popen([a.bdis, "serve", "--store", store, "--port", str(port), "--timeout", "600"],
                              stderr=subprocess.DEVNULL)
    # The first start builds the text index (tens of seconds at 1 M triples):
    # wait until the endpoint answers rather than for a fixed time.
    deadline = time.monotonic() + 300
    while True:
        try:
            http_csv(f"http://127.0.0.1:{port}/sparql", "ASK {}")
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.5)
    try:
        results["bdis"] = {}
        results["bdis (server time)"] = {}
        for name, q in queries.items():
            times, inner, body = [], [], ""
            for _ in range(a.runs):
                t, body = http_csv(f"http://127.0.0.1:{port}/sparql", q)
                times.append(t)
                t, _ = http_csv(f"http://127.0.0.1:{port}/sparql", q, server_timing=True)
                inner.append(t)
            results["bdis"][name] = (statistics.median(times), normalise(body, name))
            results["bdis (server time)"][name] = (statistics.median(inner), normalise(body, name))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(store, ignore_errors=True)

    if not a.no_peers and "virtuoso" in a.peers and shutil.which("virtuoso-t"):
        v = peers.Virtuoso()
        try:
            v.load(nt)
            results["Virtuoso"] = {}
            for name, q in queries.items():
                times, body = [], ""
                for _ in range(a.runs):
                    t, body = http_csv(v.sparql_url(), q, {"default-graph-uri": "http://bench/"})
                    times.append(t)
                results["Virtuoso"][name] = (statistics.median(times), normalise(body, name))
        finally:
            v.close()
    if not a.no_peers and "oxigraph" in a.peers and peers.oxigraph_available():
        qfile = os.path.join(out, "queries.json")
        json.dump(queries, open(qfile, "w"))
        p = subprocess.run(["node", "--max-old-space-size=16000", "-e", OXI_SCRIPT, nt, qfile, str(a.runs)],
                           capture_output=True, text=True, env=dict(os.environ, OXI=peers.oxigraph_dir()))
        if p.returncode == 0:
            r = json.loads(p.stdout.strip().splitlines()[-1])
            results["Oxigraph"] = {n: (statistics.median(v["times"]), normalise(v["csv"], n)) for n, v in r.items()}
        else:
            print("oxigraph failed:", p.stderr[-1000:], file=sys.stderr)

    systems = list(results)
    print(f"Query mix on {a.triples:,} ESS-shaped triples, median of {a.runs} runs (ms)")
    print("bdis and Virtuoso are timed over HTTP by the client; Oxigraph runs in-process")
    print("(npm WebAssembly build), so it is compared with bdis's server-side time.\n")
    print("| query | " + " | ".join(systems) + " | results equal |")
    print("|---|" + "---:|" * len(systems) + "---|")
    peers_of = [s for s in systems if not s.startswith("bdis")]
    ratios = {s: [] for s in peers_of}
    worst = []  # per query: (bdis time / best peer's time, query)
    for name in queries:
        base = results["bdis"][name]
        inner = results["bdis (server time)"][name]
        cells, equal, mine_over = [], [], []
        for s in systems:
            t, rows = results[s][name]
            cells.append(f"{t * 1000:.2f}")
            if s in peers_of:
                mine = inner[0] if s == "Oxigraph" else base[0]
                ratios[s].append(mine / t)
                mine_over.append(mine / t)
                equal.append(f"{s}: {'yes' if rows == base[1] else 'NO'}")
        if mine_over:
            worst.append((max(mine_over), name))
        print(f"| {name} | " + " | ".join(cells) + " | " + ", ".join(equal) + " |")
    for s, rs in ratios.items():
        gm = math.exp(sum(math.log(x) for x in rs) / len(rs))
        print(f"\ngeometric mean of bdis/{s} time ratios: {gm:.3f} (below 1: bdis faster)")
    if worst:
        r, name = max(worst)
        print(f"\nslowest against the best peer: {name}, {r:.2f}x its time (bdis over HTTP against "
              "Virtuoso, bdis server time against Oxigraph)")


if __name__ == "__main__":
    main()
