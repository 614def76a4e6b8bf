#include "sql/execution/user_call.h"

#include "sql/execution/expression_executor.h"
#include "sql/execution/subquery.h"

namespace kodiak::sql {

Result<VectorPtr> EvaluateUserCall(const BoundExpr& e, const Batch& batch, ExecContext* ctx) {
  std::shared_ptr<CompiledFunction> held = e.compiled ? e.compiled : e.compiled_weak.lock();
  if (!held) return Status::Internal("a recursive call outlived its function");
  CompiledFunction& f = *held;
  if (!f.body) return Status::Internal("function " + f.name + " is called before it is compiled");
  std::vector<VectorPtr> args;
  for (const auto& c : e.children) {
    KODIAK_ASSIGN_OR_RETURN(VectorPtr v, Evaluate(*c, batch, ctx));
    args.push_back(std::move(v));
  }
  VectorBuilder out(e.type, batch.num_rows);
  Batch one({}, 1);
  for (int64_t i = 0; i < batch.num_rows; i++) {
    if (f.depth >= CompiledFunction::kMaxDepth) {
      return Status(StatusCode::kOutOfRange,
                    "function " + f.name + " called itself more than " + std::to_string(CompiledFunction::kMaxDepth) +
                        " times deep",
                    -1, "make sure every path reaches a case that does not call " + f.name + " again");
    }
    if (ctx) KODIAK_RETURN_IF_ERROR(ctx->CheckInterrupt());
    std::vector<Value> saved = f.frame->values;
    f.frame->values.resize(args.size());
    for (size_t k = 0; k < args.size(); k++) f.frame->values[k] = args[k]->GetValue(i);
    f.depth++;
    auto v = Evaluate(*f.body, one, ctx);
    f.depth--;
    f.frame->values = std::move(saved);
    if (!v.ok()) return v.status();
    out.Append((*v)->GetValue(0));
  }
  return out.Finish();
}

}  // namespace kodiak::sql
