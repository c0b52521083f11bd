#include "rdf/rdf_format.h"

#include <string>

namespace bdis::rdf {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::optional<RdfFormat> formatFromName(std::string_view name) {
  const std::string n = lower(name);
  if (n == "nt" || n == "ntriples" || n == "n-triples") {
    return RdfFormat::NTriples;
  }
  if (n == "nq" || n == "nquads" || n == "n-quads") {
    return RdfFormat::NQuads;
  }
  if (n == "ttl" || n == "turtle") {
    return RdfFormat::Turtle;
  }
  if (n == "trig") {
    return RdfFormat::TriG;
  }
  return std::nullopt;
}

std::optional<RdfFormat> formatFromPath(std::string_view path) {
  // Only the file name counts: a dot in a folder name is no extension.
  if (const auto slash = path.find_last_of("/\\"); slash != std::string_view::npos) {
    path.remove_prefix(slash + 1);
  }
  std::string name = lower(path);
  for (std::string_view compressed : {".gz", ".zst"}) {
    if (name.size() > compressed.size() && name.ends_with(compressed)) {
      name.resize(name.size() - compressed.size());
      break;
    }
  }
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    return std::nullopt;
  }
  const std::string_view ext = std::string_view(name).substr(dot + 1);
  if (ext == "nt") {
    return RdfFormat::NTriples;
  }
  if (ext == "nq") {
    return RdfFormat::NQuads;
  }
  if (ext == "ttl") {
    return RdfFormat::Turtle;
  }
  if (ext == "trig") {
    return RdfFormat::TriG;
  }
  return std::nullopt;
}

std::optional<RdfFormat> formatFromMimeType(std::string_view mime) {
  if (const auto semi = mime.find(';'); semi != std::string_view::npos) {
    mime = mime.substr(0, semi);
  }
  const std::string m = lower(trim(mime));
  if (m == "application/n-triples") {
    return RdfFormat::NTriples;
  }
  if (m == "application/n-quads") {
    return RdfFormat::NQuads;
  }
  if (m == "text/turtle") {
    return RdfFormat::Turtle;
  }
  if (m == "application/trig") {
    return RdfFormat::TriG;
  }
  return std::nullopt;
}

std::string_view mimeType(RdfFormat format) {
  switch (format) {
    case RdfFormat::NTriples:
      return "application/n-triples";
    case RdfFormat::NQuads:
      return "application/n-quads";
    case RdfFormat::Turtle:
      return "text/turtle";
    case RdfFormat::TriG:
      return "application/trig";
  }
  return "application/n-quads";
}

std::string_view fileExtension(RdfFormat format) {
  switch (format) {
    case RdfFormat::NTriples:
      return "nt";
    case RdfFormat::NQuads:
      return "nq";
    case RdfFormat::Turtle:
      return "ttl";
    case RdfFormat::TriG:
      return "trig";
  }
  return "nq";
}

bool isQuadFormat(RdfFormat format) {
  return format == RdfFormat::NQuads || format == RdfFormat::TriG;
}

}  // namespace bdis::rdf
