// Status and Result<T>: how every fallible Kodiak function reports failure.
//
// Contract: a Status is either OK (cheap: no allocation) or carries a code, a
// human-readable message, an optional byte position into the statement text
// the error is about, and an optional hint ("did you mean SELECT?"). No C++
// exception crosses include/kodiak/; errors are values.
//
// Thread safety: Status and Result are values; distinct objects may be used
// from distinct threads freely.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>

namespace kodiak {

enum class StatusCode : uint8_t {
  kOk = 0,
  kSyntaxError = 1,      // the text is not PL-Grizzly
  kBinderError = 2,      // unknown table/column/variable, ambiguous name
  kTypeError = 3,        // a value or expression of the wrong type
  kConstraint = 4,       // NOT NULL, PRIMARY KEY, ...
  kInvalidArgument = 5,  // a bad value given to an API or a setting
  kOutOfRange = 6,       // overflow, division by zero, bad literal
  kNotFound = 7,
  kAlreadyExists = 8,
  kTransaction = 9,      // BEGIN inside a transaction, COMMIT without one...
  kInterrupted = 10,     // cancelled by Connection::Interrupt (Ctrl-C)
  kIOError = 11,
  kCorruption = 12,
  kNotSupported = 13,
  kInternal = 14,        // a bug in Kodiak: please report it
  kConversion = 15,      // a value that does not convert to the type asked for
  kRaised = 16,          // a PL-Grizzly exception nobody caught: "E: message (in function f, line L)"
};

// The label used when a Status is printed: "Syntax error", "Binder error"...
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message, int64_t position = -1, std::string hint = {});
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status OK() { return Status(); }
  static Status SyntaxError(std::string msg, int64_t pos = -1, std::string hint = {}) {
    return Status(StatusCode::kSyntaxError, std::move(msg), pos, std::move(hint));
  }
  static Status BinderError(std::string msg, int64_t pos = -1, std::string hint = {}) {
    return Status(StatusCode::kBinderError, std::move(msg), pos, std::move(hint));
  }
  static Status TypeError(std::string msg, int64_t pos = -1, std::string hint = {}) {
    return Status(StatusCode::kTypeError, std::move(msg), pos, std::move(hint));
  }
  static Status Constraint(std::string msg) { return Status(StatusCode::kConstraint, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status OutOfRange(std::string msg, int64_t pos = -1) {
    return Status(StatusCode::kOutOfRange, std::move(msg), pos);
  }
  static Status Conversion(std::string msg, int64_t pos = -1) {
    return Status(StatusCode::kConversion, std::move(msg), pos);
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) {
    return Status(StatusCode::kAlreadyExists, std::move(msg));
  }
  static Status Transaction(std::string msg) { return Status(StatusCode::kTransaction, std::move(msg)); }
  static Status Interrupted() { return Status(StatusCode::kInterrupted, "interrupted"); }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(StatusCode::kCorruption, std::move(msg)); }
  static Status NotSupported(std::string msg) { return Status(StatusCode::kNotSupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  // The message alone, without the code's label.
  const std::string& message() const;
  // Byte offset into the statement text, or -1 when the error has no place.
  int64_t position() const { return state_ ? state_->position : -1; }
  const std::string& hint() const;

  // A copy with the position set, unless one is set already (the innermost
  // position wins).
  Status WithPosition(int64_t pos) const;
  // A copy with a new message (code, position and hint kept).
  Status WithMessage(std::string msg) const;

  // "Binder error: unknown column 'x'" (hint appended as " — did you mean ...").
  std::string ToString() const;

 private:
  struct State {
    StatusCode code;
    std::string message;
    int64_t position;
    std::string hint;
  };
  std::unique_ptr<State> state_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: must not be OK
  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T ValueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kodiak

#define KODIAK_CONCAT_IMPL(a, b) a##b
#define KODIAK_CONCAT(a, b) KODIAK_CONCAT_IMPL(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define KODIAK_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::kodiak::Status _st = (expr);              \
    if (!_st.ok()) return _st;                  \
  } while (0)

#define KODIAK_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                 \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()

// `KODIAK_ASSIGN_OR_RETURN(auto x, F());` declares x from a Result or returns
// its Status.
#define KODIAK_ASSIGN_OR_RETURN(lhs, rexpr) \
  KODIAK_ASSIGN_OR_RETURN_IMPL(KODIAK_CONCAT(_res_, __LINE__), lhs, rexpr)
