// The place search: every province-, prefecture- and county-level division of China with its
// coordinates (gazetteer.js, made by scripts/build_gazetteer.py from cpca's adcodes.csv), found
// by Chinese name, full pinyin, pinyin initials or the English (pinyin) spelling.

import { DATA, SOURCE } from './gazetteer.js';

export { SOURCE as PLACES_SOURCE };

/** English names that are not the plain pinyin of the Chinese one. */
const ENGLISH = { 610000: 'Shaanxi', 540000: 'Xizang (Tibet)', 150000: 'Inner Mongolia', 810000: 'Hong Kong', 820000: 'Macao' };

let places = null;
let byCode = null;

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function load() {
  if (places) return;
  places = DATA.split('\n').map((line) => {
    const [code, name, pinyin, lon, lat] = line.split('|');
    const syllables = pinyin.split(' ');
    const full = syllables.join('');
    // Level: 0 province, 1 prefecture, 2 county.
    const level = code.endsWith('0000') ? 0 : code.endsWith('00') ? 1 : 2;
    return { code, name, full, initials: syllables.map((s) => s[0]).join(''), english: ENGLISH[code] ?? cap(full),
      longitude: Number(lon), latitude: Number(lat), level };
  });
  byCode = new Map(places.map((p) => [p.code, p]));
}

/** The divisions above a place: its prefecture (when there is one) and province. */
export function parents(p) {
  load();
  const out = [];
  const city = byCode.get(`${p.code.slice(0, 4)}00`);
  if (p.level === 2 && city) out.push(city);
  const prov = byCode.get(`${p.code.slice(0, 2)}0000`);
  if (p.level > 0 && prov) out.push(prov);
  return out;
}

/** "朔城区 · 朔州市 · 山西省" or "Shuocheng, Shuozhou, Shanxi". */
export function placeLabel(p, zh) {
  return [p, ...parents(p)].map((x) => (zh ? x.name : x.english)).join(zh ? ' · ' : ', ');
}

export function placeByCode(code) {
  load();
  return byCode.get(code) ?? null;
}

/** How well `p` matches the query (lower is better), or -1. */
function score(p, q, latin) {
  if (!latin) {
    if (p.name === q || p.name.startsWith(q)) return 0;
    return p.name.includes(q) ? 2 : -1;
  }
  if (p.full === q) return 0;
  if (p.initials === q) return 1;
  if (p.full.startsWith(q)) return 2;
  if (q.length >= 2 && p.initials.startsWith(q)) return 3;
  return q.length >= 3 && p.full.includes(q) ? 4 : -1;
}

/** Places matching `query`, best first: better matches, then provinces before prefectures before counties. */
export function findPlaces(query) {
  load();
  const raw = query.trim();
  if (!raw) return [];
  const latin = /^[a-zA-Z\s'’-]+$/.test(raw);
  const q = latin ? raw.toLowerCase().replace(/[\s'’-]/g, '') : raw;
  const hits = [];
  for (const p of places) {
    const s = score(p, q, latin);
    if (s >= 0) hits.push([s, p]);
  }
  hits.sort((a, b) => a[0] - b[0] || a[1].level - b[1].level || a[1].code.localeCompare(b[1].code));
  return hits.map((h) => h[1]);
}
