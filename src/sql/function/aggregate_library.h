// The aggregates beyond count, sum, avg, min and max (aggregate_library.cc);
// aggregate_state.cc dispatches to them.
//
// Contract: as AggregateState (aggregate_state.h).
#pragma once

#include <memory>

#include "sql/function/aggregate_state.h"

namespace kodiak::sql {

// Row i of a numeric (or BOOL) vector as a double.
double DoubleAt(const Vector& v, int64_t i);

Result<LogicalType> LibraryAggregateResultType(AggregateKind kind, const LogicalType& arg);
std::unique_ptr<AggregateState> MakeLibraryAggregateState(const BoundAggregate& agg);

}  // namespace kodiak::sql
