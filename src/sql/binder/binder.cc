// Query and statement binding: FROM, joins, SELECT blocks, VALUES, INSERT
// sources. Expressions are in bind_expression.cc.
#include "sql/binder/binder.h"

#include <algorithm>
#include <functional>
#include <set>

#include "common/strings.h"
#include "sql/binder/aggregate_context.h"
#include "sql/binder/expr_printer.h"
#include "sql/execution/cast.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/grouping_sets.h"
#include "sql/execution/operators.h"
#include "sql/function/scalar_function.h"
#include "sql/parser/parser.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql {


bool ContainsAggregateCall(const Expr& e) {
  // sum(x) OVER (...) is a window function, but its arguments and window
  // may hold aggregates of the query: rank() OVER (ORDER BY count(*)).
  if (e.kind == ExprKind::kFunction && IsAggregateName(e.text) && !e.window) return true;
  for (const auto& a : e.args) {
    if (a && ContainsAggregateCall(*a)) return true;
  }
  if (e.window) {
    for (const auto& p : e.window->partition_by) {
      if (ContainsAggregateCall(*p)) return true;
    }
    for (const auto& o : e.window->order_by) {
      if (ContainsAggregateCall(*o.expr)) return true;
    }
  }
  for (const auto& [w, t] : e.when_then) {
    if (ContainsAggregateCall(*w) || ContainsAggregateCall(*t)) return true;
  }
  return false;
}

bool ContainsWindowCall(const Expr& e) {
  if (e.kind == ExprKind::kFunction && e.window) return true;
  for (const auto& a : e.args) {
    if (a && ContainsWindowCall(*a)) return true;
  }
  for (const auto& [w, t] : e.when_then) {
    if (ContainsWindowCall(*w) || ContainsWindowCall(*t)) return true;
  }
  return false;
}

namespace {

void ColumnRange(const BoundExpr& e, int* lo, int* hi) {
  if (e.kind == BoundKind::kColumn) {
    *lo = std::min(*lo, e.column);
    *hi = std::max(*hi, e.column);
  }
  for (const auto& c : e.children) ColumnRange(*c, lo, hi);
}

void ShiftColumns(BoundExpr* e, int delta) {
  if (e->kind == BoundKind::kColumn) e->column += delta;
  for (auto& c : e->children) ShiftColumns(c.get(), delta);
}

std::vector<std::string> TypeNames() {
  // Common spellings first: on a tie the first candidate is suggested.
  return {"INT",     "TEXT",    "BIGINT",  "DOUBLE",   "FLOAT",   "BOOL",      "DATE",     "TIMESTAMP",
          "INTEGER", "VARCHAR", "DECIMAL", "NUMERIC",  "REAL",    "SMALLINT",  "TINYINT",  "BOOLEAN",
          "BLOB",    "BYTES",   "TIME",    "TIMESTAMPTZ", "INTERVAL", "UUID",   "JSON",     "STRING",
          "INT8",    "INT16",   "INT32",   "INT64",    "UINT8",   "UINT16",    "UINT32",   "UINT64",
          "FLOAT32", "FLOAT64"};
}

}  // namespace

Status Scope::CheckNewTable(const std::string& alias, int64_t pos) const {
  for (const auto& c : columns) {
    if (AsciiLower(c.table) == AsciiLower(alias)) {
      return Status::BinderError("table name '" + alias + "' is used more than once in FROM", pos,
                                 "give one of them an alias: ... AS other");
    }
  }
  return Status::OK();
}

Binder::Binder(const CatalogSnapshot& catalog, const VariableMap& variables,
               const std::vector<PseudoRow>* pseudo_rows)
    : catalog_(catalog), variables_(variables), pseudo_rows_(pseudo_rows) {}

BoundExprPtr Binder::BindPseudoColumn(const std::vector<std::string>& parts, int64_t pos) const {
  if (!pseudo_rows_ || parts.size() != 2) return nullptr;
  for (const auto& row : *pseudo_rows_) {
    if (!EqualsIgnoreCase(row.name, parts[0])) continue;
    for (size_t i = 0; i < row.columns.size(); i++) {
      if (EqualsIgnoreCase(row.columns[i], parts[1])) return MakeConstant(row.values[i], pos);
    }
  }
  return nullptr;
}

Result<std::string> Binder::ResolveName(const Name& name) const {
  if (!name.from_variable) return name.text;
  auto it = variables_.find(AsciiLower(name.text));
  if (it == variables_.end()) {
    std::vector<std::string> names;
    for (const auto& [k, v] : variables_) names.push_back(k);
    return Status::BinderError("unknown variable {" + name.text + "}", name.pos,
                               names.empty() ? "set it first: SET " + name.text + " = 'name'"
                                             : DidYouMean(name.text, names));
  }
  if (it->second.type().id() != TypeId::kText || it->second.is_null()) {
    return Status::TypeError("variable {" + name.text + "} holds " + it->second.type().ToString() +
                                 ", but a name needs TEXT",
                             name.pos);
  }
  return it->second.str_value();
}

Result<TableEntryPtr> Binder::ResolveTable(const std::vector<Name>& name) const {
  if (name.empty()) return Status::Internal("empty table name");
  if (name.size() > 1) {
    KODIAK_ASSIGN_OR_RETURN(std::string schema, ResolveName(name[0]));
    if (AsciiLower(schema) != "main") {
      return Status::BinderError("unknown schema '" + schema + "'", name[0].pos, "the only schema is main");
    }
  }
  KODIAK_ASSIGN_OR_RETURN(std::string table, ResolveName(name.back()));
  TableEntryPtr entry = catalog_.FindTable(table);
  if (!entry) {
    return Status::BinderError("unknown table '" + table + "'", name.back().pos,
                               DidYouMean(table, catalog_.TableNames()));
  }
  return entry;
}

Result<LogicalType> Binder::ResolveType(const TypeName& type) const {
  if (type.resolved) return type.type;
  if (NamedTypePtr named = catalog_.FindType(type.name)) {
    if (named->exception) {
      return Status::TypeError(named->name + " is an exception type, not a type of values", type.pos,
                               "RAISE it, or CATCH it with TRY ... CATCH " + named->name + " => ...");
    }
    return named->type;
  }
  std::vector<std::string> names = TypeNames();
  for (const auto& [key, t] : catalog_.types) names.push_back(t->name);
  return Status::BinderError("unknown type '" + type.name + "'", type.pos, DidYouMean(type.name, names));
}

Result<BoundExprPtr> Binder::BindConstantExpr(const Expr& expr) {
  Scope empty;
  ExprContext ctx{&empty, nullptr, "this place"};
  return BindExpr(expr, ctx);
}

Result<BoundExprPtr> Binder::BindTableExpr(const Expr& expr, const TableEntry& table, const std::string& alias) {
  Scope scope;
  for (const auto& c : table.columns) scope.columns.push_back({alias.empty() ? table.name : alias, c.name, c.type});
  ExprContext ctx{&scope, nullptr, "UPDATE or DELETE"};
  return BindExpr(expr, ctx);
}

Result<BoundExprPtr> Binder::BindScopedExpr(const Expr& expr, const Scope& scope, const char* clause) {
  ExprContext ctx{&scope, nullptr, clause};
  return BindExpr(expr, ctx);
}

Result<BoundExprPtr> Binder::BindTablePredicate(const Expr& expr, const TableEntry& table, const std::string& alias) {
  KODIAK_ASSIGN_OR_RETURN(BoundExprPtr e, BindTableExpr(expr, table, alias));
  return ToBool(std::move(e), "WHERE");
}

Result<OperatorPtr> Binder::BindFrom(const TableRef& ref, Scope* scope) {
  switch (ref.kind) {
    case TableRef::Kind::kTable: {
      if (ref.name.size() == 1) {
        KODIAK_ASSIGN_OR_RETURN(std::string name, ResolveName(ref.name[0]));
        int cte = FindCte(name);
        if (cte >= 0) return BindCteRef(cte, ref, scope);
      }
      KODIAK_ASSIGN_OR_RETURN(TableEntryPtr entry, ResolveTable(ref.name));
      if (entry->is_view()) return BindView(*entry, ref, scope);
      std::string alias = ref.alias.empty() ? entry->name : ref.alias;
      KODIAK_RETURN_IF_ERROR(scope->CheckNewTable(alias, ref.pos));
      if (ref.column_aliases.size() > entry->columns.size()) {
        return Status::BinderError("table " + entry->name + " has " + std::to_string(entry->columns.size()) +
                                       " columns, but " + std::to_string(ref.column_aliases.size()) +
                                       " names were given",
                                   ref.pos);
      }
      std::vector<int> cols;
      std::vector<LogicalType> types;
      for (size_t i = 0; i < entry->columns.size(); i++) {
        cols.push_back(static_cast<int>(i));
        types.push_back(entry->columns[i].type);
        std::string name = i < ref.column_aliases.size() ? ref.column_aliases[i] : entry->columns[i].name;
        scope->columns.push_back({alias, name, entry->columns[i].type});
      }
      return OperatorPtr(std::make_unique<TableScan>(entry->name, entry->data, cols, types));
    }
    case TableRef::Kind::kSubquery: {
      KODIAK_ASSIGN_OR_RETURN(BoundQuery q, BindQuery(*ref.subquery));
      std::string alias = ref.alias.empty() ? "subquery" : ref.alias;
      KODIAK_RETURN_IF_ERROR(scope->CheckNewTable(alias, ref.pos));
      for (size_t i = 0; i < q.names.size(); i++) {
        std::string name = i < ref.column_aliases.size() ? ref.column_aliases[i] : q.names[i];
        scope->columns.push_back({alias, name, q.types[i]});
      }
      return std::move(q.plan);
    }
    case TableRef::Kind::kJoin: return BindJoin(ref, scope);
    case TableRef::Kind::kFunction: return BindTableFunction(ref, scope);
  }
  return Status::Internal("unknown table reference");
}

Result<OperatorPtr> Binder::BindJoin(const TableRef& ref, Scope* scope) {
  Scope ls, rs;
  KODIAK_ASSIGN_OR_RETURN(OperatorPtr left, BindFrom(*ref.left, &ls));
  KODIAK_ASSIGN_OR_RETURN(OperatorPtr right, BindFrom(*ref.right, &rs));
  for (const auto& c : rs.columns) {
    KODIAK_RETURN_IF_ERROR(ls.CheckNewTable(c.table, ref.right->pos));
  }
  Scope combined = ls;
  combined.columns.insert(combined.columns.end(), rs.columns.begin(), rs.columns.end());
  const int nl = static_cast<int>(ls.columns.size());

  BoundExprPtr condition;
  std::vector<std::string> using_cols = ref.using_columns;
  if (ref.natural) {
    for (const auto& l : ls.columns) {
      for (const auto& r : rs.columns) {
        if (AsciiLower(l.name) == AsciiLower(r.name)) using_cols.push_back(l.name);
      }
    }
  }
  std::vector<std::pair<int, int>> using_pairs;  // (left index, right index)
  for (const auto& name : using_cols) {
    int li = -1, ri = -1;
    for (int i = 0; i < nl; i++) {
      if (!ls.columns[i].hidden && AsciiLower(ls.columns[i].name) == AsciiLower(name)) li = i;
    }
    for (size_t i = 0; i < rs.columns.size(); i++) {
      if (!rs.columns[i].hidden && AsciiLower(rs.columns[i].name) == AsciiLower(name)) ri = static_cast<int>(i);
    }
    if (li < 0 || ri < 0) {
      return Status::BinderError("column '" + name + "' in USING is not on both sides of the join", ref.pos);
    }
    using_pairs.emplace_back(li, ri);
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr eq,
                            BindComparison(BinaryOp::kEq, MakeColumn(li, ls.columns[li].type),
                                           MakeColumn(nl + ri, rs.columns[ri].type), ref.pos));
    condition = MakeAnd(std::move(condition), std::move(eq));
  }
  if (ref.on) {
    ExprContext ctx{&combined, nullptr, "ON"};
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr on, BindExpr(*ref.on, ctx));
    KODIAK_ASSIGN_OR_RETURN(on, ToBool(std::move(on), "a join condition"));
    condition = MakeAnd(std::move(condition), std::move(on));
  }

  bool right_join = ref.join_type == JoinType::kRight;
  const bool full = ref.join_type == JoinType::kFull;
  bool outer = ref.join_type == JoinType::kLeft || right_join || full;
  if (right_join) {
    // a RIGHT JOIN b = b LEFT JOIN a, then the columns put back in order.
    std::swap(left, right);
    if (condition) {
      const int nr = static_cast<int>(rs.columns.size());
      std::function<void(BoundExpr*)> remap = [&](BoundExpr* e) {
        if (e->kind == BoundKind::kColumn) e->column = e->column < nl ? e->column + nr : e->column - nl;
        for (auto& c : e->children) remap(c.get());
      };
      remap(condition.get());
    }
  }
  const int left_width = right_join ? static_cast<int>(rs.columns.size()) : nl;

  OperatorPtr join;
  if (!condition) {
    join = std::make_unique<NestedLoopJoin>(std::move(left), std::move(right), outer, nullptr, full);
  } else {
    std::vector<BoundExprPtr> conjuncts, lkeys, rkeys;
    BoundExprPtr residual;
    SplitConjuncts(std::move(condition), &conjuncts);
    for (auto& c : conjuncts) {
      if (c->kind == BoundKind::kCompare && c->op == BinaryOp::kEq) {
        int alo = INT32_MAX, ahi = -1, blo = INT32_MAX, bhi = -1;
        ColumnRange(*c->children[0], &alo, &ahi);
        ColumnRange(*c->children[1], &blo, &bhi);
        bool a_left = ahi >= 0 && ahi < left_width, a_right = ahi >= 0 && alo >= left_width;
        bool b_left = bhi >= 0 && bhi < left_width, b_right = bhi >= 0 && blo >= left_width;
        if ((a_left && b_right) || (a_right && b_left)) {
          BoundExprPtr lk = std::move(c->children[a_left ? 0 : 1]);
          BoundExprPtr rk = std::move(c->children[a_left ? 1 : 0]);
          ShiftColumns(rk.get(), -left_width);
          lkeys.push_back(std::move(lk));
          rkeys.push_back(std::move(rk));
          continue;
        }
      }
      residual = MakeAnd(std::move(residual), std::move(c));
    }
    if (!lkeys.empty()) {
      join = std::make_unique<HashJoin>(std::move(left), std::move(right), outer, std::move(lkeys), std::move(rkeys),
                                        std::move(residual), full);
    } else {
      join = std::make_unique<NestedLoopJoin>(std::move(left), std::move(right), outer, std::move(residual), full);
    }
  }
  if (right_join) {
    std::vector<BoundExprPtr> reorder;
    const int nr = static_cast<int>(rs.columns.size());
    for (int i = 0; i < nl; i++) reorder.push_back(MakeColumn(nr + i, ls.columns[i].type));
    for (int i = 0; i < nr; i++) reorder.push_back(MakeColumn(i, rs.columns[i].type));
    join = std::make_unique<Projection>(std::move(join), std::move(reorder));
  }
  if (!using_pairs.empty()) {
    // USING / NATURAL: the join columns come first, once (from the side that
    // always has them: the left, or the right for a RIGHT JOIN); the other
    // side's copies move to the end, hidden.
    std::vector<int> order;
    std::vector<bool> placed(combined.columns.size(), false);
    for (const auto& [li, ri] : using_pairs) {
      int keep = right_join ? nl + ri : li;
      order.push_back(keep);
      placed[static_cast<size_t>(li)] = placed[static_cast<size_t>(nl + ri)] = true;
    }
    for (size_t i = 0; i < combined.columns.size(); i++) {
      if (!placed[i]) order.push_back(static_cast<int>(i));
    }
    for (const auto& [li, ri] : using_pairs) {
      int drop = right_join ? li : nl + ri;
      combined.columns[static_cast<size_t>(drop)].hidden = true;
      order.push_back(drop);
    }
    std::vector<BoundExprPtr> exprs;
    Scope reordered;
    for (int i : order) {
      exprs.push_back(MakeColumn(i, combined.columns[static_cast<size_t>(i)].type));
      reordered.columns.push_back(combined.columns[static_cast<size_t>(i)]);
    }
    if (full) {
      // FULL JOIN ... USING (k): k is whichever side has it.
      for (size_t u = 0; u < using_pairs.size(); u++) {
        const auto& [li, ri] = using_pairs[u];
        LogicalType lt = combined.columns[static_cast<size_t>(li)].type;
        LogicalType rt = combined.columns[static_cast<size_t>(nl + ri)].type;
        LogicalType common = lt;
        if (!CommonType(lt, rt, &common)) common = lt;
        auto pick = std::make_unique<BoundExpr>();
        pick->kind = BoundKind::kCase;
        pick->type = common;
        auto test = std::make_unique<BoundExpr>();
        test->kind = BoundKind::kIsNull;
        test->negated = true;
        test->type = TypeId::kBool;
        test->children.push_back(MakeColumn(li, lt));
        pick->children.push_back(std::move(test));
        pick->children.push_back(MakeCast(MakeColumn(li, lt), common));
        pick->children.push_back(MakeCast(MakeColumn(nl + ri, rt), common));
        exprs[u] = std::move(pick);
        reordered.columns[u].type = common;
      }
    }
    join = std::make_unique<Projection>(std::move(join), std::move(exprs));
    combined = std::move(reordered);
  }
  scope->columns.insert(scope->columns.end(), combined.columns.begin(), combined.columns.end());
  return join;
}

Result<BoundQuery> Binder::BindQuery(const SelectStmt& stmt) {
  if (stmt.with.empty()) return BindQueryBody(stmt);
  const size_t base = ctes_.size();
  for (const auto& cte : stmt.with) {
    for (size_t i = base; i < ctes_.size(); i++) {
      if (AsciiLower(ctes_[i].cte->name) == AsciiLower(cte.name)) {
        ctes_.resize(base);
        return Status::BinderError("WITH query name '" + cte.name + "' is given twice", cte.pos,
                                   "give each WITH query its own name");
      }
    }
    CteBinding b;
    b.cte = &cte;
    b.recursive = stmt.with_recursive;
    ctes_.push_back(std::move(b));
  }
  auto r = BindQueryBody(stmt);
  ctes_.resize(base);
  return r;
}

Result<BoundQuery> Binder::BindQueryBody(const SelectStmt& stmt) {
  if (stmt.set_op != SetOpKind::kNone) return BindSetOperation(stmt);
  if (!stmt.values.empty()) {
    KODIAK_ASSIGN_OR_RETURN(BoundQuery q, BindValues(stmt));
    return BindOrderLimit(std::move(q), stmt);
  }
  return BindSelectBlock(stmt);
}

Result<BoundQuery> Binder::BindValues(const SelectStmt& stmt) {
  const size_t width = stmt.values[0].size();
  std::vector<std::vector<BoundExprPtr>> rows;
  for (const auto& row : stmt.values) {
    if (row.size() != width) {
      return Status::BinderError("VALUES rows have different lengths: " + std::to_string(width) + " and " +
                                     std::to_string(row.size()),
                                 row.empty() ? stmt.pos : row[0]->pos);
    }
    std::vector<BoundExprPtr> bound;
    for (const auto& e : row) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindConstantExpr(*e));
      bound.push_back(std::move(b));
    }
    rows.push_back(std::move(bound));
  }
  std::vector<LogicalType> types(width, TypeId::kNull);
  for (const auto& row : rows) {
    for (size_t c = 0; c < width; c++) {
      if (!CommonType(types[c], row[c]->type, &types[c])) {
        return Status::TypeError("VALUES column " + std::to_string(c + 1) + " mixes " + types[c].ToString() +
                                     " and " + row[c]->type.ToString(),
                                 row[c]->pos);
      }
    }
  }
  for (auto& t : types) {
    if (t.id() == TypeId::kNull) t = TypeId::kInt64;
  }
  for (auto& row : rows) {
    for (size_t c = 0; c < width; c++) {
      KODIAK_ASSIGN_OR_RETURN(row[c], CastTo(std::move(row[c]), types[c]));
    }
  }
  BoundQuery q;
  for (size_t c = 0; c < width; c++) q.names.push_back("column" + std::to_string(c + 1));
  q.types = types;
  q.plan = std::make_unique<ValuesScan>(std::move(rows), types);
  return q;
}

namespace {

struct SelectEntry {
  const Expr* ast = nullptr;  // null for a column expanded from *
  int star_column = -1;
  std::string name;
  int64_t pos = -1;
};

}  // namespace

Result<int64_t> Binder::BindRowCount(const Expr& e, const char* what) {
  KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindConstantExpr(e));
  KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*b));
  if (v.is_null()) return int64_t{-1};
  auto as_int = CastValue(v, TypeId::kInt64);
  if (!as_int.ok() || as_int->int_value() < 0) {
    return Status::BinderError(std::string(what) + " must be a whole number of rows, 0 or more; got " + v.ToString(),
                               e.pos);
  }
  return as_int->int_value();
}

Result<BoundQuery> Binder::BindSelectBlock(const SelectStmt& stmt) {
  Scope scope;
  OperatorPtr plan;
  if (stmt.from) {
    KODIAK_ASSIGN_OR_RETURN(plan, BindFromWhere(*stmt.from, stmt.where.get(), &scope));
  } else {
    std::vector<std::vector<BoundExprPtr>> one_row(1);
    plan = std::make_unique<ValuesScan>(std::move(one_row), std::vector<LogicalType>{});
  }
  if (stmt.where && !stmt.from) {
    ExprContext ctx{&scope, nullptr, "WHERE"};
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr pred, BindExpr(*stmt.where, ctx));
    KODIAK_ASSIGN_OR_RETURN(pred, ToBool(std::move(pred), "WHERE"));
    plan = std::make_unique<Filter>(std::move(plan), std::move(pred));
  }

  // Expand the SELECT list.
  std::vector<SelectEntry> entries;
  for (const auto& item : stmt.items) {
    if (item.expr->kind == ExprKind::kStar) {
      std::string qualifier;
      if (!item.expr->names.empty()) {
        KODIAK_ASSIGN_OR_RETURN(qualifier, ResolveName(item.expr->names.back()));
      }
      bool any = false;
      for (size_t i = 0; i < scope.columns.size(); i++) {
        if (!qualifier.empty() && AsciiLower(scope.columns[i].table) != AsciiLower(qualifier)) continue;
        if (scope.columns[i].hidden) continue;
        entries.push_back({nullptr, static_cast<int>(i), scope.columns[i].name, item.pos});
        any = true;
      }
      if (!any) {
        if (!qualifier.empty()) {
          std::vector<std::string> tables;
          for (const auto& c : scope.columns) tables.push_back(c.table);
          return Status::BinderError("unknown table '" + qualifier + "' in " + qualifier + ".*", item.expr->pos,
                                     DidYouMean(qualifier, tables));
        }
        return Status::BinderError("SELECT * needs a FROM clause with a table", item.expr->pos);
      }
      continue;
    }
    std::string name = item.alias;
    if (name.empty()) {
      name = item.expr->kind == ExprKind::kColumnRef ? item.expr->names.back().text : ExprToSql(*item.expr);
    }
    entries.push_back({item.expr.get(), -1, name, item.pos});
  }

  bool aggregate = !stmt.group_by.empty() || !stmt.grouping_sets.empty() ||
                   (stmt.having && ContainsAggregateCall(*stmt.having));
  for (const auto& en : entries) aggregate |= en.ast && ContainsAggregateCall(*en.ast);
  for (const auto& o : stmt.order_by) aggregate |= ContainsAggregateCall(*o.expr);

  if (!aggregate) {
    // Correlated scalar subqueries in the SELECT list as joins (bind_decorrelate.cc).
    for (const auto& en : entries) {
      if (en.ast) KODIAK_RETURN_IF_ERROR(DecorrelateScalars(*en.ast, &scope, &plan));
    }
  }

  AggregateContext agg;
  agg.input = &scope;
  if (aggregate) {
    ExprContext gctx{&scope, nullptr, "GROUP BY"};
    for (const auto& g : stmt.group_by) {
      const Expr* ast = g.get();
      // GROUP BY 2 and GROUP BY alias refer to the SELECT list.
      if (ast->kind == ExprKind::kLiteral && ast->value.type().IsInteger()) {
        int64_t k = ast->value.int_value();
        if (k < 1 || k > static_cast<int64_t>(entries.size())) {
          return Status::BinderError("GROUP BY position " + std::to_string(k) + " is not in the SELECT list (1 to " +
                                         std::to_string(entries.size()) + ")",
                                     ast->pos);
        }
        const auto& en = entries[static_cast<size_t>(k - 1)];
        if (en.ast) ast = en.ast;
        else {
          agg.groups.push_back(MakeColumn(en.star_column, scope.columns[en.star_column].type));
          continue;
        }
      } else if (ast->kind == ExprKind::kColumnRef && ast->names.size() == 1) {
        const std::string name = AsciiLower(ast->names[0].text);
        bool in_scope = false;
        for (const auto& c : scope.columns) in_scope |= AsciiLower(c.name) == name;
        if (!in_scope) {
          for (const auto& en : entries) {
            if (en.ast && AsciiLower(en.name) == name) {
              ast = en.ast;
              break;
            }
          }
        }
      }
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*ast, gctx));
      agg.groups.push_back(std::move(b));
    }
  }

  WindowContext win;
  win.stmt = &stmt;
  ExprContext sctx{&scope, aggregate ? &agg : nullptr, "SELECT", &win};
  std::vector<BoundExprPtr> exprs;
  for (const auto& en : entries) {
    if (en.ast) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*en.ast, sctx));
      exprs.push_back(std::move(b));
      continue;
    }
    auto col = MakeColumn(en.star_column, scope.columns[en.star_column].type);
    if (aggregate) {
      int found = -1;
      for (size_t g = 0; g < agg.groups.size(); g++) {
        if (agg.groups[g]->Equals(*col)) found = static_cast<int>(g);
      }
      if (found < 0) {
        return Status::BinderError("column " + en.name + " must appear in GROUP BY or be used in an aggregate function",
                                   en.pos, "list the grouped columns instead of *");
      }
      col = MakeColumn(found, col->type);
    }
    exprs.push_back(std::move(col));
  }

  BoundExprPtr having;
  if (stmt.having) {
    ExprContext hctx{&scope, &agg, "HAVING"};
    KODIAK_ASSIGN_OR_RETURN(having, BindExpr(*stmt.having, hctx));
    KODIAK_ASSIGN_OR_RETURN(having, ToBool(std::move(having), "HAVING"));
  }

  // ORDER BY: a position, an output column name, or an expression (added as
  // a hidden column when it is not in the SELECT list).
  std::vector<SortKey> sort_keys;
  const size_t visible = exprs.size();
  for (const auto& o : stmt.order_by) {
    int target = -1;
    const Expr& oe = *o.expr;
    if (oe.kind == ExprKind::kLiteral && oe.value.type().IsInteger()) {
      int64_t k = oe.value.int_value();
      if (k < 1 || k > static_cast<int64_t>(visible)) {
        return Status::BinderError("ORDER BY position " + std::to_string(k) + " is not in the SELECT list (1 to " +
                                       std::to_string(visible) + ")",
                                   oe.pos);
      }
      target = static_cast<int>(k - 1);
    } else if (oe.kind == ExprKind::kColumnRef && oe.names.size() == 1 && !oe.names[0].from_variable) {
      for (size_t i = 0; i < visible; i++) {
        if (AsciiLower(entries[i].name) == AsciiLower(oe.names[0].text)) {
          target = static_cast<int>(i);
          break;
        }
      }
    }
    if (target < 0) {
      ExprContext octx{&scope, aggregate ? &agg : nullptr, "ORDER BY", &win};
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(oe, octx));
      for (size_t i = 0; i < exprs.size(); i++) {
        if (exprs[i]->Equals(*b)) target = static_cast<int>(i);
      }
      if (target < 0) {
        if (stmt.distinct) {
          return Status::BinderError("with SELECT DISTINCT, ORDER BY expressions must appear in the SELECT list",
                                     oe.pos);
        }
        target = static_cast<int>(exprs.size());
        exprs.push_back(std::move(b));
      }
    }
    SortKey key;
    key.descending = o.descending;
    // NULLs sort as the smallest value unless NULLS FIRST/LAST says otherwise.
    key.nulls_first = o.nulls == OrderItem::Nulls::kDefault ? !o.descending : o.nulls == OrderItem::Nulls::kFirst;
    key.expr = MakeColumn(target, exprs[static_cast<size_t>(target)]->type);
    sort_keys.push_back(std::move(key));
  }

  BoundExprPtr qualify;
  if (stmt.qualify) {
    std::map<std::string, const Expr*> aliases;
    for (const auto& en : entries) {
      if (en.ast) aliases.emplace(AsciiLower(en.name), en.ast);
    }
    ExprContext qctx{&scope, aggregate ? &agg : nullptr, "QUALIFY", &win, &aliases};
    KODIAK_ASSIGN_OR_RETURN(qualify, BindExpr(*stmt.qualify, qctx));
    KODIAK_ASSIGN_OR_RETURN(qualify, ToBool(std::move(qualify), "QUALIFY"));
  }

  // The row window functions are computed over: the aggregate's output, or
  // the FROM row.
  const int window_input =
      aggregate ? static_cast<int>(agg.groups.size() + agg.aggregates.size()) : static_cast<int>(scope.columns.size());
  if (aggregate && !stmt.grouping_sets.empty()) {
    plan = std::make_unique<GroupingSets>(std::move(plan), std::move(agg.groups), std::move(agg.aggregates),
                                          stmt.grouping_sets);
    if (having) plan = std::make_unique<Filter>(std::move(plan), std::move(having));
  } else if (aggregate) {
    plan = std::make_unique<HashAggregate>(std::move(plan), std::move(agg.groups), std::move(agg.aggregates));
    if (having) plan = std::make_unique<Filter>(std::move(plan), std::move(having));
  }
  if (!win.windows.empty()) {
    for (auto& e : exprs) FinishWindows(e.get(), window_input);
    if (qualify) FinishWindows(qualify.get(), window_input);
    plan = std::make_unique<Window>(std::move(plan), std::move(win.windows));
  }
  if (qualify) plan = std::make_unique<Filter>(std::move(plan), std::move(qualify));

  BoundQuery q;
  for (size_t i = 0; i < visible; i++) {
    q.names.push_back(entries[i].name);
    q.types.push_back(exprs[i]->type);
  }
  plan = std::make_unique<Projection>(std::move(plan), std::move(exprs));
  if (stmt.distinct) plan = std::make_unique<Distinct>(std::move(plan));

  int64_t limit = -1, offset = 0;
  if (stmt.limit) {
    KODIAK_ASSIGN_OR_RETURN(limit, BindRowCount(*stmt.limit, "LIMIT"));
  }
  if (stmt.offset) {
    KODIAK_ASSIGN_OR_RETURN(offset, BindRowCount(*stmt.offset, "OFFSET"));
    if (offset < 0) offset = 0;
  }
  if (!sort_keys.empty()) {
    int64_t keep = limit >= 0 ? limit + offset : -1;
    plan = std::make_unique<Sort>(std::move(plan), std::move(sort_keys), keep);
  }
  if (limit >= 0 || offset > 0) plan = std::make_unique<Limit>(std::move(plan), limit, offset);
  if (plan->types().size() > visible) {
    std::vector<BoundExprPtr> keep;
    for (size_t i = 0; i < visible; i++) keep.push_back(MakeColumn(static_cast<int>(i), q.types[i]));
    plan = std::make_unique<Projection>(std::move(plan), std::move(keep));
  }
  q.plan = std::move(plan);
  return q;
}

Result<BoundQuery> Binder::BindInsertSource(const InsertStatement& stmt, const TableEntry& table) {
  const size_t width = table.columns.size();
  std::vector<int> target;  // table column for each source column
  if (stmt.columns.empty()) {
    for (size_t i = 0; i < width; i++) target.push_back(static_cast<int>(i));
  } else {
    std::vector<std::string> names;
    for (const auto& c : table.columns) names.push_back(c.name);
    for (const auto& n : stmt.columns) {
      KODIAK_ASSIGN_OR_RETURN(std::string name, ResolveName(n));
      int idx = table.FindColumn(name);
      if (idx < 0) {
        return Status::BinderError("table " + table.name + " has no column '" + name + "'", n.pos,
                                   DidYouMean(name, names));
      }
      if (std::find(target.begin(), target.end(), idx) != target.end()) {
        return Status::BinderError("column '" + name + "' is named twice in the INSERT column list", n.pos);
      }
      target.push_back(idx);
    }
  }
  // DEFAULT (or NULL) for every column the INSERT does not name.
  auto fill = [&](size_t col) -> Result<BoundExprPtr> {
    const auto& def = table.columns[col];
    if (def.default_sql.empty()) return MakeConstant(Value::Null(def.type));
    KODIAK_ASSIGN_OR_RETURN(ExprPtr ast, Parser::ParseExpression(def.default_sql));
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindConstantExpr(*ast));
    return CastTo(std::move(b), def.type);
  };

  BoundQuery q;
  for (const auto& c : table.columns) {
    q.names.push_back(c.name);
    q.types.push_back(c.type);
  }
  const SelectStmt* src = stmt.source.get();
  bool plain_values = src && !src->values.empty() && src->set_op == SetOpKind::kNone && src->order_by.empty() &&
                      !src->limit && src->with.empty();
  if (stmt.default_values || plain_values) {
    std::vector<std::vector<BoundExprPtr>> rows;
    size_t nrows = stmt.default_values ? 1 : src->values.size();
    for (size_t r = 0; r < nrows; r++) {
      std::vector<BoundExprPtr> row(width);
      if (!stmt.default_values) {
        const auto& vals = src->values[r];
        if (vals.size() != target.size()) {
          return Status::BinderError("INSERT into " + table.name + " has " + std::to_string(target.size()) +
                                         " target columns but " + std::to_string(vals.size()) + " values",
                                     vals.empty() ? src->pos : vals[0]->pos);
        }
        for (size_t i = 0; i < vals.size(); i++) {
          if (vals[i]->kind == ExprKind::kDefault) continue;  // filled in below
          KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindConstantExpr(*vals[i]));
          auto cast = CastTo(std::move(b), table.columns[target[i]].type);
          if (!cast.ok()) {
            return cast.status().WithMessage(cast.status().message() + " (column " + table.columns[target[i]].name +
                                             ")");
          }
          row[target[i]] = std::move(cast).value();
        }
      }
      for (size_t c = 0; c < width; c++) {
        if (!row[c]) {
          KODIAK_ASSIGN_OR_RETURN(row[c], fill(c));
        }
      }
      rows.push_back(std::move(row));
    }
    q.plan = std::make_unique<ValuesScan>(std::move(rows), q.types);
    return q;
  }
  KODIAK_ASSIGN_OR_RETURN(BoundQuery source, BindQuery(*src));
  if (source.types.size() != target.size()) {
    return Status::BinderError("INSERT into " + table.name + " has " + std::to_string(target.size()) +
                                   " target columns but the query returns " + std::to_string(source.types.size()),
                               src->pos);
  }
  std::vector<BoundExprPtr> exprs(width);
  for (size_t i = 0; i < target.size(); i++) {
    auto col = MakeColumn(static_cast<int>(i), source.types[i]);
    col->pos = src->pos;
    KODIAK_ASSIGN_OR_RETURN(exprs[target[i]], CastTo(std::move(col), table.columns[target[i]].type));
  }
  for (size_t c = 0; c < width; c++) {
    if (!exprs[c]) {
      KODIAK_ASSIGN_OR_RETURN(exprs[c], fill(c));
    }
  }
  q.plan = std::make_unique<Projection>(std::move(source.plan), std::move(exprs));
  return q;
}

}  // namespace kodiak::sql
