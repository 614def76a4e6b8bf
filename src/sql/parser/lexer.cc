#include "sql/parser/lexer.h"

#include <string>
#include <utility>

namespace kodiak::sql {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return "end of input";
    case TokenKind::kIdentifier:
      return "identifier";
    case TokenKind::kQuotedIdentifier:
      return "quoted name";
    case TokenKind::kString:
      return "string";
    case TokenKind::kBlobString:
      return "blob literal";
    case TokenKind::kInteger:
      return "integer";
    case TokenKind::kDecimal:
      return "decimal";
    case TokenKind::kFloat:
      return "float";
    case TokenKind::kPlus:
      return "'+'";
    case TokenKind::kMinus:
      return "'-'";
    case TokenKind::kStar:
      return "'*'";
    case TokenKind::kSlash:
      return "'/'";
    case TokenKind::kPercent:
      return "'%'";
    case TokenKind::kConcat:
      return "'||'";
    case TokenKind::kEq:
      return "'='";
    case TokenKind::kEqEq:
      return "'=='";
    case TokenKind::kNotEq:
      return "'<>'";
    case TokenKind::kLt:
      return "'<'";
    case TokenKind::kLtEq:
      return "'<='";
    case TokenKind::kGt:
      return "'>'";
    case TokenKind::kGtEq:
      return "'>='";
    case TokenKind::kLParen:
      return "'('";
    case TokenKind::kRParen:
      return "')'";
    case TokenKind::kComma:
      return "','";
    case TokenKind::kDot:
      return "'.'";
    case TokenKind::kSemicolon:
      return "';'";
    case TokenKind::kColon:
      return "':'";
    case TokenKind::kDoubleColon:
      return "'::'";
    case TokenKind::kLBracket:
      return "'['";
    case TokenKind::kRBracket:
      return "']'";
    case TokenKind::kLBrace:
      return "'{'";
    case TokenKind::kRBrace:
      return "'}'";
    case TokenKind::kArrow:
      return "'->'";
    case TokenKind::kLongArrow:
      return "'->>'";
    case TokenKind::kFatArrow:
      return "'=>'";
    case TokenKind::kAmpersand:
      return "'&'";
    case TokenKind::kPipe:
      return "'|'";
    case TokenKind::kShiftLeft:
      return "'<<'";
    case TokenKind::kShiftRight:
      return "'>>'";
    case TokenKind::kTilde:
      return "'~'";
  }
  return "token";
}

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Bytes >= 0x80 (UTF-8 sequences) may appear in names: `café` is one word.
bool IsWordStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsWordChar(char c) { return IsWordStart(c) || IsDigit(c) || c == '$'; }
int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Token Lexer::Make(TokenKind kind, size_t start, size_t end) const {
  Token t;
  t.kind = kind;
  t.text = text_.substr(start, end - start);
  t.pos = static_cast<int64_t>(start);
  t.end = static_cast<int64_t>(end);
  return t;
}

Status Lexer::Fail(std::string message, size_t pos, size_t resume_at, std::string hint) {
  pos_ = resume_at;
  return Status::SyntaxError(std::move(message), static_cast<int64_t>(pos), std::move(hint));
}

Status Lexer::SkipSpaceAndComments() {
  const size_t n = text_.size();
  while (pos_ < n) {
    char c = text_[pos_];
    if (IsSpace(c)) {
      ++pos_;
    } else if (c == '-' && pos_ + 1 < n && text_[pos_ + 1] == '-') {
      while (pos_ < n && text_[pos_] != '\n') ++pos_;
    } else if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '*') {
      size_t close = text_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) {
        incomplete_ = true;
        return Fail("unterminated /* comment", pos_, n, "a block comment ends with */");
      }
      pos_ = close + 2;
    } else {
      break;
    }
  }
  return Status::OK();
}

Result<Token> Lexer::Next() {
  incomplete_ = false;
  KODIAK_RETURN_IF_ERROR(SkipSpaceAndComments());
  const size_t n = text_.size();
  if (pos_ >= n) return Make(TokenKind::kEnd, n, n);

  const size_t start = pos_;
  const char c = text_[start];
  const char c1 = start + 1 < n ? text_[start + 1] : '\0';
  const char c2 = start + 2 < n ? text_[start + 2] : '\0';

  if ((c == 'x' || c == 'X') && c1 == '\'') return LexBlob(start);
  if (IsWordStart(c)) return LexWord(start);
  if (IsDigit(c) || (c == '.' && IsDigit(c1) && !(start > 0 && text_[start - 1] == '.'))) return LexNumber(start);
  if (c == '\'' || c == '"') return LexQuoted(start, c, TokenKind::kString);
  if (c == '`') return LexQuoted(start, c, TokenKind::kQuotedIdentifier);

  auto op = [&](TokenKind kind, size_t len) -> Result<Token> {
    pos_ = start + len;
    return Make(kind, start, pos_);
  };
  switch (c) {
    case '+':
      return op(TokenKind::kPlus, 1);
    case '-':
      if (c1 == '>' && c2 == '>') return op(TokenKind::kLongArrow, 3);
      if (c1 == '>') return op(TokenKind::kArrow, 2);
      return op(TokenKind::kMinus, 1);
    case '*':
      return op(TokenKind::kStar, 1);
    case '/':
      return op(TokenKind::kSlash, 1);
    case '%':
      return op(TokenKind::kPercent, 1);
    case '|':
      if (c1 == '|') return op(TokenKind::kConcat, 2);
      return op(TokenKind::kPipe, 1);
    case '=':
      if (c1 == '=') return op(TokenKind::kEqEq, 2);
      if (c1 == '>') return op(TokenKind::kFatArrow, 2);
      return op(TokenKind::kEq, 1);
    case '!':
      if (c1 == '=') return op(TokenKind::kNotEq, 2);
      break;
    case '<':
      if (c1 == '=') return op(TokenKind::kLtEq, 2);
      if (c1 == '>') return op(TokenKind::kNotEq, 2);
      if (c1 == '<') return op(TokenKind::kShiftLeft, 2);
      return op(TokenKind::kLt, 1);
    case '>':
      if (c1 == '=') return op(TokenKind::kGtEq, 2);
      if (c1 == '>') return op(TokenKind::kShiftRight, 2);
      return op(TokenKind::kGt, 1);
    case '(':
      return op(TokenKind::kLParen, 1);
    case ')':
      return op(TokenKind::kRParen, 1);
    case ',':
      return op(TokenKind::kComma, 1);
    case '.':
      return op(TokenKind::kDot, 1);
    case ';':
      return op(TokenKind::kSemicolon, 1);
    case ':':
      if (c1 == ':') return op(TokenKind::kDoubleColon, 2);
      return op(TokenKind::kColon, 1);
    case '[':
      return op(TokenKind::kLBracket, 1);
    case ']':
      return op(TokenKind::kRBracket, 1);
    case '{':
      return op(TokenKind::kLBrace, 1);
    case '}':
      return op(TokenKind::kRBrace, 1);
    case '&':
      return op(TokenKind::kAmpersand, 1);
    case '~':
      return op(TokenKind::kTilde, 1);
    default:
      break;
  }

  // Not a token. Step over one whole UTF-8 character so the message shows it.
  size_t len = 1;
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0xC0) {
    while (start + len < n && (static_cast<unsigned char>(text_[start + len]) & 0xC0) == 0x80)
      ++len;
  }
  std::string hint;
  if (c == '?' || c == '$') hint = "use {name} to read a session variable";
  return Fail("unexpected character '" + std::string(text_.substr(start, len)) + "'", start,
              start + len, std::move(hint));
}

Result<Token> Lexer::LexWord(size_t start) {
  size_t end = start;
  while (end < text_.size() && IsWordChar(text_[end])) ++end;
  pos_ = end;
  Token t = Make(TokenKind::kIdentifier, start, end);
  t.value.assign(t.text);
  for (char& ch : t.value) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return t;
}

Result<Token> Lexer::LexNumber(size_t start) {
  const size_t n = text_.size();
  size_t p = start;
  TokenKind kind = TokenKind::kInteger;
  while (p < n && IsDigit(text_[p])) ++p;
  // `1..5` (a MATCH range) is 1, '.', '.', 5: a '.' followed by '.' ends the number.
  if (p < n && text_[p] == '.' && !(p + 1 < n && text_[p + 1] == '.')) {
    kind = TokenKind::kDecimal;
    ++p;
    while (p < n && IsDigit(text_[p])) ++p;
  }
  if (p < n && (text_[p] == 'e' || text_[p] == 'E')) {
    size_t q = p + 1;
    if (q < n && (text_[q] == '+' || text_[q] == '-')) ++q;
    if (q < n && IsDigit(text_[q])) {
      while (q < n && IsDigit(text_[q])) ++q;
      kind = TokenKind::kFloat;
      p = q;
    }
  }
  if (p < n && IsWordChar(text_[p])) {
    // 12abc, 1e, 1.2x: one bad token, not a number and a name.
    size_t end = p;
    while (end < n && (IsWordChar(text_[end]) || text_[end] == '.')) ++end;
    return Fail("invalid number '" + std::string(text_.substr(start, end - start)) + "'", start,
                end);
  }
  pos_ = p;
  Token t = Make(kind, start, p);
  t.value.assign(t.text);
  return t;
}

Result<Token> Lexer::LexQuoted(size_t start, char quote, TokenKind kind) {
  const size_t n = text_.size();
  std::string value;
  size_t p = start + 1;
  while (true) {
    if (p >= n) {
      incomplete_ = true;
      if (kind == TokenKind::kQuotedIdentifier) {
        return Fail("unterminated quoted name", start, n, "a quoted name ends with a matching `");
      }
      std::string q(1, quote);
      return Fail(
          "unterminated string", start, n,
          "a string ends with a matching " + q + "; write " + q + q + " for a " + q + " inside it");
    }
    char ch = text_[p];
    if (ch == quote) {
      if (p + 1 < n && text_[p + 1] == quote) {
        value.push_back(quote);
        p += 2;
        continue;
      }
      ++p;
      break;
    }
    value.push_back(ch);
    ++p;
  }
  if (kind == TokenKind::kQuotedIdentifier && value.empty()) {
    return Fail("empty quoted name", start, p);
  }
  pos_ = p;
  Token t = Make(kind, start, p);
  t.value = std::move(value);
  return t;
}

Result<Token> Lexer::LexBlob(size_t start) {
  // X'...' : start points at the X, start + 1 at the quote.
  KODIAK_ASSIGN_OR_RETURN(Token s, LexQuoted(start + 1, '\'', TokenKind::kString));
  const std::string& hex = s.value;
  if (hex.size() % 2 != 0) {
    return Fail("invalid blob literal: an odd number of hex digits", start, pos_);
  }
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexDigit(hex[i]), lo = HexDigit(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      return Fail("invalid blob literal: '" + hex.substr(i, 2) + "' is not a hex byte", start,
                  pos_);
    }
    bytes.push_back(static_cast<char>(hi * 16 + lo));
  }
  Token t = Make(TokenKind::kBlobString, start, pos_);
  t.value = std::move(bytes);
  return t;
}

Result<std::vector<Token>> Lexer::Tokenize(std::string_view text) {
  Lexer lexer(text);
  std::vector<Token> tokens;
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(Token t, lexer.Next());
    bool end = t.kind == TokenKind::kEnd;
    tokens.push_back(std::move(t));
    if (end) break;
  }
  return tokens;
}

}  // namespace kodiak::sql
