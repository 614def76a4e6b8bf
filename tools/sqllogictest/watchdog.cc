#include "watchdog.h"

#include "kodiak/connection.h"

namespace kodiak::slt {

Watchdog::Watchdog(double limit_seconds) : limit_seconds_(limit_seconds > 0 ? limit_seconds : 0) {
  if (limit_seconds_ > 0) thread_ = std::thread([this] { Loop(); });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Watchdog::Guard Watchdog::Arm(Connection& conn) {
  if (limit_seconds_ <= 0) return Guard(nullptr, 0);
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(limit_seconds_));
  uint64_t id;
  {
    std::lock_guard<std::mutex> lock(mu_);
    id = next_id_++;
    watches_.emplace(id, Watch{&conn, deadline, false});
  }
  cv_.notify_all();
  return Guard(this, id);
}

bool Watchdog::Guard::Finish() {
  if (dog_ == nullptr) return false;
  bool fired = dog_->Disarm(id_);
  dog_ = nullptr;
  return fired;
}

bool Watchdog::Disarm(uint64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = watches_.find(id);
  if (it == watches_.end()) return false;
  bool fired = it->second.fired;
  watches_.erase(it);
  return fired;
}

void Watchdog::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    auto now = std::chrono::steady_clock::now();
    auto next = now + std::chrono::hours(1);
    for (auto& [id, w] : watches_) {
      if (w.fired) continue;
      if (w.deadline <= now) {
        // Under the lock: the guard cannot finish (and the statement's
        // Connection cannot go away) while we interrupt it.
        w.conn->Interrupt();
        w.fired = true;
      } else if (w.deadline < next) {
        next = w.deadline;
      }
    }
    cv_.wait_until(lock, next);
  }
}

}  // namespace kodiak::slt
