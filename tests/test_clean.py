"""Cleaning: datelines, paragraphs, near-duplicate paragraphs, refusals, the English check."""

from __future__ import annotations

import json

import pytest

from resgestae.config import Config
from resgestae.errors import ConfigError, InputError
from resgestae.model import Article, content_id
from resgestae.readers.clean import prepare_article
from resgestae.readers.dateline import find_dateline
from resgestae.readers.language import english_score, foreign_score, not_english_reason
from resgestae.readers.paragraphs import paragraph_ranges

# Written for these tests: short news-like paragraphs in five languages.
NOT_ENGLISH = {
    "fr": "Le ministre turc de la Défense est arrivé samedi à Tripoli pour rencontrer "
          "son homologue libyen. Les deux hommes ont parlé de la coopération militaire "
          "entre leurs pays et du cessez-le-feu conclu en octobre, selon un communiqué "
          "publié par le ministère dans la soirée.",
    "de": "Der türkische Verteidigungsminister ist am Samstag nach Tripolis gereist, um "
          "seinen libyschen Amtskollegen zu treffen. Die beiden Politiker sprachen über "
          "die militärische Zusammenarbeit ihrer Länder und über die Waffenruhe, die im "
          "Oktober vereinbart wurde, teilte das Ministerium am Abend mit.",
    "es": "El ministro de Defensa turco llegó el sábado a Trípoli para reunirse con su "
          "homólogo libio. Ambos hablaron de la cooperación militar entre sus países y "
          "del alto el fuego acordado en octubre, según un comunicado que el ministerio "
          "difundió por la noche.",
    "ar": "وصل وزير الدفاع التركي يوم السبت إلى طرابلس للقاء نظيره الليبي، وناقش "
          "الجانبان التعاون العسكري بين البلدين ووقف إطلاق النار الذي تم الاتفاق عليه "
          "في أكتوبر، بحسب بيان صادر عن الوزارة مساء اليوم.",
    "it": "Il ministro turco della Difesa è arrivato sabato a Tripoli per incontrare il suo "
          "omologo libico. I due hanno parlato della cooperazione militare tra i loro paesi "
          "e del cessate il fuoco, secondo un comunicato del ministero.",
    "pt": "O ministro da Defesa turco chegou no sábado a Trípoli para se reunir com o seu "
          "homólogo líbio. Os dois falaram sobre a cooperação militar entre os países e o "
          "cessar-fogo acordado em outubro, segundo um comunicado do ministério.",
    "nl": "De Turkse minister van Defensie is zaterdag in Tripoli aangekomen voor een gesprek "
          "met zijn Libische collega. Zij spraken over de militaire samenwerking tussen de "
          "landen en het staakt-het-vuren, dat in oktober werd gesloten.",
    "zh": "土耳其国防部长星期六抵达的黎波里，与利比亚国防部长举行会谈。双方讨论了两国之间的"
          "军事合作以及十月达成的停火协议，国防部当晚发表声明说，会谈气氛友好。",
}
ENGLISH = (
    "The Turkish defence minister arrived in Tripoli on Saturday to meet his Libyan "
    "counterpart. The two men discussed military cooperation between their countries and "
    "the ceasefire that was agreed in October, according to a statement the ministry "
    "released in the evening."
)


def prepared(text: str, **fields) -> Article:
    return prepare_article(Article(id=content_id(text), text=text, **fields), Config())


def test_sample_article(sample_text):
    article = prepared(sample_text, origin="seed-article.txt")
    assert article.text == sample_text  # offsets into the original stay valid
    assert article.dateline == "Tripoli, Libya"
    first = article.paragraphs[0]
    assert sample_text[first[0]:].startswith("National Defense Minister Hulusi Akar went")
    assert article.language == "en"
    coding = article.coding_text()
    assert len(coding) == len(sample_text) and "Tripoli, Libya" not in coding[:20]
    defense = sample_text.index("The Turkish Defense Ministry said Akar")
    defence = sample_text.index("The Turkish Defence Ministry said Akar")
    assert article.repeats == {defense: 2}
    assert any(start == defense for start, _ in article.paragraphs)
    assert not any(start <= defence < end for start, end in article.paragraphs)
    assert coding[defence:defence + 40].strip() == ""
    assert coding[defense:defense + 40] == sample_text[defense:defense + 40]
    # every other paragraph is kept, the headline-like ones included
    assert len(article.paragraphs) == len(paragraph_ranges(sample_text)) - 1


@pytest.mark.parametrize(("lead", "place"), [
    ("Tripoli, Libya – ", "Tripoli, Libya"),
    ("WASHINGTON (Reuters) - ", "Washington"),
    ("NEW YORK, Dec 26 (Reuters) - ", "New York"),
    ("TRIPOLI, Libya, Dec. 26, 2020 (AP) — ", "Tripoli, Libya"),
    ("Ankara (AA) – ", "Ankara"),
    ("ANKARA — ", "Ankara"),
    ("Abu Dhabi, United Arab Emirates -- ", "Abu Dhabi, United Arab Emirates"),
    ("NEW DELHI: ", "New Delhi"),
])
def test_datelines(lead, place):
    text = lead + "Officials met on Saturday to discuss the ceasefire and the elections."
    assert find_dateline(text) == (place, len(lead))
    article = prepared(text)
    assert article.dateline == place and article.paragraphs == [(len(lead), len(text))]


@pytest.mark.parametrize("text", [
    "Turkey - a NATO member - has backed the government in Tripoli since the offensive.",
    "The minister said - and repeated twice - that the talks went well.",
    "Akar met Namroush in Tripoli on Saturday, the ministry said.",
    "In a long statement, the ministry of defence of the Republic of Turkey - said nothing.",
    "Ankara: the minister arrived with his commanders and met the officials there.",
    "Turkish Officials: we will keep our forces in Libya as long as the government asks.",
])
def test_not_datelines(text):
    assert find_dateline(text) is None
    assert prepared(text).dateline is None


def test_dateline_after_a_title_line():
    text = "Akar visits Libya\nTripoli, Libya – The minister arrived with his commanders today."
    article = prepared(text, title="Akar visits Libya")
    assert article.dateline == "Tripoli, Libya"
    assert article.paragraphs[0] == (0, len("Akar visits Libya"))
    assert text[article.paragraphs[1][0]:].startswith("The minister arrived")


def test_paragraphs_by_line_when_no_blank_lines():
    text = "First paragraph here.\nSecond one here.\n\n"
    assert paragraph_ranges(text) == [(0, 21), (22, 38)]
    assert paragraph_ranges("One.\n\n\n  Two.  \n\nThree.") == [(0, 4), (9, 13), (17, 23)]


def test_exact_and_near_repeats_counted():
    para = "The Defense Ministry said the minister will inspect the troops and meet officials."
    near = para.replace("Defense", "Defence")
    other = "Haftar threatened to attack Turkish forces two days before the visit to Tripoli."
    text = "\n\n".join([para, other, para, near])
    article = prepared(text)
    assert article.repeats == {0: 3}
    assert [text[s:e] for s, e in article.paragraphs] == [para, other]


def test_similar_but_different_paragraphs_kept():
    one = "Turkey and Libya agreed to extend their cooperation in training the Libyan army."
    two = "Russia and Egypt rejected the agreement and called for the withdrawal of forces."
    article = prepared(one + "\n\n" + two)
    assert article.repeats == {} and len(article.paragraphs) == 2


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_empty_refused(text):
    with pytest.raises(InputError, match="empty"):
        prepare_article(Article(id="x", text=text, origin="empty.txt"), Config())


def test_too_long_refused():
    config = Config(max_chars=100)
    with pytest.raises(InputError, match="too long: 1,000 characters") as info:
        prepare_article(Article(id="x", text="word " * 200, origin="big.txt"), config)
    assert info.value.item == "big.txt"


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_not_english_refused(language):
    text = NOT_ENGLISH[language]
    with pytest.raises(InputError, match="not English") as info:
        prepare_article(Article(id="x", text=text, origin=f"{language}.txt"), Config())
    assert info.value.item == f"{language}.txt"


def test_english_scores_apart_from_the_rest(sample_text):
    english = [english_score(ENGLISH)[0], english_score(sample_text)[0]]
    others = [english_score(NOT_ENGLISH[k])[0] for k in ("fr", "de", "es", "it", "pt", "nl")]
    assert min(english) > 0.25 and max(others) < 0.08
    assert max(foreign_score(ENGLISH), foreign_score(sample_text)) < 0.02
    assert min(foreign_score(NOT_ENGLISH[k]) for k in ("fr", "de", "es", "it", "pt", "nl")) > 0.15
    # a short English line of names and verbs has no function words and still passes
    headline = "Next month, Turkish jets resume heavy strikes; shelling hits several border towns"
    assert english_score(headline)[2] >= 12
    assert not_english_reason(headline) is None
    assert not_english_reason(ENGLISH) is None
    assert not_english_reason("Akar in Tripoli.") is None  # too short to judge
    assert not_english_reason("Erdoğan and Davutoğlu met in Ankara.") is None


# Written for these tests: terse wire briefs (few function words but "a", "in", "on",
# which English shares with other languages) and two Latin-script languages the foreign
# word list does not cover.
BRIEFS = (
    "A Kenyan police raid hit a warehouse in Mombasa on Monday. A Somali mortar attack "
    "killed four soldiers in Baidoa. An Ethiopian drone strike hit a truck in Amhara. "
    "A Sudanese army shell hit a market in Omdurman. A Chadian patrol seized a lorry "
    "near Abeche on Sunday."
)
INDONESIAN = (
    "Menteri Pertahanan Turki tiba di Tripoli pada hari Sabtu untuk bertemu dengan "
    "rekannya dari Libya. Kedua pejabat itu membahas kerja sama militer antara kedua "
    "negara dan gencatan senjata yang disepakati pada bulan Oktober, menurut pernyataan "
    "yang dirilis oleh kementerian pada malam hari setelah pertemuan tersebut selesai."
)
TURKISH = (
    "Türkiye Savunma Bakanı cumartesi günü Libyalı mevkidaşı ile görüşmek üzere Trablus "
    "kentine geldi. İki bakan ülkeleri arasındaki askeri işbirliğini ve ekim ayında "
    "varılan ateşkes anlaşmasını ele aldı, bakanlığın akşam saatlerinde yayımladığı "
    "açıklamada belirtildi. Görüşmenin ardından iki heyet ortak bir basın toplantısı "
    "düzenledi ve bölgedeki son gelişmeleri değerlendirdi."
)


def test_terse_english_briefs_pass_other_latin_languages_do_not():
    assert english_score(BRIEFS)[2] >= 40 and english_score(BRIEFS)[0] < 0.05
    assert not_english_reason(BRIEFS) is None
    for text in (INDONESIAN, TURKISH):
        assert "English function words" in (not_english_reason(text) or "")
    assert "French/German" in (not_english_reason(NOT_ENGLISH["de"]) or "")


def test_declared_language_refused():
    with pytest.raises(InputError, match="'fr' is not supported"):
        prepare_article(Article(id="x", text=ENGLISH, language="fr"), Config())
    assert prepare_article(Article(id="x", text=ENGLISH, language="en-GB"), Config()).paragraphs
    declared = Article(id="y", text=NOT_ENGLISH["fr"], language="en")  # the input says so
    assert prepare_article(declared, Config()).language == "en"


def test_default_date_fills_missing_only():
    config = Config(default_date="2020-12-26")
    assert prepare_article(Article(id="x", text=ENGLISH), config).date == "2020-12-26"
    dated = Article(id="y", text=ENGLISH, date="2021-01-02")
    assert prepare_article(dated, config).date == "2021-01-02"
    loose = Config(default_date="26 Dec 2020")
    assert prepare_article(Article(id="z", text=ENGLISH), loose).date == "2020-12-26"
    with pytest.raises(ConfigError, match="--date 'yesterday' is not a date"):
        prepare_article(Article(id="x", text=ENGLISH), Config(default_date="yesterday"))


def test_no_english_gold_text_refused(shared):
    texts = []
    for name in ("wikinews_dev", "plover_gsr_dev", "event_location_dev", "petrarch_unit_tests"):
        path = shared / "gold" / "dev" / f"{name}.jsonl"
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            texts += [json.loads(line).get("text") or "" for line in lines if line.strip()]
    if not texts:
        pytest.skip("no gold texts")
    refused = [t[:60] for t in texts if t and not_english_reason(t)]
    assert refused == []


def test_long_texts_find_the_same_repeats_through_minhash():
    import random

    from resgestae.readers.paragraphs import EXACT_UP_TO, near_duplicates, paragraph_ranges

    para = "The Defense Ministry said the minister will inspect the troops and meet officials."
    near = para.replace("Defense", "Defence")
    words = ("ports rivers budgets courts harvests elections bridges schools markets "
             "storms banks railways clinics mines forests tariffs").split()
    filler = [" ".join(random.Random(n).sample(words, 9)).capitalize() + "."
              for n in range(EXACT_UP_TO + 4)]
    for paragraphs in ([para, *filler[:3], near], [para, *filler, near]):  # exact, MinHash
        text = "\n\n".join(paragraphs)
        found = near_duplicates(text, paragraph_ranges(text))
        assert found == {len(paragraphs) - 1: 0}, len(paragraphs)
