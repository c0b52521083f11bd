#include "sparql/expr/datetime.h"

#include <cstdio>

#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Reads exactly `n` digits at `i`.
std::optional<int> fixedDigits(std::string_view s, size_t& i, size_t n) {
  if (i + n > s.size()) {
    return std::nullopt;
  }
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!isDigit(s[i + k])) {
      return std::nullopt;
    }
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  return v;
}

bool expect(std::string_view s, size_t& i, char c) {
  if (i >= s.size() || s[i] != c) {
    return false;
  }
  ++i;
  return true;
}

bool isLeap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int daysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (year 0 = 1 BCE).
int64_t daysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civilFromDays(int64_t z, int64_t& y, int& m, int& d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

/// The instant of `v` in seconds, taking `tzMinutes` when v has no time zone.
Decimal timeline(const DateTimeValue& v, int tzMinutes) {
  int64_t days = v.kind == DateKind::Time ? 0 : daysFromCivil(v.year, v.month, v.day);
  int tz = v.tzMinutes.value_or(tzMinutes);
  int64_t secs = days * 86400 + int64_t{v.hour} * 3600 + int64_t{v.minute} * 60 -
                 static_cast<int64_t>(tz) * 60;
  return *decimalAdd(Decimal::fromInteger(secs), v.second);
}

Order orderOf(int c) { return c < 0 ? Order::Less : (c > 0 ? Order::Greater : Order::Equal); }

std::string twoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

std::optional<DateTimeValue> parseDateTime(std::string_view s, DateKind kind) {
  DateTimeValue v;
  v.kind = kind;
  size_t i = 0;
  if (kind != DateKind::Time) {
    bool neg = expect(s, i, '-');
    size_t start = i;
    int64_t year = 0;
    while (i < s.size() && isDigit(s[i])) {
      if (i - start >= 9) {  // years beyond 999999999 are not supported
        return std::nullopt;
      }
      year = year * 10 + (s[i] - '0');
      ++i;
    }
    size_t n = i - start;
    if (n < 4 || (n > 4 && s[start] == '0')) {
      return std::nullopt;
    }
    v.year = neg ? -year : year;
    auto month = (expect(s, i, '-') ? fixedDigits(s, i, 2) : std::nullopt);
    auto day = (month && expect(s, i, '-') ? fixedDigits(s, i, 2) : std::nullopt);
    if (!month || !day || *month < 1 || *month > 12) {
      return std::nullopt;
    }
    if (*day < 1 || *day > daysInMonth(v.year, *month)) {
      return std::nullopt;
    }
    v.month = *month;
    v.day = *day;
    if (kind == DateKind::DateTime && !expect(s, i, 'T')) {
      return std::nullopt;
    }
  }
  if (kind != DateKind::Date) {
    auto hour = fixedDigits(s, i, 2);
    auto minute = hour && expect(s, i, ':') ? fixedDigits(s, i, 2) : std::nullopt;
    auto second = minute && expect(s, i, ':') ? fixedDigits(s, i, 2) : std::nullopt;
    if (!second || *hour > 24 || *minute > 59 || *second > 59) {
      return std::nullopt;
    }
    size_t secStart = i - 2;
    if (expect(s, i, '.')) {
      size_t fracStart = i;
      while (i < s.size() && isDigit(s[i])) {
        ++i;
      }
      if (i == fracStart) {
        return std::nullopt;
      }
    }
    auto sec = Decimal::parse(s.substr(secStart, i - secStart));
    if (!sec) {
      return std::nullopt;
    }
    if (*hour == 24 && (*minute != 0 || sec->mantissa != 0)) {
      return std::nullopt;
    }
    v.hour = *hour;
    v.minute = *minute;
    v.second = *sec;
  }
  if (i < s.size()) {
    if (s[i] == 'Z') {
      ++i;
      v.tzMinutes = 0;
    } else if (s[i] == '+' || s[i] == '-') {
      int sign = s[i] == '-' ? -1 : 1;
      ++i;
      auto h = fixedDigits(s, i, 2);
      auto m = h && expect(s, i, ':') ? fixedDigits(s, i, 2) : std::nullopt;
      if (!m || *h > 14 || *m > 59 || (*h == 14 && *m != 0)) {
        return std::nullopt;
      }
      v.tzMinutes = sign * (*h * 60 + *m);
    } else {
      return std::nullopt;
    }
  }
  if (i != s.size()) {
    return std::nullopt;
  }
  if (v.hour == 24) {
    v.hour = 0;
    if (kind == DateKind::DateTime) {
      int64_t days = daysFromCivil(v.year, v.month, v.day) + 1;
      civilFromDays(days, v.year, v.month, v.day);
    }
  }
  return v;
}

std::string_view dateKindDatatype(DateKind kind) {
  switch (kind) {
    case DateKind::DateTime:
      return kXsdDateTime;
    case DateKind::Date:
      return kXsdDate;
    case DateKind::Time:
      return kXsdTime;
  }
  return kXsdDateTime;
}

std::optional<DateTimeValue> dateTimeValue(const rdf::Term& t) {
  if (t.kind != rdf::TermKind::Literal || !t.lang.empty()) {
    return std::nullopt;
  }
  std::string_view local = xsdLocalName(t.datatype);
  if (local == "dateTime") {
    return parseDateTime(t.value, DateKind::DateTime);
  }
  if (local == "dateTimeStamp") {
    auto v = parseDateTime(t.value, DateKind::DateTime);
    if (v && !v->tzMinutes) {
      return std::nullopt;
    }
    return v;
  }
  if (local == "date") {
    return parseDateTime(t.value, DateKind::Date);
  }
  if (local == "time") {
    return parseDateTime(t.value, DateKind::Time);
  }
  return std::nullopt;
}

std::string formatDateTime(const DateTimeValue& v) {
  std::string out;
  if (v.kind != DateKind::Time) {
    if (v.year < 0) {
      out += '-';
    }
    std::string y = std::to_string(v.year < 0 ? -v.year : v.year);
    if (y.size() < 4) {
      out.append(4 - y.size(), '0');
    }
    out += y;
    out += '-' + twoDigits(v.month) + '-' + twoDigits(v.day);
  }
  if (v.kind == DateKind::DateTime) {
    out += 'T';
  }
  if (v.kind != DateKind::Date) {
    out += twoDigits(v.hour) + ':' + twoDigits(v.minute) + ':';
    std::string sec = v.second.toString();
    if (sec.find('.') == 1 || sec.size() == 1) {
      out += '0';
    }
    out += sec;
  }
  if (v.tzMinutes) {
    int tz = *v.tzMinutes;
    if (tz == 0) {
      out += 'Z';
    } else {
      out += tz < 0 ? '-' : '+';
      if (tz < 0) {
        tz = -tz;
      }
      out += twoDigits(tz / 60) + ':' + twoDigits(tz % 60);
    }
  }
  return out;
}

rdf::Term dateTimeTerm(const DateTimeValue& v) {
  return typedLiteral(formatDateTime(v), dateKindDatatype(v.kind));
}

Order compareDateTime(const DateTimeValue& a, const DateTimeValue& b) {
  if (a.tzMinutes.has_value() == b.tzMinutes.has_value()) {
    return orderOf(decimalCompare(timeline(a, 0), timeline(b, 0)));
  }
  bool aZoned = a.tzMinutes.has_value();
  const DateTimeValue& p = aZoned ? a : b;
  const DateTimeValue& q = aZoned ? b : a;
  Decimal pt = timeline(p, 0);
  Order pq = Order::Unordered;
  if (decimalCompare(pt, timeline(q, 14 * 60)) < 0) {
    pq = Order::Less;
  } else if (decimalCompare(pt, timeline(q, -14 * 60)) > 0) {
    pq = Order::Greater;
  }
  if (pq == Order::Unordered || aZoned) {
    return pq;
  }
  return pq == Order::Less ? Order::Greater : Order::Less;
}

int totalOrderDateTime(const DateTimeValue& a, const DateTimeValue& b) {
  return decimalCompare(timeline(a, 0), timeline(b, 0));
}

rdf::Term dateTimeNow(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  int64_t us = duration_cast<microseconds>(t.time_since_epoch()).count();
  int64_t days = us >= 0 ? us / 86400000000LL : -((-us + 86399999999LL) / 86400000000LL);
  int64_t inDay = us - days * 86400000000LL;
  DateTimeValue v;
  civilFromDays(days, v.year, v.month, v.day);
  v.hour = static_cast<int>(inDay / 3600000000LL);
  v.minute = static_cast<int>(inDay / 60000000LL % 60);
  v.second =
      *decimalDivide(Decimal::fromInteger(inDay % 60000000LL), Decimal::fromInteger(1000000));
  v.tzMinutes = 0;
  return dateTimeTerm(v);
}

rdf::Term timezoneDuration(int tz) {
  if (tz == 0) {
    return typedLiteral("PT0S", kXsdDayTimeDuration);
  }
  std::string out = tz < 0 ? "-PT" : "PT";
  if (tz < 0) {
    tz = -tz;
  }
  if (tz / 60) {
    out += std::to_string(tz / 60) + "H";
  }
  if (tz % 60) {
    out += std::to_string(tz % 60) + "M";
  }
  return typedLiteral(std::move(out), kXsdDayTimeDuration);
}

std::optional<DurationValue> durationValue(const rdf::Term& t) {
  if (t.kind != rdf::TermKind::Literal || !t.lang.empty()) {
    return std::nullopt;
  }
  std::string_view local = xsdLocalName(t.datatype);
  bool dayTime = local == "dayTimeDuration", yearMonth = local == "yearMonthDuration";
  if (!dayTime && !yearMonth && local != "duration") {
    return std::nullopt;
  }
  std::string_view s = t.value;
  size_t i = 0;
  bool neg = expect(s, i, '-');
  if (!expect(s, i, 'P')) {
    return std::nullopt;
  }
  int64_t months = 0;
  Decimal seconds;
  bool inTime = false, any = false, anyAfterT = false;
  const char* order = "YMDHMS";
  int pos = 0;  // index in `order` of the next allowed designator
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (inTime) {
        return std::nullopt;
      }
      inTime = true;
      pos = 3;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '.')) {
      ++i;
    }
    if (i == start || i >= s.size()) {
      return std::nullopt;
    }
    auto num = Decimal::parse(s.substr(start, i - start));
    if (!num) {
      return std::nullopt;
    }
    char des = s[i++];
    int found = -1;
    for (int k = pos; k < 6; ++k) {
      if (order[k] == des && (k >= 3) == inTime) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      return std::nullopt;
    }
    if (found != 5 && !num->isIntegral()) {
      return std::nullopt;
    }
    if (yearMonth && found >= 2) {
      return std::nullopt;
    }
    if (dayTime && found < 2) {
      return std::nullopt;
    }
    static const int64_t kFactor[] = {12, 1, 86400, 3600, 60, 1};
    if (found < 2) {
      months += static_cast<int64_t>(num->truncated()) * kFactor[found];
    } else {
      auto part = decimalMultiply(*num, Decimal::fromInteger(kFactor[found]));
      auto sum = part ? decimalAdd(seconds, *part) : std::nullopt;
      if (!sum) {
        return std::nullopt;
      }
      seconds = *sum;
    }
    pos = found + 1;
    any = true;
    if (inTime) {
      anyAfterT = true;
    }
  }
  if (!any || (inTime && !anyAfterT)) {
    return std::nullopt;
  }
  if (neg) {
    months = -months;
    seconds = decimalNegate(seconds);
  }
  return DurationValue{months, seconds};
}

Order compareDuration(const DurationValue& a, const DurationValue& b) {
  Order m = orderOf(a.months < b.months ? -1 : (a.months > b.months ? 1 : 0));
  Order s = orderOf(decimalCompare(a.seconds, b.seconds));
  if (m == Order::Equal) {
    return s;
  }
  if (s == Order::Equal || s == m) {
    return m;
  }
  return Order::Unordered;
}

}  // namespace bdis::sparql::expr
