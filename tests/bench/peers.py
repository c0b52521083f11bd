"""Side-by-side peers for the benchmarks: a private Virtuoso instance and
Oxigraph (npm, WebAssembly, in memory), driven the same way as bdis.
Each helper returns wall-clock seconds and, where it applies, bytes on disk
and peak memory."""
import os
import resource
import shutil
import socket
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def timed(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS bytes of the child, completed process)."""
    t0 = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    secs = time.monotonic() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return secs, max(peak, before * 1024), p


def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.stat(os.path.join(root, f)).st_blocks * 512
            except OSError:
                pass
    return total


class Virtuoso:
    """A throwaway Virtuoso 7 instance bound to loopback."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="bdis-virtuoso-")
        self.port = free_port()
        self.http = free_port()
        ini = os.path.join(self.dir, "virtuoso.ini")
        with open(ini, "w") as f:
            f.write(f"""[Database]
DatabaseFile = {self.dir}/virtuoso.db
ErrorLogFile = {self.dir}/virtuoso.log
TransactionFile = {self.dir}/virtuoso.trx
xa_persistent_file = {self.dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {self.dir}/virtuoso-temp.db
TransactionFile = {self.dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.port}
NumberOfBuffers = 680000
MaxDirtyBuffers = 500000
DirsAllowed = ., /tmp, {self.dir}, {os.path.abspath(os.path.join(HERE, 'out'))}
MaxQueryExecutionTime = 600
ResultSetMaxRows = 100000000
[HTTPServer]
ServerPort = 127.0.0.1:{self.http}
[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = 600
""")
        self.proc = subprocess.Popen(["virtuoso-t", "+configfile", ini, "+foreground"],
                                     cwd=self.dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(120):
            if self.sql("SELECT 1;", check=False).returncode == 0:
                return
            time.sleep(0.5)
        raise RuntimeError("virtuoso did not start")

    def sql(self, statement, check=True):
        p = subprocess.run(["isql-vt", str(self.port), "dba", "dba", f"exec={statement}"],
                           capture_output=True, text=True)
        if check and p.returncode != 0:
            raise RuntimeError(p.stdout + p.stderr)
        return p

    def load(self, path, graph="http://bench/"):
        d = os.path.dirname(os.path.abspath(path))
        name = os.path.basename(path)
        self.sql(f"ld_dir('{d}', '{name}', '{graph}');")
        t0 = time.monotonic()
        self.sql("rdf_loader_run();")
        self.sql("checkpoint;")
        return time.monotonic() - t0

    def bytes_on_disk(self):
        return dir_bytes(self.dir)

    def sparql_url(self):
        return f"http://127.0.0.1:{self.http}/sparql"

    def close(self):
        try:
            self.sql("shutdown;", check=False)
            self.proc.wait(timeout=60)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def oxigraph_available():
    return os.path.exists(os.path.join(oxigraph_dir(), "node_modules", "oxigraph"))


def oxigraph_dir():
    return os.environ.get("OXIGRAPH_DIR", "/opt/peers")


def oxigraph_load(path):
    """Loads N-Triples into an in-memory Oxigraph; returns (seconds, peak RSS bytes, triples)."""
    script = f"""
const ox = require('{oxigraph_dir()}/node_modules/oxigraph');
const fs = require('fs');
const data = fs.readFileSync(process.argv[1], 'utf8');
const store = new ox.Store();
const t0 = process.hrtime.bigint();
store.load(data, {{format: 'application/n-triples', no_transaction: true}});
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({{secs, size: store.size, rss: process.memoryUsage().rss}}));
"""
    import json
    p = subprocess.run(["node", "--max-old-space-size=16000", "-e", script, path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-2000:])
    r = json.loads(p.stdout.strip().splitlines()[-1])
    return r["secs"], r["rss"], r["size"]
