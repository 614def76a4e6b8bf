// CREATE [OR REPLACE] FUNCTION and DROP FUNCTION.
//
// CREATE FUNCTION checks, before storing anything: the types of the
// parameters, the result and the receiver exist; every exception in the
// RAISE list is an exception type; the body binds with parameters of the
// declared types and gives the result type; and every exception the body
// can let escape — a RAISE not inside a TRY that catches it, or a call of a
// function that declares it — is in the RAISE list.
#include <set>

#include "common/strings.h"
#include "main/session.h"
#include "sql/parser/suggest.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

// The exceptions `e` can let escape, with where each is raised.
void Escaping(const Expr& e, const std::set<std::string>& caught, bool catch_all, const CatalogSnapshot& catalog,
              std::map<std::string, int64_t>* out) {
  if (e.kind == ExprKind::kRaise) {
    const std::string n = AsciiLower(e.text);
    if (!catch_all && !caught.count(n)) out->emplace(n, e.pos);
  }
  if (e.kind == ExprKind::kFunction) {
    const std::string suffix = "." + AsciiLower(e.text);
    for (const auto& [key, f] : catalog.functions) {
      if (key.size() < suffix.size() || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
      for (const auto& r : f->raises) {
        if (!catch_all && !caught.count(AsciiLower(r))) out->emplace(AsciiLower(r), e.pos);
      }
    }
  }
  if (e.kind == ExprKind::kTry) {
    std::set<std::string> inner = caught;
    bool all = catch_all;
    for (const auto& n : e.field_names) {
      if (n == "_") all = true;
      else inner.insert(AsciiLower(n));
    }
    Escaping(*e.args[0], inner, all, catalog, out);
    for (size_t i = 1; i < e.args.size(); i++) Escaping(*e.args[i], caught, catch_all, catalog, out);
    return;
  }
  for (const auto& a : e.args) {
    if (a) Escaping(*a, caught, catch_all, catalog, out);
  }
  for (const auto& [w, t] : e.when_then) {
    Escaping(*w, caught, catch_all, catalog, out);
    Escaping(*t, caught, catch_all, catalog, out);
  }
}

}  // namespace

Result<QueryResult> Session::RunCreateFunction(const CreateFunctionStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  auto f = std::make_shared<UserFunction>();
  f->name = stmt.name;
  f->sql = stmt.text;
  if (!stmt.receiver.empty()) {
    NamedTypePtr r = catalog.FindType(stmt.receiver);
    if (!r || r->exception) {
      return Status(StatusCode::kBinderError, "the receiver [" + stmt.receiver + "] must be a STRUCT type", stmt.pos,
                    "CREATE TYPE " + stmt.receiver + " AS STRUCT(...) first");
    }
    f->receiver = r->name;
  }
  const std::string key = FunctionKey(f->receiver, f->name);
  if (catalog.functions.count(key) && !stmt.or_replace) {
    return Status(StatusCode::kAlreadyExists,
                  "function " + (f->receiver.empty() ? "" : "[" + f->receiver + "] ") + f->name + " already exists",
                  stmt.pos, "use CREATE OR REPLACE FUNCTION, or DROP FUNCTION " + f->name + " first");
  }
  std::set<std::string> names;
  for (const auto& [name, type] : stmt.params) {
    if (!names.insert(AsciiLower(name)).second) {
      return Status(StatusCode::kBinderError, "parameter '" + name + "' is named twice", type.pos);
    }
    KODIAK_ASSIGN_OR_RETURN(LogicalType t, binder.ResolveType(type));
    f->params.push_back({name, t, type.resolved ? "" : type.name});
  }
  KODIAK_ASSIGN_OR_RETURN(f->result, binder.ResolveType(stmt.result));
  if (!stmt.result.resolved) f->result_type_name = stmt.result.name;
  for (const auto& [name, at] : stmt.raises) {
    NamedTypePtr t = catalog.FindType(name);
    if (!t || !t->exception) {
      return Status(StatusCode::kBinderError, "RAISE lists '" + name + "', which is not an exception type", at,
                    "CREATE TYPE " + name + " AS EXCEPTION (\"message\") first");
    }
    f->raises.push_back(t->name);
  }
  {
    // The body may call the function itself: check it with the function in the catalog.
    CatalogSnapshot with_f = catalog;
    with_f.functions[key] = f;
    Binder checker(with_f, variables_, pseudo_rows());
    KODIAK_RETURN_IF_ERROR(checker.CheckFunctionBody(*f, stmt));
  }
  // Every exception that can escape must be declared.
  std::map<std::string, int64_t> escaping;
  Escaping(*stmt.body, {}, false, catalog, &escaping);
  std::set<std::string> declared;
  for (const auto& r : f->raises) declared.insert(AsciiLower(r));
  for (const auto& [name, at] : escaping) {
    if (!declared.count(name)) {
      NamedTypePtr t = catalog.FindType(name);
      const std::string shown = t ? t->name : name;
      return Status(StatusCode::kBinderError,
                    "function " + f->name + " can raise " + shown + " but does not declare it", at,
                    "add RAISE " + shown + " after RETURNS, or catch it with TRY ... CATCH " + shown + " => ...");
    }
  }
  txn.PutFunction(key, f);
  return TagResult("CREATE FUNCTION");
}

Result<QueryResult> Session::RunDropFunction(const DropStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  std::vector<std::string> keys;
  const std::string suffix = "." + AsciiLower(name);
  for (const auto& [key, f] : catalog.functions) {
    if (key.size() >= suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      keys.push_back(key);
    }
  }
  if (keys.empty()) {
    if (stmt.if_exists) return TagResult("DROP FUNCTION");
    std::vector<std::string> all;
    for (const auto& [key, f] : catalog.functions) all.push_back(f->name);
    return Status(StatusCode::kBinderError, "unknown function '" + name + "'", stmt.name.back().pos,
                  DidYouMean(name, all));
  }
  for (const auto& k : keys) txn.PutFunction(k, nullptr);
  return TagResult("DROP FUNCTION");
}

}  // namespace kodiak::internal
