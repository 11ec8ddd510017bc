//! The `genai-output` check: who owns AI-generated output and model deliverables, whether the
//! provider warrants that output, and whether the client is bound by the upstream model
//! provider's terms.
//!
//! It applies only to contracts that mention generative AI (LLMs, "AI-generated", GPT, OpenAI,
//! fine-tuned models …); others get `missing` (not applicable). In those contracts it reads the
//! owner of outputs, prompts and fine-tuned weights (client / provider / shared), finds
//! warranties that outputs are copyrightable, original or non-infringing (and disclaimers of
//! them: "Provider makes no warranty that Outputs are copyrightable"), and looks for a clause
//! binding the client to the upstream model terms. A general non-infringement warranty about
//! "Deliverables" that says nothing of generated output does not count as warranting output.
//! The contract's definitions teach it its own names for generated output ("AI Materials",
//! content produced by an LLM "(the \"Creative Assets\")"), for upstream providers ("Model
//! Provider" means a third party that makes available a large language model) and for the
//! parties ("Publisher" is the client when the other party is the "Consultant").
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::defined::{defined_terms_in, terms_pattern};
use clauselint_sdk::parties::{Inference, MODALS, PAYS, PROVIDES, PartyRules, Side, acts_pattern};
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sections::Sections;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::text::Normalized;
use clauselint_sdk::verdicts::{GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[genai-output]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict when the provider warrants copyrightability, originality or non-infringement of
    /// generated output.
    pub warranty: String,
    /// Verdict when output ownership is not addressed.
    pub ownership_unaddressed: String,
    /// Verdict when no clause binds the client to the upstream model provider's terms.
    pub no_upstream_terms: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            warranty: "fail".to_owned(),
            ownership_unaddressed: "warn".to_owned(),
            no_upstream_terms: "warn".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct GenaiOutput {
    warranty: Verdict,
    ownership_unaddressed: Verdict,
    no_upstream_terms: Verdict,
}

static GENAI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgenerative\s+(?:ai|artificial\s+intelligence|models?|tools?)\b|\bgen\s?ai\b|\bllms?\b|\blarge\s+language\s+models?\b|\bchatgpt\b|\bgpt-?\d?\b|\bopenai\b|\banthropic\b|\bgoogle\s+gemini\b|\bgemini\s+(?:pro|ultra|flash|nano|models?|api)\b|\bclaude\s+(?:\d|models?|api|opus|sonnet|haiku|instant)\b|\bmidjourney\b|\bstable\s+diffusion\b|\bai[-\s]generated\b|\bgenerated\s+by\s+(?:an?\s+)?(?:ai|artificial\s+intelligence|models?|machine)\b|\bfoundation\s+models?\b|\bfine-?tun(?:e|ed|ing)\b|\bprompt\s+engineering\b|\bprompts\s+(?:to|for|submitted\s+to|entered\s+into)\s+(?:the\s+)?(?:ai|model|llm|chatbot|assistant)\b",
    )
});
/// Generated output, prompts and model deliverables.
static OUTPUT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\boutputs?\b|\bgenerated\s+(?:content|output|material|text|images?|code|works?)\b|\bai[-\s]generated\b|\bprompts\b|\bcompletions\b|\bfine-?tuned\s+(?:models?|weights)\b|\bmodel\s+weights\b|\btrained\s+models?\b|\bmodel\s+deliverables\b|\b(?:produced|generated|created|written|drafted|returned)\s+(?:by|with|using|through)\s+(?:the\s+|an?\s+|any\s+)?(?:\w+\s+){0,2}?(?:chatbots?|assistants?|models?|llms?|ai|agents?|generative)\b",
    )
});
static OWNERSHIP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:own|owns|owned|ownership|title|property\s+of|vest(?:s|ed)?|assigns?|assigned|belong(?:s)?|retains?)\b",
    )
});
static WARRANT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:warrants?|warranty|warranties|represents?|guarantees?|ensures?)\b"));
static QUALITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bcopyright(?:able|ability)\b|\boriginal(?:ity)?\b|\bnon-?infring\w*\b|\bnot\s+infringe\b|\bfree\s+(?:from|of)\s+(?:any\s+)?(?:third[-\s]party\s+)?(?:claims|infringement)\b|\bprotectable\b|\bregistrable\b|\b(?:eligible|capable|qualif(?:y|ies))\s+(?:of|for)\s+(?:copyright|intellectual\s+property)(?:\s+protection)?\b|\bprotected\s+by\s+copyright\b|\bsubject\s+to\s+copyright(?:\s+protection)?\b|\bregister\w*\b[^.;]{0,60}\bcopyright\s+office\b",
    )
});
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:makes?|gives?|provides?)\s+no\s+(?:\w+\s+){0,3}(?:warrant|representation|guarantee)\w*|\bdoes\s+not\s+(?:warrant|represent|guarantee)\b|\bdisclaims?\b|\bwithout\s+(?:any\s+)?warrant|\bno\s+(?:warranty|representation|guarantee)\b|\bnot\s+(?:be\s+)?(?:copyrightable|protectable|eligible)\b|\bmay\s+not\s+be\s+(?:copyrightable|protectable|eligible|original|unique)\b|\bas\s+is\b",
    )
});
/// An upstream model provider: named vendors, "third-party model providers", "the underlying
/// model".
const UPSTREAM_PROVIDER: &str = r"(?:openai|anthropic|google|microsoft|azure|aws|amazon|meta|cohere|mistral|hugging\s?face|third[-\s]party\s+(?:ai\s+|model\s+|llm\s+)?(?:providers?|models?|services?|platforms?|tools?|vendors?)|(?:model|ai|llm|foundation\s+model)\s+(?:providers?|vendors?)|underlying\s+(?:models?|providers?|services?|platforms?))";
/// The provider's rules: terms of service, usage policies, licence conditions.
const UPSTREAM_TERMS: &str = r"(?:terms|policies|policy|usage\s+guidelines|acceptable[-\s]use|conditions|licen[cs]e\s+terms)";
/// Upstream terms: a provider and its terms within one stretch of text, in either order
/// ("the terms of service and usage policies of each Model Provider", "OpenAI's usage
/// policies", "subject to the terms of that third-party provider").
static UPSTREAM: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{UPSTREAM_PROVIDER}\b.{{0,200}}?\b{UPSTREAM_TERMS}\b|\b{UPSTREAM_TERMS}\b.{{0,120}}?\b{UPSTREAM_PROVIDER}\b"
    ))
});
static UPSTREAM_TERMS_RE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{UPSTREAM_TERMS}\b")));
static BINDS_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:client|customer|company|licensee)\b.{0,80}?\b(?:shall|will|agrees?\s+to|must)\s+(?:\w+\s+){0,2}(?:comply|abide|adhere|be\s+bound)\b|\bsubject\s+to\b|\bbound\s+by\b|\backnowledges?\b|\bgoverned\s+by\b|\bincorporated\b",
    )
});
static CLIENT: &str = r"(?:client|customer|company|licensee|buyer|purchaser)";
static PROVIDER: &str = r"(?:provider|agency|consultant|contractor|vendor|developer|supplier|service\s+provider|studio|freelancer|licensor)";
static OWNER_CLIENT: LazyLock<Regex> = LazyLock::new(|| owner_pattern(CLIENT));
static OWNER_PROVIDER: LazyLock<Regex> = LazyLock::new(|| owner_pattern(PROVIDER));
static SHARED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bjointly\s+own(?:ed)?\b|\bjoint\s+ownership\b|\bco-?own(?:ed|ership)?\b|\bshared\s+ownership\b|\bowned\s+jointly\b",
    )
});

/// "Client shall own", "property of Client", "assigns to Client", "vest in Client",
/// "owned by Client", "Client retains".
fn owner_pattern(party: &str) -> Regex {
    re(&owner_source(party))
}

/// The source of [`owner_pattern`] for a party alternation.
fn owner_source(party: &str) -> String {
    format!(
        r"\b{party}\s+(?:shall|will|does|is\s+to)?\s*(?:solely\s+|exclusively\s+|own\s+and\s+)?(?:own|owns|retain|retains|hold|holds)\b|\b(?:property|ownership)\s+of\s+(?:the\s+)?{party}\b|\bassign\w*\b[^.;]{{0,100}}?\bto\s+(?:the\s+)?{party}\b|\bvest(?:s|ed)?\b[^.;]{{0,60}}?\bin\s+(?:the\s+)?{party}\b|\bowned\s+(?:solely\s+|exclusively\s+)?by\s+(?:the\s+)?{party}\b|\bbelongs?\s+(?:solely\s+|exclusively\s+)?to\s+(?:the\s+)?{party}\b|\b{party}['’]s\s+(?:sole\s+and\s+exclusive\s+|exclusive\s+)?property\b"
    )
}

/// Defined terms that name the provider's tools or deliverables rather than generated output.
static NOT_OUTPUT_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:deliverables?|work\s+product|services?|software|documentation|agreement|sow|specifications?|fees|tools?|models?|platforms?|systems?|solutions?|providers?|prompts?|inputs?|data)$",
    )
});
/// A defined term's name that says it is generated output ("AI Materials", "Generated Output").
static OUTPUT_NAME: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:ai|genai|generated|outputs?|synthetic|completions?)\b"));
/// A definition that describes generation ("content produced by large language models").
static GENERATES: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:generat\w*|produc\w*|creat\w*|draft\w*|outputs?|writ\w*)\b"));
/// A definition naming a third party that supplies the model ("… operated by third parties
/// such as OpenAI", "a third party that makes available a large language model").
static THIRD_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bthird[-\s]part(?:y|ies)\b|\b(?:openai|anthropic|google|microsoft|cohere|mistral|meta)\b|\blicen[cs]ed\s+(?:or\s+\w+\s+)?from\b",
    )
});
static MODEL_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"\bmodels?\b|\bllms?\b"));
/// The parties: the role words above, short defined names whose definition is a legal entity
/// or a person ("Acme Inc., a Delaware corporation, with offices at …"), placed on the
/// provider's side if they "will deliver" or "shall perform" the work and on the client's if
/// they "shall pay"; with two parties, one of known role (a name or a defined role term such as
/// (the "Client")), the other has the other role.
static PARTIES: LazyLock<PartyRules> = LazyLock::new(|| {
    PartyRules::new(
        CLIENT,
        PROVIDER,
        r"\b(?:inc|llc|ltd|limited|corporation|corp|company|gmbh|ag|plc|incorporated|offices?|address|principal\s+place|an\s+individual|residing)\b",
        &acts_pattern(MODALS, r"(?:\w+\s+)?", &format!("{PROVIDES}|render"), PAYS),
    )
    .inference(Inference::FromNamesAndRoleTerms)
});

/// What the contract's own definitions add: its names for generated output ("AI Materials"),
/// for the upstream model or its provider ("Model Provider", "Foundation Model"), and for the
/// two parties ("Publisher" as the client when the other party is the "Consultant").
struct Learned {
    output: Option<Regex>,
    upstream: Option<Regex>,
    owner_client: Option<Regex>,
    owner_provider: Option<Regex>,
}

impl Learned {
    fn of(contract: &Normalized) -> Learned {
        let terms = defined_terms_in(contract);
        let output = terms_pattern(
            terms
                .iter()
                .filter(|t| {
                    !NOT_OUTPUT_TERM.is_match(&t.term)
                        && (OUTPUT_NAME.is_match(&t.term)
                            || (GENAI.is_match(&t.definition) && GENERATES.is_match(&t.definition)))
                })
                .map(|t| t.term.as_str()),
        );
        let upstream = terms_pattern(
            terms
                .iter()
                .filter(|t| {
                    THIRD_PARTY.is_match(&t.definition)
                        && (GENAI.is_match(&t.definition) || MODEL_WORD.is_match(&t.definition))
                        && !OUTPUT_NAME.is_match(&t.term)
                })
                .map(|t| t.term.as_str()),
        );
        // Parties the contract names: their names extend the generic owner patterns.
        let parties = PARTIES.parties(&terms, contract.as_str());
        let owner = |side: Side| -> Option<Regex> {
            let names: Vec<String> = parties.names_on(side).map(regex::escape).collect();
            if names.is_empty() {
                return None;
            }
            let alternation = format!("(?:{})", names.join("|"));
            clauselint_sdk::pattern::compile(&format!("(?is){}", owner_source(&alternation))).ok()
        };
        let owner_client = owner(Side::Client);
        let owner_provider = owner(Side::Provider);
        Learned {
            output,
            upstream,
            owner_client,
            owner_provider,
        }
    }
}

impl Check for GenaiOutput {
    const ID: &'static str = "genai-output";
    const NAME: &'static str = "Generative-AI output ownership and warranties";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "In contracts that mention generative AI, finds who owns outputs, prompts and fine-tuned models, whether the provider warrants that outputs are copyrightable or non-infringing, and whether the client is bound by the upstream model provider's terms.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "warranty",
            "Verdict when the provider warrants that generated output is copyrightable, original or non-infringing: pass, warn or fail.",
        ),
        (
            "ownership_unaddressed",
            "Verdict when the contract mentions generative AI but not who owns its output: pass, warn or fail.",
        ),
        (
            "no_upstream_terms",
            "Verdict when no clause binds the client to the upstream model provider's terms: pass, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(GenaiOutput {
            warranty: among("warranty", &policy.warranty, GRADES)?,
            ownership_unaddressed: among(
                "ownership_unaddressed",
                &policy.ownership_unaddressed,
                GRADES,
            )?,
            no_upstream_terms: among("no_upstream_terms", &policy.no_upstream_terms, GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let mut owners: Vec<(&'static str, Span)> = Vec::new();
        let mut warranty: Option<Span> = None;
        let mut disclaimer: Option<Span> = None;
        let mut upstream: Option<Span> = None;
        let sentences = NormalizedSentences::of(contract);
        // Everything below applies only to contracts that mention generative AI; most do not,
        // and they are answered before any per-contract pattern is learned.
        let Some(mention) = sentences
            .iter()
            .find(|(_, norm)| GENAI.is_match(norm.as_str()))
            .map(|(s, _)| s.span)
        else {
            return vec![
                Report::new(
                    Verdict::Missing,
                    "The contract does not mention generative AI; not applicable.",
                )
                .param("mentions_genai", false),
            ];
        };
        let learned = Learned::of(sentences.normalized());
        let sections = Sections::of(contract);
        let first = |fixed: &Regex, extra: &Option<Regex>, n: &str| -> Option<usize> {
            let a = fixed.find(n).map(|m| m.start());
            let b = extra.as_ref().and_then(|r| r.find(n)).map(|m| m.start());
            a.into_iter().chain(b).min()
        };
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            let about_output =
                OUTPUT.is_match(n) || learned.output.as_ref().is_some_and(|r| r.is_match(n));
            if about_output && OWNERSHIP.is_match(n) {
                let owner = if SHARED.is_match(n) {
                    Some("shared")
                } else {
                    match (
                        first(&OWNER_CLIENT, &learned.owner_client, n),
                        first(&OWNER_PROVIDER, &learned.owner_provider, n),
                    ) {
                        (Some(c), Some(p)) => Some(if c <= p { "client" } else { "provider" }),
                        (Some(_), None) => Some("client"),
                        (None, Some(_)) => Some("provider"),
                        (None, None) => None,
                    }
                };
                if let Some(o) = owner {
                    owners.push((o, s.span));
                }
            }
            if about_output && WARRANT.is_match(n) && QUALITY.is_match(n) {
                if DISCLAIMER.is_match(n) {
                    disclaimer.get_or_insert(s.span);
                } else {
                    warranty.get_or_insert(s.span);
                }
            } else if about_output && DISCLAIMER.is_match(n) && QUALITY.is_match(n) {
                disclaimer.get_or_insert(s.span);
            }
            // Under a heading such as "Third-Party Model Terms", "the providers' terms of use"
            // means the model providers' terms.
            let upstream_heading = sections.heading(s.clause).is_some_and(|h| {
                let h = h.to_lowercase();
                UPSTREAM.is_match(&h)
                    || (UPSTREAM_TERMS_RE.is_match(&h)
                        && learned.upstream.as_ref().is_some_and(|r| r.is_match(&h)))
            });
            let names_upstream = UPSTREAM.is_match(n)
                || (UPSTREAM_TERMS_RE.is_match(n)
                    && (upstream_heading
                        || learned.upstream.as_ref().is_some_and(|r| r.is_match(n))));
            if upstream.is_none() && names_upstream && BINDS_CLIENT.is_match(n) {
                upstream = Some(s.span);
            }
        }
        let output_owner = owners.first().map_or("unspecified", |(o, _)| *o);
        let mut verdict = Verdict::Pass;
        let mut reasons = Vec::new();
        if warranty.is_some() {
            verdict = verdict.max(self.warranty);
            reasons.push("the provider warrants that generated output is copyrightable, original or non-infringing");
        } else if disclaimer.is_some() {
            reasons.push(
                "the provider disclaims copyrightability/non-infringement of generated output",
            );
        }
        if output_owner == "unspecified" {
            verdict = verdict.max(self.ownership_unaddressed);
            reasons.push("ownership of generated output is not addressed");
        }
        if upstream.is_none() {
            verdict = verdict.max(self.no_upstream_terms);
            reasons.push("no clause binds the client to the upstream model provider's terms");
        }
        let message = if reasons.is_empty() {
            format!(
                "Generated output is owned by the {output_owner}; upstream model terms are passed through."
            )
        } else {
            let mut m = reasons.join("; ");
            if let Some(first) = m.get(..1) {
                m = first.to_uppercase() + &m[1..];
            }
            m + "."
        };
        let mut report = Report::new(verdict, message)
            .param("output_owner", output_owner)
            .param("warrants_output", warranty.is_some())
            .param("disclaims_output_warranty", disclaimer.is_some())
            .param("upstream_terms", upstream.is_some())
            .param("mentions_genai", true);
        for span in [
            warranty,
            owners.first().map(|(_, s)| *s),
            disclaimer,
            upstream,
        ]
        .into_iter()
        .flatten()
        {
            report = report.quote(span);
        }
        if report.finding().evidence.is_empty() {
            report = report.quote(mention);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(GenaiOutput);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = GenaiOutput::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn named_parties_extend_the_owner_patterns() {
        let text = "corvid ltd (\"corvid\") and thameside inc. (the \"client\") agree. corvid will \
                    promptly deliver the pilot.";
        let learned = Learned::of(&Normalized::new(text));
        let provider = learned.owner_provider.expect("corvid is the provider");
        assert!(provider.is_match("all outputs shall be owned by corvid"));
        assert!(learned.owner_client.is_none());
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<GenaiOutput>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &GENAI,
            &OUTPUT,
            &OWNERSHIP,
            &WARRANT,
            &QUALITY,
            &DISCLAIMER,
            &UPSTREAM,
            &BINDS_CLIENT,
            &OWNER_CLIENT,
            &OWNER_PROVIDER,
            &SHARED,
            &UPSTREAM_TERMS_RE,
            &NOT_OUTPUT_TERM,
            &OUTPUT_NAME,
            &GENERATES,
            &THIRD_PARTY,
            &MODEL_WORD,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert!(!PARTIES.acts().as_str().is_empty());
    }

    #[test]
    fn owners() {
        for (sentence, owner) in [
            (
                "Client shall own all Outputs generated by the LLM.",
                "client",
            ),
            (
                "All Outputs shall be the sole property of Client.",
                "client",
            ),
            (
                "Provider hereby assigns all right, title and interest in the Outputs to Client.",
                "client",
            ),
            (
                "Provider retains ownership of the fine-tuned model weights.",
                "provider",
            ),
            (
                "The parties shall jointly own the fine-tuned models.",
                "shared",
            ),
        ] {
            let r = run(&format!("Provider uses a large language model. {sentence}"));
            assert_eq!(
                param(&r, "output_owner"),
                Some(&ParamValue::Text(owner.into())),
                "{sentence}"
            );
        }
    }

    #[test]
    fn clauses_binding_the_client_to_upstream_terms() {
        for sentence in [
            "Client shall comply with the terms of use of the third-party model providers.",
            "Client's use of Outputs is subject to OpenAI's usage policies.",
            "Where the Services use a tool operated by a third party, Client agrees to comply with, and be bound by, the terms of service and usage policies of that third-party provider.",
            "Customer shall comply with the terms of service of each model provider used in the workflow.",
        ] {
            let r = run(&format!(
                "Provider uses a large language model. Client owns all Outputs. {sentence}"
            ));
            assert_eq!(
                param(&r, "upstream_terms"),
                Some(&ParamValue::Bool(true)),
                "{sentence}"
            );
            assert_eq!(r.verdict(), Verdict::Pass, "{sentence}");
        }
    }

    #[test]
    fn trained_model_weights_are_not_generative_ai() {
        let r = run("Provider shall deliver the trained model weights of the object detector.");
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn street_names_and_software_prompts_are_not_generative_ai() {
        let r = run(
            "Vertex, with principal offices at 1331 Gemini Suite 250, Houston. The system prompts users step by step; Claude Monet painted it.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn disclaimer_is_not_a_warranty() {
        let r = run(
            "Provider uses generative AI. Provider makes no warranty that Outputs are copyrightable or original.",
        );
        assert_eq!(param(&r, "warrants_output"), Some(&ParamValue::Bool(false)));
        assert_eq!(
            param(&r, "disclaims_output_warranty"),
            Some(&ParamValue::Bool(true))
        );
    }

    #[test]
    fn general_ip_warranty_is_not_an_output_warranty() {
        let r = run(
            "Provider uses generative AI. Provider warrants that the Deliverables do not infringe any third-party intellectual property rights.",
        );
        assert_eq!(param(&r, "warrants_output"), Some(&ParamValue::Bool(false)));
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = GenaiOutput::new(Policy {
            warranty: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("warranty = \"missing\""), "{err}");
    }
}
