#include "catalog/catalog_snapshot.h"

#include "common/strings.h"

#include <algorithm>
#include <cctype>

namespace kodiak {

std::string CatalogKey(std::string_view name) { return AsciiLower(name); }

std::string FunctionKey(std::string_view receiver, std::string_view name) {
  return AsciiLower(receiver) + "." + AsciiLower(name);
}

NamedTypePtr CatalogSnapshot::FindType(std::string_view name) const {
  auto it = types.find(CatalogKey(name));
  return it == types.end() ? nullptr : it->second;
}

int TableEntry::FindColumn(std::string_view n) const {
  std::string key = CatalogKey(n);
  for (size_t i = 0; i < columns.size(); i++) {
    if (CatalogKey(columns[i].name) == key) return static_cast<int>(i);
  }
  return -1;
}

std::vector<LogicalType> TableEntry::ColumnTypes() const {
  std::vector<LogicalType> out;
  for (const auto& c : columns) out.push_back(c.type);
  return out;
}

TableEntryPtr CatalogSnapshot::FindTable(std::string_view name) const {
  auto it = tables.find(CatalogKey(name));
  return it == tables.end() ? nullptr : it->second;
}

std::vector<std::string> CatalogSnapshot::TableNames() const {
  std::vector<std::string> out;
  for (const auto& [key, entry] : tables) out.push_back(entry->name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kodiak
