// ParseRecords: turns the text of a sqllogictest file into Records.
//
// Contract: never fails and never crashes, whatever the bytes: a malformed
// record becomes a RecordKind::kInvalid record whose error reads
// "path:line: what is wrong", and parsing resumes at the next record. The
// line rules are SQLite's: a trailing '\r' is dropped, a line of only
// whitespace is blank, a line starting with '#' is a comment and is invisible
// everywhere (also inside a record), and records are separated by blank
// lines. Loops are matched here: every kLoop/kForeach has `match` set to its
// kEndLoop and back; an unmatched one is turned into a kInvalid record.
//
// Thread safety: a pure function; call it from any thread.
#pragma once

#include <string>
#include <string_view>

#include "record.h"

namespace kodiak::slt {

// `path` is used only in error messages and copied into the result.
ParsedFile ParseRecords(std::string path, std::string_view text);

}  // namespace kodiak::slt
