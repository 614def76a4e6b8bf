// Md5: the MD5 digest sqllogictest uses to compare large results ("30 values
// hashing to 3c13dee4..."), computed with OpenSSL's EVP interface.
//
// Contract: Update() any number of times, then HexDigest() once; the object
// is then reset and can be reused. Not thread-safe; use one per thread.
#pragma once

#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace kodiak::slt {

class Md5 {
 public:
  Md5();
  ~Md5();
  Md5(const Md5&) = delete;
  Md5& operator=(const Md5&) = delete;

  void Update(std::string_view bytes);
  // 32 lower-case hex digits; resets the object.
  std::string HexDigest();

  // The digest of `bytes` in one call.
  static std::string Of(std::string_view bytes);

 private:
  void Reset();
  evp_md_ctx_st* ctx_;  // owned; freed in the destructor
};

}  // namespace kodiak::slt
