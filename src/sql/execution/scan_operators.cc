#include "sql/execution/expression_executor.h"
#include "sql/execution/operators.h"

namespace kodiak::sql {

TableScan::TableScan(std::string table_name, std::shared_ptr<const TableData> data, std::vector<int> columns,
                     std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)),
      table_name_(std::move(table_name)),
      data_(std::move(data)),
      columns_(std::move(columns)) {}

Result<BatchPtr> TableScan::Next(ExecContext& ctx) {
  if (!started_) {
    started_ = true;
    ctx.AddTotalRows(static_cast<uint64_t>(data_->row_count));
  }
  KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
  if (next_ >= data_->batches.size()) return BatchPtr();
  const Batch& src = *data_->batches[next_++];
  auto out = std::make_shared<Batch>();
  out->num_rows = src.num_rows;
  for (int c : columns_) out->columns.push_back(src.columns[static_cast<size_t>(c)]);
  ctx.AddRowsScanned(static_cast<uint64_t>(src.num_rows));
  return BatchPtr(out);
}

std::string TableScan::Describe() const {
  return "TableScan " + table_name_ + " (" + std::to_string(columns_.size()) + " columns, " +
         std::to_string(data_->row_count) + " rows)";
}

ValuesScan::ValuesScan(std::vector<std::vector<BoundExprPtr>> rows, std::vector<LogicalType> types)
    : PhysicalOperator(std::move(types)), rows_(std::move(rows)) {}

Result<BatchPtr> ValuesScan::Next(ExecContext& ctx) {
  KODIAK_RETURN_IF_ERROR(ctx.CheckInterrupt());
  if (next_ >= rows_.size()) return BatchPtr();
  size_t end = std::min(rows_.size(), next_ + static_cast<size_t>(kBatchSize));
  auto out = std::make_shared<Batch>();
  out->num_rows = static_cast<int64_t>(end - next_);
  std::vector<VectorBuilder> builders;
  for (const auto& t : types_) builders.emplace_back(t, out->num_rows);
  for (size_t r = next_; r < end; r++) {
    for (size_t c = 0; c < types_.size(); c++) {
      const BoundExpr& e = *rows_[r][c];
      if (e.kind == BoundKind::kConstant) {  // the common case: a literal, already of the column's type
        builders[c].Append(e.value);
        continue;
      }
      KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(e, &ctx));
      builders[c].Append(v);
    }
  }
  for (auto& b : builders) out->columns.push_back(b.Finish());
  next_ = end;
  return BatchPtr(out);
}

std::string ValuesScan::Describe() const {
  return "Values (" + std::to_string(rows_.size()) + " rows)";
}

}  // namespace kodiak::sql
