// Date and time functions: now / current_timestamp / current_date,
// date_trunc, date_part (and EXTRACT), date_add, date_diff, strftime,
// strptime, make_date, epoch, to_timestamp. Timestamps are microseconds
// since 1970-01-01 UTC; dates are days.
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>

#include "sql/function/function_registry.h"
#include "types/datetime.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
const LogicalType text = TypeId::kText, i64 = TypeId::kInt64, ts = TypeId::kTimestamp, date = TypeId::kDate,
                  f64 = TypeId::kFloat64, interval = TypeId::kInterval;
constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

struct Civil {
  int64_t year;
  unsigned month, day;
  int64_t micros_of_day;
};

Civil ToCivil(int64_t micros) {
  Civil c;
  int64_t days = FloorDiv(micros, kMicrosPerDay);
  c.micros_of_day = micros - days * kMicrosPerDay;
  CivilFromDays(days, &c.year, &c.month, &c.day);
  return c;
}

int64_t FromCivil(int64_t y, unsigned m, unsigned d, int64_t micros_of_day) {
  return static_cast<int64_t>(DaysFromCivil(y, m, d)) * kMicrosPerDay + micros_of_day;
}

int64_t Micros(const Value& v) {
  return v.type().id() == TypeId::kDate ? v.int_value() * kMicrosPerDay : v.int_value();
}

Result<Value> Now(const V&, const LogicalType&) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch());
  return Value::Timestamp(us.count());
}

Result<Value> CurrentDate(const V& a, const LogicalType& t) {
  KODIAK_ASSIGN_OR_RETURN(Value now, Now(a, t));
  return Value::Date(static_cast<int32_t>(FloorDiv(now.int_value(), kMicrosPerDay)));
}

std::string Part(const Value& v) {
  std::string p = v.str_value();
  for (auto& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!p.empty() && p.back() == 's' && p != "s" && p != "ms" && p != "us") p.pop_back();  // "days" -> "day"
  return p;
}

Result<Value> DateTrunc(const V& a, const LogicalType& t) {
  const std::string part = Part(a[0]);
  Civil c = ToCivil(Micros(a[1]));
  int64_t out;
  if (part == "year") out = FromCivil(c.year, 1, 1, 0);
  else if (part == "quarter") out = FromCivil(c.year, (c.month - 1) / 3 * 3 + 1, 1, 0);
  else if (part == "month") out = FromCivil(c.year, c.month, 1, 0);
  else if (part == "week") {
    int64_t days = FloorDiv(Micros(a[1]), kMicrosPerDay);
    int64_t monday = days - ((days % 7 + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    out = monday * kMicrosPerDay;
  } else if (part == "day") out = FromCivil(c.year, c.month, c.day, 0);
  else if (part == "hour") out = FromCivil(c.year, c.month, c.day, c.micros_of_day / 3600000000LL * 3600000000LL);
  else if (part == "minute") out = FromCivil(c.year, c.month, c.day, c.micros_of_day / 60000000LL * 60000000LL);
  else if (part == "second") out = FromCivil(c.year, c.month, c.day, c.micros_of_day / 1000000LL * 1000000LL);
  else if (part == "millisecond") out = FromCivil(c.year, c.month, c.day, c.micros_of_day / 1000LL * 1000LL);
  else return Status::InvalidArgument("date_trunc() does not know the part '" + a[0].str_value() +
                                      "'; use year, quarter, month, week, day, hour, minute, second or millisecond");
  (void)t;
  return Value::Timestamp(out);
}

Result<Value> DatePart(const V& a, const LogicalType&) {
  const std::string part = Part(a[0]);
  const int64_t micros = Micros(a[1]);
  Civil c = ToCivil(micros);
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  double r;
  if (part == "year") r = static_cast<double>(c.year);
  else if (part == "quarter") r = (c.month - 1) / 3 + 1;
  else if (part == "month") r = c.month;
  else if (part == "day") r = c.day;
  else if (part == "hour") r = static_cast<double>(c.micros_of_day / 3600000000LL);
  else if (part == "minute") r = static_cast<double>(c.micros_of_day / 60000000LL % 60);
  else if (part == "second") r = static_cast<double>(c.micros_of_day % 60000000LL) / 1e6;
  else if (part == "millisecond") r = static_cast<double>(c.micros_of_day % 60000000LL) / 1e3;
  else if (part == "microsecond") r = static_cast<double>(c.micros_of_day % 60000000LL);
  else if (part == "dow") r = static_cast<double>(((days % 7) + 7 + 4) % 7);  // Sunday = 0
  else if (part == "isodow") r = static_cast<double>(((days % 7) + 7 + 3) % 7 + 1);  // Monday = 1
  else if (part == "doy") r = static_cast<double>(days - DaysFromCivil(c.year, 1, 1) + 1);
  else if (part == "epoch") r = static_cast<double>(micros) / 1e6;
  else if (part == "week") {
    // ISO week number.
    int64_t wd = ((days % 7) + 7 + 3) % 7;  // Monday = 0
    int64_t thursday = days - wd + 3;
    int64_t ty;
    unsigned tm, td;
    CivilFromDays(thursday, &ty, &tm, &td);
    r = static_cast<double>((thursday - DaysFromCivil(ty, 1, 1)) / 7 + 1);
  } else {
    return Status::InvalidArgument("date_part() does not know the part '" + a[0].str_value() +
                                   "'; use year, quarter, month, week, day, dow, isodow, doy, hour, minute, second, "
                                   "millisecond, microsecond or epoch");
  }
  return Value::Float64(r);
}

// date_add(ts, interval): months first (clamped to the month's end), then days and time.
Result<Value> DateAdd(const V& a, const LogicalType&) {
  const Interval& iv = a[1].interval_value();
  Civil c = ToCivil(Micros(a[0]));
  int64_t months = c.year * 12 + (c.month - 1) + iv.months;
  int64_t y = FloorDiv(months, 12);
  unsigned m = static_cast<unsigned>(months - y * 12 + 1);
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned last = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  int64_t out = FromCivil(y, m, std::min(c.day, last), c.micros_of_day) + iv.days * kMicrosPerDay + iv.nanos / 1000;
  return Value::Timestamp(out);
}

// date_diff(part, a, b): how many part boundaries lie between a and b.
Result<Value> DateDiff(const V& a, const LogicalType&) {
  const std::string part = Part(a[0]);
  const int64_t x = Micros(a[1]), y = Micros(a[2]);
  Civil cx = ToCivil(x), cy = ToCivil(y);
  int64_t r;
  if (part == "year") r = cy.year - cx.year;
  else if (part == "quarter") r = (cy.year * 4 + (cy.month - 1) / 3) - (cx.year * 4 + (cx.month - 1) / 3);
  else if (part == "month") r = (cy.year * 12 + cy.month) - (cx.year * 12 + cx.month);
  else if (part == "week") r = (FloorDiv(y, kMicrosPerDay) - FloorDiv(x, kMicrosPerDay)) / 7;
  else if (part == "day") r = FloorDiv(y, kMicrosPerDay) - FloorDiv(x, kMicrosPerDay);
  else if (part == "hour") r = FloorDiv(y, 3600000000LL) - FloorDiv(x, 3600000000LL);
  else if (part == "minute") r = FloorDiv(y, 60000000LL) - FloorDiv(x, 60000000LL);
  else if (part == "second") r = FloorDiv(y, 1000000LL) - FloorDiv(x, 1000000LL);
  else if (part == "millisecond") r = FloorDiv(y, 1000LL) - FloorDiv(x, 1000LL);
  else if (part == "microsecond") r = y - x;
  else return Status::InvalidArgument("date_diff() does not know the part '" + a[0].str_value() + "'");
  return Value::Int64(r);
}

Result<Value> Strftime(const V& a, const LogicalType&) {
  const int64_t micros = Micros(a[0]);
  std::time_t secs = static_cast<std::time_t>(FloorDiv(micros, 1000000));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  const std::string& fmt = a[1].str_value();
  std::string out;
  for (size_t i = 0; i < fmt.size(); i++) {
    if (fmt[i] == '%' && i + 1 < fmt.size() && (fmt[i + 1] == 'f' || fmt[i + 1] == 'g')) {
      char buf[32];
      int64_t frac = micros - FloorDiv(micros, 1000000) * 1000000;
      if (fmt[i + 1] == 'f') std::snprintf(buf, sizeof buf, "%06lld", static_cast<long long>(frac));
      else std::snprintf(buf, sizeof buf, "%03lld", static_cast<long long>(frac / 1000));
      out += buf;
      i++;
      continue;
    }
    if (fmt[i] == '%' && i + 1 < fmt.size()) {
      char spec[3] = {'%', fmt[i + 1], 0};
      char buf[128];
      size_t n = std::strftime(buf, sizeof buf, spec, &tm);
      out.append(buf, n);
      i++;
      continue;
    }
    out.push_back(fmt[i]);
  }
  return Value::Text(std::move(out));
}

Result<Value> Strptime(const V& a, const LogicalType&) {
  std::tm tm{};
  const char* end = ::strptime(a[0].str_value().c_str(), a[1].str_value().c_str(), &tm);
  if (!end || *end != '\0') {
    return Status::Conversion("strptime(): '" + a[0].str_value() + "' does not match the format '" +
                              a[1].str_value() + "'");
  }
  int64_t micros = FromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday),
                             (tm.tm_hour * 3600LL + tm.tm_min * 60LL + tm.tm_sec) * 1000000LL);
  return Value::Timestamp(micros);
}

Result<Value> MakeDate(const V& a, const LogicalType&) {
  int64_t y = a[0].int_value(), m = a[1].int_value(), d = a[2].int_value();
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap)) {
    return Status::OutOfRange("make_date(" + std::to_string(y) + ", " + std::to_string(m) + ", " + std::to_string(d) +
                              ") is not a date");
  }
  return Value::Date(DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}

Result<Value> Epoch(const V& a, const LogicalType&) { return Value::Float64(static_cast<double>(Micros(a[0])) / 1e6); }

Result<Value> ToTimestamp(const V& a, const LogicalType&) {
  double s = a[0].float_value();
  if (!(s > -9.2e12 && s < 9.2e12)) return Status::OutOfRange("to_timestamp(): seconds out of range");
  return Value::Timestamp(static_cast<int64_t>(std::llround(s * 1e6)));
}

}  // namespace

void RegisterDateTimeFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
  add({"now", 0, 0, KODIAK_FIXED_BIND("now", {}, ts), RowWise<Now>, "now() -> TIMESTAMP"});
  add({"current_timestamp", 0, 0, KODIAK_FIXED_BIND("current_timestamp", {}, ts), RowWise<Now>,
       "current_timestamp() -> TIMESTAMP"});
  add({"current_date", 0, 0, KODIAK_FIXED_BIND("current_date", {}, date), RowWise<CurrentDate>,
       "current_date() -> DATE"});
  add({"date_trunc", 2, 2, KODIAK_FIXED_BIND("date_trunc", {text, ts}, ts), RowWise<DateTrunc>,
       "date_trunc(part, TIMESTAMP) -> TIMESTAMP"});
  add({"date_part", 2, 2, KODIAK_FIXED_BIND("date_part", {text, ts}, f64), RowWise<DatePart>,
       "date_part(part, TIMESTAMP) -> FLOAT64"});
  add({"extract", 2, 2, KODIAK_FIXED_BIND("extract", {text, ts}, f64), RowWise<DatePart>,
       "extract(part FROM TIMESTAMP) -> FLOAT64"});
  add({"date_add", 2, 2, KODIAK_FIXED_BIND("date_add", {ts, interval}, ts), RowWise<DateAdd>,
       "date_add(TIMESTAMP, INTERVAL) -> TIMESTAMP"});
  add({"date_diff", 3, 3, KODIAK_FIXED_BIND("date_diff", {text, ts, ts}, i64), RowWise<DateDiff>,
       "date_diff(part, start, end) -> INT64"});
  add({"datediff", 3, 3, KODIAK_FIXED_BIND("datediff", {text, ts, ts}, i64), RowWise<DateDiff>,
       "datediff(part, start, end) -> INT64"});
  add({"strftime", 2, 2, KODIAK_FIXED_BIND("strftime", {ts, text}, text), RowWise<Strftime>,
       "strftime(TIMESTAMP, format) -> TEXT"});
  add({"strptime", 2, 2, KODIAK_FIXED_BIND("strptime", {text, text}, ts), RowWise<Strptime>,
       "strptime(TEXT, format) -> TIMESTAMP"});
  add({"make_date", 3, 3, KODIAK_FIXED_BIND("make_date", {i64}, date), RowWise<MakeDate>,
       "make_date(year, month, day) -> DATE"});
  add({"epoch", 1, 1, KODIAK_FIXED_BIND("epoch", {ts}, f64), RowWise<Epoch>, "epoch(TIMESTAMP) -> FLOAT64 seconds"});
  add({"to_timestamp", 1, 1, KODIAK_FIXED_BIND("to_timestamp", {f64}, ts), RowWise<ToTimestamp>,
       "to_timestamp(seconds) -> TIMESTAMP"});
}

}  // namespace kodiak::sql
