"""What real copies of a notice carry around it: site furniture, breadcrumbs, blurbs and metadata blocks.

Web pages, document sites and 政府信息公开 catalogues wrap the notice in lines that are not part of it. Furniture
(breadcrumbs, font buttons, share links) is dropped. Metadata (索引号, 发文字号, 成文日期, 发布机构 …) is kept as
evidence for the 文号, the date and the issuer, but a metadata line is never the title or the 主送.
"""

from __future__ import annotations

import re

from models.notices.rules.script import compile_tolerant, simplified
from models.notices.rules.text import clean_line

# labels of metadata blocks, in simplified characters; spaces may stand between their characters (文 号)
_LABELS = (
    "索引号 主题分类 发布机构 发文机关 发文单位 发布单位 发文字号 发文号 文号 发文日期 成文日期 发布日期 发布时间 "
    "更新时间 生效日期 废止日期 实施日期 有效性 名称 标题 原标题 来源 文章来源 信息来源 作者 公开类型 公开属性 "
    "公开期限 公开方式 公开范围 所属机构 公文种类 体裁分类 组配分类 主题词 关键词 时间 日期 点击数 点击 浏览次数 "
    "阅读次数 字体 分类 责任部门 发布部门 文件编号 编号 信息分类 服务对象 文种 浏览量 访问量 录入 编辑 审核 责任编辑 "
    "机构分类 公开日期 公开时间 发布机关 所属主题 内容分类 制发单位 失效日期 制发机关 成文时间"
).split()
_LABEL_ALT = "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(_LABELS, key=len, reverse=True))
_LABEL_AT = compile_tolerant(rf"(?:^|(?<=[\s|｜【\[]))(?P<label>{_LABEL_ALT})\s*[:：]\s*\|?")
_LABEL_START = compile_tolerant(rf"^\s*[|｜]?\s*(?P<label>{_LABEL_ALT})\s*[:：]")

_FURNITURE = [
    compile_tolerant(p)
    for p in (
        r"^(?:您|你)?(?:当前|现在|目前|所在)?的?位置\s*[:：]",
        r"^当前位置",
        r"首页\s*(?:>|&gt;|》|/|»)",
        r"(?:>>|&gt;&gt;|»)\s*正文",
        r"【?字[体號号]\s*[:：]?\s*(?:【|\[)?\s*(?:大|A[+-]?)",
        r"^(?:打印本页|关闭窗口|【打印】|【关闭】|【打印正文】|打印|关闭|收藏|分享到?\s*[:：]?|扫一扫.*|朗读|返回顶部|上一篇.*|下一篇.*|阅读全文|"
        r"热门内容|最新内容|热门文章|推荐阅读|相关阅读|相关文章|相关链接|网罗天下|频道推荐|智能推荐|图片新闻|"
        r"政策留言板.*|我要纠错|附件下载|视力保护色.*)$",
        r"^相关(?:专题|新闻|链接|文章|阅读|推荐)\s*[:：]",
        r"^简介\s*[:：]",
        r"下载本文|会员上传|文库",
        r"^第[一二三四五六七八九十\d]{1,3}篇\s*[:：]",
        r"点击数\s*[:：]|浏览次数\s*[:：]|阅读次数\s*[:：]",
        r"^(?:www\.|https?://)",
    )
]
# values of 政府信息公开 blocks printed without their labels
_BARE_VALUE = re.compile(
    r"^(?:[A-Z]{1,4}\d[\dA-Z]*[-/]\d{4}[-/]\d{2,6}|\d{1,3}/\d{4}-\d{3,6}|"
    r"主动公开|依申请公开|不予公开|全部公开|部分公开|长期公开|有效|废止|"
    r"\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)


# a table copied without its colons: 索引号<TAB>…<TAB>发布机构<TAB>… (only labels no sentence starts with)
_STRONG = (
    "索引号 发布机构 发文机关 发文单位 发文字号 文号 成文日期 发文日期 发布日期 主题分类 公开方式 公开范围 名称 标题"
).split()
_STRONG_ALT = "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(_STRONG, key=len, reverse=True))
_BARE_LABEL = compile_tolerant(rf"(?:^|(?<=\s))(?P<label>{_STRONG_ALT})\s+(?=\S)")


def _bare_pairs(line: str) -> dict[str, str] | None:
    starts = list(_BARE_LABEL.finditer(line))
    if not starts or starts[0].start() != 0:
        return None
    pairs = {}
    for index, found in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(line)
        pairs.setdefault(simplified(re.sub(r"\s+", "", found["label"])), clean_line(line[found.end() : end]))
    return pairs


# a label alone on its line, its value on the next (a 政府信息公开 table copied cell by cell): not the title's
# words (名称, 标题 …: a title line is never taken for a value)
_NOT_LONE = {"名称", "标题", "原标题", "时间", "日期", "字体", "编辑", "审核", "录入"}
_LONE_ALT = "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(set(_LABELS) - _NOT_LONE, key=len, reverse=True)
)
_LONE_LABEL = compile_tolerant(rf"^\s*[|｜【\[]?\s*(?P<label>{_LONE_ALT})\s*[:：]?\s*[|｜】\]]?\s*$")


def lone_label(line: str) -> str | None:
    """The metadata label (simplified, no spaces) a line holds alone (`文 号`, `机构分类：`), else None."""
    found = _LONE_LABEL.match(line)
    return simplified(re.sub(r"\s+", "", found["label"])) if found else None


def is_furniture(line: str) -> bool:
    return any(p.search(line) for p in _FURNITURE)


def is_bare_value(line: str) -> bool:
    return bool(_BARE_VALUE.match(line.strip()))


# `4. [成文日期] 2020-01-13` / `【发文字号】东政办发〔2020〕1号`: a catalogue's labels in brackets, maybe numbered
_BRACKETED = compile_tolerant(
    rf"^\s*(?:\d{{1,2}}\s*[.、．]\s*)?[\[【［]\s*(?P<label>{_LABEL_ALT})\s*[\]】］]\s*[:：]?\s*(?P<value>.*)$"
)


def metadata_pairs(line: str) -> dict[str, str] | None:
    """label → value for a metadata line (`文 号: X 公开类型: Y`, `索引号: | X | 发文字号: | Y |`), else None."""
    if bracketed := _BRACKETED.match(line):
        return {simplified(re.sub(r"\s+", "", bracketed["label"])): clean_line(bracketed["value"])}
    starts = list(_LABEL_AT.finditer(line))
    if not starts:
        return _bare_pairs(line)
    leading = line[: starts[0].start()].strip(" |｜【[")
    dated = re.fullmatch(r"[\d\-/.:年月日\s]{8,}", leading)  # 2021-06-03 09:30 来源：…
    if not (_LABEL_START.match(line) or len(starts) >= 2 or dated or re.search(r"[A-Za-z]{2,}\.[a-z]{2,}", leading)):
        return None
    if leading and re.search("[。；]", leading):
        return None
    pairs: dict[str, str] = {}
    for index, found in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(line)
        label = simplified(re.sub(r"\s+", "", found["label"]))
        value = re.split(r"\s*[|｜]\s*", line[found.end() : end].strip(" |｜"))[0].strip()
        value = re.sub(r"[【\[]\s*$", "", value).strip()
        pairs.setdefault(label, clean_line(value))
    return pairs
