#pragma once
// Internal: xsd:dateTime, xsd:date, xsd:time and duration values, their ordering
// with and without time zones (XSD 1.1 section 3.2.7.4 and XPath F&O 3.1 section 9).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.h"
#include "sparql/expr/decimal.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::expr {

/// Which of the date/time types a value belongs to.
enum class DateKind : uint8_t { DateTime, Date, Time };

/// A date/time value as written (not normalised to UTC). Fields not present in the
/// kind are zero (Time has year 0, month 0, day 0; Date has 00:00:00).
struct DateTimeValue {
  DateKind kind = DateKind::DateTime;
  int64_t year = 0;
  int month = 0, day = 0, hour = 0, minute = 0;
  Decimal second;                ///< 0 <= second < 60, with its fraction digits
  std::optional<int> tzMinutes;  ///< offset from UTC in minutes, when a time zone is given
};

/// Parses the lexical space of the kind (24:00:00 is accepted and moved to the next day);
/// nullopt when invalid (including impossible days such as 2001-02-29) and for years of
/// more than nine digits, which are not supported.
std::optional<DateTimeValue> parseDateTime(std::string_view lexical, DateKind kind);

/// The value of an xsd:dateTime (or xsd:dateTimeStamp), xsd:date or xsd:time literal
/// with a valid lexical form; nullopt otherwise.
std::optional<DateTimeValue> dateTimeValue(const rdf::Term& t);

/// The datatype IRI of a kind.
std::string_view dateKindDatatype(DateKind kind);

/// The canonical lexical form of a value.
std::string formatDateTime(const DateTimeValue& v);

/// The literal holding `v`, typed by its kind.
rdf::Term dateTimeTerm(const DateTimeValue& v);

/// Compares two values of the same kind; values with and without time zone are
/// compared with the XSD partial order and give Unordered when indeterminate.
Order compareDateTime(const DateTimeValue& a, const DateTimeValue& b);

/// A stable total order for ORDER BY: values without time zone taken as UTC.
int totalOrderDateTime(const DateTimeValue& a, const DateTimeValue& b);

/// The xsd:dateTime literal for a system clock instant, in UTC ("...Z"), with the
/// fraction of seconds down to microseconds when non-zero.
rdf::Term dateTimeNow(std::chrono::system_clock::time_point t);

/// The xsd:dayTimeDuration literal for a time zone offset ("PT0S", "-PT5H", "PT5H30M").
rdf::Term timezoneDuration(int tzMinutes);

/// A duration: months and seconds, each carrying the sign of the whole.
struct DurationValue {
  int64_t months = 0;
  Decimal seconds;
};

/// The value of an xsd:duration, xsd:dayTimeDuration or xsd:yearMonthDuration literal
/// with a valid lexical form for its type.
std::optional<DurationValue> durationValue(const rdf::Term& t);

/// Compares durations: Equal/Unordered when they only differ in a way that has
/// no order (months against seconds), Less/Greater otherwise.
Order compareDuration(const DurationValue& a, const DurationValue& b);

}  // namespace bdis::sparql::expr
