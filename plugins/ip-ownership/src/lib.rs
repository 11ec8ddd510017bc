//! The `ip-ownership` check: who owns what the work produces, and whether the provider keeps
//! its background IP (002 Red Line 1, 001 §2, 000 "Navigating Ownership Clauses").
//!
//! - An assignment (`assignment = true`), in either direction: a verb of assignment ("hereby
//!   assigns … all right, title and interest in the Deliverables", "shall assign, and cause its
//!   employees to assign, such rights", "shall be assigned and transferred to"), or a statement
//!   that something made under the contract belongs to a party ("all Work Product shall be the
//!   sole and exclusive property of Client", "shall vest in", "shall be owned by", "Company
//!   shall own all inventions conceived …"), or a work made for hire. `assigns` names what is
//!   assigned (`work_product`, `deliverables`, `inventions`, `intellectual_property`,
//!   `trademarks`, `data`, `other`).
//! - Background IP retained: "Provider retains all rights in its pre-existing materials", with
//!   (`licence_back`) or without a licence to the client.
//! - Transfer on payment: "upon payment in full, title to the Deliverables passes to Client".
//!
//! Not assignments: licence grants; the assignment of the agreement itself ("may not assign this
//! Agreement"); negated transfers ("no title to the Software is transferred", "nothing in this
//! Agreement shall convey", "this is not a work-for-hire agreement"); a party keeping what it
//! already had or made itself ("Client Materials remain the property of Client", "inventions
//! made solely by employees of Supplier shall belong to Supplier", "the Intellectual Property of
//! X is and shall remain the property of X"); joint ownership; definitions; warranties that a
//! party owns something; goodwill and rights from using a licensor's marks, which inure to the
//! licensor in every trademark licence; handing over copies of know-how, data or materials; and
//! transfers of things that are not IP (shares, goods, title and risk on delivery, personnel,
//! tax refunds, telephone numbers, responsibilities); the assignability of licences or of the
//! agreement on the sale of a business; and representations that a document suffices to
//! transfer.
//! A party keeping its own IP is an ownership clause without an assignment: reported as a pass
//! with `assignment = false`.
//!
//! Policy: assignment of all work product including algorithms, models, methodologies, tools or
//! know-how with no background carve-out → fail; a blanket work-made-for-hire → warn; another
//! assignment with no background carve-out and no payment condition → warn; background IP
//! retained, or transfer on full payment → pass; no IP ownership clause → missing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[ip-ownership]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict for an assignment of all work product including methods, models or tools with
    /// no background-IP carve-out.
    pub broad_assignment: String,
    /// Verdict for a blanket work-made-for-hire clause with no background-IP carve-out.
    pub work_made_for_hire: String,
    /// Verdict for any other assignment with no background carve-out or payment condition.
    pub assignment_without_carve_out: String,
    /// Verdict for a contract with no IP ownership clause.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            broad_assignment: "fail".to_owned(),
            work_made_for_hire: "warn".to_owned(),
            assignment_without_carve_out: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct IpOwnership {
    broad_assignment: Verdict,
    work_made_for_hire: Verdict,
    assignment_without_carve_out: Verdict,
    missing: Verdict,
}

/// What an assignment transfers: rights and IP, or things made under the contract. Goodwill is
/// not on the list: goodwill from using a licensor's marks inures to the licensor in every
/// trademark licence, which moves no ownership of anything made.
const IP_OBJECT: &str = r"(?:right,?\s+title(?:,)?\s+(?:and|or|&|and/or)\s+interests?|rights?\s+and\s+title|intellectual\s+property|proprietary\s+rights|moral\s+rights|rights\s+of\s+(?:publication|authorship|paternity)|inventions?|copyrights?|patents?|patent\s+rights|trade\s*marks?|service\s+marks?|trade\s+secrets?|work\s+product|works?\s+of\s+authorship|deliverables?|improvements?|modifications?|enhancements?|derivative\s+works?|developments?|discoveries|know-how|software|source\s+code|materials|works?|results|designs?|data|domain\s+names?|urls?|web\s?pages?|web\s?sites?|interests?\s+(?:therein|in\s+and\s+to)|ownership\s+(?:of|in)|such\s+(?:\w+\s+)?rights|all\s+(?:of\s+)?(?:its\s+|his\s+|her\s+|their\s+|the\s+)?rights?\s+(?:in|of)\b)";

/// Words that make a sentence about intellectual property by themselves, whatever else it
/// mentions (shares, equipment, priority levels are not IP; an invention is).
static STRONG_IP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bright,?\s+title(?:,)?\s+(?:and|or|&|and/or)\s+interest|\bintellectual\s+property|\bproprietary\s+rights|\bmoral\s+rights|\binventions?\b|\bcopyrights?\b|\bpatents?\b|\btrade\s+secrets?\b|\bwork\s+product\b|\bworks?\s+(?:of\s+authorship|made\s+for\s+hire)\b|\bdeliverables?\b|\bknow-how\b|\bderivative\s+works?\b|\bsource\s+code\b",
    )
});

/// Words of IP made or owned other than a bare "right, title and interest" or marks.
static IP_MADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bintellectual\s+property|\bproprietary\s+rights|\bmoral\s+rights|\binventions?\b|\bcopyrights?\b|\bpatents?\b|\btrade\s+secrets?\b|\bwork\s+product\b|\bworks?\s+(?:of\s+authorship|made\s+for\s+hire)\b|\bdeliverables?\b|\bknow-how\b|\bderivative\s+works?\b|\bsource\s+code\b|\bdomain\s+names?\b",
    )
});
/// Trademarks and other marks.
static MARKS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\btrade\s*marks?\b|\bservice\s+marks?\b|\bmarks\b|\blogos?\b"));
/// Rights as the object of a transfer (as opposed to copies of know-how, data or materials).
static RIGHTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bright,?\s+title|\btitle\b|\bownership\b|\bintellectual\s+property|\bproprietary\s+rights|\bmoral\s+rights|\bcopyrights?\b|\bpatents?\b|\brights?\s+(?:in|to|of)\b",
    )
});
/// Joint ownership, which CUAD and the playbook treat apart from an assignment.
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bjoint(?:ly)?\s+own|\bowned\s+jointly\b|\bjointly\s+owned\b|\bjoint\s+property\b")
});
/// A definition: `"Background IP" means …`, `The term "X" shall mean …`.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^\W*(?:\(?[\da-z]{1,3}[.)]\s*)?(?:\d+(?:\.\d+)*\s+)?(?:the\s+terms?\s+)?"[^"]{1,80}"\s+(?:shall\s+)?(?:means?|refers?\s+to|includes?)\b"#,
    )
});
/// A representation that a party owns something, which assigns nothing: "represents and
/// warrants that it shall own".
static REPRESENTS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:represents?|warrants?)\b(?:\s+\S+){0,4}?\s+that\b"));

/// Things that are transferred or owned but are not intellectual property: securities,
/// receivables, goods and premises, and the "assignment" of priorities or personnel. A
/// sentence about these with no [`STRONG_IP`] word assigns no IP.
static NON_IP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shares|(?:capital|common|preferred)\s+stock|stock\s+(?:of|in)|securities|dividends?|receivables?|accounts|priority|priorities|severity|personnel|staff|tasks?|responsibilit(?:y|ies)|duties|risk\s+of\s+loss|equipment|inventory|premises|real\s+property|leases?|funds|monies|vehicles?|infrastructure|investments?|facilities|pipeline|goods|sums|promotional\s+allowances|permits|risk|shipped|shipment|delivery|employment|employees?|persons|people|copies|account\s+numbers?|(?:tele)?phone\s+numbers?|fax\s+numbers?|directory\s+listings?|refunds?|taxes|instruments|liens|encumbrances|security\s+interests?)\b",
    )
});

/// Trademark-licence boilerplate: rights, benefits or goodwill arising from the licensee's use
/// of the licensor's marks, which "vest in" or are "assigned to" the owner of the marks. It
/// moves nothing the licensee made.
static USE_OF_MARKS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\buse\s+of\s+(?:the\s+|such\s+|its\s+|any\s+|[\w-]+'s\s+)?(?:licensed\s+)?(?:[\w-]+\s+)?(?:marks|trademarks|trade\s+marks|brand\s+features)\b",
    )
});

/// A form of words that moves ownership: `strong` forms are verbs of assignment ("hereby
/// assigns", "shall assign … all right, title and interest"), the others are statements of who
/// owns what ("shall be the sole property of", "shall vest in", "shall be owned by"), which say
/// the same thing only when the owner is not simply keeping what it had.
struct Form {
    name: &'static str,
    strong: bool,
    re: Regex,
}

/// The forms of assignment, in order of strength (see [`Form`]).
static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
    let o = IP_OBJECT;
    let form = |name, strong, pattern: String| Form {
        name,
        strong,
        re: re(&pattern),
    };
    vec![
        form(
            "hereby-assigns",
            true,
            format!(
                r"\bhereby\s+(?:\w+\s+){{0,3}}?(?:assigns?|transfers?|conveys?|cedes?)\b[^.;]*?\b{o}\b|\b(?:is|are|be)\s+(?:\w+\s+and\s+(?:is|are)\s+)?hereby\s+(?:irrevocably\s+)?(?:assigned|transferred|conveyed)\b"
            ),
        ),
        form(
            "shall-assign",
            true,
            format!(
                r"\b(?:shall|will|agrees?\s+to|undertakes?\s+to|must|does|do|(?:required|necessary|appropriate|needed|desirable|requested)\s+(?:\w+\s+){{0,4}}?to)(?:\s+\w+){{0,3}}?(?:\s*,[^,.;]{{1,80}},)?\s+(?:assign|transfer|convey|cede)s?\b[^.;]*?\b{o}\b"
            ),
        ),
        form(
            "assigns-to",
            true,
            format!(
                r"\b(?:assigns|transfers|conveys)\s+(?:and\s+\w+\s+)?(?:to\s+[^,.;]{{1,40}}?\s+)?(?:all|any|its|his|her|their|the\s+entire|each)\b[^.;]*?\b{o}\b"
            ),
        ),
        form(
            "be-assigned",
            true,
            format!(
                r"\b{o}\b[^.;]*?\b(?:be|been|are|is)\s+(?:\w+\s+)?(?:assigned|transferred|conveyed)(?:\s+and\s+(?:assigned|transferred|conveyed))?\s+to\b"
            ),
        ),
        form(
            "constitutes-assignment",
            true,
            r"\bconstitutes?\s+an?\s+(?:\w+\s+)?assignment\b[^.;]*?\bof\s+(?:the\s+|all\s+)?(?:ownership|rights?|copyrights?|title)\b".to_owned(),
        ),
        // An undertaking to sign the instruments of an IP assignment ("the Parties shall
        // execute intellectual property assignments in the form of Exhibit A", "agrees to
        // execute one or more copyright assignments") is the assignment in documentary form.
        form(
            "execute-assignments",
            true,
            r"\b(?:execute|sign)\b(?:\s+and\s+deliver)?[^.;]{0,60}?\b(?:intellectual\s+property|ip|patent|trademark|copyright)\s+assignments?\b".to_owned(),
        ),
        form(
            "give-title",
            true,
            r"\b(?:give|gives|grant|grants|pass|passes|convey|conveys)\s+(?:good\s+(?:and\s+\w+\s+)?)?title\s+to\s+(?:all\s+|any\s+|the\s+)?(?:\w+\s+){0,2}?(?:modifications|improvements|enhancements|deliverables|work\s+product|inventions|software|derivative\s+works|results)\b".to_owned(),
        ),
        form(
            "property-of",
            false,
            format!(
                r"\b{o}\b[^.;]*?\b(?:shall|will|is|are)\s+(?:\w+\s+){{0,2}}?(?P<verb>be(?:come)?|remain)\s+(?:and\s+(?:shall\s+|will\s+)?(?:be|remain)\s+)?(?:the\s+)?(?:sole\s+(?:and\s+)?(?:exclusive\s+)?|exclusive\s+|absolute\s+|joint\s+)?property\s+of\b|\b{o}\b[^.;]*?\b(?:be|become|becomes)\s+(?:our|its|their|his|her)\s+(?:sole\s+(?:and\s+)?(?:exclusive\s+)?|exclusive\s+)?property\b"
            ),
        ),
        form(
            "vest",
            false,
            format!(
                r"\b{o}\b[^.;]*?\b(?:shall|will|is|are)\s+(?:\w+\s+){{0,2}}?(?:be\s+)?(?:fully\s+)?(?:vest(?:ed)?|pass|transfer)\s+(?:\w+\s+){{0,3}}?(?:in|to)\b|\b(?:ownership|title)\b[^.;]*?\b(?:shall|will)\s+(?:\w+\s+){{0,2}}?(?:vest|pass)\b"
            ),
        ),
        form(
            "owned-by",
            false,
            format!(
                r"\b{o}\b[^.;]*?\b(?:shall|will|are|is)\s+(?:\w+\s+){{0,2}}?be\s+(?:solely\s+|exclusively\s+|jointly\s+|wholly\s+)?owned\s+(?:solely\s+|exclusively\s+|jointly\s+|wholly\s+)?by\b|\b{o}\b[^.;]*?\b(?:is|are)\s+(?:solely\s+|exclusively\s+|jointly\s+|wholly\s+)owned\s+by\b"
            ),
        ),
        form(
            "belong-to",
            false,
            format!(r"\b{o}\b[^.;]*?\b(?:shall|will)\s+(?:\w+\s+)?belong\s+(?:exclusively\s+|solely\s+)?to\b"),
        ),
        form(
            "shall-own",
            false,
            format!(
                r"\b(?:shall|will)\s+(?:(?:register|acquire|hold)\s+and\s+)?(?:exclusively\s+|solely\s+)?(?:own|acquire)\s+(?:all\s+|exclusive\s+|sole\s+|the\s+|any\s+)?(?:(?:right,?\s+)?title|ownership|{o})\b|\b(?:shall|will)\s+be\s+(?:the\s+)?(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)owner\s+of\b|\bowns\s+(?:the\s+|all\s+)?(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)(?:rights?|title|ownership)\b"
            ),
        ),
    ]
});

/// Assignment of the agreement or of contract rights, not of IP: "assign this Agreement",
/// "assign its rights or obligations hereunder", "successors and assigns".
static CONTRACT_ASSIGN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:assign|transfer)\w*\s+(?:or\s+\w+\s+)?(?:this\s+(?:\w+\s+){0,2}?agreement|the\s+agreement|(?:any\s+of\s+)?(?:its|his|her|their|any)\s+rights?\s+(?:(?:and|or|and/or)\s+(?:delegate\s+)?(?:any\s+of\s+its\s+)?obligations?\s+)?(?:under|hereunder|pursuant)|any\s+rights?\s+or\s+obligations?)|\brights\s+(?:and|or|and/or)\s+(?:delegate\s+)?(?:its\s+|any\s+|their\s+)?(?:obligations|duties)\b|\binterest\s+(?:in\s+and\s+to|in|under|to)\s+this\s+(?:\w+\s+){0,2}?agreement\b|\bsuccessors\s+and\s+(?:permitted\s+)?assigns\b|\bwithout\s+the\s+(?:prior\s+)?(?:written\s+)?consent\b",
    )
});
/// Assignability of licences or of the agreement, and the sale of a whole business ("the
/// foregoing licenses shall be assignable … to the extent the licensee transfers to a Third
/// Party all or substantially all of the assets of the business", "shall assign to Qualigen
/// each subdistributor agreement"): contract rights change hands, no IP is made over, even
/// when the licensed IP is named.
static ASSIGNABLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:licen[cs]es?|agreements?|sublicen[cs]es?)\s+(?:\w+\s+){0,3}?(?:shall|may|will|is|are)\s+(?:not\s+)?(?:be\s+)?(?:freely\s+)?(?:assignable|transferable)\b|\ball\s+or\s+substantially\s+all\s+(?:of\s+)?(?:its\s+|the\s+|their\s+)?(?:assets|business)\b|\b(?:assign|transfer)\s+(?:to\s+[\w-]+\s+)?(?:each|any|all|the|such)\s+(?:[\w-]+\s+){0,2}?(?:agreements?|contracts?)\b",
    )
});
/// A "right, title and interest" in something that is not IP ("in and to any refund for taxes
/// paid", "in and to your telephone numbers"): the words after it name the thing.
static RTI: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bright,?\s+title(?:,)?\s+(?:and|or|&|and/or)\s+interests?\b"));
/// How far after "right, title and interest" (bytes) its object is read.
const RTI_OBJECT_REACH: usize = 60;
/// Things a party already has, whose "remains the property of" is retention, not assignment.
static RETAINED_THING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:confidential\s+information|proprietary\s+information|equipment|inventory|premises|samples|documents?\s+(?:furnished|provided)|materials\s+(?:furnished|provided|supplied)|(?:client|customer|company|licensor|licensee)\s+(?:materials|data|property)|records|funds|monies|title\s+to\s+(?:the\s+)?(?:products?|goods|units?)|risk\s+of\s+loss)\b",
    )
});
/// Things made in the work: what an assignment of developed IP is about.
static CREATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:developed|created|conceived|made|generated|authored|produced|invented|reduced\s+to\s+practice|prepared|improvements?|modifications?|enhancements?|derivative\s+works?|inventions?|work\s+product|deliverables?|developments?|results|new\s+intellectual\s+property|foreground|arising\s+(?:from|out\s+of|under)|used\s+by|create[sd]?|develops?|conceives?|collect(?:s|ed)?|generates?)\b",
    )
});
/// Each party owning what it made or had: "the respective party", "each party shall own".
static RESPECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\brespective\s+part(?:y|ies)\b|\beach\s+party\s+shall\s+(?:\w+\s+)?own\b")
});
/// The party named as owner right after an ownership phrase ("property of the Company").
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:property\s+of|owned\s+(?:solely\s+|exclusively\s+|jointly\s+)?by|vest(?:ed)?\s+(?:solely\s+|exclusively\s+|fully\s+)?in|belong\s+(?:solely\s+|exclusively\s+)?to|owner\s+of(?:\s+and\s+\w+\s+to)?)\s+(?:and\s+\w+\s+\w+\s+)?(?:the\s+)?\[?(?P<owner>[a-z][\w-]*(?:\s+[a-z0-9]\b)?)",
    )
});
/// The subject of "X shall own".
static SUBJECT_OWNS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<owner>[a-z][\w-]*(?:\s+[a-z0-9]\b)?)\]?(?:'s)?\s+(?:(?:shall|will)\s+(?:\w+\s+){0,2}?(?:own|acquire|be\s+the)|owns)\b",
    )
});
/// The subject of a sentence that opens with a party and its verb ("Company shall at all
/// times retain …").
static SENTENCE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W*(?:\(?[\da-z]{1,3}[.)]\s*)?(?:\d+(?:\.\d+)*\s+)?(?:the\s+)?(?P<owner>[a-z][\w-]*)\s+(?:shall|will|hereby|agrees?|acknowledges?)\b",
    )
});
/// Who made the thing: "developed by Consultant", "made solely by employees of iBio".
static MAKER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:made|created|developed|conceived|generated|authored|invented|produced|prepared|procured|provided|supplied|furnished)(?:\s+(?:solely|jointly|independently|exclusively|wholly))?\s+by\s+(?:or\s+(?:for|on\s+behalf\s+of)\s+)?(?:employees\s+of\s+|or\s+on\s+behalf\s+of\s+)?(?:the\s+)?\[?(?P<maker>[a-z][\w-]*(?:\s+[a-z0-9]\b)?)",
    )
});
/// Words that name no party when they follow an ownership phrase.
const NOT_A_PARTY: &[&str] = &[
    "such",
    "each",
    "either",
    "a",
    "an",
    "that",
    "this",
    "its",
    "their",
    "his",
    "her",
    "any",
    "all",
    "one",
    "or",
    "and",
    "whichever",
];
/// Nouns a party's name qualifies when the thing is the party's own ("VerticalNet Intellectual
/// Property", "Fox's materials"): what that party keeps is not assigned.
const OWN_THINGS: &[&str] = &[
    "intellectual",
    "ip",
    "brand",
    "technology",
    "software",
    "materials",
    "patents",
    "patent",
    "marks",
    "trademarks",
    "content",
    "data",
    "property",
    "products",
    "product",
    "know-how",
    "proprietary",
    "pages",
    "confidential",
    "licensed",
    "background",
    "pre-existing",
    "existing",
    "tools",
    "platform",
    "code",
    "copyrights",
    "invention",
    "inventions",
    "activities",
    "subscribers",
    "customers",
    "users",
    "clients",
    "business",
    "name",
    "names",
    "website",
    "site",
    "system",
    "systems",
    "information",
    "assets",
];

/// "shall be and remain the property of": retention, like "shall remain".
static BE_AND_REMAIN: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bbe(?:come)?\s+and\s+(?:shall\s+|will\s+)?remain\b"));
/// "work made for hire", "works made for hire", "work for hire".
static WMFH: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bworks?[\s-]+(?:made[\s-]+)?for[\s-]+hire\b"));
/// Background IP named: "pre-existing", "background", "prior", "existing" IP or materials.
static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:pre-?existing|background|prior|existing|retained|own)\s+(?:intellectual\s+property|ip|materials|technology|know-how|tools|works?|inventions?|software)\b|\b(?:developed|owned|created)\s+(?:by\s+\w+\s+)?(?:prior\s+to|before|independently|outside)\b",
    )
});
/// Keeping background IP: "retains", "remains the property of", "nothing … transfers".
static RETAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bretains?\b|\bremains?\b|\bshall\s+(?:continue\s+to\s+)?(?:own|be\s+owned|remain)\b|\bnothing\s+in\s+this\s+agreement\b|\bnot\s+(?:be\s+)?(?:assigned|transferred)\b|\bexcept\s+for\b|\bexcluding\b|\bexclusive\s+of\b|\bother\s+than\b",
    )
});
/// A licence word.
static LICENCE: LazyLock<Regex> = LazyLock::new(|| re(r"\blicen[cs]e"));
/// Transfer conditioned on payment.
static ON_PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:upon|on|after|following|subject\s+to|conditional\s+(?:up)?on|receipt\s+of)\s+(?:the\s+)?(?:receipt\s+of\s+|client's\s+|customer's\s+)?(?:full|final|complete|all)\s+(?:and\s+final\s+)?payment|\bpayment\s+in\s+full\b|\bhas\s+paid\s+(?:all|in\s+full)\b|\bupon\s+payment\s+of\s+(?:all|the)\b",
    )
});
/// Broad assignment: methods, models, algorithms, tools, know-how, or all IP.
static BROAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:methodolog(?:y|ies)|algorithms?|models?|know-how|tools|techniques|processes|frameworks?|all\s+(?:work\s+product|intellectual\s+property))\b",
    )
});
/// Retention of own IP, not an assignment: "each party retains … intellectual property".
static RETAIN_IP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:retains?|shall\s+(?:continue\s+to\s+)?own|remains?\s+(?:the\s+)?(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)?(?:property|owner))\b[^.;]{0,150}\bintellectual\s+property\b|\bintellectual\s+property\b[^.;]{0,150}\b(?:retains?|remains?\s+(?:the\s+)?(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)?property)\b",
    )
});
/// What is assigned, as a short code, most specific first.
static ASSIGNS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        (
            "work_product",
            re(r"\bwork\s+product\b|\bworks?\s+made\s+for\s+hire\b"),
        ),
        ("deliverables", re(r"\bdeliverables?\b")),
        (
            "inventions",
            re(r"\binventions?\b|\bdiscoveries\b|\bimprovements?\b|\bdevelopments?\b"),
        ),
        (
            "intellectual_property",
            re(
                r"\bintellectual\s+property\b|\bproprietary\s+rights\b|\bcopyrights?\b|\bpatents?\b|\bright,?\s+title",
            ),
        ),
        ("trademarks", re(r"\btrade\s*marks?\b|\bdomain\s+names?\b")),
        ("data", re(r"\bdata\b")),
    ]
});

/// What the contract says about ownership of IP.
#[derive(Debug, Default)]
struct Findings {
    /// Sentences that assign: (rank, span, what is assigned), where rank orders the evidence:
    /// the form's place in [`FORMS`] (verbs of assignment first), after it work made for hire.
    assignments: Vec<(usize, Span, &'static str)>,
    /// The first assignment of methods, models, tools or all work product.
    broad: Option<Span>,
    wmfh: Option<Span>,
    background: Option<Span>,
    licence_back: bool,
    on_payment: Option<Span>,
    retention: Option<Span>,
}

/// Whether the clause of the sentence up to the end of a match negates it ("shall not assign",
/// "no title … is transferred", "nothing in this Agreement shall convey", "neither party shall
/// acquire"). The clause starts after the last comma, semicolon, colon or bracket before the
/// match; "whether or not" and "not limited to" negate nothing.
fn negated(n: &str, start: usize, end: usize) -> bool {
    let lo = floor_boundary(n, start.saturating_sub(200));
    let clause_start = n[lo..start]
        .rfind([',', ';', ':', '('])
        .map_or(lo, |i| lo + i + 1);
    // "Neither X, nor its Affiliates, will acquire": these reach across commas.
    let wide_start = n[lo..start]
        .rfind([';', ':', '('])
        .map_or(lo, |i| lo + i + 1);
    if n[wide_start..start]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "neither" || w == "nor")
    {
        return true;
    }
    let words: Vec<&str> = n[clause_start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| match *w {
        "not" => {
            let prev = if i > 0 { words[i - 1] } else { "" };
            let next = words.get(i + 1).copied().unwrap_or("");
            // "elects not to prosecute any Patent Rights …": a negated infinitive of another
            // verb negates that verb, not the transfer.
            let other_infinitive = next == "to"
                && !words.get(i + 2).is_some_and(|v| {
                    matches!(
                        *v,
                        "assign"
                            | "transfer"
                            | "convey"
                            | "own"
                            | "acquire"
                            | "vest"
                            | "be"
                            | "have"
                            | "obtain"
                            | "claim"
                            | "pass"
                            | "become"
                            | "cede"
                    )
                });
            prev != "or" && next != "limited" && !other_infinitive
        }
        // "no title … is transferred", not "at no expense" or "no later than".
        "no" => words.iter().skip(i + 1).take(3).any(|w| {
            matches!(
                *w,
                "title"
                    | "ownership"
                    | "right"
                    | "rights"
                    | "interest"
                    | "license"
                    | "licence"
                    | "intellectual"
                    | "assignment"
                    | "transfer"
                    | "proprietary"
            )
        }),
        "never" | "nor" | "cannot" | "neither" | "nothing" => true,
        _ => false,
    })
}

/// The words of a capture that name a party, without a possessive.
fn party_word(w: &str) -> Option<&str> {
    let w = w
        .trim_end_matches("'s")
        .trim_end_matches('\'')
        .trim_end_matches(']');
    (!w.is_empty() && !NOT_A_PARTY.contains(&w)).then_some(w)
}

/// Whether `owner` already had the thing before the ownership phrase at `at`: it made or
/// supplied it ("created by X … property of X") or the thing bears its name ("the Intellectual
/// Property of X", "X Brand Features", "X's subscribers").
fn owner_keeps_own(n: &str, at: usize, owner: &str) -> bool {
    let before = &n[..floor_boundary(n, at)];
    // "made by A or B" is not made by A alone.
    let sole_maker = |c: regex::Captures<'_>| -> Option<String> {
        let m = c.name("maker")?;
        let rest = before[m.end()..].trim_start();
        if rest.starts_with("or ") || rest.starts_with("and/or ") {
            return None;
        }
        party_word(m.as_str()).map(str::to_owned)
    };
    if MAKER
        .captures_iter(before)
        .filter_map(sole_maker)
        .any(|m| m == owner)
    {
        return true;
    }
    let word_char = |c: char| c.is_alphanumeric() || c == '-';
    before.match_indices(owner).any(|(i, _)| {
        let after = &before[i + owner.len()..];
        let prefix = &before[..i];
        if prefix.ends_with(word_char) || after.starts_with(word_char) {
            return false;
        }
        let after = after.trim_start_matches("'s").trim_start_matches('\'');
        let next = after
            .split(|c: char| !word_char(c))
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let mut prev = prefix
            .split(|c: char| !word_char(c))
            .rev()
            .filter(|w| !w.is_empty());
        let (p1, p2) = (prev.next().unwrap_or(""), prev.next().unwrap_or(""));
        OWN_THINGS.contains(&next) || p1 == "of" || (p1 == "the" && p2 == "of")
    })
}

/// Whether a sentence assigns IP; `Some((rank, what))` when it does, rank being the place in
/// [`FORMS`] of the form that matched. `keeps`
/// is set when the sentence is a statement of ownership in which a party keeps what it had or
/// made ("Inventions made solely by Supplier shall belong to Supplier", "shall remain the
/// property of"): an ownership clause that assigns nothing.
fn assignment_in(n: &str, keeps: &mut bool) -> Option<(usize, &'static str)> {
    // A definition says what a term covers, not who owns it.
    if DEFINITION.is_match(n) {
        return None;
    }
    // "Right, title and interest" is IP only when what it is in is not a refund, a telephone
    // number or another thing of [`NON_IP`].
    let strong_ip = STRONG_IP.find_iter(n).any(|m| {
        !RTI.is_match(m.as_str())
            || !NON_IP.is_match(&n[m.end()..floor_boundary(n, m.end() + RTI_OBJECT_REACH)])
    });
    if !strong_ip && NON_IP.is_match(n) {
        return None;
    }
    if ASSIGNABLE.is_match(n) {
        return None;
    }
    // Rights arising from using the licensor's marks go back to the licensor: no IP made.
    if USE_OF_MARKS.is_match(n)
        && !n.contains("intellectual property")
        && !n.contains("invention")
        && !n.contains("work product")
    {
        return None;
    }
    // "may not assign this Agreement without consent" assigns nothing.
    let contract_assign = CONTRACT_ASSIGN.is_match(n) && !n.contains("intellectual property");
    let retained_thing = RETAINED_THING.is_match(n) && !CREATED.is_match(n);
    let what = || {
        ASSIGNS
            .iter()
            .find(|(_, r)| r.is_match(n))
            .map_or("other", |(code, _)| *code)
    };
    for (rank, form) in FORMS.iter().enumerate() {
        for m in form.re.find_iter(n) {
            // "To the extent the IP does not vest in Company, Executive hereby assigns": a
            // present assignment is negated only by its own words.
            let negation = if form.name == "hereby-assigns" {
                negated(m.as_str(), 0, m.len())
            } else {
                negated(n, m.start(), m.end())
            };
            if negation || contract_assign {
                continue;
            }
            // A representation that a document suffices to transfer ("represents and warrants
            // … that this Agreement … is sufficient to transfer") assigns nothing itself; the
            // representation must be in the same clause as the verb.
            let clause_start = n[..m.start()].rfind(';').map_or(0, |i| i + 1);
            if form.strong && REPRESENTS.is_match(&n[clause_start..m.start()]) {
                continue;
            }
            if form.strong {
                // Transferring know-how, data or materials hands over copies; only rights
                // change owner.
                let assign_verb = m.as_str().contains("assign");
                if assign_verb || RIGHTS.is_match(n) {
                    return Some((rank, what()));
                }
                continue;
            }
            // A party warranting that it owns, a party keeping what it had, each party keeping
            // its own, trademarks that only their owner ever had.
            let before = &n[..m.start()];
            if RESPECTIVE.is_match(n) && !retained_thing {
                *keeps = true;
            }
            if retained_thing
                || JOINT.is_match(n)
                || (n.contains("goodwill") && !strong_ip)
                || RESPECTIVE.is_match(n)
                || REPRESENTS.is_match(before)
                || (MARKS.is_match(n) && !IP_MADE.is_match(n) && !CREATED.is_match(n))
            {
                continue;
            }
            // "… shall remain the property of" keeps, unless something is made in the work.
            // "shall be and remain the property of" says the same: the owner keeps it.
            let is_remain = form.name == "property-of"
                && (form
                    .re
                    .captures_at(n, m.start())
                    .and_then(|c| c.name("verb"))
                    .is_some_and(|v| v.as_str() == "remain")
                    || BE_AND_REMAIN.is_match(m.as_str()));
            if is_remain {
                *keeps = true;
                continue;
            }
            let owner = if form.name == "shall-own" {
                // "X shall own … the X Brand Features": the thing after the verb bears the
                // owner's name, so the whole sentence is searched.
                let subject = SUBJECT_OWNS
                    .captures_iter(&n[floor_boundary(n, m.start().saturating_sub(60))..m.end()])
                    .last()
                    .and_then(|c| c.name("owner"))
                    .map(|o| o.as_str());
                // "Company shall retain …, and shall be the sole owner of …": a verb joined by
                // "and" or "or" shares the subject of the sentence.
                let subject = match subject {
                    Some("and" | "or") => SENTENCE_SUBJECT
                        .captures(&n[..m.start()])
                        .and_then(|c| c.name("owner"))
                        .map(|o| o.as_str()),
                    other => other,
                };
                subject.and_then(party_word).map(|o| (o, n.len()))
            } else {
                // The owner follows the ownership phrase that ends the match.
                let from = floor_boundary(n, m.end().saturating_sub(40).max(m.start()));
                OWNER
                    .captures_at(n, from)
                    .filter(|c| c.get(0).is_some_and(|w| w.start() <= m.end() + 40))
                    .and_then(|c| {
                        let o = c.name("owner")?;
                        party_word(o.as_str()).map(|w| (w, o.start()))
                    })
            };
            match owner {
                Some((owner, at)) if owner_keeps_own(n, at, owner) => *keeps = true,
                // "shall own" says whose; other forms need something made in the work.
                _ if matches!(form.name, "shall-own" | "vest") || CREATED.is_match(n) => {
                    return Some((rank, what()));
                }
                _ => {}
            }
        }
    }
    None
}

impl Check for IpOwnership {
    const ID: &'static str = "ip-ownership";
    const NAME: &'static str = "IP ownership";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds who owns the work product and IP: assignments in either direction (and what is assigned), work made for hire, background IP kept by its owner (with a licence back), and transfer of ownership on full payment; licences, negated transfers, a party keeping its own IP, joint ownership and trademark goodwill are not assignments.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "broad_assignment",
            "Verdict for an assignment of all work product including algorithms, models, methodologies, tools or know-how with no background-IP carve-out (002 Red Line 1): pass, warn or fail.",
        ),
        (
            "work_made_for_hire",
            "Verdict for a blanket work-made-for-hire clause with no background-IP carve-out: pass, warn or fail.",
        ),
        (
            "assignment_without_carve_out",
            "Verdict for any other assignment of developed IP with no background carve-out and no transfer-on-payment condition: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict for a contract with no IP ownership clause: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(IpOwnership {
            broad_assignment: among("broad_assignment", &policy.broad_assignment, GRADES)?,
            work_made_for_hire: among("work_made_for_hire", &policy.work_made_for_hire, GRADES)?,
            assignment_without_carve_out: among(
                "assignment_without_carve_out",
                &policy.assignment_without_carve_out,
                GRADES,
            )?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut f = Findings::default();
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            // Cheap pre-filter: every cue needs one of these stems.
            let cue = n.contains("assign")
                || n.contains("propert")
                || n.contains("vest")
                || n.contains("own")
                || n.contains("hire")
                || n.contains("title")
                || n.contains("transfer")
                || n.contains("belong")
                || n.contains("retain")
                || n.contains("conve")
                || n.contains("cede");
            if !cue {
                continue;
            }
            // A work made for hire, unless it is the licensee's use of the licensor's marks.
            let wmfh = WMFH.find(n).is_some_and(|m| {
                !USE_OF_MARKS.is_match(n)
                    && !negated(n, m.start(), m.end())
                    && n.split_whitespace().count() > 5
            });
            if wmfh {
                f.wmfh.get_or_insert(s.span);
            }
            let mut keeps = false;
            let assigns =
                assignment_in(n, &mut keeps).or(wmfh.then_some((FORMS.len(), "work_product")));
            if let Some((rank, what)) = assigns {
                // Strong statements with words of IP make better evidence than bare ones.
                let rank = rank * 2 + usize::from(!STRONG_IP.is_match(n));
                f.assignments.push((rank, s.span, what));
                if BROAD.is_match(n) {
                    f.broad.get_or_insert(s.span);
                }
                if ON_PAYMENT.is_match(n) {
                    f.on_payment.get_or_insert(s.span);
                }
            }
            if BACKGROUND.is_match(n) && RETAIN.is_match(n) {
                f.background.get_or_insert(s.span);
                if LICENCE.is_match(n) {
                    f.licence_back = true;
                }
            } else if f.background.is_some() && LICENCE.is_match(n) && BACKGROUND.is_match(n) {
                f.licence_back = true;
            }
            if assigns.is_none() && (keeps || RETAIN_IP.is_match(n)) {
                f.retention.get_or_insert(s.span);
            }
            if assigns.is_none()
                && ON_PAYMENT.is_match(n)
                && (n.contains("title") || n.contains("ownership"))
                && (n.contains("deliverable")
                    || n.contains("intellectual property")
                    || n.contains("work product"))
            {
                f.on_payment.get_or_insert(s.span);
            }
        }
        // The best evidence first: verbs of assignment before statements of ownership, words of
        // IP before bare ones, then document order. One assignment is quoted, with the sentence
        // that decides the verdict.
        f.assignments
            .sort_by_key(|(rank, span, _)| (*rank, span.start));
        let first = f.assignments.first().copied();
        let assignment = first.is_some();
        let background = f.background.is_some();
        let on_payment = f.on_payment.is_some();
        // The sentences that decide the verdict, quoted after the assignment itself.
        let (verdict, message, decisive) = if assignment {
            if background {
                (
                    Verdict::Pass,
                    "Developed IP is assigned, and background IP stays with its owner.",
                    f.background,
                )
            } else if on_payment {
                (
                    Verdict::Pass,
                    "Developed IP is assigned only on full payment.",
                    f.on_payment,
                )
            } else if f.broad.is_some() {
                (
                    self.broad_assignment,
                    "All work product, including methods, models or tools, is assigned with no background-IP carve-out.",
                    f.broad,
                )
            } else if f.wmfh.is_some() {
                (
                    self.work_made_for_hire,
                    "The work is a work made for hire, with no background-IP carve-out.",
                    f.wmfh,
                )
            } else {
                (
                    self.assignment_without_carve_out,
                    "Developed IP is assigned with no background-IP carve-out and no payment condition.",
                    None,
                )
            }
        } else if background {
            (
                Verdict::Pass,
                "Background IP stays with its owner; developed IP is not assigned.",
                f.background,
            )
        } else if f.retention.is_some() {
            (
                Verdict::Pass,
                "Ownership stays with the party that had or made the IP; nothing is assigned.",
                f.retention,
            )
        } else {
            return vec![Report::new(
                self.missing,
                "The contract has no IP ownership clause.",
            )];
        };
        let mut report = Report::new(verdict, message)
            .param("assignment", assignment)
            .param("background_retained", background)
            .param("transfer_on_payment", on_payment)
            .param("work_made_for_hire", f.wmfh.is_some())
            .param("licence_back", f.licence_back)
            .param_opt("assigns", first.map(|(_, _, what)| what));
        // With an assignment, the sentence that decides the verdict (a background-IP carve-out,
        // a payment condition) supports it; without one, that sentence is the clause itself.
        if let Some((_, span, _)) = first {
            report = report.quote(span);
            if let Some(d) = decisive {
                report = report.quote_for(d, decisive_about(&f, d));
            }
        } else if let Some(d) = decisive {
            report = report.quote(d);
        }
        vec![report]
    }
}

/// What a sentence that decides the verdict beside an assignment is about.
fn decisive_about(f: &Findings, span: Span) -> &'static str {
    if f.background == Some(span) {
        "background-ip"
    } else if f.on_payment == Some(span) {
        "transfer-on-payment"
    } else if f.wmfh == Some(span) {
        "work-made-for-hire"
    } else {
        "assignment-scope"
    }
}

clauselint_sdk::export_check!(IpOwnership);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = IpOwnership::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn assigned(text: &str) -> bool {
        matches!(
            run(text).finding().params.get("assignment"),
            Some(ParamValue::Bool(true))
        )
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<IpOwnership>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &STRONG_IP,
            &NON_IP,
            &USE_OF_MARKS,
            &CONTRACT_ASSIGN,
            &ASSIGNABLE,
            &RTI,
            &RETAINED_THING,
            &CREATED,
            &RESPECTIVE,
            &IP_MADE,
            &MARKS,
            &RIGHTS,
            &REPRESENTS,
            &DEFINITION,
            &JOINT,
            &OWNER,
            &SUBJECT_OWNS,
            &SENTENCE_SUBJECT,
            &MAKER,
            &WMFH,
            &BE_AND_REMAIN,
            &BACKGROUND,
            &RETAIN,
            &LICENCE,
            &ON_PAYMENT,
            &BROAD,
            &RETAIN_IP,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert_eq!(FORMS.len(), 12);
        assert_eq!(ASSIGNS.len(), 6);
    }

    #[test]
    fn assignments_and_near_misses() {
        for text in [
            "Consultant hereby assigns to Client all right, title and interest in the Deliverables.",
            "All Work Product shall be the sole and exclusive property of Company.",
            "All inventions conceived by Contractor in performing the Services shall vest in Client.",
            "The Deliverables shall be deemed works made for hire.",
            "Supplier shall, at its own expense, transfer to Customer all right, title and interest in the Tooling.",
            "Company agrees to cause such applications and trademarks to be assigned and transferred to Licensor.",
            "Any and all web pages developed by Contractor, and all associated proprietary rights, shall be owned exclusively by the Company.",
            "Party A owns the sole and exclusive right of the intellectual property, including any improvement, whether created by Party A or Party B.",
            "To the extent the Company IP does not vest in the Company, the Executive hereby assigns all right, title and interest in the Company IP to the Company.",
        ] {
            assert!(assigned(text), "{text}");
        }
        for text in [
            "Licensor hereby grants Licensee a non-exclusive licence to use the Software.",
            "Neither party may assign this Agreement without the prior written consent of the other.",
            "All Confidential Information shall remain the property of the disclosing party.",
            "Client Materials remain the property of Client.",
            "Licensee may use the Trademarks solely in connection with the Products.",
            "No title to or ownership of the Software is transferred to Distributor under this Agreement.",
            "Nothing in this Agreement shall be construed to convey to Reseller any right to use the Marks.",
            "THIS AGREEMENT IS NOT A WORK-FOR-HIRE AGREEMENT.",
            "All goodwill arising from Licensee's use of the Licensed Marks shall vest in Licensor.",
            "Inventions made solely by employees of Supplier shall belong solely to Supplier.",
            "The Intellectual Property of VerticalNet is and shall remain the sole property of VerticalNet.",
            "All Joint Inventions shall be jointly owned by the Parties.",
            "Title and risk of loss to the Products shall pass to Buyer upon delivery.",
            "Provider will assign the following priority levels to each reported problem.",
            "Supplier shall transfer to Customer all know-how necessary to manufacture the Product.",
            "\"Background IP\" means any intellectual property owned by a Party prior to the Effective Date.",
            "Constellation represents and warrants that it shall own all intellectual property in the artwork.",
        ] {
            assert!(!assigned(text), "{text}");
        }
    }

    #[test]
    fn assignment_instruments_and_unrelated_negations() {
        // An undertaking to execute the assignment instruments.
        assert!(assigned(
            "2.3 Recordation. To the extent the ownership thereof has transferred from a member of the Nuance Group to a member of the SpinCo Group pursuant to the Separation Agreement, the Parties shall execute intellectual property assignments in a form substantially similar to that attached as Exhibit A1."
        ));
        // "elects not to prosecute" does not negate the ownership that follows.
        assert!(assigned(
            "6.4 In the event that Qualigen elects not to prosecute or maintain in a particular country any Patent Rights in the jointly developed Development IP, Sekisui may elect to prosecute such Abandoned Joint IP in such country, in which case the Patent Rights for such Abandoned Joint IP in such country shall be owned solely by Sekisui."
        ));
        assert!(!assigned(
            "6.4 Licensee shall not acquire any right, title or interest in the Software, and no title to the Software is transferred."
        ));
    }

    #[test]
    fn be_and_remain_and_shared_subjects_keep() {
        // "shall be and remain the property of" is retention.
        assert!(!assigned(
            "8.2 All right, title and interest in and to the Results and Proceeds and to the Advertising Materials shall be and remain the absolute property of TDA forever."
        ));
        // A verb joined by "and" shares the sentence's subject, who made the materials.
        assert!(!assigned(
            "9. Company shall at all times retain full ownership in and to all information respecting its business, and shall be the sole and exclusive owner of all materials created by or for the Company hereunder."
        ));
    }

    #[test]
    fn keeping_own_ip_is_an_ownership_clause_without_assignment() {
        let r =
            run("Inventions made solely by employees of Supplier shall belong solely to Supplier.");
        assert_eq!(r.verdict(), Verdict::Pass);
        assert_eq!(
            r.finding().params.get("assignment"),
            Some(&ParamValue::Bool(false))
        );
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = IpOwnership::new(Policy {
            broad_assignment: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("broad_assignment = \"missing\""), "{err}");
    }
}
