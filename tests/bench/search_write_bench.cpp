// Search benchmark, the write side (docs/search.md, tests/bench/README.md): how soon a
// write is visible to text and geo search, and wgs84 lat/long queries from the R-tree
// against the same queries without it.
//
// usage: search_write_bench STORE [WRITES]
// Opens STORE writable. Once, gives every geo:asWKT point feature a wgs84:lat/long pair
// with the same coordinates (the bench data has none). Then, with the indexes following
// the store (followCommits, as `bdis serve` does), WRITES times: commits a new initiative
// (name, point, lat/long), measures the commit (the indexes are updated before it
// returns) and checks that text and geo search see it; then removes it the same way.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "rdf/error.h"
#include "rdf/geo/geo_index.h"
#include "rdf/store.h"
#include "sparql/engine.h"
#include "sparql/ext/search_indexes.h"
#include "tests/bench/search_bench_util.h"

namespace {

using namespace bdis;
using bench::Clock;

double ms(Clock::time_point start) { return bench::msSince(start); }

const char* const kPrefixes =
    "PREFIX schema: <http://schema.org/>\n"
    "PREFIX text: <http://jena.apache.org/text#>\n"
    "PREFIX geo: <http://www.opengis.net/ont/geosparql#>\n"
    "PREFIX geof: <http://www.opengis.net/def/function/geosparql/>\n"
    "PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>\n"
    "PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>\n";

std::pair<double, uint64_t> run(const rdf::Store& store, const std::string& query) {
  return bench::timeQuery(store, std::string(kPrefixes) + query);
}

std::pair<double, uint64_t> median(const rdf::Store& store, const std::string& query, int runs) {
  return bench::medianQuery(store, std::string(kPrefixes) + query, runs);
}

rdf::TermId iri(rdf::WriteTxn& w, std::string_view s) {
  return w.intern(rdf::TermView{rdf::TermKind::Iri, s, {}, {}});
}

/// Adds a lat/long pair beside every POINT of geo:asWKT that lacks one; returns how many.
size_t addPairs(rdf::Store& store) {
  auto w = store.beginWrite();
  auto asWkt = w->lookup(rdf::TermView{rdf::TermKind::Iri, rdf::geo::kAsWkt, {}, {}});
  if (!asWkt) return 0;
  rdf::TermId lat = iri(*w, rdf::geo::kWgsLat), lon = iri(*w, rdf::geo::kWgsLong);
  if (w->predicateCount(lat) > 0) return 0;
  std::vector<rdf::QuadIds> points;
  rdf::QuadIds q;
  auto cur = w->scan(rdf::QuadPattern{rdf::kAny, *asWkt, rdf::kAny, rdf::kAny});
  while (cur.next(q)) points.push_back(q);
  std::vector<rdf::QuadIds> quads;
  std::string scratch;
  for (const auto& p : points) {
    std::string wkt(w->decodeView(p.o, scratch).value);  // "POINT(lon lat)"
    size_t open = wkt.find('('), space = wkt.find(' ', open), close = wkt.find(')');
    if (open == std::string::npos || space == std::string::npos || close == std::string::npos)
      continue;
    std::string lo = wkt.substr(open + 1, space - open - 1),
                la = wkt.substr(space + 1, close - space - 1);
    std::string dt = "http://www.w3.org/2001/XMLSchema#decimal";
    quads.push_back({p.s, lat, w->intern(rdf::TermView{rdf::TermKind::Literal, la, dt, {}}), p.g});
    quads.push_back({p.s, lon, w->intern(rdf::TermView{rdf::TermKind::Literal, lo, dt, {}}), p.g});
  }
  w->insertBatch(quads);
  w->commit();
  return quads.size() / 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_write_bench STORE [WRITES]\n");
    return 2;
  }
  int writes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  try {
    rdf::StoreOptions o;
    o.create = false;
    auto store = rdf::Store::open(argv[1], o);
    auto start = Clock::now();
    size_t pairs = addPairs(*store);
    if (pairs) std::printf("added %zu lat/long pairs in %.0f ms\n", pairs, ms(start));
    start = Clock::now();
    auto indexes = sparql::ext::SearchIndexes::open(*store);
    std::printf("open of the indexes: %.0f ms (%zu R-tree entries)\n", ms(start),
                indexes->geo().size());
    sparql::ext::setActiveIndexes(indexes);

    // A write not reported to the indexes: the next query catches up by difference.
    {
      auto w = store->beginWrite();
      rdf::TermId s = iri(*w, "https://example.org/bench/unreported");
      rdf::QuadIds quad{s, iri(*w, "http://schema.org/name"),
                        w->intern(rdf::TermView{rdf::TermKind::Literal, "Unreported write", {}, {}}),
                        rdf::kDefaultGraph};
      w->insert(quad);
      w->commit();
      auto r = store->beginRead();
      start = Clock::now();
      indexes->sync(*r);
      std::printf("catch-up by difference after an unreported write: %.0f ms\n", ms(start));
      auto e = store->beginWrite();
      e->erase(quad);
      e->commit();
      auto r2 = store->beginRead();
      indexes->sync(*r2);
    }

    sparql::ext::followCommits(*store, indexes);
    std::vector<double> commitMs, textMs, geoMs;
    for (int i = 0; i < writes; ++i) {
      std::string id = "bench" + std::to_string(i);
      std::string name = "Atelier zyxvelo" + std::to_string(i);
      double lon = 5.0 + i * 0.001, lat = 43.0 + i * 0.001;
      char wkt[64], la[32], lo[32];
      std::snprintf(wkt, sizeof wkt, "POINT(%.4f %.4f)", lon, lat);
      std::snprintf(la, sizeof la, "%.4f", lat);
      std::snprintf(lo, sizeof lo, "%.4f", lon);
      std::string dec = "http://www.w3.org/2001/XMLSchema#decimal";
      std::vector<rdf::QuadIds> quads;
      auto w = store->beginWrite();
      rdf::TermId s = iri(*w, "https://example.org/bench/" + id);
      quads.push_back({s, iri(*w, "http://schema.org/name"),
                       w->intern(rdf::TermView{rdf::TermKind::Literal, name, {}, {}}),
                       rdf::kDefaultGraph});
      quads.push_back({s, iri(*w, rdf::geo::kAsWkt),
                       w->intern(rdf::TermView{rdf::TermKind::Literal, wkt,
                                               rdf::geo::kWktLiteral, {}}),
                       rdf::kDefaultGraph});
      quads.push_back({s, iri(*w, rdf::geo::kWgsLat),
                       w->intern(rdf::TermView{rdf::TermKind::Literal, la, dec, {}}),
                       rdf::kDefaultGraph});
      quads.push_back({s, iri(*w, rdf::geo::kWgsLong),
                       w->intern(rdf::TermView{rdf::TermKind::Literal, lo, dec, {}}),
                       rdf::kDefaultGraph});
      w->insertBatch(quads);
      start = Clock::now();
      w->commit();
      commitMs.push_back(ms(start));
      auto [tm, trows] = run(*store, "SELECT ?s WHERE { ?s text:query \"zyxvelo" +
                                         std::to_string(i) + "\" }");
      std::string box = "FILTER(?la >= " + std::string(la) + " && ?la <= " + la +
                        " && ?lo >= " + lo + " && ?lo <= " + lo + ")";
      auto [gm, grows] =
          run(*store, "SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo " + box + " }");
      textMs.push_back(tm);
      geoMs.push_back(gm);
      if (trows != 1 || grows < 1)
        std::printf("write %d NOT visible: text %llu geo %llu rows\n", i,
                    static_cast<unsigned long long>(trows), static_cast<unsigned long long>(grows));
      auto e = store->beginWrite();
      e->eraseBatch(quads);
      e->commit();
    }
    auto med = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return std::pair{v[v.size() / 2], v.back()};
    };
    auto [cMed, cMax] = med(commitMs);
    auto [tMed, tMax] = med(textMs);
    auto [gMed, gMax] = med(geoMs);
    std::printf("write -> searchable, %d writes: commit incl. index update median %.1f ms (max "
                "%.1f); then text query %.1f ms (max %.1f), lat/long box query %.1f ms (max %.1f)\n",
                writes, cMed, cMax, tMed, tMax, gMed, gMax);

    // lat/long queries, indexed vs scan.
    const std::string pair =
        "STRDT(CONCAT(\"POINT(\", STR(?lo), \" \", STR(?la), \")\"), geo:wktLiteral)";
    const std::string centre = "\"POINT(5.37 43.30)\"^^geo:wktLiteral";
    std::vector<std::pair<std::string, std::string>> queries = {
        {"lat/long box", "SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo FILTER(?la > 43.2 && "
                         "?la < 43.4 && ?lo > 5.3 && ?lo < 5.5) }"},
        {"lat/long radius 5 km", "SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo "
                                 "FILTER(geof:distance(" + pair + ", " + centre +
                                     ", uom:kilometre) < 5) }"},
        {"lat/long nearest 10", "SELECT ?s WHERE { ?s wgs:lat ?la ; wgs:long ?lo } ORDER BY "
                                "geof:distance(" + pair + ", " + centre + ", uom:metre) LIMIT 10"},
    };
    std::printf("\n| query | indexed ms | rows | scan ms | rows | speed-up |\n"
                "|---|---:|---:|---:|---:|---:|\n");
    for (const auto& [name, q] : queries) {
      sparql::ext::setActiveIndexes(indexes);
      auto [ims, irows] = median(*store, q, 5);
      sparql::ext::setActiveIndexes(nullptr);
      auto [sms, srows] = median(*store, q, 1);
      std::printf("| %s | %.2f | %llu | %.1f | %llu | %.0fx |\n", name.c_str(), ims,
                  static_cast<unsigned long long>(irows), sms,
                  static_cast<unsigned long long>(srows), sms / std::max(ims, 1e-3));
    }
    store->setWriteObserver(nullptr);
  } catch (const Error& e) {
    std::fprintf(stderr, "search_write_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
