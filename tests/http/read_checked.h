#pragma once
// Reading a document the server sent back, for the HTTP tests that check its RDF.

#include <gtest/gtest.h>

#include <exception>
#include <string>

#include "rdf/rdf_reader.h"

namespace bdis::test {

/// Reads `text` in `format` into `sink` (blank node labels prefixed "t"). A parse
/// error fails the current test (ADD_FAILURE, with the text) and keeps what was read.
inline void readChecked(const std::string& text, rdf::RdfFormat format, rdf::QuadSink& sink) {
  rdf::ReadOptions o;
  o.format = format;
  o.blankPrefix = "t";
  try {
    rdf::readBuffer(text, o, sink);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "does not parse: " << e.what() << "\n" << text;
  }
}

}  // namespace bdis::test
