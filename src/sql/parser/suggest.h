// "Did you mean ...?" suggestions for misspelt keywords, tables, columns,
// functions and types.
//
// Contract: pure functions over their arguments; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kodiak::sql {

// Edit distance between `a` and `b`, ignoring ASCII case: insertions,
// deletions, substitutions and swaps of two adjacent characters each cost 1
// (so FORM -> FROM is 1, SELET -> SELECT is 1).
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` (case-insensitive), spelled as in
// `candidates`, or "" when none is close: the distance must be at most
// max(1, word.size() / 3). Ties go to the earlier candidate.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean X?" for ClosestMatch's answer, or "" when there is none.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kodiak::sql
