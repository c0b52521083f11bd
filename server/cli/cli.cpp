#include "server/cli/cli.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "rdf/error.h"
#include "server/cli/commands.h"

namespace bdis::server {

namespace {

void addStore(CLI::App* cmd, std::string& store) {
  cmd->add_option("--store", store, "store folder")->required();
}

}  // namespace

int runCli(int argc, char** argv) {
  CLI::App app{"bdis: linked open data store and SPARQL endpoint for the ESS"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "bdis 0.1.0");

  LoadArgs load;
  auto* loadCmd = app.add_subcommand("load", "bulk-load RDF files into the store (one transaction)");
  addStore(loadCmd, load.store);
  loadCmd->add_option("--graph", load.graph, "target named graph IRI for triples");
  loadCmd->add_flag("--replace", load.replace, "replace the target graph atomically");
  loadCmd->add_option("--format", load.format,
                      "nt, nq, ttl, trig (default: from the file name); csv, geojson, gogocarto "
                      "(ESS network exports, with --mapping)");
  loadCmd->add_option("--mapping", load.mapping, "mapping file for csv, geojson, gogocarto");
  loadCmd->add_flag("--strict", load.strict, "ESS exports: stop at the first bad record");
  loadCmd->add_option("--base", load.base, "base IRI (default: the file's file: IRI)");
  loadCmd->add_flag("--skip-invalid", load.skipInvalid, "skip and report bad statements");
  loadCmd->add_option("--memory-limit", load.memoryLimit, "memory for buffered quads (e.g. 512M, 2G)");
  loadCmd->add_option("--threads", load.threads, "parse threads (default: all cores)");
  loadCmd->add_option("files", load.files, "files to load (.gz/.zst too), or - for stdin")->required();

  DumpArgs dump;
  auto* dumpCmd = app.add_subcommand("dump", "write the store or one graph out");
  addStore(dumpCmd, dump.store);
  dumpCmd->add_option("--format", dump.format, "nq, nt, ttl, trig")
      ->check(CLI::IsMember({"nq", "nt", "ttl", "trig"}));
  dumpCmd->add_option("--graph", dump.graph, "one graph: an IRI, or 'default'");
  dumpCmd->add_option("-o,--output", dump.output, "output file (default: stdout)");
  dumpCmd->add_flag("--publish", dump.publish,
                    "write the dumps `bdis serve` publishes at /dumps/ (<store>/dumps/<generation>/)");

  StoreArgs stats;
  auto* statsCmd = app.add_subcommand("stats", "triples, graphs, terms, bytes on disk");
  addStore(statsCmd, stats.store);

  StoreArgs check;
  auto* checkCmd = app.add_subcommand("check", "verify that indexes and dictionary agree");
  addStore(checkCmd, check.store);
  StoreArgs reindex;
  addStore(app.add_subcommand("reindex", "rebuild the text and geo search indexes"), reindex.store);

  QueryArgs query;
  auto* queryCmd = app.add_subcommand("query", "run a SPARQL 1.1 query");
  addStore(queryCmd, query.store);
  queryCmd->add_option("--format", query.format,
                       "json, xml, csv, tsv, table (SELECT/ASK); nt, nq, ttl, jsonld (graphs)");
  queryCmd->add_option("-f,--file", query.file, "read the query from a file (- for stdin)");
  queryCmd->add_flag("--explain", query.explain, "print the plan with row counts on stderr");
  queryCmd->add_option("--timeout", query.timeout, "time limit in seconds (0: none)");
  queryCmd->add_option("--memory-limit", query.memoryLimit, "memory budget of the query (e.g. 2G)");
  queryCmd->add_option("query", query.text, "the query text");

  UpdateArgs update;
  auto* updateCmd = app.add_subcommand("update", "run SPARQL 1.1 Update (one transaction)");
  addStore(updateCmd, update.store);
  updateCmd->add_option("-f,--file", update.file, "read the update from a file (- for stdin)");
  updateCmd->add_flag("--allow-http-load", update.allowHttpLoad, "let LOAD fetch http(s) IRIs");
  updateCmd->add_option("--timeout", update.timeout, "time limit of WHERE clauses in seconds");
  updateCmd->add_option("update", update.text, "the update text");

  ServeArgs serve;
  auto* serveCmd = app.add_subcommand("serve", "serve the store over HTTP (SPARQL, Graph Store, ...)");
  addStore(serveCmd, serve.store);
  serveCmd->add_option("--host", serve.host, "address to listen on");
  serveCmd->add_option("--port", serve.port, "port to listen on");
  serveCmd->add_option("--threads", serve.threads, "query threads (default: cores)");
  serveCmd->add_option("--timeout", serve.timeout, "query time limit in seconds");
  serveCmd->add_option("--write-token-file", serve.writeTokenFile,
                       "file of bearer tokens allowed to write (default: read-only)");
  serveCmd->add_option("--public-base", serve.publicBase, "base URL of minted IRIs");
  serveCmd->add_flag("--union-default-graph", serve.unionDefaultGraph,
                     "queries without FROM or a protocol dataset read the merge of all graphs");
  serveCmd->add_option("--publisher", serve.publisher,
                       "name of who publishes the data, in the DCAT catalog (default: bdis)");
  serveCmd->add_option("--publisher-iri", serve.publisherIri,
                       "IRI of the publisher in the catalog (e.g. its SIRENE or Wikidata IRI)");
  serveCmd->add_option("--contact-email", serve.contactEmail,
                       "contact address given in the catalog (dcat:contactPoint)");
  serveCmd->add_flag("--no-parallel-query", serve.noParallelQuery,
                     "never give one query a helper thread (large group counts and subject "
                     "probes use two threads by default)");
  serveCmd->add_option("--id-base", serve.idBase,
                       "IRIs under this base dereference at /id/ (default https://w3id.org/bdis/id/)");
  serveCmd->add_option("--max-body", serve.maxBody, "largest request body (e.g. 64M)");
  serveCmd->add_flag("--allow-http-load", serve.allowHttpLoad,
                     "let SPARQL LOAD fetch http(s) IRIs (off by default)");
  serveCmd->add_flag("--allow-file-load", serve.allowFileLoad,
                     "let SPARQL LOAD read the server's local files (off by default)");
  serveCmd->add_option("--max-queued", serve.maxQueued,
                       "queries waiting for a thread before 503 (default 64)");

  DemoArgs demo;
  auto* demoCmd = app.add_subcommand("demo", "build the sample ESS store (once) and serve it");
  demoCmd->add_option("--port", demo.port, "port to listen on (default 7373)");
  demoCmd->add_option("--host", demo.host, "address to listen on");
  demoCmd->add_option("--store", demo.store, "store folder (default under ~/.local/share/bdis)");
  demoCmd->add_option("--data", demo.data, "folder of network exports and mappings");
  demoCmd->add_flag("--rebuild", demo.rebuild, "rebuild the demo store");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (*loadCmd) return runLoad(load);
    if (*dumpCmd) return runDump(dump);
    if (*statsCmd) return runStats(stats);
    if (*checkCmd) return runCheck(check);
    if (app.got_subcommand("reindex")) return runReindex(reindex);
    if (*serveCmd) return runServe(serve);
    if (*queryCmd) return runQuery(query);
    if (*updateCmd) return runUpdate(update);
    if (*demoCmd) return runDemo(demo);
  } catch (const UsageError& e) {
    std::cerr << "bdis: " << e.what() << "\n";
    return 2;
  } catch (const Error& e) {
    std::cerr << "bdis: " << e.what() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "bdis: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "bdis: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace bdis::server
