//! Which check, and which of its findings, answers each labelled category: one data table.

use clauselint_model::{Evidence, Finding, ParamValue, Verdict};

/// When a finding of the mapped check counts as "the check found this category".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Any finding that says the clause is there: `pass`, `warn` or `fail`, with a quote.
    Present,
    /// A present finding whose boolean parameter has this value.
    Flag(&'static str, bool),
    /// A present finding whose list parameter is non-empty.
    NonEmptyList(&'static str),
    /// A present finding satisfying any of these rules.
    Any(&'static [Rule]),
}

impl Rule {
    /// Whether a finding satisfies the rule. `missing` and `error` findings never do: the
    /// first says the clause is absent, the second that the check could not tell. Nor does a
    /// finding without evidence: a policy may grade an absent clause `fail` ("no governing-law
    /// clause"), and such a finding has nothing to quote, while a clause that is there always
    /// does.
    pub fn matches(&self, finding: &Finding) -> bool {
        matches!(
            finding.verdict,
            Verdict::Pass | Verdict::Warn | Verdict::Fail
        ) && !finding.evidence.is_empty()
            && self.params_match(finding)
    }

    fn params_match(&self, finding: &Finding) -> bool {
        match *self {
            Rule::Present => true,
            Rule::Flag(name, want) => {
                matches!(finding.params.get(name), Some(ParamValue::Bool(b)) if *b == want)
            }
            Rule::NonEmptyList(name) => {
                matches!(finding.params.get(name), Some(ParamValue::List(l)) if !l.is_empty())
            }
            Rule::Any(rules) => rules.iter().any(|r| r.params_match(finding)),
        }
    }

    /// A short human description, for reports.
    pub fn describe(&self) -> String {
        match *self {
            Rule::Present => "clause found".to_owned(),
            Rule::Flag(name, want) => format!("{name} = {want}"),
            Rule::NonEmptyList(name) => format!("{name} is non-empty"),
            Rule::Any(rules) => rules
                .iter()
                .map(Rule::describe)
                .collect::<Vec<_>>()
                .join(" or "),
        }
    }
}

/// One row of the mapping: a labelled category and how a check's findings answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryCheck {
    /// The label's category name, as in the CUAD file ("Governing Law").
    pub category: &'static str,
    /// The check id that answers it.
    pub check: &'static str,
    /// Which findings count as a positive answer.
    pub rule: Rule,
    /// The parameter holding a normalised jurisdiction code to compare with the jurisdiction
    /// the labelled span names, when the category is about one.
    pub jurisdiction_param: Option<&'static str>,
    /// Supporting-quote tags (`Evidence::about`) that are this category's clause: when a
    /// finding has quotes with one of them, those are scored; otherwise the quotes of the
    /// check's own clause (untagged) are.
    pub quotes_about: &'static [&'static str],
}

impl CategoryCheck {
    /// The quotes of a matching finding that stand for this category's clause.
    pub fn scored_quotes<'f>(&self, finding: &'f Finding) -> Vec<&'f Evidence> {
        let tagged: Vec<&Evidence> = finding
            .evidence
            .iter()
            .filter(|e| {
                e.about
                    .as_deref()
                    .is_some_and(|a| self.quotes_about.contains(&a))
            })
            .collect();
        if !tagged.is_empty() {
            return tagged;
        }
        finding
            .evidence
            .iter()
            .filter(|e| e.about.is_none())
            .collect()
    }
}

const fn row(category: &'static str, check: &'static str, rule: Rule) -> CategoryCheck {
    CategoryCheck {
        category,
        check,
        rule,
        jurisdiction_param: None,
        quotes_about: &[],
    }
}

/// The mapping of labelled categories to checks.
///
/// CUAD categories without a row have no check that answers the same question: Post-Termination
/// Services (CUAD's category covers every post-termination duty — wind-down sales, transition
/// help, continued support — while `termination` only extracts transition assistance as one
/// detail), Audit Rights, Exclusivity and Competitive Restriction Exception (broader than the
/// provider-side non-compete the playbook's `non-compete` looks for), Joint Ip Ownership, Warranty
/// Duration (not the accuracy guarantee of `performance-warranty`) and the rest. "Data Deletion"
/// and "GenAI Output Ownership" are not CUAD categories: they label the project's own set
/// (`corpus/labelled/playbook.jsonl`).
pub const TABLE: &[CategoryCheck] = &[
    CategoryCheck {
        category: "Governing Law",
        check: "governing-law",
        rule: Rule::Present,
        jurisdiction_param: Some("jurisdiction"),
        quotes_about: &[],
    },
    row("Non-Compete", "non-compete", Rule::Present),
    row(
        "Cap On Liability",
        "liability-cap",
        Rule::Flag("capped", true),
    ),
    CategoryCheck {
        category: "Uncapped Liability",
        check: "liability-cap",
        rule: Rule::Any(&[
            Rule::Flag("capped", false),
            Rule::NonEmptyList("uncapped_carve_outs"),
        ]),
        jurisdiction_param: None,
        quotes_about: &["uncapped-carve-out", "unlimited-liability"],
    },
    row(
        "Ip Ownership Assignment",
        "ip-ownership",
        Rule::Flag("assignment", true),
    ),
    row(
        "Termination For Convenience",
        "termination",
        Rule::Flag("for_convenience", true),
    ),
    row(
        "No-Solicit Of Employees",
        "non-solicitation",
        Rule::Flag("employees", true),
    ),
    row(
        "No-Solicit Of Customers",
        "non-solicitation",
        Rule::Flag("customers", true),
    ),
    row("Data Deletion", "data-deletion", Rule::Present),
    row("GenAI Output Ownership", "genai-output", Rule::Present),
];

#[cfg(test)]
mod tests {
    use super::*;
    use clauselint_model::{Location, Params, Span};

    fn finding(verdict: Verdict, params: &[(&str, ParamValue)]) -> Finding {
        let mut p = Params::new();
        for (k, v) in params {
            p.insert((*k).to_owned(), v.clone());
        }
        Finding {
            check: "x".into(),
            verdict,
            message: String::new(),
            evidence: vec![Evidence {
                quote: "q".into(),
                clause: None,
                span: Span::new(0, 1),
                start: 0,
                end: 1,
                location: Location::default(),
                about: None,
            }],
            params: p,
        }
    }

    fn rule(category: &str) -> Rule {
        TABLE
            .iter()
            .find(|r| r.category == category)
            .map(|r| r.rule)
            .unwrap()
    }

    #[test]
    fn present_means_a_quoted_pass_warn_or_fail_never_missing_or_error() {
        for (v, want) in [
            (Verdict::Pass, true),
            (Verdict::Warn, true),
            (Verdict::Fail, true),
            (Verdict::Missing, false),
            (Verdict::Error, false),
        ] {
            assert_eq!(Rule::Present.matches(&finding(v, &[])), want, "{v}");
        }
        // An absent clause graded `fail` by policy has no quote: not a hit.
        let mut absent = finding(Verdict::Fail, &[("capped", false.into())]);
        absent.evidence.clear();
        assert!(!Rule::Present.matches(&absent));
        assert!(!rule("Uncapped Liability").matches(&absent));
    }

    #[test]
    fn liability_rows_split_capped_and_uncapped() {
        let capped = finding(Verdict::Pass, &[("capped", true.into())]);
        let uncapped = finding(Verdict::Fail, &[("capped", false.into())]);
        let carve = finding(
            Verdict::Pass,
            &[
                ("capped", true.into()),
                ("uncapped_carve_outs", vec!["indemnity"].into()),
            ],
        );
        let no_carve = finding(
            Verdict::Pass,
            &[
                ("capped", true.into()),
                ("uncapped_carve_outs", ParamValue::List(vec![])),
            ],
        );
        let (cap, unc) = (rule("Cap On Liability"), rule("Uncapped Liability"));
        assert!(cap.matches(&capped) && !unc.matches(&capped));
        assert!(!cap.matches(&uncapped) && unc.matches(&uncapped));
        assert!(cap.matches(&carve) && unc.matches(&carve));
        assert!(!unc.matches(&no_carve));
        // A missing finding never counts, whatever its parameters say.
        assert!(!unc.matches(&finding(Verdict::Missing, &[("capped", false.into())])));
        // A flag of the wrong type is not a match.
        assert!(!cap.matches(&finding(Verdict::Pass, &[("capped", "yes".into())])));
    }

    #[test]
    fn every_category_appears_once_and_the_descriptions_read() {
        for (i, r) in TABLE.iter().enumerate() {
            assert!(
                TABLE[..i].iter().all(|o| o.category != r.category),
                "{} twice",
                r.category
            );
        }
        assert_eq!(
            rule("Uncapped Liability").describe(),
            "capped = false or uncapped_carve_outs is non-empty"
        );
    }

    #[test]
    fn supporting_quotes_are_scored_only_where_the_category_is_about_them() {
        let quote = |q: &str, about: Option<&str>| Evidence {
            quote: q.into(),
            clause: None,
            span: Span::new(0, 1),
            start: 0,
            end: 1,
            location: Location::default(),
            about: about.map(str::to_owned),
        };
        let mut f = finding(Verdict::Warn, &[]);
        f.evidence = vec![
            quote("cap", None),
            quote("carve-out", Some("uncapped-carve-out")),
            quote("exclusion", Some("consequential-exclusion")),
        ];
        let row = |c: &str| TABLE.iter().find(|r| r.category == c).unwrap();
        let texts = |c: &str, f: &Finding| -> Vec<String> {
            row(c)
                .scored_quotes(f)
                .iter()
                .map(|e| e.quote.clone())
                .collect()
        };
        assert_eq!(texts("Cap On Liability", &f), ["cap"]);
        assert_eq!(texts("Uncapped Liability", &f), ["carve-out"]);
        // Without a tagged quote, the clause's own quotes stand for the category.
        f.evidence.truncate(1);
        assert_eq!(texts("Uncapped Liability", &f), ["cap"]);
    }
}
