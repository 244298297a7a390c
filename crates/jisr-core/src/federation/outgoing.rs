//! The sending side of sync: an event as a given server may receive it.
//! Items cross by `jisr_policy::federation` (org-only, capped and community
//! items stay home; connected communities leave as this community), sharing
//! groups only to the servers they reach, local and non-exportable tags never.

use std::collections::HashMap;

use jisr_model::wire::{event_json, sharing_group_json};
use jisr_model::{Event, Server, TagLink};
use jisr_policy::Scope;
use jisr_policy::federation::{Crossing, cross, sharing_group_reaches_server};
use jisr_policy::tlp::{self, Cap};
use jisr_store::Tx;
use serde_json::Value;

use crate::error::Result;
use crate::event_read::{ViewOptions, event_cap, load_tree, org_ref};

/// A sharing group as it travels inside events: members with their uuids,
/// servers with their URLs (so the receiver can map them to its own links).
pub fn sharing_group_value(tx: &mut dyn Tx, id: i64) -> Result<Option<Value>> {
    let Some(g) = tx.sharing_group_get(id)? else {
        return Ok(None);
    };
    let creator = org_ref(tx, g.org_id)?;
    let mut orgs = vec![];
    for m in tx.sharing_group_orgs(g.id)? {
        let o = org_ref(tx, m.org_id)?;
        orgs.push((m, o));
    }
    let servers = tx.sharing_group_servers(g.id)?;
    let mut v = sharing_group_json(&g, &creator, &orgs, &servers);
    if let Some(list) = v
        .get_mut("SharingGroupServer")
        .and_then(Value::as_array_mut)
    {
        for entry in list {
            let sid = entry
                .get("server_id")
                .and_then(jisr_model::wire::as_i64)
                .unwrap_or(0);
            if sid > 0
                && let Some(link) = tx.server_get(sid)?
                && let Some(server) = entry.get_mut("Server").and_then(Value::as_object_mut)
            {
                server.insert("name".into(), Value::String(link.name));
                server.insert("url".into(), Value::String(link.url));
            }
        }
    }
    Ok(Some(v))
}

fn embed_one(
    tx: &mut dyn Tx,
    item: &mut Value,
    cache: &mut HashMap<i64, Option<Value>>,
) -> Result<()> {
    let d = item.get("distribution").and_then(jisr_model::wire::as_i64);
    let sg = item
        .get("sharing_group_id")
        .and_then(jisr_model::wire::as_i64)
        .unwrap_or(0);
    if d != Some(4) || sg <= 0 {
        return Ok(());
    }
    if let std::collections::hash_map::Entry::Vacant(slot) = cache.entry(sg) {
        slot.insert(sharing_group_value(tx, sg)?);
    }
    if let (Some(Some(v)), Some(m)) = (cache.get(&sg), item.as_object_mut()) {
        m.insert("SharingGroup".into(), v.clone());
    }
    Ok(())
}

/// Adds `SharingGroup` to every item of an event JSON with distribution 4,
/// as MISP's views do (sync peers capture groups from it).
pub fn embed_sharing_groups(tx: &mut dyn Tx, event: &mut Value) -> Result<()> {
    let mut cache = HashMap::new();
    embed_one(tx, event, &mut cache)?;
    for key in ["Attribute", "EventReport"] {
        if let Some(list) = event.get_mut(key).and_then(Value::as_array_mut) {
            for item in list {
                embed_one(tx, item, &mut cache)?;
            }
        }
    }
    if let Some(objects) = event.get_mut("Object").and_then(Value::as_array_mut) {
        for o in objects {
            embed_one(tx, o, &mut cache)?;
            if let Some(list) = o.get_mut("Attribute").and_then(Value::as_array_mut) {
                for item in list {
                    embed_one(tx, item, &mut cache)?;
                }
            }
        }
    }
    Ok(())
}

struct Link<'a> {
    server: &'a Server,
    /// Per sharing group: may its items go to this server?
    groups: HashMap<i64, bool>,
}

impl Link<'_> {
    fn group_reaches(&mut self, tx: &mut dyn Tx, sg: i64) -> Result<bool> {
        if let Some(known) = self.groups.get(&sg) {
            return Ok(*known);
        }
        let reaches = match tx.sharing_group_get(sg)? {
            None => false,
            Some(g) => {
                let listed = tx
                    .sharing_group_servers(sg)?
                    .iter()
                    .find(|s| s.server_id == self.server.id)
                    .map(|s| s.all_orgs);
                let member = tx
                    .sharing_group_orgs(sg)?
                    .iter()
                    .any(|o| o.org_id == self.server.remote_org_id);
                sharing_group_reaches_server(g.roaming, listed, member)
            }
        };
        self.groups.insert(sg, reaches);
        Ok(reaches)
    }

    /// The distribution an item leaves with, or None to keep it home.
    fn send(
        &mut self,
        tx: &mut dyn Tx,
        distribution: i64,
        sg: i64,
        cap: Cap,
    ) -> Result<Option<i64>> {
        let d = cross(distribution, cap, self.server.internal, Crossing::Push);
        if d == Some(4) && !self.group_reaches(tx, sg)? {
            return Ok(None);
        }
        Ok(d)
    }
}

fn travelling_tags(tags: &mut Vec<TagLink>) {
    tags.retain(|t| !t.local && t.tag.exportable && !t.tag.local_only);
}

/// The event as `server` may receive it, or `None` when it must not go
/// there at all. Soft-deleted items travel (so deletions propagate), with
/// their sightings and attachments.
pub fn event_for_server(tx: &mut dyn Tx, event: Event, server: &Server) -> Result<Option<Value>> {
    let mut link = Link {
        server,
        groups: HashMap::new(),
    };
    let cap = event_cap(tx, event.id)?;
    let Some(d) = link.send(tx, event.distribution, event.sharing_group_id, cap)? else {
        return Ok(None);
    };
    let opts = ViewOptions {
        include_deleted: true,
        include_sightings: true,
        include_attachments: true,
    };
    let mut tree = load_tree(tx, &Scope::Everything, event, opts)?;
    tree.event.distribution = d;
    travelling_tags(&mut tree.tags);
    let mut attributes = vec![];
    for mut a in std::mem::take(&mut tree.attributes) {
        let own = tlp::cap_of(a.tags.iter().map(|t| t.tag.name.as_str()));
        let x = &a.attribute;
        if let Some(d) = link.send(tx, x.distribution, x.sharing_group_id, cap.max(own))? {
            a.attribute.distribution = d;
            travelling_tags(&mut a.tags);
            attributes.push(a);
        }
    }
    tree.attributes = attributes;
    let mut objects = vec![];
    for mut o in std::mem::take(&mut tree.objects) {
        let Some(d) = link.send(tx, o.object.distribution, o.object.sharing_group_id, cap)? else {
            continue;
        };
        o.object.distribution = d;
        let mut inner = vec![];
        for mut a in std::mem::take(&mut o.attributes) {
            let own = tlp::cap_of(a.tags.iter().map(|t| t.tag.name.as_str()));
            let x = &a.attribute;
            if let Some(d) = link.send(tx, x.distribution, x.sharing_group_id, cap.max(own))? {
                a.attribute.distribution = d;
                travelling_tags(&mut a.tags);
                inner.push(a);
            }
        }
        o.attributes = inner;
        objects.push(o);
    }
    tree.objects = objects;
    let mut reports = vec![];
    for mut r in std::mem::take(&mut tree.reports) {
        if let Some(d) = link.send(tx, r.distribution, r.sharing_group_id, cap)? {
            r.distribution = d;
            reports.push(r);
        }
    }
    tree.reports = reports;
    let mut v = event_json(&tree);
    embed_sharing_groups(tx, &mut v)?;
    Ok(Some(serde_json::json!({ "Event": v })))
}
