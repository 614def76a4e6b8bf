// BoundExpr: an expression after binding — every name resolved to a column
// index of the operator's input, every type known, implicit casts explicit.
// The expression executor evaluates it over whole batches.
//
// Contract: a tree owns its children. Immutable after binding; evaluation is
// const and may run from several threads on distinct batches.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kodiak/type.h"
#include "kodiak/value.h"
#include "sql/parser/ast.h"

namespace kodiak::sql {

struct ScalarFunction;
struct SubqueryPlan;  // sql/execution/subquery.h
struct ParamFrame;    // sql/execution/subquery.h
struct CompiledFunction;  // sql/execution/user_call.h

enum class BoundKind : uint8_t {
  kConstant,  // value
  kColumn,    // column: index into the input batch
  kCast,      // children[0] to type; try_cast makes failures NULL
  kArith,     // op in {Add, Sub, Mul, Div, Mod}; both children of `type` (or date arithmetic)
  kCompare,   // op in {Eq..GtEq}; both children of one common type; result BOOL
  kAnd,
  kOr,
  kNot,
  kNegate,
  kIsNull,    // negated: IS NOT NULL
  kIsDistinct,  // IS [NOT] DISTINCT FROM (negated: IS NOT DISTINCT FROM)
  kCase,      // children: when0, then0, when1, then1, ..., else
  kLike,      // children[0] LIKE children[1] [ESCAPE children[2]]; negated; case_insensitive
  kConcat,    // TEXT || TEXT
  kFunction,  // function->Execute(children)
  kSubquery,  // subquery->Evaluate: scalar, EXISTS or IN (children[0] is the tested value for IN);
              // children[first_correlation..] are the outer values the subquery reads
  kParameter, // frame->values[column]: an outer value inside a correlated subquery
  kRaise,     // fails with StatusCode::kRaised when it has rows: value = "E: message (in function f, line L)";
              // children[0], if any, is the details text (the message becomes "E: details (...)")
  kTry,       // children[0], or where it raises one of the caught exceptions, children[1 + i];
              // value = the caught names, comma-separated ("_" catches any)
  kUserCall,  // a recursive user function: compiled->body evaluated row by row with children as its
              // parameters (sql/execution/user_call.h)
};

// kIn is `= ANY`; kAny / kAll compare with `op` (any comparison).
enum class SubqueryKind : uint8_t { kScalar, kExists, kIn, kAny, kAll };

struct BoundExpr {
  BoundKind kind = BoundKind::kConstant;
  LogicalType type;
  int64_t pos = -1;  // where in the statement text, for runtime errors
  Value value;
  int column = -1;
  BinaryOp op = BinaryOp::kAdd;
  bool negated = false;
  bool try_cast = false;
  bool case_insensitive = false;
  const ScalarFunction* function = nullptr;
  std::vector<std::unique_ptr<BoundExpr>> children;
  // kSubquery: the plan (shared by clones); kParameter: the frame it reads.
  SubqueryKind subquery_kind = SubqueryKind::kScalar;
  int first_correlation = 0;
  // kSubquery IN: the tested value's type has nothing in common with the
  // subquery's column (TEXT 'a' against INT): no row can be equal to it.
  bool incomparable = false;
  std::shared_ptr<SubqueryPlan> subquery;
  std::shared_ptr<ParamFrame> frame;
  // kUserCall: the function called. A call inside the function's own body
  // (written before the body was complete) holds it weakly, so a compiled
  // body and the calls in it do not keep each other alive.
  std::shared_ptr<CompiledFunction> compiled;
  std::weak_ptr<CompiledFunction> compiled_weak;

  std::unique_ptr<BoundExpr> Clone() const;
  // Structural equality (same tree, same constants, same columns).
  bool Equals(const BoundExpr& other) const;
  // For EXPLAIN: "(#0 + 1)", "lower(#2)".
  std::string ToString() const;
};
using BoundExprPtr = std::unique_ptr<BoundExpr>;

// The AST a subquery plan was bound from (sql/execution/subquery.cc).
const void* SubquerySource(const SubqueryPlan& plan);

BoundExprPtr MakeConstant(Value v, int64_t pos = -1);
// a AND b; when a is null, just b (for building a conjunction step by step).
BoundExprPtr MakeAnd(BoundExprPtr a, BoundExprPtr b);
// Appends the conjuncts of an AND tree (the expression itself when not an AND).
void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>* out);
BoundExprPtr MakeColumn(int index, LogicalType type);
BoundExprPtr MakeCast(BoundExprPtr child, LogicalType type);

enum class AggregateKind : uint8_t {
  kCountStar, kCount, kSum, kAvg, kMin, kMax,
  kStddevSamp, kStddevPop, kVarSamp, kVarPop,  // FLOAT64 (Welford)
  kStringAgg,                                  // TEXT, joined with `separator`
  kList,                                       // LIST of the argument's type, NULLs kept
  kBoolAnd, kBoolOr,
  kApproxCountDistinct,                        // INT64 (HyperLogLog)
  kTotal,                                      // SQLite's total(): FLOAT64 sum, 0.0 for no rows
  kAnyValue,                                   // the first non-NULL value
  kGrouping,                                   // grouping(a, b): INT64 bits of the GROUP BY items not in the set
};

// The name an aggregate is called by, for EXPLAIN and messages.
const char* AggregateName(AggregateKind kind);

struct BoundAggregateOrder {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = true;
};

struct BoundAggregate {
  AggregateKind kind = AggregateKind::kCountStar;
  BoundExprPtr arg;  // null for count(*)
  bool distinct = false;
  LogicalType type;  // result type
  std::string separator = ",";          // kStringAgg
  BoundExprPtr filter;                  // FILTER (WHERE ...): only rows where it is TRUE; may be null
  std::vector<BoundAggregateOrder> order;  // agg(x ORDER BY ...): kStringAgg and kList
  std::vector<int> grouping;               // kGrouping: indexes of its GROUP BY items
  int64_t grouping_value = 0;              // kGrouping: its value in the grouping set being computed

  BoundAggregate Clone() const;
  bool Equals(const BoundAggregate& other) const;
  std::string ToString() const;
};

}  // namespace kodiak::sql
