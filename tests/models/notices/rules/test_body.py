"""Rule tables for the body of a notice: period, deadlines, recurring reports."""
# ruff: noqa: E501 - tables of real phrasings read best one case per line

from __future__ import annotations

import pytest

from models.notices.parser import parse_notice, recurring_from_label, recurring_label

HEAD = "某安办〔2021〕9号\n关于开展活动的通知\n各乡镇、各部门：\n"

PERIODS = [
    ("活动将于6月1日至6月30日在全区范围内统一开展。", "2021-06-01", "2021-06-30"),
    ("2021 年“安全生产月”活动将于 6 月 1 日至 6 月 30 日在全区范围内统一开展", "2021-06-01", "2021-06-30"),
    ("三、活动时间\n6月1日—6月30日", "2021-06-01", "2021-06-30"),
    ("活动时间为2021年6月1日至2021年6月30日。", "2021-06-01", "2021-06-30"),
    ("活动时间：6月1日至30日。", "2021-06-01", "2021-06-30"),
    ("活动时间为６月１日至６月３０日。", "2021-06-01", "2021-06-30"),
    ("活动时间：2021年6月1日-6月30日", "2021-06-01", "2021-06-30"),
    ("活动时间：6月1日~6月30日", "2021-06-01", "2021-06-30"),
    ("活动时间：6月1日～30日", "2021-06-01", "2021-06-30"),
    ("活动于6月1日到6月30日开展", "2021-06-01", "2021-06-30"),
    ("本次活动时间为5月25日至6月25日。", "2021-05-25", "2021-06-25"),
    ("集中宣传活动于6月10日至6月20日举行", "2021-06-10", "2021-06-20"),
    ("四、活动时间\n2021年6月1日至6月30日", "2021-06-01", "2021-06-30"),
    ("（一）时间安排\n6月1日至6月30日", "2021-06-01", "2021-06-30"),
    ("活动期间（6月1日至6月30日），各单位要加强值守。", "2021-06-01", "2021-06-30"),
    ("活动时间：2021年6月1日—2021年6月30日。", "2021-06-01", "2021-06-30"),
    ("活动为期一个月（6月1日至30日）。", "2021-06-01", "2021-06-30"),
    ("活动时间为6月1日－6月30日。", "2021-06-01", "2021-06-30"),
    ("活动时间为 6 月 1 日 至 6 月 30 日。", "2021-06-01", "2021-06-30"),
    ("活动持续至12月，其中集中活动时间为6月1日至6月30日。", "2021-06-01", "2021-06-30"),
    ("于6月1日至6月30日在全县统一开展安全生产月活动。", "2021-06-01", "2021-06-30"),
    ("活动时间：6月1号至6月30号", "2021-06-01", "2021-06-30"),
    ("专项行动自7月1日至12月31日开展。", "2021-07-01", "2021-12-31"),
    ("活动时间\n5月31日至6月30日", "2021-05-31", "2021-06-30"),
    ("活动时间为2021.6.1至2021.6.30", None, None),
    ("活动时间为6月1日至5月1日", None, None),
    ("于5月21日将联络员名单报区安委办。", None, None),
    ("6月16日当天开展咨询日活动。", None, None),
    ("“安全生产月”活动于6月1日启动，6月30日结束。", None, None),
    ("活动时间：6月1日至6月30日；咨询日：6月16日。", "2021-06-01", "2021-06-30"),
    ("活动将于6月1日至6月30日在全市范围内统一开展。安全生产万里行12月结束。", "2021-06-01", "2021-06-30"),
    ("二、活动时间\n\n2021年6月1日至6月30日。", "2021-06-01", "2021-06-30"),
    ("活动时间：6月1日至6月30日（共30天）。", "2021-06-01", "2021-06-30"),
    ("活动时间为6月1日-30日", "2021-06-01", "2021-06-30"),
    ("全县于6月1日至6月30日集中开展活动", "2021-06-01", "2021-06-30"),
    ("请于6月1日至6月5日期间报送方案。", None, None),  # a reporting window, not the campaign
    ("活动开展时间：6月1日至6月30日", "2021-06-01", "2021-06-30"),
    ("（三）活动时间\n6月1日至6月30日", "2021-06-01", "2021-06-30"),
    ("活动时间为6月1日至7月15日。", "2021-06-01", "2021-07-15"),
    ("活动时间为6月1日至6月30日，分三个阶段。", "2021-06-01", "2021-06-30"),
    ("活动时间 6月1日至6月30日", "2021-06-01", "2021-06-30"),
    # an office's or a decision's range, what is done in it said later in the sentence; 起至 between the days
    (
        "市建委于2020年12月21日起至2021年1月5日，分三个层级，在全市组织开展了建筑安全大排查。",
        "2020-12-21",
        "2021-01-05",
    ),
    ("经研究，决定于2021年2月28日至2021年3月1日，对全区各学校校舍开展消防安全普查。", "2021-02-28", "2021-03-01"),
    # the only span the notice names, opening a sentence
    ("10月9日至10月31日，区安委办将通过电话、信件受理群众反映的问题线索。", "2021-10-09", "2021-10-31"),
    ("6月1日至6月10日，各单位自查。6月11日至6月30日，区里抽查。", None, None),  # two spans: phases, not one
    ("10月1日至7日，放假调休，共7天。", None, None),
    ("5月20日至5月21日，区安委办将举办安全生产培训班。", None, None),  # a meeting's days, not a campaign
    ("国务院安委办定于2021年8月份对各地区安全生产大检查开展情况进行督导。", "2021-08-01", "2021-08-31"),  # a month
    ("定于6月份召开全区安全生产工作会议。", None, None),
    # 即日起: from the date of issue (signed below), to a printed day, a month's or the year's end
    (
        "一、从即日起至9月底，各县区要结合专项行动，督促企业自查。\n某县安委办\n2021年5月17日",
        "2021-05-17",
        "2021-09-30",
    ),
    ("自即日起至2021年底，在全县开展打非治违专项行动。\n某县安委办\n2021年5月17日", "2021-05-17", "2021-12-31"),
    ("从即日起至3月31日，开展冬春火灾防控专项整治。\n某县安委办\n2021年11月17日", "2021-11-17", "2022-03-31"),
    ("从即日起至9月底，开展专项整治。", None, None),  # no date of issue: no start
    ("本次专项整治行动从即日起至全国两会结束。\n某县安委办\n2021年5月17日", None, None),  # no day printed
    ("自即日起至6月10日，请各单位报送名单。\n某县安委办\n2021年5月17日", None, None),  # a reporting window
    ("从即日起至5月10日，开展专项整治。\n某县安委办\n2021年5月17日", None, None),  # ends before it starts
]


def test_a_range_takes_the_one_year_the_body_writes_when_the_notice_has_none():
    parsed = parse_notice(
        "各单位：\n按照2025年度考核巡查工作安排，巡查组将进驻各地。\n10月9日至10月31日，某办将通过电话受理群众反映的线索。"
    )
    assert (parsed["period_start"], parsed["period_end"]) == ("2025-10-09", "2025-10-31")
    assert parsed["unsure"]["period_start"] == "活动时间由正文推断（正文唯一的时间段），请核对"


@pytest.mark.parametrize(("text", "start", "end"), PERIODS)
def test_period(text, start, end):
    parsed = parse_notice(HEAD + text)
    assert (parsed["period_start"], parsed["period_end"]) == (start, end)


DEADLINES = [
    ("于 5 月 21 日将联络员名单报区安委办。", [("2021-05-21", "联络员名单")]),
    (
        "于5月21日将联络员名单，5月28日将活动方案，7月3日将活动总结报区安委办。",
        [("2021-05-21", "联络员名单"), ("2021-05-28", "活动方案"), ("2021-07-03", "活动总结")],
    ),
    ("于5月30日（星期一）前将联络员反馈表（附件1）发送至市安委办。", [("2021-05-30", "联络员反馈表（附件1）")]),
    ("7月1日（星期五）前报送活动进展情况统计表（附件2）。", [("2021-07-01", "活动进展情况统计表（附件2）")]),
    ("请于5月25日前报送联络员名单。", [("2021-05-25", "联络员名单")]),
    ("请各单位于5月25日前将联络员名单报送至县安委办。", [("2021-05-25", "联络员名单")]),
    ("请于７月５日前报送活动总结。", [("2021-07-05", "活动总结")]),
    ("活动总结请于7月5日前报送区安委办。", [("2021-07-05", "活动总结")]),
    ("各单位须在5月28日前上报活动方案。", [("2021-05-28", "活动方案")]),
    ("请于2021年7月5日前将活动总结报送区应急局。", [("2021-07-05", "活动总结")]),
    ("于6月5日17:00前将启动仪式开展情况报县安委办。", [("2021-06-05", "启动仪式开展情况")]),
    ("于5月20日之前将联络员名单发送至邮箱。", [("2021-05-20", "联络员名单")]),
    ("于5月20日以前提交联络员名单。", [("2021-05-20", "联络员名单")]),
    ("请于5月20号前报送联络员名单。", [("2021-05-20", "联络员名单")]),
    ("请于 5 月 20 日前将联络员\n名单报区安委办。", [("2021-05-20", "联络员名单")]),
    ("请各镇（街道）于6月10日前报送宣传标语悬挂情况。", [("2021-06-10", "宣传标语悬挂情况")]),
    ("于6月20日下班前将咨询日活动图片报送至市安委办。", [("2021-06-20", "咨询日活动图片")]),
    ("请于7月3日前反馈活动总结。", [("2021-07-03", "活动总结")]),
    ("请于5月31日（周一）前将活动方案报区安委办。", [("2021-05-31", "活动方案")]),
    ("请于5月31日（星期一）前报送活动方案和联络员名单。", [("2021-05-31", "活动方案和联络员名单")]),
    ("于5月21日前将联络员名单报送区安委办，逾期视为未报。", [("2021-05-21", "联络员名单")]),
    ("请于6月30日前提交安全生产月活动总结及相关图片。", [("2021-06-30", "安全生产月活动总结及相关图片")]),
    ("于7月2日中午12时前将活动总结上报。", [("2021-07-02", "活动总结")]),
    ("请在6月25日前将典型案例报送县安委办。", [("2021-06-25", "典型案例")]),
    ("于6月1日前将活动方案传真至区安委办。", [("2021-06-01", "活动方案")]),
    ("于6月1日前上传活动方案。", [("2021-06-01", "活动方案")]),
    ("请于2021年5月24日前报送联络员名单。", [("2021-05-24", "联络员名单")]),
    ("在6月1日当天，各镇要开展启动仪式。", []),
    ("在6月16日前后开展咨询日活动。", []),
    ("6月16日当天，各镇开展咨询日活动并宣传报道。", []),
    ("活动将于6月1日至6月30日开展。", []),
    ("市安委办将联合富民县于6月1日开展安全宣传咨询日集中宣传活动。", []),
    ("请于5月26日前将联络员反馈表发送至指定邮箱。", [("2021-05-26", "联络员反馈表")]),
    ("于7月5日前报送活动总结报告。", [("2021-07-05", "活动总结报告")]),
    ("于5月21日下午5时前将联络员名单报区安委办。", [("2021-05-21", "联络员名单")]),
    ("请各部门于6月8日前提供宣传活动照片。", [("2021-06-08", "宣传活动照片")]),
    ("于5月28日将“安全生产月”活动方案报区安委办。", [("2021-05-28", "“安全生产月”活动方案")]),
    ("请于5月25日前将本单位联络员名单（附件2）报区安委办。", [("2021-05-25", "本单位联络员名单（附件2）")]),
    ("于7月1日前将全年工作总结报送至区安委办邮箱。", [("2021-07-01", "全年工作总结")]),
    ("于5月25日止将联络员名单报区安委办。", [("2021-05-25", "联络员名单")]),
    ("请于6月3日前报送启动仪式信息。", [("2021-06-03", "启动仪式信息")]),
    # the date's own tail: an hour then 前, then 请各单位将…
    ("另外，2月10日10时前，请各单位将节日安全工作情况报委交通运输科。", [("2021-02-10", "节日安全工作情况")]),
    # the part of the day without an hour; how the thing is signed and sent is not the thing
    (
        "请各单位于6月18日（星期二）上午下班前，将修改意见经单位主要负责人签字并盖章后，通过邮箱反馈至市防汛办。",
        [("2021-06-18", "修改意见")],
    ),
    # any short note in the date's bracket; sent to two offices (分别报…局和…局)
    (
        "（三）、黄金周累计报表（见附表四）请于2月23日（正月初六）上午12点前分别报省公路运输管理局和省航务管理局。",
        [("2021-02-23", "黄金周累计报表（见附表四）")],
    ),
    (
        "各分中心、办事处值班表请于9月29日下班前报送办公室。",
        [("2021-09-29", "各分中心、办事处值班表")],
    ),  # 各… naming what they send
    (
        "各单位要认真组织填写本辖区救援力量调查表（见附件），于2021年10月26日前以电子文档形式报送至省局应急中心。",
        [("2021-10-26", "本辖区救援力量调查表（见附件）")],
    ),
    # a thing and its closing day, no 前
    ("意见反馈截止时间为2021年7月24日。", [("2021-07-24", "意见")]),
    ("意見反饋截止時間為2021年7月24日。", [("2021-07-24", "意見")]),
    ("报名于6月5日17时截止，逾期不予受理。", [("2021-06-05", "报名")]),
    ("活动截止时间为6月30日，请各单位报送总结。", []),  # the end of a campaign is not a thing to send
    ("截至6月5日，全区已检查企业120家，上报隐患30条。", []),  # 截至: as of
    # the office it goes to between the date and the verb (前向…报送); what is sent follows the verb
    ("要于2021年12月10日前向市安委办报送《考核表》和《处置情况表》。", [("2021-12-10", "《考核表》和《处置情况表》")]),
    ("请于7月5日前向区安委办报送活动总结，逾期视为未报。", [("2021-07-05", "活动总结")]),
    ("于6月5日前向县应急管理局（安委办）书面报送自查报告。", [("2021-06-05", "自查报告")]),
    ("于6月5日前向社会公布举报电话。", []),  # 社会 is no office, 举报 no sending
    ("请于5月25日前向组委会报名。", []),
    # a page cut in the second title: the first one, without the 和 left hanging
    ("要于2021年12月10日前向市安委办报送《考核表》和《处置", [("2021-12-10", "《考核表》")]),
    # a condition on the thing (经…签署印发后) is not part of it
    ("工作方案经县（市、区）长签署印发后，于11月15日前报市安委办备案。", [("2021-11-15", "工作方案")]),
    # the item's list number is not part of what is sent; an organising committee is where it goes
    ("1、请将名单于11月25日前报办公室。", [("2021-11-25", "名单")]),
    ("1．请将代表名单回执于11月25日前报组委会。", [("2021-11-25", "代表名单回执")]),
    ("①请于11月25日前报送代表名单。", [("2021-11-25", "代表名单")]),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES)
def test_deadlines(text, expected):
    parsed = parse_notice(HEAD + text)
    assert [(d["date"], d["what"]) for d in parsed["deadlines"]] == expected


def test_deadline_without_year_takes_the_year_of_the_issue_date():
    parsed = parse_notice("关于开展活动的通知\n各单位：\n请于5月20日前报送名单。\n某县安委办\n2023年5月10日")
    assert parsed["deadlines"] == [{"date": "2023-05-20", "what": "名单"}]


def test_deadline_without_year_takes_the_year_the_notice_prints_that_day_with():
    # the page's 截止 field prints the day in full; the crawl day (今天是) would give another year
    text = "今天是：2025年12月06日\n截止：2019-06-18\n关于征求意见的函\n各单位：\n请于6月18日（星期二）上午下班前将修改意见反馈至市防汛办。"
    assert [(d["date"], d["what"]) for d in parse_notice(text)["deadlines"]] == [("2019-06-18", "修改意见")]


def test_deadline_due_on_the_day_of_issue_is_kept():
    parsed = parse_notice(
        "关于国庆节安全工作的通知\n各部门：\n值班表请于9月29日下班前报送办公室。\n某中心\n2016年9月29日"
    )
    assert [(d["date"], d["what"]) for d in parsed["deadlines"]] == [("2016-09-29", "值班表")]


def test_a_deadline_that_lost_its_marks_is_read_where_one_reading_is_possible():
    parsed = parse_notice(HEAD + "请各单位于6512:00前将端午节值班安排表书面报局办公室。")
    assert [(d["date"], d.get("time"), d["what"]) for d in parsed["deadlines"]] == [
        ("2021-06-05", "12:00", "端午节值班安排表")
    ]
    assert parsed["deadlines"][0]["unsure"] == "日期印刷不全（6512:00），读作6月5日12:00，请核对"
    assert parse_notice(HEAD + "请各单位于1112:00前将值班安排表报局办公室。")["deadlines"] == []  # 1月11日 or 11月1日


def test_deadline_without_any_year_is_left_out():
    assert parse_notice("关于开展活动的通知\n各单位：\n请于5月20日前报送名单。")["deadlines"] == []


def test_deadline_in_january_of_a_december_notice_is_next_year():
    parsed = parse_notice(
        "某安办〔2021〕30号\n关于的通知\n各单位：\n请于1月5日前报送年度总结。\n某县安委办\n2021年12月20日"
    )
    assert parsed["deadlines"] == [{"date": "2022-01-05", "what": "年度总结"}]


RECURRING = [
    ("活动期间，每周一汇总上报上一周来活动情况。", 1, None, None, "汇总上报上一周来活动情况"),
    ("每周四12:00前报送活动进展情况统计表。", 4, None, "12:00", "活动进展情况统计表"),
    ("每周四12：00前报送活动进展情况统计表。", 4, None, "12:00", "活动进展情况统计表"),
    ("每月7日前报送上月曝光情况。", None, 7, None, "上月曝光情况"),
    ("每月7号前报送案例。", None, 7, None, "案例"),
    ("每周五下班前将本周活动开展情况报区安委办。", 5, None, None, "本周活动开展情况"),
    ("每周一上午10时前将上周工作情况报送县安委办。", 1, None, "10:00", "上周工作情况"),
    ("每星期三报送一次工作进展。", 3, None, None, "工作进展"),
    ("请于每周五17:00前报送统计表。", 5, None, "17:00", "统计表"),
    ("每周星期一报送上周情况。", 1, None, None, "上周情况"),
    ("每周二中午12时前上报信息。", 2, None, "12:00", "信息"),
    ("每周四下午3点前报送进展情况统计表。", 4, None, "15:00", "进展情况统计表"),
    ("每月5日前报送上月工作开展情况。", None, 5, None, "上月工作开展情况"),
    ("每月25日前将当月曝光线索报市安委办。", None, 25, None, "当月曝光线索"),
    ("每周一将上周活动情况报送至区安委办邮箱。", 1, None, None, "上周活动情况"),
    ("各单位每周五报送本周信息。", 5, None, None, "本周信息"),
    ("每周四 12:00 前报送统计表。", 4, None, "12:00", "统计表"),
    ("每周４１２:００前报送统计表。", None, None, None, None),
    ("每周一次开展安全检查。", None, None, None, None),
    ("每周至少报送一条信息。", None, None, None, None),
    ("每周一开展升旗仪式。", None, None, None, None),
    ("每周三前报送简报。", 3, None, None, "简报"),
    ("每周五18:30前报送周报。", 5, None, "18:30", "周报"),
    ("每月10日前上报统计数据。", None, 10, None, "统计数据"),
    ("每月1日前提交上月总结。", None, 1, None, "上月总结"),
    ("每周日报送本周活动照片。", 7, None, None, "本周活动照片"),
    ("每周一汇总上报上周数据。", 1, None, None, "汇总上报上周数据"),
    ("活动期间实行周报制度，每周四12:00前报送进展情况。", 4, None, "12:00", "进展情况"),
    ("每周五前将活动信息报县安委办。", 5, None, None, "活动信息"),
    ("每月20日前报送违法线索。", None, 20, None, "违法线索"),
    ("每月底报送曝光情况。", None, 31, None, "曝光情况"),
    ("每周的星期四上报统计表。", 4, None, None, "统计表"),
    ("每周一 9:00前报送上周情况。", 1, None, "09:00", "上周情况"),
    ("每周二下午5时前报送信息。", 2, None, "17:00", "信息"),
    ("请每周四前报送统计表（附件2）。", 4, None, None, "统计表（附件2）"),
    ("每个月5日前报送上月情况。", None, 5, None, "上月情况"),
    ("每周四12:00前将统计表报送市安委办。", 4, None, "12:00", "统计表"),
    ("每周一报送上一周活动情况统计表。", 1, None, None, "上一周活动情况统计表"),
    ("每周三12点前上报动态信息。", 3, None, "12:00", "动态信息"),
    ("每月15日前反馈整改情况。", None, 15, None, "整改情况"),
    ("每周五上午11:30前报送工作动态。", 5, None, "11:30", "工作动态"),
    ("在每月7日前将进展情况(含纸质传真和电子版)报送至省安委办。", None, 7, None, "进展情况"),  # 传真 inside
    ("每周四前将《周报表（附件2）报县安委办。", 4, None, None, "周报表（附件2）"),  # 《 never closed
    ("每周五前，通过电子邮件将本周情况报送县安委办。", 5, None, None, "本周情况"),  # how, then what
]


def test_a_yearly_report_is_kept_and_named_for_the_clerk():
    parsed = parse_notice(HEAD + "请各单位于每年1月15日前，以纸质和电子文档将上年相关情况报送市安委办。")
    assert [(r["rule"], r["weekday"], r["day_of_month"], r["what"]) for r in parsed["recurring"]] == [
        ("yearly:1-15", None, None, "上年相关情况")
    ]
    assert "每年1月15日" in parsed["unsure"]["recurring"]
    assert parsed["deadlines"] == []
    label = recurring_label(parsed["recurring"][0])  # what the clerk sees, and types back
    assert label == "每年1月15日" and recurring_from_label(label)["rule"] == "yearly:1-15"


@pytest.mark.parametrize(
    ("text", "rule", "what"),
    [
        (
            "各镇及有关单位要在每个法定节假日放假前5天，将本单位的节假日值班安排表（附件1）报送区政府应急办。",
            "holidays:-5",
            "本单位的节假日值班安排表（附件1）",
        ),
        ("每逢节假日前三天报送值班表。", "holidays:-3", "值班表"),
    ],
)
def test_a_report_before_each_public_holiday_is_kept_and_named_for_the_clerk(text, rule, what):
    parsed = parse_notice(HEAD + text)
    assert [(r["rule"], r["weekday"], r["day_of_month"], r["what"]) for r in parsed["recurring"]] == [
        (rule, None, None, what)
    ]
    label = recurring_label(parsed["recurring"][0])  # what the clerk sees, and types back
    assert label in parsed["unsure"]["recurring"] and recurring_from_label(label)["rule"] == rule
    assert parse_notice(HEAD + "节假日前5天开展安全检查。")["recurring"] == []  # nothing is sent


@pytest.mark.parametrize(("text", "weekday", "day", "time", "what"), RECURRING)
def test_recurring(text, weekday, day, time, what):
    found = parse_notice(HEAD + text)["recurring"]
    if what is None:
        assert found == []
    else:
        keys = ("weekday", "day_of_month", "time", "what")
        assert [{k: r[k] for k in keys} for r in found] == [
            {"weekday": weekday, "day_of_month": day, "time": time, "what": what}
        ]
        assert found[0]["rule"].startswith("weekly:" if weekday else "monthly:")


def test_a_daily_reports_next_step_the_same_day_is_daily_at_its_own_hour():
    text = "每天下午4点前，要将当日客运量分别报省公路局和省航务局，省公路局和省航务局汇总后于当天下午5点30分前报省厅。"
    found = parse_notice(HEAD + text)["recurring"]
    assert [(r["rule"], r["time"], r["what"]) for r in found] == [
        ("daily 16:00", "16:00", "当日客运量"),
        ("daily 17:30", "17:30", "省公路局和省航务局汇总"),
    ]
    assert found[1]["unsure"] == "由“当天…前报”推断为每日报送，请核对"


def test_a_report_every_n_days_is_kept_and_named_for_the_clerk():
    parsed = parse_notice(HEAD + "各市州每十天的下午4点前将《返乡行动统计表》报省公路局。")
    assert [(r["rule"], r["time"], r["what"]) for r in parsed["recurring"]] == [
        ("days:10 16:00", "16:00", "《返乡行动统计表》")
    ]
    every_two = parse_notice(HEAD + "每两天报送一次工作进展。")["recurring"]
    assert [(r["rule"], r["what"]) for r in every_two] == [("days:2", "工作进展")]
    label = recurring_label(parsed["recurring"][0])
    assert label == "每10天" and recurring_from_label(label)["rule"] == "days:10"
    assert "每10天 16:00" in parsed["unsure"]["recurring"]


def test_a_form_field_in_brackets_is_part_of_what_is_sent_but_a_forms_labels_are_not():
    parsed = parse_notice(HEAD + "请于5月25日前报送联络员名单（格式：附件1）。")
    assert [(d["date"], d["what"]) for d in parsed["deadlines"]] == [("2021-05-25", "联络员名单（格式：附件1）")]


def test_a_recurring_report_takes_the_span_its_name_carries_or_the_day_it_starts():
    text = (
        "（一）春运周报告（1月23日至3月1日）每周三上午9时前，将上周的事故统计情况报委交通运输科。\n"
        "（二）全国两会日报告（3月3日至两会结束）每日中午12时前，将前一日的事故情况报委交通运输科。\n"
        "各市州从2月3日起，每天下午4点前将当日客运量报省公路局。\n"
        "6月1日至6月30日期间，每周五上午11时前报送活动进展情况。"
    )
    found = parse_notice(HEAD + text)["recurring"]
    assert [(r["rule"], r.get("from"), r.get("until")) for r in found] == [
        ("weekly:WED 09:00", "2021-01-23", "2021-03-01"),
        ("daily 12:00", "2021-03-03", None),
        ("daily 16:00", "2021-02-03", None),
        ("weekly:FRI 11:00", "2021-06-01", "2021-06-30"),
    ]


def test_a_daily_report_in_traditional_script():
    found = parse_notice(HEAD + "並於每日上報《大排查工作日報表》的同時，報送本通知要求附表。")["recurring"]
    assert [(r["rule"], r["what"]) for r in found] == [("daily", "《大排查工作日報表》")]


def test_recurring_is_not_a_one_off_deadline():
    assert parse_notice(HEAD + "每周四12:00前报送统计表。")["deadlines"] == []
