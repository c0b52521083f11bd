#pragma once
// The `bdis` subcommands, one function each. Parsing of the command line lives
// in cli.cpp; each command's work lives in its own cmd_*.cpp.
//
// Every command returns the process exit code (0 success, 1 failure of the
// operation) and throws bdis::Error subclasses for failures, which main() prints.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bdis::rdf {
class Store;
class ReadTxn;
}  // namespace bdis::rdf

namespace bdis::server {

/// A command line that parses but asks for something impossible (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadArgs {
  std::string store;
  std::optional<std::string> graph;
  bool replace = false;
  std::string format;
  std::string base;
  std::string mapping;
  bool strict = false;
  bool skipInvalid = false;
  std::string memoryLimit = "1G";
  unsigned threads = 0;
  std::vector<std::string> files;
};
int runLoad(const LoadArgs& args);

struct DumpArgs {
  std::string store;
  std::string format = "nq";
  std::optional<std::string> graph;
  std::string output;  ///< empty: stdout
  bool publish = false;  ///< write the served dump set (<store>/dumps/<generation>/) instead
};
int runDump(const DumpArgs& args);

struct StoreArgs {
  std::string store;
};
int runStats(const StoreArgs& args);
int runCheck(const StoreArgs& args);
/// Rebuilds the text index from scratch and reports both search indexes (cmd_search.cpp).
int runReindex(const StoreArgs& args);
/// The disagreements between the store and its text index, for runCheck (none when
/// the index was never built).
std::vector<std::string> checkSearchIndexes(const rdf::Store& store, const rdf::ReadTxn& txn);

struct QueryArgs {
  std::string store;
  std::string format;  ///< empty: table on a terminal, else json (SELECT/ASK) or nt (graphs)
  std::string file;
  std::string text;
  bool explain = false;
  double timeout = 0;  ///< seconds; 0 = none
  std::string memoryLimit = "4G";
};
int runQuery(const QueryArgs& args);

struct UpdateArgs {
  std::string store;
  std::string file;
  std::string text;
  bool allowHttpLoad = false;
  double timeout = 0;
};
int runUpdate(const UpdateArgs& args);

struct ServeArgs {
  std::string store;
  std::string host = "127.0.0.1";
  uint16_t port = 7373;
  unsigned threads = 0;
  double timeout = 30;
  std::string writeTokenFile;
  std::string publicBase;
  std::string idBase;  ///< empty: https://w3id.org/bdis/id/
  bool unionDefaultGraph = false;
  bool noParallelQuery = false;
  std::string publisher = "bdis";
  std::string publisherIri;
  std::string contactEmail;
  std::string maxBody = "64M";
  size_t maxQueued = 64;
  bool allowHttpLoad = false;
  bool allowFileLoad = false;
};
int runServe(const ServeArgs& args);

struct DemoArgs {
  uint16_t port = 7373;
  std::string host = "127.0.0.1";
  std::string store;  ///< empty: a folder under $XDG_DATA_HOME (or ~/.local/share)
  std::string data;   ///< empty: the sample shipped with bdis
  bool rebuild = false;
};
int runDemo(const DemoArgs& args);

}  // namespace bdis::server
