// DatabaseState: everything one open database shares between its
// connections — today the transaction manager over the committed catalog.
//
// Contract: thread-safe (TransactionManager locks internally).
#pragma once

#include "txn/transaction_manager.h"

namespace kodiak::internal {

class DatabaseState {
 public:
  TransactionManager& transactions() { return transactions_; }

 private:
  TransactionManager transactions_;
};

}  // namespace kodiak::internal
