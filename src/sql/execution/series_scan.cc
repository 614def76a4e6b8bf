#include "sql/execution/series_scan.h"

#include "columnar/vector.h"
#include "types/datetime.h"

namespace kodiak::sql {

namespace {
constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

int64_t AddMonths(int64_t micros, int32_t months) {
  int64_t days = micros / kMicrosPerDay - (micros % kMicrosPerDay < 0);
  int64_t rest = micros - days * kMicrosPerDay;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  int64_t total = y * 12 + (m - 1) + months;
  int64_t ny = total / 12 - (total % 12 < 0);
  unsigned nm = static_cast<unsigned>(total - ny * 12 + 1);
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned last = kDays[nm - 1] + (nm == 2 && ((ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0));
  return static_cast<int64_t>(DaysFromCivil(ny, nm, std::min(d, last))) * kMicrosPerDay + rest;
}
}  // namespace

SeriesScan::SeriesScan(std::string name, bool inclusive, int64_t start, int64_t stop, int64_t step)
    : PhysicalOperator({LogicalType(TypeId::kInt64)}),
      name_(std::move(name)),
      inclusive_(inclusive),
      timestamps_(false),
      start_(start),
      stop_(stop),
      step_(step),
      current_(start) {}

SeriesScan::SeriesScan(std::string name, bool inclusive, int64_t start, int64_t stop, Interval step)
    : PhysicalOperator({LogicalType(TypeId::kTimestamp)}),
      name_(std::move(name)),
      inclusive_(inclusive),
      timestamps_(true),
      start_(start),
      stop_(stop),
      interval_(step),
      current_(start) {
  // The direction of an interval step: its length with a month as 30 days.
  __int128 len = static_cast<__int128>(step.months) * 30 * kMicrosPerDay +
                 static_cast<__int128>(step.days) * kMicrosPerDay + step.nanos / 1000;
  step_ = len > 0 ? 1 : len < 0 ? -1 : 0;
}

bool SeriesScan::Within(int64_t v) const {
  if (step_ > 0) return inclusive_ ? v <= stop_ : v < stop_;
  return inclusive_ ? v >= stop_ : v > stop_;
}

int64_t SeriesScan::Advance(int64_t v, bool* overflow) {
  int64_t out;
  if (!timestamps_) {
    *overflow = __builtin_add_overflow(v, step_, &out);
    return out;
  }
  // The k-th value is start + k * step (months first), so Jan 31 + 1 month
  // steps give Feb 29, Mar 31, ... rather than drifting to the 29th.
  (void)v;
  const int64_t k = ++steps_;
  int64_t months = 0, rest = 0;
  if (__builtin_mul_overflow(static_cast<int64_t>(interval_.months), k, &months) ||
      __builtin_mul_overflow(interval_.days * kMicrosPerDay + interval_.nanos / 1000, k, &rest) ||
      months > INT32_MAX || months < INT32_MIN) {
    *overflow = true;
    return 0;
  }
  int64_t moved = months ? AddMonths(start_, static_cast<int32_t>(months)) : start_;
  *overflow = __builtin_add_overflow(moved, rest, &out);
  return out;
}

Result<BatchPtr> SeriesScan::Next(ExecContext& ctx) {
  KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
  if (done_ || step_ == 0) return BatchPtr();
  auto col = std::make_shared<Vector>(types_[0], kBatchSize);
  int64_t* out = col->data<int64_t>();
  int64_t n = 0;
  while (n < kBatchSize && Within(current_)) {
    out[n++] = current_;
    bool overflow = false;
    int64_t next = Advance(current_, &overflow);
    if (overflow || next == current_) {
      done_ = true;
      break;
    }
    current_ = next;
  }
  if (n == 0) {
    done_ = true;
    return BatchPtr();
  }
  if (!Within(current_)) done_ = true;
  auto batch = std::make_shared<Batch>();
  batch->num_rows = n;
  batch->columns.push_back(n == kBatchSize ? col : std::shared_ptr<Vector>(col));
  if (n < kBatchSize) {
    auto trimmed = std::make_shared<Vector>(types_[0], n);
    std::copy(out, out + n, trimmed->data<int64_t>());
    batch->columns[0] = trimmed;
  }
  ctx.AddRowsScanned(static_cast<uint64_t>(n));
  return BatchPtr(batch);
}

std::string SeriesScan::Describe() const {
  return "SeriesScan " + name_ + (timestamps_ ? " (timestamps)" : " (" + std::to_string(start_) + " to " +
                                                                       std::to_string(stop_) + " step " +
                                                                       std::to_string(step_) + ")");
}

}  // namespace kodiak::sql
