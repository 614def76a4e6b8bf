// The scalar function registry's building blocks: each family of functions
// (strings, regexp, math, date/time, JSON, lists, hashes and ids) registers
// itself from its own file, and most functions are written one row at a
// time over Values with the helpers here.
//
// Contract: registration runs once, before the registry is used; the
// helpers are stateless and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sql/function/scalar_function.h"

namespace kodiak::sql {

using FunctionMap = std::map<std::string, ScalarFunction, std::less<>>;

void RegisterStringFunctions(FunctionMap* m);
void RegisterRegexpFunctions(FunctionMap* m);
void RegisterMathFunctions(FunctionMap* m);
void RegisterDateTimeFunctions(FunctionMap* m);
void RegisterJsonFunctions(FunctionMap* m);
void RegisterListFunctions(FunctionMap* m);
void RegisterHashFunctions(FunctionMap* m);

// A row function: the arguments of one row (already of the bound types) to
// the result, or an error. Called only when no argument is NULL, unless the
// function is registered as taking NULLs.
using RowFn = Result<Value> (*)(const std::vector<Value>& args, const LogicalType& result);

// Runs `F` on every row; a NULL argument gives a NULL result (kNullIn: F sees it).
template <RowFn F, bool kNullIn = false>
Result<VectorPtr> RowWise(const std::vector<VectorPtr>& a, int64_t n, const LogicalType& result) {
  VectorBuilder b(result, n);
  std::vector<Value> row(a.size());
  for (int64_t i = 0; i < n; i++) {
    bool null = false;
    for (size_t k = 0; k < a.size(); k++) {
      row[k] = a[k]->GetValue(i);
      null |= row[k].is_null();
    }
    if (null && !kNullIn) {
      b.AppendNull();
      continue;
    }
    Result<Value> v = F(row, result);
    if (!v.ok()) return v.status();
    if (v->is_null()) b.AppendNull();
    else b.Append(*v);
  }
  return b.Finish();
}

// Binds arguments to fixed types: `types[i]` for argument i (the last one
// repeats for extra arguments), result `result`. A NULL literal fits any
// type; other arguments must convert implicitly (numbers to numbers, text
// stays text).
Status BindFixed(const std::string& name, const std::vector<LogicalType>& args, const std::vector<LogicalType>& types,
                 const LogicalType& result, std::vector<LogicalType>* arg_types, LogicalType* out);

// A bind function for fixed signatures, as a non-capturing lambda:
//   FIXED_BIND("left", {TypeId::kText, TypeId::kInt64}, TypeId::kText)
#define KODIAK_FIXED_BIND(NAME, ...)                                                                      \
  [](const std::vector<LogicalType>& args, std::vector<LogicalType>* arg_types, LogicalType* out) -> Status { \
    return BindFixed(NAME, args, __VA_ARGS__, arg_types, out);                                            \
  }

}  // namespace kodiak::sql
