//! What an attribute contributes to the correlation index: exact-value keys
//! after per-type normalisation, an address range for IP and CIDR values,
//! and blocking keys for cross-script names. Pure: no storage here.
//!
//! A key is the first 8 bytes of SHA-256 over a tagged string, so any value
//! (up to 64 KiB) indexes as one integer. With 10 million distinct keys the
//! chance that any two collide is about 3 in a million; a collision would
//! relate two unrelated values, never hide a correlation.

use std::net::IpAddr;

use jisr_model::Attribute;
use jisr_names::NameKind;
use jisr_store::IpRange;
use sha2::{Digest, Sha256};

pub use super::name_keys::{NAME_KEYS_VERSION, name_keys};

/// A value part's key material, and the key.
pub fn key_of(tag: &str, material: &str) -> i64 {
    let mut h = Sha256::new();
    h.update(tag.as_bytes());
    h.update([0u8]);
    h.update(material.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    i64::from_be_bytes(b)
}

/// The correlation-relevant facts about one attribute.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derived {
    /// Exact keys (value parts, and the network of a CIDR value).
    pub keys: Vec<i64>,
    /// The canonical parts behind `keys`, for exclusion matching and display.
    pub parts: Vec<String>,
    pub range: Option<IpRange>,
    /// Person or organisation name: its kind and its blocking keys.
    pub name: Option<(NameKind, Vec<i64>)>,
}

/// Which value halves correlate: MISP leaves out the port of `…|port` types.
fn parts(a: &Attribute) -> Vec<&str> {
    let mut out = vec![a.value1.as_str()];
    let port_second = matches!(
        a.attr_type.as_str(),
        "ip-src|port" | "ip-dst|port" | "hostname|port" | "domain|port"
    );
    if !a.value2.is_empty() && !port_second {
        out.push(a.value2.as_str());
    }
    out
}

/// Types whose (first or second) half is an IP address or network.
pub(crate) fn ip_part(a: &Attribute) -> Option<&str> {
    match a.attr_type.as_str() {
        "ip-src" | "ip-dst" | "ip-src|port" | "ip-dst|port" => Some(a.value1.as_str()),
        "domain|ip" => Some(a.value2.as_str()),
        _ => None,
    }
}

/// Phone numbers are kept as written; their key drops the punctuation so
/// that `+20 100-123` and `+20100123` meet.
fn canonical(attr_type: &str, part: &str) -> String {
    let lower = part.trim().to_lowercase();
    match attr_type {
        "phone-number" | "prtn" | "whois-registrant-phone" => lower
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/'))
            .collect(),
        "iban" | "bic" | "cc-number" | "bin" => lower.chars().filter(|c| *c != ' ').collect(),
        _ => lower,
    }
}

/// A person or organisation name: by type, or by its place in a person or
/// legal-entity object.
pub fn name_kind(a: &Attribute, object_name: Option<&str>) -> Option<NameKind> {
    match a.attr_type.as_str() {
        "full-name" | "first-name" | "middle-name" | "last-name" => {
            return Some(NameKind::Person);
        }
        _ => {}
    }
    let relation = a.object_relation.as_deref().unwrap_or("");
    match (object_name?, relation) {
        ("person", "full-name" | "first-name" | "middle-name" | "last-name" | "alias") => {
            Some(NameKind::Person)
        }
        // MISP has two templates for an organisation; both name it in `name`.
        ("legal-entity" | "organization", "name") => Some(NameKind::Organization),
        _ => None,
    }
}

/// Everything an attribute would contribute, before exclusions.
pub fn derive(a: &Attribute, object_name: Option<&str>) -> Derived {
    let mut d = Derived::default();
    if !jisr_model::types::correlates(&a.attr_type) {
        return d;
    }
    for p in parts(a) {
        let c = canonical(&a.attr_type, p);
        if c.is_empty() || d.parts.contains(&c) {
            continue;
        }
        d.keys.push(key_of("v", &c));
        d.parts.push(c);
    }
    if let Some(ip) = ip_part(a)
        && let Some(range) = parse_range(ip)
    {
        if range.prefix < 128 {
            d.keys.push(net_key(&range.lo, range.prefix));
        }
        d.range = Some(range);
    }
    if let Some(kind) = name_kind(a, object_name) {
        d.name = Some((kind, name_keys(kind, &a.value1)));
    }
    d
}

/// The key under which a network is stored and probed.
pub fn net_key(lo: &[u8; 16], prefix: i64) -> i64 {
    key_of("net", &format!("{}/{prefix}", hex::encode(lo)))
}

/// An address or `address/len` as a range in the 128-bit space.
pub fn parse_range(v: &str) -> Option<IpRange> {
    let (addr, len) = match v.split_once('/') {
        Some((a, l)) => (a, Some(l.parse::<u32>().ok()?)),
        None => (v, None),
    };
    let ip: IpAddr = addr.trim().parse().ok()?;
    let (bytes, offset, max) = match ip {
        IpAddr::V4(v4) => (v4.to_ipv6_mapped().octets(), 96, 32),
        IpAddr::V6(v6) => (v6.octets(), 0, 128),
    };
    let len = len.unwrap_or(max);
    if len > max {
        return None;
    }
    let prefix = i64::from(offset + len);
    Some(IpRange {
        lo: mask(&bytes, prefix, false),
        hi: mask(&bytes, prefix, true),
        prefix,
    })
}

/// The address with the bits after `prefix` cleared (or set).
pub fn mask(addr: &[u8; 16], prefix: i64, set: bool) -> [u8; 16] {
    let n = u128::from_be_bytes(*addr);
    let host = if prefix >= 128 {
        0
    } else if prefix <= 0 {
        u128::MAX
    } else {
        u128::MAX >> prefix
    };
    let v = if set { n | host } else { n & !host };
    v.to_be_bytes()
}

/// Keys to look up for an attribute when it is read: its own exact keys,
/// plus the networks (of the lengths in use) that could contain its range.
pub fn probes(d: &Derived, prefixes_in_use: &[i64]) -> Vec<i64> {
    let mut out = d.keys.clone();
    if let Some(r) = &d.range {
        for &p in prefixes_in_use {
            if p < r.prefix {
                out.push(net_key(&mask(&r.lo, p, false), p));
            }
        }
    }
    out
}

/// MISP's exclusion patterns: `%` matches any run of characters; the rest
/// compares case-insensitively.
pub fn wildcard_match(pattern: &str, value: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let v: Vec<char> = value.to_lowercase().chars().collect();
    // Iterative matcher with one backtrack point: linear in practice and
    // never recursive, whatever the input.
    let (mut i, mut j) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while j < v.len() {
        if i < p.len() && p[i] == '%' {
            star = Some((i, j));
            i += 1;
        } else if i < p.len() && p[i] == v[j] {
            i += 1;
            j += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    while i < p.len() && p[i] == '%' {
        i += 1;
    }
    i == p.len()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn attr(t: &str, v1: &str, v2: &str) -> Attribute {
        Attribute {
            attr_type: t.into(),
            value1: v1.into(),
            value2: v2.into(),
            ..Default::default()
        }
    }

    #[test]
    fn exact_keys_ignore_case_and_type() {
        let a = derive(&attr("domain", "evil.example", ""), None);
        let b = derive(&attr("text", "EVIL.example", ""), None);
        assert_eq!(a.keys, b.keys);
        assert_ne!(
            a.keys,
            derive(&attr("domain", "good.example", ""), None).keys
        );
    }

    #[test]
    fn composite_types_correlate_by_each_part_but_not_ports() {
        let d = derive(
            &attr("filename|md5", "a.exe", "d41d8cd98f00b204e9800998ecf8427e"),
            None,
        );
        let md5 = derive(&attr("md5", "d41d8cd98f00b204e9800998ecf8427e", ""), None);
        assert_eq!(d.keys.len(), 2);
        assert!(d.keys.contains(&md5.keys[0]));
        let port = derive(&attr("ip-dst|port", "10.0.0.1", "443"), None);
        assert_eq!(port.parts, vec!["10.0.0.1".to_string()]);
        assert!(derive(&attr("port", "443", ""), None).keys.is_empty());
    }

    #[test]
    fn phone_numbers_meet_without_punctuation() {
        let a = derive(&attr("phone-number", "+20 100-123 (4)", ""), None);
        let b = derive(&attr("phone-number", "+201001234", ""), None);
        assert_eq!(a.keys, b.keys);
    }

    #[test]
    fn ranges_and_network_probes() {
        let net = parse_range("10.1.2.3/8").unwrap();
        assert_eq!(net.prefix, 104);
        assert_eq!(net.lo, parse_range("10.0.0.0").unwrap().lo);
        assert_eq!(net.hi, parse_range("10.255.255.255").unwrap().lo);
        let cidr = derive(&attr("ip-src", "10.0.0.0/8", ""), None);
        let ip = derive(&attr("ip-dst", "10.9.8.7", ""), None);
        let probes = probes(&ip, &[104, 120]);
        assert!(cidr.keys.iter().any(|k| probes.contains(k)));
        let v6 = parse_range("2001:db8::/32").unwrap();
        assert_eq!(v6.prefix, 32);
        let inside = derive(&attr("ip-src", "2001:db8::1", ""), None);
        let outside = derive(&attr("ip-src", "2001:db9::1", ""), None);
        let net6 = derive(&attr("ip-src", "2001:db8::/32", ""), None);
        assert!(
            net6.keys
                .iter()
                .any(|k| super::probes(&inside, &[32]).contains(k))
        );
        assert!(
            !net6
                .keys
                .iter()
                .any(|k| super::probes(&outside, &[32]).contains(k))
        );
        assert!(parse_range("10.0.0.0/33").is_none());
        assert!(parse_range("nonsense").is_none());
    }

    #[test]
    fn names_get_blocking_keys_shared_across_scripts() {
        let a = derive(&attr("full-name", "محمود توفيق", ""), None);
        let b = derive(&attr("full-name", "Mahmoud Tawfik", ""), None);
        let (ka, kb) = (a.name.unwrap().1, b.name.unwrap().1);
        assert!(ka.iter().any(|k| kb.contains(k)), "{ka:?} {kb:?}");
        let mut person = attr("text", "Mahmoud Tawfik", "");
        person.object_relation = Some("full-name".into());
        assert!(derive(&person, Some("person")).name.is_some());
        assert!(derive(&person, None).name.is_none());
        let mut org = attr("text", "Nile Trading LLC", "");
        org.object_relation = Some("name".into());
        assert_eq!(
            derive(&org, Some("legal-entity")).name.map(|n| n.0),
            Some(NameKind::Organization)
        );
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("8.8.8.8", "8.8.8.8"));
        assert!(wildcard_match("%.example.com", "www.EXAMPLE.com"));
        assert!(wildcard_match("a%b%c", "axxbyyc"));
        assert!(!wildcard_match("a%b%c", "axxbyy"));
        assert!(wildcard_match("%", ""));
        assert!(!wildcard_match("abc", "abcd"));
    }
}
