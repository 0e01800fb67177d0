"""given-names.txt and surnames.txt: US census names (package `names`, MIT; the census
data is public domain) filtered against everyday words, plus Indonesian given names
listed by us (scripts/gazetteers/curated/indonesian-given-names.txt)."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Census names that are also everyday English or Indonesian words when written
# capitalised at the start of a sentence (or as a title word). Never treated as names.
EXCLUDE = set("""
will may mark hope bank dan joy faith grace june april august art bill rose dawn ray bob
pat sue penny iris ivy holly summer autumn winter spring sky star crystal amber ruby pearl
jewel jade honey candy cherry ginger olive violet lily daisy heather fern hazel laurel
sandy rocky rusty dusty buck chase chance chip chuck clay cliff colt dale dean drew duke
earl ernest frank gene glen grant hunter jack jay jean jimmy king lane lance major mason
miles mike nick norm page paris pierce price reed rich rob rod ross russell sterling stone
tank terry tony victor wade ward wells west will winston wood woody young
gay guy jerry kelly marshall may morgan norman page prince rich sterling
an ada bella bunga tuhan ratu raja indah murni
nova mercy charity patience prudence constance destiny trinity unity harmony melody
journey legend ocean river rain storm sunny happy lucky bliss blessing precious
ace bud cash cole con cruz dash don fay flora gale gay hale hall hart heath hill holly
long love lucky luna mabel max may merry mo neal nell noble oak pack park pink
queen rebel red rex rock rose rowan royal sage saint shade shore short small snow
sol sonny sun sunshine tad tam ted terrell tim tom toy trent troy true vale vance
van vern wanda will win wolf wren york
tu ja di ke se la le li lo lu el al ma mi mo na ne ni no nu sa si so su ta ti to
ayah ibu adik kakak bapak nenek kakek mas mbak bang om tante paman bibi
son sons don dons ben bos bus car care cat cent chi cho co cook cool cot cross crown
dell dick doll dot dunn ebony else ever fan fancy few fine fisher fox free gay gold
golden good gray green grey guard haven hay heart her his hole home hood horn house
hunt ill jest just kind knight lark law leal little lord low mac main mann march marsh
may mayo mean mine moon more moss mount nash new none nut over page pain paine pal
parks pass penn pitt plain pool pope post power rice rich ring road roof root rush
salt sea see shaw ship shy sing slack smart snow soon spain spring star stay steel
still strong swan tea thin tree true turn vine wall want wash way white wild wing
wise worth yard
""".split())

# Sources for Indonesian given names live in curated/indonesian-given-names.txt and
# curated/indonesian-surnames.txt. Frequent Indonesian words kept anyway because they are
# characteristic name elements rarely capitalised otherwise:
ID_KEEP = {"Sri", "Siti", "Dewi", "Budi", "Agus", "Joko", "Ahmad", "Muhammad", "Putri", "Ayu", "Made",
           "Wayan", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Bambang", "Eko", "Dwi", "Ratna"}
# Indonesian given names that are everyday words ("bagus" = good, "hari" = day, "juli" = July).
ID_WORDS = set("""
bagus bintang bunga citra elang fajar indah jaya mega murni sari tari teguh agung iman amin said hari
juli maya max imam hakim cucu gede firman syukur kurnia intan melati wulan lestari asih sekar tiara
satria guntur panji catur kiki ria rosa vera kasih bayu datuk koto go lay tanjung
""".split())


def _words(path: Path) -> list:
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.extend(w for w in line.split() if w)
    return out


def _census(fname: str, limit: int | None = None) -> list:
    path = resources.files("names") / fname
    out = []
    with path.open("r", encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                continue
            out.append(parts[0].capitalize())
            if limit and len(out) >= limit:
                break
    return out


def _common():
    import wordfreq
    en = set(wordfreq.top_n_list("en", 3000))
    idn = set(wordfreq.top_n_list("id", 5000))
    return en, idn


def _ok(name: str, en: set, idn: set, whitelist: set) -> bool:
    """A census name is kept unless it is an everyday English or Indonesian word:
    an English word has a lower-case dictionary entry and is frequent (zipf >= 4.0:
    "will", "may", "mark", "white", "young"); an Indonesian word is frequent in Indonesian
    and much rarer in English ("dan", "ada"). Names frequent because they are names
    (John, Houston) have no lower-case dictionary entry and are kept."""
    from build import is_en_word, is_id_word
    low = name.lower()
    if len(name) < 3 or low in EXCLUDE:
        return False
    if low in whitelist:
        return True
    if is_en_word(name, 4.0) or is_id_word(name, 4.0):
        return False
    return True


# Frequent as names in news even though they are in the frequency lists because of it.
NAME_WHITELIST = set("""
john james david michael robert william richard joseph thomas charles paul george steven
kevin brian daniel anthony donald edward ronald kenneth jason jeffrey ryan gary timothy
eric stephen larry scott andrew raymond gregory joshua jonathan peter henry patrick
walter arthur samuel jose benjamin adam nathan tyler aaron carl alan eugene roy ralph
louis philip johnny howard bruce keith albert jesse carlos fred martin shawn jeremy
mary patricia linda barbara elizabeth jennifer maria susan margaret dorothy lisa nancy
karen betty helen sandra donna carol ruth sharon michelle laura sarah kimberly deborah
jessica cynthia angela melissa brenda amy anna rebecca virginia kathleen pamela martha
debra amanda stephanie carolyn christine marie janet catherine frances ann joyce diane
alice julie emma anne sophia olivia oliver jane kate victoria charlotte diana
ahmad muhammad mohammad ali hassan hussein ibrahim omar abdul abdullah mahmoud khalid
smith jones lee kim miller davis taylor wilson moore clark lewis walker allen wright scott adams
nelson carter mitchell turner parker evans collins stewart morris murphy rogers morgan cooper reed
bailey kelly ward cox watson brooks bennett hughes price ross foster powell perry russell butler
fisher jordan graham wallace cole ford marshall mason hunter warren palmer fox chan wong tan
""".split())


def write_all(out_dir: Path) -> None:
    en, idn = _common()
    male = _census("dist.male.first")
    female = _census("dist.female.first")
    given = {}
    for n in male + female:
        if _ok(n, en, idn, NAME_WHITELIST):
            given.setdefault(n, "us-census")
    dropped = []
    for n in _words(HERE / "curated" / "indonesian-given-names.txt"):
        # our own list: only the names that are everyday words are dropped (not frequency)
        if n.lower() not in ID_WORDS and n.lower() not in EXCLUDE or n in ID_KEEP:
            given[n] = "id"  # Indonesian tag wins (our own list)
        else:
            dropped.append(n)
    print("indonesian given names dropped as everyday words:", " ".join(sorted(set(dropped))), file=sys.stderr)
    with (out_dir / "given-names.txt").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("#kutip-names 1\n")
        fh.write("# Given names. us-census: US Census 1990 given names via the `names` package (MIT;\n")
        fh.write("# census data public domain), filtered against everyday words; id: Indonesian given names\n")
        fh.write("# listed by the kutip authors. See README.md.\n")
        for n in sorted(given):
            fh.write(f"{n}\t{given[n]}\n")

    surnames = {}
    for n in _census("dist.all.last", 12000):
        if _ok(n, en, idn, NAME_WHITELIST) and len(surnames) < 10000:
            surnames[n] = "us-census"
    for n in _words(HERE / "curated" / "indonesian-surnames.txt"):
        if n.lower() not in ID_WORDS and n.lower() not in EXCLUDE:
            surnames[n] = "id"
    with (out_dir / "surnames.txt").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("#kutip-names 1\n")
        fh.write("# Surnames: the most frequent US Census 1990 surnames via the `names` package (MIT;\n")
        fh.write("# census data public domain), filtered against everyday words. See README.md.\n")
        for n in sorted(surnames):
            fh.write(f"{n}\t{surnames[n]}\n")
