#include <algorithm>
#include <numeric>
#include <queue>

#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

Sort::Sort(OperatorPtr child, std::vector<SortKey> keys, int64_t limit)
    : PhysicalOperator(child->types()), keys_(std::move(keys)), limit_(limit) {
  AddChild(std::move(child));
}

namespace {

Status EncodeSortKeys(const std::vector<SortKey>& keys, const Batch& batch, std::vector<std::string>* out) {
  std::vector<VectorPtr> vectors;
  std::vector<KeyColumn> cols;
  for (const auto& k : keys) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*k.expr, batch));
    vectors.push_back(v);
  }
  for (size_t i = 0; i < keys.size(); i++) {
    cols.push_back(KeyColumn{vectors[i].get(), keys[i].descending, keys[i].nulls_first});
  }
  EncodeKeys(cols, batch.num_rows, out);
  return Status::OK();
}

}  // namespace

Status Sort::Run(ExecContext& ctx) {
  const bool top_n = limit_ >= 0 && limit_ <= 100000;
  if (top_n) {
    // Keep the best `limit_` rows in a max-heap on the key; ties keep the
    // earlier row (stable).
    struct Entry {
      std::string key;
      int64_t seq;
      BatchPtr batch;
      int64_t row;
    };
    auto worse = [](const Entry& a, const Entry& b) {
      return a.key != b.key ? a.key < b.key : a.seq < b.seq;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(worse)> heap(worse);
    std::vector<std::string> keys;
    int64_t seq = 0;
    while (true) {
      KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
      if (!in) break;
      if (limit_ == 0) continue;
      KODIAK_RETURN_IF_ERROR(EncodeSortKeys(keys_, *in, &keys));
      for (int64_t i = 0; i < in->num_rows; i++, seq++) {
        if (static_cast<int64_t>(heap.size()) < limit_) {
          heap.push(Entry{keys[i], seq, in, i});
        } else if (keys[i] < heap.top().key) {
          heap.pop();
          heap.push(Entry{keys[i], seq, in, i});
        }
      }
    }
    std::vector<Entry> best;
    while (!heap.empty()) {
      best.push_back(heap.top());
      heap.pop();
    }
    std::reverse(best.begin(), best.end());
    std::vector<VectorBuilder> builders;
    for (const auto& t : types_) builders.emplace_back(t, static_cast<int64_t>(best.size()));
    for (const auto& e : best) {
      for (size_t c = 0; c < types_.size(); c++) builders[c].AppendFrom(*e.batch->columns[c], e.row);
    }
    auto out = std::make_shared<Batch>();
    out->num_rows = static_cast<int64_t>(best.size());
    for (auto& b : builders) out->columns.push_back(b.Finish());
    sorted_ = out;
    return Status::OK();
  }
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> batches, CollectAll(*children_[0], ctx));
  if (batches.empty()) {
    auto empty = std::make_shared<Batch>();
    for (const auto& t : types_) empty->columns.push_back(std::make_shared<Vector>(t, 0));
    sorted_ = empty;
    return Status::OK();
  }
  BatchPtr all = ConcatBatches(batches);
  std::vector<std::string> keys;
  KODIAK_RETURN_IF_ERROR(EncodeSortKeys(keys_, *all, &keys));
  std::vector<int64_t> order(static_cast<size_t>(all->num_rows));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return keys[a] < keys[b]; });
  if (limit_ >= 0 && static_cast<int64_t>(order.size()) > limit_) order.resize(static_cast<size_t>(limit_));
  sorted_ = TakeBatch(*all, order);
  return Status::OK();
}

Result<BatchPtr> Sort::Next(ExecContext& ctx) {
  if (!done_) {
    done_ = true;
    KODIAK_RETURN_IF_ERROR(Run(ctx));
  }
  KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
  if (emitted_ >= sorted_->num_rows) return BatchPtr();
  int64_t n = std::min<int64_t>(kBatchSize, sorted_->num_rows - emitted_);
  BatchPtr out = SliceBatch(*sorted_, emitted_, n);
  emitted_ += n;
  return out;
}

std::string Sort::Describe() const {
  std::string out = limit_ >= 0 ? "TopN " + std::to_string(limit_) : std::string("Sort");
  for (size_t i = 0; i < keys_.size(); i++) {
    out += (i ? ", " : " ") + keys_[i].expr->ToString() + (keys_[i].descending ? " DESC" : " ASC");
  }
  return out;
}

Limit::Limit(OperatorPtr child, int64_t limit, int64_t offset)
    : PhysicalOperator(child->types()), limit_(limit), offset_(offset) {
  AddChild(std::move(child));
}

Result<BatchPtr> Limit::Next(ExecContext& ctx) {
  while (true) {
    if (limit_ >= 0 && emitted_ >= limit_) return BatchPtr();
    KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
    if (!in) return in;
    int64_t start = 0;
    if (skipped_ < offset_) {
      start = std::min(in->num_rows, offset_ - skipped_);
      skipped_ += start;
    }
    int64_t n = in->num_rows - start;
    if (limit_ >= 0) n = std::min(n, limit_ - emitted_);
    if (n <= 0) continue;
    emitted_ += n;
    return SliceBatch(*in, start, n);
  }
}

std::string Limit::Describe() const {
  std::string out = "Limit";
  if (limit_ >= 0) out += " " + std::to_string(limit_);
  if (offset_ > 0) out += " offset " + std::to_string(offset_);
  return out;
}

Distinct::Distinct(OperatorPtr child) : PhysicalOperator(child->types()) { AddChild(std::move(child)); }

Result<BatchPtr> Distinct::Next(ExecContext& ctx) {
  std::vector<std::string> keys;
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
    if (!in) return in;
    std::vector<KeyColumn> cols;
    for (const auto& c : in->columns) cols.push_back(KeyColumn{c.get()});
    EncodeKeys(cols, in->num_rows, &keys);
    std::vector<int64_t> rows;
    for (int64_t i = 0; i < in->num_rows; i++) {
      if (seen_.emplace(keys[i], true).second) rows.push_back(i);
    }
    if (rows.empty()) continue;
    return TakeBatch(*in, rows);
  }
}

std::string Distinct::Describe() const { return "Distinct"; }

}  // namespace kodiak::sql
