// List and struct functions: list_value, len / array_length, list_extract
// (x[i], from 1; negative from the end), list_contains / array_contains,
// list_concat / array_concat, list_sort, list_distinct, list_reverse,
// struct_extract (s['field'] and s.field) and struct_pack.
#include <algorithm>

#include "sql/function/function_registry.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
const LogicalType i64 = TypeId::kInt64, b = TypeId::kBool;

Status BindListValue(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  LogicalType common = TypeId::kNull;
  for (const auto& t : args) {
    if (!CommonType(common, t, &common)) {
      return Status::TypeError("list elements have different types: " + common.ToString() + " and " + t.ToString());
    }
  }
  if (common.id() == TypeId::kNull) common = TypeId::kInt64;
  types->assign(args.size(), common);
  *result = LogicalType::List(common);
  return Status::OK();
}

Result<Value> ListValue(const V& a, const LogicalType& t) { return Value::Nested(t, a); }

Status BindList1(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result,
                 const LogicalType* fixed_result) {
  if (args[0].id() != TypeId::kList && args[0].id() != TypeId::kNull) {
    return Status::TypeError("expected a LIST, got " + args[0].ToString());
  }
  LogicalType list = args[0].id() == TypeId::kNull ? LogicalType::List(TypeId::kInt64) : args[0];
  *types = {list};
  for (size_t i = 1; i < args.size(); i++) types->push_back(args[i]);
  *result = fixed_result ? *fixed_result : list;
  return Status::OK();
}

Result<Value> Len(const V& a, const LogicalType&) { return Value::Int64(static_cast<int64_t>(a[0].children().size())); }

Status BindExtract(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  if (args[0].id() != TypeId::kList && args[0].id() != TypeId::kNull) {
    return Status::TypeError("[] reads a LIST, a JSON value or a STRUCT, not " + args[0].ToString());
  }
  if (!args[1].IsInteger() && args[1].id() != TypeId::kNull) {
    return Status::TypeError("a list index is an integer, not " + args[1].ToString());
  }
  LogicalType list = args[0].id() == TypeId::kNull ? LogicalType::List(TypeId::kInt64) : args[0];
  *types = {list, LogicalType(TypeId::kInt64)};
  *result = list.child();
  return Status::OK();
}

Result<Value> Extract(const V& a, const LogicalType& t) {
  const auto& items = a[0].children();
  int64_t i = a[1].int_value();
  int64_t idx = i > 0 ? i - 1 : static_cast<int64_t>(items.size()) + i;
  if (i == 0 || idx < 0 || idx >= static_cast<int64_t>(items.size())) return Value::Null(t);
  return items[static_cast<size_t>(idx)];
}

Status BindContains(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  if (args[0].id() != TypeId::kList && args[0].id() != TypeId::kNull) {
    return Status::TypeError("list_contains() needs a LIST, got " + args[0].ToString());
  }
  LogicalType list = args[0].id() == TypeId::kNull ? LogicalType::List(TypeId::kInt64) : args[0];
  LogicalType common;
  if (!CommonType(list.child(), args[1], &common)) {
    return Status::TypeError("cannot look for " + args[1].ToString() + " in " + list.ToString());
  }
  *types = {LogicalType::List(common), common};
  *result = TypeId::kBool;
  return Status::OK();
}

Result<Value> Contains(const V& a, const LogicalType&) {
  for (const auto& v : a[0].children()) {
    if (!v.is_null() && v.Compare(a[1]) == 0) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Status BindConcat(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  LogicalType common = TypeId::kNull;
  for (const auto& t : args) {
    if (t.id() != TypeId::kList && t.id() != TypeId::kNull) return Status::TypeError("list_concat() needs LISTs");
    if (!CommonType(common, t, &common)) return Status::TypeError("cannot concatenate lists of different types");
  }
  if (common.id() == TypeId::kNull) common = LogicalType::List(TypeId::kInt64);
  types->assign(args.size(), common);
  *result = common;
  return Status::OK();
}

Result<Value> Concat(const V& a, const LogicalType& t) {
  std::vector<Value> out;
  for (const auto& l : a) {
    if (l.is_null()) continue;
    out.insert(out.end(), l.children().begin(), l.children().end());
  }
  return Value::Nested(t, std::move(out));
}

// Ascending, NULLs last (DuckDB); 'DESC' as a second argument reverses.
Result<Value> Sort(const V& a, const LogicalType& t) {
  std::vector<Value> items = a[0].children();
  bool desc = a.size() > 1 && (a[1].str_value() == "DESC" || a[1].str_value() == "desc");
  std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
    if (x.is_null() || y.is_null()) return !x.is_null() && y.is_null();
    return desc ? x.Compare(y) > 0 : x.Compare(y) < 0;
  });
  return Value::Nested(t, std::move(items));
}

Result<Value> Distinct(const V& a, const LogicalType& t) {
  std::vector<Value> out;
  for (const auto& v : a[0].children()) {
    if (v.is_null()) continue;
    bool seen = false;
    for (const auto& o : out) seen |= o.Compare(v) == 0;
    if (!seen) out.push_back(v);
  }
  return Value::Nested(t, std::move(out));
}

Result<Value> Reverse(const V& a, const LogicalType& t) {
  std::vector<Value> items = a[0].children();
  std::reverse(items.begin(), items.end());
  return Value::Nested(t, std::move(items));
}

// struct_extract(s, 'field'): needs the field name as a constant to type the result.
Status BindStructExtract(const std::vector<LogicalType>& args, std::vector<LogicalType>* types, LogicalType* result) {
  if (args[0].id() != TypeId::kStruct) return Status::TypeError("expected a STRUCT, got " + args[0].ToString());
  *types = {args[0], LogicalType(TypeId::kText)};
  // The result type is that of the field; the binder folds the name (a
  // constant) so the kernel looks it up per row. Without a constant name
  // the first field's type is a guess, so only constant names are allowed.
  *result = args[0].fields().empty() ? LogicalType(TypeId::kNull) : args[0].fields()[0].type;
  return Status::OK();
}

// struct_pack: the binder builds calls with the struct type already chosen.
Result<Value> StructPack(const V& a, const LogicalType& t) { return Value::Nested(t, a); }

Status BindStructPack(const std::vector<LogicalType>&, std::vector<LogicalType>*, LogicalType*) {
  return Status::TypeError("struct_pack() is written { field: value, ... }");
}

Result<Value> StructExtract(const V& a, const LogicalType& t);

// A STRUCT's field is its child vector: shared as is, with the rows where the
// struct itself is NULL made NULL (copy-on-write of the validity only).
Result<VectorPtr> ExecStructExtract(const std::vector<VectorPtr>& a, int64_t n, const LogicalType& t) {
  const Vector& s = *a[0];
  if (a[1]->IsNull(0) || s.children().empty()) return MakeConstantVector(t, Value::Null(t), n);
  const std::string name(a[1]->GetString(0));
  const auto& fields = s.type().fields();
  for (size_t k = 0; k < fields.size() && k < s.children().size(); k++) {
    if (fields[k].name != name) continue;
    const VectorPtr& child = s.children()[k];
    if (child->length() != n || child->type() != t) break;  // not the plain layout: go row by row
    if (!s.MayHaveNulls()) return child;
    auto out = std::make_shared<Vector>(*child);
    uint8_t* bits = out->mutable_validity();
    for (int64_t i = 0; i < n; i++) {
      if (s.IsNull(i)) bits[i >> 3] = static_cast<uint8_t>(bits[i >> 3] & ~(1u << (i & 7)));
    }
    return out;
  }
  return RowWise<StructExtract>(a, n, t);
}

Result<Value> StructExtract(const V& a, const LogicalType& t) {
  const auto& fields = a[0].type().fields();
  for (size_t i = 0; i < fields.size(); i++) {
    if (fields[i].name == a[1].str_value()) {
      return i < a[0].children().size() ? a[0].children()[i] : Value::Null(t);
    }
  }
  return Status::InvalidArgument("the STRUCT has no field '" + a[1].str_value() + "'");
}

}  // namespace

void RegisterListFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
  add({"list_value", 1, -1, BindListValue, RowWise<ListValue, true>, "list_value(x, ...) -> LIST"});
  add({"list_pack", 1, -1, BindListValue, RowWise<ListValue, true>, "list_pack(x, ...) -> LIST"});
  for (const char* n : {"len", "array_length", "list_length"}) {
    add({n, 1, 1,
         [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) {
           return BindList1(a, t, r, &i64);
         },
         RowWise<Len>, std::string(n) + "(LIST) -> INT64"});
  }
  add({"list_extract", 2, 2, BindExtract, RowWise<Extract>, "list_extract(LIST, index from 1) -> element"});
  add({"list_element", 2, 2, BindExtract, RowWise<Extract>, "list_element(LIST, index from 1) -> element"});
  for (const char* n : {"list_contains", "array_contains", "list_has"}) {
    add({n, 2, 2, BindContains, RowWise<Contains>, std::string(n) + "(LIST, x) -> BOOL"});
  }
  for (const char* n : {"list_concat", "array_concat", "list_cat"}) {
    add({n, 1, -1, BindConcat, RowWise<Concat, true>, std::string(n) + "(LIST, ...) -> LIST"});
  }
  add({"list_sort", 1, 2,
       [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) {
         return BindList1(a, t, r, nullptr);
       },
       RowWise<Sort>, "list_sort(LIST[, 'DESC']) -> LIST"});
  add({"list_distinct", 1, 1,
       [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) {
         return BindList1(a, t, r, nullptr);
       },
       RowWise<Distinct>, "list_distinct(LIST) -> LIST"});
  add({"list_reverse", 1, 1,
       [](const std::vector<LogicalType>& a, std::vector<LogicalType>* t, LogicalType* r) {
         return BindList1(a, t, r, nullptr);
       },
       RowWise<Reverse>, "list_reverse(LIST) -> LIST"});
  add({"struct_pack", 1, -1, BindStructPack, RowWise<StructPack, true>, "{ field: value, ... } -> STRUCT"});
  add({"struct_extract", 2, 2, BindStructExtract, ExecStructExtract,
       "struct_extract(STRUCT, 'field') -> the field"});
}

}  // namespace kodiak::sql
