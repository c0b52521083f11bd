#pragma once
// Writing quads as N-Triples, N-Quads, Turtle or TriG to a std::ostream.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "rdf/rdf_format.h"
#include "rdf/term.h"

namespace bdis::rdf {

/// How RdfWriter abbreviates (Turtle and TriG only).
struct WriterOptions {
  /// Prefix name -> namespace IRI, written as @prefix lines in this order
  /// (a later pair with the same name replaces an earlier one; names that are
  /// not valid Turtle prefix names are left out).
  std::vector<std::pair<std::string, std::string>> prefixes;
  /// When not empty: written as @base, and IRIs under it are written relative
  /// when the relative form is unambiguous (same folder, no dot segments).
  std::string baseIri;
};

/// A streaming writer. N-Triples / N-Quads: one line per statement
/// (N-Triples and Turtle ignore graph names). Turtle / TriG: @prefix lines,
/// prefixed names where the local part is valid, `a` for rdf:type, `;` for
/// consecutive statements with the same subject and `,` for the same
/// predicate too, bare numbers and booleans when the lexical form is valid
/// Turtle for the datatype, and in TriG a `<g> { ... }` block for each run of
/// consecutive quads in the same named graph (default-graph triples at top
/// level). Blank labels that are not valid labels are written as `bdisx`
/// + the label's bytes in hex (as are labels starting with `bdisx`). Not thread-safe.
class RdfWriter {
 public:
  /// `out` must outlive the writer. Nothing is written before the first
  /// write() or finish().
  RdfWriter(std::ostream& out, RdfFormat format, WriterOptions options = {});
  RdfWriter(const RdfWriter&) = delete;
  RdfWriter& operator=(const RdfWriter&) = delete;

  /// Writes one statement; the views need to live only during the call.
  void write(const QuadView& q);

  /// Ends the last statement and graph block and flushes. Call once, at the
  /// end; throws StorageError when the stream failed.
  void finish();

  /// Statements written so far.
  uint64_t statements() const { return statements_; }

 private:
  void start();
  void closeStatement();
  void closeGraph();
  void term(const TermView& t, bool predicate);
  void iri(std::string_view iri);
  void blank(std::string_view label);
  void literal(const TermView& t);

  std::ostream& out_;
  RdfFormat format_;
  WriterOptions options_;
  bool turtleFamily_;
  bool started_ = false;
  bool inStatement_ = false;
  bool inGraph_ = false;
  Term subject_, predicate_, graph_;
  std::string baseDir_;
  uint64_t statements_ = 0;
};

}  // namespace bdis::rdf
