#include "kodiak/value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "types/datetime.h"
#include "types/numeric.h"

namespace kodiak {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

int128_t ParseUuidOrDie(std::string_view text) {
  int128_t bits = 0;
  EXPECT_TRUE(ParseUuid(text, &bits)) << text;
  return bits;
}

Value List(LogicalType child, std::vector<Value> items) {
  return Value::Nested(LogicalType::List(std::move(child)), std::move(items));
}

Value MapEntry(const LogicalType& map, Value k, Value v) {
  return Value::Nested(map.child(), {std::move(k), std::move(v)});
}

// ---------------------------------------------------------------- constructors

TEST(ValueTest, DefaultIsUntypedNull) {
  Value v;
  EXPECT_TRUE(v.is_null());
  EXPECT_EQ(v.type().id(), TypeId::kNull);
  EXPECT_EQ(v.ToString(), "NULL");
  EXPECT_EQ(v.ToSqlLiteral(), "NULL");
}

TEST(ValueTest, TypedNullKeepsItsType) {
  Value v = Value::Null(LogicalType::Decimal(10, 2));
  EXPECT_TRUE(v.is_null());
  EXPECT_EQ(v.type(), LogicalType::Decimal(10, 2));
  EXPECT_EQ(v.ToString(), "NULL");
  EXPECT_EQ(Value::Null(TypeId::kText).ToSqlLiteral(), "NULL");
}

TEST(ValueTest, ConstructorsSetTypeAndPayload) {
  EXPECT_EQ(Value::Bool(true).type().id(), TypeId::kBool);
  EXPECT_TRUE(Value::Bool(true).bool_value());
  EXPECT_FALSE(Value::Bool(false).bool_value());
  EXPECT_FALSE(Value::Bool(false).is_null());

  Value i8 = Value::Integer(TypeId::kInt8, -128);
  EXPECT_EQ(i8.type().id(), TypeId::kInt8);
  EXPECT_EQ(i8.int_value(), -128);

  Value u = Value::UInt64(std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(u.type().id(), TypeId::kUInt64);
  EXPECT_EQ(u.uint_value(), std::numeric_limits<uint64_t>::max());

  EXPECT_EQ(Value::Int32(-7).type().id(), TypeId::kInt32);
  EXPECT_EQ(Value::Int64(INT64_MIN).int_value(), INT64_MIN);
  EXPECT_EQ(Value::Float32(1.5f).type().id(), TypeId::kFloat32);
  EXPECT_EQ(Value::Float64(2.25).float_value(), 2.25);

  Value d = Value::Decimal(-1230, 6, 2);
  EXPECT_EQ(d.type(), LogicalType::Decimal(6, 2));
  EXPECT_TRUE(d.decimal_value() == -1230);

  EXPECT_EQ(Value::Text("x").type().id(), TypeId::kText);
  EXPECT_EQ(Value::Blob(std::string("\0a", 2)).str_value(), std::string("\0a", 2));
  EXPECT_EQ(Value::Json("{}").type().id(), TypeId::kJson);
  EXPECT_EQ(Value::Date(-1).type().id(), TypeId::kDate);
  EXPECT_EQ(Value::Time(5).type().id(), TypeId::kTime);
  EXPECT_EQ(Value::Timestamp(5).type().id(), TypeId::kTimestamp);
  EXPECT_EQ(Value::TimestampTz(5).type().id(), TypeId::kTimestampTz);
  Interval iv{1, 2, 3};
  EXPECT_EQ(Value::IntervalValue(iv).interval_value(), iv);
  EXPECT_EQ(Value::Uuid(42).type().id(), TypeId::kUuid);
  EXPECT_TRUE(Value::Uuid(42).decimal_value() == 42);

  Value l = List(TypeId::kInt64, {Value::Int64(1), Value::Null(TypeId::kInt64)});
  EXPECT_EQ(l.type(), LogicalType::List(TypeId::kInt64));
  ASSERT_EQ(l.children().size(), 2u);
  EXPECT_TRUE(l.children()[1].is_null());
}

// ---------------------------------------------------------------- ToString

TEST(ValueTest, IntegerToString) {
  EXPECT_EQ(Value::Int64(42).ToString(), "42");
  EXPECT_EQ(Value::Int64(-42).ToString(), "-42");
  EXPECT_EQ(Value::Int64(INT64_MIN).ToString(), "-9223372036854775808");
  EXPECT_EQ(Value::Int64(INT64_MAX).ToString(), "9223372036854775807");
  EXPECT_EQ(Value::Integer(TypeId::kInt8, -128).ToString(), "-128");
  EXPECT_EQ(Value::Integer(TypeId::kInt16, 32767).ToString(), "32767");
  EXPECT_EQ(Value::Integer(TypeId::kUInt8, 255).ToString(), "255");
  EXPECT_EQ(Value::Integer(TypeId::kUInt32, 4294967295LL).ToString(), "4294967295");
  EXPECT_EQ(Value::UInt64(18446744073709551615ULL).ToString(), "18446744073709551615");
  EXPECT_EQ(Value::Bool(true).ToString(), "true");
  EXPECT_EQ(Value::Bool(false).ToString(), "false");
}

TEST(ValueTest, DecimalToStringKeepsScale) {
  EXPECT_EQ(Value::Decimal(1230, 4, 2).ToString(), "12.30");
  EXPECT_EQ(Value::Decimal(-1230, 4, 2).ToString(), "-12.30");
  EXPECT_EQ(Value::Decimal(5, 3, 2).ToString(), "0.05");
  EXPECT_EQ(Value::Decimal(-5, 3, 2).ToString(), "-0.05");
  EXPECT_EQ(Value::Decimal(0, 5, 2).ToString(), "0.00");
  EXPECT_EQ(Value::Decimal(-1, 5, 3).ToString(), "-0.001");
  EXPECT_EQ(Value::Decimal(100, 3, 2).ToString(), "1.00");
  EXPECT_EQ(Value::Decimal(42, 10, 0).ToString(), "42");
  EXPECT_EQ(Value::Decimal(-42, 10, 0).ToString(), "-42");
  EXPECT_EQ(Value::Decimal(1, 38, 38).ToString(), "0.00000000000000000000000000000000000001");
  int128_t max38 = Pow10(38) - 1;
  EXPECT_EQ(Value::Decimal(max38, 38, 0).ToString(), "99999999999999999999999999999999999999");
  EXPECT_EQ(Value::Decimal(-max38, 38, 10).ToString(), "-9999999999999999999999999999.9999999999");
}

TEST(ValueTest, FloatToStringIsShortestRoundTrip) {
  EXPECT_EQ(Value::Float64(0.1).ToString(), "0.1");
  EXPECT_EQ(Value::Float64(1.0).ToString(), "1.0");
  EXPECT_EQ(Value::Float64(-2.0).ToString(), "-2.0");
  EXPECT_EQ(Value::Float64(1.5).ToString(), "1.5");
  EXPECT_EQ(Value::Float64(0.1 + 0.2).ToString(), "0.30000000000000004");
  EXPECT_EQ(Value::Float64(1e20).ToString(), "1e+20");
  EXPECT_EQ(Value::Float64(1e-7).ToString(), "1e-07");
  EXPECT_EQ(Value::Float64(123456.0).ToString(), "123456.0");
  EXPECT_EQ(Value::Float64(kInf).ToString(), "inf");
  EXPECT_EQ(Value::Float64(-kInf).ToString(), "-inf");
  EXPECT_EQ(Value::Float64(kNaN).ToString(), "nan");
  EXPECT_EQ(Value::Float64(-0.0).ToString(), "-0.0");
  EXPECT_EQ(Value::Float64(0.0).ToString(), "0.0");
  // FLOAT32 prints the shortest text for the float, not for its double widening.
  EXPECT_EQ(Value::Float32(0.1f).ToString(), "0.1");
  EXPECT_EQ(Value::Float32(1.0f).ToString(), "1.0");
  EXPECT_EQ(Value::Float32(3.4028235e38f).ToString(), "3.4028235e+38");
  EXPECT_EQ(Value::Float32(std::numeric_limits<float>::infinity()).ToString(), "inf");
}

TEST(ValueTest, DateToString) {
  EXPECT_EQ(Value::Date(0).ToString(), "1970-01-01");
  EXPECT_EQ(Value::Date(-1).ToString(), "1969-12-31");
  EXPECT_EQ(Value::Date(DaysFromCivil(2024, 2, 29)).ToString(), "2024-02-29");
  EXPECT_EQ(Value::Date(DaysFromCivil(1900, 1, 1)).ToString(), "1900-01-01");
  EXPECT_EQ(Value::Date(DaysFromCivil(1, 1, 1)).ToString(), "0001-01-01");
  EXPECT_EQ(Value::Date(DaysFromCivil(9999, 12, 31)).ToString(), "9999-12-31");
  EXPECT_EQ(Value::Date(DaysFromCivil(10000, 1, 1)).ToString(), "10000-01-01");
  // Years before 1 use astronomical numbering with a sign and read back.
  for (int64_t year : {0, -1, -44, -1000}) {
    std::string text = Value::Date(DaysFromCivil(year, 3, 15)).ToString();
    int32_t days;
    ASSERT_TRUE(ParseDate(text, &days)) << text;
    EXPECT_EQ(days, DaysFromCivil(year, 3, 15)) << text;
    if (year < 0) {
      EXPECT_EQ(text[0], '-') << text;
    }
  }
}

TEST(ValueTest, TimeAndTimestampToString) {
  EXPECT_EQ(Value::Time(0).ToString(), "00:00:00");
  EXPECT_EQ(Value::Time((12 * 3600 + 34 * 60 + 56) * kMicrosPerSecond + 500000).ToString(),
            "12:34:56.5");
  EXPECT_EQ(Value::Time(1).ToString(), "00:00:00.000001");
  EXPECT_EQ(Value::Time(kMicrosPerDay - 1).ToString(), "23:59:59.999999");

  EXPECT_EQ(Value::Timestamp(0).ToString(), "1970-01-01 00:00:00");
  EXPECT_EQ(Value::Timestamp(-1).ToString(), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(Value::Timestamp(-kMicrosPerDay).ToString(), "1969-12-31 00:00:00");
  int64_t ts =
      int64_t{DaysFromCivil(2024, 1, 31)} * kMicrosPerDay + 12 * 3600 * kMicrosPerSecond + 123000;
  EXPECT_EQ(Value::Timestamp(ts).ToString(), "2024-01-31 12:00:00.123");
  int64_t old = int64_t{DaysFromCivil(1900, 6, 1)} * kMicrosPerDay + 1;
  EXPECT_EQ(Value::Timestamp(old).ToString(), "1900-06-01 00:00:00.000001");
  EXPECT_EQ(Value::TimestampTz(0).ToString(), "1970-01-01 00:00:00+00");
}

TEST(ValueTest, IntervalToString) {
  const int64_t hour = 3600LL * 1000000000LL;
  EXPECT_EQ(Value::IntervalValue({0, 0, 0}).ToString(), "00:00:00");
  EXPECT_EQ(Value::IntervalValue({0, 1, 0}).ToString(), "1 day");
  EXPECT_EQ(Value::IntervalValue({0, -3, 0}).ToString(), "-3 days");
  EXPECT_EQ(Value::IntervalValue({1, 0, 0}).ToString(), "1 month");
  EXPECT_EQ(Value::IntervalValue({12, 0, 0}).ToString(), "1 year");
  EXPECT_EQ(Value::IntervalValue({14, 3, 4 * hour + 5 * 60000000000LL + 6000000000LL}).ToString(),
            "1 year 2 months 3 days 04:05:06");
  EXPECT_EQ(Value::IntervalValue({0, 0, -hour - hour / 2}).ToString(), "-01:30:00");
  EXPECT_EQ(Value::IntervalValue({0, 0, 1500}).ToString(), "00:00:00.000001");
  EXPECT_EQ(Value::IntervalValue({0, 0, 25 * hour}).ToString(), "25:00:00");
}

TEST(ValueTest, UuidToString) {
  const char* text = "123e4567-e89b-12d3-a456-426614174000";
  EXPECT_EQ(Value::Uuid(ParseUuidOrDie(text)).ToString(), text);
  EXPECT_EQ(Value::Uuid(0).ToString(), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(Value::Uuid(-1).ToString(), "ffffffff-ffff-ffff-ffff-ffffffffffff");
  // Bits are big-endian: the low bit is the last hex digit.
  EXPECT_EQ(Value::Uuid(1).ToString(), "00000000-0000-0000-0000-000000000001");
}

TEST(ValueTest, TextBlobJsonToString) {
  EXPECT_EQ(Value::Text("it's").ToString(), "it's");
  EXPECT_EQ(Value::Text("").ToString(), "");
  EXPECT_EQ(Value::Json("{\"a\": 1}").ToString(), "{\"a\": 1}");
  std::string bytes("ab\0\xff\\'~\x7f\n", 9);
  EXPECT_EQ(Value::Blob(bytes).ToString(), "ab\\x00\\xFF\\x5C'~\\x7F\\x0A");
  EXPECT_EQ(Value::Blob("").ToString(), "");
}

TEST(ValueTest, NestedToString) {
  EXPECT_EQ(List(TypeId::kInt64, {Value::Int64(1), Value::Int64(2), Value::Null(TypeId::kInt64)})
                .ToString(),
            "[1, 2, NULL]");
  EXPECT_EQ(List(TypeId::kInt64, {}).ToString(), "[]");
  // Text inside nested values is quoted even by ToString, so [''] and [] differ.
  EXPECT_EQ(
      List(TypeId::kText, {Value::Text("a"), Value::Text("it's"), Value::Text("")}).ToString(),
      "['a', 'it''s', '']");
  LogicalType inner = LogicalType::List(TypeId::kInt64);
  EXPECT_EQ(List(inner, {List(TypeId::kInt64, {Value::Int64(1), Value::Int64(2)}),
                         List(TypeId::kInt64, {}), Value::Null(inner)})
                .ToString(),
            "[[1, 2], [], NULL]");

  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  EXPECT_EQ(Value::Nested(st, {Value::Int64(1), Value::Text("x")}).ToString(),
            "{'a': 1, 'b': 'x'}");
  EXPECT_EQ(Value::Nested(st, {Value::Null(TypeId::kInt64), Value::Null(TypeId::kText)}).ToString(),
            "{'a': NULL, 'b': NULL}");

  LogicalType map = LogicalType::Map(TypeId::kText, TypeId::kInt64);
  Value m = Value::Nested(map, {MapEntry(map, Value::Text("k"), Value::Int64(1)),
                                MapEntry(map, Value::Text("j"), Value::Null(TypeId::kInt64))});
  EXPECT_EQ(m.ToString(), "{'k'=1, 'j'=NULL}");
  EXPECT_EQ(Value::Nested(map, {}).ToString(), "{}");

  // Decimals and dates keep their own text form inside.
  EXPECT_EQ(List(LogicalType::Decimal(4, 2), {Value::Decimal(5, 4, 2)}).ToString(), "[0.05]");
  EXPECT_EQ(List(TypeId::kDate, {Value::Date(0)}).ToString(), "[1970-01-01]");
}

// ---------------------------------------------------------------- ToSqlLiteral

TEST(ValueTest, ToSqlLiteralQuotes) {
  EXPECT_EQ(Value::Text("it's").ToSqlLiteral(), "'it''s'");
  EXPECT_EQ(Value::Text("").ToSqlLiteral(), "''");
  EXPECT_EQ(Value::Text("''").ToSqlLiteral(), "''''''");
  EXPECT_EQ(Value::Int64(-5).ToSqlLiteral(), "-5");
  EXPECT_EQ(Value::Bool(true).ToSqlLiteral(), "true");
  EXPECT_EQ(Value::Decimal(1230, 4, 2).ToSqlLiteral(), "12.30");
  EXPECT_EQ(Value::Float64(0.5).ToSqlLiteral(), "0.5");
  EXPECT_EQ(Value::Date(0).ToSqlLiteral(), "'1970-01-01'");
  EXPECT_EQ(Value::Time(0).ToSqlLiteral(), "'00:00:00'");
  EXPECT_EQ(Value::Timestamp(0).ToSqlLiteral(), "'1970-01-01 00:00:00'");
  EXPECT_EQ(Value::IntervalValue({0, 2, 0}).ToSqlLiteral(), "'2 days'");
  EXPECT_EQ(Value::Uuid(1).ToSqlLiteral(), "'00000000-0000-0000-0000-000000000001'");
  EXPECT_EQ(Value::Json("{\"a\":\"it's\"}").ToSqlLiteral(), "'{\"a\":\"it''s\"}'");
  EXPECT_EQ(Value::Null(TypeId::kText).ToSqlLiteral(), "NULL");

  EXPECT_EQ(List(TypeId::kText, {Value::Text("it's"), Value::Null(TypeId::kText)}).ToSqlLiteral(),
            "['it''s', NULL]");
  EXPECT_EQ(List(TypeId::kDate, {Value::Date(0)}).ToSqlLiteral(), "['1970-01-01']");
  LogicalType st = LogicalType::Struct({{"it's", TypeId::kText}});
  EXPECT_EQ(Value::Nested(st, {Value::Text("v")}).ToSqlLiteral(), "{'it''s': 'v'}");
}

// ---------------------------------------------------------------- Compare

TEST(ValueTest, NullsSortFirstAndEqualEachOther) {
  const std::vector<Value> values = {Value::Int64(INT64_MIN), Value::Float64(-kInf),
                                     Value::Text(""), Value::Bool(false), Value::Date(INT32_MIN)};
  for (const auto& v : values) {
    EXPECT_LT(Value::Null(v.type()).Compare(v), 0) << v.ToString();
    EXPECT_GT(v.Compare(Value::Null(v.type())), 0) << v.ToString();
    EXPECT_LT(Value().Compare(v), 0) << v.ToString();
  }
  EXPECT_EQ(Value().Compare(Value()), 0);
  EXPECT_EQ(Value::Null(TypeId::kInt64).Compare(Value::Null(TypeId::kText)), 0);
}

TEST(ValueTest, CompareAcrossNumericTypes) {
  EXPECT_EQ(Value::Int32(1), Value::Int64(1));
  EXPECT_EQ(Value::Integer(TypeId::kInt8, -3), Value::Int64(-3));
  EXPECT_EQ(Value::Int64(2), Value::Float64(2.0));
  EXPECT_EQ(Value::Decimal(150, 3, 2), Value::Float64(1.5));
  EXPECT_EQ(Value::Decimal(150, 3, 2), Value::Decimal(15, 2, 1));  // different scales
  EXPECT_EQ(Value::Decimal(300, 5, 2), Value::Int64(3));
  EXPECT_EQ(Value::Bool(true), Value::Int64(1));
  EXPECT_LT(Value::Decimal(199, 3, 2).Compare(Value::Int64(2)), 0);
  EXPECT_GT(Value::Decimal(-199, 3, 2).Compare(Value::Int64(-2)), 0);
  EXPECT_LT(Value::Decimal(-1, 3, 2).Compare(Value::Decimal(0, 3, 2)), 0);
  EXPECT_LT(Value::Int64(-1).Compare(Value::UInt64(0)), 0);
  EXPECT_LT(Value::Int64(INT64_MAX).Compare(Value::UInt64(UINT64_MAX)), 0);
  EXPECT_GT(Value::UInt64(UINT64_MAX).Compare(Value::UInt64(UINT64_MAX - 1)), 0);
  EXPECT_GT(Value::UInt64(1ULL << 63).Compare(Value::Int64(INT64_MAX)), 0);
  EXPECT_GT(Value::Int64(INT64_MAX).Compare(Value::Int64(INT64_MAX - 1)), 0);
  EXPECT_LT(Value::Float64(0.1).Compare(Value::Decimal(11, 2, 2)), 0);
  EXPECT_LT(Value::Float32(1.5f).Compare(Value::Float64(1.75)), 0);
}

TEST(ValueTest, CompareWideDecimalsExactly) {
  // 38-digit values one unit apart: a long double cannot tell them apart.
  int128_t big = Pow10(37) + 1;
  EXPECT_LT(Value::Decimal(big, 38, 0).Compare(Value::Decimal(big + 1, 38, 0)), 0);
  EXPECT_GT(Value::Decimal(-big, 38, 0).Compare(Value::Decimal(-big - 1, 38, 0)), 0);
  // Same number at different scales, and one differing in the last fraction digit.
  EXPECT_EQ(Value::Decimal(big * 10, 38, 1), Value::Decimal(big, 38, 0));
  EXPECT_LT(Value::Decimal(big * 10, 38, 1).Compare(Value::Decimal(big * 10 + 1, 38, 1)), 0);
  EXPECT_LT(Value::Decimal(big, 38, 20).Compare(Value::Decimal(big + 1, 38, 20)), 0);
  // Against an integer of 19 digits.
  int128_t wide = static_cast<int128_t>(INT64_MAX) * 100 + 1;  // INT64_MAX + 0.01
  EXPECT_GT(Value::Decimal(wide, 38, 2).Compare(Value::Int64(INT64_MAX)), 0);
  EXPECT_LT(Value::Decimal(-wide, 38, 2).Compare(Value::Int64(-INT64_MAX)), 0);
}

TEST(ValueTest, FloatSpecialValuesOrder) {
  EXPECT_EQ(Value::Float64(-0.0), Value::Float64(0.0));
  EXPECT_LT(Value::Float64(-kInf).Compare(Value::Float64(-1e308)), 0);
  EXPECT_GT(Value::Float64(kInf).Compare(Value::Float64(1e308)), 0);
  // NaN sorts after every other number and equals itself (as in PostgreSQL
  // and DuckDB, and as the key encoder orders it).
  EXPECT_EQ(Value::Float64(kNaN), Value::Float64(kNaN));
  EXPECT_GT(Value::Float64(kNaN).Compare(Value::Float64(kInf)), 0);
  EXPECT_LT(Value::Float64(kInf).Compare(Value::Float64(kNaN)), 0);
  EXPECT_GT(Value::Float64(kNaN).Compare(Value::Int64(1)), 0);
  EXPECT_LT(Value::Int64(INT64_MAX).Compare(Value::Float64(kNaN)), 0);
  EXPECT_GT(Value::Float32(std::numeric_limits<float>::quiet_NaN()).Compare(Value::Float32(1.0f)),
            0);
}

TEST(ValueTest, CompareNonNumericTypes) {
  EXPECT_LT(Value::Text("a").Compare(Value::Text("ab")), 0);
  EXPECT_LT(Value::Text("ab").Compare(Value::Text("b")), 0);
  EXPECT_LT(Value::Text("").Compare(Value::Text(std::string("\0", 1))), 0);
  EXPECT_GT(Value::Text("\xc3\xa9").Compare(Value::Text("z")), 0);  // bytes compare unsigned
  EXPECT_EQ(Value::Text("x"), Value::Text("x"));
  EXPECT_LT(Value::Blob(std::string("\x01", 1)).Compare(Value::Blob(std::string("\xff", 1))), 0);
  EXPECT_LT(Value::Date(-1).Compare(Value::Date(0)), 0);
  EXPECT_LT(Value::Timestamp(-1).Compare(Value::Timestamp(0)), 0);
  EXPECT_LT(Value::Time(1).Compare(Value::Time(2)), 0);

  // UUIDs order as their 16 bytes (unsigned), as memcmp and PostgreSQL do.
  int128_t low = ParseUuidOrDie("00000000-0000-0000-0000-000000000001");
  int128_t high = ParseUuidOrDie("ffffffff-0000-0000-0000-000000000000");
  int128_t mid = ParseUuidOrDie("7fffffff-ffff-ffff-ffff-ffffffffffff");
  EXPECT_LT(Value::Uuid(low).Compare(Value::Uuid(mid)), 0);
  EXPECT_LT(Value::Uuid(mid).Compare(Value::Uuid(high)), 0);
  EXPECT_GT(Value::Uuid(high).Compare(Value::Uuid(low)), 0);

  // Intervals compare by their length with a month of 30 days.
  const int64_t hour = 3600LL * 1000000000LL;
  EXPECT_EQ(Value::IntervalValue({1, 0, 0}), Value::IntervalValue({0, 30, 0}));
  EXPECT_EQ(Value::IntervalValue({0, 1, 0}), Value::IntervalValue({0, 0, 24 * hour}));
  EXPECT_GT(Value::IntervalValue({0, 1, 0}).Compare(Value::IntervalValue({0, 0, 23 * hour})), 0);
  EXPECT_LT(Value::IntervalValue({1, 0, 0}).Compare(Value::IntervalValue({0, 31, 0})), 0);
  EXPECT_LT(Value::IntervalValue({0, -1, 0}).Compare(Value::IntervalValue({0, 0, 0})), 0);
}

TEST(ValueTest, CompareNestedValuesLexicographically) {
  auto ints = [](std::vector<int64_t> xs) {
    std::vector<Value> items;
    for (int64_t x : xs) items.push_back(Value::Int64(x));
    return List(TypeId::kInt64, std::move(items));
  };
  EXPECT_LT(ints({1, 2}).Compare(ints({1, 2, 3})), 0);
  EXPECT_LT(ints({1, 2, 3}).Compare(ints({1, 3})), 0);
  EXPECT_LT(ints({}).Compare(ints({0})), 0);
  EXPECT_EQ(ints({1, 2}), ints({1, 2}));
  // A NULL element sorts before any value.
  EXPECT_LT(List(TypeId::kInt64, {Value::Null(TypeId::kInt64)}).Compare(ints({INT64_MIN})), 0);

  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  EXPECT_LT(Value::Nested(st, {Value::Int64(1), Value::Text("z")})
                .Compare(Value::Nested(st, {Value::Int64(2), Value::Text("a")})),
            0);
  EXPECT_LT(Value::Nested(st, {Value::Int64(1), Value::Text("a")})
                .Compare(Value::Nested(st, {Value::Int64(1), Value::Text("b")})),
            0);
}

TEST(ValueTest, CompareIsATotalOrderOnMixedNumbers) {
  std::mt19937_64 rng(7);
  std::vector<Value> values;
  for (int i = 0; i < 300; i++) {
    int64_t x = static_cast<int64_t>(rng() % 2001) - 1000;
    switch (i % 7) {
      case 0:
        values.push_back(Value::Int64(x));
        break;
      case 1:
        values.push_back(Value::Int32(static_cast<int32_t>(x)));
        break;
      case 2:
        values.push_back(Value::Decimal(x * 7, 10, 2));
        break;
      case 3:
        values.push_back(Value::Decimal(x, 10, 1));
        break;
      case 4:
        values.push_back(Value::Float64(static_cast<double>(x) / 8));
        break;
      case 5:
        values.push_back(Value::UInt64(static_cast<uint64_t>(x + 1000)));
        break;
      default:
        values.push_back(i % 2 ? Value::Float64(kNaN) : Value::Null(TypeId::kInt64));
        break;
    }
  }
  for (const auto& a : values) {
    EXPECT_EQ(a.Compare(a), 0) << a.ToString();
    for (const auto& b : values) {
      ASSERT_EQ(Sign(a.Compare(b)), -Sign(b.Compare(a))) << a.ToString() << " vs " << b.ToString();
    }
  }
  std::vector<Value> sorted = values;
  std::sort(sorted.begin(), sorted.end(),
            [](const Value& a, const Value& b) { return a.Compare(b) < 0; });
  for (size_t i = 0; i < sorted.size(); i++) {
    for (size_t j = i + 1; j < sorted.size(); j++) {
      ASSERT_LE(sorted[i].Compare(sorted[j]), 0)
          << sorted[i].ToString() << " vs " << sorted[j].ToString();
    }
  }
  EXPECT_TRUE(sorted.front().is_null());
  EXPECT_TRUE(std::isnan(sorted.back().float_value()));
}

}  // namespace
}  // namespace kodiak
