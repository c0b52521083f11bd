"""Side-by-side peers for the benchmarks: a private Virtuoso instance and
Oxigraph (npm, WebAssembly, in memory), driven the same way as bdis.
Each helper returns wall-clock seconds and, where it applies, bytes on disk
and peak memory."""
import os
import re
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
    """Runs cmd; returns (wall seconds, peak RSS bytes of this child alone,
    completed process with returncode/stdout/stderr, cpu = user+system seconds
    and anon = peak anonymous (heap) memory in bytes, sampled every 20 ms).
    os.wait4 gives the child's own rusage (RUSAGE_CHILDREN would be the maximum
    over every child reaped so far, Virtuoso included). RSS also counts the
    store's file pages mapped by LMDB (page cache); anonymous memory does not."""
    import threading
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, **kw)
        anon = [0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                a = status_field(p.pid, "RssAnon:")
                if a:
                    anon[0] = max(anon[0], a)
                stop.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, ru = os.wait4(p.pid, 0)
        stop.set()
        sampler.join()
        secs = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(cmd, p.returncode, out.read().decode(errors="replace"),
                                           err.read().decode(errors="replace"))
    done.cpu = ru.ru_utime + ru.ru_stime
    done.anon = anon[0]
    return secs, ru.ru_maxrss * 1024, done


def status_field(pid, name):
    """A memory field of /proc/PID/status (e.g. "VmHWM:") in bytes, or None."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(name):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def peak_rss(pid):
    """Peak resident memory (VmHWM) of a running process, in bytes, or None."""
    return status_field(pid, "VmHWM:")


def cpu_seconds(pid):
    """User + system CPU seconds used so far by a running process."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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

    def __init__(self, http_threads=None):
        """http_threads: HTTP worker threads and kept-alive connections (Virtuoso's defaults
        when None; the SQL thread pool grows to match); a load benchmark gives one per client
        connection so that requests do not queue for a thread."""
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
{f"ServerThreads = {http_threads + 10}" if http_threads else ""}
[HTTPServer]
ServerPort = 127.0.0.1:{self.http}
{self._threads(http_threads)}[SPARQL]
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

    @staticmethod
    def _threads(n):
        if not n:
            return ""
        return f"ServerThreads = {n}\nMaxKeepAlives = {n}\nKeepAliveTimeout = 60\n"

    def sql(self, statement, check=True):
        p = subprocess.run(["isql-vt", str(self.port), "dba", "dba", f"exec={statement}"],
                           capture_output=True, text=True)
        if check and p.returncode != 0:
            raise RuntimeError(p.stdout + p.stderr)
        return p

    def load(self, path, graph="http://bench/"):
        """Bulk-loads one file; returns the seconds it took (see bulk_load)."""
        return self.bulk_load(path, graph)[0]

    def bulk_load(self, path, graph="http://bench/"):
        """Bulk-loads one file (ld_dir + rdf_loader_run + checkpoint); returns
        (seconds, triples loaded, CPU seconds of the server during the load).
        Raises when the loader recorded an error."""
        d = os.path.dirname(os.path.abspath(path))
        name = os.path.basename(path)
        self.sql(f"ld_dir('{d}', '{name}', '{graph}');")
        pending = self.sql("SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_state = 0;").stdout
        if not re.search(r"^\s*1\s*$", pending, re.M):
            raise RuntimeError("ld_dir did not register the file (DirsAllowed?): " + pending)
        cpu0 = cpu_seconds(self.proc.pid)
        t0 = time.monotonic()
        self.sql("rdf_loader_run();")
        self.sql("checkpoint;")
        secs = time.monotonic() - t0
        cpu = cpu_seconds(self.proc.pid) - cpu0
        errors = self.sql("SELECT ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;").stdout
        if "0 Rows" not in errors:
            raise RuntimeError("virtuoso loader error: " + errors[-2000:])
        count = self.sql(f"SPARQL SELECT COUNT(*) FROM <{graph}> WHERE {{ ?s ?p ?o }};").stdout
        m = re.search(r"^\s*(\d+)\s*$", count, re.M)
        return secs, int(m.group(1)) if m else 0, cpu

    def peak_rss(self):
        return peak_rss(self.proc.pid)

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
    """Loads N-Triples into an in-memory Oxigraph (npm, WebAssembly), 64 MiB of
    whole lines per load() call (a JS string cannot hold a 1 GB file); the time
    includes reading the file, as bdis's does. Returns (seconds, peak RSS bytes,
    triples, CPU seconds)."""
    script = f"""
const ox = require('{oxigraph_dir()}/node_modules/oxigraph');
const fs = require('fs');
const t0 = process.hrtime.bigint();
const store = new ox.Store();
const fd = fs.openSync(process.argv[1], 'r');
const buf = Buffer.alloc(64 << 20);
let carry = Buffer.alloc(0);
for (;;) {{
  const n = fs.readSync(fd, buf, 0, buf.length, null);
  const data = Buffer.concat([carry, buf.subarray(0, n)]);
  const cut = n === 0 ? data.length : data.lastIndexOf(10) + 1;
  if (cut > 0) store.load(data.subarray(0, cut).toString('utf8'),
                          {{format: 'application/n-triples', no_transaction: true}});
  carry = Buffer.from(data.subarray(cut));
  if (n === 0) break;
}}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({{secs, size: store.size}}));
"""
    import json
    secs_wall, peak, p = timed(["node", "--max-old-space-size=16000", "-e", script, path])
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-2000:])
    r = json.loads(p.stdout.strip().splitlines()[-1])
    return r["secs"], peak, r["size"], p.cpu
