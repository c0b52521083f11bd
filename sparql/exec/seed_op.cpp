// Seed: the leaf of a chain of index joins; yields the seed row once.
#include <vector>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class SeedOp final : public Operator {
 public:
  explicit SeedOp(ExecContext& ctx) : Operator(ctx, "Seed"), row_(ctx.vars().width()) {
    estimatedRows = 1;
  }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    if (seed) {
      row_.assign(seed, seed + row_.size());
    } else {
      row_.assign(row_.size(), rdf::kAny);
    }
    done_ = false;
  }
  bool doNext(Batch& out) override {
    if (done_) return false;
    done_ = true;
    out.append(row_.data());
    return true;
  }

 private:
  std::vector<rdf::TermId> row_;
  bool done_ = true;
};

}  // namespace

OperatorPtr makeSeed(ExecContext& ctx) { return std::make_unique<SeedOp>(ctx); }

}  // namespace bdis::sparql::exec
