#include "sql/execution/grouping_sets.h"

#include <algorithm>

namespace kodiak::sql {

namespace {

std::vector<LogicalType> OutputTypes(const std::vector<BoundExprPtr>& groups, const std::vector<BoundAggregate>& aggs) {
  std::vector<LogicalType> out;
  for (const auto& g : groups) out.push_back(g->type);
  for (const auto& a : aggs) out.push_back(a.type);
  return out;
}

}  // namespace

GroupingSets::GroupingSets(OperatorPtr child, std::vector<BoundExprPtr> groups, std::vector<BoundAggregate> aggregates,
                           std::vector<std::vector<size_t>> sets)
    : PhysicalOperator(OutputTypes(groups, aggregates)),
      groups_(std::move(groups)),
      aggregates_(std::move(aggregates)),
      sets_(std::move(sets)) {
  AddChild(std::move(child));
}

Status GroupingSets::Run(ExecContext& ctx) {
  auto rows = std::make_shared<WorkingTable>();
  KODIAK_ASSIGN_OR_RETURN(rows->batches, CollectAll(*children_[0], ctx));
  for (const auto& set : sets_) {
    auto in_set = [&](size_t g) { return std::find(set.begin(), set.end(), g) != set.end(); };
    // Group columns outside the set are NULL; grouping(...) gets the set's bits.
    std::vector<BoundExprPtr> groups;
    for (size_t g = 0; g < groups_.size(); g++) {
      groups.push_back(in_set(g) ? groups_[g]->Clone() : MakeConstant(Value::Null(groups_[g]->type)));
    }
    std::vector<BoundAggregate> aggs;
    for (const auto& a : aggregates_) {
      BoundAggregate c = a.Clone();
      if (c.kind == AggregateKind::kGrouping) {
        c.grouping_value = 0;
        for (int g : c.grouping) c.grouping_value = (c.grouping_value << 1) | (in_set(static_cast<size_t>(g)) ? 0 : 1);
      }
      aggs.push_back(std::move(c));
    }
    OperatorPtr aggregate;
    auto input = std::make_unique<WorkingTableScan>("grouping set", rows, children_[0]->types());
    if (set.empty()) {
      // The () set is one group, even over no rows: aggregate without keys,
      // then put the NULL group columns in front.
      const size_t naggs = aggs.size();
      aggregate = std::make_unique<HashAggregate>(std::move(input), std::vector<BoundExprPtr>{}, std::move(aggs));
      std::vector<BoundExprPtr> exprs = std::move(groups);
      for (size_t a = 0; a < naggs; a++) exprs.push_back(MakeColumn(static_cast<int>(a), aggregates_[a].type));
      aggregate = std::make_unique<Projection>(std::move(aggregate), std::move(exprs));
    } else {
      aggregate = std::make_unique<HashAggregate>(std::move(input), std::move(groups), std::move(aggs));
    }
    KODIAK_ASSIGN_OR_RETURN(std::vector<BatchPtr> out, CollectAll(*aggregate, ctx));
    for (auto& b : out) output_.push_back(std::move(b));
  }
  return Status::OK();
}

Result<BatchPtr> GroupingSets::Next(ExecContext& ctx) {
  if (!done_) {
    done_ = true;
    KODIAK_RETURN_IF_ERROR(Run(ctx));
  }
  if (next_ >= output_.size()) return BatchPtr();
  return output_[next_++];
}

std::string GroupingSets::Describe() const {
  std::string out = "GroupingSets";
  for (size_t s = 0; s < sets_.size(); s++) {
    out += s ? ", (" : " (";
    for (size_t i = 0; i < sets_[s].size(); i++) out += (i ? ", " : "") + groups_[sets_[s][i]]->ToString();
    out += ")";
  }
  if (!aggregates_.empty()) {
    out += " aggregates:";
    for (size_t i = 0; i < aggregates_.size(); i++) out += (i ? ", " : " ") + aggregates_[i].ToString();
  }
  return out;
}

void GroupingSets::Expressions(std::vector<const BoundExpr*>* out) const {
  for (const auto& g : groups_) out->push_back(g.get());
  for (const auto& a : aggregates_) {
    if (a.arg) out->push_back(a.arg.get());
  }
}

}  // namespace kodiak::sql
