#include "sql/parser/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql/parser/suggest.h"

namespace kodiak::sql {
namespace {

std::vector<Token> Lex(std::string_view text) {
  auto r = Lexer::Tokenize(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<Token>{};
}

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& t : Lex(text)) kinds.push_back(t.kind);
  return kinds;
}

using K = TokenKind;

TEST(LexerTest, EmptyAndBlankInputGiveOnlyEnd) {
  for (std::string_view text : {"", "   \n\t ", "-- just a comment", "/* block */"}) {
    auto tokens = Lex(text);
    ASSERT_EQ(tokens.size(), 1u) << text;
    EXPECT_EQ(tokens[0].kind, K::kEnd);
    EXPECT_EQ(tokens[0].pos, static_cast<int64_t>(text.size()));
  }
}

TEST(LexerTest, WordsAreFoldedToLowerCaseButKeepTheirText) {
  auto t = Lex("SeLeCt MyCol FROM café");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].kind, K::kIdentifier);
  EXPECT_EQ(t[0].value, "select");
  EXPECT_EQ(t[0].text, "SeLeCt");
  EXPECT_TRUE(t[0].IsWord("select"));
  EXPECT_EQ(t[1].value, "mycol");
  EXPECT_EQ(t[1].text, "MyCol");
  EXPECT_EQ(t[2].value, "from");
  EXPECT_EQ(t[3].value, "café");  // UTF-8 bytes belong to the word
  EXPECT_EQ(t[3].pos, 18);
}

TEST(LexerTest, BacktickNamesKeepCaseAndUnescapeDoubledBackticks) {
  auto t = Lex("`My Col` `a``b` `from`");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].kind, K::kQuotedIdentifier);
  EXPECT_EQ(t[0].value, "My Col");
  EXPECT_EQ(t[0].text, "`My Col`");
  EXPECT_EQ(t[1].value, "a`b");
  EXPECT_EQ(t[2].value, "from");
  EXPECT_FALSE(t[2].IsWord("from"));  // a quoted keyword is a plain name
}

TEST(LexerTest, BothQuoteKindsAreStringsWithDoubledQuoteEscapes) {
  auto t = Lex(R"('it''s' "say ""hi""" '' "a'b" 'x"y')");
  ASSERT_EQ(t.size(), 6u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(t[i].kind, K::kString);
  EXPECT_EQ(t[0].value, "it's");
  EXPECT_EQ(t[1].value, "say \"hi\"");
  EXPECT_EQ(t[2].value, "");
  EXPECT_EQ(t[3].value, "a'b");
  EXPECT_EQ(t[4].value, "x\"y");
}

TEST(LexerTest, StringsMaySpanLinesAndHoldCommentMarkers) {
  auto t = Lex("'a\n-- not a comment /* nor this */'");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "a\n-- not a comment /* nor this */");
}

TEST(LexerTest, Numbers) {
  auto t = Lex("42 007 1.5 .5 1. 1e10 2.5E-3 1.e5 3E+2");
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].kind, K::kInteger);
  EXPECT_EQ(t[0].value, "42");
  EXPECT_EQ(t[1].kind, K::kInteger);
  EXPECT_EQ(t[2].kind, K::kDecimal);
  EXPECT_EQ(t[2].value, "1.5");
  EXPECT_EQ(t[3].kind, K::kDecimal);
  EXPECT_EQ(t[3].value, ".5");
  EXPECT_EQ(t[4].kind, K::kDecimal);
  EXPECT_EQ(t[4].value, "1.");
  EXPECT_EQ(t[5].kind, K::kFloat);
  EXPECT_EQ(t[6].kind, K::kFloat);
  EXPECT_EQ(t[6].value, "2.5E-3");
  EXPECT_EQ(t[7].kind, K::kFloat);
  EXPECT_EQ(t[8].kind, K::kFloat);
}

TEST(LexerTest, NumberThenDotThenName) {
  // t.a stays a path; 1.5.x is not a number.
  EXPECT_EQ(Kinds("t.a"), (std::vector<K>{K::kIdentifier, K::kDot, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("x[1].y"), (std::vector<K>{K::kIdentifier, K::kLBracket, K::kInteger,
                                             K::kRBracket, K::kDot, K::kIdentifier, K::kEnd}));
}

TEST(LexerTest, BadNumbersAreErrors) {
  for (std::string_view text : {"12abc", "1e", "1.5x", "3e+"}) {
    auto r = Lexer::Tokenize(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError);
    EXPECT_EQ(r.status().position(), 0);
    EXPECT_NE(r.status().message().find("invalid number"), std::string::npos);
  }
}

TEST(LexerTest, EveryOperator) {
  EXPECT_EQ(
      Kinds("+ - * / % || = == != <> < <= > >= ( ) , . ; : :: [ ] { } -> ->> => & | << >> ~"),
      (std::vector<K>{K::kPlus,        K::kMinus,      K::kStar,     K::kSlash,     K::kPercent,
                      K::kConcat,      K::kEq,         K::kEqEq,     K::kNotEq,     K::kNotEq,
                      K::kLt,          K::kLtEq,       K::kGt,       K::kGtEq,      K::kLParen,
                      K::kRParen,      K::kComma,      K::kDot,      K::kSemicolon, K::kColon,
                      K::kDoubleColon, K::kLBracket,   K::kRBracket, K::kLBrace,    K::kRBrace,
                      K::kArrow,       K::kLongArrow,  K::kFatArrow, K::kAmpersand, K::kPipe,
                      K::kShiftLeft,   K::kShiftRight, K::kTilde,    K::kEnd}));
}

TEST(LexerTest, OperatorsWithoutSpaces) {
  EXPECT_EQ(Kinds("a->>'k'"), (std::vector<K>{K::kIdentifier, K::kLongArrow, K::kString, K::kEnd}));
  EXPECT_EQ(Kinds("x::int"),
            (std::vector<K>{K::kIdentifier, K::kDoubleColon, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("a<>b"), (std::vector<K>{K::kIdentifier, K::kNotEq, K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("1-2"), (std::vector<K>{K::kInteger, K::kMinus, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("a--b\n"), (std::vector<K>{K::kIdentifier, K::kEnd}));
  EXPECT_EQ(Kinds("a/*x*/b"), (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kEnd}));
}

TEST(LexerTest, CommentsAnywhere) {
  auto t = Lex("SELECT -- first\n  1 /* two\n lines */ + /**/ 2 -- end");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].value, "select");
  EXPECT_EQ(t[1].value, "1");
  EXPECT_EQ(t[1].pos, 18);
  EXPECT_EQ(t[2].kind, K::kPlus);
  EXPECT_EQ(t[3].value, "2");
  EXPECT_EQ(t[4].kind, K::kEnd);
}

TEST(LexerTest, PositionsAreByteOffsets) {
  auto t = Lex("SELECT  a,\n\tb");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].pos, 0);
  EXPECT_EQ(t[0].end, 6);
  EXPECT_EQ(t[1].pos, 8);
  EXPECT_EQ(t[2].pos, 9);
  EXPECT_EQ(t[3].pos, 12);
  EXPECT_EQ(t[4].pos, 13);
}

TEST(LexerTest, BlobLiteral) {
  auto t = Lex("x'0aFF' X''");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].kind, K::kBlobString);
  EXPECT_EQ(t[0].value, std::string("\x0a\xff", 2));
  EXPECT_EQ(t[1].kind, K::kBlobString);
  EXPECT_EQ(t[1].value, "");
  EXPECT_FALSE(Lexer::Tokenize("x'0g'").ok());
  EXPECT_FALSE(Lexer::Tokenize("x'abc'").ok());
  // x alone, or x followed by a space, is a name.
  EXPECT_EQ(Kinds("x 'a'"), (std::vector<K>{K::kIdentifier, K::kString, K::kEnd}));
}

TEST(LexerTest, UnterminatedStringIsAnIncompleteError) {
  Lexer lexer("SELECT 'abc");
  ASSERT_TRUE(lexer.Next().ok());
  auto r = lexer.Next();
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(lexer.incomplete());
  EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(r.status().message(), "unterminated string");
  EXPECT_EQ(r.status().position(), 7);
  EXPECT_NE(r.status().hint().find("''"), std::string::npos);
}

TEST(LexerTest, UnterminatedDoubleQuotedStringAndBacktickAndComment) {
  struct Case {
    const char* text;
    const char* message;
    int64_t pos;
  } cases[] = {
      {"SET x = \"abc", "unterminated string", 8},
      {"SELECT `abc", "unterminated quoted name", 7},
      {"SELECT 1 /* never closed", "unterminated /* comment", 9},
      {"'it''s", "unterminated string", 0},
  };
  for (const Case& c : cases) {
    Lexer lexer(c.text);
    Status error;
    while (true) {
      auto r = lexer.Next();
      if (!r.ok()) {
        error = r.status();
        break;
      }
      ASSERT_NE(r->kind, K::kEnd) << c.text;
    }
    EXPECT_TRUE(lexer.incomplete()) << c.text;
    EXPECT_EQ(error.message(), c.message) << c.text;
    EXPECT_EQ(error.position(), c.pos) << c.text;
  }
}

TEST(LexerTest, BadCharacterIsAnErrorAndLexingCanResume) {
  Lexer lexer("a @ b");
  ASSERT_TRUE(lexer.Next().ok());
  auto bad = lexer.Next();
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(lexer.incomplete());
  EXPECT_EQ(bad.status().message(), "unexpected character '@'");
  EXPECT_EQ(bad.status().position(), 2);
  auto b = lexer.Next();
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->value, "b");
}

TEST(LexerTest, ParameterMarkersPointToVariables) {
  auto r = Lexer::Tokenize("SELECT ?");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().hint().find("{name}"), std::string::npos);
}

TEST(LexerTest, EmptyBacktickNameIsAnError) {
  auto r = Lexer::Tokenize("SELECT ``");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "empty quoted name");
}

TEST(LexerTest, NeverCrashesOnArbitraryBytes) {
  std::string text;
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    text.clear();
    int len = round % 40;
    for (int i = 0; i < len; ++i) {
      seed = seed * 1103515245 + 12345;
      text.push_back(static_cast<char>((seed >> 16) & 0xff));
    }
    Lexer lexer(text);
    for (int steps = 0; steps < 200; ++steps) {
      auto r = lexer.Next();
      if (r.ok() && r->kind == K::kEnd) break;
      if (!r.ok() && lexer.incomplete()) break;
    }
  }
}

TEST(SuggestTest, EditDistanceCountsSwapsAsOne) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("SELET", "SELECT"), 1u);
  EXPECT_EQ(EditDistance("FORM", "FROM"), 1u);
  EXPECT_EQ(EditDistance("from", "FROM"), 0u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(SuggestTest, ClosestMatch) {
  std::vector<std::string> kw = {"SELECT", "FROM", "WHERE", "ORDER", "GROUP"};
  EXPECT_EQ(ClosestMatch("selet", kw), "SELECT");
  EXPECT_EQ(ClosestMatch("FORM", kw), "FROM");
  EXPECT_EQ(ClosestMatch("oder", kw), "ORDER");
  EXPECT_EQ(ClosestMatch("WHERE", kw), "WHERE");
  EXPECT_EQ(ClosestMatch("banana", kw), "");
  EXPECT_EQ(ClosestMatch("", kw), "");
  EXPECT_EQ(ClosestMatch("x", {}), "");
  // Short words allow one edit; longer ones len/3.
  EXPECT_EQ(ClosestMatch("ab", {"abc"}), "abc");
  EXPECT_EQ(ClosestMatch("ab", {"xyz"}), "");
  EXPECT_EQ(ClosestMatch("customer_nme", {"customer_name", "customer_id"}), "customer_name");
  EXPECT_EQ(ClosestMatch("custname", {"customer_name"}), "");
  // Ties go to the earlier candidate.
  EXPECT_EQ(ClosestMatch("cat", {"bat", "hat"}), "bat");
}

TEST(SuggestTest, DidYouMean) {
  EXPECT_EQ(DidYouMean("selet", {"SELECT"}), "did you mean SELECT?");
  EXPECT_EQ(DidYouMean("zzzzzz", {"SELECT"}), "");
}

}  // namespace
}  // namespace kodiak::sql
