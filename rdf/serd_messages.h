#pragma once
// Internal to the RDF reader: Serd's error messages turned into messages
// that say what was expected.

#include <string>
#include <string_view>

namespace bdis::rdf::detail {

/// A user-facing message for one of Serd's error messages (trailing newline removed).
std::string explainSerdMessage(std::string_view serdMessage);

/// The message for a numeric escape naming a UTF-16 surrogate, in a `where`
/// ("string" or "IRI").
std::string explainSurrogate(std::string_view where);

}  // namespace bdis::rdf::detail
