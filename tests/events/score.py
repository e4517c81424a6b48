#!/usr/bin/env python3
"""tests/events/score.py: score `sitrep events` grouping and per-report tolls against
tests/events/gold.json.

usage: score.py --sitrep PATH [--db TMPDB] [--min-f1 X] [--min-toll X] [--verbose]

Imports tests/events/*.txt into a fresh collection (`SITREP --db DB import FILES`), reads
`SITREP --db DB events --json` (one event per line, each with "reports": [{"id", ...}])
and `SITREP --db DB list --json` (one article per line with "id", "origin", "killed",
"wounded", "destroyed"), maps article ids to files through "origin" and prints

  grouping  pairwise precision, recall and F1: a pair of reports is predicted when one
            event holds both, gold when gold.json gives both the same "event";
  tolls     own-toll accuracy: a report is right when killed, wounded and destroyed all
            match its gold "toll". A gold integer matches the same number (a string
            holding one number counts as that number); null matches null; a gold vague
            word ("dozens") matches that word or any number in its range (VAGUE below).

Exit status 0, 1 when --min-f1 or --min-toll is missed, 2 when sitrep fails or the
arguments are wrong. It also prints how many publication dates ("date" in list --json)
match the gold "date" (not a threshold). Python 3 standard library only.
"""
import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("killed", "wounded", "destroyed")
# the range a vague word allows, inclusive (None = open)
VAGUE = {
    "a few": (2, 5),
    "several": (3, 9),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
}


def fail(msg, code=2):
    print("score.py: " + msg, file=sys.stderr)
    sys.exit(code)


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        fail("%s failed (exit %d): %s" % (" ".join(cmd[:4]) + " ...", proc.returncode,
                                          proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8", "replace")


def json_lines(text, what):
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            out.append(json.loads(line))
        except ValueError as exc:
            fail("%s: line %d is not JSON (%s)" % (what, n, exc))
    return out


def as_number(value):
    """An int from sitrep's value: a number, or a string holding exactly one number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str):
        nums = re.findall(r"\d[\d,]*", value)
        if len(nums) == 1:
            return int(nums[0].replace(",", ""))
    return None


def toll_match(gold, got):
    if gold is None:
        return got is None or got == ""
    if isinstance(gold, str):
        word = gold.strip().lower()
        if isinstance(got, str) and got.strip().lower() == word:
            return True
        n = as_number(got)
        if n is None or word not in VAGUE:
            return False
        lo, hi = VAGUE[word]
        return (lo is None or n >= lo) and (hi is None or n <= hi)
    return as_number(got) == gold


def show(value):
    return "-" if value is None else (value if isinstance(value, str) else str(value))


def pairs_of(groups):
    out = set()
    for members in groups:
        for a, b in itertools.combinations(sorted(set(members)), 2):
            out.add((a, b))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sitrep", required=True, help="the sitrep binary")
    ap.add_argument("--db", help="collection to create (must not exist); default a temp file")
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--dir", default=HERE, help="folder of the .txt reports")
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--min-toll", type=float, default=None)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)
    greports = gold["reports"]
    files = sorted(f for f in os.listdir(args.dir) if f.endswith(".txt"))
    missing = [f for f in files if f not in greports]
    if missing:
        fail("no gold for: " + ", ".join(missing))
    absent = [f for f in greports if f not in files]
    if absent:
        fail("gold names files that are not there: " + ", ".join(absent))

    sitrep = os.path.abspath(args.sitrep)
    if not os.access(sitrep, os.X_OK):
        fail("not an executable: " + args.sitrep)
    tmpdir = None
    if args.db:
        db = args.db
        if os.path.exists(db):
            fail("--db %s exists; give a path for a fresh collection" % db)
    else:
        tmpdir = tempfile.mkdtemp(prefix="events-score.")
        db = os.path.join(tmpdir, "events.db")
    try:
        paths = [os.path.join(args.dir, f) for f in files]
        run([sitrep, "--db", db, "import"] + paths)
        events = json_lines(run([sitrep, "--db", db, "events", "--json"]), "events --json")
        articles = json_lines(run([sitrep, "--db", db, "list", "--json"]), "list --json")
    finally:
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)

    # article id -> file, through "origin"
    by_id, row_of = {}, {}
    for art in articles:
        name = os.path.basename(str(art.get("origin") or ""))
        if name in greports:
            by_id[art.get("id")] = name
            row_of[name] = art
    lost = [f for f in files if f not in row_of]

    # grouping
    groups, event_of = [], {}
    for ev in events:
        members = []
        for rep in ev.get("reports") or []:
            name = by_id.get(rep.get("id") if isinstance(rep, dict) else rep)
            if name:
                members.append(name)
                event_of[name] = ev.get("event")
        groups.append(members)
    gold_groups = {}
    for name in files:
        gold_groups.setdefault(greports[name]["event"], []).append(name)
    pred = pairs_of(groups)
    true = pairs_of(gold_groups.values())
    tp = len(pred & true)
    precision = tp / len(pred) if pred else (1.0 if not true else 0.0)
    recall = tp / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    # tolls
    right, toll_miss, kind_right = 0, [], {k: 0 for k in KINDS}
    for name in files:
        want = greports[name].get("toll") or {}
        got = row_of.get(name, {})
        ok = True
        for k in KINDS:
            if toll_match(want.get(k), got.get(k)):
                kind_right[k] += 1
            else:
                ok = False
        if ok:
            right += 1
        else:
            toll_miss.append(name)
    toll = right / len(files) if files else 1.0

    # publication dates (reported, not thresholded)
    date_miss = [f for f in files
                 if (greports[f].get("date") or None) != (row_of.get(f, {}).get("date") or None)]

    multi = sum(1 for g in gold_groups.values() if len(g) > 1)
    print("reports %d, gold events %d (%d with two or more reports), sitrep events %d"
          % (len(files), len(gold_groups), multi, len(events)))
    if lost:
        print("not found in list --json (no matching origin): %d" % len(lost))
    print("vague words: " + ", ".join("%s %d-%s" % (w, lo, hi if hi else "")
                                      for w, (lo, hi) in VAGUE.items()))
    print("grouping: pairs predicted %d, gold %d, right %d" % (len(pred), len(true), tp))
    print("grouping: precision %.3f recall %.3f F1 %.3f" % (precision, recall, f1))
    print("tolls: %d/%d right, accuracy %.3f (killed %d, wounded %d, destroyed %d)"
          % (right, len(files), toll, kind_right["killed"], kind_right["wounded"],
             kind_right["destroyed"]))
    print("dates: %d/%d publication dates right" % (len(files) - len(date_miss), len(files)))

    if args.verbose:
        print("\ngrouping misses (file: gold event | put with wrongly | missed mates)")
        mates = {}
        for a, b in pred:
            mates.setdefault(a, set()).add(b)
            mates.setdefault(b, set()).add(a)
        for name in files:
            ev = greports[name]["event"]
            wrong = sorted(m for m in mates.get(name, ()) if greports[m]["event"] != ev)
            miss = sorted(m for m in gold_groups[ev] if m != name and m not in mates.get(name, ()))
            if wrong or miss:
                print("  %-44s %-28s | %s | %s" % (name, ev, " ".join(wrong) or "-",
                                                  " ".join(miss) or "-"))
        print("\ntoll misses (file: gold killed/wounded/destroyed | sitrep)")
        for name in toll_miss:
            want = greports[name].get("toll") or {}
            got = row_of.get(name, {})
            print("  %-44s %s/%s/%s | %s/%s/%s" % (
                name, show(want.get("killed")), show(want.get("wounded")),
                show(want.get("destroyed")), show(got.get("killed")),
                show(got.get("wounded")), show(got.get("destroyed"))))

        print("\ndate misses (file: gold | sitrep)")
        for name in date_miss:
            print("  %-44s %s | %s" % (name, show(greports[name].get("date")),
                                       show(row_of.get(name, {}).get("date"))))

    below = []
    if args.min_f1 is not None and f1 < args.min_f1:
        below.append("grouping F1 %.3f < %.3f" % (f1, args.min_f1))
    if args.min_toll is not None and toll < args.min_toll:
        below.append("toll accuracy %.3f < %.3f" % (toll, args.min_toll))
    if below:
        print("FAIL: " + "; ".join(below))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
