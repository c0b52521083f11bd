#include "sparql/ast/scope.h"

#include <algorithm>

namespace bdis::sparql::ast {
namespace {

void add(std::vector<std::string>& out, const std::string& v) {
  if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) {
    out.push_back(v);
  }
}

void add(std::vector<std::string>& out, const VarOrTerm& t) {
  if (t.isVar()) {
    add(out, t.var);
  }
}

}  // namespace

void inScopeVariables(const GroupGraphPattern& g, std::vector<std::string>& out) {
  using K = PatternElement::Kind;
  for (const auto& e : g.elements) {
    switch (e.kind) {
      case K::Triples:
        for (const auto& t : e.triples) {
          add(out, t.s);
          if (!t.path) {
            add(out, t.p);
          }
          add(out, t.o);
        }
        break;
      case K::Graph:
      case K::Service:
        add(out, e.name);
        [[fallthrough]];
      case K::Group:
      case K::Union:
      case K::Optional:
        for (const auto& sub : e.groups) {
          inScopeVariables(sub, out);
        }
        break;
      case K::Bind:
        add(out, e.var);
        break;
      case K::Values:
        for (const auto& v : e.values.vars) {
          add(out, v);
        }
        break;
      case K::SubSelect:
        for (const auto& v : visibleVariables(*e.subquery)) {
          add(out, v);
        }
        break;
      case K::Minus:
      case K::Filter:
        break;
    }
  }
}

std::vector<std::string> visibleVariables(const Query& q) {
  std::vector<std::string> out;
  if (q.select.star || q.form != QueryForm::Select) {
    if (q.where) {
      inScopeVariables(*q.where, out);
    }
    if (q.values) {
      for (const auto& v : q.values->vars) {
        add(out, v);
      }
    }
    return out;
  }
  for (const auto& p : q.select.items) {
    add(out, p.var);
  }
  return out;
}

}  // namespace bdis::sparql::ast
