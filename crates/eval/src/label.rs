//! What a labelled governing-law span names, normalised the way the checks normalise it.

use clauselint_sdk::jurisdiction::{JurisdictionMatch, find_adjectives, find_jurisdictions};

use crate::cuad::LabelSpan;

/// The jurisdictions the labelled spans name as governing law, as codes (`US-NY`), in text
/// order, without repeats; empty when they name none.
///
/// Each span gives the first jurisdiction it names ("English law" style adjectives count when
/// "law" follows), after dropping a country when one of its subdivisions is named too ("the
/// State of New York, United States" is `US-NY`): clauses name the governing law first and add
/// courts, federal law or exceptions after it. Only spans that speak of law count, unless none
/// does: CUAD splits a clause into pieces, and a piece naming only the courts' seat is not the
/// governing law. A contract may have more than one governing-law clause (an agreement and its
/// exhibit), so more than one code may come back; a check naming any of them is right.
pub fn label_jurisdictions(spans: &[LabelSpan]) -> Vec<&'static str> {
    let mut ordered: Vec<&LabelSpan> = spans.iter().collect();
    ordered.sort_by_key(|s| s.start);
    let speaks_of_law = |s: &&LabelSpan| s.text.to_lowercase().contains("law");
    if ordered.iter().any(speaks_of_law) {
        ordered.retain(speaks_of_law);
    }
    let mut codes: Vec<&'static str> = Vec::new();
    for span in ordered {
        if let Some(code) = span_jurisdiction(&span.text)
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    drop_parents(&codes)
}

/// The first jurisdiction one span names, its country dropped for a named subdivision.
fn span_jurisdiction(text: &str) -> Option<&'static str> {
    let mut found: Vec<JurisdictionMatch> = find_jurisdictions(text);
    found.extend(find_adjectives(text).into_iter().filter(|m| {
        text.get(m.span.end..)
            .is_some_and(|rest| rest.trim_start().to_ascii_lowercase().starts_with("law"))
    }));
    found.sort_by_key(|m| m.span.start);
    let named: Vec<&'static str> = found.iter().map(|m| m.jurisdiction.code).collect();
    drop_parents(&named).first().copied()
}

/// Removes country codes for which a subdivision ("US" when "US-NY" is there) is present.
fn drop_parents(codes: &[&'static str]) -> Vec<&'static str> {
    codes
        .iter()
        .copied()
        .filter(|&code| {
            code.contains('-')
                || !codes
                    .iter()
                    .any(|other| other.split('-').next() == Some(code) && other.contains('-'))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(texts: &[(&str, usize)]) -> Vec<&'static str> {
        let spans: Vec<LabelSpan> = texts
            .iter()
            .map(|(t, start)| LabelSpan {
                text: (*t).to_owned(),
                start: *start,
            })
            .collect();
        label_jurisdictions(&spans)
    }

    #[test]
    fn names_are_normalised_and_subdivisions_beat_their_country() {
        assert_eq!(
            j(&[(
                "This Agreement shall be governed by the laws of the State of New York, \
                 United States.",
                0
            )]),
            ["US-NY"]
        );
        assert_eq!(
            j(&[(
                "governed by the laws of the United States and the State of Texas",
                0
            )]),
            ["US-TX"]
        );
        assert_eq!(
            j(&[("construed in accordance with English law", 0)]),
            ["GB-ENG"]
        );
        assert_eq!(j(&[("the laws of Canada", 0)]), ["CA"]);
        assert_eq!(
            j(&[("the laws of Delaware; the courts of California shall", 0)]),
            ["US-DE"],
            "the first name in a span is its law"
        );
        assert!(j(&[("the laws of the jurisdiction where the Licensor resides", 0)]).is_empty());
        assert!(j(&[]).is_empty());
    }

    #[test]
    fn several_spans_give_every_governing_law_in_text_order() {
        assert_eq!(
            j(&[
                ("governed by the laws of the State of Delaware", 900),
                (
                    "governed by the internal laws of the State of Illinois",
                    100
                ),
            ]),
            ["US-IL", "US-DE"]
        );
        // A piece naming only the courts is not a governing law when another piece is.
        assert_eq!(
            j(&[
                ("governed by the laws of Ohio", 10),
                ("the state courts located in Cook County, Illinois", 50),
            ]),
            ["US-OH"]
        );
        assert_eq!(
            j(&[("exclusive jurisdiction of the courts of Singapore", 0)]),
            ["SG"],
            "with no span about law, the others count"
        );
        // Federal law next to a state's law is not a second answer.
        assert_eq!(
            j(&[
                ("the laws of the State of New York", 0),
                ("and applicable federal law", 80),
            ]),
            ["US-NY"]
        );
    }
}
