// ParserImpl: the recursive-descent parser behind Parser (parser.h). Private
// to src/sql/parser/; nothing outside the parser's own .cc files includes it.
//
// One ParserImpl parses one text: it owns the tokens, reads them left to
// right with one token of lookahead (a few rules peek further), and builds the
// AST of ast.h. Its rules are spread over four files, one per part of the
// grammar:
//   parser.cc        entry points, error messages, statements, names
//   parser_query.cc  queries: SELECT / FROM-first / VALUES, set operations,
//                    FROM lists and joins, ORDER BY / LIMIT / OFFSET
//   parser_expr.cc   expressions: operators by precedence, literals, calls,
//                    CASE, CAST, struct and list literals, INTERVAL
//   parser_type.cc   type names: LIST<T>, MAP<K,V>, STRUCT(...), DECIMAL(p,s)
//
// Recursion depth: every rule that can recurse without consuming a
// bracket-free token passes through a DepthGuard, so nesting deeper than
// Parser::kMaxDepth (or than kStackBudget bytes of stack) is a syntax error.
// Long left-deep chains (a + b + c ...) are bounded the same way.
//
// Thread safety: a ParserImpl is used by one thread, for one parse.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kodiak/status.h"
#include "kodiak/type.h"
#include "sql/parser/ast.h"
#include "sql/parser/keywords.h"
#include "sql/parser/parser.h"
#include "sql/parser/token.h"

namespace kodiak::sql::parser_internal {

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

// `s` with ASCII letters in upper case (keywords in messages).
std::string Upper(std::string_view s);

// A built-in type name without parameters (lower case), as
// kodiak::ParseTypeName spells it; DECIMAL alone is DECIMAL(18,3). nullopt
// for anything else (a named type). Defined in parser_type.cc.
std::optional<LogicalType> LookupSimpleType(std::string_view w);

inline ExprPtr MakeExpr(ExprKind kind, int64_t pos) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->pos = pos;
  return e;
}

// A TEXT literal. Defined in parser_expr.cc, out of line (see there).
[[gnu::noinline]] ExprPtr MakeTextLiteral(const std::string& s, int64_t pos);

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

  // The rules. Stack depth matters on the recursive paths, so their frames
  // are shaped by hand: [[gnu::noinline]] keeps a rule's locals out of the
  // frame of a rule that recurses through it; [[gnu::always_inline]] folds a
  // rule into its one caller (ParseUnary, ParsePostfix and ParsePrimary into
  // ParseBinary; ParseQueryTerm into ParseSetOperation; ParseBaseType into
  // ParseTypeName), so a nesting level costs one frame, not four. Those are
  // `inline` and defined only in the file that calls them.

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
  Result<StatementPtr> ParseCreateTrigger(int64_t pos);
  Result<StatementPtr> ParseCreateType(int64_t pos, bool or_replace);
  Result<StatementPtr> ParseCreateFunction(int64_t pos, bool or_replace);
  // Function bodies: '{' {LET name = expr ';' | expr ';'} [expr] '}' and the
  // expressions only they have (IF, MATCH, RAISE, TRY, RETURN).
  Result<ExprPtr> ParseBlock();
  Result<ExprPtr> ParseBodyExpr();
  bool in_function_ = false;
  bool brace_ends_expr_ = false;  // IF and MATCH heads: `x {` is not a constructor
  Result<StatementPtr> ParseMerge();
  Status ParseAssignments(Assignments* out);
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
  Result<std::vector<OrderItem>> ParseOrderItems();
  Status ParseGroupBy(SelectStmt* q);
  Result<std::unique_ptr<WindowSpec>> ParseWindowSpec();
  Result<WindowFrameBound> ParseFrameBound();
  // WITH [RECURSIVE] name AS (query), ... (the WITH keyword already read).
  Status ParseWithList(std::vector<CommonTableExpr>* with, bool* recursive);
  Result<SelectPtr> ParseSetOperation(int min_prec);
  [[gnu::always_inline]] inline Result<SelectPtr> ParseQueryTerm();
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
  [[gnu::always_inline]] inline Result<ExprPtr> ParseUnary();
  [[gnu::always_inline]] inline Result<ExprPtr> ParsePostfix();
  [[gnu::always_inline]] inline Result<ExprPtr> ParsePrimary();
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
  [[gnu::always_inline]] inline Result<TypeName> ParseBaseType();
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

}  // namespace kodiak::sql::parser_internal
