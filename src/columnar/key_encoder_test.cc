#include "columnar/key_encoder.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "types/numeric.h"

namespace kodiak {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

VectorPtr Build(const LogicalType& type, const std::vector<Value>& values) {
  VectorBuilder b(type);
  for (const auto& v : values) b.Append(v);
  return b.Finish();
}

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// memcmp order, a shorter key first when it is a prefix.
int KeyCompare(const std::string& a, const std::string& b) {
  int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  if (c != 0) return Sign(c);
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// The SQL order of one column: NULLs where asked, values by Value::Compare
// (which sorts NaN last and equates -0.0 with 0.0), reversed for DESC.
int SqlCompare(const Value& a, const Value& b, bool descending, bool nulls_first) {
  if (a.is_null() || b.is_null()) {
    if (a.is_null() && b.is_null()) return 0;
    return (a.is_null() == nulls_first) ? -1 : 1;
  }
  int c = Sign(a.Compare(b));
  return descending ? -c : c;
}

std::vector<std::string> Keys(const std::vector<KeyColumn>& cols, int64_t n) {
  std::vector<std::string> keys;
  EncodeKeys(cols, n, &keys);
  return keys;
}

// For each direction and NULL placement: memcmp of the keys orders every pair
// of rows exactly as SQL does, and equal values give equal keys.
void ExpectOrderPreserved(const LogicalType& type, const std::vector<Value>& values) {
  auto vec = Build(type, values);
  const int64_t n = vec->length();
  for (bool desc : {false, true}) {
    for (bool nulls_first : {true, false}) {
      auto keys = Keys({KeyColumn{vec.get(), desc, nulls_first}}, n);
      ASSERT_EQ(static_cast<int64_t>(keys.size()), n);
      for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
          int want = SqlCompare(values[i], values[j], desc, nulls_first);
          int got = KeyCompare(keys[i], keys[j]);
          ASSERT_EQ(got, want) << type.ToString() << (desc ? " DESC" : " ASC")
                               << (nulls_first ? " NULLS FIRST: " : " NULLS LAST: ")
                               << values[i].ToSqlLiteral() << " vs " << values[j].ToSqlLiteral();
        }
      }
    }
  }
}

uint64_t Bits(std::mt19937_64& rng) { return rng(); }

// ---------------------------------------------------------------- integers

TEST(KeyEncoderTest, SignedIntegers) {
  std::mt19937_64 rng(1);
  std::vector<Value> v64 = {Value::Int64(INT64_MIN), Value::Int64(INT64_MIN + 1),
                            Value::Int64(-1),        Value::Int64(0),
                            Value::Int64(1),         Value::Int64(INT64_MAX - 1),
                            Value::Int64(INT64_MAX), Value::Null(TypeId::kInt64),
                            Value::Int64(0),         Value::Null(TypeId::kInt64)};
  for (int i = 0; i < 80; i++)
    v64.push_back(Value::Int64(static_cast<int64_t>(Bits(rng)) >> (rng() % 64)));
  ExpectOrderPreserved(TypeId::kInt64, v64);

  std::vector<Value> v32 = {Value::Int32(INT32_MIN), Value::Int32(INT32_MAX), Value::Int32(-1),
                            Value::Int32(0), Value::Null(TypeId::kInt32)};
  for (int i = 0; i < 40; i++) v32.push_back(Value::Int32(static_cast<int32_t>(Bits(rng))));
  ExpectOrderPreserved(TypeId::kInt32, v32);

  std::vector<Value> v16, v8;
  for (int x : {-32768, -1, 0, 1, 255, 256, 32767})
    v16.push_back(Value::Integer(TypeId::kInt16, x));
  for (int x : {-128, -127, -1, 0, 1, 127}) v8.push_back(Value::Integer(TypeId::kInt8, x));
  v8.push_back(Value::Null(TypeId::kInt8));
  ExpectOrderPreserved(TypeId::kInt16, v16);
  ExpectOrderPreserved(TypeId::kInt8, v8);
}

TEST(KeyEncoderTest, UnsignedIntegers) {
  std::mt19937_64 rng(2);
  std::vector<Value> u64 = {Value::UInt64(0),          Value::UInt64(1),
                            Value::UInt64(1ULL << 63), Value::UInt64((1ULL << 63) - 1),
                            Value::UInt64(UINT64_MAX), Value::Null(TypeId::kUInt64)};
  for (int i = 0; i < 50; i++) u64.push_back(Value::UInt64(Bits(rng)));
  ExpectOrderPreserved(TypeId::kUInt64, u64);
  std::vector<Value> u32, u16, u8;
  for (int64_t x : {0LL, 1LL, 2147483648LL, 4294967295LL})
    u32.push_back(Value::Integer(TypeId::kUInt32, x));
  for (int64_t x : {0, 1, 32768, 65535}) u16.push_back(Value::Integer(TypeId::kUInt16, x));
  for (int64_t x : {0, 1, 127, 128, 255}) u8.push_back(Value::Integer(TypeId::kUInt8, x));
  ExpectOrderPreserved(TypeId::kUInt32, u32);
  ExpectOrderPreserved(TypeId::kUInt16, u16);
  ExpectOrderPreserved(TypeId::kUInt8, u8);
}

// ---------------------------------------------------------------- floats

TEST(KeyEncoderTest, DoublesIncludingSpecialValues) {
  std::mt19937_64 rng(3);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Value> values = {
      Value::Float64(-0.0),
      Value::Float64(0.0),
      Value::Float64(-kInf),
      Value::Float64(kInf),
      Value::Float64(nan),
      Value::Float64(-nan),
      Value::Float64(std::bit_cast<double>(0x7FF0000000000001ULL)),  // signalling NaN
      Value::Float64(std::bit_cast<double>(0xFFF8000000000123ULL)),  // NaN with payload
      Value::Float64(std::numeric_limits<double>::denorm_min()),
      Value::Float64(-std::numeric_limits<double>::denorm_min()),
      Value::Float64(std::numeric_limits<double>::max()),
      Value::Float64(std::numeric_limits<double>::lowest()),
      Value::Float64(-1.5),
      Value::Float64(-1.25),
      Value::Float64(1.25),
      Value::Null(TypeId::kFloat64)};
  for (int i = 0; i < 80; i++) {
    double d = std::bit_cast<double>(Bits(rng));
    values.push_back(Value::Float64(
        i % 2 ? d : static_cast<double>(static_cast<int64_t>(rng() % 200) - 100) / 4));
  }
  ExpectOrderPreserved(TypeId::kFloat64, values);
}

TEST(KeyEncoderTest, FloatsIncludingSpecialValues) {
  std::mt19937 rng(4);
  std::vector<Value> values = {Value::Float32(-0.0f),
                               Value::Float32(0.0f),
                               Value::Float32(std::numeric_limits<float>::infinity()),
                               Value::Float32(-std::numeric_limits<float>::infinity()),
                               Value::Float32(std::numeric_limits<float>::quiet_NaN()),
                               Value::Float32(std::numeric_limits<float>::max()),
                               Value::Null(TypeId::kFloat32)};
  for (int i = 0; i < 60; i++)
    values.push_back(Value::Float32(std::bit_cast<float>(static_cast<uint32_t>(rng()))));
  ExpectOrderPreserved(TypeId::kFloat32, values);
}

// ---------------------------------------------------------------- wide values

TEST(KeyEncoderTest, Decimals) {
  std::mt19937_64 rng(5);
  const int128_t max38 = Pow10(38) - 1;
  LogicalType type = LogicalType::Decimal(38, 5);
  std::vector<Value> values = {Value::Decimal(max38, 38, 5), Value::Decimal(-max38, 38, 5),
                               Value::Decimal(0, 38, 5),     Value::Decimal(1, 38, 5),
                               Value::Decimal(-1, 38, 5),    Value::Null(type)};
  for (int i = 0; i < 60; i++) {
    unsigned __int128 u = (static_cast<unsigned __int128>(rng()) << 64) | rng();
    int128_t v = static_cast<int128_t>(
        u % static_cast<unsigned __int128>(Pow10(static_cast<int>(1 + rng() % 38))));
    values.push_back(Value::Decimal(rng() % 2 ? -v : v, 38, 5));
  }
  ExpectOrderPreserved(type, values);
}

TEST(KeyEncoderTest, UuidsOrderAsTheirBytes) {
  std::mt19937_64 rng(6);
  std::vector<Value> values = {
      Value::Uuid(0), Value::Uuid(-1), Value::Uuid(1),
      Value::Uuid(static_cast<int128_t>(static_cast<unsigned __int128>(1) << 127)),
      Value::Null(TypeId::kUuid)};
  for (int i = 0; i < 40; i++) {
    values.push_back(
        Value::Uuid(static_cast<int128_t>((static_cast<unsigned __int128>(rng()) << 64) | rng())));
  }
  ExpectOrderPreserved(TypeId::kUuid, values);
}

TEST(KeyEncoderTest, IntervalsOrderByLength) {
  const int64_t day = 86400LL * 1000000000LL;
  std::vector<Value> values = {Value::IntervalValue({1, 0, 0}),
                               Value::IntervalValue({0, 30, 0}),  // equal: a month is 30 days
                               Value::IntervalValue({0, 31, 0}),
                               Value::IntervalValue({0, 1, 0}),
                               Value::IntervalValue({0, 0, day}),
                               Value::IntervalValue({0, 0, day - 1}),
                               Value::IntervalValue({0, 0, 0}),
                               Value::IntervalValue({-1, 0, 0}),
                               Value::IntervalValue({0, -30, 0}),
                               Value::IntervalValue({12, 0, -1}),
                               Value::IntervalValue({0, 360, 0}),
                               Value::IntervalValue({INT32_MAX, INT32_MAX, INT64_MAX}),
                               Value::IntervalValue({INT32_MIN, INT32_MIN, INT64_MIN}),
                               Value::Null(TypeId::kInterval)};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 40; i++) {
    values.push_back(Value::IntervalValue(
        {static_cast<int32_t>(rng() % 7) - 3, static_cast<int32_t>(rng() % 200) - 100,
         (static_cast<int64_t>(rng() % 2000) - 1000) * day / 10}));
  }
  ExpectOrderPreserved(TypeId::kInterval, values);
}

// ---------------------------------------------------------------- temporal, bool

TEST(KeyEncoderTest, TemporalAndBool) {
  std::mt19937_64 rng(8);
  std::vector<Value> dates = {Value::Date(INT32_MIN), Value::Date(INT32_MAX), Value::Date(-1),
                              Value::Date(0), Value::Null(TypeId::kDate)};
  std::vector<Value> stamps = {Value::Timestamp(INT64_MIN), Value::Timestamp(-1),
                               Value::Timestamp(0), Value::Timestamp(INT64_MAX),
                               Value::Null(TypeId::kTimestamp)};
  std::vector<Value> times;
  for (int i = 0; i < 30; i++) {
    dates.push_back(Value::Date(static_cast<int32_t>(rng())));
    stamps.push_back(Value::Timestamp(static_cast<int64_t>(rng())));
    times.push_back(Value::Time(static_cast<int64_t>(rng() % 86400000000ULL)));
  }
  ExpectOrderPreserved(TypeId::kDate, dates);
  ExpectOrderPreserved(TypeId::kTimestamp, stamps);
  ExpectOrderPreserved(TypeId::kTimestampTz, [&] {
    std::vector<Value> tz;
    for (const auto& s : stamps)
      tz.push_back(s.is_null() ? Value::Null(TypeId::kTimestampTz)
                               : Value::TimestampTz(s.int_value()));
    return tz;
  }());
  ExpectOrderPreserved(TypeId::kTime, times);
  ExpectOrderPreserved(TypeId::kBool,
                       {Value::Bool(true), Value::Bool(false), Value::Null(TypeId::kBool),
                        Value::Bool(true), Value::Bool(false)});
}

// ---------------------------------------------------------------- strings

TEST(KeyEncoderTest, StringPrefixesAndEmbeddedNulBytes) {
  auto text = [](const char* s, size_t n) { return Value::Text(std::string(s, n)); };
  // "" < "\0" < "\0\0" < "\0a" < "a" < "a\0" < "a\0\0" < "a\0b" < "a\x01" < "ab" < "\xff"
  std::vector<Value> ordered = {text("", 0),      text("\0", 1),   text("\0\0", 2),
                                text("\0a", 2),   text("a", 1),    text("a\0", 2),
                                text("a\0\0", 3), text("a\0b", 3), text("a\x01", 2),
                                text("ab", 2),    text("\xff", 1), text("\xff\xff", 2)};
  auto vec = Build(TypeId::kText, ordered);
  auto keys = Keys({KeyColumn{vec.get()}}, vec->length());
  for (size_t i = 0; i + 1 < keys.size(); i++) {
    EXPECT_LT(KeyCompare(keys[i], keys[i + 1]), 0)
        << ordered[i].ToSqlLiteral() << " < " << ordered[i + 1].ToSqlLiteral();
  }
  ordered.push_back(Value::Null(TypeId::kText));
  ExpectOrderPreserved(TypeId::kText, ordered);
}

TEST(KeyEncoderTest, RandomStringsFromATinyAlphabet) {
  // A tiny alphabet makes shared prefixes, NULs and 0xFF bytes common.
  const char alphabet[] = {'\0', '\x01', 'a', '\xff'};
  std::mt19937_64 rng(9);
  std::vector<Value> texts, blobs;
  for (int i = 0; i < 150; i++) {
    std::string s;
    for (uint64_t k = 0, n = rng() % 5; k < n; k++) s.push_back(alphabet[rng() % 4]);
    texts.push_back(i % 17 == 0 ? Value::Null(TypeId::kText) : Value::Text(s));
    blobs.push_back(Value::Blob(s));
  }
  ExpectOrderPreserved(TypeId::kText, texts);
  ExpectOrderPreserved(TypeId::kBlob, blobs);
}

// ---------------------------------------------------------------- nested

TEST(KeyEncoderTest, ListsAndStructs) {
  LogicalType list = LogicalType::List(TypeId::kInt64);
  auto l = [&](std::vector<std::optional<int64_t>> xs) {
    std::vector<Value> items;
    for (auto x : xs) items.push_back(x ? Value::Int64(*x) : Value::Null(TypeId::kInt64));
    return Value::Nested(list, std::move(items));
  };
  ExpectOrderPreserved(list, {l({}), l({1}), l({1, 2}), l({1, 2, 3}), l({1, 3}), l({2}), l({-1, 5}),
                              l({std::nullopt}), l({std::nullopt, 1}), l({1, std::nullopt}),
                              Value::Null(list), l({1, 2})});

  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  auto s = [&](std::optional<int64_t> a, std::optional<std::string> b) {
    return Value::Nested(st, {a ? Value::Int64(*a) : Value::Null(TypeId::kInt64),
                              b ? Value::Text(*b) : Value::Null(TypeId::kText)});
  };
  ExpectOrderPreserved(
      st, {s(1, "a"), s(1, "b"), s(1, ""), s(2, "a"), s(std::nullopt, "z"), s(1, std::nullopt),
           s(std::nullopt, std::nullopt), Value::Null(st), s(1, "a"), s(-5, "a")});
}

// ---------------------------------------------------------------- multi-column

TEST(KeyEncoderTest, MultiColumnKeysCompareColumnByColumn) {
  std::mt19937_64 rng(10);
  const char* words[] = {"", "a", "ab", "b"};
  std::vector<Value> a, b, c;
  for (int i = 0; i < 120; i++) {
    a.push_back(rng() % 6 == 0 ? Value::Null(TypeId::kInt64)
                               : Value::Int64(static_cast<int64_t>(rng() % 3) - 1));
    b.push_back(rng() % 6 == 0 ? Value::Null(TypeId::kText) : Value::Text(words[rng() % 4]));
    const double choices[] = {-0.0, 0.0, std::numeric_limits<double>::quiet_NaN(), 1.0};
    c.push_back(rng() % 6 == 0 ? Value::Null(TypeId::kFloat64)
                               : Value::Float64(choices[rng() % 4]));
  }
  auto va = Build(TypeId::kInt64, a), vb = Build(TypeId::kText, b), vc = Build(TypeId::kFloat64, c);
  // ORDER BY a ASC NULLS FIRST, b DESC NULLS FIRST, c ASC NULLS LAST
  std::vector<KeyColumn> cols = {
      {va.get(), false, true}, {vb.get(), true, true}, {vc.get(), false, false}};
  auto keys = Keys(cols, 120);
  for (int i = 0; i < 120; i++) {
    for (int j = 0; j < 120; j++) {
      int want = SqlCompare(a[i], a[j], false, true);
      if (want == 0) want = SqlCompare(b[i], b[j], true, true);
      if (want == 0) want = SqlCompare(c[i], c[j], false, false);
      ASSERT_EQ(KeyCompare(keys[i], keys[j]), want)
          << "(" << a[i].ToSqlLiteral() << ", " << b[i].ToSqlLiteral() << ", "
          << c[i].ToSqlLiteral() << ") vs (" << a[j].ToSqlLiteral() << ", " << b[j].ToSqlLiteral()
          << ", " << c[j].ToSqlLiteral() << ")";
    }
  }
}

TEST(KeyEncoderTest, TextColumnBoundaryIsUnambiguous) {
  // ("a", "b") and ("ab", "") must differ, and ("a", x) < ("ab", y) for any x, y.
  auto first = Build(TypeId::kText, {Value::Text("a"), Value::Text("ab"), Value::Text("a")});
  auto second = Build(TypeId::kText,
                      {Value::Text("b"), Value::Text(""), Value::Text(std::string("\xff\xff", 2))});
  auto keys = Keys({KeyColumn{first.get()}, KeyColumn{second.get()}}, 3);
  EXPECT_LT(KeyCompare(keys[0], keys[1]), 0);
  EXPECT_LT(KeyCompare(keys[2], keys[1]), 0);
  EXPECT_LT(KeyCompare(keys[0], keys[2]), 0);
}

// ---------------------------------------------------------------- API details

TEST(KeyEncoderTest, KeysVectorIsResizedAndOverwritten) {
  auto v = Build(TypeId::kInt64, {Value::Int64(1), Value::Int64(2)});
  std::vector<std::string> keys = {"stale", "stale", "stale", "extra"};
  EncodeKeys({KeyColumn{v.get()}}, 2, &keys);
  ASSERT_EQ(keys.size(), 4u);  // never shrunk
  auto fresh = Keys({KeyColumn{v.get()}}, 2);
  EXPECT_EQ(keys[0], fresh[0]);
  EXPECT_EQ(keys[1], fresh[1]);
  std::vector<std::string> empty;
  EncodeKeys({KeyColumn{v.get()}}, 2, &empty);
  EXPECT_EQ(empty.size(), 2u);
}

TEST(KeyEncoderTest, NullsEqualEachOtherAndSitFirstOrLast) {
  auto v = Build(TypeId::kText,
                 {Value::Null(TypeId::kText), Value::Text(""), Value::Null(TypeId::kText)});
  auto first = Keys({KeyColumn{v.get(), false, true}}, 3);
  auto last = Keys({KeyColumn{v.get(), false, false}}, 3);
  EXPECT_EQ(first[0], first[2]);
  EXPECT_LT(KeyCompare(first[0], first[1]), 0);
  EXPECT_GT(KeyCompare(last[0], last[1]), 0);
  auto nulls = MakeConstantVector(TypeId::kNull, Value(), 2);
  auto k = Keys({KeyColumn{nulls.get()}}, 2);
  EXPECT_EQ(k[0], k[1]);
}

TEST(KeyEncoderTest, AnyNull) {
  auto a = Build(TypeId::kInt64, {Value::Int64(1), Value::Null(TypeId::kInt64), Value::Int64(3)});
  auto b = Build(TypeId::kText, {Value::Text("x"), Value::Text("y"), Value::Null(TypeId::kText)});
  std::vector<KeyColumn> cols = {{a.get()}, {b.get()}};
  EXPECT_FALSE(AnyNull(cols, 0));
  EXPECT_TRUE(AnyNull(cols, 1));
  EXPECT_TRUE(AnyNull(cols, 2));
  EXPECT_FALSE(AnyNull({}, 0));
}

}  // namespace
}  // namespace kodiak
