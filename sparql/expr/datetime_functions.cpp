// Functions on dates and times (17.4.5): YEAR, MONTH, DAY, HOURS, MINUTES, SECONDS,
// TIMEZONE, TZ, NOW. The accessors take xsd:dateTime, and also xsd:date for the
// date parts and xsd:time for the time parts, as XPath does.

#include "sparql/expr/builtins.h"
#include "sparql/expr/datetime.h"
#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

enum class Part { Year, Month, Day, Hours, Minutes };

std::optional<DateTimeValue> argument(Args a) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  return dateTimeValue(*a[0]);
}

std::optional<rdf::Term> part(Args a, Part p) {
  auto v = argument(a);
  if (!v) {
    return std::nullopt;
  }
  bool datePart = p == Part::Year || p == Part::Month || p == Part::Day;
  if (datePart ? v->kind == DateKind::Time : v->kind == DateKind::Date) {
    return std::nullopt;
  }
  Int128 n = 0;
  switch (p) {
    case Part::Year:
      n = v->year;
      break;
    case Part::Month:
      n = v->month;
      break;
    case Part::Day:
      n = v->day;
      break;
    case Part::Hours:
      n = v->hour;
      break;
    case Part::Minutes:
      n = v->minute;
      break;
  }
  return numericTerm(Numeric::ofInteger(n));
}

}  // namespace

std::optional<rdf::Term> fnYear(Args a, EvalContext&) { return part(a, Part::Year); }
std::optional<rdf::Term> fnMonth(Args a, EvalContext&) { return part(a, Part::Month); }
std::optional<rdf::Term> fnDay(Args a, EvalContext&) { return part(a, Part::Day); }
std::optional<rdf::Term> fnHours(Args a, EvalContext&) { return part(a, Part::Hours); }
std::optional<rdf::Term> fnMinutes(Args a, EvalContext&) { return part(a, Part::Minutes); }

std::optional<rdf::Term> fnSeconds(Args a, EvalContext&) {
  auto v = argument(a);
  if (!v || v->kind == DateKind::Date) {
    return std::nullopt;
  }
  return numericTerm(Numeric::ofDecimal(v->second));
}

std::optional<rdf::Term> fnTimezone(Args a, EvalContext&) {
  auto v = argument(a);
  if (!v || !v->tzMinutes) {
    return std::nullopt;
  }
  return timezoneDuration(*v->tzMinutes);
}

std::optional<rdf::Term> fnTz(Args a, EvalContext&) {
  auto v = argument(a);
  if (!v) {
    return std::nullopt;
  }
  if (!v->tzMinutes) {
    return stringLiteral("");
  }
  const std::string& lex = a[0]->value;
  if (!lex.empty() && lex.back() == 'Z') {
    return stringLiteral("Z");
  }
  return stringLiteral(lex.substr(lex.size() - 6));
}

std::optional<rdf::Term> fnNow(Args a, EvalContext& ctx) {
  if (!a.empty()) {
    return std::nullopt;
  }
  return dateTimeNow(ctx.now);
}

}  // namespace bdis::sparql::expr
