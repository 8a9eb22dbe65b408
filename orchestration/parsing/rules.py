"""Extraction vocabulary: every word list and unit multiplier the parser uses, in one place.

Kept as data so that adding a qualifier word, a counter or an idiom is a one-line change here and
never a new branch in the code. Indicator names and regions live in the dbt seeds instead.
"""

from __future__ import annotations

# --- numbers -----------------------------------------------------------------------------------
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
# Multipliers written after Arabic digits (`1.25万`, `5300亿`, `3千万`), longest first.
ARABIC_MULTIPLIERS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6,
                      "十万": 1e5, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

# --- units -------------------------------------------------------------------------------------
PERCENT_SIGNS = ("%", "‰")
TENTHS_UNIT = "成"  # `七成以上企业` = 70%: only after a single digit
POINT_UNITS = ("个百分点", "百分点")
MONEY_UNITS = ("元", "人民币")  # multipliers are part of the number (`亿元` = `亿` + `元`; `28252亿人民币`)
# Foreign currencies, kept in their own unit (never converted: the rate is not in the text).
FOREIGN_MONEY_UNITS = {"美元": "usd"}
# `增长1.5倍` = a growth of 150%; any other multiple (`是2020年的2倍`) is a ratio, not a figure.
MULTIPLE_UNIT = "倍"
# `三分之一` = 33.3%: a fraction written out (`百分之` has its own rule).
FRACTION_WORD = "分之"
HALF_WORD = "一半"  # `占全省总投入的近一半`: 50 percent of a whole
# A fraction written with a slash (`约占全国1/4`) is a share only when its clause says of what with one of these.
SHARE_OF_WORDS = ("占", "贡献")
# Measure words that make a number a count, as written (longest first in the regex).
COUNTERS = (
    "人次", "家次", "户次", "件次", "项次", "台套", "家", "项", "人", "个", "名", "篇", "位", "所",
    "部", "场", "份", "支", "条", "户", "座", "台", "套", "件", "款", "种", "例", "只", "株",
    "艘", "架", "辆", "处", "门", "本", "册", "首", "次", "单", "笔", "亩", "吨", "万吨", "批",
    "千瓦时", "千瓦", "颗", "枚", "块", "棵", "头", "个位次", "位次",
)
# After a change verb these count places in a ranking (`较上年提升1个位次`, `再晋升1位`): a rank change.
RANK_CHANGE_UNITS = ("位", "个位次", "位次")
# A counter that begins one of these words is no counter (`跨过9万亿台阶`).
NOT_COUNTER_WORDS = ("台阶",)
# `不足1400亿`, `突破千亿` written without 元 after one of these nouns is money all the same.
MONEY_NOUNS = ("经费", "投入", "成交额", "交易额", "收入", "产值", "总量", "总额", "生产总值", "GDP", "资金", "金额",
               "支出", "营收", "增加值", "规模", "投资", "税收", "利润")
# A unit followed by one of these names a category, not a quantity (`千万元级成果`, `2类证`).
CATEGORY_SUFFIXES = ("级", "类", "型", "号", "期", "届")

# --- qualifiers (CONVENTIONS.md) ---------------------------------------------------------------
PRE_QUALIFIERS = {
    "突破": "lower_bound", "超过": "lower_bound", "超出": "lower_bound", "超": "lower_bound",
    "突破了": "lower_bound", "超过了": "lower_bound", "超越": "lower_bound",
    "逾": "lower_bound", "多于": "lower_bound", "高于": "lower_bound", "大于": "lower_bound",
    "近": "approx", "接近": "approx", "将近": "approx", "约": "approx", "大约": "approx",
    "不足": "upper_bound", "不到": "upper_bound", "低于": "upper_bound", "少于": "upper_bound",
    "小于": "upper_bound", "至少": "lower_bound", "最少": "lower_bound", "最多": "upper_bound",
    # negations read whole (`不少于3000家` is at least 3000, not `少于`)
    "不少于": "lower_bound", "不低于": "lower_bound", "不下于": "lower_bound", "不小于": "lower_bound",
    "不超过": "upper_bound", "不高于": "upper_bound", "不多于": "upper_bound", "不大于": "upper_bound",
    "破": "lower_bound", "首破": "lower_bound",  # a headline's `破3000亿元`
    # `迈上2000亿元新台阶`, `跨过9万亿台阶`: a level passed
    "迈上": "lower_bound", "跨上": "lower_bound", "站上": "lower_bound", "跃上": "lower_bound",
    "跨过": "lower_bound", "迈过": "lower_bound", "跨越": "lower_bound", "跨": "lower_bound", "连跨": "lower_bound",
    "连破": "lower_bound",
    "打破": "lower_bound", "朝上": "lower_bound",  # 突破, 超过 in a spun rewrite
}
# Between the number and its unit (`130余项`, `200多支`).
INNER_QUALIFIERS = {"余": "lower_bound", "多": "lower_bound"}
POST_QUALIFIERS = {
    "以上": "lower_bound", "之多": "lower_bound", "余": "lower_bound", "多": "lower_bound",
    "左右": "approx", "上下": "approx", "以下": "upper_bound", "以内": "upper_bound",
    # in a spun rewrite (a synonym-swapped self-media copy): 摆布 for 左右, 朝上 for 以上
    "摆布": "approx", "朝上": "lower_bound",
}

# --- kinds -------------------------------------------------------------------------------------
# Verbs that, directly before a number, make it a change (sign +1 or -1). `新增` is a level.
CHANGE_VERBS = {
    "同比增长": 1, "同比增加": 1, "同比提高": 1, "同比上升": 1, "同比下降": -1, "同比减少": -1,
    "增长": 1, "增加": 1, "上升": 1, "提高": 1, "提升": 1, "上涨": 1, "增速为": 1, "增速达": 1,
    "增速": 1, "增幅为": 1, "增幅达": 1, "增幅": 1, "增长了": 1, "增加了": 1, "提高了": 1,
    "提升了": 1, "跃升": 1, "前进": 1, "多": 1, "多了": 1, "多出": 1, "增": 1,
    "增长率为": 1, "增长率达": 1, "增长率": 1,
    "涨幅为": 1, "涨幅": 1, "降幅为": -1, "降幅": -1,
    "下降": -1, "减少": -1, "回落": -1, "降低": -1, "下滑": -1, "下跌": -1, "减": -1, "少": -1, "少了": -1,
    "后退": -1, "前移": 1, "上移": 1, "后移": -1, "下移": -1, "下降了": -1, "减少了": -1,
    "降低了": -1, "回落了": -1, "上升了": 1, "跃升了": 1, "前进了": 1, "后退了": -1,
    "净增": 1, "净增加": 1, "净减少": -1, "净减": -1,
    "扩大": 1, "收窄": -1, "加快": 1, "放缓": -1, "回升": 1,
    "低": -1, "高": 1,  # `较全国平均水平低0.5个百分点`; not 最高/最低 (NOT_CHANGE_PREFIXES)
    "伸长": 1, "同比伸长": 1, "增进": 1, "擢升": 1, "增添": 1, "同比增添": 1,  # 增长, 提升 in a spun rewrite
    "晋升": 1, "攀升": 1, "飙升": 1, "再进": 1,  # `较上年再进1位`, `增加值飙升49.5%`
}
# Before a level's noun in its segment, these make it a net change (`净增高新技术企业超2000家`,
# `高新技术企业净增数突破200家`): the difference of two stocks, unlike 新增 (what was added).
NET_CHANGE_WORDS = ("净增", "净减")
# Words that rule a CHANGE_VERBS match out (`新增50家` is a level).
NOT_CHANGE_PREFIXES = ("新增", "最高", "最低", "较高", "较低", "更高", "更低")  # `最高500万元`: a cap
# Verbs before a rank (`居全国第5`, `跃居第44位`); the rank must be preceded by one in its clause.
RANK_CONTEXT = ("居", "列", "排名", "排在", "排", "名列", "位列", "跃升至", "跃升", "升至", "升到", "蝉联", "保持",
                "榜", "处于", "全国", "中国",
                "全球", "全省", "全市", "世界", "中部", "西部", "东部")
# After `第N` a rank ends; anything else (`第34个`, `第一副主席`) makes it a name.
RANK_ENDINGS = ("位", "名")
# A number ending in 位 or 名 without 第 is still a rank after one of these in its clause (`位列全国22名`,
# `全国排名上升至26位`), not a count of people.
RANK_WITHOUT_DI_VERBS = ("位列", "排名", "排在", "位居", "名列", "升至", "上升至", "提升至", "跃升至", "跃居", "下降至",
                         "降至", "居全国", "居全省", "居")  # `平均工资比较系数居15位`
# ... and right after one of these fields when it ends its clause (`大连2479家,全国25名;`).
RANK_WITHOUT_DI_FIELDS = ("全国", "全省", "全市", "全区")
# Shares: percent figures not preceded by a change verb are shares (强度, 占比, 率, ...).

# After 将, 计划, 拟 or 要, these make a plan (`计划设立1100亿元基金`), read through a reprint's blanked pinyin.
PLAN_VERBS = ("新增", "新建", "新认定", "新培育", "新引进", "培育", "建设", "建成", "实现", "达到", "突破", "引进",
              "推动", "打造", "布局", "完成", "组织实施", "投入", "争取", "力争", "累计", "破", "超过", "达", "设立",
              "新设", "安排", "启动", "在",  # `今年，河北省将在…实现新突破，新增高新技术企业800家`
              "聚焦", "围绕", "加快", "持续", "大力", "着力", "全力")  # `今年将聚焦重点产业集群建设20个…`
# (not 入库: `拟入库28692家` is as often the candidates a list proposes, a result, as a share of an aim)
# 计划 as a verb of aims, not a programme's name (`“海河英才”行动计划累计引进各类人才47.9万人`: results).
PLAN_WORD = r"(?<![”\"」』’])(?<!行动)计 {0,8}划"
# Target triggers (a regex): a figure after one of these in its sentence is a target. A year after
# 到/至 must not be in the past (checked in code); 截至 is a stock date, not a target; 目标 only
# when it states one (`目标是`, `目标：`, `定了“小目标”：`), not in `规划目标任务全面完成`.
# `预计`, `有望` (group `estimate`) about the year under review give an estimate of the figure's own kind
# (qualifier approx), not a target; about a later year they are targets like the others.
# (`力争5年内`, `今后五年` too)
# A 目标 after one of these in its clause, right before a number, measures progress towards an aim
# (`实现全年新增数量目标93%`: a share reached so far), and sets no aim for the figures after it.
PROGRESS_VERBS = ("完成", "实现")
PROGRESS_REACH = 12  # characters between the verb and its 目标
TARGET_TRIGGER_PATTERN = (r"(?:未来|今后|力争|争取|确保)(?P<ahead>[0-9一二两三四五六七八九十]{1,2})年内?"
                          r"|力争|力图|争创|目标[”’」]?(?:是|为|：|:|】|包括)|(?<!完成)目标(?=[0-9])|预期目标|宗旨(?:是|为|：|:)"
                          # (`争取到` a thing, not a time, is what was won: `争取到省部科技计划项目185项`;
                          # `争取到2025年` is left to the year-after-到 branch below, which checks the year)
                          # (`争取建成省级重点企业研究院1家`: a thing to build is aimed at, not won)
                          r"|(?<!累计)争取(?=到(?:年[底末内]|明年|后年|[“\"]?十[三四五六])|达|实现|突破|在|用|新增|超|全年|[0-9]"
                          r"|建成|创建|培育)"
                          # (read through a reprint's blanked pinyin: `預(yù)計(jì)` reads `预    计    `)
                          # (`预期全年…`, but not a result against one: `超预期`, `好于预期`, `符合预期`)
                          r"|(?P<estimate>预 {0,8}计|(?<![超于合出])预 {0,8}期|有 {0,8}望)|确保"
                          # `未来5年，太原将…` said in 2022: aims for 2026
                          # `到2027年`, but not a point a change reached (`提高到2023年的8536亿元`)
                          r"|(?<!截)(?<!提高|增长|增加|提升|上升|扩大|跃升|攀升|下降|降低|减少)(?:到|至)\s?"
                          r"(?P<target_year>20\d\d)\s?年(?!的)"
                          # `计划将全市高新技术企业数量提高到4000家`: plans to, whatever follows
                          r"|(?:" + PLAN_WORD + r"|拟) {0,8}将"
                          # `全省将新增...`, `计划新建...`, `今年要新增...`: a plan, when a verb of one follows
                          # (将 in a year-end review, like 预计, is about the year under review: group `will`)
                          r"|(?:(?<!即)(?P<will>将)|" + PLAN_WORD + r"|拟|(?<![主重需只想必纲摘])要)"
                          r" {0,8}(?:分别|再|还|也){0,2}"  # `将分别再新增1000家、10000家`
                          rf"(?={'|'.join(' {0,8}'.join(verb) for verb in PLAN_VERBS)})"
                          # `今年，全市要着力…`, `；要引导企业…`: 要 opening a clause, or after who or when, is an aim
                          r"|(?:(?<=全市|全省|全区|今年|明年|我市|我省|我区)|(?<=[。；;，,、\n]))要(?![求素点闻害件是])")

# A target trigger that announces a list of aims (`今后五年…的主要目标是：…。全市生产总值年均增长11%左右，
# 总量突破5500亿元`): every figure after it in its paragraph is an aim.
GOAL_LIST_PATTERN = r"目标[”’」]?(?:是|为)?\s?[：:]"
# Every character a target trigger can start with (a fast pre-check before the pattern above).
TARGET_TRIGGER_FIRST_CHARS = "力目争预有确到至将计拟要未今宗"

# A figure dated by the time of writing that repeats an earlier figure of its article of at least this
# value restates it (smaller counts repeat by chance: `1家`).
RESTATED_MIN_VALUE = 10
# A story whose lead opens, within this many characters of the article's start, with a part of the year
# of publication (`今年1至7月，…`) reports on that part (periods.default_period).
LEAD_PART_REACH = 300
# After a year, these make it the start of a run (`2023年以来`), not a period of its own.
SINCE_WORDS = ("以来", "至今", "迄今")
# `今年以来` in a story dated in these months (first, last) is the year so far, up to the story's month
# (`2023M01-M10` in October); in December or January it is the year a year-end review reports on.
YEAR_SO_FAR_MONTHS = (2, 11)
# A year written more than this many years before a story's publication is history (`回望上世纪90年代：1990年`):
# it says nothing of the year the story's figures are for.
HISTORY_YEARS_BEFORE = 10
# A report written from this month on is about the year under review: its `将` is an estimate, and a
# five-year plan's last year is over enough to be reviewed.
YEAR_UNDER_REVIEW_FROM_MONTH = 10
# A five-year plan's review published in the plan's last year from this month on (the national series
# of `高质量完成“十四五”规划` press conferences began in September 2025) reports on the whole plan.
PLAN_REVIEWED_WHOLE_FROM_MONTH = 9
# `预计` about the year of publication said up to this month (the season of work reports) forecasts the
# year ahead (a target, like `力争`); from spring on it estimates the year under way (as every real
# annotator read `预计2021年R&D经费支出达1180亿元` in May 2021 and `预计“十四五”末…突破6000亿元` in September).
FORECAST_UNTIL_MONTH = 3
# `预计` within this many characters of a sentence's start opens it: it covers every clause, past
# semicolons (`今年，株洲预计…；新引进…`); later in a sentence it covers its own clause only.
ESTIMATE_OPENS_WITHIN = 8
# In brackets right after a figure, these say it is estimated (`占GDP比重达29.2%(预估值)`): approx, like `预计`.
ESTIMATE_NOTES = ("预估值", "预估数", "预估", "预计值", "预计数", "估计值", "估计数", "估算值", "估算数", "估计")
# Before a figure in its clause, these say it revises an earlier release (`已修订为2.16%`).
REVISION_WORDS = ("修订为", "修订后", "修订后为", "调整为", "核实为", "修正为", "核定为", "订正为")
# A clause opening with one of these speaks of the time of writing (`目前…位居世界第二位`): the
# article's own period, not a year named earlier in the sentence (`2022年突破3万亿元`).
NOW_WORDS = ("目前", "当前", "现在", "如今", "截至目前", "截止目前", "近日", "日前", "现有")  # `全省现有院士5人`
# ... but not these words, which hold 现有 (`实现有效发明专利…`, `在现有基础上`)
NOT_NOW_WORDS = ("实现有", "发现有", "体现有", "表现有", "呈现有", "出现有", "再现有", "现有基础", "现有的基础",
                 "现有水平")
# In a sentence about part of a year, this opens what the whole year gives (`截至7月底已申报900家，全年有望完成
# 新增500家的目标任务`: the year's); not the whole year's target a part is measured against (`完成全年任务的55%`,
# `完成全年1150件任务的46.2%`, `实现全年新增数量目标93%`).
WHOLE_YEAR_PATTERN = (r"全年(?!目标|任务|计划|的|水平|[0-9.]+\s?[^\s，。；、,;0-9]{0,2}的?(?:目标|任务|计划)"
                      r"|[^\s，。；、,;0-9]{1,6}(?:目标|任务|计划)[0-9])")
# A month's end (`截至8月末`) stands for the year to date (M01-M08), except before a balance, which is
# held at that point (`截至8月末，全省本外币贷款余额1.19万亿元`: M08). Quarter ends name their part either way.
POINT_IN_TIME_WORDS = ("余额", "余額", "存量", "保有量")
# A month written after these and a year (`截至2022年7月，…累计备案10462家`, `到今年6月，全市创建了…`) is a
# month's end too (到: when that month is over by the publication date; before it, `到2027年6月` is an aim).
AS_OF_WORDS = ("截至", "截止", "到")
# Yearly statistics known only the year after (the R&D survey is published the next autumn): a figure of one
# dated by nothing but a page of the same year (`数据显示，北京全社会研发经费支出达到1479.8亿元` in November
# 2017) is the last complete year's.
LAGGED_INDICATORS = ("rd_expenditure", "rd_intensity", "basic_research_expenditure", "basic_research_share",
                     "enterprise_rd_expenditure", "enterprise_rd_share", "applied_research_expenditure",
                     "experimental_development_expenditure")
# Words that name such a statistic in a sentence (`2023年全社会研发(R&D)经费投入达到233.9亿元(错年统计)`):
# in a review of 2024, that sentence's year is the survey's, not the paragraph's.
LAGGED_STATISTIC_WORDS = ("研发", "R&D", "研究与试验发展", "错年统计")
LAGGED_PUBLISHED_FROM_MONTH = 9  # the month from which last year's R&D survey is out (statistics bulletins)
NOW_MEANS_LAST_YEAR_UNTIL_MONTH = 2  # `目前` in January or February: the stock at the end of last year
# A story that looks back over a year (`一年来，我市科技工作…`) or gives a whole year's figures (`全年全省研究与
# 试验发展人员23万人` in a bulletin of March 2015) and names no year reports on the year before when it is
# published in the first half of a year (a review in April 2017 is of 2016), else on its own.
YEAR_LOOKBACK_WORDS = ("一年来", "过去一年", "过去的一年", "全年")
# ... but not a whole year aimed at or forecast (`预计全年`, `力争全年`, `今年全年`)
LOOKBACK_NOT_AFTER = ("预计", "力争", "争取", "确保", "预期", "今年", "明年", "计划")
LOOKBACK_MEANS_LAST_YEAR_UNTIL_MONTH = 6
# A government work report opens with one of these; delivered in the first weeks of a year, it reviews the
# year before, even when its page gives only the year (`发布时间：2024`).
WORK_REPORT_OPENERS = ("向大会报告政府工作", "向大会作政府工作报告")
# ... and in the season of work reports (up to FORECAST_UNTIL_MONTH) a story of one (`李克强作《政府工作报告》`)
WORK_REPORT_NOUN = "政府工作报告"
# Before a number, these state a stock reached (`高新技术企业达6.9万家`): over a span (`过去五年`) the
# stock is at the span's end; a total over it says 累计 (SPAN_TOTAL_WORDS) and keeps the span.
STOCK_VERBS = ("达到", "达", "增至", "增加到", "提高到", "提升到", "升至", "突破", "超过", "拥有", "总数", "为", "形成",
               "跨过", "跨上", "迈上", "连跨", "连破")
# Nouns of a share (`占规上工业的比重分别为…`): after a growth noun in a clause, the figures are shares again.
SHARE_NOUNS = ("比重", "占比", "份额", "比例")
SHARE_NOUN_AFTER_ZHAN = "比"  # 占 then this is the noun 占比 (`占比较高的依次为…`), not the verb before a whole
SPAN_TOTAL_WORDS = ("累计", "共计", "合计", "总计")
# A year that opens the name of one of these (`2024年昆明市科技工作会`, `2017年科技和知识产权工作会议`,
# `今年河南省政府工作报告“晒”出…成绩单`) names the event, not the period its figures are for; a title naming
# one of the events that review a year (`2023年湖南省政府工作报告`) reports on the year before.
YEAR_REVIEWING_EVENT_NOUNS = ("工作报告", "两会")
# A year of 年度 opening the name of one of these (`获2021年度江西省科学技术进步奖`) names the award's edition, given
# the year after: it dates its own clause at most, never the clauses after it (but a list's year, `2022年第一批
# 高新技术企业认定通过名单`, is the story's time). The name runs to NAMED_EDITION_MAX characters.
EDITION_NOUNS = ("奖",)
NAMED_EDITION_MAX = 16
EVENT_NOUNS = ("会议", "工作会", "大会", "论坛", "博览会", "交易会", "年会", "峰会", "发布会", "启动会", "推进会",
               "座谈会", "现场会", *YEAR_REVIEWING_EVENT_NOUNS)
# A title naming an event with its year (`2022年湖北省服务高新技术企业“春晓行动”启动会在武汉召开`) dates the event,
# not what its story reports on; an event's name in a title runs to this many characters.
TITLE_EVENT_NAME_MAX = 24
# After a breakdown's heading (`分活动主体看`), a total's indicator with one of the performers named before
# it is that performer's part (`企业坚定挑起了创新大梁，研发经费1943.2亿元`), never the region's total.
# A breakdown opening a clause after a semicolon (`；按行业分，`): the places named before it in the
# sentence were the last breakdown's, not this one's figures' (a regex).
NEW_BREAKDOWN_PATTERN = r"[；;]\s?(?:按|分)[\u4e00-\u9fff]{1,6}(?:分|看|划分)[，,]"
# A paragraph that opens with a breakdown (`分规模看，`, `按行业分：`, `从区域分布来看，`) goes on with the
# paragraph before it: its figures are parts of that one's, of the same period (a regex).
# (pinyin debris blanked inside it: `分规     模看`)
BREAKDOWN_OPENING_PATTERN = r"\s*(?:分|按|从)[\u4e00-\u9fff ]{1,16}?(?:来看|看|划分|分)[，,：:]"
BREAKDOWN_HEADINGS = ("分活动主体看", "分执行部门看", "分执行主体看", "按活动主体分", "分活动主体", "按执行部门分")
PERFORMERS = ("政府属研究机构", "研究与开发机构", "科研机构", "研究机构", "高等学校", "高校", "企业", "其他主体")
# `创2000年以来之最`: after `YYYY年以来` these make the years a record's yardstick, not a period.
RECORD_AFTER_SINCE = ("之最", "最高", "最大", "最好", "最快", "新高", "最低")
# After a five-year plan's name, these make a figure the plan's total (`“十二五”总量13788.6亿元`).
PLAN_TOTAL_WORDS = ("总量", "累计", "合计", "总计", "共计", "(", "（")
# Written before a growth rate or a change, these make it an average over a span (`年均增长15.9%`).
AVERAGE_WORDS = ("年均", "年平均", "平均每年")
# Over a span, a share stated with one of these held through it (`过去5年，…均占全省的50%左右`,
# `比重保持在36%左右`): the span's, not its last year's.
STEADY_WORDS = ("均", "保持", "始终", "一直", "连续")
# A percentage whose noun phrase holds one of these is a score (`综合科技创新水平指数72.1%`): a level.
INDEX_WORDS = ("指数",)

# --- not figures -------------------------------------------------------------------------------
# Money or a percentage right after these, or right before MEASURE_AFTER, is a policy's rule
# (`给予最高50万元奖励`, `一次性奖励100万元`, `按增量的10%给予补助`), not a statistic.
MEASURE_BEFORE = ("最高", "最高不超过", "不超过", "最多不超过", "一次性奖励", "一次性补助", "一次性资助", "给予",
                  "单项奖励最高")  # not 奖补 alone: `兑现研发财政奖补超5亿元` is money paid out
# An amount with 以上/以下 and then one of these (a few words may stand between) is a threshold that defines
# a group (`新入库50亿元以上项目50个`, `实施5万元以上的产学研合作项目3438项`), not a figure.
THRESHOLD_ITEMS = ("项目", "企业", "工程")
# A value followed by 的 and one of these is a threshold that defines a group (`超过千亿元的省份有12个`).
THRESHOLD_GROUPS = ("省份", "省(", "省（", "省市", "省区", "城市", "地区", "国家", "企业", "行业", "市州", "县市",
                    "市有", "市(", "市（", "县有", "区有")
# Between places listed and a figure, these make it the group's total, not each place's figure
# (`武汉、鄂州…等5地输出技术合同成交额合计1800.01亿元`, `沈阳、大连两市…总额占全省的56.3%`).
# After a count of places listed (`北京、上海5个城市`), these say a figure is each place's (`均达到4%以上`).
EACH_WORDS = ("均", "都", "各")
# ... but not inside these words (`高于全国平均水平`)
NOT_EACH_WORDS = ("平均", "人均", "年均", "户均", "均衡", "均值", "各类", "各级", "各地", "各项")
# A count of provinces listed (`湖北、湖南、江西、安徽、河南、山西六省`) counts them with one of these: their figures
# are the group's (the nation's region, the group as subject), never one province's.
PROVINCE_GROUP_NOUNS = ("省", "个省")
GROUP_TOTAL_WORDS = ("合计", "总额", "总量", "共计", "合共", "总和", "加起来", "共同")
# A count of places (`9个地区…实现增长`, `12个省份`): a figure about the whole they belong to. Provinces
# counted are the nation's; the others, the article's region (a province counting its cities).
PROVINCE_COUNT_NOUNS = ("省份", "省市", "省区市", "省(区、市)", "省（区、市）")
PLACE_COUNT_NOUNS = ("地区", "市州", "地市", "设区市", "县(市、区)", "县（市、区）", "县市区", "区县", "县区")
MEASURE_AFTER = ("给予", "奖励", "补助", "资助", "补贴", "的奖励", "的补助", "的资助", "的补贴")
# A value followed by one of these names a band, not a figure (`西藏的R&D经费在十亿元范围内`).
RANGE_AFTER = ("范围内", "的范围内", "范围")
# A number directly after one of these is a criterion, not a statistic (`具备1个以上特征的`).
CRITERION_VERBS = ("具备", "具有", "满足", "符合", "包含")
# Small Chinese numerals (< 10) count only directly after one of these (`新增两家`).
SMALL_CN_VERBS = ("达", "达到", "为", "共", "共有", "累计", "新增", "获批", "获", "引进", "建成",
                  "认定", "增至", "有")
# Five-year plans: 十四五 -> 2021-2025.
# Before a plan's name, these make it the plan's years (`回顾“十三五”`), not the plan itself.
PLAN_REVIEW_WORDS = ("回顾", "纵观", "整个")
# `党的十八大以来`: a span from the year of that party congress.
PARTY_CONGRESS_YEARS = {"十八大": 2012, "十九大": 2017, "二十大": 2022}
FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                   "十四五": (2021, 2025), "十五五": (2026, 2030), "十六五": (2031, 2035)}
# A story whose head names a plan's years within this many characters of its start (`11月18日，…新闻发布会，
# “十四五”期间，合肥市科技创新再获突破`) reviews that plan, as one whose title names it (`5年来` is the plan's years).
PLAN_LEAD_REACH = 300
PLAN_LEAD_AFTER = ("期间", "以来", "时期")

# --- words the figure rules read around a number ------------------------------------------------
# `增幅扩大到14.1%`, `增速均超30%`: a growth noun, then what happened to it, then the number: a growth rate
GROWTH_NOUNS = ("增幅", "增速", "增长率", "涨幅", "增长幅度", "增长速度")
# ... and a growth verb before `分别` governs the whole list after it (`同比增长分别为13.68%、11.38%`)
GROWTH_VERBS_OVER_LISTS = ("增长分别", "下降分别")
# ... and a growth word ending the segment before a bare percentage, nothing measured between, governs it
# (`航空航天领域增长最快，达61.1%`, `增速较快，达到161.47%`, `增幅也达到2.86%`)
GROWTH_WORDS_BEFORE = (*GROWTH_NOUNS, "增长")
# (a comma only after a comparative: not `投入强度保持较高增长，达到1.3%左右`, the intensity reached)
GROWTH_TO_FIGURE_PATTERN = r"\s*(?:[最较更][快高多]的?\s*[，,]?|也)?\s*(?:达到了|达到|达|为)?\s*"
# A rank over a span ranks the rise when one of these comes before it (`提升幅度居全国第二`): then the
# span's, else the rank reached at its end.
RANKED_RISE_WORDS = (*GROWTH_NOUNS, "幅度")
# A rank after 由/从 and before one of these is where a rank's move started (`由第20位提升至第16位`), a rank
# though no field or verb of ranking comes before it.
RANK_MOVES = ("提升", "上升", "升至", "跃升", "跃居", "前移", "进至", "进位", "攀升", "下降", "降至", "后退", "退至",
              "升到")
# ... after one of these adverbs too (`从2000年的第38位快速提升至2011年的第20位`)
RANK_MOVE_ADVERBS = ("快速", "迅速", "稳步", "大幅", "显著", "逐步", "持续", "一路", "进一步", "再次")
GROWTH_NOUN_MOVES = ("扩大", "提高", "提升", "回升", "加快", "放缓", "回落", "收窄")
GROWTH_NOUN_LINKS = ("到", "至", "为", "达到", "达到了", "达", "约为", "在", "保持在", "始终保持在", "均保持在",
                     "(", "（")
# `保持着40%以上的增速`, `以年均11.89%的速度增长`: a growth noun right after the number (and its bound) names a
# growth rate too
GROWTH_NOUNS_AFTER = ("增速", "增幅", "增长率", "增长幅度", "增长速度", "速度增长", "速度递增")
# `实现了10.5%的同比增长`, `分别实现了38.7%、22.2%和14.2%的增长`: 增长 after the number names a growth
# rate only after one of these (`贡献了全市30%的增长` is a share of it)
GROWTH_ACHIEVED_VERBS = ("实现",)  # after 的 and at most four characters (`年均6.2%的经济增速`)
# `增长达70%`: the verb with 达 states the growth rate (not `增长到2.5%`, where a share rose to 2.5%)
GROWTH_VERB_LINKS = ("增长达", "增长达到", "增长达到了", "同比增长达")
APPROX_SHARE_WORDS = ("约占", "大约占", "约为")  # `约占全省的六成`: the qualifier is on the verb
# `从2.2%提高到2.6%`, `由2020年的第12位`: after 从/由 and these, a figure is where a change started
# Where a change starts (`由130亿元增长到…`).
FROM_WORDS = ("从", "由")
# A paragraph's first clause ending with one of these says where a reporter heard it (`15日，记者从湖北省知识
# 产权局获悉，`); the paragraph's topic is the place its next clause opens with (`2017年湖北省专利申请量…`).
ATTRIBUTION_ENDS = ("获悉", "了解到", "得知", "获知")
ATTRIBUTION_REACH = 40  # characters from a paragraph's start within which its attribution ends
# A change from one round amount to another that says how long it took (`从1万亿元提高到2万亿元用时8年`) passes
# milestones: both amounts are thresholds crossed, no figures.
MILESTONE_DURATION_WORDS = ("用时", "用了", "历时", "仅用", "只用", "耗时")
MILESTONE_REACH = 60  # characters back from an amount within which its clause's 从/由 is looked for
# A year with these after it in its clause (`2018年长春市就已进入…`) or before it (`早在2021年`) names a
# milestone passed long before: it says nothing of the year a story reports on.
MILESTONE_AFTER = ("就已", "早已")
# `自2001年起连续16年…`, `自1999年开始连续发布`: where a run of years started, not a period of figures.
RUN_START_AFTER = ("起", "开始")
# After a year, these make it where a span starts (`2017年以来`), not the year a statement is about.
SPAN_START_AFTER = ("以来", "至今", *RUN_START_AFTER)
MILESTONE_BEFORE = ("早在",)
# `继一季度增长4.8%后进一步回升`: an earlier period the sentence goes on from, not the one it is about.
GOES_ON_FROM_WORDS = ("继",)
FROM_FILLERS = ("同期", "最初", "原来", "此前", "的")
# ... and for a rank, the field it is ranked in (`由全国第15位提升至第9位`: where the change started)
RANK_FROM_FIELDS = ("全国", "中国", "全球", "寰宇", "世界", "全省", "全市", "全区")
# A year after one of these is a comparison's or a change's base (`是2012年的3.8倍`, `比2012年提高`).
BASE_YEAR_MARKERS = ("是", "比", "较", *FROM_WORDS, "自")
# Opening a segment before 全国/我国, these make its stated value the nation's (`比全国同期年均增速12.2%`).
NATIONAL_BASE_OPENERS = ("是", "比", "较", "而", "但")
# Words that join the items of a list (`A、B和C`).
LIST_JOINERS = ("、", "和", "及", "与", "以及")
# Hyphens joining place names make a cluster's name (`深圳-香港-广州`, `上海—苏州`): no one place owns its figures.
CLUSTER_JOINERS = "-－—"
# A group of three digits after a blank continues a number (`80 191件`, `1 600多家`) only before these.
SPACED_THOUSANDS_BEFORE = "万亿千百元件家项个人名所"
# How far back from a bound a count of places or firms makes it a threshold (`有六个省市的研发投入超过了千亿元`).
COUNTED_GROUP_REACH = 30
# Provinces written as a list of at least this many (`广东、江苏、北京、浙江`) are a breakdown or a comparison
# over provinces: none of them says what the text is about.
LISTED_PROVINCES_MIN = 3
# A rank's field is named after these (`排名全省第9位`, `居全国第5`): 全省 there is no region.
RANK_FIELD_AFTER = ("第", "前", "排", "首")
# ... and so does 全省 a few characters before a standing in it (`主要指标全省均衡靠前`, `全省领先`).
RANK_STANDING_AFTER_PATTERN = r"[\u4e00-\u9fff]{0,4}?(?:靠前|前列|领先|居首|首位)"
# 全省 before the cities it ranks a city among (`全省市州排名上升2位`, `全省各设区市中`) is that field too.
CITIES_OF_THE_FIELD = ("市州", "各市州", "地市", "各地市", "设区市", "各设区市", "地级市", "各市")
# A rank followed by these is the rank of the place named after them (`排在首位的是广东省`).
RANK_NAMES_AFTER = ("的是", "的为")
RANK_VERB_CHARS = ("居", "列", "名", "在", "至")  # a place right after them is a ranking's field (`升至河北省首位`)
# A place right after these is the base of a comparison (`比全省高1.2个百分点`), not whose figure it is.
COMPARED_BEFORE = ("比", "较")
# A place between 在 and one of these is where an event was held (`在北京发布的《国家创新指数报告》`), not what
# a story is about: it casts no vote for the story's region.
# `在北京表示`: where someone spoke, too.
EVENT_AT_PLACE_VERBS = ("发布", "举行", "召开", "举办", "开幕", "闭幕", "揭晓", "启动", "表示", "指出", "介绍",
                        "宣布", "透露", "强调")
# ... also with the hall named between (`在北京人民大会堂开幕`, `在北京国家会议中心举行`)
VENUE_HALLS = ("大会堂", "会议中心", "会展中心", "礼堂", "宾馆", "饭店", "酒店", "体育馆", "展览馆", "剧院")
VENUE_HALL_NAME_MAX = 6  # characters of the hall's own name before its hall word (`雁栖湖国际`)
# A place right before these names a clock's time zone (`北京时间9月2日`), not a place the text speaks of.
TIME_ZONE_AFTER_PLACE = ("时间", "時間")
# (`江苏超过北京居第2位`: the place passed is the yardstick)
# A place's standing written between a comparison word and its name (`仅次于省会合肥`) leaves it the yardstick.
PLACE_TITLES = ("省会", "首府", "首都")
COMPARED_WORDS_BEFORE = ("高于", "低于", "多于", "少于", "快于", "慢于", "相比", "超过", "超越", "次于")  # 仅次于北京
# After an enterprise count's noun, these make it a pool of candidates (`1118家高新技术企业培育指导性企业`,
# `高企后备企业300家`), not the stock the indicator counts.
CANDIDATE_POOL_WORDS = ("培育", "后备", "储备", "种子", "苗子")
# A place right before these is a ranking's or a comparison's yardstick (`排名深圳市之后，位居…第二`).
# `与苏州并列第二`: the place a figure's owner ties with, which owns nothing of it.
TIED_WITH_BEFORE = ("与", "同", "和")
TIED_AFTER = ("并列",)
COMPARED_WORDS_AFTER = ("之后", "之外", "以外", "相比")
# A Chinese numeral right after these is no number (`数千家`, `几十个`).
NOT_NUMBER_BEFORE = ("数", "几", "余", "多")
CONJUNCTIONS = ("和", "与", "及", "等")  # after a number: a list goes on, no noun phrase follows
AFTER_RANK_OK = ("的", "和", "与", "及", "、")  # after 第N: the list of ranks goes on
# `居全国前十`, `进入前10名`, `位列前三甲`: a place among the top N of a ranking, a rank of N at most (upper
# bound). After N, these words end such a rank; before it in its clause, a count of places makes it the
# field of a count instead (`有两个城市进入前十位`: 2 is the figure), and a list the field of several
# (`电子信息、高技术服务、先进制造居前三位`: no one's rank).
TOP_N_ENDINGS = ("甲", "强")
TOP_N_COUNTED_PLACES = ("个城市", "个省", "个市", "个地区", "座城市", "城市有", "省份有", "、")
# `其中二季度单季增长7.6%`: a period right after these is a part of the period, for that figure only.
SUB_PERIOD_MARKS = ("其中", "其中，", "其中,")
# After 其中, at most this many characters before a measure's name name a part of the total (`中央`, `规上工业`).
PART_AMONG_MAX = 6
# Organisations a figure may be referred back to (`公司…`): names ending with these.
ORG_NAME_SUFFIXES = ("股份有限公司", "有限公司", "集团", "研究院", "大学")

# A figure in one unit measures an indicator counted in another of the same family only: a level of
# an indicator in yuan is money, of one in count a number (a percentage point changes a percentage).
UNIT_FAMILIES = {"yuan": "money", "usd": "money", "count": "count", "percent": "percent",
                 "percentage_point": "percent"}

# --- context words -----------------------------------------------------------------------------
# A section heading with one of these (`二、2026年主要目标和重点任务`) makes its figures targets.
# 计划 in a heading that states a figure names a programme (`每年拿出100多亿元财政资金用于省级大科学计划`, a
# short line of a report read as a heading, `国家科技计划12项`), no section of aims (but `【新的目标】今年新增
# 大数据企业1000家以上` is one).
PLAN_NOUN = "计划"
HEADING_FIGURE_PATTERN = r"[0-9][0-9.]*\s*(?:多|余)?\s*(?:[项家个件人所户名]|亿|万|%)"
SECTION_TARGET_WORDS = ("目标", "任务", "展望", "计划", "安排", "部署")
# ... but one of these after its target word says how the aims went (`二、“六提”任务扎实推进`, `目标任务完成情况`):
# a report of results (before it, `三、扎实推进重点任务`, the heading still sets aims)
SECTION_PROGRESS_WORDS = ("推进", "完成", "进展", "落实", "成效", "进度")
# A title that names a summary before its plans (`芜湖市科技局2023年工作总结和下一步工作计划`) reports on its year.
SUMMARY_TITLE_WORDS = ("总结", "回顾", "盘点", "成绩单")
# A numbered line of a few words ending in a full stop (`(二)主要目标。`, `一、总体要求。`) is a section
# heading of an official document, as one without the full stop is.
NUMBERED_HEADING_PATTERN = (r"(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
                            r"[^。，,；;]{1,16}。$")
# A year written right after one of these (`预计2021年…`, `力争到2025年…`) is one a figure aims or is
# forecast for, not the year an article reports on.
FORECAST_YEAR_WORDS = ("预计", "预期", "力争", "有望", "计划")
# A figure whose phrase opens with one of these is the country's, not the article's region.
# A story told by one of these (a State Council press conference, the statistics bureau) that names no
# place of its own and says no 全省 or 全市 is about the nation.
# A line of its own near an article's head naming a place's office that ends with one of these is the
# report's issuer (`蚌埠市科学技术局` under `2022年科技工作总结`): its place is what the report is about.
ISSUER_SUFFIXES = ("科学技术局", "科技局", "科学技术厅", "科技厅", "科学技术委员会", "科委", "统计局", "人民政府",
                   "发展和改革委员会", "工业和信息化局")
ISSUER_LINE_MAX_CHARS = 16
ISSUER_LOOKAHEAD_BLOCKS = 5  # blocks from an article's first in which its issuer's line may stand
NATIONAL_BODIES = ("国新办", "国务院新闻办", "国家统计局", "科技部", "科学技术部", "工业和信息化部", "工信部",
                   "国家知识产权局", "国家发展改革委", "国家发改委", "财政部",
                   "国务院", "全国人民代表大会", "全国人大")  # `李克强作为国务院总理…作政府工作报告`
# Areas spanning several provinces, as written -> the name a figure of theirs carries: a figure whose clause names
# one before it is the area's own (region named, no code: the gazetteer holds provinces and cities), never one
# province's nor the nation's (`长三角R&D经费投入达9386亿元` in a story that names 浙江), as annotators read them.
MULTI_PROVINCE_AREAS = {
    "长江三角洲": "长江三角洲区域", "长三角": "长江三角洲区域", "京津冀": "京津冀地区", "粤港澳大湾区": "粤港澳大湾区",
    "成渝地区双城经济圈": "成渝地区双城经济圈", "长江经济带": "长江经济带", "珠三角": "珠江三角洲地区",
    "中部六省": "中部地区", "中部地区": "中部地区", "东部地区": "东部地区", "西部地区": "西部地区",
    "东北地区": "东北地区",
}
# The provinces of an area: a list of all of them counted as a group (`湖北、湖南、江西、安徽、河南、山西六省`) in a
# story about the area is the area.
AREA_PROVINCES = {
    "中部地区": ("山西省", "安徽省", "江西省", "河南省", "湖北省", "湖南省"),
    "长江三角洲区域": ("上海市", "江苏省", "浙江省", "安徽省"),
    "京津冀地区": ("北京市", "天津市", "河北省"),
    "东北地区": ("辽宁省", "吉林省", "黑龙江省"),
}
# ... and a story naming one at least this often, and more often than its own region, is the area's (the figures
# it gives no place)
AREA_STORY_MIN = 2
# National news outlets: a story one of them printed that names no place of its own is the nation's.
NATIONAL_OUTLETS = ("新华社", "新华网", "人民日报", "人民网", "央视", "中央广播电视总台", "科技日报", "光明日报",
                    "经济日报", "中国新闻网", "中新社")
# ... but a body cited as a document's source (`根据国家统计局发布的《2020年全国科技经费投入统计公报》，2020年四川…`)
# tells no story: words before it in its clause that cite it (`据` not closing a word: 数据, 证据, 占据).
CITING_WORDS = ("根据", "依据", "据")
CITING_REACH = 40  # characters before the body within which its clause's citing word stands
# ... nor one whose list or approval a place's story reports (`入选国家发改委第一批…集群`, `获科技部批复`)
NATIONAL_BODY_AS_OBJECT_BEFORE = ("入选", "获", "获批", "经", "列入", "纳入", "被", "向", "通过")
NOT_CITING_BEFORE_JU = "数证占盘割"
# A place named a few characters before one of these (no punctuation between) is a gambling advert's
# (`香港特马`, `澳门最快最精准资料大全`) a spam reprint slipped into the story, never a place it speaks of.
GAMBLING_SPAM_WORDS = ("特马", "码报", "六合", "资料", "博彩", "彩票", "开奖", "葡京", "赌")
GAMBLING_SPAM_REACH = 6  # characters between the place and the advert's word
NATIONAL_WORDS = ("全国", "我国", "中国", "寰宇")  # 寰宇: 全国 in a spun rewrite
# In a title, these make a text about the nation when it names no place (`中华人民共和国2016年…统计公报`).
NATION_NAMES = ("中华人民共和国", "全国", "我国", "中国")
# ... but never a title in a region's own voice (`去年我省研发投入强度居全国第七`: 全国 is the field ranked over).
FIRST_PERSON_REGION_WORDS = ("我省", "我市", "我区", "我州")
# Opening a clause, these make the nation the subject of what follows (a story about the nation).
NATIONAL_SUBJECT_WORDS = ("全国", "我国", "中国")
# ... of which this one, like 全省, can name a ranking's field (`，全国排名第八`); `中国排名第14位` is the nation's.
NATION_WIDE = "全国"
# ... except organisations named after the country (`中国工程院院士6人` are the region's).
NATIONAL_NOT_NATION = ("全国性", "中国科学院", "中国工程院", "中国科协", "中国科学技术", "中国社会科学院",
                       "中国农业科学院", "中国医学科学院", "中国移动", "中国电信", "中国联通", "中国银行",
                       "中国建设银行", "中国工商银行", "中国农业银行", "中国商飞", "中国中车", "中国电子",
                       "中国航天", "中国航发", "中国石油", "中国石化", "中国铁建", "中国中铁",
                       # awards named after the nation: `获中国专利奖75项` is the city's count
                       "中国专利奖", "中国专利金奖", "中国质量奖", "中国工业大奖", "中国青年科技奖",
                       # the national office that certifies a province's high-tech enterprises
                       "全国高新技术企业认定管理", "全国高企认定管理")
# `其余四市占比分别为4.68%、2.32%…`: before a count of places, these name the places of the paragraph's last
# list not named since (`集中在成都、绵阳、德阳、宜宾、达州。其中成都市…；其余四市…`).
REMAINING_WORDS = ("其余", "其他", "另外")
# `以泉州市为例，该市…`: these stand for the last place of their level named before them.
PLACE_ANAPHORS = {"该市": "prefecture", "该省": "province"}
# A place named as an example (`以北京中关村和上海张江为例`, in one clause) says nothing of what a story is about.
EXAMPLE_OPENER = "以"
EXAMPLE_CLOSER = "为例"
EXAMPLE_REACH = 16  # characters between 以 and the place, and between the place and 为例, at most
PROVINCE_WIDE = ("全省", "我省", "本省", "省内")
CITY_WIDE = ("全市", "我市", "本市", "市内", "全州", "全盟")  # 全州: an autonomous prefecture
# A story in a city's first person (this word, at least FIRST_PERSON_CITY_MIN times) from a city's newsroom
# (`本文转自:马鞍山日报`) is that city's, whatever other cities it names more (`前三位为合肥、芜湖、滁州`).
FIRST_PERSON_CITY = "我市"
FIRST_PERSON_CITY_MIN = 2
# 全省 right after these is the whole a figure is measured against (`占全省比重`, `对全区研发经费增长的
# 贡献率达到48.9%`), not whose figure it is.
WIDE_WHOLE_BEFORE = ("占", "对")
# A place named right after these is the whole a share is of (`2家企业入选…，占潍坊2/5；1人入选市级人才项目`): it
# owns neither that share nor any figure after it.
WHOLE_BEFORE_PLACE = ("占",)
# ... and 全省 right before these (`在全省的占比上升到63%`, `全省占比49.3%`)
WIDE_WHOLE_AFTER = ("占", "的占", "的比重", "的份额")
# 全省 after these, or before these, is the field of a ranking or the yardstick of a comparison
# (`在全省13个市中排名第二`, `远超全省及全国平均水平`), not what a story is about.
WIDE_YARDSTICK_BEFORE = ("占", "居", "列", "在", "超", "于", "比", "较", "跑", "先",  # 领跑全省, 领先全省
                         "是")  # `成都是全省的“领头羊”，…达到13146家`
WIDE_YARDSTICK_AFTER = ("平均", "及全国", "和全国", "同期")
# 全省 right before these is the field a place was first in (`在全省率先组建了28家市级创新联合体`), in the
# figure's own segment too: the figure is the place's.
WIDE_FIRST_AFTER = ("率先", "首创", "首家", "首个", "首批", "第一个", "第一家", "第一批", "唯一")
# (with up to this many characters of the part of the field between: `建成全省民族地区唯一一家省级高新区`)
WIDE_FIRST_GAP_MAX = 6
# Of those, the ones that say "we" (我省, 本市) name whose figure it is even in a rank's own segment
# (`我省区域创新能力排名全国第10位`), where 全省 is the field ranked over (`居全省第一`).
OWNER_WIDE_FIRST_CHARS = ("我", "本")
# `全区` is an autonomous region's own word (广西, 西藏 ...); elsewhere it names a district.
AUTONOMOUS_REGION_WIDE = ("全区", "全自治区")
AUTONOMOUS_REGION_SUFFIX = "自治区"
# `在湘` -> 湖南: prepositions that turn a province abbreviation into a place.
ABBREVIATION_PREPOSITIONS = "在来入赴驻留返援"
# Abbreviations that are common words as well (`在新材料领域`, `在青年人才中`, `来台`): never read as places.
AMBIGUOUS_ABBREVIATIONS = ("新", "青", "宁", "甘", "吉", "黑", "桂", "藏", "蒙", "台", "港", "澳")
# An abbreviation followed by one of these is part of a name (湘江, 湘潭, 湘雅, 川渝 ...), or the place of an
# event (`在京举行`, `在湘召开`, `在京发布`, `在京颁奖`, `在京揭晓`, `在京签约`), not what the figures are about.
ABBREVIATION_BLOCKERS = "江河湖海山潭西南北东中雅渝港澳举召开闭发颁揭签"
# Short names that are also common words or names: only their full name counts.
AMBIGUOUS_SHORT_NAMES = frozenset((  # 朝阳产业, 大同小异, 日照时数, 白银, 三明治, 大理石 ...
    "朝阳", "大同", "大庆", "日照", "白银", "阿里", "来宾", "安康", "中山", "黄山", "白山", "兴安",
    "山南", "文山", "红河", "大理", "玉树", "普洱", "和田", "海西", "三明", "北海",
    "怒江",
))
# A place name read across two words: `330kV及以上海上风电` (以上 + 海上), not `以上海为例`.
ACROSS_WORDS_PLACE_PATTERN = r"(?<=以)上海(?=[上域洋外关水岸运底港拔])"
# (海南 and 吉林 are also a prefecture's short name; alone they are the province, which comes first in
# the seed: 吉林市 and 海南州 are written in full)
# A province's name before one of these grades a kind of platform or title (`云南省重点实验室24家` in a
# story about 昆明: the city's labs of provincial rank; `新增广西工业龙头企业4家` in one about 南宁), with at
# most two words of its kind between them (PLATFORM_GRADE_KINDS: `工业`, `制造业`, `工业企业`; not a verb:
# `海南省已有国家重点实验室3家` is the province's); it does not say whose figure it is.
PLATFORM_GRADES = ("重点实验室", "技术创新中心", "工程技术研究中心", "工程研究中心", "新型研发机构", "院士专家工作站",
                   "院士工作站", "企业技术中心", "创新平台", "专精特新", "科技型中小企业", "实验室", "瞪羚", "小巨人",
                   "独角兽", "众创空间", "科技企业孵化器", "星创天地", "产业技术研究院", "中试基地", "龙头企业",
                   "质量管理标杆", "单项冠军", "领军企业", "示范企业", "隐形冠军",
                   # (an award: `获得江西省科学技术奖3项`)
                   "科学技术奖", "科学技术进步奖", "科技进步奖", "自然科学奖", "技术发明奖")
PLATFORM_GRADE_KINDS = ("工业", "制造业", "企业", "科技", "创新", "农业", "服务业", "中小企业")
# ... and these, a named institution's kind, after a field's name (`江苏省合成生物技术创新中心`): the province
# grades the institution, whatever its field (a few characters, no verb: not `江苏省新建重点实验室`)
NAMED_PLATFORM_GRADES = ("技术创新中心", "重点实验室", "工程技术研究中心", "工程研究中心", "产业技术研究院",
                         "产业创新中心", "制造业创新中心")
NAMED_PLATFORM_FIELD_MAX = 6
# A place name directly followed by one of these names a park (`遵义高新区`): it owns the figures of its own
# segment (the park's, with the park as subject), not those of a later one (`…；新增3个省级高新区`).
PARK_AFTER_PLACE = ("高新区", "经开区", "开发区", "高新技术产业开发区", "经济技术开发区")
# A story whose title names a city's park (`无锡高新区进入全国20强`) is the park's: the figures it gives no
# place, or gives one of these (`全区`: the park's area), are the park's (its subject), as every annotator
# read them; those of 全市, 全省 or a place named stay the region's.
PARK_AREA_WORDS = ("全区", "本区", "园区", "该区", "全园")
# A story whose title opens with a county or a county-level city the gazetteer lacks (`宜都：市县科技创新综合
# 考评再获优秀`, `武穴市高新技术产业增加值…`; the text writes it with one of these suffixes) is that county's:
# the figures it gives no place, or these words (its own area), are the county's (its subject), never its
# province's or its city's totals.
# A city's district (`襄州：抓住创新的金钥匙`, the text writing 襄州区) is read the same way; its figures are the
# county's own region's (named as written, no code: the gazetteer holds no county).
# Each suffix's area words: a district's story says 全市 of its city, not of itself.
COUNTY_AREA_WORDS = {"县": ("全县", "我县", "本县", "该县"), "市": ("全市", "我市", "本市", "该市"),
                     "区": ("全区", "我区", "本区", "该区"),
                     "旗": ("全旗", "我旗", "本旗", "该旗")}
COUNTY_SUFFIXES = ("县", "市", "区")  # (a banner, 旗, only when the gazetteer knows it)
# ... never a suffix opening a word (`打造区域科创中心` names no county 打造区; nor `…市场`, `…县域`)
COUNTY_SUFFIX_NOT_BEFORE = "域场民级块委长"
# ... nor a zone's name (`四川高新区`, `厦门自创片区`, `创新型县`): a county's name never ends with these
ZONE_NAME_ENDINGS = ("高新", "片", "开发", "经开", "园", "自贸", "保税", "综保", "示范", "型")
# A story that names a county the gazetteer lacks, with its suffix, at least this often and more often than its own
# region is the county's (when its title does not say so: `嘉禾县推出了…`, `…名单出炉 天心区25家企业上榜`) ...
COUNTY_STORY_MIN = 3
# ... never these words, which end in a county's suffix but name none (`社区`, `辖区`, `自治区`, `上市`; not 城区
# nor 山区, which real counties' names end with: 鄂城区, 萧山区)
NOT_COUNTY_ENDINGS = ("社区", "地区", "辖区", "景区", "园区", "市区", "县区", "街区", "矿区", "牧区", "老区", "新区",
                      "小区", "校区", "厂区", "自治区", "自创区", "上市", "城市", "超市", "都市", "股市", "集市",
                      "门市", "夜市", "楼市", "车市", "省市", "各市", "本市", "全市", "该市", "我市")
# Counties the gazetteer knows (the counties seed, GB/T 2260): a story names one in full (`邵东市`), or, once it has,
# by its name without its suffix (`漳浦` after `漳浦县`), when no other county and no known place has that name.
# Full names this short are common words (`城区`, `郊区`, `新县`): never read as a county's.
COUNTY_NAME_MIN_CHARS = 3
COUNTY_SHORT_SUFFIXES = tuple(COUNTY_AREA_WORDS)  # (every county's suffix: 县, 市, 区, 旗)
COUNTY_NO_SHORT_ENDINGS = ("自治县", "自治旗", "新区")  # (`本溪满族自治县` is not `本溪满族自治`)
# A story that names a known county at least this often, more often than its own region and more often than
# any other county, or whose title names it and no other, is the county's (`2020年邵东市完成高新产值630亿元`).
KNOWN_COUNTY_STORY_MIN = 2
# ... and one it never writes in full but names by its short name at least this often, its city or province being
# among the places the story names (`南通海门:…作为江海门户的海门…海门高新技术企业总量达395家`).
COUNTY_SHORT_STORY_MIN = 3
# A title opening with a county's bare name (`浏阳新增31家…`) is the county's when the text writes the name with
# its suffix under its parent place (`湖南省浏阳市`) or as one of these offices' (`浏阳市科技局`).
COUNTY_OFFICE_WORDS = ("科技局", "科学技术局", "人民政府", "统计局", "工信局", "发改局")
# A place name directly followed by one of these names an organisation (湖南大学).
ORG_AFTER_PLACE = ("大学", "学院", "师范", "理工", "医院", "银行", "日报", "晚报", "电视台",
                   "卫视", "路", "大道", "街",
                   "新闻网", "新闻社", "商报", "都市报", "广播电视台")  # outlets: `香港新闻网11月21日电`
# ... and so does 国家 when a park's name follows it (`昌吉国家农业科技园区`; not `山东国家创新型产业集群试点总数`)
ORG_NATIONAL_PARK_PATTERN = r"国家[\u4e00-\u9fff]{0,8}?(?:园区|高新区|示范区|开发区|基地)"
# Subjects: an organisation or programme at the start of a clause ends with one of these.
SUBJECT_SUFFIXES = (
    "实验室", "研究院", "研究所", "研究中心", "创新中心", "工程中心", "医学中心", "中心", "医院",
    "大学", "学院", "有限公司", "公司", "集团", "攻关项目", "项目", "工程", "计划", "科学城",
    "园区", "产业园", "高新区", "新区", "开发区", "基地", "资源库", "体系", "银行", "联盟",
    "小镇", "科创谷", "创新谷", "博览会", "交易会", "大会", "论坛",
)
# A segment opening with one of these is about an organisation named before (`公司去年研发投入12.6亿元`).
ANAPHORS = ("该公司", "公司", "该集团", "集团", "该企业", "该校", "学校", "该院", "该所", "该中心", "该实验室",
            "该医院")
# Words before 区/县/旗 that do not name a district (`全区`, `城区`, `园区`, `示范区`, `自治区` ...).
SUB_REGION_NOT = ("全", "城", "园", "景", "辖", "地", "山", "社", "片", "市", "新", "各", "本", "该", "我",
                  "示范", "试验", "功能", "产业", "保税", "自贸", "核心", "主城", "中心城", "老城", "自治", "高新",
                  "开发", "先行", "集聚", "特", "郊", "矿", "县", "城市", "老区", "农村", "贫困", "民族", "重点")
# Generic words that cannot start a subject (they describe the region itself).
SUBJECT_BLOCKERS = ("企业", "高校", "全省", "全市", "各类", "各级", "省级", "市级", "国家级",
                    "重点", "新型", "出台", "实施", "建设", "推动", "开展", "加快", "积极", "备案",
                    "通过", "围绕", "聚焦", "依托", "其中", "目前", "同时", "作为", "成功", "获批",
                    "累计", "新增", "共", "已", "亿", "万", "千", "百", "签约", "在建", "新建",
                    "新开工", "续建", "重大", "重点",
                    "建成", "拥有", "形成", "培育", "打造", "引进", "获得")  # (`凉山建成…省级高新区，…30余个`: a verb)
# ... nor hold one of these verbs anywhere (`近两年全市累计获批省级企校联合创新中心4家`, `争取建成省级重点企业研究院
# 1家`: what is counted, after the time and the verb, not an organisation named)
SUBJECT_INNER_VERBS = ("获批", "新增", "累计", "建成", "拥有", "培育", "引进", "获得", "认定", "争取", "组建", "创建",
                       "加快")
# Region/time prefixes stripped from the start of a noun phrase.
PHRASE_PREFIXES = ("年均", "全国", "全球", "世界", "截至", "截止", "其中", "目前", "同时", "此外", "累计",
                   "全年", "当年", "全社会", "全省", "全市", "我省", "我市", "本省", "本市", "全区", "全州", "全盟",
                   "全自治区", "共", "已",
                   "仅", "就", "还", "将", "计划", "拟",
                   "年度", "年底", "年末", "上半年", "下半年", "一季度", "前三季度")
# Verbs stripped from both ends of a noun phrase (`累计突破关键核心技术` -> 关键核心技术).
PHRASE_VERBS = ("同比增长", "同比下降", "增长", "下降", "增加", "减少", "提升至", "提高至", "提升",
                "提高", "达到", "突破", "超过", "实现", "完成", "累计", "获得", "获批", "发放",
                "兑现", "拥有", "跃居", "稳居", "位居", "位列", "排名", "增至", "升至", "回落",
                "引进", "柔性引进", "新引进", "首次", "分别", "力争", "实施", "取得", "成功研发",
                "产出", "吸引", "汇聚了", "汇聚", "集聚", "启动实施", "签约", "建立", "培训", "承办",
                "培养", "主编或副主编", "主编", "深入", "开展", "转化孵化", "备案", "新建及重组",
                "当选", "降至", "降到", "降低至", "下降至", "回落至", "增长至", "提升到", "提高到",
                "增加到", "增加至", "增长到", "上升到", "上升至", "扩大到", "扩大至", "减少到", "减少至",
                "下降到", "降低到", "净增", "净增加", "净减少",
                "增加到了", "增长到了", "提高到了", "提升到了", "上升到了", "达到了",  # (`从…增加到了2018年的…`)
                "共", "已", "就", "还", "再", "达", "为", "获")
# Words stripped only from the end (as a start they begin nouns: 上市公司, 有效发明专利, 居民).
PHRASE_END_WORDS = ("比上年同期", "较上年同期", "比上年末", "较上年末", "比上年", "较上年", "比去年", "较去年", "同比",
                    "年均增长", "占比", "入库数量", "数量", "研发", "启动", "落地", "超", "逾", "近",
                    "约", "是", "有", "居", "列", "占", "了", "在", "中", "上", "稳", "跃")
# `与X之比`: X is a ratio's denominator (`R&D经费...，与地区生产总值之比为2.1%`), not the indicator;
# the figure is the previous figure's indicator over X (an alias such as 研发经费投入与地区生产总值之比).
RATIO_OPENER = "与"
RATIO_CLOSER = "之比"
# Phrase that only says "the total of the above": inherit the previous figure's indicator.
GENERIC_PHRASES = ("总数", "总量", "数量", "规模", "总额", "总计", "合计", "总规模", "人数")
# A noun phrase written after the number ends at one of these verbs (`9044家科技型企业获...`).
FOLLOWING_PHRASE_STOPS = ("获得", "获", "发放", "启动", "相继", "落成", "签约", "落地", "投入",
                          "聚力", "推进", "实现", "完成", "参与", "进入", "入驻", "建立", "开展",
                          "在此", "在", "已", "正", "将", "成功", "当选", "与", "和", "及", "等",
                          "领跑", "为", "是", "兑现", "享受", "得到", "通过", "申报", "参加",
                          "提供", "带动", "吸纳", "覆盖", "建成", "入选", "获评", "筑起", "矗立",
                          "撒向", "进入", "正在", "此")
# After a count in 个, these describe how something is measured or organised (`由5个一级指标组成`,
# `设置了5个方面、30个评价指标`), not a statistic.
STRUCTURE_NOUNS = ("一级指标", "二级指标", "三级指标", "评价指标", "监测指标", "主要经济指标", "指标", "方面", "维度")
# Words after a number that name no noun (`突破千亿元大关`): the indicator is the phrase before it.
NOT_NOUNS_AFTER = ("大关", "关口", "新台阶", "台阶", "量级", "规模")
# A change in points after one of these in its segment is below the base (`低于全国平均水平0.5个百分点`).
BELOW_WORDS = ("低于", "慢于", "少于", "落后于", "落后")
# Written right before an indicator's name, these make the figure a part of its total: a sector
# (`各类企业R&D经费`, `高技术制造业R&D经费`) or a direction (`吸纳技术合同成交额`).
PART_OF_TOTAL_ENDINGS = ("企业", "行业", "产业", "制造业", "工业", "服务业", "高校", "院所", "机构", "单位",
                         "主体", "部门", "吸纳", "输出", "输入", "流向", "流入", "流出")
# An indented table row labelled with one of these restates the row above it (`　同比\t增长28.3%`).
TABLE_SAME_MEASURE = ("", "同比", "比上年", "比上年同期", "增长", "增速", "增幅")
# Noun prefixes that make a figure a flow (new items), unlike the stock an alias names.
FLOW_PREFIXES = ("新增", "新建", "新认定", "新培育", "新孵化", "新设", "新登记", "新引进", "新当选",
                 "新获批", "首批")
# Verbs after a counted noun that make the count an event of the year, not a stock
# (`19家中试基地相继落成`, `首批10家概念验证中心启动筹建`): no indicator code, like a flow.
FLOW_EVENT_VERBS = ("相继落成", "落成", "启动筹建", "启动建设", "开工", "揭牌", "挂牌", "签约", "投用",
                    "投入使用", "落地", "获批建设", "上市")  # (`69家高新技术企业在A股上市`: the listed ones)
# These distribute the values after them over the list before them, one each (`A、B分别增长10%、22.9%`,
# `无锡、常州分列第13、16位`).
RESPECTIVELY_WORDS = ("分别", "分列", "分居")
# A list written before `分别` shares its last item's suffix (`电子信息、先进能源材料产业`).
LIST_SUFFIXES = ("产业", "行业", "企业", "领域", "板块", "集群", "园区", "地区", "城市", "实验室",
                 "项目", "经费")  # `基础研究、应用研究和试验发展经费分别为…`

# A paragraph opening with one of these and a figure (`●68.16% 比上年提高5.51个百分点`) measures what the
# short heading line right above it names (`科技创新环境指数`).
BULLET_MARKS = "●■◆▲•◎★☆"
MEASURE_HEADING_MAX_CHARS = 20
# --- tables flattened one cell per line (tables.py) ----------------------------------------------
# The header cell over the row labels (`地  区`, written with or without spaces).
TABLE_LABEL_HEADERS = ("地区", "区域", "行业", "城市", "地市", "设区市", "指标", "类别", "项目", "部门", "产业", "分组",
                       "执行部门", "活动类型", "名称", "各市", "各地", "各地区", "各省", "省份", "市州", "盟市",
                       "各盟市", "名单")
# --- layout -------------------------------------------------------------------------------------------
# A line opening with one of these is a government portal's metadata row, never a title.
# A line opening with one of these is a page's breadcrumb (`当前位置:首页 > 新闻资讯 > 上半年湖北省…`): its last
# step is the article's title when it is long enough to be one, not a section (`新闻资讯`).
BREADCRUMB_OPENERS = ("当前位置", "您当前的位置", "您的位置", "您现在的位置", "当前的位置")
BREADCRUMB_TITLE_MIN_CHARS = 9
# Portals often space a label's letters out (`索 引 号:`, `名 称:`): a line is read without its blanks.
PAGE_METADATA_LABELS = ("索引号", "发文日期", "成文日期", "发布日期", "发布机构", "公开方式", "主题分类", "文号",
                        "发文机关", "信息来源", "来源:", "来源：", "组配分类", "责任部门", "公文生成日期", "生成日期",
                        "体裁分类", "公开范围", "名称:", "名称：", "备注")
# (`来源:互联网` under a date line; `名称:` repeats the title the page prints under its metadata)
# A header cell before the label header over a column of row numbers (`序号 | 各市 | …`, rows `1 | 杭州 | …`).
# ... and the ones that make that number the row's rank (`排序 城市 创新能力效用值` over `1 广东 59.49`).
TABLE_RANK_HEADERS = ("排序", "排名", "名次", "位次", "排行")
# A ranking table laid out in pairs of columns (`排名 | 名单 | 排名 | 名单`) takes the edition year the paragraph
# right above it names next to one of these (`在全国科技创新百强区2023名单中`), the name running to this many
# characters after the year; else the story's period.
TABLE_EDITION_NOUNS = ("名单", "榜单", "排行榜", "榜")
TABLE_EDITION_NAME_MAX = 16
TABLE_SERIAL_HEADERS = ("序号", *TABLE_RANK_HEADERS)
# A unit in a column header's brackets (`R&D经费(亿元)`): the unit its values take and their multiplier.
TABLE_UNITS = {"亿元": ("yuan", 1e8), "万元": ("yuan", 1e4), "元": ("yuan", 1.0), "%": ("percent", 1.0),
               "％": ("percent", 1.0), "个": ("count", 1.0), "家": ("count", 1.0), "项": ("count", 1.0),
               "人": ("count", 1.0), "件": ("count", 1.0), "万人": ("count", 1e4), "件/万人": ("count", 1.0),
               "人年": ("count", 1.0), "件数": ("count", 1.0)}  # (full-time equivalents: `折合全时当量(人年)`)
TABLE_GROWTH_WORDS = ("增长", "增速", "增幅", "同比")  # a column of growth rates (`比上年增长(%)`, `同比变化(%)`)
# A header cell of a table of measures holding one of these heads a column of changes (`同比±%`, `1-5月增速(%)`).
TABLE_CHANGE_HEADER_WORDS = ("同比", "增速", "增长", "±")
# A table whose rows are industries covers the enterprises of those industries (a bulletin's `分行业规模以上工业企业
# R&D经费情况`): its total row is that part of the region (this subject), never the region's own total.
TABLE_INDUSTRY_HEADERS = ("行业", "产业", "行业大类")
TABLE_INDUSTRY_WHOLE = "各行业合计"
TABLE_TOTAL_LABELS = ("合计", "总计", "全部", "总量")  # a row of the whole the table is about
# A yearbook's table of places by year states its unit on a line of its own above the header (`单位:件`).
TABLE_UNIT_LINE_WORD = "单位"
# Header cells that only group the columns after them: patent statistics split grants by applicant, 职务
# over 大专院校 … 职务总计, 非职务 over 个人 (a table one cell per line loses where the groups' row ended).
TABLE_GROUP_HEADERS = ("职务", "非职务")
# A column named with one of these counts the year so far (`当年授权量` in an August table: 2023M01-M08).
TABLE_TO_DATE_WORDS = ("当年", "本年", "累计")

# --- layout ------------------------------------------------------------------------------------
# Common surnames: a short line of space-separated names starting with these is a byline.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时"
    "穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮"
    "粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬"
    "来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎"
    "勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                     "宇文", "司徒", "令狐", "夏侯", "端木")
BYLINE_ROLES = ("记者", "通讯员", "特约撰稿人", "撰稿", "编辑", "责编", "文/", "文／", "图/", "本报")
# The label of a page's date line (`发布时间：`, `更新日期:`, `时间:`), for every shape of date after it.
DATE_LINE_LABEL_PATTERN = r"(?:发布|更新|发稿)?(?:时间|日期)\s*[：:]\s*"
# A paragraph opening with a dateline starts an article's text (`本报讯（记者 王明）`, `新华社长沙3月
# 2日电`, `（2025年3月2日）`): with a title above it, it starts a new article even without a byline.
DATELINE_PATTERN = (r"(?:本报[\u4e00-\u9fff]{0,6}讯|新华社[\u4e00-\u9fff0-9 ]{0,12}电"
                    r"|[（(] ?[12]\d{3} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日 ?[)）])")
# Where a story was filed (`新华社北京3月5日电`, `本报北京讯`, `中新网成都1月9日电`): the place in it is
# the newsroom's, never the region of a figure (CONVENTIONS.md, "The nation").
FILING_LINE_PATTERN = (r"(?=[\u4e00-\u9fff])"
                       r"(?:(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|光明网|经济日报|科技日报|本报)"
                       # (`中新网 北京11月21日电`: a blank after the outlet)
                       r"\s?[\u4e00-\u9fff]{2,8}?\s?(?:[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日)?\s?(?:电|讯)"
                       # any outlet with a day, and a place if it names one: `光明日报北京3月5日电`,
                       # `中国甘肃网12月13日讯`
                       r"|[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报|报|网|社)\s?[\u4e00-\u9fff]{0,6}?\s?[0-9]{1,2}\s?月\s?"
                       r"[0-9]{1,2}\s?日\s?(?:电|讯)"
                       # a reprint that dropped the outlet: a line opening with the place (`杭州11月4日电(蓝伊旎)`)
                       r"|(?<![^\n])[\u4e00-\u9fff]{2,6}?\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日\s?电)")
# A place right before one of these names the paper or station that printed a story (湖南日报).
NEWSROOM_SUFFIXES = ("日报", "晚报", "都市报", "广播电视台", "电视台", "新闻网")
CAPTION_MARKS = ("↑", "↓", "←", "→", "▲", "△", "图为", "图片来源", "（图片", "(图片", "(本文图片",
                 "（本文图片", "资料图片", "摄影")
