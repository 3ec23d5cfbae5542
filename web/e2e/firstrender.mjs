// Measures the viewer's first render: navigation start → parcels drawn
// (queryRenderedFeatures on dzialki-line > 0), N times with an empty cache
// (new browser context) and N times on a second visit (warm cache).
// usage: node e2e/firstrender.mjs BASEURL [N]
import { chromium } from 'playwright-core';

const base = process.argv[2].replace(/\/$/, '');
const n = Number(process.argv[3] || 10);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
async function once(page) {
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.map && window.map.isStyleLoaded() &&
    window.map.queryRenderedFeatures({ layers: ['dzialki-line'] }).length > 0, null, { timeout: 30000, polling: 'raf' });
  return page.evaluate(() => performance.now());
}
const cold = [], warm = [];
for (let i = 0; i < n; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  cold.push(await once(page));
  warm.push(await once(page));
  await ctx.close();
}
await browser.close();
const stat = (a) => { const s = [...a].sort((x, y) => x - y); return { median: Math.round(s[s.length >> 1]), min: Math.round(s[0]), max: Math.round(s[s.length - 1]) }; };
console.log(JSON.stringify({ runs: n, cold_ms: stat(cold), warm_ms: stat(warm) }));
