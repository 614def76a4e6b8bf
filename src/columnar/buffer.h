// Buffer: a 64-byte aligned, zero-padded byte buffer — the unit of Arrow
// memory layout (validity bitmaps, offsets and data are each a Buffer).
//
// Contract: a Buffer owns its memory. Capacity is always a non-zero multiple
// of 64 and bytes past size() up to capacity are zero, as Arrow requires for
// padding; data() is never null.
// Not thread-safe for mutation; once a Buffer is inside a Batch it is treated
// as immutable and may be read from many threads.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

namespace kodiak {

constexpr int64_t kBufferAlignment = 64;

class Buffer {
 public:
  // Even an empty buffer owns one aligned 64-byte block, so data() is never
  // null (memcpy/memset from data() are then defined for zero sizes too).
  explicit Buffer(int64_t size) {
    Reserve(size > 0 ? size : kBufferAlignment);  // zero-filled
    size_ = size > 0 ? size : 0;
  }
  ~Buffer() { std::free(data_); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  static std::shared_ptr<Buffer> Make(int64_t size) { return std::make_shared<Buffer>(size); }

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  int64_t size() const { return size_; }
  int64_t capacity() const { return capacity_; }

  // Grows or shrinks the logical size; new bytes are zero. Keeps contents.
  void Resize(int64_t new_size) {
    if (new_size > capacity_) Reserve(new_size > 2 * capacity_ ? new_size : 2 * capacity_);
    if (new_size < size_) std::memset(data_ + new_size, 0, static_cast<size_t>(size_ - new_size));
    size_ = new_size;
  }

  void Reserve(int64_t min_capacity) {
    if (min_capacity <= capacity_) return;
    int64_t cap = (min_capacity + kBufferAlignment - 1) / kBufferAlignment * kBufferAlignment;
    if (cap == 0) cap = kBufferAlignment;
    auto* p = static_cast<uint8_t*>(std::aligned_alloc(kBufferAlignment, static_cast<size_t>(cap)));
    if (!p) throw std::bad_alloc();
    if (data_) std::memcpy(p, data_, static_cast<size_t>(size_));
    std::memset(p + size_, 0, static_cast<size_t>(cap - size_));
    std::free(data_);
    data_ = p;
    capacity_ = cap;
  }

 private:
  uint8_t* data_ = nullptr;
  int64_t size_ = 0;
  int64_t capacity_ = 0;
};

}  // namespace kodiak
