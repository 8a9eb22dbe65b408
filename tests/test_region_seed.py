"""Checks on the committed dbt seed of Chinese administrative divisions (reads only the CSV)."""

import csv
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "regions.csv"
COLUMNS = ["region_code", "region_name", "short_name", "level", "parent_code", "abbreviation"]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with SEED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def by_code(rows) -> dict[str, dict[str, str]]:
    return {r["region_code"]: r for r in rows}


def test_encoding_and_header():
    raw = SEED.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    raw.decode("utf-8")
    assert raw.split(b"\n", 1)[0].decode().rstrip("\r").split(",") == COLUMNS


def test_codes_unique_six_digits_and_sorted(rows):
    codes = [r["region_code"] for r in rows]
    assert len(codes) > 300  # every province and prefecture-level city
    assert [c for c in codes if not (len(c) == 6 and c.isdigit())] == []
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_levels(rows):
    levels = [r["level"] for r in rows]
    assert set(levels) == {"country", "province", "prefecture"}
    assert levels.count("country") == 1
    assert levels.count("province") == 34


def test_country(by_code):
    country = by_code["100000"]
    assert country["region_name"] == "全国"
    assert country["level"] == "country"
    assert country["parent_code"] == ""


def test_provinces(rows, by_code):
    for r in rows:
        if r["level"] == "province":
            assert r["region_code"].endswith("0000")
            assert r["parent_code"] == "100000"
            assert len(r["abbreviation"]) == 1, r
        else:
            assert r["abbreviation"] == "", r
    for code, name, short in [
        ("110000", "北京市", "北京"),
        ("120000", "天津市", "天津"),
        ("310000", "上海市", "上海"),
        ("500000", "重庆市", "重庆"),
        ("810000", "香港特别行政区", "香港"),
        ("820000", "澳门特别行政区", "澳门"),
        ("710000", "台湾省", "台湾"),
        ("450000", "广西壮族自治区", "广西"),
        ("150000", "内蒙古自治区", "内蒙古"),
        ("650000", "新疆维吾尔自治区", "新疆"),
        ("640000", "宁夏回族自治区", "宁夏"),
        ("540000", "西藏自治区", "西藏"),
        ("430000", "湖南省", "湖南"),
    ]:
        assert by_code[code]["level"] == "province"
        assert by_code[code]["region_name"] == name
        assert by_code[code]["short_name"] == short


def test_abbreviations(by_code):
    expected = {
        "110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "蒙",
        "210000": "辽", "220000": "吉", "230000": "黑", "310000": "沪", "320000": "苏",
        "330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣", "370000": "鲁",
        "410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂",
        "460000": "琼", "500000": "渝", "510000": "川", "520000": "黔", "530000": "滇",
        "540000": "藏", "610000": "陕", "620000": "甘", "630000": "青", "640000": "宁",
        "650000": "新", "710000": "台", "810000": "港", "820000": "澳",
    }  # fmt: skip
    assert {c: r["abbreviation"] for c, r in by_code.items() if r["level"] == "province"} == expected


def test_prefecture_parents(rows, by_code):
    for r in rows:
        if r["level"] != "prefecture":
            continue
        parent = by_code.get(r["parent_code"])
        assert parent is not None and parent["level"] == "province", r
        assert r["region_code"][:2] == r["parent_code"][:2], r
        assert r["region_code"].endswith("00") and not r["region_code"].endswith("0000"), r


def test_no_prefecture_rows_for_municipalities(rows):
    assert not [
        r for r in rows if r["level"] == "prefecture" and r["region_code"][:2] in {"11", "12", "31", "50"}
    ]


@pytest.mark.parametrize(
    ("code", "name", "short"),
    [
        ("430100", "长沙市", "长沙"),
        ("440300", "深圳市", "深圳"),
        ("460300", "三沙市", "三沙"),
        ("460400", "儋州市", "儋州"),
        ("520500", "毕节市", "毕节"),
        ("520600", "铜仁市", "铜仁"),
        ("630200", "海东市", "海东"),
        ("650400", "吐鲁番市", "吐鲁番"),
        ("650500", "哈密市", "哈密"),
        ("540200", "日喀则市", "日喀则"),
        ("540300", "昌都市", "昌都"),
        ("540400", "林芝市", "林芝"),
        ("540500", "山南市", "山南"),
        ("540600", "那曲市", "那曲"),
        ("222400", "延边朝鲜族自治州", "延边"),
        ("232700", "大兴安岭地区", "大兴安岭"),
        ("152500", "锡林郭勒盟", "锡林郭勒"),
    ],
)
def test_prefecture_spot_checks(by_code, code, name, short):
    r = by_code[code]
    assert r["level"] == "prefecture"
    assert r["region_name"] == name
    assert r["short_name"] == short
    assert r["parent_code"] == code[:2] + "0000"


def test_abolished_divisions_absent(rows, by_code):
    assert "371200" not in by_code  # 莱芜市, merged into 济南市 in 2019
    assert "542400" not in by_code  # 那曲地区, now 那曲市 540600
    names = {r["region_name"] for r in rows}
    assert not any("莱芜" in n or "巢湖" in n for n in names)


def test_short_names(rows):
    for r in rows:
        assert len(r["short_name"]) >= 2, r
        if r["level"] == "country":  # the contract's name is 全国; texts name the nation 中国
            assert (r["region_name"], r["short_name"]) == ("全国", "中国"), r
            continue
        assert r["region_name"].startswith(r["short_name"]), r
