#!/usr/bin/env bash
# The kodiak CLI test suite: runs the binary non-interactively (-c, -f,
# stdin) and checks its output exactly, drives the REPL through a
# pseudo-terminal (tmux), and checks every example in docs/cli.md.
#
#   tests/cli/run.sh build/kodiak        (make cli)
#
# Prints one line per failure and ends with "N passed, N failed"; exits
# non-zero when anything failed. KEEP=1 keeps the scratch folder.
set -u

BIN=${1:?usage: tests/cli/run.sh path/to/kodiak}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kodiak-cli.XXXXXX")
TMUX_SOCKET="kodiak-cli-test-$$"
cleanup() {
  command -v tmux >/dev/null 2>&1 && tmux -L "$TMUX_SOCKET" kill-server >/dev/null 2>&1
  [ "${KEEP:-0}" = 1 ] || rm -rf "$TMP"
}
trap cleanup EXIT
cd "$TMP" || exit 1

# A predictable environment: no terminal width, no colors, private history.
unset COLUMNS NO_COLOR
export KODIAK_HOME="$TMP/home"
export LC_ALL=C.UTF-8

pass=0
fail=0

ok() { pass=$((pass + 1)); }
not_ok() {
  fail=$((fail + 1))
  printf 'FAIL: %s\n' "$1"
  [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/    /'
  return 0
}

# run CMD...: runs a command; sets OUT, ERR (trailing newlines stripped) and RC.
run() {
  "$@" >"$TMP/.out" 2>"$TMP/.err" </dev/null
  RC=$?
  OUT=$(cat "$TMP/.out")
  ERR=$(cat "$TMP/.err")
}
# run_stdin TEXT CMD...: the same with TEXT on standard input.
run_stdin() {
  local input=$1
  shift
  printf '%s' "$input" | "$@" >"$TMP/.out" 2>"$TMP/.err"
  RC=$?
  OUT=$(cat "$TMP/.out")
  ERR=$(cat "$TMP/.err")
}

expect_eq() {  # NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then ok; else
    not_ok "$1" "$(diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -40)"
  fi
}
expect_contains() {  # NAME NEEDLE HAYSTACK
  if [[ "$3" == *"$2"* ]]; then ok; else
    not_ok "$1" "expected to contain: $2"$'\n'"got: ${3:0:2000}"
  fi
}
expect_not_contains() {  # NAME NEEDLE HAYSTACK
  if [[ "$3" != *"$2"* ]]; then ok; else
    not_ok "$1" "expected not to contain: $2"$'\n'"got: ${3:0:2000}"
  fi
}
expect_match() {  # NAME EXTENDED-REGEX TEXT
  if printf '%s\n' "$3" | grep -Eq -- "$2"; then ok; else
    not_ok "$1" "expected a line matching: $2"$'\n'"got: ${3:0:2000}"
  fi
}
expect_rc() {  # NAME CODE
  if [ "$RC" == "$2" ]; then ok; else
    not_ok "$1" "exit status $RC, expected $2; stderr: ${ERR:0:1000}"
  fi
}

# ------------------------------------------------------- PL-Grizzly errors
# Errors in function bodies name the line and column in the script and show a caret.
run_stdin $'CREATE FUNCTION bad(x: INT64)\nRETURNS INT64\n{\n  LET total = x + 1;\n  totl + 1\n}\n' "$BIN"
expect_eq "function body error: message, line, column, caret" \
  "Error in stdin: binder error at line 5, column 3: unknown name 'totl' in the function body — did you mean total?
    totl + 1
    ^" "$ERR"
run_stdin $'CREATE FUNCTION g() RETURNS INT64 {\n  MATCH 1 { 1 2 }\n}\n' "$BIN"
expect_eq "MATCH syntax error: message, line, column, caret" \
  "Error in stdin: syntax error at line 2, column 15: expected '=>' after the pattern after '1'
    MATCH 1 { 1 2 }
                ^" "$ERR"
run_stdin $'CREATE TYPE E AS EXCEPTION ("boom");\nCREATE FUNCTION f(x: INT64) RETURNS INT64 RAISE E {\n  IF x > 1 {\n    RAISE E("big")\n  } ELSE { x }\n}\nSELECT f(1);\nSELECT f(5);\n' "$BIN"
expect_eq "an uncaught exception names itself, the function and its line" "Error in stdin at line 8: E: big (in function f, line 3)" "$ERR"
run_stdin $'CREATE TYPE E AS EXCEPTION ("boom");\nCREATE FUNCTION f() RETURNS INT64 {\n  RAISE E\n}\n' "$BIN"
expect_eq "an undeclared exception is refused at CREATE FUNCTION, with a caret" \
  "Error in stdin: binder error at line 3, column 3: function f can raise E but does not declare it — add RAISE E after RETURNS, or catch it with TRY ... CATCH E => ...
    RAISE E
    ^" "$ERR"

SETUP="CREATE TABLE t(a INT, b TEXT);
INSERT INTO t VALUES (1, 'x'), (2, NULL), (30, 'NULL'), (-4, 'a long text');"

# ------------------------------------------------------------------ options

run "$BIN" --version
expect_eq "--version" "kodiak 0.1.0" "$OUT"
expect_rc "--version exit status" 0
run "$BIN" -V
expect_eq "-V" "kodiak 0.1.0" "$OUT"

run "$BIN" --help
expect_rc "--help exit status" 0
for word in "Usage: kodiak" "-c, --command SQL" "-f, --file FILE" "-m, --mode MODE" \
  "-i, --interactive" "-h, --help" "-V, --version" ".help" ".tables" ".schema [TABLE]" \
  ".mode [MODE]" ".timer on|off" ".maxrows [N]" ".read FILE" ".output [FILE]" ".quit" \
  "Exit status"; do
  expect_contains "--help mentions $word" "$word" "$OUT"
done

run "$BIN" --bogus
expect_rc "unknown option exits 2" 2
expect_contains "unknown option is named" "unknown option '--bogus'" "$ERR"
expect_contains "unknown option hints at --help" "kodiak --help" "$ERR"
expect_eq "unknown option prints nothing on stdout" "" "$OUT"

run "$BIN" script.sql
expect_rc "stray argument exits 2" 2
expect_contains "stray argument suggests -f" "kodiak -f script.sql" "$ERR"

run "$BIN" -c
expect_rc "-c without SQL exits 2" 2
expect_contains "-c without SQL says so" "needs SQL text" "$ERR"

run "$BIN" -m xml -c "SELECT 1"
expect_rc "unknown -m mode exits 2" 2
expect_contains "unknown -m mode lists the modes" "box, table, csv, json, jsonl, markdown, line" "$ERR"

run "$BIN" --help=yes
expect_rc "flag with a value exits 2" 2

# --------------------------------------------------------------- box (default)

BOX='┌───────┬─────────────┐
│   a   │      b      │
│ int32 │    text     │
├───────┼─────────────┤
│     1 │ x           │
│     2 │ NULL        │
│    30 │ '"'NULL'"'      │
│    -4 │ a long text │
└───────┴─────────────┘
4 rows'
run "$BIN" -c "$SETUP SELECT * FROM t;"
expect_eq "box mode (-c)" "$BOX" "$OUT"
expect_rc "-c success exits 0" 0

run "$BIN" -c "$SETUP" -c "FROM t"
expect_eq "-c twice, FROM-first, last statement without ';'" "$BOX" "$OUT"

run "$BIN" -c "$SETUP"
expect_eq "DDL and DML print nothing" "" "$OUT"

run "$BIN" -c "$SETUP SELECT * FROM t WHERE a > 100;"
expect_eq "box mode, no rows" '┌───────┬──────┐
│   a   │  b   │
│ int32 │ text │
└───────┴──────┘
0 rows' "$OUT"

run "$BIN" -c "$SETUP SELECT b FROM t WHERE a = 1;"
expect_eq "box mode, one row" '┌──────┐
│  b   │
│ text │
├──────┤
│ x    │
└──────┘
1 row' "$OUT"

# ------------------------------------------------------------ every mode

mode_output() {  # MODE -> runs SETUP then SELECT * FROM t in MODE via a piped script
  run_stdin "$SETUP
.mode $1
SELECT * FROM t;
" "$BIN"
}

mode_output table
expect_eq "table mode" "+-------+-------------+
|   a   |      b      |
| int32 |    text     |
+-------+-------------+
|     1 | x           |
|     2 | NULL        |
|    30 | 'NULL'      |
|    -4 | a long text |
+-------+-------------+
4 rows" "$OUT"

mode_output csv
expect_eq "csv mode" "a,b
1,x
2,
30,NULL
-4,a long text" "$OUT"

mode_output json
expect_eq "json mode" '[
  {"a": 1, "b": "x"},
  {"a": 2, "b": null},
  {"a": 30, "b": "NULL"},
  {"a": -4, "b": "a long text"}
]' "$OUT"

mode_output jsonl
expect_eq "jsonl mode" '{"a": 1, "b": "x"}
{"a": 2, "b": null}
{"a": 30, "b": "NULL"}
{"a": -4, "b": "a long text"}' "$OUT"

mode_output markdown
expect_eq "markdown mode" "|   a | b           |
|----:|-------------|
|   1 | x           |
|   2 | NULL        |
|  30 | 'NULL'      |
|  -4 | a long text |" "$OUT"

mode_output line
expect_eq "line mode" "a = 1
b = x

a = 2
b = NULL

a = 30
b = 'NULL'

a = -4
b = a long text" "$OUT"

mode_output box
expect_eq "box mode (.mode box)" "$BOX" "$OUT"

run "$BIN" -m csv -c "$SETUP SELECT * FROM t WHERE a = 1;"
expect_eq "-m csv" "a,b
1,x" "$OUT"

run "$BIN" -m json -c "$SETUP SELECT * FROM t WHERE a > 100;"
expect_eq "json mode, no rows" "[]" "$OUT"

# Quoting: commas, quotes, line breaks, empty text versus NULL.
QUOTES="CREATE TABLE q(s TEXT);
INSERT INTO q VALUES ('plain'), ('a,b'), ('say \"hi\"'), ('two
lines'), (''), (NULL);
SELECT * FROM q;"
run "$BIN" -m csv -c "$QUOTES"
expect_eq "csv quoting (RFC 4180)" 's
plain
"a,b"
"say ""hi"""
"two
lines"
""
' "$OUT"$'\n'
run "$BIN" -m jsonl -c "$QUOTES"
expect_eq "json string escapes" '{"s": "plain"}
{"s": "a,b"}
{"s": "say \"hi\""}
{"s": "two\nlines"}
{"s": ""}
{"s": null}' "$OUT"
run "$BIN" -c "$QUOTES"
expect_contains "box shows a line break as \\n" "│ two\\nlines │" "$OUT"
run "$BIN" -m markdown -c "CREATE TABLE p(s TEXT); INSERT INTO p VALUES ('a|b'); SELECT * FROM p;"
expect_contains "markdown escapes |" '| a\|b |' "$OUT"

# ------------------------------------------------ alignment and NULL display

run "$BIN" -c "CREATE TABLE n(i INT, f DOUBLE, s TEXT);
INSERT INTO n VALUES (7, 2.5, 'left'), (12345, NULL, NULL);
SELECT * FROM n;"
expect_eq "numbers right-aligned, text left-aligned" '┌───────┬─────────┬──────┐
│   i   │    f    │  s   │
│ int32 │ float64 │ text │
├───────┼─────────┼──────┤
│     7 │     2.5 │ left │
│ 12345 │    NULL │ NULL │
└───────┴─────────┴──────┘
2 rows' "$OUT"

run "$BIN" -m line -c "$SETUP SELECT b FROM t WHERE a = 2 OR a = 30 ORDER BY a;"
expect_eq "line mode: NULL versus 'NULL'" "b = NULL

b = 'NULL'" "$OUT"

# ----------------------------------------------------------- long results

rows=""
for i in $(seq 1 100); do rows+="${rows:+, }($i)"; done
LONG="CREATE TABLE big(i INT); INSERT INTO big VALUES $rows;"
run "$BIN" -c "$LONG SELECT * FROM big;"
expect_eq "long result: 20 + · + 20 rows" "$(
  printf '┌───────┐\n│   i   │\n│ int32 │\n├───────┤\n'
  for i in $(seq 1 20); do printf '│ %5d │\n' "$i"; done
  printf '│   ·   │\n'
  for i in $(seq 81 100); do printf '│ %5d │\n' "$i"; done
  printf '└───────┘\n100 rows (40 shown)'
)" "$OUT"

run "$BIN" -c "$LONG SELECT * FROM big WHERE i <= 40;"
expect_not_contains "40 rows are not elided" "·" "$OUT"
expect_match "40 rows footer" "^40 rows$" "$OUT"

run "$BIN" -c "$LONG" -c ".maxrows 4" -c "SELECT * FROM big WHERE i <= 10;"
expect_eq ".maxrows 4" "┌───────┐
│   i   │
│ int32 │
├───────┤
│     1 │
│     2 │
│   ·   │
│     9 │
│    10 │
└───────┘
10 rows (4 shown)" "$OUT"

run "$BIN" -c "$LONG" -c ".maxrows 0" -c "SELECT * FROM big;"
expect_match ".maxrows 0 shows all rows" "^│   100 │$" "$OUT"
expect_match ".maxrows 0 footer" "^100 rows$" "$OUT"

run "$BIN" -m csv -c "$LONG SELECT * FROM big;"
expect_eq "csv is never elided" "101" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"

# ------------------------------------------------------------ wide results

WIDE="CREATE TABLE w(id INT, name TEXT, description TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT);
INSERT INTO w VALUES (1, 'alpha', 'a long description that will not fit in a narrow terminal', 'x', 'y', 'z', 'last');
SELECT * FROM w;"
COLUMNS=60 run "$BIN" -c "$WIDE"
expect_eq "COLUMNS=60 shrinks the widest column" '┌───────┬───────┬──────────────┬──────┬──────┬──────┬──────┐
│  id   │ name  │ description  │  c4  │  c5  │  c6  │  c7  │
│ int32 │ text  │     text     │ text │ text │ text │ text │
├───────┼───────┼──────────────┼──────┼──────┼──────┼──────┤
│     1 │ alpha │ a long desc… │ x    │ y    │ z    │ last │
└───────┴───────┴──────────────┴──────┴──────┴──────┴──────┘
1 row' "$OUT"
COLUMNS=40 run "$BIN" -c "$WIDE"
expect_eq "COLUMNS=40 drops the rightmost columns" '┌───────┬───────┬────────┬──────┬──────┐
│  id   │ name  │ descr… │  c4  │  c5  │
│ int32 │ text  │  text  │ text │ text │
├───────┼───────┼────────┼──────┼──────┤
│     1 │ alpha │ a lon… │ x    │ y    │
└───────┴───────┴────────┴──────┴──────┘
1 row (2 columns not shown)' "$OUT"
run "$BIN" -c "$WIDE"
expect_contains "no width limit when not a terminal" "a long description that will not fit in a narrow terminal" "$OUT"

run "$BIN" -c "CREATE TABLE u(s TEXT); INSERT INTO u VALUES ('日本語'), ('abc'); SELECT * FROM u;"
expect_eq "wide characters take two columns" '┌────────┐
│   s    │
│  text  │
├────────┤
│ 日本語 │
│ abc    │
└────────┘
2 rows' "$OUT"

# ---------------------------------------------------------------- errors

cat >"$TMP/bad.sql" <<'EOF'
CREATE TABLE e(a INT);
INSERT INTO e VALUES (1);
SELECT a AS before_error FROM e;

SELECT *
  FROM e
  WHER a = 1;
SELECT a AS after_error FROM e;
EOF
run "$BIN" -f bad.sql
expect_rc "-f stops at the first error with exit status 1" 1
expect_match "-f error names file and line" "^Error in bad\.sql: syntax error at line 7, column 3: " "$ERR"
expect_match "-f error: the engine's message counts lines of the file" "at line 7, column" "$ERR"
expect_contains "-f runs the statements before the error" "before_error" "$OUT"
expect_not_contains "-f runs nothing after the error" "after_error" "$OUT"

run_stdin "$(cat bad.sql)" "$BIN"
expect_rc "stdin script stops at the first error" 1
expect_match "stdin error names stdin and line" "^Error in stdin: syntax error at line 7, column 3: " "$ERR"
expect_not_contains "stdin runs nothing after the error" "after_error" "$OUT"

run "$BIN" -f bad.sql -c "SELECT 1 AS never"
expect_not_contains "an error stops later -c" "never" "$OUT"

run "$BIN" -c "SELECT * FROM no_such_table"
expect_rc "-c error exits 1" 1
expect_match "-c error is 'Error: <message>'" "^Error: .+" "$ERR"
expect_contains "-c error names the table" "no_such_table" "$ERR"
expect_eq "-c error prints nothing on stdout" "" "$OUT"

run "$BIN" -f no-such-file.sql
expect_rc "missing -f file exits 1" 1
expect_contains "missing -f file is named" "cannot open no-such-file.sql" "$ERR"

run "$BIN" -c ".tabels"
expect_rc "unknown dot command exits 1" 1
expect_contains "unknown dot command suggests the right one" "unknown command .tabels — did you mean .tables?" "$ERR"
run "$BIN" -c ".frobnicate"
expect_contains "unknown dot command without a near match" "unknown command .frobnicate (.help lists the commands)" "$ERR"
run "$BIN" -c ".mode xml"
expect_contains ".mode with a bad mode lists the modes" "unknown mode 'xml'" "$ERR"
run "$BIN" -c ".timer maybe"
expect_contains ".timer with a bad value shows usage" "usage: .timer on|off" "$ERR"
run "$BIN" -c ".read"
expect_contains ".read without a file shows usage" "usage: .read FILE" "$ERR"

# ----------------------------------------------------------- dot commands

run "$BIN" -c ".help"
expect_contains ".help lists .schema" ".schema [TABLE]" "$OUT"
expect_rc ".help exits 0" 0

run "$BIN" -c "CREATE TABLE zeta(a INT); CREATE TABLE alpha(b TEXT);" -c ".tables"
expect_eq ".tables" "alpha
zeta" "$OUT"

run "$BIN" -c "CREATE TABLE s(id INT, name TEXT NOT NULL); CREATE TABLE r(x DOUBLE);" -c ".schema s"
expect_eq ".schema TABLE" "CREATE TABLE s (
  id INT32,
  name TEXT NOT NULL
);" "$OUT"
run "$BIN" -c "CREATE TABLE s(id INT, name TEXT NOT NULL); CREATE TABLE r(x DOUBLE);" -c ".schema"
expect_eq ".schema (all tables)" "CREATE TABLE r (
  x FLOAT64
);
CREATE TABLE s (
  id INT32,
  name TEXT NOT NULL
);" "$OUT"
run "$BIN" -c ".schema nope"
expect_rc ".schema of a missing table fails" 1
expect_contains ".schema of a missing table names it" "nope" "$ERR"

printf 'SELECT 42 AS answer;\n' >"$TMP/inner.sql"
printf 'SELECT 1 AS first;\n.read inner.sql\nSELECT 2 AS last;\n' >"$TMP/outer.sql"
run "$BIN" -m csv -f outer.sql
expect_eq ".read runs the file in place" "first
1
answer
42
last
2" "$OUT"

printf 'SELECT 1 AS fine;\nSELEC 2;\n' >"$TMP/inner_bad.sql"
printf '.read inner_bad.sql\nSELECT 3 AS not_reached;\n' >"$TMP/outer_bad.sql"
run "$BIN" -m csv -f outer_bad.sql
expect_rc ".read error stops the outer script" 1
expect_match ".read error names the inner file and line" "^Error in inner_bad\.sql: syntax error at line 2, column 1: " "$ERR"
expect_not_contains ".read error reported once" "outer_bad.sql" "$ERR"
expect_not_contains ".read error: nothing after it runs" "not_reached" "$OUT"

run "$BIN" -c ".read missing.sql"
expect_contains ".read of a missing file" "cannot open missing.sql" "$ERR"

printf '.read self.sql\n' >"$TMP/self.sql"
run "$BIN" -f self.sql
expect_contains ".read recursion is stopped" "nested more than 16 deep" "$ERR"

run_stdin "$SETUP
.mode csv
.output result.csv
SELECT * FROM t WHERE a = 1;
.output
SELECT 'back' AS here;
" "$BIN"
expect_eq ".output: results go to the file" "a,b
1,x" "$(cat result.csv 2>/dev/null)"
expect_eq ".output with no file: back to stdout" "here
back" "$OUT"

run "$BIN" -c ".output /no/such/folder/x.txt"
expect_contains ".output to an unwritable path fails clearly" "cannot open /no/such/folder/x.txt for writing" "$ERR"

run "$BIN" -m csv -c ".timer on" -c "SELECT 1 AS one;" -c ".timer off" -c "SELECT 2 AS two;"
expect_match ".timer on prints the run time" "^Run Time: [0-9]+\.[0-9]{3} s$" "$OUT"
expect_eq ".timer off stops it" "1" "$(printf '%s\n' "$OUT" | grep -c 'Run Time')"

run "$BIN" -c ".mode"
expect_eq ".mode without argument shows the mode" "current output mode: box" "$OUT"

run_stdin "SELECT 1 AS one;
.quit
SELECT 2 AS two;
" "$BIN" -m csv
expect_eq ".quit stops the script" "one
1" "$OUT"
expect_rc ".quit exits 0" 0

# A statement over several lines, a script without a final ';', CRLF lines.
run_stdin $'SELECT\n  1 AS a,\n  2 AS b;\nSELECT 3 AS c' "$BIN" -m csv
expect_eq "multi-line statement and unterminated last statement" "a,b
1,2
c
3" "$OUT"
run_stdin $'SELECT 1 AS a;\r\nSELECT 2 AS b;\r\n' "$BIN" -m csv
expect_eq "CRLF script" "a
1
b
2" "$OUT"

# ------------------------------------------------------------------- REPL

tmux_cmd() { tmux -L "$TMUX_SOCKET" "$@"; }
screen() { tmux_cmd capture-pane -p -J -t repl -S -200 2>/dev/null; }
# wait_for PATTERN [SECONDS]: until the screen has a line matching PATTERN.
wait_for() {
  local deadline=$((SECONDS + ${2:-5}))
  while [ $SECONDS -le $deadline ]; do
    screen | grep -Eq -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
# type TEXT: types TEXT literally (a trailing ';' escaped for tmux).
type_text() {
  local s=$1
  [[ $s == *';' ]] && s="${s%;}\\;"
  tmux_cmd send-keys -t repl -l -- "$s"
}
key() { tmux_cmd send-keys -t repl "$1"; }
repl_check() {  # NAME PATTERN [SECONDS]
  if wait_for "$2" "${3:-5}"; then ok; else
    not_ok "REPL: $1" "screen has no line matching: $2"$'\n'"$(screen | grep -v '^$' | tail -15)"
  fi
}

if ! command -v tmux >/dev/null 2>&1; then
  not_ok "REPL tests need tmux (scripts/install-deps installs it)"
else
  tmux_cmd new-session -d -s repl -x 160 -y 60 \
    "cd '$TMP' && env TERM=xterm KODIAK_HOME='$KODIAK_HOME' '$BIN'; echo \"EXITED:\$?\"; sleep 60"
  repl_check "banner" "^kodiak 0\.1\.0 "
  repl_check "prompt" "^kodiak> $"

  type_text "SELECT 'typed' AS cancelled_text"
  repl_check "typing shows the text" "^kodiak> SELECT 'typed' AS cancelled_text$"
  key C-c
  repl_check "Ctrl-C marks the line" "^kodiak> SELECT 'typed' AS cancelled_text\^C$"
  type_text "SELECT 'after' AS cleared;"
  key Enter
  repl_check "Ctrl-C cleared the line" "^│ after   │$"

  type_text "-- only a comment"
  key Enter
  type_text "SELECT 'no continuation' AS after_comment;"
  key Enter
  repl_check "a comment line leaves no statement unfinished" "^kodiak> SELECT 'no continuation' AS after_comment;$"

  type_text "SELECT 'multi' AS"
  key Enter
  repl_check "continuation prompt" "^   \.\.\.> $"
  type_text "  line;"
  key Enter
  repl_check "multi-line statement runs" "^│ multi │$"

  type_text "SELECT 'pending' AS"
  key Enter
  wait_for "^   \.\.\.> $"
  key C-c
  type_text "SELECT 'fresh' AS restarted;"
  key Enter
  repl_check "Ctrl-C on a continuation line drops the statement" "^│ fresh     │$"

  type_text "SELEC 1;"
  key Enter
  repl_check "an error is reported" "^Error: "
  type_text "SELECT 'alive' AS after_error;"
  key Enter
  repl_check "the REPL carries on after an error" "^│ alive       │$"

  type_text ".mode csv"
  key Enter
  type_text "SELECT 'dot' AS cmd;"
  key Enter
  repl_check "dot commands work in the REPL" "^dot$"

  type_text ".nonsense"
  key Enter
  repl_check "unknown dot command in the REPL" "^Error: unknown command \.nonsense"
  type_text "SELECT 'still' AS here;"
  key Enter
  repl_check "the REPL carries on after a bad dot command" "^still$"

  key C-d
  repl_check "Ctrl-D exits with status 0" "^EXITED:0$"

  if grep -q "after_error" "$KODIAK_HOME/history" 2>/dev/null; then ok; else
    not_ok "REPL: history saved in \$KODIAK_HOME/history"
  fi

  # History is read back by the next session: Up recalls the last line.
  tmux_cmd kill-session -t repl
  tmux_cmd new-session -d -s repl -x 160 -y 60 \
    "cd '$TMP' && env TERM=xterm KODIAK_HOME='$KODIAK_HOME' '$BIN'; echo \"EXITED:\$?\"; sleep 60"
  wait_for "^kodiak> $"
  key Up
  repl_check "history persists across sessions" "^kodiak> SELECT 'still' AS here;$"
  key C-c

  # .quit from the REPL.
  type_text ".quit"
  key Enter
  repl_check ".quit exits" "^EXITED:0$"
  tmux_cmd kill-session -t repl

  # A statement running for seconds shows the progress bar; Ctrl-C stops it
  # and the REPL carries on. The query does slow per-row work (strings grown
  # 10^4 times) while scanning, so it reports progress and checks for Ctrl-C
  # batch by batch in little memory, whatever the join or plan choices. If it
  # ends before the bar shows (a faster engine), the table grows 16 times and
  # it runs again.
  {
    echo "CREATE TABLE slow(i INT, s TEXT); INSERT INTO slow VALUES (1, 'a');"
    for n in $(seq 1 14); do echo "INSERT INTO slow SELECT i, s FROM slow;"; done
  } >"$TMP/slow_setup.sql"
  SLOW_QUERY="SELECT count(*) AS n FROM slow WHERE length(replace(replace(replace(replace(s,"
  SLOW_QUERY+=" 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa')) < i;"
  GROW="INSERT INTO slow SELECT i, s FROM slow; INSERT INTO slow SELECT i, s FROM slow;"
  GROW+=" $GROW"
  tmux_cmd new-session -d -s repl -x 160 -y 60 \
    "cd '$TMP' && env TERM=xterm KODIAK_HOME='$KODIAK_HOME' '$BIN'; echo \"EXITED:\$?\"; sleep 60"
  wait_for "^kodiak> $"
  type_text ".read slow_setup.sql"
  key Enter
  wait_for "^kodiak> $" 30
  BAR='^\[[█░]{20}\] .*\(Ctrl-C to stop\)'
  for attempt in 1 2 3 4; do
    key C-l
    tmux_cmd clear-history -t repl
    wait_for "^kodiak> $"
    type_text "$SLOW_QUERY"
    key Enter
    wait_for "$BAR|^1 row$" 60
    screen | grep -Eq "$BAR" && break
    type_text "$GROW"
    key Enter
    wait_for "^kodiak> $" 60
  done
  repl_check "a long statement shows the progress bar" "$BAR" 1
  key C-c
  repl_check "Ctrl-C stops a running statement" "^Error: .*[Ii]nterrupted" 30
  if screen | grep -q "Ctrl-C to stop"; then
    not_ok "REPL: the progress bar is erased when the statement ends" "$(screen | grep -v '^$' | tail -8)"
  else
    ok
  fi
  type_text "SELECT 'alive' AS after_interrupt;"
  key Enter
  repl_check "the REPL carries on after Ctrl-C" "^│ alive           │$" 10
  key C-d
  repl_check "Ctrl-D exits after an interrupt" "^EXITED:0$"
  tmux_cmd kill-session -t repl
fi

# ----------------------------------------------------- docs/cli.md examples
#
# ```console blocks: "$ command" lines run with kodiak on PATH in a folder
# holding pets.sql (the ```sql block starting "-- pets.sql"); the lines after
# each command are its expected stdout and stderr.
# ```kodiak blocks: a REPL transcript. Lines after "kodiak> " and "   ...> "
# are typed; the others are the expected output. It runs as a script after
# pets.sql.
# "Run Time: 0.001 s" matches any time.

DOC="$ROOT/docs/cli.md"
if [ ! -f "$DOC" ]; then
  not_ok "docs/cli.md is missing"
else
  mkdir -p "$TMP/docs/bin"
  ln -sf "$BIN" "$TMP/docs/bin/kodiak"
  awk '/^```sql$/ {grab = 1; n = 0; next} /^```$/ {if (grab && pets) exit; grab = 0}
       grab {n++; if (n == 1 && $0 == "-- pets.sql") pets = 1; if (pets) print}' "$DOC" \
    >"$TMP/docs/pets.sql"
  [ -s "$TMP/docs/pets.sql" ] || not_ok "docs/cli.md has no \`\`\`sql block starting with -- pets.sql"

  normalize() { sed -E 's/^Run Time: [0-9]+\.[0-9]+ s$/Run Time: N s/'; }

  # Splits the doc into numbered example files: ex.N.kind, ex.N.line.
  rm -f "$TMP"/docs/ex.*
  awk -v dir="$TMP/docs" '
    /^```(console|kodiak)$/ { n++; kind = substr($0, 4); f = dir "/ex." n "." kind;
                              printf "" > f; print NR > (dir "/ex." n ".line"); inblock = 1; next }
    /^```/ { if (inblock) close(f); inblock = 0; next }
    inblock { print > f }' "$DOC"

  for f in "$TMP"/docs/ex.*.console "$TMP"/docs/ex.*.kodiak; do
    [ -e "$f" ] || continue
    base=${f%.*}
    line=$(cat "$base.line")
    case "$f" in
      *.console)
        # Each "$ cmd" with the output lines that follow it.
        cmd=""
        expected=""
        check_console() {
          [ -z "$cmd" ] && return
          actual=$(cd "$TMP/docs" && PATH="$TMP/docs/bin:$PATH" bash -c "$cmd" 2>&1 </dev/null | normalize)
          expect_eq "docs/cli.md line $line: \$ $cmd" "$(printf '%s' "$expected" | normalize)" "$actual"
        }
        while IFS= read -r l || [ -n "$l" ]; do
          if [[ $l == '$ '* ]]; then
            check_console
            cmd=${l#\$ }
            expected=""
          else
            expected+="${expected:+$'\n'}$l"
          fi
        done <"$f"
        check_console
        ;;
      *.kodiak)
        input=$(sed -n -E 's/^(kodiak> |   \.\.\.> )//p' "$f")
        expected=$(grep -v -E '^(kodiak> |   \.\.\.> )' "$f")
        actual=$(cd "$TMP/docs" && printf '%s\n' "$input" | "$BIN" -f pets.sql -f - 2>&1 | normalize)
        expect_eq "docs/cli.md line $line: transcript" "$(printf '%s' "$expected" | normalize)" "$actual"
        ;;
    esac
  done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
