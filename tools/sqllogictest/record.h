// Record: one parsed record of a sqllogictest file, and ParsedFile, the whole
// file as the runner executes it.
//
// Contract: records are plain values produced by ParseRecords
// (record_parser.h) and only read afterwards; a ParsedFile owns all its text.
// The grammar is SQLite's original one plus DuckDB's additions; see
// docs/testing.md. A record the parser could not make sense of is kept as a
// RecordKind::kInvalid record whose `error` names the file and line, so the
// runner reports it as a failure and carries on with the next record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kodiak::slt {

enum class RecordKind : uint8_t {
  kInvalid,        // malformed; `error` says why
  kStatement,      // statement ok|error|maybe [connection]
  kQuery,          // query <types> [sort|connection] [label]
  kHashThreshold,  // hash-threshold N            (`number` = N)
  kHalt,           // halt
  kMode,           // mode skip|unskip|...        (`args[0]`)
  kSet,            // set ...                     (accepted, ignored)
  kLoop,           // loop var start end
  kForeach,        // foreach var v1 v2 ...
  kEndLoop,        // endloop
  kRequire,        // require NAME [args]
  kRequireEnv,     // require-env VAR [value]
  kLoad,           // load [path] [readonly]
  kRestart,        // restart
  kReconnect,      // reconnect
  kSleep,          // sleep N unit                (`number` = nanoseconds)
};

// What a statement record expects.
enum class Outcome : uint8_t {
  kOk,     // statement ok
  kError,  // statement error: must fail (with the message after ----, if any)
  kMaybe,  // statement maybe: may fail, but then with the message, if any
};

enum class SortMode : uint8_t { kNoSort, kRowSort, kValueSort };

// A skipif/onlyif line guarding the record after it.
struct Condition {
  bool skip_if = false;  // true: skipif ENGINE; false: onlyif ENGINE
  std::string engine;    // lower-cased
};

struct Record {
  RecordKind kind = RecordKind::kInvalid;
  int line = 0;  // 1-based line of the command ("query II"), after any skipif/onlyif
  std::vector<Condition> conditions;
  std::vector<std::string> args;  // the tokens after the command word

  // kStatement and kQuery.
  std::string sql;         // the SQL lines joined by '\n'
  int sql_line = 0;        // line of the first SQL line
  std::string connection;  // a named connection (DuckDB), "" for the default one

  // kStatement.
  Outcome outcome = Outcome::kOk;
  std::string expected_error;  // the lines after "----", joined by '\n'; "" = any error

  // kQuery.
  std::string types;  // one of 'T', 'I', 'R' per column
  SortMode sort = SortMode::kNoSort;
  std::string label;
  bool has_result_block = false;      // a "----" line was present
  std::vector<std::string> expected;  // the lines after "----"
  int expected_line = 0;              // line of the first expected line (or of "----")

  // kLoop / kForeach: the loop variable; kLoop iterates start <= i < end,
  // kForeach over `values`. `match` is the index of the matching kEndLoop in
  // ParsedFile::records (and, on a kEndLoop, the index of its loop).
  std::string loop_var;
  int64_t loop_start = 0;
  int64_t loop_end = 0;
  std::vector<std::string> values;
  size_t match = 0;

  // kHashThreshold: the threshold; kSleep: nanoseconds.
  int64_t number = 0;

  // kInvalid: "path:line: what is wrong".
  std::string error;

  bool IsStatementOrQuery() const {
    return kind == RecordKind::kStatement || kind == RecordKind::kQuery;
  }
};

struct ParsedFile {
  std::string path;
  std::string name;         // from a "# name: ..." header comment, if any
  std::string description;  // from a "# description: ..." header comment, if any
  std::vector<Record> records;
};

}  // namespace kodiak::slt
