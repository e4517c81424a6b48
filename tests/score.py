#!/usr/bin/env python3
"""tests/score.py: sitrep's own scorer for `extract --json` against a gold file, so that
`make check` works on a clone without ../shared. Same rules as the shared evaluation:

  places  - a gold place is a list of accepted spellings; a predicted place matches one when
            its name or a surface form equals a spelling after normalising (case, marks,
            apostrophes, hyphens and dots, a leading Arabic article, a trailing
            province/city/town/district/state word); places_optional neither count nor cost.
  figures - the sets of distinct (kind, n) pairs are compared; figures_optional are free.
  dates   - the publication date, where the gold has one.

usage: score.py GOLD TEXT_DIR --cmd CMD [--verbose] [--min-place-f1 X] [--min-figure-f1 Y]
       [--min-dates N]
Exit status 1 when a threshold is missed, 2 when the command fails.
"""
import argparse
import json
import re
import shlex
import subprocess
import sys
import unicodedata

KIND = {"killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed",
        "wounded": "wounded", "injured": "wounded", "destroyed": "destroyed"}
ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|at|an|az) ")
TRAILER = re.compile(r" (?:province|governorate|city|town|district|state)$")


def fold(name):
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[\u2019\u2018'`\u02bc]", "", text)
    text = re.sub(r"[-_.,]", " ", text)
    text = " ".join(text.split())
    return TRAILER.sub("", ARTICLE.sub("", text))


def spellings(place):
    if isinstance(place, str):
        return {fold(place)}
    found = {fold(place.get("name", ""))}
    for key in ("surface", "aliases"):
        found.update(fold(s) for s in place.get(key) or [])
    return found


def extract(cmd, path):
    proc = subprocess.run(f"{cmd} {shlex.quote(path)}", shell=True, capture_output=True,
                          text=True, timeout=120)
    if proc.returncode != 0:
        sys.stderr.write(f"{cmd} failed on {path}: {proc.stderr.strip()[:300]}\n")
        sys.exit(2)
    first = next((l for l in proc.stdout.splitlines() if l.strip().startswith("{")), None)
    if first is None:
        sys.stderr.write(f"no JSON object from {cmd} on {path}\n")
        sys.exit(2)
    return json.loads(first)


def f1(tp, fp, fn):
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def score_places(gold, pred):
    wanted = [{fold(s) for s in alts} for alts in gold["places"]]
    free = [{fold(s) for s in alts} for alts in gold.get("places_optional", [])]
    hit = [False] * len(wanted)
    extra = []
    for place in pred.get("places") or []:
        names = spellings(place)
        matched = [i for i, alts in enumerate(wanted) if names & alts]
        for i in matched:
            hit[i] = True
        if not matched and not any(names & alts for alts in free):
            extra.append(place.get("name") if isinstance(place, dict) else place)
    missed = [sorted(wanted[i])[0] for i, h in enumerate(hit) if not h]
    return sum(hit), len(extra), len(missed), missed, extra


def score_figures(gold, pred):
    wanted = {(k, int(n)) for k, n, *_ in gold["figures"]}
    free = {(k, int(n)) for k, n, *_ in gold.get("figures_optional", [])}
    got = set()
    for fig in pred.get("figures") or []:
        kind = KIND.get(str(fig.get("kind", "")).lower())
        if kind and isinstance(fig.get("n"), (int, float)):
            got.add((kind, int(fig["n"])))
    return (len(got & wanted), len(got - wanted - free), len(wanted - got),
            sorted(wanted - got), sorted(got - wanted - free))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("texts")
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--min-place-f1", type=float)
    ap.add_argument("--min-figure-f1", type=float)
    ap.add_argument("--min-dates", type=int)
    args = ap.parse_args()
    articles = json.load(open(args.gold))["articles"]
    places = [0, 0, 0]
    figures = [0, 0, 0]
    dates = [0, 0]
    for aid in sorted(articles):
        gold = articles[aid]
        pred = extract(args.cmd, f"{args.texts}/{aid}.txt")
        tp, fp, fn, missed, extra = score_places(gold, pred)
        places = [places[0] + tp, places[1] + fp, places[2] + fn]
        ftp, ffp, ffn, fmissed, fextra = score_figures(gold, pred)
        figures = [figures[0] + ftp, figures[1] + ffp, figures[2] + ffn]
        if gold.get("dct"):
            dates[1] += 1
            dates[0] += pred.get("date") == gold["dct"]
        if args.verbose:
            print(f"{aid}: places missed={missed} extra={extra}")
            print(f"{aid}: figures missed={fmissed} extra={fextra}")
            if gold.get("dct"):
                print(f"{aid}: date want={gold['dct']} got={pred.get('date')}")
    pp, pr, pf = f1(*places)
    fp_, fr, ff = f1(*figures)
    print(f"places:  P={pp:.3f} R={pr:.3f} F1={pf:.3f}")
    print(f"figures: P={fp_:.3f} R={fr:.3f} F1={ff:.3f}")
    print(f"summary: articles={len(articles)} place_f1={pf:.3f} figure_f1={ff:.3f} "
          f"dates={dates[0]}/{dates[1]}")
    short = ((args.min_place_f1 is not None and pf < args.min_place_f1) or
             (args.min_figure_f1 is not None and ff < args.min_figure_f1) or
             (args.min_dates is not None and dates[0] < args.min_dates))
    sys.exit(1 if short else 0)


if __name__ == "__main__":
    main()
