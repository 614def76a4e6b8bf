// Prints AST expressions back as PL-Grizzly text: the names of unaliased
// result columns ("a * 10", "count(*)") and the stored text of DEFAULT
// expressions, which must parse back to the same expression.
//
// Contract: pure, thread-safe.
#pragma once

#include <string>

#include "sql/parser/ast.h"

namespace kodiak::sql {

std::string ExprToSql(const Expr& e);

}  // namespace kodiak::sql
