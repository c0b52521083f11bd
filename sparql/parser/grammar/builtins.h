#pragma once
// The built-in call names of SPARQL 1.1 (rule 121) with their argument counts,
// and the aggregate names (rule 127). Internal to the parser.

#include <string>
#include <string_view>

namespace bdis::sparql::parser {

/// A built-in call: upper-case name, minimum and maximum argument count (-1: any).
struct BuiltinSpec {
  std::string_view name;
  int minArgs, maxArgs;
};

/// The built-in named `word` (any case), or null. EXISTS and NOT are not in the table.
const BuiltinSpec* findBuiltin(std::string_view word);

/// True when `word` (any case) names an aggregate.
bool isAggregateName(std::string_view word);

/// `word` in upper case (ASCII).
std::string upperAscii(std::string_view word);

}  // namespace bdis::sparql::parser
