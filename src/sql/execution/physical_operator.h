// PhysicalOperator: one node of an executable plan. Operators pull batches
// from their children (Next) and hand out batches of about kBatchSize rows.
//
// Contract: Next returns a batch, or nullptr once the operator is exhausted
// (and keeps returning nullptr). Operators check ExecContext::CheckInterrupt
// about once per batch. A plan is run by one thread; operators are not
// thread-safe. Describe() gives the operator's line in EXPLAIN. Reset()
// returns an operator and its children to the state before the first Next,
// so the plan can run again (correlated subqueries, recursive CTEs): every
// operator that keeps state between calls overrides it and calls the base.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/batch.h"
#include "kodiak/status.h"
#include "sql/execution/exec_context.h"

namespace kodiak::sql {

struct BoundExpr;
class PhysicalOperator;
using OperatorPtr = std::unique_ptr<PhysicalOperator>;

class PhysicalOperator {
 public:
  explicit PhysicalOperator(std::vector<LogicalType> types) : types_(std::move(types)) {}
  virtual ~PhysicalOperator() = default;

  virtual Result<BatchPtr> Next(ExecContext& ctx) = 0;
  virtual std::string Describe() const = 0;
  virtual void Reset() {
    for (auto& c : children_) c->Reset();
  }
  // The expressions the operator evaluates (EXPLAIN shows the plans of the
  // subqueries inside them under the operator).
  virtual void Expressions(std::vector<const BoundExpr*>* out) const { (void)out; }

  const std::vector<LogicalType>& types() const { return types_; }
  const std::vector<OperatorPtr>& children() const { return children_; }
  void AddChild(OperatorPtr child) { children_.push_back(std::move(child)); }

  // The plan as an indented tree, one line per operator; a subquery's plan
  // is under the operator that evaluates it, headed "Subquery ...".
  std::string Explain(int depth = 0) const;

 protected:
  std::vector<LogicalType> types_;
  std::vector<OperatorPtr> children_;
};

// Pulls every batch of `op` into a vector.
Result<std::vector<BatchPtr>> CollectAll(PhysicalOperator& op, ExecContext& ctx);

}  // namespace kodiak::sql
