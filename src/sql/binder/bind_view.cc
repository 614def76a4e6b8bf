// Views in FROM: the stored SELECT is parsed and bound where the view is
// used, like a derived table named after the view.
#include "common/strings.h"
#include "sql/binder/binder.h"
#include "sql/parser/parser.h"

namespace kodiak::sql {

Result<OperatorPtr> Binder::BindView(const TableEntry& view, const TableRef& ref, Scope* scope) {
  for (const auto& v : views_in_progress_) {
    if (EqualsIgnoreCase(v, view.name)) {
      return Status::BinderError("view " + view.name + " refers to itself", ref.pos,
                                 "replace the view with one that reads tables or other views");
    }
  }
  std::string alias = ref.alias.empty() ? view.name : ref.alias;
  KODIAK_RETURN_IF_ERROR(scope->CheckNewTable(alias, ref.pos));
  auto parsed = Parser::ParseStatement(view.view_sql);
  if (!parsed.ok() || (*parsed)->kind != StmtKind::kSelect) {
    return Status::BinderError("view " + view.name + " no longer parses: " + parsed.status().message(), ref.pos,
                               "DROP VIEW " + view.name + " and create it again");
  }
  const SelectStmt& query = *static_cast<const SelectStatement&>(**parsed).query;
  // The view sees only the catalog: not the caller's WITH queries or outer columns.
  std::vector<CteBinding> ctes = std::move(ctes_);
  ctes_.clear();
  CorrelationSink* sink = sink_;
  sink_ = nullptr;
  views_in_progress_.push_back(view.name);
  auto bound = BindQuery(query);
  views_in_progress_.pop_back();
  sink_ = sink;
  ctes_ = std::move(ctes);
  view_asts_.push_back(std::move(parsed).value());
  if (!bound.ok() && bound.status().message().rfind("view ", 0) == 0) return bound.status();  // a nested view's
  if (!bound.ok()) {
    return Status::BinderError("view " + view.name + " cannot be read: " + bound.status().message(), ref.pos,
                               "the tables it reads may have changed; DROP VIEW " + view.name +
                                   " and create it again");
  }
  BoundQuery q = std::move(bound).value();
  if (q.types.size() != view.columns.size()) {
    return Status::BinderError("view " + view.name + " had " + std::to_string(view.columns.size()) +
                                   " columns when created but its query now returns " + std::to_string(q.types.size()),
                               ref.pos, "DROP VIEW " + view.name + " and create it again");
  }
  if (ref.column_aliases.size() > q.types.size()) {
    return Status::BinderError("view " + view.name + " has " + std::to_string(q.types.size()) + " columns, but " +
                                   std::to_string(ref.column_aliases.size()) + " names were given",
                               ref.pos);
  }
  for (size_t i = 0; i < q.types.size(); i++) {
    std::string name = i < ref.column_aliases.size() ? ref.column_aliases[i] : view.columns[i].name;
    scope->columns.push_back({alias, name, q.types[i]});
  }
  return std::move(q.plan);
}

}  // namespace kodiak::sql
