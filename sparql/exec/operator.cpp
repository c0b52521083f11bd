#include "sparql/exec/operator.h"

#include <cmath>
#include <sstream>

namespace bdis::sparql::exec {

void Operator::open(const rdf::TermId* seed) {
  ++opens_;
  doOpen(seed);
}

bool Operator::next(Batch& out) {
  ctx_.checkLimits();
  out.clear();
  while (doNext(out)) {
    if (!out.empty()) {
      actualRows_ += out.size();
      return true;
    }
  }
  out.clear();
  return false;
}

void Operator::close() { doClose(); }

namespace {
void explainInto(const Operator& op, int depth, std::ostringstream& out) {
  out << std::string(static_cast<size_t>(depth) * 2, ' ') << op.name();
  if (!op.detail.empty()) out << ' ' << op.detail;
  out << "  [est ";
  if (op.estimatedRows < 0) {
    out << '?';
  } else {
    out << static_cast<uint64_t>(std::llround(op.estimatedRows));
  }
  out << ", actual " << op.actualRows();
  if (op.opens() > 1) out << " over " << op.opens() << " opens";
  out << "]\n";
  for (const Operator* c : op.children()) explainInto(*c, depth + 1, out);
}
}  // namespace

std::string explainPlan(const Operator& root) {
  std::ostringstream out;
  explainInto(root, 0, out);
  return out.str();
}

}  // namespace bdis::sparql::exec
