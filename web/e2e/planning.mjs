// End-to-end check of the planning layers in the viewer (Debian's Chromium via
// playwright-core). usage: node e2e/planning.mjs BASEURL FIXTURE.json
// FIXTURE (written by web/browser_test.go from the ingested APP 2.0 sample):
// {"zones": [{"oznaczenie", "symbol", "lon", "lat"}]}, lon/lat a point inside
// each zone. The viewer must draw each zone's fill, in its symbol's colour,
// with the zone's own attributes under that point, and the plan's outline.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZONE_COLOURS } from '../src/style.js';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || '').replace(/\/$/, '');
const fixture = JSON.parse(readFileSync(process.argv[3], 'utf8'));
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

const userDataDir = mkdtempSync(join(tmpdir(), 'sip-e2e-planning-'));
const ctx = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1024, height: 768 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = ctx.pages()[0] || await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

async function idle() {
  await page.waitForFunction(() => window.map && window.map.loaded() && window.map.areTilesLoaded() && !window.map.isMoving(), null, { timeout: 20000 });
  await page.evaluate(() => new Promise((res) => { window.map.once('idle', res); window.map.triggerRepaint(); }));
}

// '#rrggbb' as the 0..1 components MapLibre evaluates colours to.
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);

await step('planning dataset opens', async () => {
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.map && window.map.isStyleLoaded(), null, { timeout: 20000 });
  await idle();
  const src = await page.evaluate(() => window.map.getSource('sip').vectorLayerIds || []);
  check(['plany', 'strefy', 'mpzp'].every((l) => src.includes(l)), `the tileset offers plany, strefy, mpzp (${src.join(', ')})`);
  check(await page.evaluate(() => document.querySelector('#zoom-hint').hidden), 'no "zoom in to see the parcels" hint on a dataset without parcels');
});

for (const z of fixture.zones) {
  await step(`zone ${z.oznaczenie}`, async () => {
    await page.evaluate(([lon, lat]) => window.map.jumpTo({ center: [lon, lat], zoom: 15 }), [z.lon, z.lat]);
    await idle();
    const got = await page.evaluate(([lon, lat]) => {
      const p = window.map.project([lon, lat]);
      return window.map.queryRenderedFeatures(p, { layers: ['strefy-fill'] }).map((f) => ({
        props: f.properties, colour: f.layer.paint && f.layer.paint['fill-color'],
      }));
    }, [z.lon, z.lat]);
    check(got.length === 1, `one zone drawn at ${z.oznaczenie}'s interior point (${got.length})`);
    const f = got[0] || { props: {} };
    check(f.props.oznaczenie === z.oznaczenie && f.props.symbol === z.symbol,
      `the drawn zone is ${z.oznaczenie} ${z.symbol} (${f.props.oznaczenie} ${f.props.symbol})`);
    const want = rgb(ZONE_COLOURS[z.symbol]);
    const c = f.colour || {};
    const have = [c.r, c.g, c.b];
    check(want.every((v, i) => Math.abs(v - have[i]) < 0.01), `its fill is the ${z.symbol} colour ${ZONE_COLOURS[z.symbol]} (${have.map((v) => Math.round(v * 255))})`);
  });
}

await step('plan outline', async () => {
  const z = fixture.zones[0];
  await page.evaluate(([lon, lat]) => window.map.jumpTo({ center: [lon, lat], zoom: 11 }), [z.lon, z.lat]);
  await idle();
  const n = await page.evaluate(() => window.map.queryRenderedFeatures({ layers: ['plany-line'] }).length);
  check(n > 0, `the plan's outline is drawn (${n})`);
  const s = await page.evaluate(() => window.map.queryRenderedFeatures({ layers: ['strefy-fill'] }).length);
  check(s > 0, `zones are drawn at z11 (${s})`);
  await page.screenshot({ path: join(artifacts, 'planning-z11.png') });
});

check(errors.length === 0, `no page errors (${errors.slice(0, 3).join(' | ')})`);
await ctx.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
