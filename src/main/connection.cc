#include "kodiak/connection.h"

#include "kodiak/database.h"
#include "main/session.h"

namespace kodiak {

Connection::Connection(Database& db) : session_(std::make_unique<internal::Session>(db.state())) {}
Connection::~Connection() = default;

Result<QueryResult> Connection::Query(std::string_view sql, int first_line) {
  QueryResult last;
  Status st = session_->Execute(sql, [&](QueryResult& r) {
    last = std::move(r);
    return true;
  }, first_line);
  if (!st.ok()) return st;
  return last;
}

Status Connection::Execute(std::string_view sql, const std::function<bool(QueryResult&)>& on_result,
                           int first_line) {
  return session_->Execute(sql, on_result, first_line);
}

void Connection::Interrupt() { session_->Interrupt(); }

void Connection::SetProgressCallback(std::function<void(const Progress&)> callback) {
  session_->SetProgressCallback(std::move(callback));
}

bool Connection::InTransaction() const { return session_->InTransaction(); }

}  // namespace kodiak
