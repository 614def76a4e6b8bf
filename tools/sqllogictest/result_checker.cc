#include "result_checker.h"

#include <algorithm>
#include <numeric>

#include "md5.h"

namespace kodiak::slt {
namespace {

constexpr size_t kMaxShownLines = 40;

std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out.append(s);
  out += '\'';
  return out;
}

// Lines indented by `indent`, at most `max_lines` of them, then "... (N more)".
std::string FormatLines(const std::vector<std::string>& lines, size_t max_lines,
                        std::string_view indent) {
  std::string out;
  size_t shown = std::min(lines.size(), max_lines);
  for (size_t i = 0; i < shown; ++i) {
    out.append(indent);
    out.append(lines[i]);
    out += '\n';
  }
  if (lines.size() > shown) {
    out.append(indent);
    out += "... (" + std::to_string(lines.size() - shown) + " more)\n";
  }
  if (lines.empty()) {
    out.append(indent);
    out += "(nothing)\n";
  }
  return out;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      return out;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void SortResult(SortMode mode, RenderedResult* result) {
  auto& v = result->values;
  if (mode == SortMode::kValueSort) {
    std::sort(v.begin(), v.end());
    return;
  }
  size_t cols = result->columns;
  if (mode != SortMode::kRowSort || cols == 0 || v.size() / cols < 2) return;
  if (cols == 1) {
    std::sort(v.begin(), v.end());
    return;
  }
  size_t rows = v.size() / cols;
  std::vector<size_t> order(rows);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    for (size_t c = 0; c < cols; ++c) {
      int cmp = v[a * cols + c].compare(v[b * cols + c]);
      if (cmp != 0) return cmp < 0;
    }
    return false;
  });
  std::vector<std::string> sorted;
  sorted.reserve(v.size());
  for (size_t r : order) {
    for (size_t c = 0; c < cols; ++c) sorted.push_back(std::move(v[r * cols + c]));
  }
  v = std::move(sorted);
}

std::string HashLine(const std::vector<std::string>& values) {
  Md5 md5;
  for (const std::string& value : values) {
    md5.Update(value);
    md5.Update("\n");
  }
  return std::to_string(values.size()) + " values hashing to " + md5.HexDigest();
}

bool IsHashLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0) return false;
  constexpr std::string_view kMiddle = " values hashing to ";
  if (line.substr(i, kMiddle.size()) != kMiddle) return false;
  std::string_view hex = line.substr(i + kMiddle.size());
  while (!hex.empty() && (hex.back() == ' ' || hex.back() == '\t')) hex.remove_suffix(1);
  if (hex.size() != 32) return false;
  return std::all_of(hex.begin(), hex.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

std::string FormatResultLines(const RenderedResult& result, bool row_wise, size_t max_lines,
                              std::string_view indent) {
  std::vector<std::string> lines;
  size_t total;
  if (row_wise && result.columns > 1) {
    total = result.rows();
    for (size_t r = 0; r < std::min(total, max_lines); ++r) {
      std::string line;
      for (size_t c = 0; c < result.columns; ++c) {
        if (c > 0) line += '\t';
        line += result.values[r * result.columns + c];
      }
      lines.push_back(std::move(line));
    }
  } else {
    total = result.values.size();
    lines.assign(result.values.begin(),
                 result.values.begin() + static_cast<std::ptrdiff_t>(std::min(total, max_lines)));
  }
  std::string out = FormatLines(lines, max_lines, indent);
  if (total > lines.size()) {
    out.append(indent);
    out += "... (" + std::to_string(total - lines.size()) + " more)\n";
  }
  return out;
}

Verdict CompareResult(const RenderedResult& actual, size_t declared_columns,
                      const std::vector<std::string>& expected) {
  Verdict verdict;
  const size_t cols = actual.columns;
  bool row_wise = cols > 1 && !expected.empty() &&
                  std::all_of(expected.begin(), expected.end(), [](const std::string& line) {
                    return line.find('\t') != std::string::npos;
                  });
  auto fail = [&](std::string what, bool show_expected) {
    verdict.ok = false;
    verdict.message = std::move(what) + "\n";
    if (show_expected) {
      verdict.message += "  expected:\n" + FormatLines(expected, kMaxShownLines, "    ");
    }
    verdict.message += "  actual (" + Plural(actual.rows(), "row") + "):\n" +
                       FormatResultLines(actual, row_wise || (cols > 1 && expected.empty()),
                                         kMaxShownLines, "    ");
  };

  if (cols != declared_columns) {
    fail("wrong number of columns: the query declares " + std::to_string(declared_columns) +
             ", the result has " + std::to_string(cols),
         true);
    return verdict;
  }

  if (expected.size() == 1 && IsHashLine(expected[0])) {
    std::string hash = HashLine(actual.values);
    std::string_view want = expected[0];
    while (!want.empty() && (want.back() == ' ' || want.back() == '\t')) want.remove_suffix(1);
    if (hash != want) {
      verdict.ok = false;
      verdict.message = "wrong result hash\n  expected: " + std::string(want) +
                        "\n  actual:   " + hash + "\n  actual values:\n" +
                        FormatResultLines(actual, false, 24, "    ");
    }
    return verdict;
  }

  std::vector<std::string> split;
  const std::vector<std::string>* want = &expected;
  if (row_wise) {
    split.reserve(expected.size() * cols);
    for (size_t i = 0; i < expected.size(); ++i) {
      std::vector<std::string> fields = SplitTabs(expected[i]);
      if (fields.size() != cols) {
        fail("expected row " + std::to_string(i + 1) + " has " + Plural(fields.size(), "value") +
                 " but the result has " + Plural(cols, "column"),
             true);
        return verdict;
      }
      for (auto& f : fields) split.push_back(std::move(f));
    }
    want = &split;
  }

  if (want->size() != actual.values.size()) {
    std::string what;
    if (cols > 0 && want->size() % cols == 0) {
      what = "wrong row count: expected " + Plural(want->size() / cols, "row") + ", got " +
             Plural(actual.rows(), "row");
    } else {
      what = "wrong value count: expected " + Plural(want->size(), "value") + ", got " +
             Plural(actual.values.size(), "value") + " (" + Plural(actual.rows(), "row") + " of " +
             Plural(cols, "column") + ")";
    }
    fail(std::move(what), true);
    return verdict;
  }
  for (size_t i = 0; i < want->size(); ++i) {
    if ((*want)[i] != actual.values[i]) {
      fail("wrong result at row " + std::to_string(i / cols + 1) + ", column " +
               std::to_string(i % cols + 1) + ": expected " + Quote((*want)[i]) + ", got " +
               Quote(actual.values[i]),
           true);
      return verdict;
    }
  }
  return verdict;
}

}  // namespace kodiak::slt
