#!/usr/bin/env python3
"""Text search over HTTP: bdis `text:query` (and the FILTER(CONTAINS(LCASE)) scan) against
Virtuoso 7's `bif:contains` on the same N-Triples file (issue 6).

  python3 tests/bench/search_vs_virtuoso.py [--nt tests/bench/out/ess-1000000.nt]
      [--bdis build/server/bdis] [--runs 5] [--store DIR (reused if it exists)]

Starts `bdis serve` on a store loaded from the file (the first start builds the text
index), a private Virtuoso (peers.Virtuoso) loaded with the same file into
<http://bench/> with its free-text index on all literals, then times each query over
HTTP (median of --runs, after one warm-up) and prints a Markdown table with the row counts.
"""
import argparse
import json
import os
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

GRAPH = "http://bench/"
NAME = "<http://schema.org/name>"

# (label, bdis text:query, bdis scan, Virtuoso bif:contains). Virtuoso needs the bif:
# prefixed name: the full IRI <http://www.openlinksw.com/schemas/bif#contains> is an
# ordinary predicate to it (0 rows).
def cases():
    def case(label, words, limit):
        q = " ".join(words)
        bif = " AND ".join(f"'{w}'" for w in words)
        cond = " && ".join(f'CONTAINS(LCASE(?o), "{w}")' for w in words)
        return (label,
                f'SELECT ?s WHERE {{ ?s <http://jena.apache.org/text#query> ({NAME} "{q}" {limit}) }}',
                f"SELECT ?s WHERE {{ ?s {NAME} ?o FILTER({cond}) }}",
                f'SELECT ?s WHERE {{ ?s {NAME} ?o . ?o bif:contains "{bif}" }}')
    return [
        case("two words, unaccented (`jardins emile`)", ["jardins", "emile"], 100000),
        case("two words, accented (`jardins émile`)", ["jardins", "émile"], 100000),
        case("two words, selective (`boulangerie lilas`)", ["boulangerie", "lilas"], 100000),
        case("one word (`ressourcerie`)", ["ressourcerie"], 100000),
    ]


def run(url, query, extra=None):
    params = {"query": query}
    if extra:
        params.update(extra)
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode(params),
                                 headers={"Accept": "application/sparql-results+json"})
    t0 = time.monotonic()
    with urllib.request.urlopen(req, timeout=600) as r:
        body = r.read()
    ms = (time.monotonic() - t0) * 1000
    rows = json.loads(body)["results"]["bindings"]
    return ms, len(rows), {b["s"]["value"] for b in rows}


def timed(url, query, runs, extra=None):
    run(url, query, extra)  # warm-up
    samples = []
    for _ in range(runs):
        ms, n, subjects = run(url, query, extra)
        samples.append(ms)
    return statistics.median(samples), n, subjects


def start_bdis(binary, nt, store):
    if not os.path.exists(os.path.join(store, "")) or not os.listdir(store):
        subprocess.run([binary, "load", "--store", store, nt], check=True,
                       stdout=subprocess.DEVNULL)
    port = peers.free_port()
    proc = subprocess.Popen([binary, "serve", "--store", store, "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 600:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return proc, f"http://127.0.0.1:{port}/sparql", time.monotonic() - t0
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError("bdis serve exited")
            time.sleep(0.5)
    raise RuntimeError("bdis serve did not answer /health")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nt", default=os.path.join(HERE, "out", "ess-1000000.nt"))
    ap.add_argument("--bdis", default=os.path.join(HERE, "..", "..", "build", "server", "bdis"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--store", default=None)
    ap.add_argument("--no-virtuoso", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.nt):
        sys.exit(f"missing {a.nt}: python3 tests/bench/gen_ess_nt.py 1000000 {a.nt}")
    store = a.store or tempfile.mkdtemp(prefix="bdis-search-vs-")
    os.makedirs(store, exist_ok=True)

    proc, burl, start = start_bdis(a.bdis, a.nt, store)
    print(f"bdis serve up in {start:.1f} s", file=sys.stderr)
    results = []
    try:
        for label, tq, scan, _ in cases():
            t, n, subj = timed(burl, tq, a.runs)
            ts, ns, subj_s = timed(burl, scan, a.runs)
            results.append([label, t, n, subj, ts, ns, subj_s])
            print(f"bdis {label}: {t:.1f} ms {n} rows; scan {ts:.1f} ms {ns} rows", file=sys.stderr)
    finally:
        proc.terminate()
        proc.wait(timeout=60)

    if not a.no_virtuoso:
        v = peers.Virtuoso()
        try:
            # The rule goes in before the load: literals loaded without a rule are stored
            # inline in RDF_QUAD (not in RDF_OBJ) and the incremental index never sees them.
            v.sql("DB.DBA.RDF_OBJ_FT_RULE_ADD (null, null, 'All');")
            secs, triples, _ = v.bulk_load(a.nt, GRAPH)
            print(f"virtuoso loaded {triples} triples in {secs:.1f} s", file=sys.stderr)
            t0 = time.monotonic()
            v.sql("DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ ();")
            print(f"virtuoso text index in {time.monotonic() - t0:.1f} s", file=sys.stderr)
            for r, (label, _, _, vq) in zip(results, cases()):
                t, n, subj = timed(v.sparql_url(), vq, a.runs, {"default-graph-uri": GRAPH})
                r += [t, n, subj]
                print(f"virtuoso {label}: {t:.1f} ms {n} rows", file=sys.stderr)
        finally:
            v.close()

    print("| query | bdis text:query ms | rows | bdis scan ms | rows | Virtuoso bif:contains ms | rows | Virtuoso ms ÷ bdis ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        label, t, n, subj, ts, ns, subj_s = r[:7]
        if len(r) > 7:
            vt, vn, vsubj = r[7:]
            only_b, only_v = len(subj - vsubj), len(vsubj - subj)
            vcell = f"{vt:.1f} | {vn} | {vt / t:.1f}x"
            if only_b or only_v:
                print(f"<!-- {label}: {only_b} subjects only in bdis, {only_v} only in Virtuoso; "
                      f"e.g. {sorted(subj ^ vsubj)[:3]} -->")
        else:
            vcell = "– | – | –"
        print(f"| {label} | {t:.1f} | {n} | {ts:.1f} | {ns} | {vcell} |")


if __name__ == "__main__":
    main()
