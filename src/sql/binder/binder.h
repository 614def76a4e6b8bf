// Binder: turns parsed statements into executable plans — resolves tables,
// columns, variables, functions and types against one catalog snapshot,
// inserts the implicit casts, checks aggregates and GROUP BY, and builds the
// physical operator tree (the planner step is folded in: joins with an
// equality condition become hash joins, ORDER BY + LIMIT becomes top-N).
//
// Errors are BinderError/TypeError with the position of the offending name or
// expression and, for unknown names, a "did you mean" hint.
//
// Contract: a Binder is used for one statement by one thread; the catalog
// snapshot and variables must outlive it. Plans hold shared_ptrs to the table
// versions they read, so they stay valid after the snapshot changes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog_snapshot.h"
#include "kodiak/status.h"
#include "sql/binder/bound_expr.h"
#include "sql/execution/physical_operator.h"
#include "sql/execution/window.h"
#include "sql/parser/ast.h"

namespace kodiak::sql {

struct WorkingTable;  // sql/execution/set_operations.h

// Session variables, keyed by lower-cased name.
using VariableMap = std::map<std::string, Value>;

// NEW or OLD inside a trigger's body: one row of the table the trigger is
// on, read as `new.column` / `old.column`.
struct PseudoRow {
  std::string name;  // "new" or "old"
  std::vector<std::string> columns;
  std::vector<Value> values;
};

struct BoundQuery {
  OperatorPtr plan;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
};

// A column visible to expressions: its table (alias) and name.
struct ScopeColumn {
  std::string table;
  std::string name;
  LogicalType type;
  // The other side's copy of a USING / NATURAL join column: reachable as
  // table.name, but not by the bare name and not part of `*`.
  bool hidden = false;
};

struct Scope {
  std::vector<ScopeColumn> columns;

  // Fails when `alias` already names a table of this scope ("FROM t JOIN t").
  Status CheckNewTable(const std::string& alias, int64_t pos) const;
};

class Binder {
 public:
  // `pseudo_rows` (may be null): NEW / OLD while a trigger's body is bound.
  Binder(const CatalogSnapshot& catalog, const VariableMap& variables,
         const std::vector<PseudoRow>* pseudo_rows = nullptr);

  Result<BoundQuery> BindQuery(const SelectStmt& stmt);

  // The rows an INSERT adds: one column per table column, in table order,
  // cast to the column types (defaults filled in).
  Result<BoundQuery> BindInsertSource(const InsertStatement& stmt, const TableEntry& table);

  // An expression over one table's columns (UPDATE SET / WHERE, DELETE WHERE).
  Result<BoundExprPtr> BindTableExpr(const Expr& expr, const TableEntry& table, const std::string& alias);
  // A predicate (BOOL) over one table's columns.
  Result<BoundExprPtr> BindTablePredicate(const Expr& expr, const TableEntry& table, const std::string& alias);

  // An expression over the columns of `scope` (ON CONFLICT and MERGE, whose
  // rows join two tables); `clause` names the place in messages.
  Result<BoundExprPtr> BindScopedExpr(const Expr& expr, const Scope& scope, const char* clause);
  // CREATE FUNCTION's checks: the body binds with parameters of the declared
  // types, and its result converts to the declared result type.
  Status CheckFunctionBody(const UserFunction& f, const CreateFunctionStatement& def);
  // A FROM item on its own (MERGE's USING): its plan, its columns into `scope`.
  Result<OperatorPtr> BindSource(const TableRef& ref, Scope* scope) { return BindFrom(ref, scope); }

  // An expression that reads no columns (DEFAULT, LIMIT, SET values).
  Result<BoundExprPtr> BindConstantExpr(const Expr& expr);

  Result<TableEntryPtr> ResolveTable(const std::vector<Name>& name) const;
  Result<std::string> ResolveName(const Name& name) const;
  Result<LogicalType> ResolveType(const TypeName& type) const;

  // Casts `e` to `target`, folding constants now so that a bad literal fails
  // at bind time with its position.
  Result<BoundExprPtr> CastTo(BoundExprPtr e, const LogicalType& target);

 private:
  struct AggregateContext;
  // The window functions of a SELECT block, collected while its SELECT list,
  // QUALIFY and ORDER BY are bound (bind_window.cc). A window function binds
  // to column kWindowBase + i; once the width of the row they are computed
  // over is known, FinishWindows moves them to width + i.
  struct WindowContext {
    static constexpr int kWindowBase = 1 << 24;
    const SelectStmt* stmt = nullptr;  // its WINDOW clause
    std::vector<BoundWindow> windows;
  };
  struct ExprContext {
    const Scope* scope = nullptr;
    AggregateContext* agg = nullptr;  // set while binding SELECT/HAVING/ORDER BY of an aggregate query
    const char* clause = "";          // for "aggregates are not allowed in WHERE"
    WindowContext* win = nullptr;     // where window functions are allowed
    // QUALIFY: names of the SELECT list that stand for their expressions.
    const std::map<std::string, const Expr*>* aliases = nullptr;
    // Inside a function body: parameters, LET names, self and the receiver's
    // fields, each standing for a bound expression of the caller's row.
    const std::map<std::string, const BoundExpr*>* locals = nullptr;
  };
  // User functions (bind_user_function.cc): a call is bound by binding the
  // function's body with its parameters standing for the bound arguments,
  // so a body that is an expression runs vectorized like the same
  // expression written inline.
  struct FunctionFrame {
    std::string key;
    std::string name;
    const std::string* text;  // the CREATE FUNCTION statement, for line numbers
  };
  std::vector<FunctionFrame> function_stack_;
  bool checking_body_ = false;  // CREATE FUNCTION is binding the body it defines
  // Recursive functions compiled in this statement, by function key.
  std::map<std::string, std::shared_ptr<CompiledFunction>> compiled_;
  // The user functions named `name`, or empty.
  std::vector<UserFunctionPtr> UserFunctions(const std::string& name) const;
  Result<BoundExprPtr> BindUserCall(const std::string& name, const Expr& e, ExprContext& ctx);
  // A call of a function from inside its own body: a kUserCall of its compiled body.
  Result<BoundExprPtr> BindRecursiveCall(const UserFunction& f, const std::string& key, std::vector<BoundExprPtr> args,
                                         int64_t pos);
  // The body of a function: `args` stand for its parameters (and the receiver first).
  Result<BoundExprPtr> BindFunctionBody(const UserFunction& f, const CreateFunctionStatement& def,
                                        std::vector<BoundExprPtr> args, int64_t pos);
  Result<BoundExprPtr> BindBlock(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindMatch(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindRaise(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindTry(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindWindowCall(const Expr& e, ExprContext& ctx);
  static void FinishWindows(BoundExpr* e, int width);

  // A query without its WITH clause: a SELECT block, VALUES or a set operation.
  Result<BoundQuery> BindQueryBody(const SelectStmt& stmt);
  Result<BoundQuery> BindSelectBlock(const SelectStmt& stmt);
  // UNION / INTERSECT / EXCEPT (bind_set_operation.cc).
  Result<BoundQuery> BindSetOperation(const SelectStmt& stmt);
  // ORDER BY / LIMIT / OFFSET of a query whose output is `q` (set operations
  // and VALUES): ORDER BY names output columns by position, name or expression.
  Result<BoundQuery> BindOrderLimit(BoundQuery q, const SelectStmt& stmt);
  // LIMIT / OFFSET: a constant whole number of rows (-1 for NULL).
  Result<int64_t> BindRowCount(const Expr& e, const char* what);

  // WITH (bind_cte.cc). ctes_ is the stack of named queries in scope; a CTE's
  // body sees those before it (and itself, under WITH RECURSIVE).
  struct CteBinding {
    const CommonTableExpr* cte = nullptr;
    bool recursive = false;
    // Set while the CTE's recursive term is bound: references to the name
    // read the previous round's rows.
    std::shared_ptr<WorkingTable> working;
    std::vector<LogicalType> working_types;
    int working_refs = 0;
  };
  // The innermost CTE named `name`, or -1.
  int FindCte(const std::string& name) const;
  Result<OperatorPtr> BindCteRef(int index, const TableRef& ref, Scope* scope);
  Result<BoundQuery> BindRecursiveCte(int index);
  // A view in FROM: its stored query, bound with none of the caller's WITH
  // queries or outer columns in scope (bind_view.cc).
  Result<OperatorPtr> BindView(const TableEntry& view, const TableRef& ref, Scope* scope);
  // generate_series(...) and range(...) in FROM (bind_table_function.cc).
  Result<OperatorPtr> BindTableFunction(const TableRef& ref, Scope* scope);
  std::vector<std::string> views_in_progress_;  // for "view refers to itself"
  std::vector<StatementPtr> view_asts_;         // parsed view queries, alive while plans are bound
  Result<BoundQuery> BindValues(const SelectStmt& stmt);
  Result<OperatorPtr> BindFrom(const TableRef& ref, Scope* scope);
  Result<OperatorPtr> BindJoin(const TableRef& ref, Scope* scope);
  // FROM and WHERE together: inner and cross joins are flattened, WHERE and
  // ON conjuncts pushed to the tables they read, and the joins ordered by
  // estimated cardinality (bind_join_order.cc). The output has the columns
  // of `scope` in FROM order. `where` may be null.
  // With `correlated`, WHERE/ON conjuncts that read the enclosing query (a
  // subquery being decorrelated) are not placed in the plan but returned
  // there, bound in this FROM's terms with kParameter outer values.
  Result<OperatorPtr> BindFromWhere(const TableRef& from, const Expr* where, Scope* scope,
                                    std::vector<BoundExprPtr>* correlated = nullptr);
  // `EXISTS (SELECT ... WHERE inner.k = outer.k ...)`, `NOT EXISTS (...)` and
  // `x IN (SELECT ...)` in WHERE as a semi or anti hash join of `*plan` (whose
  // columns are `outer`'s) with the subquery's FROM (bind_decorrelate.cc).
  // False when the subquery does not have that shape; the caller then binds
  // it as an ordinary (memoized) subquery.
  Result<bool> TryDecorrelate(const Expr& e, const Scope& outer, OperatorPtr* plan);
  // A scalar subquery `(SELECT agg(...) FROM f WHERE f.k = outer.k ...)`
  // anywhere in `e` becomes a LEFT hash join of `*plan` with f grouped by
  // its keys: the value is appended to `*plan` and `*scope` as a hidden
  // column, and binding the subquery afterwards gives that column.
  Status DecorrelateScalars(const Expr& e, Scope* scope, OperatorPtr* plan);
  Result<bool> TryDecorrelateScalar(const Expr& sub, Scope* scope, OperatorPtr* plan);
  struct ScalarColumn {
    const Scope* scope;
    int column;
    LogicalType type;
  };
  std::map<const Expr*, ScalarColumn> scalar_columns_;

  Result<BoundExprPtr> BindExpr(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindExprNode(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindColumnRef(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindFunction(const Expr& e, ExprContext& ctx);
  // A call of scalar function `name` on bound arguments (casts inserted,
  // constants folded).
  Result<BoundExprPtr> BindCall(const std::string& name, std::vector<BoundExprPtr> args, int64_t pos);
  // N(v, ...): a value of the named STRUCT type N.
  Result<BoundExprPtr> BindConstructor(const NamedType& type, const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> BindAggregate(const Expr& e, ExprContext& ctx);
  // An aggregate call with its arguments, FILTER and ORDER BY bound in `inner`.
  Result<BoundAggregate> MakeBoundAggregate(const Expr& e, ExprContext& inner);
  Result<BoundExprPtr> BindArithmetic(BinaryOp op, BoundExprPtr l, BoundExprPtr r, int64_t pos);
  Result<BoundExprPtr> BindComparison(BinaryOp op, BoundExprPtr l, BoundExprPtr r, int64_t pos);
  Result<BoundExprPtr> BindCase(const Expr& e, ExprContext& ctx);
  Result<BoundExprPtr> ToBool(BoundExprPtr e, const char* what);
  Result<BoundExprPtr> BindNested(const Expr& e, ExprContext& ctx);

  // Subqueries (bind_subquery.cc). While a subquery is bound, `sink_` says
  // where names it cannot resolve are looked up (the enclosing query) and
  // collects those outer references as the subquery's correlations.
  struct CorrelationSink;
  Result<BoundExprPtr> BindSubquery(const Expr& e, ExprContext& ctx);
  // A column reference the current query does not have: resolved in the
  // enclosing queries, or `not_found` when none has it either.
  Result<BoundExprPtr> BindOuterColumnRef(const Expr& e, Status not_found);

  const CatalogSnapshot& catalog_;
  const VariableMap& variables_;
  // new.x / old.x in a trigger body: the value, or null when `parts` is not one.
  BoundExprPtr BindPseudoColumn(const std::vector<std::string>& parts, int64_t pos) const;

  const std::vector<PseudoRow>* pseudo_rows_;
  int depth_ = 0;
  CorrelationSink* sink_ = nullptr;
  std::vector<CteBinding> ctes_;
};

bool IsAggregateName(std::string_view name);
// True when `e` calls an aggregate function (not looking into subqueries).
bool ContainsAggregateCall(const Expr& e);
// True when `e` has a window function call f(...) OVER (...).
bool ContainsWindowCall(const Expr& e);
// True when `e` has a scalar `(SELECT ...)` (not looking into subqueries).
bool ContainsScalarSubquery(const Expr& e);

}  // namespace kodiak::sql
