#include "loaders/mapping.h"

#include <gtest/gtest.h>

#include "loaders/toml_subset.h"
#include "rdf/error.h"

namespace bdis::loaders {
namespace {

// The line and column of the SyntaxError `text` raises as a mapping, or {0, 0} when none.
std::pair<uint64_t, uint64_t> errorAt(const std::string& text, std::string* message = nullptr) {
  try {
    parseMapping(text, "m.toml");
  } catch (const SyntaxError& e) {
    if (message) *message = e.message();
    return {e.line(), e.column()};
  }
  return {0, 0};
}

const char* const kMinimal = R"([source]
graph = "https://example.org/g"

[subject]
template = "https://example.org/i/{id}"
)";

TEST(Toml, Values) {
  auto doc = parseToml(R"(# comment
[a]
s = "x\"y\u00e9"   # trailing comment
l = 'C:\path'
i = -42
f = 1.5
b = true
arr = ["p", "q",
  "r",   # comment inside
]
"quoted key" = 1
[[t]]
k = 1
[[t]]
k = 2
)",
                       "t.toml");
  ASSERT_EQ(doc.tables.size(), 4u);
  const TomlTable& a = doc.tables[1];
  EXPECT_EQ(a.name, "a");
  EXPECT_EQ(a.find("s")->value.string, "x\"y\xC3\xA9");
  EXPECT_EQ(a.find("l")->value.string, "C:\\path");
  EXPECT_EQ(a.find("i")->value.integer, -42);
  EXPECT_DOUBLE_EQ(a.find("f")->value.number, 1.5);
  EXPECT_TRUE(a.find("b")->value.boolean);
  EXPECT_EQ(a.find("arr")->value.items.size(), 3u);
  EXPECT_EQ(a.find("arr")->value.items[2].line, 9u);
  EXPECT_NE(a.find("quoted key"), nullptr);
  EXPECT_TRUE(doc.tables[2].arrayElement);
  EXPECT_EQ(doc.tables[3].find("k")->value.integer, 2);
}

TEST(Toml, ErrorsHaveLineAndColumn) {
  auto at = [](const std::string& text) {
    try {
      parseToml(text, "t.toml");
    } catch (const SyntaxError& e) {
      EXPECT_EQ(e.file(), "t.toml");
      return std::make_pair(e.line(), e.column());
    }
    return std::make_pair(uint64_t{0}, uint64_t{0});
  };
  EXPECT_EQ(at("[a]\nk = \"unterminated\n"), std::make_pair(uint64_t{2}, uint64_t{18}));
  EXPECT_EQ(at("[a]\nk = 1\nk = 2\n"), std::make_pair(uint64_t{3}, uint64_t{1}));
  EXPECT_EQ(at("[a]\n[a]\n"), std::make_pair(uint64_t{2}, uint64_t{1}));
  EXPECT_EQ(at("[a]\nk = {x = 1}\n"), std::make_pair(uint64_t{2}, uint64_t{5}));
  EXPECT_EQ(at("[a]\nk = 1 2\n"), std::make_pair(uint64_t{2}, uint64_t{7}));
  EXPECT_EQ(at("\n\n[a\n"), std::make_pair(uint64_t{3}, uint64_t{3}));
  EXPECT_EQ(at("[a]\nk = \"\\q\"\n"), std::make_pair(uint64_t{2}, uint64_t{6}));
  EXPECT_EQ(at("[a]\nk = [1, 2\n"), std::make_pair(uint64_t{3}, uint64_t{1}));
  EXPECT_EQ(at("[a]\nk =\n"), std::make_pair(uint64_t{2}, uint64_t{4}));
}

TEST(Mapping, Minimal) {
  Mapping m = parseMapping(kMinimal, "m.toml");
  EXPECT_EQ(m.source.graph, "https://example.org/g");
  ASSERT_EQ(m.columns.size(), 1u);
  EXPECT_EQ(m.columns[0], "id");
  EXPECT_EQ(m.delimiter, ',');
}

TEST(Mapping, FieldsNodesCodelists) {
  Mapping m = parseMapping(std::string(kMinimal) + R"(types = ["ess:Initiative"]

[prefixes]
ex = "https://example.org/ns#"

[csv]
delimiter = "\t"

[[node]]
name = "addr"
template = "{@subject}/address"
link = "ess:hasAddress"

[[field]]
column = "nom"
property = ["ess:name", "schema:name"]
required = true

[[field]]
column = "cj"
property = "ex:cat"
codelist = "cj"

[[field]]
column = "cp"
property = "ess:postalCode"
check = "postcode"
node = "addr"

[[field]]
column = "creation"
property = "ess:foundingDate"
check = "date"

[codelist.cj]
base = "https://w3id.org/bdis/ess/cj/"
values = ["9220", "5458"]

[codelist.cj.codes]
"asso" = "cj:9220"
)",
                           "m.toml");
  EXPECT_EQ(m.delimiter, '\t');
  ASSERT_EQ(m.fields.size(), 4u);
  EXPECT_EQ(m.fields[0].properties[1], "http://schema.org/name");
  EXPECT_TRUE(m.fields[0].required);
  EXPECT_EQ(m.fields[1].kind, ValueKind::Concept);
  EXPECT_EQ(m.fields[1].properties[0], "https://example.org/ns#cat");
  EXPECT_EQ(m.fields[2].node, 0);
  EXPECT_EQ(m.fields[3].datatype, "http://www.w3.org/2001/XMLSchema#date");
  const CodeList& cl = m.codelists.at("cj");
  ASSERT_NE(cl.lookup("5458"), nullptr);
  EXPECT_EQ(*cl.lookup("5458"), "https://w3id.org/bdis/ess/cj/5458");
  EXPECT_EQ(*cl.lookup("asso"), "https://w3id.org/bdis/ess/cj/9220");
  EXPECT_EQ(cl.lookup("9999"), nullptr);
  EXPECT_EQ(m.types[0], "https://w3id.org/bdis/ess#Initiative");
}

TEST(Mapping, PrefixCodelist) {
  Mapping m = parseMapping(std::string(kMinimal) + R"(
[codelist.naf]
match = "prefix"

[codelist.naf.codes]
"88" = "naf:88"
"88.9" = "naf:889"
)",
                           "m.toml");
  const CodeList& cl = m.codelists.at("naf");
  EXPECT_EQ(*cl.lookup("88.10A"), "https://w3id.org/bdis/ess/naf/88");
  EXPECT_EQ(*cl.lookup("88.99B"), "https://w3id.org/bdis/ess/naf/889");
  EXPECT_EQ(cl.lookup("87.10A"), nullptr);
}

TEST(Mapping, ErrorsNameTheLine) {
  std::string msg;
  // Unknown section.
  EXPECT_EQ(errorAt(std::string(kMinimal) + "\n[colums]\n", &msg).first, 7u);
  EXPECT_NE(msg.find("unknown section [colums]"), std::string::npos);
  // Unknown key in a field.
  EXPECT_EQ(
      errorAt(std::string(kMinimal) + "\n[[field]]\ncolumn = \"a\"\nproprety = \"ess:name\"\n",
              &msg),
      std::make_pair(uint64_t{9}, uint64_t{1}));
  EXPECT_NE(msg.find("unknown key 'proprety' in [field]"), std::string::npos);
  // Unknown prefix, at the value's column.
  EXPECT_EQ(errorAt(std::string(kMinimal) + "\n[[field]]\ncolumn = \"a\"\nproperty = \"foo:bar\"\n",
                    &msg),
            std::make_pair(uint64_t{9}, uint64_t{12}));
  EXPECT_NE(msg.find("unknown prefix 'foo:'"), std::string::npos);
  // A field naming a code list that does not exist.
  EXPECT_EQ(
      errorAt(std::string(kMinimal) +
                  "\n[[field]]\ncolumn = \"a\"\nproperty = \"ess:kind\"\ncodelist = \"kinds\"\n",
              &msg)
          .first,
      10u);
  EXPECT_NE(msg.find("no [codelist.kinds] section"), std::string::npos);
  // A field on an unknown node.
  EXPECT_EQ(errorAt(std::string(kMinimal) +
                    "\n[[field]]\ncolumn = \"a\"\nproperty = \"ess:name\"\nnode = \"adr\"\n")
                .first,
            10u);
  // Wrong value type.
  EXPECT_EQ(errorAt(std::string(kMinimal) +
                    "\n[[field]]\ncolumn = \"a\"\nproperty = \"ess:name\"\nrequired = \"yes\"\n")
                .first,
            10u);
  // Bad templates.
  EXPECT_EQ(errorAt("[subject]\ntemplate = \"https://x/{id\"\n", &msg).first, 2u);
  EXPECT_NE(msg.find("unclosed '{'"), std::string::npos);
  EXPECT_EQ(errorAt("[subject]\ntemplate = \"https://x/{id|upper}\"\n", &msg).first, 2u);
  EXPECT_NE(msg.find("unknown filter"), std::string::npos);
  EXPECT_EQ(errorAt("[subject]\ntemplate = \"{@subject}/x\"\n").first, 2u);
  EXPECT_EQ(errorAt("[subject]\ntemplate = \"relative/{id}\"\n").first, 2u);
  // Unknown check.
  EXPECT_EQ(errorAt(std::string(kMinimal) +
                    "\n[[field]]\ncolumn = \"a\"\nproperty = \"ess:siret\"\ncheck = \"luhn\"\n")
                .first,
            10u);
  // Duplicate code.
  EXPECT_EQ(errorAt(std::string(kMinimal) +
                    "\n[codelist.c]\n[codelist.c.codes]\n\"a\" = \"cj:1\"\n\"b\" = \"cj:2\"\n")
                .first,
            0u);
  EXPECT_EQ(errorAt(std::string(kMinimal) +
                    "\n[codelist.c]\ncase = \"insensitive\"\n[codelist.c.codes]\n\"a\" = "
                    "\"cj:1\"\n\"A\" = \"cj:2\"\n")
                .first,
            11u);
  // Keys outside a section, no subject.
  EXPECT_EQ(errorAt("k = 1\n[subject]\ntemplate = \"https://x/{id}\"\n").first, 1u);
  EXPECT_NE(errorAt("[source]\nid = \"x\"\n", &msg), std::make_pair(uint64_t{1}, uint64_t{1}));
  EXPECT_NE(msg.find("no [subject]"), std::string::npos);
  // [membership] needs the network.
  EXPECT_EQ(errorAt(std::string(kMinimal) + "\n[membership]\nsince = \"d\"\n").first, 7u);
  // Literal options on a concept field.
  EXPECT_EQ(
      errorAt(
          std::string(kMinimal) +
          "\n[codelist.c]\nbase = \"https://x/\"\nvalues = [\"a\"]\n\n[[field]]\ncolumn = \"a\"\n"
          "property = \"ess:kind\"\ncodelist = \"c\"\nlang = \"fr\"\n")
          .first,
      11u);
}

}  // namespace
}  // namespace bdis::loaders

namespace bdis::loaders {
namespace {

// Mutated mapping files either parse or raise SyntaxError / SemanticError: never anything else.
TEST(Mapping, MutationsFailCleanly) {
  const std::string base = std::string(kMinimal) + R"(types = ["ess:Initiative"]
[[field]]
column = "nom"
property = ["ess:name", "schema:name"]
required = true
[codelist.c]
base = "https://x.example/"
values = ["a", "b"]
)";
  const char alphabet[] = "[]{}\"'=,.#\n\\ azAZ09:|@-_\xC3\xA9\xFF";
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  int parsed = 0, rejected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = base;
    int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t pos = next() % (text.size() + 1);
      switch (next() % 3) {
        case 0:
          text.insert(pos, 1, alphabet[next() % (sizeof alphabet - 1)]);
          break;
        case 1:
          if (pos < text.size()) text.erase(pos, 1);
          break;
        default:
          if (pos < text.size()) text[pos] = alphabet[next() % (sizeof alphabet - 1)];
          break;
      }
    }
    try {
      parseMapping(text, "fuzz.toml");
      ++parsed;
    } catch (const SyntaxError&) {
      ++rejected;
    } catch (const SemanticError&) {
      ++rejected;
    }
  }
  EXPECT_GT(parsed, 0);
  EXPECT_GT(rejected, 0);
}

}  // namespace
}  // namespace bdis::loaders
