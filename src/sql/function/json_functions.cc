// JSON functions (nlohmann-json): the -> and ->> operators (json_get,
// json_get_text), json_extract / json_extract_string with a JSONPath
// ('$.a.b[0]'), json_array_length, json_keys, json_valid, json_type,
// to_json. JSON values are text; an object key is TEXT, an array index an
// integer from 0; a missing key or index gives NULL.
#include <nlohmann/json.hpp>

#include "sql/function/function_registry.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
using json = nlohmann::json;
const LogicalType text = TypeId::kText, js = TypeId::kJson, i64 = TypeId::kInt64, b = TypeId::kBool;

Result<json> Parse(const std::string& s) {
  json j = json::parse(s, nullptr, false, /*ignore_comments=*/true);
  if (j.is_discarded()) return Status::Conversion("not valid JSON: " + (s.size() > 60 ? s.substr(0, 57) + "..." : s));
  return j;
}

// One step: a key of an object or an index of an array; null when absent.
const json* Step(const json& j, const Value& key) {
  if (key.type().IsInteger()) {
    if (!j.is_array()) return nullptr;
    int64_t i = key.int_value();
    if (i < 0) i += static_cast<int64_t>(j.size());
    if (i < 0 || i >= static_cast<int64_t>(j.size())) return nullptr;
    return &j[static_cast<size_t>(i)];
  }
  if (!j.is_object()) return nullptr;
  auto it = j.find(key.str_value());
  return it == j.end() ? nullptr : &*it;
}

Value AsText(const json& j) {
  if (j.is_null()) return Value::Null(TypeId::kText);
  if (j.is_string()) return Value::Text(j.get<std::string>());
  return Value::Text(j.dump());
}

Status BindGet(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result, bool as_text) {
  LogicalType key = args[1].IsInteger() ? LogicalType(TypeId::kInt64) : LogicalType(TypeId::kText);
  if (args[0].id() != TypeId::kJson && args[0].id() != TypeId::kText && args[0].id() != TypeId::kNull) {
    return Status::TypeError("-> and ->> read JSON, not " + args[0].ToString());
  }
  if (!args[1].IsInteger() && args[1].id() != TypeId::kText && args[1].id() != TypeId::kNull) {
    return Status::TypeError("a JSON key is TEXT or an array index, not " + args[1].ToString());
  }
  *types = {js, key};
  *result = as_text ? text : js;
  return Status::OK();
}

template <bool kText>
Result<Value> Get(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(json j, Parse(a[0].str_value()));
  const json* v = Step(j, a[1]);
  if (!v) return Value::Null(kText ? text : js);
  if (kText) return AsText(*v);
  return Value::Json(v->dump());
}

// '$.a.b[0]' or 'a.b': the steps of a path.
Result<std::vector<Value>> ParsePath(const std::string& path) {
  std::vector<Value> steps;
  size_t i = 0;
  if (!path.empty() && path[0] == '$') i = 1;
  while (i < path.size()) {
    if (path[i] == '.') {
      i++;
      size_t j = i;
      if (i < path.size() && path[i] == '"') {
        j = path.find('"', i + 1);
        if (j == std::string::npos) return Status::InvalidArgument("bad JSON path '" + path + "'");
        steps.push_back(Value::Text(path.substr(i + 1, j - i - 1)));
        i = j + 1;
        continue;
      }
      while (j < path.size() && path[j] != '.' && path[j] != '[') j++;
      steps.push_back(Value::Text(path.substr(i, j - i)));
      i = j;
    } else if (path[i] == '[') {
      size_t j = path.find(']', i);
      if (j == std::string::npos) return Status::InvalidArgument("bad JSON path '" + path + "'");
      std::string idx = path.substr(i + 1, j - i - 1);
      try {
        steps.push_back(Value::Int64(std::stoll(idx)));
      } catch (...) {
        return Status::InvalidArgument("bad array index '" + idx + "' in JSON path '" + path + "'");
      }
      i = j + 1;
    } else if (i == 0) {
      size_t j = i;
      while (j < path.size() && path[j] != '.' && path[j] != '[') j++;
      steps.push_back(Value::Text(path.substr(i, j - i)));
      i = j;
    } else {
      return Status::InvalidArgument("bad JSON path '" + path + "' at '" + path.substr(i) + "'");
    }
  }
  return steps;
}

template <bool kText>
Result<Value> Extract(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(json j, Parse(a[0].str_value()));
  KODIAK_ASSIGN_OR_RETURN(std::vector<Value> steps, ParsePath(a[1].str_value()));
  const json* cur = &j;
  for (const auto& s : steps) {
    cur = Step(*cur, s);
    if (!cur) return Value::Null(kText ? text : js);
  }
  if (kText) return AsText(*cur);
  return Value::Json(cur->dump());
}

Result<Value> ArrayLength(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(json j, Parse(a[0].str_value()));
  if (!j.is_array()) return Value::Null(i64);
  return Value::Int64(static_cast<int64_t>(j.size()));
}

Result<Value> Keys(const V& a, const LogicalType& t) {
  KODIAK_ASSIGN_OR_RETURN(json j, Parse(a[0].str_value()));
  if (!j.is_object()) return Value::Null(t);
  std::vector<Value> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(Value::Text(it.key()));
  return Value::Nested(t, std::move(keys));
}

Result<Value> Valid(const V& a, const LogicalType&) {
  return Value::Bool(!json::parse(a[0].str_value(), nullptr, false, true).is_discarded());
}

Result<Value> Type(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(json j, Parse(a[0].str_value()));
  const char* t = j.is_object() ? "OBJECT" : j.is_array() ? "ARRAY" : j.is_string() ? "VARCHAR"
                  : j.is_boolean() ? "BOOLEAN" : j.is_number_integer() ? "BIGINT" : j.is_number() ? "DOUBLE" : "NULL";
  return Value::Text(t);
}

json ToJson(const Value& v) {
  if (v.is_null()) return nullptr;
  switch (v.type().id()) {
    case TypeId::kBool: return v.bool_value();
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64: return v.int_value();
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64: return v.uint_value();
    case TypeId::kFloat32:
    case TypeId::kFloat64: return v.float_value();
    case TypeId::kJson: return json::parse(v.str_value(), nullptr, false, true);
    case TypeId::kList: {
      json arr = json::array();
      for (const auto& c : v.children()) arr.push_back(ToJson(c));
      return arr;
    }
    case TypeId::kStruct: {
      json obj = json::object();
      const auto& fields = v.type().fields();
      for (size_t i = 0; i < fields.size() && i < v.children().size(); i++) obj[fields[i].name] = ToJson(v.children()[i]);
      return obj;
    }
    default: return v.ToString();
  }
}

Result<Value> ToJsonFn(const V& a, const LogicalType&) { return Value::Json(ToJson(a[0]).dump()); }

}  // namespace

void RegisterJsonFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
  add({"json_get", 2, 2,
       [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) { return BindGet(a, t, r, false); },
       RowWise<Get<false>>, "json -> key | index -> JSON"});
  add({"json_get_text", 2, 2,
       [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) { return BindGet(a, t, r, true); },
       RowWise<Get<true>>, "json ->> key | index -> TEXT"});
  add({"json_extract", 2, 2, KODIAK_FIXED_BIND("json_extract", {js, text}, js), RowWise<Extract<false>>,
       "json_extract(JSON, '$.path') -> JSON"});
  add({"json_extract_string", 2, 2, KODIAK_FIXED_BIND("json_extract_string", {js, text}, text),
       RowWise<Extract<true>>, "json_extract_string(JSON, '$.path') -> TEXT"});
  add({"json_array_length", 1, 1, KODIAK_FIXED_BIND("json_array_length", {js}, i64), RowWise<ArrayLength>,
       "json_array_length(JSON) -> INT64"});
  add({"json_keys", 1, 1, KODIAK_FIXED_BIND("json_keys", {js}, LogicalType::List(text)), RowWise<Keys>,
       "json_keys(JSON) -> LIST<TEXT>"});
  add({"json_valid", 1, 1, KODIAK_FIXED_BIND("json_valid", {text}, b), RowWise<Valid>, "json_valid(TEXT) -> BOOL"});
  add({"json_type", 1, 1, KODIAK_FIXED_BIND("json_type", {js}, text), RowWise<Type>, "json_type(JSON) -> TEXT"});
  add({"to_json", 1, 1,
       [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) -> Status {
         *t = a;
         *r = TypeId::kJson;
         return Status::OK();
       },
       RowWise<ToJsonFn>, "to_json(x) -> JSON"});
}

}  // namespace kodiak::sql
