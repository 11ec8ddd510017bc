//! The sentences of a contract, with the clause each is in and its matching form, so evidence
//! quotes the sentence that matters rather than the whole clause.
//!
//! Splitting rules: see [`clauselint_plugin_api::sentences`] (re-exported here: [`split`],
//! [`split_str`], [`sentence_at`]). The host splits and normalises each document once and lends
//! both to every plugin; [`NormalizedSentences::of`] uses what is lent and computes the same
//! thing itself for a contract built in-process (fixtures, tests).
//!
//! ```
//! let text = "Acme Inc. shall pay. The U.S. courts decide.";
//! let s = clauselint_sdk::sentences::split(text);
//! assert_eq!(s.len(), 2);
//! assert_eq!(&text[s[1].start..s[1].end], "The U.S. courts decide.");
//! ```

pub use clauselint_plugin_api::sentences::{sentence_at, split, split_str};

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{Normalized, NormalizedSlice};
use crate::{ClauseRef, Contract, Span};

/// One sentence of a contract, with the clause it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct ContractSentence<'a> {
    /// The clause the sentence is in.
    pub clause: &'a ClauseRef<'a>,
    /// The sentence's span in the contract text (ready for [`crate::Report::quote`]).
    pub span: Span,
    /// The sentence text.
    pub text: &'a str,
}

/// Every sentence of every clause of `contract`, in document order, signature blocks skipped.
/// Checks that scan a whole contract for a kind of statement start here.
pub fn of_contract<'a>(contract: &Contract<'a>) -> Vec<ContractSentence<'a>> {
    match contract.lent() {
        Some(lent) => sentences_of(contract, lent.sentences()),
        None => sentences_of(
            contract,
            &clauselint_plugin_api::sentences::contract_spans(contract),
        ),
    }
}

fn sentences_of<'a>(contract: &Contract<'a>, spans: &[(usize, Span)]) -> Vec<ContractSentence<'a>> {
    spans
        .iter()
        .filter_map(|&(index, span)| {
            Some(ContractSentence {
                clause: contract.clause(index)?,
                span,
                text: contract.slice(span),
            })
        })
        .collect()
}

/// Every sentence of a contract (as [`of_contract`]) with its matching form, the contract text
/// normalised once. A check that runs many patterns over every sentence starts here rather than
/// calling [`Normalized::new`] per sentence: the slices are the same text, with offsets relative
/// to the sentence, and [`NormalizedSentences::normalized`] serves whole-contract searches
/// (defined terms, parties) without normalising the contract again.
///
/// ```
/// use clauselint_sdk::{Contract, sentences::NormalizedSentences, segment::simple_clauses};
/// let text = "1. Law. This Agreement is GOVERNED by “New York” law.";
/// let clauses = simple_clauses(text);
/// let sentences = NormalizedSentences::of(&Contract::new(text, &clauses));
/// let (s, norm) = sentences.iter().nth(1).unwrap();
/// assert_eq!(norm.as_str(), "this agreement is governed by \"new york\" law.");
/// let at = norm.as_str().find("governed").unwrap();
/// let span = norm.original_span(at, at + 8);
/// assert_eq!(&s.text[span.start..span.end], "GOVERNED");
/// ```
#[derive(Debug, Clone)]
pub struct NormalizedSentences<'a> {
    norm: Normalized<'a>,
    sentences: Vec<ContractSentence<'a>>,
}

impl<'a> NormalizedSentences<'a> {
    /// The sentences of `contract` and its text in matching form: what the host lent, or
    /// computed here when nothing was lent.
    pub fn of(contract: &Contract<'a>) -> NormalizedSentences<'a> {
        let norm = match contract.lent() {
            Some(lent) => lent.normalized().borrowed(),
            None => Normalized::new(contract.text()),
        };
        NormalizedSentences {
            norm,
            sentences: of_contract(contract),
        }
    }

    /// The whole contract text in matching form (offsets relative to the contract text).
    pub fn normalized(&self) -> &Normalized<'a> {
        &self.norm
    }

    /// The sentences, in document order.
    pub fn sentences(&self) -> &[ContractSentence<'a>] {
        &self.sentences
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether the contract has no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The matching form of one sentence, with offsets relative to the sentence text.
    pub fn normalized_of(&self, sentence: &ContractSentence<'_>) -> NormalizedSlice<'_> {
        self.norm.slice(sentence.span.start, sentence.span.end)
    }

    /// Each sentence with its matching form, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&ContractSentence<'a>, NormalizedSlice<'_>)> {
        self.sentences.iter().map(|s| (s, self.normalized_of(s)))
    }
}

/// Whether a sentence is a heading rather than a statement ("13. NON-SOLICITATION OF
/// EMPLOYEES.", "15.9 Non-Compete."): at most 12 words, every word of four letters or more
/// capitalised, and no obligation verb (`shall`, `will`, `may`, `must`, `agrees`,
/// `undertakes`). `norm` is the sentence's matching form.
///
/// ```
/// use clauselint_sdk::sentences::is_title;
/// assert!(is_title("15.9 Non-Solicitation of Employees.", "15.9 non-solicitation of employees."));
/// assert!(!is_title("Provider Shall Not Compete.", "provider shall not compete."));
/// assert!(!is_title("The Provider shall not compete.", "the provider shall not compete."));
/// ```
pub fn is_title(text: &str, norm: &str) -> bool {
    static OBLIGATION: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::constant(r"\b(?:shall|will|may|must|agrees?|undertakes?)\b")
    });
    let mut words = 0;
    for w in text.split_whitespace() {
        words += 1;
        if words > 12 {
            return false;
        }
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        let first = letters.next();
        if letters.count() >= 3 && !first.is_some_and(char::is_uppercase) {
            return false;
        }
    }
    words > 0 && !OBLIGATION.is_match(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_sentences_carry_document_spans() {
        let text = "Preamble here.\n1. Term. It runs. Ends.\n2. Law. Delaware.";
        let clauses = crate::segment::simple_clauses(text);
        let contract = Contract::new(text, &clauses);
        let all = of_contract(&contract);
        let quoted: Vec<&str> = all
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            quoted,
            [
                "Preamble here.",
                "1. Term.",
                "It runs.",
                "Ends.",
                "2. Law.",
                "Delaware."
            ]
        );
        assert!(
            all.iter()
                .all(|s| s.text == &text[s.span.start..s.span.end])
        );
        assert_eq!(all[2].clause.number(), Some("1"));
    }

    #[test]
    fn normalized_sentences_equal_normalising_each_sentence() {
        let text = "Preamble “here”.\n12. Governing Law\nThis  Agreement is\ngoverned by the LAWS of New York. Über\u{a0}alles — fine.\n(a) Item.\n";
        let clauses = crate::segment::simple_clauses(text);
        let contract = Contract::new(text, &clauses);
        let all = NormalizedSentences::of(&contract);
        assert_eq!(all.len(), of_contract(&contract).len());
        assert!(!all.is_empty());
        for (s, norm) in all.iter() {
            let alone = Normalized::new(s.text);
            assert_eq!(norm.as_str(), alone.as_str());
            for i in 0..=alone.as_str().len() {
                assert_eq!(norm.original_offset(i), alone.original_offset(i));
            }
        }
        assert_eq!(all.normalized().as_str(), Normalized::new(text).as_str());
        assert_eq!(all.sentences()[0].text, "Preamble “here”.");
    }
}
