// Evaluates bound expressions over whole batches: one dispatch per expression
// node per batch, then a typed loop over the rows (see kernels.h).
//
// Contract: stateless and thread-safe. The result has batch.num_rows rows.
// Errors (overflow, failed casts) carry the expression's position.
#pragma once

#include "columnar/batch.h"
#include "kodiak/status.h"
#include "sql/binder/bound_expr.h"
#include "sql/execution/exec_context.h"

namespace kodiak::sql {

// `ctx` lets subqueries inside the expression run (and be interrupted); it
// may be null, then they run without cancellation or progress.
Result<VectorPtr> Evaluate(const BoundExpr& expr, const Batch& batch, ExecContext* ctx = nullptr);

// Evaluates an expression that uses no columns (a constant expression).
Result<Value> EvaluateConstant(const BoundExpr& expr, ExecContext* ctx = nullptr);

}  // namespace kodiak::sql
