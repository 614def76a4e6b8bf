// Regular expressions on RE2 (linear time, no backtracking blow-ups):
// regexp_matches, regexp_replace, regexp_extract, regexp_split_to_array.
// A pattern is compiled once per distinct pattern text in a statement's
// batch (a small per-thread cache), not once per row; a bad pattern is an
// error naming RE2's complaint.
#include <re2/re2.h>

#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "sql/function/function_registry.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
const LogicalType text = TypeId::kText;

// Compiled patterns, most recently used first (at most 64 per thread).
Result<const RE2*> Compile(const std::string& pattern, bool case_insensitive = false) {
  struct Entry {
    std::string key;
    std::unique_ptr<RE2> re;
  };
  thread_local std::list<Entry> cache;
  const std::string key = (case_insensitive ? "i:" : "c:") + pattern;
  for (auto it = cache.begin(); it != cache.end(); ++it) {
    if (it->key == key) {
      cache.splice(cache.begin(), cache, it);
      return cache.front().re.get();
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!case_insensitive);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) return Status::InvalidArgument("invalid regular expression '" + pattern + "': " + re->error());
  cache.push_front(Entry{key, std::move(re)});
  if (cache.size() > 64) cache.pop_back();
  return cache.front().re.get();
}

bool HasFlag(const V& a, size_t i, char flag) {
  return a.size() > i && !a[i].is_null() && a[i].str_value().find(flag) != std::string::npos;
}

Result<Value> Matches(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(const RE2* re, Compile(a[1].str_value(), HasFlag(a, 2, 'i')));
  return Value::Bool(RE2::PartialMatch(a[0].str_value(), *re));
}

// regexp_replace(s, pattern, replacement[, flags]): the first match, or
// every match with flag 'g'; \1 in the replacement is a group.
Result<Value> Replace(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(const RE2* re, Compile(a[1].str_value(), HasFlag(a, 3, 'i')));
  std::string s = a[0].str_value();
  std::string error;
  if (!re->CheckRewriteString(a[2].str_value(), &error)) {
    return Status::InvalidArgument("bad replacement '" + a[2].str_value() + "' for regexp_replace(): " + error);
  }
  if (HasFlag(a, 3, 'g')) RE2::GlobalReplace(&s, *re, a[2].str_value());
  else RE2::Replace(&s, *re, a[2].str_value());
  return Value::Text(std::move(s));
}

// regexp_extract(s, pattern[, group]): the group's text in the first match,
// '' when nothing matches.
Result<Value> Extract(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(const RE2* re, Compile(a[1].str_value()));
  int64_t group = a.size() > 2 ? a[2].int_value() : 0;
  if (group < 0 || group > re->NumberOfCapturingGroups()) {
    return Status::OutOfRange("regexp_extract(): the pattern has no group " + std::to_string(group));
  }
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(group) + 1);
  const std::string& s = a[0].str_value();
  if (!re->Match(s, 0, s.size(), RE2::UNANCHORED, pieces.data(), static_cast<int>(pieces.size()))) {
    return Value::Text("");
  }
  const auto& p = pieces[static_cast<size_t>(group)];
  return Value::Text(std::string(p.data() ? p : re2::StringPiece()));
}

Result<Value> SplitToArray(const V& a, const LogicalType& t) {
  KODIAK_ASSIGN_OR_RETURN(const RE2* re, Compile(a[1].str_value()));
  const std::string& s = a[0].str_value();
  std::vector<Value> parts;
  size_t start = 0, pos = 0;
  re2::StringPiece m;
  while (pos <= s.size() && re->Match(s, pos, s.size(), RE2::UNANCHORED, &m, 1)) {
    size_t at = static_cast<size_t>(m.data() - s.data());
    if (m.empty()) {  // an empty match splits between characters
      if (at >= s.size()) break;
      if (at == start) {
        pos = at + 1;
        continue;
      }
    }
    parts.push_back(Value::Text(s.substr(start, at - start)));
    start = at + m.size();
    pos = m.empty() ? at + 1 : start;
  }
  parts.push_back(Value::Text(s.substr(start)));
  return Value::Nested(t, std::move(parts));
}

}  // namespace

void RegisterRegexpFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
  add({"regexp_matches", 2, 3, KODIAK_FIXED_BIND("regexp_matches", {text, text, text}, LogicalType(TypeId::kBool)),
       RowWise<Matches>, "regexp_matches(TEXT, pattern[, flags]) -> BOOL"});
  add({"regexp_like", 2, 3, KODIAK_FIXED_BIND("regexp_like", {text, text, text}, LogicalType(TypeId::kBool)),
       RowWise<Matches>, "regexp_like(TEXT, pattern[, flags]) -> BOOL"});
  add({"regexp_replace", 3, 4, KODIAK_FIXED_BIND("regexp_replace", {text, text, text, text}, text), RowWise<Replace>,
       "regexp_replace(TEXT, pattern, replacement[, flags]) -> TEXT"});
  add({"regexp_extract", 2, 3,
       KODIAK_FIXED_BIND("regexp_extract", {text, text, LogicalType(TypeId::kInt64)}, text), RowWise<Extract>,
       "regexp_extract(TEXT, pattern[, group]) -> TEXT"});
  add({"regexp_split_to_array", 2, 2,
       KODIAK_FIXED_BIND("regexp_split_to_array", {text, text}, LogicalType::List(text)), RowWise<SplitToArray>,
       "regexp_split_to_array(TEXT, pattern) -> LIST<TEXT>"});
}

}  // namespace kodiak::sql
