#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kodiak/connection.h"

namespace kodiak {
namespace {

std::vector<std::string> Texts(std::string_view script, std::string* incomplete = nullptr) {
  std::string rest;
  std::vector<std::string> out;
  for (const StatementText& st : SplitStatements(script, incomplete ? incomplete : &rest)) {
    out.push_back(st.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SplitStatementsTest, SplitsAtSemicolons) {
  auto st = SplitStatements("SELECT 1; SELECT 2;\nSELECT 3;", nullptr);
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[0].text, "SELECT 1");
  EXPECT_EQ(st[0].offset, 0u);
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[1].text, "SELECT 2");
  EXPECT_EQ(st[1].offset, 10u);
  EXPECT_EQ(st[1].line, 1);
  EXPECT_EQ(st[2].text, "SELECT 3");
  EXPECT_EQ(st[2].offset, 20u);
  EXPECT_EQ(st[2].line, 2);
}

TEST(SplitStatementsTest, SemicolonsInsideQuotesAndCommentsDoNotSplit) {
  EXPECT_EQ(Texts("SELECT 'a;b', \"c;d\", `e;f` FROM t; SELECT 2;"),
            (Strings{"SELECT 'a;b', \"c;d\", `e;f` FROM t", "SELECT 2"}));
  EXPECT_EQ(Texts("SELECT 1 -- no; split\n + 1; SELECT /* ; */ 2;"),
            (Strings{"SELECT 1 -- no; split\n + 1", "SELECT /* ; */ 2"}));
  EXPECT_EQ(Texts("SELECT 'it''s;'; SELECT 3;"), (Strings{"SELECT 'it''s;'", "SELECT 3"}));
}

TEST(SplitStatementsTest, TriggerBodyIsOneStatement) {
  EXPECT_EQ(Texts("CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); DELETE FROM c; END; SELECT 2;"),
            (Strings{"CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); DELETE FROM c; END",
                     "SELECT 2"}));
  // The END of a CASE inside the body does not close it.
  EXPECT_EQ(Texts("CREATE TEMP TRIGGER t DELETE ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; SELECT 3; END;SELECT 4;"),
            (Strings{"CREATE TEMP TRIGGER t DELETE ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; SELECT 3; END",
                     "SELECT 4"}));
  // An unfinished body is incomplete (the REPL keeps reading).
  std::string rest;
  EXPECT_TRUE(Texts("CREATE TRIGGER t DELETE ON a BEGIN SELECT 1;", &rest).empty());
  EXPECT_EQ(rest, "CREATE TRIGGER t DELETE ON a BEGIN SELECT 1;");
  // BEGIN alone is still a statement of its own.
  EXPECT_EQ(Texts("BEGIN; SELECT 1; COMMIT;"), (Strings{"BEGIN", "SELECT 1", "COMMIT"}));
}

TEST(SplitStatementsTest, BlankAndCommentOnlyStatementsAreDropped) {
  std::string rest = "junk";
  auto st = SplitStatements(";;  ; -- only a comment\n;/* block */;\n", &rest);
  EXPECT_TRUE(st.empty());
  EXPECT_EQ(rest, "");
  EXPECT_TRUE(SplitStatements("", &rest).empty());
  EXPECT_TRUE(SplitStatements("   \n -- c\n", &rest).empty());
  EXPECT_EQ(rest, "");
}

TEST(SplitStatementsTest, LineAndOffsetSkipLeadingCommentsAndBlanks) {
  std::string script = "-- header\n\n  /* note */ SELECT 1;\n\n-- c\nSELECT\n2;";
  auto st = SplitStatements(script, nullptr);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].line, 3);
  EXPECT_EQ(st[0].offset, script.find("SELECT 1"));
  EXPECT_EQ(st[0].text, "SELECT 1");
  EXPECT_EQ(st[1].line, 6);
  EXPECT_EQ(st[1].text, "SELECT\n2");
}

TEST(SplitStatementsTest, TextAndOffsetAgree) {
  std::string script = "  SELECT a\n FROM t ;\nINSERT INTO t VALUES (';');";
  for (const StatementText& st : SplitStatements(script, nullptr)) {
    EXPECT_EQ(script.substr(st.offset, st.text.size()), st.text);
  }
}

TEST(SplitStatementsTest, CreateTypeWithBracesEndsAtTheClosingBrace) {
  std::string script =
      "CREATE TYPE MyStruck AS STRUCT {\n"
      "    k: INT64,\n"
      "    l: TEXT\n"
      "}\n"
      "CREATE TYPE ValidationError AS EXCEPTION (\"Data validation failed\");\n";
  auto st = SplitStatements(script, nullptr);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "CREATE TYPE MyStruck AS STRUCT {\n    k: INT64,\n    l: TEXT\n}");
  EXPECT_EQ(st[1].text, "CREATE TYPE ValidationError AS EXCEPTION (\"Data validation failed\")");
  EXPECT_EQ(st[1].line, 5);
}

TEST(SplitStatementsTest, SemicolonRightAfterTheBraceIsAbsorbed) {
  EXPECT_EQ(Texts("CREATE OR REPLACE TYPE P AS STRUCT { x: INT64 }; SELECT 1;"),
            (Strings{"CREATE OR REPLACE TYPE P AS STRUCT { x: INT64 }", "SELECT 1"}));
  EXPECT_EQ(Texts("CREATE TYPE P AS STRUCT { x: INT64 }\n;\nSELECT 1;"),
            (Strings{"CREATE TYPE P AS STRUCT { x: INT64 }", "SELECT 1"}));
  // Only one ';' is absorbed; a second one is an empty statement.
  EXPECT_EQ(Texts("CREATE TYPE P AS STRUCT { x: INT64 };; SELECT 1;"),
            (Strings{"CREATE TYPE P AS STRUCT { x: INT64 }", "SELECT 1"}));
  // CREATE TYPE ... STRUCT(...) without braces still ends at ';'.
  EXPECT_EQ(Texts("CREATE TYPE MyStruct AS STRUCT(k : INT64, l : TEXT); SELECT 1;"),
            (Strings{"CREATE TYPE MyStruct AS STRUCT(k : INT64, l : TEXT)", "SELECT 1"}));
}

TEST(SplitStatementsTest, FunctionBodyMayHoldSemicolonsAndBraces) {
  std::string script =
      "CREATE FUNCTION [MyReceiver] myfunctionname (argname : MyStruct)\n"
      "RETURNS FLOAT\n"
      "RAISE ValidationError\n"
      "{\n"
      "    -- i am a function here; really\n"
      "    LET x = {a: 1};\n"
      "    IF x.a > 0 { price * 0.8 } ELSE { '}' ; 0 }\n"
      "}\n"
      "SELECT 1;";
  auto st = SplitStatements(script, nullptr);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, script.substr(0, script.find("}\nSELECT") + 1));
  EXPECT_EQ(st[1].text, "SELECT 1");
  EXPECT_EQ(st[1].line, 9);
}

TEST(SplitStatementsTest, StructTypeBracesInAFunctionSignatureDoNotEndIt) {
  EXPECT_EQ(Texts("create or replace function f(p: STRUCT { a: INT }) "
                  "RETURNS STRUCT { b: INT } { {b: p.a} } SELECT 2;"),
            (Strings{"create or replace function f(p: STRUCT { a: INT }) "
                     "RETURNS STRUCT { b: INT } { {b: p.a} }",
                     "SELECT 2"}));
}

TEST(SplitStatementsTest, BracesInOrdinaryStatementsDoNotEndThem) {
  EXPECT_EQ(Texts("SET j = {a: {b: 1}} ; SELECT {j};"),
            (Strings{"SET j = {a: {b: 1}}", "SELECT {j}"}));
  EXPECT_EQ(Texts("SELECT {x}\nFROM t;"), (Strings{"SELECT {x}\nFROM t"}));
}

TEST(SplitStatementsTest, UnfinishedTailIsIncomplete) {
  std::string rest;
  auto st = SplitStatements("SELECT 1; SELECT 2", &rest);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(rest, "SELECT 2");

  st = SplitStatements("SELECT 1;\nSELECT 'abc;\nmore", &rest);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(rest, "SELECT 'abc;\nmore");

  st = SplitStatements("SELECT 1; /* still open; SELECT 2;", &rest);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(rest, "/* still open; SELECT 2;");

  st = SplitStatements("CREATE FUNCTION f() RETURNS INT {\n  1;", &rest);
  EXPECT_TRUE(st.empty());
  EXPECT_EQ(rest, "CREATE FUNCTION f() RETURNS INT {\n  1;");

  st = SplitStatements("SELECT 1; -- trailing comment", &rest);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(rest, "");

  st = SplitStatements("SELECT `unterminated", &rest);
  EXPECT_TRUE(st.empty());
  EXPECT_EQ(rest, "SELECT `unterminated");
}

TEST(SplitStatementsTest, WithoutIncompleteTheTailIsTheLastStatement) {
  auto st = SplitStatements("SELECT 1; SELECT 2 -- no semicolon\n", nullptr);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].text, "SELECT 2");
  EXPECT_EQ(st[1].offset, 10u);

  st = SplitStatements("SELECT 'open", nullptr);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text, "SELECT 'open");
}

TEST(SplitStatementsTest, BadCharactersStayInTheirStatement) {
  EXPECT_EQ(Texts("SELECT @x; SELECT 1;"), (Strings{"SELECT @x", "SELECT 1"}));
  EXPECT_EQ(Texts("§; SELECT 1;"), (Strings{"§", "SELECT 1"}));
  EXPECT_EQ(Texts("SELECT 12abc; SELECT 1;"), (Strings{"SELECT 12abc", "SELECT 1"}));
}

TEST(SplitStatementsTest, TheSeedScript) {
  std::string script = R"(-- can now set variables
SET myvar1 = "mytable";
SELECT * FROM {myvar1} WHERE id = 1;

-- basic data types, JSON with comments inside
SET myjson = {
    -- i can make a comment
    "key1ofjson": "myvaalue"
};

-- SELECT and FROM can change places
SELECT * FROM mytable WHERE id = 1;
FROM mytable SELECT * WHERE id = 1;

CREATE TYPE MyStruct AS STRUCT(k : INT64, l : TEXT);
CREATE TYPE MyStruck AS STRUCT {
    k: INT64,
    l: TEXT
}
CREATE TYPE ValidationError AS EXCEPTION ("Data validation failed");

-- a function with a receiver, like a Go method
CREATE FUNCTION [MyReceiver] myfunctionname (argname : MyStruct)
RETURNS FLOAT
RAISE ValidationError
{
    -- i am a function here
    price * 0.8
}
)";
  std::string rest = "x";
  auto st = SplitStatements(script, &rest);
  EXPECT_EQ(rest, "");
  ASSERT_EQ(st.size(), 9u);
  EXPECT_EQ(st[0].text, "SET myvar1 = \"mytable\"");
  EXPECT_EQ(st[0].line, 2);
  EXPECT_EQ(st[2].line, 6);
  EXPECT_EQ(st[2].text.substr(0, 14), "SET myjson = {");
  EXPECT_EQ(st[4].text, "FROM mytable SELECT * WHERE id = 1");
  EXPECT_EQ(st[6].line, 16);
  EXPECT_EQ(st[7].text, "CREATE TYPE ValidationError AS EXCEPTION (\"Data validation failed\")");
  EXPECT_EQ(st[8].line, 23);
  EXPECT_EQ(st[8].text.substr(st[8].text.size() - 13), "price * 0.8\n}");
}

TEST(SplitStatementsTest, NeverFailsOnArbitraryBytes) {
  uint32_t seed = 7;
  const char alphabet[] = "ab ;'\"`{}()-/*\n\\x§";
  for (int round = 0; round < 5000; ++round) {
    std::string script;
    for (int i = 0; i < round % 50; ++i) {
      seed = seed * 1103515245 + 12345;
      script.push_back(alphabet[(seed >> 16) % (sizeof(alphabet) - 1)]);
    }
    std::string rest;
    for (const StatementText& st : SplitStatements(script, &rest)) {
      ASSERT_LE(st.offset + st.text.size(), script.size());
      EXPECT_EQ(script.substr(st.offset, st.text.size()), st.text);
    }
  }
}

}  // namespace
}  // namespace kodiak
