// The built-in and aggregate name tables.

#include "sparql/parser/grammar/builtins.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace bdis::sparql::parser {
namespace {

constexpr BuiltinSpec kBuiltins[] = {
    {"STR", 1, 1},      {"LANG", 1, 1},      {"LANGMATCHES", 2, 2}, {"DATATYPE", 1, 1},
    {"BOUND", 1, 1},    {"IRI", 1, 1},       {"URI", 1, 1},         {"BNODE", 0, 1},
    {"RAND", 0, 0},     {"ABS", 1, 1},       {"CEIL", 1, 1},        {"FLOOR", 1, 1},
    {"ROUND", 1, 1},    {"CONCAT", 0, -1},   {"SUBSTR", 2, 3},      {"STRLEN", 1, 1},
    {"REPLACE", 3, 4},  {"UCASE", 1, 1},     {"LCASE", 1, 1},       {"ENCODE_FOR_URI", 1, 1},
    {"CONTAINS", 2, 2}, {"STRSTARTS", 2, 2}, {"STRENDS", 2, 2},     {"STRBEFORE", 2, 2},
    {"STRAFTER", 2, 2}, {"YEAR", 1, 1},      {"MONTH", 1, 1},       {"DAY", 1, 1},
    {"HOURS", 1, 1},    {"MINUTES", 1, 1},   {"SECONDS", 1, 1},     {"TIMEZONE", 1, 1},
    {"TZ", 1, 1},       {"NOW", 0, 0},       {"UUID", 0, 0},        {"STRUUID", 0, 0},
    {"MD5", 1, 1},      {"SHA1", 1, 1},      {"SHA256", 1, 1},      {"SHA384", 1, 1},
    {"SHA512", 1, 1},   {"COALESCE", 0, -1}, {"IF", 3, 3},          {"STRLANG", 2, 2},
    {"STRDT", 2, 2},    {"SAMETERM", 2, 2},  {"ISIRI", 1, 1},       {"ISURI", 1, 1},
    {"ISBLANK", 1, 1},  {"ISLITERAL", 1, 1}, {"ISNUMERIC", 1, 1},   {"REGEX", 2, 3},
};

constexpr std::string_view kAggregates[] = {"COUNT", "SUM",    "MIN",         "MAX",
                                            "AVG",   "SAMPLE", "GROUP_CONCAT"};

}  // namespace

std::string upperAscii(std::string_view word) {
  std::string s(word);
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

const BuiltinSpec* findBuiltin(std::string_view word) {
  std::string u = upperAscii(word);
  for (const auto& b : kBuiltins) {
    if (b.name == u) {
      return &b;
    }
  }
  return nullptr;
}

bool isAggregateName(std::string_view word) {
  std::string u = upperAscii(word);
  return std::find(std::begin(kAggregates), std::end(kAggregates), u) != std::end(kAggregates);
}

}  // namespace bdis::sparql::parser
