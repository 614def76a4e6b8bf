// GroupingSets: GROUP BY GROUPING SETS / ROLLUP / CUBE. Reads its input
// once, then aggregates it once per grouping set (a HashAggregate over the
// saved rows) and outputs the results one set after another. The group
// columns a set leaves out are NULL; grouping(...) aggregates get the set's
// bits.
//
// Contract: see physical_operator.h. Output: every group column, then every
// aggregate, like HashAggregate.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/execution/operators.h"
#include "sql/execution/set_operations.h"

namespace kodiak::sql {

class GroupingSets : public PhysicalOperator {
 public:
  GroupingSets(OperatorPtr child, std::vector<BoundExprPtr> groups, std::vector<BoundAggregate> aggregates,
               std::vector<std::vector<size_t>> sets);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override;
  void Reset() override {
    PhysicalOperator::Reset();
    output_.clear();
    next_ = 0;
    done_ = false;
  }

 private:
  Status Run(ExecContext& ctx);
  std::vector<BoundExprPtr> groups_;
  std::vector<BoundAggregate> aggregates_;
  std::vector<std::vector<size_t>> sets_;
  std::vector<BatchPtr> output_;
  size_t next_ = 0;
  bool done_ = false;
};

}  // namespace kodiak::sql
