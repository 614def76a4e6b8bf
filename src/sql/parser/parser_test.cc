#include "sql/parser/parser.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace kodiak::sql {
namespace {

// ---------------------------------------------------------------------------
// A compact printout of expression trees: (op left right), f(args), ...

std::string Show(const Expr* e);

std::string ShowValue(const Value& v) {
  if (v.is_null()) return "NULL";
  switch (v.type().id()) {
    case TypeId::kBool:
      return v.bool_value() ? "true" : "false";
    case TypeId::kInt64:
      return std::to_string(v.int_value());
    case TypeId::kText:
      return "'" + v.str_value() + "'";
    case TypeId::kBlob:
      return "blob(" + std::to_string(v.str_value().size()) + ")";
    case TypeId::kFloat64: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "f(%g)", v.float_value());
      return buf;
    }
    case TypeId::kDecimal: {
      __int128 u = v.decimal_value();
      bool neg = u < 0;
      unsigned __int128 a = neg ? -static_cast<unsigned __int128>(u) : u;
      std::string digits;
      do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(a % 10)));
        a /= 10;
      } while (a != 0);
      return "dec(" + std::string(neg ? "-" : "") + digits + "," +
             std::to_string(v.type().precision()) + "," + std::to_string(v.type().scale()) + ")";
    }
    default:
      return "?value";
  }
}

std::string ShowType(const TypeName& t) { return t.resolved ? t.type.ToString() : "?" + t.name; }

std::string ShowArgs(const Expr* e, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < e->args.size(); ++i) {
    out += ' ';
    out += Show(e->args[i].get());
  }
  return out;
}

const char* OpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kConcat:
      return "||";
    case BinaryOp::kEq:
      return "=";
    case BinaryOp::kNotEq:
      return "!=";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLtEq:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGtEq:
      return ">=";
    case BinaryOp::kAnd:
      return "and";
    case BinaryOp::kOr:
      return "or";
    case BinaryOp::kJsonGet:
      return "->";
    case BinaryOp::kJsonGetText:
      return "->>";
    case BinaryOp::kBitAnd:
      return "&";
    case BinaryOp::kBitOr:
      return "|";
    case BinaryOp::kShiftLeft:
      return "<<";
    case BinaryOp::kShiftRight:
      return ">>";
  }
  return "?";
}

std::string ShowNames(const std::vector<Name>& names) {
  std::string out;
  for (const Name& n : names) {
    if (!out.empty()) out += ".";
    out += n.quoted ? "`" + n.text + "`" : n.from_variable ? "{" + n.text + "}" : n.text;
  }
  return out;
}

std::string Show(const Expr* e) {
  if (e == nullptr) return "null";
  const std::string neg = e->negated ? "not-" : "";
  switch (e->kind) {
    case ExprKind::kLiteral:
      return ShowValue(e->value);
    case ExprKind::kColumnRef:
      return ShowNames(e->names);
    case ExprKind::kStar:
      return e->names.empty() ? "*" : ShowNames(e->names) + ".*";
    case ExprKind::kDefault:
      return "default";
    case ExprKind::kBlock:
      return "block";
    case ExprKind::kMatch:
      return "match(" + Show(e->args[0].get()) + ")";
    case ExprKind::kRaise:
      return "raise(" + e->text + ")";
    case ExprKind::kTry:
      return "try(" + Show(e->args[0].get()) + ")";
    case ExprKind::kVariable:
      return "{" + e->text + "}";
    case ExprKind::kUnary: {
      const char* op = e->unary_op == UnaryOp::kNegate ? "neg"
                       : e->unary_op == UnaryOp::kPlus ? "pos"
                       : e->unary_op == UnaryOp::kNot  ? "not"
                                                       : "~";
      return std::string("(") + op + ShowArgs(e) + ")";
    }
    case ExprKind::kBinary:
      return std::string("(") + OpName(e->binary_op) + ShowArgs(e) + ")";
    case ExprKind::kFunction: {
      std::string out = e->text + "(";
      if (e->distinct) out += "distinct ";
      if (e->star_arg) out += "*";
      for (size_t i = 0; i < e->args.size(); ++i) {
        out += (i ? ", " : "") + Show(e->args[i].get());
      }
      return out + ")";
    }
    case ExprKind::kCast:
      return std::string(e->try_cast ? "(try_cast" : "(cast") + ShowArgs(e) + " " +
             ShowType(e->cast_type) + ")";
    case ExprKind::kCase: {
      std::string out = "(case";
      if (e->args[0]) out += " " + Show(e->args[0].get());
      for (const auto& [w, t] : e->when_then) {
        out += " (when " + Show(w.get()) + " " + Show(t.get()) + ")";
      }
      if (e->args[1]) out += " (else " + Show(e->args[1].get()) + ")";
      return out + ")";
    }
    case ExprKind::kIsNull:
      return std::string(e->negated ? "(notnull" : "(isnull") + ShowArgs(e) + ")";
    case ExprKind::kBetween:
      return "(" + neg + "between" + ShowArgs(e) + ")";
    case ExprKind::kInList:
      return "(" + neg + "in" + ShowArgs(e) + ")";
    case ExprKind::kInSubquery:
      return "(" + neg + "in" + ShowArgs(e) + " <query>)";
    case ExprKind::kExists:
      return "(" + neg + "exists <query>)";
    case ExprKind::kSubquery:
      return "(subquery)";
    case ExprKind::kLike:
      return "(" + neg + (e->case_insensitive ? "ilike" : "like") + ShowArgs(e) + ")";
    case ExprKind::kStructLiteral: {
      std::string out = "{";
      for (size_t i = 0; i < e->args.size(); ++i) {
        out += (i ? ", " : "") + e->field_names[i] + ": " + Show(e->args[i].get());
      }
      return out + "}";
    }
    case ExprKind::kListLiteral: {
      std::string out = "[";
      for (size_t i = 0; i < e->args.size(); ++i) out += (i ? ", " : "") + Show(e->args[i].get());
      return out + "]";
    }
    case ExprKind::kIndex:
      return "(index" + ShowArgs(e) + ")";
    case ExprKind::kFieldAccess:
      return "(." + ShowArgs(e) + " " + e->text + ")";
    case ExprKind::kIsDistinct:
      return std::string(e->negated ? "(is-not-distinct" : "(is-distinct") + ShowArgs(e) + ")";
  }
  return "?";
}

// Parses one expression and prints it; failures print as "error: ...".
std::string E(std::string_view sql) {
  auto r = Parser::ParseExpression(sql);
  if (!r.ok()) return "error: " + r.status().ToString();
  return Show(r->get());
}

template <typename T>
std::unique_ptr<T> Parse(std::string_view sql) {
  auto r = Parser::ParseStatement(sql);
  EXPECT_TRUE(r.ok()) << sql << "\n" << r.status().ToString();
  if (!r.ok()) return nullptr;
  StatementPtr stmt = std::move(r).value();
  T* typed = dynamic_cast<T*>(stmt.get());
  EXPECT_NE(typed, nullptr) << sql;
  if (typed == nullptr) return nullptr;
  stmt.release();
  return std::unique_ptr<T>(typed);
}

SelectPtr Query(std::string_view sql) {
  auto stmt = Parse<SelectStatement>(sql);
  return stmt ? std::move(stmt->query) : nullptr;
}

Status Fail(std::string_view sql) {
  auto r = Parser::ParseStatement(sql);
  EXPECT_FALSE(r.ok()) << "parsed but should not: " << sql;
  if (r.ok()) return Status::OK();
  EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError) << sql;
  return r.status();
}

// ---------------------------------------------------------------------------
// Expressions: precedence

TEST(ParserExprTest, ArithmeticPrecedence) {
  EXPECT_EQ(E("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(E("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(E("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(E("a / b % c * d"), "(* (% (/ a b) c) d)");
  EXPECT_EQ(E("-a * b"), "(* (neg a) b)");
  EXPECT_EQ(E("- - a"), "(neg (neg a))");
  EXPECT_EQ(E("+a"), "(pos a)");
  EXPECT_EQ(E("~a & b"), "(& (~ a) b)");
  EXPECT_EQ(E("2 -1"), "(- 2 1)");
}

TEST(ParserExprTest, LogicalPrecedence) {
  EXPECT_EQ(E("a OR b AND c"), "(or a (and b c))");
  EXPECT_EQ(E("a AND b OR c"), "(or (and a b) c)");
  EXPECT_EQ(E("NOT a = b"), "(not (= a b))");
  EXPECT_EQ(E("NOT a AND b"), "(and (not a) b)");
  EXPECT_EQ(E("a AND NOT b OR NOT NOT c"), "(or (and a (not b)) (not (not c)))");
  EXPECT_EQ(E("a = 1 AND b <> 2 OR c >= 3"), "(or (and (= a 1) (!= b 2)) (>= c 3))");
}

TEST(ParserExprTest, ComparisonOperators) {
  EXPECT_EQ(E("a = b"), "(= a b)");
  EXPECT_EQ(E("a == b"), "(= a b)");
  EXPECT_EQ(E("a != b"), "(!= a b)");
  EXPECT_EQ(E("a <> b"), "(!= a b)");
  EXPECT_EQ(E("a < b"), "(< a b)");
  EXPECT_EQ(E("a <= b"), "(<= a b)");
  EXPECT_EQ(E("a > b"), "(> a b)");
  EXPECT_EQ(E("a >= b"), "(>= a b)");
  EXPECT_EQ(E("a + 1 < b * 2"), "(< (+ a 1) (* b 2))");
}

TEST(ParserExprTest, BitConcatAndJsonOperators) {
  EXPECT_EQ(E("a | b & c"), "(& (| a b) c)");
  EXPECT_EQ(E("1 << 2 + 3"), "(<< 1 (+ 2 3))");
  EXPECT_EQ(E("a >> 1"), "(>> a 1)");
  EXPECT_EQ(E("a || b + c"), "(|| a (+ b c))");
  EXPECT_EQ(E("a + b || c"), "(|| (+ a b) c)");
  EXPECT_EQ(E("a | b || c"), "(| a (|| b c))");
  EXPECT_EQ(E("j -> 'a' ->> 'b'"), "(->> (-> j 'a') 'b')");
  EXPECT_EQ(E("j ->> 'k' = 'v'"), "(= (->> j 'k') 'v')");
}

TEST(ParserExprTest, CastBindsTighterThanUnaryMinus) {
  EXPECT_EQ(E("-x::INT"), "(neg (cast x INT32))");
  EXPECT_EQ(E("-1::TEXT"), "(neg (cast 1 TEXT))");
  EXPECT_EQ(E("a::TEXT || 'x'"), "(|| (cast a TEXT) 'x')");
  EXPECT_EQ(E("x::INT::TEXT"), "(cast (cast x INT32) TEXT)");
}

TEST(ParserExprTest, IsForms) {
  EXPECT_EQ(E("a IS NULL"), "(isnull a)");
  EXPECT_EQ(E("a IS NOT NULL"), "(notnull a)");
  EXPECT_EQ(E("a ISNULL"), "(isnull a)");
  EXPECT_EQ(E("a NOTNULL"), "(notnull a)");
  EXPECT_EQ(E("a NOT NULL"), "(notnull a)");  // SQLite
  EXPECT_EQ(E("a ISNULL OR b"), "(or (isnull a) b)");
  EXPECT_EQ(E("a + 1 IS NULL AND b"), "(and (isnull (+ a 1)) b)");
  // IS TRUE is IS NOT DISTINCT FROM TRUE: false (not NULL) for NULL.
  EXPECT_EQ(E("a IS TRUE"), "(is-not-distinct a true)");
  EXPECT_EQ(E("a IS NOT TRUE"), "(is-distinct a true)");
  EXPECT_EQ(E("a IS FALSE"), "(is-not-distinct a false)");
  EXPECT_EQ(E("a IS NOT FALSE"), "(is-distinct a false)");
  EXPECT_EQ(E("a IS DISTINCT FROM b + 1"), "(is-distinct a (+ b 1))");
  EXPECT_EQ(E("a IS NOT DISTINCT FROM b"), "(is-not-distinct a b)");
}

TEST(ParserExprTest, BetweenInLike) {
  EXPECT_EQ(E("a BETWEEN 1 AND 2"), "(between a 1 2)");
  EXPECT_EQ(E("a NOT BETWEEN 1 AND 2"), "(not-between a 1 2)");
  EXPECT_EQ(E("a BETWEEN 1 AND 2 AND b"), "(and (between a 1 2) b)");
  EXPECT_EQ(E("a BETWEEN x + 1 AND y * 2"), "(between a (+ x 1) (* y 2))");
  EXPECT_EQ(E("a IN (1, 2, 3)"), "(in a 1 2 3)");
  EXPECT_EQ(E("a NOT IN ('x')"), "(not-in a 'x')");
  EXPECT_EQ(E("a IN ()"), "(in a)");  // SQLite: always false
  EXPECT_EQ(E("a IN (SELECT b FROM t)"), "(in a <query>)");
  EXPECT_EQ(E("a NOT IN (FROM t SELECT b)"), "(not-in a <query>)");
  EXPECT_EQ(E("a LIKE 'x%'"), "(like a 'x%')");
  EXPECT_EQ(E("a NOT LIKE 'x%'"), "(not-like a 'x%')");
  EXPECT_EQ(E("a ILIKE 'x%'"), "(ilike a 'x%')");
  EXPECT_EQ(E("a NOT ILIKE 'x%'"), "(not-ilike a 'x%')");
  EXPECT_EQ(E("a LIKE 'x!%' ESCAPE '!'"), "(like a 'x!%' '!')");
  EXPECT_EQ(E("NOT a LIKE 'b'"), "(not (like a 'b'))");
}

// ---------------------------------------------------------------------------
// Expressions: literals

TEST(ParserExprTest, IntegerLiterals) {
  EXPECT_EQ(E("42"), "42");
  EXPECT_EQ(E("007"), "7");
  EXPECT_EQ(E("-42"), "-42");
  EXPECT_EQ(E("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(E("-9223372036854775808"), "-9223372036854775808");
  // Too large for INT64: DECIMAL(38,0), then FLOAT64.
  EXPECT_EQ(E("9223372036854775808"), "dec(9223372036854775808,38,0)");
  EXPECT_EQ(E("-9223372036854775809"), "dec(-9223372036854775809,38,0)");
  EXPECT_EQ(E("99999999999999999999999999999999999999"),
            "dec(99999999999999999999999999999999999999,38,0)");
  EXPECT_EQ(E("999999999999999999999999999999999999999"), "f(1e+39)");
}

TEST(ParserExprTest, DecimalAndFloatLiterals) {
  EXPECT_EQ(E("1.50"), "dec(150,3,2)");
  EXPECT_EQ(E("1.5"), "dec(15,2,1)");
  EXPECT_EQ(E(".5"), "dec(5,1,1)");
  EXPECT_EQ(E("0.05"), "dec(5,2,2)");
  EXPECT_EQ(E("1."), "dec(1,1,0)");
  EXPECT_EQ(E("-12.345"), "dec(-12345,5,3)");
  EXPECT_EQ(E("1e10"), "f(1e+10)");
  EXPECT_EQ(E("2.5E-3"), "f(0.0025)");
  EXPECT_EQ(E("-1e3"), "f(-1000)");
  EXPECT_EQ(E("1.0000000000000000000000000000000000000001"), "f(1)");
}

TEST(ParserExprTest, OtherLiterals) {
  EXPECT_EQ(E("'it''s'"), "'it's'");
  EXPECT_EQ(E("\"double\""), "'double'");
  EXPECT_EQ(E("TRUE"), "true");
  EXPECT_EQ(E("false"), "false");
  EXPECT_EQ(E("NULL"), "NULL");
  EXPECT_EQ(E("x'0102'"), "blob(2)");
}

TEST(ParserExprTest, NumberOutOfRangeIsAnError) {
  auto r = Parser::ParseExpression("1 + 1e999");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().position(), 4);
  EXPECT_NE(r.status().message().find("out of range"), std::string::npos);
}

TEST(ParserExprTest, TypedLiteralsAreCastsOfText) {
  EXPECT_EQ(E("DATE '2024-01-01'"), "(cast '2024-01-01' DATE)");
  EXPECT_EQ(E("TIMESTAMP '2024-01-01 10:00:00'"), "(cast '2024-01-01 10:00:00' TIMESTAMP)");
  EXPECT_EQ(E("timestamptz '2024-01-01'"), "(cast '2024-01-01' TIMESTAMPTZ)");
  EXPECT_EQ(E("INTERVAL '1 day'"), "(cast '1 day' INTERVAL)");
  EXPECT_EQ(E("INTERVAL '2' HOURS"), "(cast '2 hours' INTERVAL)");
  EXPECT_EQ(E("INTERVAL 3 DAY"), "(cast '3 day' INTERVAL)");
  EXPECT_EQ(E("JSON '{\"a\": 1}'"), "(cast '{\"a\": 1}' JSON)");
  EXPECT_EQ(E("d + INTERVAL '1 month'"), "(+ d (cast '1 month' INTERVAL))");
  // A column called date is still a column.
  EXPECT_EQ(E("date + 1"), "(+ date 1)");
}

// ---------------------------------------------------------------------------
// Expressions: names, calls, casts

TEST(ParserExprTest, ColumnPaths) {
  EXPECT_EQ(E("a"), "a");
  EXPECT_EQ(E("T.A"), "t.a");
  EXPECT_EQ(E("s.t.a"), "s.t.a");
  EXPECT_EQ(E("s.t.a.b"), "(. s.t.a b)");
  EXPECT_EQ(E("`My Col` + `t`.`X`"), "(+ `My Col` `t`.`X`)");
  EXPECT_EQ(E("key + value + type"), "(+ (+ key value) type)");
}

TEST(ParserExprTest, ColumnRefNamesCarryPositionsAndQuoting) {
  auto r = Parser::ParseExpression("t.`Col`");
  ASSERT_TRUE(r.ok());
  const Expr& e = **r;
  ASSERT_EQ(e.kind, ExprKind::kColumnRef);
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].pos, 0);
  EXPECT_FALSE(e.names[0].quoted);
  EXPECT_EQ(e.names[1].text, "Col");
  EXPECT_EQ(e.names[1].pos, 2);
  EXPECT_TRUE(e.names[1].quoted);
}

TEST(ParserExprTest, FunctionCalls) {
  EXPECT_EQ(E("count(*)"), "count(*)");
  EXPECT_EQ(E("COUNT(DISTINCT x)"), "count(distinct x)");
  EXPECT_EQ(E("sum(ALL x)"), "sum(x)");
  EXPECT_EQ(E("now()"), "now()");
  EXPECT_EQ(E("coalesce(a, b + 1, 'x')"), "coalesce(a, (+ b 1), 'x')");
  EXPECT_EQ(E("upper(lower(x))"), "upper(lower(x))");
  EXPECT_EQ(E("left('abc', 2)"), "left('abc', 2)");
  EXPECT_EQ(E("CURRENT_DATE"), "current_date()");
  EXPECT_EQ(E("EXTRACT(year FROM d)"), "date_part('year', d)");
  // Method-call syntax: x.f(args) is f(x, args).
  EXPECT_EQ(E("name.upper()"), "upper(name)");
  EXPECT_EQ(E("t.price.discount(0.8)"), "discount(t.price, dec(8,1,1))");
  EXPECT_EQ(E("f(x).y"), "(. f(x) y)");
}

TEST(ParserExprTest, FunctionNamePositionIsTheName) {
  auto r = Parser::ParseExpression("1 + count(*)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->args[1]->pos, 4);
  EXPECT_TRUE((*r)->args[1]->star_arg);
}

TEST(ParserExprTest, CastForms) {
  EXPECT_EQ(E("CAST(a AS BIGINT)"), "(cast a INT64)");
  EXPECT_EQ(E("TRY_CAST(a AS INT)"), "(try_cast a INT32)");
  EXPECT_EQ(E("a::DECIMAL(10,2)"), "(cast a DECIMAL(10,2))");
  EXPECT_EQ(E("a::VARCHAR(20)"), "(cast a TEXT)");
  EXPECT_EQ(E("a::INT[]"), "(cast a LIST<INT32>)");
  EXPECT_EQ(E("a::LIST<TEXT>"), "(cast a LIST<TEXT>)");
  EXPECT_EQ(E("a::LIST<LIST<INT>>"), "(cast a LIST<LIST<INT32>>)");
  EXPECT_EQ(E("a::MAP<TEXT, INT64>"), "(cast a MAP<TEXT, INT64>)");
  EXPECT_EQ(E("a::STRUCT(k INT64, l TEXT)"), "(cast a STRUCT(k INT64, l TEXT))");
  EXPECT_EQ(E("a::STRUCT(k : INT64, l : TEXT)"), "(cast a STRUCT(k INT64, l TEXT))");
  EXPECT_EQ(E("a::DOUBLE PRECISION"), "(cast a FLOAT64)");
  EXPECT_EQ(E("a::TIMESTAMP WITH TIME ZONE"), "(cast a TIMESTAMPTZ)");
  EXPECT_EQ(E("a::MyStruct"), "(cast a ?MyStruct)");
  EXPECT_EQ(E("CAST(a AS `My Type`)"), "(cast a ?`My Type`)");
  EXPECT_EQ(E("a::LIST<MyStruct>"), "(cast a ?LIST<MyStruct>)");
}

TEST(ParserExprTest, TypeNameKeepsSpellingAndPosition) {
  auto r = Parser::ParseType("decimal( 10 , 2 )");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->resolved);
  EXPECT_EQ(r->type, LogicalType::Decimal(10, 2));
  EXPECT_EQ(r->name, "decimal( 10 , 2 )");
  EXPECT_EQ(r->pos, 0);
  auto named = Parser::ParseType("MyStruct");
  ASSERT_TRUE(named.ok());
  EXPECT_FALSE(named->resolved);
  EXPECT_EQ(named->name, "MyStruct");
  auto nested = Parser::ParseType("LIST<LIST<INT>>");
  ASSERT_TRUE(nested.ok()) << nested.status().ToString();
  EXPECT_EQ(nested->name, "LIST<LIST<INT>>");
}

TEST(ParserExprTest, BadTypes) {
  auto r = Parser::ParseType("DECIMAL(40, 2)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "DECIMAL precision must be between 1 and 38, not 40");
  r = Parser::ParseType("DECIMAL(5, 7)");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("scale 7"), std::string::npos);
  r = Parser::ParseType("VARCHR(20)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "unknown type VARCHR");
  EXPECT_EQ(r.status().hint(), "did you mean VARCHAR?");
  r = Parser::ParseType("DATE(3)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "type DATE takes no parameters");
  r = Parser::ParseType("LIST");
  ASSERT_FALSE(r.ok());
  r = Parser::ParseType("STRUCT()");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(Parser::ParseType("STRUCT(a INT, a TEXT)").ok());
}

TEST(ParserExprTest, Case) {
  EXPECT_EQ(E("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"),
            "(case (when a 1) (when b 2) (else 3))");
  EXPECT_EQ(E("CASE x WHEN 1 THEN 'one' END"), "(case x (when 1 'one'))");
  EXPECT_EQ(E("CASE WHEN a > 1 THEN a ELSE -a END + 1"),
            "(+ (case (when (> a 1) a) (else (neg a))) 1)");
}

TEST(ParserExprTest, SubqueriesAndExists) {
  EXPECT_EQ(E("(SELECT 1)"), "(subquery)");
  EXPECT_EQ(E("(SELECT max(a) FROM t) + 1"), "(+ (subquery) 1)");
  EXPECT_EQ(E("EXISTS (SELECT 1 FROM t)"), "(exists <query>)");
  EXPECT_EQ(E("NOT EXISTS (SELECT 1 FROM t)"), "(not-exists <query>)");
  EXPECT_EQ(E("a AND NOT EXISTS (FROM t)"), "(and a (not-exists <query>))");
  EXPECT_EQ(E("((1))"), "1");
}

TEST(ParserExprTest, VariablesStructsAndLists) {
  EXPECT_EQ(E("{myvar}"), "{myvar}");
  EXPECT_EQ(E("{MyVar} + 1"), "(+ {myvar} 1)");
  EXPECT_EQ(E("{}"), "{}");
  EXPECT_EQ(E("{a: 1, \"Key 2\": 'x', `B`: TRUE}"), "{a: 1, Key 2: 'x', B: true}");
  EXPECT_EQ(E("{k: {inner: [1, 2]}, l: []}"), "{k: {inner: [1, 2]}, l: []}");
  EXPECT_EQ(E("{a: 1,}"), "{a: 1}");
  EXPECT_EQ(E("[1, 2 + 3, 'x']"), "[1, (+ 2 3), 'x']");
  EXPECT_EQ(E("[]"), "[]");
  EXPECT_EQ(E("[[1], [2, 3]]"), "[[1], [2, 3]]");
  EXPECT_EQ(E("{a: {b}}"), "{a: {b}}");
}

TEST(ParserExprTest, StructLiteralWithComments) {
  EXPECT_EQ(E("{\n  -- i can make a comment\n  \"key1ofjson\": \"myvaalue\" /* here too */\n}"),
            "{key1ofjson: 'myvaalue'}");
}

TEST(ParserExprTest, IndexAndFieldAccess) {
  EXPECT_EQ(E("x[1]"), "(index x 1)");
  EXPECT_EQ(E("v['key']"), "(index v 'key')");
  EXPECT_EQ(E("x[1][2]"), "(index (index x 1) 2)");
  EXPECT_EQ(E("{v}.key"), "(. {v} key)");
  EXPECT_EQ(E("{v}['key'].inner"), "(. (index {v} 'key') inner)");
  EXPECT_EQ(E("[1, 2][1]"), "(index [1, 2] 1)");
  EXPECT_EQ(E("{a: 1}.a"), "(. {a: 1} a)");
  EXPECT_EQ(E("-x[1]"), "(neg (index x 1))");
}

TEST(ParserExprTest, NamedTypeConstructor) {
  EXPECT_EQ(E("MyStruct { k: 1, l: 'x' }"), "(cast {k: 1, l: 'x'} ?MyStruct)");
  EXPECT_EQ(E("json {a: 1}"), "(cast {a: 1} JSON)");
}

TEST(ParserExprTest, ExpressionPositions) {
  auto r = Parser::ParseExpression("a + (b * 2)");
  ASSERT_TRUE(r.ok());
  const Expr& add = **r;
  EXPECT_EQ(add.pos, 0);
  EXPECT_EQ(add.args[1]->pos, 5);           // b * 2 starts at b
  EXPECT_EQ(add.args[1]->args[1]->pos, 9);  // 2
  auto neg = Parser::ParseExpression("  -5");
  ASSERT_TRUE(neg.ok());
  EXPECT_EQ((*neg)->pos, 2);
  auto cast = Parser::ParseExpression("x DATE '2020-01-01'");
  EXPECT_FALSE(cast.ok());
  auto lit = Parser::ParseExpression("DATE '2020-01-01'");
  ASSERT_TRUE(lit.ok());
  EXPECT_EQ((*lit)->pos, 0);
  EXPECT_EQ((*lit)->args[0]->pos, 5);
  EXPECT_EQ((*lit)->cast_type.pos, 0);
}

// ---------------------------------------------------------------------------
// Queries

TEST(ParserQueryTest, SelectWithEveryClause) {
  auto q = Query(
      "SELECT DISTINCT a, b AS bee, c cee, t.*, * FROM t WHERE a > 1 GROUP BY a, b "
      "HAVING count(*) > 2 ORDER BY a DESC NULLS LAST, b ASC, c NULLS FIRST LIMIT 10 OFFSET 5;");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->pos, 0);
  EXPECT_TRUE(q->distinct);
  EXPECT_FALSE(q->from_first);
  ASSERT_EQ(q->items.size(), 5u);
  EXPECT_EQ(Show(q->items[0].expr.get()), "a");
  EXPECT_EQ(q->items[0].alias, "");
  EXPECT_EQ(q->items[1].alias, "bee");
  EXPECT_EQ(q->items[2].alias, "cee");
  EXPECT_EQ(Show(q->items[3].expr.get()), "t.*");
  EXPECT_EQ(Show(q->items[4].expr.get()), "*");
  EXPECT_EQ(q->items[1].pos, 19);
  ASSERT_TRUE(q->from);
  EXPECT_EQ(q->from->kind, TableRef::Kind::kTable);
  EXPECT_EQ(ShowNames(q->from->name), "t");
  EXPECT_EQ(Show(q->where.get()), "(> a 1)");
  ASSERT_EQ(q->group_by.size(), 2u);
  EXPECT_EQ(Show(q->having.get()), "(> count(*) 2)");
  ASSERT_EQ(q->order_by.size(), 3u);
  EXPECT_TRUE(q->order_by[0].descending);
  EXPECT_EQ(q->order_by[0].nulls, OrderItem::Nulls::kLast);
  EXPECT_FALSE(q->order_by[1].descending);
  EXPECT_EQ(q->order_by[1].nulls, OrderItem::Nulls::kDefault);
  EXPECT_EQ(q->order_by[2].nulls, OrderItem::Nulls::kFirst);
  EXPECT_EQ(Show(q->limit.get()), "10");
  EXPECT_EQ(Show(q->offset.get()), "5");
}

TEST(ParserQueryTest, SelectWithoutFrom) {
  auto q = Query("SELECT 1 + 1 AS two, 'x'");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from, nullptr);
  EXPECT_EQ(q->items[0].alias, "two");
}

TEST(ParserQueryTest, AliasesMayBeQuotedOrStrings) {
  auto q = Query("SELECT a AS `My A`, b AS 'bee', c `Cee`, d AS key FROM t");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->items[0].alias, "My A");
  EXPECT_EQ(q->items[1].alias, "bee");
  EXPECT_EQ(q->items[2].alias, "Cee");
  EXPECT_EQ(q->items[3].alias, "key");
}

TEST(ParserQueryTest, LimitOffsetForms) {
  auto q = Query("SELECT * FROM t LIMIT 5, 10");  // SQLite: offset 5, count 10
  ASSERT_TRUE(q);
  EXPECT_EQ(Show(q->offset.get()), "5");
  EXPECT_EQ(Show(q->limit.get()), "10");
  q = Query("SELECT * FROM t OFFSET 3 LIMIT 2");
  ASSERT_TRUE(q);
  EXPECT_EQ(Show(q->offset.get()), "3");
  EXPECT_EQ(Show(q->limit.get()), "2");
  q = Query("SELECT * FROM t LIMIT ALL");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->limit, nullptr);
  EXPECT_FALSE(Parser::ParseStatement("SELECT * FROM t LIMIT 1 LIMIT 2").ok());
}

TEST(ParserQueryTest, FromFirstIsTheSameQuery) {
  auto a = Query("SELECT * FROM mytable WHERE id = 1");
  auto b = Query("FROM mytable SELECT * WHERE id = 1");
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(a->from_first);
  EXPECT_TRUE(b->from_first);
  EXPECT_EQ(Show(b->items[0].expr.get()), "*");
  EXPECT_EQ(ShowNames(b->from->name), "mytable");
  EXPECT_EQ(Show(a->where.get()), Show(b->where.get()));

  auto c = Query("FROM t");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->from_first);
  ASSERT_EQ(c->items.size(), 1u);
  EXPECT_EQ(c->items[0].expr->kind, ExprKind::kStar);
  EXPECT_EQ(c->items[0].expr->pos, 0);

  auto d = Query("FROM t SELECT DISTINCT a, b WHERE a > 0 GROUP BY a, b ORDER BY a LIMIT 3");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->distinct);
  EXPECT_EQ(d->items.size(), 2u);
  EXPECT_EQ(d->order_by.size(), 1u);
  EXPECT_EQ(Show(d->limit.get()), "3");

  auto e = Query("FROM t WHERE a = 1");
  ASSERT_TRUE(e);
  EXPECT_EQ(Show(e->items[0].expr.get()), "*");
  EXPECT_EQ(Show(e->where.get()), "(= a 1)");
}

TEST(ParserQueryTest, WithClause) {
  auto q = Query("WITH a AS (SELECT 1 AS x), b(y, z) AS (FROM a) SELECT * FROM a, b");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->with.size(), 2u);
  EXPECT_FALSE(q->with_recursive);
  EXPECT_EQ(q->with[0].name, "a");
  EXPECT_EQ(q->with[0].pos, 5);
  EXPECT_EQ(q->with[1].name, "b");
  EXPECT_EQ(q->with[1].column_names, (std::vector<std::string>{"y", "z"}));
  ASSERT_TRUE(q->with[1].query);
  EXPECT_TRUE(q->with[1].query->from_first);
  EXPECT_EQ(q->pos, 0);

  auto r = Query(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM "
      "n");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->with_recursive);
  EXPECT_EQ(r->with[0].query->set_op, SetOpKind::kUnion);
  EXPECT_TRUE(r->with[0].query->set_all);
}

TEST(ParserQueryTest, Values) {
  auto q = Query("VALUES (1, 'a'), (2, 'b')");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->values.size(), 2u);
  EXPECT_EQ(Show(q->values[1][1].get()), "'b'");
  EXPECT_TRUE(q->items.empty());

  Status st = Fail("VALUES (1, 2), (3)");
  EXPECT_EQ(st.message(), "this VALUES row has 1 values but the first row has 2");
  EXPECT_EQ(st.position(), 15);
}

TEST(ParserQueryTest, SetOperations) {
  auto q = Query("SELECT 1 UNION SELECT 2 UNION ALL SELECT 3");
  ASSERT_TRUE(q);
  // Left-associative: (1 UNION 2) UNION ALL 3.
  EXPECT_EQ(q->set_op, SetOpKind::kUnion);
  EXPECT_TRUE(q->set_all);
  ASSERT_TRUE(q->left && q->right);
  EXPECT_EQ(q->left->set_op, SetOpKind::kUnion);
  EXPECT_FALSE(q->left->set_all);
  EXPECT_EQ(q->right->set_op, SetOpKind::kNone);

  // INTERSECT binds tighter: 1 UNION (2 INTERSECT 3).
  q = Query("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->set_op, SetOpKind::kExcept);
  EXPECT_EQ(q->left->set_op, SetOpKind::kUnion);
  EXPECT_EQ(q->left->right->set_op, SetOpKind::kIntersect);

  // ORDER BY / LIMIT after a set operation belong to it.
  q = Query("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->set_op, SetOpKind::kUnion);
  EXPECT_EQ(q->order_by.size(), 1u);
  EXPECT_TRUE(q->limit);
  EXPECT_TRUE(q->right->order_by.empty());
  EXPECT_FALSE(q->right->limit);
}

TEST(ParserQueryTest, ParenthesizedQueries) {
  auto q = Query("(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT b FROM u)");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->set_op, SetOpKind::kUnion);
  EXPECT_EQ(q->left->order_by.size(), 1u);
  EXPECT_TRUE(q->left->limit);

  q = Query("((SELECT 1))");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->items.size(), 1u);

  Status st = Fail("(SELECT 1 ORDER BY 1) ORDER BY 1");
  EXPECT_EQ(st.message(), "a query can have only one ORDER BY");
}

TEST(ParserQueryTest, TableReferences) {
  auto q = Query("SELECT * FROM main.t AS x(a, b)");
  ASSERT_TRUE(q);
  EXPECT_EQ(ShowNames(q->from->name), "main.t");
  EXPECT_EQ(q->from->alias, "x");
  EXPECT_EQ(q->from->column_aliases, (std::vector<std::string>{"a", "b"}));

  q = Query("SELECT * FROM {myvar1} v WHERE id = 1");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->from->name.size(), 1u);
  EXPECT_TRUE(q->from->name[0].from_variable);
  EXPECT_EQ(q->from->name[0].text, "myvar1");
  EXPECT_EQ(q->from->name[0].pos, 14);
  EXPECT_EQ(q->from->alias, "v");

  q = Query("SELECT * FROM (SELECT 1 AS x) sub");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from->kind, TableRef::Kind::kSubquery);
  EXPECT_EQ(q->from->alias, "sub");
  ASSERT_TRUE(q->from->subquery);

  q = Query("SELECT * FROM range(1, 10) AS r");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from->kind, TableRef::Kind::kFunction);
  EXPECT_EQ(ShowNames(q->from->name), "range");
  EXPECT_EQ(q->from->args.size(), 2u);
  EXPECT_EQ(q->from->alias, "r");

  // A string as a table reads the file: read_file('data.csv').
  q = Query("FROM 'data.csv'");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from->kind, TableRef::Kind::kFunction);
  EXPECT_EQ(ShowNames(q->from->name), "read_file");
  ASSERT_EQ(q->from->args.size(), 1u);
  EXPECT_EQ(Show(q->from->args[0].get()), "'data.csv'");
}

std::string ShowRef(const TableRef* r) {
  if (r->kind != TableRef::Kind::kJoin) return ShowNames(r->name);
  const char* type[] = {"inner", "left", "right", "full", "cross"};
  std::string out = "(";
  if (r->natural) out += "natural-";
  out += type[static_cast<int>(r->join_type)];
  out += ' ';
  out += ShowRef(r->left.get());
  out += ' ';
  out += ShowRef(r->right.get());
  if (r->on) out += " on " + Show(r->on.get());
  for (const auto& c : r->using_columns) out += " using " + c;
  return out + ")";
}

TEST(ParserQueryTest, Joins) {
  struct Case {
    const char* from;
    const char* tree;
  } cases[] = {
      {"a, b, c", "(cross (cross a b) c)"},
      {"a JOIN b ON a.x = b.x", "(inner a b on (= a.x b.x))"},
      {"a INNER JOIN b USING (x, y)", "(inner a b using x using y)"},
      {"a LEFT JOIN b ON p", "(left a b on p)"},
      {"a LEFT OUTER JOIN b ON p", "(left a b on p)"},
      {"a RIGHT JOIN b ON p", "(right a b on p)"},
      {"a RIGHT OUTER JOIN b ON p", "(right a b on p)"},
      {"a FULL JOIN b ON p", "(full a b on p)"},
      {"a FULL OUTER JOIN b ON p", "(full a b on p)"},
      {"a CROSS JOIN b", "(cross a b)"},
      {"a NATURAL JOIN b", "(natural-inner a b)"},
      {"a NATURAL LEFT JOIN b", "(natural-left a b)"},
      {"a JOIN b ON p JOIN c ON q", "(inner (inner a b on p) c on q)"},
      {"a, b JOIN c ON q", "(cross a (inner b c on q))"},
      {"(a JOIN b ON p) JOIN c ON q", "(inner (inner a b on p) c on q)"},
  };
  for (const Case& c : cases) {
    auto q = Query(std::string("SELECT * FROM ") + c.from);
    ASSERT_TRUE(q) << c.from;
    EXPECT_EQ(ShowRef(q->from.get()), c.tree) << c.from;
  }
}

TEST(ParserTest, DefaultInValuesRow) {
  auto ins = Parse<InsertStatement>("INSERT INTO t VALUES (1, DEFAULT), (DEFAULT, 2)");
  ASSERT_TRUE(ins);
  ASSERT_EQ(ins->source->values.size(), 2u);
  EXPECT_EQ(Show(ins->source->values[0][1].get()), "default");
  EXPECT_EQ(Show(ins->source->values[1][0].get()), "default");
  EXPECT_EQ(Show(ins->source->values[1][1].get()), "2");
}

TEST(ParserTest, JoinWithoutConditionIsAnError) {
  // As in PostgreSQL and DuckDB; the hint names CROSS JOIN.
  Status st = Fail("SELECT * FROM a JOIN b");
  EXPECT_NE(st.message().find("expected ON or USING"), std::string::npos) << st.message();
  EXPECT_NE(st.hint().find("CROSS JOIN"), std::string::npos) << st.hint();
  EXPECT_TRUE(Query("SELECT * FROM a CROSS JOIN b"));
}

TEST(ParserQueryTest, SqliteIndexHintsAreIgnored) {
  auto q = Query("SELECT * FROM t1 NOT INDEXED WHERE x = 1");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from->alias, "");
  EXPECT_TRUE(q->where);
  q = Query("SELECT * FROM t1 AS a INDEXED BY t1i1, t2 INDEXED BY i2");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from->left->alias, "a");
  EXPECT_EQ(q->from->right->alias, "");
}

TEST(ParserQueryTest, JoinAliases) {
  auto q = Query("SELECT * FROM orders o LEFT JOIN customers AS c ON o.cid = c.id");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from->left->alias, "o");
  EXPECT_EQ(q->from->right->alias, "c");
  EXPECT_EQ(q->from->pos, 14);
}

// ---------------------------------------------------------------------------
// Statements

TEST(ParserStmtTest, Insert) {
  auto s = Parse<InsertStatement>("INSERT INTO t (a, `B`) VALUES (1, 'x'), (2, 'y');");
  ASSERT_TRUE(s);
  EXPECT_EQ(ShowNames(s->table), "t");
  ASSERT_EQ(s->columns.size(), 2u);
  EXPECT_EQ(s->columns[1].text, "B");
  EXPECT_TRUE(s->columns[1].quoted);
  ASSERT_TRUE(s->source);
  EXPECT_EQ(s->source->values.size(), 2u);
  EXPECT_EQ(s->on_conflict, ConflictAction::kAbort);

  s = Parse<InsertStatement>("INSERT OR REPLACE INTO s.t SELECT * FROM u");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->on_conflict, ConflictAction::kReplace);
  EXPECT_EQ(ShowNames(s->table), "s.t");
  EXPECT_EQ(s->source->items.size(), 1u);

  s = Parse<InsertStatement>("insert or ignore into t values (1)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->on_conflict, ConflictAction::kIgnore);

  s = Parse<InsertStatement>("REPLACE INTO t VALUES (1)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->on_conflict, ConflictAction::kReplace);

  s = Parse<InsertStatement>("INSERT INTO t DEFAULT VALUES");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->default_values);
  EXPECT_EQ(s->source, nullptr);

  s = Parse<InsertStatement>("INSERT INTO {tbl} ({col}) FROM u SELECT x");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->table[0].from_variable);
  EXPECT_TRUE(s->columns[0].from_variable);
  EXPECT_EQ(s->columns[0].text, "col");
  EXPECT_TRUE(s->source->from_first);

  s = Parse<InsertStatement>("INSERT INTO t (SELECT 1)");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->columns.empty());
}

TEST(ParserStmtTest, Update) {
  auto s = Parse<UpdateStatement>("UPDATE t AS x SET a = a + 1, {col} = 'v' WHERE id = 3");
  ASSERT_TRUE(s);
  EXPECT_EQ(ShowNames(s->table), "t");
  EXPECT_EQ(s->alias, "x");
  ASSERT_EQ(s->assignments.size(), 2u);
  EXPECT_EQ(s->assignments[0].first.text, "a");
  EXPECT_EQ(Show(s->assignments[0].second.get()), "(+ a 1)");
  EXPECT_TRUE(s->assignments[1].first.from_variable);
  EXPECT_EQ(Show(s->where.get()), "(= id 3)");

  s = Parse<UpdateStatement>("UPDATE t SET b = NULL");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->alias, "");
  EXPECT_EQ(s->where, nullptr);

  s = Parse<UpdateStatement>("UPDATE t u SET u.b = 1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->alias, "u");
  EXPECT_EQ(s->assignments[0].first.text, "b");
}

TEST(ParserStmtTest, Delete) {
  auto s = Parse<DeleteStatement>("DELETE FROM t WHERE a IN (1, 2)");
  ASSERT_TRUE(s);
  EXPECT_EQ(ShowNames(s->table), "t");
  EXPECT_EQ(Show(s->where.get()), "(in a 1 2)");
  s = Parse<DeleteStatement>("DELETE FROM {t}");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->table[0].from_variable);
  EXPECT_EQ(s->where, nullptr);
}

TEST(ParserStmtTest, CreateTable) {
  auto s = Parse<CreateTableStatement>(
      "CREATE TABLE IF NOT EXISTS t (\n"
      "  id INT64 PRIMARY KEY,\n"
      "  name VARCHAR(30) NOT NULL UNIQUE,\n"
      "  price DECIMAL(10, 2) DEFAULT 0 NOT NULL,\n"
      "  tags TEXT[] NULL DEFAULT [],\n"
      "  p MyStruct,\n"
      "  created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n"
      "  neg INT DEFAULT -1,\n"
      "  PRIMARY KEY (id, name),\n"
      "  UNIQUE (name, price)\n"
      ")");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->if_not_exists);
  EXPECT_FALSE(s->or_replace);
  ASSERT_EQ(s->columns.size(), 7u);
  const ColumnDef& id = s->columns[0];
  EXPECT_EQ(id.name, "id");
  EXPECT_EQ(id.type.type, LogicalType(TypeId::kInt64));
  EXPECT_TRUE(id.primary_key);
  EXPECT_EQ(id.pos, 33);
  const ColumnDef& name = s->columns[1];
  EXPECT_TRUE(name.not_null);
  EXPECT_TRUE(name.unique);
  EXPECT_EQ(name.type.type, LogicalType(TypeId::kText));
  const ColumnDef& price = s->columns[2];
  EXPECT_EQ(price.type.type, LogicalType::Decimal(10, 2));
  EXPECT_EQ(Show(price.default_value.get()), "0");
  EXPECT_TRUE(price.not_null);
  EXPECT_EQ(s->columns[3].type.type, LogicalType::List(TypeId::kText));
  EXPECT_EQ(Show(s->columns[3].default_value.get()), "[]");
  EXPECT_FALSE(s->columns[4].type.resolved);
  EXPECT_EQ(s->columns[4].type.name, "MyStruct");
  EXPECT_EQ(Show(s->columns[5].default_value.get()), "current_timestamp()");
  EXPECT_EQ(Show(s->columns[6].default_value.get()), "-1");
  EXPECT_EQ(s->primary_key, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(s->unique_keys.size(), 1u);
  EXPECT_EQ(s->unique_keys[0], (std::vector<std::string>{"name", "price"}));

  s = Parse<CreateTableStatement>("CREATE OR REPLACE TABLE s.t2 AS SELECT * FROM t");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->or_replace);
  EXPECT_EQ(ShowNames(s->name), "s.t2");
  ASSERT_TRUE(s->as_select);
  EXPECT_TRUE(s->columns.empty());

  s = Parse<CreateTableStatement>("CREATE TABLE {name} (a INT)");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->name[0].from_variable);
}

TEST(ParserStmtTest, CreateTableErrors) {
  Status st = Fail("CREATE TABLE t (a, b INT)");
  EXPECT_EQ(st.message(), "expected a type for column a");
  EXPECT_EQ(st.position(), 17);
  st = Fail("CREATE TABLE t ()");
  EXPECT_EQ(st.position(), 16);
  st = Fail("CREATE TABLE t (a INT, PRIMARY KEY (a), PRIMARY KEY (a))");
  EXPECT_EQ(st.message(), "a table can have only one PRIMARY KEY");
  st = Fail("CREATE TABLE t (a INT CHECK (a > 0))");
  EXPECT_EQ(st.message(), "CHECK in a column definition is not supported yet");
  st = Fail("CREATE TABLE select (a INT)");
  EXPECT_EQ(st.message(), "expected a table name after 'TABLE', found the keyword SELECT");
  EXPECT_EQ(st.hint(), "write `select` to use it as a name");
  auto ok = Parse<CreateTableStatement>("CREATE TABLE `select` (`from` INT)");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->columns[0].name, "from");
}

TEST(ParserStmtTest, Drop) {
  struct Case {
    const char* sql;
    ObjectKind kind;
    bool if_exists;
  } cases[] = {
      {"DROP TABLE t", ObjectKind::kTable, false},
      {"DROP TABLE IF EXISTS t", ObjectKind::kTable, true},
      {"DROP VIEW v", ObjectKind::kView, false},
      {"DROP INDEX IF EXISTS i", ObjectKind::kIndex, true},
      {"DROP TYPE MyStruct", ObjectKind::kType, false},
      {"DROP FUNCTION f", ObjectKind::kFunction, false},
      {"DROP TRIGGER tr", ObjectKind::kTrigger, false},
  };
  for (const Case& c : cases) {
    auto s = Parse<DropStatement>(c.sql);
    ASSERT_TRUE(s) << c.sql;
    EXPECT_EQ(s->object, c.kind) << c.sql;
    EXPECT_EQ(s->if_exists, c.if_exists) << c.sql;
    EXPECT_EQ(s->name.size(), 1u);
  }
  Status st = Fail("DROP TABEL t");
  EXPECT_EQ(st.hint(), "did you mean TABLE?");
}

TEST(ParserStmtTest, CreateIndex) {
  auto s = Parse<CreateIndexStatement>("CREATE UNIQUE INDEX IF NOT EXISTS ix ON t (a, b DESC)");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->unique);
  EXPECT_TRUE(s->if_not_exists);
  EXPECT_EQ(s->index_name, "ix");
  EXPECT_EQ(ShowNames(s->table), "t");
  EXPECT_EQ(s->columns, (std::vector<std::string>{"a", "b"}));
  s = Parse<CreateIndexStatement>("create index i on t(a)");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->unique);
  Status st = Fail("CREATE INDEX ON t (a)");
  EXPECT_EQ(st.message(), "expected an index name after 'INDEX'");
}

TEST(ParserStmtTest, CreateView) {
  const char* sql = "CREATE OR REPLACE VIEW IF NOT EXISTS v (x, y) AS  SELECT a, b FROM t  ;";
  auto s = Parse<CreateViewStatement>(sql);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->or_replace);
  EXPECT_TRUE(s->if_not_exists);
  EXPECT_EQ(s->column_names, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(s->query_text, "SELECT a, b FROM t");
  ASSERT_TRUE(s->query);
  s = Parse<CreateViewStatement>("CREATE VIEW v AS FROM t -- comment");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->query_text, "FROM t");
}

TEST(ParserStmtTest, Transactions) {
  struct Case {
    const char* sql;
    StmtKind kind;
  } cases[] = {
      {"BEGIN", StmtKind::kBegin},
      {"BEGIN TRANSACTION", StmtKind::kBegin},
      {"START TRANSACTION", StmtKind::kBegin},
      {"COMMIT", StmtKind::kCommit},
      {"END", StmtKind::kCommit},
      {"END TRANSACTION", StmtKind::kCommit},
      {"COMMIT WORK", StmtKind::kCommit},
      {"ROLLBACK", StmtKind::kRollback},
      {"rollback transaction;", StmtKind::kRollback},
  };
  for (const Case& c : cases) {
    auto r = Parser::ParseStatement(c.sql);
    ASSERT_TRUE(r.ok()) << c.sql << ": " << r.status().ToString();
    EXPECT_EQ((*r)->kind, c.kind) << c.sql;
    EXPECT_NE(dynamic_cast<TransactionStatement*>(r->get()), nullptr);
  }
}

TEST(ParserStmtTest, ExplainShowDescribe) {
  auto e = Parse<ExplainStatement>("EXPLAIN ANALYZE SELECT * FROM t");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->analyze);
  ASSERT_TRUE(e->statement);
  EXPECT_EQ(e->statement->kind, StmtKind::kSelect);
  EXPECT_EQ(e->statement->pos, 16);
  e = Parse<ExplainStatement>("EXPLAIN DELETE FROM t");
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->analyze);
  EXPECT_EQ(e->statement->kind, StmtKind::kDelete);

  auto s = Parse<ShowStatement>("SHOW TABLES");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->what, ShowStatement::What::kTables);
  s = Parse<ShowStatement>("show variables;");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->what, ShowStatement::What::kVariables);

  auto d = Parse<DescribeStatement>("DESCRIBE s.t");
  ASSERT_TRUE(d);
  EXPECT_EQ(ShowNames(d->table), "s.t");
  d = Parse<DescribeStatement>("DESC t");
  ASSERT_TRUE(d);
  EXPECT_EQ(ShowNames(d->table), "t");
}

TEST(ParserStmtTest, SetAndUnset) {
  auto s = Parse<SetStatement>("set myvar1 = \"mytable\"");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "myvar1");
  EXPECT_EQ(Show(s->value.get()), "'mytable'");

  s = Parse<SetStatement>(
      "SET myjson = {\n    -- i can make a comment\n    \"key1ofjson\": \"myvaalue\"\n};");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "myjson");
  EXPECT_EQ(Show(s->value.get()), "{key1ofjson: 'myvaalue'}");

  s = Parse<SetStatement>("SET VARIABLE MyVar = 1 + 2");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "myvar");
  EXPECT_EQ(Show(s->value.get()), "(+ 1 2)");

  s = Parse<SetStatement>("SET variable = 1");  // a variable called "variable"
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "variable");

  s = Parse<SetStatement>("SET x = NULL");
  ASSERT_TRUE(s);
  EXPECT_EQ(Show(s->value.get()), "NULL");

  auto u = Parse<UnsetStatement>("UNSET x");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->name, "x");
  u = Parse<UnsetStatement>("UNSET VARIABLE y;");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->name, "y");
}

TEST(ParserStmtTest, SeedQueries) {
  auto q = Query("SELECT * FROM {myvar1} WHERE id = 1;");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->from->name[0].from_variable);
  q = Query("FROM mytable SELECT * WHERE id = 1;");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->from_first);
}

TEST(ParserStmtTest, StatementPositions) {
  auto r = Parser::ParseStatement("  \n  SELECT 1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->pos, 5);
}

TEST(ParserStmtTest, TrailingSemicolonOnlyOnce) {
  EXPECT_TRUE(Parser::ParseStatement("SELECT 1;").ok());
  EXPECT_TRUE(Parser::ParseStatement("SELECT 1 ; -- done").ok());
  Status st = Fail("SELECT 1; SELECT 2");
  EXPECT_EQ(st.message(), "unexpected 'SELECT' after the end of the statement");
  EXPECT_EQ(st.position(), 10);
  st = Fail("SELECT 1;;");
  EXPECT_EQ(st.position(), 9);
}

TEST(ParserExprTest, WindowFunctionsFilterAndOrderedAggregates) {
  auto q = Query(
      "SELECT sum(x) OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), "
      "rank() OVER w, count(*) FILTER (WHERE x > 1), string_agg(s, ',' ORDER BY s) FROM t WINDOW w AS (ORDER BY a)");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->items.size(), 4u);
  const Expr& sum = *q->items[0].expr;
  ASSERT_TRUE(sum.window);
  EXPECT_EQ(sum.window->partition_by.size(), 2u);
  ASSERT_EQ(sum.window->order_by.size(), 1u);
  EXPECT_TRUE(sum.window->order_by[0].descending);
  EXPECT_EQ(sum.window->unit, WindowSpec::FrameUnit::kRows);
  EXPECT_EQ(sum.window->start.kind, WindowFrameBound::Kind::kPreceding);
  EXPECT_EQ(sum.window->end.kind, WindowFrameBound::Kind::kCurrentRow);
  ASSERT_TRUE(q->items[1].expr->window);
  EXPECT_EQ(q->items[1].expr->window->name, "w");
  EXPECT_TRUE(q->items[2].expr->filter);
  EXPECT_EQ(q->items[3].expr->arg_order.size(), 1u);
  ASSERT_EQ(q->windows.size(), 1u);
  EXPECT_EQ(q->windows[0].first, "w");
  EXPECT_EQ(Fail("SELECT sum(x) OVER (ROWS BETWEEN 1 PRECEDING) FROM t").message(), "expected AND after 'PRECEDING'");
}

TEST(ParserStmtTest, CreateTypeBothStructSpellingsAndExceptions) {
  auto a = Parse<CreateTypeStatement>("CREATE TYPE P AS STRUCT(k : INT64, l : TEXT)");
  auto b = Parse<CreateTypeStatement>("CREATE TYPE P AS STRUCT { k: INT64, l: TEXT }");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->struct_type.type, b->struct_type.type);
  auto e = Parse<CreateTypeStatement>("CREATE TYPE E AS EXCEPTION (\"Data validation failed\")");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->exception);
  EXPECT_EQ(e->message, "Data validation failed");
}

TEST(ParserStmtTest, CreateFunctionWithReceiverRaisesAndBody) {
  auto f = Parse<CreateFunctionStatement>(
      "CREATE FUNCTION [MyReceiver] f (a : MyStruct, b: INT64)\nRETURNS FLOAT\nRAISE E1, E2\n"
      "{\n  -- a comment\n  LET x = a.k;\n  IF x > 0 { MATCH b { 1..5 => 1.0, _ => 2.0 } } ELSE { RAISE E1(\"no\") }\n}");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->receiver, "MyReceiver");  // kept as written, looked up case-insensitively
  EXPECT_EQ(f->name, "f");
  ASSERT_EQ(f->params.size(), 2u);
  EXPECT_FALSE(f->params[0].second.resolved);
  ASSERT_EQ(f->raises.size(), 2u);
  ASSERT_TRUE(f->body);
  EXPECT_EQ(f->body->kind, ExprKind::kBlock);
  ASSERT_EQ(f->body->args.size(), 2u);
  EXPECT_EQ(f->body->field_names[0], "x");
  EXPECT_EQ(f->body->args[1]->kind, ExprKind::kCase);
  EXPECT_EQ(Fail("CREATE FUNCTION f() RETURNS INT { LET x = 1 }").message(), "a block ends with its value, not a LET");
  EXPECT_EQ(Fail("CREATE FUNCTION f() RETURNS INT { MATCH 1 { 1 2 } }").message(),
            "expected '=>' after the pattern after '1'");
}

TEST(ParserStmtTest, NotYetSupportedStatementsSayWhat) {
  EXPECT_EQ(Fail("INSERT INTO t VALUES (1) RETURNING *").message(), "RETURNING is not supported yet");
}

// ---------------------------------------------------------------------------
// Errors: messages, positions, hints

TEST(ParserErrorTest, UnknownStatementSuggestsAKeyword) {
  Status st = Fail("SELET * FROM t");
  EXPECT_EQ(st.message(), "unknown statement SELET");
  EXPECT_EQ(st.hint(), "did you mean SELECT?");
  EXPECT_EQ(st.position(), 0);
  st = Fail("  INSRT INTO t VALUES (1)");
  EXPECT_EQ(st.message(), "unknown statement INSRT");
  EXPECT_EQ(st.hint(), "did you mean INSERT?");
  EXPECT_EQ(st.position(), 2);
  st = Fail("frobnicate");
  EXPECT_EQ(st.message(), "unknown statement frobnicate");
  EXPECT_EQ(st.hint(), "");
  st = Fail("42");
  EXPECT_EQ(st.message(), "expected a statement, found '42'");
}

TEST(ParserErrorTest, MisspeltKeywordsMidStatement) {
  Status st = Fail("SELECT * FORM t");
  EXPECT_EQ(st.message(), "unexpected 'FORM'");
  EXPECT_EQ(st.hint(), "did you mean FROM?");
  EXPECT_EQ(st.position(), 9);

  st = Fail("SELECT a FROM t WHERE a = 1 ODER BY a");
  EXPECT_EQ(st.message(), "unexpected 'ODER'");
  EXPECT_EQ(st.hint(), "did you mean ORDER?");
  EXPECT_EQ(st.position(), 28);

  // The misspelt word was first read as an alias; the error blames it.
  st = Fail("SELECT a FROM t ODER BY a");
  EXPECT_EQ(st.message(), "unexpected 'ODER'");
  EXPECT_EQ(st.hint(), "did you mean ORDER?");
  EXPECT_EQ(st.position(), 16);

  st = Fail("SELECT a FORM t");
  EXPECT_EQ(st.message(), "unexpected 'FORM'");
  EXPECT_EQ(st.hint(), "did you mean FROM?");
  EXPECT_EQ(st.position(), 9);

  st = Fail("SELECT a FROM t WERE a = 1");
  EXPECT_EQ(st.hint(), "did you mean WHERE?");
  EXPECT_EQ(st.position(), 16);

  st = Fail("SELECT a FROM t GRUOP BY a");
  EXPECT_EQ(st.hint(), "did you mean GROUP?");

  st = Fail("SELECT a FROM t ORDER BY a DESK");
  EXPECT_EQ(st.message(), "unexpected 'DESK'");
  EXPECT_EQ(st.hint(), "did you mean DESC?");

  st = Fail("SELECT a FROM t LIMT 5");
  EXPECT_EQ(st.hint(), "did you mean LIMIT?");

  st = Fail("SELECT * FROM a LEFT JION b ON a.x = b.x");
  EXPECT_EQ(st.message(), "expected JOIN after 'LEFT'");
  EXPECT_EQ(st.hint(), "did you mean JOIN?");
  EXPECT_EQ(st.position(), 21);

  st = Fail("INSERT INTO t VALEUS (1)");
  EXPECT_EQ(st.hint(), "did you mean VALUES?");

  st = Fail("CREATE TABEL t (a INT)");
  EXPECT_EQ(st.message(), "expected TABLE, VIEW, INDEX, TYPE or FUNCTION after 'CREATE'");
  EXPECT_EQ(st.hint(), "did you mean TABLE?");
}

TEST(ParserErrorTest, ExpectedAnExpression) {
  Status st = Fail("SET x =");
  EXPECT_EQ(st.message(), "expected an expression after '='");
  EXPECT_EQ(st.position(), 7);

  st = Fail("SELECT 1 + FROM t");
  EXPECT_EQ(st.message(), "expected an expression after '+'");
  EXPECT_EQ(st.position(), 11);

  st = Fail("SELECT FROM t");
  EXPECT_EQ(st.message(), "expected an expression after 'SELECT'");
  EXPECT_EQ(st.position(), 7);

  st = Fail("SELECT * FROM t WHERE");
  EXPECT_EQ(st.message(), "expected an expression after 'WHERE'");
  EXPECT_EQ(st.position(), 21);

  st = Fail("SELECT a, FROM t");
  EXPECT_EQ(st.message(), "expected an expression after ','");
}

TEST(ParserErrorTest, UnclosedBracketsNameTheOpeningOne) {
  Status st = Fail("SELECT (1 + 2");
  EXPECT_EQ(st.message(), "expected ')' to close '(' at line 1, column 8");
  EXPECT_EQ(st.position(), 13);

  st = Fail("SELECT count(a\nFROM t");
  EXPECT_EQ(st.message(), "expected ')' to close '(' at line 1, column 13");
  EXPECT_EQ(st.position(), 15);

  st = Fail("SELECT [1, 2");
  EXPECT_EQ(st.message(), "expected ']' to close '[' at line 1, column 8");

  st = Fail("SET x = {a: 1,\n  b: 2");
  EXPECT_EQ(st.message(), "expected '}' to close '{' at line 1, column 9");

  st = Fail("INSERT INTO t (a, b VALUES (1, 2)");
  EXPECT_EQ(st.message(), "expected ')' to close '(' at line 1, column 15");
  EXPECT_EQ(st.position(), 20);

  st = Fail("SELECT CASE WHEN a THEN 1");
  EXPECT_EQ(st.message(), "expected END to close CASE at line 1, column 8");
}

TEST(ParserErrorTest, LinesInMessagesCanBeShiftedToTheScript) {
  auto r = Parser::ParseStatement("SELECT (1", 5, 11);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "expected ')' to close '(' at line 5, column 18");
  r = Parser::ParseStatement("SELECT\n (1", 5, 11);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "expected ')' to close '(' at line 6, column 2");
}

TEST(ParserErrorTest, OtherErrors) {
  Status st = Fail("");
  EXPECT_EQ(st.message(), "empty statement");
  st = Fail("  -- nothing");
  EXPECT_EQ(st.message(), "empty statement");
  st = Fail("SELECT 'abc");
  EXPECT_EQ(st.message(), "unterminated string");
  EXPECT_EQ(st.position(), 7);
  st = Fail("SELECT a FROM t GROUP a");
  EXPECT_EQ(st.message(), "expected BY after 'GROUP'");
  EXPECT_EQ(st.position(), 22);
  st = Fail("SELECT * FROM a LEFT JOIN b");
  EXPECT_EQ(st.message(), "expected ON or USING after the joined table");
  EXPECT_EQ(st.position(), 27);
  st = Fail("SELECT * FROM");
  EXPECT_EQ(st.message(), "expected a table name after 'FROM'");
  EXPECT_EQ(st.position(), 13);
  st = Fail("SELECT a IS 3");
  EXPECT_EQ(st.message(), "expected NULL, TRUE, FALSE or DISTINCT FROM after 'IS'");
  st = Fail("SET x = {a 1}");
  EXPECT_EQ(st.message(), "expected ':' after the field name 'a'");
  EXPECT_EQ(st.position(), 11);
  st = Fail("SET x = {a: 1, a: 2}");
  EXPECT_EQ(st.message(), "duplicate field name 'a'");
  EXPECT_EQ(st.position(), 15);
  st = Fail("SELECT @x");
  EXPECT_EQ(st.message(), "unexpected character '@'");
  st = Fail("SELECT (1, 2)");
  EXPECT_NE(st.hint().find("list"), std::string::npos);
  st = Fail("SELECT 1 + a.* FROM t");
  EXPECT_EQ(st.message(), "'a.*' is allowed only in a SELECT list");
  st = Fail("SELECT CASE END");
  EXPECT_EQ(st.message(), "expected WHEN after 'CASE'");
  st = Fail("UPDATE t SET a 1");
  EXPECT_EQ(st.message(), "expected '=' after 'a'");
  st = Fail("SELECT 1 UNION SELET 2");
  EXPECT_EQ(st.message(), "expected a query (SELECT, FROM or VALUES) after 'UNION'");
  EXPECT_EQ(st.hint(), "did you mean SELECT?");
  st = Fail("SHOW TABLS");
  EXPECT_EQ(st.hint(), "did you mean TABLES?");
  st = Fail("SELECT * FROM t NATURAL JOIN u ON a = b");
  EXPECT_EQ(st.message(), "a NATURAL JOIN takes no ON condition");
}

TEST(ParserErrorTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep(100000, '(');
  Status st = Fail("SELECT " + deep + "1");
  EXPECT_NE(st.message().find("nested too deeply"), std::string::npos);

  std::string ok = "SELECT " + std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_TRUE(Parser::ParseStatement(ok).ok());

  std::string subqueries;
  for (int i = 0; i < 5000; ++i) subqueries += "(SELECT ";
  EXPECT_FALSE(Parser::ParseStatement("SELECT " + subqueries + "1").ok());

  std::string negs;
  for (int i = 0; i < 100000; ++i) negs += "- ";
  st = Fail("SELECT " + negs + "x");
  EXPECT_NE(st.message().find("nested too deeply"), std::string::npos);

  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "NOT ";
  EXPECT_FALSE(Parser::ParseStatement("SELECT " + nots + "x").ok());

  std::string lists(100000, '[');
  EXPECT_FALSE(Parser::ParseStatement("SELECT " + lists).ok());

  std::string structs;
  for (int i = 0; i < 100000; ++i) structs += "{a:";
  EXPECT_FALSE(Parser::ParseStatement("SET x = " + structs).ok());

  std::string types;
  for (int i = 0; i < 100000; ++i) types += "LIST<";
  EXPECT_FALSE(Parser::ParseExpression("x::" + types + "INT").ok());

  std::string explains;
  for (int i = 0; i < 100000; ++i) explains += "EXPLAIN ";
  EXPECT_FALSE(Parser::ParseStatement(explains + "SELECT 1").ok());
}

TEST(ParserErrorTest, LongChainsAreBounded) {
  std::string sum = "SELECT 1";
  for (int i = 0; i < 500; ++i) sum += " + 1";
  EXPECT_TRUE(Parser::ParseStatement(sum).ok());
  for (int i = 0; i < 100000; ++i) sum += " + 1";
  Status st = Fail(sum);
  EXPECT_NE(st.message().find("chains too many"), std::string::npos);

  std::string unions = "SELECT 1";
  for (int i = 0; i < 100000; ++i) unions += " UNION SELECT 1";
  EXPECT_FALSE(Parser::ParseStatement(unions).ok());

  std::string casts = "SELECT x";
  for (int i = 0; i < 100000; ++i) casts += "::INT";
  EXPECT_FALSE(Parser::ParseStatement(casts).ok());

  std::string tables = "SELECT * FROM t";
  for (int i = 0; i < 100000; ++i) tables += ", t";
  EXPECT_FALSE(Parser::ParseStatement(tables).ok());
}

TEST(ParserErrorTest, NeverCrashesOnTokenSoup) {
  const char* pieces[] = {"SELECT", "FROM", "WHERE", "(",      ")",        ",",       "{",
                          "}",      "[",    "]",     "a",      "1",        "'s'",     "+",
                          "-",      "*",    "::",    "INT",    "AS",       "JOIN",    "ON",
                          "CASE",   "WHEN", "THEN",  "END",    "NOT",      "IN",      "IS",
                          "NULL",   ".",    ":",     ";",      "UNION",    "ORDER",   "BY",
                          "LIMIT",  "SET",  "=",     "VALUES", "INSERT",   "INTO",    "CREATE",
                          "TABLE",  "LIST", "<",     ">",      ">>",       "BETWEEN", "AND",
                          "EXISTS", "CAST", "WITH",  "DATE",   "INTERVAL", "x'00'",   "1.5"};
  const size_t n = sizeof(pieces) / sizeof(pieces[0]);
  uint32_t seed = 42;
  for (int round = 0; round < 20000; ++round) {
    std::string sql;
    int len = 1 + round % 24;
    for (int i = 0; i < len; ++i) {
      seed = seed * 1664525 + 1013904223;
      sql += pieces[(seed >> 8) % n];
      sql += " ";
    }
    auto r = Parser::ParseStatement(sql);
    if (!r.ok()) {
      EXPECT_GE(r.status().position(), 0) << sql;
      EXPECT_LE(r.status().position(), static_cast<int64_t>(sql.size())) << sql;
      EXPECT_FALSE(r.status().message().empty());
    }
    (void)Parser::ParseExpression(sql);
  }
}

}  // namespace
}  // namespace kodiak::sql
