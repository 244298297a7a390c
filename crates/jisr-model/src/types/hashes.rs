//! Hash and fingerprint values.

use super::shown;

pub(crate) fn all_hex(v: &str) -> bool {
    v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Exactly `len` hexadecimal digits, lower-cased.
pub(crate) fn hex_hash(v: &str, len: usize) -> Result<String, String> {
    if v.len() == len && all_hex(v) {
        Ok(v.to_ascii_lowercase())
    } else {
        Err(format!(
            "'{}' is not a hash of {len} hexadecimal digits",
            shown(v)
        ))
    }
}

/// TLSH: more than 35 hex digits, optionally after a `t` version prefix
/// (`T1…`); lower-cased.
pub(crate) fn tlsh(v: &str) -> Result<String, String> {
    let lower = v.to_ascii_lowercase();
    let body = lower.strip_prefix('t').unwrap_or(&lower);
    if body.len() > 35 && all_hex(body) {
        Ok(lower)
    } else {
        Err(format!(
            "'{}' is not a TLSH hash (more than 35 hexadecimal digits)",
            shown(v)
        ))
    }
}

/// telfhash: 70 or 72 characters (a TLSH digest, with or without `t1`), or
/// `tnull` for a binary without symbols; lower-cased.
pub(crate) fn telfhash(v: &str) -> Result<String, String> {
    let lower = v.to_ascii_lowercase();
    let ok = lower == "tnull"
        || (matches!(lower.len(), 70 | 72) && lower.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(lower)
    } else {
        Err(format!(
            "'{}' is not a telfhash (70 or 72 characters)",
            shown(v)
        ))
    }
}

/// Apple code-directory hash: 40 or more hex digits, lower-cased.
pub(crate) fn cdhash(v: &str) -> Result<String, String> {
    if v.len() >= 40 && all_hex(v) {
        Ok(v.to_ascii_lowercase())
    } else {
        Err(format!(
            "'{}' is not a cdhash (40 or more hexadecimal digits)",
            shown(v)
        ))
    }
}

pub(crate) fn base64ish(v: &str) -> bool {
    v.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+')
}

/// ssdeep: `blocksize:hash:hash`, the block size a number and the hashes
/// base64 characters; kept as given (base64 is case-sensitive).
pub(crate) fn ssdeep(v: &str) -> Result<String, String> {
    let parts: Vec<&str> = v.split(':').collect();
    let ok = parts.len() == 3
        && parts
            .first()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().skip(1).all(|p| base64ish(p));
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!(
            "'{}' is not an ssdeep hash (blocksize:hash:hash)",
            shown(v)
        ))
    }
}

/// impfuzzy: `imports:hash:hash`, the first part a number; kept as given.
pub(crate) fn impfuzzy(v: &str) -> Result<String, String> {
    let parts: Vec<&str> = v.split(':').collect();
    let ok = parts.len() == 3
        && parts
            .first()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && parts
            .iter()
            .skip(1)
            .all(|p| !p.chars().any(char::is_whitespace));
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!(
            "'{}' is not an impfuzzy hash (imports:hash:hash)",
            shown(v)
        ))
    }
}

/// An SSH key fingerprint: `SHA256:` and the unpadded or padded base64 of
/// 32 bytes, or an MD5 fingerprint (optional `MD5:`, colons allowed).
/// Kept as given.
pub(crate) fn ssh_fingerprint(v: &str) -> Result<String, String> {
    let ok = if let Some(b64) = v.strip_prefix("SHA256:") {
        let body = b64.strip_suffix('=').unwrap_or(b64);
        body.len() == 43 && base64ish(body)
    } else {
        let md5 = v.strip_prefix("MD5:").unwrap_or(v).replace(':', "");
        md5.len() == 32 && all_hex(&md5)
    };
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!(
            "'{}' is not an SSH fingerprint (SHA256:… or MD5)",
            shown(v)
        ))
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
    fn fixed_length_hashes() {
        let cases = [
            ("md5", 32),
            ("sha1", 40),
            ("sha224", 56),
            ("sha256", 64),
            ("sha384", 96),
            ("sha512", 128),
            ("sha512/224", 56),
            ("sha512/256", 64),
            ("sha3-224", 56),
            ("sha3-256", 64),
            ("sha3-384", 96),
            ("sha3-512", 128),
            ("imphash", 32),
            ("authentihash", 64),
            ("pehash", 40),
            ("git-commit-id", 40),
            ("ja3-fingerprint-md5", 32),
            ("jarm-fingerprint", 62),
            ("hassh-md5", 32),
            ("hasshserver-md5", 32),
            ("dom-hash", 32),
            ("x509-fingerprint-md5", 32),
            ("x509-fingerprint-sha1", 40),
            ("x509-fingerprint-sha256", 64),
        ];
        for (t, n) in cases {
            let upper = "AB".repeat(n / 2);
            assert_eq!(norm(t, &format!(" {upper} ")), "ab".repeat(n / 2), "{t}");
            bad(t, &"a".repeat(n - 1));
            bad(t, &"a".repeat(n + 1));
            bad(t, &format!("{}g", "a".repeat(n - 1)));
        }
        assert_eq!(
            norm("x509-fingerprint-sha1", &["AB"; 20].join(":")),
            "ab".repeat(20)
        );
    }

    #[test]
    fn filename_hash_composites() {
        let n = normalise(
            "filename|sha256",
            &format!("Invoice.PDF.exe|{}", "F".repeat(64)),
        )
        .unwrap();
        assert_eq!(n.value1, "Invoice.PDF.exe");
        assert_eq!(n.value2, "f".repeat(64));
        bad("filename|sha1", &format!("a.exe|{}", "f".repeat(64)));
        bad("filename|md5", &format!("a\nb.exe|{}", "f".repeat(32)));
        assert_eq!(
            norm("filename|ssdeep", "a.doc|96:Ab+/c:dE"),
            "a.doc|96:Ab+/c:dE"
        );
        assert_eq!(
            norm("filename|vhash", "a.exe|015036656D5223Z12"),
            "a.exe|015036656d5223z12"
        );
        assert_eq!(
            norm("filename|impfuzzy", "a.exe|48:Ab:Cd"),
            "a.exe|48:Ab:Cd"
        );
        bad("filename|tlsh", "a.exe|abc");
    }

    #[test]
    fn special_hashes() {
        let t = format!("T1{}", "A".repeat(70));
        assert_eq!(norm("tlsh", &t), t.to_ascii_lowercase());
        assert_eq!(norm("tlsh", &"b".repeat(36)), "b".repeat(36));
        bad("tlsh", &"b".repeat(35));
        assert_eq!(norm("telfhash", &"A".repeat(70)), "a".repeat(70));
        assert_eq!(norm("telfhash", "TNULL"), "tnull");
        bad("telfhash", &"a".repeat(71));
        assert_eq!(norm("cdhash", &"A".repeat(40)), "a".repeat(40));
        bad("cdhash", &"a".repeat(39));
        assert_eq!(
            norm("ssdeep", "3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C"),
            "3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C"
        );
        for v in ["AXGB:c", "x:a:b", "3:a b:c", "3:a:b:c"] {
            bad("ssdeep", v);
        }
        bad("impfuzzy", "a:b:c");
    }

    #[test]
    fn ssh_fingerprints() {
        let sha = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
        assert_eq!(norm("ssh-fingerprint", sha), sha);
        let md5 = "16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48";
        assert_eq!(norm("ssh-fingerprint", md5), md5);
        assert_eq!(
            norm("ssh-fingerprint", &format!("MD5:{md5}")),
            format!("MD5:{md5}")
        );
        bad("ssh-fingerprint", "SHA256:short");
        bad("ssh-fingerprint", "16:27:ac");
    }
}
