// ParserImpl's rules for type names: the built-in types with their SQL and
// Go-like spellings and parameters (DECIMAL(p,s), VARCHAR(n), DOUBLE
// PRECISION, TIMESTAMP WITH TIME ZONE), LIST<T> / ARRAY<T> / T[], MAP<K,V>,
// STRUCT(...) / STRUCT { ... }, and named types, left to the binder.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sql/parser/parser_impl.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql::parser_internal {

namespace {

// Type names whose `(n)` parameter is accepted and ignored: VARCHAR(255),
// INT(11), VARBINARY(16).
bool IgnoresLengthParameter(TypeId id) {
  return id == TypeId::kText || id == TypeId::kBlob ||
         (id >= TypeId::kInt8 && id <= TypeId::kUInt64);
}

const std::vector<std::string>& TypeNameCandidates() {
  static const std::vector<std::string> kNames = {
      "BOOL",    "BOOLEAN", "TINYINT",   "SMALLINT",    "INT",      "INTEGER", "BIGINT",
      "INT8",    "INT16",   "INT32",     "INT64",       "UINT8",    "UINT16",  "UINT32",
      "UINT64",  "REAL",    "FLOAT",     "DOUBLE",      "FLOAT32",  "FLOAT64", "DECIMAL",
      "NUMERIC", "TEXT",    "VARCHAR",   "STRING",      "CHAR",     "BLOB",    "BYTES",
      "DATE",    "TIME",    "TIMESTAMP", "TIMESTAMPTZ", "INTERVAL", "UUID",    "JSON",
      "LIST",    "MAP",     "STRUCT",
  };
  return kNames;
}

}  // namespace

std::optional<LogicalType> LookupSimpleType(std::string_view w) {
  if (w == "null") return std::nullopt;  // the type of NULL is not written
  LogicalType type;
  if (!ParseTypeName(w, &type)) return std::nullopt;
  return type;
}

// ---------------------------------------------------------------------------
// Types

// `>` closing LIST<...> / MAP<...>; splits a `>>` token in two.
Status ParserImpl::ExpectAngleClose() {
  Token& t = toks_[i_];
  if (t.kind == TokenKind::kShiftRight) {
    t.kind = TokenKind::kGt;
    t.pos += 1;
    t.text = t.text.substr(1);
    last_end_ = t.pos;
    return Status::OK();
  }
  return Expect(TokenKind::kGt, "'>'");
}

Result<TypeName> ParserImpl::ParseTypeName() {
  DepthGuard guard(this);
  if (guard.too_deep()) return TooDeep();
  const int64_t start = Cur().pos;
  KODIAK_ASSIGN_OR_RETURN(TypeName type, ParseBaseType());
  while (Check(TokenKind::kLBracket) && Peek().Is(TokenKind::kRBracket)) {
    Advance();
    Advance();
    if (type.resolved) type.type = LogicalType::List(type.type);
  }
  type.pos = start;
  type.name = std::string(sql_.substr(start, last_end_ - start));
  return type;
}

// One type without its `[]` suffixes; each kind of type has its own
// function, so the frames on the recursive path stay small.
Result<TypeName> ParserImpl::ParseBaseType() {
  const Token& t = Cur();
  if (t.kind == TokenKind::kQuotedIdentifier) {
    Advance();
    TypeName out;  // a named type, spelt exactly
    out.pos = t.pos;
    return out;
  }
  if (t.kind != TokenKind::kIdentifier || IsReservedKeyword(t.value)) {
    return Expected("a type name");
  }
  if (t.value == "list" || t.value == "array") return ParseListType();
  if (t.value == "map") return ParseMapType();
  if (t.value == "struct" || t.value == "row") return ParseStructType();
  return ParseSimpleType();
}

// LIST<T>
Result<TypeName> ParserImpl::ParseListType() {
  TypeName out;
  out.pos = Cur().pos;
  Advance();
  if (!Accept(TokenKind::kLt)) return Expected("'<' and the element type, as in LIST<INT>");
  KODIAK_ASSIGN_OR_RETURN(TypeName child, ParseTypeName());
  KODIAK_RETURN_IF_ERROR(ExpectAngleClose());
  out.resolved = child.resolved;
  if (out.resolved) out.type = LogicalType::List(child.type);
  return out;
}

// MAP<K, V> or MAP(K, V)
Result<TypeName> ParserImpl::ParseMapType() {
  TypeName out;
  out.pos = Cur().pos;
  Advance();
  const bool angle = Check(TokenKind::kLt);
  const Token& open = Cur();
  if (!Accept(TokenKind::kLt) && !Accept(TokenKind::kLParen)) {
    return Expected("'<' and the key and value types, as in MAP<TEXT, INT>");
  }
  KODIAK_ASSIGN_OR_RETURN(TypeName key, ParseTypeName());
  KODIAK_RETURN_IF_ERROR(Expect(TokenKind::kComma, "','"));
  KODIAK_ASSIGN_OR_RETURN(TypeName value, ParseTypeName());
  if (angle) {
    KODIAK_RETURN_IF_ERROR(ExpectAngleClose());
  } else {
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
  }
  out.resolved = key.resolved && value.resolved;
  if (out.resolved) out.type = LogicalType::Map(key.type, value.type);
  return out;
}

// STRUCT(a T, b T), STRUCT(a: T, ...) or STRUCT { a: T, ... }.
Result<TypeName> ParserImpl::ParseStructType() {
  TypeName out;
  out.pos = Cur().pos;
  Advance();
  const Token& open = Cur();
  TokenKind close;
  if (Accept(TokenKind::kLParen)) {
    close = TokenKind::kRParen;
  } else if (Accept(TokenKind::kLBrace)) {
    close = TokenKind::kRBrace;
  } else {
    return Expected("'(' and the fields, as in STRUCT(a INT, b TEXT)");
  }
  std::vector<StructField> fields;
  bool resolved = true;
  while (!Check(close)) {
    const Token& f = Cur();
    if (f.kind != TokenKind::kIdentifier && f.kind != TokenKind::kQuotedIdentifier &&
        f.kind != TokenKind::kString) {
      return Expected("a field name");
    }
    for (const StructField& seen : fields) {
      if (seen.name == f.value) return Error(f, "duplicate field name " + Describe(f));
    }
    Advance();
    Accept(TokenKind::kColon);
    KODIAK_ASSIGN_OR_RETURN(TypeName ft, ParseTypeName());
    resolved = resolved && ft.resolved;
    fields.push_back(StructField{f.value, ft.type});
    if (!Accept(TokenKind::kComma)) break;
  }
  KODIAK_RETURN_IF_ERROR(ExpectClose(close, open));
  if (fields.empty()) return Error(open, "a STRUCT needs at least one field");
  out.resolved = resolved;
  if (resolved) out.type = LogicalType::Struct(std::move(fields));
  return out;
}

// A built-in type name with optional parameters, or a named type.
Result<TypeName> ParserImpl::ParseSimpleType() {
  const Token& t = Cur();
  TypeName out;
  out.pos = t.pos;
  const std::string& w = t.value;
  Advance();
  if (w == "double") {
    AcceptWord("precision");
  } else if (w == "timestamp" || w == "time") {
    if (Cur().IsWord("with") || Cur().IsWord("without")) {
      const bool with = Cur().IsWord("with");
      Advance();
      KODIAK_RETURN_IF_ERROR(ExpectWord("time"));
      KODIAK_RETURN_IF_ERROR(ExpectWord("zone"));
      if (w == "time" && with) return NotSupported(t, "TIME WITH TIME ZONE");
      out.resolved = true;
      out.type = w == "time" ? LogicalType(TypeId::kTime)
                 : with      ? LogicalType(TypeId::kTimestampTz)
                             : LogicalType(TypeId::kTimestamp);
      return out;
    }
  } else if (w == "character" || w == "char") {
    AcceptWord("varying");
  }

  std::optional<LogicalType> simple = LookupSimpleType(w);
  if (!simple) {
    if (Check(TokenKind::kLParen)) {
      return Error(t, "unknown type " + std::string(t.text),
                   DidYouMean(t.text, TypeNameCandidates()));
    }
    return out;  // a named type (CREATE TYPE), resolved by the binder
  }
  out.resolved = true;
  out.type = *simple;
  if (Check(TokenKind::kLParen)) {
    const Token& open = Cur();
    Advance();
    std::vector<int64_t> params;
    do {
      const Token& p = Cur();
      if (!p.Is(TokenKind::kInteger)) return Expected("a number");
      params.push_back(p.value.size() > 9 ? INT64_MAX : std::stoll(p.value));
      Advance();
    } while (Accept(TokenKind::kComma));
    KODIAK_RETURN_IF_ERROR(ExpectClose(TokenKind::kRParen, open));
    if (simple->id() == TypeId::kDecimal) {
      if (params.size() > 2) return Error(open, "DECIMAL takes at most two parameters: (p, s)");
      int64_t p = params[0];
      int64_t s = params.size() > 1 ? params[1] : 0;
      if (p < 1 || p > 38) {
        return Error(open, "DECIMAL precision must be between 1 and 38, not " + std::to_string(p));
      }
      if (s > p) {
        return Error(open, "DECIMAL scale " + std::to_string(s) + " is larger than its precision " +
                               std::to_string(p));
      }
      out.type = LogicalType::Decimal(static_cast<int>(p), static_cast<int>(s));
    } else if (!IgnoresLengthParameter(simple->id()) || params.size() > 1) {
      return Error(open, "type " + Upper(w) + " takes no parameters");
    }
  }
  return out;
}

}  // namespace kodiak::sql::parser_internal
