#include "sql/execution/kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "types/datetime.h"
#include "types/numeric.h"

namespace kodiak::sql {
namespace {

using OptInt = std::optional<int64_t>;
using OptBool = std::optional<bool>;
using OptStr = std::optional<std::string>;
using OptDouble = std::optional<double>;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const OptInt kNullInt = std::nullopt;
const OptBool kNullBool = std::nullopt;

// ---------------------------------------------------------------- builders

VectorPtr Col(const LogicalType& type, const std::vector<Value>& values) {
  VectorBuilder b(type);
  for (const auto& v : values) b.Append(v);
  return b.Finish();
}

VectorPtr Ints(const std::vector<OptInt>& xs) {
  std::vector<Value> v;
  for (auto x : xs) v.push_back(x ? Value::Int64(*x) : Value::Null(TypeId::kInt64));
  return Col(TypeId::kInt64, v);
}

VectorPtr UInts(const std::vector<std::optional<uint64_t>>& xs) {
  std::vector<Value> v;
  for (auto x : xs) v.push_back(x ? Value::UInt64(*x) : Value::Null(TypeId::kUInt64));
  return Col(TypeId::kUInt64, v);
}

VectorPtr Doubles(const std::vector<OptDouble>& xs) {
  std::vector<Value> v;
  for (auto x : xs) v.push_back(x ? Value::Float64(*x) : Value::Null(TypeId::kFloat64));
  return Col(TypeId::kFloat64, v);
}

VectorPtr Bools(const std::vector<OptBool>& xs) {
  std::vector<Value> v;
  for (auto x : xs) v.push_back(x ? Value::Bool(*x) : Value::Null(TypeId::kBool));
  return Col(TypeId::kBool, v);
}

VectorPtr Texts(const std::vector<OptStr>& xs) {
  std::vector<Value> v;
  for (const auto& x : xs) v.push_back(x ? Value::Text(*x) : Value::Null(TypeId::kText));
  return Col(TypeId::kText, v);
}

// DECIMAL(p, s) from unscaled values.
VectorPtr Decimals(int p, int s, const std::vector<std::optional<int128_t>>& xs) {
  std::vector<Value> v;
  for (auto x : xs)
    v.push_back(x ? Value::Decimal(*x, p, s) : Value::Null(LogicalType::Decimal(p, s)));
  return Col(LogicalType::Decimal(p, s), v);
}

// ---------------------------------------------------------------- readers

std::vector<OptBool> BoolsOf(const Vector& v) {
  std::vector<OptBool> out;
  for (int64_t i = 0; i < v.length(); i++)
    out.push_back(v.IsNull(i) ? kNullBool : OptBool(v.GetBool(i)));
  return out;
}

std::vector<OptInt> IntsOf(const Vector& v) {
  std::vector<OptInt> out;
  for (int64_t i = 0; i < v.length(); i++)
    out.push_back(v.IsNull(i) ? kNullInt : OptInt(v.data<int64_t>()[i]));
  return out;
}

std::vector<OptStr> TextsOf(const Vector& v) {
  std::vector<OptStr> out;
  for (int64_t i = 0; i < v.length(); i++)
    out.push_back(v.IsNull(i) ? OptStr() : OptStr(std::string(v.GetString(i))));
  return out;
}

// Row values as text ("NULL" for NULL), for whole-vector comparisons.
std::vector<std::string> Texted(const Vector& v) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < v.length(); i++) out.push_back(v.GetValue(i).ToString());
  return out;
}

// The kernel's result; on an error the test fails and gets an empty vector,
// so the comparisons that follow fail too instead of crashing.
VectorPtr Ok(Result<VectorPtr> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::make_shared<Vector>(TypeId::kNull, 0);
}

// ---------------------------------------------------------------- arithmetic

TEST(ArithmeticKernelTest, Int64AddSubMulPropagateNull) {
  auto a = Ints({1, -5, kNullInt, 7, 0});
  auto b = Ints({2, 3, 4, kNullInt, -9});
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kAdd, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{3, -2, kNullInt, kNullInt, -9}));
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kSub, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{-1, -8, kNullInt, kNullInt, 9}));
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kMul, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{2, -15, kNullInt, kNullInt, 0}));
}

TEST(ArithmeticKernelTest, Int64OverflowIsOutOfRange) {
  struct Case {
    BinaryOp op;
    int64_t x, y;
  };
  for (const Case& c :
       {Case{BinaryOp::kAdd, INT64_MAX, 1}, Case{BinaryOp::kAdd, INT64_MIN, -1},
        Case{BinaryOp::kSub, INT64_MIN, 1}, Case{BinaryOp::kSub, 0, INT64_MIN},
        Case{BinaryOp::kMul, INT64_MAX, 2}, Case{BinaryOp::kMul, INT64_MIN, -1},
        Case{BinaryOp::kMul, 4294967296LL, 4294967296LL}, Case{BinaryOp::kDiv, INT64_MIN, -1}}) {
    auto r = ArithmeticKernel(c.op, *Ints({0, c.x}), *Ints({0, c.y}), TypeId::kInt64);
    ASSERT_FALSE(r.ok()) << c.x << " op " << c.y;
    EXPECT_EQ(r.status().code(), StatusCode::kOutOfRange) << r.status().ToString();
  }
  // Right at the edge is fine.
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kAdd, *Ints({INT64_MAX - 1}), *Ints({1}),
                                        TypeId::kInt64))),
            (std::vector<OptInt>{INT64_MAX}));
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kSub, *Ints({INT64_MIN + 1}), *Ints({1}),
                                        TypeId::kInt64))),
            (std::vector<OptInt>{INT64_MIN}));
}

TEST(ArithmeticKernelTest, OverflowInANullRowIsNotAnError) {
  // A NULL row's data is undefined: here it would overflow, but it must not count.
  Vector a(TypeId::kInt64, 2);
  a.data<int64_t>()[0] = INT64_MAX;
  a.data<int64_t>()[1] = 1;
  a.SetNull(0);
  auto b = Ints({1, 1});
  auto out = Ok(ArithmeticKernel(BinaryOp::kAdd, a, *b, TypeId::kInt64));
  EXPECT_EQ(IntsOf(*out), (std::vector<OptInt>{kNullInt, 2}));
  a.data<int64_t>()[0] = INT64_MIN;
  auto div = Ints({-1, 1});
  EXPECT_TRUE(ArithmeticKernel(BinaryOp::kDiv, a, *div, TypeId::kInt64).ok());
}

TEST(ArithmeticKernelTest, IntegerDivisionTruncatesTowardZero) {
  auto a = Ints({7, -7, 7, -7, 6, 0, INT64_MIN});
  auto b = Ints({2, 2, -2, -2, 3, 5, 1});
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kDiv, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{3, -3, -3, 3, 2, 0, INT64_MIN}));
  // The remainder takes the sign of the dividend.
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kMod, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{1, -1, 1, -1, 0, 0, 0}));
  EXPECT_EQ(IntsOf(*Ok(
                ArithmeticKernel(BinaryOp::kMod, *Ints({INT64_MIN}), *Ints({-1}), TypeId::kInt64))),
            (std::vector<OptInt>{0}));
}

TEST(ArithmeticKernelTest, DivisionAndModuloByZeroGiveNull) {
  auto a = Ints({7, 8, kNullInt, 9});
  auto b = Ints({0, 2, 0, 0});
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kDiv, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{kNullInt, 4, kNullInt, kNullInt}));
  EXPECT_EQ(IntsOf(*Ok(ArithmeticKernel(BinaryOp::kMod, *a, *b, TypeId::kInt64))),
            (std::vector<OptInt>{kNullInt, 0, kNullInt, kNullInt}));
  auto u = Ok(ArithmeticKernel(BinaryOp::kDiv, *UInts({10, 10}), *UInts({0, 3}), TypeId::kUInt64));
  EXPECT_TRUE(u->IsNull(0));
  EXPECT_EQ(u->data<uint64_t>()[1], 3u);
  auto f = Ok(ArithmeticKernel(BinaryOp::kDiv, *Doubles({1.0, 1.0}), *Doubles({0.0, 4.0}),
                               TypeId::kFloat64));
  EXPECT_TRUE(f->IsNull(0));
  EXPECT_EQ(f->data<double>()[1], 0.25);
  auto d = Ok(ArithmeticKernel(BinaryOp::kMod, *Decimals(10, 2, {500, 500}),
                               *Decimals(10, 2, {0, 300}), LogicalType::Decimal(10, 2)));
  EXPECT_EQ(Texted(*d), (std::vector<std::string>{"NULL", "2.00"}));
}

TEST(ArithmeticKernelTest, DivisionByZeroDoesNotTouchTheInputs) {
  // `a` has NULLs and `b` has none: the output shares a's bitmap.
  auto a = Ints({10, kNullInt, 30});
  auto b = Ints({0, 1, 3});
  auto out = Ok(ArithmeticKernel(BinaryOp::kDiv, *a, *b, TypeId::kInt64));
  EXPECT_EQ(IntsOf(*out), (std::vector<OptInt>{kNullInt, kNullInt, 10}));
  EXPECT_EQ(IntsOf(*a), (std::vector<OptInt>{10, kNullInt, 30}));  // row 0 must stay 10

  auto fa = Doubles({1.0, std::nullopt});
  auto fb = Doubles({0.0, 1.0});
  Ok(ArithmeticKernel(BinaryOp::kDiv, *fa, *fb, TypeId::kFloat64));
  EXPECT_FALSE(fa->IsNull(0));

  auto da = Decimals(10, 2, {100, std::nullopt});
  auto db = Decimals(10, 2, {0, 100});
  Ok(ArithmeticKernel(BinaryOp::kMod, *da, *db, LogicalType::Decimal(10, 2)));
  EXPECT_FALSE(da->IsNull(0));
}

TEST(ArithmeticKernelTest, UInt64Overflow) {
  auto r = ArithmeticKernel(BinaryOp::kAdd, *UInts({UINT64_MAX}), *UInts({1}), TypeId::kUInt64);
  EXPECT_EQ(r.status().code(), StatusCode::kOutOfRange);
  auto s = ArithmeticKernel(BinaryOp::kSub, *UInts({0}), *UInts({1}), TypeId::kUInt64);
  EXPECT_EQ(s.status().code(), StatusCode::kOutOfRange);
  auto ok = Ok(ArithmeticKernel(BinaryOp::kAdd, *UInts({1ULL << 63}), *UInts({(1ULL << 63) - 1}),
                                TypeId::kUInt64));
  EXPECT_EQ(ok->data<uint64_t>()[0], UINT64_MAX);
}

TEST(ArithmeticKernelTest, DecimalAddSubMul) {
  // As the binder sets them up: add/sub in the common type, mul with the scales summed.
  LogicalType d11_2 = LogicalType::Decimal(11, 2);
  auto a = Decimals(11, 2, {125, -125, std::nullopt, 1});
  auto b = Decimals(11, 2, {250, 100, 5, -1});
  EXPECT_EQ(Texted(*Ok(ArithmeticKernel(BinaryOp::kAdd, *a, *b, d11_2))),
            (std::vector<std::string>{"3.75", "-0.25", "NULL", "0.00"}));
  EXPECT_EQ(Texted(*Ok(ArithmeticKernel(BinaryOp::kSub, *a, *b, d11_2))),
            (std::vector<std::string>{"-1.25", "-2.25", "NULL", "0.02"}));

  auto x = Decimals(38, 2, {125, -5, std::nullopt});  // 1.25, -0.05
  auto y = Decimals(38, 1, {25, 25, 10});             // 2.5, 2.5
  EXPECT_EQ(Texted(*Ok(ArithmeticKernel(BinaryOp::kMul, *x, *y, LogicalType::Decimal(21, 3)))),
            (std::vector<std::string>{"3.125", "-0.125", "NULL"}));
}

TEST(ArithmeticKernelTest, DecimalOverflowIsOutOfRange) {
  const int128_t max38 = Pow10(38) - 1;
  LogicalType d38 = LogicalType::Decimal(38, 0);
  auto add =
      ArithmeticKernel(BinaryOp::kAdd, *Decimals(38, 0, {max38}), *Decimals(38, 0, {1}), d38);
  EXPECT_EQ(add.status().code(), StatusCode::kOutOfRange);
  auto sub =
      ArithmeticKernel(BinaryOp::kSub, *Decimals(38, 0, {-max38}), *Decimals(38, 0, {1}), d38);
  EXPECT_EQ(sub.status().code(), StatusCode::kOutOfRange);
  auto mul = ArithmeticKernel(BinaryOp::kMul, *Decimals(38, 0, {Pow10(20)}),
                              *Decimals(38, 0, {Pow10(18)}), d38);
  EXPECT_EQ(mul.status().code(), StatusCode::kOutOfRange);
  auto huge =
      ArithmeticKernel(BinaryOp::kMul, *Decimals(38, 0, {max38}), *Decimals(38, 0, {max38}), d38);
  EXPECT_EQ(huge.status().code(), StatusCode::kOutOfRange);
  EXPECT_TRUE(
      ArithmeticKernel(BinaryOp::kAdd, *Decimals(38, 0, {max38 - 1}), *Decimals(38, 0, {1}), d38)
          .ok());
}

TEST(ArithmeticKernelTest, Float64) {
  auto a = Doubles({1.5, -2.0, kInf, kInf, std::nullopt, 7.5});
  auto b = Doubles({0.25, 0.5, 1.0, kInf, 1.0, 2.0});
  auto add = Ok(ArithmeticKernel(BinaryOp::kAdd, *a, *b, TypeId::kFloat64));
  ASSERT_EQ(add->length(), 6);
  EXPECT_EQ(add->data<double>()[0], 1.75);
  EXPECT_EQ(add->data<double>()[2], kInf);  // infinite in, infinite out
  EXPECT_TRUE(add->IsNull(4));
  auto sub = Ok(ArithmeticKernel(BinaryOp::kSub, *a, *b, TypeId::kFloat64));
  ASSERT_EQ(sub->length(), 6);
  EXPECT_TRUE(std::isnan(sub->data<double>()[3]));  // inf - inf
  auto mul = Ok(ArithmeticKernel(BinaryOp::kMul, *a, *b, TypeId::kFloat64));
  ASSERT_EQ(mul->length(), 6);
  EXPECT_EQ(mul->data<double>()[1], -1.0);
  auto div = Ok(ArithmeticKernel(BinaryOp::kDiv, *a, *b, TypeId::kFloat64));
  ASSERT_EQ(div->length(), 6);
  EXPECT_EQ(div->data<double>()[0], 6.0);
  auto mod = Ok(ArithmeticKernel(BinaryOp::kMod, *a, *b, TypeId::kFloat64));
  ASSERT_EQ(mod->length(), 6);
  EXPECT_EQ(mod->data<double>()[5], 1.5);
  EXPECT_TRUE(std::signbit(mod->data<double>()[1]));  // fmod(-2, 0.5) is -0.0
}

TEST(ArithmeticKernelTest, Float64OverflowFromFiniteValuesIsOutOfRange) {
  auto mul =
      ArithmeticKernel(BinaryOp::kMul, *Doubles({1e308}), *Doubles({10.0}), TypeId::kFloat64);
  EXPECT_EQ(mul.status().code(), StatusCode::kOutOfRange);
  auto add =
      ArithmeticKernel(BinaryOp::kAdd, *Doubles({1.7e308}), *Doubles({1.7e308}), TypeId::kFloat64);
  EXPECT_EQ(add.status().code(), StatusCode::kOutOfRange);
  // Not in a NULL row.
  Vector hidden(TypeId::kFloat64, 1);
  hidden.data<double>()[0] = 1e308;
  hidden.SetNull(0);
  EXPECT_TRUE(ArithmeticKernel(BinaryOp::kMul, hidden, *Doubles({10.0}), TypeId::kFloat64).ok());
}

TEST(ArithmeticKernelTest, DateArithmetic) {
  std::vector<Value> dates = {Value::Date(0), Value::Date(-1), Value::Null(TypeId::kDate)};
  auto d = Col(TypeId::kDate, dates);
  auto plus = Ok(ArithmeticKernel(BinaryOp::kAdd, *d, *Ints({31, 1, 1}), TypeId::kDate));
  EXPECT_EQ(Texted(*plus), (std::vector<std::string>{"1970-02-01", "1970-01-01", "NULL"}));
  auto minus = Ok(ArithmeticKernel(BinaryOp::kSub, *d, *Ints({1, 364, 1}), TypeId::kDate));
  EXPECT_EQ(Texted(*minus), (std::vector<std::string>{"1969-12-31", "1969-01-01", "NULL"}));
  auto d2 = Col(TypeId::kDate, {Value::Date(10), Value::Date(10), Value::Date(0)});
  auto diff = Ok(ArithmeticKernel(BinaryOp::kSub, *d, *d2, TypeId::kInt64));
  EXPECT_EQ(IntsOf(*diff), (std::vector<OptInt>{-10, -11, kNullInt}));
  auto far = ArithmeticKernel(BinaryOp::kAdd, *d, *Ints({INT64_MAX / 2, 0, 0}), TypeId::kDate);
  EXPECT_EQ(far.status().code(), StatusCode::kOutOfRange);
}

TEST(ArithmeticKernelTest, DateOverflowInANullRowIsNotAnError) {
  Vector days(TypeId::kInt64, 2);
  days.data<int64_t>()[0] = INT64_MAX;  // undefined data under a NULL
  days.data<int64_t>()[1] = 1;
  days.SetNull(0);
  auto dates = Col(TypeId::kDate, {Value::Date(0), Value::Date(0)});
  auto out = Ok(ArithmeticKernel(BinaryOp::kAdd, *dates, days, TypeId::kDate));
  EXPECT_EQ(Texted(*out), (std::vector<std::string>{"NULL", "1970-01-02"}));
}

TEST(ArithmeticKernelTest, IntervalArithmetic) {
  const int64_t hour = 3600LL * 1000000000LL;
  auto ts = [](int64_t y, unsigned m, unsigned d, int64_t h = 0) {
    return Value::Timestamp(int64_t{DaysFromCivil(y, m, d)} * kMicrosPerDay +
                            h * 3600 * kMicrosPerSecond);
  };
  auto iv = [](int32_t m, int32_t d, int64_t n) { return Value::IntervalValue({m, d, n}); };
  // Months move the calendar date and clamp the day to the month's end.
  auto when = Col(TypeId::kTimestamp,
                  {ts(2024, 1, 31), ts(2023, 1, 31), ts(2024, 3, 31), ts(1969, 12, 31, 23),
                   ts(2024, 1, 15), Value::Null(TypeId::kTimestamp), ts(2024, 2, 28, 12)});
  auto by = Col(TypeId::kInterval, {iv(1, 0, 0), iv(1, 0, 0), iv(-1, 0, 0), iv(2, 0, 2 * hour),
                                    iv(-13, 0, 0), iv(1, 0, 0), iv(0, 1, 12 * hour)});
  EXPECT_EQ(Texted(*Ok(ArithmeticKernel(BinaryOp::kAdd, *when, *by, TypeId::kTimestamp))),
            (std::vector<std::string>{"2024-02-29 00:00:00", "2023-02-28 00:00:00",
                                      "2024-02-29 00:00:00", "1970-03-01 01:00:00",
                                      "2022-12-15 00:00:00", "NULL", "2024-03-01 00:00:00"}));
  EXPECT_EQ(Texted(*Ok(ArithmeticKernel(BinaryOp::kSub, *when, *by, TypeId::kTimestamp))),
            (std::vector<std::string>{"2023-12-31 00:00:00", "2022-12-31 00:00:00",
                                      "2024-04-30 00:00:00", "1969-10-31 21:00:00",
                                      "2025-02-15 00:00:00", "NULL", "2024-02-27 00:00:00"}));
  // INTERVAL + TIMESTAMP, DATE + INTERVAL (a TIMESTAMP).
  EXPECT_EQ(Texted(*Ok(ArithmeticKernel(BinaryOp::kAdd, *by, *when, TypeId::kTimestamp)))[0],
            "2024-02-29 00:00:00");
  auto dates = Col(TypeId::kDate, {Value::Date(DaysFromCivil(2024, 1, 31))});
  EXPECT_EQ(
      Texted(*Ok(ArithmeticKernel(BinaryOp::kAdd, *dates, *Col(TypeId::kInterval, {iv(1, 1, hour)}),
                                  TypeId::kTimestamp))),
      (std::vector<std::string>{"2024-03-01 01:00:00"}));
  // INTERVAL +/- INTERVAL works field by field.
  auto x = Col(TypeId::kInterval, {iv(1, 2, 3), iv(0, 0, 0)});
  auto y = Col(TypeId::kInterval, {iv(10, -20, 30), Value::Null(TypeId::kInterval)});
  auto sum = Ok(ArithmeticKernel(BinaryOp::kAdd, *x, *y, TypeId::kInterval));
  ASSERT_EQ(sum->length(), 2);
  EXPECT_EQ(sum->GetValue(0).interval_value(), (Interval{11, -18, 33}));
  EXPECT_TRUE(sum->IsNull(1));
  EXPECT_EQ(
      Ok(ArithmeticKernel(BinaryOp::kSub, *x, *y, TypeId::kInterval))->GetValue(0).interval_value(),
      (Interval{-9, 22, -27}));
  // TIMESTAMP - TIMESTAMP: days and time, both with the sign of the difference.
  auto later = Col(TypeId::kTimestamp, {ts(2024, 3, 1), ts(2024, 2, 28, 12)});
  auto earlier = Col(TypeId::kTimestamp, {ts(2024, 2, 28, 12), ts(2024, 3, 1)});
  auto diff = Ok(ArithmeticKernel(BinaryOp::kSub, *later, *earlier, TypeId::kInterval));
  ASSERT_EQ(diff->length(), 2);
  EXPECT_EQ(diff->GetValue(0).interval_value(), (Interval{0, 1, 12 * hour}));
  EXPECT_EQ(diff->GetValue(1).interval_value(), (Interval{0, -1, -12 * hour}));
  // Far past the representable range.
  auto far =
      ArithmeticKernel(BinaryOp::kAdd, *Col(TypeId::kTimestamp, {Value::Timestamp(INT64_MAX / 2)}),
                       *Col(TypeId::kInterval, {iv(0, INT32_MAX, 0)}), TypeId::kTimestamp);
  EXPECT_EQ(far.status().code(), StatusCode::kOutOfRange);
}

// ---------------------------------------------------------------- comparison

bool Expected(BinaryOp op, int c) {
  switch (op) {
    case BinaryOp::kEq:
      return c == 0;
    case BinaryOp::kNotEq:
      return c != 0;
    case BinaryOp::kLt:
      return c < 0;
    case BinaryOp::kLtEq:
      return c <= 0;
    case BinaryOp::kGt:
      return c > 0;
    default:
      return c >= 0;
  }
}

const BinaryOp kCompareOps[] = {BinaryOp::kEq,   BinaryOp::kNotEq, BinaryOp::kLt,
                                BinaryOp::kLtEq, BinaryOp::kGt,    BinaryOp::kGtEq};

// Every comparison operator on every pair (x[i], y[i]) agrees with
// Value::Compare; NULL on either side gives NULL.
void ExpectCompareMatchesValues(const LogicalType& type, const std::vector<Value>& x,
                                const std::vector<Value>& y) {
  auto a = Col(type, x), b = Col(type, y);
  for (BinaryOp op : kCompareOps) {
    auto out = Ok(CompareKernel(op, *a, *b));
    ASSERT_EQ(out->type().id(), TypeId::kBool);
    ASSERT_EQ(out->length(), a->length());
    for (size_t i = 0; i < x.size(); i++) {
      const std::string what = type.ToString() + " " + x[i].ToSqlLiteral() + " op" +
                               std::to_string(static_cast<int>(op)) + " " + y[i].ToSqlLiteral();
      if (x[i].is_null() || y[i].is_null()) {
        EXPECT_TRUE(out->IsNull(static_cast<int64_t>(i))) << what;
      } else {
        ASSERT_TRUE(out->IsValid(static_cast<int64_t>(i))) << what;
        EXPECT_EQ(out->GetBool(static_cast<int64_t>(i)), Expected(op, x[i].Compare(y[i]))) << what;
      }
    }
  }
}

// Pairs covering <, = and > plus NULL on each side, from a sorted list of
// distinct non-NULL values of the type.
void ExpectCompareOnSortedValues(const LogicalType& type, const std::vector<Value>& sorted) {
  std::vector<Value> x, y;
  for (size_t i = 0; i < sorted.size(); i++) {
    for (size_t j = 0; j < sorted.size(); j++) {
      x.push_back(sorted[i]);
      y.push_back(sorted[j]);
    }
    x.push_back(sorted[i]);
    y.push_back(Value::Null(type));
    x.push_back(Value::Null(type));
    y.push_back(sorted[i]);
  }
  x.push_back(Value::Null(type));
  y.push_back(Value::Null(type));
  for (size_t i = 0; i + 1 < sorted.size(); i++) {
    ASSERT_LT(sorted[i].Compare(sorted[i + 1]), 0)
        << "test values out of order: " << type.ToString();
  }
  ExpectCompareMatchesValues(type, x, y);
}

TEST(CompareKernelTest, EveryPhysicalType) {
  auto iv = [](int32_t m, int32_t d, int64_t n) { return Value::IntervalValue({m, d, n}); };
  auto uuid = [](uint64_t hi) {
    return Value::Uuid(static_cast<int128_t>(static_cast<unsigned __int128>(hi) << 64));
  };
  LogicalType list = LogicalType::List(TypeId::kInt64);
  auto l = [&](std::vector<int64_t> xs) {
    std::vector<Value> items;
    for (auto v : xs) items.push_back(Value::Int64(v));
    return Value::Nested(list, std::move(items));
  };
  ExpectCompareOnSortedValues(TypeId::kBool, {Value::Bool(false), Value::Bool(true)});
  ExpectCompareOnSortedValues(
      TypeId::kInt8, {Value::Integer(TypeId::kInt8, -128), Value::Integer(TypeId::kInt8, -1),
                      Value::Integer(TypeId::kInt8, 0), Value::Integer(TypeId::kInt8, 127)});
  ExpectCompareOnSortedValues(
      TypeId::kInt16, {Value::Integer(TypeId::kInt16, -32768), Value::Integer(TypeId::kInt16, 1),
                       Value::Integer(TypeId::kInt16, 32767)});
  ExpectCompareOnSortedValues(TypeId::kInt32,
                              {Value::Int32(INT32_MIN), Value::Int32(-1), Value::Int32(INT32_MAX)});
  ExpectCompareOnSortedValues(TypeId::kInt64, {Value::Int64(INT64_MIN), Value::Int64(-1),
                                               Value::Int64(0), Value::Int64(INT64_MAX)});
  ExpectCompareOnSortedValues(
      TypeId::kUInt8, {Value::Integer(TypeId::kUInt8, 0), Value::Integer(TypeId::kUInt8, 127),
                       Value::Integer(TypeId::kUInt8, 128), Value::Integer(TypeId::kUInt8, 255)});
  ExpectCompareOnSortedValues(TypeId::kUInt16, {Value::Integer(TypeId::kUInt16, 1),
                                                Value::Integer(TypeId::kUInt16, 40000)});
  ExpectCompareOnSortedValues(TypeId::kUInt32, {Value::Integer(TypeId::kUInt32, 1),
                                                Value::Integer(TypeId::kUInt32, 3000000000LL)});
  ExpectCompareOnSortedValues(TypeId::kUInt64,
                              {Value::UInt64(0), Value::UInt64((1ULL << 63) - 1),
                               Value::UInt64(1ULL << 63), Value::UInt64(UINT64_MAX)});
  ExpectCompareOnSortedValues(TypeId::kFloat32,
                              {Value::Float32(-std::numeric_limits<float>::infinity()),
                               Value::Float32(-1.5f), Value::Float32(0.0f), Value::Float32(2.5f),
                               Value::Float32(std::numeric_limits<float>::quiet_NaN())});
  ExpectCompareOnSortedValues(TypeId::kFloat64,
                              {Value::Float64(-kInf), Value::Float64(-1e300), Value::Float64(0.0),
                               Value::Float64(0.1), Value::Float64(kInf), Value::Float64(kNaN)});
  ExpectCompareOnSortedValues(
      LogicalType::Decimal(38, 2),
      {Value::Decimal(-(Pow10(38) - 1), 38, 2), Value::Decimal(-1, 38, 2), Value::Decimal(0, 38, 2),
       Value::Decimal(Pow10(37), 38, 2), Value::Decimal(Pow10(37) + 1, 38, 2)});
  ExpectCompareOnSortedValues(TypeId::kText,
                              {Value::Text(""), Value::Text(std::string("\0", 1)), Value::Text("a"),
                               Value::Text("ab"), Value::Text("b"), Value::Text("\xc3\xa9")});
  ExpectCompareOnSortedValues(TypeId::kBlob,
                              {Value::Blob(""), Value::Blob("\x01"), Value::Blob("\x7f"),
                               Value::Blob("\x80"), Value::Blob("\xff")});
  ExpectCompareOnSortedValues(TypeId::kJson,
                              {Value::Json("1"), Value::Json("[]"), Value::Json("{}")});
  ExpectCompareOnSortedValues(TypeId::kDate,
                              {Value::Date(INT32_MIN), Value::Date(-1), Value::Date(0)});
  ExpectCompareOnSortedValues(TypeId::kTime,
                              {Value::Time(0), Value::Time(1), Value::Time(86400000000LL)});
  ExpectCompareOnSortedValues(
      TypeId::kTimestamp, {Value::Timestamp(INT64_MIN), Value::Timestamp(-1), Value::Timestamp(5)});
  ExpectCompareOnSortedValues(TypeId::kTimestampTz,
                              {Value::TimestampTz(-1), Value::TimestampTz(0)});
  ExpectCompareOnSortedValues(TypeId::kInterval,
                              {iv(-1, 0, 0), iv(0, 0, 0), iv(0, 1, -1), iv(0, 1, 0), iv(1, 0, 1)});
  ExpectCompareOnSortedValues(TypeId::kUuid, {uuid(0), uuid(1), uuid(0x7fffffffffffffffULL),
                                              uuid(0x8000000000000000ULL), uuid(UINT64_MAX)});
  ExpectCompareOnSortedValues(list, {l({}), l({1}), l({1, 2}), l({2})});
}

TEST(CompareKernelTest, IntervalsOfEqualLengthAreEqual) {
  auto a =
      Col(TypeId::kInterval, {Value::IntervalValue({1, 0, 0}), Value::IntervalValue({0, 1, 0})});
  auto b = Col(TypeId::kInterval,
               {Value::IntervalValue({0, 30, 0}), Value::IntervalValue({0, 0, 86400000000000LL})});
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kEq, *a, *b))), (std::vector<OptBool>{true, true}));
}

TEST(CompareKernelTest, NullTypeGivesNull) {
  auto n = MakeConstantVector(TypeId::kNull, Value(), 3);
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kEq, *n, *n))),
            (std::vector<OptBool>{kNullBool, kNullBool, kNullBool}));
}

TEST(CompareKernelTest, FloatZeroSignsAreEqual) {
  auto a = Doubles({-0.0, 0.0});
  auto b = Doubles({0.0, -0.0});
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kEq, *a, *b))), (std::vector<OptBool>{true, true}));
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kLt, *a, *b))),
            (std::vector<OptBool>{false, false}));
}

TEST(CompareKernelTest, NaNEqualsItselfAndSortsAboveInfinity) {
  auto a = Doubles({kNaN, kNaN, kNaN, 1.0});
  auto b = Doubles({kNaN, kInf, 1.0, kNaN});
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kEq, *a, *b))),
            (std::vector<OptBool>{true, false, false, false}));
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kGt, *a, *b))),
            (std::vector<OptBool>{false, true, true, false}));
  EXPECT_EQ(BoolsOf(*Ok(CompareKernel(BinaryOp::kLt, *a, *b))),
            (std::vector<OptBool>{false, false, false, true}));
  EXPECT_EQ(BoolsOf(*Ok(IsDistinctKernel(*a, *b, false))),
            (std::vector<OptBool>{false, true, true, true}));
}

// ---------------------------------------------------------------- boolean logic

// All nine combinations of {TRUE, FALSE, NULL}.
const std::vector<OptBool> kLeft = {true,  true,      true,      false,    false,
                                    false, kNullBool, kNullBool, kNullBool};
const std::vector<OptBool> kRight = {true,      false, kNullBool, true,     false,
                                     kNullBool, true,  false,     kNullBool};

TEST(BooleanKernelTest, KleeneAndTruthTable) {
  EXPECT_EQ(BoolsOf(*AndKernel(*Bools(kLeft), *Bools(kRight))),
            (std::vector<OptBool>{true, false, kNullBool, false, false, false, kNullBool, false,
                                  kNullBool}));
}

TEST(BooleanKernelTest, KleeneOrTruthTable) {
  EXPECT_EQ(
      BoolsOf(*OrKernel(*Bools(kLeft), *Bools(kRight))),
      (std::vector<OptBool>{true, true, true, true, false, kNullBool, true, kNullBool, kNullBool}));
}

TEST(BooleanKernelTest, NotTruthTable) {
  auto out = NotKernel(*Bools({true, false, kNullBool}));
  EXPECT_EQ(BoolsOf(*out), (std::vector<OptBool>{false, true, kNullBool}));
  // No data bits past the length.
  auto wide =
      NotKernel(*Bools({false, false, false, false, false, false, false, false, false, false}));
  EXPECT_EQ(wide->data_buffer()->data()[0], 0xFF);
  EXPECT_EQ(wide->data_buffer()->data()[1], 0x03);
}

TEST(BooleanKernelTest, NullRowsWithSetDataBitsDoNotLeak) {
  // NULL rows whose data bit is 1: the result must not read them as TRUE.
  auto nulls_true = MakeConstantVector(TypeId::kBool, Value::Bool(true), 3);
  nulls_true->SetNull(0);
  nulls_true->SetNull(1);
  nulls_true->SetNull(2);
  auto rhs = Bools({true, false, kNullBool});
  EXPECT_EQ(BoolsOf(*AndKernel(*nulls_true, *rhs)),
            (std::vector<OptBool>{kNullBool, false, kNullBool}));
  EXPECT_EQ(BoolsOf(*OrKernel(*nulls_true, *rhs)),
            (std::vector<OptBool>{true, kNullBool, kNullBool}));
  EXPECT_EQ(BoolsOf(*OrKernel(*rhs, *nulls_true)),
            (std::vector<OptBool>{true, kNullBool, kNullBool}));
}

TEST(BooleanKernelTest, FastPathWithoutNullsAcrossBytes) {
  std::vector<OptBool> x, y;
  std::mt19937 rng(1);
  for (int i = 0; i < 37; i++) {
    x.push_back(rng() % 2 == 0);
    y.push_back(rng() % 2 == 0);
  }
  auto a = Bools(x), b = Bools(y);
  auto and_out = BoolsOf(*AndKernel(*a, *b));
  auto or_out = BoolsOf(*OrKernel(*a, *b));
  auto not_out = BoolsOf(*NotKernel(*a));
  for (int i = 0; i < 37; i++) {
    EXPECT_EQ(and_out[i], OptBool(*x[i] && *y[i])) << i;
    EXPECT_EQ(or_out[i], OptBool(*x[i] || *y[i])) << i;
    EXPECT_EQ(not_out[i], OptBool(!*x[i])) << i;
  }
}

TEST(BooleanKernelTest, IsNullAndIsNotNull) {
  auto v = Ints({1, kNullInt, 3});
  EXPECT_EQ(BoolsOf(*IsNullKernel(*v, false)), (std::vector<OptBool>{false, true, false}));
  EXPECT_EQ(BoolsOf(*IsNullKernel(*v, true)), (std::vector<OptBool>{true, false, true}));
  EXPECT_EQ(BoolsOf(*IsNullKernel(*Texts({"x"}), false)), (std::vector<OptBool>{false}));
  auto n = MakeConstantVector(TypeId::kNull, Value(), 2);
  EXPECT_EQ(BoolsOf(*IsNullKernel(*n, false)), (std::vector<OptBool>{true, true}));
  EXPECT_FALSE(IsNullKernel(*v, false)->MayHaveNulls());
}

TEST(BooleanKernelTest, IsDistinctFromIsNullSafe) {
  auto a = Ints({1, 1, kNullInt, kNullInt, 5});
  auto b = Ints({1, 2, 1, kNullInt, kNullInt});
  auto distinct = Ok(IsDistinctKernel(*a, *b, false));
  EXPECT_EQ(BoolsOf(*distinct), (std::vector<OptBool>{false, true, true, false, true}));
  auto not_distinct = Ok(IsDistinctKernel(*a, *b, true));
  EXPECT_EQ(BoolsOf(*not_distinct), (std::vector<OptBool>{true, false, false, true, false}));
  auto ta = Texts({"a", OptStr(), ""});
  auto tb = Texts({"a", "", OptStr()});
  EXPECT_EQ(BoolsOf(*Ok(IsDistinctKernel(*ta, *tb, false))),
            (std::vector<OptBool>{false, true, true}));
}

// ---------------------------------------------------------------- negate, concat

TEST(NegateKernelTest, EveryNegatableType) {
  EXPECT_EQ(IntsOf(*Ok(NegateKernel(*Ints({1, -2, kNullInt, 0, INT64_MAX})))),
            (std::vector<OptInt>{-1, 2, kNullInt, 0, -INT64_MAX}));
  auto overflow = NegateKernel(*Ints({INT64_MIN}));
  EXPECT_EQ(overflow.status().code(), StatusCode::kOutOfRange);
  // INT64_MIN in a NULL row is not an error.
  Vector hidden(TypeId::kInt64, 1);
  hidden.data<int64_t>()[0] = INT64_MIN;
  hidden.SetNull(0);
  EXPECT_TRUE(NegateKernel(hidden).ok());

  auto f = Ok(NegateKernel(*Doubles({0.0, -kInf, 1.5, std::nullopt})));
  EXPECT_TRUE(std::signbit(f->data<double>()[0]));
  EXPECT_EQ(f->data<double>()[1], kInf);
  EXPECT_TRUE(f->IsNull(3));
  EXPECT_EQ(Texted(*Ok(NegateKernel(*Decimals(10, 2, {125, -5, std::nullopt})))),
            (std::vector<std::string>{"-1.25", "0.05", "NULL"}));
  auto iv = Col(TypeId::kInterval, {Value::IntervalValue({1, -2, 3})});
  EXPECT_EQ(Ok(NegateKernel(*iv))->GetValue(0).interval_value(), (Interval{-1, 2, -3}));
}

TEST(ConcatKernelTest, JoinsTextAndPropagatesNull) {
  auto a = Texts({"ab", "", OptStr(), "caf\xc3\xa9", "x"});
  auto b = Texts({"cd", "", "y", " \xf0\x9f\x90\xbb", OptStr()});
  EXPECT_EQ(TextsOf(*ConcatKernel(*a, *b)),
            (std::vector<OptStr>{"abcd", "", OptStr(), "caf\xc3\xa9 \xf0\x9f\x90\xbb", OptStr()}));
}

TEST(ConcatKernelTest, JoinsLists) {
  LogicalType list = LogicalType::List(TypeId::kText);
  auto l = [&](std::vector<std::string> xs) {
    std::vector<Value> items;
    for (auto& x : xs) items.push_back(Value::Text(x));
    return Value::Nested(list, std::move(items));
  };
  // Long strings, so a read of freed memory would show.
  const std::string long_a(40, 'a'), long_b(40, 'b');
  auto a = Col(list, {l({long_a}), l({}), Value::Null(list), l({"x"})});
  auto b = Col(list, {l({long_b, "c"}), l({}), l({"y"}), Value::Null(list)});
  EXPECT_EQ(Texted(*ConcatKernel(*a, *b)),
            (std::vector<std::string>{"['" + long_a + "', '" + long_b + "', 'c']", "[]", "NULL",
                                      "NULL"}));
}

// ---------------------------------------------------------------- LIKE

// Reference LIKE on code points: % any run, _ one character, `esc` quotes the next character.
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) n++;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool ReferenceLike(std::string_view text, std::string_view pattern, char esc, bool ci) {
  struct Tok {
    enum { kAny, kOne, kLit } kind;
    std::string lit;
  };
  std::vector<Tok> toks;
  auto cps = CodePoints(pattern);
  for (size_t i = 0; i < cps.size(); i++) {
    if (esc && cps[i].size() == 1 && cps[i][0] == esc && i + 1 < cps.size()) {
      toks.push_back({Tok::kLit, cps[++i]});
    } else if (cps[i] == "%") {
      toks.push_back({Tok::kAny, ""});
    } else if (cps[i] == "_") {
      toks.push_back({Tok::kOne, ""});
    } else {
      toks.push_back({Tok::kLit, cps[i]});
    }
  }
  auto s = CodePoints(text);
  auto lower = [&](std::string x) {
    if (ci) {
      for (auto& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return x;
  };
  // match[i][j]: s[i..] matches toks[j..]
  std::vector<std::vector<char>> match(s.size() + 1, std::vector<char>(toks.size() + 1, 0));
  match[s.size()][toks.size()] = 1;
  for (size_t i = s.size() + 1; i-- > 0;) {
    for (size_t j = toks.size(); j-- > 0;) {
      const Tok& t = toks[j];
      bool m = false;
      if (t.kind == Tok::kAny)
        m = match[i][j + 1] || (i < s.size() && match[i + 1][j]);
      else if (i < s.size())
        m = (t.kind == Tok::kOne || lower(s[i]) == lower(t.lit)) && match[i + 1][j + 1];
      match[i][j] = m;
    }
  }
  return match[0][0];
}

std::vector<OptBool> Like(const std::vector<OptStr>& s, const std::vector<OptStr>& p,
                          bool negated = false, bool ci = false,
                          const std::vector<OptStr>* esc = nullptr) {
  auto sv = Texts(s), pv = Texts(p);
  VectorPtr ev = esc ? Texts(*esc) : nullptr;
  return BoolsOf(*LikeKernel(*sv, *pv, ev.get(), negated, ci));
}

TEST(LikeKernelTest, WildcardsAndLiterals) {
  struct Case {
    const char* s;
    const char* p;
    bool want;
  };
  const Case cases[] = {
      {"abc", "abc", true},
      {"abc", "ab", false},
      {"ab", "abc", false},
      {"abc", "a%", true},
      {"abc", "%c", true},
      {"abc", "%b%", true},
      {"abc", "%", true},
      {"", "%", true},
      {"", "", true},
      {"a", "", false},
      {"", "_", false},
      {"abc", "a_c", true},
      {"abc", "___", true},
      {"abc", "__", false},
      {"abc", "____", false},
      {"abc", "_%_", true},
      {"ABC", "abc", false},
      {"a%c", "a%c", true},
      {"axyzb", "a%b", true},
      {"axyzbc", "a%b", false},
      {"aXbYb", "%a%b%", true},
      {"xxaxxbxx", "%a%b%", true},
      {"xxbxxaxx", "%a%b%", false},
      {"aaaaaaaaab", "%a%a%a%b", true},
      {"aaaaaaaaaa", "%a%a%a%b", false},
      {"mississippi", "%iss%ppi", true},
      {"mississippi", "m%issip%i", true},
      {"mississippi", "m%isp%", false},
      {"abcabc", "%abc", true},
      {"abcab", "%abc", false},
      {"ab\ncd", "ab_cd", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Like({c.s}, {c.p}), (std::vector<OptBool>{c.want}))
        << "'" << c.s << "' LIKE '" << c.p << "'";
    EXPECT_EQ(Like({c.s}, {c.p}, /*negated=*/true), (std::vector<OptBool>{!c.want}))
        << "'" << c.s << "' NOT LIKE '" << c.p << "'";
    ASSERT_EQ(ReferenceLike(c.s, c.p, 0, false), c.want)
        << "reference disagrees on '" << c.s << "' / '" << c.p << "'";
  }
}

TEST(LikeKernelTest, UnderscoreMatchesOneUtf8Character) {
  EXPECT_EQ(Like({"caf\xc3\xa9"}, {"caf_"}), (std::vector<OptBool>{true}));  // é is two bytes
  EXPECT_EQ(Like({"caf\xc3\xa9"}, {"caf__"}), (std::vector<OptBool>{false}));
  EXPECT_EQ(Like({"\xf0\x9f\x90\xbb"}, {"_"}), (std::vector<OptBool>{true}));  // a four-byte bear
  EXPECT_EQ(Like({"\xf0\x9f\x90\xbb!"}, {"__"}), (std::vector<OptBool>{true}));
  EXPECT_EQ(Like({"\xc3\xa9\xc3\xa9x"}, {"%_x"}), (std::vector<OptBool>{true}));
  EXPECT_EQ(Like({"\xc3\xa9x"}, {"%__x"}), (std::vector<OptBool>{false}));
  EXPECT_EQ(Like({"a\xc3\xa9\xc3\xa9"}, {"a%\xc3\xa9"}), (std::vector<OptBool>{true}));
}

TEST(LikeKernelTest, EscapeCharacter) {
  std::vector<OptStr> bang = {"!"};
  EXPECT_EQ(Like({"100%"}, {"100!%"}, false, false, &bang), (std::vector<OptBool>{true}));
  EXPECT_EQ(Like({"100x"}, {"100!%"}, false, false, &bang), (std::vector<OptBool>{false}));
  EXPECT_EQ(Like({"a_b"}, {"a!_b"}, false, false, &bang), (std::vector<OptBool>{true}));
  EXPECT_EQ(Like({"axb"}, {"a!_b"}, false, false, &bang), (std::vector<OptBool>{false}));
  EXPECT_EQ(Like({"a!b"}, {"a!!b"}, false, false, &bang), (std::vector<OptBool>{true}));
  EXPECT_EQ(Like({"50% off"}, {"%!%%"}, false, false, &bang), (std::vector<OptBool>{true}));
  EXPECT_EQ(Like({"50 off"}, {"%!%%"}, false, false, &bang), (std::vector<OptBool>{false}));
  std::vector<OptStr> backslash = {"\\"};
  EXPECT_EQ(Like({"x%y"}, {"x\\%y"}, false, false, &backslash), (std::vector<OptBool>{true}));
  // Without ESCAPE a backslash is an ordinary character.
  EXPECT_EQ(Like({"x\\zy"}, {"x\\%y"}), (std::vector<OptBool>{true}));
  // An empty escape string means no escape.
  std::vector<OptStr> none = {""};
  EXPECT_EQ(Like({"a!b"}, {"a!_"}, false, false, &none), (std::vector<OptBool>{true}));
}

TEST(LikeKernelTest, CaseInsensitive) {
  EXPECT_EQ(Like({"ABC", "aBc", "abd"}, {"abc", "A%C", "ABC"}, false, true),
            (std::vector<OptBool>{true, true, false}));
  EXPECT_EQ(Like({"ABC"}, {"a_c"}, true, true), (std::vector<OptBool>{false}));  // NOT ILIKE
  std::vector<OptStr> bang = {"!"};
  EXPECT_EQ(Like({"A%"}, {"a!%"}, false, true, &bang), (std::vector<OptBool>{true}));
}

TEST(LikeKernelTest, NullPropagation) {
  EXPECT_EQ(Like({OptStr(), "a", "a"}, {"%", OptStr(), "a"}),
            (std::vector<OptBool>{kNullBool, kNullBool, true}));
  EXPECT_EQ(Like({OptStr(), "a"}, {"%", OptStr()}, /*negated=*/true),
            (std::vector<OptBool>{kNullBool, kNullBool}));
  std::vector<OptStr> esc = {OptStr(), "!"};
  EXPECT_EQ(Like({"a", "a"}, {"a", "a"}, false, false, &esc),
            (std::vector<OptBool>{kNullBool, true}));
}

TEST(LikeKernelTest, AgreesWithReferenceOnRandomInputs) {
  // Small alphabets with multi-byte characters make backtracking and
  // character boundaries matter.
  const std::vector<std::string> text_chars = {"a", "b", "\xc3\xa9", "\xf0\x9f\x90\xbb", "A"};
  const std::vector<std::string> pattern_chars = {"a", "b", "\xc3\xa9", "\xf0\x9f\x90\xbb",
                                                  "%", "_", "!",        "A"};
  std::mt19937 rng(42);
  std::vector<OptStr> texts, patterns;
  std::vector<bool> want, want_ci;
  for (int i = 0; i < 4000; i++) {
    std::string t, p;
    for (int k = static_cast<int>(rng() % 8); k > 0; k--)
      t += text_chars[rng() % text_chars.size()];
    for (int k = static_cast<int>(rng() % 6); k > 0; k--)
      p += pattern_chars[rng() % pattern_chars.size()];
    if (!p.empty() && p.back() == '!') p.pop_back();  // no dangling escape
    texts.push_back(t);
    patterns.push_back(p);
    want.push_back(ReferenceLike(t, p, '!', false));
    want_ci.push_back(ReferenceLike(t, p, '!', true));
  }
  std::vector<OptStr> esc(texts.size(), OptStr("!"));
  auto got = Like(texts, patterns, false, false, &esc);
  auto got_ci = Like(texts, patterns, false, true, &esc);
  for (size_t i = 0; i < texts.size(); i++) {
    ASSERT_EQ(got[i], OptBool(want[i]))
        << "'" << *texts[i] << "' LIKE '" << *patterns[i] << "' ESCAPE '!'";
    ASSERT_EQ(got_ci[i], OptBool(want_ci[i]))
        << "'" << *texts[i] << "' ILIKE '" << *patterns[i] << "' ESCAPE '!'";
  }
}

}  // namespace
}  // namespace kodiak::sql
