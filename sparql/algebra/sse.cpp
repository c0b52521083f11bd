// SSE printing of algebra trees, expressions and paths.

#include "sparql/algebra/sse.h"

#include <cctype>

#include "sparql/algebra/all.h"

namespace bdis::sparql::algebra {
namespace {

std::string term(const rdf::Term& t) {
  if (t.isLiteral() && t.lang.empty()) {
    static const std::string xsd(rdf::kXsd);
    if (t.datatype == xsd + "integer" || t.datatype == xsd + "decimal" ||
        t.datatype == xsd + "double" ||
        (t.datatype == xsd + "boolean" && (t.value == "true" || t.value == "false"))) {
      return t.value;
    }
  }
  if (t.isBlank()) {
    return "_:" + t.value;
  }
  if (t.isNone()) {
    return "UNDEF";
  }
  return rdf::toNTriples(t);
}

std::string node(const VarOrTerm& v) {
  if (v.isVar()) {
    return "?" + v.var;
  }
  return term(v.term);
}

std::string lower(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

std::string exprs(const std::vector<Expr>& list) {
  if (list.size() == 1) {
    return toSse(list[0]);
  }
  std::string out = "(exprlist";
  for (const auto& e : list) {
    out += " " + toSse(e);
  }
  return out + ")";
}

class Printer {
 public:
  std::string out;
  void print(const Op& op, int depth);

 private:
  void open(int depth, const std::string& head) {
    if (!out.empty()) {
      out += "\n";
    }
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + "(" + head;
  }
};

void Printer::print(const Op& op, int depth) {
  switch (op.kind) {
    case OpKind::Bgp: {
      open(depth, "bgp");
      for (const auto& t : as<Bgp>(op).triples) {
        out += " (triple " + node(t.s) + " " + node(t.p) + " " + node(t.o) + ")";
      }
      out += ")";
      return;
    }
    case OpKind::Path: {
      const auto& p = as<PathOp>(op);
      open(depth, "path " + node(p.s) + " " + toSse(p.path) + " " + node(p.o) + ")");
      return;
    }
    case OpKind::Table: {
      const auto& t = as<Table>(op);
      if (Table::isUnit(t)) {
        open(depth, "table unit)");
        return;
      }
      std::string head = "table (vars";
      for (const auto& v : t.vars) {
        head += " ?" + v;
      }
      head += ")";
      for (const auto& row : t.rows) {
        head += " (row";
        for (size_t i = 0; i < row.size() && i < t.vars.size(); ++i) {
          if (!row[i].isNone()) {
            head += " [?" + t.vars[i] + " " + term(row[i]) + "]";
          }
        }
        head += ")";
      }
      open(depth, head + ")");
      return;
    }
    case OpKind::Join:
    case OpKind::Union:
    case OpKind::Minus: {
      const Op* l;
      const Op* r;
      if (op.kind == OpKind::Join) {
        l = as<Join>(op).left.get(), r = as<Join>(op).right.get();
        open(depth, "join");
      } else if (op.kind == OpKind::Union) {
        l = as<Union>(op).left.get(), r = as<Union>(op).right.get();
        open(depth, "union");
      } else {
        l = as<Minus>(op).left.get(), r = as<Minus>(op).right.get();
        open(depth, "minus");
      }
      print(*l, depth + 1);
      print(*r, depth + 1);
      out += ")";
      return;
    }
    case OpKind::LeftJoin: {
      const auto& lj = as<LeftJoin>(op);
      open(depth, "leftjoin");
      print(*lj.left, depth + 1);
      print(*lj.right, depth + 1);
      if (!lj.exprs.empty()) {
        out += "\n" + std::string(static_cast<size_t>(depth + 1) * 2, ' ') + exprs(lj.exprs);
      }
      out += ")";
      return;
    }
    case OpKind::Filter: {
      const auto& f = as<Filter>(op);
      open(depth, "filter " + exprs(f.exprs));
      print(*f.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Graph: {
      const auto& g = as<Graph>(op);
      open(depth, "graph " + node(g.name));
      print(*g.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Service: {
      const auto& s = as<Service>(op);
      open(depth, std::string("service ") + (s.silent ? "silent " : "") + node(s.name));
      print(*s.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Extend: {
      const auto& e = as<Extend>(op);
      open(depth, "extend ((?" + e.var + " " + toSse(e.expr) + "))");
      print(*e.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Group: {
      const auto& g = as<Group>(op);
      std::string head = "group (";
      for (size_t i = 0; i < g.keys.size(); ++i) {
        const auto& k = g.keys[i];
        if (i) {
          head += " ";
        }
        if (k.expr.kind == Expr::Kind::Var && k.expr.name == k.var) {
          head += "?" + k.var;
        } else if (k.var.empty()) {
          head += toSse(k.expr);
        } else {
          head += "(?" + k.var + " " + toSse(k.expr) + ")";
        }
      }
      head += ") (";
      for (size_t i = 0; i < g.aggregates.size(); ++i) {
        if (i) {
          head += " ";
        }
        head += "(?" + g.aggregates[i].var + " " + toSse(g.aggregates[i].aggregate) + ")";
      }
      open(depth, head + ")");
      print(*g.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Project: {
      const auto& p = as<Project>(op);
      std::string head = "project (";
      for (size_t i = 0; i < p.vars.size(); ++i) {
        head += (i ? " ?" : "?") + p.vars[i];
      }
      open(depth, head + ")");
      print(*p.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Distinct:
      open(depth, "distinct");
      print(*as<Distinct>(op).input, depth + 1);
      out += ")";
      return;
    case OpKind::Reduced:
      open(depth, "reduced");
      print(*as<Reduced>(op).input, depth + 1);
      out += ")";
      return;
    case OpKind::OrderBy: {
      const auto& o = as<OrderBy>(op);
      std::string head = "order (";
      for (size_t i = 0; i < o.keys.size(); ++i) {
        if (i) {
          head += " ";
        }
        head +=
            o.keys[i].descending ? "(desc " + toSse(o.keys[i].expr) + ")" : toSse(o.keys[i].expr);
      }
      open(depth, head + ")");
      print(*o.input, depth + 1);
      out += ")";
      return;
    }
    case OpKind::Slice: {
      const auto& s = as<Slice>(op);
      open(depth, "slice " + (s.start ? std::to_string(*s.start) : std::string("_")) + " " +
                      (s.length ? std::to_string(*s.length) : std::string("_")));
      print(*s.input, depth + 1);
      out += ")";
      return;
    }
  }
}

}  // namespace

std::string toSse(const Op& op) {
  Printer p;
  p.print(op, 0);
  return p.out;
}

std::string toSse(const Expr& e) {
  using K = Expr::Kind;
  switch (e.kind) {
    case K::Var:
      return "?" + e.name;
    case K::Constant:
      return term(e.term);
    case K::Exists:
    case K::NotExists: {
      std::string inner = e.op ? squashSse(toSse(*e.op)) : std::string("(pattern)");
      return std::string(e.kind == K::Exists ? "(exists " : "(notexists ") + inner + ")";
    }
    default:
      break;
  }
  std::string head;
  switch (e.kind) {
    case K::Builtin:
      head = lower(e.name);
      break;
    case K::Function:
      head = "<" + e.name + ">";
      break;
    case K::Aggregate:
      head = lower(e.name);
      break;
    case K::Not:
      head = "!";
      break;
    default:
      head = e.name;
      break;
  }
  std::string out = "(" + head;
  if (e.distinct) {
    out += " distinct";
  }
  if (e.kind == K::Aggregate && e.hasSeparator) {
    out += " (separator " + rdf::toNTriples(rdf::Term::literal(e.separator)) + ")";
  }
  for (const auto& a : e.args) {
    out += " " + toSse(a);
  }
  return out + ")";
}

std::string toSse(const Path& p) {
  using K = Path::Kind;
  auto list = [&](const char* head) {
    std::string out = std::string("(") + head;
    for (const auto& a : p.args) {
      out += " " + toSse(a);
    }
    return out + ")";
  };
  switch (p.kind) {
    case K::Link:
      return term(p.iri);
    case K::Inverse:
      return list("reverse");
    case K::Sequence:
      return list("seq");
    case K::Alternative:
      return list("alt");
    case K::ZeroOrMore:
      return list("path*");
    case K::OneOrMore:
      return list("path+");
    case K::ZeroOrOne:
      return list("path?");
    case K::NegatedSet: {
      std::string out = "(notoneof";
      for (const auto& i : p.forward) {
        out += " " + term(i);
      }
      for (const auto& i : p.inverse) {
        out += " (reverse " + term(i) + ")";
      }
      return out + ")";
    }
  }
  return {};
}

std::string squashSse(const std::string& sse) {
  std::string out;
  bool space = false;
  for (char c : sse) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
    space = false;
    out += c;
  }
  return out;
}

}  // namespace bdis::sparql::algebra
