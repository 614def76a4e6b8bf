// Set operations (UNION [ALL], INTERSECT [ALL], EXCEPT [ALL]) and the ORDER
// BY / LIMIT of queries that are not a single SELECT block.
#include "common/strings.h"
#include "sql/binder/binder.h"
#include "sql/execution/operators.h"
#include "sql/execution/set_operations.h"
#include "sql/function/scalar_function.h"

namespace kodiak::sql {

namespace {

const char* SetOpName(const SelectStmt& stmt) {
  switch (stmt.set_op) {
    case SetOpKind::kUnion: return stmt.set_all ? "UNION ALL" : "UNION";
    case SetOpKind::kIntersect: return stmt.set_all ? "INTERSECT ALL" : "INTERSECT";
    case SetOpKind::kExcept: return stmt.set_all ? "EXCEPT ALL" : "EXCEPT";
    case SetOpKind::kNone: break;
  }
  return "?";
}

OperatorPtr CastColumns(OperatorPtr plan, const std::vector<LogicalType>& from, const std::vector<LogicalType>& to) {
  if (from == to) return plan;
  std::vector<BoundExprPtr> exprs;
  for (size_t i = 0; i < from.size(); i++) exprs.push_back(MakeCast(MakeColumn(static_cast<int>(i), from[i]), to[i]));
  return std::make_unique<Projection>(std::move(plan), std::move(exprs));
}

}  // namespace

Result<BoundQuery> Binder::BindSetOperation(const SelectStmt& stmt) {
  KODIAK_ASSIGN_OR_RETURN(BoundQuery left, BindQuery(*stmt.left));
  KODIAK_ASSIGN_OR_RETURN(BoundQuery right, BindQuery(*stmt.right));
  const char* op = SetOpName(stmt);
  if (left.types.size() != right.types.size()) {
    return Status::BinderError(std::string("the queries on both sides of ") + op +
                                   " must return the same number of columns: the left returns " +
                                   std::to_string(left.types.size()) + ", the right " +
                                   std::to_string(right.types.size()),
                               stmt.right->pos);
  }
  std::vector<LogicalType> types;
  for (size_t i = 0; i < left.types.size(); i++) {
    LogicalType common;
    if (!CommonType(left.types[i], right.types[i], &common)) {
      return Status::TypeError(std::string(op) + " column " + std::to_string(i + 1) + " (" + left.names[i] +
                                   ") is " + left.types[i].ToString() + " on the left but " +
                                   right.types[i].ToString() + " on the right",
                               stmt.right->pos, "CAST one side to the other's type");
    }
    if (common.id() == TypeId::kNull) common = TypeId::kInt64;
    types.push_back(common);
  }
  OperatorPtr l = CastColumns(std::move(left.plan), left.types, types);
  OperatorPtr r = CastColumns(std::move(right.plan), right.types, types);
  OperatorPtr plan;
  if (stmt.set_op == SetOpKind::kUnion) {
    std::vector<OperatorPtr> inputs;
    inputs.push_back(std::move(l));
    inputs.push_back(std::move(r));
    plan = std::make_unique<Append>(std::move(inputs));
    if (!stmt.set_all) plan = std::make_unique<Distinct>(std::move(plan));
  } else {
    plan = std::make_unique<SetOperation>(
        std::move(l), std::move(r),
        stmt.set_op == SetOpKind::kIntersect ? SetOperationKind::kIntersect : SetOperationKind::kExcept,
        stmt.set_all);
  }
  BoundQuery q;
  q.names = std::move(left.names);
  q.types = std::move(types);
  q.plan = std::move(plan);
  return BindOrderLimit(std::move(q), stmt);
}

Result<BoundQuery> Binder::BindOrderLimit(BoundQuery q, const SelectStmt& stmt) {
  if (stmt.order_by.empty() && !stmt.limit && !stmt.offset) return q;
  const size_t visible = q.types.size();
  Scope output;
  for (size_t i = 0; i < visible; i++) output.columns.push_back({"", q.names[i], q.types[i]});
  std::vector<BoundExprPtr> exprs;
  for (size_t i = 0; i < visible; i++) exprs.push_back(MakeColumn(static_cast<int>(i), q.types[i]));

  std::vector<SortKey> keys;
  for (const auto& o : stmt.order_by) {
    const Expr& oe = *o.expr;
    int target = -1;
    if (oe.kind == ExprKind::kLiteral && oe.value.type().IsInteger()) {
      int64_t k = oe.value.int_value();
      if (k < 1 || k > static_cast<int64_t>(visible)) {
        return Status::BinderError("ORDER BY position " + std::to_string(k) + " is not in the result (1 to " +
                                       std::to_string(visible) + ")",
                                   oe.pos);
      }
      target = static_cast<int>(k - 1);
    } else if (oe.kind == ExprKind::kColumnRef && !oe.names.empty()) {
      // t.a and a both name the output column a (the table is gone after UNION).
      KODIAK_ASSIGN_OR_RETURN(std::string name, ResolveName(oe.names.back()));
      for (size_t i = 0; i < visible && target < 0; i++) {
        if (AsciiLower(q.names[i]) == AsciiLower(name)) target = static_cast<int>(i);
      }
    }
    if (target < 0) {
      ExprContext ctx{&output, nullptr, "ORDER BY"};
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(oe, ctx));
      target = static_cast<int>(exprs.size());
      exprs.push_back(std::move(b));
    }
    SortKey key;
    key.descending = o.descending;
    key.nulls_first = o.nulls == OrderItem::Nulls::kDefault ? !o.descending : o.nulls == OrderItem::Nulls::kFirst;
    key.expr = MakeColumn(target, exprs[static_cast<size_t>(target)]->type);
    keys.push_back(std::move(key));
  }
  OperatorPtr plan = std::move(q.plan);
  if (exprs.size() > visible) plan = std::make_unique<Projection>(std::move(plan), std::move(exprs));
  int64_t limit = -1, offset = 0;
  if (stmt.limit) {
    KODIAK_ASSIGN_OR_RETURN(limit, BindRowCount(*stmt.limit, "LIMIT"));
  }
  if (stmt.offset) {
    KODIAK_ASSIGN_OR_RETURN(offset, BindRowCount(*stmt.offset, "OFFSET"));
    if (offset < 0) offset = 0;
  }
  if (!keys.empty()) plan = std::make_unique<Sort>(std::move(plan), std::move(keys), limit >= 0 ? limit + offset : -1);
  if (limit >= 0 || offset > 0) plan = std::make_unique<Limit>(std::move(plan), limit, offset);
  if (plan->types().size() > visible) {
    std::vector<BoundExprPtr> keep;
    for (size_t i = 0; i < visible; i++) keep.push_back(MakeColumn(static_cast<int>(i), q.types[i]));
    plan = std::make_unique<Projection>(std::move(plan), std::move(keep));
  }
  q.plan = std::move(plan);
  return q;
}

}  // namespace kodiak::sql
