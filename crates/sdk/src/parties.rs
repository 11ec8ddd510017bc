//! The two sides of a services deal — client and provider — and the names a contract gives them.
//!
//! Checks often need to know *who* takes an obligation: the provider indemnifies, the client
//! must anonymise. Generic role words ("the Client", "Vendor") say it directly; a contract that
//! names its parties (`Corvid Analytics Ltd ("Corvid")`) says it through what each party does
//! elsewhere: "Corvid shall deliver the pilot" puts Corvid on the provider's side, "Thameside
//! shall pay the fees" puts Thameside on the client's.
//!
//! A check describes its vocabulary once, in [`PartyRules`] (constant patterns, built in a
//! `LazyLock`), and for each contract asks [`PartyRules::parties`] for the [`Parties`]: the
//! contract's party names, each placed on a side. Nothing is compiled per contract:
//!
//! - placing the names is **one pass** of the rules' obligation pattern over the text
//!   ([`count_acts`]); for each obligation ("shall deliver"), the words just before it are
//!   compared with the names;
//! - finding a side's mentions in a sentence ([`Parties::find_iter`]) runs the constant
//!   role-word pattern and plain substring searches for the names, combined exactly as the
//!   alternation `\b(?:role words|name 1|name 2…)\b` would match.
//!
//! Names are compared as whole words: the characters around a name must not continue it (a
//! letter, digit or `_`, Unicode-aware). All text is expected in matching form
//! ([`crate::text::Normalized`]): lower-case, as [`crate::defined`] gives the terms.
//!
//! ```
//! use clauselint_sdk::defined::defined_terms;
//! use clauselint_sdk::parties::{PartyRules, Side, acts_pattern, CLIENT_WORDS, MODALS, PAYS, PROVIDER_WORDS, PROVIDES};
//!
//! let rules = PartyRules::new(
//!     CLIENT_WORDS,
//!     PROVIDER_WORDS,
//!     r"\b(?:inc|ltd|llc|corporation)\b",
//!     &acts_pattern(MODALS, r"(?:\w+\s+)?", PROVIDES, PAYS),
//! );
//! let text = "corvid analytics ltd (\"corvid\") and thameside inc. (\"thameside\") agree. \
//!             corvid will promptly deliver the pilot. thameside shall pay the fees.";
//! let parties = rules.parties(&defined_terms(text), text);
//! assert_eq!(parties.side_of("corvid"), Some(Side::Provider));
//! assert_eq!(parties.side_of("thameside"), Some(Side::Client));
//!
//! let sentence = "the customer and thameside shall pay corvid";
//! let clients: Vec<_> = parties.find_iter(sentence, Side::Client).collect();
//! assert_eq!(clients, [4..12, 17..26]);
//! assert_eq!(parties.find_iter(sentence, Side::Provider).collect::<Vec<_>>(), vec![(37..43)]);
//! ```

use std::ops::Range;

use regex::Regex;

use crate::defined::DefinedTerm;
use crate::pattern::constant;

/// Generic names of the client side, as a pattern alternation (no group, no boundaries).
pub const CLIENT_WORDS: &str = r"client|customer|company|licensee|buyer|purchaser";
/// Generic names of the provider side, as a pattern alternation (no group, no boundaries).
pub const PROVIDER_WORDS: &str = r"provider|service\s+provider|agency|consultant|contractor|vendor|developer|supplier|studio|freelancer|licensor";
/// The words that make what follows an obligation of the subject before them.
pub const MODALS: &str = r"shall|will|agrees\s+to|must|is\s+to";
/// What a provider does with the work: "Corvid will deliver a pilot".
pub const PROVIDES: &str =
    r"provide|perform|deliver|develop|build|design|configure|train|implement|create";
/// What a client does: "Thameside shall pay the fees".
pub const PAYS: &str = r"pay|reimburse|compensate";

/// An obligation pattern for [`PartyRules::new`]: one of `modals`, whitespace, then `between`
/// (what may stand before the verb, such as `(?:\w+\s+)?` for one optional adverb), then a verb
/// of `provides` (group `provides`) or of `pays` (group `pays`), ending on a word boundary.
pub fn acts_pattern(modals: &str, between: &str, provides: &str, pays: &str) -> String {
    format!(r"\b(?:{modals})\s+{between}(?:(?P<provides>{provides})|(?P<pays>{pays}))\b")
}

/// One side of the deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The party that buys the work and pays for it.
    Client,
    /// The party that does the work.
    Provider,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Client => Side::Provider,
            Side::Provider => Side::Client,
        }
    }
}

/// How the obligations a party takes place it on a side (see [`Acts::side`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On a side only if it takes obligations of that side and none of the other.
    Unanimous,
    /// On the side it takes more obligations of; a tie, or none, places it nowhere.
    Majority,
}

/// Whether a defined term that is a role word ("the Client") is recognised as a whole term or
/// wherever the word stands in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleTerms {
    /// The whole term is a role word: "client", "service provider".
    Whole,
    /// The term contains one: "acme vendor" is then a role term too, not a party name.
    Containing,
}

/// Whether a party name that its obligations do not place goes to the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inference {
    /// Never.
    Never,
    /// When exactly one name is left unplaced and the placed names are all on one side, it goes
    /// to the other side.
    FromNames,
    /// As [`Inference::FromNames`], and a defined role term ("Acme Inc. (the \"Client\")")
    /// also shows that its side is taken.
    FromNamesAndRoleTerms,
}

/// How many obligations of each side a party takes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Acts {
    /// Provider's obligations: "shall deliver", "will perform".
    pub provides: usize,
    /// Client's obligations: "shall pay".
    pub pays: usize,
}

impl Acts {
    /// The side these obligations place their party on, if any.
    pub fn side(self, placement: Placement) -> Option<Side> {
        match placement {
            Placement::Unanimous => match (self.provides > 0, self.pays > 0) {
                (true, false) => Some(Side::Provider),
                (false, true) => Some(Side::Client),
                _ => None,
            },
            Placement::Majority => match self.provides.cmp(&self.pays) {
                std::cmp::Ordering::Greater => Some(Side::Provider),
                std::cmp::Ordering::Less => Some(Side::Client),
                std::cmp::Ordering::Equal => None,
            },
        }
    }
}

/// A check's vocabulary for the parties: role words, what defines a party, what a party does.
/// Build it once (a `static` `LazyLock`); every pattern is compiled here, none per contract.
#[derive(Debug)]
pub struct PartyRules {
    entity: Regex,
    client: Regex,
    provider: Regex,
    client_term: Regex,
    provider_term: Regex,
    acts: Regex,
    placement: Placement,
    role_terms: RoleTerms,
    inference: Inference,
    max_words: usize,
    min_chars: usize,
    max_named: usize,
}

impl PartyRules {
    /// Rules from four constant pattern sources, each compiled with
    /// [`pattern::constant`](crate::pattern::constant):
    ///
    /// - `client_words`, `provider_words`: alternations of the generic names of each side
    ///   ([`CLIENT_WORDS`], [`PROVIDER_WORDS`], or a check's own);
    /// - `entity`: what the definition of a party name says ("inc", "a Delaware corporation");
    /// - `acts`: an obligation, from its modal to its verb, with a group `provides` or `pays`
    ///   around the verb ([`acts_pattern`]).
    ///
    /// Defaults: [`Placement::Unanimous`], [`RoleTerms::Whole`], [`Inference::FromNames`],
    /// party names of at most 3 words and at least 1 character, no limit on their number.
    ///
    /// # Panics
    ///
    /// If a pattern does not compile: they are the check's constants, never input.
    pub fn new(client_words: &str, provider_words: &str, entity: &str, acts: &str) -> PartyRules {
        PartyRules {
            entity: constant(entity),
            client: constant(&format!(r"\b(?:{client_words})\b")),
            provider: constant(&format!(r"\b(?:{provider_words})\b")),
            client_term: constant(&format!(r"^(?:{client_words})$")),
            provider_term: constant(&format!(r"^(?:{provider_words})$")),
            acts: constant(acts),
            placement: Placement::Unanimous,
            role_terms: RoleTerms::Whole,
            inference: Inference::FromNames,
            max_words: 3,
            min_chars: 1,
            max_named: usize::MAX,
        }
    }

    /// How obligations place a name.
    pub fn placement(mut self, placement: Placement) -> PartyRules {
        self.placement = placement;
        self
    }

    /// How a defined role term is recognised.
    pub fn role_terms(mut self, role_terms: RoleTerms) -> PartyRules {
        self.role_terms = role_terms;
        self
    }

    /// Whether a name left unplaced goes to the other side.
    pub fn inference(mut self, inference: Inference) -> PartyRules {
        self.inference = inference;
        self
    }

    /// The longest party name, in words.
    pub fn max_words(mut self, words: usize) -> PartyRules {
        self.max_words = words;
        self
    }

    /// The shortest party name, in characters (at least 1).
    pub fn min_chars(mut self, chars: usize) -> PartyRules {
        self.min_chars = chars.max(1);
        self
    }

    /// At most this many names are placed, in the order the contract defines them.
    pub fn max_named(mut self, names: usize) -> PartyRules {
        self.max_named = names;
        self
    }

    /// The generic names of `side` as a pattern: `\b(?:words)\b`.
    pub fn words(&self, side: Side) -> &Regex {
        match side {
            Side::Client => &self.client,
            Side::Provider => &self.provider,
        }
    }

    /// The obligation pattern.
    pub fn acts(&self) -> &Regex {
        &self.acts
    }

    /// Whether the defined term `term` is a role word of `side` (see [`RoleTerms`]).
    pub fn is_role_term(&self, term: &str, side: Side) -> bool {
        match (self.role_terms, side) {
            (RoleTerms::Whole, Side::Client) => self.client_term.is_match(term),
            (RoleTerms::Whole, Side::Provider) => self.provider_term.is_match(term),
            (RoleTerms::Containing, side) => self.words(side).is_match(term),
        }
    }

    /// The parties of a contract: among its defined `terms`, those whose definition names an
    /// entity, that are no role word and are short enough, each placed on a side by the
    /// obligations it takes in `text` (both in matching form). Names no rule places are left
    /// out.
    pub fn parties(&self, terms: &[DefinedTerm], text: &str) -> Parties<'_> {
        let (mut client_term, mut provider_term) = (false, false);
        let mut candidates: Vec<&str> = Vec::new();
        for t in terms {
            let term = t.term.as_str();
            if term.chars().count() < self.min_chars
                || term.split_whitespace().count() > self.max_words
                || !self.entity.is_match(&t.definition)
            {
                continue;
            }
            if self.is_role_term(term, Side::Client) {
                client_term = true;
            } else if self.is_role_term(term, Side::Provider) {
                provider_term = true;
            } else if !candidates.contains(&term) {
                candidates.push(term);
            }
        }
        let mut named: Vec<(String, Side)> = Vec::new();
        let mut unplaced: Vec<&str> = Vec::new();
        for (name, acts) in candidates
            .iter()
            .zip(count_acts(text, &candidates, &self.acts))
        {
            match acts.side(self.placement) {
                Some(side) if named.len() < self.max_named => {
                    named.push(((*name).to_owned(), side));
                }
                Some(_) => {}
                None => unplaced.push(name),
            }
        }
        if let [other] = unplaced.as_slice()
            && named.len() < self.max_named
        {
            let roles = self.inference == Inference::FromNamesAndRoleTerms;
            let taken =
                |side: Side, term: bool| named.iter().any(|(_, s)| *s == side) || (roles && term);
            let side = match self.inference {
                Inference::Never => None,
                _ => match (
                    taken(Side::Client, client_term),
                    taken(Side::Provider, provider_term),
                ) {
                    (true, false) => Some(Side::Provider),
                    (false, true) => Some(Side::Client),
                    _ => None,
                },
            };
            if let Some(side) = side {
                named.push(((*other).to_owned(), side));
            }
        }
        Parties { rules: self, named }
    }
}

/// A contract's party names, each on its side, with the rules that found them.
#[derive(Debug)]
pub struct Parties<'r> {
    rules: &'r PartyRules,
    named: Vec<(String, Side)>,
}

impl<'r> Parties<'r> {
    /// The rules these parties were found with.
    pub fn rules(&self) -> &'r PartyRules {
        self.rules
    }

    /// The party names with their sides, in the order the contract defines them (a name placed
    /// by [`Inference`] last).
    pub fn names(&self) -> impl Iterator<Item = (&str, Side)> {
        self.named.iter().map(|(n, s)| (n.as_str(), *s))
    }

    /// The names on `side`, in order.
    pub fn names_on(&self, side: Side) -> impl Iterator<Item = &str> {
        self.names()
            .filter(move |(_, s)| *s == side)
            .map(|(n, _)| n)
    }

    /// The side of the party name `name`, if it is one.
    pub fn side_of(&self, name: &str) -> Option<Side> {
        self.names().find(|(n, _)| *n == name).map(|(_, s)| s)
    }

    /// The mentions of `side` in `text`: its generic words and its names, as the pattern
    /// `\b(?:words|name 1|name 2…)\b` would find them (leftmost first, a role word before a name
    /// that starts at the same place, then the names in order; no overlaps).
    pub fn find_iter<'p, 't>(&'p self, text: &'t str, side: Side) -> SideMatches<'p, 't> {
        let names: Vec<&'p str> = self.names_on(side).collect();
        SideMatches {
            text,
            words: self.rules.words(side),
            next_names: vec![None; names.len()],
            names,
            next_word: None,
            at: 0,
        }
    }
}

/// The mentions of one side in a text, from [`Parties::find_iter`]: byte ranges, in order.
#[derive(Debug)]
pub struct SideMatches<'p, 't> {
    text: &'t str,
    words: &'p Regex,
    names: Vec<&'p str>,
    /// The next match of `words` at or after `at`, once searched (`Some(None)`: no more).
    next_word: Option<Option<Range<usize>>>,
    /// The same for each name.
    next_names: Vec<Option<Option<Range<usize>>>>,
    at: usize,
}

impl Iterator for SideMatches<'_, '_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (text, at) = (self.text, self.at);
        if at > text.len() {
            return None;
        }
        // A match found from an earlier position is still the first one if it starts at or
        // after `at`; only stale ones are searched again.
        let stale = |r: &Option<Option<Range<usize>>>| match r {
            None => true,
            Some(Some(m)) => m.start < at,
            Some(None) => false,
        };
        if stale(&self.next_word) {
            self.next_word = Some(self.words.find_at(text, at).map(|m| m.range()));
        }
        for (name, next) in self.names.iter().zip(self.next_names.iter_mut()) {
            if stale(next) {
                *next = Some(find_name_from(text, name, at));
            }
        }
        let name = self
            .next_names
            .iter()
            .filter_map(|n| n.clone().flatten())
            .min_by_key(|m| m.start);
        let word = self.next_word.clone().flatten();
        let found = match (word, name) {
            (Some(w), Some(n)) => Some(if n.start < w.start { n } else { w }),
            (w, n) => w.or(n),
        }?;
        self.at = if found.is_empty() {
            found.end + text[found.end..].chars().next().map_or(1, char::len_utf8)
        } else {
            found.end
        };
        Some(found)
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether `text[start..end]` neither continues the word before it nor the one after it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let inner = &text[start..end];
    is_word(text[..start].chars().next_back()) != is_word(inner.chars().next())
        && is_word(inner.chars().next_back()) != is_word(text[end..].chars().next())
}

/// The first whole-word occurrence of `name` starting at or after byte `from`.
fn find_name_from(text: &str, name: &str, from: usize) -> Option<Range<usize>> {
    let first = name.chars().next()?;
    let mut at = from;
    while let Some(found) = text.get(at..).and_then(|rest| rest.find(name)) {
        let start = at + found;
        let end = start + name.len();
        if whole_word(text, start, end) {
            return Some(start..end);
        }
        at = start + first.len_utf8();
    }
    None
}

/// The whole-word occurrences of `name` in `text`, left to right, without overlaps (as the
/// pattern `\bname\b` would find them). An empty name occurs nowhere.
pub fn find_name<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        let found = find_name_from(text, name, at)?;
        at = found.end;
        Some(found)
    })
}

/// Whether `subject` ends with `name` as a whole word.
fn ends_with_name(subject: &str, name: &str) -> bool {
    subject.ends_with(name) && {
        let start = subject.len() - name.len();
        is_word(subject[..start].chars().next_back()) != is_word(name.chars().next())
    }
}

/// How many obligations of `acts` (see [`acts_pattern`]) each of `names` takes in `text`: one
/// pass over every place an obligation starts (overlapping ones included), crediting the names
/// that end just before it, whitespace between. A name takes an obligation exactly where the
/// pattern `\bname\s+` followed by `acts` would match.
pub fn count_acts(text: &str, names: &[&str], acts: &Regex) -> Vec<Acts> {
    let mut counts = vec![Acts::default(); names.len()];
    if names.iter().all(|n| n.is_empty()) {
        return counts;
    }
    let mut at = 0;
    while let Some(whole) = acts.find_at(text, at) {
        let before = &text[..whole.start()];
        let subject = before.trim_end();
        let takes = |name: &&str| !name.is_empty() && ends_with_name(subject, name);
        // Groups only for an obligation some name takes: most have another subject.
        if subject.len() < before.len()
            && names.iter().any(takes)
            && let Some(caps) = acts.captures_at(text, whole.start())
        {
            let provides = caps.name("provides").is_some();
            let pays = caps.name("pays").is_some();
            for (name, count) in names.iter().zip(counts.iter_mut()) {
                if takes(name) {
                    count.provides += usize::from(provides);
                    count.pays += usize::from(pays);
                }
            }
        }
        // The next obligation may start inside this one ("shall will provide"): step one
        // character, not past the match.
        at = whole.start()
            + text[whole.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        if at > text.len() {
            break;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defined::defined_terms;

    fn acts() -> Regex {
        constant(&acts_pattern(MODALS, r"(?:\w+\s+)?", PROVIDES, PAYS))
    }

    fn rules() -> PartyRules {
        PartyRules::new(
            CLIENT_WORDS,
            PROVIDER_WORDS,
            r"\b(?:inc|ltd|llc|corporation|company|an\s+individual)\b",
            &acts_pattern(MODALS, r"(?:\w+\s+)?", PROVIDES, PAYS),
        )
    }

    #[test]
    fn obligations_are_credited_to_the_whole_name_just_before_them() {
        let text = "corvid will promptly deliver the pilot. thameside shall pay the fees. \
                    acorvid will deliver nothing. beta shall receive the goods.";
        let names = ["corvid", "thameside", "beta", ""];
        let counts = count_acts(text, &names, &acts());
        assert_eq!(
            counts[0],
            Acts {
                provides: 1,
                pays: 0
            }
        );
        assert_eq!(
            counts[1],
            Acts {
                provides: 0,
                pays: 1
            }
        );
        // "shall receive" is neither side's verb; an empty name takes nothing.
        assert_eq!(counts[2], Acts::default());
        assert_eq!(counts[3], Acts::default());
        // "acorvid" is not "corvid".
        assert_eq!(
            count_acts("acorvid will deliver it.", &["corvid"], &acts())[0],
            Acts::default()
        );
        // The name must be followed by whitespace, then the modal.
        assert_eq!(
            count_acts(
                "corvid,will deliver; corvidwill deliver",
                &["corvid"],
                &acts()
            )[0],
            Acts::default()
        );
    }

    #[test]
    fn overlapping_names_and_obligations_all_count() {
        // The second "ab ab" (overlapping the first) is the subject.
        assert_eq!(
            count_acts("ab ab ab will deliver", &["ab ab"], &acts())[0].provides,
            1
        );
        // "shall" before "will": both obligations start a match.
        let counts = count_acts("x shall will pay", &["x", "shall"], &acts());
        assert_eq!(counts[0].pays, 1);
        assert_eq!(counts[1].pays, 1);
        // Every obligation counts, and both names ending before it.
        let counts = count_acts(
            "big acme shall pay. acme shall build. acme shall build.",
            &["acme", "big acme"],
            &acts(),
        );
        assert_eq!(
            counts[0],
            Acts {
                provides: 2,
                pays: 1
            }
        );
        assert_eq!(
            counts[1],
            Acts {
                provides: 0,
                pays: 1
            }
        );
    }

    #[test]
    fn placement_rules() {
        let mixed = Acts {
            provides: 2,
            pays: 1,
        };
        assert_eq!(mixed.side(Placement::Unanimous), None);
        assert_eq!(mixed.side(Placement::Majority), Some(Side::Provider));
        let pays = Acts {
            provides: 0,
            pays: 1,
        };
        assert_eq!(pays.side(Placement::Unanimous), Some(Side::Client));
        let tie = Acts {
            provides: 1,
            pays: 1,
        };
        assert_eq!(tie.side(Placement::Majority), None);
        assert_eq!(Acts::default().side(Placement::Majority), None);
        assert_eq!(Side::Client.other(), Side::Provider);
    }

    #[test]
    fn parties_are_defined_entities_placed_by_their_obligations() {
        let text = "corvid ltd (\"corvid\"), thameside inc. (\"thameside\"), the widget (\"widget\") \
                    and acme llc (the \"client\"). corvid shall deliver the widget. thameside \
                    shall promptly pay. the widget shall deliver power.";
        let party_rules = rules();
        let parties = party_rules.parties(&defined_terms(text), text);
        let names: Vec<_> = parties.names().collect();
        // "widget" is defined by no entity; "client" is a role word, not a name.
        assert_eq!(
            names,
            [("corvid", Side::Provider), ("thameside", Side::Client)]
        );
        assert_eq!(
            parties.names_on(Side::Client).collect::<Vec<_>>(),
            ["thameside"]
        );
        assert_eq!(parties.side_of("widget"), None);
    }

    #[test]
    fn the_one_unplaced_name_takes_the_other_side_if_the_rules_say_so() {
        let text = "corvid ltd (\"corvid\") and thameside inc. (\"thameside\"). corvid shall \
                    deliver the pilot. thameside shall receive it.";
        let terms = defined_terms(text);
        let party_rules = rules();
        let parties = party_rules.parties(&terms, text);
        assert_eq!(parties.side_of("thameside"), Some(Side::Client));
        let never = rules().inference(Inference::Never);
        assert_eq!(never.parties(&terms, text).side_of("thameside"), None);

        // A role term shows its side is taken only with `FromNamesAndRoleTerms`.
        let text = "acme inc. (the \"client\") and corvid ltd (\"corvid\") agree.";
        let terms = defined_terms(text);
        assert_eq!(rules().parties(&terms, text).side_of("corvid"), None);
        let roles = rules().inference(Inference::FromNamesAndRoleTerms);
        assert_eq!(
            roles.parties(&terms, text).side_of("corvid"),
            Some(Side::Provider)
        );
    }

    #[test]
    fn limits_and_role_terms_containing_a_role_word() {
        let text = "acme vendor inc. (\"acme vendor\") and b ltd (\"b\") and x corp ltd (\"x\"). \
                    acme vendor shall deliver. b shall pay. x shall pay.";
        let terms = defined_terms(text);
        let all: Vec<_> = rules()
            .parties(&terms, text)
            .names()
            .map(|(n, _)| n.to_owned())
            .collect();
        assert_eq!(all, ["acme vendor", "b", "x"]);
        let strict = rules()
            .role_terms(RoleTerms::Containing)
            .min_chars(2)
            .max_named(1)
            .placement(Placement::Majority);
        assert!(strict.is_role_term("acme vendor", Side::Provider));
        assert!(!rules().is_role_term("acme vendor", Side::Provider));
        assert_eq!(strict.parties(&terms, text).names().count(), 0);
        let one = rules().max_named(1);
        assert_eq!(
            one.parties(&terms, text).names().collect::<Vec<_>>(),
            [("acme vendor", Side::Provider)]
        );
        assert_eq!(
            rules()
                .max_words(1)
                .parties(&terms, text)
                .side_of("acme vendor"),
            None
        );
    }

    /// The reference: the alternation a check used to compile per contract.
    fn alternation_matches(text: &str, generic: &str, names: &[&str]) -> Vec<Range<usize>> {
        let mut alt = generic.to_owned();
        for n in names {
            alt.push('|');
            alt.push_str(&regex::escape(n));
        }
        // Unicode boundaries, as the names are compared (the role words are ASCII).
        Regex::new(&format!(r"(?is)\b(?:{alt})\b"))
            .unwrap()
            .find_iter(text)
            .map(|m| m.range())
            .collect()
    }

    #[test]
    fn side_mentions_match_the_alternation_they_replace() {
        let text = "cor ltd (\"cor\"), corvid ltd (\"corvid\"), corvid client ltd (\"corvid client\"), \
                    thames inc. (\"thames\"). cor shall pay. corvid shall pay. corvid client shall \
                    pay. thames shall build.";
        let party_rules = rules();
        let parties = party_rules.parties(&defined_terms(text), text);
        let clients: Vec<&str> = parties.names_on(Side::Client).collect();
        assert_eq!(clients, ["cor", "corvid", "corvid client"]);
        for sentence in [
            "the client and corvid client shall pay cor, corvid and the customer",
            "corvid clients: cor's corvid, client corvid, corvidcorvid",
            "thames and the service provider; the provider's studio; thamesx",
            "",
            "é corvid é, corvid_ client, __cor",
        ] {
            for (side, generic) in [
                (Side::Client, CLIENT_WORDS),
                (Side::Provider, PROVIDER_WORDS),
            ] {
                let names: Vec<&str> = parties.names_on(side).collect();
                assert_eq!(
                    parties.find_iter(sentence, side).collect::<Vec<_>>(),
                    alternation_matches(sentence, generic, &names),
                    "{side:?} in {sentence:?}"
                );
            }
        }
    }

    #[test]
    fn names_are_found_as_whole_words_without_overlaps() {
        let found: Vec<_> = find_name("a b a b a, xa b a", "a b a").collect();
        assert_eq!(found, vec![(0..5)]);
        assert_eq!(
            find_name("é acme, acmex, _acme", "acme").collect::<Vec<_>>(),
            vec![(3..7)]
        );
        assert_eq!(find_name("anything", "").count(), 0);
    }
}
