// Casts between PL-Grizzly types: CAST(x AS T), x::T and the implicit casts
// the binder inserts.
//
// Rules (docs/types.md): numbers convert among themselves with range checks
// (float to integer rounds half away from zero); every type converts to TEXT
// in its canonical text form; TEXT converts to any type by parsing; DATE <->
// TIMESTAMP; BOOL <-> integers. A value that does not fit or does not parse is
// an OutOfRange error naming the value and the type — or NULL under TRY_CAST.
//
// Contract: pure functions, thread-safe.
#pragma once

#include "columnar/vector.h"
#include "kodiak/status.h"
#include "kodiak/type.h"
#include "kodiak/value.h"

namespace kodiak {

// Whether a cast from `from` to `to` exists at all (checked when binding).
bool CanCast(const LogicalType& from, const LogicalType& to);

Result<Value> CastValue(const Value& v, const LogicalType& to, bool try_cast = false);

Result<VectorPtr> CastVector(const VectorPtr& v, const LogicalType& to, bool try_cast = false);

}  // namespace kodiak
