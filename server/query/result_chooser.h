#pragma once
// A ResultSink that picks the result format once the query form is known (in
// begin()), then forwards everything to the writer of that format. The CLI
// uses it for its defaults (table or json, nt), HTTP for content negotiation.

#include <functional>
#include <memory>
#include <ostream>

#include "sparql/engine.h"
#include "sparql/results/result_format.h"

namespace bdis::server {

class ResultChooser : public sparql::ResultSink {
 public:
  /// `choose` is called once, from begin(); it may throw to refuse the form.
  ResultChooser(std::ostream& out, std::function<sparql::ResultFormat(sparql::QueryForm)> choose)
      : out_(out), choose_(std::move(choose)) {}

  void begin(sparql::QueryForm form, const std::vector<std::string>& vars) override {
    format_ = choose_(form);
    writer_ = sparql::makeResultWriter(format_, out_);
    writer_->begin(form, vars);
  }
  void row(std::span<const rdf::TermView> values) override { writer_->row(values); }
  void boolean(bool value) override { writer_->boolean(value); }
  void triple(const rdf::QuadView& quad) override { writer_->triple(quad); }
  void end() override { writer_->end(); }

  /// The chosen format (valid after begin()).
  sparql::ResultFormat format() const { return format_; }

 private:
  std::ostream& out_;
  std::function<sparql::ResultFormat(sparql::QueryForm)> choose_;
  std::unique_ptr<sparql::ResultSink> writer_;
  sparql::ResultFormat format_ = sparql::ResultFormat::Json;
};

}  // namespace bdis::server
