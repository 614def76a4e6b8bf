#include "sql/function/scalar_function.h"

#include <cctype>
#include <clocale>
#include <cwctype>
#include <locale.h>
#include <cmath>
#include <map>

#include "columnar/vector_ops.h"
#include "sql/function/function_registry.h"
#include "types/numeric.h"

namespace kodiak::sql {

bool CommonType(const LogicalType& a, const LogicalType& b, LogicalType* out) {
  if (a == b) {
    *out = a;
    return true;
  }
  if (a.id() == TypeId::kNull) {
    *out = b;
    return true;
  }
  if (b.id() == TypeId::kNull) {
    *out = a;
    return true;
  }
  bool an = a.IsNumeric(), bn = b.IsNumeric();
  if (an && bn) {
    if (a.IsFloat() || b.IsFloat()) {
      *out = TypeId::kFloat64;
    } else if (a.id() == TypeId::kDecimal || b.id() == TypeId::kDecimal) {
      auto digits = [](const LogicalType& t, int* p, int* s) {
        if (t.id() == TypeId::kDecimal) {
          *p = t.precision();
          *s = t.scale();
        } else {
          *p = t.id() == TypeId::kUInt64 ? 20 : 19;
          *s = 0;
        }
      };
      int p1, s1, p2, s2;
      digits(a, &p1, &s1);
      digits(b, &p2, &s2);
      int s = std::max(s1, s2);
      int p = std::max(p1 - s1, p2 - s2) + s;
      if (p > 38) *out = TypeId::kFloat64;
      else *out = LogicalType::Decimal(p, s);
    } else if (a.id() == TypeId::kUInt64 && b.id() == TypeId::kUInt64) {
      *out = TypeId::kUInt64;
    } else if ((a.id() == TypeId::kUInt64) != (b.id() == TypeId::kUInt64)) {
      *out = LogicalType::Decimal(20, 0);
    } else {
      *out = TypeId::kInt64;
    }
    return true;
  }
  auto temporal_rank = [](TypeId id) {
    return id == TypeId::kDate ? 1 : (id == TypeId::kTimestamp ? 2 : (id == TypeId::kTimestampTz ? 3 : 0));
  };
  int ra = temporal_rank(a.id()), rb = temporal_rank(b.id());
  if (ra && rb) {
    *out = ra > rb ? a : b;
    return true;
  }
  if ((a.id() == TypeId::kText && b.id() == TypeId::kJson) || (a.id() == TypeId::kJson && b.id() == TypeId::kText)) {
    *out = TypeId::kText;
    return true;
  }
  if (a.id() == TypeId::kList && b.id() == TypeId::kList) {
    LogicalType child;
    if (!CommonType(a.child(), b.child(), &child)) return false;
    *out = LogicalType::List(child);
    return true;
  }
  return false;
}

namespace {

Status Fail(const std::string& fn, const std::vector<LogicalType>& args, const std::string& expected) {
  std::string got;
  for (size_t i = 0; i < args.size(); i++) got += (i ? ", " : "") + args[i].ToString();
  return Status::TypeError("no function " + fn + "(" + got + "); expected " + expected);
}

// --- string kernels: one typed loop over the rows -----------------------

template <typename F>
VectorPtr MapStrings(const Vector& in, int64_t n, F&& f) {
  VectorBuilder b(TypeId::kText, n);
  std::string scratch;
  for (int64_t i = 0; i < n; i++) {
    if (in.IsNull(i)) {
      b.AppendNull();
      continue;
    }
    scratch.clear();
    f(in.GetString(i), &scratch);
    b.AppendString(scratch);
  }
  return b.Finish();
}

Status BindText1(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  if (args[0].id() != TypeId::kText && args[0].id() != TypeId::kNull && args[0].id() != TypeId::kJson)
    return Fail("", args, "TEXT");
  *types = {TypeId::kText};
  *result = TypeId::kText;
  return Status::OK();
}

// Unicode case mapping through the C library's C.UTF-8 tables; ASCII takes a
// fast path. Invalid UTF-8 bytes are copied unchanged.
locale_t Utf8Locale() {
  static locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return loc;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

template <bool kUpper>
void MapCase(std::string_view s, std::string* out) {
  locale_t loc = Utf8Locale();
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(kUpper ? std::toupper(c) : std::tolower(c)));
      i++;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + static_cast<size_t>(len) <= s.size();
    uint32_t cp = ok ? (c & (0x7F >> len)) : 0;
    for (int k = 1; ok && k < len; k++) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok || !loc) {
      out->push_back(s[i]);
      i++;
      continue;
    }
    wint_t mapped = kUpper ? towupper_l(static_cast<wint_t>(cp), loc) : towlower_l(static_cast<wint_t>(cp), loc);
    AppendUtf8(static_cast<uint32_t>(mapped), out);
    i += static_cast<size_t>(len);
  }
}

Result<VectorPtr> ExecLower(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  return MapStrings(*a[0], n, MapCase<false>);
}

Result<VectorPtr> ExecUpper(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  return MapStrings(*a[0], n, MapCase<true>);
}

std::string_view TrimChars(std::string_view s, bool left, bool right) {
  while (left && !s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (right && !s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

Result<VectorPtr> ExecTrim(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  return MapStrings(*a[0], n, [](std::string_view s, std::string* out) { out->append(TrimChars(s, true, true)); });
}
Result<VectorPtr> ExecLTrim(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  return MapStrings(*a[0], n, [](std::string_view s, std::string* out) { out->append(TrimChars(s, true, false)); });
}
Result<VectorPtr> ExecRTrim(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  return MapStrings(*a[0], n, [](std::string_view s, std::string* out) { out->append(TrimChars(s, false, true)); });
}

// Number of UTF-8 code points.
int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte offset of code point `cp` (clamped to the end).
size_t Utf8Offset(std::string_view s, int64_t cp) {
  size_t i = 0;
  while (i < s.size() && cp > 0) {
    i++;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) i++;
    cp--;
  }
  return i;
}

Status BindLength(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  TypeId id = args[0].id();
  if (id == TypeId::kBlob) *types = {TypeId::kBlob};
  else if (id == TypeId::kList) *types = {args[0]};
  else *types = {TypeId::kText};
  *result = TypeId::kInt64;
  return Status::OK();
}

Result<VectorPtr> ExecLength(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  const Vector& in = *a[0];
  auto out = std::make_shared<Vector>(TypeId::kInt64, n);
  int64_t* d = out->data<int64_t>();
  TypeId id = in.type().id();
  for (int64_t i = 0; i < n; i++) {
    if (in.IsNull(i)) continue;
    if (id == TypeId::kList) d[i] = in.offsets()[i + 1] - in.offsets()[i];
    else if (id == TypeId::kBlob) d[i] = static_cast<int64_t>(in.GetString(i).size());
    else d[i] = Utf8Length(in.GetString(i));
  }
  out->set_validity(in.shared_validity());
  return out;
}

Status BindSubstr(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  for (size_t i = 1; i < args.size(); i++) {
    if (!args[i].IsInteger() && args[i].id() != TypeId::kNull) return Fail("substr", args, "substr(TEXT, INT64[, INT64])");
  }
  *types = {TypeId::kText, TypeId::kInt64};
  if (args.size() == 3) types->push_back(TypeId::kInt64);
  *result = TypeId::kText;
  return Status::OK();
}

// SQL substr: 1-based start; a start <= 0 eats into the length (as SQLite/PG).
Result<VectorPtr> ExecSubstr(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  VectorBuilder b(TypeId::kText, n);
  for (int64_t i = 0; i < n; i++) {
    bool null = false;
    for (const auto& v : a) null |= v->IsNull(i);
    if (null) {
      b.AppendNull();
      continue;
    }
    std::string_view s = a[0]->GetString(i);
    int64_t start = a[1]->data<int64_t>()[i];
    int64_t len = a.size() > 2 ? a[2]->data<int64_t>()[i] : INT64_MAX / 2;
    if (len < 0) {
      b.AppendString("");
      continue;
    }
    int64_t end = start + len;  // exclusive, 1-based
    if (start < 1) start = 1;
    if (end <= start) {
      b.AppendString("");
      continue;
    }
    size_t from = Utf8Offset(s, start - 1);
    size_t to = Utf8Offset(s, end - 1);
    b.AppendString(s.substr(from, to - from));
  }
  return b.Finish();
}

Status BindReplace(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  *types = {TypeId::kText, TypeId::kText, TypeId::kText};
  *result = TypeId::kText;
  return Status::OK();
}

Result<VectorPtr> ExecReplace(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  VectorBuilder b(TypeId::kText, n);
  std::string out;
  for (int64_t i = 0; i < n; i++) {
    if (a[0]->IsNull(i) || a[1]->IsNull(i) || a[2]->IsNull(i)) {
      b.AppendNull();
      continue;
    }
    std::string_view s = a[0]->GetString(i), from = a[1]->GetString(i), to = a[2]->GetString(i);
    out.clear();
    if (from.empty()) {
      out.assign(s);
    } else {
      size_t pos = 0;
      while (true) {
        size_t hit = s.find(from, pos);
        if (hit == std::string_view::npos) break;
        out.append(s.substr(pos, hit - pos));
        out.append(to);
        pos = hit + from.size();
      }
      out.append(s.substr(pos));
    }
    b.AppendString(out);
  }
  return b.Finish();
}

Status BindConcat(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  types->assign(args.size(), TypeId::kText);
  *result = TypeId::kText;
  return Status::OK();
}

// concat() skips NULLs (as PostgreSQL and DuckDB).
Result<VectorPtr> ExecConcat(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  VectorBuilder b(TypeId::kText, n);
  std::string out;
  for (int64_t i = 0; i < n; i++) {
    out.clear();
    for (const auto& v : a) {
      if (v->IsValid(i)) out.append(v->GetString(i));
    }
    b.AppendString(out);
  }
  return b.Finish();
}

// --- numeric kernels -----------------------------------------------------

Status BindAbs(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  const LogicalType& t = args[0];
  if (t.id() == TypeId::kNull) *result = TypeId::kInt64;
  else if (t.IsInteger()) *result = TypeId::kInt64;
  else if (t.IsFloat()) *result = TypeId::kFloat64;
  else if (t.id() == TypeId::kDecimal) *result = t;
  else return Fail("abs", args, "a number");
  *types = {*result};
  return Status::OK();
}

Result<VectorPtr> ExecAbs(const std::vector<VectorPtr>& a, int64_t n, const LogicalType& result) {
  auto out = std::make_shared<Vector>(result, n);
  const Vector& in = *a[0];
  switch (result.id()) {
    case TypeId::kInt64:
      for (int64_t i = 0; i < n; i++) {
        int64_t v = in.data<int64_t>()[i];
        if (v == INT64_MIN && in.IsValid(i)) return Status::OutOfRange("integer overflow in abs()");
        out->data<int64_t>()[i] = v < 0 ? -v : v;
      }
      break;
    case TypeId::kFloat64:
      for (int64_t i = 0; i < n; i++) out->data<double>()[i] = std::fabs(in.data<double>()[i]);
      break;
    default:
      for (int64_t i = 0; i < n; i++) {
        int128_t v = in.data<int128_t>()[i];
        out->data<int128_t>()[i] = v < 0 ? -v : v;
      }
  }
  out->set_validity(in.shared_validity());
  return out;
}

Status BindRound(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  if (!args[0].IsNumeric() && args[0].id() != TypeId::kNull) return Fail("round", args, "round(number[, INT64])");
  *types = {TypeId::kFloat64};
  if (args.size() == 2) types->push_back(TypeId::kInt64);
  *result = TypeId::kFloat64;
  return Status::OK();
}

Result<VectorPtr> ExecRound(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  auto out = std::make_shared<Vector>(TypeId::kFloat64, n);
  for (int64_t i = 0; i < n; i++) {
    if (a[0]->IsNull(i) || (a.size() > 1 && a[1]->IsNull(i))) {
      out->SetNull(i);
      continue;
    }
    double v = a[0]->data<double>()[i];
    int64_t digits = a.size() > 1 ? a[1]->data<int64_t>()[i] : 0;
    double scale = std::pow(10.0, static_cast<double>(digits));
    out->data<double>()[i] = std::round(v * scale) / scale;
  }
  return out;
}

// --- NULL handling -------------------------------------------------------

Status BindCoalesce(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  LogicalType common = args[0];
  for (size_t i = 1; i < args.size(); i++) {
    if (!CommonType(common, args[i], &common)) return Fail("coalesce", args, "arguments of one type");
  }
  types->assign(args.size(), common);
  *result = common;
  return Status::OK();
}

Result<VectorPtr> ExecCoalesce(const std::vector<VectorPtr>& a, int64_t n, const LogicalType& result) {
  std::vector<int32_t> which(static_cast<size_t>(n), -1);
  for (int64_t i = 0; i < n; i++) {
    for (size_t k = 0; k < a.size(); k++) {
      if (a[k]->IsValid(i)) {
        which[i] = static_cast<int32_t>(k);
        break;
      }
    }
  }
  std::vector<const Vector*> sources;
  for (const auto& v : a) sources.push_back(v.get());
  return SelectFrom(result, sources, which.data(), n);
}

Status BindNullIf(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  LogicalType common;
  if (!CommonType(args[0], args[1], &common)) return Fail("nullif", args, "two values of one type");
  *types = {common, common};
  *result = common;
  return Status::OK();
}

Result<VectorPtr> ExecNullIf(const std::vector<VectorPtr>& a, int64_t n, const LogicalType& result) {
  std::vector<int32_t> which(static_cast<size_t>(n), 0);
  for (int64_t i = 0; i < n; i++) {
    if (a[0]->IsValid(i) && a[1]->IsValid(i) && a[0]->GetValue(i).Compare(a[1]->GetValue(i)) == 0) which[i] = -1;
  }
  return SelectFrom(result, {a[0].get()}, which.data(), n);
}

Status BindTypeof(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  *types = args;
  *result = TypeId::kText;
  return Status::OK();
}

Result<VectorPtr> ExecTypeof(const std::vector<VectorPtr>& a, int64_t n, const LogicalType&) {
  return MakeConstantVector(TypeId::kText, Value::Text(a[0]->type().ToString()), n);
}

}  // namespace

Status BindFixed(const std::string& name, const std::vector<LogicalType>& args, const std::vector<LogicalType>& types,
                 const LogicalType& result, std::vector<LogicalType>* arg_types, LogicalType* out) {
  arg_types->clear();
  for (size_t i = 0; i < args.size(); i++) {
    const LogicalType& want = types.empty() ? args[i] : types[std::min(i, types.size() - 1)];
    const TypeId have = args[i].id();
    // TEXT converts to the type wanted (a literal '2024-01-01' to a TIMESTAMP);
    // the conversion is checked when it runs.
    bool ok = have == TypeId::kNull || have == TypeId::kText || args[i] == want ||
              (want.IsNumeric() && args[i].IsNumeric()) ||
              (want.id() == TypeId::kText && (have == TypeId::kJson)) ||
              (want.id() == TypeId::kJson && have == TypeId::kText) ||
              (want.id() == TypeId::kTimestamp && (have == TypeId::kDate || have == TypeId::kTimestampTz)) ||
              (want.id() == TypeId::kList && have == TypeId::kList) || want.id() == TypeId::kNull;
    if (!ok) {
      std::string expected;
      for (size_t k = 0; k < types.size(); k++) expected += (k ? ", " : "") + types[k].ToString();
      return Fail(name, args, name + "(" + expected + ")");
    }
    arg_types->push_back(want.id() == TypeId::kNull || want.id() == TypeId::kList ? args[i] : want);
  }
  *out = result;
  return Status::OK();
}

namespace {

const std::map<std::string, ScalarFunction, std::less<>>& Registry() {
  static const auto* kRegistry = [] {
    auto* m = new std::map<std::string, ScalarFunction, std::less<>>();
    auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
    add({"lower", 1, 1, BindText1, ExecLower, "lower(TEXT) -> TEXT"});
    add({"upper", 1, 1, BindText1, ExecUpper, "upper(TEXT) -> TEXT"});
    add({"trim", 1, 1, BindText1, ExecTrim, "trim(TEXT) -> TEXT"});
    add({"ltrim", 1, 1, BindText1, ExecLTrim, "ltrim(TEXT) -> TEXT"});
    add({"rtrim", 1, 1, BindText1, ExecRTrim, "rtrim(TEXT) -> TEXT"});
    add({"length", 1, 1, BindLength, ExecLength, "length(TEXT | BLOB | LIST) -> INT64"});
    add({"substr", 2, 3, BindSubstr, ExecSubstr, "substr(TEXT, start[, length]) -> TEXT"});
    add({"substring", 2, 3, BindSubstr, ExecSubstr, "substring(TEXT, start[, length]) -> TEXT"});
    add({"replace", 3, 3, BindReplace, ExecReplace, "replace(TEXT, from, to) -> TEXT"});
    add({"concat", 1, -1, BindConcat, ExecConcat, "concat(TEXT, ...) -> TEXT"});
    add({"abs", 1, 1, BindAbs, ExecAbs, "abs(number) -> number"});
    add({"round", 1, 2, BindRound, ExecRound, "round(number[, digits]) -> FLOAT64"});
    add({"coalesce", 1, -1, BindCoalesce, ExecCoalesce, "coalesce(x, ...) -> first non-NULL"});
    add({"ifnull", 2, 2, BindCoalesce, ExecCoalesce, "ifnull(x, y) -> x, or y when x is NULL"});
    add({"nullif", 2, 2, BindNullIf, ExecNullIf, "nullif(x, y) -> NULL when x = y, else x"});
    add({"typeof", 1, 1, BindTypeof, ExecTypeof, "typeof(x) -> TEXT"});
    RegisterStringFunctions(m);
    RegisterRegexpFunctions(m);
    RegisterMathFunctions(m);
    RegisterDateTimeFunctions(m);
    RegisterJsonFunctions(m);
    RegisterListFunctions(m);
    RegisterHashFunctions(m);
    return m;
  }();
  return *kRegistry;
}

}  // namespace

const ScalarFunction* LookupScalarFunction(std::string_view name) {
  auto it = Registry().find(name);
  return it == Registry().end() ? nullptr : &it->second;
}

std::vector<std::string> ScalarFunctionNames() {
  std::vector<std::string> out;
  for (const auto& [name, f] : Registry()) out.push_back(name);
  return out;
}

}  // namespace kodiak::sql
