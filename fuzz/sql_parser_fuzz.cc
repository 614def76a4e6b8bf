// libFuzzer target: PL-Grizzly text through the statement splitter and the
// parser (statements, expressions, types). Any input must give statements
// or a clear error — never a crash, a hang or an out-of-bounds read.
//
// Run: `make fuzz` (builds with clang, -fsanitize=fuzzer,address,undefined,
// and runs for a fixed time on fuzz/corpus/sql).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kodiak/connection.h"
#include "sql/parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view script(reinterpret_cast<const char*>(data), size);
  std::string incomplete;
  for (const auto& st : kodiak::SplitStatements(script, &incomplete)) {
    (void)kodiak::sql::Parser::ParseStatement(st.text);
  }
  for (const auto& st : kodiak::SplitStatements(script, nullptr)) {
    (void)kodiak::sql::Parser::ParseStatement(st.text, 3);
  }
  if (size < 2048) {
    (void)kodiak::sql::Parser::ParseExpression(script);
    (void)kodiak::sql::Parser::ParseType(script);
  }
  return 0;
}
