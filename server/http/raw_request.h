#pragma once
// What Pistache 0.0.5 loses or refuses before a handler runs, recovered from the
// raw bytes of the request:
// - its query map keeps one value per name (an unordered_map filled with insert),
//   so `?default-graph-uri=A&default-graph-uri=B` would reach us as A alone;
// - it parses Accept itself and answers 415 on values outside its grammar
//   (`foo`, `q=.9`, unknown top-level types), before bdis can negotiate.

#include <pistache/http.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bdis::server {

/// A Pistache HTTP handler whose onRequest can ask for the raw query string and
/// the raw Accept header of the request being served.
///
/// How: Pistache's own parser (Http::Handler::onInput, private) runs on an inner
/// handler; this one sees the bytes first. Per connection it keeps the request line
/// of the request in progress, and it hands Pistache `Accept: */*` in place of each
/// Accept header of the request head, keeping the value sent. A kept request line
/// is used only when its method and path agree with what Pistache parsed.
class RawRequestHandler : public Pistache::Http::Handler {
 public:
  RawRequestHandler();
  RawRequestHandler(const RawRequestHandler& other);
  RawRequestHandler& operator=(const RawRequestHandler&) = delete;
  ~RawRequestHandler() override;

 protected:
  /// The query string (after '?', still percent-encoded; empty when the target had
  /// none) of the request that onRequest is serving, or nullopt when unknown. Valid
  /// only during onRequest, on its thread.
  std::optional<std::string> rawQuery(const Pistache::Http::Request& request) const;
  /// The Accept header as the client sent it (several joined with ", "), or nullopt
  /// when the request had none or it could not be recovered (Pistache's then
  /// stands). Valid only during onRequest, on its thread.
  std::optional<std::string> rawAccept() const;

 private:
  class Inner;
  struct RequestHead;
  void onInput(const char* buffer, size_t len,
               const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
  /// onInput for bytes of one request at most (request_framing.h).
  void feedOne(std::string_view bytes, const std::shared_ptr<Pistache::Tcp::Peer>& peer);

  std::shared_ptr<Inner> inner_;
  bool associated_ = false;
  RequestHead* current_ = nullptr;  // the head of the request in onInput, if any
};

/// The query string of a request line "METHOD SP target SP version", if the line's
/// method is `method` and its path is `path`; empty string when the target has no '?'.
std::optional<std::string> queryOfRequestLine(const std::string& line, const std::string& method,
                                              const std::string& path);

/// What maskAcceptHeaders gives Pistache.
struct MaskedHead {
  std::string feed;        ///< the bytes to feed, Accept values replaced by `*/*`
  size_t consumed = 0;     ///< how many bytes of `text` they stand for (the rest waits)
  bool headEnded = false;  ///< the blank line ending the head is in `feed`
};

/// Masks the Accept header lines of a request head. `text` is the head bytes not yet
/// fed; `before` is up to 3 bytes fed just before them (to see a line start or the
/// blank line across the boundary). Only whole lines are consumed (a partial line
/// waits for the next bytes); once the blank line is seen, everything after it (the
/// body) is passed through untouched. The values replaced are appended to `accepted`.
MaskedHead maskAcceptHeaders(std::string_view before, std::string_view text,
                             std::optional<std::string>& accepted);

/// The Accept masking of one request head as its bytes arrive in pieces: what
/// RawRequestHandler runs per connection, between two requests.
class AcceptMasker {
 public:
  /// The bytes to hand Pistache for the next `bytes` of the request (possibly
  /// none while a line is incomplete; everything once the head has ended).
  /// `limit` bounds what is held back: past it, everything is passed on.
  std::string feed(std::string_view bytes, size_t limit);
  /// The Accept values the head carried, joined with ", ".
  const std::optional<std::string>& accept() const { return accept_; }
  /// Whether the blank line ending the head has been passed on.
  bool headEnded() const { return headEnded_; }

 private:
  std::string tail_;     // the last bytes passed on (up to 3)
  std::string pending_;  // bytes held back until their line is whole
  std::optional<std::string> accept_;
  bool headEnded_ = false;
};

}  // namespace bdis::server
