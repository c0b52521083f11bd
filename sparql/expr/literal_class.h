#pragma once
// Internal: the value a literal denotes, classified into the families that the
// SPARQL operators compare (17.3 operator mapping).

#include <cstdint>

#include "rdf/term.h"
#include "sparql/expr/datetime.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::expr {

/// The family of a literal's value. `Other` covers unknown datatypes and
/// ill-typed literals of known datatypes (e.g. "abc"^^xsd:integer).
enum class LiteralClass : uint8_t {
  String,
  LangString,
  Numeric,
  Boolean,
  DateTime,
  Duration,
  Other
};

/// A classified literal; only the member matching `cls` is meaningful.
struct LiteralValue {
  LiteralClass cls = LiteralClass::Other;
  Numeric numeric;
  bool boolean = false;
  DateTimeValue dateTime;
  DurationValue duration;
};

/// Classifies a literal (the term must be a literal).
LiteralValue classifyLiteral(const rdf::Term& t);

}  // namespace bdis::sparql::expr
