#include "kodiak/database.h"

#include <algorithm>

#include "kodiak/result.h"
#include "main/database_state.h"
#include "main/query_result_data.h"

#ifndef KODIAK_VERSION
#define KODIAK_VERSION "0.1.0"
#endif

namespace kodiak {

const char* Version() { return KODIAK_VERSION; }

Database::Database() : state_(std::make_unique<internal::DatabaseState>()) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::InMemory() { return std::unique_ptr<Database>(new Database()); }

// ---------------------------------------------------------------- QueryResult

QueryResult::QueryResult() : data_(std::make_unique<internal::QueryResultData>()) {}
QueryResult::QueryResult(std::unique_ptr<internal::QueryResultData> data) : data_(std::move(data)) {}
QueryResult::~QueryResult() = default;
QueryResult::QueryResult(QueryResult&&) noexcept = default;
QueryResult& QueryResult::operator=(QueryResult&&) noexcept = default;

bool QueryResult::has_rows() const { return data_->has_rows; }
size_t QueryResult::column_count() const { return data_->names.size(); }
const std::string& QueryResult::column_name(size_t col) const { return data_->names[col]; }
const LogicalType& QueryResult::column_type(size_t col) const { return data_->types[col]; }
uint64_t QueryResult::row_count() const { return data_->row_count; }
uint64_t QueryResult::rows_changed() const { return data_->rows_changed; }
const std::string& QueryResult::statement_tag() const { return data_->tag; }

Value QueryResult::GetValue(size_t col, uint64_t row) const {
  auto& d = *data_;
  if (d.batch_starts.size() != d.batches.size()) {
    d.batch_starts.clear();
    uint64_t start = 0;
    for (const auto& b : d.batches) {
      d.batch_starts.push_back(start);
      start += static_cast<uint64_t>(b->num_rows);
    }
  }
  auto it = std::upper_bound(d.batch_starts.begin(), d.batch_starts.end(), row);
  size_t bi = static_cast<size_t>(it - d.batch_starts.begin()) - 1;
  return d.batches[bi]->columns[col]->GetValue(static_cast<int64_t>(row - d.batch_starts[bi]));
}

}  // namespace kodiak
