#pragma once
// NamespaceTable: the small table of IRI namespaces (and datatype IRIs) that
// id2term entries refer to by number instead of repeating them, inside one
// LMDB transaction. Stored in the "namespaces" database: 4-byte big-endian
// number -> namespace bytes. Numbers are never reused or changed, so an entry
// once written stays valid for every later reader.
//
// Lifetime: lives inside its transaction. Views it returns point into the map
// (read transactions: valid until the transaction ends) or into the table's
// own copy (write transactions: valid while the table lives).

#include <lmdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bdis::rdf {

/// At most this many namespaces are numbered; later ones are stored in full.
inline constexpr uint32_t kMaxNamespaces = uint32_t{1} << 16;
/// Namespaces shorter than this are not worth a number.
inline constexpr size_t kMinNamespaceLength = 8;

/// Namespace number <-> bytes within one transaction.
class NamespaceTable {
 public:
  NamespaceTable(MDB_txn* txn, MDB_dbi dbi, bool writable);

  /// The number of `ns`, adding it when the table is writable and not full;
  /// nothing when it has (and can get) none.
  std::optional<uint32_t> numberOf(std::string_view ns);
  /// The namespace behind a number; throws StorageError when it is unknown.
  std::string_view text(uint32_t number) const;

 private:
  void loadAll() const;

  MDB_txn* txn_;
  MDB_dbi dbi_;
  bool writable_;
  mutable bool loaded_ = false;
  mutable std::unordered_map<std::string, uint32_t> numbers_;    ///< write transactions only
  mutable std::vector<std::string> texts_;                       ///< write transactions only
  mutable std::unordered_map<uint32_t, std::string_view> seen_;  ///< read transactions only
};

/// Where an IRI splits into namespace and local name: after its last '/' or
/// '#' (0 when it has neither).
size_t namespaceLength(std::string_view iri);

}  // namespace bdis::rdf
