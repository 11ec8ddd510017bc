//! A check that panics on every contract containing "Governing" and passes the others: the
//! end-to-end tests use it to show that a plugin's panic becomes an `error` finding for that
//! contract while the audit goes on.

use clauselint_plugin_api::{Check, Contract, Report, Verdict};

#[derive(Default, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct Policy {}

struct Panicking;

impl Check for Panicking {
    const ID: &'static str = "panicking";
    const NAME: &'static str = "Panicking test check";
    const VERSION: &'static str = "0.0.0";
    const DESCRIPTION: &'static str = "Panics on contracts that mention governing law.";
    const VERDICTS: &'static [Verdict] = &[Verdict::Pass, Verdict::Error];
    // The policy has no keys, so there is nothing to document.
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[];
    type Policy = Policy;

    fn new(_: Policy) -> Result<Self, String> {
        Ok(Panicking)
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        if contract.text().contains("overning") {
            panic!("deliberate test panic");
        }
        vec![Report::new(Verdict::Pass, "nothing to see")]
    }
}

clauselint_plugin_api::export_check!(Panicking);
