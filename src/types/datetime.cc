#include "types/datetime.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace kodiak {

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int32_t>(era * 146097 + static_cast<int64_t>(doe) - 719468);
}

void CivilFromDays(int64_t z, int64_t* year, unsigned* month, unsigned* day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = y + (*month <= 2);
}

namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    i_++;
    return true;
  }
  void SkipSpaces() {
    while (!AtEnd() && std::isspace(static_cast<unsigned char>(s_[i_]))) i_++;
  }
  // Reads 1..max_digits digits.
  bool Digits(int64_t* out, int min_digits, int max_digits, int* count = nullptr) {
    int n = 0;
    int64_t v = 0;
    while (!AtEnd() && std::isdigit(static_cast<unsigned char>(s_[i_])) && n < max_digits) {
      v = v * 10 + (s_[i_] - '0');
      i_++;
      n++;
    }
    if (count) *count = n;
    *out = v;
    return n >= min_digits;
  }
  std::string_view Rest() const { return s_.substr(i_); }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool ValidDate(int64_t y, int64_t m, int64_t d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max && y >= -290000 && y <= 290000;
}

bool ScanDate(Scanner& sc, int32_t* days) {
  int64_t y, m, d;
  bool neg = sc.Consume('-');
  if (!sc.Digits(&y, 1, 6) || !sc.Consume('-') || !sc.Digits(&m, 1, 2) || !sc.Consume('-') ||
      !sc.Digits(&d, 1, 2))
    return false;
  if (neg) y = -y;
  if (!ValidDate(y, m, d)) return false;
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// HH:MM[:SS[.ffffff]]. A time of day has hours 0..24 (24:00:00 only); the
// time part of an interval (`duration`) may have any number of hours.
bool ScanTime(Scanner& sc, int64_t* micros, bool duration = false) {
  int64_t h, mi, s = 0, frac = 0;
  if (!sc.Digits(&h, 1, duration ? 9 : 2) || !sc.Consume(':') || !sc.Digits(&mi, 2, 2)) {
    return false;
  }
  if (sc.Consume(':')) {
    if (!sc.Digits(&s, 2, 2)) return false;
    if (sc.Consume('.')) {
      int n;
      if (!sc.Digits(&frac, 1, 6, &n)) return false;
      for (; n < 6; n++) frac *= 10;
      int64_t ignored;
      sc.Digits(&ignored, 0, 100);  // digits beyond microseconds are dropped
    }
  }
  if (mi > 59 || s > 59) return false;
  if (!duration && (h > 24 || (h == 24 && (mi || s || frac)))) return false;
  *micros = ((h * 60 + mi) * 60 + s) * kMicrosPerSecond + frac;
  return true;
}

}  // namespace

bool ParseDate(std::string_view text, int32_t* days) {
  Scanner sc(text);
  sc.SkipSpaces();
  if (!ScanDate(sc, days)) return false;
  sc.SkipSpaces();
  return sc.AtEnd();
}

bool ParseTime(std::string_view text, int64_t* micros) {
  Scanner sc(text);
  sc.SkipSpaces();
  if (!ScanTime(sc, micros)) return false;
  sc.SkipSpaces();
  return sc.AtEnd();
}

bool ParseTimestamp(std::string_view text, int64_t* micros) {
  Scanner sc(text);
  sc.SkipSpaces();
  int32_t days;
  if (!ScanDate(sc, &days)) return false;
  int64_t tod = 0;
  if (sc.Consume('T') || sc.Consume('t')) {
    if (!ScanTime(sc, &tod)) return false;  // 'T' must be followed by a time
  } else if (sc.Consume(' ')) {
    sc.SkipSpaces();
    if (!sc.AtEnd() && !ScanTime(sc, &tod)) return false;
  }
  sc.SkipSpaces();
  int64_t offset = 0;
  if (sc.Consume('Z') || sc.Consume('z')) {
  } else if (sc.Peek() == '+' || sc.Peek() == '-') {
    bool neg = sc.Peek() == '-';
    sc.Consume(sc.Peek());
    int64_t oh, om = 0;
    if (!sc.Digits(&oh, 1, 2)) return false;
    if (sc.Consume(':')) {
      if (!sc.Digits(&om, 2, 2)) return false;
    } else {
      sc.Digits(&om, 0, 2);
    }
    if (oh > 18 || om > 59) return false;
    offset = (oh * 60 + om) * 60 * kMicrosPerSecond;
    if (neg) offset = -offset;
  }
  sc.SkipSpaces();
  if (!sc.AtEnd()) return false;
  *micros = static_cast<int64_t>(days) * kMicrosPerDay + tod - offset;
  return true;
}

namespace {

enum class IntervalUnit { kYear, kMonth, kWeek, kDay, kHour, kMinute, kSecond, kMilli, kMicro };

// Every accepted spelling, singular and plural, listed in full so that "ms"
// is never mistaken for a plural of "m".
bool LookupIntervalUnit(const std::string& word, IntervalUnit* unit) {
  static const struct {
    const char* name;
    IntervalUnit unit;
  } kUnits[] = {
      {"y", IntervalUnit::kYear},         {"yr", IntervalUnit::kYear},
      {"yrs", IntervalUnit::kYear},       {"year", IntervalUnit::kYear},
      {"years", IntervalUnit::kYear},     {"mon", IntervalUnit::kMonth},
      {"mons", IntervalUnit::kMonth},     {"month", IntervalUnit::kMonth},
      {"months", IntervalUnit::kMonth},   {"w", IntervalUnit::kWeek},
      {"week", IntervalUnit::kWeek},      {"weeks", IntervalUnit::kWeek},
      {"d", IntervalUnit::kDay},          {"day", IntervalUnit::kDay},
      {"days", IntervalUnit::kDay},       {"h", IntervalUnit::kHour},
      {"hr", IntervalUnit::kHour},        {"hrs", IntervalUnit::kHour},
      {"hour", IntervalUnit::kHour},      {"hours", IntervalUnit::kHour},
      {"m", IntervalUnit::kMinute},       {"min", IntervalUnit::kMinute},
      {"mins", IntervalUnit::kMinute},    {"minute", IntervalUnit::kMinute},
      {"minutes", IntervalUnit::kMinute}, {"s", IntervalUnit::kSecond},
      {"sec", IntervalUnit::kSecond},     {"secs", IntervalUnit::kSecond},
      {"second", IntervalUnit::kSecond},  {"seconds", IntervalUnit::kSecond},
      {"ms", IntervalUnit::kMilli},       {"msec", IntervalUnit::kMilli},
      {"msecs", IntervalUnit::kMilli},    {"millisecond", IntervalUnit::kMilli},
      {"milliseconds", IntervalUnit::kMilli}, {"us", IntervalUnit::kMicro},
      {"usec", IntervalUnit::kMicro},     {"usecs", IntervalUnit::kMicro},
      {"microsecond", IntervalUnit::kMicro}, {"microseconds", IntervalUnit::kMicro},
  };
  for (const auto& u : kUnits) {
    if (word == u.name) {
      *unit = u.unit;
      return true;
    }
  }
  return false;
}

}  // namespace

bool ParseInterval(std::string_view text, Interval* out) {
  constexpr __int128 kNanosPerDay = 86400LL * 1000000000LL;
  // Summed wide; the ranges are checked at the end.
  __int128 months = 0, days = 0, nanos = 0;
  Scanner sc(text);
  sc.SkipSpaces();
  if (sc.AtEnd()) return false;
  while (true) {
    sc.SkipSpaces();
    if (sc.AtEnd()) break;
    bool neg = false;
    if (sc.Consume('-')) neg = true;
    else sc.Consume('+');
    const int sign = neg ? -1 : 1;
    // hh:mm:ss form
    std::string_view rest = sc.Rest();
    size_t colon = rest.find(':');
    size_t space = rest.find(' ');
    if (colon != std::string_view::npos && (space == std::string_view::npos || colon < space)) {
      int64_t micros;
      if (!ScanTime(sc, &micros, /*duration=*/true)) return false;
      nanos += static_cast<__int128>(sign) * micros * 1000;
      continue;
    }
    // n[.fraction] unit; the fraction is frac / den.
    int64_t n, frac = 0;
    int frac_digits = 0;
    if (!sc.Digits(&n, 1, 18)) return false;
    if (sc.Consume('.')) sc.Digits(&frac, 0, 9, &frac_digits);
    int64_t ignored;
    sc.Digits(&ignored, 0, 100);  // fraction digits beyond nanoseconds are dropped
    __int128 den = 1;
    for (int i = 0; i < frac_digits; i++) den *= 10;
    sc.SkipSpaces();
    std::string word;
    while (!sc.AtEnd() && std::isalpha(static_cast<unsigned char>(sc.Peek()))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(sc.Peek())));
      sc.Consume(sc.Peek());
    }
    IntervalUnit unit;
    if (!LookupIntervalUnit(word, &unit)) return false;
    // A fraction of a month becomes days (30 to the month) and a fraction of
    // a day becomes time, as PostgreSQL does; a fraction of a year becomes
    // whole months.
    auto add_days = [&](__int128 whole, __int128 part_num) {  // whole + part_num / den days
      days += sign * (whole + part_num / den);
      nanos += sign * (part_num % den * kNanosPerDay / den);
    };
    auto add_nanos = [&](__int128 unit_nanos) {
      nanos += sign * (n * unit_nanos + frac * unit_nanos / den);
    };
    const __int128 wide_n = n, wide_frac = frac;
    switch (unit) {
      case IntervalUnit::kYear: months += sign * (wide_n * 12 + wide_frac * 12 / den); break;
      case IntervalUnit::kMonth:
        months += sign * wide_n;
        add_days(0, wide_frac * 30);
        break;
      case IntervalUnit::kWeek: add_days(wide_n * 7, wide_frac * 7); break;
      case IntervalUnit::kDay: add_days(wide_n, wide_frac); break;
      case IntervalUnit::kHour: add_nanos(3600 * static_cast<__int128>(1000000000)); break;
      case IntervalUnit::kMinute: add_nanos(60 * static_cast<__int128>(1000000000)); break;
      case IntervalUnit::kSecond: add_nanos(1000000000); break;
      case IntervalUnit::kMilli: add_nanos(1000000); break;
      case IntervalUnit::kMicro: add_nanos(1000); break;
    }
    if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN ||
        nanos > INT64_MAX || nanos < INT64_MIN)
      return false;
  }
  *out = Interval{static_cast<int32_t>(months), static_cast<int32_t>(days),
                  static_cast<int64_t>(nanos)};
  return true;
}

std::string FormatDate(int32_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  if (y >= 0 && y <= 9999) std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  else std::snprintf(buf, sizeof buf, "%lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string FormatTime(int64_t micros) {
  int64_t s = micros / kMicrosPerSecond, frac = micros % kMicrosPerSecond;
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                        static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  if (frac) {
    std::snprintf(buf + n, sizeof buf - n, ".%06lld", static_cast<long long>(frac));
    std::string out(buf);
    while (out.back() == '0') out.pop_back();
    return out;
  }
  return buf;
}

std::string FormatTimestamp(int64_t micros) {
  int64_t days = micros / kMicrosPerDay, tod = micros % kMicrosPerDay;
  if (tod < 0) {
    tod += kMicrosPerDay;
    days--;
  }
  return FormatDate(static_cast<int32_t>(days)) + " " + FormatTime(tod);
}

std::string FormatTimestampTz(int64_t micros) { return FormatTimestamp(micros) + "+00"; }

std::string FormatInterval(const Interval& v) {
  std::string out;
  auto part = [&](int64_t n, const char* unit) {
    if (!n) return;
    if (!out.empty()) out += ' ';
    out += std::to_string(n) + ' ' + unit + (n == 1 || n == -1 ? "" : "s");
  };
  part(v.months / 12, "year");
  part(v.months % 12, "month");
  part(v.days, "day");
  if (v.nanos) {
    int64_t micros = v.nanos / 1000;
    bool neg = micros < 0;
    if (neg) micros = -micros;
    if (!out.empty()) out += ' ';
    out += (neg ? "-" : "") + FormatTime(micros);
  }
  return out.empty() ? "00:00:00" : out;
}

}  // namespace kodiak
