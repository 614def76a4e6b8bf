// Binder-private: the state of binding an aggregate query's SELECT, HAVING
// and ORDER BY (GROUP BY expressions and the aggregates found so far).
#pragma once

#include <vector>

#include "sql/binder/binder.h"

namespace kodiak::sql {

struct Binder::AggregateContext {
  const Scope* input = nullptr;            // the scope aggregates' arguments see
  std::vector<BoundExprPtr> groups;        // bound against `input`
  std::vector<BoundAggregate> aggregates;  // collected while binding
};

}  // namespace kodiak::sql
