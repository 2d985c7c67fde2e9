// Built-in climate through the installed package: stations(), search, nearest, the station and
// monthly methods. Reference figures: data/cswd-monthly.csv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { calculate, findStations, nearestStation, stationClimate, stations } from 'rooftop-pv';
import { REPO } from '../fixtures.mjs';

const csv = readFileSync(`${REPO}/data/cswd-monthly.csv`, 'utf8').trim().split(/\r?\n/);
const head = csv[0].split(',');
const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));

test('stations(): all 270 CSWD stations with names in both languages and the GB/T 31155 class', () => {
  const list = stations();
  assert.equal(list.length, rows.length);
  assert.equal(list.length, 270);
  for (const r of rows) {
    const s = list.find((x) => x.id === r.wmo);
    assert.ok(s, r.wmo);
    // The station's annual is the sum of the CSV's 12 months (each rounded to 0.01 kWh/m²); the CSV's
    // annual total is rounded to 0.1 from unrounded months: they differ by ≤ 0.05 + 12 × 0.005.
    assert.ok(Math.abs(s.annualGhiKwhM2 - Number(r.ghi_kwh_m2_year)) <= 0.11, `${r.wmo}`);
    const g = s.annualGhiKwhM2;
    assert.equal(s.resourceClass, g >= 1750 ? 'A' : g >= 1400 ? 'B' : g >= 1050 ? 'C' : 'D', r.wmo);
    assert.match(s.nameZh, /^[\u4e00-\u9fff]+$/, r.wmo);
    assert.match(s.source, /CSWD/);
  }
});

test('search by Chinese name, pinyin and province; nearest by coordinates', () => {
  assert.equal(findStations('大同')[0].id, '534870');
  assert.equal(findStations('datong')[0].id, '534870');
  assert.ok(findStations('山西').every((s) => s.provinceZh === '山西'));
  // Shuozhou (39.33 N, 112.43 E) has no station; Yuanping and Datong are ~100 km away.
  const n = nearestStation(39.33, 112.43);
  assert.ok(['536730', '534870'].includes(n.station.id), n.station.id);
  assert.ok(n.distanceKm > 50 && n.distanceKm < 130, `${n.distanceKm}`);
  assert.throws(() => nearestStation(NaN, 0), (e) => e.code === 'not_finite' && e.field === 'latitude');
  assert.throws(() => nearestStation(0, 500), (e) => e.code === 'out_of_range' && e.field === 'longitude');
  assert.equal(stationClimate('534870').monthly.length, 12);
});

test('the station method: an hourly year from the station, its distance from the site reported', () => {
  const planes = [{ tiltDeg: 35, azimuthDeg: 180, shareOfCapacity: 1 }];
  const r = calculate({
    site: { latitude: 39.33, longitude: 112.43 },
    system: { capacityKwp: 4000, planes },
    resource: { method: 'station', stationId: '534870' },
  });
  assert.equal(r.station.station.nameZh, '大同');
  assert.ok(r.station.distanceKm > 50);
  assert.ok(r.warnings.some((w) => w.code === 'station_distance' && /大同/.test(w.messageZh)));
  // 4 MW facing south at 35° near Datong: the Shuozhou report's ~1,250 kWh/kWp lies within 15 %.
  assert.ok(Math.abs(r.energy.specificYieldKwhPerKwp / 1250 - 1) < 0.15, `${r.energy.specificYieldKwhPerKwp}`);
  assert.ok(r.energy.performanceRatio > 0.7);
});

test('the monthly method on a station\'s own monthly values gives the station result', () => {
  const row = rows.find((x) => x.wmo === '534870');
  const months = (k) => Array.from({ length: 12 }, (_, i) => Number(row[`${k}_${String(i + 1).padStart(2, '0')}`]));
  const site = { latitude: Number(row.lat), longitude: Number(row.lon), elevationM: Number(row.elev_m) };
  const system = { capacityKwp: 100, planes: [{ tiltDeg: 30, azimuthDeg: 180, shareOfCapacity: 1 }] };
  const monthly = calculate({ site, system, resource: { method: 'monthly', ghiKwhM2: months('ghi_kwh_m2'), tempC: months('temp_c') } });
  const station = calculate({ site, system, resource: { method: 'station', stationId: '534870' } });
  assert.ok(Math.abs(monthly.energy.annualKwh / station.energy.annualKwh - 1) < 0.01,
    `${monthly.energy.annualKwh} vs ${station.energy.annualKwh}`);
});

test('bad station and monthly input', () => {
  const base = { system: { capacityKwp: 100 } };
  assert.throws(() => calculate({ ...base, resource: { method: 'station', stationId: 'datnog' } }),
    (e) => e.code === 'unknown_station' && e.field === 'resource.stationId' && /Datong/.test(e.message));
  const site = { latitude: 40, longitude: 113 };
  assert.throws(() => calculate({ ...base, site, resource: { method: 'monthly', ghiKwhM2: [100, 100] } }),
    (e) => e.code === 'invalid_length' && e.field === 'resource.ghiKwhM2');
  const tooMuch = Array(12).fill(100);
  tooMuch[0] = 400; // January at 40° N gets ≈150 kWh/m² outside the atmosphere
  assert.throws(() => calculate({ ...base, site, resource: { method: 'monthly', ghiKwhM2: tooMuch } }),
    (e) => e.code === 'out_of_range' && e.field === 'resource.ghiKwhM2[0]');
  assert.throws(() => calculate({ ...base, resource: { method: 'monthly', ghiKwhM2: Array(12).fill(100) } }),
    (e) => e.code === 'missing_field' && e.field === 'site');
});
