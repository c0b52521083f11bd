#pragma once
// TermId: every RDF term as one 64-bit value. The low 4 bits are a tag; the
// high 60 bits are either a dictionary number or an inline value. Small values
// are inline (no dictionary access to compare or filter them), but only when
// their lexical form is canonical, so that decoding gives back exactly the
// lexical form that was read.
//
// Tags in the low bits keep dictionary ids small and dense, which the
// delta-compressed index blocks rely on.

#include <compare>
#include <cstdint>
#include <functional>

namespace bdis::rdf {

enum class IdTag : uint8_t {
  Special = 0,     ///< payload 0: "unbound/any"; payload 1: the default graph
  Iri = 1,         ///< dictionary number
  Blank = 2,       ///< dictionary number
  String = 3,      ///< dictionary number: simple literal / xsd:string
  LangString = 4,  ///< dictionary number: rdf:langString
  Typed = 5,       ///< dictionary number: any other datatype (incl. non-canonical numbers)
  Integer = 6,     ///< inline xsd:integer, zigzag-encoded 60-bit signed value
  Boolean = 7,     ///< inline xsd:boolean, payload 0 or 1
  ShortString = 8, ///< inline simple literal of up to 7 UTF-8 bytes (no NUL)
  Date = 9,        ///< inline xsd:date (no timezone), zigzag days since 1970-01-01
  Decimal = 10,    ///< inline xsd:decimal: zigzag(unscaled) << 4 | scale (scale 1..9)
};

/// A term's id. Comparison is on the raw value (index order), not on RDF value order.
struct TermId {
  uint64_t raw = 0;

  constexpr TermId() = default;
  constexpr explicit TermId(uint64_t r) : raw(r) {}
  static constexpr TermId make(IdTag tag, uint64_t payload) {
    return TermId((payload << 4) | static_cast<uint64_t>(tag));
  }
  constexpr IdTag tag() const { return static_cast<IdTag>(raw & 0xF); }
  constexpr uint64_t payload() const { return raw >> 4; }
  constexpr bool isAny() const { return raw == 0; }
  constexpr bool isInline() const { return tag() >= IdTag::Integer; }
  constexpr bool isDefaultGraph() const;
  constexpr bool isIri() const { return tag() == IdTag::Iri; }
  constexpr bool isBlank() const { return tag() == IdTag::Blank; }
  constexpr bool isLiteral() const { return tag() >= IdTag::String; }

  friend constexpr auto operator<=>(TermId, TermId) = default;
};

/// Unbound / wildcard in patterns.
inline constexpr TermId kAny{};
/// The default graph, as the graph component of a quad.
inline constexpr TermId kDefaultGraph = TermId::make(IdTag::Special, 1);
/// In a pattern's graph position: any named graph, excluding the default graph.
inline constexpr TermId kAnyNamedGraph = TermId::make(IdTag::Special, 2);

constexpr bool TermId::isDefaultGraph() const { return raw == kDefaultGraph.raw; }

/// Zigzag helpers shared by the inline encodings.
constexpr uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
constexpr int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

/// Quad of ids in (s, p, o, g) order; g is kDefaultGraph for the default graph.
struct QuadIds {
  TermId s, p, o, g;
  friend constexpr auto operator<=>(const QuadIds&, const QuadIds&) = default;
};

}  // namespace bdis::rdf

template <>
struct std::hash<bdis::rdf::TermId> {
  size_t operator()(bdis::rdf::TermId id) const noexcept {
    uint64_t x = id.raw * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(x ^ (x >> 32));
  }
};
