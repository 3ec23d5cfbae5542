// "Zgłoś problem": a resident's report through this server's Open311
// GeoReport v2 API (/open311/v2). Pick a point on the map or use the device's
// location, choose a category and fill its attributes, describe, attach an
// optional photo (the server re-encodes it without metadata), leave an
// optional contact; the form shows who will receive the report before it is
// sent (GET routing.json) and the tracking number after.

const API = '/open311/v2';
const MAX_PHOTO = 8 << 20;

export function setupReport(ui) {
  const { $, el, t, showPanel, getMap } = ui;
  const rep = { on: false, point: null, services: [], defs: {}, service: '', preview: null, seq: 0 };
  ui.report = rep;

  async function available() {
    try {
      const r = await fetch(`${API}/services.json`);
      if (!r.ok) return false;
      rep.services = await r.json();
      return Array.isArray(rep.services) && rep.services.length > 0;
    } catch { return false; }
  }

  function setPoint(lng, lat) {
    rep.point = { lng, lat };
    const m = getMap();
    const src = m?.getSource('report-point');
    if (src) src.setData({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: {} }] });
    const out = $('#rp-where');
    if (out) out.textContent = `${lat.toFixed(6)}, ${lng.toFixed(6)}`;
    updatePreview();
  }

  function addMarkerLayer() {
    const m = getMap();
    if (!m || m.getSource('report-point')) return;
    m.addSource('report-point', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    m.addLayer({ id: 'report-point', type: 'circle', source: 'report-point',
      paint: { 'circle-radius': 8, 'circle-color': '#d32f2f', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
  }

  // The map's click goes here while the form is open.
  ui.onMapClick = (e) => {
    if (!rep.on) return false;
    setPoint(e.lngLat.lng, e.lngLat.lat);
    return true;
  };

  function locate() {
    const msg = $('#rp-locate-msg');
    if (!navigator.geolocation) { msg.textContent = t('rpNoGeo'); return; }
    msg.textContent = t('loading');
    navigator.geolocation.getCurrentPosition((pos) => {
      msg.textContent = '';
      const { longitude, latitude } = pos.coords;
      setPoint(longitude, latitude);
      getMap()?.flyTo({ center: [longitude, latitude], zoom: Math.max(getMap().getZoom(), 16) });
    }, () => { msg.textContent = t('rpNoGeo'); }, { enableHighAccuracy: true, timeout: 15000 });
  }

  async function definition(code) {
    if (rep.defs[code]) return rep.defs[code];
    const r = await fetch(`${API}/services/${encodeURIComponent(code)}.json`);
    if (!r.ok) throw new Error(String(r.status));
    rep.defs[code] = await r.json();
    return rep.defs[code];
  }

  function attrInput(a) {
    const id = `rp-attr-${a.code}`;
    const label = el('label', { for: id }, a.description || a.code, a.required ? ' *' : '');
    let input;
    switch (a.datatype) {
      case 'singlevaluelist':
        input = el('select', { id, 'data-code': a.code, required: a.required },
          el('option', { value: '' }, '—'), (a.values || []).map((v) => el('option', { value: v.key }, v.name)));
        break;
      case 'multivaluelist':
        return el('fieldset', { class: 'rp-multi', id, 'data-code': a.code, 'data-multi': 'true' }, el('legend', {}, a.description || a.code, a.required ? ' *' : ''),
          (a.values || []).map((v) => el('label', {}, el('input', { type: 'checkbox', value: v.key }), ' ', v.name)));
      case 'number':
        input = el('input', { id, type: 'number', step: 'any', 'data-code': a.code, required: a.required });
        break;
      case 'datetime':
        input = el('input', { id, type: 'datetime-local', 'data-code': a.code, required: a.required });
        break;
      case 'text':
        input = el('textarea', { id, rows: '3', maxlength: '4000', 'data-code': a.code, required: a.required });
        break;
      default:
        input = el('input', { id, type: 'text', maxlength: '250', 'data-code': a.code, required: a.required });
    }
    return el('div', { class: 'rp-field' }, label, input);
  }

  async function chooseService(code) {
    rep.service = code;
    const box = $('#rp-attrs');
    box.replaceChildren();
    rep.preview = null;
    if (!code) { updatePreview(); return; }
    try {
      const def = await definition(code);
      if (rep.service !== code) return;
      const attrs = [...(def.attributes || [])].filter((a) => a.variable !== false).sort((x, y) => (x.order || 0) - (y.order || 0));
      box.replaceChildren(...attrs.map(attrInput));
    } catch {
      box.replaceChildren(el('p', { class: 'error' }, t('rpError')));
    }
    updatePreview();
  }

  // Who will receive it: asked of the server whenever the point or the
  // category changes.
  async function updatePreview() {
    const out = $('#rp-who');
    if (!out) return;
    if (!rep.point || !rep.service) { out.replaceChildren(el('p', { class: 'muted' }, t('rpWhoHint'))); return; }
    const seq = ++rep.seq;
    const q = new URLSearchParams({ lat: rep.point.lat.toFixed(8), long: rep.point.lng.toFixed(8), service_code: rep.service });
    try {
      const r = await fetch(`${API}/routing.json?${q}`);
      const body = await r.json();
      if (seq !== rep.seq) return;
      if (!r.ok) throw new Error(body?.[0]?.description || String(r.status));
      rep.preview = body;
      const kids = [el('p', {}, el('strong', {}, `${t('rpWho')}: `), el('span', { id: 'rp-agency' }, body.agency_responsible))];
      if (!body.agency_hosted) kids.push(el('p', { class: 'notice', id: 'rp-not-ours' }, t('rpNotOurs'), ' ', body.agency_contact || ''));
      if (body.flagged) {
        const alts = (body.alternatives || []).map((a) => `${a.agency} (${Math.round(a.distance_m)} m)`).join('; ');
        kids.push(el('div', { class: 'notice', id: 'rp-flag' },
          el('p', {}, t('rpFlagged'), ' ', alts),
          el('label', {}, el('input', { type: 'checkbox', id: 'rp-confirm' }), ' ', t('rpConfirm'))));
      }
      out.replaceChildren(...kids);
    } catch (e) {
      if (seq === rep.seq) out.replaceChildren(el('p', { class: 'error' }, `${t('rpError')}: ${e.message}`));
    }
  }

  function form() {
    const services = el('select', { id: 'rp-service', required: true, onchange: (e) => chooseService(e.target.value) }, el('option', { value: '' }, '—'));
    const groups = {};
    for (const s of rep.services) {
      const g = s.group || '';
      if (!groups[g]) { groups[g] = el('optgroup', { label: g }); services.append(groups[g]); }
      groups[g].append(el('option', { value: s.service_code }, s.service_name));
    }
    return el('form', { id: 'report-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
      el('h2', { id: 'panel-title', tabindex: '-1' }, t('report')),
      el('p', { class: 'muted' }, t('rpWhereHint')),
      el('p', {}, el('strong', {}, `${t('rpWhere')}: `), el('span', { id: 'rp-where' }, rep.point ? `${rep.point.lat.toFixed(6)}, ${rep.point.lng.toFixed(6)}` : '—'), ' ',
        el('button', { type: 'button', id: 'rp-locate', onclick: locate }, t('rpLocate')), el('span', { id: 'rp-locate-msg', class: 'muted', 'aria-live': 'polite' })),
      el('div', { class: 'rp-field' }, el('label', { for: 'rp-service' }, t('rpCategory'), ' *'), services),
      el('div', { id: 'rp-attrs' }),
      el('div', { class: 'rp-field' }, el('label', { for: 'rp-desc' }, t('rpDescription')), el('textarea', { id: 'rp-desc', rows: '3', maxlength: '4000' })),
      el('div', { class: 'rp-field' }, el('label', { for: 'rp-photo' }, t('rpPhoto')),
        el('input', { id: 'rp-photo', type: 'file', accept: 'image/jpeg,image/png,image/webp,image/gif', capture: 'environment' }),
        el('small', { class: 'muted' }, t('rpPhotoNote'))),
      el('fieldset', { class: 'rp-contact' }, el('legend', {}, t('rpContact')),
        el('div', { class: 'rp-field' }, el('label', { for: 'rp-email' }, 'E-mail'), el('input', { id: 'rp-email', type: 'email', autocomplete: 'email' })),
        el('div', { class: 'rp-field' }, el('label', { for: 'rp-phone' }, t('rpPhone')), el('input', { id: 'rp-phone', type: 'tel', autocomplete: 'tel' })),
        el('small', { class: 'muted' }, t('rpContactNote'))),
      el('div', { id: 'rp-who', 'aria-live': 'polite' }),
      el('button', { type: 'submit', id: 'rp-send', class: 'primary' }, t('rpSend')),
      el('div', { id: 'rp-result', 'aria-live': 'polite' }));
  }

  function collect() {
    const fd = new FormData();
    fd.append('service_code', rep.service);
    fd.append('lat', rep.point.lat.toFixed(8));
    fd.append('long', rep.point.lng.toFixed(8));
    for (const e of document.querySelectorAll('#rp-attrs [data-code]')) {
      const code = e.dataset.code;
      if (e.dataset.multi) {
        for (const c of e.querySelectorAll('input:checked')) fd.append(`attribute[${code}][]`, c.value);
      } else if (e.value) {
        let v = e.value;
        if (e.type === 'datetime-local') v = localISO(v);
        fd.append(`attribute[${code}]`, v);
      }
    }
    const desc = $('#rp-desc').value.trim();
    if (desc) fd.append('description', desc);
    for (const [id, name] of [['#rp-email', 'email'], ['#rp-phone', 'phone']]) {
      const v = $(id).value.trim();
      if (v) fd.append(name, v);
    }
    const f = $('#rp-photo').files?.[0];
    if (f) fd.append('media', f, f.name);
    return fd;
  }

  function problem(msg) {
    $('#rp-result').replaceChildren(el('p', { class: 'error', role: 'alert' }, msg));
  }

  async function submit() {
    if (!rep.point) return problem(t('rpNeedPoint'));
    if (!rep.service) return problem(t('rpNeedCategory'));
    for (const e of document.querySelectorAll('#rp-attrs [data-code]')) {
      const missing = e.dataset.multi ? e.hasAttribute('required') && !e.querySelector('input:checked') : e.required && !e.value;
      if (missing) return problem(t('rpNeedRequired'));
    }
    if (rep.preview?.flagged && !$('#rp-confirm')?.checked) return problem(t('rpNeedConfirm'));
    const f = $('#rp-photo').files?.[0];
    if (f && f.size > MAX_PHOTO) return problem(t('rpPhotoTooBig'));
    $('#rp-send').disabled = true;
    $('#rp-result').replaceChildren(el('p', { class: 'muted' }, t('loading')));
    try {
      const r = await fetch(`${API}/requests.json`, { method: 'POST', body: collect() });
      const body = await r.json().catch(() => null);
      if (!r.ok || !Array.isArray(body)) throw new Error(body?.[0]?.description || String(r.status));
      const id = body[0].service_request_id;
      $('#rp-result').replaceChildren(el('div', { class: 'notice', role: 'status', id: 'rp-done' },
        el('p', {}, `${t('rpSent')} `, el('strong', {}, `${t('rpNumber')}: `), el('code', { id: 'rp-id' }, id)),
        el('p', {}, body[0].service_notice || ''),
        el('p', {}, el('button', { type: 'button', id: 'rp-track', onclick: () => track(id) }, t('rpTrack'))),
        el('div', { id: 'rp-status' })));
    } catch (e) {
      problem(`${t('rpError')}: ${e.message}`);
    } finally {
      $('#rp-send').disabled = false;
    }
  }

  async function track(id) {
    const out = $('#rp-status');
    try {
      const r = await fetch(`${API}/requests/${encodeURIComponent(id)}.json`);
      const body = await r.json();
      if (!r.ok) throw new Error(body?.[0]?.description || String(r.status));
      const q = body[0];
      out.replaceChildren(el('p', {}, `${t('rpStatus')}: `, el('strong', { id: 'rp-state' }, q.status === 'open' ? t('rpOpen') : t('rpClosed')),
        q.status_notes ? ` — ${q.status_notes}` : '', ` (${q.agency_responsible})`));
    } catch (e) {
      out.replaceChildren(el('p', { class: 'error' }, `${t('rpError')}: ${e.message}`));
    }
  }

  function open() {
    rep.on = true;
    addMarkerLayer();
    showPanel(form());
    if (rep.service) { $('#rp-service').value = rep.service; chooseService(rep.service); }
    updatePreview();
    $('#panel-title')?.focus();
    getMap()?.getCanvas().style.setProperty('cursor', 'crosshair');
  }

  ui.closeReport = () => {
    rep.on = false;
    getMap()?.getCanvas().style.removeProperty('cursor');
    getMap()?.getSource('report-point')?.setData({ type: 'FeatureCollection', features: [] });
  };
  ui.rerenderReport = () => { if (rep.on) open(); };

  available().then((ok) => {
    const b = $('#report');
    if (!b) return;
    b.hidden = !ok;
    b.addEventListener('click', open);
  });
}

// A datetime-local value with the browser's offset, as the API wants times.
function localISO(v) {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  const off = -d.getTimezoneOffset();
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${v.length === 16 ? v + ':00' : v}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}
