#pragma once
// Reading W3C test manifests (the rdf-tests / SPARQL test-manifest vocabulary):
// the entries of a manifest, in order, with includes followed.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.h"

namespace bdis::w3c {

inline constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr std::string_view kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
inline constexpr std::string_view kRdft = "http://www.w3.org/ns/rdftest#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";

/// A term of a manifest with, for blank nodes and for IRIs that are subjects
/// in the manifest (entries, list members), the statements about it.
struct ManifestNode {
  rdf::Term term;
  /// predicate IRI -> object; filled for blank nodes and list members.
  std::multimap<std::string, ManifestNode> props;

  /// The local file for a `file:` IRI (percent-decoded); empty otherwise.
  std::filesystem::path path() const;
  /// The first object of `predicateIri`, or nullptr. Valid while this node lives.
  const ManifestNode* get(std::string_view predicateIri) const;
  /// Every object of `predicateIri`, in no particular order. Valid while this node lives.
  std::vector<const ManifestNode*> all(std::string_view predicateIri) const;
  /// The members of the RDF list this node heads (rdf:first / rdf:rest), in
  /// order; empty for rdf:nil or a non-list. Valid while this node lives.
  std::vector<const ManifestNode*> listItems() const;
  /// The lexical form or IRI of the term (convenience for names and labels).
  const std::string& value() const { return term.value; }
};

/// One test of a manifest.
struct ManifestEntry {
  /// The manifest file that lists the entry.
  std::filesystem::path manifest;
  /// The test's IRI (a `file:` IRI when the manifest names it relatively).
  std::string iri;
  /// mf:name.
  std::string name;
  /// The full rdf:type IRI, e.g. http://www.w3.org/ns/rdftest#TestTurtleEval.
  std::string type;
  /// rdft:approval / dawgt:approval / mf:approval IRI, empty when absent.
  std::string approval;
  /// mf:assumedTestBase of the manifest (the base IRI test files assume), empty when absent.
  std::string testBase;
  /// mf:action and mf:result; term None when absent.
  ManifestNode action, result;
};

/// Loads `manifestFile` (Turtle; relative IRIs resolve against its file: IRI),
/// following mf:include lists recursively (included manifests first), then
/// the mf:entries lists in order. Throws bdis::SyntaxError / StorageError
/// when a manifest cannot be read.
std::vector<ManifestEntry> loadManifest(const std::filesystem::path& manifestFile);

/// The `file:` IRI of a local path (made absolute, percent-encoded).
std::string fileIri(const std::filesystem::path& path);

}  // namespace bdis::w3c
