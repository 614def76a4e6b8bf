// SplitStatements (declared in include/kodiak/connection.h): cuts a script
// into statements with the lexer, so ';' inside strings, quoted names and
// comments never ends a statement.
//
// Rules: a statement ends at ';'. A statement that begins with
// CREATE [OR REPLACE] TYPE or CREATE [OR REPLACE] FUNCTION instead ends at the
// '}' that brings its brace depth back to 0 (outside parentheses), as in
//   CREATE TYPE P AS STRUCT { x: INT64 }
//   CREATE FUNCTION f() RETURNS INT64 { 1 }
// and a ';' right after that '}' is absorbed; inside its braces ';' separates
// the statements of a function body. In a FUNCTION, the braces of a
// `STRUCT { ... }` type (after RETURNS, say) do not end it. A statement that
// begins with CREATE TRIGGER keeps the ';'s between its BEGIN and the END
// that closes it (the END of a CASE inside does not).
//
// Never fails: an unterminated string, quoted name or comment makes the rest
// of the script incomplete; a stray bad character stays in its statement for
// the parser to report. When `incomplete` is null, an unfinished tail is
// returned as a last statement instead (a script needs no final ';').
#include <string>
#include <string_view>
#include <vector>

#include "kodiak/connection.h"
#include "sql/parser/lexer.h"

namespace kodiak {

namespace {

class Splitter {
 public:
  explicit Splitter(std::string_view script) : script_(script) {}

  std::vector<StatementText> Run(std::string* incomplete) {
    sql::Lexer lexer(script_);
    while (true) {
      Result<sql::Token> next = lexer.Next();
      if (!next.ok()) {
        const size_t error_pos = static_cast<size_t>(next.status().position());
        if (lexer.incomplete()) {
          Finish(in_statement_ ? start_ : error_pos, script_.size(), incomplete);
          return std::move(out_);
        }
        // A bad character: keep it in the statement.
        if (!in_statement_) Begin(error_pos);
        last_end_ = lexer.offset();
        prev_was_struct_ = false;
        continue;
      }
      const sql::Token& t = *next;
      if (t.kind == sql::TokenKind::kEnd) break;
      if (absorb_semicolon_) {
        absorb_semicolon_ = false;
        if (t.kind == sql::TokenKind::kSemicolon) continue;
      }
      if (t.kind == sql::TokenKind::kSemicolon) {
        if (!in_statement_) continue;  // an empty statement
        if (is_trigger_ && trigger_body_ && !trigger_done_) {
          last_end_ = static_cast<size_t>(t.end);
          continue;
        }
        if (!braced_ || braces_.empty()) {
          Emit();
          continue;
        }
      }
      if (!in_statement_) Begin(static_cast<size_t>(t.pos));
      Classify(t);
      if (is_trigger_ && t.kind == sql::TokenKind::kIdentifier) {
        if (!trigger_body_) {
          trigger_body_ = t.value == "begin";
        } else if (t.value == "case") {
          ++case_depth_;
        } else if (t.value == "end") {
          if (case_depth_ > 0) --case_depth_;
          else trigger_done_ = true;
        }
      }
      last_end_ = static_cast<size_t>(t.end);
      switch (t.kind) {
        case sql::TokenKind::kLParen:
        case sql::TokenKind::kLBracket:
          ++paren_depth_;
          break;
        case sql::TokenKind::kRParen:
        case sql::TokenKind::kRBracket:
          if (paren_depth_ > 0) --paren_depth_;
          break;
        case sql::TokenKind::kLBrace:
          braces_.push_back(is_function_ && prev_was_struct_);
          break;
        case sql::TokenKind::kRBrace:
          if (!braces_.empty()) {
            const bool type_brace = braces_.back();
            braces_.pop_back();
            if (braced_ && braces_.empty() && paren_depth_ == 0 && !type_brace) {
              Emit();
              absorb_semicolon_ = true;
              continue;
            }
          }
          break;
        default:
          break;
      }
      prev_was_struct_ = t.IsWord("struct");
    }
    if (in_statement_) Finish(start_, last_end_, incomplete);
    return std::move(out_);
  }

 private:
  void Begin(size_t pos) {
    in_statement_ = true;
    start_ = pos;
    last_end_ = pos;
    head_.clear();
    braced_ = false;
    is_function_ = false;
    braces_.clear();
    paren_depth_ = 0;
    prev_was_struct_ = false;
    is_trigger_ = trigger_body_ = trigger_done_ = false;
    case_depth_ = 0;
  }

  // Looks at the first words: CREATE [OR REPLACE] TYPE|FUNCTION, CREATE
  // [TEMP] TRIGGER.
  void Classify(const sql::Token& t) {
    if (head_.size() >= 4) return;
    head_.push_back(t.kind == sql::TokenKind::kIdentifier ? t.value : std::string());
    if (head_[0] != "create") return;
    if (head_.size() == 2 || head_.size() == 3) {
      const std::string& w = head_.back();
      if (w == "trigger" && (head_.size() == 2 || head_[1] == "temp" || head_[1] == "temporary")) is_trigger_ = true;
    }
    size_t k = 1;
    if (head_.size() > 1 && head_[1] == "or") k = 3;
    if (head_.size() == k + 1) {
      if (k == 3 && head_[2] != "replace") return;
      is_function_ = head_[k] == "function";
      braced_ = is_function_ || head_[k] == "type";
    }
  }

  int LineOf(size_t pos) {
    while (line_scan_ < pos && line_scan_ < script_.size()) {
      if (script_[line_scan_] == '\n') ++line_;
      ++line_scan_;
    }
    return line_;
  }

  void Emit() {
    StatementText st;
    st.offset = start_;
    st.line = LineOf(start_);
    st.text = std::string(script_.substr(start_, last_end_ - start_));
    out_.push_back(std::move(st));
    in_statement_ = false;
    braces_.clear();
    paren_depth_ = 0;
  }

  // The unfinished statement [from, to): into *incomplete (all the rest of
  // the script), or, without one, as a last statement.
  void Finish(size_t from, size_t to, std::string* incomplete) {
    if (incomplete != nullptr) {
      *incomplete = std::string(script_.substr(from));
      return;
    }
    StatementText st;
    st.offset = from;
    st.line = LineOf(from);
    st.text = std::string(script_.substr(from, to - from));
    out_.push_back(std::move(st));
  }

  std::string_view script_;
  std::vector<StatementText> out_;
  bool in_statement_ = false;
  size_t start_ = 0;
  size_t last_end_ = 0;
  std::vector<std::string> head_;  // first words, lower case ("" for non-words)
  bool braced_ = false;            // CREATE TYPE / CREATE FUNCTION
  bool is_function_ = false;
  std::vector<bool> braces_;  // open braces; true for a STRUCT { } in a FUNCTION
  int paren_depth_ = 0;
  bool prev_was_struct_ = false;
  bool absorb_semicolon_ = false;
  bool is_trigger_ = false;    // CREATE TRIGGER
  bool trigger_body_ = false;  // its BEGIN has been seen
  bool trigger_done_ = false;  // and the END that closes it
  int case_depth_ = 0;         // CASE ... END inside the body
  size_t line_scan_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<StatementText> SplitStatements(std::string_view script, std::string* incomplete) {
  if (incomplete != nullptr) incomplete->clear();
  return Splitter(script).Run(incomplete);
}

}  // namespace kodiak
