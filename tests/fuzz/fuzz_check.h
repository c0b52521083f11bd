#pragma once
// Shared by the fuzz targets: what counts as a finding.
//
// A parser may refuse any input, but only with a bdis::Error that describes the input
// (SyntaxError, SemanticError, ...). A crash, a sanitizer report, an exception of any other type,
// or an InternalError (a broken invariant: a bug by the definition of rdf/error.h) is a finding.
// Findings end the process through std::abort() after a message on stderr, so that libFuzzer
// and the replay driver (replay_main.cpp) both report them with the input that caused them.
// With BDIS_FUZZ_VERBOSE set in the environment, each refusal's message is printed too (to
// check what a corpus file exercises).

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "rdf/error.h"

namespace bdis::fuzz {

/// Prints "fuzz finding: <what>" and aborts.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
  std::abort();
}

/// Runs `parse()`; returns true when it returned, false when it threw a bdis::Error other than
/// InternalError. Any other outcome is a finding (see the file comment).
template <typename Fn>
bool refusedCleanly(Fn&& parse) {
  try {
    parse();
    return true;
  } catch (const InternalError& e) {
    fail(std::string("InternalError: ") + e.what());
  } catch (const Error& e) {
    if (std::getenv("BDIS_FUZZ_VERBOSE") != nullptr)
      std::fprintf(stderr, "  refused: %s\n", e.what());
    return false;
  } catch (const std::exception& e) {
    fail(std::string("exception outside bdis::Error: ") + e.what());
  } catch (...) {
    fail("exception of unknown type");
  }
}

}  // namespace bdis::fuzz
