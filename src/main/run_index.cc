// CREATE [UNIQUE] INDEX, DROP INDEX and REINDEX.
//
// An index lives in its table's entry (TableEntry::indexes), so it commits,
// rolls back and is dropped with the table. A unique index is also one of
// the table's unique keys: creating it checks the rows already there, and
// every later write is checked like a UNIQUE constraint. The memory store
// answers queries by scanning, so other indexes are definitions the durable
// store will build; REINDEX re-checks the unique ones.
#include "common/strings.h"
#include "main/session.h"
#include "sql/parser/suggest.h"
#include "storage/memory_store/table_writer.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

// The table holding index `name` (case-insensitive), or null.
TableEntryPtr FindIndexTable(const CatalogSnapshot& catalog, const std::string& name, size_t* position) {
  for (const auto& [key, table] : catalog.tables) {
    for (size_t i = 0; i < table->indexes.size(); i++) {
      if (EqualsIgnoreCase(table->indexes[i].name, name)) {
        *position = i;
        return table;
      }
    }
  }
  return nullptr;
}

std::vector<std::string> IndexNames(const CatalogSnapshot& catalog) {
  std::vector<std::string> out;
  for (const auto& [key, table] : catalog.tables) {
    for (const auto& idx : table->indexes) out.push_back(idx.name);
  }
  return out;
}

std::string ColumnList(const TableEntry& table, const std::vector<int>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); i++) {
    out += (i ? ", " : "") + table.columns[static_cast<size_t>(columns[i])].name;
  }
  return out;
}

// `table`'s rows checked against its unique keys (a new version with fresh key sets).
Result<std::shared_ptr<const TableData>> Recheck(const TableEntry& table) {
  return ReplaceRows(table, table.data->batches);
}

}  // namespace

Result<QueryResult> Session::RunCreateIndex(const CreateIndexStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  KODIAK_RETURN_IF_ERROR(CheckWritable(*table, "index", stmt.pos));
  size_t at = 0;
  if (FindIndexTable(catalog, stmt.index_name, &at)) {
    if (stmt.if_not_exists) return TagResult("CREATE INDEX");
    return Status(StatusCode::kAlreadyExists, "index '" + stmt.index_name + "' already exists", stmt.pos,
                  "pick another name, or DROP INDEX " + stmt.index_name + " first");
  }
  if (catalog.FindTable(stmt.index_name)) {
    return Status(StatusCode::kAlreadyExists, "there is already a table named '" + stmt.index_name + "'", stmt.pos,
                  "indexes and tables share one namespace: pick another name");
  }
  IndexDefinition index;
  index.name = stmt.index_name;
  index.unique = stmt.unique;
  std::vector<std::string> names;
  for (const auto& c : table->columns) names.push_back(c.name);
  for (const auto& col : stmt.columns) {
    int i = table->FindColumn(col);
    if (i < 0) {
      return Status(StatusCode::kBinderError, "table " + table->name + " has no column '" + col + "'", stmt.pos,
                    DidYouMean(col, names));
    }
    if (std::find(index.columns.begin(), index.columns.end(), i) != index.columns.end()) {
      return Status(StatusCode::kBinderError, "column '" + col + "' is named twice in the index", stmt.pos);
    }
    index.columns.push_back(i);
  }
  auto next = std::make_shared<TableEntry>(*table);
  next->indexes.push_back(index);
  if (index.unique) {
    next->unique_keys.push_back(index.columns);
    auto data = Recheck(*next);
    if (!data.ok()) {
      return Status(StatusCode::kConstraint,
                    "cannot create unique index " + index.name + ": " + table->name + " has rows with the same (" +
                        ColumnList(*table, index.columns) + ")",
                    stmt.pos, "remove the duplicates first, or create the index without UNIQUE");
    }
    next->data = std::move(data).value();
  }
  txn.PutTable(next);
  return TagResult("CREATE INDEX");
}

Result<QueryResult> Session::RunDropIndex(const DropStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  size_t at = 0;
  TableEntryPtr table = FindIndexTable(catalog, name, &at);
  if (!table) {
    if (stmt.if_exists) return TagResult("DROP INDEX");
    return Status(StatusCode::kBinderError, "unknown index '" + name + "'", stmt.name.back().pos,
                  DidYouMean(name, IndexNames(catalog)));
  }
  auto next = std::make_shared<TableEntry>(*table);
  IndexDefinition index = next->indexes[at];
  next->indexes.erase(next->indexes.begin() + static_cast<std::ptrdiff_t>(at));
  if (index.unique) {
    // Its key is the last unique key with these columns (constraints come first).
    for (size_t k = next->unique_keys.size(); k-- > 0;) {
      if (next->unique_keys[k] == index.columns && !(k == 0 && next->has_primary_key)) {
        next->unique_keys.erase(next->unique_keys.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
    KODIAK_ASSIGN_OR_RETURN(next->data, Recheck(*next));
  }
  txn.PutTable(next);
  return TagResult("DROP INDEX");
}

Result<QueryResult> Session::RunReindex(const ReindexStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  std::vector<TableEntryPtr> tables;
  if (stmt.name.empty()) {
    for (const auto& [key, table] : catalog.tables) tables.push_back(table);
  } else {
    Binder binder(catalog, variables_, pseudo_rows());
    KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
    size_t at = 0;
    TableEntryPtr table = FindIndexTable(catalog, name, &at);
    if (!table) table = catalog.FindTable(name);
    if (!table) {
      std::vector<std::string> candidates = IndexNames(catalog);
      for (const auto& t : catalog.TableNames()) candidates.push_back(t);
      return Status(StatusCode::kBinderError, "unknown index or table '" + name + "'", stmt.name.back().pos,
                    DidYouMean(name, candidates));
    }
    tables.push_back(table);
  }
  for (const auto& table : tables) {
    if (table->unique_keys.empty()) continue;
    auto next = std::make_shared<TableEntry>(*table);
    auto data = Recheck(*next);
    if (!data.ok()) {
      return Status(StatusCode::kConstraint, "REINDEX found duplicate keys in " + table->name + ": " +
                                                 data.status().message(),
                    stmt.pos);
    }
    next->data = std::move(data).value();
    txn.PutTable(next);
  }
  return TagResult("REINDEX");
}

}  // namespace kodiak::internal
