#pragma once
// The writers behind makeResultWriter (internal to sparql/results): one class
// per format, each in its own file, all streaming to an ostream that outlives them.

#include <memory>
#include <ostream>

#include "sparql/engine.h"

namespace bdis::sparql::results {

/// SPARQL 1.1 Query Results JSON Format.
std::unique_ptr<ResultSink> makeJsonWriter(std::ostream& out);
/// SPARQL Query Results XML Format (Second Edition).
std::unique_ptr<ResultSink> makeXmlWriter(std::ostream& out);
/// SPARQL 1.1 Query Results CSV Format.
std::unique_ptr<ResultSink> makeCsvWriter(std::ostream& out);
/// SPARQL 1.1 Query Results TSV Format.
std::unique_ptr<ResultSink> makeTsvWriter(std::ostream& out);
/// A human-readable boxed table (buffers the rows to size the columns).
std::unique_ptr<ResultSink> makeTableWriter(std::ostream& out);
/// N-Triples (`quads` false) or N-Quads lines.
std::unique_ptr<ResultSink> makeNTriplesWriter(std::ostream& out, bool quads);
/// Turtle with the usual prefixes, through rdf::RdfWriter.
std::unique_ptr<ResultSink> makeTurtleWriter(std::ostream& out);
/// JSON-LD 1.1 in expanded form, one node object per triple.
std::unique_ptr<ResultSink> makeJsonLdWriter(std::ostream& out);

/// Throws ExecutionError naming the format when a writer gets a form it cannot carry.
[[noreturn]] void throwFormMismatch(const char* format, QueryForm form);

}  // namespace bdis::sparql::results
