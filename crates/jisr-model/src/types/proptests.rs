//! Property tests: no value makes `normalise` panic, and normalising is
//! stable (a normalised value normalises to itself).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;

use super::{describe_types, is_composite, normalise};

fn all_types() -> Vec<String> {
    describe_types()["types"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// Strings that look a bit like attribute values: hex, digits, dots,
/// colons, bars, slashes, `@`, whitespace, Arabic and other non-ASCII.
fn value_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9a-fA-F:./|@ \\-]{0,80}",
        "[0-9]{0,12}[.:|/][0-9]{0,12}",
        "[a-zA-Z0-9ا-ي._\\-]{1,20}\\.[a-z]{2,4}",
        "[ \t\n\u{a0}]{0,3}[\\PC]{0,40}[ \t\n]{0,3}",
    ]
}

fn check(t: &str, v: &str) -> Result<(), TestCaseError> {
    if let Ok(n) = normalise(t, v) {
        prop_assert!(!n.value.is_empty());
        if is_composite(t) {
            prop_assert_eq!(&n.value, &format!("{}|{}", n.value1, n.value2));
        } else {
            prop_assert_eq!(&n.value, &n.value1);
            prop_assert!(n.value2.is_empty());
        }
        let again = normalise(t, &n.value);
        prop_assert_eq!(
            again.as_ref().ok(),
            Some(&n),
            "not stable for {} {:?}",
            t,
            v
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn random_values_never_panic_for_any_type(v in value_like()) {
        for t in all_types() {
            check(&t, &v)?;
            // Also as the second half of a composite value.
            check(&t, &format!("a.exe|{v}"))?;
        }
    }

    #[test]
    fn random_types_never_panic(t in any::<String>(), v in any::<String>()) {
        let _ = normalise(&t, &v);
    }
}

#[test]
fn composite_halves_of_every_composite_type_are_checked() {
    for t in all_types().iter().filter(|t| is_composite(t)) {
        assert!(normalise(t, "|").is_err(), "{t}");
        assert!(normalise(t, "a|b|c").is_err(), "{t}");
    }
}
