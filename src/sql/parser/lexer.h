// Lexer: turns PL-Grizzly text into Tokens.
//
// Contract: the Lexer borrows the text it is given (a string_view); the text
// must outlive the Lexer and every Token it returns (Token::text views it).
// Whitespace and comments (`-- to end of line`, `/* block */`, not nested)
// are skipped between tokens. Unquoted words are folded to lower case in
// Token::value; `backtick` names keep their case; both '...' and "..." are
// string literals, with a doubled quote standing for one quote.
//
// Errors are SyntaxErrors whose position is the byte offset of the offending
// token. After an error the lexer has moved past the bad token, so a caller
// that wants to keep going (the statement splitter) may call Next() again;
// `incomplete()` then tells whether the error was an unterminated string,
// name or comment, i.e. the text may simply not be finished yet.
//
// Thread safety: a Lexer is used by one thread at a time.
#pragma once

#include <string_view>
#include <vector>

#include "kodiak/status.h"
#include "sql/parser/token.h"

namespace kodiak::sql {

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // The next token; at the end of the text, a kEnd token (repeatedly).
  Result<Token> Next();

  // True when the last error came from an unterminated string, backtick name
  // or block comment.
  bool incomplete() const { return incomplete_; }

  // Byte offset where the next token will be looked for.
  size_t offset() const { return pos_; }

  // Every token of `text`, ending with one kEnd token; the first error ends
  // the tokenization.
  static Result<std::vector<Token>> Tokenize(std::string_view text);

 private:
  // Skips whitespace and comments. Fails only on an unterminated comment.
  Status SkipSpaceAndComments();
  Result<Token> LexWord(size_t start);
  Result<Token> LexNumber(size_t start);
  Result<Token> LexQuoted(size_t start, char quote, TokenKind kind);
  Result<Token> LexBlob(size_t start);
  Token Make(TokenKind kind, size_t start, size_t end) const;
  Status Fail(std::string message, size_t pos, size_t resume_at, std::string hint = {});

  std::string_view text_;
  size_t pos_ = 0;
  bool incomplete_ = false;
};

}  // namespace kodiak::sql
