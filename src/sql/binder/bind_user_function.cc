// User functions (CREATE FUNCTION) and the expressions of their bodies:
// blocks with LET, IF (as CASE), MATCH, RAISE and TRY.
//
// A call is bound by binding the function's stored body with every
// parameter standing for the bound argument (the receiver is `self`, and its
// fields are in scope by their bare names). The body's expression tree thus
// reads the caller's columns directly: a function whose body is an
// expression costs what the expression costs written inline, and runs over
// whole batches. A function that calls itself is refused for now (it could
// not be expanded); calls nest at most kMaxDepth deep.
#include "common/strings.h"
#include "sql/binder/binder.h"
#include "sql/binder/expr_printer.h"
#include "sql/execution/subquery.h"
#include "sql/execution/user_call.h"
#include "sql/function/scalar_function.h"
#include "sql/parser/parser.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql {

namespace {

constexpr size_t kMaxDepth = 32;

// 1-based line of byte `pos` in `text`.
int LineOf(const std::string& text, int64_t pos) {
  int line = 1;
  for (int64_t i = 0; i < pos && i < static_cast<int64_t>(text.size()); i++) line += text[static_cast<size_t>(i)] == '\n';
  return line;
}

}  // namespace

std::vector<UserFunctionPtr> Binder::UserFunctions(const std::string& name) const {
  std::vector<UserFunctionPtr> out;
  const std::string suffix = "." + AsciiLower(name);
  for (const auto& [key, f] : catalog_.functions) {
    if (key.size() >= suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(f);
    }
  }
  return out;
}

Result<BoundExprPtr> Binder::BindUserCall(const std::string& name, const Expr& e, ExprContext& ctx) {
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, ctx));
    args.push_back(std::move(b));
  }
  // A method when the first argument is a value of the receiver's type
  // (x.f(a) is f(x, a)); otherwise the plain function.
  UserFunctionPtr chosen;
  std::vector<std::string> signatures;
  for (const auto& f : UserFunctions(name)) {
    std::string sig = (f->receiver.empty() ? "" : "[" + f->receiver + "] ") + f->name + "(";
    for (size_t i = 0; i < f->params.size(); i++) sig += (i ? ", " : "") + f->params[i].type.ToString();
    signatures.push_back(sig + ")");
    if (!f->receiver.empty()) {
      NamedTypePtr r = catalog_.FindType(f->receiver);
      if (r && args.size() == f->params.size() + 1 && args[0]->type == r->type) chosen = f;
    } else if (args.size() == f->params.size() && !chosen) {
      chosen = f;
    }
  }
  if (!chosen) {
    std::string list;
    for (size_t i = 0; i < signatures.size(); i++) list += (i ? ", " : "") + signatures[i];
    return Status::BinderError("no function " + name + " takes these " + std::to_string(args.size()) + " argument(s)",
                               e.pos, "there is " + list);
  }
  const std::string key = FunctionKey(chosen->receiver, chosen->name);
  bool recursive = false;
  for (const auto& frame : function_stack_) recursive |= frame.key == key;
  if (recursive) return BindRecursiveCall(*chosen, key, std::move(args), e.pos);
  if (function_stack_.size() >= kMaxDepth) {
    return Status::BinderError("functions call each other more than " + std::to_string(kMaxDepth) + " deep", e.pos);
  }
  auto parsed = Parser::ParseStatement(chosen->sql);
  if (!parsed.ok() || (*parsed)->kind != StmtKind::kCreateFunction) {
    return Status::Internal("function " + chosen->name + " no longer parses");
  }
  const auto& def = static_cast<const CreateFunctionStatement&>(**parsed);
  auto r = BindFunctionBody(*chosen, def, std::move(args), e.pos);
  view_asts_.push_back(std::move(parsed).value());
  return r;
}

Result<BoundExprPtr> Binder::BindRecursiveCall(const UserFunction& f, const std::string& key,
                                               std::vector<BoundExprPtr> args, int64_t pos) {
  std::shared_ptr<CompiledFunction>& compiled = compiled_[key];
  if (!compiled) {
    // Compile the body once, its parameters read from a frame; the calls of
    // itself inside it find this entry and call it.
    compiled = std::make_shared<CompiledFunction>();
    auto c = compiled;
    c->name = f.name;
    c->frame = std::make_shared<ParamFrame>();
    std::vector<BoundExprPtr> params;
    std::vector<LogicalType> types;
    if (!f.receiver.empty()) types.push_back(catalog_.FindType(f.receiver)->type);
    for (const auto& p : f.params) types.push_back(p.type);
    for (size_t i = 0; i < types.size(); i++) {
      auto p = std::make_unique<BoundExpr>();
      p->kind = BoundKind::kParameter;
      p->type = types[i];
      p->column = static_cast<int>(i);
      p->frame = c->frame;
      c->frame->values.push_back(Value::Null(types[i]));
      params.push_back(std::move(p));
    }
    auto parsed = Parser::ParseStatement(f.sql);
    if (!parsed.ok() || (*parsed)->kind != StmtKind::kCreateFunction) {
      return Status::Internal("function " + f.name + " no longer parses");
    }
    const auto& def = static_cast<const CreateFunctionStatement&>(**parsed);
    auto body = BindFunctionBody(f, def, std::move(params), pos);
    view_asts_.push_back(std::move(parsed).value());
    if (!body.ok()) return body.status();
    c->body = std::move(body).value();
  }
  auto call = std::make_unique<BoundExpr>();
  call->kind = BoundKind::kUserCall;
  call->type = f.result;
  call->pos = pos;
  if (compiled->body) call->compiled = compiled;
  else call->compiled_weak = compiled;  // inside its own body: no ownership cycle
  size_t next = 0;
  if (!f.receiver.empty()) call->children.push_back(std::move(args[next++]));
  for (const auto& p : f.params) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr a, CastTo(std::move(args[next++]), p.type));
    call->children.push_back(std::move(a));
  }
  return call;
}

Result<BoundExprPtr> Binder::BindFunctionBody(const UserFunction& f, const CreateFunctionStatement& def,
                                              std::vector<BoundExprPtr> args, int64_t pos) {
  std::map<std::string, const BoundExpr*> locals;
  std::vector<BoundExprPtr> owned;
  size_t next = 0;
  if (!f.receiver.empty()) {
    BoundExprPtr self = std::move(args[next++]);
    for (const auto& field : self->type.fields()) {
      std::vector<BoundExprPtr> a;
      a.push_back(self->Clone());
      a.push_back(MakeConstant(Value::Text(field.name)));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr fx, BindCall("struct_extract", std::move(a), pos));
      owned.push_back(std::move(fx));
      locals[AsciiLower(field.name)] = owned.back().get();
    }
    owned.push_back(std::move(self));
    locals["self"] = owned.back().get();
  }
  for (const auto& p : f.params) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr a, CastTo(std::move(args[next++]), p.type));
    owned.push_back(std::move(a));
    locals[AsciiLower(p.name)] = owned.back().get();
  }
  function_stack_.push_back({FunctionKey(f.receiver, f.name), f.name, &f.sql});
  Scope none;
  ExprContext body{&none, nullptr, "a function body"};
  body.locals = &locals;
  auto value = BindExpr(*def.body, body);
  function_stack_.pop_back();
  if (!value.ok()) {
    if (value.status().code() == StatusCode::kRaised) return value.status();
    // While CREATE FUNCTION checks the body, the error's position is in the
    // statement being run; at a call, it is the call (the body is elsewhere).
    if (checking_body_) return value.status();
    return Status(value.status().code(), "in function " + f.name + ": " + value.status().message(), pos,
                  value.status().hint());
  }
  auto result = CastTo(std::move(value).value(), f.result);
  if (!result.ok()) {
    return Status(StatusCode::kTypeError,
                  "function " + f.name + " returns " + f.result.ToString() + ", but its body gives something else: " +
                      result.status().message(),
                  pos);
  }
  return result;
}

Status Binder::CheckFunctionBody(const UserFunction& f, const CreateFunctionStatement& def) {
  // Stand-ins for the arguments: parameters of the declared types, not
  // constants (so nothing is folded and no RAISE runs now).
  auto frame = std::make_shared<ParamFrame>();
  std::vector<BoundExprPtr> args;
  int slot = 0;
  auto stand_in = [&](const LogicalType& t) {
    auto p = std::make_unique<BoundExpr>();
    p->kind = BoundKind::kParameter;
    p->type = t;
    p->column = slot++;
    p->frame = frame;
    frame->values.push_back(Value::Null(t));
    return p;
  };
  if (!f.receiver.empty()) {
    NamedTypePtr r = catalog_.FindType(f.receiver);
    args.push_back(stand_in(r->type));
  }
  for (const auto& p : f.params) args.push_back(stand_in(p.type));
  checking_body_ = true;
  auto r = BindFunctionBody(f, def, std::move(args), def.pos);
  checking_body_ = false;
  return r.ok() ? Status::OK() : r.status();
}

Result<BoundExprPtr> Binder::BindBlock(const Expr& e, ExprContext& ctx) {
  // LET names are in scope for what follows them.
  std::map<std::string, const BoundExpr*> locals;
  if (ctx.locals) locals = *ctx.locals;
  std::vector<BoundExprPtr> owned;
  ExprContext inner = ctx;
  inner.locals = &locals;
  for (size_t i = 0; i + 1 < e.args.size(); i++) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr v, BindExpr(*e.args[i], inner));
    if (e.field_names[i].empty()) continue;  // a statement whose value is not kept
    owned.push_back(std::move(v));
    locals[AsciiLower(e.field_names[i])] = owned.back().get();
  }
  return BindExpr(*e.args.back(), inner);
}

Result<BoundExprPtr> Binder::BindMatch(const Expr& e, ExprContext& ctx) {
  KODIAK_ASSIGN_OR_RETURN(BoundExprPtr subject, BindExpr(*e.args[0], ctx));
  std::vector<BoundExprPtr> conds, values;
  for (const auto& [pattern, value] : e.when_then) {
    BoundExprPtr cond;
    if (pattern->kind == ExprKind::kBetween) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr lo, BindExpr(*pattern->args[1], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr hi, BindExpr(*pattern->args[2], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr a, BindComparison(BinaryOp::kGtEq, subject->Clone(), std::move(lo), pattern->pos));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindComparison(BinaryOp::kLtEq, subject->Clone(), std::move(hi), pattern->pos));
      cond = MakeAnd(std::move(a), std::move(b));
    } else {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr p, BindExpr(*pattern, ctx));
      KODIAK_ASSIGN_OR_RETURN(cond, BindComparison(BinaryOp::kEq, subject->Clone(), std::move(p), pattern->pos));
    }
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr v, BindExpr(*value, ctx));
    conds.push_back(std::move(cond));
    values.push_back(std::move(v));
  }
  BoundExprPtr other;
  if (e.args[1]) {
    KODIAK_ASSIGN_OR_RETURN(other, BindExpr(*e.args[1], ctx));
  } else {
    other = MakeConstant(Value::Null(), e.pos);
  }
  LogicalType type = other->type;
  for (const auto& v : values) {
    if (!CommonType(type, v->type, &type)) {
      return Status::TypeError("MATCH arms have different types: " + type.ToString() + " and " + v->type.ToString(),
                               v->pos, "CAST the arms to one type");
    }
  }
  if (type.id() == TypeId::kNull) type = TypeId::kInt64;
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kCase;
  out->type = type;
  out->pos = e.pos;
  for (size_t i = 0; i < conds.size(); i++) {
    out->children.push_back(std::move(conds[i]));
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr v, CastTo(std::move(values[i]), type));
    out->children.push_back(std::move(v));
  }
  KODIAK_ASSIGN_OR_RETURN(other, CastTo(std::move(other), type));
  out->children.push_back(std::move(other));
  return out;
}

Result<BoundExprPtr> Binder::BindRaise(const Expr& e, ExprContext& ctx) {
  NamedTypePtr type = catalog_.FindType(e.text);
  if (!type || !type->exception) {
    std::vector<std::string> names;
    for (const auto& [key, t] : catalog_.types) {
      if (t->exception) names.push_back(t->name);
    }
    return Status::BinderError("unknown exception type '" + e.text + "'", e.pos,
                               names.empty() ? "declare it: CREATE TYPE " + e.text + " AS EXCEPTION (\"message\")"
                                             : DidYouMean(e.text, names));
  }
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kRaise;
  out->type = TypeId::kNull;
  out->pos = e.pos;
  std::string where;
  if (!function_stack_.empty()) {
    where = " (in function " + function_stack_.back().name + ", line " +
            std::to_string(LineOf(*function_stack_.back().text, e.pos)) + ")";
  }
  out->value = Value::Text(type->name + ": " + type->message + where);
  if (!e.args.empty()) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr details, BindExpr(*e.args[0], ctx));
    out->children.push_back(std::move(details));
  }
  return out;
}

Result<BoundExprPtr> Binder::BindTry(const Expr& e, ExprContext& ctx) {
  KODIAK_ASSIGN_OR_RETURN(BoundExprPtr body, BindExpr(*e.args[0], ctx));
  std::vector<BoundExprPtr> fallbacks;
  LogicalType type = body->type;
  std::string names;
  for (size_t i = 0; i < e.field_names.size(); i++) {
    const std::string& n = e.field_names[i];
    std::string name = n;
    if (n != "_") {
      NamedTypePtr t = catalog_.FindType(n);
      if (!t || !t->exception) {
        return Status::BinderError("CATCH needs an exception type, and '" + n + "' is not one", e.args[i + 1]->pos);
      }
      name = t->name;
    }
    names += (i ? "," : "") + name;
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr f, BindExpr(*e.args[i + 1], ctx));
    if (!CommonType(type, f->type, &type)) {
      return Status::TypeError("TRY and CATCH give different types: " + type.ToString() + " and " + f->type.ToString(),
                               f->pos);
    }
    fallbacks.push_back(std::move(f));
  }
  if (type.id() == TypeId::kNull) type = TypeId::kInt64;
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kTry;
  out->type = type;
  out->pos = e.pos;
  out->value = Value::Text(names);
  KODIAK_ASSIGN_OR_RETURN(body, CastTo(std::move(body), type));
  out->children.push_back(std::move(body));
  for (auto& f : fallbacks) {
    KODIAK_ASSIGN_OR_RETURN(f, CastTo(std::move(f), type));
    out->children.push_back(std::move(f));
  }
  return out;
}

}  // namespace kodiak::sql
