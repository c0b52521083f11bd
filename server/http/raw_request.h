#pragma once
// Pistache 0.0.5 keeps one value per query-string name (its Uri::Query is an
// unordered_map filled with insert), so `?default-graph-uri=A&default-graph-uri=B`
// reaches a handler as A alone. This handler recovers the query string exactly as
// the client sent it, from the request line, so that repeated parameters of the
// SPARQL 1.1 Protocol survive.

#include <pistache/http.h>

#include <memory>
#include <optional>
#include <string>

namespace bdis::server {

/// A Pistache HTTP handler whose onRequest can ask for the raw query string of
/// the request being served.
///
/// How: Pistache's own parser (Http::Handler::onInput, private) runs on an inner
/// handler; this one sees the bytes first and keeps, per connection, the request
/// line of the request in progress. A kept line is used only when its method and
/// path agree with what Pistache parsed; otherwise rawQuery() is empty and
/// Pistache's map is the fallback.
class RawQueryHandler : public Pistache::Http::Handler {
 public:
  RawQueryHandler();
  RawQueryHandler(const RawQueryHandler& other);
  RawQueryHandler& operator=(const RawQueryHandler&) = delete;
  ~RawQueryHandler() override;

 protected:
  /// The query string (after '?', still percent-encoded; empty when the target had
  /// none) of the request that onRequest is serving, or nullopt when unknown. Valid
  /// only during onRequest, on its thread.
  std::optional<std::string> rawQuery(const Pistache::Http::Request& request) const;

 private:
  class Inner;
  struct RequestLine;
  void onInput(const char* buffer, size_t len,
               const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;

  std::shared_ptr<Inner> inner_;
  bool associated_ = false;
  RequestLine* current_ = nullptr;  // the line of the request in onInput, if any
};

/// The query string of a request line "METHOD SP target SP version", if the line's
/// method is `method` and its path is `path`; empty string when the target has no '?'.
std::optional<std::string> queryOfRequestLine(const std::string& line, const std::string& method,
                                              const std::string& path);

}  // namespace bdis::server
