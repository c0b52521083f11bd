#pragma once
// Internal to the RDF reader: one Serd reader and environment wired to a
// QuadSink. rdf_reader.cpp drives it; nothing else should include this.

#include <serd/serd.h>

#include <cstdint>
#include <exception>
#include <string>

#include "rdf/blank_label_guard.h"
#include "rdf/input_source.h"
#include "rdf/quad_sink.h"
#include "rdf/rdf_reader.h"

namespace bdis::rdf::detail {

/// The first error that stopped a strict run. `line` is relative to the
/// start of the text given to run() (1-based); 0 when the error was found
/// after Serd had parsed the statement (the position is then unknown).
struct ReadFailure {
  uint64_t line = 0;
  uint64_t column = 0;
  std::string message;
  /// Serd stopped at the very start of `line`, having read past the end of
  /// the previous line (e.g. a missing '.').
  bool atLineStart = false;
};

/// One parse of one stream. Lives for one run(); not copyable, not thread-safe.
class SerdSession {
 public:
  /// `strict`: stop at the first error (ReadFailure); otherwise Serd's lax
  /// recovery runs and each error goes straight to options.onSkipped.
  /// `holdLast`: keep the latest statement back until the next one is
  /// complete (flushPending()), so that a line format reader can drop a
  /// statement whose line turns out to be malformed after Serd emitted it.
  /// `options`, `sink` and `sourceName` must outlive the session.
  SerdSession(const ReadOptions& options, QuadSink& sink, const std::string& sourceName,
              bool strict, uint64_t lineOffset, bool holdLast = false);
  ~SerdSession();
  SerdSession(const SerdSession&) = delete;
  SerdSession& operator=(const SerdSession&) = delete;

  /// Parses everything `source` gives. Returns false when a strict run
  /// stopped at an error (see failure()). Rethrows what the source or the
  /// sink threw.
  bool run(InputSource& source);

  /// The error that stopped the last strict run.
  const ReadFailure& failure() const { return failure_; }
  /// Statements passed to the sink so far (a held statement not included).
  uint64_t statements() const { return statements_; }
  /// Whether a statement is held back (holdLast only).
  bool hasPending() const { return hasPending_; }
  /// Passes the held statement, if any, to the sink.
  void flushPending();
  /// Forgets the held statement, if any.
  void dropPending() { hasPending_ = false; }
  /// Errors reported to onSkipped so far (lax runs).
  uint64_t skipped() const { return skipped_; }

 private:
  static SerdStatus onBase(void* handle, const SerdNode* uri);
  static SerdStatus onPrefix(void* handle, const SerdNode* name, const SerdNode* uri);
  static SerdStatus onStatement(void* handle, SerdStatementFlags flags, const SerdNode* graph,
                                const SerdNode* subject, const SerdNode* predicate,
                                const SerdNode* object, const SerdNode* datatype,
                                const SerdNode* lang);
  static SerdStatus onError(void* handle, const SerdError* error);
  static size_t sourceRead(void* buf, size_t size, size_t nmemb, void* stream);
  static int sourceError(void* stream);

  SerdStatus statement(const SerdNode* graph, const SerdNode* subject, const SerdNode* predicate,
                       const SerdNode* object, const SerdNode* datatype, const SerdNode* lang);
  /// Fills `out` from `node`; on failure sets problem_ and returns false.
  bool convert(const SerdNode* node, std::string& buf, TermView& out);
  /// The absolute IRI for an IRI reference or a prefixed name, into `buf`.
  bool expandIri(const SerdNode* node, std::string& buf);
  /// Records (strict) or reports (lax) an error found after Serd parsed a statement.
  SerdStatus rejectStatement();
  void holdCopy(const QuadView& q);
  void report(uint64_t line, uint64_t column, const std::string& message);
  void capture();

  const ReadOptions& options_;
  QuadSink& sink_;
  const std::string& sourceName_;
  bool strict_;
  bool lineFormat_;
  uint64_t lineOffset_;
  SerdEnv* env_ = nullptr;
  SerdReader* reader_ = nullptr;
  InputSource* source_ = nullptr;
  std::exception_ptr exception_;
  bool aborted_ = false;
  bool failed_ = false;
  bool serdErrorSinceStatement_ = false;
  // Lax Turtle / TriG: Serd 0.30 reads on past the end of the input when it ends inside an IRI
  // (<...), one error per phantom byte, forever. sourceRead zero-fills the rest of the last page
  // (no stale bytes are parsed), onError reports the first such error and silences the rest
  // (pastEnd_), and the next read hands Serd a '>' that ends the IRI (closedPastEnd_).
  bool inputEnded_ = false;
  bool pastEnd_ = false;
  bool closedPastEnd_ = false;
  ReadFailure failure_;
  std::string problem_;
  BlankLabelGuard blankGuard_;  // Turtle, TriG
  std::string base_;            // the current base IRI (Turtle, TriG)
  uint64_t statements_ = 0;
  bool holdLast_;
  bool hasPending_ = false;
  Quad pending_;
  uint64_t skipped_ = 0;
  // Scratch buffers reused for every statement (no per-triple allocation).
  std::string sBuf_, pBuf_, oBuf_, gBuf_, dtBuf_, prefixBuf_;
};

}  // namespace bdis::rdf::detail
