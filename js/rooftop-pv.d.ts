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
/** Reads a weather file (EPW, TMY3, TMY2, SAM/PSM3 CSV, PVGIS CSV/JSON) and summarises it; throws {@link ScenarioError}. */
export function parseWeather(text: string, options?: WeatherOptions): WeatherSummary;

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
  | 'weather_truncated' | 'weather_missing_values' | 'weather_out_of_range' | 'unknown_station' | 'climate_data';

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
  | { method: 'weatherFile'; text: string; format?: WeatherFormat; timing?: Timing; fileName?: string }
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
  /** [%] of generation used on site; default 80 (selfUseSurplus) or 100 (fullSelfUse); not for fullExport */
  selfUseSharePct?: number;
}

export interface Tariff {
  /** price of grid power the site avoids [yuan/kWh], default 0.55 (Shanxi C&I, representative) */
  gridPriceYuanKwh?: number;
  /** price of exported power [yuan/kWh], default 0.332 (Shanxi coal benchmark) */
  exportPriceYuanKwh?: number;
  /** yearly change of both prices [%/yr], default 0 */
  escalationPct?: number;
}

export type Ownership =
  | {
      kind: 'owner';
      /** [yuan/W], default 3.0 */
      capexYuanPerW?: number;
      /** [yuan/kWp/yr], default 1 % of the investment */
      omYuanPerKwpYear?: number;
      /** [%/yr], default 6 */
      discountRatePct?: number;
    }
  | {
      kind: 'thirdParty';
      /** [%] off the grid price the site pays the investor (合同能源管理 EMC) */
      discountPct: number;
      /** [yuan/yr], default 0 */
      roofRentYuanYear?: number;
    };

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
  /** first year */
  usage: { selfUsedKwh: number; exportedKwh: number; curtailedKwh: number; selfUseSharePct: number };
  money: {
    firstYearSavingsYuan: number;
    lifetimeSavingsYuan: number;
    /** owner only */
    npvYuan?: number;
    /** owner only, absent when the cash flow has no IRR */
    irrPct?: number;
    /** owner only, absent when it does not pay back within the lifetime */
    paybackYears?: number;
    /** owner only */
    lcoeYuanKwh?: number;
    /** year 0 = the investment (owner), then 1..years */
    byYear: { year: number; generationKwh: number; savingsYuan: number; costsYuan: number; netCashFlowYuan: number }[];
  };
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
  selfUseSharePct: number;
  gridPriceYuanKwh: number;
  exportPriceYuanKwh: number;
  escalationPct: number;
  ownership: Ownership['kind'];
  capexYuanPerW?: number;
  omYuanPerKwpYear?: number;
  discountRatePct?: number;
  discountPct?: number;
  roofRentYuanYear?: number;
}

export interface Warning {
  code: 'layout_unused' | 'assumed_self_use_share' | 'monthly_by_days' | 'no_payback' | 'assumed_plane'
    | 'timing_offset' | 'weather_filled' | 'station_distance' | 'temperature_from_station'
    | 'monthly_profile_from_station' | 'monthly_duffie_beckman';
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
  scenarios: {
    id: string; nameZh: string; nameEn: string;
    descriptionZh: string; descriptionEn: string;
    scenario: Scenario;
  }[];
}
