// SPARQL 1.1 Query Results TSV Format: https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv
// Header `?var` names; values in Turtle/N-Triples form (tabs and newlines inside
// literals escaped), numbers and booleans in Turtle's short form; lines end with LF.
// ASK (undefined by the specification) writes the header `?_askResult` and true/false.
#include "sparql/results/escape.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

class TsvWriter final : public ResultSink {
 public:
  explicit TsvWriter(std::ostream& out) : out_(out) {}

  void begin(QueryForm form, const std::vector<std::string>& vars) override {
    if (form == QueryForm::Construct || form == QueryForm::Describe) throwFormMismatch("TSV", form);
    if (form == QueryForm::Ask) {
      out_ << "?_askResult\n";
      return;
    }
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) out_ << '\t';
      out_ << '?' << vars[i];
    }
    out_ << '\n';
  }

  void row(std::span<const rdf::TermView> values) override {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out_ << '\t';
      const rdf::TermView& t = values[i];
      if (isTurtleShortNumber(t)) {
        out_ << t.value;
      } else {
        writeNTriplesTerm(out_, t);
      }
    }
    out_ << '\n';
  }

  void boolean(bool value) override { out_ << (value ? "true" : "false") << '\n'; }
  void triple(const rdf::QuadView&) override { throwFormMismatch("TSV", QueryForm::Construct); }
  void end() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ResultSink> makeTsvWriter(std::ostream& out) {
  return std::make_unique<TsvWriter>(out);
}

}  // namespace bdis::sparql::results
