#include "rdf/serd_messages.h"

namespace bdis::rdf::detail {

std::string explainSerdMessage(std::string_view m) {
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.remove_suffix(1);
  return std::string(m);
}

std::string explainSurrogate(std::string_view where) {
  return "invalid numeric escape in " + std::string(where) +
         ": a UTF-16 surrogate (U+D800 to U+DFFF) is not a character (expected the code point "
         "of a character, such as \\U0001F600 for a supplementary one)";
}

}  // namespace bdis::rdf::detail
