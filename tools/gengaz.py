#!/usr/bin/env python3
"""gengaz.py: builds assets/gazetteer.tsv from GeoNames extracts and Debian iso-codes.

    python3 tools/gengaz.py --geonames ../shared/data/geonames \
        --iso /usr/share/iso-codes/json -o assets/gazetteer.tsv

Output columns (tab-separated, one place a line, '#' lines are comments):
    id kind name country_code country admin1 parent_id lat lon population names ambiguous
where `names` is every Latin-script alternate name (comma-separated, canonical first)
and `ambiguous` lists those of them that are also a common English word or a person's
name, so the extractor demands context before taking them as a place.

Countries have no GeoNames id in these extracts, so they get 1900000000 + ISO numeric.
"""

import argparse
import json
import os
import sys
import unicodedata

COUNTRY_ID_BASE = 1900000000

# Names English news uses for countries beside the ISO ones.
COUNTRY_EXTRA = {
    "US": ["USA", "U.S.", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "KP": ["North Korea"],
    "KR": ["South Korea"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
           "D.R. Congo", "Congo-Kinshasa", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"],
    "LA": ["Laos"],
    "VN": ["Vietnam"],
    "TZ": ["Tanzania"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "MD": ["Moldova"],
    "TW": ["Taiwan"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "TR": ["Turkey", "Turkiye"],
    "AE": ["UAE", "Emirates"],
    "SA": ["Saudi"],
    "FM": ["Micronesia"],
    "VA": ["Vatican", "Holy See"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "BN": ["Brunei"],
    "NL": ["Holland"],
}

# The short name English news uses, where ISO's differs ("Russian Federation").
COUNTRY_DISPLAY = {
    "RU": "Russia", "TR": "Turkey", "VN": "Vietnam", "CD": "DR Congo", "CG": "Republic of the Congo",
    "PS": "Palestine", "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "TZ": "Tanzania",
    "BO": "Bolivia", "VE": "Venezuela", "MD": "Moldova", "TW": "Taiwan", "FM": "Micronesia",
    "VA": "Vatican City", "BN": "Brunei", "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic",
    "SY": "Syria", "IR": "Iran",
}

# Common English words and first names that are also place names. /usr/share/dict/words
# supplies most English words; this list covers person names (mostly capitalised in the
# dictionary, like place names, so it cannot tell them apart) and news vocabulary.
AMBIGUOUS_EXTRA = """
hit said of police garver man bar mary victoria best nice reading hope mobile independence
john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold
keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan
joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
vincent russell elijah louis bobby philip johnny patricia jennifer linda elizabeth barbara
susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna
michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine
christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce olivia judith evelyn joan christina kelly lauren martha andrea frances hannah
jacqueline ann gloria jean kathryn alice teresa sara janice doris madison julia grace
judy abigail marie denise beverly amber theresa marilyn danielle diana brittany natalie
sophia rose isabella alexis kayla charlotte florence lincoln washington clinton jackson
franklin hamilton madison monroe harrison grant taylor wilson carter reagan bush obama
trump biden mohammed muhammad mohamed ahmed ahmad ali omar umar hassan hasan hussein
husain mahmoud khalid khaled abdullah abdallah ibrahim youssef yusuf mustafa salem salim
karim tariq nasser jamal walid faisal hamid majid rashid saleh salah adel amir ismail
issa isa musa moussa idris yahya zakaria bilal hamza osman othman usman abbas jafar
malik aziz nabil samir sami fadi ziad imad hadi mahdi haidar haider qasim kassem fatima
aisha zainab mariam maryam layla leila noor nour amina sultan sheikh emir imam
army city town village valley river lake mount hill bay port new north south east west
central upper lower great little old fort camp base
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter
""".split()


def fold(s):
    """A close Python twin of text_fold for deciding ambiguity at generation time."""
    s = unicodedata.normalize("NFKD", s).casefold()
    out = []
    for ch in s:
        if unicodedata.category(ch).startswith("M") or ch in "'\"`\u2018\u2019\u02bc\u02bf\u02be":
            continue
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def is_latin_name(s):
    """Latin script, starting with a capital: drops other scripts and the lowercase
    romanisations of non-Latin names (bghdad, ba ge da) that GeoNames also lists."""
    if len(s) < 2 or not s[0].isupper():
        return False
    letters = 0
    for ch in s:
        if ch.isdigit():
            return False
        if ch.isalpha():
            letters += 1
            if ord(ch) > 0x24F and not (0x1E00 <= ord(ch) <= 0x1EFF):
                return False
        elif ch not in " -'.,’‘ʼʻʿʾ()`":
            return False
    # Airport and other short all-capital codes (BGW, OSM) are not names of places.
    if s.isupper() and letters <= 4 and s not in ("UAE", "USA", "UK", "DRC"):
        return False
    return letters >= 2


# Countries whose place names carry the Arabic article, which news often leaves out
# (Al Anbar = Anbar, Ar Raqqah = Raqqah): there the name without it is indexed too.
ARABIC_CC = set("IQ SY YE SA LY EG SD JO LB PS IL KW QA BH AE OM TN DZ MA MR SO DJ KM".split())
ARTICLES = ("al", "el", "ar", "as", "ash", "ad", "adh", "at", "ath", "an", "az", "ez", "es", "ed")


def without_article(name):
    """'Al Anbar' -> 'Anbar', 'Ar-Raqqah' -> 'Raqqah'; None when name has no article."""
    for sep in (" ", "-"):
        head, _, rest = name.partition(sep)
        if rest and head.lower() in ARTICLES and len(rest) > 2:
            return rest[0].upper() + rest[1:]
    return None


def clean(s):
    return s.replace("\t", " ").replace(",", " ").strip()


def display_name(ascii_name):
    """GeoNames' ASCII names mark ayn and hamza with ` and ' ("`Afrin", "'Anah",
    "Samarra'"); news drops the marks at word edges, so the canonical name does too
    ("Ma'rib" keeps its inner one). The marked form stays among the names."""
    words = []
    for w in ascii_name.replace("`", "'").split(" "):
        stripped = w.strip("'")
        words.append(stripped if stripped else w)
    return " ".join(words)


def load_words(path):
    """Lowercase entries (common words) and capitalised ones (proper nouns), folded."""
    words, proper = set(), set()
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.strip()
                if not w.isalpha():
                    continue
                (words if w.islower() else proper).add(fold(w))
    except OSError:
        print("gengaz: %s not found; only the built-in ambiguous list is used" % path,
              file=sys.stderr)
    return words, proper - words


class Generator:
    def __init__(self, words, proper):
        self.words = words
        self.proper = proper
        self.major = set()  # (country, folded name) of countries, admin1s and big cities
        self.extra = set(AMBIGUOUS_EXTRA)
        self.out = []

    def ambiguous_names(self, names, kind, population, cc):
        amb = []
        for n in names:
            f = fold(n)
            if kind == "country":  # news means the country: Jordan, Chad, Turkey
                continue
            if f in self.extra:
                amb.append(n)
            elif population < 1000000 and (f in self.words or len(f) <= 2):
                amb.append(n)
            elif (kind in ("town", "village", "neighborhood") and population < 15000
                  and f in self.proper and (cc, f) not in self.major):
                # A small place sharing a name the dictionary lists as a proper noun is
                # most often a person (Hawkins) or somewhere better known (Calcutta).
                amb.append(n)
        return amb

    def emit(self, pid, kind, name, cc, country, admin1, parent, lat, lon, pop, names):
        seen, uniq = set(), []
        names = [name] + names
        if cc in ARABIC_CC:
            names += [b for b in map(without_article, names) if b]
        for n in names:
            n = clean(n)
            if n and n not in seen and (n == clean(name) or is_latin_name(n)):
                seen.add(n)
                uniq.append(n)
        if kind in ("country", "admin1") or pop >= 100000:
            self.major.update((cc, fold(n)) for n in uniq)
        self.out.append(([
            str(pid), kind, clean(name), cc, country, admin1, str(parent),
            "%.5f" % lat if lat is not None else "", "%.5f" % lon if lon is not None else "",
            str(pop), ",".join(uniq)], uniq, kind, pop, cc))

    def locate_areas(self, members):
        """Countries and divisions have no coordinates in the extracts: give each the
        median latitude and longitude of its populated places, a point inside it that a
        map can use (the median resists outlying islands better than the mean)."""
        for cols, _, kind, _, _ in self.out:
            pts = members.get(int(cols[0]))
            if kind in ("country", "admin1", "admin2") and pts and not cols[7]:
                lats = sorted(p[0] for p in pts)
                lons = sorted(p[1] for p in pts)
                cols[7] = "%.5f" % lats[len(lats) // 2]
                cols[8] = "%.5f" % lons[len(lons) // 2]

    def rows(self):
        """Rows with their ambiguous names, decided once every major place is known."""
        for cols, uniq, kind, pop, cc in self.out:
            yield "\t".join(cols + [",".join(self.ambiguous_names(uniq, kind, pop, cc))])


def place_kind(code, pop):
    if code == "PPLX":
        return "neighborhood"
    if code in ("PPLC", "PPLA", "PPLG") or pop >= 100000:
        return "city"
    if code == "PPLA2" or pop >= 5000:
        return "town"
    return "village"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geonames", required=True)
    ap.add_argument("--iso", required=True)
    ap.add_argument("--words", default="/usr/share/dict/words")
    ap.add_argument("--no-admin2", action="store_true")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    gen = Generator(*load_words(a.words))
    gn = a.geonames

    with open(os.path.join(a.iso, "iso_3166-1.json"), encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    countries = {}
    for c in iso:
        cc = c["alpha_2"]
        display = COUNTRY_DISPLAY.get(cc) or c.get("common_name") or c["name"]
        if "," in display:  # "Congo, The Democratic Republic of the"
            display = COUNTRY_EXTRA.get(cc, [display])[0]
        cid = COUNTRY_ID_BASE + int(c["numeric"])
        countries[cc] = (cid, clean(display))
        names = [c["name"]] + [c[k] for k in ("official_name", "common_name") if k in c]
        names += COUNTRY_EXTRA.get(cc, [])
        names = [n for n in names if "," not in n]
        gen.emit(cid, "country", display, cc, clean(display), "", 0, None, None, 0, names)
    # Kosovo has a GeoNames country code but no ISO one.
    countries.setdefault("XK", (COUNTRY_ID_BASE + 999, "Kosovo"))
    gen.emit(countries["XK"][0], "country", "Kosovo", "XK", "Kosovo", "", 0, None, None, 0, [])

    admin1 = {}
    with open(os.path.join(gn, "admin1CodesASCII.txt"), encoding="utf-8") as f:
        for line in f:
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")[:4]
            cc = code.split(".")[0]
            cid, cname = countries.get(cc, (0, ""))
            canon = ascii_name or name
            admin1[code] = (int(gid), clean(canon))
            gen.emit(int(gid), "admin1", canon, cc, cname, "", cid, None, None, 0, [name])

    admin2_ids = {}
    if not a.no_admin2:
        with open(os.path.join(gn, "admin2Codes.txt"), encoding="utf-8") as f:
            for line in f:
                code, name, ascii_name, gid = line.rstrip("\n").split("\t")[:4]
                cc, a1 = code.split(".")[:2]
                cid, cname = countries.get(cc, (0, ""))
                a1id, a1name = admin1.get(cc + "." + a1, (cid, ""))
                admin2_ids[code] = int(gid)
                gen.emit(int(gid), "admin2", ascii_name or name, cc, cname, a1name, a1id,
                         None, None, 0, [name])

    members = {}  # area id -> coordinates of its populated places
    with open(os.path.join(gn, "cities500.txt"), encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) < 15 or col[6] != "P":
                continue
            gid, name, ascii_name, alts = int(col[0]), col[1], col[2], col[3]
            cc, a1 = col[8], col[10]
            pop = int(col[14] or 0)
            cid, cname = countries.get(cc, (0, ""))
            a1id, a1name = admin1.get(cc + "." + a1, (cid, ""))
            names = [name] + (alts.split(",") if alts else [])
            if ascii_name:
                names.append(ascii_name)
            gen.emit(gid, place_kind(col[7], pop), display_name(ascii_name or name), cc, cname,
                     a1name, a1id, float(col[4]), float(col[5]), pop, names)
            point = (float(col[4]), float(col[5]))
            for area in (cid, a1id, admin2_ids.get("%s.%s.%s" % (cc, a1, col[11]))):
                if area:
                    members.setdefault(area, []).append(point)
    gen.locate_areas(members)

    tmp = a.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# sitrep gazetteer, generated by tools/gengaz.py; do not edit by hand.\n")
        f.write("# Place data from GeoNames (https://www.geonames.org/), licensed under\n")
        f.write("# Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/).\n")
        f.write("# Country names from Debian iso-codes (ISO 3166-1).\n")
        f.write("# id\tkind\tname\tcountry_code\tcountry\tadmin1\tparent_id\tlat\tlon\t"
                "population\tnames\tambiguous\n")
        for row in gen.rows():
            f.write(row + "\n")
    os.replace(tmp, a.output)
    print("gengaz: %d places -> %s" % (len(gen.out), a.output), file=sys.stderr)


if __name__ == "__main__":
    main()
