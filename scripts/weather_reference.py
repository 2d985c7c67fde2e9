#!/usr/bin/env python3
"""Reference values for the weather readers, from pvlib's own readers, as JSON on stdout.

    .venv/bin/python scripts/weather_reference.py > tests/data/weather/pvlib_reference.json

Reads every weather file (tests/data/weather/*.epw.gz and test_psm3_tmy-2017.csv.gz, decompressed to a
temporary folder,
and pvlib's bundled 723170TYA.CSV, 703165TY.csv, 12839.tm2) with pvlib.iotools (read_epw, read_tmy3,
read_tmy2, read_nsrdb_psm4 — pvlib 0.16's name for the PSM3/PSM4 SAM-CSV reader — and
read_pvgis_tmy), and prints per file: the location, the row count, annual GHI/DNI/DHI [kWh/m²],
mean temperature, wind speed and pressure, and a few rows in file order. Nothing is copied.

Derived texts that pvlib and tests/weather_files.rs both build the same way (so both read the same
values):
- "psm3_with_header": the two NSRDB metadata lines of `PSM3_META` (below) + the PSM3 file
  without its first (pandas index) column, i.e. each line from its first comma on — the layout
  NSRDB serves. The location is pvlib's test location for that file (40.5137 N, 108.5449 W,
  UTC−7; elevation 1900 m assumed — the file's pressure is 780–800 mbar).
- "pvgis_csv" / "pvgis_json": a PVGIS 5.3 TMY in UTC made from the Datong CSWD EPW — row j (UTC
  hour j of 2005) holds EPW data row (j + 8) mod 8760, values printed with two decimals (SP, the
  EPW pressure in Pa, with one), RH 50, IR(h) 300, WD10m 0, declared irradiance time offset 0.5 h.
"""
import gzip
import io
import json
import os
import shutil
import sys
import tempfile

import numpy as np
import pandas as pd
import pvlib
from pvlib import iotools

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, '..', 'tests', 'data', 'weather'))
PVLIB_DATA = os.path.join(pvlib.__path__[0], 'data')

PSM3_META = ('Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,'
             'Local Time Zone,Dew Point Units,DHI Units,DNI Units,GHI Units,Temperature Units,'
             'Pressure Units,Wind Direction Units,Wind Speed Units,Surface Albedo Units,Version\n'
             'NSRDB,-,-,-,-,40.5137,-108.5449,-7,1900,-7,c,w/m2,w/m2,w/m2,c,mbar,Degrees,m/s,N/A,'
             '3.0.6\n')

SAMPLE_ROWS = [0, 1, 12, 13, 2000, 4000, 4380, 6000, 8759]


def epw_text_rows(path):
    with open(path) as f:
        lines = f.read().split('\n')
    return lines[:8], [l for l in lines[8:] if l.strip()]


def pvgis_from_epw(path):
    head, rows = epw_text_rows(path)
    loc = head[0].split(',')
    lat, lon, elev = float(loc[6]), float(loc[7]), float(loc[9])
    n = len(rows)
    out = io.StringIO()
    out.write(f'Latitude (decimal degrees): {lat:.3f}\r\n')
    out.write(f'Longitude (decimal degrees): {lon:.3f}\r\n')
    out.write(f'Elevation (m): {elev:.1f}\r\n')
    out.write('Irradiance Time Offset (h): 0.5\r\n')
    out.write('month,year\r\n')
    for m in range(1, 13):
        out.write(f'{m},2005\r\n')
    out.write('time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP\r\n')
    json_rows = []
    t0 = pd.Timestamp('2005-01-01 00:00')
    for j in range(n):
        f = rows[(j + 8) % n].split(',')
        t = (t0 + pd.Timedelta(hours=j)).strftime('%Y%m%d:%H%M')
        temp, ghi, dni, dhi, ws, sp = (float(f[6]), float(f[13]), float(f[14]), float(f[15]),
                                       float(f[21]), float(f[9]))
        out.write(f'{t},{temp:.2f},50.00,{ghi:.2f},{dni:.2f},{dhi:.2f},300.00,{ws:.2f},0.00,{sp:.1f}\r\n')
        json_rows.append({'time(UTC)': t, 'T2m': temp, 'RH': 50.0, 'G(h)': ghi, 'Gb(n)': dni,
                          'Gd(h)': dhi, 'IR(h)': 300.0, 'WS10m': ws, 'WD10m': 0.0, 'SP': sp})
    out.write('\r\nT2m: 2-m air temperature (degree Celsius)\r\n')
    out.write('G(h): Global irradiance on the horizontal plane (W/m2)\r\n')
    out.write('\r\nPVGIS (c) European Union, 2001-2024\r\n')
    doc = {'inputs': {'location': {'latitude': lat, 'longitude': lon, 'elevation': elev,
                                   'irradiance_time_offset': 0.5},
                      'meteo_data': {'radiation_db': 'PVGIS-ERA5', 'meteo_db': 'ERA5'}},
           'outputs': {'months_selected': [{'month': m, 'year': 2005} for m in range(1, 13)],
                       'tmy_hourly': json_rows},
           'meta': {'inputs': {}, 'outputs': {}}}
    return out.getvalue(), json.dumps(doc)


def summary(data, ghi, dni, dhi, temp, wind, pres_mbar, meta, stamps):
    """stamps: (month, day, hour) of each row's interval start, in file order."""
    n = len(data)
    rows = []
    for i in SAMPLE_ROWS:
        if i < n:
            m, d, h = stamps[i]
            rows.append({'index': i, 'month': int(m), 'day': int(d), 'hour': int(h),
                         'ghi': float(ghi[i]), 'dni': float(dni[i]), 'dhi': float(dhi[i]),
                         'temp_air_c': float(temp[i]), 'wind_speed_m_s': float(wind[i]),
                         'pressure_mbar': float(pres_mbar[i])})
    return {
        'latitude': float(meta['latitude']), 'longitude': float(meta['longitude']),
        'timezone_h': float(meta['tz']), 'elevation_m': float(meta['elevation']),
        'rows': n,
        'annual_ghi_kwh_m2': float(np.sum(ghi)) / 1000.0,
        'annual_dni_kwh_m2': float(np.sum(dni)) / 1000.0,
        'annual_dhi_kwh_m2': float(np.sum(dhi)) / 1000.0,
        'mean_temp_c': float(np.mean(temp)),
        'mean_wind_m_s': float(np.mean(wind)),
        'mean_pressure_mbar': float(np.mean(pres_mbar)),
        'samples': rows,
    }


def unpack(folder):
    """Decompresses the weather fixtures (tests/data/weather/*.gz) into `folder`."""
    for gz in sorted(os.listdir(FIXTURES)):
        if gz.endswith('.gz'):
            with gzip.open(os.path.join(FIXTURES, gz), 'rb') as src, \
                    open(os.path.join(folder, gz[:-3]), 'wb') as dst:
                shutil.copyfileobj(src, dst)


def main():
    with tempfile.TemporaryDirectory() as folder:
        unpack(folder)
        out = reference(folder)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


def reference(folder):
    """pvlib's readings of the files in `folder` and of pvlib's own data files."""
    files = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.epw'):
            continue
        data, meta = iotools.read_epw(os.path.join(folder, name))
        stamps = list(zip(data['month'], data['day'], data['hour'] - 1))
        files[name] = {'path': f'tests/data/weather/{name}.gz', 'reader': 'pvlib.iotools.read_epw',
                       **summary(data, data.ghi.values, data.dni.values, data.dhi.values,
                                 data.temp_air.values, data.wind_speed.values,
                                 data.atmospheric_pressure.values / 100.0,
                                 {'latitude': meta['latitude'], 'longitude': meta['longitude'],
                                  'tz': meta['TZ'], 'elevation': meta['altitude']}, stamps)}

    for name in ['723170TYA.CSV', '703165TY.csv']:
        data, meta = iotools.read_tmy3(os.path.join(PVLIB_DATA, name), map_variables=True)
        start = data.index.tz_localize(None) - pd.Timedelta(hours=1)
        stamps = list(zip(start.month, start.day, start.hour))
        files[name] = {'path': f'pvlib/data/{name}', 'reader': 'pvlib.iotools.read_tmy3',
                       **summary(data, data.ghi.values, data.dni.values, data.dhi.values,
                                 data.temp_air.values, data.wind_speed.values,
                                 data.pressure.values,
                                 {'latitude': meta['latitude'], 'longitude': meta['longitude'],
                                  'tz': meta['TZ'], 'elevation': meta['altitude']}, stamps),
                       'albedo_mean': (float(data.albedo.mean())
                                       if (data['Alb source'] != '?').all() and (data.albedo > 0).all()
                                       else None)}

    data, meta = iotools.read_tmy2(os.path.join(PVLIB_DATA, '12839.tm2'))
    idx = data.index.tz_localize(None)
    stamps = list(zip(idx.month, idx.day, idx.hour))
    files['12839.tm2'] = {'path': 'pvlib/data/12839.tm2', 'reader': 'pvlib.iotools.read_tmy2',
                          **summary(data, data.GHI.values, data.DNI.values, data.DHI.values,
                                    data.DryBulb.values / 10.0, data.Wspd.values / 10.0,
                                    data.Pressure.values,
                                    {'latitude': meta['latitude'], 'longitude': meta['longitude'],
                                     'tz': meta['TZ'], 'elevation': meta['altitude']}, stamps)}

    psm3 = os.path.join(folder, 'test_psm3_tmy-2017.csv')
    with open(psm3) as f:
        psm3_text = f.read()
    psm3_served = ''.join(l.split(',', 1)[1] + '\n' for l in psm3_text.splitlines() if l.strip())
    data, meta = iotools.read_nsrdb_psm4(io.StringIO(PSM3_META + psm3_served))
    stamps = list(zip(data.index.month, data.index.day, data.index.hour))
    files['psm3_with_header'] = {
        'path': 'tests/data/weather/test_psm3_tmy-2017.csv.gz (+ PSM3_META)',
        'reader': 'pvlib.iotools.read_nsrdb_psm4',
        **summary(data, data.ghi.values, data.dni.values, data.dhi.values, data.temp_air.values,
                  data.wind_speed.values, data.pressure.values,
                  {'latitude': meta['latitude'], 'longitude': meta['longitude'],
                   'tz': meta['Time Zone'], 'elevation': meta['altitude']}, stamps),
        'albedo_mean': float(data.albedo.mean())}
    bare = pd.read_csv(psm3, index_col=0)
    files['test_psm3_tmy-2017.csv'] = {
        'path': 'tests/data/weather/test_psm3_tmy-2017.csv.gz', 'reader': 'pandas.read_csv',
        **summary(bare, bare.GHI.values, bare.DNI.values, bare.DHI.values, bare.Temperature.values,
                  bare['Wind Speed'].values, bare.Pressure.values,
                  {'latitude': 40.5137, 'longitude': -108.5449, 'tz': -7, 'elevation': 1900},
                  list(zip(bare.Month, bare.Day, bare.Hour)))}

    csv_text, json_text = pvgis_from_epw(os.path.join(folder, 'CHN_Shanxi.Datong.534870_CSWD.epw'))
    for key, text, fmt in [('pvgis_csv', csv_text, 'csv'), ('pvgis_json', json_text, 'json')]:
        data, meta = iotools.read_pvgis_tmy(io.StringIO(text) if fmt == 'json' else
                                            io.BytesIO(text.encode()), pvgis_format=fmt,
                                            map_variables=True)
        loc = meta['inputs']['location'] if fmt == 'json' else meta['inputs']
        idx = data.index.tz_localize(None)
        stamps = list(zip(idx.month, idx.day, idx.hour))
        files[key] = {'path': 'derived from tests/data/weather/CHN_Shanxi.Datong.534870_CSWD.epw.gz',
                      'reader': 'pvlib.iotools.read_pvgis_tmy', 'order': 'UTC rows',
                      **summary(data, data.ghi.values, data.dni.values, data.dhi.values,
                                data.temp_air.values, data.wind_speed.values,
                                data.pressure.values / 100.0,
                                {'latitude': loc['latitude'], 'longitude': loc['longitude'],
                                 'tz': 0, 'elevation': loc['elevation']}, stamps)}

    out = {
        'command': '.venv/bin/python scripts/weather_reference.py > tests/data/weather/pvlib_reference.json',
        'pvlib': pvlib.__version__, 'pandas': pd.__version__, 'numpy': np.__version__,
        'python': sys.version.split()[0],
        'files': files,
    }
    return out


if __name__ == '__main__':
    main()
