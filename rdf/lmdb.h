#pragma once
// A thin RAII layer over LMDB: environment, transaction and cursor handles
// that close themselves, and one place that turns LMDB return codes into
// StorageError messages saying what was being done.
//
// Lifetimes (LMDB's): an Env outlives every Txn begun on it; a Cursor lives
// inside its Txn and is closed before the Txn ends; a value read through
// get() points into the map and is valid until the Txn ends or, in a write
// Txn, until its next update.

#include <lmdb.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bdis::rdf::lmdb {

/// Throws StorageError for an LMDB (or errno) code: "disk full while <doing>"
/// for MDB_MAP_FULL/ENOSPC, else "<doing>: <mdb_strerror>".
[[noreturn]] void throwError(int rc, std::string_view doing);

/// Throws (see throwError) unless rc is MDB_SUCCESS.
inline void check(int rc, std::string_view doing) {
  if (rc != MDB_SUCCESS) {
    throwError(rc, doing);
  }
}

/// An MDB_val over a byte string; the bytes must outlive the call it is passed to.
inline MDB_val toVal(std::string_view s) { return MDB_val{s.size(), const_cast<char*>(s.data())}; }
/// The bytes of an MDB_val (valid as long as LMDB keeps them, see above).
inline std::string_view toView(const MDB_val& v) {
  return std::string_view(static_cast<const char*>(v.mv_data), v.mv_size);
}

/// An environment handle. Move-only; closes the environment when destroyed.
class Env {
 public:
  /// Opens the environment in `dir` (a folder holding data.mdb and lock.mdb).
  Env(const std::filesystem::path& dir, unsigned flags, uint64_t mapSize, unsigned maxReaders,
      unsigned maxDbs);
  ~Env();
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;

  /// The raw handle, valid while this Env lives.
  MDB_env* get() const { return env_; }

 private:
  MDB_env* env_ = nullptr;
};

/// A transaction handle. Aborts on destruction unless committed or aborted.
class Txn {
 public:
  /// Begins a transaction (MDB_RDONLY in `flags` for a reader).
  Txn(MDB_env* env, unsigned flags);
  ~Txn();
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  /// The raw handle; null once committed or aborted.
  MDB_txn* get() const { return txn_; }
  /// Whether the transaction is still open.
  bool active() const { return txn_ != nullptr; }
  /// Commits; the handle is then inactive. Throws StorageError on failure (the txn is then
  /// aborted).
  void commit();
  /// Aborts; the handle is then inactive. Does nothing when already inactive.
  void abort() noexcept;

 private:
  MDB_txn* txn_ = nullptr;
};

/// A cursor on one database within one transaction; closed when destroyed,
/// which must happen before the transaction ends.
class Cursor {
 public:
  Cursor(MDB_txn* txn, MDB_dbi dbi);
  ~Cursor();
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  /// Positions the cursor; false for MDB_NOTFOUND. `key` is read for the
  /// SET-style ops and written back with the key found.
  bool get(MDB_val& key, MDB_val& value, MDB_cursor_op op);
  /// The raw handle, valid while this Cursor lives.
  MDB_cursor* raw() const { return cursor_; }

 private:
  MDB_cursor* cursor_ = nullptr;
};

/// Opens (or with MDB_CREATE creates) a named database; throws on failure.
MDB_dbi openDbi(MDB_txn* txn, const char* name, unsigned flags);
/// Reads one value; false when the key is absent. The view follows LMDB lifetimes.
bool get(MDB_txn* txn, MDB_dbi dbi, std::string_view key, std::string_view& value);
/// Stores one value; `doing` names the operation for error messages.
void put(MDB_txn* txn, MDB_dbi dbi, std::string_view key, std::string_view value, unsigned flags,
         std::string_view doing);
/// Deletes one key; false when it was absent.
bool del(MDB_txn* txn, MDB_dbi dbi, std::string_view key, std::string_view doing);

}  // namespace bdis::rdf::lmdb
