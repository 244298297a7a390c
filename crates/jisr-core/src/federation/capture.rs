//! Sharing groups arriving inside synced events: found or recorded by uuid,
//! members captured by organisation uuid, servers mapped to our own links.

use jisr_model::SharingGroup;
use jisr_model::wire::{as_bool, field, int_field, str_field};
use jisr_policy::Actor;
use jisr_store::Tx;
use serde_json::Value;

use super::Origin;
use super::servers::capture_org;
use crate::error::Result;

fn same_url(a: &str, b: &str) -> bool {
    let norm = |u: &str| u.trim().trim_end_matches('/').to_ascii_lowercase();
    !a.trim().is_empty() && norm(a) == norm(b)
}

/// The local id of the group described by `sg`, recording or refreshing it;
/// `None` when the description is unusable or the receiving actor is not
/// one the group reaches (then the item it guards must not be stored).
pub fn sharing_group(
    tx: &mut dyn Tx,
    actor: &Actor,
    sg: &Value,
    origin: &Origin,
) -> Result<Option<i64>> {
    let Some(uuid) = str_field(sg, "uuid").filter(|u| uuid::Uuid::parse_str(u).is_ok()) else {
        return Ok(None);
    };
    let modified = str_field(sg, "modified").unwrap_or_default();
    let creator = match field(sg, "Organisation") {
        Some(o) => capture_org(tx, actor, o)?,
        None => actor.org_id,
    };
    let id = match tx.sharing_group_by_uuid(&uuid)? {
        // A group made here is never rewritten by a synced copy.
        Some(g) if g.local => return Ok(Some(g.id).filter(|_| reaches(tx, actor, g.id))),
        Some(mut g) => {
            if modified > g.modified {
                g.name = str_field(sg, "name").unwrap_or(g.name);
                g.description = str_field(sg, "description").unwrap_or(g.description);
                g.releasability = str_field(sg, "releasability").unwrap_or(g.releasability);
                g.roaming = field(sg, "roaming").and_then(as_bool).unwrap_or(g.roaming);
                g.active = field(sg, "active").and_then(as_bool).unwrap_or(g.active);
                g.modified = modified;
                tx.sharing_group_update(&g)?;
            }
            g.id
        }
        None => {
            let mut name = str_field(sg, "name").unwrap_or_else(|| uuid.clone());
            if tx.sharing_group_list()?.iter().any(|g| g.name == name) {
                name = format!("{name} ({})", &uuid[..8]);
            }
            tx.sharing_group_insert(&SharingGroup {
                id: 0,
                uuid: uuid.clone(),
                name,
                description: str_field(sg, "description").unwrap_or_default(),
                releasability: str_field(sg, "releasability").unwrap_or_default(),
                org_id: creator,
                active: true,
                local: false,
                roaming: field(sg, "roaming").and_then(as_bool).unwrap_or(false),
                created: str_field(sg, "created").unwrap_or_default(),
                modified,
            })?
        }
    };
    for m in field(sg, "SharingGroupOrg")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(o) = field(m, "Organisation") {
            let org = capture_org(tx, actor, o)?;
            let extend = field(m, "extend").and_then(as_bool).unwrap_or(false);
            tx.sharing_group_org_set(id, org, extend)?;
        }
    }
    let links = tx.server_list()?;
    for m in field(sg, "SharingGroupServer")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let all_orgs = field(m, "all_orgs").and_then(as_bool).unwrap_or(false);
        let url = field(m, "Server")
            .and_then(|s| str_field(s, "url"))
            .unwrap_or_default();
        // The sender's "this instance" is the link we received it over.
        let local_id = if int_field(m, "server_id") == Some(0) {
            origin.server_id
        } else if same_url(&url, &origin.own_url) {
            Some(0)
        } else {
            links.iter().find(|l| same_url(&l.url, &url)).map(|l| l.id)
        };
        if let Some(sid) = local_id {
            tx.sharing_group_server_set(id, sid, all_orgs)?;
        }
    }
    Ok(Some(id).filter(|_| reaches(tx, actor, id)))
}

/// Whether the receiving actor's organisation is in the group (or the group
/// covers every organisation of this instance).
fn reaches(tx: &mut dyn Tx, actor: &Actor, id: i64) -> bool {
    crate::sharing_groups::visible(tx, actor, &id.to_string()).is_ok()
        || tx
            .sharing_group_servers(id)
            .map(|l| l.iter().any(|s| s.server_id == 0 && s.all_orgs))
            .unwrap_or(false)
}
