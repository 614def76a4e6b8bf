#include "main/error_format.h"

#include <cctype>
#include <string>

namespace kodiak::internal {

Status FormatError(const Status& status, std::string_view script, size_t statement_offset, int first_line) {
  // An uncaught exception reads as PL-Grizzly writes it: "E: message (in function f, line L)".
  if (status.code() == StatusCode::kRaised) return Status(status.code(), status.message());
  std::string label = StatusCodeName(status.code());
  if (!label.empty()) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  std::string msg;
  if (status.position() < 0) {
    msg = label + ": " + status.message();
    if (!status.hint().empty()) msg += " — " + status.hint();
    return Status(status.code(), msg, status.position());
  }
  size_t abs = std::min(script.size(), statement_offset + static_cast<size_t>(status.position()));
  int line = first_line;
  size_t line_start = 0;
  for (size_t i = 0; i < abs; i++) {
    if (script[i] == '\n') {
      line++;
      line_start = i + 1;
    }
  }
  size_t line_end = script.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = script.size();
  std::string_view source = script.substr(line_start, line_end - line_start);
  // Column in characters (UTF-8 code points), tabs shown as one space.
  int column = 1;
  for (size_t i = line_start; i < abs; i++) {
    if ((static_cast<unsigned char>(script[i]) & 0xC0) != 0x80) column++;
  }
  std::string shown;
  for (char c : source) shown += c == '\t' ? ' ' : c;
  while (!shown.empty() && (shown.back() == '\r' || shown.back() == ' ')) shown.pop_back();
  msg = label + " at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + status.message();
  if (!status.hint().empty()) msg += " — " + status.hint();
  msg += "\n  " + shown + "\n  " + std::string(static_cast<size_t>(column - 1), ' ') + "^";
  // The hint is in the message now; the returned status carries none.
  return Status(status.code(), msg, status.position());
}

}  // namespace kodiak::internal
