#include "repl.h"

#include <histedit.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "interrupt.h"
#include "kodiak/database.h"

namespace kodiak::cli {
namespace {

constexpr const char* kPrompt = "kodiak> ";
constexpr const char* kContinuationPrompt = "   ...> ";
constexpr int kHistorySize = 2000;

Repl* FromEditLine(EditLine* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return static_cast<Repl*>(data);
}

}  // namespace

std::string Repl::HistoryPath() {
  const char* kodiak_home = getenv("KODIAK_HOME");
  if (kodiak_home != nullptr && kodiak_home[0] != '\0') {
    mkdir(kodiak_home, 0700);  // fails harmlessly when it exists
    return std::string(kodiak_home) + "/history";
  }
  const char* home = getenv("HOME");
  if (home == nullptr || home[0] == '\0') {
    const struct passwd* pw = getpwuid(getuid());
    home = pw != nullptr ? pw->pw_dir : nullptr;
  }
  if (home == nullptr || home[0] == '\0') return "";
  return std::string(home) + "/.kodiak_history";
}

Repl::Repl(Shell& shell) : shell_(shell) {
  HistEvent ev;
  history_ = history_init();
  history(history_, &ev, H_SETSIZE, kHistorySize);
  history(history_, &ev, H_SETUNIQUE, 1);
  history_path_ = HistoryPath();
  if (!history_path_.empty()) history(history_, &ev, H_LOAD, history_path_.c_str());

  el_ = el_init("kodiak", stdin, stdout, stderr);
  el_set(el_, EL_CLIENTDATA, static_cast<void*>(this));
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_SIGNAL, 1);  // libedit restores the terminal around signals
  el_set(el_, EL_PROMPT, &Repl::Prompt);
  el_set(el_, EL_HIST, history, history_);
  el_source(el_, nullptr);  // the user's ~/.editrc
  // Ctrl-C and Ctrl-Z are keys while a line is edited (see repl.h).
  el_set(el_, EL_SETTY, "-d", "-isig", nullptr);
  // el_wset: the narrow el_set copies these names and never frees them.
  el_wset(el_, EL_ADDFN, L"kodiak-cancel", L"Cancel the line and any unfinished statement",
          &Repl::CancelLine);
  el_set(el_, EL_BIND, "^C", "kodiak-cancel", nullptr);
  el_wset(el_, EL_ADDFN, L"kodiak-suspend", L"Suspend kodiak", &Repl::Suspend);
  el_set(el_, EL_BIND, "^Z", "kodiak-suspend", nullptr);
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
}

Repl::~Repl() {
  if (el_ != nullptr) el_end(el_);
  if (history_ != nullptr) history_end(history_);
}

const char* Repl::Prompt(EditLine* el) {
  const Repl* repl = FromEditLine(el);
  return repl->source_.pending.empty() ? kPrompt : kContinuationPrompt;
}

unsigned char Repl::CancelLine(EditLine* el, int) {
  // Show "^C" at the end of the line, then finish the line with a pushed
  // newline so libedit moves to a fresh line the normal way.
  const LineInfo* line = el_line(el);
  el_cursor(el, static_cast<int>(line->lastchar - line->cursor));
  el_insertstr(el, "^C");
  el_push(el, "\n");
  FromEditLine(el)->cancelled_ = true;
  return CC_REFRESH;
}

unsigned char Repl::Suspend(EditLine*, int) {
  // libedit's signal handling (EL_SIGNAL) restores the terminal while
  // stopped and redraws the line on SIGCONT.
  kill(getpid(), SIGTSTP);
  return CC_NORM;
}

void Repl::AddHistory(const std::string& line) {
  HistEvent ev;
  history(history_, &ev, H_ENTER, line.c_str());
  if (history_path_.empty()) return;
  if (history(history_, &ev, H_SAVE, history_path_.c_str()) == -1 && !history_warned_) {
    history_warned_ = true;
    std::cerr << "Warning: cannot save history to " << history_path_ << ": " << std::strerror(errno)
              << " (set KODIAK_HOME to a writable folder)\n";
  }
}

int Repl::Run() {
  InterruptHandler::Install(InterruptHandler::WhenIdle::kRecord);
  shell_.set_interactive(true);
  std::cout << "kodiak " << Version()
            << " — an in-memory database. Enter .help for help; Ctrl-D exits.\n"
            << std::flush;
  for (;;) {
    cancelled_ = false;
    int count = 0;
    const char* raw = el_gets(el_, &count);
    const bool signalled = InterruptHandler::TakeIdleInterrupt();
    if (raw == nullptr) {
      if (count == -1 && (errno == EINTR || signalled)) {  // SIGINT from outside
        std::cout << '\n';
        Shell::DiscardPending(source_);
        continue;
      }
      std::cout << '\n';  // Ctrl-D: leave the shell's prompt on a new line
      break;
    }
    if (cancelled_ || signalled) {
      Shell::DiscardPending(source_);
      continue;
    }
    std::string line(raw, static_cast<size_t>(count));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) AddHistory(line);
    // Every line is numbered 1, so a statement's lines count from its first
    // line and error messages name lines of the statement as typed.
    if (shell_.FeedLine(source_, line, 1) == Shell::Outcome::kQuit) break;
  }
  std::cout << std::flush;
  return 0;
}

}  // namespace kodiak::cli
