// XSD constructor functions (17.5 and XPath F&O 3.1 section 19, casting table):
// xsd:string, xsd:boolean, xsd:integer and its derived types, xsd:decimal,
// xsd:float, xsd:double, xsd:dateTime, xsd:date, xsd:time. Strings are cast by
// the XSD lexical rules after whitespace collapsing; invalid input is an error.

#include "sparql/expr/builtins.h"
#include "sparql/expr/datetime.h"
#include "sparql/expr/literal_class.h"
#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

enum class Target { String, Boolean, Numeric, DateTime, Date, Time };

std::optional<Target> targetOf(std::string_view iri) {
  std::string_view local = xsdLocalName(iri);
  if (local.empty()) {
    return std::nullopt;
  }
  if (local == "string") {
    return Target::String;
  }
  if (local == "boolean") {
    return Target::Boolean;
  }
  if (local == "dateTime") {
    return Target::DateTime;
  }
  if (local == "date") {
    return Target::Date;
  }
  if (local == "time") {
    return Target::Time;
  }
  if (numericTypeOf(iri)) {
    return Target::Numeric;
  }
  return std::nullopt;
}

/// A numeric value as a literal of the (possibly derived) numeric datatype `iri`,
/// checking the range of derived integer types.
std::optional<rdf::Term> numericAs(const Numeric& v, std::string_view iri) {
  NumType type = *numericTypeOf(iri);
  auto c = convertNumeric(v, type);
  if (!c) {
    return std::nullopt;
  }
  rdf::Term t = typedLiteral(canonicalNumeric(*c), iri);
  if (type == NumType::Integer && !numericValue(t)) {
    return std::nullopt;  // out of range
  }
  return t;
}

std::optional<rdf::Term> fromString(Target target, std::string_view iri, std::string_view s) {
  if (target == Target::String) {
    return stringLiteral(std::string(s));
  }
  std::string_view v = trimXmlSpace(s);
  switch (target) {
    case Target::String:
      break;
    case Target::Boolean:
      if (auto b = parseBoolean(v)) {
        return booleanLiteral(*b);
      }
      return std::nullopt;
    case Target::Numeric:
      if (auto n = parseNumeric(v, *numericTypeOf(iri))) {
        return numericAs(*n, iri);
      }
      return std::nullopt;
    case Target::DateTime:
    case Target::Date:
    case Target::Time: {
      DateKind kind = target == Target::DateTime ? DateKind::DateTime
                      : target == Target::Date   ? DateKind::Date
                                                 : DateKind::Time;
      if (auto d = parseDateTime(v, kind)) {
        return dateTimeTerm(*d);
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string numericToString(const Numeric& n) {
  switch (n.type) {
    case NumType::Integer:
    case NumType::Decimal:
      return canonicalNumeric(n);
    case NumType::Float:
      return realToXPathString(n.real, true);
    case NumType::Double:
      return realToXPathString(n.real, false);
  }
  return {};
}

std::optional<rdf::Term> fromDateTime(Target target, const DateTimeValue& d) {
  DateTimeValue r = d;
  switch (target) {
    case Target::String:
      return stringLiteral(formatDateTime(d));
    case Target::DateTime:
      if (d.kind == DateKind::Time) {
        return std::nullopt;
      }
      r.kind = DateKind::DateTime;  // a date becomes its first instant
      return dateTimeTerm(r);
    case Target::Date:
      if (d.kind == DateKind::Time) {
        return std::nullopt;
      }
      r.kind = DateKind::Date;
      r.hour = r.minute = 0;
      r.second = Decimal();
      return dateTimeTerm(r);
    case Target::Time:
      if (d.kind == DateKind::Date) {
        return std::nullopt;
      }
      r.kind = DateKind::Time;
      r.year = 0;
      r.month = r.day = 0;
      return dateTimeTerm(r);
    case Target::Boolean:
    case Target::Numeric:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

bool isCastFunction(std::string_view iri) { return targetOf(iri).has_value(); }

std::optional<rdf::Term> castTo(std::string_view iri, const rdf::Term& v) {
  auto target = targetOf(iri);
  if (!target) {
    return std::nullopt;
  }
  if (v.isIri()) {
    if (*target == Target::String) {
      return stringLiteral(v.value);
    }
    return std::nullopt;
  }
  if (!v.isLiteral() || !v.lang.empty()) {
    return std::nullopt;
  }
  LiteralValue lv = classifyLiteral(v);
  switch (lv.cls) {
    case LiteralClass::String:
      return fromString(*target, iri, v.value);
    case LiteralClass::Numeric:
      switch (*target) {
        case Target::String:
          return stringLiteral(numericToString(lv.numeric));
        case Target::Boolean: {
          auto b = effectiveBooleanValue(v);
          if (!b) {
            return std::nullopt;
          }
          return booleanLiteral(*b);
        }
        case Target::Numeric:
          return numericAs(lv.numeric, iri);
        default:
          return std::nullopt;
      }
    case LiteralClass::Boolean:
      switch (*target) {
        case Target::String:
          return stringLiteral(lv.boolean ? "true" : "false");
        case Target::Boolean:
          return booleanLiteral(lv.boolean);
        case Target::Numeric:
          return numericAs(Numeric::ofInteger(lv.boolean ? 1 : 0), iri);
        default:
          return std::nullopt;
      }
    case LiteralClass::DateTime:
      return fromDateTime(*target, lv.dateTime);
    case LiteralClass::Duration:
      if (*target == Target::String) {
        return stringLiteral(v.value);
      }
      return std::nullopt;
    case LiteralClass::LangString:
    case LiteralClass::Other:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace bdis::sparql::expr
