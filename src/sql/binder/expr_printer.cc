#include "sql/binder/expr_printer.h"

namespace kodiak::sql {

namespace {

const char* BinaryText(BinaryOp op) {
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
    case BinaryOp::kJsonGet: return "->";
    case BinaryOp::kJsonGetText: return "->>";
    case BinaryOp::kBitAnd: return "&";
    case BinaryOp::kBitOr: return "|";
    case BinaryOp::kShiftLeft: return "<<";
    case BinaryOp::kShiftRight: return ">>";
  }
  return "?";
}

std::string Sub(const Expr& e) {
  std::string s = ExprToSql(e);
  bool simple = e.kind != ExprKind::kBinary && e.kind != ExprKind::kBetween && e.kind != ExprKind::kLike &&
                e.kind != ExprKind::kInList && e.kind != ExprKind::kIsNull && e.kind != ExprKind::kIsDistinct;
  return simple ? s : "(" + s + ")";
}

std::string Names(const std::vector<Name>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (i) out += ".";
    out += names[i].from_variable ? "{" + names[i].text + "}" : names[i].text;
  }
  return out;
}

}  // namespace

std::string ExprToSql(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: {
      if (e.value.is_null()) return "NULL";
      TypeId id = e.value.type().id();
      if (id == TypeId::kText) return e.value.ToSqlLiteral();
      if (id == TypeId::kBool) return e.value.bool_value() ? "TRUE" : "FALSE";
      return e.value.ToSqlLiteral();
    }
    case ExprKind::kColumnRef: return Names(e.names);
    case ExprKind::kStar: return e.names.empty() ? "*" : Names(e.names) + ".*";
    case ExprKind::kVariable: return "{" + e.text + "}";
    case ExprKind::kUnary:
      switch (e.unary_op) {
        case UnaryOp::kNegate: return "-" + Sub(*e.args[0]);
        case UnaryOp::kPlus: return "+" + Sub(*e.args[0]);
        case UnaryOp::kNot: return "NOT " + Sub(*e.args[0]);
        case UnaryOp::kBitNot: return "~" + Sub(*e.args[0]);
      }
      return "?";
    case ExprKind::kBinary:
      return Sub(*e.args[0]) + " " + BinaryText(e.binary_op) + " " + Sub(*e.args[1]);
    case ExprKind::kFunction: {
      std::string out = e.text + "(";
      if (e.distinct) out += "DISTINCT ";
      if (e.star_arg) out += "*";
      for (size_t i = 0; i < e.args.size(); i++) out += (i ? ", " : "") + ExprToSql(*e.args[i]);
      for (size_t i = 0; i < e.arg_order.size(); i++) {
        out += (i ? ", " : " ORDER BY ") + ExprToSql(*e.arg_order[i].expr) + (e.arg_order[i].descending ? " DESC" : "");
      }
      out += ")";
      if (e.filter) out += " FILTER (WHERE " + ExprToSql(*e.filter) + ")";
      if (e.window) {
        const WindowSpec& w = *e.window;
        std::string spec = w.name;
        for (size_t i = 0; i < w.partition_by.size(); i++) {
          spec += std::string(i ? ", " : (spec.empty() ? "PARTITION BY " : " PARTITION BY ")) + ExprToSql(*w.partition_by[i]);
        }
        for (size_t i = 0; i < w.order_by.size(); i++) {
          spec += std::string(i ? ", " : (spec.empty() ? "ORDER BY " : " ORDER BY ")) + ExprToSql(*w.order_by[i].expr) +
                  (w.order_by[i].descending ? " DESC" : "");
        }
        out += " OVER (" + spec + ")";
      }
      return out;
    }
    case ExprKind::kCast:
      return std::string(e.try_cast ? "TRY_CAST(" : "CAST(") + ExprToSql(*e.args[0]) + " AS " +
             (e.cast_type.resolved ? e.cast_type.type.ToString() : e.cast_type.name) + ")";
    case ExprKind::kCase: {
      std::string out = "CASE";
      if (!e.args.empty() && e.args[0]) out += " " + ExprToSql(*e.args[0]);
      for (const auto& [w, t] : e.when_then) out += " WHEN " + ExprToSql(*w) + " THEN " + ExprToSql(*t);
      if (e.args.size() > 1 && e.args[1]) out += " ELSE " + ExprToSql(*e.args[1]);
      return out + " END";
    }
    case ExprKind::kIsNull: return Sub(*e.args[0]) + (e.negated ? " IS NOT NULL" : " IS NULL");
    case ExprKind::kIsDistinct:
      return Sub(*e.args[0]) + (e.negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + Sub(*e.args[1]);
    case ExprKind::kBetween:
      return Sub(*e.args[0]) + (e.negated ? " NOT BETWEEN " : " BETWEEN ") + Sub(*e.args[1]) + " AND " +
             Sub(*e.args[2]);
    case ExprKind::kInList: {
      std::string out = Sub(*e.args[0]) + (e.negated ? " NOT IN (" : " IN (");
      for (size_t i = 1; i < e.args.size(); i++) out += (i > 1 ? ", " : "") + ExprToSql(*e.args[i]);
      return out + ")";
    }
    case ExprKind::kInSubquery:
      if (e.binary_op != BinaryOp::kEq || e.quantifier_all) {
        return Sub(*e.args[0]) + " " + BinaryText(e.binary_op) + (e.quantifier_all ? " ALL (subquery)" : " ANY (subquery)");
      }
      return Sub(*e.args[0]) + (e.negated ? " NOT IN (subquery)" : " IN (subquery)");
    case ExprKind::kExists: return e.negated ? "NOT EXISTS (subquery)" : "EXISTS (subquery)";
    case ExprKind::kSubquery: return "(subquery)";
    case ExprKind::kLike: {
      std::string out = Sub(*e.args[0]) + (e.negated ? " NOT" : "") + (e.case_insensitive ? " ILIKE " : " LIKE ") +
                        Sub(*e.args[1]);
      if (e.args.size() > 2) out += " ESCAPE " + Sub(*e.args[2]);
      return out;
    }
    case ExprKind::kStructLiteral: {
      std::string out = "{";
      for (size_t i = 0; i < e.args.size(); i++) {
        out += (i ? ", " : "") + e.field_names[i] + ": " + ExprToSql(*e.args[i]);
      }
      return out + "}";
    }
    case ExprKind::kListLiteral: {
      std::string out = "[";
      for (size_t i = 0; i < e.args.size(); i++) out += (i ? ", " : "") + ExprToSql(*e.args[i]);
      return out + "]";
    }
    case ExprKind::kIndex: return Sub(*e.args[0]) + "[" + ExprToSql(*e.args[1]) + "]";
    case ExprKind::kFieldAccess: return Sub(*e.args[0]) + "." + e.text;
    case ExprKind::kDefault: return "DEFAULT";
    case ExprKind::kBlock: return "{ ... }";
    case ExprKind::kMatch: return "MATCH " + Sub(*e.args[0]) + " { ... }";
    case ExprKind::kRaise: return "RAISE " + e.text;
    case ExprKind::kTry: return "TRY " + Sub(*e.args[0]) + " CATCH ...";
  }
  return "?";
}

}  // namespace kodiak::sql
