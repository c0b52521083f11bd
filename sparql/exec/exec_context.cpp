#include "sparql/exec/exec_context.h"

#include <algorithm>

#include "rdf/error.h"
#include "sparql/exec/batch.h"
#include "sparql/exec/id_row.h"
#include "sparql/exec/operator.h"

namespace bdis::sparql::exec {

VarTable::VarTable() { names_.push_back("?.row"); }

int VarTable::add(const std::string& name) {
  auto it = slots_.find(name);
  if (it != slots_.end()) return it->second;
  int slot = static_cast<int>(names_.size());
  names_.push_back(name);
  slots_.emplace(name, slot);
  return slot;
}

int VarTable::find(std::string_view name) const {
  auto it = slots_.find(name);
  return it == slots_.end() ? -1 : it->second;
}

bool DatasetIds::isNamed(rdf::TermId g) const {
  return std::binary_search(namedGraphs.begin(), namedGraphs.end(), g);
}

ExecContext::ExecContext(const rdf::ReadTxn& txn, const QueryLimits& limits)
    : txn_(txn), limits_(limits) {
  if (limits.timeout.count() > 0) {
    hasDeadline_ = true;
    deadline_ = std::chrono::steady_clock::now() + limits.timeout;
  }
  eval_.now = std::chrono::system_clock::now();
  eval_.exists = [this](const algebra::Op& op, const expr::Row& row) {
    const auto* idRow = dynamic_cast<const IdRowAccess*>(&row);
    BDIS_ASSERT(idRow != nullptr);
    return exists(op, idRow->ids());
  };
}

ExecContext::~ExecContext() = default;

namespace {
std::string localKey(const rdf::Term& t) {
  std::string k;
  k += static_cast<char>(t.kind);
  k += t.value;
  k += '\0';
  k += t.datatype;
  k += '\0';
  k += t.lang;
  return k;
}
}  // namespace

std::optional<rdf::TermId> ExecContext::storeId(const rdf::Term& term) const {
  if (term.isNone()) return std::nullopt;
  return txn_.lookup(term.view());
}

rdf::TermId ExecContext::toId(const rdf::Term& term) {
  if (term.isNone()) return rdf::kAny;
  if (auto id = txn_.lookup(term.view())) return *id;
  std::string key = localKey(term);
  auto it = localIds_.find(key);
  if (it != localIds_.end()) return it->second;
  rdf::TermId id = rdf::TermId::make(kLocalTag, localTerms_.size());
  localTerms_.push_back(term);
  localIds_.emplace(std::move(key), id);
  reserve(2 * term.value.size() + 96);
  return id;
}

rdf::Term ExecContext::decode(rdf::TermId id) const {
  if (id.isAny()) return rdf::Term();
  if (isLocal(id)) return localTerms_.at(id.payload());
  return txn_.decode(id);
}

rdf::TermView ExecContext::decodeView(rdf::TermId id, std::string& scratch) const {
  if (id.isAny()) return rdf::TermView();
  if (isLocal(id)) return localTerms_.at(id.payload()).view();
  return txn_.decodeView(id, scratch);
}

void ExecContext::checkLimits() const {
  if (limits_.cancel && limits_.cancel->load(std::memory_order_relaxed))
    throw ExecutionError("query cancelled");
  if (hasDeadline_ && std::chrono::steady_clock::now() > deadline_)
    throw ExecutionError("query timed out after " + std::to_string(limits_.timeout.count()) +
                         " ms");
}

void ExecContext::reserve(uint64_t bytes) {
  const uint64_t used = memoryUsed_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (limits_.memoryBytes != 0 && used > limits_.memoryBytes)
    throw ExecutionError("query exceeded its memory budget of " +
                         std::to_string(limits_.memoryBytes / (1024 * 1024)) + " MB");
  // Large materialisations also poll the deadline now and then.
  if (tick_.fetch_add(1, std::memory_order_relaxed) % 4096 == 4095) checkLimits();
}

void ExecContext::release(uint64_t bytes) {
  uint64_t used = memoryUsed_.load(std::memory_order_relaxed);
  while (!memoryUsed_.compare_exchange_weak(used, used - std::min(bytes, used),
                                            std::memory_order_relaxed)) {
  }
}

bool ExecContext::exists(const algebra::Op& op, const rdf::TermId* row) {
  auto it = existsPlans_.find(&op);
  if (it == existsPlans_.end()) {
    BDIS_ASSERT(buildExists != nullptr);
    it = existsPlans_.emplace(&op, buildExists(op)).first;
    existsOrder_.emplace_back(&op, it->second.get());
  }
  Operator& plan = *it->second;
  plan.open(row);
  Batch b(vars_.width());
  bool found = plan.next(b);
  plan.close();
  return found;
}

}  // namespace bdis::sparql::exec
