// The keywords of PL-Grizzly: for reserved-word checks and "did you mean"
// hints.
//
// Contract: keywords are matched case-insensitively; the functions taking a
// word expect it in lower case (as Token::value holds it). The returned
// lists are static, upper case, and safe to read from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kodiak::sql {

// Every keyword the parser knows, upper case.
const std::vector<std::string>& AllKeywords();

// Words that may begin a statement, upper case (SELECT, FROM, INSERT, ...).
const std::vector<std::string>& StatementKeywords();

// Words that start or continue a clause of a query (FROM, WHERE, ORDER, JOIN,
// ...), upper case: the candidates when a misspelt one was read as an alias.
const std::vector<std::string>& ClauseKeywords();

// True for any keyword (lower-case `word`).
bool IsKeyword(std::string_view word);

// True for a reserved word (lower-case `word`): it cannot be used as an
// unquoted table, column or alias name; write it in backticks instead.
bool IsReservedKeyword(std::string_view word);

}  // namespace kodiak::sql
