// The viewer's "Zgłoś problem" flow in Debian's Chromium on a phone-sized
// screen, in Polish and in English.
// usage: node e2e/report.mjs BASEURL FIXTURE.json
// FIXTURE (written by web/report_test.go): a point on a county road and the
// agency that should receive it, a point the device's location gives and its
// agency, a photo with EXIF, an e-mail address. The last line printed is
// RESULT {"pl": id, "en": id} for the Go test to check what was stored.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || '').replace(/\/$/, '');
const fx = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const artifacts = process.env.SIP_E2E_ARTIFACTS || join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

let failures = 0;
function check(cond, msg) {
  if (cond) console.log(`ok   ${msg}`);
  else { failures++; console.log(`FAIL ${msg}`); }
}
async function step(name, fn) {
  try { await fn(); } catch (e) { failures++; console.log(`FAIL ${name}: ${e.stack || e}`); }
}

const userDataDir = mkdtempSync(join(tmpdir(), 'sip-e2e-report-'));
const ctx = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const errors = [];
const foreign = [];
const page = ctx.pages()[0] || await ctx.newPage();
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('request', (r) => { const u = r.url(); if (!u.startsWith(base + '/') && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u); });

async function ready() {
  await page.waitForFunction(() => window.map && window.map.loaded() && !document.querySelector('#report').hidden, null, { timeout: 30000 });
}

// Clicks the map where lon/lat is.
async function clickMap(lon, lat) {
  await page.waitForFunction(() => window.map && !window.map.isMoving(), null, { timeout: 10000 });
  const pt = await page.evaluate(([x, y]) => { const p = window.map.project([x, y]); const r = window.map.getCanvas().getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y }; }, [lon, lat]);
  await page.mouse.click(pt.x, pt.y);
}

function noOverflow() {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1 &&
    [...document.querySelectorAll('#report-form *')].every((e) => e.getBoundingClientRect().right <= window.innerWidth + 1));
}

const result = {};

await step('Polish: report on a county road with a photo', async () => {
  const p = fx.road;
  await page.goto(`${base}/?lang=pl#map=17/${p.lat}/${p.lon}`, { waitUntil: 'domcontentloaded' });
  await ready();
  check(await page.textContent('#report') === 'Zgłoś problem', 'the button says "Zgłoś problem"');
  await page.click('#report');
  await page.waitForSelector('#report-form');
  await page.evaluate(() => window.map.resize());
  await page.evaluate(([x, y]) => window.map.jumpTo({ center: [x, y] }), [p.lon, p.lat]);
  await clickMap(p.lon, p.lat);
  await page.waitForFunction(() => document.querySelector('#rp-where').textContent !== '—');
  const where = (await page.textContent('#rp-where')).split(',').map(Number);
  check(Math.abs(where[0] - p.lat) < 1e-4 && Math.abs(where[1] - p.lon) < 1e-4, `the clicked point is taken (${where})`);
  await page.waitForFunction(() => window.map.queryRenderedFeatures({ layers: ['report-point'] }).length === 1, null, { timeout: 10000 });
  check(true, 'a marker shows the point');
  await page.waitForFunction(() => window.map.getLayer('drogi-line') && window.map.queryRenderedFeatures({ layers: ['drogi-line'] }).length > 0, null, { timeout: 20000 });
  const cats = await page.evaluate(() => [...new Set(window.map.queryRenderedFeatures({ layers: ['drogi-line'] }).map((f) => f.properties.kategoria))]);
  check(cats.includes('powiatowa'), `the roads are drawn by manager class (${cats})`);
  await page.selectOption('#rp-service', 'drogi');
  await page.waitForSelector('#rp-attr-rodzaj');
  await page.selectOption('#rp-attr-rodzaj', 'ubytek');
  await page.selectOption('#rp-attr-zagrozenie', 'tak');
  await page.fill('#rp-attr-wielkosc', '40');
  await page.waitForFunction((want) => document.querySelector('#rp-agency')?.textContent.includes(want), fx.roadAgency, { timeout: 10000 });
  check(true, `before sending, the form says who receives it: ${await page.textContent('#rp-agency')}`);
  await page.fill('#rp-desc', 'Głęboki ubytek w jezdni, ok. 40 cm');
  await page.setInputFiles('#rp-photo', fx.photo);
  await page.fill('#rp-email', fx.email);
  check(await noOverflow(), 'the form fits the phone screen (no horizontal overflow)');
  await page.screenshot({ path: join(artifacts, 'report-pl-form.png'), fullPage: true });
  await page.click('#rp-send');
  await page.waitForSelector('#rp-id', { timeout: 20000 });
  result.pl = (await page.textContent('#rp-id')).trim();
  check(/^\d+$/.test(result.pl), `the tracking number is shown: ${result.pl}`);
  check((await page.textContent('#rp-done')).includes('Zgłoszenie przyjęte'), 'the confirmation is in Polish');
  await page.click('#rp-track');
  await page.waitForSelector('#rp-state');
  check(await page.textContent('#rp-state') === 'w toku', 'the status can be followed by its number');
  await page.screenshot({ path: join(artifacts, 'report-pl-sent.png'), fullPage: true });
});

await step('English: report at the device location', async () => {
  const p = fx.here;
  await ctx.grantPermissions(['geolocation'], { origin: base });
  await ctx.setGeolocation({ latitude: p.lat, longitude: p.lon, accuracy: 5 });
  await page.goto(`${base}/?lang=en`, { waitUntil: 'domcontentloaded' });
  await ready();
  check(await page.textContent('#report') === 'Report a problem', 'the button says "Report a problem"');
  await page.click('#report');
  await page.waitForSelector('#report-form');
  check(await page.textContent('#panel-title') === 'Report a problem', 'the form is in English');
  await page.click('#rp-locate');
  await page.waitForFunction(() => document.querySelector('#rp-where').textContent !== '—', null, { timeout: 10000 });
  const where = (await page.textContent('#rp-where')).split(',').map(Number);
  check(Math.abs(where[0] - p.lat) < 1e-5 && Math.abs(where[1] - p.lon) < 1e-5, `the device's location is taken (${where})`);
  await page.selectOption('#rp-service', 'oswietlenie');
  await page.waitForSelector('#rp-attr-objaw');
  await page.selectOption('#rp-attr-objaw', 'nie_swieci');
  await page.waitForFunction((want) => document.querySelector('#rp-agency')?.textContent.includes(want), fx.hereAgency, { timeout: 10000 });
  check((await page.textContent('#rp-who')).includes('Will be sent to'), 'who receives it, in English');
  // A required field left empty is caught before sending.
  await page.selectOption('#rp-attr-objaw', '');
  await page.click('#rp-send');
  await page.waitForSelector('#rp-result .error');
  check((await page.textContent('#rp-result')).includes('asterisk'), 'a missing required field is reported in English');
  await page.selectOption('#rp-attr-objaw', 'nie_swieci');
  check(await noOverflow(), 'the English form fits the phone screen');
  await page.click('#rp-send');
  await page.waitForSelector('#rp-id', { timeout: 20000 });
  result.en = (await page.textContent('#rp-id')).trim();
  check((await page.textContent('#rp-done')).includes('Report received'), 'the confirmation is in English');
  await page.screenshot({ path: join(artifacts, 'report-en-sent.png'), fullPage: true });
});

check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
check(foreign.length === 0, `no request left the server (${foreign.slice(0, 3).join(', ')})`);
await ctx.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(failures ? 1 : 0);
