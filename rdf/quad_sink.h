#pragma once
// Where parsed or generated statements go. Readers (Serd), the ESS loaders and
// the SPARQL CONSTRUCT evaluator all write to a QuadSink.

#include <string_view>

#include "rdf/term.h"

namespace bdis::rdf {

/// Receives quads one at a time. The views in a QuadView are valid only during
/// the call; a sink that keeps a term copies it.
class QuadSink {
 public:
  virtual ~QuadSink() = default;
  /// One statement; `q.g.kind == TermKind::None` is the default graph.
  virtual void quad(const QuadView& q) = 0;
  /// A prefix declaration seen in the input (writers reuse them); default: ignored.
  virtual void prefix(std::string_view name, std::string_view iri) {
    (void)name;
    (void)iri;
  }
  /// The base IRI declared in the input; default: ignored.
  virtual void base(std::string_view iri) { (void)iri; }
};

}  // namespace bdis::rdf
