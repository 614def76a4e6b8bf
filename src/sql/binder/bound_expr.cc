#include "sql/binder/bound_expr.h"

#include "sql/function/scalar_function.h"

namespace kodiak::sql {

BoundExprPtr BoundExpr::Clone() const {
  auto c = std::make_unique<BoundExpr>();
  c->kind = kind;
  c->type = type;
  c->pos = pos;
  c->value = value;
  c->column = column;
  c->op = op;
  c->negated = negated;
  c->try_cast = try_cast;
  c->case_insensitive = case_insensitive;
  c->function = function;
  c->subquery_kind = subquery_kind;
  c->first_correlation = first_correlation;
  c->incomparable = incomparable;
  c->subquery = subquery;
  c->frame = frame;
  c->compiled = compiled;
  c->compiled_weak = compiled_weak;
  for (const auto& ch : children) c->children.push_back(ch->Clone());
  return c;
}

bool BoundExpr::Equals(const BoundExpr& o) const {
  if (kind != o.kind || type != o.type || column != o.column || op != o.op || negated != o.negated ||
      try_cast != o.try_cast || case_insensitive != o.case_insensitive || function != o.function ||
      children.size() != o.children.size() || frame != o.frame || compiled != o.compiled ||
      compiled_weak.lock() != o.compiled_weak.lock() ||
      subquery_kind != o.subquery_kind || incomparable != o.incomparable)
    return false;
  if (kind == BoundKind::kConstant) {
    if (value.is_null() != o.value.is_null()) return false;
    if (!value.is_null() && (value.type() != o.value.type() || value.Compare(o.value) != 0)) return false;
  }
  if (subquery != o.subquery && (!subquery || !o.subquery || SubquerySource(*subquery) != SubquerySource(*o.subquery))) {
    return false;
  }
  for (size_t i = 0; i < children.size(); i++) {
    if (!children[i]->Equals(*o.children[i])) return false;
  }
  return true;
}

namespace {
const char* OpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kMod: return "%";
    case BinaryOp::kConcat: return "||";
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNotEq: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLtEq: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGtEq: return ">=";
    case BinaryOp::kAnd: return "AND";
    case BinaryOp::kOr: return "OR";
    default: return "?";
  }
}
}  // namespace

std::string BoundExpr::ToString() const {
  auto child = [&](size_t i) { return children[i]->ToString(); };
  switch (kind) {
    case BoundKind::kConstant: return value.ToSqlLiteral();
    case BoundKind::kColumn: return "#" + std::to_string(column);
    case BoundKind::kCast: return "CAST(" + child(0) + " AS " + type.ToString() + ")";
    case BoundKind::kArith:
    case BoundKind::kCompare: return "(" + child(0) + " " + OpText(op) + " " + child(1) + ")";
    case BoundKind::kAnd: return "(" + child(0) + " AND " + child(1) + ")";
    case BoundKind::kOr: return "(" + child(0) + " OR " + child(1) + ")";
    case BoundKind::kNot: return "(NOT " + child(0) + ")";
    case BoundKind::kNegate: return "(-" + child(0) + ")";
    case BoundKind::kIsNull: return "(" + child(0) + (negated ? " IS NOT NULL)" : " IS NULL)");
    case BoundKind::kIsDistinct:
      return "(" + child(0) + (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + child(1) + ")";
    case BoundKind::kConcat: return "(" + child(0) + " || " + child(1) + ")";
    case BoundKind::kLike:
      return "(" + child(0) + (negated ? " NOT" : "") + (case_insensitive ? " ILIKE " : " LIKE ") +
             child(1) + ")";
    case BoundKind::kCase: {
      std::string out = "CASE";
      size_t n = children.size() - 1;
      for (size_t i = 0; i < n; i += 2) {
        out += " WHEN " + child(i) + " THEN " + child(i + 1);
      }
      return out + " ELSE " + child(n) + " END";
    }
    case BoundKind::kFunction: {
      std::string out = function ? function->name : "?";
      out += "(";
      for (size_t i = 0; i < children.size(); i++) out += (i ? ", " : "") + child(i);
      return out + ")";
    }
    case BoundKind::kSubquery: {
      const bool tests = subquery_kind == SubqueryKind::kIn || subquery_kind == SubqueryKind::kAny ||
                         subquery_kind == SubqueryKind::kAll;
      std::string what = subquery_kind == SubqueryKind::kExists ? "EXISTS(subquery"
                         : subquery_kind == SubqueryKind::kIn   ? "IN(subquery"
                         : subquery_kind == SubqueryKind::kAny  ? std::string(OpText(op)) + " ANY(subquery"
                         : subquery_kind == SubqueryKind::kAll  ? std::string(OpText(op)) + " ALL(subquery"
                                                                : "(subquery";
      std::string out = tests ? "(" + child(0) + (negated ? " NOT " : " ") + what
                              : std::string(negated ? "NOT " : "") + what;
      for (size_t i = static_cast<size_t>(first_correlation); i < children.size(); i++) {
        out += (i == static_cast<size_t>(first_correlation) ? " with " : ", ") + child(i);
      }
      return out + (tests ? "))" : ")");
    }
    case BoundKind::kParameter: return "$outer" + std::to_string(column);
    case BoundKind::kUserCall: {
      std::string out = "call(";
      for (size_t i = 0; i < children.size(); i++) out += (i ? ", " : "") + child(i);
      return out + ")";
    }
    case BoundKind::kRaise: return "RAISE " + value.str_value().substr(0, value.str_value().find(':'));
    case BoundKind::kTry: {
      std::string out = "TRY " + child(0);
      for (size_t i = 1; i < children.size(); i++) out += " CATCH => " + child(i);
      return out;
    }
  }
  return "?";
}

BoundExprPtr MakeConstant(Value v, int64_t pos) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kConstant;
  e->type = v.type();
  e->value = std::move(v);
  e->pos = pos;
  return e;
}

BoundExprPtr MakeAnd(BoundExprPtr a, BoundExprPtr b) {
  if (!a) return b;
  auto out = std::make_unique<BoundExpr>();
  out->kind = BoundKind::kAnd;
  out->type = TypeId::kBool;
  out->children.push_back(std::move(a));
  out->children.push_back(std::move(b));
  return out;
}

void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>* out) {
  if (e->kind == BoundKind::kAnd) {
    SplitConjuncts(std::move(e->children[0]), out);
    SplitConjuncts(std::move(e->children[1]), out);
    return;
  }
  out->push_back(std::move(e));
}

BoundExprPtr MakeColumn(int index, LogicalType type) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kColumn;
  e->column = index;
  e->type = std::move(type);
  return e;
}

BoundExprPtr MakeCast(BoundExprPtr child, LogicalType type) {
  if (child->type == type) return child;
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundKind::kCast;
  e->type = std::move(type);
  e->pos = child->pos;
  e->children.push_back(std::move(child));
  return e;
}

const char* AggregateName(AggregateKind kind) {
  switch (kind) {
    case AggregateKind::kCountStar: return "count_star";
    case AggregateKind::kCount: return "count";
    case AggregateKind::kSum: return "sum";
    case AggregateKind::kAvg: return "avg";
    case AggregateKind::kMin: return "min";
    case AggregateKind::kMax: return "max";
    case AggregateKind::kStddevSamp: return "stddev_samp";
    case AggregateKind::kStddevPop: return "stddev_pop";
    case AggregateKind::kVarSamp: return "var_samp";
    case AggregateKind::kVarPop: return "var_pop";
    case AggregateKind::kStringAgg: return "string_agg";
    case AggregateKind::kList: return "list";
    case AggregateKind::kBoolAnd: return "bool_and";
    case AggregateKind::kBoolOr: return "bool_or";
    case AggregateKind::kApproxCountDistinct: return "approx_count_distinct";
    case AggregateKind::kTotal: return "total";
    case AggregateKind::kAnyValue: return "any_value";
    case AggregateKind::kGrouping: return "grouping";
  }
  return "?";
}

BoundAggregate BoundAggregate::Clone() const {
  BoundAggregate c;
  c.kind = kind;
  c.arg = arg ? arg->Clone() : nullptr;
  c.distinct = distinct;
  c.type = type;
  c.separator = separator;
  c.grouping = grouping;
  c.grouping_value = grouping_value;
  c.filter = filter ? filter->Clone() : nullptr;
  for (const auto& o : order) c.order.push_back({o.expr->Clone(), o.descending, o.nulls_first});
  return c;
}

bool BoundAggregate::Equals(const BoundAggregate& o) const {
  if (kind != o.kind || distinct != o.distinct || (arg == nullptr) != (o.arg == nullptr) ||
      separator != o.separator || grouping != o.grouping || (filter == nullptr) != (o.filter == nullptr) || order.size() != o.order.size()) {
    return false;
  }
  if (filter && !filter->Equals(*o.filter)) return false;
  for (size_t i = 0; i < order.size(); i++) {
    if (order[i].descending != o.order[i].descending || order[i].nulls_first != o.order[i].nulls_first ||
        !order[i].expr->Equals(*o.order[i].expr)) {
      return false;
    }
  }
  return !arg || arg->Equals(*o.arg);
}

std::string BoundAggregate::ToString() const {
  std::string out = AggregateName(kind);
  out += "(";
  if (distinct) out += "DISTINCT ";
  if (arg) out += arg->ToString();
  for (size_t i = 0; i < grouping.size(); i++) out += (i ? ", #" : "#") + std::to_string(grouping[i]);
  if (kind == AggregateKind::kStringAgg) out += ", '" + separator + "'";
  for (size_t i = 0; i < order.size(); i++) {
    out += (i ? ", " : " ORDER BY ") + order[i].expr->ToString() + (order[i].descending ? " DESC" : "");
  }
  out += ")";
  if (filter) out += " FILTER (WHERE " + filter->ToString() + ")";
  return out;
}

}  // namespace kodiak::sql
