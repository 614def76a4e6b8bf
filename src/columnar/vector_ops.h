// Whole-vector operations the operators are built from: gather rows by index
// (filter, sort, join output), concatenate, slice, and pick each row from one
// of several vectors (CASE, COALESCE, UPDATE).
//
// Contract: inputs are never modified; outputs are new vectors (buffers may be
// shared with inputs only where a vector is returned unchanged). Indices must
// be in range; they are our own invariant, not user input.
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/batch.h"
#include "columnar/vector.h"

namespace kodiak {

// out[i] = src[indices[i]]; an index of -1 yields NULL (outer joins).
VectorPtr TakeVector(const Vector& src, const int64_t* indices, int64_t count);
BatchPtr TakeBatch(const Batch& src, const std::vector<int64_t>& indices);

// Rows [offset, offset + length) of src.
VectorPtr SliceVector(const Vector& src, int64_t offset, int64_t length);
BatchPtr SliceBatch(const Batch& src, int64_t offset, int64_t length);

// All vectors one after another (same type).
VectorPtr ConcatVectors(const std::vector<const Vector*>& parts);
// Batches with the same column types concatenated into one.
BatchPtr ConcatBatches(const std::vector<BatchPtr>& parts);

// out[i] = sources[which[i]][i]; which[i] < 0 yields NULL. All sources have
// the output's type and at least `length` rows.
VectorPtr SelectFrom(const LogicalType& type, const std::vector<const Vector*>& sources,
                     const int32_t* which, int64_t length);

// Rows whose bit is set in a BOOL vector (NULL counts as not set).
std::vector<int64_t> SelectedRows(const Vector& mask);

}  // namespace kodiak
