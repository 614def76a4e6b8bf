// Comparing a query's rendered result with the expected block of a `query`
// record. Knows nothing of the engine: values arrive already rendered
// (value_renderer.h), row-major.
//
// The expected block may be written three ways:
//   * one value per line (SQLite): compared value by value;
//   * one row per line, values separated by tabs (DuckDB): used when the
//     result has more than one column and every line contains a tab;
//   * a single line "K values hashing to <md5>": compared with the MD5 of all
//     values, each followed by "\n" (SQLite's hash-threshold form).
// Values are compared after sorting (rowsort/valuesort) as exact strings.
//
// Thread safety: pure functions; RenderedResult is a plain value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "record.h"

namespace kodiak::slt {

struct RenderedResult {
  size_t columns = 0;
  std::vector<std::string> values;  // rows * columns, row-major
  size_t rows() const { return columns == 0 ? 0 : values.size() / columns; }
};

// Sorts rows (comparing the rendered strings column by column) or all values.
void SortResult(SortMode mode, RenderedResult* result);

// "K values hashing to <md5>" for the values in their current order.
std::string HashLine(const std::vector<std::string>& values);

// True when `line` reads "K values hashing to <32 hex digits>".
bool IsHashLine(std::string_view line);

struct Verdict {
  bool ok = true;
  std::string message;  // when !ok: what differs, then expected and actual (multi-line)
};

// Compares `actual` (already sorted) with the `expected` lines of a query
// whose type string declares `declared_columns` columns.
Verdict CompareResult(const RenderedResult& actual, size_t declared_columns,
                      const std::vector<std::string>& expected);

// The lines of `result` as they would be written in an expected block: one
// value per line, or one tab-separated row per line when `row_wise`. At most
// `max_lines` lines, then "... (N more)".
std::string FormatResultLines(const RenderedResult& result, bool row_wise, size_t max_lines,
                              std::string_view indent);

}  // namespace kodiak::slt
