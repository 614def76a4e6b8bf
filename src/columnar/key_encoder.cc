#include "columnar/key_encoder.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace kodiak {

namespace {

inline void PutU64(std::string* out, uint64_t v, bool invert) {
  if (invert) v = ~v;
  char b[8];
  for (int i = 7; i >= 0; i--) {
    b[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(b, 8);
}

inline void PutI64(std::string* out, int64_t v, bool invert) {
  PutU64(out, static_cast<uint64_t>(v) ^ (1ULL << 63), invert);
}

inline void PutI128(std::string* out, __int128 v, bool sign_flip, bool invert) {
  unsigned __int128 u = static_cast<unsigned __int128>(v);
  if (sign_flip) u ^= static_cast<unsigned __int128>(1) << 127;
  PutU64(out, static_cast<uint64_t>(u >> 64), invert);
  PutU64(out, static_cast<uint64_t>(u), invert);
}

inline void PutDouble(std::string* out, double d, bool invert) {
  if (d == 0) d = 0;  // -0.0 == 0.0
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
  uint64_t bits = std::bit_cast<uint64_t>(d);
  bits = (bits & (1ULL << 63)) ? ~bits : bits ^ (1ULL << 63);
  if (std::isnan(d)) bits = ~0ULL;
  PutU64(out, bits, invert);
}

inline void PutBytes(std::string* out, std::string_view s, bool invert) {
  size_t start = out->size();
  for (char c : s) {
    out->push_back(c);
    if (c == '\0') out->push_back(static_cast<char>(0xFF));
  }
  out->push_back('\0');
  out->push_back('\0');
  if (invert) {
    for (size_t i = start; i < out->size(); i++) (*out)[i] = static_cast<char>(~(*out)[i]);
  }
}

// A NULL inside a nested value sorts before any value; DESC reverses that
// along with the values, so the whole nested order is reversed.
inline void PutNestedMarker(std::string* out, bool valid, bool invert) {
  uint8_t m = valid ? 1 : 0;
  out->push_back(static_cast<char>(invert ? static_cast<uint8_t>(~m) : m));
}

void EncodeValue(const Vector& v, int64_t i, bool inv, std::string* out) {
  switch (v.type().id()) {
    case TypeId::kNull: break;
    case TypeId::kBool: out->push_back(static_cast<char>(v.GetBool(i) ^ inv)); break;
    case TypeId::kInt8: PutI64(out, v.data<int8_t>()[i], inv); break;
    case TypeId::kInt16: PutI64(out, v.data<int16_t>()[i], inv); break;
    case TypeId::kInt32:
    case TypeId::kDate: PutI64(out, v.data<int32_t>()[i], inv); break;
    case TypeId::kInt64:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: PutI64(out, v.data<int64_t>()[i], inv); break;
    case TypeId::kUInt8: PutU64(out, v.data<uint8_t>()[i], inv); break;
    case TypeId::kUInt16: PutU64(out, v.data<uint16_t>()[i], inv); break;
    case TypeId::kUInt32: PutU64(out, v.data<uint32_t>()[i], inv); break;
    case TypeId::kUInt64: PutU64(out, v.data<uint64_t>()[i], inv); break;
    case TypeId::kFloat32: PutDouble(out, v.data<float>()[i], inv); break;
    case TypeId::kFloat64: PutDouble(out, v.data<double>()[i], inv); break;
    case TypeId::kDecimal: PutI128(out, v.data<__int128>()[i], true, inv); break;
    case TypeId::kUuid: PutI128(out, v.data<__int128>()[i], false, inv); break;
    case TypeId::kInterval: {
      // SQL compares intervals by length, a month being 30 days: '1 month'
      // equals '30 days' (as Value::Compare and PostgreSQL have it).
      const Interval& iv = v.data<Interval>()[i];
      constexpr __int128 kNanosPerDay = 86400LL * 1000000000LL;
      __int128 length = (static_cast<__int128>(iv.months) * 30 + iv.days) * kNanosPerDay + iv.nanos;
      PutI128(out, length, true, inv);
      break;
    }
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kJson: PutBytes(out, v.GetString(i), inv); break;
    case TypeId::kStruct:
      for (const auto& c : v.children()) {
        PutNestedMarker(out, c->IsValid(i), inv);
        if (c->IsValid(i)) EncodeValue(*c, i, inv, out);
      }
      break;
    case TypeId::kList:
    case TypeId::kMap: {
      const Vector& child = *v.children()[0];
      for (int32_t j = v.offsets()[i]; j < v.offsets()[i + 1]; j++) {
        out->push_back(static_cast<char>(inv ? 0xFE : 1));  // element follows
        PutNestedMarker(out, child.IsValid(j), inv);
        if (child.IsValid(j)) EncodeValue(child, j, inv, out);
      }
      out->push_back(static_cast<char>(inv ? 0xFF : 0));  // end of list sorts first
      break;
    }
  }
}

}  // namespace

void EncodeKeys(const std::vector<KeyColumn>& columns, int64_t n, std::vector<std::string>* keys) {
  if (static_cast<int64_t>(keys->size()) < n) keys->resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) (*keys)[i].clear();
  for (const auto& col : columns) {
    const Vector& v = *col.vector;
    const char null_marker = col.nulls_first ? 0 : 2;
    for (int64_t i = 0; i < n; i++) {
      std::string& key = (*keys)[i];
      if (v.IsNull(i)) {
        key.push_back(null_marker);
      } else {
        key.push_back(1);
        EncodeValue(v, i, col.descending, &key);
      }
    }
  }
}

bool AnyNull(const std::vector<KeyColumn>& columns, int64_t i) {
  for (const auto& c : columns) {
    if (c.vector->IsNull(i)) return true;
  }
  return false;
}

}  // namespace kodiak
