// PVWatts v8 parity of the installed npm package: the golden PySAM 7.1.1 Pvwattsv8 results of
// tests/data/reference/pvwatts_v8.json (made by `.venv/bin/python scripts/ref_pvwatts.py --out
// tests/data/reference/pvwatts_v8.json`: 7 weather files × 5 systems) against
// calculate() with the weatherFile method. Asserted per case: annual AC within 0.1 %, every month
// within 0.5 %, hourly RMSE below 0.5 % of the AC rating. Prints the parity table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { calculate, parseWeather } from 'rooftop-pv';
import { REPO, pvlibDataDir, weatherText as fixtureText } from '../fixtures.mjs';

const golden = JSON.parse(readFileSync(`${REPO}/tests/data/reference/pvwatts_v8.json`, 'utf8'));

/** A weather file named as in the golden: `pvlib:NAME` (the venv's pvlib wheel) or `shared:NAME`
 * (tests/data/weather). */
function weatherText(name) {
  const [where, file] = name.split(':');
  return where === 'pvlib' ? readFileSync(`${pvlibDataDir()}/${file}`, 'latin1') : fixtureText(file);
}

/** Hourly AC [W] from the golden encoding: two base-36 digits per hour in 1/1000 of the AC rating,
 * `~XY` = XY zero hours. */
function decodeHourly(text, ratingW) {
  const digit = (c) => parseInt(c, 36);
  const out = [];
  for (let i = 0; i < text.length;) {
    if (text[i] === '~') {
      const n = digit(text[i + 1]) * 36 + digit(text[i + 2]);
      for (let k = 0; k < n; k++) out.push(0);
      i += 3;
    } else {
      out.push((digit(text[i]) * 36 + digit(text[i + 1])) * ratingW / 1000);
      i += 2;
    }
  }
  return out;
}

function scenario(text, location, s) {
  return {
    site: { latitude: location.latitude, longitude: location.longitude, albedo: s.albedo },
    system: {
      capacityKwp: s.capacity_kw,
      planes: [{ tiltDeg: s.tilt, azimuthDeg: s.azimuth, shareOfCapacity: 1 }],
      dcAcRatio: s.dc_ac_ratio,
      inverterEfficiencyPct: s.inv_eff,
      lossesPct: s.losses,
      moduleType: ['standard', 'premium', 'thinFilm'][s.module_type],
      mounting: s.array_type === 1 ? 'roof' : 'openRack',
      groundCoverageRatio: s.gcr,
    },
    resource: { method: 'weatherFile', text },
    output: { hourly: true },
  };
}

test(`PVWatts v8 parity of the npm package: ${golden.cases.length} cases`, () => {
  const rows = [];
  const texts = new Map();
  for (const c of golden.cases) {
    if (!texts.has(c.weather)) {
      const text = weatherText(c.weather);
      texts.set(c.weather, { text, location: parseWeather(text).location });
    }
    const { text, location } = texts.get(c.weather);
    const r = calculate(scenario(text, location, golden.systems[c.system]));
    const dAnnual = 100 * (r.energy.annualKwh / c.annual_ac_kwh - 1);
    const dMonths = r.energy.monthlyKwh.map((v, m) => 100 * (v / c.monthly_ac_kwh[m] - 1));
    const worstMonth = dMonths.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    const ref = decodeHourly(c.hourly_ac, c.ac_rating_w);
    assert.equal(ref.length, r.energy.hourlyKwh.length, `${c.weather} rows`);
    let sq = 0;
    r.energy.hourlyKwh.forEach((kwh, i) => { sq += (kwh * 1000 - ref[i]) ** 2; });
    const rmsePct = 100 * Math.sqrt(sq / ref.length) / c.ac_rating_w;
    rows.push({ weather: c.weather.split(':')[1], system: c.system, ours: r.energy.annualKwh, pysam: c.annual_ac_kwh,
      dAnnual, worstMonth, rmsePct });
  }
  console.log('weather | system | ours kWh | PySAM kWh | Δ annual % | worst Δ month % | hourly RMSE % of AC rating');
  for (const x of rows) {
    console.log(`${x.weather} | ${x.system} | ${x.ours.toFixed(1)} | ${x.pysam.toFixed(1)} | ${x.dAnnual.toFixed(3)} | ` +
      `${x.worstMonth.toFixed(3)} | ${x.rmsePct.toFixed(3)}`);
  }
  for (const x of rows) {
    const what = `${x.weather} ${x.system}`;
    assert.ok(Math.abs(x.dAnnual) < 0.1, `${what}: annual ${x.dAnnual} %`);
    assert.ok(Math.abs(x.worstMonth) < 0.5, `${what}: month ${x.worstMonth} %`);
    assert.ok(x.rmsePct < 0.5, `${what}: hourly RMSE ${x.rmsePct} %`);
  }
});
