//! The `compute-costs` check: who pays for third-party cloud, GPU and API usage.
//!
//! Training and serving models runs up cloud bills that "can spiral into thousands of
//! dollars"; the contract "must explicitly state that the client is responsible for all
//! third-party computing costs. Never include these in your project fee." (001 §6). The check
//! reads sentences that name compute (cloud services and accounts, AWS / Azure / Google Cloud,
//! GPUs, compute or API usage, LLM / model-provider usage, hosting or infrastructure costs,
//! third-party costs) together with a cost word, and decides who bears them:
//!
//! - **the client**: "Client shall pay / reimburse / be responsible for", "at Client's
//!   expense", "billed directly to Client", "Client shall provide access to its own cloud
//!   account", "Provider shall not be responsible for cloud costs";
//! - **passed through**: "at cost", "without mark-up", "passed through to Client";
//! - **the provider**: "at Provider's expense", "included in the Fees", "Client shall not be
//!   charged for compute", "Provider shall bear all hosting costs";
//! - **a cap**: an amount with "not to exceed", "up to", "pre-approved" in the same sentence.
//!
//! Verdicts: the provider bears compute costs with neither client payment nor pass-through →
//! fail; the client pays or costs pass through → pass; compute, cloud or AI services are
//! mentioned but nobody is assigned their cost → warn; nothing about compute → `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::money::find_money;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[compute-costs]` policy table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict when the provider bears compute costs with no client payment or pass-through.
    pub provider_absorbs: String,
    /// Verdict when compute, cloud or AI services are mentioned but nobody is assigned their
    /// cost.
    pub unspecified: String,
    /// Verdict when the contract does not mention compute, cloud or API usage at all.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            provider_absorbs: "fail".to_owned(),
            unspecified: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct ComputeCosts {
    provider_absorbs: Verdict,
    unspecified: Verdict,
    missing: Verdict,
}

/// The client, by its usual role names.
const CLIENT: &str = r"(?:client|customer|buyer|purchaser)";
/// The provider, by its usual role names.
const PROVIDER: &str = r"(?:provider|service\s+provider|agency|consultant|contractor|vendor|supplier|developer|freelancer)";

/// Compute resources whose cost is at stake.
static COMPUTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bcloud\s+(?:computing|services?|infrastructure|platforms?|environments?|providers?|hosting|credits?|resources?|accounts?|storage|costs?|fees?|charges?|usage|bills?|subscriptions?)\b|\b(?:aws|amazon\s+web\s+services|microsoft\s+azure|azure|google\s+cloud(?:\s+platform)?)\b|\bgpus?\b|\btpus?\b|\bcompute\s+(?:costs?|resources?|time|capacity|credits?|charges?|fees?|usage|instances?|hours?)\b|\bcomputing\s+(?:costs?|resources?|power|capacity|charges?|fees?|time)\b|\bapi\s+(?:calls?|usage|fees?|costs?|charges?|credits?|keys?|requests?|tokens?|subscriptions?)\b|\b(?:openai|anthropic|hugging\s?face)\b|\blarge\s+language\s+models?\b|\bllms?\b|\b(?:llm|model|api|openai)\s+tokens?\b|\bthird[\s-]part(?:y|ies)\s+(?:ai|ml|models?|llms?|apis?|cloud|hosting|platforms?|infrastructure|computing|compute)\b|\b(?:cloud|server|compute|gpu|infrastructure)\s+(?:hosting\s+)?(?:costs?|fees?|charges?|expenses?)\b|\bthird[\s-]party\s+(?:computing|compute|cloud|gpu|api)\s+(?:costs|fees|charges|expenses|usage)\b",
    )
});
/// AI services, whose mention makes a silent contract worth a warning.
static AI_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bartificial\s+intelligence\b|\bmachine\s+learning\b|\bgenerative\s+ai\b|\b(?:ai|ml)\s+(?:models?|services?|systems?|solutions?)\b|\bneural\s+networks?\b|\bmodel\s+training\b|\btrain(?:ing)?\s+(?:the\s+)?models?\b|\bfine-?tun\w+",
    )
});
static COST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:costs?|fees?|charges?|expenses?|bills?|invoices?|invoiced|billed|pay|pays|paid|payment|reimburs\w+|bear|bears|borne|credits?|usage|price|pricing|account|accounts|subscriptions?)\b",
    )
});
static CLIENT_PAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{CLIENT}\s+(?:is|are|shall\s+be|will\s+be|remains?)\s+(?:solely\s+|fully\s+)?(?:responsible|liable)\s+for\b|\b{CLIENT}\s+(?:shall|will|must|agrees\s+to)\s+(?:\w+\s+){{0,3}}?(?:pay|bear|reimburse|be\s+(?:solely\s+|fully\s+)?(?:responsible|liable)\s+for|assume|cover|fund|procure|obtain|maintain|provide)\b|\b(?:at|for)\s+(?:the\s+)?{CLIENT}'?s?\s+(?:sole\s+|own\s+)?(?:cost|expense|charge|account)\b|\b(?:billed|charged|invoiced|re-?invoiced|passed\s+(?:on|through)|recharged)\s+(?:directly\s+)?to\s+(?:the\s+)?{CLIENT}\b|\b(?:reimbursed|paid|borne|payable|covered)\s+(?:directly\s+)?by\s+(?:the\s+)?{CLIENT}\b|\b{CLIENT}'?s?\s+(?:own\s+)?(?:cloud\s+|aws\s+|azure\s+|gcp\s+)?(?:accounts?|environments?|subscriptions?|tenancy|infrastructure)\b|\b{CLIENT}'?s?\s+(?:sole\s+)?responsibility\b"
    ))
});
static PROVIDER_ABSORBS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{PROVIDER}\s+(?:shall|will|must|agrees\s+to|is\s+(?:solely\s+)?responsible\s+for)\s+(?:\w+\s+){{0,3}}?(?:pay|bear|absorb|be\s+(?:solely\s+|fully\s+)?responsible\s+for|assume|cover|fund)\b|\bat\s+(?:the\s+)?{PROVIDER}'?s?\s+(?:sole\s+|own\s+)?(?:cost|expense)\b|\b(?:included|includes?|inclusive|covered)\s+(?:\w+\s+){{0,3}}?(?:in|of|by)\s+(?:the\s+)?(?:fees?|fixed\s+(?:fee|price)|price|project\s+fee|compensation|charges|subscription\s+fees?)\b|\b(?:fees?|fixed\s+(?:fee|price)|price|compensation)\s+(?:[\w,.$]+\s+){{0,4}}?(?:includes?|covers?|(?:is|are)\s+inclusive\s+of)\b|\bno\s+(?:additional|extra|separate)\s+(?:charge|cost|fee)\b|\b(?:borne|paid|absorbed)\s+by\s+(?:the\s+)?{PROVIDER}\b|\bwithout\s+(?:any\s+)?(?:additional\s+)?(?:charge|cost)\s+to\s+(?:the\s+)?{CLIENT}\b"
    ))
});
/// "Client shall not be responsible for …": the provider bears it.
static CLIENT_NOT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{CLIENT}\s+(?:shall|will)\s+not\s+(?:be\s+)?(?:responsible|liable|required\s+to\s+(?:pay|reimburse)|charged|obliged\s+to\s+(?:pay|reimburse))\b|\bno\s+(?:such\s+)?(?:costs?|fees?|charges?)\s+(?:shall|will)\s+be\s+(?:charged|billed|passed)\s+(?:on\s+)?to\s+(?:the\s+)?{CLIENT}\b"
    ))
});
/// "Provider shall not be responsible for …": the client bears it.
static PROVIDER_NOT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{PROVIDER}\s+(?:shall|will)\s+not\s+(?:be\s+)?(?:responsible|liable|required\s+to\s+(?:pay|bear))\b|\bnot\s+included\s+in\s+(?:the\s+)?(?:fees?|price|project\s+fee|compensation)\b|\bexclusive\s+of\b|\bin\s+addition\s+to\s+(?:the\s+)?(?:fees?|price|compensation)\b"
    ))
});
static PASS_THROUGH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bpass(?:ed)?[\s-]*(?:through|on)\b|\bat\s+(?:actual\s+)?cost\b|\bwithout\s+(?:any\s+)?mark-?\s?ups?\b|\bno\s+mark-?\s?ups?\b|\bactual\s+(?:costs?|charges|amounts?)\s+(?:incurred|charged)\b|\bcost[\s-]plus\b|\bplus\s+(?:a\s+)?(?:\w+\s+)?(?:percent|%|handling)",
    )
});
static CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnot\s+(?:to\s+)?exceed\b|\bup\s+to\b|\bcapped\b|\bcap\s+of\b|\bmaximum\b|\bbudget\b|\bpre-?approv\w+|\bprior\s+(?:written\s+)?(?:approval|consent)\b|\bin\s+excess\s+of\b",
    )
});
/// Named services, reported as found.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:aws|amazon\s+web\s+services|azure|google\s+cloud|openai|anthropic|hugging\s?face|gpus?|tpus?)\b",
    )
});

/// "GCP", which is Google Cloud only next to other cloud words (pharmaceutical contracts use
/// it for Good Clinical Practice).
static GCP: LazyLock<Regex> = LazyLock::new(|| re(r"\bgcp\b"));
static CLOUD_CONTEXT: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:aws|azure|cloud)\b"));

/// The canonical name of a named service.
fn service_name(m: &str) -> &'static str {
    let m = m.to_ascii_lowercase();
    if m == "aws" || m.starts_with("amazon") {
        "aws"
    } else if m.contains("azure") {
        "azure"
    } else if m.contains("google") || m == "gcp" {
        "gcp"
    } else if m == "openai" {
        "openai"
    } else if m == "anthropic" {
        "anthropic"
    } else if m.starts_with("hugging") {
        "huggingface"
    } else if m.starts_with("gpu") {
        "gpu"
    } else {
        "tpu"
    }
}

/// Who bears the cost a sentence speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Payer {
    Client,
    Provider,
}

/// Reads one normalised compute-cost sentence.
fn payer(n: &str) -> Option<Payer> {
    if PROVIDER_NOT.is_match(n) {
        return Some(Payer::Client);
    }
    if CLIENT_NOT.is_match(n) {
        return Some(Payer::Provider);
    }
    // "Provider shall pay the cloud invoices, which Client shall reimburse": the client bears
    // them in the end.
    if CLIENT_PAYS.is_match(n) {
        return Some(Payer::Client);
    }
    if PROVIDER_ABSORBS.is_match(n) {
        return Some(Payer::Provider);
    }
    None
}

/// Everything the check read from one contract.
#[derive(Debug, Default)]
struct Found {
    mention: Option<Span>,
    client: Option<Span>,
    provider: Option<Span>,
    pass_through: Option<Span>,
    cap: Option<(f64, &'static str, Span)>,
    services: Vec<&'static str>,
}

fn read(contract: &Contract<'_>) -> Found {
    let mut f = Found::default();
    let sentences = NormalizedSentences::of(contract);
    for (s, norm) in sentences.iter() {
        if matches!(s.clause.kind(), ClauseKind::Signature) {
            continue;
        }
        let n = norm.as_str();
        let compute = COMPUTE.is_match(n);
        if compute || AI_MENTION.is_match(n) {
            f.mention.get_or_insert(s.span);
        }
        let mut named: Vec<(usize, &'static str)> = NAMED
            .find_iter(n)
            .map(|m| (m.start(), service_name(m.as_str())))
            .collect();
        if CLOUD_CONTEXT.is_match(n) {
            named.extend(GCP.find_iter(n).map(|m| (m.start(), "gcp")));
        }
        named.sort_unstable();
        for (_, name) in named {
            if !f.services.contains(&name) {
                f.services.push(name);
            }
        }
        if !compute || !COST.is_match(n) || matches!(s.clause.kind(), ClauseKind::Recital) {
            continue;
        }
        let passes = PASS_THROUGH.is_match(n);
        match payer(n) {
            Some(Payer::Client) => {
                f.client.get_or_insert(s.span);
            }
            Some(Payer::Provider) => {
                f.provider.get_or_insert(s.span);
            }
            None => {}
        }
        if passes {
            f.pass_through.get_or_insert(s.span);
        }
        if f.cap.is_none() && CAP.is_match(n) {
            f.cap = find_money(s.text)
                .into_iter()
                .next()
                .map(|m| (m.amount, m.currency, s.span));
        }
    }
    f
}

impl Check for ComputeCosts {
    const ID: &'static str = "compute-costs";
    const NAME: &'static str = "Compute and cloud costs";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds who pays third-party cloud, GPU, API and model-provider costs: the client (or passed through at cost), the provider (in its fee), or nobody stated; extracts any cap and currency.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    type Policy = Policy;
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "provider_absorbs",
            "Verdict when the provider bears cloud/GPU/API costs with no client payment or pass-through (001 §6): pass, warn or fail.",
        ),
        (
            "unspecified",
            "Verdict when compute, cloud or AI services are mentioned but nobody is assigned their cost: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract does not mention compute, cloud or API usage at all: pass, missing, warn or fail.",
        ),
    ];

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(ComputeCosts {
            provider_absorbs: among("provider_absorbs", &policy.provider_absorbs, GRADES)?,
            unspecified: among("unspecified", &policy.unspecified, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let f = read(contract);
        let Some(mention) = f.mention else {
            return vec![Report::new(
                self.missing,
                "No compute, cloud or API usage mentioned.",
            )];
        };
        let client_pays = f.client.is_some();
        let pass_through = f.pass_through.is_some();
        let provider = f.provider.is_some();
        let (verdict, message, quotes) = if client_pays || pass_through {
            let how = match (client_pays, pass_through) {
                (_, true) => "passed through to the client at cost",
                _ => "borne by the client",
            };
            (
                Verdict::Pass,
                format!("Compute costs: {how}."),
                [f.client, f.pass_through, f.provider],
            )
        } else if provider {
            (
                self.provider_absorbs,
                "Compute costs: borne by the provider, with no pass-through to the client (001 §6: the client pays third-party computing costs).".to_owned(),
                [f.provider, None, None],
            )
        } else {
            (
                self.unspecified,
                "Compute costs: cloud, API or AI services are mentioned, but the contract does not say who pays their costs.".to_owned(),
                [Some(mention), None, None],
            )
        };
        let mut report = Report::new(verdict, message);
        let mut quoted: Vec<Span> = Vec::new();
        for span in quotes.into_iter().flatten() {
            if !quoted.contains(&span) {
                quoted.push(span);
                report = report.quote(span);
            }
        }
        report = report
            .param("client_pays", client_pays)
            .param("pass_through", pass_through)
            .param(
                "provider_absorbs",
                provider && !client_pays && !pass_through,
            );
        if let Some((amount, currency, span)) = f.cap {
            report = report
                .param("cap_amount", amount)
                .param("currency", currency);
            if !quoted.contains(&span) {
                report = report.quote(span);
            }
        }
        if !f.services.is_empty() {
            report = report.param(
                "services",
                clauselint_sdk::ParamValue::List(f.services.iter().map(|s| (*s).into()).collect()),
            );
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(ComputeCosts);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = ComputeCosts::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<ComputeCosts>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &COMPUTE,
            &AI_MENTION,
            &COST,
            &CLIENT_PAYS,
            &PROVIDER_ABSORBS,
            &CLIENT_NOT,
            &PROVIDER_NOT,
            &PASS_THROUGH,
            &CAP,
            &NAMED,
            &GCP,
            &CLOUD_CONTEXT,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn negations_swap_the_payer() {
        assert_eq!(
            payer("provider shall not be responsible for any cloud computing costs."),
            Some(Payer::Client)
        );
        assert_eq!(
            payer("client shall not be charged for gpu usage or api fees."),
            Some(Payer::Provider)
        );
        assert_eq!(
            payer("agency shall pay the aws invoices, which client shall reimburse."),
            Some(Payer::Client)
        );
    }

    #[test]
    fn cap_and_services_are_extracted() {
        let r = run(
            "6. Cloud Costs. Client shall reimburse Agency for AWS and OpenAI API usage fees at cost, not to exceed USD 5,000 per month without Client's prior written approval.",
        );
        assert_eq!(r.verdict(), Verdict::Pass);
        assert_eq!(param(&r, "cap_amount"), Some(&ParamValue::Float(5000.0)));
        assert_eq!(param(&r, "currency"), Some(&ParamValue::Text("USD".into())));
        assert_eq!(
            param(&r, "services"),
            Some(&ParamValue::List(vec!["aws".into(), "openai".into()]))
        );
    }

    #[test]
    fn policy_rejects_bad_values() {
        let err = ComputeCosts::new(Policy {
            unspecified: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("unspecified = \"missing\""), "{err}");
    }
}
