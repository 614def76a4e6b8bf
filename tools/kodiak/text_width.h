// Text measurement for the terminal: how many display columns a UTF-8 string
// takes, and how to cut one to fit.
//
// Contract: pure functions on byte strings; thread-safe. Code points are
// decoded from UTF-8; a byte that is not valid UTF-8 counts as one column.
// East Asian wide and fullwidth characters (CJK, Hangul, most emoji) count as
// two columns, combining marks and zero-width characters as none. Control
// characters are not measured meaningfully: call EscapeControl first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kodiak::cli {

// The number of terminal columns `text` takes.
size_t DisplayWidth(std::string_view text);

// `text` if it fits in `width` columns; otherwise its longest prefix that
// fits in width - 1 columns followed by "…". Never splits a code point.
std::string TruncateToWidth(std::string_view text, size_t width);

// `text` with control characters made visible: newline as \n, carriage
// return as \r, tab as \t, any other byte below 0x20 and DEL as \xHH. Used
// where one value must stay on one line (box, table, markdown).
std::string EscapeControl(std::string_view text);

// Pads `text` (already measured as `text_width` columns) to `width` columns.
enum class Align { kLeft, kRight, kCenter };
std::string Pad(std::string_view text, size_t text_width, size_t width, Align align);

}  // namespace kodiak::cli
