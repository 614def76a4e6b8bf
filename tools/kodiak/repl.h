// Repl: the interactive kodiak shell, on libedit.
//
//   kodiak> SELECT a,
//      ...>   b FROM t;
//
// Lines go to a Shell; while a statement is unfinished the prompt is the
// continuation prompt. Keys: the usual emacs-style editing and history
// (libedit; ~/.editrc is read), Ctrl-C cancels the line being typed (and any
// unfinished statement), Ctrl-C while a statement runs stops it (the REPL
// carries on), Ctrl-D on an empty line exits, Ctrl-Z suspends.
// History persists in $KODIAK_HOME/history, or ~/.kodiak_history when
// KODIAK_HOME is unset; each input line is one entry.
//
// How Ctrl-C works: while libedit edits a line the terminal's ISIG is off,
// so Ctrl-C arrives as a key bound to our cancel function; while a statement
// runs the terminal is in its normal mode and Ctrl-C raises SIGINT, which the
// InterruptHandler turns into Connection::Interrupt().
//
// Contract: one Repl at a time per process (libedit and the signal handler
// are process-wide); standard input must be a terminal.
#pragma once

#include <string>

#include "shell.h"

struct editline;
struct history;

namespace kodiak::cli {

class Repl {
 public:
  explicit Repl(Shell& shell);
  ~Repl();
  Repl(const Repl&) = delete;
  Repl& operator=(const Repl&) = delete;

  // Runs until .quit/.exit or Ctrl-D. Returns the process exit status (0).
  int Run();

  // The history file: $KODIAK_HOME/history, else ~/.kodiak_history; empty
  // when neither can be found.
  static std::string HistoryPath();

 private:
  static const char* Prompt(struct editline* el);
  static unsigned char CancelLine(struct editline* el, int ch);
  static unsigned char Suspend(struct editline* el, int ch);

  void AddHistory(const std::string& line);

  Shell& shell_;
  InputSource source_;
  struct editline* el_ = nullptr;
  struct history* history_ = nullptr;
  std::string history_path_;
  bool history_warned_ = false;
  bool cancelled_ = false;  // set by CancelLine during el_gets
};

}  // namespace kodiak::cli
