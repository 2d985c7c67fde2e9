// Compiled with `tsc --noEmit` against the installed package: every field of Scenario and Report must
// be named in the types (no `any`), and wrong shapes must not compile (the @ts-expect-error lines).
import init, { calculate, findStations, nearestStation, parseWeather, presets, stationClimate, stations, version, type Scenario, type Report, type ScenarioError, type WeatherSummary } from 'rooftop-pv';

await init();

const scenario: Scenario = {
  site: { latitude: 39.33, longitude: 112.43, elevationM: 1100, timezoneH: 8, albedo: 0.2 },
  system: {
    capacityKwp: 6000,
    planes: [{ tiltDeg: 30, azimuthDeg: 180, shareOfCapacity: 1 }],
    dcAcRatio: 1.2, inverterEfficiencyPct: 96, lossesPct: 14.08,
    moduleType: 'standard', mounting: 'roof', groundCoverageRatio: 0.3, skyModel: 'perez',
  },
  resource: { method: 'fullLoadHours', hours: 1241.6 },
  lifetime: { years: 25, firstYearDegradationPct: 1, annualDegradationPct: 0.4 },
  usage: { mode: 'selfUseSurplus', selfUseSharePct: 80 },
  tariff: { gridPriceYuanKwh: 0.55, exportPriceYuanKwh: 0.332, escalationPct: 0 },
  ownership: { kind: 'owner', capexYuanPerW: 3, omYuanPerKwpYear: 30, discountRatePct: 6 },
  emissions: { preset: 'cec-2018' },
  output: { hourly: true },
};
const fromStation: Scenario = { system: { capacityKwp: 4 }, resource: { method: 'station', stationId: '534870' } };
const fromMonths: Scenario = {
  site: { latitude: 40, longitude: 113 }, system: { capacityKwp: 4 },
  resource: { method: 'monthly', ghiKwhM2: Array(12).fill(100), tempC: Array(12).fill(10) },
};
const fromFile: Scenario = {
  system: { capacityKwp: 4 },
  resource: { method: 'weatherFile', text: 'LOCATION,…', format: 'epw', timing: 'start', fileName: 'x_CSWD.epw' },
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

function summaryNumbers(w: WeatherSummary): number[] {
  const strings: string[] = [w.location.name, w.format, w.source, w.timing, w.timingDefault, w.timingBasis, w.timingBasisZh];
  return [w.location.latitude, w.location.longitude, w.location.timezoneH, w.location.elevationM, w.first.year,
    w.last.month + w.last.day + w.last.hour + w.last.minute, ...w.years, w.rows, w.stepMinutes, w.annualGhiKwhM2,
    w.annualDniKwhM2, w.annualDhiKwhM2, w.meanTempC, w.maxGhiWM2, w.filledValues, w.droppedLeapDayRows,
    Number(w.pressureEstimated) + Number(w.hasAlbedo) + strings.length,
    w.timingCheck?.offsetMinutes ?? 0, w.timingCheck?.days ?? 0, Number(w.timingCheck?.warning ?? false)];
}

function use(r: Report): number[] {
  const e = r.energy, u = r.usage, m = r.money, x = r.emissions, a = r.assumptions;
  const nums: number[] = [
    e.annualKwh, ...e.monthlyKwh, e.specificYieldKwhPerKwp, e.lifetimeKwh, ...e.byYear.map((y) => y.year + y.kwh),
    e.poaKwhM2 ?? 0, ...(e.monthlyPoaKwhM2 ?? []), e.performanceRatio ?? 0, ...(e.hourlyKwh ?? new Float64Array(0)),
    e.losses?.incidentKwh ?? 0, e.losses?.rowShadingPct ?? 0, e.losses?.coverSpectralPct ?? 0,
    e.losses?.temperatureLowLightPct ?? 0, e.losses?.dcLossesPct ?? 0, e.losses?.inverterPct ?? 0,
    e.losses?.clippingPct ?? 0, e.losses?.acKwh ?? 0,
    ...(r.weather ? summaryNumbers(r.weather) : []),
    r.station?.distanceKm ?? 0, r.station?.station.annualGhiKwhM2 ?? 0,
    u.selfUsedKwh, u.exportedKwh, u.curtailedKwh, u.selfUseSharePct,
    m.firstYearSavingsYuan, m.lifetimeSavingsYuan, m.npvYuan ?? 0, m.irrPct ?? 0, m.paybackYears ?? 0, m.lcoeYuanKwh ?? 0,
    ...m.byYear.map((y) => y.year + y.generationKwh + y.savingsYuan + y.costsYuan + y.netCashFlowYuan),
    x.annual.coalT, x.annual.co2T, x.annual.so2T, x.annual.noxT, x.annual.dustT, x.annual.waterT,
    x.lifetime.coalT, x.factors.coalKgce, x.factors.co2Kg, x.factors.so2G, x.factors.noxG, x.factors.dustG, x.factors.waterKg,
    x.factors.source?.dataYear ?? 0, ...(x.factors.valueSources ?? []).map((v) => v.source.dataYear),
    a.capacityKwp, a.lifetimeYears, a.firstYearDegradationPct, a.annualDegradationPct, a.selfUseSharePct,
    a.gridPriceYuanKwh, a.exportPriceYuanKwh, a.escalationPct, a.capexYuanPerW ?? 0, a.omYuanPerKwpYear ?? 0,
    a.discountRatePct ?? 0, a.discountPct ?? 0, a.roofRentYuanYear ?? 0, a.albedo ?? 0,
    a.layout?.planes[0]?.tiltDeg ?? 0, a.layout?.dcAcRatio ?? 0, a.layout?.groundCoverageRatio ?? 0,
  ];
  const strings: string[] = [x.preset ?? '', a.resourceMethod, a.usageMode, a.ownership, ...r.warnings.map((w) => w.code + w.message + w.messageZh)];
  return strings.length > 0 ? nums : [];
}

try {
  use(calculate(scenario));
  use(calculate(gb));
  use(calculate(fromFile));
  use(calculate(fromStation));
  use(calculate(fromMonths));
  const st = stations()[0];
  const near = nearestStation(40, 113);
  const cl = stationClimate('534870');
  console.log(st?.id, st?.nameZh, st?.resourceClass, findStations('大同').length, near?.distanceKm, near?.station.provinceZh,
    cl.monthly[0]?.ghiKwhM2, cl.typicalDays[0]?.[12]?.dniWM2);
  summaryNumbers(parseWeather('…', { format: 'tmy3', timing: 'centre', fileName: 'a.csv', timezoneH: 8 }));
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
