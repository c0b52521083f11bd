#include "sparql/planner/subject_star.h"

#include <algorithm>
#include <map>

namespace bdis::sparql::planner {

namespace {

/// A range up to this many times the star's smallest is merged; larger ones are
/// probed per row afterwards (as for the two-constant MergeJoin).
constexpr double kMergeRatio = 32;
/// The star is used only when no other pattern's range is this much smaller.
constexpr double kOutsideRatio = 4;

bool starShaped(const exec::IdPattern& p) {
  return !p.impossible && p.s.isVar() && !p.p.isVar() && (!p.o.isVar() || p.o.slot != p.s.slot);
}

}  // namespace

SubjectStar findSubjectStar(exec::ExecContext& ctx, const std::vector<exec::IdPattern>& pats,
                            rdf::TermId countGraph) {
  SubjectStar none;
  if (exec::isLocal(countGraph)) return none;
  std::vector<double> counts(pats.size());
  for (size_t i = 0; i < pats.size(); ++i) {
    const auto& p = pats[i];
    auto val = [](const exec::PatternPos& x) { return x.isVar() ? rdf::kAny : x.id; };
    counts[i] = p.impossible ? 0
                             : static_cast<double>(ctx.txn().count(
                                   rdf::QuadPattern{val(p.s), val(p.p), val(p.o), countGraph}));
  }
  std::map<int, std::vector<size_t>> bySubject;
  for (size_t i = 0; i < pats.size(); ++i)
    if (starShaped(pats[i])) bySubject[pats[i].s.slot].push_back(i);
  SubjectStar best;
  for (const auto& [slot, idx] : bySubject) {
    double smallest = counts[idx[0]];
    for (size_t i : idx) smallest = std::min(smallest, counts[i]);
    SubjectStar star;
    star.slot = slot;
    star.estimate = smallest;
    std::vector<int> objectSlots;
    for (size_t i : idx) {
      const auto& o = pats[i].o;
      if (counts[i] > std::max(smallest, 1.0) * kMergeRatio) continue;
      if (o.isVar() && std::find(objectSlots.begin(), objectSlots.end(), o.slot) != objectSlots.end())
        continue;  // (?x p ?y . ?x q ?y): the second is checked by a probe
      if (o.isVar()) objectSlots.push_back(o.slot);
      star.members.push_back(i);
    }
    if (star.members.size() < 2) continue;
    bool cheaperOutside = false;
    for (size_t i = 0; i < pats.size(); ++i)
      if (std::find(star.members.begin(), star.members.end(), i) == star.members.end() &&
          counts[i] * kOutsideRatio < smallest)
        cheaperOutside = true;
    if (cheaperOutside) continue;
    if (best.slot < 0 || star.members.size() > best.members.size() ||
        (star.members.size() == best.members.size() && star.estimate < best.estimate))
      best = std::move(star);
  }
  return best.slot < 0 ? none : best;
}

}  // namespace bdis::sparql::planner
