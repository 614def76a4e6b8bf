// LogicalType: the types of PL-Grizzly values and columns.
//
// Contract: each TypeId maps to exactly one Arrow physical layout (see
// docs/types.md); the mapping is what src/columnar stores and what the
// Feather reader/writer will speak. A LogicalType is an immutable value,
// cheap to copy (nested children are shared), safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kodiak {

// Serialized: the numeric values are part of on-disk formats; never renumber.
enum class TypeId : uint8_t {
  kNull = 0,         // the type of a bare NULL literal
  kBool = 1,         // Arrow bool (bit-packed)
  kInt8 = 2,
  kInt16 = 3,
  kInt32 = 4,
  kInt64 = 5,
  kUInt8 = 6,
  kUInt16 = 7,
  kUInt32 = 8,
  kUInt64 = 9,
  kFloat32 = 10,
  kFloat64 = 11,
  kDecimal = 12,     // Arrow decimal128(p, s): 16-byte two's complement, p <= 38
  kText = 13,        // Arrow utf8: int32 offsets + bytes
  kBlob = 14,        // Arrow binary
  kDate = 15,        // Arrow date32: days since 1970-01-01
  kTime = 16,        // Arrow time64[us]: microseconds since midnight
  kTimestamp = 17,   // Arrow timestamp[us]: microseconds since epoch, no zone
  kTimestampTz = 18, // Arrow timestamp[us, UTC]: an instant
  kInterval = 19,    // Arrow interval(MONTH_DAY_NANO): int32, int32, int64
  kUuid = 20,        // Arrow fixed_size_binary(16), extension arrow.uuid
  kJson = 21,        // Arrow utf8, extension arrow.json
  kList = 22,        // Arrow list: int32 offsets + child array
  kStruct = 23,      // Arrow struct: one child array per field
  kMap = 24,         // Arrow map: list of struct<key, value>
};

class LogicalType;
struct StructField;

class LogicalType {
 public:
  LogicalType() : id_(TypeId::kNull) {}
  LogicalType(TypeId id) : id_(id) {}  // NOLINT: implicit for the simple types

  static LogicalType Decimal(int precision, int scale);
  static LogicalType List(LogicalType child);
  static LogicalType Struct(std::vector<StructField> fields);
  static LogicalType Map(LogicalType key, LogicalType value);

  TypeId id() const { return id_; }
  int precision() const { return precision_; }
  int scale() const { return scale_; }
  // LIST: the element type. MAP: the entry struct<key, value>.
  const LogicalType& child() const;
  // STRUCT: the fields.
  const std::vector<StructField>& fields() const;
  const LogicalType& map_key() const;
  const LogicalType& map_value() const;

  bool IsInteger() const { return id_ >= TypeId::kInt8 && id_ <= TypeId::kUInt64; }
  bool IsSignedInteger() const { return id_ >= TypeId::kInt8 && id_ <= TypeId::kInt64; }
  bool IsUnsignedInteger() const { return id_ >= TypeId::kUInt8 && id_ <= TypeId::kUInt64; }
  bool IsFloat() const { return id_ == TypeId::kFloat32 || id_ == TypeId::kFloat64; }
  bool IsNumeric() const { return IsInteger() || IsFloat() || id_ == TypeId::kDecimal; }
  bool IsStringLike() const {
    return id_ == TypeId::kText || id_ == TypeId::kBlob || id_ == TypeId::kJson;
  }
  bool IsTemporal() const { return id_ >= TypeId::kDate && id_ <= TypeId::kInterval; }
  bool IsNested() const { return id_ == TypeId::kList || id_ == TypeId::kStruct || id_ == TypeId::kMap; }
  // Bytes per value in the data buffer of a fixed-width type; 0 for BOOL
  // (bit-packed), variable-width and nested types.
  int FixedWidth() const;

  // "INT64", "DECIMAL(10,2)", "LIST<TEXT>", "STRUCT(a INT64, b TEXT)", "MAP<TEXT, INT64>".
  std::string ToString() const;

  bool operator==(const LogicalType& other) const;
  bool operator!=(const LogicalType& other) const { return !(*this == other); }

 private:
  TypeId id_;
  uint8_t precision_ = 0;
  uint8_t scale_ = 0;
  std::shared_ptr<const std::vector<StructField>> children_;  // shared: immutable
};

struct StructField {
  std::string name;
  LogicalType type;
};

// Parses a type name as PL-Grizzly spells it: "INT", "BIGINT", "varchar",
// "DECIMAL(10,2)", "TEXT[]", "LIST<INT>", "MAP<TEXT,INT>". Returns false when
// the name is not a type.
bool ParseTypeName(std::string_view text, LogicalType* out);

}  // namespace kodiak
