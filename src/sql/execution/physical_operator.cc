#include "sql/execution/physical_operator.h"

namespace kodiak::sql {

std::string PhysicalOperator::Explain(int depth) const {
  std::string out(static_cast<size_t>(depth) * 2, ' ');
  out += Describe();
  out += "\n";
  for (const auto& c : children_) out += c->Explain(depth + 1);
  return out;
}

Result<std::vector<BatchPtr>> CollectAll(PhysicalOperator& op, ExecContext& ctx) {
  std::vector<BatchPtr> out;
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr b, op.Next(ctx));
    if (!b) break;
    if (b->num_rows > 0) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace kodiak::sql
