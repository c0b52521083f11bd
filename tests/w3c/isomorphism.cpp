#include "tests/w3c/isomorphism.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <tuple>

namespace bdis::w3c {

namespace {

using Hash = uint64_t;

Hash mix(Hash h, Hash v) {
  // splitmix64 finaliser over the combined value: order-sensitive, well spread.
  Hash x = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

Hash termHash(const rdf::Term& t) {
  const std::hash<std::string> hs;
  Hash h = mix(static_cast<Hash>(t.kind), hs(t.value));
  h = mix(h, hs(t.datatype));
  return mix(h, hs(t.lang));
}

bool quadLess(const rdf::Quad& x, const rdf::Quad& y) {
  return std::tie(x.s, x.p, x.o, x.g) < std::tie(y.s, y.p, y.o, y.g);
}

const rdf::Term& at(const rdf::Quad& q, int i) {
  switch (i) {
    case 0:
      return q.s;
    case 1:
      return q.p;
    case 2:
      return q.o;
    default:
      return q.g;
  }
}

/// The blank-node quads of one side, with blank nodes numbered.
struct Side {
  std::vector<rdf::Quad> quads;
  std::vector<std::array<int, 4>> blank;   // per quad and position: blank index or -1
  std::vector<std::array<Hash, 4>> fixed;  // per quad and position: hash of a non-blank term
  std::vector<std::vector<int>> incident;  // per blank: the quads it occurs in
  std::vector<std::string> labels;

  explicit Side(std::vector<rdf::Quad> qs) : quads(std::move(qs)) {
    std::map<std::string, int> index;
    for (const rdf::Quad& q : quads) {
      std::array<int, 4> b{-1, -1, -1, -1};
      std::array<Hash, 4> f{0, 0, 0, 0};
      for (int i = 0; i < 4; ++i) {
        const rdf::Term& t = at(q, i);
        if (t.isBlank()) {
          auto [it, fresh] = index.emplace(t.value, static_cast<int>(labels.size()));
          if (fresh) {
            labels.push_back(t.value);
            incident.emplace_back();
          }
          b[i] = it->second;
          if (incident[it->second].empty() ||
              incident[it->second].back() != static_cast<int>(blank.size())) {
            incident[it->second].push_back(static_cast<int>(blank.size()));
          }
        } else {
          f[i] = termHash(t);
        }
      }
      blank.push_back(b);
      fixed.push_back(f);
    }
  }

  /// One refinement round: each blank's colour from its colour and the
  /// multiset of its quads seen from it.
  std::vector<Hash> round(const std::vector<Hash>& colors) const {
    std::vector<Hash> out(colors.size());
    std::vector<Hash> parts;
    for (size_t n = 0; n < colors.size(); ++n) {
      parts.clear();
      for (int qi : incident[n]) {
        Hash h = 0x51ed27;
        for (int i = 0; i < 4; ++i) {
          const int b = blank[qi][i];
          if (b == static_cast<int>(n)) {
            h = mix(h, 0x5e1f + static_cast<Hash>(i));
          } else if (b >= 0) {
            h = mix(h, mix(colors[b], 0xb1a2c + static_cast<Hash>(i)));
          } else {
            h = mix(h, mix(fixed[qi][i], static_cast<Hash>(i)));
          }
        }
        parts.push_back(h);
      }
      std::sort(parts.begin(), parts.end());
      Hash h = colors[n];
      for (Hash p : parts) {
        h = mix(h, p);
      }
      out[n] = h;
    }
    return out;
  }
};

size_t distinct(std::vector<Hash> v) {
  std::sort(v.begin(), v.end());
  return static_cast<size_t>(std::unique(v.begin(), v.end()) - v.begin());
}

/// Refines both sides in lockstep until neither partition gets finer.
void refine(const Side& a, const Side& b, std::vector<Hash>& ca, std::vector<Hash>& cb) {
  size_t da = distinct(ca);
  size_t db = distinct(cb);
  for (size_t guard = 0; guard <= ca.size() + 1; ++guard) {
    ca = a.round(ca);
    cb = b.round(cb);
    const size_t na = distinct(ca);
    const size_t nb = distinct(cb);
    if (na == da && nb == db) {
      break;
    }
    da = na;
    db = nb;
  }
}

bool verify(const Side& a, const Side& b, const std::vector<int>& map) {
  std::vector<rdf::Quad> mapped;
  mapped.reserve(a.quads.size());
  for (size_t qi = 0; qi < a.quads.size(); ++qi) {
    rdf::Quad q = a.quads[qi];
    rdf::Term* terms[4] = {&q.s, &q.p, &q.o, &q.g};
    for (int i = 0; i < 4; ++i) {
      if (a.blank[qi][i] >= 0) {
        terms[i]->value = b.labels[map[a.blank[qi][i]]];
      }
    }
    mapped.push_back(std::move(q));
  }
  std::vector<rdf::Quad> target = b.quads;
  std::sort(mapped.begin(), mapped.end(), quadLess);
  std::sort(target.begin(), target.end(), quadLess);
  return mapped == target;
}

bool search(const Side& a, const Side& b, std::vector<Hash> ca, std::vector<Hash> cb) {
  refine(a, b, ca, cb);
  std::vector<Hash> sa = ca;
  std::vector<Hash> sb = cb;
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  if (sa != sb) {
    return false;
  }
  // The smallest colour class with more than one member, if any.
  Hash pick = 0;
  size_t pickSize = 0;
  for (size_t i = 0; i < sa.size();) {
    size_t j = i;
    while (j < sa.size() && sa[j] == sa[i]) {
      ++j;
    }
    if (j - i > 1 && (pickSize == 0 || j - i < pickSize)) {
      pick = sa[i];
      pickSize = j - i;
    }
    i = j;
  }
  if (pickSize == 0) {
    std::map<Hash, int> inB;
    for (size_t i = 0; i < cb.size(); ++i) {
      inB[cb[i]] = static_cast<int>(i);
    }
    std::vector<int> map(ca.size());
    for (size_t i = 0; i < ca.size(); ++i) {
      map[i] = inB.at(ca[i]);
    }
    return verify(a, b, map);
  }
  const size_t a0 = static_cast<size_t>(std::find(ca.begin(), ca.end(), pick) - ca.begin());
  for (size_t bi = 0; bi < cb.size(); ++bi) {
    if (cb[bi] != pick) {
      continue;
    }
    std::vector<Hash> ca2 = ca;
    std::vector<Hash> cb2 = cb;
    ca2[a0] = mix(pick, 0x1d1d1d);
    cb2[bi] = mix(pick, 0x1d1d1d);
    if (search(a, b, std::move(ca2), std::move(cb2))) {
      return true;
    }
  }
  return false;
}

bool hasBlank(const rdf::Quad& q) {
  return q.s.isBlank() || q.p.isBlank() || q.o.isBlank() || q.g.isBlank();
}

std::string line(const rdf::Quad& q) {
  std::string s = rdf::toNTriples(q.s) + " " + rdf::toNTriples(q.p) + " " + rdf::toNTriples(q.o);
  if (!q.g.isNone()) {
    s += " " + rdf::toNTriples(q.g);
  }
  return s + " .\n";
}

void normalise(std::vector<rdf::Quad>& v, bool multiset) {
  std::sort(v.begin(), v.end(), quadLess);
  if (!multiset) {
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
}

}  // namespace

bool isomorphic(const std::vector<rdf::Quad>& a, const std::vector<rdf::Quad>& b, std::string* why,
                bool asMultisets) {
  std::vector<rdf::Quad> ga, gb, na, nb;
  for (const rdf::Quad& q : a) {
    (hasBlank(q) ? na : ga).push_back(q);
  }
  for (const rdf::Quad& q : b) {
    (hasBlank(q) ? nb : gb).push_back(q);
  }
  normalise(ga, asMultisets);
  normalise(gb, asMultisets);
  normalise(na, asMultisets);
  normalise(nb, asMultisets);
  if (ga != gb) {
    if (why) {
      std::vector<rdf::Quad> onlyA, onlyB;
      std::set_difference(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(onlyA),
                          quadLess);
      std::set_difference(gb.begin(), gb.end(), ga.begin(), ga.end(), std::back_inserter(onlyB),
                          quadLess);
      *why = "ground quads only in the first:\n" + toNQuads(onlyA) +
             "ground quads only in the second:\n" + toNQuads(onlyB);
    }
    return false;
  }
  const Side sa(std::move(na));
  const Side sb(std::move(nb));
  bool ok = sa.quads.size() == sb.quads.size() && sa.labels.size() == sb.labels.size();
  if (ok) {
    ok = search(sa, sb, std::vector<Hash>(sa.labels.size(), 1),
                std::vector<Hash>(sb.labels.size(), 1));
  }
  if (!ok && why) {
    *why = "no blank-node bijection; blank-node quads of the first:\n" + toNQuads(sa.quads) +
           "of the second:\n" + toNQuads(sb.quads);
  }
  return ok;
}

std::string toNQuads(const std::vector<rdf::Quad>& quads) {
  std::vector<std::string> lines;
  lines.reserve(quads.size());
  for (const rdf::Quad& q : quads) {
    lines.push_back(line(q));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) {
    out += l;
  }
  return out;
}

}  // namespace bdis::w3c
