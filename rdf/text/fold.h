#pragma once
// Case and accent folding for the text index: Xapian does not fold accents, so
// indexed text and queries both go through foldText() ("Coopérative" -> "cooperative").

#include <string>
#include <string_view>

namespace bdis::rdf::text {

/// Lower case, accents removed (NFKD, combining marks dropped, case folded, œ/æ spelled
/// out, apostrophes of elisions turned into spaces), then
/// recomposed (NFC). Invalid UTF-8 is replaced by U+FFFD first, so this never fails.
std::string foldText(std::string_view text);

/// foldText() applied to a query, keeping the boolean operators AND, OR, NOT, XOR
/// and NEAR as written (upper case) so that Xapian's query parser still sees them.
std::string foldQuery(std::string_view query);

}  // namespace bdis::rdf::text
