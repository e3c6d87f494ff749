"""CAMEO roots 14-20 (protest, force posture, reduced relations, coercion, assault,
fighting, mass violence): breadth over the codebook (issue 10).

Two self-written batteries (tests/data/cameo_battery/c5.jsonl: two wire sentences per
CAMEO code of these roots, c5_round2.jsonl: one fresh sentence per code, written after
the fixes and scored once, unfitted) are scored with the real model; their type F1 may
not fall below what this lane reached, less 0.02. Second wave: c5_round3.jsonl (one fresh
sentence per code, two for 150-154, 160-166, 170-175, 1711-1712, 180-186, 190-196; 117
records) was written before any second-wave fix and scored 0.882; after the fixes below
(taken from the round 1 and 2 misses and from probe sentences, never from round 3's
misses) it scores 0.892, the transfer to unseen text. Then one test per kind fixed, each
with sentences written for these tests, citing the CAMEO code (CAMEO2PLOVER-2021.txt)
or the line of ../shared/ontology/PLOVER_MANUAL.tex it follows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resgestae.evaluation import evaluate
from resgestae.model import Event

BATTERY = Path(__file__).parent / "data" / "cameo_battery"


def types(events: list[Event]) -> list[str]:
    return [e.event_type for e in events]


# reached: c5 0.922 (0.759 before this lane), round 2 0.805 as first scored; second wave:
# c5 0.950, round 2 0.958, round 3 0.892 (0.882 before the second wave's fixes); third
# wave (round 3's misses read after round 4 was written and scored): round 3 0.896 -> 0.947
@pytest.mark.parametrize("name, floor", [("c5.jsonl", 0.93), ("c5_round2.jsonl", 0.93),
                                         ("c5_round3.jsonl", 0.925)])
def test_battery_type_f1_floor(coder, name, floor):
    result = evaluate(BATTERY / name, coder=coder)
    assert result["format"] == "plover" and not result["errors"]
    assert result["micro"]["f1"] >= floor


# CAMEO 142, 143: a labour or hunger strike launched or gone on is a protest, not an air
# strike; its "to demand" clause is its purpose (PLOVER_MANUAL.tex:751, the topic of a
# protest is no separate event)
@pytest.mark.parametrize("text", [
    "Chilean copper miners launched an indefinite strike over pay on Monday.",
    "A detained Iranian lawyer launched a hunger strike in Evin prison.",
    "Nurses across Finland went on strike to demand higher wages.",
    "The jailed blogger has refused to eat since Friday, his wife said.",
])
def test_strikes_are_protests(code, text):
    events = code(text)
    assert "PROTEST" in types(events)
    assert not {"ASSAULT", "REQUEST", "REJECT"} & set(types(events))


# CAMEO 145 "protest violently, riot" (PLOVER_MANUAL.tex PROTEST 'riot': "The participants
# intend to cause physical injury and/or property damage"): violence by protesters
@pytest.mark.parametrize("text", [
    "Protesters torched two police vehicles in the centre of Dakar.",
    "Demonstrators stormed the parliament building in Skopje.",
    "Protesters clashed with riot police in central Tirana on Saturday.",
    "Rioting broke out in the port city after the verdict.",
])
def test_violence_by_protesters_is_a_riot(code, text):
    assert types(code(text)) == ["PROTEST"]


# CAMEO 144 vs 191: civilians blockading or occupying a place obstruct it (PROTEST); a
# state or its forces blocking a road restrict movement (COERCE)
@pytest.mark.parametrize("text, kind", [
    ("Dairy farmers blockaded the ports of Rotterdam for two days.", "PROTEST"),
    ("Students occupied the main campus in Belgrade.", "PROTEST"),
    ("Climate campaigners glued themselves to a motorway in Munich.", "PROTEST"),
    ("Troops blocked the road to the border town of Rafah.", "COERCE"),
])
def test_obstruction_depends_on_who(code, text, kind):
    assert kind in types(code(text))


# CAMEO 151, 152: raising police or military readiness
@pytest.mark.parametrize("text", [
    "Dutch police stepped up security around synagogues on Friday.",
    "Greece's navy was put on alert after the incident.",
])
def test_readiness_is_mobilize(code, text):
    assert "MOBILIZE" in types(code(text))


# CAMEO 160-166 (PLOVER_MANUAL.tex SANCTION: "All reductions in existing, routine, or
# cooperative relations"; 'withdraw' from "a group, mediation activity, organization")
@pytest.mark.parametrize("text", [
    "Ghana scaled back its cooperation with Burkina Faso on security.",
    "The World Bank paused disbursements to Ethiopia.",
    "Colombia called off peace talks with the rebels.",
    "Burundi quit the International Criminal Court.",
    "Mali gave the Danish envoy 72 hours to leave the country.",
    "Two Czech diplomats were declared persona non grata by Moscow.",
    "The Senate blocked the sale of fighter jets to Ankara.",
])
def test_reduced_relations_are_sanction(code, text):
    assert "SANCTION" in types(code(text))


# CAMEO 171, 1711, 1721, 1723, 173: coercion said in more ways; a passive without its
# doer is still reported ("a curfew was declared")
@pytest.mark.parametrize("text", [
    "Greek coastguards impounded a Russian-flagged tanker.",
    "The authorities revoked the licence of an opposition broadcaster.",
    "Uganda blocked Facebook ahead of the election.",
    "A night curfew was imposed in the northern town on Sunday.",
    "Police launched raids to detain the suspects in Ankara.",
])
def test_coercion_kinds(code, text):
    assert "COERCE" in types(code(text))


# CAMEO 175 (violent repression): the weapon used is the act, the dispersal its purpose
def test_crowd_control_weapon_used_is_the_assault(code):
    assert types(code("Police used tear gas to disperse students in Jakarta.")) == ["ASSAULT"]


# CAMEO 181, 1821, 1822, 1823, 183, 184, 185, 196, 200-203, 2041: violence said through
# idioms, support verbs and results ("raped" was lemmatised "rap", an ACCUSE verb)
@pytest.mark.parametrize("text", [
    "Pirates seized a fishing vessel and took its crew hostage.",
    "Militia fighters raped women in the occupied villages.",
    "Detainees were subjected to torture in the military prison.",
    "Attackers hacked four farmers to death with machetes.",
    "Insurgents set off a bomb near the governor's office.",
    "The rebels forced villagers to serve as human shields.",
    "The president survived an assassination attempt in the capital.",
    "Government troops broke the truce by shelling rebel positions.",
    "The militia committed atrocities against civilians in the region.",
    "The army drove thousands of villagers out of the valley.",
    "The regime dropped chlorine gas on the rebel-held suburb.",
    "A gunfight between soldiers and smugglers left five dead.",
])
def test_violence_kinds_are_assault(code, text):
    events = code(text)
    assert "ASSAULT" in types(events)
    assert "ACCUSE" not in types(events)


# Second wave (round 3 written first, unseen): more ways of saying CAMEO 142, 145, 152, 162,
# 164, 166/1661/1663, 1711, 172, 1721, 1821, 183, 200, 2041. Protesters setting fire to a
# building cause property damage (PLOVER_MANUAL.tex:772, 'riot'); the rest follow the code.
@pytest.mark.parametrize("text, kind", [
    ("Demonstrators set fire to the regional governor's office in Osh.", "PROTEST"),
    ("Two jailed Kurdish journalists stopped eating on Monday, their lawyer said.", "PROTEST"),
    ("Moldova's border guards were put on combat readiness overnight.", "MOBILIZE"),
    ("The U.N. agency scaled down its food aid to refugees in Uganda.", "SANCTION"),
    ("Bolivia's government walked away from negotiations with coca growers.", "SANCTION"),
    ("Negotiators for the rebels walked out of talks with the army in Doha.", "SANCTION"),
    ("Tajikistan kicked out two Iranian diplomats on Thursday.", "SANCTION"),
    ("The junta forced the regional monitoring mission to leave Niamey.", "SANCTION"),
    ("Nicaragua ordered the Red Cross office to leave the country.", "SANCTION"),
    ("The state seized control of the largest private bank in Caracas.", "COERCE"),
    ("Regulators in Gabon suspended access to the internet after the vote.", "COERCE"),
    ("The interior ministry removed four elected mayors from office.", "COERCE"),
    ("Guards sexually abused inmates at the jail, investigators said.", "ASSAULT"),
    ("A bomb went off at a bus stop in Quetta on Sunday.", "ASSAULT"),
    ("The junta unleashed a wave of violence against villagers in Sagaing.", "ASSAULT"),
    ("The militia carried out a campaign of terror against farmers in Ituri.", "ASSAULT"),
    ("Insurgents released chlorine gas on soldiers near Deir ez-Zor.", "ASSAULT"),
])
def test_second_wave_kinds(code, text, kind):
    assert types(code(text)) == [kind]


# CAMEO 201 (mass expulsion, ASSAULT 'cleansing'): people forced from their homes
def test_forced_from_homes_is_cleansing(code):
    text = "Thousands of Darfuri farmers were forced from their villages by the militia."
    assert types(code(text)) == ["ASSAULT"]



# CAMEO 150 (PLOVER_MANUAL.tex MOBILIZE: "a demonstration of military capabilities and
# readiness", short of force): a missile test is shown, not fired at anyone
@pytest.mark.parametrize("text", [
    "Pakistan test-fired a Shaheen missile from an undisclosed location on Friday.",
    "India test-launched an Agni ballistic missile off the coast on Monday.",
    "Tehran conducted a test of its new cruise missile, state media reported.",
])
def test_missile_tests_are_mobilize(code, text):
    assert types(code(text)) == ["MOBILIZE"]


# A counted object ("thousands of troops", "dozens of diplomats") is matched on the noun
# counted: CAMEO 154 troops sent, 166 diplomats expelled
@pytest.mark.parametrize("text, kind", [
    ("Turkey sent thousands of troops to its border with Syria on Tuesday.", "MOBILIZE"),
    ("Moscow expelled dozens of Polish diplomats on Friday.", "SANCTION"),
])
def test_counted_objects(code, text, kind):
    assert types(code(text)) == [kind]


# CAMEO 201 (mass expulsion, ASSAULT 'cleansing'): people driven or expelled from villages
@pytest.mark.parametrize("text", [
    "Militiamen drove ethnic Tutsis from their villages in North Kivu.",
    "Government forces expelled thousands of Masalit from their homes in El Geneina.",
])
def test_driven_from_villages_is_cleansing(code, text):
    assert types(code(text)) == ["ASSAULT"]


# CAMEO 201: an armed party forcing people to flee their homes
def test_forced_to_flee_is_cleansing(code):
    text = "Militiamen forced 3,000 villagers to flee their homes in Ituri, aid workers said."
    assert types(code(text)) == ["ASSAULT"]


# CAMEO 1663 (withdraw aid agencies): aid volunteers or experts pulled out, not a retreat
def test_withdrawn_volunteers_are_sanction(code):
    text = "Japan withdrew its aid volunteers from Burundi after the coup."
    assert types(code(text)) == ["SANCTION"]


# PLOVER_MANUAL.tex:846: single-country exercises are MOBILIZE; a country they are held
# near or face is no partner (with a partner they stay COOPERATE)
@pytest.mark.parametrize("text, kind", [
    ("China staged live-fire drills near Taiwan on Saturday.", "MOBILIZE"),
    ("Russia held naval exercises off the coast of Norway on Monday.", "MOBILIZE"),
    ("Russia held naval exercises with India in the Bay of Bengal.", "COOPERATE"),
])
def test_exercise_near_a_country_is_no_joint_one(code, text, kind):
    assert types(code(text)) == [kind]


# CAMEO 152, 154: a government ordering its own troops to readiness or to a front
@pytest.mark.parametrize("text", [
    "Baghdad ordered its troops to be ready for combat, state radio said.",
    "The Kremlin ordered more troops into Dagestan on Tuesday.",
])
def test_troops_ordered_forward_are_mobilize(code, text):
    assert types(code(text)) == ["MOBILIZE"]


# CAMEO 1721: broadcasts jammed, a station taken off the air
@pytest.mark.parametrize("text", [
    "Chinese authorities jammed Radio Free Asia broadcasts during the anniversary.",
    "The junta took the last independent television channel off the air on Sunday.",
])
def test_jamming_is_censorship(code, text):
    assert types(code(text)) == ["COERCE"]


# CAMEO 150 (demonstrate military power): weapons paraded, a military parade held
@pytest.mark.parametrize("text", [
    "Pakistan paraded its nuclear-capable missiles in Islamabad on Republic Day.",
    "Cuba held a large military parade in Havana to mark the revolution's anniversary.",
])
def test_military_parades_are_mobilize(code, text):
    assert types(code(text)) == ["MOBILIZE"]


# CAMEO 140, 143: staying on strike; keeping children away in a boycott; joining acts of
# civil disobedience (an "act of" counts the protest noun a light verb carries)
@pytest.mark.parametrize("text", [
    "Dock workers in Le Havre remained on strike for a fifth day on Thursday.",
    "Roma parents kept their children out of school in a boycott of segregated classes.",
    "Hundreds of Belarusians joined acts of civil disobedience in Grodno on Sunday.",
])
def test_protest_said_through_support_words(code, text):
    assert types(code(text)) == ["PROTEST"]


# CAMEO 182 (PLOVER_MANUAL.tex:948, edged weapons are ASSAULT 'primitive'): limbs cut or
# chopped off, people hacked with machetes; a website hacked stays a cyber COERCE
@pytest.mark.parametrize("text, kind", [
    ("Rebel fighters cut off the hands of four farmers near Kailahun.", "ASSAULT"),
    ("Gunmen chopped off the ears of a village chief in Kasai.", "ASSAULT"),
    ("A mob hacked two traders with machetes in Bunia on Friday.", "ASSAULT"),
    ("Hackers hacked the website of the Kenyan parliament on Friday.", "COERCE"),
])
def test_mutilation_is_assault(code, text, kind):
    assert types(code(text)) == [kind]


# CAMEO 150, 152 (PLOVER_MANUAL.tex MOBILIZE: posturing short of force): a show of force,
# warplanes flown near a border, an army put on a war footing
@pytest.mark.parametrize("text", [
    "Russian warplanes flew close to Estonian airspace on Tuesday, NATO officials said.",
    "Chinese warships sailed near the disputed islands in a show of force.",
    "Eritrea put its army on a war footing on Sunday.",
])
def test_posturing_is_mobilize(code, text):
    assert "MOBILIZE" in types(code(text))
    assert not {"AGREE", "PROTEST", "ASSAULT"} & set(types(code(text)))


# CAMEO 142, 143: a subject "on strike" or "on hunger strike" takes part in the protest;
# its "to demand" clause is the protest's topic (PLOVER_MANUAL.tex:750), no REQUEST
@pytest.mark.parametrize("text", [
    "Jailed Saharawi activists have been on hunger strike for a month to demand a fair trial.",
    "Hospital doctors in Lagos are on strike over unpaid salaries, their union said.",
])
def test_being_on_strike_is_protest(code, text):
    assert types(code(text)) == ["PROTEST"]


# CAMEO 166, 1621: a charge d'affaires ordered out; lending stopped or ceased
@pytest.mark.parametrize("text", [
    "Kuwait ordered the Iraqi charge d'affaires out of the country on Monday.",
    "The African Development Bank stopped lending to Sudan after the coup.",
])
def test_envoy_out_and_lending_stopped_are_sanction(code, text):
    assert types(code(text)) == ["SANCTION"]


# Third wave (round 4 written and scored first, unseen; round 3's misses then read).
# CAMEO 190 (offensive launched), 193 (fire traded or exchanged is a firefight, not trade
# 061), 1623 (food rations cut), 1661 (a peacekeeping force ordered out), 1721/1662
# (accreditation withdrawn: of the press a restriction, of observers an expulsion), 201
# (people driven across into another land), 143 (staying off work or away in protest).
@pytest.mark.parametrize("text, kind", [
    ("Kurdish fighters launched a counteroffensive against jihadists near Hasakah.",
     "ASSAULT"),
    ("Thai and Cambodian soldiers traded fire along the disputed border on Tuesday.",
     "ASSAULT"),
    ("Rebels and government forces exchanged gunfire in Bangui overnight, residents said.",
     "ASSAULT"),
    ("UNHCR cut food rations for refugees in western Ethiopia by half.", "SANCTION"),
    ("The agency reduced food rations for Syrian refugees in Jordan.", "SANCTION"),
    ("Burundi ordered the peacekeeping force to leave within a month.", "SANCTION"),
    ("Russia withdrew the accreditation of two German journalists on Friday.", "COERCE"),
    ("Baku revoked the accreditation of OSCE monitors on Monday.", "SANCTION"),
    ("Troops drove 20,000 Masalit across the border into Chad.", "ASSAULT"),
    ("The army drove thousands of Karen villagers from eastern Myanmar into Thailand.",
     "ASSAULT"),
    ("Taxi drivers in Lisbon stayed off the roads in protest against Uber.", "PROTEST"),
])
def test_third_wave_kinds(code, text, kind):
    assert types(code(text)) == [kind]


# CAMEO 201 needs people driven: a car driven into a country is no expulsion
def test_car_driven_across_border_is_no_event(code):
    assert types(code("He drove his car into Kenya on Monday.")) == []


# CAMEO 141 (a crowd pouring into or filling the streets demonstrates; its "to demand"
# clause is the protest's topic, PLOVER_MANUAL.tex:750), 143 (workers walking out, the
# parser reading "out" as an adverb), 152 (troops put on a level of readiness), 144
# (chaining oneself or one's things to a gate). Floodwater or smoke does not protest.
@pytest.mark.parametrize("text, kind", [
    ("Thousands of Slovaks poured into the streets of Bratislava to demand new elections.",
     "PROTEST"),
    ("Hundreds of thousands of Chileans filled the streets of Santiago on Friday.",
     "PROTEST"),
    ("Dockers in Antwerp walked out on Friday in a dispute over pensions.", "PROTEST"),
    ("The rebel delegation walked out of the talks in Geneva on Monday.", "SANCTION"),
    ("Serbia put its troops on the highest level of combat readiness, the president said.",
     "MOBILIZE"),
    ("Disabled activists chained their wheelchairs to the gates of the ministry in Lima.",
     "PROTEST"),
])
def test_crowds_walkouts_readiness_chains(code, text, kind):
    assert types(code(text)) == [kind]


@pytest.mark.parametrize("text", [
    "Floodwaters poured into the streets of Venice on Sunday.",
    "Smoke filled the streets of the capital after the fire.",
    "Police chained the prisoner to a hospital bed.",
])
def test_no_protest_without_a_crowd(code, text):
    assert "PROTEST" not in types(code(text))


# CAMEO 175 (violent repression): live ammunition used on a crowd, a rally broken up with
# water cannon; a rally broken up without a weapon named is a dispersal (COERCE, as
# "disperse"); a meeting broken up by its own sides is no coercion
@pytest.mark.parametrize("text, kind", [
    ("Soldiers used live ammunition against demonstrators in Bamenda, witnesses said.",
     "ASSAULT"),
    ("Riot police broke up a rally of opposition supporters in Lusaka with tear gas.",
     "ASSAULT"),
    ("Police in Lagos broke up a protest by unpaid pensioners.", "COERCE"),
])
def test_crowd_dispersal_kinds(code, text, kind):
    assert types(code(text)) == [kind]


def test_meeting_broken_up_is_no_coercion(code):
    assert "COERCE" not in types(code("The two sides broke up the meeting without agreement."))


# CAMEO 1622 (reduce or stop military assistance): a sum withheld names what it is in
# ("$100 million in military aid"); CAMEO 161: a high commissioner recalled is an envoy
@pytest.mark.parametrize("text", [
    "Washington withheld $300 million in military aid to Kyiv, officials said.",
    "Bangladesh recalled its high commissioner from Islamabad on Sunday.",
])
def test_sums_and_commissioners_are_sanction(code, text):
    assert types(code(text)) == ["SANCTION"]


# CAMEO 166 (withdraw from an organisation, as "quit the ICC"), 191 (a siege laid, as
# "besieged"), 180 (a vessel rammed); a withdrawal from a place stays a RETREAT (087)
@pytest.mark.parametrize("text, kind", [
    ("The United States withdrew from UNESCO in 2017.", "SANCTION"),
    ("Russian troops withdrew from Kherson in November.", "RETREAT"),
    ("The army laid siege to the rebel stronghold of Marawi.", "COERCE"),
    ("Chinese coast guard vessels rammed a Vietnamese fishing boat near the Paracels.",
     "ASSAULT"),
])
def test_leaving_bodies_sieges_ramming(code, text, kind):
    assert types(code(text)) == [kind]


# CAMEO 190/194: a place or party that "came under fire/shelling" is attacked; "came under
# pressure" is no attack
@pytest.mark.parametrize("text, kind", [
    ("The frontline village came under heavy shelling overnight, the governor said.",
     ["ASSAULT"]),
    ("An aid convoy came under fire near Beni on Thursday.", ["ASSAULT"]),
    ("The finance minister came under pressure from donors.", []),
])
def test_coming_under_fire_is_assault(code, text, kind):
    assert types(code(text)) == kind
