"""Traditional characters and pinyin: rules written in simplified characters also match 繁體 notices.

Notices arrive in both scripts (Hong Kong-style pages, 繁體 renderings of mainland sites). Values are kept as
printed; only the patterns that find them are widened, so `联系人` also matches `聯係人` and `聯繫人`.
"""

from __future__ import annotations

import re

# simplified → traditional forms met in notices (one character each way, so positions never shift)
_PAIRS = (
    "关關 于於 联聯 系係繫 电電 话話 邮郵 传傳 号號 发發髮 单單 布佈 办辦 会會 员員 厅廳 处處 区區 县縣 乡鄉 镇鎮 "
    "国國 务務 总總 监監 产產 业業 为為 与與 际際 开開 动動 题題 时時 间間 报報 请請 条條 规規 设設 筑築 门門 节節 "
    "实實 点點 应應 个個 当當 体體 级級 划劃 华華 转轉 围圍 绕繞 万萬 里裏 岁歲 见見 写寫 组組 织織 并並 从從 周週 "
    "届屆 导導 们們 对對 书書 据據 进進 过過 这這 还還 现現 将將 营營 标標 资資 说說 读讀 课課 机機 构構 关関 "
    "门門 卫衛 计計 统統 录錄 务務 经經 济濟 论論 讲講 习習 宣宣 传傳 责責 任任 组組 长長 广廣 东東 苏蘇 浙浙 "
    "闽閩 赣贛 鲁魯 豫豫 鄂鄂 湘湘 粤粵 桂桂 琼瓊 渝渝 川川 贵貴 云雲 陕陝 甘甘 宁寧 青青 新新 疆疆 辽遼 吉吉 "
    "黑黑 龙龍 蒙蒙 晋晉 冀冀 津津 沪滬 京京 兰蘭 汉漢 师師 范範 学學 校校 医醫 疗療 护護 药藥 农農 林林 "
    "园園 网網 站站 页頁 项項 专專 审審 检檢 查查 验驗 执執 法法 质質 气氣 热熱 灾災 险險 难難 众眾 众衆 "
    "顺順 丽麗 湾灣 县縣 场場 厂廠 矿礦 煤煤 贸貿 录錄 库庫 复復 备備 范範 认認 识識 处處 级級 层層 "
    "领領 导導 队隊 员員 职職 称稱 话話 箱箱 真真 编編 码碼 址址 址址 链鏈 接接 附附 件件 表表 册冊 "
    "征徵 稿稿 见見 议議 决決 定定 施施 细細 则則 办辦 达達 运運 输輸 车車 船船 航航 铁鐵 桥橋 "
    "线線 路路 轨軌 燃燃 烧燒 爆爆 炸炸 消消 防防 灭滅 应應 急急 救救 援援 预預 案案 练練 演演 "
    "岗崗 负負 违違 惩懲 罚罰 奖獎 励勵 优優 秀秀 选選 评評 价價 样樣 样様 类類 别別 种種 "
    "内內 务務 财財 税稅 银銀 费費 价價 购購 买買 卖賣 货貨 质質 量量 环環 态態 状狀 况況 "
    "馈饋 于於 后後 几幾 么麼 台臺 台檯 干幹 干乾 历歷 历曆 面麵 钟鐘 钟鍾 叶葉 云雲 范範 "
)
VARIANTS: dict[str, str] = {}
for _pair in _PAIRS.split():
    _simple, _traditional = _pair[0], _pair[1:]
    VARIANTS[_simple] = "".join(dict.fromkeys(VARIANTS.get(_simple, "") + _traditional))
_TO_SIMPLE = {t: s for s, ts in VARIANTS.items() for t in ts if t != s}


def simplified(text: str) -> str:
    """The same text with the traditional characters above folded to simplified (same length)."""
    return text.translate(str.maketrans(_TO_SIMPLE)) if text else text


def tolerant(pattern: str) -> str:
    """A regex whose simplified characters also match their traditional forms (inside classes too)."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        variants = VARIANTS.get(char)
        if variants:
            out.append(char + variants if in_class else f"[{char}{variants}]")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def compile_tolerant(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(tolerant(pattern), flags)


# 關(guān)于, 監(jiān)管: a pinyin reading in ASCII parentheses right after a character (damaged page copies)
_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff])[(（]\s?(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\s?[)）]"
)  # a space may stand inside the brackets (會(huì )): the page's spans, not the reading


def strip_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)
