#include "txn/transaction_manager.h"

namespace kodiak {

Transaction::Transaction(CatalogSnapshotPtr base)
    : base_(std::move(base)), working_(std::make_shared<CatalogSnapshot>(*base_)) {}

void Transaction::PutTable(TableEntryPtr entry) {
  std::string key = CatalogKey(entry->name);
  if (working_.use_count() > 1) working_ = std::make_shared<CatalogSnapshot>(*working_);
  working_->tables[key] = std::move(entry);
  touched_.insert(key);
}

void Transaction::DropTable(std::string_view name) {
  std::string key = CatalogKey(name);
  if (working_.use_count() > 1) working_ = std::make_shared<CatalogSnapshot>(*working_);
  working_->tables.erase(key);
  touched_.insert(key);
}

Transaction::Savepoint Transaction::Save() const { return Savepoint{working_, touched_}; }

void Transaction::Restore(Savepoint sp) {
  working_ = std::move(sp.working);
  touched_ = std::move(sp.touched);
}

TransactionManager::TransactionManager() : committed_(std::make_shared<CatalogSnapshot>()) {}

CatalogSnapshotPtr TransactionManager::Committed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return committed_;
}

std::unique_ptr<Transaction> TransactionManager::Begin() const {
  return std::make_unique<Transaction>(Committed());
}

Status TransactionManager::Commit(const Transaction& txn) {
  if (txn.touched().empty()) return Status::OK();
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& key : txn.touched()) {
    auto now = committed_->tables.find(key);
    auto then = txn.base().tables.find(key);
    TableEntryPtr a = now == committed_->tables.end() ? nullptr : now->second;
    TableEntryPtr b = then == txn.base().tables.end() ? nullptr : then->second;
    if (a != b) {
      return Status::Transaction("could not commit: table '" + key +
                                 "' was changed by another connection after this transaction "
                                 "began; nothing was written — run the transaction again");
    }
  }
  auto next = std::make_shared<CatalogSnapshot>(*committed_);
  for (const auto& key : txn.touched()) {
    auto it = txn.snapshot().tables.find(key);
    if (it == txn.snapshot().tables.end()) next->tables.erase(key);
    else next->tables[key] = it->second;
  }
  committed_ = std::move(next);
  return Status::OK();
}

}  // namespace kodiak
