#include "sparql/exec/graph_results.h"

#include "rdf/store.h"

namespace bdis::sparql::exec {

bool TripleEmitter::emit(const rdf::TermView& s, const rdf::TermView& p, const rdf::TermView& o) {
  if (s.isNone() || p.isNone() || o.isNone()) return false;
  if (s.isLiteral() || !p.isIri()) return false;
  std::string key = rdf::toNTriples(s);
  key += ' ';
  key += rdf::toNTriples(p);
  key += ' ';
  key += rdf::toNTriples(o);
  if (!seen_.insert(key).second) return false;
  uint64_t bytes = key.size() + 64;
  accounted_ += bytes;
  ctx_.reserve(bytes);
  ++count_;
  sink_.triple(rdf::QuadView{s, p, o, {}});
  return true;
}

void instantiateTemplate(ExecContext& ctx, const std::vector<TriplePattern>& tmpl,
                         const rdf::TermId* row, uint64_t solution, bool blanksAreVars,
                         TripleEmitter& out) {
  std::string scratch[3];
  std::string labels[3];
  for (const auto& t : tmpl) {
    rdf::TermView v[3];
    const VarOrTerm* pos[3] = {&t.s, &t.p, &t.o};
    bool ok = true;
    for (int i = 0; i < 3 && ok; ++i) {
      const VarOrTerm& x = *pos[i];
      std::string var;
      if (x.isVar()) {
        var = x.var;
      } else if (x.term.isBlank() && blanksAreVars) {
        var = "?" + x.term.value;
      }
      if (!var.empty()) {
        int slot = ctx.vars().find(var);
        rdf::TermId id = slot < 0 ? rdf::kAny : row[slot];
        if (id.isAny()) {
          ok = false;
          break;
        }
        v[i] = ctx.decodeView(id, scratch[i]);
      } else if (x.term.isBlank()) {
        labels[i] = "t" + std::to_string(solution) + "_" + x.term.value;
        v[i] = rdf::TermView{rdf::TermKind::Blank, labels[i]};
      } else {
        v[i] = x.term.view();
      }
    }
    if (ok) out.emit(v[0], v[1], v[2]);
  }
}

void describeResource(ExecContext& ctx, rdf::TermId resource, TripleEmitter& out,
                      std::unordered_set<rdf::TermId>& visited) {
  if (!visited.insert(resource).second || isLocal(resource)) return;
  std::vector<rdf::TermId> blanks;
  rdf::QuadIds buf[256];
  std::string s1, s2, s3;
  for (rdf::TermId g : ctx.dataset().defaultGraphs) {
    auto c = ctx.txn().scan(rdf::QuadPattern{resource, rdf::kAny, rdf::kAny, g});
    while (size_t n = c.nextBatch(buf)) {
      ctx.checkLimits();
      for (size_t i = 0; i < n; ++i) {
        rdf::TermView s = ctx.decodeView(buf[i].s, s1);
        rdf::TermView p = ctx.decodeView(buf[i].p, s2);
        rdf::TermView o = ctx.decodeView(buf[i].o, s3);
        out.emit(s, p, o);
        if (buf[i].o.isBlank()) blanks.push_back(buf[i].o);
      }
    }
  }
  for (rdf::TermId b : blanks) describeResource(ctx, b, out, visited);
}

}  // namespace bdis::sparql::exec
