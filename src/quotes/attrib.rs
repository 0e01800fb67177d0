//! Attribution: the kind of each quote, its cue and its speaker.
//!
//! Every look at the text is bounded: a window of [`WINDOW`] bytes on each side of a quote,
//! noun phrases of at most [`MAX_NP`] tokens, at most [`LOOKBACK`] earlier names and
//! [`HISTORY`] earlier speakers. The whole pass is linear in the length of the text.

use super::lexicon::{class, CueClass, Lexicon, PronounKind};
use super::marks::{self, RawQuote};
use super::mentions::{self, with_lower, Ctx, Guess, Mention, Name, Names, Phrase};
use super::words::{lower, tok_lower, DocToks, Forms, Tok, UNKNOWN};
use crate::document::{Cue, Document, Quote, QuoteKind, Referent, Speaker};
use crate::gazetteer::token::Token;
use crate::swar::{block, eq_bytes, lt_bytes, skip_until};
use crate::Span;
use std::sync::Arc;

/// Bytes looked at before and after a quote.
pub(crate) const WINDOW: usize = 400;
/// Most tokens in a speaker's noun phrase.
pub(crate) const MAX_NP: usize = 12;
/// Most earlier names looked at when resolving a pronoun or a description.
pub(crate) const LOOKBACK: usize = 60;
/// Bytes within which an earlier speaker stays the one a pronoun or `-nya` refers to.
const SALIENT: usize = 2000;
/// Most earlier speakers remembered.
pub(crate) const HISTORY: usize = 24;
/// Most tokens between a cue and the quote it introduces that are searched for the cue.
const CUE_SEARCH: usize = 40;

/// A speaker found for a quote.
#[derive(Clone, Debug)]
struct Who {
    span: Span,
    /// Read with [`Names::get`] (a speaker is copied often: history, attributes).
    name: Option<Name>,
    /// [`Mention::id`].
    id: Option<usize>,
    guess: Guess,
    referent: Option<usize>,
    ctx: Ctx,
    /// [`Mention::rctx`].
    rctx: Option<usize>,
    /// Where an anaphor (a pronoun, a `-nya` cue) named this speaker, when `span` is its
    /// antecedent's: the speaker is remembered from there.
    at: Option<usize>,
}

impl Who {
    fn speaker(&self, names: Names) -> Speaker {
        Speaker {
            span: self.span,
            name: self.name.map(|n| names.get(n).to_string()),
            id: self
                .id
                .and_then(|r| names.referents.get(r))
                .and_then(|r| r.id.as_deref())
                .map(String::from),
            kind: self.guess.kind(),
            referent: self.referent,
        }
    }

    fn from_mention(m: &Mention, span: Span) -> Who {
        Who {
            span,
            name: Some(m.name),
            id: m.id,
            guess: m.guess,
            referent: m.referent,
            ctx: m.ctx,
            rctx: m.rctx,
            at: None,
        }
    }

    fn unnamed(span: Span) -> Who {
        Who {
            span,
            name: None,
            id: None,
            guess: Guess::Unknown,
            referent: None,
            ctx: Ctx::default(),
            rctx: None,
            at: None,
        }
    }
}

/// The result of attributing one quote.
#[derive(Clone, Debug)]
struct Attr {
    who: Option<Who>,
    cue: Option<Cue>,
    rule: &'static str,
    confidence: f32,
    title: bool,
}

impl Attr {
    fn none() -> Attr {
        Attr {
            who: None,
            cue: None,
            rule: "none",
            confidence: 0.0,
            title: false,
        }
    }
    fn title(rule: &'static str) -> Attr {
        Attr {
            title: true,
            rule,
            confidence: 0.8,
            ..Attr::none()
        }
    }
}

/// A speaker's noun phrase, as found in the tokens.
#[derive(Clone, Copy, Debug)]
enum Np {
    Pronoun(usize, PronounKind),
    Words(usize, usize),
}

struct Miner<'a> {
    text: &'a str,
    lx: &'a Lexicon,
    mentions: &'a [Mention],
    buf: String,
    history: Vec<(usize, Who)>,
    referents: &'a [Referent],
    /// The roles and affiliations of each referent in lower case, once asked for.
    ref_ctx: Vec<Option<Vec<String>>>,
    /// The phrase indices the mentions' `ctx` are stretches of.
    ctx_ids: Vec<usize>,
    /// The roles and affiliations `ctx_ids` index.
    phrases: Vec<Phrase>,
    /// The lower-case forms phrases point into.
    arena: &'a str,
    /// The text read with its ASCII letters in lower case ([`Phrase::Text`] points into it).
    low_text: &'a str,
    /// Where the tokens' lower-case forms are (`low_text`, `arena` and the tokens' forms).
    low: Forms<'a>,
    /// The names made of words of the text ([`Name::Made`]).
    made: Vec<String>,
    /// The tokens of the paragraphs `collect` read.
    doc_toks: &'a DocToks,
}

/// Finds and attributes the quotes of a document.
/// `tokens`: the recognizer's tokens of the text, when it ran.
pub(crate) fn mine(doc: &Document, lx: &Lexicon, tokens: Option<(&[Token], &[u64])>) -> Vec<Quote> {
    let text = doc.text.as_str();
    let pars: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
    let raw = marks::find(text, &pars, tokens.map(|(t, _)| t));
    if raw.is_empty() {
        return Vec::new();
    }
    let mentions::Collected {
        mentions,
        ctx_ids,
        phrases,
        arena,
        low_text,
        made,
        toks: doc_toks,
        forms,
    } = mentions::collect(doc, lx, &raw, tokens);
    let mut m = Miner {
        text,
        lx,
        mentions: &mentions,
        buf: String::new(),
        history: Vec::with_capacity(raw.len()),
        referents: &doc.referents,
        ref_ctx: vec![None; doc.referents.len()],
        ctx_ids,
        phrases,
        arena: &arena,
        low_text: &low_text,
        low: Forms {
            low_text: &low_text,
            arena: &arena,
            forms: &forms,
        },
        made,
        doc_toks: &doc_toks,
    };
    let mut pre_buf: Vec<Tok> = Vec::new();
    let mut post_buf: Vec<Tok> = Vec::new();
    let mut attrs: Vec<Attr> = Vec::with_capacity(raw.len());
    let mut kinds: Vec<QuoteKind> = Vec::with_capacity(raw.len());
    let headline = pars.len() > 1 && is_headline(text, pars[0]);
    for (qi, q) in raw.iter().enumerate() {
        let par = pars[q.paragraph];
        let same_prev = qi > 0 && raw[qi - 1].paragraph == q.paragraph;
        let prev_end = if same_prev {
            raw[qi - 1].span.end
        } else {
            par.start
        };
        let next_start = match raw.get(qi + 1) {
            Some(n) if n.paragraph == q.paragraph => n.span.start,
            _ => par.end,
        };
        let win_lo = floor(text, q.span.start.saturating_sub(WINDOW));
        let lo = win_lo.max(prev_end);
        let pre_lo = clause_start(text, lx, lo, q.span.start);
        let hi = ceil(text, (q.span.end + WINDOW).min(text.len())).min(next_start);
        let post_hi = sentence_end(text, lx, q.span.end, hi);
        // The sentence's start from the paragraph's start on: the clause's when both scans
        // start from the same place, or when the clause's start was found far enough after
        // `lo` that no test made on the way looked back as far as `lo` (see
        // [`clause_start_from_below`]).
        let sent_lo =
            clause_start_from_below(text, lx, lo, pre_lo, win_lo.max(par.start), q.span.start);
        let pre = doc_toks.window_or(text, pre_lo, q.span.start, &mut pre_buf);
        let post = doc_toks.window_or(text, q.span.end, post_hi, &mut post_buf);
        // Only a comma after the previous quote: an item of its list (`"a mess", "a farce"`).
        let list_item = same_prev && pre.iter().all(|t| t.is(',')) && !pre.is_empty();
        let starts_clause = !pre.iter().any(Tok::is_word) && !list_item;
        let kind = m.kind_of(q, starts_clause);
        let mut attr = if m.title_before(pre) {
            Attr::title("title-word")
        } else {
            m.post_patterns(post, q.span.start)
                .or_else(|| m.pre_patterns(pre, sent_lo, q.span.start))
                .unwrap_or_else(Attr::none)
        };
        if !attr.title && attr.who.is_none() && same_prev && !attrs[qi - 1].title {
            // The sentence of the previous quote goes on (`"A," said Jones, adding: "B."`):
            // so does its speaker.
            let between = &text[raw[qi - 1].span.end..q.span.start];
            if between.len() <= WINDOW && !sentence_between(between) {
                if let Some(w) = attrs[qi - 1].who.clone().filter(|w| w.name.is_some()) {
                    attr = Attr {
                        who: Some(w),
                        cue: None,
                        rule: "same-sentence-previous",
                        confidence: 0.6,
                        title: false,
                    };
                }
            }
        }
        if !attr.title && attr.who.is_none() {
            // A quote that opens its paragraph or sentence with no cue: the previous speaker goes on.
            // The last quote that is not a title ("... the motto "X". "More speech."").
            let prev = (qi.saturating_sub(3)..qi)
                .rev()
                .find(|&p| !attrs[p].title)
                .map(|p| (p, &attrs[p]));
            if let Some(prev) = prev {
                let (pi, pa) = prev;
                let pq = &raw[pi];
                let next_par = pq.paragraph + 1 == q.paragraph && q.span.start == par.start;
                let same_par = pq.paragraph == q.paragraph && starts_clause;
                if pa.who.is_some()
                    && !pa.title
                    && (next_par || same_par)
                    && kind == QuoteKind::Direct
                {
                    attr = Attr {
                        who: pa.who.clone(),
                        cue: None,
                        rule: "continuation",
                        confidence: 0.7,
                        title: false,
                    };
                }
            }
        }
        if !attr.title && attr.who.is_none() && kind == QuoteKind::Partial {
            if m.title_shape(q.content) {
                attr = Attr::title("title-shape");
            } else if headline && q.paragraph == 0 {
                // A headline has no subject to take (its speaker is the lead's, below).
            } else if let Some(w) = m.subject(sent_lo, q.span.start) {
                attr = Attr {
                    who: Some(w),
                    cue: None,
                    rule: "sentence-subject",
                    confidence: 0.5,
                    title: false,
                };
            }
        }
        // No speaker of its own (a scare quote in the reporter's sentence, a paragraph of
        // quotation after indirect speech): the words of the story's current source, the last
        // one named with a cue in this paragraph or the one before.
        let unnamed_subject = matches!(attr.rule, "sentence-subject" | "subject-cue-quote")
            && attr.who.as_ref().is_some_and(|w| w.name.is_none());
        if !attr.title
            && q.closed
            && (attr.who.is_none() || unnamed_subject)
            && (kind == QuoteKind::Partial || q.span.start == par.start)
        {
            let plo = pars[q.paragraph.saturating_sub(1)].start;
            let after_prev = if qi > 0 { raw[qi - 1].span.end } else { 0 };
            if let Some(w) = m.recent_source(plo.max(after_prev), sent_lo, plo) {
                attr = Attr {
                    who: Some(w),
                    cue: None,
                    rule: "recent-source",
                    confidence: 0.4,
                    title: false,
                };
            }
        }
        if let Some(w) = &attr.who {
            if w.name.is_some() {
                m.remember(w.clone());
            }
        }
        attrs.push(attr);
        kinds.push(kind);
    }
    let lead = usize::from(headline);
    // The lead's unnamed source identified in the next sentence: "..., a leading industry
    // figure has said. / Tim Renner, the head of ..., told ...".
    for qi in 0..raw.len() {
        if raw[qi].paragraph > lead {
            break;
        }
        if raw[qi].paragraph != lead {
            continue;
        }
        let Some(old) = attrs[qi].who.as_ref().filter(|w| w.name.is_none()) else {
            continue;
        };
        let old_span = old.span;
        if !m.indefinite_phrase(old_span) {
            continue;
        }
        let q = &raw[qi];
        let hi = ceil(text, (q.span.end + WINDOW).min(text.len()));
        let end = sentence_end(text, lx, q.span.end, hi);
        let Some(w) = m.person_opening(end) else {
            continue;
        };
        for a in attrs.iter_mut().skip(qi).take(8) {
            if a.who
                .as_ref()
                .is_some_and(|o| o.span == old_span && o.name.is_none())
            {
                a.who = Some(w.clone());
                a.rule = "identified-later";
            }
        }
    }
    // A quote with no cue of its own shares the cue of the next quote in its sentence
    // (`"A" dan "B", kata X`).
    for qi in (0..raw.len().saturating_sub(1)).rev() {
        let weak = matches!(attrs[qi].rule, "sentence-subject" | "recent-source");
        if (attrs[qi].who.is_some() && !weak) || attrs[qi].title || !raw[qi].closed {
            continue;
        }
        let (q, n) = (&raw[qi], &raw[qi + 1]);
        let next_rule = attrs[qi + 1].rule;
        if q.paragraph != n.paragraph
            || attrs[qi + 1].who.is_none()
            || attrs[qi + 1].title
            || !matches!(
                next_rule,
                "quote-cue-speaker" | "quote-speaker-cue" | "sentence-end-cue" | "quote-intro-cue"
            )
        {
            continue;
        }
        let between = &text[q.span.end..n.span.start];
        if between.len() > WINDOW || sentence_between(between) {
            continue;
        }
        let mut a = attrs[qi + 1].clone();
        a.rule = "same-sentence";
        a.confidence *= 0.8;
        attrs[qi] = a;
    }
    // A quote in the headline with no speaker echoes the story's source: the lead's.
    if headline {
        let from_quote = (0..raw.len())
            .skip_while(|&i| raw[i].paragraph < lead)
            .take_while(|&i| raw[i].paragraph == lead)
            .find_map(|i| attrs[i].who.clone());
        let mut source = from_quote;
        for qi in 0..raw.len() {
            if raw[qi].paragraph > 0 {
                break;
            }
            if attrs[qi].title || attrs[qi].who.is_some() {
                continue;
            }
            if source.is_none() {
                let par = pars[lead];
                let hi = ceil(text, (par.start + 2 * WINDOW).min(par.end));
                let end = sentence_end(text, lx, par.start, hi);
                source = m.recent_source(par.start, end, usize::MAX);
            }
            if let Some(w) = &source {
                attrs[qi] = Attr {
                    who: Some(w.clone()),
                    cue: None,
                    rule: "headline-lead",
                    confidence: 0.4,
                    title: false,
                };
            }
        }
    }
    let sentences = &doc.sentences;
    raw.iter()
        .zip(attrs)
        .zip(kinds)
        .map(|((q, a), kind)| {
            let first = sentences
                .partition_point(|s| s.span.end <= q.span.start)
                .min(sentences.len().saturating_sub(1));
            let end = sentences
                .partition_point(|s| s.span.start < q.span.end)
                .max(first + 1)
                .min(sentences.len().max(first + 1));
            Quote {
                span: q.span,
                content: q.content,
                kind: if a.title { QuoteKind::Title } else { kind },
                paragraph: q.paragraph,
                first_sentence: first,
                end_sentence: end,
                cue: if a.title { None } else { a.cue },
                speaker: if a.title {
                    None
                } else {
                    a.who.as_ref().map(|w| w.speaker(m.names()))
                },
                rule: a.rule,
                confidence: if a.title || a.who.is_some() {
                    a.confidence
                } else {
                    0.0
                },
            }
        })
        .collect()
}

impl<'a> Miner<'a> {
    /// Where the names of mentions and speakers are read.
    fn names(&self) -> Names<'_> {
        Names {
            text: self.text,
            referents: self.referents,
            made: &self.made,
        }
    }

    /// The mentions that start before `pos`, latest first, at most [`LOOKBACK`] of them.
    fn recent(&self, pos: usize) -> impl Iterator<Item = &'a Mention> + 'a {
        let ms = self.mentions;
        let k = ms.partition_point(|m| m.span.start < pos);
        ms[..k].iter().rev().take(LOOKBACK)
    }

    /// The classes of token `t` (by its key where known).
    fn tok_classes(&mut self, t: Tok) -> u32 {
        tok_classes_of(self.lx, self.text, self.low, t, &mut self.buf)
    }

    fn low(&mut self, t: Tok) -> &str {
        tok_lower(self.text, self.low, t, &mut self.buf)
    }

    fn remember(&mut self, w: Who) {
        if self.history.len() >= HISTORY {
            self.history.remove(0);
        }
        // (Positions only grow: an anaphor's is after its antecedent's.)
        let at = w.at.map_or(w.span.start, |a| a.max(w.span.start));
        self.history.push((at, w));
    }

    /// The cue starting at `toks[i]`, with the number of tokens it takes.
    fn cue_at(&mut self, toks: &[Tok], i: usize) -> Option<(CueClass, Arc<str>, Span, usize)> {
        let t = *toks.get(i)?;
        // (Most words are no cue: ruled out by their key's bit where it is known.)
        if !t.is_word() || t.key != 0 && !self.lx.may_be_verb_hash(t.key) {
            return None;
        }
        // (Most words are no cue: ruled out by their classes first.)
        if self.tok_classes(t) & class::CUE == 0 {
            return None;
        }
        let text = self.text;
        let low_text = self.low;
        let lx = self.lx;
        let w = tok_lower(text, low_text, t, &mut self.buf);
        let entries = lx.cues.get(w)?;
        // "its brands", "the claims": a noun, not the verb.
        if let Some(p) = i.checked_sub(1).map(|p| toks[p]) {
            if p.is_word() && self.tok_classes(p) & class::NOUN_MARKER != 0 {
                return None;
            }
        }
        'entries: for e in entries {
            for (k, r) in e.rest.iter().enumerate() {
                let Some(u) = toks.get(i + 1 + k) else {
                    continue 'entries;
                };
                if !u.is_word() || !text[u.span].eq_ignore_ascii_case(r) {
                    continue 'entries;
                }
            }
            let n = 1 + e.rest.len();
            let span = Span::new(t.span.start, toks[i + n - 1].span.end);
            return Some((e.class, e.lemma.clone(), span, n));
        }
        None
    }

    fn is_cue_word(&mut self, t: Tok) -> bool {
        t.is_word() && self.tok_classes(t) & class::CUE != 0
    }

    /// The word right before the quote names a title or a term ("bertajuk", "dubbed the").
    fn title_before(&mut self, pre: &[Tok]) -> bool {
        let mut words = pre.iter().rev();
        let Some(&last) = words.next() else {
            return false;
        };
        if !last.is_word() {
            return false;
        }
        let c = self.tok_classes(last);
        if c & class::TITLE_CUE != 0 {
            return true;
        }
        if c & (class::DETERMINER | class::INDEFINITE) != 0 {
            if let Some(&before) = words.next() {
                if before.is_word() {
                    return self.tok_classes(before) & class::TITLE_CUE != 0;
                }
            }
        }
        false
    }

    /// A short run of capitalised words without a sentence's punctuation: a name or a title.
    fn title_shape(&mut self, content: Span) -> bool {
        title_shape(&self.text[content], self.lx)
    }

    fn kind_of(&self, q: &RawQuote, starts_clause: bool) -> QuoteKind {
        let s = &self.text[q.content];
        if starts_clause || has_sentence_end(s) {
            return QuoteKind::Direct;
        }
        let upper = s.chars().next().is_some_and(char::is_uppercase);
        let ends = s.ends_with([',', '.', '!', '?', '…']);
        if upper && ends {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    }

    /// Patterns after the quote: `, kata X`, `, X said`, `. Hal itu dikatakan X`.
    fn post_patterns(&mut self, toks: &[Tok], qstart: usize) -> Option<Attr> {
        let mut i = 0;
        while i < toks.len()
            && toks[i]
                .punct
                .is_some_and(|c| matches!(c, ',' | '-' | '—' | '–' | ':' | '('))
        {
            i += 1;
        }
        if i >= toks.len() {
            return None;
        }
        // Cue, then speaker.
        if let Some(a) = self.cue_then_speaker(toks, i, qstart, "quote-cue-speaker", 0.9) {
            return Some(a);
        }
        // "Hal itu dikatakan X", "Demikian kata X".
        let mut k = i;
        while k < toks.len() && k < i + 3 && toks[k].is_word() && {
            let lx = self.lx;
            let w = self.low(toks[k]);
            lx.intro.contains(w)
        } {
            k += 1;
        }
        if k > i {
            if let Some(a) = self.cue_then_speaker(toks, k, qstart, "quote-intro-cue", 0.8) {
                return Some(a);
            }
        }
        // Speaker, then cue: `, Cronin said`, `, Smith, a doctor, said`.
        if let Some(a) = self.speaker_then_cue(toks, i, qstart) {
            return Some(a);
        }
        // At the end of the sentence, after a comma: `It was "too early" to predict, the
        // council said.`
        for c in i + 1..toks.len() {
            if toks[c].is(',') {
                if let Some(mut a) = self
                    .cue_then_speaker(toks, c + 1, qstart, "sentence-end-cue", 0.7)
                    .or_else(|| self.speaker_then_cue(toks, c + 1, qstart))
                    .or_else(|| self.phrase_then_cue(toks, c + 1))
                {
                    a.rule = "sentence-end-cue";
                    a.confidence = 0.7;
                    return Some(a);
                }
            }
        }
        self.phrase_then_cue(toks, i)
    }

    /// A noun phrase of words the lexicon does not know, then a cue that ends the sentence:
    /// `, the regional chamber of commerce has warned.`
    fn phrase_then_cue(&mut self, toks: &[Tok], i: usize) -> Option<Attr> {
        let first = *toks.get(i)?;
        let opens = first.is_word()
            && (first.cap
                || self.tok_classes(first) & (class::DETERMINER | class::INDEFINITE) != 0);
        if !opens || self.np_word(first) == NpWord::No && !first.cap {
            return None;
        }
        let lim = (i + MAX_NP).min(toks.len());
        let mut j = i + 1;
        while j < lim && (toks[j].is_word() || toks[j].is('\'') || toks[j].is('’')) {
            if let Some((CueClass::Verb, lemma, span, n)) = self.cue_at(toks, j) {
                let ends = toks.get(j + n).map_or(true, |t| {
                    t.punct.is_some_and(|c| matches!(c, '.' | '!' | '?'))
                });
                if !ends {
                    return None;
                }
                let e = self.skip_adverbs_back(toks, j);
                if e <= i {
                    return None;
                }
                let full = Span::new(toks[i].span.start, toks[e - 1].span.end);
                let who = self
                    .resolve_opts(toks, Np::Words(i, e), span.start, false)
                    .unwrap_or_else(|| Who::unnamed(full));
                return Some(Attr {
                    who: Some(who),
                    cue: Some(Cue {
                        span,
                        word: String::from(&*lemma),
                    }),
                    rule: "quote-speaker-cue",
                    confidence: 0.7,
                    title: false,
                });
            }
            j += 1;
        }
        None
    }

    /// A speaker's noun phrase at `toks[i]` followed by a cue.
    fn speaker_then_cue(&mut self, toks: &[Tok], i: usize, qstart: usize) -> Option<Attr> {
        let _ = qstart;
        let np = self.np_forward(toks, i)?;
        let end = match np {
            Np::Pronoun(p, _) => p + 1,
            Np::Words(_, b) => b,
        };
        let mut end = end;
        // "a spokeswoman for Acme said": the principal comes between the phrase and its cue.
        if let Np::Words(_, b) = np {
            let mouth = {
                let lx = self.lx;
                let w = self.low(toks[b - 1]);
                lx.mouthpiece.contains(w)
            };
            if mouth {
                if let Some(p) = self.principal_prep_at(toks, b) {
                    if let Some(Np::Words(_, e2)) = self.np_forward(toks, p + 1) {
                        end = e2;
                    }
                }
            }
        }
        // "Marta Kowalska of the dealers' federation has said": a name's prepositional
        // phrase comes between it and its cue.
        // A description with such a phrase ("the head of the federation said") names someone
        // new: it is matched to an earlier name only by its words.
        let mut described = None;
        if matches!(np, Np::Words(..)) && self.principal_prep_at(toks, end) == Some(end) {
            let lim = (end + 10).min(toks.len());
            let mut j = end + 1;
            while j < lim && (toks[j].is_word() || toks[j].is('\'') || toks[j].is('’')) {
                if self.cue_at(toks, j).is_some() {
                    if !self.has_name(toks, np) {
                        described = Some(toks[j - 1].span.end);
                    }
                    end = j;
                    break;
                }
                j += 1;
            }
        }
        let mut k = self.skip_adverbs(toks, end);
        let mut appo = None;
        if toks.get(k).is_some_and(|t| t.is(',')) {
            // An apposition: between commas (`Smith, a doctor, said`) or not closed
            // (`Armando Falcon, OFHEO director said`).
            let lim = (k + 16).min(toks.len());
            if let Some(c) = (k + 1..lim).find(|&c| toks[c].is(',')) {
                appo = self
                    .np_forward(toks, k + 1)
                    .filter(|np| matches!(np, Np::Words(_, e2) if *e2 == c));
                k = self.skip_adverbs(toks, c + 1);
            } else if let Some(Np::Words(_, e2)) = self.np_forward(toks, k + 1) {
                k = self.skip_adverbs(toks, e2);
            }
        }
        if let Some((CueClass::Verb, lemma, span, _)) = self.cue_at(toks, k) {
            let mut who = match described {
                Some(pp_end) => {
                    let mut w = self.resolve_opts(toks, np, span.start, false)?;
                    if w.name.is_none() {
                        w.span = Span::new(w.span.start, pp_end);
                    }
                    w
                }
                None => self.resolve(toks, np, span.start)?,
            };
            // `the company's chief executive, Paul Walsh, said`: the name in apposition.
            if !is_person_name(&who) {
                if let Some(a) = appo {
                    if let Some(w) = self.resolve(toks, a, span.start).filter(is_person_name) {
                        who = w;
                    }
                }
            }
            return Some(Attr {
                who: Some(who),
                cue: Some(Cue {
                    span,
                    word: String::from(&*lemma),
                }),
                rule: "quote-speaker-cue",
                confidence: 0.85,
                title: false,
            });
        }
        None
    }

    /// A cue at `toks[i]` followed by its speaker (or a `-nya` cue).
    fn cue_then_speaker(
        &mut self,
        toks: &[Tok],
        i: usize,
        qstart: usize,
        rule: &'static str,
        confidence: f32,
    ) -> Option<Attr> {
        let (class, lemma, span, n) = self.cue_at(toks, i)?;
        // (The cue's word is made only when a speaker is found.)
        let cue = || {
            Some(Cue {
                span,
                word: String::from(&*lemma),
            })
        };
        let who = match class {
            CueClass::VerbNya | CueClass::PrepNya => {
                self.resolve_pronoun(PronounKind::Person, qstart.min(span.start), span)
            }
            CueClass::Verb | CueClass::Prep => {
                let j = self.skip_passive_agent(toks, i + n);
                // `kata Direktur Utama PT X (KAI) Wiwik Widayanti`, `kata Kepala Dusun X,
                // Kelurahan Y, Wahyu Wibowo`: the person who ends a description.
                if let Some(w) = self.described_person(toks, j) {
                    return Some(Attr {
                        who: Some(w),
                        cue: cue(),
                        rule,
                        confidence,
                        title: false,
                    });
                }
                let np = self.np_forward(toks, j)?;
                let who = self.resolve(toks, np, qstart);
                // `kata Kepala Dinas Perhubungan DKI, Syafrin Liputo`: a name in apposition
                // after a title that names no person.
                let end = match np {
                    Np::Pronoun(p, _) => p + 1,
                    Np::Words(_, b) => b,
                };
                if !who.as_ref().is_some_and(is_person_name)
                    && toks.get(end).is_some_and(|t| t.is(','))
                {
                    if let Some(np2) = self.np_forward(toks, end + 1) {
                        if let Some(w2) = self.resolve(toks, np2, qstart) {
                            if is_person_name(&w2) {
                                return Some(Attr {
                                    who: Some(w2),
                                    cue: cue(),
                                    rule,
                                    confidence,
                                    title: false,
                                });
                            }
                        }
                    }
                }
                who
            }
        }?;
        Some(Attr {
            who: Some(who),
            cue: cue(),
            rule,
            confidence,
            title: false,
        })
    }

    /// Patterns before the quote: `X mengatakan, “…”`, `menurut X, “…”`, `X said: “…”`,
    /// `Korea Utara ... menyebut klaim tersebut “…”`.
    fn pre_patterns(&mut self, toks: &[Tok], sent_lo: usize, qstart: usize) -> Option<Attr> {
        let lo = toks.len().saturating_sub(CUE_SEARCH);
        for k in (lo..toks.len()).rev() {
            let Some((class, lemma, span, n)) = self.cue_at(toks, k) else {
                continue;
            };
            // (The cue's word is made only when a speaker is found.)
            let mk = |who: Who, rule: &'static str, confidence: f32| Attr {
                who: Some(who),
                cue: Some(Cue {
                    span,
                    word: String::from(&*lemma),
                }),
                rule,
                confidence,
                title: false,
            };
            match class {
                CueClass::VerbNya | CueClass::PrepNya => {
                    let who = self.resolve_pronoun(PronounKind::Person, span.start, span)?;
                    return Some(mk(who, "cue-nya-quote", 0.75));
                }
                CueClass::Prep => {
                    let np = self.np_forward(toks, k + n)?;
                    let who = self.resolve(toks, np, span.start)?;
                    return Some(mk(who, "according-to-quote", 0.85));
                }
                CueClass::Verb => {
                    // A passive ("was said to be", "are accused of"): only an agent after
                    // `by` speaks; the subject does not.
                    let passive = k > 0
                        && toks[k - 1].is_word()
                        && self.tok_classes(toks[k - 1]) & class::PASSIVE_AUX != 0;
                    if passive {
                        let j = self.skip_passive_agent(toks, k + n);
                        if j > k + n {
                            if let Some(np) = self.np_forward(toks, j) {
                                if let Some(who) = self.resolve(toks, np, span.start) {
                                    return Some(mk(who, "cue-speaker-quote", 0.8));
                                }
                            }
                        }
                        continue;
                    }
                    let e = self.skip_adverbs_back(toks, k);
                    let mut back = self.np_backward(toks, e);
                    if back.is_none() && e >= 2 && toks[e - 1].is(',') {
                        // `Peter Zombic, the managing director of ..., said`;
                        // `Kepala Dinas X, Syafrin Liputo, mengatakan`.
                        let lim = e.saturating_sub(25);
                        if let Some(c) = (lim..e - 1).rev().find(|&c| toks[c].is(',')) {
                            let inner = self
                                .np_forward(toks, c + 1)
                                .filter(|np| matches!(np, Np::Words(_, b) if *b == e - 1));
                            let inner_person = inner.and_then(|np| {
                                self.resolve(toks, np, span.start).filter(is_person_name)
                            });
                            if let Some(w) = inner_person {
                                return Some(mk(w, "speaker-cue-quote", 0.8));
                            }
                            back = self
                                .np_backward(toks, c)
                                .filter(|np| self.has_name(toks, *np));
                        }
                    }
                    if let Some(np) = back {
                        let np = self.apposition_back(toks, np);
                        if let Some(who) = self.resolve(toks, np, span.start) {
                            return Some(mk(who, "speaker-cue-quote", 0.85));
                        }
                    }
                    let j = self.skip_passive_agent(toks, k + n);
                    // A pronoun after the cue opens the reported clause ("said it had"),
                    // unless it ends there ("said he:").
                    let clause = toks.get(j + 1).is_some_and(Tok::is_word);
                    if let Some(np) = self
                        .np_forward(toks, j)
                        .filter(|np| !(matches!(np, Np::Pronoun(..)) && clause))
                    {
                        if let Some(who) = self.resolve(toks, np, span.start) {
                            return Some(mk(who, "cue-speaker-quote", 0.8));
                        }
                    }
                    let who = self.subject(sent_lo, qstart)?;
                    return Some(mk(who, "subject-cue-quote", 0.7));
                }
            }
        }
        None
    }

    /// `Smith, a doctor, said`: an unnamed phrase between commas after a name is an apposition.
    fn apposition_back(&mut self, toks: &[Tok], np: Np) -> Np {
        if let Np::Words(a, _) = np {
            if a >= 2 && toks[a - 1].is(',') && !self.has_name(toks, np) {
                if let Some(before) = self.np_backward(toks, a - 1) {
                    if self.has_name(toks, before) {
                        return before;
                    }
                }
            }
        }
        np
    }

    fn has_name(&mut self, toks: &[Tok], np: Np) -> bool {
        match np {
            Np::Pronoun(..) => false,
            Np::Words(a, b) => (a..b).any(|i| toks[i].cap && !self.is_role(toks[i])),
        }
    }

    fn is_role(&mut self, t: Tok) -> bool {
        self.tok_classes(t) & (class::ROLE | class::HONORIFIC | class::NOT_NAME) != 0
    }

    fn skip_adverbs(&mut self, toks: &[Tok], mut i: usize) -> usize {
        let start = i;
        while i < toks.len() && i < start + 3 && toks[i].is_word() && !self.is_cue_word(toks[i]) {
            if self.tok_classes(toks[i]) & class::ADVERB == 0 {
                break;
            }
            i += 1;
        }
        i
    }

    fn skip_adverbs_back(&mut self, toks: &[Tok], mut e: usize) -> usize {
        let start = e;
        while e > 0 && e + 3 > start && toks[e - 1].is_word() {
            if self.tok_classes(toks[e - 1]) & class::ADVERB == 0 {
                break;
            }
            e -= 1;
        }
        // A parenthetical connective between commas: "He did, however, admit".
        if e >= 4 && toks[e - 1].is(',') && toks[e - 3].is(',') && toks[e - 2].is_word() {
            let c = self.tok_classes(toks[e - 2]);
            if c & class::ADVERB != 0 || (c & class::NOT_NAME != 0 && c & class::PRONOUN == 0) {
                return self.skip_adverbs_back(toks, e - 3);
            }
        }
        e
    }

    /// Classifies a word for a noun phrase: name, head noun, determiner, ... or none.
    fn np_word(&mut self, t: Tok) -> NpWord {
        let lx = self.lx;
        let text = self.text;
        let w = self.low(t);
        // The word's lists, looked up once (by its key where known).
        let c = if t.cls != UNKNOWN {
            t.cls
        } else if t.key != 0 {
            lx.classes_of_hash(t.key)
        } else {
            lx.classes_of(w)
        };
        let is = |bits: u32| c & bits != 0;
        // An adjective of nationality modifies the noun: "the German music business".
        if is(class::DEMONYM) {
            return NpWord::Det;
        }
        if t.cap {
            if is(class::ROLE | class::HONORIFIC) {
                return NpWord::Head;
            }
            if is(class::DETERMINER | class::INDEFINITE) {
                return NpWord::Det;
            }
            // A reduplicated plural ("Badan-badan") is a common noun.
            if is(class::UNNAMED) && text[t.span].contains('-') {
                return NpWord::Head;
            }
            if is(class::NOT_NAME | class::CUE | class::PRONOUN) {
                return NpWord::No;
            }
            return NpWord::Name;
        }
        if is(class::DETERMINER | class::INDEFINITE) {
            return NpWord::Det;
        }
        if is(class::CONNECTOR) {
            return NpWord::Connector;
        }
        if is(class::STOP | class::CUE) {
            return NpWord::No;
        }
        if is(class::ROLE | class::UNNAMED | class::HONORIFIC) {
            return NpWord::Head;
        }
        if lx
            .person_suffix
            .iter()
            .any(|x| w.len() > x.len() && w.ends_with(x.as_str()))
        {
            return NpWord::Head;
        }
        NpWord::No
    }

    /// The person named at the end of a description that starts at `toks[j]`: titles,
    /// institutions and places (capitalised words, role and affiliation words, acronyms in
    /// parentheses, `/`, a comma before another capitalised word), then a person's name not
    /// followed by more of them. `None` when the phrase holds no person of the entity layer or
    /// names a person first (`Budi Santoso, Ketua RT`: the apposition's name is not the
    /// speaker).
    fn described_person(&mut self, toks: &[Tok], j: usize) -> Option<Who> {
        let first = *toks.get(j)?;
        if !first.is_word() || !first.cap {
            return None;
        }
        let lx = self.lx;
        // A description opens with a title ("Direktur", "Kepala"), not with a name.
        if self.tok_classes(first) & (class::ROLE | class::HONORIFIC) == 0 {
            return None;
        }
        let text = self.text;
        let low_text = self.low;
        let ms = self.mentions;
        let mut mk = ms.partition_point(|m| m.span.start < first.span.start);
        let lim = (j + 2 * MAX_NP).min(toks.len());
        let part = |t: Tok, buf: &mut String| -> bool {
            t.is_word()
                && (t.cap
                    || tok_classes_of(lx, text, low_text, t, buf)
                        & (class::ROLE
                            | class::AFFILIATION
                            | class::CONNECTOR
                            | class::HONORIFIC
                            | class::ORIGIN_PREP)
                        != 0)
        };
        let mut k = j;
        let mut titles = false;
        let mut cand = None;
        while k < lim {
            let t = toks[k];
            if t.is('(') {
                // An acronym in parentheses belongs to the institution before it.
                let Some(close) = (k + 1..(k + 5).min(lim)).find(|&c| toks[c].is(')')) else {
                    return cand;
                };
                let acronyms = toks[k + 1..close].iter().all(|u| {
                    u.is_word() && !text[u.span].chars().any(char::is_lowercase)
                        || u.is('-')
                        || u.is('/')
                });
                if !acronyms || close == k + 1 {
                    return cand;
                }
                k = close + 1;
                // `Lembaga Keuangan Mikro (LKM) Labuhan Jambu`: the description goes on
                // after the acronym, so what came before it was no name.
                if toks.get(k).is_some_and(|u| u.is_word() && u.cap) {
                    cand = None;
                }
                continue;
            }
            let joins = t.is('/') || t.is('-') || t.is('&');
            let comma = t.is(',') && toks.get(k + 1).is_some_and(|u| u.is_word() && u.cap);
            if !(joins || comma || part(t, &mut self.buf)) {
                return cand;
            }
            // A person's name ending here, with no more of the description after it.
            while mk < ms.len() && ms[mk].span.end <= t.span.end {
                let m = &ms[mk];
                mk += 1;
                if m.span.end != t.span.end
                    || m.guess != Guess::Person
                    || m.span.start < first.span.start
                {
                    continue;
                }
                // More of the description after it ("Pembangunan Manusia dan Kebudayaan",
                // "Letnan Kolonel Laut dokter gigi"): not the name yet.
                let more = toks.get(k + 1).is_some_and(|u| {
                    u.is('/')
                        || part(*u, &mut self.buf) && {
                            let w = tok_lower(text, low_text, *u, &mut self.buf);
                            !lx.origin_prep.contains(w)
                        }
                });
                if more {
                    continue;
                }
                let starts_phrase = m.span.start == first.span.start;
                // A name that opens the phrase is np_forward's to read (with its
                // apposition); only a name after titles is ours.
                if starts_phrase || !titles {
                    return None;
                }
                let w = Who::from_mention(m, m.span);
                // `Kepala Dusun X, Kelurahan Y, Wahyu Wibowo`: a place may have looked like a
                // name; a later one wins.
                // (`Command Center (MCCC) Agus Samsudin`: an acronym may follow.)
                let list_goes_on = toks.get(k + 1).is_some_and(|u| u.is(','))
                    && toks.get(k + 2).is_some_and(|u| u.is_word() && u.cap)
                    || toks.get(k + 1).is_some_and(|u| u.is('('));
                if !list_goes_on {
                    return Some(w);
                }
                cand = Some(w);
            }
            titles = true;
            k += 1;
        }
        cand
    }

    /// Skips a passive agent word (`oleh`, `by`) at `toks[j]`: the speaker follows it.
    fn skip_passive_agent(&mut self, toks: &[Tok], j: usize) -> usize {
        let agent = toks.get(j).is_some_and(|t| {
            t.is_word() && {
                let lx = self.lx;
                let text = self.text;
                let low_text = self.low;
                lx.passive_agent
                    .contains(tok_lower(text, low_text, *t, &mut self.buf))
            }
        });
        j + usize::from(agent)
    }

    /// The speaker's noun phrase starting at `toks[i]`.
    fn np_forward(&mut self, toks: &[Tok], i: usize) -> Option<Np> {
        let t = *toks.get(i)?;
        if !t.is_word() {
            return None;
        }
        // A clause, not a noun phrase: "admitted that ...".
        let c = self.tok_classes(t);
        if !t.cap && c & class::STOP != 0 && {
            let lx = self.lx;
            let w = self.low(t);
            lx.intro.contains(w)
        } {
            return None;
        }
        if c & class::PRONOUN != 0 {
            let lx = self.lx;
            if let Some(&k) = lx.pronouns.get(self.low(t)) {
                return Some(Np::Pronoun(i, k));
            }
        }
        let mut j = i;
        let mut last_good = i;
        while j < toks.len() && j < i + MAX_NP {
            let u = toks[j];
            if let Some(c) = u.punct {
                // "Dr. Smith", "J. Smith"
                let initial = j > i && c == '.' && {
                    let p = toks[j - 1];
                    let s = &self.text[p.span];
                    p.cap && (s.chars().count() == 1 || self.np_word(p) == NpWord::Head)
                };
                if initial {
                    j += 1;
                    continue;
                }
                break;
            }
            match self.np_word(u) {
                NpWord::Name | NpWord::Head | NpWord::Det => {
                    j += 1;
                    last_good = j;
                }
                NpWord::Connector => {
                    let ok = j > i
                        && toks[j - 1].cap
                        && toks.get(j + 1).is_some_and(|n| n.cap && n.is_word());
                    if !ok {
                        break;
                    }
                    j += 1;
                }
                // A hyphenated compound of capitals ("Anglo-Dutch") is an adjective, not a name.
                NpWord::No
                    if (i..j).any(|k| {
                        toks[k].cap
                            && self.np_word(toks[k]) == NpWord::Name
                            && !self.text[toks[k].span]
                                .split('-')
                                .nth(1)
                                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
                    }) =>
                {
                    // "White House press secretary Jen Psaki": an organisation's name, a
                    // role with its modifiers, then the person's name.
                    let lim = (j + 3).min(toks.len());
                    let role_at = (j + 1..lim).find(|&n| {
                        let t = toks[n];
                        t.is_word() && !t.cap && self.tok_classes(t) & class::ROLE != 0
                    });
                    let plain = |m: &mut Self, n: usize| {
                        let t = toks[n];
                        t.is_word() && !t.cap && m.np_word(t) == NpWord::No
                    };
                    match role_at {
                        Some(r) if (j..r).all(|n| plain(self, n)) => j = r,
                        _ => break,
                    }
                }
                NpWord::No => {
                    // Modifiers before a name: "consumer goods giant Unilever",
                    // "anti-corruption body Transparency International"; or before a
                    // head noun: "a senior government official", "a leading industry figure".
                    let lim = (j + 4).min(toks.len());
                    let mut n = j;
                    let mut head = false;
                    while n < lim
                        && toks[n].is_word()
                        && !toks[n].cap
                        && self.tok_classes(toks[n]) & (class::STOP | class::CUE) == 0
                    {
                        match self.np_word(toks[n]) {
                            NpWord::Head if n > j => {
                                head = true;
                                break;
                            }
                            NpWord::Head | NpWord::No => n += 1,
                            _ => break,
                        }
                    }
                    if n > j
                        && n < lim
                        && (head
                            || toks[n].cap
                                && toks[n].is_word()
                                && self.np_word(toks[n]) == NpWord::Name)
                    {
                        j = n;
                        continue;
                    }
                    break;
                }
            }
        }
        (last_good > i).then_some(Np::Words(i, last_good))
    }

    /// The speaker's noun phrase ending right before `toks[e]`.
    fn np_backward(&mut self, toks: &[Tok], e: usize) -> Option<Np> {
        if e == 0 {
            return None;
        }
        {
            let t = toks[e - 1];
            if t.is_word() && self.tok_classes(t) & class::PRONOUN != 0 {
                let lx = self.lx;
                if let Some(&k) = lx.pronouns.get(self.low(t)) {
                    return Some(Np::Pronoun(e - 1, k));
                }
            }
        }
        let mut j = e;
        while j > 0 && j + MAX_NP > e {
            let u = toks[j - 1];
            if u.punct.is_some() {
                break;
            }
            match self.np_word(u) {
                NpWord::Name | NpWord::Head | NpWord::Det => j -= 1,
                NpWord::Connector => {
                    let ok = j < e && toks[j].cap && j >= 2 && toks[j - 2].cap;
                    if !ok {
                        break;
                    }
                    j -= 1;
                }
                NpWord::No => break,
            }
        }
        (j < e).then_some(Np::Words(j, e))
    }

    /// The subject of the sentence starting at `sent_lo` (after a dateline and opening words).
    fn subject(&mut self, sent_lo: usize, qstart: usize) -> Option<Who> {
        // A headline has no sentence to take a subject from.
        // (Only a short line can be a headline: the search is bounded.)
        let lim = ceil(
            self.text,
            qstart.saturating_add(WINDOW).min(self.text.len()),
        );
        let line_end = match self.text[qstart..lim].find('\n') {
            Some(k) => Some(qstart + k),
            None if lim == self.text.len() => Some(lim),
            None => None,
        };
        if let Some(line_end) = line_end {
            let line = self.text[sent_lo..line_end].trim_end();
            if !line.ends_with(['.', '!', '?', '"', '”', '’', ')', '\'']) {
                return None;
            }
        }
        let hi = ceil(self.text, (sent_lo + WINDOW).min(qstart));
        let mut buf = Vec::new();
        let toks = self.doc_toks.window_or(self.text, sent_lo, hi, &mut buf);
        let mut i = 0;
        // Dateline: "TEMPO.CO, Jakarta - ", "JAKARTA, KOMPAS — ".
        if let Some(d) = toks
            .iter()
            .take(12)
            .position(|t| t.punct.is_some_and(|c| matches!(c, '-' | '—' | '–')))
        {
            if toks[..d].iter().all(|t| {
                t.cap
                    || t.punct
                        .is_some_and(|c| matches!(c, ',' | '.' | '(' | ')' | '/'))
            }) {
                i = d + 1;
            }
        }
        // An opening prepositional phrase ("In Asia,", "Di Jakarta,").
        if toks.get(i).is_some_and(|t| t.is_word()) && self.tok_classes(toks[i]) & class::STOP != 0
        {
            if let Some(c) = (i..toks.len().min(i + 8)).find(|&c| toks[c].is(',')) {
                i = c + 1;
            }
        }
        // Opening words ("Namun,", "Sementara itu,").
        let start = i;
        while i < toks.len() && i < start + 4 {
            let t = toks[i];
            if t.is(',') {
                i += 1;
                continue;
            }
            if !t.is_word() {
                break;
            }
            let c = self.tok_classes(t);
            if c & class::NOT_NAME != 0
                && c & (class::ROLE | class::PRONOUN | class::DETERMINER | class::INDEFINITE) == 0
            {
                i += 1;
            } else {
                break;
            }
        }
        let np = self.np_forward(toks, i)?;
        let pos = toks[i].span.start;
        // One capitalised word opening the sentence that no one knows as a name ("Prices
        // are ..."): its capital comes from its place, not from a name.
        if let Np::Words(0, 1) = np {
            let span = toks[0].span;
            // "Critics have called ...": a common noun, capitalised.
            let common = {
                let lx = self.lx;
                let w = self.low(toks[0]);
                lx.unnamed.contains(w) && !lx.is_inst(w)
            };
            if common {
                return Some(Who::unnamed(span));
            }
            let known = self
                .mention_in(span, false)
                .is_some_and(|m| m.referent.is_some() || m.rank > 0 || m.guess != Guess::Unknown);
            // ... unless a speech verb follows: "Velmont called it ...", "Jones warned of ...".
            let speaks = toks.get(1).is_some_and(|t| {
                t.is_word() && self.tok_classes(*t) & (class::CUE | class::TITLE_CUE) != 0
            });
            if !known && !speaks {
                return None;
            }
        }
        let who = self.resolve(toks, np, pos);
        // "The minister, John Smith, called ...": the name in apposition to a description.
        if let Np::Words(_, b) = np {
            if !who.as_ref().is_some_and(is_person_name) && toks.get(b).is_some_and(|t| t.is(',')) {
                let lim = (b + 16).min(toks.len());
                if let Some(c) = (b + 1..lim).find(|&c| toks[c].is(',')) {
                    let appo = self
                        .np_forward(toks, b + 1)
                        .filter(|np| matches!(np, Np::Words(_, e2) if *e2 == c));
                    if let Some(a) = appo {
                        if let Some(w) = self.resolve(toks, a, pos).filter(is_person_name) {
                            return Some(w);
                        }
                    }
                }
            }
        }
        who
    }

    /// The source of the last reporting clause in `text[lo..hi]` (`X said ...`, `according
    /// to X`) that names someone; failing that, the last speaker remembered at or after `plo`.
    fn recent_source(&mut self, lo: usize, hi: usize, plo: usize) -> Option<Who> {
        let lo = ceil(self.text, lo.max(hi.saturating_sub(2 * WINDOW)));
        if lo < hi {
            let mut buf = Vec::new();
            let toks = self.doc_toks.window_or(self.text, lo, hi, &mut buf);
            let mut tried = 0;
            for k in (0..toks.len()).rev() {
                let Some((class, _, span, n)) = self.cue_at(toks, k) else {
                    continue;
                };
                tried += 1;
                // A passive's subject does not speak ("the album was hailed as ...").
                let passive = k > 0
                    && toks[k - 1].is_word()
                    && self.tok_classes(toks[k - 1]) & class::PASSIVE_AUX != 0;
                let np = match class {
                    CueClass::Verb if passive => None,
                    CueClass::Verb => {
                        let e = self.skip_adverbs_back(toks, k);
                        let mut back = self.np_backward(toks, e);
                        if back.is_none() && e >= 2 && toks[e - 1].is(',') {
                            // `Tom Baker, her opponent, said`.
                            let lim = e.saturating_sub(25);
                            if let Some(c) = (lim..e - 1).rev().find(|&c| toks[c].is(',')) {
                                back = self
                                    .np_backward(toks, c)
                                    .filter(|np| self.has_name(toks, *np));
                            }
                        }
                        back.map(|np| self.apposition_back(toks, np))
                    }
                    CueClass::Prep => self.np_forward(toks, k + n),
                    _ => None,
                };
                let who = np.and_then(|np| self.resolve(toks, np, span.start));
                if let Some(w) = who.filter(|w| w.name.is_some()) {
                    return Some(w);
                }
                if tried >= 3 {
                    break;
                }
            }
        }
        self.history
            .iter()
            .rev()
            .find(|(p, w)| *p >= plo && *p < hi && w.name.is_some())
            .map(|(_, w)| w.clone())
    }

    /// Whether the phrase at `span` opens with an indefinite word ("a leading figure").
    fn indefinite_phrase(&mut self, span: Span) -> bool {
        let text = self.text;
        let first = text[span].split_whitespace().next().unwrap_or("");
        let lx = self.lx;
        lx.indefinite.contains(lower(first, &mut self.buf))
    }

    /// A person named at the opening of the sentence that starts at or after `from` (only
    /// white space between).
    fn person_opening(&self, from: usize) -> Option<Who> {
        let rest = &self.text[from..];
        let start = from + (rest.len() - rest.trim_start().len());
        let ms = self.mentions;
        let k = ms.partition_point(|m| m.span.start < start);
        let m = ms.get(k).filter(|m| m.span.start == start)?;
        (m.guess == Guess::Person).then(|| Who::from_mention(m, m.span))
    }

    /// Who a noun phrase names.
    fn resolve(&mut self, toks: &[Tok], np: Np, pos: usize) -> Option<Who> {
        self.resolve_opts(toks, np, pos, true)
    }

    /// Who a noun phrase names; `guess` lets a definite description that fits no one in
    /// particular fall to the latest name of its kind.
    fn resolve_opts(&mut self, toks: &[Tok], np: Np, pos: usize, guess: bool) -> Option<Who> {
        let (a, b) = match np {
            Np::Pronoun(p, k) => return self.resolve_pronoun(k, pos, toks[p].span),
            Np::Words(a, b) => (a, b),
        };
        let full = Span::new(toks[a].span.start, toks[b - 1].span.end);
        // The entity layer's person inside the phrase.
        if let Some(m) = self.mention_in(full, true) {
            let span = m.span;
            return Some(Who::from_mention(m, span));
        }
        let mut head = false;
        let mut org_head = false;
        let mut definite = false;
        let mut indefinite = false;
        let mut cap_role = false;
        // The last head noun.
        let mut last_head: Option<usize> = None;
        // The last run of name words.
        let mut run: Option<(usize, usize)> = None;
        let mut i = a;
        while i < b {
            let t = toks[i];
            match self.np_word(t) {
                NpWord::Name => {
                    let s = i;
                    let mut e = i + 1;
                    while e < b {
                        match self.np_word(toks[e]) {
                            NpWord::Name => e += 1,
                            NpWord::Connector
                                if e + 1 < b && self.np_word(toks[e + 1]) == NpWord::Name =>
                            {
                                e += 2
                            }
                            _ => break,
                        }
                    }
                    run = Some((s, e));
                    i = e;
                    continue;
                }
                NpWord::Head => {
                    head = true;
                    last_head = Some(i);
                    cap_role |= t.cap;
                    org_head |= self.tok_classes(t) & class::ORG_WORD != 0;
                }
                NpWord::Det => {
                    if self.tok_classes(t) & class::INDEFINITE != 0 {
                        indefinite = true;
                    } else {
                        definite = true;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        // What the phrase ends in: a mouthpiece ("report", "spokesman"), a country's state
        // ("government") or another head noun.
        let (mouth, state) = match last_head {
            Some(h) if !toks[h].cap => {
                let lx = self.lx;
                let w = self.low(toks[h]);
                (lx.mouthpiece.contains(w), lx.state.contains(w))
            }
            _ => (false, false),
        };
        // "a report compiled by X", "a spokeswoman for X": X speaks.
        if mouth && last_head.is_some_and(|h| h + 1 == b) {
            if let Some(w) = self.principal_after(toks, b, pos) {
                return Some(w);
            }
        }
        if let Some((s, e)) = run {
            // A possessive name before the head: "Transparency International's report" is
            // the organisation speaking, "Smith's lawyer" someone else.
            let poss_head = last_head.is_some_and(|h| h >= e) && {
                let w = &self.text[toks[e - 1].span];
                w.ends_with("'s") || w.ends_with("’s")
            };
            if poss_head {
                let lx = self.lx;
                let hw = self.low(toks[last_head.unwrap_or(e)]);
                let speaks_for = mouth || state || lx.org_word.contains(hw);
                if !speaks_for {
                    return Some(Who::unnamed(full));
                }
            }
            let mut s2 = s;
            if head {
                while s2 < e
                    && self.tok_classes(toks[s2]) & (class::AFFILIATION | class::CONNECTOR) != 0
                {
                    s2 += 1;
                }
            }
            if s2 < e {
                let mut span = Span::new(toks[s2].span.start, toks[e - 1].span.end);
                if poss_head {
                    let w = &self.text[span];
                    let bare = w
                        .strip_suffix("'s")
                        .or_else(|| w.strip_suffix("’s"))
                        .unwrap_or(w);
                    span = Span::new(span.start, span.start + bare.len());
                }
                // "Port operator Harbourline": a name after an organisation's noun is one.
                let org_before = s > a && {
                    let c = self.tok_classes(toks[s - 1]);
                    c & class::ORG_WORD != 0 && c & class::ROLE == 0
                };
                if let Some(m) = self.mention_in(span, false) {
                    let mut w = Who::from_mention(m, span);
                    if org_before && m.referent.is_none() {
                        w.guess = Guess::Org;
                    }
                    return Some(w);
                }
                let guess = if org_before {
                    Guess::Org
                } else if head {
                    Guess::Person
                } else {
                    Guess::Unknown
                };
                return Some(Who {
                    span,
                    name: Some(Name::Text(span)),
                    id: None,
                    guess,
                    referent: None,
                    ctx: Ctx::default(),
                    rctx: None,
                    at: None,
                });
            }
        }
        if !head {
            return None;
        }
        // A description: "pemimpin Rusia tersebut", "the ministry", "kata Presiden".
        if indefinite {
            return Some(Who::unnamed(full));
        }
        let mut words: Vec<String> = Vec::new();
        for t in &toks[a..b] {
            if t.is_word() && self.np_word(*t) != NpWord::Det {
                let w = self.low(*t).to_string();
                words.push(w);
            }
        }
        let want = if org_head { Guess::Org } else { Guess::Person };
        let pos = pos.min(full.start);
        if let Some(w) = self.match_description(&words, want, pos, full) {
            return Some(w);
        }
        // "the prime minister's office": the person whose role it names.
        let other = if want == Guess::Person {
            Guess::Org
        } else {
            Guess::Person
        };
        let names_role = {
            let lx = self.lx;
            words.iter().any(|w| lx.role.contains(w))
        };
        if names_role {
            if let Some(w) = self.match_description(&words, other, pos, full) {
                return Some(w);
            }
        }
        if (definite || cap_role) && guess {
            // "the government": the last governmental body ("the Finance Ministry"), else
            // the country last named.
            if state {
                if let Some(w) = self.latest_state(pos, full) {
                    return Some(w);
                }
                if let Some(w) = self.latest(Guess::Place, pos, full) {
                    return Some(w);
                }
            }
            if let Some(w) = self.latest(want, pos, full) {
                return Some(w);
            }
        }
        Some(Who::unnamed(full))
    }

    /// The last organisation before `pos` whose name holds a word of government
    /// ("Finance and Economy Ministry", "Treasury"), among speakers and names.
    fn latest_state(&mut self, pos: usize, span: Span) -> Option<Who> {
        let lx = self.lx;
        let names = self.names();
        let govish = |name: &str| {
            name.split_whitespace()
                .any(|x| with_lower(x, |l| lx.affiliation.contains(l)))
        };
        let h = self
            .history
            .iter()
            .rev()
            .find(|(p, w)| {
                *p < pos && w.guess == Guess::Org && govish(w.name.map_or("", |n| names.get(n)))
            })
            .map(|(p, w)| (*p, w.clone()));
        let m = self
            .recent(pos)
            .find(|m| m.guess == Guess::Org && govish(names.get(m.name)))
            .map(|m| (m.span.start, Who::from_mention(m, m.span)));
        let pick = match (h, m) {
            (Some(h), Some(m)) => Some(if m.0 > h.0 { m } else { h }),
            (h, m) => h.or(m),
        };
        let mut w = pick?.1;
        w.span = span;
        Some(w)
    }

    /// `a report compiled by X`, `a spokeswoman for X`: the named principal after the
    /// mouthpiece noun that ends at `toks[b]` (one participle may come between).
    fn principal_after(&mut self, toks: &[Tok], b: usize, pos: usize) -> Option<Who> {
        let k = self.principal_prep_at(toks, b)?;
        let np = self.np_forward(toks, k + 1)?;
        if matches!(np, Np::Pronoun(..)) {
            return None;
        }
        self.resolve(toks, np, pos).filter(|w| w.name.is_some())
    }

    /// The index of a principal's preposition at `toks[b]` or after one participle
    /// ("compiled by").
    fn principal_prep_at(&mut self, toks: &[Tok], b: usize) -> Option<usize> {
        for k in b..b + 2 {
            let t = *toks.get(k)?;
            if !t.is_word() || t.cap {
                return None;
            }
            let lx = self.lx;
            let w = self.low(t);
            if lx.principal_prep.contains(w) {
                return Some(k);
            }
            if lx.classes_of(w) & (class::STOP | class::CUE) != 0 {
                return None;
            }
        }
        None
    }

    /// The first mention inside `span` (a person one when `person`).
    fn mention_in(&self, span: Span, person: bool) -> Option<&'a Mention> {
        let ms = self.mentions;
        let k = ms.partition_point(|m| m.span.end <= span.start);
        let mut best = None;
        for m in ms[k..].iter().take(8) {
            if m.span.start >= span.end {
                break;
            }
            if person {
                // A role word alone ("Wali" of "Wali Kota") is no one's name.
                let role_only = {
                    let t = &self.text[m.span];
                    !t.contains(' ') && with_lower(t, |l| self.lx.role.contains(l))
                };
                if m.guess == Guess::Person && m.referent.is_some() && !role_only {
                    best = Some(m);
                }
            } else if best.is_none() || m.guess == Guess::Person {
                best = Some(m);
            }
        }
        best
    }

    /// The earlier speaker or name that a description fits best.
    fn match_description(
        &mut self,
        words: &[String],
        want: Guess,
        pos: usize,
        span: Span,
    ) -> Option<Who> {
        let fits = |g: Guess| g == want || g == Guess::Unknown;
        let lx = self.lx;
        // A description word fits a role phrase of the candidate that has no qualifier the
        // description lacks ("presiden" fits "presiden", not "wakil presiden" nor "mantan
        // presiden"), or a word of its name.
        let phrase_fits = |c: &str, w: &str| {
            c.split(' ').any(|x| x == w)
                && !c
                    .split(' ')
                    .any(|x| lx.role_qualifier.contains(x) && !words.iter().any(|d| d == x))
        };
        let phrases = &self.phrases;
        let ctx_ids = &self.ctx_ids;
        let (text, arena) = (self.low_text, self.arena);
        let names = Names {
            text: self.text,
            referents: self.referents,
            made: &self.made,
        };
        let score = |name: &str, ctx: &[usize], rctx: &[String]| -> usize {
            words
                .iter()
                .filter(|w| {
                    ctx.iter()
                        .filter_map(|&p| phrases.get(p))
                        .map(|p| p.get(text, arena))
                        .chain(rctx.iter().map(String::as_str))
                        .any(|c| phrase_fits(c, w))
                        || name
                            .split_whitespace()
                            .any(|n| with_lower(n, |l| l == w.as_str()))
                })
                .count()
        };
        let mut best: Option<(f32, usize, Who)> = None;
        for m in self.recent(pos) {
            if !fits(m.guess) {
                continue;
            }
            let rctx = referent_ctx(&mut self.ref_ctx, self.referents, m.rctx);
            let s = score(names.get(m.name), m.ctx.of(ctx_ids), rctx) as f32;
            if s > 0.0 && best.as_ref().map_or(true, |b| s > b.0) {
                best = Some((s, m.span.start, Who::from_mention(m, span)));
            }
        }
        for (p, w) in self.history.iter().rev() {
            if *p >= pos || !fits(w.guess) {
                continue;
            }
            let rctx = referent_ctx(&mut self.ref_ctx, self.referents, w.rctx);
            let s =
                score(w.name.map_or("", |n| names.get(n)), w.ctx.of(ctx_ids), rctx) as f32 + 0.5;
            if s > 0.5 && best.as_ref().map_or(true, |b| s > b.0) {
                let mut w = w.clone();
                w.span = span;
                best = Some((s, *p, w));
            }
        }
        best.map(|b| b.2)
    }

    /// The latest speaker (or name) of the wanted kind before `pos`. For people, the most
    /// salient first: earlier speakers and names next to a cue, then names given with a role,
    /// then any name.
    fn latest(&mut self, want: Guess, pos: usize, span: Span) -> Option<Who> {
        let h = self
            .history
            .iter()
            .rev()
            .find(|(p, w)| *p < pos && (w.guess == want || w.guess == Guess::Unknown))
            .map(|(p, w)| (*p, w.clone()));
        let recent = || self.recent(pos);
        let pick = if want == Guess::Person {
            let near = |p: usize| pos.saturating_sub(p) <= SALIENT;
            let m2 = recent()
                .find(|m| (m.guess == want || m.guess == Guess::Unknown) && m.rank >= 2)
                .map(|m| {
                    // A word of unknown kind before a cue ("agama Islam meminta") yields to
                    // a person named with a role after it.
                    let later = (m.guess == Guess::Unknown)
                        .then(|| {
                            recent()
                                .take_while(|p| p.span.start > m.span.start)
                                .find(|p| p.guess == want && p.rank >= 1)
                        })
                        .flatten();
                    let m = later.unwrap_or(m);
                    (m.span.start, Who::from_mention(m, m.span))
                });
            let top = match (h.clone(), m2) {
                (Some(h), Some(m)) => Some(if m.0 > h.0 { m } else { h }),
                (h, m) => h.or(m),
            };
            match top {
                Some(t) if near(t.0) => Some(t),
                top => recent()
                    .find(|m| m.guess == want && m.rank >= 1)
                    .map(|m| (m.span.start, Who::from_mention(m, m.span)))
                    .or(top)
                    .or_else(|| {
                        recent()
                            .find(|m| m.guess == want)
                            .map(|m| (m.span.start, Who::from_mention(m, m.span)))
                    }),
            }
        } else {
            // An organisation, or a name of unknown kind seen next to a cue.
            let m = recent()
                .find(|m| m.guess == want || (m.guess == Guess::Unknown && m.rank >= 2))
                .map(|m| (m.span.start, Who::from_mention(m, m.span)));
            match (h, m) {
                (Some(h), Some(m)) => Some(if m.0 > h.0 { m } else { h }),
                (h, m) => h.or(m),
            }
        };
        let mut w = pick?.1;
        w.span = span;
        Some(w)
    }

    /// A pronoun or a `-nya` cue at `span`: the person (or group) last named before `pos`.
    /// The speaker's mention is the antecedent: the latest mention of that name before `pos`
    /// (the pronoun or the cue word names no one; the cue is in the quote's `cue` already).
    fn resolve_pronoun(&mut self, kind: PronounKind, pos: usize, span: Span) -> Option<Who> {
        let mut w = self.resolve_anaphor(kind, pos, span)?;
        w.at = Some(span.start);
        if let Some(name) = w.name {
            let names = self.names();
            let name = names.get(name);
            let latest = self
                .recent(pos)
                .find(|m| m.span.end <= pos && names.get(m.name) == name);
            if let Some(m) = latest {
                w.span = m.span;
            } else if let Some((_, h)) = self.history.iter().rev().find(|(p, h)| {
                *p < pos && h.span.end <= pos && h.name.map(|n| names.get(n)) == Some(name)
            }) {
                w.span = h.span;
            }
        }
        Some(w)
    }

    /// Who a pronoun or a `-nya` cue refers to (its span still the anaphor's).
    fn resolve_anaphor(&mut self, kind: PronounKind, pos: usize, span: Span) -> Option<Who> {
        let want = match kind {
            PronounKind::Person => Guess::Person,
            PronounKind::Plural | PronounKind::Thing => Guess::Org,
        };
        if kind != PronounKind::Person {
            // "It", "they": the last speaker, whatever it is, while it is recent.
            let last = self.history.iter().rev().find(|(p, _)| *p < pos);
            if let Some((p, w)) = last {
                if pos.saturating_sub(*p) <= SALIENT {
                    let mut w = w.clone();
                    w.span = span;
                    return Some(w);
                }
            }
        }
        if let Some(w) = self.latest(want, pos, span) {
            return Some(w);
        }
        if kind == PronounKind::Person {
            // No person named at all: a recent name of unknown kind ("Jones was defiant.").
            return self
                .recent(pos)
                .find(|m| m.guess == Guess::Unknown && pos.saturating_sub(m.span.start) <= SALIENT)
                .map(|m| Who::from_mention(m, span));
        }
        if kind != PronounKind::Person {
            if let Some((_, w)) = self.history.iter().rev().find(|(p, _)| *p < pos) {
                let mut w = w.clone();
                w.span = span;
                return Some(w);
            }
        }
        None
    }
}

/// A named person (or a name of unknown kind), not an organisation, place or description.
/// The roles and affiliations of referent `r` in lower case (made once, in `cache`).
fn referent_ctx<'c>(
    cache: &'c mut [Option<Vec<String>>],
    referents: &[Referent],
    r: Option<usize>,
) -> &'c [String] {
    let Some((slot, rf)) = r.and_then(|r| cache.get_mut(r).zip(referents.get(r))) else {
        return &[];
    };
    slot.get_or_insert_with(|| {
        rf.roles
            .iter()
            .chain(rf.affiliations.iter())
            .map(|s| s.to_lowercase())
            .collect()
    })
}

fn is_person_name(w: &Who) -> bool {
    w.name.is_some() && matches!(w.guess, Guess::Person | Guess::Unknown)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NpWord {
    Name,
    Head,
    Det,
    Connector,
    No,
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A first paragraph that reads as a headline: one short line without a sentence's end mark.
fn is_headline(text: &str, par: Span) -> bool {
    let s = text[par].trim();
    let bare = s.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    !s.is_empty()
        && !s.contains('\n')
        && s.split_whitespace().count() <= 20
        && !bare.ends_with(['.', '!', '?', ':', ','])
}

/// Whether a sentence ends in `between`, the text between two quotes (`"A". "B"`,
/// `"A," X said. "B"`).
fn sentence_between(between: &str) -> bool {
    let t = between.trim();
    t.starts_with(['.', '!', '?']) || t.ends_with(['.', '!', '?']) || has_sentence_end(between)
}

/// Whether `s` holds the end of a sentence followed by more text (`. ` inside).
fn has_sentence_end(s: &str) -> bool {
    let b = s.trim().as_bytes();
    (1..b.len()).any(|i| matches!(b[i - 1], b'.' | b'!' | b'?') && b[i].is_ascii_whitespace())
}

/// The classes (bits of [`class`]) of token `t`'s lower-case form: those the name reader
/// read with it (a token of the paragraphs it read), else looked up by its key or its form.
/// Each bit is the form's membership of one list (see `Lexicon::refresh_class`).
#[inline]
fn tok_classes_of(lx: &Lexicon, text: &str, low: Forms, t: Tok, buf: &mut String) -> u32 {
    if t.cls != UNKNOWN {
        return t.cls;
    }
    if t.key != 0 {
        return lx.classes_of_hash(t.key);
    }
    lx.classes_of(tok_lower(text, low, t, buf))
}

/// The start of the clause or sentence that ends at `end`: after the last `.`, `!` or `?`
/// followed by white space in `text[lo..end]`.
fn clause_start(text: &str, lx: &Lexicon, lo: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = end;
    while i > lo + 1 {
        // Eight positions at a time: a clause ends only after one of these bytes.
        while i >= lo + 9 && !ends_clause_pair_block(b, i - 9) {
            i -= 8;
        }
        if i <= lo + 1 {
            break;
        }
        i -= 1;
        if !b[i].is_ascii_whitespace() {
            continue;
        }
        // A sentence's end mark may be followed by a closing quotation mark
        // (`... successful." He did admit`): the sentence ends after the mark.
        // (The closing marks but `"` and `'` are not ASCII: their last byte is not.)
        if matches!(b[i - 1], b'"' | b'\'')
            || (b[i - 1] >= 0x80 && text[lo..i].ends_with(['”', '’', '»']))
        {
            let inner = text[lo..i].trim_end_matches(['"', '\'', '”', '’', '»']);
            if inner.len() + 4 >= i - lo && inner.ends_with(['.', '!', '?']) {
                return i + 1;
            }
        }
        if matches!(b[i - 1], b'.' | b'!' | b'?') {
            // "Dr. X", "J. Smith": an abbreviation, not a sentence end.
            let abbrev = b[i - 1] == b'.' && abbrev_before(lx, &text[lo..i - 1]);
            if !abbrev {
                return i + 1;
            }
        }
    }
    lo
}

/// [`clause_start`]`(text, lx, lo2, end)`, given `found`, [`clause_start`]`(text, lx, lo, end)`
/// with `lo2 <= lo`: the same when `lo2 == lo`, or when `found` is at least
/// [`CLAUSE_REUSE`] bytes after `lo` (the scan from `end` down to `found` is the same from
/// either start: each position it tests reads back at most an abbreviation's length, a few
/// closing marks or the marks back to `lo`, which then number more than four either way).
fn clause_start_from_below(
    text: &str,
    lx: &Lexicon,
    lo: usize,
    found: usize,
    lo2: usize,
    end: usize,
) -> usize {
    if lo2 == lo || (lo2 < lo && found >= lo.saturating_add(CLAUSE_REUSE)) {
        found
    } else {
        clause_start(text, lx, lo2, end)
    }
}

/// See [`clause_start_from_below`]: more than what [`abbrev_before`] reads back (an
/// abbreviation of [`ABBREV_MAX`] bytes and the char before it) and the four bytes of
/// closing marks [`clause_start`] allows.
const CLAUSE_REUSE: usize = 2 * ABBREV_MAX + 8;

/// The end of the sentence that starts at `from`, at most `hi`.
fn sentence_end(text: &str, lx: &Lexicon, from: usize, hi: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < hi {
        i = skip_to_stop(b, i, hi);
        if i >= hi {
            break;
        }
        if matches!(b[i], b'.' | b'!' | b'?') && (i + 1 >= hi || b[i + 1].is_ascii_whitespace()) {
            // Keep "Dr." and initials inside.
            let abbrev = b[i] == b'.' && abbrev_before(lx, &text[from..i]);
            if !abbrev {
                return i + 1;
            }
        }
        i += 1;
    }
    hi
}

/// Whether `bytes[at..at + 8]` holds a byte a clause may end after (before white space): `.`,
/// `!`, `?`, `"`, `'` or the last byte of a closing mark `”`, `’` or `»` (`0x9D`, `0x99`,
/// `0xBB`: text in other scripts is not read byte by byte); `true` past the end.
#[cfg(test)]
fn ends_clause_block(bytes: &[u8], at: usize) -> bool {
    block(bytes, at).map_or(true, |w| end_marks(w) != 0)
}

/// The bytes of `w` a clause may end after ([`ends_clause_block`]), flagged by their high
/// bits (never a false negative).
#[inline]
fn end_marks(w: u64) -> u64 {
    const _: () = assert!(
        "”".as_bytes()[2] == 0x9D && "’".as_bytes()[2] == 0x99 && "»".as_bytes()[1] == 0xBB
    );
    eq_bytes(w, b'.')
        | eq_bytes(w, b'!')
        | eq_bytes(w, b'?')
        | eq_bytes(w, b'"')
        | eq_bytes(w, b'\'')
        | eq_bytes(w, 0x9D)
        | eq_bytes(w, 0x99)
        | eq_bytes(w, 0xBB)
}

/// Whether `bytes[at..at + 8]` may hold a byte a clause ends after ([`ends_clause_block`])
/// with ASCII white space right after it (the pair [`clause_start`] looks for: one in
/// `bytes[at + 1..at + 9]`); `true` past the end. Text in a script written without spaces
/// holds many bytes of the first kind, few pairs.
fn ends_clause_pair_block(bytes: &[u8], at: usize) -> bool {
    let Some(w) = block(bytes, at) else {
        return true;
    };
    let marks = end_marks(w);
    if marks == 0 {
        return false;
    }
    let Some(next) = block(bytes, at + 1) else {
        return true;
    };
    // (Bytes below 14 and the space: all ASCII white space and a few controls.)
    let white = lt_bytes(next, 0x0E) | eq_bytes(next, b' ');
    marks & white != 0
}

/// The first position from `i` on of a `.`, a `!` or a `?` found eight bytes at a time, or
/// the start of the last block shorter than eight bytes before `end`: the bytes before it hold
/// no sentence end.
fn skip_to_stop(bytes: &[u8], i: usize, end: usize) -> usize {
    skip_until(bytes, i, end, |w| {
        eq_bytes(w, b'.') | eq_bytes(w, b'!') | eq_bytes(w, b'?')
    })
}

/// A word that a period abbreviates: an initial or short capitalised word ("J.", "Dr."), or
/// an honorific ("Rep.", "Sen.", "Prof.").
fn is_abbrev(lx: &Lexicon, word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    word.chars().count() <= 2
        || (word.len() <= 5 && word.is_ascii() && lx.honorific.contains(&word.to_ascii_lowercase()))
}

/// Whether the word before a period at the end of `s` is an abbreviation ([`is_abbrev`] of
/// its run of letters and digits), reading back at most [`ABBREV_MAX`] bytes of it: a longer word is none
/// (two chars take at most eight bytes), and a run of letters in a script without spaces is
/// not read to its start.
///
/// A word that ends in a non-ASCII char is an abbreviation only as one or two chars, the
/// first in upper case: where neither of the last two chars is, no letter is looked up.
fn abbrev_before(lx: &Lexicon, s: &str) -> bool {
    if s.as_bytes().last().is_some_and(|&b| b >= 0x80)
        && !s.chars().rev().take(2).any(char::is_uppercase)
    {
        return false;
    }
    short_last_word(s).is_some_and(|w| is_abbrev(lx, w))
}

/// The longest word [`is_abbrev`] may accept, in bytes.
const ABBREV_MAX: usize = 8;

/// The run of letters and digits at the end of `s` when it is at most [`ABBREV_MAX`] bytes
/// long.
fn short_last_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1].is_ascii_alphanumeric() {
        i -= 1;
    }
    if i == 0 || b[i - 1] < 0x80 {
        let w = s.get(i..)?;
        return (w.len() <= ABBREV_MAX).then_some(w);
    }
    for (k, c) in s.get(..i)?.char_indices().rev() {
        if !c.is_alphanumeric() {
            let w = s.get(k + c.len_utf8()..)?;
            return (w.len() <= ABBREV_MAX).then_some(w);
        }
        if s.len() - k > ABBREV_MAX {
            return None;
        }
    }
    (s.len() <= ABBREV_MAX).then_some(s)
}

/// The run of letters and digits at the end of `s`.
#[cfg(test)]
fn last_word(s: &str) -> &str {
    // ASCII letters and digits back to an ASCII byte that is neither: no decoding.
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1].is_ascii_alphanumeric() {
        i -= 1;
    }
    if i == 0 || b[i - 1] < 0x80 {
        return s.get(i..).unwrap_or("");
    }
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    &s[start..]
}

/// A short run of capitalised words without a sentence's punctuation (at most six words,
/// each capitalised, a numeral, a connector or a determiner): a name or a title. A word that
/// is neither capitalised nor a numeral is read only up to the length of the longest connector
/// or determiner (a quotation in a script without case or spaces is one long such word).
fn title_shape(s: &str, lx: &Lexicon) -> bool {
    if s.ends_with([',', '.', '!', '?', '…']) {
        return false;
    }
    let mut n = 0;
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        n += 1;
        if n > 6 {
            return false;
        }
        let end = if first.is_uppercase() || first.is_numeric() {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        } else {
            let mut end = rest.len();
            for (k, (i, c)) in rest.char_indices().enumerate() {
                if c.is_whitespace() {
                    end = i;
                    break;
                }
                if k >= lx.title_word_chars {
                    return false;
                }
            }
            let w = &rest[..end];
            if !with_lower(w, |l| lx.connector.contains(l) || lx.determiner.contains(l)) {
                return false;
            }
            end
        };
        rest = &rest[end..];
    }
    n > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_shape_is_a_short_run_of_capitalised_words() {
        // The reading of every word in full, for comparison.
        fn reference(s: &str, lx: &Lexicon) -> bool {
            if s.ends_with([',', '.', '!', '?', '…']) {
                return false;
            }
            let mut n = 0;
            for w in s.split_whitespace() {
                n += 1;
                if n > 6 {
                    return false;
                }
                let first = w.chars().next().unwrap_or(' ');
                let lower = |l: &str| lx.connector.contains(l) || lx.determiner.contains(l);
                if !(first.is_uppercase() || first.is_numeric() || with_lower(w, lower)) {
                    return false;
                }
            }
            n > 0
        }
        let long = "panjang".repeat(20);
        // (language, quotation's content, a title's shape)
        let cases = [
            (crate::Language::Indonesian, "Sang Pemimpi", true),
            (
                crate::Language::Indonesian,
                "Laskar Pelangi dan Bumi Manusia",
                true,
            ),
            (crate::Language::Indonesian, " Rumah  Kaca ", true),
            (crate::Language::Indonesian, "Kami akan datang", false),
            (
                crate::Language::Indonesian,
                "Satu Dua Tiga Empat Lima Enam Tujuh",
                false,
            ),
            (crate::Language::Indonesian, "Sang Pemimpi.", false),
            (crate::Language::Indonesian, "", false),
            (crate::Language::Indonesian, "   ", false),
            (crate::Language::Indonesian, "2045 Emas", true),
            (crate::Language::Indonesian, long.as_str(), false),
            (crate::Language::English, "The Lord of the Rings", true),
            (crate::Language::English, "Lord of\tthe\u{a0}Rings", true),
            (crate::Language::English, "War and Peace", true),
            (crate::Language::English, "We will fight", false),
            (crate::Language::English, "OF Mice", true),
            (crate::Language::English, "\u{212a}ing", true),
            (crate::Language::English, "Война и мир", false),
            (crate::Language::English, "Война И Мир", true),
            (
                crate::Language::English,
                "我们将继续努力推进改革开放",
                false,
            ),
            (crate::Language::English, "中国 外交部", false),
            (crate::Language::English, "ofthe", false),
        ];
        for (lang, text, want) in cases {
            let lx = crate::quotes::lexicon::bundled(lang);
            assert_eq!(title_shape(text, &lx), want, "{text:?}");
            assert_eq!(reference(text, &lx), want, "reference {text:?}");
        }
        // Every connector and determiner, in any case, as the full reading has it.
        for lang in [crate::Language::Indonesian, crate::Language::English] {
            let lx = crate::quotes::lexicon::bundled(lang);
            assert!(lx.title_word_chars > 0);
            for w in lx.connector.iter().chain(lx.determiner.iter()) {
                for text in [
                    w.clone(),
                    w.to_uppercase(),
                    format!("Kota {w} Tua"),
                    format!("{w}x"),
                ] {
                    assert_eq!(title_shape(&text, &lx), reference(&text, &lx), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn last_word_is_the_run_of_letters_and_digits_at_the_end() {
        // (text, its last word)
        let cases = [
            ("kata Dr", "Dr"),
            ("Jl", "Jl"),
            ("x.Jr", "Jr"),
            ("a-b2", "b2"),
            ("", ""),
            ("Rp ", ""),
            ("kata Pdt.", ""),
            ("di café", "café"),
            ("Über", "Über"),
            ("“Ir", "Ir"),
            ("“Ïr", "Ïr"),
            ("a\u{301}b", "b"),
            ("сказал Ж", "Ж"),
            ("said J", "J"),
            ("сказал Президент", "Президент"),
            ("said Presidents", "Presidents"),
            ("表示中国外交部发言人", "表示中国外交部发言人"),
            ("x 中国", "中国"),
            ("сказал ЖИ", "ЖИ"),
            ("сказал ЖИВ", "ЖИВ"),
            ("said JI", "JI"),
            ("сказал жЖ", "жЖ"),
            ("kata Dr", "Dr"),
            ("kata Ñr", "Ñr"),
            ("kata Ñ»", ""),
            ("kata ñ", "ñ"),
            // Eight bytes and more, read back (a longer run of ASCII letters is cut short).
            ("x abcdefgh", "abcdefgh"),
            ("x abcdefghi", "abcdefghi"),
            ("abcdefghi", "abcdefghi"),
            ("abcdefgh", "abcdefgh"),
            ("ñabcdefgh", "ñabcdefgh"),
            ("ñabcdefg", "ñabcdefg"),
            ("éabcdef", "éabcdef"),
            ("x.Mengatakan", "Mengatakan"),
        ];
        for (text, want) in cases {
            assert_eq!(last_word(text), want, "{text:?}");
            // (Read back at most eight bytes: a longer word is no abbreviation.)
            let short = (want.len() <= ABBREV_MAX).then_some(want);
            assert_eq!(short_last_word(text), short, "{text:?}");
            let lx = crate::quotes::lexicon::bundled(crate::Language::English);
            assert_eq!(abbrev_before(&lx, text), is_abbrev(&lx, want), "{text:?}");
        }
    }

    #[test]
    fn clause_start_from_below_is_the_clause_start_from_the_lower_bound() {
        // (text: for every end and every pair of starts, the clause start found from the
        // higher start, reused or not, is the one found from the lower start)
        let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
        let cases = [
            "Presiden berkata. \"Kami siap,\" kata dia. Dia berkata",
            "Dia berkata: \"Kami siap.\" Juru bicara J. Ivanov berkata",
            "Kata Dr. Budi Santoso Sp.PD. di Jakarta. Menurut Prof. Ahmad, itu benar",
            "Ia pergi.\"\"\"\"\" Lalu \u{201c}Ya.\u{201d} Lalu kembali pulang dan berkata",
            "Он сказал: «Да.» Потом ушёл и сказал “нет.” И всё’ x",
            "Sebuahkatayangsangatpanjangsekali. Abcdefghijklmnop. X",
        ];
        for text in cases {
            let at: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &end in &at {
                for &lo in at.iter().take_while(|&&l| l <= end) {
                    let found = clause_start(text, &lx, lo, end);
                    for &lo2 in at.iter().take_while(|&&l| l <= lo) {
                        assert_eq!(
                            clause_start_from_below(text, &lx, lo, found, lo2, end),
                            clause_start(text, &lx, lo2, end),
                            "{text:?} {lo2}/{lo}..{end}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn clause_starts_in_other_scripts_are_those_read_byte_by_byte() {
        // (text: the clause start before its end, by blocks of eight bytes and byte by byte;
        // texts in other scripts and their ASCII twins)
        let lx = crate::quotes::lexicon::bundled(crate::Language::Indonesian);
        let cases = [
            "Президент заявил. «Мы готовы», — сказал он. Он сказал",
            "Presiden berkata. \"Kami siap,\" kata dia. Dia berkata",
            "他说：“我们欢迎。” 中国外交部发言人表示 Ж. Иванов сказал",
            "Dia berkata: \"Kami siap.\" Juru bicara J. Ivanov berkata",
            "Он сказал: «Да.» Потом ушёл и сказал “нет.” И всё’ x",
            "л л л л л л л л л л. ллллллллл",
        ];
        let slow = |text: &str, lo: usize, end: usize| -> usize {
            let b = text.as_bytes();
            let mut i = end;
            while i > lo + 1 {
                i -= 1;
                if !b[i].is_ascii_whitespace() {
                    continue;
                }
                if matches!(b[i - 1], b'"' | b'\'')
                    || (b[i - 1] >= 0x80 && text[lo..i].ends_with(['”', '’', '»']))
                {
                    let inner = text[lo..i].trim_end_matches(['"', '\'', '”', '’', '»']);
                    if inner.len() + 4 >= i - lo && inner.ends_with(['.', '!', '?']) {
                        return i + 1;
                    }
                }
                if matches!(b[i - 1], b'.' | b'!' | b'?') {
                    let word = last_word(&text[lo..i - 1]);
                    if !(b[i - 1] == b'.' && is_abbrev(&lx, word)) {
                        return i + 1;
                    }
                }
            }
            lo
        };
        for text in cases {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                for lo in (0..=end).filter(|&l| text.is_char_boundary(l)) {
                    assert_eq!(
                        clause_start(text, &lx, lo, end),
                        slow(text, lo, end),
                        "{text:?} {lo}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn skip_to_stop_finds_the_first_sentence_end_mark() {
        for (name, text, want) in [
            ("none", "abcdefghijklmnopq", 16),
            ("period", "abcdefghij.klmnopqrstu", 10),
            ("question", "abcdefgh?ijklmnopqrst", 8),
            ("bang first", "!abcdefghijk", 0),
            ("two in a block", "abc.def!ghijk", 3),
            ("non-ascii", "abcdefg“hijklmno.pqrstuvwxyz", 18),
            ("short", "abc", 0),
        ] {
            assert_eq!(skip_to_stop(text.as_bytes(), 0, text.len()), want, "{name}");
        }
    }

    #[test]
    fn ends_clause_block_sees_marks_and_closing_marks() {
        for (name, text, want) in [
            ("plain", "abcdefgh", false),
            ("period", "abc.defg", true),
            ("question", "abcdefg?", true),
            ("bang", "!abcdefg", true),
            ("double", "abc\"defg", true),
            ("single", "abcd'efg", true),
            ("closing double", "ab”defg", true),
            ("closing single", "ab’defg", true),
            ("guillemet", "ab»defgh", true),
            ("cyrillic", "абвг", false),
            ("its ascii twin", "abvgabvg", false),
            ("chinese", "中国人", false),
            ("cyrillic el", "аблг", true),
            ("comma", "abc, def", false),
            ("past the end", "abc", true),
        ] {
            assert_eq!(ends_clause_block(text.as_bytes(), 0), want, "{name}");
        }
    }

    #[test]
    fn ends_clause_pair_block_sees_a_mark_before_white_space() {
        // (name, text, a pair in its first nine bytes: a byte a clause ends after, then
        // white space)
        for (name, text, want) in [
            ("plain", "abcdefghi", false),
            ("period and space", "abc. defg", true),
            ("period at the block's end", "abcdefg. ", true),
            ("period past the block", "abcdefgh. ", false),
            ("period with no space", "abc.defgh", false),
            ("space last", "abcdefgh ", false),
            ("question and newline", "ab?\ncdefg", true),
            ("quote and tab", "a\"\tbcdefg", true),
            ("closing double", "ab” defgh", true),
            ("closing guillemet", "ab» defgh", true),
            ("chinese", "中国人。他", false),
            ("chinese with a space", "中” 国他", true),
            ("past the end", "abc. d", true),
            ("nine bytes, no mark", "abcdefg h", false),
        ] {
            let b = text.as_bytes();
            assert_eq!(ends_clause_pair_block(b, 0), want, "{name}");
            // Never a false negative: every pair in the nine bytes is seen.
            let pair = (0..8).any(|k| {
                b.get(k + 1).is_some_and(u8::is_ascii_whitespace)
                    && matches!(b[k], b'.' | b'!' | b'?' | b'"' | b'\'' | 0x9D | 0x99 | 0xBB)
            });
            assert!(!pair || ends_clause_pair_block(b, 0), "{name}");
        }
    }
}
