// function_vs_inline: what a PL-Grizzly function costs over the same
// expression written inline. A method with an expression body is bound
// inline (its body reads the caller's columns), so both run the same
// vectorized kernels; the ratio should stay near 1 (the goal: the method
// costs at most 1.5x the inline expression).
//
// Ends with `ratio <workload> <inline seconds / function seconds> vs inline`.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "kodiak/kodiak.h"

namespace {

double Seconds(kodiak::Connection& conn, const std::string& sql, std::string* answer) {
  auto start = std::chrono::steady_clock::now();
  auto r = conn.Query(sql);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n%s\n", sql.c_str(), r.status().ToString().c_str());
    std::exit(1);
  }
  *answer = r->GetValue(0, 0).ToString();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t rows = 10000000;
  int repeat = 3;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) rows = std::atoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
  }
  auto db = kodiak::Database::InMemory();
  kodiak::Connection conn(*db);
  const std::string setup =
      "CREATE TYPE Point AS STRUCT(x FLOAT64, y FLOAT64);"
      "CREATE FUNCTION [Point] norm() RETURNS FLOAT64 { sqrt(x * x + y * y) }"
      "CREATE FUNCTION scaled(v: FLOAT64, k: FLOAT64) RETURNS FLOAT64 { LET w = v * k; IF w > 100 { 100.0 } ELSE { w } }"
      "CREATE TABLE t AS SELECT (i % 1000)::FLOAT64 AS x, (i % 777)::FLOAT64 AS y FROM range(" +
      std::to_string(rows) + ") AS r(i);"
      "CREATE TABLE pts AS SELECT Point {x: x, y: y} AS p FROM t;";
  auto r = conn.Query(setup);
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    return 1;
  }
  std::printf("function_vs_inline: %lld rows, best of %d\n", static_cast<long long>(rows), repeat);
  struct Workload {
    const char* name;
    std::string function_sql, inline_sql;
  };
  const Workload workloads[] = {
      {"function_call", "SELECT sum(scaled(x, 0.5)) FROM t",
       "SELECT sum(CASE WHEN x * 0.5 > 100 THEN 100.0 ELSE x * 0.5 END) FROM t"},
      {"method_call", "SELECT sum(p.norm()) FROM pts", "SELECT sum(sqrt(p.x * p.x + p.y * p.y)) FROM pts"},
  };
  std::printf("%-16s %12s %12s\n", "workload", "function s", "inline s");
  std::string lines;
  for (const auto& w : workloads) {
    double best_f = 1e9, best_i = 1e9;
    std::string a, b;
    for (int k = 0; k < repeat; k++) {
      best_f = std::min(best_f, Seconds(conn, w.function_sql, &a));
      best_i = std::min(best_i, Seconds(conn, w.inline_sql, &b));
    }
    if (a != b) {
      std::fprintf(stderr, "%s: answers differ: %s vs %s\n", w.name, a.c_str(), b.c_str());
      return 1;
    }
    std::printf("%-16s %12.4f %12.4f\n", w.name, best_f, best_i);
    char buf[128];
    std::snprintf(buf, sizeof buf, "ratio %s %.2f vs inline\n", w.name, best_i / best_f);
    lines += buf;
  }
  std::fputs(lines.c_str(), stdout);
  return 0;
}
