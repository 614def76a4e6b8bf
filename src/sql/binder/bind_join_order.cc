// Join planning for FROM + WHERE: flattening, predicate pushdown and a greedy
// join order from cardinality estimates.
#include <algorithm>
#include <cmath>
#include <set>

#include "sql/binder/binder.h"
#include "sql/binder/correlation_sink.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

namespace {

struct Leaf {
  OperatorPtr op;
  int first_column = 0;  // global index of its first column
  int width = 0;
  double estimate = 1000;
};

struct Conjunct {
  BoundExprPtr expr;
  std::set<int> leaves;  // leaves whose columns it reads
  bool used = false;
};

void CollectLeaves(const TableRef& ref, std::vector<const TableRef*>* leaves, std::vector<const Expr*>* ons) {
  if (ref.kind == TableRef::Kind::kJoin && !ref.natural && ref.using_columns.empty() &&
      (ref.join_type == JoinType::kInner || ref.join_type == JoinType::kCross)) {
    CollectLeaves(*ref.left, leaves, ons);
    CollectLeaves(*ref.right, leaves, ons);
    if (ref.on) ons->push_back(ref.on.get());
    return;
  }
  leaves->push_back(&ref);
}

void Columns(const BoundExpr& e, std::set<int>* cols) {
  if (e.kind == BoundKind::kColumn) cols->insert(e.column);
  for (const auto& c : e.children) Columns(*c, cols);
}

void Remap(BoundExpr* e, const std::vector<int>& to_local) {
  if (e->kind == BoundKind::kColumn) e->column = to_local[static_cast<size_t>(e->column)];
  for (auto& c : e->children) Remap(c.get(), to_local);
}

bool IsEquality(const BoundExpr& e) { return e.kind == BoundKind::kCompare && e.op == BinaryOp::kEq; }

void SplitAstConjuncts(const Expr& e, std::vector<const Expr*>* out) {
  if (e.kind == ExprKind::kBinary && e.binary_op == BinaryOp::kAnd) {
    SplitAstConjuncts(*e.args[0], out);
    SplitAstConjuncts(*e.args[1], out);
    return;
  }
  out->push_back(&e);
}

// True when `e` reads a kParameter of `frame` (anywhere, also as an outer
// value of a nested subquery).
bool ReadsFrame(const BoundExpr& e, const ParamFrame& frame) {
  if (e.kind == BoundKind::kParameter && e.frame.get() == &frame) return true;
  for (const auto& c : e.children) {
    if (ReadsFrame(*c, frame)) return true;
  }
  return false;
}

}  // namespace

Result<OperatorPtr> Binder::BindFromWhere(const TableRef& from, const Expr* where, Scope* scope,
                                          std::vector<BoundExprPtr>* correlated) {
  std::vector<const TableRef*> refs;
  std::vector<const Expr*> ons;
  CollectLeaves(from, &refs, &ons);

  std::vector<Leaf> leaves;
  std::vector<int> leaf_of_column;
  for (const TableRef* ref : refs) {
    Leaf leaf;
    leaf.first_column = static_cast<int>(scope->columns.size());
    KODIAK_ASSIGN_OR_RETURN(leaf.op, BindFrom(*ref, scope));
    leaf.width = static_cast<int>(scope->columns.size()) - leaf.first_column;
    if (auto* scan = dynamic_cast<TableScan*>(leaf.op.get())) leaf.estimate = static_cast<double>(scan->row_count());
    for (int i = 0; i < leaf.width; i++) leaf_of_column.push_back(static_cast<int>(leaves.size()));
    leaves.push_back(std::move(leaf));
  }

  // Conjuncts of WHERE and of every ON.
  std::vector<Conjunct> conjuncts;
  auto add = [&](const Expr& e, const char* clause) -> Status {
    ExprContext ctx{scope, nullptr, clause};
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(e, ctx));
    KODIAK_ASSIGN_OR_RETURN(b, ToBool(std::move(b), clause));
    std::vector<BoundExprPtr> parts;
    SplitConjuncts(std::move(b), &parts);
    for (auto& p : parts) {
      if (correlated && sink_ && ReadsFrame(*p, *sink_->frame)) {
        correlated->push_back(std::move(p));
        continue;
      }
      Conjunct c;
      std::set<int> cols;
      Columns(*p, &cols);
      for (int col : cols) c.leaves.insert(leaf_of_column[static_cast<size_t>(col)]);
      c.expr = std::move(p);
      conjuncts.push_back(std::move(c));
    }
    return Status::OK();
  };
  for (const Expr* on : ons) KODIAK_RETURN_IF_ERROR(add(*on, "ON"));
  // WHERE conjuncts; EXISTS / IN subqueries that can become semi joins wait
  // until the joins are built.
  // Conjuncts with scalar subqueries wait too: those that can become joins
  // add a column for the subquery's value first.
  std::vector<const Expr*> where_parts, semi_candidates, scalar_candidates;
  if (where) SplitAstConjuncts(*where, &where_parts);
  for (const Expr* w : where_parts) {
    bool candidate = !correlated && w->subquery &&
                     (w->kind == ExprKind::kExists || (w->kind == ExprKind::kInSubquery && !w->negated &&
                                                       w->binary_op == BinaryOp::kEq && !w->quantifier_all));
    if (candidate) semi_candidates.push_back(w);
    else if (!correlated && ContainsScalarSubquery(*w)) scalar_candidates.push_back(w);
    else KODIAK_RETURN_IF_ERROR(add(*w, "WHERE"));
  }

  const int total = static_cast<int>(scope->columns.size());
  // Single-table conjuncts become filters on that table's scan.
  for (size_t li = 0; li < leaves.size(); li++) {
    BoundExprPtr pred;
    std::vector<int> to_local(static_cast<size_t>(total), -1);
    for (int i = 0; i < leaves[li].width; i++) to_local[static_cast<size_t>(leaves[li].first_column + i)] = i;
    for (auto& c : conjuncts) {
      if (c.used || c.leaves.size() != 1 || *c.leaves.begin() != static_cast<int>(li)) continue;
      Remap(c.expr.get(), to_local);
      leaves[li].estimate = std::max(1.0, leaves[li].estimate / (IsEquality(*c.expr) ? 10.0 : 3.0));
      pred = MakeAnd(std::move(pred), std::move(c.expr));
      c.used = true;
    }
    if (pred) leaves[li].op = std::make_unique<Filter>(std::move(leaves[li].op), std::move(pred));
  }

  // Greedy order: start from the smallest table; then join the smallest table
  // connected to what is joined so far by an equality (a cross product only
  // when nothing is connected).
  std::vector<bool> joined(leaves.size(), false);
  size_t start = 0;
  for (size_t i = 1; i < leaves.size(); i++) {
    if (leaves[i].estimate < leaves[start].estimate) start = i;
  }
  OperatorPtr current = std::move(leaves[start].op);
  joined[start] = true;
  double estimate = leaves[start].estimate;
  std::vector<int> order_columns;  // global column at each output position
  for (int i = 0; i < leaves[start].width; i++) order_columns.push_back(leaves[start].first_column + i);

  for (size_t step = 1; step < leaves.size(); step++) {
    auto connected = [&](size_t li) {
      for (const auto& c : conjuncts) {
        if (c.used || !IsEquality(*c.expr) || !c.leaves.count(static_cast<int>(li))) continue;
        bool others_joined = c.leaves.size() > 1;
        for (int l : c.leaves) {
          if (l != static_cast<int>(li) && !joined[static_cast<size_t>(l)]) others_joined = false;
        }
        if (others_joined) return true;
      }
      return false;
    };
    size_t next = leaves.size();
    bool next_connected = false;
    for (size_t i = 0; i < leaves.size(); i++) {
      if (joined[i]) continue;
      bool conn = connected(i);
      if (next == leaves.size() || (conn && !next_connected) ||
          (conn == next_connected && leaves[i].estimate < leaves[next].estimate)) {
        next = i;
        next_connected = conn;
      }
    }
    Leaf& leaf = leaves[next];
    joined[next] = true;
    const int left_width = static_cast<int>(order_columns.size());
    std::vector<int> to_local(static_cast<size_t>(total), -1);
    for (size_t p = 0; p < order_columns.size(); p++) to_local[static_cast<size_t>(order_columns[p])] = static_cast<int>(p);
    for (int i = 0; i < leaf.width; i++) to_local[static_cast<size_t>(leaf.first_column + i)] = left_width + i;

    std::vector<BoundExprPtr> lkeys, rkeys;
    BoundExprPtr residual;
    for (auto& c : conjuncts) {
      if (c.used) continue;
      bool covered = true;
      for (int l : c.leaves) covered &= joined[static_cast<size_t>(l)];
      if (!covered) continue;
      c.used = true;
      Remap(c.expr.get(), to_local);
      if (IsEquality(*c.expr) && c.leaves.count(static_cast<int>(next)) && c.leaves.size() > 1) {
        std::set<int> a, b;
        Columns(*c.expr->children[0], &a);
        Columns(*c.expr->children[1], &b);
        auto left_only = [&](const std::set<int>& s) { return !s.empty() && *s.rbegin() < left_width; };
        auto right_only = [&](const std::set<int>& s) { return !s.empty() && *s.begin() >= left_width; };
        int side = left_only(a) && right_only(b) ? 0 : (left_only(b) && right_only(a) ? 1 : -1);
        if (side >= 0) {
          BoundExprPtr lk = std::move(c.expr->children[side]);
          BoundExprPtr rk = std::move(c.expr->children[1 - side]);
          std::vector<int> shift(static_cast<size_t>(left_width + leaf.width), -1);
          for (int i = 0; i < leaf.width; i++) shift[static_cast<size_t>(left_width + i)] = i;
          Remap(rk.get(), shift);
          lkeys.push_back(std::move(lk));
          rkeys.push_back(std::move(rk));
          continue;
        }
      }
      residual = MakeAnd(std::move(residual), std::move(c.expr));
    }
    if (!lkeys.empty()) {
      estimate = std::max(estimate, leaf.estimate);
      current = std::make_unique<HashJoin>(std::move(current), std::move(leaf.op), false, std::move(lkeys),
                                           std::move(rkeys), std::move(residual));
    } else {
      estimate *= leaf.estimate;
      current = std::make_unique<NestedLoopJoin>(std::move(current), std::move(leaf.op), false, std::move(residual));
    }
    for (int i = 0; i < leaf.width; i++) order_columns.push_back(leaf.first_column + i);
  }

  // Conjuncts that read no column at all (WHERE 1 = 0).
  BoundExprPtr rest;
  for (auto& c : conjuncts) {
    if (!c.used) rest = MakeAnd(std::move(rest), std::move(c.expr));
  }
  if (rest) current = std::make_unique<Filter>(std::move(current), std::move(rest));

  // Put the columns back in FROM order.
  bool in_order = true;
  for (size_t p = 0; p < order_columns.size(); p++) in_order &= order_columns[p] == static_cast<int>(p);
  if (!in_order) {
    std::vector<int> position(static_cast<size_t>(total));
    for (size_t p = 0; p < order_columns.size(); p++) position[static_cast<size_t>(order_columns[p])] = static_cast<int>(p);
    std::vector<BoundExprPtr> exprs;
    for (int g = 0; g < total; g++) exprs.push_back(MakeColumn(position[static_cast<size_t>(g)], scope->columns[g].type));
    current = std::make_unique<Projection>(std::move(current), std::move(exprs));
  }
  for (const Expr* w : semi_candidates) {
    KODIAK_ASSIGN_OR_RETURN(bool done, TryDecorrelate(*w, *scope, &current));
    if (done) continue;
    ExprContext ctx{scope, nullptr, "WHERE"};
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*w, ctx));
    KODIAK_ASSIGN_OR_RETURN(b, ToBool(std::move(b), "WHERE"));
    current = std::make_unique<Filter>(std::move(current), std::move(b));
  }
  for (const Expr* w : scalar_candidates) {
    KODIAK_RETURN_IF_ERROR(DecorrelateScalars(*w, scope, &current));
    ExprContext ctx{scope, nullptr, "WHERE"};
    KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*w, ctx));
    KODIAK_ASSIGN_OR_RETURN(b, ToBool(std::move(b), "WHERE"));
    current = std::make_unique<Filter>(std::move(current), std::move(b));
  }
  return current;
}

}  // namespace kodiak::sql
