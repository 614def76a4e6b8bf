#include "types/datetime.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace kodiak {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kNanosPerHour = 3600 * kNanosPerSecond;

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

int64_t Micros(int64_t y, unsigned mo, unsigned d, int64_t h = 0, int64_t mi = 0, int64_t s = 0,
               int64_t us = 0) {
  return int64_t{DaysFromCivil(y, mo, d)} * kMicrosPerDay +
         ((h * 60 + mi) * 60 + s) * kMicrosPerSecond + us;
}

int32_t Date(std::string_view text) {
  int32_t days = 0;
  EXPECT_TRUE(ParseDate(text, &days)) << "'" << text << "'";
  return days;
}

int64_t Time(std::string_view text) {
  int64_t micros = -1;
  EXPECT_TRUE(ParseTime(text, &micros)) << "'" << text << "'";
  return micros;
}

int64_t Timestamp(std::string_view text) {
  int64_t micros = 0;
  EXPECT_TRUE(ParseTimestamp(text, &micros)) << "'" << text << "'";
  return micros;
}

Interval ParseIv(std::string_view text) {
  Interval v{-99, -99, -99};
  EXPECT_TRUE(ParseInterval(text, &v)) << "'" << text << "'";
  return v;
}

std::string Show(const Interval& v) {
  return "{" + std::to_string(v.months) + ", " + std::to_string(v.days) + ", " +
         std::to_string(v.nanos) + "}";
}

// ---------------------------------------------------------------- calendar

TEST(DatetimeTest, KnownDayNumbers) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 2, 29), 11016);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1, 1, 1), -719162);
  EXPECT_EQ(DaysFromCivil(0, 3, 1), -719468);
  EXPECT_EQ(DaysFromCivil(9999, 12, 31), 2932896);
}

TEST(DatetimeTest, RoundTripEvery37thDayFromYearMinus1000To3000) {
  const int32_t first = DaysFromCivil(-1000, 1, 1);
  const int32_t last = DaysFromCivil(3000, 12, 31);
  int checked = 0;
  for (int64_t z = first; z <= last; z += 37) {
    int64_t y;
    unsigned m, d;
    CivilFromDays(z, &y, &m, &d);
    ASSERT_GE(m, 1u);
    ASSERT_LE(m, 12u);
    ASSERT_GE(d, 1u);
    ASSERT_LE(d, DaysInMonth(y, m)) << y << "-" << m;
    ASSERT_EQ(DaysFromCivil(y, m, d), z) << y << "-" << m << "-" << d;
    // And through the text form.
    std::string text = FormatDate(static_cast<int32_t>(z));
    int32_t back;
    ASSERT_TRUE(ParseDate(text, &back)) << text;
    ASSERT_EQ(back, z) << text;
    checked++;
  }
  EXPECT_GT(checked, 39000);
}

TEST(DatetimeTest, ConsecutiveDaysMatchANaiveCalendarWalk) {
  // Walk the calendar one day at a time from -1000-01-01 to 3000-12-31 and
  // check both directions against the running day number.
  int64_t y = -1000;
  unsigned m = 1, d = 1;
  int64_t z = DaysFromCivil(y, m, d);
  while (y <= 3000) {
    ASSERT_EQ(DaysFromCivil(y, m, d), z) << y << "-" << m << "-" << d;
    int64_t cy;
    unsigned cm, cd;
    CivilFromDays(z, &cy, &cm, &cd);
    ASSERT_TRUE(cy == y && cm == m && cd == d) << z << " gave " << cy << "-" << cm << "-" << cd;
    z++;
    if (++d > DaysInMonth(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
}

TEST(DatetimeTest, LeapYears) {
  EXPECT_EQ(Date("2000-02-29"), DaysFromCivil(2000, 2, 29));
  EXPECT_EQ(Date("2024-02-29"), DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(Date("2400-02-29"), DaysFromCivil(2400, 2, 29));
  int32_t days;
  EXPECT_FALSE(ParseDate("1900-02-29", &days));
  EXPECT_FALSE(ParseDate("2100-02-29", &days));
  EXPECT_FALSE(ParseDate("2023-02-29", &days));
  EXPECT_FALSE(ParseDate("2024-02-30", &days));
  // Proleptic Gregorian rules hold for years before 1: -4 and -400 are leap
  // years, -100 is not.
  EXPECT_EQ(Date("-4-02-29"), DaysFromCivil(-4, 2, 29));
  EXPECT_EQ(Date("-400-02-29"), DaysFromCivil(-400, 2, 29));
  EXPECT_FALSE(ParseDate("-100-02-29", &days));
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);
}

// ---------------------------------------------------------------- DATE text

TEST(DatetimeTest, ParseDateForms) {
  EXPECT_EQ(Date("1970-01-01"), 0);
  EXPECT_EQ(Date("1969-12-31"), -1);
  EXPECT_EQ(Date("  2024-01-31 "), DaysFromCivil(2024, 1, 31));
  EXPECT_EQ(Date("2024-1-5"), DaysFromCivil(2024, 1, 5));
  EXPECT_EQ(Date("0001-01-01"), DaysFromCivil(1, 1, 1));
  EXPECT_EQ(Date("10000-01-01"), DaysFromCivil(10000, 1, 1));
  EXPECT_EQ(Date("-0044-03-15"), DaysFromCivil(-44, 3, 15));
}

TEST(DatetimeTest, ParseDateRejectsInvalidText) {
  for (const char* text :
       {"", " ", "2024", "2024-01", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32",
        "2024-04-31", "2024/01/31", "2024-01-31x", "2024-01-3a", "abcd-ef-gh",
        "2024-01-31 12:00:00", "2024--01-31", "2024-001-31", "9999999-01-01"}) {
    int32_t days;
    EXPECT_FALSE(ParseDate(text, &days)) << "'" << text << "'";
  }
}

TEST(DatetimeTest, FormatDatePadsAndExtends) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(DaysFromCivil(999, 5, 6)), "0999-05-06");
  EXPECT_EQ(FormatDate(DaysFromCivil(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(FormatDate(DaysFromCivil(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(FormatDate(DaysFromCivil(10000, 1, 1)), "10000-01-01");
  EXPECT_EQ(FormatDate(DaysFromCivil(275000, 12, 31)), "275000-12-31");
}

// ---------------------------------------------------------------- TIME text

TEST(DatetimeTest, ParseTimeForms) {
  EXPECT_EQ(Time("00:00:00"), 0);
  EXPECT_EQ(Time("12:30"), (12 * 60 + 30) * 60 * kMicrosPerSecond);
  EXPECT_EQ(Time("1:02:03"), (3600 + 2 * 60 + 3) * kMicrosPerSecond);
  EXPECT_EQ(Time("23:59:59.999999"), kMicrosPerDay - 1);
  EXPECT_EQ(Time("24:00:00"), kMicrosPerDay);
  EXPECT_EQ(Time("12:30:45.5"), ((12 * 60 + 30) * 60 + 45) * kMicrosPerSecond + 500000);
  EXPECT_EQ(Time("00:00:00.000001"), 1);
  // Digits past the microsecond are dropped, not rounded.
  EXPECT_EQ(Time("00:00:00.1234569"), 123456);
  EXPECT_EQ(Time(" 08:00:00 "), 8 * 3600 * kMicrosPerSecond);
}

TEST(DatetimeTest, ParseTimeRejectsInvalidText) {
  for (const char* text :
       {"", "12", "24:00:01", "24:30", "25:00:00", "12:60:00", "12:00:60", "12:30:5", "12:3",
        "12:30:45.", "-01:00:00", "noon", "12:30:45x", "123:00:00"}) {
    int64_t micros;
    EXPECT_FALSE(ParseTime(text, &micros)) << "'" << text << "'";
  }
}

TEST(DatetimeTest, TimeRoundTripsThroughText) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 2000; i++) {
    int64_t micros = static_cast<int64_t>(rng() % kMicrosPerDay);
    if (i % 3 == 0) micros -= micros % kMicrosPerSecond;  // also whole seconds
    std::string text = FormatTime(micros);
    int64_t back;
    ASSERT_TRUE(ParseTime(text, &back)) << text;
    ASSERT_EQ(back, micros) << text;
  }
  EXPECT_EQ(FormatTime(500000), "00:00:00.5");
  EXPECT_EQ(FormatTime(120000), "00:00:00.12");
}

// ---------------------------------------------------------------- TIMESTAMP text

TEST(DatetimeTest, ParseTimestampForms) {
  EXPECT_EQ(Timestamp("2024-01-31"), Micros(2024, 1, 31));
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00"), Micros(2024, 1, 31, 12));
  EXPECT_EQ(Timestamp("2024-01-31T12:00:00"), Micros(2024, 1, 31, 12));
  EXPECT_EQ(Timestamp("2024-01-31 12:00"), Micros(2024, 1, 31, 12));
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00.25"), Micros(2024, 1, 31, 12, 0, 0, 250000));
  EXPECT_EQ(Timestamp("2024-01-31T12:00:00.123456Z"), Micros(2024, 1, 31, 12, 0, 0, 123456));
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00z"), Micros(2024, 1, 31, 12));
  EXPECT_EQ(Timestamp("1969-12-31 23:59:59.5"), -500000);
  EXPECT_EQ(Timestamp("1900-01-01 00:00:00"), Micros(1900, 1, 1));
}

TEST(DatetimeTest, ParseTimestampOffsetsConvertToUtc) {
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00+05:30"), Micros(2024, 1, 31, 6, 30));
  EXPECT_EQ(Timestamp("2024-01-31T12:00:00+0530"), Micros(2024, 1, 31, 6, 30));
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00-08"), Micros(2024, 1, 31, 20));
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00 -08:00"), Micros(2024, 1, 31, 20));
  EXPECT_EQ(Timestamp("2024-01-31 12:00:00+00"), Micros(2024, 1, 31, 12));
  // Offsets move the instant across a day (and a year) boundary.
  EXPECT_EQ(Timestamp("2024-01-01 01:00:00+05:30"), Micros(2023, 12, 31, 19, 30));
  EXPECT_EQ(Timestamp("2023-12-31 20:00:00-05:00"), Micros(2024, 1, 1, 1));
}

TEST(DatetimeTest, ParseTimestampRejectsInvalidText) {
  for (const char* text : {"", "2024-01-31T", "2024-01-31 25:00:00", "2024-01-31 12:00:00 PST",
                           "2024-01-31X12:00:00", "2024-02-30 00:00:00", "2024-01-31 12:00:00+",
                           "2024-01-31 12:00:00+05:3", "2024-01-31 12:00:00+99:99",
                           "2024-01-31 12:00:00+05:75", "12:00:00", "2024-01-31 12:00:00 extra"}) {
    int64_t micros;
    EXPECT_FALSE(ParseTimestamp(text, &micros)) << "'" << text << "'";
  }
}

TEST(DatetimeTest, FormatTimestamp) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01 00:00:00");
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(FormatTimestamp(Micros(2024, 1, 31, 12, 0, 0, 123000)), "2024-01-31 12:00:00.123");
  EXPECT_EQ(FormatTimestamp(Micros(1900, 6, 1, 23, 59, 59)), "1900-06-01 23:59:59");
  EXPECT_EQ(FormatTimestampTz(Micros(2024, 1, 31, 6, 30)), "2024-01-31 06:30:00+00");
}

TEST(DatetimeTest, TimestampRoundTripsThroughText) {
  std::mt19937_64 rng(5);
  const int64_t lo = Micros(-1000, 1, 1), hi = Micros(3000, 12, 31, 23, 59, 59, 999999);
  for (int i = 0; i < 5000; i++) {
    int64_t micros = lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo));
    if (i % 4 == 0) micros -= ((micros % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;
    for (bool tz : {false, true}) {
      std::string text = tz ? FormatTimestampTz(micros) : FormatTimestamp(micros);
      int64_t back;
      ASSERT_TRUE(ParseTimestamp(text, &back)) << text;
      ASSERT_EQ(back, micros) << text;
    }
  }
}

// ---------------------------------------------------------------- INTERVAL text

TEST(DatetimeTest, ParseIntervalUnits) {
  EXPECT_EQ(ParseIv("1 day"), (Interval{0, 1, 0}));
  EXPECT_EQ(ParseIv("2 days"), (Interval{0, 2, 0}));
  EXPECT_EQ(ParseIv("-3 days"), (Interval{0, -3, 0}));
  EXPECT_EQ(ParseIv("+2 d"), (Interval{0, 2, 0}));
  EXPECT_EQ(ParseIv("1 week"), (Interval{0, 7, 0}));
  EXPECT_EQ(ParseIv("1 year 2 mons"), (Interval{14, 0, 0}));
  EXPECT_EQ(ParseIv("2 YEARS 1 Month"), (Interval{25, 0, 0}));
  EXPECT_EQ(ParseIv("2 hours 30 minutes"),
            (Interval{0, 0, 2 * kNanosPerHour + 30 * 60 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("1 h 2 m 3 s"), (Interval{0, 0, kNanosPerHour + 123 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("10 seconds"), (Interval{0, 0, 10 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("3 mins"), (Interval{0, 0, 180 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("1 year -1 day"), (Interval{12, -1, 0}));
}

TEST(DatetimeTest, ParseIntervalSubSecondUnits) {
  // "ms" is milliseconds, not a plural of "m" (minutes).
  EXPECT_EQ(ParseIv("5 ms"), (Interval{0, 0, 5000000})) << Show(ParseIv("5 ms"));
  EXPECT_EQ(ParseIv("5 milliseconds"), (Interval{0, 0, 5000000}));
  EXPECT_EQ(ParseIv("1 millisecond"), (Interval{0, 0, 1000000}));
  EXPECT_EQ(ParseIv("7 us"), (Interval{0, 0, 7000})) << Show(ParseIv("7 us"));
  EXPECT_EQ(ParseIv("7 microseconds"), (Interval{0, 0, 7000}));
  EXPECT_EQ(ParseIv("1 m"), (Interval{0, 0, 60 * kNanosPerSecond}));
}

TEST(DatetimeTest, ParseIntervalFractions) {
  EXPECT_EQ(ParseIv("1.5 hours"), (Interval{0, 0, 90 * 60 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("0.25 seconds"), (Interval{0, 0, 250000000}));
  EXPECT_EQ(ParseIv("1.000001 seconds"), (Interval{0, 0, 1000001000}));
  // Fractions of calendar units cascade down as in PostgreSQL instead of
  // being dropped.
  EXPECT_EQ(ParseIv("1.5 days"), (Interval{0, 1, 12 * kNanosPerHour})) << Show(ParseIv("1.5 days"));
  EXPECT_EQ(ParseIv("1.5 weeks"), (Interval{0, 10, 12 * kNanosPerHour}))
      << Show(ParseIv("1.5 weeks"));
  EXPECT_EQ(ParseIv("1.5 months"), (Interval{1, 15, 0})) << Show(ParseIv("1.5 months"));
  EXPECT_EQ(ParseIv("1.5 years"), (Interval{18, 0, 0})) << Show(ParseIv("1.5 years"));
  EXPECT_EQ(ParseIv("-1.5 days"), (Interval{0, -1, -12 * kNanosPerHour}));
}

TEST(DatetimeTest, ParseIntervalClockForm) {
  EXPECT_EQ(ParseIv("01:30:00"), (Interval{0, 0, 90 * 60 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("-01:30:00"), (Interval{0, 0, -90 * 60 * kNanosPerSecond}));
  EXPECT_EQ(ParseIv("1 day 01:30:00.5"), (Interval{0, 1, 90 * 60 * kNanosPerSecond + 500000000}));
  EXPECT_EQ(ParseIv("3 days -01:00:00"), (Interval{0, 3, -kNanosPerHour}));
  // Durations are not times of day: more than 24 hours is fine.
  EXPECT_EQ(ParseIv("25:00:00"), (Interval{0, 0, 25 * kNanosPerHour}));
  EXPECT_EQ(ParseIv("100:00"), (Interval{0, 0, 100 * kNanosPerHour}));
}

TEST(DatetimeTest, ParseIntervalRejectsInvalidText) {
  for (const char* text :
       {"", "   ", "day", "1", "1 fortnight", "1 dayz", "P1D", "1 day 2", "1:2", "12:61:00",
        "1 day ago", "99999999999 years", "9999999999999999 hours", "--1 day", "1 ss", "1 mss"}) {
    Interval v;
    EXPECT_FALSE(ParseInterval(text, &v)) << "'" << text << "'";
  }
}

TEST(DatetimeTest, FormatInterval) {
  EXPECT_EQ(FormatInterval({0, 0, 0}), "00:00:00");
  EXPECT_EQ(FormatInterval({1, 1, 0}), "1 month 1 day");
  EXPECT_EQ(
      FormatInterval({14, 3, 4 * kNanosPerHour + 5 * 60 * kNanosPerSecond + 6 * kNanosPerSecond}),
      "1 year 2 months 3 days 04:05:06");
  EXPECT_EQ(FormatInterval({-14, 0, 0}), "-1 year -2 months");
  EXPECT_EQ(FormatInterval({0, 0, -kNanosPerHour / 2}), "-00:30:00");
  EXPECT_EQ(FormatInterval({24, 0, 1000}), "2 years 00:00:00.000001");
}

TEST(DatetimeTest, IntervalRoundTripsThroughText) {
  std::mt19937_64 rng(3);
  auto pick = [&](int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo + 1));
  };
  for (int i = 0; i < 3000; i++) {
    Interval v;
    v.months = static_cast<int32_t>(i % 4 == 0 ? 0 : pick(-2000, 2000));
    v.days = static_cast<int32_t>(i % 5 == 0 ? 0 : pick(-2000, 2000));
    v.nanos = i % 3 == 0 ? 0 : pick(-1000000000000LL, 1000000000000LL) * 1000;  // up to ~11 days
    std::string text = FormatInterval(v);
    Interval back;
    ASSERT_TRUE(ParseInterval(text, &back)) << text;
    ASSERT_EQ(back, v) << text << " gave " << Show(back);
  }
}

}  // namespace
}  // namespace kodiak
