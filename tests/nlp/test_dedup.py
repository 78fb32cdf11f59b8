"""Campaign clustering (nlp.dedup): normalisation, verification, batch, stream, incremental."""

import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench.dedup_generate import generate
from bench.dedup_score import pairwise_scores
from nlp import dedup
from nlp.dedup import (
    THRESHOLD,
    IncrementalClusterer,
    can_merge_clusters,
    cluster,
    cluster_stream,
    is_same_campaign,
    normalise,
    signature,
    similarity,
)

LETTER = (
    "I am writing to urge the Commission to keep the strong net neutrality rules adopted in "
    "2015. Internet service providers must not be allowed to block lawful websites, throttle "
    "video calls or sell fast lanes to the highest bidder. Small businesses like mine depend "
    "on an open internet to reach customers on equal terms. Please do not repeal Title II."
)
SENTENCES = [s.strip() + "." for s in LETTER.split(".") if s.strip()]

# Same topic, same template-like structure, different content: never one campaign.
SAME_TOPIC = [
    "I am writing to urge the Commission to repeal the heavy-handed rules adopted in 2015. "
    "Federal regulators must not be allowed to micromanage private networks, dictate prices "
    "or discourage investment in rural fiber. Small carriers like mine depend on a light-touch "
    "framework to raise capital on fair terms. Please restore the 1996 approach.",
    "I am writing to ask the Commission to keep the net neutrality rules adopted in 2015. "
    "Cable companies must not be allowed to favour their own streaming services or charge "
    "artists extra to be heard. Musicians like me depend on listeners finding our work on "
    "equal terms. Please protect independent creators.",
    "I am writing to urge the Commission to strengthen privacy rules for broadband. Mobile "
    "carriers must not be allowed to sell location data or browsing histories without "
    "consent. Survivors of domestic violence depend on that data staying private. Please "
    "require opt-in consent.",
]


def copies(ident_prefix, texts):
    return [(f"{ident_prefix}{i}", text) for i, text in enumerate(texts)]


def test_normalise_folds_case_space_punctuation_and_greetings():
    variant = f"Dear FCC,\n\n{LETTER.upper().replace(' ', '   ')}\n\nSincerely,\nJane Q. Public"
    assert normalise(variant) == normalise(LETTER)
    assert normalise("Hello, Dear Commissioners: Keep it open!!  Thanks, Bob") == "keep it open"
    assert normalise("To whom it may concern: Keep it open.\n-- Bob, Ohio") == "keep it open"


def test_normalise_keeps_a_comment_that_is_only_thanks():
    assert normalise("Thank you FCC for protecting net neutrality.") == (
        "thank you fcc for protecting net neutrality"
    )


def test_normalise_chinese_greetings_and_signoff():
    text = "尊敬的委员会：\n我们支持电子申请，请取消公证要求。\n此致\n敬礼！\n张伟"
    assert normalise(text) == "我们支持电子申请 请取消公证要求"
    assert normalise("您好！我们支持电子申请，请取消公证要求。谢谢！") == normalise(text)


@pytest.mark.parametrize(
    "variant",
    [
        # an inserted personal sentence
        " ".join(
            SENTENCES[:2] + ["As a baker in Dayton, Ohio I sell most cakes online."] + SENTENCES[2:]
        ),
        # reordered sentences
        " ".join(SENTENCES[::-1]),
        # different greeting and signature, case and spacing
        f"Hi there,\n{LETTER.lower()}\nRegards,\nAmara Okafor\nTucson, AZ",
        # synonym swaps and typos
        LETTER.replace("urge", "ask")
        .replace("keep", "maintain")
        .replace("Please", "Kindly")
        .replace("customers", "custmoers")
        .replace("equal", "eqaul"),
    ],
    ids=["inserted-sentence", "reordered", "salutation-signature", "synonyms-typos"],
)
def test_mail_merge_variants_are_the_same_campaign(variant):
    score = similarity(LETTER, variant)
    assert is_same_campaign(score), score
    result = cluster([("a", LETTER), ("b", variant)])
    assert result[0].cluster == result[1].cluster == "a"


@pytest.mark.parametrize("other", SAME_TOPIC)
def test_same_topic_and_structure_is_not_a_campaign(other):
    assert not is_same_campaign(similarity(LETTER, other))


def test_distinct_comments_on_one_topic_stay_apart_even_amid_a_campaign():
    variants = [
        LETTER,
        LETTER.replace("urge", "ask"),
        f"Dear FCC, {LETTER} Thanks, Omar",
        " ".join(SENTENCES[1:] + SENTENCES[:1]),
    ]
    records = copies("v", variants) + copies("s", SAME_TOPIC)
    result = {a.id: a.cluster for a in cluster(records)}
    assert {result[f"v{i}"] for i in range(len(variants))} == {"v0"}
    assert [result[f"s{i}"] for i in range(len(SAME_TOPIC))] == ["s0", "s1", "s2"]


def test_a_comment_quoting_two_letters_does_not_chain_their_campaigns():
    other = SAME_TOPIC[1]
    other_sentences = [x.strip() + "." for x in other.split(".") if x.strip()]
    mixed = " ".join(SENTENCES[:2] + other_sentences[2:])
    records = [
        ("a1", LETTER),
        ("b1", other),
        ("a2", f"Dear FCC, {LETTER}"),
        ("b2", other.replace("ask", "urge")),
        ("mix", mixed),
        ("a3", LETTER.lower()),
        ("b3", f"{other} Thanks, Kim"),
    ]
    # the mixed comment matches both letters, but the letters do not match each other
    assert is_same_campaign(similarity(mixed, LETTER)) and is_same_campaign(
        similarity(mixed, other)
    )
    assert not can_merge_clusters(similarity(LETTER, other))
    result = {a.id: a.cluster for a in cluster(records)}
    assert {result["a1"], result["a2"], result["a3"]} == {"a1"}
    assert {result["b1"], result["b2"], result["b3"]} == {"b1"}


def test_a_far_copy_that_started_its_own_cluster_is_merged_by_a_bridging_copy():
    s = SENTENCES
    far = " ".join(
        ["As a baker in Dayton I sell most of my cakes online."]
        + [s[0].replace("urge", "implore").replace("strong", "robust")]
        + [s[2].replace("depend", "rely"), s[3], "My daughter studies online every night."]
    )
    bridge = " ".join(
        [s[0].replace("urge", "implore"), s[1], s[2].replace("depend", "rely"), s[3]]
        + ["My daughter studies online every night."]
    )
    assert not is_same_campaign(similarity(LETTER, far))
    assert can_merge_clusters(similarity(LETTER, far))
    clusterer = IncrementalClusterer()
    assert clusterer.add("a", LETTER).cluster == "a"
    assert clusterer.add("f", far).cluster == "f"
    assert clusterer.add("m", bridge).cluster == "a"
    assert [a.cluster for a in clusterer.assignments()] == ["a", "a", "a"]


def test_band_keys_do_not_depend_on_the_process():
    code = (
        "from nlp.dedup import signature; print(*signature(__import__('sys').argv[1]).band_keys())"
    )
    keys = {
        tuple(
            subprocess.run(
                [sys.executable, "-c", code, LETTER],
                env={**os.environ, "PYTHONHASHSEED": seed},
                capture_output=True,
                text=True,
                check=True,
                cwd=Path(__file__).parents[2],
            ).stdout.split()
        )
        for seed in ("1", "2")
    }
    assert keys == {tuple(signature(LETTER).band_keys())}


def test_chinese_campaign_clusters_and_distinct_chinese_comment_does_not():
    letter = (
        "我们建议专利局全面推行电子申请。要求申请人邮寄纸件原件增加了成本。"
        "电子签名应当与手写签名具有同等效力。希望尽快取消公证认证要求。"
    )
    variant = (
        "尊敬的秘书处：\n电子签名应当与手写签名具有同等效力。我们提议专利局全面推行电子申请。"
        "作为一名专利代理师，我对此深有体会。要求申请人邮寄纸件原件增加了成本。"
        "希望尽快取消公证认证要求。\n此致 敬礼\n王芳"
    )
    distinct = (
        "我们建议专利局延长缴费期限。要求申请人当面递交文件浪费了时间。"
        "外国申请人应当可以委托本地代理机构。希望尽快公布新的收费标准。"
    )
    assert is_same_campaign(similarity(letter, variant))
    assert not is_same_campaign(similarity(letter, distinct))
    result = cluster([("a", letter), ("b", variant), ("c", distinct)])
    assert [a.cluster for a in result] == ["a", "a", "c"]


def test_generated_docket_pairwise_f1():
    rows = generate(3000, seed=11)
    result = cluster((ident, text) for ident, text, _ in rows)
    scores = pairwise_scores(
        {a.id: a.cluster for a in result}, {ident: truth for ident, _, truth in rows}
    )
    assert scores["f1"] >= 0.95, scores


def test_representative_is_the_most_copied_text_and_similarities_are_to_it():
    records = [
        ("1", LETTER.replace("urge", "ask") + " As a nurse I rely on it."),
        ("2", f"Dear FCC, {LETTER}"),
        ("3", LETTER),
        ("4", "A comment about something else entirely, patents filed on paper."),
    ]
    result = cluster(records)
    assert [a.cluster for a in result] == ["1", "1", "1", "4"]
    assert [a.representative for a in result] == [False, True, False, True]
    assert result[1].similarity == result[2].similarity == result[3].similarity == 100
    assert result[0].similarity == similarity(records[0][1], LETTER) < 100


def stream(lines):
    out = io.StringIO()
    cluster_stream(io.StringIO("".join(lines)), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_stream_answers_one_line_per_input_in_input_order():
    ids = ["z", 7, "a", "m"]
    texts = [LETTER, SAME_TOPIC[0], f"Hello, {LETTER}", SAME_TOPIC[1]]
    lines = [json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, texts, strict=True)]
    result = stream(lines + ["\n"])
    assert [r["id"] for r in result] == ids
    assert [r["cluster"] for r in result] == ["z", "7", "z", "m"]
    assert set(result[0]) == {"id", "cluster", "representative", "similarity"}
    assert [r["representative"] for r in result] == [True, True, False, True]
    assert all(0 <= r["similarity"] <= 100 for r in result)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('["a", "b"]', "line 2: expected a JSON object"),
        ('{"id": "x"}', "line 2: 'text' must be a string"),
        ('{"id": null, "text": "t"}', "line 2: 'id' must be"),
        ('{"id": "1", "text": "again"}', "line 2: duplicate id '1' (first on line 1)"),
    ],
)
def test_stream_rejects_malformed_lines_with_line_number_and_writes_nothing(bad, message):
    lines = io.StringIO(f'{{"id": "1", "text": "first"}}\n{bad}\n{{"id": "3", "text": "x"}}\n')
    out = io.StringIO()
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cluster_stream(lines, out)
    assert out.getvalue() == ""


def test_signature_is_stable_and_indexable():
    sig = signature(LETTER)
    keys = sig.band_keys()
    assert len(keys) == len(set(keys)) > 1
    assert all(len(key) == 18 for key in keys)
    assert keys == signature(LETTER).band_keys()
    assert sig.exact_key == signature(f"Dear Chair,\n{LETTER.upper()}\nBest, Kim").exact_key
    variant_text = LETTER.replace("urge", "ask") + " As a farmer I need this."
    variant = signature(variant_text)
    assert set(keys) & set(variant.band_keys())  # a near copy meets it in some LSH bucket
    assert sig.similarity(variant) == similarity(LETTER, variant_text)
    assert THRESHOLD == 65 and is_same_campaign(THRESHOLD) and not is_same_campaign(THRESHOLD - 1)


def test_incremental_clustering_equals_batch():
    rows = generate(1500, seed=5)
    records = [(ident, text) for ident, text, _ in rows]
    clusterer = IncrementalClusterer()
    live = [clusterer.add(ident, text) for ident, text in records]
    final = clusterer.assignments()
    assert final == cluster(records)
    assert [a.id for a in live] == [ident for ident, _ in records]
    assert len(Counter(a.cluster for a in final)) < len(records) / 3  # campaigns were found


def test_parallel_batch_equals_incremental(monkeypatch):
    rows = generate(1200, seed=8)
    lines = [json.dumps({"id": ident, "text": text}) + "\n" for ident, text, _ in rows]
    monkeypatch.setattr(dedup, "_CHUNK", 100)  # several chunks: the worker-pool path
    result = stream(lines)
    clusterer = IncrementalClusterer()
    for ident, text, _ in rows:
        clusterer.add(ident, text)
    expected = [
        {
            "id": a.id,
            "cluster": a.cluster,
            "representative": a.representative,
            "similarity": a.similarity,
        }
        for a in clusterer.assignments()
    ]
    assert result == expected
