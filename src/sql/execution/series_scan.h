// SeriesScan: the rows of generate_series(start, stop[, step]) (stop
// included) and range(start, stop[, step]) (stop excluded), over INT64 or,
// with an INTERVAL step, over TIMESTAMP. Produced a batch at a time, so a
// long series never sits in memory whole.
//
// Contract: see physical_operator.h. A zero step is refused by the binder.
#pragma once

#include <string>

#include "kodiak/value.h"
#include "sql/execution/physical_operator.h"

namespace kodiak::sql {

class SeriesScan : public PhysicalOperator {
 public:
  // Integers: start/stop/step as int64. Timestamps: start/stop in
  // microseconds and `interval` as the step.
  SeriesScan(std::string name, bool inclusive, int64_t start, int64_t stop, int64_t step);
  SeriesScan(std::string name, bool inclusive, int64_t start, int64_t stop, Interval step);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    current_ = start_;
    steps_ = 0;
    done_ = false;
  }

 private:
  bool Within(int64_t v) const;
  int64_t Advance(int64_t v, bool* overflow);
  std::string name_;
  bool inclusive_;
  bool timestamps_;
  int64_t start_, stop_, step_ = 0;
  Interval interval_;
  int64_t current_;
  int64_t steps_ = 0;  // timestamps: how many steps current_ is from start_
  bool done_ = false;
};

}  // namespace kodiak::sql
