// ParserImpl's rules for expressions: binary operators by precedence
// climbing, the keyword forms at comparison level (IS, BETWEEN, IN, LIKE),
// prefix and postfix operators (`::`, `[i]`, `.field`, `.method(args)`), and
// the primaries: literals (numbers, strings, blobs, typed literals such as
// DATE '...', INTERVAL), variables `{name}`, struct `{k: v}` and list `[...]`
// literals, function calls, CASE, CAST, EXISTS, EXTRACT and column paths.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sql/parser/parser_impl.h"

namespace kodiak::sql::parser_internal {

namespace {

// The binary operators spelt with symbols.
struct InfixOp {
  TokenKind token;
  int prec;
  BinaryOp op;
};
const InfixOp kInfixOps[] = {
    {TokenKind::kPlus, kPrecAdd, BinaryOp::kAdd},
    {TokenKind::kMinus, kPrecAdd, BinaryOp::kSub},
    {TokenKind::kStar, kPrecMul, BinaryOp::kMul},
    {TokenKind::kSlash, kPrecMul, BinaryOp::kDiv},
    {TokenKind::kPercent, kPrecMul, BinaryOp::kMod},
    {TokenKind::kConcat, kPrecConcat, BinaryOp::kConcat},
    {TokenKind::kArrow, kPrecConcat, BinaryOp::kJsonGet},
    {TokenKind::kLongArrow, kPrecConcat, BinaryOp::kJsonGetText},
    {TokenKind::kPipe, kPrecBit, BinaryOp::kBitOr},
    {TokenKind::kAmpersand, kPrecBit, BinaryOp::kBitAnd},
    {TokenKind::kShiftLeft, kPrecBit, BinaryOp::kShiftLeft},
    {TokenKind::kShiftRight, kPrecBit, BinaryOp::kShiftRight},
    {TokenKind::kEq, kPrecCompare, BinaryOp::kEq},
    {TokenKind::kEqEq, kPrecCompare, BinaryOp::kEq},
    {TokenKind::kNotEq, kPrecCompare, BinaryOp::kNotEq},
    {TokenKind::kLt, kPrecCompare, BinaryOp::kLt},
    {TokenKind::kLtEq, kPrecCompare, BinaryOp::kLtEq},
    {TokenKind::kGt, kPrecCompare, BinaryOp::kGt},
    {TokenKind::kGtEq, kPrecCompare, BinaryOp::kGtEq},
};

const InfixOp* FindInfixOp(TokenKind kind) {
  for (const InfixOp& op : kInfixOps) {
    if (op.token == kind) return &op;
  }
  return nullptr;
}

bool IsIntervalUnit(std::string_view w) {
  static const std::unordered_set<std::string_view> kUnits = {
      "year",    "years",    "month",       "months",       "week",        "weeks",
      "day",     "days",     "hour",        "hours",        "minute",      "minutes",
      "second",  "seconds",  "millisecond", "milliseconds", "microsecond", "microseconds",
      "decade",  "decades",  "century",     "centuries",    "millennium",  "millennia",
      "quarter", "quarters",
  };
  return kUnits.count(w) > 0;
}

// Builds the Value of a numeric literal token (with a folded unary minus).
// Integers are INT64 when they fit, else DECIMAL(38,0), else FLOAT64;
// 1.50 is DECIMAL(3,2) (precision = its digits); 1e10 is FLOAT64.
Result<Value> NumberValue(const Token& t, bool negative, int64_t pos) {
  const std::string& text = t.value;
  if (t.kind == TokenKind::kFloat) {
    errno = 0;
    double d = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(d)) {
      return Status::SyntaxError("number " + text + " is out of range", pos);
    }
    return Value::Float64(negative ? -d : d);
  }
  std::string int_part = text, frac_part;
  if (t.kind == TokenKind::kDecimal) {
    size_t dot = text.find('.');
    int_part = text.substr(0, dot);
    frac_part = text.substr(dot + 1);
  }
  size_t first_nonzero = int_part.find_first_not_of('0');
  int_part = first_nonzero == std::string::npos ? "" : int_part.substr(first_nonzero);

  if (t.kind == TokenKind::kInteger) {
    if (int_part.size() <= 19) {
      unsigned __int128 v = 0;
      for (char c : int_part) v = v * 10 + static_cast<unsigned>(c - '0');
      const unsigned __int128 max = static_cast<unsigned __int128>(INT64_MAX);
      if (!negative && v <= max) return Value::Int64(static_cast<int64_t>(v));
      if (negative && v <= max + 1) {
        return Value::Int64(static_cast<int64_t>(-static_cast<__int128>(v)));
      }
    }
    if (int_part.size() <= 38) {
      __int128 v = 0;
      for (char c : int_part) v = v * 10 + (c - '0');
      return Value::Decimal(negative ? -v : v, 38, 0);
    }
    double d = std::strtod(text.c_str(), nullptr);
    return Value::Float64(negative ? -d : d);
  }

  // DECIMAL literal: precision = significant digits of the integer part plus
  // the scale.
  const int scale = static_cast<int>(frac_part.size());
  const int precision = std::max<int>(1, static_cast<int>(int_part.size()) + scale);
  if (precision > 38) {
    double d = std::strtod(text.c_str(), nullptr);
    return Value::Float64(negative ? -d : d);
  }
  __int128 v = 0;
  for (char c : int_part) v = v * 10 + (c - '0');
  for (char c : frac_part) v = v * 10 + (c - '0');
  return Value::Decimal(negative ? -v : v, precision, scale);
}

ExprPtr MakeLiteral(Value v, int64_t pos) {
  ExprPtr e = MakeExpr(ExprKind::kLiteral, pos);
  e->value = std::move(v);
  return e;
}

// The literal makers below build their Value inside a small frame of their
// own, keeping it out of the frames of the recursive rules (stack depth).
[[gnu::noinline]] ExprPtr MakeBlobLiteral(const std::string& s, int64_t pos) {
  return MakeLiteral(Value::Blob(s), pos);
}
[[gnu::noinline]] ExprPtr MakeBoolLiteral(bool b, int64_t pos) {
  return MakeLiteral(Value::Bool(b), pos);
}
[[gnu::noinline]] ExprPtr MakeNullLiteral(int64_t pos) { return MakeLiteral(Value(), pos); }
[[gnu::noinline]] Result<ExprPtr> MakeNumberLiteral(const Token& t, bool negative, int64_t pos) {
  KODIAK_ASSIGN_OR_RETURN(Value v, NumberValue(t, negative, pos));
  return MakeLiteral(std::move(v), pos);
}

ExprPtr MakeBinary(BinaryOp op, ExprPtr left, ExprPtr right) {
  ExprPtr e = MakeExpr(ExprKind::kBinary, left->pos);
  e->binary_op = op;
  e->args.push_back(std::move(left));
  e->args.push_back(std::move(right));
  return e;
}

ExprPtr MakeUnary(UnaryOp op, ExprPtr operand, int64_t pos) {
  ExprPtr e = MakeExpr(ExprKind::kUnary, pos);
  e->unary_op = op;
  e->args.push_back(std::move(operand));
  return e;
}

}  // namespace

// Out of line for the same reason as the makers above.
[[gnu::noinline]] ExprPtr MakeTextLiteral(const std::string& s, int64_t pos) {
  return MakeLiteral(Value::Text(s), pos);
}

// ---------------------------------------------------------------------------
// Expressions

Result<std::vector<ExprPtr>> ParserImpl::ParseExprList() {
  std::vector<ExprPtr> list;
  do {
    KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
    list.push_back(std::move(e));
  } while (Accept(TokenKind::kComma));
  return list;
}

Result<ExprPtr> ParserImpl::ParseBinary(int min_prec) {
  DepthGuard guard(this);
  if (guard.too_deep()) return TooDeep();
  ExprPtr left;
  if (min_prec <= kPrecNot && PeekWord("not")) {
    const int64_t pos = Cur().pos;
    Advance();
    KODIAK_ASSIGN_OR_RETURN(ExprPtr operand, ParseBinary(kPrecNot));
    if (operand->kind == ExprKind::kExists && operand->pos > pos) {
      operand->negated = !operand->negated;  // NOT EXISTS
      operand->pos = pos;
      left = std::move(operand);
    } else {
      left = MakeUnary(UnaryOp::kNot, std::move(operand), pos);
    }
  } else {
    KODIAK_ASSIGN_OR_RETURN(left, ParseUnary());
  }

  for (int chain = 0;; ++chain) {
    // A left-deep chain (a + b + c ...) is as deep as it is long.
    if (depth_ + chain > Parser::kMaxDepth) return TooLong();
    const Token& t = Cur();
    int prec = 0;
    BinaryOp op = BinaryOp::kAdd;
    if (const InfixOp* infix = FindInfixOp(t.kind)) {
      prec = infix->prec;
      op = infix->op;
    } else if (PeekWord("and")) {
      prec = kPrecAnd;
      op = BinaryOp::kAnd;
    } else if (PeekWord("or")) {
      prec = kPrecOr;
      op = BinaryOp::kOr;
    }
    if (prec != 0) {
      if (prec < min_prec) break;
      Advance();
      const bool comparison = op == BinaryOp::kEq || op == BinaryOp::kNotEq || op == BinaryOp::kLt ||
                              op == BinaryOp::kLtEq || op == BinaryOp::kGt || op == BinaryOp::kGtEq;
      if (comparison && (Cur().IsWord("any") || Cur().IsWord("some") || Cur().IsWord("all")) &&
          Peek().kind == TokenKind::kLParen) {
        // x op ANY | SOME | ALL (subquery)
        ExprPtr e = MakeExpr(ExprKind::kInSubquery, left->pos);
        e->binary_op = op;
        e->quantifier_all = Cur().IsWord("all");
        Advance();
        const Token& open = Cur();
        Advance();
        if (!StartsQuery(Cur())) return Expected("a query after " + std::string(e->quantifier_all ? "ALL" : "ANY") + " (");
        e->args.push_back(std::move(left));
        KODIAK_ASSIGN_OR_RETURN(e->subquery, ParseQuery());
        KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
        left = std::move(e);
        continue;
      }
      KODIAK_ASSIGN_OR_RETURN(ExprPtr right, ParseBinary(prec + 1));
      left = MakeBinary(op, std::move(left), std::move(right));
      continue;
    }
    if (min_prec > kPrecCompare) break;
    bool matched = false;
    KODIAK_ASSIGN_OR_RETURN(left, ParseCompareTail(std::move(left), &matched));
    if (!matched) break;
  }
  return left;
}

// The keyword forms at comparison level: IS ..., ISNULL, NOTNULL, NOT NULL,
// [NOT] BETWEEN / IN / LIKE / ILIKE. Sets *matched when one was parsed.
Result<ExprPtr> ParserImpl::ParseCompareTail(ExprPtr left, bool* matched) {
  *matched = true;
  const int64_t pos = left->pos;
  if (AcceptWord("is")) {
    bool negated = AcceptWord("not");
    const Token& t = Cur();
    if (AcceptWord("null") || AcceptWord("unknown")) {
      ExprPtr e = MakeExpr(ExprKind::kIsNull, pos);
      e->negated = negated;
      e->args.push_back(std::move(left));
      return e;
    }
    if (AcceptWord("true") || AcceptWord("false")) {
      // x IS TRUE  ==  x IS NOT DISTINCT FROM TRUE (never NULL).
      ExprPtr e = MakeExpr(ExprKind::kIsDistinct, pos);
      e->negated = !negated;
      e->args.push_back(std::move(left));
      e->args.push_back(MakeBoolLiteral(t.IsWord("true"), t.pos));
      return e;
    }
    if (AcceptWord("distinct")) {
      KODIAK_RETURN_IF_ERROR(ExpectWord("from"));
      KODIAK_ASSIGN_OR_RETURN(ExprPtr right, ParseBinary(kPrecCompare + 1));
      ExprPtr e = MakeExpr(ExprKind::kIsDistinct, pos);
      e->negated = negated;
      e->args.push_back(std::move(left));
      e->args.push_back(std::move(right));
      return e;
    }
    return Expected("NULL, TRUE, FALSE or DISTINCT FROM");
  }
  if (AcceptWord("isnull") || AcceptWord("notnull") ||
      (Cur().IsWord("not") && Peek().IsWord("null"))) {
    // x ISNULL, x NOTNULL and SQLite's x NOT NULL.
    ExprPtr e = MakeExpr(ExprKind::kIsNull, pos);
    e->negated = !Prev().IsWord("isnull");
    if (Cur().IsWord("not")) {
      Advance();
      Advance();
    }
    e->args.push_back(std::move(left));
    return e;
  }
  bool negated = false;
  if (Cur().IsWord("not") && (Peek().IsWord("between") || Peek().IsWord("in") ||
                              Peek().IsWord("like") || Peek().IsWord("ilike"))) {
    negated = true;
    Advance();
  }
  if (AcceptWord("between")) {
    KODIAK_ASSIGN_OR_RETURN(ExprPtr low, ParseBinary(kPrecBit));
    KODIAK_RETURN_IF_ERROR(ExpectWord("and"));
    KODIAK_ASSIGN_OR_RETURN(ExprPtr high, ParseBinary(kPrecBit));
    ExprPtr e = MakeExpr(ExprKind::kBetween, pos);
    e->negated = negated;
    e->args.push_back(std::move(left));
    e->args.push_back(std::move(low));
    e->args.push_back(std::move(high));
    return e;
  }
  if (AcceptWord("in")) {
    const Token& open = Cur();
    if (!Accept(TokenKind::kLParen)) return Expected("'(' and a list or a query");
    if (StartsQuery(Cur()) && !Check(TokenKind::kLParen)) {
      ExprPtr e = MakeExpr(ExprKind::kInSubquery, pos);
      e->binary_op = BinaryOp::kEq;
      e->negated = negated;
      e->args.push_back(std::move(left));
      KODIAK_ASSIGN_OR_RETURN(e->subquery, ParseQuery());
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      return e;
    }
    ExprPtr e = MakeExpr(ExprKind::kInList, pos);
    e->negated = negated;
    e->args.push_back(std::move(left));
    if (!Check(TokenKind::kRParen)) {  // SQLite allows x IN (): always false
      KODIAK_ASSIGN_OR_RETURN(std::vector<ExprPtr> list, ParseExprList());
      for (ExprPtr& item : list) e->args.push_back(std::move(item));
    }
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    return e;
  }
  if (AcceptWord("like") || AcceptWord("ilike")) {
    ExprPtr e = MakeExpr(ExprKind::kLike, pos);
    e->negated = negated;
    e->case_insensitive = Prev().IsWord("ilike");
    e->args.push_back(std::move(left));
    KODIAK_ASSIGN_OR_RETURN(ExprPtr pattern, ParseBinary(kPrecBit));
    e->args.push_back(std::move(pattern));
    if (AcceptWord("escape")) {
      KODIAK_ASSIGN_OR_RETURN(ExprPtr escape, ParseBinary(kPrecBit));
      e->args.push_back(std::move(escape));
    }
    return e;
  }
  *matched = false;
  return left;
}

// Prefix - + ~ (iterative, so `- - - x` cannot exhaust the stack).
Result<ExprPtr> ParserImpl::ParseUnary() {
  std::vector<const Token*> ops;
  while (Check(TokenKind::kMinus) || Check(TokenKind::kPlus) || Check(TokenKind::kTilde)) {
    if (depth_ + static_cast<int>(ops.size()) >= Parser::kMaxDepth) return TooDeep();
    ops.push_back(&Cur());
    Advance();
  }
  ExprPtr e;
  const Token& n = Cur();
  const TokenKind after = Peek().kind;
  if (!ops.empty() && ops.back()->Is(TokenKind::kMinus) &&
      (n.Is(TokenKind::kInteger) || n.Is(TokenKind::kDecimal) || n.Is(TokenKind::kFloat)) &&
      after != TokenKind::kDoubleColon && after != TokenKind::kLBracket &&
      after != TokenKind::kDot) {
    // Fold -<number> into the literal, so -9223372036854775808 is INT64.
    KODIAK_ASSIGN_OR_RETURN(e, MakeNumberLiteral(n, true, ops.back()->pos));
    ops.pop_back();
    Advance();
  } else {
    KODIAK_ASSIGN_OR_RETURN(e, ParsePostfix());
  }
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    const Token& op = **it;
    UnaryOp kind = op.Is(TokenKind::kMinus)  ? UnaryOp::kNegate
                   : op.Is(TokenKind::kPlus) ? UnaryOp::kPlus
                                             : UnaryOp::kBitNot;
    e = MakeUnary(kind, std::move(e), op.pos);
  }
  return e;
}

Result<ExprPtr> ParserImpl::ParsePostfix() {
  KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParsePrimary());
  for (int chain = 0;; ++chain) {
    if (depth_ + chain > Parser::kMaxDepth) return TooLong();
    if (Accept(TokenKind::kDoubleColon)) {
      KODIAK_ASSIGN_OR_RETURN(e, ParseCastSuffix(std::move(e)));
    } else if (Check(TokenKind::kLBracket)) {
      const Token& open = Cur();
      Advance();
      ExprPtr index = MakeExpr(ExprKind::kIndex, e->pos);
      KODIAK_ASSIGN_OR_RETURN(ExprPtr i, ParseExpr());
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRBracket, open));
      index->args.push_back(std::move(e));
      index->args.push_back(std::move(i));
      e = std::move(index);
    } else if (Check(TokenKind::kDot) && !Peek().Is(TokenKind::kDot)) {
      Advance();
      const Token& f = Cur();
      if (f.kind != TokenKind::kIdentifier && f.kind != TokenKind::kQuotedIdentifier) {
        return Expected("a field name");
      }
      if (Peek().Is(TokenKind::kLParen)) {
        // x.f(args) is f(x, args).
        KODIAK_ASSIGN_OR_RETURN(ExprPtr call, ParseFunctionCall());
        call->args.insert(call->args.begin(), std::move(e));
        call->pos = call->args[0]->pos;
        e = std::move(call);
      } else {
        ExprPtr access = MakeExpr(ExprKind::kFieldAccess, e->pos);
        access->text = f.value;
        access->args.push_back(std::move(e));
        e = std::move(access);
        Advance();
      }
    } else {
      break;
    }
  }
  return e;
}

Result<ExprPtr> ParserImpl::ParseBlock() {
  ExprPtr block = MakeExpr(ExprKind::kBlock, Cur().pos);
  const Token& open = Cur();
  KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLBrace, "'{'"));
  while (!Check(TokenKind::kRBrace)) {
    if (Check(TokenKind::kEnd)) return ExpectClose(TokenKind::kRBrace, open);
    std::string name;
    if (AcceptWord("let")) {
      KODIAK_ASSIGN_OR_RETURN(name, ParsePlainName("a name for LET"));
      if (!Accept(TokenKind::kEq)) return Expected("'=' after LET " + name);
    }
    AcceptWord("return");
    KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
    const bool braced = Prev().Is(TokenKind::kRBrace);
    block->field_names.push_back(name);
    block->args.push_back(std::move(e));
    if (!Accept(TokenKind::kSemicolon) && !braced && !Check(TokenKind::kRBrace)) {
      return Expected("';' or '}'");
    }
  }
  Advance();  // }
  if (block->args.empty()) return Error(open, "a block needs a value: { ... expr }");
  if (!block->field_names.back().empty()) {
    return Error(Prev(), "a block ends with its value, not a LET", "add the value after LET ...; e.g. { LET x = 1; x }");
  }
  return block;
}

// IF, MATCH, RAISE, TRY and RETURN inside function bodies.
Result<ExprPtr> ParserImpl::ParseBodyExpr() {
  const Token& t = Cur();
  if (AcceptWord("return")) return ParseExpr();
  if (AcceptWord("if")) {
    ExprPtr e = MakeExpr(ExprKind::kCase, t.pos);
    e->args.push_back(nullptr);
    const bool was = brace_ends_expr_;
    brace_ends_expr_ = true;  // IF ok { ... }: the brace opens the block
    auto cond_or = ParseExpr();
    brace_ends_expr_ = was;
    KODIAK_ASSIGN_OR_RETURN(ExprPtr cond, std::move(cond_or));
    KODIAK_ASSIGN_OR_RETURN(ExprPtr then, ParseBlock());
    e->when_then.emplace_back(std::move(cond), std::move(then));
    if (AcceptWord("else")) {
      if (PeekWord("if")) {
        KODIAK_ASSIGN_OR_RETURN(ExprPtr other, ParseBodyExpr());
        e->args.push_back(std::move(other));
      } else {
        KODIAK_ASSIGN_OR_RETURN(ExprPtr other, ParseBlock());
        e->args.push_back(std::move(other));
      }
    } else {
      e->args.push_back(nullptr);
    }
    return e;
  }
  if (AcceptWord("match")) {
    ExprPtr e = MakeExpr(ExprKind::kMatch, t.pos);
    const bool was = brace_ends_expr_;
    brace_ends_expr_ = true;  // MATCH x { ... }: the brace opens the arms
    auto subject_or = ParseBinary(kPrecCompare + 1);
    brace_ends_expr_ = was;
    KODIAK_ASSIGN_OR_RETURN(ExprPtr subject, std::move(subject_or));
    e->args.push_back(std::move(subject));
    e->args.push_back(nullptr);
    const Token& open = Cur();
    KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLBrace, "'{' and the MATCH arms"));
    while (!Check(TokenKind::kRBrace)) {
      ExprPtr pattern;
      const bool wildcard = Cur().kind == TokenKind::kIdentifier && Cur().value == "_";
      if (wildcard) {
        Advance();
      } else {
        KODIAK_ASSIGN_OR_RETURN(ExprPtr lo, ParseBinary(kPrecCompare + 1));
        if (Check(TokenKind::kDot) && Peek().Is(TokenKind::kDot)) {
          Advance();
          Advance();
          KODIAK_ASSIGN_OR_RETURN(ExprPtr hi, ParseBinary(kPrecCompare + 1));
          pattern = MakeExpr(ExprKind::kBetween, lo->pos);
          pattern->args.push_back(nullptr);
          pattern->args.push_back(std::move(lo));
          pattern->args.push_back(std::move(hi));
        } else {
          pattern = std::move(lo);
        }
      }
      if (!Accept(TokenKind::kFatArrow)) return Expected("'=>' after the pattern");
      KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
      if (wildcard) e->args[1] = std::move(value);
      else e->when_then.emplace_back(std::move(pattern), std::move(value));
      if (!Accept(TokenKind::kComma)) break;
    }
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRBrace, open));
    return e;
  }
  if (AcceptWord("raise")) {
    ExprPtr e = MakeExpr(ExprKind::kRaise, t.pos);
    KODIAK_ASSIGN_OR_RETURN(e->text, ParsePlainName("an exception type"));
    if (Prev().kind == TokenKind::kIdentifier) e->text = std::string(Prev().text);  // shown as written
    if (Check(TokenKind::kLParen)) {
      const Token& open = Cur();
      Advance();
      KODIAK_ASSIGN_OR_RETURN(ExprPtr msg, ParseExpr());
      e->args.push_back(std::move(msg));
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    }
    return e;
  }
  if (AcceptWord("try")) {
    ExprPtr e = MakeExpr(ExprKind::kTry, t.pos);
    KODIAK_ASSIGN_OR_RETURN(ExprPtr body, ParseExpr());
    e->args.push_back(std::move(body));
    while (AcceptWord("catch")) {
      std::string name;
      if (Cur().kind == TokenKind::kIdentifier && Cur().value == "_") {
        name = "_";
        Advance();
      } else {
        KODIAK_ASSIGN_OR_RETURN(name, ParsePlainName("an exception type or _"));
        if (Prev().kind == TokenKind::kIdentifier) name = std::string(Prev().text);
      }
      if (!Accept(TokenKind::kFatArrow)) return Expected("'=>' after CATCH " + name);
      KODIAK_ASSIGN_OR_RETURN(ExprPtr fallback, ParseExpr());
      e->field_names.push_back(name);
      e->args.push_back(std::move(fallback));
    }
    if (e->field_names.empty()) return Expected("CATCH after TRY ...");
    return e;
  }
  return Status::Internal("not a body expression");
}

Result<ExprPtr> ParserImpl::ParsePrimary() {
  const Token& t = Cur();
  if (t.kind == TokenKind::kIdentifier &&
      ((in_function_ && (t.value == "if" || t.value == "match" || t.value == "raise" || t.value == "return")) ||
       (t.value == "try" && !Peek().Is(TokenKind::kLParen) && !Peek().Is(TokenKind::kComma) &&
        !Peek().Is(TokenKind::kDot) && !Peek().Is(TokenKind::kEnd)))) {
    return ParseBodyExpr();
  }
  switch (t.kind) {
    case TokenKind::kInteger:
    case TokenKind::kDecimal:
    case TokenKind::kFloat: {
      KODIAK_ASSIGN_OR_RETURN(ExprPtr e, MakeNumberLiteral(t, false, t.pos));
      Advance();
      return e;
    }
    case TokenKind::kString: {
      Advance();
      return MakeTextLiteral(t.value, t.pos);
    }
    case TokenKind::kBlobString: {
      Advance();
      return MakeBlobLiteral(t.value, t.pos);
    }
    case TokenKind::kLParen: {
      const Token& open = t;
      if (StartsQuery(Peek()) && !Peek().Is(TokenKind::kLParen)) {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kSubquery, t.pos);
        KODIAK_ASSIGN_OR_RETURN(e->subquery, ParseQuery());
        KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
        return e;
      }
      Advance();
      KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
      if (Check(TokenKind::kComma)) {
        return Error(Cur(), "a row value (a, b, ...) is not supported here",
                     "use a list [a, b] or a struct {a: ..., b: ...}");
      }
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      return e;
    }
    case TokenKind::kLBracket:
      return ParseListLiteral();
    case TokenKind::kLBrace:
      return ParseBraces();
    case TokenKind::kIdentifier:
    case TokenKind::kQuotedIdentifier:
      return ParseWordExpr();
    default:
      return Expected("an expression");
  }
}

// Everything that starts with a word: keywords with their own syntax,
// literals spelt as words, typed literals, function calls, column paths.
Result<ExprPtr> ParserImpl::ParseWordExpr() {
  const Token& t = Cur();
  const Token& next = Peek();
  if (t.kind == TokenKind::kIdentifier) {
    const std::string& w = t.value;
    if (w == "null") {
      Advance();
      return MakeNullLiteral(t.pos);
    }
    if (w == "true" || w == "false") {
      Advance();
      return MakeBoolLiteral(w == "true", t.pos);
    }
    if (w == "case") return ParseCase();
    if ((w == "cast" || w == "try_cast") && next.Is(TokenKind::kLParen)) return ParseCast();
    if (w == "exists" && next.Is(TokenKind::kLParen)) {
      const Token& open = next;
      Advance();
      Advance();
      if (!StartsQuery(Cur())) return Expected("a query");
      ExprPtr e = MakeExpr(ExprKind::kExists, t.pos);
      KODIAK_ASSIGN_OR_RETURN(e->subquery, ParseQuery());
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      return e;
    }
    if (w == "not") {
      // `a = NOT b`: NOT binds looser than '=' but reads unambiguously here.
      Advance();
      KODIAK_ASSIGN_OR_RETURN(ExprPtr operand, ParseBinary(kPrecNot));
      return MakeUnary(UnaryOp::kNot, std::move(operand), t.pos);
    }
    if (w == "interval" && (next.Is(TokenKind::kString) || next.Is(TokenKind::kInteger) ||
                            next.Is(TokenKind::kDecimal))) {
      return ParseInterval();
    }
    if ((w == "current_date" || w == "current_time" || w == "current_timestamp" ||
         w == "localtimestamp") &&
        !next.Is(TokenKind::kLParen)) {
      // SQL's niladic functions: CURRENT_DATE is current_date().
      Advance();
      ExprPtr e = MakeExpr(ExprKind::kFunction, t.pos);
      e->text = w;
      return e;
    }
    if (w == "extract" && next.Is(TokenKind::kLParen)) {
      // EXTRACT(field FROM x) is date_part('field', x).
      const Token& open = next;
      Advance();
      Advance();
      const Token& field = Cur();
      if (field.kind != TokenKind::kIdentifier && field.kind != TokenKind::kString) {
        return Expected("a date part such as YEAR");
      }
      Advance();
      ExprPtr e = MakeExpr(ExprKind::kFunction, t.pos);
      e->text = "date_part";
      e->args.push_back(MakeTextLiteral(field.value, field.pos));
      KODIAK_RETURN_IF_ERROR(ExpectWord("from"));
      KODIAK_ASSIGN_OR_RETURN(ExprPtr arg, ParseExpr());
      e->args.push_back(std::move(arg));
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      return e;
    }
    if (IsReservedKeyword(w) && !((w == "left" || w == "right") && next.Is(TokenKind::kLParen))) {
      return Expected("an expression");
    }
    // DATE '2024-01-01': a text literal cast to the type.
    if (next.Is(TokenKind::kString)) {
      std::optional<LogicalType> type = LookupSimpleType(w);
      if (type) {
        ExprPtr e = MakeExpr(ExprKind::kCast, t.pos);
        e->cast_type.type = *type;
        e->cast_type.resolved = true;
        e->cast_type.name = std::string(t.text);
        e->cast_type.pos = t.pos;
        e->args.push_back(MakeTextLiteral(next.value, next.pos));
        Advance();
        Advance();
        return e;
      }
    }
  }
  if (next.Is(TokenKind::kLParen)) return ParseFunctionCall();
  if (next.Is(TokenKind::kLBrace) && !brace_ends_expr_) {
    // N { f: v }: a value of the named (or built-in) type N.
    ExprPtr e = MakeExpr(ExprKind::kCast, t.pos);
    e->cast_type.pos = t.pos;
    e->cast_type.name = std::string(t.kind == TokenKind::kIdentifier ? t.text : t.value);
    if (t.kind == TokenKind::kIdentifier) {
      if (std::optional<LogicalType> type = LookupSimpleType(t.value)) {
        e->cast_type.type = *type;
        e->cast_type.resolved = true;
      }
    }
    Advance();
    KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseBraces());
    if (value->kind != ExprKind::kStructLiteral) {
      return Error(next, "expected a struct literal { field: value, ... } after " + Describe(t));
    }
    e->args.push_back(std::move(value));
    return e;
  }

  // A column path: a, t.a, s.t.a. Further `.x` are field accesses (postfix).
  ExprPtr e = MakeExpr(ExprKind::kColumnRef, t.pos);
  auto push_name = [&](const Token& k) {
    Name n;
    n.text = k.value;
    n.quoted = k.kind == TokenKind::kQuotedIdentifier;
    n.pos = k.pos;
    e->names.push_back(std::move(n));
  };
  push_name(t);
  Advance();
  while (e->names.size() < 3 && Check(TokenKind::kDot) &&
         (Peek().kind == TokenKind::kIdentifier || Peek().kind == TokenKind::kQuotedIdentifier) &&
         !Peek(2).Is(TokenKind::kLParen)) {
    Advance();
    push_name(Cur());
    Advance();
  }
  if (Check(TokenKind::kDot) && Peek().Is(TokenKind::kStar)) {
    return Error(Peek(), "'" + std::string(t.text) + ".*' is allowed only in a SELECT list");
  }
  return e;
}

// name(args), name(*), name(DISTINCT args); the current token is the name.
Result<ExprPtr> ParserImpl::ParseFunctionCall() {
  const Token& name = Cur();
  ExprPtr e = MakeExpr(ExprKind::kFunction, name.pos);
  e->text = name.value;
  Advance();
  const Token& open = Cur();
  Advance();  // (
  if (Accept(TokenKind::kStar)) {
    e->star_arg = true;
  } else if (!Check(TokenKind::kRParen)) {
    if (AcceptWord("distinct")) {
      e->distinct = true;
    } else {
      AcceptWord("all");
    }
    KODIAK_ASSIGN_OR_RETURN(e->args, ParseExprList());
    if (AcceptWord("order")) {
      KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
      KODIAK_ASSIGN_OR_RETURN(e->arg_order, ParseOrderItems());
    }
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  if (Cur().IsWord("filter") && Peek().Is(TokenKind::kLParen)) {
    Advance();
    const Token& fopen = Cur();
    Advance();
    KODIAK_RETURN_IF_ERROR(ExpectWord("where"));
    KODIAK_ASSIGN_OR_RETURN(e->filter, ParseExpr());
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, fopen));
  }
  if (AcceptWord("over")) {
    if (Check(TokenKind::kLParen)) {
      KODIAK_ASSIGN_OR_RETURN(e->window, ParseWindowSpec());
    } else {
      e->window = std::make_unique<WindowSpec>();
      e->window->pos = Cur().pos;
      KODIAK_ASSIGN_OR_RETURN(e->window->name, ParsePlainName("a window name or '('"));
    }
  }
  return e;
}

Result<std::vector<OrderItem>> ParserImpl::ParseOrderItems() {
  std::vector<OrderItem> items;
  do {
    OrderItem item;
    KODIAK_ASSIGN_OR_RETURN(item.expr, ParseExpr());
    if (AcceptWord("desc")) {
      item.descending = true;
    } else {
      AcceptWord("asc");
    }
    if (AcceptWord("nulls")) {
      if (AcceptWord("first")) {
        item.nulls = OrderItem::Nulls::kFirst;
      } else if (AcceptWord("last")) {
        item.nulls = OrderItem::Nulls::kLast;
      } else {
        return Expected("FIRST or LAST");
      }
    }
    items.push_back(std::move(item));
  } while (Accept(TokenKind::kComma));
  return items;
}

Result<WindowFrameBound> ParserImpl::ParseFrameBound() {
  WindowFrameBound b;
  if (AcceptWord("unbounded")) {
    if (AcceptWord("preceding")) {
      b.kind = WindowFrameBound::Kind::kUnboundedPreceding;
    } else {
      KODIAK_RETURN_IF_ERROR(ExpectWord("following"));
      b.kind = WindowFrameBound::Kind::kUnboundedFollowing;
    }
    return b;
  }
  if (AcceptWord("current")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("row"));
    b.kind = WindowFrameBound::Kind::kCurrentRow;
    return b;
  }
  KODIAK_ASSIGN_OR_RETURN(b.offset, ParseBinary(kPrecCompare + 1));
  if (AcceptWord("preceding")) {
    b.kind = WindowFrameBound::Kind::kPreceding;
  } else {
    KODIAK_RETURN_IF_ERROR(ExpectWord("following"));
    b.kind = WindowFrameBound::Kind::kFollowing;
  }
  return b;
}

// ( [name] [PARTITION BY ...] [ORDER BY ...] [{ROWS | RANGE | GROUPS} frame] )
Result<std::unique_ptr<WindowSpec>> ParserImpl::ParseWindowSpec() {
  auto w = std::make_unique<WindowSpec>();
  w->pos = Cur().pos;
  const Token& open = Cur();
  KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'('"));
  if (Cur().kind == TokenKind::kIdentifier && !Cur().IsWord("partition") && !Cur().IsWord("order") &&
      !Cur().IsWord("rows") && !Cur().IsWord("range") && !Cur().IsWord("groups")) {
    KODIAK_ASSIGN_OR_RETURN(w->name, ParsePlainName("a window name"));
  }
  if (AcceptWord("partition")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
    KODIAK_ASSIGN_OR_RETURN(w->partition_by, ParseExprList());
  }
  if (AcceptWord("order")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
    KODIAK_ASSIGN_OR_RETURN(w->order_by, ParseOrderItems());
  }
  if (AcceptWord("rows")) w->unit = WindowSpec::FrameUnit::kRows;
  else if (AcceptWord("range")) w->unit = WindowSpec::FrameUnit::kRange;
  else if (AcceptWord("groups")) w->unit = WindowSpec::FrameUnit::kGroups;
  if (w->unit != WindowSpec::FrameUnit::kNone) {
    if (AcceptWord("between")) {
      KODIAK_ASSIGN_OR_RETURN(w->start, ParseFrameBound());
      KODIAK_RETURN_IF_ERROR(ExpectWord("and"));
      KODIAK_ASSIGN_OR_RETURN(w->end, ParseFrameBound());
    } else {
      KODIAK_ASSIGN_OR_RETURN(w->start, ParseFrameBound());
      w->end.kind = WindowFrameBound::Kind::kCurrentRow;
    }
    if (PeekWord("exclude")) return NotSupported(Cur(), "EXCLUDE in a window frame");
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  return w;
}

Result<ExprPtr> ParserImpl::ParseCase() {
  const Token& case_tok = Cur();
  ExprPtr e = MakeExpr(ExprKind::kCase, case_tok.pos);
  Advance();
  ExprPtr operand;
  if (Cur().IsWord("end") || Cur().IsWord("else")) return Expected("WHEN");
  if (!PeekWord("when")) {
    KODIAK_ASSIGN_OR_RETURN(operand, ParseExpr());
  }
  while (AcceptWord("when")) {
    KODIAK_ASSIGN_OR_RETURN(ExprPtr when, ParseExpr());
    KODIAK_RETURN_IF_ERROR(ExpectWord("then"));
    KODIAK_ASSIGN_OR_RETURN(ExprPtr then, ParseExpr());
    e->when_then.emplace_back(std::move(when), std::move(then));
  }
  if (e->when_then.empty()) return Expected("WHEN");
  ExprPtr otherwise;
  if (AcceptWord("else")) {
    KODIAK_ASSIGN_OR_RETURN(otherwise, ParseExpr());
  }
  if (!AcceptWord("end")) {
    KODIAK_RETURN_IF_ERROR(AliasTypo());
    return Error(Cur(), "expected END to close CASE at " + LineColumn(case_tok.pos),
                 KeywordHint(Cur()));
  }
  e->args.push_back(std::move(operand));
  e->args.push_back(std::move(otherwise));
  return e;
}

// x::T, after the '::'.
Result<ExprPtr> ParserImpl::ParseCastSuffix(ExprPtr e) {
  ExprPtr cast = MakeExpr(ExprKind::kCast, e->pos);
  KODIAK_ASSIGN_OR_RETURN(cast->cast_type, ParseTypeName());
  cast->args.push_back(std::move(e));
  return cast;
}

// CAST(x AS T) / TRY_CAST(x AS T).
Result<ExprPtr> ParserImpl::ParseCast() {
  const Token& t = Cur();
  ExprPtr e = MakeExpr(ExprKind::kCast, t.pos);
  e->try_cast = t.IsWord("try_cast");
  Advance();
  const Token& open = Cur();
  Advance();
  KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
  KODIAK_RETURN_IF_ERROR(ExpectWord("as"));
  KODIAK_ASSIGN_OR_RETURN(e->cast_type, ParseTypeName());
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  e->args.push_back(std::move(value));
  return e;
}

// `{name}` is a variable; `{}` and `{ key: value, ... }` are struct literals.
Result<ExprPtr> ParserImpl::ParseBraces() {
  const Token& open = Cur();
  Advance();
  const Token& first = Cur();
  if ((first.kind == TokenKind::kIdentifier || first.kind == TokenKind::kQuotedIdentifier) &&
      Peek().Is(TokenKind::kRBrace)) {
    ExprPtr e = MakeExpr(ExprKind::kVariable, open.pos);
    e->text = first.value;
    Advance();
    Advance();
    return e;
  }
  ExprPtr e = MakeExpr(ExprKind::kStructLiteral, open.pos);
  while (!Check(TokenKind::kRBrace)) {
    const Token& key = Cur();
    if (key.kind != TokenKind::kIdentifier && key.kind != TokenKind::kQuotedIdentifier &&
        key.kind != TokenKind::kString) {
      if (key.Is(TokenKind::kEnd)) return ExpectClose(TokenKind::kRBrace, open);
      return Expected("a field name");
    }
    for (const std::string& seen : e->field_names) {
      if (seen == key.value) return Error(key, "duplicate field name " + Describe(key));
    }
    Advance();
    if (!Accept(TokenKind::kColon)) {
      return Error(Cur(), "expected ':' after the field name " + Describe(key),
                   Check(TokenKind::kEq) ? "struct fields are written key: value" : "");
    }
    KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
    e->field_names.push_back(key.value);
    e->args.push_back(std::move(value));
    if (!Accept(TokenKind::kComma)) break;
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRBrace, open));
  return e;
}

Result<ExprPtr> ParserImpl::ParseListLiteral() {
  const Token& open = Cur();
  Advance();
  ExprPtr e = MakeExpr(ExprKind::kListLiteral, open.pos);
  while (!Check(TokenKind::kRBracket)) {
    if (Check(TokenKind::kEnd)) break;
    KODIAK_ASSIGN_OR_RETURN(ExprPtr item, ParseExpr());
    e->args.push_back(std::move(item));
    if (!Accept(TokenKind::kComma)) break;
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRBracket, open));
  return e;
}

// INTERVAL '1 day', INTERVAL '1' DAY, INTERVAL 3 HOURS: a text literal cast to
// INTERVAL.
Result<ExprPtr> ParserImpl::ParseInterval() {
  const Token& t = Cur();
  Advance();
  const Token& body = Cur();
  std::string text = body.value;
  Advance();
  if (Cur().kind == TokenKind::kIdentifier && IsIntervalUnit(Cur().value)) {
    text += " " + Cur().value;
    Advance();
  } else if (!body.Is(TokenKind::kString)) {
    return Expected("a unit such as DAY or HOURS");
  }
  ExprPtr e = MakeExpr(ExprKind::kCast, t.pos);
  e->cast_type.type = LogicalType(TypeId::kInterval);
  e->cast_type.resolved = true;
  e->cast_type.name = std::string(t.text);
  e->cast_type.pos = t.pos;
  e->args.push_back(MakeTextLiteral(text, body.pos));
  return e;
}

}  // namespace kodiak::sql::parser_internal
