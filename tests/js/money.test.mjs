// Hourly money through the installed package: loads (typical, monthly, an uploaded CSV), time-of-use
// prices and presets, export limits, owner and EMC cash flows, and bad load files named by line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, presets } from 'rooftop-pv';

const example = (id) => presets().scenarios.find((s) => s.id === id).scenario;
const base = { system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } };
const close = (a, b, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

function errorOf(scenario) {
  try {
    calculate(scenario);
  } catch (e) {
    return e;
  }
  assert.fail('accepted');
}

test('Shuozhou 4 MW, owner and EMC at 15 %: the same hours, the host saves 15 % of their value', () => {
  const owner = calculate(example('shuozhou-4mw-owner-tou'));
  const emc = calculate(example('shuozhou-4mw-emc-15'));
  assert.equal(Math.round(owner.energy.annualKwh), 5_000_000);
  assert.equal(owner.usage.method, 'hourly');
  assert.equal(owner.assumptions.hoursFrom, 'clearSkyShape');
  assert.equal(owner.assumptions.tariffKind, 'timeOfUse');
  assert.equal(owner.assumptions.load.profile, 'factoryTwoShift');
  assert.deepEqual(owner.usage, emc.usage);
  const value = owner.money.byPeriod.reduce((s, p) => s + p.selfUseValueYuan, 0);
  assert.ok(close(emc.money.firstYearSavingsYuan, 0.15 * value));
  assert.ok(emc.money.investor.irrPct > 5 && emc.money.investor.irrPct < owner.money.irrPct);
  assert.equal(owner.money.byYear.length, 26);
  assert.equal(emc.money.investor.byYear.length, 26);
  assert.equal(emc.money.byYear[0].year, 1);
  assert.equal(owner.usage.byHourOfDay.length, 24);
  assert.equal(owner.usage.byMonth.length, 12);
  const y13 = owner.money.byYear[13];
  assert.ok(close(y13.inverterYuan, 0.15 * 1000 * 4000));
  assert.equal(owner.money.byYear[21].omYuan, 32 * 4000);
});

test('time-of-use presets carry their source and every month once', () => {
  const p = presets();
  const shanxi = p.timeOfUse.find((t) => t.id === p.defaultTimeOfUse);
  assert.equal(shanxi.id, 'shanxi-ci-2026');
  assert.equal(shanxi.confirmed, false);
  assert.match(shanxi.source.documentZh, /晋发改商品发〔2026〕15号/);
  for (const t of p.timeOfUse) {
    const months = t.timeOfUse.schedule.flatMap((r) => r.months).sort((a, b) => a - b);
    assert.deepEqual(months, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], t.id);
    for (const r of t.timeOfUse.schedule) assert.equal(r.hours.length, 24, t.id);
  }
  assert.deepEqual(p.omSchedules[0].steps.map((s) => s.yuanPerKwpYear), [10, 18, 28, 32]);
});

test('an uploaded 15-minute CSV is summed into hours', () => {
  const rows = ['时间,有功功率(kW)'];
  const t0 = Date.UTC(2025, 0, 1);
  for (let i = 0; i < 35040; i++) {
    const d = new Date(t0 + i * 15 * 60 * 1000);
    const stamp = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')} ` +
      `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    rows.push(`${stamp},40`);
  }
  const r = calculate({ ...base, usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: rows.join('\n') } } });
  // 40 kW all year = 40 kWh every hour = 350,400 kWh.
  assert.ok(close(r.usage.loadKwh, 350_400));
  assert.equal(r.assumptions.load.stepMinutes, 15);
  assert.equal(r.assumptions.load.unit, 'kW');
  assert.ok(close(r.assumptions.load.peakKw, 40));
});

test('bad load files: code, field and the line in the message', () => {
  const csv = (text) => ({ ...base, usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text } } });
  let e = errorOf(csv('time,kW\n2025-01-01 00:00,5\n2025-01-01 01:00,5\n2025-01-01 01:00,5\n'));
  assert.deepEqual([e.code, e.field], ['load_time', 'usage.load.text']);
  assert.match(e.message, /line 4/);
  assert.match(e.messageZh, /第 4 行/);
  e = errorOf(csv('kW\n5\n-1\n'));
  assert.deepEqual([e.code, e.field], ['load_value', 'usage.load.text']);
  assert.match(e.message, /line 3/);
  e = errorOf(csv('kW\n5\n5\n'));
  assert.equal(e.code, 'load_length');
});

test('zero export curtails what the load cannot use, and the emissions count only delivered kWh', () => {
  const s = { ...base, usage: { mode: 'selfUseSurplus', exportLimitKw: 0, load: { kind: 'typical', profile: 'household', annualKwh: 20000 } } };
  const r = calculate(s);
  assert.equal(r.usage.exportedKwh, 0);
  assert.ok(r.usage.curtailedKwh > 0);
  assert.ok(r.warnings.some((w) => w.code === 'curtailed'));
  assert.ok(r.warnings.some((w) => w.code === 'hours_shaped_default_site'));
  const f = r.emissions.factors;
  assert.ok(close(r.emissions.annual.co2T, r.usage.selfUsedKwh * f.co2Kg / 1000));
});
