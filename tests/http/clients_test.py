#!/usr/bin/env python3
"""Real SPARQL clients against a running `bdis serve`: SPARQLWrapper, rdflib's
SPARQLStore and SPARQLUpdateStore (Debian's python3-sparqlwrapper and
python3-rdflib) and curl.

Usage: clients_test.py BDIS_BINARY [unittest options]

The script loads a small store with `bdis load`, starts `bdis serve` on a free
loopback port with a write token, runs the cases and stops the server.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

try:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
    from SPARQLWrapper import (CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML,
                               SPARQLWrapper)
except ImportError as error:  # a setup problem, not a skip: the packages are required
    sys.exit("clients_test.py: %s (install python3-sparqlwrapper and python3-rdflib, "
             "see scripts/install-deps.sh)" % error)

BDIS = None
TOKEN = "client-test-token"
EX = "https://ex.org/"
DATA = """@prefix schema: <https://schema.org/> .
@prefix ex: <https://ex.org/> .
ex:i1 a schema:Organization ; schema:name "AMAP des Lilas"@fr ; schema:postalCode "13001" .
ex:i2 a schema:Organization ; schema:name "Ressourcerie du Port"@fr ; schema:postalCode "13002" .
ex:i3 a schema:Organization ; schema:name "Café \\"associatif\\", 3€"@fr .
"""
GRAPH_DATA = """<https://ex.org/g1s> <https://ex.org/p> "in g1" .
"""

SELECT_NAMES = """PREFIX schema: <https://schema.org/>
SELECT ?i ?name WHERE { ?i a schema:Organization ; schema:name ?name } ORDER BY ?i"""
CONSTRUCT = """PREFIX schema: <https://schema.org/>
CONSTRUCT { ?i schema:name ?name } WHERE { ?i schema:name ?name }"""


class Server:
    """A `bdis serve` child process over a store in a temporary folder."""

    def __init__(self, binary):
        self.dir = tempfile.mkdtemp(prefix="bdis-clients-")
        self.store = os.path.join(self.dir, "store")
        data = os.path.join(self.dir, "data.ttl")
        with open(data, "w", encoding="utf-8") as f:
            f.write(DATA)
        graph = os.path.join(self.dir, "g1.nt")
        with open(graph, "w", encoding="utf-8") as f:
            f.write(GRAPH_DATA)
        subprocess.run([binary, "load", "--store", self.store, data], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([binary, "load", "--store", self.store, "--graph", EX + "g1", graph],
                       check=True, stdout=subprocess.DEVNULL)
        tokens = os.path.join(self.dir, "tokens")
        with open(tokens, "w", encoding="utf-8") as f:
            f.write(TOKEN + "\n")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = "http://127.0.0.1:%d" % self.port
        self.log = open(os.path.join(self.dir, "server.log"), "w+")
        self.process = subprocess.Popen(
            [binary, "serve", "--store", self.store, "--port", str(self.port),
             "--write-token-file", tokens], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("bdis serve did not start")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


SERVER = None


def setUpModule():
    global SERVER
    SERVER = Server(BDIS)


def tearDownModule():
    if SERVER:
        SERVER.stop()


def updates_available():
    """Whether the server executes SPARQL Update (it answers 501 while it does not)."""
    request = urllib.request.Request(SERVER.base + "/update", data=b"CLEAR GRAPH <urn:none>",
                                     headers={"Content-Type": "application/sparql-update",
                                              "Authorization": "Bearer " + TOKEN})
    try:
        with urllib.request.urlopen(request, timeout=10):
            return True
    except urllib.error.HTTPError as e:
        return e.code != 501


class SparqlWrapperTest(unittest.TestCase):
    def wrapper(self, fmt, query=SELECT_NAMES):
        w = SPARQLWrapper(SERVER.base + "/sparql")
        w.setQuery(query)
        w.setReturnFormat(fmt)
        return w

    def test_select_json(self):
        result = self.wrapper(JSON).query().convert()
        self.assertEqual(result["head"]["vars"], ["i", "name"])
        names = [b["name"]["value"] for b in result["results"]["bindings"]]
        self.assertEqual(names, ["AMAP des Lilas", "Ressourcerie du Port", "Café \"associatif\", 3€"])
        self.assertEqual(result["results"]["bindings"][0]["name"]["xml:lang"], "fr")

    def test_select_xml(self):
        document = self.wrapper(XML).query().convert()  # an xml.dom.minidom document
        literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]
        self.assertIn("Ressourcerie du Port", literals)
        self.assertEqual(len(document.getElementsByTagName("result")), 3)

    def test_select_csv_and_tsv(self):
        csv = self.wrapper(CSV).query().convert().decode("utf-8")
        self.assertEqual(csv.splitlines()[0], "i,name")
        self.assertIn('https://ex.org/i3,"Café ""associatif"", 3€"', csv)
        tsv = self.wrapper(TSV).query().convert().decode("utf-8")
        self.assertEqual(tsv.splitlines()[0], "?i\t?name")
        self.assertIn('<https://ex.org/i1>\t"AMAP des Lilas"@fr', tsv)

    def test_ask(self):
        self.assertTrue(self.wrapper(JSON, "ASK { <https://ex.org/i1> ?p ?o }").query().convert()["boolean"])
        self.assertFalse(self.wrapper(XML, "ASK { <https://ex.org/nope> ?p ?o }")
                         .query().convert().getElementsByTagName("boolean")[0].firstChild.data == "true")

    def test_construct_to_rdflib_graph(self):
        turtle = self.wrapper(TURTLE, CONSTRUCT).query().convert()
        graph = rdflib.Graph().parse(data=turtle, format="turtle")
        self.assertEqual(len(graph), 3)
        name = graph.value(rdflib.URIRef(EX + "i2"), rdflib.URIRef("https://schema.org/name"))
        self.assertEqual(name, rdflib.Literal("Ressourcerie du Port", lang="fr"))
        # SPARQLWrapper 1.8.5 offers JSON-LD only with the separate rdflib-jsonld package;
        # rdflib 6 reads JSON-LD itself.
        request = urllib.request.Request(
            SERVER.base + "/sparql?query=" + urllib.parse.quote(CONSTRUCT),
            headers={"Accept": "application/ld+json"})
        with urllib.request.urlopen(request) as response:
            self.assertTrue(response.headers["Content-Type"].startswith("application/ld+json"))
            jsonld = rdflib.Graph().parse(data=response.read(), format="json-ld")
        self.assertEqual(set(jsonld), set(graph))

    def test_post_form_and_direct(self):
        for method in ("urlencoded", POSTDIRECTLY):
            w = self.wrapper(JSON)
            w.setMethod(POST)
            w.setRequestMethod(method)
            result = w.query().convert()
            self.assertEqual(len(result["results"]["bindings"]), 3, method)

    def test_default_graphs(self):
        query = "SELECT ?o WHERE { ?s <https://ex.org/p> ?o }"
        w = self.wrapper(JSON, query)
        w.addDefaultGraph(EX + "g1")
        w.addDefaultGraph(EX + "nothing-here")  # a repeated default-graph-uri
        rows = w.query().convert()["results"]["bindings"]
        self.assertEqual([r["o"]["value"] for r in rows], ["in g1"])
        self.assertEqual(self.wrapper(JSON, query).query().convert()["results"]["bindings"], [])

    def test_update_with_bearer_token(self):
        if not updates_available():
            self.skipTest("SPARQL Update is not executed by this build (501)")
        w = SPARQLWrapper(SERVER.base + "/sparql", updateEndpoint=SERVER.base + "/update")
        w.setMethod(POST)
        w.addCustomHttpHeader("Authorization", "Bearer " + TOKEN)
        w.setQuery('INSERT DATA { GRAPH <https://ex.org/sw> { <https://ex.org/a> <https://ex.org/p> "sw" } }')
        w.query()
        check = self.wrapper(JSON, 'ASK { GRAPH <https://ex.org/sw> { ?s ?p "sw" } }')
        self.assertTrue(check.query().convert()["boolean"])
        refused = SPARQLWrapper(SERVER.base + "/sparql", updateEndpoint=SERVER.base + "/update")
        refused.setMethod(POST)
        refused.setQuery("CLEAR ALL")
        with self.assertRaises(Exception):
            refused.query()
        self.assertTrue(check.query().convert()["boolean"])


class RdflibStoreTest(unittest.TestCase):
    def test_sparql_store_query(self):
        for method, fmt in (("GET", "xml"), ("GET", "json"), ("POST", "json"), ("POST_FORM", "csv")):
            store = SPARQLStore(SERVER.base + "/sparql", method=method, returnFormat=fmt)
            graph = rdflib.Graph(store=store)
            rows = list(graph.query(SELECT_NAMES))
            self.assertEqual(len(rows), 3, (method, fmt))
            self.assertEqual(str(rows[0][1]), "AMAP des Lilas")
            if fmt != "csv":  # CSV carries no language tags
                self.assertEqual(rows[0][1].language, "fr")
            if fmt != "csv":  # rdflib reads no boolean from CSV
                ask = graph.query("ASK { ?s <https://schema.org/postalCode> \"13002\" }")
                self.assertTrue(ask.askAnswer, (method, fmt))

    def test_sparql_store_triples(self):
        graph = rdflib.Graph(store=SPARQLStore(SERVER.base + "/sparql", returnFormat="json"))
        names = set(graph.objects(rdflib.URIRef(EX + "i1"), rdflib.URIRef("https://schema.org/name")))
        self.assertEqual(names, {rdflib.Literal("AMAP des Lilas", lang="fr")})
        self.assertEqual(len(graph), 9)

    def test_sparql_update_store(self):
        if not updates_available():
            self.skipTest("SPARQL Update is not executed by this build (501)")
        store = SPARQLUpdateStore(SERVER.base + "/sparql", SERVER.base + "/update",
                                  returnFormat="json",
                                  headers={"Authorization": "Bearer " + TOKEN})
        graph = rdflib.Graph(store=store, identifier=rdflib.URIRef(EX + "rdflib"))
        graph.add((rdflib.URIRef(EX + "r"), rdflib.URIRef(EX + "p"), rdflib.Literal("from rdflib")))
        # rdflib wraps the blocks of a graph's updates in GRAPH <identifier> itself.
        graph.update('INSERT DATA { <https://ex.org/r> <https://ex.org/p> "second" }')
        found = SPARQLStore(SERVER.base + "/sparql", returnFormat="json")
        rows = list(rdflib.Graph(store=found).query(
            "SELECT ?o WHERE { GRAPH <https://ex.org/rdflib> { <https://ex.org/r> ?p ?o } } ORDER BY ?o"))
        self.assertEqual([str(r[0]) for r in rows], ["from rdflib", "second"])
        anonymous = SPARQLUpdateStore(SERVER.base + "/sparql", SERVER.base + "/update")
        with self.assertRaises(urllib.error.HTTPError) as refused:
            anonymous.update("CLEAR ALL")
        self.assertEqual(refused.exception.code, 401)


class CurlTest(unittest.TestCase):
    def curl(self, *args):
        result = subprocess.run(["curl", "-sS", "-w", "\n%{http_code}", *args],
                                capture_output=True, check=True, text=True)
        body, _, status = result.stdout.rpartition("\n")
        return int(status), body

    def test_get_and_post_with_data_urlencode(self):
        status, body = self.curl("-G", SERVER.base + "/sparql", "--data-urlencode", "query=" + SELECT_NAMES,
                                 "-H", "Accept: text/csv")
        self.assertEqual(status, 200)
        self.assertEqual(body.splitlines()[1], "https://ex.org/i1,AMAP des Lilas")
        status, body = self.curl(SERVER.base + "/sparql", "--data-urlencode", "query=" + SELECT_NAMES,
                                 "-H", "Accept: application/sparql-results+json")
        self.assertEqual(status, 200)
        self.assertEqual(len(json.loads(body)["results"]["bindings"]), 3)
        status, body = self.curl(SERVER.base + "/sparql", "--data-binary", "ASK {}",
                                 "-H", "Content-Type: application/sparql-query")
        self.assertEqual((status, json.loads(body)["boolean"]), (200, True))

    def test_errors(self):
        status, body = self.curl("-G", SERVER.base + "/sparql", "--data-urlencode", "query=SELECT ?x WHERE {")
        self.assertEqual(status, 400)
        self.assertIn("line", json.loads(body))
        status, _ = self.curl(SERVER.base + "/update", "--data-urlencode", "update=CLEAR ALL")
        self.assertEqual(status, 401)

    def test_update_with_data_urlencode(self):
        if not updates_available():
            self.skipTest("SPARQL Update is not executed by this build (501)")
        status, _ = self.curl(SERVER.base + "/update", "-H", "Authorization: Bearer " + TOKEN,
                              "--data-urlencode",
                              'update=INSERT DATA { <https://ex.org/c> <https://ex.org/by> "curl & co" }')
        self.assertIn(status, (200, 204))
        status, body = self.curl("-G", SERVER.base + "/sparql", "--data-urlencode",
                                 'query=ASK { ?s ?p "curl & co" }')
        self.assertTrue(json.loads(body)["boolean"])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    BDIS = sys.argv.pop(1)
    result = unittest.main(verbosity=2, exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
