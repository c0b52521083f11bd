#pragma once
// The declarative mapping of a network's tabular export (CSV columns, GeoJSON feature properties,
// GoGoCarto element fields) to RDF following the ESS ontology. The file language is a strict TOML
// subset (toml_subset.h); docs/ontology.md is the reference. A parsed Mapping is immutable and may
// be shared by several loads.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bdis::loaders {

/// A compiled IRI template such as "https://w3id.org/bdis/id/initiative/{siret}".
/// Placeholders: {column} (value percent-encoded as a path segment), {column|slug},
/// {column|digits}, {column|lower}, {column|raw} (inserted as is), {value} (the field's own value,
/// field templates only), {@subject} (the record's subject IRI), {@source} (the source id).
struct IriTemplate {
  enum class PartKind : uint8_t { Text, Column, Value, Subject, Source };
  enum class Filter : uint8_t { Escape, Slug, Digits, Lower, Raw };
  struct Part {
    PartKind kind = PartKind::Text;
    Filter filter = Filter::Escape;
    std::string text;     ///< Text: the literal text; Column: the column name.
    uint32_t column = 0;  ///< Column: index into Mapping::columns.
  };
  std::string source;  ///< As written, for messages.
  std::vector<Part> parts;
  uint32_t line = 0;
  /// Whether an expansion must be checked as an IRI: only {x|raw} values, or a template that does
  /// not start with its own scheme, can make it invalid (other values are percent-encoded).
  bool checkResult = true;
  bool empty() const { return parts.empty(); }
};

/// What kind of RDF term a field's values become.
enum class ValueKind : uint8_t { Literal, Iri, Concept };

/// Checks applied to a field's values before they are emitted.
enum class ValueCheck : uint8_t {
  None,
  Siren,
  Siret,
  Rna,
  Integer,
  Decimal,
  Date,
  Boolean,
  Email,
  PostalCode,
  Url
};

/// One [[field]]: a column mapped to one or more properties.
struct FieldSpec {
  std::string column;
  uint32_t columnIndex = 0;
  std::vector<std::string> properties;  ///< Absolute IRIs.
  ValueKind kind = ValueKind::Literal;
  ValueCheck check = ValueCheck::None;
  std::string datatype;  ///< Absolute IRI; empty: xsd:string (or from the check).
  std::string lang;
  IriTemplate iri;        ///< Iri kind: built from this template when set.
  std::string codelist;   ///< Concept kind: the code list's name.
  std::string separator;  ///< Multi-valued cells: split on this (empty: single value).
  bool required = false;
  bool ignoreUnknown = false;  ///< Concept kind: drop unknown codes instead of the record.
  int node = -1;               ///< Index into Mapping::nodes; -1: the record's subject.
  uint32_t line = 0;
};

/// One [[node]]: a secondary resource per record (an address, a site, a contact point).
struct NodeSpec {
  std::string name;
  IriTemplate iri;
  std::vector<std::string> types;  ///< Absolute IRIs.
  std::vector<std::string> links;  ///< Properties from the subject to the node.
  uint32_t line = 0;
};

/// Hash and equality that let string maps be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// One [codelist.NAME]: codes (as written in the source) -> concept IRIs.
struct CodeList {
  std::string name;
  bool prefixMatch = false;  ///< Longest key that is a prefix of the code wins ("88.99B" -> "88").
  bool caseInsensitive = false;
  /// Normalised code -> concept IRI.
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> codes;
  uint32_t line = 0;
  /// The concept for `code`, or nullptr. The pointer lives as long as the Mapping.
  const std::string* lookup(std::string_view code) const;
};

/// The [source] defaults: where the data comes from (SourceInfo overrides each non-empty field).
struct SourceDefaults {
  std::string id;
  std::string graph;
  std::string title;
  std::string url;
  std::string license;
  std::string network;
  std::string networkName;
  std::string retrievedAt;
};

/// A parsed, validated mapping file.
struct Mapping {
  std::string file;
  SourceDefaults source;
  char delimiter = ',';
  /// Every column (or JSON property path) the mapping reads; fields and templates refer to it by
  /// index.
  std::vector<std::string> columns;
  IriTemplate subject;
  std::vector<IriTemplate> fallbacks;  ///< Tried in order when `subject` lacks a value.
  std::vector<IriTemplate>
      sameAs;  ///< owl:sameAs targets emitted when they differ from the subject.
  std::vector<std::string> types;
  int idColumn = -1;  ///< ess:sourceId; -1: none.
  std::vector<NodeSpec> nodes;
  std::vector<FieldSpec> fields;
  std::map<std::string, CodeList> codelists;
  // [geometry]
  int latColumn = -1;
  int lonColumn = -1;
  int geometryNode = -1;
  bool geometryRequired = false;
  IriTemplate geometryIri;
  // [membership] (needs source.network)
  bool membership = false;
  int memberSinceColumn = -1;
  int memberUntilColumn = -1;
  std::unordered_map<std::string, std::string> prefixes;

  /// The index of `column` in `columns`, or -1.
  int columnIndex(std::string_view column) const;
  /// Expands "prefix:local" with the built-in and [prefixes] prefixes; absolute IRIs pass through.
  /// Throws SyntaxError at `line` for an unknown prefix or a string that is no IRI.
  std::string expand(std::string_view curieOrIri, uint32_t line, uint32_t column = 0) const;
};

/// Parses a mapping from text (`file` names it in errors). Throws SyntaxError with the line and
/// column for malformed TOML, unknown sections or keys, wrong value types, unknown prefixes, bad
/// templates, fields naming unknown code lists or nodes.
Mapping parseMapping(std::string_view text, const std::string& file);

/// Reads and parses a mapping file. Throws StorageError when it cannot be read.
Mapping loadMapping(const std::string& path);

/// The prefixes every mapping knows (ess, essglobal, schema, org, rov, adms, vcard, wgs84, geo,
/// dcterms, skos, prov, owl, rdf, rdfs, xsd, foaf, and the concept schemes cj, naf, fam, lbl,
/// kind).
const std::unordered_map<std::string, std::string>& builtinPrefixes();

}  // namespace bdis::loaders
