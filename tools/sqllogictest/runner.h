// Runner: executes the records of one parsed sqllogictest file against a
// fresh in-memory Kodiak database, through the public API only.
//
// Contract: Run() never throws and never aborts on bad input; every outcome
// (pass, failure, skip, malformed record) is counted in the FileReport. Each
// call uses its own Database and Connections, so distinct Runners (or calls)
// may run on distinct threads at once.
//
// Counting: each executed `statement` or `query` record is one passed or
// failed record (a record inside a loop counts once per iteration); a
// malformed record counts as one failure; skipped records are statement and
// query records not run because of skipif/onlyif, `mode skip`, an unmet
// `require`, plus `load`/`restart` records that need an on-disk database.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "record.h"

namespace kodiak::slt {

class Watchdog;

struct RunnerOptions {
  size_t max_failures = 3;       // failures kept in FileReport::failures
  bool verbose = false;          // also fill FileReport::notes
  Watchdog* watchdog = nullptr;  // not owned; when set, limits each statement's time
};

struct FileReport {
  std::string path;
  uint64_t passed = 0;
  uint64_t failed = 0;
  uint64_t skipped = 0;
  // The first `max_failures` failures, each a formatted multi-line block
  // ("path:line: what\n    the record\n  details").
  std::vector<std::string> failures;
  // Why records were skipped, other than skipif/onlyif and `mode skip`:
  // reason -> number of records.
  std::map<std::string, uint64_t> skip_reasons;
  // The line of the `halt` record that stopped the file, or 0.
  int halted_at = 0;
  // Verbose only: the file's # name/# description, ignored directives.
  std::vector<std::string> notes;
  double seconds = 0;
};

class Runner {
 public:
  explicit Runner(RunnerOptions options) : options_(options) {}

  FileReport Run(const ParsedFile& file) const;

 private:
  RunnerOptions options_;
};

// Where the calling thread is: the file and line of the record it is running,
// or {nullptr, 0} outside Run(). Meant for a crash handler; reads only
// thread-local plain data.
struct RecordPosition {
  const char* path;
  int line;
};
RecordPosition CurrentRecordPosition();

}  // namespace kodiak::slt
