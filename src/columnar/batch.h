// Batch: a set of equal-length column Vectors — the unit that flows between
// operators (about kBatchSize rows) and that the memory store keeps.
//
// Contract: a Batch is immutable once built; it is shared between table
// versions, operators and results through shared_ptr<const Batch>, so const
// access is thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "columnar/vector.h"

namespace kodiak {

constexpr int64_t kBatchSize = 2048;

struct Batch {
  std::vector<VectorPtr> columns;
  int64_t num_rows = 0;

  Batch() = default;
  Batch(std::vector<VectorPtr> cols, int64_t rows) : columns(std::move(cols)), num_rows(rows) {}
  size_t column_count() const { return columns.size(); }
};
using BatchPtr = std::shared_ptr<const Batch>;

}  // namespace kodiak
