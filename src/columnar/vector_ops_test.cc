#include "columnar/vector_ops.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace kodiak {
namespace {

using OptInt = std::optional<int64_t>;
using OptStr = std::optional<std::string>;
using OptBool = std::optional<bool>;

VectorPtr Build(const LogicalType& type, const std::vector<Value>& values) {
  VectorBuilder b(type);
  for (const auto& v : values) b.Append(v);
  return b.Finish();
}

VectorPtr Ints(const std::vector<OptInt>& xs) {
  std::vector<Value> values;
  for (const auto& x : xs) values.push_back(x ? Value::Int64(*x) : Value::Null(TypeId::kInt64));
  return Build(TypeId::kInt64, values);
}

VectorPtr Texts(const std::vector<OptStr>& xs) {
  std::vector<Value> values;
  for (const auto& x : xs) values.push_back(x ? Value::Text(*x) : Value::Null(TypeId::kText));
  return Build(TypeId::kText, values);
}

VectorPtr Bools(const std::vector<OptBool>& xs) {
  std::vector<Value> values;
  for (const auto& x : xs) values.push_back(x ? Value::Bool(*x) : Value::Null(TypeId::kBool));
  return Build(TypeId::kBool, values);
}

const LogicalType& ListOfInts() {
  static const LogicalType t = LogicalType::List(TypeId::kInt64);
  return t;
}

// A LIST<INT64> value; nullopt elements are NULL.
Value IntList(const std::vector<OptInt>& xs) {
  std::vector<Value> items;
  for (const auto& x : xs) items.push_back(x ? Value::Int64(*x) : Value::Null(TypeId::kInt64));
  return Value::Nested(ListOfInts(), std::move(items));
}

std::vector<Value> Values(const Vector& v) {
  std::vector<Value> out;
  for (int64_t i = 0; i < v.length(); i++) out.push_back(v.GetValue(i));
  return out;
}

std::string Show(const std::vector<Value>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); i++) out += (i ? ", " : "") + values[i].ToSqlLiteral();
  return out + "]";
}

// Offsets from 0, non-decreasing, matching the data/child length; no
// validity bits past the length. Recurses into children.
void ExpectWellFormed(const Vector& v, const std::string& what) {
  const int64_t n = v.length();
  if (v.MayHaveNulls() && n % 8) {
    EXPECT_EQ(v.validity_data()[n / 8] >> (n % 8), 0) << what << ": validity bits past the length";
  }
  TypeId id = v.type().id();
  if (v.type().IsStringLike() || id == TypeId::kList || id == TypeId::kMap) {
    EXPECT_EQ(v.offsets()[0], 0) << what;
    for (int64_t i = 0; i < n; i++) ASSERT_LE(v.offsets()[i], v.offsets()[i + 1]) << what;
    if (v.type().IsStringLike()) {
      EXPECT_EQ(v.data_buffer()->size(), v.offsets()[n]) << what;
    } else {
      EXPECT_EQ(v.children()[0]->length(), v.offsets()[n]) << what;
    }
  }
  if (id == TypeId::kStruct) {
    for (const auto& c : v.children()) EXPECT_EQ(c->length(), n) << what;
  }
  for (const auto& c : v.children()) ExpectWellFormed(*c, what + " child");
}

// Same rows (NULLs included) and a well-formed layout.
void ExpectRows(const Vector& got, const std::vector<Value>& want, const std::string& what = "") {
  ASSERT_EQ(got.length(), static_cast<int64_t>(want.size())) << what;
  std::vector<Value> rows = Values(got);
  for (size_t i = 0; i < want.size(); i++) {
    ASSERT_TRUE(rows[i].is_null() == want[i].is_null() && rows[i].Compare(want[i]) == 0)
        << what << " row " << i << ": got " << Show(rows) << ", want " << Show(want);
  }
  ExpectWellFormed(got, what);
}

// The reference for TakeVector: row by row through Values.
std::vector<Value> TakeRows(const Vector& src, const std::vector<int64_t>& idx) {
  std::vector<Value> out;
  for (int64_t i : idx) out.push_back(i < 0 ? Value::Null(src.type()) : src.GetValue(i));
  return out;
}

VectorPtr Take(const Vector& src, const std::vector<int64_t>& idx) {
  return TakeVector(src, idx.data(), static_cast<int64_t>(idx.size()));
}

// ---------------------------------------------------------------- TakeVector

TEST(TakeVectorTest, FixedWidthWithMinusOneGivingNull) {
  auto src = Ints({10, std::nullopt, 30, 40});
  auto before = Values(*src);
  auto out = Take(*src, {3, 0, -1, 1, 3});
  ExpectRows(*out, {Value::Int64(40), Value::Int64(10), Value::Null(TypeId::kInt64),
                    Value::Null(TypeId::kInt64), Value::Int64(40)});
  EXPECT_EQ(out->CountNulls(), 2);
  ExpectRows(*src, before, "input untouched");
}

TEST(TakeVectorTest, NoBitmapWhenNothingIsNull) {
  auto src = Ints({1, 2, 3});
  auto out = Take(*src, {2, 2, 0});
  EXPECT_FALSE(out->MayHaveNulls());
  ExpectRows(*out, {Value::Int64(3), Value::Int64(3), Value::Int64(1)});
  // A -1 alone is enough to need one.
  auto with_null = Take(*src, {-1});
  EXPECT_TRUE(with_null->IsNull(0));
}

TEST(TakeVectorTest, Strings) {
  auto src = Texts({"a", "", std::nullopt, "a much longer string", std::string("nul\0byte", 8)});
  std::vector<int64_t> idx = {3, -1, 1, 0, 2, 3, 4};
  auto out = Take(*src, idx);
  ExpectRows(*out, TakeRows(*src, idx));
  EXPECT_EQ(out->GetString(6), std::string("nul\0byte", 8));
  // NULL and -1 rows take no bytes.
  EXPECT_EQ(out->offsets()[7], 20 + 0 + 0 + 1 + 0 + 20 + 8);
}

TEST(TakeVectorTest, BoolsAcrossByteBoundaries) {
  std::vector<OptBool> xs;
  for (int i = 0; i < 21; i++) xs.push_back(i % 5 == 4 ? OptBool() : OptBool(i % 3 == 0));
  auto src = Bools(xs);
  std::vector<int64_t> idx;
  for (int i = 20; i >= 0; i--) idx.push_back(i);
  idx.push_back(-1);
  idx.push_back(9);
  auto out = Take(*src, idx);
  ExpectRows(*out, TakeRows(*src, idx));
}

TEST(TakeVectorTest, EveryFixedWidth) {
  const std::vector<std::pair<LogicalType, std::vector<Value>>> cases = {
      {TypeId::kInt8, {Value::Integer(TypeId::kInt8, -128), Value::Integer(TypeId::kInt8, 5)}},
      {TypeId::kUInt16, {Value::Integer(TypeId::kUInt16, 65535), Value::Null(TypeId::kUInt16)}},
      {TypeId::kDate, {Value::Date(-719162), Value::Date(19000)}},
      {TypeId::kFloat32, {Value::Float32(1.5f), Value::Float32(-0.25f)}},
      {TypeId::kTimestamp, {Value::Timestamp(-1), Value::Timestamp(1)}},
      {LogicalType::Decimal(38, 4), {Value::Decimal(-123456789, 38, 4), Value::Decimal(7, 38, 4)}},
      {TypeId::kUuid, {Value::Uuid(-2), Value::Uuid(5)}},
      {TypeId::kInterval, {Value::IntervalValue({1, -2, 3}), Value::IntervalValue({-4, 5, -6})}},
  };
  for (const auto& [type, values] : cases) {
    auto src = Build(type, values);
    std::vector<int64_t> idx = {1, -1, 0, 1};
    ExpectRows(*Take(*src, idx), TakeRows(*src, idx), type.ToString());
  }
}

TEST(TakeVectorTest, NestedLists) {
  auto src = Build(ListOfInts(), {IntList({1, 2}), IntList({}), Value::Null(ListOfInts()),
                                  IntList({3, std::nullopt})});
  std::vector<int64_t> idx = {3, -1, 0, 2, 0};
  auto out = Take(*src, idx);
  ExpectRows(*out, {IntList({3, std::nullopt}), Value::Null(ListOfInts()), IntList({1, 2}),
                    Value::Null(ListOfInts()), IntList({1, 2})});
  EXPECT_EQ(out->children()[0]->length(), 6);  // only the taken elements

  LogicalType ll = LogicalType::List(ListOfInts());
  auto deep = Build(ll, {Value::Nested(ll, {IntList({1}), Value::Null(ListOfInts())}),
                         Value::Nested(ll, {}), Value::Nested(ll, {IntList({}), IntList({2, 3})})});
  std::vector<int64_t> idx2 = {2, 0, -1, 2};
  ExpectRows(*Take(*deep, idx2), TakeRows(*deep, idx2), "list of lists");
}

TEST(TakeVectorTest, StructsAndMaps) {
  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  auto src = Build(st, {Value::Nested(st, {Value::Int64(1), Value::Text("x")}), Value::Null(st),
                        Value::Nested(st, {Value::Null(TypeId::kInt64), Value::Text("y")})});
  std::vector<int64_t> idx = {2, 1, -1, 0};
  auto out = Take(*src, idx);
  ExpectRows(*out, TakeRows(*src, idx), "struct");
  EXPECT_TRUE(out->IsNull(1));
  EXPECT_TRUE(out->IsNull(2));
  EXPECT_TRUE(out->children()[0]->IsNull(0));

  LogicalType map = LogicalType::Map(TypeId::kText, TypeId::kInt64);
  auto entry = [&](std::string k, int64_t v) {
    return Value::Nested(map.child(), {Value::Text(std::move(k)), Value::Int64(v)});
  };
  auto m = Build(map, {Value::Nested(map, {entry("a", 1), entry("b", 2)}),
                       Value::Nested(map, {entry("c", 3)})});
  std::vector<int64_t> idx2 = {1, 0, -1};
  ExpectRows(*Take(*m, idx2), TakeRows(*m, idx2), "map");
}

TEST(TakeVectorTest, NullTypeAndEmptyIndices) {
  auto nulls = MakeConstantVector(TypeId::kNull, Value(), 3);
  auto out = Take(*nulls, {0, 2, -1});
  EXPECT_EQ(out->length(), 3);
  EXPECT_EQ(out->CountNulls(), 3);
  auto none = Take(*Texts({"a"}), {});
  EXPECT_EQ(none->length(), 0);
  ExpectWellFormed(*none, "empty");
}

TEST(TakeVectorTest, TakeBatchTakesEveryColumn) {
  Batch batch({Ints({1, 2, 3}), Texts({"a", std::nullopt, "c"})}, 3);
  BatchPtr out = TakeBatch(batch, {2, -1, 0});
  ASSERT_EQ(out->num_rows, 3);
  ASSERT_EQ(out->column_count(), 2u);
  ExpectRows(*out->columns[0], {Value::Int64(3), Value::Null(TypeId::kInt64), Value::Int64(1)});
  ExpectRows(*out->columns[1], {Value::Text("c"), Value::Null(TypeId::kText), Value::Text("a")});
}

// ---------------------------------------------------------------- SliceVector

TEST(SliceVectorTest, SlicesOfEveryKind) {
  auto texts = Texts({"a", "bb", std::nullopt, "dddd", "", "f"});
  ExpectRows(*SliceVector(*texts, 1, 3),
             {Value::Text("bb"), Value::Null(TypeId::kText), Value::Text("dddd")});
  ExpectRows(*SliceVector(*texts, 0, 6), Values(*texts), "whole");
  EXPECT_EQ(SliceVector(*texts, 6, 0)->length(), 0);

  std::vector<OptBool> xs;
  for (int i = 0; i < 20; i++) xs.push_back(i == 7 ? OptBool() : OptBool(i % 2 == 0));
  auto bools = Bools(xs);
  auto sliced = SliceVector(*bools, 5, 10);  // starts mid-byte, ends mid-byte
  std::vector<Value> all = Values(*bools);
  std::vector<Value> want(all.begin() + 5, all.begin() + 15);
  ExpectRows(*sliced, want, "bools");
  EXPECT_TRUE(sliced->IsNull(2));

  auto lists =
      Build(ListOfInts(), {IntList({1}), IntList({2, 3}), Value::Null(ListOfInts()), IntList({4})});
  auto ls = SliceVector(*lists, 1, 3);
  ExpectRows(*ls, {IntList({2, 3}), Value::Null(ListOfInts()), IntList({4})}, "lists");
  EXPECT_EQ(ls->offsets()[0], 0);  // offsets start again at zero
}

TEST(SliceVectorTest, SliceBatch) {
  auto batch = std::make_shared<Batch>(std::vector<VectorPtr>{Ints({1, 2, 3, 4})}, 4);
  BatchPtr out = SliceBatch(*batch, 1, 2);
  ASSERT_EQ(out->num_rows, 2);
  ExpectRows(*out->columns[0], {Value::Int64(2), Value::Int64(3)});
  BatchPtr whole = SliceBatch(*batch, 0, 4);
  EXPECT_EQ(whole->num_rows, 4);
  EXPECT_EQ(whole->columns[0], batch->columns[0]);  // unchanged: shared
}

// ---------------------------------------------------------------- ConcatVectors

std::vector<Value> Joined(const std::vector<VectorPtr>& parts) {
  std::vector<Value> out;
  for (const auto& p : parts) {
    auto rows = Values(*p);
    out.insert(out.end(), rows.begin(), rows.end());
  }
  return out;
}

VectorPtr Concat(const std::vector<VectorPtr>& parts) {
  std::vector<const Vector*> ptrs;
  for (const auto& p : parts) ptrs.push_back(p.get());
  return ConcatVectors(ptrs);
}

TEST(ConcatVectorsTest, IntsWithAndWithoutNulls) {
  std::vector<VectorPtr> clean = {Ints({1, 2}), Ints({3}), Ints({4, 5, 6})};
  auto out = Concat(clean);
  ExpectRows(*out, Joined(clean));
  EXPECT_FALSE(out->MayHaveNulls());

  std::vector<VectorPtr> mixed = {Ints({1, 2, 3}), Ints({std::nullopt, 5}),
                                  Ints({6, std::nullopt})};
  auto m = Concat(mixed);
  ExpectRows(*m, Joined(mixed));
  EXPECT_EQ(m->CountNulls(), 2);
  EXPECT_TRUE(m->IsNull(3));
  EXPECT_TRUE(m->IsNull(6));
}

TEST(ConcatVectorsTest, BoolsCrossingByteBoundaries) {
  std::vector<VectorPtr> parts;
  int k = 0;
  for (int len : {3, 7, 13, 1, 8}) {
    std::vector<OptBool> xs;
    for (int i = 0; i < len; i++, k++) xs.push_back(k % 7 == 6 ? OptBool() : OptBool(k % 3 != 0));
    parts.push_back(Bools(xs));
  }
  auto out = Concat(parts);
  ExpectRows(*out, Joined(parts));
  EXPECT_EQ(out->length(), 32);
  // Without NULLs the result has no bitmap.
  auto clean =
      Concat({Bools({true, false, true}), Bools({false, false, false, false, true, true, true})});
  EXPECT_FALSE(clean->MayHaveNulls());
  ExpectRows(*clean, Joined({Bools({true, false, true}),
                             Bools({false, false, false, false, true, true, true})}));
}

TEST(ConcatVectorsTest, StringsListsStructs) {
  std::vector<VectorPtr> texts = {Texts({"a", std::nullopt}), Texts({}), Texts({"", "xyz"})};
  ExpectRows(*Concat(texts), Joined(texts), "texts");

  std::vector<VectorPtr> lists = {Build(ListOfInts(), {IntList({1, 2}), Value::Null(ListOfInts())}),
                                  Build(ListOfInts(), {IntList({}), IntList({std::nullopt, 3})})};
  ExpectRows(*Concat(lists), Joined(lists), "lists");

  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", ListOfInts()}});
  std::vector<VectorPtr> structs = {
      Build(st, {Value::Nested(st, {Value::Int64(1), IntList({1})}), Value::Null(st)}),
      Build(st, {Value::Nested(st, {Value::Null(TypeId::kInt64), IntList({})})})};
  ExpectRows(*Concat(structs), Joined(structs), "structs");
}

TEST(ConcatVectorsTest, SinglePartAndEmptyParts) {
  auto one = Texts({"a", std::nullopt});
  auto out = Concat({one});
  ExpectRows(*out, Values(*one));
  std::vector<VectorPtr> with_empty = {Ints({}), Ints({1}), Ints({}), Ints({std::nullopt})};
  ExpectRows(*Concat(with_empty), Joined(with_empty));
  std::vector<VectorPtr> nulls = {MakeConstantVector(TypeId::kNull, Value(), 2),
                                  MakeConstantVector(TypeId::kNull, Value(), 1)};
  EXPECT_EQ(Concat(nulls)->CountNulls(), 3);
}

TEST(ConcatVectorsTest, ConcatBatches) {
  auto a = std::make_shared<Batch>(std::vector<VectorPtr>{Ints({1}), Texts({"a"})}, 1);
  auto b = std::make_shared<Batch>(
      std::vector<VectorPtr>{Ints({std::nullopt, 3}), Texts({"b", std::nullopt})}, 2);
  BatchPtr out = ConcatBatches({a, b});
  ASSERT_EQ(out->num_rows, 3);
  ExpectRows(*out->columns[0], {Value::Int64(1), Value::Null(TypeId::kInt64), Value::Int64(3)});
  ExpectRows(*out->columns[1], {Value::Text("a"), Value::Text("b"), Value::Null(TypeId::kText)});
  EXPECT_EQ(ConcatBatches({a}), a);
}

// ---------------------------------------------------------------- SelectFrom

TEST(SelectFromTest, PicksEachRowFromItsSource) {
  auto x = Ints({1, 2, std::nullopt, 4, 5});
  auto y = Ints({10, 20, 30, std::nullopt, 50});
  std::vector<int32_t> which = {0, 1, 0, 1, -1};
  auto out = SelectFrom(TypeId::kInt64, {x.get(), y.get()}, which.data(), 5);
  ExpectRows(*out, {Value::Int64(1), Value::Int64(20), Value::Null(TypeId::kInt64),
                    Value::Null(TypeId::kInt64), Value::Null(TypeId::kInt64)});

  auto bx = Bools({true, true, std::nullopt, false, true, true, true, true, true, false});
  auto by = Bools({false, false, false, false, false, false, false, false, false, true});
  std::vector<int32_t> bw = {0, 1, 0, 1, -1, 0, 1, 0, 1, 1};
  auto b = SelectFrom(TypeId::kBool, {bx.get(), by.get()}, bw.data(), 10);
  ExpectRows(*b, {Value::Bool(true), Value::Bool(false), Value::Null(TypeId::kBool),
                  Value::Bool(false), Value::Null(TypeId::kBool), Value::Bool(true),
                  Value::Bool(false), Value::Bool(true), Value::Bool(false), Value::Bool(true)});

  auto tx = Texts({"a", std::nullopt, "c"});
  auto ty = Texts({"x", "y", "z"});
  std::vector<int32_t> tw = {1, 0, -1};
  ExpectRows(*SelectFrom(TypeId::kText, {tx.get(), ty.get()}, tw.data(), 3),
             {Value::Text("x"), Value::Null(TypeId::kText), Value::Null(TypeId::kText)});

  auto lx = Build(ListOfInts(), {IntList({1}), IntList({2})});
  auto ly = Build(ListOfInts(), {IntList({}), Value::Null(ListOfInts())});
  std::vector<int32_t> lw = {1, 0};
  ExpectRows(*SelectFrom(ListOfInts(), {lx.get(), ly.get()}, lw.data(), 2),
             {IntList({}), IntList({2})});

  // Sources longer than the output are fine.
  std::vector<int32_t> one = {1};
  ExpectRows(*SelectFrom(TypeId::kInt64, {x.get(), y.get()}, one.data(), 1), {Value::Int64(10)});
}

// ---------------------------------------------------------------- SelectedRows

TEST(SelectedRowsTest, NullCountsAsNotSelected) {
  std::vector<OptBool> xs;
  std::vector<int64_t> want;
  for (int i = 0; i < 19; i++) {
    if (i % 4 == 3) {
      xs.push_back(std::nullopt);
    } else {
      xs.push_back(i % 2 == 0);
      if (i % 2 == 0) want.push_back(i);
    }
  }
  EXPECT_EQ(SelectedRows(*Bools(xs)), want);
  EXPECT_TRUE(SelectedRows(*Bools({})).empty());
  EXPECT_TRUE(
      SelectedRows(*MakeConstantVector(TypeId::kBool, Value::Null(TypeId::kBool), 9)).empty());
  // A NULL row whose data bit happens to be set is still not selected.
  auto v = MakeConstantVector(TypeId::kBool, Value::Bool(true), 10);
  v->SetNull(4);
  EXPECT_EQ(SelectedRows(*v), (std::vector<int64_t>{0, 1, 2, 3, 5, 6, 7, 8, 9}));
}

// ---------------------------------------------------------------- randomized

Value RandomValue(const LogicalType& type, std::mt19937_64& rng) {
  if (rng() % 5 == 0) return Value::Null(type);
  switch (type.id()) {
    case TypeId::kBool:
      return Value::Bool(rng() % 2);
    case TypeId::kInt64:
      return Value::Int64(static_cast<int64_t>(rng()));
    case TypeId::kInt16:
      return Value::Integer(TypeId::kInt16, static_cast<int16_t>(rng()));
    case TypeId::kFloat64:
      return Value::Float64(static_cast<double>(static_cast<int64_t>(rng() % 1000)) / 7);
    case TypeId::kDecimal:
      return Value::Decimal(static_cast<int128_t>(static_cast<int64_t>(rng())) * 1000,
                            type.precision(), type.scale());
    case TypeId::kText:
      return Value::Text(std::string(rng() % 12, static_cast<char>('a' + rng() % 26)));
    case TypeId::kList: {
      std::vector<Value> items;
      for (uint64_t i = 0, n = rng() % 4; i < n; i++)
        items.push_back(RandomValue(type.child(), rng));
      return Value::Nested(type, std::move(items));
    }
    case TypeId::kStruct: {
      std::vector<Value> fields;
      for (const auto& f : type.fields()) fields.push_back(RandomValue(f.type, rng));
      return Value::Nested(type, std::move(fields));
    }
    default:
      return Value::Null(type);
  }
}

TEST(VectorOpsRandomTest, TakeSliceConcatAgreeWithRowByRowModel) {
  const std::vector<LogicalType> types = {
      TypeId::kBool,
      TypeId::kInt64,
      TypeId::kInt16,
      TypeId::kFloat64,
      LogicalType::Decimal(38, 3),
      TypeId::kText,
      LogicalType::List(TypeId::kText),
      LogicalType::Struct({{"a", TypeId::kInt64}, {"b", ListOfInts()}})};
  std::mt19937_64 rng(99);
  for (const auto& type : types) {
    for (int round = 0; round < 20; round++) {
      const std::string what = type.ToString() + " round " + std::to_string(round);
      std::vector<Value> values;
      const int64_t n = static_cast<int64_t>(rng() % 70);
      for (int64_t i = 0; i < n; i++) values.push_back(RandomValue(type, rng));
      auto src = Build(type, values);

      std::vector<int64_t> idx;
      for (int64_t i = 0, m = static_cast<int64_t>(rng() % 90); i < m; i++) {
        idx.push_back(n == 0 || rng() % 6 == 0 ? -1 : static_cast<int64_t>(rng() % n));
      }
      ExpectRows(*Take(*src, idx), TakeRows(*src, idx), what + " take");

      // Cut into random slices, then glue them back.
      std::vector<VectorPtr> parts;
      for (int64_t pos = 0; pos < n;) {
        int64_t len = std::min<int64_t>(n - pos, static_cast<int64_t>(rng() % 20));
        parts.push_back(SliceVector(*src, pos, len));
        pos += len;
      }
      if (parts.empty()) parts.push_back(SliceVector(*src, 0, 0));
      ExpectRows(*Concat(parts), values, what + " concat");
      ExpectRows(*src, values, what + " input untouched");
    }
  }
}

}  // namespace
}  // namespace kodiak
