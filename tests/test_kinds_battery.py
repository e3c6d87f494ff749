"""A new user's battery of wire-style news sentences (issue 10, battery lane).

`tests/data/news_battery.jsonl` holds 302 sentences written for this battery (never
taken from the gold or the manual): 252 across the 16 PLOVER types and 50 non-events
(opinions, plans, background, sports and business senses of conflict words). Each has
the one PLOVER type a coder should give it, or none. `test_battery_floor_per_type`
pins how many come out exactly right per type, so a change cannot quietly lose them;
raise a floor when a fix lifts it, never lower one.

The other tests pin the kinds of fault the battery found, each with sentences that are
not in the battery file, citing the line of ../shared/ontology/PLOVER_MANUAL.tex (or the
CAMEO code) the rule follows.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "news_battery.jsonl"

# Sentences exactly right per type (coded type set == {expected}, or no event for NONE),
# measured when the battery lane's fixes landed (before them: the comment's number).
FLOORS = {
    "ACCUSE": 15,  # 15/16 before
    "AGREE": 16,  # 14/18
    "AID": 15,  # 12/16; 15 at stop 27
    # nb207 ("Protesters threw stones at police in Tunis") moved from ASSAULT to PROTEST
    # in stop 27: protesters' violence is a riot (PLOVER_MANUAL.tex:772 PROTEST mode riot,
    # CAMEO 145); ASSAULT keeps all of its other 19, PROTEST gains it
    "ASSAULT": 19,  # 19/19
    "COERCE": 16,  # 13/16
    "CONCEDE": 9,  # 8/12
    "CONSULT": 16,  # 16/16
    "COOPERATE": 13,  # 10/13
    "MOBILIZE": 14,  # 13/14
    "NONE": 48,  # 44/50; 51 records after nb114 joined in stop 28
    "PROTEST": 18,  # 11/17; 18/18 at stop 27 (nb207 included)
    # nb114 ("The Kremlin denied that its troops had entered Moldovan territory") moved
    # from REJECT to no event in stop 28: denying what one is said to have done is CAMEO
    # 016, a root-01 statement PLOVER drops (PLOVER_MANUAL.tex:1579) and PentaClass
    # labels 0, as pentaclass_train labels denied charges; REJECT keeps its other 15
    "REJECT": 14,  # 13/16; 14/15 after nb114 left it
    # nb080 ("Mali's junta told French troops to leave the country") moved from REQUEST
    # to SANCTION in stop 26: a host ordering foreign forces off its own land expels them
    # (CAMEO 166/1661, PLOVER_MANUAL.tex:820); REQUEST keeps all of its other 15
    "REQUEST": 15,  # 15/15
    "RETREAT": 16,  # 13/16; 16 at stop 27
    "SANCTION": 16,  # 16/17
    "SUPPORT": 14,  # 13/14
    "THREATEN": 16,  # 15/16
}


def types(events: list[Event]) -> list[str]:
    return sorted({e.event_type for e in events})


def test_battery_floor_per_type(code):
    rows = [json.loads(line) for line in BATTERY.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 302
    right: Counter[str] = Counter()
    wrong: list[str] = []
    for row in rows:
        want = [row["type"]] if row["type"] else []
        got = types(code(row["text"]))
        if got == want:
            right[row["type"] or "NONE"] += 1
        else:
            wrong.append(f"{row['id']} want {want} got {got}: {row['text']}")
    below = {k: (right[k], floor) for k, floor in FLOORS.items() if right[k] < floor}
    assert not below, f"below floor (right, floor): {below}\n" + "\n".join(wrong)


# --- promised material aid is AGREE, delivered weapons are AID ---------------------------
# PLOVER_MANUAL.tex:348 future AID is AGREE; :504 AID includes "arms and personnel"


@pytest.mark.parametrize("text", [
    "Sweden will send Archer artillery systems to Ukraine, the defence minister said.",
    "Norway would send air defence missiles to Poland, the prime minister said.",
])
def test_promised_weapons_for_a_country_are_agree(code, text):
    assert types(code(text)) == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Washington sent cluster munitions to Ukraine last month.",
    "Iran has delivered hundreds of drones to Russia, U.S. officials said.",
    "Turkey sent armoured vehicles to Somalia's government.",
])
def test_weapons_delivered_to_a_country_are_aid(code, text):
    (event,) = code(text)
    assert event.event_type == "AID"


def test_warships_sent_to_a_sea_are_still_a_show_of_force(code):
    # PLOVER_MANUAL.tex:849 MOBILIZE 'weapons': ships moved, not given
    assert types(code("China sent warships to the South China Sea.")) == ["MOBILIZE"]


# --- thrown objects --------------------------------------------------------------------
# PLOVER_MANUAL.tex:933 ASSAULT "can potentially result in substantial physical harm";
# :948 rocks and similar instruments are 'primitive'. Eggs and paint cannot: dissent.


@pytest.mark.parametrize("text", [
    "A protester threw a shoe at the prime minister during a rally in Karachi.",
    "Activists hurled eggs at the president's motorcade in Seoul.",
    "Demonstrators pelted the governor with tomatoes outside the legislature.",
    "Two activists threw soup at a painting in the Louvre.",
])
def test_symbolic_missiles_are_protest(code, text):
    assert types(code(text)) == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "Supporters threw fireworks at police in Belgrade.",
    "Hooligans hurled chairs at rival fans in Istanbul.",
    "Youths threw flares at a police station in Lyon.",
])
def test_harmful_missiles_are_assault(code, text):
    (event,) = code(text)
    assert (event.event_type, event.mode) == ("ASSAULT", "primitive")


# --- fighting off an attack is force (CAMEO 190) ---------------------------------------


@pytest.mark.parametrize("text", [
    "Malian soldiers repulsed a jihadist attack on their base in Boulkessi.",
    "Somali forces fended off an al Shabaab assault on a military camp.",
    "The garrison beat back an attack by rebels on the town.",
    "Government troops repelled the attack, the army said.",
])
def test_repelling_an_attack_is_assault(code, text):
    assert "ASSAULT" in types(code(text))
    assert "RETREAT" not in types(code(text))


def test_a_jailbreak_raid_is_an_attack(code):
    # PLOVER_MANUAL.tex:933: armed men freeing inmates use force; it is no police search
    assert types(code("Gunmen raided a jail in Owerri, freeing more than 1,800 inmates.")) \
        == ["ASSAULT"]


# --- forces sent for a disaster bring aid ----------------------------------------------
# PLOVER_MANUAL.tex:849 "Mobilizing police or military forces for disaster relief ... AID"


@pytest.mark.parametrize("text", [
    "Chile mobilised troops to fight wildfires in the south.",
    "Pakistani soldiers were deployed to evacuate residents after the earthquake.",
])
def test_forces_for_a_disaster_are_aid(code, text):
    assert types(code(text)) == ["AID"]


# --- leaving an organization or talks is SANCTION 'withdraw' ---------------------------
# PLOVER_MANUAL.tex:821 "Withdraw oneself ... from a group, mediation activity, organization"


@pytest.mark.parametrize("text", [
    "The government pulled out of peace talks with the rebels.",
    "Niger withdrew from the multinational force fighting Boko Haram.",
    "Hungary withdrew from the International Criminal Court.",
])
def test_leaving_an_organization_or_talks_is_sanction(code, text):
    (event,) = code(text)
    assert (event.event_type, event.mode) == ("SANCTION", "withdraw")


def test_troops_leaving_a_town_still_retreat(code):
    (event,) = code("Russian troops withdrew from the town of Lyman.")
    assert event.event_type == "RETREAT"


# --- blocking: by whom and what --------------------------------------------------------
# PLOVER_MANUAL.tex:910 COERCE 'censor' "restrict access to ... information";
# :665 REJECT "All rejections and refusals"; a shot blocked in a game is no event


@pytest.mark.parametrize("text, expected", [
    ("Pakistan blocked access to X across the country.", ["COERCE"]),
    ("France blocked the trade deal with the South American bloc.", ["REJECT"]),
    ("The United States blocked a draft resolution on Gaza at the Security Council.",
     ["REJECT"]),
    ("The goalkeeper blocked a late shot from the striker.", []),
    ("Farmers blocked the main road into Warsaw with tractors.", ["PROTEST"]),
])
def test_what_is_blocked_decides_the_type(code, text, expected):
    assert types(code(text)) == expected


# --- cutting off utilities withholds public goods --------------------------------------
# PLOVER_MANUAL.tex:915 COERCE 'withhold': "shut off power/internet/water/ utilities"


@pytest.mark.parametrize("text", [
    "Israel cut off electricity to the Gaza Strip.",
    "Authorities cut off internet service in the province during the exams.",
])
def test_cutting_off_utilities_is_coerce_withhold(code, text):
    (event,) = code(text)
    assert (event.event_type, event.mode) == ("COERCE", "withhold")


# --- orders by "tell" ------------------------------------------------------------------
# PLOVER_MANUAL.tex:574 REQUEST: "All requests, demands, and orders"


@pytest.mark.parametrize("text, expected", [
    ("The president told the army to end the strike on the border.", ["REQUEST"]),
    ("The minister told parliament to pass the budget without delay.", ["REQUEST"]),
    ("The spokesman told reporters that the talks would continue.", []),
])
def test_telling_someone_to_act_is_a_request(code, text, expected):
    assert types(code(text)) == expected


# --- the rest of the battery's kinds ---------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:709 "in-absentia arrest should be coded as a THREAT"
    ("An Iranian court issued an arrest warrant in absentia for the former ambassador.",
     "THREATEN"),
    # PLOVER_MANUAL.tex:822 SANCTION 'discontinue': commercial exchanges, sanctions
    ("India banned exports of rice to Bangladesh.", "SANCTION"),
    ("Russia closed its airspace to Lithuanian airlines.", "SANCTION"),
    # PLOVER_MANUAL.tex:413 SUPPORT: "Initiate, resume ... diplomatic ... cooperation"
    ("Britain reopened its embassy in Tehran.", "SUPPORT"),
    # PLOVER_MANUAL.tex:470 COOPERATE: "Initiate, resume ... economic exchange"
    ("Turkey and Armenia resumed direct flights between Istanbul and Yerevan.", "COOPERATE"),
    ("Egypt and Jordan launched a joint electricity project.", "COOPERATE"),
    # PLOVER_MANUAL.tex:673 barring a group from entering the territory is REJECT
    ("Israel barred U.N. investigators from entering the country.", "REJECT"),
    # PLOVER_MANUAL.tex:443 CONCEDE: "declarations (but not implementations) of ceasefires"
    ("The Houthis declared a truce for the month of Ramadan.", "CONCEDE"),
    ("The army announced a ceasefire in the north on Sunday.", "CONCEDE"),
    # PLOVER_MANUAL.tex:778 PROTEST modes: strikes and demonstrations, idioms the
    # parser reads as prepositions
    ("Teachers in Kenya walked off the job over pay.", "PROTEST"),
    ("Thousands of workers took to the streets of Buenos Aires.", "PROTEST"),
    # RETREAT 'resign' (PLOVER_MANUAL.tex, RETREAT modes): "stepped down" with an adverb
    ("The central bank governor stepped down on Friday.", "RETREAT"),
    # COERCE 'restrict' (CAMEO 191): "cordoned off" read as a preposition
    ("Police cordoned off the area around the parliament.", "COERCE"),
])
def test_battery_kinds(code, text, expected):
    assert types(code(text)) == [expected]


@pytest.mark.parametrize("text", [
    "Real Madrid beat Barcelona 2-1 in the Spanish Super Cup.",
    "Nigeria defeated Ghana 3-0 in the qualifier.",
    "The manager praised the team for its resilience.",
    # plover_types.yaml 'deliberate': harm a natural force does is no one's act
    "The cyclone displaced thousands of families in Mozambique.",
])
def test_sports_and_nature_are_no_event(code, text):
    assert code(text) == []


def test_an_errand_is_addressed_where_it_leads(code):
    # the purpose of sending an envoy is addressed to the country the envoy goes to
    (event,) = code("Qatar sent an envoy to Beirut to press for a ceasefire.")
    assert event.event_type == "REQUEST"
    assert [r.country for r in event.recipient] == ["LBN"]


# --- the second round: passives, headlines, quotes, datelines and smaller types --------

ROUND2 = Path(__file__).parent / "data" / "news_battery_round2.jsonl"
ROUND2_FLOOR = 111  # of 125 (100 before the round's fixes: 55/70 and 45/55)


def test_battery_round2_floor(code):
    rows = [json.loads(line) for line in ROUND2.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 125
    wrong = [f"{row['id']} want {row['type']}: {row['text']}" for row in rows
             if types(code(row["text"])) != ([row["type"]] if row["type"] else [])]
    assert len(rows) - len(wrong) >= ROUND2_FLOOR, "\n".join(wrong)


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:845 "Joint military operations are coded as COOPERATE"
    ("Afghan and Pakistani forces carried out a joint operation against smugglers.",
     "COOPERATE"),
    ("The coast guards of Greece and Italy mounted a joint search for the missing boat.",
     "COOPERATE"),
    # PLOVER_MANUAL.tex:583 "Withdrawing a demand should be coded as CONCEDE"
    ("The Kenyan government withdrew the tax bill after a week of protests.", "CONCEDE"),
    ("The unions withdrew their demand for a 20 percent pay rise.", "CONCEDE"),
    # PLOVER_MANUAL.tex:620 ACCUSE 'allege': charge, bring to court
    ("French prosecutors opened a case against the former minister.", "ACCUSE"),
    # PLOVER_MANUAL.tex:673 barring entry is REJECT
    ("Italy turned away a rescue ship carrying 300 migrants.", "REJECT"),
    # CAMEO 152 increase military alert status
    ("The Indian army raised its readiness along the border with China.", "MOBILIZE"),
    # PLOVER_MANUAL.tex:910 COERCE 'censor'
    ("The regulator revoked the licence of the opposition television channel.", "COERCE"),
    # RETREAT 'resign'
    ("The Nepali prime minister submitted his resignation to the president.", "RETREAT"),
    # PLOVER_MANUAL.tex:504 AID: goods flown in are aid, not a visit
    ("Twenty tonnes of food were flown to Haiti by the Canadian air force.", "AID"),
    # PLOVER_MANUAL.tex:849 MOBILIZE: troops sent to a region, not to a country's aid
    ("Ethiopia sent more troops to its border with Sudan.", "MOBILIZE"),
])
def test_battery_round2_kinds(code, text, expected):
    assert types(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Clashes between herders and farmers broke out in Plateau state.", "ASSAULT"),
    ("Fighting erupted between the army and the RSF in Omdurman.", "ASSAULT"),
    ("Talks between Rwanda and Congo took place in Luanda on Monday.", "CONSULT"),
    ("The clashes between the two militias left 9 dead in Zawiya.", "ASSAULT"),
])
def test_an_event_noun_said_to_happen_is_an_event(code, text, expected):
    # an event named by its noun and said to occur; its "between" parties are actors
    # (PLOVER_MANUAL.tex, ASSAULT: two-sided violence codes all sides as actors)
    (event,) = code(text)
    assert event.event_type == expected
    assert event.actor


def test_a_planned_occurrence_is_no_asserted_event(code):
    events = code("Talks between Rwanda and Congo are expected to take place next month.")
    assert all(e.factuality != "asserted" for e in events)


@pytest.mark.parametrize("text, expected", [
    # PLOVER_MANUAL.tex:504 AID "Military and police assistance"; :348 promised, AGREE
    ("Rwanda sent 300 police officers to Mozambique.", "AID"),
    ("Benin pledged to deploy 2,000 police officers to Haiti.", "AGREE"),
])
def test_police_sent_to_a_country_are_assistance(code, text, expected):
    assert types(code(text)) == [expected]
