#include "sql/execution/subquery.h"

#include "columnar/key_encoder.h"
#include "sql/execution/expression_executor.h"

namespace kodiak::sql {

const void* SubquerySource(const SubqueryPlan& plan) { return plan.source; }

Result<const SubqueryPlan::Outcome*> SubqueryPlan::Run(const BoundExpr& e, const std::string& memo_key,
                                                       ExecContext& ctx) {
  auto it = memo_.find(memo_key);
  if (it != memo_.end()) return it->second.get();
  KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
  plan->Reset();
  auto out = std::make_unique<Outcome>();
  switch (e.subquery_kind) {
    case SubqueryKind::kExists: {
      while (!out->any_row) {
        KODIAK_ASSIGN_OR_RETURN(BatchPtr b, plan->Next(ctx));
        if (!b) break;
        out->any_row = b->num_rows > 0;
      }
      break;
    }
    case SubqueryKind::kScalar: {
      out->scalar = Value::Null(e.type);
      int64_t rows = 0;
      while (true) {
        KODIAK_ASSIGN_OR_RETURN(BatchPtr b, plan->Next(ctx));
        if (!b) break;
        if (b->num_rows == 0) continue;
        if (rows + b->num_rows > 1) {
          return Status(StatusCode::kConstraint,
                        "a subquery used as a value returned more than one row", e.pos,
                        "add LIMIT 1, an aggregate such as max(), or a WHERE that selects one row; "
                        "use IN or EXISTS to test against many rows");
        }
        out->scalar = b->columns[0]->GetValue(0);
        rows += b->num_rows;
      }
      break;
    }
    case SubqueryKind::kIn:
    case SubqueryKind::kAny:
    case SubqueryKind::kAll: {
      const bool bounds = e.subquery_kind != SubqueryKind::kIn;
      std::vector<std::string> keys;
      while (true) {
        KODIAK_ASSIGN_OR_RETURN(BatchPtr b, plan->Next(ctx));
        if (!b) break;
        if (b->num_rows == 0) continue;
        out->any_row = true;
        std::vector<KeyColumn> cols{KeyColumn{b->columns[0].get()}};
        EncodeKeys(cols, b->num_rows, &keys);
        for (int64_t i = 0; i < b->num_rows; i++) {
          if (b->columns[0]->IsNull(i)) {
            out->has_null = true;
          } else {
            out->keys.insert(keys[static_cast<size_t>(i)]);
            if (!bounds) continue;
            Value v = b->columns[0]->GetValue(i);
            if (out->min.is_null()) {
              out->min = out->max = v;
            } else {
              if (v.Compare(out->min) < 0) out->min = v;
              if (v.Compare(out->max) > 0) out->max = v;
            }
            out->several = out->keys.size() > 1;
          }
        }
      }
      break;
    }
  }
  const Outcome* result = out.get();
  memo_.emplace(memo_key, std::move(out));
  return result;
}

Value SubqueryPlan::Quantified(const BoundExpr& e, const Outcome& o, const Value& x, const std::string& key) {
  const bool all = e.subquery_kind == SubqueryKind::kAll;
  const bool any_value = !o.keys.empty();
  // Whether some non-NULL row compares TRUE (ANY) or FALSE (ALL).
  bool decisive = false;
  if (any_value) {
    auto holds = [&](const Value& s) {
      int c = x.Compare(s);
      switch (e.op) {
        case BinaryOp::kLt: return c < 0;
        case BinaryOp::kLtEq: return c <= 0;
        case BinaryOp::kGt: return c > 0;
        case BinaryOp::kGtEq: return c >= 0;
        default: return false;
      }
    };
    switch (e.op) {
      case BinaryOp::kEq:
        decisive = all ? (o.several || !o.keys.count(key)) : o.keys.count(key) > 0;
        break;
      case BinaryOp::kNotEq:
        decisive = all ? o.keys.count(key) > 0 : (o.several || !o.keys.count(key));
        break;
      case BinaryOp::kLt:
      case BinaryOp::kLtEq:
        // ANY: x below the largest; ALL: fails when x is not below the smallest.
        decisive = all ? !holds(o.min) : holds(o.max);
        break;
      default:  // > and >=
        decisive = all ? !holds(o.max) : holds(o.min);
        break;
    }
  }
  if (decisive) return Value::Bool(!all);
  if (o.has_null) return Value::Null(TypeId::kBool);
  return Value::Bool(all);
}

Result<VectorPtr> SubqueryPlan::Evaluate(const BoundExpr& e, const Batch& batch, ExecContext* ctx_in) {
  ExecContext local(nullptr, nullptr);
  ExecContext& ctx = ctx_in ? *ctx_in : local;
  const int64_t n = batch.num_rows;
  const size_t first = static_cast<size_t>(e.first_correlation);

  // The outer values, one vector per correlation, and each row's memo key.
  std::vector<VectorPtr> outer;
  for (size_t i = first; i < e.children.size(); i++) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, sql::Evaluate(*e.children[i], batch, &ctx));
    outer.push_back(std::move(v));
  }
  std::vector<std::string> memo_keys;
  if (!outer.empty()) {
    std::vector<KeyColumn> cols;
    for (const auto& v : outer) cols.push_back(KeyColumn{v.get()});
    EncodeKeys(cols, n, &memo_keys);
  }
  static const std::string kNoKey;
  auto outcome_for = [&](int64_t row) -> Result<const Outcome*> {
    if (outer.empty()) return Run(e, kNoKey, ctx);
    const std::string& key = memo_keys[static_cast<size_t>(row)];
    if (!memo_.count(key)) {
      frame->values.resize(outer.size());
      for (size_t c = 0; c < outer.size(); c++) frame->values[c] = outer[c]->GetValue(row);
    }
    return Run(e, key, ctx);
  };

  if (e.subquery_kind == SubqueryKind::kScalar) {
    VectorBuilder out(e.type, n);
    for (int64_t i = 0; i < n; i++) {
      KODIAK_ASSIGN_OR_RETURN(const Outcome* o, outcome_for(i));
      out.Append(o->scalar);
    }
    return out.Finish();
  }
  if (e.subquery_kind == SubqueryKind::kExists) {
    VectorBuilder out(TypeId::kBool, n);
    for (int64_t i = 0; i < n; i++) {
      KODIAK_ASSIGN_OR_RETURN(const Outcome* o, outcome_for(i));
      out.Append(Value::Bool(o->any_row != e.negated));
    }
    return out.Finish();
  }
  // IN: encode the tested values the same way the subquery's rows were.
  KODIAK_ASSIGN_OR_RETURN(VectorPtr tested, sql::Evaluate(*e.children[0], batch, &ctx));
  std::vector<std::string> keys;
  std::vector<KeyColumn> cols{KeyColumn{tested.get()}};
  EncodeKeys(cols, n, &keys);
  VectorBuilder out(TypeId::kBool, n);
  for (int64_t i = 0; i < n; i++) {
    KODIAK_ASSIGN_OR_RETURN(const Outcome* o, outcome_for(i));
    if (!o->any_row) {
      // Nothing to compare with: IN and ANY are false, ALL is true.
      out.Append(Value::Bool((e.subquery_kind == SubqueryKind::kAll) != e.negated));
    } else if (tested->IsNull(i)) {
      out.AppendNull();
    } else if (e.subquery_kind != SubqueryKind::kIn) {
      Value r = Quantified(e, *o, tested->GetValue(i), keys[static_cast<size_t>(i)]);
      if (!r.is_null() && e.negated) r = Value::Bool(!r.bool_value());
      out.Append(r);
    } else if (!e.incomparable && o->keys.count(keys[static_cast<size_t>(i)])) {
      out.Append(Value::Bool(!e.negated));
    } else if (o->has_null) {
      out.AppendNull();
    } else {
      out.Append(Value::Bool(e.negated));
    }
  }
  return out.Finish();
}

}  // namespace kodiak::sql
