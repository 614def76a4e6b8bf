#include <algorithm>
#include <cctype>
#include <string>

#include "common/strings.h"
#include "kodiak/type.h"

namespace kodiak {

namespace {

struct TypeAlias {
  const char* name;
  TypeId id;
};

constexpr TypeAlias kAliases[] = {
    {"bool", TypeId::kBool},           {"boolean", TypeId::kBool},
    {"int8", TypeId::kInt8},           {"tinyint", TypeId::kInt8},
    {"int16", TypeId::kInt16},         {"smallint", TypeId::kInt16},
    {"int32", TypeId::kInt32},         {"int", TypeId::kInt32},
    {"integer", TypeId::kInt32},       {"int4", TypeId::kInt32},
    {"int64", TypeId::kInt64},         {"bigint", TypeId::kInt64},
    {"long", TypeId::kInt64},          {"uint8", TypeId::kUInt8},
    {"utinyint", TypeId::kUInt8},      {"uint16", TypeId::kUInt16},
    {"usmallint", TypeId::kUInt16},    {"uint32", TypeId::kUInt32},
    {"uinteger", TypeId::kUInt32},     {"uint64", TypeId::kUInt64},
    {"ubigint", TypeId::kUInt64},      {"float32", TypeId::kFloat32},
    {"real", TypeId::kFloat32},        {"float4", TypeId::kFloat32},
    {"float64", TypeId::kFloat64},     {"float", TypeId::kFloat64},
    {"double", TypeId::kFloat64},      {"float8", TypeId::kFloat64},
    {"decimal", TypeId::kDecimal},     {"numeric", TypeId::kDecimal},
    {"text", TypeId::kText},           {"varchar", TypeId::kText},
    {"string", TypeId::kText},         {"char", TypeId::kText},
    {"bpchar", TypeId::kText},         {"character", TypeId::kText},
    {"blob", TypeId::kBlob},           {"bytes", TypeId::kBlob},
    {"bytea", TypeId::kBlob},          {"binary", TypeId::kBlob},
    {"varbinary", TypeId::kBlob},      {"date", TypeId::kDate},
    {"time", TypeId::kTime},           {"timestamp", TypeId::kTimestamp},
    {"datetime", TypeId::kTimestamp},  {"timestamptz", TypeId::kTimestampTz},
    {"interval", TypeId::kInterval},   {"uuid", TypeId::kUuid},
    {"json", TypeId::kJson},           {"null", TypeId::kNull},
};

const char* BaseName(TypeId id) {
  switch (id) {
    case TypeId::kNull: return "NULL";
    case TypeId::kBool: return "BOOL";
    case TypeId::kInt8: return "INT8";
    case TypeId::kInt16: return "INT16";
    case TypeId::kInt32: return "INT32";
    case TypeId::kInt64: return "INT64";
    case TypeId::kUInt8: return "UINT8";
    case TypeId::kUInt16: return "UINT16";
    case TypeId::kUInt32: return "UINT32";
    case TypeId::kUInt64: return "UINT64";
    case TypeId::kFloat32: return "FLOAT32";
    case TypeId::kFloat64: return "FLOAT64";
    case TypeId::kDecimal: return "DECIMAL";
    case TypeId::kText: return "TEXT";
    case TypeId::kBlob: return "BLOB";
    case TypeId::kDate: return "DATE";
    case TypeId::kTime: return "TIME";
    case TypeId::kTimestamp: return "TIMESTAMP";
    case TypeId::kTimestampTz: return "TIMESTAMPTZ";
    case TypeId::kInterval: return "INTERVAL";
    case TypeId::kUuid: return "UUID";
    case TypeId::kJson: return "JSON";
    case TypeId::kList: return "LIST";
    case TypeId::kStruct: return "STRUCT";
    case TypeId::kMap: return "MAP";
  }
  return "?";
}

// Splits "a, b<c, d>, e" at top-level commas.
std::vector<std::string_view> SplitTopLevel(std::string_view s) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (c == '<' || c == '(' || c == '[') depth++;
    if (c == '>' || c == ')' || c == ']') depth--;
    if (c == ',' && depth == 0) {
      parts.push_back(TrimSpace(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(TrimSpace(s.substr(start)));
  return parts;
}

// A type parameter: a non-negative integer of at most 9 digits.
bool ParseTypeParameter(std::string_view s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

LogicalType LogicalType::Decimal(int precision, int scale) {
  LogicalType t(TypeId::kDecimal);
  t.precision_ = static_cast<uint8_t>(precision);
  t.scale_ = static_cast<uint8_t>(scale);
  return t;
}

LogicalType LogicalType::List(LogicalType child) {
  LogicalType t(TypeId::kList);
  t.children_ = std::make_shared<std::vector<StructField>>(
      std::vector<StructField>{StructField{"item", std::move(child)}});
  return t;
}

LogicalType LogicalType::Struct(std::vector<StructField> fields) {
  LogicalType t(TypeId::kStruct);
  t.children_ = std::make_shared<std::vector<StructField>>(std::move(fields));
  return t;
}

LogicalType LogicalType::Map(LogicalType key, LogicalType value) {
  LogicalType t(TypeId::kMap);
  LogicalType entry = Struct({StructField{"key", std::move(key)}, StructField{"value", std::move(value)}});
  t.children_ = std::make_shared<std::vector<StructField>>(
      std::vector<StructField>{StructField{"entries", std::move(entry)}});
  return t;
}

const LogicalType& LogicalType::child() const {
  static const LogicalType kNullType;
  return children_ && !children_->empty() ? (*children_)[0].type : kNullType;
}

const std::vector<StructField>& LogicalType::fields() const {
  static const std::vector<StructField> kEmpty;
  return children_ ? *children_ : kEmpty;
}

const LogicalType& LogicalType::map_key() const { return child().fields()[0].type; }
const LogicalType& LogicalType::map_value() const { return child().fields()[1].type; }

int LogicalType::FixedWidth() const {
  switch (id_) {
    case TypeId::kInt8:
    case TypeId::kUInt8: return 1;
    case TypeId::kInt16:
    case TypeId::kUInt16: return 2;
    case TypeId::kInt32:
    case TypeId::kUInt32:
    case TypeId::kFloat32:
    case TypeId::kDate: return 4;
    case TypeId::kInt64:
    case TypeId::kUInt64:
    case TypeId::kFloat64:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return 8;
    case TypeId::kDecimal:
    case TypeId::kInterval:
    case TypeId::kUuid: return 16;
    default: return 0;
  }
}

std::string LogicalType::ToString() const {
  switch (id_) {
    case TypeId::kDecimal:
      return "DECIMAL(" + std::to_string(precision_) + "," + std::to_string(scale_) + ")";
    case TypeId::kList: return "LIST<" + child().ToString() + ">";
    case TypeId::kMap: return "MAP<" + map_key().ToString() + ", " + map_value().ToString() + ">";
    case TypeId::kStruct: {
      std::string out = "STRUCT(";
      for (size_t i = 0; i < fields().size(); i++) {
        if (i) out += ", ";
        out += fields()[i].name + " " + fields()[i].type.ToString();
      }
      return out + ")";
    }
    default: return BaseName(id_);
  }
}

bool LogicalType::operator==(const LogicalType& other) const {
  if (id_ != other.id_) return false;
  if (id_ == TypeId::kDecimal) return precision_ == other.precision_ && scale_ == other.scale_;
  if (!IsNested()) return true;
  const auto& a = fields();
  const auto& b = other.fields();
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (a[i].type != b[i].type) return false;
    if (id_ == TypeId::kStruct && AsciiLower(a[i].name) != AsciiLower(b[i].name)) return false;
  }
  return true;
}

bool ParseTypeName(std::string_view text, LogicalType* out) {
  text = TrimSpace(text);
  if (text.empty()) return false;
  if (text.size() > 2 && text.substr(text.size() - 2) == "[]") {
    LogicalType child;
    if (!ParseTypeName(text.substr(0, text.size() - 2), &child)) return false;
    *out = LogicalType::List(child);
    return true;
  }
  size_t open = text.find_first_of("(<");
  std::string base = AsciiLower(TrimSpace(text.substr(0, open)));
  if (base == "double precision") base = "double";
  if (base == "character varying") base = "varchar";
  if (base == "timestamp with time zone") base = "timestamptz";
  std::string_view args;
  if (open != std::string_view::npos) {
    char close = text[open] == '(' ? ')' : '>';
    if (text.back() != close) return false;
    args = text.substr(open + 1, text.size() - open - 2);
  }
  if (base == "list" || base == "array") {
    LogicalType child;
    if (args.empty() || !ParseTypeName(args, &child)) return false;
    *out = LogicalType::List(child);
    return true;
  }
  if (base == "map") {
    auto parts = SplitTopLevel(args);
    LogicalType k, v;
    if (parts.size() != 2 || !ParseTypeName(parts[0], &k) || !ParseTypeName(parts[1], &v)) return false;
    *out = LogicalType::Map(k, v);
    return true;
  }
  if (base == "struct") {
    std::vector<StructField> fields;
    for (auto part : SplitTopLevel(args)) {
      size_t sp = part.find_first_of(" \t:");
      if (sp == std::string_view::npos) return false;
      std::string_view rest = TrimSpace(part.substr(sp));
      if (!rest.empty() && rest.front() == ':') rest = TrimSpace(rest.substr(1));
      LogicalType ft;
      if (!ParseTypeName(rest, &ft)) return false;
      fields.push_back({std::string(part.substr(0, sp)), ft});
    }
    *out = LogicalType::Struct(std::move(fields));
    return true;
  }
  // Simple types take parameters only in parentheses, and only numbers.
  std::vector<std::string_view> params;
  if (open != std::string_view::npos) {
    if (text[open] != '(') return false;
    params = SplitTopLevel(args);
  }
  for (const auto& alias : kAliases) {
    if (base == alias.name) {
      if (alias.id == TypeId::kDecimal) {
        int p = 18, s = 3;
        if (open != std::string_view::npos) {
          if (params.size() > 2 || !ParseTypeParameter(params[0], &p)) return false;
          s = 0;
          if (params.size() == 2 && !ParseTypeParameter(params[1], &s)) return false;
          if (p < 1 || p > 38 || s > p) return false;
        }
        *out = LogicalType::Decimal(p, s);
        return true;
      }
      // VARCHAR(n), CHAR(n): the length is accepted and ignored.
      int ignored;
      if (open != std::string_view::npos &&
          (params.size() != 1 || !ParseTypeParameter(params[0], &ignored))) {
        return false;
      }
      *out = LogicalType(alias.id);
      return true;
    }
  }
  return false;
}

}  // namespace kodiak
