// Types of the rooftop-pv package (written by hand to match src/scenario.rs and src/report.rs).
// Units are in the names: Kwp = kWp, Kwh = kWh, Pct = percent, Yuan = CNY, M2 = m², T = tonnes.

/** Loads the WebAssembly module. Browsers and bundlers must await it once; in Node it does nothing. */
export default function init(moduleOrPath?: unknown): Promise<unknown>;

/** Computes a report; throws {@link ScenarioError} for an invalid scenario (never traps). */
export function calculate(scenario: Scenario): Report;
/** Emission factor sets, prices and example scenarios, each with its source. */
export function presets(): Presets;
/** The package version. */
export function version(): string;
/** Reads a weather file (EPW, TMY3, TMY2, SAM/PSM3 CSV, PVGIS CSV/JSON) and summarises it; throws {@link ScenarioError}.
 * `text`: the file as a string, or its bytes as read ({@link FileText}). */
export function parseWeather(text: FileText, options?: WeatherOptions): WeatherSummary;

/** A file's content: a string, or its bytes as read (`Uint8Array`, a Node `Buffer`, `ArrayBuffer` —
 * e.g. `await file.arrayBuffer()`), in any encoding: UTF-8 is read as it is, other bytes (GBK station
 * names) become U+FFFD, which changes nothing in the numbers. Bytes skip a string conversion; a string
 * is encoded with `TextEncoder.encodeInto` straight into WebAssembly memory. */
export type FileText = string | Uint8Array | ArrayBuffer;

/** The 270 built-in climate stations (CSWD typical year, CMA / Tsinghua). */
export function stations(): Station[];
/** Stations matching a Chinese name, pinyin, province or id, best first. */
export function findStations(query: string): Station[];
/** The built-in station nearest to a place (great circle), or undefined. */
export function nearestStation(latitude: number, longitude: number): NearestStation | undefined;
/** A station's monthly table and average days; throws ScenarioError (unknown_station) for an unknown id. */
export function stationClimate(id: string): StationClimate;

export interface Station {
  /** 6-digit CSWD id (WMO number × 10), e.g. "534870" */
  id: string;
  nameZh: string; nameEn: string; provinceZh: string; provinceEn: string;
  latitude: number; longitude: number; elevationM: number;
  annualGhiKwhM2: number;
  /** GB/T 31155-2014: A ≥ 1750, B 1400–1750, C 1050–1400, D < 1050 kWh/m² */
  resourceClass: 'A' | 'B' | 'C' | 'D';
  source: string;
}
export interface NearestStation { station: Station; distanceKm: number }
export interface StationClimate {
  station: Station;
  /** January … December */
  monthly: { ghiKwhM2: number; dhiKwhM2: number; tempC: number; windMS: number }[];
  /** [month][clock hour 0–23], clock hour h at h:00 Beijing time */
  typicalDays: { ghiWM2: number; dniWM2: number; dhiWM2: number; tempC: number; windMS: number }[][];
}

export type WeatherFormat = 'epw' | 'tmy3' | 'tmy2' | 'samCsv' | 'pvgisCsv' | 'pvgisJson';
/** Where in each row's interval the values hold: at its start (CSWD EPW), an average centred in it
 * (TMY2/TMY3/IWEC/TMYx/PSM3/PVGIS), at its end, or at the instant written in the file. */
export type Timing = 'start' | 'centre' | 'end' | 'instant';

export interface WeatherOptions {
  format?: WeatherFormat;
  timing?: Timing;
  /** the file's name, a hint for the data set ("…_CSWD.epw") */
  fileName?: string;
  /** PVGIS (UTC) files: local standard time zone [h] */
  timezoneH?: number;
}

export interface WeatherSummary {
  location: { name: string; latitude: number; longitude: number; timezoneH: number; elevationM: number };
  format: WeatherFormat;
  /** the data set the file names (CSWD, IWEC, TMY3, NSRDB, PVGIS-SARAH3, …) */
  source: string;
  timing: Timing;
  timingDefault: Timing;
  /** why that default, with its source (English, Chinese) */
  timingBasis: string;
  timingBasisZh: string;
  first: Stamp;
  last: Stamp;
  years: number[];
  rows: number;
  stepMinutes: number;
  annualGhiKwhM2: number;
  annualDniKwhM2: number;
  annualDhiKwhM2: number;
  meanTempC: number;
  maxGhiWM2: number;
  filledValues: number;
  droppedLeapDayRows: number;
  pressureEstimated: boolean;
  hasAlbedo: boolean;
  /** daily irradiance centroid vs solar noon [min]; warning above 15 min; absent for a year without sun */
  timingCheck?: { offsetMinutes: number; days: number; warning: boolean };
}

export interface Stamp { year: number; month: number; day: number; hour: number; minute: number }

/** What `calculate` throws. `code` is stable; `field` is the JSON path, e.g. "system.capacityKwp". */
export interface ScenarioError extends Error {
  name: 'ScenarioError';
  code: ErrorCode;
  field: string;
  /** The message in Chinese (zh-CN); `message` is English. */
  messageZh: string;
}
export type ErrorCode =
  | 'invalid_json' | 'invalid_type' | 'missing_field' | 'unknown_field' | 'unknown_variant'
  | 'not_finite' | 'out_of_range' | 'invalid_length' | 'unknown_preset' | 'conflict'
  | 'weather_too_large' | 'weather_format' | 'weather_parse' | 'weather_location' | 'weather_time'
  | 'weather_truncated' | 'weather_missing_values' | 'weather_out_of_range' | 'unknown_station' | 'climate_data'
  /** months that no time-of-use schedule row covers */
  | 'incomplete'
  /** load files (`usage.load.text`; the message names the line): unreadable, unit unknown or contradicted,
   * gaps / repeats / irregular steps, not one year, negative or missing values */
  | 'load_format' | 'load_unit' | 'load_time' | 'load_length' | 'load_value';

export interface Scenario {
  /** Where the roof is; used by the hourly methods, ignored by fullLoadHours and gb50797. */
  site?: Site;
  system: System;
  resource: Resource;
  lifetime?: Lifetime;
  usage?: Usage;
  tariff?: Tariff;
  ownership?: Ownership;
  emissions?: EmissionsChoice;
  /** `hourly: true` adds `energy.hourlyKwh` (hourly methods) */
  output?: { hourly?: boolean };
}

export interface Site {
  /** [°], north positive */
  latitude: number;
  /** [°], east positive */
  longitude: number;
  /** [m] */
  elevationM?: number;
  /** [h] from UTC, China 8 */
  timezoneH?: number;
  /** ground reflectance [0–1], default 0.2 */
  albedo?: number;
}

export interface System {
  /** DC nameplate [kWp], > 0 */
  capacityKwp: number;
  /** roof planes; the shares sum to 1 */
  planes?: Plane[];
  /** DC/AC ratio, default 1.2 */
  dcAcRatio?: number;
  /** [%], default 96 */
  inverterEfficiencyPct?: number;
  /** lumped DC losses [%], default 14.08 */
  lossesPct?: number;
  moduleType?: 'standard' | 'premium' | 'thinFilm';
  mounting?: 'roof' | 'openRack';
  /** module area / ground area for racks in rows (open rack), default 0.3 */
  groundCoverageRatio?: number;
  /** sky-diffuse transposition, default perez (PVWatts v8) */
  skyModel?: 'perez' | 'hayDavies' | 'hdkr' | 'isotropic';
}

export interface Plane {
  /** [°] from horizontal, 0–90 */
  tiltDeg: number;
  /** [°]: 0 north, 90 east, 180 south, 270 west */
  azimuthDeg: number;
  /** fraction of capacityKwp on this plane (0–1] */
  shareOfCapacity: number;
}

export type Resource =
  /** hours = annual kWh per kWp, 0–8760 */
  | { method: 'fullLoadHours'; hours: number }
  /** GB 50797-2012 §6.6: Ep = HA × PAZ / Es × K, HA the annual horizontal irradiation [kWh/m²] */
  | { method: 'gb50797'; horizontalIrradiationKwhM2: number; k: number }
  /** the PVWatts v8 hourly chain on a weather file's text */
  | { method: 'weatherFile'; text: FileText; format?: WeatherFormat; timing?: Timing; fileName?: string }
  /** a year synthesised from a built-in station's average days (with day-to-day variability) */
  | { method: 'station'; stationId: string }
  /** a year synthesised from 12 monthly values at `site` (required) */
  | { method: 'monthly'; ghiKwhM2: number[]; tempC?: number[] };

export interface Lifetime {
  /** 1–50, default 25 */
  years?: number;
  /** [%] lost during year 1 (felt from year 2), default 1 */
  firstYearDegradationPct?: number;
  /** [%/yr] lost each further year, default 0.4 */
  annualDegradationPct?: number;
}

export interface Usage {
  /** fullExport 全额上网; selfUseSurplus 自发自用、余电上网; fullSelfUse 全部自发自用 (surplus curtailed) */
  mode: 'fullExport' | 'selfUseSurplus' | 'fullSelfUse';
  /** [%] of generation used on site; default 80 (selfUseSurplus) or 100 (fullSelfUse); not for fullExport, not with a load */
  selfUseSharePct?: number;
  /** the site's consumption: with it, generation is matched to the load hour by hour (not for fullExport) */
  load?: LoadProfile;
  /** largest export power [kW]; 0 = zero export (防逆流); the surplus above it is curtailed; not for fullSelfUse */
  exportLimitKw?: number;
}

/** A year of the site's consumption. Typical profiles use the 2025 calendar with the State Council's public holidays. */
export type LoadProfile =
  /** a year of hourly, 30- or 15-minute values (kW or kWh), with timestamps or in row order from 1 January 00:00;
   * the unit from the header (load_kW, 电量(kWh), …) or `unit` */
  | { kind: 'intervalCsv'; text: FileText; unit?: 'kW' | 'kWh' }
  /** 12 monthly totals [kWh], January first, laid over each month's hours by the profile */
  | { kind: 'monthly'; kwh: number[]; profile: TypicalProfile }
  /** a typical profile scaled to the annual consumption [kWh] */
  | { kind: 'typical'; profile: TypicalProfile; annualKwh: number };
/** Engineering assumptions, documented in src/load/profiles.rs. */
export type TypicalProfile = 'factoryOneShift' | 'factoryTwoShift' | 'factoryThreeShift' | 'commercial' | 'household';
/** 尖峰 critical peak, 高峰 peak, 平段 flat, 低谷 valley */
export type Period = 'sharpPeak' | 'peak' | 'flat' | 'valley';
/** Time-of-use purchase prices: every month 1–12 in exactly one schedule row. */
export interface TimeOfUse {
  /** [yuan/kWh]; sharpPeak is required when a row uses it */
  prices: { sharpPeak?: number; peak: number; flat: number; valley: number };
  /** hours: 24 periods, hours[0] = 00:00–01:00 local standard time */
  schedule: { months: number[]; hours: Period[] }[];
}

export interface Tariff {
  /** price of grid power the site avoids [yuan/kWh], default 0.55 (Shanxi C&I, representative); not with time of use */
  gridPriceYuanKwh?: number;
  /** time-of-use purchase prices (instead of gridPriceYuanKwh) */
  timeOfUse?: TimeOfUse;
  /** a shipped time-of-use tariff by id (presets().timeOfUse), instead of timeOfUse */
  timeOfUsePreset?: string;
  /** price of exported power [yuan/kWh], default 0.332 (Shanxi coal benchmark) */
  exportPriceYuanKwh?: number;
  /** yearly change of the purchase price [%/yr], default 0; also of the export price unless exportEscalationPct is given */
  escalationPct?: number;
  /** yearly change of the export price [%/yr], default escalationPct */
  exportEscalationPct?: number;
}

export type Ownership =
  | ({ kind: 'owner' } & Investment)
  | {
      kind: 'thirdParty';
      /** [%] off the grid price the site pays the investor (合同能源管理 EMC), 0–100; per hour under time of use */
      discountPct: number;
      /** [yuan/yr] the investor pays the site, default 0 */
      roofRentYuanYear?: number;
      /** the investor's investment and costs (defaults as for an owner) */
      investor?: Investment;
    };

/** The investment and costs of whoever owns the system. Give at most one of the three O&M forms. */
export interface Investment {
  /** [yuan/W], default 3.0 */
  capexYuanPerW?: number;
  /** [yuan/kWp/yr]; default 1 % of the investment a year */
  omYuanPerKwpYear?: number;
  /** [% of the investment per year] */
  omPctOfCapex?: number;
  /** stepped O&M: each step from its year (the first from year 1), e.g. presets().omSchedules */
  omSteps?: OmStep[];
  /** [%/yr], default 6 */
  discountRatePct?: number;
  /** one replacement of the inverters, paid in `year` (1–lifetime) */
  inverterReplacement?: { year: number; costYuanPerW: number };
  /** part of the investment borrowed, repaid in equal yearly instalments (等额本息) over `years` ≤ lifetime */
  loan?: { sharePct: number; ratePct: number; years: number };
  /** corporate income tax; none when absent */
  tax?: Tax;
}
export interface OmStep { fromYear: number; yuanPerKwpYear: number }
export interface Tax {
  /** [%], e.g. 25 */
  incomeTaxPct: number;
  /** straight-line [years], default 20 */
  depreciationYears?: number;
  /** [% of the investment] not depreciated, default 5 */
  residualValuePct?: number;
  /** 三免三减半: no tax in years 1–3, half in 4–6; default false */
  taxHoliday?: boolean;
}

/** A preset id, or custom factors (not both). Default preset: mee-2023-national. */
export interface EmissionsChoice {
  preset?: string;
  factors?: EmissionFactors;
}

/** Per kWh of PV generation displacing grid/thermal power. */
export interface EmissionFactors {
  /** standard coal [kgce/kWh] */
  coalKgce: number;
  /** [kg/kWh] */
  co2Kg: number;
  /** [g/kWh] */
  so2G: number;
  /** [g/kWh] */
  noxG: number;
  /** [g/kWh] */
  dustG: number;
  /** [kg/kWh] */
  waterKg: number;
  source?: Source;
  valueSources?: ValueSource[];
}

/** Who published a figure, where, for which year; English, with the Chinese beside it (shipped sources always have both). */
export interface Source {
  issuer: string;
  issuerZh?: string;
  document: string;
  documentZh?: string;
  /** the year the data describe */
  dataYear: number;
  note?: string;
  noteZh?: string;
}

export interface ValueSource {
  quantity: 'coalKgce' | 'co2Kg' | 'so2G' | 'noxG' | 'dustG' | 'waterKg';
  /** read in the document (true), or a widely quoted figure still to confirm (false) */
  confirmed: boolean;
  source: Source;
}

export interface Report {
  energy: {
    /** first year [kWh] */
    annualKwh: number;
    /** first year, January first [kWh] × 12 */
    monthlyKwh: number[];
    specificYieldKwhPerKwp: number;
    lifetimeKwh: number;
    byYear: { year: number; kwh: number }[];
    /** hourly methods: irradiation incident on the planes [kWh/m²] */
    poaKwhM2?: number;
    monthlyPoaKwhM2?: number[];
    /** hourly methods: AC / (kWp × POA / 1 kW/m²) */
    performanceRatio?: number;
    /** hourly methods: the share lost at each step of the chain [%] */
    losses?: {
      incidentKwh: number; rowShadingPct: number; coverSpectralPct: number; temperatureLowLightPct: number;
      dcLossesPct: number; inverterPct: number; clippingPct: number; acKwh: number;
    };
    /** with output.hourly: first-year AC energy of each weather row [kWh] */
    hourlyKwh?: Float64Array;
  };
  usage: UsageReport;
  money: {
    /** year 1: owner — avoided purchases + export income; third party — the site's discount + roof rent */
    firstYearSavingsYuan: number;
    lifetimeSavingsYuan: number;
    /** owner only (after loan and taxes) */
    npvYuan?: number;
    /** owner only, absent when the cash flow has no IRR */
    irrPct?: number;
    /** owner only, absent when it does not pay back within the lifetime */
    paybackYears?: number;
    /** owner only: cost of the delivered (self-used + exported) kWh */
    lcoeYuanKwh?: number;
    /** owner only: payback of the discounted cash flow */
    discountedPaybackYears?: number;
    /** owner only: IRR before financing and taxes */
    projectIrrPct?: number;
    /** owner only: the investment (equity and loan) [yuan] */
    investmentYuan?: number;
    /** year-1 value of a self-used kWh: the avoided purchase price, averaged over the self-used hours */
    selfUsePriceYuanKwh?: number;
    /** time of use: year-1 self-use by period (periods the schedule uses) */
    byPeriod?: { period: Period; priceYuanKwh: number; selfUsedKwh: number; selfUseValueYuan: number }[];
    /** the cash flow of the owner (year 0 = the investment, then 1..years) or of the third-party host (1..years) */
    byYear: CashFlowYear[];
    /** third party (EMC): the investor's money from the same hours */
    investor?: {
      firstYearRevenueYuan: number; lifetimeRevenueYuan: number; investmentYuan: number; npvYuan: number;
      irrPct?: number; projectIrrPct?: number; paybackYears?: number; discountedPaybackYears?: number;
      lcoeYuanKwh?: number;
      byYear: CashFlowYear[];
    };
  };
  /** avoided by the energy delivered (self-used + exported; curtailed kWh avoid nothing) */
  emissions: {
    annual: EmissionTotals;
    lifetime: EmissionTotals;
    factors: EmissionFactors;
    /** the preset id, absent for custom factors */
    preset?: string;
  };
  /** every input with its defaults filled in */
  assumptions: Assumptions;
  /** the weather as read or synthesised (hourly methods) */
  weather?: WeatherSummary;
  /** station and monthly methods: the station whose climate was used and its distance from the site */
  station?: NearestStation;
  warnings: Warning[];
}

/** Where the generation goes: year 1, the lifetime, and year 1 by month and by clock hour. */
export interface UsageReport {
  selfUsedKwh: number; exportedKwh: number; curtailedKwh: number;
  /** self-used / generation, year 1 [%] */
  selfUseSharePct: number;
  /** share: a fixed share of each year; hourly: hour by hour (load, export limit, time of use, hourly methods) */
  method: 'share' | 'hourly';
  /** with a load: year-1 consumption, what is still bought, self-used / consumption [%] */
  loadKwh?: number; gridImportKwh?: number; selfSufficiencyPct?: number;
  lifetimeSelfUsedKwh: number; lifetimeExportedKwh: number; lifetimeCurtailedKwh: number;
  /** 12 months, index 1–12 */
  byMonth: UsagePart[];
  /** 24 clock hours (index 0 = 00:00–01:00), sums over year 1; empty without hours */
  byHourOfDay: UsagePart[];
}
export interface UsagePart {
  index: number;
  generationKwh: number; selfUsedKwh: number; exportedKwh: number; curtailedKwh: number;
  loadKwh?: number; gridImportKwh?: number;
}

/** One year of a cash flow [yuan, kWh]. */
export interface CashFlowYear {
  /** 0 = the investment year (owner, investor), then 1..years */
  year: number;
  generationKwh: number; selfUsedKwh: number; exportedKwh: number; curtailedKwh: number;
  /** owner: avoided purchases; host: the discount on them; investor: sales to the host */
  selfUseYuan: number;
  /** export income (owner, investor) */
  exportYuan: number;
  /** received by the host (in savingsYuan), paid by the investor (in costsYuan) */
  roofRentYuan: number;
  /** what the PV brings this party in the year (investor: revenue) */
  savingsYuan: number;
  /** equity part of the investment (year 0) */
  investmentYuan: number;
  omYuan: number; inverterYuan: number; loanInterestYuan: number; loanPrincipalYuan: number; taxYuan: number;
  /** investment + O&M + inverter + rent paid + loan + tax */
  costsYuan: number;
  netCashFlowYuan: number;
  /** net cash flow summed from year 0 */
  cumulativeYuan: number;
}

export interface EmissionTotals {
  coalT: number; co2T: number; so2T: number; noxT: number; dustT: number; waterT: number;
}

export interface Assumptions {
  capacityKwp: number;
  /** hourly methods: the system with every layout default filled in */
  layout?: Required<System>;
  /** hourly methods: ground albedo */
  albedo?: number;
  resourceMethod: Resource['method'];
  lifetimeYears: number;
  firstYearDegradationPct: number;
  annualDegradationPct: number;
  usageMode: Usage['mode'];
  /** year 1: as given, or as it came out of the hours */
  selfUseSharePct: number;
  load?: {
    kind: LoadProfile['kind']; profile?: TypicalProfile; annualKwh: number; peakKw: number;
    stepMinutes?: number; rows?: number; unit?: 'kW' | 'kWh';
  };
  exportLimitKw?: number;
  /** where the hourly generation came from, when hours were used */
  hoursFrom?: 'clearSkyShape' | 'hourlyEngine' | 'supplied';
  /** clearSkyShape: the site of the shape (Zhengzhou when no site is given) */
  shapeLatitudeDeg?: number;
  shapeLongitudeDeg?: number;
  tariffKind: 'flat' | 'timeOfUse';
  /** flat: the price; time of use: the mean of the 8,760 hourly prices */
  gridPriceYuanKwh: number;
  timeOfUse?: TimeOfUse;
  timeOfUsePreset?: string;
  exportPriceYuanKwh: number;
  escalationPct: number;
  exportEscalationPct: number;
  ownership: Ownership['kind'];
  /** the owner's or the EMC investor's */
  capexYuanPerW?: number;
  /** year-1 O&M, whatever its form */
  omYuanPerKwpYear?: number;
  omPctOfCapex?: number;
  omSteps?: OmStep[];
  discountRatePct?: number;
  inverterReplacement?: { year: number; costYuanPerW: number };
  loan?: { sharePct: number; ratePct: number; years: number };
  tax?: Required<Tax>;
  discountPct?: number;
  roofRentYuanYear?: number;
}

export interface Warning {
  code: 'layout_unused' | 'assumed_self_use_share' | 'monthly_by_days' | 'no_payback' | 'assumed_plane'
    | 'timing_offset' | 'weather_filled' | 'station_distance' | 'temperature_from_station'
    | 'monthly_profile_from_station' | 'monthly_duffie_beckman'
    | 'hours_shaped' | 'hours_shaped_default_site' | 'curtailed'
    | 'investor_no_payback' | 'tou_price_order' | 'load_leap_day' | 'load_interval_end';
  message: string;
  messageZh: string;
}

export interface Presets {
  emissionFactors: { id: string; nameZh: string; nameEn: string; factors: EmissionFactors }[];
  /** the factor set used when a scenario names none */
  defaultEmissionFactors: string;
  tariffs: {
    id: string; nameZh: string; nameEn: string;
    kind: 'gridPrice' | 'exportPrice';
    valueYuanKwh: number;
    /** read in the source (true), or representative / to confirm (false) */
    confirmed: boolean;
    source: Source;
  }[];
  /** ids of the prices used when a scenario gives none */
  defaultGridPrice: string;
  defaultExportPrice: string;
  /** time-of-use tariffs (periods and representative prices) with their sources */
  timeOfUse: {
    id: string; nameZh: string; nameEn: string;
    /** ISO dates the periods hold from (and until, when replaced) */
    validFrom: string; validUntil?: string;
    timeOfUse: TimeOfUse;
    /** false while any period or price is still to confirm */
    confirmed: boolean;
    source: Source;
  }[];
  defaultTimeOfUse: string;
  /** stepped O&M schedules for omSteps */
  omSchedules: { id: string; nameZh: string; nameEn: string; steps: OmStep[]; confirmed: boolean; source: Source }[];
  scenarios: {
    id: string; nameZh: string; nameEn: string;
    descriptionZh: string; descriptionEn: string;
    scenario: Scenario;
  }[];
}
