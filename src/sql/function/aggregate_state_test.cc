#include "sql/function/aggregate_state.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "types/numeric.h"

namespace kodiak::sql {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

VectorPtr Col(const LogicalType& type, const std::vector<Value>& values) {
  VectorBuilder b(type);
  for (const auto& v : values) b.Append(v);
  return b.Finish();
}

VectorPtr Ints(const std::vector<std::optional<int64_t>>& xs) {
  std::vector<Value> v;
  for (auto x : xs) v.push_back(x ? Value::Int64(*x) : Value::Null(TypeId::kInt64));
  return Col(TypeId::kInt64, v);
}

VectorPtr Texts(const std::vector<std::optional<std::string>>& xs) {
  std::vector<Value> v;
  for (const auto& x : xs) v.push_back(x ? Value::Text(*x) : Value::Null(TypeId::kText));
  return Col(TypeId::kText, v);
}

VectorPtr Doubles(const std::vector<std::optional<double>>& xs) {
  std::vector<Value> v;
  for (auto x : xs) v.push_back(x ? Value::Float64(*x) : Value::Null(TypeId::kFloat64));
  return Col(TypeId::kFloat64, v);
}

// One batch of input: the argument (nullptr for count(*)) and each row's group.
struct Chunk {
  VectorPtr arg;
  std::vector<int64_t> groups;
};

// Runs an aggregate over the batches (the state is resized to the highest
// group seen so far before each batch, as a hash aggregate does) and
// finalizes `groups` groups. Results as text, "NULL" for NULL.
Result<std::vector<std::string>> RunAggregate(AggregateKind kind, const LogicalType& arg_type,
                                              const std::vector<Chunk>& batches, int64_t groups,
                                              bool distinct = false) {
  BoundAggregate agg;
  agg.kind = kind;
  agg.distinct = distinct;
  KODIAK_ASSIGN_OR_RETURN(agg.type, AggregateResultType(kind, arg_type));
  auto state = MakeAggregateState(agg);
  int64_t seen = 0;
  for (const auto& b : batches) {
    for (int64_t g : b.groups) seen = std::max(seen, g + 1);
    state->Resize(seen);
    const int64_t n = static_cast<int64_t>(b.groups.size());
    KODIAK_RETURN_IF_ERROR(state->Update(b.arg.get(), b.groups.data(), n));
  }
  state->Resize(groups);
  KODIAK_ASSIGN_OR_RETURN(VectorPtr out, state->Finalize(groups));
  if (out->type() != agg.type) return Status::Internal("result type " + out->type().ToString());
  if (out->length() != groups)
    return Status::Internal("result length " + std::to_string(out->length()));
  std::vector<std::string> rows;
  for (int64_t i = 0; i < groups; i++) rows.push_back(out->GetValue(i).ToString());
  return rows;
}

std::vector<std::string> RunOk(AggregateKind kind, const LogicalType& arg_type,
                               const std::vector<Chunk>& batches, int64_t groups,
                               bool distinct = false) {
  auto r = RunAggregate(kind, arg_type, batches, groups, distinct);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<std::string>{};
}

using Rows = std::vector<std::string>;

// Three groups with NULLs, over two batches; group 3 never gets a row.
std::vector<Chunk> IntBatches() {
  return {{Ints({1, 5, std::nullopt, 2, -4}), {0, 1, 2, 0, 1}},
          {Ints({std::nullopt, 10, 7}), {0, 1, 0}}};
}

// ---------------------------------------------------------------- result types

TEST(AggregateResultTypeTest, Rules) {
  EXPECT_EQ(*AggregateResultType(AggregateKind::kCountStar, TypeId::kNull),
            LogicalType(TypeId::kInt64));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kCount, TypeId::kText),
            LogicalType(TypeId::kInt64));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kSum, TypeId::kInt32), LogicalType(TypeId::kInt64));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kSum, TypeId::kBool), LogicalType(TypeId::kInt64));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kSum, TypeId::kFloat32),
            LogicalType(TypeId::kFloat64));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kSum, LogicalType::Decimal(10, 2)),
            LogicalType::Decimal(38, 2));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kAvg, TypeId::kInt64),
            LogicalType(TypeId::kFloat64));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kMin, TypeId::kText), LogicalType(TypeId::kText));
  EXPECT_EQ(*AggregateResultType(AggregateKind::kMax, LogicalType::Decimal(5, 1)),
            LogicalType::Decimal(5, 1));
  auto bad_sum = AggregateResultType(AggregateKind::kSum, TypeId::kText);
  ASSERT_FALSE(bad_sum.ok());
  EXPECT_EQ(bad_sum.status().code(), StatusCode::kTypeError);
  EXPECT_NE(bad_sum.status().message().find("TEXT"), std::string::npos);
  EXPECT_EQ(AggregateResultType(AggregateKind::kAvg, TypeId::kDate).status().code(),
            StatusCode::kTypeError);
}

// ---------------------------------------------------------------- count

TEST(CountTest, CountStarCountsRowsAndCountSkipsNulls) {
  EXPECT_EQ(RunOk(AggregateKind::kCountStar, TypeId::kNull,
                  {{nullptr, {0, 1, 2, 0, 1}}, {nullptr, {0, 1, 0}}}, 4),
            (Rows{"4", "3", "1", "0"}));
  EXPECT_EQ(RunOk(AggregateKind::kCount, TypeId::kInt64, IntBatches(), 4),
            (Rows{"3", "3", "0", "0"}));
  // A column without NULLs takes the fast path.
  EXPECT_EQ(RunOk(AggregateKind::kCount, TypeId::kText, {{Texts({"a", "b", ""}), {1, 1, 0}}}, 2),
            (Rows{"1", "2"}));
}

// ---------------------------------------------------------------- sum, avg

TEST(SumTest, Int64OverGroupsWithNulls) {
  // group 0: 1 + 2 + 7; group 1: 5 - 4 + 10; group 2: only NULL; group 3: no rows.
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kInt64, IntBatches(), 4),
            (Rows{"10", "11", "NULL", "NULL"}));
}

TEST(SumTest, SmallIntegersAndBoolsSumToInt64) {
  auto i8 =
      Col(TypeId::kInt8, {Value::Integer(TypeId::kInt8, 127), Value::Integer(TypeId::kInt8, 127),
                          Value::Integer(TypeId::kInt8, -128)});
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kInt8, {{i8, {0, 0, 1}}}, 2), (Rows{"254", "-128"}));
  auto b = Col(TypeId::kBool, {Value::Bool(true), Value::Bool(false), Value::Bool(true),
                               Value::Null(TypeId::kBool)});
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kBool, {{b, {0, 0, 0, 0}}}, 1), (Rows{"2"}));
}

TEST(SumTest, Int64OverflowIsAnErrorAtFinalize) {
  for (bool with_nulls : {false, true}) {
    // No NULLs takes the fast path, NULLs the general one.
    auto big = with_nulls ? Ints({INT64_MAX, std::nullopt, 1}) : Ints({INT64_MAX, 5, 1});
    std::vector<int64_t> groups =
        with_nulls ? std::vector<int64_t>{0, 0, 0} : std::vector<int64_t>{0, 1, 0};
    BoundAggregate agg;
    agg.kind = AggregateKind::kSum;
    agg.type = TypeId::kInt64;
    auto state = MakeAggregateState(agg);
    state->Resize(2);
    ASSERT_TRUE(state->Update(big.get(), groups.data(), 3).ok())
        << "the running sum is wide: no error yet";
    auto out = state->Finalize(2);
    ASSERT_FALSE(out.ok()) << (with_nulls ? "with NULLs" : "without NULLs");
    EXPECT_EQ(out.status().code(), StatusCode::kOutOfRange);
    EXPECT_NE(out.status().message().find("sum"), std::string::npos) << out.status().message();
  }
  // A running sum that leaves the INT64 range and comes back is fine.
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kInt64,
                  {{Ints({INT64_MAX, 10}), {0, 0}}, {Ints({-20}), {0}}}, 1),
            (Rows{"9223372036854775797"}));
  auto under =
      RunAggregate(AggregateKind::kSum, TypeId::kInt64, {{Ints({INT64_MIN, -1}), {0, 0}}}, 1);
  EXPECT_EQ(under.status().code(), StatusCode::kOutOfRange);
  auto u = RunAggregate(AggregateKind::kSum, TypeId::kUInt64,
                        {{Col(TypeId::kUInt64, {Value::UInt64(UINT64_MAX)}), {0}}}, 1);
  EXPECT_EQ(u.status().code(), StatusCode::kOutOfRange);
}

TEST(SumTest, DecimalIsExact) {
  LogicalType d = LogicalType::Decimal(10, 2);
  auto v = Col(d, {Value::Decimal(10, 10, 2), Value::Decimal(20, 10, 2), Value::Null(d),
                   Value::Decimal(-5, 10, 2), Value::Decimal(9999999999, 10, 2)});
  EXPECT_EQ(RunOk(AggregateKind::kSum, d, {{v, {0, 0, 1, 1, 2}}, {v, {2, 2, 2, 2, 2}}}, 3),
            (Rows{"0.30", "-0.05", "200000000.23"}));
}

TEST(SumTest, Floats) {
  auto v = Doubles({0.5, 0.25, std::nullopt, -1.0});
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kFloat64, {{v, {0, 0, 1, 1}}}, 3),
            (Rows{"0.75", "-1.0", "NULL"}));
}

TEST(SumTest, Intervals) {
  auto v =
      Col(TypeId::kInterval, {Value::IntervalValue({1, 2, 3000}), Value::IntervalValue({0, 5, 0}),
                              Value::Null(TypeId::kInterval)});
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kInterval, {{v, {0, 0, 0}}}, 1),
            (Rows{"1 month 7 days 00:00:00.000003"}));
}

TEST(AvgTest, IntegersDecimalsAndEmptyGroups) {
  auto rows = RunOk(AggregateKind::kAvg, TypeId::kInt64, IntBatches(), 4);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], Value::Float64(10.0 / 3).ToString());
  EXPECT_EQ(rows[1], Value::Float64(11.0 / 3).ToString());
  EXPECT_EQ(rows[2], "NULL");
  EXPECT_EQ(rows[3], "NULL");
  LogicalType d = LogicalType::Decimal(5, 2);
  auto dv = Col(d, {Value::Decimal(125, 5, 2), Value::Decimal(250, 5, 2), Value::Null(d)});
  EXPECT_EQ(RunOk(AggregateKind::kAvg, d, {{dv, {0, 0, 0}}}, 1), (Rows{"1.875"}));
  auto f = Doubles({1.0, 2.0, 4.0});
  EXPECT_EQ(RunOk(AggregateKind::kAvg, TypeId::kFloat64, {{f, {0, 0, 0}}}, 1),
            (Rows{Value::Float64(7.0 / 3).ToString()}));
}

// ---------------------------------------------------------------- min, max

TEST(MinMaxTest, IntegersOverGroupsWithNulls) {
  EXPECT_EQ(RunOk(AggregateKind::kMin, TypeId::kInt64, IntBatches(), 4),
            (Rows{"1", "-4", "NULL", "NULL"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kInt64, IntBatches(), 4),
            (Rows{"7", "10", "NULL", "NULL"}));
  auto ext = Ints({INT64_MIN, INT64_MAX});
  EXPECT_EQ(RunOk(AggregateKind::kMin, TypeId::kInt64, {{ext, {0, 0}}}, 1),
            (Rows{"-9223372036854775808"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kInt64, {{ext, {0, 0}}}, 1),
            (Rows{"9223372036854775807"}));
}

TEST(MinMaxTest, OtherFixedWidthTypes) {
  LogicalType d = LogicalType::Decimal(10, 2);
  auto dv = Col(d, {Value::Decimal(-150, 10, 2), Value::Decimal(99, 10, 2), Value::Null(d)});
  EXPECT_EQ(RunOk(AggregateKind::kMin, d, {{dv, {0, 0, 0}}}, 1), (Rows{"-1.50"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, d, {{dv, {0, 0, 0}}}, 1), (Rows{"0.99"}));
  auto dates = Col(TypeId::kDate, {Value::Date(-1), Value::Date(5), Value::Date(0)});
  EXPECT_EQ(RunOk(AggregateKind::kMin, TypeId::kDate, {{dates, {0, 0, 0}}}, 1),
            (Rows{"1969-12-31"}));
  auto u = Col(TypeId::kUInt64, {Value::UInt64(1), Value::UInt64(UINT64_MAX)});
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kUInt64, {{u, {0, 0}}}, 1),
            (Rows{"18446744073709551615"}));
  auto f = Doubles({-0.5, std::nullopt, 3.25});
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kFloat64, {{f, {0, 0, 0}}}, 1), (Rows{"3.25"}));
}

TEST(MinMaxTest, TextComparesBytes) {
  auto v = Texts({"pear", "apple", std::nullopt, "", "caf\xc3\xa9", "zebra", "Zebra"});
  std::vector<int64_t> g = {0, 0, 0, 1, 1, 1, 2};
  EXPECT_EQ(RunOk(AggregateKind::kMin, TypeId::kText, {{v, g}}, 4),
            (Rows{"apple", "", "Zebra", "NULL"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kText, {{v, g}}, 4),
            (Rows{"pear", "zebra", "Zebra", "NULL"}));
  // Across batches, and a prefix sorts first.
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kText,
                  {{Texts({"ab"}), {0}}, {Texts({"a", "abc"}), {0, 0}}}, 1),
            (Rows{"abc"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kText,
                  {{Texts({"z"}), {0}}, {Texts({"\xc3\xa9"}), {0}}}, 1),
            (Rows{"\xc3\xa9"}));
}

TEST(MinMaxTest, BoolIntervalAndUuid) {
  auto b = Col(TypeId::kBool, {Value::Bool(true), Value::Bool(false), Value::Null(TypeId::kBool)});
  EXPECT_EQ(RunOk(AggregateKind::kMin, TypeId::kBool, {{b, {0, 0, 0}}}, 1), (Rows{"false"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kBool, {{b, {0, 0, 0}}}, 1), (Rows{"true"}));
  auto iv =
      Col(TypeId::kInterval, {Value::IntervalValue({1, 0, 0}), Value::IntervalValue({0, 31, 0})});
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kInterval, {{iv, {0, 0}}}, 1), (Rows{"31 days"}));
  auto uu = Col(TypeId::kUuid, {Value::Uuid(1), Value::Uuid(-1)});  // ffff... is the largest UUID
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kUuid, {{uu, {0, 0}}}, 1),
            (Rows{"ffffffff-ffff-ffff-ffff-ffffffffffff"}));
}

TEST(MinMaxTest, NaNIsTheLargestFloat) {
  auto v = Doubles({kNaN, 1.0, -2.0});
  EXPECT_EQ(RunOk(AggregateKind::kMin, TypeId::kFloat64, {{v, {0, 0, 0}}}, 1), (Rows{"-2.0"}));
  auto w = Doubles({1.0, kNaN});
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kFloat64, {{w, {0, 0}}}, 1), (Rows{"nan"}));
}

// ---------------------------------------------------------------- DISTINCT

TEST(DistinctTest, EachValueCountsOncePerGroup) {
  // Duplicates within a batch and across batches, the same value in two groups, NULLs.
  std::vector<Chunk> batches = {{Ints({1, 1, 2, std::nullopt, 2, 3}), {0, 0, 0, 0, 1, 1}},
                                {Ints({2, 3, 3, std::nullopt, 1}), {0, 1, 1, 1, 2}}};
  EXPECT_EQ(RunOk(AggregateKind::kCount, TypeId::kInt64, batches, 4, true),
            (Rows{"2", "2", "1", "0"}));
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kInt64, batches, 4, true),
            (Rows{"3", "5", "1", "NULL"}));
  EXPECT_EQ(RunOk(AggregateKind::kAvg, TypeId::kInt64, batches, 4, true),
            (Rows{"1.5", "2.5", "1.0", "NULL"}));
  EXPECT_EQ(RunOk(AggregateKind::kMax, TypeId::kInt64, batches, 4, true),
            (Rows{"2", "3", "1", "NULL"}));
  // Without DISTINCT the duplicates count.
  EXPECT_EQ(RunOk(AggregateKind::kCount, TypeId::kInt64, batches, 4, false),
            (Rows{"4", "4", "1", "0"}));
}

TEST(DistinctTest, TextAndEqualFloats) {
  auto t = Texts({"a", "A", "a", "", std::nullopt, ""});
  EXPECT_EQ(RunOk(AggregateKind::kCount, TypeId::kText, {{t, {0, 0, 0, 0, 0, 0}}}, 1, true),
            (Rows{"3"}));
  // -0.0 and 0.0 are one value.
  auto f = Doubles({0.0, -0.0, 1.5, 1.5});
  EXPECT_EQ(RunOk(AggregateKind::kCount, TypeId::kFloat64, {{f, {0, 0, 0, 0}}}, 1, true),
            (Rows{"2"}));
  EXPECT_EQ(RunOk(AggregateKind::kSum, TypeId::kFloat64, {{f, {0, 0, 0, 0}}}, 1, true),
            (Rows{"1.5"}));
}

}  // namespace
}  // namespace kodiak::sql
