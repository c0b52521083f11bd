#include "rdf/text/french_stem.h"

namespace bdis::rdf::text {

namespace {

class PluralThenFrench : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return french_(dropPlural(word)); }
  std::string get_description() const override { return "bdis plural+french"; }

 private:
  Xapian::Stem french_{"french"};
};

}  // namespace

std::string dropPlural(std::string_view word) {
  if (word.size() >= 4 && word.back() == 's' && word[word.size() - 2] != 's')
    return std::string(word.substr(0, word.size() - 1));
  if (word.size() >= 4 && (word.ends_with("eaux") || word.ends_with("eux")))
    return std::string(word.substr(0, word.size() - 1));
  return std::string(word);
}

Xapian::Stem frenchStemmer() { return Xapian::Stem(new PluralThenFrench()); }

}  // namespace bdis::rdf::text
