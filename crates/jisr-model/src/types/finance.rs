//! Financial values: IBAN, BIC, card and routing numbers, phone numbers and
//! crypto-currency addresses.

use super::shown;

/// Remove the spaces and hyphens people put in account numbers.
fn compact(v: &str) -> String {
    v.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// An IBAN: spaces and hyphens removed, upper-cased; 15–34 characters, a
/// two-letter country code, two check digits, then letters and digits; the
/// ISO 7064 mod-97 checksum must hold.
pub(crate) fn iban(v: &str) -> Result<String, String> {
    let s = compact(v).to_ascii_uppercase();
    let b = s.as_bytes();
    let shape = (15..=34).contains(&b.len())
        && b.iter().take(2).all(u8::is_ascii_uppercase)
        && b.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_alphanumeric);
    if !shape {
        return Err(format!("'{}' is not an IBAN", shown(v)));
    }
    // Move the first four characters to the end, read letters as 10–35,
    // and take the remainder modulo 97 digit by digit.
    let mut rem: u32 = 0;
    for &c in b.iter().skip(4).chain(b.iter().take(4)) {
        let n = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rem = if n >= 10 {
            (rem * 100 + n) % 97
        } else {
            (rem * 10 + n) % 97
        };
    }
    if rem == 1 {
        Ok(s)
    } else {
        Err(format!(
            "'{}' is not a valid IBAN (its checksum fails)",
            shown(v)
        ))
    }
}

/// A BIC (SWIFT code): spaces removed, upper-cased; 8 or 11 letters and
/// digits, the 5th and 6th being the country code letters.
pub(crate) fn bic(v: &str) -> Result<String, String> {
    let s = compact(v).to_ascii_uppercase();
    let b = s.as_bytes();
    let ok = matches!(b.len(), 8 | 11)
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b.iter().skip(4).take(2).all(u8::is_ascii_uppercase);
    if ok {
        Ok(s)
    } else {
        Err(format!("'{}' is not a BIC (8 or 11 characters)", shown(v)))
    }
}

/// A card or BIN number: spaces and hyphens removed, then digits only.
pub(crate) fn digits(v: &str) -> Result<String, String> {
    let s = compact(v);
    if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() {
        Ok(s)
    } else {
        Err(format!("'{}' is not a number", shown(v)))
    }
}

/// An ABA routing transit number: nine digits.
pub(crate) fn aba_rtn(v: &str) -> Result<String, String> {
    if v.len() == 9 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v.to_string())
    } else {
        Err(format!(
            "'{}' is not an ABA routing number (9 digits)",
            shown(v)
        ))
    }
}

/// A phone number, kept as given: one line that contains at least one digit
/// and only digits, spaces and `+ - . ( ) / x #` (for extensions).
pub(crate) fn phone(v: &str) -> Result<String, String> {
    let allowed = |c: char| c.is_ascii_digit() || c == ' ' || "+-.()/x#".contains(c);
    if v.chars().any(|c| c.is_ascii_digit()) && v.chars().all(allowed) {
        Ok(v.to_string())
    } else {
        Err(format!("'{}' is not a phone number", shown(v)))
    }
}

const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BECH32: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn base58(v: &str) -> bool {
    v.bytes().all(|b| BASE58.contains(&b))
}

/// A Bitcoin address, kept as given: base58 (P2PKH/P2SH, mainnet `1`/`3`,
/// testnet `m`/`n`/`2`, 26–35 characters) or bech32/bech32m (`bc1`, `tb1`,
/// `bcrt1`, one case throughout, 14–90 characters). The checksum is not
/// verified.
pub(crate) fn btc(v: &str) -> Result<String, String> {
    let legacy =
        (26..=35).contains(&v.len()) && v.starts_with(['1', '3', 'm', 'n', '2']) && base58(v);
    let lower = v.to_ascii_lowercase();
    let one_case = v == lower || v == v.to_ascii_uppercase();
    let segwit = one_case
        && (14..=90).contains(&v.len())
        && ["bc1", "tb1", "bcrt1"].iter().any(|hrp| {
            lower
                .strip_prefix(hrp)
                .is_some_and(|data| data.bytes().all(|b| BECH32.contains(&b)))
        });
    if legacy || segwit {
        Ok(v.to_string())
    } else {
        Err(format!("'{}' is not a Bitcoin address", shown(v)))
    }
}

/// A Monero address, kept as given: base58, 95 characters (standard or
/// sub-address) or 106 (integrated), starting with `4`/`8` (mainnet) or
/// `5`/`7`/`9`/`A`/`B` (stagenet/testnet).
pub(crate) fn xmr(v: &str) -> Result<String, String> {
    let ok = matches!(v.len(), 95 | 106)
        && v.starts_with(['4', '8', '5', '7', '9', 'A', 'B'])
        && base58(v);
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("'{}' is not a Monero address", shown(v)))
    }
}

/// A Dash address, kept as given: base58, 34 characters, starting with `X`
/// or `7` (mainnet) or `y`/`8` (testnet).
pub(crate) fn dash(v: &str) -> Result<String, String> {
    let ok = v.len() == 34 && v.starts_with(['X', '7', 'y', '8']) && base58(v);
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("'{}' is not a Dash address", shown(v)))
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
    fn iban_checksum() {
        assert_eq!(
            norm("iban", "gb82 west 1234 5698 7654 32"),
            "GB82WEST12345698765432"
        );
        assert_eq!(
            norm("iban", "DE89370400440532013000"),
            "DE89370400440532013000"
        );
        assert_eq!(
            norm("iban", "SA03 8000 0000 6080 1016 7519"),
            "SA0380000000608010167519"
        );
        assert_eq!(
            norm("iban", "AE07-0331-2345-6789-0123-456"),
            "AE070331234567890123456"
        );
        // One digit changed: the checksum fails.
        let e = normalise("iban", "GB82WEST12345698765433").unwrap_err();
        assert!(e.reason.contains("checksum"), "{e}");
        for v in [
            "GB82",
            "1282WEST12345698765432",
            "GBXXWEST12345698765432",
            "GB82WEST1234569876543!",
        ] {
            bad("iban", v);
        }
    }

    #[test]
    fn bic_codes() {
        assert_eq!(norm("bic", "deutdeff"), "DEUTDEFF");
        assert_eq!(norm("bic", "DEUT DE FF 500"), "DEUTDEFF500");
        for v in ["DEUTDEF", "DEUTDEFF50", "DEUT12FF", "DEUTDEF!"] {
            bad("bic", v);
        }
    }

    #[test]
    fn card_and_routing_numbers() {
        assert_eq!(norm("cc-number", "4111 1111-1111 1111"), "4111111111111111");
        assert_eq!(norm("bin", "411111"), "411111");
        bad("cc-number", "4111 abcd");
        bad("cc-number", " - ");
        assert_eq!(norm("aba-rtn", "021000021"), "021000021");
        bad("aba-rtn", "02100002");
    }

    #[test]
    fn phone_numbers_are_kept_as_given() {
        assert_eq!(
            norm("phone-number", " +966 (0) 11-234 5678 "),
            "+966 (0) 11-234 5678"
        );
        assert_eq!(
            norm("whois-registrant-phone", "+1.5555551234"),
            "+1.5555551234"
        );
        assert_eq!(norm("prtn", "0900123456"), "0900123456");
        bad("phone-number", "call me");
        bad("phone-number", "+1 555\n1234");
    }

    #[test]
    fn crypto_addresses() {
        assert_eq!(
            norm("btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
        );
        assert_eq!(
            norm("btc", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
        );
        let segwit = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
        assert_eq!(norm("btc", segwit), segwit);
        assert_eq!(norm("btc", &segwit.to_uppercase()), segwit.to_uppercase());
        for v in [
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdb",
            "bc1Qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "hello",
        ] {
            bad("btc", v);
        }
        let x = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
        assert_eq!(norm("xmr", x), x);
        bad("xmr", &x[1..]);
        assert_eq!(
            norm("dash", "XpESxaUmonkq8RaLLp46Brx2K39ggQe226"),
            "XpESxaUmonkq8RaLLp46Brx2K39ggQe226"
        );
        bad("dash", "1pESxaUmonkq8RaLLp46Brx2K39ggQe226");
    }
}
