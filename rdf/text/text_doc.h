#pragma once
// The layout of one text-index document and the analysis shared by indexing and
// querying (French stems over folded text). Internal to bdis_text.

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bdis::rdf::text {

/// (subject, predicate, literal) raw ids.
using DocKey = std::array<uint64_t, 3>;

inline constexpr Xapian::valueno kSlotSubject = 0;
inline constexpr Xapian::valueno kSlotPredicate = 1;
inline constexpr Xapian::valueno kSlotLiteral = 2;

/// "Q" + 48 hex digits: sorts like the key.
std::string uniqueTerm(const DocKey& key);
/// The key of a unique term, nullopt for another term.
std::optional<DocKey> parseUniqueTerm(std::string_view term);
/// "P" + 16 hex digits: the boolean filter term of a predicate.
std::string predicateTerm(uint64_t predicate);
/// 8 bytes big-endian.
std::string encodeValue(uint64_t v);
uint64_t decodeValue(std::string_view bytes);

/// Builds documents; reuse one for many documents.
class DocumentMaker {
 public:
  DocumentMaker();
  /// The document of `key` whose literal has the lexical form `text`.
  Xapian::Document make(const DocKey& key, std::string_view text);

 private:
  Xapian::TermGenerator generator_;
};

/// Parses a (validated, unfolded) query against `db`: folded, French stems,
/// AND by default, phrases, prefix wildcards, boolean operators.
/// Throws Xapian::QueryParserError.
Xapian::Query parseTextQuery(const Xapian::Database& db, const std::string& query);

/// `text` with the words matching `query` (same folding and stemming) wrapped in
/// <b>...</b> and cut to about `length` bytes around the first match; other markup escaped.
std::string highlight(std::string_view text, const std::string& query, size_t length);

}  // namespace bdis::rdf::text
