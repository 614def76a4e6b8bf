// The PL-Grizzly abstract syntax tree: what the parser produces and the
// binder consumes.
//
// Contract: a tree owns its children (unique_ptr). Every node carries `pos`,
// the byte offset in the statement text where the construct starts; errors
// about the node point there. The tree is plain data: no resolution of
// names, types or variables happens in the parser, except that built-in type
// names are turned into LogicalTypes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kodiak/type.h"
#include "kodiak/value.h"

namespace kodiak::sql {

struct SelectStmt;
struct WindowSpec;
struct OrderItem;

// A name as written: an identifier, a `backtick` identifier, or `{var}` (the
// name is then read from session variable `text` when binding).
struct Name {
  std::string text;
  bool from_variable = false;
  bool quoted = false;  // written in backticks: keep case and spelling
  int64_t pos = -1;
};

// A type as written. Built-in types are resolved by the parser (`resolved`
// true); any other name (a named type from CREATE TYPE) is kept in `name`.
struct TypeName {
  LogicalType type;
  bool resolved = false;
  std::string name;  // as written, for messages and named types
  int64_t pos = -1;
};

enum class ExprKind : uint8_t {
  kLiteral,        // value
  kColumnRef,      // names: [column] or [table, column] (or [schema, table, column])
  kStar,           // `*` or `t.*` (names holds the qualifier if any)
  kVariable,       // `{name}` in value position; name in `text`
  kUnary,          // unary_op, args[0]
  kBinary,         // binary_op, args[0], args[1]
  kFunction,       // text = function name; args; distinct; star_arg for count(*)
  kCast,           // args[0], cast_type; CAST(x AS T), x::T, TRY_CAST when try_cast
  kCase,           // args[0] operand (or null), when_then pairs, args[1] else (or null)
  kIsNull,         // args[0]; negated for IS NOT NULL
  kBetween,        // args[0] BETWEEN args[1] AND args[2]; negated
  kInList,         // args[0] IN (args[1..]); negated
  kInSubquery,     // args[0] IN (subquery); negated. Also args[0] <binary_op> ANY|SOME|ALL (subquery):
                   // IN is `= ANY` (binary_op kEq, quantifier_all false)
  kExists,         // EXISTS (subquery); negated
  kSubquery,       // (subquery) as a scalar
  kLike,           // args[0] LIKE args[1] [ESCAPE args[2]]; negated; case_insensitive for ILIKE
  kStructLiteral,  // { key: value, ... } — field_names[i] names args[i]
  kListLiteral,    // [a, b, ...]
  kIndex,          // args[0][args[1]]
  kFieldAccess,    // args[0].text  (when args[0] is not a plain column path)
  kIsDistinct,     // args[0] IS [NOT] DISTINCT FROM args[1]; negated for NOT
  kDefault,        // DEFAULT as a value of an INSERT ... VALUES row
  // Function bodies (CREATE FUNCTION):
  kBlock,          // { LET a = e; ...; result }: field_names[i] names args[i] ("" for a plain statement);
                   // the last arg is the block's value
  kMatch,          // MATCH args[0] { pattern => value, ... }: when_then (pattern, value); args[1] the `_`
                   // arm or null. A range pattern lo..hi is kBetween with args [null, lo, hi].
  kRaise,          // RAISE text [(args[0])]
  kTry,            // TRY args[0] CATCH field_names[i] => args[i + 1] ("_" catches any)
};

enum class UnaryOp : uint8_t { kNegate, kPlus, kNot, kBitNot };

enum class BinaryOp : uint8_t {
  kAdd, kSub, kMul, kDiv, kMod,
  kConcat,                       // ||
  kEq, kNotEq, kLt, kLtEq, kGt, kGtEq,
  kAnd, kOr,
  kJsonGet,                      // ->
  kJsonGetText,                  // ->>
  kBitAnd, kBitOr, kShiftLeft, kShiftRight,
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  int64_t pos = -1;

  Value value;                   // kLiteral
  std::vector<Name> names;       // kColumnRef, kStar qualifier
  std::string text;              // kFunction name (lower-cased), kVariable name, kFieldAccess field
  UnaryOp unary_op = UnaryOp::kNegate;
  BinaryOp binary_op = BinaryOp::kAdd;
  std::vector<std::unique_ptr<Expr>> args;
  std::vector<std::pair<std::unique_ptr<Expr>, std::unique_ptr<Expr>>> when_then;  // kCase
  std::vector<std::string> field_names;  // kStructLiteral
  std::unique_ptr<SelectStmt> subquery;  // kSubquery, kExists, kInSubquery
  TypeName cast_type;                    // kCast
  bool distinct = false;                 // kFunction: agg(DISTINCT x)
  bool star_arg = false;                 // kFunction: count(*)
  bool negated = false;
  bool case_insensitive = false;         // kLike: ILIKE
  bool try_cast = false;                 // kCast
  bool quantifier_all = false;           // kInSubquery: op ALL (subquery)
  // kFunction: agg(...) FILTER (WHERE filter), agg(x ORDER BY ...), f(...) OVER (...)
  std::unique_ptr<Expr> filter;
  std::vector<OrderItem> arg_order;
  std::unique_ptr<WindowSpec> window;
};
using ExprPtr = std::unique_ptr<Expr>;

enum class JoinType : uint8_t { kInner, kLeft, kRight, kFull, kCross };

struct TableRef {
  enum class Kind : uint8_t { kTable, kSubquery, kJoin, kFunction };
  Kind kind = Kind::kTable;
  int64_t pos = -1;

  std::vector<Name> name;                  // kTable: [table] or [schema, table]; kFunction: [name]
  std::string alias;                       // AS alias (empty when none)
  std::vector<std::string> column_aliases; // AS alias(c1, c2)
  std::unique_ptr<SelectStmt> subquery;    // kSubquery
  std::vector<ExprPtr> args;               // kFunction arguments

  JoinType join_type = JoinType::kInner;   // kJoin
  bool natural = false;
  std::unique_ptr<TableRef> left, right;
  ExprPtr on;
  std::vector<std::string> using_columns;
};
using TableRefPtr = std::unique_ptr<TableRef>;

struct SelectItem {
  ExprPtr expr;
  std::string alias;  // empty when none
  int64_t pos = -1;
};

struct OrderItem {
  ExprPtr expr;
  bool descending = false;
  enum class Nulls : uint8_t { kDefault, kFirst, kLast } nulls = Nulls::kDefault;
};

// OVER ( [name] [PARTITION BY ...] [ORDER BY ...] [frame] ) or OVER name.
struct WindowFrameBound {
  enum class Kind : uint8_t { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
  Kind kind = Kind::kCurrentRow;
  ExprPtr offset;  // kPreceding / kFollowing
};

struct WindowSpec {
  int64_t pos = -1;
  std::string name;  // a window of the WINDOW clause this one starts from
  std::vector<ExprPtr> partition_by;
  std::vector<OrderItem> order_by;
  enum class FrameUnit : uint8_t { kNone, kRows, kRange, kGroups } unit = FrameUnit::kNone;
  WindowFrameBound start, end;
};

struct CommonTableExpr {
  std::string name;
  std::vector<std::string> column_names;
  std::unique_ptr<SelectStmt> query;
  int64_t pos = -1;
};

enum class SetOpKind : uint8_t { kNone, kUnion, kIntersect, kExcept };

// A query. Exactly one of three shapes:
//  - a SELECT block (set_op == kNone, values empty),
//  - VALUES (...), (...)  (values non-empty),
//  - a set operation: left set_op right (set_op != kNone; ORDER BY/LIMIT of
//    this node apply to the combined result).
// `FROM t SELECT ...` and `FROM t` alone parse to the same tree as
// `SELECT ... FROM t` / `SELECT * FROM t` (from_first records the spelling).
struct SelectStmt {
  int64_t pos = -1;
  std::vector<CommonTableExpr> with;
  bool with_recursive = false;

  bool distinct = false;
  std::vector<SelectItem> items;
  TableRefPtr from;  // null when there is no FROM; `FROM a, b` is a cross join
  ExprPtr where;
  std::vector<ExprPtr> group_by;
  // GROUPING SETS / ROLLUP / CUBE: each set lists indexes into group_by;
  // empty for a plain GROUP BY.
  std::vector<std::vector<size_t>> grouping_sets;
  ExprPtr having;
  std::vector<std::pair<std::string, std::unique_ptr<WindowSpec>>> windows;  // WINDOW name AS (...)
  ExprPtr qualify;  // QUALIFY condition (filters on window functions)
  std::vector<std::vector<ExprPtr>> values;

  SetOpKind set_op = SetOpKind::kNone;
  bool set_all = false;  // UNION ALL
  std::unique_ptr<SelectStmt> left, right;

  std::vector<OrderItem> order_by;
  ExprPtr limit;
  ExprPtr offset;
  bool from_first = false;
};
using SelectPtr = std::unique_ptr<SelectStmt>;

enum class StmtKind : uint8_t {
  kSelect, kInsert, kUpdate, kDelete,
  kCreateTable, kDrop, kCreateIndex, kCreateView,
  kBegin, kCommit, kRollback,
  kExplain,
  kShow,       // SHOW TABLES / SHOW VARIABLES
  kDescribe,   // DESCRIBE t
  kSet,        // SET name = expr
  kUnset,      // UNSET name
  kReindex,    // REINDEX [index | table]
  kCreateTrigger,
  kMerge,      // MERGE INTO ... USING ... ON ... WHEN ...
  kCreateType,
  kCreateFunction,
};

struct Statement {
  explicit Statement(StmtKind k) : kind(k) {}
  virtual ~Statement() = default;
  StmtKind kind;
  int64_t pos = -1;
};
using StatementPtr = std::unique_ptr<Statement>;

struct SelectStatement : Statement {
  SelectStatement() : Statement(StmtKind::kSelect) {}
  SelectPtr query;
};

struct ColumnDef {
  std::string name;
  int64_t pos = -1;
  TypeName type;
  bool not_null = false;
  bool primary_key = false;
  bool unique = false;
  ExprPtr default_value;  // null when none
};

struct CreateTableStatement : Statement {
  CreateTableStatement() : Statement(StmtKind::kCreateTable) {}
  std::vector<Name> name;
  bool if_not_exists = false;
  bool or_replace = false;
  std::vector<ColumnDef> columns;
  std::vector<std::string> primary_key;  // table constraint PRIMARY KEY (a, b)
  std::vector<std::vector<std::string>> unique_keys;  // UNIQUE (a, b)
  SelectPtr as_select;                   // CREATE TABLE t AS SELECT ...
  TypeName of_type;                      // CREATE TABLE t OF N (name empty when not)
};

enum class ObjectKind : uint8_t { kTable, kView, kIndex, kType, kFunction, kTrigger };

struct DropStatement : Statement {
  DropStatement() : Statement(StmtKind::kDrop) {}
  ObjectKind object = ObjectKind::kTable;
  std::vector<Name> name;
  bool if_exists = false;
};

struct CreateIndexStatement : Statement {
  CreateIndexStatement() : Statement(StmtKind::kCreateIndex) {}
  std::string index_name;
  std::vector<Name> table;
  std::vector<std::string> columns;
  bool unique = false;
  bool if_not_exists = false;
};

struct CreateViewStatement : Statement {
  CreateViewStatement() : Statement(StmtKind::kCreateView) {}
  std::vector<Name> name;
  bool if_not_exists = false;
  bool or_replace = false;
  std::vector<std::string> column_names;
  SelectPtr query;
  std::string query_text;  // the SELECT as written, for SHOW / .schema
};

enum class ConflictAction : uint8_t { kAbort, kReplace, kIgnore };

using Assignments = std::vector<std::pair<Name, ExprPtr>>;

// INSERT ... ON CONFLICT [(columns)] DO NOTHING | DO UPDATE SET ... [WHERE ...]
struct OnConflictClause {
  std::vector<std::string> target;  // empty: the primary key (or the only unique key)
  bool do_nothing = false;
  Assignments sets;                 // may read the existing row and excluded.column
  ExprPtr where;
  int64_t pos = -1;
};

struct InsertStatement : Statement {
  InsertStatement() : Statement(StmtKind::kInsert) {}
  std::vector<Name> table;
  std::vector<Name> columns;  // empty: all columns in order
  SelectPtr source;           // VALUES (...) or a query; null with default_values
  bool default_values = false;
  ConflictAction on_conflict = ConflictAction::kAbort;  // INSERT OR REPLACE / OR IGNORE
  std::unique_ptr<OnConflictClause> upsert;             // ON CONFLICT ...
};

// MERGE INTO target [AS alias] USING source ON condition WHEN ... THEN ...
struct MergeClause {
  bool matched = true;   // WHEN MATCHED / WHEN NOT MATCHED
  ExprPtr condition;     // AND ...; may be null
  enum class Action : uint8_t { kUpdate, kDelete, kInsert, kNothing } action = Action::kNothing;
  Assignments sets;                  // kUpdate
  std::vector<Name> insert_columns;  // kInsert; empty: all, in order
  std::vector<ExprPtr> insert_values;  // kInsert; empty with default_values
  bool default_values = false;
  int64_t pos = -1;
};

struct MergeStatement : Statement {
  MergeStatement() : Statement(StmtKind::kMerge) {}
  std::vector<Name> table;
  std::string alias;
  TableRefPtr source;
  ExprPtr on;
  std::vector<MergeClause> clauses;
};

struct UpdateStatement : Statement {
  UpdateStatement() : Statement(StmtKind::kUpdate) {}
  std::vector<Name> table;
  std::string alias;
  std::vector<std::pair<Name, ExprPtr>> assignments;
  ExprPtr where;
};

struct DeleteStatement : Statement {
  DeleteStatement() : Statement(StmtKind::kDelete) {}
  std::vector<Name> table;
  std::string alias;
  ExprPtr where;
};

struct TransactionStatement : Statement {
  explicit TransactionStatement(StmtKind k) : Statement(k) {}
};

struct ExplainStatement : Statement {
  ExplainStatement() : Statement(StmtKind::kExplain) {}
  bool analyze = false;
  StatementPtr statement;
};

struct ShowStatement : Statement {
  ShowStatement() : Statement(StmtKind::kShow) {}
  enum class What : uint8_t { kTables, kVariables, kTypes, kFunctions } what = What::kTables;
};

struct DescribeStatement : Statement {
  DescribeStatement() : Statement(StmtKind::kDescribe) {}
  bool type = false;  // DESCRIBE TYPE name
  std::vector<Name> table;
};

struct SetStatement : Statement {
  SetStatement() : Statement(StmtKind::kSet) {}
  std::string name;
  ExprPtr value;  // `SET x = NULL` removes x, like UNSET
};

enum class TriggerTiming : uint8_t { kBefore, kAfter, kInsteadOf };
enum class TriggerEvent : uint8_t { kInsert, kUpdate, kDelete };

// CREATE TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD OF]
//   {INSERT | UPDATE [OF col, ...] | DELETE} ON table [FOR EACH ROW]
//   [WHEN condition] BEGIN statement; ... END
struct CreateTriggerStatement : Statement {
  CreateTriggerStatement() : Statement(StmtKind::kCreateTrigger) {}
  std::string name;
  bool if_not_exists = false;
  TriggerTiming timing = TriggerTiming::kBefore;  // SQLite's default
  TriggerEvent event = TriggerEvent::kInsert;
  std::vector<std::string> update_columns;  // UPDATE OF ...; empty: any column
  std::vector<Name> table;
  ExprPtr when;                     // null when none
  std::vector<StatementPtr> body;   // INSERT, UPDATE, DELETE or SELECT
  std::string text;                 // the whole statement as written
};

// CREATE [OR REPLACE] TYPE [IF NOT EXISTS] N AS STRUCT(...) | STRUCT {...} | EXCEPTION ["message"]
struct CreateTypeStatement : Statement {
  CreateTypeStatement() : Statement(StmtKind::kCreateType) {}
  std::string name;
  bool if_not_exists = false;
  bool or_replace = false;
  bool exception = false;
  TypeName struct_type;  // AS STRUCT
  std::string message;   // AS EXCEPTION
};

// CREATE [OR REPLACE] FUNCTION [R] name (p: T, ...) RETURNS T [RAISE E, ...] { body }
struct CreateFunctionStatement : Statement {
  CreateFunctionStatement() : Statement(StmtKind::kCreateFunction) {}
  bool or_replace = false;
  std::string receiver;  // [R]; empty without one
  std::string name;
  std::vector<std::pair<std::string, TypeName>> params;
  TypeName result;
  std::vector<std::pair<std::string, int64_t>> raises;  // names and positions
  ExprPtr body;          // a kBlock
  std::string text;      // the whole statement, stored in the catalog
};

// REINDEX (everything), REINDEX index or REINDEX table.
struct ReindexStatement : Statement {
  ReindexStatement() : Statement(StmtKind::kReindex) {}
  std::vector<Name> name;  // empty: every index
};

struct UnsetStatement : Statement {
  UnsetStatement() : Statement(StmtKind::kUnset) {}
  std::string name;
};

}  // namespace kodiak::sql
