#include "shell.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include "interrupt.h"
#include "kodiak/result.h"
#include "kodiak/value.h"

namespace kodiak::cli {
namespace {

constexpr int kMaxReadDepth = 16;

// Whether to color text written to `fd`: a terminal, and the user did not
// opt out (https://no-color.org) or use a dumb terminal.
bool ColorFor(int fd) {
  if (isatty(fd) != 1) return false;
  const char* no_color = getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = getenv("TERM");
  return !(term != nullptr && std::strcmp(term, "dumb") == 0);
}

// Display columns for results on standard output: the terminal's width, else
// $COLUMNS, else no limit (pipes and files get whole values).
size_t OutputWidth() {
  if (isatty(STDOUT_FILENO) == 1) {
    struct winsize ws {};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  }
  const char* columns = getenv("COLUMNS");
  if (columns != nullptr) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0) return static_cast<size_t>(n);
  }
  return isatty(STDOUT_FILENO) == 1 ? 80 : 0;
}

std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) i++;
  return s.substr(i);
}

bool IsBlank(std::string_view s) { return TrimLeft(s).empty(); }

int CountNewlines(std::string_view s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

// Words of a dot command line; '...' and "..." group words with spaces.
std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (true) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) i++;
    if (i >= line.size()) break;
    std::string word;
    if (line[i] == '\'' || line[i] == '"') {
      const char quote = line[i++];
      while (i < line.size() && line[i] != quote) word += line[i++];
      if (i < line.size()) i++;  // the closing quote
    } else {
      while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i])))
        word += line[i++];
    }
    words.push_back(std::move(word));
  }
  return words;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); j++) row[j] = j;
  for (size_t i = 1; i <= a.size(); i++) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); j++) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A table name as PL-Grizzly reads it back: bare when it is a plain
// identifier, else in backticks.
std::string QuoteName(const std::string& name) {
  bool plain =
      !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
  for (char c : name) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (plain) return name;
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The engine's message with its hint, which goes at the end of the first
// line (after it the message may show the source line and a caret).
std::string StatusText(const Status& status) {
  std::string text = status.message();
  if (text.empty()) text = StatusCodeName(status.code());
  const std::string& hint = status.hint();
  if (!hint.empty() && text.find(hint) == std::string::npos) {
    const size_t eol = text.find('\n');
    text.insert(eol == std::string::npos ? text.size() : eol, " — " + hint);
  }
  return text;
}

}  // namespace

struct Shell::DotCommand {
  const char* name;   // ".tables"
  const char* usage;  // ".schema [TABLE]"; null for an alias left out of .help
  const char* help;
  size_t min_args;
  size_t max_args;
  Outcome (Shell::*run)(InputSource&, const Args&, int);
};

const Shell::DotCommand Shell::kDotCommands[] = {
    {".help", ".help", "Show this list of commands", 0, 0, &Shell::DotHelp},
    {".tables", ".tables", "List the tables", 0, 0, &Shell::DotTables},
    {".schema", ".schema [TABLE]", "Show CREATE TABLE statements for every table, or for TABLE", 0,
     1, &Shell::DotSchema},
    {".mode", ".mode [MODE]", "Set the output mode (box table csv json jsonl markdown line)", 0, 1,
     &Shell::DotMode},
    {".timer", ".timer on|off", "Print the run time after each statement", 1, 1, &Shell::DotTimer},
    {".maxrows", ".maxrows [N]", "Box and table show at most N rows; 0 shows all (default 40)", 0,
     1, &Shell::DotMaxRows},
    {".read", ".read FILE", "Run the statements and dot commands in FILE", 1, 1, &Shell::DotRead},
    {".output", ".output [FILE]", "Write results to FILE; no FILE: back to standard output", 0, 1,
     &Shell::DotOutput},
    {".quit", ".quit", "Exit kodiak (also .exit)", 0, 0, &Shell::DotQuit},
    {".exit", nullptr, nullptr, 0, 0, &Shell::DotQuit},
};

Shell::Shell(Connection& conn) : conn_(conn) {
  conn_.SetProgressCallback([this](const Progress& progress) { progress_.Update(progress); });
}

Shell::~Shell() { conn_.SetProgressCallback({}); }

std::string Shell::DotCommandHelp() {
  size_t width = 0;
  for (const auto& cmd : kDotCommands) {
    if (cmd.usage != nullptr) width = std::max(width, std::strlen(cmd.usage));
  }
  std::string text;
  for (const auto& cmd : kDotCommands) {
    if (cmd.usage == nullptr) continue;  // an alias
    std::string usage = cmd.usage;
    usage.resize(width + 2, ' ');
    text += "  " + usage + cmd.help + "\n";
  }
  return text;
}

std::ostream& Shell::out() { return output_file_ ? *output_file_ : std::cout; }

RenderOptions Shell::CurrentRenderOptions() const {
  RenderOptions options;
  options.mode = mode_;
  options.max_rows = max_rows_;
  const bool to_stdout = output_file_ == nullptr;
  options.max_width = to_stdout ? OutputWidth() : 0;
  options.color = to_stdout && ColorFor(STDOUT_FILENO);
  return options;
}

// ------------------------------------------------------------------ input

Shell::Outcome Shell::FeedLine(InputSource& source, std::string_view line, int line_number) {
  const bool first_line = source.pending.empty();
  if (first_line) {
    const std::string_view trimmed = TrimLeft(line);
    if (trimmed.empty()) return Outcome::kOk;
    if (trimmed[0] == '.') return RunDotCommand(source, trimmed, line_number);
    source.pending_line = line_number;
  } else {
    source.pending += '\n';
  }
  source.pending += line;
  // A line that continues a statement can only end it with a ';' or a '}',
  // or leave nothing but comments behind with a "*/"; skip the split
  // otherwise, which keeps long multi-line statements linear. A first line
  // is always split: it may be only a comment.
  if (!first_line && line.find_first_of(";}/") == std::string_view::npos) return Outcome::kOk;
  return RunComplete(source);
}

Shell::Outcome Shell::RunComplete(InputSource& source) {
  std::string incomplete;
  const std::vector<StatementText> statements = SplitStatements(source.pending, &incomplete);
  for (const auto& statement : statements) {
    const Outcome outcome =
        RunStatement(source, statement.text, source.pending_line + statement.line - 1);
    if (outcome != Outcome::kOk) {
      source.pending.clear();
      return outcome;
    }
  }
  if (IsBlank(incomplete)) {
    source.pending.clear();
    return Outcome::kOk;
  }
  // Keep the unfinished tail and the line it starts on.
  size_t at = std::string::npos;
  if (source.pending.size() >= incomplete.size() &&
      source.pending.compare(source.pending.size() - incomplete.size(), incomplete.size(),
                             incomplete) == 0) {
    at = source.pending.size() - incomplete.size();
  } else {
    at = source.pending.rfind(incomplete);
  }
  if (at != std::string::npos) {
    source.pending_line += CountNewlines(std::string_view(source.pending).substr(0, at));
  }
  source.pending = std::move(incomplete);
  return Outcome::kOk;
}

Shell::Outcome Shell::FinishInput(InputSource& source) {
  if (source.pending.empty()) return Outcome::kOk;
  Outcome outcome = RunComplete(source);
  if (outcome != Outcome::kOk || source.pending.empty()) return outcome;
  // An unfinished last statement runs as it is; the engine reports what is
  // missing.
  std::string sql = std::move(source.pending);
  source.pending.clear();
  return RunStatement(source, sql, source.pending_line);
}

Shell::Outcome Shell::RunScript(std::istream& in, const std::string& name) {
  InputSource source{name, "", 0};
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    line_number++;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
    if (line_number == 1) {
      if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte order mark
      if (line.rfind("#!", 0) == 0) continue;                    // #!/usr/bin/env kodiak -f
    }
    const Outcome outcome = FeedLine(source, line, line_number);
    if (outcome != Outcome::kOk) return outcome;
  }
  if (in.bad()) {
    ReportError(source, line_number, std::string("cannot read further: ") + std::strerror(errno));
    return Outcome::kError;
  }
  return FinishInput(source);
}

Shell::Outcome Shell::RunCommand(std::string_view text) {
  InputSource source;
  int line_number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    line_number++;
    const Outcome outcome = FeedLine(source, text.substr(start, end - start), line_number);
    if (outcome != Outcome::kOk) return outcome;
    start = end + 1;
  }
  return FinishInput(source);
}

// -------------------------------------------------------------- statements

Shell::Outcome Shell::RunStatement(InputSource& source, const std::string& sql, int line) {
  const auto start = std::chrono::steady_clock::now();
  Result<QueryResult> result = [&] {
    InterruptHandler::RunningStatement running(conn_);
    return conn_.Query(sql, line);  // messages then name lines of the source
  }();
  progress_.Finish();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;

  if (!result.ok()) {
    const Status& status = result.status();
    int error_line = line;
    if (status.position() >= 0 && static_cast<size_t>(status.position()) <= sql.size()) {
      error_line +=
          CountNewlines(std::string_view(sql).substr(0, static_cast<size_t>(status.position())));
    }
    if (interactive_ && status.code() == StatusCode::kInterrupted && isatty(STDERR_FILENO) == 1) {
      std::cerr << "\r\x1b[K";  // erase the "^C" the terminal echoed
    }
    ReportStatus(source, error_line, status);
    return Outcome::kError;
  }
  if (result->has_rows()) RenderResult(*result, CurrentRenderOptions(), out());
  if (timer_) {
    char buf[64];
    snprintf(buf, sizeof buf, "Run Time: %.3f s\n", elapsed.count());
    out() << buf;
  }
  out().flush();
  return Outcome::kOk;
}

void Shell::ReportError(const InputSource& source, int line, const std::string& text) {
  out().flush();
  std::string label = ColorFor(STDERR_FILENO) ? "\x1b[1;31mError\x1b[0m" : "Error";
  // line 0: the message names its own line (the engine places SQL errors).
  if (!source.name.empty()) label += " in " + source.name + (line > 0 ? " at line " + std::to_string(line) : "");
  std::cerr << label << ": " << text << '\n' << std::flush;
}

void Shell::ReportStatus(const InputSource& source, int line, const Status& status) {
  // An error with a position already says "at line L, column C" of this source.
  ReportError(source, status.position() >= 0 ? 0 : line, StatusText(status));
}

bool Shell::QueryForCommand(InputSource& source, int line, const std::string& sql,
                            QueryResult* out) {
  Result<QueryResult> result = [&] {
    InterruptHandler::RunningStatement running(conn_);
    return conn_.Query(sql, line);
  }();
  progress_.Finish();
  if (!result.ok()) {
    ReportStatus(source, line, result.status());
    return false;
  }
  *out = std::move(result).value();
  return true;
}

// ------------------------------------------------------------ dot commands

Shell::Outcome Shell::RunDotCommand(InputSource& source, std::string_view line, int line_number) {
  Args words = SplitWords(line);
  const std::string name = words.empty() ? "." : words[0];
  const Args args(words.begin() + (words.empty() ? 0 : 1), words.end());
  for (const auto& cmd : kDotCommands) {
    if (name != cmd.name) continue;
    if (args.size() < cmd.min_args || args.size() > cmd.max_args) {
      ReportError(source, line_number,
                  cmd.usage != nullptr ? std::string("usage: ") + cmd.usage + "  (" + cmd.help + ")"
                                       : std::string(cmd.name) + " takes no arguments");
      return Outcome::kError;
    }
    return (this->*cmd.run)(source, args, line_number);
  }
  // Unknown: suggest the closest command.
  const DotCommand* best = nullptr;
  size_t best_distance = 3;  // suggest only within two edits, or a prefix
  for (const auto& cmd : kDotCommands) {
    size_t d = EditDistance(name, cmd.name);
    if (name.size() > 1 && std::string_view(cmd.name).rfind(name, 0) == 0) d = 1;
    if (d < best_distance) {
      best_distance = d;
      best = &cmd;
    }
  }
  std::string text = "unknown command " + name;
  if (best != nullptr) text += " — did you mean " + std::string(best->name) + "?";
  text += " (.help lists the commands)";
  ReportError(source, line_number, text);
  return Outcome::kError;
}

Shell::Outcome Shell::DotHelp(InputSource&, const Args&, int) {
  out() << "Dot commands:\n"
        << DotCommandHelp()
        << "Anything else is PL-Grizzly: a statement ends with ';' (or the '}' closing a\n"
           "STRUCT type or a function body) and may span lines. Ctrl-C cancels the line or\n"
           "stops the running statement; Ctrl-D exits.\n";
  out().flush();
  return Outcome::kOk;
}

Shell::Outcome Shell::DotTables(InputSource& source, const Args&, int line) {
  QueryResult result;
  if (!QueryForCommand(source, line, "SHOW TABLES", &result)) return Outcome::kError;
  if (result.column_count() == 0) return Outcome::kOk;
  std::string text;
  for (uint64_t r = 0; r < result.row_count(); r++) text += result.GetValue(0, r).ToString() + "\n";
  out() << text << std::flush;
  return Outcome::kOk;
}

Shell::Outcome Shell::DotSchema(InputSource& source, const Args& args, int line) {
  std::vector<std::string> tables;
  if (!args.empty()) {
    tables.push_back(args[0]);
  } else {
    QueryResult result;
    if (!QueryForCommand(source, line, "SHOW TABLES", &result)) return Outcome::kError;
    for (uint64_t r = 0; result.column_count() > 0 && r < result.row_count(); r++) {
      tables.push_back(result.GetValue(0, r).ToString());
    }
  }
  std::string text;
  for (const auto& table : tables) {
    QueryResult desc;
    if (!QueryForCommand(source, line, "DESCRIBE " + QuoteName(table), &desc)) {
      out() << text << std::flush;
      return Outcome::kError;
    }
    // DESCRIBE's columns: [column_]name, [column_]type, null, key, default
    // (by name when present, else by position).
    auto column = [&](const char* wanted, size_t fallback) -> int {
      for (size_t c = 0; c < desc.column_count(); c++) {
        const std::string name = Upper(desc.column_name(c));
        if (name == Upper(wanted) || name == "COLUMN_" + Upper(wanted)) return static_cast<int>(c);
      }
      return fallback < desc.column_count() ? static_cast<int>(fallback) : -1;
    };
    const int name_col = column("name", 0), type_col = column("type", 1),
              null_col = column("null", 2), key_col = column("key", 3),
              default_col = column("default", 4);
    auto cell = [&](int col, uint64_t row) {
      return col < 0 ? Value() : desc.GetValue(static_cast<size_t>(col), row);
    };
    std::vector<std::string> lines, primary_key;
    for (uint64_t r = 0; r < desc.row_count(); r++) {
      const std::string name = cell(name_col, r).ToString();
      std::string def = "  " + QuoteName(name) + " " + cell(type_col, r).ToString();
      const Value nullable = cell(null_col, r);
      if (!nullable.is_null()) {
        const std::string n = Upper(nullable.ToString());
        if (n == "NO" || n == "FALSE" || n == "NOT NULL") def += " NOT NULL";
      }
      const Value key = cell(key_col, r);
      if (!key.is_null()) {
        const std::string k = Upper(key.ToString());
        if (k == "PRI" || k == "PRIMARY" || k == "PRIMARY KEY")
          primary_key.push_back(QuoteName(name));
        if (k == "UNI" || k == "UNIQUE") def += " UNIQUE";
      }
      const Value deflt = cell(default_col, r);
      if (!deflt.is_null() && !deflt.ToString().empty()) def += " DEFAULT " + deflt.ToString();
      lines.push_back(std::move(def));
    }
    if (!primary_key.empty()) {
      std::string pk = "  PRIMARY KEY (";
      for (size_t i = 0; i < primary_key.size(); i++) pk += (i ? ", " : "") + primary_key[i];
      lines.push_back(pk + ")");
    }
    text += "CREATE TABLE " + QuoteName(table) + " (\n";
    for (size_t i = 0; i < lines.size(); i++)
      text += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    text += ");\n";
  }
  out() << text << std::flush;
  return Outcome::kOk;
}

Shell::Outcome Shell::DotMode(InputSource& source, const Args& args, int line) {
  if (args.empty()) {
    out() << "current output mode: " << RenderModeName(mode_) << '\n' << std::flush;
    return Outcome::kOk;
  }
  RenderMode mode;
  if (!ParseRenderMode(args[0], &mode)) {
    ReportError(source, line, "unknown mode '" + args[0] + "' — choose one of " + RenderModeList());
    return Outcome::kError;
  }
  mode_ = mode;
  return Outcome::kOk;
}

Shell::Outcome Shell::DotTimer(InputSource& source, const Args& args, int line) {
  if (args[0] == "on") {
    timer_ = true;
  } else if (args[0] == "off") {
    timer_ = false;
  } else {
    ReportError(source, line, "usage: .timer on|off (not '" + args[0] + "')");
    return Outcome::kError;
  }
  return Outcome::kOk;
}

Shell::Outcome Shell::DotMaxRows(InputSource& source, const Args& args, int line) {
  if (args.empty()) {
    out() << "maxrows: " << max_rows_ << '\n' << std::flush;
    return Outcome::kOk;
  }
  const std::string& arg = args[0];
  char* end = nullptr;
  errno = 0;
  const unsigned long long n = std::strtoull(arg.c_str(), &end, 10);
  if (arg.empty() || !std::isdigit(static_cast<unsigned char>(arg[0])) || *end != '\0' ||
      errno != 0) {
    ReportError(source, line,
                "usage: .maxrows N, where N is a number of rows (0 shows all), not '" + arg + "'");
    return Outcome::kError;
  }
  max_rows_ = n;
  return Outcome::kOk;
}

Shell::Outcome Shell::DotRead(InputSource& source, const Args& args, int line) {
  const std::string& path = args[0];
  if (read_depth_ >= kMaxReadDepth) {
    ReportError(source, line,
                ".read nested more than " + std::to_string(kMaxReadDepth) + " deep (does " + path +
                    " read itself?)");
    return Outcome::kError;
  }
  std::ifstream file(path);
  if (!file) {
    ReportError(source, line, "cannot open " + path + ": " + std::strerror(errno));
    return Outcome::kError;
  }
  read_depth_++;
  const Outcome outcome = RunScript(file, path);
  read_depth_--;
  return outcome;
}

Shell::Outcome Shell::DotOutput(InputSource& source, const Args& args, int line) {
  if (args.empty()) {
    output_file_.reset();
    output_path_.clear();
    return Outcome::kOk;
  }
  auto file = std::make_unique<std::ofstream>(args[0], std::ios::out | std::ios::trunc);
  if (!*file) {
    ReportError(source, line, "cannot open " + args[0] + " for writing: " + std::strerror(errno));
    return Outcome::kError;
  }
  output_file_ = std::move(file);
  output_path_ = args[0];
  return Outcome::kOk;
}

Shell::Outcome Shell::DotQuit(InputSource&, const Args&, int) { return Outcome::kQuit; }

}  // namespace kodiak::cli
