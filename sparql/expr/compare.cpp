// The `=` operator, the relational operators, the effective boolean value and the
// ORDER BY order (https://www.w3.org/TR/sparql11-query/#OperatorMapping, 17.2.2, 15.1).

#include <algorithm>
#include <cmath>

#include "sparql/expr/builtins.h"
#include "sparql/expr/evaluator.h"
#include "sparql/expr/literal_class.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) {
             return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
           };
           return lower(x) == lower(y);
         });
}

std::string_view effectiveDatatype(const rdf::Term& t) {
  if (!t.lang.empty()) {
    return rdf::kRdfLangString;
  }
  if (t.datatype.empty()) {
    return rdf::kXsdString;
  }
  return t.datatype;
}

bool sameLiteral(const rdf::Term& a, const rdf::Term& b) {
  return a.value == b.value && a.lang == b.lang && effectiveDatatype(a) == effectiveDatatype(b);
}

/// Compares two classified literals of the same class; nullopt when the class has no order.
std::optional<Order> compareSameClass(const LiteralValue& x, const LiteralValue& y,
                                      const rdf::Term& a, const rdf::Term& b) {
  switch (x.cls) {
    case LiteralClass::String: {
      int c = a.value.compare(b.value);
      return c < 0 ? Order::Less : (c > 0 ? Order::Greater : Order::Equal);
    }
    case LiteralClass::Numeric:
      return compareNumeric(x.numeric, y.numeric);
    case LiteralClass::Boolean:
      return x.boolean == y.boolean ? Order::Equal : (x.boolean ? Order::Greater : Order::Less);
    case LiteralClass::DateTime:
      if (x.dateTime.kind != y.dateTime.kind) {
        return std::nullopt;
      }
      return compareDateTime(x.dateTime, y.dateTime);
    case LiteralClass::Duration:
      return compareDuration(x.duration, y.duration);
    case LiteralClass::LangString:
    case LiteralClass::Other:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

LiteralValue classifyLiteral(const rdf::Term& t) {
  LiteralValue v;
  if (!t.lang.empty()) {
    v.cls = LiteralClass::LangString;
    return v;
  }
  if (t.datatype.empty() || t.datatype == rdf::kXsdString) {
    v.cls = LiteralClass::String;
    return v;
  }
  std::string_view local = xsdLocalName(t.datatype);
  if (local.empty()) {
    return v;
  }
  if (numericTypeOf(t.datatype)) {
    if (auto n = numericValue(t)) {
      v.cls = LiteralClass::Numeric;
      v.numeric = *n;
    }
  } else if (local == "boolean") {
    if (auto b = parseBoolean(t.value)) {
      v.cls = LiteralClass::Boolean;
      v.boolean = *b;
    }
  } else if (auto d = dateTimeValue(t)) {
    v.cls = LiteralClass::DateTime;
    v.dateTime = *d;
  } else if (auto du = durationValue(t)) {
    v.cls = LiteralClass::Duration;
    v.duration = *du;
  }
  return v;
}

std::optional<bool> equalTerms(const rdf::Term& a, const rdf::Term& b) {
  if (a.kind != b.kind) {
    return false;
  }
  if (a.kind != rdf::TermKind::Literal) {
    return a.value == b.value;
  }
  if (sameLiteral(a, b)) {
    return true;
  }
  bool la = !a.lang.empty(), lb = !b.lang.empty();
  if (la || lb) {
    return la && lb && a.value == b.value && equalsIgnoreCase(a.lang, b.lang);
  }
  LiteralValue x = classifyLiteral(a), y = classifyLiteral(b);
  if (x.cls == LiteralClass::Other || y.cls == LiteralClass::Other) {
    return std::nullopt;
  }
  if (x.cls != y.cls) {
    return false;
  }
  auto order = compareSameClass(x, y, a, b);
  if (!order) {
    return false;  // date/time values of different kinds
  }
  switch (*order) {
    case Order::Equal:
      return true;
    case Order::Less:
    case Order::Greater:
      return false;
    case Order::Unordered:
      // NaN is unequal to everything; date/times compared across time zone presence
      // are indeterminate (an error); durations without order are unequal.
      if (x.cls == LiteralClass::DateTime) {
        return std::nullopt;
      }
      return false;
  }
  return std::nullopt;
}

std::optional<bool> compareTerms(CompareOp op, const rdf::Term& a, const rdf::Term& b) {
  if (!a.isLiteral() || !b.isLiteral()) {
    return std::nullopt;
  }
  LiteralValue x = classifyLiteral(a), y = classifyLiteral(b);
  if (x.cls != y.cls) {
    return std::nullopt;
  }
  auto order = compareSameClass(x, y, a, b);
  if (!order) {
    return std::nullopt;
  }
  if (*order == Order::Unordered) {
    // NaN compares false with everything; other unordered pairs are errors.
    if (x.cls == LiteralClass::Numeric) {
      return false;
    }
    return std::nullopt;
  }
  switch (op) {
    case CompareOp::Less:
      return *order == Order::Less;
    case CompareOp::Greater:
      return *order == Order::Greater;
    case CompareOp::LessEq:
      return *order != Order::Greater;
    case CompareOp::GreaterEq:
      return *order != Order::Less;
  }
  return std::nullopt;
}

std::optional<bool> effectiveBooleanValue(const rdf::Term& t) {
  if (!t.isLiteral()) {
    return std::nullopt;
  }
  if (!t.lang.empty() || t.datatype.empty() || t.datatype == rdf::kXsdString) {
    return !t.value.empty();
  }
  if (t.datatype == kXsdBoolean) {
    return parseBoolean(t.value).value_or(false);
  }
  if (numericTypeOf(t.datatype)) {
    auto n = numericValue(t);
    if (!n) {
      return false;
    }
    switch (n->type) {
      case NumType::Integer:
        return n->integer != 0;
      case NumType::Decimal:
        return n->decimal.mantissa != 0;
      case NumType::Float:
      case NumType::Double:
        return n->real != 0 && !std::isnan(n->real);
    }
  }
  return std::nullopt;
}

namespace {

int kindRank(const rdf::Term* t) {
  if (!t) {
    return 0;
  }
  switch (t->kind) {
    case rdf::TermKind::None:
      return 0;
    case rdf::TermKind::Blank:
      return 1;
    case rdf::TermKind::Iri:
      return 2;
    case rdf::TermKind::Literal:
      return 3;
  }
  return 0;
}

/// Rank of a literal family in the ORDER BY order of literals of different families.
int classRank(const LiteralValue& v) {
  switch (v.cls) {
    case LiteralClass::Numeric:
      return 0;
    case LiteralClass::String:
      return 1;
    case LiteralClass::LangString:
      return 2;
    case LiteralClass::Boolean:
      return 3;
    case LiteralClass::DateTime:
      return 4 + static_cast<int>(v.dateTime.kind);
    case LiteralClass::Duration:
      return 7;
    case LiteralClass::Other:
      return 8;
  }
  return 8;
}

int sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

int orderLiterals(const rdf::Term& a, const rdf::Term& b) {
  LiteralValue x = classifyLiteral(a), y = classifyLiteral(b);
  int rx = classRank(x), ry = classRank(y);
  if (rx != ry) {
    return rx < ry ? -1 : 1;
  }
  int c = 0;
  switch (x.cls) {
    case LiteralClass::Numeric: {
      Order o = compareNumeric(x.numeric, y.numeric);
      if (o == Order::Unordered) {
        // NaN sorts before every other number.
        bool nx = x.numeric.type >= NumType::Float && std::isnan(x.numeric.real);
        bool ny = y.numeric.type >= NumType::Float && std::isnan(y.numeric.real);
        c = nx == ny ? 0 : (nx ? -1 : 1);
      } else {
        c = o == Order::Less ? -1 : (o == Order::Greater ? 1 : 0);
      }
      break;
    }
    case LiteralClass::Boolean:
      c = static_cast<int>(x.boolean) - static_cast<int>(y.boolean);
      break;
    case LiteralClass::DateTime:
      c = totalOrderDateTime(x.dateTime, y.dateTime);
      break;
    case LiteralClass::Duration: {
      Order o = compareDuration(x.duration, y.duration);
      c = o == Order::Less ? -1 : (o == Order::Greater ? 1 : 0);
      break;
    }
    case LiteralClass::String:
    case LiteralClass::LangString:
      c = sign(a.value.compare(b.value));
      if (c == 0) {
        c = sign(a.lang.compare(b.lang));
      }
      break;
    case LiteralClass::Other:
      c = sign(effectiveDatatype(a).compare(effectiveDatatype(b)));
      break;
  }
  if (c != 0) {
    return c;
  }
  // Equal values with different spellings: a fixed order by datatype, then lexical form.
  c = sign(effectiveDatatype(a).compare(effectiveDatatype(b)));
  if (c != 0) {
    return c;
  }
  c = sign(a.value.compare(b.value));
  if (c != 0) {
    return c;
  }
  return sign(a.lang.compare(b.lang));
}

}  // namespace

int orderCompare(const rdf::Term* a, const rdf::Term* b) {
  int ra = kindRank(a), rb = kindRank(b);
  if (ra != rb) {
    return ra < rb ? -1 : 1;
  }
  if (ra == 0) {
    return 0;
  }
  if (ra != 3) {
    return sign(a->value.compare(b->value));
  }
  return orderLiterals(*a, *b);
}

}  // namespace bdis::sparql::expr
