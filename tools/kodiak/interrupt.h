// Ctrl-C (SIGINT) routing for the CLI.
//
// While a statement runs (inside a RunningStatement scope), SIGINT calls
// Connection::Interrupt(): the statement stops at its next batch boundary and
// fails with StatusCode::kInterrupted, and the CLI carries on. If the engine
// does not respond, the third Ctrl-C during the same statement ends the
// process (exit status 130). Outside a statement, SIGINT either ends the
// process as usual (scripts, -c) or is only recorded (the REPL, whose line
// editor turns Ctrl-C into a key of its own and sees a signal here only when
// one is sent from outside).
//
// Contract: the handler is async-signal-safe: it touches only lock-free
// atomics, Connection::Interrupt() (async-signal-safe by its contract),
// write(2) and _exit(2). One process-wide handler; Install() once, from the
// main thread. The handler uses SA_RESTART, so reads of scripts are not cut
// short by Ctrl-C.
#pragma once

#include "kodiak/connection.h"

namespace kodiak::cli {

class InterruptHandler {
 public:
  enum class WhenIdle { kExit, kRecord };

  // Installs the SIGINT handler. `when_idle` says what Ctrl-C does while no
  // statement runs.
  static void Install(WhenIdle when_idle);
  static void SetWhenIdle(WhenIdle when_idle);

  // True (once) when a SIGINT arrived while idle in kRecord mode.
  static bool TakeIdleInterrupt();

  // Marks a statement as running on `conn` for the scope's lifetime.
  class RunningStatement {
   public:
    explicit RunningStatement(Connection& conn);
    ~RunningStatement();
    RunningStatement(const RunningStatement&) = delete;
    RunningStatement& operator=(const RunningStatement&) = delete;
  };
};

}  // namespace kodiak::cli
