// Compiled with `tsc --noEmit` against the installed package: every field of Scenario and Report must
// be named in the types (no `any`), and wrong shapes must not compile (the @ts-expect-error lines).
import init, { calculate, findStations, nearestStation, parseWeather, presets, stationClimate, stations, version, type Scenario, type Report, type ScenarioError, type WeatherSummary,
  type CashFlowYear, type UsagePart, type TimeOfUse, type LoadProfile, type Investment } from 'rooftop-pv';

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
const tou: TimeOfUse = {
  prices: { sharpPeak: 0.8, peak: 0.7, flat: 0.53, valley: 0.37 },
  schedule: [{ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [...Array(23).fill('flat'), 'valley'] }],
};
const loads: LoadProfile[] = [
  { kind: 'intervalCsv', text: 'time,load_kW\n…', unit: 'kW' },
  { kind: 'monthly', kwh: Array(12).fill(1e5), profile: 'commercial' },
  { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 12e6 },
];
const investor: Investment = {
  capexYuanPerW: 3, omPctOfCapex: 1, discountRatePct: 6,
  inverterReplacement: { year: 13, costYuanPerW: 0.15 },
  loan: { sharePct: 70, ratePct: 4.5, years: 10 },
  tax: { incomeTaxPct: 25, depreciationYears: 20, residualValuePct: 5, taxHoliday: true },
};
const hourlyOwner: Scenario = {
  site: { latitude: 39.33, longitude: 112.43 },
  system: { capacityKwp: 4000 },
  resource: { method: 'fullLoadHours', hours: 1250 },
  usage: { mode: 'selfUseSurplus', load: loads[2], exportLimitKw: 0 },
  tariff: { timeOfUse: tou, exportPriceYuanKwh: 0.332, escalationPct: 1, exportEscalationPct: -1 },
  ownership: {
    kind: 'owner', capexYuanPerW: 3, discountRatePct: 7,
    omSteps: [{ fromYear: 1, yuanPerKwpYear: 10 }, { fromYear: 6, yuanPerKwpYear: 18 }],
    inverterReplacement: { year: 12, costYuanPerW: 0.2 }, loan: { sharePct: 50, ratePct: 4, years: 8 },
    tax: { incomeTaxPct: 25 },
  },
};
const hourlyEmc: Scenario = {
  system: { capacityKwp: 4000 },
  resource: { method: 'fullLoadHours', hours: 1250 },
  usage: { mode: 'fullSelfUse', load: loads[1] },
  tariff: { timeOfUsePreset: 'shanxi-ci-2026' },
  ownership: { kind: 'thirdParty', discountPct: 15, roofRentYuanYear: 0, investor },
};
// @ts-expect-error an unknown typical profile
const wrongProfile: LoadProfile = { kind: 'typical', profile: 'factoryFourShift', annualKwh: 1 };
// @ts-expect-error an unknown period
const wrongPeriod: TimeOfUse = { prices: { peak: 1, flat: 1, valley: 1 }, schedule: [{ months: [1], hours: ['offPeak'] }] };

function cashFlow(y: CashFlowYear): number {
  return y.year + y.generationKwh + y.selfUsedKwh + y.exportedKwh + y.curtailedKwh + y.selfUseYuan + y.exportYuan
    + y.roofRentYuan + y.savingsYuan + y.investmentYuan + y.omYuan + y.inverterYuan + y.loanInterestYuan
    + y.loanPrincipalYuan + y.taxYuan + y.costsYuan + y.netCashFlowYuan + y.cumulativeYuan;
}
function part(p: UsagePart): number {
  return p.index + p.generationKwh + p.selfUsedKwh + p.exportedKwh + p.curtailedKwh + (p.loadKwh ?? 0) + (p.gridImportKwh ?? 0);
}

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
    u.loadKwh ?? 0, u.gridImportKwh ?? 0, u.selfSufficiencyPct ?? 0, u.lifetimeSelfUsedKwh, u.lifetimeExportedKwh,
    u.lifetimeCurtailedKwh, ...u.byMonth.map(part), ...u.byHourOfDay.map(part),
    m.firstYearSavingsYuan, m.lifetimeSavingsYuan, m.npvYuan ?? 0, m.irrPct ?? 0, m.paybackYears ?? 0, m.lcoeYuanKwh ?? 0,
    m.discountedPaybackYears ?? 0, m.projectIrrPct ?? 0, m.investmentYuan ?? 0, m.selfUsePriceYuanKwh ?? 0,
    ...(m.byPeriod ?? []).map((p) => p.priceYuanKwh + p.selfUsedKwh + p.selfUseValueYuan + p.period.length),
    ...m.byYear.map(cashFlow),
    m.investor?.firstYearRevenueYuan ?? 0, m.investor?.lifetimeRevenueYuan ?? 0, m.investor?.investmentYuan ?? 0,
    m.investor?.npvYuan ?? 0, m.investor?.irrPct ?? 0, m.investor?.projectIrrPct ?? 0, m.investor?.paybackYears ?? 0,
    m.investor?.discountedPaybackYears ?? 0, m.investor?.lcoeYuanKwh ?? 0, ...(m.investor?.byYear ?? []).map(cashFlow),
    x.annual.coalT, x.annual.co2T, x.annual.so2T, x.annual.noxT, x.annual.dustT, x.annual.waterT,
    x.lifetime.coalT, x.factors.coalKgce, x.factors.co2Kg, x.factors.so2G, x.factors.noxG, x.factors.dustG, x.factors.waterKg,
    x.factors.source?.dataYear ?? 0, ...(x.factors.valueSources ?? []).map((v) => v.source.dataYear),
    a.capacityKwp, a.lifetimeYears, a.firstYearDegradationPct, a.annualDegradationPct, a.selfUseSharePct,
    a.gridPriceYuanKwh, a.exportPriceYuanKwh, a.escalationPct, a.capexYuanPerW ?? 0, a.omYuanPerKwpYear ?? 0,
    a.discountRatePct ?? 0, a.discountPct ?? 0, a.roofRentYuanYear ?? 0, a.albedo ?? 0,
    a.layout?.planes[0]?.tiltDeg ?? 0, a.layout?.dcAcRatio ?? 0, a.layout?.groundCoverageRatio ?? 0,
    a.load?.annualKwh ?? 0, a.load?.peakKw ?? 0, a.load?.stepMinutes ?? 0, a.load?.rows ?? 0, a.exportLimitKw ?? 0,
    a.shapeLatitudeDeg ?? 0, a.shapeLongitudeDeg ?? 0, a.exportEscalationPct, a.omPctOfCapex ?? 0,
    ...(a.omSteps ?? []).map((s) => s.fromYear + s.yuanPerKwpYear), a.inverterReplacement?.year ?? 0,
    a.inverterReplacement?.costYuanPerW ?? 0, a.loan?.sharePct ?? 0, a.loan?.ratePct ?? 0, a.loan?.years ?? 0,
    a.tax?.incomeTaxPct ?? 0, a.tax?.depreciationYears ?? 0, a.tax?.residualValuePct ?? 0, Number(a.tax?.taxHoliday ?? false),
    ...(a.timeOfUse?.schedule ?? []).flatMap((row) => row.months), a.timeOfUse?.prices.sharpPeak ?? 0,
  ];
  const strings: string[] = [x.preset ?? '', a.resourceMethod, a.usageMode, a.ownership, ...r.warnings.map((w) => w.code + w.message + w.messageZh),
    a.load?.kind ?? '', a.load?.profile ?? '', a.load?.unit ?? '', a.hoursFrom ?? '', a.tariffKind, a.timeOfUsePreset ?? '', u.method];
  return strings.length > 0 ? nums : [];
}

try {
  use(calculate(scenario));
  use(calculate(gb));
  use(calculate(fromFile));
  use(calculate(hourlyOwner));
  use(calculate(hourlyEmc));
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
  p.tariffs[0]?.kind, p.tariffs[0]?.confirmed, p.tariffs[0]?.source.noteZh, p.defaultGridPrice, p.defaultExportPrice, p.scenarios[0]?.scenario.system.capacityKwp, p.scenarios[0]?.descriptionZh,
  p.defaultTimeOfUse, p.timeOfUse[0]?.timeOfUse.schedule.length, p.timeOfUse[0]?.validFrom, p.timeOfUse[0]?.validUntil,
  p.timeOfUse[0]?.confirmed, p.timeOfUse[0]?.source.documentZh, p.timeOfUse[0]?.nameZh, p.timeOfUse[0]?.nameEn, p.timeOfUse[0]?.id,
  p.omSchedules[0]?.steps[0]?.yuanPerKwpYear, p.omSchedules[0]?.confirmed, p.omSchedules[0]?.source.issuer,
  p.omSchedules[0]?.id, p.omSchedules[0]?.nameZh, p.omSchedules[0]?.nameEn);

// The 2025 rules: project category and date, a Document 136 export price, VAT, a tariff change.
const rules2025: Scenario = {
  system: { capacityKwp: 4000 },
  resource: { method: 'fullLoadHours', hours: 1250 },
  usage: { mode: 'selfUseSurplus', selfUseSharePct: 70 },
  project: { category: 'generalCommercial', commissioningDate: '2026-03-01', connectionVoltageKv: 10, province: 'shanxi' },
  tariff: {
    timeOfUsePreset: 'shandong-ci-2024',
    timeOfUseChanges: [{ fromYear: 2, timeOfUsePreset: 'shandong-ci-2026' }],
    export: { mechanismPriceYuanKwh: 0.3, mechanismSharePct: 80, mechanismTermYears: 12, marketPriceByHourYuanKwh: Array(24).fill(0.2) },
  },
  ownership: { kind: 'owner', tax: { incomeTaxPct: 25, vatPct: 13, cityMaintenanceTaxPct: 7, educationSurchargePct: 5 } },
};
// @ts-expect-error an unknown category
const wrongCategory: Scenario = { ...rules2025, project: { category: 'utility' } };
const r2025 = calculate(rules2025);
const ep = r2025.money.exportPricing;
console.log(wrongCategory, ep.rule, ep.mechanismSharePct, ep.marketPrice, ep.marketCapturePriceYuanKwh, ep.firstYearPriceYuanKwh,
  ep.afterTermPriceYuanKwh, r2025.assumptions.project.category, r2025.assumptions.project.categoryInferred,
  r2025.assumptions.timeOfUseChanges?.[0]?.fromYear, r2025.money.byYear[1]?.vatYuan, r2025.money.byYear[1]?.vatSurchargesYuan,
  p.provinces[0]?.newMechanism?.sharePct, p.provinces[0]?.minimumSelfUse?.sharePct, p.provinces[0]?.spotMarket,
  p.timeOfUse[0]?.ratios?.deepValley);
