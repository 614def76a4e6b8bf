#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"
#include "sql/function/aggregate_state.h"

namespace kodiak::sql {

namespace {
std::vector<LogicalType> AggregateOutputTypes(const std::vector<BoundExprPtr>& groups,
                                              const std::vector<BoundAggregate>& aggs) {
  std::vector<LogicalType> out;
  for (const auto& g : groups) out.push_back(g->type);
  for (const auto& a : aggs) out.push_back(a.type);
  return out;
}
}  // namespace

HashAggregate::HashAggregate(OperatorPtr child, std::vector<BoundExprPtr> groups,
                             std::vector<BoundAggregate> aggregates)
    : PhysicalOperator(AggregateOutputTypes(groups, aggregates)),
      groups_(std::move(groups)),
      aggregates_(std::move(aggregates)) {
  AddChild(std::move(child));
}

HashAggregate::~HashAggregate() = default;

Status HashAggregate::Consume(ExecContext& ctx) {
  std::unordered_map<std::string, int64_t> group_ids;
  std::vector<std::unique_ptr<AggregateState>> states;
  for (const auto& a : aggregates_) states.push_back(MakeAggregateState(a));
  // Group key values, one piece per input batch that opened new groups.
  std::vector<std::vector<VectorPtr>> key_pieces;
  int64_t groups = groups_.empty() ? 1 : 0;
  for (auto& s : states) s->Resize(groups);
  std::vector<std::string> keys;
  std::vector<int64_t> gids;

  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
    if (!in) break;
    const int64_t n = in->num_rows;
    if (n == 0) continue;
    gids.assign(static_cast<size_t>(n), 0);
    if (!groups_.empty()) {
      std::vector<VectorPtr> key_vectors;
      std::vector<KeyColumn> key_cols;
      for (const auto& g : groups_) {
        KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*g, *in, &ctx));
        key_vectors.push_back(v);
      }
      for (const auto& v : key_vectors) key_cols.push_back(KeyColumn{v.get()});
      EncodeKeys(key_cols, n, &keys);
      std::vector<int64_t> new_rows;
      for (int64_t i = 0; i < n; i++) {
        auto [it, inserted] = group_ids.try_emplace(keys[i], groups);
        if (inserted) {
          groups++;
          new_rows.push_back(i);
        }
        gids[i] = it->second;
      }
      if (!new_rows.empty()) {
        std::vector<VectorPtr> piece;
        for (const auto& v : key_vectors) {
          piece.push_back(TakeVector(*v, new_rows.data(), static_cast<int64_t>(new_rows.size())));
        }
        key_pieces.push_back(std::move(piece));
        for (auto& s : states) s->Resize(groups);
      }
    }
    for (size_t a = 0; a < aggregates_.size(); a++) {
      const BoundAggregate& agg = aggregates_[a];
      VectorPtr arg;
      if (agg.arg) {
        KODIAK_ASSIGN_OR_RETURN(arg, Evaluate(*agg.arg, *in, &ctx));
      }
      // FILTER (WHERE ...): only the rows where it is TRUE.
      const int64_t* group_of = gids.data();
      int64_t count = n;
      std::vector<int64_t> rows, kept_gids;
      if (agg.filter) {
        KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(*agg.filter, *in, &ctx));
        for (int64_t i = 0; i < n; i++) {
          if (mask->IsValid(i) && mask->GetBool(i)) rows.push_back(i);
        }
        if (static_cast<int64_t>(rows.size()) < n) {
          for (int64_t r : rows) kept_gids.push_back(gids[static_cast<size_t>(r)]);
          if (arg) arg = TakeVector(*arg, rows.data(), static_cast<int64_t>(rows.size()));
          group_of = kept_gids.data();
          count = static_cast<int64_t>(rows.size());
        } else {
          rows.clear();
        }
      }
      std::vector<std::string> order_keys;
      if (!agg.order.empty()) {
        std::vector<VectorPtr> vectors;
        std::vector<KeyColumn> cols;
        for (const auto& o : agg.order) {
          KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*o.expr, *in, &ctx));
          if (!rows.empty() || count < n) v = TakeVector(*v, rows.data(), count);
          vectors.push_back(v);
          cols.push_back(KeyColumn{vectors.back().get(), o.descending, o.nulls_first});
        }
        EncodeKeys(cols, count, &order_keys);
        states[a]->SetOrderKeys(&order_keys);
      }
      if (count > 0) KODIAK_RETURN_IF_ERROR(states[a]->Update(arg.get(), group_of, count));
      states[a]->SetOrderKeys(nullptr);
    }
  }

  std::vector<VectorPtr> columns;
  for (size_t k = 0; k < groups_.size(); k++) {
    std::vector<const Vector*> parts;
    for (const auto& p : key_pieces) parts.push_back(p[k].get());
    if (parts.empty()) columns.push_back(std::make_shared<Vector>(groups_[k]->type, 0));
    else columns.push_back(ConcatVectors(parts));
  }
  for (auto& s : states) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, s->Finalize(groups));
    columns.push_back(std::move(v));
  }
  auto all = std::make_shared<Batch>(std::move(columns), groups);
  for (int64_t off = 0; off < groups; off += kBatchSize) {
    output_.push_back(SliceBatch(*all, off, std::min<int64_t>(kBatchSize, groups - off)));
  }
  return Status::OK();
}

Result<BatchPtr> HashAggregate::Next(ExecContext& ctx) {
  if (!done_) {
    done_ = true;
    KODIAK_RETURN_IF_ERROR(Consume(ctx));
  }
  if (next_ >= output_.size()) return BatchPtr();
  return output_[next_++];
}

std::string HashAggregate::Describe() const {
  std::string out = "HashAggregate";
  if (!groups_.empty()) {
    out += " groups:";
    for (size_t i = 0; i < groups_.size(); i++) out += (i ? ", " : " ") + groups_[i]->ToString();
  }
  if (!aggregates_.empty()) {
    out += " aggregates:";
    for (size_t i = 0; i < aggregates_.size(); i++) out += (i ? ", " : " ") + aggregates_[i].ToString();
  }
  return out;
}

}  // namespace kodiak::sql
