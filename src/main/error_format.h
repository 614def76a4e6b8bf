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
// `statement_offset` of `script`.
Status FormatError(const Status& status, std::string_view script, size_t statement_offset);

}  // namespace kodiak::internal
