// Watchdog: interrupts a statement that runs longer than a time limit, so a
// runaway query fails its record instead of hanging the whole run.
//
// Contract: one Watchdog serves any number of threads. Arm() returns a guard
// that watches one statement on one Connection until the guard is destroyed;
// past the deadline the watchdog's thread calls Connection::Interrupt() once
// (the statement then fails with StatusCode::kInterrupted at its next batch
// boundary). The Connection must outlive the guard; the Watchdog must outlive
// every guard. A limit of 0 disables it: no thread is started.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace kodiak {
class Connection;
}

namespace kodiak::slt {

class Watchdog {
 public:
  explicit Watchdog(double limit_seconds);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  double limit_seconds() const { return limit_seconds_; }

  class Guard {
   public:
    Guard(Guard&& other) noexcept : dog_(other.dog_), id_(other.id_) { other.dog_ = nullptr; }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    Guard& operator=(Guard&&) = delete;
    ~Guard() { Finish(); }
    // Stops watching; returns true when the deadline had passed and the
    // statement was interrupted. Later calls return false.
    bool Finish();

   private:
    friend class Watchdog;
    Guard(Watchdog* dog, uint64_t id) : dog_(dog), id_(id) {}
    Watchdog* dog_;  // null when disabled, finished or moved from
    uint64_t id_;
  };

  // Starts watching a statement about to run on `conn`.
  Guard Arm(Connection& conn);

 private:
  struct Watch {
    Connection* conn;
    std::chrono::steady_clock::time_point deadline;
    bool fired = false;
  };
  void Loop();
  bool Disarm(uint64_t id);  // returns whether it fired

  const double limit_seconds_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, Watch> watches_;  // GUARDED_BY(mu_)
  uint64_t next_id_ = 1;               // GUARDED_BY(mu_)
  bool stop_ = false;                  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace kodiak::slt
