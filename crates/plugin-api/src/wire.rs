//! What crosses the boundary from plugin to host, as JSON.

use clauselint_model::{ParamValue, Params, Span, Verdict};
use serde::{Deserialize, Serialize};

/// A byte span of the document text, as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Set on a supporting quote: what it backs (`venue`, `arbitration`); absent on the
    /// quotes of the clause the check is about. See [`Report::quote_for`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// One finding as a plugin returns it; the host adds the check id, quotes and locations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireFinding {
    /// The verdict.
    pub verdict: Verdict,
    /// One sentence for the reader.
    pub message: String,
    /// Evidence spans into the document text.
    #[serde(default)]
    pub evidence: Vec<WireSpan>,
    /// Extracted parameters.
    #[serde(default)]
    pub params: Params,
}

/// The whole answer of one `check` call.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WireFindings {
    /// The findings, usually one.
    pub findings: Vec<WireFinding>,
}

/// A finding under construction, the type a [`crate::Check`] returns.
///
/// ```
/// use clauselint_plugin_api::{Report, Span, Verdict};
/// let r = Report::new(Verdict::Fail, "Non-compete lasts 24 months.")
///     .quote(Span::new(10, 40))
///     .param("duration_months", 24i64);
/// assert_eq!(r.finding().params["duration_months"], 24i64.into());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Report(WireFinding);

impl Report {
    /// A finding with a verdict and a message.
    pub fn new(verdict: Verdict, message: impl Into<String>) -> Report {
        Report(WireFinding {
            verdict,
            message: message.into(),
            evidence: Vec::new(),
            params: Params::new(),
        })
    }

    /// Adds a quote (a span of the contract text) of the clause the check is about as
    /// evidence; a span already quoted is ignored.
    pub fn quote(self, span: Span) -> Report {
        self.push_quote(span, None)
    }

    /// Adds a supporting quote: a span that backs a parameter or a related clause rather than
    /// the clause the check is about, with what it backs (`"venue"`, `"arbitration"`; short,
    /// lower-case, `a-z0-9-_`). Reports show the tag; accuracy harnesses score the clause's
    /// own quotes. A span already quoted is ignored.
    ///
    /// ```
    /// use clauselint_plugin_api::{Report, Span, Verdict};
    /// let r = Report::new(Verdict::Pass, "Governed by the law of New York (US-NY).")
    ///     .quote(Span::new(0, 50))
    ///     .quote_for(Span::new(51, 90), "venue");
    /// assert_eq!(r.finding().evidence[1].about.as_deref(), Some("venue"));
    /// ```
    pub fn quote_for(self, span: Span, about: &str) -> Report {
        self.push_quote(span, Some(about))
    }

    fn push_quote(mut self, span: Span, about: Option<&str>) -> Report {
        let known = self
            .0
            .evidence
            .iter()
            .any(|w| w.start == span.start && w.end == span.end);
        if !span.is_empty() && !known {
            self.0.evidence.push(WireSpan {
                start: span.start,
                end: span.end,
                about: about.map(str::to_owned),
            });
        }
        self
    }

    /// Adds an extracted parameter.
    pub fn param(mut self, name: &str, value: impl Into<ParamValue>) -> Report {
        self.0.params.insert(name.to_owned(), value.into());
        self
    }

    /// Adds a parameter only when there is a value.
    pub fn param_opt<V: Into<ParamValue>>(self, name: &str, value: Option<V>) -> Report {
        match value {
            Some(v) => self.param(name, v),
            None => self,
        }
    }

    /// The verdict so far.
    pub fn verdict(&self) -> Verdict {
        self.0.verdict
    }

    /// The finding as it will cross the boundary.
    pub fn finding(&self) -> &WireFinding {
        &self.0
    }

    /// The text of the quotes tagged `about` (`None`: the clause's own quotes) in `text`, the
    /// contract the report is on, in order; a span outside `text` is skipped.
    ///
    /// ```
    /// use clauselint_plugin_api::{Report, Span, Verdict};
    /// let text = "Governed by New York law. Courts of New York.";
    /// let r = Report::new(Verdict::Pass, "New York")
    ///     .quote(Span::new(0, 25))
    ///     .quote_for(Span::new(26, 45), "venue");
    /// assert_eq!(r.quoted(text, None), ["Governed by New York law."]);
    /// assert_eq!(r.quoted(text, Some("venue")), ["Courts of New York."]);
    /// assert_eq!(r.tags(), [None, Some("venue")]);
    /// ```
    pub fn quoted<'t>(&self, text: &'t str, about: Option<&str>) -> Vec<&'t str> {
        self.0
            .evidence
            .iter()
            .filter(|e| e.about.as_deref() == about)
            .filter_map(|e| text.get(e.start..e.end))
            .collect()
    }

    /// What each quote is about, in order: `None` for the clause's own quotes, the tag of a
    /// supporting one.
    pub fn tags(&self) -> Vec<Option<&str>> {
        self.0.evidence.iter().map(|e| e.about.as_deref()).collect()
    }

    /// Consumes the builder.
    pub fn into_finding(self) -> WireFinding {
        self.0
    }
}
