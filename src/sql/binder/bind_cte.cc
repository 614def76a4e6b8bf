// WITH and WITH RECURSIVE: named queries, bound afresh where they are used
// (each reference is its own plan), and recursive ones as a RecursiveUnion
// whose recursive term reads the previous round through a working table.
#include "common/strings.h"
#include "sql/binder/binder.h"
#include "sql/execution/operators.h"
#include "sql/execution/set_operations.h"

namespace kodiak::sql {

int Binder::FindCte(const std::string& name) const {
  for (int i = static_cast<int>(ctes_.size()) - 1; i >= 0; i--) {
    if (AsciiLower(ctes_[static_cast<size_t>(i)].cte->name) == AsciiLower(name)) return i;
  }
  return -1;
}

namespace {

// Binds `fn` with only the first `visible` CTEs in scope, then restores the rest.
template <typename Stack, typename Fn>
auto WithVisibleCtes(Stack* ctes, size_t visible, Fn fn) -> decltype(fn()) {
  Stack hidden(ctes->begin() + static_cast<std::ptrdiff_t>(visible), ctes->end());
  ctes->resize(visible);
  auto r = fn();
  ctes->insert(ctes->end(), hidden.begin(), hidden.end());
  return r;
}

}  // namespace

Result<BoundQuery> Binder::BindRecursiveCte(int index) {
  const CommonTableExpr& cte = *ctes_[static_cast<size_t>(index)].cte;
  const SelectStmt& query = *cte.query;
  // The anchor cannot see the CTE itself.
  KODIAK_ASSIGN_OR_RETURN(BoundQuery anchor, WithVisibleCtes(&ctes_, static_cast<size_t>(index),
                                                             [&] { return BindQuery(*query.left); }));
  auto working = std::make_shared<WorkingTable>();
  {
    CteBinding& b = ctes_[static_cast<size_t>(index)];
    b.working = working;
    b.working_types = anchor.types;
    b.working_refs = 0;
  }
  auto recursive = WithVisibleCtes(&ctes_, static_cast<size_t>(index) + 1, [&] { return BindQuery(*query.right); });
  CteBinding& b = ctes_[static_cast<size_t>(index)];
  const int refs = b.working_refs;
  b.working.reset();
  if (!recursive.ok()) return recursive.status();
  if (refs == 0) {
    // Not recursive after all: an ordinary UNION.
    return WithVisibleCtes(&ctes_, static_cast<size_t>(index), [&] { return BindQuery(query); });
  }
  BoundQuery r = std::move(recursive).value();
  if (r.types.size() != anchor.types.size()) {
    return Status::BinderError("the recursive part of WITH query '" + cte.name + "' returns " +
                                   std::to_string(r.types.size()) + " columns, but the first part returns " +
                                   std::to_string(anchor.types.size()),
                               query.right->pos);
  }
  if (r.types != anchor.types) {
    std::vector<BoundExprPtr> casts;
    for (size_t i = 0; i < r.types.size(); i++) {
      auto col = MakeColumn(static_cast<int>(i), r.types[i]);
      col->pos = query.right->pos;
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr c, CastTo(std::move(col), anchor.types[i]));
      casts.push_back(std::move(c));
    }
    r.plan = std::make_unique<Projection>(std::move(r.plan), std::move(casts));
  }
  BoundQuery q;
  q.names = anchor.names;
  q.types = anchor.types;
  q.plan = std::make_unique<RecursiveUnion>(cte.name, std::move(anchor.plan), std::move(r.plan), working,
                                            query.set_all);
  if (!query.order_by.empty() || query.limit || query.offset) return BindOrderLimit(std::move(q), query);
  return q;
}

Result<OperatorPtr> Binder::BindCteRef(int index, const TableRef& ref, Scope* scope) {
  const CommonTableExpr& cte = *ctes_[static_cast<size_t>(index)].cte;
  std::string alias = ref.alias.empty() ? cte.name : ref.alias;
  KODIAK_RETURN_IF_ERROR(scope->CheckNewTable(alias, ref.pos));
  BoundQuery q;
  CteBinding& b = ctes_[static_cast<size_t>(index)];
  if (b.working) {
    // Inside its own recursive term: the rows of the previous round.
    b.working_refs++;
    q.types = b.working_types;
    q.plan = std::make_unique<WorkingTableScan>(cte.name, b.working, b.working_types);
    for (size_t i = 0; i < q.types.size(); i++) q.names.push_back("column" + std::to_string(i + 1));
  } else if (b.recursive && cte.query->set_op == SetOpKind::kUnion) {
    KODIAK_ASSIGN_OR_RETURN(q, BindRecursiveCte(index));
  } else {
    KODIAK_ASSIGN_OR_RETURN(q, WithVisibleCtes(&ctes_, static_cast<size_t>(b.recursive ? index + 1 : index),
                                               [&] { return BindQuery(*cte.query); }));
  }
  if (cte.column_names.size() > q.types.size()) {
    return Status::BinderError("WITH query '" + cte.name + "' names " + std::to_string(cte.column_names.size()) +
                                   " columns, but its query returns " + std::to_string(q.types.size()),
                               cte.pos);
  }
  if (ref.column_aliases.size() > q.types.size()) {
    return Status::BinderError("'" + alias + "' has " + std::to_string(q.types.size()) + " columns, but " +
                                   std::to_string(ref.column_aliases.size()) + " names were given",
                               ref.pos);
  }
  for (size_t i = 0; i < q.types.size(); i++) {
    std::string name = i < ref.column_aliases.size() ? ref.column_aliases[i]
                       : i < cte.column_names.size() ? cte.column_names[i]
                                                      : q.names[i];
    scope->columns.push_back({alias, name, q.types[i]});
  }
  return std::move(q.plan);
}

}  // namespace kodiak::sql
