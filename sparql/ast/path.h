#pragma once
// Property paths (SPARQL 1.1 Query section 9), shared by the AST and the
// algebra's Path operator (https://www.w3.org/TR/sparql11-query/#sparqlPropertyPaths).

#include <cstdint>
#include <vector>

#include "rdf/term.h"

namespace bdis::sparql {

/// A property path expression. Value type: children are held by value.
struct Path {
  enum class Kind : uint8_t {
    Link,         ///< a single IRI (`iri`)
    Inverse,      ///< ^path (one child)
    Sequence,     ///< path / path (two or more children)
    Alternative,  ///< path | path (two or more children)
    ZeroOrMore,   ///< path* (one child)
    OneOrMore,    ///< path+ (one child)
    ZeroOrOne,    ///< path? (one child)
    NegatedSet,   ///< !(iri | ^iri ...): `forward` and `inverse` sets
  };
  Kind kind = Kind::Link;
  rdf::Term iri;                   ///< Link only.
  std::vector<Path> args;          ///< Children, see Kind.
  std::vector<rdf::Term> forward;  ///< NegatedSet: IRIs excluded forwards.
  std::vector<rdf::Term> inverse;  ///< NegatedSet: IRIs excluded backwards (^iri).

  /// A one-IRI link.
  static Path link(rdf::Term iri) {
    Path p;
    p.iri = std::move(iri);
    return p;
  }
  /// A node of `kind` over the given children.
  static Path of(Kind kind, std::vector<Path> children) {
    Path p;
    p.kind = kind;
    p.args = std::move(children);
    return p;
  }
  friend bool operator==(const Path&, const Path&) = default;
};

}  // namespace bdis::sparql
