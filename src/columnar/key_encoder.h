// Order-preserving byte keys for rows: memcmp order of two keys equals the
// SQL order of the rows they encode (per column ASC/DESC, NULLS FIRST/LAST),
// and equal keys mean equal values (NULLs equal to each other, as GROUP BY
// and DISTINCT want). Sort, top-N, hash aggregate, DISTINCT and the
// primary-key index use it; the B+ tree will use the same encoding.
//
// Encoding per column: one marker byte (NULL before or after values), then
// the value: integers widened to 8 bytes big-endian with the sign bit
// flipped; floats as IEEE bits made sortable (-0.0 = 0.0, NaN last);
// DECIMAL as 16 bytes likewise, UUID as its 16 bytes; INTERVAL as its length
// in nanoseconds (a month is 30 days) in 16 bytes; text/blob with 0x00
// escaped as 0x00 0xFF and ended by 0x00 0x00; DESC inverts the value bytes
// (including the NULL markers inside nested values).
//
// Contract: pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "columnar/vector.h"

namespace kodiak {

struct KeyColumn {
  const Vector* vector;
  bool descending = false;
  bool nulls_first = true;
};

// Appends the key of every row of the columns to keys[0..n) (keys is resized
// to n when smaller).
void EncodeKeys(const std::vector<KeyColumn>& columns, int64_t n, std::vector<std::string>* keys);

// True when any of the key columns is NULL in row i (join keys never match then).
bool AnyNull(const std::vector<KeyColumn>& columns, int64_t i);

}  // namespace kodiak
