// Connection: a session on a Database — runs PL-Grizzly text, holds session
// variables and the open transaction.
//
// Contract: one Connection is used by one thread at a time, except
// Interrupt(), which any thread (or a signal handler) may call at any time.
// Many Connections may share one Database. Each statement either completes
// or leaves the database as it was; inside BEGIN ... COMMIT the changes are
// seen by others only after COMMIT, and ROLLBACK leaves no trace.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kodiak/result.h"
#include "kodiak/status.h"

namespace kodiak {

class Database;

namespace internal {
class Session;  // src/main/session.h
}

// One statement of a script, as SplitStatements cuts it.
struct StatementText {
  std::string text;   // the statement, without the terminating ';'
  size_t offset = 0;  // byte offset of its first character in the script
  int line = 1;       // 1-based line of its first character in the script
};

// Cuts `script` into complete statements: a statement ends at ';' outside
// quotes and comments, or at the '}' that closes a `STRUCT { ... }` type or a
// function body. Text after the last complete statement that is not blank or
// a comment is returned in *incomplete (the REPL keeps reading lines then).
std::vector<StatementText> SplitStatements(std::string_view script, std::string* incomplete);

// Progress of the running statement, reported to the progress callback.
struct Progress {
  double fraction = -1;         // 0..1, or -1 when the total is unknown
  uint64_t rows_processed = 0;  // rows read by scans so far
  double elapsed_seconds = 0;
};

class Connection {
 public:
  explicit Connection(Database& db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs every statement in `sql` and returns the result of the last one. On
  // the first failing statement it stops and returns the error; the message
  // names the line and column and shows the source line with a caret.
  // `first_line` is the line of `sql`'s first character in the file or input
  // it came from, so that messages name lines of that source.
  Result<QueryResult> Query(std::string_view sql, int first_line = 1);

  // Runs every statement in `sql`, handing each result to `on_result` as it
  // completes (return false from it to stop early).
  Status Execute(std::string_view sql, const std::function<bool(QueryResult&)>& on_result,
                 int first_line = 1);

  // Cancels the running statement at its next batch boundary; it fails with
  // StatusCode::kInterrupted and its changes are undone. Async-signal-safe.
  void Interrupt();

  // Called from the executing thread about every batch while a statement
  // runs. Pass an empty function to stop reporting.
  void SetProgressCallback(std::function<void(const Progress&)> callback);

  bool InTransaction() const;

 private:
  std::unique_ptr<internal::Session> session_;
};

}  // namespace kodiak
