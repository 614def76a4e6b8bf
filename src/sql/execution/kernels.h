// Typed batch kernels for arithmetic, comparison and boolean logic.
//
// Contract: inputs have equal length; for Arithmetic and Compare both inputs
// have the same physical type (the binder casts them to a common type).
// NULL in, NULL out (three-valued logic for AND/OR). Integer division and
// modulo by zero give NULL (as SQLite and DuckDB do); integer overflow is an
// OutOfRange error.
#pragma once

#include "columnar/vector.h"
#include "kodiak/status.h"
#include "sql/parser/ast.h"

namespace kodiak::sql {

Result<VectorPtr> ArithmeticKernel(BinaryOp op, const Vector& a, const Vector& b, const LogicalType& result);
Result<VectorPtr> CompareKernel(BinaryOp op, const Vector& a, const Vector& b);
VectorPtr AndKernel(const Vector& a, const Vector& b);
VectorPtr OrKernel(const Vector& a, const Vector& b);
VectorPtr NotKernel(const Vector& a);
VectorPtr IsNullKernel(const Vector& a, bool negated);
// IS [NOT] DISTINCT FROM: NULL-safe equality; never NULL.
Result<VectorPtr> IsDistinctKernel(const Vector& a, const Vector& b, bool negated);
Result<VectorPtr> NegateKernel(const Vector& a);
VectorPtr ConcatKernel(const Vector& a, const Vector& b);
// SQL LIKE with % and _; `escape` 0 when none.
VectorPtr LikeKernel(const Vector& s, const Vector& pattern, const Vector* escape, bool negated,
                     bool case_insensitive);

}  // namespace kodiak::sql
