// Builds the viewer into dist/ (committed; embedded by package web):
// app.js (our code + MapLibre GL JS, ESM, minified), app.css, the MapLibre
// worker module, index.html, and style.example.json for gl-style-validate.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildStyle } from './src/style.js';

const out = 'dist';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  outdir: out,
  legalComments: 'eof',
  logLevel: 'warning',
});
await esbuild.build({
  entryPoints: { app: 'src/app.css' },
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: 'warning',
});
copyFileSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', `${out}/maplibre-gl-worker.mjs`);
copyFileSync('src/index.html', `${out}/index.html`);
copyFileSync('src/favicon.svg', `${out}/favicon.svg`);
const example = buildStyle({
  origin: 'http://127.0.0.1:8080', dataset: 'county', roads: 'drogi',
  backgrounds: [{ name: 'Ortofotomapa', tiles: 'http://127.0.0.1:8081/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&SRS=EPSG:3857&WIDTH=256&HEIGHT=256&LAYERS=orto&FORMAT=image/jpeg&BBOX={bbox-epsg-3857}' }],
});
writeFileSync(`${out}/style.example.json`, JSON.stringify(example, null, 1) + '\n');
let total = 0;
for (const f of ['app.js', 'maplibre-gl-worker.mjs']) {
  const gz = gzipSync(readFileSync(`${out}/${f}`), { level: 9 }).length;
  total += gz;
  console.log(`${f}: ${statSync(`${out}/${f}`).size} bytes, ${gz} gzipped`);
}
console.log(`JavaScript shipped: ${total} bytes gzipped`);
