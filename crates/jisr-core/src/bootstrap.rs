//! First start: default roles, the host organisation, a site admin and the
//! default settings. Idempotent: later starts change nothing.

use jisr_model::roles::{default_roles, ids};
use jisr_model::wire::now;
use jisr_model::{Organisation, User};
use jisr_store::Tx;

use crate::auth;
use crate::error::Result;
use crate::settings;

pub struct FirstStart<'a> {
    pub host_org_name: &'a str,
    pub admin_email: &'a str,
    /// A key to give the admin (automation); a random one when `None`.
    pub admin_key: Option<&'a str>,
}

/// Returns the admin's clear key when this call created the admin.
pub fn ensure_initialised(
    tx: &mut dyn Tx,
    secret: &[u8],
    first: &FirstStart,
) -> Result<Option<String>> {
    if tx.role_list()?.is_empty() {
        for role in default_roles() {
            tx.role_insert(&role)?;
        }
    }
    settings::ensure_defaults(tx)?;
    ensure_handling_tags(tx)?;
    if !tx.user_list()?.is_empty() {
        return Ok(None);
    }
    let stamp = crate::directory::stamp();
    let org = Organisation {
        uuid: uuid::Uuid::new_v4().to_string(),
        name: first.host_org_name.to_string(),
        local: true,
        date_created: stamp.clone(),
        date_modified: stamp,
        ..Default::default()
    };
    let org_id = match tx.org_by_name(first.host_org_name)? {
        Some(existing) => existing.id,
        None => tx.org_insert(&org)?,
    };
    tx.setting_set("MISP.host_org_id", &org_id.to_string())?;
    let t = now();
    let admin = User {
        email: first.admin_email.to_string(),
        org_id,
        role_id: ids::ADMIN,
        termsaccepted: true,
        date_created: t,
        date_modified: t,
        ..Default::default()
    };
    let user_id = tx.user_insert(&admin)?;
    let key = auth::issue_key(
        tx,
        secret,
        user_id,
        first.admin_key,
        "created on first start",
    )?;
    Ok(Some(key))
}

/// The TLP 2.0 marks (and the older `tlp:white`), with their official colours,
/// exist from the start: analysts mark with them all day, and MISP ships them
/// enabled through its taxonomy.
const HANDLING_TAGS: &[(&str, &str)] = &[
    ("tlp:red", "#cc0033"),
    ("tlp:amber+strict", "#ffc000"),
    ("tlp:amber", "#ffc000"),
    ("tlp:green", "#339900"),
    ("tlp:clear", "#ffffff"),
    ("tlp:white", "#ffffff"),
];

fn ensure_handling_tags(tx: &mut dyn Tx) -> Result<()> {
    for (name, colour) in HANDLING_TAGS {
        if tx.tag_by_name(name)?.is_none() {
            let tag = jisr_model::Tag {
                name: name.to_string(),
                colour: colour.to_string(),
                exportable: true,
                ..Default::default()
            };
            tx.tag_insert(&tag)?;
        }
    }
    Ok(())
}
