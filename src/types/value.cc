#include "kodiak/value.h"

#include <algorithm>
#include <cmath>

#include "types/datetime.h"
#include "types/numeric.h"

namespace kodiak {

Value Value::Null(LogicalType type) {
  Value v;
  v.type_ = std::move(type);
  v.is_null_ = true;
  return v;
}

Value Value::Bool(bool b) {
  Value v;
  v.type_ = TypeId::kBool;
  v.is_null_ = false;
  v.i_ = b ? 1 : 0;
  return v;
}

Value Value::Integer(LogicalType type, int64_t i) {
  Value v;
  v.type_ = std::move(type);
  v.is_null_ = false;
  v.i_ = i;
  return v;
}

Value Value::UInt64(uint64_t u) { return Integer(TypeId::kUInt64, static_cast<int64_t>(u)); }

Value Value::Float32(float f) {
  Value v;
  v.type_ = TypeId::kFloat32;
  v.is_null_ = false;
  v.f_ = f;
  return v;
}

Value Value::Float64(double f) {
  Value v;
  v.type_ = TypeId::kFloat64;
  v.is_null_ = false;
  v.f_ = f;
  return v;
}

Value Value::Decimal(int128_t unscaled, int precision, int scale) {
  Value v;
  v.type_ = LogicalType::Decimal(precision, scale);
  v.is_null_ = false;
  v.wide_ = unscaled;
  return v;
}

Value Value::Text(std::string s) {
  Value v;
  v.type_ = TypeId::kText;
  v.is_null_ = false;
  v.s_ = std::move(s);
  return v;
}

Value Value::Blob(std::string s) {
  Value v = Text(std::move(s));
  v.type_ = TypeId::kBlob;
  return v;
}

Value Value::Json(std::string s) {
  Value v = Text(std::move(s));
  v.type_ = TypeId::kJson;
  return v;
}

Value Value::Date(int32_t days) { return Integer(TypeId::kDate, days); }
Value Value::Time(int64_t micros) { return Integer(TypeId::kTime, micros); }
Value Value::Timestamp(int64_t micros) { return Integer(TypeId::kTimestamp, micros); }
Value Value::TimestampTz(int64_t micros) { return Integer(TypeId::kTimestampTz, micros); }

Value Value::IntervalValue(Interval iv) {
  Value v;
  v.type_ = TypeId::kInterval;
  v.is_null_ = false;
  v.interval_ = iv;
  return v;
}

Value Value::Uuid(int128_t bits) {
  Value v;
  v.type_ = TypeId::kUuid;
  v.is_null_ = false;
  v.wide_ = bits;
  return v;
}

Value Value::Nested(LogicalType type, std::vector<Value> children) {
  Value v;
  v.type_ = std::move(type);
  v.is_null_ = false;
  v.children_ = std::move(children);
  return v;
}

namespace {

std::string QuoteText(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string NestedToString(const Value& v, bool quote_text) {
  const auto& type = v.type();
  auto child = [&](const Value& c) {
    if (c.is_null()) return std::string("NULL");
    if (c.type().id() == TypeId::kText || c.type().id() == TypeId::kBlob) {
      return QuoteText(c.ToString());
    }
    return quote_text ? c.ToSqlLiteral() : c.ToString();
  };
  std::string out;
  if (type.id() == TypeId::kList) {
    out = "[";
    for (size_t i = 0; i < v.children().size(); i++) {
      if (i) out += ", ";
      out += child(v.children()[i]);
    }
    return out + "]";
  }
  if (type.id() == TypeId::kStruct) {
    out = "{";
    for (size_t i = 0; i < v.children().size(); i++) {
      if (i) out += ", ";
      out += QuoteText(type.fields()[i].name) + ": " + child(v.children()[i]);
    }
    return out + "}";
  }
  out = "{";  // MAP
  for (size_t i = 0; i < v.children().size(); i++) {
    if (i) out += ", ";
    const auto& entry = v.children()[i];
    out += child(entry.children()[0]) + "=" + child(entry.children()[1]);
  }
  return out + "}";
}

// Numeric value as long double for cross-type comparison.
long double AsLongDouble(const Value& v) {
  const auto& t = v.type();
  if (t.IsUnsignedInteger()) return static_cast<long double>(v.uint_value());
  if (t.IsInteger() || t.id() == TypeId::kBool) return static_cast<long double>(v.int_value());
  if (t.IsFloat()) return v.float_value();
  if (t.id() == TypeId::kDecimal) {
    return static_cast<long double>(v.decimal_value()) / static_cast<long double>(Pow10(t.scale()));
  }
  return 0;
}

// Integers, BOOL and DECIMAL compare exactly: integral parts first, then the
// fractions at the larger scale (each below 10^38, so no overflow). Both parts
// truncate toward zero, which keeps the lexicographic order numeric.
bool IsExactNumber(const LogicalType& t) {
  return t.IsInteger() || t.id() == TypeId::kBool || t.id() == TypeId::kDecimal;
}

int CompareExact(const Value& a, const Value& b) {
  int scale = std::max(a.type().id() == TypeId::kDecimal ? a.type().scale() : 0,
                       b.type().id() == TypeId::kDecimal ? b.type().scale() : 0);
  auto split = [scale](const Value& v, int128_t* whole, int128_t* frac) {
    const LogicalType& t = v.type();
    if (t.id() == TypeId::kDecimal) {
      int128_t unit = Pow10(t.scale());
      *whole = v.decimal_value() / unit;
      *frac = v.decimal_value() % unit * Pow10(scale - t.scale());
    } else {
      *whole = t.IsUnsignedInteger() ? static_cast<int128_t>(v.uint_value()) : v.int_value();
      *frac = 0;
    }
  };
  int128_t wa, fa, wb, fb;
  split(a, &wa, &fa);
  split(b, &wb, &fb);
  if (wa != wb) return wa < wb ? -1 : 1;
  return fa < fb ? -1 : (fa > fb ? 1 : 0);
}

}  // namespace

std::string Value::ToString() const {
  if (is_null_) return "NULL";
  switch (type_.id()) {
    case TypeId::kNull: return "NULL";
    case TypeId::kBool: return i_ ? "true" : "false";
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64: return std::to_string(i_);
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64: return std::to_string(static_cast<uint64_t>(i_));
    case TypeId::kFloat32: return FormatFloat(static_cast<float>(f_));
    case TypeId::kFloat64: return FormatDouble(f_);
    case TypeId::kDecimal: return FormatDecimal(wide_, type_.scale());
    case TypeId::kText:
    case TypeId::kJson: return s_;
    case TypeId::kBlob: return FormatBlob(s_);
    case TypeId::kDate: return FormatDate(static_cast<int32_t>(i_));
    case TypeId::kTime: return FormatTime(i_);
    case TypeId::kTimestamp: return FormatTimestamp(i_);
    case TypeId::kTimestampTz: return FormatTimestampTz(i_);
    case TypeId::kInterval: return FormatInterval(interval_);
    case TypeId::kUuid: return FormatUuid(wide_);
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap: return NestedToString(*this, false);
  }
  return "?";
}

std::string Value::ToSqlLiteral() const {
  if (is_null_) return "NULL";
  switch (type_.id()) {
    case TypeId::kText: return QuoteText(s_);
    case TypeId::kBlob:
    case TypeId::kJson:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
    case TypeId::kInterval:
    case TypeId::kUuid: return QuoteText(ToString());
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap: return NestedToString(*this, true);
    default: return ToString();
  }
}

int Value::Compare(const Value& o) const {
  if (is_null_ || o.is_null_) return is_null_ == o.is_null_ ? 0 : (is_null_ ? -1 : 1);
  bool num_a = type_.IsNumeric() || type_.id() == TypeId::kBool;
  bool num_b = o.type_.IsNumeric() || o.type_.id() == TypeId::kBool;
  if (num_a && num_b) {
    if (IsExactNumber(type_) && IsExactNumber(o.type_)) return CompareExact(*this, o);
    // NaN sorts after every other number and equals itself.
    bool nan_a = type_.IsFloat() && std::isnan(f_), nan_b = o.type_.IsFloat() && std::isnan(o.f_);
    if (nan_a || nan_b) return nan_a == nan_b ? 0 : (nan_a ? 1 : -1);
    long double a = AsLongDouble(*this), b = AsLongDouble(o);
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  if (type_.id() != o.type_.id()) return type_.id() < o.type_.id() ? -1 : 1;
  switch (type_.id()) {
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kJson: return s_ < o.s_ ? -1 : (s_ > o.s_ ? 1 : 0);
    case TypeId::kUuid: {  // byte order: compare the bits unsigned
      auto a = static_cast<unsigned __int128>(wide_), b = static_cast<unsigned __int128>(o.wide_);
      return a < b ? -1 : (a > b ? 1 : 0);
    }
    case TypeId::kInterval: {  // by length, a month being 30 days; exact in 128 bits
      auto key = [](const Interval& v) {
        constexpr int128_t kNanosPerDay = 86400LL * 1000000000LL;
        return (static_cast<int128_t>(v.months) * 30 + v.days) * kNanosPerDay + v.nanos;
      };
      int128_t a = key(interval_), b = key(o.interval_);
      return a < b ? -1 : (a > b ? 1 : 0);
    }
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap: {
      size_t n = std::min(children_.size(), o.children_.size());
      for (size_t i = 0; i < n; i++) {
        int c = children_[i].Compare(o.children_[i]);
        if (c) return c;
      }
      return children_.size() < o.children_.size() ? -1 : (children_.size() > o.children_.size());
    }
    default: return i_ < o.i_ ? -1 : (i_ > o.i_ ? 1 : 0);
  }
}

}  // namespace kodiak
