// Service (SPARQL 1.1 Federated Query): remote endpoints are not queried.
// SERVICE fails with ExecutionError("SERVICE is not supported"); SERVICE SILENT
// yields one solution (the seed), as the specification asks of a failing SILENT service.
#include "rdf/error.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class ServiceOp final : public Operator {
 public:
  ServiceOp(ExecContext& ctx, bool silent, std::string endpoint)
      : Operator(ctx, "Service"), silent_(silent) {
    detail = endpoint + (silent ? " silent" : "");
  }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    if (!silent_) throw ExecutionError("SERVICE is not supported");
    row_.assign(ctx_.vars().width(), rdf::kAny);
    if (seed) row_.assign(seed, seed + row_.size());
    done_ = false;
  }
  bool doNext(Batch& out) override {
    if (done_) return false;
    done_ = true;
    out.append(row_.data());
    return true;
  }

 private:
  bool silent_;
  std::vector<rdf::TermId> row_;
  bool done_ = true;
};

}  // namespace

OperatorPtr makeService(ExecContext& ctx, bool silent, std::string endpoint) {
  return std::make_unique<ServiceOp>(ctx, silent, std::move(endpoint));
}

}  // namespace bdis::sparql::exec
