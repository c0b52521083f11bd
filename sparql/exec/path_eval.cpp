#include "sparql/exec/path_eval.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "rdf/store.h"
#include "sparql/exec/graph_spec.h"

namespace bdis::sparql::exec {

void PathEvaluator::link(rdf::TermId s, rdf::TermId p, rdf::TermId o, PathPairs& out) {
  if (isLocal(s) || isLocal(p) || isLocal(o)) return;
  rdf::QuadIds buf[256];
  if (graphs_.size() == 1) {
    auto c = ctx_.txn().scan(rdf::QuadPattern{s, p, o, graphs_[0]});
    while (size_t n = c.nextBatch(buf))
      for (size_t i = 0; i < n; ++i) out.emplace_back(buf[i].s, buf[i].o);
    return;
  }
  const rdf::QuadPattern triple{s, p, o, rdf::kAny};
  if (graphs_ == ctx_.dataset().defaultGraphs) {
    if (auto order = allGraphsOrder(ctx_, triple)) {
      // The merge of every graph: a triple's copies come side by side.
      auto c = ctx_.txn().scan(triple, *order);
      rdf::QuadIds last{};
      bool any = false;
      while (size_t n = c.nextBatch(buf))
        for (size_t i = 0; i < n; ++i) {
          const rdf::QuadIds& q = buf[i];
          if (any && q.s == last.s && q.p == last.p && q.o == last.o) continue;
          last = q;
          any = true;
          out.emplace_back(q.s, q.o);
        }
      return;
    }
  }
  std::set<std::tuple<uint64_t, uint64_t, uint64_t>> seen;
  for (rdf::TermId g : graphs_) {
    auto c = ctx_.txn().scan(rdf::QuadPattern{s, p, o, g});
    while (size_t n = c.nextBatch(buf))
      for (size_t i = 0; i < n; ++i)
        if (seen.emplace(buf[i].s.raw, buf[i].p.raw, buf[i].o.raw).second)
          out.emplace_back(buf[i].s, buf[i].o);
  }
}

const std::vector<rdf::TermId>& PathEvaluator::nodes() {
  if (nodesDone_) return nodes_;
  nodesDone_ = true;
  rdf::QuadIds buf[256];
  for (rdf::TermId g : graphs_) {
    auto c = ctx_.txn().scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, g});
    while (size_t n = c.nextBatch(buf)) {
      ctx_.checkLimits();
      for (size_t i = 0; i < n; ++i) {
        nodes_.push_back(buf[i].s);
        nodes_.push_back(buf[i].o);
      }
    }
  }
  std::sort(nodes_.begin(), nodes_.end());
  nodes_.erase(std::unique(nodes_.begin(), nodes_.end()), nodes_.end());
  accounted_ += nodes_.size() * sizeof(rdf::TermId);
  ctx_.reserve(nodes_.size() * sizeof(rdf::TermId));
  return nodes_;
}

bool PathEvaluator::isNode(rdf::TermId t) {
  if (isLocal(t)) return false;
  for (rdf::TermId g : graphs_) {
    if (ctx_.txn().count(rdf::QuadPattern{t, rdf::kAny, rdf::kAny, g}) > 0) return true;
    if (ctx_.txn().count(rdf::QuadPattern{rdf::kAny, rdf::kAny, t, g}) > 0) return true;
  }
  return false;
}

void PathEvaluator::negated(const Path& path, rdf::TermId s, rdf::TermId o, PathPairs& out) {
  auto excluded = [&](const std::vector<rdf::Term>& iris, rdf::TermId p) {
    for (const auto& t : iris) {
      auto id = ctx_.storeId(t);
      if (id && *id == p) return true;
    }
    return false;
  };
  if (isLocal(s) || isLocal(o)) return;
  rdf::QuadIds buf[256];
  bool forward = !path.forward.empty() || path.inverse.empty();
  std::set<std::tuple<uint64_t, uint64_t, uint64_t>> seen;
  auto scanSet = [&](rdf::TermId a, rdf::TermId b, const std::vector<rdf::Term>& ex, bool inv) {
    for (rdf::TermId g : graphs_) {
      auto c = ctx_.txn().scan(rdf::QuadPattern{a, rdf::kAny, b, g});
      while (size_t n = c.nextBatch(buf))
        for (size_t i = 0; i < n; ++i) {
          if (excluded(ex, buf[i].p)) continue;
          if (graphs_.size() > 1 && !seen.emplace(buf[i].s.raw, buf[i].p.raw, buf[i].o.raw).second)
            continue;
          if (inv) {
            out.emplace_back(buf[i].o, buf[i].s);
          } else {
            out.emplace_back(buf[i].s, buf[i].o);
          }
        }
    }
  };
  if (forward) scanSet(s, o, path.forward, false);
  seen.clear();
  if (!path.inverse.empty()) scanSet(o, s, path.inverse, true);
}

void PathEvaluator::reach(const Path& step, rdf::TermId start, bool forward, bool zero, bool many,
                          std::vector<rdf::TermId>& out) {
  std::unordered_set<rdf::TermId> visited;
  std::vector<rdf::TermId> frontier{start};
  if (zero) {
    visited.insert(start);
    bool anchored =
        std::find(constants_.begin(), constants_.end(), start) != constants_.end();
    if (anchored || isNode(start)) out.push_back(start);
  }
  PathPairs pairs;
  bool first = true;
  uint64_t reserved = 0;
  while (!frontier.empty() && (many || first)) {
    ctx_.checkLimits();
    std::vector<rdf::TermId> next;
    for (rdf::TermId n : frontier) {
      pairs.clear();
      if (forward) {
        eval(step, n, rdf::kAny, pairs);
      } else {
        eval(step, rdf::kAny, n, pairs);
      }
      for (const auto& [a, b] : pairs) {
        rdf::TermId m = forward ? b : a;
        if (visited.insert(m).second) {
          out.push_back(m);
          next.push_back(m);
        }
      }
    }
    ctx_.reserve(next.size() * 16);
    reserved += next.size() * 16;
    frontier = std::move(next);
    first = false;
  }
  ctx_.release(reserved);
}

void PathEvaluator::closure(const Path& path, rdf::TermId s, rdf::TermId o, bool zero, bool many,
                           PathPairs& out) {
  const Path& step = path.args.at(0);
  std::vector<rdf::TermId> reached;
  if (!s.isAny()) {
    reach(step, s, true, zero, many, reached);
    for (rdf::TermId y : reached)
      if (o.isAny() || y == o) out.emplace_back(s, y);
    return;
  }
  if (!o.isAny()) {
    reach(step, o, false, zero, many, reached);
    for (rdf::TermId x : reached) out.emplace_back(x, o);
    return;
  }
  // Both ends free: start from every node (for `+` and `?` without zero, from
  // every node that has an outgoing step).
  std::vector<rdf::TermId> starts;
  if (zero) {
    starts = nodes();
  } else {
    PathPairs firstStep;
    eval(step, rdf::kAny, rdf::kAny, firstStep);
    for (const auto& pr : firstStep) starts.push_back(pr.first);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  }
  for (rdf::TermId x : starts) {
    reached.clear();
    reach(step, x, true, zero, many, reached);
    for (rdf::TermId y : reached) out.emplace_back(x, y);
  }
}

void PathEvaluator::eval(const Path& path, rdf::TermId s, rdf::TermId o, PathPairs& out) {
  switch (path.kind) {
    case Path::Kind::Link: {
      auto p = ctx_.storeId(path.iri);
      if (p) link(s, *p, o, out);
      return;
    }
    case Path::Kind::Inverse: {
      PathPairs tmp;
      eval(path.args.at(0), o, s, tmp);
      for (const auto& [a, b] : tmp) out.emplace_back(b, a);
      return;
    }
    case Path::Kind::Alternative:
      for (const Path& a : path.args) eval(a, s, o, out);
      return;
    case Path::Kind::Sequence: {
      // Evaluate from the bound end; counting semantics (every route counts).
      PathPairs cur;
      size_t n = path.args.size();
      bool backward = s.isAny() && !o.isAny();
      if (!backward) {
        eval(path.args[0], s, n == 1 ? o : rdf::kAny, cur);
        for (size_t i = 1; i < n; ++i) {
          PathPairs next;
          rdf::TermId end = i + 1 == n ? o : rdf::kAny;
          PathPairs step;
          for (const auto& [a, m] : cur) {
            step.clear();
            eval(path.args[i], m, end, step);
            for (const auto& pr : step) next.emplace_back(a, pr.second);
          }
          ctx_.checkLimits();
          cur = std::move(next);
        }
      } else {
        eval(path.args[n - 1], rdf::kAny, o, cur);
        for (size_t i = n - 1; i-- > 0;) {
          PathPairs next;
          PathPairs step;
          for (const auto& [m, b] : cur) {
            step.clear();
            eval(path.args[i], i == 0 ? s : rdf::kAny, m, step);
            for (const auto& pr : step) next.emplace_back(pr.first, b);
          }
          ctx_.checkLimits();
          cur = std::move(next);
        }
      }
      out.insert(out.end(), cur.begin(), cur.end());
      return;
    }
    case Path::Kind::ZeroOrMore: closure(path, s, o, true, true, out); return;
    case Path::Kind::OneOrMore: closure(path, s, o, false, true, out); return;
    case Path::Kind::ZeroOrOne: closure(path, s, o, true, false, out); return;
    case Path::Kind::NegatedSet: negated(path, s, o, out); return;
  }
}

}  // namespace bdis::sparql::exec
