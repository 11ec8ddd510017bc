use clauselint_model::BlockKind;

use super::*;

/// How the test blocks are located: as DOCX paragraphs or as layout lines (PDF, text).
#[derive(Clone, Copy)]
enum Mode {
    Paragraphs,
    Lines,
}

/// Builds a document text from `(kind, rendered number, text)` blocks the way `assemble`
/// does, segments it, and returns (kind, number, heading, first line of the clause).
fn run(
    blocks: &[(BlockKind, Option<&str>, &str)],
    mode: Mode,
) -> Vec<(ClauseKind, Option<String>, Option<String>, String)> {
    let mut text = String::new();
    let mut out = Vec::new();
    for (i, (kind, number, t)) in blocks.iter().enumerate() {
        let start = text.len();
        if let Some(n) = number {
            text.push_str(n);
            text.push(' ');
        }
        text.push_str(t);
        let end = text.len();
        text.push('\n');
        let n = Some(i as u32 + 1);
        let location = match mode {
            Mode::Paragraphs => Location {
                paragraph: n,
                ..Location::default()
            },
            Mode::Lines => Location {
                line: n,
                ..Location::default()
            },
        };
        out.push(Block {
            kind: *kind,
            span: Span::new(start, end),
            location,
            number: number.map(str::to_owned),
            level: None,
        });
    }
    let clauses = segment(&text, &out);
    // Spans are disjoint, increasing and inside the text.
    for w in clauses.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{:?}", clauses);
    }
    assert!(clauses.iter().all(|c| c.span.slice(&text).is_some()));
    clauses
        .iter()
        .map(|c| {
            let first = c
                .span
                .slice(&text)
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
                .to_owned();
            (c.kind, c.number.clone(), c.heading.clone(), first)
        })
        .collect()
}

fn lines(ls: &[&str], mode: Mode) -> Vec<(ClauseKind, Option<String>, Option<String>, String)> {
    let blocks: Vec<(BlockKind, Option<&str>, &str)> = ls
        .iter()
        .map(|l| (BlockKind::Paragraph, None, *l))
        .collect();
    run(&blocks, mode)
}

/// (number, heading) of each clause.
fn heads(ls: &[&str], mode: Mode) -> Vec<(Option<String>, Option<String>)> {
    lines(ls, mode).into_iter().map(|c| (c.1, c.2)).collect()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn numbered_clauses_with_inline_headings() {
    let got = heads(
        &[
            "SERVICES AGREEMENT",
            "This Agreement is made between Acme Inc. and Beta LLC.",
            "1. Definitions",
            "1.1 \"Affiliate\" means any entity that controls a party.",
            "12. Governing Law. This Agreement is governed by the laws of New York.",
            "12.2 Venue. Courts in New York have jurisdiction.",
            "(a) the Southern District; and",
            "(iv) any appellate court.",
            "Section 13 Notices",
            "ARTICLE VII",
            "MISCELLANEOUS",
            "§ 8 Waiver",
        ],
        Mode::Paragraphs,
    );
    assert_eq!(
        got,
        vec![
            (None, None),
            (s("1"), s("Definitions")),
            (s("1.1"), None),
            (s("12"), s("Governing Law")),
            (s("12.2"), s("Venue")),
            (s("(a)"), None),
            (s("(iv)"), None),
            (s("13"), s("Notices")),
            (s("VII"), s("MISCELLANEOUS")),
            (s("8"), s("Waiver")),
        ]
    );
}

#[test]
fn rendered_numbers_and_heading_blocks_start_clauses() {
    let got = run(
        &[
            (BlockKind::Heading, None, "Master Agreement"),
            (BlockKind::Paragraph, None, "Between the parties below."),
            (
                BlockKind::Paragraph,
                Some("7."),
                "Term. The term is two years.",
            ),
            (
                BlockKind::Paragraph,
                Some("Section 2.03"),
                "Payment is due monthly.",
            ),
            (BlockKind::Paragraph, Some("Article I"), "General"),
            (BlockKind::Paragraph, Some("(a)"), "first"),
            (BlockKind::Heading, None, "Confidentiality"),
            (BlockKind::Paragraph, None, "Each party keeps secrets."),
        ],
        Mode::Paragraphs,
    );
    let got: Vec<(ClauseKind, Option<String>, Option<String>)> =
        got.into_iter().map(|c| (c.0, c.1, c.2)).collect();
    assert_eq!(
        got,
        vec![
            (ClauseKind::Preamble, None, None),
            (ClauseKind::Body, s("7"), s("Term")),
            (ClauseKind::Body, s("2.03"), None),
            (ClauseKind::Body, s("I"), s("General")),
            (ClauseKind::Body, s("(a)"), None),
            (ClauseKind::Body, None, s("Confidentiality")),
        ]
    );
}

#[test]
fn wrapped_pdf_lines_do_not_start_clauses() {
    let got = heads(
        &[
            "5. Payment. Licensee shall pay the fees within thirty (30) days of the invoice date",
            "2018. Late payments bear interest at the rate set out in",
            "10 days after notice, and as described in Section",
            "4.2 of the Master Agreement, the parties shall meet and the Licensee shall",
            "(a) of this Agreement apply. The amount of 3.5 million shall be paid",
            "3.5 million dollars to be paid in full",
            "Section 4.2 hereof governs this payment, including",
            "(ii) the Licensee shall also pay interest.",
            "6. Term. This Agreement lasts two years.",
        ],
        Mode::Lines,
    );
    assert_eq!(got, vec![(s("5"), s("Payment")), (s("6"), s("Term"))]);
}

#[test]
fn list_items_in_pdf_lines_after_a_sentence_end() {
    let got = heads(
        &[
            "8. Termination. Either party may terminate if:",
            "(a) the other party breaches; or",
            "(b) the other party becomes insolvent.",
        ],
        Mode::Lines,
    );
    assert_eq!(
        got,
        vec![
            (s("8"), s("Termination")),
            (s("(a)"), None),
            (s("(b)"), None)
        ]
    );
}

#[test]
fn list_items_after_page_numbers_and_numbered_headings() {
    // An unmarked page number between a sentence end and the next item, and a numbered
    // heading line before the first item, do not hide the item.
    let got = heads(
        &[
            "7. Delays. The Parties shall cooperate in good faith.",
            "(a) Anticipated Delays. Vendor shall give notice of any delay.",
            "15",
            "(b) Permitting Delays. Vendor shall pursue all Permits.",
            "3.31 Records and Audits",
            "(a) Vendor shall maintain complete and accurate records relating to the",
            "Work and the performance of this Agreement.",
        ],
        Mode::Lines,
    );
    assert_eq!(
        got,
        vec![
            (s("7"), s("Delays")),
            (s("(a)"), s("Anticipated Delays")),
            (s("(b)"), s("Permitting Delays")),
            (s("3.31"), s("Records and Audits")),
            (s("(a)"), None),
        ]
    );
    // A wrapped cross-reference still runs on across a page number.
    let got = heads(
        &[
            "5. Fees. The fees are set out in Section",
            "- 4 -",
            "4.2 of the Order Form.",
        ],
        Mode::Lines,
    );
    assert_eq!(got, vec![(s("5"), s("Fees"))]);
}

#[test]
fn table_of_contents_with_page_numbers_in_a_column_of_their_own() {
    // A PDF reader may give the page numbers after the entries: the TOC still ends only where
    // the body starts again with a number it listed.
    let got = heads(
        &[
            "INTELLECTUAL PROPERTY AGREEMENT",
            "TABLE OF CONTENTS",
            "ARTICLE I DEFINITIONS",
            "Section 1.1 Definitions",
            "Section 1.2 Interpretation",
            "1",
            "1",
            "4",
            "ARTICLE II OWNERSHIP 5",
            "Section 2.1 Ownership",
            "5",
            "This Agreement is made on June 26, 2015 between the parties named below, who agree:",
            "ARTICLE I",
            "DEFINITIONS",
            "Section 1.1 Definitions. Capitalised terms have these meanings:",
            "Section 1.2 Interpretation. In this Agreement:",
        ],
        Mode::Lines,
    );
    assert_eq!(
        got,
        vec![
            (None, None),
            (s("I"), s("DEFINITIONS")),
            (s("1.1"), s("Definitions")),
            (s("1.2"), s("Interpretation")),
        ]
    );
}

#[test]
fn tables_of_contents_are_skipped() {
    let got = heads(
        &[
            "LICENSE AGREEMENT",
            "TABLE OF CONTENTS",
            "1. Definitions ........................ 1",
            "2. License Grant ...................... 3",
            "ARTICLE III",
            "3. Fees ............................... 5",
            "1. Definitions",
            "The following terms apply.",
            "2. License Grant",
        ],
        Mode::Lines,
    );
    assert_eq!(
        got,
        vec![
            (None, None),
            (s("1"), s("Definitions")),
            (s("2"), s("License Grant"))
        ]
    );
    // Leader entries without a title are a TOC too.
    let got = heads(
        &[
            "Intro text here.",
            "1.\tDefinitions\t1",
            "2.\tLicense\t3",
            "3.\tFees\t5",
            "1. Definitions. Words mean things.",
        ],
        Mode::Paragraphs,
    );
    assert_eq!(got, vec![(None, None), (s("1"), s("Definitions"))]);
}

#[test]
fn recitals_preamble_and_signatures_get_their_kinds() {
    let got: Vec<(ClauseKind, Option<String>)> = lines(
        &[
            "SUPPLY AGREEMENT",
            "This Supply Agreement is entered into by Acme, Inc. and Beta Corp.",
            "WHEREAS, Acme makes widgets; and",
            "WHEREAS, Beta wants widgets;",
            "NOW, THEREFORE, the parties agree as follows:",
            "1. Supply. Acme shall supply widgets.",
            "IN WITNESS WHEREOF, the parties have signed this Agreement.",
            "ACME, INC.",
            "By: ____________",
            "Name: Jane Doe",
            "Title: CEO",
            "EXHIBIT A",
            "PRICE LIST",
        ],
        Mode::Paragraphs,
    )
    .into_iter()
    .map(|c| (c.0, c.1))
    .collect();
    assert_eq!(
        got,
        vec![
            (ClauseKind::Preamble, None),
            (ClauseKind::Recital, None),
            (ClauseKind::Recital, None),
            (ClauseKind::Body, s("1")),
            (ClauseKind::Signature, None),
            (ClauseKind::Body, s("EXHIBIT A")),
        ]
    );
}

#[test]
fn signature_lines_without_in_witness_start_a_signature_clause() {
    let got: Vec<ClauseKind> = lines(
        &[
            "1. Term. Two years.",
            "Agreed:",
            "By: /s/ John Smith",
            "Name: John Smith",
        ],
        Mode::Paragraphs,
    )
    .into_iter()
    .map(|c| c.0)
    .collect();
    assert_eq!(got, vec![ClauseKind::Body, ClauseKind::Signature]);
}

#[test]
fn all_caps_headings_but_not_all_caps_paragraph_lines() {
    let got = heads(
        &[
            "1. Warranty. The goods are warranted as set out below.",
            "LIMITATION OF LIABILITY",
            "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT,",
            "INCIDENTAL OR CONSEQUENTIAL DAMAGES ARISING OUT OF THIS",
            "AGREEMENT.",
            "GOVERNING LAW",
            "New York law applies.",
        ],
        Mode::Lines,
    );
    assert_eq!(
        got,
        vec![
            (s("1"), s("Warranty")),
            (None, s("LIMITATION OF LIABILITY")),
            (None, s("GOVERNING LAW")),
        ]
    );
}

#[test]
fn unstructured_text_is_one_clause_per_block() {
    let got = lines(
        &[
            "the parties agree to meet.",
            "they will share costs.",
            "nothing else applies.",
        ],
        Mode::Lines,
    );
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|c| c.0 == ClauseKind::Body && c.1.is_none()));
}

#[test]
fn numbers_parse_with_guards() {
    let n = |t: &str| parse_number(t).map(|n| n.value);
    assert_eq!(n("7. Term"), s("7"));
    assert_eq!(n("7.2.1 Scope"), s("7.2.1"));
    assert_eq!(n("SECTION 7"), s("7"));
    assert_eq!(n("Article VII"), s("VII"));
    assert_eq!(n("§7 Waiver"), s("7"));
    assert_eq!(n("PART 2 General"), s("2"));
    assert_eq!(n("PARTY DISCLAIMS ALL WARRANTIES"), None);
    assert_eq!(n("SECTIONS 2 AND 3 SURVIVE"), None);
    assert_eq!(n("ARTICLES OF INCORPORATION"), None);
    assert_eq!(n("(aa) item"), s("(aa)"));
    assert_eq!(n("(the) item"), None);
    assert_eq!(n("2018. Then"), None);
    assert_eq!(n("1234.5 units"), None);
    assert_eq!(n("10 days"), None);
    assert_eq!(n("12.5% of fees"), None);
    assert_eq!(n("e.g. this"), None);
}

#[test]
fn keyword_numbers_with_parenthesised_parts() {
    let n = |t: &str| parse_number(t).map(|n| n.value);
    assert_eq!(n("Section 2.3(a)(ii) Payment Terms"), s("2.3(a)(ii)"));
    assert_eq!(n("SECTION 2.3(a). Fees"), s("2.3(a)"));
    assert_eq!(n("Schedule 1.1(b)"), s("Schedule 1.1(b)"));
    assert_eq!(n("Section 5(A) Scope"), s("5(A)"));
    assert_eq!(n("Section 4(12) Notices"), s("4(12)"));
    // Not list labels: the line is no clause number at all, as before.
    assert_eq!(n("Section 2(the) rest"), None);
    assert_eq!(n("Section 2.3(a)of"), None);
}

#[test]
fn keyword_numbers_with_parenthesised_parts_start_clauses() {
    let got = heads(
        &[
            "Section 2.3(a)(ii) Payment Terms",
            "The fees are due monthly.",
            "Schedule 1.1(b)",
            "List of Products",
            "Product A",
        ],
        Mode::Paragraphs,
    );
    assert_eq!(
        got,
        vec![
            (s("2.3(a)(ii)"), s("Payment Terms")),
            (s("Schedule 1.1(b)"), s("List of Products")),
        ]
    );
    // In layout lines, a cross-reference carried over stays in its sentence.
    let got = heads(
        &[
            "1. Fees. The fees are set out in the schedule and are payable as stated in",
            "Section 2.3(a)(ii) of the Agreement, net of taxes.",
        ],
        Mode::Lines,
    );
    assert_eq!(got, vec![(s("1"), s("Fees"))]);
    let got = heads(
        &[
            "1. Style. Usage must meet the standards set forth in the first two sentences of this",
            "Section 12.4(c). If the Licensee wishes to use the materials, it must remedy",
            "the failure first.",
            "Section 12.5(a) Enforcement",
        ],
        Mode::Lines,
    );
    assert_eq!(
        got,
        vec![(s("1"), s("Style")), (s("12.5(a)"), s("Enforcement"))]
    );
}

#[test]
fn word_counts_match_split_whitespace() {
    let samples = [
        "",
        "   ",
        "one",
        " one two\tthree\nfour ",
        "a\u{A0}b \u{2003} c",
        "\u{3000}x\u{3000}",
        "“Quoted” words — and dashes",
        "\u{B}v\u{C}f\r\n",
    ];
    for t in samples {
        let count = t.split_whitespace().count();
        for cap in 0..6 {
            assert_eq!(word_count_capped(t, cap), count.min(cap), "{t:?} {cap}");
            assert_eq!(words_at_most(t, cap), count <= cap, "{t:?} {cap}");
        }
    }
}

#[test]
fn heading_cut_is_the_first_delimiter() {
    // The earliest of the delimiters, as a search for each would find it.
    let reference = |rest: &str| {
        [". ", ": ", " - ", " – ", " — ", ".\t", ":\t", "\t", "   "]
            .iter()
            .filter_map(|d| rest.find(d))
            .min()
    };
    let samples = [
        "Governing Law. This Agreement",
        "Term: five years",
        "Fees - payable monthly",
        "Fees – payable",
        "Fees — payable",
        "Fees.\tPayable",
        "Fees:\tPayable",
        "Fees\tPayable",
        "Fees   Payable",
        "Fees  - x",
        "No delimiter here",
        "U.S. Law. Text",
        "-",
        " - ",
        "a.",
    ];
    for t in samples {
        assert_eq!(heading_cut(t), reference(t), "{t:?}");
    }
    // A cut after more words than a heading has is no heading.
    let long = "one two three four five six seven eight nine ten eleven twelve. Text";
    assert_eq!(heading_cut(long), None);
    assert_eq!(inline_heading(long), None);
}

#[test]
fn upper_start_matches_upper_casing() {
    let reference = |t: &str, k: &str| {
        t.chars()
            .take(20)
            .collect::<String>()
            .to_uppercase()
            .starts_with(k)
    };
    let samples = [
        "In Witness Whereof, the parties",
        "IN WITNESS WHEREOF",
        "Whereas",
        "whereas the",
        "WHERE",
        "ſchedule",
        "Now, therefore",
        "straße",
        "",
        "Exhibit A",
    ];
    for t in samples {
        for k in [
            "IN WITNESS WHEREOF",
            "WHEREAS",
            "NOW, THEREFORE",
            "SCHEDULE",
            "EXHIBIT",
        ] {
            assert_eq!(UpperStart(t).is(k), reference(t, k), "{t:?} {k}");
        }
    }
}

#[test]
fn page_numbers() {
    for t in ["15", "- 3 -", "Page 2", "page 2 of 9", "iv", "— 12 —"] {
        assert!(is_page_number(t), "{t}");
    }
    for t in ["15 days", "Page two", "Section 4", "1.2"] {
        assert!(!is_page_number(t), "{t}");
    }
}

#[test]
fn a_running_header_inside_a_cut_sentence_starts_no_clause() {
    let got = heads(
        &[
            "7.06 Non-Solicitation. None of the parties shall knowingly market any",
            "SECTION 8 OBLIGATIONS OF ICC",
            "- 14 -",
            "products or services to an ICC Client.",
            "8.01 Adequate Resources. ICC shall devote resources.",
            "ACME CORPORATION",
            "The next paragraph.",
        ],
        Mode::Paragraphs,
    );
    assert_eq!(
        got,
        vec![
            (s("7.06"), s("Non-Solicitation")),
            (s("8.01"), s("Adequate Resources")),
            (None, s("ACME CORPORATION")),
        ]
    );
    // The same heading after a finished sentence, or before a capitalised body, is one.
    let got = heads(
        &[
            "7.06 Non-Solicitation. None of the parties shall market anything.",
            "SECTION 8 OBLIGATIONS OF ICC",
            "- 14 -",
            "8.01 Adequate Resources. ICC shall devote resources.",
        ],
        Mode::Paragraphs,
    );
    assert_eq!(
        got,
        vec![
            (s("7.06"), s("Non-Solicitation")),
            (s("8"), s("OBLIGATIONS OF ICC")),
            (s("8.01"), s("Adequate Resources")),
        ]
    );
}
