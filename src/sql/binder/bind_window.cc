// Window function calls: f(...) OVER (...) in SELECT, QUALIFY and ORDER BY.
// Each call becomes a BoundWindow of the block's WindowContext and binds to
// the column the Window operator will add for it.
#include <cmath>

#include "common/strings.h"
#include "sql/binder/aggregate_context.h"
#include "sql/binder/binder.h"
#include "sql/binder/expr_printer.h"
#include "sql/execution/cast.h"
#include "sql/execution/expression_executor.h"
#include "sql/function/scalar_function.h"

namespace kodiak::sql {

namespace {

struct Named {
  const char* name;
  WindowFunctionKind kind;
  size_t min_args, max_args;
};

constexpr Named kWindowFunctions[] = {
    {"row_number", WindowFunctionKind::kRowNumber, 0, 0},   {"rank", WindowFunctionKind::kRank, 0, 0},
    {"dense_rank", WindowFunctionKind::kDenseRank, 0, 0},   {"percent_rank", WindowFunctionKind::kPercentRank, 0, 0},
    {"cume_dist", WindowFunctionKind::kCumeDist, 0, 0},     {"ntile", WindowFunctionKind::kNtile, 1, 1},
    {"lag", WindowFunctionKind::kLag, 1, 3},                {"lead", WindowFunctionKind::kLead, 1, 3},
    {"first_value", WindowFunctionKind::kFirstValue, 1, 1}, {"last_value", WindowFunctionKind::kLastValue, 1, 1},
    {"nth_value", WindowFunctionKind::kNthValue, 2, 2},
};

}  // namespace

void Binder::FinishWindows(BoundExpr* e, int width) {
  if (e->kind == BoundKind::kColumn && e->column >= WindowContext::kWindowBase) {
    e->column = width + (e->column - WindowContext::kWindowBase);
  }
  for (auto& c : e->children) FinishWindows(c.get(), width);
}

Result<BoundExprPtr> Binder::BindWindowCall(const Expr& e, ExprContext& ctx) {
  const std::string name = AsciiLower(e.text);
  if (!ctx.win) {
    return Status::BinderError("window function " + name + "() is not allowed in " + ctx.clause, e.pos,
                               "compute it in a subquery, or filter on it with QUALIFY");
  }
  ExprContext actx = ctx;
  actx.win = nullptr;  // no window functions inside window functions
  actx.clause = "a window function";

  // The window: the call's own clauses over those of a named WINDOW.
  const WindowSpec& own = *e.window;
  const WindowSpec* base = nullptr;
  if (!own.name.empty()) {
    if (ctx.win->stmt) {
      for (const auto& [n, spec] : ctx.win->stmt->windows) {
        if (EqualsIgnoreCase(n, own.name)) base = spec.get();
      }
    }
    if (!base) {
      return Status::BinderError("unknown window '" + own.name + "'", own.pos,
                                 "define it after HAVING: WINDOW " + own.name + " AS (...)");
    }
  }
  const auto& partition = !own.partition_by.empty() || !base ? own.partition_by : base->partition_by;
  const auto& order = !own.order_by.empty() || !base ? own.order_by : base->order_by;
  const WindowSpec& frame = own.unit != WindowSpec::FrameUnit::kNone || !base ? own : *base;

  BoundWindow w;
  w.name = name;
  const Named* fn = nullptr;
  for (const auto& n : kWindowFunctions) {
    if (name == n.name) fn = &n;
  }
  if (fn) {
    w.kind = fn->kind;
    if (e.args.size() < fn->min_args || e.args.size() > fn->max_args || e.star_arg || e.distinct) {
      return Status::BinderError(name + "() takes " +
                                     (fn->min_args == fn->max_args ? std::to_string(fn->min_args)
                                                                   : std::to_string(fn->min_args) + " to " +
                                                                         std::to_string(fn->max_args)) +
                                     " argument" + (fn->max_args == 1 ? "" : "s"),
                                 e.pos);
    }
    if (e.filter) return Status::BinderError("FILTER is for aggregates, not " + name + "()", e.pos);
    for (size_t i = 0; i < e.args.size(); i++) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr a, BindExpr(*e.args[i], actx));
      const bool count_arg = w.kind == WindowFunctionKind::kNtile || i == 1;
      if (count_arg) {
        KODIAK_ASSIGN_OR_RETURN(a, CastTo(std::move(a), TypeId::kInt64));
      } else if (i == 2) {
        KODIAK_ASSIGN_OR_RETURN(a, CastTo(std::move(a), w.args[0]->type));
      }
      w.args.push_back(std::move(a));
    }
    switch (w.kind) {
      case WindowFunctionKind::kRowNumber:
      case WindowFunctionKind::kRank:
      case WindowFunctionKind::kDenseRank:
      case WindowFunctionKind::kNtile: w.type = TypeId::kInt64; break;
      case WindowFunctionKind::kPercentRank:
      case WindowFunctionKind::kCumeDist: w.type = TypeId::kFloat64; break;
      default:
        w.type = w.args[0]->type.id() == TypeId::kNull ? LogicalType(TypeId::kInt64) : w.args[0]->type;
        break;
    }
  } else if (IsAggregateName(name)) {
    w.kind = WindowFunctionKind::kAggregate;
    KODIAK_ASSIGN_OR_RETURN(w.aggregate, MakeBoundAggregate(e, actx));
    w.type = w.aggregate.type;
  } else {
    std::vector<std::string> names;
    for (const auto& n : kWindowFunctions) names.push_back(n.name);
    return Status::BinderError(name + "() is not a window function or an aggregate", e.pos,
                               "window functions: row_number, rank, dense_rank, percent_rank, cume_dist, ntile, "
                               "lag, lead, first_value, last_value, nth_value, and every aggregate");
  }

  for (const auto& p : partition) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*p, actx));
    w.partition.push_back(std::move(b));
  }
  for (const auto& o : order) {
    SortKey k;
    KODIAK_ASSIGN_OR_RETURN(k.expr, BindExpr(*o.expr, actx));
    k.descending = o.descending;
    k.nulls_first = o.nulls == OrderItem::Nulls::kDefault ? !o.descending : o.nulls == OrderItem::Nulls::kFirst;
    w.order.push_back(std::move(k));
  }

  // The frame.
  if (frame.unit != WindowSpec::FrameUnit::kNone) {
    w.unit = frame.unit == WindowSpec::FrameUnit::kRows    ? BoundWindow::Unit::kRows
             : frame.unit == WindowSpec::FrameUnit::kRange ? BoundWindow::Unit::kRange
                                                           : BoundWindow::Unit::kGroups;
    auto bound = [&](const WindowFrameBound& b, BoundFrameBound* out) -> Status {
      out->kind = static_cast<BoundFrameBound::Kind>(b.kind);
      if (!b.offset) return Status::OK();
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr off, BindConstantExpr(*b.offset));
      auto v = off->kind == BoundKind::kConstant && off->type.IsNumeric() ? EvaluateConstant(*off)
                                                                         : Result<Value>(Status::OK());
      if (!v.ok() || v->is_null() || !off->type.IsNumeric()) {
        return Status::BinderError("a window frame offset must be a constant number", b.offset->pos);
      }
      auto d = CastValue(*v, TypeId::kFloat64);
      if (!d.ok() || d->float_value() < 0) {
        return Status::BinderError("a window frame offset must not be negative", b.offset->pos);
      }
      out->offset = d->float_value();
      if (w.unit != BoundWindow::Unit::kRange && out->offset != std::floor(out->offset)) {
        return Status::BinderError("a ROWS or GROUPS offset must be a whole number", b.offset->pos);
      }
      return Status::OK();
    };
    KODIAK_RETURN_IF_ERROR(bound(frame.start, &w.start));
    KODIAK_RETURN_IF_ERROR(bound(frame.end, &w.end));
    if (w.start.kind == BoundFrameBound::Kind::kUnboundedFollowing ||
        w.end.kind == BoundFrameBound::Kind::kUnboundedPreceding) {
      return Status::BinderError("a window frame cannot start at UNBOUNDED FOLLOWING or end at UNBOUNDED PRECEDING",
                                 own.pos);
    }
    const bool offsets = w.start.kind == BoundFrameBound::Kind::kPreceding ||
                         w.start.kind == BoundFrameBound::Kind::kFollowing ||
                         w.end.kind == BoundFrameBound::Kind::kPreceding ||
                         w.end.kind == BoundFrameBound::Kind::kFollowing;
    if (w.unit == BoundWindow::Unit::kRange && offsets) {
      const TypeId t = w.order.size() == 1 ? w.order[0].expr->type.id() : TypeId::kNull;
      const bool ok = w.order.size() == 1 && (w.order[0].expr->type.IsNumeric() || t == TypeId::kDate ||
                                              t == TypeId::kTimestamp || t == TypeId::kTimestampTz);
      if (!ok) {
        return Status::BinderError("RANGE with an offset needs exactly one ORDER BY expression of a number or date type",
                                   own.pos, "use ROWS to count rows instead");
      }
    }
    if (w.unit == BoundWindow::Unit::kGroups && w.order.empty()) {
      return Status::BinderError("GROUPS frames need an ORDER BY in the window", own.pos);
    }
  }

  const int index = static_cast<int>(ctx.win->windows.size());
  LogicalType type = w.type;
  ctx.win->windows.push_back(std::move(w));
  auto ref = MakeColumn(WindowContext::kWindowBase + index, type);
  ref->pos = e.pos;
  return ref;
}

}  // namespace kodiak::sql
