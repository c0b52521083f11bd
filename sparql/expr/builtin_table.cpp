// The lookup from built-in names (as the parser spells them) to their functions.

#include <unordered_map>

#include "sparql/expr/builtins.h"

namespace bdis::sparql::expr {

BuiltinFn findBuiltin(std::string_view name) {
  static const std::unordered_map<std::string_view, BuiltinFn> kTable = {
      {"STR", fnStr},
      {"LANG", fnLang},
      {"LANGMATCHES", fnLangMatches},
      {"DATATYPE", fnDatatype},
      {"IRI", fnIri},
      {"URI", fnIri},
      {"BNODE", fnBnode},
      {"RAND", fnRand},
      {"ABS", fnAbs},
      {"CEIL", fnCeil},
      {"FLOOR", fnFloor},
      {"ROUND", fnRound},
      {"CONCAT", fnConcat},
      {"SUBSTR", fnSubstr},
      {"STRLEN", fnStrlen},
      {"REPLACE", fnReplace},
      {"UCASE", fnUcase},
      {"LCASE", fnLcase},
      {"ENCODE_FOR_URI", fnEncodeForUri},
      {"CONTAINS", fnContains},
      {"STRSTARTS", fnStrStarts},
      {"STRENDS", fnStrEnds},
      {"STRBEFORE", fnStrBefore},
      {"STRAFTER", fnStrAfter},
      {"YEAR", fnYear},
      {"MONTH", fnMonth},
      {"DAY", fnDay},
      {"HOURS", fnHours},
      {"MINUTES", fnMinutes},
      {"SECONDS", fnSeconds},
      {"TIMEZONE", fnTimezone},
      {"TZ", fnTz},
      {"NOW", fnNow},
      {"UUID", fnUuid},
      {"STRUUID", fnStruuid},
      {"MD5", fnMd5},
      {"SHA1", fnSha1},
      {"SHA256", fnSha256},
      {"SHA384", fnSha384},
      {"SHA512", fnSha512},
      {"STRLANG", fnStrlang},
      {"STRDT", fnStrdt},
      {"SAMETERM", fnSameTerm},
      {"ISIRI", fnIsIri},
      {"ISURI", fnIsIri},
      {"ISBLANK", fnIsBlank},
      {"ISLITERAL", fnIsLiteral},
      {"ISNUMERIC", fnIsNumeric},
      {"REGEX", fnRegex},
  };
  auto it = kTable.find(name);
  return it == kTable.end() ? nullptr : it->second;
}

}  // namespace bdis::sparql::expr
