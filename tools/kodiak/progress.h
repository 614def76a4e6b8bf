// ProgressBar: the one-line progress display for a long statement.
//
//   [█████████░░░░░░░░░░░] 45%  1.2M rows  3.4 s  (Ctrl-C to stop)
//
// It appears once a statement has run for kDelaySeconds, redraws at most
// every 100 ms, and is erased when the statement ends, so it never mixes
// with results. When the engine does not know the total (fraction -1), a
// block moves back and forth instead of a percentage. It draws on standard
// error only when that is a terminal; otherwise it does nothing.
//
// Contract: Update() is called from the thread running the statement (the
// Connection's progress callback), Finish() after the statement returns, by
// the same thread. Not thread-safe beyond that.
#pragma once

#include <chrono>
#include <string>

#include "kodiak/connection.h"

namespace kodiak::cli {

class ProgressBar {
 public:
  static constexpr double kDelaySeconds = 2.0;

  // Draws on file descriptor `fd` (standard error by default).
  explicit ProgressBar(int fd = 2);

  // Reports the running statement's progress; draws when due.
  void Update(const Progress& progress);
  // Erases the bar if it was drawn. Call when the statement ends.
  void Finish();

  // The text of the bar for `progress` in a terminal `columns` wide, without
  // the leading carriage return: exposed for tests.
  static std::string Format(const Progress& progress, int columns);

 private:
  int fd_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace kodiak::cli
