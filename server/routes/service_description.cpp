#include "server/routes/service_description.h"

#include "server/http/negotiate.h"
#include "server/routes/query_page.h"

namespace bdis::server {

std::string serviceDescriptionTurtle(const App& app) {
  const std::string base = app.config().publicBase;
  std::string t;
  t += "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n";
  t += "@prefix formats: <http://www.w3.org/ns/formats/> .\n";
  t += "@prefix void: <http://rdfs.org/ns/void#> .\n";
  t += "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n";
  t += "<" + base + "sparql> a sd:Service ;\n";
  t += "  sd:endpoint <" + base + "sparql> ;\n";
  t += "  sd:supportedLanguage sd:SPARQL10Query, sd:SPARQL11Query" +
       std::string(app.auth().writable() ? ", sd:SPARQL11Update" : "") + " ;\n";
  t += "  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,\n"
       "    formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV, formats:Turtle,\n"
       "    formats:N-Triples, formats:N-Quads, formats:JSON-LD ;\n";
  t += "  sd:inputFormat formats:Turtle, formats:N-Triples, formats:N-Quads, formats:TriG ;\n";
  t += "  sd:extensionFunction <http://www.opengis.net/def/function/geosparql/distance>,\n"
       "    <http://www.opengis.net/def/function/geosparql/sfWithin>,\n"
       "    <http://www.opengis.net/def/function/geosparql/sfIntersects> ;\n";
  t += "  rdfs:comment \"bdis: SPARQL 1.1 over the social and solidarity economy data. Full-text "
       "search with <http://jena.apache.org/text#query> (Jena) and bif:contains (Virtuoso).\" ;\n";
  if (app.config().unionDefaultGraph) t += "  sd:feature sd:UnionDefaultGraph ;\n";
  t += "  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n";
  return t;
}

HttpResponse serviceDescriptionOrPage(const HttpRequest& request, App& app) {
  std::string accept = request.header("accept");
  std::string chosen = negotiate(accept, {"text/turtle", "text/html", "application/n-triples"});
  HttpResponse r;
  r.header("Vary", "Accept");
  if (chosen == "text/html") {
    r.contentType = "text/html; charset=utf-8";
    r.body = queryPageHtml(app);
    return r;
  }
  r.contentType = "text/turtle; charset=utf-8";
  r.body = serviceDescriptionTurtle(app);
  return r;
}

}  // namespace bdis::server
