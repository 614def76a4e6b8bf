// TableEntry and TableData: a table's definition and one immutable version of
// its rows.
//
// A version of a table is its list of batches: a write makes a new TableData
// that shares every untouched batch with the old one, so versions are cheap,
// readers keep theirs for as long as they hold it, and a rolled-back
// transaction simply drops its versions. (The block store will make the same
// idea durable: a version is a list of immutable Feather blocks.)
//
// Contract: TableEntry and TableData are immutable once published in a
// CatalogSnapshot and are shared (shared_ptr) between snapshots, transactions
// and running queries; const access is thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "columnar/batch.h"
#include "kodiak/type.h"

namespace kodiak {

struct ColumnDefinition {
  std::string name;
  LogicalType type;
  bool not_null = false;
  std::string default_sql;  // the DEFAULT expression as SQL text; empty = NULL
  std::string type_name;    // the named type (CREATE TYPE) it was declared with, if any
};

// The set of encoded primary-key (or UNIQUE) values present in one version.
using KeySet = std::unordered_set<std::string>;

struct UniqueIndex {
  std::vector<int> columns;  // column indexes
  bool primary = false;
  std::shared_ptr<const KeySet> keys;  // null until first needed
};

// CREATE [UNIQUE] INDEX. A unique index is enforced like a UNIQUE
// constraint (its columns are also in TableEntry::unique_keys); the memory
// store answers queries by scanning, so other indexes are definitions only.
struct IndexDefinition {
  std::string name;          // as created; unique in the database
  std::vector<int> columns;  // column indexes
  bool unique = false;
};

// CREATE TRIGGER: the statement's text (parsed again when it fires) and
// when it fires, for quick filtering.
struct TriggerDefinition {
  enum class Timing : uint8_t { kBefore, kAfter, kInsteadOf };
  enum class Event : uint8_t { kInsert, kUpdate, kDelete };
  std::string name;  // unique in the database
  Timing timing = Timing::kBefore;
  Event event = Event::kInsert;
  std::vector<int> update_columns;  // UPDATE OF: fires only when one of these is SET; empty = any
  std::string sql;                  // CREATE TRIGGER ... END
};

struct TableData {
  std::vector<BatchPtr> batches;
  int64_t row_count = 0;
  // One per PRIMARY KEY / UNIQUE constraint, in TableEntry::unique_keys order.
  std::vector<std::shared_ptr<const KeySet>> unique_sets;
};

struct TableEntry {
  std::string name;  // as created (case kept); looked up case-insensitively
  std::vector<ColumnDefinition> columns;
  std::vector<std::vector<int>> unique_keys;  // [0] is the primary key when has_primary_key
  bool has_primary_key = false;
  std::vector<IndexDefinition> indexes;      // dropped with the table
  std::vector<TriggerDefinition> triggers;   // in creation order; dropped with the table
  // A view: the query it stands for (columns are its result's names and
  // types when created; data is empty). Empty for a table.
  std::string view_sql;
  std::string of_type;  // CREATE TABLE t OF N: the named type N
  std::shared_ptr<const TableData> data;

  bool is_view() const { return !view_sql.empty(); }

  int FindColumn(std::string_view name) const;  // -1 when absent (case-insensitive)
  std::vector<LogicalType> ColumnTypes() const;
};
using TableEntryPtr = std::shared_ptr<const TableEntry>;

}  // namespace kodiak
