#include "kodiak/status.h"

namespace kodiak {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kSyntaxError: return "Syntax error";
    case StatusCode::kBinderError: return "Binder error";
    case StatusCode::kTypeError: return "Type error";
    case StatusCode::kConstraint: return "Constraint error";
    case StatusCode::kInvalidArgument: return "Invalid argument";
    case StatusCode::kOutOfRange: return "Out of range";
    case StatusCode::kNotFound: return "Not found";
    case StatusCode::kAlreadyExists: return "Already exists";
    case StatusCode::kTransaction: return "Transaction error";
    case StatusCode::kInterrupted: return "Interrupted";
    case StatusCode::kIOError: return "I/O error";
    case StatusCode::kCorruption: return "Corruption";
    case StatusCode::kNotSupported: return "Not supported";
    case StatusCode::kRaised: return "Exception";
    case StatusCode::kInternal: return "Internal error";
    case StatusCode::kConversion: return "Conversion error";
  }
  return "Error";
}

Status::Status(StatusCode code, std::string message, int64_t position, std::string hint)
    : state_(code == StatusCode::kOk
                 ? nullptr
                 : new State{code, std::move(message), position, std::move(hint)}) {}

Status::Status(const Status& other)
    : state_(other.state_ ? new State(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) state_.reset(other.state_ ? new State(*other.state_) : nullptr);
  return *this;
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

const std::string& Status::hint() const {
  static const std::string kEmpty;
  return state_ ? state_->hint : kEmpty;
}

Status Status::WithPosition(int64_t pos) const {
  Status copy(*this);
  if (copy.state_ && copy.state_->position < 0) copy.state_->position = pos;
  return copy;
}

Status Status::WithMessage(std::string msg) const {
  Status copy(*this);
  if (copy.state_) copy.state_->message = std::move(msg);
  return copy;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = StatusCodeName(state_->code);
  out += ": ";
  out += state_->message;
  if (!state_->hint.empty()) {
    out += " — ";
    out += state_->hint;
  }
  return out;
}

}  // namespace kodiak
