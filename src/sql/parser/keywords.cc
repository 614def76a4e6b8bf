#include "sql/parser/keywords.h"

#include <algorithm>
#include <unordered_set>

namespace kodiak::sql {

namespace {

// Reserved: these words can start or continue a clause, so an unquoted name
// spelt like them would be ambiguous (`SELECT a FROM t WHERE ...` must not
// read WHERE as an alias of t).
const char* const kReserved[] = {
    "all",     "and",     "any",      "as",      "asc",        "between",   "by",
    "case",    "cast",    "check",    "collate", "constraint", "create",    "cross",
    "default", "desc",    "distinct", "else",    "end",        "escape",    "except",
    "exists",  "false",   "fetch",    "for",     "foreign",    "from",      "full",
    "group",   "having",  "ilike",    "in",      "inner",      "intersect", "into",
    "is",      "isnull",  "join",     "left",    "like",       "limit",     "natural",
    "not",     "notnull", "null",     "offset",  "on",         "or",        "order",
    "outer",   "over",    "primary",  "qualify", "references", "returning", "right",
    "select",  "some",    "table",    "then",    "true",       "try_cast",  "union",
    "unique",  "using",   "when",     "where",   "window",     "with",
};

// Not reserved (usable as names) but keywords all the same.
const char* const kUnreserved[] = {
    "analyze",      "begin",        "cascade",
    "catch",        "column",       "commit",
    "current_date", "current_time", "current_timestamp",
    "delete",       "describe",     "drop",
    "exception",    "explain",      "extract",
    "first",        "function",     "if",
    "ignore",       "index",        "insert",
    "interval",     "key",          "last",
    "let",          "match",        "nulls",
    "of",           "raise",        "recursive",
    "rename",       "replace",      "restrict",
    "returns",      "rollback",     "set",
    "show",         "start",        "struct",
    "tables",       "temp",         "temporary",
    "to",           "transaction",  "trigger",
    "try",          "type",         "unset",
    "update",       "values",       "variable",
    "variables",    "view",         "work",
};

const char* const kStatementStarts[] = {
    "SELECT",   "FROM",    "WITH", "VALUES",   "INSERT", "REPLACE", "UPDATE",
    "DELETE",   "CREATE",  "DROP", "BEGIN",    "START",  "COMMIT",  "END",
    "ROLLBACK", "EXPLAIN", "SHOW", "DESCRIBE", "DESC",   "SET",     "UNSET",
};

const char* const kClauseWords[] = {
    "FROM",  "WHERE",     "GROUP",   "HAVING", "WINDOW", "ORDER",  "LIMIT", "OFFSET",
    "UNION", "INTERSECT", "EXCEPT",  "JOIN",   "INNER",  "LEFT",   "RIGHT", "FULL",
    "OUTER", "CROSS",     "NATURAL", "ON",     "USING",  "SELECT", "SET",   "VALUES",
};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

const std::vector<std::string>& AllKeywords() {
  static const std::vector<std::string> kAll = [] {
    std::vector<std::string> all;
    for (const char* w : kReserved) all.push_back(Upper(w));
    for (const char* w : kUnreserved) all.push_back(Upper(w));
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }();
  return kAll;
}

const std::vector<std::string>& StatementKeywords() {
  static const std::vector<std::string> kList(std::begin(kStatementStarts),
                                              std::end(kStatementStarts));
  return kList;
}

const std::vector<std::string>& ClauseKeywords() {
  static const std::vector<std::string> kList(std::begin(kClauseWords), std::end(kClauseWords));
  return kList;
}

bool IsKeyword(std::string_view word) {
  static const std::unordered_set<std::string_view> kSet = [] {
    std::unordered_set<std::string_view> set;
    for (const char* w : kReserved) set.insert(w);
    for (const char* w : kUnreserved) set.insert(w);
    return set;
  }();
  return kSet.count(word) > 0;
}

bool IsReservedKeyword(std::string_view word) {
  static const std::unordered_set<std::string_view> kSet(std::begin(kReserved),
                                                         std::end(kReserved));
  return kSet.count(word) > 0;
}

}  // namespace kodiak::sql
