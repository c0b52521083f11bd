#pragma once
// The contents of the published dumps, written from one read snapshot: the whole
// store as N-Quads, and the union of its graphs as N-Triples and Turtle (a triple held
// by several graphs written once), each gzip-compressed; the ESS initiatives as CSV
// and as GeoJSON.

#include <string>

#include "rdf/store.h"

namespace bdis::server {

/// Writes every quad of `txn` to `path` as gzip-compressed N-Quads (graph-major order).
/// Returns the statements written. Throws StorageError when the file cannot be written.
uint64_t writeQuadsGz(const rdf::ReadTxn& txn, const std::string& path);

/// Writes the union of the graphs to `path` as gzip-compressed N-Triples (`turtle`
/// false) or Turtle with the usual prefixes (subject-major order). Returns the triples.
uint64_t writeTriplesGz(const rdf::ReadTxn& txn, const std::string& path, bool turtle);

/// The columns of the initiatives CSV and of the GeoJSON features' properties.
const std::vector<std::string>& initiativeColumns();

/// Writes one row per ess:Initiative (each subject once, in IRI id order): `csv` true
/// gives RFC 4180 CSV with a header line (multiple values joined by " | "), false a
/// GeoJSON FeatureCollection (Point from wgs84:lat/long, null geometry without them).
/// Returns the initiatives written.
uint64_t writeInitiatives(const rdf::ReadTxn& txn, const std::string& path, bool csv);

}  // namespace bdis::server
