import * as maplibregl from 'maplibre-gl';
import { buildStyle, GROUPS } from './style.js';
import { strings } from './i18n.js';
import { toPUWG92, fromPUWG92, lineLength, ringArea } from './puwg92.js';
import { setupReport } from './report.js';
import { setupAlerts } from './alerts.js';

// The worker is its own module file next to this bundle (embedded by package web).
maplibregl.setWorkerUrl(new URL('maplibre-gl-worker.mjs', import.meta.url).href);

const params = new URLSearchParams(location.search);
// Read before the map writes its own #map=… into the address.
const viewInURL = /(^#|&)map=/.test(location.hash);
const state = {
  lang: params.get('lang') === 'en' ? 'en' : 'pl',
  dataset: params.get('dataset') || '',
  parcel: params.get('parcel') || '',
  background: -1,
  groups: Object.fromEntries(GROUPS.map((g) => [g.id, g.on])),
  backgrounds: [],
  datasets: [],
  measure: null, // {mode: 'line'|'area', pts: [[lon,lat]...]}
};
if (params.has('layers')) {
  const on = new Set(params.get('layers').split(',').filter(Boolean));
  for (const g of GROUPS) state.groups[g.id] = on.has(g.id);
}
if (params.has('bg')) state.background = Number(params.get('bg'));

const $ = (sel) => document.querySelector(sel);
const t = (k) => strings[state.lang][k] ?? k;
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) if (k != null) e.append(k.nodeType ? k : String(k));
  return e;
};
const fmt = (v, d = 2) => Number(v).toLocaleString(state.lang === 'pl' ? 'pl-PL' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });

// ---- URL that restores the view: the map keeps #map=z/lat/lon, we keep the rest.
function saveURL() {
  const q = new URLSearchParams();
  if (state.lang !== 'pl') q.set('lang', state.lang);
  if (state.dataset && state.datasets.length > 1) q.set('dataset', state.dataset);
  const on = GROUPS.filter((g) => state.groups[g.id]).map((g) => g.id);
  const def = GROUPS.filter((g) => g.on).map((g) => g.id);
  if (on.join(',') !== def.join(',')) q.set('layers', on.join(','));
  if (state.background >= 0) q.set('bg', String(state.background));
  if (state.parcel) q.set('parcel', state.parcel);
  const s = q.toString();
  history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
}

// ---- i18n of static text
function applyLang() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel));
  $('#lang').textContent = t('language');
  $('#lang').setAttribute('lang', t('languageCode'));
  if (window.map) map.getCanvas().setAttribute('aria-label', t('mapLabel'));
  renderLayers();
  renderMeasure();
  if (current.card) renderCard(current.card);
  ui.rerenderReport?.();
}

const current = { card: null, quote: null };

// What the report form (report.js) shares with the page.
const ui = { $, el, t, showPanel: (...c) => showPanel(...c), getMap: () => window.map };

// ---- boot
async function boot() {
  let cfg = { datasets: [], background: [] };
  try {
    const r = await fetch('/viewer/config.json');
    if (r.ok) cfg = await r.json();
  } catch { /* keep the empty configuration */ }
  state.datasets = cfg.datasets || [];
  state.backgrounds = cfg.background || [];
  ui.alertsOn = cfg.alerts === true;
  if (state.background >= state.backgrounds.length) state.background = -1;
  const ds = state.datasets.find((d) => d.name === state.dataset) || state.datasets[0];
  applyLang();
  if (!ds) {
    $('#status').textContent = t('noDatasets');
    return;
  }
  state.dataset = ds.name;
  // A road dataset (a drogi layer), this one or another, is drawn over the map.
  state.roads = (state.datasets.find((d) => d.name === ds.name && (d.layers || []).includes('drogi')) ||
    state.datasets.find((d) => (d.layers || []).includes('drogi')))?.name || '';
  $('#dataset-title').textContent = ds.title || ds.name;
  const b = ds.bounds || [14.1, 49.0, 24.2, 54.9];
  const map = new maplibregl.Map({
    container: 'mapview',
    style: buildStyle({ origin: location.origin, dataset: ds.name, backgrounds: state.backgrounds, background: state.background, groups: state.groups, roads: state.roads }),
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 20 },
    hash: 'map',
    maxZoom: 20,
    attributionControl: { compact: true, customAttribution: 'EGiB' },
    cooperativeGestures: false,
  });
  window.map = map;
  map.getCanvas().setAttribute('aria-label', t('mapLabel'));
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: false, showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ maxWidth: 120, unit: 'metric' }), 'bottom-left');
  map.on('mousemove', (e) => showCoords(e.lngLat));
  map.on('move', () => { if (!hasPointer) showCoords(map.getCenter()); });
  map.on('load', () => { ui.mapLoaded?.(); showCoords(map.getCenter()); zoomHint(); if (state.parcel) openParcel(state.parcel, { fly: !viewInURL }); });
  // The initial view is the whole county: on a large one that is below the
  // parcels' first zoom (the tiles carry outlines only there, so it loads in
  // a few kilobytes); say that zooming in shows them.
  map.on('zoomend', zoomHint);
  map.on('click', onMapClick);
  map.on('error', (e) => {
    const id = e.sourceId || '';
    if (id.startsWith('bg')) markBackground(Number(id.slice(2)));
  });
  map.getCanvas().addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); lookupAt(map.getCenter()); }
    if (e.key === 'Escape') finishMeasure();
  });
  renderLayers();
}

function zoomHint() {
  const l = window.map && window.map.getLayer('dzialki-line');
  // A dataset without parcels (planning only) has nothing to zoom in for.
  const ids = l && window.map.getSource('sip')?.vectorLayerIds;
  const noParcels = Array.isArray(ids) && !ids.includes('dzialki');
  $('#zoom-hint').hidden = !l || noParcels || state.groups.dzialki === false || window.map.getZoom() >= (l.minzoom || 0);
}

let hasPointer = false;
function showCoords(ll) {
  const [E, N] = toPUWG92(ll.lng, ll.lat);
  // Surveyors' order: X = northing, Y = easting.
  $('#coords-x').textContent = fmt(N, 2);
  $('#coords-y').textContent = fmt(E, 2);
}
document.addEventListener('mousemove', () => { hasPointer = true; }, { once: true });

// ---- layer switcher
const bgUnavailable = new Set();
function markBackground(i) { bgUnavailable.add(i); renderLayers(); }

function renderLayers() {
  const box = $('#layers-list');
  if (!box) return;
  box.replaceChildren();
  for (const g of GROUPS) {
    if (g.id === 'drogi' && !state.roads) continue;
    const id = `lyr-${g.id}`;
    box.append(el('li', {}, el('input', { type: 'checkbox', id, checked: state.groups[g.id], onchange: (e) => setGroup(g.id, e.target.checked) }), ' ', el('label', { for: id }, t(`layer_${g.id}`))));
  }
  if (state.backgrounds.length) {
    const fs = el('fieldset', {}, el('legend', {}, t('background')));
    const opt = (i, name) => {
      const id = `bg-${i}`;
      const bad = i >= 0 && bgUnavailable.has(i);
      return el('div', {}, el('input', { type: 'radio', name: 'bg', id, checked: state.background === i, onchange: () => setBackground(i) }), ' ',
        el('label', { for: id }, name, bad ? ` (${t('bgUnavailable')})` : ''));
    };
    fs.append(opt(-1, t('bgNone')));
    state.backgrounds.forEach((b, i) => fs.append(opt(i, b.name)));
    box.append(el('li', {}, fs));
  }
}

function setGroup(id, on) {
  state.groups[id] = on;
  const m = window.map;
  if (m) for (const l of m.getStyle().layers) if (l.metadata?.['sip:group'] === id) m.setLayoutProperty(l.id, 'visibility', on ? 'visible' : 'none');
  saveURL();
}

function setBackground(i) {
  state.background = i;
  const m = window.map;
  if (m) {
    for (const l of m.getStyle().layers) {
      if (l.metadata && 'sip:background' in l.metadata) m.setLayoutProperty(l.id, 'visibility', l.metadata['sip:background'] === i ? 'visible' : 'none');
    }
    if (m.getLayer('uzytki-fill')) m.setPaintProperty('uzytki-fill', 'fill-opacity', i >= 0 ? 0.35 : 1);
  }
  saveURL();
}

// ---- search with autocomplete (WAI-ARIA combobox)
const search = { timer: 0, seq: 0, results: [], active: -1 };
function setupSearch() {
  const input = $('#q');
  const list = $('#q-list');
  input.addEventListener('input', () => {
    clearTimeout(search.timer);
    const q = input.value.trim();
    if (q.length < 2) { closeList(); return; }
    search.timer = setTimeout(() => runSearch(q), 150);
  });
  input.addEventListener('keydown', (e) => {
    const n = search.results.length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); setActive((search.active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); setActive((search.active - 1 + n) % n); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (search.active >= 0) choose(search.results[search.active]);
      else if (n) choose(search.results[0]);
      else if (input.value.trim()) runSearch(input.value.trim(), true);
    } else if (e.key === 'Escape') closeList();
  });
  input.addEventListener('blur', () => setTimeout(closeList, 150));
  list.addEventListener('mousedown', (e) => e.preventDefault());
}

async function runSearch(q, chooseFirst = false) {
  const seq = ++search.seq;
  const u = `/api/parcels/search?limit=8&q=${encodeURIComponent(q)}` + (state.dataset ? `&dataset=${encodeURIComponent(state.dataset)}` : '');
  let res;
  try {
    const r = await fetch(u);
    if (!r.ok) throw new Error(String(r.status));
    res = (await r.json()).results || [];
  } catch {
    if (seq === search.seq) showList([], t('searchError'));
    return;
  }
  if (seq !== search.seq) return;
  if (chooseFirst && res.length) { choose(res[0]); return; }
  showList(res);
}

function showList(res, msg) {
  const input = $('#q');
  const list = $('#q-list');
  search.results = res;
  search.active = -1;
  list.replaceChildren();
  res.forEach((r, i) => {
    list.append(el('li', { role: 'option', id: `q-opt-${i}`, 'aria-selected': 'false', onclick: () => choose(r) },
      el('span', { class: 'opt-label' }, r.label), el('span', { class: 'opt-id' }, r.id)));
  });
  if (!res.length) list.append(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, msg || t('searchNone')));
  list.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  input.removeAttribute('aria-activedescendant');
}

function setActive(i) {
  search.active = i;
  const input = $('#q');
  for (const li of $('#q-list').children) li.setAttribute('aria-selected', li.id === `q-opt-${i}` ? 'true' : 'false');
  input.setAttribute('aria-activedescendant', `q-opt-${i}`);
  document.getElementById(`q-opt-${i}`)?.scrollIntoView({ block: 'nearest' });
}

function closeList() {
  const input = $('#q');
  $('#q-list').hidden = true;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
  search.active = -1;
}

function choose(r) {
  closeList();
  $('#q').value = r.label;
  if (r.dataset && r.dataset !== state.dataset && state.datasets.some((d) => d.name === r.dataset)) {
    // Another dataset: reload on it, keeping the parcel.
    const q = new URLSearchParams(location.search);
    q.set('dataset', r.dataset);
    q.set('parcel', r.id);
    location.search = q.toString();
    return;
  }
  if (r.bbox) flyToBBox2180(r.bbox);
  openParcel(r.id, { fly: !r.bbox });
}

function flyToBBox2180(b) {
  const sw = fromPUWG92(b[0], b[1]);
  const ne = fromPUWG92(b[2], b[3]);
  const nw = fromPUWG92(b[0], b[3]);
  const se = fromPUWG92(b[2], b[1]);
  const w = Math.min(sw[0], nw[0]), e = Math.max(ne[0], se[0]);
  const s = Math.min(sw[1], se[1]), n = Math.max(ne[1], nw[1]);
  window.map.fitBounds([[w, s], [e, n]], { padding: mapPadding(), maxZoom: 18, duration: 600 });
}

function mapPadding() {
  const narrow = window.innerWidth < 700;
  return narrow ? { top: 30, bottom: 30, left: 20, right: 20 } : { top: 40, bottom: 40, left: 40, right: 460 };
}

// ---- point lookup and card
async function onMapClick(e) {
  if (state.measure) { addMeasurePoint(e.lngLat); return; }
  if (ui.onMapClick?.(e)) return; // the report form takes the point
  lookupAt(e.lngLat);
}

async function lookupAt(ll) {
  const [E, N] = toPUWG92(ll.lng, ll.lat);
  const u = `/api/parcels?xy=${E.toFixed(2)},${N.toFixed(2)}&srid=2180` + (state.dataset ? `&dataset=${encodeURIComponent(state.dataset)}` : '');
  try {
    const r = await fetch(u);
    if (!r.ok) throw new Error(String(r.status));
    const fc = await r.json();
    const f = (fc.features || [])[0];
    if (!f) { showPanel(el('p', { class: 'muted' }, t('noParcel'))); setHighlight(null); return; }
    openParcel(f.properties.id_dzialki, { fly: false });
  } catch {
    showPanel(el('p', { class: 'error', role: 'alert' }, t('cardError')));
  }
}

async function openParcel(id, { fly }) {
  ui.closeReport?.();
  state.parcel = id;
  saveURL();
  showPanel(el('p', { class: 'muted' }, t('loading')));
  try {
    const u = `/api/parcels/${encodeURIComponent(id)}?srid=4326` + (state.dataset ? `&dataset=${encodeURIComponent(state.dataset)}` : '');
    const r = await fetch(u);
    if (!r.ok) throw new Error(String(r.status));
    const card = await r.json();
    if (state.parcel !== id) return;
    current.card = card;
    current.quote = null;
    setHighlight(card);
    renderCard(card);
    if (fly && card.geometry) {
      const bb = bboxOf(card.geometry);
      window.map.fitBounds([[bb[0], bb[1]], [bb[2], bb[3]]], { padding: mapPadding(), maxZoom: 18, duration: 600 });
    }
  } catch {
    showPanel(el('p', { class: 'error', role: 'alert' }, t('cardError')));
  }
}

function bboxOf(g) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') { b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]); }
    else c.forEach(walk);
  };
  walk(g.coordinates);
  return b;
}

function setHighlight(feature) {
  const src = window.map?.getSource('highlight');
  if (!src) return;
  src.setData(feature && feature.geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: feature.geometry, properties: {} }] } : { type: 'FeatureCollection', features: [] });
}

function showPanel(...content) {
  const p = $('#panel');
  $('#panel-body').replaceChildren(...content);
  p.hidden = false;
}

function closePanel() {
  $('#panel').hidden = true;
  ui.closeReport?.();
  current.card = null;
  state.parcel = '';
  setHighlight(null);
  saveURL();
  window.map?.getCanvas().focus();
}

function renderCard(f) {
  const p = f.properties || {};
  const row = (k, v) => (v == null || v === '' ? null : el('tr', {}, el('th', { scope: 'row' }, t(k)), el('td', {}, v)));
  const lu = (p.klasouzytki || []).map((u) => `${u.ofu || ''}${u.ozu && u.ozu !== u.ofu ? '/' + u.ozu : ''}${u.ozk || ''} ${fmt(u.pole_ha, 4)} ha`).join(', ');
  const plan = (p.planowanie || []).map((z) => {
    const a = z.atrybuty || {};
    return [a.oznaczenie, a.przeznaczenie || a.symbol, a.nazwa].filter(Boolean).join(' ');
  }).filter(Boolean).join('; ');
  const table = el('table', { class: 'card' }, el('tbody', {},
    row('parcelId', p.id_dzialki),
    row('parcelNumber', p.numer_dzialki),
    row('sheet', p.numer_arkusza),
    row('obreb', [p.obreb?.nazwa, p.obreb?.id && `(${p.obreb.id})`].filter(Boolean).join(' ')),
    row('gmina', [p.gmina?.nazwa, p.gmina?.id && `(${p.gmina.id})`].filter(Boolean).join(' ')),
    row('address', (p.adresy || []).join('; ') || null),
    row('areaEwid', p.pole_ewidencyjne_ha != null ? `${fmt(p.pole_ewidencyjne_ha, 4)} ha` : null),
    row('areaGeom', p.pole_geometryczne_m2 != null ? `${fmt(p.pole_geometryczne_m2, 0)} m²` : null),
    row('kw', (p.numery_kw || []).join(', ') || t('none')),
    row('landUse', lu || null),
    row('group', p.grupa_rejestrowa),
    row('buildings', String((p.budynki || []).length)),
    row('planning', plan || null),
  ));
  const orderBtn = el('button', { type: 'button', id: 'order', class: 'primary', onclick: () => quote(p.id_dzialki) }, t('order'));
  const box = el('div', { id: 'order-box', 'aria-live': 'polite' });
  showPanel(el('h2', { id: 'panel-title', tabindex: '-1' }, `${t('card')}: ${p.numer_dzialki || p.id_dzialki}`), table, orderBtn, box, ...(ui.cardExtras?.(p) || []));
  if (current.quote) renderQuote(current.quote);
}

// ---- extracts: quote, then order
async function quote(id) {
  const box = $('#order-box');
  box.replaceChildren(el('p', { class: 'muted' }, t('loading')));
  let r;
  try {
    r = await fetch('/api/extracts/quote', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ dataset: state.dataset, parcels: [id], products: ['gpkg'] }),
    });
  } catch {
    box.replaceChildren(el('p', { class: 'error', role: 'alert' }, t('orderError')));
    return;
  }
  let body = null;
  try { body = await r.json(); } catch { /* not JSON */ }
  if (unavailable(r, body)) {
    box.replaceChildren(el('p', { class: 'notice', role: 'status', id: 'order-unavailable' }, t('orderUnavailable')));
    return;
  }
  if (!r.ok || !body) {
    box.replaceChildren(el('p', { class: 'error', role: 'alert' }, `${t('orderError')}${body?.detail ? ': ' + body.detail : ''}`));
    return;
  }
  current.quote = { ...body, parcel: id };
  renderQuote(current.quote);
}

// The extracts service is missing (route unknown, 501) or switched off (503);
// a 404 with a problem code of its own (UnknownParcel…) is a real answer.
function unavailable(r, body) {
  if (r.status === 501 || r.status === 503) return true;
  return r.status === 404 && (!body || !body.code || body.code === 'NotFound');
}

const zl = (gr) => `${fmt(gr / 100, 2)} zł`;

function renderQuote(q) {
  const box = $('#order-box');
  if (!box) return;
  const rows = (q.items || []).map((it) => el('tr', {},
    el('td', {}, String(it.lp ?? '')),
    el('td', {}, it.title || it.product, it.basis ? el('small', {}, ` (${it.basis})`) : null),
    el('td', { class: 'num' }, it.free ? t('quoteFree') : zl(it.amount))));
  const table = el('table', { class: 'quote', id: 'quote' },
    el('caption', {}, t('orderTitle')),
    el('tbody', {}, rows),
    el('tfoot', {}, el('tr', {}, el('th', { colspan: '2', scope: 'row' }, t('quoteTotal')), el('td', { class: 'num', id: 'quote-total' }, q.total_text || zl(q.total || 0)))));
  const place = el('button', { type: 'button', id: 'place-order', onclick: () => placeOrder(q.parcel) }, t('orderConfirm'));
  box.replaceChildren(table, place);
}

async function placeOrder(id) {
  const box = $('#order-box');
  let r, body = null;
  try {
    r = await fetch('/api/extracts/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ dataset: state.dataset, parcels: [id], products: ['gpkg'] }),
    });
    body = await r.json().catch(() => null);
  } catch { /* below */ }
  if (!r || unavailable(r, body)) {
    box.append(el('p', { class: 'notice', role: 'status' }, t('orderUnavailable')));
    return;
  }
  if (!r.ok || !body) {
    box.append(el('p', { class: 'error', role: 'alert' }, `${t('orderError')}${body?.detail ? ': ' + body.detail : ''}`));
    return;
  }
  const link = body.payment?.redirect_url;
  box.append(el('div', { class: 'notice', role: 'status', id: 'order-placed' },
    el('p', {}, `${t('orderPlaced')}. ${t('orderNumber')}: `, el('code', {}, body.id || '')),
    link ? el('p', {}, el('a', { href: link, rel: 'noopener' }, t('payLink'))) : null));
}

// ---- measuring
function startMeasure(mode) {
  state.measure = { mode, pts: [] };
  window.map.getCanvas().style.cursor = 'crosshair';
  renderMeasure();
  drawMeasure();
}
function finishMeasure() {
  if (!state.measure) return;
  state.measure.done = true;
  window.map.getCanvas().style.cursor = '';
  const m = state.measure;
  state.measure = null;
  renderMeasure(m);
}
function clearMeasure() {
  state.measure = null;
  window.map.getCanvas().style.cursor = '';
  window.map.getSource('measure')?.setData({ type: 'FeatureCollection', features: [] });
  renderMeasure();
}
function addMeasurePoint(ll) {
  state.measure.pts.push([ll.lng, ll.lat]);
  drawMeasure();
  renderMeasure();
}
function drawMeasure(m = state.measure) {
  if (!m) return;
  const feats = m.pts.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: {} }));
  if (m.mode === 'area' && m.pts.length >= 3) feats.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...m.pts, m.pts[0]]] }, properties: {} });
  else if (m.pts.length >= 2) feats.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: m.pts }, properties: {} });
  window.map.getSource('measure')?.setData({ type: 'FeatureCollection', features: feats });
}
let lastMeasure = null;
function renderMeasure(done) {
  const out = $('#measure-out');
  if (!out) return;
  const m = state.measure || done || lastMeasure;
  if (done) lastMeasure = done;
  if (state.measure) lastMeasure = null;
  if (!m) { out.textContent = ''; return; }
  if (!m.pts.length) { out.textContent = t('measureHint'); return; }
  if (m.mode === 'line') {
    const d = lineLength(m.pts);
    out.textContent = `${t('distance')}: ${d >= 1000 ? fmt(d / 1000, 3) + ' km' : fmt(d, 2) + ' m'}`;
  } else {
    const a = ringArea(m.pts);
    out.textContent = `${t('area')}: ${fmt(a, 1)} m² (${fmt(a / 10000, 4)} ha)`;
  }
}

// ---- wiring
function wire() {
  $('#lang').addEventListener('click', () => { state.lang = state.lang === 'pl' ? 'en' : 'pl'; saveURL(); applyLang(); });
  $('#panel-close').addEventListener('click', closePanel);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.measure) finishMeasure();
    else if (e.key === 'Escape' && !$('#panel').hidden && !e.target.closest?.('#search')) closePanel();
  });
  $('#m-line').addEventListener('click', () => startMeasure('line'));
  $('#m-area').addEventListener('click', () => startMeasure('area'));
  $('#m-clear').addEventListener('click', clearMeasure);
  for (const b of document.querySelectorAll('[data-toggle]')) {
    b.addEventListener('click', () => {
      const target = document.getElementById(b.dataset.toggle);
      const open = target.hidden;
      target.hidden = !open;
      b.setAttribute('aria-expanded', String(open));
    });
  }
  setupSearch();
  setupReport(ui);
  setupAlerts(ui);
}

wire();
boot();

// For tests and embedding: the PUWG 1992 transform the page uses.
window.sip = { toPUWG92, fromPUWG92, lineLength, ringArea, buildStyle };
