// Database: the handle to one Kodiak database.
//
// Contract: a Database is thread-safe; it must outlive every Connection made
// on it. Today a database lives in memory (its tables are lists of
// Arrow-layout record batches) and disappears when the handle is destroyed;
// the durable block store adds folders on disk.
#pragma once

#include <memory>
#include <string>

#include "kodiak/status.h"

namespace kodiak {

namespace internal {
class DatabaseState;  // src/main/database_state.h
}

// The version of this Kodiak build, "0.1.0".
const char* Version();

class Database {
 public:
  // A new, empty in-memory database.
  static std::unique_ptr<Database> InMemory();
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  internal::DatabaseState& state() { return *state_; }

 private:
  Database();
  std::unique_ptr<internal::DatabaseState> state_;
};

}  // namespace kodiak
