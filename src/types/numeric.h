// Text forms and helpers for numbers: 128-bit integers, DECIMAL, floats, UUID.
//
// Contract: pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kodiak/value.h"

namespace kodiak {

constexpr int kMaxDecimalPrecision = 38;

// 10^n for 0 <= n <= 38.
int128_t Pow10(int n);
std::string Int128ToString(int128_t v);
// "12.30" for (1230, 2).
std::string FormatDecimal(int128_t unscaled, int scale);
// Parses "12.3", "-0.5", "1e3" into an unscaled value with `scale` digits,
// rounding half away from zero. False when not a number or when the value
// needs more than `precision` digits.
bool ParseDecimal(std::string_view text, int precision, int scale, int128_t* out);
// Digits needed for |v| (at least 1).
int DecimalDigits(int128_t v);
// Rescales an unscaled value from scale `from` to `to` (rounding half away
// from zero when reducing).
int128_t RescaleDecimal(int128_t v, int from, int to);
// Shortest text that reads back as the same double: 1.5, 0.1, 1e+20, inf.
std::string FormatDouble(double v);
std::string FormatFloat(float v);
// 8-4-4-4-12 lower-case hex.
std::string FormatUuid(int128_t bits);
bool ParseUuid(std::string_view text, int128_t* bits);
// Blob bytes as text: printable ASCII kept, others as \xHH.
std::string FormatBlob(std::string_view bytes);

}  // namespace kodiak
