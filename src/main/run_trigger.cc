// CREATE TRIGGER, DROP TRIGGER, and firing triggers.
//
// A trigger lives in its table's entry (TableEntry::triggers) as the text of
// its CREATE TRIGGER statement, so it commits, rolls back and is dropped with
// the table. When an INSERT, UPDATE or DELETE changes rows, the matching
// triggers run once per row, in creation order, inside the same transaction:
// the statements of the body see the row as NEW / OLD (Binder pseudo rows).
// BEFORE triggers run before the statement writes, AFTER triggers after it;
// INSTEAD OF triggers on a view run in place of the write. An error in a
// trigger fails the statement, which then leaves nothing behind. As in
// SQLite (recursive_triggers off), a trigger does not fire itself again.
#include "common/strings.h"
#include "main/session.h"
#include "sql/execution/cast.h"
#include "sql/execution/expression_executor.h"
#include "sql/parser/parser.h"
#include "sql/parser/suggest.h"

namespace kodiak::internal {

using namespace kodiak::sql;  // NOLINT: the session speaks the SQL layer's language

namespace {

constexpr size_t kMaxTriggerDepth = 32;

TableEntryPtr FindTriggerTable(const CatalogSnapshot& catalog, const std::string& name, size_t* position) {
  for (const auto& [key, table] : catalog.tables) {
    for (size_t i = 0; i < table->triggers.size(); i++) {
      if (EqualsIgnoreCase(table->triggers[i].name, name)) {
        *position = i;
        return table;
      }
    }
  }
  return nullptr;
}

const char* EventName(TriggerDefinition::Event e) {
  switch (e) {
    case TriggerDefinition::Event::kInsert: return "INSERT";
    case TriggerDefinition::Event::kUpdate: return "UPDATE";
    case TriggerDefinition::Event::kDelete: return "DELETE";
  }
  return "?";
}

}  // namespace

Result<QueryResult> Session::RunCreateTrigger(const CreateTriggerStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(TableEntryPtr table, binder.ResolveTable(stmt.table));
  size_t at = 0;
  if (FindTriggerTable(catalog, stmt.name, &at)) {
    if (stmt.if_not_exists) return TagResult("CREATE TRIGGER");
    return Status(StatusCode::kAlreadyExists, "trigger '" + stmt.name + "' already exists", stmt.pos,
                  "pick another name, or DROP TRIGGER " + stmt.name + " first");
  }
  if (stmt.timing == TriggerTiming::kInsteadOf && !table->is_view()) {
    return Status(StatusCode::kBinderError, "INSTEAD OF triggers are for views, and " + table->name + " is a table",
                  stmt.pos, "use BEFORE or AFTER");
  }
  if (stmt.timing != TriggerTiming::kInsteadOf && table->is_view()) {
    return Status(StatusCode::kBinderError, table->name + " is a view: its triggers must be INSTEAD OF", stmt.pos,
                  "a view has no rows of its own to change before or after");
  }
  TriggerDefinition def;
  def.name = stmt.name;
  def.timing = stmt.timing == TriggerTiming::kBefore  ? TriggerDefinition::Timing::kBefore
               : stmt.timing == TriggerTiming::kAfter ? TriggerDefinition::Timing::kAfter
                                                      : TriggerDefinition::Timing::kInsteadOf;
  def.event = stmt.event == TriggerEvent::kInsert   ? TriggerDefinition::Event::kInsert
              : stmt.event == TriggerEvent::kUpdate ? TriggerDefinition::Event::kUpdate
                                                    : TriggerDefinition::Event::kDelete;
  std::vector<std::string> names;
  for (const auto& c : table->columns) names.push_back(c.name);
  for (const auto& col : stmt.update_columns) {
    int i = table->FindColumn(col);
    if (i < 0) {
      return Status(StatusCode::kBinderError, "table " + table->name + " has no column '" + col + "'", stmt.pos,
                    DidYouMean(col, names));
    }
    def.update_columns.push_back(i);
  }
  def.sql = stmt.text;
  auto next = std::make_shared<TableEntry>(*table);
  next->triggers.push_back(std::move(def));
  txn.PutTable(next);
  return TagResult("CREATE TRIGGER");
}

Result<QueryResult> Session::RunDropTrigger(const DropStatement& stmt, Transaction& txn) {
  const CatalogSnapshot& catalog = txn.snapshot();
  Binder binder(catalog, variables_, pseudo_rows());
  KODIAK_ASSIGN_OR_RETURN(std::string name, binder.ResolveName(stmt.name.back()));
  size_t at = 0;
  TableEntryPtr table = FindTriggerTable(catalog, name, &at);
  if (!table) {
    if (stmt.if_exists) return TagResult("DROP TRIGGER");
    std::vector<std::string> all;
    for (const auto& [key, t] : catalog.tables) {
      for (const auto& trig : t->triggers) all.push_back(trig.name);
    }
    return Status(StatusCode::kBinderError, "unknown trigger '" + name + "'", stmt.name.back().pos,
                  DidYouMean(name, all));
  }
  auto next = std::make_shared<TableEntry>(*table);
  next->triggers.erase(next->triggers.begin() + static_cast<std::ptrdiff_t>(at));
  txn.PutTable(next);
  return TagResult("DROP TRIGGER");
}

bool Session::HasTriggers(const TableEntry& table, TriggerDefinition::Event event,
                          TriggerDefinition::Timing timing) const {
  for (const auto& t : table.triggers) {
    if (t.event == event && t.timing == timing) return true;
  }
  return false;
}

Status Session::FireTriggers(const TableEntry& table, TriggerDefinition::Event event, TriggerDefinition::Timing timing,
                             const std::vector<std::vector<Value>>& old_rows,
                             const std::vector<std::vector<Value>>& new_rows, const std::vector<int>& set_columns,
                             Transaction& txn) {
  std::vector<std::string> names;
  for (const auto& c : table.columns) names.push_back(c.name);
  for (const auto& trig : table.triggers) {
    if (trig.event != event || trig.timing != timing) continue;
    if (event == TriggerDefinition::Event::kUpdate && !trig.update_columns.empty()) {
      bool any = false;
      for (int c : trig.update_columns) any |= std::find(set_columns.begin(), set_columns.end(), c) != set_columns.end();
      if (!any) continue;
    }
    const std::string key = AsciiLower(trig.name);
    bool active = false;
    for (const auto& f : trigger_frames_) active |= f.trigger == key;
    if (active) continue;
    if (trigger_frames_.size() >= kMaxTriggerDepth) {
      return Status(StatusCode::kInvalidArgument,
                    "triggers nested more than " + std::to_string(kMaxTriggerDepth) + " deep (trigger " + trig.name +
                        ")",
                    -1, "check for triggers that fire each other in a cycle");
    }
    auto parsed = Parser::ParseStatement(trig.sql);
    if (!parsed.ok() || (*parsed)->kind != StmtKind::kCreateTrigger) {
      return Status(StatusCode::kInternal, "trigger " + trig.name + " no longer parses", -1,
                    "DROP TRIGGER " + trig.name + " and create it again");
    }
    const auto& def = static_cast<const CreateTriggerStatement&>(**parsed);
    const size_t n = std::max(old_rows.size(), new_rows.size());
    for (size_t r = 0; r < n; r++) {
      KODIAK_RETURN_IF_ERROR(ExecContext(&interrupted_, nullptr).CheckInterrupt());
      TriggerFrame frame;
      frame.trigger = key;
      if (r < new_rows.size()) frame.rows.push_back(PseudoRow{"new", names, new_rows[r]});
      if (r < old_rows.size()) frame.rows.push_back(PseudoRow{"old", names, old_rows[r]});
      trigger_frames_.push_back(std::move(frame));
      Status st = [&]() -> Status {
        if (def.when) {
          Binder binder(txn.snapshot(), variables_, pseudo_rows());
          KODIAK_ASSIGN_OR_RETURN(BoundExprPtr cond, binder.BindConstantExpr(*def.when));
          KODIAK_ASSIGN_OR_RETURN(Value v, EvaluateConstant(*cond));
          auto b = CastValue(v, TypeId::kBool);
          if (!b.ok() || b->is_null() || !b->bool_value()) return Status::OK();
        }
        for (const auto& body : def.body) {
          auto result = RunInTransaction(*body, txn);
          if (!result.ok()) return result.status();
        }
        return Status::OK();
      }();
      trigger_frames_.pop_back();
      if (!st.ok()) {
        return Status(st.code(), "in trigger " + trig.name + " (" + EventName(event) + " on " + table.name +
                                     "): " + st.message(),
                      -1, st.hint());
      }
    }
  }
  return Status::OK();
}

}  // namespace kodiak::internal
