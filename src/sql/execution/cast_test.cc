#include "sql/execution/cast.h"

#include <gtest/gtest.h>

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

// The cast's result as text, or "ERROR: <message>".
std::string Cast(const Value& v, const LogicalType& to, bool try_cast = false) {
  auto r = CastValue(v, to, try_cast);
  if (!r.ok()) return "ERROR: " + r.status().message();
  EXPECT_EQ(r->type(), to) << v.ToSqlLiteral() << " -> " << to.ToString();
  return r->is_null() ? "NULL" : r->ToString();
}

// The cast must fail with a conversion error naming the value, the target
// type and `why`.
void ExpectCastError(const Value& v, const LogicalType& to, const std::string& shown,
                     const std::string& why) {
  auto r = CastValue(v, to);
  ASSERT_FALSE(r.ok()) << v.ToSqlLiteral() << " -> " << to.ToString() << " gave " << r->ToString();
  EXPECT_EQ(r.status().code(), StatusCode::kConversion) << r.status().ToString();
  const std::string& msg = r.status().message();
  EXPECT_NE(msg.find("cannot cast " + shown + " to " + to.ToString()), std::string::npos) << msg;
  EXPECT_NE(msg.find(why), std::string::npos) << msg;
  // TRY_CAST turns the same failure into a NULL of the target type.
  auto t = CastValue(v, to, /*try_cast=*/true);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->is_null());
  EXPECT_EQ(t->type(), to);
}

Value Text(std::string s) { return Value::Text(std::move(s)); }

int64_t Micros(int64_t y, unsigned mo, unsigned d, int64_t h = 0, int64_t mi = 0, int64_t s = 0) {
  return int64_t{DaysFromCivil(y, mo, d)} * kMicrosPerDay +
         ((h * 60 + mi) * 60 + s) * kMicrosPerSecond;
}

const LogicalType kInt8 = TypeId::kInt8;
const LogicalType kInt32 = TypeId::kInt32;
const LogicalType kInt64 = TypeId::kInt64;
const LogicalType kUInt8 = TypeId::kUInt8;
const LogicalType kUInt64 = TypeId::kUInt64;
const LogicalType kFloat32 = TypeId::kFloat32;
const LogicalType kFloat64 = TypeId::kFloat64;
const LogicalType kText = TypeId::kText;
const LogicalType kBool = TypeId::kBool;

// ---------------------------------------------------------------- numbers

TEST(CastValueTest, IntegerToOtherNumbers) {
  EXPECT_EQ(Cast(Value::Int64(42), kFloat64), "42.0");
  EXPECT_EQ(Cast(Value::Int64(-42), kFloat32), "-42.0");
  EXPECT_EQ(Cast(Value::Int64(42), LogicalType::Decimal(10, 2)), "42.00");
  EXPECT_EQ(Cast(Value::Int64(-99), LogicalType::Decimal(4, 2)), "-99.00");
  EXPECT_EQ(Cast(Value::Int64(99), LogicalType::Decimal(2, 0)), "99");
  EXPECT_EQ(Cast(Value::Int64(127), kInt8), "127");
  EXPECT_EQ(Cast(Value::Int64(-128), kInt8), "-128");
  EXPECT_EQ(Cast(Value::Int32(7), kUInt64), "7");
  EXPECT_EQ(Cast(Value::UInt64(UINT64_MAX), TypeId::kFloat64), "1.8446744073709552e+19");
  EXPECT_EQ(Cast(Value::UInt64(UINT64_MAX), LogicalType::Decimal(20, 0)), "18446744073709551615");
  EXPECT_EQ(Cast(Value::Int64(INT64_MIN), LogicalType::Decimal(19, 0)), "-9223372036854775808");
}

TEST(CastValueTest, IntegerRangeErrors) {
  ExpectCastError(Value::Int64(128), kInt8, "128", "out of range");
  ExpectCastError(Value::Int64(-129), kInt8, "-129", "out of range");
  ExpectCastError(Value::Int64(-1), kUInt64, "-1", "out of range");
  ExpectCastError(Value::Int64(256), kUInt8, "256", "out of range");
  ExpectCastError(Value::UInt64(UINT64_MAX), kInt64, "18446744073709551615", "out of range");
  ExpectCastError(Value::Int64(INT64_MAX), kInt32, "9223372036854775807", "out of range");
  ExpectCastError(Value::Int64(100), LogicalType::Decimal(2, 0), "100", "out of range");
  ExpectCastError(Value::Int64(100), LogicalType::Decimal(4, 2), "100", "out of range");
}

TEST(CastValueTest, ZeroFitsADecimalWithoutIntegerDigits) {
  EXPECT_EQ(Cast(Value::Int64(0), LogicalType::Decimal(2, 2)), "0.00");
  EXPECT_EQ(Cast(Value::Int64(0), LogicalType::Decimal(38, 38)), "0." + std::string(38, '0'));
  EXPECT_EQ(Cast(Value::Bool(false), LogicalType::Decimal(1, 1)), "0.0");
}

TEST(CastValueTest, FloatToIntegerRoundsHalfAwayFromZero) {
  EXPECT_EQ(Cast(Value::Float64(2.5), kInt64), "3");
  EXPECT_EQ(Cast(Value::Float64(-2.5), kInt64), "-3");
  EXPECT_EQ(Cast(Value::Float64(0.5), kInt64), "1");
  EXPECT_EQ(Cast(Value::Float64(-0.5), kInt64), "-1");
  EXPECT_EQ(Cast(Value::Float64(2.4999), kInt64), "2");
  EXPECT_EQ(Cast(Value::Float64(-0.0), kInt64), "0");
  EXPECT_EQ(Cast(Value::Float32(127.4f), kInt8), "127");
  EXPECT_EQ(Cast(Value::Float64(-9223372036854775808.0), kInt64), "-9223372036854775808");
  EXPECT_EQ(Cast(Value::Float64(9007199254740993.0), kInt64),
            "9007199254740992");  // nearest double
}

TEST(CastValueTest, FloatToIntegerRangeErrors) {
  ExpectCastError(Value::Float64(127.5), kInt8, "127.5", "out of range");
  ExpectCastError(Value::Float64(9223372036854775808.0), kInt64, "9.223372036854776e+18",
                  "out of range");
  ExpectCastError(Value::Float64(1e19), kInt64, "1e+19", "out of range");
  ExpectCastError(Value::Float64(-1.0), kUInt64, "-1.0", "out of range");
  ExpectCastError(Value::Float64(kNaN), kInt64, "nan", "out of range");
  ExpectCastError(Value::Float64(kInf), kInt32, "inf", "out of range");
  ExpectCastError(Value::Float64(-kInf), kInt64, "-inf", "out of range");
}

TEST(CastValueTest, LargeDoublesFitUInt64) {
  EXPECT_EQ(Cast(Value::Float64(18446744073709549568.0), kUInt64), "18446744073709549568");
  EXPECT_EQ(Cast(Value::Float64(1.81e19), kUInt64), "18100000000000000000");
  ExpectCastError(Value::Float64(18446744073709551616.0), kUInt64, "1.8446744073709552e+19",
                  "out of range");
}

TEST(CastValueTest, FloatAndDecimal) {
  EXPECT_EQ(Cast(Value::Float64(2.5), LogicalType::Decimal(10, 0)), "3");
  EXPECT_EQ(Cast(Value::Float64(-0.125), LogicalType::Decimal(10, 2)), "-0.13");
  EXPECT_EQ(Cast(Value::Float64(1234.5678), LogicalType::Decimal(8, 4)), "1234.5678");
  EXPECT_EQ(Cast(Value::Float32(0.5f), LogicalType::Decimal(3, 1)), "0.5");
  ExpectCastError(Value::Float64(1e20), LogicalType::Decimal(10, 2), "1e+20", "out of range");
  ExpectCastError(Value::Float64(kNaN), LogicalType::Decimal(10, 2), "nan", "out of range");
  ExpectCastError(Value::Float64(100.0), LogicalType::Decimal(4, 2), "100.0", "out of range");

  EXPECT_EQ(Cast(Value::Decimal(125, 5, 2), kFloat64), "1.25");
  EXPECT_EQ(Cast(Value::Decimal(-1, 5, 1), kFloat32), "-0.1");
  EXPECT_EQ(Cast(Value::Decimal(Pow10(38) - 1, 38, 0), kFloat64), "1e+38");
}

TEST(CastValueTest, DecimalToIntegerAndDecimal) {
  EXPECT_EQ(Cast(Value::Decimal(250, 5, 2), kInt64), "3");
  EXPECT_EQ(Cast(Value::Decimal(-250, 5, 2), kInt64), "-3");
  EXPECT_EQ(Cast(Value::Decimal(249, 5, 2), kInt64), "2");
  EXPECT_EQ(Cast(Value::Decimal(-249, 5, 2), kInt64), "-2");
  ExpectCastError(Value::Decimal(12850, 5, 2), kInt8, "128.50", "out of range");

  Value d = Value::Decimal(12345, 10, 3);  // 12.345
  EXPECT_EQ(Cast(d, LogicalType::Decimal(10, 2)), "12.35");
  EXPECT_EQ(Cast(Value::Decimal(-12345, 10, 3), LogicalType::Decimal(10, 2)), "-12.35");
  EXPECT_EQ(Cast(d, LogicalType::Decimal(3, 1)), "12.3");
  EXPECT_EQ(Cast(d, LogicalType::Decimal(2, 0)), "12");
  EXPECT_EQ(Cast(d, LogicalType::Decimal(12, 5)), "12.34500");
  ExpectCastError(d, LogicalType::Decimal(3, 2), "12.345", "out of range");
  ExpectCastError(Value::Decimal(995, 3, 2), LogicalType::Decimal(2, 1), "9.95",
                  "out of range");  // rounds to 10.0
}

TEST(CastValueTest, BooleansAndNumbers) {
  EXPECT_EQ(Cast(Value::Bool(true), kInt64), "1");
  EXPECT_EQ(Cast(Value::Bool(false), kInt8), "0");
  EXPECT_EQ(Cast(Value::Bool(true), kFloat64), "1.0");
  EXPECT_EQ(Cast(Value::Bool(true), LogicalType::Decimal(3, 1)), "1.0");
  EXPECT_EQ(Cast(Value::Int64(0), kBool), "false");
  EXPECT_EQ(Cast(Value::Int64(-3), kBool), "true");
  EXPECT_EQ(Cast(Value::Float64(0.0), kBool), "false");
  EXPECT_EQ(Cast(Value::Float64(0.1), kBool), "true");
  EXPECT_EQ(Cast(Value::Decimal(0, 5, 2), kBool), "false");
  EXPECT_EQ(Cast(Value::Decimal(1, 5, 2), kBool), "true");
}

// ---------------------------------------------------------------- to TEXT

TEST(CastValueTest, EverythingToTextUsesTheCanonicalForm) {
  EXPECT_EQ(Cast(Value::Int64(-7), kText), "-7");
  EXPECT_EQ(Cast(Value::Float64(0.1), kText), "0.1");
  EXPECT_EQ(Cast(Value::Float64(1e20), kText), "1e+20");
  EXPECT_EQ(Cast(Value::Float64(1.0), kText), "1.0");
  EXPECT_EQ(Cast(Value::Decimal(5, 4, 2), kText), "0.05");
  EXPECT_EQ(Cast(Value::Bool(false), kText), "false");
  EXPECT_EQ(Cast(Value::Date(-1), kText), "1969-12-31");
  EXPECT_EQ(Cast(Value::Timestamp(Micros(2024, 1, 31, 12)), kText), "2024-01-31 12:00:00");
  EXPECT_EQ(Cast(Value::IntervalValue({0, 1, 0}), kText), "1 day");
  EXPECT_EQ(Cast(Value::Uuid(1), kText), "00000000-0000-0000-0000-000000000001");
  EXPECT_EQ(Cast(Value::Json("{\"a\":1}"), kText), "{\"a\":1}");
  LogicalType list = LogicalType::List(TypeId::kInt64);
  EXPECT_EQ(Cast(Value::Nested(list, {Value::Int64(1), Value::Null(TypeId::kInt64)}), kText),
            "[1, NULL]");
}

// ---------------------------------------------------------------- from TEXT

TEST(CastValueTest, TextToNumbers) {
  EXPECT_EQ(Cast(Text(" 42 "), kInt64), "42");
  EXPECT_EQ(Cast(Text("+7"), kInt32), "7");
  EXPECT_EQ(Cast(Text("-0"), kInt64), "0");
  EXPECT_EQ(Cast(Text("-9223372036854775808"), kInt64), "-9223372036854775808");
  EXPECT_EQ(Cast(Text("18446744073709551615"), kUInt64), "18446744073709551615");
  EXPECT_EQ(Cast(Text("1.5"), kFloat64), "1.5");
  EXPECT_EQ(Cast(Text(" 1e3 "), kFloat64), "1000.0");
  EXPECT_EQ(Cast(Text("-inf"), kFloat64), "-inf");
  EXPECT_EQ(Cast(Text("Infinity"), kFloat64), "inf");
  EXPECT_EQ(Cast(Text("NaN"), kFloat64), "nan");
  EXPECT_EQ(Cast(Text("+2.5"), kFloat32), "2.5");
  EXPECT_EQ(Cast(Text("12.345"), LogicalType::Decimal(10, 2)), "12.35");
  EXPECT_EQ(Cast(Text("-1e2"), LogicalType::Decimal(10, 1)), "-100.0");
}

TEST(CastValueTest, TextToNumberErrors) {
  ExpectCastError(Text("abc"), kInt64, "'abc'", "not an integer");
  ExpectCastError(Text(""), kInt64, "''", "not an integer");
  ExpectCastError(Text("1.5"), kInt64, "'1.5'", "not an integer");
  ExpectCastError(Text("12abc"), kInt32, "'12abc'", "not an integer");
  ExpectCastError(Text("9223372036854775808"), kInt64, "'9223372036854775808'", "out of range");
  ExpectCastError(Text("300"), kInt8, "'300'", "out of range");
  ExpectCastError(Text("-1"), kUInt64, "'-1'", "out of range");
  ExpectCastError(Text("abc"), kFloat64, "'abc'", "not a number");
  ExpectCastError(Text("1.5.2"), kFloat64, "'1.5.2'", "not a number");
  ExpectCastError(Text("1,5"), kFloat32, "'1,5'", "not a number");
  ExpectCastError(Text("abc"), LogicalType::Decimal(10, 2), "'abc'", "not a number");
  ExpectCastError(Text("123456"), LogicalType::Decimal(5, 2), "'123456'", "not a number that fits");
}

TEST(CastValueTest, TextToBool) {
  for (const char* t : {"true", "TRUE", "t", "yes", "y", "on", "1", " True "}) {
    EXPECT_EQ(Cast(Text(t), kBool), "true") << t;
  }
  for (const char* f : {"false", "FALSE", "f", "no", "n", "off", "0"}) {
    EXPECT_EQ(Cast(Text(f), kBool), "false") << f;
  }
  ExpectCastError(Text("maybe"), kBool, "'maybe'", "not a boolean");
  ExpectCastError(Text("2"), kBool, "'2'", "not a boolean");
}

TEST(CastValueTest, TextToTemporal) {
  EXPECT_EQ(Cast(Text("2024-02-29"), TypeId::kDate), "2024-02-29");
  EXPECT_EQ(Cast(Text("2024-01-31 12:00:00"), TypeId::kDate), "2024-01-31");
  EXPECT_EQ(Cast(Text("1969-12-31 23:00:00"), TypeId::kDate),
            "1969-12-31");  // floor, not toward zero
  ExpectCastError(Text("2024-02-30"), TypeId::kDate, "'2024-02-30'", "not a date");
  ExpectCastError(Text("yesterday"), TypeId::kDate, "'yesterday'", "not a date");

  EXPECT_EQ(Cast(Text("12:30"), TypeId::kTime), "12:30:00");
  EXPECT_EQ(Cast(Text("23:59:59.5"), TypeId::kTime), "23:59:59.5");
  ExpectCastError(Text("25:00"), TypeId::kTime, "'25:00'", "not a time");

  EXPECT_EQ(Cast(Text("2024-01-31T12:00:00+01:00"), TypeId::kTimestamp), "2024-01-31 11:00:00");
  EXPECT_EQ(Cast(Text("2024-01-31 12:00:00.5Z"), TypeId::kTimestampTz), "2024-01-31 12:00:00.5+00");
  EXPECT_EQ(Cast(Text("2024-01-31"), TypeId::kTimestamp), "2024-01-31 00:00:00");
  ExpectCastError(Text("2024-01-31 12:00:00 PST"), TypeId::kTimestamp, "'2024-01-31 12:00:00 PST'",
                  "not a timestamp");

  EXPECT_EQ(Cast(Text("1 day 2 hours"), TypeId::kInterval), "1 day 02:00:00");
  EXPECT_EQ(Cast(Text("-3 months"), TypeId::kInterval), "-3 months");
  ExpectCastError(Text("soon"), TypeId::kInterval, "'soon'", "not an interval");
}

TEST(CastValueTest, TextToUuidAndJson) {
  EXPECT_EQ(Cast(Text(" {123E4567-E89B-12D3-A456-426614174000} "), TypeId::kUuid),
            "123e4567-e89b-12d3-a456-426614174000");
  ExpectCastError(Text("xyz"), TypeId::kUuid, "'xyz'", "not a UUID");

  EXPECT_EQ(Cast(Text("{\"a\": [1, 2]}"), TypeId::kJson),
            "{\"a\": [1, 2]}");  // text kept as written
  EXPECT_EQ(Cast(Text("null"), TypeId::kJson), "null");
  EXPECT_EQ(Cast(Text("\"s\""), TypeId::kJson), "\"s\"");
  ExpectCastError(Text("{bad"), TypeId::kJson, "'{bad'", "not valid JSON");
  ExpectCastError(Text(""), TypeId::kJson, "''", "not valid JSON");
  ExpectCastError(Text("{\"a\": 1,}"), TypeId::kJson, "'{\"a\": 1,}'", "not valid JSON");
}

TEST(CastValueTest, ValuesToJson) {
  EXPECT_EQ(Cast(Value::Int64(42), TypeId::kJson), "42");
  EXPECT_EQ(Cast(Value::Bool(true), TypeId::kJson), "true");
  EXPECT_EQ(Cast(Value::Decimal(1230, 4, 2), TypeId::kJson), "12.30");
  EXPECT_EQ(Cast(Value::Float64(kNaN), TypeId::kJson), "null");
  EXPECT_EQ(Cast(Value::Date(0), TypeId::kJson), "\"1970-01-01\"");
  LogicalType list = LogicalType::List(TypeId::kText);
  EXPECT_EQ(
      Cast(Value::Nested(list, {Value::Text("a\"b"), Value::Null(TypeId::kText)}), TypeId::kJson),
      "[\"a\\\"b\",null]");
  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  EXPECT_EQ(Cast(Value::Nested(st, {Value::Int64(1), Value::Text("x")}), TypeId::kJson),
            "{\"a\":1,\"b\":\"x\"}");
}

// ---------------------------------------------------------------- temporal

TEST(CastValueTest, DateAndTimestamp) {
  EXPECT_EQ(Cast(Value::Date(-1), TypeId::kTimestamp), "1969-12-31 00:00:00");
  EXPECT_EQ(Cast(Value::Date(0), TypeId::kTimestampTz), "1970-01-01 00:00:00+00");
  auto ts = CastValue(Value::Date(-1), TypeId::kTimestamp);
  ASSERT_TRUE(ts.ok());
  EXPECT_EQ(ts->int_value(), -kMicrosPerDay);
  EXPECT_EQ(Cast(Value::Timestamp(-1), TypeId::kDate), "1969-12-31");  // floors
  EXPECT_EQ(Cast(Value::Timestamp(-kMicrosPerDay), TypeId::kDate), "1969-12-31");
  EXPECT_EQ(Cast(Value::Timestamp(2 * kMicrosPerDay + 5), TypeId::kDate), "1970-01-03");
  EXPECT_EQ(Cast(Value::Timestamp(-1), TypeId::kTime), "23:59:59.999999");
  EXPECT_EQ(Cast(Value::Timestamp(Micros(2024, 1, 31, 12, 30)), TypeId::kTime), "12:30:00");
  EXPECT_EQ(Cast(Value::TimestampTz(Micros(2024, 1, 31, 12)), TypeId::kTimestamp),
            "2024-01-31 12:00:00");
  ExpectCastError(Value::Int64(5), TypeId::kDate, "5", "not a date");
}

TEST(CastValueTest, UuidAndBlob) {
  int128_t bits;
  ASSERT_TRUE(ParseUuid("123e4567-e89b-12d3-a456-426614174000", &bits));
  auto blob = CastValue(Value::Uuid(bits), TypeId::kBlob);
  ASSERT_TRUE(blob.ok());
  ASSERT_EQ(blob->str_value().size(), 16u);
  EXPECT_EQ(static_cast<unsigned char>(blob->str_value()[0]), 0x12);  // big-endian bytes
  EXPECT_EQ(static_cast<unsigned char>(blob->str_value()[15]), 0x00);
  EXPECT_EQ(Cast(*blob, TypeId::kUuid), "123e4567-e89b-12d3-a456-426614174000");
  ExpectCastError(Value::Blob("short"), TypeId::kUuid, "short", "not a UUID");
}

// ---------------------------------------------------------------- NULL, nested, identity

TEST(CastValueTest, NullCastsToANullOfTheTarget) {
  for (const LogicalType& to : {kInt64, kText, LogicalType::Decimal(5, 2),
                                LogicalType(TypeId::kDate), LogicalType::List(TypeId::kInt64)}) {
    auto r = CastValue(Value(), to);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->is_null());
    EXPECT_EQ(r->type(), to);
    auto typed = CastValue(Value::Null(TypeId::kText), to);
    ASSERT_TRUE(typed.ok());
    EXPECT_TRUE(typed->is_null());
    EXPECT_EQ(typed->type(), to);
  }
}

TEST(CastValueTest, SameTypeIsUnchanged) {
  Value d = Value::Decimal(12345, 10, 3);
  auto r = CastValue(d, LogicalType::Decimal(10, 3));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ToString(), "12.345");
}

TEST(CastValueTest, NestedCastsCastEachElement) {
  LogicalType ints = LogicalType::List(TypeId::kInt64);
  LogicalType texts = LogicalType::List(TypeId::kText);
  Value l = Value::Nested(texts, {Text("1"), Value::Null(TypeId::kText), Text(" 3 ")});
  EXPECT_EQ(Cast(l, ints), "[1, NULL, 3]");
  Value bad = Value::Nested(texts, {Text("1"), Text("x")});
  auto r = CastValue(bad, ints);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("'x'"), std::string::npos) << r.status().message();
  EXPECT_EQ(Cast(bad, ints, /*try_cast=*/true), "[1, NULL]");

  LogicalType from = LogicalType::Struct({{"a", TypeId::kInt32}, {"b", TypeId::kText}});
  LogicalType to = LogicalType::Struct({{"a", TypeId::kFloat64}, {"b", TypeId::kDate}});
  EXPECT_EQ(Cast(Value::Nested(from, {Value::Int32(2), Text("2024-01-31")}), to),
            "{'a': 2.0, 'b': 2024-01-31}");
}

TEST(CastValueTest, TextToListIsAllowedOnlyIfItWorks) {
  LogicalType ints = LogicalType::List(TypeId::kInt64);
  ASSERT_TRUE(CanCast(kText, ints));
  EXPECT_EQ(Cast(Text("[1, 2, NULL]"), ints), "[1, 2, NULL]");
}

TEST(CanCastTest, Matrix) {
  EXPECT_TRUE(CanCast(kInt64, kText));
  EXPECT_TRUE(CanCast(LogicalType::List(TypeId::kInt64), kText));
  EXPECT_TRUE(CanCast(kText, TypeId::kDate));
  EXPECT_TRUE(CanCast(kText, TypeId::kUuid));
  EXPECT_TRUE(CanCast(kInt64, LogicalType::Decimal(10, 2)));
  EXPECT_TRUE(CanCast(kBool, kFloat64));
  EXPECT_TRUE(CanCast(TypeId::kDate, TypeId::kTimestamp));
  EXPECT_TRUE(CanCast(TypeId::kTimestamp, TypeId::kDate));
  EXPECT_TRUE(CanCast(TypeId::kNull, TypeId::kUuid));
  EXPECT_TRUE(CanCast(TypeId::kUuid, TypeId::kBlob));
  EXPECT_TRUE(CanCast(LogicalType::List(TypeId::kText), LogicalType::List(TypeId::kInt64)));
  EXPECT_FALSE(CanCast(kInt64, TypeId::kDate));
  EXPECT_FALSE(CanCast(TypeId::kDate, kInt64));
  EXPECT_FALSE(CanCast(TypeId::kJson, kInt64));
  EXPECT_FALSE(CanCast(TypeId::kInterval, kInt64));
  EXPECT_FALSE(CanCast(LogicalType::List(TypeId::kInt64), kInt64));
  EXPECT_FALSE(CanCast(LogicalType::Struct({{"a", kInt64}}),
                       LogicalType::Struct({{"a", kInt64}, {"b", kInt64}})));
}

TEST(CastValueTest, TextRoundTripForEveryParsableType) {
  int128_t uuid;
  ASSERT_TRUE(ParseUuid("ffffffff-0000-1111-2222-333333333333", &uuid));
  const std::vector<Value> values = {Value::Bool(true),
                                     Value::Integer(TypeId::kInt8, -128),
                                     Value::Integer(TypeId::kUInt16, 65535),
                                     Value::Int64(INT64_MIN),
                                     Value::UInt64(UINT64_MAX),
                                     Value::Float32(0.1f),
                                     Value::Float64(1e-300),
                                     Value::Float64(-1.2345678901234567e+20),
                                     Value::Decimal(-5, 38, 20),
                                     Value::Date(DaysFromCivil(-44, 3, 15)),
                                     Value::Date(DaysFromCivil(12345, 6, 7)),
                                     Value::Time(86399999999),
                                     Value::Time(kMicrosPerDay),
                                     Value::Timestamp(-1),
                                     Value::TimestampTz(Micros(2024, 1, 31, 12, 34, 56) + 789),
                                     Value::IntervalValue({-14, 3, -90061000001000}),
                                     Value::IntervalValue({0, 0, 30 * 3600 * 1000000000LL}),
                                     Value::Uuid(uuid),
                                     Value::Json("[1, {\"a\": null}]")};
  for (const auto& v : values) {
    auto text = CastValue(v, kText);
    ASSERT_TRUE(text.ok()) << v.ToString();
    auto back = CastValue(*text, v.type());
    ASSERT_TRUE(back.ok()) << text->str_value() << " -> " << v.type().ToString() << ": "
                           << back.status().ToString();
    EXPECT_EQ(back->Compare(v), 0) << text->str_value() << " read back as " << back->ToString();
    EXPECT_EQ(back->ToString(), v.ToString());
  }
}

// ---------------------------------------------------------------- CastVector

VectorPtr Build(const LogicalType& type, const std::vector<Value>& values) {
  VectorBuilder b(type);
  for (const auto& v : values) b.Append(v);
  return b.Finish();
}

Value RandomValue(const LogicalType& type, std::mt19937_64& rng) {
  if (rng() % 6 == 0) return Value::Null(type);
  auto small = [&]() { return static_cast<int64_t>(rng() % 401) - 200; };
  switch (type.id()) {
    case TypeId::kBool:
      return Value::Bool(rng() % 2);
    case TypeId::kInt8:
      return Value::Integer(type, static_cast<int8_t>(rng()));
    case TypeId::kInt16:
      return Value::Integer(type, rng() % 2 ? small() : static_cast<int16_t>(rng()));
    case TypeId::kInt32:
      return Value::Int32(rng() % 2 ? static_cast<int32_t>(small()) : static_cast<int32_t>(rng()));
    case TypeId::kInt64:
      return Value::Int64(rng() % 2 ? small() : static_cast<int64_t>(rng()));
    case TypeId::kUInt64:
      return Value::UInt64(rng() % 2 ? rng() % 300 : rng());
    case TypeId::kFloat32:
      return Value::Float32(static_cast<float>(small()) / 4);
    case TypeId::kFloat64: {
      const double specials[] = {kInf, -kInf, kNaN, -0.0, 1e300, 0.5, -2.5};
      return Value::Float64(rng() % 4 == 0 ? specials[rng() % 7]
                                           : static_cast<double>(small()) / 8);
    }
    case TypeId::kDecimal:
      return Value::Decimal(small() * 37, type.precision(), type.scale());
    case TypeId::kText: {
      const char* texts[] = {
          "12",       "-7",   " 3 ",          "1.5",        "abc",
          "",         "true", "no",           "2024-01-31", "2024-01-31 12:00:00",
          "12:30:00", "1e3",  "999999999999", "-0.125"};
      return Value::Text(texts[rng() % 14]);
    }
    case TypeId::kDate:
      return Value::Date(static_cast<int32_t>(small() * 97));
    case TypeId::kTimestamp:
      return Value::Timestamp(small() * 3600 * kMicrosPerSecond + small());
    default:
      return Value::Null(type);
  }
}

TEST(CastVectorTest, EqualsCastValueRowByRow) {
  const std::vector<LogicalType> from = {kBool,    TypeId::kInt8, TypeId::kInt16,
                                         kInt32,   kInt64,        kUInt64,
                                         kFloat32, kFloat64,      LogicalType::Decimal(18, 4),
                                         kText,    TypeId::kDate, TypeId::kTimestamp};
  const std::vector<LogicalType> to = {kBool,
                                       kInt8,
                                       TypeId::kInt16,
                                       kInt32,
                                       kInt64,
                                       kUInt8,
                                       kUInt64,
                                       kFloat32,
                                       kFloat64,
                                       LogicalType::Decimal(10, 2),
                                       LogicalType::Decimal(38, 0),
                                       kText,
                                       TypeId::kDate,
                                       TypeId::kTimestamp,
                                       TypeId::kTime};
  std::mt19937_64 rng(2024);
  int compared = 0;
  for (const auto& f : from) {
    for (const auto& t : to) {
      if (!CanCast(f, t)) continue;
      for (bool try_cast : {false, true}) {
        std::vector<Value> values;
        for (int i = 0; i < 40; i++) values.push_back(RandomValue(f, rng));
        auto vec = Build(f, values);
        const std::string what = f.ToString() + " -> " + t.ToString() + (try_cast ? " (TRY)" : "");
        // The row-by-row reference: the first failing row fails the whole vector.
        std::vector<Value> want;
        bool fails = false;
        for (const auto& v : values) {
          auto r = CastValue(v, t, try_cast);
          if (!r.ok()) {
            fails = true;
            break;
          }
          want.push_back(*r);
        }
        auto got = CastVector(vec, t, try_cast);
        if (fails) {
          EXPECT_FALSE(got.ok()) << what;
          continue;
        }
        ASSERT_TRUE(got.ok()) << what << ": " << got.status().ToString();
        const Vector& out = **got;
        ASSERT_EQ(out.type(), t) << what;
        ASSERT_EQ(out.length(), static_cast<int64_t>(values.size())) << what;
        for (size_t i = 0; i < values.size(); i++) {
          Value g = out.GetValue(static_cast<int64_t>(i));
          ASSERT_TRUE(g.is_null() == want[i].is_null() && g.Compare(want[i]) == 0 &&
                      g.ToString() == want[i].ToString())
              << what << ": " << values[i].ToSqlLiteral() << " gave " << g.ToString()
              << ", CastValue gave " << want[i].ToString();
        }
        compared++;
      }
    }
  }
  EXPECT_GT(compared, 150);
}

TEST(CastVectorTest, ErrorsCarryTheValueAndTryCastGivesNull) {
  auto vec = Build(kText, {Value::Text("1"), Value::Text("x"), Value::Null(TypeId::kText)});
  auto bad = CastVector(vec, kInt64);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kConversion);
  EXPECT_NE(bad.status().message().find("'x'"), std::string::npos) << bad.status().message();
  auto soft = CastVector(vec, kInt64, /*try_cast=*/true);
  ASSERT_TRUE(soft.ok());
  EXPECT_EQ((*soft)->GetValue(0), Value::Int64(1));
  EXPECT_TRUE((*soft)->IsNull(1));
  EXPECT_TRUE((*soft)->IsNull(2));
  // Same type: returned as is.
  auto same = CastVector(vec, kText);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->get(), vec.get());
  // The NULL type casts to all-NULL of the target.
  auto nulls =
      CastVector(MakeConstantVector(TypeId::kNull, Value(), 3), LogicalType::Decimal(5, 1));
  ASSERT_TRUE(nulls.ok());
  EXPECT_EQ((*nulls)->type(), LogicalType::Decimal(5, 1));
  EXPECT_EQ((*nulls)->CountNulls(), 3);
}

}  // namespace
}  // namespace kodiak
