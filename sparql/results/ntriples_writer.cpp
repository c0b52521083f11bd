// N-Triples (https://www.w3.org/TR/n-triples/) and N-Quads
// (https://www.w3.org/TR/n-quads/) lines for CONSTRUCT / DESCRIBE results.
#include "sparql/results/escape.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

class NTriplesWriter final : public ResultSink {
 public:
  NTriplesWriter(std::ostream& out, bool quads) : out_(out), quads_(quads) {}

  void begin(QueryForm form, const std::vector<std::string>&) override {
    if (form == QueryForm::Select || form == QueryForm::Ask)
      throwFormMismatch(quads_ ? "N-Quads" : "N-Triples/Turtle", form);
  }
  void row(std::span<const rdf::TermView>) override {
    throwFormMismatch("N-Triples", QueryForm::Select);
  }
  void boolean(bool) override { throwFormMismatch("N-Triples", QueryForm::Ask); }

  void triple(const rdf::QuadView& q) override {
    writeNTriplesTerm(out_, q.s);
    out_ << ' ';
    writeNTriplesTerm(out_, q.p);
    out_ << ' ';
    writeNTriplesTerm(out_, q.o);
    if (quads_ && !q.g.isNone()) {
      out_ << ' ';
      writeNTriplesTerm(out_, q.g);
    }
    out_ << " .\n";
  }

  void end() override { out_.flush(); }

 private:
  std::ostream& out_;
  bool quads_;
};

}  // namespace

std::unique_ptr<ResultSink> makeNTriplesWriter(std::ostream& out, bool quads) {
  return std::make_unique<NTriplesWriter>(out, quads);
}

}  // namespace bdis::sparql::results
