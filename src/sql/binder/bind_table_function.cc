// Table functions in FROM: generate_series(start, stop[, step]) (stop
// included) and range([start, ] stop[, step]) (stop excluded), over integers
// or timestamps (with an INTERVAL step). The column is named after the
// function, as in DuckDB; `AS t(x)` renames it.
#include "common/strings.h"
#include "sql/binder/binder.h"
#include "sql/execution/cast.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/series_scan.h"
#include "sql/parser/suggest.h"

namespace kodiak::sql {

Result<OperatorPtr> Binder::BindTableFunction(const TableRef& ref, Scope* scope) {
  const std::string name = ref.name.empty() ? "?" : AsciiLower(ref.name.back().text);
  if (name != "generate_series" && name != "range") {
    return Status::BinderError("unknown table function " + name + "()", ref.pos,
                               DidYouMean(name, {"generate_series", "range"}));
  }
  const bool inclusive = name == "generate_series";
  if (ref.args.empty() || ref.args.size() > 3) {
    return Status::BinderError(name + "() takes (start, stop[, step])" + (inclusive ? "" : " or (stop)"), ref.pos);
  }
  std::vector<Value> values;
  for (const auto& a : ref.args) {
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindConstantExpr(*a));
    KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*b));
    if (v.is_null()) return Status::BinderError(name + "()'s arguments must not be NULL", a->pos);
    values.push_back(std::move(v));
  }
  if (values.size() == 1) {
    if (inclusive) return Status::BinderError("generate_series() needs a start and a stop", ref.pos);
    values.insert(values.begin(), Value::Int64(0));  // range(n) is 0 .. n-1
  }
  std::string alias = ref.alias.empty() ? name : ref.alias;
  KODIAK_RETURN_IF_ERROR(scope->CheckNewTable(alias, ref.pos));
  const std::string column = ref.column_aliases.empty() ? name : ref.column_aliases[0];
  const TypeId t0 = values[0].type().id();
  OperatorPtr scan;
  if (t0 == TypeId::kDate || t0 == TypeId::kTimestamp || t0 == TypeId::kTimestampTz || t0 == TypeId::kText) {
    auto start = CastValue(values[0], TypeId::kTimestamp);
    auto stop = CastValue(values[1], TypeId::kTimestamp);
    if (!start.ok() || !stop.ok()) {
      return Status::TypeError(name + "() over timestamps needs timestamps or dates for start and stop", ref.pos);
    }
    if (values.size() < 3 || values[2].type().id() != TypeId::kInterval) {
      return Status::BinderError(name + "() over timestamps needs an INTERVAL step, e.g. INTERVAL 1 DAY", ref.pos);
    }
    const Interval& step = values[2].interval_value();
    if (step.months == 0 && step.days == 0 && step.nanos / 1000 == 0) {
      return Status::BinderError(name + "()'s step must not be zero", ref.pos);
    }
    scan = std::make_unique<SeriesScan>(name, inclusive, start->int_value(), stop->int_value(), step);
    scope->columns.push_back({alias, column, LogicalType(TypeId::kTimestamp)});
    return scan;
  }
  std::vector<int64_t> ints;
  for (const auto& v : values) {
    auto i = CastValue(v, TypeId::kInt64);
    if (!i.ok() || !v.type().IsInteger()) {
      return Status::TypeError(name + "() counts in integers (or timestamps with an INTERVAL step), not " +
                                   v.type().ToString(),
                               ref.pos);
    }
    ints.push_back(i->int_value());
  }
  const int64_t step = ints.size() > 2 ? ints[2] : 1;
  if (step == 0) return Status::BinderError(name + "()'s step must not be zero", ref.pos);
  scope->columns.push_back({alias, column, LogicalType(TypeId::kInt64)});
  return OperatorPtr(std::make_unique<SeriesScan>(name, inclusive, ints[0], ints[1], step));
}

}  // namespace kodiak::sql
