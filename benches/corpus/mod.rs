//! A generator of news-like Indonesian and English text for benches, the peers comparison and
//! batch-mode measurements.
//!
//! Every sentence here was written for kutip (the names are public facts); articles are put
//! together from templates with a small deterministic random generator, so a corpus of any size
//! is varied (names, roles, places, numbers, quote marks, abbreviations, paragraph shapes) but the
//! same on every run. The seed article [`kutip::SEED_ARTICLE`] is mixed in as one article in 25.
//!
//! Used as a module (`#[path = "..."] mod corpus;`) by `benches/pipeline.rs`,
//! `benches/adversarial.rs` and `examples/corpus.rs`.
#![allow(dead_code)]

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// One item of a list.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

const ID_PEOPLE: &[&str] = &[
    "Joko Widodo",
    "Prabowo Subianto",
    "Sri Mulyani Indrawati",
    "Retno Marsudi",
    "Erick Thohir",
    "Budi Gunadi Sadikin",
    "Mahfud MD",
    "Puan Maharani",
    "Airlangga Hartarto",
    "Basuki Hadimuljono",
    "Tito Karnavian",
    "Listyo Sigit Prabowo",
    "Nadiem Makarim",
    "Ridwan Kamil",
    "Anies Baswedan",
    "Ganjar Pranowo",
    "Khofifah Indar Parawansa",
    "Gibran Rakabuming Raka",
    "Bahlil Lahadalia",
    "Yaqut Cholil Qoumas",
    "Dwikorita Karnawati",
    "Perry Warjiyo",
    "Nawawi Pomolango",
    "Teten Masduki",
    "Pratikno",
    "Moeldoko",
    "Arifin Tasrif",
    "Agus Harimurti Yudhoyono",
];
const FOREIGN_PEOPLE: &[&str] = &[
    "Vladimir Putin",
    "Kim Jong Un",
    "Xi Jinping",
    "Joe Biden",
    "Antonio Guterres",
    "Emmanuel Macron",
    "Anthony Albanese",
    "Narendra Modi",
    "Olaf Scholz",
    "Anwar Ibrahim",
    "Lee Hsien Loong",
    "Volodymyr Zelensky",
    "Recep Tayyip Erdogan",
    "Fumio Kishida",
];
const EN_PEOPLE: &[&str] = &[
    "Keir Starmer",
    "Rishi Sunak",
    "Janet Yellen",
    "Antony Blinken",
    "Kamala Harris",
    "Ursula von der Leyen",
    "Christine Lagarde",
    "Jerome Powell",
    "Sadiq Khan",
    "Jacinda Ardern",
    "Justin Trudeau",
    "Penny Wong",
    "Mark Rutte",
    "Jens Stoltenberg",
    "Kristalina Georgieva",
];
const ID_ROLES: &[&str] = &[
    "Presiden",
    "Wakil Presiden",
    "Menteri Keuangan",
    "Menteri Luar Negeri",
    "Ketua DPR",
    "Gubernur Jawa Barat",
    "Kepala Kepolisian RI",
    "Menteri Kesehatan",
    "Kepala BMKG",
    "Gubernur Bank Indonesia",
    "Ketua KPK",
    "Menteri BUMN",
    "Menteri Koordinator Polhukam",
    "Juru bicara Kementerian Luar Negeri",
    "Direktur Utama PT Pertamina (Persero)",
    "Wali Kota Surabaya",
    "anggota Komisi I DPR",
    "pengamat politik Universitas Indonesia",
];
const EN_ROLES: &[&str] = &[
    "Prime Minister",
    "Treasury Secretary",
    "Secretary of State",
    "Vice President",
    "the President of the European Commission",
    "the head of the IMF",
    "Foreign Minister",
    "the mayor of London",
    "a senior official at the ministry",
    "the bank's chief economist",
    "a spokesperson for the U.N.",
    "the NATO Secretary General",
    "an analyst at Moody's",
];
const ID_ORGS: &[&str] = &[
    "Komisi Pemberantasan Korupsi (KPK)",
    "Badan Pusat Statistik (BPS)",
    "Bank Indonesia",
    "DPR RI",
    "Mahkamah Konstitusi",
    "PT Kereta Api Indonesia (Persero)",
    "Kementerian Kesehatan",
    "Perserikatan Bangsa-Bangsa",
    "ASEAN",
    "Bank Dunia",
    "Otoritas Jasa Keuangan (OJK)",
    "Badan Nasional Penanggulangan Bencana (BNPB)",
    "Komisi Pemilihan Umum (KPU)",
    "Tentara Nasional Indonesia",
    "Universitas Gadjah Mada",
    "PT Garuda Indonesia Tbk.",
];
const EN_ORGS: &[&str] = &[
    "the International Monetary Fund",
    "the European Central Bank",
    "the World Health Organization",
    "the U.S. Federal Reserve",
    "NATO",
    "the United Nations",
    "Reuters",
    "the Bank of England",
    "Microsoft Corp.",
    "the Labour Party",
    "the Supreme Court",
    "Harvard University",
    "the Ministry of Defence",
    "Amnesty International",
    "Toyota Motor Corp.",
];
const ID_PLACES: &[&str] = &[
    "Jakarta",
    "Surabaya",
    "Bandung",
    "Medan",
    "Makassar",
    "Yogyakarta",
    "Denpasar",
    "Semarang",
    "Palembang",
    "Balikpapan",
    "Jayapura",
    "Kupang",
    "Pyongyang",
    "Moskow",
    "Beijing",
    "Washington",
    "Kalimantan Timur",
    "Papua Barat",
    "Nusa Tenggara Timur",
    "Sumatera Utara",
    "Jawa Tengah",
    "Bekasi",
    "Bogor",
    "Manado",
];
const EN_PLACES: &[&str] = &[
    "London",
    "Washington",
    "Brussels",
    "Geneva",
    "New York",
    "Sydney",
    "Singapore",
    "Tokyo",
    "Paris",
    "Berlin",
    "Kyiv",
    "Manchester",
    "Ottawa",
    "Wellington",
    "Canberra",
    "Jakarta",
];
const ID_CUES: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tegas", "imbuh", "terang", "tambah",
];
const EN_CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "explained",
    "warned",
    "wrote",
];
const ID_QUOTES: &[&str] = &[
    "Kami akan memastikan bantuan sampai ke warga dalam waktu 3 x 24 jam",
    "Pemerintah tidak akan menaikkan harga BBM bersubsidi tahun ini",
    "Saya minta semua pihak menahan diri dan menunggu hasil penyelidikan",
    "Anggaran sebesar Rp 1,2 triliun sudah kami siapkan untuk program ini",
    "Ini bukan soal politik, ini soal keselamatan masyarakat",
    "Kita harus bekerja lebih cepat. Waktu kita tidak banyak",
    "Tim sudah diterjunkan ke lokasi sejak pukul 06.30 WIB tadi pagi",
    "Kerja sama ini penting bagi kedua negara, terutama di bidang energi dan pangan",
    "Apakah kita mau terus bergantung pada impor? Tentu tidak",
    "Proses hukum tetap berjalan. Tidak ada yang kebal hukum di negeri ini",
    "Data per 12 Juni menunjukkan angka kasus turun 14,5 persen dibanding bulan lalu",
    "Kami mengapresiasi dukungan dari Prof. Dr. Emil Salim dan para ahli lainnya",
    "Jangan sampai masyarakat dirugikan oleh kebijakan yang tergesa-gesa",
    "Sudah kami laporkan ke Bapak Presiden, dan beliau setuju",
    "Pembangunan jalan tol sepanjang 42,7 km itu ditargetkan selesai akhir 2025",
];
const EN_QUOTES: &[&str] = &[
    "We will not stand by while civilians are put at risk",
    "Inflation is coming down, but the job is not done yet",
    "This is a historic day for the U.S. and for our allies in the region",
    "I have spoken to Mr. Hughes and we agreed to meet again next week",
    "The numbers are simply not good enough. We have to do better",
    "There is no evidence that the data was accessed, but we are not taking any chances",
    "We expect growth of about 2.5 per cent in the second half of the year",
    "Nobody should have to wait 18 months for an operation",
    "Are we prepared for another winter like this one? I doubt it",
    "The talks in Geneva were frank and, at times, difficult",
    "Our message to investors is clear: the U.K. is open for business",
    "It was a mistake, and I take full responsibility for it",
];
const ID_CLAUSES: &[&str] = &[
    "pemerintah akan mempercepat penyaluran bantuan sosial bagi keluarga miskin",
    "nilai ekspor pada kuartal I naik 7,3 persen dibandingkan tahun lalu",
    "rapat koordinasi digelar tertutup di Gedung Merdeka Barat No. 9",
    "kedua pihak sepakat memperpanjang nota kesepahaman hingga 2030",
    "sebanyak 1.245 warga mengungsi akibat banjir setinggi 1,5 meter",
    "penyidik telah memeriksa 14 saksi, termasuk dua pejabat daerah",
    "harga beras medium naik menjadi Rp 13.500 per kilogram di pasar tradisional",
    "jadwal keberangkatan kereta dari Stasiun Gambir diubah mulai Senin depan",
];
const EN_CLAUSES: &[&str] = &[
    "the government would publish its plans in the autumn",
    "talks with the unions had broken down late on Tuesday",
    "the bank raised interest rates by 0.25 percentage points to 5.25%",
    "more than 3,000 people had been evacuated from the coastal towns",
    "the company's shares fell 4.1% in early trading on the Nasdaq",
    "the inquiry would report to Parliament by Jan. 31",
    "the vote was postponed until after the summer recess",
];
const ID_DAYS: &[&str] = &[
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const ID_MONTHS: &[&str] = &[
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const EN_DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EN_MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const ID_OUTLETS: &[&str] = &[
    "TEMPO.CO",
    "KOMPAS.com",
    "ANTARA",
    "Jakarta, CNN Indonesia",
    "detikNews",
];

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// Quote marks: straight or typographic.
fn marks(rng: &mut Rng, en: bool) -> (&'static str, &'static str) {
    match rng.below(10) {
        0..=5 => ("\"", "\""),
        6..=8 => ("\u{201c}", "\u{201d}"),
        _ if en => ("\u{2018}", "\u{2019}"),
        _ => ("\"", "\""),
    }
}

fn id_person(rng: &mut Rng) -> &'static str {
    if rng.chance(25) {
        rng.pick(FOREIGN_PEOPLE)
    } else {
        rng.pick(ID_PEOPLE)
    }
}

fn id_paragraph(rng: &mut Rng, out: &mut String, speaker: &str) {
    let p = id_person(rng);
    let role = rng.pick(ID_ROLES);
    let place = rng.pick(ID_PLACES);
    let org = rng.pick(ID_ORGS);
    let q = rng.pick(ID_QUOTES);
    let cue = rng.pick(ID_CUES);
    let (o, c) = marks(rng, false);
    let day = rng.pick(ID_DAYS);
    let date = format!(
        "{day}, {} {} {}",
        rng.range(1, 28),
        rng.pick(ID_MONTHS),
        rng.range(2019, 2025)
    );
    let s = match rng.below(12) {
        0 => format!("{o}{q},{c} {cue} {role} {p} di {place}, {date}."),
        1 => format!("{role} {p} mengatakan {}.", rng.pick(ID_CLAUSES)),
        2 => format!("{o}{q}.{c} Demikian disampaikan {speaker} kepada wartawan di {place}."),
        3 => format!("Menurut {p}, {}. {o}{q},{c} {cue}nya.", rng.pick(ID_CLAUSES)),
        4 => format!(
            "{} menegaskan hal itu dalam rapat di {org}. {o}{q}. {}.{c}",
            surname(speaker),
            capitalise(rng.pick(ID_CLAUSES))
        ),
        5 => format!(
            "{org} mencatat inflasi tahunan sebesar {},{} persen pada {} {}. Angka itu lebih rendah dari perkiraan.",
            rng.range(1, 6),
            rng.range(0, 99),
            rng.pick(ID_MONTHS),
            rng.range(2019, 2025)
        ),
        6 => format!(
            "Rapat digelar pukul {:02}.{:02} WIB di kantor {org}, Jl. Medan Merdeka Barat No. {}, {place}. Hadir pula {p} dan sejumlah pejabat lain, a.l. dr. {} Sp.PD.",
            rng.range(7, 21),
            rng.range(0, 59),
            rng.range(1, 99),
            surname(id_person(rng))
        ),
        7 => format!(
            "{p} menyebut kebijakan itu {o}tidak masuk akal{c} dan meminta {org} meninjau ulang keputusan tersebut."
        ),
        8 => format!(
            "Peristiwa itu terjadi pada {day} ({:02}/{:02}/{}) sekitar pukul {:02}.{:02} WITA. Sedikitnya {} orang luka-luka dan {} rumah rusak berat.",
            rng.range(1, 28),
            rng.range(1, 12),
            rng.range(2019, 2025),
            rng.range(0, 23),
            rng.range(0, 59),
            rng.range(2, 150),
            rng.range(5, 900)
        ),
        9 => format!("{o}{q}?{c} tanya {speaker}. Ia lalu menambahkan bahwa {}.", rng.pick(ID_CLAUSES)),
        10 => format!(
            "Sementara itu, {p} dari {org} berharap pemerintah daerah di {place} ikut mengawasi. {o}{q},{c} {cue} {}.",
            surname(p)
        ),
        _ => format!(
            "{speaker}, yang juga mantan {}, tiba di {place} pada {date}. Kunjungan itu merupakan yang pertama sejak {}.",
            rng.pick(ID_ROLES),
            rng.range(1998, 2018)
        ),
    };
    out.push_str(&s);
}

fn en_paragraph(rng: &mut Rng, out: &mut String, speaker: &str) {
    let p = rng.pick(EN_PEOPLE);
    let role = rng.pick(EN_ROLES);
    let place = rng.pick(EN_PLACES);
    let org = rng.pick(EN_ORGS);
    let q = rng.pick(EN_QUOTES);
    let cue = rng.pick(EN_CUES);
    let (o, c) = marks(rng, true);
    let day = rng.pick(EN_DAYS);
    let s = match rng.below(10) {
        0 => format!("{o}{q},{c} {p}, {role}, {cue} in {place} on {day}."),
        1 => format!("{p} {cue} that {}.", rng.pick(EN_CLAUSES)),
        2 => format!("{o}{q}.{c} That was the verdict of {speaker} after the meeting at {org}."),
        3 => format!(
            "According to {role} {p}, {}. {o}{q},{c} {} {cue}.",
            rng.pick(EN_CLAUSES),
            if rng.chance(50) { "she" } else { "he" }
        ),
        4 => format!(
            "In a statement released at {}:{:02} p.m. local time, {org} said {}. Dr. {} of {} called the move {o}overdue{c}.",
            rng.range(1, 11),
            rng.range(0, 59),
            rng.pick(EN_CLAUSES),
            surname(rng.pick(EN_PEOPLE)),
            rng.pick(EN_ORGS)
        ),
        5 => format!(
            "The figures, published on {day}, {} {}, showed output rose {}.{}% from a year earlier, e.g. in manufacturing and construction.",
            rng.pick(EN_MONTHS),
            rng.range(1, 28),
            rng.range(0, 9),
            rng.range(0, 9)
        ),
        6 => format!(
            "{speaker} {cue}: {o}{q}. {}.{c}",
            capitalise(rng.pick(EN_CLAUSES))
        ),
        7 => format!(
            "Mr. {} and Ms. {} met at No. 10 Downing St. in {place}, the U.K. capital, where they discussed trade with the U.S. and the E.U. for about {} minutes.",
            surname(speaker),
            surname(p),
            rng.range(20, 95)
        ),
        8 => format!("{o}{q}?{c} asked {speaker}."),
        _ => format!(
            "{speaker}, who has led {org} since {}, is expected to travel to {place} later this month.",
            rng.range(2010, 2023)
        ),
    };
    out.push_str(&s);
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One generated article (a few hundred bytes to a few KB).
pub fn article(rng: &mut Rng) -> String {
    if rng.below(25) == 0 {
        return kutip::SEED_ARTICLE.to_string();
    }
    let en = rng.chance(35);
    let mut out = String::new();
    let speaker = if en {
        rng.pick(EN_PEOPLE)
    } else {
        id_person(rng)
    };
    if en {
        out.push_str(&format!(
            "{} says {} after talks in {}\n\n{}, {} {} (Reuters) - ",
            speaker,
            rng.pick(&[
                "talks will continue",
                "no deal yet",
                "rates must stay high",
                "aid is on the way"
            ]),
            rng.pick(EN_PLACES),
            rng.pick(EN_PLACES).to_uppercase(),
            rng.pick(EN_MONTHS),
            rng.range(1, 28)
        ));
    } else {
        out.push_str(&format!(
            "{} Minta Semua Pihak Menahan Diri\n\n{}, {} - ",
            speaker,
            rng.pick(ID_OUTLETS),
            rng.pick(ID_PLACES)
        ));
    }
    let paragraphs = rng.range(4, 14);
    for i in 0..paragraphs {
        if i > 0 {
            out.push_str(if rng.chance(90) { "\n\n" } else { "\n" });
        }
        let sentences = rng.range(1, 3);
        for j in 0..sentences {
            if j > 0 {
                out.push(' ');
            }
            if en {
                en_paragraph(rng, &mut out, speaker);
            } else {
                id_paragraph(rng, &mut out, speaker);
            }
        }
    }
    out.push('\n');
    out
}

/// Articles adding up to at least `bytes` bytes, the same for the same `seed`.
pub fn articles(bytes: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut rng);
        total += a.len();
        out.push(a);
    }
    out
}
