//! Console logins: argon2 password hashes, per-account lockout after repeated
//! failures, browser sessions and admin-issued one-time set-password links.
//! Session and link tokens are random and stored only as keyed digests (as
//! API keys are), so a copy of the database opens no session.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use jisr_model::wire::now;
use jisr_model::{PasswordLink, PasswordRecord, User, WebSession};
use jisr_policy::Actor;
use jisr_store::Tx;
use rand::RngCore;

use crate::auth::digest;
use crate::error::{Result, field_error, no_permission, not_found};

/// Failed logins in a row before the account is locked.
pub const MAX_FAILED_LOGINS: i64 = 5;
/// How long a locked account refuses logins.
pub const LOCK_SECONDS: i64 = 15 * 60;
/// How long a browser session lasts without logging in again.
pub const SESSION_SECONDS: i64 = 12 * 3600;
/// How long a set-password link stays usable.
pub const LINK_SECONDS: i64 = 3 * 24 * 3600;
pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_BYTES: usize = 1024;

/// A fresh unguessable token (256 bits, hex).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Domain-separated digests, so a session token can never pass as a link or an API key.
fn session_digest(secret: &[u8], token: &str) -> String {
    digest(secret, &format!("session:{token}"))
}
fn link_digest(secret: &[u8], token: &str) -> String {
    digest(secret, &format!("password-link:{token}"))
}

/// Checks the password rules; the error names the field as a form shows it.
pub fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(field_error(
            "The password is too short",
            "password",
            "password-too-short",
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(field_error(
            "The password is too long",
            "password",
            "password-too-long",
        ));
    }
    Ok(())
}

pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| crate::error::invalid(format!("cannot make a salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| crate::error::invalid(format!("cannot hash the password: {e}")))
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Sets a user's password, clears any lockout, and ends every session and
/// outstanding link of that user (whoever knew the old secret is out).
pub fn set_password(tx: &mut dyn Tx, user_id: i64, password: &str) -> Result<()> {
    check_password(password)?;
    let hash = hash_password(password)?;
    tx.password_put(&PasswordRecord {
        user_id,
        hash,
        failed: 0,
        locked_until: 0,
        changed: now(),
    })?;
    tx.sessions_delete_user(user_id)?;
    tx.password_links_delete("", Some(user_id))?;
    Ok(())
}

/// What a login attempt came to. Every refusal reads the same to the person
/// at the keyboard; the reason is for the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// The clear session token for the cookie.
    Ok {
        user_id: i64,
        token: String,
    },
    Refused {
        user_id: i64,
        reason: &'static str,
    },
}

/// Checks an email and password. Failures are counted per account (in the
/// caller's transaction, which it must commit either way); the account is
/// locked for [`LOCK_SECONDS`] after [`MAX_FAILED_LOGINS`] failures in a row.
pub fn login(tx: &mut dyn Tx, secret: &[u8], email: &str, password: &str) -> Result<Login> {
    let t = now();
    let user = tx.user_by_email(email.trim())?;
    let record = match &user {
        Some(u) => tx.password_get(u.id)?,
        None => None,
    };
    let (Some(user), Some(mut record)) = (user, record) else {
        // The same work as a real check, so timing does not tell which emails exist.
        let _ = verify_password(dummy_hash(), password);
        return Ok(Login::Refused {
            user_id: 0,
            reason: "unknown email or no password set",
        });
    };
    if record.locked_until > t {
        return Ok(Login::Refused {
            user_id: user.id,
            reason: "account locked",
        });
    }
    if user.disabled || !verify_password(&record.hash, password) {
        record.failed += 1;
        if record.failed >= MAX_FAILED_LOGINS {
            record.locked_until = t + LOCK_SECONDS;
            record.failed = 0;
        }
        tx.password_put(&record)?;
        return Ok(Login::Refused {
            user_id: user.id,
            reason: if user.disabled {
                "user disabled"
            } else {
                "wrong password"
            },
        });
    }
    record.failed = 0;
    record.locked_until = 0;
    tx.password_put(&record)?;
    let mut u = user;
    u.last_login = t;
    tx.user_update(&u)?;
    tx.sessions_purge(t)?;
    let token = new_token();
    tx.session_insert(&WebSession {
        digest: session_digest(secret, &token),
        user_id: u.id,
        created: t,
        expires: t + SESSION_SECONDS,
    })?;
    Ok(Login::Ok {
        user_id: u.id,
        token,
    })
}

/// An argon2 hash of a random token, verified against when the email is
/// unknown; made once with the same parameters as real hashes.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&new_token()).unwrap_or_default())
}

/// The acting user of a live session, built exactly as for an API key.
pub fn session_actor(tx: &mut dyn Tx, secret: &[u8], token: &str) -> Result<Option<Actor>> {
    if token.is_empty() || token.len() > 128 {
        return Ok(None);
    }
    let Some(s) = tx.session_get(&session_digest(secret, token))? else {
        return Ok(None);
    };
    if s.expires < now() {
        return Ok(None);
    }
    match crate::auth::actor_for_user(tx, s.user_id) {
        Ok(a) => Ok(Some(a)),
        Err(_) => Ok(None),
    }
}

pub fn logout(tx: &mut dyn Tx, secret: &[u8], token: &str) -> Result<()> {
    tx.session_delete(&session_digest(secret, token))?;
    Ok(())
}

/// Issues a one-time set-password link token for `user`; only someone who
/// may manage the user may do so. Returns the clear token (shown once).
pub fn issue_link(tx: &mut dyn Tx, secret: &[u8], actor: &Actor, user: &User) -> Result<String> {
    if !crate::directory::may_manage_user(actor, user) {
        return Err(no_permission());
    }
    issue_link_unchecked(tx, secret, actor.user_id, user.id)
}

/// For the command line, which acts as the instance's operator.
pub fn issue_link_unchecked(
    tx: &mut dyn Tx,
    secret: &[u8],
    issued_by: i64,
    user_id: i64,
) -> Result<String> {
    let token = new_token();
    let t = now();
    tx.password_link_insert(&PasswordLink {
        digest: link_digest(secret, &token),
        user_id,
        created_by: issued_by,
        created: t,
        expires: t + LINK_SECONDS,
    })?;
    Ok(token)
}

/// The user a live link is for.
pub fn link_user(tx: &mut dyn Tx, secret: &[u8], token: &str) -> Result<Option<User>> {
    if token.is_empty() || token.len() > 128 {
        return Ok(None);
    }
    let Some(l) = tx.password_link_get(&link_digest(secret, token))? else {
        return Ok(None);
    };
    if l.expires < now() {
        return Ok(None);
    }
    Ok(tx.user_get(l.user_id)?.filter(|u| !u.disabled))
}

/// Sets the password through a link and retires the link (and the user's others).
pub fn use_link(tx: &mut dyn Tx, secret: &[u8], token: &str, password: &str) -> Result<User> {
    let user = link_user(tx, secret, token)?.ok_or_else(|| not_found("link"))?;
    set_password(tx, user.id, password)?;
    Ok(user)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use jisr_store::Store;

    fn world() -> (jisr_store_sqlite::SqliteStore, tempfile::TempDir, i64, i64) {
        let dir = tempfile::tempdir().unwrap();
        let store = jisr_store_sqlite::SqliteStore::open(dir.path().join("t.db")).unwrap();
        let mut tx = store.write().unwrap();
        for r in jisr_model::roles::default_roles() {
            tx.role_insert(&r).unwrap();
        }
        let org = tx
            .org_insert(&jisr_model::Organisation {
                uuid: uuid::Uuid::new_v4().to_string(),
                name: "Cairo".into(),
                local: true,
                ..Default::default()
            })
            .unwrap();
        let mk = |tx: &mut Box<dyn Tx + '_>, email: &str, role_id: i64| {
            tx.user_insert(&User {
                email: email.into(),
                org_id: org,
                role_id,
                ..Default::default()
            })
            .unwrap()
        };
        let admin = mk(&mut tx, "admin@x.test", 1);
        let user = mk(&mut tx, "user@x.test", 3);
        tx.commit().unwrap();
        (store, dir, admin, user)
    }

    #[test]
    fn login_sessions_and_lockout() {
        let (store, _dir, _, user) = world();
        let secret = b"secret";
        let mut tx = store.write().unwrap();
        assert!(matches!(
            login(tx.as_mut(), secret, "user@x.test", "whatever-long-enough").unwrap(),
            Login::Refused { user_id: 0, .. }
        ));
        assert!(set_password(tx.as_mut(), user, "short").is_err());
        set_password(tx.as_mut(), user, "correct horse battery").unwrap();
        let stored = tx.password_get(user).unwrap().unwrap();
        assert!(stored.hash.starts_with("$argon2id$"));
        assert!(PasswordHash::new(dummy_hash()).is_ok());
        assert!(!stored.hash.contains("correct horse"));
        let Login::Ok { token, .. } =
            login(tx.as_mut(), secret, "USER@x.test", "correct horse battery").unwrap()
        else {
            panic!("the right password must log in");
        };
        let actor = session_actor(tx.as_mut(), secret, &token).unwrap().unwrap();
        assert_eq!(actor.user_id, user);
        // A token is only good under the secret it was issued with.
        assert!(
            session_actor(tx.as_mut(), b"other", &token)
                .unwrap()
                .is_none()
        );
        for _ in 0..MAX_FAILED_LOGINS {
            assert!(matches!(
                login(tx.as_mut(), secret, "user@x.test", "wrong password!!").unwrap(),
                Login::Refused {
                    reason: "wrong password",
                    ..
                }
            ));
        }
        // Locked: even the right password is refused now.
        assert!(matches!(
            login(tx.as_mut(), secret, "user@x.test", "correct horse battery").unwrap(),
            Login::Refused {
                reason: "account locked",
                ..
            }
        ));
        logout(tx.as_mut(), secret, &token).unwrap();
        assert!(
            session_actor(tx.as_mut(), secret, &token)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn links_are_one_time_and_need_the_right_to_manage() {
        let (store, _dir, admin, user) = world();
        let secret = b"secret";
        let mut tx = store.write().unwrap();
        let admin_actor = crate::auth::actor_for_user(tx.as_mut(), admin).unwrap();
        let user_actor = crate::auth::actor_for_user(tx.as_mut(), user).unwrap();
        let admin_user = tx.user_get(admin).unwrap().unwrap();
        let target = tx.user_get(user).unwrap().unwrap();
        assert!(issue_link(tx.as_mut(), secret, &user_actor, &admin_user).is_err());
        let link = issue_link(tx.as_mut(), secret, &admin_actor, &target).unwrap();
        assert_eq!(
            link_user(tx.as_mut(), secret, &link).unwrap().unwrap().id,
            user
        );
        assert!(use_link(tx.as_mut(), secret, &link, "short").is_err());
        use_link(tx.as_mut(), secret, &link, "a long enough password").unwrap();
        assert!(link_user(tx.as_mut(), secret, &link).unwrap().is_none());
        assert!(use_link(tx.as_mut(), secret, &link, "another long password").is_err());
        assert!(matches!(
            login(tx.as_mut(), secret, "user@x.test", "a long enough password").unwrap(),
            Login::Ok { .. }
        ));
    }
}
