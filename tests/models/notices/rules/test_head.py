"""Rule tables for the head of a notice: 文号, title, issuer, date of issue, recipients, theme."""
# ruff: noqa: E501 - tables of real phrasings read best one case per line

from __future__ import annotations

import pytest

from models.notices.parser import parse_notice

DOC_NUMBERS = [
    ("麒区安办〔2021〕16号", "麒区安办〔2021〕16号"),
    ("麒区安办〔2021〕16 号", "麒区安办〔2021〕16号"),
    ("昆安办〔2022〕35号", "昆安办〔2022〕35号"),
    ("云安办[2018]7号", "云安办〔2018〕7号"),
    ("云安办【2019】12号", "云安办〔2019〕12号"),
    ("安办函2015〔33〕号", "安办函〔2015〕33号"),
    ("安办函2015[33]号", "安办函〔2015〕33号"),
    ("曲安办发〔2020〕8号", "曲安办发〔2020〕8号"),
    ("安委办〔2022〕7号", "安委办〔2022〕7号"),
    ("云安办函〔2022〕32号", "云安办函〔2022〕32号"),
    ("滇应急〔2021〕101号", "滇应急〔2021〕101号"),
    ("玉安办（2021）9号", "玉安办〔2021〕9号"),
    ("玉安办(2021)9号", "玉安办〔2021〕9号"),
    ("楚安委办［2020］15号", "楚安委办〔2020〕15号"),
    ("红安办﹝2021﹞3号", "红安办〔2021〕3号"),
    ("大安办 〔 2021 〕 22 号", "大安办〔2021〕22号"),
    ("普安办〔２０２１〕１８号", "普安办〔2021〕18号"),
    ("昭安办〔2023〕06号", "昭安办〔2023〕6号"),
    ("文安委〔2019〕1号", "文安委〔2019〕1号"),
    ("保安办〔2022〕 40号", "保安办〔2022〕40号"),
    ("西安办〔2021〕5号  签发人：李明", "西安办〔2021〕5号"),
    ("临安办发[2017]21号", "临安办发〔2017〕21号"),
    ("德安办【2016】2号", "德安办〔2016〕2号"),
    ("怒安办函〔2021〕14号", "怒安办函〔2021〕14号"),
    ("迪安办〔2020〕 33 号", "迪安办〔2020〕33号"),
    ("丽安委办发〔2021〕4号", "丽安委办发〔2021〕4号"),
    ("盘区安办〔2022〕11号", "盘区安办〔2022〕11号"),
    ("五华安办〔2022〕27号", "五华安办〔2022〕27号"),
    ("官安委〔2021〕2号", "官安委〔2021〕2号"),
    ("西山安办函〔2022〕9号", "西山安办函〔2022〕9号"),
    ("呈贡区安委办〔2021〕13号", "呈贡区安委办〔2021〕13号"),
    ("晋安办2021〔3〕号", "晋安办〔2021〕3号"),
    ("宜安办〔2021〕第5号", None),
    ("富民安办【2022】19 号", "富民安办〔2022〕19号"),
    ("嵩安办[ 2022 ] 8号", "嵩安办〔2022〕8号"),
    ("石林安委办〔2020〕7号", "石林安委办〔2020〕7号"),
    ("禄劝安办〔2021〕 12号", "禄劝安办〔2021〕12号"),
    ("寻安办（２０２２）４号", "寻安办〔2022〕4号"),
    ("安宁安办〔2019〕31号", "安宁安办〔2019〕31号"),
    ("东川安办[2021]15号", "东川安办〔2021〕15号"),
    ("马龙安办〔2021〕10号", "马龙安办〔2021〕10号"),
    ("陆良安委办2020（6）号", "陆良安委办〔2020〕6号"),
]


@pytest.mark.parametrize(("line", "expected"), DOC_NUMBERS)
def test_doc_number(line, expected):
    text = f"{line}\n\n某某县安全生产委员会办公室\n关于开展安全生产月活动的通知\n各乡镇：\n正文。"
    assert parse_notice(text)["doc_number"] == expected


def test_doc_number_in_brackets_of_its_own_under_the_title_is_the_notices_own():
    # a law site's and a 公报's copy: （潮府办〔2008〕7号） alone under the title; the one cited in the body is not
    for printed, expected in [
        ("（潮府办〔2008〕7号）", "潮府办〔2008〕7号"),
        ("(本安委发[2006]4号)", "本安委发〔2006〕4号"),
    ]:
        text = f"关于加强春节期间值班工作的通知\n{printed}\n各县、区人民政府：\n根据（辽安委传[2006]12号）要求，现通知如下。"
        assert parse_notice(text)["doc_number"] == expected
    assert parse_notice("关于加强值班工作的通知\n（此件公开发布）\n各单位：\n正文。")["doc_number"] is None


def test_a_title_wrapped_by_the_page_width_with_its_number_after_it():
    # a PDF's text layer breaks the title where the line is full; the 文号 follows the title's last words
    text = (
        "国家能源局综合司关于做好今冬明春电力行业火灾\n防控工作的通知 国能综通安全〔2021〕108号\n"
        "各省（自治区、直辖市）能源局：\n现就有关工作要求通知如下。"
    )
    parsed = parse_notice(text)
    assert parsed["title"] == "国家能源局综合司关于做好今冬明春电力行业火灾防控工作的通知"
    assert parsed["doc_number"] == "国能综通安全〔2021〕108号"


def test_a_catalogue_with_its_labels_in_brackets_gives_number_date_and_office():
    head = (
        "1. [主题分类] 市场监管、安全生产监管\n2. [制发单位] 北京市东城区人民政府办公室\n4. [成文日期] 2020-01-13\n"
        "5. [发文字号] 东政办发〔2020〕1号\n7. [发布日期] 2020-01-14\n"
    )
    parsed = parse_notice(head + "北京市东城区人民政府办公室印发《实施方案》的通知\n区安委会成员单位：\n现印发给你们。")
    assert parsed["doc_number"] == "东政办发〔2020〕1号" and parsed["issue_date"] == "2020-01-13"
    assert parsed["issuer"] == "北京市东城区人民政府办公室"


TITLES_OVER_LINES = [
    (
        "宝清县人民政府办公室关于\n印发《关于进一步加强矿山安全生产\n工作的若干措施》的通知",
        "宝清县人民政府办公室关于印发《关于进一步加强矿山安全生产工作的若干措施》的通知",
    ),
    (
        "轉發廣東省農業農村廳辦公室關于做好2020年\n國慶、中秋期間農機安全監管工作的通知",
        "轉發廣東省農業農村廳辦公室關于做好2020年國慶、中秋期間農機安全監管工作的通知",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), TITLES_OVER_LINES)
def test_a_title_over_lines_is_read_from_its_first_line(lines, expected):
    assert parse_notice(lines + "\n各乡（镇）人民政府：\n现印发给你们。")["title"] == expected


def test_the_office_after_zhuanfa_in_a_title_is_not_the_issuer():
    parsed = parse_notice("转发省府办公厅关于进一步加强值班工作的意见的通知\n各镇政府：\n现转发给你们。")
    assert parsed["issuer"] is None


DAMAGED_NUMBERS = [
    ("新府办〔200980", "新府办〔2009〕80号"),  # 〕 and 号 lost
    ("昭市安委〔20204", "昭市安委〔2020〕4号"),
]


@pytest.mark.parametrize(("line", "expected"), DAMAGED_NUMBERS)
def test_doc_number_that_lost_its_close_and_hao_is_read_and_marked(line, expected):
    parsed = parse_notice(f"关于加强值班工作的通知\n{line}\n各镇政府：\n正文。")
    assert parsed["doc_number"] == expected and "文号印刷不全" in parsed["unsure"]["doc_number"]


def test_doc_number_with_the_title_in_brackets_after_it():
    text = "琼府办〔2018〕48号《海南省人民政府办公厅关于加强道路交通安全工作的通知》\n各市、县人民政府：\n正文。"
    assert parse_notice(text)["doc_number"] == "琼府办〔2018〕48号"


def test_pinyin_with_a_space_inside_its_brackets_is_removed():
    text = "江西省安委會(huì )辦公室關(guān)于開展檢查的通知\n各設(shè)區(qū)市安委會(huì )：\n正文。"
    parsed = parse_notice(text)
    assert "(" not in parsed["title"] and parsed["recipients"] == "各設區市安委會"


def test_doc_number_that_lost_both_brackets_is_read_and_marked():
    parsed = parse_notice("建会函2023190号\n关于开展“安康杯”竞赛活动的通知\n各市住房和城乡建设局：\n正文。")
    assert parsed["doc_number"] == "建会函〔2023〕190号"
    assert parsed["unsure"]["doc_number"] == "文号印刷不全（建会函2023190号），请核对"


def test_a_page_that_lost_its_line_breaks_keeps_title_recipients_and_body_apart():
    # paragraphs joined with runs of spaces after a sentence, a colon or a title
    line = (
        "省安监局办公室关于参加授称仪式的通知   各市(州)、直管市、林区安监局,相关县市安监局和乡镇:"
        "               经研究,定于12月28日在湖北剧院举行授称仪式,现将有关事宜通知如下。"
        "               一、仪式内容               总结安全生产系列评选大型公益活动,授予十佳示范乡镇荣誉称号。"
    )
    parsed = parse_notice("鄂安监办〔2015〕40号\n\n" + line)
    assert parsed["recipients"] == "各市(州)、直管市、林区安监局,相关县市安监局和乡镇"
    assert parsed["title"] == "省安监局办公室关于参加授称仪式的通知"


RECIPIENTS_MORE = [
    "各中小学、幼儿园(含民办),少年宫",  # schools: names that end in 学 and 宫
    "经开区管委会,各镇街人民政府(办事处),区政府有关部门,有关单位",  # 经开区 is a place, not 经研究
    "河北、内蒙古、辽宁、黑龙江、浙江、安徽、新疆等省(自治区、直辖市)安全生产委员会",  # places before 等: one body
    "各市住房和城乡建设局(城乡建设局)、总工会,“安康杯”竞赛组委会,各有关单位",  # a quoted name inside a body's name
]


@pytest.mark.parametrize("recipients", RECIPIENTS_MORE)
def test_recipients_of_other_kinds_of_bodies(recipients):
    assert parse_notice(f"关于开展检查工作的通知\n{recipients}：\n现将有关事项通知如下。")["recipients"] == recipients


def test_a_sentence_with_quotes_is_still_not_recipients():
    assert parse_notice("关于开展检查工作的通知\n现将“安全生产月”活动方案印发给你们：\n正文。")["recipients"] is None


def test_doc_number_cited_in_the_body_is_not_the_notices_own():
    text = "关于转发通知的通知\n各单位：\n根据《关于开展活动的通知》（安委办〔2022〕7号），现转发。"
    assert parse_notice(text)["doc_number"] is None


TITLES = [
    (
        ["某县安全生产委员会办公室", "关于开展2021年“安全生产月”活动的通知"],
        "某县安全生产委员会办公室关于开展2021年“安全生产月”活动的通知",
    ),
    (["关于开展2021年“安全生产月”活动的通知"], "关于开展2021年“安全生产月”活动的通知"),
    (
        ["昆明市安全生产委员会办公室关于", "印发《活动方案》的通知"],
        "昆明市安全生产委员会办公室关于印发《活动方案》的通知",
    ),
    (
        ["关于开展 2021 年“安全生产月”和“安全生产", "专项整治云南行”活动的通知"],
        "关于开展2021年“安全生产月”和“安全生产专项整治云南行”活动的通知",
    ),
    (["某市应急管理局", "关于做好安全生产月宣传工作的通知"], "某市应急管理局关于做好安全生产月宣传工作的通知"),
    (["关于印发《2022年安全生产月活动方案》的通知"], "关于印发《2022年安全生产月活动方案》的通知"),
    (["关于报送安全生产月活动总结的函"], "关于报送安全生产月活动总结的函"),
    (["关于2021年安全生产月活动开展情况的通报"], "关于2021年安全生产月活动开展情况的通报"),
    (["某区安委办关于", "调整活动时间的", "通知"], "某区安委办关于调整活动时间的通知"),
    (["某某县安全生产委员会文件", "关于开展安全生产月活动的通知"], "关于开展安全生产月活动的通知"),
    (["特急", "关于立即开展安全检查的通知"], "关于立即开展安全检查的通知"),
    (["2022年安全生产月活动方案"], "2022年安全生产月活动方案"),
    (["关于开展“安全生产万里行”活动的实施方案"], "关于开展“安全生产万里行”活动的实施方案"),
    (["关于征集安全生产月优秀作品的通知"], "关于征集安全生产月优秀作品的通知"),
    (["县人民政府办公室", "关于做好安全生产工作的意见"], "县人民政府办公室关于做好安全生产工作的意见"),
    (["关于", "开展安全宣传“五进”活动的通知"], "关于开展安全宣传“五进”活动的通知"),
    (["关于进一步加强安全生产月活动信息报送工作的通知"], "关于进一步加强安全生产月活动信息报送工作的通知"),
    (
        ["云南省安全生产委员会办公室", "关于开展云南省2022年“安全生产月”", "活动的通知"],
        "云南省安全生产委员会办公室关于开展云南省2022年“安全生产月”活动的通知",
    ),
    (["关于举办安全生产法知识竞赛的通知"], "关于举办安全生产法知识竞赛的通知"),
    (["关于安全生产月活动启动仪式有关事项的通知"], "关于安全生产月活动启动仪式有关事项的通知"),
    (["某镇人民政府", "关于开展安全生产月活动的通知"], "某镇人民政府关于开展安全生产月活动的通知"),
    (["关于开展应急演练周活动的安排"], "关于开展应急演练周活动的安排"),
    (["关于做好2022年安全生产月活动总结工作的通知"], "关于做好2022年安全生产月活动总结工作的通知"),
    (["关于报送联络员名单的通知"], "关于报送联络员名单的通知"),
    (["区安委会办公室", "关于开展安全生产月咨询日活动的通知"], "区安委会办公室关于开展安全生产月咨询日活动的通知"),
    (
        ["关于转发《国务院安委会办公室关于开展", "2022年全国“安全生产月”活动的通知》的通知"],
        "关于转发《国务院安委会办公室关于开展2022年全国“安全生产月”活动的通知》的通知",
    ),
    (["关于开展“安全宣传咨询日”活动的通知"], "关于开展“安全宣传咨询日”活动的通知"),
    (["关于印发安全生产月活动工作要点的通知"], "关于印发安全生产月活动工作要点的通知"),
    (["关于开展安全生产大检查的通知"], "关于开展安全生产大检查的通知"),
    (["某州安委办关于开展安全生产月活动的通知"], "某州安委办关于开展安全生产月活动的通知"),
    (["关于开展第21个全国“安全生产月”", "活动的通知"], "关于开展第21个全国“安全生产月”活动的通知"),
    (["关 于 开 展 安 全 生 产 月 活 动 的 通 知"], "关于开展安全生产月活动的通知"),
    (["关于做好安全生产月期间值班值守工作的通知"], "关于做好安全生产月期间值班值守工作的通知"),
    (["关于开展2023年“安全生产月”活动的通知"], "关于开展2023年“安全生产月”活动的通知"),
    (["关于开展“查找身边隐患”活动的通知"], "关于开展“查找身边隐患”活动的通知"),
    (["关于组织观看警示教育片的通知"], "关于组织观看警示教育片的通知"),
    (["关于开展安全生产月系列活动的通知"], "关于开展安全生产月系列活动的通知"),
    (["关于报送安全生产月活动进展情况的通知"], "关于报送安全生产月活动进展情况的通知"),
    (["关于开展企业主要负责人安全承诺活动的通知"], "关于开展企业主要负责人安全承诺活动的通知"),
    (["关于开展“安全生产万里行”采访活动的通知"], "关于开展“安全生产万里行”采访活动的通知"),
    (["正文第一段没有标题，直接讲事情"], None),
]


@pytest.mark.parametrize(("lines", "expected"), TITLES)
def test_title(lines, expected):
    text = "\n".join(["某安办〔2021〕1号", *lines, "各乡镇、各部门：", "现将有关事项通知如下。"])
    assert parse_notice(text)["title"] == expected


RECIPIENTS = [
    "各镇人民政府、街道办事处，区安委会成员单位，有关企业",
    "各县（市）区、开发（度假）园区安全生产委员会，市安委会各成员单位，有关企业",
    "各乡镇人民政府，县安委会各成员单位",
    "各州、市安全生产委员会，省安委会各成员单位",
    "各街道办事处，区级各部门",
    "各有关单位",
    "各乡（镇）人民政府，县直各部门",
    "市安委会各成员单位",
    "各县（市、区）安委办",
    "各镇（街道）安委会，区属各企业",
    "各村（社区）",
    "各成员单位",
    "各区县安委会办公室",
    "区安委会各成员单位，各镇（街道）",
    "各重点企业",
    "各学校、幼儿园",
    "各县、市、区人民政府，市直有关部门",
    "各园区管委会，各有关企业",
    "各乡镇（街道）安全生产委员会",
    "各有关部门、单位",
    "县安委会成员单位",
    "各级安委办",
    "各州（市）应急管理局",
    "市级各部门",
    "各镇、街道，区直各单位",
    "各社区居委会",
    "各分局、各科室",
    "各县区安委办，市安委会成员单位",
    "各乡镇安全生产委员会，县属各企业",
    "各行业主管部门",
    "有关企业",
    "各街道，各有关部门",
    "各县市区人民政府",
    "各工业园区",
    "各镇人民政府",
    "各大队、中队",
    "区安委会各专业委员会",
    "各县（市、区）、开发区安委会",
    "各市属国有企业",
    "各区（县、市）安委办，市级有关部门",
]


@pytest.mark.parametrize("recipients", RECIPIENTS)
def test_recipients(recipients):
    text = f"某安办〔2021〕1号\n关于开展活动的\n通知\n{recipients}：\n现将有关事项通知如下："
    assert parse_notice(text)["recipients"] == recipients


@pytest.mark.parametrize("colon", ["：", ":"])
def test_recipients_colon_forms(colon):
    assert parse_notice(f"关于开展活动的通知\n各乡镇{colon}\n正文。")["recipients"] == "各乡镇"


THEMES = [
    ("以“落实安全责任，推动安全发展”为主题。", "落实安全责任，推动安全发展"),
    ("二、活动主题\n遵守安全生产法 当好第一责任人", "遵守安全生产法 当好第一责任人"),
    ("今年活动主题是“人人讲安全、个个会应急”。", "人人讲安全、个个会应急"),
    ("活动主题：安全生产月", "安全生产月"),
    ("主题为“人人讲安全、个个会应急——畅通生命通道”。", "人人讲安全、个个会应急——畅通生命通道"),
    ("（二）活动主题\n防范化解重大风险", "防范化解重大风险"),
    ('活动以"安全发展 国泰民安"为主题', "安全发展 国泰民安"),
    ("以「生命至上 安全第一」为主题", "生命至上 安全第一"),
    ("一、活动主题\n安全第一，预防为主。", "安全第一，预防为主"),
    ("主题：坚守安全红线", "坚守安全红线"),
    ("活动主题为“全面落实企业安全生产主体责任”。", "全面落实企业安全生产主体责任"),
    ("围绕“消除事故隐患，筑牢安全防线”这一主题", "消除事故隐患，筑牢安全防线"),  # 10-meizhou: 圍繞“…”主題
    ("以“人人讲安全、个个会应急”为活动主题，", "人人讲安全、个个会应急"),
    ("三、活动主题\n\n安全生产 责任在我", "安全生产 责任在我"),
    ("活动主题\n生命至上，安全发展", "生命至上，安全发展"),
    ("主题确定为“强化安全红线意识”", "强化安全红线意识"),
    ("今年的主题是“遵守安全生产法，当好第一责任人”。", "遵守安全生产法，当好第一责任人"),
    ("以“安全生产法”宣传为主线", None),
    ("以『查找身边隐患』为主题", "查找身边隐患"),
    ("二、活动主题\n“安全责任重于泰山”", "安全责任重于泰山"),
    ("活动主题：安全发展 国泰民安。", "安全发展 国泰民安"),
    ("（一）主题\n强化红线意识 促进安全发展", "强化红线意识 促进安全发展"),
    ("主题：“科学发展 安全发展”", "科学发展 安全发展"),
    ("1.活动主题：关爱生命 关注安全", "关爱生命 关注安全"),
    ("以“强化安全发展观念，提升全民安全素质”为主题", "强化安全发展观念，提升全民安全素质"),
    ("以“落实企业主体责任”为主题，开展系列活动。", "落实企业主体责任"),
    ("全区以“安全生产 人人有责”为主题开展活动。", "安全生产 人人有责"),
    ("主题是“防风险、除隐患、遏事故”", "防风险、除隐患、遏事故"),
    ("一、主题\n防风险 保安全 迎大庆", "防风险 保安全 迎大庆"),
    ('活动主题为"安全责任 重于泰山"。', "安全责任 重于泰山"),
    ("以“全民参与 共建平安”为主题。", "全民参与 共建平安"),
    ("二、 活动主题\n安全第一 生命至上", "安全第一 生命至上"),
    ("主题：人人讲安全 个个会应急", "人人讲安全 个个会应急"),
    ("活动主题：“生命至上 安全发展”。", "生命至上 安全发展"),
    ("以“安全发展 共建共享”为主题，", "安全发展 共建共享"),
    ("今年“安全生产月”主题为“落实安全责任 推动安全发展”。", "落实安全责任 推动安全发展"),
    ("主题定为“筑牢安全防线”。", "筑牢安全防线"),
    ("（三）活动主题\n责任落实 安全发展", "责任落实 安全发展"),
    ("以“排查隐患 保障安全”为主题开展宣传。", "排查隐患 保障安全"),
    ("以“安全生产月”活动为契机", None),
    ("活动主题：\n安全你我他", "安全你我他"),
]


@pytest.mark.parametrize(("text", "expected"), THEMES)
def test_theme(text, expected):
    assert parse_notice(f"关于开展活动的通知\n各单位：\n{text}")["theme"] == expected


ISSUE = [
    ("某县安全生产委员会办公室\n2021年5月17日", "2021-05-17", "某县安全生产委员会办公室"),
    ("某县安委办\n2021 年 5 月 17 日", "2021-05-17", "某县安委办"),
    ("某市应急管理局\n二〇二一年五月十七日", "2021-05-17", "某市应急管理局"),
    ("某市应急管理局\n二○二二年十二月三十一日", "2022-12-31", "某市应急管理局"),
    ("2022年5月16日\n（此件公开发布）", "2022-05-16", None),
    ("某镇人民政府\n2021年6月1日（此件公开发布）", "2021-06-01", "某镇人民政府"),
    ("某县安全生产委员会\n２０２１年５月１０日", "2021-05-10", "某县安全生产委员会"),
    ("正文结束。", None, None),
    ("某市交通运输局\n二00七年一月十日", "2007-01-10", "某市交通运输局"),  # 〇 typed as an ASCII 0
    ("某市交通运输局\n二O一二年一月五日", "2012-01-05", "某市交通运输局"),  # … or as a letter O
    ("某县安委办\n2018年9月30日 |", "2018-09-30", "某县安委办"),  # a table's border left after the date
    ("附件：\n二○一一年十月二十五日", "2011-10-25", None),  # an empty 附件 label, then the date (no signature)
    ("附件:\n某县安委办\n2021年5月17日", "2021-05-17", "某县安委办"),
    ("报送时间：\n2021年5月17日", None, None),  # a label's value, not the date of issue
]


@pytest.mark.parametrize(("tail", "date", "office"), ISSUE)
def test_issue_date_and_office(tail, date, office):
    parsed = parse_notice(f"关于开展活动的通知\n各单位：\n正文。\n{tail}")
    assert parsed["issue_date"] == date
    assert parsed["issuer"] == office


def test_a_notice_flattened_onto_one_line_is_dated_by_the_date_after_its_last_sentence():
    # the whole page on one line: body, date, then the header of the attached form (its labels are no task)
    parsed = parse_notice(
        "各区县安全站，各有关单位: 请于每日上报日报表的同时，报送本通知要求附表。 二〇一二年一月五日 "
        "填报区县(总站监督科): 填报时间: 在建工程数量(个)"
    )
    assert parsed["issue_date"] == "2012-01-05"
    assert parsed["unsure"]["issue_date"] == "日期取自正文末尾（文本未分行），请核对"
    assert parsed["deadlines"] == []


def test_a_date_opening_a_sentence_in_the_body_is_not_the_issue_date():
    parsed = parse_notice("关于开展活动的通知\n各单位：\n请做好工作。 2021年5月17日 全区召开动员会，部署工作。")
    assert parsed["issue_date"] is None


def test_issuer_from_the_red_head_when_nothing_is_signed():
    text = (
        "开化县桐村镇人民政府文件\n桐政[2009]21号\n关于组织开展\n2009年全国“安全生产月”活动的通知\n各村委会：\n正文。"
    )
    parsed = parse_notice(text)
    assert (parsed["issuer"], parsed["doc_number"]) == ("开化县桐村镇人民政府", "桐政〔2009〕21号")
    assert parsed["unsure"]["issuer"] == "取自版头"


def test_a_metadata_table_copied_cell_by_cell_gives_values_not_a_head():
    # 政府信息公开 pages copied as text: each label on its line, its value on the next; 机构分类 is the site's
    # catalogue, not the office that issues (no signature here: no issuer at all)
    text = (
        "关于切实加强交通运输安全生产动态信息报送工作的通知\n\n文号\n\n交安委办函〔2010〕4号\n\n索引号\n\n"
        "000019713O10/2010-00689\n\n机构分类\n\n安全与质量监督管理司\n\n公开日期\n\n2010年03月10日\n\n"
        "各省、自治区、直辖市交通运输厅（局、委）：\n为进一步做好信息报送工作，现通知如下。"
    )
    parsed = parse_notice(text)
    assert parsed["issuer"] is None and parsed["issue_date"] is None
    assert parsed["doc_number"] == "交安委办函〔2010〕4号"
    assert parsed["title"] == "关于切实加强交通运输安全生产动态信息报送工作的通知"


def test_a_date_line_that_lost_its_marks_is_read_where_one_reading_is_possible_and_named_where_not():
    tail = "\n各单位：\n正文。\n广元市交通运输局\n"
    one = parse_notice("关于做好端午节值班工作的通知" + tail + "2019年64")
    assert one["issue_date"] == "2019-06-04" and "日期印刷不全（2019年64）" in one["unsure"]["issue_date"]
    two = parse_notice("关于做好冬春安全生产工作的提醒函" + tail + "2024123")
    assert two["issue_date"] is None
    assert two["unsure"]["issue_date"] == "日期印刷不全（2024123），可能是1月23日或12月3日，请核对"


def test_a_date_line_with_two_readings_takes_the_one_the_pages_metadata_prints():
    text = "关于做好冬春火灾防控工作的提醒函\n发布日期:2024-12-03\n各单位：\n正文。\n山西省民营经济发展局\n2024123"
    parsed = parse_notice(text)
    assert parsed["issue_date"] == "2024-12-03"
    assert parsed["unsure"]["issue_date"] == "日期印刷不全（2024123），按网页信息栏“发布日期”读作12月3日，请核对"


def test_issuer_from_title_when_no_signature():
    parsed = parse_notice("云南省安全生产委员会办公室关于开展活动的通知\n各州市：\n正文。")
    assert parsed["issuer"] == "云南省安全生产委员会办公室"


def test_a_date_line_with_two_readings_takes_the_one_the_date_of_issue_field_prints_before_others():
    # the page prints its 成文日期 and its 发布日期; each is a reading of 2020113, the 成文日期 is the date signed
    head = "成文日期：2020-01-13\n发布日期：2020-11-03\n关于推进城市安全发展的通知\n各成员单位：\n正文。\n"
    parsed = parse_notice(head + "北京市东城区人民政府办公室\n2020113")
    assert parsed["issue_date"] == "2020-01-13"
    assert parsed["unsure"]["issue_date"] == "日期印刷不全（2020113），按网页信息栏“成文日期”读作1月13日，请核对"
