#pragma once
// A QuadSink that interns what it reads into a write transaction's dictionary and
// keeps the ids, so that the quads are inserted in one batch (insertBatch) once the
// whole document was read: a parse error then leaves the store's quads untouched.

#include <vector>

#include "rdf/quad_sink.h"
#include "rdf/store.h"

namespace bdis::rdf {

struct InternSink : QuadSink {
  WriteTxn& txn;
  std::vector<QuadIds> quads;
  explicit InternSink(WriteTxn& t) : txn(t) {}
  void quad(const QuadView& q) override {
    quads.push_back({txn.intern(q.s), txn.intern(q.p), txn.intern(q.o),
                     q.g.isNone() ? kDefaultGraph : txn.intern(q.g)});
  }
};

}  // namespace bdis::rdf
