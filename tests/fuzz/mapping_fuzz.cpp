// Fuzz target: the ESS mapping file parser (loaders::parseMapping, a strict TOML subset).
// An accepted mapping's column indexes must all point into Mapping::columns.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "loaders/mapping.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void checkTemplate(const bdis::loaders::IriTemplate& t, size_t columns) {
  for (const auto& part : t.parts) {
    if (part.kind == bdis::loaders::IriTemplate::PartKind::Column && part.column >= columns) {
      bdis::fuzz::fail("template " + t.source + " names column index out of range");
    }
  }
}

void checkMapping(const bdis::loaders::Mapping& m) {
  const size_t n = m.columns.size();
  auto checkIndex = [&](int index, const char* what) {
    if (index < -1 || (index >= 0 && static_cast<size_t>(index) >= n)) {
      bdis::fuzz::fail(std::string(what) + " column index out of range");
    }
  };
  checkTemplate(m.subject, n);
  for (const auto& t : m.fallbacks) checkTemplate(t, n);
  for (const auto& t : m.sameAs) checkTemplate(t, n);
  checkTemplate(m.geometryIri, n);
  for (const auto& node : m.nodes) checkTemplate(node.iri, n);
  for (const auto& f : m.fields) {
    if (f.columnIndex >= n) bdis::fuzz::fail("field " + f.column + " column index out of range");
    if (f.node < -1 || (f.node >= 0 && static_cast<size_t>(f.node) >= m.nodes.size())) {
      bdis::fuzz::fail("field " + f.column + " node index out of range");
    }
    if (!f.codelist.empty() && !m.codelists.contains(f.codelist)) {
      bdis::fuzz::fail("field " + f.column + " names an unknown code list");
    }
    checkTemplate(f.iri, n);
  }
  checkIndex(m.idColumn, "id");
  checkIndex(m.latColumn, "latitude");
  checkIndex(m.lonColumn, "longitude");
  checkIndex(m.memberSinceColumn, "member-since");
  checkIndex(m.memberUntilColumn, "member-until");
  if (m.geometryNode < -1 ||
      (m.geometryNode >= 0 && static_cast<size_t>(m.geometryNode) >= m.nodes.size())) {
    bdis::fuzz::fail("geometry node index out of range");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bdis::fuzz::refusedCleanly([&] { checkMapping(bdis::loaders::parseMapping(text, "fuzz.toml")); });
  return 0;
}
