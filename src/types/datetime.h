// Calendar arithmetic and the text forms of DATE, TIME, TIMESTAMP and
// INTERVAL values.
//
// Contract: pure functions, thread-safe. Parse* return false on text that is
// not a valid value of the type (the caller turns that into an error naming
// the text). Dates use the proleptic Gregorian calendar; TIMESTAMP values are
// microseconds since 1970-01-01 00:00:00 (UTC for TIMESTAMPTZ).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kodiak/value.h"

namespace kodiak {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400LL * kMicrosPerSecond;

int32_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
void CivilFromDays(int64_t days, int64_t* year, unsigned* month, unsigned* day);

bool ParseDate(std::string_view text, int32_t* days);
bool ParseTime(std::string_view text, int64_t* micros);
// Accepts 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS[.ffffff]]', a 'T' separator, and
// a trailing 'Z' or +HH[:MM] offset (converted to UTC).
bool ParseTimestamp(std::string_view text, int64_t* micros);
// '1 day', '2 hours 30 minutes', '1 year 2 mons', '-3 days', '01:30:00' (any
// number of hours), '1 day -02:00:00'. Units: year/yr/y, month/mon, week/w,
// day/d, hour/hr/h, minute/min/m, second/sec/s, millisecond/msec/ms,
// microsecond/usec/us, each also plural. Fractions cascade as in PostgreSQL:
// '1.5 days' is 1 day 12:00:00, '1.5 months' 1 month 15 days, '1.5 years' 18
// months. False when a part overflows its field. 'P1D' is not supported.
bool ParseInterval(std::string_view text, Interval* out);

std::string FormatDate(int32_t days);
std::string FormatTime(int64_t micros);
std::string FormatTimestamp(int64_t micros);
std::string FormatTimestampTz(int64_t micros);  // '... +00'
std::string FormatInterval(const Interval& v);

}  // namespace kodiak
