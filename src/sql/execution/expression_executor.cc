#include "sql/execution/expression_executor.h"

#include "columnar/vector_ops.h"
#include "sql/execution/cast.h"
#include "sql/execution/kernels.h"
#include "sql/execution/subquery.h"
#include "sql/execution/user_call.h"
#include "sql/function/scalar_function.h"

namespace kodiak::sql {

namespace {

// RAISE and recursive calls must not run for rows that did not choose their
// branch: the first would fail, the second might never end.
bool ContainsRaise(const BoundExpr& e) {
  if (e.kind == BoundKind::kRaise || e.kind == BoundKind::kUserCall) return true;
  for (const auto& c : e.children) {
    if (ContainsRaise(*c)) return true;
  }
  return false;
}

// A CASE branch that can RAISE (or call a recursive function) runs on the
// rows that chose it only, so a RAISE fires for those rows (and its details
// are theirs); the other rows get NULL, which the CASE never picks.
Result<VectorPtr> EvaluateBranch(const BoundExpr& branch, const Batch& batch, const std::vector<int32_t>& which,
                                 int32_t slot, ExecContext* ctx) {
  if (!ContainsRaise(branch)) return Evaluate(branch, batch, ctx);
  std::vector<int64_t> rows, position(static_cast<size_t>(batch.num_rows), -1);
  for (int64_t i = 0; i < batch.num_rows; i++) {
    if (which[static_cast<size_t>(i)] == slot) {
      position[static_cast<size_t>(i)] = static_cast<int64_t>(rows.size());
      rows.push_back(i);
    }
  }
  BatchPtr chosen = TakeBatch(batch, rows);
  KODIAK_ASSIGN_OR_RETURN(VectorPtr part, Evaluate(branch, *chosen, ctx));
  return TakeVector(*part, position.data(), batch.num_rows);
}

Result<VectorPtr> EvaluateCase(const BoundExpr& e, const Batch& batch, ExecContext* ctx) {
  const int64_t n = batch.num_rows;
  size_t else_index = e.children.size() - 1;
  size_t branches = else_index / 2;
  std::vector<int32_t> which(static_cast<size_t>(n), -1);
  std::vector<VectorPtr> results;
  std::vector<const Vector*> sources;
  int64_t undecided = n;
  for (size_t b = 0; b < branches && undecided > 0; b++) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr cond, Evaluate(*e.children[2 * b], batch, ctx));
    bool any = false;
    for (int64_t i = 0; i < n; i++) {
      if (which[i] < 0 && cond->IsValid(i) && cond->GetBool(i)) {
        which[i] = static_cast<int32_t>(b);
        any = true;
        undecided--;
      }
    }
    VectorPtr then;
    if (any) {
      KODIAK_ASSIGN_OR_RETURN(then, EvaluateBranch(*e.children[2 * b + 1], batch, which, static_cast<int32_t>(b), ctx));
    } else {
      then = MakeConstantVector(e.type, Value::Null(e.type), n);
    }
    results.push_back(then);
  }
  while (results.size() < branches) results.push_back(MakeConstantVector(e.type, Value::Null(e.type), n));
  int32_t else_slot = static_cast<int32_t>(branches);
  if (undecided > 0) {
    for (auto& w : which) {
      if (w < 0) w = else_slot;
    }
    KODIAK_ASSIGN_OR_RETURN(VectorPtr other, EvaluateBranch(*e.children[else_index], batch, which, else_slot, ctx));
    results.push_back(other);
  }
  for (const auto& r : results) sources.push_back(r.get());
  return SelectFrom(e.type, sources, which.data(), n);
}

Result<VectorPtr> EvaluateImpl(const BoundExpr& e, const Batch& batch, ExecContext* ctx);

// RAISE: an error as soon as any row reaches it.
Result<VectorPtr> EvaluateRaise(const BoundExpr& e, const Batch& batch, ExecContext* ctx) {
  if (batch.num_rows == 0) return MakeConstantVector(e.type, Value::Null(e.type), 0);
  std::string text = e.value.str_value();  // "E: message (in function f, line L)"
  if (!e.children.empty()) {
    Batch first(batch.columns, 1);
    for (auto& c : first.columns) c = SliceVector(*c, 0, 1);
    KODIAK_ASSIGN_OR_RETURN(VectorPtr details, Evaluate(*e.children[0], first, ctx));
    if (!details->IsNull(0)) {
      size_t colon = text.find(':'), paren = text.rfind(" (in function");
      text = text.substr(0, colon) + ": " + details->GetValue(0).ToString() +
             (paren == std::string::npos ? "" : text.substr(paren));
    }
  }
  return Status(StatusCode::kRaised, text);
}

// The index of the CATCH arm that takes a raised `status`, or -1.
int CatchArm(const BoundExpr& e, const Status& status) {
  if (status.code() != StatusCode::kRaised) return -1;
  const std::string& raised = status.message();
  const std::string name = raised.substr(0, raised.find(':'));
  const std::string& names = e.value.str_value();
  size_t start = 0;
  for (int i = 0;; i++) {
    size_t end = names.find(',', start);
    std::string n = names.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (n == "_" || n == name) return i;
    if (end == std::string::npos) return -1;
    start = end + 1;
  }
}

// TRY: the value, or row by row where it raises a caught exception.
Result<VectorPtr> EvaluateTry(const BoundExpr& e, const Batch& batch, ExecContext* ctx) {
  auto whole = Evaluate(*e.children[0], batch, ctx);
  if (whole.ok() || CatchArm(e, whole.status()) < 0) return whole;
  VectorBuilder out(e.type, batch.num_rows);
  for (int64_t i = 0; i < batch.num_rows; i++) {
    Batch row(batch.columns, 1);
    for (auto& c : row.columns) c = SliceVector(*c, i, 1);
    auto v = Evaluate(*e.children[0], row, ctx);
    if (!v.ok()) {
      int arm = CatchArm(e, v.status());
      if (arm < 0) return v.status();
      v = Evaluate(*e.children[1 + static_cast<size_t>(arm)], row, ctx);
      if (!v.ok()) return v.status();
    }
    out.AppendFrom(**v, 0);
  }
  return out.Finish();
}

Result<VectorPtr> EvaluateImpl(const BoundExpr& e, const Batch& batch, ExecContext* ctx) {
  const int64_t n = batch.num_rows;
  switch (e.kind) {
    case BoundKind::kConstant: return MakeConstantVector(e.type, e.value, n);
    case BoundKind::kColumn: return batch.columns[static_cast<size_t>(e.column)];
    case BoundKind::kCast: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr in, Evaluate(*e.children[0], batch, ctx));
      return CastVector(in, e.type, e.try_cast);
    }
    case BoundKind::kArith: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr b, Evaluate(*e.children[1], batch, ctx));
      return ArithmeticKernel(e.op, *a, *b, e.type);
    }
    case BoundKind::kCompare: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr b, Evaluate(*e.children[1], batch, ctx));
      return CompareKernel(e.op, *a, *b);
    }
    case BoundKind::kAnd: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr b, Evaluate(*e.children[1], batch, ctx));
      return AndKernel(*a, *b);
    }
    case BoundKind::kOr: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr b, Evaluate(*e.children[1], batch, ctx));
      return OrKernel(*a, *b);
    }
    case BoundKind::kNot: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      return NotKernel(*a);
    }
    case BoundKind::kNegate: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      return NegateKernel(*a);
    }
    case BoundKind::kIsNull: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      return IsNullKernel(*a, e.negated);
    }
    case BoundKind::kIsDistinct: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr b, Evaluate(*e.children[1], batch, ctx));
      return IsDistinctKernel(*a, *b, e.negated);
    }
    case BoundKind::kConcat: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr b, Evaluate(*e.children[1], batch, ctx));
      return ConcatKernel(*a, *b);
    }
    case BoundKind::kLike: {
      KODIAK_ASSIGN_OR_RETURN(VectorPtr s, Evaluate(*e.children[0], batch, ctx));
      KODIAK_ASSIGN_OR_RETURN(VectorPtr p, Evaluate(*e.children[1], batch, ctx));
      VectorPtr esc;
      if (e.children.size() > 2) {
        KODIAK_ASSIGN_OR_RETURN(esc, Evaluate(*e.children[2], batch, ctx));
      }
      return LikeKernel(*s, *p, esc.get(), e.negated, e.case_insensitive);
    }
    case BoundKind::kCase: return EvaluateCase(e, batch, ctx);
    case BoundKind::kSubquery: return e.subquery->Evaluate(e, batch, ctx);
    case BoundKind::kRaise: return EvaluateRaise(e, batch, ctx);
    case BoundKind::kTry: return EvaluateTry(e, batch, ctx);
    case BoundKind::kUserCall: return EvaluateUserCall(e, batch, ctx);
    case BoundKind::kParameter: return MakeConstantVector(e.type, e.frame->values[static_cast<size_t>(e.column)], n);
    case BoundKind::kFunction: {
      std::vector<VectorPtr> args;
      for (const auto& c : e.children) {
        KODIAK_ASSIGN_OR_RETURN(VectorPtr a, Evaluate(*c, batch, ctx));
        args.push_back(std::move(a));
      }
      return e.function->exec(args, n, e.type);
    }
  }
  return Status::Internal("unknown expression kind");
}

}  // namespace

Result<VectorPtr> Evaluate(const BoundExpr& expr, const Batch& batch, ExecContext* ctx) {
  auto r = EvaluateImpl(expr, batch, ctx);
  if (!r.ok() && r.status().position() < 0 && expr.pos >= 0) return r.status().WithPosition(expr.pos);
  return r;
}

Result<Value> EvaluateConstant(const BoundExpr& expr, ExecContext* ctx) {
  Batch one({}, 1);
  KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(expr, one, ctx));
  return v->GetValue(0);
}

}  // namespace kodiak::sql
