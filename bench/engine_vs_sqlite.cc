// engine_vs_sqlite: Kodiak's in-memory engine against SQLite (in memory) on
// the same generated table and the same queries, in one run.
//
// Each workload runs on both engines (best of --repeat runs), the answers are
// compared (a benchmark that computes the wrong thing is worthless), and the
// run ends with one line per workload:
//   ratio <workload> <sqlite seconds / kodiak seconds> vs sqlite
// (above 1 means Kodiak is faster).
//
// Usage: engine_vs_sqlite [--rows N] [--repeat K]
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "kodiak/kodiak.h"

namespace {

double Seconds(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "engine_vs_sqlite: %s\n", msg.c_str());
  std::exit(1);
}

// Results as text rows "v1|v2|...", for comparison between engines.
std::vector<std::string> KodiakRows(kodiak::Connection& conn, const std::string& sql) {
  auto r = conn.Query(sql);
  if (!r.ok()) Die("kodiak: " + r.status().message() + "\n" + sql);
  std::vector<std::string> rows;
  for (uint64_t i = 0; i < r->row_count(); i++) {
    std::string row;
    for (size_t c = 0; c < r->column_count(); c++) {
      kodiak::Value v = r->GetValue(c, i);
      if (c) row += "|";
      if (!v.is_null() && v.type().IsFloat()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", v.float_value());
        row += buf;
      } else {
        row += v.ToString();
      }
    }
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> SqliteRows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Die(std::string("sqlite: ") + sqlite3_errmsg(db));
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); c++) {
      if (c) row += "|";
      int type = sqlite3_column_type(stmt, c);
      if (type == SQLITE_NULL) {
        row += "NULL";
      } else if (type == SQLITE_FLOAT) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.6g", sqlite3_column_double(stmt, c));
        row += buf;
      } else {
        row += reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      }
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  return rows;
}

void SqliteExec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) Die(std::string("sqlite: ") + err);
}

// Deterministic pseudo-random numbers (same data for both engines).
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

int main(int argc, char** argv) {
  int64_t rows = 1000000;
  int repeat = 3;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) rows = std::atoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else Die(std::string("unknown argument ") + argv[i] + " (usage: engine_vs_sqlite [--rows N] [--repeat K])");
  }
  std::printf("engine_vs_sqlite: %lld rows, best of %d, SQLite %s in memory\n", static_cast<long long>(rows), repeat,
              sqlite3_libversion());

  auto db = kodiak::Database::InMemory();
  kodiak::Connection conn(*db);
  sqlite3* lite = nullptr;
  sqlite3_open(":memory:", &lite);

  const std::string schema =
      "CREATE TABLE t (id BIGINT, k INTEGER, a INTEGER, b DOUBLE, name TEXT);"
      "CREATE TABLE d (k INTEGER, label TEXT);";
  if (!conn.Query(schema).ok()) Die("kodiak schema");
  SqliteExec(lite, schema);

  // Load: the same INSERT statements (1000 rows each) into both, in one transaction.
  std::vector<std::string> inserts;
  for (int64_t start = 0; start < rows; start += 1000) {
    std::string sql = "INSERT INTO t VALUES ";
    for (int64_t i = start; i < std::min(rows, start + 1000); i++) {
      uint64_t r = Mix(static_cast<uint64_t>(i));
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s(%lld,%d,%d,%.3f,'name%d')", i == start ? "" : ",", static_cast<long long>(i),
                    static_cast<int>(r % 100), static_cast<int>((r >> 8) % 100000),
                    static_cast<double>((r >> 24) % 1000000) / 1000.0, static_cast<int>((r >> 40) % 5000));
      sql += buf;
    }
    inserts.push_back(sql);
  }
  std::string dims = "INSERT INTO d VALUES ";
  for (int k = 0; k < 100; k++) dims += (k ? ",(" : "(") + std::to_string(k) + ",'label" + std::to_string(k % 10) + "')";

  struct Timing {
    std::string name;
    double kodiak, sqlite;
  };
  std::vector<Timing> timings;

  double tk = Seconds([&] {
    conn.Query("BEGIN");
    for (const auto& s : inserts) {
      auto r = conn.Query(s);
      if (!r.ok()) Die(r.status().message());
    }
    conn.Query(dims);
    conn.Query("COMMIT");
  });
  double ts = Seconds([&] {
    SqliteExec(lite, "BEGIN");
    for (const auto& s : inserts) SqliteExec(lite, s);
    SqliteExec(lite, dims);
    SqliteExec(lite, "COMMIT");
  });
  timings.push_back({"load_insert_values", tk, ts});

  struct Workload {
    const char* name;
    const char* sql;
  };
  const Workload workloads[] = {
      {"filter_count", "SELECT count(*) FROM t WHERE a < 50000 AND b > 100.5"},
      {"group_by_sum", "SELECT k, count(*), sum(a), min(b), max(b) FROM t GROUP BY k ORDER BY k"},
      {"group_by_text", "SELECT name, count(*) FROM t GROUP BY name ORDER BY 2 DESC, 1 LIMIT 5"},
      {"top_n", "SELECT id, b FROM t ORDER BY b DESC, id LIMIT 10"},
      {"sort_full", "SELECT count(*) FROM (SELECT id FROM t ORDER BY a, id) AS s"},
      {"hash_join_agg", "SELECT d.label, count(*), sum(t.a) FROM t JOIN d ON t.k = d.k GROUP BY d.label ORDER BY 1"},
      {"distinct", "SELECT count(*) FROM (SELECT DISTINCT a FROM t) AS s"},
      // Subqueries, set operations and WITH (issue 3).
      {"exists_correlated", "SELECT count(*) FROM d WHERE EXISTS (SELECT 1 FROM t WHERE t.k = d.k AND t.a < 20)"},
      {"scalar_correlated", "SELECT d.k, (SELECT count(*) FROM t WHERE t.k = d.k) FROM d WHERE d.k < 20 ORDER BY d.k"},
      {"in_subquery", "SELECT count(*) FROM t WHERE k IN (SELECT k FROM d WHERE label = 'label3')"},
      {"not_in_subquery", "SELECT count(*) FROM t WHERE k NOT IN (SELECT k FROM d WHERE label <> 'label3')"},
      {"union", "SELECT count(*) FROM (SELECT a FROM t WHERE k < 50 UNION SELECT a FROM t WHERE k >= 50) AS s"},
      {"intersect", "SELECT count(*) FROM (SELECT name FROM t WHERE k < 10 INTERSECT SELECT name FROM t WHERE k > 90) AS s"},
      {"recursive_cte", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100000) SELECT sum(n) FROM r"},
  };
  for (const auto& w : workloads) {
    std::vector<std::string> kr, sr;
    double best_k = 1e9, best_s = 1e9;
    for (int i = 0; i < repeat; i++) {
      best_k = std::min(best_k, Seconds([&] { kr = KodiakRows(conn, w.sql); }));
      best_s = std::min(best_s, Seconds([&] { sr = SqliteRows(lite, w.sql); }));
    }
    if (kr != sr) {
      std::fprintf(stderr, "%s: answers differ\n  kodiak: %s\n  sqlite: %s\n", w.name,
                   kr.empty() ? "(no rows)" : kr[0].c_str(), sr.empty() ? "(no rows)" : sr[0].c_str());
      return 1;
    }
    timings.push_back({w.name, best_k, best_s});
  }
  sqlite3_close(lite);

  std::printf("%-20s %12s %12s\n", "workload", "kodiak s", "sqlite s");
  for (const auto& t : timings) std::printf("%-20s %12.4f %12.4f\n", t.name.c_str(), t.kodiak, t.sqlite);
  for (const auto& t : timings) std::printf("ratio %s %.2f vs sqlite\n", t.name.c_str(), t.sqlite / t.kodiak);
  return 0;
}
