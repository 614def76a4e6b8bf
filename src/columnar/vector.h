// Vector: one column of a batch in Arrow's memory layout.
//
//   validity  bit i set = row i is valid (Arrow LSB bit order); absent = no NULLs
//   data      fixed-width values (see LogicalType::FixedWidth); BOOL bit-packed;
//             for TEXT/BLOB/JSON the concatenated bytes
//   offsets   int32[length + 1] for TEXT/BLOB/JSON/LIST/MAP
//   children  LIST/MAP: one child (MAP's child is struct<key, value>);
//             STRUCT: one per field (each of the struct's length)
//
// Contract: a Vector is built by one thread (through the mutators or a
// VectorBuilder) and is immutable once shared in a Batch; const access is
// thread-safe. Getters take a row index in [0, length()); they do not check.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "columnar/buffer.h"
#include "kodiak/type.h"
#include "kodiak/value.h"

namespace kodiak {

class Vector;
using VectorPtr = std::shared_ptr<Vector>;

class Vector {
 public:
  // A vector of `length` rows: fixed-width data zeroed, all rows valid;
  // string/nested vectors get zeroed offsets (all empty).
  Vector(LogicalType type, int64_t length);

  const LogicalType& type() const { return type_; }
  int64_t length() const { return length_; }

  // --- validity
  bool MayHaveNulls() const { return validity_ != nullptr; }
  bool IsValid(int64_t i) const {
    return !validity_ || ((validity_->data()[i >> 3] >> (i & 7)) & 1);
  }
  bool IsNull(int64_t i) const { return !IsValid(i); }
  void SetNull(int64_t i);
  void SetValid(int64_t i);
  int64_t CountNulls() const;
  const uint8_t* validity_data() const { return validity_ ? validity_->data() : nullptr; }
  // The bitmap, writable: allocated all-valid when absent, and copied first
  // when another vector shares it (copy-on-write).
  uint8_t* mutable_validity();
  void set_validity(std::shared_ptr<Buffer> b) { validity_ = std::move(b); }

  // --- fixed width data
  template <typename T>
  T* data() { return reinterpret_cast<T*>(data_->data()); }
  template <typename T>
  const T* data() const { return reinterpret_cast<const T*>(data_->data()); }
  bool GetBool(int64_t i) const { return (data_->data()[i >> 3] >> (i & 7)) & 1; }
  void SetBool(int64_t i, bool v) {
    if (v) data_->data()[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
    else data_->data()[i >> 3] &= static_cast<uint8_t>(~(1u << (i & 7)));
  }

  // --- variable width
  const int32_t* offsets() const { return reinterpret_cast<const int32_t*>(offsets_->data()); }
  int32_t* mutable_offsets() { return reinterpret_cast<int32_t*>(offsets_->data()); }
  std::string_view GetString(int64_t i) const {
    const int32_t* o = offsets();
    return {reinterpret_cast<const char*>(data_->data()) + o[i], static_cast<size_t>(o[i + 1] - o[i])};
  }

  // --- nested
  const std::vector<VectorPtr>& children() const { return children_; }
  std::vector<VectorPtr>& mutable_children() { return children_; }

  // --- raw buffers (for kernels and builders)
  Buffer* data_buffer() { return data_.get(); }
  const Buffer* data_buffer() const { return data_.get(); }
  Buffer* offsets_buffer() { return offsets_.get(); }
  std::shared_ptr<Buffer> shared_data() const { return data_; }
  std::shared_ptr<Buffer> shared_validity() const { return validity_; }
  void set_data(std::shared_ptr<Buffer> b) { data_ = std::move(b); }
  void set_offsets(std::shared_ptr<Buffer> b) { offsets_ = std::move(b); }

  // Row i as a Value (allocates; for the API edge and slow paths).
  Value GetValue(int64_t i) const;

 private:
  LogicalType type_;
  int64_t length_;
  std::shared_ptr<Buffer> validity_;
  std::shared_ptr<Buffer> data_;
  std::shared_ptr<Buffer> offsets_;
  std::vector<VectorPtr> children_;
};

// Appends Values (already of the vector's type) one at a time. Typed kernels
// write buffers directly instead; the builder serves literals, nested types
// and slow paths.
class VectorBuilder {
 public:
  explicit VectorBuilder(LogicalType type, int64_t reserve = 0);
  void Append(const Value& v);
  void AppendNull();
  // Appends row `i` of `src` (same type).
  void AppendFrom(const Vector& src, int64_t i);
  void AppendString(std::string_view s);
  int64_t length() const { return length_; }
  VectorPtr Finish();

 private:
  void Grow();
  LogicalType type_;
  int64_t length_ = 0;
  int64_t capacity_ = 0;
  int64_t width_;
  std::shared_ptr<Buffer> validity_;
  bool any_null_ = false;
  std::shared_ptr<Buffer> data_;
  std::shared_ptr<Buffer> offsets_;
  std::vector<std::unique_ptr<VectorBuilder>> children_;
};

// A vector of `length` copies of `v` (cast to nothing: v must be of `type`).
VectorPtr MakeConstantVector(const LogicalType& type, const Value& v, int64_t length);

}  // namespace kodiak
