#include "columnar/vector.h"

#include <bit>

namespace kodiak {

namespace {
bool HasOffsets(TypeId id) {
  return id == TypeId::kText || id == TypeId::kBlob || id == TypeId::kJson || id == TypeId::kList ||
         id == TypeId::kMap;
}
int64_t BitmapBytes(int64_t n) { return (n + 7) / 8; }
}  // namespace

Vector::Vector(LogicalType type, int64_t length) : type_(std::move(type)), length_(length) {
  TypeId id = type_.id();
  if (id == TypeId::kBool) {
    data_ = Buffer::Make(BitmapBytes(length));
  } else if (int w = type_.FixedWidth(); w > 0) {
    data_ = Buffer::Make(length * w);
  } else if (id == TypeId::kNull) {
    validity_ = Buffer::Make(BitmapBytes(length));  // all NULL
  }
  if (HasOffsets(id)) {
    offsets_ = Buffer::Make((length + 1) * 4);
    if (type_.IsStringLike()) data_ = Buffer::Make(0);
  }
  if (id == TypeId::kList || id == TypeId::kMap) {
    children_.push_back(std::make_shared<Vector>(type_.child(), 0));
  } else if (id == TypeId::kStruct) {
    for (const auto& f : type_.fields()) children_.push_back(std::make_shared<Vector>(f.type, length));
  }
}

uint8_t* Vector::mutable_validity() {
  if (!validity_) {
    validity_ = Buffer::Make(BitmapBytes(length_));
    std::memset(validity_->data(), 0xFF, static_cast<size_t>(validity_->size()));
    // Bits past the length are padding and stay zero, as the builder leaves them.
    if (length_ % 8) validity_->data()[length_ / 8] = static_cast<uint8_t>((1u << (length_ % 8)) - 1);
  } else if (validity_.use_count() > 1) {
    // Shared with another vector (kernels pass bitmaps through): copy before
    // writing, so a result never changes its inputs.
    auto copy = Buffer::Make(validity_->size());
    std::memcpy(copy->data(), validity_->data(), static_cast<size_t>(validity_->size()));
    validity_ = std::move(copy);
  }
  return validity_->data();
}

void Vector::SetNull(int64_t i) {
  mutable_validity()[i >> 3] &= static_cast<uint8_t>(~(1u << (i & 7)));
}

void Vector::SetValid(int64_t i) {
  if (validity_) validity_->data()[i >> 3] |= static_cast<uint8_t>(1u << (i & 7));
}

int64_t Vector::CountNulls() const {
  if (!validity_) return 0;
  int64_t valid = 0;
  const uint8_t* v = validity_->data();
  int64_t full = length_ / 8;
  for (int64_t i = 0; i < full; i++) valid += std::popcount(v[i]);
  for (int64_t i = full * 8; i < length_; i++) valid += IsValid(i);
  return length_ - valid;
}

Value Vector::GetValue(int64_t i) const {
  if (IsNull(i)) return Value::Null(type_);
  switch (type_.id()) {
    case TypeId::kNull: return Value::Null();
    case TypeId::kBool: return Value::Bool(GetBool(i));
    case TypeId::kInt8: return Value::Integer(type_, data<int8_t>()[i]);
    case TypeId::kInt16: return Value::Integer(type_, data<int16_t>()[i]);
    case TypeId::kInt32: return Value::Integer(type_, data<int32_t>()[i]);
    case TypeId::kInt64: return Value::Integer(type_, data<int64_t>()[i]);
    case TypeId::kUInt8: return Value::Integer(type_, data<uint8_t>()[i]);
    case TypeId::kUInt16: return Value::Integer(type_, data<uint16_t>()[i]);
    case TypeId::kUInt32: return Value::Integer(type_, data<uint32_t>()[i]);
    case TypeId::kUInt64: return Value::UInt64(data<uint64_t>()[i]);
    case TypeId::kFloat32: return Value::Float32(data<float>()[i]);
    case TypeId::kFloat64: return Value::Float64(data<double>()[i]);
    case TypeId::kDecimal:
      return Value::Decimal(data<int128_t>()[i], type_.precision(), type_.scale());
    case TypeId::kText: return Value::Text(std::string(GetString(i)));
    case TypeId::kBlob: return Value::Blob(std::string(GetString(i)));
    case TypeId::kJson: return Value::Json(std::string(GetString(i)));
    case TypeId::kDate: return Value::Date(data<int32_t>()[i]);
    case TypeId::kTime: return Value::Time(data<int64_t>()[i]);
    case TypeId::kTimestamp: return Value::Timestamp(data<int64_t>()[i]);
    case TypeId::kTimestampTz: return Value::TimestampTz(data<int64_t>()[i]);
    case TypeId::kInterval: return Value::IntervalValue(data<Interval>()[i]);
    case TypeId::kUuid: return Value::Uuid(data<int128_t>()[i]);
    case TypeId::kList:
    case TypeId::kMap: {
      std::vector<Value> items;
      for (int32_t j = offsets()[i]; j < offsets()[i + 1]; j++) items.push_back(children_[0]->GetValue(j));
      return Value::Nested(type_, std::move(items));
    }
    case TypeId::kStruct: {
      std::vector<Value> fields;
      for (const auto& c : children_) fields.push_back(c->GetValue(i));
      return Value::Nested(type_, std::move(fields));
    }
  }
  return Value::Null(type_);
}

// ---------------------------------------------------------------- builder

VectorBuilder::VectorBuilder(LogicalType type, int64_t reserve)
    : type_(std::move(type)), width_(type_.FixedWidth()) {
  if (HasOffsets(type_.id())) {
    offsets_ = Buffer::Make(4);
    if (type_.IsStringLike()) data_ = Buffer::Make(0);
  }
  if (type_.id() == TypeId::kList || type_.id() == TypeId::kMap) {
    children_.push_back(std::make_unique<VectorBuilder>(type_.child()));
  } else if (type_.id() == TypeId::kStruct) {
    for (const auto& f : type_.fields()) children_.push_back(std::make_unique<VectorBuilder>(f.type));
  }
  capacity_ = 0;
  if (reserve > 0) {
    while (capacity_ < reserve) Grow();
  }
}

void VectorBuilder::Grow() {
  int64_t cap = capacity_ ? capacity_ * 2 : 64;
  if (!validity_) validity_ = Buffer::Make(0);
  validity_->Resize((cap + 7) / 8);
  if (type_.id() == TypeId::kBool) {
    if (!data_) data_ = Buffer::Make(0);
    data_->Resize((cap + 7) / 8);
  } else if (width_ > 0) {
    if (!data_) data_ = Buffer::Make(0);
    data_->Resize(cap * width_);
  }
  if (offsets_) offsets_->Resize((cap + 1) * 4);
  capacity_ = cap;
}

void VectorBuilder::AppendNull() {
  if (length_ == capacity_) Grow();
  any_null_ = true;
  if (offsets_) {
    int32_t* o = reinterpret_cast<int32_t*>(offsets_->data());
    o[length_ + 1] = o[length_];
  }
  if (type_.id() == TypeId::kStruct) {
    for (auto& c : children_) c->AppendNull();
  }
  length_++;  // validity bit stays 0
}

void VectorBuilder::AppendString(std::string_view s) {
  if (length_ == capacity_) Grow();
  validity_->data()[length_ >> 3] |= static_cast<uint8_t>(1u << (length_ & 7));
  int32_t* o = reinterpret_cast<int32_t*>(offsets_->data());
  int64_t start = o[length_];
  data_->Resize(start + static_cast<int64_t>(s.size()));
  if (!s.empty()) std::memcpy(data_->data() + start, s.data(), s.size());
  o[length_ + 1] = static_cast<int32_t>(start + static_cast<int64_t>(s.size()));
  length_++;
}

void VectorBuilder::Append(const Value& v) {
  if (v.is_null()) return AppendNull();
  if (type_.IsStringLike()) return AppendString(v.str_value());
  if (length_ == capacity_) Grow();
  validity_->data()[length_ >> 3] |= static_cast<uint8_t>(1u << (length_ & 7));
  uint8_t* d = data_ ? data_->data() : nullptr;
  switch (type_.id()) {
    case TypeId::kNull: break;
    case TypeId::kBool:
      if (v.bool_value()) d[length_ >> 3] |= static_cast<uint8_t>(1u << (length_ & 7));
      break;
    case TypeId::kInt8: reinterpret_cast<int8_t*>(d)[length_] = static_cast<int8_t>(v.int_value()); break;
    case TypeId::kUInt8: reinterpret_cast<uint8_t*>(d)[length_] = static_cast<uint8_t>(v.int_value()); break;
    case TypeId::kInt16: reinterpret_cast<int16_t*>(d)[length_] = static_cast<int16_t>(v.int_value()); break;
    case TypeId::kUInt16: reinterpret_cast<uint16_t*>(d)[length_] = static_cast<uint16_t>(v.int_value()); break;
    case TypeId::kInt32:
    case TypeId::kDate: reinterpret_cast<int32_t*>(d)[length_] = static_cast<int32_t>(v.int_value()); break;
    case TypeId::kUInt32: reinterpret_cast<uint32_t*>(d)[length_] = static_cast<uint32_t>(v.int_value()); break;
    case TypeId::kInt64:
    case TypeId::kUInt64:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: reinterpret_cast<int64_t*>(d)[length_] = v.int_value(); break;
    case TypeId::kFloat32: reinterpret_cast<float*>(d)[length_] = static_cast<float>(v.float_value()); break;
    case TypeId::kFloat64: reinterpret_cast<double*>(d)[length_] = v.float_value(); break;
    case TypeId::kDecimal:
    case TypeId::kUuid: reinterpret_cast<int128_t*>(d)[length_] = v.decimal_value(); break;
    case TypeId::kInterval: reinterpret_cast<Interval*>(d)[length_] = v.interval_value(); break;
    case TypeId::kList:
    case TypeId::kMap: {
      int32_t* o = reinterpret_cast<int32_t*>(offsets_->data());
      for (const auto& c : v.children()) children_[0]->Append(c);
      o[length_ + 1] = static_cast<int32_t>(children_[0]->length());
      break;
    }
    case TypeId::kStruct:
      for (size_t i = 0; i < children_.size(); i++) {
        children_[i]->Append(i < v.children().size() ? v.children()[i] : Value::Null());
      }
      break;
    default: break;
  }
  length_++;
}

void VectorBuilder::AppendFrom(const Vector& src, int64_t i) {
  if (src.IsNull(i)) return AppendNull();
  if (type_.IsStringLike()) return AppendString(src.GetString(i));
  if (width_ > 0) {
    if (length_ == capacity_) Grow();
    validity_->data()[length_ >> 3] |= static_cast<uint8_t>(1u << (length_ & 7));
    std::memcpy(data_->data() + length_ * width_, src.data_buffer()->data() + i * width_,
                static_cast<size_t>(width_));
    length_++;
    return;
  }
  Append(src.GetValue(i));
}

VectorPtr VectorBuilder::Finish() {
  // The result takes our buffers, trimmed to length.
  auto result = std::make_shared<Vector>(type_, length_);
  if (type_.id() == TypeId::kBool || width_ > 0) {
    if (!data_) data_ = Buffer::Make(0);
    data_->Resize(type_.id() == TypeId::kBool ? (length_ + 7) / 8 : length_ * width_);
    result->set_data(data_);
  }
  if (offsets_) {
    offsets_->Resize((length_ + 1) * 4);
    result->set_offsets(offsets_);
    if (type_.IsStringLike()) result->set_data(data_);
  }
  if (any_null_ || type_.id() == TypeId::kNull) {
    if (!validity_) validity_ = Buffer::Make(0);
    validity_->Resize((length_ + 7) / 8);
    // Clear bits past length in the last byte (padding must be zero).
    if (length_ % 8) validity_->data()[length_ / 8] &= static_cast<uint8_t>((1u << (length_ % 8)) - 1);
    result->set_validity(validity_);
  } else {
    result->set_validity(nullptr);
  }
  auto& kids = result->mutable_children();
  kids.clear();
  for (auto& c : children_) kids.push_back(c->Finish());
  return result;
}

VectorPtr MakeConstantVector(const LogicalType& type, const Value& v, int64_t length) {
  if (v.is_null()) {
    auto out = std::make_shared<Vector>(type, length);
    if (length > 0) {
      out->mutable_validity();
      std::memset(out->mutable_validity(), 0, static_cast<size_t>((length + 7) / 8));
    }
    return out;
  }
  int w = type.FixedWidth();
  if (w > 0 || type.id() == TypeId::kBool) {
    VectorBuilder one(type, 1);
    one.Append(v);
    auto single = one.Finish();
    auto out = std::make_shared<Vector>(type, length);
    if (type.id() == TypeId::kBool) {
      std::memset(out->data_buffer()->data(), v.bool_value() ? 0xFF : 0,
                  static_cast<size_t>(out->data_buffer()->size()));
      if (length % 8 && v.bool_value()) {
        out->data_buffer()->data()[length / 8] = static_cast<uint8_t>((1u << (length % 8)) - 1);
      }
    } else {
      uint8_t* d = out->data_buffer()->data();
      const uint8_t* s = single->data_buffer()->data();
      for (int64_t i = 0; i < length; i++) std::memcpy(d + i * w, s, static_cast<size_t>(w));
    }
    return out;
  }
  VectorBuilder b(type, length);
  for (int64_t i = 0; i < length; i++) b.Append(v);
  return b.Finish();
}

}  // namespace kodiak
