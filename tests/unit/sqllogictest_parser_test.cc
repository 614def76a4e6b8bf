// Tests of the sqllogictest runner's pure parts: the record parser
// (tools/sqllogictest/record_parser.h), value rendering and result comparison.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kodiak/value.h"
#include "record_parser.h"
#include "result_checker.h"
#include "value_renderer.h"

namespace kodiak::slt {
namespace {

ParsedFile Parse(const std::string& text) { return ParseRecords("t.test", text); }

// Parses text that must hold exactly one record.
Record One(const std::string& text) {
  ParsedFile f = Parse(text);
  EXPECT_EQ(f.records.size(), 1u) << text;
  return f.records.empty() ? Record{} : f.records[0];
}

// --- statement -------------------------------------------------------------

TEST(SltParser, StatementOk) {
  Record r = One("statement ok\nCREATE TABLE t(a INT)\n");
  EXPECT_EQ(r.kind, RecordKind::kStatement);
  EXPECT_EQ(r.outcome, Outcome::kOk);
  EXPECT_EQ(r.sql, "CREATE TABLE t(a INT)");
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(r.sql_line, 2);
  EXPECT_TRUE(r.connection.empty());
  EXPECT_TRUE(r.expected_error.empty());
}

TEST(SltParser, StatementMultiLineSqlKeepsLines) {
  Record r = One("statement ok\nINSERT INTO t\n  VALUES (1),\n  (2)\n");
  EXPECT_EQ(r.sql, "INSERT INTO t\n  VALUES (1),\n  (2)");
}

TEST(SltParser, StatementErrorWithAndWithoutMessage) {
  Record plain = One("statement error\nSELECT * FROM nope\n");
  EXPECT_EQ(plain.outcome, Outcome::kError);
  EXPECT_TRUE(plain.expected_error.empty());

  Record msg = One("statement error\nSELECT * FROM nope\n----\nunknown table\nsecond line\n");
  EXPECT_EQ(msg.outcome, Outcome::kError);
  EXPECT_EQ(msg.sql, "SELECT * FROM nope");
  EXPECT_EQ(msg.expected_error, "unknown table\nsecond line");
}

TEST(SltParser, StatementMaybeAndConnection) {
  Record r = One("statement maybe con1\nBEGIN\n----\nalready\n");
  EXPECT_EQ(r.outcome, Outcome::kMaybe);
  EXPECT_EQ(r.connection, "con1");
  EXPECT_EQ(r.expected_error, "already");
}

TEST(SltParser, StatementMalformed) {
  Record r = One("statement okay\nSELECT 1\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:1: statement argument should be 'ok', 'error' or 'maybe', not 'okay'");

  r = One("statement\nSELECT 1\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_NE(r.error.find("t.test:1:"), std::string::npos);

  r = One("\n\nstatement ok\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:3: statement has no SQL");

  r = One("statement ok\nSELECT 1\n----\nboom\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:3: 'statement ok' cannot have an expected error after ----");
}

// --- query -----------------------------------------------------------------

TEST(SltParser, QuerySqliteForm) {
  Record r = One("query IT rowsort\nSELECT a, b\n  FROM t\n----\n1\none\n2\ntwo\n");
  EXPECT_EQ(r.kind, RecordKind::kQuery);
  EXPECT_EQ(r.types, "IT");
  EXPECT_EQ(r.sort, SortMode::kRowSort);
  EXPECT_TRUE(r.label.empty());
  EXPECT_EQ(r.sql, "SELECT a, b\n  FROM t");
  EXPECT_TRUE(r.has_result_block);
  EXPECT_EQ(r.expected, (std::vector<std::string>{"1", "one", "2", "two"}));
  EXPECT_EQ(r.expected_line, 5);
}

TEST(SltParser, QuerySortModesLabelAndConnection) {
  EXPECT_EQ(One("query I\nSELECT 1\n----\n1\n").sort, SortMode::kNoSort);
  EXPECT_EQ(One("query I nosort\nSELECT 1\n----\n1\n").sort, SortMode::kNoSort);
  EXPECT_EQ(One("query I sort\nSELECT 1\n----\n1\n").sort, SortMode::kRowSort);
  EXPECT_EQ(One("query I valuesort\nSELECT 1\n----\n1\n").sort, SortMode::kValueSort);

  Record labeled = One("query I rowsort label-7\nSELECT 1\n----\n1\n");
  EXPECT_EQ(labeled.label, "label-7");
  EXPECT_TRUE(labeled.connection.empty());

  Record con = One("query I con2\nSELECT 1\n----\n1\n");
  EXPECT_EQ(con.connection, "con2");
  EXPECT_EQ(con.sort, SortMode::kNoSort);
}

TEST(SltParser, QueryTabRowsHashAndEmptyResult) {
  Record rows = One("query IT\nSELECT 1, 'a'\n----\n1\ta\n");
  EXPECT_EQ(rows.expected, std::vector<std::string>{"1\ta"});

  Record hash =
      One("query I\nSELECT 1\n----\n30 values hashing to 3c13dee48d9356ae19af2515e05e6b54\n");
  ASSERT_EQ(hash.expected.size(), 1u);
  EXPECT_TRUE(IsHashLine(hash.expected[0]));

  Record empty = One("query I\nSELECT 1 WHERE false\n----\n");
  EXPECT_TRUE(empty.has_result_block);
  EXPECT_TRUE(empty.expected.empty());

  Record none = One("query I\nSELECT 1\n");
  EXPECT_FALSE(none.has_result_block);
}

TEST(SltParser, QueryMalformed) {
  Record r = One("query IXT\nSELECT 1\n----\n1\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:1: unknown type character 'X' in 'IXT' (expected T, I or R)");

  r = One("query\nSELECT 1\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:1: query needs a type string (e.g. 'query II')");

  r = One("query I\n----\n1\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:1: query has no SQL");
}

// --- conditions ------------------------------------------------------------

TEST(SltParser, SkipifOnlyif) {
  Record r = One("skipif MySQL\nonlyif kodiak # why\nquery I\nSELECT 1\n----\n1\n");
  EXPECT_EQ(r.kind, RecordKind::kQuery);
  EXPECT_EQ(r.line, 3);
  ASSERT_EQ(r.conditions.size(), 2u);
  EXPECT_TRUE(r.conditions[0].skip_if);
  EXPECT_EQ(r.conditions[0].engine, "mysql");
  EXPECT_FALSE(r.conditions[1].skip_if);
  EXPECT_EQ(r.conditions[1].engine, "kodiak");

  Record halt = One("onlyif mssql\nhalt\n");
  EXPECT_EQ(halt.kind, RecordKind::kHalt);
  ASSERT_EQ(halt.conditions.size(), 1u);
}

TEST(SltParser, SkipifMalformed) {
  Record r = One("skipif\nstatement ok\nSELECT 1\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:1: 'skipif' needs an engine name (e.g. 'skipif sqlite')");

  r = One("onlyif sqlite\n");
  EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(r.error, "t.test:1: 'onlyif' must be followed by the record it guards");
}

// --- one-line directives ---------------------------------------------------

TEST(SltParser, Directives) {
  ParsedFile f = Parse(
      "hash-threshold 8\n\nhalt\n\nmode skip\n\nmode unskip\n\nset ignore_error_messages x\n\n"
      "require parquet\n\nrequire-env HOME\n\nload __TEST_DIR__/a.db\n\nload\n\nrestart\n\n"
      "reconnect\n\nsleep 2 milliseconds\n\nsleep 1 second\n");
  ASSERT_EQ(f.records.size(), 13u);
  EXPECT_EQ(f.records[0].kind, RecordKind::kHashThreshold);
  EXPECT_EQ(f.records[0].number, 8);
  EXPECT_EQ(f.records[1].kind, RecordKind::kHalt);
  EXPECT_EQ(f.records[2].kind, RecordKind::kMode);
  EXPECT_EQ(f.records[2].args[0], "skip");
  EXPECT_EQ(f.records[3].args[0], "unskip");
  EXPECT_EQ(f.records[4].kind, RecordKind::kSet);
  EXPECT_EQ(f.records[5].kind, RecordKind::kRequire);
  EXPECT_EQ(f.records[5].args[0], "parquet");
  EXPECT_EQ(f.records[6].kind, RecordKind::kRequireEnv);
  EXPECT_EQ(f.records[7].kind, RecordKind::kLoad);
  EXPECT_EQ(f.records[7].args[0], "__TEST_DIR__/a.db");
  EXPECT_EQ(f.records[8].kind, RecordKind::kLoad);
  EXPECT_TRUE(f.records[8].args.empty());
  EXPECT_EQ(f.records[9].kind, RecordKind::kRestart);
  EXPECT_EQ(f.records[10].kind, RecordKind::kReconnect);
  EXPECT_EQ(f.records[11].kind, RecordKind::kSleep);
  EXPECT_EQ(f.records[11].number, 2000000);
  EXPECT_EQ(f.records[12].number, 1000000000);
  EXPECT_EQ(f.records[12].line, 25);
}

TEST(SltParser, DirectivesMalformed) {
  auto error_of = [](const std::string& text) {
    Record r = One(text);
    EXPECT_EQ(r.kind, RecordKind::kInvalid) << text;
    return r.error;
  };
  EXPECT_EQ(error_of("hash-threshold\n"), "t.test:1: hash-threshold needs one non-negative number");
  EXPECT_EQ(error_of("hash-threshold x\n"),
            "t.test:1: hash-threshold needs one non-negative number");
  EXPECT_EQ(error_of("hash-threshold -1\n"),
            "t.test:1: hash-threshold needs one non-negative number");
  EXPECT_EQ(error_of("mode\n"), "t.test:1: mode needs one argument (e.g. 'mode skip')");
  EXPECT_EQ(error_of("require\n"), "t.test:1: require needs a name");
  EXPECT_EQ(error_of("require-env A B C\n"), "t.test:1: expected 'require-env VAR [VALUE]'");
  EXPECT_EQ(error_of("load a b\n"), "t.test:1: expected 'load [PATH] [readonly]'");
  EXPECT_EQ(error_of("sleep 1 fortnight\n"), "t.test:1: unknown sleep unit 'fortnight'");
  EXPECT_EQ(error_of("sleep x second\n"),
            "t.test:1: expected 'sleep N UNIT' (e.g. 'sleep 1 second')");
  EXPECT_EQ(error_of("frobnicate now\n"), "t.test:1: unknown record type 'frobnicate'");
  EXPECT_EQ(error_of("statment ok\nSELECT 1\n"), "t.test:1: unknown record type 'statment'");
  EXPECT_EQ(error_of("hash-threshold 8\nstatement ok\nSELECT 1\n"),
            "t.test:2: 'hash-threshold' takes one line; a blank line must follow it");
}

// --- loops -----------------------------------------------------------------

TEST(SltParser, LoopsMatch) {
  ParsedFile f = Parse(
      "loop i 0 10\n\nforeach t int text <signed>\n\nstatement ok\nSELECT ${i}::${t}\n\n"
      "endloop\n\nendloop\n");
  ASSERT_EQ(f.records.size(), 5u);
  const Record& loop = f.records[0];
  EXPECT_EQ(loop.kind, RecordKind::kLoop);
  EXPECT_EQ(loop.loop_var, "i");
  EXPECT_EQ(loop.loop_start, 0);
  EXPECT_EQ(loop.loop_end, 10);
  EXPECT_EQ(loop.match, 4u);
  const Record& each = f.records[1];
  EXPECT_EQ(each.kind, RecordKind::kForeach);
  EXPECT_EQ(each.loop_var, "t");
  EXPECT_EQ(each.values,
            (std::vector<std::string>{"int", "text", "tinyint", "smallint", "integer", "bigint"}));
  EXPECT_EQ(each.match, 3u);
  EXPECT_EQ(f.records[3].kind, RecordKind::kEndLoop);
  EXPECT_EQ(f.records[3].match, 1u);
  EXPECT_EQ(f.records[4].match, 0u);
  EXPECT_EQ(f.records[2].sql, "SELECT ${i}::${t}");  // substitution happens when running
}

TEST(SltParser, LoopsMalformed) {
  ParsedFile f = Parse("endloop\n\nloop i 0\n\nloop i a b\n\nforeach x\n\nloop j 0 3\n");
  ASSERT_EQ(f.records.size(), 5u);
  for (const Record& r : f.records) EXPECT_EQ(r.kind, RecordKind::kInvalid);
  EXPECT_EQ(f.records[0].error, "t.test:1: endloop without a loop or foreach");
  EXPECT_EQ(f.records[1].error, "t.test:3: expected 'loop VAR START END' (e.g. 'loop i 0 10')");
  EXPECT_EQ(f.records[2].error, "t.test:5: loop START and END must be integers");
  EXPECT_EQ(f.records[3].error,
            "t.test:7: expected 'foreach VAR VALUE...' (e.g. 'foreach t int text')");
  EXPECT_EQ(f.records[4].error, "t.test:9: 'loop' without a matching endloop");
}

// --- lines, comments, headers ----------------------------------------------

TEST(SltParser, CommentsAreInvisibleAndHeadersKept) {
  ParsedFile f = Parse(
      "# name: test/sql/x.test\n# description: what it is\n# group: [sql]\n\n"
      "query I nosort\n# a comment inside the record\nSELECT 1\n# another\n----\n# and in the "
      "result\n1\n");
  EXPECT_EQ(f.name, "test/sql/x.test");
  EXPECT_EQ(f.description, "what it is");
  ASSERT_EQ(f.records.size(), 1u);
  EXPECT_EQ(f.records[0].sql, "SELECT 1");
  EXPECT_EQ(f.records[0].expected, std::vector<std::string>{"1"});
  EXPECT_EQ(f.records[0].line, 5);
}

TEST(SltParser, CrLfWhitespaceLinesAndBom) {
  ParsedFile f = Parse(
      "\xEF\xBB\xBFstatement ok\r\nSELECT 1\r\n  \t \r\nquery I rowsort\r\nSELECT "
      "2\r\n----\r\n2\r\n");
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0].sql, "SELECT 1");
  EXPECT_EQ(f.records[1].sort, SortMode::kRowSort);
  EXPECT_EQ(f.records[1].expected, std::vector<std::string>{"2"});
  EXPECT_EQ(f.records[1].line, 4);
}

TEST(SltParser, ManyBlankLinesAndNoTrailingNewline) {
  ParsedFile f = Parse("\n\n\nstatement ok\nSELECT 1\n\n\n\nhalt");
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0].line, 4);
  EXPECT_EQ(f.records[1].kind, RecordKind::kHalt);
  EXPECT_EQ(f.records[1].line, 9);
  EXPECT_TRUE(Parse("").records.empty());
  EXPECT_TRUE(Parse("# only a comment").records.empty());
}

TEST(SltParser, DashesToleratesTrailingSpace) {
  Record r = One("query I\nSELECT 1\n----  \n1\n");
  EXPECT_TRUE(r.has_result_block);
  EXPECT_EQ(r.sql, "SELECT 1");
}

// Random bytes and random mixes of keywords never crash the parser, and every
// invalid record names the file and a line that exists.
TEST(SltParser, GarbageNeverCrashes) {
  const std::vector<std::string> pieces = {"statement",
                                           "query",
                                           "ok",
                                           "error",
                                           "maybe",
                                           "----",
                                           "\n",
                                           "\n\n",
                                           " ",
                                           "\t",
                                           "#",
                                           "skipif",
                                           "onlyif",
                                           "loop",
                                           "foreach",
                                           "endloop",
                                           "halt",
                                           "hash-threshold",
                                           "mode",
                                           "I",
                                           "IT",
                                           "R",
                                           "rowsort",
                                           "label",
                                           "x",
                                           "1",
                                           "-5",
                                           "99999999999999999999",
                                           "\r",
                                           "\r\n",
                                           "require",
                                           "load",
                                           "restart",
                                           "sleep",
                                           "second",
                                           "SELECT 1",
                                           "${i}",
                                           "\xff",
                                           std::string("\0", 1)};
  std::mt19937 rng(42);
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      if (rng() % 8 == 0) {
        text += static_cast<char>(rng() % 256);
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    int lines = 1;
    for (char c : text) lines += c == '\n';
    ParsedFile f = Parse(text);
    for (size_t i = 0; i < f.records.size(); ++i) {
      const Record& r = f.records[i];
      EXPECT_GE(r.line, 1);
      EXPECT_LE(r.line, lines);
      if (r.kind == RecordKind::kInvalid) {
        EXPECT_EQ(r.error.rfind("t.test:" + std::to_string(r.line) + ": ", 0), 0u) << r.error;
      }
      if (r.kind == RecordKind::kLoop || r.kind == RecordKind::kForeach ||
          r.kind == RecordKind::kEndLoop) {
        ASSERT_LT(r.match, f.records.size());
        EXPECT_EQ(f.records[r.match].match, i);
      }
    }
  }
}

// --- value rendering -------------------------------------------------------

TEST(SltRender, NullAndText) {
  EXPECT_EQ(RenderValue(Value::Null(TypeId::kInt64), 'I'), "NULL");
  EXPECT_EQ(RenderValue(Value::Null(), 'T'), "NULL");
  EXPECT_EQ(RenderValue(Value::Text(""), 'T'), "(empty)");
  EXPECT_EQ(RenderValue(Value::Text("a\tb\nc"), 'T'), "a@b@c");
  EXPECT_EQ(RenderValue(Value::Text("caf\xC3\xA9"), 'T'), "caf\xC3\xA9");
  EXPECT_EQ(RenderValue(Value::Text("bad\xFF"), 'T'), "bad@");
}

TEST(SltRender, Integer) {
  EXPECT_EQ(RenderValue(Value::Int64(-42), 'I'), "-42");
  EXPECT_EQ(RenderValue(Value::Bool(true), 'I'), "1");
  EXPECT_EQ(RenderValue(Value::Float64(2.9), 'I'), "2");
  EXPECT_EQ(RenderValue(Value::Float64(-2.9), 'I'), "-2");
  EXPECT_EQ(RenderValue(Value::Float64(1e300), 'I'), "9223372036854775807");
  EXPECT_EQ(RenderValue(Value::Decimal(-1239, 10, 2), 'I'), "-12");
  EXPECT_EQ(RenderValue(Value::Text("12abc"), 'I'), "12");
  EXPECT_EQ(RenderValue(Value::Text("abc"), 'I'), "0");
  EXPECT_EQ(RenderValue(Value::Text(" -7.9"), 'I'), "-7");
}

TEST(SltRender, Real) {
  EXPECT_EQ(RenderValue(Value::Int64(3), 'R'), "3.000");
  EXPECT_EQ(RenderValue(Value::Float64(1.23456), 'R'), "1.235");
  EXPECT_EQ(RenderValue(Value::Float64(-0.0), 'R'), "0.000");
  EXPECT_EQ(RenderValue(Value::Float64(0.0625), 'R'), "0.063");  // a tie: away from zero
  EXPECT_EQ(RenderValue(Value::Float64(-1.0625), 'R'), "-1.063");
  EXPECT_EQ(RenderValue(Value::Decimal(12345, 10, 4), 'R'), "1.235");
  EXPECT_EQ(RenderValue(Value::Decimal(-5, 10, 1), 'R'), "-0.500");
  EXPECT_EQ(RenderValue(Value::Text("1.5e1x"), 'R'), "15.000");
  EXPECT_EQ(RenderValue(Value::Text("x"), 'R'), "0.000");
  EXPECT_EQ(RenderValue(Value::Bool(false), 'R'), "0.000");
}

TEST(SltRender, Prefixes) {
  EXPECT_EQ(ParseIntPrefix("99999999999999999999"), INT64_MAX);
  EXPECT_EQ(ParseIntPrefix("-99999999999999999999"), INT64_MIN);
  EXPECT_EQ(ParseIntPrefix("-9223372036854775808"), INT64_MIN);
  EXPECT_EQ(ParseIntPrefix("+5"), 5);
  EXPECT_EQ(ParseIntPrefix(""), 0);
  EXPECT_DOUBLE_EQ(ParseRealPrefix(".5"), 0.5);
  EXPECT_DOUBLE_EQ(ParseRealPrefix("2e"), 2.0);
  EXPECT_DOUBLE_EQ(ParseRealPrefix("-"), 0.0);
  EXPECT_DOUBLE_EQ(ParseRealPrefix("inf"), 0.0);
}

// --- result comparison -----------------------------------------------------

RenderedResult Rows(size_t columns, std::vector<std::string> values) {
  RenderedResult r;
  r.columns = columns;
  r.values = std::move(values);
  return r;
}

TEST(SltCheck, Sorting) {
  RenderedResult r = Rows(2, {"b", "1", "a", "2", "b", "0"});
  SortResult(SortMode::kRowSort, &r);
  EXPECT_EQ(r.values, (std::vector<std::string>{"a", "2", "b", "0", "b", "1"}));
  SortResult(SortMode::kValueSort, &r);
  EXPECT_EQ(r.values, (std::vector<std::string>{"0", "1", "2", "a", "b", "b"}));
}

TEST(SltCheck, HashLine) {
  // From SQLite's corpus conventions: MD5 of "1\n2\n3\n".
  EXPECT_EQ(HashLine({"1", "2", "3"}), "3 values hashing to c0710d6b4f15dfa88f600b0e6b624077");
  EXPECT_TRUE(IsHashLine("3 values hashing to c0710d6b4f15dfa88f600b0e6b624077"));
  EXPECT_FALSE(IsHashLine("values hashing to c0710d6b4f15dfa88f600b0e6b624077"));
  EXPECT_FALSE(IsHashLine("3 values hashing to c0710d6b"));
}

TEST(SltCheck, ValuePerLineRowPerLineAndHash) {
  RenderedResult r = Rows(2, {"1", "one", "2", "two"});
  EXPECT_TRUE(CompareResult(r, 2, {"1", "one", "2", "two"}).ok);
  EXPECT_TRUE(CompareResult(r, 2, {"1\tone", "2\ttwo"}).ok);
  EXPECT_TRUE(CompareResult(r, 2, {HashLine(r.values)}).ok);

  Verdict v = CompareResult(r, 2, {"1", "one", "2", "three"});
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message.substr(0, v.message.find('\n')),
            "wrong result at row 2, column 2: expected 'three', got 'two'");

  v = CompareResult(r, 2, {"1\tone"});
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message.substr(0, v.message.find('\n')),
            "wrong row count: expected 1 row, got 2 rows");

  v = CompareResult(r, 2, {"1\tone\tx", "2\ttwo\ty"});
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message.substr(0, v.message.find('\n')),
            "expected row 1 has 3 values but the result has 2 columns");

  v = CompareResult(r, 3, {"1", "one", "2", "two"});
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message.substr(0, v.message.find('\n')),
            "wrong number of columns: the query declares 3, the result has 2");

  v = CompareResult(r, 2, {"4 values hashing to 00000000000000000000000000000000"});
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message.substr(0, v.message.find('\n')), "wrong result hash");

  EXPECT_TRUE(CompareResult(Rows(1, {}), 1, {}).ok);
  EXPECT_FALSE(CompareResult(Rows(1, {"1"}), 1, {}).ok);
}

}  // namespace
}  // namespace kodiak::slt
