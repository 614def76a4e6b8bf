// Parser: PL-Grizzly text to the AST of ast.h, by recursive descent.
//
// Contract: the entry points are pure functions of their text; the returned
// tree owns all its data (nothing points into the text). Every `pos` in the
// tree, and the position of every error, is a byte offset into the text
// given. Errors are SyntaxErrors with a message, the position of the
// offending token (the text length at the end of the input) and, where one
// can be guessed, a hint ("did you mean FROM?"). Input of any shape and size
// is safe: nesting deeper than kMaxDepth is an error, not a stack overflow.
//
// Grammar decisions worth knowing (see docs/grammar.md):
//  - `{name}` where a table, column-definition-free name goes (FROM, INSERT
//    INTO, UPDATE, DELETE, DROP, DESCRIBE, INSERT column lists, UPDATE SET
//    targets) is a Name with from_variable; anywhere in an expression it is a
//    kVariable value. `{ key: value }` and `{}` are struct literals.
//  - `FROM 'file.csv'` is the table function read_file('file.csv').
//  - `x IS [NOT] TRUE/FALSE` is lowered to `x IS [NOT] DISTINCT FROM TRUE/FALSE`
//    (kIsDistinct, negated inverted): same three-valued meaning, no new node.
//  - `x.f(args)` on a value is the call f(x, args) (method-call syntax).
//  - `N { f: v }` for a type name N is a kCast of the struct literal to N.
//
// Thread safety: the functions share no state; call them from any thread.
#pragma once

#include <string_view>

#include "kodiak/status.h"
#include "sql/parser/ast.h"

namespace kodiak::sql {

class Parser {
 public:
  // Deeper nesting of expressions, queries or types is a syntax error.
  static constexpr int kMaxDepth = 1000;

  // Exactly one statement; a trailing ';' is allowed, anything after it is an
  // error. `first_line` / `first_column` say where `sql` starts in a larger
  // script; they are used only inside messages that name a second place
  // ("expected ')' to close '(' at line 3, column 7"). Positions stay offsets
  // into `sql`.
  static Result<StatementPtr> ParseStatement(std::string_view sql, int first_line = 1,
                                             int first_column = 1);

  // Exactly one expression (no trailing ';').
  static Result<ExprPtr> ParseExpression(std::string_view sql);

  // Exactly one type name: "INT", "DECIMAL(10,2)", "LIST<TEXT>", "MyType".
  static Result<TypeName> ParseType(std::string_view sql);
};

}  // namespace kodiak::sql
