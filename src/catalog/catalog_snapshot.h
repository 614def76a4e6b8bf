// CatalogSnapshot: one consistent, immutable view of every table in the
// database. The database holds the committed snapshot; a transaction works
// on a private copy and publishes it at COMMIT.
//
// Contract: immutable once published; copy to modify (copies share entries).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/table.h"

namespace kodiak {

// Lower-cases ASCII: the catalog's case-insensitive key for a name.
std::string CatalogKey(std::string_view name);

struct CatalogSnapshot {
  std::map<std::string, TableEntryPtr> tables;  // key: CatalogKey(name)

  TableEntryPtr FindTable(std::string_view name) const;
  std::vector<std::string> TableNames() const;  // as created, sorted
};
using CatalogSnapshotPtr = std::shared_ptr<const CatalogSnapshot>;

}  // namespace kodiak
