#!/usr/bin/env python3
"""Writes Tests/WirewatchDedupTests/StoryEval/pairs.jsonl: labelled pairs of
synthetic news items for StoryEvaluationTests.

All prose is generated here from our own templates and word lists (no copied
articles). Deterministic: a fixed seed, stdlib only. Run from the repo root:
    python3 scripts/make-story-eval.py
A different seed and output give a held-out set for checking that the
thresholds were not fitted to this one:
    python3 scripts/make-story-eval.py --seed 7 --out /tmp/pairs-7.jsonl
"""
import argparse
import json
import os
import random
import unicodedata

SEED = 20261121
OUT = os.path.join("Tests", "WirewatchDedupTests", "StoryEval", "pairs.jsonl")

FIRST = ["Maria", "James", "Ahmed", "Linda", "Carlos", "Fatima", "Erik", "Mai", "Daniel",
         "Hodan", "Sarah", "Luis", "Grace", "Omar", "Kristin", "Tou", "Rachel", "Abdi",
         "Peter", "Nadia", "Jorge", "Emily", "Samuel", "Ingrid", "Yusuf", "Beatriz"]
LAST = ["Johnson", "Peña", "Nguyen", "Olson", "Hassan", "Lindqvist", "Vang", "Garcia",
        "Anderson", "Mohamed", "Schultz", "Thao", "Martínez", "Berg", "Warsame", "Kowalski",
        "Larson", "Ortiz", "Ali", "Hansen", "Fischer", "Moreno", "Xiong", "Dahl"]
ROLES = ["a spokesperson for the mayor's office", "the union's lead organizer",
         "a Hennepin County commissioner", "an immigration attorney", "a city council member",
         "a community organizer", "the county sheriff", "a professor of labor history",
         "a shop steward", "a neighborhood association president", "a nurse", "a bus driver",
         "a pastor", "a small business owner", "a state representative", "a spokesperson for ICE"]
PLACES = ["Minneapolis", "St. Paul", "Hennepin County", "the Twin Cities", "Lake Street",
          "Cedar-Riverside", "the Whipple Federal Building", "Powderhorn Park", "the State Capitol",
          "Bloomington", "Brooklyn Park", "the University of Minnesota", "Phillips", "Uptown"]
ORGS = ["ICE", "SEIU Local 26", "the Minneapolis Federation of Teachers", "Teamsters Local 120",
        "the Minneapolis City Council", "the Hennepin County Board", "Metro Transit",
        "the Minnesota Nurses Association", "the Department of Homeland Security", "the ACLU of Minnesota",
        "the Minneapolis Regional Labor Federation", "the Metropolitan Council"]
OUTLETS = ["Star Ledger North", "Twin Cities Dispatch", "River City Wire", "Northland Public Radio",
           "Minnesota Reformer Review", "Metro Beat", "Lakeside Courier", "Prairie News Service",
           "The Uptown Sentinel", "North Star Report"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

EVENTS = [
    ("general strike", "workers walked off the job", "the walkout", "a general strike"),
    ("ICE detentions", "federal agents detained residents", "the detentions", "immigration arrests"),
    ("teachers strike", "teachers set up picket lines", "the strike", "a teachers strike"),
    ("budget vote", "the council voted on the budget", "the vote", "a budget fight"),
    ("transit shutdown", "light rail service was halted", "the shutdown", "a transit outage"),
    ("court ruling", "a federal judge blocked the policy", "the ruling", "a court decision"),
    ("nurses contract", "nurses reached a tentative agreement", "the agreement", "a contract deal"),
    ("protest march", "thousands marched downtown", "the march", "a protest"),
    ("winter storm", "heavy snow closed schools", "the storm", "a blizzard"),
    ("housing eviction", "tenants faced eviction notices", "the evictions", "a housing dispute"),
    ("police oversight", "the oversight board released a report", "the report", "a police review"),
    ("factory closure", "the plant announced layoffs", "the closure", "job losses"),
]

NOUNS = ["residents", "workers", "officials", "families", "organizers", "lawmakers", "students",
         "parents", "drivers", "tenants", "nurses", "teachers", "volunteers", "business owners",
         "advocates", "commuters", "neighbors", "members", "managers", "voters"]
ADJ = ["tense", "crowded", "quiet", "cold", "uncertain", "busy", "emotional", "long", "peaceful",
       "chaotic", "hopeful", "angry", "orderly", "anxious", "determined", "exhausted"]
VERBS = ["gathered", "waited", "spoke", "argued", "called", "organized", "rallied", "met",
         "prepared", "worked", "returned", "demanded answers", "asked questions", "marched",
         "held signs", "shared stories", "watched", "listened"]
TIMES = ["early in the morning", "late into the evening", "on {day} afternoon", "before dawn",
         "by midday", "over the weekend", "on {day} night", "throughout the day", "after sunset"]
THINGS = ["the contract", "the policy", "the schedule", "the budget", "the agreement", "the plan",
          "the ordinance", "the proposal", "the investigation", "the timeline", "the response",
          "the funding", "the hearing", "the negotiations", "the emergency order"]
REASONS = ["wages had not kept up with rent", "the process had been rushed", "families were afraid",
           "nobody had explained the rules", "the city had ignored earlier warnings",
           "the costs kept rising", "the staffing shortage was getting worse",
           "the federal government had not shared its plans", "safety had to come first",
           "the community deserved a say", "trust had been broken", "the data told a different story"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def fill(rng, t, f):
    return cap(t.format(day=f["day"], place=rng.choice(f["places"]), org=rng.choice(f["orgs"]),
                    n=rng.choice(f["numbers"]), noun=rng.choice(NOUNS), adj=rng.choice(ADJ),
                    verb=rng.choice(VERBS), time=rng.choice(TIMES).format(day=f["day"]),
                    thing=rng.choice(THINGS), reason=rng.choice(REASONS), who=rng.choice(f["people"])[0],
                    role=rng.choice(f["people"])[1], ev=f["event"][2], evn=f["event"][3],
                    act=f["event"][1], pct=rng.randint(3, 60), k=rng.randint(2, 19),
                    sec=rng.choice(NOUNS), dollars=rng.choice(["4.2 million", "850,000", "12 million", "310,000", "2.7 billion"])))


SENTENCES = [
    "{who}, {role}, said {ev} had been building for weeks because {reason}.",
    "In {place}, {noun} {verb} {time} as {ev} entered its {k} day.",
    "More than {n} {noun} {verb} near {place}, according to estimates from {org}.",
    "{org} said in a written statement that {thing} would be reviewed again next week.",
    "The mood outside {place} was {adj}, with {noun} and {sec} standing shoulder to shoulder.",
    "Officials with {org} did not respond to several requests for comment on {thing}.",
    "{who} said the city could not afford to wait much longer because {reason}.",
    "Some {noun} said they had taken unpaid leave to be there, while others brought their children.",
    "The dispute over {thing} has cost an estimated {dollars} dollars so far, according to {org}.",
    "A spokesperson for {org} said {pct} percent of {noun} in {place} had been affected.",
    "{who} described the scene as {adj} and said {reason}.",
    "By {day} evening, {noun} had {verb} at {place} for the {k} time this month.",
    "Critics argued that {thing} was drafted without input from {noun} or {sec}.",
    "{org} scheduled a meeting for {day} to discuss {thing} with {noun}.",
    "Records reviewed by reporters show that {thing} was changed {k} times since spring.",
    "{who}, who has lived near {place} for {k} years, said {reason}.",
    "The number of {noun} involved rose to {n} on {day}, up from the week before.",
    "Supporters of {thing} said the changes would protect {noun} and {sec} alike.",
    "At a news conference, {who} said {ev} was about more than {thing}.",
    "Traffic around {place} slowed {time} as {noun} {verb}.",
    "{org} has not said whether {thing} will change before the end of the year.",
    "Several {noun} told reporters they felt {adj} but were not ready to give up.",
    "The last time {evn} of this size hit {place} was more than {k} decades ago.",
    "Local businesses near {place} reported that about {pct} percent fewer customers came in.",
    "{who} said a second meeting with {org} was expected on {day}.",
    "Legal observers from {org} counted {n} people at the main gathering point.",
    "For many {noun}, the question of {thing} has become personal, {who} said.",
    "Negotiators for {org} left the talks {time} without announcing a deal.",
    "A volunteer at {place} handed out coffee and hand warmers to {noun} {time}.",
    "{who} pointed to a recent survey showing {pct} percent of {noun} support {thing}.",
]

TITLES = [
    "{Place}: {Evn} enters day {k} as {noun} {verb}",
    "{Org} responds as {ev} spreads across {place}",
    "What we know about {ev} in {place}",
    "{N} {noun} join {ev}; {org} under pressure",
    "'{adjc}' scenes in {place} as {act}",
    "{Who} says {thing} must change after {ev}",
    "Inside {ev}: {noun} and {sec} in {place}",
    "{Org} and {noun} at odds over {thing}",
]

GENERIC_TITLES = ["Live updates: Minneapolis general strike", "Morning briefing", "Live updates",
                  "What to know today", "The latest on ICE in the Twin Cities", "Evening news roundup"]


def make_facts(rng, event):
    people = [(person(rng), rng.choice(ROLES)) for _ in range(4)]
    return {
        "event": event,
        "day": rng.choice(WEEKDAYS),
        "places": rng.sample(PLACES, 3),
        "orgs": rng.sample(ORGS, 3),
        "numbers": [str(rng.choice([120, 300, 450, 1200, 2500, 5000, 12000, 40])) for _ in range(3)],
        "people": people,
        "quote": '"{}," {} said.'.format(rng.choice([
            "We are not going anywhere until {t} is fixed",
            "Nobody in this city should have to choose between their job and their family over {t}",
            "This is what happens when you ignore the people who keep {p} running",
            "We asked for a meeting about {t} and they sent us a letter instead",
            "Every family in {p} deserves to know what is going on with {t}",
        ]).format(t=rng.choice(THINGS), p=rng.choice(PLACES)), people[0][0]),
    }


def cap(s):
    return s[0].upper() + s[1:]


def make_title(rng, f, generic=False):
    if generic:
        return rng.choice(GENERIC_TITLES)
    t = rng.choice(TITLES)
    return t.format(Place=rng.choice(f["places"]), Evn=cap(f["event"][3]), k=rng.randint(2, 9),
                    noun=rng.choice(NOUNS), verb=rng.choice(VERBS), Org=cap(rng.choice(f["orgs"])),
                    ev=f["event"][2], place=rng.choice(f["places"]), N=rng.choice(f["numbers"]),
                    org=rng.choice(f["orgs"]), adjc=cap(rng.choice(ADJ)), act=f["event"][1],
                    Who=rng.choice(f["people"])[0], thing=rng.choice(THINGS), sec=rng.choice(NOUNS))


def make_article(rng, f, min_chars=800, max_chars=4000, include_quote=True):
    """Paragraphs of 1-4 sentences; one article's wording comes from its own RNG."""
    target = rng.randint(min_chars + 200, max_chars - 400)
    day = f["day"]
    lede = "{} — {} on {}, {}.".format(rng.choice(f["places"]).upper(), cap(f["event"][1]), day,
                                        fill(rng, rng.choice(["and {noun} said {reason}",
                                                              "leaving {noun} and {sec} {adj}",
                                                              "the latest turn in {ev} that began in {place}"]), f))
    paragraphs = [[lede, fill(rng, rng.choice(SENTENCES), f)]]
    quote_at = rng.randint(1, 4) if include_quote else -1
    length = sum(len(s) for p in paragraphs for s in p)
    while length < target:
        para = []
        if len(paragraphs) == quote_at:
            para.append(f["quote"])
        for _ in range(rng.randint(1, 3)):
            para.append(fill(rng, rng.choice(SENTENCES), f))
        paragraphs.append(para)
        length += sum(len(s) + 1 for s in para)
    return [" ".join(p) for p in paragraphs]


def text(paras):
    return "\n\n".join(paras)


def edit(rng, paras):
    """Lightly edited: 5-10 % of words changed, one sentence dropped, one added."""
    words = text(paras).split(" ")
    n = max(1, int(len(words) * rng.uniform(0.05, 0.10)))
    for i in rng.sample(range(len(words)), n):
        w = words[i]
        if "\n" in w:
            continue
        words[i] = rng.choice(["also", "the", "local", "new", "many", "several", "recent", w.lower(), w + ","])
    out = " ".join(words).split("\n\n")
    # drop one sentence from a middle paragraph, add one elsewhere
    k = rng.randrange(1, len(out))
    sents = out[k].split(". ")
    if len(sents) > 1:
        del sents[rng.randrange(len(sents))]
        out[k] = ". ".join(sents)
    if rng.random() < 0.3 and len(out) > 4:  # a rewrite that moves a paragraph up
        i = rng.randrange(2, len(out))
        out.insert(1, out.pop(i))
    out.insert(rng.randrange(1, len(out) + 1),
               "Editors updated this report with additional details from {} {}.".format(
                   rng.choice(OUTLETS), rng.choice(["staff", "reporters", "wire services"])))
    return out


def typographic(s):
    """Another CMS's rendering: curly quotes, ASCII dashes, accents stripped, odd spacing."""
    out, open_quote = [], True
    for ch in s:
        if ch == '"':
            out.append("\u201c" if open_quote else "\u201d")
            open_quote = not open_quote
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    s = "".join(out).replace(" \u2014 ", " -- ").replace(". ", ".  ")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def item(title, body):
    return {"title": title, "text": body}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pairs = []

    def add(a, b, same, kind):
        pairs.append({"a": a, "b": b, "same": same, "kind": kind})

    def fresh():
        ev = rng.choice(EVENTS)
        f = make_facts(rng, ev)
        paras = make_article(rng, f)
        return f, make_title(rng, f), paras

    for _ in range(60):  # republished: an added credit line or editor's note
        f, title, paras = fresh()
        outlet = rng.choice(OUTLETS)
        extra = rng.choice([
            ("end", "This article first appeared in {} and is republished here under a Creative Commons license.".format(outlet)),
            ("start", "Editor's note: This story was originally published by {} on {}.".format(outlet, f["day"])),
            ("end", "{} reporters contributed to this story. Send tips to the newsroom.".format(outlet)),
            ("start", "By {} | {}".format(person(rng), outlet)),
        ])
        b = [extra[1]] + paras if extra[0] == "start" else paras + [extra[1]]
        t2 = title if rng.random() < 0.6 else title + " | " + outlet
        body = text(b)
        if rng.random() < 0.35:
            body, t2 = typographic(body), typographic(t2)
        add(item(title, text(paras)), item(t2, body), True, "republished")

    for _ in range(60):  # lightly edited rewrite of a wire story
        f, title, paras = fresh()
        tw = title.split(" ")
        tw[rng.randrange(len(tw))] = rng.choice(["new", "latest", "update:", "more"])
        add(item(title, text(paras)), item(" ".join(tw), text(edit(rng, paras))), True, "edited")

    for i in range(60):  # aggregator excerpts and truncations
        f, title, paras = fresh()
        if i % 4 == 3:  # truncated feed content: the first 600-1200 characters, cut mid-sentence
            ex = [text(paras)[:rng.randint(600, 1200)].rsplit(" ", 1)[0] + " [...]"]
        else:
            first = 1 if i % 4 == 2 else 0  # some start at the second paragraph
            k = first + rng.randint(1, 3)
            while len(" ".join(paras[first:k]).split()) < 60 and k < len(paras):
                k += 1
            ex = paras[first:k]
            if i % 4 == 1:  # the dateline dropped
                ex = [ex[0].split(" \u2014 ", 1)[-1]] + ex[1:]
            ex = ex + [rng.choice(["Read the full story at {}.", "Continue reading on {}.",
                                   "(Excerpted from {}.)"]).format(rng.choice(OUTLETS))]
        add(item(title, text(paras)), item(title if rng.random() < 0.7 else "Excerpt: " + title, text(ex)), True, "excerpt")

    for _ in range(40):  # feed summary: the first sentence(s), cut with an ellipsis
        f, title, paras = fresh()
        limit = rng.randint(140, 320)
        s = text(paras)[:limit].rsplit(" ", 1)[0] + " …"
        add(item(title, s), item(title, text(paras)), True, "summary")

    for _ in range(40):  # same body, a different headline
        f, title, paras = fresh()
        add(item(title, text(paras)), item(make_title(rng, f), text(paras)), True, "retitled")

    for i in range(110):  # hard negatives: another outlet's own article on the same event
        ev = rng.choice(EVENTS)
        f = make_facts(rng, ev)
        a = make_article(rng, f)
        b = make_article(rng, f)  # same names, places, numbers, day and the same quote
        if i % 5 == 0:
            ta = tb = make_title(rng, f, generic=True)  # "Live updates" on two different days' stories
        elif i % 5 == 1:
            ta = tb = make_title(rng, f)  # even the same headline
        else:
            ta, tb = make_title(rng, f), make_title(rng, f)
        if i % 7 == 3:  # a short brief that carries the shared quote
            b = [b[0], f["quote"]]
        add(item(ta, text(a)), item(tb, text(b)), False, "hardneg")

    for i in range(40):  # a follow-up: the next day's article reusing background paragraphs
        f, title, paras = fresh()
        f2 = dict(f, day=rng.choice([d for d in WEEKDAYS if d != f["day"]]),
                  numbers=[str(int(n) + rng.randint(5, 500)) for n in f["numbers"]])
        nxt = make_article(rng, f2, include_quote=False)
        k = rng.randint(1, 3)
        background = paras[-k:]
        nxt = nxt[:max(3, len(nxt) - k)] + ["Background: " + background[0]] + background[1:]
        add(item(title, text(paras)), item(make_title(rng, f2), text(nxt)), False, "hardneg")

    for i in range(30):  # short same-title items with different bodies (teasers, briefings)
        f = make_facts(rng, rng.choice(EVENTS))
        t = make_title(rng, f, generic=True)
        a = fill(rng, rng.choice(SENTENCES), f)
        b = fill(rng, rng.choice(SENTENCES), f)
        if i % 3 == 0:
            a = b = "Subscribe to continue reading this story."  # boilerplate, not a story
        add(item(t, a), item(t + (" (" + f["day"] + ")" if i % 2 else ""), b), False, "hardneg")

    for _ in range(50):  # unrelated
        _, ta, a = fresh()
        _, tb, b = fresh()
        add(item(ta, text(a)), item(tb, text(b)), False, "unrelated")

    # A follow-up that reuses most of the first day's article as background, under
    # a new lede, compared with the original or with another outlet's edited copy
    # of it (the path by which a follow-up once joined the first day's story).
    # Its own generator, so that the pairs above stay as they were.
    rng = random.Random(args.seed + 1)
    for i in range(40):
        f, title, paras = fresh()
        while len(paras) < 5:
            f, title, paras = fresh()
        f2 = dict(f, day=rng.choice([d for d in WEEKDAYS if d != f["day"]]),
                  numbers=[str(int(n) + rng.randint(5, 500)) for n in f["numbers"]])
        new = make_article(rng, f2, min_chars=1000, max_chars=2400, include_quote=False)
        reused = paras[1:][-max(2, len(paras) * rng.randint(40, 60) // 100):]
        original = edit(rng, paras) if i % 2 else paras
        add(item(title, text(original)), item(make_title(rng, f2), text(new + reused)), False, "followup")

    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for p in pairs:
            out.write(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n")
    print("wrote", len(pairs), "pairs to", args.out)


if __name__ == "__main__":
    main()
