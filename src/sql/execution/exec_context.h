// ExecContext: what a running statement shares with its operators —
// cancellation, progress reporting and counters.
//
// Contract: owned by the Session for the duration of one statement; used by
// the executing thread only, except `interrupted`, which another thread or a
// signal handler may set at any time.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

#include "kodiak/connection.h"
#include "kodiak/status.h"

namespace kodiak::sql {

class ExecContext {
 public:
  ExecContext(const std::atomic<bool>* interrupted, const std::function<void(const Progress&)>* progress)
      : interrupted_(interrupted), progress_(progress), start_(std::chrono::steady_clock::now()) {}

  // Called by operators once per batch: fails when the user cancelled.
  Status CheckInterrupt() const {
    if (interrupted_ && interrupted_->load(std::memory_order_relaxed)) return Status::Interrupted();
    return Status::OK();
  }

  // Scans report rows read; the total is the rows of all scanned tables.
  void AddTotalRows(uint64_t n) { total_rows_ += n; }
  void AddRowsScanned(uint64_t n) {
    rows_scanned_ += n;
    if (progress_ && *progress_) {
      Progress p;
      p.rows_processed = rows_scanned_;
      p.fraction = total_rows_ ? std::min(1.0, static_cast<double>(rows_scanned_) / total_rows_) : -1;
      p.elapsed_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      (*progress_)(p);
    }
  }
  uint64_t rows_scanned() const { return rows_scanned_; }

 private:
  const std::atomic<bool>* interrupted_;
  const std::function<void(const Progress&)>* progress_;
  std::chrono::steady_clock::time_point start_;
  uint64_t total_rows_ = 0;
  uint64_t rows_scanned_ = 0;
};

}  // namespace kodiak::sql
