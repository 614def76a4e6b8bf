#include "columnar/vector_ops.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

Filter::Filter(OperatorPtr child, BoundExprPtr predicate)
    : PhysicalOperator(child->types()), predicate_(std::move(predicate)) {
  AddChild(std::move(child));
}

Result<BatchPtr> Filter::Next(ExecContext& ctx) {
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
    if (!in) return in;
    KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(*predicate_, *in, &ctx));
    std::vector<int64_t> rows = SelectedRows(*mask);
    if (rows.empty()) continue;
    if (static_cast<int64_t>(rows.size()) == in->num_rows) return in;
    return TakeBatch(*in, rows);
  }
}

std::string Filter::Describe() const { return "Filter " + predicate_->ToString(); }

namespace {
std::vector<LogicalType> TypesOf(const std::vector<BoundExprPtr>& exprs) {
  std::vector<LogicalType> out;
  for (const auto& e : exprs) out.push_back(e->type);
  return out;
}
}  // namespace

Projection::Projection(OperatorPtr child, std::vector<BoundExprPtr> exprs)
    : PhysicalOperator(TypesOf(exprs)), exprs_(std::move(exprs)) {
  AddChild(std::move(child));
}

Result<BatchPtr> Projection::Next(ExecContext& ctx) {
  KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
  if (!in) return in;
  auto out = std::make_shared<Batch>();
  out->num_rows = in->num_rows;
  for (const auto& e : exprs_) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*e, *in, &ctx));
    out->columns.push_back(std::move(v));
  }
  return BatchPtr(out);
}

std::string Projection::Describe() const {
  std::string out = "Projection";
  for (size_t i = 0; i < exprs_.size(); i++) out += (i ? ", " : " ") + exprs_[i]->ToString();
  return out;
}

}  // namespace kodiak::sql
