#include "md5.h"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>

namespace kodiak::slt {

Md5::Md5() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr) {
    std::fprintf(stderr, "kodiak-sqllogictest: out of memory creating an MD5 context\n");
    std::abort();
  }
  Reset();
}

Md5::~Md5() { EVP_MD_CTX_free(ctx_); }

void Md5::Reset() {
  if (EVP_DigestInit_ex(ctx_, EVP_md5(), nullptr) != 1) {
    std::fprintf(stderr, "kodiak-sqllogictest: OpenSSL cannot compute MD5\n");
    std::abort();
  }
}

void Md5::Update(std::string_view bytes) {
  if (!bytes.empty()) EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
}

std::string Md5::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, digest, &len);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  Reset();
  return out;
}

std::string Md5::Of(std::string_view bytes) {
  Md5 md5;
  md5.Update(bytes);
  return md5.HexDigest();
}

}  // namespace kodiak::slt
