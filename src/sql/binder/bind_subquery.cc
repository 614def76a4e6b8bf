// Subquery binding: scalar subqueries, EXISTS, IN (SELECT ...), and the outer
// references that make a subquery correlated.
//
// A name the subquery's own FROM does not have is looked up in the enclosing
// query (and, through its sink, in the queries enclosing that one). Each
// distinct outer expression becomes one correlation: bound in the outer
// query's terms, it is a child of the kSubquery node (so it is evaluated on
// the outer row and remapped like any other column reference), and inside
// the subquery it reads as a kParameter slot of the plan's frame.
#include "sql/binder/aggregate_context.h"
#include "sql/binder/binder.h"
#include "sql/binder/correlation_sink.h"
#include "sql/execution/operators.h"
#include "sql/execution/subquery.h"
#include "sql/function/scalar_function.h"

namespace kodiak::sql {

Result<BoundExprPtr> Binder::BindOuterColumnRef(const Expr& e, Status not_found) {
  CorrelationSink* sink = sink_;
  if (!sink) return not_found;
  sink_ = sink->parent;
  auto outer = BindExpr(e, *sink->outer);
  sink_ = sink;
  if (!outer.ok()) {
    // The enclosing query does not know the name either: report the
    // subquery's own error, which names the tables it reads.
    if (outer.status().message().rfind("unknown", 0) == 0) return not_found;
    return outer.status();
  }
  BoundExprPtr value = std::move(outer).value();
  int slot = -1;
  for (size_t i = 0; i < sink->correlations.size(); i++) {
    if (sink->correlations[i]->Equals(*value)) slot = static_cast<int>(i);
  }
  if (slot < 0) {
    slot = static_cast<int>(sink->correlations.size());
    sink->correlations.push_back(value->Clone());
  }
  auto param = std::make_unique<BoundExpr>();
  param->kind = BoundKind::kParameter;
  param->type = value->type;
  param->column = slot;
  param->frame = sink->frame;
  param->pos = e.pos;
  sink->params_made++;
  return param;
}

Result<BoundExprPtr> Binder::BindSubquery(const Expr& e, ExprContext& ctx) {
  auto decorrelated = scalar_columns_.find(&e);
  if (decorrelated != scalar_columns_.end() && decorrelated->second.scope == ctx.scope) {
    auto col = MakeColumn(decorrelated->second.column, decorrelated->second.type);
    col->pos = e.pos;
    return col;
  }
  auto node = std::make_unique<BoundExpr>();
  node->kind = BoundKind::kSubquery;
  node->pos = e.pos;
  node->negated = e.negated;
  node->subquery_kind = e.kind == ExprKind::kExists ? SubqueryKind::kExists : SubqueryKind::kScalar;
  if (e.kind == ExprKind::kInSubquery) {
    node->op = e.binary_op;
    node->subquery_kind = e.quantifier_all ? SubqueryKind::kAll
                          : e.binary_op == BinaryOp::kEq ? SubqueryKind::kIn
                                                         : SubqueryKind::kAny;
  }
  const bool compares = node->subquery_kind == SubqueryKind::kIn || node->subquery_kind == SubqueryKind::kAny ||
                        node->subquery_kind == SubqueryKind::kAll;
  BoundExprPtr tested;
  if (compares) {
    KODIAK_ASSIGN_OR_RETURN(tested, BindExpr(*e.args[0], ctx));
  }

  auto plan = std::make_shared<SubqueryPlan>();
  CorrelationSink sink;
  sink.outer = &ctx;
  sink.parent = sink_;
  sink.frame = plan->frame;
  sink_ = &sink;
  auto bound = BindQuery(*e.subquery);
  sink_ = sink.parent;
  if (!bound.ok()) return bound.status();
  BoundQuery q = std::move(bound).value();

  if (node->subquery_kind != SubqueryKind::kExists && q.types.size() != 1) {
    return Status::BinderError("a subquery " +
                                   std::string(compares ? "after IN, ANY or ALL" : "used as a value") +
                                   " must return one column, but this one returns " + std::to_string(q.types.size()),
                               e.subquery->pos, "select just the column to compare with");
  }
  switch (node->subquery_kind) {
    case SubqueryKind::kScalar: node->type = q.types[0]; break;
    case SubqueryKind::kExists: node->type = TypeId::kBool; break;
    case SubqueryKind::kIn:
    case SubqueryKind::kAny:
    case SubqueryKind::kAll: {
      node->type = TypeId::kBool;
      LogicalType common;
      bool comparable = true;
      if (tested->type.id() == TypeId::kNull) {
        common = q.types[0];
      } else if (q.types[0].id() == TypeId::kNull) {
        common = tested->type;
      } else {
        comparable = CommonType(tested->type, q.types[0], &common);
      }
      if (comparable && tested->kind == BoundKind::kConstant && tested->type != common) {
        // A literal that does not convert ('hello' against INT) equals no row.
        auto cast = CastTo(tested->Clone(), common);
        if (cast.ok()) tested = std::move(cast).value();
        else comparable = false;
      }
      if (!comparable) {
        // Values of unrelated types are never equal (SQLite's rule for
        // different storage classes), so the test depends only on whether
        // the subquery has rows and NULLs.
        bool constant = tested->kind == BoundKind::kConstant;
        if (!constant || node->subquery_kind != SubqueryKind::kIn) {
          return Status::TypeError("cannot compare " + tested->type.ToString() + " with the subquery's " +
                                       q.types[0].ToString() + " column",
                                   e.pos, "CAST one side to the other's type");
        }
        node->incomparable = true;
      } else {
        KODIAK_ASSIGN_OR_RETURN(tested, CastTo(std::move(tested), common));
        if (q.types[0] != common) {
          std::vector<BoundExprPtr> cast;
          cast.push_back(MakeCast(MakeColumn(0, q.types[0]), common));
          q.plan = std::make_unique<Projection>(std::move(q.plan), std::move(cast));
        }
      }
      node->children.push_back(std::move(tested));
      break;
    }
  }
  plan->plan = std::move(q.plan);
  plan->source = e.subquery.get();
  node->subquery = std::move(plan);
  node->first_correlation = static_cast<int>(node->children.size());
  for (auto& c : sink.correlations) node->children.push_back(std::move(c));
  return node;
}

}  // namespace kodiak::sql
