// Evaluates bound expressions over whole batches: one dispatch per expression
// node per batch, then a typed loop over the rows (see kernels.h).
//
// Contract: stateless and thread-safe. The result has batch.num_rows rows.
// Errors (overflow, failed casts) carry the expression's position.
#pragma once

#include "columnar/batch.h"
#include "kodiak/status.h"
#include "sql/binder/bound_expr.h"

namespace kodiak::sql {

Result<VectorPtr> Evaluate(const BoundExpr& expr, const Batch& batch);

// Evaluates an expression that uses no columns (a constant expression).
Result<Value> EvaluateConstant(const BoundExpr& expr);

}  // namespace kodiak::sql
