// Operators for set operations and recursive queries.
//
//   Append         the rows of each child in turn (UNION ALL)
//   SetOperation   INTERSECT / EXCEPT [ALL] of two children: rows compared
//                  by their encoded keys, so NULLs are equal to each other
//   WorkingTableScan  the rows of a recursive query's current iteration
//   RecursiveUnion    WITH RECURSIVE: the anchor's rows, then the recursive
//                  term run again on the rows of the previous round until a
//                  round adds none
//
// Contract: see physical_operator.h. Children of Append and SetOperation
// have the same column types (the binder casts). INTERSECT keeps a left row
// that has a match on the right (ALL: as many times as both sides have it);
// EXCEPT keeps a left row without one (ALL: the surplus of left copies).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sql/execution/physical_operator.h"

namespace kodiak::sql {

class Append : public PhysicalOperator {
 public:
  explicit Append(std::vector<OperatorPtr> inputs);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override { return "Append"; }
  void Reset() override {
    PhysicalOperator::Reset();
    current_ = 0;
  }

 private:
  size_t current_ = 0;
};

enum class SetOperationKind : uint8_t { kIntersect, kExcept };

class SetOperation : public PhysicalOperator {
 public:
  SetOperation(OperatorPtr left, OperatorPtr right, SetOperationKind kind, bool all);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    built_ = false;
    right_counts_.clear();
    emitted_.clear();
  }

 private:
  SetOperationKind kind_;
  bool all_;
  bool built_ = false;
  std::unordered_map<std::string, int64_t> right_counts_;
  std::unordered_set<std::string> emitted_;  // distinct variants: keys already output
};

// The rows a recursive term reads as the CTE's name: the previous round's.
struct WorkingTable {
  std::vector<BatchPtr> batches;
};

class WorkingTableScan : public PhysicalOperator {
 public:
  WorkingTableScan(std::string name, std::shared_ptr<WorkingTable> table, std::vector<LogicalType> types);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override { return "WorkingTableScan " + name_; }
  void Reset() override {
    PhysicalOperator::Reset();
    next_ = 0;
  }

 private:
  std::string name_;
  std::shared_ptr<WorkingTable> table_;
  size_t next_ = 0;
};

class RecursiveUnion : public PhysicalOperator {
 public:
  // `recursive` reads `working` (through WorkingTableScan). `all`: UNION ALL,
  // otherwise rows already produced are dropped (which also ends cycles).
  RecursiveUnion(std::string name, OperatorPtr anchor, OperatorPtr recursive, std::shared_ptr<WorkingTable> working,
                 bool all);
  Result<BatchPtr> Next(ExecContext& ctx) override;
  std::string Describe() const override;
  void Reset() override {
    PhysicalOperator::Reset();
    started_ = false;
    round_.clear();
    next_ = 0;
    seen_.clear();
    working_->batches.clear();
  }

 private:
  // Keeps the rows of `b` not seen before (UNION), or all of them (UNION ALL).
  BatchPtr NewRows(const BatchPtr& b);
  Status NextRound(ExecContext& ctx);

  std::string name_;
  std::shared_ptr<WorkingTable> working_;
  bool all_;
  bool started_ = false;
  std::vector<BatchPtr> round_;  // the rows of the current round, being emitted
  size_t next_ = 0;
  std::unordered_set<std::string> seen_;
};

}  // namespace kodiak::sql
