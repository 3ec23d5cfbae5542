// The cadastral style: a MapLibre style document over one dataset's dynamic
// vector tiles (/tiles/{dataset}.json). Pure function, so the build writes an
// example for gl-style-validate and the page uses the very same code.
// No glyphs URL: labels are drawn with the browser's local fonts (MapLibre
// ≥ 5.11), so nothing is fetched from outside this server.

export const FONT = ['sans-serif'];

// Layer groups of the switcher, in drawing order; `on` is the default.
export const GROUPS = [
  { id: 'uzytki', on: true },
  { id: 'kontury', on: false },
  { id: 'planowanie', on: true },
  { id: 'jednostki', on: true },
  { id: 'obreby', on: true },
  { id: 'dzialki', on: true },
  { id: 'budynki', on: true },
  { id: 'numery', on: true },
  { id: 'drogi', on: true }, // only with a road dataset
];

// Public roads by manager class (ustawa o drogach publicznych art. 2).
const roadColour = [
  'match', ['coalesce', ['get', 'kategoria'], ''],
  'krajowa', '#c62828',
  'wojewodzka', '#ef6c00',
  'powiatowa', '#f9a825',
  '#ffffff',
];

const ofuColour = [
  'match', ['coalesce', ['get', 'ofu'], ''],
  ['R'], '#f3ecc2',
  ['S', 'Br', 'Wsr'], '#e8e0b0',
  ['Ł', 'Ps'], '#d9ecc0',
  ['Ls', 'Lz', 'Lzr'], '#b9dba6',
  ['B', 'Ba', 'Bi', 'Bp', 'Bz'], '#f1d9d2',
  ['dr', 'Tk', 'Ti', 'Tp'], '#e4e1de',
  ['W', 'Wp', 'Ws', 'Wm'], '#bcd9ee',
  ['N'], '#ede6df',
  '#f2f0ea',
];

const mpzpColour = [
  'match', ['slice', ['coalesce', ['get', 'przeznaczenie'], ['get', 'symbol'], ''], 0, 1],
  'M', '#f4b183',
  'S', '#f4b183',
  'U', '#e57373',
  'P', '#b39ddb',
  'Z', '#81c784',
  'R', '#dce775',
  'L', '#66bb6a',
  'W', '#64b5f6',
  'K', '#bdbdbd',
  'I', '#90a4ae',
  '#ffcc80',
];

// Zones of a plan ogólny by symbol (docs/domain.md, "Planning data"): housing warm, services
// red, economy violet, green and open land green, infrastructure grey-blue.
export const ZONE_COLOURS = {
  SW: '#e07b39', // wielofunkcyjna z zabudową mieszkaniową wielorodzinną
  SJ: '#f6c35b', // wielofunkcyjna z zabudową mieszkaniową jednorodzinną
  SZ: '#e3d28a', // wielofunkcyjna z zabudową zagrodową
  SU: '#e05a5a', // usługowa
  SH: '#b0306a', // handlu wielkopowierzchniowego
  SP: '#9575cd', // gospodarcza
  SR: '#c0ca33', // produkcji rolniczej
  SI: '#78909c', // infrastrukturalna
  SN: '#66bb6a', // zieleni i rekreacji
  SC: '#2e7d32', // cmentarzy
  SG: '#8d6e63', // górnictwa
  SO: '#dcedc8', // otwarta
  SK: '#bdbdbd', // komunikacyjna
};

const zoneColour = [
  'match', ['coalesce', ['get', 'symbol'], ''],
  ...Object.entries(ZONE_COLOURS).flat(),
  '#d7ccc8',
];

function vis(groups, id) {
  const on = groups && id in groups ? groups[id] : GROUPS.find((g) => g.id === id)?.on;
  return on ? 'visible' : 'none';
}

/**
 * buildStyle returns the style document.
 * @param {object} o
 * @param {string} o.origin   this server's origin (absolute URLs, as the spec asks)
 * @param {string} o.dataset  dataset (tileset) name
 * @param {Array<{name:string,tiles:string,attribution?:string}>} [o.backgrounds]
 * @param {number} [o.background] index of the visible background, -1 for none
 * @param {Object<string,boolean>} [o.groups] visibility by group id
 * @param {string} [o.roads] dataset whose drogi layer is drawn (a road dataset)
 */
export function buildStyle({ origin, dataset, backgrounds = [], background = -1, groups = {}, roads = '' }) {
  const src = 'sip';
  const sources = {
    [src]: { type: 'vector', url: `${origin}/tiles/${encodeURIComponent(dataset)}.json` },
    highlight: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    measure: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
  const layers = [
    { id: 'background', type: 'background', paint: { 'background-color': '#f7f5f0' } },
  ];
  backgrounds.forEach((b, i) => {
    sources[`bg${i}`] = { type: 'raster', tiles: [b.tiles], tileSize: 256, ...(b.attribution ? { attribution: b.attribution } : {}) };
    layers.push({
      id: `bg${i}`, type: 'raster', source: `bg${i}`,
      layout: { visibility: i === background ? 'visible' : 'none' },
      metadata: { 'sip:background': i },
    });
  });
  const overBg = background >= 0 ? 0.35 : 1;
  const L = (group, def) => ({ ...def, source: def.source || src, metadata: { 'sip:group': group }, layout: { ...(def.layout || {}), visibility: vis(groups, group) } });
  layers.push(
    L('uzytki', { id: 'uzytki-fill', type: 'fill', 'source-layer': 'uzytki', paint: { 'fill-color': ofuColour, 'fill-opacity': overBg } }),
    L('uzytki', { id: 'uzytki-line', type: 'line', 'source-layer': 'uzytki', minzoom: 14, paint: { 'line-color': '#b7ad8f', 'line-width': 0.6, 'line-dasharray': [4, 2] } }),
    L('uzytki', { id: 'uzytki-label', type: 'symbol', 'source-layer': 'uzytki', minzoom: 16,
      layout: { 'text-field': ['get', 'ofu'], 'text-font': FONT, 'text-size': 11 },
      paint: { 'text-color': '#7a6f52', 'text-halo-color': '#ffffff', 'text-halo-width': 1 } }),
    L('kontury', { id: 'kontury-line', type: 'line', 'source-layer': 'kontury', minzoom: 13, paint: { 'line-color': '#8d6e63', 'line-width': 0.7, 'line-dasharray': [1, 2] } }),
    L('kontury', { id: 'kontury-label', type: 'symbol', 'source-layer': 'kontury', minzoom: 16,
      layout: { 'text-field': ['concat', ['coalesce', ['get', 'ozu'], ''], ['coalesce', ['get', 'ozk'], '']], 'text-font': FONT, 'text-size': 10 },
      paint: { 'text-color': '#6d4c41', 'text-halo-color': '#ffffff', 'text-halo-width': 1 } }),
    L('planowanie', { id: 'strefy-fill', type: 'fill', 'source-layer': 'strefy', paint: { 'fill-color': zoneColour, 'fill-opacity': 0.35 } }),
    L('planowanie', { id: 'mpzp-fill', type: 'fill', 'source-layer': 'mpzp', paint: { 'fill-color': mpzpColour, 'fill-opacity': 0.35 } }),
    L('planowanie', { id: 'mpzp-line', type: 'line', 'source-layer': 'mpzp', paint: { 'line-color': '#c0392b', 'line-width': 1 } }),
    L('planowanie', { id: 'strefy-line', type: 'line', 'source-layer': 'strefy', paint: { 'line-color': '#8e44ad', 'line-width': 1.5, 'line-dasharray': [3, 1] } }),
    L('planowanie', { id: 'plany-line', type: 'line', 'source-layer': 'plany',
      paint: { 'line-color': '#4a148c', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 16, 3.5], 'line-opacity': 0.9 } }),
    L('planowanie', { id: 'strefy-label', type: 'symbol', 'source-layer': 'strefy', minzoom: 13,
      layout: { 'text-field': ['coalesce', ['get', 'oznaczenie'], ['get', 'symbol'], ''], 'text-font': FONT, 'text-size': 12 },
      paint: { 'text-color': '#4a148c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 } }),
    L('planowanie', { id: 'planowanie-label', type: 'symbol', 'source-layer': 'mpzp', minzoom: 14,
      layout: { 'text-field': ['coalesce', ['get', 'oznaczenie'], ['get', 'przeznaczenie'], ''], 'text-font': FONT, 'text-size': 12 },
      paint: { 'text-color': '#8e2418', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 } }),
    L('jednostki', { id: 'jednostki-line', type: 'line', 'source-layer': 'jednostki', paint: { 'line-color': '#37474f', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 16, 4], 'line-opacity': 0.8 } }),
    L('obreby', { id: 'obreby-line', type: 'line', 'source-layer': 'obreby', paint: { 'line-color': '#6a1b9a', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 16, 2.5], 'line-dasharray': [6, 3] } }),
    L('dzialki', { id: 'dzialki-fill', type: 'fill', 'source-layer': 'dzialki', minzoom: 12, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.01 } }),
    L('dzialki', { id: 'dzialki-line', type: 'line', 'source-layer': 'dzialki', minzoom: 12,
      paint: { 'line-color': '#b71c1c', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.3, 15, 0.8, 18, 1.6] } }),
    L('budynki', { id: 'budynki-fill', type: 'fill', 'source-layer': 'budynki', minzoom: 13, paint: { 'fill-color': '#c9b8a6', 'fill-outline-color': '#5d4037' } }),
    L('budynki', { id: 'budynki-line', type: 'line', 'source-layer': 'budynki', minzoom: 15, paint: { 'line-color': '#5d4037', 'line-width': 0.8 } }),
  );
  if (roads) {
    const rs = roads === dataset ? src : 'roads';
    if (rs !== src) sources[rs] = { type: 'vector', url: `${origin}/tiles/${encodeURIComponent(roads)}.json` };
    const width = (k) => ['interpolate', ['linear'], ['zoom'], 8, k, 16, 6 * k];
    layers.push(
      L('drogi', { id: 'drogi-casing', type: 'line', source: rs, 'source-layer': 'drogi', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#616161', 'line-width': width(1.6) } }),
      L('drogi', { id: 'drogi-line', type: 'line', source: rs, 'source-layer': 'drogi', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': roadColour, 'line-width': width(1) } }),
      L('drogi', { id: 'drogi-label', type: 'symbol', source: rs, 'source-layer': 'drogi', minzoom: 13,
        layout: { 'symbol-placement': 'line', 'text-field': ['coalesce', ['get', 'numer'], ''], 'text-font': FONT, 'text-size': 11 },
        paint: { 'text-color': '#212121', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } }),
    );
  }
  layers.push(
    {
      id: 'highlight-fill', type: 'fill', source: 'highlight',
      paint: { 'fill-color': '#ffeb3b', 'fill-opacity': 0.35 },
    },
    {
      id: 'highlight-line', type: 'line', source: 'highlight',
      paint: { 'line-color': '#0d47a1', 'line-width': 3 },
    },
    L('numery', { id: 'numery-label', type: 'symbol', 'source-layer': 'numery_dzialek', minzoom: 15,
      layout: { 'text-field': ['get', 'numer_dzialki'], 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 15, 10, 18, 14], 'text-padding': 1 },
      paint: { 'text-color': '#7f0000', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 } }),
    L('obreby', { id: 'obreby-label', type: 'symbol', 'source-layer': 'obreby', minzoom: 10, maxzoom: 16,
      layout: { 'text-field': ['coalesce', ['get', 'nazwa'], ['get', 'id_obrebu']], 'text-font': FONT, 'text-size': 14, 'text-letter-spacing': 0.08, 'text-transform': 'uppercase' },
      paint: { 'text-color': '#4a148c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } }),
    L('jednostki', { id: 'jednostki-label', type: 'symbol', 'source-layer': 'jednostki', maxzoom: 12,
      layout: { 'text-field': ['coalesce', ['get', 'nazwa'], ['get', 'id_jednostki']], 'text-font': FONT, 'text-size': 16 },
      paint: { 'text-color': '#263238', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } }),
    { id: 'measure-fill', type: 'fill', source: 'measure', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#1565c0', 'fill-opacity': 0.15 } },
    { id: 'measure-line', type: 'line', source: 'measure', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#1565c0', 'line-width': 2.5, 'line-dasharray': [2, 1] } },
    { id: 'measure-point', type: 'circle', source: 'measure', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#1565c0', 'circle-stroke-width': 2 } },
  );
  return { version: 8, name: `SIP — ${dataset}`, sources, layers };
}
