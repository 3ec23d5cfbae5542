// End-to-end tests of the viewer in Debian's Chromium driven by playwright-core.
// usage: node e2e/run.mjs BASEURL FIXTURE.json
// FIXTURE (written by web/browser_test.go) names a known parcel, a point inside
// another one, and reference EPSG:2180 coordinates from the Go geo package and
// PROJ's cs2cs. Screenshots and metrics go to e2e/artifacts/.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || '').replace(/\/$/, '');
const fixture = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const artifacts = process.env.SIP_E2E_ARTIFACTS || join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let failures = 0;
const metrics = {};
function check(cond, msg) {
  if (cond) console.log(`ok   ${msg}`);
  else { failures++; console.log(`FAIL ${msg}`); }
}
async function step(name, fn) {
  try { await fn(); } catch (e) { failures++; console.log(`FAIL ${name}: ${e.stack || e}`); }
}

const userDataDir = mkdtempSync(join(tmpdir(), 'sip-e2e-chromium-'));
const ctx = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const foreign = [];
const consoleErrors = [];
function watch(page) {
  page.on('request', (req) => {
    const u = req.url();
    // The configured offline background is the one foreign address allowed.
    if (!u.startsWith(base + '/') && !u.startsWith('blob:') && !u.startsWith('data:') && !(fixture.offline && u.startsWith(fixture.offline + '/'))) foreign.push(u);
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
}

// Waits until the map has finished loading what it shows.
async function idle(page) {
  await page.waitForFunction(() => window.map && window.map.loaded() && window.map.areTilesLoaded() && !window.map.isMoving(), null, { timeout: 20000 });
  await page.evaluate(() => new Promise((res) => { if (window.map.loaded() && !window.map.isMoving()) { window.map.once('idle', res); window.map.triggerRepaint(); } else window.map.once('idle', res); }));
}
const rendered = (page, layers) => page.evaluate((ls) => window.map.queryRenderedFeatures({ layers: ls.filter((l) => window.map.getLayer(l)) }).length, layers);

const page = ctx.pages()[0] || await ctx.newPage();
watch(page);

await step('first render', async () => {
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.map && window.map.isStyleLoaded() &&
    window.map.queryRenderedFeatures({ layers: ['dzialki-line'] }).length > 0, null, { timeout: 20000, polling: 'raf' });
  metrics.first_render_ms = await page.evaluate(() => Math.round(performance.now()));
  metrics.resources = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .filter((e) => /app\.js|worker|tiles\/.*\.json|\.mvt|config\.json/.test(e.name))
    .slice(0, 6).map((e) => [new URL(e.name).pathname, [Math.round(e.startTime), Math.round(e.responseEnd)]])));
  console.log(`info first render with parcels drawn: ${metrics.first_render_ms} ms after navigation start (cold browser); resources [start, end] ms: ${JSON.stringify(metrics.resources)}`);
  await idle(page);
  const n = await rendered(page, ['dzialki-line', 'dzialki-fill']);
  check(n > 0, `the map renders parcel features (queryRenderedFeatures: ${n})`);
  const b = await rendered(page, ['budynki-fill']);
  check(b > 0, `buildings are drawn (${b})`);
  const ob = await rendered(page, ['obreby-line']);
  check(ob > 0, `obręb boundaries are drawn (${ob})`);
  check(await page.evaluate(() => document.documentElement.lang) === 'pl', 'Polish by default');
  await page.screenshot({ path: join(artifacts, 'desktop-overview.png') });
});

await step('first render, warm', async () => {
  const w = await ctx.newPage();
  await w.goto(base + '/', { waitUntil: 'domcontentloaded' });
  await w.waitForFunction(() => window.map && window.map.isStyleLoaded() &&
    window.map.queryRenderedFeatures({ layers: ['dzialki-line'] }).length > 0, null, { timeout: 20000, polling: 'raf' });
  metrics.first_render_warm_ms = await w.evaluate(() => Math.round(performance.now()));
  console.log(`info first render, second visit: ${metrics.first_render_warm_ms} ms`);
  await w.close();
});

await step('style', async () => {
  const style = await page.evaluate(() => window.map.getStyle());
  const f = join(artifacts, 'style.live.json');
  writeFileSync(f, JSON.stringify(style));
  const validator = join(here, '..', 'node_modules', '.bin', 'gl-style-validate');
  let out = '', ok = true;
  try { out = execFileSync(validator, [f, join(here, '..', 'dist', 'style.example.json')], { encoding: 'utf8' }); } catch (e) { ok = false; out = String(e.stdout || e); }
  check(ok, `gl-style-validate accepts the live and the example style ${out.trim()}`);
  const urls = JSON.stringify(style).match(/https?:\/\/[^"\\]+/g) || [];
  const others = urls.filter((u) => !u.startsWith(base + '/') && !u.startsWith(fixture.offline + '/'));
  check(others.length === 0, `the style references only this server and the configured backgrounds (${urls.length} URLs; others: ${others.join(', ')})`);
  check(!('glyphs' in style) && !('sprite' in style), 'no glyphs or sprite URL: labels use local fonts');
});

await step('EPSG:2180 transform', async () => {
  const res = await page.evaluate((pts) => pts.map((p) => ({ f: window.sip.toPUWG92(p.lon, p.lat), i: window.sip.fromPUWG92(p.e, p.n) })), fixture.points);
  let worst = 0, worstInv = 0;
  res.forEach((r, k) => {
    const p = fixture.points[k];
    worst = Math.max(worst, Math.abs(r.f[0] - p.e), Math.abs(r.f[1] - p.n));
    worstInv = Math.max(worstInv, Math.abs(r.i[0] - p.lon), Math.abs(r.i[1] - p.lat));
  });
  check(worst < 0.001, `lon/lat → EPSG:2180 matches ${fixture.reference} within 1 mm at ${res.length} points (worst ${(worst * 1000).toFixed(4)} mm)`);
  check(worstInv < 1e-8, `EPSG:2180 → lon/lat matches within 1e-8° (worst ${worstInv.toExponential(2)}°)`);
});

await step('search', async () => {
  const p = fixture.search;
  await page.focus('#q');
  await page.keyboard.type(p.query, { delay: 20 });
  await page.waitForSelector('#q-list li[role=option]:not(.empty)', { timeout: 10000 });
  const labels = await page.$$eval('#q-list li .opt-id', (ls) => ls.map((l) => l.textContent));
  check(labels.includes(p.id), `autocomplete lists ${p.id} for "${p.query}" (${labels.length} results)`);
  const idx = labels.indexOf(p.id);
  for (let i = 0; i <= idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) table.card', { timeout: 10000 });
  await page.waitForFunction(() => !window.map.isMoving(), null, { timeout: 10000 });
  await idle(page);
  const card = await page.textContent('#panel');
  check(card.includes(p.id), 'choosing the result opens its card');
  check(card.includes(p.obreb), `the card names the obręb ${p.obreb}`);
  const c = await page.evaluate(() => window.map.getCenter());
  const [ce, cn] = await page.evaluate(([lon, lat]) => window.sip.toPUWG92(lon, lat), [c.lng, c.lat]);
  const b = p.bbox; // EPSG:2180, padded camera: the parcel's box must contain the visible centre area
  const pad = Math.max(b[2] - b[0], b[3] - b[1]);
  const inView = await page.evaluate((bb) => {
    const m = window.map; const r = m.getContainer().getBoundingClientRect();
    const sw = m.unproject([0, r.height]), ne = m.unproject([r.width, 0]);
    return [sw.lng, sw.lat, ne.lng, ne.lat];
  }, b);
  const [vw, vs] = await page.evaluate(([x, y]) => window.sip.toPUWG92(x, y), [inView[0], inView[1]]);
  const [ve, vn] = await page.evaluate(([x, y]) => window.sip.toPUWG92(x, y), [inView[2], inView[3]]);
  check(vw <= b[0] && ve >= b[2] && vs <= b[1] && vn >= b[3], 'the whole parcel is in view');
  check(Math.abs(ce - (b[0] + b[2]) / 2) < 3 * pad + 400 && Math.abs(cn - (b[1] + b[3]) / 2) < 3 * pad + 200, `the map is centred near it (centre ${ce.toFixed(1)}, ${cn.toFixed(1)})`);
  const zoom = await page.evaluate(() => window.map.getZoom());
  check(zoom >= 15, `zoomed in to the parcel (z ${zoom.toFixed(2)})`);
  const hl = await rendered(page, ['highlight-fill']);
  check(hl > 0, 'the parcel is highlighted');
  check(new URL(page.url()).searchParams.get('parcel') === p.id, 'the URL names the parcel');
  await page.screenshot({ path: join(artifacts, 'desktop-search-card.png') });
});

await step('order extract', async () => {
  await page.click('#order');
  await page.waitForSelector('#quote, #order-unavailable, #order-box .error', { timeout: 10000 });
  const quote = await page.$('#quote');
  check(quote !== null, 'the quote of the extracts service is shown, itemised');
  if (quote) {
    const rows = await page.$$eval('#quote tbody tr', (r) => r.length);
    const total = await page.textContent('#quote-total');
    check(rows > 0 && /zł|PLN|0/.test(total), `${rows} item(s), total "${total.trim()}"`);
  }
  await page.screenshot({ path: join(artifacts, 'desktop-quote.png') });
  // Without the extracts service the action says so.
  await page.route('**/api/extracts/quote', (route) => route.fulfill({ status: 501, contentType: 'application/problem+json', body: '{"status":501,"code":"OperationNotSupported"}' }));
  await page.click('#order');
  await page.waitForSelector('#order-unavailable', { timeout: 5000 });
  check(/nie jest dostępne/.test(await page.textContent('#order-unavailable')), 'a 501 from the quote endpoint shows "not available"');
  await page.unroute('**/api/extracts/quote');
});

await step('search by address', async () => {
  const a = fixture.address;
  await page.fill('#q', '');
  await page.focus('#q');
  await page.keyboard.type(a.query, { delay: 20 });
  await page.waitForFunction((id) => [...document.querySelectorAll('#q-list li .opt-id')].some((l) => l.textContent === id), a.id, { timeout: 10000 });
  const opts = await page.$$eval('#q-list li[role=option]', (ls) => ls.map((l) => l.textContent));
  const idx = opts.findIndex((o) => o.includes(a.id));
  check(opts[idx].includes(a.address.split(', ').pop()), `typing "${a.query}" lists ${a.id} with its address (${opts[idx]})`);
  for (let i = 0; i <= idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('#panel:not([hidden]) table.card') && document.querySelector('#panel').textContent.includes(id), a.id, { timeout: 10000 });
  const card = await page.textContent('#panel');
  check(card.includes(a.address), `the card shows the address "${a.address}"`);
});

await step('click a parcel', async () => {
  await page.click('#panel-close');
  check(await page.$eval('#panel', (e) => e.hidden), 'the card closes');
  const q = fixture.click;
  await page.evaluate(([lon, lat]) => window.map.jumpTo({ center: [lon, lat], zoom: 17 }), [q.lon, q.lat]);
  await idle(page);
  const box = await page.$eval('#mapview', (e) => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await page.mouse.move(box.x, box.y);
  const coords = await page.textContent('#coords');
  const num = (s) => Number(s.replace(/\s|\u00a0/g, '').replace(',', '.'));
  const x = num(await page.textContent('#coords-x')), y = num(await page.textContent('#coords-y'));
  check(Math.abs(x - q.n) < 2 && Math.abs(y - q.e) < 2, `pointer coordinates in EPSG:2180 (X=N ${x}, Y=E ${y}; expected ${q.n.toFixed(2)}, ${q.e.toFixed(2)}): "${coords.trim()}"`);
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction((id) => document.querySelector('#panel:not([hidden]) table.card') && document.querySelector('#panel').textContent.includes(id), q.id, { timeout: 10000 });
  check(true, `clicking the map opens the card of ${q.id}`);
  await page.click('#panel-close');
  // Keyboard: Enter on the focused map opens the parcel at the centre.
  await page.focus('.maplibregl-canvas');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('#panel:not([hidden])') && document.querySelector('#panel').textContent.includes(id), q.id, { timeout: 10000 });
  check(true, 'Enter on the focused map opens the card of the parcel at the centre');
  await page.screenshot({ path: join(artifacts, 'desktop-click-card.png') });
});

await step('measure', async () => {
  await page.click('[aria-controls=measure]');
  await page.click('#m-line');
  const box = await page.$eval('#mapview', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  const a = { x: box.x + box.w * 0.3, y: box.y + box.h * 0.5 }, b = { x: box.x + box.w * 0.6, y: box.y + box.h * 0.5 }, c = { x: box.x + box.w * 0.6, y: box.y + box.h * 0.8 };
  for (const p of [a, b]) await page.mouse.click(p.x, p.y);
  const lineText = await page.textContent('#measure-out');
  const want = await page.evaluate(([a, b, o]) => {
    const m = window.map;
    const p = m.unproject([a.x - o.x, a.y - o.y]), q = m.unproject([b.x - o.x, b.y - o.y]);
    const P = window.sip.toPUWG92(p.lng, p.lat), Q = window.sip.toPUWG92(q.lng, q.lat);
    return Math.hypot(Q[0] - P[0], Q[1] - P[1]);
  }, [a, b, box]);
  const got = Number(lineText.replace(/[^\d,.]/g, '').replace(/\s/g, '').replace(',', '.'));
  check(Math.abs(got - want) / want < 0.002, `distance "${lineText}" ≈ ${want.toFixed(2)} m in the PL-1992 plane (scale factor corrected)`);
  await page.keyboard.press('Escape');
  await page.click('#m-area');
  for (const p of [a, b, c]) await page.mouse.click(p.x, p.y);
  const areaText = await page.textContent('#measure-out');
  const wantA = await page.evaluate(([pts, o]) => {
    const m = window.map;
    const P = pts.map((p) => { const l = m.unproject([p.x - o.x, p.y - o.y]); return window.sip.toPUWG92(l.lng, l.lat); });
    return Math.abs((P[1][0] - P[0][0]) * (P[2][1] - P[0][1]) - (P[2][0] - P[0][0]) * (P[1][1] - P[0][1])) / 2;
  }, [[a, b, c], box]);
  const gotA = Number(areaText.split('m²')[0].replace(/[^\d,.]/g, '').replace(',', '.'));
  check(Math.abs(gotA - wantA) / wantA < 0.003, `area "${areaText}" ≈ ${wantA.toFixed(1)} m²`);
  await idle(page);
  check(await rendered(page, ['measure-fill']) > 0, 'the measured polygon is drawn');
  await page.screenshot({ path: join(artifacts, 'desktop-measure.png') });
  await page.keyboard.press('Escape');
  await page.click('#m-clear');
  await page.click('[aria-controls=measure]');
});

await step('layers, language and URL', async () => {
  await page.click('[aria-controls=layers]');
  await page.uncheck('#lyr-budynki');
  check(await page.evaluate(() => window.map.getLayoutProperty('budynki-fill', 'visibility')) === 'none', 'unticking Budynki hides the buildings');
  await page.click('#lang');
  check(await page.textContent('h1') .then((s) => s.includes('Cadastral map')), 'the English switch translates the interface');
  await page.evaluate(([lon, lat]) => window.map.jumpTo({ center: [lon, lat], zoom: 16.5 }), [fixture.click.lon, fixture.click.lat]);
  await idle(page);
  const url = page.url();
  const u = new URL(url);
  check(u.searchParams.get('lang') === 'en' && u.searchParams.get('layers') && !u.searchParams.get('layers').includes('budynki') && /map=16\.5\//.test(u.hash), `the URL keeps the view (${u.search}${u.hash})`);
  const p2 = await ctx.newPage();
  watch(p2);
  await p2.goto(url);
  await p2.waitForFunction(() => window.map && window.map.isStyleLoaded(), null, { timeout: 20000 });
  await idle(p2);
  const st = await p2.evaluate(() => ({ c: window.map.getCenter(), z: window.map.getZoom(), b: window.map.getLayoutProperty('budynki-fill', 'visibility'), lang: document.documentElement.lang }));
  check(Math.abs(st.c.lng - fixture.click.lon) < 1e-4 && Math.abs(st.c.lat - fixture.click.lat) < 1e-4 && Math.abs(st.z - 16.5) < 0.01 && st.b === 'none' && st.lang === 'en',
    `opening the URL restores centre, zoom, layers and language (${JSON.stringify(st)})`);
  await p2.close();
  await page.click('#lang');
  await page.check('#lyr-budynki');
  await page.click('[aria-controls=layers]');
});

await step('background', async () => {
  await page.click('[aria-controls=layers]');
  await page.check('#bg-0');
  await page.waitForFunction(() => window.map.getLayoutProperty('bg0', 'visibility') === 'visible' &&
    performance.getEntriesByType('resource').some((e) => e.name.includes('/wms?') && e.name.includes('REQUEST=GetMap') && e.responseEnd > 0), null, { timeout: 15000 });
  await idle(page);
  check(await page.evaluate(() => window.map.isSourceLoaded('bg0')), 'the configured WMS background loads its GetMap tiles');
  await page.screenshot({ path: join(artifacts, 'desktop-background.png') });
  await page.check('#bg-1');
  await page.waitForFunction(() => /niedostępny|unavailable/.test(document.querySelector('label[for=bg-1]').textContent), null, { timeout: 20000 });
  check(true, 'an unreachable background is marked unavailable');
  await page.check('#bg--1');
  check(await page.evaluate(() => ['bg0', 'bg1'].every((l) => window.map.getLayoutProperty(l, 'visibility') === 'none')), '"no background" hides both');
  await page.click('[aria-controls=layers]');
});

await step('phone 360x740', async () => {
  const m = await ctx.newPage();
  watch(m);
  await m.setViewportSize({ width: 360, height: 740 });
  await m.goto(`${base}/?parcel=${encodeURIComponent(fixture.search.id)}`);
  await m.waitForSelector('#panel:not([hidden]) table.card', { timeout: 20000 });
  await m.waitForFunction(() => window.map && !window.map.isMoving(), null, { timeout: 10000 });
  await idle(m);
  const lay = await m.evaluate(() => {
    const q = document.querySelector('#q').getBoundingClientRect();
    const p = document.querySelector('#panel').getBoundingClientRect();
    const o = document.querySelector('#order').getBoundingClientRect();
    return { sw: document.documentElement.scrollWidth, q: [q.left, q.right], p: [p.left, p.right, p.top, p.bottom], o: [o.left, o.right] };
  });
  check(lay.sw <= 360, `no horizontal overflow at 360 px (scrollWidth ${lay.sw})`);
  check(lay.q[0] >= 0 && lay.q[1] <= 360 && lay.q[1] - lay.q[0] > 250, `the search box fits and is usable (${lay.q})`);
  check(lay.p[0] >= 0 && lay.p[1] <= 360 && lay.p[3] <= 740, `the card fits on the screen (${lay.p})`);
  check(await rendered(m, ['dzialki-line']) > 0, 'the phone map renders parcels');
  await m.screenshot({ path: join(artifacts, 'phone-360x740.png') });
  await m.close();
});

await step('offline', async () => {
  check(foreign.length === 0, `no request left this server (${foreign.slice(0, 5).join(', ')})`);
  // 404/501 answers the tests provoke, and the offline background refusing connections.
  const errs = consoleErrors.filter((e) => !/Failed to load resource.*(404|501|ERR_CONNECTION_REFUSED)/.test(e));
  check(errs.length === 0, `no page errors (${errs.slice(0, 3).join(' | ')})`);
});

writeFileSync(join(artifacts, 'metrics.json'), JSON.stringify(metrics, null, 1) + '\n');
await ctx.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
