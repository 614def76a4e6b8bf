#include "types/numeric.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

namespace kodiak {
namespace {

constexpr int128_t kInt128Max = static_cast<int128_t>((~static_cast<unsigned __int128>(0)) >> 1);
constexpr int128_t kInt128Min = -kInt128Max - 1;

// ParseDecimal as a string ("NO" when it fails) so failures print readably.
std::string Dec(std::string_view text, int precision, int scale) {
  int128_t v;
  if (!ParseDecimal(text, precision, scale, &v)) return "NO";
  return FormatDecimal(v, scale);
}

std::string Nines(int n) { return std::string(static_cast<size_t>(n), '9'); }

// ---------------------------------------------------------------- 128-bit helpers

TEST(NumericTest, Pow10AndDigits) {
  EXPECT_TRUE(Pow10(0) == 1);
  EXPECT_TRUE(Pow10(1) == 10);
  EXPECT_EQ(Int128ToString(Pow10(38)), "1" + std::string(38, '0'));
  EXPECT_EQ(DecimalDigits(0), 1);
  EXPECT_EQ(DecimalDigits(9), 1);
  EXPECT_EQ(DecimalDigits(10), 2);
  EXPECT_EQ(DecimalDigits(-10), 2);
  EXPECT_EQ(DecimalDigits(-9), 1);
  EXPECT_EQ(DecimalDigits(Pow10(38) - 1), 38);
  EXPECT_EQ(DecimalDigits(Pow10(38)), 39);
}

TEST(NumericTest, Int128ToStringExtremes) {
  EXPECT_EQ(Int128ToString(0), "0");
  EXPECT_EQ(Int128ToString(-1), "-1");
  EXPECT_EQ(Int128ToString(INT64_MIN), "-9223372036854775808");
  EXPECT_EQ(Int128ToString(static_cast<int128_t>(UINT64_MAX)), "18446744073709551615");
  EXPECT_EQ(Int128ToString(kInt128Max), "170141183460469231731687303715884105727");
  EXPECT_EQ(Int128ToString(kInt128Min), "-170141183460469231731687303715884105728");
  EXPECT_EQ(Int128ToString(-(Pow10(38) - 1)), "-" + Nines(38));
}

// ---------------------------------------------------------------- DECIMAL text

TEST(NumericTest, FormatDecimal) {
  EXPECT_EQ(FormatDecimal(1230, 2), "12.30");
  EXPECT_EQ(FormatDecimal(-1230, 2), "-12.30");
  EXPECT_EQ(FormatDecimal(5, 2), "0.05");
  EXPECT_EQ(FormatDecimal(-5, 2), "-0.05");
  EXPECT_EQ(FormatDecimal(7, 1), "0.7");
  EXPECT_EQ(FormatDecimal(-10, 1), "-1.0");
  EXPECT_EQ(FormatDecimal(0, 0), "0");
  EXPECT_EQ(FormatDecimal(0, 3), "0.000");
  EXPECT_EQ(FormatDecimal(42, 0), "42");
  EXPECT_EQ(FormatDecimal(Pow10(38) - 1, 38), "0." + Nines(38));
  EXPECT_EQ(FormatDecimal(-(Pow10(38) - 1), 0), "-" + Nines(38));
}

TEST(NumericTest, ParseDecimalPlainForms) {
  EXPECT_EQ(Dec("12.3", 5, 2), "12.30");
  EXPECT_EQ(Dec("-0.5", 5, 2), "-0.50");
  EXPECT_EQ(Dec("+7", 5, 2), "7.00");
  EXPECT_EQ(Dec(".5", 5, 2), "0.50");
  EXPECT_EQ(Dec("5.", 5, 2), "5.00");
  EXPECT_EQ(Dec("  42  ", 5, 0), "42");
  EXPECT_EQ(Dec("0", 1, 0), "0");
  EXPECT_EQ(Dec("-0", 5, 2), "0.00");
  EXPECT_EQ(Dec("000000000000000000000000000000000000000000012", 2, 0),
            "12");  // leading zeros are free
  EXPECT_EQ(Dec("0.1", 1, 1), "0.1");
}

TEST(NumericTest, ParseDecimalRoundsHalfAwayFromZero) {
  EXPECT_EQ(Dec("0.125", 10, 2), "0.13");
  EXPECT_EQ(Dec("-0.125", 10, 2), "-0.13");
  EXPECT_EQ(Dec("0.1249999", 10, 2), "0.12");
  EXPECT_EQ(Dec("-0.1249999", 10, 2), "-0.12");
  EXPECT_EQ(Dec("2.5", 10, 0), "3");
  EXPECT_EQ(Dec("-2.5", 10, 0), "-3");
  EXPECT_EQ(Dec("3.5", 10, 0), "4");  // not banker's rounding
  EXPECT_EQ(Dec("0.4999", 10, 0), "0");
  EXPECT_EQ(Dec("1.005", 10, 2), "1.01");
  EXPECT_EQ(Dec("0.004", 10, 2), "0.00");
  EXPECT_EQ(Dec("-0.005", 10, 2), "-0.01");
  // Rounding at the 10^38 divisor must not overflow: 0.9 (38 fraction digits) to scale 0.
  EXPECT_EQ(Dec("0.9" + std::string(37, '0'), 38, 0), "1");
  EXPECT_EQ(Dec("-0.9" + std::string(37, '0'), 38, 0), "-1");
}

TEST(NumericTest, ParseDecimalPrecisionOverflow) {
  EXPECT_EQ(Dec("1234.5", 5, 1), "1234.5");
  EXPECT_EQ(Dec("12345.6", 5, 1), "NO");
  EXPECT_EQ(Dec("-12345.6", 5, 1), "NO");
  EXPECT_EQ(Dec("9.994", 3, 2), "9.99");
  EXPECT_EQ(Dec("9.995", 3, 2), "NO");  // rounds up to 10.00, four digits
  EXPECT_EQ(Dec("1.0", 1, 1), "NO");
  EXPECT_EQ(Dec(Nines(38), 38, 0), Nines(38));
  EXPECT_EQ(Dec("-" + Nines(38), 38, 0), "-" + Nines(38));
  EXPECT_EQ(Dec(Nines(39), 38, 0), "NO");
  EXPECT_EQ(Dec("1", 38, 38), "NO");
  EXPECT_EQ(Dec("0." + Nines(38), 38, 38), "0." + Nines(38));
  EXPECT_EQ(Dec("100000000000000000000", 20, 0), "NO");
}

TEST(NumericTest, ParseDecimalExponents) {
  EXPECT_EQ(Dec("1e3", 10, 0), "1000");
  EXPECT_EQ(Dec("1E3", 10, 2), "1000.00");
  EXPECT_EQ(Dec("1.5e2", 10, 0), "150");
  EXPECT_EQ(Dec("1.5e+2", 10, 0), "150");
  EXPECT_EQ(Dec("-1.25e1", 10, 1), "-12.5");
  EXPECT_EQ(Dec("1e-2", 10, 2), "0.01");
  EXPECT_EQ(Dec("5e-3", 10, 2), "0.01");
  EXPECT_EQ(Dec("4e-3", 10, 2), "0.00");
  EXPECT_EQ(Dec("1e-50", 10, 2), "0.00");
  EXPECT_EQ(Dec("0e50", 10, 2), "0.00");
  EXPECT_EQ(Dec("5" + std::string(37, '0') + "e-40", 10, 1), "0.0");  // 0.005 at scale 1
  EXPECT_EQ(Dec("1e5", 4, 0), "NO");
  EXPECT_EQ(Dec("1e37", 38, 0), "1" + std::string(37, '0'));
  EXPECT_EQ(Dec("1e38", 38, 0), "NO");
  EXPECT_EQ(Dec("1e200", 38, 0), "NO");
}

TEST(NumericTest, ParseDecimalRejectsNonNumbers) {
  for (const char* text :
       {"",    " ",   "-",    "+",   ".",   "abc", "1e",  "1e+",  "e5",    "1.2.3",
        "1,5", "1 2", "0x10", "--5", "+-5", "inf", "nan", "1e5x", "12abc", "١٢"}) {
    EXPECT_EQ(Dec(text, 10, 2), "NO") << "'" << text << "'";
  }
}

TEST(NumericTest, RescaleDecimal) {
  EXPECT_TRUE(RescaleDecimal(15, 1, 3) == 1500);
  EXPECT_TRUE(RescaleDecimal(-15, 1, 3) == -1500);
  EXPECT_TRUE(RescaleDecimal(1234, 2, 2) == 1234);
  EXPECT_TRUE(RescaleDecimal(1250, 3, 1) == 13);
  EXPECT_TRUE(RescaleDecimal(-1250, 3, 1) == -13);
  EXPECT_TRUE(RescaleDecimal(1249, 3, 1) == 12);
  EXPECT_TRUE(RescaleDecimal(-1249, 3, 1) == -12);
  EXPECT_TRUE(RescaleDecimal(5, 1, 0) == 1);
  EXPECT_TRUE(RescaleDecimal(-5, 1, 0) == -1);
  EXPECT_TRUE(RescaleDecimal(4, 1, 0) == 0);
  EXPECT_TRUE(RescaleDecimal(-4, 1, 0) == 0);
  // The largest divisor: no overflow when doubling the remainder.
  int128_t nine = 9 * Pow10(37);
  EXPECT_TRUE(RescaleDecimal(nine, 38, 0) == 1);
  EXPECT_TRUE(RescaleDecimal(-nine, 38, 0) == -1);
  EXPECT_TRUE(RescaleDecimal(4 * Pow10(37), 38, 0) == 0);
  EXPECT_TRUE(RescaleDecimal(Pow10(38) - 1, 38, 37) == Pow10(37));  // 0.99..9 rounds up to 1
  // Dividing by more than 10^38 always rounds to zero.
  EXPECT_TRUE(RescaleDecimal(Pow10(38) - 1, 40, 0) == 0);
  EXPECT_TRUE(RescaleDecimal(5 * Pow10(37), 40, 1) == 0);
}

TEST(NumericTest, DecimalTextRoundTrip) {
  std::mt19937_64 rng(17);
  for (int i = 0; i < 5000; i++) {
    int scale = static_cast<int>(rng() % 39);
    int digits = 1 + static_cast<int>(rng() % 38);
    unsigned __int128 u = (static_cast<unsigned __int128>(rng()) << 64) | rng();
    int128_t v = static_cast<int128_t>(u % static_cast<unsigned __int128>(Pow10(digits)));
    if (rng() % 2) v = -v;
    if (scale > 38) scale = 38;
    std::string text = FormatDecimal(v, scale);
    int128_t back;
    ASSERT_TRUE(ParseDecimal(text, 38, scale, &back)) << text;
    ASSERT_TRUE(back == v) << text << " read back as " << Int128ToString(back);
  }
}

// ---------------------------------------------------------------- doubles

TEST(NumericTest, FormatDoubleShortestForms) {
  EXPECT_EQ(FormatDouble(0.1), "0.1");
  EXPECT_EQ(FormatDouble(1.0), "1.0");
  EXPECT_EQ(FormatDouble(-1.0), "-1.0");
  EXPECT_EQ(FormatDouble(0.0), "0.0");
  EXPECT_EQ(FormatDouble(-0.0), "-0.0");
  EXPECT_EQ(FormatDouble(1e20), "1e+20");
  EXPECT_EQ(FormatDouble(-1e20), "-1e+20");
  EXPECT_EQ(FormatDouble(1e-7), "1e-07");
  EXPECT_EQ(FormatDouble(100.0), "100.0");
  EXPECT_EQ(FormatDouble(5e-324), "5e-324");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(FormatDouble(123456789012345680000.0), "1.2345678901234568e+20");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FormatDouble(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(FormatFloat(0.1f), "0.1");
  EXPECT_EQ(FormatFloat(16777216.0f), "16777216.0");
  EXPECT_EQ(FormatFloat(1e20f), "1e+20");
}

TEST(NumericTest, FormatDoubleRoundTripsOnRandomDoubles) {
  std::mt19937_64 rng(23);
  for (int i = 0; i < 100000; i++) {
    double d;
    if (i % 2 == 0) {
      d = std::bit_cast<double>(rng());  // any bit pattern: subnormals, huge, NaN, inf
    } else {
      d = static_cast<double>(static_cast<int64_t>(rng() % 2000001) - 1000000) /
          std::pow(10.0, static_cast<int>(rng() % 12));
    }
    std::string text = FormatDouble(d);
    double back = std::strtod(text.c_str(), nullptr);
    if (std::isnan(d)) {
      ASSERT_TRUE(std::isnan(back)) << text;
    } else {
      ASSERT_EQ(std::bit_cast<uint64_t>(back), std::bit_cast<uint64_t>(d)) << text;
      // Always looks like a floating-point number.
      ASSERT_NE(text.find_first_of(".ei"), std::string::npos) << text;
    }
  }
}

TEST(NumericTest, FormatFloatRoundTripsOnRandomFloats) {
  std::mt19937 rng(29);
  for (int i = 0; i < 100000; i++) {
    float f = std::bit_cast<float>(static_cast<uint32_t>(rng()));
    std::string text = FormatFloat(f);
    float back = std::strtof(text.c_str(), nullptr);
    if (std::isnan(f)) {
      ASSERT_TRUE(std::isnan(back)) << text;
    } else {
      ASSERT_EQ(std::bit_cast<uint32_t>(back), std::bit_cast<uint32_t>(f)) << text;
    }
  }
}

// ---------------------------------------------------------------- UUID, BLOB

TEST(NumericTest, UuidParseAndFormat) {
  int128_t bits;
  ASSERT_TRUE(ParseUuid("123e4567-e89b-12d3-a456-426614174000", &bits));
  EXPECT_EQ(FormatUuid(bits), "123e4567-e89b-12d3-a456-426614174000");
  // Big-endian: the first hex digit is the top nibble.
  EXPECT_EQ(static_cast<uint64_t>(static_cast<unsigned __int128>(bits) >> 64),
            0x123e4567e89b12d3ULL);

  int128_t other;
  ASSERT_TRUE(ParseUuid("{123E4567-E89B-12D3-A456-426614174000}", &other));
  EXPECT_TRUE(other == bits);
  ASSERT_TRUE(ParseUuid("123e4567e89b12d3a456426614174000", &other));
  EXPECT_TRUE(other == bits);

  ASSERT_TRUE(ParseUuid("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", &other));
  EXPECT_TRUE(other == -1);
  EXPECT_EQ(FormatUuid(0), "00000000-0000-0000-0000-000000000000");
}

TEST(NumericTest, UuidRejectsMalformedText) {
  for (const char* text :
       {"", "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000",
        "123e4567-e89b-12d3-a456-42661417400g", "{123e4567-e89b-12d3-a456-426614174000",
        "123e4567-e89b-12d3-a456-426614174000}", " 123e4567-e89b-12d3-a456-426614174000",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"}) {
    int128_t bits;
    EXPECT_FALSE(ParseUuid(text, &bits)) << "'" << text << "'";
  }
}

TEST(NumericTest, UuidRoundTripsOnRandomBits) {
  std::mt19937_64 rng(31);
  for (int i = 0; i < 10000; i++) {
    int128_t bits = static_cast<int128_t>((static_cast<unsigned __int128>(rng()) << 64) | rng());
    std::string text = FormatUuid(bits);
    ASSERT_EQ(text.size(), 36u);
    ASSERT_EQ(text[8], '-');
    ASSERT_EQ(text[23], '-');
    int128_t back;
    ASSERT_TRUE(ParseUuid(text, &back)) << text;
    ASSERT_TRUE(back == bits) << text;
    // Upper case and braces read back the same.
    std::string upper = "{" + text + "}";
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ASSERT_TRUE(ParseUuid(upper, &back)) << upper;
    ASSERT_TRUE(back == bits) << upper;
  }
}

TEST(NumericTest, FormatBlobEscapesNonPrintableBytes) {
  EXPECT_EQ(FormatBlob(""), "");
  EXPECT_EQ(FormatBlob("hello world"), "hello world");
  EXPECT_EQ(FormatBlob(std::string("\0\x01\x1f \x7e\x7f\x80\xff", 8)),
            "\\x00\\x01\\x1F ~\\x7F\\x80\\xFF");
  EXPECT_EQ(FormatBlob("a\\b"), "a\\x5Cb");  // a backslash is escaped so the text is unambiguous
}

}  // namespace
}  // namespace kodiak
