// Window functions: f(...) OVER (PARTITION BY ... ORDER BY ... frame).
//
// The Window operator reads all its input, then for each window function
// sorts the row numbers by (partition keys, order keys), walks each
// partition and computes one value per row, and outputs the input columns
// followed by one column per window function, in input order.
//
// Frames: without a frame clause, the frame is the whole partition when the
// window has no ORDER BY, else RANGE UNBOUNDED PRECEDING to the current row's
// last peer. ROWS counts rows, GROUPS counts peer groups, RANGE with an
// offset compares the (single, numeric or temporal) ORDER BY value.
// Aggregates over the whole partition are computed once per partition;
// count/sum/avg/total over other frames use prefix sums; min/max grow
// incrementally when the frame starts at the partition's start; any other
// aggregate over a moving frame costs the frame's size per row.
//
// Contract: see physical_operator.h. Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/binder/bound_expr.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

enum class WindowFunctionKind : uint8_t {
  kRowNumber, kRank, kDenseRank, kPercentRank, kCumeDist, kNtile,
  kLag, kLead, kFirstValue, kLastValue, kNthValue,
  kAggregate,
};

struct BoundFrameBound {
  enum class Kind : uint8_t { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
  Kind kind = Kind::kCurrentRow;
  double offset = 0;  // kPreceding / kFollowing: rows, groups, or an ORDER BY value difference
};

struct BoundWindow {
  WindowFunctionKind kind = WindowFunctionKind::kRowNumber;
  BoundAggregate aggregate;          // kAggregate
  std::vector<BoundExprPtr> args;    // lag/lead (value, offset, default), ntile (n), *_value (value[, n])
  std::vector<BoundExprPtr> partition;
  std::vector<SortKey> order;
  enum class Unit : uint8_t { kDefault, kRows, kRange, kGroups } unit = Unit::kDefault;
  BoundFrameBound start, end;
  LogicalType type;
  std::string name;  // for EXPLAIN

  std::string ToString() const;
};

class Window : public PhysicalOperator {
 public:
  Window(OperatorPtr child, std::vector<BoundWindow> windows);
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
  std::vector<BoundWindow> windows_;
  std::vector<BatchPtr> output_;
  size_t next_ = 0;
  bool done_ = false;
};

}  // namespace kodiak::sql
