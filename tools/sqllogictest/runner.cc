#include "runner.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <regex>
#include <thread>
#include <unordered_map>
#include <utility>

#include "kodiak/connection.h"
#include "kodiak/database.h"
#include "kodiak/result.h"
#include "kodiak/status.h"
#include "kodiak/value.h"
#include "result_checker.h"
#include "value_renderer.h"
#include "watchdog.h"

namespace kodiak::slt {
namespace {

thread_local const char* tls_path = nullptr;
thread_local int tls_line = 0;

constexpr size_t kMaxShownSqlLines = 20;

// The engine name that skipif/onlyif compare against (case-insensitively).
constexpr const char* kEngineName = "kodiak";

// Requirements (`require NAME`) this runner satisfies. None yet: a file that
// requires anything is skipped from that point on.
bool RequirementMet(const std::vector<std::string>& args) { return false; }

void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  size_t pos = 0;
  while ((pos = text->find(from, pos)) != std::string::npos) {
    text->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// `text` with each line prefixed by `indent`, at most `max_lines` lines.
std::string Indent(std::string_view text, std::string_view indent, size_t max_lines) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  std::string out;
  size_t start = 0, lines = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    if (lines == max_lines) {
      out.append(indent);
      out += "...\n";
      break;
    }
    out.append(indent);
    out.append(text.substr(start, nl - start));
    out += '\n';
    ++lines;
    start = nl + 1;
  }
  return out;
}

std::string JoinArgs(const char* command, const std::vector<std::string>& args) {
  std::string out = command;
  for (const auto& a : args) out += " " + a;
  return out;
}

// True when `message` matches what a `statement error` record expects: a
// substring, or DuckDB's "<REGEX>:pattern" / "<!REGEX>:pattern".
bool ErrorMatches(const std::string& message, const std::string& expected, std::string* problem) {
  constexpr std::string_view kRegex = "<REGEX>:";
  constexpr std::string_view kNotRegex = "<!REGEX>:";
  bool negate = expected.rfind(kNotRegex, 0) == 0;
  if (negate || expected.rfind(kRegex, 0) == 0) {
    std::string pattern = expected.substr(negate ? kNotRegex.size() : kRegex.size());
    try {
      bool found = std::regex_search(message, std::regex(pattern));
      return found != negate;
    } catch (const std::regex_error& e) {
      *problem = "invalid regular expression '" + pattern + "': " + e.what();
      return false;
    }
  }
  return message.find(expected) != std::string::npos;
}

std::atomic<uint64_t> test_dir_counter{0};

// The execution of one file.
class FileRun {
 public:
  FileRun(const ParsedFile& file, const RunnerOptions& options, FileReport* report)
      : file_(file), options_(options), report_(report) {}

  ~FileRun() {
    named_.clear();
    conn_.reset();
    db_.reset();
    if (!test_dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(test_dir_, ec);
    }
  }

  void Run() {
    Status st = OpenDatabase("");
    if (!st.ok()) {
      FailAt(0, "cannot open an in-memory database: " + st.ToString(), "");
      return;
    }
    const auto& recs = file_.records;
    std::vector<bool> reported(recs.size(), false);
    size_t pc = 0;
    while (pc < recs.size()) {
      const Record& r = recs[pc];
      tls_line = r.line;
      if (r.kind == RecordKind::kInvalid) {
        if (!reported[pc]) {
          reported[pc] = true;
          FailRaw(r.error, "");
        }
        ++pc;
        continue;
      }
      if (r.kind == RecordKind::kEndLoop) {
        pc = EndLoop(pc);
        continue;
      }
      bool skip = (skip_level_ > 0 && r.kind != RecordKind::kMode) || SkippedByCondition(r);
      if (skip) {
        if (r.kind == RecordKind::kLoop || r.kind == RecordKind::kForeach) {
          report_->skipped += CountStatements(pc + 1, r.match);
          pc = r.match + 1;
          continue;
        }
        if (r.IsStatementOrQuery()) {
          report_->skipped++;
          if (r.kind == RecordKind::kQuery && !r.label.empty() && r.has_result_block) {
            labels_.emplace(r.label, ExpectedHashLine(r));
          }
        }
        ++pc;
        continue;
      }
      switch (r.kind) {
        case RecordKind::kStatement:
        case RecordKind::kQuery:
          // No exception should cross include/kodiak/; if one does, it fails
          // this record rather than the whole run.
          try {
            if (r.kind == RecordKind::kStatement) {
              RunStatement(r);
            } else {
              RunQuery(r);
            }
          } catch (const std::exception& e) {
            FailAt(r.line, std::string("C++ exception escaped the API: ") + e.what(),
                   RecordText(r, r.sql));
          } catch (...) {
            FailAt(r.line, "unknown C++ exception escaped the API", RecordText(r, r.sql));
          }
          break;
        case RecordKind::kHashThreshold:
          // Nothing to do: a result is compared in the form its expected
          // block is written in (values, or "K values hashing to ..."),
          // which SQLite's runner chose by this threshold when writing it.
          break;
        case RecordKind::kHalt:
          report_->halted_at = r.line;
          return;
        case RecordKind::kMode:
          if (r.args[0] == "skip") {
            ++skip_level_;
          } else if (r.args[0] == "unskip") {
            if (skip_level_ > 0) --skip_level_;
          } else {
            Note("line " + std::to_string(r.line) + ": 'mode " + r.args[0] + "' ignored");
          }
          break;
        case RecordKind::kSet:
          Note("line " + std::to_string(r.line) + ": '" + JoinArgs("set", r.args) + "' ignored");
          break;
        case RecordKind::kLoop:
        case RecordKind::kForeach:
          pc = StartLoop(pc);
          continue;
        case RecordKind::kRequire:
          if (!RequirementMet(r.args)) {
            SkipRest(pc, "require " + r.args[0] + ": not available");
            return;
          }
          break;
        case RecordKind::kRequireEnv: {
          const char* value = std::getenv(r.args[0].c_str());
          if (value == nullptr) {
            SkipRest(pc, "require-env " + r.args[0] + ": not set");
            return;
          }
          if (r.args.size() == 2 && r.args[1] != value) {
            SkipRest(pc, "require-env " + r.args[0] + ": not '" + r.args[1] + "'");
            return;
          }
          env_vars_[r.args[0]] = value;
          break;
        }
        case RecordKind::kLoad:
          Load(r);
          break;
        case RecordKind::kRestart: {
          Status rs = Restart();
          if (!rs.ok()) SkipRecord(rs.message());
          break;
        }
        case RecordKind::kReconnect:
          conn_.reset();
          conn_ = std::make_unique<Connection>(*db_);
          break;
        case RecordKind::kSleep:
          std::this_thread::sleep_for(std::chrono::nanoseconds(r.number));
          break;
        case RecordKind::kInvalid:
        case RecordKind::kEndLoop:
          break;  // handled above
      }
      ++pc;
    }
  }

 private:
  struct LoopFrame {
    size_t loop_index;  // the kLoop/kForeach record
    int64_t current;    // loop: the value; foreach: index into values
    int64_t end;        // exclusive
  };

  // Opens the database the file runs on: a fresh in-memory one when `path`
  // is empty. The public API has in-memory databases only; once it can open
  // a folder on disk, this is the one place to wire it (load and restart go
  // through here).
  Status OpenDatabase(const std::string& path) {
    if (!path.empty()) return Status::NotSupported("load needs an on-disk database");
    named_.clear();
    conn_.reset();
    db_.reset();
    db_ = Database::InMemory();
    if (db_ == nullptr) return Status::Internal("Database::InMemory() returned null");
    conn_ = std::make_unique<Connection>(*db_);
    db_path_ = path;
    return Status::OK();
  }

  // Closes and reopens the database, as a process restart would.
  Status Restart() {
    if (db_path_.empty()) return Status::NotSupported("restart needs an on-disk database");
    return OpenDatabase(db_path_);
  }

  void Load(const Record& r) {
    std::string path = r.args.empty() ? "" : Substitute(r.args[0]);
    Status st = OpenDatabase(path);
    if (st.ok()) return;
    SkipRecord(st.message());
    // Carry on in memory, on an empty database as `load` would give.
    Status mem = OpenDatabase("");
    if (!mem.ok()) FailAt(r.line, "cannot reopen an in-memory database: " + mem.ToString(), "");
  }

  Connection& ConnectionFor(const std::string& name) {
    if (name.empty()) return *conn_;
    auto it = named_.find(name);
    if (it == named_.end()) {
      it = named_.emplace(name, std::make_unique<Connection>(*db_)).first;
    }
    return *it->second;
  }

  bool SkippedByCondition(const Record& r) const {
    for (const Condition& c : r.conditions) {
      bool ours = c.engine == kEngineName;
      if (ours == c.skip_if) return true;  // skipif kodiak, or onlyif <other>
    }
    return false;
  }

  uint64_t CountStatements(size_t begin, size_t end) const {
    uint64_t n = 0;
    for (size_t i = begin; i < end && i < file_.records.size(); ++i) {
      if (file_.records[i].IsStatementOrQuery()) ++n;
    }
    return n;
  }

  void SkipRest(size_t pc, const std::string& reason) {
    uint64_t n = CountStatements(pc + 1, file_.records.size());
    report_->skipped += n;
    if (n > 0) report_->skip_reasons[reason] += n;
    Note("line " + std::to_string(file_.records[pc].line) + ": " + reason +
         "; skipping the rest of the file");
  }

  void SkipRecord(const std::string& reason) {
    report_->skipped++;
    report_->skip_reasons[reason]++;
  }

  size_t StartLoop(size_t pc) {
    const Record& r = file_.records[pc];
    LoopFrame f{pc, r.loop_start, r.loop_end};
    if (r.kind == RecordKind::kForeach) {
      f.current = 0;
      f.end = static_cast<int64_t>(r.values.size());
    }
    if (f.current >= f.end) return r.match + 1;  // empty range: skip the body
    loops_.push_back(f);
    return pc + 1;
  }

  size_t EndLoop(size_t pc) {
    size_t loop_index = file_.records[pc].match;
    if (loops_.empty() || loops_.back().loop_index != loop_index) {
      return pc + 1;  // its loop was skipped or never started
    }
    LoopFrame& f = loops_.back();
    if (++f.current < f.end) return loop_index + 1;
    loops_.pop_back();
    return pc + 1;
  }

  std::string LoopValue(const LoopFrame& f) const {
    const Record& r = file_.records[f.loop_index];
    if (r.kind == RecordKind::kForeach) return r.values[static_cast<size_t>(f.current)];
    return std::to_string(f.current);
  }

  // "${var}" of the running loops (innermost first) and of require-env, and
  // DuckDB's __TEST_DIR__ and __WORKING_DIRECTORY__.
  std::string Substitute(const std::string& text) {
    bool has_var = text.find("${") != std::string::npos;
    bool has_keyword = text.find("__") != std::string::npos;
    if (!has_var && !has_keyword) return text;
    std::string out = text;
    if (has_var) {
      for (auto it = loops_.rbegin(); it != loops_.rend(); ++it) {
        ReplaceAll(&out, "${" + file_.records[it->loop_index].loop_var + "}", LoopValue(*it));
      }
      for (const auto& [name, value] : env_vars_) ReplaceAll(&out, "${" + name + "}", value);
    }
    if (has_keyword) {
      if (out.find("__TEST_DIR__") != std::string::npos)
        ReplaceAll(&out, "__TEST_DIR__", TestDir());
      if (out.find("__WORKING_DIRECTORY__") != std::string::npos) {
        std::error_code ec;
        ReplaceAll(&out, "__WORKING_DIRECTORY__", std::filesystem::current_path(ec).string());
      }
    }
    return out;
  }

  const std::string& TestDir() {
    if (test_dir_.empty()) {
      std::error_code ec;
      auto dir =
          std::filesystem::temp_directory_path(ec) /
          ("kodiak-slt-" + std::to_string(::getpid()) + "-" + std::to_string(test_dir_counter++));
      std::filesystem::create_directories(dir, ec);
      test_dir_ = dir.string();
    }
    return test_dir_;
  }

  std::string LoopContext() const {
    std::string out;
    for (const LoopFrame& f : loops_) {
      out += out.empty() ? " (" : ", ";
      out += file_.records[f.loop_index].loop_var + "=" + LoopValue(f);
    }
    return out.empty() ? out : out + ")";
  }

  void Note(std::string note) {
    if (options_.verbose) report_->notes.push_back(std::move(note));
  }

  void Pass() { report_->passed++; }

  // Counts a failure; keeps its text when fewer than max_failures are kept.
  void FailAt(int line, const std::string& what, const std::string& body) {
    FailRaw(file_.path + ":" + std::to_string(line) + ": " + what, body);
  }

  void FailRaw(const std::string& header, const std::string& body) {
    report_->failed++;
    if (report_->failures.size() >= options_.max_failures) return;
    report_->failures.push_back(header + "\n" + body);
  }

  // The record as written (command line and SQL), indented.
  std::string RecordText(const Record& r, const std::string& sql) const {
    std::string head = JoinArgs(r.kind == RecordKind::kQuery ? "query" : "statement", r.args);
    return Indent(head + LoopContext() + "\n" + sql, "    ", kMaxShownSqlLines + 1);
  }

  // Runs `sql` under the watchdog, if any. A statement it had to interrupt
  // fails its record whatever the record expected.
  Result<QueryResult> Execute(const Record& r, const std::string& sql, bool* timed_out) {
    Connection& conn = ConnectionFor(r.connection);
    *timed_out = false;
    if (options_.watchdog == nullptr) return conn.Query(sql, r.sql_line);
    Watchdog::Guard guard = options_.watchdog->Arm(conn);
    Result<QueryResult> result = conn.Query(sql, r.sql_line);
    *timed_out = guard.Finish() && !result.ok();
    return result;
  }

  void FailTimeout(const Record& r, const std::string& sql, const Status& st) {
    char limit[32];
    std::snprintf(limit, sizeof(limit), "%g", options_.watchdog->limit_seconds());
    FailAt(r.line, std::string("timed out after ") + limit + "s (--timeout)",
           RecordText(r, sql) + "  error:\n" + Indent(st.ToString(), "    ", 30));
  }

  void RunStatement(const Record& r) {
    std::string sql = Substitute(r.sql);
    bool timed_out;
    Result<QueryResult> result = Execute(r, sql, &timed_out);
    if (timed_out) return FailTimeout(r, sql, result.status());
    if (r.outcome == Outcome::kOk) {
      if (result.ok()) return Pass();
      return FailAt(
          r.line, "statement failed",
          RecordText(r, sql) + "  error:\n" + Indent(result.status().ToString(), "    ", 30));
    }
    if (result.ok()) {
      if (r.outcome == Outcome::kMaybe) return Pass();
      return FailAt(r.line, "statement succeeded but an error was expected",
                    RecordText(r, sql) +
                        (r.expected_error.empty()
                             ? ""
                             : "  expected error:\n" + Indent(r.expected_error, "    ", 10)));
    }
    const Status& st = result.status();
    std::string message = st.ToString();
    if (st.code() == StatusCode::kInternal) {
      return FailAt(r.line, "internal error (never an expected error)",
                    RecordText(r, sql) + "  error:\n" + Indent(message, "    ", 30));
    }
    if (!r.expected_error.empty()) {
      std::string expected = Substitute(r.expected_error);
      std::string problem;
      if (!ErrorMatches(message, expected, &problem)) {
        return FailAt(r.line, problem.empty() ? "wrong error message" : problem,
                      RecordText(r, sql) + "  expected error containing:\n" +
                          Indent(expected, "    ", 10) + "  actual error:\n" +
                          Indent(message, "    ", 30));
      }
    }
    Pass();
  }

  void RunQuery(const Record& r) {
    std::string sql = Substitute(r.sql);
    bool timed_out;
    Result<QueryResult> result = Execute(r, sql, &timed_out);
    if (timed_out) return FailTimeout(r, sql, result.status());
    if (!result.ok()) {
      return FailAt(
          r.line, "query failed",
          RecordText(r, sql) + "  error:\n" + Indent(result.status().ToString(), "    ", 30));
    }
    const QueryResult& qr = *result;
    if (!qr.has_rows()) {
      return FailAt(r.line, "query returned no result set ('" + qr.statement_tag() + "')",
                    RecordText(r, sql));
    }
    RenderedResult rendered;
    rendered.columns = qr.column_count();
    uint64_t rows = qr.row_count();
    rendered.values.reserve(rows * rendered.columns);
    for (uint64_t row = 0; row < rows; ++row) {
      for (size_t col = 0; col < rendered.columns; ++col) {
        char type = col < r.types.size() ? r.types[col] : 'T';
        rendered.values.push_back(RenderValue(qr.GetValue(col, row), type));
      }
    }
    SortResult(r.sort, &rendered);

    const std::vector<std::string>* expected = &r.expected;
    std::vector<std::string> substituted;
    if (!loops_.empty() || !env_vars_.empty()) {
      substituted.reserve(r.expected.size());
      for (const auto& line : r.expected) substituted.push_back(Substitute(line));
      expected = &substituted;
    }
    Verdict verdict = CompareResult(rendered, r.types.size(), *expected);
    if (!verdict.ok) {
      size_t nl = verdict.message.find('\n');
      return FailAt(
          r.line, verdict.message.substr(0, nl),
          RecordText(r, sql) + (nl == std::string::npos ? "" : verdict.message.substr(nl + 1)));
    }
    if (!r.label.empty()) {
      std::string hash = HashLine(rendered.values);
      auto [it, inserted] = labels_.emplace(r.label, hash);
      if (!inserted && it->second != hash) {
        return FailAt(
            r.line, "labeled result [" + r.label + "] does not agree with an earlier query",
            RecordText(r, sql) + "  earlier: " + it->second + "\n  this:    " + hash + "\n");
      }
    }
    Pass();
  }

  // What a skipped labeled query expects, as a hash line, so later queries
  // with the same label are checked against it (as SQLite's runner does).
  std::string ExpectedHashLine(const Record& r) const {
    if (r.expected.size() == 1 && IsHashLine(r.expected[0])) {
      std::string line = r.expected[0];
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
      return line;
    }
    bool row_wise = r.types.size() > 1 && !r.expected.empty();
    for (const auto& line : r.expected) row_wise = row_wise && line.find('\t') != std::string::npos;
    if (!row_wise) return HashLine(r.expected);
    std::vector<std::string> values;
    for (const auto& line : r.expected) {
      size_t start = 0;
      while (true) {
        size_t tab = line.find('\t', start);
        values.push_back(
            line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
    }
    return HashLine(values);
  }

  const ParsedFile& file_;
  const RunnerOptions& options_;
  FileReport* report_;

  // Destroyed in reverse order: connections before the database.
  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
  std::unordered_map<std::string, std::unique_ptr<Connection>> named_;
  std::string db_path_;  // "" while in memory

  int skip_level_ = 0;
  std::vector<LoopFrame> loops_;
  std::unordered_map<std::string, std::string> labels_;  // label -> "K values hashing to ..."
  std::map<std::string, std::string> env_vars_;
  std::string test_dir_;
};

}  // namespace

FileReport Runner::Run(const ParsedFile& file) const {
  FileReport report;
  report.path = file.path;
  if (options_.verbose) {
    if (!file.name.empty()) report.notes.push_back("name: " + file.name);
    if (!file.description.empty()) report.notes.push_back("description: " + file.description);
  }
  auto start = std::chrono::steady_clock::now();
  tls_path = file.path.c_str();
  tls_line = 0;
  {
    FileRun run(file, options_, &report);
    run.Run();
  }
  tls_path = nullptr;
  tls_line = 0;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

RecordPosition CurrentRecordPosition() { return {tls_path, tls_line}; }

}  // namespace kodiak::slt
