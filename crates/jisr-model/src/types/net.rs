//! Network values: IP addresses and networks, ports, domains, e-mail
//! addresses, links, AS numbers, MAC and onion addresses.

use std::net::IpAddr;

use super::shown;

/// One IP address, IPv4 or IPv6, in canonical form (IPv6 compressed and
/// lower-case as RFC 5952 and `inet_ntop` write it).
pub(crate) fn ip(v: &str) -> Result<String, String> {
    parse_ip(v)
        .map(|ip| ip.to_string())
        .ok_or_else(|| format!("'{}' is not an IP address", shown(v)))
}

fn parse_ip(v: &str) -> Option<IpAddr> {
    // `[2001:db8::1]` is how an IPv6 address is often quoted.
    let bare = v
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(v);
    bare.parse().ok()
}

/// An IP address or a CIDR network. The prefix length must be 0–32 (IPv4)
/// or 0–128 (IPv6); `/32` and `/128` are dropped as MISP does. Host bits
/// are kept (`10.1.2.3/8` stays as given).
pub(crate) fn ip_or_cidr(v: &str) -> Result<String, String> {
    let Some((addr, len)) = v.split_once('/') else {
        return ip(v);
    };
    let ip =
        parse_ip(addr).ok_or_else(|| format!("'{}' is not an IP address or network", shown(v)))?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let len = small_number(len)
        .filter(|n| *n <= max)
        .ok_or_else(|| format!("'{}' has an invalid CIDR prefix length (0–{max})", shown(v)))?;
    Ok(if len == max {
        ip.to_string()
    } else {
        format!("{ip}/{len}")
    })
}

/// A short string of ASCII digits (at most 10) as a number.
fn small_number(v: &str) -> Option<u64> {
    if v.is_empty() || v.len() > 10 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// A port number 0–65535, written without leading zeros.
pub(crate) fn port(v: &str) -> Result<String, String> {
    small_number(v)
        .filter(|n| *n <= 65_535)
        .map(|n| n.to_string())
        .ok_or_else(|| format!("'{}' is not a port number (0–65535)", shown(v)))
}

/// Rewrite `ip:port`, `[ipv6]:port`, `ipv6 port N` and `ipv6#N` as
/// `ip|port`; `None` when the value has none of these shapes.
pub(crate) fn ip_port_to_composite(v: &str) -> Option<String> {
    if let Some(rest) = v.strip_prefix('[') {
        let (ip, port) = rest.split_once("]:")?;
        return Some(format!("{ip}|{port}"));
    }
    match v.matches(':').count() {
        0 => None,
        1 => v.split_once(':').map(|(ip, port)| format!("{ip}|{port}")),
        _ => {
            let (ip, port) = v.split_once(" port ").or_else(|| v.split_once('#'))?;
            Some(format!("{ip}|{port}"))
        }
    }
}

/// A domain or host name: lower-cased, leading and trailing dots removed,
/// internationalised names converted to punycode (`xn--…`). It must have at
/// least two labels of letters, digits, `-` or `_` (1–63 each, 253 in all)
/// and a top-level label of two or more letters, digits or `-`.
pub(crate) fn domain(v: &str) -> Result<String, String> {
    let lower = v.to_lowercase();
    let trimmed = lower.trim_matches('.');
    let ascii = if trimmed.is_ascii() {
        trimmed.to_string()
    } else {
        idna::domain_to_ascii(trimmed)
            .map_err(|_| format!("'{}' is not a valid domain name", shown(v)))?
    };
    if domain_shape_ok(&ascii, false) {
        Ok(ascii)
    } else {
        Err(format!("'{}' is not a valid domain name", shown(v)))
    }
}

/// The label rules of [`domain`]; with `unicode`, letters and digits of any
/// script are allowed too (used for the domain part of e-mail addresses,
/// which are kept as given).
fn domain_shape_ok(d: &str, unicode: bool) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    let char_ok = |c: char| {
        c.is_ascii_alphanumeric()
            || c == '-'
            || c == '_'
            || (unicode && !c.is_ascii() && c.is_alphanumeric())
    };
    let Some(tld) = labels.last() else {
        return false;
    };
    d.len() <= 253
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.len() <= 63 && l.chars().all(char_ok))
        && tld.chars().count() >= 2
        && !tld.contains('_')
}

/// An e-mail address: exactly one `@`, a local part without whitespace, and
/// a domain part with a valid-looking domain (IDN allowed, kept as given).
pub(crate) fn email(v: &str, lower: bool) -> Result<String, String> {
    let bad = || format!("'{}' is not an e-mail address", shown(v));
    let (local, domain) = v.split_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty() && !local.chars().any(|c| c.is_whitespace() || c.is_control());
    if !local_ok || domain.contains('@') || !domain_shape_ok(domain.trim_end_matches('.'), true) {
        return Err(bad());
    }
    Ok(if lower {
        v.to_lowercase()
    } else {
        v.to_string()
    })
}

/// A Jabber ID: `user@domain` with an optional `/resource`.
pub(crate) fn jabber_id(v: &str) -> Result<String, String> {
    let bare = v.split_once('/').map_or(v, |(b, _)| b);
    email(bare, false)
        .map(|_| v.to_string())
        .map_err(|_| format!("'{}' is not a Jabber ID", shown(v)))
}

/// An absolute URL with a scheme, and a host unless the scheme is one that
/// has none (mailto, news, file), as PHP's `FILTER_VALIDATE_URL` with
/// `FILTER_FLAG_SCHEME_REQUIRED`. Kept exactly as given.
pub(crate) fn link(v: &str) -> Result<String, String> {
    let bad = || format!("'{}' is not an absolute URL", shown(v));
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let url = url::Url::parse(v).map_err(|_| bad())?;
    if !url.has_host() && !matches!(url.scheme(), "mailto" | "news" | "file") {
        return Err(bad());
    }
    Ok(v.to_string())
}

/// An autonomous system number: an optional `AS` prefix (any case) is
/// dropped, `asdot` (`1.10`) is converted to `asplain` (`65546`), and the
/// number must be 0–4294967295. Stored as plain digits, as MISP does.
pub(crate) fn autonomous_system(v: &str) -> Result<String, String> {
    let bad = || format!("'{}' is not an AS number", shown(v));
    let digits = match v.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("as") => super::trim(v.get(2..).unwrap_or_default()),
        _ => v,
    };
    let n = match digits.split_once('.') {
        Some((hi, lo)) => {
            let (hi, lo) = (
                small_number(hi).ok_or_else(bad)?,
                small_number(lo).ok_or_else(bad)?,
            );
            if hi > 65_535 || lo > 65_535 {
                return Err(bad());
            }
            hi * 65_536 + lo
        }
        None => small_number(digits).ok_or_else(bad)?,
    };
    if n > u64::from(u32::MAX) {
        return Err(bad());
    }
    Ok(n.to_string())
}

/// A MAC address (6 groups) or EUI-64 (8 groups): separators `:`, `-`, `.`
/// or spaces are accepted; written lower-case with `:`.
pub(crate) fn mac(v: &str, groups: usize) -> Result<String, String> {
    let hex: String = v
        .chars()
        .filter(|c| !matches!(c, ':' | '-' | '.' | ' '))
        .collect();
    if hex.len() != groups * 2 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        let what = if groups == 6 {
            "a MAC address"
        } else {
            "an EUI-64 address"
        };
        return Err(format!("'{}' is not {what}", shown(v)));
    }
    let lower = hex.to_ascii_lowercase();
    let parts: Vec<&str> = (0..groups)
        .filter_map(|i| lower.get(i * 2..i * 2 + 2))
        .collect();
    Ok(parts.join(":"))
}

/// A Tor onion address: optional sub-domains, then a 16 (v2) or 56 (v3)
/// character base32 label, then `.onion`; lower-cased.
pub(crate) fn onion(v: &str) -> Result<String, String> {
    let lower = v.to_lowercase();
    let ok = lower.strip_suffix(".onion").is_some_and(|rest| {
        let label = rest.rsplit('.').next().unwrap_or(rest);
        matches!(label.len(), 16 | 56)
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
            && domain_shape_ok(&lower, false)
    });
    if ok {
        Ok(lower)
    } else {
        Err(format!("'{}' is not an onion address", shown(v)))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::normalise;

    fn norm(t: &str, v: &str) -> String {
        match normalise(t, v) {
            Ok(n) => n.value,
            Err(e) => panic!("{t} {v:?}: {e}"),
        }
    }

    fn bad(t: &str, v: &str) {
        assert!(normalise(t, v).is_err(), "{t} {v:?} should be refused");
    }

    #[test]
    fn ipv4() {
        assert_eq!(norm("ip-dst", " 10.0.0.1 "), "10.0.0.1");
        assert_eq!(norm("ip-src", "192.168.0.0/16"), "192.168.0.0/16");
        assert_eq!(norm("ip-src", "10.1.2.3/32"), "10.1.2.3");
        assert_eq!(norm("ip-src", "10.1.2.3/8"), "10.1.2.3/8");
        for v in [
            "999.1.1.1",
            "1.2.3",
            "01.2.3.4",
            "1.2.3.4/33",
            "1.2.3.4/",
            "1.2.3.4/a",
            "1.2.3.4/8/8",
            "example.com",
        ] {
            bad("ip-dst", v);
        }
    }

    #[test]
    fn ipv6_is_canonicalised() {
        assert_eq!(
            norm("ip-dst", "2001:0DB8:0000:0000:0000:0000:0000:0001"),
            "2001:db8::1"
        );
        assert_eq!(norm("ip-dst", "2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
        assert_eq!(norm("ip-dst", "[FE80::1]"), "fe80::1");
        assert_eq!(norm("ip-src", "2001:DB8::/32"), "2001:db8::/32");
        assert_eq!(norm("ip-src", "2001:db8::1/128"), "2001:db8::1");
        assert_eq!(norm("ip-src", "::ffff:1.2.3.4"), "::ffff:1.2.3.4");
        for v in [
            "2001:db8::1::2",
            "2001:db8::g",
            "2001:db8::/129",
            "fe80::1%eth0",
        ] {
            bad("ip-src", v);
        }
    }

    #[test]
    fn ip_port() {
        let n = normalise("ip-dst|port", "1.2.3.4|0443").unwrap();
        assert_eq!(
            (n.value.as_str(), n.value1.as_str(), n.value2.as_str()),
            ("1.2.3.4|443", "1.2.3.4", "443")
        );
        assert_eq!(norm("ip-dst|port", "1.2.3.4:80"), "1.2.3.4|80");
        assert_eq!(
            norm("ip-src|port", "[2001:DB8:0::1]:8080"),
            "2001:db8::1|8080"
        );
        assert_eq!(norm("ip-src|port", "2001:db8::1|0"), "2001:db8::1|0");
        assert_eq!(
            norm("ip-src|port", "2001:db8::1|65535"),
            "2001:db8::1|65535"
        );
        for v in [
            "1.2.3.4|65536",
            "1.2.3.4|-1",
            "1.2.3.4|http",
            "1.2.3.4",
            "10.0.0.0/8|80",
            "host|80",
        ] {
            bad("ip-dst|port", v);
        }
    }

    #[test]
    fn ports() {
        assert_eq!(norm("port", "0"), "0");
        assert_eq!(norm("port", "08080"), "8080");
        assert_eq!(norm("port", "65535"), "65535");
        for v in ["65536", "-1", "80a", "1e3", "99999999999999999999"] {
            bad("port", v);
        }
    }

    #[test]
    fn domains_and_hostnames() {
        assert_eq!(norm("domain", "Example.COM."), "example.com");
        assert_eq!(norm("hostname", "WWW.Example.com."), "www.example.com");
        assert_eq!(norm("domain", "_dmarc.example.com"), "_dmarc.example.com");
        assert_eq!(
            norm("domain", "xn--mgbh0fb.xn--kgbechtv"),
            "xn--mgbh0fb.xn--kgbechtv"
        );
        assert_eq!(norm("domain", "مثال.إختبار"), "xn--mgbh0fb.xn--kgbechtv");
        assert_eq!(norm("domain", "bücher.example"), "xn--bcher-kva.example");
        for v in [
            "localhost",
            "exa mple.com",
            "a..b.com",
            "example.c",
            "ex!ample.com",
            "1.2.3.4/8",
            &format!("{}.com", "a".repeat(64)),
        ] {
            bad("domain", v);
        }
    }

    #[test]
    fn domain_ip() {
        let n = normalise("domain|ip", "Example.com.|2001:DB8::1").unwrap();
        assert_eq!(n.value, "example.com|2001:db8::1");
        assert_eq!(n.value1, "example.com");
        assert_eq!(n.value2, "2001:db8::1");
        bad("domain|ip", "example.com|999.1.1.1");
        bad("domain|ip", "not a domain|1.1.1.1");
    }

    #[test]
    fn hostname_port() {
        assert_eq!(
            norm("hostname|port", "Mail.Example.com:25"),
            "mail.example.com|25"
        );
        assert_eq!(
            norm("hostname|port", "mail.example.com|587"),
            "mail.example.com|587"
        );
        bad("hostname|port", "mail.example.com|smtp");
    }

    #[test]
    fn emails() {
        assert_eq!(norm("email-src", "Alice@Example.COM"), "alice@example.com");
        assert_eq!(
            norm("email", "user+tag@sub.example.org"),
            "user+tag@sub.example.org"
        );
        assert_eq!(norm("eppn", "Bob@Example.edu"), "Bob@Example.edu");
        assert_eq!(norm("email-dst", "سارة@مثال.إختبار"), "سارة@مثال.إختبار");
        for v in [
            "alice",
            "alice@",
            "@example.com",
            "a@b@example.com",
            "a b@example.com",
            "alice@localhost",
            "alice@exa mple.com",
        ] {
            bad("email-dst", v);
        }
        assert_eq!(
            norm("jabber-id", "alice@jabber.org/Laptop"),
            "alice@jabber.org/Laptop"
        );
        bad("jabber-id", "alice");
    }

    #[test]
    fn links_urls_and_uris() {
        assert_eq!(
            norm("link", " https://Example.com/Path?Q=1 "),
            "https://Example.com/Path?Q=1"
        );
        assert_eq!(norm("link", "mailto:a@example.com"), "mailto:a@example.com");
        for v in [
            "example.com/path",
            "https://",
            "http://exa mple.com",
            "foo:bar",
        ] {
            bad("link", v);
        }
        assert_eq!(
            norm("url", "hxxp://Evil[.]com/Login"),
            "hxxp://Evil[.]com/Login"
        );
        assert_eq!(norm("uri", "/Admin/Login.php"), "/Admin/Login.php");
        bad("url", "http://a\nhttp://b");
    }

    #[test]
    fn autonomous_systems() {
        assert_eq!(norm("AS", "AS13335"), "13335");
        assert_eq!(norm("AS", "as 64512"), "64512");
        assert_eq!(norm("AS", "13335"), "13335");
        assert_eq!(norm("AS", "1.10"), "65546");
        assert_eq!(norm("AS", "4294967295"), "4294967295");
        for v in ["4294967296", "ASX", "AS", "1.65536", "-1", "AS1.2.3"] {
            bad("AS", v);
        }
    }

    #[test]
    fn mac_addresses() {
        assert_eq!(
            norm("mac-address", "00-1A-2B-3C-4D-5E"),
            "00:1a:2b:3c:4d:5e"
        );
        assert_eq!(norm("mac-address", "001a.2b3c.4d5e"), "00:1a:2b:3c:4d:5e");
        assert_eq!(
            norm("mac-eui-64", "00:1A:2B:FF:FE:3C:4D:5E"),
            "00:1a:2b:ff:fe:3c:4d:5e"
        );
        bad("mac-address", "00:1a:2b:3c:4d");
        bad("mac-address", "00:1a:2b:3c:4d:5g");
        bad("mac-eui-64", "00:1a:2b:3c:4d:5e");
    }

    #[test]
    fn onion_addresses() {
        let v3 = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";
        assert_eq!(norm("onion-address", &v3.to_uppercase()), v3);
        assert_eq!(
            norm("onion-address", "www.expyuzz4wqqyqhjn.onion"),
            "www.expyuzz4wqqyqhjn.onion"
        );
        bad("onion-address", "example.onion");
        bad("onion-address", "expyuzz4wqqyqhjn.com");
    }
}
