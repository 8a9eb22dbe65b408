"""Extraction rules on constructed sentences (none from the seed articles): other provinces,
cities and years, every number form, qualifier, kind, period and region rule, not-figures, and the
page structure (several articles, captions, repeated passages, paragraphs cut by the layout).
"""

from __future__ import annotations

import time
from datetime import date

import cn2an
import pytest

from orchestration.parsing import FigureMention, parse_document
from orchestration.parsing.numbers import parse_number


def mentions(text: str, published_on: date | None = None, source_name: str = "") -> list[FigureMention]:
    return parse_document(text, source_name=source_name, published_on=published_on).mentions


def only(text: str, quote_part: str, published_on: date | None = None) -> FigureMention:
    """The single mention whose quote contains `quote_part`."""
    found = [m for m in mentions(text, published_on) if quote_part in m.quote]
    assert len(found) == 1, [m.quote for m in mentions(text, published_on)]
    return found[0]


def values(text: str, published_on: date | None = None) -> list[tuple[float, str, str, str]]:
    return [(m.value, m.unit, m.qualifier, m.value_kind) for m in mentions(text, published_on)]


# --- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "value"), [
    ("5300亿", 5.3e11), ("1.25万", 12500), ("两万", 20000), ("十二", 12), ("三千", 3000),
    ("万", 10000), ("五", 5), ("三千五百万", 3.5e7), ("一亿五千万", 1.5e8), ("三万亿", 3e12),
    ("二〇二五", 2025), ("1,234.5", 1234.5), ("千万", 1e7), ("二十三", 23),
])
def test_number_words(word: str, value: float) -> None:
    assert parse_number(word) == pytest.approx(value)


def test_own_converter_agrees_with_cn2an_and_reads_what_it_rejects() -> None:
    """Measure cn2an against the converter used on the hot path (speed printed with -s)."""
    words = ["两万", "1.25万", "5万", "十二", "三千", "四万", "一千二百", "三千五百万", "1.8万",
             "5300亿", "12万亿", "二〇二五", "二十三", "一亿五千万"] * 200
    started = time.perf_counter()
    theirs = [cn2an.cn2an(w, "smart") for w in words]
    cn2an_s = time.perf_counter() - started
    started = time.perf_counter()
    ours = [parse_number(w) for w in words]
    ours_s = time.perf_counter() - started
    assert ours == pytest.approx(theirs)
    print(f"\ncn2an {len(words) / cn2an_s:,.0f} words/s, parse_number {len(words) / ours_s:,.0f} words/s")
    for bare in ("万", "千万", "百"):  # 超万户, 千万元级, 百余项
        with pytest.raises(ValueError):
            cn2an.cn2an(bare, "smart")
        assert parse_number(bare) is not None


def test_arabic_chinese_and_mixed_numbers() -> None:
    text = "2025年，深圳市高新技术企业达2.5万家，新增两万人就业岗位，孵化器三十二家，科技贷款１２３．４５亿元。"
    assert [(m.value, m.unit, m.counter) for m in mentions(text)] == [
        (25000, "count", "家"), (20000, "count", "人"), (32, "count", "家"), (pytest.approx(1.2345e10), "yuan", None),
    ]


def test_full_width_digits_stray_spaces_zero_width_and_crlf() -> None:
    text = "2025年，合肥市研发投入 强度达 ３．８ ％，\r\n新增国家高新技术企业\u200b1200家，技术合同成交额４ 万亿元。"
    got = mentions(text)
    assert [(m.value, m.unit) for m in got] == [(3.8, "percent"), (1200, "count"), (4e12, "yuan")]
    assert got[0].indicator_code == "rd_intensity"
    for m in got:
        assert text[m.char_start:m.char_end] == m.quote


def test_traditional_script() -> None:
    text = "2024年，廣東省研發經費投入達4800億元，研發投入強度為3.54%，比上年提高0.12個百分點。"
    got = mentions(text)
    assert [(m.value, m.unit, m.value_kind, m.indicator_code) for m in got] == [
        (4.8e11, "yuan", "level", "rd_expenditure"),
        (3.54, "percent", "share", "rd_intensity"),
        (0.12, "percentage_point", "change", "rd_intensity"),
    ]
    assert {m.region_name for m in got} == {"广东省"} and {m.period for m in got} == {"2024"}
    assert got[0].quote == "4800億元"


# --- qualifiers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "qualifier"), [
    ("成都市高新技术企业突破1.3万家。", 13000, "lower_bound"),
    ("成都市高新技术企业超过1.3万家。", 13000, "lower_bound"),
    ("成都市引进人才逾3000人。", 3000, "lower_bound"),
    ("成都市建成孵化器130余家。", 130, "lower_bound"),
    ("成都市建成孵化器200多家。", 200, "lower_bound"),
    ("成都市新增科技企业5万余家。", 50000, "lower_bound"),
    ("成都市众创空间80家以上。", 80, "lower_bound"),
    ("成都市科技人员近12万人。", 120000, "approx"),
    ("成都市科技人员约12万人。", 120000, "approx"),
    ("成都市众创空间80家左右。", 80, "approx"),
    ("成都市孵化器不足50家。", 50, "upper_bound"),
    ("成都市孵化器不到50家。", 50, "upper_bound"),
    ("成都市孵化器50家以下。", 50, "upper_bound"),
    ("成都市技术合同成交额达1800亿元。", 1.8e11, "exact"),
    ("成都市大学生创业主体超万户。", 10000, "lower_bound"),
])
def test_qualifiers(sentence: str, value: float, qualifier: str) -> None:
    (m,) = mentions(sentence)
    assert (m.value, m.qualifier) == (pytest.approx(value), qualifier)


def test_breakthrough_as_verb_is_exact_as_bound_is_lower() -> None:
    text = "2025年，合肥市突破关键核心技术35项，科技型中小企业突破1.2万家，首次突破万家。"
    assert [(m.value, m.qualifier) for m in mentions(text)] == [
        (35, "exact"), (12000, "lower_bound"), (10000, "lower_bound"),
    ]


# --- kinds -------------------------------------------------------------------------------------

def test_growth_share_level_and_declines() -> None:
    text = ("2025年，浙江省研发经费投入2950亿元，同比增长9.2%，研发投入强度3.2%；"
            "规模以上工业增加值同比下降2.1%，企业数量比上年减少120家，"
            "财政科技支出比上年增加146.34亿元，城镇调查失业率回落0.3个百分点。")
    assert values(text) == [
        (2.95e11, "yuan", "exact", "level"),
        (9.2, "percent", "exact", "growth_rate"),
        (3.2, "percent", "exact", "share"),
        (-2.1, "percent", "exact", "growth_rate"),
        (-120, "count", "exact", "change"),
        (pytest.approx(1.4634e10), "yuan", "exact", "change"),
        (-0.3, "percentage_point", "exact", "change"),
    ]
    got = mentions(text)
    assert got[1].indicator_code == "rd_expenditure"  # a bare growth rate belongs to the figure before
    assert got[5].indicator_code == "fiscal_st_expenditure"


def test_percentages_in_words() -> None:
    text = "2025年，厦门市七成以上规上工业企业开展研发活动，百分之三十的企业设立研发机构，研发投入增长百分之三点五。"
    assert values(text) == [
        (70, "percent", "lower_bound", "share"), (30, "percent", "exact", "share"),
        (3.5, "percent", "exact", "growth_rate"),
    ]


def test_written_minus_sign() -> None:
    (m,) = mentions("2025年，深圳市高技术产品出口增长-2.1%。")
    assert (m.value, m.value_kind, m.quote) == (-2.1, "growth_rate", "增长-2.1%")


def test_share_words() -> None:
    text = "2025年，江苏省高校科技成果本地转化率达55%，企业牵头项目占比近85%，常住人口城镇化率75.1%。"
    assert [(m.value, m.value_kind, m.indicator_code) for m in mentions(text)] == [
        (55, "share", "university_local_transfer_rate"),
        (85, "share", "firm_led_project_share"),
        (75.1, "share", "urbanization_rate"),
    ]


def test_ranks_and_rank_changes() -> None:
    text = ("2025年，武汉市跃居全球科技集群百强第13位、较上年提升3位，列全球科研城市第十，"
            "区域创新能力排名下降2位，企业数量居全国第三。")
    assert values(text)[:4] == [
        (13, "rank", "exact", "rank"), (3, "rank", "exact", "rank_change"),
        (10, "rank", "exact", "rank"), (-2, "rank", "exact", "rank_change"),
    ]
    got = mentions(text)
    assert [m.indicator_code for m in got[:4]] == [
        "global_sti_cluster_rank", "global_sti_cluster_rank", "global_research_city_rank", "regional_innovation_rank",
    ]
    assert got[-1].value == 3 and got[-1].value_kind == "rank"


def test_rank_mentions_of_one_figure_get_one_identity() -> None:
    """`居全国第3` and `跃居全国第三` after the same count are the same figure."""
    first = only("2025年，广东省高新技术企业突破7.5万家、居全国第3。", "第3")
    second = only("2025年，广东省高新技术企业数量达7.5万家、跃居全国第三。", "第三")
    key = ("region_code", "subject", "indicator_code", "indicator_name", "period", "value_kind", "unit", "value")
    assert [getattr(first, k) for k in key] == [getattr(second, k) for k in key]
    assert first.indicator_code == "high_tech_enterprises"


def test_growth_words() -> None:
    text = ("2025年，全市GDP增长率为6.2%，软件业务收入年均增长18%，研发投入增幅达12%，"
            "万元GDP能耗下降3%，失业率降至4.9%。")
    got = mentions(text)
    assert [(m.value, m.value_kind, m.indicator_code) for m in got] == [
        (6.2, "growth_rate", "gdp"), (18, "growth_rate", "software_revenue"), (12, "growth_rate", "rd_expenditure"),
        (-3, "growth_rate", "energy_intensity"), (4.9, "share", "unemployment_rate"),
    ]


def test_share_of_a_total_names_the_part_not_the_total() -> None:
    text = "2025年，高技术制造业增加值增长9.1%，占规模以上工业增加值比重达31.2%；数字经济核心产业增加值占GDP比重达10%。"
    got = mentions(text)
    assert [(m.value, m.value_kind, m.indicator_code) for m in got] == [
        (9.1, "growth_rate", "high_tech_manufacturing_va"), (31.2, "share", "high_tech_manufacturing_share"),
        (10, "share", "digital_core_industry_share"),
    ]


def test_national_figures_in_a_provincial_article() -> None:
    doc = ("广东科技观察\n本报记者 张三\n\n"
           "2025年，广东技术合同成交额5000亿元，全国技术合同成交额6.8万亿元，我国研发投入强度为2.68%。\n")
    got = mentions(doc)
    assert [m.region_name for m in got] == ["广东省", "全国", "全国"]


def test_rank_field_is_not_the_region() -> None:
    text = "2025年，合肥市研发投入强度达3.5%，位居全省第一、居中部第二。"
    got = mentions(text)
    assert [(m.value, m.value_kind, m.region_name) for m in got] == [
        (3.5, "share", "合肥市"), (1, "rank", "合肥市"), (2, "rank", "合肥市"),
    ]


def test_respectively_distributes_values_over_items() -> None:
    text = "2025年，成都市集成电路、生物医药产业分别增长15%、8.5%，软件业务收入增长12%。"
    got = mentions(text)
    assert [(m.value, m.value_kind, m.subject) for m in got[:2]] == [
        (15, "growth_rate", "集成电路产业"), (8.5, "growth_rate", "生物医药产业"),
    ]
    assert got[2].indicator_code == "software_revenue" and got[2].subject is None


def test_respectively_over_places_sets_their_regions() -> None:
    text = "2025年，深圳、广州技术合同成交额分别达到2200亿元和1700亿元，同比分别增长12%和9.5%。"
    got = mentions(text)
    assert [(m.value, m.region_name, m.indicator_code, m.value_kind) for m in got] == [
        (2.2e11, "深圳市", "tech_contract_turnover", "level"), (1.7e11, "广州市", "tech_contract_turnover", "level"),
        (12, "深圳市", "tech_contract_turnover", "growth_rate"),
        (9.5, "广州市", "tech_contract_turnover", "growth_rate"),
    ]


def test_ranges_give_both_bounds() -> None:
    text = "2025年，全省孵化器新增10至20家，研发投入增速3%-5%。"
    assert values(text) == [
        (10, "count", "lower_bound", "level"), (20, "count", "upper_bound", "level"),
        (3, "percent", "lower_bound", "growth_rate"), (5, "percent", "upper_bound", "growth_rate"),
    ]


# --- targets and periods -----------------------------------------------------------------------

def test_targets_take_the_target_year() -> None:
    text = "到2030年，四川省研发投入强度力争达到3%，高新技术企业数量达到2万家以上。"
    got = mentions(text, published_on=date(2025, 6, 1))
    assert [(m.value, m.value_kind, m.period, m.qualifier) for m in got] == [
        (3, "target", "2030", "exact"), (20000, "target", "2030", "lower_bound"),
    ]
    assert {m.region_name for m in got} == {"四川省"}


def test_first_year_of_a_plan_is_the_target_year() -> None:
    text = "站在“十五五”开局之年，合肥市的目标是：新增高新技术企业1000家左右。"
    (m,) = mentions(text, published_on=date(2026, 2, 1))
    assert (m.value, m.value_kind, m.period, m.qualifier) == (1000, "target", "2026", "approx")


def test_reached_targets_are_levels() -> None:
    (m,) = mentions("“十四五”规划目标任务全面完成，全省研发投入强度达到2.6%。", published_on=date(2026, 1, 10))
    assert (m.value, m.value_kind) == (2.6, "share")


def test_stock_date_is_not_a_target() -> None:
    (m,) = mentions("截至2025年底，武汉市国家级创新平台达到160家。", published_on=date(2026, 1, 5))
    assert (m.value_kind, m.period) == ("level", "2025")


def test_relative_years_against_the_publication_date() -> None:
    text = "去年，济南市技术合同成交额突破500亿元。今年一季度，高新技术产业增加值增长7.8%。"
    got = mentions(text, published_on=date(2025, 4, 20))
    assert [(m.period, m.period_source) for m in got] == [("2024", "explicit"), ("2025Q1", "explicit")]


def test_comparison_year_is_not_the_period() -> None:
    (m,) = mentions("2025年，西安市全球科技集群排名较2024年提升3位。")
    assert (m.value, m.value_kind, m.period) == (3, "rank_change", "2025")


def test_plan_periods() -> None:
    text = "“十四五”以来，全省累计培育专精特新“小巨人”企业500家。"
    (m,) = mentions(text)
    assert (m.period, m.indicator_code) == ("2021-2025", "little_giants")


def test_five_years_in_a_plan_review() -> None:
    doc = "长江医院“十四五”发展纪实\n刘一 陈二\n\n5年来，医院发表SCI论文600余篇，完成手术3万台。\n"
    got = mentions(doc)
    assert [(m.value, m.period) for m in got] == [(600, "2021-2025"), (30000, "2021-2025")]


def test_publication_date_inferred_from_the_text_and_the_file_name() -> None:
    doc = parse_document("2025年12月3日，苏州市召开大会。2024年5月1日的数据。", source_name="suzhou.txt")
    assert (doc.articles[0].published_on, doc.articles[0].published_on_source) == (date(2025, 12, 3), "text")
    doc = parse_document("今年3月8日，苏州市召开大会。", source_name="suzhou-2027.txt")
    assert (doc.articles[0].published_on, doc.articles[0].published_on_source) == (date(2027, 3, 8), "file_name")
    doc = parse_document("苏州市召开大会。", source_name="x.txt", published_on=date(2025, 1, 2))
    assert doc.articles[0].published_on_source == "metadata"


def test_article_default_period_is_its_main_year() -> None:
    doc = "2024年，宁波市研发投入增长9%。\n\n宁波市高新技术企业超6000家。\n"
    got = mentions(doc)
    assert [(m.period, m.period_source) for m in got] == [("2024", "explicit"), ("2024", "article")]


# --- regions and subjects ----------------------------------------------------------------------

def test_region_words_resolve_against_the_article() -> None:
    doc = ("深圳科技创新综述\n本报记者 张三\n\n2025年，深圳市研发投入强度达6.5%。全市国家高新技术企业超2.5万家，"
           "全省技术合同成交额超5000亿元。在粤两院院士达120人。广州市新增孵化器30家。\n")
    got = mentions(doc)
    assert [m.region_name for m in got] == ["深圳市", "深圳市", "广东省", "广东省", "广州市"]
    assert got[0].region_code == "440300"


def test_place_inside_an_organisation_name_is_not_a_region() -> None:
    doc = ("武汉科技创新\n本报记者 张三\n\n武汉市科技创新持续发力。"
           "武汉市科技型企业达2万家，北京大学武汉研究院引进人才300人，与北京交通大学共建实验室5个。\n")
    got = mentions(doc)
    assert {m.region_name for m in got} == {"武汉市"}


def test_subjects_for_organisations_and_programmes() -> None:
    text = ("2025年，之江实验室汇聚科研人员超3000人；“揭榜挂帅”项目研发投入达8.2亿元，突破关键核心技术40项；"
            "杭州市高新技术企业达1.6万家。")
    got = mentions(text)
    assert [(m.value, m.subject) for m in got] == [
        (3000, "之江实验室"), (8.2e8, "揭榜挂帅项目"), (40, "揭榜挂帅项目"), (16000, None),
    ]


def test_a_zone_named_with_its_city_is_a_subject() -> None:
    (m,) = mentions("2025年，成都高新区实现地区生产总值3300亿元。")
    assert (m.subject, m.indicator_code, m.region_name) == ("成都高新区", "gdp", "成都市")


def test_share_of_the_province_is_the_city_figure() -> None:
    text = "前三季度，成都市全社会研发投入达680亿元，占全省比重超过50%，居西部城市第一。"
    got = mentions(text, published_on=date(2025, 10, 20))
    assert [(m.value, m.value_kind, m.region_name, m.period) for m in got] == [
        (6.8e10, "level", "成都市", "2025Q1-Q3"), (50, "share", "成都市", "2025Q1-Q3"),
        (1, "rank", "成都市", "2025Q1-Q3"),
    ]


def test_comparison_with_last_year_is_not_the_period() -> None:
    (m,) = mentions("今年新增发明专利120件，是去年的1.5倍。", published_on=date(2025, 8, 1))
    assert (m.value, m.period) == (120, "2025")


def test_count_written_before_its_noun() -> None:
    text = "2025年，江西省布局40家省级院士工作站、120家专家工作站，为3000余家科技型企业发放科技贷款超200亿元。"
    got = mentions(text)
    assert [(m.value, m.indicator_code) for m in got] == [
        (40, "academician_workstations"), (120, "expert_workstations"), (3000, "tech_enterprises"),
        (2e10, "sci_tech_loans"),
    ]


def test_events_of_the_year_are_not_the_stock() -> None:
    text = "2025年，合肥市首批8家概念验证中心启动筹建，6家科技企业孵化器、12家中试平台相继落成；全市众创空间达90家。"
    got = mentions(text)
    assert [(m.value, m.indicator_code, m.indicator_name) for m in got] == [
        (8, None, "首批概念验证中心"), (6, None, "科技企业孵化器"), (12, None, "中试平台"),
        (90, "maker_spaces", "众创空间"),
    ]


def test_new_items_are_not_the_stock() -> None:
    text = "2025年，全市新增各类研发机构500家，总数达3200家。"
    got = mentions(text)
    assert [(m.value, m.indicator_code) for m in got] == [(500, None), (3200, "rd_institutions")]
    assert got[0].indicator_name == "新增研发机构"  # the flow word and the indicator's own name


def test_a_flow_has_one_name_however_it_is_written() -> None:
    body = mentions("2023年，全省新认定高新技术企业超万家，总数达到4.05万家。")
    heading = mentions("■ 主体：高企队伍扩容 新认定超万家", published_on=date(2024, 1, 15))
    assert body[0].indicator_name == heading[0].indicator_name == "新认定高新技术企业数"
    assert body[0].indicator_code is None and body[1].indicator_code == "high_tech_enterprises"


def test_a_short_noun_completes_the_phrase_of_the_figure_before() -> None:
    got = mentions("2021年1-10月，陕西省共登记技术合同42156项，成交额1860.4亿元，同比增长40.2%。")
    assert [(m.value, m.indicator_code) for m in got] == [
        (42156, "tech_contract_count"), (1.8604e11, "tech_contract_turnover"), (40.2, "tech_contract_turnover"),
    ]


# --- not figures -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "2025年3月15日，第十届创新大会在合肥召开。",
    "一座城、一辆车、两院院士、百花齐放、一花独放不是春。",
    "“双一流”建设和“十四五”规划、“十五五”开局、“3+3+N”产业体系、“2×2”布局。",
    "他是第一副主席，出席第35个全国科技工作者日活动。",
    "获得3类医疗器械证，实现“从0到1”的突破，推进千万元级成果转化。",
    "具备2个以上核心特征的企业享受政策，走进8号楼，三级预警机制。",
    "首次突破两位数，形成六位一体格局，创下三连冠。",
    "《广东省促进科技成果转化条例（2024年修订）》第12条规定。",
    "数千家企业参与，几十个团队入驻。",
    "2025年一季度，“千人计划”专家、两个维护、三年行动计划，千亿级产业，电话0731-88888888。",
    "建设5G网络。",
    "这一政策一成不变，十成把握。",
])
def test_not_figures(sentence: str) -> None:
    assert mentions(sentence) == []


# --- page structure ----------------------------------------------------------------------------

PAGE = (
    "深圳创新指标再创新高\n——2025年深圳科技创新综述\n本报记者 张三\n\n"
    "2025年，深圳市全社会研发投入达2236亿元，增长9.1%，研发投入强度达6.46%。\n"
    "↑2025年5月20日，深圳市举办科技活动周。记者 李四 摄\n"
    "全市国家高新技术企业超2.5万家，居全国城市第二。\n"
    "科技金融持续发力。全市科技贷款余额突破1.2万亿元，\n"
    "同比增长15%。\n"
    "全市国家高新技术企业超2.5万家，居全国城市第二。\n\n"
    "成都科创走廊建设提速\n王五 赵六\n\n"
    "截至2025年底，成都市拥有国家级创新平台165个。全市技术合同成交额1800亿元，同比增长11%。\n"
    "截至2025年底，成都市拥有国家级创新平台165个。全市技术合同成交\n"
    "成都科创走廊集聚新型研发机构120家。记者 孙七 摄\n"
)


def test_heading_ending_with_a_quote_is_a_title() -> None:
    doc = parse_document("成都：科技创新跑出“加速度”\n本报记者 王小明 通讯员 李华\n\n成都市研发投入达680亿元。\n")
    got = [(a.title, a.byline) for a in doc.articles]
    assert got == [("成都：科技创新跑出“加速度”", "本报记者 王小明 通讯员 李华")]


def test_articles_titles_bylines_and_regions() -> None:
    doc = parse_document(PAGE.replace("\n", "\r\n"), source_name="page-2026.txt")
    assert [(a.title, a.byline, a.region_name) for a in doc.articles] == [
        ("深圳创新指标再创新高", "本报记者 张三", "深圳市"), ("成都科创走廊建设提速", "王五 赵六", "成都市"),
    ]
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds[:5] == ["title", "title", "byline", "body", "caption"]
    assert kinds[-1] == "caption"


def test_repeated_passages_and_their_figures() -> None:
    doc = parse_document(PAGE, source_name="page-2026.txt")
    repeated = [p for p in doc.paragraphs if p.is_repeated]
    assert [(doc.paragraphs[p.repeat_of].text[:10], p.text[:10]) for p in repeated] == [
        ("全市国家高新技术企业", "全市国家高新技术企业"), ("截至2025年底，成", "截至2025年底，成"),
    ]
    firms = [m for m in doc.mentions if m.value == 25000]
    assert [m.is_repeated_passage for m in firms] == [False, True]
    key = [(m.region_code, m.subject, m.indicator_code, m.period, m.value_kind, m.unit) for m in firms]
    assert key[0] == key[1]


def test_paragraph_cut_by_the_layout_keeps_its_sentence() -> None:
    doc = parse_document(PAGE)
    growth = next(m for m in doc.mentions if m.value == 15)
    assert (growth.value_kind, growth.indicator_code) == ("growth_rate", "sci_tech_loans")
    assert doc.paragraphs[growth.paragraph_index].continues
    sentence = next(s for s in doc.sentences
                    if (s.paragraph_index, s.index) == (growth.sentence_paragraph_index, growth.sentence_index))
    assert sentence.char_start <= growth.char_start < growth.char_end <= sentence.char_end


def test_caption_figures_are_read_and_bylines_are_not() -> None:
    doc = parse_document(PAGE)
    caption = [m for m in doc.mentions if doc.paragraphs[m.paragraph_index].kind == "caption"]
    got = [(m.value, m.indicator_code, m.region_name) for m in caption]
    assert got == [(120, "new_type_rd_institutions", "成都市")]


def test_offsets_always_slice_the_original() -> None:
    text = "\ufeff２０２５年，廣州市研發投入\u3000達１２００億元，\r\n增長１０％。"
    for m in mentions(text):
        assert text[m.char_start:m.char_end] == m.quote
    assert [m.quote for m in mentions(text)] == ["１２００億元", "增長１０％"]


# --- generality: constructed sentences for the weaknesses found on other provinces' articles ----

def test_comparison_phrase_is_not_the_indicator() -> None:
    text = ("2023年，江西省规模以上工业增加值比上年增长5.4%，全社会研发经费投入较上年增加58.2亿元，"
            "社会消费品零售总额比上年同期增长6.1%。")
    got = mentions(text)
    assert [(m.indicator_code, m.value_kind) for m in got] == [
        ("industrial_value_added", "growth_rate"), ("rd_expenditure", "change"), ("retail_sales", "growth_rate"),
    ]
    assert not any(m.indicator_name and ("比上年" in m.indicator_name or "较上年" in m.indicator_name) for m in got)


def test_many_and_more_before_money_and_small_chinese_counts() -> None:
    text = ("2022年，贵州省技术合同成交额达1900多亿元，财政科技支出3000余万元，"
            "突破关键核心技术四项，新增三家全国重点实验室。")
    assert values(text) == [
        (1.9e11, "yuan", "lower_bound", "level"), (3e7, "yuan", "lower_bound", "level"),
        (4, "count", "exact", "level"), (3, "count", "exact", "level"),
    ]


def test_decreases_and_rank_moves_are_signed() -> None:
    text = ("2023年，昆明市技术合同成交额较上年减少4.11亿元；全球科技集群排名比上年前移1位，上升2位，"
            "研发投入强度排名下降3位。")
    assert [(m.value, m.unit, m.value_kind) for m in mentions(text)] == [
        (-4.11e8, "yuan", "change"), (1, "rank", "rank_change"), (2, "rank", "rank_change"),
        (-3, "rank", "rank_change"),
    ]


def test_stray_spaces_keep_qualifier_kind_and_a_tight_quote() -> None:
    got = mentions("2024年，兰州市技术合同成交额超 600 亿元，同比增长 8 %，高新技术企业达 1200 家。")
    assert [(m.quote, m.value, m.qualifier, m.value_kind) for m in got] == [
        ("超 600 亿元", 6e10, "lower_bound", "level"), ("同比增长 8 %", 8, "exact", "growth_rate"),
        ("1200 家", 1200, "exact", "level"),
    ]


def test_articles_split_at_datelines_without_bylines() -> None:
    doc = ("2025年3月2日 星期日\n\n遵义科技创新跑出加速度\n\n本报讯（记者 王明）2024年，全市研发经费投入达120亿元。\n\n"
           "六盘水创新动能持续释放\n\n（2025年3月2日）2024年，全市技术合同成交额达35亿元。\n\n"
           "曲靖：创新沃土育新机\n\n本报讯 2024年，全市高新技术企业达560家。\n")
    parsed = parse_document(doc)
    assert [(a.title, a.region_name) for a in parsed.articles] == [
        ("遵义科技创新跑出加速度", "遵义市"), ("六盘水创新动能持续释放", "六盘水市"),
        ("曲靖：创新沃土育新机", "曲靖市"),
    ]
    assert [m.region_name for m in parsed.mentions] == ["遵义市", "六盘水市", "曲靖市"]


def test_dateline_under_a_byline_does_not_split() -> None:
    doc = "泉州科技创新观察\n记者 李明\n本报讯 2024年，全市高新技术企业达3000家。\n\n本报讯 全市研发投入强度达2.1%。\n"
    assert len(parse_document(doc).articles) == 1


def test_city_rank_within_the_province_keeps_the_city() -> None:
    doc = ("四川省科技创新观察\n\n2024年，全省研发经费投入达1350亿元。绵阳市研发投入强度达7.2%，居全省第1位；"
           "德阳市技术合同成交额居全省第3位，较上年上升2位。\n")
    got = mentions(doc)
    assert [(m.value, m.value_kind, m.region_name) for m in got] == [
        (1.35e11, "level", "四川省"), (7.2, "share", "绵阳市"), (1, "rank", "绵阳市"), (3, "rank", "德阳市"),
        (2, "rank_change", "德阳市"),
    ]


def test_ambiguous_city_names_confirmed_by_a_title() -> None:
    doc = ("2016年12月10日 星期六\n\n创新主体竞相涌现 日照发展动能澎湃\n\n张明 李华\n\n"
           "本报讯 日照加快建设创新平台。2016年，日照高新技术企业达210家。日照科技创新步伐加快。\n\n"
           "向“新”而行 崇左创新动能持续释放\n\n王强 刘伟\n\n"
           "2016年，崇左市技术合同成交额达8亿元，全市高新技术企业达90家。\n")
    assert [a.region_name for a in parse_document(doc).articles] == ["日照市", "崇左市"]


def test_short_name_inside_a_longer_place_name() -> None:
    doc = ("回眸2018：大兴安岭科技创新亮点纷呈\n\n万伟 谢波\n\n2018年，大兴安岭地区地方财政科技支出近2.7亿元，"
           "大兴安岭拥有两家省级以上工程技术研究中心。\n")
    assert {m.region_name for m in mentions(doc)} == {"大兴安岭地区"}


def test_region_wide_words_of_autonomous_regions() -> None:
    got = mentions("拉萨创新发展纪实\n\n2024年，全区研发投入强度达0.5%，全市技术合同成交额达3.5亿元。\n")
    assert [m.region_name for m in got] == ["西藏自治区", "拉萨市"]
    got = mentions("湖北省科技创新观察\n\n2024年，全省研发投入强度达2.3%。恩施州：全州高新技术企业达300家。\n")
    assert [m.region_name for m in got] == ["湖北省", "恩施土家族苗族自治州"]


def test_overlapping_indicator_names_and_no_subject_inside_one() -> None:
    got = mentions("2023年，乌海市工程技术研究中心达12家，全社会研发投入强度为1.29%。")
    assert [(m.indicator_code, m.subject) for m in got] == [
        ("provincial_engineering_centers", None), ("rd_intensity", None),
    ]


def test_a_multiple_of_another_figure_is_no_figure() -> None:
    assert mentions("2024年，郑州市高新技术产品出口额是上年的1.5倍，专利数量下降1倍。") == []


def test_growth_written_as_a_multiple_is_a_growth_rate_in_percent() -> None:
    got = mentions("2023年，西宁市高新技术企业数量增长1.5倍，技术合同成交额增长了2倍以上。")
    assert [(m.quote, m.value, m.unit, m.qualifier, m.value_kind) for m in got] == [
        ("增长1.5倍", 150, "percent", "exact", "growth_rate"),
        ("增长了2倍以上", 200, "percent", "lower_bound", "growth_rate"),
    ]
    assert got[0].indicator_code == "high_tech_enterprises"


def test_fractions_are_shares_in_percent() -> None:
    got = mentions("2024年，郑州市研发投入占全省三分之一，高新技术企业占比超过四分之一，不足十分之一的企业。")
    assert [(m.quote, round(m.value, 2), m.unit, m.qualifier, m.value_kind) for m in got] == [
        ("三分之一", 33.33, "percent", "exact", "share"),
        ("超过四分之一", 25.0, "percent", "lower_bound", "share"),
        ("不足十分之一", 10.0, "percent", "upper_bound", "share"),
    ]


def test_dollars_are_their_own_unit_never_converted() -> None:
    got = mentions("2024年，宁波市实际利用外资12.5亿美元，同比增长8%；高新技术产品出口额近300亿美元。")
    assert [(m.quote, m.value, m.unit, m.qualifier, m.value_kind, m.indicator_code) for m in got] == [
        ("12.5亿美元", 1.25e9, "usd", "exact", "level", "actual_fdi"),
        ("同比增长8%", 8, "percent", "exact", "growth_rate", "actual_fdi"),
        ("近300亿美元", 3e10, "usd", "approx", "level", "high_tech_exports"),
    ]


def test_higher_or_lower_than_a_comparison_is_a_signed_change() -> None:
    got = mentions("2024年，安徽省研发投入强度为2.69%，较全国平均水平低0.5个百分点；合肥市比全省高1.2个百分点。")
    assert [(m.quote, m.value, m.unit, m.value_kind) for m in got] == [
        ("2.69%", 2.69, "percent", "share"),
        ("低0.5个百分点", -0.5, "percentage_point", "change"),
        ("高1.2个百分点", 1.2, "percentage_point", "change"),
    ]
    assert got[2].region_name == "合肥市"


@pytest.mark.parametrize(("sentence", "published", "period"), [
    ("上半年，浙江省规上工业增加值同比增长7.5%。", date(2025, 7, 20), "2025H1"),
    ("2024年下半年，全省技术合同成交额达800亿元。", date(2025, 2, 1), "2024H2"),
    ("一季度，杭州市数字经济核心产业增加值达1325亿元。", date(2025, 4, 20), "2025Q1"),
    ("第二季度，全市专利授权量达1.2万件。", date(2025, 8, 1), "2025Q2"),
    ("前三季度，四川省技术合同成交额1256.3亿元。", date(2025, 10, 30), "2025Q1-Q3"),
    ("1-10月，深圳市高新技术产品出口额达到1200亿美元。", date(2025, 11, 20), "2025M01-M10"),
    ("今年1至5月，全市新登记科技型企业3200家。", date(2025, 6, 10), "2025M01-M05"),
    ("去年前10个月，全省技术交易额增长20%。", date(2025, 3, 1), "2024M01-M10"),
    ("10月份，全市高新技术产业增加值增长9%。", date(2025, 11, 15), "2025M10"),
    ("2023年，全市专利授权量达1.2万件，其中上半年6000件。", date(2024, 1, 5), "2023H1"),
    ("截至2024年6月底，全省有效发明专利拥有量达12.3万件。", date(2024, 7, 20), "2024H1"),
    ("截至10月末，全市高新技术企业达1.2万家。", date(2025, 11, 10), "2025M01-M10"),
    ("截至2月底，全市共认定登记技术合同83项。", date(2025, 3, 10), "2025M01-M02"),
    ("截至8月末，全省本外币贷款余额1.19万亿元。", date(2025, 9, 20), "2025M08"),  # a balance: at that point
    ("截至2024年12月底，全省科技型中小企业达3.1万家。", date(2025, 1, 10), "2024"),
])
def test_parts_of_a_year_are_their_own_period(sentence: str, published: date, period: str) -> None:
    assert [m.period for m in mentions(sentence, published_on=published)][-1] == period


def test_a_date_in_a_month_is_not_a_part_of_the_year() -> None:
    got = mentions("2025年10月15日，全市技术合同成交额达500亿元。", published_on=date(2025, 10, 16))
    assert [m.period for m in got] == ["2025"]


def test_a_bound_restated_exactly_keeps_its_indicator() -> None:
    got = mentions("2024年，哈尔滨市技术合同成交额首次突破500亿元，达512.3亿元。")
    assert [(m.value, m.qualifier, m.indicator_code) for m in got] == [
        (5e10, "lower_bound", "tech_contract_turnover"), (5.123e10, "exact", "tech_contract_turnover"),
    ]


def test_articles_split_where_a_heading_names_another_region() -> None:
    doc = ("遵义科技创新跑出加速度\n\n2024年，遵义市研发经费投入达120亿元。遵义市科技局负责人表示，将继续加大投入。\n\n"
           "人才引领 激活创新\n\n全市高新技术企业达500家。\n\n"
           "六盘水创新动能持续释放\n\n2024年，六盘水市技术合同成交额达35亿元，全市研发投入强度达1.1%。\n")
    parsed = parse_document(doc)
    assert [a.title for a in parsed.articles] == ["遵义科技创新跑出加速度", "六盘水创新动能持续释放"]
    assert [m.region_name for m in parsed.mentions] == ["遵义市", "遵义市", "六盘水市", "六盘水市"]


def test_a_province_review_keeps_its_city_sections() -> None:
    doc = ("贵州省科技创新观察\n\n2024年，贵州省研发经费投入达300亿元，贵州省高新技术企业达3000家。\n\n"
           "遵义：创新沃土育新机\n\n遵义市研发投入强度达1.5%。\n")
    assert len(parse_document(doc).articles) == 1


def test_ratio_to_gdp_is_the_intensity_not_gdp() -> None:
    text = "2023年，全年研究与试验发展（R&D）经费支出156.5亿元，比上年增长10.2%，与地区生产总值之比为2.1%。"
    got = mentions(text)
    assert [(m.value, m.value_kind, m.indicator_code) for m in got] == [
        (1.565e10, "level", "rd_expenditure"), (10.2, "growth_rate", "rd_expenditure"), (2.1, "share", "rd_intensity"),
    ]
    (m,) = mentions("2022年，银川市与地区生产总值之比为1.8%。")
    assert m.indicator_code != "gdp"


def test_rd_activity_coverage_is_its_own_indicator() -> None:
    (m,) = mentions("2023年，洛阳市规上工业企业研发活动覆盖率达到52.3%。")
    assert (m.indicator_code, m.value_kind) == ("enterprise_rd_activity_coverage", "share")


def test_the_stock_after_a_flow_keeps_the_indicator() -> None:
    got = mentions("2024年，呼和浩特市全年新增科技型中小企业320家，累计达到1500家。")
    assert [(m.value, m.indicator_code) for m in got] == [(320, None), (1500, "tech_smes")]


def test_a_clause_of_its_own_between_flow_and_stock_names_the_stock() -> None:
    """The flow's indicator carries to the stock only when the stock's clause follows the flow's."""
    from orchestration.parsing import parse_document

    text = (
        "新建省级工程技术研究中心40家，重点支持一批共性技术平台建设……"
        "截至2024年底，全省各类科技企业孵化器稳步增长，达到260家。"
    )
    names = {m.quote: m.indicator_name for m in parse_document(text).mentions}
    assert names["40家"].endswith("工程技术研究中心")
    assert "孵化器" in names["260家"]


def test_starting_value_of_a_change_keeps_its_own_year_or_the_articles_last_one() -> None:
    # the second change names no years: a review compares its measures over the same years (real text:
    # `由2014年的60.73%增长到2019年的67.04%，其中科技活动产出指数由66.82%增长到75.42%`)
    got = mentions("2025年，全省研发投入强度从2020年的2.2%提高到2.6%；高新技术企业由1.1万家增加到1.8万家。",
                   published_on=date(2026, 1, 10))
    assert [(m.value, m.period, m.period_source, m.indicator_code) for m in got] == [
        (2.2, "2020", "explicit", "rd_intensity"),
        (2.6, "2025", "explicit", "rd_intensity"),
        (11000, "2020", "change_before", "high_tech_enterprises"),
        (18000, "2025", "explicit", "high_tech_enterprises"),
    ]


def test_starting_value_of_the_first_change_without_years_is_the_year_befores() -> None:
    # no span and no change before it: a change over one year (real text: `2018年…科技进步贡献率由57.5%
    # 增长至58.3%`, 57.5% is 2017's)
    got = mentions("2025年，全省高新技术企业由1.1万家增加到1.8万家。", published_on=date(2026, 1, 10))
    assert [(m.value, m.period, m.period_source) for m in got] == [
        (11000, "2024", "year_before"), (18000, "2025", "explicit")]


def test_below_a_comparison_is_a_negative_change_in_points() -> None:
    got = mentions("2024年，长春市规上工业增加值增长4.1%，低于全省平均水平1.3个百分点，"
                   "高新技术产业增加值增速快于全国0.8个百分点。")
    assert [(m.quote, m.value) for m in got] == [("增长4.1%", 4.1), ("1.3个百分点", -1.3), ("0.8个百分点", 0.8)]


def test_a_count_after_a_word_ending_in_shu_is_a_count() -> None:
    got = mentions("2023年，兰州市技术合同登记数1.2万项，数十家企业参与。")
    assert [(m.value, m.indicator_code) for m in got] == [(12000, "tech_contract_count")]


def test_a_milestone_word_after_the_number_names_nothing() -> None:
    got = mentions("2024年，福建省全社会研发投入突破千亿元大关，达1020亿元。")
    assert [(m.value, m.qualifier, m.indicator_code) for m in got] == [
        (1e11, "lower_bound", "rd_expenditure"), (1.02e11, "exact", "rd_expenditure"),
    ]


def test_people_engaged_in_research_are_not_a_starting_value() -> None:
    got = mentions("2024年，全市从事研发活动的人员达5.2万人。")
    assert [(m.value, m.period) for m in got] == [(52000, "2024")]


def test_first_place_written_without_a_number_is_rank_one() -> None:
    got = mentions("2024年，深圳市PCT国际专利申请量1.6万件，连续20年居全国大中城市首位；首位女院士当选。")
    assert [(m.quote, m.value, m.unit, m.indicator_code) for m in got] == [
        ("1.6万件", 16000, "count", "pct_applications"), ("首位", 1, "rank", "pct_applications"),
    ]


def test_places_after_zhan_are_the_whole_not_the_region() -> None:
    got = mentions("2024年，西安市技术合同成交额3400亿元，占陕西全省的八成以上。")
    assert [(m.value, m.region_name) for m in got] == [(3.4e11, "西安市"), (80, "西安市")]


def test_university_students_are_no_subject() -> None:
    got = mentions("2024年，武汉市拥有高校83所、在校大学生130万人。")
    assert [(m.value, m.subject, m.indicator_name) for m in got] == [(83, None, "高校"), (1.3e6, None, "在校大学生")]


def test_net_increase_is_a_change_of_the_stock_before_it() -> None:
    got = mentions("2024年，苏州市高新技术企业总数达1.6万家，净增2300家，总量位居全国第四。")
    assert [(m.quote, m.value, m.value_kind, m.indicator_code) for m in got] == [
        ("1.6万家", 16000, "level", "high_tech_enterprises"),
        ("净增2300家", 2300, "change", "high_tech_enterprises"),
        ("第四", 4, "rank", "high_tech_enterprises"),
    ]


def test_more_dictionary_names() -> None:
    got = mentions("2023年，大连市技术合同登记1.2万项，科技进步贡献率达到62%。")
    assert [(m.value, m.indicator_code) for m in got] == [(12000, "tech_contract_count"),
                                                          (62, "tech_progress_contribution")]


MULTI_DAY_PAGE = """科技日报

南京：创新策源能力持续增强

（2024年3月5日）

本报记者 王磊

去年，南京市高新技术企业达9000家。今年，全市将新增高新技术企业1000家以上。

武汉光谷再添新平台

（2025年1月8日）

本报记者 李娜

去年，武汉市高新技术企业突破1.5万家。
"""


def test_each_article_on_a_page_reads_against_its_own_date_line() -> None:
    doc = parse_document(MULTI_DAY_PAGE)
    assert [(a.title, a.published_on, a.region_name) for a in doc.articles] == [
        ("南京：创新策源能力持续增强", date(2024, 3, 5), "南京市"),
        ("武汉光谷再添新平台", date(2025, 1, 8), "武汉市"),
    ]
    assert [(m.value, m.period, m.value_kind) for m in doc.mentions] == [
        (9000, "2023", "level"), (1000, "2024", "target"), (15000, "2024", "level"),
    ]


def test_statistical_bulletin_phrasing() -> None:
    got = mentions("2024年，全年授予专利权12.3万件，比上年下降2.1%。全年高技术制造业增加值增长9.8%，"
                   "占规模以上工业增加值的比重为16.5%，比上年提高0.7个百分点。")
    assert [(m.value, m.value_kind, m.indicator_code) for m in got] == [
        (123000, "level", "patents_granted"), (-2.1, "growth_rate", "patents_granted"),
        (9.8, "growth_rate", "high_tech_manufacturing_va"), (16.5, "share", "high_tech_manufacturing_share"),
        (0.7, "change", "high_tech_manufacturing_share"),
    ]


WEB_REPRINT = """大公報 > 中國 > 內地新聞

甘肅「十三五」科技創新成績單
研發投入強度五年提高0.2個百分點

2021-02-04 10:26　來源：新華社

2020年，甘肅全社會研發經費投入110億元。全省高新技術企業從2015年的300家增加到2020年的1200家左右，五年增長近3倍。
"""


def test_a_web_reprint_keeps_its_title_date_and_plan() -> None:
    doc = parse_document(WEB_REPRINT)
    assert [(a.title, a.published_on, a.region_name) for a in doc.articles] == [
        ("甘肅「十三五」科技創新成績單", date(2021, 2, 4), "甘肃省")]
    assert [(m.value, m.period, m.value_kind) for m in doc.mentions] == [
        (0.2, "2016-2020", "change"), (1.1e10, "2020", "level"), (300, "2015", "level"),
        (1200, "2020", "level"), (300, "2016-2020", "growth_rate"),
    ]


def test_academies_named_after_the_country_are_not_national_figures() -> None:
    got = mentions("2023年，江苏省新增中国科学院院士、中国工程院院士6人，全国技术合同成交额6.1万亿元。")
    assert [(m.value, m.region_name) for m in got] == [(6, "江苏省"), (6.1e12, "全国")]


def test_a_part_of_the_year_after_last_year_is_this_year() -> None:
    got = mentions("去年，全区研发经费投入190.1亿元。上半年，全区高新技术企业增至1500余家。",
                   published_on=date(2022, 8, 3))
    assert [(m.value, m.period) for m in got] == [(1.901e10, "2021"), (1500, "2022H1")]


def test_the_starting_value_takes_the_noun_written_before_cong_or_you() -> None:
    got = mentions("2022年，全市研发投入强度由2021年的2.16%提高到2.36%。")
    assert [(m.value, m.period, m.indicator_code) for m in got] == [
        (2.16, "2021", "rd_intensity"), (2.36, "2022", "rd_intensity")]


@pytest.mark.parametrize("sentence", [
    "对首次认定的高新技术企业给予最高50万元奖励，对重新认定的给予最高20万元奖励。",
    "按照其上年度研发费用增量的10%给予补助，单个企业每年补助最高不超过300万元。",
    "对新认定的国家级专精特新“小巨人”企业一次性奖励100万元。",
])
def test_a_policy_measure_is_no_statistic(sentence: str) -> None:
    assert mentions("2025年，山西省" + sentence) == []


def test_money_paid_out_under_a_policy_is_a_statistic() -> None:
    got = mentions("2025年，全省兑现研发财政奖补超5亿元，已兑现奖励资金3600万元。")
    assert [(m.value, m.qualifier) for m in got] == [(5e8, "lower_bound"), (3.6e7, "exact")]


def test_a_narrowing_decline_is_a_rise_and_a_widening_one_a_fall() -> None:
    got = mentions("前三季度，海南省固定资产投资同比下降3.4%，降幅比上半年扩大1.9个百分点；"
                   "工业投资下降5.1%，降幅比上半年收窄2.2个百分点。", published_on=date(2022, 10, 20))
    assert [(m.quote, m.value) for m in got] == [
        ("同比下降3.4%", -3.4), ("扩大1.9个百分点", -1.9), ("下降5.1%", -5.1), ("收窄2.2个百分点", 2.2)]


def test_a_growth_rate_stated_as_a_level_is_a_growth_rate() -> None:
    got = mentions("上半年，黑龙江省高技术产业增加值增幅扩大到14.1%。", published_on=date(2024, 7, 20))
    assert [(m.value, m.value_kind, m.period) for m in got] == [(14.1, "growth_rate", "2024H1")]


def test_ranks_joined_by_a_conjunction() -> None:
    got = mentions("截至2025年底，河北省科技型中小企业、高新技术企业数量分别居全国第8位和第9位。")
    assert [(m.value, m.unit, m.indicator_code) for m in got] == [
        (8, "rank", "tech_smes"), (9, "rank", "high_tech_enterprises")]


def test_city_wide_in_a_provincial_article_is_the_city_named_earlier_in_the_paragraph() -> None:
    doc = parse_document("黑龙江科技创新发布会\n\n（2024年7月20日）\n\n上半年，全省技术合同成交额312亿元。全省高新技术"
                         "企业达4000家。\n\n上半年，哈尔滨市技术合同成交额完成189.3亿元。全市新增科技型中小企业1160家。\n")
    assert [(m.value, m.region_name) for m in doc.mentions] == [
        (3.12e10, "黑龙江省"), (4000, "黑龙江省"), (1.893e10, "哈尔滨市"), (1160, "哈尔滨市")]


def test_a_period_written_in_the_next_clause_is_the_next_figures() -> None:
    got = mentions("上半年，全市规模以上工业增加值增长4.2%。哈尔滨市规模以上工业增加值同比增长6.5%，"
                   "其中一季度增长4.9%。", published_on=date(2024, 7, 20))
    assert [(m.value, m.period) for m in got] == [(4.2, "2024H1"), (6.5, "2024H1"), (4.9, "2024Q1")]


GOVERNMENT_REPORT = """政府工作报告

——2026年1月13日在省人民代表大会上

各位代表：现在，我代表省人民政府，向大会报告政府工作。

一、2025年和“十四五”时期工作回顾

2025年是“十四五”规划收官之年。全省研发经费投入突破1000亿元，研发投入强度达到2.12%。

过去五年，是极不平凡的五年。河北省地区生产总值年均增长5.5%。

二、2026年主要目标和重点任务

（一）加快建设科技强省。全社会研发经费投入增长10%以上，新增高新技术企业2000家以上。
"""


def test_section_headings_frame_their_paragraphs() -> None:
    doc = parse_document(GOVERNMENT_REPORT, source_name="hebei-report.txt")
    assert [(m.value, m.value_kind, m.period) for m in doc.mentions] == [
        (1e11, "level", "2025"), (2.12, "share", "2025"), (5.5, "growth_rate", "2021-2025"),
        (10, "target", "2026"), (2000, "target", "2026"),
    ]


def test_a_part_of_a_total_keeps_its_own_name() -> None:
    got = mentions("2022年，重庆市R&D经费686.7亿元；各类企业R&D经费581.5亿元；高技术制造业R&D经费105.7亿元；"
                   "全省吸纳技术合同成交额1075.6亿元。")
    assert [(m.value, m.indicator_code, m.indicator_name) for m in got] == [
        (6.867e10, "rd_expenditure", "研发经费投入"), (5.815e10, "enterprise_rd_expenditure", "企业研发经费投入"),
        (1.057e10, None, "高技术制造业R&D经费"), (1.0756e11, None, "吸纳技术合同成交额"),
    ]


def test_a_short_name_completes_the_indicator_named_before_it() -> None:
    got = mentions("2022年，全市R&D经费投入仍保持两位数增长，投入强度由2021年的2.16%提高到2.36%。")
    assert [(m.value, m.indicator_code) for m in got] == [(2.16, "rd_intensity"), (2.36, "rd_intensity")]


def test_districts_and_counties_figures_are_their_own_not_the_regions() -> None:
    # (a county the counties seed knows is the figure's region, named, with no code; a group of counties is a part)
    got = mentions("2022年，重庆市研发投入强度为2.36%。其中，渝北区R&D经费投入强度为4.12%；山区26县的研发投入强度"
                   "仍不到1.5%。龙华区、美兰区地区生产总值分别增长3.1%、2.4%。")
    assert [(m.value, m.region_name, m.region_code, m.subject, m.indicator_code) for m in got] == [
        (2.36, "重庆市", "500000", None, "rd_intensity"), (4.12, "渝北区", None, None, "rd_intensity"),
        (1.5, "重庆市", "500000", "山区26县", "rd_intensity"), (3.1, "龙华区", None, None, "gdp"),
        (2.4, "美兰区", None, None, "gdp"),
    ]


def test_a_company_referred_back_to_owns_its_figures() -> None:
    got = mentions("2023年，江苏省研发投入约4100亿元。在常州，江苏恒创新能源科技有限公司的研发中心灯火通明。"
                   "公司去年研发投入12.6亿元，同比增长18%。", published_on=date(2024, 1, 17))
    assert [(m.value, m.subject) for m in got] == [
        (4.1e11, None), (1.26e9, "江苏恒创新能源科技有限公司"), (18, "江苏恒创新能源科技有限公司")]


def test_a_component_ranked_after_its_total_keeps_its_own_name() -> None:
    got = mentions("2024年，黑龙江省区域创新能力居全国第21位，较上年前移2位，其中企业创新能力指标前移5位。")
    assert [(m.value, m.value_kind, m.indicator_name) for m in got][-1] == (5, "rank_change", "企业创新能力指标")
    assert got[1].indicator_name != got[2].indicator_name


def test_a_starting_value_written_with_zuichu_has_no_period() -> None:
    got = mentions("2021年，宁夏回族自治区枸杞育种团队从最初的3个人发展到现在的17人。")
    assert [(m.value, m.period) for m in got] == [(3, None), (17, "2021")]


def test_the_same_part_of_last_year() -> None:
    got = mentions("上半年，黑龙江省高技术制造业增加值占比由去年同期的31.2%提高到38.6%。"
                   "去年，全省研发投入强度为1.44%。", published_on=date(2024, 7, 20))
    assert [(m.value, m.period) for m in got] == [(31.2, "2023H1"), (38.6, "2024H1"), (1.44, "2023")]


TABLE_AS_TEXT = """海南省前三季度主要指标

（2022年10月20日）

指标\t前三季度
全省规模以上工业增加值\t同比增长8.6%
　其中：高技术制造业\t增长19.5%
　　　　石油化工产业\t增长11.4%
规模以上工业企业营业收入\t3127.60亿元
　同比\t增长28.3%
"""


def test_indented_table_rows_measure_what_the_row_above_measures() -> None:
    doc = parse_document(TABLE_AS_TEXT)
    assert [(m.value, m.indicator_code, m.indicator_name, m.period) for m in doc.mentions] == [
        (8.6, "industrial_value_added", "规模以上工业增加值", "2022Q1-Q3"),
        (19.5, "high_tech_manufacturing_va", "高技术制造业增加值", "2022Q1-Q3"),
        (11.4, None, "石油化工产业增加值", "2022Q1-Q3"),
        (3.1276e11, None, "规模以上工业企业营业收入", "2022Q1-Q3"),
        (28.3, None, "规模以上工业企业营业收入", "2022Q1-Q3"),
    ]


def test_a_sub_period_after_qizhong_is_not_carried_to_the_next_sentence() -> None:
    got = mentions("上半年，甘肃省规模以上工业增加值同比增长7.1%，其中二季度单季增长7.6%。"
                   "高技术制造业增加值增长16.2%。", published_on=date(2025, 7, 20))
    assert [(m.value, m.period) for m in got] == [(7.1, "2025H1"), (7.6, "2025Q2"), (16.2, "2025H1")]


def test_a_plan_reviewed_in_the_text_gives_its_years() -> None:
    got = mentions("回顾“十三五”，烟台市科技创新跑出了“加速度”。五年间，全市高新技术企业数量增长2.1倍，"
                   "研发投入强度由2015年的2.21%提高到2.6%。", published_on=date(2021, 3, 1))
    assert [(m.value, m.period) for m in got] == [(210, "2016-2020"), (2.21, "2015"), (2.6, "2020")]


def test_power_capacity_counts_and_rough_headcounts_do_not() -> None:
    got = mentions("2025年，甘肃省新能源装机容量达到6810万千瓦。车间里三四十个工人、十来个技术员在忙碌。")
    assert [(m.value, m.counter) for m in got] == [(6.81e7, "千瓦")]


def test_no_alias_names_two_indicators() -> None:
    """An alias read as the text is (Traditional made Simplified, spaces dropped) belongs to one
    indicator: the dictionary keeps the first one it meets, so a second would be silently lost
    (`省實驗室`, the provincial flagship labs, once listed among the key labs' aliases)."""
    from collections import defaultdict

    from orchestration.parsing.normalize import compact
    from orchestration.parsing.seeds import read_seed

    codes: dict[str, set[str]] = defaultdict(set)
    for row in read_seed("indicators"):
        for alias in [row["indicator_name"], *row["aliases"].split("|")]:
            if alias:
                codes[compact(alias)].add(row["indicator_code"])
    assert {alias: found for alias, found in codes.items() if len(found) > 1} == {}
