#include "text_width.h"

#include <cstdint>

namespace kodiak::cli {
namespace {

// Decodes the code point starting at text[*i] and advances *i past it. An
// invalid or truncated sequence yields the single byte as a code point
// (0xFFFD-like behaviour without rewriting the byte).
uint32_t NextCodePoint(std::string_view text, size_t* i) {
  const auto b0 = static_cast<unsigned char>(text[*i]);
  int len = 0;
  uint32_t cp = 0;
  if (b0 < 0x80) {
    ++*i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + len > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; k++) {
    const auto b = static_cast<unsigned char>(text[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *i += len;
  return cp;
}

struct Range {
  uint32_t first, last;
};

bool InRanges(uint32_t cp, const Range* ranges, size_t n) {
  for (size_t k = 0; k < n; k++) {
    if (cp >= ranges[k].first && cp <= ranges[k].last) return true;
  }
  return false;
}

// Combining marks and zero-width characters.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489},   {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
    {0x2028, 0x202E}, {0x2060, 0x2064},   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F), coarsely.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

size_t CodePointWidth(uint32_t cp) {
  if (cp < 0x300) return 1;  // fast path: ASCII and Latin
  if (InRanges(cp, kZeroWidth, std::size(kZeroWidth))) return 0;
  if (InRanges(cp, kWide, std::size(kWide))) return 2;
  return 1;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) width += CodePointWidth(NextCodePoint(text, &i));
  return width;
}

std::string TruncateToWidth(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  const size_t budget = width - 1;  // one column for the ellipsis
  size_t used = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t next = i;
    const size_t w = CodePointWidth(NextCodePoint(text, &next));
    if (used + w > budget) break;
    used += w;
    i = next;
  }
  std::string out(text.substr(0, i));
  out += "…";
  return out;
}

std::string EscapeControl(std::string_view text) {
  size_t k = 0;
  while (k < text.size() && static_cast<unsigned char>(text[k]) >= 0x20 && text[k] != 0x7F) k++;
  if (k == text.size()) return std::string(text);  // common case: nothing to escape
  std::string out(text.substr(0, k));
  for (; k < text.size(); k++) {
    const auto c = static_cast<unsigned char>(text[k]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Pad(std::string_view text, size_t text_width, size_t width, Align align) {
  if (text_width >= width) return std::string(text);
  const size_t space = width - text_width;
  size_t left = 0;
  if (align == Align::kRight) left = space;
  if (align == Align::kCenter) left = space / 2;
  std::string out(left, ' ');
  out += text;
  out.append(space - left, ' ');
  return out;
}

}  // namespace kodiak::cli
