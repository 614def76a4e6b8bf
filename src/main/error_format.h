// Formats an error about a statement for people: where (line and column in
// the script), the source line, a caret under the spot, and the hint.
//
//   syntax error at line 2, column 8: expected an expression after '='
//     SET x =
//            ^
//
// Contract: pure, thread-safe.
#pragma once

#include <string_view>

#include "kodiak/status.h"

namespace kodiak::internal {

// `pos` of the status is an offset into the statement that starts at byte
// `statement_offset` of `script`; `first_line` is the line number of the
// script's first line in its source.
Status FormatError(const Status& status, std::string_view script, size_t statement_offset, int first_line = 1);

}  // namespace kodiak::internal
