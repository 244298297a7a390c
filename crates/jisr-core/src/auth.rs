//! API keys: generation, keyed digests, and turning a key into an [`Actor`].
//! Keys are 40 alphanumeric characters as in MISP; only an HMAC-SHA256 of a
//! key under the instance secret is stored, so a stolen database yields no
//! usable key, and lookup is by digest with a constant-time comparison.

use hmac::{Hmac, Mac};
use jisr_model::AuthKey;
use jisr_policy::Actor;
use jisr_store::Tx;
use rand::Rng;
use rand::distributions::Alphanumeric;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::{CoreError, Result, invalid};

pub const KEY_LEN: usize = 40;

pub fn generate_key() -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(KEY_LEN)
        .map(char::from)
        .collect()
}

pub fn is_well_formed(key: &str) -> bool {
    key.len() == KEY_LEN && key.bytes().all(|b| b.is_ascii_alphanumeric())
}

pub fn digest(secret: &[u8], key: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(key.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Stores a new key for `user_id` and returns the clear key (shown once).
pub fn issue_key(
    tx: &mut dyn Tx,
    secret: &[u8],
    user_id: i64,
    clear: Option<&str>,
    comment: &str,
) -> Result<String> {
    issue_key_until(tx, secret, user_id, clear, comment, 0)
}

/// As [`issue_key`], with an expiry (seconds since the epoch; 0 never expires).
pub fn issue_key_until(
    tx: &mut dyn Tx,
    secret: &[u8],
    user_id: i64,
    clear: Option<&str>,
    comment: &str,
    expiration: i64,
) -> Result<String> {
    let key = match clear {
        Some(k) if is_well_formed(k) => k.to_string(),
        Some(_) => return Err(invalid("an API key must be 40 letters and digits")),
        None => generate_key(),
    };
    let record = AuthKey {
        id: 0,
        uuid: uuid::Uuid::new_v4().to_string(),
        user_id,
        digest: digest(secret, &key),
        key_start: key[..4].to_string(),
        key_end: key[KEY_LEN - 4..].to_string(),
        created: jisr_model::wire::now(),
        expiration,
        comment: comment.to_string(),
    };
    tx.authkey_insert(&record)?;
    Ok(key)
}

/// Resolves an API key to the acting user. Every failure reads the same to
/// the caller, so that probing cannot tell a wrong key from a disabled user.
pub fn authenticate(tx: &mut dyn Tx, secret: &[u8], key: &str) -> Result<Actor> {
    let refused = || {
        CoreError::Unauthenticated("Authentication failed. Please make sure you pass the API key of an API enabled user along in the Authorization header.".into())
    };
    if !is_well_formed(key) {
        return Err(refused());
    }
    let wanted = digest(secret, key);
    let Some(record) = tx.authkey_by_digest(&wanted)? else {
        return Err(refused());
    };
    if !bool::from(record.digest.as_bytes().ct_eq(wanted.as_bytes())) {
        return Err(refused());
    }
    if record.expiration > 0 && record.expiration < jisr_model::wire::now() {
        return Err(refused());
    }
    let mut actor = actor_for_user(tx, record.user_id).map_err(|_| refused())?;
    actor.authkey_id = record.id;
    Ok(actor)
}

pub fn actor_for_user(tx: &mut dyn Tx, user_id: i64) -> Result<Actor> {
    let user = tx
        .user_get(user_id)?
        .ok_or_else(|| CoreError::NotFound("user".into()))?;
    if user.disabled {
        return Err(CoreError::Unauthenticated("user disabled".into()));
    }
    let role = tx
        .role_get(user.role_id)?
        .ok_or_else(|| CoreError::NotFound("role".into()))?;
    let unpublished_private = crate::settings::get(tx, "MISP.unpublishedprivate")? == "1";
    let sharing_groups = tx.sharing_groups_of_org(user.org_id)?;
    Ok(Actor {
        user_id: user.id,
        org_id: user.org_id,
        email: user.email,
        role,
        sharing_groups,
        unpublished_private,
        authkey_id: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_misp_shaped_and_digests_keyed() {
        let k = generate_key();
        assert!(is_well_formed(&k));
        assert!(!is_well_formed("short"));
        assert!(!is_well_formed(&"é".repeat(20)));
        assert_ne!(digest(b"a", &k), digest(b"b", &k));
        assert_eq!(digest(b"a", &k), digest(b"a", &k));
        assert_eq!(digest(b"a", &k).len(), 64);
    }
}
