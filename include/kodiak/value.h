// Value: one typed PL-Grizzly value (or NULL), as results hand them out and
// as literals and variables hold them.
//
// Contract: a Value is an immutable-by-convention value type; copying copies
// its payload. It is not the engine's hot path: execution works on whole
// columnar batches and only materializes Values at the API edge.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kodiak/type.h"

namespace kodiak {

using int128_t = __int128;

// Arrow's MONTH_DAY_NANO interval.
struct Interval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t nanos = 0;
  bool operator==(const Interval& o) const {
    return months == o.months && days == o.days && nanos == o.nanos;
  }
};

class Value {
 public:
  Value() : type_(TypeId::kNull), is_null_(true) {}  // untyped NULL

  static Value Null(LogicalType type = TypeId::kNull);
  static Value Bool(bool v);
  // Any integer type; the value must fit the type.
  static Value Integer(LogicalType type, int64_t v);
  static Value Int64(int64_t v) { return Integer(TypeId::kInt64, v); }
  static Value Int32(int32_t v) { return Integer(TypeId::kInt32, v); }
  static Value UInt64(uint64_t v);
  static Value Float32(float v);
  static Value Float64(double v);
  // `unscaled` / 10^scale.
  static Value Decimal(int128_t unscaled, int precision, int scale);
  static Value Text(std::string v);
  static Value Blob(std::string bytes);
  static Value Json(std::string text);
  static Value Date(int32_t days);
  static Value Time(int64_t micros);
  static Value Timestamp(int64_t micros);
  static Value TimestampTz(int64_t micros);
  static Value IntervalValue(Interval v);
  static Value Uuid(int128_t bits);  // big-endian order of the 16 bytes
  // LIST: elements; STRUCT: one value per field; MAP: entries as 2-field structs.
  static Value Nested(LogicalType type, std::vector<Value> children);

  const LogicalType& type() const { return type_; }
  bool is_null() const { return is_null_; }

  // Typed accessors; the caller checks the type first.
  bool bool_value() const { return i_ != 0; }
  int64_t int_value() const { return i_; }  // signed integers, date, time, timestamps
  uint64_t uint_value() const { return static_cast<uint64_t>(i_); }
  double float_value() const { return f_; }
  int128_t decimal_value() const { return wide_; }  // unscaled; also UUID bits
  const std::string& str_value() const { return s_; }  // TEXT, BLOB, JSON
  const Interval& interval_value() const { return interval_; }
  const std::vector<Value>& children() const { return children_; }

  // The canonical text: 42, 1.5, 12.30 (DECIMAL(4,2)), 2024-01-31,
  // 2024-01-31 12:00:00, [1, 2], {'a': 1}, text as is; "NULL" for NULL.
  std::string ToString() const;
  // As ToString, but text inside nested values is quoted ('x').
  std::string ToSqlLiteral() const;

  // Total order used for tests and sorting of Values (NULLs first).
  int Compare(const Value& other) const;
  bool operator==(const Value& o) const { return Compare(o) == 0; }

 private:
  LogicalType type_;
  bool is_null_ = false;
  int64_t i_ = 0;
  double f_ = 0;
  int128_t wide_ = 0;
  std::string s_;
  Interval interval_;
  std::vector<Value> children_;
};

}  // namespace kodiak
