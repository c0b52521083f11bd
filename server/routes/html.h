#pragma once
// Small helpers shared by the HTML pages bdis builds on the server (resource pages,
// the public page, the dumps listing): escaping and the common page frame.

#include <string>
#include <string_view>

namespace bdis::server {

/// Escapes text for HTML element content and double-quoted attribute values
/// (& < > " ' become character references).
std::string htmlEscape(std::string_view text);

/// The start of a page up to and including the opening of <main>: doctype, charset,
/// the escaped `title`, the house style, `extraHead` (trusted markup, inserted
/// as is) and the navigation bar (map, SPARQL, dumps, catalog).
std::string pageStart(std::string_view title, std::string_view extraHead = {});

/// Closes what pageStart() opened.
std::string pageEnd();

/// Percent-encodes the characters of `path` that a request path cannot carry
/// literally or that bdis decodes (%, ?, #, space, controls, quotes, <, >), so that
/// the server's decoding gives back `path`.
std::string encodePathForHref(std::string_view path);

}  // namespace bdis::server
