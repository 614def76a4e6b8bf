#include "storage/memory_store/table_writer.h"

#include <unordered_map>

#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"

namespace kodiak {

namespace {

Status CheckNotNull(const TableEntry& table, const Batch& batch) {
  for (size_t c = 0; c < table.columns.size(); c++) {
    if (!table.columns[c].not_null || !batch.columns[c]->MayHaveNulls()) continue;
    if (batch.columns[c]->CountNulls() > 0) {
      return Status::Constraint("NOT NULL constraint failed: " + table.name + "." + table.columns[c].name +
                                " cannot be NULL");
    }
  }
  return Status::OK();
}

std::string KeyColumnsText(const TableEntry& table, const std::vector<int>& cols) {
  std::string out;
  for (size_t i = 0; i < cols.size(); i++) out += (i ? ", " : "") + table.columns[cols[i]].name;
  return out;
}

std::string KeyValueText(const Batch& batch, const std::vector<int>& cols, int64_t row) {
  std::string out;
  for (size_t i = 0; i < cols.size(); i++) {
    out += (i ? ", " : "") + batch.columns[cols[i]]->GetValue(row).ToSqlLiteral();
  }
  return out;
}

Status DuplicateKey(const TableEntry& table, size_t k, const Batch& batch, int64_t row) {
  const auto& cols = table.unique_keys[k];
  bool primary = table.has_primary_key && k == 0;
  return Status::Constraint(std::string(primary ? "PRIMARY KEY" : "UNIQUE") + " constraint failed: " + table.name + "(" +
                            KeyColumnsText(table, cols) + ") already has the value (" + KeyValueText(batch, cols, row) +
                            ")");
}

// Key of each row for constraint k; rows with a NULL key part get an empty
// string (NULLs never conflict).
void RowKeys(const Batch& batch, const std::vector<int>& cols, std::vector<std::string>* keys) {
  std::vector<KeyColumn> kc;
  for (int c : cols) kc.push_back(KeyColumn{batch.columns[c].get()});
  EncodeKeys(kc, batch.num_rows, keys);
  for (int64_t i = 0; i < batch.num_rows; i++) {
    if (AnyNull(kc, i)) (*keys)[i].clear();
  }
}

// Builds the key set of constraint k over all rows; fails on a duplicate.
Result<std::shared_ptr<const KeySet>> BuildKeySet(const TableEntry& table, size_t k,
                                                  const std::vector<BatchPtr>& batches) {
  auto set = std::make_shared<KeySet>();
  std::vector<std::string> keys;
  for (const auto& b : batches) {
    RowKeys(*b, table.unique_keys[k], &keys);
    for (int64_t i = 0; i < b->num_rows; i++) {
      if (keys[i].empty()) continue;
      if (!set->insert(keys[i]).second) return DuplicateKey(table, k, *b, i);
    }
  }
  return std::shared_ptr<const KeySet>(set);
}

// Re-chunks `batches` into batches of at most kBatchSize rows, merging small
// neighbours.
std::vector<BatchPtr> Rechunk(const std::vector<BatchPtr>& batches) {
  std::vector<BatchPtr> out, pending;
  int64_t pending_rows = 0;
  auto flush = [&] {
    if (pending.empty()) return;
    out.push_back(ConcatBatches(pending));
    pending.clear();
    pending_rows = 0;
  };
  for (const auto& b : batches) {
    if (b->num_rows == 0) continue;
    if (b->num_rows >= kBatchSize / 2 && pending.empty()) {
      // Big enough: keep as is (split when larger than a batch).
      for (int64_t off = 0; off < b->num_rows; off += kBatchSize) {
        out.push_back(SliceBatch(*b, off, std::min(kBatchSize, b->num_rows - off)));
      }
      continue;
    }
    int64_t off = 0;
    while (off < b->num_rows) {
      int64_t take = std::min(kBatchSize - pending_rows, b->num_rows - off);
      pending.push_back(off == 0 && take == b->num_rows ? b : SliceBatch(*b, off, take));
      pending_rows += take;
      off += take;
      if (pending_rows == kBatchSize) flush();
    }
  }
  flush();
  return out;
}

int64_t CountRows(const std::vector<BatchPtr>& batches) {
  int64_t n = 0;
  for (const auto& b : batches) n += b->num_rows;
  return n;
}

}  // namespace

std::shared_ptr<const TableData> EmptyTableData(const TableEntry& table) {
  auto data = std::make_shared<TableData>();
  for (size_t k = 0; k < table.unique_keys.size(); k++) data->unique_sets.push_back(std::make_shared<KeySet>());
  return data;
}

Result<InsertOutcome> InsertRows(const TableEntry& table, const std::vector<BatchPtr>& rows, OnConflict on_conflict) {
  const TableData& old = *table.data;
  for (const auto& b : rows) KODIAK_RETURN_IF_ERROR(CheckNotNull(table, *b));
  std::vector<BatchPtr> existing = old.batches;
  std::vector<BatchPtr> incoming = rows;
  std::vector<std::shared_ptr<KeySet>> sets;
  for (size_t k = 0; k < table.unique_keys.size(); k++) {
    std::shared_ptr<const KeySet> current =
        k < old.unique_sets.size() && old.unique_sets[k] ? old.unique_sets[k] : nullptr;
    if (!current) {
      KODIAK_ASSIGN_OR_RETURN(current, BuildKeySet(table, k, existing));
    }
    sets.push_back(std::make_shared<KeySet>(*current));  // copy: the old version keeps its set
  }
  if (!table.unique_keys.empty()) {
    // Rows of `incoming` to keep, and existing keys to delete (REPLACE).
    std::vector<std::vector<std::string>> doomed(table.unique_keys.size());
    std::vector<BatchPtr> kept;
    for (const auto& b : incoming) {
      std::vector<std::vector<std::string>> keys(table.unique_keys.size());
      for (size_t k = 0; k < table.unique_keys.size(); k++) RowKeys(*b, table.unique_keys[k], &keys[k]);
      std::vector<int64_t> keep;
      for (int64_t i = 0; i < b->num_rows; i++) {
        bool conflict = false;
        for (size_t k = 0; k < sets.size(); k++) {
          if (!keys[k][i].empty() && sets[k]->count(keys[k][i])) conflict = true;
        }
        if (conflict) {
          if (on_conflict == OnConflict::kIgnore) continue;
          if (on_conflict == OnConflict::kAbort) {
            for (size_t k = 0; k < sets.size(); k++) {
              if (!keys[k][i].empty() && sets[k]->count(keys[k][i])) return DuplicateKey(table, k, *b, i);
            }
          }
          for (size_t k = 0; k < sets.size(); k++) {
            if (!keys[k][i].empty() && sets[k]->count(keys[k][i])) doomed[k].push_back(keys[k][i]);
          }
        }
        for (size_t k = 0; k < sets.size(); k++) {
          if (!keys[k][i].empty()) sets[k]->insert(keys[k][i]);
        }
        keep.push_back(i);
      }
      if (static_cast<int64_t>(keep.size()) == b->num_rows) kept.push_back(b);
      else if (!keep.empty()) kept.push_back(TakeBatch(*b, keep));
    }
    incoming = std::move(kept);
    bool any_doomed = false;
    for (const auto& d : doomed) any_doomed |= !d.empty();
    if (any_doomed) {
      // REPLACE: drop the old rows (existing and earlier incoming) holding a
      // replaced key; the last row with a key wins.
      std::vector<std::unordered_map<std::string, int>> last(table.unique_keys.size());
      std::vector<BatchPtr> all = existing;
      all.insert(all.end(), incoming.begin(), incoming.end());
      std::vector<std::vector<std::string>> all_keys;
      for (size_t k = 0; k < table.unique_keys.size(); k++) {
        int64_t global = 0;
        std::vector<std::string> keys;
        for (const auto& b : all) {
          RowKeys(*b, table.unique_keys[k], &keys);
          for (int64_t i = 0; i < b->num_rows; i++, global++) {
            if (!keys[i].empty()) last[k][keys[i]] = static_cast<int>(global);
          }
        }
      }
      std::vector<BatchPtr> survivors;
      int64_t global = 0;
      for (const auto& b : all) {
        std::vector<int64_t> keep;
        std::vector<std::vector<std::string>> keys(table.unique_keys.size());
        for (size_t k = 0; k < table.unique_keys.size(); k++) RowKeys(*b, table.unique_keys[k], &keys[k]);
        for (int64_t i = 0; i < b->num_rows; i++, global++) {
          bool dead = false;
          for (size_t k = 0; k < table.unique_keys.size(); k++) {
            if (!keys[k][i].empty() && last[k][keys[k][i]] != global) dead = true;
          }
          if (!dead) keep.push_back(i);
        }
        if (!keep.empty()) survivors.push_back(TakeBatch(*b, keep));
      }
      auto data = std::make_shared<TableData>();
      data->batches = Rechunk(survivors);
      data->row_count = CountRows(data->batches);
      for (auto& s : sets) data->unique_sets.push_back(s);
      InsertOutcome out;
      out.rows_inserted = CountRows(incoming);
      out.data = data;
      return out;
    }
  }
  // Append: refill the last batch when it is not full.
  std::vector<BatchPtr> tail;
  auto data = std::make_shared<TableData>();
  data->batches = existing;
  if (!data->batches.empty() && data->batches.back()->num_rows < kBatchSize) {
    tail.push_back(data->batches.back());
    data->batches.pop_back();
  }
  tail.insert(tail.end(), incoming.begin(), incoming.end());
  for (auto& b : Rechunk(tail)) data->batches.push_back(std::move(b));
  data->row_count = CountRows(data->batches);
  for (auto& s : sets) data->unique_sets.push_back(s);
  InsertOutcome out;
  out.rows_inserted = CountRows(incoming);
  out.data = data;
  return out;
}

Result<std::shared_ptr<const TableData>> ReplaceRows(const TableEntry& table, const std::vector<BatchPtr>& batches) {
  for (const auto& b : batches) KODIAK_RETURN_IF_ERROR(CheckNotNull(table, *b));
  auto data = std::make_shared<TableData>();
  data->batches = Rechunk(batches);
  data->row_count = CountRows(data->batches);
  for (size_t k = 0; k < table.unique_keys.size(); k++) {
    KODIAK_ASSIGN_OR_RETURN(auto set, BuildKeySet(table, k, data->batches));
    data->unique_sets.push_back(std::move(set));
  }
  return std::shared_ptr<const TableData>(data);
}

}  // namespace kodiak
