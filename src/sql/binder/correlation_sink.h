// Binder-private: where a subquery being bound looks up names its own FROM
// does not have, and the outer references (correlations) it collected.
#pragma once

#include <memory>
#include <vector>

#include "sql/binder/binder.h"
#include "sql/execution/subquery.h"

namespace kodiak::sql {

struct Binder::CorrelationSink {
  ExprContext* outer = nullptr;       // where outer names resolve
  CorrelationSink* parent = nullptr;  // the enclosing query's own sink (nested subqueries)
  std::shared_ptr<ParamFrame> frame;
  std::vector<BoundExprPtr> correlations;  // bound in `outer`'s terms; slot i is kParameter column i
  int params_made = 0;                     // kParameter nodes handed out (decorrelation counts them)
};

}  // namespace kodiak::sql
