// Shell: what the kodiak CLI does with its input — runs PL-Grizzly
// statements on one Connection, renders their results, and carries out dot
// commands. The REPL, `-c`, `-f` and scripts on standard input all feed it
// lines.
//
// Input is taken a line at a time. A line that starts with '.' when no
// statement is unfinished is a dot command; any other text accumulates until
// kodiak::SplitStatements finds complete statements, which run one by one.
// At the end of a script the unfinished rest runs as the last statement, so
// `kodiak -c "SELECT 1"` needs no ';'.
//
// Output: results go to the current output (standard output, or the file
// given to .output); errors and the progress bar go to standard error.
// Statements that return no rows (DDL, DML, SET, BEGIN ...) print nothing.
// Each error is reported once, where it happens, as
//   Error: <message>                          (REPL, -c)
//   Error in <file> at line <N>: <message>    (scripts: -f, stdin, .read)
// where <message> is the engine's Status message with its hint.
//
// Contract: one Shell per Connection, used by one thread. The Connection
// must outlive the Shell.
#pragma once

#include <fstream>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kodiak/connection.h"
#include "kodiak/status.h"
#include "progress.h"
#include "render.h"

namespace kodiak::cli {

// Where input lines come from. Each source keeps its own unfinished
// statement, so a .read script does not mix with the REPL's pending text.
struct InputSource {
  std::string name;      // file name for error messages; empty for the REPL and -c
  std::string pending;   // text of the unfinished statement, "" when none
  int pending_line = 0;  // line number of pending's first line
};

class Shell {
 public:
  enum class Outcome {
    kOk,
    kError,  // a statement or command failed; the error has been reported
    kQuit,   // .quit or .exit
  };

  explicit Shell(Connection& conn);
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  void set_mode(RenderMode mode) { mode_ = mode; }
  RenderMode mode() const { return mode_; }
  // The REPL sets this: an interrupted statement then clears the "^C" the
  // terminal echoed before its error is printed.
  void set_interactive(bool interactive) { interactive_ = interactive; }

  // Feeds one line of `source` (without its line break), numbered
  // `line_number` from 1. Runs whatever it completes; each statement runs
  // with the number of its first line, so the engine's messages name lines
  // of the source.
  Outcome FeedLine(InputSource& source, std::string_view line, int line_number);
  // End of input: runs the unfinished rest of `source`, if any.
  Outcome FinishInput(InputSource& source);
  // Forgets the unfinished statement of `source` (Ctrl-C in the REPL).
  static void DiscardPending(InputSource& source) { source.pending.clear(); }

  // Runs a whole script, stopping at the first error. `name` appears in
  // error messages ("stdin" for standard input).
  Outcome RunScript(std::istream& in, const std::string& name);
  // Runs the text of `-c`: statements and dot commands, one per line.
  Outcome RunCommand(std::string_view text);

  // The dot commands, one per line, for .help and --help.
  static std::string DotCommandHelp();

 private:
  struct DotCommand;
  using Args = std::vector<std::string>;

  Outcome RunComplete(InputSource& source);
  Outcome RunStatement(InputSource& source, const std::string& sql, int line);
  Outcome RunDotCommand(InputSource& source, std::string_view line, int line_number);

  Outcome DotHelp(InputSource& source, const Args& args, int line);
  Outcome DotTables(InputSource& source, const Args& args, int line);
  Outcome DotSchema(InputSource& source, const Args& args, int line);
  Outcome DotMode(InputSource& source, const Args& args, int line);
  Outcome DotTimer(InputSource& source, const Args& args, int line);
  Outcome DotMaxRows(InputSource& source, const Args& args, int line);
  Outcome DotRead(InputSource& source, const Args& args, int line);
  Outcome DotOutput(InputSource& source, const Args& args, int line);
  Outcome DotQuit(InputSource& source, const Args& args, int line);

  // Runs `sql` for a dot command; reports a failure against `line`.
  bool QueryForCommand(InputSource& source, int line, const std::string& sql, QueryResult* out);
  // Prints "Error: <text>" or "Error in <file> at line <N>: <text>".
  void ReportError(const InputSource& source, int line, const std::string& text);
  void ReportStatus(const InputSource& source, int line, const Status& status);

  std::ostream& out();
  RenderOptions CurrentRenderOptions() const;

  static const DotCommand kDotCommands[];

  Connection& conn_;
  RenderMode mode_ = RenderMode::kBox;
  uint64_t max_rows_ = 40;
  bool timer_ = false;
  bool interactive_ = false;
  int read_depth_ = 0;
  std::unique_ptr<std::ofstream> output_file_;  // null: standard output
  std::string output_path_;
  ProgressBar progress_;
};

}  // namespace kodiak::cli
