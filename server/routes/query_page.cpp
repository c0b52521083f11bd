#include "server/routes/query_page.h"

#include "server/routes/assets.h"

namespace bdis::server {

namespace {

const char* kPage = R"HTML(<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>bdis — requêtes SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f4;color:#222}
header{background:#2f6d3a;color:#fff;padding:.8em 1.2em}header a{color:#dfe}
main{padding:1em 1.2em;max-width:1200px}
textarea{width:100%;height:16em;font:14px/1.4 ui-monospace,monospace;padding:.5em;box-sizing:border-box}
button,select{font-size:1em;padding:.3em .8em;margin:.4em .4em .4em 0}
table{border-collapse:collapse;background:#fff;margin-top:.6em;font-size:.9em}
td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#e8efe6}#status{color:#555}.error{color:#a00;white-space:pre-wrap}
</style></head><body>
<header><b>bdis</b> — base de données des initiatives solidaires · SPARQL 1.1 ·
<a href="/">carte</a> · <a href="/dumps/">téléchargements</a> · <a href="/catalog">catalogue</a> ·
<a href="/search?q=coop%C3%A9rative">recherche (GeoJSON)</a> · <a href="/health">état</a></header>
<main>
<label>Exemple : <select id="examples"></select></label>
<textarea id="q" spellcheck="false"></textarea><br>
<button id="run">Exécuter</button>
<select id="fmt"><option value="">tableau</option><option>json</option><option>xml</option>
<option>csv</option><option>tsv</option><option>ttl</option></select>
<span id="status"></span>
<div id="out"></div>
</main>
<script>
const examples = {
 "Initiatives (10)": "PREFIX schema: <http://schema.org/>\nPREFIX ess: <https://w3id.org/bdis/ess#>\nSELECT ?i ?name WHERE {\n  ?i a ess:Initiative ; schema:name ?name .\n} LIMIT 10",
 "Triplets par graphe": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n)",
 "Prédicats les plus utilisés": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 20"
};
const sel = document.getElementById('examples'), q = document.getElementById('q');
for (const k of Object.keys(examples)) { const o = document.createElement('option'); o.textContent = k; sel.appendChild(o); }
sel.onchange = () => { q.value = examples[sel.value]; };
q.value = examples[Object.keys(examples)[0]];
function cell(t) {
  if (!t) return '';
  const v = document.createElement('span');
  if (t.type === 'uri') { const a = document.createElement('a'); a.href = t.value; a.textContent = '<' + t.value + '>'; return a.outerHTML; }
  v.textContent = t.type === 'bnode' ? '_:' + t.value : '"' + t.value + '"' + (t['xml:lang'] ? '@' + t['xml:lang'] : (t.datatype ? '^^<' + t.datatype + '>' : ''));
  return v.outerHTML;
}
document.getElementById('run').onclick = async () => {
  const out = document.getElementById('out'), st = document.getElementById('status');
  const fmt = document.getElementById('fmt').value;
  st.textContent = '…'; out.innerHTML = '';
  const t0 = performance.now();
  const body = new URLSearchParams({query: q.value});
  if (fmt) body.set('format', fmt);
  const r = await fetch('/sparql', {method: 'POST', body, headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
  const ms = Math.round(performance.now() - t0);
  const text = await r.text();
  if (!r.ok) { st.textContent = r.status + ' (' + ms + ' ms)'; out.innerHTML = '<p class="error"></p>'; out.firstChild.textContent = text; return; }
  const ct = r.headers.get('content-type') || '';
  if (fmt || !ct.includes('sparql-results+json')) { out.innerHTML = '<pre></pre>'; out.firstChild.textContent = text; st.textContent = ms + ' ms'; return; }
  const j = JSON.parse(text);
  if ('boolean' in j) { out.textContent = j.boolean; st.textContent = ms + ' ms'; return; }
  const vars = j.head.vars, rows = j.results.bindings;
  let h = '<table><tr>' + vars.map(v => '<th>?' + v + '</th>').join('') + '</tr>';
  for (const b of rows) h += '<tr>' + vars.map(v => '<td>' + cell(b[v]) + '</td>').join('') + '</tr>';
  out.innerHTML = h + '</table>';
  st.textContent = rows.length + ' résultat(s), ' + ms + ' ms';
};
</script></body></html>
)HTML";

const char* kYasguiPage = R"HTML(<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>bdis — requêtes SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/yasgui/yasgui.min.css">
<style>body{margin:0;font-family:system-ui,sans-serif}
header{background:#2f6d3a;color:#fff;padding:.6em 1.2em}header a{color:#dfe}</style>
</head><body>
<header><b>bdis</b> — base de données des initiatives solidaires · SPARQL 1.1 ·
<a href="/">carte</a> · <a href="/dumps/">téléchargements</a> · <a href="/catalog">catalogue</a> ·
<a href="/search?q=coop%C3%A9rative">recherche (GeoJSON)</a> · <a href="/health">état</a></header>
<div id="yasgui"></div>
<script src="/assets/yasgui/yasgui.min.js"></script>
<script>
const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: location.origin + "/sparql", method: "POST" },
  copyEndpointOnNewTab: false,
  endpointCatalogueOptions: { getData: () => [{ endpoint: location.origin + "/sparql" }] },
  yasqe: { value: "PREFIX schema: <http://schema.org/>\nPREFIX ess: <https://w3id.org/bdis/ess#>\n" +
    "SELECT ?i ?name WHERE {\n  ?i a ess:Initiative ; schema:name ?name .\n} LIMIT 10" }
});
</script></body></html>
)HTML";

}  // namespace

std::string queryPageHtml(const App& app) {
  return haveAssets(app, "yasgui") ? kYasguiPage : kPage;
}

}  // namespace bdis::server
