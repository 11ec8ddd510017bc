use clauselint_model::{ClauseKind, Span};

use crate::text::Normalized;

/// A contract as a check sees it: the extracted text and its clauses, borrowed from the host,
/// with the analysis the host lends (when it runs the check through the plugin boundary).
#[derive(Debug, Clone, Copy)]
pub struct Contract<'a> {
    text: &'a str,
    clauses: &'a [ClauseRef<'a>],
    lent: Option<&'a Analysis<'a>>,
}

/// What the host computes once per document and lends to every check: the text in matching
/// form and the sentences of its clauses. Checks reach it through the SDK's
/// `sentences::NormalizedSentences`, which computes the same thing when nothing is lent.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    normalized: Normalized<'a>,
    sentences: Vec<(usize, Span)>,
}

impl<'a> Analysis<'a> {
    /// The analysis of `contract`, computed here ([`Normalized::new`] and
    /// [`crate::sentences::contract_spans`]).
    pub fn of(contract: &Contract<'_>) -> Analysis<'static> {
        Analysis {
            normalized: Normalized::new(contract.text),
            sentences: crate::sentences::contract_spans(contract),
        }
    }

    /// An analysis from its parts. `None` when a sentence names a clause `contract` does not
    /// have or a span that does not slice its text on character boundaries.
    pub fn from_parts(
        contract: &Contract<'_>,
        normalized: Normalized<'a>,
        sentences: Vec<(usize, Span)>,
    ) -> Option<Analysis<'a>> {
        let valid = sentences.iter().all(|&(clause, span)| {
            clause < contract.clauses.len() && span.slice(contract.text).is_some()
        });
        valid.then_some(Analysis {
            normalized,
            sentences,
        })
    }

    /// The contract text in matching form.
    pub fn normalized(&self) -> &Normalized<'a> {
        &self.normalized
    }

    /// Each sentence as (index of its clause, span in the contract text), in document order.
    pub fn sentences(&self) -> &[(usize, Span)] {
        &self.sentences
    }
}

/// One clause of a [`Contract`].
#[derive(Debug, Clone, Copy)]
pub struct ClauseRef<'a> {
    text: &'a str,
    number: &'a str,
    heading: &'a str,
    span: Span,
    kind: ClauseKind,
}

impl<'a> Contract<'a> {
    /// A contract over `text` with the given clauses (used by the export glue and by tests).
    pub fn new(text: &'a str, clauses: &'a [ClauseRef<'a>]) -> Contract<'a> {
        Contract {
            text,
            clauses,
            lent: None,
        }
    }

    /// The same contract with the analysis the host lends. The analysis must be of this
    /// contract (see [`Analysis::from_parts`]).
    pub fn with_analysis(self, analysis: &'a Analysis<'a>) -> Contract<'a> {
        Contract {
            lent: Some(analysis),
            ..self
        }
    }

    /// The analysis the host lent, if any.
    pub fn lent(&self) -> Option<&'a Analysis<'a>> {
        self.lent
    }

    /// The clause at `index` (document order).
    pub fn clause(&self, index: usize) -> Option<&'a ClauseRef<'a>> {
        self.clauses.get(index)
    }

    /// The whole extracted text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The clauses in document order.
    pub fn clauses(&self) -> impl Iterator<Item = &'a ClauseRef<'a>> + use<'a> {
        self.clauses.iter()
    }

    /// The operative clauses: body clauses, not preamble, recitals or signature blocks.
    pub fn body(&self) -> impl Iterator<Item = &'a ClauseRef<'a>> + use<'a> {
        self.clauses.iter().filter(|c| c.kind == ClauseKind::Body)
    }

    /// The text of a span, or `""` when the span is not valid here.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or("")
    }
}

impl<'a> ClauseRef<'a> {
    /// Builds a clause view over `doc_text`; an invalid span yields an empty clause.
    pub fn new(
        doc_text: &'a str,
        span: Span,
        number: &'a str,
        heading: &'a str,
        kind: ClauseKind,
    ) -> ClauseRef<'a> {
        let (text, span) = match span.slice(doc_text) {
            Some(t) => (t, span),
            None => ("", Span::new(0, 0)),
        };
        ClauseRef {
            text,
            number,
            heading,
            span,
            kind,
        }
    }

    /// The clause text, number and heading included.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The clause number ("7.2"), if any.
    pub fn number(&self) -> Option<&'a str> {
        (!self.number.is_empty()).then_some(self.number)
    }

    /// The clause heading, if any.
    pub fn heading(&self) -> Option<&'a str> {
        (!self.heading.is_empty()).then_some(self.heading)
    }

    /// The clause's span in the contract text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The clause's role.
    pub fn kind(&self) -> ClauseKind {
        self.kind
    }

    /// Converts a byte range of [`ClauseRef::text`] into a span of the contract text. The range
    /// is clamped to the clause and widened to character boundaries, so any range a check
    /// computes gives a span that slices the text.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let text = self.text;
        let mut end = end.min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut start = start.min(end);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        Span::new(self.span.start + start, self.span.start + end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_of_widens_to_character_boundaries_and_clamps() {
        let doc = "Intro. Die Straße endet hier.";
        let start = doc.find("Die").unwrap();
        let clause = ClauseRef::new(doc, Span::new(start, doc.len()), "", "", ClauseKind::Body);
        let ss = clause.text().find('ß').unwrap();
        // A range cutting "ß" in half is widened to the whole character.
        let span = clause.span_of(ss + 1, ss + 1);
        assert_eq!(span.slice(doc), Some("ß"));
        let span = clause.span_of(0, ss + 1);
        assert_eq!(span.slice(doc), Some("Die Straß"));
        let span = clause.span_of(ss + 1, 999);
        assert_eq!(span.slice(doc), Some("ße endet hier."));
    }
}
