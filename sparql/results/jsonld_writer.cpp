// JSON-LD 1.1 expanded document form (https://www.w3.org/TR/json-ld11/#expanded-document-form),
// streamed: a top-level array with one node object per triple
// (`{"@id": s, p: [object]}`), which a JSON-LD processor merges by @id.
// Triples of a named graph go inside `{"@id": g, "@graph": [...]}`.
#include "sparql/results/escape.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

void writeId(std::ostream& out, const rdf::TermView& t) {
  out << '"';
  if (t.isBlank()) out << "_:";
  writeJsonString(out, t.value);
  out << '"';
}

class JsonLdWriter final : public ResultSink {
 public:
  explicit JsonLdWriter(std::ostream& out) : out_(out) {}

  void begin(QueryForm form, const std::vector<std::string>&) override {
    if (form == QueryForm::Select || form == QueryForm::Ask) throwFormMismatch("JSON-LD", form);
    out_ << '[';
  }
  void row(std::span<const rdf::TermView>) override {
    throwFormMismatch("JSON-LD", QueryForm::Select);
  }
  void boolean(bool) override { throwFormMismatch("JSON-LD", QueryForm::Ask); }

  void triple(const rdf::QuadView& q) override {
    out_ << (first_ ? "\n" : ",\n");
    first_ = false;
    bool graph = !q.g.isNone();
    if (graph) {
      out_ << "{\"@id\":";
      writeId(out_, q.g);
      out_ << ",\"@graph\":[";
    }
    out_ << "{\"@id\":";
    writeId(out_, q.s);
    out_ << ',';
    if (q.p.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && !q.o.isLiteral()) {
      out_ << "\"@type\":[";
      writeId(out_, q.o);
      out_ << "]}";
    } else {
      out_ << '"';
      writeJsonString(out_, q.p.value);
      out_ << "\":[";
      writeObject(q.o);
      out_ << "]}";
    }
    if (graph) out_ << "]}";
  }

  void end() override {
    out_ << "\n]\n";
    out_.flush();
  }

 private:
  void writeObject(const rdf::TermView& o) {
    if (!o.isLiteral()) {
      out_ << "{\"@id\":";
      writeId(out_, o);
      out_ << '}';
      return;
    }
    out_ << "{\"@value\":\"";
    writeJsonString(out_, o.value);
    out_ << '"';
    if (!o.lang.empty()) {
      out_ << ",\"@language\":\"";
      writeJsonString(out_, o.lang);
      out_ << '"';
    } else if (!o.datatype.empty() && o.datatype != rdf::kXsdString) {
      out_ << ",\"@type\":\"";
      writeJsonString(out_, o.datatype);
      out_ << '"';
    }
    out_ << '}';
  }

  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultSink> makeJsonLdWriter(std::ostream& out) {
  return std::make_unique<JsonLdWriter>(out);
}

}  // namespace bdis::sparql::results
