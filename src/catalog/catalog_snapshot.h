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

#include "catalog/named_type.h"
#include "catalog/table.h"

namespace kodiak {

// Lower-cases ASCII: the catalog's case-insensitive key for a name.
std::string CatalogKey(std::string_view name);

struct CatalogSnapshot {
  std::map<std::string, TableEntryPtr> tables;  // key: CatalogKey(name)
  std::map<std::string, NamedTypePtr> types;    // key: CatalogKey(name)
  std::map<std::string, UserFunctionPtr> functions;  // key: FunctionKey(receiver, name)

  TableEntryPtr FindTable(std::string_view name) const;
  std::vector<std::string> TableNames() const;  // as created, sorted
  NamedTypePtr FindType(std::string_view name) const;
};
using CatalogSnapshotPtr = std::shared_ptr<const CatalogSnapshot>;

}  // namespace kodiak
