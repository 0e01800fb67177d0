//! Who could speak: the names of the document, in text order, for resolving pronouns,
//! `-nya` cues and descriptions.
//!
//! Taken from the entity layer where it has found something, and completed by a fallback of
//! our own (capitalised name sequences, stripped of roles and affiliations), so that the miner
//! also works on names no gazetteer knows.

use super::lexicon::{class, Fx, FxBuild, Lexicon};
use super::marks::RawQuote;
use super::words::{
    lower_into, own_lower, tokenize_append, DocToks, FromRecognizer, Notes, Tok, IN_TEXT, LOWER,
    OTHER, UNKNOWN,
};
use crate::document::{Document, Referent};
use crate::gazetteer::token::{token_hash, Token};
use crate::{EntityKind, Span};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::Hasher;

/// A guess at a name's kind, from the entity layer or from the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guess {
    Person,
    Org,
    Place,
    Unknown,
}

impl Guess {
    pub fn from_kind(k: EntityKind) -> Guess {
        match k {
            EntityKind::Person => Guess::Person,
            EntityKind::Organization => Guess::Org,
            EntityKind::Place => Guess::Place,
        }
    }
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Guess::Person => Some(EntityKind::Person),
            Guess::Org => Some(EntityKind::Organization),
            Guess::Place => Some(EntityKind::Place),
            Guess::Unknown => None,
        }
    }
}

/// One name in the text.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    /// The canonical name (the referent's, or the longest name seen for it), read with
    /// [`Names::get`].
    pub name: Name,
    /// The referent whose gazetteer id the name has (read from it only for the output: no
    /// copy of the id per mention).
    pub id: Option<usize>,
    pub guess: Guess,
    pub referent: Option<usize>,
    /// Roles and affiliations, lower case, word by word ("presiden", "rusia"): indices of
    /// the document's [`Phrase`]s, kept in its list of phrase indices.
    pub ctx: Ctx,
    /// The referent whose roles and affiliations (lower-cased when first needed) belong
    /// to `ctx` too: the entity layer's names.
    pub rctx: Option<usize>,
    /// How surely a person it is: 2 next to a cue ("kata X", "X mengatakan", "menurut X"),
    /// 1 from the entity layer or introduced with a role, 0 otherwise.
    pub rank: u8,
}

/// A name, where it is written: a stretch of the text, a referent's name, or one made of
/// words of the text (an index in the document's made names). No copy is made for the
/// first two.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Name {
    Text(Span),
    Referent(usize),
    Made(usize),
}

/// What [`Name`]s are read from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Names<'a> {
    pub text: &'a str,
    pub referents: &'a [Referent],
    pub made: &'a [String],
}

impl<'a> Names<'a> {
    /// The name `n`.
    pub fn get(&self, n: Name) -> &'a str {
        match n {
            Name::Text(s) => self.text.get(s.start..s.end).unwrap_or(""),
            Name::Referent(r) => self.referents.get(r).map_or("", |r| r.name.as_str()),
            Name::Made(i) => self.made.get(i).map_or("", String::as_str),
        }
    }
}

/// A name's roles and affiliations: a stretch of the document's list of phrase indices
/// ([`Collected::ctx_ids`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ctx {
    pub start: usize,
    pub len: usize,
}

impl Ctx {
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The phrase indices, given the document's list.
    pub fn of<'a>(&self, ids: &'a [usize]) -> &'a [usize] {
        ids.get(self.start..self.start.saturating_add(self.len))
            .unwrap_or_default()
    }
}

/// The mentions of a document and what their names and roles index.
pub(crate) struct Collected {
    pub mentions: Vec<Mention>,
    /// [`Mention::ctx`] is a stretch of these indices of `phrases`.
    pub ctx_ids: Vec<usize>,
    /// The phrases `ctx_ids` index.
    pub phrases: Vec<Phrase>,
    /// The lower-case forms [`Phrase::Arena`] points into.
    pub arena: String,
    /// The text read, its ASCII letters in lower case: what [`Phrase::Text`] points into.
    pub low_text: String,
    /// [`Name::Made`] indexes these.
    pub made: Vec<String>,
    /// The tokens of the paragraphs read.
    pub toks: DocToks,
    /// The lower-case forms in `arena` (start and end) that [`Tok::form`] indexes.
    pub forms: Vec<(usize, usize)>,
}

/// A role or affiliation of a name (lower case), as read: most are a word's lower-case form,
/// kept where it is (the text with its ASCII letters in lower case, or the arena of other
/// lower-case forms); a name's `ctx` holds
/// indices of phrases, so that names share them without copies.
#[derive(Clone, Debug)]
pub(crate) enum Phrase {
    Text(usize, usize),
    Arena(usize, usize),
    Made(String),
}

impl Phrase {
    /// The phrase, given the text (its ASCII letters in lower case) and the arena of other
    /// lower-case forms.
    pub fn get<'a>(&'a self, text: &'a str, arena: &'a str) -> &'a str {
        match self {
            Phrase::Text(s, e) => text.get(*s..*e).unwrap_or(""),
            Phrase::Arena(s, e) => arena.get(*s..*e).unwrap_or(""),
            Phrase::Made(p) => p,
        }
    }
}

/// Most tokens looked at before a name for its roles.
const CTX_BEFORE: usize = 4;

/// The document's tokens (those `collect` reads) with their lower-case forms (as
/// [`words::lower`](super::words::lower) gives them) and word-list classes: a word of ASCII
/// letters and digits has its form where it is written in the text with its ASCII letters in
/// lower case, and its classes in its token
/// ([`Tok::cls`], looked up by its key when the tokens are read); the few other tokens have
/// their forms in an arena (made when the paragraph is read). Indexed by token within the
/// current paragraph (`base` is the index of its first token): both passes over the tokens
/// share it.
struct Lows<'t> {
    text: &'t str,
    lx: &'t Lexicon,
    /// The text of the paragraphs read with its ASCII letters in lower case: the lower-case
    /// form of every word of ASCII letters and digits, where it is.
    low_text: String,
    arena: String,
    /// The tokens of the paragraphs read, in text order.
    toks: Vec<Tok>,
    /// The lower-case forms in `arena` (start and end) of the tokens whose [`Tok::form`]
    /// indexes them: non-ASCII punctuation, a hyphen alone (an empty form) and words with
    /// joiners or non-ASCII letters.
    forms: Vec<(usize, usize)>,
    /// The index in `toks` of the current paragraph's first token.
    base: usize,
    /// The indices in `toks` of the words in lower case that may be cues or verbs of stance
    /// ([`Lexicon::may_be_verb`]), in order: the only places `promote_subjects` looks at
    /// (`notes.verbs`); and the tokens of the current paragraph whose forms or classes are
    /// made here.
    notes: Notes,
    /// The phrase indices of the names' [`Ctx`]s.
    ctx_ids: RefCell<Vec<usize>>,
    /// The roles and affiliations met (made while names are read, hence a cell).
    phrases: RefCell<Vec<Phrase>>,
    /// The document's referents.
    referents: &'t [Referent],
    /// The names made of words of the text ([`Name::Made`]).
    made: RefCell<Vec<String>>,
    /// [`super::lexicon::Words::lexical`] of words asked about, by [`word_key`] (0: none),
    /// in a slot taken from the key's top bits: the same words (cues, names, capitalised
    /// words) are asked about again and again. The answer: 0 for `None`, 1 + `derived`.
    lexical: [Cell<(u64, u8)>; LEXICAL_SLOTS],
    /// The forms made of tokens with non-ASCII chars, in a
    /// slot taken from a hash of their bytes ([`other_slot`]; empty until one is made): the
    /// same words come again and again, and lower-casing one by the Unicode tables costs a
    /// thousand instructions.
    other: Vec<Option<OtherForm>>,
}

/// A form made in [`Lows::fill_token`]: the token it was made of, its place in the arena, its
/// classes and whether it may be a verb ([`Lexicon::may_be_verb`]).
#[derive(Clone, Copy)]
struct OtherForm {
    span: Span,
    form: (usize, usize),
    cls: u32,
    verb: bool,
}

/// The slots of [`Lows::other`] (a power of two).
const OTHER_SLOTS: usize = 1024;

/// The slot of [`Lows::other`] of a token's bytes (its first and last eight bytes and its
/// length, mixed).
fn other_slot(w: &str) -> usize {
    let b = w.as_bytes();
    let load = |x: &[u8]| {
        let mut a = [0u8; 8];
        let n = x.len().min(8);
        a[..n].copy_from_slice(&x[..n]);
        u64::from_le_bytes(a)
    };
    let head = load(b);
    let tail = load(b.get(b.len().saturating_sub(8)..).unwrap_or_default());
    let mut h = (head ^ (b.len() as u64).rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ tail ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (h >> 32) as usize % OTHER_SLOTS
}

/// The slots of [`Lows::lexical`] (a power of two).
const LEXICAL_SLOTS: usize = 64;

impl<'t> Lows<'t> {
    /// `read`: how much of the text is read.
    fn new(text: &'t str, read: usize, lx: &'t Lexicon, referents: &'t [Referent]) -> Lows<'t> {
        Lows {
            text,
            lx,
            low_text: text.get(..read).unwrap_or(text).to_ascii_lowercase(),
            arena: String::new(),
            toks: Vec::new(),
            forms: Vec::new(),
            base: 0,
            notes: Notes::default(),
            ctx_ids: RefCell::default(),
            phrases: RefCell::default(),
            referents,
            made: RefCell::default(),
            lexical: std::array::from_fn(|_| Cell::new((0, 0))),
            other: Vec::new(),
        }
    }

    /// `ctx` shared, without allocating when it is empty.
    fn share(&self, ctx: &[usize]) -> Ctx {
        if ctx.is_empty() {
            return Ctx::default();
        }
        let mut ids = self.ctx_ids.borrow_mut();
        let start = ids.len();
        ids.extend_from_slice(ctx);
        Ctx {
            start,
            len: ctx.len(),
        }
    }

    /// Appends the phrase indices of `c` to `into`.
    fn ctx_extend(&self, into: &mut Vec<usize>, c: Ctx) {
        into.extend_from_slice(c.of(&self.ctx_ids.borrow()));
    }

    /// `a`, then `b`, then `extra`, as one [`Ctx`].
    fn ctx_join(&self, a: Ctx, b: Ctx, extra: Option<usize>) -> Ctx {
        // (Copied within the list: no buffer.)
        let mut ids = self.ctx_ids.borrow_mut();
        let start = ids.len();
        for c in [a, b] {
            let end = c.start.saturating_add(c.len);
            if end <= start {
                ids.extend_from_within(c.start..end);
            }
        }
        ids.extend(extra);
        let len = ids.len() - start;
        if len == 0 {
            return Ctx::default();
        }
        Ctx { start, len }
    }

    /// `f` of the name `n`.
    fn with_name<R>(&self, n: Name, f: impl FnOnce(&str) -> R) -> R {
        let made = self.made.borrow();
        f(Names {
            text: self.text,
            referents: self.referents,
            made: &made,
        }
        .get(n))
    }

    /// A name made of words of the text.
    fn make_name(&self, name: String) -> Name {
        let mut made = self.made.borrow_mut();
        made.push(name);
        Name::Made(made.len() - 1)
    }

    /// Adds phrase `p` to the document's phrases; its index.
    fn phrase(&self, p: &str) -> usize {
        let mut ph = self.phrases.borrow_mut();
        ph.push(Phrase::Made(p.to_string()));
        ph.len() - 1
    }

    /// Adds the lower-case form of token `k` to the document's phrases (no copy); its index.
    fn token_phrase(&self, k: usize) -> usize {
        let p = match self.form(k) {
            Some((s, e, true)) => Phrase::Text(s, e),
            Some((s, e, false)) => Phrase::Arena(s, e),
            None => Phrase::Made(String::new()),
        };
        let mut ph = self.phrases.borrow_mut();
        ph.push(p);
        ph.len() - 1
    }

    /// Phrase `k` with `w` before it (`front`) or after it, a space between.
    fn extend_phrase(&self, k: usize, w: &str, front: bool) {
        let mut ph = self.phrases.borrow_mut();
        if let Some(p) = ph.get_mut(k) {
            let old = p.get(&self.low_text, &self.arena);
            // (Built to size: no formatting machinery.)
            let (a, b) = if front { (w, old) } else { (old, w) };
            let mut new = String::with_capacity(a.len() + 1 + b.len());
            new.push_str(a);
            new.push(' ');
            new.push_str(b);
            *p = Phrase::Made(new);
        }
    }

    /// Reads the tokens of the paragraph `span` (from the recognizer's when known) and makes
    /// it the current one: the words that may be verbs, and for the few tokens that are no
    /// word of ASCII letters and digits with a known key, their forms and classes.
    fn fill(&mut self, shared: Option<&mut FromRecognizer>, span: Span) {
        let text = self.text;
        let at = self.toks.len();
        self.base = at;
        let v0 = self.notes.verbs.len();
        self.notes.special.clear();
        if let Some(sh) = shared {
            if sh.derive(text, span.start, span.end, &mut self.toks, &mut self.notes) {
                // Only the tokens noted need more.
                let special = std::mem::take(&mut self.notes.special);
                for &g in &special {
                    self.fill_token(g);
                }
                self.notes.special = special;
                // (A word with joiners that may be a verb, among the verbs noted in order.)
                if let Some(v) = self.notes.verbs.get_mut(v0..) {
                    if v.windows(2).any(|w| w[0] > w[1]) {
                        v.sort_unstable();
                    }
                }
                return;
            }
            self.toks.truncate(at);
            self.notes.verbs.truncate(v0);
        }
        tokenize_append(text, span.start, span.end, &mut self.toks);
        for g in at..self.toks.len() {
            self.fill_token(g);
        }
    }

    /// Notes token `g`: a verb it may be, its lower-case form where it is made, its classes
    /// when its key is unknown.
    fn fill_token(&mut self, g: usize) {
        let text = self.text;
        let lx = self.lx;
        let Some(&t) = self.toks.get(g) else {
            return;
        };
        if t.key != 0 {
            // A word of ASCII letters and digits whose classes are known; in lower case,
            // it may be a verb.
            if t.case == LOWER && t.cls & (class::CUE | class::SUBJECT_VERB) != 0 {
                self.notes.verbs.push(g);
            }
            return;
        }
        let (s, e) = (t.span.start, t.span.end);
        match t.punct {
            // ASCII letters and digits: the lower-cased text is its lower-case form (no
            // possessive, no reduplication).
            None if t.case & OTHER == 0 => {
                self.toks[g].cls = lx.classes_of(self.low_text.get(s..e).unwrap_or_default());
                let bytes = text.as_bytes().get(s..e).unwrap_or_default();
                if t.case == LOWER && lx.may_be_verb_bytes(bytes) {
                    self.notes.verbs.push(g);
                }
            }
            // A hyphen alone gives nothing (`lower` reads it as a reduplication of
            // nothing); other ASCII punctuation is itself.
            Some('-') => {
                self.toks[g].form = self.add_form(0, 0);
                self.toks[g].cls = lx.classes_of("");
            }
            // (Other punctuation that is its own lower-case form: where it is written, as the
            // text with its ASCII letters in lower case holds it.)
            Some(c) if c.is_ascii() || own_lower(c) => {
                if t.cls == UNKNOWN {
                    self.toks[g].cls = lx.classes_of(self.low_text.get(s..e).unwrap_or_default());
                }
            }
            // A token that starts or ends with a non-ASCII char (out of line): its form made
            // once per document.
            _ if text.as_bytes().get(s).is_some_and(|&b| b >= 0x80)
                || text
                    .as_bytes()
                    .get(e.wrapping_sub(1))
                    .is_some_and(|&b| b >= 0x80) =>
            {
                self.fill_other(g, t)
            }
            _ => {
                let start = self.arena.len();
                lower_into(text.get(s..e).unwrap_or(""), &mut self.arena);
                let low = self.arena.get(start..).unwrap_or("");
                if t.is_word() && !t.cap && lx.may_be_verb(low) {
                    self.notes.verbs.push(g);
                }
                self.toks[g].cls = lx.classes_of(low);
                self.toks[g].form = self.add_form(start, self.arena.len());
            }
        }
    }

    /// [`Lows::fill_token`] of token `g` (`t`), which starts or ends with a non-ASCII char and
    /// is not its own form: its form made in the arena, or when the same token came before,
    /// its form, classes and verb test as made the first time, by its bytes ([`Lows::other`]).
    #[inline(never)]
    fn fill_other(&mut self, g: usize, t: Tok) {
        let text = self.text;
        let lx = self.lx;
        let w = text.get(t.span.start..t.span.end).unwrap_or("");
        let slot = other_slot(w);
        if self.other.is_empty() {
            self.other = vec![None; OTHER_SLOTS];
        }
        let seen = self
            .other
            .get(slot)
            .copied()
            .flatten()
            .filter(|o| text.get(o.span.start..o.span.end) == Some(w));
        let o = match seen {
            Some(o) => o,
            None => {
                let start = self.arena.len();
                lower_into(w, &mut self.arena);
                let low = self.arena.get(start..).unwrap_or("");
                let o = OtherForm {
                    span: t.span,
                    form: (start, self.arena.len()),
                    cls: lx.classes_of(low),
                    verb: lx.may_be_verb(low),
                };
                if let Some(x) = self.other.get_mut(slot) {
                    *x = Some(o);
                }
                o
            }
        };
        if t.is_word() && !t.cap && o.verb {
            self.notes.verbs.push(g);
        }
        if let Some(x) = self.toks.get_mut(g) {
            x.cls = o.cls;
        }
        let f = self.add_form(o.form.0, o.form.1);
        if let Some(x) = self.toks.get_mut(g) {
            x.form = f;
        }
    }

    /// A form in the arena, from `s` to `e`: its [`Tok::form`].
    fn add_form(&mut self, s: usize, e: usize) -> u32 {
        self.forms.push((s, e));
        u32::try_from(self.forms.len() - 1).unwrap_or(IN_TEXT)
    }

    /// Where the lower-case form of token `k` is: start, end, and whether in `low_text`
    /// (else in `arena`).
    #[inline]
    fn form(&self, k: usize) -> Option<(usize, usize, bool)> {
        let t = self.toks.get(self.base + k)?;
        if t.form == IN_TEXT {
            return Some((t.span.start, t.span.end, true));
        }
        let &(s, e) = self.forms.get(t.form as usize)?;
        Some((s, e, false))
    }

    /// The lower-case form of token `k`.
    #[inline]
    fn low(&self, k: usize) -> &str {
        let (s, e, in_text) = self.form(k).unwrap_or_default();
        let from = if in_text {
            self.low_text.as_str()
        } else {
            self.arena.as_str()
        };
        from.get(s..e).unwrap_or("")
    }

    /// [`super::lexicon::Words::lexical`] of the lower-case form of token `k`: `Some(derived)`
    /// for a word of the language's lexicon (kept for the next time it is asked).
    fn lexical(&self, k: usize) -> Option<bool> {
        let key = word_key(self.toks.get(self.base..).unwrap_or_default(), self, k);
        let slot = &self.lexical[(key >> 58) as usize % LEXICAL_SLOTS];
        let (kept, answer) = slot.get();
        if key != 0 && kept == key {
            return answer.checked_sub(1).map(|d| d == 1);
        }
        // (A word read from the recognizer's tokens: its key is its form's hash.)
        let l = if self.toks.get(self.base + k).is_some_and(|t| t.key != 0) {
            self.lx.words.lexical_hashed(self.low(k), key)
        } else {
            self.lx.words.lexical(self.low(k))
        };
        if key != 0 {
            slot.set((key, l.map_or(0, |d| 1 + u8::from(d))));
        }
        l
    }

    /// Whether token `k` is in one of the lists `bits` (of [`class`]).
    #[inline]
    fn is(&self, k: usize, bits: u32) -> bool {
        self.classes(k) & bits != 0
    }

    /// The classes of token `k`: every token's are known once its paragraph is read (by
    /// [`FromRecognizer::derive`], or [`Lows::fill_token`] for the tokens it notes).
    #[inline]
    fn classes(&self, k: usize) -> u32 {
        self.toks[self.base + k].cls
    }
}

/// The names of the document, in text order, never inside a quotation.
/// `tokens`: the recognizer's tokens of the text, when it ran (else the paragraphs are
/// tokenized here).
pub(crate) fn collect(
    doc: &Document,
    lx: &Lexicon,
    quotes: &[RawQuote],
    tokens: Option<(&[Token], &[u64])>,
) -> Collected {
    let text = doc.text.as_str();
    // Whether a position is inside a quotation: a cursor, as positions only grow.
    let mut qk = 0;
    let mut inside = |pos: usize| -> bool {
        if qk > 0 && quotes[qk - 1].content.end > pos {
            qk = quotes.partition_point(|q| q.content.end <= pos);
        }
        while qk < quotes.len() && quotes[qk].content.end <= pos {
            qk += 1;
        }
        qk < quotes.len() && quotes[qk].content.start <= pos
    };
    // Names after the last quotation's window play no part.
    let limit = quotes
        .last()
        .map_or(0, |q| q.span.end.saturating_add(super::attrib::WINDOW))
        .min(text.len());
    let mut out: Vec<Mention> = Vec::with_capacity(doc.entities.len());
    // 1. The entity layer (a referent's roles and affiliations are lower-cased by the miner
    // when it matches a description: `rctx`).
    for e in &doc.entities {
        if inside(e.span.start) {
            continue;
        }
        let Some(r) = doc.referents.get(e.referent) else {
            continue;
        };
        // (The referent's name and id, read from it: no copy.)
        let (name, id) = (
            Name::Referent(e.referent),
            r.id.is_some().then_some(e.referent),
        );
        out.push(Mention {
            span: e.span,
            name,
            id,
            guess: Guess::from_kind(e.kind),
            referent: Some(e.referent),
            ctx: Ctx::default(),
            rctx: Some(e.referent),
            rank: u8::from(e.kind == EntityKind::Person),
        });
    }
    let from_entities = out.len();
    // 2. Our own: capitalised runs.
    // (About one name in 40 bytes of news.)
    let mut own: Vec<Mention> = Vec::with_capacity(limit / 32 + 4);
    // The paragraphs read: those that start before `limit`.
    let read = doc
        .paragraphs
        .iter()
        .take_while(|p| p.span.start < limit)
        .filter(|p| p.span.end <= text.len())
        .map(|p| p.span.end)
        .max()
        .unwrap_or(0);
    let mut lw = Lows::new(text, read, lx, &doc.referents);
    // (Lower-case forms of words with joiners or non-ASCII letters: a few.)
    lw.arena.reserve(limit / 16);
    // (A few names a kilobyte.)
    let mut by_word: HashMap<u64, usize, FxBuild> =
        HashMap::with_capacity_and_hasher(limit / 256 + 8, FxBuild::default());
    // The tokens of every paragraph read (up to `limit`), for `promote_subjects`.
    // (About one token in five bytes of news.)
    lw.toks.reserve(limit / 4 + 16);
    // (Forms made: a word with joiners or a hyphen alone in a hundred bytes or so.)
    lw.forms.reserve(limit / 64 + 4);
    lw.notes.special.reserve(64);
    // (About one word in four that may be a cue or a verb of stance; one role word in twenty.)
    lw.notes.verbs.reserve(limit / 16 + 4);
    lw.phrases.get_mut().reserve(limit / 64 + 4);
    lw.ctx_ids.get_mut().reserve(limit / 64 + 4);
    let mut shared = tokens.map(|(t, h)| FromRecognizer::new(lx, t, h));
    // The roles and affiliations of the run being read (phrase indices; one buffer).
    let mut run_ctx: Vec<usize> = Vec::with_capacity(16);
    let mut par_toks: Vec<(usize, usize)> = Vec::with_capacity(doc.paragraphs.len());
    let mut par_spans: Vec<Span> = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        if p.span.end > text.len() {
            continue;
        }
        if p.span.start >= limit {
            break;
        }
        // Kept for the subject pass below (no second tokenization, no second reading).
        let at = lw.toks.len();
        lw.fill(shared.as_mut(), p.span);
        par_toks.push((at, lw.toks.len()));
        par_spans.push(p.span);
        let toks = lw.toks.get(at..).unwrap_or_default();
        if headline(text, toks) {
            continue;
        }
        let mut i = 0;
        // (The next capitalised word: a scan of the tokens' flags alone; only words are
        // capitalised, see `Tok::cap`.)
        while let Some(p) = toks.get(i..).and_then(|r| r.iter().position(|t| t.cap)) {
            i += p;
            let t = toks[i];
            if inside(t.span.start) {
                i += 1;
                continue;
            }
            // Extend the run: capitalised words, connectors between them, initials ("J.").
            let mut j = i + 1;
            while j < toks.len() {
                let u = toks[j];
                if u.is_word() && u.cap && !inside(u.span.start) {
                    j += 1;
                } else if u.is('.')
                    && one_char(text, toks[j - 1].span)
                    && toks.get(j + 1).is_some_and(|n| n.is_word() && n.cap)
                {
                    // An initial: "Teguh P. Nugroho".
                    j += 1;
                } else if u.is_word()
                    && j + 1 < toks.len()
                    && toks[j + 1].cap
                    && toks[j + 1].is_word()
                    && lw.is(j, class::CONNECTOR)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            run_mention(
                text,
                lx,
                toks,
                i,
                j,
                &lw,
                &mut by_word,
                &mut own,
                &mut run_ctx,
            );
            i = j;
        }
    }
    if from_entities == 0 {
        let mut own = own;
        promote_subjects(doc, lx, quotes, &par_toks, &mut lw, &mut own);
        return Collected {
            mentions: own,
            ctx_ids: lw.ctx_ids.into_inner(),
            phrases: lw.phrases.into_inner(),
            arena: lw.arena,
            low_text: lw.low_text,
            made: lw.made.into_inner(),
            toks: doc_toks(lw.toks, &par_toks, &par_spans),
            forms: lw.forms,
        };
    }
    // Merge: a gazetteer entity gives the canonical name, id and kind; elsewhere our own
    // reading (which knows cues, roles and institutions) wins where the two overlap. Every
    // merged name keeps the salience our reading found.
    let ents = std::mem::take(&mut out);
    let mut used = vec![false; ents.len()];
    let mut merged: Vec<Mention> = Vec::with_capacity(own.len() + ents.len());
    // The first entity that ends after a name starts: where the entities' ends never go back
    // (they do not nest), a cursor that moves on with the names (which come in text order)
    // finds what a binary search would.
    let ends_sorted = ents.windows(2).all(|w| w[0].span.end <= w[1].span.end);
    let (mut cur, mut last) = (0, 0);
    for mut m in own {
        let x = m.span.start;
        let k = if ends_sorted && x >= last {
            while ents.get(cur).is_some_and(|e| e.span.end <= x) {
                cur += 1;
            }
            cur
        } else {
            let k = ents.partition_point(|e| e.span.end <= x);
            cur = k;
            k
        };
        last = x;
        let mut took = false;
        for (ei, e) in ents.iter().enumerate().skip(k).take(4) {
            if e.span.start >= m.span.end {
                break;
            }
            used[ei] = true;
            if e.id.is_none() || took {
                continue;
            }
            if e.span.start <= m.span.start && m.span.end <= e.span.end {
                // The gazetteer knows the whole name.
                let mut e = e.clone();
                e.rank = e.rank.max(m.rank);
                if !m.ctx.is_empty() {
                    e.ctx = lw.ctx_join(e.ctx, m.ctx, None);
                }
                merged.push(e);
                took = true;
            } else if e.span.start == m.span.start
                && e.guess != Guess::Person
                && matches!(m.guess, Guess::Person | Guess::Unknown)
            {
                // "Bulog Bayu Krisnamurthi": a known institution, then a name.
                let rest = text[e.span.end..m.span.end].trim_start();
                if !rest.is_empty() {
                    let p = lw.with_name(e.name, |n| lw.phrase(&n.to_lowercase()));
                    m.ctx = lw.ctx_join(m.ctx, Ctx::default(), Some(p));
                    merged.push(e.clone());
                    m.span = Span::new(m.span.end - rest.len(), m.span.end);
                    m.name = Name::Text(m.span);
                    m.guess = Guess::Person;
                }
            }
        }
        if !took {
            // The entity layer's person inside a longer run of ours ("Bukalapak Rachmat
            // Kaimuddin"): it knows given names, so its extent wins.
            // Likewise a person whose name ends in a number ("Andre 3000") that our runs of
            // capitalised words leave out.
            if let Some(e) = ents[k..].iter().take(4).find(|e| {
                e.guess == Guess::Person
                    && e.id.is_none()
                    && ((m.span.contains(e.span) && e.span != m.span && e.span.end == m.span.end)
                        || (e.span.start == m.span.start
                            && e.span.end > m.span.end
                            && text.get(m.span.end..e.span.end).is_some_and(|x| {
                                x.trim_start().bytes().all(|c| c.is_ascii_digit())
                            })))
            }) {
                m.span = e.span;
                m.name = e.name;
                m.guess = Guess::Person;
                m.referent = e.referent;
            } else if let Some(e) = ents[k..].iter().take(4).find(|e| {
                e.guess == Guess::Person
                    && e.id.is_none()
                    && e.span.end == m.span.end
                    && e.span.start < m.span.start
                    && text
                        .get(e.span.start..m.span.start)
                        .is_some_and(|x| name_head(lx, x, &text[m.span]))
            }) {
                // The entity layer's person that goes on to the left of our name by initials,
                // name prefixes ("FX Winardi", "I Gusti Putu ...") or given names we cut.
                m.span = e.span;
                m.name = e.name;
                m.guess = Guess::Person;
                m.referent = e.referent;
            }
            if m.guess == Guess::Unknown {
                if let Some(e) = ents[k..]
                    .iter()
                    .take(4)
                    .find(|e| e.span.overlaps(m.span) && e.guess != Guess::Person)
                {
                    m.guess = e.guess;
                    m.referent = e.referent;
                }
            }
            merged.push(m);
        }
    }
    for (e, u) in ents.into_iter().zip(used) {
        if !u {
            merged.push(e);
        }
    }
    merged.sort_by_key(|m| m.span.start);
    promote_subjects(doc, lx, quotes, &par_toks, &mut lw, &mut merged);
    Collected {
        mentions: merged,
        ctx_ids: lw.ctx_ids.into_inner(),
        phrases: lw.phrases.into_inner(),
        arena: lw.arena,
        low_text: lw.low_text,
        made: lw.made.into_inner(),
        toks: doc_toks(lw.toks, &par_toks, &par_spans),
        forms: lw.forms,
    }
}

/// Whether `text[span]` is one char (one byte, the common case, told without decoding).
#[inline]
fn one_char(text: &str, span: Span) -> bool {
    span.len() == 1 || (span.len() <= 4 && text[span].chars().count() == 1)
}

/// [`has_lower`] of `text[span]`, its second byte read in the text first (no slicing for the
/// common name).
#[inline]
fn has_lower_at(text: &str, span: Span) -> bool {
    (span.len() > 1
        && text
            .as_bytes()
            .get(span.start + 1)
            .is_some_and(u8::is_ascii_lowercase))
        || text.get(span.start..span.end).is_some_and(has_lower)
}

/// Whether `w` holds a lower-case letter (an ASCII lower-case letter second, as in most
/// names, tells at once).
#[inline]
fn has_lower(w: &str) -> bool {
    w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) || w.chars().any(char::is_lowercase)
}

/// `f` of `s` in lower case (an ASCII name of up to 64 bytes lower-cased on the stack).
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if let (true, Some(b)) = (s.is_ascii(), buf.get_mut(..s.len())) {
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(w) = std::str::from_utf8(b) {
            return f(w);
        }
    }
    f(&s.to_lowercase())
}

/// The paragraphs' tokens, kept for the windows the miner reads.
fn doc_toks(toks: Vec<Tok>, par_toks: &[(usize, usize)], spans: &[Span]) -> DocToks {
    DocToks {
        toks,
        pars: spans
            .iter()
            .zip(par_toks)
            .map(|(&s, &(a, b))| (s, a, b))
            .collect(),
    }
}

/// Most tokens between a clause's subject (or a passive cue's agent) and its verb.
const SUBJECT_SPAN: usize = 40;

/// The source of every reporting clause, as salient as a name next to a cue: the person who
/// is the subject of an active cue or a verb of stance ("Doni Monardo, saat dihubungi, Senin
/// (30/11) di Jakarta, mengatakan", "Ketua ... (LAKMI) Baequni dalam waktu yang berbeda
/// mengatakan", "Toto Sugito yakin") and the agent after a passive cue or a cue that opens
/// its clause ("Hal senada dikemukakan Koordinator DFW Indonesia Abdi Suhufan"). A person
/// named as an object or after a preposition ("mengapresiasi sikap Kiai Said") is not.
fn promote_subjects(
    doc: &Document,
    lx: &Lexicon,
    quotes: &[RawQuote],
    par_toks: &[(usize, usize)],
    lw: &mut Lows,
    out: &mut [Mention],
) {
    if out.is_empty() || lx.active_prefix.is_empty() {
        return;
    }
    let text = doc.text.as_str();
    // (A cursor: the verbs come in text order; a binary search only where a position goes
    // back.)
    let mut qk = 0;
    let mut inside = |pos: usize| {
        if qk > 0 && quotes[qk - 1].content.end > pos {
            qk = quotes.partition_point(|q| q.content.end <= pos);
        }
        while qk < quotes.len() && quotes[qk].content.end <= pos {
            qk += 1;
        }
        qk < quotes.len() && quotes[qk].content.start <= pos
    };
    // The paragraphs `collect` read, in order, with their tokens (and their forms in `lw`);
    // only the words that may be cues or verbs of stance are looked at.
    let verbs = std::mem::take(&mut lw.notes.verbs);
    let mut vi = 0;
    for &(a, b) in par_toks {
        lw.base = a;
        let lw = &*lw;
        let toks = lw.toks.get(a..b).unwrap_or_default();
        while vi < verbs.len() && verbs[vi] < b {
            let g = verbs[vi];
            vi += 1;
            // (Not the paragraph's first token.)
            if g <= a {
                continue;
            }
            let k = g - a;
            let t = toks[k];
            // (A word quoted first: a quarter of the words of news are; then the word's
            // own tests, its form read and its prefixes tried once.)
            if inside(t.span.start) {
                continue;
            }
            // (A cue whose entries are all verbs' is told by its classes: no look-up.)
            let c = lw.classes(k);
            let active = lx.active_verb_with(lw.low(k), c);
            let subject_cue = active || c & class::SUBJECT_VERB != 0;
            let agent_cue = !subject_cue && c & class::VERB_CUE != 0;
            if !(subject_cue || agent_cue) || lw.is(k - 1, class::PASSIVE_AUX | class::NOUN_MARKER)
            {
                continue;
            }
            if subject_cue {
                if let Some(m) = subject_before(text, lx, toks, lw, k, out) {
                    out[m].rank = 2;
                }
            } else if let Some(m) = agent_after(toks, lw, k, out) {
                out[m].rank = 2;
            }
        }
    }
}

/// Whether the phrase that ends just before `toks[b]` leaves `toks[b]` free, not governed
/// by a preposition or a verb: only names, roles, affiliations, parenthesised acronyms and
/// "dari" + an institution stand between it and the start of its clause.
fn free_at(toks: &[Tok], lw: &Lows, b: usize) -> bool {
    // The second of a list ("kuasa hukum PT Sinar dan Yanti Kusuma") is no subject.
    if b > 0 && matches!(lw.low(b - 1), "dan" | "and" | "&" | "serta") {
        return false;
    }
    let lo = b.saturating_sub(SUBJECT_SPAN);
    let mut j = b;
    let mut depth = 0usize;
    while j > lo {
        j -= 1;
        let t = toks[j];
        if t.is(')') {
            depth += 1;
            continue;
        }
        if t.is('(') {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 {
            continue;
        }
        if t.punct.is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | ',' | ':' | ';' | '—' | '–' | '"' | '“' | '”'
            )
        }) {
            return true;
        }
        if !t.is_word() {
            if t.is('/') || t.is('-') || t.is('&') {
                continue;
            }
            return false;
        }
        if t.cap
            || lw.is(
                j,
                class::ROLE
                    | class::UNNAMED
                    | class::HONORIFIC
                    | class::AFFILIATION
                    | class::CONNECTOR
                    | class::DETERMINER,
            )
            || lw.is(j, class::ORIGIN_PREP | class::TITLE_LINK)
        {
            continue;
        }
        return lw.is(j, class::SENTENCE_OPENER);
    }
    j == 0
}

/// The index in `out` of the person who is the subject of the verb at `toks[k]`: the
/// nearest name before it in its sentence, free (see [`free_at`]); `None` when the nearest
/// free name is no person's or the nearest person is governed.
fn subject_before(
    text: &str,
    lx: &Lexicon,
    toks: &[Tok],
    lw: &Lows,
    k: usize,
    out: &[Mention],
) -> Option<usize> {
    let lo = k.saturating_sub(SUBJECT_SPAN);
    // The clause: back to the sentence's start, a quotation mark or another cue.
    let mut s = k;
    while s > lo {
        let t = toks[s - 1];
        if t.punct
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '“' | '”'))
            || t.is_word() && lw.is(s - 1, class::CUE)
        {
            break;
        }
        // A pronoun is the subject ("..., namun ia mengatakan").
        if t.is_word() && lw.is(s - 1, class::PRONOUN) {
            return None;
        }
        s -= 1;
    }
    if s == k {
        return None;
    }
    let from = toks[s].span.start;
    let to = toks[k].span.start;
    let hi = out.partition_point(|m| m.span.start < to);
    let mut idx = hi;
    let mut seen = 0;
    while idx > 0 && seen < 8 {
        idx -= 1;
        seen += 1;
        let m = &out[idx];
        if m.span.start < from {
            return None;
        }
        if m.span.end > to {
            continue;
        }
        // The token where the mention starts.
        let b = toks[s..k].partition_point(|t| t.span.start < m.span.start) + s;
        if b >= k || toks[b].span.start != m.span.start {
            continue;
        }
        let free = free_at(toks, lw, b);
        // A word of unknown kind opening a sentence ("Melalui", "Apalagi") is no one, unless
        // a role introduced it.
        let person = (m.guess == Guess::Person || m.guess == Guess::Unknown && m.rank >= 1)
            && !with_lower(&text[m.span], |w| lx.unnamed.contains(w));
        // A place or an organisation after a title is part of a description ("Marullah
        // Matali, Wali Kota Jakarta Selatan, yang dihubungi, membenarkan"), not the subject.
        let described = b > 0
            && toks[b - 1].is_word()
            && (toks[b - 1].cap || lw.is(b - 1, class::ROLE | class::AFFILIATION));
        match (free, person) {
            (true, true) => return Some(idx),
            (true, false) if described => continue,
            (true, false) => return None,
            (false, true) => return None,
            (false, false) => continue,
        }
    }
    None
}

/// The index in `out` of the person right after the cue at `toks[k]` that opens its
/// clause ("dikemukakan Koordinator DFW Indonesia Abdi Suhufan", "kata Kepala Dinas X Budi"):
/// only role words, names and parenthesised acronyms between.
fn agent_after(toks: &[Tok], lw: &Lows, k: usize, out: &[Mention]) -> Option<usize> {
    let hi = (k + 1 + SUBJECT_SPAN / 2).min(toks.len());
    let mut j = k + 1;
    let mut depth = 0usize;
    while j < hi {
        let t = toks[j];
        if t.is('(') {
            depth += 1;
        } else if t.is(')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0
            && !(t.is_word()
                && (t.cap
                    || lw.is(
                        j,
                        class::ROLE
                            | class::UNNAMED
                            | class::HONORIFIC
                            | class::AFFILIATION
                            | class::CONNECTOR,
                    ))
                || t.is('/')
                || t.is('-'))
        {
            break;
        }
        j += 1;
    }
    if j == k + 1 {
        return None;
    }
    let (from, to) = (toks[k + 1].span.start, toks[j - 1].span.end);
    let lo = out.partition_point(|m| m.span.start < from);
    // The last person of the phrase ends it: the name after the titles.
    let mut best = None;
    for (i, m) in out.iter().enumerate().skip(lo).take(8) {
        if m.span.end > to {
            break;
        }
        if m.guess == Guess::Person {
            best = Some(i);
        }
    }
    let b = best?;
    (out[b].span.end == to || toks[j - 1].is(')')).then_some(b)
}

/// Interprets the capitalised run `toks[i..j]` and records its names.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn run_mention(
    text: &str,
    lx: &Lexicon,
    toks: &[Tok],
    i: usize,
    j: usize,
    lw: &Lows,
    by_word: &mut HashMap<u64, usize, FxBuild>,
    out: &mut Vec<Mention>,
    ctx: &mut Vec<usize>,
) {
    // All-capitals boilerplate ("SCROLL TO CONTINUE", "JAKARTA, KOMPAS").
    if j - i >= 2 && toks[i..j].iter().all(|t| !has_lower_at(text, t.span)) {
        return;
    }
    // A common noun alone, capitalised at the start of a sentence ("Warga meminta ..."): no name.
    if j - i == 1 && lw.is(i, class::UNNAMED) {
        return;
    }
    // A run whose every word splits it (a role, a pronoun, a cue, a word that is no name:
    // "Sementara", "Menurut", "Ia", as the split below reads them) holds no name: nothing
    // around it is read. (A quarter of the runs of news, most of them one word opening a
    // sentence.)
    let bytes = text.as_bytes();
    let mut ands = false;
    if (i..j).all(|k| {
        if and_word(bytes, toks, lw, k) {
            ands = true;
            true
        } else {
            lw.is(
                k,
                class::ROLE | class::HONORIFIC | class::NOT_NAME | class::PRONOUN | class::CUE,
            )
        }
    }) && !(ands && (i..j).any(|k| lw.is(k, class::ORG_WORD)))
    {
        return;
    }
    // Roles and cues just before ("ajudan Kremlin Yuri Ushakov", "kata Wahyu").
    // (Indices in the document's phrases.)
    ctx.clear();
    let mut had_role = false;
    let mut strong_before = false;
    let mut strong = false;
    // The cue after the run, whose form tells whether it addresses the name (read only
    // when asked: see [`Addressed`]).
    let mut cue_after = None;
    let mut place_prep = false;
    let lo = i.saturating_sub(CTX_BEFORE);
    let mut first = i;
    for k in (lo..i).rev() {
        let t = toks[k];
        if !t.is_word() {
            break;
        }
        if lw.is(k, class::ROLE | class::UNNAMED | class::HONORIFIC) {
            // Consecutive role words make one phrase ("juru bicara"), read backwards here.
            if had_role && first == k + 1 {
                if let Some(&last) = ctx.last() {
                    lw.extend_phrase(last, lw.low(k), true);
                }
            } else {
                ctx.push(lw.token_phrase(k));
            }
            had_role = true;
            first = k;
        } else if k + 1 == i && lw.is(k, class::CUE) {
            // "kata Wahyu", "dikatakan Wahyu": the speaker; "menilai Amdal": an object.
            strong_before = !lx.active_verb_with(lw.low(k), lw.classes(k));
            break;
        } else if k + 1 == i
            && matches!(
                lw.low(k),
                "di" | "ke" | "dari" | "in" | "at" | "from" | "to" | "dengan"
            )
        {
            place_prep = true;
            break;
        } else if !lw.is(k, class::DETERMINER) {
            break;
        } else {
            first = k;
        }
    }
    // The subject of its sentence: salient, like a name next to a cue.
    let starts = |k: usize| {
        k == 0
            || toks[k - 1]
                .punct
                .is_some_and(|c| matches!(c, '.' | '!' | '?'))
    };
    // After a sentence-opening connective and its comma too ("Namun, Putu juga berharap").
    let subject = starts(first)
        || (first >= 2
            && toks[first - 1].is(',')
            && toks[first - 2].is_word()
            && lw.is(first - 2, class::SENTENCE_OPENER)
            && starts(first - 2))
        || (first >= 1
            && toks[first - 1].is_word()
            && lw.is(first - 1, class::SENTENCE_OPENER)
            && starts(first - 1));
    // A cue right after ("Wahyu Wibowo mengatakan", "Smith said"), or after an apposition
    // ("Fidelis Nanga, a journalist based in Yaounde, said").
    {
        let mut k = j;
        // An affiliation after the name ("Reynaldi dari PT House of Rattan mengatakan"): a
        // preposition of origin and a capitalised name.
        if toks
            .get(k)
            .is_some_and(|t| t.is_word() && !t.cap && lw.is(k, class::ORIGIN_PREP))
            && toks.get(k + 1).is_some_and(|t| t.is_word() && t.cap)
        {
            let lim = (k + 10).min(toks.len());
            let mut n = k + 1;
            let mut inst = false;
            while n < lim && toks[n].is_word() && (toks[n].cap || lw.is(n, class::CONNECTOR)) {
                let t = &text[toks[n].span];
                let c = lw.classes(n);
                inst |= (Lexicon::is_inst_with(lw.low(n), c)
                    && c & (class::PLACE_WORD | class::AFFILIATION) == 0)
                    || t.chars().filter(|c| c.is_uppercase()).count() >= 2;
                n += 1;
            }
            // Only an institution's name ("dari China Anwar juga" holds the next name).
            if inst {
                k = n;
            }
        }
        // (Not a single word opening its sentence: "Padahal, menurut ...".)
        let opener = j - i == 1
            && (i == 0
                || toks[i - 1]
                    .punct
                    .is_some_and(|c| matches!(c, '.' | '!' | '?')));
        // Only a name between commas: "ujar X, kuasa hukum FPI dan Rizieq Shihab, menyatakan"
        // names a client in the apposition.
        // ("Kandidat doktor X, dokter Adam Prabata, mengatakan": a title may open it.)
        let between_commas = first > 0
            && toks[first - 1].is(',')
            && (first..i).all(|q| lw.is(q, class::ROLE | class::HONORIFIC))
            // One name, not a list ("kuasa hukum FPI dan Rizieq Shihab").
            && !(i..j).any(|q| matches!(lw.low(q), "dan" | "and" | "&"));
        let after_comma = !opener
            && between_commas
            && toks.get(k).is_some_and(|t| t.is(','))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.is_word() && lw.is(k + 1, class::CUE));
        if after_comma {
            // "Hamidah Abdurrachman, menilai": the comma closes an apposition before it.
            k += 1;
        } else if toks.get(k).is_some_and(|t| t.is(',')) {
            let lim = (k + 16).min(toks.len());
            if let Some(c) = (k + 1..lim).find(|&c| toks[c].is(',') || toks[c].is('.')) {
                if toks[c].is(',') {
                    k = c + 1;
                }
            }
        }
        let k0 = k;
        while k < toks.len() && k < k0 + 3 && toks[k].is_word() {
            if lw.is(k, class::CUE) {
                strong = true;
                cue_after = Some(k);
                break;
            }
            if !lw.is(k, class::ADVERB) {
                break;
            }
            k += 1;
        }
    }
    // Split the run at roles, words that are not names, and "dan"/"and" outside organisations.
    let (strong_before, strong_after) = (strong_before, strong);
    let mut s = i;
    let mut made = false;
    // A cue opening the run ("Menurut Rusdy", "Kata Wahyu"): the name after it is a speaker.
    let mut cue_at: Option<usize> = None;
    // Computed once, when needed: "dan" joins the words of an organisation's name only.
    let mut run_has_org = None;
    for k in i..j {
        let brk = if and_word(bytes, toks, lw, k) {
            let org = *run_has_org.get_or_insert_with(|| (i..j).any(|k| lw.is(k, class::ORG_WORD)));
            (!org).then_some(false)
        } else if lw.is(k, class::ROLE | class::HONORIFIC) {
            Some(true)
        } else if lw.is(k, class::NOT_NAME | class::PRONOUN | class::CUE) {
            Some(false)
        } else {
            None
        };
        if let Some(role) = brk {
            let is_cue = lw.is(k, class::CUE);
            if s < k {
                let st = (s == i && strong_before) || cue_at.is_some_and(|c| c + 1 == s);
                let sub = subject && !made;
                made = true;
                piece(
                    text,
                    lx,
                    toks,
                    s,
                    k,
                    had_role,
                    st,
                    Addressed::from(st),
                    sub,
                    place_prep,
                    ctx,
                    lw,
                    by_word,
                    out,
                );
            }
            if role {
                // "Wakil Presiden": one phrase.
                if had_role && s == k && k > i {
                    if let Some(&last) = ctx.last() {
                        lw.extend_phrase(last, lw.low(k), false);
                    }
                } else {
                    ctx.push(lw.token_phrase(k));
                }
                had_role = true;
            } else {
                had_role = false;
                ctx.clear();
            }
            place_prep = false;
            cue_at = is_cue.then_some(k);
            s = k + 1;
        }
    }
    if s < j {
        let before = (s == i && strong_before) || cue_at.is_some_and(|c| c + 1 == s);
        let st = before || strong_after;
        let addressed = match cue_after {
            _ if before => Addressed::Yes,
            Some(k) if strong_after => Addressed::UnlessBare(k),
            _ => Addressed::No,
        };
        let sub = subject && !made;
        piece(
            text, lx, toks, s, j, had_role, st, addressed, sub, place_prep, ctx, lw, by_word, out,
        );
    }
}

/// Whether `toks[k]` is "dan", "and" or "&" (a token starting with one of these bytes, by
/// its first byte).
#[inline(always)]
fn and_word(bytes: &[u8], toks: &[Tok], lw: &Lows, k: usize) -> bool {
    toks.get(k)
        .and_then(|t| bytes.get(t.span.start))
        .is_some_and(|&c| matches!(c | 0x20, b'd' | b'a' | b'&'))
        && matches!(lw.low(k), "dan" | "and" | "&")
}

/// Whether a name is addressed (next to a cue or after a form of address): told at once, or
/// by the form of the cue after it, read only when [`lexical_name`] asks (most names are
/// no word of the lexicon).
#[derive(Clone, Copy, Debug)]
enum Addressed {
    Yes,
    No,
    /// Addressed by the cue at this token unless it is a bare root or a passive: "Tanggung
    /// jawab": a verb after its subject takes its affixes ("Agung menjawab"); a bare root
    /// ("kata", "jawab") comes before its speaker. Nor does a passive ("Harus diakui").
    UnlessBare(usize),
}

impl From<bool> for Addressed {
    fn from(yes: bool) -> Addressed {
        if yes {
            Addressed::Yes
        } else {
            Addressed::No
        }
    }
}

impl Addressed {
    fn is(self, lx: &Lexicon, lw: &Lows) -> bool {
        match self {
            Addressed::Yes => true,
            Addressed::No => false,
            Addressed::UnlessBare(k) => {
                !(lw.lexical(k) == Some(false) || lx.passive_verb(lw.low(k)))
            }
        }
    }
}

/// Records one name: `toks[s..e]`. `ctx`: the run's roles and affiliations before it, which
/// the name's own are pushed after (and taken off again).
#[allow(clippy::too_many_arguments)]
fn piece(
    text: &str,
    lx: &Lexicon,
    toks: &[Tok],
    s: usize,
    e: usize,
    had_role: bool,
    strong: bool,
    addressed: Addressed,
    subject: bool,
    place_prep: bool,
    ctx: &mut Vec<usize>,
    lw: &Lows,
    by_word: &mut HashMap<u64, usize, FxBuild>,
    out: &mut Vec<Mention>,
) {
    let n0 = ctx.len();
    piece_ctx(
        text, lx, toks, s, e, had_role, strong, addressed, subject, place_prep, ctx, lw, by_word,
        out,
    );
    ctx.truncate(n0);
}

/// [`piece`], pushing the name's roles and affiliations on `ctx`.
#[allow(clippy::too_many_arguments)]
fn piece_ctx(
    text: &str,
    lx: &Lexicon,
    toks: &[Tok],
    s: usize,
    e: usize,
    had_role: bool,
    strong: bool,
    addressed: Addressed,
    subject: bool,
    place_prep: bool,
    ctx: &mut Vec<usize>,
    lw: &Lows,
    by_word: &mut HashMap<u64, usize, FxBuild>,
    out: &mut Vec<Mention>,
) {
    let mut b = s;
    let mut e = e;
    // Connectors never start or end a name.
    while e > b && lw.is(e - 1, class::CONNECTOR) {
        e -= 1;
    }
    while b < e && lw.is(b, class::CONNECTOR) {
        b += 1;
    }
    if b >= e {
        return;
    }
    // An institution before a name ("Presiden Rusia Vladimir Putin", "Kepala Dinas Kesehatan
    // Kota Balikpapan Andi Sri Juliarty", "Direktur PLN Darmawan Prasodjo"): the name is what
    // follows the last institution word; a person's name has at most four words.
    // (Each word's classes read once: the word before's, for the next word, kept.)
    let mut before = if b > 0 { lw.classes(b - 1) } else { 0 };
    let mut last_inst = None;
    for k in b..e {
        let Some(&tk) = toks.get(k) else {
            break;
        };
        let acronym = || {
            // (An ASCII lower-case letter second, as in most names: no acronym, told
            // without slicing the word.)
            if text
                .as_bytes()
                .get(tk.span.start + 1)
                .is_some_and(u8::is_ascii_lowercase)
                && tk.span.len() > 1
            {
                return false;
            }
            let t = &text[tk.span];
            !t.chars().any(char::is_lowercase)
                && t.chars().filter(|c| c.is_uppercase()).count() >= 2
                && (k + 1 < e || t.len() >= 3)
        };
        let c = lw.classes(k);
        // A governing role names a place only when a name still follows it.
        let after_taker = e - b >= 3 && before & (class::PLACE_WORD | class::PLACE_ROLE) != 0;
        before = c;
        // (A word of ASCII letters shorter than any nominalisation needs no form read.)
        let short = tk.case & OTHER == 0 && tk.span.len() < 7;
        let inst = Lexicon::is_inst_with(if short { "" } else { lw.low(k) }, c);
        if inst || after_taker || acronym() {
            last_inst = Some(k);
        }
    }
    // A roman numeral or a letter alone after an institution ("Komando Armada I") is part of it.
    if let Some(li) = last_inst {
        if li + 2 == e {
            let t = &text[toks[e - 1].span];
            if t.len() <= 4 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
                last_inst = Some(e - 1);
            }
        }
    }
    // A word after an institution's name may end it ("Ombudsman Jakarta Raya"): a cue
    // next to it is the institution's.
    let addressed = if last_inst.is_none() {
        addressed
    } else {
        Addressed::No
    };
    if let Some(li) = last_inst {
        let tail = e - (li + 1);
        for k in b..=li {
            ctx.push(lw.token_phrase(k));
        }
        if tail == 0 {
            // All institution: an organisation or a place.
            let span = bare(text, Span::new(toks[b].span.start, toks[e - 1].span.end));
            let org = (b..e).any(|k| lw.is(k, class::ORG_WORD));
            let guess = if org
                || e - b == 1 && span.len() > 1 && !text[span].chars().any(char::is_lowercase)
            {
                Guess::Org
            } else {
                Guess::Place
            };
            out.push(Mention {
                span,
                name: Name::Text(span),
                id: None,
                guess,
                referent: None,
                ctx: lw.share(ctx),
                rctx: None,
                rank: 0,
            });
            return;
        }
        b = li + 1;
    }
    if e - b > 4 {
        b = e - 3;
    }
    let span = bare(text, Span::new(toks[b].span.start, toks[e - 1].span.end));
    let mut org = false;
    let mut place = false;
    let mut all_affil = true;
    for k in b..e {
        org |= lw.is(k, class::ORG_WORD);
        place |= lw.is(k, class::PLACE_WORD);
        all_affil &= lw.is(k, class::AFFILIATION | class::CONNECTOR);
    }
    let words = e - b;
    let acronym = words == 1
        && span.len() > 1
        && !text
            .as_bytes()
            .get(span.start + 1)
            .is_some_and(u8::is_ascii_lowercase)
        && !text[span].chars().any(char::is_lowercase);
    let mut guess = if org || acronym {
        Guess::Org
    } else if place || all_affil || place_prep {
        Guess::Place
    } else if words >= 2 || had_role {
        Guess::Person
    } else {
        Guess::Unknown
    };
    let mut rank: u8 = if !matches!(guess, Guess::Person | Guess::Unknown) {
        0
    } else if strong || (subject && had_role && guess == Guess::Person) {
        2
    } else {
        u8::from(had_role)
    };
    let last_key = word_key(toks, lw, e - 1);
    let mut name = None;
    if let Some(&k) = by_word.get(&last_key) {
        let m = &out[k];
        if words == 1
            || lw.with_name(m.name, |n| {
                text[span].len() < n.len() && n.ends_with(&text[span])
            })
        {
            name = Some(m.name);
            if matches!(guess, Guess::Unknown | Guess::Person) && m.guess == Guess::Person {
                guess = Guess::Person;
                rank = rank.max(m.rank.min(1));
            }
            lw.ctx_extend(ctx, m.ctx);
        }
    } else if let Some(&k) = (words == 1)
        .then(|| inner_key(last_key))
        .and_then(|key| by_word.get(&key))
    {
        // A later short reference by an inner word ("Iola" after "Pantau Gambut Iola Abas"):
        // a person is called by the first word of the name, so the name starts there and the
        // words before it belong to the organisation.
        let old = lw.with_name(out[k].name, str::to_string);
        let old_name = out[k].name;
        let at = old
            .split(' ')
            .position(|x| x.eq_ignore_ascii_case(lw.low(e - 1)))
            .filter(|&p| p > 0);
        // The words before are names too ("Mohammad Fredly Nasution" is "Fredly"; "M Roem
        // Ohoirat" is "Roem"; "Kiagus Ahmad" is "Ahmad"): the whole name stays.
        let cut = at.filter(|&p| {
            old.split(' ').take(p).all(|x| {
                x.chars().count() >= 2
                    && !with_lower(x, |l| lx.name_prefix.contains(l))
                    && !given_name(x)
            })
        });
        if let Some(p) = at {
            let new = match cut {
                Some(_) => lw.make_name(old.split(' ').skip(p).collect::<Vec<_>>().join(" ")),
                None => old_name,
            };
            if cut.is_some() {
                let hi = out.len().min(k + 64);
                for m in &mut out[k..hi] {
                    if lw.with_name(m.name, |n| n == old) {
                        m.name = new;
                    }
                }
            }
            name = Some(new);
            if matches!(guess, Guess::Unknown | Guess::Person) {
                guess = Guess::Person;
                rank = rank.max(out[k].rank.min(1));
            }
            lw.ctx_extend(ctx, out[k].ctx);
        }
    } else if words == 1 {
        if let Some(&k) = by_word.get(&word_key(toks, lw, b)) {
            let m = &out[k];
            name = Some(m.name);
            if m.guess == Guess::Person && guess == Guess::Unknown {
                guess = Guess::Person;
                rank = rank.max(m.rank.min(1));
            }
            lw.ctx_extend(ctx, m.ctx);
        }
    }
    // Words of the lexicon, capitalised ("Harus", "Raya", "Penelitian", "Ancaman Ancaman"):
    // no name, as the entity layer reads them, unless a name met before ends so. A root word
    // alone may still be one next to a cue or after a form of address ("kata Agung", "Pak
    // Agung"); a derived noun alone, or with other words of the lexicon, never is.
    if name.is_none() && matches!(guess, Guess::Person | Guess::Unknown) && words <= 4 {
        let addressed = if b > 0 && lw.is(b - 1, class::HONORIFIC) {
            Addressed::Yes
        } else {
            addressed
        };
        if lexical_name(lx, lw, b, e, addressed) {
            return;
        }
    }
    // A person already known, as the subject of a sentence ("Vicky juga melarang ..."): as
    // salient as a name next to a cue.
    if subject && guess == Guess::Person && rank == 1 && lx.subject_salient {
        rank = 2;
    }
    if guess == Guess::Person && (2..=4).contains(&words) {
        let idx = out.len();
        by_word.insert(last_key, idx);
        by_word.entry(word_key(toks, lw, b)).or_insert(idx);
        if words >= 3 {
            for t in b + 1..e - 1 {
                by_word
                    .entry(inner_key(word_key(toks, lw, t)))
                    .or_insert(idx);
            }
        }
    }
    out.push(Mention {
        span,
        name: name.unwrap_or(Name::Text(span)),
        id: None,
        guess,
        referent: None,
        ctx: lw.share(ctx),
        rctx: None,
        rank,
    });
}

/// Whether `toks[b..e]` are words of the language's lexicon that name no one: one root word
/// not `addressed` (next to a cue or after a form of address), one derived noun, or up to four
/// words of the lexicon among which a derived noun. The lexicon is the entity layer's.
fn lexical_name(lx: &Lexicon, lw: &Lows, b: usize, e: usize, addressed: Addressed) -> bool {
    if lx.words.0.is_none() || b >= e {
        return false;
    }
    let mut derived = false;
    for k in b..e {
        match lw.lexical(k) {
            Some(d) => derived |= d,
            None => return false,
        }
    }
    derived || (e - b == 1 && !addressed.is(lx, lw))
}

/// Whether `head`, the words before our name `name` in a person's name the entity layer
/// found, belong to the name: each an initial (one or two capitals, "FX", "I", "A."), or a
/// name prefix ("Gusti", "Raden"); or, when we kept only the last three words of a longer
/// name, known given names that are no title or institution ("Dwi Oktavia").
fn name_head(lx: &Lexicon, head: &str, name: &str) -> bool {
    let mut n = 0;
    let mut initials = true;
    let mut plain = true;
    for w in head.split_whitespace() {
        n += 1;
        if n > 4 {
            return false;
        }
        let w = w.trim_end_matches('.');
        let mut cs = w.chars();
        let Some(c0) = cs.next() else {
            return false;
        };
        if !c0.is_uppercase() || !w.chars().all(char::is_alphabetic) {
            return false;
        }
        // (Not an acronym of a body or a place: "PT", "RI".)
        let (other, prefix) = with_lower(w, |low| {
            (
                lx.is_inst(low)
                    || lx.classes_of(low) & (class::ROLE | class::HONORIFIC | class::NOT_NAME) != 0,
                lx.name_prefix.contains(low),
            )
        });
        let initial = w.chars().count() <= 2 && w.chars().all(char::is_uppercase);
        initials &= (initial && !other) || prefix;
        // (Looked up only while every word so far is one.)
        plain = plain && !other && given_name(w);
    }
    n > 0 && (initials || (plain && name.split_whitespace().count() == 3 && n >= 2))
}

/// The key of `by_word` for token `k`'s lower-case form: its [`Tok::key`] where known, else
/// the same hash of the form ([`token_hash`] of ASCII; a plain byte hash of any other form,
/// so that forms that differ in their apostrophes or dashes stay apart).
fn word_key(toks: &[Tok], lw: &Lows, k: usize) -> u64 {
    if let Some(key) = toks.get(k).map(|t| t.key).filter(|&h| h != 0) {
        return key;
    }
    let w = lw.low(k);
    if w.is_ascii() {
        token_hash(w)
    } else {
        let mut h = Fx::default();
        h.write(w.as_bytes());
        h.finish() ^ NON_ASCII_KEY
    }
}

/// Sets the keys of non-ASCII forms apart from [`token_hash`]es.
const NON_ASCII_KEY: u64 = 0x6a09_e667_f3bc_c908;

/// The key of `by_word` for an inner word of a name, apart from the words' own keys.
fn inner_key(word_key: u64) -> u64 {
    (word_key ^ 0xbb67_ae85_84ca_a73b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// `span` without a possessive `'s` at its end ("Acme's" names Acme).
fn bare(text: &str, span: Span) -> Span {
    // (Most names end in no "s": nothing to strip.)
    if span.end.checked_sub(1).and_then(|i| text.as_bytes().get(i)) != Some(&b's') {
        return span;
    }
    let w = &text[span];
    match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
        Some(b) if !b.is_empty() => Span::new(span.start, span.start + b.len()),
        _ => span,
    }
}

/// A paragraph in title case with no sentence punctuation at its end: a headline or a menu
/// item, whose capitals say nothing about names.
fn headline(text: &str, toks: &[Tok]) -> bool {
    // (Most paragraphs end a sentence: no count needed.)
    if toks.last().is_some_and(|t| {
        t.punct
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”'))
    }) {
        return false;
    }
    let words = toks.iter().filter(|t| t.is_word()).count();
    if !(3..=30).contains(&words) {
        return false;
    }
    let caps = toks
        .iter()
        .filter(|t| t.is_word() && (t.cap || !text[t.span].chars().any(char::is_alphabetic)))
        .count();
    caps * 10 >= words * 6
}

/// A given name of the bundled lists ("Ahmad", "Mary").
fn given_name(w: &str) -> bool {
    let d = crate::entities::LanguageData::bundled(crate::Language::Indonesian);
    // A word of ASCII letters and digits is one token: looked up by its hash, not
    // tokenized.
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return d.has_hash(crate::entities::WordList::GivenNames, token_hash(w));
    }
    d.contains(crate::entities::WordList::GivenNames, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_phrases_and_roles_read_where_they_are_written() {
        let text = "Presiden Joko Widodo";
        let referents = vec![Referent {
            name: "Ir. Joko Widodo".into(),
            id: None,
            kind: EntityKind::Person,
            roles: Vec::new(),
            affiliations: Vec::new(),
            mentions: Vec::new(),
        }];
        let made = vec!["Widodo".to_string()];
        let names = Names {
            text,
            referents: &referents,
            made: &made,
        };
        // (name, what it reads)
        let cases = [
            (Name::Text(Span::new(9, 20)), "Joko Widodo"),
            (Name::Referent(0), "Ir. Joko Widodo"),
            (Name::Made(0), "Widodo"),
            // Out of range: nothing, no panic.
            (Name::Text(Span::new(9, 99)), ""),
            (Name::Referent(7), ""),
            (Name::Made(7), ""),
        ];
        for (n, want) in cases {
            assert_eq!(names.get(n), want, "{n:?}");
        }
        let arena = "presiden";
        // (phrase, what it reads)
        let cases = [
            (Phrase::Text(0, 8), "Presiden"),
            (Phrase::Arena(0, 8), "presiden"),
            (Phrase::Made("juru bicara".to_string()), "juru bicara"),
            (Phrase::Arena(4, 99), ""),
        ];
        for (p, want) in cases {
            assert_eq!(p.get(text, arena), want, "{p:?}");
        }
        let ids = [3, 1, 4, 1, 5];
        // (stretch, the indices it holds)
        let cases: [(Ctx, &[usize]); 4] = [
            (Ctx { start: 1, len: 3 }, &[1, 4, 1]),
            (Ctx::default(), &[]),
            (Ctx { start: 4, len: 9 }, &[]),
            (
                Ctx {
                    start: usize::MAX,
                    len: 2,
                },
                &[],
            ),
        ];
        for (c, want) in cases {
            assert_eq!(c.of(&ids), want, "{c:?}");
        }
    }

    #[test]
    fn lexical_answers_kept_are_the_lexicons() {
        // (text: every word's kept answer, asked twice, is the lexicon's)
        let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
        let cases = [
            "Sementara itu Rapat Kerja mengatakan Budi Gunadi Sadikin kata Penelitian Kesehatan",
            "Sementara Sementara Café Ma’ruf Cronin's badan-badan 12 Pengelolaan",
            // Names, roots, derived words and words with digits, read from the recognizer's
            // tokens (their keys known) or not.
            "Ahmad Santoso Pemerintah Kementerian Kesehatan Pengamat Ancaman KESEHATAN Covid19 Kerja",
        ];
        for text in cases {
            for shared in [false, true] {
                let mut lw = Lows::new(text, text.len(), &lx, &[]);
                let (toks, hashes) = crate::gazetteer::token::tokenize_hashed(text);
                let mut from = FromRecognizer::new(&lx, &toks, &hashes);
                lw.fill(shared.then_some(&mut from), Span::new(0, text.len()));
                for _ in 0..2 {
                    for k in 0..lw.toks.len() {
                        let want = lx.words.lexical(lw.low(k));
                        assert_eq!(lw.lexical(k), want, "{:?}", lw.low(k));
                    }
                }
            }
        }
    }

    #[test]
    fn every_tokens_form_is_its_lower_case_form() {
        // (text: every token's form, wherever it is kept, is `lower` of it)
        let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
        let cases = [
            "Tempo.co, Rp 13.500 naik 14,5 persen (a.l. dr. Hartarto Sp.PD) - U.S. R&D",
            "Cronin's badan-badan Badan-Badan x-y- -z 'kutip' Ma’ruf “Ya,” — Café",
            // Tokens in other scripts that come again (their forms made once) and their ASCII
            // twins.
            "Президент ПРЕЗИДЕНТ Президент президент сказал, сказал Ж Ж İstanbul İstanbul Ⓐ Ⓐ",
            "Presiden PRESIDEN Presiden presiden berkata, berkata J J Istanbul Istanbul A A",
            "Đặng Văn Đặng José's José's Jean-Étienne Jean-Étienne 中国 中国 Müller-Lüdenscheid",
        ];
        // (Many words: slots shared by different words.)
        let many: String = (0..2000)
            .map(|i| format!("Жx{} ж{} ", i % 700, i % 300))
            .collect();
        for text in cases.into_iter().chain([many.as_str()]) {
            for shared in [false, true] {
                let mut lw = Lows::new(text, text.len(), &lx, &[]);
                let (toks, hashes) = crate::gazetteer::token::tokenize_hashed(text);
                let mut from = FromRecognizer::new(&lx, &toks, &hashes);
                lw.fill(shared.then_some(&mut from), Span::new(0, text.len()));
                for k in 0..lw.toks.len() {
                    let w = &text[lw.toks[k].span];
                    let mut buf = String::new();
                    assert_eq!(lw.low(k), super::super::words::lower(w, &mut buf), "{w:?}");
                    // Every token's classes are known, those of its form (the miner reads
                    // them from the token: `Miner::tok_classes`, `Miner::np_word`).
                    assert_eq!(lw.classes(k), lx.classes_of(lw.low(k)), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn runs_of_words_that_split_them_name_no_one() {
        // (text, whether its capitalised run from the first token on makes a name: a run
        // whose every word is a role, a pronoun, a cue, a word that is no name or a "dan"
        // outside an organisation's name makes none, with or without what surrounds it)
        let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
        let cases = [
            ("Menurut dia", false),
            ("Ia berkata", false),
            ("Presiden berkata", false),
            ("Kata Presiden, ", false),
            ("Dan Ia", false),
            ("Budi berkata", true),
            ("Budi Santoso mengatakan", true),
            ("Menurut Budi", true),
            ("Presiden Budi", true),
            ("Bank Dan Asuransi mengatakan", true),
            // A word of the lexicon alone is a name only when addressed: by a cue after it
            // that takes its affixes, not by a bare root nor a passive (the cue's form read
            // only then).
            ("Harus menjawab", true),
            ("Harus kata", false),
            ("Harus diakui", false),
            ("Harus", false),
        ];
        for (text, named) in cases {
            let mut lw = Lows::new(text, text.len(), &lx, &[]);
            lw.fill(None, Span::new(0, text.len()));
            let toks = lw.toks.clone();
            let j = toks
                .iter()
                .position(|t| !(t.is_word() && t.cap))
                .unwrap_or(toks.len());
            let mut by_word = HashMap::default();
            let (mut out, mut ctx) = (Vec::new(), Vec::new());
            run_mention(
                text,
                &lx,
                &toks,
                0,
                j,
                &lw,
                &mut by_word,
                &mut out,
                &mut ctx,
            );
            assert_eq!(!out.is_empty(), named, "{text:?} {out:?}");
        }
    }

    #[test]
    fn given_names_read_by_hash_are_the_lists() {
        // (word: a given name of the bundled lists, looked up by its hash where it is one
        // token, as the list's own look-up answers)
        let d = crate::entities::LanguageData::bundled(crate::Language::Indonesian);
        for w in [
            "Ahmad", "ahmad", "AHMAD", "Dwi", "Budi", "Santoso", "Jakarta", "Presiden", "A", "",
            "Ma'ruf", "Sri", "J.", "Müller", "X2", "2",
        ] {
            assert_eq!(
                given_name(w),
                d.contains(crate::entities::WordList::GivenNames, w),
                "{w:?}"
            );
        }
    }

    #[test]
    fn one_char_tells_initials() {
        // (text, one char)
        let cases = [
            ("J", true),
            ("Ö", true),
            ("İ", true),
            ("Jo", false),
            ("", false),
        ];
        for (w, want) in cases {
            assert_eq!(one_char(w, Span::new(0, w.len())), want, "{w:?}");
            assert_eq!(want, w.chars().count() == 1, "{w:?}");
        }
    }

    #[test]
    fn has_lower_finds_any_lower_case_letter() {
        // (word, it holds a lower-case letter)
        let cases = [
            ("Budi", true),
            ("JAKARTA", false),
            ("iPhone", true),
            ("McD", true),
            ("Über", true),
            ("ÜBER", false),
            ("ÖZİL", false),
            ("4G", false),
            ("4g", true),
            ("X", false),
            ("", false),
        ];
        for (w, want) in cases {
            assert_eq!(has_lower(w), want, "{w:?}");
            assert_eq!(has_lower(w), w.chars().any(char::is_lowercase), "{w:?}");
            // (Read in a text, after a word.)
            let text = format!("ab {w}");
            assert_eq!(has_lower_at(&text, Span::new(3, text.len())), want, "{w:?}");
        }
    }

    #[test]
    fn bare_drops_a_possessive_only() {
        // (name as written, the name it gives)
        let cases = [
            ("Acme's", "Acme"),
            ("Acme’s", "Acme"),
            ("'s", "'s"),
            ("Kiss", "Kiss"),
            ("Budi", "Budi"),
            ("s", "s"),
            ("", ""),
        ];
        for (w, want) in cases {
            let got = bare(w, Span::new(0, w.len()));
            assert_eq!(&w[got.start..got.end], want, "{w:?}");
        }
    }

    #[test]
    fn with_lower_gives_the_lower_case_form() {
        let long = "A".repeat(70);
        // (text, its lower-case form)
        let cases = [
            ("Budi", "budi".to_string()),
            ("PARA Ahli", "para ahli".to_string()),
            ("Über", "über".to_string()),
            ("", String::new()),
            (long.as_str(), "a".repeat(70)),
        ];
        for (text, want) in cases {
            assert_eq!(with_lower(text, str::to_string), want, "{text:?}");
        }
    }

    #[test]
    fn name_head_takes_initials_prefixes_and_given_names_only() {
        let lx = super::super::lexicon::bundled(crate::Language::Indonesian);
        // (head, our name, belongs to the name)
        let cases = [
            ("FX", "Budi Santoso", true),
            ("A.", "Budi Santoso", true),
            ("I Gusti", "Putu Ngurah Wirawan", true),
            ("Dwi Oktavia", "Sari Lestari Handayani", true),
            // Given names only where we cut a long name to its last three words.
            ("Dwi Oktavia", "Budi Santoso", false),
            // Words of a body's name, titles: not the name's.
            ("Mitra Tani", "Budi Santoso Wijaya", false),
            ("Kepala Dinas", "Budi Santoso Wijaya", false),
            ("PT", "Budi Santoso", false),
            ("", "Budi Santoso", false),
            ("kata", "Budi Santoso", false),
        ];
        for (head, name, want) in cases {
            assert_eq!(name_head(&lx, head, name), want, "{head:?} {name:?}");
        }
    }
}
