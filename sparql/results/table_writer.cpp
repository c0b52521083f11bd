// A human-readable table for terminals: `?var` headers, values in N-Triples
// form (numbers and booleans bare), columns sized on the widest value, a row
// count at the end. Rows are buffered until end(). ASK prints `true` or
// `false`; graph results print as N-Triples lines.
#include <sstream>
#include <string>
#include <vector>

#include "sparql/results/escape.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

/// Display width: UTF-8 code points (continuation bytes do not count).
size_t width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

class TableWriter final : public ResultSink {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}

  void begin(QueryForm form, const std::vector<std::string>& vars) override {
    form_ = form;
    for (const auto& v : vars) header_.push_back("?" + v);
  }

  void row(std::span<const rdf::TermView> values) override {
    std::vector<std::string> cells;
    cells.reserve(values.size());
    for (const auto& t : values) {
      if (isTurtleShortNumber(t)) {
        cells.emplace_back(t.value);
      } else {
        std::ostringstream s;
        writeNTriplesTerm(s, t);
        cells.push_back(s.str());
      }
    }
    rows_.push_back(std::move(cells));
  }

  void boolean(bool value) override { out_ << (value ? "true" : "false") << '\n'; }

  void triple(const rdf::QuadView& q) override {
    writeNTriplesTerm(out_, q.s);
    out_ << ' ';
    writeNTriplesTerm(out_, q.p);
    out_ << ' ';
    writeNTriplesTerm(out_, q.o);
    out_ << " .\n";
  }

  void end() override {
    if (form_ == QueryForm::Select) writeTable();
    out_.flush();
  }

 private:
  void rule(const std::vector<size_t>& w) {
    out_ << '+';
    for (size_t x : w) out_ << std::string(x + 2, '-') << '+';
    out_ << '\n';
  }
  void line(const std::vector<std::string>& cells, const std::vector<size_t>& w) {
    out_ << '|';
    for (size_t i = 0; i < w.size(); ++i) {
      std::string_view c = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
      out_ << ' ' << c << std::string(w[i] - width(c) + 1, ' ') << '|';
    }
    out_ << '\n';
  }
  void writeTable() {
    std::vector<size_t> w;
    for (const auto& h : header_) w.push_back(width(h));
    for (const auto& r : rows_)
      for (size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], width(r[i]));
    if (!w.empty()) {
      rule(w);
      line(header_, w);
      rule(w);
      for (const auto& r : rows_) line(r, w);
      rule(w);
    }
    out_ << rows_.size() << (rows_.size() == 1 ? " row\n" : " rows\n");
  }

  std::ostream& out_;
  QueryForm form_ = QueryForm::Select;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::unique_ptr<ResultSink> makeTableWriter(std::ostream& out) {
  return std::make_unique<TableWriter>(out);
}

}  // namespace bdis::sparql::results
