// SPARQL 1.1 Query Results JSON Format: https://www.w3.org/TR/sparql11-results-json/
#include "sparql/results/escape.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

class JsonWriter final : public ResultSink {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void begin(QueryForm form, const std::vector<std::string>& vars) override {
    if (form == QueryForm::Construct || form == QueryForm::Describe)
      throwFormMismatch("JSON results", form);
    ask_ = form == QueryForm::Ask;
    vars_ = vars;
    out_ << "{\"head\":{";
    if (!ask_) {
      out_ << "\"vars\":[";
      for (size_t i = 0; i < vars.size(); ++i) {
        if (i) out_ << ',';
        out_ << '"';
        writeJsonString(out_, vars[i]);
        out_ << '"';
      }
      out_ << "]},\"results\":{\"bindings\":[";
    } else {
      out_ << "}";
    }
  }

  void row(std::span<const rdf::TermView> values) override {
    out_ << (first_ ? "\n" : ",\n") << '{';
    first_ = false;
    bool firstCell = true;
    for (size_t i = 0; i < values.size() && i < vars_.size(); ++i) {
      const rdf::TermView& t = values[i];
      if (t.isNone()) continue;
      if (!firstCell) out_ << ',';
      firstCell = false;
      out_ << '"';
      writeJsonString(out_, vars_[i]);
      out_ << "\":{\"type\":\"";
      out_ << (t.isIri() ? "uri" : t.isBlank() ? "bnode" : "literal");
      out_ << "\",\"value\":\"";
      writeJsonString(out_, t.value);
      out_ << '"';
      if (t.isLiteral()) {
        if (!t.lang.empty()) {
          out_ << ",\"xml:lang\":\"";
          writeJsonString(out_, t.lang);
          out_ << '"';
        } else if (!t.datatype.empty() && t.datatype != rdf::kXsdString) {
          out_ << ",\"datatype\":\"";
          writeJsonString(out_, t.datatype);
          out_ << '"';
        }
      }
      out_ << '}';
    }
    out_ << '}';
  }

  void boolean(bool value) override { out_ << ",\"boolean\":" << (value ? "true" : "false"); }
  void triple(const rdf::QuadView&) override { throwFormMismatch("JSON results", QueryForm::Construct); }

  void end() override {
    if (!ask_) out_ << "\n]}";
    out_ << "}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::vector<std::string> vars_;
  bool ask_ = false;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultSink> makeJsonWriter(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace bdis::sparql::results
