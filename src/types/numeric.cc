#include "types/numeric.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kodiak {

int128_t Pow10(int n) {
  static const auto kTable = [] {
    struct T {
      int128_t v[39];
    } t{};
    t.v[0] = 1;
    for (int i = 1; i <= 38; i++) t.v[i] = t.v[i - 1] * 10;
    return t;
  }();
  return kTable.v[n < 0 ? 0 : (n > 38 ? 38 : n)];
}

std::string Int128ToString(int128_t v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  char buf[48];
  int i = 47;
  buf[i] = '\0';
  while (u) {
    buf[--i] = static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
  }
  if (neg) buf[--i] = '-';
  return std::string(buf + i);
}

std::string FormatDecimal(int128_t unscaled, int scale) {
  if (scale == 0) return Int128ToString(unscaled);
  bool neg = unscaled < 0;
  std::string digits = Int128ToString(neg ? -unscaled : unscaled);
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  digits.insert(digits.size() - scale, ".");
  return neg ? "-" + digits : digits;
}

int DecimalDigits(int128_t v) {
  if (v < 0) v = -v;
  int n = 1;
  while (n < 39 && v >= Pow10(n)) n++;
  return n;
}

int128_t RescaleDecimal(int128_t v, int from, int to) {
  if (to >= from) return v * Pow10(to - from);
  if (from - to > kMaxDecimalPrecision) return 0;  // |v| < 1.7 * 10^38: below half a unit
  int128_t div = Pow10(from - to);
  int128_t q = v / div, r = v % div;
  // |r| >= div / 2, written so that 2 * |r| cannot overflow when div = 10^38.
  int128_t abs_r = r < 0 ? -r : r;
  if (abs_r >= div - abs_r) q += r < 0 ? -1 : 1;
  return q;
}

bool ParseDecimal(std::string_view text, int precision, int scale, int128_t* out) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
  bool neg = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
  int128_t mantissa = 0;
  int frac_digits = 0, digits = 0;
  bool dot = false, any = false;
  for (; i < text.size(); i++) {
    char c = text[i];
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    any = true;
    if (digits >= 38) {  // beyond 38 significant digits: only allowed as dropped fraction
      if (!dot) return false;
      continue;
    }
    mantissa = mantissa * 10 + (c - '0');
    if (mantissa != 0) digits++;
    if (dot) frac_digits++;
  }
  if (!any) return false;
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    i++;
    bool eneg = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) eneg = text[i++] == '-';
    int e = 0;
    bool edig = false;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); i++) {
      e = e * 10 + (text[i] - '0');
      edig = true;
      if (e > 100) return false;
    }
    if (!edig) return false;
    exponent = eneg ? -e : e;
  }
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
  if (i != text.size()) return false;
  int cur_scale = frac_digits - exponent;
  int128_t v;
  if (mantissa == 0) {
    v = 0;
  } else if (cur_scale - scale > kMaxDecimalPrecision) {
    v = 0;  // mantissa < 10^38 divided by more than 10^38: below half a unit
  } else if (cur_scale > scale) {
    v = RescaleDecimal(mantissa, cur_scale, scale);
  } else {
    int up = scale - cur_scale;
    if (up > 38 || DecimalDigits(mantissa) + up > 38) return false;
    v = mantissa * Pow10(up);
  }
  if (v != 0 && DecimalDigits(v) > precision) return false;
  *out = neg ? -v : v;
  return true;
}

namespace {
template <typename F>
std::string FormatFloating(F v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string out(buf, res.ptr);
  if (out.find_first_of(".e") == std::string::npos) {
    if (out.size() > 17) {  // very large integral value: use exponent form
      res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
      return std::string(buf, res.ptr);
    }
    out += ".0";
  }
  return out;
}
}  // namespace

std::string FormatDouble(double v) { return FormatFloating(v); }
std::string FormatFloat(float v) { return FormatFloating(v); }

std::string FormatUuid(int128_t bits) {
  unsigned __int128 u = static_cast<unsigned __int128>(bits);
  char hex[33];
  for (int i = 31; i >= 0; i--) {
    hex[i] = "0123456789abcdef"[static_cast<int>(u & 0xF)];
    u >>= 4;
  }
  std::string s(hex, 32);
  return s.substr(0, 8) + "-" + s.substr(8, 4) + "-" + s.substr(12, 4) + "-" + s.substr(16, 4) +
         "-" + s.substr(20);
}

bool ParseUuid(std::string_view text, int128_t* bits) {
  unsigned __int128 u = 0;
  int n = 0;
  size_t start = 0, end = text.size();
  if (end >= 2 && text.front() == '{' && text.back() == '}') {
    start = 1;
    end--;
  }
  for (size_t i = start; i < end; i++) {
    char c = text[i];
    if (c == '-') continue;
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    u = (u << 4) | static_cast<unsigned>(d);
    n++;
  }
  if (n != 32) return false;
  *bits = static_cast<int128_t>(u);
  return true;
}

std::string FormatBlob(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c >= 32 && c < 127 && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace kodiak
