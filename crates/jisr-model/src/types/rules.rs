//! Which rule applies to which attribute type, and how composite values are
//! prepared and checked half by half.
//!
//! Every rule takes a trimmed, non-empty value and returns the normalised
//! value or a reason (`'<value>' is not …`). The rules:
//!
//! | rule | types | normalisation |
//! | --- | --- | --- |
//! | `Hash(n)` | md5, sha1, sha2/sha3 families, imphash, authentihash, pehash, git-commit-id, dom-hash, ja3/hassh/jarm | exactly `n` hex digits, lower-cased |
//! | `X509(n)` | x509-fingerprint-* | `:` removed, then `Hash(n)` |
//! | `Tlsh`, `Telfhash`, `Cdhash`, `Ssdeep`, `Impfuzzy`, `Vhash` | the fuzzy/special hashes | lower-cased (not ssdeep/impfuzzy, which are base64) |
//! | `Ip` | ip-src, ip-dst | IPv4/IPv6 or CIDR; IPv6 compressed and lower-case, `/32` and `/128` dropped |
//! | `IpPlain` | the IP half of `domain\|ip`, `ip-*\|port` | like `Ip`, no CIDR |
//! | `Domain` | domain, hostname | lower-cased, leading/trailing dots removed, IDN to punycode |
//! | `Email(lower)` | email types | one `@`, domain part checked; lower-cased for email, email-src/dst, target-email, whois-registrant-email |
//! | `Link` | link | an absolute URL (scheme, and host unless mailto/news/file); kept as given |
//! | `Port` | port and the `…\|port` halves | integer 0–65535, leading zeros dropped |
//! | `As` | AS | `AS`/`as` prefix dropped, asdot `a.b` converted, 0–4294967295 |
//! | `Mac(n)` | mac-address (6), mac-eui-64 (8) | lower-case colon form |
//! | `Onion` | onion-address | lower-cased, v2 (16) or v3 (56) base32 label + `.onion` |
//! | `Iban`, `Bic` | iban, bic | spaces/hyphens removed, upper-cased; IBAN mod-97, BIC 8/11 chars |
//! | `Btc`, `Xmr`, `Dash` | crypto addresses | address shape (base58 or bech32), kept as given |
//! | `Digits` | cc-number, bin | spaces/hyphens removed, digits only |
//! | `AbaRtn` | aba-rtn | 9 digits |
//! | `Phone` | phone-number, prtn, whois-registrant-phone | kept as given; one line with a digit |
//! | `DateTime` | datetime | ISO 8601 → `YYYY-MM-DDTHH:MM:SS.ffffff+HHMM` (no zone = UTC) |
//! | `Date` | date-of-birth | `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked |
//! | `Integer`, `Unsigned`, `Float` | integer; counter, size-in-bytes; float | number check, integers lose `+`/leading zeros |
//! | `Boolean` | boolean | `0`/`1`/`true`/`false` → `0`/`1` |
//! | `Uuid` | uuid | lower-case hyphenated |
//! | `Json` | cortex | valid JSON, kept as given |
//! | `Vulnerability`, `Weakness` | vulnerability, weakness | upper-cased; `CVE-YYYY-NNNN…`, `CWE-N` |
//! | `HttpMethod`, `Hex` | http-method, hex | upper-cased; known method, hex digits |
//! | `SshFingerprint` | ssh-fingerprint | `SHA256:<base64>` or MD5 hex (colons allowed) |
//! | `WindowsService` | windows-service-name/-displayname | one line, ≤ 256 bytes, no slashes |
//! | `Line` | names, identifiers, url, uri, filename, … | one line, kept as given |
//! | `Text` / `TextLower` | comment, text, rules (yara, sigma, snort…), person names, … / anonymised | free text (newlines allowed), kept as given / lower-cased |

use std::borrow::Cow;

use super::{checks, finance, hashes, net};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    Hash(usize),
    X509(usize),
    Tlsh,
    Telfhash,
    Cdhash,
    Ssdeep,
    Impfuzzy,
    Vhash,
    Ip,
    IpPlain,
    Domain,
    Email { lower: bool },
    Jabber,
    Link,
    Port,
    As,
    Mac(usize),
    Onion,
    Iban,
    Bic,
    Btc,
    Xmr,
    Dash,
    Digits,
    AbaRtn,
    Phone,
    DateTime,
    Date,
    Integer,
    Unsigned,
    Float,
    Boolean,
    Uuid,
    Json,
    Vulnerability,
    Weakness,
    HttpMethod,
    Hex,
    SshFingerprint,
    WindowsService,
    Line,
    Text,
    TextLower,
}

/// The rule for a non-composite type, or for one half of a composite type's
/// name (`filename`, `ip-dst`, `port`, `regkey`, `value`, …). `None` for a
/// name that has no rule of its own (the caller falls back to `Text`).
pub(crate) fn rule_for(t: &str) -> Option<Rule> {
    use Rule::*;
    let rule = match t {
        "md5"
        | "imphash"
        | "ja3-fingerprint-md5"
        | "hassh-md5"
        | "hasshserver-md5"
        | "dom-hash" => Hash(32),
        "sha1" | "git-commit-id" | "pehash" => Hash(40),
        "sha224" | "sha512/224" | "sha3-224" => Hash(56),
        "sha256" | "sha512/256" | "sha3-256" | "authentihash" => Hash(64),
        "jarm-fingerprint" => Hash(62),
        "sha384" | "sha3-384" => Hash(96),
        "sha512" | "sha3-512" => Hash(128),
        "x509-fingerprint-md5" => X509(32),
        "x509-fingerprint-sha1" => X509(40),
        "x509-fingerprint-sha256" => X509(64),
        "tlsh" => Tlsh,
        "telfhash" => Telfhash,
        "cdhash" => Cdhash,
        "ssdeep" => Ssdeep,
        "impfuzzy" => Impfuzzy,
        "vhash" => Vhash,
        "ip-src" | "ip-dst" => Ip,
        // The address half of `domain|ip`.
        "ip" => IpPlain,
        "domain" | "hostname" => Domain,
        "email" | "email-src" | "email-dst" | "target-email" | "whois-registrant-email" => {
            Email { lower: true }
        }
        "eppn" | "dns-soa-email" => Email { lower: false },
        "jabber-id" => Jabber,
        "link" => Link,
        "port" => Port,
        "AS" => As,
        "mac-address" => Mac(6),
        "mac-eui-64" => Mac(8),
        "onion-address" => Onion,
        "iban" => Iban,
        "bic" => Bic,
        "btc" => Btc,
        "xmr" => Xmr,
        "dash" => Dash,
        "cc-number" | "bin" => Digits,
        "aba-rtn" => AbaRtn,
        "phone-number" | "prtn" | "whois-registrant-phone" => Phone,
        "datetime" => DateTime,
        "date-of-birth" => Date,
        "integer" => Integer,
        "counter" | "size-in-bytes" => Unsigned,
        "float" => Float,
        "boolean" => Boolean,
        "uuid" => Uuid,
        "cortex" => Json,
        "vulnerability" => Vulnerability,
        "weakness" => Weakness,
        "http-method" => HttpMethod,
        "hex" => Hex,
        "ssh-fingerprint" => SshFingerprint,
        "windows-service-name" | "windows-service-displayname" => WindowsService,
        "anonymised" => TextLower,
        // Free text: detection rules, keys, bodies, notes and person names.
        "comment"
        | "text"
        | "other"
        | "snort"
        | "suricata"
        | "bro"
        | "zeek"
        | "yara"
        | "sigma"
        | "stix2-pattern"
        | "gene"
        | "kusto-query"
        | "pgp-public-key"
        | "pgp-private-key"
        | "pattern-in-file"
        | "pattern-in-traffic"
        | "pattern-in-memory"
        | "filename-pattern"
        | "mutex"
        | "process-state"
        | "community-id"
        | "mime-type"
        | "identity-card-number"
        | "cookie"
        | "attachment"
        | "cpe"
        | "email-attachment"
        | "email-body"
        | "email-header"
        | "first-name"
        | "middle-name"
        | "last-name"
        | "full-name" => Text,
        // One line of text, kept as given.
        "filename"
        | "pdb"
        | "regkey"
        | "value"
        | "url"
        | "uri"
        | "user-agent"
        | "named pipe"
        | "target-user"
        | "target-machine"
        | "target-org"
        | "target-location"
        | "target-external"
        | "campaign-name"
        | "campaign-id"
        | "threat-actor"
        | "malware-type"
        | "email-subject"
        | "email-reply-to"
        | "email-x-mailer"
        | "email-mime-boundary"
        | "email-thread-index"
        | "email-message-id"
        | "email-dst-display-name"
        | "email-src-display-name"
        | "windows-scheduled-task"
        | "whois-registrant-name"
        | "whois-registrant-org"
        | "whois-registrar"
        | "whois-creation-date"
        | "place-of-birth"
        | "gender"
        | "passport-number"
        | "passport-country"
        | "passport-expiration"
        | "redress-number"
        | "nationality"
        | "visa-number"
        | "issue-date-of-the-visa"
        | "primary-residence"
        | "country-of-residence"
        | "special-service-request"
        | "frequent-flyer-number"
        | "travel-details"
        | "payment-details"
        | "place-port-of-original-embarkation"
        | "place-port-of-clearance"
        | "place-port-of-onward-foreign-destination"
        | "passenger-name-record-locator-number"
        | "github-username"
        | "github-repository"
        | "github-organisation"
        | "twitter-id"
        | "dkim"
        | "dkim-signature"
        | "favicon-mmh3"
        | "chrome-extension-id"
        | "edge-extension-id"
        | "mobile-application-id"
        | "azure-application-id"
        | "bank-account-nr" => Line,
        _ => return None,
    };
    Some(rule)
}

/// Normalise the value of a non-composite type.
pub(crate) fn single(t: &str, v: &str) -> Result<String, String> {
    apply(rule_for(t).unwrap_or(Rule::Text), v)
}

/// The rules for the two halves of composite type `t`.
pub(crate) fn composite_rules(t: &str) -> (Rule, Rule) {
    if t == "malware-sample" {
        return (Rule::Line, Rule::Line);
    }
    let (a, b) = t.split_once('|').unwrap_or((t, ""));
    let half = |name: &str| match rule_for(name) {
        // An IP inside a composite is a single address, never a network.
        Some(Rule::Ip) => Rule::IpPlain,
        Some(r) => r,
        None => Rule::Line,
    };
    (half(a), half(b))
}

/// Normalise the two (trimmed, non-empty) halves of composite type `t`.
pub(crate) fn composite(t: &str, a: &str, b: &str) -> Result<(String, String), String> {
    let (ra, rb) = composite_rules(t);
    Ok((apply(ra, a)?, apply(rb, b)?))
}

/// Rewrite the other spellings MISP accepts for some composites into
/// `a|b` before splitting: `1.2.3.4:80`, `[2001:db8::1]:80`,
/// `2001:db8::1 port 80`, `2001:db8::1#80` for `ip-*|port`, and
/// `host:80` for `hostname|port`.
pub(crate) fn prepare_composite<'a>(t: &str, v: &'a str) -> Cow<'a, str> {
    if v.contains('|') {
        return Cow::Borrowed(v);
    }
    match t {
        "ip-src|port" | "ip-dst|port" => {
            net::ip_port_to_composite(v).map_or(Cow::Borrowed(v), Cow::Owned)
        }
        "hostname|port" if v.matches(':').count() == 1 => Cow::Owned(v.replacen(':', "|", 1)),
        _ => Cow::Borrowed(v),
    }
}

fn apply(rule: Rule, v: &str) -> Result<String, String> {
    use Rule::*;
    match rule {
        Hash(n) => hashes::hex_hash(v, n),
        X509(n) => hashes::hex_hash(&v.replace(':', ""), n),
        Tlsh => hashes::tlsh(v),
        Telfhash => hashes::telfhash(v),
        Cdhash => hashes::cdhash(v),
        Ssdeep => hashes::ssdeep(v),
        Impfuzzy => hashes::impfuzzy(v),
        Vhash => checks::line(v).map(|v| v.to_lowercase()),
        Ip => net::ip_or_cidr(v),
        IpPlain => net::ip(v),
        Domain => net::domain(v),
        Email { lower } => net::email(v, lower),
        Jabber => net::jabber_id(v),
        Link => net::link(v),
        Port => net::port(v),
        As => net::autonomous_system(v),
        Mac(groups) => net::mac(v, groups),
        Onion => net::onion(v),
        Iban => finance::iban(v),
        Bic => finance::bic(v),
        Btc => finance::btc(v),
        Xmr => finance::xmr(v),
        Dash => finance::dash(v),
        Digits => finance::digits(v),
        AbaRtn => finance::aba_rtn(v),
        Phone => finance::phone(v),
        DateTime => checks::datetime(v),
        Date => checks::date(v),
        Integer => checks::integer(v, true),
        Unsigned => checks::integer(v, false),
        Float => checks::float(v),
        Boolean => checks::boolean(v),
        Uuid => checks::uuid(v),
        Json => checks::json(v),
        Vulnerability => checks::vulnerability(v),
        Weakness => checks::weakness(v),
        HttpMethod => checks::http_method(v),
        Hex => checks::hex(v),
        SshFingerprint => hashes::ssh_fingerprint(v),
        WindowsService => checks::windows_service(v),
        Line => checks::line(v),
        Text => Ok(v.to_string()),
        TextLower => Ok(v.to_lowercase()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::{describe_types, is_composite};
    use super::*;

    fn all_types() -> Vec<&'static str> {
        describe_types()["types"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect()
    }

    #[test]
    fn every_type_has_a_rule() {
        for t in all_types() {
            if is_composite(t) {
                if t != "malware-sample" {
                    let (a, b) = t.split_once('|').unwrap();
                    assert!(rule_for(a).is_some(), "{t}: no rule for half {a}");
                    assert!(rule_for(b).is_some(), "{t}: no rule for half {b}");
                }
            } else {
                assert!(rule_for(t).is_some(), "{t} has no rule");
            }
        }
    }

    /// A realistic valid value for each rule.
    fn sample(rule: Rule) -> String {
        use Rule::*;
        let s = match rule {
            Hash(n) | X509(n) => return "a".repeat(n),
            Tlsh => "t1abcdef0123456789abcdef0123456789abcdef",
            Telfhash => return "f".repeat(70),
            Cdhash => return "c".repeat(40),
            Ssdeep => "24:Ab+/c:dE",
            Impfuzzy => "48:Ab:Cd",
            Vhash => "015036656d5223z12z",
            Ip => "10.0.0.0/8",
            IpPlain => "2001:db8::1",
            Domain => "example.com",
            Email { .. } => "alice@example.com",
            Jabber => "alice@jabber.org/home",
            Link => "https://example.com/report",
            Port => "443",
            As => "AS13335",
            Mac(6) => "00:1a:2b:3c:4d:5e",
            Mac(_) => "00:1a:2b:ff:fe:3c:4d:5e",
            Onion => "expyuzz4wqqyqhjn.onion",
            Iban => "GB82WEST12345698765432",
            Bic => "DEUTDEFF",
            Btc => "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            Xmr => {
                "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
            }
            Dash => "XpESxaUmonkq8RaLLp46Brx2K39ggQe226",
            Digits => "4111111111111111",
            AbaRtn => "021000021",
            Phone => "+966 11 234 5678",
            DateTime => "2024-03-01T10:20:30Z",
            Date => "1985-02-28",
            Integer | Unsigned => "42",
            Float => "1.5",
            Boolean => "true",
            Uuid => "5a0f2d3b-1c4e-4f5a-9b6c-7d8e9f0a1b2c",
            Json => "{}",
            Vulnerability => "CVE-2021-44228",
            Weakness => "CWE-79",
            HttpMethod => "GET",
            Hex => "DEADBEEF",
            SshFingerprint => "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
            WindowsService => "EvilSvc",
            Line | Text | TextLower => "عبد الله",
        };
        s.to_string()
    }

    #[test]
    fn every_type_accepts_a_realistic_value_and_is_stable() {
        for t in all_types() {
            let v = if is_composite(t) {
                let (a, b) = composite_rules(t);
                format!("{}|{}", sample(a), sample(b))
            } else {
                sample(rule_for(t).unwrap())
            };
            let n = match super::super::normalise(t, &v) {
                Ok(n) => n,
                Err(e) => panic!("{t} refused {v:?}: {e}"),
            };
            assert_eq!(
                super::super::normalise(t, &n.value).as_ref(),
                Ok(&n),
                "{t} not stable"
            );
        }
    }

    #[test]
    fn composite_halves() {
        assert_eq!(
            composite_rules("filename|sha256"),
            (Rule::Line, Rule::Hash(64))
        );
        assert_eq!(composite_rules("ip-dst|port"), (Rule::IpPlain, Rule::Port));
        assert_eq!(composite_rules("domain|ip"), (Rule::Domain, Rule::IpPlain));
        assert_eq!(composite_rules("hostname|port"), (Rule::Domain, Rule::Port));
        assert_eq!(
            composite_rules("filename|ssdeep"),
            (Rule::Line, Rule::Ssdeep)
        );
        assert_eq!(composite_rules("malware-sample"), (Rule::Line, Rule::Line));
    }

    #[test]
    fn composite_preparation() {
        assert_eq!(prepare_composite("ip-dst|port", "1.2.3.4:80"), "1.2.3.4|80");
        assert_eq!(
            prepare_composite("ip-dst|port", "[2001:db8::1]:443"),
            "2001:db8::1|443"
        );
        assert_eq!(
            prepare_composite("ip-src|port", "2001:db8::1 port 22"),
            "2001:db8::1|22"
        );
        assert_eq!(
            prepare_composite("ip-src|port", "2001:db8::1#53"),
            "2001:db8::1|53"
        );
        assert_eq!(prepare_composite("ip-src|port", "1.2.3.4|80"), "1.2.3.4|80");
        assert_eq!(
            prepare_composite("hostname|port", "example.com:8080"),
            "example.com|8080"
        );
        assert_eq!(prepare_composite("filename|md5", "a:b"), "a:b");
    }
}
