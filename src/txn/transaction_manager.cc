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

void Transaction::PutType(const std::string& key, NamedTypePtr type) {
  if (working_.use_count() > 1) working_ = std::make_shared<CatalogSnapshot>(*working_);
  if (type) working_->types[key] = std::move(type);
  else working_->types.erase(key);
  touched_.insert("type:" + key);
}

void Transaction::PutFunction(const std::string& key, UserFunctionPtr function) {
  if (working_.use_count() > 1) working_ = std::make_shared<CatalogSnapshot>(*working_);
  if (function) working_->functions[key] = std::move(function);
  else working_->functions.erase(key);
  touched_.insert("function:" + key);
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
  // Touched keys: a table's name, or "type:" / "function:" and the object's key.
  auto lookup = [](const CatalogSnapshot& s, const std::string& key) -> const void* {
    if (key.rfind("type:", 0) == 0) {
      auto it = s.types.find(key.substr(5));
      return it == s.types.end() ? nullptr : it->second.get();
    }
    if (key.rfind("function:", 0) == 0) {
      auto it = s.functions.find(key.substr(9));
      return it == s.functions.end() ? nullptr : it->second.get();
    }
    auto it = s.tables.find(key);
    return it == s.tables.end() ? nullptr : it->second.get();
  };
  for (const auto& key : txn.touched()) {
    const void* a = lookup(*committed_, key);
    const void* b = lookup(txn.base(), key);
    if (a != b) {
      return Status::Transaction("could not commit: table '" + key +
                                 "' was changed by another connection after this transaction "
                                 "began; nothing was written — run the transaction again");
    }
  }
  auto next = std::make_shared<CatalogSnapshot>(*committed_);
  for (const auto& key : txn.touched()) {
    if (key.rfind("type:", 0) == 0) {
      auto it = txn.snapshot().types.find(key.substr(5));
      if (it == txn.snapshot().types.end()) next->types.erase(key.substr(5));
      else next->types[key.substr(5)] = it->second;
      continue;
    }
    if (key.rfind("function:", 0) == 0) {
      auto it = txn.snapshot().functions.find(key.substr(9));
      if (it == txn.snapshot().functions.end()) next->functions.erase(key.substr(9));
      else next->functions[key.substr(9)] = it->second;
      continue;
    }
    auto it = txn.snapshot().tables.find(key);
    if (it == txn.snapshot().tables.end()) next->tables.erase(key);
    else next->tables[key] = it->second;
  }
  committed_ = std::move(next);
  return Status::OK();
}

}  // namespace kodiak
