#include "sql/execution/set_operations.h"

#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"

namespace kodiak::sql {

namespace {

void RowKeys(const Batch& b, std::vector<std::string>* keys) {
  std::vector<KeyColumn> cols;
  for (const auto& c : b.columns) cols.push_back(KeyColumn{c.get()});
  EncodeKeys(cols, b.num_rows, keys);
}

}  // namespace

Append::Append(std::vector<OperatorPtr> inputs) : PhysicalOperator(inputs.at(0)->types()) {
  for (auto& in : inputs) AddChild(std::move(in));
}

Result<BatchPtr> Append::Next(ExecContext& ctx) {
  while (current_ < children_.size()) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr b, children_[current_]->Next(ctx));
    if (b) return b;
    current_++;
  }
  return BatchPtr();
}

SetOperation::SetOperation(OperatorPtr left, OperatorPtr right, SetOperationKind kind, bool all)
    : PhysicalOperator(left->types()), kind_(kind), all_(all) {
  AddChild(std::move(left));
  AddChild(std::move(right));
}

Result<BatchPtr> SetOperation::Next(ExecContext& ctx) {
  std::vector<std::string> keys;
  if (!built_) {
    built_ = true;
    while (true) {
      KODIAK_ASSIGN_OR_RETURN(BatchPtr b, children_[1]->Next(ctx));
      if (!b) break;
      RowKeys(*b, &keys);
      for (int64_t i = 0; i < b->num_rows; i++) right_counts_[keys[static_cast<size_t>(i)]]++;
    }
  }
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
    if (!in) return in;
    RowKeys(*in, &keys);
    std::vector<int64_t> rows;
    for (int64_t i = 0; i < in->num_rows; i++) {
      const std::string& k = keys[static_cast<size_t>(i)];
      auto it = right_counts_.find(k);
      bool on_right = it != right_counts_.end() && it->second > 0;
      bool keep;
      if (all_) {
        // INTERSECT ALL: min(left, right) copies; EXCEPT ALL: left - right.
        if (on_right) it->second--;
        keep = kind_ == SetOperationKind::kIntersect ? on_right : !on_right;
      } else {
        keep = (kind_ == SetOperationKind::kIntersect ? on_right : !on_right) && emitted_.insert(k).second;
      }
      if (keep) rows.push_back(i);
    }
    if (rows.empty()) continue;
    return TakeBatch(*in, rows);
  }
}

std::string SetOperation::Describe() const {
  return std::string(kind_ == SetOperationKind::kIntersect ? "Intersect" : "Except") + (all_ ? " ALL" : "");
}

WorkingTableScan::WorkingTableScan(std::string name, std::shared_ptr<WorkingTable> table,
                                   std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)), name_(std::move(name)), table_(std::move(table)) {}

Result<BatchPtr> WorkingTableScan::Next(ExecContext& ctx) {
  KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
  if (next_ >= table_->batches.size()) return BatchPtr();
  return table_->batches[next_++];
}

RecursiveUnion::RecursiveUnion(std::string name, OperatorPtr anchor, OperatorPtr recursive,
                               std::shared_ptr<WorkingTable> working, bool all)
    : PhysicalOperator(anchor->types()), name_(std::move(name)), working_(std::move(working)), all_(all) {
  AddChild(std::move(anchor));
  AddChild(std::move(recursive));
}

BatchPtr RecursiveUnion::NewRows(const BatchPtr& b) {
  if (all_ || b->num_rows == 0) return b;
  std::vector<std::string> keys;
  RowKeys(*b, &keys);
  std::vector<int64_t> rows;
  for (int64_t i = 0; i < b->num_rows; i++) {
    if (seen_.insert(keys[static_cast<size_t>(i)]).second) rows.push_back(i);
  }
  if (static_cast<int64_t>(rows.size()) == b->num_rows) return b;
  return TakeBatch(*b, rows);
}

// Runs the recursive term once over the previous round's rows.
Status RecursiveUnion::NextRound(ExecContext& ctx) {
  working_->batches = std::move(round_);
  round_.clear();
  next_ = 0;
  if (working_->batches.empty()) return Status::OK();
  children_[1]->Reset();
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr b, children_[1]->Next(ctx));
    if (!b) break;
    BatchPtr fresh = NewRows(b);
    if (fresh->num_rows > 0) round_.push_back(std::move(fresh));
  }
  return Status::OK();
}

Result<BatchPtr> RecursiveUnion::Next(ExecContext& ctx) {
  if (!started_) {
    started_ = true;
    while (true) {
      KODIAK_ASSIGN_OR_RETURN(BatchPtr b, children_[0]->Next(ctx));
      if (!b) break;
      BatchPtr fresh = NewRows(b);
      if (fresh->num_rows > 0) round_.push_back(std::move(fresh));
    }
  }
  while (true) {
    KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
    if (next_ < round_.size()) return round_[next_++];
    if (round_.empty()) return BatchPtr();
    KODIAK_RETURN_IF_ERROR(NextRound(ctx));
  }
}

std::string RecursiveUnion::Describe() const {
  return "RecursiveUnion " + name_ + (all_ ? " ALL" : "");
}

}  // namespace kodiak::sql
