// Fuzz target: the Turtle and TriG reader (rdf::readBuffer), see rdf_check.h.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/rdf_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bdis::fuzz::checkRdf(text, bdis::rdf::RdfFormat::Turtle);
  bdis::fuzz::checkRdf(text, bdis::rdf::RdfFormat::TriG);
  return 0;
}
