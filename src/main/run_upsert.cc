// INSERT ... ON CONFLICT (PostgreSQL's upsert).
//
// DO NOTHING skips the new rows whose key is already taken (by a row of the
// table or an earlier row of the same INSERT). DO UPDATE changes the
// existing row instead: its SET expressions and WHERE read the existing row
// (by the table's name) and the proposed one as `excluded`. The key is the
// ON CONFLICT columns, which must be a PRIMARY KEY or UNIQUE constraint (or
// a unique index); without them, the primary key or the only unique key.
#include <algorithm>
#include <map>

#include "columnar/key_encoder.h"
#include "common/strings.h"
#include "main/session.h"
#include "sql/execution/expression_executor.h"
#include "storage/memory_store/table_writer.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

Result<std::vector<int>> ConflictKey(const TableEntry& table, const OnConflictClause& clause) {
  if (clause.target.empty()) {
    if (table.has_primary_key || table.unique_keys.size() == 1) return table.unique_keys[0];
    if (table.unique_keys.empty()) {
      return Status(StatusCode::kBinderError, "ON CONFLICT needs a PRIMARY KEY or UNIQUE constraint on " + table.name,
                    clause.pos, "add one, or use a plain INSERT");
    }
    return Status(StatusCode::kBinderError, table.name + " has several unique keys: say which one", clause.pos,
                  "ON CONFLICT (column, ...) DO ...");
  }
  std::vector<int> cols;
  for (const auto& name : clause.target) {
    int i = table.FindColumn(name);
    if (i < 0) {
      return Status(StatusCode::kBinderError, "table " + table.name + " has no column '" + name + "'", clause.pos);
    }
    cols.push_back(i);
  }
  std::vector<int> sorted = cols;
  std::sort(sorted.begin(), sorted.end());
  for (const auto& key : table.unique_keys) {
    std::vector<int> k = key;
    std::sort(k.begin(), k.end());
    if (k == sorted) return key;
  }
  std::string names;
  for (const auto& n : clause.target) names += (names.empty() ? "" : ", ") + n;
  return Status(StatusCode::kBinderError, "no PRIMARY KEY or UNIQUE constraint of " + table.name + " is exactly (" +
                                              names + ")",
                clause.pos, "ON CONFLICT names the columns of a unique key");
}

std::vector<std::string> Keys(const Batch& b, const std::vector<int>& cols, std::vector<bool>* has_null) {
  std::vector<KeyColumn> kc;
  for (int c : cols) kc.push_back(KeyColumn{b.columns[static_cast<size_t>(c)].get()});
  std::vector<std::string> keys;
  EncodeKeys(kc, b.num_rows, &keys);
  has_null->assign(static_cast<size_t>(b.num_rows), false);
  for (int64_t i = 0; i < b.num_rows; i++) (*has_null)[static_cast<size_t>(i)] = AnyNull(kc, i);
  keys.resize(static_cast<size_t>(b.num_rows));
  return keys;
}

}  // namespace

Result<QueryResult> Session::RunUpsert(const InsertStatement& stmt, TableEntryPtr table, std::vector<BatchPtr> rows,
                                       Transaction& txn) {
  const OnConflictClause& clause = *stmt.upsert;
  KODIAK_ASSIGN_OR_RETURN(std::vector<int> key, ConflictKey(*table, clause));
  if (clause.do_nothing) {
    KODIAK_ASSIGN_OR_RETURN(InsertOutcome out, InsertRows(*table, rows, OnConflict::kIgnore));
    auto next = std::make_shared<TableEntry>(*table);
    next->data = out.data;
    txn.PutTable(next);
    return TagResult("INSERT", static_cast<uint64_t>(out.rows_inserted));
  }

  // Where each existing key lives.
  struct Location {
    size_t batch;
    int64_t row;
  };
  std::map<std::string, Location> existing;
  const auto& batches = table->data->batches;
  for (size_t b = 0; b < batches.size(); b++) {
    std::vector<bool> nulls;
    auto keys = Keys(*batches[b], key, &nulls);
    for (int64_t i = 0; i < batches[b]->num_rows; i++) {
      if (!nulls[static_cast<size_t>(i)]) existing.emplace(keys[static_cast<size_t>(i)], Location{b, i});
    }
  }

  // Split the new rows into inserts and conflicts (existing row, new row).
  const size_t width = table->columns.size();
  std::vector<VectorBuilder> inserts, joined;
  for (const auto& c : table->columns) inserts.emplace_back(c.type);
  for (int side = 0; side < 2; side++) {
    for (const auto& c : table->columns) joined.emplace_back(c.type);
  }
  std::vector<Location> targets;
  std::map<std::string, bool> touched;
  for (const auto& b : rows) {
    std::vector<bool> nulls;
    auto keys = Keys(*b, key, &nulls);
    for (int64_t i = 0; i < b->num_rows; i++) {
      auto it = nulls[static_cast<size_t>(i)] ? existing.end() : existing.find(keys[static_cast<size_t>(i)]);
      if (it == existing.end()) {
        for (size_t c = 0; c < width; c++) inserts[c].AppendFrom(*b->columns[c], i);
        continue;
      }
      if (!touched.emplace(keys[static_cast<size_t>(i)], true).second) {
        return Status(StatusCode::kConstraint,
                      "ON CONFLICT DO UPDATE would change the same row of " + table->name + " twice", clause.pos,
                      "make the new rows' keys distinct");
      }
      const Batch& old = *batches[it->second.batch];
      for (size_t c = 0; c < width; c++) joined[c].AppendFrom(*old.columns[c], it->second.row);
      for (size_t c = 0; c < width; c++) joined[width + c].AppendFrom(*b->columns[c], i);
      targets.push_back(it->second);
    }
  }

  // The existing row is the table (by its name); the proposed one is `excluded`.
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  Scope scope;
  const std::string alias = table->name;
  for (const auto& c : table->columns) scope.columns.push_back({alias, c.name, c.type});
  for (const auto& c : table->columns) scope.columns.push_back({"excluded", c.name, c.type, /*hidden=*/true});
  auto conflict_batch = std::make_shared<Batch>();
  conflict_batch->num_rows = static_cast<int64_t>(targets.size());
  for (auto& b : joined) conflict_batch->columns.push_back(b.Finish());
  ExecContext ctx(&interrupted_, &progress_);
  std::vector<uint8_t> update(targets.size(), 1);
  if (clause.where) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr where, binder.BindScopedExpr(*clause.where, scope, "ON CONFLICT ... WHERE"));
    KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(*where, *conflict_batch, &ctx));
    for (size_t i = 0; i < targets.size(); i++) {
      update[i] = mask->IsValid(static_cast<int64_t>(i)) && mask->GetBool(static_cast<int64_t>(i));
    }
  }
  std::vector<std::pair<int, VectorPtr>> sets;
  for (const auto& [target, expr] : clause.sets) {
    KODIAK_ASSIGN_OR_RETURN(std::string col, binder.ResolveName(target));
    int idx = table->FindColumn(col);
    if (idx < 0) {
      return Status(StatusCode::kBinderError, "table " + table->name + " has no column '" + col + "'", target.pos);
    }
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr value, binder.BindScopedExpr(*expr, scope, "ON CONFLICT ... SET"));
    KODIAK_ASSIGN_OR_RETURN(value, binder.CastTo(std::move(value), table->columns[static_cast<size_t>(idx)].type));
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*value, *conflict_batch, &ctx));
    auto same = std::find_if(sets.begin(), sets.end(), [&](const auto& s) { return s.first == idx; });
    if (same != sets.end()) same->second = v;
    else sets.emplace_back(idx, v);
  }

  // Rewrite the batches holding updated rows, value by value.
  std::map<size_t, std::map<int64_t, size_t>> by_batch;  // batch -> row -> conflict index
  uint64_t updated = 0;
  for (size_t i = 0; i < targets.size(); i++) {
    if (!update[i]) continue;
    by_batch[targets[i].batch][targets[i].row] = i;
    updated++;
  }
  std::vector<BatchPtr> next_batches = batches;
  for (const auto& [b, rows_of] : by_batch) {
    const Batch& old = *batches[b];
    auto fresh = std::make_shared<Batch>();
    fresh->num_rows = old.num_rows;
    for (size_t c = 0; c < width; c++) {
      const VectorPtr* set = nullptr;
      for (const auto& s : sets) {
        if (s.first == static_cast<int>(c)) set = &s.second;
      }
      if (!set) {
        fresh->columns.push_back(old.columns[c]);
        continue;
      }
      VectorBuilder vb(table->columns[c].type, old.num_rows);
      for (int64_t r = 0; r < old.num_rows; r++) {
        auto hit = rows_of.find(r);
        if (hit == rows_of.end()) vb.AppendFrom(*old.columns[c], r);
        else vb.AppendFrom(**set, static_cast<int64_t>(hit->second));
      }
      fresh->columns.push_back(vb.Finish());
    }
    next_batches[b] = fresh;
  }
  auto entry = std::make_shared<TableEntry>(*table);
  if (updated > 0) {
    KODIAK_ASSIGN_OR_RETURN(entry->data, ReplaceRows(*table, next_batches));
  }
  auto insert_batch = std::make_shared<Batch>();
  for (auto& b : inserts) insert_batch->columns.push_back(b.Finish());
  insert_batch->num_rows = insert_batch->columns.empty() ? 0 : insert_batch->columns[0]->length();
  int64_t inserted = 0;
  if (insert_batch->num_rows > 0) {
    KODIAK_ASSIGN_OR_RETURN(InsertOutcome out, InsertRows(*entry, {insert_batch}, OnConflict::kAbort));
    entry->data = out.data;
    inserted = out.rows_inserted;
  }
  txn.PutTable(entry);
  return TagResult("INSERT", static_cast<uint64_t>(inserted) + updated);
}

}  // namespace kodiak::internal
