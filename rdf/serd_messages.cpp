#include "rdf/serd_messages.h"

#include <utility>

namespace bdis::rdf::detail {

namespace {

/// Serd's message (or its start) -> what to say instead.
const std::pair<std::string_view, std::string_view> kExact[] = {
    {"bad verb", "expected a predicate (an IRI, a prefixed name or 'a')"},
    {"bad subject", "expected a subject (an IRI, a prefixed name, a blank node, '[' or '(')"},
    {"missing ';' or '.'", "expected '.' (or ';' / ',' in Turtle) after the object"},
    {"expected: ':', '<', or '_'", "expected an IRI, a prefixed name or a blank node"},
    {"invalid directive", "expected a directive: @prefix, @base, PREFIX or BASE"},
    {"missing IRI scheme", "expected an absolute IRI (with a scheme such as http:)"},
    {"line end in short string",
     "expected the closing quote before the end of the line (use \"\"\"...\"\"\" or \\n for "
     "line breaks)"},
    {"invalid IRI escape", "expected \\uXXXX or \\UXXXXXXXX (the only escapes allowed in an IRI)"},
    {"unexpected end of statement", "expected the statement to continue before '.'"},
    {"end of file in long string", "expected the closing \"\"\" or ''' before the end of the file"},
    {"expected digit", "expected a digit"},
    {"syntax does not support directives",
     "expected a statement: N-Triples and N-Quads have no directives"},
    {"missing predicate object list", "expected a predicate and an object after the subject"},
    {"invalid name start",
     "expected a letter, digit or '_' to start a local name or blank node label"},
    {"unexpected end of file", "expected the statement to end with '.' before the end of the file"},
    {"invalid graph name", "expected an IRI, a prefixed name or a blank node as the graph name"},
    {"uppercase directive",
     "expected @prefix or @base in lower case (or PREFIX / BASE without '@')"},
    {"syntax does not support long literals",
     "expected a string in \"...\": N-Triples and N-Quads have no long strings"},
    {"syntax does not support graphs", "expected a triple: Turtle has no graph blocks (use TriG)"},
    {"syntax does not support abbreviation",
     "expected a full statement: N-Triples and N-Quads have no abbreviations"},
    {"full stop after SPARQL BASE", "expected no '.' after SPARQL-style BASE or PREFIX"},
    {"graph followed by `.'", "expected a statement or '}', not '.', after a graph block"},
    {"expected object", "expected an object (an IRI, a prefixed name, a blank node or a literal)"},
    {"expected prefixed name", "expected a prefixed name"},
    {"expected label or subject", "expected a blank node label or a subject"},
    {"invalid escape",
     "expected an escape: \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX or \\UXXXXXXXX"},
    {"`.' inside blank", "expected ']' to close the blank node, not '.'"},
    {"subject ends with `.'", "expected a subject not ending with '.'"},
    {"prefix ends with `.'", "expected a prefix name not ending with '.'"},
    {"invalid IRI character (escape %20)",
     "expected no space in an IRI (percent-encode it as %20)"},
};

}  // namespace

std::string explainSerdMessage(std::string_view m) {
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) {
    m.remove_suffix(1);
  }
  for (const auto& [serd, ours] : kExact) {
    if (m == serd) {
      return std::string(ours);
    }
  }
  if (m.starts_with("invalid hexadecimal digit ")) {
    return "expected a hexadecimal digit (0-9, A-F) in a numeric escape, not " +
           std::string(m.substr(26));
  }
  if (m.starts_with("invalid escape `")) {
    return "expected an escape (\\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX \\UXXXXXXXX), not " +
           std::string(m.substr(15));
  }
  if (m.starts_with("invalid escaped IRI character ")) {
    return "expected a character allowed in IRIs; the escape names " + std::string(m.substr(30));
  }
  if (m.starts_with("invalid IRI character ")) {
    return "expected a character allowed in IRIs (not < > \" { } | ^ ` \\ or space), found " +
           std::string(m.substr(22));
  }
  if (const auto notAt = m.find(", not `"); notAt != std::string_view::npos &&
                                            notAt + 7 < m.size() &&
                                            static_cast<unsigned char>(m[notAt + 7]) >= 0x80) {
    // Serd prints the end of input as a stray byte.
    return std::string(m.substr(0, notAt)) + ", not the end of the input";
  }
  if (m.starts_with("unexpected ")) {
    return "unexpected " + std::string(m.substr(11)) + " (expected a term or punctuation here)";
  }
  return std::string(m);
}

std::string explainSurrogate(std::string_view where) {
  return "invalid numeric escape in " + std::string(where) +
         ": a UTF-16 surrogate (U+D800 to U+DFFF) is not a character (expected the code point "
         "of a character, such as \\U0001F600 for a supplementary one)";
}

}  // namespace bdis::rdf::detail
