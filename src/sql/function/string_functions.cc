// String functions beyond the core ones of scalar_function.cc: split,
// split_part, concat_ws, left, right, lpad, rpad, repeat, reverse,
// position/strpos/instr, starts_with, ends_with, contains, ascii, chr,
// initcap, octet_length, char_length, and trim/ltrim/rtrim with a set of
// characters. Positions and lengths count UTF-8 characters.
#include <string>

#include "sql/function/function_registry.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
const LogicalType text = TypeId::kText, i64 = TypeId::kInt64, b = TypeId::kBool;

// Splits UTF-8 text into characters (each a byte range).
std::vector<std::string_view> Chars(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) j++;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Join(const std::vector<std::string_view>& parts, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < parts.size(); i++) out.append(parts[i]);
  return out;
}

Result<Value> Split(const V& a, const LogicalType& t) {
  const std::string& s = a[0].str_value();
  const std::string& sep = a[1].str_value();
  std::vector<Value> parts;
  if (sep.empty()) {
    for (auto c : Chars(s)) parts.push_back(Value::Text(std::string(c)));
  } else {
    size_t start = 0;
    while (true) {
      size_t at = s.find(sep, start);
      parts.push_back(Value::Text(s.substr(start, at == std::string::npos ? std::string::npos : at - start)));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
  }
  return Value::Nested(t, std::move(parts));
}

Result<Value> SplitPart(const V& a, const LogicalType&) {
  const std::string& s = a[0].str_value();
  const std::string& sep = a[1].str_value();
  int64_t k = a[2].int_value();
  if (k == 0) return Status::OutOfRange("split_part() counts parts from 1 (or -1 from the end), not 0");
  std::vector<std::string> parts;
  if (sep.empty()) {
    parts.push_back(s);
  } else {
    size_t start = 0;
    while (true) {
      size_t at = s.find(sep, start);
      parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
  }
  int64_t idx = k > 0 ? k - 1 : static_cast<int64_t>(parts.size()) + k;
  if (idx < 0 || idx >= static_cast<int64_t>(parts.size())) return Value::Text("");
  return Value::Text(parts[static_cast<size_t>(idx)]);
}

Result<VectorPtr> ExecConcatWs(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  VectorBuilder b(TypeId::kText, n);
  for (int64_t i = 0; i < n; i++) {
    if (a[0]->IsNull(i)) {
      b.AppendNull();
      continue;
    }
    std::string sep(a[0]->GetString(i)), out;
    bool first = true;
    for (size_t k = 1; k < a.size(); k++) {
      if (a[k]->IsNull(i)) continue;
      if (!first) out += sep;
      out.append(a[k]->GetString(i));
      first = false;
    }
    b.AppendString(out);
  }
  return b.Finish();
}

Result<Value> Left(const V& a, const LogicalType&) {
  auto c = Chars(a[0].str_value());
  int64_t k = a[1].int_value();
  size_t take = k >= 0 ? static_cast<size_t>(std::min<int64_t>(k, static_cast<int64_t>(c.size())))
                       : static_cast<size_t>(std::max<int64_t>(0, static_cast<int64_t>(c.size()) + k));
  return Value::Text(Join(c, 0, take));
}

Result<Value> Right(const V& a, const LogicalType&) {
  auto c = Chars(a[0].str_value());
  int64_t k = a[1].int_value();
  size_t take = k >= 0 ? static_cast<size_t>(std::min<int64_t>(k, static_cast<int64_t>(c.size())))
                       : static_cast<size_t>(std::max<int64_t>(0, static_cast<int64_t>(c.size()) + k));
  return Value::Text(Join(c, c.size() - take, c.size()));
}

template <bool kLeft>
Result<Value> Pad(const V& a, const LogicalType&) {
  auto c = Chars(a[0].str_value());
  int64_t len = a[1].int_value();
  if (len < 0) len = 0;
  if (len > (int64_t{1} << 28)) return Status::OutOfRange("pad length too large");
  std::string fill = a.size() > 2 ? a[2].str_value() : " ";
  if (static_cast<size_t>(len) <= c.size()) return Value::Text(Join(c, 0, static_cast<size_t>(len)));
  auto f = Chars(fill);
  if (f.empty()) return Value::Text(Join(c, 0, c.size()));
  std::string pad;
  for (size_t i = 0; i < static_cast<size_t>(len) - c.size(); i++) pad.append(f[i % f.size()]);
  std::string body = Join(c, 0, c.size());
  return Value::Text(kLeft ? pad + body : body + pad);
}

Result<Value> Repeat(const V& a, const LogicalType&) {
  int64_t k = a[1].int_value();
  const std::string& s = a[0].str_value();
  if (k <= 0) return Value::Text("");
  if (static_cast<double>(s.size()) * static_cast<double>(k) > (1 << 28)) {
    return Status::OutOfRange("repeat() would make a text of more than 256 MiB");
  }
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(k));
  for (int64_t i = 0; i < k; i++) out += s;
  return Value::Text(std::move(out));
}

Result<Value> Reverse(const V& a, const LogicalType&) {
  auto c = Chars(a[0].str_value());
  std::string out;
  for (size_t i = c.size(); i-- > 0;) out.append(c[i]);
  return Value::Text(std::move(out));
}

// position(needle IN haystack) is strpos(haystack, needle): 1-based, 0 when absent.
Result<Value> StrPos(const V& a, const LogicalType&) {
  const std::string& s = a[0].str_value();
  size_t at = s.find(a[1].str_value());
  if (at == std::string::npos) return Value::Int64(0);
  return Value::Int64(static_cast<int64_t>(Chars(std::string_view(s).substr(0, at)).size()) + 1);
}

Result<Value> StartsWith(const V& a, const LogicalType&) {
  return Value::Bool(a[0].str_value().rfind(a[1].str_value(), 0) == 0);
}
Result<Value> EndsWith(const V& a, const LogicalType&) {
  const std::string &s = a[0].str_value(), &x = a[1].str_value();
  return Value::Bool(s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0);
}
Result<Value> Contains(const V& a, const LogicalType&) {
  return Value::Bool(a[0].str_value().find(a[1].str_value()) != std::string::npos);
}

Result<Value> Ascii(const V& a, const LogicalType&) {
  const std::string& s = a[0].str_value();
  if (s.empty()) return Value::Int64(0);
  // The code point of the first character.
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return Value::Int64(c);
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len && static_cast<size_t>(k) < s.size(); k++) cp = (cp << 6) | (s[k] & 0x3F);
  return Value::Int64(cp);
}

Result<Value> Chr(const V& a, const LogicalType&) {
  int64_t cp = a[0].int_value();
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return Status::OutOfRange("chr() needs a Unicode code point, not " + std::to_string(cp));
  }
  std::string out;
  auto u = static_cast<uint32_t>(cp);
  if (u < 0x80) {
    out.push_back(static_cast<char>(u));
  } else if (u < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (u >> 6)));
    out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else if (u < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (u >> 12)));
    out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (u >> 18)));
    out.push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
  }
  return Value::Text(std::move(out));
}

Result<Value> InitCap(const V& a, const LogicalType&) {
  std::string s = a[0].str_value();
  bool start = true;
  for (char& ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool alnum = std::isalnum(c) != 0;
    if (c < 0x80) ch = static_cast<char>(start ? std::toupper(c) : std::tolower(c));
    start = !alnum && c < 0x80;
  }
  return Value::Text(std::move(s));
}

Result<Value> OctetLength(const V& a, const LogicalType&) { return Value::Int64(static_cast<int64_t>(a[0].str_value().size())); }
Result<Value> CharLength(const V& a, const LogicalType&) {
  return Value::Int64(static_cast<int64_t>(Chars(a[0].str_value()).size()));
}

template <bool kLeft, bool kRight>
Result<Value> TrimSet(const V& a, const LogicalType&) {
  auto c = Chars(a[0].str_value());
  std::string set = a.size() > 1 ? a[1].str_value() : " ";
  auto in_set = [&](std::string_view ch) { return set.find(ch) != std::string::npos; };
  size_t from = 0, to = c.size();
  while (kLeft && from < to && in_set(c[from])) from++;
  while (kRight && to > from && in_set(c[to - 1])) to--;
  return Value::Text(Join(c, from, to));
}

}  // namespace

void RegisterStringFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
  add({"split", 2, 2, KODIAK_FIXED_BIND("split", {text, text}, LogicalType::List(text)), RowWise<Split>,
       "split(TEXT, separator) -> LIST<TEXT>"});
  add({"string_split", 2, 2, KODIAK_FIXED_BIND("string_split", {text, text}, LogicalType::List(text)), RowWise<Split>,
       "string_split(TEXT, separator) -> LIST<TEXT>"});
  add({"str_split", 2, 2, KODIAK_FIXED_BIND("str_split", {text, text}, LogicalType::List(text)), RowWise<Split>,
       "str_split(TEXT, separator) -> LIST<TEXT>"});
  add({"split_part", 3, 3, KODIAK_FIXED_BIND("split_part", {text, text, i64}, text), RowWise<SplitPart>,
       "split_part(TEXT, separator, n) -> TEXT"});
  add({"concat_ws", 2, -1, KODIAK_FIXED_BIND("concat_ws", {text}, text), ExecConcatWs,
       "concat_ws(separator, TEXT, ...) -> TEXT"});
  add({"left", 2, 2, KODIAK_FIXED_BIND("left", {text, i64}, text), RowWise<Left>, "left(TEXT, n) -> TEXT"});
  add({"right", 2, 2, KODIAK_FIXED_BIND("right", {text, i64}, text), RowWise<Right>, "right(TEXT, n) -> TEXT"});
  add({"lpad", 2, 3, KODIAK_FIXED_BIND("lpad", {text, i64, text}, text), RowWise<Pad<true>>,
       "lpad(TEXT, length[, fill]) -> TEXT"});
  add({"rpad", 2, 3, KODIAK_FIXED_BIND("rpad", {text, i64, text}, text), RowWise<Pad<false>>,
       "rpad(TEXT, length[, fill]) -> TEXT"});
  add({"repeat", 2, 2, KODIAK_FIXED_BIND("repeat", {text, i64}, text), RowWise<Repeat>, "repeat(TEXT, n) -> TEXT"});
  add({"reverse", 1, 1, KODIAK_FIXED_BIND("reverse", {text}, text), RowWise<Reverse>, "reverse(TEXT) -> TEXT"});
  add({"strpos", 2, 2, KODIAK_FIXED_BIND("strpos", {text, text}, i64), RowWise<StrPos>,
       "strpos(TEXT, needle) -> INT64"});
  add({"instr", 2, 2, KODIAK_FIXED_BIND("instr", {text, text}, i64), RowWise<StrPos>, "instr(TEXT, needle) -> INT64"});
  add({"position", 2, 2, KODIAK_FIXED_BIND("position", {text, text}, i64), RowWise<StrPos>,
       "position(TEXT, needle) -> INT64"});
  add({"starts_with", 2, 2, KODIAK_FIXED_BIND("starts_with", {text, text}, b), RowWise<StartsWith>,
       "starts_with(TEXT, prefix) -> BOOL"});
  add({"ends_with", 2, 2, KODIAK_FIXED_BIND("ends_with", {text, text}, b), RowWise<EndsWith>,
       "ends_with(TEXT, suffix) -> BOOL"});
  add({"contains", 2, 2, KODIAK_FIXED_BIND("contains", {text, text}, b), RowWise<Contains>,
       "contains(TEXT, part) -> BOOL"});
  add({"ascii", 1, 1, KODIAK_FIXED_BIND("ascii", {text}, i64), RowWise<Ascii>, "ascii(TEXT) -> INT64"});
  add({"chr", 1, 1, KODIAK_FIXED_BIND("chr", {i64}, text), RowWise<Chr>, "chr(code point) -> TEXT"});
  add({"initcap", 1, 1, KODIAK_FIXED_BIND("initcap", {text}, text), RowWise<InitCap>, "initcap(TEXT) -> TEXT"});
  add({"octet_length", 1, 1, KODIAK_FIXED_BIND("octet_length", {text}, i64), RowWise<OctetLength>,
       "octet_length(TEXT) -> INT64"});
  add({"char_length", 1, 1, KODIAK_FIXED_BIND("char_length", {text}, i64), RowWise<CharLength>,
       "char_length(TEXT) -> INT64"});
  add({"trim", 1, 2, KODIAK_FIXED_BIND("trim", {text, text}, text), RowWise<TrimSet<true, true>>,
       "trim(TEXT[, characters]) -> TEXT"});
  add({"ltrim", 1, 2, KODIAK_FIXED_BIND("ltrim", {text, text}, text), RowWise<TrimSet<true, false>>,
       "ltrim(TEXT[, characters]) -> TEXT"});
  add({"rtrim", 1, 2, KODIAK_FIXED_BIND("rtrim", {text, text}, text), RowWise<TrimSet<false, true>>,
       "rtrim(TEXT[, characters]) -> TEXT"});
}

}  // namespace kodiak::sql
