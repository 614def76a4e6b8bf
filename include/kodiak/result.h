// QueryResult: what one statement produced — a table of typed columns (for
// queries, EXPLAIN, SHOW ...) or a count of rows changed, plus a short tag
// naming what was done ("CREATE TABLE", "INSERT 2").
//
// Contract: a QueryResult owns its data (fully materialized) and stays valid
// after the Connection that made it runs more statements or is destroyed.
// It is movable, not copyable. Not thread-safe for concurrent mutation;
// const access from many threads is fine.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kodiak/type.h"
#include "kodiak/value.h"

namespace kodiak {

namespace internal {
struct QueryResultData;  // columnar batches; defined in src/main
}

class QueryResult {
 public:
  QueryResult();
  explicit QueryResult(std::unique_ptr<internal::QueryResultData> data);
  ~QueryResult();
  QueryResult(QueryResult&&) noexcept;
  QueryResult& operator=(QueryResult&&) noexcept;

  // True when the statement returns rows (SELECT, EXPLAIN, SHOW, DESCRIBE...).
  bool has_rows() const;
  size_t column_count() const;
  const std::string& column_name(size_t col) const;
  const LogicalType& column_type(size_t col) const;
  uint64_t row_count() const;
  // O(1) after the first call's index is built.
  Value GetValue(size_t col, uint64_t row) const;

  // Rows inserted, updated or deleted by a DML statement; 0 otherwise.
  uint64_t rows_changed() const;
  // "SELECT", "INSERT", "CREATE TABLE", "BEGIN", ...
  const std::string& statement_tag() const;

  // The engine's representation, for code inside libkodiak.
  const internal::QueryResultData& data() const { return *data_; }

 private:
  std::unique_ptr<internal::QueryResultData> data_;
};

}  // namespace kodiak
