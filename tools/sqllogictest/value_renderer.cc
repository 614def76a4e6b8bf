#include "value_renderer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace kodiak::slt {
namespace {

using int128 = __int128;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Int128ToDecimal(int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u =
      neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  char buf[48];
  int pos = sizeof(buf);
  while (u > 0) {
    buf[--pos] = static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
  }
  if (neg) buf[--pos] = '-';
  return std::string(buf + pos, sizeof(buf) - pos);
}

int128 Pow10(int n) {
  int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Truncates toward zero and clamps to int64, as SQLite's doubleToInt64 does.
int64_t DoubleToInt64(double r) {
  if (std::isnan(r)) return 0;
  if (r <= static_cast<double>(std::numeric_limits<int64_t>::min())) {
    return std::numeric_limits<int64_t>::min();
  }
  if (r >= static_cast<double>(std::numeric_limits<int64_t>::max())) {
    return std::numeric_limits<int64_t>::max();
  }
  return static_cast<int64_t>(r);
}

// "%.3f" of unscaled / 10^scale, exactly, rounding half away from zero.
std::string FormatDecimal3(int128 unscaled, int scale) {
  bool neg = unscaled < 0;
  int128 mag = neg ? -unscaled : unscaled;  // |value| * 10^scale; decimal128 never hits the minimum
  int128 thousandths;
  if (scale <= 3) {
    thousandths = mag * Pow10(3 - scale);
  } else {
    int128 div = Pow10(scale - 3);
    thousandths = mag / div;
    if ((mag % div) * 2 >= div) ++thousandths;
  }
  if (thousandths == 0) neg = false;
  std::string frac = Int128ToDecimal(thousandths % 1000);
  while (frac.size() < 3) frac.insert(frac.begin(), '0');
  std::string out = neg ? "-" : "";
  out += Int128ToDecimal(thousandths / 1000);
  out += '.';
  out += frac;
  return out;
}

// Replaces control characters (C0, DEL, C1) and bytes that are not valid
// UTF-8 with '@'; printable ASCII and well-formed UTF-8 text stay.
void MaskUnprintable(std::string* s) {
  std::string& t = *s;
  size_t i = 0;
  while (i < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c < 0x80) {  // C0 control or DEL
      t[i++] = '@';
      continue;
    }
    // A multi-byte UTF-8 sequence?
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (c > 0xF4) len = 0;
    bool ok = len > 0 && i + len <= t.size();
    uint32_t cp = 0;
    if (ok) {
      cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
      for (int k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(t[i + k]);
        if ((cc & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
    }
    if (ok) {
      // Reject overlong forms, surrogates, out of range and C1 controls.
      ok = !((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
             (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp < 0xA0));
    }
    if (ok) {
      i += len;
    } else {
      t[i++] = '@';
    }
  }
}

std::string RenderText(const Value& v) {
  TypeId id = v.type().id();
  std::string s = (id == TypeId::kText || id == TypeId::kBlob || id == TypeId::kJson)
                      ? v.str_value()
                      : v.ToString();
  if (s.empty()) return "(empty)";
  MaskUnprintable(&s);
  return s;
}

std::string RenderInteger(const Value& v) {
  const LogicalType& type = v.type();
  switch (type.id()) {
    case TypeId::kBool:
      return v.bool_value() ? "1" : "0";
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64:
      return std::to_string(v.int_value());
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64:
      return std::to_string(v.uint_value());
    case TypeId::kFloat32:
    case TypeId::kFloat64:
      return std::to_string(DoubleToInt64(v.float_value()));
    case TypeId::kDecimal: {
      int scale = type.scale();
      int128 q = scale > 0 ? v.decimal_value() / Pow10(scale) : v.decimal_value();  // truncates
      return Int128ToDecimal(q);
    }
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kJson:
      return std::to_string(ParseIntPrefix(v.str_value()));
    default:
      return std::to_string(ParseIntPrefix(v.ToString()));
  }
}

std::string RenderReal(const Value& v) {
  const LogicalType& type = v.type();
  switch (type.id()) {
    case TypeId::kBool:
      return v.bool_value() ? "1.000" : "0.000";
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64:
      return FormatReal(static_cast<double>(v.int_value()));
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64:
      return FormatReal(static_cast<double>(v.uint_value()));
    case TypeId::kFloat32:
    case TypeId::kFloat64:
      return FormatReal(v.float_value());
    case TypeId::kDecimal:
      return FormatDecimal3(v.decimal_value(), type.scale());
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kJson:
      return FormatReal(ParseRealPrefix(v.str_value()));
    default:
      return FormatReal(ParseRealPrefix(v.ToString()));
  }
}

}  // namespace

int64_t ParseIntPrefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  uint64_t mag = 0;
  bool overflow = false;
  for (; i < s.size() && IsDigit(s[i]); ++i) {
    uint64_t d = static_cast<uint64_t>(s[i] - '0');
    if (mag > (UINT64_MAX - d) / 10) {
      overflow = true;
      break;
    }
    mag = mag * 10 + d;
  }
  constexpr uint64_t kMaxPos = static_cast<uint64_t>(INT64_MAX);
  if (neg) {
    if (overflow || mag > kMaxPos + 1) return INT64_MIN;
    return mag == kMaxPos + 1 ? INT64_MIN : -static_cast<int64_t>(mag);
  }
  if (overflow || mag > kMaxPos) return INT64_MAX;
  return static_cast<int64_t>(mag);
}

double ParseRealPrefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  size_t start = i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return 0.0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < s.size() && IsDigit(s[j])) {
      while (j < s.size() && IsDigit(s[j])) ++j;
      i = j;
    }
  }
  std::string prefix(s.substr(start, i - start));
  return std::strtod(prefix.c_str(), nullptr);
}

std::string FormatReal(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  if (v == 0) return "0.000";  // no "-0.000" for negative zero
  // A value exactly halfway between two thousandths is a multiple of 1/16;
  // printf rounds those to even, SQLite's printf away from zero.
  long double t = std::fabs(static_cast<long double>(v)) * 2000.0L;  // exact: 53 + 11 bits
  if (t < 9.2e18L && t == std::floor(t) && std::fmod(t, 2.0L) == 1.0L) {
    auto thousandths = static_cast<unsigned long long>((t + 1) / 2);
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%s%llu.%03llu", v < 0 ? "-" : "", thousandths / 1000,
                  thousandths % 1000);
    return buf;
  }
  char buf[512];
  std::snprintf(buf, sizeof(buf), "%.3f", v);
  return buf;
}

std::string RenderValue(const Value& value, char type) {
  if (value.is_null()) return "NULL";
  switch (type) {
    case 'I':
      return RenderInteger(value);
    case 'R':
      return RenderReal(value);
    default:
      return RenderText(value);
  }
}

}  // namespace kodiak::slt
