//! Sharing groups: named sets of organisations (and servers) that items with
//! distribution 4 reach. The creating organisation manages a group; members
//! with `extend` may add others.

use jisr_model::wire::{bool_field, str_field};
use jisr_model::{SharingGroup, SharingGroupOrg};
use jisr_policy::Actor;
use jisr_store::Tx;
use serde_json::Value;

use crate::error::{Result, field_error, not_found};

use crate::directory::stamp;

/// A group by id or uuid, if the actor may see it (site admin, creator or member).
pub fn visible(tx: &mut dyn Tx, actor: &Actor, reference: &str) -> Result<SharingGroup> {
    let r = reference.trim();
    let found = match r.parse::<i64>() {
        Ok(id) => tx.sharing_group_get(id)?,
        Err(_) => tx.sharing_group_by_uuid(r)?,
    };
    let g = found.ok_or_else(|| not_found("Invalid sharing group."))?;
    let member = tx
        .sharing_group_orgs(g.id)?
        .iter()
        .any(|o| o.org_id == actor.org_id);
    if actor.is_site_admin()
        || g.org_id == actor.org_id
        || member
        || actor.sharing_groups.contains(&g.id)
    {
        Ok(g)
    } else {
        Err(not_found("Invalid sharing group."))
    }
}

/// Groups the actor may see.
pub fn list(tx: &mut dyn Tx, actor: &Actor) -> Result<Vec<SharingGroup>> {
    let all = tx.sharing_group_list()?;
    let mut out = vec![];
    for g in all {
        if visible(tx, actor, &g.id.to_string()).is_ok() {
            out.push(g);
        }
    }
    Ok(out)
}

/// Whether the actor may change the group: site admins, the creator
/// organisation's sharing-group managers, or members with `extend`.
pub fn may_edit(tx: &mut dyn Tx, actor: &Actor, g: &SharingGroup) -> Result<bool> {
    if actor.is_site_admin() {
        return Ok(true);
    }
    if !actor.can("perm_sharing_group") {
        return Ok(false);
    }
    if g.org_id == actor.org_id {
        return Ok(true);
    }
    Ok(tx
        .sharing_group_orgs(g.id)?
        .iter()
        .any(|o| o.org_id == actor.org_id && o.extend))
}

fn apply(g: &mut SharingGroup, body: &Value) {
    let set = |target: &mut String, key: &str| {
        if let Some(v) = str_field(body, key) {
            *target = v;
        }
    };
    set(&mut g.name, "name");
    set(&mut g.description, "description");
    set(&mut g.releasability, "releasability");
    if let Some(v) = bool_field(body, "active") {
        g.active = v;
    }
    if let Some(v) = bool_field(body, "local") {
        g.local = v;
    }
    if let Some(v) = bool_field(body, "roaming") {
        g.roaming = v;
    }
}

pub fn add(tx: &mut dyn Tx, actor: &Actor, body: &Value) -> Result<SharingGroup> {
    if !actor.can("perm_sharing_group") {
        return Err(crate::error::no_permission());
    }
    let t = stamp();
    let mut g = SharingGroup {
        uuid: str_field(body, "uuid").unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        org_id: actor.org_id,
        active: true,
        local: true,
        created: t.clone(),
        modified: t,
        ..Default::default()
    };
    apply(&mut g, body);
    if g.name.trim().is_empty() {
        return Err(field_error(
            "Sharing group could not be saved: the name is empty",
            "name",
            "A name is required.",
        ));
    }
    if uuid::Uuid::parse_str(&g.uuid).is_err() {
        return Err(field_error(
            "Sharing group could not be saved: invalid uuid",
            "uuid",
            "Please provide a valid UUID",
        ));
    }
    g.id = tx.sharing_group_insert(&g).map_err(|e| match e {
        jisr_store::StoreError::Conflict(_) => field_error(
            "Sharing group could not be saved: the name or uuid is taken",
            "name",
            "A sharing group with this name or uuid exists.",
        ),
        other => other.into(),
    })?;
    // This instance takes part; the creator organisation belongs through `org_id`.
    tx.sharing_group_server_set(g.id, 0, false)?;
    Ok(g)
}

pub fn edit(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut g: SharingGroup,
    body: &Value,
) -> Result<SharingGroup> {
    if !may_edit(tx, actor, &g)? {
        return Err(crate::error::no_permission());
    }
    apply(&mut g, body);
    if g.name.trim().is_empty() {
        return Err(field_error(
            "Sharing group could not be saved: the name is empty",
            "name",
            "A name is required.",
        ));
    }
    g.modified = stamp();
    tx.sharing_group_update(&g)?;
    Ok(g)
}

pub fn delete(tx: &mut dyn Tx, actor: &Actor, g: &SharingGroup) -> Result<()> {
    if !(actor.is_site_admin() || (g.org_id == actor.org_id && actor.can("perm_sharing_group"))) {
        return Err(crate::error::no_permission());
    }
    Ok(tx.sharing_group_delete(g.id)?)
}

pub fn add_org(
    tx: &mut dyn Tx,
    actor: &Actor,
    g: &SharingGroup,
    org_id: i64,
    extend: bool,
) -> Result<()> {
    if !may_edit(tx, actor, g)? {
        return Err(crate::error::no_permission());
    }
    if tx.org_get(org_id)?.is_none() {
        return Err(not_found("Invalid organisation."));
    }
    Ok(tx.sharing_group_org_set(g.id, org_id, extend)?)
}

pub fn remove_org(tx: &mut dyn Tx, actor: &Actor, g: &SharingGroup, org_id: i64) -> Result<bool> {
    if !may_edit(tx, actor, g)? {
        return Err(crate::error::no_permission());
    }
    Ok(tx.sharing_group_org_remove(g.id, org_id)?)
}

pub fn add_server(
    tx: &mut dyn Tx,
    actor: &Actor,
    g: &SharingGroup,
    server_id: i64,
    all_orgs: bool,
) -> Result<()> {
    if !may_edit(tx, actor, g)? {
        return Err(crate::error::no_permission());
    }
    // 0 is this instance; any other id must be one of our server links.
    if server_id != 0 && tx.server_get(server_id)?.is_none() {
        return Err(not_found("Invalid server."));
    }
    Ok(tx.sharing_group_server_set(g.id, server_id, all_orgs)?)
}

pub fn remove_server(
    tx: &mut dyn Tx,
    actor: &Actor,
    g: &SharingGroup,
    server_id: i64,
) -> Result<bool> {
    if !may_edit(tx, actor, g)? {
        return Err(crate::error::no_permission());
    }
    Ok(tx.sharing_group_server_remove(g.id, server_id)?)
}

/// Members, for display.
pub fn members(tx: &mut dyn Tx, g: &SharingGroup) -> Result<Vec<SharingGroupOrg>> {
    Ok(tx.sharing_group_orgs(g.id)?)
}
