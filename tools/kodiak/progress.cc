#include "progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "text_width.h"

namespace kodiak::cli {
namespace {

constexpr int kBarCells = 20;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

int TerminalColumns(int fd) {
  struct winsize ws {};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

// 999, 12.3K, 1.2M, 3.4B
std::string CompactCount(uint64_t n) {
  char buf[32];
  if (n < 1000) {
    snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(n));
  } else if (n < 1000000) {
    snprintf(buf, sizeof buf, "%.1fK", static_cast<double>(n) / 1e3);
  } else if (n < 1000000000) {
    snprintf(buf, sizeof buf, "%.1fM", static_cast<double>(n) / 1e6);
  } else {
    snprintf(buf, sizeof buf, "%.1fB", static_cast<double>(n) / 1e9);
  }
  return buf;
}

std::string Elapsed(double seconds) {
  char buf[32];
  if (seconds < 60) {
    snprintf(buf, sizeof buf, "%.1f s", seconds);
  } else {
    const auto total = static_cast<long>(seconds);
    snprintf(buf, sizeof buf, "%ldm %02lds", total / 60, total % 60);
  }
  return buf;
}

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;  // a progress bar is not worth retrying for
    done += static_cast<size_t>(n);
  }
}

}  // namespace

ProgressBar::ProgressBar(int fd) : fd_(fd), enabled_(isatty(fd) == 1) {
  const char* term = getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") enabled_ = false;
}

std::string ProgressBar::Format(const Progress& progress, int columns) {
  std::string bar = "[";
  std::string percent;
  if (progress.fraction >= 0) {
    const double f = std::min(1.0, progress.fraction);
    const int filled = static_cast<int>(std::lround(f * kBarCells));
    for (int i = 0; i < kBarCells; i++) bar += i < filled ? "█" : "░";
    char buf[16];
    snprintf(buf, sizeof buf, "%d%%", static_cast<int>(std::floor(f * 100)));
    percent = buf;
  } else {
    // Unknown total: a 4-cell block bouncing across the bar.
    constexpr int kBlock = 4;
    const int span = kBarCells - kBlock;
    const int step = static_cast<int>(progress.elapsed_seconds * 10) % (2 * span);
    const int at = step < span ? step : 2 * span - step;
    for (int i = 0; i < kBarCells; i++) bar += (i >= at && i < at + kBlock) ? "█" : "░";
  }
  bar += "]";

  const uint64_t rows = progress.rows_processed;
  const std::string parts[] = {
      percent,
      rows > 0 ? CompactCount(rows) + (rows == 1 ? " row" : " rows") : std::string(),
      Elapsed(progress.elapsed_seconds),
      "(Ctrl-C to stop)",
  };
  // Add the parts in order while they fit; the bar itself always shows.
  std::string line = bar;
  size_t width = DisplayWidth(line);
  bool first = true;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    const char* gap = first ? " " : "  ";  // "[███░░] 45%  1.2M rows  3.4 s"
    first = false;
    const size_t w = DisplayWidth(part) + std::strlen(gap);
    if (static_cast<int>(width + w) >= columns) break;
    line += gap + part;
    width += w;
  }
  return line;
}

void ProgressBar::Update(const Progress& progress) {
  if (!enabled_ || progress.elapsed_seconds < kDelaySeconds) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  drawn_ = true;
  // \r to the line start, the bar, then erase whatever was right of it.
  WriteAll(fd_, "\r" + Format(progress, TerminalColumns(fd_)) + "\x1b[K");
}

void ProgressBar::Finish() {
  if (!drawn_) return;
  drawn_ = false;
  WriteAll(fd_, "\r\x1b[K");
}

}  // namespace kodiak::cli
