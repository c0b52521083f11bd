#pragma once
// The W3C skip list: tests/w3c/skip.txt, one `<test IRI> reason` per line.

#include <string>
#include <string_view>

namespace bdis::w3c {

/// Why the test `testIri` is skipped, or nullptr when it is not. Lines of
/// tests/w3c/skip.txt read `<IRI> reason`; blank lines and lines starting with
/// '#' are ignored. An IRI in the file matches a test IRI that equals it or
/// ends with "/" + it, so `<rdf/rdf11/rdf-turtle/manifest.ttl#name>` names a
/// test wherever the shared folder lives. The file is read once; the returned
/// string lives until the program ends.
const std::string* skipReason(std::string_view testIri);

}  // namespace bdis::w3c
