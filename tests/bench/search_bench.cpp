// Search benchmark (docs/search.md, tests/bench/README.md): index build rates and
// indexed text / radius queries against the scans they replace, on a loaded store.
//
// usage: search_bench STORE [RUNS] [--keep] [--only WORDS] [--no-scan]
// The store is opened read-only; its text index (STORE/text) is rebuilt unless --keep.
// --only runs the queries whose name contains WORDS; --no-scan skips the scans.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "rdf/error.h"
#include "rdf/store.h"
#include "sparql/engine.h"
#include "sparql/ext/search_indexes.h"
#include "tests/bench/search_bench_util.h"

namespace {

using namespace bdis;
using bench::Clock;

double seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

const char* const kPrefixes =
    "PREFIX schema: <http://schema.org/>\n"
    "PREFIX text: <http://jena.apache.org/text#>\n"
    "PREFIX bif: <http://www.openlinksw.com/schemas/bif#>\n"
    "PREFIX geo: <http://www.opengis.net/ont/geosparql#>\n"
    "PREFIX geof: <http://www.opengis.net/def/function/geosparql/>\n"
    "PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>\n";

/// Median wall time in ms over `runs` runs, and the row count.
std::pair<double, uint64_t> time(const rdf::Store& store, const std::string& query, int runs) {
  return bench::medianQuery(store, std::string(kPrefixes) + query, runs);
}

struct Pair {
  std::string name, indexed, scan;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_bench STORE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  bool keep = false, scans = true;
  std::string only;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--keep") keep = true;
    if (a == "--no-scan") scans = false;
    if (a == "--only" && i + 1 < argc) only = argv[++i];
  }
  try {
    rdf::StoreOptions o;
    o.create = false;
    o.readOnly = true;
    auto store = rdf::Store::open(argv[1], o);
    auto txn = store->beginRead();
    std::printf("store: %llu triples\n", static_cast<unsigned long long>(txn->stats().quads));

    auto start = Clock::now();
    auto indexes = sparql::ext::SearchIndexes::open(*store);
    double openSeconds = seconds(start);
    std::printf("open of the indexes: %.2f s\n", openSeconds);
    if (!keep) {
      start = Clock::now();
      uint64_t docs = indexes->text().rebuild(*txn);
      double textSeconds = seconds(start);
      start = Clock::now();
      size_t points = indexes->geo().rebuild(*txn);
      double geoSeconds = seconds(start);
      start = Clock::now();
      indexes->text().reconcile(*txn, true);
      double diffSeconds = seconds(start);
      std::printf("text index build: %llu documents in %.2f s (%.0f documents/s)\n",
                  static_cast<unsigned long long>(docs), textSeconds, docs / textSeconds);
      std::printf("geo index build: %zu points in %.3f s (%.2f s per million)\n", points,
                  geoSeconds, points ? geoSeconds * 1e6 / static_cast<double>(points) : 0.0);
      std::printf("full store/index comparison (done at open): %.2f s\n", diffSeconds);
    }

    const std::string centre = "\"POINT(5.37 43.30)\"^^geo:wktLiteral";
    std::vector<Pair> pairs = {
        {"text, selective word (name)",
         "SELECT ?s WHERE { ?s text:query (schema:name \"fourmilière\") }",
         "SELECT ?s WHERE { ?s schema:name ?n FILTER(CONTAINS(LCASE(?n), \"fourmilière\")) }"},
        {"text, two words (name)",
         "SELECT ?s WHERE { ?s text:query (schema:name \"ressourcerie colibris\") }",
         "SELECT ?s WHERE { ?s schema:name ?n FILTER(CONTAINS(LCASE(?n), \"ressourcerie\") && "
         "CONTAINS(LCASE(?n), \"colibris\")) }"},
        {"text, Virtuoso form",
         "SELECT ?s WHERE { ?s schema:name ?n . ?n bif:contains \"'boulangerie' AND 'lilas'\" }",
         "SELECT ?s WHERE { ?s schema:name ?n FILTER(CONTAINS(LCASE(?n), \"boulangerie\") && "
         "CONTAINS(LCASE(?n), \"lilas\")) }"},
        {"text + join (name and legal category)",
         "SELECT ?s ?l WHERE { ?s text:query (schema:name \"fourmilière\") . "
         "?s <https://w3id.org/bdis/ess#legalCategory> ?l }",
         "SELECT ?s ?l WHERE { ?s schema:name ?n FILTER(CONTAINS(LCASE(?n), \"fourmilière\")) "
         "?s <https://w3id.org/bdis/ess#legalCategory> ?l }"},
        {"radius 5 km",
         "SELECT ?s WHERE { ?s geo:asWKT ?w FILTER(geof:distance(?w, " + centre +
             ", uom:kilometre) < 5) }",
         ""},
        {"radius 20 km + name",
         "SELECT ?s ?n WHERE { ?s geo:asWKT ?w ; schema:name ?n "
         "FILTER(geof:distance(?w, " +
             centre + ", uom:kilometre) < 20) }",
         ""},
        {"nearest 10",
         "SELECT ?s WHERE { ?s geo:asWKT ?w } ORDER BY geof:distance(?w, " + centre +
             ", uom:metre) LIMIT 10",
         ""},
        {"bounding box (sfWithin)",
         "SELECT ?s WHERE { ?s geo:asWKT ?w FILTER(geof:sfWithin(?w, "
         "\"POLYGON((5.2 43.2, 5.6 43.2, 5.6 43.4, 5.2 43.4, 5.2 43.2))\"^^geo:wktLiteral)) }",
         ""},
    };
    std::printf(
        "\n| query | indexed ms | rows | scan ms | rows | speed-up "
        "|\n|---|---:|---:|---:|---:|---:|\n");
    for (const auto& p : pairs) {
      if (!only.empty() && p.name.find(only) == std::string::npos) continue;
      sparql::ext::setActiveIndexes(indexes);
      auto [ims, irows] = time(*store, p.indexed, runs);
      // The scan: the same query without indexes (geo), or the CONTAINS(LCASE()) filter (text).
      sparql::ext::setActiveIndexes(nullptr);
      auto [sms, srows] = scans ? time(*store, p.scan.empty() ? p.indexed : p.scan,
                                       std::max(1, std::min(runs / 2, 3)))
                                : std::pair<double, uint64_t>{0, 0};
      std::printf("| %s | %.2f | %llu | %.1f | %llu | %.0fx |\n", p.name.c_str(), ims,
                  static_cast<unsigned long long>(irows), sms,
                  static_cast<unsigned long long>(srows), sms / std::max(ims, 1e-3));
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "search_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
