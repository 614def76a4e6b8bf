// Result rendering: draws a QueryResult as text in one of the CLI's output
// modes (docs/cli.md shows each one).
//
//   box       Unicode box drawing (default); header rows: column names, then
//             lower-case column types; numbers right-aligned
//   table     the same with ASCII +---+ borders
//   csv       RFC 4180: header row, fields quoted when they hold , " CR or LF;
//             NULL is an empty field, an empty text is ""
//   json      one array of objects; numbers and booleans unquoted, NULL null
//   jsonl     one object per line
//   markdown  a GitHub-flavoured pipe table
//   line      `name = value` per column, a blank line between rows
//
// Rules shared by the modes that show values as text (box, table, markdown,
// line): SQL NULL prints as NULL (dimmed when `color`), and a value whose text
// is exactly NULL prints as 'NULL'. Box and table fit the result to
// `max_width` (shrinking the widest columns, cutting values with "…", then
// dropping the rightmost columns), show at most `max_rows` rows (the first
// and last half with a row of "·" between), and end with a footer line:
// "1 row", "N rows", "N rows (M shown)", plus " (K columns not shown)".
// Control characters in values are shown escaped (\n, \t, \xHH) in box,
// table and markdown so that one row stays one line.
//
// Contract: RenderResult only reads the result (GetValue) and writes to
// `out`; it is safe to call from any one thread at a time per stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "kodiak/result.h"
#include "kodiak/type.h"

namespace kodiak::cli {

enum class RenderMode { kBox, kTable, kCsv, kJson, kJsonl, kMarkdown, kLine };

// "box", "table", ... Returns false for an unknown name.
bool ParseRenderMode(std::string_view name, RenderMode* mode);
const char* RenderModeName(RenderMode mode);
// "box, table, csv, json, jsonl, markdown, line": for help and error texts.
const char* RenderModeList();

struct RenderOptions {
  RenderMode mode = RenderMode::kBox;
  // Display columns available to box and table; 0 means no limit.
  size_t max_width = 0;
  // Box and table show at most this many rows of a longer result; 0 = all.
  uint64_t max_rows = 40;
  // Dim NULL with ANSI escapes (only when writing to a terminal).
  bool color = false;
};

// Writes `result` (which must have has_rows()) to `out`.
void RenderResult(const QueryResult& result, const RenderOptions& options, std::ostream& out);

// The type label shown in headers: lower-case ("int64", "decimal(10,2)",
// "list<text>", "struct(a int64, b text)"), field names kept as written.
std::string TypeLabel(const LogicalType& type);

}  // namespace kodiak::cli
