#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "kodiak/type.h"
#include "kodiak/value.h"

namespace kodiak {
namespace {

// Parses `text`, failing the test when it is not a type.
LogicalType Parse(std::string_view text) {
  LogicalType t;
  EXPECT_TRUE(ParseTypeName(text, &t)) << "'" << text << "' should be a type";
  return t;
}

bool Rejects(std::string_view text) {
  LogicalType t;
  return !ParseTypeName(text, &t);
}

// Every TypeId except the nested ones, in enum order.
std::vector<TypeId> SimpleTypeIds() {
  std::vector<TypeId> ids;
  for (int i = static_cast<int>(TypeId::kNull); i <= static_cast<int>(TypeId::kJson); i++) {
    ids.push_back(static_cast<TypeId>(i));
  }
  return ids;
}

TEST(LogicalTypeTest, EveryAliasParsesToItsType) {
  const std::vector<std::pair<const char*, TypeId>> aliases = {
      {"bool", TypeId::kBool},
      {"boolean", TypeId::kBool},
      {"int8", TypeId::kInt8},
      {"tinyint", TypeId::kInt8},
      {"int16", TypeId::kInt16},
      {"smallint", TypeId::kInt16},
      {"int32", TypeId::kInt32},
      {"int", TypeId::kInt32},
      {"integer", TypeId::kInt32},
      {"int4", TypeId::kInt32},
      {"int64", TypeId::kInt64},
      {"bigint", TypeId::kInt64},
      {"long", TypeId::kInt64},
      {"uint8", TypeId::kUInt8},
      {"utinyint", TypeId::kUInt8},
      {"uint16", TypeId::kUInt16},
      {"usmallint", TypeId::kUInt16},
      {"uint32", TypeId::kUInt32},
      {"uinteger", TypeId::kUInt32},
      {"uint64", TypeId::kUInt64},
      {"ubigint", TypeId::kUInt64},
      {"float32", TypeId::kFloat32},
      {"real", TypeId::kFloat32},
      {"float4", TypeId::kFloat32},
      {"float64", TypeId::kFloat64},
      {"float", TypeId::kFloat64},
      {"double", TypeId::kFloat64},
      {"float8", TypeId::kFloat64},
      {"double precision", TypeId::kFloat64},
      {"decimal", TypeId::kDecimal},
      {"numeric", TypeId::kDecimal},
      {"text", TypeId::kText},
      {"varchar", TypeId::kText},
      {"string", TypeId::kText},
      {"char", TypeId::kText},
      {"bpchar", TypeId::kText},
      {"character", TypeId::kText},
      {"character varying", TypeId::kText},
      {"blob", TypeId::kBlob},
      {"bytes", TypeId::kBlob},
      {"bytea", TypeId::kBlob},
      {"binary", TypeId::kBlob},
      {"varbinary", TypeId::kBlob},
      {"date", TypeId::kDate},
      {"time", TypeId::kTime},
      {"timestamp", TypeId::kTimestamp},
      {"datetime", TypeId::kTimestamp},
      {"timestamptz", TypeId::kTimestampTz},
      {"timestamp with time zone", TypeId::kTimestampTz},
      {"interval", TypeId::kInterval},
      {"uuid", TypeId::kUuid},
      {"json", TypeId::kJson},
      {"null", TypeId::kNull},
  };
  for (const auto& [name, id] : aliases) {
    EXPECT_EQ(Parse(name).id(), id) << name;
    // Case-insensitive, surrounding blanks ignored.
    std::string upper = name;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(Parse(upper).id(), id) << upper;
    EXPECT_EQ(Parse("  " + std::string(name) + "\t").id(), id) << name;
  }
}

TEST(LogicalTypeTest, ToStringOfEverySimpleTypeParsesBack) {
  for (TypeId id : SimpleTypeIds()) {
    LogicalType t = id == TypeId::kDecimal ? LogicalType::Decimal(10, 2) : LogicalType(id);
    LogicalType back;
    ASSERT_TRUE(ParseTypeName(t.ToString(), &back)) << t.ToString();
    EXPECT_EQ(back, t) << t.ToString();
  }
}

TEST(LogicalTypeTest, ToStringCanonicalNames) {
  EXPECT_EQ(LogicalType(TypeId::kInt64).ToString(), "INT64");
  EXPECT_EQ(LogicalType(TypeId::kBool).ToString(), "BOOL");
  EXPECT_EQ(LogicalType(TypeId::kNull).ToString(), "NULL");
  EXPECT_EQ(LogicalType(TypeId::kTimestampTz).ToString(), "TIMESTAMPTZ");
  EXPECT_EQ(LogicalType::Decimal(10, 2).ToString(), "DECIMAL(10,2)");
  EXPECT_EQ(LogicalType::List(TypeId::kText).ToString(), "LIST<TEXT>");
  EXPECT_EQ(LogicalType::List(LogicalType::List(TypeId::kInt32)).ToString(), "LIST<LIST<INT32>>");
  EXPECT_EQ(LogicalType::Map(TypeId::kText, TypeId::kInt64).ToString(), "MAP<TEXT, INT64>");
  EXPECT_EQ(LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}}).ToString(),
            "STRUCT(a INT64, b TEXT)");
}

TEST(LogicalTypeTest, DecimalParameters) {
  LogicalType t = Parse("DECIMAL(10,2)");
  EXPECT_EQ(t.id(), TypeId::kDecimal);
  EXPECT_EQ(t.precision(), 10);
  EXPECT_EQ(t.scale(), 2);

  t = Parse("numeric( 38 , 38 )");
  EXPECT_EQ(t.precision(), 38);
  EXPECT_EQ(t.scale(), 38);

  t = Parse("DECIMAL(1,0)");
  EXPECT_EQ(t.precision(), 1);
  EXPECT_EQ(t.scale(), 0);

  t = Parse("DECIMAL(7)");  // scale defaults to 0
  EXPECT_EQ(t.precision(), 7);
  EXPECT_EQ(t.scale(), 0);

  t = Parse("DECIMAL");  // DuckDB's default
  EXPECT_EQ(t.precision(), 18);
  EXPECT_EQ(t.scale(), 3);
}

TEST(LogicalTypeTest, DecimalParametersOutOfBoundsAreRejected) {
  EXPECT_TRUE(Rejects("DECIMAL(0,0)"));
  EXPECT_TRUE(Rejects("DECIMAL(39,0)"));
  EXPECT_TRUE(Rejects("DECIMAL(5,6)"));  // scale above precision
  EXPECT_TRUE(Rejects("DECIMAL(5,-1)"));
  EXPECT_TRUE(Rejects("DECIMAL(-5,1)"));
  EXPECT_TRUE(Rejects("DECIMAL(x,2)"));
  EXPECT_TRUE(Rejects("DECIMAL(10,y)"));
  EXPECT_TRUE(Rejects("DECIMAL(10abc,2)"));  // trailing garbage in a number
  EXPECT_TRUE(Rejects("DECIMAL(10,2x)"));
  EXPECT_TRUE(Rejects("DECIMAL(10,2,3)"));  // too many parameters
  EXPECT_TRUE(Rejects("DECIMAL()"));
  EXPECT_TRUE(Rejects("DECIMAL(10,2"));
  EXPECT_TRUE(Rejects("DECIMAL<10,2>"));
  EXPECT_TRUE(Rejects("DECIMAL(99999999999,2)"));
}

TEST(LogicalTypeTest, ListForms) {
  LogicalType expected = LogicalType::List(TypeId::kInt32);
  EXPECT_EQ(Parse("LIST<INT>"), expected);
  EXPECT_EQ(Parse("list< integer >"), expected);
  EXPECT_EQ(Parse("INT[]"), expected);
  EXPECT_EQ(Parse("ARRAY<INT32>"), expected);

  LogicalType nested = Parse("TEXT[][]");
  EXPECT_EQ(nested, LogicalType::List(LogicalType::List(TypeId::kText)));
  EXPECT_EQ(Parse("LIST<LIST<TEXT>>"), nested);
  EXPECT_EQ(Parse("LIST<TEXT>[]"), nested);

  LogicalType dec = Parse("DECIMAL(5,1)[]");
  ASSERT_EQ(dec.id(), TypeId::kList);
  EXPECT_EQ(dec.child(), LogicalType::Decimal(5, 1));
}

TEST(LogicalTypeTest, MapForms) {
  LogicalType m = Parse("MAP<TEXT,INT>");
  ASSERT_EQ(m.id(), TypeId::kMap);
  EXPECT_EQ(m.map_key(), LogicalType(TypeId::kText));
  EXPECT_EQ(m.map_value(), LogicalType(TypeId::kInt32));
  // The child is the Arrow entry struct<key, value>.
  ASSERT_EQ(m.child().id(), TypeId::kStruct);
  ASSERT_EQ(m.child().fields().size(), 2u);
  EXPECT_EQ(m.child().fields()[0].name, "key");
  EXPECT_EQ(m.child().fields()[1].name, "value");

  // Nested values with commas inside do not split the top level.
  LogicalType nested = Parse("MAP<TEXT, MAP<INT, DECIMAL(10,2)>>");
  EXPECT_EQ(nested.map_value(), LogicalType::Map(TypeId::kInt32, LogicalType::Decimal(10, 2)));
  EXPECT_EQ(Parse("MAP<TEXT, STRUCT(a INT, b TEXT)>").map_value().fields().size(), 2u);
}

TEST(LogicalTypeTest, StructForms) {
  LogicalType s = Parse("STRUCT(a INT, b TEXT)");
  ASSERT_EQ(s.id(), TypeId::kStruct);
  ASSERT_EQ(s.fields().size(), 2u);
  EXPECT_EQ(s.fields()[0].name, "a");
  EXPECT_EQ(s.fields()[0].type, LogicalType(TypeId::kInt32));
  EXPECT_EQ(s.fields()[1].name, "b");
  EXPECT_EQ(s.fields()[1].type, LogicalType(TypeId::kText));

  // The colon spelling and nested parameters.
  LogicalType t = Parse("STRUCT<x: DECIMAL(10,2), y: LIST<TEXT>>");
  ASSERT_EQ(t.fields().size(), 2u);
  EXPECT_EQ(t.fields()[0].type, LogicalType::Decimal(10, 2));
  EXPECT_EQ(t.fields()[1].type, LogicalType::List(TypeId::kText));

  LogicalType deep = Parse("STRUCT(p STRUCT(q INT[]))");
  EXPECT_EQ(deep.fields()[0].type.fields()[0].type, LogicalType::List(TypeId::kInt32));
}

TEST(LogicalTypeTest, NestedToStringParsesBack) {
  const std::vector<LogicalType> types = {
      LogicalType::List(LogicalType::Decimal(38, 10)),
      LogicalType::Map(TypeId::kText, LogicalType::List(TypeId::kInt64)),
      LogicalType::Struct(
          {{"a", TypeId::kInt64}, {"b", LogicalType::Map(TypeId::kUuid, TypeId::kDate)}}),
      LogicalType::List(LogicalType::Struct({{"x", TypeId::kFloat64}})),
  };
  for (const auto& t : types) {
    LogicalType back;
    ASSERT_TRUE(ParseTypeName(t.ToString(), &back)) << t.ToString();
    EXPECT_EQ(back, t) << t.ToString();
  }
}

TEST(LogicalTypeTest, RejectsGarbage) {
  for (const char* text : {"",
                           "   ",
                           "foo",
                           "INTT",
                           "INT64x",
                           "LIST",
                           "LIST<>",
                           "LIST<INT",
                           "LIST<INT)",
                           "LIST<FOO>",
                           "[]",
                           "INT[",
                           "MAP<TEXT>",
                           "MAP<TEXT,INT,INT>",
                           "MAP<TEXT,>",
                           "STRUCT()",
                           "STRUCT(a)",
                           "STRUCT(a FOO)",
                           "STRUCT(a INT",
                           "INT<TEXT>",
                           "INT(abc)",
                           "VARCHAR(abc)",
                           "VARCHAR(10",
                           "TEXT)",
                           "double precisionx"}) {
    EXPECT_TRUE(Rejects(text)) << "'" << text << "' should not be a type";
  }
}

TEST(LogicalTypeTest, TextLengthIsAcceptedAndIgnored) {
  EXPECT_EQ(Parse("VARCHAR(20)"), LogicalType(TypeId::kText));
  EXPECT_EQ(Parse("char(1)"), LogicalType(TypeId::kText));
  EXPECT_EQ(Parse("character varying(255)"), LogicalType(TypeId::kText));
}

TEST(LogicalTypeTest, Equality) {
  EXPECT_EQ(LogicalType(TypeId::kInt64), LogicalType(TypeId::kInt64));
  EXPECT_NE(LogicalType(TypeId::kInt64), LogicalType(TypeId::kInt32));
  EXPECT_NE(LogicalType(TypeId::kText), LogicalType(TypeId::kJson));
  EXPECT_EQ(LogicalType::Decimal(10, 2), LogicalType::Decimal(10, 2));
  EXPECT_NE(LogicalType::Decimal(10, 2), LogicalType::Decimal(10, 3));
  EXPECT_NE(LogicalType::Decimal(10, 2), LogicalType::Decimal(11, 2));
  EXPECT_EQ(LogicalType::List(TypeId::kText), LogicalType::List(TypeId::kText));
  EXPECT_NE(LogicalType::List(TypeId::kText), LogicalType::List(TypeId::kBlob));
  EXPECT_NE(LogicalType::List(TypeId::kText), LogicalType(TypeId::kText));
  EXPECT_NE(LogicalType::List(LogicalType::Decimal(5, 1)),
            LogicalType::List(LogicalType::Decimal(5, 2)));
  EXPECT_EQ(LogicalType::Map(TypeId::kText, TypeId::kInt64),
            LogicalType::Map(TypeId::kText, TypeId::kInt64));
  EXPECT_NE(LogicalType::Map(TypeId::kText, TypeId::kInt64),
            LogicalType::Map(TypeId::kInt64, TypeId::kText));

  auto s1 = LogicalType::Struct({{"a", TypeId::kInt64}, {"b", TypeId::kText}});
  auto s2 = LogicalType::Struct({{"A", TypeId::kInt64}, {"B", TypeId::kText}});
  auto s3 = LogicalType::Struct({{"a", TypeId::kInt64}, {"c", TypeId::kText}});
  auto s4 = LogicalType::Struct({{"a", TypeId::kInt64}});
  auto s5 = LogicalType::Struct({{"b", TypeId::kText}, {"a", TypeId::kInt64}});
  EXPECT_EQ(s1, s2);  // field names compare case-insensitively
  EXPECT_NE(s1, s3);
  EXPECT_NE(s1, s4);
  EXPECT_NE(s1, s5);  // order matters
  // A list and a struct are never equal even with the same child layout.
  EXPECT_NE(LogicalType::List(TypeId::kInt64), LogicalType::Struct({{"item", TypeId::kInt64}}));
}

TEST(LogicalTypeTest, CopiesShareChildrenButStayEqual) {
  LogicalType a = LogicalType::Struct({{"a", LogicalType::List(TypeId::kText)}});
  LogicalType b = a;
  EXPECT_EQ(a, b);
  EXPECT_EQ(&a.fields(), &b.fields());  // cheap copy: children are shared
}

TEST(LogicalTypeTest, FixedWidth) {
  EXPECT_EQ(LogicalType(TypeId::kNull).FixedWidth(), 0);
  EXPECT_EQ(LogicalType(TypeId::kBool).FixedWidth(), 0);  // bit-packed
  EXPECT_EQ(LogicalType(TypeId::kInt8).FixedWidth(), 1);
  EXPECT_EQ(LogicalType(TypeId::kUInt8).FixedWidth(), 1);
  EXPECT_EQ(LogicalType(TypeId::kInt16).FixedWidth(), 2);
  EXPECT_EQ(LogicalType(TypeId::kUInt16).FixedWidth(), 2);
  EXPECT_EQ(LogicalType(TypeId::kInt32).FixedWidth(), 4);
  EXPECT_EQ(LogicalType(TypeId::kUInt32).FixedWidth(), 4);
  EXPECT_EQ(LogicalType(TypeId::kFloat32).FixedWidth(), 4);
  EXPECT_EQ(LogicalType(TypeId::kDate).FixedWidth(), 4);
  EXPECT_EQ(LogicalType(TypeId::kInt64).FixedWidth(), 8);
  EXPECT_EQ(LogicalType(TypeId::kUInt64).FixedWidth(), 8);
  EXPECT_EQ(LogicalType(TypeId::kFloat64).FixedWidth(), 8);
  EXPECT_EQ(LogicalType(TypeId::kTime).FixedWidth(), 8);
  EXPECT_EQ(LogicalType(TypeId::kTimestamp).FixedWidth(), 8);
  EXPECT_EQ(LogicalType(TypeId::kTimestampTz).FixedWidth(), 8);
  EXPECT_EQ(LogicalType::Decimal(5, 2).FixedWidth(), 16);  // decimal128 regardless of precision
  EXPECT_EQ(LogicalType(TypeId::kInterval).FixedWidth(), 16);
  EXPECT_EQ(LogicalType(TypeId::kUuid).FixedWidth(), 16);
  EXPECT_EQ(LogicalType(TypeId::kText).FixedWidth(), 0);
  EXPECT_EQ(LogicalType(TypeId::kBlob).FixedWidth(), 0);
  EXPECT_EQ(LogicalType(TypeId::kJson).FixedWidth(), 0);
  EXPECT_EQ(LogicalType::List(TypeId::kInt64).FixedWidth(), 0);
  EXPECT_EQ(LogicalType::Struct({{"a", TypeId::kInt64}}).FixedWidth(), 0);
  EXPECT_EQ(LogicalType::Map(TypeId::kInt64, TypeId::kInt64).FixedWidth(), 0);
  // The interval width matches its Arrow layout.
  EXPECT_EQ(sizeof(Interval), 16u);
}

TEST(LogicalTypeTest, Predicates) {
  EXPECT_TRUE(LogicalType(TypeId::kUInt64).IsInteger());
  EXPECT_TRUE(LogicalType(TypeId::kUInt64).IsUnsignedInteger());
  EXPECT_FALSE(LogicalType(TypeId::kUInt8).IsSignedInteger());
  EXPECT_FALSE(LogicalType(TypeId::kBool).IsInteger());
  EXPECT_TRUE(LogicalType::Decimal(5, 1).IsNumeric());
  EXPECT_FALSE(LogicalType::Decimal(5, 1).IsInteger());
  EXPECT_TRUE(LogicalType(TypeId::kJson).IsStringLike());
  EXPECT_FALSE(LogicalType(TypeId::kUuid).IsStringLike());
  EXPECT_TRUE(LogicalType(TypeId::kInterval).IsTemporal());
  EXPECT_FALSE(LogicalType(TypeId::kUuid).IsTemporal());
  EXPECT_TRUE(LogicalType::Map(TypeId::kText, TypeId::kText).IsNested());
}

}  // namespace
}  // namespace kodiak
