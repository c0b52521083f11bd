// The set functions of 18.5.1: Count, Sum, Avg, Min, Max, GroupConcat, Sample.
//
// Errors (nullopt values): COUNT skips them; SUM, AVG and GROUP_CONCAT become an
// error; MIN, MAX and SAMPLE ignore them. MIN and MAX use the ORDER BY order, so
// they accept any terms. GROUP_CONCAT takes the lexical forms of literals (an IRI
// or blank node is an error) and gives a simple literal, even when all its values
// share a language tag (W3C tests agg-groupconcat-04 and -06).

#include "sparql/expr/aggregate.h"

#include <set>

#include "rdf/error.h"
#include "sparql/expr/evaluator.h"
#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

/// Shared DISTINCT handling: derived classes implement accept().
class BaseAggregator : public Aggregator {
 public:
  explicit BaseAggregator(bool distinct) : distinct_(distinct) {}
  void add(const std::optional<rdf::Term>& v) final {
    if (distinct_ && v && !seen_.insert(*v).second) {
      return;
    }
    accept(v);
  }

 protected:
  virtual void accept(const std::optional<rdf::Term>& v) = 0;

 private:
  bool distinct_;
  std::set<rdf::Term> seen_;
};

class CountAggregator final : public BaseAggregator {
 public:
  using BaseAggregator::BaseAggregator;
  std::optional<rdf::Term> result() const override {
    return numericTerm(Numeric::ofInteger(count_));
  }

 private:
  void accept(const std::optional<rdf::Term>& v) override {
    if (v) {
      ++count_;
    }
  }
  int64_t count_ = 0;
};

class SumAggregator : public BaseAggregator {
 public:
  using BaseAggregator::BaseAggregator;
  std::optional<rdf::Term> result() const override {
    if (!sum_) {
      return std::nullopt;
    }
    return numericTerm(*sum_);
  }

 protected:
  void accept(const std::optional<rdf::Term>& v) override {
    if (!sum_) {
      return;
    }
    auto n = v ? numericValue(*v) : std::nullopt;
    sum_ = n ? arithmetic(ArithOp::Add, *sum_, *n) : std::nullopt;
    ++count_;
  }
  std::optional<Numeric> sum_ = Numeric::ofInteger(0);
  int64_t count_ = 0;
};

class AvgAggregator final : public SumAggregator {
 public:
  using SumAggregator::SumAggregator;
  std::optional<rdf::Term> result() const override {
    if (!sum_) {
      return std::nullopt;
    }
    if (count_ == 0) {
      return numericTerm(Numeric::ofInteger(0));
    }
    auto avg = arithmetic(ArithOp::Divide, *sum_, Numeric::ofInteger(count_));
    if (!avg) {
      return std::nullopt;
    }
    return numericTerm(*avg);
  }
};

class ExtremumAggregator final : public BaseAggregator {
 public:
  ExtremumAggregator(bool distinct, bool max) : BaseAggregator(distinct), max_(max) {}
  std::optional<rdf::Term> result() const override { return best_; }

 private:
  void accept(const std::optional<rdf::Term>& v) override {
    if (!v) {
      return;
    }
    if (!best_) {
      best_ = *v;
      return;
    }
    int c = orderCompare(&*v, &*best_);
    if (max_ ? c > 0 : c < 0) {
      best_ = *v;
    }
  }
  bool max_;
  std::optional<rdf::Term> best_;
};

class SampleAggregator final : public BaseAggregator {
 public:
  using BaseAggregator::BaseAggregator;
  std::optional<rdf::Term> result() const override { return sample_; }

 private:
  void accept(const std::optional<rdf::Term>& v) override {
    if (!sample_ && v) {
      sample_ = *v;
    }
  }
  std::optional<rdf::Term> sample_;
};

class GroupConcatAggregator final : public BaseAggregator {
 public:
  GroupConcatAggregator(bool distinct, std::string separator)
      : BaseAggregator(distinct), separator_(std::move(separator)) {}
  std::optional<rdf::Term> result() const override {
    if (error_) {
      return std::nullopt;
    }
    return rdf::Term::literal(text_);
  }

 private:
  void accept(const std::optional<rdf::Term>& v) override {
    if (error_) {
      return;
    }
    if (!v || !v->isLiteral()) {
      error_ = true;
      return;
    }
    if (count_ > 0) {
      text_ += separator_;
    }
    text_ += v->value;
    ++count_;
  }
  std::string separator_;
  std::string text_;
  bool error_ = false;
  int64_t count_ = 0;
};

}  // namespace

std::unique_ptr<Aggregator> makeAggregator(const Expr& e) {
  const std::string& n = e.name;
  if (n == "COUNT") {
    return std::make_unique<CountAggregator>(e.distinct);
  }
  if (n == "SUM") {
    return std::make_unique<SumAggregator>(e.distinct);
  }
  if (n == "AVG") {
    return std::make_unique<AvgAggregator>(e.distinct);
  }
  if (n == "MIN") {
    return std::make_unique<ExtremumAggregator>(e.distinct, false);
  }
  if (n == "MAX") {
    return std::make_unique<ExtremumAggregator>(e.distinct, true);
  }
  if (n == "SAMPLE") {
    return std::make_unique<SampleAggregator>(e.distinct);
  }
  if (n == "GROUP_CONCAT") {
    return std::make_unique<GroupConcatAggregator>(e.distinct, e.hasSeparator ? e.separator : " ");
  }
  throw SemanticError("unknown aggregate " + n);
}

}  // namespace bdis::sparql::expr
