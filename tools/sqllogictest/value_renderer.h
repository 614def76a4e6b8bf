// RenderValue: how a result value is written in a sqllogictest expected
// block, following SQLite's reference runner (slt_sqlite.c) so SQLite's corpus
// runs unchanged.
//
//   NULL           -> "NULL" in every column type
//   'T' (text)     -> Value::ToString() (text, blob and json bytes as is), ""
//                     -> "(empty)", control characters -> '@'
//   'I' (integer)  -> "%lld" of the value as an integer: reals and decimals
//                     truncated toward zero (clamped to int64), BOOL 0/1, text
//                     by its leading integer like SQLite's atoi (0 if none)
//   'R' (real)     -> "%.3f" of the value as a double: text by its leading
//                     number like atof (0 if none); exact ties round away from
//                     zero (as SQLite's printf does), -0 prints as 0.000
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kodiak/value.h"

namespace kodiak::slt {

std::string RenderValue(const Value& value, char type);

// Helpers, exposed for tests.
// The leading integer of `s` (after whitespace, an optional sign), clamped to
// int64; 0 when `s` does not start with one. "12abc" -> 12, "1.9" -> 1.
int64_t ParseIntPrefix(std::string_view s);
// The leading real number of `s` ("1.5e3x" -> 1500); 0 when there is none.
double ParseRealPrefix(std::string_view s);
// "%.3f" with SQLite's conventions (see above); "NaN", "Inf", "-Inf".
std::string FormatReal(double v);

}  // namespace kodiak::slt
