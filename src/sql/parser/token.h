// Token: one lexical unit of PL-Grizzly text, as the Lexer cuts it.
//
// Contract: a Token is a plain value. `text` is a view into the text given to
// the Lexer and lives only as long as that text; `value` is an owned, decoded
// copy (identifier folded to lower case, string or backtick name unescaped).
// Keywords are not a separate kind: they are kIdentifier tokens, and the
// parser compares `value` (lower case) with the keyword it expects, so a
// keyword in backticks (`from`) is always a plain name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kodiak::sql {

enum class TokenKind : uint8_t {
  kEnd,               // end of input; pos = text length
  kIdentifier,        // unquoted word: value is lower-cased, text as written
  kQuotedIdentifier,  // `name`: value unescaped, case kept
  kString,            // '...' or "...": value unescaped
  kBlobString,        // X'0A0B': value holds the decoded bytes
  kInteger,           // 42: value holds the digits
  kDecimal,           // 1.5, .5, 1.: value holds the text
  kFloat,             // 1e10, 2.5E-3: value holds the text

  // Operators and punctuation.
  kPlus,         // +
  kMinus,        // -
  kStar,         // *
  kSlash,        // /
  kPercent,      // %
  kConcat,       // ||
  kEq,           // =
  kEqEq,         // ==
  kNotEq,        // != or <>
  kLt,           // <
  kLtEq,         // <=
  kGt,           // >
  kGtEq,         // >=
  kLParen,       // (
  kRParen,       // )
  kComma,        // ,
  kDot,          // .
  kSemicolon,    // ;
  kColon,        // :
  kDoubleColon,  // ::
  kLBracket,     // [
  kRBracket,     // ]
  kLBrace,       // {
  kRBrace,       // }
  kArrow,        // ->
  kLongArrow,    // ->>
  kFatArrow,     // =>  (TRY ... CATCH E => x, MATCH arms)
  kAmpersand,    // &
  kPipe,         // |
  kShiftLeft,    // <<
  kShiftRight,   // >>
  kTilde,        // ~
};

// A short description for messages and tests: "identifier", "string", "'('".
const char* TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // the source text of the token, as written
  std::string value;      // decoded value (see TokenKind)
  int64_t pos = 0;        // byte offset of the first character in the lexed text
  int64_t end = 0;        // byte offset just past the last character

  bool Is(TokenKind k) const { return kind == k; }
  // True for an unquoted word whose lower-cased spelling is `lower_word`.
  bool IsWord(std::string_view lower_word) const {
    return kind == TokenKind::kIdentifier && value == lower_word;
  }
};

}  // namespace kodiak::sql
