#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"
#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

namespace {

std::vector<LogicalType> JoinTypes(const PhysicalOperator& l, const PhysicalOperator& r) {
  std::vector<LogicalType> out = l.types();
  out.insert(out.end(), r.types().begin(), r.types().end());
  return out;
}

BatchPtr EmptyBatch(const std::vector<LogicalType>& types) {
  auto b = std::make_shared<Batch>();
  for (const auto& t : types) b->columns.push_back(std::make_shared<Vector>(t, 0));
  return b;
}

// left[lidx[i]] ++ right[ridx[i]]; an index of -1 gives NULLs.
BatchPtr JoinRows(const Batch& left, const Batch& right, const std::vector<int64_t>& lidx,
                  const std::vector<int64_t>& ridx) {
  auto out = std::make_shared<Batch>();
  out->num_rows = static_cast<int64_t>(lidx.size());
  for (const auto& c : left.columns) out->columns.push_back(TakeVector(*c, lidx.data(), out->num_rows));
  for (const auto& c : right.columns) out->columns.push_back(TakeVector(*c, ridx.data(), out->num_rows));
  return out;
}

// Keeps the pairs whose joined row satisfies `condition` (TRUE, not NULL).
Status KeepMatching(const Batch& left, const Batch& right, const BoundExpr& condition, std::vector<int64_t>* lidx,
                    std::vector<int64_t>* ridx, ExecContext& ctx) {
  BatchPtr joined = JoinRows(left, right, *lidx, *ridx);
  KODIAK_ASSIGN_OR_RETURN(VectorPtr mask, Evaluate(condition, *joined, &ctx));
  size_t kept = 0;
  for (size_t i = 0; i < lidx->size(); i++) {
    if (mask->IsValid(static_cast<int64_t>(i)) && mask->GetBool(static_cast<int64_t>(i))) {
      (*lidx)[kept] = (*lidx)[i];
      (*ridx)[kept] = (*ridx)[i];
      kept++;
    }
  }
  lidx->resize(kept);
  ridx->resize(kept);
  return Status::OK();
}

// Keeps candidate pairs whose joined row satisfies `residual`; marks the
// right rows that found a partner in `right_matched` (FULL JOIN); for a left
// outer join, adds each left row with no surviving pair once, with NULLs.
Result<BatchPtr> FinishPairs(const Batch& left, const Batch& right, std::vector<int64_t> lidx,
                             std::vector<int64_t> ridx, const BoundExpr* residual, bool left_outer,
                             std::vector<uint8_t>* right_matched, ExecContext& ctx) {
  if (residual && !lidx.empty()) KODIAK_RETURN_IF_ERROR(KeepMatching(left, right, *residual, &lidx, &ridx, ctx));
  if (right_matched) {
    for (int64_t r : ridx) (*right_matched)[static_cast<size_t>(r)] = 1;
  }
  if (left_outer) {
    std::vector<uint8_t> matched(static_cast<size_t>(left.num_rows), 0);
    for (int64_t l : lidx) matched[l] = 1;
    for (int64_t i = 0; i < left.num_rows; i++) {
      if (!matched[i]) {
        lidx.push_back(i);
        ridx.push_back(-1);
      }
    }
  }
  return JoinRows(left, right, lidx, ridx);
}

// The right rows no left row matched, with NULLs for the left columns (the
// tail of a FULL JOIN), in batches of at most kBatchSize rows.
std::vector<BatchPtr> UnmatchedRight(const std::vector<LogicalType>& left_types, const Batch& right,
                                     const std::vector<uint8_t>& matched) {
  std::vector<BatchPtr> out;
  Batch nulls;
  for (const auto& t : left_types) nulls.columns.push_back(std::make_shared<Vector>(t, 0));
  std::vector<int64_t> lidx, ridx;
  for (int64_t i = 0; i <= right.num_rows; i++) {
    if (i < right.num_rows && !matched[static_cast<size_t>(i)]) {
      lidx.push_back(-1);
      ridx.push_back(i);
    }
    if (!ridx.empty() && (i == right.num_rows || static_cast<int64_t>(ridx.size()) >= kBatchSize)) {
      out.push_back(JoinRows(nulls, right, lidx, ridx));
      lidx.clear();
      ridx.clear();
    }
  }
  return out;
}

}  // namespace

HashJoin::HashJoin(OperatorPtr left, OperatorPtr right, bool left_outer, std::vector<BoundExprPtr> left_keys,
                   std::vector<BoundExprPtr> right_keys, BoundExprPtr residual, bool right_outer)
    : PhysicalOperator(JoinTypes(*left, *right)),
      left_outer_(left_outer),
      right_outer_(right_outer),
      left_keys_(std::move(left_keys)),
      right_keys_(std::move(right_keys)),
      residual_(std::move(residual)) {
  AddChild(std::move(left));
  AddChild(std::move(right));
}

std::unique_ptr<HashJoin> HashJoin::Semi(OperatorPtr left, OperatorPtr right, std::vector<BoundExprPtr> left_keys,
                                         std::vector<BoundExprPtr> right_keys, BoundExprPtr residual, bool anti) {
  std::vector<LogicalType> left_types = left->types();
  auto join = std::make_unique<HashJoin>(std::move(left), std::move(right), false, std::move(left_keys),
                                         std::move(right_keys), std::move(residual));
  join->filtering_ = anti ? Filtering::kAnti : Filtering::kSemi;
  join->types_ = std::move(left_types);
  return join;
}

Status HashJoin::Build(ExecContext& ctx) {
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> batches, CollectAll(*children_[1], ctx));
  build_ = batches.empty() ? EmptyBatch(children_[1]->types()) : ConcatBatches(batches);
  std::vector<VectorPtr> vectors;
  std::vector<KeyColumn> cols;
  for (const auto& k : right_keys_) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*k, *build_, &ctx));
    vectors.push_back(v);
  }
  for (const auto& v : vectors) cols.push_back(KeyColumn{v.get()});
  std::vector<std::string> keys;
  EncodeKeys(cols, build_->num_rows, &keys);
  if (right_outer_) right_matched_.assign(static_cast<size_t>(build_->num_rows), 0);
  table_.reserve(static_cast<size_t>(build_->num_rows));
  for (int64_t i = 0; i < build_->num_rows; i++) {
    if (!AnyNull(cols, i)) table_.emplace(std::move(keys[i]), i);
  }
  return Status::OK();
}

Result<BatchPtr> HashJoin::Next(ExecContext& ctx) {
  if (!built_) {
    built_ = true;
    KODIAK_RETURN_IF_ERROR(Build(ctx));
  }
  std::vector<std::string> keys;
  while (true) {
    KODIAK_ASSIGN_OR_RETURN(BatchPtr in, children_[0]->Next(ctx));
    if (!in) {
      if (!right_outer_) return in;
      if (!tail_started_) {
        tail_started_ = true;
        tail_ = UnmatchedRight(children_[0]->types(), *build_, right_matched_);
      }
      if (next_tail_ < tail_.size()) return tail_[next_tail_++];
      return BatchPtr();
    }
    std::vector<VectorPtr> vectors;
    std::vector<KeyColumn> cols;
    for (const auto& k : left_keys_) {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*k, *in, &ctx));
      vectors.push_back(v);
    }
    for (const auto& v : vectors) cols.push_back(KeyColumn{v.get()});
    EncodeKeys(cols, in->num_rows, &keys);
    std::vector<int64_t> lidx, ridx;
    for (int64_t i = 0; i < in->num_rows; i++) {
      if (AnyNull(cols, i)) continue;
      auto [lo, hi] = table_.equal_range(keys[i]);
      for (auto it = lo; it != hi; ++it) {
        lidx.push_back(i);
        ridx.push_back(it->second);
      }
    }
    if (filtering_ != Filtering::kNone) {
      if (residual_ && !lidx.empty()) KODIAK_RETURN_IF_ERROR(KeepMatching(*in, *build_, *residual_, &lidx, &ridx, ctx));
      std::vector<uint8_t> matched(static_cast<size_t>(in->num_rows), 0);
      for (int64_t l : lidx) matched[static_cast<size_t>(l)] = 1;
      const uint8_t want = filtering_ == Filtering::kSemi ? 1 : 0;
      std::vector<int64_t> rows;
      for (int64_t i = 0; i < in->num_rows; i++) {
        if (matched[static_cast<size_t>(i)] == want) rows.push_back(i);
      }
      if (rows.empty()) continue;
      if (static_cast<int64_t>(rows.size()) == in->num_rows) return in;
      return TakeBatch(*in, rows);
    }
    KODIAK_ASSIGN_OR_RETURN(BatchPtr out,
                            FinishPairs(*in, *build_, std::move(lidx), std::move(ridx), residual_.get(), left_outer_,
                                        right_outer_ ? &right_matched_ : nullptr, ctx));
    if (out->num_rows > 0) return out;
  }
}

std::string HashJoin::Describe() const {
  std::string out = filtering_ == Filtering::kSemi   ? "HashJoin SEMI"
                    : filtering_ == Filtering::kAnti ? "HashJoin ANTI"
                    : left_outer_ && right_outer_   ? "HashJoin FULL"
                    : left_outer_                   ? "HashJoin LEFT"
                                                    : "HashJoin INNER";
  for (size_t i = 0; i < left_keys_.size(); i++) {
    out += (i ? " AND " : " ") + left_keys_[i]->ToString() + " = " + right_keys_[i]->ToString();
  }
  if (residual_) out += " filter " + residual_->ToString();
  return out;
}

NestedLoopJoin::NestedLoopJoin(OperatorPtr left, OperatorPtr right, bool left_outer, BoundExprPtr condition,
                               bool right_outer)
    : PhysicalOperator(JoinTypes(*left, *right)),
      left_outer_(left_outer),
      right_outer_(right_outer),
      condition_(std::move(condition)) {
  AddChild(std::move(left));
  AddChild(std::move(right));
}

Result<BatchPtr> NestedLoopJoin::Next(ExecContext& ctx) {
  if (!built_) {
    built_ = true;
    KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> batches, CollectAll(*children_[1], ctx));
    right_ = batches.empty() ? EmptyBatch(children_[1]->types()) : ConcatBatches(batches);
    if (right_outer_) right_matched_.assign(static_cast<size_t>(right_->num_rows), 0);
  }
  const int64_t nr = right_->num_rows;
  while (true) {
    if (!left_ || next_left_ >= left_->num_rows) {
      KODIAK_ASSIGN_OR_RETURN(left_, children_[0]->Next(ctx));
      if (!left_) {
        if (!right_outer_) return left_;
        if (!tail_started_) {
          tail_started_ = true;
          tail_ = UnmatchedRight(children_[0]->types(), *right_, right_matched_);
        }
        if (next_tail_ < tail_.size()) return tail_[next_tail_++];
        return BatchPtr();
      }
      next_left_ = next_right_ = 0;
      matched_.assign(static_cast<size_t>(left_->num_rows), 0);
    }
    KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
    // One chunk: left rows [lo, hi) against right rows [rlo, rhi), at most
    // kMaxPairs pairs (one left row against a slice of a huge right side).
    const int64_t lo = next_left_;
    const int64_t per_row = std::max<int64_t>(1, nr);
    const int64_t hi = std::min(left_->num_rows, lo + std::max<int64_t>(1, kMaxPairs / per_row));
    const int64_t rlo = next_right_;
    const int64_t rhi = hi - lo == 1 ? std::min(nr, rlo + kMaxPairs) : nr;
    std::vector<int64_t> lidx, ridx;
    lidx.reserve(static_cast<size_t>((hi - lo) * (rhi - rlo)));
    ridx.reserve(lidx.capacity());
    for (int64_t i = lo; i < hi; i++) {
      for (int64_t j = rlo; j < rhi; j++) {
        lidx.push_back(i);
        ridx.push_back(j);
      }
    }
    if (condition_ && !lidx.empty()) {
      KODIAK_RETURN_IF_ERROR(KeepMatching(*left_, *right_, *condition_, &lidx, &ridx, ctx));
    }
    for (int64_t l : lidx) matched_[static_cast<size_t>(l)] = 1;
    if (right_outer_) {
      for (int64_t r : ridx) right_matched_[static_cast<size_t>(r)] = 1;
    }
    if (rhi >= nr) {  // rows [lo, hi) are finished
      next_left_ = hi;
      next_right_ = 0;
      if (left_outer_) {
        for (int64_t i = lo; i < hi; i++) {
          if (!matched_[static_cast<size_t>(i)]) {
            lidx.push_back(i);
            ridx.push_back(-1);
          }
        }
      }
    } else {
      next_right_ = rhi;
    }
    if (!lidx.empty()) return JoinRows(*left_, *right_, lidx, ridx);
  }
}

std::string NestedLoopJoin::Describe() const {
  const char* kind = left_outer_ && right_outer_ ? "NestedLoopJoin FULL " : left_outer_ ? "NestedLoopJoin LEFT "
                                                                                       : "NestedLoopJoin INNER ";
  std::string out = condition_ ? kind + condition_->ToString()
                               : std::string("CrossProduct");
  return out;
}

}  // namespace kodiak::sql
