// AggregateState: the running state of one aggregate over many groups.
//
// Contract: Update receives the aggregate's argument (already of the type
// the binder chose; null for count(*)) and, per row, the group it belongs
// to; the loops inside are typed. Finalize yields one value per group, in
// group-id order. Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/vector.h"
#include "kodiak/status.h"
#include "sql/binder/bound_expr.h"

namespace kodiak::sql {

class AggregateState {
 public:
  virtual ~AggregateState() = default;
  virtual void Resize(int64_t groups) = 0;
  virtual Status Update(const Vector* arg, const int64_t* group_ids, int64_t n) = 0;
  virtual Result<VectorPtr> Finalize(int64_t groups) = 0;
  // For aggregates with ORDER BY (string_agg, list): the encoded order key
  // of each row of the next Update's batch.
  virtual void SetOrderKeys(const std::vector<std::string>* keys) { (void)keys; }
};

// The result type of an aggregate over `arg`, or a TypeError.
Result<LogicalType> AggregateResultType(AggregateKind kind, const LogicalType& arg);

std::unique_ptr<AggregateState> MakeAggregateState(const BoundAggregate& agg);

}  // namespace kodiak::sql
