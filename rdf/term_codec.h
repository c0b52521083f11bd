#pragma once
// How terms become ids and bytes: the inline encodings of TermId (only for
// canonical lexical forms, so that decoding gives back exactly what was read)
// and the serialized form the dictionary stores.
//
// Canonical forms that are inlined (anything else goes to the dictionary):
//  - xsd:integer  -?(0|[1-9][0-9]*), not "-0", value in [-2^59, 2^59-1]
//  - xsd:boolean  "true" | "false"
//  - xsd:date     YYYY-MM-DD, a real calendar day of years 0000..9999, no timezone
//  - xsd:decimal  -?(0|[1-9][0-9]*)\.[0-9]{1,9} with no trailing zero in the
//                 fraction except the single "0" of "N.0"; not "-0.0";
//                 |unscaled value| < 2^55
//  - simple literal (no language, datatype absent or xsd:string) of at most
//    7 bytes without NUL

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.h"
#include "rdf/term_id.h"

namespace bdis::rdf {

inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";

/// The inline id of a term in canonical form, or nothing when it needs the dictionary.
std::optional<TermId> encodeInline(const TermView& term);

/// The term behind an inline id. Text that has no static home goes to `scratch`;
/// the view is valid until scratch changes. Throws StorageError for a malformed payload.
TermView decodeInline(TermId id, std::string& scratch);

/// The dictionary tag (Iri, Blank, String, LangString, Typed) of a non-inline term.
IdTag dictionaryTag(const TermView& term);

/// Appends the serialized form (tag byte + fields) of a non-inline term to `out`.
void serializeTerm(const TermView& term, std::string& out);

/// Parses a serialized term; the views point into `bytes`. Throws StorageError when malformed.
TermView deserializeTerm(std::string_view bytes);

/// The 64-bit hash of a serialized term (SipHash-2-4 under a fixed key, so
/// stable across builds): term2id is keyed by it, collisions resolved by
/// comparing the stored terms.
uint64_t termHash(std::string_view serialized);

}  // namespace bdis::rdf
