// TransactionManager: owns the committed CatalogSnapshot and publishes
// transactions atomically (snapshot isolation, first committer wins per
// table).
//
// A Transaction starts from the committed snapshot (its `base`), works on a
// private copy, and at commit publishes the tables it touched — unless one of
// them was committed by someone else since `base`, which fails with a
// Transaction error and leaves the database unchanged.
//
// Thread safety: TransactionManager is thread-safe. A Transaction belongs to
// one Connection at a time.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "catalog/catalog_snapshot.h"
#include "kodiak/status.h"

namespace kodiak {

class Transaction {
 public:
  explicit Transaction(CatalogSnapshotPtr base);

  const CatalogSnapshot& snapshot() const { return *working_; }
  const CatalogSnapshot& base() const { return *base_; }
  const std::set<std::string>& touched() const { return touched_; }

  // Replaces (or adds) a table in this transaction's view.
  void PutTable(TableEntryPtr entry);
  void DropTable(std::string_view name);
  // Named types and functions (null to drop); `key` as in CatalogSnapshot.
  void PutType(const std::string& key, NamedTypePtr type);
  void PutFunction(const std::string& key, UserFunctionPtr function);

  // A statement-level savepoint: Restore() brings back the view as it was.
  struct Savepoint {
    std::shared_ptr<CatalogSnapshot> working;
    std::set<std::string> touched;
  };
  Savepoint Save() const;
  void Restore(Savepoint sp);

 private:
  CatalogSnapshotPtr base_;
  std::shared_ptr<CatalogSnapshot> working_;
  std::set<std::string> touched_;
};

class TransactionManager {
 public:
  TransactionManager();
  CatalogSnapshotPtr Committed() const;
  std::unique_ptr<Transaction> Begin() const;
  Status Commit(const Transaction& txn);

 private:
  mutable std::mutex mu_;
  CatalogSnapshotPtr committed_;  // guarded by mu_
};

}  // namespace kodiak
