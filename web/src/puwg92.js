// EPSG:2180 (ETRF2000-PL / CS92): Transverse Mercator on GRS80, lon0 19°,
// k0 0.9993, FE 500000, FN −5300000. Krüger series to n⁴ (sub-millimetre
// within Poland); checked against PROJ's cs2cs in the e2e test.
const a = 6378137;
const f = 1 / 298.257222101;
const lon0 = (19 * Math.PI) / 180;
const k0 = 0.9993;
const FE = 500000;
const FN = -5300000;

const n = f / (2 - f);
const n2 = n * n, n3 = n2 * n, n4 = n3 * n;
const e = Math.sqrt(f * (2 - f));
const A = (a / (1 + n)) * (1 + n2 / 4 + n4 / 64);
const alpha = [
  n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4,
  (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4,
  (61 / 240) * n3 - (103 / 140) * n4,
  (49561 / 161280) * n4,
];
const beta = [
  n / 2 - (2 / 3) * n2 + (37 / 96) * n3 - (1 / 360) * n4,
  (1 / 48) * n2 + (1 / 15) * n3 - (437 / 1440) * n4,
  (17 / 480) * n3 - (37 / 840) * n4,
  (4397 / 161280) * n4,
];
const delta = [
  2 * n - (2 / 3) * n2 - 2 * n3 + (116 / 45) * n4,
  (7 / 3) * n2 - (8 / 5) * n3 - (227 / 45) * n4,
  (56 / 15) * n3 - (136 / 35) * n4,
  (4279 / 630) * n4,
];

/** lon/lat in degrees → [E, N] in EPSG:2180 metres (x = easting). */
export function toPUWG92(lon, lat) {
  const phi = (lat * Math.PI) / 180;
  const dl = (lon * Math.PI) / 180 - lon0;
  const s = Math.sin(phi);
  const t = Math.sinh(Math.atanh(s) - e * Math.atanh(e * s));
  const xi1 = Math.atan2(t, Math.cos(dl));
  const eta1 = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
  let xi = xi1, eta = eta1;
  for (let j = 1; j <= 4; j++) {
    xi += alpha[j - 1] * Math.sin(2 * j * xi1) * Math.cosh(2 * j * eta1);
    eta += alpha[j - 1] * Math.cos(2 * j * xi1) * Math.sinh(2 * j * eta1);
  }
  return [FE + k0 * A * eta, FN + k0 * A * xi];
}

/** [E, N] in EPSG:2180 → [lon, lat] in degrees. */
export function fromPUWG92(E, N) {
  const xi = (N - FN) / (k0 * A);
  const eta = (E - FE) / (k0 * A);
  let xi1 = xi, eta1 = eta;
  for (let j = 1; j <= 4; j++) {
    xi1 -= beta[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    eta1 -= beta[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
  let phi = chi;
  for (let j = 1; j <= 4; j++) phi += delta[j - 1] * Math.sin(2 * j * chi);
  const lon = lon0 + Math.atan2(Math.sinh(eta1), Math.cos(xi1));
  return [(lon * 180) / Math.PI, (phi * 180) / Math.PI];
}

/** Point scale factor of the projection at an easting (first-order, enough to
 * turn plane lengths into ground lengths to 1e-7 within Poland). */
export function scaleAt(E) {
  const R = k0 * A;
  const x = (E - FE) / R;
  return k0 * (1 + (x * x) / 2 + (x * x * x * x) / 24);
}

/** Ground length in metres of a lon/lat polyline, through EPSG:2180. */
export function lineLength(coords) {
  let sum = 0;
  for (let i = 1; i < coords.length; i++) {
    const p = toPUWG92(coords[i - 1][0], coords[i - 1][1]);
    const q = toPUWG92(coords[i][0], coords[i][1]);
    sum += Math.hypot(q[0] - p[0], q[1] - p[1]) / scaleAt((p[0] + q[0]) / 2);
  }
  return sum;
}

/** Ground area in m² of a lon/lat ring (closed or not), through EPSG:2180. */
export function ringArea(coords) {
  if (coords.length < 3) return 0;
  const pts = coords.map(([x, y]) => toPUWG92(x, y));
  let s = 0, cx = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i], q = pts[(i + 1) % pts.length];
    s += p[0] * q[1] - q[0] * p[1];
    cx += p[0];
  }
  const k = scaleAt(cx / pts.length);
  return Math.abs(s / 2) / (k * k);
}
