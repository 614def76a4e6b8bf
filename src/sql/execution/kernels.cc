#include "sql/execution/kernels.h"

#include <cctype>
#include <cmath>
#include <cstring>

#include "types/datetime.h"
#include "types/numeric.h"

namespace kodiak::sql {

namespace {

// out validity = a AND b (shares a buffer when only one side has NULLs).
void MergeValidity(const Vector& a, const Vector& b, Vector* out) {
  if (!a.MayHaveNulls() && !b.MayHaveNulls()) return;
  if (!b.MayHaveNulls()) return out->set_validity(a.shared_validity());
  if (!a.MayHaveNulls()) return out->set_validity(b.shared_validity());
  uint8_t* v = out->mutable_validity();
  const uint8_t* va = a.validity_data();
  const uint8_t* vb = b.validity_data();
  int64_t bytes = (a.length() + 7) / 8;
  for (int64_t i = 0; i < bytes; i++) v[i] = va[i] & vb[i];
}

template <typename T, typename Op>
Status IntLoop(const Vector& a, const Vector& b, Vector* out, Op op) {
  const T* x = a.data<T>();
  const T* y = b.data<T>();
  T* r = out->data<T>();
  const int64_t n = a.length();
  for (int64_t i = 0; i < n; i++) {
    if (!op(x[i], y[i], &r[i]) && a.IsValid(i) && b.IsValid(i)) {
      return Status::OutOfRange("integer overflow");
    }
  }
  return Status::OK();
}

// Division/modulo: zero divisor gives NULL.
template <typename T, bool kMod>
void IntDivLoop(const Vector& a, const Vector& b, Vector* out) {
  const T* x = a.data<T>();
  const T* y = b.data<T>();
  T* r = out->data<T>();
  for (int64_t i = 0; i < a.length(); i++) {
    if (y[i] == 0) {
      out->SetNull(i);
      r[i] = 0;
    } else if constexpr (std::is_signed_v<T>) {
      if (x[i] == std::numeric_limits<T>::min() && y[i] == -1) r[i] = kMod ? 0 : x[i];  // MIN / -1: IntegerArith has already failed the query
      else r[i] = kMod ? x[i] % y[i] : x[i] / y[i];
    } else {
      r[i] = kMod ? x[i] % y[i] : x[i] / y[i];
    }
  }
}

template <typename T>
Result<VectorPtr> IntegerArith(BinaryOp op, const Vector& a, const Vector& b, const LogicalType& type) {
  auto out = std::make_shared<Vector>(type, a.length());
  MergeValidity(a, b, out.get());
  Status st;
  switch (op) {
    case BinaryOp::kAdd:
      st = IntLoop<T>(a, b, out.get(), [](T x, T y, T* r) { return !__builtin_add_overflow(x, y, r); });
      break;
    case BinaryOp::kSub:
      st = IntLoop<T>(a, b, out.get(), [](T x, T y, T* r) { return !__builtin_sub_overflow(x, y, r); });
      break;
    case BinaryOp::kMul:
      st = IntLoop<T>(a, b, out.get(), [](T x, T y, T* r) { return !__builtin_mul_overflow(x, y, r); });
      break;
    case BinaryOp::kDiv:
    case BinaryOp::kMod: {
      if constexpr (std::is_signed_v<T>) {
        const T* x = a.data<T>();
        const T* y = b.data<T>();
        for (int64_t i = 0; i < a.length(); i++) {
          if (op == BinaryOp::kDiv && x[i] == std::numeric_limits<T>::min() && y[i] == -1 && a.IsValid(i) &&
              b.IsValid(i))
            return Status::OutOfRange("integer overflow");
        }
      }
      if (op == BinaryOp::kDiv) IntDivLoop<T, false>(a, b, out.get());
      else IntDivLoop<T, true>(a, b, out.get());
      break;
    }
    default: return Status::Internal("bad arithmetic operator");
  }
  if (!st.ok()) return st;
  return out;
}

Result<VectorPtr> FloatArith(BinaryOp op, const Vector& a, const Vector& b) {
  auto out = std::make_shared<Vector>(TypeId::kFloat64, a.length());
  MergeValidity(a, b, out.get());
  const double* x = a.data<double>();
  const double* y = b.data<double>();
  double* r = out->data<double>();
  const int64_t n = a.length();
  switch (op) {
    case BinaryOp::kAdd: for (int64_t i = 0; i < n; i++) r[i] = x[i] + y[i]; break;
    case BinaryOp::kSub: for (int64_t i = 0; i < n; i++) r[i] = x[i] - y[i]; break;
    case BinaryOp::kMul: for (int64_t i = 0; i < n; i++) r[i] = x[i] * y[i]; break;
    case BinaryOp::kDiv:
      for (int64_t i = 0; i < n; i++) {
        if (y[i] == 0) out->SetNull(i);
        else r[i] = x[i] / y[i];
      }
      break;
    case BinaryOp::kMod:
      for (int64_t i = 0; i < n; i++) {
        if (y[i] == 0) out->SetNull(i);
        else r[i] = std::fmod(x[i], y[i]);
      }
      break;
    default: return Status::Internal("bad arithmetic operator");
  }
  for (int64_t i = 0; i < n; i++) {
    if (std::isinf(r[i]) && std::isfinite(x[i]) && std::isfinite(y[i]) && out->IsValid(i)) {
      return Status::OutOfRange("FLOAT64 overflow: the result is too large to represent");
    }
  }
  return out;
}

Result<VectorPtr> DecimalArith(BinaryOp op, const Vector& a, const Vector& b, const LogicalType& type) {
  auto out = std::make_shared<Vector>(type, a.length());
  MergeValidity(a, b, out.get());
  const int128_t* x = a.data<int128_t>();
  const int128_t* y = b.data<int128_t>();
  int128_t* r = out->data<int128_t>();
  const int128_t limit = Pow10(38);
  for (int64_t i = 0; i < a.length(); i++) {
    if (!a.IsValid(i) || !b.IsValid(i)) continue;
    switch (op) {
      case BinaryOp::kAdd: r[i] = x[i] + y[i]; break;
      case BinaryOp::kSub: r[i] = x[i] - y[i]; break;
      case BinaryOp::kMul:
        if (__builtin_mul_overflow(x[i], y[i], &r[i])) return Status::OutOfRange("DECIMAL overflow");
        break;
      case BinaryOp::kMod:
        if (y[i] == 0) out->SetNull(i);
        else r[i] = x[i] % y[i];
        break;
      default: return Status::Internal("bad decimal operator");
    }
    if (r[i] >= limit || r[i] <= -limit) return Status::OutOfRange("DECIMAL overflow (more than 38 digits)");
  }
  return out;
}

// DATE +/- INT64 days, DATE - DATE.
Result<VectorPtr> DateArith(BinaryOp op, const Vector& a, const Vector& b, const LogicalType& type) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(type, n);
  MergeValidity(a, b, out.get());
  auto get = [](const Vector& v, int64_t i) -> int64_t {
    return v.type().id() == TypeId::kDate ? v.data<int32_t>()[i] : v.data<int64_t>()[i];
  };
  for (int64_t i = 0; i < n; i++) {
    if (a.IsNull(i) || b.IsNull(i)) continue;  // whatever lies under a NULL is not a value
    int64_t x = get(a, i), y = get(b, i);
    int64_t r;
    if (op == BinaryOp::kAdd ? __builtin_add_overflow(x, y, &r) : __builtin_sub_overflow(x, y, &r)) {
      return Status::OutOfRange("date out of range");
    }
    if (type.id() == TypeId::kDate) {
      if (r < INT32_MIN || r > INT32_MAX) return Status::OutOfRange("date out of range");
      out->data<int32_t>()[i] = static_cast<int32_t>(r);
    } else {
      out->data<int64_t>()[i] = r;
    }
  }
  return out;
}

// Microseconds since the epoch of a DATE or TIMESTAMP row.
int64_t MicrosAt(const Vector& v, int64_t i) {
  return v.type().id() == TypeId::kDate ? static_cast<int64_t>(v.data<int32_t>()[i]) * kMicrosPerDay
                                        : v.data<int64_t>()[i];
}

// timestamp + interval: months move the calendar date (the day is clamped to
// the month's end, so Jan 31 + 1 month = Feb 29 in a leap year), then days
// and the time part are added.
bool AddInterval(int64_t micros, Interval iv, int sign, int64_t* out) {
  int64_t days = micros / kMicrosPerDay, tod = micros % kMicrosPerDay;
  if (tod < 0) {
    tod += kMicrosPerDay;
    days--;
  }
  if (iv.months) {
    int64_t y;
    unsigned m, d;
    CivilFromDays(days, &y, &m, &d);
    int64_t total = y * 12 + (m - 1) + sign * static_cast<int64_t>(iv.months);
    int64_t ny = total >= 0 ? total / 12 : (total - 11) / 12;
    unsigned nm = static_cast<unsigned>(total - ny * 12) + 1;
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0;
    unsigned max = kDays[nm - 1] + (nm == 2 && leap ? 1 : 0);
    days = DaysFromCivil(ny, nm, d > max ? max : d);
  }
  int64_t r;
  if (__builtin_mul_overflow(days + sign * static_cast<int64_t>(iv.days), kMicrosPerDay, &r)) return false;
  if (__builtin_add_overflow(r, tod + sign * (iv.nanos / 1000), &r)) return false;
  *out = r;
  return true;
}

Result<VectorPtr> TemporalArith(BinaryOp op, const Vector& a, const Vector& b, const LogicalType& type) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(type, n);
  MergeValidity(a, b, out.get());
  const int sign = op == BinaryOp::kSub ? -1 : 1;
  TypeId ta = a.type().id(), tb = b.type().id();
  for (int64_t i = 0; i < n; i++) {
    if (a.IsNull(i) || b.IsNull(i)) continue;
    if (ta == TypeId::kInterval && tb == TypeId::kInterval) {
      Interval x = a.data<Interval>()[i], y = b.data<Interval>()[i];
      out->data<Interval>()[i] = Interval{x.months + sign * y.months, x.days + sign * y.days, x.nanos + sign * y.nanos};
    } else if (type.id() == TypeId::kInterval) {  // timestamp - timestamp
      int64_t diff = a.data<int64_t>()[i] - b.data<int64_t>()[i];
      out->data<Interval>()[i] = Interval{0, static_cast<int32_t>(diff / kMicrosPerDay), (diff % kMicrosPerDay) * 1000};
    } else {
      bool interval_first = ta == TypeId::kInterval;
      const Vector& when = interval_first ? b : a;
      const Interval& iv = (interval_first ? a : b).data<Interval>()[i];
      int64_t r;
      if (!AddInterval(MicrosAt(when, i), iv, sign, &r)) return Status::OutOfRange("timestamp out of range");
      out->data<int64_t>()[i] = r;
    }
  }
  return out;
}

template <typename T>
void CompareLoop(BinaryOp op, const T* x, const T* y, int64_t n, uint8_t* bits) {
  auto put = [&](int64_t i, bool v) {
    if (v) bits[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
  };
  switch (op) {
    case BinaryOp::kEq: for (int64_t i = 0; i < n; i++) put(i, x[i] == y[i]); break;
    case BinaryOp::kNotEq: for (int64_t i = 0; i < n; i++) put(i, x[i] != y[i]); break;
    case BinaryOp::kLt: for (int64_t i = 0; i < n; i++) put(i, x[i] < y[i]); break;
    case BinaryOp::kLtEq: for (int64_t i = 0; i < n; i++) put(i, x[i] <= y[i]); break;
    case BinaryOp::kGt: for (int64_t i = 0; i < n; i++) put(i, x[i] > y[i]); break;
    case BinaryOp::kGtEq: for (int64_t i = 0; i < n; i++) put(i, x[i] >= y[i]); break;
    default: break;
  }
}

bool CompareResult(BinaryOp op, int c);

// Floats in SQL's total order: NaN equals NaN and is larger than every other
// value (as in PostgreSQL and DuckDB); -0.0 equals 0.0.
template <typename T>
void FloatCompareLoop(BinaryOp op, const T* x, const T* y, int64_t n, uint8_t* bits) {
  for (int64_t i = 0; i < n; i++) {
    bool nx = std::isnan(x[i]), ny = std::isnan(y[i]);
    int c = (nx || ny) ? static_cast<int>(nx) - static_cast<int>(ny) : (x[i] < y[i] ? -1 : (x[i] > y[i] ? 1 : 0));
    if (CompareResult(op, c)) bits[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
  }
}

bool CompareResult(BinaryOp op, int c) {
  switch (op) {
    case BinaryOp::kEq: return c == 0;
    case BinaryOp::kNotEq: return c != 0;
    case BinaryOp::kLt: return c < 0;
    case BinaryOp::kLtEq: return c <= 0;
    case BinaryOp::kGt: return c > 0;
    case BinaryOp::kGtEq: return c >= 0;
    default: return false;
  }
}

}  // namespace

Result<VectorPtr> ArithmeticKernel(BinaryOp op, const Vector& a, const Vector& b, const LogicalType& result) {
  if (a.type().id() == TypeId::kInterval || b.type().id() == TypeId::kInterval || result.id() == TypeId::kInterval) {
    return TemporalArith(op, a, b, result);
  }
  if (a.type().id() == TypeId::kDate || b.type().id() == TypeId::kDate) return DateArith(op, a, b, result);
  switch (result.id()) {
    case TypeId::kInt64: return IntegerArith<int64_t>(op, a, b, result);
    case TypeId::kUInt64: return IntegerArith<uint64_t>(op, a, b, result);
    case TypeId::kFloat64: return FloatArith(op, a, b);
    case TypeId::kDecimal: return DecimalArith(op, a, b, result);
    default: return Status::Internal("no arithmetic kernel for " + result.ToString());
  }
}

Result<VectorPtr> CompareKernel(BinaryOp op, const Vector& a, const Vector& b) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  MergeValidity(a, b, out.get());
  uint8_t* bits = out->data_buffer()->data();
  switch (a.type().id()) {
    case TypeId::kBool: {
      for (int64_t i = 0; i < n; i++) {
        int c = static_cast<int>(a.GetBool(i)) - static_cast<int>(b.GetBool(i));
        if (CompareResult(op, c)) bits[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
      }
      break;
    }
    case TypeId::kInt8: CompareLoop(op, a.data<int8_t>(), b.data<int8_t>(), n, bits); break;
    case TypeId::kInt16: CompareLoop(op, a.data<int16_t>(), b.data<int16_t>(), n, bits); break;
    case TypeId::kInt32:
    case TypeId::kDate: CompareLoop(op, a.data<int32_t>(), b.data<int32_t>(), n, bits); break;
    case TypeId::kInt64:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: CompareLoop(op, a.data<int64_t>(), b.data<int64_t>(), n, bits); break;
    case TypeId::kUInt8: CompareLoop(op, a.data<uint8_t>(), b.data<uint8_t>(), n, bits); break;
    case TypeId::kUInt16: CompareLoop(op, a.data<uint16_t>(), b.data<uint16_t>(), n, bits); break;
    case TypeId::kUInt32: CompareLoop(op, a.data<uint32_t>(), b.data<uint32_t>(), n, bits); break;
    case TypeId::kUInt64: CompareLoop(op, a.data<uint64_t>(), b.data<uint64_t>(), n, bits); break;
    case TypeId::kFloat32: FloatCompareLoop(op, a.data<float>(), b.data<float>(), n, bits); break;
    case TypeId::kFloat64: FloatCompareLoop(op, a.data<double>(), b.data<double>(), n, bits); break;
    case TypeId::kDecimal: CompareLoop(op, a.data<int128_t>(), b.data<int128_t>(), n, bits); break;
    case TypeId::kUuid:
      CompareLoop(op, reinterpret_cast<const unsigned __int128*>(a.data<int128_t>()),
                  reinterpret_cast<const unsigned __int128*>(b.data<int128_t>()), n, bits);
      break;
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kJson:
      for (int64_t i = 0; i < n; i++) {
        int c = a.GetString(i).compare(b.GetString(i));
        if (CompareResult(op, c)) bits[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
      }
      break;
    case TypeId::kNull: break;
    default:
      for (int64_t i = 0; i < n; i++) {
        if (a.IsNull(i) || b.IsNull(i)) continue;
        if (CompareResult(op, a.GetValue(i).Compare(b.GetValue(i)))) {
          bits[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
        }
      }
  }
  return out;
}

// Kleene logic: FALSE AND x = FALSE, TRUE OR x = TRUE, otherwise NULL wins.
VectorPtr AndKernel(const Vector& a, const Vector& b) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  uint8_t* r = out->data_buffer()->data();
  const uint8_t* x = a.data_buffer()->data();
  const uint8_t* y = b.data_buffer()->data();
  int64_t bytes = (n + 7) / 8;
  if (!a.MayHaveNulls() && !b.MayHaveNulls()) {
    for (int64_t i = 0; i < bytes; i++) r[i] = x[i] & y[i];
    return out;
  }
  for (int64_t i = 0; i < n; i++) {
    bool av = a.IsValid(i), bv = b.IsValid(i);
    bool at = av && a.GetBool(i), bt = bv && b.GetBool(i);
    bool af = av && !at, bf = bv && !bt;
    if (af || bf) continue;  // FALSE
    if (at && bt) out->SetBool(i, true);
    else out->SetNull(i);
  }
  return out;
}

VectorPtr OrKernel(const Vector& a, const Vector& b) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  uint8_t* r = out->data_buffer()->data();
  const uint8_t* x = a.data_buffer()->data();
  const uint8_t* y = b.data_buffer()->data();
  int64_t bytes = (n + 7) / 8;
  if (!a.MayHaveNulls() && !b.MayHaveNulls()) {
    for (int64_t i = 0; i < bytes; i++) r[i] = x[i] | y[i];
    return out;
  }
  for (int64_t i = 0; i < n; i++) {
    bool av = a.IsValid(i), bv = b.IsValid(i);
    bool at = av && a.GetBool(i), bt = bv && b.GetBool(i);
    if (at || bt) {
      out->SetBool(i, true);
    } else if (!av || !bv) {
      out->SetNull(i);
    }
  }
  return out;
}

VectorPtr NotKernel(const Vector& a) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  uint8_t* r = out->data_buffer()->data();
  const uint8_t* x = a.data_buffer()->data();
  for (int64_t i = 0; i < (n + 7) / 8; i++) r[i] = static_cast<uint8_t>(~x[i]);
  if (n % 8) r[n / 8] &= static_cast<uint8_t>((1u << (n % 8)) - 1);
  out->set_validity(a.shared_validity());
  return out;
}

VectorPtr IsNullKernel(const Vector& a, bool negated) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  for (int64_t i = 0; i < n; i++) out->SetBool(i, a.IsNull(i) != negated);
  return out;
}

Result<VectorPtr> IsDistinctKernel(const Vector& a, const Vector& b, bool negated) {
  KODIAK_ASSIGN_OR_RETURN(VectorPtr eq, CompareKernel(BinaryOp::kEq, a, b));
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  for (int64_t i = 0; i < n; i++) {
    bool an = a.IsNull(i), bn = b.IsNull(i);
    bool distinct = (an || bn) ? an != bn : !eq->GetBool(i);
    out->SetBool(i, distinct != negated);
  }
  return out;
}

Result<VectorPtr> NegateKernel(const Vector& a) {
  const int64_t n = a.length();
  auto out = std::make_shared<Vector>(a.type(), n);
  out->set_validity(a.shared_validity());
  switch (a.type().id()) {
    case TypeId::kInt64:
      for (int64_t i = 0; i < n; i++) {
        int64_t v = a.data<int64_t>()[i];
        if (v == INT64_MIN && a.IsValid(i)) return Status::OutOfRange("integer overflow");
        out->data<int64_t>()[i] = v == INT64_MIN ? 0 : -v;
      }
      break;
    case TypeId::kFloat64:
      for (int64_t i = 0; i < n; i++) out->data<double>()[i] = -a.data<double>()[i];
      break;
    case TypeId::kDecimal:
      for (int64_t i = 0; i < n; i++) out->data<int128_t>()[i] = -a.data<int128_t>()[i];
      break;
    case TypeId::kInterval:
      for (int64_t i = 0; i < n; i++) {
        Interval v = a.data<Interval>()[i];
        out->data<Interval>()[i] = Interval{-v.months, -v.days, -v.nanos};
      }
      break;
    default: return Status::Internal("no negation kernel for " + a.type().ToString());
  }
  return out;
}

VectorPtr ConcatKernel(const Vector& a, const Vector& b) {
  const int64_t n = a.length();
  if (a.type().id() == TypeId::kList) {
    VectorBuilder lists(a.type(), n);
    for (int64_t i = 0; i < n; i++) {
      if (a.IsNull(i) || b.IsNull(i)) {
        lists.AppendNull();
        continue;
      }
      std::vector<Value> items = a.GetValue(i).children();
      const Value tail = b.GetValue(i);  // named: a temporary would die before the loop
      for (const auto& v : tail.children()) items.push_back(v);
      lists.Append(Value::Nested(a.type(), std::move(items)));
    }
    return lists.Finish();
  }
  VectorBuilder builder(a.type(), n);
  std::string s;
  for (int64_t i = 0; i < n; i++) {
    if (a.IsNull(i) || b.IsNull(i)) {
      builder.AppendNull();
      continue;
    }
    s.assign(a.GetString(i));
    s.append(b.GetString(i));
    builder.AppendString(s);
  }
  return builder.Finish();
}

namespace {

// Iterative LIKE matcher with backtracking on the last '%'.
bool LikeMatch(std::string_view s, std::string_view p, char escape, bool ci) {
  size_t si = 0, pi = 0, star_p = std::string_view::npos, star_s = 0;
  auto eq = [&](char a, char b) {
    return ci ? std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)) : a == b;
  };
  while (si < s.size()) {
    if (pi < p.size()) {
      char c = p[pi];
      if (escape && c == escape && pi + 1 < p.size()) {
        if (eq(s[si], p[pi + 1])) {
          si++;
          pi += 2;
          continue;
        }
      } else if (c == '%') {
        star_p = pi++;
        star_s = si;
        continue;
      } else if (c == '_') {
        si++;
        // skip UTF-8 continuation bytes so '_' matches one character
        while (si < s.size() && (static_cast<unsigned char>(s[si]) & 0xC0) == 0x80) si++;
        pi++;
        continue;
      } else if (eq(s[si], c)) {
        si++;
        pi++;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p + 1;
    si = ++star_s;
  }
  while (pi < p.size() && p[pi] == '%') pi++;
  return pi == p.size();
}

}  // namespace

VectorPtr LikeKernel(const Vector& s, const Vector& pattern, const Vector* escape, bool negated, bool ci) {
  const int64_t n = s.length();
  auto out = std::make_shared<Vector>(TypeId::kBool, n);
  for (int64_t i = 0; i < n; i++) {
    if (s.IsNull(i) || pattern.IsNull(i) || (escape && escape->IsNull(i))) {
      out->SetNull(i);
      continue;
    }
    char esc = 0;
    if (escape && !escape->GetString(i).empty()) esc = escape->GetString(i)[0];
    out->SetBool(i, LikeMatch(s.GetString(i), pattern.GetString(i), esc, ci) != negated);
  }
  return out;
}

}  // namespace kodiak::sql
