// CREATE [OR REPLACE] VIEW and DROP VIEW.
//
// A view is a catalog entry beside the tables (one namespace) that holds
// its query's text; its columns are the query's names and types when it was
// created. FROM binds the query where the view is used (bind_view.cc).
#include "main/session.h"
#include "sql/parser/suggest.h"
#include "storage/memory_store/table_writer.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

Result<QueryResult> Session::RunCreateView(const CreateViewStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  if (TableEntryPtr existing = catalog.FindTable(name)) {
    if (stmt.if_not_exists) return TagResult("CREATE VIEW");
    if (!existing->is_view()) {
      return Status(StatusCode::kAlreadyExists, "there is already a table named '" + existing->name + "'",
                    stmt.name.back().pos, "pick another name for the view");
    }
    if (!stmt.or_replace) {
      return Status(StatusCode::kAlreadyExists, "view '" + existing->name + "' already exists", stmt.name.back().pos,
                    "use CREATE OR REPLACE VIEW to change it, or DROP VIEW " + existing->name + " first");
    }
  }
  // Bind the query now: a view that cannot run is refused here, not at first use.
  KODIAK_ASSIGN_OR_RETURN(BoundQuery q, binder.BindQuery(*stmt.query));
  if (stmt.column_names.size() > q.names.size()) {
    return Status(StatusCode::kBinderError,
                  "view " + name + " names " + std::to_string(stmt.column_names.size()) +
                      " columns, but its query returns " + std::to_string(q.names.size()),
                  stmt.pos);
  }
  auto entry = std::make_shared<TableEntry>();
  entry->name = name;
  entry->view_sql = stmt.query_text;
  for (size_t i = 0; i < q.names.size(); i++) {
    ColumnDefinition col;
    col.name = i < stmt.column_names.size() ? stmt.column_names[i] : q.names[i];
    col.type = q.types[i];
    for (const auto& other : entry->columns) {
      if (CatalogKey(other.name) == CatalogKey(col.name)) {
        return Status(StatusCode::kBinderError, "view " + name + " would have two columns named '" + col.name + "'",
                      stmt.pos, "name the columns: CREATE VIEW " + name + " (a, b, ...) AS ...");
      }
    }
    entry->columns.push_back(std::move(col));
  }
  entry->data = EmptyTableData(*entry);
  txn.PutTable(entry);
  // OR REPLACE can make a view read itself (through the view it replaces).
  Binder check(txn.snapshot(), variables_, pseudo_rows());
  SelectStmt use;  // SELECT * FROM name
  use.pos = stmt.pos;
  SelectItem star;
  star.expr = std::make_unique<Expr>();
  star.expr->kind = ExprKind::kStar;
  use.items.push_back(std::move(star));
  use.from = std::make_unique<TableRef>();
  use.from->pos = stmt.pos;
  use.from->name.push_back(Name{name, false, true, stmt.pos});
  auto bound = check.BindQuery(use);
  if (!bound.ok()) return bound.status().WithPosition(stmt.pos);
  return TagResult("CREATE VIEW");
}

Result<std::vector<BatchPtr>> Session::ReadView(const TableEntry& view, Transaction& txn) {
  SelectStmt use;  // SELECT * FROM view
  SelectItem star;
  star.expr = std::make_unique<Expr>();
  star.expr->kind = ExprKind::kStar;
  use.items.push_back(std::move(star));
  use.from = std::make_unique<TableRef>();
  use.from->name.push_back(Name{view.name, false, true, -1});
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(BoundQuery q, binder.BindQuery(use));
  ExecContext ctx(&interrupted_, &progress_);
  return CollectAll(*q.plan, ctx);
}

Result<QueryResult> Session::RunDropView(const DropStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  TableEntryPtr existing = catalog.FindTable(name);
  if (!existing) {
    if (stmt.if_exists) return TagResult("DROP VIEW");
    std::vector<std::string> views;
    for (const auto& [key, t] : catalog.tables) {
      if (t->is_view()) views.push_back(t->name);
    }
    return Status(StatusCode::kBinderError, "unknown view '" + name + "'", stmt.name.back().pos,
                  DidYouMean(name, views));
  }
  if (!existing->is_view()) {
    return Status(StatusCode::kBinderError, existing->name + " is a table, not a view", stmt.name.back().pos,
                  "use DROP TABLE " + existing->name);
  }
  txn.DropTable(existing->name);
  return TagResult("DROP VIEW");
}

}  // namespace kodiak::internal
