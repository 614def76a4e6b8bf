#include "sql/execution/physical_operator.h"

#include <algorithm>

#include "sql/execution/subquery.h"

namespace kodiak::sql {

namespace {

void FindSubqueries(const BoundExpr& e, std::vector<const BoundExpr*>* out) {
  if (e.kind == BoundKind::kSubquery) {
    bool seen = std::any_of(out->begin(), out->end(), [&](const BoundExpr* o) { return o->subquery == e.subquery; });
    if (!seen) out->push_back(&e);
  }
  for (const auto& c : e.children) FindSubqueries(*c, out);
}

const char* SubqueryLabel(SubqueryKind kind) {
  switch (kind) {
    case SubqueryKind::kScalar: return "Subquery scalar";
    case SubqueryKind::kExists: return "Subquery EXISTS";
    case SubqueryKind::kIn: return "Subquery IN";
    case SubqueryKind::kAny: return "Subquery ANY";
    case SubqueryKind::kAll: return "Subquery ALL";
  }
  return "Subquery";
}

}  // namespace

std::string PhysicalOperator::Explain(int depth) const {
  std::string out(static_cast<size_t>(depth) * 2, ' ');
  out += Describe();
  out += "\n";
  std::vector<const BoundExpr*> exprs, subqueries;
  Expressions(&exprs);
  for (const BoundExpr* e : exprs) FindSubqueries(*e, &subqueries);
  for (const BoundExpr* s : subqueries) {
    out += std::string(static_cast<size_t>(depth + 1) * 2, ' ') + SubqueryLabel(s->subquery_kind);
    if (static_cast<size_t>(s->first_correlation) < s->children.size()) {
      out += " correlated on";
      for (size_t i = static_cast<size_t>(s->first_correlation); i < s->children.size(); i++) {
        out += (i == static_cast<size_t>(s->first_correlation) ? " " : ", ") + s->children[i]->ToString() +
               " as $outer" + std::to_string(i - static_cast<size_t>(s->first_correlation));
      }
    }
    out += "\n" + s->subquery->plan->Explain(depth + 2);
  }
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
