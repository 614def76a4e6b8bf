// Hashes and identifiers: md5 and sha256 (OpenSSL, lower-case hex),
// uuid() / gen_random_uuid() (random, version 4), uuid_v5(namespace, name)
// (RFC 9562: SHA-1 of namespace bytes + name), and ulid() (26 Crockford
// base32 characters: 48-bit millisecond time, 80 random bits; within one
// millisecond each new ULID is the previous one plus 1, as the ULID spec's
// monotonic generator does).
#include <openssl/evp.h>

#include <chrono>
#include <mutex>
#include <random>

#include "sql/function/function_registry.h"

namespace kodiak::sql {

namespace {

using V = std::vector<Value>;
const LogicalType text = TypeId::kText, uuid = TypeId::kUuid;

Result<std::string> Digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) return Status::Internal("digest failed");
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string Hex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

template <int kBits>
Result<Value> Hash(const V& a, const LogicalType&) {
  KODIAK_ASSIGN_OR_RETURN(std::string d, Digest(kBits == 128 ? EVP_md5() : EVP_sha256(), a[0].str_value()));
  return Value::Text(Hex(d));
}

std::mt19937_64& Rng() {
  thread_local std::mt19937_64 gen{std::random_device{}() ^ (static_cast<uint64_t>(std::random_device{}()) << 32)};
  return gen;
}

int128_t FromBytes(const unsigned char* b) {
  int128_t v = 0;
  for (int i = 0; i < 16; i++) v = (v << 8) | b[i];
  return v;
}

Result<Value> UuidV4(const V&, const LogicalType&) {
  unsigned char b[16];
  uint64_t hi = Rng()(), lo = Rng()();
  for (int i = 0; i < 8; i++) {
    b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
    b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 9562 variant
  return Value::Uuid(FromBytes(b));
}

Result<Value> UuidV5(const V& a, const LogicalType&) {
  unsigned char ns[16];
  int128_t bits = a[0].decimal_value();
  for (int i = 15; i >= 0; i--) {
    ns[i] = static_cast<unsigned char>(bits & 0xFF);
    bits >>= 8;
  }
  std::string data(reinterpret_cast<char*>(ns), 16);
  data += a[1].str_value();
  KODIAK_ASSIGN_OR_RETURN(std::string sha1, Digest(EVP_sha1(), data));
  unsigned char b[16];
  for (int i = 0; i < 16; i++) b[i] = static_cast<unsigned char>(sha1[static_cast<size_t>(i)]);
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x50);  // version 5
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return Value::Uuid(FromBytes(b));
}

Result<Value> Ulid(const V&, const LogicalType&) {
  static std::mutex mu;
  static uint64_t last_ms = 0;
  static unsigned __int128 last_random = 0;  // 80 bits
  uint64_t ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  unsigned __int128 random;
  {
    std::lock_guard<std::mutex> lock(mu);
    const unsigned __int128 mask = (static_cast<unsigned __int128>(1) << 80) - 1;
    if (ms <= last_ms) {
      ms = last_ms;  // the clock did not move (or went back): stay monotonic
      random = (last_random + 1) & mask;
      if (random == 0) return Status::OutOfRange("ulid(): more ULIDs in one millisecond than 80 bits can count");
    } else {
      random = ((static_cast<unsigned __int128>(Rng()()) << 64) | Rng()()) & mask;
    }
    last_ms = ms;
    last_random = random;
  }
  static const char* kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  // 128 bits: 48 of time then 80 random, written as 26 base-32 digits (130 bits, top 2 zero).
  unsigned __int128 value = (static_cast<unsigned __int128>(ms & 0xFFFFFFFFFFFFull) << 80) | random;
  std::string out(26, '0');
  for (int i = 25; i >= 0; i--) {
    out[static_cast<size_t>(i)] = kAlphabet[static_cast<unsigned>(value & 31)];
    value >>= 5;
  }
  return Value::Text(std::move(out));
}

}  // namespace

void RegisterHashFunctions(FunctionMap* m) {
  auto add = [&](ScalarFunction f) { (*m)[f.name] = f; };
  add({"md5", 1, 1, KODIAK_FIXED_BIND("md5", {text}, text), RowWise<Hash<128>>, "md5(TEXT) -> TEXT (hex)"});
  add({"sha256", 1, 1, KODIAK_FIXED_BIND("sha256", {text}, text), RowWise<Hash<256>>, "sha256(TEXT) -> TEXT (hex)"});
  add({"uuid", 0, 0, KODIAK_FIXED_BIND("uuid", {}, uuid), RowWise<UuidV4>, "uuid() -> UUID (random, v4)", true});
  add({"gen_random_uuid", 0, 0, KODIAK_FIXED_BIND("gen_random_uuid", {}, uuid), RowWise<UuidV4>,
       "gen_random_uuid() -> UUID (random, v4)", true});
  add({"uuid_v5", 2, 2, KODIAK_FIXED_BIND("uuid_v5", {uuid, text}, uuid), RowWise<UuidV5>,
       "uuid_v5(namespace UUID, name TEXT) -> UUID"});
  add({"ulid", 0, 0, KODIAK_FIXED_BIND("ulid", {}, text), RowWise<Ulid>, "ulid() -> TEXT (26 characters)", true});
}

}  // namespace kodiak::sql
