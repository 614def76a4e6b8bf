// INSERT, UPDATE and DELETE, with the triggers they fire.
//
// Each computes the new version of the table from the rows it reads, fires
// the BEFORE triggers, writes the version (constraints are checked there),
// then fires the AFTER triggers. On a view, only INSTEAD OF triggers can take
// a write: they run for each row the statement would have changed, and
// nothing is written to the view itself.
#include <algorithm>

#include "columnar/vector_ops.h"
#include "main/session.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"
#include "sql/parser/suggest.h"
#include "storage/memory_store/table_writer.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

using Rows = std::vector<std::vector<Value>>;
using Event = TriggerDefinition::Event;
using Timing = TriggerDefinition::Timing;

void AppendRow(const Batch& b, int64_t i, Rows* out) {
  std::vector<Value> row;
  row.reserve(b.columns.size());
  for (const auto& c : b.columns) row.push_back(c->GetValue(i));
  out->push_back(std::move(row));
}

// The table again after BEFORE triggers ran: they must not have changed it
// under the statement (SQLite leaves that undefined; Kodiak refuses it).
Result<TableEntryPtr> UnchangedAfterBefore(const TableEntryPtr& table, Transaction& txn) {
  TableEntryPtr now = txn.snapshot().FindTable(table->name);
  if (now != table) {
    return Status(StatusCode::kConstraint,
                  "a BEFORE trigger changed table " + table->name + ", which the statement itself is changing", -1,
                  "change other tables in BEFORE triggers, or use an AFTER trigger");
  }
  return now;
}

}  // namespace

Result<QueryResult> Session::RunInsert(const InsertStatement& stmt, Transaction& txn) {
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  const bool instead = table->is_view() && HasTriggers(*table, Event::kInsert, Timing::kInsteadOf);
  if (!instead) KODIAK_RETURN_IF_ERROR(CheckWritable(*table, "INSERT INTO", stmt.pos));
  KODIAK_ASSIGN_OR_RETURN(BoundQuery source, binder.BindInsertSource(stmt, *table));
  ExecContext ctx(&interrupted_, &progress_);
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> rows, CollectAll(*source.plan, ctx));
  const bool before = HasTriggers(*table, Event::kInsert, Timing::kBefore);
  const bool after = HasTriggers(*table, Event::kInsert, Timing::kAfter);
  Rows new_rows;
  if (instead || before || after) {
    for (const auto& b : rows) {
      for (int64_t i = 0; i < b->num_rows; i++) AppendRow(*b, i, &new_rows);
    }
  }
  if (instead) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*table, Event::kInsert, Timing::kInsteadOf, {}, new_rows, {}, txn));
    return TagResult("INSERT", new_rows.size());
  }
  if (stmt.upsert) return RunUpsert(stmt, table, std::move(rows), txn);
  if (before) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*table, Event::kInsert, Timing::kBefore, {}, new_rows, {}, txn));
    KODIAK_ASSIGN_OR_RETURN(table, UnchangedAfterBefore(table, txn));
  }
  OnConflict mode = stmt.on_conflict == ConflictAction::kReplace  ? OnConflict::kReplace
                    : stmt.on_conflict == ConflictAction::kIgnore ? OnConflict::kIgnore
                                                                  : OnConflict::kAbort;
  KODIAK_ASSIGN_OR_RETURN(InsertOutcome out, InsertRows(*table, rows, mode));
  auto next = std::make_shared<TableEntry>(*table);
  next->data = out.data;
  txn.PutTable(next);
  if (after) KODIAK_RETURN_IF_ERROR(FireTriggers(*next, Event::kInsert, Timing::kAfter, {}, new_rows, {}, txn));
  return TagResult("INSERT", static_cast<uint64_t>(out.rows_inserted));
}

Result<QueryResult> Session::RunUpdate(const UpdateStatement& stmt, Transaction& txn) {
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  const bool instead = table->is_view() && HasTriggers(*table, Event::kUpdate, Timing::kInsteadOf);
  if (!instead) KODIAK_RETURN_IF_ERROR(CheckWritable(*table, "UPDATE", stmt.pos));
  BoundExprPtr where;
  if (stmt.where) {
    KODIAK_ASSIGN_OR_RETURN(where, binder.BindTablePredicate(*stmt.where, *table, stmt.alias));
  }
  std::vector<std::pair<int, BoundExprPtr>> sets;
  std::vector<std::string> names;
  for (const auto& c : table->columns) names.push_back(c.name);
  for (const auto& [target, expr] : stmt.assignments) {
    KODIAK_ASSIGN_OR_RETURN(std::string col, binder.ResolveName(target));
    int idx = table->FindColumn(col);
    if (idx < 0) {
      return Status(StatusCode::kBinderError, "table " + table->name + " has no column '" + col + "'", target.pos,
                    DidYouMean(col, names));
    }
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr value, binder.BindTableExpr(*expr, *table, stmt.alias));
    KODIAK_ASSIGN_OR_RETURN(value, binder.CastTo(std::move(value), table->columns[idx].type));
    // SET x = 1, x = 2: the last assignment wins, as in SQLite (every value
    // is computed from the row as it was).
    auto same = std::find_if(sets.begin(), sets.end(), [&](const auto& s) { return s.first == idx; });
    if (same != sets.end()) same->second = std::move(value);
    else sets.emplace_back(idx, std::move(value));
  }
  std::vector<int> set_columns;
  for (const auto& [col, expr] : sets) set_columns.push_back(col);
  const bool before = HasTriggers(*table, Event::kUpdate, Timing::kBefore);
  const bool after = HasTriggers(*table, Event::kUpdate, Timing::kAfter);
  const bool keep_rows = instead || before || after;
  std::vector<BatchPtr> input;
  if (table->is_view()) {
    KODIAK_ASSIGN_OR_RETURN(input, ReadView(*table, txn));
  } else {
    input = table->data->batches;
  }

  ExecContext ctx(&interrupted_, &progress_);
  ctx.AddTotalRows(static_cast<uint64_t>(table->data->row_count));
  std::vector<BatchPtr> batches;
  Rows old_rows, new_rows;
  uint64_t changed = 0;
  for (const auto& batch : input) {
    KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
    std::vector<int32_t> which(static_cast<size_t>(batch->num_rows), 1);
    int64_t hits = batch->num_rows;
    if (where) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(*where, *batch, &ctx));
      hits = 0;
      for (int64_t i = 0; i < batch->num_rows; i++) {
        which[i] = mask->IsValid(i) && mask->GetBool(i) ? 1 : 0;
        hits += which[i];
      }
    }
    ctx.AddRowsScanned(static_cast<uint64_t>(batch->num_rows));
    if (hits == 0) {
      batches.push_back(batch);
      continue;
    }
    auto next = std::make_shared<Batch>(*batch);
    for (const auto& [col, expr] : sets) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr value, Evaluate(*expr, *batch, &ctx));
      next->columns[col] = SelectFrom(table->columns[col].type, {batch->columns[col].get(), value.get()},
                                      which.data(), batch->num_rows);
    }
    if (keep_rows) {
      for (int64_t i = 0; i < batch->num_rows; i++) {
        if (!which[i]) continue;
        AppendRow(*batch, i, &old_rows);
        AppendRow(*next, i, &new_rows);
      }
    }
    changed += static_cast<uint64_t>(hits);
    batches.push_back(next);
  }
  if (changed == 0) return TagResult("UPDATE", 0);
  if (instead) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*table, Event::kUpdate, Timing::kInsteadOf, old_rows, new_rows, set_columns, txn));
    return TagResult("UPDATE", changed);
  }
  if (before) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*table, Event::kUpdate, Timing::kBefore, old_rows, new_rows, set_columns, txn));
    KODIAK_ASSIGN_OR_RETURN(table, UnchangedAfterBefore(table, txn));
  }
  KODIAK_ASSIGN_OR_RETURN(auto data, ReplaceRows(*table, batches));
  auto next = std::make_shared<TableEntry>(*table);
  next->data = data;
  txn.PutTable(next);
  if (after) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*next, Event::kUpdate, Timing::kAfter, old_rows, new_rows, set_columns, txn));
  }
  return TagResult("UPDATE", changed);
}

Result<QueryResult> Session::RunDelete(const DeleteStatement& stmt, Transaction& txn) {
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  const bool instead = table->is_view() && HasTriggers(*table, Event::kDelete, Timing::kInsteadOf);
  if (!instead) KODIAK_RETURN_IF_ERROR(CheckWritable(*table, "DELETE FROM", stmt.pos));
  BoundExprPtr where;
  if (stmt.where) {
    KODIAK_ASSIGN_OR_RETURN(where, binder.BindTablePredicate(*stmt.where, *table, stmt.alias));
  }
  const bool before = HasTriggers(*table, Event::kDelete, Timing::kBefore);
  const bool after = HasTriggers(*table, Event::kDelete, Timing::kAfter);
  const bool keep_rows = instead || before || after;
  std::vector<BatchPtr> input;
  if (table->is_view()) {
    KODIAK_ASSIGN_OR_RETURN(input, ReadView(*table, txn));
  } else {
    input = table->data->batches;
  }
  ExecContext ctx(&interrupted_, &progress_);
  ctx.AddTotalRows(static_cast<uint64_t>(table->data->row_count));
  std::vector<BatchPtr> batches;
  Rows old_rows;
  uint64_t deleted = 0;
  for (const auto& batch : input) {
    KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
    std::vector<int64_t> keep;
    if (where) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(*where, *batch, &ctx));
      for (int64_t i = 0; i < batch->num_rows; i++) {
        if (!(mask->IsValid(i) && mask->GetBool(i))) keep.push_back(i);
        else if (keep_rows) AppendRow(*batch, i, &old_rows);
      }
    } else if (keep_rows) {
      for (int64_t i = 0; i < batch->num_rows; i++) AppendRow(*batch, i, &old_rows);
    }
    ctx.AddRowsScanned(static_cast<uint64_t>(batch->num_rows));
    deleted += static_cast<uint64_t>(batch->num_rows) - keep.size();
    if (static_cast<int64_t>(keep.size()) == batch->num_rows) batches.push_back(batch);
    else if (!keep.empty()) batches.push_back(TakeBatch(*batch, keep));
  }
  if (deleted == 0) return TagResult("DELETE", 0);
  if (instead) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*table, Event::kDelete, Timing::kInsteadOf, old_rows, {}, {}, txn));
    return TagResult("DELETE", deleted);
  }
  if (before) {
    KODIAK_RETURN_IF_ERROR(FireTriggers(*table, Event::kDelete, Timing::kBefore, old_rows, {}, {}, txn));
    KODIAK_ASSIGN_OR_RETURN(table, UnchangedAfterBefore(table, txn));
  }
  KODIAK_ASSIGN_OR_RETURN(auto data, ReplaceRows(*table, batches));
  auto next = std::make_shared<TableEntry>(*table);
  next->data = data;
  txn.PutTable(next);
  if (after) KODIAK_RETURN_IF_ERROR(FireTriggers(*next, Event::kDelete, Timing::kAfter, old_rows, {}, {}, txn));
  return TagResult("DELETE", deleted);
}

}  // namespace kodiak::internal
