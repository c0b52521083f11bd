#pragma once
// Text helpers shared by the loaders and the generator: UTF-8 validation, the name normalisation
// that deduplication keys rely on, and IRI-safe escaping of values inserted into IRI templates.

#include <string>
#include <string_view>

namespace bdis::loaders {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view s);

/// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD. Returns true in `changed` when
/// anything was replaced.
std::string sanitizeUtf8(std::string_view s, bool& changed);

/// The deduplication form of a name: Unicode-decomposed, accents and case removed, every run of
/// characters other than ASCII letters and digits turned into one '-', no leading or trailing '-'.
/// "Épicerie Solidaire « L'Épi »" -> "epicerie-solidaire-l-epi". Input must be valid UTF-8.
std::string slugify(std::string_view s);

/// Appends `value` to `out` percent-encoding what may not appear in an IRI path segment
/// (controls, space, and <>"{}|\^`, plus '/', '?', '#' and '%'); other UTF-8 is kept as is.
void appendIriSegment(std::string& out, std::string_view value);

/// True when `s` looks like an absolute IRI: a scheme (letter, then letters, digits, '+', '-', '.')
/// followed by ':' and no character that N-Triples forbids in IRIs.
bool isAbsoluteIri(std::string_view s);

/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

}  // namespace bdis::loaders
