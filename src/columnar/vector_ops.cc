#include "columnar/vector_ops.h"

#include <cstring>

namespace kodiak {

namespace {

using uint128_bits = unsigned __int128;

void CopyValidityTake(const Vector& src, const int64_t* idx, int64_t n, Vector* out) {
  bool need = src.MayHaveNulls();
  for (int64_t i = 0; i < n && !need; i++) need = idx[i] < 0;
  if (!need) return;
  uint8_t* v = out->mutable_validity();
  std::memset(v, 0, static_cast<size_t>((n + 7) / 8));
  for (int64_t i = 0; i < n; i++) {
    if (idx[i] >= 0 && src.IsValid(idx[i])) v[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
  }
}

}  // namespace

VectorPtr TakeVector(const Vector& src, const int64_t* idx, int64_t n) {
  const LogicalType& type = src.type();
  auto out = std::make_shared<Vector>(type, n);
  CopyValidityTake(src, idx, n, out.get());
  TypeId id = type.id();
  if (id == TypeId::kNull) return out;
  if (id == TypeId::kBool) {
    for (int64_t i = 0; i < n; i++) out->SetBool(i, idx[i] >= 0 && src.GetBool(idx[i]));
    return out;
  }
  int w = type.FixedWidth();
  if (w > 0) {
    uint8_t* d = out->data_buffer()->data();
    const uint8_t* s = src.data_buffer()->data();
    switch (w) {
#define KODIAK_TAKE_CASE(W, T)                                                     \
  case W: {                                                                        \
    T* dt = reinterpret_cast<T*>(d);                                               \
    const T* st = reinterpret_cast<const T*>(s);                                   \
    for (int64_t i = 0; i < n; i++) dt[i] = idx[i] >= 0 ? st[idx[i]] : T{};        \
    break;                                                                         \
  }
      KODIAK_TAKE_CASE(1, uint8_t)
      KODIAK_TAKE_CASE(2, uint16_t)
      KODIAK_TAKE_CASE(4, uint32_t)
      KODIAK_TAKE_CASE(8, uint64_t)
      KODIAK_TAKE_CASE(16, uint128_bits)
#undef KODIAK_TAKE_CASE
    }
    return out;
  }
  if (type.IsStringLike()) {
    int32_t* o = out->mutable_offsets();
    int64_t total = 0;
    for (int64_t i = 0; i < n; i++) {
      if (idx[i] >= 0) total += static_cast<int64_t>(src.GetString(idx[i]).size());
    }
    auto data = Buffer::Make(total);
    int64_t pos = 0;
    o[0] = 0;
    for (int64_t i = 0; i < n; i++) {
      if (idx[i] >= 0) {
        auto s = src.GetString(idx[i]);
        if (!s.empty()) std::memcpy(data->data() + pos, s.data(), s.size());
        pos += static_cast<int64_t>(s.size());
      }
      o[i + 1] = static_cast<int32_t>(pos);
    }
    out->set_data(data);
    return out;
  }
  if (id == TypeId::kStruct) {
    auto& kids = out->mutable_children();
    for (size_t c = 0; c < kids.size(); c++) kids[c] = TakeVector(*src.children()[c], idx, n);
    return out;
  }
  // LIST / MAP: gather child ranges.
  std::vector<int64_t> child_idx;
  int32_t* o = out->mutable_offsets();
  o[0] = 0;
  for (int64_t i = 0; i < n; i++) {
    if (idx[i] >= 0) {
      for (int32_t j = src.offsets()[idx[i]]; j < src.offsets()[idx[i] + 1]; j++) child_idx.push_back(j);
    }
    o[i + 1] = static_cast<int32_t>(child_idx.size());
  }
  out->mutable_children()[0] =
      TakeVector(*src.children()[0], child_idx.data(), static_cast<int64_t>(child_idx.size()));
  return out;
}

BatchPtr TakeBatch(const Batch& src, const std::vector<int64_t>& indices) {
  auto out = std::make_shared<Batch>();
  out->num_rows = static_cast<int64_t>(indices.size());
  for (const auto& c : src.columns) out->columns.push_back(TakeVector(*c, indices.data(), out->num_rows));
  return out;
}

VectorPtr SliceVector(const Vector& src, int64_t offset, int64_t length) {
  std::vector<int64_t> idx(static_cast<size_t>(length));
  for (int64_t i = 0; i < length; i++) idx[i] = offset + i;
  return TakeVector(src, idx.data(), length);
}

BatchPtr SliceBatch(const Batch& src, int64_t offset, int64_t length) {
  if (offset == 0 && length == src.num_rows) return std::make_shared<Batch>(src);
  auto out = std::make_shared<Batch>();
  out->num_rows = length;
  for (const auto& c : src.columns) out->columns.push_back(SliceVector(*c, offset, length));
  return out;
}

VectorPtr ConcatVectors(const std::vector<const Vector*>& parts) {
  if (parts.size() == 1) {
    // Share: vectors are immutable once built.
    auto out = std::make_shared<Vector>(*parts[0]);
    return out;
  }
  const LogicalType& type = parts[0]->type();
  int64_t total = 0;
  for (auto* p : parts) total += p->length();
  int w = type.FixedWidth();
  if (w > 0 || type.id() == TypeId::kBool) {
    auto out = std::make_shared<Vector>(type, total);
    bool nulls = false;
    for (auto* p : parts) nulls |= p->MayHaveNulls();
    int64_t pos = 0;
    for (auto* p : parts) {
      if (w > 0) {
        std::memcpy(out->data_buffer()->data() + pos * w, p->data_buffer()->data(),
                    static_cast<size_t>(p->length() * w));
      } else {
        for (int64_t i = 0; i < p->length(); i++) out->SetBool(pos + i, p->GetBool(i));
      }
      if (nulls) {
        for (int64_t i = 0; i < p->length(); i++) {
          if (p->IsNull(i)) out->SetNull(pos + i);
        }
      }
      pos += p->length();
    }
    return out;
  }
  VectorBuilder b(type, total);
  for (auto* p : parts) {
    for (int64_t i = 0; i < p->length(); i++) b.AppendFrom(*p, i);
  }
  return b.Finish();
}

BatchPtr ConcatBatches(const std::vector<BatchPtr>& parts) {
  if (parts.size() == 1) return parts[0];
  auto out = std::make_shared<Batch>();
  size_t ncols = parts.empty() ? 0 : parts[0]->columns.size();
  for (const auto& p : parts) out->num_rows += p->num_rows;
  for (size_t c = 0; c < ncols; c++) {
    std::vector<const Vector*> cols;
    for (const auto& p : parts) cols.push_back(p->columns[c].get());
    out->columns.push_back(ConcatVectors(cols));
  }
  return out;
}

VectorPtr SelectFrom(const LogicalType& type, const std::vector<const Vector*>& sources,
                     const int32_t* which, int64_t n) {
  int w = type.FixedWidth();
  if (w > 0) {
    auto out = std::make_shared<Vector>(type, n);
    uint8_t* d = out->data_buffer()->data();
    for (int64_t i = 0; i < n; i++) {
      if (which[i] < 0 || sources[which[i]]->IsNull(i)) {
        out->SetNull(i);
        continue;
      }
      std::memcpy(d + i * w, sources[which[i]]->data_buffer()->data() + i * w, static_cast<size_t>(w));
    }
    return out;
  }
  if (type.id() == TypeId::kBool) {
    auto out = std::make_shared<Vector>(type, n);
    for (int64_t i = 0; i < n; i++) {
      if (which[i] < 0 || sources[which[i]]->IsNull(i)) out->SetNull(i);
      else out->SetBool(i, sources[which[i]]->GetBool(i));
    }
    return out;
  }
  VectorBuilder b(type, n);
  for (int64_t i = 0; i < n; i++) {
    if (which[i] < 0) b.AppendNull();
    else b.AppendFrom(*sources[which[i]], i);
  }
  return b.Finish();
}

std::vector<int64_t> SelectedRows(const Vector& mask) {
  std::vector<int64_t> rows;
  rows.reserve(static_cast<size_t>(mask.length()));
  for (int64_t i = 0; i < mask.length(); i++) {
    if (mask.GetBool(i) && mask.IsValid(i)) rows.push_back(i);
  }
  return rows;
}

}  // namespace kodiak
