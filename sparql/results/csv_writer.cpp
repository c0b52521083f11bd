// SPARQL 1.1 Query Results CSV Format: https://www.w3.org/TR/sparql11-results-csv-tsv/#csv
// Values lose their type: IRIs and literals as their text, blank nodes as _:label.
// Lines end with CRLF; a field holding a quote, comma, CR or LF is quoted.
// ASK (undefined by the specification) writes the header `_askResult` and true/false.
#include "sparql/results/writer_base.h"

namespace bdis::sparql::results {
namespace {

void writeField(std::ostream& out, std::string_view s) {
  bool quote = s.find_first_of("\",\r\n") != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

class CsvWriter final : public ResultSink {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  void begin(QueryForm form, const std::vector<std::string>& vars) override {
    if (form == QueryForm::Construct || form == QueryForm::Describe) throwFormMismatch("CSV", form);
    if (form == QueryForm::Ask) {
      out_ << "_askResult\r\n";
      return;
    }
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i) out_ << ',';
      writeField(out_, vars[i]);
    }
    out_ << "\r\n";
  }

  void row(std::span<const rdf::TermView> values) override {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out_ << ',';
      const rdf::TermView& t = values[i];
      if (t.isBlank()) {
        out_ << "_:" << t.value;
      } else if (!t.isNone()) {
        writeField(out_, t.value);
      }
    }
    out_ << "\r\n";
  }

  void boolean(bool value) override { out_ << (value ? "true" : "false") << "\r\n"; }
  void triple(const rdf::QuadView&) override { throwFormMismatch("CSV", QueryForm::Construct); }
  void end() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ResultSink> makeCsvWriter(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace bdis::sparql::results
