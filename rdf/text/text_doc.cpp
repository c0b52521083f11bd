#include "rdf/text/text_doc.h"

#include <set>

#include "rdf/text/fold.h"
#include "rdf/text/french_stem.h"

namespace bdis::rdf::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendHex(std::string& out, uint64_t v) {
  for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

std::optional<uint64_t> readHex(std::string_view s) {
  uint64_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return std::nullopt;
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v;
}

bool isWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

void appendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
}

}  // namespace

std::string uniqueTerm(const DocKey& key) {
  std::string t = "Q";
  for (uint64_t v : key) appendHex(t, v);
  return t;
}

std::optional<DocKey> parseUniqueTerm(std::string_view term) {
  if (term.size() != 49 || term[0] != 'Q') return std::nullopt;
  DocKey k{};
  for (int i = 0; i < 3; ++i) {
    auto v = readHex(term.substr(1 + 16 * static_cast<size_t>(i), 16));
    if (!v) return std::nullopt;
    k[static_cast<size_t>(i)] = *v;
  }
  return k;
}

std::string predicateTerm(uint64_t predicate) {
  std::string t = "P";
  appendHex(t, predicate);
  return t;
}

std::string encodeValue(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) s[static_cast<size_t>(i)] = static_cast<char>(v & 0xFF);
  return s;
}

uint64_t decodeValue(std::string_view bytes) {
  uint64_t v = 0;
  for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

DocumentMaker::DocumentMaker() {
  generator_.set_stemmer(frenchStemmer());
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document DocumentMaker::make(const DocKey& key, std::string_view text) {
  Xapian::Document doc;
  doc.add_boolean_term(uniqueTerm(key));
  doc.add_boolean_term(predicateTerm(key[1]));
  doc.add_value(kSlotSubject, encodeValue(key[0]));
  doc.add_value(kSlotPredicate, encodeValue(key[1]));
  doc.add_value(kSlotLiteral, encodeValue(key[2]));
  doc.set_data(std::string(text));
  generator_.set_document(doc);
  generator_.index_text(foldText(text));
  return doc;
}

Xapian::Query parseTextQuery(const Xapian::Database& db, const std::string& query) {
  Xapian::QueryParser qp;
  qp.set_stemmer(frenchStemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  qp.set_default_op(Xapian::Query::OP_AND);
  unsigned flags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                   Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                   Xapian::QueryParser::FLAG_PURE_NOT;
  return qp.parse_query(foldQuery(query), flags);
}

std::string highlight(std::string_view text, const std::string& query, size_t length) {
  // Query words, folded, with their stems: a text word matches either, or a prefix*.
  std::set<std::string> words;
  std::set<std::string> prefixes;
  Xapian::Stem stem = frenchStemmer();
  std::string folded = foldQuery(query);
  for (size_t i = 0; i < folded.size();) {
    if (!isWordByte(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && isWordByte(static_cast<unsigned char>(folded[j]))) ++j;
    std::string w = folded.substr(i, j - i);
    if (j < folded.size() && folded[j] == '*')
      prefixes.insert(w);
    else if (w != "AND" && w != "OR" && w != "NOT" && w != "XOR" && w != "NEAR")
      words.insert(stem(w));
    i = j;
  }
  std::string out;
  size_t firstMatch = std::string::npos;
  for (size_t i = 0; i < text.size();) {
    if (!isWordByte(static_cast<unsigned char>(text[i]))) {
      appendEscaped(out, text.substr(i, 1));
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && isWordByte(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view word = text.substr(i, j - i);
    std::string f = foldText(word);
    bool hit = words.count(stem(f)) > 0;
    for (const auto& p : prefixes)
      if (f.compare(0, p.size(), p) == 0) hit = true;
    if (hit && firstMatch == std::string::npos) firstMatch = out.size();
    if (hit) out += "<b>";
    out += word;
    if (hit) out += "</b>";
    i = j;
  }
  if (out.size() <= length) return out;
  size_t start =
      firstMatch == std::string::npos || firstMatch < length / 3 ? 0 : firstMatch - length / 3;
  while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) --start;
  size_t end = std::min(out.size(), start + length);
  while (end < out.size() && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) ++end;
  return (start > 0 ? "…" : "") + out.substr(start, end - start) + (end < out.size() ? "…" : "");
}

}  // namespace bdis::rdf::text
