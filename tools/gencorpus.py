#!/usr/bin/env python3
"""gencorpus.py: writes N synthetic plain-text conflict reports into a directory.

The articles imitate the shape of the sample collection (a date line, a headline, a
dateline paragraph, quoted officials, casualty and damage figures, place names from
several countries) so imports and benchmarks exercise the same paths as real news.
Output is deterministic for a given --seed, so runs can be compared.

usage: gencorpus.py [--seed N] [--size-kb K] N DIR
"""
import argparse
import os
import random

PLACES = [
    ("Mosul", "Nineveh", "Iraq"), ("Ramadi", "Anbar", "Iraq"), ("Qaim", "Anbar", "Iraq"),
    ("Fallujah", "Anbar", "Iraq"), ("Tikrit", "Salahuddin", "Iraq"),
    ("Kirkuk", "Kirkuk", "Iraq"), ("Raqqa", "Raqqa", "Syria"), ("Aleppo", "Aleppo", "Syria"),
    ("Deir ez-Zor", "Deir ez-Zor", "Syria"), ("Idlib", "Idlib", "Syria"),
    ("Kandahar", "Kandahar", "Afghanistan"), ("Kunduz", "Kunduz", "Afghanistan"),
    ("Maiduguri", "Borno", "Nigeria"), ("Aden", "Aden", "Yemen"),
    ("Hodeidah", "Hodeidah", "Yemen"), ("Mogadishu", "Banadir", "Somalia"),
    ("Kharkiv", "Kharkiv", "Ukraine"), ("Bakhmut", "Donetsk", "Ukraine"),
]
ACTORS = ["Islamic State", "the army", "Boko Haram", "al-Shabaab", "the Taliban",
          "Houthi rebels", "government forces", "the coalition", "police", "militants"]
SOURCES = ["AP", "Reuters", "AFP", "Xinhua", "AA", "UPI"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VICTIMS = ["civilians", "soldiers", "militants", "fighters", "police officers", "people"]
THINGS = ["vehicles", "houses", "buildings", "checkpoints", "bridges", "trucks"]
OFFICIALS = ["a military spokesman", "the provincial governor", "a local official",
             "a security source", "the interior ministry", "a hospital doctor"]
FILLER = [
    "The area has seen repeated clashes in recent months as forces pushed to retake it.",
    "Residents said the fighting forced hundreds of families to leave their homes.",
    "Aid groups warned that supplies of food and medicine were running low.",
    "The group has not commented on the report, and the figures could not be verified.",
    "Officials said operations would continue until the district was fully secured.",
    "Witnesses described heavy gunfire and explosions through the night.",
]


def paragraph(rng):
    town, prov, country = rng.choice(PLACES)
    actor = rng.choice(ACTORS)
    n = rng.randint(2, 250)
    kind = rng.random()
    if kind < 0.4:
        fact = f"{actor.capitalize()} killed {n} {rng.choice(VICTIMS)} in {town}"
    elif kind < 0.7:
        fact = f"At least {n} {rng.choice(VICTIMS)} were wounded near {town}, {prov}"
    else:
        fact = f"More than {n} {rng.choice(THINGS)} were destroyed in {town} in {country}"
    when = rng.choice(["on " + rng.choice(DAYS), "late " + rng.choice(DAYS) + " night",
                       f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"])
    said = rng.choice(OFFICIALS)
    extra = " ".join(rng.sample(FILLER, 2))
    return f"{fact} {when}, {said} said. {extra}"


def article(rng, index, size):
    town, prov, country = rng.choice(PLACES)
    year = rng.randint(2014, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    n = rng.randint(3, 90)
    title = f"{n} killed as {rng.choice(ACTORS)} clash near {town} (report {index})"
    lines = [f"{DAYS[(year + month + day) % 7]}, {MONTHS[month - 1]} {day}, {year}", "",
             title, "",
             f"{town.upper()}, {MONTHS[month - 1]} {day} ({rng.choice(SOURCES)}) -- "
             + paragraph(rng)]
    body = 0
    while body < size:
        p = paragraph(rng)
        lines += ["", p]
        body += len(p)
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-kb", type=float, default=3.0, help="approximate body size")
    ap.add_argument("count", type=int)
    ap.add_argument("dir")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.dir, exist_ok=True)
    size = int(args.size_kb * 1024)
    width = max(5, len(str(args.count)))
    for i in range(1, args.count + 1):
        path = os.path.join(args.dir, f"gen_{i:0{width}d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(article(rng, i, size))


if __name__ == "__main__":
    main()
