// The aggregates beyond count, sum, avg, min and max: the variance family,
// string_agg / list, bool_and / bool_or, approx_count_distinct (HyperLogLog),
// total and any_value.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "columnar/key_encoder.h"
#include "sql/function/aggregate_library.h"

namespace kodiak::sql {

namespace {


// Welford's running mean and sum of squared differences, per group.
class VarianceState : public AggregateState {
 public:
  VarianceState(bool sample, bool root) : sample_(sample), root_(root) {}
  void Resize(int64_t g) override {
    n_.resize(static_cast<size_t>(g), 0);
    mean_.resize(static_cast<size_t>(g), 0);
    m2_.resize(static_cast<size_t>(g), 0);
  }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      double x = DoubleAt(*arg, i);
      size_t g = static_cast<size_t>(gid[i]);
      n_[g]++;
      double delta = x - mean_[g];
      mean_[g] += delta / static_cast<double>(n_[g]);
      m2_[g] += delta * (x - mean_[g]);
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    VectorBuilder b(TypeId::kFloat64, g);
    for (int64_t i = 0; i < g; i++) {
      int64_t count = n_[static_cast<size_t>(i)];
      if (count == 0 || (sample_ && count < 2)) {
        b.AppendNull();
        continue;
      }
      double var = m2_[static_cast<size_t>(i)] / static_cast<double>(sample_ ? count - 1 : count);
      if (var < 0) var = 0;
      b.Append(Value::Float64(root_ ? std::sqrt(var) : var));
    }
    return b.Finish();
  }

 private:
  bool sample_, root_;
  std::vector<int64_t> n_;
  std::vector<double> mean_, m2_;
};

// string_agg and list: the values of each group, in input order or in the
// order of the aggregate's ORDER BY keys.
class CollectState : public AggregateState {
 public:
  CollectState(bool text, std::string separator, LogicalType type)
      : text_(text), separator_(std::move(separator)), type_(std::move(type)) {}
  void Resize(int64_t g) override { items_.resize(static_cast<size_t>(g)); }
  void SetOrderKeys(const std::vector<std::string>* keys) override {
    keys_ = keys;
    if (keys) ordered_ = true;
  }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    for (int64_t i = 0; i < n; i++) {
      if (text_ && arg->IsNull(i)) continue;  // string_agg skips NULLs; list keeps them
      Item item;
      item.value = arg->GetValue(i);
      if (keys_) item.key = (*keys_)[static_cast<size_t>(i)];
      item.seq = seq_++;
      items_[static_cast<size_t>(gid[i])].push_back(std::move(item));
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    VectorBuilder b(type_, g);
    for (int64_t i = 0; i < g; i++) {
      auto& items = items_[static_cast<size_t>(i)];
      if (ordered_) {
        std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
      }
      if (text_) {
        if (items.empty()) {
          b.AppendNull();
          continue;
        }
        std::string out;
        for (size_t k = 0; k < items.size(); k++) {
          if (k) out += separator_;
          out += items[k].value.str_value();
        }
        b.Append(Value::Text(std::move(out)));
      } else {
        if (items.empty()) {
          b.AppendNull();
          continue;
        }
        std::vector<Value> values;
        for (auto& it : items) values.push_back(std::move(it.value));
        b.Append(Value::Nested(type_, std::move(values)));
      }
    }
    return b.Finish();
  }
 private:
  struct Item {
    std::string key;
    int64_t seq = 0;
    Value value;
  };
  bool text_;
  std::string separator_;
  LogicalType type_;
  const std::vector<std::string>* keys_ = nullptr;
  bool ordered_ = false;
  int64_t seq_ = 0;
  std::vector<std::vector<Item>> items_;
};

class BoolState : public AggregateState {
 public:
  explicit BoolState(bool is_and) : is_and_(is_and) {}
  void Resize(int64_t g) override { state_.resize(static_cast<size_t>(g), -1); }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      int8_t& s = state_[static_cast<size_t>(gid[i])];
      bool v = arg->GetBool(i);
      if (s < 0) s = v;
      else s = is_and_ ? (s && v) : (s || v);
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    VectorBuilder b(TypeId::kBool, g);
    for (int64_t i = 0; i < g; i++) {
      int8_t s = state_[static_cast<size_t>(i)];
      if (s < 0) b.AppendNull();
      else b.Append(Value::Bool(s != 0));
    }
    return b.Finish();
  }

 private:
  bool is_and_;
  std::vector<int8_t> state_;  // -1: no value yet
};

// HyperLogLog with 2^12 registers (about 1.6% standard error); small groups
// are counted exactly until they pass 256 distinct values.
class ApproxDistinctState : public AggregateState {
 public:
  void Resize(int64_t g) override { groups_.resize(static_cast<size_t>(g)); }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    EncodeKeys({KeyColumn{arg}}, n, &keys_);
    for (int64_t i = 0; i < n; i++) {
      if (arg->IsNull(i)) continue;
      Group& g = groups_[static_cast<size_t>(gid[i])];
      uint64_t h = Hash(keys_[static_cast<size_t>(i)]);
      if (g.registers.empty()) {
        g.exact.push_back(h);
        if (g.exact.size() > 4 * kExactLimit) Compact(&g);
      } else {
        Add(&g, h);
      }
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t ng) override {
    auto out = std::make_shared<Vector>(TypeId::kInt64, ng);
    for (int64_t i = 0; i < ng; i++) {
      Group& g = groups_[static_cast<size_t>(i)];
      if (g.registers.empty()) Compact(&g);
      out->data<int64_t>()[i] = g.registers.empty() ? static_cast<int64_t>(g.exact.size()) : Estimate(g);
    }
    return out;
  }

 private:
  static constexpr int kBits = 12;
  static constexpr size_t kRegisters = size_t{1} << kBits;
  static constexpr size_t kExactLimit = 256;
  struct Group {
    std::vector<uint64_t> exact;     // hashes, while small
    std::vector<uint8_t> registers;  // once large
  };
  static uint64_t Hash(const std::string& s) {
    // FNV-1a, then a 64-bit finalizer (splitmix) to spread the bits.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
  }
  static void Add(Group* g, uint64_t h) {
    size_t idx = static_cast<size_t>(h >> (64 - kBits));
    uint64_t rest = h << kBits;
    uint8_t rank = static_cast<uint8_t>(rest == 0 ? 64 - kBits + 1 : __builtin_clzll(rest) + 1);
    g->registers[idx] = std::max(g->registers[idx], rank);
  }
  static void Compact(Group* g) {
    std::sort(g->exact.begin(), g->exact.end());
    g->exact.erase(std::unique(g->exact.begin(), g->exact.end()), g->exact.end());
    if (g->exact.size() <= kExactLimit) return;
    g->registers.assign(kRegisters, 0);
    for (uint64_t h : g->exact) Add(g, h);
    g->exact.clear();
    g->exact.shrink_to_fit();
  }
  static int64_t Estimate(const Group& g) {
    const double m = static_cast<double>(kRegisters);
    double sum = 0;
    int zeros = 0;
    for (uint8_t r : g.registers) {
      sum += std::ldexp(1.0, -r);
      zeros += r == 0;
    }
    double estimate = 0.7213 / (1 + 1.079 / m) * m * m / sum;
    if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / zeros);  // linear counting
    return static_cast<int64_t>(std::llround(estimate));
  }
  std::vector<Group> groups_;
  std::vector<std::string> keys_;
};

class TotalState : public AggregateState {
 public:
  void Resize(int64_t g) override { sum_.resize(static_cast<size_t>(g), 0); }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    for (int64_t i = 0; i < n; i++) {
      if (!arg->IsNull(i)) sum_[static_cast<size_t>(gid[i])] += DoubleAt(*arg, i);
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    auto out = std::make_shared<Vector>(TypeId::kFloat64, g);
    for (int64_t i = 0; i < g; i++) out->data<double>()[i] = sum_[static_cast<size_t>(i)];
    return out;
  }

 private:
  std::vector<double> sum_;
};

class AnyValueState : public AggregateState {
 public:
  explicit AnyValueState(LogicalType type) : type_(std::move(type)) {}
  void Resize(int64_t g) override { values_.resize(static_cast<size_t>(g)); }
  Status Update(const Vector* arg, const int64_t* gid, int64_t n) override {
    for (int64_t i = 0; i < n; i++) {
      Value& v = values_[static_cast<size_t>(gid[i])];
      if (v.is_null() && !arg->IsNull(i)) v = arg->GetValue(i);
    }
    return Status::OK();
  }
  Result<VectorPtr> Finalize(int64_t g) override {
    VectorBuilder b(type_, g);
    for (int64_t i = 0; i < g; i++) b.Append(values_[static_cast<size_t>(i)].is_null() ? Value::Null(type_)
                                                                                       : values_[static_cast<size_t>(i)]);
    return b.Finish();
  }

 private:
  LogicalType type_;
  std::vector<Value> values_;
};

// grouping(...): the same value for every group of one grouping set.
class ConstantState : public AggregateState {
 public:
  explicit ConstantState(int64_t value) : value_(value) {}
  void Resize(int64_t) override {}
  Status Update(const Vector*, const int64_t*, int64_t) override { return Status::OK(); }
  Result<VectorPtr> Finalize(int64_t g) override {
    auto out = std::make_shared<Vector>(TypeId::kInt64, g);
    for (int64_t i = 0; i < g; i++) out->data<int64_t>()[i] = value_;
    return out;
  }

 private:
  int64_t value_;
};

}  // namespace

Result<LogicalType> LibraryAggregateResultType(AggregateKind kind, const LogicalType& arg) {
  switch (kind) {
    case AggregateKind::kStddevSamp:
    case AggregateKind::kStddevPop:
    case AggregateKind::kVarSamp:
    case AggregateKind::kVarPop:
    case AggregateKind::kTotal:
      if (arg.IsNumeric() || arg.id() == TypeId::kNull || arg.id() == TypeId::kBool) return LogicalType(TypeId::kFloat64);
      return Status::TypeError(std::string(AggregateName(kind)) + "() needs a number, not " + arg.ToString());
    case AggregateKind::kStringAgg: return LogicalType(TypeId::kText);
    case AggregateKind::kList:
      return LogicalType::List(arg.id() == TypeId::kNull ? LogicalType(TypeId::kInt64) : arg);
    case AggregateKind::kBoolAnd:
    case AggregateKind::kBoolOr: return LogicalType(TypeId::kBool);
    case AggregateKind::kApproxCountDistinct: return LogicalType(TypeId::kInt64);
    case AggregateKind::kAnyValue: return arg.id() == TypeId::kNull ? LogicalType(TypeId::kInt64) : arg;
    case AggregateKind::kGrouping: return LogicalType(TypeId::kInt64);
    default: return Status::Internal("not a library aggregate");
  }
}

std::unique_ptr<AggregateState> MakeLibraryAggregateState(const BoundAggregate& agg) {
  switch (agg.kind) {
    case AggregateKind::kStddevSamp: return std::make_unique<VarianceState>(true, true);
    case AggregateKind::kStddevPop: return std::make_unique<VarianceState>(false, true);
    case AggregateKind::kVarSamp: return std::make_unique<VarianceState>(true, false);
    case AggregateKind::kVarPop: return std::make_unique<VarianceState>(false, false);
    case AggregateKind::kStringAgg: return std::make_unique<CollectState>(true, agg.separator, agg.type);
    case AggregateKind::kList: return std::make_unique<CollectState>(false, "", agg.type);
    case AggregateKind::kBoolAnd: return std::make_unique<BoolState>(true);
    case AggregateKind::kBoolOr: return std::make_unique<BoolState>(false);
    case AggregateKind::kApproxCountDistinct: return std::make_unique<ApproxDistinctState>();
    case AggregateKind::kTotal: return std::make_unique<TotalState>();
    case AggregateKind::kAnyValue: return std::make_unique<AnyValueState>(agg.type);
    case AggregateKind::kGrouping: return std::make_unique<ConstantState>(agg.grouping_value);
    default: return nullptr;
  }
}

}  // namespace kodiak::sql
