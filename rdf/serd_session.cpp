#include "rdf/serd_session.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "rdf/iri_resolve.h"
#include "rdf/serd_messages.h"

namespace bdis::rdf::detail {

namespace {

constexpr size_t kPageSize = size_t{64} * 1024;

std::string_view view(const SerdNode* n) {
  return {reinterpret_cast<const char*>(n->buf), n->n_bytes};
}

SerdSyntax serdSyntax(RdfFormat f) {
  switch (f) {
    case RdfFormat::NTriples:
      return SERD_NTRIPLES;
    case RdfFormat::NQuads:
      return SERD_NQUADS;
    case RdfFormat::Turtle:
      return SERD_TURTLE;
    case RdfFormat::TriG:
      return SERD_TRIG;
  }
  return SERD_NQUADS;
}

/// Whether UTF-8 text holds an encoded UTF-16 surrogate (ED A0..BF xx), which
/// Serd produces for escapes such as \uD800 that name no character.
bool hasSurrogate(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const void* hit = std::memchr(p, 0xED, static_cast<size_t>(end - p));
    if (!hit) {
      return false;
    }
    p = static_cast<const char*>(hit);
    if (p + 1 < end && static_cast<unsigned char>(p[1]) >= 0xA0) {
      return true;
    }
    ++p;
  }
  return false;
}

/// The first character an IRI may not hold, or 0.
char badIriChar(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      return ch == 0 ? ' ' : ch;
    }
  }
  return 0;
}

}  // namespace

SerdSession::SerdSession(const ReadOptions& options, QuadSink& sink, const std::string& sourceName,
                         bool strict, uint64_t lineOffset, bool holdLast)
    : options_(options),
      sink_(sink),
      sourceName_(sourceName),
      strict_(strict),
      lineFormat_(options.format == RdfFormat::NTriples || options.format == RdfFormat::NQuads),
      lineOffset_(lineOffset),
      holdLast_(holdLast) {
  if (!lineFormat_) {
    base_ = options.baseIri;
  }
  env_ = serd_env_new(nullptr);
  reader_ = serd_reader_new(serdSyntax(options.format), this, nullptr, &onBase, &onPrefix,
                            &onStatement, nullptr);
  serd_reader_set_strict(reader_, strict);
  serd_reader_set_error_sink(reader_, &onError, this);
  if (!options.blankPrefix.empty()) {
    serd_reader_add_blank_prefix(reader_,
                                 reinterpret_cast<const uint8_t*>(options.blankPrefix.c_str()));
  }
}

SerdSession::~SerdSession() {
  serd_reader_free(reader_);
  serd_env_free(env_);
}

bool SerdSession::run(InputSource& source) {
  source_ = &source;
  const SerdStatus st =
      serd_reader_read_source(reader_, &sourceRead, &sourceError, this,
                              reinterpret_cast<const uint8_t*>(sourceName_.c_str()), kPageSize);
  source_ = nullptr;
  if (exception_) {
    std::rethrow_exception(exception_);
  }
  if (!strict_) {
    flushPending();
    return true;
  }
  if (failed_) {
    return false;
  }
  if (st > SERD_FAILURE) {
    failed_ = true;
    failure_ = ReadFailure{0, 0,
                           "malformed statement (expected a directive, a statement or, in TriG, "
                           "a graph block)"};
    return false;
  }
  if (st == SERD_FAILURE && lineFormat_) {
    // Serd's N-Quads reader stops without a word at a line that does not
    // start with '<' or '_' (a bare word): that must not end the input quietly.
    failed_ = true;
    failure_ = ReadFailure{0, 0,
                           "expected a statement starting with an IRI in <...> or a blank node "
                           "_:label"};
    return false;
  }
  flushPending();
  return true;
}

void SerdSession::flushPending() {
  if (!hasPending_) {
    return;
  }
  hasPending_ = false;
  sink_.quad(pending_.view());
  ++statements_;
}

void SerdSession::holdCopy(const QuadView& q) {
  const auto copy = [](Term& to, const TermView& from) {
    to.kind = from.kind;
    to.value.assign(from.value);
    to.datatype.assign(from.datatype);
    to.lang.assign(from.lang);
  };
  copy(pending_.s, q.s);
  copy(pending_.p, q.p);
  copy(pending_.o, q.o);
  copy(pending_.g, q.g);
  hasPending_ = true;
}

void SerdSession::capture() {
  exception_ = std::current_exception();
  aborted_ = true;
}

size_t SerdSession::sourceRead(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* self = static_cast<SerdSession*>(stream);
  if (self->aborted_) {
    return 0;
  }
  const size_t want = size * nmemb;
  if (self->pastEnd_) {
    // Serd is inside an IRI past the end of the input (see pastEnd_): end the IRI once.
    if (self->closedPastEnd_ || want == 0) {
      return 0;
    }
    self->closedPastEnd_ = true;
    static_cast<char*>(buf)[0] = '>';
    std::memset(static_cast<char*>(buf) + 1, 0, want - 1);  // no stale bytes after it either
    return 1;
  }
  size_t got = 0;
  try {
    // Fill the page completely: Serd takes a short page for the end of input.
    while (got < want) {
      const size_t n = self->source_->read(static_cast<char*>(buf) + got, want - got);
      if (n == 0) {
        break;
      }
      got += n;
    }
    if (!self->lineFormat_ &&
        self->blankGuard_.scan(std::string_view(static_cast<const char*>(buf), got))) {
      throw SyntaxError(self->sourceName_, self->blankGuard_.line() + self->lineOffset_,
                        self->blankGuard_.column(),
                        "blank node labels spelled both _:b<digit>... and _:B<digit>... "
                        "(Serd reads _:b1 as _:B1, so distinct nodes would merge; expected one "
                        "spelling: rename the labels)");
    }
  } catch (...) {
    self->capture();
    return 0;
  }
  if (got < want) {
    // The last page: Serd may read past its end (see pastEnd_); it must find zeros there, not
    // bytes of an earlier page.
    std::memset(static_cast<char*>(buf) + got, 0, want - got);
    self->inputEnded_ = true;
  }
  return got;
}

int SerdSession::sourceError(void* stream) {
  return static_cast<SerdSession*>(stream)->aborted_ ? 1 : 0;
}

SerdStatus SerdSession::onBase(void* handle, const SerdNode* uri) {
  auto* self = static_cast<SerdSession*>(handle);
  if (self->aborted_) {
    return SERD_ERR_UNKNOWN;
  }
  try {
    if (!self->expandIri(uri, self->prefixBuf_)) {
      return self->rejectStatement();
    }
    self->base_ = self->prefixBuf_;
    self->sink_.base(self->prefixBuf_);
  } catch (...) {
    self->capture();
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

SerdStatus SerdSession::onPrefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* self = static_cast<SerdSession*>(handle);
  if (self->aborted_) {
    return SERD_ERR_UNKNOWN;
  }
  try {
    if (!self->expandIri(uri, self->prefixBuf_)) {
      return self->rejectStatement();
    }
    const SerdNode resolved = serd_node_from_substring(
        SERD_URI, reinterpret_cast<const uint8_t*>(self->prefixBuf_.data()),
        self->prefixBuf_.size());
    serd_env_set_prefix(self->env_, name, &resolved);
    self->sink_.prefix(view(name), self->prefixBuf_);
  } catch (...) {
    self->capture();
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

SerdStatus SerdSession::onStatement(void* handle, SerdStatementFlags, const SerdNode* graph,
                                    const SerdNode* subject, const SerdNode* predicate,
                                    const SerdNode* object, const SerdNode* datatype,
                                    const SerdNode* lang) {
  auto* self = static_cast<SerdSession*>(handle);
  if (self->aborted_) {
    return SERD_ERR_UNKNOWN;
  }
  try {
    return self->statement(graph, subject, predicate, object, datatype, lang);
  } catch (...) {
    self->capture();
    return SERD_ERR_UNKNOWN;
  }
}

SerdStatus SerdSession::statement(const SerdNode* graph, const SerdNode* subject,
                                  const SerdNode* predicate, const SerdNode* object,
                                  const SerdNode* datatype, const SerdNode* lang) {
  QuadView q;
  if (!convert(subject, sBuf_, q.s) || !convert(predicate, pBuf_, q.p) ||
      !convert(object, oBuf_, q.o)) {
    return rejectStatement();
  }
  if (q.o.isLiteral()) {
    if (lang && lang->n_bytes) {
      q.o.lang = view(lang);
    } else if (datatype && datatype->n_bytes) {
      if (!expandIri(datatype, dtBuf_)) {
        return rejectStatement();
      }
      q.o.datatype = dtBuf_;
      if (q.o.datatype == kXsdString) {
        q.o.datatype = {};
      }
    }
  }
  if (graph && graph->type != SERD_NOTHING) {
    if (!convert(graph, gBuf_, q.g)) {
      return rejectStatement();
    }
  } else {
    q.g = options_.defaultGraph;
  }
  serdErrorSinceStatement_ = false;
  if (holdLast_) {
    flushPending();
    holdCopy(q);
    return SERD_SUCCESS;
  }
  sink_.quad(q);
  ++statements_;
  return SERD_SUCCESS;
}

bool SerdSession::convert(const SerdNode* node, std::string& buf, TermView& out) {
  switch (node->type) {
    case SERD_CURIE:
      if (lineFormat_) {
        problem_ =
            "expected an IRI in <...> or a blank node _:label, not a prefixed name or "
            "bare word (N-Triples and N-Quads have neither)";
        return false;
      }
      [[fallthrough]];
    case SERD_URI:
      if (!expandIri(node, buf)) {
        return false;
      }
      out = TermView{TermKind::Iri, buf, {}, {}};
      return true;
    case SERD_BLANK:
      out = TermView{TermKind::Blank, view(node), {}, {}};
      return true;
    case SERD_LITERAL:
      if (hasSurrogate(view(node))) {
        problem_ = explainSurrogate("string");
        return false;
      }
      out = TermView{TermKind::Literal, view(node), {}, {}};
      return true;
    case SERD_NOTHING:
      break;
  }
  problem_ = "expected an IRI, a blank node or a literal";
  return false;
}

bool SerdSession::expandIri(const SerdNode* node, std::string& buf) {
  buf.clear();
  if (node->type == SERD_CURIE) {
    SerdChunk prefix{nullptr, 0};
    SerdChunk suffix{nullptr, 0};
    if (serd_env_expand(env_, node, &prefix, &suffix) != SERD_SUCCESS) {
      const std::string_view curie = view(node);
      problem_ = "undefined prefix \"" + std::string(curie.substr(0, curie.find(':'))) +
                 ":\" (expected a prefix declared with @prefix or PREFIX before its use)";
      return false;
    }
    buf.append(reinterpret_cast<const char*>(prefix.buf), prefix.len);
    buf.append(reinterpret_cast<const char*>(suffix.buf), suffix.len);
  } else if (lineFormat_ || hasScheme(view(node))) {
    buf.append(view(node));
  } else if (base_.empty()) {
    problem_ = "relative IRI <" + std::string(view(node)) +
               "> with no base IRI (expected an absolute IRI, or a base from @base or the load)";
    return false;
  } else {
    resolveIri(base_, view(node), buf);
  }
  if (lineFormat_ && !hasScheme(buf)) {
    problem_ = "relative IRI <" + buf +
               "> (expected an absolute IRI: " + "N-Triples and N-Quads have no base)";
    return false;
  }
  if (hasSurrogate(buf)) {
    problem_ = explainSurrogate("IRI");
    return false;
  }
  if (!strict_) {
    if (const char c = badIriChar(buf)) {
      problem_ = std::string("invalid character '") + c + "' in IRI <" + buf + ">";
      return false;
    }
  }
  return true;
}

SerdStatus SerdSession::rejectStatement() {
  if (strict_) {
    if (!failed_) {
      failed_ = true;
      failure_ = ReadFailure{0, 0, problem_};
    }
    return SERD_ERR_BAD_SYNTAX;
  }
  // Lax: drop the statement, report once (Serd may already have reported it).
  if (!serdErrorSinceStatement_) {
    report(0, 0, problem_);
  }
  serdErrorSinceStatement_ = false;
  return SERD_SUCCESS;
}

void SerdSession::report(uint64_t line, uint64_t column, const std::string& message) {
  ++skipped_;
  if (options_.onSkipped) {
    options_.onSkipped(
        SyntaxError(sourceName_, line == 0 ? 0 : line + lineOffset_, column, message));
  }
}

SerdStatus SerdSession::onError(void* handle, const SerdError* error) {
  auto* self = static_cast<SerdSession*>(handle);
  if (self->aborted_ || self->pastEnd_) {
    return SERD_SUCCESS;  // pastEnd_: one more phantom byte of an IRI past the end (reported once)
  }
  try {
    char text[512];
    std::vsnprintf(text, sizeof text, error->fmt, *error->args);
    // Serd's IRI reader shows the end of the input as the character -1.
    const bool endInIri = std::strstr(text, "(escape %FFFFFFFF)") != nullptr;
    const std::string message = endInIri ? "expected '>' to end the IRI before the end of the input"
                                         : explainSerdMessage(text);
    // Serd counts columns from 1 on its first line and from 0 after each
    // line break; make them 1-based everywhere.
    const uint64_t column = error->line <= 1 ? error->col : error->col + 1;
    const bool atLineStart = error->line > 1 && error->col == 0;
    if (self->strict_) {
      if (!self->failed_) {
        self->failed_ = true;
        self->failure_ = ReadFailure{error->line, column, message, atLineStart};
      }
    } else {
      if (endInIri && self->inputEnded_ && !self->lineFormat_) {
        self->pastEnd_ = true;
      }
      self->serdErrorSinceStatement_ = true;
      self->report(error->line, column, message);
    }
  } catch (...) {
    self->capture();
  }
  return SERD_SUCCESS;
}

}  // namespace bdis::rdf::detail
