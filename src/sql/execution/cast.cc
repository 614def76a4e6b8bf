#include "sql/execution/cast.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "types/datetime.h"
#include "types/numeric.h"

namespace kodiak {

namespace {

Status CastError(const Value& v, const LogicalType& to, const std::string& why) {
  std::string shown = v.type().id() == TypeId::kText ? "'" + v.str_value() + "'" : v.ToString();
  return Status::Conversion("cannot cast " + shown + " to " + to.ToString() + (why.empty() ? "" : ": " + why));
}

bool IntRange(TypeId id, int128_t v) {
  switch (id) {
    case TypeId::kInt8: return v >= INT8_MIN && v <= INT8_MAX;
    case TypeId::kInt16: return v >= INT16_MIN && v <= INT16_MAX;
    case TypeId::kInt32: return v >= INT32_MIN && v <= INT32_MAX;
    case TypeId::kInt64: return v >= INT64_MIN && v <= INT64_MAX;
    case TypeId::kUInt8: return v >= 0 && v <= UINT8_MAX;
    case TypeId::kUInt16: return v >= 0 && v <= UINT16_MAX;
    case TypeId::kUInt32: return v >= 0 && v <= UINT32_MAX;
    case TypeId::kUInt64: return v >= 0 && v <= static_cast<int128_t>(UINT64_MAX);
    default: return false;
  }
}

bool ParseInt128(std::string_view s, int128_t* out) {
  s = TrimSpace(s);
  if (s.empty()) return false;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    i = 1;
  }
  if (i == s.size()) return false;
  int128_t v = 0;
  for (; i < s.size(); i++) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
    if (v > (static_cast<int128_t>(1) << 100)) return false;
  }
  *out = neg ? -v : v;
  return true;
}

bool ParseDouble(std::string_view s, double* out) {
  s = TrimSpace(s);
  if (s.empty()) return false;
  const std::string lower = AsciiLower(s);
  if (lower == "inf" || lower == "infinity" || lower == "+inf") {
    *out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (lower == "-inf" || lower == "-infinity") {
    *out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (lower == "nan") {
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (s[0] == '+') s.remove_prefix(1);
  auto res = std::from_chars(s.data(), s.data() + s.size(), *out);
  return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// Numeric source as long double (for float targets and range checks).
long double NumericAsLongDouble(const Value& v) {
  const auto& t = v.type();
  if (t.IsUnsignedInteger()) return static_cast<long double>(v.uint_value());
  if (t.IsInteger() || t.id() == TypeId::kBool) return static_cast<long double>(v.int_value());
  if (t.IsFloat()) return v.float_value();
  return static_cast<long double>(v.decimal_value()) / static_cast<long double>(Pow10(t.scale()));
}

int128_t IntegerOf(const Value& v) {
  return v.type().IsUnsignedInteger() ? static_cast<int128_t>(v.uint_value())
                                      : static_cast<int128_t>(v.int_value());
}

Value MakeInteger(TypeId id, int128_t v) {
  if (id == TypeId::kUInt64) return Value::UInt64(static_cast<uint64_t>(v));
  return Value::Integer(id, static_cast<int64_t>(v));
}

std::string ToJsonText(const Value& v) {
  if (v.is_null()) return "null";
  switch (v.type().id()) {
    case TypeId::kJson: return v.str_value();
    case TypeId::kBool: return v.bool_value() ? "true" : "false";
    case TypeId::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.children().size(); i++) out += (i ? "," : "") + ToJsonText(v.children()[i]);
      return out + "]";
    }
    case TypeId::kStruct: {
      std::string out = "{";
      for (size_t i = 0; i < v.children().size(); i++) {
        out += (i ? "," : "") + nlohmann::json(v.type().fields()[i].name).dump() + ":" +
               ToJsonText(v.children()[i]);
      }
      return out + "}";
    }
    default:
      if (v.type().IsNumeric()) {
        if (v.type().IsFloat() && !std::isfinite(v.float_value())) return "null";
        return v.ToString();
      }
      return nlohmann::json(v.ToString()).dump();
  }
}

}  // namespace

namespace {

// '[1, 2, NULL]' or "['a', 'b,c']": the text form of a list.
Result<Value> ParseListText(const std::string& text, const LogicalType& to, bool try_cast) {
  std::string_view s = TrimSpace(text);
  auto fail = [&](const std::string& why) -> Result<Value> {
    if (try_cast) return Value::Null(to);
    return Status::Conversion("cannot cast '" + text + "' to " + to.ToString() + ": " + why);
  };
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return fail("a list is written [a, b, ...]");
  s = TrimSpace(s.substr(1, s.size() - 2));
  std::vector<Value> items;
  size_t i = 0;
  while (i < s.size()) {
    // One element: up to a comma outside quotes and brackets.
    size_t start = i;
    int depth = 0;
    char quote = 0;
    for (; i < s.size(); i++) {
      char ch = s[i];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        depth++;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        break;
      }
    }
    std::string_view item = TrimSpace(s.substr(start, i - start));
    if (i < s.size()) i++;  // the comma
    if (item.empty()) return fail("an element is missing");
    if (item.size() == 4 && EqualsIgnoreCase(item, "null")) {
      items.push_back(Value::Null(to.child()));
      continue;
    }
    std::string element(item);
    if (element.size() >= 2 && (element.front() == '\'' || element.front() == '"') && element.back() == element.front()) {
      element = element.substr(1, element.size() - 2);
    }
    auto cast = CastValue(Value::Text(element), to.child(), try_cast);
    if (!cast.ok()) return fail("element '" + element + "': " + cast.status().message());
    items.push_back(std::move(cast).value());
  }
  return Value::Nested(to, std::move(items));
}

}  // namespace

bool CanCast(const LogicalType& from, const LogicalType& to) {
  if (from == to || from.id() == TypeId::kNull) return true;
  TypeId f = from.id(), t = to.id();
  if (t == TypeId::kText || t == TypeId::kJson) return true;
  if (f == TypeId::kText) return !to.IsNested() || t == TypeId::kList;
  bool fnum = from.IsNumeric() || f == TypeId::kBool;
  bool tnum = to.IsNumeric() || t == TypeId::kBool;
  if (fnum && tnum) return true;
  if ((f == TypeId::kDate || f == TypeId::kTimestamp || f == TypeId::kTimestampTz) &&
      (t == TypeId::kDate || t == TypeId::kTimestamp || t == TypeId::kTimestampTz || t == TypeId::kTime))
    return true;
  if (f == TypeId::kBlob && t == TypeId::kUuid) return true;
  if (f == TypeId::kUuid && t == TypeId::kBlob) return true;
  if (f == TypeId::kList && t == TypeId::kList) return CanCast(from.child(), to.child());
  if (f == TypeId::kStruct && t == TypeId::kStruct) {
    // The same field names (in any order, case-insensitively), each castable.
    if (from.fields().size() != to.fields().size()) return false;
    for (const auto& sf : from.fields()) {
      bool found = false;
      for (const auto& tf : to.fields()) {
        if (EqualsIgnoreCase(sf.name, tf.name)) found = CanCast(sf.type, tf.type);
      }
      if (!found) return false;
    }
    return true;
  }
  if (f == TypeId::kJson) return t == TypeId::kText;
  return false;
}

Result<Value> CastValue(const Value& v, const LogicalType& to, bool try_cast) {
  if (v.is_null()) return Value::Null(to);
  if (v.type() == to) return v;
  auto fail = [&](const std::string& why) -> Result<Value> {
    if (try_cast) return Value::Null(to);
    return CastError(v, to, why);
  };
  const LogicalType& from = v.type();
  TypeId f = from.id(), t = to.id();
  bool fnum = from.IsNumeric() || f == TypeId::kBool;

  if (t == TypeId::kText) return Value::Text(v.ToString());
  if (t == TypeId::kJson) {
    if (f == TypeId::kText) {
      if (!nlohmann::json::accept(v.str_value())) return fail("not valid JSON");
      return Value::Json(v.str_value());
    }
    return Value::Json(ToJsonText(v));
  }
  if (to.IsInteger()) {
    int128_t out;
    if (from.IsInteger() || f == TypeId::kBool) {
      out = IntegerOf(v);
    } else if (from.IsFloat()) {
      double d = v.float_value();
      // Round half away from zero, then check the range (int128 holds any
      // double below 2^100 exactly).
      if (!std::isfinite(d) || std::fabs(d) >= 1e30) return fail("out of range");
      out = static_cast<int128_t>(std::round(d));
    } else if (f == TypeId::kDecimal) {
      out = RescaleDecimal(v.decimal_value(), from.scale(), 0);
    } else if (f == TypeId::kText) {
      if (!ParseInt128(v.str_value(), &out)) {
        double d;
        if (!ParseDouble(v.str_value(), &d)) return fail("not an integer");
        return fail("not an integer");
      }
    } else {
      return fail("no conversion");
    }
    if (!IntRange(t, out)) return fail("out of range");
    return MakeInteger(t, out);
  }
  if (to.IsFloat()) {
    double d;
    if (fnum) {
      d = static_cast<double>(NumericAsLongDouble(v));
    } else if (f == TypeId::kText) {
      if (!ParseDouble(v.str_value(), &d)) return fail("not a number");
    } else {
      return fail("no conversion");
    }
    if (t == TypeId::kFloat32) {
      if (std::isfinite(d) && std::fabs(d) > std::numeric_limits<float>::max()) return fail("out of range for FLOAT32");
      return Value::Float32(static_cast<float>(d));
    }
    return Value::Float64(d);
  }
  if (t == TypeId::kDecimal) {
    int128_t out;
    int p = to.precision(), s = to.scale();
    if (from.IsInteger() || f == TypeId::kBool) {
      int128_t i = IntegerOf(v);
      if (i != 0 && DecimalDigits(i) + s > p) return fail("out of range for " + to.ToString());
      out = i * Pow10(s);
    } else if (from.IsFloat()) {
      double d = v.float_value();
      if (!std::isfinite(d)) return fail("out of range");
      long double scaled = std::round(static_cast<long double>(d) * static_cast<long double>(Pow10(s)));
      if (std::fabs(scaled) >= static_cast<long double>(Pow10(p))) return fail("out of range");
      out = static_cast<int128_t>(scaled);
    } else if (f == TypeId::kDecimal) {
      out = RescaleDecimal(v.decimal_value(), from.scale(), s);
      if (out != 0 && DecimalDigits(out) > p) return fail("out of range");
    } else if (f == TypeId::kText) {
      if (!ParseDecimal(v.str_value(), p, s, &out)) return fail("not a number that fits");
    } else {
      return fail("no conversion");
    }
    return Value::Decimal(out, p, s);
  }
  if (t == TypeId::kBool) {
    if (fnum) return Value::Bool(NumericAsLongDouble(v) != 0);
    if (f == TypeId::kText) {
      const std::string s = AsciiLower(TrimSpace(v.str_value()));
      if (s == "true" || s == "t" || s == "1" || s == "yes" || s == "y" || s == "on") return Value::Bool(true);
      if (s == "false" || s == "f" || s == "0" || s == "no" || s == "n" || s == "off") return Value::Bool(false);
      return fail("not a boolean");
    }
    return fail("no conversion");
  }
  if (t == TypeId::kBlob) {
    if (f == TypeId::kUuid) {
      std::string bytes(16, '\0');
      unsigned __int128 u = static_cast<unsigned __int128>(v.decimal_value());
      for (int i = 15; i >= 0; i--) {
        bytes[i] = static_cast<char>(u & 0xFF);
        u >>= 8;
      }
      return Value::Blob(bytes);
    }
    if (f == TypeId::kText) {
      // Text form of a blob: bytes as they are, \xHH for any byte.
      const std::string& s = v.str_value();
      std::string bytes;
      for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '\\' && i + 3 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2])) && std::isxdigit(static_cast<unsigned char>(s[i + 3]))) {
          bytes.push_back(static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16)));
          i += 3;
        } else {
          bytes.push_back(s[i]);
        }
      }
      return Value::Blob(std::move(bytes));
    }
    return Value::Blob(v.ToString());
  }
  int64_t ts = 0;
  if (f == TypeId::kDate) ts = static_cast<int64_t>(v.int_value()) * kMicrosPerDay;
  if (f == TypeId::kTimestamp || f == TypeId::kTimestampTz) ts = v.int_value();
  bool ftemporal = f == TypeId::kDate || f == TypeId::kTimestamp || f == TypeId::kTimestampTz;
  switch (t) {
    case TypeId::kDate: {
      if (ftemporal) {
        int64_t days = ts / kMicrosPerDay - (ts % kMicrosPerDay < 0 ? 1 : 0);
        return Value::Date(static_cast<int32_t>(days));
      }
      int32_t days;
      if (f == TypeId::kText && ParseDate(v.str_value(), &days)) return Value::Date(days);
      if (f == TypeId::kText) {
        int64_t micros;
        if (ParseTimestamp(v.str_value(), &micros)) {
          return Value::Date(static_cast<int32_t>(micros / kMicrosPerDay - (micros % kMicrosPerDay < 0)));
        }
      }
      return fail("not a date (expected YYYY-MM-DD)");
    }
    case TypeId::kTime: {
      if (ftemporal) return Value::Time(((ts % kMicrosPerDay) + kMicrosPerDay) % kMicrosPerDay);
      int64_t micros;
      if (f == TypeId::kText && ParseTime(v.str_value(), &micros)) return Value::Time(micros);
      return fail("not a time (expected HH:MM:SS)");
    }
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      if (!ftemporal) {
        if (f != TypeId::kText || !ParseTimestamp(v.str_value(), &ts)) {
          return fail("not a timestamp (expected YYYY-MM-DD HH:MM:SS)");
        }
      }
      return t == TypeId::kTimestamp ? Value::Timestamp(ts) : Value::TimestampTz(ts);
    }
    case TypeId::kInterval: {
      Interval iv;
      if (f == TypeId::kText && ParseInterval(v.str_value(), &iv)) return Value::IntervalValue(iv);
      return fail("not an interval (expected e.g. '1 day 2 hours')");
    }
    case TypeId::kUuid: {
      int128_t bits;
      if (f == TypeId::kText && ParseUuid(TrimSpace(v.str_value()), &bits)) return Value::Uuid(bits);
      if (f == TypeId::kBlob && v.str_value().size() == 16) {
        unsigned __int128 u = 0;
        for (unsigned char c : v.str_value()) u = (u << 8) | c;
        return Value::Uuid(static_cast<int128_t>(u));
      }
      return fail("not a UUID");
    }
    case TypeId::kList: {
      if (f == TypeId::kText) return ParseListText(v.str_value(), to, try_cast);
      if (f != TypeId::kList) return fail("no conversion");
      std::vector<Value> items;
      for (const auto& c : v.children()) {
        KODIAK_ASSIGN_OR_RETURN(Value item, CastValue(c, to.child(), try_cast));
        items.push_back(std::move(item));
      }
      return Value::Nested(to, std::move(items));
    }
    case TypeId::kStruct: {
      // Fields are matched by name (case-insensitively); both must have the
      // same fields.
      if (f != TypeId::kStruct) return fail("no conversion");
      if (from.fields().size() != to.fields().size()) return fail("the fields differ");
      for (const auto& sf : from.fields()) {
        bool found = false;
        for (const auto& tf : to.fields()) found |= EqualsIgnoreCase(tf.name, sf.name);
        if (!found) return fail("it has a field '" + sf.name + "' that " + to.ToString() + " does not have");
      }
      std::vector<Value> fields;
      for (const auto& tf : to.fields()) {
        Value fv = Value::Null(tf.type);
        for (size_t i = 0; i < from.fields().size(); i++) {
          if (EqualsIgnoreCase(from.fields()[i].name, tf.name)) {
            KODIAK_ASSIGN_OR_RETURN(fv, CastValue(v.children()[i], tf.type, try_cast));
          }
        }
        fields.push_back(std::move(fv));
      }
      return Value::Nested(to, std::move(fields));
    }
    default: return fail("no conversion");
  }
}

namespace {

template <typename From, typename To>
void NumericLoop(const Vector& src, Vector* out) {
  const From* s = src.data<From>();
  To* d = out->data<To>();
  for (int64_t i = 0; i < src.length(); i++) d[i] = static_cast<To>(s[i]);
}

// Integer widening with no range check needed, or int -> float.
template <typename From>
bool FastFromInt(const Vector& src, Vector* out) {
  switch (out->type().id()) {
    case TypeId::kInt64: NumericLoop<From, int64_t>(src, out); return true;
    case TypeId::kFloat64: NumericLoop<From, double>(src, out); return true;
    case TypeId::kFloat32: NumericLoop<From, float>(src, out); return true;
    default: return false;
  }
}

}  // namespace

Result<VectorPtr> CastVector(const VectorPtr& v, const LogicalType& to, bool try_cast) {
  if (v->type() == to) return v;
  const int64_t n = v->length();
  TypeId f = v->type().id();
  // Fast paths: lossless integer widening and integer/float to float.
  if (f >= TypeId::kInt8 && f <= TypeId::kInt32 ? true : (f == TypeId::kInt64 || f == TypeId::kFloat32)) {
    auto out = std::make_shared<Vector>(to, n);
    bool done = false;
    switch (f) {
      case TypeId::kInt8: done = FastFromInt<int8_t>(*v, out.get()); break;
      case TypeId::kInt16: done = FastFromInt<int16_t>(*v, out.get()); break;
      case TypeId::kInt32: done = FastFromInt<int32_t>(*v, out.get()); break;
      case TypeId::kInt64:
        if (to.id() == TypeId::kFloat64) {
          NumericLoop<int64_t, double>(*v, out.get());
          done = true;
        }
        break;
      case TypeId::kFloat32:
        if (to.id() == TypeId::kFloat64) {
          NumericLoop<float, double>(*v, out.get());
          done = true;
        }
        break;
      default: break;
    }
    if (done) {
      out->set_validity(v->shared_validity());
      return out;
    }
  }
  if (f == TypeId::kNull) return MakeConstantVector(to, Value::Null(to), n);
  // General path: per row through Value (text parsing and formatting dominate there).
  VectorBuilder b(to, n);
  for (int64_t i = 0; i < n; i++) {
    if (v->IsNull(i)) {
      b.AppendNull();
      continue;
    }
    KODIAK_ASSIGN_OR_RETURN(Value cv, CastValue(v->GetValue(i), to, try_cast));
    b.Append(cv);
  }
  return b.Finish();
}

}  // namespace kodiak
