#!/usr/bin/env python3
"""Writes ESS-shaped N-Triples for the benchmarks: initiatives with names,
descriptions, legal forms, activities, addresses in real communes (weighted by
population when ../shared/data/communes is present), coordinates, SIRET numbers,
network memberships with dates. Deterministic for a given seed.

usage: gen_ess_nt.py TRIPLES OUT.nt [--seed N] [--communes communes.csv]
"""
import argparse
import csv
import os
import random
import sys

ESS = "https://w3id.org/bdis/ess#"
SCHEMA = "http://schema.org/"
ORG = "http://www.w3.org/ns/org#"
GEO = "http://www.opengis.net/ont/geosparql#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "https://data.bdis.example/id/"

KINDS = ["AMAP", "Ressourcerie", "Recyclerie", "Épicerie solidaire", "Café associatif",
         "SCOP du bâtiment", "Coopérative d'habitants", "Jardin partagé", "Repair café",
         "Monnaie locale", "Mutuelle", "Fablab", "Librairie coopérative", "Boulangerie bio",
         "Chantier d'insertion", "Crèche parentale", "Garage solidaire", "Friperie"]
WORDS = ["des Lilas", "du Quartier", "Terre et Partage", "La Fourmilière", "Les Colibris",
         "Solid'Air", "Le Grain de Sel", "L'Entraide", "Bio & Local", "Les Paniers Verts",
         "La Clé", "Atelier Vélo", "Court-Circuit", "Le Relais", "Les Jardins d'Émile"]
LEGAL = ["9220", "9210", "5458", "5558", "8210", "9300", "5499", "5710"]
NAF = ["01.13Z", "10.71C", "38.32Z", "47.11F", "56.30Z", "41.20A", "88.99B", "94.99Z",
       "47.79Z", "85.59A", "90.01Z", "64.92Z"]
NETWORKS = ["mes", "miramap", "apeas", "cress-paca", "cress-idf", "ess-france", "ripess"]
DESCR = ["Une initiative locale de l'économie sociale et solidaire qui favorise le réemploi.",
         "Paniers hebdomadaires de légumes bio produits par des maraîchers partenaires.",
         "Insertion par l'activité économique et formation aux métiers du recyclage.",
         "Lieu convivial, ouvert à tous, avec ateliers et concerts le week-end.",
         "Coopérative de production détenue par ses salariés, gouvernance démocratique.",
         "Épicerie à prix solidaires pour les familles du quartier, circuits courts."]


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits + "0")):
        n = int(d)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return digits + str((10 - total % 10) % 10)


def load_communes(path):
    rows = []
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["commune_type"] != "COM" or not r["lat"] or not r["population_2021"]:
                    continue
                rows.append((r["insee_com"], r["commune_article"], r["code_postal"], float(r["lat"]),
                             float(r["lng"]), max(1, int(float(r["population_2021"])))))
    if not rows:
        rng = random.Random(7)
        for i in range(2000):
            rows.append((f"{i:05d}", f"Commune {i}", f"{10000 + i:05d}",
                         rng.uniform(42.5, 50.9), rng.uniform(-4.5, 7.5), rng.randint(100, 50000)))
    return rows


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("triples", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("BDIS_SHARED", os.path.join(here, "..", "..", "..", "shared"))
    ap.add_argument("--communes", default=os.path.join(shared, "data", "communes", "communes.csv"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    communes = load_communes(a.communes)
    weights = [c[5] for c in communes]
    written = 0
    i = 0
    with open(a.out, "w", encoding="utf-8") as out:
        w = out.write
        # Networks first.
        for n in NETWORKS:
            w(f"<{BASE}network/{n}> <{RDF_TYPE}> <{ESS}Network> .\n")
            w(f"<{BASE}network/{n}> <{SCHEMA}name> \"Réseau {n.upper()}\"@fr .\n")
            written += 2
        batch = 4096
        while written < a.triples:
            picks = rng.choices(communes, weights=weights, k=batch)
            for c in picks:
                if written >= a.triples:
                    break
                i += 1
                s = f"<{BASE}initiative/{i}>"
                kind = rng.choice(KINDS)
                name = f"{kind} {rng.choice(WORDS)} {c[1]}"
                lat = c[3] + rng.uniform(-0.02, 0.02)
                lon = c[4] + rng.uniform(-0.02, 0.02)
                siret = luhn_complete(f"{rng.randrange(10**8, 10**9)}{rng.randrange(1, 9999):04d}")
                lines = [
                    f"{s} <{RDF_TYPE}> <{ESS}Initiative> .",
                    f"{s} <{SCHEMA}name> \"{esc(name)}\"@fr .",
                    f"{s} <{SCHEMA}description> \"{esc(rng.choice(DESCR))}\"@fr .",
                    f"{s} <{ESS}legalCategory> <{BASE}legal/{rng.choice(LEGAL)}> .",
                    f"{s} <{ESS}activity> <{BASE}naf/{rng.choice(NAF)}> .",
                    f"{s} <{ESS}siret> \"{siret}\" .",
                    f"{s} <{SCHEMA}postalCode> \"{c[2]}\" .",
                    f"{s} <{ESS}commune> <{BASE}commune/{c[0]}> .",
                    f"{s} <{GEO}asWKT> \"POINT({lon:.5f} {lat:.5f})\"^^<{GEO}wktLiteral> .",
                    f"{s} <{ESS}foundingDate> \"{rng.randint(1950, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\"^^<{XSD}date> .",
                    f"{s} <{ESS}employees> \"{rng.randint(0, 250)}\"^^<{XSD}integer> .",
                ]
                for n in rng.sample(NETWORKS, rng.choice([1, 1, 1, 2])):
                    m = f"<{BASE}membership/{i}-{n}>"
                    lines += [f"{m} <{ORG}member> {s} .", f"{m} <{ORG}organization> <{BASE}network/{n}> .",
                              f"{m} <{ORG}memberDuring> \"{rng.randint(2000, 2024)}\"^^<{XSD}gYear> ."]
                w("\n".join(lines) + "\n")
                written += len(lines)
    print(f"wrote {written} triples ({i} initiatives) to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
