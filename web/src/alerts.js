// Area alerts in the viewer: the current alerts' areas (GET /alerts.json,
// public fields only) drawn over the map, a banner naming those that cover
// the view, and in the parcel card a form to subscribe the parcel by e-mail
// (POST /api/alerts/subscriptions; the server sends a confirmation link).
// Only when /viewer/config.json says the server has alerts on.

const REFRESH_MS = 60000;

export function setupAlerts(ui) {
  const { $, el, t, getMap } = ui;
  const st = { on: false, data: { type: 'FeatureCollection', features: [] } };

  async function load() {
    try {
      const r = await fetch('/alerts.json');
      if (!r.ok) return false;
      st.data = await r.json();
      st.on = true;
      return true;
    } catch { return false; }
  }

  // The box of a feature's geometry: [minLon, minLat, maxLon, maxLat].
  function bbox(f) {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of f.geometry?.coordinates || []) {
      for (const [x, y] of poly[0] || []) {
        b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
      }
    }
    return b;
  }

  function banner() {
    const m = getMap();
    const box = $('#alert-banner');
    if (!m || !box) return;
    const v = m.getBounds();
    const inView = st.data.features.filter((f) => {
      const b = bbox(f);
      return b[0] <= v.getEast() && b[2] >= v.getWest() && b[1] <= v.getNorth() && b[3] >= v.getSouth();
    });
    box.hidden = inView.length === 0;
    box.replaceChildren(...inView.map((f) => el('p', { class: 'alert-item' },
      el('strong', {}, `${t('alertWord')}: ${f.properties.headline}`), ' ',
      el('span', {}, `${f.properties.area} — ${t('alertUntil')} ${f.properties.expires.replace('T', ' ').slice(0, 16)}`), ' ',
      el('a', { href: f.properties.cap }, 'CAP'))));
  }

  function draw() {
    const m = getMap();
    if (!m || !st.on) return;
    const src = m.getSource('alerts');
    if (src) { src.setData(st.data); } else {
      m.addSource('alerts', { type: 'geojson', data: st.data });
      m.addLayer({ id: 'alerts-fill', type: 'fill', source: 'alerts', paint: { 'fill-color': '#d32f2f', 'fill-opacity': 0.12 } });
      m.addLayer({ id: 'alerts-line', type: 'line', source: 'alerts', paint: { 'line-color': '#d32f2f', 'line-width': 2 } });
    }
    banner();
  }

  ui.mapLoaded = async () => {
    if (!ui.alertsOn) return; // the server does not serve alerts
    if (await load()) draw();
    getMap()?.on('moveend', banner);
    setInterval(async () => { if (await load()) draw(); }, REFRESH_MS);
  };

  // The subscription form under a parcel's card.
  ui.cardExtras = (p) => {
    if (!st.on || !p.id_dzialki) return [];
    const out = el('p', { id: 'as-out', 'aria-live': 'polite' });
    const email = el('input', { id: 'as-email', type: 'email', required: true, autocomplete: 'email', maxlength: '254' });
    const form = el('form', { id: 'alert-sub' },
      el('h3', {}, t('alertSubTitle')),
      el('p', { class: 'muted' }, t('alertSubNote')),
      el('label', { for: 'as-email' }, 'E-mail'), email,
      el('button', { type: 'submit', class: 'primary' }, t('alertSubscribe')), out);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      out.textContent = t('loading');
      out.className = '';
      try {
        const r = await fetch('/api/alerts/subscriptions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: email.value.trim(), parcel: p.id_dzialki }) });
        if (r.status === 202) {
          out.textContent = t('alertSubSent');
        } else {
          const body = await r.json().catch(() => ({}));
          out.textContent = `${t('alertSubFailed')}: ${body.detail || r.status}`;
          out.className = 'error';
        }
      } catch {
        out.textContent = t('alertSubFailed');
        out.className = 'error';
      }
    });
    return [form];
  };
}
