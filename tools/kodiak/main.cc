// kodiak: the command-line program — argument handling, then the REPL or a
// script run (docs/cli.md).
//
//   kodiak                  REPL on a new in-memory database when standard
//                           input is a terminal; else standard input runs as
//                           a script
//   kodiak -c SQL           run SQL, print the results, exit
//   kodiak -f FILE          run a script (also: kodiak < FILE)
//   kodiak --version | --help
//
// Exit status: 0 success; 1 a statement, dot command or script failed (the
// first error stops everything); 2 bad command-line arguments. Options are
// parsed by hand: there are few, and the messages stay ours.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interrupt.h"
#include "kodiak/kodiak.h"
#include "render.h"
#include "repl.h"
#include "shell.h"

namespace kodiak::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

struct Action {
  enum Kind { kCommand, kFile } kind;
  std::string text;  // SQL for kCommand, a path ("-": standard input) for kFile
};

struct Options {
  std::vector<Action> actions;
  RenderMode mode = RenderMode::kBox;
  bool interactive = false;
  bool help = false;
  bool version = false;
};

void PrintUsage(std::ostream& out) {
  out << "Usage: kodiak [OPTIONS]\n"
         "\n"
         "Kodiak is an embedded analytical database. Without -c or -f, kodiak opens an\n"
         "interactive shell on a new in-memory database when standard input is a\n"
         "terminal, and otherwise runs standard input as a script.\n"
         "\n"
         "Options:\n"
         "  -c, --command SQL   Run SQL (statements, or a dot command), print the results\n"
         "  -f, --file FILE     Run the script FILE; '-' reads standard input\n"
         "  -m, --mode MODE     Output mode: "
      << RenderModeList()
      << "\n"
         "                      (default box)\n"
         "  -i, --interactive   Open the interactive shell after running -c and -f\n"
         "  -h, --help          Show this help and exit\n"
         "  -V, --version       Print the version and exit\n"
         "\n"
         "-c and -f may be given several times; they run in order on one database, and\n"
         "the first error stops kodiak. A script stops at its first error with\n"
         "  Error in FILE: <kind of error> at line N, column C: <message>\n"
         "\n"
         "Dot commands (in the shell, in scripts and in -c):\n"
      << Shell::DotCommandHelp()
      << "\n"
         "Exit status: 0 on success, 1 when a statement or script fails, 2 for bad options.\n"
         "Environment: KODIAK_HOME (history file folder; default ~/.kodiak_history),\n"
         "COLUMNS (result width when not on a terminal), NO_COLOR (no ANSI colors).\n";
}

// Prints a usage error; returns the exit status for it.
int UsageError(const std::string& message) {
  std::cerr << "kodiak: " << message << "\nTry 'kodiak --help' for more information.\n";
  return kExitUsage;
}

// Parses argv into *options. Returns -1 on success, else the exit status.
int ParseArguments(int argc, char** argv, Options* options) {
  bool options_done = false;
  for (int i = 1; i < argc; i++) {
    std::string_view arg = argv[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      return UsageError("unexpected argument '" + std::string(arg) +
                        "' — to run a script, use: kodiak -f " + std::string(arg));
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    // --name=value
    std::string name(arg);
    std::string value;
    bool has_value = false;
    if (arg.rfind("--", 0) == 0) {
      const size_t eq = arg.find('=');
      if (eq != std::string_view::npos) {
        name = std::string(arg.substr(0, eq));
        value = std::string(arg.substr(eq + 1));
        has_value = true;
      }
    }
    auto take_value = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    auto flag = [&](bool* target) {
      if (has_value) return UsageError("option '" + name + "' takes no value");
      *target = true;
      return -1;
    };
    int status = -1;
    if (name == "-c" || name == "--command") {
      if (!take_value()) {
        return UsageError("option '" + name + "' needs SQL text, as in: kodiak -c \"SELECT 1\"");
      }
      options->actions.push_back({Action::kCommand, value});
    } else if (name == "-f" || name == "--file") {
      if (!take_value()) {
        return UsageError("option '" + name + "' needs a file name, as in: kodiak -f script.sql");
      }
      options->actions.push_back({Action::kFile, value});
    } else if (name == "-m" || name == "--mode") {
      if (!take_value()) {
        return UsageError("option '" + name + "' needs a mode: " + RenderModeList());
      }
      if (!ParseRenderMode(value, &options->mode)) {
        return UsageError("unknown mode '" + value + "' — choose one of " + RenderModeList());
      }
    } else if (name == "-i" || name == "--interactive") {
      status = flag(&options->interactive);
    } else if (name == "-h" || name == "--help") {
      status = flag(&options->help);
    } else if (name == "-V" || name == "--version") {
      status = flag(&options->version);
    } else {
      return UsageError("unknown option '" + std::string(arg) + "'");
    }
    if (status != -1) return status;
  }
  return -1;
}

int RunActions(const Options& options, Shell& shell) {
  for (const auto& action : options.actions) {
    Shell::Outcome outcome;
    if (action.kind == Action::kCommand) {
      outcome = shell.RunCommand(action.text);
    } else if (action.text == "-") {
      outcome = shell.RunScript(std::cin, "stdin");
    } else {
      std::ifstream file(action.text);
      if (!file) {
        std::cerr << "Error: cannot open " << action.text << ": " << std::strerror(errno) << '\n';
        return kExitError;
      }
      outcome = shell.RunScript(file, action.text);
    }
    if (outcome == Shell::Outcome::kError) return kExitError;
    if (outcome == Shell::Outcome::kQuit) return kExitOk;
  }
  return -1;  // keep going
}

int Main(int argc, char** argv) {
  Options options;
  if (const int status = ParseArguments(argc, argv, &options); status != -1) return status;
  if (options.help) {
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (options.version) {
    std::cout << "kodiak " << Version() << '\n';
    return kExitOk;
  }
  const bool stdin_is_terminal = isatty(STDIN_FILENO) == 1;
  if (options.interactive && !stdin_is_terminal) {
    return UsageError("-i needs standard input to be a terminal");
  }

  std::unique_ptr<Database> db = Database::InMemory();
  Connection conn(*db);
  Shell shell(conn);
  shell.set_mode(options.mode);
  InterruptHandler::Install(InterruptHandler::WhenIdle::kExit);

  if (!options.actions.empty()) {
    if (const int status = RunActions(options, shell); status != -1) return status;
    if (!options.interactive) return kExitOk;
  } else if (!stdin_is_terminal) {
    return shell.RunScript(std::cin, "stdin") == Shell::Outcome::kError ? kExitError : kExitOk;
  }
  Repl repl(shell);
  return repl.Run();
}

}  // namespace
}  // namespace kodiak::cli

int main(int argc, char** argv) { return kodiak::cli::Main(argc, argv); }
