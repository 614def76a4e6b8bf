// Session: the engine behind a Connection — parses each statement, runs it
// in the open transaction (or in its own, committed at once), and keeps the
// session's variables.
//
// Contract: used by one thread at a time, except Interrupt(). Every statement
// is atomic: if it fails, the transaction's view is restored to what it was
// before the statement (and an autocommit statement writes nothing).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string_view>

#include "kodiak/connection.h"
#include "kodiak/result.h"
#include "main/database_state.h"
#include "sql/binder/binder.h"
#include "sql/parser/ast.h"

namespace kodiak::internal {

// A result with no rows, only a tag ("CREATE INDEX", "INSERT 3").
QueryResult TagResult(std::string tag, uint64_t rows_changed = 0);
// A small result built from Values (SHOW, DESCRIBE, EXPLAIN).
QueryResult RowsResult(std::string tag, std::vector<std::string> names, std::vector<LogicalType> types,
                       const std::vector<std::vector<Value>>& rows);
// Fails for a view: INSERT, UPDATE, DELETE and CREATE INDEX need a table.
Status CheckWritable(const TableEntry& table, const char* statement, int64_t pos);

class Session {
 public:
  explicit Session(DatabaseState& db) : db_(db) {}

  Status Execute(std::string_view sql, const std::function<bool(QueryResult&)>& on_result, int first_line = 1);
  void Interrupt() { interrupted_.store(true, std::memory_order_relaxed); }
  void SetProgressCallback(std::function<void(const Progress&)> cb) { progress_ = std::move(cb); }
  bool InTransaction() const { return txn_ != nullptr; }

 private:
  Result<QueryResult> RunStatement(const sql::Statement& stmt);
  Result<QueryResult> RunInTransaction(const sql::Statement& stmt, Transaction& txn);
  Result<QueryResult> RunQuery(const sql::SelectStmt& query, const CatalogSnapshot& catalog);
  Result<QueryResult> RunExplain(const sql::ExplainStatement& stmt, Transaction& txn);
  Result<QueryResult> RunShow(const sql::ShowStatement& stmt, const CatalogSnapshot& catalog);
  Result<QueryResult> RunDescribe(const sql::DescribeStatement& stmt, const CatalogSnapshot& catalog);
  Result<QueryResult> RunSet(const sql::SetStatement& stmt, const CatalogSnapshot& catalog);
  Result<QueryResult> RunUnset(const sql::UnsetStatement& stmt);
  Result<QueryResult> RunCreateTable(const sql::CreateTableStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDrop(const sql::DropStatement& stmt, Transaction& txn);
  // INSERT ... ON CONFLICT (run_upsert.cc): `rows` are the new rows in table order.
  Result<QueryResult> RunUpsert(const sql::InsertStatement& stmt, TableEntryPtr table, std::vector<BatchPtr> rows,
                                Transaction& txn);
  // MERGE (run_merge.cc).
  Result<QueryResult> RunMerge(const sql::MergeStatement& stmt, Transaction& txn);
  // INSERT, UPDATE, DELETE with their triggers (run_dml.cc).
  Result<QueryResult> RunInsert(const sql::InsertStatement& stmt, Transaction& txn);
  Result<QueryResult> RunUpdate(const sql::UpdateStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDelete(const sql::DeleteStatement& stmt, Transaction& txn);
  // Indexes (run_index.cc).
  Result<QueryResult> RunCreateIndex(const sql::CreateIndexStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDropIndex(const sql::DropStatement& stmt, Transaction& txn);
  Result<QueryResult> RunReindex(const sql::ReindexStatement& stmt, Transaction& txn);
  // Triggers (run_trigger.cc).
  Result<QueryResult> RunCreateTrigger(const sql::CreateTriggerStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDropTrigger(const sql::DropStatement& stmt, Transaction& txn);
  // Runs `table`'s triggers for `event` at `timing`, once per row: old_rows
  // (UPDATE, DELETE) and new_rows (INSERT, UPDATE) are in table column
  // order; `set_columns` are the columns an UPDATE assigns.
  Status FireTriggers(const TableEntry& table, TriggerDefinition::Event event, TriggerDefinition::Timing timing,
                      const std::vector<std::vector<Value>>& old_rows, const std::vector<std::vector<Value>>& new_rows,
                      const std::vector<int>& set_columns, Transaction& txn);
  bool HasTriggers(const TableEntry& table, TriggerDefinition::Event event, TriggerDefinition::Timing timing) const;
  const std::vector<sql::PseudoRow>* pseudo_rows() const {
    return trigger_frames_.empty() ? nullptr : &trigger_frames_.back().rows;
  }
  struct TriggerFrame {
    std::string trigger;  // lower-cased name: a trigger does not fire itself again
    std::vector<sql::PseudoRow> rows;
  };
  std::vector<TriggerFrame> trigger_frames_;

  // User functions (run_function.cc).
  Result<QueryResult> RunCreateFunction(const sql::CreateFunctionStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDropFunction(const sql::DropStatement& stmt, Transaction& txn);
  // Named types (run_type.cc).
  Result<QueryResult> RunCreateType(const sql::CreateTypeStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDropType(const sql::DropStatement& stmt, Transaction& txn);
  Result<QueryResult> RunDescribeType(const sql::DescribeStatement& stmt, const CatalogSnapshot& catalog);

  // Views (run_view.cc).
  Result<QueryResult> RunCreateView(const sql::CreateViewStatement& stmt, Transaction& txn);
  // The rows a view shows now (UPDATE / DELETE through INSTEAD OF triggers).
  Result<std::vector<BatchPtr>> ReadView(const TableEntry& view, Transaction& txn);
  Result<QueryResult> RunDropView(const sql::DropStatement& stmt, Transaction& txn);

  DatabaseState& db_;
  std::unique_ptr<Transaction> txn_;  // the explicit transaction, if open
  sql::VariableMap variables_;
  std::atomic<bool> interrupted_{false};
  std::function<void(const Progress&)> progress_;
};

}  // namespace kodiak::internal
