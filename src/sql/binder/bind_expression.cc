// Expression binding: names, types, implicit casts, aggregates.
#include <algorithm>

#include "common/strings.h"
#include "sql/binder/aggregate_context.h"
#include "sql/binder/binder.h"
#include "sql/binder/expr_printer.h"
#include "sql/execution/cast.h"
#include "sql/execution/expression_executor.h"
#include "sql/function/aggregate_state.h"
#include "sql/function/scalar_function.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql {


namespace {

bool UsesColumns(const BoundExpr& e) {
  if (e.kind == BoundKind::kColumn) return true;
  for (const auto& c : e.children) {
    if (UsesColumns(*c)) return true;
  }
  return false;
}

bool IsConstant(const BoundExpr& e) { return e.kind == BoundKind::kConstant; }

}  // namespace

bool IsAggregateName(std::string_view name) {
  static const char* const kNames[] = {
      "count",      "sum",        "avg",      "mean",         "min",          "max",       "stddev",
      "stddev_samp", "stddev_pop", "variance", "var_samp",     "var_pop",      "string_agg", "group_concat",
      "listagg",    "list",       "array_agg", "bool_and",    "every",        "bool_or",   "approx_count_distinct",
      "total",      "any_value",  "first",    "arbitrary",    "grouping",     "grouping_id"};
  std::string n = AsciiLower(name);
  for (const char* k : kNames) {
    if (n == k) return true;
  }
  return false;
}



Result<BoundExprPtr> Binder::CastTo(BoundExprPtr e, const LogicalType& target) {
  if (e->type == target) return e;
  if (!CanCast(e->type, target)) {
    return Status::TypeError("cannot convert " + e->type.ToString() + " to " + target.ToString(), e->pos);
  }
  int64_t pos = e->pos;
  auto cast = MakeCast(std::move(e), target);
  if (cast->kind == BoundKind::kCast && IsConstant(*cast->children[0])) {
    auto v = CastValue(cast->children[0]->value, target);
    if (!v.ok()) return v.status().WithPosition(pos);
    return MakeConstant(std::move(v).value(), pos);
  }
  return cast;
}

Result<BoundExprPtr> Binder::ToBool(BoundExprPtr e, const char* what) {
  if (e->type.id() == TypeId::kBool) return e;
  if (e->type.id() == TypeId::kNull || e->type.IsNumeric()) return CastTo(std::move(e), TypeId::kBool);
  return Status::TypeError(std::string(what) + " must be a BOOL, not " + e->type.ToString(), e->pos);
}

Result<BoundExprPtr> Binder::BindExpr(const Expr& e, ExprContext& ctx) {
  if (++depth_ > 2000) {
    depth_--;
    return Status::SyntaxError("expression nested too deeply", e.pos);
  }
  struct DepthGuard {
    int& d;
    ~DepthGuard() { d--; }
  } guard{depth_};

  if (e.kind == ExprKind::kFunction && e.window) return BindWindowCall(e, ctx);
  if (ctx.aliases && e.kind == ExprKind::kColumnRef && e.names.size() == 1 && !e.names[0].from_variable) {
    // QUALIFY rn = 1: a name of the SELECT list, unless the FROM has that column.
    const std::string name = AsciiLower(e.names[0].text);
    auto alias = ctx.aliases->find(name);
    bool in_scope = false;
    for (size_t i = 0; ctx.scope && i < ctx.scope->columns.size(); i++) {
      in_scope |= !ctx.scope->columns[i].hidden && AsciiLower(ctx.scope->columns[i].name) == name;
    }
    if (alias != ctx.aliases->end() && !in_scope) return BindExpr(*alias->second, ctx);
  }
  if (ctx.agg && !(e.kind == ExprKind::kFunction && IsAggregateName(e.text)) && !ContainsAggregateCall(e) &&
      !ContainsWindowCall(e)) {
    // In an aggregate query a non-aggregate expression must be (made of)
    // GROUP BY expressions.
    ExprContext plain{ctx.agg->input, nullptr, ctx.clause};
    auto probe = BindExprNode(e, plain);
    if (!probe.ok()) return probe.status();
    for (size_t g = 0; g < ctx.agg->groups.size(); g++) {
      if ((*probe)->Equals(*ctx.agg->groups[g])) {
        auto ref = MakeColumn(static_cast<int>(g), (*probe)->type);
        ref->pos = e.pos;
        return ref;
      }
    }
    if (!UsesColumns(**probe)) return probe;
    if (e.kind == ExprKind::kColumnRef) {
      return Status::BinderError("column " + ExprToSql(e) +
                                     " must appear in GROUP BY or be used in an aggregate function",
                                 e.pos, "add it to GROUP BY, or wrap it in min(), max() or another aggregate");
    }
  }
  return BindExprNode(e, ctx);
}

Result<BoundExprPtr> Binder::BindColumnRef(const Expr& e, ExprContext& ctx) {
  if (ctx.agg) {
    return Status::BinderError("column " + ExprToSql(e) + " must appear in GROUP BY or be used in an aggregate function",
                               e.pos, "add it to GROUP BY, or wrap it in min(), max() or another aggregate");
  }
  std::vector<std::string> parts;
  for (const auto& n : e.names) {
    KODIAK_ASSIGN_OR_RETURN(std::string s, ResolveName(n));
    parts.push_back(std::move(s));
  }
  if (ctx.locals) {
    // Inside a function body: a parameter, a LET name, self or a receiver field.
    auto it = ctx.locals->find(AsciiLower(parts[0]));
    if (it != ctx.locals->end() && parts.size() == 1) {
      auto v = it->second->Clone();
      v->pos = e.pos;
      return v;
    }
    if (it != ctx.locals->end() && parts.size() == 2 && it->second->type.id() == TypeId::kStruct) {
      std::vector<BoundExprPtr> args;
      args.push_back(it->second->Clone());
      args.push_back(MakeConstant(Value::Text(parts[1]), e.pos));
      return BindCall("struct_extract", std::move(args), e.pos);
    }
  }
  std::string column = parts.back();
  std::string table = parts.size() >= 2 ? parts[parts.size() - 2] : "";
  if (BoundExprPtr pseudo = BindPseudoColumn(parts, e.pos); pseudo && !table.empty()) {
    bool in_scope = false;
    for (size_t i = 0; ctx.scope && i < ctx.scope->columns.size(); i++) {
      in_scope |= AsciiLower(ctx.scope->columns[i].table) == AsciiLower(table);
    }
    if (!in_scope) return pseudo;
  }
  if (ctx.locals && (!ctx.scope || ctx.scope->columns.empty())) {
    std::vector<std::string> names;
    for (const auto& [n, v] : *ctx.locals) names.push_back(n);
    return Status::BinderError("unknown name '" + column + "' in the function body", e.pos,
                               names.empty() ? "the body can read its parameters and LET names"
                                             : DidYouMean(column, names));
  }
  if (!ctx.scope || ctx.scope->columns.empty()) {
    return BindOuterColumnRef(
        e, Status::BinderError("unknown column '" + column + "': this query reads no table", e.pos,
                               "add a FROM clause, or write a text value in quotes: '" + column + "'"));
  }
  int found = -1;
  bool table_known = table.empty();
  std::vector<std::string> candidates;
  for (size_t i = 0; i < ctx.scope->columns.size(); i++) {
    const auto& c = ctx.scope->columns[i];
    bool table_ok = table.empty() ? !c.hidden : AsciiLower(c.table) == AsciiLower(table);
    table_known |= table_ok;
    if (table_ok) candidates.push_back(c.name);
    if (table_ok && AsciiLower(c.name) == AsciiLower(column)) {
      if (found >= 0) {
        return Status::BinderError("column reference '" + column + "' is ambiguous: it is in both " +
                                       ctx.scope->columns[found].table + " and " + c.table,
                                   e.pos, "qualify it, e.g. " + c.table + "." + column);
      }
      found = static_cast<int>(i);
    }
  }
  if (!table_known && (parts.size() == 2 || parts.size() == 3)) {
    // s.field or t.s.field: a field of a STRUCT column (or a key of a JSON column).
    const bool qualified = parts.size() == 3;
    const std::string& name = parts[qualified ? 1 : 0];
    int col = -1;
    for (size_t i = 0; i < ctx.scope->columns.size(); i++) {
      const auto& c = ctx.scope->columns[i];
      if ((qualified ? AsciiLower(c.table) == AsciiLower(parts[0]) : !c.hidden) &&
          AsciiLower(c.name) == AsciiLower(name) && (c.type.id() == TypeId::kStruct || c.type.id() == TypeId::kJson)) {
        col = static_cast<int>(i);
      }
    }
    if (col >= 0) {
      const auto& c = ctx.scope->columns[static_cast<size_t>(col)];
      Expr base;
      base.kind = ExprKind::kColumnRef;
      base.pos = e.pos;
      base.names = {Name{c.table, false, true, e.pos}, Name{c.name, false, true, e.pos}};
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(base, ctx));
      std::vector<BoundExprPtr> args;
      const bool json = b->type.id() == TypeId::kJson;
      args.push_back(std::move(b));
      args.push_back(MakeConstant(Value::Text(parts.back()), e.pos));
      return BindCall(json ? "json_get" : "struct_extract", std::move(args), e.pos);
    }
  }
  if (!table_known) {
    std::vector<std::string> tables;
    for (const auto& c : ctx.scope->columns) {
      if (std::find(tables.begin(), tables.end(), c.table) == tables.end()) tables.push_back(c.table);
    }
    return BindOuterColumnRef(
        e, Status::BinderError("unknown table '" + table + "' in " + ExprToSql(e), e.pos, DidYouMean(table, tables)));
  }
  if (found < 0) {
    return BindOuterColumnRef(
        e, Status::BinderError("unknown column '" + column + "'",
                               e.names.back().pos >= 0 ? e.names.back().pos : e.pos, DidYouMean(column, candidates)));
  }
  auto ref = MakeColumn(found, ctx.scope->columns[found].type);
  ref->pos = e.pos;
  return ref;
}

Result<BoundExprPtr> Binder::BindArithmetic(BinaryOp op, BoundExprPtr l, BoundExprPtr r, int64_t pos) {
  auto make = [&](LogicalType type, BoundExprPtr a, BoundExprPtr b) {
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundKind::kArith;
    out->op = op;
    out->type = std::move(type);
    out->pos = pos;
    out->children.push_back(std::move(a));
    out->children.push_back(std::move(b));
    return out;
  };
  // A text literal next to a number is read as that number's type.
  if (l->type.id() == TypeId::kText && IsConstant(*l) && r->type.IsNumeric()) {
    KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), r->type));
  }
  if (r->type.id() == TypeId::kText && IsConstant(*r) && l->type.IsNumeric()) {
    KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), l->type));
  }
  TypeId a = l->type.id(), b = r->type.id();
  if (a == TypeId::kNull && b == TypeId::kNull) {
    return MakeConstant(Value::Null(TypeId::kInt64), pos);
  }
  if (a == TypeId::kNull) {
    KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), r->type));
    a = b;
  }
  if (b == TypeId::kNull) {
    KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), l->type));
    b = a;
  }
  // INTERVAL arithmetic: timestamp/date +/- interval, interval +/- interval,
  // timestamp - timestamp.
  auto is_ts = [](TypeId t) { return t == TypeId::kTimestamp || t == TypeId::kTimestampTz; };
  if (a == TypeId::kInterval || b == TypeId::kInterval || (is_ts(a) && is_ts(b) && op == BinaryOp::kSub)) {
    LogicalType result;
    if (a == TypeId::kInterval && b == TypeId::kInterval && (op == BinaryOp::kAdd || op == BinaryOp::kSub)) {
      result = TypeId::kInterval;
    } else if ((is_ts(a) || a == TypeId::kDate) && b == TypeId::kInterval &&
               (op == BinaryOp::kAdd || op == BinaryOp::kSub)) {
      result = a == TypeId::kDate ? LogicalType(TypeId::kTimestamp) : l->type;
    } else if (a == TypeId::kInterval && (is_ts(b) || b == TypeId::kDate) && op == BinaryOp::kAdd) {
      result = b == TypeId::kDate ? LogicalType(TypeId::kTimestamp) : r->type;
    } else if (is_ts(a) && is_ts(b) && op == BinaryOp::kSub) {
      LogicalType common;
      CommonType(l->type, r->type, &common);
      KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), common));
      KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), common));
      result = TypeId::kInterval;
    } else {
      return Status::TypeError("cannot apply this operator to " + l->type.ToString() + " and " + r->type.ToString(),
                               pos, "an INTERVAL can be added to or subtracted from a DATE, TIMESTAMP or INTERVAL");
    }
    return make(result, std::move(l), std::move(r));
  }
  // Date arithmetic: DATE +/- integer days, DATE - DATE.
  if (a == TypeId::kDate || b == TypeId::kDate) {
    if (a == TypeId::kDate && b == TypeId::kDate && op == BinaryOp::kSub) {
      return make(TypeId::kInt64, std::move(l), std::move(r));
    }
    bool ok = (op == BinaryOp::kAdd && ((a == TypeId::kDate && r->type.IsInteger()) ||
                                        (b == TypeId::kDate && l->type.IsInteger()))) ||
              (op == BinaryOp::kSub && a == TypeId::kDate && r->type.IsInteger());
    if (ok) {
      if (a != TypeId::kDate) {
        KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), TypeId::kInt64));
      }
      if (b != TypeId::kDate) {
        KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), TypeId::kInt64));
      }
      return make(TypeId::kDate, std::move(l), std::move(r));
    }
  }
  if (!l->type.IsNumeric() || !r->type.IsNumeric()) {
    std::string hint = (op == BinaryOp::kAdd && (a == TypeId::kText || b == TypeId::kText))
                           ? "use || to join text"
                           : "CAST one side to a number";
    return Status::TypeError("cannot apply an arithmetic operator to " + l->type.ToString() + " and " +
                                 r->type.ToString(),
                             pos, hint);
  }
  LogicalType common;
  CommonType(l->type, r->type, &common);
  // Integer arithmetic runs in INT64 (UINT64 when both sides are UINT64),
  // floating point in FLOAT64.
  if (common.IsInteger()) common = common.id() == TypeId::kUInt64 ? TypeId::kUInt64 : TypeId::kInt64;
  if (common.IsFloat()) common = TypeId::kFloat64;
  if (common.id() == TypeId::kDecimal) {
    const LogicalType lt = l->type, rt = r->type;
    auto as_decimal = [](const LogicalType& t) {
      return t.id() == TypeId::kDecimal ? t : LogicalType::Decimal(t.id() == TypeId::kUInt64 ? 20 : 19, 0);
    };
    if (op == BinaryOp::kDiv) {
      KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), TypeId::kFloat64));
      KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), TypeId::kFloat64));
      return make(TypeId::kFloat64, std::move(l), std::move(r));
    }
    if (op == BinaryOp::kMul) {
      LogicalType dl = as_decimal(lt), dr = as_decimal(rt);
      int s = dl.scale() + dr.scale();
      int p = std::min(38, dl.precision() + dr.precision());
      if (s > 38) {
        KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), TypeId::kFloat64));
        KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), TypeId::kFloat64));
        return make(TypeId::kFloat64, std::move(l), std::move(r));
      }
      KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), LogicalType::Decimal(38, dl.scale())));
      KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), LogicalType::Decimal(38, dr.scale())));
      return make(LogicalType::Decimal(std::max(p, s), s), std::move(l), std::move(r));
    }
    LogicalType result = LogicalType::Decimal(std::min(38, common.precision() + 1), common.scale());
    KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), result));
    KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), result));
    return make(result, std::move(l), std::move(r));
  }
  KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), common));
  KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), common));
  return make(common, std::move(l), std::move(r));
}

Result<BoundExprPtr> Binder::BindComparison(BinaryOp op, BoundExprPtr l, BoundExprPtr r, int64_t pos) {
  // A text literal compared with another type is read as that type.
  if (l->type.id() == TypeId::kText && IsConstant(*l) && r->type.id() != TypeId::kText &&
      r->type.id() != TypeId::kNull) {
    KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), r->type));
  }
  if (r->type.id() == TypeId::kText && IsConstant(*r) && l->type.id() != TypeId::kText &&
      l->type.id() != TypeId::kNull) {
    KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), l->type));
  }
  // An integer constant compared with an integer expression of a narrower
  // type is converted once, here, when it fits (not the column, row by row).
  auto narrow = [&](BoundExprPtr& c, const BoundExprPtr& other) -> void {
    if (!IsConstant(*c) || c->value.is_null() || !c->type.IsInteger() || !other->type.IsInteger() ||
        IsConstant(*other) || c->type == other->type) {
      return;
    }
    auto v = CastValue(c->value, other->type);
    if (v.ok()) c = MakeConstant(std::move(v).value(), c->pos);
  };
  narrow(l, r);
  narrow(r, l);
  LogicalType common;
  if (l->type.id() == TypeId::kBool && r->type.IsNumeric()) {
    KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), TypeId::kBool));
  } else if (r->type.id() == TypeId::kBool && l->type.IsNumeric()) {
    KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), TypeId::kBool));
  }
  if (!CommonType(l->type, r->type, &common)) {
    return Status::TypeError("cannot compare " + l->type.ToString() + " with " + r->type.ToString(), pos,
                             "CAST one side to the other's type");
  }
  if (common.id() == TypeId::kNull) common = TypeId::kInt64;
  KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), common));
  KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), common));
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kCompare;
  out->op = op;
  out->type = TypeId::kBool;
  out->pos = pos;
  out->children.push_back(std::move(l));
  out->children.push_back(std::move(r));
  return out;
}

Result<BoundExprPtr> Binder::BindCase(const Expr& e, ExprContext& ctx) {
  BoundExprPtr operand;
  if (!e.args.empty() && e.args[0]) {
    KODIAK_ASSIGN_OR_RETURN(operand, BindExpr(*e.args[0], ctx));
  }
  std::vector<BoundExprPtr> conds, thens;
  for (const auto& [w, t] : e.when_then) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr cond, BindExpr(*w, ctx));
    if (operand) {
      KODIAK_ASSIGN_OR_RETURN(cond, BindComparison(BinaryOp::kEq, operand->Clone(), std::move(cond), w->pos));
    } else {
      KODIAK_ASSIGN_OR_RETURN(cond, ToBool(std::move(cond), "a WHEN condition"));
    }
    conds.push_back(std::move(cond));
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr then, BindExpr(*t, ctx));
    thens.push_back(std::move(then));
  }
  BoundExprPtr other;
  if (e.args.size() > 1 && e.args[1]) {
    KODIAK_ASSIGN_OR_RETURN(other, BindExpr(*e.args[1], ctx));
  } else {
    other = MakeConstant(Value::Null(), e.pos);
  }
  LogicalType type = other->type;
  for (const auto& t : thens) {
    if (!CommonType(type, t->type, &type)) {
      return Status::TypeError("CASE branches have different types: " + type.ToString() + " and " +
                                   t->type.ToString(),
                               t->pos, "CAST the branches to one type");
    }
  }
  if (type.id() == TypeId::kNull) type = TypeId::kInt64;
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kCase;
  out->type = type;
  out->pos = e.pos;
  for (size_t i = 0; i < conds.size(); i++) {
    out->children.push_back(std::move(conds[i]));
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr then, CastTo(std::move(thens[i]), type));
    out->children.push_back(std::move(then));
  }
  KODIAK_ASSIGN_OR_RETURN(other, CastTo(std::move(other), type));
  out->children.push_back(std::move(other));
  return out;
}

Result<BoundExprPtr> Binder::BindAggregate(const Expr& e, ExprContext& ctx) {
  std::string name = AsciiLower(e.text);
  if (!ctx.agg) {
    return Status::BinderError(std::string("aggregate function ") + name + "() is not allowed in " + ctx.clause,
                               e.pos, std::string(ctx.clause) == "WHERE" ? "use HAVING to filter on aggregates" : "");
  }
  ExprContext inner{ctx.agg->input, nullptr, "an aggregate's argument"};
  BoundAggregate agg;
  if (name == "grouping" || name == "grouping_id") {
    // grouping(a, b): which of these GROUP BY items the current grouping set leaves out.
    if (e.args.empty() || e.args.size() > 62) return Status::BinderError(name + "() needs GROUP BY items", e.pos);
    agg.kind = AggregateKind::kGrouping;
    agg.type = TypeId::kInt64;
    for (const auto& a : e.args) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, inner));
      int found = -1;
      for (size_t g = 0; g < ctx.agg->groups.size(); g++) {
        if (ctx.agg->groups[g]->Equals(*b)) found = static_cast<int>(g);
      }
      if (found < 0) return Status::BinderError(name + "() takes only GROUP BY items", a->pos);
      agg.grouping.push_back(found);
    }
  } else {
    KODIAK_ASSIGN_OR_RETURN(agg, MakeBoundAggregate(e, inner));
  }
  auto& list = ctx.agg->aggregates;
  size_t index = list.size();
  for (size_t i = 0; i < list.size(); i++) {
    if (list[i].Equals(agg)) index = i;
  }
  LogicalType type = agg.type;
  if (index == list.size()) list.push_back(std::move(agg));
  auto ref = MakeColumn(static_cast<int>(ctx.agg->groups.size() + index), type);
  ref->pos = e.pos;
  return ref;
}

Result<BoundAggregate> Binder::MakeBoundAggregate(const Expr& e, ExprContext& inner) {
  std::string name = AsciiLower(e.text);
  BoundAggregate agg;
  agg.distinct = e.distinct;
  if (e.star_arg || (name == "count" && e.args.empty())) {
    if (name != "count") return Status::BinderError(name + "(*) is not a function; only count(*) is", e.pos);
    agg.kind = AggregateKind::kCountStar;
    agg.type = TypeId::kInt64;
  } else {
    static const std::pair<const char*, AggregateKind> kKinds[] = {
        {"count", AggregateKind::kCount},        {"sum", AggregateKind::kSum},
        {"avg", AggregateKind::kAvg},            {"mean", AggregateKind::kAvg},
        {"min", AggregateKind::kMin},            {"max", AggregateKind::kMax},
        {"stddev", AggregateKind::kStddevSamp},  {"stddev_samp", AggregateKind::kStddevSamp},
        {"stddev_pop", AggregateKind::kStddevPop}, {"variance", AggregateKind::kVarSamp},
        {"var_samp", AggregateKind::kVarSamp},   {"var_pop", AggregateKind::kVarPop},
        {"string_agg", AggregateKind::kStringAgg}, {"group_concat", AggregateKind::kStringAgg},
        {"listagg", AggregateKind::kStringAgg},  {"list", AggregateKind::kList},
        {"array_agg", AggregateKind::kList},     {"bool_and", AggregateKind::kBoolAnd},
        {"every", AggregateKind::kBoolAnd},      {"bool_or", AggregateKind::kBoolOr},
        {"approx_count_distinct", AggregateKind::kApproxCountDistinct},
        {"total", AggregateKind::kTotal},        {"any_value", AggregateKind::kAnyValue},
        {"first", AggregateKind::kAnyValue},     {"arbitrary", AggregateKind::kAnyValue},
    };
    for (const auto& [n, k] : kKinds) {
      if (name == n) agg.kind = k;
    }
    const size_t max_args = agg.kind == AggregateKind::kStringAgg ? 2 : 1;
    if (e.args.empty() || e.args.size() > max_args) {
      return Status::BinderError(name + "() takes " + (max_args == 2 ? "one or two arguments" : "exactly one argument"),
                                 e.pos);
    }
    KODIAK_ASSIGN_OR_RETURN(agg.arg, BindExpr(*e.args[0], inner));
    if (agg.kind == AggregateKind::kStringAgg) {
      if (name == "string_agg" && e.args.size() == 1) agg.separator = ",";
      if (e.args.size() == 2) {
        KODIAK_ASSIGN_OR_RETURN(BoundExprPtr sep, BindConstantExpr(*e.args[1]));
        if (sep->kind != BoundKind::kConstant || sep->type.id() != TypeId::kText || sep->value.is_null()) {
          return Status::BinderError(name + "()'s separator must be a text constant", e.args[1]->pos);
        }
        agg.separator = sep->value.str_value();
      }
      if (agg.arg->type.id() != TypeId::kText) {
        KODIAK_ASSIGN_OR_RETURN(agg.arg, CastTo(std::move(agg.arg), TypeId::kText));
      }
    }
    if ((agg.kind == AggregateKind::kBoolAnd || agg.kind == AggregateKind::kBoolOr) &&
        agg.arg->type.id() != TypeId::kBool) {
      KODIAK_ASSIGN_OR_RETURN(agg.arg, ToBool(std::move(agg.arg), (name + "()'s argument").c_str()));
    }
    auto type = AggregateResultType(agg.kind, agg.arg->type);
    if (!type.ok()) return type.status().WithPosition(e.pos);
    agg.type = *type;
    if ((agg.kind == AggregateKind::kMin || agg.kind == AggregateKind::kMax || agg.kind == AggregateKind::kAnyValue) &&
        agg.arg->type != agg.type) {
      KODIAK_ASSIGN_OR_RETURN(agg.arg, CastTo(std::move(agg.arg), agg.type));
    }
  }
  if (e.filter) {
    ExprContext fctx{inner.scope, inner.agg, "FILTER"};
    KODIAK_ASSIGN_OR_RETURN(agg.filter, BindExpr(*e.filter, fctx));
    KODIAK_ASSIGN_OR_RETURN(agg.filter, ToBool(std::move(agg.filter), "FILTER (WHERE ...)"));
  }
  if (!e.arg_order.empty()) {
    if (agg.kind != AggregateKind::kStringAgg && agg.kind != AggregateKind::kList) {
      return Status::BinderError("ORDER BY inside " + name + "() changes nothing; it is for string_agg() and list()",
                                 e.pos);
    }
    for (const auto& o : e.arg_order) {
      BoundAggregateOrder k;
      KODIAK_ASSIGN_OR_RETURN(k.expr, BindExpr(*o.expr, inner));
      k.descending = o.descending;
      k.nulls_first = o.nulls == OrderItem::Nulls::kDefault ? !o.descending : o.nulls == OrderItem::Nulls::kFirst;
      agg.order.push_back(std::move(k));
    }
  }
  return agg;
}

Result<BoundExprPtr> Binder::BindFunction(const Expr& e, ExprContext& ctx) {
  if (IsAggregateName(e.text)) return BindAggregate(e, ctx);
  std::string name = AsciiLower(e.text);
  if (!UserFunctions(name).empty()) return BindUserCall(name, e, ctx);
  const ScalarFunction* fn = LookupScalarFunction(name);
  if (!fn) {
    if (NamedTypePtr type = catalog_.FindType(name); type && !type->exception) return BindConstructor(*type, e, ctx);
    auto names = ScalarFunctionNames();
    for (const char* agg : {"count", "sum", "avg", "min", "max"}) names.push_back(agg);
    return Status::BinderError("unknown function " + name + "()", e.pos, DidYouMean(name, names));
  }
  int n = static_cast<int>(e.args.size());
  if (n < fn->min_args || (fn->max_args >= 0 && n > fn->max_args)) {
    return Status::BinderError(name + "() takes " +
                                   (fn->min_args == fn->max_args ? std::to_string(fn->min_args)
                                                                 : std::to_string(fn->min_args) + " or more") +
                                   " argument(s), not " + std::to_string(n),
                               e.pos, "usage: " + fn->signature);
  }
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, ctx));
    args.push_back(std::move(b));
  }
  return BindCall(name, std::move(args), e.pos);
}

Result<BoundExprPtr> Binder::BindConstructor(const NamedType& type, const Expr& e, ExprContext& ctx) {
  // N(v, ...): the fields in order.
  const auto& fields = type.type.fields();
  if (e.args.size() != fields.size()) {
    std::string list;
    for (size_t i = 0; i < fields.size(); i++) list += (i ? ", " : "") + fields[i].name;
    return Status::BinderError(type.name + "(...) takes " + std::to_string(fields.size()) + " values (" + list +
                                   "), not " + std::to_string(e.args.size()),
                               e.pos, "or name them: " + type.name + " { " + (fields.empty() ? "" : fields[0].name) +
                                          ": ... }");
  }
  std::vector<Value> values;
  for (size_t i = 0; i < fields.size(); i++) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*e.args[i], ctx));
    KODIAK_ASSIGN_OR_RETURN(b, CastTo(std::move(b), fields[i].type));
    if (!IsConstant(*b)) {
      return Status::NotSupported("building a " + type.name + " from values that are not constants")
          .WithPosition(e.args[i]->pos);
    }
    values.push_back(b->value);
  }
  return MakeConstant(Value::Nested(type.type, std::move(values)), e.pos);
}

Result<BoundExprPtr> Binder::BindCall(const std::string& name, std::vector<BoundExprPtr> args, int64_t pos) {
  const ScalarFunction* fn = LookupScalarFunction(name);
  if (!fn) return Status::Internal("no function " + name);
  std::vector<LogicalType> types;
  for (const auto& a : args) types.push_back(a->type);
  std::vector<LogicalType> want;
  LogicalType result;
  Status st = fn->bind(types, &want, &result);
  if (!st.ok()) {
    std::string got;
    for (size_t i = 0; i < types.size(); i++) got += (i ? ", " : "") + types[i].ToString();
    return Status::TypeError("no function " + name + "(" + got + ")", pos, "usage: " + fn->signature);
  }
  if (name == "struct_extract") {
    // The result is the named field's type: the name must be a constant.
    if (args[1]->kind != BoundKind::kConstant || args[1]->value.is_null() || args[1]->type.id() != TypeId::kText) {
      return Status::BinderError("a STRUCT field must be named by a text constant", pos);
    }
    const std::string& field = args[1]->value.str_value();
    bool found = false;
    std::vector<std::string> names;
    for (const auto& f : args[0]->type.fields()) {
      names.push_back(f.name);
      if (f.name == field || (!found && EqualsIgnoreCase(f.name, field))) {
        result = f.type;
        found = true;
      }
    }
    if (!found) {
      return Status::BinderError(args[0]->type.ToString() + " has no field '" + field + "'", pos, DidYouMean(field, names));
    }
  }
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kFunction;
  out->function = fn;
  out->type = result;
  out->pos = pos;
  bool all_constant = true;
  for (size_t i = 0; i < args.size(); i++) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr a, CastTo(std::move(args[i]), i < want.size() ? want[i] : want.back()));
    all_constant &= IsConstant(*a);
    out->children.push_back(std::move(a));
  }
  if (all_constant && name != "typeof" && !fn->is_volatile) {
    KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*out));
    return MakeConstant(std::move(v), pos);
  }
  return out;
}

Result<BoundExprPtr> Binder::BindNested(const Expr& e, ExprContext& ctx) {
  std::vector<Value> values;
  std::vector<BoundExprPtr> bound;
  bool constant = true;
  for (const auto& a : e.args) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, ctx));
    constant &= IsConstant(*b);
    bound.push_back(std::move(b));
  }
  if (!constant) {
    // Built row by row from the elements' values.
    if (e.kind == ExprKind::kListLiteral) return BindCall("list_value", std::move(bound), e.pos);
    std::vector<StructField> fields;
    for (size_t i = 0; i < bound.size(); i++) {
      if (bound[i]->type.id() == TypeId::kNull) {
        KODIAK_ASSIGN_OR_RETURN(bound[i], CastTo(std::move(bound[i]), TypeId::kInt64));
      }
      fields.push_back({e.field_names[i], bound[i]->type});
    }
    auto out = std::make_unique<BoundExpr>();
    out->kind = BoundKind::kFunction;
    out->function = LookupScalarFunction("struct_pack");
    out->type = LogicalType::Struct(std::move(fields));
    out->pos = e.pos;
    out->children = std::move(bound);
    return out;
  }
  for (const auto& b : bound) values.push_back(b->value);
  if (e.kind == ExprKind::kListLiteral) {
    LogicalType child = TypeId::kNull;
    for (const auto& v : values) {
      if (!CommonType(child, v.type(), &child)) {
        return Status::TypeError("list elements have different types: " + child.ToString() + " and " +
                                     v.type().ToString(),
                                 e.pos);
      }
    }
    if (child.id() == TypeId::kNull) child = TypeId::kInt64;
    for (auto& v : values) {
      auto c = CastValue(v, child);
      if (!c.ok()) return c.status().WithPosition(e.pos);
      v = std::move(c).value();
    }
    return MakeConstant(Value::Nested(LogicalType::List(child), std::move(values)), e.pos);
  }
  std::vector<StructField> fields;
  for (size_t i = 0; i < values.size(); i++) {
    LogicalType t = values[i].type().id() == TypeId::kNull ? LogicalType(TypeId::kInt64) : values[i].type();
    fields.push_back({e.field_names[i], t});
  }
  return MakeConstant(Value::Nested(LogicalType::Struct(std::move(fields)), std::move(values)), e.pos);
}

Result<BoundExprPtr> Binder::BindExprNode(const Expr& e, ExprContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral: return MakeConstant(e.value, e.pos);
    case ExprKind::kColumnRef: return BindColumnRef(e, ctx);
    case ExprKind::kStar:
      return Status::BinderError("* can only stand in a SELECT list or in count(*)", e.pos);
    case ExprKind::kVariable: {
      auto it = variables_.find(AsciiLower(e.text));
      if (it == variables_.end()) {
        std::vector<std::string> names;
        for (const auto& [k, v] : variables_) names.push_back(k);
        return Status::BinderError("unknown variable {" + e.text + "}", e.pos,
                                   names.empty() ? "set it first: SET " + e.text + " = ..."
                                                 : DidYouMean(e.text, names));
      }
      return MakeConstant(it->second, e.pos);
    }
    case ExprKind::kUnary: {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr child, BindExpr(*e.args[0], ctx));
      if (e.unary_op == UnaryOp::kNot) {
        KODIAK_ASSIGN_OR_RETURN(child, ToBool(std::move(child), "the operand of NOT"));
        auto out = std::make_unique<BoundExpr>();
        out->kind = BoundKind::kNot;
        out->type = TypeId::kBool;
        out->pos = e.pos;
        out->children.push_back(std::move(child));
        return out;
      }
      if (e.unary_op == UnaryOp::kBitNot) return Status::NotSupported("the ~ operator is not supported yet").WithPosition(e.pos);
      if (child->type.id() == TypeId::kText && IsConstant(*child)) {
        KODIAK_ASSIGN_OR_RETURN(child, CastTo(std::move(child), TypeId::kFloat64));
      }
      if (!child->type.IsNumeric() && child->type.id() != TypeId::kNull && child->type.id() != TypeId::kInterval) {
        return Status::TypeError("cannot apply unary " + std::string(e.unary_op == UnaryOp::kPlus ? "+" : "-") +
                                     " to " + child->type.ToString(),
                                 e.pos);
      }
      if (e.unary_op == UnaryOp::kPlus) return child;
      LogicalType t = child->type;
      if (t.IsInteger() || t.id() == TypeId::kNull) t = TypeId::kInt64;
      else if (t.IsFloat()) t = TypeId::kFloat64;
      KODIAK_ASSIGN_OR_RETURN(child, CastTo(std::move(child), t));
      auto out = std::make_unique<BoundExpr>();
      out->kind = BoundKind::kNegate;
      out->type = t;
      out->pos = e.pos;
      out->children.push_back(std::move(child));
      if (IsConstant(*out->children[0])) {
        KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*out));
        return MakeConstant(std::move(v), e.pos);
      }
      return out;
    }
    case ExprKind::kBinary: {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr l, BindExpr(*e.args[0], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr r, BindExpr(*e.args[1], ctx));
      if (e.binary_op == BinaryOp::kJsonGet || e.binary_op == BinaryOp::kJsonGetText) {
        std::vector<BoundExprPtr> args;
        args.push_back(std::move(l));
        args.push_back(std::move(r));
        return BindCall(e.binary_op == BinaryOp::kJsonGet ? "json_get" : "json_get_text", std::move(args), e.pos);
      }
      switch (e.binary_op) {
        case BinaryOp::kAdd:
        case BinaryOp::kSub:
        case BinaryOp::kMul:
        case BinaryOp::kDiv:
        case BinaryOp::kMod: {
          KODIAK_ASSIGN_OR_RETURN(BoundExprPtr out, BindArithmetic(e.binary_op, std::move(l), std::move(r), e.pos));
          if (out->kind == BoundKind::kArith && IsConstant(*out->children[0]) && IsConstant(*out->children[1])) {
            KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*out));
            return MakeConstant(std::move(v), e.pos);
          }
          return out;
        }
        case BinaryOp::kEq:
        case BinaryOp::kNotEq:
        case BinaryOp::kLt:
        case BinaryOp::kLtEq:
        case BinaryOp::kGt:
        case BinaryOp::kGtEq: return BindComparison(e.binary_op, std::move(l), std::move(r), e.pos);
        case BinaryOp::kAnd:
        case BinaryOp::kOr: {
          KODIAK_ASSIGN_OR_RETURN(l, ToBool(std::move(l), "an operand of AND/OR"));
          KODIAK_ASSIGN_OR_RETURN(r, ToBool(std::move(r), "an operand of AND/OR"));
          auto out = std::make_unique<BoundExpr>();
          out->kind = e.binary_op == BinaryOp::kAnd ? BoundKind::kAnd : BoundKind::kOr;
          out->type = TypeId::kBool;
          out->pos = e.pos;
          out->children.push_back(std::move(l));
          out->children.push_back(std::move(r));
          return out;
        }
        case BinaryOp::kConcat: {
          // LIST || LIST appends; BLOB || BLOB stays a BLOB; anything else is text.
          if (l->type.id() == TypeId::kList && r->type.id() == TypeId::kList) {
            LogicalType common;
            if (!CommonType(l->type, r->type, &common)) {
              return Status::TypeError("cannot append " + r->type.ToString() + " to " + l->type.ToString(), e.pos);
            }
            KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), common));
            KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), common));
          } else {
            LogicalType target = l->type.id() == TypeId::kBlob && r->type.id() == TypeId::kBlob
                                     ? LogicalType(TypeId::kBlob) : LogicalType(TypeId::kText);
            KODIAK_ASSIGN_OR_RETURN(l, CastTo(std::move(l), target));
            KODIAK_ASSIGN_OR_RETURN(r, CastTo(std::move(r), target));
          }
          auto out = std::make_unique<BoundExpr>();
          out->kind = BoundKind::kConcat;
          out->type = l->type;
          out->pos = e.pos;
          out->children.push_back(std::move(l));
          out->children.push_back(std::move(r));
          return out;
        }
        default:
          return Status::NotSupported("this operator is not supported yet").WithPosition(e.pos);
      }
    }
    case ExprKind::kFunction: return BindFunction(e, ctx);
    case ExprKind::kCast: {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr child, BindExpr(*e.args[0], ctx));
      KODIAK_ASSIGN_OR_RETURN(LogicalType target, ResolveType(e.cast_type));
      if (!CanCast(child->type, target)) {
        return Status::TypeError("cannot cast " + child->type.ToString() + " to " + target.ToString(), e.pos);
      }
      if (IsConstant(*child)) {
        auto v = CastValue(child->value, target, e.try_cast);
        if (!v.ok()) return v.status().WithPosition(e.args[0]->pos);
        return MakeConstant(std::move(v).value(), e.pos);
      }
      auto out = MakeCast(std::move(child), target);
      out->try_cast = e.try_cast;
      out->pos = e.pos;
      return out;
    }
    case ExprKind::kCase: return BindCase(e, ctx);
    case ExprKind::kIsNull: {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr child, BindExpr(*e.args[0], ctx));
      auto out = std::make_unique<BoundExpr>();
      out->kind = BoundKind::kIsNull;
      out->negated = e.negated;
      out->type = TypeId::kBool;
      out->pos = e.pos;
      out->children.push_back(std::move(child));
      return out;
    }
    case ExprKind::kIsDistinct: {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr l, BindExpr(*e.args[0], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr r, BindExpr(*e.args[1], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr cmp, BindComparison(BinaryOp::kEq, std::move(l), std::move(r), e.pos));
      cmp->kind = BoundKind::kIsDistinct;
      cmp->negated = e.negated;
      return cmp;
    }
    case ExprKind::kBetween: {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr x, BindExpr(*e.args[0], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr lo, BindExpr(*e.args[1], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr hi, BindExpr(*e.args[2], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr a, BindComparison(BinaryOp::kGtEq, x->Clone(), std::move(lo), e.pos));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindComparison(BinaryOp::kLtEq, std::move(x), std::move(hi), e.pos));
      auto out = std::make_unique<BoundExpr>();
      out->kind = BoundKind::kAnd;
      out->type = TypeId::kBool;
      out->pos = e.pos;
      out->children.push_back(std::move(a));
      out->children.push_back(std::move(b));
      if (!e.negated) return out;
      auto neg = std::make_unique<BoundExpr>();
      neg->kind = BoundKind::kNot;
      neg->type = TypeId::kBool;
      neg->pos = e.pos;
      neg->children.push_back(std::move(out));
      return neg;
    }
    case ExprKind::kInList: {
      // x IN (a, b) is (x = a OR x = b): the same three-valued result.
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr x, BindExpr(*e.args[0], ctx));
      BoundExprPtr acc;
      for (size_t i = 1; i < e.args.size(); i++) {
        KODIAK_ASSIGN_OR_RETURN(BoundExprPtr item, BindExpr(*e.args[i], ctx));
        KODIAK_ASSIGN_OR_RETURN(BoundExprPtr eq, BindComparison(BinaryOp::kEq, x->Clone(), std::move(item), e.args[i]->pos));
        if (!acc) {
          acc = std::move(eq);
          continue;
        }
        auto o = std::make_unique<BoundExpr>();
        o->kind = BoundKind::kOr;
        o->type = TypeId::kBool;
        o->pos = e.pos;
        o->children.push_back(std::move(acc));
        o->children.push_back(std::move(eq));
        acc = std::move(o);
      }
      if (!acc) return MakeConstant(Value::Bool(e.negated), e.pos);
      if (!e.negated) return acc;
      auto neg = std::make_unique<BoundExpr>();
      neg->kind = BoundKind::kNot;
      neg->type = TypeId::kBool;
      neg->pos = e.pos;
      neg->children.push_back(std::move(acc));
      return neg;
    }
    case ExprKind::kLike: {
      auto out = std::make_unique<BoundExpr>();
      out->kind = BoundKind::kLike;
      out->type = TypeId::kBool;
      out->pos = e.pos;
      out->negated = e.negated;
      out->case_insensitive = e.case_insensitive;
      for (const auto& a : e.args) {
        KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, ctx));
        if (b->type.id() != TypeId::kText && b->type.id() != TypeId::kNull) {
          return Status::TypeError("LIKE needs TEXT, not " + b->type.ToString(), a->pos, "CAST it to TEXT");
        }
        KODIAK_ASSIGN_OR_RETURN(b, CastTo(std::move(b), TypeId::kText));
        out->children.push_back(std::move(b));
      }
      if (out->children.size() > 2 && out->children[2]->kind == BoundKind::kConstant &&
          !out->children[2]->value.is_null() && out->children[2]->value.str_value().size() != 1) {
        return Status::BinderError("ESCAPE must be a single character, not '" +
                                       out->children[2]->value.str_value() + "'",
                                   e.args[2]->pos);
      }
      return out;
    }
    case ExprKind::kStructLiteral:
    case ExprKind::kListLiteral: return BindNested(e, ctx);
    case ExprKind::kSubquery:
    case ExprKind::kExists:
    case ExprKind::kInSubquery: return BindSubquery(e, ctx);
    case ExprKind::kDefault:
      return Status::BinderError("DEFAULT stands only as a value in INSERT ... VALUES", e.pos);
    case ExprKind::kBlock: return BindBlock(e, ctx);
    case ExprKind::kMatch: return BindMatch(e, ctx);
    case ExprKind::kRaise: return BindRaise(e, ctx);
    case ExprKind::kTry: return BindTry(e, ctx);
    case ExprKind::kIndex: {
      // list[i] (from 1), json['key'], json[i] (from 0), struct['field'].
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr base, BindExpr(*e.args[0], ctx));
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr index, BindExpr(*e.args[1], ctx));
      const TypeId t = base->type.id();
      const char* fn = t == TypeId::kJson ? "json_get" : t == TypeId::kStruct ? "struct_extract" : "list_extract";
      std::vector<BoundExprPtr> args;
      args.push_back(std::move(base));
      args.push_back(std::move(index));
      return BindCall(fn, std::move(args), e.pos);
    }
    case ExprKind::kFieldAccess: {
      // (expr).field: a STRUCT's field or a JSON object's key.
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr base, BindExpr(*e.args[0], ctx));
      const bool json = base->type.id() == TypeId::kJson;
      std::vector<BoundExprPtr> args;
      args.push_back(std::move(base));
      args.push_back(MakeConstant(Value::Text(e.text), e.pos));
      return BindCall(json ? "json_get" : "struct_extract", std::move(args), e.pos);
    }
  }
  return Status::Internal("unknown expression kind");
}

}  // namespace kodiak::sql
