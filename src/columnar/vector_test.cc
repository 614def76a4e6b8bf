#include "columnar/vector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "columnar/batch.h"
#include "columnar/buffer.h"
#include "types/numeric.h"

namespace kodiak {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

VectorPtr Build(const LogicalType& type, const std::vector<Value>& values) {
  VectorBuilder b(type);
  for (const auto& v : values) b.Append(v);
  return b.Finish();
}

bool Aligned(const void* p) { return reinterpret_cast<uintptr_t>(p) % kBufferAlignment == 0; }

// Arrow's buffer rules: 64-byte aligned, capacity a multiple of 64, and the
// bytes between size and capacity zero.
void ExpectArrowBuffer(const Buffer* b, const std::string& what) {
  ASSERT_NE(b, nullptr) << what;
  EXPECT_EQ(b->capacity() % kBufferAlignment, 0) << what;
  EXPECT_GE(b->capacity(), b->size()) << what;
  if (b->capacity() == 0) return;
  EXPECT_TRUE(Aligned(b->data())) << what;
  for (int64_t i = b->size(); i < b->capacity(); i++) {
    ASSERT_EQ(b->data()[i], 0) << what << ": padding byte " << i;
  }
}

// Every buffer of v and its children follows the rules; bitmaps have no set
// bits past the length.
void ExpectArrowLayout(const Vector& v, const std::string& what) {
  const int64_t n = v.length();
  if (v.MayHaveNulls()) {
    const Buffer* validity = v.shared_validity().get();
    ExpectArrowBuffer(validity, what + " validity");
    EXPECT_GE(validity->size(), (n + 7) / 8) << what;
    if (n % 8) {
      EXPECT_EQ(validity->data()[n / 8] >> (n % 8), 0) << what << ": validity bits past length";
    }
  }
  if (v.data_buffer()) ExpectArrowBuffer(v.data_buffer(), what + " data");
  const TypeId id = v.type().id();
  if (id == TypeId::kBool) {
    EXPECT_EQ(v.data_buffer()->size(), (n + 7) / 8) << what;
    if (n % 8) {
      EXPECT_EQ(v.data_buffer()->data()[n / 8] >> (n % 8), 0) << what << ": data bits past length";
    }
  } else if (v.type().FixedWidth() > 0) {
    EXPECT_EQ(v.data_buffer()->size(), n * v.type().FixedWidth()) << what;
  }
  if (v.type().IsStringLike() || id == TypeId::kList || id == TypeId::kMap) {
    auto* self = const_cast<Vector*>(&v);
    ExpectArrowBuffer(self->offsets_buffer(), what + " offsets");
    EXPECT_GE(self->offsets_buffer()->size(), (n + 1) * 4) << what;
    EXPECT_EQ(v.offsets()[0], 0) << what;
    for (int64_t i = 0; i < n; i++) ASSERT_LE(v.offsets()[i], v.offsets()[i + 1]) << what;
    if (v.type().IsStringLike()) {
      EXPECT_EQ(v.data_buffer()->size(), v.offsets()[n]) << what;
    } else {
      EXPECT_EQ(v.children()[0]->length(), v.offsets()[n]) << what;
    }
  }
  if (id == TypeId::kStruct) {
    ASSERT_EQ(v.children().size(), v.type().fields().size()) << what;
    for (const auto& c : v.children()) EXPECT_EQ(c->length(), n) << what;
  }
  for (size_t c = 0; c < v.children().size(); c++) {
    ExpectArrowLayout(*v.children()[c], what + " child " + std::to_string(c));
  }
}

// Same value and same text (the text tells -0.0 from 0.0).
void ExpectSameValue(const Value& got, const Value& want, const std::string& what) {
  EXPECT_EQ(got.is_null(), want.is_null()) << what;
  EXPECT_EQ(got.Compare(want), 0) << what << ": got " << got.ToString() << ", want "
                                  << want.ToString();
  EXPECT_EQ(got.ToString(), want.ToString()) << what;
  if (!want.is_null() && want.type().id() != TypeId::kNull) {
    EXPECT_EQ(got.type(), want.type()) << what;
  }
}

int128_t Uuid(std::string_view text) {
  int128_t bits = 0;
  EXPECT_TRUE(ParseUuid(text, &bits));
  return bits;
}

struct Sample {
  LogicalType type;
  std::vector<Value> values;
};

// For every type: ordinary values, extremes and NULLs.
std::vector<Sample> Samples() {
  LogicalType list_int = LogicalType::List(TypeId::kInt64);
  LogicalType list_list = LogicalType::List(LogicalType::List(TypeId::kText));
  LogicalType st = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  LogicalType map = LogicalType::Map(TypeId::kText, TypeId::kInt64);
  LogicalType dec = LogicalType::Decimal(38, 10);
  auto ints = [&](std::vector<int64_t> xs) {
    std::vector<Value> items;
    for (int64_t x : xs) items.push_back(Value::Int64(x));
    return Value::Nested(list_int, std::move(items));
  };
  auto texts = [](std::vector<std::string> xs) {
    std::vector<Value> items;
    for (auto& x : xs) items.push_back(Value::Text(x));
    return Value::Nested(LogicalType::List(TypeId::kText), std::move(items));
  };
  auto entry = [&](std::string k, Value v) {
    return Value::Nested(map.child(), {Value::Text(std::move(k)), std::move(v)});
  };
  const int128_t max38 = Pow10(38) - 1;
  return {
      {TypeId::kNull, {Value(), Value::Null()}},
      {TypeId::kBool,
       {Value::Bool(true), Value::Bool(false), Value::Null(TypeId::kBool), Value::Bool(true),
        Value::Bool(true), Value::Bool(false), Value::Bool(false), Value::Bool(true),
        Value::Bool(true), Value::Null(TypeId::kBool)}},
      {TypeId::kInt8,
       {Value::Integer(TypeId::kInt8, -128), Value::Integer(TypeId::kInt8, 127),
        Value::Null(TypeId::kInt8), Value::Integer(TypeId::kInt8, 0)}},
      {TypeId::kInt16,
       {Value::Integer(TypeId::kInt16, -32768), Value::Integer(TypeId::kInt16, 32767),
        Value::Null(TypeId::kInt16)}},
      {TypeId::kInt32,
       {Value::Int32(INT32_MIN), Value::Int32(INT32_MAX), Value::Null(TypeId::kInt32),
        Value::Int32(-1)}},
      {TypeId::kInt64,
       {Value::Int64(INT64_MIN), Value::Int64(INT64_MAX), Value::Null(TypeId::kInt64),
        Value::Int64(0)}},
      {TypeId::kUInt8,
       {Value::Integer(TypeId::kUInt8, 255), Value::Integer(TypeId::kUInt8, 0),
        Value::Null(TypeId::kUInt8)}},
      {TypeId::kUInt16, {Value::Integer(TypeId::kUInt16, 65535), Value::Null(TypeId::kUInt16)}},
      {TypeId::kUInt32,
       {Value::Integer(TypeId::kUInt32, 4294967295LL), Value::Null(TypeId::kUInt32)}},
      {TypeId::kUInt64,
       {Value::UInt64(UINT64_MAX), Value::UInt64(0), Value::Null(TypeId::kUInt64)}},
      {TypeId::kFloat32,
       {Value::Float32(0.1f), Value::Float32(-0.0f), Value::Float32(static_cast<float>(kInf)),
        Value::Float32(static_cast<float>(kNaN)), Value::Null(TypeId::kFloat32)}},
      {TypeId::kFloat64,
       {Value::Float64(0.1), Value::Float64(-0.0), Value::Float64(-kInf), Value::Float64(kNaN),
        Value::Float64(5e-324), Value::Null(TypeId::kFloat64)}},
      {dec,
       {Value::Decimal(max38, 38, 10), Value::Decimal(-max38, 38, 10), Value::Decimal(-5, 38, 10),
        Value::Null(dec)}},
      {TypeId::kText,
       {Value::Text("hello"), Value::Text(""), Value::Null(TypeId::kText),
        Value::Text(std::string("a\0b", 3)), Value::Text("caf\xc3\xa9 \xf0\x9f\x90\xbb")}},
      {TypeId::kBlob,
       {Value::Blob(std::string("\0\xff\x80", 3)), Value::Blob(""), Value::Null(TypeId::kBlob)}},
      {TypeId::kJson,
       {Value::Json("{\"a\": [1, 2]}"), Value::Null(TypeId::kJson), Value::Json("null")}},
      {TypeId::kDate,
       {Value::Date(0), Value::Date(-719162), Value::Date(2932897), Value::Null(TypeId::kDate)}},
      {TypeId::kTime, {Value::Time(0), Value::Time(86399999999), Value::Null(TypeId::kTime)}},
      {TypeId::kTimestamp,
       {Value::Timestamp(-1), Value::Timestamp(1706702400123456), Value::Null(TypeId::kTimestamp)}},
      {TypeId::kTimestampTz, {Value::TimestampTz(0), Value::Null(TypeId::kTimestampTz)}},
      {TypeId::kInterval,
       {Value::IntervalValue({14, -3, 123456789000}), Value::IntervalValue({0, 0, 0}),
        Value::Null(TypeId::kInterval)}},
      {TypeId::kUuid,
       {Value::Uuid(Uuid("ffffffff-ffff-ffff-ffff-fffffffffffe")),
        Value::Uuid(Uuid("123e4567-e89b-12d3-a456-426614174000")), Value::Null(TypeId::kUuid)}},
      {list_int,
       {ints({1, 2, 3}), ints({}), Value::Null(list_int),
        Value::Nested(list_int, {Value::Int64(4), Value::Null(TypeId::kInt64), Value::Int64(6)}),
        ints({INT64_MIN})}},
      {list_list,
       {Value::Nested(list_list,
                      {texts({"a", ""}), Value::Null(LogicalType::List(TypeId::kText)), texts({})}),
        Value::Null(list_list), Value::Nested(list_list, {})}},
      {st,
       {Value::Nested(st, {Value::Int64(1), Value::Text("x")}), Value::Null(st),
        Value::Nested(st, {Value::Null(TypeId::kInt64), Value::Text("y")}),
        Value::Nested(st, {Value::Int64(3), Value::Null(TypeId::kText)})}},
      {map,
       {Value::Nested(map, {entry("k", Value::Int64(1)), entry("j", Value::Null(TypeId::kInt64))}),
        Value::Null(map), Value::Nested(map, {})}},
  };
}

// ---------------------------------------------------------------- Buffer

TEST(BufferTest, AlignedZeroedAndPaddedTo64) {
  for (int64_t size : {1, 7, 63, 64, 65, 1000}) {
    auto b = Buffer::Make(size);
    EXPECT_EQ(b->size(), size);
    EXPECT_EQ(b->capacity(), (size + 63) / 64 * 64) << size;
    ExpectArrowBuffer(b.get(), "size " + std::to_string(size));
    for (int64_t i = 0; i < size; i++) ASSERT_EQ(b->data()[i], 0);
  }
  // An empty buffer still has an aligned block: data() is never null, so
  // memcpy/memset of zero bytes from it are defined.
  auto empty = Buffer::Make(0);
  EXPECT_EQ(empty->size(), 0);
  EXPECT_EQ(empty->capacity(), 64);
  ASSERT_NE(empty->data(), nullptr);
  ExpectArrowBuffer(empty.get(), "empty");
}

TEST(BufferTest, ResizeKeepsContentsAndZeroesNewAndDroppedBytes) {
  auto b = Buffer::Make(10);
  for (int i = 0; i < 10; i++) b->data()[i] = static_cast<uint8_t>(i + 1);
  b->Resize(200);  // grows past capacity: reallocates
  EXPECT_GE(b->capacity(), 200);
  ExpectArrowBuffer(b.get(), "grown");
  for (int i = 0; i < 10; i++) EXPECT_EQ(b->data()[i], i + 1);
  for (int i = 10; i < 200; i++) ASSERT_EQ(b->data()[i], 0);

  b->data()[150] = 0xAB;
  b->Resize(5);  // shrinking zeroes the dropped bytes so padding stays zero
  ExpectArrowBuffer(b.get(), "shrunk");
  b->Resize(200);
  EXPECT_EQ(b->data()[4], 5);
  EXPECT_EQ(b->data()[5], 0);
  EXPECT_EQ(b->data()[150], 0);

  b->Reserve(1000);
  EXPECT_GE(b->capacity(), 1000);
  EXPECT_EQ(b->size(), 200);
  ExpectArrowBuffer(b.get(), "reserved");
}

// ---------------------------------------------------------------- Vector layout

TEST(VectorTest, NewFixedWidthVectorIsZeroedAndValid) {
  Vector v(TypeId::kInt32, 100);
  EXPECT_EQ(v.length(), 100);
  EXPECT_FALSE(v.MayHaveNulls());
  EXPECT_EQ(v.CountNulls(), 0);
  EXPECT_EQ(v.data_buffer()->size(), 400);
  ExpectArrowLayout(v, "int32");
  for (int i = 0; i < 100; i++) ASSERT_EQ(v.data<int32_t>()[i], 0);
  EXPECT_EQ(v.GetValue(5), Value::Int32(0));

  Vector s(TypeId::kText, 3);  // all empty strings
  EXPECT_EQ(s.GetString(2), "");
  ExpectArrowLayout(s, "text");

  Vector n(TypeId::kNull, 9);  // the NULL type is all NULL
  EXPECT_EQ(n.CountNulls(), 9);
  EXPECT_TRUE(n.GetValue(8).is_null());
}

TEST(VectorTest, ValidityBitmapIsLsbFirst) {
  Vector v(TypeId::kInt64, 20);
  v.SetNull(0);
  v.SetNull(9);
  v.SetNull(19);
  const uint8_t* bits = v.validity_data();
  ASSERT_NE(bits, nullptr);
  EXPECT_EQ(bits[0], 0xFE);         // row 0 is bit 0 of byte 0
  EXPECT_EQ(bits[1], 0xFD);         // row 9 is bit 1 of byte 1
  EXPECT_EQ(bits[2] & 0x0F, 0x07);  // row 19 is bit 3 of byte 2
  EXPECT_EQ(v.CountNulls(), 3);
  EXPECT_TRUE(v.IsNull(9));
  EXPECT_TRUE(v.IsValid(10));
  v.SetValid(9);
  EXPECT_EQ(bits[1], 0xFF);
  EXPECT_EQ(v.CountNulls(), 2);
  ExpectArrowBuffer(v.shared_validity().get(), "validity");
}

TEST(VectorTest, BuilderValidityAndBoolBitsArePacked) {
  auto v = Build(TypeId::kBool,
                 {Value::Bool(true), Value::Null(TypeId::kBool), Value::Bool(true),
                  Value::Bool(true), Value::Bool(false), Value::Bool(false), Value::Bool(false),
                  Value::Bool(false), Value::Bool(true), Value::Bool(false)});
  ExpectArrowLayout(*v, "bool");
  ASSERT_EQ(v->data_buffer()->size(), 2);
  EXPECT_EQ(v->data_buffer()->data()[0], 0x0D);  // rows 0, 2, 3 true
  EXPECT_EQ(v->data_buffer()->data()[1], 0x01);  // row 8 true
  ASSERT_TRUE(v->MayHaveNulls());
  EXPECT_EQ(v->validity_data()[0], 0xFD);  // row 1 NULL
  EXPECT_EQ(v->validity_data()[1], 0x03);  // rows 8, 9 valid; no bits past the length
  EXPECT_TRUE(v->GetBool(0));
  EXPECT_FALSE(v->GetBool(4));
  EXPECT_TRUE(v->GetValue(1).is_null());
}

TEST(VectorTest, BuilderWithoutNullsHasNoBitmap) {
  auto v = Build(TypeId::kInt64, {Value::Int64(1), Value::Int64(2)});
  EXPECT_FALSE(v->MayHaveNulls());
  EXPECT_EQ(v->validity_data(), nullptr);
  EXPECT_EQ(v->data<int64_t>()[1], 2);
}

TEST(VectorTest, StringOffsetsAreInt32FromZero) {
  auto v = Build(TypeId::kText, {Value::Text("a"), Value::Text(""), Value::Null(TypeId::kText),
                                 Value::Text("xyz")});
  ExpectArrowLayout(*v, "text");
  const int32_t* o = v->offsets();
  EXPECT_EQ(o[0], 0);
  EXPECT_EQ(o[1], 1);
  EXPECT_EQ(o[2], 1);
  EXPECT_EQ(o[3], 1);  // a NULL takes no bytes
  EXPECT_EQ(o[4], 4);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(v->data_buffer()->data()), 4), "axyz");
  EXPECT_EQ(v->GetString(3), "xyz");
  EXPECT_EQ(v->GetString(1), "");
  static_assert(sizeof(*v->offsets()) == 4);
}

TEST(VectorTest, ListLayout) {
  LogicalType t = LogicalType::List(TypeId::kInt64);
  auto v = Build(t, {Value::Nested(t, {Value::Int64(1), Value::Int64(2)}), Value::Nested(t, {}),
                     Value::Null(t), Value::Nested(t, {Value::Null(TypeId::kInt64)}),
                     Value::Nested(t, {Value::Int64(3)})});
  ExpectArrowLayout(*v, "list");
  const int32_t* o = v->offsets();
  EXPECT_EQ(o[0], 0);
  EXPECT_EQ(o[1], 2);
  EXPECT_EQ(o[2], 2);
  EXPECT_EQ(o[3], 2);
  EXPECT_EQ(o[4], 3);
  EXPECT_EQ(o[5], 4);
  ASSERT_EQ(v->children().size(), 1u);
  const Vector& child = *v->children()[0];
  ASSERT_EQ(child.length(), 4);
  EXPECT_EQ(child.data<int64_t>()[0], 1);
  EXPECT_EQ(child.data<int64_t>()[3], 3);
  EXPECT_TRUE(child.IsNull(2));  // the NULL element lives in the child
  EXPECT_TRUE(v->IsNull(2));
  EXPECT_FALSE(v->IsNull(3));
}

TEST(VectorTest, StructLayout) {
  LogicalType t = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  auto v = Build(t, {Value::Nested(t, {Value::Int64(1), Value::Text("x")}), Value::Null(t),
                     Value::Nested(t, {Value::Null(TypeId::kInt64), Value::Text("y")})});
  ExpectArrowLayout(*v, "struct");
  ASSERT_EQ(v->children().size(), 2u);
  EXPECT_EQ(v->children()[0]->length(), 3);
  EXPECT_TRUE(v->IsNull(1));
  EXPECT_TRUE(v->children()[0]->IsNull(2));
  EXPECT_FALSE(v->children()[1]->IsNull(2));
  EXPECT_EQ(v->children()[1]->GetString(2), "y");
}

TEST(VectorTest, MapLayoutIsListOfKeyValueStructs) {
  LogicalType t = LogicalType::Map(TypeId::kText, TypeId::kInt64);
  auto entry = [&](std::string k, Value v) {
    return Value::Nested(t.child(), {Value::Text(std::move(k)), std::move(v)});
  };
  auto v = Build(
      t, {Value::Nested(t, {entry("a", Value::Int64(1)), entry("b", Value::Null(TypeId::kInt64))}),
          Value::Nested(t, {entry("c", Value::Int64(3))})});
  ExpectArrowLayout(*v, "map");
  ASSERT_EQ(v->children().size(), 1u);
  const Vector& entries = *v->children()[0];
  EXPECT_EQ(entries.type().id(), TypeId::kStruct);
  EXPECT_EQ(entries.length(), 3);
  EXPECT_EQ(v->offsets()[1], 2);
  EXPECT_EQ(entries.children()[0]->GetString(2), "c");
  EXPECT_TRUE(entries.children()[1]->IsNull(1));
}

// ---------------------------------------------------------------- round trips

TEST(VectorTest, BuilderAndGetValueRoundTripEveryType) {
  for (const auto& sample : Samples()) {
    const std::string what = sample.type.ToString();
    auto v = Build(sample.type, sample.values);
    ASSERT_EQ(v->length(), static_cast<int64_t>(sample.values.size())) << what;
    EXPECT_EQ(v->type(), sample.type) << what;
    ExpectArrowLayout(*v, what);
    int64_t nulls = 0;
    for (size_t i = 0; i < sample.values.size(); i++) {
      nulls += sample.values[i].is_null();
      ExpectSameValue(v->GetValue(static_cast<int64_t>(i)), sample.values[i],
                      what + " row " + std::to_string(i));
    }
    EXPECT_EQ(v->CountNulls(), nulls) << what;
  }
}

TEST(VectorTest, AppendFromCopiesRowsOfEveryType) {
  for (const auto& sample : Samples()) {
    const std::string what = sample.type.ToString();
    auto src = Build(sample.type, sample.values);
    VectorBuilder b(sample.type);
    for (int64_t i = src->length() - 1; i >= 0; i--) b.AppendFrom(*src, i);  // reversed
    auto v = b.Finish();
    ExpectArrowLayout(*v, what);
    for (int64_t i = 0; i < v->length(); i++) {
      ExpectSameValue(v->GetValue(i), sample.values[sample.values.size() - 1 - i],
                      what + " row " + std::to_string(i));
    }
  }
}

TEST(VectorTest, BuilderGrowsPastManyCapacities) {
  VectorBuilder ints(TypeId::kInt64, 3);
  VectorBuilder texts(TypeId::kText);
  VectorBuilder bools(TypeId::kBool);
  const int n = 10007;
  for (int i = 0; i < n; i++) {
    if (i % 13 == 0) {
      ints.AppendNull();
      texts.AppendNull();
      bools.AppendNull();
    } else {
      ints.Append(Value::Int64(i));
      texts.AppendString(std::to_string(i));
      bools.Append(Value::Bool(i % 3 == 0));
    }
  }
  auto vi = ints.Finish(), vt = texts.Finish(), vb = bools.Finish();
  ExpectArrowLayout(*vi, "ints");
  ExpectArrowLayout(*vt, "texts");
  ExpectArrowLayout(*vb, "bools");
  for (int i = 0; i < n; i++) {
    bool null = i % 13 == 0;
    ASSERT_EQ(vi->IsNull(i), null);
    ASSERT_EQ(vt->IsNull(i), null);
    ASSERT_EQ(vb->IsNull(i), null);
    if (null) continue;
    ASSERT_EQ(vi->data<int64_t>()[i], i);
    ASSERT_EQ(vt->GetString(i), std::to_string(i));
    ASSERT_EQ(vb->GetBool(i), i % 3 == 0);
  }
  EXPECT_EQ(vi->CountNulls(), (n + 12) / 13);
}

TEST(VectorTest, EmptyBuilderGivesEmptyVector) {
  for (const auto& sample : Samples()) {
    VectorBuilder b(sample.type);
    auto v = b.Finish();
    EXPECT_EQ(v->length(), 0) << sample.type.ToString();
    ExpectArrowLayout(*v, sample.type.ToString());
  }
}

// ---------------------------------------------------------------- constants

TEST(VectorTest, MakeConstantVectorOfEveryType) {
  for (const auto& sample : Samples()) {
    for (const auto& value : sample.values) {
      for (int64_t length : {0, 1, 13, 64}) {
        const std::string what =
            sample.type.ToString() + " " + value.ToString() + " x" + std::to_string(length);
        auto v = MakeConstantVector(sample.type, value, length);
        ASSERT_EQ(v->length(), length) << what;
        EXPECT_EQ(v->type(), sample.type) << what;
        ExpectArrowLayout(*v, what);
        for (int64_t i = 0; i < length; i++) ExpectSameValue(v->GetValue(i), value, what);
        EXPECT_EQ(v->CountNulls(), value.is_null() ? length : 0) << what;
      }
    }
  }
}

TEST(VectorTest, ConstantBoolLeavesNoBitsPastTheLength) {
  auto v = MakeConstantVector(TypeId::kBool, Value::Bool(true), 13);
  ASSERT_EQ(v->data_buffer()->size(), 2);
  EXPECT_EQ(v->data_buffer()->data()[0], 0xFF);
  EXPECT_EQ(v->data_buffer()->data()[1], 0x1F);
  auto f = MakeConstantVector(TypeId::kBool, Value::Bool(false), 13);
  EXPECT_EQ(f->data_buffer()->data()[0], 0);
  EXPECT_FALSE(f->MayHaveNulls());
}

TEST(BatchTest, HoldsColumnsOfOneLength) {
  auto a = Build(TypeId::kInt64, {Value::Int64(1), Value::Int64(2)});
  auto b = Build(TypeId::kText, {Value::Text("x"), Value::Null(TypeId::kText)});
  Batch batch({a, b}, 2);
  EXPECT_EQ(batch.column_count(), 2u);
  EXPECT_EQ(batch.num_rows, 2);
  EXPECT_EQ(batch.columns[1]->GetValue(0), Value::Text("x"));
}

}  // namespace
}  // namespace kodiak
