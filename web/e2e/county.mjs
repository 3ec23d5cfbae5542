// Checks the viewer on a real-sized county (e.g. the 50k-parcel `make demo`):
// the initial view (the whole county) draws features, and zooming in to the
// centre draws parcels. Pass/fail is only "features rendered before a generous
// timeout" (TIMEOUT ms, default 60000); the times are printed, not judged.
// Screenshots go to e2e/artifacts/county-*.png.
// usage: node e2e/county.mjs BASEURL [TIMEOUT]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = process.env.SIP_E2E_ARTIFACTS || join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const base = (process.argv[2] || '').replace(/\/$/, '');
const timeout = Number(process.argv[3] || 60000);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let tileBytes = 0, tiles = 0;
page.on('response', async (r) => {
  if (!/\/tiles\/.*\.(mvt|pbf)$/.test(r.url())) return;
  tiles++;
  const len = Number((await r.allHeaders())['content-length'] || 0);
  tileBytes += len;
});
let failures = 0;
const count = (layers) => page.evaluate((ls) => window.map.queryRenderedFeatures({ layers: ls.filter((l) => window.map.getLayer(l)) }).length, layers);
async function until(name, layers) {
  const t0 = Date.now();
  try {
    await page.waitForFunction((ls) => window.map && window.map.isStyleLoaded() &&
      window.map.queryRenderedFeatures({ layers: ls.filter((l) => window.map.getLayer(l)) }).length > 0, layers, { timeout, polling: 250 });
    await page.waitForFunction(() => window.map.areTilesLoaded(), null, { timeout }).catch(() => {});
    const n = await count(layers);
    const zoom = await page.evaluate(() => window.map.getZoom());
    console.log(`ok   ${name}: ${n} features of ${layers.join(',')} at z${zoom.toFixed(2)} after ${Date.now() - t0} ms (${tiles} tiles, ${tileBytes} B so far)`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: no features of ${layers.join(',')} within ${timeout} ms: ${e.message.split('\n')[0]}`);
  }
  await page.screenshot({ path: join(artifacts, `county-${name}.png`) });
}
await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
await until('initial', ['jednostki-line', 'obreby-line']);
const hint = await page.evaluate(() => !document.querySelector('#zoom-hint').hidden && window.map.getZoom() < 12);
if (hint) console.log('ok   initial view below the parcels\' zoom shows the zoom-in hint');
for (const z of [12, 15]) {
  await page.evaluate((zoom) => window.map.jumpTo({ zoom }), z);
  await until(`z${z}`, ['dzialki-line']);
}
if (await page.evaluate(() => !document.querySelector('#zoom-hint').hidden)) { failures++; console.log('FAIL zoom-in hint still shown with parcels drawn'); }
await browser.close();
process.exit(failures ? 1 : 0);
