"""Tables flattened one cell per line (statistics bulletins copied from web pages and PDFs): each
value cell is a figure with its column's measure and unit and its row's place or part."""

from __future__ import annotations

from datetime import date

from orchestration.parsing import parse_document

FLATTENED = """江西省2019年科技经费投入统计公报
发布时间：2020-10-10

表1 2019年各设区市研究与试验发展(R&D)经费情况

地  区

R&D经费(亿元)

比上年增长(%)

R&D经费投入强度(%)

全  省

384.29

22.3

1.55

南昌市

126.14

16.4

2.22

赣州市

42.63

30.1

1.26
"""

WITH_BARS = """2016年全省分行业规模以上工业企业R&D经费情况
行业
|
R&D经费(万元)
|
投入强度(%)
|
合计
|
2572607.4
|
0.62
|
采矿业
|
109915.5
|
0.42
"""


def figures(text: str) -> list[tuple]:
    doc = parse_document(text, published_on=date(2020, 10, 10))
    return [(m.quote, m.value, m.unit, m.value_kind, m.region_name, m.subject, m.indicator_code, m.period)
            for m in doc.mentions]


def test_a_table_of_places_gives_each_place_its_figures() -> None:
    got = figures(FLATTENED)
    assert got[:3] == [
        ("384.29", 38429000000.0, "yuan", "level", "江西省", None, "rd_expenditure", "2019"),
        ("22.3", 22.3, "percent", "growth_rate", "江西省", None, "rd_expenditure", "2019"),
        ("1.55", 1.55, "percent", "share", "江西省", None, "rd_intensity", "2019"),
    ]
    assert [(q, r) for q, _, _, _, r, *_ in got[3:]] == [
        ("126.14", "南昌市"), ("16.4", "南昌市"), ("2.22", "南昌市"),
        ("42.63", "赣州市"), ("30.1", "赣州市"), ("1.26", "赣州市")]


def test_a_table_of_industries_gives_subjects_and_no_total_indicator() -> None:
    got = figures(WITH_BARS)
    assert got[0][:4] == ("2572607.4", 25726074000.0, "yuan", "level")
    assert got[2][5] == "采矿业" and got[2][6] is None  # a part of the whole is no region total


def test_numbers_outside_a_table_are_no_figures() -> None:
    assert figures("南昌市\n\n126.14\n\n16.4\n") == []


TWO_ROW_HEADER = """2021年各市研究与试验发展(R&D)经费情况

地 区

R&D经费

R&D经费投入强度

(亿元)

(%)

全  省

251.9

1.12

太原市

114.7

2.37
"""


def test_a_header_with_its_units_on_a_row_of_their_own() -> None:
    doc = parse_document(TWO_ROW_HEADER, published_on=date(2022, 9, 20))
    got = [(m.quote, m.value, m.unit, m.value_kind, m.region_name, m.indicator_code) for m in doc.mentions]
    assert got[:2] == [("251.9", 25190000000.0, "yuan", "level", "山西省", "rd_expenditure"),
                       ("1.12", 1.12, "percent", "share", "山西省", "rd_intensity")]
    assert got[2:] == [("114.7", 11470000000.0, "yuan", "level", "太原市", "rd_expenditure"),
                       ("2.37", 2.37, "percent", "share", "太原市", "rd_intensity")]


ONE_LINE = ("发布时间：2022-03-03\n国家统计局发布了《2020年全国科技经费投入统计公报》。"
            "其中广东省R&D经费达到3479.9亿元。 "
            "2020全国31省科研投入排行榜 注*榜单不含港澳台地区 地区 | R&D经费(亿元) | R&D经费投入强度(%) | "
            "全国 | 24393.1 | 2.40 | 广东省 | 3479.9 | 3.15 | 江苏省 | 3005.9 | 2.93 |\n")

ROWS_ON_LINES = ("2021年各市R&D经费情况\n地区 | R&D经费(亿元) | 投入强度(%)\n"
                 "全省 | 251.9 | 1.12\n太原市 | 114.7 | 2.37\n")


def test_a_whole_table_on_one_line_after_the_text_before_it() -> None:
    doc = parse_document(ONE_LINE, published_on=date(2022, 3, 3))
    cells = [(m.quote, m.value, m.region_name, m.indicator_code, m.period) for m in doc.mentions
             if m.period_source == "table"]
    assert cells == [
        ("24393.1", 2439310000000.0, "全国", "rd_expenditure", "2020"),
        ("2.40", 2.4, "全国", "rd_intensity", "2020"),
        ("3479.9", 347990000000.0, "广东省", "rd_expenditure", "2020"),
        ("3.15", 3.15, "广东省", "rd_intensity", "2020"),
        ("3005.9", 300590000000.0, "江苏省", "rd_expenditure", "2020"),
        ("2.93", 2.93, "江苏省", "rd_intensity", "2020"),
    ]


def test_a_table_with_a_row_on_each_line() -> None:
    doc = parse_document(ROWS_ON_LINES, published_on=date(2022, 9, 20))
    got = [(m.quote, m.value, m.region_name) for m in doc.mentions]
    assert got == [("251.9", 25190000000.0, "山西省"), ("1.12", 1.12, "山西省"),
                   ("114.7", 11470000000.0, "太原市"), ("2.37", 2.37, "太原市")]


SERIAL = ("索引号: | 002482090/2025-00062 | 发布机构: | 省科技厅 |\n发文日期: | 2025-06-05 | 公开方式: | 主动公开 |\n"
          "2025年一季度浙江省科技活动相关数据\n一、规上工业研发费用稳定增长\n"
          "序号 | 各市 | 规上工业研发费用 (亿元) | 增速 (%) |\n1 | 杭州 | 206.94 | 6.4 |\n2 | 宁波 | 157.63 | 9.6 |\n"
          "全省 | 851.36 | 7.7 |\n")


def test_a_table_whose_rows_open_with_their_number_under_a_portals_metadata() -> None:
    doc = parse_document(SERIAL)
    assert doc.articles[0].title == "2025年一季度浙江省科技活动相关数据"  # not the metadata row
    got = [(m.quote, m.value, m.value_kind, m.region_name, m.period) for m in doc.mentions]
    assert got == [
        ("206.94", 20694000000.0, "level", "杭州市", "2025Q1"), ("6.4", 6.4, "growth_rate", "杭州市", "2025Q1"),
        ("157.63", 15763000000.0, "level", "宁波市", "2025Q1"), ("9.6", 9.6, "growth_rate", "宁波市", "2025Q1"),
        ("851.36", 85136000000.0, "level", "浙江省", "2025Q1"), ("7.7", 7.7, "growth_rate", "浙江省", "2025Q1"),
    ]


RANKING = """2019年中国区域创新能力排名
发布时间：2019-11-04

《中国区域创新能力评价报告2019》显示，广东2019年度区域创新能力再列全国第一。

排序 城市 创新能力效用值
1 广东 59.49
2 北京 53.22
3 江苏 49.58
备注：效用值越高排名越前。
"""


def test_a_ranking_table_gives_each_place_its_rank() -> None:
    rows = [(m.quote, m.value, m.value_kind, m.region_name, m.period, m.indicator_code)
            for m in parse_document(RANKING).mentions if m.period_source == "table"]
    assert rows == [("1 广东 59.49", 1, "rank", "广东省", "2019", "regional_innovation_rank"),
                    ("2 北京 53.22", 2, "rank", "北京市", "2019", "regional_innovation_rank"),
                    ("3 江苏 49.58", 3, "rank", "江苏省", "2019", "regional_innovation_rank")]


def test_a_ranking_table_pasted_with_its_borders_gives_each_place_its_rank() -> None:
    # (as pages copied from a portal give it: `| 排名 | 省份 | … |` over `| 1 | 广东 | 4411.9 | 3.42 |`)
    bordered = RANKING.replace("排序 城市 创新能力效用值", "| 排序 | 城市 | 创新能力效用值 |")
    for row in ("1 广东 59.49", "2 北京 53.22", "3 江苏 49.58"):
        bordered = bordered.replace(row, "| " + row.replace(" ", " | ") + " |")
    rows = [(m.value, m.value_kind, m.region_name, m.indicator_code)
            for m in parse_document(bordered).mentions if m.period_source == "table"]
    assert rows == [(1, "rank", "广东省", "regional_innovation_rank"),
                    (2, "rank", "北京市", "regional_innovation_rank"),
                    (3, "rank", "江苏省", "regional_innovation_rank")]


PAIRED_RANKING = """发布时间：2024
2023年，县域科技创新水平持续提升，东部地区优势明显。
在2024全国县域创新百强县市名单中，江苏、浙江上榜数量居前。
排名 | 名单 | 排名 | 名单 |
1 | 江苏江阴市 | 4 | 浙江义乌市 |
2 | 湖南长沙县 | 5 | 福建晋江市 |
3 | 山东胶州市 | 6 | 广东 |
数据来源：课题组
"""


def test_a_ranking_laid_out_in_pairs_of_columns_gives_each_county_or_place_its_rank() -> None:
    # (a long list printed two pairs to a row: each rank is the county's, or the place's, the name cell writes
    # under its province; the year is the list's edition named right above it, not the data year of the lead)
    rows = [(m.quote, m.value, m.value_kind, m.region_code, m.region_name, m.period)
            for m in parse_document(PAIRED_RANKING).mentions if m.period_source == "table"]
    assert rows == [("1 | 江苏江阴市", 1, "rank", None, "江阴市", "2024"),
                    ("4 | 浙江义乌市", 4, "rank", None, "义乌市", "2024"),
                    ("2 | 湖南长沙县", 2, "rank", None, "长沙县", "2024"),
                    ("5 | 福建晋江市", 5, "rank", None, "晋江市", "2024"),
                    ("3 | 山东胶州市", 3, "rank", None, "胶州市", "2024"),
                    ("6 | 广东", 6, "rank", "440000", "广东省", "2024")]


MEASURES_BY_YEAR_ONE_CELL_PER_LINE = """长沙市科技统计简表(2020-2022年)
发布时间:2023-08-01
序号
类别
指标
2020
2021
2022
2022年同比增长率
10城市排序
1
创新主体指标
高新技术企业数(家)
3000
4000
5000
25.00%
3
科技型中小企业数(家)
6000
[7000]
8000
14.29%
2
3
技术合同成交额(亿元)
300.5
400.25
500
24.92%
4
"""


def test_a_table_of_measures_by_year_one_cell_per_line_gives_each_year_its_level_and_the_last_its_growth() -> None:
    # (a city's yearbook table pasted cell by cell: a row opens with its number, then its group's name where a group
    # starts; a merged cell can drop the number, as on the second row; an estimate is bracketed)
    rows = [(m.quote, m.value, m.unit, m.value_kind, m.period, m.indicator_code)
            for m in parse_document(MEASURES_BY_YEAR_ONE_CELL_PER_LINE).mentions if m.period_source == "table"]
    assert rows[:5] == [("3000", 3000, "count", "level", "2020", "high_tech_enterprises"),
                        ("4000", 4000, "count", "level", "2021", "high_tech_enterprises"),
                        ("5000", 5000, "count", "level", "2022", "high_tech_enterprises"),
                        ("25.00%", 25, "percent", "growth_rate", "2022", "high_tech_enterprises"),
                        ("3", 3, "rank", "rank", "2022", None)]
    assert ("[7000]", 7000, "count", "level", "2021", "tech_smes") in rows
    assert ("500", 5e10, "yuan", "level", "2022", "tech_contract_turnover") in rows
    assert len(rows) == 15


def test_numbered_lines_under_no_ranking_header_are_no_ranks() -> None:
    text = RANKING.replace("排序 城市", "城市")
    assert not [m for m in parse_document(text).mentions if m.period_source == "table"]


GROUPED = """发布时间:2024-09-23 09:55 信息来源:江西省市场监督管理局
2024年7月江西省有效发明专利统计表 | ||||||
地 区 | 有效发明 专利量 |
职 务 | 非职务 | 专利密度 (件/万人) |
排名 | ||||
大专院校 | 工矿企业 | 职务总计 | 个人 | |||||
南昌市 | 21989 | 6783 | 13995 | 20778 | 1211 | 32.23 | 1 |
赣州市 | 5694 | 603 | 4866 | 5469 | 225 | 6.68 | 2 |
其 他 | 9 | 0 | 8 | 8 | 1 | - | |
全 省 | 39829 | 8703 | 28156 | 36859 | 2970 | 8.85 | |
"""


def test_a_header_whose_groups_parts_are_on_its_last_line() -> None:
    """`职务` and `非职务` group the parts under them (大专院校, 工矿企业, 职务总计 | 个人); the first row
    says how many columns there are; a dash is no value and a total row may leave its rank blank. The title
    names the month the table is for."""
    doc = parse_document(GROUPED)
    got = {(m.region_name, m.indicator_code or m.indicator_name, m.value, m.value_kind, m.period)
           for m in doc.mentions if m.region_name in ("南昌市", "江西省") and m.subject is None}
    assert got == {
        ("南昌市", "invention_patents_held", 21989, "level", "2024M07"),
        ("南昌市", "大专院校", 6783, "level", "2024M07"),
        ("南昌市", "工矿企业", 13995, "level", "2024M07"), ("南昌市", "职务总计", 20778, "level", "2024M07"),
        ("南昌市", "个人", 1211, "level", "2024M07"), ("南昌市", "专利密度", 32.23, "level", "2024M07"),
        ("南昌市", "排名", 1, "rank", "2024M07"),
        ("江西省", "invention_patents_held", 39829, "level", "2024M07"),
        ("江西省", "大专院校", 8703, "level", "2024M07"),
        ("江西省", "工矿企业", 28156, "level", "2024M07"), ("江西省", "职务总计", 36859, "level", "2024M07"),
        ("江西省", "个人", 2970, "level", "2024M07"), ("江西省", "专利密度", 8.85, "level", "2024M07"),
    }
    assert [m.value for m in doc.mentions if m.subject == "其他"] == [9, 0, 8, 8, 1]


def test_a_one_line_table_with_a_groups_name_over_its_columns_and_sections_between_its_rows() -> None:
    text = ("发布时间：2018-11-20\n规模以上工业企业R&D项目情况(2017年) | 指标 | R&D项目 | 项目数 (项) | "
            "项目人员 折合全时 当 量 (人年) | 项目经费 内部支出 (万元) | 工业企业总计 | 9204 | 40032 | 912007 | "
            "按企业规模分 | | | | 大型 | 664 | 8797 | 221079 | 其他内资企业 | | | | "
            "外商投资企业 | 276 | 1918 | 49257 |")
    doc = parse_document(text, source_name="wenzhou-table-2017.txt")
    got = [(m.quote, m.value, m.counter, m.subject, m.period) for m in doc.mentions]
    assert got == [
        ("9204", 9204, "项", None, "2017"), ("40032", 40032, "人年", None, "2017"),
        ("912007", 9120070000, None, None, "2017"),
        ("664", 664, "项", "大型", "2017"), ("8797", 8797, "人年", "大型", "2017"),
        ("221079", 2210790000, None, "大型", "2017"),
        ("276", 276, "项", "外商投资企业", "2017"), ("1918", 1918, "人年", "外商投资企业", "2017"),
        ("49257", 492570000, None, "外商投资企业", "2017"),
    ]


def test_a_table_one_cell_per_line_whose_header_groups_columns_by_applicant() -> None:
    cells = ["2023年8月湖南省专利授权量统计表", "地 区", "当年授权量", "当月授权量", "发明", "职 务", "非职务",
             "大专院校", "职务总计", "个人", "长沙市", "25858", "3307", "1274", "610", "3163", "144",
             "株洲市", "4241", "570", "134", "40", "521", "49"]
    doc = parse_document("发布时间：2023-09-21\n" + "\n".join(cells) + "\n")
    got = [(m.quote, m.region_name, m.period, m.unit) for m in doc.mentions]
    assert got[:6] == [("25858", "长沙市", "2023M01-M08", "count"), ("3307", "长沙市", "2023M08", "count"),
                       ("1274", "长沙市", "2023M08", "count"), ("610", "长沙市", "2023M08", "count"),
                       ("3163", "长沙市", "2023M08", "count"), ("144", "长沙市", "2023M08", "count")]
    assert len(got) == 12 and got[6][:2] == ("4241", "株洲市")


def test_a_table_of_measures_one_row_per_line_under_periods_and_changes() -> None:
    text = ("发布日期:2025-01-07\n规模以上企业科技投入及产出 | 1-11月 | 同比±% |\n"
            "规模以上工业企业研发费用(亿元) | 611.4 | 8.9 |\n规模以上工业企业新产品产值率(%) | 32.8 | 0.1 |\n"
            "规模以上企业研发情况 | 1-11月增速(%) | |\n研究开发费用 | 21.7 | |\n"
            "专利情况 | 1-2季度 | 同比±% |\n授权专利数(件) | 34439 | 9.2 |\n")
    doc = parse_document(text, source_name="ningbo-table-2024.txt")
    got = [(m.quote, m.value, m.unit, m.value_kind, m.period) for m in doc.mentions]
    assert got == [
        ("611.4", 61140000000.0, "yuan", "level", "2024M01-M11"), ("8.9", 8.9, "percent", "growth_rate", "2024M01-M11"),
        ("32.8", 32.8, "percent", "share", "2024M01-M11"), ("0.1", 0.1, "percentage_point", "change", "2024M01-M11"),
        ("21.7", 21.7, "percent", "growth_rate", "2024M01-M11"),
        ("34439", 34439.0, "count", "level", "2024H1"), ("9.2", 9.2, "percent", "growth_rate", "2024H1"),
    ]


def test_a_ranking_table_gives_each_place_its_overall_rank_and_its_rank_in_each_ranked_column() -> None:
    text = ("2019中国城市竞争力排行榜\n排行 | 城市 | 专利分值 | 专利排行 | 创新企业分值 | 创新企业排行 |\n"
            "1 | 北京 | 0.8617 | 2 | 1 | 1 |\n2 | 深圳 | 1 | 1 | 0.4395 | 2 |\n")
    doc = parse_document(text, published_on=date(2019, 12, 20))
    got = [(m.value, m.value_kind, m.region_name, m.indicator_name) for m in doc.mentions]
    assert got == [
        (1, "rank", "北京市", "排名"), (2, "rank", "北京市", "专利排名"), (1, "rank", "北京市", "创新企业排名"),
        (2, "rank", "深圳市", "排名"), (1, "rank", "深圳市", "专利排名"), (2, "rank", "深圳市", "创新企业排名"),
    ]


def test_a_column_headed_by_a_year_on_year_change_holds_growth_rates() -> None:
    text = ("2024年上半年各市新材料产业产值\n序号 | 各市 | 2024年上半年 | |\n产值(亿元) | 同比变化(%) | ||\n"
            "1 | 湖州市 | 300.5 | 6.1 |\n2 | 衢州市 | 120.7 | 3.2 |\n")
    doc = parse_document(text, published_on=date(2024, 8, 1))
    got = [(m.value, m.value_kind, m.region_name) for m in doc.mentions]
    assert got == [(30050000000.0, "level", "湖州市"), (6.1, "growth_rate", "湖州市"),
                   (12070000000.0, "level", "衢州市"), (3.2, "growth_rate", "衢州市")]


def test_a_total_column_without_a_unit_sums_the_columns_before_it() -> None:
    text = ("2022年3月各盟市专利授权统计表\n\n各盟市\n\n发明(件数)\n\n实用新型(件数)\n\n总计\n\n"
            "包头市\n\n20\n\n250\n\n270\n\n通辽市\n\n0\n\n41\n\n41\n\n")
    doc = parse_document(text, published_on=date(2022, 4, 10))
    got = [(m.value, m.unit, m.region_name, m.period) for m in doc.mentions]
    assert got == [(20, "count", "包头市", "2022M03"), (250, "count", "包头市", "2022M03"),
                   (270, "count", "包头市", "2022M03"), (0, "count", "通辽市", "2022M03"),
                   (41, "count", "通辽市", "2022M03"), (41, "count", "通辽市", "2022M03")]
    # (guard) `合计` right before a number is the first row's label, not a column
    first_row = ("表1\n行业\n|\nR&D经费(万元)\n|\n投入强度(%)\n|\n合计\n|\n2572607.4\n|\n0.62\n|\n"
                 "采矿业\n|\n109915.5\n|\n0.42\n")
    rows = parse_document(first_row, published_on=date(2017, 9, 1)).mentions
    assert [m.value for m in rows] == [25726074000.0, 0.62, 1099155000.0, 0.42]


def test_the_total_row_of_a_table_of_industries_is_that_part_of_the_region() -> None:
    text = ("2016年全省研究与试验发展(R&D)经费561.4亿元。\n表1\n2016年全省分行业规模以上工业企业R&D经费情况\n"
            "行业\n|\nR&D经费(万元)\n|\n投入强度(%)\n|\n合计\n|\n2572607.4\n|\n0.62\n|\n采矿业\n|\n109915.5\n|\n0.42\n")
    doc = parse_document(text, published_on=date(2017, 9, 1))
    total = [m for m in doc.mentions if m.value == 25726074000.0][0]
    assert (total.subject, total.indicator_code) == ("各行业合计", None)
    assert [m.indicator_code for m in doc.mentions if m.value == 56140000000.0] == ["rd_expenditure"]


def test_a_table_of_measures_under_two_years_and_their_growth_gives_each_year_its_level_once() -> None:
    text = ("2017年湖南省技术合同成交额首破200亿元大关\n表1 2016年和2017年技术合同交易情况总表\n"
            "2016年 | 2017年 | 增长率 | |\n交易量(项) | 3976 | 5723 | 43.94% |\n"
            "成交额(亿元) | 105.62 | 203.11 | 92.30% |\n")
    rows = [(m.quote, m.value, m.unit, m.value_kind, m.period) for m in parse_document(text).mentions
            if m.period_source == "table"]
    assert rows == [("3976", 3976, "count", "level", "2016"), ("5723", 5723, "count", "level", "2017"),
                    ("43.94%", 43.94, "percent", "growth_rate", "2017"),
                    ("105.62", 1.0562e10, "yuan", "level", "2016"), ("203.11", 2.0311e10, "yuan", "level", "2017"),
                    ("92.30%", 92.3, "percent", "growth_rate", "2017")]
    # the cell's, not a share too
    assert len([m for m in parse_document(text).mentions if m.quote == "43.94%"]) == 1


def test_a_row_of_a_table_read_as_a_heading_sets_no_section_year() -> None:
    # (`1950` is the count in the row's second column, not a year the figures after it are for)
    text = ("发布时间：2025\n2024年度江西省科技成果统计分析报告\n2024年,全省共登记科技成果2253项。\n"
            "总计|1950|302|1|2253|100%|\n省直部门|526|233|0|759|33.69%|\n全省登记成果中企业占比为45.2%。\n")
    periods = {m.quote: m.period for m in parse_document(text).mentions}
    assert periods["45.2%"] == "2024" and "1950" not in periods.values()


def test_a_yearbooks_table_of_places_by_year_gives_each_place_its_value_for_each_year() -> None:
    # (measure and unit above the header; an English column; totals of no place left alone)
    text = ("发布时间：2024\n2023知识产权统计年报\n6-4 PCT国际专利申请受理量 | | |\n"
            "Received PCT International Applications | |\n单位:件 | (Unit: piece) | |\n"
            "地区Regions | 2018年 | 2022年 | 2023年 | |\n合计Total | 55242 | 74452 | 73812 | |\n"
            "北京 | Beijing | 6527 | 11463 | 11438 | |\n内蒙古 | Inner Mongolia | 23 | 88 | 140 | |\n")
    rows = [(m.region_name, m.period, m.value, m.unit, m.indicator_code) for m in parse_document(text).mentions
            if m.period_source == "table"]
    assert rows == [("北京市", "2018", 6527, "count", "pct_applications"),
                    ("北京市", "2022", 11463, "count", "pct_applications"),
                    ("北京市", "2023", 11438, "count", "pct_applications"),
                    ("内蒙古自治区", "2018", 23, "count", "pct_applications"),
                    ("内蒙古自治区", "2022", 88, "count", "pct_applications"),
                    ("内蒙古自治区", "2023", 140, "count", "pct_applications")]
    # without a unit line the numbers mean nothing: no figure
    assert not [m for m in parse_document(text.replace("单位:件", "说明")).mentions if m.period_source == "table"]
