// Area alerts in the viewer, in Debian's Chromium on a phone-sized screen:
// the banner names the alert covering the view, its area is drawn, and the
// parcel card's form subscribes the parcel.
// usage: node e2e/alerts.mjs BASEURL PARCEL_ID HEADLINE EMAIL
// (run by alerts/browser_test.go, which then checks the confirmation e-mail)
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [base, parcel, headline, email] = [(process.argv[2] || '').replace(/\/$/, ''), process.argv[3], process.argv[4], process.argv[5]];
const artifacts = process.env.SIP_E2E_ARTIFACTS || join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

let failures = 0;
function check(cond, msg) {
  if (cond) console.log(`ok   ${msg}`);
  else { failures++; console.log(`FAIL ${msg}`); }
}

const userDataDir = mkdtempSync(join(tmpdir(), 'sip-e2e-alerts-'));
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
// The report button asks /open311/v2/services.json, which is 404 where
// resident reports are off (as here): that one is expected.
const missing = [];
page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
page.on('request', (r) => { const u = r.url(); if (!u.startsWith(base + '/') && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u); });

try {
  await page.goto(`${base}/?lang=pl&parcel=${encodeURIComponent(parcel)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.map && window.map.loaded() && window.map.getLayer('alerts-fill'), null, { timeout: 30000 });
  await page.waitForSelector('#alert-banner:not([hidden])', { timeout: 15000 });
  const text = await page.textContent('#alert-banner');
  check(text.includes(headline), `the banner names the alert covering the view: ${text.trim().slice(0, 80)}`);
  await page.waitForFunction(() => window.map.queryRenderedFeatures({ layers: ['alerts-fill'] }).length > 0, null, { timeout: 15000 });
  check(true, 'the alert area is drawn');
  await page.waitForSelector('#alert-sub', { timeout: 20000 });
  await page.fill('#as-email', email);
  await page.click('#alert-sub button[type=submit]');
  await page.waitForFunction(() => /link/.test(document.querySelector('#as-out').textContent), null, { timeout: 20000 });
  check(true, `the form says a confirmation link was sent: ${await page.textContent('#as-out')}`);
  check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal overflow on the phone screen');
  // away from the alert: no banner
  await page.evaluate(() => window.map.jumpTo({ center: [14.5, 54.5], zoom: 12 }));
  await page.waitForSelector('#alert-banner[hidden]', { state: 'attached', timeout: 10000 });
  check(true, 'the banner goes when the view leaves the alert');
  await page.screenshot({ path: join(artifacts, 'alerts.png') });
} catch (e) {
  failures++;
  console.log(`FAIL ${e.stack || e}`);
  await page.screenshot({ path: join(artifacts, 'alerts-failed.png') }).catch(() => {});
}
const unexpected = missing.filter((m) => !m.endsWith('/open311/v2/services.json'));
const pageErrors = errors.filter((e) => !(e.includes('404') && unexpected.length === 0));
check(unexpected.length === 0, `no failed request but the report button's probe (${missing.join(' | ')})`);
check(pageErrors.length === 0, `no page errors (${pageErrors.join(' | ')})`);
check(foreign.length === 0, `no request left the server (${foreign.join(' ')})`);
await ctx.close();
rmSync(userDataDir, { recursive: true, force: true });
process.exit(failures ? 1 : 0);
