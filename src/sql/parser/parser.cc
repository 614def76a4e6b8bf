// Parser's entry points and the ParserImpl rules for whole statements: the
// dispatch on the first word, INSERT / UPDATE / DELETE, CREATE TABLE / INDEX /
// VIEW, DROP, SET / UNSET, transactions, EXPLAIN, SHOW, DESCRIBE; the rules
// for names and aliases; and the error helpers every rule uses (messages,
// "did you mean" hints, positions as line and column). Queries are in
// parser_query.cc, expressions in parser_expr.cc, types in parser_type.cc.
#include "sql/parser/parser.h"

#include <string>
#include <utility>
#include <vector>

#include "sql/parser/keywords.h"
#include "sql/parser/lexer.h"
#include "sql/parser/parser_impl.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql {

namespace parser_internal {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

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
  if (t.IsWord("with")) {
    // WITH ... INSERT: the WITH queries belong to the INSERT's source query.
    const size_t start = i_;
    Advance();
    std::vector<CommonTableExpr> with;
    bool recursive = false;
    KODIAK_RETURN_IF_ERROR(ParseWithList(&with, &recursive));
    if (PeekWord("insert") || PeekWord("replace")) {
      KODIAK_ASSIGN_OR_RETURN(StatementPtr stmt, ParseInsert());
      auto& insert = static_cast<InsertStatement&>(*stmt);
      if (!insert.source) return Error(t, "WITH ... INSERT needs a query or VALUES to insert, not DEFAULT VALUES");
      if (!insert.source->with.empty()) return Error(t, "an INSERT's query can have only one WITH clause");
      insert.source->with = std::move(with);
      insert.source->with_recursive = recursive;
      stmt->pos = pos;
      return stmt;
    }
    i_ = start;  // a query: parse it again as one
  }
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
  if (w == "merge") return ParseMerge();
  if (w == "delete") return ParseDelete();
  if (w == "create") return ParseCreate();
  if (w == "drop") return ParseDrop();
  if (w == "set") return ParseSet();
  if (w == "reindex") {
    Advance();
    auto stmt = std::make_unique<ReindexStatement>();
    stmt->pos = pos;
    if (!Check(TokenKind::kEnd) && !Check(TokenKind::kSemicolon)) {
      KODIAK_ASSIGN_OR_RETURN(stmt->name, ParseQualifiedName("an index or table name"));
    }
    return StatementPtr(std::move(stmt));
  }
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
    } else if (AcceptWord("types")) {
      stmt->what = ShowStatement::What::kTypes;
    } else if (AcceptWord("functions")) {
      stmt->what = ShowStatement::What::kFunctions;
    } else {
      return Expected("TABLES, VARIABLES, TYPES or FUNCTIONS");
    }
    return StatementPtr(std::move(stmt));
  }
  if (w == "describe" || w == "desc") {
    Advance();
    auto stmt = std::make_unique<DescribeStatement>();
    stmt->pos = pos;
    if (Cur().IsWord("type") && Peek().kind != TokenKind::kEnd && Peek().kind != TokenKind::kSemicolon) {
      Advance();
      stmt->type = true;
      KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a type name"));
      return StatementPtr(std::move(stmt));
    }
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
  if (Cur().IsWord("on") && Peek().IsWord("conflict")) {
    auto upsert = std::make_unique<OnConflictClause>();
    upsert->pos = Cur().pos;
    Advance();
    Advance();
    if (Check(TokenKind::kLParen)) {
      KODIAK_ASSIGN_OR_RETURN(upsert->target, ParseNameList("a column name"));
    }
    KODIAK_RETURN_IF_ERROR(ExpectWord("do"));
    if (AcceptWord("nothing")) {
      upsert->do_nothing = true;
    } else {
      KODIAK_RETURN_IF_ERROR(ExpectWord("update"));
      KODIAK_RETURN_IF_ERROR(ExpectWord("set"));
      KODIAK_RETURN_IF_ERROR(ParseAssignments(&upsert->sets));
      if (AcceptWord("where")) {
        KODIAK_ASSIGN_OR_RETURN(upsert->where, ParseExpr());
      }
    }
    stmt->upsert = std::move(upsert);
  }
  if (PeekWord("returning")) return NotSupported(Cur(), "RETURNING");
  return StatementPtr(std::move(stmt));
}

Status ParserImpl::ParseAssignments(Assignments* out) {
  do {
    KODIAK_ASSIGN_OR_RETURN(Name col, ParseName("a column name"));
    if (Accept(TokenKind::kDot)) {
      // `SET t.c = ...`: there is one target table, so the qualifier is noise.
      KODIAK_ASSIGN_OR_RETURN(col, ParseName("a column name"));
    }
    if (!Accept(TokenKind::kEq) && !Accept(TokenKind::kEqEq)) return Expected("'='");
    KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
    out->emplace_back(std::move(col), std::move(value));
  } while (Accept(TokenKind::kComma));
  return Status::OK();
}

Result<StatementPtr> ParserImpl::ParseMerge() {
  auto stmt = std::make_unique<MergeStatement>();
  stmt->pos = Cur().pos;
  Advance();  // MERGE
  KODIAK_RETURN_IF_ERROR(ExpectWord("into"));
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  if (!Cur().IsWord("using")) {
    KODIAK_ASSIGN_OR_RETURN(stmt->alias, ParseAlias());
  }
  KODIAK_RETURN_IF_ERROR(ExpectWord("using"));
  KODIAK_ASSIGN_OR_RETURN(stmt->source, ParseTableRef());
  KODIAK_RETURN_IF_ERROR(ExpectWord("on"));
  KODIAK_ASSIGN_OR_RETURN(stmt->on, ParseExpr());
  while (AcceptWord("when")) {
    MergeClause c;
    c.pos = Prev().pos;
    if (AcceptWord("not")) {
      c.matched = false;
      KODIAK_RETURN_IF_ERROR(ExpectWord("matched"));
      if (AcceptWord("by")) KODIAK_RETURN_IF_ERROR(ExpectWord("target"));
    } else {
      KODIAK_RETURN_IF_ERROR(ExpectWord("matched"));
    }
    if (AcceptWord("and")) {
      KODIAK_ASSIGN_OR_RETURN(c.condition, ParseExpr());
    }
    KODIAK_RETURN_IF_ERROR(ExpectWord("then"));
    if (AcceptWord("do")) {
      KODIAK_RETURN_IF_ERROR(ExpectWord("nothing"));
      c.action = MergeClause::Action::kNothing;
    } else if (c.matched && AcceptWord("update")) {
      KODIAK_RETURN_IF_ERROR(ExpectWord("set"));
      c.action = MergeClause::Action::kUpdate;
      KODIAK_RETURN_IF_ERROR(ParseAssignments(&c.sets));
    } else if (c.matched && AcceptWord("delete")) {
      c.action = MergeClause::Action::kDelete;
    } else if (!c.matched && AcceptWord("insert")) {
      c.action = MergeClause::Action::kInsert;
      if (Check(TokenKind::kLParen)) {
        const Token& open = Cur();
        Advance();
        do {
          KODIAK_ASSIGN_OR_RETURN(Name col, ParseName("a column name"));
          c.insert_columns.push_back(std::move(col));
        } while (Accept(TokenKind::kComma));
        KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      }
      if (AcceptWord("default")) {
        KODIAK_RETURN_IF_ERROR(ExpectWord("values"));
        c.default_values = true;
      } else {
        KODIAK_RETURN_IF_ERROR(ExpectWord("values"));
        const Token& open = Cur();
        KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'(' and the values"));
        KODIAK_ASSIGN_OR_RETURN(c.insert_values, ParseExprList());
        KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      }
    } else {
      return Expected(c.matched ? "UPDATE, DELETE or DO NOTHING" : "INSERT or DO NOTHING");
    }
    stmt->clauses.push_back(std::move(c));
  }
  if (stmt->clauses.empty()) return Expected("WHEN MATCHED or WHEN NOT MATCHED");
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseUpdate() {
  auto stmt = std::make_unique<UpdateStatement>();
  stmt->pos = Cur().pos;
  Advance();
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  KODIAK_ASSIGN_OR_RETURN(stmt->alias, ParseAlias());
  KODIAK_RETURN_IF_ERROR(ExpectWord("set"));
  KODIAK_RETURN_IF_ERROR(ParseAssignments(&stmt->assignments));
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
  if (AcceptWord("type")) return ParseCreateType(pos, or_replace);
  if (AcceptWord("function")) return ParseCreateFunction(pos, or_replace);
  if (PeekWord("temp") || PeekWord("temporary")) return NotSupported(what, "a temporary table");
  if (AcceptWord("trigger")) {
    if (or_replace) return Error(what, "CREATE OR REPLACE is not allowed for a trigger", "DROP TRIGGER it first");
    return ParseCreateTrigger(pos);
  }
  if (what.IsWord("schema") || what.IsWord("sequence") ||
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
  if (AcceptWord("of")) {
    KODIAK_ASSIGN_OR_RETURN(stmt->of_type.name, ParsePlainName("a type name"));
    stmt->of_type.pos = Prev().pos;
    return StatementPtr(std::move(stmt));
  }
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

Result<StatementPtr> ParserImpl::ParseCreateFunction(int64_t pos, bool or_replace) {
  auto stmt = std::make_unique<CreateFunctionStatement>();
  stmt->pos = pos;
  stmt->or_replace = or_replace;
  if (Check(TokenKind::kLBracket)) {
    const Token& open = Cur();
    Advance();
    KODIAK_ASSIGN_OR_RETURN(stmt->receiver, ParsePlainName("the receiver's type name"));
    if (Prev().kind == TokenKind::kIdentifier) stmt->receiver = std::string(Prev().text);
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRBracket, open));
  }
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParsePlainName("a function name"));
  if (Prev().kind == TokenKind::kIdentifier) stmt->name = std::string(Prev().text);  // shown as written
  const Token& open = Cur();
  KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'(' and the parameters"));
  if (!Accept(TokenKind::kRParen)) {
    do {
      KODIAK_ASSIGN_OR_RETURN(std::string p, ParsePlainName("a parameter name"));
      Accept(TokenKind::kColon);
      KODIAK_ASSIGN_OR_RETURN(TypeName t, ParseTypeName());
      stmt->params.emplace_back(std::move(p), std::move(t));
    } while (Accept(TokenKind::kComma));
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  }
  KODIAK_RETURN_IF_ERROR(ExpectWord("returns"));
  KODIAK_ASSIGN_OR_RETURN(stmt->result, ParseTypeName());
  if (AcceptWord("raise")) {
    do {
      const int64_t at = Cur().pos;
      KODIAK_ASSIGN_OR_RETURN(std::string e, ParsePlainName("an exception type"));
      if (Prev().kind == TokenKind::kIdentifier) e = std::string(Prev().text);  // shown as written
      stmt->raises.emplace_back(std::move(e), at);
    } while (Accept(TokenKind::kComma));
  }
  if (!Check(TokenKind::kLBrace)) return Expected("'{' and the function's body");
  const bool was = in_function_;
  in_function_ = true;
  auto body = ParseBlock();
  in_function_ = was;
  if (!body.ok()) return body.status();
  stmt->body = std::move(body).value();
  stmt->text = std::string(sql_.substr(static_cast<size_t>(pos), static_cast<size_t>(last_end_ - pos)));
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseCreateType(int64_t pos, bool or_replace) {
  auto stmt = std::make_unique<CreateTypeStatement>();
  stmt->pos = pos;
  stmt->or_replace = or_replace;
  KODIAK_ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists());
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParsePlainName("a type name"));
  if (Prev().kind == TokenKind::kIdentifier) stmt->name = std::string(Prev().text);  // shown as written
  KODIAK_RETURN_IF_ERROR(ExpectWord("as"));
  if (AcceptWord("exception")) {
    stmt->exception = true;
    if (Check(TokenKind::kLParen)) {
      const Token& open = Cur();
      Advance();
      if (!Check(TokenKind::kString)) return Expected("the exception's message as a string");
      stmt->message = Cur().value;
      Advance();
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    } else if (Check(TokenKind::kString)) {
      stmt->message = Cur().value;
      Advance();
    }
    return StatementPtr(std::move(stmt));
  }
  const Token& t = Cur();
  KODIAK_ASSIGN_OR_RETURN(stmt->struct_type, ParseTypeName());
  if (!stmt->struct_type.resolved || stmt->struct_type.type.id() != TypeId::kStruct) {
    return Error(t, "expected STRUCT(...), STRUCT { ... } or EXCEPTION after AS",
                 "CREATE TYPE P AS STRUCT(x: INT64, y: INT64)");
  }
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseCreateTrigger(int64_t pos) {
  auto stmt = std::make_unique<CreateTriggerStatement>();
  stmt->pos = pos;
  KODIAK_ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists());
  KODIAK_ASSIGN_OR_RETURN(stmt->name, ParsePlainName("a trigger name"));
  if (AcceptWord("before")) {
    stmt->timing = TriggerTiming::kBefore;
  } else if (AcceptWord("after")) {
    stmt->timing = TriggerTiming::kAfter;
  } else if (AcceptWord("instead")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("of"));
    stmt->timing = TriggerTiming::kInsteadOf;
  }
  if (AcceptWord("insert")) {
    stmt->event = TriggerEvent::kInsert;
  } else if (AcceptWord("delete")) {
    stmt->event = TriggerEvent::kDelete;
  } else if (AcceptWord("update")) {
    stmt->event = TriggerEvent::kUpdate;
    if (AcceptWord("of")) {
      do {
        KODIAK_ASSIGN_OR_RETURN(std::string col, ParsePlainName("a column name"));
        stmt->update_columns.push_back(std::move(col));
      } while (Accept(TokenKind::kComma));
    }
  } else {
    return Expected("INSERT, UPDATE or DELETE");
  }
  KODIAK_RETURN_IF_ERROR(ExpectWord("on"));
  KODIAK_ASSIGN_OR_RETURN(stmt->table, ParseQualifiedName("a table name"));
  if (AcceptWord("for")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("each"));
    if (PeekWord("statement")) return NotSupported(Cur(), "FOR EACH STATEMENT triggers");
    KODIAK_RETURN_IF_ERROR(ExpectWord("row"));
  }
  if (AcceptWord("when")) {
    KODIAK_ASSIGN_OR_RETURN(stmt->when, ParseExpr());
  }
  KODIAK_RETURN_IF_ERROR(ExpectWord("begin"));
  while (!AcceptWord("end")) {
    if (Check(TokenKind::kEnd)) return Expected("a statement or END");
    const Token& t = Cur();
    if (!(t.IsWord("insert") || t.IsWord("replace") || t.IsWord("update") || t.IsWord("delete") ||
          t.IsWord("select") || t.IsWord("with") || t.IsWord("from") || t.IsWord("values"))) {
      return Error(t, "expected INSERT, UPDATE, DELETE, SELECT or END in the trigger's body, found " + Describe(t));
    }
    KODIAK_ASSIGN_OR_RETURN(StatementPtr body, ParseStmt());
    stmt->body.push_back(std::move(body));
    if (!Accept(TokenKind::kSemicolon)) return Expected("';' after the statement");
  }
  if (stmt->body.empty()) return Error(Prev(), "a trigger needs at least one statement between BEGIN and END");
  stmt->text = std::string(sql_.substr(static_cast<size_t>(pos), static_cast<size_t>(last_end_ - pos)));
  return StatementPtr(std::move(stmt));
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

}  // namespace parser_internal

// ---------------------------------------------------------------------------
// Parser

using parser_internal::ParserImpl;

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
