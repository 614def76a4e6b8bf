// MERGE INTO target USING source ON condition WHEN [NOT] MATCHED ... THEN ...
// (PostgreSQL 15 / DuckDB / SQL:2003).
//
// Each source row is matched with the target rows the ON condition accepts
// (hashing on its equalities between a target and a source expression, the
// rest checked per pair). A matched pair takes the first WHEN MATCHED clause
// whose AND condition holds (UPDATE SET ..., DELETE or DO NOTHING); an
// unmatched source row takes the first WHEN NOT MATCHED clause (INSERT or DO
// NOTHING). A target row matched by two source rows is an error, as in
// PostgreSQL. The new version is checked like any write.
#include <algorithm>
#include <unordered_map>

#include "columnar/key_encoder.h"
#include "columnar/vector_ops.h"
#include "common/strings.h"
#include "main/session.h"
#include "sql/execution/cast.h"
#include "sql/execution/expression_executor.h"
#include "sql/parser/parser.h"
#include "storage/memory_store/table_writer.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

BatchPtr Concat(const std::vector<BatchPtr>& parts, const std::vector<LogicalType>& types) {
  if (!parts.empty()) return ConcatBatches(parts);
  auto b = std::make_shared<Batch>();
  for (const auto& t : types) b->columns.push_back(std::make_shared<Vector>(t, 0));
  return b;
}

// target[t[i]] ++ source[s[i]] for each pair.
BatchPtr Pairs(const Batch& target, const Batch& source, const std::vector<int64_t>& t, const std::vector<int64_t>& s) {
  auto out = std::make_shared<Batch>();
  out->num_rows = static_cast<int64_t>(t.size());
  for (const auto& c : target.columns) out->columns.push_back(TakeVector(*c, t.data(), out->num_rows));
  for (const auto& c : source.columns) out->columns.push_back(TakeVector(*c, s.data(), out->num_rows));
  return out;
}

void Bounds(const BoundExpr& e, int* lo, int* hi) {
  if (e.kind == BoundKind::kColumn) {
    *lo = std::min(*lo, e.column);
    *hi = std::max(*hi, e.column);
  }
  for (const auto& c : e.children) Bounds(*c, lo, hi);
}

void Shift(BoundExpr* e, int by) {
  if (e->kind == BoundKind::kColumn) e->column -= by;
  for (auto& c : e->children) Shift(c.get(), by);
}

std::vector<bool> Mask(const Vector& v) {
  std::vector<bool> out(static_cast<size_t>(v.length()));
  for (int64_t i = 0; i < v.length(); i++) out[static_cast<size_t>(i)] = v.IsValid(i) && v.GetBool(i);
  return out;
}

}  // namespace

Result<QueryResult> Session::RunMerge(const MergeStatement& stmt, Transaction& txn) {
  Binder binder(txn.snapshot(), variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  KODIAK_RETURN_IF_ERROR(CheckWritable(*table, "MERGE INTO", stmt.pos));
  const std::string alias = stmt.alias.empty() ? table->name : stmt.alias;
  const int nt = static_cast<int>(table->columns.size());

  Scope source_scope;
  KODIAK_ASSIGN_OR_RETURN(OperatorPtr source_plan, binder.BindSource(*stmt.source, &source_scope));
  Scope both;
  for (const auto& c : table->columns) both.columns.push_back({alias, c.name, c.type});
  for (const auto& c : source_scope.columns) {
    if (AsciiLower(c.table) == AsciiLower(alias)) {
      return Status(StatusCode::kBinderError, "MERGE's target and source are both called '" + alias + "'",
                    stmt.source->pos, "give one of them an alias");
    }
    both.columns.push_back(c);
  }
  ExecContext ctx(&interrupted_, &progress_);
  KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> source_parts, CollectAll(*source_plan, ctx));
  BatchPtr source = Concat(source_parts, source_plan->types());
  BatchPtr target = Concat(table->data->batches, table->ColumnTypes());

  // Match: hash the ON equalities between a target side and a source side.
  KODIAK_ASSIGN_OR_RETURN(BoundExprPtr on, binder.BindScopedExpr(*stmt.on, both, "MERGE ... ON"));
  std::vector<BoundExprPtr> conjuncts, tkeys, skeys;
  SplitConjuncts(on->Clone(), &conjuncts);
  for (auto& c : conjuncts) {
    if (c->kind != BoundKind::kCompare || c->op != BinaryOp::kEq) continue;
    int alo = INT32_MAX, ahi = -1, blo = INT32_MAX, bhi = -1;
    Bounds(*c->children[0], &alo, &ahi);
    Bounds(*c->children[1], &blo, &bhi);
    bool a_t = ahi >= 0 && ahi < nt, a_s = ahi >= 0 && alo >= nt;
    bool b_t = bhi >= 0 && bhi < nt, b_s = bhi >= 0 && blo >= nt;
    if ((a_t && b_s) || (a_s && b_t)) {
      BoundExprPtr t = c->children[a_t ? 0 : 1]->Clone();
      BoundExprPtr s = c->children[a_t ? 1 : 0]->Clone();
      Shift(s.get(), nt);
      tkeys.push_back(std::move(t));
      skeys.push_back(std::move(s));
    }
  }
  std::vector<int64_t> cand_t, cand_s;
  if (!tkeys.empty()) {
    auto encode = [&](const std::vector<BoundExprPtr>& exprs, const Batch& b, std::vector<std::string>* keys,
                      std::vector<bool>* nulls) -> Status {
      std::vector<VectorPtr> vs;
      std::vector<KeyColumn> cols;
      for (const auto& e : exprs) {
        KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*e, b, &ctx));
        vs.push_back(v);
      }
      for (const auto& v : vs) cols.push_back(KeyColumn{v.get()});
      EncodeKeys(cols, b.num_rows, keys);
      nulls->assign(static_cast<size_t>(b.num_rows), false);
      for (int64_t i = 0; i < b.num_rows; i++) (*nulls)[static_cast<size_t>(i)] = AnyNull(cols, i);
      return Status::OK();
    };
    std::vector<std::string> tk, sk;
    std::vector<bool> tn, sn;
    KODIAK_RETURN_IF_ERROR(encode(tkeys, *target, &tk, &tn));
    KODIAK_RETURN_IF_ERROR(encode(skeys, *source, &sk, &sn));
    std::unordered_multimap<std::string, int64_t> index;
    for (int64_t i = 0; i < target->num_rows; i++) {
      if (!tn[static_cast<size_t>(i)]) index.emplace(tk[static_cast<size_t>(i)], i);
    }
    for (int64_t s = 0; s < source->num_rows; s++) {
      if (sn[static_cast<size_t>(s)]) continue;
      auto [lo, hi] = index.equal_range(sk[static_cast<size_t>(s)]);
      for (auto it = lo; it != hi; ++it) {
        cand_t.push_back(it->second);
        cand_s.push_back(s);
      }
    }
  } else {
    for (int64_t s = 0; s < source->num_rows; s++) {
      for (int64_t t = 0; t < target->num_rows; t++) {
        cand_t.push_back(t);
        cand_s.push_back(s);
      }
    }
  }
  BatchPtr candidates = Pairs(*target, *source, cand_t, cand_s);
  KODIAK_ASSIGN_OR_RETURN(VectorPtr on_mask, Evaluate(*on, *candidates, &ctx));
  std::vector<int64_t> match_t, match_s;
  std::vector<int64_t> matched_by(static_cast<size_t>(target->num_rows), -1);
  std::vector<bool> source_matched(static_cast<size_t>(source->num_rows), false);
  for (size_t i = 0; i < cand_t.size(); i++) {
    if (!(on_mask->IsValid(static_cast<int64_t>(i)) && on_mask->GetBool(static_cast<int64_t>(i)))) continue;
    if (matched_by[static_cast<size_t>(cand_t[i])] >= 0) {
      return Status(StatusCode::kConstraint,
                    "MERGE matched one row of " + table->name + " with more than one source row", stmt.pos,
                    "make the ON condition match each target row at most once");
    }
    matched_by[static_cast<size_t>(cand_t[i])] = cand_s[i];
    source_matched[static_cast<size_t>(cand_s[i])] = true;
    match_t.push_back(cand_t[i]);
    match_s.push_back(cand_s[i]);
  }

  // WHEN MATCHED: the first clause whose condition holds decides each pair.
  BatchPtr pairs = Pairs(*target, *source, match_t, match_s);
  std::vector<int> decided(match_t.size(), -1);
  std::vector<std::vector<std::pair<int, VectorPtr>>> updates(stmt.clauses.size());
  for (size_t k = 0; k < stmt.clauses.size(); k++) {
    const MergeClause& c = stmt.clauses[k];
    if (!c.matched) continue;
    std::vector<bool> holds(match_t.size(), true);
    if (c.condition) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr cond, binder.BindScopedExpr(*c.condition, both, "WHEN MATCHED AND"));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr m, Evaluate(*cond, *pairs, &ctx));
      holds = Mask(*m);
    }
    for (size_t i = 0; i < match_t.size(); i++) {
      if (decided[i] < 0 && holds[i]) decided[i] = static_cast<int>(k);
    }
    for (const auto& [name, expr] : c.sets) {
      KODIAK_ASSIGN_OR_RETURN(std::string col, binder.ResolveName(name));
      int idx = table->FindColumn(col);
      if (idx < 0) {
        return Status(StatusCode::kBinderError, "table " + table->name + " has no column '" + col + "'", name.pos);
      }
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr v, binder.BindScopedExpr(*expr, both, "WHEN MATCHED THEN UPDATE"));
      KODIAK_ASSIGN_OR_RETURN(v, binder.CastTo(std::move(v), table->columns[static_cast<size_t>(idx)].type));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr values, Evaluate(*v, *pairs, &ctx));
      auto& list = updates[k];
      auto same = std::find_if(list.begin(), list.end(), [&](const auto& s) { return s.first == idx; });
      if (same != list.end()) same->second = values;
      else list.emplace_back(idx, values);
    }
  }

  // The target's new rows: deleted ones dropped, updated ones changed.
  std::vector<int64_t> pair_of(static_cast<size_t>(target->num_rows), -1);
  for (size_t i = 0; i < match_t.size(); i++) pair_of[static_cast<size_t>(match_t[i])] = static_cast<int64_t>(i);
  uint64_t changed = 0;
  std::vector<VectorBuilder> kept;
  for (const auto& c : table->columns) kept.emplace_back(c.type, target->num_rows);
  int64_t kept_rows = 0;
  for (int64_t r = 0; r < target->num_rows; r++) {
    const int64_t p = pair_of[static_cast<size_t>(r)];
    const int k = p >= 0 ? decided[static_cast<size_t>(p)] : -1;
    const MergeClause::Action action = k >= 0 ? stmt.clauses[static_cast<size_t>(k)].action : MergeClause::Action::kNothing;
    if (action == MergeClause::Action::kDelete) {
      changed++;
      continue;
    }
    for (int c = 0; c < nt; c++) {
      const VectorPtr* set = nullptr;
      if (action == MergeClause::Action::kUpdate) {
        for (const auto& s : updates[static_cast<size_t>(k)]) {
          if (s.first == c) set = &s.second;
        }
      }
      if (set) kept[static_cast<size_t>(c)].AppendFrom(**set, p);
      else kept[static_cast<size_t>(c)].AppendFrom(*target->columns[static_cast<size_t>(c)], r);
    }
    if (action == MergeClause::Action::kUpdate) changed++;
    kept_rows++;
  }
  auto next_rows = std::make_shared<Batch>();
  next_rows->num_rows = kept_rows;
  for (auto& b : kept) next_rows->columns.push_back(b.Finish());

  // WHEN NOT MATCHED: the unmatched source rows, inserted by the first clause that takes them.
  std::vector<int64_t> unmatched;
  for (int64_t s = 0; s < source->num_rows; s++) {
    if (!source_matched[static_cast<size_t>(s)]) unmatched.push_back(s);
  }
  BatchPtr rest = TakeBatch(*source, unmatched);
  std::vector<int> takes(unmatched.size(), -1);
  std::vector<VectorBuilder> inserts;
  for (const auto& c : table->columns) inserts.emplace_back(c.type);
  int64_t inserted = 0;
  for (size_t k = 0; k < stmt.clauses.size(); k++) {
    const MergeClause& c = stmt.clauses[k];
    if (c.matched) continue;
    std::vector<bool> holds(unmatched.size(), true);
    if (c.condition) {
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr cond, binder.BindScopedExpr(*c.condition, source_scope, "WHEN NOT MATCHED AND"));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr m, Evaluate(*cond, *rest, &ctx));
      holds = Mask(*m);
    }
    std::vector<int64_t> mine;
    for (size_t i = 0; i < unmatched.size(); i++) {
      if (takes[i] < 0 && holds[i]) {
        takes[i] = static_cast<int>(k);
        mine.push_back(static_cast<int64_t>(i));
      }
    }
    if (c.action != MergeClause::Action::kInsert || mine.empty()) continue;
    BatchPtr these = TakeBatch(*rest, mine);
    // One value per table column: the listed ones from the clause, the others their DEFAULT.
    std::vector<int> target_cols;
    if (c.insert_columns.empty() && !c.default_values) {
      for (int i = 0; i < nt; i++) target_cols.push_back(i);
    }
    for (const auto& n : c.insert_columns) {
      KODIAK_ASSIGN_OR_RETURN(std::string col, binder.ResolveName(n));
      int idx = table->FindColumn(col);
      if (idx < 0) return Status(StatusCode::kBinderError, "table " + table->name + " has no column '" + col + "'", n.pos);
      target_cols.push_back(idx);
    }
    if (!c.default_values && target_cols.size() != c.insert_values.size()) {
      return Status(StatusCode::kBinderError,
                    "INSERT in MERGE names " + std::to_string(target_cols.size()) + " columns but gives " +
                        std::to_string(c.insert_values.size()) + " values",
                    c.pos);
    }
    std::vector<VectorPtr> columns(static_cast<size_t>(nt));
    for (size_t i = 0; i < target_cols.size(); i++) {
      const int col = target_cols[i];
      KODIAK_ASSIGN_OR_RETURN(BoundExprPtr v, binder.BindScopedExpr(*c.insert_values[i], source_scope, "WHEN NOT MATCHED THEN INSERT"));
      KODIAK_ASSIGN_OR_RETURN(v, binder.CastTo(std::move(v), table->columns[static_cast<size_t>(col)].type));
      KODIAK_ASSIGN_OR_RETURN(columns[static_cast<size_t>(col)], Evaluate(*v, *these, &ctx));
    }
    for (int col = 0; col < nt; col++) {
      if (columns[static_cast<size_t>(col)]) continue;
      const auto& def = table->columns[static_cast<size_t>(col)];
      Value v = Value::Null(def.type);
      if (!def.default_sql.empty()) {
        KODIAK_ASSIGN_OR_RETURN(ExprPtr ast, Parser::ParseExpression(def.default_sql));
        KODIAK_ASSIGN_OR_RETURN(BoundExprPtr b, binder.BindConstantExpr(*ast));
        KODIAK_ASSIGN_OR_RETURN(b, binder.CastTo(std::move(b), def.type));
        KODIAK_ASSIGN_OR_RETURN(v, EvaluateConstant(*b));
      }
      columns[static_cast<size_t>(col)] = MakeConstantVector(def.type, v, these->num_rows);
    }
    for (int col = 0; col < nt; col++) {
      for (int64_t r = 0; r < these->num_rows; r++) inserts[static_cast<size_t>(col)].AppendFrom(*columns[static_cast<size_t>(col)], r);
    }
    inserted += these->num_rows;
  }

  auto entry = std::make_shared<TableEntry>(*table);
  if (changed > 0) {
    KODIAK_ASSIGN_OR_RETURN(entry->data, ReplaceRows(*table, {next_rows}));
  }
  if (inserted > 0) {
    auto batch = std::make_shared<Batch>();
    batch->num_rows = inserted;
    for (auto& b : inserts) batch->columns.push_back(b.Finish());
    KODIAK_ASSIGN_OR_RETURN(InsertOutcome out, InsertRows(*entry, {batch}, OnConflict::kAbort));
    entry->data = out.data;
  }
  if (changed > 0 || inserted > 0) txn.PutTable(entry);
  return TagResult("MERGE", changed + static_cast<uint64_t>(inserted));
}

}  // namespace kodiak::internal
