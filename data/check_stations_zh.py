#!/usr/bin/env python3
"""Check data/stations-zh.csv against the CSWD station table.

Usage: python3 data/check_stations_zh.py [stations-zh.csv] [cswd-monthly.csv]
Defaults: data/stations-zh.csv and data/cswd-monthly.csv next to this script (override the
second with the CSWD_MONTHLY environment variable).
Exits non-zero on the first failed check; prints the verified yes/no counts otherwise.
"""
import csv
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

# The 34 provincial-level divisions, short common form (no 省/市/自治区/特别行政区 suffix).
PROVINCES = {
    "北京": "Beijing", "天津": "Tianjin", "河北": "Hebei", "山西": "Shanxi", "内蒙古": "Inner Mongolia",
    "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang", "上海": "Shanghai", "江苏": "Jiangsu",
    "浙江": "Zhejiang", "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong",
    "河南": "Henan", "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong", "广西": "Guangxi",
    "海南": "Hainan", "重庆": "Chongqing", "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan",
    "西藏": "Tibet", "陕西": "Shaanxi", "甘肃": "Gansu", "青海": "Qinghai", "宁夏": "Ningxia",
    "新疆": "Xinjiang", "台湾": "Taiwan", "香港": "Hong Kong", "澳门": "Macau",
}
assert len(PROVINCES) == 34

# Province spelling in the CSWD EPW headers -> short Chinese name.
CSWD_PROVINCE = {
    "Anhui": "安徽", "Beijing": "北京", "Chongqing": "重庆", "Fujian": "福建", "Gansu": "甘肃",
    "Guangdong": "广东", "Guangxi Zhuang": "广西", "Guizhou": "贵州", "Hainan": "海南", "Hebei": "河北",
    "Heilongjiang": "黑龙江", "Henan": "河南", "Hubei": "湖北", "Hunan": "湖南", "Jiangsu": "江苏",
    "Jiangxi": "江西", "Jilin": "吉林", "Liaoning": "辽宁", "Nei Mongol": "内蒙古", "Ningxia Hui": "宁夏",
    "Qinghai": "青海", "Shaanxi": "陕西", "Shandong": "山东", "Shanghai": "上海", "Shanxi": "山西",
    "Sichuan": "四川", "Tianjin": "天津", "Tibet": "西藏", "Xinjiang Uygur": "新疆", "Yunnan": "云南",
    "Zhejiang": "浙江",
}

COLUMNS = ["wmo", "city_pinyin", "name_zh", "province_zh", "province_en", "verified", "note"]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def main():
    zh_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "stations-zh.csv")
    src_path = (sys.argv[2] if len(sys.argv) > 2 else
                os.environ.get("CSWD_MONTHLY",
                               os.path.join(HERE, "cswd-monthly.csv")))
    header, zh = read(zh_path)
    _, src = read(src_path)

    assert header == COLUMNS, f"columns {header} != {COLUMNS}"
    assert len(src) == 270, f"{src_path}: {len(src)} stations, expected 270"
    assert len(zh) == 270, f"{zh_path}: {len(zh)} rows, expected 270"

    for i, (z, s) in enumerate(zip(zh, src), start=2):
        where = f"{zh_path}:{i} ({z['wmo']})"
        assert z["wmo"] == s["wmo"], f"{where}: wmo {z['wmo']} != {s['wmo']} (order must match the CSWD table)"
        assert z["city_pinyin"] == s["city"], f"{where}: city_pinyin {z['city_pinyin']!r} != {s['city']!r}"
        assert z["name_zh"].strip(), f"{where}: empty name_zh"
        assert z["name_zh"] == z["name_zh"].strip(), f"{where}: name_zh has surrounding spaces"
        assert z["province_zh"] in PROVINCES, f"{where}: province_zh {z['province_zh']!r} is not one of the 34"
        assert z["province_en"] == PROVINCES[z["province_zh"]], \
            f"{where}: province_en {z['province_en']!r} != {PROVINCES[z['province_zh']]!r}"
        expected = CSWD_PROVINCE.get(s["province"])
        assert expected is not None, f"{where}: unknown CSWD province {s['province']!r}"
        assert z["province_zh"] == expected, f"{where}: province_zh {z['province_zh']} != {expected} ({s['province']})"
        assert z["verified"] in ("yes", "no"), f"{where}: verified must be yes or no"
        if z["verified"] == "no":
            assert z["note"].strip(), f"{where}: an unverified row needs a note"

    wmos = [z["wmo"] for z in zh]
    assert len(set(wmos)) == 270, "duplicate wmo"

    counts = Counter(z["verified"] for z in zh)
    print(f"{zh_path}: 270 stations OK; verified yes={counts['yes']} no={counts['no']}")
    for z in zh:
        if z["verified"] == "no":
            print(f"  unverified: {z['wmo']} {z['city_pinyin']} -> {z['name_zh']} ({z['province_zh']})")


if __name__ == "__main__":
    main()
