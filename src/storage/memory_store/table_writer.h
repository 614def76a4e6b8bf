// Writes to memory-store tables: each function takes a table version and
// returns a new one (the old version is untouched, so readers and rolled-back
// transactions keep seeing it). Constraint checks (NOT NULL, PRIMARY KEY,
// UNIQUE) happen here, before a new version exists.
//
// Contract: pure functions of their inputs; thread-safe.
#pragma once

#include <memory>
#include <vector>

#include "catalog/table.h"
#include "kodiak/status.h"

namespace kodiak {

enum class OnConflict { kAbort, kReplace, kIgnore };

struct InsertOutcome {
  std::shared_ptr<const TableData> data;
  int64_t rows_inserted = 0;
};

// Appends `rows` (columns in table order and types). Small appends fill the
// last batch up to kBatchSize rows, so row-at-a-time inserts still give
// full-size batches. Key conflicts abort, or replace the old row, or skip the
// new row, as `on_conflict` says.
Result<InsertOutcome> InsertRows(const TableEntry& table, const std::vector<BatchPtr>& rows, OnConflict on_conflict);

// A new version made of `batches` (after UPDATE or DELETE): re-chunked,
// checked for NOT NULL and key uniqueness.
Result<std::shared_ptr<const TableData>> ReplaceRows(const TableEntry& table, const std::vector<BatchPtr>& batches);

// An empty version with the key sets for `table`'s constraints.
std::shared_ptr<const TableData> EmptyTableData(const TableEntry& table);

}  // namespace kodiak
