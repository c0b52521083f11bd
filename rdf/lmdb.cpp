#include "rdf/lmdb.h"

#include <cerrno>
#include <string>

#include "rdf/error.h"

namespace bdis::rdf::lmdb {

void throwError(int rc, std::string_view doing) {
  if (rc == MDB_MAP_FULL || rc == ENOSPC) {
    throw StorageError("disk full while " + std::string(doing) + " (" + mdb_strerror(rc) + ")");
  }
  throw StorageError(std::string(doing) + ": " + mdb_strerror(rc));
}

Env::Env(const std::filesystem::path& dir, unsigned flags, uint64_t mapSize, unsigned maxReaders,
         unsigned maxDbs) {
  check(mdb_env_create(&env_), "creating the LMDB environment");
  try {
    check(mdb_env_set_mapsize(env_, mapSize), "setting the LMDB map size");
    check(mdb_env_set_maxreaders(env_, maxReaders), "setting the LMDB reader count");
    check(mdb_env_set_maxdbs(env_, maxDbs), "setting the LMDB database count");
    check(mdb_env_open(env_, dir.c_str(), flags, 0644), "opening the store in " + dir.string());
  } catch (...) {
    mdb_env_close(env_);
    env_ = nullptr;
    throw;
  }
}

Env::~Env() {
  if (env_ != nullptr) {
    mdb_env_close(env_);
  }
}

Txn::Txn(MDB_env* env, unsigned flags) {
  check(mdb_txn_begin(env, nullptr, flags, &txn_), (flags & MDB_RDONLY) != 0
                                                       ? "beginning a read transaction"
                                                       : "beginning a write transaction");
}

Txn::~Txn() { abort(); }

void Txn::commit() {
  MDB_txn* t = txn_;
  txn_ = nullptr;
  check(mdb_txn_commit(t), "committing a write transaction");
}

void Txn::abort() noexcept {
  if (txn_ != nullptr) {
    mdb_txn_abort(txn_);
  }
  txn_ = nullptr;
}

Cursor::Cursor(MDB_txn* txn, MDB_dbi dbi) {
  check(mdb_cursor_open(txn, dbi, &cursor_), "opening a cursor");
}

Cursor::~Cursor() {
  if (cursor_ != nullptr) {
    mdb_cursor_close(cursor_);
  }
}

bool Cursor::get(MDB_val& key, MDB_val& value, MDB_cursor_op op) {
  int rc = mdb_cursor_get(cursor_, &key, &value, op);
  if (rc == MDB_NOTFOUND) {
    return false;
  }
  check(rc, "reading the store");
  return true;
}

MDB_dbi openDbi(MDB_txn* txn, const char* name, unsigned flags) {
  MDB_dbi dbi = 0;
  check(mdb_dbi_open(txn, name, flags, &dbi), std::string("opening database ") + name);
  return dbi;
}

bool get(MDB_txn* txn, MDB_dbi dbi, std::string_view key, std::string_view& value) {
  MDB_val k = toVal(key);
  MDB_val v{};
  int rc = mdb_get(txn, dbi, &k, &v);
  if (rc == MDB_NOTFOUND) {
    return false;
  }
  check(rc, "reading the store");
  value = toView(v);
  return true;
}

void put(MDB_txn* txn, MDB_dbi dbi, std::string_view key, std::string_view value, unsigned flags,
         std::string_view doing) {
  MDB_val k = toVal(key);
  MDB_val v = toVal(value);
  check(mdb_put(txn, dbi, &k, &v, flags), doing);
}

bool del(MDB_txn* txn, MDB_dbi dbi, std::string_view key, std::string_view doing) {
  MDB_val k = toVal(key);
  int rc = mdb_del(txn, dbi, &k, nullptr);
  if (rc == MDB_NOTFOUND) {
    return false;
  }
  check(rc, doing);
  return true;
}

}  // namespace bdis::rdf::lmdb
