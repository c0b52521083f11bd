#pragma once
// The stemmer of the text index: plurals folded, then Xapian's French (Snowball)
// stemmer. Snowball keeps a final "s" after a vowel such as "o" ("vélos" stays apart
// from "vélo"); dropping the plural mark first makes a regular plural and its singular
// one stem. Applied to folded words (fold.h), in the index and in queries alike.

#include <xapian.h>

#include <string>
#include <string_view>

namespace bdis::rdf::text {

/// Names the analysis (folding + stemming) that built an index's terms; an index
/// recorded with another one is rebuilt on open (SearchIndexes::open).
inline constexpr std::string_view kAnalysisVersion = "fold1+plural1+snowball-french";

/// A folded word without its plural mark: a final "s" (not "ss", the word at least
/// four letters long), or the "x" of "-eaux" / "-eux".
std::string dropPlural(std::string_view word);

/// The stemmer used by indexing, queries and snippets: dropPlural, then French.
Xapian::Stem frenchStemmer();

}  // namespace bdis::rdf::text
