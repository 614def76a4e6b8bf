#include "sql/execution/window.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"
#include "sql/execution/expression_executor.h"
#include "sql/function/aggregate_library.h"
#include "sql/function/aggregate_state.h"
#include "types/numeric.h"

namespace kodiak::sql {

namespace {

std::vector<LogicalType> WindowOutputTypes(const PhysicalOperator& child, const std::vector<BoundWindow>& windows) {
  std::vector<LogicalType> out = child.types();
  for (const auto& w : windows) out.push_back(w.type);
  return out;
}

const char* KindName(WindowFunctionKind k) {
  switch (k) {
    case WindowFunctionKind::kRowNumber: return "row_number";
    case WindowFunctionKind::kRank: return "rank";
    case WindowFunctionKind::kDenseRank: return "dense_rank";
    case WindowFunctionKind::kPercentRank: return "percent_rank";
    case WindowFunctionKind::kCumeDist: return "cume_dist";
    case WindowFunctionKind::kNtile: return "ntile";
    case WindowFunctionKind::kLag: return "lag";
    case WindowFunctionKind::kLead: return "lead";
    case WindowFunctionKind::kFirstValue: return "first_value";
    case WindowFunctionKind::kLastValue: return "last_value";
    case WindowFunctionKind::kNthValue: return "nth_value";
    case WindowFunctionKind::kAggregate: return "aggregate";
  }
  return "?";
}

// One window function over all rows: the sorted order and its partitions
// and peer groups, then the values.
class WindowComputation {
 public:
  WindowComputation(const BoundWindow& w, const Batch& rows, ExecContext& ctx) : w_(w), rows_(rows), ctx_(ctx) {}

  Result<VectorPtr> Run() {
    n_ = rows_.num_rows;
    KODIAK_RETURN_IF_ERROR(Sort());
    for (const auto& a : w_.args) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*a, rows_, &ctx_));
      args_.push_back(std::move(v));
    }
    out_.assign(static_cast<size_t>(n_), Value::Null(w_.type));
    if (w_.kind == WindowFunctionKind::kAggregate) {
      KODIAK_RETURN_IF_ERROR(Aggregate());
    } else {
      for (int64_t ps = 0; ps < n_;) {
        int64_t pe = PartitionEnd(ps);
        KODIAK_RETURN_IF_ERROR(Partition(ps, pe));
        ps = pe;
      }
    }
    VectorBuilder b(w_.type, n_);
    for (auto& v : out_) b.Append(v);
    return b.Finish();
  }

 private:
  Status Sort() {
    std::vector<VectorPtr> pv, ov;
    std::vector<KeyColumn> pcols, ocols;
    for (const auto& p : w_.partition) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*p, rows_, &ctx_));
      pv.push_back(v);
      pcols.push_back(KeyColumn{pv.back().get()});
    }
    for (const auto& o : w_.order) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*o.expr, rows_, &ctx_));
      ov.push_back(v);
      ocols.push_back(KeyColumn{ov.back().get(), o.descending, o.nulls_first});
    }
    if (!ov.empty()) order_value_ = ov[0];
    pkeys_.assign(static_cast<size_t>(n_), std::string());
    okeys_.assign(static_cast<size_t>(n_), std::string());
    if (!pcols.empty()) EncodeKeys(pcols, n_, &pkeys_);
    if (!ocols.empty()) EncodeKeys(ocols, n_, &okeys_);
    perm_.resize(static_cast<size_t>(n_));
    std::iota(perm_.begin(), perm_.end(), 0);
    std::stable_sort(perm_.begin(), perm_.end(), [&](int64_t a, int64_t b) {
      int c = pkeys_[static_cast<size_t>(a)].compare(pkeys_[static_cast<size_t>(b)]);
      if (c != 0) return c < 0;
      return okeys_[static_cast<size_t>(a)] < okeys_[static_cast<size_t>(b)];
    });
    return Status::OK();
  }

  const std::string& PKey(int64_t p) const { return pkeys_[static_cast<size_t>(perm_[static_cast<size_t>(p)])]; }
  const std::string& OKey(int64_t p) const { return okeys_[static_cast<size_t>(perm_[static_cast<size_t>(p)])]; }
  int64_t Row(int64_t p) const { return perm_[static_cast<size_t>(p)]; }

  int64_t PartitionEnd(int64_t ps) const {
    int64_t pe = ps + 1;
    while (pe < n_ && PKey(pe) == PKey(ps)) pe++;
    return pe;
  }

  // Peer groups of the partition [ps, pe): group index per position and the
  // start and end of each group.
  void Peers(int64_t ps, int64_t pe) {
    group_of_.assign(static_cast<size_t>(pe - ps), 0);
    group_start_.clear();
    group_end_.clear();
    for (int64_t p = ps; p < pe; p++) {
      if (p == ps || OKey(p) != OKey(p - 1)) {
        if (p != ps) group_end_.push_back(p);
        group_start_.push_back(p);
      }
      group_of_[static_cast<size_t>(p - ps)] = static_cast<int64_t>(group_start_.size()) - 1;
    }
    group_end_.push_back(pe);
  }

  // The frame [fs, fe) of position p.
  void Frame(int64_t p, int64_t ps, int64_t pe, int64_t* fs, int64_t* fe) const {
    const int64_t g = group_of_[static_cast<size_t>(p - ps)];
    const int64_t gs = group_start_[static_cast<size_t>(g)], ge = group_end_[static_cast<size_t>(g)];
    if (w_.unit == BoundWindow::Unit::kDefault) {
      *fs = ps;
      *fe = w_.order.empty() ? pe : ge;
      return;
    }
    *fs = Bound(w_.start, true, p, ps, pe, g, gs, ge);
    *fe = Bound(w_.end, false, p, ps, pe, g, gs, ge);
    if (*fe < *fs) *fe = *fs;
  }

  // A frame bound as a position: the first position of the frame (start) or
  // one past its last (end).
  int64_t Bound(const BoundFrameBound& b, bool start, int64_t p, int64_t ps, int64_t pe, int64_t g, int64_t gs,
                int64_t ge) const {
    using K = BoundFrameBound::Kind;
    if (b.kind == K::kUnboundedPreceding) return ps;
    if (b.kind == K::kUnboundedFollowing) return pe;
    const auto k = static_cast<int64_t>(b.offset);
    switch (w_.unit) {
      case BoundWindow::Unit::kRows:
        if (b.kind == K::kCurrentRow) return start ? p : p + 1;
        if (b.kind == K::kPreceding) return std::clamp(start ? p - k : p - k + 1, ps, pe);
        return std::clamp(start ? p + k : p + k + 1, ps, pe);
      case BoundWindow::Unit::kGroups: {
        const int64_t last = static_cast<int64_t>(group_start_.size()) - 1;
        int64_t target = b.kind == K::kCurrentRow ? g : b.kind == K::kPreceding ? g - k : g + k;
        if (target < 0) return start ? ps : ps;
        if (target > last) return pe;
        return start ? group_start_[static_cast<size_t>(target)] : group_end_[static_cast<size_t>(target)];
      }
      default: {  // RANGE
        if (b.kind == K::kCurrentRow || !order_value_ || order_value_->IsNull(Row(p))) return start ? gs : ge;
        const bool desc = w_.order[0].descending;
        // Positions in the partition whose value is not NULL, in ascending
        // "sign * value" order.
        const double sign = desc ? -1 : 1;
        const double v = sign * Number(Row(p));
        const double edge = b.kind == K::kPreceding ? v - b.offset : v + b.offset;
        int64_t lo = ps, hi = pe;
        while (lo < hi && order_value_->IsNull(Row(lo))) lo++;
        while (hi > lo && order_value_->IsNull(Row(hi - 1))) hi--;
        // start: first position with value >= edge; end: first with value > edge.
        int64_t a = lo, z = hi;
        while (a < z) {
          int64_t mid = a + (z - a) / 2;
          double mv = sign * Number(Row(mid));
          if (start ? mv < edge : mv <= edge) a = mid + 1;
          else z = mid;
        }
        return a;
      }
    }
  }

  double Number(int64_t row) const {
    const Vector& v = *order_value_;
    switch (v.type().id()) {
      case TypeId::kDate: return v.data<int32_t>()[row];
      case TypeId::kTimestamp:
      case TypeId::kTimestampTz:
      case TypeId::kTime: return static_cast<double>(v.data<int64_t>()[row]);
      default: return DoubleAt(v, row);
    }
  }

  Status Partition(int64_t ps, int64_t pe) {
    KODIAK_RETURN_IF_ERROR(ctx_.CheckInterrupt());
    Peers(ps, pe);
    const int64_t m = pe - ps;
    for (int64_t p = ps; p < pe; p++) {
      const int64_t row = Row(p);
      const int64_t g = group_of_[static_cast<size_t>(p - ps)];
      Value& out = out_[static_cast<size_t>(row)];
      switch (w_.kind) {
        case WindowFunctionKind::kRowNumber: out = Value::Int64(p - ps + 1); break;
        case WindowFunctionKind::kRank: out = Value::Int64(group_start_[static_cast<size_t>(g)] - ps + 1); break;
        case WindowFunctionKind::kDenseRank: out = Value::Int64(g + 1); break;
        case WindowFunctionKind::kPercentRank:
          out = Value::Float64(m <= 1 ? 0.0
                                      : static_cast<double>(group_start_[static_cast<size_t>(g)] - ps) /
                                            static_cast<double>(m - 1));
          break;
        case WindowFunctionKind::kCumeDist:
          out = Value::Float64(static_cast<double>(group_end_[static_cast<size_t>(g)] - ps) / static_cast<double>(m));
          break;
        case WindowFunctionKind::kNtile: {
          Value kv = args_[0]->GetValue(row);
          if (kv.is_null()) break;
          const int64_t k = kv.int_value();
          if (k <= 0) return Status::OutOfRange("ntile() needs a positive number of buckets, not " + std::to_string(k));
          const int64_t i = p - ps, base = m / k, extra = m % k;
          const int64_t big = extra * (base + 1);
          out = Value::Int64(i < big ? i / (base + 1) + 1 : extra + (base ? (i - big) / base : 0) + 1);
          break;
        }
        case WindowFunctionKind::kLag:
        case WindowFunctionKind::kLead: {
          int64_t off = 1;
          if (args_.size() > 1) {
            Value ov = args_[1]->GetValue(row);
            if (ov.is_null()) break;
            off = ov.int_value();
          }
          const int64_t q = w_.kind == WindowFunctionKind::kLag ? p - off : p + off;
          if (q >= ps && q < pe) out = args_[0]->GetValue(Row(q));
          else if (args_.size() > 2) out = args_[2]->GetValue(row);
          break;
        }
        case WindowFunctionKind::kFirstValue:
        case WindowFunctionKind::kLastValue:
        case WindowFunctionKind::kNthValue: {
          int64_t fs, fe;
          Frame(p, ps, pe, &fs, &fe);
          int64_t q = -1;
          if (w_.kind == WindowFunctionKind::kFirstValue) q = fs;
          else if (w_.kind == WindowFunctionKind::kLastValue) q = fe - 1;
          else {
            Value nv = args_[1]->GetValue(row);
            if (nv.is_null()) break;
            if (nv.int_value() <= 0) return Status::OutOfRange("nth_value() counts from 1");
            q = fs + nv.int_value() - 1;
          }
          if (q >= fs && q < fe) out = args_[0]->GetValue(Row(q));
          break;
        }
        case WindowFunctionKind::kAggregate: break;
      }
    }
    return Status::OK();
  }

  bool WholePartition() const {
    using K = BoundFrameBound::Kind;
    if (w_.unit == BoundWindow::Unit::kDefault) return w_.order.empty();
    return w_.start.kind == K::kUnboundedPreceding && w_.end.kind == K::kUnboundedFollowing;
  }

  // Aggregates over frames.
  Status Aggregate() {
    const BoundAggregate& agg = w_.aggregate;
    VectorPtr arg;
    if (agg.arg) {
      KODIAK_ASSIGN_OR_RETURN(arg, Evaluate(*agg.arg, rows_, &ctx_));
    }
    std::vector<uint8_t> include(static_cast<size_t>(n_), 1);
    if (agg.filter) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(*agg.filter, rows_, &ctx_));
      for (int64_t i = 0; i < n_; i++) include[static_cast<size_t>(i)] = mask->IsValid(i) && mask->GetBool(i);
    }
    const bool plain = !agg.distinct && agg.order.empty();
    const AggregateKind k = agg.kind;
    const bool summing = k == AggregateKind::kCount || k == AggregateKind::kCountStar || k == AggregateKind::kSum ||
                         k == AggregateKind::kAvg || k == AggregateKind::kTotal;
    const bool numeric = !arg || arg->type().IsNumeric() || arg->type().id() == TypeId::kBool;
    if (WholePartition()) return AggregatePerPartition(arg, include);
    if (plain && summing && numeric) return AggregateBySums(arg, include);
    if (plain && (k == AggregateKind::kMin || k == AggregateKind::kMax)) return AggregateMinMax(arg, include);
    return AggregateFramesOneByOne(arg, include);
  }

  // One aggregate state, one group per partition, rows fed in window order.
  Status AggregatePerPartition(const VectorPtr& arg, const std::vector<uint8_t>& include) {
    auto state = MakeAggregateState(w_.aggregate);
    std::vector<int64_t> rows, gids, part_of(static_cast<size_t>(n_));
    int64_t parts = 0;
    for (int64_t ps = 0; ps < n_;) {
      int64_t pe = PartitionEnd(ps);
      for (int64_t p = ps; p < pe; p++) {
        part_of[static_cast<size_t>(Row(p))] = parts;
        if (!include[static_cast<size_t>(Row(p))]) continue;
        rows.push_back(Row(p));
        gids.push_back(parts);
      }
      parts++;
      ps = pe;
    }
    KODIAK_RETURN_IF_ERROR(Feed(state.get(), arg, rows, gids, parts));
    KODIAK_ASSIGN_OR_RETURN(VectorPtr res, state->Finalize(parts));
    for (int64_t i = 0; i < n_; i++) out_[static_cast<size_t>(i)] = res->GetValue(part_of[static_cast<size_t>(i)]);
    return Status::OK();
  }

  Status Feed(AggregateState* state, const VectorPtr& arg, const std::vector<int64_t>& rows,
              const std::vector<int64_t>& gids, int64_t groups) {
    state->Resize(groups);
    if (rows.empty()) return Status::OK();
    VectorPtr picked = arg ? TakeVector(*arg, rows.data(), static_cast<int64_t>(rows.size())) : nullptr;
    std::vector<std::string> keys;
    if (!w_.aggregate.order.empty()) {
      std::vector<VectorPtr> vs;
      std::vector<KeyColumn> cols;
      for (const auto& o : w_.aggregate.order) {
        KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*o.expr, rows_, &ctx_));
        vs.push_back(TakeVector(*v, rows.data(), static_cast<int64_t>(rows.size())));
        cols.push_back(KeyColumn{vs.back().get(), o.descending, o.nulls_first});
      }
      EncodeKeys(cols, static_cast<int64_t>(rows.size()), &keys);
      state->SetOrderKeys(&keys);
    }
    KODIAK_RETURN_IF_ERROR(state->Update(picked.get(), gids.data(), static_cast<int64_t>(rows.size())));
    state->SetOrderKeys(nullptr);
    return Status::OK();
  }

  // count / sum / avg / total over any frame from prefix sums.
  Status AggregateBySums(const VectorPtr& arg, const std::vector<uint8_t>& include) {
    const AggregateKind k = w_.aggregate.kind;
    const bool exact = arg && (arg->type().IsInteger() || arg->type().id() == TypeId::kDecimal ||
                               arg->type().id() == TypeId::kBool);
    for (int64_t ps = 0; ps < n_;) {
      KODIAK_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      int64_t pe = PartitionEnd(ps);
      Peers(ps, pe);
      const size_t m = static_cast<size_t>(pe - ps);
      std::vector<int64_t> cnt(m + 1, 0);
      std::vector<int128_t> isum(m + 1, 0);
      std::vector<long double> fsum(m + 1, 0);
      for (size_t i = 0; i < m; i++) {
        const int64_t row = Row(ps + static_cast<int64_t>(i));
        bool counted = include[static_cast<size_t>(row)] && (!arg || arg->IsValid(row));
        cnt[i + 1] = cnt[i] + counted;
        isum[i + 1] = isum[i];
        fsum[i + 1] = fsum[i];
        if (counted && arg) {
          if (exact) {
            Value v = arg->GetValue(row);
            isum[i + 1] += v.type().id() == TypeId::kDecimal ? v.decimal_value()
                           : v.type().id() == TypeId::kBool ? int128_t(v.bool_value())
                                                             : int128_t(v.int_value());
          } else {
            fsum[i + 1] += DoubleAt(*arg, row);
          }
        }
      }
      const int scale = arg && arg->type().id() == TypeId::kDecimal ? arg->type().scale() : 0;
      for (int64_t p = ps; p < pe; p++) {
        int64_t fs, fe;
        Frame(p, ps, pe, &fs, &fe);
        const size_t a = static_cast<size_t>(fs - ps), z = static_cast<size_t>(fe - ps);
        const int64_t c = cnt[z] - cnt[a];
        Value& out = out_[static_cast<size_t>(Row(p))];
        if (k == AggregateKind::kCount || k == AggregateKind::kCountStar) {
          out = Value::Int64(c);
          continue;
        }
        const long double total = exact ? static_cast<long double>(isum[z] - isum[a]) / std::pow(10.0L, scale)
                                        : fsum[z] - fsum[a];
        if (k == AggregateKind::kTotal) {
          out = Value::Float64(static_cast<double>(total));
        } else if (c == 0) {
          out = Value::Null(w_.type);
        } else if (k == AggregateKind::kAvg) {
          out = Value::Float64(static_cast<double>(total / c));
        } else if (w_.type.id() == TypeId::kDecimal) {
          out = Value::Decimal(isum[z] - isum[a], w_.type.precision(), w_.type.scale());
        } else if (w_.type.IsInteger()) {
          int128_t s = isum[z] - isum[a];
          if (s > INT64_MAX || s < INT64_MIN) return Status::OutOfRange("sum() overflows INT64 in a window");
          out = Value::Int64(static_cast<int64_t>(s));
        } else {
          out = Value::Float64(static_cast<double>(total));
        }
      }
      ps = pe;
    }
    return Status::OK();
  }

  // min / max: incremental while frames only grow at the end, else a scan.
  Status AggregateMinMax(const VectorPtr& arg, const std::vector<uint8_t>& include) {
    const bool is_max = w_.aggregate.kind == AggregateKind::kMax;
    auto better = [&](const Value& a, const Value& b) { return is_max ? a.Compare(b) > 0 : a.Compare(b) < 0; };
    const bool running = w_.unit == BoundWindow::Unit::kDefault ||
                         w_.start.kind == BoundFrameBound::Kind::kUnboundedPreceding;
    for (int64_t ps = 0; ps < n_;) {
      KODIAK_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      int64_t pe = PartitionEnd(ps);
      Peers(ps, pe);
      Value best = Value::Null(w_.type);
      int64_t fed = ps;
      for (int64_t p = ps; p < pe; p++) {
        int64_t fs, fe;
        Frame(p, ps, pe, &fs, &fe);
        if (!running) {
          best = Value::Null(w_.type);
          fed = fs;
        }
        for (; fed < fe; fed++) {
          const int64_t row = Row(fed);
          if (!include[static_cast<size_t>(row)] || arg->IsNull(row)) continue;
          Value v = arg->GetValue(row);
          if (best.is_null() || better(v, best)) best = std::move(v);
        }
        out_[static_cast<size_t>(Row(p))] = best;
      }
      ps = pe;
    }
    return Status::OK();
  }

  // Any other aggregate over a moving frame: each row's frame is its own group.
  Status AggregateFramesOneByOne(const VectorPtr& arg, const std::vector<uint8_t>& include) {
    std::vector<int64_t> rows, gids, target;
    for (int64_t ps = 0; ps < n_;) {
      KODIAK_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      int64_t pe = PartitionEnd(ps);
      Peers(ps, pe);
      for (int64_t p = ps; p < pe; p++) {
        int64_t fs, fe;
        Frame(p, ps, pe, &fs, &fe);
        const int64_t gid = static_cast<int64_t>(target.size());
        target.push_back(Row(p));
        for (int64_t q = fs; q < fe; q++) {
          if (!include[static_cast<size_t>(Row(q))]) continue;
          rows.push_back(Row(q));
          gids.push_back(gid);
        }
      }
      ps = pe;
    }
    auto state = MakeAggregateState(w_.aggregate);
    KODIAK_RETURN_IF_ERROR(Feed(state.get(), arg, rows, gids, static_cast<int64_t>(target.size())));
    KODIAK_ASSIGN_OR_RETURN(VectorPtr res, state->Finalize(static_cast<int64_t>(target.size())));
    for (size_t g = 0; g < target.size(); g++) {
      out_[static_cast<size_t>(target[g])] = res->GetValue(static_cast<int64_t>(g));
    }
    return Status::OK();
  }

  const BoundWindow& w_;
  const Batch& rows_;
  ExecContext& ctx_;
  int64_t n_ = 0;
  std::vector<std::string> pkeys_, okeys_;
  std::vector<int64_t> perm_;
  VectorPtr order_value_;  // the first ORDER BY expression (RANGE offsets)
  std::vector<VectorPtr> args_;
  std::vector<Value> out_;
  std::vector<int64_t> group_of_, group_start_, group_end_;
};

}  // namespace

std::string BoundWindow::ToString() const {
  std::string out = kind == WindowFunctionKind::kAggregate ? aggregate.ToString() : std::string(KindName(kind)) + "(";
  if (kind != WindowFunctionKind::kAggregate) {
    for (size_t i = 0; i < args.size(); i++) out += (i ? ", " : "") + args[i]->ToString();
    out += ")";
  }
  out += " OVER (";
  for (size_t i = 0; i < partition.size(); i++) out += (i ? ", " : "PARTITION BY ") + partition[i]->ToString();
  for (size_t i = 0; i < order.size(); i++) {
    out += std::string(i ? ", " : (partition.empty() ? "ORDER BY " : " ORDER BY ")) + order[i].expr->ToString() +
           (order[i].descending ? " DESC" : "");
  }
  if (unit != Unit::kDefault) {
    out += unit == Unit::kRows ? " ROWS" : unit == Unit::kRange ? " RANGE" : " GROUPS";
  }
  return out + ")";
}

Window::Window(OperatorPtr child, std::vector<BoundWindow> windows)
    : PhysicalOperator(WindowOutputTypes(*child, windows)), windows_(std::move(windows)) {
  AddChild(std::move(child));
}

Status Window::Run(ExecContext& ctx) {
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> batches, CollectAll(*children_[0], ctx));
  BatchPtr all;
  if (batches.empty()) {
    auto empty = std::make_shared<Batch>();
    for (const auto& t : children_[0]->types()) empty->columns.push_back(std::make_shared<Vector>(t, 0));
    all = empty;
  } else {
    all = ConcatBatches(batches);
  }
  std::vector<VectorPtr> columns = all->columns;
  for (const auto& w : windows_) {
    WindowComputation computation(w, *all, ctx);
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, computation.Run());
    columns.push_back(std::move(v));
  }
  auto out = std::make_shared<Batch>(std::move(columns), all->num_rows);
  for (int64_t off = 0; off < out->num_rows; off += kBatchSize) {
    output_.push_back(SliceBatch(*out, off, std::min<int64_t>(kBatchSize, out->num_rows - off)));
  }
  return Status::OK();
}

Result<BatchPtr> Window::Next(ExecContext& ctx) {
  if (!done_) {
    done_ = true;
    KODIAK_RETURN_IF_ERROR(Run(ctx));
  }
  if (next_ >= output_.size()) return BatchPtr();
  return output_[next_++];
}

std::string Window::Describe() const {
  std::string out = "Window";
  for (size_t i = 0; i < windows_.size(); i++) out += (i ? ", " : " ") + windows_[i].ToString();
  return out;
}

void Window::Expressions(std::vector<const BoundExpr*>* out) const {
  for (const auto& w : windows_) {
    for (const auto& a : w.args) out->push_back(a.get());
    for (const auto& p : w.partition) out->push_back(p.get());
    if (w.aggregate.arg) out->push_back(w.aggregate.arg.get());
  }
}

}  // namespace kodiak::sql
