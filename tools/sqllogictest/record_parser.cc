#include "record_parser.h"

#include <charconv>
#include <cstdint>
#include <utility>
#include <vector>

namespace kodiak::slt {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Splits a command line into whitespace-separated tokens. A token starting
// with '#' after the first one begins a trailing comment ("onlyif sqlite #
// why"): it and the rest of the line are dropped.
std::vector<std::string> Tokenize(std::string_view line) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    if (i >= line.size()) break;
    size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (!tokens.empty() && line[start] == '#') break;
    tokens.emplace_back(line.substr(start, i - start));
  }
  return tokens;
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool IsDashes(std::string_view line) {
  // "----", tolerating trailing whitespace.
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  return line == "----";
}

// DuckDB's foreach shorthands, spelled with Kodiak's type names.
bool ExpandForeachToken(const std::string& token, std::vector<std::string>* out) {
  std::string t = ToLower(token);
  bool all = t == "<alltypes>";
  bool numeric = all || t == "<numeric>";
  bool integral = numeric || t == "<integral>";
  bool is_signed = integral || t == "<signed>";
  bool is_unsigned = integral || t == "<unsigned>";
  if (!is_signed && !is_unsigned) return false;
  if (is_signed) {
    for (const char* s : {"tinyint", "smallint", "integer", "bigint"}) out->emplace_back(s);
  }
  if (is_unsigned) {
    for (const char* s : {"utinyint", "usmallint", "uinteger", "ubigint"}) out->emplace_back(s);
  }
  if (numeric) {
    for (const char* s : {"float", "double"}) out->emplace_back(s);
  }
  if (all) {
    for (const char* s : {"bool", "interval", "varchar"}) out->emplace_back(s);
  }
  return true;
}

class RecordParser {
 public:
  RecordParser(std::string path, std::string_view text) : text_(text) {
    file_.path = std::move(path);
  }

  ParsedFile Parse() {
    SplitLines();
    size_t i = 0;
    while (i < lines_.size()) {
      if (lines_[i].text.empty()) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < lines_.size() && !lines_[end].text.empty()) ++end;
      file_.records.push_back(ParseRecord(i, end));
      i = end;
    }
    MatchLoops();
    return std::move(file_);
  }

 private:
  struct Line {
    std::string_view text;  // without '\r'; empty when blank
    int number;             // 1-based
  };

  void SplitLines() {
    std::string_view text = text_;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    int number = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      size_t k = 0;
      while (k < line.size() && IsSpace(line[k])) ++k;
      if (k == line.size()) line = {};
      if (!line.empty() && line[0] == '#') {
        NoteHeader(line);
        continue;  // comments are invisible, as in SQLite's runner
      }
      lines_.push_back({line, number});
    }
  }

  void NoteHeader(std::string_view line) {
    auto take = [&](std::string_view key, std::string* out) {
      if (!out->empty() || line.substr(0, key.size()) != key) return;
      std::string_view v = line.substr(key.size());
      while (!v.empty() && IsSpace(v.front())) v.remove_prefix(1);
      while (!v.empty() && IsSpace(v.back())) v.remove_suffix(1);
      *out = std::string(v);
    };
    take("# name:", &file_.name);
    take("# description:", &file_.description);
  }

  Record Invalid(int line, const std::string& message) {
    Record r;
    r.kind = RecordKind::kInvalid;
    r.line = line;
    r.error = file_.path + ":" + std::to_string(line) + ": " + message;
    return r;
  }

  // The lines [begin, end) are one record (none blank).
  Record ParseRecord(size_t begin, size_t end) {
    size_t k = begin;
    std::vector<Condition> conditions;
    std::vector<std::string> tokens = Tokenize(lines_[k].text);
    while (!tokens.empty() && (tokens[0] == "skipif" || tokens[0] == "onlyif")) {
      if (tokens.size() < 2) {
        return Invalid(lines_[k].number, "'" + tokens[0] + "' needs an engine name (e.g. '" +
                                             tokens[0] + " sqlite')");
      }
      conditions.push_back({tokens[0] == "skipif", ToLower(tokens[1])});
      ++k;
      if (k == end) {
        return Invalid(lines_[k - 1].number,
                       "'" + tokens[0] + "' must be followed by the record it guards");
      }
      tokens = Tokenize(lines_[k].text);
    }
    Record r;
    r.line = lines_[k].number;
    r.conditions = std::move(conditions);
    if (tokens.empty()) return Invalid(r.line, "expected a record type");
    const std::string command = tokens[0];
    r.args.assign(tokens.begin() + 1, tokens.end());
    size_t body = k + 1;  // first line after the command

    if (command == "statement") return ParseStatement(std::move(r), body, end);
    if (command == "query") return ParseQuery(std::move(r), body, end);

    // Everything else is a one-line directive.
    static constexpr std::string_view kDirectives[] = {
        "hash-threshold", "halt",           "mode",        "set",
        "loop",           "concurrentloop", "foreach",     "concurrentforeach",
        "endloop",        "require",        "require-env", "load",
        "restart",        "reconnect",      "sleep"};
    bool known = false;
    for (std::string_view d : kDirectives) known = known || command == d;
    if (!known) return Invalid(r.line, "unknown record type '" + command + "'");
    if (body != end) {
      return Invalid(lines_[body].number,
                     "'" + command + "' takes one line; a blank line must follow it");
    }
    const auto& a = r.args;
    if (command == "hash-threshold") {
      r.kind = RecordKind::kHashThreshold;
      if (a.size() != 1 || !ParseInt(a[0], &r.number) || r.number < 0) {
        return Invalid(r.line, "hash-threshold needs one non-negative number");
      }
    } else if (command == "halt") {
      r.kind = RecordKind::kHalt;
    } else if (command == "mode") {
      r.kind = RecordKind::kMode;
      if (a.size() != 1) return Invalid(r.line, "mode needs one argument (e.g. 'mode skip')");
    } else if (command == "set") {
      r.kind = RecordKind::kSet;
      if (a.empty()) return Invalid(r.line, "set needs an argument");
    } else if (command == "loop" || command == "concurrentloop") {
      r.kind = RecordKind::kLoop;
      if (a.size() != 3)
        return Invalid(r.line, "expected 'loop VAR START END' (e.g. 'loop i 0 10')");
      r.loop_var = a[0];
      if (!ParseInt(a[1], &r.loop_start) || !ParseInt(a[2], &r.loop_end)) {
        return Invalid(r.line, "loop START and END must be integers");
      }
    } else if (command == "foreach" || command == "concurrentforeach") {
      r.kind = RecordKind::kForeach;
      if (a.size() < 2)
        return Invalid(r.line, "expected 'foreach VAR VALUE...' (e.g. 'foreach t int text')");
      r.loop_var = a[0];
      for (size_t i = 1; i < a.size(); ++i) {
        if (!ExpandForeachToken(a[i], &r.values)) r.values.push_back(a[i]);
      }
    } else if (command == "endloop") {
      r.kind = RecordKind::kEndLoop;
    } else if (command == "require") {
      r.kind = RecordKind::kRequire;
      if (a.empty()) return Invalid(r.line, "require needs a name");
    } else if (command == "require-env") {
      r.kind = RecordKind::kRequireEnv;
      if (a.empty() || a.size() > 2) return Invalid(r.line, "expected 'require-env VAR [VALUE]'");
    } else if (command == "load") {
      r.kind = RecordKind::kLoad;
      if (a.size() > 2 || (a.size() == 2 && a[1] != "readonly")) {
        return Invalid(r.line, "expected 'load [PATH] [readonly]'");
      }
    } else if (command == "restart") {
      r.kind = RecordKind::kRestart;
    } else if (command == "reconnect") {
      r.kind = RecordKind::kReconnect;
    } else if (command == "sleep") {
      r.kind = RecordKind::kSleep;
      int64_t n = 0;
      if (a.size() != 2 || !ParseInt(a[0], &n) || n < 0) {
        return Invalid(r.line, "expected 'sleep N UNIT' (e.g. 'sleep 1 second')");
      }
      std::string unit = ToLower(a[1]);
      if (!unit.empty() && unit.back() == 's') unit.pop_back();
      int64_t scale = 0;
      if (unit == "second")
        scale = 1000000000;
      else if (unit == "millisecond")
        scale = 1000000;
      else if (unit == "microsecond")
        scale = 1000;
      else if (unit == "nanosecond")
        scale = 1;
      if (scale == 0) return Invalid(r.line, "unknown sleep unit '" + a[1] + "'");
      if (n > INT64_MAX / scale) return Invalid(r.line, "sleep duration too long");
      r.number = n * scale;
    } else {
      return Invalid(r.line, "unknown record type '" + command + "'");
    }
    return r;
  }

  // SQL lines start at `body` and run to "----" or the end of the record.
  // Returns the index of the "----" line, or `end`.
  size_t TakeSql(Record* r, size_t body, size_t end) {
    size_t i = body;
    if (i < end) r->sql_line = lines_[i].number;
    for (; i < end && !IsDashes(lines_[i].text); ++i) {
      if (i > body) r->sql += '\n';
      r->sql.append(lines_[i].text);
    }
    return i;
  }

  Record ParseStatement(Record r, size_t body, size_t end) {
    r.kind = RecordKind::kStatement;
    if (r.args.empty()) return Invalid(r.line, "statement needs 'ok', 'error' or 'maybe'");
    if (r.args[0] == "ok") {
      r.outcome = Outcome::kOk;
    } else if (r.args[0] == "error") {
      r.outcome = Outcome::kError;
    } else if (r.args[0] == "maybe") {
      r.outcome = Outcome::kMaybe;
    } else {
      return Invalid(
          r.line, "statement argument should be 'ok', 'error' or 'maybe', not '" + r.args[0] + "'");
    }
    if (r.args.size() >= 2) r.connection = r.args[1];
    size_t dashes = TakeSql(&r, body, end);
    if (r.sql.empty()) return Invalid(r.line, "statement has no SQL");
    if (dashes < end) {
      if (r.outcome == Outcome::kOk) {
        return Invalid(lines_[dashes].number,
                       "'statement ok' cannot have an expected error after ----");
      }
      for (size_t i = dashes + 1; i < end; ++i) {
        if (i > dashes + 1) r.expected_error += '\n';
        r.expected_error.append(lines_[i].text);
      }
    }
    return r;
  }

  Record ParseQuery(Record r, size_t body, size_t end) {
    r.kind = RecordKind::kQuery;
    if (r.args.empty()) return Invalid(r.line, "query needs a type string (e.g. 'query II')");
    r.types = r.args[0];
    for (char c : r.types) {
      if (c != 'T' && c != 'I' && c != 'R') {
        return Invalid(r.line, std::string("unknown type character '") + c + "' in '" + r.types +
                                   "' (expected T, I or R)");
      }
    }
    if (r.args.size() >= 2) {
      const std::string& s = r.args[1];
      if (s == "nosort") {
        r.sort = SortMode::kNoSort;
      } else if (s == "rowsort" || s == "sort") {
        r.sort = SortMode::kRowSort;
      } else if (s == "valuesort") {
        r.sort = SortMode::kValueSort;
      } else {
        r.connection = s;  // DuckDB: anything else names a connection
      }
    }
    if (r.args.size() >= 3) r.label = r.args[2];
    size_t dashes = TakeSql(&r, body, end);
    if (r.sql.empty()) return Invalid(r.line, "query has no SQL");
    if (dashes < end) {
      r.has_result_block = true;
      r.expected_line = dashes + 1 < end ? lines_[dashes + 1].number : lines_[dashes].number;
      r.expected.reserve(end - dashes - 1);
      for (size_t i = dashes + 1; i < end; ++i) r.expected.emplace_back(lines_[i].text);
    }
    return r;
  }

  void MatchLoops() {
    std::vector<size_t> open;
    auto& recs = file_.records;
    for (size_t i = 0; i < recs.size(); ++i) {
      RecordKind kind = recs[i].kind;
      if (kind == RecordKind::kLoop || kind == RecordKind::kForeach) {
        open.push_back(i);
      } else if (kind == RecordKind::kEndLoop) {
        if (open.empty()) {
          recs[i] = Invalid(recs[i].line, "endloop without a loop or foreach");
          continue;
        }
        recs[i].match = open.back();
        recs[open.back()].match = i;
        open.pop_back();
      }
    }
    for (size_t i : open) {
      const char* what = recs[i].kind == RecordKind::kLoop ? "'loop'" : "'foreach'";
      recs[i] = Invalid(recs[i].line, std::string(what) + " without a matching endloop");
    }
  }

  std::string_view text_;
  ParsedFile file_;
  std::vector<Line> lines_;
};

}  // namespace

ParsedFile ParseRecords(std::string path, std::string_view text) {
  return RecordParser(std::move(path), text).Parse();
}

}  // namespace kodiak::slt
