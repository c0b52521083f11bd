// Turtle (https://www.w3.org/TR/turtle/) for CONSTRUCT / DESCRIBE results,
// through rdf::RdfWriter: @prefix lines for the usual vocabularies, `;` and
// `,` for runs of the same subject and predicate, `a`, bare numbers.
#include "rdf/rdf_writer.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

rdf::WriterOptions turtleOptions() {
  rdf::WriterOptions o;
  o.prefixes = {{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
                {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
                {"xsd", "http://www.w3.org/2001/XMLSchema#"},
                {"owl", "http://www.w3.org/2002/07/owl#"},
                {"skos", "http://www.w3.org/2004/02/skos/core#"},
                {"schema", "http://schema.org/"},
                {"ess", "https://w3id.org/bdis/ess#"}};
  return o;
}

class TurtleWriter final : public ResultSink {
 public:
  explicit TurtleWriter(std::ostream& out) : writer_(out, rdf::RdfFormat::Turtle, turtleOptions()) {}

  void begin(QueryForm form, const std::vector<std::string>&) override {
    if (form == QueryForm::Select || form == QueryForm::Ask) throwFormMismatch("Turtle", form);
  }
  void row(std::span<const rdf::TermView>) override { throwFormMismatch("Turtle", QueryForm::Select); }
  void boolean(bool) override { throwFormMismatch("Turtle", QueryForm::Ask); }
  void triple(const rdf::QuadView& q) override { writer_.write(rdf::QuadView{q.s, q.p, q.o, {}}); }
  void end() override { writer_.finish(); }

 private:
  rdf::RdfWriter writer_;
};

}  // namespace

std::unique_ptr<ResultSink> makeTurtleWriter(std::ostream& out) {
  return std::make_unique<TurtleWriter>(out);
}

}  // namespace bdis::sparql::results
