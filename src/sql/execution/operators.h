// The physical operators: each a small class, constructed by the planner.
//
//   TableScan      batches of one table version, projected to some columns
//   ValuesScan     rows of constant expressions (VALUES, SELECT without FROM)
//   Filter         rows where a BOOL expression is TRUE
//   Projection     one expression per output column
//   HashAggregate  GROUP BY keys -> aggregate states (hash table on encoded keys)
//   Sort           full sort on encoded keys; TopN keeps the best N in a heap
//   Limit          OFFSET / LIMIT
//   Distinct       first row of each distinct key
//   HashJoin       inner/left equi-join; builds on the right input
//   NestedLoopJoin inner/left/cross join with any condition
//
// Contract: see physical_operator.h.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/table.h"
#include "sql/binder/bound_expr.h"
#include "sql/execution/physical_operator.h"

namespace kodiak::sql {

class TableScan : public PhysicalOperator {
 public:
  TableScan(std::string table_name, std::shared_ptr<const TableData> data, std::vector<int> columns,
            std::vector<LogicalType> types);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    next_ = 0;
  }
  int64_t row_count() const { return data_->row_count; }

 private:
  std::string table_name_;
  std::shared_ptr<const TableData> data_;
  std::vector<int> columns_;
  size_t next_ = 0;
  bool started_ = false;
};

class ValuesScan : public PhysicalOperator {
 public:
  ValuesScan(std::vector<std::vector<BoundExprPtr>> rows, std::vector<LogicalType> types);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override {
    for (const auto& row : rows_) {
      for (const auto& e : row) out->push_back(e.get());
    }
  }
  void Reset() override {
    PhysicalOperator::Reset();
    next_ = 0;
  }

 private:
  std::vector<std::vector<BoundExprPtr>> rows_;
  size_t next_ = 0;
};

class Filter : public PhysicalOperator {
 public:
  Filter(OperatorPtr child, BoundExprPtr predicate);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override {
    out->push_back(predicate_.get());
  }

 private:
  BoundExprPtr predicate_;
};

class Projection : public PhysicalOperator {
 public:
  Projection(OperatorPtr child, std::vector<BoundExprPtr> exprs);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override {
    for (const auto& e : exprs_) out->push_back(e.get());
  }

 private:
  std::vector<BoundExprPtr> exprs_;
};

class HashAggregate : public PhysicalOperator {
 public:
  // Output: group keys, then one column per aggregate. With no groups it
  // yields exactly one row, even for empty input.
  HashAggregate(OperatorPtr child, std::vector<BoundExprPtr> groups, std::vector<BoundAggregate> aggregates);
  ~HashAggregate() override;
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override {
    for (const auto& g : groups_) out->push_back(g.get());
    for (const auto& a : aggregates_) {
      if (a.arg) out->push_back(a.arg.get());
    }
  }
  void Reset() override {
    PhysicalOperator::Reset();
    output_.clear();
    next_ = 0;
    done_ = false;
  }

 private:
  Status Consume(ExecContext& ctx);
  std::vector<BoundExprPtr> groups_;
  std::vector<BoundAggregate> aggregates_;
  std::vector<BatchPtr> output_;
  size_t next_ = 0;
  bool done_ = false;
};

struct SortKey {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = true;
};

class Sort : public PhysicalOperator {
 public:
  // limit < 0: a full sort; otherwise a top-N keeping offset + limit rows.
  Sort(OperatorPtr child, std::vector<SortKey> keys, int64_t limit = -1);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    sorted_.reset();
    emitted_ = 0;
    done_ = false;
  }

 private:
  Status Run(ExecContext& ctx);
  std::vector<SortKey> keys_;
  int64_t limit_;
  BatchPtr sorted_;
  int64_t emitted_ = 0;
  bool done_ = false;
};

class Limit : public PhysicalOperator {
 public:
  Limit(OperatorPtr child, int64_t limit, int64_t offset);  // limit < 0: no limit
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    skipped_ = emitted_ = 0;
  }

 private:
  int64_t limit_, offset_;
  int64_t skipped_ = 0, emitted_ = 0;
};

class Distinct : public PhysicalOperator {
 public:
  explicit Distinct(OperatorPtr child);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    seen_.clear();
  }

 private:
  std::unordered_map<std::string, bool> seen_;
};

class HashJoin : public PhysicalOperator {
 public:
  // Output: left columns then right columns. left_keys[i] = right_keys[i]
  // (same types); `residual` (may be null) is evaluated on the joined row.
  // right_outer: also every right row without a match, with NULL left
  // columns, after the matches (FULL JOIN when left_outer too).
  HashJoin(OperatorPtr left, OperatorPtr right, bool left_outer, std::vector<BoundExprPtr> left_keys,
           std::vector<BoundExprPtr> right_keys, BoundExprPtr residual, bool right_outer = false);
  // A semi join (anti: an anti join): the left rows that have (anti: have no)
  // right row with equal keys satisfying `residual`; output: left columns only.
  static std::unique_ptr<HashJoin> Semi(OperatorPtr left, OperatorPtr right, std::vector<BoundExprPtr> left_keys,
                                        std::vector<BoundExprPtr> right_keys, BoundExprPtr residual, bool anti);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override {
    for (const auto& k : left_keys_) out->push_back(k.get());
    for (const auto& k : right_keys_) out->push_back(k.get());
    if (residual_) out->push_back(residual_.get());
  }
  void Reset() override {
    PhysicalOperator::Reset();
    built_ = false;
    build_.reset();
    table_.clear();
    right_matched_.clear();
    tail_.clear();
    tail_started_ = false;
    next_tail_ = 0;
  }

 private:
  Status Build(ExecContext& ctx);
  bool left_outer_;
  bool right_outer_;
  enum class Filtering : uint8_t { kNone, kSemi, kAnti } filtering_ = Filtering::kNone;
  std::vector<uint8_t> right_matched_;
  std::vector<BatchPtr> tail_;  // unmatched right rows (right_outer)
  bool tail_started_ = false;
  size_t next_tail_ = 0;
  std::vector<BoundExprPtr> left_keys_, right_keys_;
  BoundExprPtr residual_;
  bool built_ = false;
  BatchPtr build_;  // all right rows
  std::unordered_multimap<std::string, int64_t> table_;
};

class NestedLoopJoin : public PhysicalOperator {
 public:
  NestedLoopJoin(OperatorPtr left, OperatorPtr right, bool left_outer, BoundExprPtr condition,
                 bool right_outer = false);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Expressions(std::vector<const BoundExpr*>* out) const override {
    if (condition_) out->push_back(condition_.get());
  }
  void Reset() override {
    PhysicalOperator::Reset();
    built_ = false;
    right_.reset();
    left_.reset();
    next_left_ = next_right_ = 0;
    matched_.clear();
    right_matched_.clear();
    tail_.clear();
    tail_started_ = false;
    next_tail_ = 0;
  }

 private:
  // At most this many row pairs are formed at once (memory stays bounded and
  // Ctrl-C is seen between chunks).
  static constexpr int64_t kMaxPairs = 1 << 16;

  bool left_outer_;
  bool right_outer_;
  std::vector<uint8_t> right_matched_;
  std::vector<BatchPtr> tail_;  // unmatched right rows (right_outer)
  bool tail_started_ = false;
  size_t next_tail_ = 0;
  BoundExprPtr condition_;  // null: cross join
  bool built_ = false;
  BatchPtr right_;
  BatchPtr left_;                // the left batch being joined
  int64_t next_left_ = 0;        // its first row not finished yet
  int64_t next_right_ = 0;       // for a single left row against a huge right side
  std::vector<uint8_t> matched_; // per row of left_, for LEFT JOIN
};

}  // namespace kodiak::sql
