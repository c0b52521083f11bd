#!/usr/bin/env python3
"""The Linked Data routes read by an independent parser (Debian's python3-rdflib):
every syntax /id/... and /catalog offer by negotiation carries the same graph.

Usage: linked_data_formats_test.py BDIS_BINARY [unittest options]
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

try:
    import rdflib
    from rdflib.compare import isomorphic
except ImportError as error:
    sys.exit("linked_data_formats_test.py: %s (install python3-rdflib)" % error)

BDIS = None
DATA = """@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
<https://w3id.org/bdis/id/initiative/siret/1> a ess:Initiative ;
  ess:name "Café \\"l'Îlot\\" <b>&</b>"@fr , "Cafe"@en ;
  ess:hasAddress [ ess:postalCode "13001" ; ess:locality "Marseille" ] ;
  wgs:lat "43.3"^^xsd:decimal ; wgs:long "5.4"^^xsd:decimal ;
  ess:employees 12 ; ess:foundingDate "2001-02-03"^^xsd:date .
<https://w3id.org/bdis/id/network/n> ess:member <https://w3id.org/bdis/id/initiative/siret/1> .
"""
SOURCE = """@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/bdis/id/source/s> a ess:Source ; dcterms:title "Source\\nsur deux lignes" ;
  dcterms:license <https://www.etalab.gouv.fr/licence-ouverte-open-licence> ;
  ess:retrievedAt "2026-11-02T10:00:00Z"^^xsd:dateTime .
"""

FORMATS = {  # media type -> rdflib parser name
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


class Server:
    def __init__(self, binary):
        self.dir = tempfile.mkdtemp(prefix="bdis-ld-")
        store = os.path.join(self.dir, "store")
        data = os.path.join(self.dir, "data.ttl")
        with open(data, "w", encoding="utf-8") as f:
            f.write(DATA)
        subprocess.run([binary, "load", "--store", store, data], check=True,
                       stdout=subprocess.DEVNULL)
        source = os.path.join(self.dir, "source.ttl")
        with open(source, "w", encoding="utf-8") as f:
            f.write(SOURCE)
        subprocess.run([binary, "load", "--store", store, "--graph",
                        "https://w3id.org/bdis/id/source/s", source], check=True,
                       stdout=subprocess.DEVNULL)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = "http://127.0.0.1:%d" % self.port
        self.log = open(os.path.join(self.dir, "server.log"), "w+")
        self.process = subprocess.Popen([binary, "serve", "--store", store, "--port",
                                         str(self.port)], stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1).read()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("bdis serve did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=20)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


SERVER = None


def fetch(path, accept):
    req = urllib.request.Request(SERVER.base + path, headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.headers.get("Content-Type"), r.read()


def graph(path, accept):
    ctype, body = fetch(path, accept)
    if accept != "application/rdf+xml" or path.startswith("/catalog"):
        assert ctype.split(";")[0] == accept, (path, accept, ctype)
    g = rdflib.Graph()
    g.parse(data=body, format=FORMATS[accept], publicID=SERVER.base + path)
    return g


class SameGraphInEverySyntax(unittest.TestCase):
    def check(self, path, formats):
        graphs = {f: graph(path, f) for f in formats}
        reference = graphs["application/n-triples"]
        self.assertGreater(len(reference), 3)
        for f, g in graphs.items():
            self.assertTrue(isomorphic(g, reference), "%s %s differs from N-Triples" % (path, f))

    def test_resource(self):
        self.check("/id/initiative/siret/1",
                   ["text/turtle", "application/n-triples", "application/ld+json"])
        g = graph("/id/initiative/siret/1", "text/turtle")
        i = rdflib.URIRef("https://w3id.org/bdis/id/initiative/siret/1")
        ess = rdflib.Namespace("https://w3id.org/bdis/ess#")
        self.assertIn(rdflib.Literal("Café \"l'Îlot\" <b>&</b>", lang="fr"),
                      list(g.objects(i, ess.name)))
        address = g.value(i, ess.hasAddress)
        self.assertIsInstance(address, rdflib.BNode)
        self.assertEqual(str(g.value(address, ess.locality)), "Marseille")
        self.assertIn((rdflib.URIRef("https://w3id.org/bdis/id/network/n"), ess.member, i), g)

    def test_vocabulary(self):
        for path in ("/ess", "/ess/cj/5458"):
            self.check(path, ["text/turtle", "application/n-triples", "application/ld+json"])
        g = graph("/ess", "application/ld+json")
        ess = rdflib.Namespace("https://w3id.org/bdis/ess#")
        self.assertIn(rdflib.Literal("Initiative de l'ESS", lang="fr"),
                      list(g.objects(ess.Initiative, rdflib.RDFS.label)))

    def test_catalog(self):
        self.check("/catalog", list(FORMATS))
        self.check("/.well-known/void", list(FORMATS))
        g = graph("/catalog", "application/rdf+xml")
        DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
        VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
        ds = rdflib.URIRef(SERVER.base + "/catalog#dataset")
        self.assertIn((ds, rdflib.RDF.type, DCAT.Dataset), g)
        self.assertEqual(int(g.value(ds, VOID.triples)), 15)
        self.assertEqual(str(g.value(rdflib.URIRef("https://w3id.org/bdis/id/source/s"),
                                     rdflib.URIRef("http://purl.org/dc/terms/title"))),
                         "Source\nsur deux lignes")


if __name__ == "__main__":
    BDIS = sys.argv.pop(1)
    SERVER = Server(BDIS)
    try:
        unittest.main(verbosity=2)
    finally:
        SERVER.stop()
