"""Hand computation of the roof sizing cases of tests/sizing.rs, independent of the Rust code:
the winter-solstice sun by pvlib 0.16.1's analytical solar position (Cooper/Spencer-free formulas
with the declination given), the row pitch of GB 50797's 9:00-15:00 rule written out, and the
module counts by plain arithmetic. Run: .venv/bin/python scripts/sizing_reference.py"""
import math

import numpy as np
import pvlib

DELTA = -23.45  # winter-solstice declination [deg], as in the Chinese design formula
OMEGA = -45.0  # 9:00 true solar time [deg]
MODULE = (2.256, 1.133, 550.0)  # length, width [m], power [W]


def sun(lat):
    z = pvlib.solarposition.solar_zenith_analytical(np.radians(lat), np.radians(OMEGA), np.radians(DELTA))
    az = pvlib.solarposition.solar_azimuth_analytical(np.radians(lat), np.radians(OMEGA), np.radians(DELTA), z)
    return 90 - np.degrees(z), 180 - np.degrees(az)  # altitude, azimuth from south


def rows(lat, side_ew, side_ns, setback, tilt, up, parapet=0.0):
    alt, gam = sun(lat)
    length, width, power = MODULE
    slope = up * width  # landscape
    h = slope * math.sin(math.radians(tilt))
    reach = h * math.cos(math.radians(gam)) / math.tan(math.radians(alt))
    pitch = slope * math.cos(math.radians(tilt)) + reach
    front = max(setback, parapet * math.cos(math.radians(gam)) / math.tan(math.radians(alt)))
    depth = side_ns - setback - front
    n_rows = math.floor((depth - slope * math.cos(math.radians(tilt))) / pitch) + 1
    per_row = math.floor((side_ew - 2 * setback) / length) * up
    modules = n_rows * per_row
    print(f"rows lat {lat}: alt {alt!r} az {gam!r} pitch {pitch!r} reach {reach!r} front {front!r} "
          f"rows {n_rows} per_row {per_row} modules {modules} kWp {modules * power / 1000!r} gcr {slope / pitch!r}")
    # The design manuals' approximation (cos gamma = 0.707), for comparison.
    approx = 0.707 * h / math.tan(math.asin(0.648 * math.cos(math.radians(lat)) - 0.399 * math.sin(math.radians(lat))))
    print(f"  manual formula 0.707 H / tan(asin(0.648 cos phi - 0.399 sin phi)) = {approx!r}")


def flush(side_ew, side_ns, setback):
    length, width, power = MODULE
    a, b = side_ew - 2 * setback, side_ns - 2 * setback
    portrait = math.floor(a / width) * math.floor(b / length)
    landscape = math.floor(a / length) * math.floor(b / width)
    n = max(portrait, landscape)
    print(f"flush {side_ew!r} x {side_ns!r}: portrait {portrait} landscape {landscape} kWp {n * power / 1000!r}")


side = math.sqrt(4000)
print("Shuozhou 39.33 N; 4,000 m2 as a square of side", side)
flush(side, side, 1.0)
rows(39.33, side, side, 1.0, 20.0, 2)
rows(39.33, 80.0, 50.0, 1.0, 25.0, 2, parapet=1.2)
flush(80.0, 50.0, 1.0)
