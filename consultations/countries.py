"""Countries (ISO 3166-1 alpha-2) with English and Chinese names and the WIPO region used in the
compilation's counts. The grouping follows WIPO's regional bureaus (Africa; Arab; Asia and the
Pacific; Latin America and the Caribbean; Transition and Developed countries)."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

AFRICA = "africa"
ARAB = "arab"
ASIA_PACIFIC = "asia_pacific"
LATIN_AMERICA = "latin_america"
TRANSITION_DEVELOPED = "transition_developed"

REGIONS = {
    AFRICA: _("Africa"),
    ARAB: _("Arab"),
    ASIA_PACIFIC: _("Asia and the Pacific"),
    LATIN_AMERICA: _("Latin America and the Caribbean"),
    TRANSITION_DEVELOPED: _("Transition and Developed"),
}

_R = {"AF": AFRICA, "AR": ARAB, "AP": ASIA_PACIFIC, "LA": LATIN_AMERICA, "TD": TRANSITION_DEVELOPED}

# code | English | 中文 | region
_TABLE = """
AF|Afghanistan|阿富汗|AP
AL|Albania|阿尔巴尼亚|TD
DZ|Algeria|阿尔及利亚|AR
AD|Andorra|安道尔|TD
AO|Angola|安哥拉|AF
AG|Antigua and Barbuda|安提瓜和巴布达|LA
AR|Argentina|阿根廷|LA
AM|Armenia|亚美尼亚|TD
AU|Australia|澳大利亚|TD
AT|Austria|奥地利|TD
AZ|Azerbaijan|阿塞拜疆|TD
BS|Bahamas|巴哈马|LA
BH|Bahrain|巴林|AR
BD|Bangladesh|孟加拉国|AP
BB|Barbados|巴巴多斯|LA
BY|Belarus|白俄罗斯|TD
BE|Belgium|比利时|TD
BZ|Belize|伯利兹|LA
BJ|Benin|贝宁|AF
BT|Bhutan|不丹|AP
BO|Bolivia|玻利维亚|LA
BA|Bosnia and Herzegovina|波斯尼亚和黑塞哥维那|TD
BW|Botswana|博茨瓦纳|AF
BR|Brazil|巴西|LA
BN|Brunei Darussalam|文莱|AP
BG|Bulgaria|保加利亚|TD
BF|Burkina Faso|布基纳法索|AF
BI|Burundi|布隆迪|AF
CV|Cabo Verde|佛得角|AF
KH|Cambodia|柬埔寨|AP
CM|Cameroon|喀麦隆|AF
CA|Canada|加拿大|TD
CF|Central African Republic|中非共和国|AF
TD|Chad|乍得|AF
CL|Chile|智利|LA
CN|China|中国|AP
CO|Colombia|哥伦比亚|LA
KM|Comoros|科摩罗|AR
CG|Congo|刚果|AF
CR|Costa Rica|哥斯达黎加|LA
CI|Côte d'Ivoire|科特迪瓦|AF
HR|Croatia|克罗地亚|TD
CU|Cuba|古巴|LA
CY|Cyprus|塞浦路斯|TD
CZ|Czechia|捷克|TD
KP|Democratic People's Republic of Korea|朝鲜|AP
CD|Democratic Republic of the Congo|刚果民主共和国|AF
DK|Denmark|丹麦|TD
DJ|Djibouti|吉布提|AR
DM|Dominica|多米尼克|LA
DO|Dominican Republic|多米尼加共和国|LA
EC|Ecuador|厄瓜多尔|LA
EG|Egypt|埃及|AR
SV|El Salvador|萨尔瓦多|LA
GQ|Equatorial Guinea|赤道几内亚|AF
ER|Eritrea|厄立特里亚|AF
EE|Estonia|爱沙尼亚|TD
SZ|Eswatini|斯威士兰|AF
ET|Ethiopia|埃塞俄比亚|AF
FJ|Fiji|斐济|AP
FI|Finland|芬兰|TD
FR|France|法国|TD
GA|Gabon|加蓬|AF
GM|Gambia|冈比亚|AF
GE|Georgia|格鲁吉亚|TD
DE|Germany|德国|TD
GH|Ghana|加纳|AF
GR|Greece|希腊|TD
GD|Grenada|格林纳达|LA
GT|Guatemala|危地马拉|LA
GN|Guinea|几内亚|AF
GW|Guinea-Bissau|几内亚比绍|AF
GY|Guyana|圭亚那|LA
HT|Haiti|海地|LA
VA|Holy See|教廷|TD
HN|Honduras|洪都拉斯|LA
HK|Hong Kong, China|中国香港|AP
HU|Hungary|匈牙利|TD
IS|Iceland|冰岛|TD
IN|India|印度|AP
ID|Indonesia|印度尼西亚|AP
IR|Iran (Islamic Republic of)|伊朗|AP
IQ|Iraq|伊拉克|AR
IE|Ireland|爱尔兰|TD
IL|Israel|以色列|TD
IT|Italy|意大利|TD
JM|Jamaica|牙买加|LA
JP|Japan|日本|TD
JO|Jordan|约旦|AR
KZ|Kazakhstan|哈萨克斯坦|TD
KE|Kenya|肯尼亚|AF
KI|Kiribati|基里巴斯|AP
KW|Kuwait|科威特|AR
KG|Kyrgyzstan|吉尔吉斯斯坦|TD
LA|Lao People's Democratic Republic|老挝|AP
LV|Latvia|拉脱维亚|TD
LB|Lebanon|黎巴嫩|AR
LS|Lesotho|莱索托|AF
LR|Liberia|利比里亚|AF
LY|Libya|利比亚|AR
LI|Liechtenstein|列支敦士登|TD
LT|Lithuania|立陶宛|TD
LU|Luxembourg|卢森堡|TD
MO|Macao, China|中国澳门|AP
MG|Madagascar|马达加斯加|AF
MW|Malawi|马拉维|AF
MY|Malaysia|马来西亚|AP
MV|Maldives|马尔代夫|AP
ML|Mali|马里|AF
MT|Malta|马耳他|TD
MH|Marshall Islands|马绍尔群岛|AP
MR|Mauritania|毛里塔尼亚|AR
MU|Mauritius|毛里求斯|AF
MX|Mexico|墨西哥|LA
FM|Micronesia|密克罗尼西亚|AP
MC|Monaco|摩纳哥|TD
MN|Mongolia|蒙古|AP
ME|Montenegro|黑山|TD
MA|Morocco|摩洛哥|AR
MZ|Mozambique|莫桑比克|AF
MM|Myanmar|缅甸|AP
NA|Namibia|纳米比亚|AF
NR|Nauru|瑙鲁|AP
NP|Nepal|尼泊尔|AP
NL|Netherlands|荷兰|TD
NZ|New Zealand|新西兰|TD
NI|Nicaragua|尼加拉瓜|LA
NE|Niger|尼日尔|AF
NG|Nigeria|尼日利亚|AF
MK|North Macedonia|北马其顿|TD
NO|Norway|挪威|TD
OM|Oman|阿曼|AR
PK|Pakistan|巴基斯坦|AP
PW|Palau|帕劳|AP
PS|Palestine|巴勒斯坦|AR
PA|Panama|巴拿马|LA
PG|Papua New Guinea|巴布亚新几内亚|AP
PY|Paraguay|巴拉圭|LA
PE|Peru|秘鲁|LA
PH|Philippines|菲律宾|AP
PL|Poland|波兰|TD
PT|Portugal|葡萄牙|TD
QA|Qatar|卡塔尔|AR
KR|Republic of Korea|韩国|AP
MD|Republic of Moldova|摩尔多瓦|TD
RO|Romania|罗马尼亚|TD
RU|Russian Federation|俄罗斯联邦|TD
RW|Rwanda|卢旺达|AF
KN|Saint Kitts and Nevis|圣基茨和尼维斯|LA
LC|Saint Lucia|圣卢西亚|LA
VC|Saint Vincent and the Grenadines|圣文森特和格林纳丁斯|LA
WS|Samoa|萨摩亚|AP
SM|San Marino|圣马力诺|TD
ST|Sao Tome and Principe|圣多美和普林西比|AF
SA|Saudi Arabia|沙特阿拉伯|AR
SN|Senegal|塞内加尔|AF
RS|Serbia|塞尔维亚|TD
SC|Seychelles|塞舌尔|AF
SL|Sierra Leone|塞拉利昂|AF
SG|Singapore|新加坡|AP
SK|Slovakia|斯洛伐克|TD
SI|Slovenia|斯洛文尼亚|TD
SB|Solomon Islands|所罗门群岛|AP
SO|Somalia|索马里|AR
ZA|South Africa|南非|AF
SS|South Sudan|南苏丹|AF
ES|Spain|西班牙|TD
LK|Sri Lanka|斯里兰卡|AP
SD|Sudan|苏丹|AR
SR|Suriname|苏里南|LA
SE|Sweden|瑞典|TD
CH|Switzerland|瑞士|TD
SY|Syrian Arab Republic|叙利亚|AR
TJ|Tajikistan|塔吉克斯坦|TD
TH|Thailand|泰国|AP
TL|Timor-Leste|东帝汶|AP
TG|Togo|多哥|AF
TO|Tonga|汤加|AP
TT|Trinidad and Tobago|特立尼达和多巴哥|LA
TN|Tunisia|突尼斯|AR
TR|Türkiye|土耳其|TD
TM|Turkmenistan|土库曼斯坦|TD
TV|Tuvalu|图瓦卢|AP
UG|Uganda|乌干达|AF
UA|Ukraine|乌克兰|TD
AE|United Arab Emirates|阿拉伯联合酋长国|AR
GB|United Kingdom|英国|TD
TZ|United Republic of Tanzania|坦桑尼亚|AF
US|United States of America|美国|TD
UY|Uruguay|乌拉圭|LA
UZ|Uzbekistan|乌兹别克斯坦|TD
VU|Vanuatu|瓦努阿图|AP
VE|Venezuela|委内瑞拉|LA
VN|Viet Nam|越南|AP
YE|Yemen|也门|AR
ZM|Zambia|赞比亚|AF
ZW|Zimbabwe|津巴布韦|AF
"""

COUNTRIES = {
    code: {"en": en, "zh-hans": zh, "region": _R[region]}
    for code, en, zh, region in (line.split("|") for line in _TABLE.strip().splitlines())
}


def country_name(code, language=None):
    """The country's name in the active language (English for any language without names)."""
    entry = COUNTRIES.get(code)
    if entry is None:
        return code
    language = language or get_language() or "en"
    return entry.get(language, entry["en"])


def region_of(code):
    entry = COUNTRIES.get(code)
    return entry["region"] if entry else None


def region_label(key):
    return REGIONS.get(key, _("Unknown region"))


def localized_country_choices():
    """(code, name) pairs in the active language, sorted by name; forms call it per request."""
    return sorted(((code, country_name(code)) for code in COUNTRIES), key=lambda item: item[1])


# The model field's choices: the codes with English names (forms show localised names).
COUNTRY_CHOICES = sorted(
    ((code, entry["en"]) for code, entry in COUNTRIES.items()), key=lambda item: item[1]
)
