//! The evaluation as a plain-text table, for people.

use std::fmt::Write;

use crate::run::{Evaluation, Share};

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |x| format!("{x:.3}"))
}

fn share(s: &Share) -> String {
    match s.share {
        Some(x) => format!("{:.1}% ({}/{})", x * 100.0, s.n, s.of),
        None => "–".to_owned(),
    }
}

/// Renders an evaluation: the per-category table, F1 per fold, skipped categories, the
/// errors when kept, text fidelity and timing.
pub fn render_text(e: &Evaluation) -> String {
    let mut out = String::new();
    // `write!` into a `String` cannot fail; the results are ignored for that reason.
    let scope = match e.fold {
        Some(f) => format!("fold {f} of {}", e.folds),
        None => format!("all {} folds", e.folds),
    };
    let _ = writeln!(
        out,
        "Evaluation of {}: {} of {} contracts ({scope})",
        e.file, e.contracts, e.contracts_in_file
    );
    let _ = writeln!(out, "Checks loaded: {}", e.checks_loaded.join(", "));
    let _ = writeln!(out);
    let w = e
        .categories
        .iter()
        .map(|c| c.category.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let cw = e
        .categories
        .iter()
        .map(|c| c.check.len())
        .max()
        .unwrap_or(5)
        .max(5);
    let _ = writeln!(
        out,
        "{:<w$}  {:<cw$}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:<22} \
         jurisdiction right",
        "category",
        "check",
        "n",
        "pos",
        "TP",
        "FP",
        "FN",
        "TN",
        "prec",
        "recall",
        "F1",
        "evidence in span",
    );
    for c in &e.categories {
        let _ = writeln!(
            out,
            "{:<w$}  {:<cw$}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:<22} {}",
            c.category,
            c.check,
            c.contracts,
            c.counts.labelled(),
            c.counts.tp,
            c.counts.fp,
            c.counts.fn_,
            c.counts.tn,
            num(c.precision),
            num(c.recall),
            num(c.f1),
            share(&c.evidence_in_span),
            c.jurisdiction_correct.as_ref().map_or(String::new(), share)
        );
    }
    if let Some(first) = e.categories.first() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "F1 per fold (contract i is in fold i % {}; sd = sample standard deviation)",
            e.folds
        );
        let mut head = format!("{:<w$}", "category");
        for f in &first.folds {
            let _ = write!(head, "  {:>6}", format!("fold {}", f.fold));
        }
        let _ = writeln!(out, "{head}  {:>6}  {:>6}", "mean", "sd");
        for c in &e.categories {
            let mut line = format!("{:<w$}", c.category);
            for f in &c.folds {
                let _ = write!(line, "  {:>6}", num(f.f1));
            }
            let _ = writeln!(line, "  {:>6}  {:>6}", num(c.f1_mean), num(c.f1_sd));
            out.push_str(&line);
        }
    }
    if let Some(h) = e.hold_out {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Held out: fold {h}, scored apart (its errors are not listed); development: the other folds"
        );
        let _ = writeln!(
            out,
            "{:<w$}  {:>6} {:>6} {:>6}  {:>17}  {:>8}",
            "category", "prec", "recall", "F1", "held-out TP/FP/FN", "F1",
        );
        for c in &e.categories {
            let Some(x) = &c.held_out else { continue };
            let _ = writeln!(
                out,
                "{:<w$}  {:>6} {:>6} {:>6}  {:>17}  {:>8}",
                c.category,
                num(x.development.precision()),
                num(x.development.recall()),
                num(x.development_f1),
                format!("{}/{}/{}", x.held_out.tp, x.held_out.fp, x.held_out.fn_),
                num(x.held_out_f1),
            );
        }
    }
    if !e.skipped.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Not scored:");
        for s in &e.skipped {
            let _ = writeln!(out, "  {} → {}: {}", s.category, s.check, s.reason);
        }
    }
    for c in &e.categories {
        let Some(errors) = &c.errors else { continue };
        let _ = writeln!(out);
        let _ = writeln!(out, "Errors: {} ({})", c.category, c.check);
        let groups = [
            ("FP ", &errors.false_positives),
            ("FN ", &errors.false_negatives),
            ("JUR", &errors.wrong_jurisdiction),
            ("OUT", &errors.quotes_outside),
        ];
        let mut any = false;
        for (tag, list) in groups {
            for x in list {
                any = true;
                let _ = writeln!(out, "  {tag} [fold {}] {}: {}", x.fold, x.id, x.text);
            }
        }
        if errors.held_out_unlisted > 0 {
            any = true;
            let n = errors.held_out_unlisted;
            let noun = if n == 1 { "error" } else { "errors" };
            let _ = writeln!(out, "  ({n} {noun} of the held-out fold not listed)");
        }
        if !any {
            let _ = writeln!(out, "  none");
        }
    }
    let _ = writeln!(out);
    let t = &e.text;
    let _ = writeln!(
        out,
        "Text: {} ingested texts identical to the labelled text, {} differ only by dropped \
         whitespace (offsets mapped back exactly), {} otherwise changed, {} unreadable.",
        t.identical, t.whitespace_only, t.changed, t.unreadable
    );
    for u in &e.unreadable {
        let _ = writeln!(out, "  unreadable {}: {}", u.id, u.error);
    }
    let tm = &e.timing;
    let _ = writeln!(
        out,
        "Time: ingest {:.1} ms ({:.3} ms/contract), all checks together {:.1} ms ({:.3} \
         ms/contract), checks/ingest {}; wall {:.1} ms.",
        tm.ingest_ms_total,
        tm.ingest_ms_per_contract,
        tm.checks_ms_total,
        tm.checks_ms_per_contract,
        tm.checks_to_ingest
            .map_or_else(|| "–".to_owned(), |r| format!("{r:.2}")),
        tm.wall_ms
    );
    if !tm.by_check.is_empty() {
        let parts: Vec<String> = tm
            .by_check
            .iter()
            .map(|c| format!("{} {:.3}", c.check, c.ms_per_contract))
            .collect();
        let _ = writeln!(
            out,
            "Per check (ms/contract): shared preparation {:.3}, {}.",
            tm.prepare_ms_per_contract,
            parts.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Counts;
    use crate::run::{
        CategoryResult, CheckTiming, Errors, Example, FoldResult, HeldOut, Skipped, TextFidelity,
        Timing,
    };

    #[test]
    fn the_table_shows_every_figure_and_listing() {
        let counts = Counts {
            tp: 3,
            fp: 1,
            fn_: 0,
            tn: 1,
        };
        let e = Evaluation {
            file: "x.jsonl".into(),
            contracts_in_file: 5,
            contracts: 5,
            folds: 2,
            fold: None,
            hold_out: Some(1),
            checks_loaded: vec!["governing-law".into()],
            categories: vec![CategoryResult {
                category: "Governing Law".into(),
                check: "governing-law".into(),
                rule: "clause found".into(),
                contracts: 5,
                counts,
                precision: counts.precision(),
                recall: counts.recall(),
                f1: counts.f1(),
                evidence_in_span: Share {
                    n: 2,
                    of: 4,
                    share: Some(0.5),
                },
                jurisdiction_correct: Some(Share {
                    n: 0,
                    of: 0,
                    share: None,
                }),
                check_errors: 0,
                folds: vec![
                    FoldResult {
                        fold: 0,
                        counts,
                        f1: Some(0.5),
                    },
                    FoldResult {
                        fold: 1,
                        counts,
                        f1: None,
                    },
                ],
                f1_mean: Some(0.5),
                f1_sd: None,
                held_out: Some(HeldOut {
                    fold: 1,
                    development: counts,
                    development_f1: counts.f1(),
                    held_out: counts,
                    held_out_f1: Some(0.25),
                }),
                errors: Some(Errors {
                    false_positives: vec![Example {
                        id: "c9".into(),
                        fold: 4,
                        text: "Ohio".into(),
                    }],
                    held_out_unlisted: 2,
                    ..Errors::default()
                }),
            }],
            skipped: vec![Skipped {
                category: "Non-Compete".into(),
                check: "non-compete".into(),
                reason: "check `non-compete` is not loaded".into(),
            }],
            text: TextFidelity::default(),
            unreadable: vec![],
            timing: Timing {
                by_check: vec![CheckTiming {
                    check: "governing-law".into(),
                    ms_total: 2.0,
                    ms_per_contract: 0.4,
                }],
                prepare_ms_per_contract: 0.1,
                ..Timing::default()
            },
        };
        let s = render_text(&e);
        assert!(s.contains("0.750  1.000  0.857  50.0% (2/4)"), "{s}");
        assert!(s.contains("fold 0  fold 1"), "{s}");
        assert!(s.contains("0.500       –   0.500       –"), "{s}");
        assert!(s.contains("Non-Compete → non-compete: check `non-compete` is not loaded"));
        assert!(s.contains("  FP  [fold 4] c9: Ohio"), "{s}");
        assert!(
            s.contains("(2 errors of the held-out fold not listed)"),
            "{s}"
        );
        assert!(s.contains("Held out: fold 1"), "{s}");
        assert!(s.contains("3/1/0"), "{s}");
        assert!(s.contains("0.250"), "{s}");
        assert!(
            s.contains("Per check (ms/contract): shared preparation 0.100, governing-law 0.400."),
            "{s}"
        );
    }
}
