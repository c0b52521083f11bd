#include "sparql/update/load.h"

#include <curl/curl.h>

#include <mutex>
#include <optional>
#include <vector>

#include "loaders/bulk/bulk_loader.h"
#include "rdf/error.h"
#include "rdf/intern_sink.h"
#include "rdf/rdf_reader.h"

namespace bdis::sparql::update {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string percentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool isHttp(const std::string& iri) {
  return iri.starts_with("http://") || iri.starts_with("https://");
}

size_t appendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

/// The body and Content-Type of a GET of `url`. Throws ExecutionError.
std::pair<std::string, std::string> fetch(const std::string& url, long timeoutSeconds) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) {
    throw ExecutionError("cannot start an HTTP client");
  }
  std::string body;
  curl_slist* headers = curl_slist_append(
      nullptr,
      "Accept: text/turtle, application/n-triples, application/n-quads, application/trig;q=0.9");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeoutSeconds > 0 ? timeoutSeconds : 300L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  char* type = nullptr;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
  std::string contentType = type ? type : "";
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    throw ExecutionError(std::string(curl_easy_strerror(rc)));
  }
  if (status < 200 || status >= 300) {
    throw ExecutionError("HTTP status " + std::to_string(status));
  }
  return {std::move(body), std::move(contentType)};
}

}  // namespace

std::string localPathOf(const std::string& iri) {
  std::string_view rest = iri;
  if (rest.starts_with("file://localhost/")) {
    rest.remove_prefix(16);
  } else if (rest.starts_with("file:///")) {
    rest.remove_prefix(7);
  } else if (rest.starts_with("file:/") && !rest.starts_with("file://")) {
    rest.remove_prefix(5);
  } else if (!rest.starts_with("/")) {
    return {};
  }
  return percentDecode(rest);
}

uint64_t loadDocument(rdf::WriteTxn& txn, const LoadRequest& request) {
  const std::string what = "LOAD <" + request.source + ">: ";
  const rdf::Term graph = request.into.empty() ? rdf::Term() : rdf::Term::iri(request.into);
  rdf::ReadOptions options;
  options.baseIri = request.source;
  options.blankPrefix = loaders::newBlankScope();
  options.defaultGraph = graph.view();
  rdf::InternSink sink(txn);
  try {
    if (isHttp(request.source)) {
      if (!request.allowHttp) {
        throw ExecutionError("loading http(s) documents is not enabled on this server");
      }
      auto [body, contentType] = fetch(request.source, request.timeoutSeconds);
      auto format = rdf::formatFromMimeType(contentType);
      if (!format) {
        format = rdf::formatFromPath(request.source.substr(0, request.source.find('?')));
      }
      if (!format) {
        throw ExecutionError("unknown RDF syntax (Content-Type '" + contentType + "')");
      }
      options.format = *format;
      options.sourceName = request.source;
      rdf::readBuffer(body, options, sink);
    } else {
      const std::string path = localPathOf(request.source);
      if (!path.empty() && !request.allowFile) {
        throw ExecutionError("loading local files is not enabled on this server");
      }
      if (path.empty()) {
        throw ExecutionError("only file: and http(s): IRIs can be loaded");
      }
      const auto format = rdf::formatFromPath(path);
      if (!format) {
        throw ExecutionError("unknown RDF syntax (use .nt, .nq, .ttl or .trig, optionally .gz)");
      }
      options.format = *format;
      rdf::readFile(path, options, sink);
    }
  } catch (const ExecutionError& e) {
    throw ExecutionError(what + e.what());
  } catch (const SyntaxError& e) {
    throw ExecutionError(what + e.what());
  } catch (const StorageError& e) {
    throw ExecutionError(what + e.what());
  }
  return sink.quads.empty() ? 0 : txn.insertBatch(sink.quads);
}

}  // namespace bdis::sparql::update
