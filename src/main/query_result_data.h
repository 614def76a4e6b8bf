// QueryResultData: the engine-side contents of a kodiak::QueryResult.
#pragma once

#include <string>
#include <vector>

#include "columnar/batch.h"
#include "kodiak/type.h"

namespace kodiak::internal {

struct QueryResultData {
  bool has_rows = false;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<BatchPtr> batches;
  uint64_t row_count = 0;
  uint64_t rows_changed = 0;
  std::string tag;
  std::vector<uint64_t> batch_starts;  // first row of each batch (built on first GetValue)
};

}  // namespace kodiak::internal
