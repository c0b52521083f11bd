#include "server/http/http_server.h"

#include <pistache/endpoint.h>
#include <pistache/http.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <ctime>
#include <optional>
#include <sstream>
#include <iostream>
#include <streambuf>
#include <thread>

#include "rdf/error.h"
#include "server/http/errors.h"
#include "server/http/raw_request.h"
#include "server/http/response_order.h"
#include "server/http/thread_pool.h"
#include "server/http/wire.h"

namespace bdis::server {

using namespace Pistache;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

HttpRequest convert(const Http::Request& req, const std::optional<std::string>& rawQuery) {
  HttpRequest r;
  r.method = Http::methodString(req.method());
  r.path = percentDecode(req.resource(), false);
  if (rawQuery) {
    parseForm(*rawQuery, r.params);  // keeps repeated names, which Pistache's map drops
  } else {
    const auto& q = req.query();
    for (auto it = q.parameters_begin(); it != q.parameters_end(); ++it) {
      r.params.emplace(percentDecode(it->first, true), percentDecode(it->second, true));
    }
  }
  for (const auto& h : req.headers().list()) {
    std::ostringstream os;
    h->write(os);
    r.headers[lower(h->name())] = os.str();
  }
  for (const auto& [name, raw] : req.headers().rawList()) r.headers[lower(name)] = raw.value();
  r.body = req.body();
  if (r.contentType() == "application/x-www-form-urlencoded") parseForm(r.body, r.params);
  return r;
}

/// Collects a produced body, refusing to grow past `limit` bytes.
class BoundedBuffer : public std::streambuf {
 public:
  explicit BoundedBuffer(size_t limit) : limit_(limit) { setp(buf_, buf_ + sizeof buf_); }
  std::string take() {
    sync();
    return std::move(body_);
  }

 protected:
  int overflow(int c) override {
    sync();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return c == traits_type::eof() ? 0 : c;
  }
  int sync() override {
    auto n = static_cast<size_t>(pptr() - pbase());
    if (body_.size() + n > limit_) {
      throw ExecutionError("response larger than the server's limit of " +
                           std::to_string(limit_ >> 20) + " MiB: add LIMIT or page with OFFSET");
    }
    body_.append(pbase(), n);
    setp(buf_, buf_ + sizeof buf_);
    return 0;
  }

 private:
  size_t limit_;
  std::string body_;
  char buf_[16 * 1024];
};

/// How to answer a request: in its HTTP version, keeping the connection or not.
struct Reply {
  const char* version;
  bool keepAlive;
};

/// Builds a produced body completely, to be sent in one write: Pistache 0.0.5's
/// ResponseStream, written from a worker thread, races with the reactor ("could not
/// find write data") and aborts the process. Built first, a body that fails (syntax
/// error, deadline, size limit) still becomes a proper error status.
void build(HttpResponse& response, const HttpRequest& request, size_t maxResponseBytes) {
  if (response.stream) {
    BoundedBuffer buffer(maxResponseBytes);
    std::ostream os(&buffer);
    os.exceptions(std::ios::badbit);
    try {
      response.stream(os, response);
      os.flush();
      response.body = buffer.take();
    } catch (const std::ios_base::failure&) {
      response = errorResponse(std::make_exception_ptr(ExecutionError(
                                   "response larger than the server's limit")), request);
    } catch (...) {
      response = errorResponse(std::current_exception(), request);
    }
    response.stream = nullptr;
  }
}

/// Sends a built response on `fd` (see writeResponse); a client gone is ignored.
void send(Http::ResponseWriter& writer, int fd, const HttpResponse& response, const Reply& reply,
          const HttpRequest& request) noexcept {
  try {
    writeResponse(writer, fd,
                  serializeResponse(response, reply.version, reply.keepAlive, httpDate(),
                                    request.method == "HEAD"));
  } catch (...) {
    // The client went away; nothing to answer.
  }
}


class Handler : public RawRequestHandler {
 public:
  HTTP_PROTOTYPE(Handler)

  Handler(App* app, ThreadPool* pool, std::atomic<bool>* stopping)
      : app_(app), pool_(pool), stopping_(stopping) {}

  void onRequest(const Http::Request& req, Http::ResponseWriter writer) override {
    // Responses leave in the order of the requests (pipelining), whoever answers them.
    std::shared_ptr<ResponseOrder> order = ResponseOrder::of(writer);
    if (!order) return;  // the client has gone
    const uint64_t seq = order->take();
    // Answers on the network thread (or, when an earlier response is pending, later
    // on a duplicate of the socket).
    auto answerHere = [&](HttpResponse response, Reply reply, const HttpRequest& request,
                          size_t maxResponseBytes) {
      build(response, request, maxResponseBytes);
      auto w = std::make_shared<Http::ResponseWriter>(std::move(writer));
      auto shared = std::make_shared<std::pair<HttpResponse, HttpRequest>>(std::move(response),
                                                                          request);
      order->deliverFromNetwork(seq, *w, [w, shared, reply](int fd) {
        send(*w, fd, shared->first, reply, shared->second);
      });
    };
    HttpRequest request;
    const char* version = Http::versionString(req.version());
    try {
      request = convert(req, rawQuery(req));
      if (auto accept = rawAccept()) request.headers["accept"] = *accept;
    } catch (const std::exception& e) {
      answerHere(errorBody(400, std::string("malformed request: ") + e.what()), {version, false},
                 request, 0);
      return;
    }
    bool keepAlive = req.version() == Http::Version::Http11 &&
                     lower(request.header("connection")).find("close") == std::string::npos;
    Reply reply{version, keepAlive};
    const Route* route = app_->find(request);
    if (!route || route->light) {
      answerHere(app_->handle(request), reply, request, app_->config().maxResponseBytes);
      return;
    }
    if (stopping_->load()) {
      HttpResponse busy = errorBody(503, "the server is shutting down");
      busy.header("Retry-After", "5");
      answerHere(std::move(busy), {version, false}, request, 0);
      return;
    }
    // The worker answers on its own copy of the socket (see SocketHandle).
    struct Task {
      HttpRequest request;
      Http::ResponseWriter writer;
      SocketHandle socket;
    };
    SocketHandle socket(writer);
    auto task = std::make_shared<Task>(
        Task{std::move(request), std::move(writer), std::move(socket)});
    App* app = app_;
    bool queued = pool_->trySubmit([app, task, reply, order, seq] {
      app->metrics().inFlight(1);
      auto response = std::make_shared<HttpResponse>(app->handle(task->request));
      build(*response, task->request, app->config().maxResponseBytes);
      order->deliver(seq, task->socket.fd(), [task, reply, response](int fd) {
        send(task->writer, fd, *response, reply, task->request);
      });
      app->metrics().inFlight(-1);
    });
    if (!queued) {
      app_->metrics().rejected();
      HttpResponse busy = errorBody(503, "too many concurrent queries; retry shortly");
      busy.header("Retry-After", "1");
      auto shared = std::make_shared<HttpResponse>(std::move(busy));
      order->deliverFromNetwork(seq, task->writer, [task, shared, reply](int fd) {
        send(task->writer, fd, *shared, reply, task->request);
      });
    }
  }

 private:
  App* app_;
  ThreadPool* pool_;
  std::atomic<bool>* stopping_;
};

}  // namespace

struct HttpServer::Impl {
  App& app;
  std::unique_ptr<ThreadPool> pool;
  std::unique_ptr<Http::Endpoint> endpoint;
  std::atomic<bool> stopping{false};
  bool started = false;
  explicit Impl(App& a) : app(a) {}
};

HttpServer::HttpServer(App& app) : impl_(std::make_unique<Impl>(app)) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  const auto& cfg = impl_->app.config();
  // By default more workers than cores: a few slow queries then share the CPU with
  // quick ones instead of making them wait for a free worker.
  unsigned workers = cfg.queryThreads ? cfg.queryThreads
                                      : std::max(4u, 2 * std::thread::hardware_concurrency());
  impl_->pool = std::make_unique<ThreadPool>(workers, cfg.maxQueued);
  Address addr(cfg.host, Port(cfg.port));
  impl_->endpoint = std::make_unique<Http::Endpoint>(addr);
  auto opts = Http::Endpoint::options()
                  .threads(static_cast<int>(cfg.networkThreads))
                  .flags(Tcp::Options::ReuseAddr)
                  .maxRequestSize(cfg.maxBodyBytes + 64 * 1024)
                  .maxResponseSize(SIZE_MAX);
  impl_->endpoint->init(opts);
  impl_->endpoint->setHandler(
      std::make_shared<Handler>(&impl_->app, impl_->pool.get(), &impl_->stopping));
  try {
    impl_->endpoint->serveThreaded();
  } catch (const std::exception& e) {
    throw StorageError("cannot listen on " + cfg.host + ":" + std::to_string(cfg.port) + ": " +
                       e.what());
  }
  impl_->started = true;
}

uint16_t HttpServer::port() const {
  return impl_->endpoint ? static_cast<uint16_t>(impl_->endpoint->getPort()) : 0;
}

void HttpServer::stop() {
  if (!impl_->started) return;
  impl_->started = false;
  impl_->stopping = true;
  impl_->pool->drain();
  impl_->endpoint->shutdown();
  impl_->pool.reset();
}

namespace {
std::atomic<bool> gSignalled{false};
extern "C" void onSignal(int) { gSignalled = true; }
}  // namespace

int serveUntilSignal(App& app) {
  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  std::signal(SIGPIPE, SIG_IGN);
  HttpServer server(app);
  server.start();
  std::cerr << "bdis: serving " << app.config().storePath << " at http://" << app.config().host
            << ":" << server.port() << "/ (" << (app.auth().writable() ? "writable with a token" : "read-only")
            << ")\n";
  while (!gSignalled) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::cerr << "bdis: stopping: finishing requests in flight\n";
  server.stop();
  std::cerr << "bdis: stopped\n";
  return 0;
}

}  // namespace bdis::server
