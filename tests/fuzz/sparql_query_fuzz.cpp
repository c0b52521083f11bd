// Fuzz target: the SPARQL 1.1 query parser and algebra translation (sparql::parseQuery). An
// accepted query's algebra is also printed as SSE, which walks every node of the tree.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sparql/algebra/sse.h"
#include "sparql/parser/parser.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bdis::fuzz::refusedCleanly([&] {
    bdis::sparql::ParsedQuery q = bdis::sparql::parseQuery(text, "http://example.org/base/");
    if (!q.algebra) bdis::fuzz::fail("parseQuery returned no algebra");
    (void)bdis::sparql::algebra::toSse(*q.algebra);
  });
  return 0;
}
