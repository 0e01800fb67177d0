//! Paragraphs and sentences.

use crate::document::{Document, Paragraph, Sentence};
use crate::Span;

/// Splits text into paragraphs and sentences.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// The segmenter with the bundled language data.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    pub(crate) fn run(&self, doc: &mut Document) {
        let text = doc.text.as_str();
        let paragraphs = paragraph_spans(text);
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut pos = 0;
        let mut out_pars = Vec::with_capacity(paragraphs.len());
        for (pi, p) in paragraphs.iter().enumerate() {
            let first = sentences.len();
            let bytes = text.as_bytes();
            let mut start = p.start;
            let mut i = p.start;
            while i < p.end {
                let b = bytes[i];
                if (b == b'.' || b == b'!' || b == b'?')
                    && (i + 1 == p.end || bytes[i + 1].is_ascii_whitespace())
                {
                    push(text, &mut sentences, &mut pos, start, i + 1, pi);
                    start = i + 1;
                }
                i += 1;
            }
            if start < p.end && !text[start..p.end].trim().is_empty() {
                push(text, &mut sentences, &mut pos, start, p.end, pi);
            }
            out_pars.push(Paragraph {
                span: *p,
                first_sentence: first,
                end_sentence: sentences.len(),
            });
        }
        if let Some(last) = sentences.last_mut() {
            last.span.end = text.len();
        } else if !text.is_empty() {
            sentences.push(Sentence {
                span: Span::new(0, text.len()),
                trimmed: Span::new(0, 0),
                paragraph: 0,
            });
        }
        doc.paragraphs = out_pars;
        doc.sentences = sentences;
    }
}

fn push(
    text: &str,
    out: &mut Vec<Sentence>,
    pos: &mut usize,
    start: usize,
    end: usize,
    par: usize,
) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if let Some(prev) = out.last_mut() {
        prev.span.end = start;
    }
    out.push(Sentence {
        span: Span::new(*pos, end),
        trimmed: Span::new(start + lead, end - trail),
        paragraph: par,
    });
    *pos = end;
}

/// Paragraph spans: maximal runs of lines separated by blank lines, trimmed of white space.
pub(crate) fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(line_start + lead);
            }
            end = line_start + line.trim_end().len();
        }
        line_start += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
    out
}
