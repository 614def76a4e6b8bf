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

}  // namespace

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
        outer_keys.push_back(std::move(o));
        inner_keys.push_back(std::move(i));
        continue;
      }
    }
    residual = MakeAnd(std::move(residual), std::move(c));
  }
  if (outer_keys.empty()) return false;  // no equality to hash on: keep the subquery
  const bool anti = e.kind == ExprKind::kExists && e.negated;
  *plan = HashJoin::Semi(std::move(*plan), std::move(inner_plan).value(), std::move(outer_keys),
                         std::move(inner_keys), std::move(residual), anti);
  return true;
}

}  // namespace kodiak::sql
