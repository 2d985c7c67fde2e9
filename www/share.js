// Passing a case on: the scenario in the page's link (compact, versioned), remembered in
// localStorage, saved and loaded as JSON, and the result tables as CSV files.
//
// Link format, version 1: `#s=1.` + base64url(deflate-raw(JSON of the scenario)). A weather
// file is described, not embedded: `resource.text` is dropped and `resource.file = { name,
// size }` says which file the link needs again; so for a load file (`usage.load.text` →
// `usage.load.file`).

export const LINK_VERSION = 1;
const LINK_KEY = 's';
const SAVED_KEY = 'rooftop-pv.scenario';
export const CASE_FORMAT = 'rooftop-pv-case';

/** The scenario without the text of its files (weather, load): each named and sized instead. */
export function describedScenario(scenario, weather, loadFile) {
  let out = scenario;
  if (out.resource?.text !== undefined) {
    const { text: _dropped, ...resource } = out.resource;
    out = { ...out, resource: { ...resource, file: { name: weather?.name ?? resource.fileName, size: weather?.size } } };
  }
  const load = out.usage?.load;
  if (load?.text !== undefined) {
    const { text: _dropped, ...rest } = load;
    out = { ...out, usage: { ...out.usage, load: { ...rest, file: loadFile ?? { name: '?', size: load.text.length } } } };
  }
  return out;
}

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function base64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unbase64url(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** `1.` + the compressed scenario, for the link's `#s=`. */
export async function encodeScenario(scenario) {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return `${LINK_VERSION}.${base64url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The scenario of a link's `#s=` value; throws an Error whose `key` names the page's message. */
export async function decodeScenario(value) {
  const dot = value.indexOf('.');
  const version = Number(value.slice(0, dot));
  if (dot < 1 || version !== LINK_VERSION) throw Object.assign(new Error('unknown link version'), { key: 'share.badVersion' });
  try {
    const json = await pipe(unbase64url(value.slice(dot + 1)), new DecompressionStream('deflate-raw'));
    const s = JSON.parse(new TextDecoder().decode(json));
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new Error('not an object');
    return s;
  } catch {
    throw Object.assign(new Error('damaged link'), { key: 'share.badLink' });
  }
}

/** The `#s=` value of the page's address, or null. */
export function linkValue(hash = location.hash) {
  return new URLSearchParams(hash.replace(/^#/, '')).get(LINK_KEY);
}

/** The page's address for a `#s=` value (the language kept in `?lang=` when given). */
export function linkFor(value) {
  const url = new URL(location.href);
  url.hash = `${LINK_KEY}=${value}`;
  return url.href;
}

export function saveLocal(scenario) {
  try {
    localStorage.setItem(SAVED_KEY, JSON.stringify(scenario));
  } catch {
    // storage may be full or disabled: the inputs then last for this visit only
  }
}

export function loadLocal() {
  try {
    const s = JSON.parse(localStorage.getItem(SAVED_KEY) ?? 'null');
    return s && typeof s === 'object' && !Array.isArray(s) ? s : null;
  } catch {
    return null;
  }
}

export function forgetLocal() {
  try {
    localStorage.removeItem(SAVED_KEY);
  } catch {
    // nothing saved
  }
}

/** A CSV cell: quoted when it holds a comma, quote or line break. */
function cell(v) {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF, with a UTF-8 byte-order mark so that Excel reads the Chinese headers). */
export function csv(rows) {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Lets the browser save `text` as `name`. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The case as a JSON file: the scenario (weather file described) and its report. */
export function caseJson(scenario, report, version) {
  return `${JSON.stringify({ format: CASE_FORMAT, formatVersion: LINK_VERSION, engine: version, scenario, report }, null, 1)}\n`;
}

/** The scenario of a case JSON (or of a bare Scenario JSON); throws an Error with a message `key`. */
export function scenarioOfJson(text) {
  let v;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw Object.assign(new Error('not JSON'), { key: 'share.badJson' });
  }
  const s = v?.format === CASE_FORMAT ? v.scenario : v;
  if (!s || typeof s !== 'object' || Array.isArray(s) || typeof s.system !== 'object') {
    throw Object.assign(new Error('not a scenario'), { key: 'share.notScenario' });
  }
  return s;
}
