#!/usr/bin/env python3
"""HTTP load benchmark: wrk against `bdis serve` and a private Virtuoso on the same data.

Workloads (keep-alive, wrk with --threads threads and --connections connections each):
  lookup  tests/bench/queries/lookup.rq, the same request over and over;
  mixed   tests/bench/queries/*.rq in turn (mixed.lua), minus the queries whose single-request
          latency on any system measured exceeds --slow-ms (named in the output: whole-store
          aggregates and long paths that would set the pace of the whole mix) and --exclude NAME;
  mixed-all  every query, when the mix left some out (what the slow ones cost under load).
Each prints requests/s, p50/p90/p99 latency and errors (non-2xx responses and socket errors;
both must be zero). --soak [SECONDS] (600 when given without a value) then runs lookup and mixed
together on bdis for that long (each wrk with half the threads and connections) and reports the
server's resident memory (VmRSS of /proc/<pid>/status) at the start, at each tenth and at the
end, and the errors. Output is Markdown.

usage: http_bench.py [--triples 1000000] [--duration 30] [--threads 2] [--connections 16]
                     [--bdis build/server/bdis] [--server-threads N] [--no-virtuoso]
                     [--soak [SECONDS]] [--soak-only] [--slow-ms 20] [--exclude NAME ...]
needs: wrk (apt-get install wrk), virtuoso-opensource (for the Virtuoso column).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import peers

HERE = os.path.dirname(os.path.abspath(__file__))
VIRTUOSO_GRAPH = "http://bench/"


class Target:
    """A SPARQL endpoint under test: name, host:port and the path (with its own parameters)."""

    def __init__(self, name, host, path, pid=None):
        self.name, self.host, self.path, self.pid = name, host, path, pid

    def url(self, query):
        sep = "&" if "?" in self.path else "?"
        return f"http://{self.host}{self.path}{sep}" + urllib.parse.urlencode({"query": query})


def rss_kib(pid):
    """VmRSS of a process in KiB (None when it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def probe(target, query, runs=3):
    """Median seconds of `runs` single GET requests; raises when a request is not answered 200."""
    times = []
    for _ in range(runs):
        req = urllib.request.Request(target.url(query), headers={"Accept": "application/sparql-results+json"})
        t0 = time.monotonic()
        with urllib.request.urlopen(req, timeout=600) as r:
            r.read()
            if r.status != 200:
                raise RuntimeError(f"{target.name}: HTTP {r.status}")
        times.append(time.monotonic() - t0)
    return statistics.median(times)


def start_wrk(target, queries, seconds, threads, connections, json_path):
    """Starts wrk with mixed.lua on `queries` (paths); returns the process."""
    env = dict(os.environ, BDIS_QUERIES=" ".join(queries), BDIS_PATH=target.path, BDIS_WRK_JSON=json_path)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
           "-s", os.path.join(HERE, "mixed.lua"), f"http://{target.host}"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_wrk(proc, json_path):
    out, _ = proc.communicate()
    if proc.returncode != 0 or not os.path.exists(json_path):
        raise RuntimeError(f"wrk failed:\n{out}")
    with open(json_path) as f:
        r = json.load(f)
    os.unlink(json_path)
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["socket_errors"] = r["connect"] + r["read"] + r["write"] + r["timeout"]
    return r


def run_wrk(target, queries, seconds, threads, connections, workdir):
    path = os.path.join(workdir, f"wrk-{target.name}-{time.monotonic_ns()}.json")
    return finish_wrk(start_wrk(target, queries, seconds, threads, connections, path), path)


def ms(us):
    return f"{us / 1000:.2f}"


def errors_cell(r):
    return f"{r['status']} / {r['socket_errors']}"


def start_bdis(a, nt, workdir):
    store = os.path.join(workdir, "store")
    t0 = time.monotonic()
    subprocess.run([a.bdis, "load", "--store", store, nt], check=True, capture_output=True)
    load_secs = time.monotonic() - t0
    port = peers.free_port()
    cmd = [a.bdis, "serve", "--store", store, "--host", "127.0.0.1", "--port", str(port), "--timeout", "600"]
    if a.server_threads:
        cmd += ["--threads", str(a.server_threads)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError):
            pass
        if proc.poll() is not None:
            raise RuntimeError("bdis serve exited at start")
        time.sleep(0.1)
    else:
        raise RuntimeError("bdis serve did not answer /health")
    return proc, Target("bdis", f"127.0.0.1:{port}", "/sparql", proc.pid), load_secs


def soak(a, target, lookup, mixed, workdir):
    """Lookup and mixed wrk runs side by side for a.soak seconds; RSS sampled every tenth."""
    half_t, half_c = max(1, a.threads // 2), max(1, a.connections // 2)
    paths = [os.path.join(workdir, "soak-lookup.json"), os.path.join(workdir, "soak-mixed.json")]
    samples = [(0, rss_kib(target.pid))]
    t0 = time.monotonic()
    procs = [start_wrk(target, lookup, a.soak, half_t, half_c, paths[0]),
             start_wrk(target, mixed, a.soak, half_t, half_c, paths[1])]
    stop = threading.Event()

    def sampler():
        step = a.soak / 10
        k = 1
        while not stop.wait(max(0.0, t0 + k * step - time.monotonic())):
            samples.append((round(time.monotonic() - t0), rss_kib(target.pid)))
            k += 1
            if k >= 10:
                return

    th = threading.Thread(target=sampler, daemon=True)
    th.start()
    results = [finish_wrk(p, j) for p, j in zip(procs, paths)]
    stop.set()
    th.join()
    samples.append((round(time.monotonic() - t0), rss_kib(target.pid)))
    alive = rss_kib(target.pid) is not None
    try:
        with urllib.request.urlopen(f"http://{target.host}/health", timeout=5) as r:
            healthy = r.status == 200
    except (urllib.error.URLError, ConnectionError):
        healthy = False
    return results, samples, alive and healthy


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1000000)
    ap.add_argument("--duration", type=int, default=30, help="seconds per wrk run (default 30)")
    ap.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    ap.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    ap.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load before each run")
    ap.add_argument("--bdis", default=os.path.join(HERE, "..", "..", "build", "server", "bdis"))
    ap.add_argument("--server-threads", type=int, default=0, help="bdis serve --threads (default: its own)")
    ap.add_argument("--no-virtuoso", action="store_true")
    ap.add_argument("--soak", type=int, nargs="?", const=600, default=0,
                    help="after the runs, a soak of SECONDS (600 when no value) on bdis: lookup "
                         "and mixed")
    ap.add_argument("--soak-only", action="store_true", help="skip the side-by-side runs")
    ap.add_argument("--slow-ms", type=float, default=20.0,
                    help="leave out of the mix queries slower than this on any system (default 20, "
                         "the p99 target: such a query alone misses it)")
    ap.add_argument("--exclude", nargs="*", default=[], help="query names to leave out of the mix")
    a = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")

    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    nt = os.path.join(out, f"ess-{a.triples}.nt")
    if not os.path.exists(nt):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_ess_nt.py"), str(a.triples), nt], check=True)
    queries = {os.path.basename(p)[:-3]: p for p in sorted(glob.glob(os.path.join(HERE, "queries", "*.rq")))}
    texts = {n: open(p).read() for n, p in queries.items()}
    workdir = tempfile.mkdtemp(prefix="bdis-httpbench-")
    targets, cleanups = [], []
    try:
        server, bdis, load_secs = start_bdis(a, nt, workdir)
        cleanups.append(lambda: (server.terminate(), server.wait()))
        targets.append(bdis)
        print(f"bdis: loaded {a.triples:,} triples in {load_secs:.1f} s; server pid {server.pid}, "
              f"RSS {rss_kib(server.pid) / 1024:.0f} MiB\n", file=sys.stderr)
        if not a.no_virtuoso and not a.soak_only:
            if shutil.which("virtuoso-t"):
                v = peers.Virtuoso(http_threads=a.connections)
                cleanups.append(v.close)
                secs = v.load(nt, graph=VIRTUOSO_GRAPH)
                host = v.sparql_url().split("//", 1)[1].split("/", 1)[0]
                path = "/sparql?" + urllib.parse.urlencode({"default-graph-uri": VIRTUOSO_GRAPH})
                targets.append(Target("Virtuoso", host, path))
                print(f"Virtuoso: loaded in {secs:.1f} s\n", file=sys.stderr)
            else:
                print("virtuoso-t not found: bdis only\n", file=sys.stderr)

        # Single-request latency of each query decides what the mix leaves out.
        single = {t.name: {n: probe(t, q) for n, q in texts.items()} for t in targets}
        print(f"## HTTP load benchmark: {a.triples:,} ESS-shaped triples\n")
        print(f"wrk {a.threads} threads, {a.connections} connections, keep-alive, {a.duration} s per run "
              f"after {a.warmup} s of warm-up; loopback; {os.cpu_count()} cores shared with the clients.\n")
        print("Single-request latency, median of 3 (ms):\n")
        print("| query | " + " | ".join(t.name for t in targets) + " |")
        print("|---|" + "---:|" * len(targets))
        for n in texts:
            print(f"| {n} | " + " | ".join(f"{single[t.name][n] * 1000:.1f}" for t in targets) + " |")
        slow = [n for n in texts if any(single[t.name][n] * 1000 > a.slow_ms for t in targets)]
        left_out = sorted(set(slow) | set(a.exclude))
        mix = [queries[n] for n in texts if n not in left_out]
        print(f"\nMixed workload: {', '.join(n for n in texts if n not in left_out)}.")
        print(f"Left out: {', '.join(left_out) if left_out else 'none'}"
              f"{f' (slower than {a.slow_ms:g} ms on a single request)' if slow else ''}.\n")
        workloads = [("lookup", [queries["lookup"]]), ("mixed", mix)]
        if left_out:
            workloads.append(("mixed-all", list(queries.values())))

        failures = []
        if not a.soak_only:
            print("| workload | system | requests/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx / socket errors |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---|")
            rates = {}
            for wname, qs in workloads:
                for t in targets:
                    if a.warmup > 0:
                        run_wrk(t, qs, a.warmup, a.threads, a.connections, workdir)
                    r = run_wrk(t, qs, a.duration, a.threads, a.connections, workdir)
                    rates[(wname, t.name)] = r["rps"]
                    if r["status"] or r["socket_errors"]:
                        failures.append(f"{wname} on {t.name}: {r['status']} non-2xx, {r['socket_errors']} "
                                        f"socket errors (connect {r['connect']}, read {r['read']}, "
                                        f"write {r['write']}, timeout {r['timeout']})")
                    print(f"| {wname} | {t.name} | {r['rps']:,.0f} | {ms(r['p50_us'])} | {ms(r['p90_us'])} | "
                          f"{ms(r['p99_us'])} | {ms(r['max_us'])} | {r['requests']:,} | {errors_cell(r)} |",
                          flush=True)
            if len(targets) > 1:
                print()
                for wname, _ in workloads:
                    ratio = rates[(wname, "bdis")] / rates[(wname, "Virtuoso")]
                    print(f"- {wname}: bdis / Virtuoso requests/s = {ratio:.2f}")
            print()

        if a.soak:
            results, samples, healthy = soak(a, bdis, workloads[0][1], workloads[1][1], workdir)
            print(f"### Soak: {a.soak} s on bdis, lookup and mixed side by side "
                  f"(each {max(1, a.threads // 2)} thread(s), {max(1, a.connections // 2)} connections)\n")
            print("| workload | requests/s | p50 ms | p99 ms | max ms | requests | non-2xx / socket errors |")
            print("|---|---:|---:|---:|---:|---:|---|")
            for (wname, _), r in zip(workloads, results):
                print(f"| {wname} | {r['rps']:,.0f} | {ms(r['p50_us'])} | {ms(r['p99_us'])} | {ms(r['max_us'])} | "
                      f"{r['requests']:,} | {errors_cell(r)} |")
                if r["status"] or r["socket_errors"]:
                    failures.append(f"soak {wname}: {r['status']} non-2xx, {r['socket_errors']} socket errors")
            print("\n| seconds | server RSS MiB |")
            print("|---:|---:|")
            for secs, kib in samples:
                print(f"| {secs} | {'gone' if kib is None else f'{kib / 1024:.1f}'} |")
            first, last = samples[0][1], samples[-1][1]
            if first and last:
                print(f"\nRSS start {first / 1024:.1f} MiB, end {last / 1024:.1f} MiB "
                      f"({(last - first) / 1024:+.1f} MiB); server healthy after the soak: "
                      f"{'yes' if healthy else 'NO'}")
            if not healthy:
                failures.append("soak: the server was not healthy afterwards")
            print()

        if failures:
            print("**Errors:**\n\n" + "\n".join(f"- {f}" for f in failures))
            return 1
        print("No errors.")
        return 0
    finally:
        for c in reversed(cleanups):
            c()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
