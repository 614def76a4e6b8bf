// kodiak-sqllogictest: runs sqllogictest files against Kodiak.
//
//   kodiak-sqllogictest [options] FILE|DIR...
//
// Directories are searched recursively for *.test (sorted). Each file runs on
// a fresh in-memory database. Per file one line "path: N passed, N failed"
// (", N skipped" when any), the first failures below it, and at the very end
// one line "N passed, N failed[, N skipped]" alone (CI reads it). Exit code 0
// when no record failed (always with --report), 1 otherwise, 2 on bad usage.
// See docs/testing.md.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "record_parser.h"
#include "runner.h"
#include "watchdog.h"

namespace {

namespace fs = std::filesystem;
using kodiak::slt::FileReport;

struct Options {
  bool report = false;
  bool verbose = false;
  size_t max_failures = 3;
  size_t jobs = 1;
  double timeout_seconds = 30;
  double min_pass = -1;  // --min-pass: every file must pass at least this percentage
  std::string filter;
  std::vector<std::string> paths;
};

void PrintUsage(FILE* out) {
  std::fprintf(
      out,
      "Usage: kodiak-sqllogictest [options] FILE|DIR...\n"
      "\n"
      "Runs sqllogictest files (directories: every *.test below them, sorted),\n"
      "each on a fresh in-memory database.\n"
      "\n"
      "Options:\n"
      "  --report            conformance mode: print the pass percentage per file and\n"
      "                      exit 0 even when records fail\n"
      "  --min-pass PERCENT  with --report: exit 1 when any file passes fewer than\n"
      "                      PERCENT of its records (e.g. 99.5), naming those files\n"
      "  --max-failures N    failures shown per file (default 3)\n"
      "  --filter SUBSTR     only files whose path contains SUBSTR\n"
      "  --jobs N, -j N      run N files at a time (default 1)\n"
      "  --timeout SECONDS   interrupt a statement running longer than this; its record\n"
      "                      fails (default 30; 0 = no limit)\n"
      "  --verbose, -v       also show file headers, skip reasons and timings\n"
      "  --help, -h          this text\n"
      "\n"
      "The last line of output is the total: \"N passed, N failed[, N skipped]\".\n"
      "Exit status: 0 when no record failed (or with --report and every file at\n"
      "--min-pass), 1 otherwise, 2 on bad usage.\n");
}

bool ParseCount(const char* text, size_t* out) {
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < 0) return false;
  *out = static_cast<size_t>(v);
  return true;
}

// Returns 0 to continue, or the exit code.
int ParseArgs(int argc, char** argv, Options* opts) {
  bool only_paths = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_paths || arg.empty() || arg[0] != '-' || arg == "-") {
      opts->paths.push_back(arg);
      continue;
    }
    std::string value;
    bool has_inline = false;
    if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_inline = true;
    }
    auto take_value = [&](const char* name) -> const char* {
      if (has_inline) return value.c_str();
      if (i + 1 >= argc) {
        std::fprintf(stderr, "kodiak-sqllogictest: %s needs a value\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    if (arg == "--") {
      only_paths = true;
    } else if (arg == "--help" || arg == "-h") {
      PrintUsage(stdout);
      return -1;
    } else if (arg == "--report") {
      opts->report = true;
    } else if (arg == "--min-pass") {
      const char* v = take_value("--min-pass");
      if (v == nullptr) return 2;
      char* end = nullptr;
      double p = std::strtod(v, &end);
      if (end == v || *end != '\0' || p < 0 || p > 100) {
        std::fprintf(stderr, "kodiak-sqllogictest: --min-pass needs a percentage from 0 to 100, not '%s'\n", v);
        return 2;
      }
      opts->min_pass = p;
      opts->report = true;
    } else if (arg == "--verbose" || arg == "-v") {
      opts->verbose = true;
    } else if (arg == "--max-failures") {
      const char* v = take_value("--max-failures");
      if (v == nullptr) return 2;
      if (!ParseCount(v, &opts->max_failures)) {
        std::fprintf(stderr, "kodiak-sqllogictest: --max-failures needs a number, not '%s'\n", v);
        return 2;
      }
    } else if (arg == "--jobs" || arg == "-j") {
      const char* v = take_value("--jobs");
      if (v == nullptr) return 2;
      if (!ParseCount(v, &opts->jobs) || opts->jobs == 0) {
        std::fprintf(stderr, "kodiak-sqllogictest: --jobs needs a positive number, not '%s'\n", v);
        return 2;
      }
    } else if (arg == "--timeout") {
      const char* v = take_value("--timeout");
      if (v == nullptr) return 2;
      char* end = nullptr;
      double t = std::strtod(v, &end);
      if (end == v || *end != '\0' || !(t >= 0)) {
        std::fprintf(stderr, "kodiak-sqllogictest: --timeout needs a number of seconds, not '%s'\n",
                     v);
        return 2;
      }
      opts->timeout_seconds = t;
    } else if (arg == "--filter") {
      const char* v = take_value("--filter");
      if (v == nullptr) return 2;
      opts->filter = v;
    } else {
      std::fprintf(stderr, "kodiak-sqllogictest: unknown option '%s' (see --help)\n", argv[i]);
      return 2;
    }
  }
  if (opts->paths.empty()) {
    std::fprintf(stderr, "kodiak-sqllogictest: no FILE or DIR given (see --help)\n");
    return 2;
  }
  return 0;
}

// Expands the arguments into the list of files to run. Returns false (after
// printing why) when an argument does not exist.
bool CollectFiles(const Options& opts, std::vector<std::string>* files) {
  for (const std::string& arg : opts.paths) {
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      std::fprintf(stderr, "kodiak-sqllogictest: %s: no such file or directory\n", arg.c_str());
      return false;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec) && it->path().extension() == ".test") {
          found.push_back(it->path().lexically_normal().string());
        }
      }
      if (ec) {
        std::fprintf(stderr, "kodiak-sqllogictest: %s: %s\n", arg.c_str(), ec.message().c_str());
        return false;
      }
      std::sort(found.begin(), found.end());
      files->insert(files->end(), found.begin(), found.end());
    } else {
      files->push_back(arg);
    }
  }
  if (!opts.filter.empty()) {
    files->erase(std::remove_if(files->begin(), files->end(),
                                [&](const std::string& f) {
                                  return f.find(opts.filter) == std::string::npos;
                                }),
                 files->end());
  }
  return true;
}

bool ReadFile(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

FileReport RunFile(const std::string& path, const kodiak::slt::Runner& runner) {
  std::string text;
  if (!ReadFile(path, &text)) {
    FileReport report;
    report.path = path;
    report.failed = 1;
    report.failures.push_back(path + ": cannot read file: " + std::strerror(errno) + "\n");
    return report;
  }
  kodiak::slt::ParsedFile parsed = kodiak::slt::ParseRecords(path, text);
  text.clear();
  text.shrink_to_fit();
  return runner.Run(parsed);
}

std::string Counts(uint64_t passed, uint64_t failed, uint64_t skipped) {
  std::string out = std::to_string(passed) + " passed, " + std::to_string(failed) + " failed";
  if (skipped > 0) out += ", " + std::to_string(skipped) + " skipped";
  return out;
}

// "99.70%" of the records run that passed; "-" when none ran.
std::string Percent(uint64_t passed, uint64_t failed) {
  if (passed + failed == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f%%",
                100.0 * static_cast<double>(passed) / static_cast<double>(passed + failed));
  return buf;
}

std::string IndentBlock(const std::string& block, const char* indent) {
  std::string out;
  size_t start = 0;
  while (start < block.size()) {
    size_t nl = block.find('\n', start);
    if (nl == std::string::npos) nl = block.size();
    out += indent;
    out.append(block, start, nl - start);
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string FormatReport(const FileReport& r, const Options& opts) {
  std::string out = r.path + ": " + Counts(r.passed, r.failed, r.skipped);
  if (opts.report) out += " (" + Percent(r.passed, r.failed) + ")";
  out += '\n';
  for (const std::string& f : r.failures) out += IndentBlock(f, "  ");
  if (r.failed > r.failures.size() && opts.max_failures > 0) {
    uint64_t more = r.failed - r.failures.size();
    out += "  ... and " + std::to_string(more) + (more == 1 ? " more failure" : " more failures") +
           " (--max-failures N shows more)\n";
  }
  for (const auto& [reason, count] : r.skip_reasons) {
    out += "  skipped " + std::to_string(count) + ": " + reason + "\n";
  }
  if (opts.verbose) {
    for (const std::string& note : r.notes) out += "  " + note + "\n";
  }
  if (r.halted_at > 0) out += "  halted at line " + std::to_string(r.halted_at) + "\n";
  if (opts.verbose) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "  time: %.3fs\n", r.seconds);
    out += buf;
  }
  return out;
}

// On a crash, say which record was running: the engine is the usual suspect
// and the line number is the first thing one wants.
extern "C" void OnFatalSignal(int sig) {
  kodiak::slt::RecordPosition pos = kodiak::slt::CurrentRecordPosition();
  char buf[1024];
  int n;
  if (pos.path != nullptr) {
    n = std::snprintf(buf, sizeof(buf),
                      "\nkodiak-sqllogictest: fatal signal %d while running %s:%d\n", sig, pos.path,
                      pos.line);
  } else {
    n = std::snprintf(buf, sizeof(buf), "\nkodiak-sqllogictest: fatal signal %d\n", sig);
  }
  if (n > 0) {
    ssize_t ignored =
        ::write(STDERR_FILENO, buf, std::min<size_t>(static_cast<size_t>(n), sizeof(buf) - 1));
    (void)ignored;
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void InstallCrashHandlers() {
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(sig, OnFatalSignal);
}

}  // namespace

int main(int argc, char** argv) {
  Options opts;
  int rc = ParseArgs(argc, argv, &opts);
  if (rc != 0) return rc < 0 ? 0 : rc;

  std::vector<std::string> files;
  if (!CollectFiles(opts, &files)) return 2;
  if (files.empty()) std::fprintf(stderr, "kodiak-sqllogictest: no .test files found\n");

  InstallCrashHandlers();
  kodiak::slt::Watchdog watchdog(opts.timeout_seconds);
  kodiak::slt::RunnerOptions runner_options;
  runner_options.max_failures = opts.max_failures;
  runner_options.verbose = opts.verbose;
  runner_options.watchdog = opts.timeout_seconds > 0 ? &watchdog : nullptr;
  kodiak::slt::Runner runner(runner_options);

  uint64_t passed = 0, failed = 0, skipped = 0;
  std::vector<std::string> below;  // files under --min-pass
  auto print = [&](const FileReport& r) {
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
    if (opts.min_pass >= 0 && r.passed + r.failed > 0 &&
        100.0 * static_cast<double>(r.passed) / static_cast<double>(r.passed + r.failed) < opts.min_pass) {
      below.push_back(r.path + " (" + Percent(r.passed, r.failed) + ")");
    }
    std::string text = FormatReport(r, opts);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  };

  size_t jobs = std::min(opts.jobs, std::max<size_t>(files.size(), 1));
  if (jobs <= 1) {
    for (const std::string& f : files) {
      if (opts.verbose) {
        std::printf("running %s\n", f.c_str());
        std::fflush(stdout);
      }
      print(RunFile(f, runner));
    }
  } else {
    // Workers take files in order; reports are printed in file order.
    std::vector<std::optional<FileReport>> reports(files.size());
    std::mutex mu;
    std::condition_variable cv;
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    for (size_t w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        for (size_t i = next++; i < files.size(); i = next++) {
          FileReport r = RunFile(files[i], runner);
          std::lock_guard<std::mutex> lock(mu);
          reports[i] = std::move(r);
          cv.notify_all();
        }
      });
    }
    for (size_t i = 0; i < files.size(); ++i) {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return reports[i].has_value(); });
      FileReport r = std::move(*reports[i]);
      reports[i].reset();
      lock.unlock();
      print(r);
    }
    for (auto& t : workers) t.join();
  }

  if (opts.report) {
    std::printf("%zu file%s, %s of the records run passed\n", files.size(),
                files.size() == 1 ? "" : "s", Percent(passed, failed).c_str());
  }
  for (const std::string& b : below) {
    std::printf("below the required %.1f%%: %s\n", opts.min_pass, b.c_str());
  }
  std::printf("%s\n", Counts(passed, failed, skipped).c_str());
  std::fflush(stdout);
  if (!below.empty()) return 1;
  return failed > 0 && !opts.report ? 1 : 0;
}
