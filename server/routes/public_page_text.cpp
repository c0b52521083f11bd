// The static markup and script of the public page (GET /, public_page.h). The
// script reads its configuration from the #bdis-config JSON element, queries
// GET /search and renders every value from the data through esc() or textContent.

#include "server/routes/public_page.h"

namespace bdis::server {

const char* const kPublicPageBody = R"HTML(<h1>Initiatives de l'économie sociale et solidaire</h1>
<form id="f" action="/search" method="get">
<input id="q" name="q" type="search" placeholder="boulangerie bio, ressourcerie, AMAP…" aria-label="recherche">
<label>près de <input id="near" name="near" placeholder="lat,lon" size="17"></label>
<button type="button" id="locate" title="utiliser ma position">◎</button>
<label>dans un rayon de <select id="radius" name="radius">
<option>2</option><option selected>10</option><option>25</option><option>50</option><option>100</option>
</select> km</label>
<label id="inview-label"><input type="checkbox" id="inview"> dans la vue de la carte</label>
<button type="submit">Rechercher</button>
<div id="facets"></div>
</form>
<p id="status" class="muted" aria-live="polite"></p>
<div id="layout"><div id="map"></div><ol id="results"></ol></div>
<p id="pager"><button type="button" id="prev">← précédents</button>
<button type="button" id="next">suivants →</button></p>
<noscript><p>Sans JavaScript : <a href="/search?q=">l'API de recherche (GeoJSON)</a>.</p></noscript>
<p class="muted">Les données : <a href="/sparql">interroger en SPARQL</a> ·
<a href="/dumps/">téléchargements</a> · <a href="/catalog">catalogue (DCAT, VoID)</a> ·
<a href="/search?q=">API de recherche (GeoJSON)</a>. Un clic sur la carte cherche autour du point.</p>
)HTML";

const char* const kPublicPageScript = R"JS(<script>
(function () {
  const cfg = JSON.parse(document.getElementById('bdis-config').textContent);
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const FACETS = {sector: 'type', activity: 'activité', legal: 'forme juridique',
                  network: 'réseau', territory: 'département'};
  const filters = {};
  let offset = 0;
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) =>
    ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
  const label = (iri) => cfg.labels[iri] || String(iri).replace(/^.*[\/#]/, '');
  function href(iri) {
    for (const b of cfg.idBases) {
      if (iri.startsWith(b) && iri.length > b.length)
        return '/id/' + iri.slice(b.length).replace(/[%?#]/g, (c) => encodeURIComponent(c));
    }
    return /^https?:/i.test(iri) ? iri : '#';  // never a javascript: or data: link
  }
  // Snippets mark matches with <b>…</b>: escape everything, then restore those tags only.
  const snippet = (s) => esc(s).replace(/&lt;(\/?)b&gt;/g, '<$1b>');

  let map = null, layer = null;
  if (cfg.leaflet && window.L) {
    map = L.map('map').setView([46.6, 2.4], 6);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
                {maxZoom: 19, attribution: '&copy; OpenStreetMap'}).addTo(map);
    layer = L.layerGroup().addTo(map);
    map.on('click', (e) => {
      $('near').value = e.latlng.lat.toFixed(5) + ',' + e.latlng.lng.toFixed(5);
      run(0);
    });
  } else {
    $('map').remove();
    $('inview-label').remove();
  }

  function params(off) {
    const p = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) p.set('q', q);
    const near = $('near').value.replace(/\s+/g, '');
    if (near) { p.set('near', near); p.set('radius', $('radius').value); }
    if (map && $('inview').checked) {
      const b = map.getBounds();
      p.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map((x) => x.toFixed(5)).join(','));
    }
    for (const k of Object.keys(filters)) if (filters[k]) p.set(k, filters[k]);
    p.set('limit', PAGE);
    if (off) p.set('offset', off);
    return p;
  }

  function showFacets(counts) {
    const box = $('facets');
    box.textContent = '';
    for (const name of Object.keys(FACETS)) {
      const values = Object.entries(counts[name] || {}).sort((a, b) => b[1] - a[1]);
      if (!values.length && !filters[name]) continue;
      const l = document.createElement('label');
      l.append(FACETS[name] + ' ');
      const sel = document.createElement('select');
      sel.add(new Option('(tous)', ''));
      // A filter may name a value by its last path segment (?sector=amap): use its IRI.
      const same = (v) => v === filters[name] || v.replace(/^.*[\/#]/, '') === filters[name];
      const known = filters[name] && values.find(([v]) => same(v));
      if (known) filters[name] = known[0];
      else if (filters[name]) values.unshift([filters[name], 0]);
      for (const [v, n] of values) sel.add(new Option(label(v) + ' (' + n + ')', v, false, v === filters[name]));
      sel.onchange = () => { filters[name] = sel.value; run(0); };
      l.append(sel);
      box.append(l);
    }
  }

  function show(j) {
    $('status').textContent = j.total + ' initiative' + (j.total > 1 ? 's' : '') +
      (j.total ? ' — ' + (offset + 1) + ' à ' + (offset + j.features.length) : '');
    const list = $('results');
    list.textContent = '';
    list.start = offset + 1;
    if (layer) layer.clearLayers();
    const points = [];
    for (const f of j.features) {
      const p = f.properties || {};
      const link = '<a href="' + esc(href(f.id)) + '">' + esc(p.name || f.id) + '</a>';
      const tags = ['sector', 'legal', 'network'].flatMap((k) => (p[k] || []).map(label));
      let html = link;
      if (p.distance_m !== undefined) html += ' <span class="muted">' + (p.distance_m / 1000).toFixed(1) + ' km</span>';
      if (p.snippet) html += '<div class="snippet">' + snippet(p.snippet) + '</div>';
      if (tags.length) html += '<div class="muted">' + esc(tags.join(' · ')) + '</div>';
      const li = document.createElement('li');
      li.innerHTML = html;
      list.append(li);
      if (layer && f.geometry && f.geometry.type === 'Point') {
        const [lon, lat] = f.geometry.coordinates;
        L.marker([lat, lon]).bindPopup(link).addTo(layer);
        points.push([lat, lon]);
      }
    }
    if (map && points.length && !$('inview').checked) map.fitBounds(points, {maxZoom: 13, padding: [20, 20]});
    showFacets(j.facets || {});
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + PAGE >= j.total;
  }

  async function run(off) {
    offset = off;
    const p = params(off);
    history.replaceState(null, '', '?' + p.toString());
    $('status').textContent = '…';
    let r, text;
    try {
      r = await fetch('/search?' + p.toString(), {headers: {Accept: 'application/geo+json'}});
      text = await r.text();
    } catch (e) {
      $('status').textContent = 'erreur réseau : ' + e;
      return;
    }
    let j = null;
    try { j = JSON.parse(text); } catch (e) { /* not JSON */ }
    if (!r.ok || !j) {
      $('status').textContent = 'erreur ' + r.status + ' : ' + ((j && (j.error || j.message)) || text);
      return;
    }
    show(j);
  }

  $('f').onsubmit = (e) => { e.preventDefault(); run(0); };
  $('prev').onclick = () => run(Math.max(0, offset - PAGE));
  $('next').onclick = () => run(offset + PAGE);
  $('locate').onclick = () => {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((pos) => {
      $('near').value = pos.coords.latitude.toFixed(5) + ',' + pos.coords.longitude.toFixed(5);
      run(0);
    });
  };
  const init = new URLSearchParams(location.search);
  $('q').value = init.get('q') || '';
  $('near').value = init.get('near') || '';
  if (init.get('radius')) $('radius').value = init.get('radius');
  for (const k of Object.keys(FACETS)) if (init.get(k)) filters[k] = init.get(k);
  run(Number(init.get('offset')) || 0);
})();
</script>
)JS";

}  // namespace bdis::server
