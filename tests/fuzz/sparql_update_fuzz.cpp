// Fuzz target: the SPARQL 1.1 Update parser (sparql::parseUpdate). An accepted request must
// have one WHERE algebra slot per operation; each present one is printed as SSE.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sparql/algebra/sse.h"
#include "sparql/parser/parser.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bdis::fuzz::refusedCleanly([&] {
    bdis::sparql::ParsedUpdate u = bdis::sparql::parseUpdate(text, "http://example.org/base/");
    if (u.where.size() != u.ast.operations.size()) {
      bdis::fuzz::fail("parseUpdate: WHERE slots do not match operations");
    }
    for (const auto& op : u.where) {
      if (op) (void)bdis::sparql::algebra::toSse(*op);
    }
  });
  return 0;
}
