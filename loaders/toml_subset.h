#pragma once
// A strict parser for the subset of TOML that mapping files use:
//   - comments (# ...), blank lines;
//   - tables [name] and [a.b] (a dotted name is kept as one string "a.b"), arrays of tables
//   [[name]];
//   - key = value, keys bare (A-Z a-z 0-9 _ -) or quoted ("...");
//   - values: basic strings "..." (escapes \" \\ \b \t \n \f \r \uXXXX \UXXXXXXXX), literal strings
//     '...', integers, floats, true/false, and arrays [ ... ] of those (may span lines, trailing
//     comma allowed).
// No inline tables, multi-line strings or dates. Anything else is a SyntaxError naming the file,
// line and column. A key defined twice in a table, or a [table] defined twice, is an error too.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bdis::loaders {

/// One value with where it was written (1-based line and column).
struct TomlValue {
  enum class Kind : uint8_t { String, Integer, Float, Boolean, Array };
  Kind kind = Kind::String;
  std::string string;
  int64_t integer = 0;
  double number = 0;
  bool boolean = false;
  std::vector<TomlValue> items;
  uint32_t line = 0;
  uint32_t column = 0;
};

/// A key and its value.
struct TomlEntry {
  std::string key;
  TomlValue value;
  uint32_t line = 0;
  uint32_t column = 0;
};

/// A table: the root (empty name), a [name] table, or one element of a [[name]] array.
struct TomlTable {
  std::string name;
  bool arrayElement = false;
  uint32_t line = 0;
  std::vector<TomlEntry> entries;
  /// The entry for `key`, or nullptr. The pointer lives as long as the table.
  const TomlEntry* find(std::string_view key) const;
};

/// A parsed document: the root table first, then the tables in the order they were written.
struct TomlDocument {
  std::vector<TomlTable> tables;
};

/// Parses `text`; `file` is used in error messages. Throws SyntaxError.
TomlDocument parseToml(std::string_view text, const std::string& file);

}  // namespace bdis::loaders
