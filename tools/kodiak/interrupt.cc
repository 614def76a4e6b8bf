#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace kodiak::cli {
namespace {

std::atomic<Connection*> g_running{nullptr};
std::atomic<int> g_presses{0};
std::atomic<bool> g_exit_when_idle{true};
std::atomic<bool> g_idle_interrupt{false};

static_assert(std::atomic<Connection*>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);
static_assert(std::atomic<bool>::is_always_lock_free);

constexpr int kPressesToExit = 3;

void WriteStderr(const char* text, size_t size) {
  ssize_t ignored = write(STDERR_FILENO, text, size);
  (void)ignored;
}

void OnSigint(int) {
  const int saved_errno = errno;
  Connection* conn = g_running.load();
  if (conn != nullptr) {
    if (g_presses.fetch_add(1) + 1 >= kPressesToExit) {
      static const char kMessage[] = "\nkodiak: the statement did not stop; exiting\n";
      WriteStderr(kMessage, sizeof kMessage - 1);
      _exit(130);
    }
    conn->Interrupt();
  } else if (g_exit_when_idle.load()) {
    // As if there were no handler: die of SIGINT, so the parent sees it.
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
  } else {
    g_idle_interrupt.store(true);
  }
  errno = saved_errno;
}

}  // namespace

void InterruptHandler::Install(WhenIdle when_idle) {
  SetWhenIdle(when_idle);
  struct sigaction action {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
}

void InterruptHandler::SetWhenIdle(WhenIdle when_idle) {
  g_exit_when_idle.store(when_idle == WhenIdle::kExit);
}

bool InterruptHandler::TakeIdleInterrupt() { return g_idle_interrupt.exchange(false); }

InterruptHandler::RunningStatement::RunningStatement(Connection& conn) {
  g_presses.store(0);
  g_running.store(&conn);
}

InterruptHandler::RunningStatement::~RunningStatement() { g_running.store(nullptr); }

}  // namespace kodiak::cli
