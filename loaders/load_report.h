#pragma once
// What every ESS loader takes (the source's description, options) and gives back (a report).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bdis::loaders {

/// The source being loaded. Empty fields take the mapping's [source] values.
struct SourceInfo {
  /// Short name, lower-case letters, digits and '-': {@source} in templates ("miramap").
  std::string id;
  /// The named graph the source loads into (its metadata is stated about this IRI too).
  std::string graph;
  std::string title;
  /// Where the export was obtained (dcterms:source).
  std::string url;
  /// The licence IRI (dcterms:license).
  std::string license;
  /// The network publishing it (dcterms:publisher; org:memberOf target with [membership]).
  std::string network;
  std::string networkName;
  /// xsd:dateTime of retrieval ("2026-12-04T20:00:00Z"); empty: the file's modification time.
  std::string retrievedAt;
};

/// How a loader behaves.
struct LoaderOptions {
  /// Stop at the first bad record: throw SemanticError naming its position and the reason. The
  /// caller's transaction then discards what the sink received.
  bool strict = false;
  /// At most this many RecordIssue entries are kept in the report (all are counted).
  size_t maxIssues = 1000;
  /// Emit the source's PROV/DCTERMS description into its graph.
  bool provenance = true;
};

/// Why a record was skipped.
enum class Problem : uint8_t {
  MissingRequired,    ///< a required field, the subject's columns or required coordinates are empty
  InvalidIdentifier,  ///< SIREN / SIRET / RNA fails its format or check digit
  UnknownCode,        ///< a code not in the field's code list
  BadCoordinates,  ///< latitude/longitude unparsable, out of range, or half missing; bad geometry
  BadEncoding,     ///< not valid UTF-8
  BadValue,        ///< a value failing its check (date, integer, e-mail, postcode, URL)
  Malformed,       ///< a row with the wrong number of cells, a feature that is not an object
};
inline constexpr size_t kProblemCount = 7;

/// The name of a problem kind, as reports print it ("missing-required", ...).
std::string_view problemName(Problem p);

/// One skipped record.
struct RecordIssue {
  /// 1-based line of the record's first line (CSV) or 1-based feature / element index (JSON).
  uint64_t position = 0;
  Problem problem = Problem::Malformed;
  /// The column or property path at fault; empty when the whole record is.
  std::string column;
  std::string reason;
};

/// The outcome of one load.
struct LoadReport {
  /// "line", "feature" or "element": what RecordIssue::position counts.
  std::string positionUnit = "line";
  uint64_t records = 0;  ///< records read
  uint64_t loaded = 0;   ///< records mapped and emitted
  uint64_t skipped = 0;  ///< records rejected (sum of byProblem)
  uint64_t quads = 0;    ///< quads emitted, metadata included
  double seconds = 0;
  std::array<uint64_t, kProblemCount> byProblem{};
  std::vector<RecordIssue> issues;  ///< the first LoaderOptions::maxIssues issues

  uint64_t count(Problem p) const { return byProblem[static_cast<size_t>(p)]; }
  /// One line: "loaded 990 of 1000 records (12034 quads) in 0.05 s; skipped 10: 4
  /// invalid-identifier, ...".
  std::string summary() const;
  /// Each kept issue on its own line: "FILE:POSITION: REASON" (positions named by unit).
  std::string details(const std::string& file) const;
};

}  // namespace bdis::loaders
