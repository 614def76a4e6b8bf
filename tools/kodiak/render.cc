#include "render.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "kodiak/value.h"
#include "text_width.h"

namespace kodiak::cli {
namespace {

constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";
// Box and table never shrink a column below this many display columns
// (or its natural width, when that is smaller) before dropping columns.
constexpr size_t kMinColumnWidth = 6;

struct ModeName {
  RenderMode mode;
  const char* name;
};
constexpr ModeName kModes[] = {
    {RenderMode::kBox, "box"},   {RenderMode::kTable, "table"}, {RenderMode::kCsv, "csv"},
    {RenderMode::kJson, "json"}, {RenderMode::kJsonl, "jsonl"}, {RenderMode::kMarkdown, "markdown"},
    {RenderMode::kLine, "line"},
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string RowCount(uint64_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// One value as the text modes show it.
struct Cell {
  std::string text;
  size_t width = 0;
  bool is_null = false;
};

Cell MakeCell(const Value& value, bool escape) {
  Cell cell;
  if (value.is_null()) {
    cell.text = "NULL";
    cell.is_null = true;
  } else {
    cell.text = value.ToString();
    // Keep the text 'NULL' apart from SQL NULL.
    if (cell.text == "NULL") cell.text = "'NULL'";
    if (escape) cell.text = EscapeControl(cell.text);
  }
  cell.width = DisplayWidth(cell.text);
  return cell;
}

// `cell` cut to `width` columns and padded; NULL dimmed when `color`.
std::string FormatCell(const Cell& cell, size_t width, Align align, bool color) {
  std::string text = cell.text;
  size_t text_width = cell.width;
  if (text_width > width) {
    text = TruncateToWidth(text, width);
    text_width = DisplayWidth(text);
  }
  if (!(color && cell.is_null)) return Pad(text, text_width, width, align);
  const std::string padded = Pad(text, text_width, width, align);
  const size_t at = padded.find(text);
  return padded.substr(0, at) + kDim + text + kReset + padded.substr(at + text.size());
}

// ---------------------------------------------------------------- box, table

struct Glyphs {
  const char* horizontal;
  const char* vertical;
  const char* top[3];  // left, middle, right
  const char* middle[3];
  const char* bottom[3];
};
constexpr Glyphs kBoxGlyphs = {"─", "│", {"┌", "┬", "┐"}, {"├", "┼", "┤"}, {"└", "┴", "┘"}};
constexpr Glyphs kAsciiGlyphs = {"-", "|", {"+", "+", "+"}, {"+", "+", "+"}, {"+", "+", "+"}};

// Width of a grid line holding columns of these content widths:
// "│ a │ b │" = 1 + sum(width + 3).
size_t GridWidth(const std::vector<size_t>& widths) {
  size_t total = 1;
  for (size_t w : widths) total += w + 3;
  return total;
}

// Chooses how many leading columns to show and their widths so the grid fits
// in `max_width` (0: no limit). Shrinks the widest columns first (capping all
// at one level), and drops rightmost columns only when every shown column is
// already at its minimum.
std::vector<size_t> FitColumns(const std::vector<size_t>& natural, size_t max_width) {
  if (max_width == 0 || GridWidth(natural) <= max_width) return natural;
  for (size_t count = natural.size(); count >= 1; count--) {
    std::vector<size_t> nat(natural.begin(), natural.begin() + static_cast<ptrdiff_t>(count));
    if (GridWidth(nat) <= max_width) return nat;
    std::vector<size_t> mins(count);
    size_t widest = 0;
    for (size_t i = 0; i < count; i++) {
      mins[i] = std::min(nat[i], kMinColumnWidth);
      widest = std::max(widest, nat[i]);
    }
    auto capped = [&](size_t level) {
      std::vector<size_t> w(count);
      for (size_t i = 0; i < count; i++) w[i] = std::max(mins[i], std::min(nat[i], level));
      return w;
    };
    if (GridWidth(mins) > max_width) {
      if (count > 1) continue;
      // A single column wider than the screen at its minimum: use what fits.
      const size_t room = max_width > 4 ? max_width - 4 : 1;
      return {std::min(nat[0], room)};
    }
    // Largest cap level that fits; level 0 fits (all at minimum).
    size_t lo = 0, hi = widest;
    while (hi - lo > 1) {
      const size_t mid = lo + (hi - lo) / 2;
      (GridWidth(capped(mid)) <= max_width ? lo : hi) = mid;
    }
    std::vector<size_t> widths = capped(lo);
    // Hand the remaining columns to the capped columns, left to right.
    size_t slack = max_width - GridWidth(widths);
    for (size_t i = 0; i < count && slack > 0; i++) {
      if (widths[i] < nat[i]) {
        widths[i]++;
        slack--;
      }
    }
    return widths;
  }
  return {1};
}

std::string Repeat(const char* glyph, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; i++) out += glyph;
  return out;
}

std::string Rule(const Glyphs& g, const char* const parts[3], const std::vector<size_t>& widths) {
  std::string line = parts[0];
  for (size_t i = 0; i < widths.size(); i++) {
    line += Repeat(g.horizontal, widths[i] + 2);
    line += i + 1 < widths.size() ? parts[1] : parts[2];
  }
  line += '\n';
  return line;
}

std::string GridRow(const Glyphs& g, const std::vector<std::string>& cells) {
  std::string line = g.vertical;
  for (const auto& cell : cells) {
    line += ' ';
    line += cell;
    line += ' ';
    line += g.vertical;
  }
  line += '\n';
  return line;
}

void RenderGrid(const QueryResult& result, const RenderOptions& options, const Glyphs& g,
                std::ostream& out) {
  const size_t ncols = result.column_count();
  const uint64_t nrows = result.row_count();
  if (ncols == 0) {
    out << RowCount(nrows) << '\n';
    return;
  }

  // Rows to show: all, or the first and last halves of max_rows.
  std::vector<uint64_t> shown;
  bool elided = false;
  size_t elide_at = 0;
  if (options.max_rows > 0 && nrows > options.max_rows) {
    const uint64_t head = (options.max_rows + 1) / 2;
    const uint64_t tail = options.max_rows - head;
    for (uint64_t r = 0; r < head; r++) shown.push_back(r);
    for (uint64_t r = nrows - tail; r < nrows; r++) shown.push_back(r);
    elided = true;
    elide_at = head;
  } else {
    for (uint64_t r = 0; r < nrows; r++) shown.push_back(r);
  }

  std::vector<Cell> names(ncols), types(ncols);
  std::vector<std::vector<Cell>> cells(shown.size(), std::vector<Cell>(ncols));
  std::vector<size_t> natural(ncols, 1);
  std::vector<Align> align(ncols);
  for (size_t c = 0; c < ncols; c++) {
    names[c].text = EscapeControl(result.column_name(c));
    names[c].width = DisplayWidth(names[c].text);
    types[c].text = TypeLabel(result.column_type(c));
    types[c].width = DisplayWidth(types[c].text);
    natural[c] = std::max({natural[c], names[c].width, types[c].width});
    align[c] = result.column_type(c).IsNumeric() ? Align::kRight : Align::kLeft;
  }
  for (size_t i = 0; i < shown.size(); i++) {
    for (size_t c = 0; c < ncols; c++) {
      cells[i][c] = MakeCell(result.GetValue(c, shown[i]), /*escape=*/true);
      natural[c] = std::max(natural[c], cells[i][c].width);
    }
  }

  const std::vector<size_t> widths = FitColumns(natural, options.max_width);
  const size_t shown_cols = widths.size();

  std::string text = Rule(g, g.top, widths);
  std::vector<std::string> line(shown_cols);
  for (size_t c = 0; c < shown_cols; c++)
    line[c] = FormatCell(names[c], widths[c], Align::kCenter, false);
  text += GridRow(g, line);
  for (size_t c = 0; c < shown_cols; c++)
    line[c] = FormatCell(types[c], widths[c], Align::kCenter, false);
  text += GridRow(g, line);
  if (!shown.empty()) text += Rule(g, g.middle, widths);
  out << text;
  auto dots = [&] {
    const Cell dot{"·", 1, false};
    std::vector<std::string> row(shown_cols);
    for (size_t c = 0; c < shown_cols; c++)
      row[c] = FormatCell(dot, widths[c], Align::kCenter, false);
    return GridRow(g, row);
  };
  for (size_t i = 0; i < shown.size(); i++) {
    if (elided && i == elide_at) out << dots();
    for (size_t c = 0; c < shown_cols; c++) {
      line[c] = FormatCell(cells[i][c], widths[c], align[c], options.color);
    }
    out << GridRow(g, line);
  }
  if (elided && elide_at == shown.size()) out << dots();
  out << Rule(g, g.bottom, widths);

  std::string footer = RowCount(nrows);
  if (elided) footer += " (" + std::to_string(shown.size()) + " shown)";
  if (shown_cols < ncols) {
    const size_t hidden = ncols - shown_cols;
    footer +=
        " (" + std::to_string(hidden) + (hidden == 1 ? " column" : " columns") + " not shown)";
  }
  out << footer << '\n';
}

// ---------------------------------------------------------------------- csv

std::string CsvField(const std::string& s) {
  if (s.empty()) return "\"\"";  // an empty text; NULL is an empty field
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void RenderCsv(const QueryResult& result, std::ostream& out) {
  const size_t ncols = result.column_count();
  std::string line;
  for (size_t c = 0; c < ncols; c++) {
    if (c) line += ',';
    line += CsvField(result.column_name(c));
  }
  out << line << '\n';
  for (uint64_t r = 0; r < result.row_count(); r++) {
    line.clear();
    for (size_t c = 0; c < ncols; c++) {
      if (c) line += ',';
      const Value v = result.GetValue(c, r);
      if (!v.is_null()) line += CsvField(v.ToString());
    }
    out << line << '\n';
  }
}

// --------------------------------------------------------------------- json

void JsonString(std::string_view s, std::string* out) {
  *out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static const char kHex[] = "0123456789abcdef";
          *out += "\\u00";
          *out += kHex[c >> 4];
          *out += kHex[c & 0xF];
        } else {
          *out += ch;
        }
    }
  }
  *out += '"';
}

void JsonValue(const Value& v, std::string* out) {
  if (v.is_null()) {
    *out += "null";
    return;
  }
  const LogicalType& type = v.type();
  switch (type.id()) {
    case TypeId::kNull:
      *out += "null";
      return;
    case TypeId::kBool:
      *out += v.bool_value() ? "true" : "false";
      return;
    case TypeId::kFloat32:
    case TypeId::kFloat64:
      // JSON has no NaN or infinity: those stay strings.
      if (!std::isfinite(v.float_value())) {
        JsonString(v.ToString(), out);
      } else {
        *out += v.ToString();
      }
      return;
    case TypeId::kJson:
      *out += v.str_value();
      return;
    case TypeId::kList: {
      *out += '[';
      for (size_t i = 0; i < v.children().size(); i++) {
        if (i) *out += ", ";
        JsonValue(v.children()[i], out);
      }
      *out += ']';
      return;
    }
    case TypeId::kStruct: {
      *out += '{';
      for (size_t i = 0; i < v.children().size(); i++) {
        if (i) *out += ", ";
        JsonString(type.fields()[i].name, out);
        *out += ": ";
        JsonValue(v.children()[i], out);
      }
      *out += '}';
      return;
    }
    case TypeId::kMap: {
      // Entries are 2-field structs; keys become object keys as text.
      *out += '{';
      for (size_t i = 0; i < v.children().size(); i++) {
        if (i) *out += ", ";
        const auto& entry = v.children()[i].children();
        JsonString(entry[0].ToString(), out);
        *out += ": ";
        JsonValue(entry[1], out);
      }
      *out += '}';
      return;
    }
    default:
      if (type.IsNumeric()) {
        *out += v.ToString();
      } else {
        JsonString(v.ToString(), out);
      }
  }
}

std::string JsonObject(const QueryResult& result, uint64_t row) {
  std::string obj = "{";
  for (size_t c = 0; c < result.column_count(); c++) {
    if (c) obj += ", ";
    JsonString(result.column_name(c), &obj);
    obj += ": ";
    JsonValue(result.GetValue(c, row), &obj);
  }
  obj += '}';
  return obj;
}

void RenderJson(const QueryResult& result, std::ostream& out) {
  const uint64_t nrows = result.row_count();
  if (nrows == 0) {
    out << "[]\n";
    return;
  }
  out << "[\n";
  for (uint64_t r = 0; r < nrows; r++) {
    out << "  " << JsonObject(result, r) << (r + 1 < nrows ? ",\n" : "\n");
  }
  out << "]\n";
}

void RenderJsonl(const QueryResult& result, std::ostream& out) {
  for (uint64_t r = 0; r < result.row_count(); r++) out << JsonObject(result, r) << '\n';
}

// ----------------------------------------------------------------- markdown

std::string EscapePipes(const std::string& s) {
  if (s.find('|') == std::string::npos) return s;
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

void RenderMarkdown(const QueryResult& result, std::ostream& out) {
  const size_t ncols = result.column_count();
  const uint64_t nrows = result.row_count();
  std::vector<Cell> names(ncols);
  std::vector<std::vector<Cell>> cells(nrows, std::vector<Cell>(ncols));
  std::vector<size_t> widths(ncols, 3);  // "---" is the shortest separator
  std::vector<Align> align(ncols);
  for (size_t c = 0; c < ncols; c++) {
    names[c].text = EscapePipes(EscapeControl(result.column_name(c)));
    names[c].width = DisplayWidth(names[c].text);
    widths[c] = std::max(widths[c], names[c].width);
    align[c] = result.column_type(c).IsNumeric() ? Align::kRight : Align::kLeft;
  }
  for (uint64_t r = 0; r < nrows; r++) {
    for (size_t c = 0; c < ncols; c++) {
      Cell cell = MakeCell(result.GetValue(c, r), /*escape=*/true);
      cell.text = EscapePipes(cell.text);
      cell.width = DisplayWidth(cell.text);
      widths[c] = std::max(widths[c], cell.width);
      cells[r][c] = std::move(cell);
    }
  }
  auto row = [&](const std::vector<Cell>& line) {
    std::string text = "|";
    for (size_t c = 0; c < ncols; c++) {
      text += ' ' + Pad(line[c].text, line[c].width, widths[c], align[c]) + " |";
    }
    return text + '\n';
  };
  out << row(names);
  std::string rule = "|";
  for (size_t c = 0; c < ncols; c++) {
    rule += align[c] == Align::kRight ? std::string(widths[c] + 1, '-') + ":|"
                                      : std::string(widths[c] + 2, '-') + "|";
  }
  out << rule << '\n';
  for (uint64_t r = 0; r < nrows; r++) out << row(cells[r]);
}

// --------------------------------------------------------------------- line

void RenderLine(const QueryResult& result, const RenderOptions& options, std::ostream& out) {
  const size_t ncols = result.column_count();
  size_t name_width = 0;
  for (size_t c = 0; c < ncols; c++) {
    name_width = std::max(name_width, DisplayWidth(result.column_name(c)));
  }
  for (uint64_t r = 0; r < result.row_count(); r++) {
    std::string text = r ? "\n" : "";
    for (size_t c = 0; c < ncols; c++) {
      const std::string& name = result.column_name(c);
      text += Pad(name, DisplayWidth(name), name_width, Align::kRight) + " = ";
      const Cell cell = MakeCell(result.GetValue(c, r), /*escape=*/false);
      text += FormatCell(cell, cell.width, Align::kLeft, options.color) + '\n';
    }
    out << text;
  }
}

}  // namespace

bool ParseRenderMode(std::string_view name, RenderMode* mode) {
  for (const auto& m : kModes) {
    if (name == m.name) {
      *mode = m.mode;
      return true;
    }
  }
  return false;
}

const char* RenderModeName(RenderMode mode) {
  for (const auto& m : kModes) {
    if (m.mode == mode) return m.name;
  }
  return "box";
}

const char* RenderModeList() { return "box, table, csv, json, jsonl, markdown, line"; }

std::string TypeLabel(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kDecimal:
      return "decimal(" + std::to_string(type.precision()) + "," + std::to_string(type.scale()) +
             ")";
    case TypeId::kList:
      return "list<" + TypeLabel(type.child()) + ">";
    case TypeId::kMap:
      return "map<" + TypeLabel(type.map_key()) + ", " + TypeLabel(type.map_value()) + ">";
    case TypeId::kStruct: {
      std::string out = "struct(";
      for (size_t i = 0; i < type.fields().size(); i++) {
        if (i) out += ", ";
        out += type.fields()[i].name + " " + TypeLabel(type.fields()[i].type);
      }
      return out + ")";
    }
    default:
      return Lower(type.ToString());
  }
}

void RenderResult(const QueryResult& result, const RenderOptions& options, std::ostream& out) {
  switch (options.mode) {
    case RenderMode::kBox:
      RenderGrid(result, options, kBoxGlyphs, out);
      break;
    case RenderMode::kTable:
      RenderGrid(result, options, kAsciiGlyphs, out);
      break;
    case RenderMode::kCsv:
      RenderCsv(result, out);
      break;
    case RenderMode::kJson:
      RenderJson(result, out);
      break;
    case RenderMode::kJsonl:
      RenderJsonl(result, out);
      break;
    case RenderMode::kMarkdown:
      RenderMarkdown(result, out);
      break;
    case RenderMode::kLine:
      RenderLine(result, options, out);
      break;
  }
}

}  // namespace kodiak::cli
