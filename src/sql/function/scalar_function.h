// Scalar functions: name, binding rule (argument and result types) and a
// kernel that computes a whole batch at once.
//
// Contract: the registry is built once and immutable; functions are
// stateless and thread-safe. A kernel receives arguments already cast to the
// types its bind step chose, each of `n` rows, and returns `n` rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "columnar/vector.h"
#include "kodiak/status.h"
#include "kodiak/type.h"

namespace kodiak::sql {

struct ScalarFunction {
  using BindFn = Status (*)(const std::vector<LogicalType>& args, std::vector<LogicalType>* arg_types,
                            LogicalType* result);
  using ExecFn = Result<VectorPtr> (*)(const std::vector<VectorPtr>& args, int64_t n,
                                       const LogicalType& result);
  std::string name;
  int min_args;
  int max_args;  // -1: variadic
  BindFn bind;
  ExecFn exec;
  std::string signature;  // for messages: "lower(TEXT) -> TEXT"
  bool is_volatile = false;  // random(), uuid(): never folded into a constant
};

// nullptr when there is no such function.
const ScalarFunction* LookupScalarFunction(std::string_view name);
std::vector<std::string> ScalarFunctionNames();

// The common type two values are compared or combined in, or false when
// there is none (e.g. TEXT and INT64).
bool CommonType(const LogicalType& a, const LogicalType& b, LogicalType* out);

}  // namespace kodiak::sql
