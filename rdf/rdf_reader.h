#pragma once
// Reading RDF text (N-Triples, N-Quads, Turtle, TriG) with Serd into a QuadSink.
//
// Terms reach the sink fully expanded: prefixed names and datatypes are
// expanded, relative IRIs are resolved against the base (which @base / BASE
// may change), blank labels carry the load's own prefix.
//
// Errors: a malformed statement throws SyntaxError("file:line:column: what was
// expected") unless ReadOptions::skipInvalid is set. With skipInvalid:
//  - N-Triples / N-Quads: the whole line holding the error is skipped and
//    reading resumes on the next line; nothing of that line reaches the sink
//    (each statement is held back until the next one is complete, so one
//    found to lack its final '.' is dropped too).
//  - Turtle / TriG: Serd's lax recovery: the reader drops the statement being
//    read, skips to the next line break and resumes there. Triples of that
//    statement emitted before the error are kept; when the statement continues
//    on further lines, their remainder may cause follow-up errors, each
//    reported. Invalid IRI characters and invalid UTF-8 are reported and the
//    statements holding them are dropped.
// Each skipped error is passed to onSkipped and counted in ReadResult::skipped.
//
// Checks beyond Serd's own (so that every W3C negative test is rejected):
// escapes naming UTF-16 surrogates (\uD800-\uDFFF) and relative IRIs where no
// base applies. Those are found after Serd has parsed the statement; in
// N-Triples / N-Quads their position is the start of the statement's line, in
// Turtle / TriG the line is not known (reported as 0).
//
// Serd limitation handled here: in Turtle / TriG, Serd reads a label _:b<digit>...
// as _:B<digit>... (its own generated labels are b1, b2, ...). An input that
// spells labels both ways would have distinct blank nodes merged, so such
// input is refused with a SyntaxError naming the place (rename the labels).
// N-Triples / N-Quads labels are kept exactly as written.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "rdf/error.h"
#include "rdf/quad_sink.h"
#include "rdf/rdf_format.h"
#include "rdf/term.h"

namespace bdis::rdf {

/// How to read one input.
struct ReadOptions {
  /// The syntax of the input.
  RdfFormat format = RdfFormat::NTriples;
  /// The base IRI for relative IRIs (Turtle, TriG); empty: none (relative IRIs are errors).
  std::string baseIri;
  /// Named in error messages, e.g. the file path; readFile uses the path when empty.
  std::string sourceName;
  /// Prepended to every blank node label (and to generated ones): each load's
  /// own blank-node scope. Must be a valid blank-label start (letters, digits, '_').
  std::string blankPrefix;
  /// The graph for triples of triple formats and for TriG's default-graph
  /// triples; None is the default graph. The views must outlive the read call.
  TermView defaultGraph;
  /// Skip malformed statements instead of throwing (see the file comment).
  bool skipInvalid = false;
  /// Called for each skipped error when skipInvalid is set; may be empty.
  std::function<void(const SyntaxError&)> onSkipped;
  /// The line number of the first line of a buffer (readBuffer on a chunk of a larger file).
  uint64_t firstLine = 1;
};

/// What a read did.
struct ReadResult {
  /// Statements passed to the sink.
  uint64_t statements = 0;
  /// Errors skipped (skipInvalid only).
  uint64_t skipped = 0;
};

/// Reads a file ("-" is stdin; `.gz` / `.zst` are decompressed). Throws
/// SyntaxError for malformed input (unless skipInvalid), StorageError when
/// the file cannot be read, and whatever the sink throws.
ReadResult readFile(const std::string& pathOrDash, const ReadOptions& options, QuadSink& sink);

/// Reads text in memory; `text` need not be NUL-terminated. Safe to call from
/// several threads at once (one call per thread; each call has its own Serd
/// reader). Throws as readFile does.
ReadResult readBuffer(std::string_view text, const ReadOptions& options, QuadSink& sink);

}  // namespace bdis::rdf
