// Catalog objects beside tables: named types (CREATE TYPE ... AS STRUCT or
// AS EXCEPTION) and user functions (CREATE FUNCTION, with an optional
// receiver type).
//
// Contract: immutable once published in a CatalogSnapshot; shared between
// snapshots (shared_ptr); const access is thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kodiak/type.h"

namespace kodiak {

struct NamedType {
  std::string name;         // as created
  bool exception = false;   // AS EXCEPTION ("message")
  LogicalType type;         // AS STRUCT: the struct type
  std::string message;      // AS EXCEPTION: the default message
};
using NamedTypePtr = std::shared_ptr<const NamedType>;

struct FunctionParam {
  std::string name;
  LogicalType type;
  std::string type_name;  // the named type it was declared with, if any
};

struct UserFunction {
  std::string name;       // as created
  std::string receiver;   // the receiver's named type ([R]), or empty
  std::vector<FunctionParam> params;
  LogicalType result;
  std::string result_type_name;     // a named result type, if any
  std::vector<std::string> raises;  // RAISE E, ...
  std::string sql;                  // the CREATE FUNCTION statement, parsed again to run it
};
using UserFunctionPtr = std::shared_ptr<const UserFunction>;

// The catalog key of a function: "receiver.name" or ".name" (lower case).
std::string FunctionKey(std::string_view receiver, std::string_view name);

}  // namespace kodiak
