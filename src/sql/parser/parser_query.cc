// ParserImpl's rules for queries: WITH, set operations (UNION / INTERSECT /
// EXCEPT), the SELECT block and its FROM-first twin, VALUES, the select list,
// WHERE / GROUP BY / HAVING, ORDER BY / LIMIT / OFFSET, and the FROM list:
// table references, table functions, `FROM 'file'`, subqueries and joins.
#include <string>
#include <utility>
#include <vector>

#include "sql/parser/parser_impl.h"

namespace kodiak::sql::parser_internal {

// ---------------------------------------------------------------------------
// Queries

Result<SelectPtr> ParserImpl::ParseQuery() {
  DepthGuard guard(this);
  if (guard.too_deep()) return TooDeep();
  const int64_t pos = Cur().pos;
  std::vector<CommonTableExpr> with;
  bool recursive = false;
  const Token& with_tok = Cur();
  if (AcceptWord("with")) KODIAK_RETURN_IF_ERROR(ParseWithList(&with, &recursive));
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

Status ParserImpl::ParseWithList(std::vector<CommonTableExpr>* with, bool* recursive) {
  *recursive = AcceptWord("recursive");
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
    with->push_back(std::move(cte));
  } while (Accept(TokenKind::kComma));
  return Status::OK();
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
    std::vector<ExprPtr> row;
    do {
      // DEFAULT stands for the column's default (INSERT checks where it is allowed).
      if (Cur().IsWord("default") && (Peek().kind == TokenKind::kComma || Peek().kind == TokenKind::kRParen)) {
        row.push_back(MakeExpr(ExprKind::kDefault, Cur().pos));
        Advance();
        continue;
      }
      KODIAK_ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
      row.push_back(std::move(value));
    } while (Accept(TokenKind::kComma));
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

// GROUP BY items: expressions, (), ROLLUP (...), CUBE (...) and GROUPING SETS
// (...). Several items multiply: GROUP BY a, ROLLUP (b, c) is the sets
// (a, b, c), (a, b), (a).
Status ParserImpl::ParseGroupBy(SelectStmt* q) {
  std::vector<std::vector<std::vector<size_t>>> items;  // per item, its sets
  bool sets_used = false;
  auto add = [&](ExprPtr e) {
    q->group_by.push_back(std::move(e));
    return q->group_by.size() - 1;
  };
  // `( a, b )` or `a`: the indexes of one set.
  auto parse_set = [&]() -> Result<std::vector<size_t>> {
    std::vector<size_t> set;
    if (Check(TokenKind::kLParen) && (Peek().kind == TokenKind::kRParen || true)) {
      const Token& open = Cur();
      size_t save = i_;
      Advance();
      if (Accept(TokenKind::kRParen)) return set;
      // A parenthesised list, unless it is just a parenthesised expression
      // followed by more of it: parse it as a list and check the close.
      auto list = ParseExprList();
      if (list.ok() && Check(TokenKind::kRParen)) {
        Advance();
        for (auto& e : *list) set.push_back(add(std::move(e)));
        return set;
      }
      (void)open;
      i_ = save;
    }
    KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
    set.push_back(add(std::move(e)));
    return set;
  };
  do {
    const bool rollup = Cur().IsWord("rollup") && Peek().kind == TokenKind::kLParen;
    const bool cube = Cur().IsWord("cube") && Peek().kind == TokenKind::kLParen;
    if (rollup || cube) {
      sets_used = true;
      Advance();
      const Token& open = Cur();
      Advance();
      std::vector<std::vector<size_t>> parts;
      do {
        KODIAK_ASSIGN_OR_RETURN(std::vector<size_t> part, parse_set());
        parts.push_back(std::move(part));
      } while (Accept(TokenKind::kComma));
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      if (cube && parts.size() > 12) return Error(open, "CUBE takes at most 12 items");
      std::vector<std::vector<size_t>> sets;
      if (rollup) {
        for (size_t k = parts.size() + 1; k-- > 0;) {
          std::vector<size_t> s;
          for (size_t i = 0; i < k; i++) s.insert(s.end(), parts[i].begin(), parts[i].end());
          sets.push_back(std::move(s));
        }
      } else {
        const size_t n = parts.size();
        for (size_t mask = (size_t{1} << n); mask-- > 0;) {
          std::vector<size_t> s;
          for (size_t i = 0; i < n; i++) {
            if (mask & (size_t{1} << (n - 1 - i))) s.insert(s.end(), parts[i].begin(), parts[i].end());
          }
          sets.push_back(std::move(s));
        }
        // Largest sets first, as PostgreSQL lists them.
        std::stable_sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
      }
      items.push_back(std::move(sets));
    } else if (Cur().IsWord("grouping") && Peek().IsWord("sets")) {
      sets_used = true;
      Advance();
      Advance();
      const Token& open = Cur();
      KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kLParen, "'(' and the grouping sets"));
      std::vector<std::vector<size_t>> sets;
      do {
        KODIAK_ASSIGN_OR_RETURN(std::vector<size_t> set, parse_set());
        sets.push_back(std::move(set));
      } while (Accept(TokenKind::kComma));
      KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
      items.push_back(std::move(sets));
    } else if (Check(TokenKind::kLParen) && Peek().kind == TokenKind::kRParen) {
      sets_used = true;
      Advance();
      Advance();
      items.push_back({{}});
    } else {
      KODIAK_ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
      items.push_back({{add(std::move(e))}});
    }
  } while (Accept(TokenKind::kComma));
  if (!sets_used) return Status::OK();
  std::vector<std::vector<size_t>> product{{}};
  for (const auto& sets : items) {
    std::vector<std::vector<size_t>> next;
    for (const auto& a : product) {
      for (const auto& b : sets) {
        std::vector<size_t> s = a;
        s.insert(s.end(), b.begin(), b.end());
        next.push_back(std::move(s));
      }
    }
    product = std::move(next);
    if (product.size() > 4096) return Error(Cur(), "GROUP BY makes more than 4096 grouping sets");
  }
  q->grouping_sets = std::move(product);
  return Status::OK();
}

Status ParserImpl::ParseWhereGroupHaving(SelectStmt* q) {
  if (AcceptWord("where")) {
    KODIAK_ASSIGN_OR_RETURN(q->where, ParseExpr());
  }
  if (AcceptWord("group")) {
    KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
    KODIAK_RETURN_IF_ERROR(ParseGroupBy(q));
  }
  if (AcceptWord("having")) {
    KODIAK_ASSIGN_OR_RETURN(q->having, ParseExpr());
  }
  if (AcceptWord("window")) {
    do {
      KODIAK_ASSIGN_OR_RETURN(std::string name, ParsePlainName("a window name"));
      KODIAK_RETURN_IF_ERROR(ExpectWord("as"));
      KODIAK_ASSIGN_OR_RETURN(std::unique_ptr<WindowSpec> spec, ParseWindowSpec());
      q->windows.emplace_back(std::move(name), std::move(spec));
    } while (Accept(TokenKind::kComma));
  }
  if (AcceptWord("qualify")) {
    KODIAK_ASSIGN_OR_RETURN(q->qualify, ParseExpr());
  }
  return Status::OK();
}

Status ParserImpl::ParseOrderLimit(SelectStmt* q) {
  if (PeekWord("order")) {
    const Token& t = Cur();
    Advance();
    KODIAK_RETURN_IF_ERROR(ExpectWord("by"));
    if (!q->order_by.empty()) return Error(t, "a query can have only one ORDER BY");
    KODIAK_ASSIGN_OR_RETURN(q->order_by, ParseOrderItems());
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
    } else {
      // As PostgreSQL and DuckDB (not SQLite): a join needs its condition;
      // every pair of rows is asked for with CROSS JOIN.
      KODIAK_RETURN_IF_ERROR(AliasTypo());
      return Error(cond, "expected ON or USING after the joined table",
                   !KeywordHint(cond).empty() ? KeywordHint(cond)
                   : plain_inner ? std::string("e.g. JOIN u ON t.id = u.id, or CROSS JOIN u for every pair of rows")
                                 : "e.g. " + Upper(start.value) + " JOIN u ON t.id = u.id");
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

}  // namespace kodiak::sql::parser_internal
