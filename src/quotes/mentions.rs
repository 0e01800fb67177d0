//! Who could speak: the names of the document, in text order, for resolving pronouns,
//! `-nya` cues and descriptions.
//!
//! Taken from the entity layer where it has found something, and completed by a fallback of
//! our own (capitalised name sequences, stripped of roles and affiliations), so that the miner
//! also works on names no gazetteer knows.

use super::lexicon::Lexicon;
use super::marks::RawQuote;
use super::words::{lower, tokenize, Tok};
use crate::document::Document;
use crate::{EntityKind, Span};
use std::collections::HashMap;

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
    /// The canonical name (the referent's, or the longest name seen for it).
    pub name: String,
    pub id: Option<String>,
    pub guess: Guess,
    pub referent: Option<usize>,
    /// Roles and affiliations, lower case, word by word ("presiden", "rusia").
    pub ctx: Vec<String>,
}

/// Most tokens looked at before a name for its roles.
const CTX_BEFORE: usize = 4;

/// The names of the document, in text order, never inside a quotation.
pub(crate) fn collect(doc: &Document, lx: &Lexicon, quotes: &[RawQuote]) -> Vec<Mention> {
    let text = doc.text.as_str();
    let inside = |pos: usize| -> bool {
        let k = quotes.partition_point(|q| q.content.end <= pos);
        k < quotes.len() && quotes[k].content.start <= pos
    };
    let mut out: Vec<Mention> = Vec::new();
    // 1. The entity layer.
    for e in &doc.entities {
        if inside(e.span.start) {
            continue;
        }
        let Some(r) = doc.referents.get(e.referent) else {
            continue;
        };
        let mut ctx = Vec::new();
        for s in r.roles.iter().chain(r.affiliations.iter()) {
            for w in s.split_whitespace() {
                ctx.push(w.to_lowercase());
            }
        }
        out.push(Mention {
            span: e.span,
            name: r.name.clone(),
            id: r.id.clone(),
            guess: Guess::from_kind(e.kind),
            referent: Some(e.referent),
            ctx,
        });
    }
    let from_entities = out.len();
    // 2. Our own: capitalised runs.
    let mut toks: Vec<Tok> = Vec::new();
    let mut own: Vec<Mention> = Vec::new();
    let mut buf = String::new();
    let mut by_word: HashMap<String, usize> = HashMap::new();
    for p in &doc.paragraphs {
        if p.span.end > text.len() {
            continue;
        }
        tokenize(text, p.span.start, p.span.end, &mut toks);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if !t.is_word() || !t.cap || inside(t.span.start) {
                i += 1;
                continue;
            }
            // Extend the run: capitalised words, connectors between them, initials ("J.").
            let mut j = i + 1;
            while j < toks.len() {
                let u = toks[j];
                if u.is_word() && u.cap && !inside(u.span.start) {
                    j += 1;
                } else if u.is_word()
                    && j + 1 < toks.len()
                    && toks[j + 1].cap
                    && toks[j + 1].is_word()
                    && lx.connector.contains(lower(&text[u.span], &mut buf))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            run_mention(text, lx, &toks, i, j, &mut buf, &mut by_word, &mut own);
            i = j;
        }
    }
    if from_entities == 0 {
        return own;
    }
    // Keep our own names where the entity layer found none.
    let ents = out.clone();
    for m in own {
        let k = ents.partition_point(|e| e.span.end <= m.span.start);
        let overlaps = k < ents.len() && ents[k].span.start < m.span.end;
        if !overlaps {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Interprets the capitalised run `toks[i..j]` and records it.
#[allow(clippy::too_many_arguments)]
fn run_mention(
    text: &str,
    lx: &Lexicon,
    toks: &[Tok],
    i: usize,
    j: usize,
    buf: &mut String,
    by_word: &mut HashMap<String, usize>,
    out: &mut Vec<Mention>,
) {
    // Roles, honorifics and words that are not names at the front.
    let mut a = i;
    let mut ctx: Vec<String> = Vec::new();
    let mut had_role = false;
    while a < j {
        let w = lower(&text[toks[a].span], buf);
        if lx.role.contains(w) || lx.honorific.contains(w) {
            had_role = true;
            ctx.push(w.to_string());
            a += 1;
        } else if lx.not_name.contains(w) || lx.pronouns.contains_key(w) || lx.cues.contains_key(w)
        {
            a += 1;
        } else {
            break;
        }
    }
    // Lower-case roles just before ("ajudan Kremlin Yuri Ushakov", "kata pelatih X").
    let lo = i.saturating_sub(CTX_BEFORE);
    let mut place_prep = false;
    for k in (lo..i).rev() {
        let t = toks[k];
        if !t.is_word() {
            break;
        }
        let w = lower(&text[t.span], buf);
        if lx.role.contains(w) || lx.unnamed.contains(w) {
            had_role = true;
            ctx.push(w.to_string());
        } else if k + 1 == i && matches!(w, "di" | "ke" | "dari" | "in" | "at" | "from" | "to") {
            place_prep = true;
            break;
        } else if !(lx.determiner.contains(w) || lx.honorific.contains(w)) {
            break;
        }
    }
    if a >= j {
        return;
    }
    // Affiliations between a role and a name ("Presiden Rusia Vladimir Putin").
    let mut b = a;
    if had_role {
        while b < j && lx.affiliation.contains(lower(&text[toks[b].span], buf)) {
            ctx.push(buf.clone());
            b += 1;
        }
        if b >= j {
            b = a; // all affiliation: the run is a place or an organisation
        }
    }
    let span = Span::new(toks[b].span.start, toks[j - 1].span.end);
    let mut org = false;
    let mut all_affil = true;
    for t in &toks[b..j] {
        let w = lower(&text[t.span], buf);
        org |= lx.org_word.contains(w);
        all_affil &= lx.affiliation.contains(w) || lx.connector.contains(w);
    }
    let words = j - b;
    let mut guess = if org {
        Guess::Org
    } else if all_affil || place_prep {
        Guess::Place
    } else if words >= 2 || had_role {
        Guess::Person
    } else {
        Guess::Unknown
    };
    let last = lower(&text[toks[j - 1].span], buf).to_string();
    let mut name = text[span].to_string();
    let mut name_ctx = ctx;
    if words == 1 {
        if let Some(&k) = by_word.get(&last) {
            let m = &out[k];
            name = m.name.clone();
            if guess == Guess::Unknown || guess == Guess::Place && m.guess == Guess::Person {
                guess = m.guess;
            }
            name_ctx.extend(m.ctx.iter().cloned());
        }
    } else if guess == Guess::Person {
        by_word.entry(last).or_insert(out.len());
        let first = lower(&text[toks[b].span], buf).to_string();
        by_word.entry(first).or_insert(out.len());
    } else if guess == Guess::Org {
        by_word.entry(last).or_insert(out.len());
    }
    out.push(Mention {
        span,
        name,
        id: None,
        guess,
        referent: None,
        ctx: name_ctx,
    });
}
