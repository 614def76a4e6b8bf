// Decorrelation: a WHERE conjunct
//
//   EXISTS (SELECT ... FROM f WHERE p(f) AND f.k = outer.k AND q(f, outer))
//   NOT EXISTS (...)
//   x IN (SELECT e(f) FROM f WHERE ...)
//
// becomes a semi (anti) hash join of the outer rows with f: keys from the
// equalities between an outer-only and an inner-only expression (and x =
// e(f) for IN), the other correlated conditions as the join's residual, and
// f's own conditions pushed into f's plan as usual. The subquery then runs
// once instead of once per distinct outer value.
//
// Only plain SELECT blocks qualify (no aggregates, GROUP BY, HAVING, LIMIT,
// set operations or WITH), and only when every outer reference sits in a
// WHERE/ON conjunct or the IN's select item; NOT IN keeps the subquery
// (its NULL rules are not an anti join's).
//
// A scalar aggregate subquery `(SELECT agg(...) FROM f WHERE f.k = outer.k
// AND p(f))`, correlated by equalities only, becomes a LEFT hash join with
// `SELECT f.k, agg(...) FROM f WHERE p(f) GROUP BY f.k`; an outer row without
// a group gets the aggregate's value over no rows (0 for count).
#include "sql/binder/aggregate_context.h"
#include "sql/binder/binder.h"
#include "sql/binder/correlation_sink.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

namespace {

int CountFrameParams(const BoundExpr& e, const ParamFrame& frame) {
  int n = e.kind == BoundKind::kParameter && e.frame.get() == &frame ? 1 : 0;
  for (const auto& c : e.children) n += CountFrameParams(*c, frame);
  return n;
}

// Moves an expression over the subquery's columns into the joined row
// [outer columns..., inner columns...]: inner columns shift right by
// `outer_width`; the frame's parameters become their outer expressions.
BoundExprPtr ToJoinedRow(BoundExprPtr e, int outer_width, const ParamFrame& frame,
                         const std::vector<BoundExprPtr>& correlations) {
  if (e->kind == BoundKind::kParameter && e->frame.get() == &frame) {
    return correlations[static_cast<size_t>(e->column)]->Clone();
  }
  if (e->kind == BoundKind::kColumn) e->column += outer_width;
  for (auto& c : e->children) c = ToJoinedRow(std::move(c), outer_width, frame, correlations);
  return e;
}

void ColumnBounds(const BoundExpr& e, int* lo, int* hi) {
  if (e.kind == BoundKind::kColumn) {
    *lo = std::min(*lo, e.column);
    *hi = std::max(*hi, e.column);
  }
  for (const auto& c : e.children) ColumnBounds(*c, lo, hi);
}

void ShiftLeft(BoundExpr* e, int by) {
  if (e->kind == BoundKind::kColumn) e->column -= by;
  for (auto& c : e->children) ShiftLeft(c.get(), by);
}

// The kSubquery nodes of `e`, not looking inside subqueries.
void FindScalarSubqueries(const Expr& e, std::vector<const Expr*>* out) {
  if (e.kind == ExprKind::kSubquery) {
    out->push_back(&e);
    return;
  }
  for (const auto& a : e.args) {
    if (a) FindScalarSubqueries(*a, out);
  }
  for (const auto& [w, t] : e.when_then) {
    FindScalarSubqueries(*w, out);
    FindScalarSubqueries(*t, out);
  }
}

// Splits conditions over the joined row [outer..., inner...] into hash keys
// (outer-only = inner-only; the inner side shifted back to inner columns)
// and the rest.
void SplitJoinKeys(std::vector<BoundExprPtr> conditions, int width, std::vector<BoundExprPtr>* outer_keys,
                   std::vector<BoundExprPtr>* inner_keys, BoundExprPtr* residual) {
  for (auto& c : conditions) {
    if (c->kind == BoundKind::kCompare && c->op == BinaryOp::kEq) {
      int alo = INT32_MAX, ahi = -1, blo = INT32_MAX, bhi = -1;
      ColumnBounds(*c->children[0], &alo, &ahi);
      ColumnBounds(*c->children[1], &blo, &bhi);
      bool a_outer = ahi >= 0 && ahi < width, a_inner = ahi >= 0 && alo >= width;
      bool b_outer = bhi >= 0 && bhi < width, b_inner = bhi >= 0 && blo >= width;
      if ((a_outer && b_inner) || (a_inner && b_outer)) {
        BoundExprPtr o = std::move(c->children[a_outer ? 0 : 1]);
        BoundExprPtr i = std::move(c->children[a_outer ? 1 : 0]);
        ShiftLeft(i.get(), width);
        outer_keys->push_back(std::move(o));
        inner_keys->push_back(std::move(i));
        continue;
      }
    }
    *residual = MakeAnd(std::move(*residual), std::move(c));
  }
}

}  // namespace

bool ContainsScalarSubquery(const Expr& e) {
  std::vector<const Expr*> subs;
  FindScalarSubqueries(e, &subs);
  return !subs.empty();
}

Status Binder::DecorrelateScalars(const Expr& e, Scope* scope, OperatorPtr* plan) {
  std::vector<const Expr*> subs;
  FindScalarSubqueries(e, &subs);
  for (const Expr* s : subs) {
    KODIAK_ASSIGN_OR_RETURN(bool done, TryDecorrelateScalar(*s, scope, plan));
    (void)done;  // when not, the subquery is bound as usual later
  }
  return Status::OK();
}

Result<bool> Binder::TryDecorrelateScalar(const Expr& e, Scope* scope, OperatorPtr* plan) {
  if (scalar_columns_.count(&e)) return true;
  const SelectStmt& sub = *e.subquery;
  if (!sub.from || sub.set_op != SetOpKind::kNone || !sub.values.empty() || !sub.with.empty() ||
      !sub.group_by.empty() || sub.having || sub.limit || sub.offset || sub.distinct || sub.items.size() != 1 ||
      !ContainsAggregateCall(*sub.items[0].expr)) {
    return false;
  }
  ExprContext outer_ctx{scope, nullptr, "WHERE"};
  CorrelationSink sink;
  sink.outer = &outer_ctx;
  sink.parent = sink_;
  sink.frame = std::make_shared<ParamFrame>();
  sink_ = &sink;
  Scope inner;
  std::vector<BoundExprPtr> correlated;
  auto inner_plan = BindFromWhere(*sub.from, sub.where.get(), &inner, &correlated);
  sink_ = sink.parent;
  if (!inner_plan.ok()) return false;  // the ordinary path reports the error
  int found = 0;
  for (const auto& c : correlated) found += CountFrameParams(*c, *sink.frame);
  if (found != sink.params_made || correlated.empty()) return false;

  const int width = static_cast<int>(scope->columns.size());
  std::vector<BoundExprPtr> conditions;
  for (auto& c : correlated) conditions.push_back(ToJoinedRow(std::move(c), width, *sink.frame, sink.correlations));
  std::vector<BoundExprPtr> outer_keys, inner_keys;
  BoundExprPtr residual;
  SplitJoinKeys(std::move(conditions), width, &outer_keys, &inner_keys, &residual);
  if (residual || outer_keys.empty()) return false;  // only equalities can be grouped on

  // The aggregate per key: SELECT k..., item FROM f WHERE ... GROUP BY k...
  AggregateContext agg;
  agg.input = &inner;
  for (const auto& k : inner_keys) agg.groups.push_back(k->Clone());
  ExprContext actx{&inner, &agg, "SELECT"};
  auto item = BindExpr(*sub.items[0].expr, actx);
  if (!item.ok() || CountFrameParams(**item, *sink.frame) > 0) return false;
  // The same item over no rows at all: what an outer row without a group gets.
  AggregateContext none;
  none.input = &inner;
  ExprContext nctx{&inner, &none, "SELECT"};
  auto empty_item = BindExpr(*sub.items[0].expr, nctx);
  if (!empty_item.ok()) return false;
  std::vector<BoundExprPtr> empty_exprs;
  empty_exprs.push_back(std::move(empty_item).value());
  OperatorPtr empty_plan = std::make_unique<ValuesScan>(std::vector<std::vector<BoundExprPtr>>{}, inner_plan->get()->types());
  empty_plan = std::make_unique<HashAggregate>(std::move(empty_plan), std::vector<BoundExprPtr>{},
                                               std::move(none.aggregates));
  empty_plan = std::make_unique<Projection>(std::move(empty_plan), std::move(empty_exprs));
  ExecContext ectx(nullptr, nullptr);
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> empty_rows, CollectAll(*empty_plan, ectx));
  if (empty_rows.empty() || empty_rows[0]->num_rows != 1) return false;
  Value empty_value = empty_rows[0]->columns[0]->GetValue(0);

  const size_t nkeys = inner_keys.size();
  std::vector<BoundExprPtr> grouped_out;
  for (size_t i = 0; i < nkeys; i++) grouped_out.push_back(MakeColumn(static_cast<int>(i), agg.groups[i]->type));
  LogicalType type = (*item)->type;
  grouped_out.push_back(std::move(item).value());
  std::vector<BoundExprPtr> groups = std::move(agg.groups);
  OperatorPtr grouped = std::make_unique<HashAggregate>(std::move(inner_plan).value(), std::move(groups),
                                                        std::move(agg.aggregates));
  grouped = std::make_unique<Projection>(std::move(grouped), std::move(grouped_out));

  std::vector<BoundExprPtr> right_keys;
  for (size_t i = 0; i < nkeys; i++) right_keys.push_back(MakeColumn(static_cast<int>(i), inner_keys[i]->type));
  std::vector<LogicalType> right_types = grouped->types();
  OperatorPtr joined = std::make_unique<HashJoin>(std::move(*plan), std::move(grouped), true, std::move(outer_keys),
                                                  std::move(right_keys), nullptr);
  // Keep the outer columns and add the value (the empty-input value where no group matched).
  std::vector<BoundExprPtr> out;
  for (int i = 0; i < width; i++) out.push_back(MakeColumn(i, scope->columns[static_cast<size_t>(i)].type));
  auto matched = std::make_unique<BoundExpr>();
  matched->kind = BoundKind::kIsNull;
  matched->negated = true;
  matched->type = TypeId::kBool;
  matched->children.push_back(MakeColumn(width, right_types[0]));
  auto pick = std::make_unique<BoundExpr>();
  pick->kind = BoundKind::kCase;
  pick->type = type;
  pick->children.push_back(std::move(matched));
  pick->children.push_back(MakeColumn(width + static_cast<int>(nkeys), type));
  auto fallback = empty_value.is_null() ? MakeConstant(Value::Null(type)) : MakeConstant(empty_value);
  pick->children.push_back(MakeCast(std::move(fallback), type));
  out.push_back(std::move(pick));
  *plan = std::make_unique<Projection>(std::move(joined), std::move(out));

  scope->columns.push_back({"", "(subquery)", type, /*hidden=*/true});
  scalar_columns_[&e] = ScalarColumn{scope, width, type};
  return true;
}

Result<bool> Binder::TryDecorrelate(const Expr& e, const Scope& outer, OperatorPtr* plan) {
  const SelectStmt& sub = *e.subquery;
  const bool in = e.kind == ExprKind::kInSubquery;
  if (!sub.from || sub.set_op != SetOpKind::kNone || !sub.values.empty() || !sub.with.empty() ||
      !sub.group_by.empty() || sub.having || sub.limit || sub.offset) {
    return false;
  }
  for (const auto& item : sub.items) {
    if (ContainsAggregateCall(*item.expr)) return false;
  }
  if (in && (sub.items.size() != 1 || sub.items[0].expr->kind == ExprKind::kStar)) return false;

  ExprContext outer_ctx{&outer, nullptr, "WHERE"};
  BoundExprPtr tested;
  if (in) {
    auto t = BindExpr(*e.args[0], outer_ctx);
    if (!t.ok()) return false;  // the ordinary path reports the error
    tested = std::move(t).value();
  }

  CorrelationSink sink;
  sink.outer = &outer_ctx;
  sink.parent = sink_;
  sink.frame = std::make_shared<ParamFrame>();
  sink_ = &sink;
  Scope inner;
  std::vector<BoundExprPtr> correlated;
  auto inner_plan = BindFromWhere(*sub.from, sub.where.get(), &inner, &correlated);
  Result<BoundExprPtr> item = BoundExprPtr();
  if (inner_plan.ok() && in) {
    ExprContext ictx{&inner, nullptr, "SELECT"};
    item = BindExpr(*sub.items[0].expr, ictx);
  }
  sink_ = sink.parent;
  if (!inner_plan.ok() || !item.ok()) return false;

  // Every outer reference must be somewhere we can move into the join.
  int found = 0;
  for (const auto& c : correlated) found += CountFrameParams(*c, *sink.frame);
  if (*item) found += CountFrameParams(**item, *sink.frame);
  if (found != sink.params_made) return false;

  const int width = static_cast<int>(outer.columns.size());
  std::vector<BoundExprPtr> conditions;
  for (auto& c : correlated) conditions.push_back(ToJoinedRow(std::move(c), width, *sink.frame, sink.correlations));
  if (in) {
    BoundExprPtr rhs = ToJoinedRow(std::move(item).value(), width, *sink.frame, sink.correlations);
    auto eq = BindComparison(BinaryOp::kEq, std::move(tested), std::move(rhs), e.pos);
    if (!eq.ok()) return false;
    conditions.push_back(std::move(eq).value());
  }

  std::vector<BoundExprPtr> outer_keys, inner_keys;
  BoundExprPtr residual;
  SplitJoinKeys(std::move(conditions), width, &outer_keys, &inner_keys, &residual);
  if (outer_keys.empty()) return false;  // no equality to hash on: keep the subquery
  const bool anti = e.kind == ExprKind::kExists && e.negated;
  *plan = HashJoin::Semi(std::move(*plan), std::move(inner_plan).value(), std::move(outer_keys),
                         std::move(inner_keys), std::move(residual), anti);
  return true;
}

}  // namespace kodiak::sql
