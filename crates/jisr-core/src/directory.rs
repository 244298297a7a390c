//! Organisations, users and roles, administered by site and org admins.

use jisr_model::roles::Role;
use jisr_model::wire::{as_bool, bool_field, int_field, now, str_field};
use jisr_model::{Organisation, User};
use jisr_policy::Actor;
use jisr_store::Tx;
use serde_json::Value;

use crate::auth;
use crate::error::{CoreError, Result, field_error, forbidden, invalid, not_found};

/// MISP's timestamp format for organisation and sharing-group dates.
pub(crate) fn stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Records an organisation met in another instance's data (not local), as
/// events from sync users and server links name them.
pub(crate) fn insert_remote_org(
    tx: &mut dyn Tx,
    actor: &Actor,
    uuid: Option<String>,
    name: String,
) -> Result<i64> {
    let t = stamp();
    Ok(tx.org_insert(&Organisation {
        uuid: uuid.unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        name,
        local: false,
        created_by: actor.user_id,
        date_created: t.clone(),
        date_modified: t,
        ..Default::default()
    })?)
}

pub fn require_site_admin(actor: &Actor) -> Result<()> {
    if actor.is_site_admin() {
        Ok(())
    } else {
        Err(crate::error::no_permission())
    }
}

pub fn require_org_admin(actor: &Actor) -> Result<()> {
    if actor.is_org_admin() {
        Ok(())
    } else {
        Err(crate::error::no_permission())
    }
}

/// An organisation by id, uuid or name.
pub fn find_org(tx: &mut dyn Tx, reference: &str) -> Result<Option<Organisation>> {
    let r = reference.trim();
    if let Ok(id) = r.parse::<i64>() {
        return Ok(tx.org_get(id)?);
    }
    if let Some(o) = tx.org_by_uuid(r)? {
        return Ok(Some(o));
    }
    Ok(tx.org_by_name(r)?)
}

fn apply_org_fields(o: &mut Organisation, body: &Value) {
    let set = |target: &mut String, key: &str| {
        if let Some(v) = str_field(body, key) {
            *target = v;
        }
    };
    set(&mut o.name, "name");
    set(&mut o.description, "description");
    set(&mut o.nationality, "nationality");
    set(&mut o.sector, "sector");
    set(&mut o.org_type, "type");
    set(&mut o.contacts, "contacts");
    if let Some(l) = bool_field(body, "local") {
        o.local = l;
    }
}

pub fn add_org(tx: &mut dyn Tx, actor: &Actor, body: &Value) -> Result<Organisation> {
    require_site_admin(actor)?;
    let mut o = Organisation {
        uuid: str_field(body, "uuid").unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        local: true,
        created_by: actor.user_id,
        date_created: stamp(),
        date_modified: stamp(),
        ..Default::default()
    };
    apply_org_fields(&mut o, body);
    if o.name.trim().is_empty() {
        return Err(field_error(
            "Organisation could not be saved: the name is empty",
            "name",
            "The organisation name is required.",
        ));
    }
    if uuid::Uuid::parse_str(&o.uuid).is_err() {
        return Err(field_error(
            "Organisation could not be saved: invalid uuid",
            "uuid",
            "Please provide a valid UUID",
        ));
    }
    if tx.org_by_name(&o.name)?.is_some() {
        return Err(field_error(
            "Organisation could not be saved: the name is taken",
            "name",
            "An organisation with this name already exists.",
        ));
    }
    if tx.org_by_uuid(&o.uuid)?.is_some() {
        return Err(field_error(
            "Organisation could not be saved: the uuid is taken",
            "uuid",
            "An organisation with this UUID already exists.",
        ));
    }
    o.id = tx.org_insert(&o)?;
    Ok(o)
}

pub fn edit_org(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut o: Organisation,
    body: &Value,
) -> Result<Organisation> {
    require_site_admin(actor)?;
    apply_org_fields(&mut o, body);
    if o.name.trim().is_empty() {
        return Err(field_error(
            "Organisation could not be saved: the name is empty",
            "name",
            "The organisation name is required.",
        ));
    }
    o.date_modified = stamp();
    tx.org_update(&o)?;
    Ok(o)
}

pub fn delete_org(tx: &mut dyn Tx, actor: &Actor, o: &Organisation) -> Result<()> {
    require_site_admin(actor)?;
    if tx.user_list()?.iter().any(|u| u.org_id == o.id) {
        return Err(invalid(
            "The organisation still has users; delete or move them first.",
        ));
    }
    tx.org_delete(o.id).map_err(|e| match e {
        jisr_store::StoreError::Conflict(_) => {
            invalid("The organisation still owns or created events; it cannot be deleted.")
        }
        other => other.into(),
    })
}

fn default_role_id(tx: &mut dyn Tx) -> Result<i64> {
    Ok(tx
        .role_list()?
        .into_iter()
        .find(|r| r.default_role)
        .map(|r| r.id)
        .unwrap_or(jisr_model::roles::ids::USER))
}

/// `admin/users/add`: returns the user and their clear API key (shown once).
pub fn add_user(
    tx: &mut dyn Tx,
    actor: &Actor,
    secret: &[u8],
    body: &Value,
) -> Result<(User, String)> {
    require_org_admin(actor)?;
    let email = str_field(body, "email")
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    if email.is_empty() || !email.contains('@') {
        return Err(field_error(
            "User could not be saved: invalid email",
            "email",
            "An email address is required.",
        ));
    }
    if tx.user_by_email(&email)?.is_some() {
        return Err(field_error(
            "User could not be saved: the email is taken",
            "email",
            "An account with this email address already exists.",
        ));
    }
    let org_id = match int_field(body, "org_id") {
        Some(id) if actor.is_site_admin() => id,
        Some(id) if id == actor.org_id => id,
        Some(_) => {
            return Err(forbidden(
                "You may only create users in your own organisation.",
            ));
        }
        None => actor.org_id,
    };
    if tx.org_get(org_id)?.is_none() {
        return Err(field_error(
            "User could not be saved: unknown organisation",
            "org_id",
            "Invalid organisation.",
        ));
    }
    let role_id = match int_field(body, "role_id") {
        Some(id) => id,
        None => default_role_id(tx)?,
    };
    let role = tx.role_get(role_id)?.ok_or_else(|| {
        field_error(
            "User could not be saved: unknown role",
            "role_id",
            "Invalid role.",
        )
    })?;
    if role.is_site_admin() && !actor.is_site_admin() {
        return Err(forbidden("Only site admins may grant the site admin role."));
    }
    let t = now();
    let mut u = User {
        email,
        org_id,
        role_id,
        disabled: body.get("disabled").and_then(as_bool).unwrap_or(false),
        autoalert: bool_field(body, "autoalert").unwrap_or(false),
        contactalert: bool_field(body, "contactalert").unwrap_or(false),
        termsaccepted: bool_field(body, "termsaccepted").unwrap_or(false),
        change_pw: bool_field(body, "change_pw").unwrap_or(false),
        gpgkey: str_field(body, "gpgkey").unwrap_or_default(),
        nids_sid: int_field(body, "nids_sid").unwrap_or(0),
        created_by: actor.user_id,
        date_created: t,
        date_modified: t,
        ..Default::default()
    };
    u.id = tx.user_insert(&u)?;
    let wanted = str_field(body, "authkey");
    let key = auth::issue_key(tx, secret, u.id, wanted.as_deref(), "created with the user")?;
    Ok((u, key))
}

pub fn may_manage_user(actor: &Actor, u: &User) -> bool {
    actor.is_site_admin() || (actor.is_org_admin() && u.org_id == actor.org_id)
}

pub fn edit_user(tx: &mut dyn Tx, actor: &Actor, mut u: User, body: &Value) -> Result<User> {
    if !may_manage_user(actor, &u) {
        return Err(crate::error::no_permission());
    }
    if let Some(e) = str_field(body, "email") {
        let e = e.trim().to_lowercase();
        if !e.contains('@') {
            return Err(field_error(
                "User could not be saved: invalid email",
                "email",
                "An email address is required.",
            ));
        }
        if let Some(other) = tx.user_by_email(&e)?
            && other.id != u.id
        {
            return Err(field_error(
                "User could not be saved: the email is taken",
                "email",
                "An account with this email address already exists.",
            ));
        }
        u.email = e;
    }
    if let Some(org) = int_field(body, "org_id") {
        if !actor.is_site_admin() && org != actor.org_id {
            return Err(forbidden(
                "You may only move users within your own organisation.",
            ));
        }
        if tx.org_get(org)?.is_none() {
            return Err(field_error(
                "User could not be saved: unknown organisation",
                "org_id",
                "Invalid organisation.",
            ));
        }
        u.org_id = org;
    }
    if let Some(role_id) = int_field(body, "role_id") {
        let role = tx.role_get(role_id)?.ok_or_else(|| {
            field_error(
                "User could not be saved: unknown role",
                "role_id",
                "Invalid role.",
            )
        })?;
        if role.is_site_admin() && !actor.is_site_admin() {
            return Err(forbidden("Only site admins may grant the site admin role."));
        }
        u.role_id = role_id;
    }
    let flags: [(&str, &mut bool); 5] = [
        ("disabled", &mut u.disabled),
        ("autoalert", &mut u.autoalert),
        ("contactalert", &mut u.contactalert),
        ("termsaccepted", &mut u.termsaccepted),
        ("change_pw", &mut u.change_pw),
    ];
    for (key, target) in flags {
        if let Some(v) = bool_field(body, key) {
            *target = v;
        }
    }
    if let Some(g) = str_field(body, "gpgkey") {
        u.gpgkey = g;
    }
    u.date_modified = now();
    tx.user_update(&u)?;
    Ok(u)
}

pub fn delete_user(tx: &mut dyn Tx, actor: &Actor, u: &User) -> Result<()> {
    if !may_manage_user(actor, u) {
        return Err(crate::error::no_permission());
    }
    if u.id == actor.user_id {
        return Err(invalid("You cannot delete yourself."));
    }
    for k in tx.authkeys_of_user(u.id)? {
        tx.authkey_delete(k.id)?;
    }
    Ok(tx.user_delete(u.id)?)
}

pub fn find_user(tx: &mut dyn Tx, actor: &Actor, reference: &str) -> Result<User> {
    let r = reference.trim();
    let found = match r.parse::<i64>() {
        Ok(id) => tx.user_get(id)?,
        Err(_) => tx.user_by_email(r)?,
    };
    match found {
        Some(u) if u.id == actor.user_id || may_manage_user(actor, &u) => Ok(u),
        _ => Err(not_found("Invalid user")),
    }
}

pub fn users_visible(tx: &mut dyn Tx, actor: &Actor) -> Result<Vec<User>> {
    require_org_admin(actor)?;
    Ok(tx
        .user_list()?
        .into_iter()
        .filter(|u| may_manage_user(actor, u))
        .collect())
}

fn apply_role_fields(r: &mut Role, body: &Value) -> Result<()> {
    if let Some(n) = str_field(body, "name") {
        r.name = n;
    }
    for flag in jisr_model::roles::PERMISSION_FLAGS {
        if let Some(v) = bool_field(body, flag) {
            r.perms.insert(flag.to_string(), v);
        }
    }
    if let Some(v) = bool_field(body, "restricted_to_site_admin") {
        r.restricted_to_site_admin = v;
    }
    if let Some(v) = bool_field(body, "enforce_rate_limit") {
        r.enforce_rate_limit = v;
    }
    if let Some(v) = int_field(body, "rate_limit_count") {
        r.rate_limit_count = v;
    }
    if let Some(v) = str_field(body, "memory_limit") {
        r.memory_limit = v;
    }
    if let Some(v) = str_field(body, "max_execution_time") {
        r.max_execution_time = v;
    }
    if r.name.trim().is_empty() {
        return Err(field_error(
            "Role could not be saved: the name is empty",
            "name",
            "A name is required.",
        ));
    }
    Ok(())
}

pub fn add_role(tx: &mut dyn Tx, actor: &Actor, body: &Value) -> Result<Role> {
    require_site_admin(actor)?;
    let mut r = Role::default();
    for flag in jisr_model::roles::PERMISSION_FLAGS {
        r.perms.insert(flag.to_string(), false);
    }
    apply_role_fields(&mut r, body)?;
    r.id = tx.role_insert(&r).map_err(|e| match e {
        jisr_store::StoreError::Conflict(_) => field_error(
            "Role could not be saved: the name is taken",
            "name",
            "A role with this name exists.",
        ),
        other => other.into(),
    })?;
    Ok(r)
}

pub fn edit_role(tx: &mut dyn Tx, actor: &Actor, mut r: Role, body: &Value) -> Result<Role> {
    require_site_admin(actor)?;
    apply_role_fields(&mut r, body)?;
    tx.role_update(&r)?;
    Ok(r)
}

pub fn delete_role(tx: &mut dyn Tx, actor: &Actor, r: &Role) -> Result<()> {
    require_site_admin(actor)?;
    if tx.user_list()?.iter().any(|u| u.role_id == r.id) {
        return Err(invalid(
            "Users still have this role; give them another role first.",
        ));
    }
    Ok(tx.role_delete(r.id)?)
}

pub fn set_default_role(tx: &mut dyn Tx, actor: &Actor, role_id: i64) -> Result<()> {
    require_site_admin(actor)?;
    tx.role_set_default(role_id).map_err(|e| match e {
        jisr_store::StoreError::NotFound(_) => CoreError::NotFound("Invalid role".into()),
        other => other.into(),
    })
}
