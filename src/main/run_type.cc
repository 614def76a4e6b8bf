// CREATE TYPE (AS STRUCT / AS EXCEPTION), DROP TYPE, SHOW TYPES, DESCRIBE TYPE.
//
// A named STRUCT type is the struct type it names: columns, casts and
// constructors (`N { f: v }`, `N(v, ...)`) use it like the written type, and
// columns remember the name so DROP TYPE can refuse while one uses it. An
// exception type carries a default message; RAISE and TRY ... CATCH use it.
#include "common/strings.h"
#include "main/session.h"
#include "sql/parser/suggest.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

// What uses type `name`: "table t (column c)", "function f", ...; empty when nothing.
std::vector<std::string> UsesOf(const CatalogSnapshot& catalog, const std::string& name) {
  std::vector<std::string> uses;
  for (const auto& [key, t] : catalog.tables) {
    if (EqualsIgnoreCase(t->of_type, name)) uses.push_back("table " + t->name + " (OF " + name + ")");
    for (const auto& c : t->columns) {
      if (EqualsIgnoreCase(c.type_name, name)) uses.push_back("column " + t->name + "." + c.name);
    }
  }
  for (const auto& [key, f] : catalog.functions) {
    bool uses_it = EqualsIgnoreCase(f->receiver, name) || EqualsIgnoreCase(f->result_type_name, name);
    for (const auto& p : f->params) uses_it |= EqualsIgnoreCase(p.type_name, name);
    for (const auto& r : f->raises) uses_it |= EqualsIgnoreCase(r, name);
    if (uses_it) uses.push_back("function " + (f->receiver.empty() ? "" : "[" + f->receiver + "] ") + f->name);
  }
  return uses;
}

}  // namespace

Result<QueryResult> Session::RunCreateType(const CreateTypeStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  NamedTypePtr existing = catalog.FindType(stmt.name);
  if (existing) {
    if (stmt.if_not_exists) return TagResult("CREATE TYPE");
    if (!stmt.or_replace) {
      return Status(StatusCode::kAlreadyExists, "type '" + existing->name + "' already exists", stmt.pos,
                    "use CREATE OR REPLACE TYPE, or DROP TYPE " + existing->name + " first");
    }
    auto uses = UsesOf(catalog, existing->name);
    if (!uses.empty()) {
      return Status(StatusCode::kConstraint,
                    "cannot replace type " + existing->name + ": " + uses.front() + " uses it", stmt.pos,
                    "drop or change what uses it first");
    }
  }
  auto type = std::make_shared<NamedType>();
  type->name = stmt.name;
  type->exception = stmt.exception;
  if (stmt.exception) {
    type->message = stmt.message.empty() ? stmt.name : stmt.message;
  } else {
    type->type = stmt.struct_type.type;
  }
  txn.PutType(CatalogKey(stmt.name), type);
  return TagResult("CREATE TYPE");
}

Result<QueryResult> Session::RunDropType(const DropStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  NamedTypePtr type = catalog.FindType(name);
  if (!type) {
    if (stmt.if_exists) return TagResult("DROP TYPE");
    std::vector<std::string> names;
    for (const auto& [key, t] : catalog.types) names.push_back(t->name);
    return Status(StatusCode::kBinderError, "unknown type '" + name + "'", stmt.name.back().pos,
                  DidYouMean(name, names));
  }
  auto uses = UsesOf(catalog, type->name);
  if (!uses.empty()) {
    std::string list;
    for (size_t i = 0; i < uses.size(); i++) list += (i ? ", " : "") + uses[i];
    return Status(StatusCode::kConstraint, "cannot drop type " + type->name + ": it is used by " + list,
                  stmt.name.back().pos, "drop or change those first");
  }
  txn.PutType(CatalogKey(type->name), nullptr);
  return TagResult("DROP TYPE");
}

Result<QueryResult> Session::RunDescribeType(const DescribeStatement& stmt, const CatalogSnapshot& catalog) {
  const Name& n = stmt.table.back();
  NamedTypePtr type = catalog.FindType(n.text);
  if (!type) {
    std::vector<std::string> names;
    for (const auto& [key, t] : catalog.types) names.push_back(t->name);
    return Status(StatusCode::kBinderError, "unknown type '" + n.text + "'", n.pos, DidYouMean(n.text, names));
  }
  std::vector<std::vector<Value>> rows;
  if (type->exception) {
    rows.push_back({Value::Text("(exception)"), Value::Text("EXCEPTION"), Value::Text(type->message)});
  } else {
    for (const auto& f : type->type.fields()) {
      rows.push_back({Value::Text(f.name), Value::Text(f.type.ToString()), Value::Null(TypeId::kText)});
    }
  }
  return RowsResult("DESCRIBE", {"field", "type", "message"}, {TypeId::kText, TypeId::kText, TypeId::kText}, rows);
}

}  // namespace kodiak::internal
