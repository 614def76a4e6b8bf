// Results must not depend on how the data was batched or in which order the
// rows were inserted: the same 100,000 rows are loaded three ways (one row
// per INSERT in id order, seven rows per INSERT in reverse order, one
// 100,000-row INSERT in shuffled order) and every query must give the same
// rows (the same order where the query has a total ORDER BY).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kodiak/kodiak.h"

namespace kodiak {
namespace {

constexpr int kRows = 100000;

std::string RowValues(int id) {
  std::string v = (id % 11 == 0) ? "NULL" : std::to_string((id * 7919) % 1000) + ".5";
  return "(" + std::to_string(id) + ", " + std::to_string(id % 97) + ", 's" + std::to_string(id % 13) + "', " + v +
         ")";
}

void Exec(Connection& c, const std::string& sql) {
  auto r = c.Query(sql);
  ASSERT_TRUE(r.ok()) << r.status().ToString() << "\n" << sql.substr(0, 200);
}

void CreateTables(Connection& c) {
  Exec(c, "CREATE TABLE t(id INT, g INT, s TEXT, v DOUBLE)");
  Exec(c, "CREATE TABLE u(g INT, name TEXT)");
  std::string sql = "INSERT INTO u VALUES ";
  for (int g = 0; g < 97; g++) sql += (g ? ", (" : "(") + std::to_string(g) + ", 'name" + std::to_string(g) + "')";
  Exec(c, sql);
}

std::vector<std::string> Rows(Connection& c, const std::string& sql, bool ordered) {
  auto r = c.Query(sql);
  EXPECT_TRUE(r.ok()) << r.status().ToString() << "\n" << sql;
  std::vector<std::string> rows;
  if (!r.ok()) return rows;
  for (uint64_t i = 0; i < r->row_count(); i++) {
    std::string row;
    for (size_t col = 0; col < r->column_count(); col++) row += (col ? "|" : "") + r->GetValue(col, i).ToString();
    rows.push_back(std::move(row));
  }
  if (!ordered) std::sort(rows.begin(), rows.end());
  return rows;
}

struct QueryCase {
  std::string sql;
  bool ordered;  // compare row order too (the ORDER BY is total)
};

const std::vector<QueryCase>& Queries() {
  static const std::vector<QueryCase> kQueries = {
      {"SELECT count(*), sum(id), count(v), min(s), max(s), min(v), max(v) FROM t", false},
      {"SELECT sum(v), avg(v) FROM t", false},
      {"SELECT g, count(*), sum(id), count(DISTINCT s), min(v), max(v) FROM t GROUP BY g", false},
      {"SELECT s, count(*) FROM t WHERE v > 500 GROUP BY s HAVING count(*) > 10", false},
      {"SELECT DISTINCT s, g % 5 FROM t", false},
      {"SELECT t.g, u.name, count(*) FROM t JOIN u ON t.g = u.g WHERE t.id % 3 = 0 GROUP BY t.g, u.name", false},
      {"SELECT u.g, count(t.id) FROM u LEFT JOIN t ON u.g = t.g AND t.id < 1000 GROUP BY u.g", false},
      {"SELECT id, g, s, v FROM t ORDER BY v DESC NULLS LAST, id LIMIT 50", true},
      {"SELECT id, v FROM t WHERE g = 5 ORDER BY id", true},
      {"SELECT id FROM t ORDER BY s, v, id DESC LIMIT 20 OFFSET 1000", true},
      {"SELECT count(*) FROM t WHERE v > (SELECT avg(v) FROM t)", false},
      {"SELECT id, (SELECT count(*) FROM u WHERE u.g < t.g) FROM t WHERE id < 300", false},
      {"SELECT count(*) FROM t WHERE g IN (SELECT g FROM u WHERE name LIKE '%3%')", false},
      {"SELECT s FROM t WHERE g < 10 INTERSECT SELECT s FROM t WHERE g > 90", false},
      {"SELECT g FROM t WHERE id < 5000 EXCEPT SELECT g FROM t WHERE id >= 5000 AND g > 40", false},
      {"SELECT a.id, b.id FROM t AS a JOIN t AS b ON a.id = b.id + 1 WHERE a.id < 100", false},
      {"SELECT count(*) FROM t AS a, u WHERE a.g = u.g AND u.g < 3 AND a.v IS NULL", false},
  };
  return kQueries;
}

TEST(BatchingInvarianceTest, OneRowSevenRowAndBulkInsertsGiveTheSameResults) {
  auto db1 = Database::InMemory(), db7 = Database::InMemory(), dbn = Database::InMemory();
  Connection one(*db1), seven(*db7), bulk(*dbn);
  CreateTables(one);
  CreateTables(seven);
  CreateTables(bulk);

  // One row per statement, in id order.
  for (int id = 0; id < kRows; id++) Exec(one, "INSERT INTO t VALUES " + RowValues(id));
  // Seven rows per statement, in reverse order.
  for (int hi = kRows - 1; hi >= 0; hi -= 7) {
    std::string sql = "INSERT INTO t VALUES ";
    for (int id = hi; id > hi - 7 && id >= 0; id--) sql += (id == hi ? "" : ", ") + RowValues(id);
    Exec(seven, sql);
  }
  // All rows in one statement, shuffled.
  std::vector<int> ids(kRows);
  for (int i = 0; i < kRows; i++) ids[static_cast<size_t>(i)] = i;
  std::shuffle(ids.begin(), ids.end(), std::mt19937(42));
  std::string sql = "INSERT INTO t VALUES ";
  for (size_t i = 0; i < ids.size(); i++) sql += (i ? ", " : "") + RowValues(ids[i]);
  Exec(bulk, sql);

  // The data is really there (equal results are not just equally empty).
  auto totals = Rows(one, "SELECT count(*), sum(id), count(v) FROM t", false);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0], "100000|4999950000|90909");

  for (const auto& q : Queries()) {
    auto expected = Rows(one, q.sql, q.ordered);
    EXPECT_FALSE(expected.empty()) << q.sql;
    EXPECT_EQ(Rows(seven, q.sql, q.ordered), expected) << "7-row inserts differ: " << q.sql;
    EXPECT_EQ(Rows(bulk, q.sql, q.ordered), expected) << "one bulk insert differs: " << q.sql;
  }
}

}  // namespace
}  // namespace kodiak
