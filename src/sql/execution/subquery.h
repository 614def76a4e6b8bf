// Subqueries in expressions: scalar `(SELECT ...)`, `EXISTS (SELECT ...)` and
// `x IN (SELECT ...)`, uncorrelated or correlated.
//
// A correlated subquery reads values of the outer row through ParamFrame
// slots (BoundKind::kParameter). It is run once per distinct combination of
// those values: results are memoized by the encoded outer values, so a
// subquery correlated on a low-cardinality column runs a few times, not once
// per row. An uncorrelated subquery runs once per statement.
//
// Contract: a SubqueryPlan belongs to one statement and is used by the one
// thread running it. Evaluate re-runs the plan after PhysicalOperator::Reset.
// IN follows SQL's NULL rules: NULL when the tested value is NULL (and the
// subquery has rows) or when no row matches but some row is NULL.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "columnar/batch.h"
#include "kodiak/status.h"
#include "sql/binder/bound_expr.h"
#include "sql/execution/physical_operator.h"

namespace kodiak::sql {

// The outer values a correlated subquery is currently run for.
struct ParamFrame {
  std::vector<Value> values;
};

struct SubqueryPlan {
  OperatorPtr plan;  // one output column (scalar, IN) or any (EXISTS)
  // The query it was bound from: two bindings of one subquery in one place
  // are the same expression (GROUP BY 1 and the SELECT item it names).
  const void* source = nullptr;
  std::shared_ptr<ParamFrame> frame = std::make_shared<ParamFrame>();

  // Evaluates the kSubquery expression `e` (whose plan this is) over `batch`.
  Result<VectorPtr> Evaluate(const BoundExpr& e, const Batch& batch, ExecContext* ctx);

 private:
  // What one run of the plan produced, in the form the kind needs.
  struct Outcome {
    Value scalar;                           // kScalar
    bool any_row = false;                   // kExists, kIn
    bool has_null = false;                  // kIn: some row is NULL
    std::unordered_set<std::string> keys;   // kIn, kAny, kAll: encoded non-NULL values
    Value min, max;                         // kAny, kAll: of the non-NULL values
    bool several = false;                   // kAny, kAll: more than one distinct non-NULL value
  };
  // x op ANY / ALL of the outcome's rows (x not NULL): TRUE, FALSE or NULL.
  static Value Quantified(const BoundExpr& e, const Outcome& o, const Value& x, const std::string& key);
  Result<const Outcome*> Run(const BoundExpr& e, const std::string& memo_key, ExecContext& ctx);

  std::unordered_map<std::string, std::unique_ptr<Outcome>> memo_;
};

}  // namespace kodiak::sql
