"""Generate an FCC-like docket of public comments with known campaign ground truth.

    python bench/dedup_generate.py N --seed S --truth truth.jsonl > comments.jsonl

Mix (after the 2017 net-neutrality docket): about 6% unique comments, seven huge campaigns
holding about 38% of all comments, and many smaller campaigns (some in Chinese). Campaign
copies carry mail-merge variation: synonym swaps, an inserted personal sentence, reordered
or dropped sentences, typos, case and whitespace changes, different greetings and
signatures. Unique comments and campaign texts come from the same topic grammars, so many
distinct comments share a topic and a sentence structure: the hard negatives.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Wei Fang Priya Ahmed Olga Luis "
    "Mei Kenji Amara Tomasz Ingrid Mateo Aisha Dmitri Chloe Rafael Nadia Samuel Grace Omar"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Chen Wang Patel Nguyen Kim "
    "Kowalski Okafor Schmidt Rossi Dubois Novak Haddad Silva Tanaka Ivanova Murphy Cohen"
).split()
CITIES = (
    "Springfield, IL|Austin, TX|Portland, OR|Columbus, OH|Tampa, FL|Denver, CO|Boise, ID|"
    "Albany, NY|Reno, NV|Madison, WI|Tucson, AZ|Raleigh, NC|Omaha, NE|Fresno, CA|Dayton, OH"
).split("|")
SALUTATIONS = [
    "Dear FCC,",
    "Dear Commissioners,",
    "Dear Chairman Pai,",
    "To the Federal Communications Commission:",
    "To whom it may concern:",
    "Hello,",
    "Dear Sir or Madam,",
    "Dear Secretariat,",
    "Hi FCC,",
    "Greetings,",
]
SIGNOFFS = ["Sincerely,", "Regards,", "Best regards,", "Respectfully,", "Thank you,", "Thanks,"]
ZH_SALUTATIONS = ["尊敬的委员会：", "尊敬的秘书处：", "您好！", "各位领导好："]
ZH_SIGNOFFS = ["此致\n敬礼！", "此致 敬礼", "谢谢！", "敬上"]
ZH_NAMES = "张伟 王芳 李娜 刘洋 陈静 杨磊 赵敏 黄勇 周杰 吴霞 徐涛 孙丽 马超 朱琳 胡斌".split()

# Each topic: slot fillers for the shared sentence frames below.
TOPICS = {
    "open internet": {
        "thing": "net neutrality|the open internet|Title II protections|the 2015 Open Internet "
        "Order|bright-line rules against blocking|the ban on paid prioritization",
        "actor": "internet service providers|cable companies|broadband monopolies|large ISPs|"
        "wireless carriers|telecom giants",
        "harm": "throttle websites they dislike|charge tolls for fast lanes|block lawful "
        "content|favour their own streaming services|raise prices without competition|"
        "slow down video calls",
        "group": "small businesses|students|rural families|independent artists|nonprofits|"
        "startups|disabled users|veterans",
        "good": "free speech online|fair competition|innovation|access to education|"
        "consumer choice|a level playing field",
        "act": "keep|protect|preserve|enforce|strengthen|restore",
    },
    "deregulation": {
        "thing": "the Restoring Internet Freedom proposal|light-touch regulation|the repeal of "
        "Title II|the free market approach|the return to the 1996 framework",
        "actor": "federal bureaucrats|Washington regulators|the previous Commission|"
        "unelected officials|government lawyers",
        "harm": "micromanage private networks|discourage broadband investment|slow the "
        "deployment of fiber|impose utility-style rules|stifle new services",
        "group": "taxpayers|rural carriers|wireless innovators|small cable operators|"
        "manufacturers|job creators",
        "good": "private investment|economic growth|network upgrades|consumer freedom|"
        "market competition|faster rural broadband",
        "act": "support|adopt|finalize|approve|advance|defend",
    },
    "ai copyright": {
        "thing": "copyright protection for human authors|the originality requirement|"
        "transparency about training data|a licensing market for training|"
        "the text and data mining exception|attribution of AI outputs",
        "actor": "AI developers|technology platforms|model providers|data brokers|"
        "large publishers|collecting societies",
        "harm": "copy creative works without permission|flood markets with synthetic "
        "content|hide the sources they use|claim rights over machine output|"
        "undercut working illustrators",
        "group": "authors|musicians|photographers|translators|researchers|libraries|"
        "small publishers|software developers",
        "good": "human creativity|fair remuneration|scientific research|legal certainty|"
        "access to knowledge|cultural diversity",
        "act": "clarify|protect|review|balance|recognise|update",
    },
    "patent filing": {
        "thing": "electronic filing of patent applications|electronic signatures|online fee "
        "payment|the abolition of notarisation|digital priority documents|"
        "filing by e-mail as a fallback",
        "actor": "the patent office|national registries|examination divisions|"
        "fee offices|paper-based procedures",
        "harm": "demand handwritten signatures|require originals by post|refuse online "
        "payments|insist on filing in person|charge extra for paper copies",
        "group": "independent inventors|universities|small firms|patent attorneys|"
        "foreign applicants|research institutes",
        "good": "lower costs|faster examination|legal certainty|equal access|"
        "reliable filing dates|international harmonisation",
        "act": "introduce|accept|simplify|modernise|guarantee|extend",
    },
    "privacy": {
        "thing": "broadband privacy rules|opt-in consent for browsing data|limits on data "
        "retention|the ban on selling location data|encryption of customer records",
        "actor": "advertising networks|data brokers|internet providers|mobile carriers|"
        "app developers|tracking companies",
        "harm": "sell browsing histories|track location without consent|build secret "
        "profiles|share health data with advertisers|keep records forever",
        "group": "patients|children|domestic violence survivors|journalists|seniors|"
        "immigrant communities|teenagers",
        "good": "personal privacy|trust online|data security|informed consent|"
        "digital safety|consumer control",
        "act": "keep|restore|enforce|expand|protect|tighten",
    },
}
FRAMES = [
    "I {adv} urge you to {act} {thing}.",
    "Please {act} {thing} for the sake of {group}.",
    "Without {thing}, {actor} will {harm}.",
    "{Thing} matters to {group} because it supports {good}.",
    "As someone who cares about {good}, I {adv} ask the Commission to {act} {thing}.",
    "It is wrong to let {actor} {harm}, and {group} know it.",
    "{Group} depend on {good} and deserve better from {actor}.",
    "The Commission should {act} {thing} and stop {actor} who {harm}.",
    "We have already seen {actor} {harm} when {thing} was weak.",
    "My family and I rely on {good}, which {thing} secures.",
    "Do not allow {actor} to {harm} at the expense of {group}.",
    "History shows that {thing} promotes {good} for {group}.",
    "I am writing to express my view on {thing} and {good}.",
    "Any decision on {thing} will shape {good} for years to come.",
    "In my experience, {actor} {adv} {harm} whenever they can.",
    "{Group} in my community have told me that {good} is at stake.",
    "The record before you shows that {group} need {thing}.",
    "If you fail to {act} {thing}, {group} will pay the price.",
    "I {adv} believe that {good} cannot survive unless you {act} {thing}.",
    "Nobody voted to let {actor} {harm}.",
    "The public interest requires that you {act} {thing} now.",
    "Consider how {group} would fare if {actor} could {harm}.",
]
ADVERBS = "strongly|respectfully|firmly|sincerely|urgently|earnestly|simply|honestly"
# Optional sentence endings: distinct comments share frames, seldom whole sentences.
ENDINGS = (
    "||||| in {state}| right now| this year| in the long run| across the country| in rural "
    "areas| for everyone| in our schools| in my town| at every level| before it is too late| "
    "in the years ahead| without delay| for the next generation| in practice| once and for all"
)
STATES = (
    "Ohio|Texas|Oregon|Maine|Iowa|Utah|Nevada|Vermont|Kansas|Georgia|Montana|Alaska|Idaho|"
    "Kentucky|Michigan|Arizona|Florida|Wisconsin|Colorado|Nebraska"
)
PERSONAL = [
    "As a {job} in {city}, I see this every day.",
    "I am a {job} and my work depends on it.",
    "My {relative} runs a small {shop} in {city} and worries about this.",
    "Speaking as a {job} with {n} years of experience, this is important to me.",
    "I live in {city} where we have only one provider.",
    "This affects my {relative}, who is a {job}.",
]
JOBS = "teacher|nurse|farmer|engineer|student|retiree|musician|lawyer|mechanic|librarian|doctor"
RELATIVES = "mother|father|sister|brother|neighbour|daughter|son|cousin"
SHOPS = "bakery|bookstore|repair shop|design studio|bike shop|cafe|pharmacy"
SYNONYMS = {
    "urge": ["ask", "implore", "call on", "encourage"],
    "keep": ["maintain", "retain", "uphold"],
    "protect": ["safeguard", "defend", "shield"],
    "wrong": ["unacceptable", "a mistake", "unfair"],
    "depend": ["rely", "count"],
    "deserve": ["merit", "are owed"],
    "important": ["vital", "essential", "crucial"],
    "stop": ["prevent", "restrain", "block"],
    "already": ["previously", "repeatedly"],
    "shows": ["proves", "demonstrates", "tells us"],
    "decision": ["choice", "ruling", "determination"],
    "writing": ["submitting this comment", "writing in"],
    "view": ["opinion", "position"],
    "cares": ["is concerned", "thinks hard"],
    "Please": ["Kindly", "I ask you to", "I request that you"],
    "allow": ["let", "permit"],
    "weak": ["absent", "lax", "unenforced"],
    "years": ["decades", "a generation"],
}
ZH_TOPICS = {
    "人工智能": {
        "thing": "人类作者的著作权保护|训练数据的透明度|文本与数据挖掘例外|人工智能生成内容的标注|"
        "合理的许可机制",
        "actor": "人工智能开发者|大型平台|数据公司|模型提供商",
        "harm": "未经许可复制作品|隐瞒训练数据来源|冲击创作者收入|主张机器生成内容的权利",
        "group": "作家|音乐人|摄影师|科研人员|中小出版社|高校",
        "good": "人类创造力|公平报酬|法律确定性|知识获取|文化多样性",
    },
    "专利电子申请": {
        "thing": "专利电子申请|电子签名|网上缴费|取消公证认证要求|优先权文件数字交换",
        "actor": "专利局|审查部门|缴费窗口|纸件程序",
        "harm": "要求手写签名|要求邮寄原件|拒绝网上支付|要求当面递交",
        "group": "个人发明人|高等院校|中小企业|专利代理师|外国申请人",
        "good": "降低成本|加快审查|平等获取|可靠的申请日|国际协调",
    },
}
ZH_FRAMES = [
    "我们建议进一步完善{thing}。",
    "{thing}对{group}非常重要，因为它有利于{good}。",
    "如果缺少{thing}，{actor}可能会{harm}。",
    "应当防止{actor}{harm}，以保护{group}的利益。",
    "{group}依赖{good}，希望有关部门重视{thing}。",
    "从长远看，{thing}将促进{good}。",
    "我们注意到{actor}曾经{harm}，这损害了{good}。",
    "建议在修订草案时明确规定{thing}，并听取{group}的意见。",
    "希望立法机关充分考虑{group}对{good}的期待。",
    "现行做法使{actor}得以{harm}，亟需改进{thing}。",
    "只有落实{thing}，才能保障{good}。",
]
ZH_SYNONYMS = {"建议": ["提议", "主张"], "非常": ["十分", "特别"], "防止": ["避免", "杜绝"]}
ZH_PERSONAL = ["作为一名{job}，我对此深有体会。", "我在{city}工作，身边很多人关心这个问题。"]
ZH_JOBS = "教师|律师|工程师|研究生|医生|编辑".split("|")
ZH_CITIES = "北京|上海|广州|成都|武汉|西安".split("|")


def pick(rng: random.Random, options: str) -> str:
    return rng.choice(options.split("|"))


def english_sentence(rng: random.Random, topic: dict) -> str:
    frame = rng.choice(FRAMES)
    values = {slot: pick(rng, fillers) for slot, fillers in topic.items()}
    values["adv"] = pick(rng, ADVERBS)
    values.update({slot.capitalize(): value.capitalize() for slot, value in values.items()})
    text = frame.format(**values)
    ending = pick(rng, ENDINGS).format(state=pick(rng, STATES))
    return text[0].upper() + text[1:-1] + ending + text[-1]


def chinese_sentence(rng: random.Random, topic: dict) -> str:
    return rng.choice(ZH_FRAMES).format(**{s: pick(rng, f) for s, f in topic.items()})


def distinct_text(rng: random.Random, chinese: bool) -> list[str]:
    """A comment's own sentences (3-7), all on one topic."""
    if chinese:
        topic = rng.choice(list(ZH_TOPICS.values()))
        return [chinese_sentence(rng, topic) for _ in range(rng.randint(3, 6))]
    topic = rng.choice(list(TOPICS.values()))
    return [english_sentence(rng, topic) for _ in range(rng.randint(3, 7))]


def typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) - 1)
    if not text[i].isalpha():
        return text
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def swap_synonyms(rng: random.Random, sentence: str, table: dict) -> str:
    for word, alternatives in table.items():
        if word in sentence and rng.random() < 0.5:
            sentence = sentence.replace(word, rng.choice(alternatives), 1)
    return sentence


def personal(rng: random.Random, chinese: bool) -> str:
    if chinese:
        return rng.choice(ZH_PERSONAL).format(job=rng.choice(ZH_JOBS), city=rng.choice(ZH_CITIES))
    return rng.choice(PERSONAL).format(
        job=pick(rng, JOBS),
        city=rng.choice(CITIES),
        relative=pick(rng, RELATIVES),
        shop=pick(rng, SHOPS),
        n=rng.randint(2, 40),
    )


def copy_of(rng: random.Random, template: list[str], chinese: bool) -> str:
    """One mail-merge copy of a campaign text."""
    sentences = list(template)
    if rng.random() < 0.6:  # about 40% are verbatim apart from greeting and signature
        if rng.random() < 0.5:
            table = ZH_SYNONYMS if chinese else SYNONYMS
            sentences = [swap_synonyms(rng, s, table) for s in sentences]
        if rng.random() < 0.35:
            sentences.insert(rng.randint(0, len(sentences)), personal(rng, chinese))
        if rng.random() < 0.25:
            rng.shuffle(sentences)
        if rng.random() < 0.1 and len(sentences) > 3:
            del sentences[rng.randrange(len(sentences))]
    body = ("" if chinese else " ").join(sentences)
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 3)):
            body = typo(rng, body)
    if rng.random() < 0.1:
        body = body.upper()
    if rng.random() < 0.1:
        body = body.replace(" ", "  ").replace("。", "。\n")
    parts = []
    if rng.random() < 0.7:
        parts.append(rng.choice(ZH_SALUTATIONS if chinese else SALUTATIONS))
    parts.append(body)
    if rng.random() < 0.7:
        if chinese:
            parts.append(f"{rng.choice(ZH_SIGNOFFS)}\n{rng.choice(ZH_NAMES)}")
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            parts.append(f"{rng.choice(SIGNOFFS)}\n{name}\n{rng.choice(CITIES)}")
    return rng.choice(["\n\n", "\n", " "]).join(parts)


def campaign_sizes(rng: random.Random, n: int) -> list[int]:
    """Seven huge campaigns (~38%) and many small ones (~56%), heavy-tailed."""
    huge_total = round(n * 0.38)
    weights = [rng.uniform(0.5, 2.0) for _ in range(7)]
    sizes = [max(2, round(huge_total * w / sum(weights))) for w in weights]
    remaining = round(n * 0.56)
    cap = max(2, n // 200)
    while remaining >= 2:
        size = min(remaining, cap, max(2, int(rng.paretovariate(1.1) * 2)))
        sizes.append(size)
        remaining -= size
    return sizes


def generate(n: int, seed: int) -> list[tuple[str, str, str]]:
    """(id, text, true cluster) in random arrival order."""
    rng = random.Random(seed)
    rows: list[tuple[str, str]] = []
    for number, size in enumerate(campaign_sizes(rng, n)):
        chinese = rng.random() < 0.08
        template = distinct_text(rng, chinese)
        rows.extend((copy_of(rng, template, chinese), f"c{number}") for _ in range(size))
    unique = 0
    while len(rows) < n:
        chinese = rng.random() < 0.08
        rows.append((copy_of(rng, distinct_text(rng, chinese), chinese), f"u{unique}"))
        unique += 1
    rng.shuffle(rows)
    return [(f"{i:07d}", text, truth) for i, (text, truth) in enumerate(rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("n", type=int, help="number of comments")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--truth", help="write id -> true cluster JSONL here")
    args = parser.parse_args()
    rows = generate(args.n, args.seed)
    out = sys.stdout
    for ident, text, _ in rows:
        out.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
    if args.truth:
        with open(args.truth, "w", encoding="utf-8") as fh:
            for ident, _, truth in rows:
                fh.write(json.dumps({"id": ident, "cluster": truth}) + "\n")


if __name__ == "__main__":
    main()
