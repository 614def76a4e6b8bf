#include "sql/parser/parser.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sql/parser/keywords.h"
#include "sql/parser/lexer.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql {

namespace {

// Binding strength of binary operators, low to high. NOT sits between AND
// and the comparisons; unary - + ~, `::` and postfix operators bind tighter
// than all of these.
enum Prec : int {
  kPrecOr = 1,
  kPrecAnd = 2,
  kPrecNot = 3,
  kPrecCompare = 4,  // = == != <> < <= > >=, IS, BETWEEN, IN, LIKE, ILIKE
  kPrecBit = 5,      // | & << >>
  kPrecConcat = 6,   // || -> ->>
  kPrecAdd = 7,      // + -
  kPrecMul = 8,      // * / %
};

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

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// A built-in type name without parameters (lower case), as
// kodiak::ParseTypeName spells it; DECIMAL alone is DECIMAL(18,3).
std::optional<LogicalType> LookupSimpleType(std::string_view w) {
  if (w == "null") return std::nullopt;  // the type of NULL is not written
  LogicalType type;
  if (!ParseTypeName(w, &type)) return std::nullopt;
  return type;
}

// Type names whose `(n)` parameter is accepted and ignored: VARCHAR(255),
// INT(11), VARBINARY(16).
bool IgnoresLengthParameter(TypeId id) {
  return id == TypeId::kText || id == TypeId::kBlob ||
         (id >= TypeId::kInt8 && id <= TypeId::kUInt64);
}

const std::vector<std::string>& TypeNameCandidates() {
  static const std::vector<std::string> kNames = {
      "BOOL",    "BOOLEAN", "TINYINT",   "SMALLINT",    "INT",      "INTEGER", "BIGINT",
      "INT8",    "INT16",   "INT32",     "INT64",       "UINT8",    "UINT16",  "UINT32",
      "UINT64",  "REAL",    "FLOAT",     "DOUBLE",      "FLOAT32",  "FLOAT64", "DECIMAL",
      "NUMERIC", "TEXT",    "VARCHAR",   "STRING",      "CHAR",     "BLOB",    "BYTES",
      "DATE",    "TIME",    "TIMESTAMP", "TIMESTAMPTZ", "INTERVAL", "UUID",    "JSON",
      "LIST",    "MAP",     "STRUCT",
  };
  return kNames;
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

ExprPtr MakeExpr(ExprKind kind, int64_t pos) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->pos = pos;
  return e;
}

ExprPtr MakeLiteral(Value v, int64_t pos) {
  ExprPtr e = MakeExpr(ExprKind::kLiteral, pos);
  e->value = std::move(v);
  return e;
}

// The literal makers below build their Value inside a small frame of their
// own, keeping it out of the frames of the recursive rules (stack depth).
[[gnu::noinline]] ExprPtr MakeTextLiteral(const std::string& s, int64_t pos) {
  return MakeLiteral(Value::Text(s), pos);
}
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

class ParserImpl {
 public:
  ParserImpl(std::string_view sql, std::vector<Token> tokens, int first_line, int first_column)
      : sql_(sql),
        toks_(std::move(tokens)),
        first_line_(first_line),
        first_column_(first_column),
        stack_base_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {}

  Result<StatementPtr> ParseSingleStatement();
  Result<ExprPtr> ParseSingleExpression();
  Result<TypeName> ParseSingleType();

 private:
  // RAII depth counter for the recursive rules. Besides counting levels it
  // measures the stack actually used, since frame sizes vary a lot between
  // builds (sanitizers multiply them).
  class DepthGuard {
   public:
    explicit DepthGuard(ParserImpl* p) : p_(p) { ++p_->depth_; }
    ~DepthGuard() { --p_->depth_; }
    bool too_deep() const {
      const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
      const uintptr_t used = p_->stack_base_ > here ? p_->stack_base_ - here : 0;
      return p_->depth_ > Parser::kMaxDepth || used > kStackBudget;
    }

   private:
    ParserImpl* p_;
  };

  // ---- Token access ----
  const Token& Cur() const { return toks_[i_]; }
  const Token& Peek(size_t k = 1) const { return toks_[std::min(i_ + k, toks_.size() - 1)]; }
  const Token& Prev() const { return toks_[i_ > 0 ? i_ - 1 : 0]; }
  void Advance() {
    if (toks_[i_].kind == TokenKind::kEnd) return;
    last_end_ = toks_[i_].end;
    ++i_;
  }
  bool Check(TokenKind k) const { return Cur().kind == k; }
  bool Accept(TokenKind k) {
    if (!Check(k)) return false;
    Advance();
    return true;
  }
  // The current token is the keyword `kw` (lower case). A miss records `kw`
  // as expected here, for "did you mean" hints.
  bool PeekWord(std::string_view kw) {
    if (Cur().IsWord(kw)) return true;
    if (expected_at_ != i_) {
      expected_.clear();
      expected_at_ = i_;
    }
    expected_.push_back(kw);
    return false;
  }
  bool AcceptWord(std::string_view kw) {
    if (!PeekWord(kw)) return false;
    Advance();
    return true;
  }
  bool StartsQuery(const Token& t) const {
    return t.IsWord("select") || t.IsWord("from") || t.IsWord("with") || t.IsWord("values") ||
           t.kind == TokenKind::kLParen;
  }
  // An unquoted word that may be an alias without AS.
  bool CanBeImplicitAlias(const Token& t) const {
    return t.kind == TokenKind::kQuotedIdentifier ||
           (t.kind == TokenKind::kIdentifier && !IsReservedKeyword(t.value) && t.value != "set");
  }

  // ---- Errors ----
  static std::string Describe(const Token& t);
  std::string LineColumn(int64_t pos) const;
  std::string KeywordHint(const Token& t) const;
  Status AliasTypo() const;
  Status Error(const Token& t, std::string msg, std::string hint = {}) const {
    return Status::SyntaxError(std::move(msg), t.pos, std::move(hint));
  }
  Status Unexpected() const;
  Status Expected(std::string_view what) const;
  Status ExpectWord(std::string_view kw);
  Status Expect(TokenKind kind, std::string_view what);
  Status ExpectClose(TokenKind close, const Token& open);
  Status TooDeep() const {
    return Error(Cur(), "the statement is nested too deeply (the limit is " +
                            std::to_string(Parser::kMaxDepth) + " levels)");
  }
  Status TooLong() const {
    return Error(Cur(), "the statement chains too many operations (more than " +
                            std::to_string(Parser::kMaxDepth) + " in a row)");
  }
  Status NotSupported(const Token& t, std::string_view what) const {
    return Error(t, std::string(what) + " is not supported yet");
  }

  // ---- Statements ----
  [[gnu::noinline]] Result<StatementPtr> ParseStmt();
  [[gnu::noinline]] Result<StatementPtr> ParseInsert();
  [[gnu::noinline]] Result<StatementPtr> ParseUpdate();
  [[gnu::noinline]] Result<StatementPtr> ParseDelete();
  [[gnu::noinline]] Result<StatementPtr> ParseCreate();
  Result<StatementPtr> ParseCreateTable(int64_t pos, bool or_replace);
  Status ParseColumnDef(CreateTableStatement* stmt);
  Result<StatementPtr> ParseCreateIndex(int64_t pos, bool unique);
  Result<StatementPtr> ParseCreateView(int64_t pos, bool or_replace);
  Result<StatementPtr> ParseDrop();
  [[gnu::noinline]] Result<StatementPtr> ParseSet();
  Result<bool> ParseIfNotExists();

  // ---- Names ----
  Result<Name> ParseName(std::string_view what);
  Result<std::vector<Name>> ParseQualifiedName(std::string_view what);
  Result<std::string> ParsePlainName(std::string_view what);
  Result<std::vector<std::string>> ParseNameList(std::string_view what);
  Result<std::string> ParseAlias();

  // ---- Queries ----
  Result<SelectPtr> ParseQuery();
  Result<SelectPtr> ParseSetOperation(int min_prec);
  Result<SelectPtr> ParseQueryTerm();
  [[gnu::noinline]] Result<SelectPtr> ParseSelectBlock();
  [[gnu::noinline]] Result<SelectPtr> ParseFromFirstBlock();
  [[gnu::noinline]] Result<SelectPtr> ParseValues();
  Status ParseSelectList(SelectStmt* q);
  [[gnu::noinline]] Status ParseWhereGroupHaving(SelectStmt* q);
  [[gnu::noinline]] Status ParseOrderLimit(SelectStmt* q);
  Result<TableRefPtr> ParseFromList();
  Result<TableRefPtr> ParseJoinChain();
  [[gnu::noinline]] Result<TableRefPtr> ParseTableRef();
  Status ParseTableAlias(TableRef* ref);

  // ---- Expressions ----
  Result<ExprPtr> ParseExpr() { return ParseBinary(kPrecOr); }
  Result<ExprPtr> ParseBinary(int min_prec);
  [[gnu::noinline]] Result<ExprPtr> ParseCompareTail(ExprPtr left, bool* matched);
  Result<ExprPtr> ParseUnary();
  Result<ExprPtr> ParsePostfix();
  Result<ExprPtr> ParsePrimary();
  [[gnu::noinline]] Result<ExprPtr> ParseWordExpr();
  [[gnu::noinline]] Result<ExprPtr> ParseFunctionCall();
  [[gnu::noinline]] Result<ExprPtr> ParseCase();
  [[gnu::noinline]] Result<ExprPtr> ParseCast();
  [[gnu::noinline]] Result<ExprPtr> ParseCastSuffix(ExprPtr e);
  [[gnu::noinline]] Result<ExprPtr> ParseBraces();
  [[gnu::noinline]] Result<ExprPtr> ParseListLiteral();
  [[gnu::noinline]] Result<ExprPtr> ParseInterval();
  Result<std::vector<ExprPtr>> ParseExprList();

  // ---- Types ----
  [[gnu::noinline]] Result<TypeName> ParseTypeName();
  Result<TypeName> ParseBaseType();
  [[gnu::noinline]] Result<TypeName> ParseListType();
  [[gnu::noinline]] Result<TypeName> ParseMapType();
  [[gnu::noinline]] Result<TypeName> ParseStructType();
  [[gnu::noinline]] Result<TypeName> ParseSimpleType();
  Status ExpectAngleClose();

  std::string_view sql_;
  std::vector<Token> toks_;
  // Stack the recursive descent may use before it reports "nested too
  // deeply". An optimized build needs about 1 KB per level, so kMaxDepth
  // levels fit; sanitizer builds need up to ten times that and stop earlier,
  // well inside an 8 MB thread stack.
  static constexpr uintptr_t kStackBudget = 4u << 20;

  size_t i_ = 0;
  int64_t last_end_ = 0;  // end of the last token consumed
  int depth_ = 0;
  int first_line_;
  int first_column_;
  uintptr_t stack_base_;  // frame address where parsing started
  // Keywords tried at token index expected_at_ (for hints).
  std::vector<std::string_view> expected_;
  size_t expected_at_ = static_cast<size_t>(-1);
  // Index of the last token read as an alias without AS.
  size_t implicit_alias_at_ = static_cast<size_t>(-1);
};

// ---------------------------------------------------------------------------
// Errors

std::string ParserImpl::Describe(const Token& t) {
  if (t.kind == TokenKind::kEnd) return "end of input";
  std::string text(t.text);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  if (t.kind == TokenKind::kString || t.kind == TokenKind::kBlobString) return text;
  return "'" + text + "'";
}

std::string ParserImpl::LineColumn(int64_t pos) const {
  int line = 0;
  size_t line_start = 0;
  for (size_t k = 0; k < static_cast<size_t>(pos) && k < sql_.size(); ++k) {
    if (sql_[k] == '\n') {
      ++line;
      line_start = k + 1;
    }
  }
  int column = static_cast<int>(pos - static_cast<int64_t>(line_start)) + 1;
  if (line == 0) column += first_column_ - 1;
  return "line " + std::to_string(first_line_ + line) + ", column " + std::to_string(column);
}

std::string ParserImpl::KeywordHint(const Token& t) const {
  if (t.kind != TokenKind::kIdentifier || t.value.size() < 3 || expected_at_ != i_) return "";
  std::vector<std::string> candidates;
  for (std::string_view kw : expected_) {
    if (kw.size() >= 3) candidates.push_back(Upper(kw));
  }
  std::string match = ClosestMatch(t.value, candidates);
  if (match.empty() || EditDistance(match, t.value) == 0) return "";
  return "did you mean " + match + "?";
}

// `SELECT a FORM t`: FORM was read as an alias of `a`, and the error shows up
// only at `t`. If the token before the error is such an alias and looks like
// a clause keyword, blame it instead.
Status ParserImpl::AliasTypo() const {
  if (implicit_alias_at_ == static_cast<size_t>(-1) || implicit_alias_at_ + 1 != i_) {
    return Status::OK();
  }
  const Token& alias = toks_[implicit_alias_at_];
  if (alias.kind != TokenKind::kIdentifier || alias.value.size() < 2) return Status::OK();
  std::string match = ClosestMatch(alias.value, ClauseKeywords());
  if (match.empty()) return Status::OK();
  return Error(alias, "unexpected " + Describe(alias), "did you mean " + match + "?");
}

Status ParserImpl::Unexpected() const {
  KODIAK_RETURN_IF_ERROR(AliasTypo());
  const Token& t = Cur();
  if (t.kind == TokenKind::kEnd) return Error(t, "unexpected end of input");
  return Error(t, "unexpected " + Describe(t), KeywordHint(t));
}

Status ParserImpl::Expected(std::string_view what) const {
  KODIAK_RETURN_IF_ERROR(AliasTypo());
  std::string msg = "expected " + std::string(what);
  if (i_ > 0) msg += " after " + Describe(Prev());
  return Error(Cur(), std::move(msg), KeywordHint(Cur()));
}

Status ParserImpl::ExpectWord(std::string_view kw) {
  if (AcceptWord(kw)) return Status::OK();
  return Expected(Upper(kw));
}

Status ParserImpl::Expect(TokenKind kind, std::string_view what) {
  if (Accept(kind)) return Status::OK();
  return Expected(what);
}

Status ParserImpl::ExpectClose(TokenKind close, const Token& open) {
  if (Accept(close)) return Status::OK();
  KODIAK_RETURN_IF_ERROR(AliasTypo());
  const Token& t = Cur();
  std::string msg = std::string("expected ") + TokenKindName(close) + " to close " +
                    TokenKindName(open.kind) + " at " + LineColumn(open.pos);
  return Error(t, std::move(msg), KeywordHint(t));
}

// ---------------------------------------------------------------------------
// Entry points

Result<StatementPtr> ParserImpl::ParseSingleStatement() {
  if (Check(TokenKind::kEnd) || Check(TokenKind::kSemicolon)) {
    return Error(Cur(), "empty statement");
  }
  KODIAK_ASSIGN_OR_RETURN(StatementPtr stmt, ParseStmt());
  if (Accept(TokenKind::kSemicolon)) {
    if (!Check(TokenKind::kEnd)) {
      return Error(Cur(), "unexpected " + Describe(Cur()) + " after the end of the statement",
                   "give one statement at a time");
    }
  } else if (!Check(TokenKind::kEnd)) {
    return Unexpected();
  }
  return stmt;
}

Result<ExprPtr> ParserImpl::ParseSingleExpression() {
  KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
  if (!Check(TokenKind::kEnd)) return Unexpected();
  return e;
}

Result<TypeName> ParserImpl::ParseSingleType() {
  KODIAK_ASSIGN_OR_RETURN(TypeName t, ParseTypeName());
  if (!Check(TokenKind::kEnd)) return Unexpected();
  return t;
}

// ---------------------------------------------------------------------------
// Statements

Result<StatementPtr> ParserImpl::ParseStmt() {
  DepthGuard guard(this);
  if (guard.too_deep()) return TooDeep();
  const Token& t = Cur();
  const int64_t pos = t.pos;
  if (StartsQuery(t)) {
    auto stmt = std::make_unique<SelectStatement>();
    stmt->pos = pos;
    KODIAK_ASSIGN_OR_RETURN(stmt->query, ParseQuery());
    return StatementPtr(std::move(stmt));
  }
  if (t.kind != TokenKind::kIdentifier) {
    return Error(t, "expected a statement, found " + Describe(t),
                 "a statement starts with a keyword such as SELECT, INSERT or CREATE");
  }
  const std::string& w = t.value;
  if (w == "insert" || w == "replace") return ParseInsert();
  if (w == "update") return ParseUpdate();
  if (w == "delete") return ParseDelete();
  if (w == "create") return ParseCreate();
  if (w == "drop") return ParseDrop();
  if (w == "set") return ParseSet();
  if (w == "begin" || w == "start" || w == "commit" || w == "end" || w == "rollback") {
    Advance();
    StmtKind kind = w == "begin" || w == "start" ? StmtKind::kBegin
                    : w == "rollback"            ? StmtKind::kRollback
                                                 : StmtKind::kCommit;
    if (w == "start") {
      KODIAK_RETURN_IF_ERROR(ExpectWord("transaction"));
    } else {
      if (w == "begin") {
        // SQLite's locking modes change nothing here: there is one writer at a time anyway.
        if (!AcceptWord("deferred") && !AcceptWord("immediate")) AcceptWord("exclusive");
      }
      if (!AcceptWord("transaction")) AcceptWord("work");
    }
    auto stmt = std::make_unique<TransactionStatement>(kind);
    stmt->pos = pos;
    return StatementPtr(std::move(stmt));
  }
  if (w == "explain") {
    Advance();
    auto stmt = std::make_unique<ExplainStatement>();
    stmt->pos = pos;
    stmt->analyze = AcceptWord("analyze");
    if (Check(TokenKind::kEnd) || Check(TokenKind::kSemicolon)) {
      return Expected("a statement");
    }
    KODIAK_ASSIGN_OR_RETURN(stmt->statement, ParseStmt());
    return StatementPtr(std::move(stmt));
  }
  if (w == "show") {
    Advance();
    auto stmt = std::make_unique<ShowStatement>();
    stmt->pos = pos;
    if (AcceptWord("tables")) {
      stmt->what = ShowStatement::What::kTables;
    } else if (AcceptWord("variables")) {
      stmt->what = ShowStatement::What::kVariables;
    } else {
      return Expected("TABLES or VARIABLES");
    }
    return StatementPtr(std::move(stmt));
  }
  if (w == "describe" || w == "desc") {
    Advance();
    auto stmt = std::make_unique<DescribeStatement>();
    stmt->pos = pos;
    KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
    return StatementPtr(std::move(stmt));
  }
  if (w == "unset") {
    Advance();
    AcceptWord("variable");
    auto stmt = std::make_unique<UnsetStatement>();
    stmt->pos = pos;
    KODIAK_ASSIGN_OR_RETURN(stmt->name, ParsePlainName("a variable name"));
    return StatementPtr(std::move(stmt));
  }
  return Error(t, "unknown statement " + std::string(t.text),
               DidYouMean(t.text, StatementKeywords()));
}

Result<StatementPtr> ParserImpl::ParseInsert() {
  auto stmt = std::make_unique<InsertStatement>();
  stmt->pos = Cur().pos;
  if (AcceptWord("replace")) {
    stmt->on_conflict = ConflictAction::kReplace;
  } else {
    Advance();  // INSERT
    if (AcceptWord("or")) {
      if (AcceptWord("replace")) {
        stmt->on_conflict = ConflictAction::kReplace;
      } else if (AcceptWord("ignore")) {
        stmt->on_conflict = ConflictAction::kIgnore;
      } else {
        return Expected("REPLACE or IGNORE");
      }
    }
  }
  KODIAK_RETURN_IF_ERROR(ExpectWord("into"));
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  if (Check(TokenKind::kLParen) && !StartsQuery(Peek())) {
    const Token& open = Cur();
    Advance();
    do {
      KODIAK_ASSIGN_OR_RETURN(Name col, ParseName("a column name"));
      stmt->columns.push_back(std::move(col));
    } while (Accept(TokenKind::kComma));
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  }
  if (AcceptWord("default")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("values"));
    stmt->default_values = true;
  } else if (StartsQuery(Cur())) {
    KODIAK_ASSIGN_OR_RETURN(stmt->source, ParseQuery());
  } else {
    PeekWord("values");
    PeekWord("select");
    return Expected("VALUES, SELECT or DEFAULT VALUES");
  }
  if (PeekWord("on")) return NotSupported(Cur(), "INSERT ... ON CONFLICT");
  if (PeekWord("returning")) return NotSupported(Cur(), "RETURNING");
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseUpdate() {
  auto stmt = std::make_unique<UpdateStatement>();
  stmt->pos = Cur().pos;
  Advance();
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  KODIAK_ASSIGN_OR_RETURN(stmt->alias, ParseAlias());
  KODIAK_RETURN_IF_ERROR(ExpectWord("set"));
  do {
    KODIAK_ASSIGN_OR_RETURN(Name col, ParseName("a column name"));
    if (Accept(TokenKind::kDot)) {
      // `SET t.c = ...`: there is one target table, so the qualifier is noise.
      KODIAK_ASSIGN_OR_RETURN(col, ParseName("a column name"));
    }
    if (!Accept(TokenKind::kEq) && !Accept(TokenKind::kEqEq)) return Expected("'='");
    KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
    stmt->assignments.emplace_back(std::move(col), std::move(value));
  } while (Accept(TokenKind::kComma));
  if (PeekWord("from")) return NotSupported(Cur(), "UPDATE ... FROM");
  if (AcceptWord("where")) {
    KODIAK_ASSIGN_OR_RETURN(stmt->where, ParseExpr());
  }
  if (PeekWord("returning")) return NotSupported(Cur(), "RETURNING");
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseDelete() {
  auto stmt = std::make_unique<DeleteStatement>();
  stmt->pos = Cur().pos;
  Advance();
  KODIAK_RETURN_IF_ERROR(ExpectWord("from"));
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  KODIAK_ASSIGN_OR_RETURN(stmt->alias, ParseAlias());
  if (PeekWord("using")) return NotSupported(Cur(), "DELETE ... USING");
  if (AcceptWord("where")) {
    KODIAK_ASSIGN_OR_RETURN(stmt->where, ParseExpr());
  }
  if (PeekWord("returning")) return NotSupported(Cur(), "RETURNING");
  return StatementPtr(std::move(stmt));
}

Result<bool> ParserImpl::ParseIfNotExists() {
  if (!AcceptWord("if")) return false;
  KODIAK_RETURN_IF_ERROR(ExpectWord("not"));
  KODIAK_RETURN_IF_ERROR(ExpectWord("exists"));
  return true;
}

Result<StatementPtr> ParserImpl::ParseCreate() {
  const int64_t pos = Cur().pos;
  Advance();  // CREATE
  bool or_replace = false;
  if (AcceptWord("or")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("replace"));
    or_replace = true;
  }
  const Token& what = Cur();
  if (AcceptWord("unique")) {
    if (or_replace) return Error(what, "CREATE OR REPLACE is not allowed for an index");
    KODIAK_RETURN_IF_ERROR(ExpectWord("index"));
    return ParseCreateIndex(pos, true);
  }
  if (AcceptWord("table")) return ParseCreateTable(pos, or_replace);
  if (AcceptWord("view")) return ParseCreateView(pos, or_replace);
  if (AcceptWord("index")) {
    if (or_replace) return Error(what, "CREATE OR REPLACE is not allowed for an index");
    return ParseCreateIndex(pos, false);
  }
  if (PeekWord("type")) return NotSupported(what, "CREATE TYPE");
  if (PeekWord("function")) return NotSupported(what, "CREATE FUNCTION");
  if (PeekWord("temp") || PeekWord("temporary")) return NotSupported(what, "a temporary table");
  if (PeekWord("trigger") || what.IsWord("schema") || what.IsWord("sequence") ||
      what.IsWord("macro")) {
    return NotSupported(what, "CREATE " + Upper(what.value));
  }
  return Expected("TABLE, VIEW, INDEX, TYPE or FUNCTION");
}

Result<StatementPtr> ParserImpl::ParseCreateTable(int64_t pos, bool or_replace) {
  auto stmt = std::make_unique<CreateTableStatement>();
  stmt->pos = pos;
  stmt->or_replace = or_replace;
  KODIAK_ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists());
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParseQualifiedName("a table name"));
  if (AcceptWord("as")) {
    KODIAK_ASSIGN_OR_RETURN(stmt->as_select, ParseQuery());
    return StatementPtr(std::move(stmt));
  }
  if (PeekWord("of")) return NotSupported(Cur(), "CREATE TABLE ... OF a type");
  if (!Check(TokenKind::kLParen)) return Expected("'(' or AS");
  const Token& open = Cur();
  Advance();
  do {
    const Token& t = Cur();
    if (t.IsWord("primary") && Peek().IsWord("key") && Peek(2).Is(TokenKind::kLParen)) {
      Advance();
      Advance();
      if (!stmt->primary_key.empty()) return Error(t, "a table can have only one PRIMARY KEY");
      KODIAK_ASSIGN_OR_RETURN(stmt->primary_key, ParseNameList("a column name"));
    } else if (t.IsWord("unique") && Peek().Is(TokenKind::kLParen)) {
      Advance();
      KODIAK_ASSIGN_OR_RETURN(auto cols, ParseNameList("a column name"));
      stmt->unique_keys.push_back(std::move(cols));
    } else if (t.IsWord("constraint") || t.IsWord("check") || t.IsWord("foreign")) {
      return NotSupported(t, Upper(t.value) + " in CREATE TABLE");
    } else {
      KODIAK_RETURN_IF_ERROR(ParseColumnDef(stmt.get()));
    }
  } while (Accept(TokenKind::kComma));
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  if (stmt->columns.empty()) return Error(open, "a table needs at least one column");
  return StatementPtr(std::move(stmt));
}

Status ParserImpl::ParseColumnDef(CreateTableStatement* stmt) {
  ColumnDef col;
  const Token& name_tok = Cur();
  if (name_tok.Is(TokenKind::kLBrace)) {
    return Error(name_tok, "a column definition needs its name written out, not a variable");
  }
  KODIAK_ASSIGN_OR_RETURN(col.name, ParsePlainName("a column name"));
  col.pos = name_tok.pos;
  const Token& t = Cur();
  if (t.Is(TokenKind::kComma) || t.Is(TokenKind::kRParen) || t.Is(TokenKind::kEnd) ||
      t.IsWord("not") || t.IsWord("null") || t.IsWord("primary") || t.IsWord("unique") ||
      t.IsWord("default")) {
    return Error(t, "expected a type for column " + col.name,
                 "write the type after the name, e.g. " + col.name + " INT64");
  }
  KODIAK_ASSIGN_OR_RETURN(col.type, ParseTypeName());
  while (true) {
    const Token& c = Cur();
    if (AcceptWord("not")) {
      KODIAK_RETURN_IF_ERROR(ExpectWord("null"));
      col.not_null = true;
    } else if (AcceptWord("null")) {
      col.not_null = false;
    } else if (AcceptWord("primary")) {
      KODIAK_RETURN_IF_ERROR(ExpectWord("key"));
      if (!AcceptWord("asc")) AcceptWord("desc");
      col.primary_key = true;
    } else if (AcceptWord("unique")) {
      col.unique = true;
    } else if (AcceptWord("default")) {
      if (col.default_value) return Error(c, "column " + col.name + " has two DEFAULTs");
      // As in PostgreSQL, a DEFAULT is an expression without comparisons or
      // AND/OR at its top, so `DEFAULT 0 NOT NULL` reads as intended.
      KODIAK_ASSIGN_OR_RETURN(col.default_value, ParseBinary(kPrecBit));
    } else if (c.IsWord("check") || c.IsWord("references") || c.IsWord("collate") ||
               c.IsWord("generated") || c.IsWord("autoincrement") || c.IsWord("constraint")) {
      return NotSupported(c, Upper(c.value) + " in a column definition");
    } else {
      break;
    }
  }
  stmt->columns.push_back(std::move(col));
  return Status::OK();
}

Result<StatementPtr> ParserImpl::ParseCreateIndex(int64_t pos, bool unique) {
  auto stmt = std::make_unique<CreateIndexStatement>();
  stmt->pos = pos;
  stmt->unique = unique;
  KODIAK_ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists());
  if (Cur().IsWord("on")) {
    return Error(Cur(), "expected an index name after " + Describe(Prev()),
                 "name the index: CREATE INDEX name ON table (columns)");
  }
  KODIAK_ASSIGN_OR_RETURN(stmt->index_name, ParsePlainName("an index name"));
  KODIAK_RETURN_IF_ERROR(ExpectWord("on"));
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  if (!Check(TokenKind::kLParen)) return Expected("'(' and the indexed columns");
  const Token& open = Cur();
  Advance();
  do {
    KODIAK_ASSIGN_OR_RETURN(std::string col, ParsePlainName("a column name"));
    // The order of an index does not change what queries return.
    if (!AcceptWord("asc")) AcceptWord("desc");
    stmt->columns.push_back(std::move(col));
  } while (Accept(TokenKind::kComma));
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseCreateView(int64_t pos, bool or_replace) {
  auto stmt = std::make_unique<CreateViewStatement>();
  stmt->pos = pos;
  stmt->or_replace = or_replace;
  KODIAK_ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists());
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParseQualifiedName("a view name"));
  if (Check(TokenKind::kLParen)) {
    KODIAK_ASSIGN_OR_RETURN(stmt->column_names, ParseNameList("a column name"));
  }
  KODIAK_RETURN_IF_ERROR(ExpectWord("as"));
  const int64_t start = Cur().pos;
  KODIAK_ASSIGN_OR_RETURN(stmt->query, ParseQuery());
  const int64_t end = last_end_;
  stmt->query_text = std::string(sql_.substr(start, end - start));
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseDrop() {
  auto stmt = std::make_unique<DropStatement>();
  stmt->pos = Cur().pos;
  Advance();
  if (AcceptWord("table")) {
    stmt->object = ObjectKind::kTable;
  } else if (AcceptWord("view")) {
    stmt->object = ObjectKind::kView;
  } else if (AcceptWord("index")) {
    stmt->object = ObjectKind::kIndex;
  } else if (AcceptWord("type")) {
    stmt->object = ObjectKind::kType;
  } else if (AcceptWord("function")) {
    stmt->object = ObjectKind::kFunction;
  } else if (AcceptWord("trigger")) {
    stmt->object = ObjectKind::kTrigger;
  } else {
    return Expected("TABLE, VIEW, INDEX, TYPE, FUNCTION or TRIGGER");
  }
  if (AcceptWord("if")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("exists"));
    stmt->if_exists = true;
  }
  static const char* const kWhat[] = {"a table name", "a view name",     "an index name",
                                      "a type name",  "a function name", "a trigger name"};
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParseQualifiedName(kWhat[static_cast<int>(stmt->object)]));
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseSet() {
  auto stmt = std::make_unique<SetStatement>();
  stmt->pos = Cur().pos;
  Advance();  // SET
  if (Cur().IsWord("variable") &&
      (Peek().kind == TokenKind::kIdentifier || Peek().kind == TokenKind::kQuotedIdentifier)) {
    Advance();
  }
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParsePlainName("a variable name"));
  if (!Accept(TokenKind::kEq) && !Accept(TokenKind::kEqEq) && !AcceptWord("to")) {
    return Expected("'='");
  }
  KODIAK_ASSIGN_OR_RETURN(stmt->value, ParseExpr());
  return StatementPtr(std::move(stmt));
}

// ---------------------------------------------------------------------------
// Names

Result<Name> ParserImpl::ParseName(std::string_view what) {
  const Token& t = Cur();
  Name name;
  name.pos = t.pos;
  if (t.kind == TokenKind::kIdentifier && !IsReservedKeyword(t.value)) {
    name.text = t.value;
    Advance();
    return name;
  }
  if (t.kind == TokenKind::kQuotedIdentifier) {
    name.text = t.value;
    name.quoted = true;
    Advance();
    return name;
  }
  if (t.kind == TokenKind::kLBrace &&
      (Peek().kind == TokenKind::kIdentifier || Peek().kind == TokenKind::kQuotedIdentifier) &&
      Peek(2).kind == TokenKind::kRBrace) {
    name.text = Peek().value;
    name.from_variable = true;
    Advance();
    Advance();
    Advance();
    return name;
  }
  if (t.kind == TokenKind::kIdentifier) {
    KODIAK_RETURN_IF_ERROR(AliasTypo());
    std::string msg = "expected " + std::string(what);
    if (i_ > 0) msg += " after " + Describe(Prev());
    return Error(t, msg + ", found the keyword " + Upper(t.value),
                 "write `" + t.value + "` to use it as a name");
  }
  return Expected(what);
}

Result<std::vector<Name>> ParserImpl::ParseQualifiedName(std::string_view what) {
  std::vector<Name> parts;
  KODIAK_ASSIGN_OR_RETURN(Name first, ParseName(what));
  parts.push_back(std::move(first));
  if (Accept(TokenKind::kDot)) {
    KODIAK_ASSIGN_OR_RETURN(Name second, ParseName(what));
    parts.push_back(std::move(second));
  }
  return parts;
}

Result<std::string> ParserImpl::ParsePlainName(std::string_view what) {
  if (Check(TokenKind::kLBrace)) return Expected(what);
  KODIAK_ASSIGN_OR_RETURN(Name name, ParseName(what));
  return std::move(name.text);
}

// `( name, name, ... )`
Result<std::vector<std::string>> ParserImpl::ParseNameList(std::string_view what) {
  const Token& open = Cur();
  KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'('"));
  std::vector<std::string> names;
  do {
    KODIAK_ASSIGN_OR_RETURN(std::string n, ParsePlainName(what));
    names.push_back(std::move(n));
  } while (Accept(TokenKind::kComma));
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  return names;
}

// `[AS] alias`; "" when there is none.
Result<std::string> ParserImpl::ParseAlias() {
  if (AcceptWord("as")) {
    if (Check(TokenKind::kString)) {  // AS 'x', as SQLite allows
      std::string alias = Cur().value;
      Advance();
      return alias;
    }
    return ParsePlainName("an alias");
  }
  if (CanBeImplicitAlias(Cur()) && !(Cur().IsWord("indexed") && Peek().IsWord("by"))) {
    implicit_alias_at_ = i_;
    std::string alias = Cur().value;
    Advance();
    return alias;
  }
  return std::string();
}

// ---------------------------------------------------------------------------
// Queries

Result<SelectPtr> ParserImpl::ParseQuery() {
  DepthGuard guard(this);
  if (guard.too_deep()) return TooDeep();
  const int64_t pos = Cur().pos;
  std::vector<CommonTableExpr> with;
  bool recursive = false;
  const Token& with_tok = Cur();
  if (AcceptWord("with")) {
    recursive = AcceptWord("recursive");
    do {
      CommonTableExpr cte;
      cte.pos = Cur().pos;
      KODIAK_ASSIGN_OR_RETURN(cte.name, ParsePlainName("a name for the WITH query"));
      if (Check(TokenKind::kLParen)) {
        KODIAK_ASSIGN_OR_RETURN(cte.column_names, ParseNameList("a column name"));
      }
      KODIAK_RETURN_IF_ERROR(ExpectWord("as"));
      const Token& open = Cur();
      KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'(' and a query"));
      KODIAK_ASSIGN_OR_RETURN(cte.query, ParseQuery());
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      with.push_back(std::move(cte));
    } while (Accept(TokenKind::kComma));
  }
  KODIAK_ASSIGN_OR_RETURN(SelectPtr q, ParseSetOperation(1));
  KODIAK_RETURN_IF_ERROR(ParseOrderLimit(q.get()));
  if (!with.empty()) {
    if (!q->with.empty()) return Error(with_tok, "a query can have only one WITH clause");
    q->with = std::move(with);
    q->with_recursive = recursive;
    q->pos = pos;
  }
  return q;
}

// UNION and EXCEPT bind equally loosely, INTERSECT tighter; all are
// left-associative.
Result<SelectPtr> ParserImpl::ParseSetOperation(int min_prec) {
  KODIAK_ASSIGN_OR_RETURN(SelectPtr left, ParseQueryTerm());
  for (int chain = 0;; ++chain) {
    if (depth_ + chain > Parser::kMaxDepth) return TooLong();
    SetOpKind kind;
    int prec;
    if (PeekWord("union")) {
      kind = SetOpKind::kUnion;
      prec = 1;
    } else if (PeekWord("except")) {
      kind = SetOpKind::kExcept;
      prec = 1;
    } else if (PeekWord("intersect")) {
      kind = SetOpKind::kIntersect;
      prec = 2;
    } else {
      break;
    }
    if (prec < min_prec) break;
    Advance();
    bool all = AcceptWord("all");
    if (!all) AcceptWord("distinct");
    KODIAK_ASSIGN_OR_RETURN(SelectPtr right, ParseSetOperation(prec + 1));
    auto node = std::make_unique<SelectStmt>();
    node->pos = left->pos;
    node->set_op = kind;
    node->set_all = all;
    node->left = std::move(left);
    node->right = std::move(right);
    left = std::move(node);
  }
  return left;
}

Result<SelectPtr> ParserImpl::ParseQueryTerm() {
  if (PeekWord("select")) return ParseSelectBlock();
  if (PeekWord("from")) return ParseFromFirstBlock();
  if (PeekWord("values")) return ParseValues();
  if (Check(TokenKind::kLParen)) {
    const Token& open = Cur();
    Advance();
    KODIAK_ASSIGN_OR_RETURN(SelectPtr q, ParseQuery());
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    return q;
  }
  return Expected("a query (SELECT, FROM or VALUES)");
}

Result<SelectPtr> ParserImpl::ParseSelectBlock() {
  auto q = std::make_unique<SelectStmt>();
  q->pos = Cur().pos;
  Advance();  // SELECT
  KODIAK_RETURN_IF_ERROR(ParseSelectList(q.get()));
  if (AcceptWord("from")) {
    KODIAK_ASSIGN_OR_RETURN(q->from, ParseFromList());
  }
  KODIAK_RETURN_IF_ERROR(ParseWhereGroupHaving(q.get()));
  return q;
}

// FROM t [SELECT items] [WHERE ...] ...: `FROM t` alone is SELECT * FROM t.
Result<SelectPtr> ParserImpl::ParseFromFirstBlock() {
  auto q = std::make_unique<SelectStmt>();
  q->pos = Cur().pos;
  q->from_first = true;
  Advance();  // FROM
  KODIAK_ASSIGN_OR_RETURN(q->from, ParseFromList());
  if (AcceptWord("select")) {
    KODIAK_RETURN_IF_ERROR(ParseSelectList(q.get()));
  } else {
    SelectItem star;
    star.pos = q->pos;
    star.expr = MakeExpr(ExprKind::kStar, q->pos);
    q->items.push_back(std::move(star));
  }
  KODIAK_RETURN_IF_ERROR(ParseWhereGroupHaving(q.get()));
  return q;
}

Result<SelectPtr> ParserImpl::ParseValues() {
  auto q = std::make_unique<SelectStmt>();
  q->pos = Cur().pos;
  Advance();  // VALUES
  do {
    const Token& open = Cur();
    KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'(' and a row of values"));
    KODIAK_ASSIGN_OR_RETURN(std::vector<ExprPtr> row, ParseExprList());
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    if (!q->values.empty() && row.size() != q->values[0].size()) {
      return Error(open, "this VALUES row has " + std::to_string(row.size()) +
                             " values but the first row has " +
                             std::to_string(q->values[0].size()));
    }
    q->values.push_back(std::move(row));
  } while (Accept(TokenKind::kComma));
  return q;
}

Status ParserImpl::ParseSelectList(SelectStmt* q) {
  if (AcceptWord("distinct")) {
    if (PeekWord("on")) return NotSupported(Cur(), "DISTINCT ON");
    q->distinct = true;
  } else {
    AcceptWord("all");
  }
  do {
    SelectItem item;
    const Token& t = Cur();
    item.pos = t.pos;
    auto is_name = [](const Token& k) {
      return k.kind == TokenKind::kIdentifier || k.kind == TokenKind::kQuotedIdentifier;
    };
    auto name_of = [](const Token& k) {
      Name n;
      n.text = k.value;
      n.quoted = k.kind == TokenKind::kQuotedIdentifier;
      n.pos = k.pos;
      return n;
    };
    if (t.Is(TokenKind::kStar)) {
      Advance();
      item.expr = MakeExpr(ExprKind::kStar, t.pos);
    } else if (is_name(t) && Peek().Is(TokenKind::kDot) && Peek(2).Is(TokenKind::kStar)) {
      item.expr = MakeExpr(ExprKind::kStar, t.pos);
      item.expr->names.push_back(name_of(t));
      Advance();
      Advance();
      Advance();
    } else if (is_name(t) && Peek().Is(TokenKind::kDot) && is_name(Peek(2)) &&
               Peek(3).Is(TokenKind::kDot) && Peek(4).Is(TokenKind::kStar)) {
      item.expr = MakeExpr(ExprKind::kStar, t.pos);
      item.expr->names.push_back(name_of(t));
      item.expr->names.push_back(name_of(Peek(2)));
      for (int k = 0; k < 5; ++k) Advance();
    } else {
      KODIAK_ASSIGN_OR_RETURN(item.expr, ParseExpr());
      KODIAK_ASSIGN_OR_RETURN(item.alias, ParseAlias());
    }
    q->items.push_back(std::move(item));
  } while (Accept(TokenKind::kComma));
  return Status::OK();
}

Status ParserImpl::ParseWhereGroupHaving(SelectStmt* q) {
  if (AcceptWord("where")) {
    KODIAK_ASSIGN_OR_RETURN(q->where, ParseExpr());
  }
  if (AcceptWord("group")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
    KODIAK_ASSIGN_OR_RETURN(q->group_by, ParseExprList());
  }
  if (AcceptWord("having")) {
    KODIAK_ASSIGN_OR_RETURN(q->having, ParseExpr());
  }
  if (PeekWord("window")) return NotSupported(Cur(), "WINDOW");
  if (PeekWord("qualify")) return NotSupported(Cur(), "QUALIFY");
  return Status::OK();
}

Status ParserImpl::ParseOrderLimit(SelectStmt* q) {
  if (PeekWord("order")) {
    const Token& t = Cur();
    Advance();
    KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
    if (!q->order_by.empty()) return Error(t, "a query can have only one ORDER BY");
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
      q->order_by.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  // LIMIT and OFFSET, in either order, each at most once.
  for (int round = 0; round < 2; ++round) {
    const Token& t = Cur();
    if (AcceptWord("limit")) {
      if (q->limit) return Error(t, "a query can have only one LIMIT");
      if (AcceptWord("all")) continue;
      KODIAK_ASSIGN_OR_RETURN(ExprPtr first, ParseExpr());
      if (Accept(TokenKind::kComma)) {
        // SQLite's LIMIT <offset>, <count>.
        if (q->offset) return Error(t, "a query can have only one OFFSET");
        q->offset = std::move(first);
        KODIAK_ASSIGN_OR_RETURN(q->limit, ParseExpr());
      } else {
        q->limit = std::move(first);
      }
    } else if (AcceptWord("offset")) {
      if (q->offset) return Error(t, "a query can have only one OFFSET");
      KODIAK_ASSIGN_OR_RETURN(q->offset, ParseExpr());
      if (!AcceptWord("rows")) AcceptWord("row");
    } else {
      break;
    }
  }
  return Status::OK();
}

// refs separated by commas: a cross join of each with the next.
Result<TableRefPtr> ParserImpl::ParseFromList() {
  KODIAK_ASSIGN_OR_RETURN(TableRefPtr left, ParseJoinChain());
  for (int chain = 0; Accept(TokenKind::kComma); ++chain) {
    if (depth_ + chain > Parser::kMaxDepth) return TooLong();
    KODIAK_ASSIGN_OR_RETURN(TableRefPtr right, ParseJoinChain());
    auto join = std::make_unique<TableRef>();
    join->kind = TableRef::Kind::kJoin;
    join->pos = left->pos;
    join->join_type = JoinType::kCross;
    join->left = std::move(left);
    join->right = std::move(right);
    left = std::move(join);
  }
  return left;
}

Result<TableRefPtr> ParserImpl::ParseJoinChain() {
  KODIAK_ASSIGN_OR_RETURN(TableRefPtr left, ParseTableRef());
  for (int chain = 0;; ++chain) {
    if (depth_ + chain > Parser::kMaxDepth) return TooLong();
    const Token& start = Cur();
    bool natural = AcceptWord("natural");
    JoinType type;
    bool plain_inner = false;
    if (AcceptWord("join")) {
      type = JoinType::kInner;
      plain_inner = true;
    } else if (AcceptWord("inner")) {
      type = JoinType::kInner;
      plain_inner = true;
      KODIAK_RETURN_IF_ERROR(ExpectWord("join"));
    } else if (AcceptWord("left") || AcceptWord("right") || AcceptWord("full")) {
      type = Prev().IsWord("left")    ? JoinType::kLeft
             : Prev().IsWord("right") ? JoinType::kRight
                                      : JoinType::kFull;
      AcceptWord("outer");
      KODIAK_RETURN_IF_ERROR(ExpectWord("join"));
    } else if (AcceptWord("cross")) {
      if (natural) return Error(Prev(), "NATURAL CROSS JOIN is not a join; drop NATURAL");
      type = JoinType::kCross;
      KODIAK_RETURN_IF_ERROR(ExpectWord("join"));
    } else {
      if (natural) return Expected("JOIN");
      break;
    }
    KODIAK_ASSIGN_OR_RETURN(TableRefPtr right, ParseTableRef());
    auto join = std::make_unique<TableRef>();
    join->kind = TableRef::Kind::kJoin;
    join->pos = left->pos;
    join->join_type = type;
    join->natural = natural;
    join->left = std::move(left);
    join->right = std::move(right);
    const Token& cond = Cur();
    if (natural || type == JoinType::kCross) {
      if (cond.IsWord("on") || cond.IsWord("using")) {
        return Error(cond, std::string("a ") + (natural ? "NATURAL" : "CROSS") + " JOIN takes no " +
                               Upper(cond.value) + " condition");
      }
    } else if (AcceptWord("on")) {
      KODIAK_ASSIGN_OR_RETURN(join->on, ParseExpr());
    } else if (AcceptWord("using")) {
      KODIAK_ASSIGN_OR_RETURN(join->using_columns, ParseNameList("a column name"));
    } else if (plain_inner) {
      // SQLite reads `a JOIN b` without a condition as a cross join.
      join->join_type = JoinType::kCross;
    } else {
      KODIAK_RETURN_IF_ERROR(AliasTypo());
      return Error(cond, "expected ON or USING after the joined table",
                   KeywordHint(cond).empty()
                       ? "e.g. " + Upper(start.value) + " JOIN u ON t.id = u.id"
                       : KeywordHint(cond));
    }
    left = std::move(join);
  }
  return left;
}

Result<TableRefPtr> ParserImpl::ParseTableRef() {
  auto ref = std::make_unique<TableRef>();
  const Token& t = Cur();
  ref->pos = t.pos;
  if (t.Is(TokenKind::kLParen)) {
    const Token& open = t;
    if (StartsQuery(Peek())) {
      Advance();
      ref->kind = TableRef::Kind::kSubquery;
      KODIAK_ASSIGN_OR_RETURN(ref->subquery, ParseQuery());
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    } else {
      // A parenthesized join: (a JOIN b ON ...).
      DepthGuard guard(this);
      if (guard.too_deep()) return TooDeep();
      Advance();
      KODIAK_ASSIGN_OR_RETURN(TableRefPtr inner, ParseFromList());
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      return inner;
    }
  } else if (t.Is(TokenKind::kString)) {
    // `FROM 'data.csv'` reads a file: the table function read_file('data.csv').
    ref->kind = TableRef::Kind::kFunction;
    Name fn;
    fn.text = "read_file";
    fn.pos = t.pos;
    ref->name.push_back(std::move(fn));
    ref->args.push_back(MakeTextLiteral(t.value, t.pos));
    Advance();
  } else {
    KODIAK_ASSIGN_OR_RETURN(ref->name, ParseQualifiedName("a table name"));
    if (Check(TokenKind::kLParen) && !ref->name.back().from_variable) {
      const Token& open = Cur();
      Advance();
      ref->kind = TableRef::Kind::kFunction;
      if (!Check(TokenKind::kRParen)) {
        KODIAK_ASSIGN_OR_RETURN(ref->args, ParseExprList());
      }
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    }
  }
  KODIAK_RETURN_IF_ERROR(ParseTableAlias(ref.get()));
  return ref;
}

Status ParserImpl::ParseTableAlias(TableRef* ref) {
  KODIAK_ASSIGN_OR_RETURN(ref->alias, ParseAlias());
  if (!ref->alias.empty() && Check(TokenKind::kLParen)) {
    KODIAK_ASSIGN_OR_RETURN(ref->column_aliases, ParseNameList("a column name"));
  }
  // SQLite's index hints, INDEXED BY i and NOT INDEXED: the planner chooses
  // indexes itself, and the hints do not change results, so they are read
  // and dropped.
  if (ref->kind == TableRef::Kind::kTable) {
    if (Cur().IsWord("not") && Peek().IsWord("indexed")) {
      Advance();
      Advance();
    } else if (Cur().IsWord("indexed") && Peek().IsWord("by")) {
      Advance();
      Advance();
      KODIAK_RETURN_IF_ERROR(ParsePlainName("an index name").status());
    }
  }
  return Status::OK();
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
    } else if (Check(TokenKind::kDot)) {
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

Result<ExprPtr> ParserImpl::ParsePrimary() {
  const Token& t = Cur();
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
  if (next.Is(TokenKind::kLBrace)) {
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
    if (PeekWord("order")) return NotSupported(Cur(), "ORDER BY inside a function call");
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  if (PeekWord("over")) return NotSupported(Cur(), "a window function (OVER)");
  if (Cur().IsWord("filter") && Peek().Is(TokenKind::kLParen)) {
    return NotSupported(Cur(), "FILTER (WHERE ...)");
  }
  return e;
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

// ---------------------------------------------------------------------------
// Types

// `>` closing LIST<...> / MAP<...>; splits a `>>` token in two.
Status ParserImpl::ExpectAngleClose() {
  Token& t = toks_[i_];
  if (t.kind == TokenKind::kShiftRight) {
    t.kind = TokenKind::kGt;
    t.pos += 1;
    t.text = t.text.substr(1);
    last_end_ = t.pos;
    return Status::OK();
  }
  return Expect(TokenKind::kGt, "'>'");
}

Result<TypeName> ParserImpl::ParseTypeName() {
  DepthGuard guard(this);
  if (guard.too_deep()) return TooDeep();
  const int64_t start = Cur().pos;
  KODIAK_ASSIGN_OR_RETURN(TypeName type, ParseBaseType());
  while (Check(TokenKind::kLBracket) && Peek().Is(TokenKind::kRBracket)) {
    Advance();
    Advance();
    if (type.resolved) type.type = LogicalType::List(type.type);
  }
  type.pos = start;
  type.name = std::string(sql_.substr(start, last_end_ - start));
  return type;
}

// One type without its `[]` suffixes; each kind of type has its own
// function, so the frames on the recursive path stay small.
Result<TypeName> ParserImpl::ParseBaseType() {
  const Token& t = Cur();
  if (t.kind == TokenKind::kQuotedIdentifier) {
    Advance();
    TypeName out;  // a named type, spelt exactly
    out.pos = t.pos;
    return out;
  }
  if (t.kind != TokenKind::kIdentifier || IsReservedKeyword(t.value)) {
    return Expected("a type name");
  }
  if (t.value == "list" || t.value == "array") return ParseListType();
  if (t.value == "map") return ParseMapType();
  if (t.value == "struct" || t.value == "row") return ParseStructType();
  return ParseSimpleType();
}

// LIST<T>
Result<TypeName> ParserImpl::ParseListType() {
  TypeName out;
  out.pos = Cur().pos;
  Advance();
  if (!Accept(TokenKind::kLt)) return Expected("'<' and the element type, as in LIST<INT>");
  KODIAK_ASSIGN_OR_RETURN(TypeName child, ParseTypeName());
  KODIAK_RETURN_IF_ERROR(ExpectAngleClose());
  out.resolved = child.resolved;
  if (out.resolved) out.type = LogicalType::List(child.type);
  return out;
}

// MAP<K, V> or MAP(K, V)
Result<TypeName> ParserImpl::ParseMapType() {
  TypeName out;
  out.pos = Cur().pos;
  Advance();
  const bool angle = Check(TokenKind::kLt);
  const Token& open = Cur();
  if (!Accept(TokenKind::kLt) && !Accept(TokenKind::kLParen)) {
    return Expected("'<' and the key and value types, as in MAP<TEXT, INT>");
  }
  KODIAK_ASSIGN_OR_RETURN(TypeName key, ParseTypeName());
  KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kComma, "','"));
  KODIAK_ASSIGN_OR_RETURN(TypeName value, ParseTypeName());
  if (angle) {
    KODIAK_RETURN_IF_ERROR(ExpectAngleClose());
  } else {
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  }
  out.resolved = key.resolved && value.resolved;
  if (out.resolved) out.type = LogicalType::Map(key.type, value.type);
  return out;
}

// STRUCT(a T, b T), STRUCT(a: T, ...) or STRUCT { a: T, ... }.
Result<TypeName> ParserImpl::ParseStructType() {
  TypeName out;
  out.pos = Cur().pos;
  Advance();
  const Token& open = Cur();
  TokenKind close;
  if (Accept(TokenKind::kLParen)) {
    close = TokenKind::kRParen;
  } else if (Accept(TokenKind::kLBrace)) {
    close = TokenKind::kRBrace;
  } else {
    return Expected("'(' and the fields, as in STRUCT(a INT, b TEXT)");
  }
  std::vector<StructField> fields;
  bool resolved = true;
  while (!Check(close)) {
    const Token& f = Cur();
    if (f.kind != TokenKind::kIdentifier && f.kind != TokenKind::kQuotedIdentifier &&
        f.kind != TokenKind::kString) {
      return Expected("a field name");
    }
    for (const StructField& seen : fields) {
      if (seen.name == f.value) return Error(f, "duplicate field name " + Describe(f));
    }
    Advance();
    Accept(TokenKind::kColon);
    KODIAK_ASSIGN_OR_RETURN(TypeName ft, ParseTypeName());
    resolved = resolved && ft.resolved;
    fields.push_back(StructField{f.value, ft.type});
    if (!Accept(TokenKind::kComma)) break;
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(close, open));
  if (fields.empty()) return Error(open, "a STRUCT needs at least one field");
  out.resolved = resolved;
  if (resolved) out.type = LogicalType::Struct(std::move(fields));
  return out;
}

// A built-in type name with optional parameters, or a named type.
Result<TypeName> ParserImpl::ParseSimpleType() {
  const Token& t = Cur();
  TypeName out;
  out.pos = t.pos;
  const std::string& w = t.value;
  Advance();
  if (w == "double") {
    AcceptWord("precision");
  } else if (w == "timestamp" || w == "time") {
    if (Cur().IsWord("with") || Cur().IsWord("without")) {
      const bool with = Cur().IsWord("with");
      Advance();
      KODIAK_RETURN_IF_ERROR(ExpectWord("time"));
      KODIAK_RETURN_IF_ERROR(ExpectWord("zone"));
      if (w == "time" && with) return NotSupported(t, "TIME WITH TIME ZONE");
      out.resolved = true;
      out.type = w == "time" ? LogicalType(TypeId::kTime)
                 : with      ? LogicalType(TypeId::kTimestampTz)
                             : LogicalType(TypeId::kTimestamp);
      return out;
    }
  } else if (w == "character" || w == "char") {
    AcceptWord("varying");
  }

  std::optional<LogicalType> simple = LookupSimpleType(w);
  if (!simple) {
    if (Check(TokenKind::kLParen)) {
      return Error(t, "unknown type " + std::string(t.text),
                   DidYouMean(t.text, TypeNameCandidates()));
    }
    return out;  // a named type (CREATE TYPE), resolved by the binder
  }
  out.resolved = true;
  out.type = *simple;
  if (Check(TokenKind::kLParen)) {
    const Token& open = Cur();
    Advance();
    std::vector<int64_t> params;
    do {
      const Token& p = Cur();
      if (!p.Is(TokenKind::kInteger)) return Expected("a number");
      params.push_back(p.value.size() > 9 ? INT64_MAX : std::stoll(p.value));
      Advance();
    } while (Accept(TokenKind::kComma));
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    if (simple->id() == TypeId::kDecimal) {
      if (params.size() > 2) return Error(open, "DECIMAL takes at most two parameters: (p, s)");
      int64_t p = params[0];
      int64_t s = params.size() > 1 ? params[1] : 0;
      if (p < 1 || p > 38) {
        return Error(open, "DECIMAL precision must be between 1 and 38, not " + std::to_string(p));
      }
      if (s > p) {
        return Error(open, "DECIMAL scale " + std::to_string(s) + " is larger than its precision " +
                               std::to_string(p));
      }
      out.type = LogicalType::Decimal(static_cast<int>(p), static_cast<int>(s));
    } else if (!IgnoresLengthParameter(simple->id()) || params.size() > 1) {
      return Error(open, "type " + Upper(w) + " takes no parameters");
    }
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------

Result<StatementPtr> Parser::ParseStatement(std::string_view sql, int first_line,
                                            int first_column) {
  KODIAK_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lexer::Tokenize(sql));
  ParserImpl parser(sql, std::move(tokens), first_line, first_column);
  return parser.ParseSingleStatement();
}

Result<ExprPtr> Parser::ParseExpression(std::string_view sql) {
  KODIAK_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lexer::Tokenize(sql));
  ParserImpl parser(sql, std::move(tokens), 1, 1);
  return parser.ParseSingleExpression();
}

Result<TypeName> Parser::ParseType(std::string_view sql) {
  KODIAK_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lexer::Tokenize(sql));
  ParserImpl parser(sql, std::move(tokens), 1, 1);
  return parser.ParseSingleType();
}

}  // namespace kodiak::sql
