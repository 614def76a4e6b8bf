// Math functions: ceil, floor, trunc, sqrt, cbrt, power, exp, ln, log, log2,
// sign, mod, pi, the trigonometric functions, degrees, radians, random,
// greatest, least, gcd, lcm. Results are FLOAT64 except where the SQL
// standard keeps the argument's type (sign, mod, gcd, lcm, greatest, least).
#include <cmath>
#include <numeric>
#include <random>

#include "sql/execution/cast.h"
#include "sql/function/function_registry.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
const LogicalType f64 = TypeId::kFloat64;
using F1 = double (*)(double);

double D(const Value& v) { return v.float_value(); }

template <F1 F>
Result<Value> Unary(const V& a, const LogicalType&) {
  return Value::Float64(F(D(a[0])));
}

double Ceil(double x) { return std::ceil(x); }
double Floor(double x) { return std::floor(x); }
double Trunc(double x) { return std::trunc(x); }
double Cbrt(double x) { return std::cbrt(x); }
double Exp(double x) { return std::exp(x); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Atan(double x) { return std::atan(x); }
double Degrees(double x) { return x * 180.0 / M_PI; }
double Radians(double x) { return x * M_PI / 180.0; }

Result<Value> Sqrt(const V& a, const LogicalType&) {
  if (D(a[0]) < 0) return Status::OutOfRange("sqrt() of a negative number: " + std::to_string(D(a[0])));
  return Value::Float64(std::sqrt(D(a[0])));
}

template <int kBase>
Result<Value> Log(const V& a, const LogicalType&) {
  double x = D(a[0]);
  if (x <= 0) return Status::OutOfRange("the logarithm of " + std::to_string(x) + " is not defined (it must be > 0)");
  return Value::Float64(kBase == 10 ? std::log10(x) : kBase == 2 ? std::log2(x) : std::log(x));
}

Result<Value> LogBase(const V& a, const LogicalType&) {
  // log(x) is log10 (PostgreSQL); log(b, x) is the base-b logarithm.
  if (a.size() == 1) return Log<10>(a, TypeId::kFloat64);
  double b = D(a[0]), x = D(a[1]);
  if (b <= 0 || b == 1 || x <= 0) return Status::OutOfRange("log(" + std::to_string(b) + ", " + std::to_string(x) + ") is not defined");
  return Value::Float64(std::log(x) / std::log(b));
}

Result<Value> AsinAcos(const V& a, const LogicalType& t, bool sine) {
  double x = D(a[0]);
  if (x < -1 || x > 1) return Status::OutOfRange(std::string(sine ? "asin" : "acos") + "() needs a value from -1 to 1");
  (void)t;
  return Value::Float64(sine ? std::asin(x) : std::acos(x));
}
Result<Value> Asin(const V& a, const LogicalType& t) { return AsinAcos(a, t, true); }
Result<Value> Acos(const V& a, const LogicalType& t) { return AsinAcos(a, t, false); }
Result<Value> Atan2(const V& a, const LogicalType&) { return Value::Float64(std::atan2(D(a[0]), D(a[1]))); }

Result<Value> Power(const V& a, const LogicalType&) {
  double r = std::pow(D(a[0]), D(a[1]));
  if (std::isnan(r) && !std::isnan(D(a[0])) && !std::isnan(D(a[1]))) {
    return Status::OutOfRange("power(" + std::to_string(D(a[0])) + ", " + std::to_string(D(a[1])) + ") is not a real number");
  }
  return Value::Float64(r);
}

Result<Value> Pi(const V&, const LogicalType&) { return Value::Float64(M_PI); }

Result<Value> Random(const V&, const LogicalType&) {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return Value::Float64(std::uniform_real_distribution<double>(0.0, 1.0)(gen));
}

// Integer-typed: sign, mod, gcd, lcm (INT64), or FLOAT64 for sign/mod of floats.
Result<Value> Sign(const V& a, const LogicalType& t) {
  if (t.id() == TypeId::kFloat64) return Value::Float64(D(a[0]) > 0 ? 1.0 : D(a[0]) < 0 ? -1.0 : 0.0);
  int64_t x = a[0].int_value();
  return Value::Int64(x > 0 ? 1 : x < 0 ? -1 : 0);
}
Result<Value> Mod(const V& a, const LogicalType& t) {
  if (t.id() == TypeId::kFloat64) {
    if (D(a[1]) == 0) return Value::Null(t);
    return Value::Float64(std::fmod(D(a[0]), D(a[1])));
  }
  if (a[1].int_value() == 0) return Value::Null(t);
  if (a[1].int_value() == -1) return Value::Int64(0);
  return Value::Int64(a[0].int_value() % a[1].int_value());
}
Result<Value> Gcd(const V& a, const LogicalType&) { return Value::Int64(std::gcd(a[0].int_value(), a[1].int_value())); }
Result<Value> Lcm(const V& a, const LogicalType&) {
  int64_t x = a[0].int_value(), y = a[1].int_value();
  if (x == 0 || y == 0) return Value::Int64(0);
  __int128 r = static_cast<__int128>(x / std::gcd(x, y)) * y;
  if (r < 0) r = -r;
  if (r > INT64_MAX) return Status::OutOfRange("lcm() overflows INT64");
  return Value::Int64(static_cast<int64_t>(r));
}

Status BindIntOrFloat(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  bool floating = false;
  for (const auto& t : args) {
    if (t.id() != TypeId::kNull && !t.IsNumeric()) {
      return Status::TypeError("expected numbers, got " + t.ToString());
    }
    floating |= t.IsFloat() || t.id() == TypeId::kDecimal;
  }
  LogicalType common = floating ? LogicalType(TypeId::kFloat64) : LogicalType(TypeId::kInt64);
  types->assign(args.size(), common);
  *result = common;
  return Status::OK();
}

// greatest / least: the common type of all arguments; NULLs are ignored
// (PostgreSQL); NULL only when all are NULL.
Status BindExtreme(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  LogicalType common = TypeId::kNull;
  for (const auto& t : args) {
    if (!CommonType(common, t, &common)) {
      return Status::TypeError("greatest() and least() need arguments of one type, got " + common.ToString() +
                               " and " + t.ToString());
    }
  }
  if (common.id() == TypeId::kNull) common = TypeId::kInt64;
  types->assign(args.size(), common);
  *result = common;
  return Status::OK();
}

template <bool kGreatest>
Result<Value> Extreme(const V& a, const LogicalType& t) {
  Value best = Value::Null(t);
  for (const auto& v : a) {
    if (v.is_null()) continue;
    if (best.is_null() || (kGreatest ? v.Compare(best) > 0 : v.Compare(best) < 0)) best = v;
  }
  return best;
}

}  // namespace

void RegisterMathFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
#define KODIAK_UNARY(NAME, FN) \
  add({NAME, 1, 1, KODIAK_FIXED_BIND(NAME, {f64}, f64), RowWise<FN>, NAME "(number) -> FLOAT64"})
  KODIAK_UNARY("ceil", Unary<Ceil>);
  KODIAK_UNARY("ceiling", Unary<Ceil>);
  KODIAK_UNARY("floor", Unary<Floor>);
  KODIAK_UNARY("trunc", Unary<Trunc>);
  KODIAK_UNARY("sqrt", Sqrt);
  KODIAK_UNARY("cbrt", Unary<Cbrt>);
  KODIAK_UNARY("exp", Unary<Exp>);
  KODIAK_UNARY("ln", Log<0>);
  KODIAK_UNARY("log10", Log<10>);
  KODIAK_UNARY("log2", Log<2>);
  KODIAK_UNARY("sin", Unary<Sin>);
  KODIAK_UNARY("cos", Unary<Cos>);
  KODIAK_UNARY("tan", Unary<Tan>);
  KODIAK_UNARY("asin", Asin);
  KODIAK_UNARY("acos", Acos);
  KODIAK_UNARY("atan", Unary<Atan>);
  KODIAK_UNARY("degrees", Unary<Degrees>);
  KODIAK_UNARY("radians", Unary<Radians>);
#undef KODIAK_UNARY
  add({"log", 1, 2, KODIAK_FIXED_BIND("log", {f64, f64}, f64), RowWise<LogBase>, "log([base, ] number) -> FLOAT64"});
  add({"atan2", 2, 2, KODIAK_FIXED_BIND("atan2", {f64, f64}, f64), RowWise<Atan2>, "atan2(y, x) -> FLOAT64"});
  add({"power", 2, 2, KODIAK_FIXED_BIND("power", {f64, f64}, f64), RowWise<Power>, "power(x, y) -> FLOAT64"});
  add({"pow", 2, 2, KODIAK_FIXED_BIND("pow", {f64, f64}, f64), RowWise<Power>, "pow(x, y) -> FLOAT64"});
  add({"pi", 0, 0, KODIAK_FIXED_BIND("pi", {}, f64), RowWise<Pi>, "pi() -> FLOAT64"});
  add({"random", 0, 0, KODIAK_FIXED_BIND("random", {}, f64), RowWise<Random>, "random() -> FLOAT64 in [0, 1)", true});
  add({"sign", 1, 1, BindIntOrFloat, RowWise<Sign>, "sign(number) -> -1, 0 or 1"});
  add({"mod", 2, 2, BindIntOrFloat, RowWise<Mod>, "mod(x, y) -> remainder"});
  add({"gcd", 2, 2, KODIAK_FIXED_BIND("gcd", {LogicalType(TypeId::kInt64)}, LogicalType(TypeId::kInt64)),
       RowWise<Gcd>, "gcd(INT64, INT64) -> INT64"});
  add({"lcm", 2, 2, KODIAK_FIXED_BIND("lcm", {LogicalType(TypeId::kInt64)}, LogicalType(TypeId::kInt64)),
       RowWise<Lcm>, "lcm(INT64, INT64) -> INT64"});
  add({"greatest", 1, -1, BindExtreme, RowWise<Extreme<true>, true>, "greatest(x, ...) -> the largest non-NULL"});
  add({"least", 1, -1, BindExtreme, RowWise<Extreme<false>, true>, "least(x, ...) -> the smallest non-NULL"});
}

}  // namespace kodiak::sql
