// SPARQL Query Results XML Format: https://www.w3.org/TR/rdf-sparql-XMLres/
#include "sparql/results/escape.h"
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

class XmlWriter final : public ResultSink {
 public:
  explicit XmlWriter(std::ostream& out) : out_(out) {}

  void begin(QueryForm form, const std::vector<std::string>& vars) override {
    if (form == QueryForm::Construct || form == QueryForm::Describe)
      throwFormMismatch("XML results", form);
    ask_ = form == QueryForm::Ask;
    vars_ = vars;
    out_ << "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n";
    for (const auto& v : vars) {
      out_ << "    <variable name=\"";
      writeXmlText(out_, v);
      out_ << "\"/>\n";
    }
    out_ << "  </head>\n";
    if (!ask_) out_ << "  <results>\n";
  }

  void row(std::span<const rdf::TermView> values) override {
    out_ << "    <result>\n";
    for (size_t i = 0; i < values.size() && i < vars_.size(); ++i) {
      const rdf::TermView& t = values[i];
      if (t.isNone()) continue;
      out_ << "      <binding name=\"";
      writeXmlText(out_, vars_[i]);
      out_ << "\">";
      if (t.isIri()) {
        out_ << "<uri>";
        writeXmlText(out_, t.value);
        out_ << "</uri>";
      } else if (t.isBlank()) {
        out_ << "<bnode>";
        writeXmlText(out_, t.value);
        out_ << "</bnode>";
      } else {
        out_ << "<literal";
        if (!t.lang.empty()) {
          out_ << " xml:lang=\"";
          writeXmlText(out_, t.lang);
          out_ << '"';
        } else if (!t.datatype.empty() && t.datatype != rdf::kXsdString) {
          out_ << " datatype=\"";
          writeXmlText(out_, t.datatype);
          out_ << '"';
        }
        out_ << '>';
        writeXmlText(out_, t.value);
        out_ << "</literal>";
      }
      out_ << "</binding>\n";
    }
    out_ << "    </result>\n";
  }

  void boolean(bool value) override {
    out_ << "  <boolean>" << (value ? "true" : "false") << "</boolean>\n";
  }
  void triple(const rdf::QuadView&) override { throwFormMismatch("XML results", QueryForm::Construct); }

  void end() override {
    if (!ask_) out_ << "  </results>\n";
    out_ << "</sparql>\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::vector<std::string> vars_;
  bool ask_ = false;
};

}  // namespace

std::unique_ptr<ResultSink> makeXmlWriter(std::ostream& out) {
  return std::make_unique<XmlWriter>(out);
}

}  // namespace bdis::sparql::results
