#pragma once
// SPARQL result sets as the W3C evaluation tests state them: parsers for the
// expected-result files (.srx XML, .srj JSON, .tsv, .csv, and RDF result sets
// in the rs: vocabulary) and a comparison as the W3C harness does it.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rdf/term.h"

namespace bdis::w3c {

/// A SELECT result (vars + rows) or an ASK result (boolean). An unbound cell
/// is a Term of kind None. `index` is the rs:index of each row when given.
struct ResultSet {
  std::vector<std::string> vars;
  std::vector<std::vector<rdf::Term>> rows;
  std::optional<bool> boolean;
  bool ordered = false;  ///< rows carry an order (rs:index, or a file format that keeps order)
};

/// Parses SPARQL Query Results XML. Throws std::runtime_error when malformed.
ResultSet parseSrx(const std::string& text);
/// Parses SPARQL 1.1 Query Results JSON. Throws std::runtime_error when malformed.
ResultSet parseSrj(const std::string& text);
/// Parses SPARQL 1.1 Query Results TSV (terms in Turtle syntax).
ResultSet parseTsv(const std::string& text);
/// Parses SPARQL 1.1 Query Results CSV: every cell becomes a simple literal
/// holding the cell text (CSV carries no types), empty cells unbound, `_:x` cells
/// blank nodes.
ResultSet parseCsv(const std::string& text);
/// Interprets quads in the rs: vocabulary (rs:ResultSet, rs:solution, rs:binding,
/// rs:boolean); nullopt when the quads hold no rs:ResultSet.
std::optional<ResultSet> fromRdf(const std::vector<rdf::Quad>& quads);

/// The CSV view of a result set, as parseCsv would give for its CSV serialisation.
ResultSet toCsvView(const ResultSet& rs);

/// Whether two result sets are equal as the W3C harness decides: same
/// variables (any order), the same rows as multisets under one bijection of
/// blank nodes across the whole result, and when `ordered` the same row order.
/// On failure `why` gets a description.
bool sameResults(const ResultSet& expected, const ResultSet& actual, bool ordered,
                 std::string* why);

/// Text of a result set for failure messages.
std::string describe(const ResultSet& rs);

}  // namespace bdis::w3c
