#include "server/http/metrics.h"

namespace bdis::server {

namespace {
const char* kRouteNames[] = {"sparql", "update", "store", "search", "other", "health"};
}

int Metrics::routeIndex(const std::string& route) {
  for (int i = 0; i < kRoutes; ++i) {
    if (route == kRouteNames[i]) return i;
  }
  return 4;
}

void Metrics::request(const std::string& route, int status, double seconds) {
  int r = routeIndex(route);
  int c = status / 100 - 1;
  if (c < 0 || c >= kClasses) c = 4;
  ++counts_[r][c];
  micros_[r] += static_cast<uint64_t>(seconds * 1e6);
}

std::string Metrics::render(uint64_t triples) const {
  std::string out;
  out += "# HELP bdis_http_requests_total HTTP requests served, by route and status class.\n";
  out += "# TYPE bdis_http_requests_total counter\n";
  for (int r = 0; r < kRoutes; ++r) {
    for (int c = 0; c < kClasses; ++c) {
      out += "bdis_http_requests_total{route=\"" + std::string(kRouteNames[r]) + "\",status=\"" +
             std::to_string(c + 1) + "xx\"} " + std::to_string(counts_[r][c].load()) + "\n";
    }
  }
  out += "# HELP bdis_http_request_seconds_total Time spent serving requests, by route.\n";
  out += "# TYPE bdis_http_request_seconds_total counter\n";
  for (int r = 0; r < kRoutes; ++r) {
    out += "bdis_http_request_seconds_total{route=\"" + std::string(kRouteNames[r]) + "\"} " +
           std::to_string(static_cast<double>(micros_[r].load()) / 1e6) + "\n";
  }
  out += "# HELP bdis_requests_in_flight Requests being served now.\n";
  out += "# TYPE bdis_requests_in_flight gauge\n";
  out += "bdis_requests_in_flight " + std::to_string(inFlight_.load()) + "\n";
  out += "# HELP bdis_requests_rejected_total Requests refused with 503 because the server was saturated.\n";
  out += "# TYPE bdis_requests_rejected_total counter\n";
  out += "bdis_requests_rejected_total " + std::to_string(rejected_.load()) + "\n";
  out += "# HELP bdis_store_triples Quads in the store.\n";
  out += "# TYPE bdis_store_triples gauge\n";
  out += "bdis_store_triples " + std::to_string(triples) + "\n";
  return out;
}

}  // namespace bdis::server
