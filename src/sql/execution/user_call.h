// Recursive user functions. A function that calls itself cannot be bound
// inline (the expansion would not end), so its body is compiled once with
// its parameters as the slots of a frame, and each call evaluates that body
// for one row at a time: the arguments go into the frame, the body runs on
// a one-row batch, and the frame is put back for the caller. Calls nest at
// most kMaxDepth deep; deeper is an error naming the function.
//
// Contract: a CompiledFunction belongs to one statement's plan and is used
// by the one thread running it.
#pragma once

#include <memory>
#include <string>

#include "columnar/batch.h"
#include "kodiak/status.h"
#include "sql/binder/bound_expr.h"
#include "sql/execution/exec_context.h"

namespace kodiak::sql {

struct ParamFrame;

struct CompiledFunction {
  static constexpr int kMaxDepth = 1000;
  std::string name;
  BoundExprPtr body;                  // reads its parameters from `frame`
  std::shared_ptr<ParamFrame> frame;
  int depth = 0;                      // calls running now
};

// Evaluates the kUserCall `e` over `batch`, one row at a time.
Result<VectorPtr> EvaluateUserCall(const BoundExpr& e, const Batch& batch, ExecContext* ctx);

}  // namespace kodiak::sql
