// Compiled with `tsc --noEmit` against the installed package: every field of Scenario and Report must
// be named in the types (no `any`), and wrong shapes must not compile (the @ts-expect-error lines).
import init, { calculate, presets, version, type Scenario, type Report, type ScenarioError } from 'rooftop-pv';

await init();

const scenario: Scenario = {
  site: { latitude: 39.33, longitude: 112.43, elevationM: 1100, timezoneH: 8, albedo: 0.2 },
  system: {
    capacityKwp: 6000,
    planes: [{ tiltDeg: 30, azimuthDeg: 180, shareOfCapacity: 1 }],
    dcAcRatio: 1.2, inverterEfficiencyPct: 96, lossesPct: 14.08,
    moduleType: 'standard', mounting: 'roof', groundCoverageRatio: 0.3,
  },
  resource: { method: 'fullLoadHours', hours: 1241.6 },
  lifetime: { years: 25, firstYearDegradationPct: 1, annualDegradationPct: 0.4 },
  usage: { mode: 'selfUseSurplus', selfUseSharePct: 80 },
  tariff: { gridPriceYuanKwh: 0.55, exportPriceYuanKwh: 0.332, escalationPct: 0 },
  ownership: { kind: 'owner', capexYuanPerW: 3, omYuanPerKwpYear: 30, discountRatePct: 6 },
  emissions: { preset: 'cec-2018' },
};
const gb: Scenario = {
  system: { capacityKwp: 4000 },
  resource: { method: 'gb50797', horizontalIrradiationKwhM2: 1466, k: 0.85 },
  ownership: { kind: 'thirdParty', discountPct: 15, roofRentYuanYear: 20000 },
  emissions: {
    factors: {
      coalKgce: 0.3, co2Kg: 0.53, so2G: 0.1, noxG: 0.15, dustG: 0.02, waterKg: 1.18,
      source: { issuer: 'x', document: 'y', dataYear: 2023, note: 'z' },
    },
  },
};

// @ts-expect-error capacity must be a number
const wrongType: Scenario = { system: { capacityKwp: '6000' }, resource: { method: 'fullLoadHours', hours: 1 } };
// @ts-expect-error unknown method
const wrongMethod: Scenario = { system: { capacityKwp: 1 }, resource: { method: 'guess', hours: 1 } };
// @ts-expect-error gb50797 needs k
const missingK: Scenario = { system: { capacityKwp: 1 }, resource: { method: 'gb50797', horizontalIrradiationKwhM2: 1 } };

function use(r: Report): number[] {
  const e = r.energy, u = r.usage, m = r.money, x = r.emissions, a = r.assumptions;
  const nums: number[] = [
    e.annualKwh, ...e.monthlyKwh, e.specificYieldKwhPerKwp, e.lifetimeKwh, ...e.byYear.map((y) => y.year + y.kwh),
    u.selfUsedKwh, u.exportedKwh, u.curtailedKwh, u.selfUseSharePct,
    m.firstYearSavingsYuan, m.lifetimeSavingsYuan, m.npvYuan ?? 0, m.irrPct ?? 0, m.paybackYears ?? 0, m.lcoeYuanKwh ?? 0,
    ...m.byYear.map((y) => y.year + y.generationKwh + y.savingsYuan + y.costsYuan + y.netCashFlowYuan),
    x.annual.coalT, x.annual.co2T, x.annual.so2T, x.annual.noxT, x.annual.dustT, x.annual.waterT,
    x.lifetime.coalT, x.factors.coalKgce, x.factors.co2Kg, x.factors.so2G, x.factors.noxG, x.factors.dustG, x.factors.waterKg,
    x.factors.source?.dataYear ?? 0, ...(x.factors.valueSources ?? []).map((v) => v.source.dataYear),
    a.capacityKwp, a.lifetimeYears, a.firstYearDegradationPct, a.annualDegradationPct, a.selfUseSharePct,
    a.gridPriceYuanKwh, a.exportPriceYuanKwh, a.escalationPct, a.capexYuanPerW ?? 0, a.omYuanPerKwpYear ?? 0,
    a.discountRatePct ?? 0, a.discountPct ?? 0, a.roofRentYuanYear ?? 0,
  ];
  const strings: string[] = [x.preset ?? '', a.resourceMethod, a.usageMode, a.ownership, ...r.warnings.map((w) => w.code + w.message + w.messageZh)];
  return strings.length > 0 ? nums : [];
}

try {
  use(calculate(scenario));
  use(calculate(gb));
  use(calculate(wrongType));
  use(calculate(wrongMethod));
  use(calculate(missingK));
} catch (err) {
  const e = err as ScenarioError;
  console.log(e.code, e.field, e.message, e.messageZh);
}
const p = presets();
console.log(version(), p.defaultEmissionFactors, p.emissionFactors[0]?.factors.co2Kg, p.tariffs[0]?.source.issuer,
  p.tariffs[0]?.kind, p.tariffs[0]?.confirmed, p.tariffs[0]?.source.noteZh, p.defaultGridPrice, p.defaultExportPrice, p.scenarios[0]?.scenario.system.capacityKwp, p.scenarios[0]?.descriptionZh);
