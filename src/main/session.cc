#include "main/session.h"

#include <chrono>
#include <set>

#include "common/strings.h"
#include "columnar/vector_ops.h"
#include "main/error_format.h"
#include "main/query_result_data.h"
#include "sql/binder/expr_printer.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"
#include "sql/parser/parser.h"
#include "sql/parser/suggest.h"
#include "storage/memory_store/table_writer.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

Status CheckWritable(const TableEntry& table, const char* statement, int64_t pos) {
  if (!table.is_view()) return Status::OK();
  return Status(StatusCode::kBinderError,
                std::string("cannot ") + statement + " view " + table.name + ": a view has no rows of its own", pos,
                "change the tables it reads instead");
}

QueryResult TagResult(std::string tag, uint64_t rows_changed) {
  auto data = std::make_unique<QueryResultData>();
  data->tag = std::move(tag);
  data->rows_changed = rows_changed;
  return QueryResult(std::move(data));
}

QueryResult RowsResult(std::string tag, std::vector<std::string> names, std::vector<LogicalType> types,
                       const std::vector<std::vector<Value>>& rows) {
  auto data = std::make_unique<QueryResultData>();
  data->tag = std::move(tag);
  data->has_rows = true;
  std::vector<VectorBuilder> builders;
  for (const auto& t : types) builders.emplace_back(t, static_cast<int64_t>(rows.size()));
  for (const auto& row : rows) {
    for (size_t c = 0; c < types.size(); c++) builders[c].Append(row[c]);
  }
  auto batch = std::make_shared<Batch>();
  batch->num_rows = static_cast<int64_t>(rows.size());
  for (auto& b : builders) batch->columns.push_back(b.Finish());
  if (!rows.empty()) data->batches.push_back(batch);
  data->row_count = rows.size();
  data->names = std::move(names);
  data->types = std::move(types);
  return QueryResult(std::move(data));
}

namespace {


}  // namespace

Status Session::Execute(std::string_view script, const std::function<bool(QueryResult&)>& on_result,
                        int first_line) {
  std::string incomplete;
  std::vector<StatementText> statements = SplitStatements(script, &incomplete);
  if (!TrimSpace(incomplete).empty()) {
    // The last statement may omit its ';'.
    StatementText last;
    size_t at = script.rfind(incomplete);
    last.offset = at == std::string_view::npos ? 0 : at;
    last.text = incomplete;
    statements.push_back(std::move(last));
  }
  for (const auto& st : statements) {
    auto parsed = Parser::ParseStatement(st.text, first_line + st.line - 1);
    if (!parsed.ok()) return FormatError(parsed.status(), script, st.offset, first_line);
    auto result = RunStatement(**parsed);
    if (!result.ok()) return FormatError(result.status(), script, st.offset, first_line);
    if (on_result && !on_result(*result)) break;
  }
  return Status::OK();
}

Result<QueryResult> Session::RunStatement(const Statement& stmt) {
  interrupted_.store(false, std::memory_order_relaxed);
  TransactionManager& tm = db_.transactions();
  switch (stmt.kind) {
    case StmtKind::kBegin:
      if (txn_) {
        return Status(StatusCode::kTransaction, "a transaction is already open", stmt.pos,
                      "COMMIT or ROLLBACK it before BEGIN");
      }
      txn_ = tm.Begin();
      return TagResult("BEGIN");
    case StmtKind::kCommit: {
      if (!txn_) return Status(StatusCode::kTransaction, "there is no open transaction to COMMIT", stmt.pos, "start one with BEGIN");
      std::unique_ptr<Transaction> txn = std::move(txn_);
      KODIAK_RETURN_IF_ERROR(tm.Commit(*txn));
      return TagResult("COMMIT");
    }
    case StmtKind::kRollback:
      if (!txn_) return Status(StatusCode::kTransaction, "there is no open transaction to ROLLBACK", stmt.pos, "start one with BEGIN");
      txn_.reset();
      return TagResult("ROLLBACK");
    default: break;
  }
  if (txn_) {
    Transaction::Savepoint before = txn_->Save();
    auto r = RunInTransaction(stmt, *txn_);
    if (!r.ok()) txn_->Restore(std::move(before));
    return r;
  }
  std::unique_ptr<Transaction> txn = tm.Begin();
  auto r = RunInTransaction(stmt, *txn);
  if (!r.ok()) return r;
  KODIAK_RETURN_IF_ERROR(tm.Commit(*txn));
  return r;
}

Result<QueryResult> Session::RunInTransaction(const Statement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  switch (stmt.kind) {
    case StmtKind::kSelect: return RunQuery(*static_cast<const SelectStatement&>(stmt).query, catalog);
    case StmtKind::kExplain: return RunExplain(static_cast<const ExplainStatement&>(stmt), txn);
    case StmtKind::kShow: return RunShow(static_cast<const ShowStatement&>(stmt), catalog);
    case StmtKind::kDescribe: return RunDescribe(static_cast<const DescribeStatement&>(stmt), catalog);
    case StmtKind::kSet: return RunSet(static_cast<const SetStatement&>(stmt), catalog);
    case StmtKind::kUnset: return RunUnset(static_cast<const UnsetStatement&>(stmt));
    case StmtKind::kCreateTable: return RunCreateTable(static_cast<const CreateTableStatement&>(stmt), txn);
    case StmtKind::kDrop: return RunDrop(static_cast<const DropStatement&>(stmt), txn);
    case StmtKind::kInsert: return RunInsert(static_cast<const InsertStatement&>(stmt), txn);
    case StmtKind::kUpdate: return RunUpdate(static_cast<const UpdateStatement&>(stmt), txn);
    case StmtKind::kDelete: return RunDelete(static_cast<const DeleteStatement&>(stmt), txn);
    case StmtKind::kCreateIndex: return RunCreateIndex(static_cast<const CreateIndexStatement&>(stmt), txn);
    case StmtKind::kReindex: return RunReindex(static_cast<const ReindexStatement&>(stmt), txn);
    case StmtKind::kCreateTrigger: return RunCreateTrigger(static_cast<const CreateTriggerStatement&>(stmt), txn);
    case StmtKind::kMerge: return RunMerge(static_cast<const MergeStatement&>(stmt), txn);
    case StmtKind::kCreateType: return RunCreateType(static_cast<const CreateTypeStatement&>(stmt), txn);
    case StmtKind::kCreateFunction:
      return RunCreateFunction(static_cast<const CreateFunctionStatement&>(stmt), txn);
    case StmtKind::kCreateView: return RunCreateView(static_cast<const CreateViewStatement&>(stmt), txn);
    default: return Status::Internal("unexpected statement kind");
  }
}

Result<QueryResult> Session::RunQuery(const SelectStmt& query, const CatalogSnapshot& catalog) {
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(BoundQuery bound, binder.BindQuery(query));
  ExecContext ctx(&interrupted_, &progress_);
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> batches, CollectAll(*bound.plan, ctx));
  auto data = std::make_unique<QueryResultData>();
  data->has_rows = true;
  data->tag = "SELECT";
  data->names = std::move(bound.names);
  data->types = std::move(bound.types);
  for (const auto& b : batches) data->row_count += static_cast<uint64_t>(b->num_rows);
  data->batches = std::move(batches);
  return QueryResult(std::move(data));
}

Result<QueryResult> Session::RunExplain(const ExplainStatement& stmt, Transaction& txn) {
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  BoundQuery bound;
  const Statement& inner = *stmt.statement;
  std::string header;  // the write at the top of the plan, for DML
  if (inner.kind == StmtKind::kUpdate || inner.kind == StmtKind::kDelete) {
    // UPDATE and DELETE read the table through a filter, then write a new version.
    bool update = inner.kind == StmtKind::kUpdate;
    const auto& target = update ? static_cast<const UpdateStatement&>(inner).table
                                : static_cast<const DeleteStatement&>(inner).table;
    const Expr* where = update ? static_cast<const UpdateStatement&>(inner).where.get()
                               : static_cast<const DeleteStatement&>(inner).where.get();
    const std::string& alias = update ? static_cast<const UpdateStatement&>(inner).alias
                                      : static_cast<const DeleteStatement&>(inner).alias;
    KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(target));
    std::vector<int> cols;
    for (size_t i = 0; i < table->columns.size(); i++) cols.push_back(static_cast<int>(i));
    bound.plan = std::make_unique<TableScan>(table->name, table->data, cols, table->ColumnTypes());
    if (where) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr pred, binder.BindTablePredicate(*where, *table, alias));
      bound.plan = std::make_unique<Filter>(std::move(bound.plan), std::move(pred));
    }
    header = std::string(update ? "Update " : "Delete ") + table->name;
    if (update) {
      header += " SET";
      const auto& sets = static_cast<const UpdateStatement&>(inner).assignments;
      for (size_t i = 0; i < sets.size(); i++) {
        header += (i ? ", " : " ") + sets[i].first.text + " = " + ExprToSql(*sets[i].second);
      }
    }
  } else if (inner.kind == StmtKind::kSelect) {
    KODIAK_ASSIGN_OR_RETURN(bound, binder.BindQuery(*static_cast<const SelectStatement&>(inner).query));
  } else if (inner.kind == StmtKind::kInsert) {
    const auto& ins = static_cast<const InsertStatement&>(inner);
    KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(ins.table));
    KODIAK_ASSIGN_OR_RETURN(bound, binder.BindInsertSource(ins, *table));
  } else {
    return Status(StatusCode::kNotSupported, "EXPLAIN shows the plan of a query, INSERT, UPDATE or DELETE", inner.pos);
  }
  std::vector<std::vector<Value>> rows;
  std::string text = header.empty() ? bound.plan->Explain() : header + "\n" + bound.plan->Explain(1);
  if (stmt.analyze && !header.empty()) {
    return Status(StatusCode::kNotSupported, "EXPLAIN ANALYZE runs queries and INSERT only; it does not run an UPDATE or DELETE",
                  stmt.pos);
  }
  if (stmt.analyze) {
    auto start = std::chrono::steady_clock::now();
    ExecContext ctx(&interrupted_, &progress_);
    KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> batches, CollectAll(*bound.plan, ctx));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    int64_t n = 0;
    for (const auto& b : batches) n += b->num_rows;
    char buf[128];
    std::snprintf(buf, sizeof buf, "-- %lld rows, %llu rows scanned, %.3f ms", static_cast<long long>(n),
                  static_cast<unsigned long long>(ctx.rows_scanned()), ms);
    text += buf;
    text += "\n";
  }
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    rows.push_back({Value::Text(text.substr(start, end - start))});
    start = end + 1;
  }
  return RowsResult("EXPLAIN", {"plan"}, {TypeId::kText}, rows);
}

Result<QueryResult> Session::RunShow(const ShowStatement& stmt, const CatalogSnapshot& catalog) {
  std::vector<std::vector<Value>> rows;
  if (stmt.what == ShowStatement::What::kTables) {
    for (const auto& name : catalog.TableNames()) rows.push_back({Value::Text(name)});
    return RowsResult("SHOW", {"name"}, {TypeId::kText}, rows);
  }
  if (stmt.what == ShowStatement::What::kTypes) {
    for (const auto& [key, t] : catalog.types) {
      rows.push_back({Value::Text(t->name), Value::Text(t->exception ? "EXCEPTION" : t->type.ToString())});
    }
    return RowsResult("SHOW", {"name", "definition"}, {TypeId::kText, TypeId::kText}, rows);
  }
  if (stmt.what == ShowStatement::What::kFunctions) {
    for (const auto& [key, f] : catalog.functions) {
      std::string sig = (f->receiver.empty() ? "" : "[" + f->receiver + "] ") + f->name + "(";
      for (size_t i = 0; i < f->params.size(); i++) {
        sig += (i ? ", " : "") + f->params[i].name + ": " +
               (f->params[i].type_name.empty() ? f->params[i].type.ToString() : f->params[i].type_name);
      }
      sig += ") RETURNS " + (f->result_type_name.empty() ? f->result.ToString() : f->result_type_name);
      std::string raises;
      for (size_t i = 0; i < f->raises.size(); i++) raises += (i ? ", " : "") + f->raises[i];
      rows.push_back({Value::Text(f->name), Value::Text(f->receiver.empty() ? "" : f->receiver), Value::Text(sig),
                      raises.empty() ? Value::Null(TypeId::kText) : Value::Text(raises)});
    }
    return RowsResult("SHOW", {"name", "receiver", "signature", "raises"},
                      {TypeId::kText, TypeId::kText, TypeId::kText, TypeId::kText}, rows);
  }
  for (const auto& [name, value] : variables_) {
    rows.push_back({Value::Text(name), Value::Text(value.type().ToString()), Value::Text(value.ToSqlLiteral())});
  }
  return RowsResult("SHOW", {"name", "type", "value"}, {TypeId::kText, TypeId::kText, TypeId::kText}, rows);
}

Result<QueryResult> Session::RunDescribe(const DescribeStatement& stmt, const CatalogSnapshot& catalog) {
  if (stmt.type) return RunDescribeType(stmt, catalog);
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  std::vector<std::vector<Value>> rows;
  for (size_t i = 0; i < table->columns.size(); i++) {
    const auto& c = table->columns[i];
    std::string key;
    for (size_t k = 0; k < table->unique_keys.size(); k++) {
      for (int col : table->unique_keys[k]) {
        if (col == static_cast<int>(i)) key = table->has_primary_key && k == 0 ? "PRI" : (key.empty() ? "UNI" : key);
      }
    }
    rows.push_back({Value::Text(c.name), Value::Text(c.type.ToString()), Value::Text(c.not_null ? "NO" : "YES"),
                    key.empty() ? Value::Null(TypeId::kText) : Value::Text(key),
                    c.default_sql.empty() ? Value::Null(TypeId::kText) : Value::Text(c.default_sql)});
  }
  return RowsResult("DESCRIBE", {"column_name", "column_type", "null", "key", "default"},
                    {TypeId::kText, TypeId::kText, TypeId::kText, TypeId::kText, TypeId::kText}, rows);
}

Result<QueryResult> Session::RunSet(const SetStatement& stmt, const CatalogSnapshot& catalog) {
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(BoundExprPtr value, binder.BindConstantExpr(*stmt.value));
  KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*value));
  if (v.is_null()) variables_.erase(AsciiLower(stmt.name));
  else variables_[AsciiLower(stmt.name)] = std::move(v);
  return TagResult("SET");
}

Result<QueryResult> Session::RunUnset(const UnsetStatement& stmt) {
  if (variables_.erase(AsciiLower(stmt.name)) == 0) {
    std::vector<std::string> names;
    for (const auto& [k, v] : variables_) names.push_back(k);
    return Status(StatusCode::kBinderError, "there is no variable {" + stmt.name + "} to UNSET", stmt.pos,
                  DidYouMean(stmt.name, names));
  }
  return TagResult("UNSET");
}

Result<QueryResult> Session::RunCreateTable(const CreateTableStatement& stmt, Transaction& txn) {
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  if (txn.snapshot().FindTable(name)) {
    if (stmt.if_not_exists) return TagResult("CREATE TABLE");
    if (!stmt.or_replace) {
      return Status(StatusCode::kAlreadyExists, "table '" + name + "' already exists", stmt.name.back().pos,
                    "use CREATE TABLE IF NOT EXISTS, or DROP TABLE " + name + " first");
    }
  }
  auto entry = std::make_shared<TableEntry>();
  entry->name = name;
  std::set<std::string> seen;
  auto add_column = [&](const std::string& col, int64_t pos) -> Status {
    if (!seen.insert(AsciiLower(col)).second) {
      return Status(StatusCode::kBinderError, "column '" + col + "' appears twice in table " + name, pos);
    }
    return Status::OK();
  };
  std::vector<BatchPtr> initial_rows;
  if (!stmt.of_type.name.empty()) {
    // CREATE TABLE t OF N: one column per field of the struct type N.
    KODIAK_ASSIGN_OR_RETURN(LogicalType type, binder.ResolveType(stmt.of_type));
    if (type.id() != TypeId::kStruct) {
      return Status(StatusCode::kTypeError, "CREATE TABLE ... OF needs a STRUCT type, not " + type.ToString(),
                    stmt.of_type.pos);
    }
    entry->of_type = txn.snapshot().FindType(stmt.of_type.name)->name;
    for (const auto& f : type.fields()) {
      KODIAK_RETURN_IF_ERROR(add_column(f.name, stmt.pos));
      entry->columns.push_back({f.name, f.type, false, "", ""});
    }
  } else if (stmt.as_select) {
    KODIAK_ASSIGN_OR_RETURN(BoundQuery q, binder.BindQuery(*stmt.as_select));
    for (size_t i = 0; i < q.names.size(); i++) {
      KODIAK_RETURN_IF_ERROR(add_column(q.names[i], stmt.as_select->pos));
      LogicalType t = q.types[i].id() == TypeId::kNull ? LogicalType(TypeId::kInt64) : q.types[i];
      entry->columns.push_back({q.names[i], t, false, "", ""});
    }
    ExecContext ctx(&interrupted_, &progress_);
    KODIAK_ASSIGN_OR_RETURN(initial_rows, CollectAll(*q.plan, ctx));
    for (auto& b : initial_rows) {
      auto fixed = std::make_shared<Batch>(*b);
      for (size_t c = 0; c < fixed->columns.size(); c++) {
        if (fixed->columns[c]->type().id() == TypeId::kNull) {
          fixed->columns[c] = MakeConstantVector(TypeId::kInt64, Value::Null(TypeId::kInt64), fixed->num_rows);
        }
      }
      b = fixed;
    }
  } else {
    std::vector<int> pk;
    for (const auto& def : stmt.columns) {
      KODIAK_RETURN_IF_ERROR(add_column(def.name, def.pos));
      KODIAK_ASSIGN_OR_RETURN(LogicalType type, binder.ResolveType(def.type));
      ColumnDefinition col{def.name, type, def.not_null || def.primary_key, "", ""};
      if (!def.type.resolved) col.type_name = def.type.name;
      if (def.default_value) {
        KODIAK_ASSIGN_OR_RETURN(BoundExprPtr d, binder.BindConstantExpr(*def.default_value));
        KODIAK_ASSIGN_OR_RETURN(d, binder.CastTo(std::move(d), type));
        col.default_sql = ExprToSql(*def.default_value);
      }
      int index = static_cast<int>(entry->columns.size());
      if (def.primary_key) {
        if (!pk.empty()) {
          return Status(StatusCode::kBinderError, "table " + name + " has more than one PRIMARY KEY column", def.pos,
                        "declare a composite key as PRIMARY KEY (a, b)");
        }
        pk.push_back(index);
      }
      if (def.unique && !def.primary_key) entry->unique_keys.push_back({index});
      entry->columns.push_back(std::move(col));
    }
    auto resolve_cols = [&](const std::vector<std::string>& names, std::vector<int>* out) -> Status {
      for (const auto& n : names) {
        int idx = entry->FindColumn(n);
        if (idx < 0) {
          std::vector<std::string> all;
          for (const auto& c : entry->columns) all.push_back(c.name);
          return Status(StatusCode::kBinderError, "key column '" + n + "' is not a column of " + name, stmt.pos,
                        DidYouMean(n, all));
        }
        out->push_back(idx);
      }
      return Status::OK();
    };
    if (!stmt.primary_key.empty()) {
      if (!pk.empty()) {
        return Status(StatusCode::kBinderError, "table " + name + " has more than one PRIMARY KEY", stmt.pos);
      }
      KODIAK_RETURN_IF_ERROR(resolve_cols(stmt.primary_key, &pk));
    }
    for (const auto& u : stmt.unique_keys) {
      std::vector<int> cols;
      KODIAK_RETURN_IF_ERROR(resolve_cols(u, &cols));
      entry->unique_keys.push_back(cols);
    }
    if (!pk.empty()) {
      for (int c : pk) entry->columns[c].not_null = true;
      entry->unique_keys.insert(entry->unique_keys.begin(), pk);
      entry->has_primary_key = true;
    }
  }
  if (entry->columns.empty()) {
    return Status(StatusCode::kBinderError, "a table needs at least one column", stmt.pos);
  }
  entry->data = EmptyTableData(*entry);
  if (!initial_rows.empty()) {
    KODIAK_ASSIGN_OR_RETURN(InsertOutcome out, InsertRows(*entry, initial_rows, OnConflict::kAbort));
    entry->data = out.data;
  }
  txn.PutTable(entry);
  return TagResult("CREATE TABLE", static_cast<uint64_t>(entry->data->row_count));
}

Result<QueryResult> Session::RunDrop(const DropStatement& stmt, Transaction& txn) {
  if (stmt.object == ObjectKind::kIndex) return RunDropIndex(stmt, txn);
  if (stmt.object == ObjectKind::kView) return RunDropView(stmt, txn);
  if (stmt.object == ObjectKind::kTrigger) return RunDropTrigger(stmt, txn);
  if (stmt.object == ObjectKind::kType) return RunDropType(stmt, txn);
  if (stmt.object == ObjectKind::kFunction) return RunDropFunction(stmt, txn);
  if (stmt.object != ObjectKind::kTable) return Status::Internal("unexpected kind of DROP");
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  TableEntryPtr existing = txn.snapshot().FindTable(name);
  if (!existing) {
    if (stmt.if_exists) return TagResult("DROP TABLE");
    return Status(StatusCode::kBinderError, "unknown table '" + name + "'", stmt.name.back().pos,
                  DidYouMean(name, txn.snapshot().TableNames()));
  }
  if (existing->is_view()) {
    return Status(StatusCode::kBinderError, existing->name + " is a view, not a table", stmt.name.back().pos,
                  "use DROP VIEW " + existing->name);
  }
  txn.DropTable(name);
  return TagResult("DROP TABLE");
}

}  // namespace kodiak::internal
