#include "sql/function/aggregate_state.h"

#include "sql/function/aggregate_library.h"

#include <cmath>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"
#include "types/numeric.h"

namespace kodiak::sql {

Result<LogicalType> AggregateResultType(AggregateKind kind, const LogicalType& arg) {
  switch (kind) {
    case AggregateKind::kCountStar:
    case AggregateKind::kCount: return LogicalType(TypeId::kInt64);
    case AggregateKind::kSum:
      if (arg.IsInteger() || arg.id() == TypeId::kBool || arg.id() == TypeId::kNull) return LogicalType(TypeId::kInt64);
      if (arg.IsFloat()) return LogicalType(TypeId::kFloat64);
      if (arg.id() == TypeId::kDecimal) return LogicalType::Decimal(38, arg.scale());
      if (arg.id() == TypeId::kInterval) return arg;
      return Status::TypeError("sum() needs a number, not " + arg.ToString());
    case AggregateKind::kAvg:
      if (arg.IsNumeric() || arg.id() == TypeId::kNull) return LogicalType(TypeId::kFloat64);
      return Status::TypeError("avg() needs a number, not " + arg.ToString());
    case AggregateKind::kMin:
    case AggregateKind::kMax:
      if (arg.id() == TypeId::kNull) return LogicalType(TypeId::kInt64);
      return arg;
    default: return LibraryAggregateResultType(kind, arg);
  }
}

namespace {

class CountState : public AggregateState {
 public:
  explicit CountState(bool star) : star_(star) {}
  void Resize(int64_t g) override { counts_.resize(static_cast<size_t>(g), 0); }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    if (star_ || !arg->MayHaveNulls()) {
      for (int64_t i = 0; i < n; i++) counts_[gid[i]]++;
    } else {
      for (int64_t i = 0; i < n; i++) counts_[gid[i]] += arg->IsValid(i);
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    auto out = std::make_shared<Vector>(TypeId::kInt64, g);
    for (int64_t i = 0; i < g; i++) out->data<int64_t>()[i] = counts_[i];
    return out;
  }

 private:
  bool star_;
  std::vector<int64_t> counts_;
};

// Reads row i of an integer-like vector as int128.
int128_t IntAt(const Vector& v, int64_t i) {
  switch (v.type().id()) {
    case TypeId::kBool: return v.GetBool(i);
    case TypeId::kInt8: return v.data<int8_t>()[i];
    case TypeId::kInt16: return v.data<int16_t>()[i];
    case TypeId::kInt32: return v.data<int32_t>()[i];
    case TypeId::kInt64: return v.data<int64_t>()[i];
    case TypeId::kUInt8: return v.data<uint8_t>()[i];
    case TypeId::kUInt16: return v.data<uint16_t>()[i];
    case TypeId::kUInt32: return v.data<uint32_t>()[i];
    case TypeId::kUInt64: return v.data<uint64_t>()[i];
    case TypeId::kDecimal: return v.data<int128_t>()[i];
    default: return 0;
  }
}


// sum and avg.
class SumState : public AggregateState {
 public:
  SumState(bool avg, LogicalType result) : avg_(avg), result_(std::move(result)) {}
  void Resize(int64_t g) override {
    isum_.resize(static_cast<size_t>(g), 0);
    fsum_.resize(static_cast<size_t>(g), 0);
    count_.resize(static_cast<size_t>(g), 0);
  }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    bool floating = arg->type().IsFloat();
    float_input_ = floating;
    if (arg->type().id() == TypeId::kDecimal) scale_ = arg->type().scale();
    if (arg->type().id() == TypeId::kNull) return Status::OK();
    if (arg->type().id() == TypeId::kInt64 && !arg->MayHaveNulls() && !floating) {
      const int64_t* d = arg->data<int64_t>();
      for (int64_t i = 0; i < n; i++) {
        isum_[gid[i]] += d[i];
        count_[gid[i]]++;
      }
      return CheckOverflow(gid, n);
    }
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      if (floating) fsum_[gid[i]] += DoubleAt(*arg, i);
      else isum_[gid[i]] += IntAt(*arg, i);
      count_[gid[i]]++;
    }
    return floating ? Status::OK() : CheckOverflow(gid, n);
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    auto out = std::make_shared<Vector>(result_, g);
    for (int64_t i = 0; i < g; i++) {
      if (count_[i] == 0) {
        out->SetNull(i);
        continue;
      }
      switch (result_.id()) {
        case TypeId::kInt64:
          if (isum_[i] > INT64_MAX || isum_[i] < INT64_MIN) return Status::OutOfRange("integer overflow in sum()");
          out->data<int64_t>()[i] = static_cast<int64_t>(isum_[i]);
          break;
        case TypeId::kDecimal: out->data<int128_t>()[i] = isum_[i]; break;
        default: {
          // avg: exact integer (or unscaled decimal) sums are divided once, in
          // long double, so avg(0.10, 0.20, -0.12) is 0.06 exactly.
          long double total = fsum_[i];
          if (!float_input_) total = static_cast<long double>(isum_[i]) / static_cast<long double>(Pow10(scale_));
          out->data<double>()[i] =
              static_cast<double>(avg_ ? total / static_cast<long double>(count_[i]) : total);
        }
      }
    }
    return out;
  }

 private:
  Status CheckOverflow(const int64_t* gid, int64_t n) {
    const int128_t limit = Pow10(38);
    for (int64_t i = 0; i < n; i++) {
      if (isum_[gid[i]] >= limit || isum_[gid[i]] <= -limit) return Status::OutOfRange("overflow in sum()");
    }
    return Status::OK();
  }
  bool avg_;
  bool float_input_ = false;
  int scale_ = 0;
  LogicalType result_;
  std::vector<int128_t> isum_;
  std::vector<double> fsum_;
  std::vector<int64_t> count_;
};

// sum of INTERVAL: months, days and nanoseconds add up separately.
class IntervalSumState : public AggregateState {
 public:
  void Resize(int64_t g) override {
    sums_.resize(static_cast<size_t>(g));
    has_.resize(static_cast<size_t>(g), 0);
  }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    const Interval* d = arg->data<Interval>();
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      Interval& s = sums_[gid[i]];
      if (__builtin_add_overflow(s.months, d[i].months, &s.months) ||
          __builtin_add_overflow(s.days, d[i].days, &s.days) ||
          __builtin_add_overflow(s.nanos, d[i].nanos, &s.nanos)) {
        return Status::OutOfRange("INTERVAL overflow in sum()");
      }
      has_[gid[i]] = 1;
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    auto out = std::make_shared<Vector>(TypeId::kInterval, g);
    for (int64_t i = 0; i < g; i++) {
      if (has_[i]) out->data<Interval>()[i] = sums_[i];
      else out->SetNull(i);
    }
    return out;
  }

 private:
  std::vector<Interval> sums_;
  std::vector<uint8_t> has_;
};

// min and max over fixed-width types: a typed loop per physical type.
template <typename T>
class MinMaxState : public AggregateState {
 public:
  MinMaxState(bool is_max, LogicalType type) : is_max_(is_max), type_(std::move(type)) {}
  void Resize(int64_t g) override {
    values_.resize(static_cast<size_t>(g));
    has_.resize(static_cast<size_t>(g), 0);
  }
  // The SQL order: for floats NaN is the largest value.
  static bool Less(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(a) || std::isnan(b)) return !std::isnan(a) && std::isnan(b);
    }
    return a < b;
  }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    const T* d = arg->data<T>();
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      int64_t g = gid[i];
      if (!has_[g] || (is_max_ ? Less(values_[g], d[i]) : Less(d[i], values_[g]))) {
        values_[g] = d[i];
        has_[g] = 1;
      }
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    auto out = std::make_shared<Vector>(type_, g);
    for (int64_t i = 0; i < g; i++) {
      if (has_[i]) out->data<T>()[i] = values_[i];
      else out->SetNull(i);
    }
    return out;
  }

 private:
  bool is_max_;
  LogicalType type_;
  std::vector<T> values_;
  std::vector<uint8_t> has_;
};

// min and max over any other type (text, bool, nested): compares Values /
// strings.
class GenericMinMaxState : public AggregateState {
 public:
  GenericMinMaxState(bool is_max, LogicalType type) : is_max_(is_max), type_(std::move(type)) {}
  void Resize(int64_t g) override { values_.resize(static_cast<size_t>(g)); }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    bool text = type_.IsStringLike();
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      Value& cur = values_[gid[i]];
      if (text) {
        std::string_view s = arg->GetString(i);
        if (cur.is_null() || (is_max_ ? s > cur.str_value() : s < cur.str_value())) {
          cur = type_.id() == TypeId::kBlob ? Value::Blob(std::string(s)) : Value::Text(std::string(s));
        }
      } else {
        Value v = arg->GetValue(i);
        int c = cur.is_null() ? 0 : v.Compare(cur);
        if (cur.is_null() || (is_max_ ? c > 0 : c < 0)) cur = std::move(v);
      }
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    VectorBuilder b(type_, g);
    for (int64_t i = 0; i < g; i++) {
      if (values_[i].is_null()) b.AppendNull();
      else if (type_.id() == TypeId::kJson) b.AppendString(values_[i].str_value());
      else b.Append(values_[i]);
    }
    return b.Finish();
  }

 private:
  bool is_max_;
  LogicalType type_;
  std::vector<Value> values_;
};

// agg(DISTINCT x): passes each (group, value) pair to the inner state once.
class DistinctState : public AggregateState {
 public:
  explicit DistinctState(std::unique_ptr<AggregateState> inner) : inner_(std::move(inner)) {}
  void Resize(int64_t g) override {
    seen_.resize(static_cast<size_t>(g));
    inner_->Resize(g);
  }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    EncodeKeys({KeyColumn{arg}}, n, &keys_);
    std::vector<int64_t> rows, groups;
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      if (seen_[gid[i]].insert(keys_[i]).second) {
        rows.push_back(i);
        groups.push_back(gid[i]);
      }
    }
    if (rows.empty()) return Status::OK();
    VectorPtr picked = TakeVector(*arg, rows.data(), static_cast<int64_t>(rows.size()));
    return inner_->Update(picked.get(), groups.data(), static_cast<int64_t>(rows.size()));
  }
  Result<VectorPtr> Finalize(int64_t g) override { return inner_->Finalize(g); }

 private:
  std::unique_ptr<AggregateState> inner_;
  std::vector<std::unordered_set<std::string>> seen_;
  std::vector<std::string> keys_;
};

std::unique_ptr<AggregateState> MakeMinMax(bool is_max, const LogicalType& t) {
  switch (t.id()) {
    case TypeId::kInt8: return std::make_unique<MinMaxState<int8_t>>(is_max, t);
    case TypeId::kInt16: return std::make_unique<MinMaxState<int16_t>>(is_max, t);
    case TypeId::kInt32:
    case TypeId::kDate: return std::make_unique<MinMaxState<int32_t>>(is_max, t);
    case TypeId::kInt64:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return std::make_unique<MinMaxState<int64_t>>(is_max, t);
    case TypeId::kUInt8: return std::make_unique<MinMaxState<uint8_t>>(is_max, t);
    case TypeId::kUInt16: return std::make_unique<MinMaxState<uint16_t>>(is_max, t);
    case TypeId::kUInt32: return std::make_unique<MinMaxState<uint32_t>>(is_max, t);
    case TypeId::kUInt64: return std::make_unique<MinMaxState<uint64_t>>(is_max, t);
    case TypeId::kFloat32: return std::make_unique<MinMaxState<float>>(is_max, t);
    case TypeId::kFloat64: return std::make_unique<MinMaxState<double>>(is_max, t);
    case TypeId::kDecimal: return std::make_unique<MinMaxState<int128_t>>(is_max, t);
    default: return std::make_unique<GenericMinMaxState>(is_max, t);
  }
}

}  // namespace

double DoubleAt(const Vector& v, int64_t i) {
  switch (v.type().id()) {
    case TypeId::kFloat32: return v.data<float>()[i];
    case TypeId::kFloat64: return v.data<double>()[i];
    case TypeId::kDecimal:
      return static_cast<double>(static_cast<long double>(v.data<int128_t>()[i]) /
                                 static_cast<long double>(Pow10(v.type().scale())));
    default: return static_cast<double>(IntAt(v, i));
  }
}

std::unique_ptr<AggregateState> MakeAggregateState(const BoundAggregate& agg) {
  std::unique_ptr<AggregateState> state;
  switch (agg.kind) {
    case AggregateKind::kCountStar: state = std::make_unique<CountState>(true); break;
    case AggregateKind::kCount: state = std::make_unique<CountState>(false); break;
    case AggregateKind::kSum:
      if (agg.type.id() == TypeId::kInterval) state = std::make_unique<IntervalSumState>();
      else state = std::make_unique<SumState>(false, agg.type);
      break;
    case AggregateKind::kAvg: state = std::make_unique<SumState>(true, agg.type); break;
    case AggregateKind::kMin: state = MakeMinMax(false, agg.type); break;
    case AggregateKind::kMax: state = MakeMinMax(true, agg.type); break;
    default: state = MakeLibraryAggregateState(agg); break;
  }
  if (agg.distinct) state = std::make_unique<DistinctState>(std::move(state));
  return state;
}

}  // namespace kodiak::sql
