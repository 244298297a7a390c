//! The transaction interface: one method per row-level operation. Business
//! rules (MISP's edit semantics, permissions) live above, in jisr-core.

use jisr_model::roles::Role;
use jisr_model::*;
use jisr_policy::Scope;

use crate::{Result, SearchQuery};

/// A running transaction. Dropping it without `commit` rolls it back.
/// The operations are grouped into sub-traits so that a backend can keep
/// each group in a module of its own.
pub trait Tx:
    DirectoryTx
    + TagTx
    + EventTx
    + ActivityTx
    + ProposalTx
    + SharingGroupTx
    + AuditTx
    + SearchTx
    + crate::FederationTx
    + crate::CorrelationTx
    + crate::PortableTx
    + AccountTx
{
    fn commit(self: Box<Self>) -> Result<()>;

    /// Said by a writer about to spend a while on work of its own (an
    /// import reading and building its next event): a backend that holds
    /// writes back to send them with the next statement may send them now,
    /// so that the server runs them meanwhile. A failure of theirs is then
    /// reported by a later statement or the commit, which commits nothing.
    fn send_held_writes(&mut self) -> Result<()> {
        Ok(())
    }

    /// Candidates for `attributes/add`'s duplicate check, in id order: at
    /// least every live attribute outside objects of `event_id` whose first
    /// value is exactly `value1`; the caller compares exactly, so a backend
    /// may give more. By default, what restSearch's value filter finds (two
    /// statements, one of them the whole restSearch query to plan).
    fn attributes_with_value(&mut self, event_id: i64, value1: &str) -> Result<Vec<Attribute>> {
        let q = SearchQuery {
            event_ids: crate::IdFilter {
                any_of: Some(vec![event_id]),
                none_of: vec![],
            },
            values: crate::TermFilter {
                any_of: vec![value1.to_string()],
                none_of: vec![],
            },
            ..Default::default()
        };
        let ids = self.search_attributes(&q, &Scope::Everything)?;
        self.attributes_get(&ids)
    }
}

/// Settings, organisations, roles, users and API keys.
pub trait DirectoryTx {
    // Settings: instance-wide key/value pairs (MISP's server settings).
    fn setting_get(&mut self, key: &str) -> Result<Option<String>>;
    fn setting_set(&mut self, key: &str, value: &str) -> Result<()>;
    fn settings_all(&mut self) -> Result<Vec<(String, String)>>;

    // Organisations.
    fn org_insert(&mut self, o: &Organisation) -> Result<i64>;
    fn org_update(&mut self, o: &Organisation) -> Result<()>;
    fn org_delete(&mut self, id: i64) -> Result<()>;
    fn org_get(&mut self, id: i64) -> Result<Option<Organisation>>;
    fn org_by_uuid(&mut self, uuid: &str) -> Result<Option<Organisation>>;
    fn org_by_name(&mut self, name: &str) -> Result<Option<Organisation>>;
    fn org_list(&mut self) -> Result<Vec<Organisation>>;

    // Roles.
    fn role_insert(&mut self, r: &Role) -> Result<i64>;
    fn role_update(&mut self, r: &Role) -> Result<()>;
    fn role_delete(&mut self, id: i64) -> Result<()>;
    fn role_get(&mut self, id: i64) -> Result<Option<Role>>;
    fn role_list(&mut self) -> Result<Vec<Role>>;
    /// Makes `id` the only default role.
    fn role_set_default(&mut self, id: i64) -> Result<()>;

    // Users and their API keys.
    fn user_insert(&mut self, u: &User) -> Result<i64>;
    fn user_update(&mut self, u: &User) -> Result<()>;
    fn user_delete(&mut self, id: i64) -> Result<()>;
    fn user_get(&mut self, id: i64) -> Result<Option<User>>;
    fn user_by_email(&mut self, email: &str) -> Result<Option<User>>;
    fn user_list(&mut self) -> Result<Vec<User>>;
    fn authkey_insert(&mut self, k: &AuthKey) -> Result<i64>;
    fn authkey_by_digest(&mut self, digest: &str) -> Result<Option<AuthKey>>;
    fn authkeys_of_user(&mut self, user_id: i64) -> Result<Vec<AuthKey>>;
    fn authkey_delete(&mut self, id: i64) -> Result<()>;
}

/// Tags and their attachment to events and attributes.
pub trait TagTx {
    // Tags.
    fn tag_insert(&mut self, t: &Tag) -> Result<i64>;
    fn tag_update(&mut self, t: &Tag) -> Result<()>;
    fn tag_delete(&mut self, id: i64) -> Result<()>;
    fn tag_get(&mut self, id: i64) -> Result<Option<Tag>>;
    fn tag_by_name(&mut self, name: &str) -> Result<Option<Tag>>;
    /// Tags whose name matches a pattern (`%` wildcard, case-insensitive); all when `None`.
    fn tag_list(&mut self, pattern: Option<&str>) -> Result<Vec<Tag>>;
}

/// Events, attributes, objects and object references.
pub trait EventTx {
    // Events.
    fn event_insert(&mut self, e: &Event) -> Result<i64>;
    fn event_update(&mut self, e: &Event) -> Result<()>;
    /// Hard delete with everything inside the event.
    fn event_delete(&mut self, id: i64) -> Result<()>;
    fn event_get(&mut self, id: i64) -> Result<Option<Event>>;
    fn event_by_uuid(&mut self, uuid: &str) -> Result<Option<Event>>;
    /// The events of `ids` that exist, in no particular order. A backend
    /// that pays a round trip per statement reads them in one.
    fn events_get(&mut self, ids: &[i64]) -> Result<Vec<Event>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.event_get(*id)?);
        }
        Ok(out)
    }
    /// Recounts the event's non-deleted attributes into `attribute_count`.
    fn event_recount(&mut self, event_id: i64) -> Result<i64>;
    /// [`EventTx::event_update`] then [`EventTx::event_recount`]: what a
    /// change inside an event ends with. The event must exist (its writer
    /// read it in this transaction). No answer is returned, so a backend
    /// that pays for each statement in round trips may send it with the
    /// transaction's next statement; reads later in the transaction see it.
    fn event_update_recount(&mut self, e: &Event) -> Result<()> {
        self.event_update(e)?;
        self.event_recount(e.id).map(|_| ())
    }
    /// [`EventTx::event_update`] of an event whose attribute count its
    /// writer knows (a new event it has just filled), the count taken as
    /// given. Like [`EventTx::event_update_recount`], a backend may send it
    /// with the next statement.
    fn event_update_counted(&mut self, e: &Event) -> Result<()> {
        self.event_update(e)
    }
    fn event_tags(&mut self, event_id: i64) -> Result<Vec<TagLink>>;
    fn event_tag_add(&mut self, event_id: i64, tag_id: i64, local: bool) -> Result<()>;
    fn event_tag_remove(&mut self, event_id: i64, tag_id: i64) -> Result<bool>;

    // Attributes.
    fn attribute_insert(&mut self, a: &Attribute) -> Result<i64>;
    /// Inserts many attributes (a new event's); their ids in the order
    /// given. A backend with a round trip per statement does it in one.
    fn attributes_insert(&mut self, attributes: &[Attribute]) -> Result<Vec<i64>> {
        attributes
            .iter()
            .map(|a| self.attribute_insert(a))
            .collect()
    }
    /// The uuids among `uuids` that an attribute already has.
    fn attribute_uuids_taken(&mut self, uuids: &[String]) -> Result<Vec<String>> {
        let mut taken = vec![];
        for u in uuids {
            if self.attribute_by_uuid(u)?.is_some() {
                taken.push(u.clone());
            }
        }
        Ok(taken)
    }
    fn attribute_update(&mut self, a: &Attribute) -> Result<()>;
    fn attribute_delete(&mut self, id: i64) -> Result<()>;
    fn attribute_get(&mut self, id: i64) -> Result<Option<Attribute>>;
    fn attribute_by_uuid(&mut self, uuid: &str) -> Result<Option<Attribute>>;
    fn attributes_get(&mut self, ids: &[i64]) -> Result<Vec<Attribute>>;
    fn attributes_of_event(&mut self, event_id: i64) -> Result<Vec<Attribute>>;
    /// Tags of every attribute of an event, as `(attribute_id, tag)`.
    fn attribute_tags_of_event(&mut self, event_id: i64) -> Result<Vec<(i64, TagLink)>>;
    fn attribute_tags(&mut self, attribute_id: i64) -> Result<Vec<TagLink>>;
    fn attribute_tag_add(
        &mut self,
        attribute_id: i64,
        event_id: i64,
        tag_id: i64,
        local: bool,
    ) -> Result<()>;
    fn attribute_tag_remove(&mut self, attribute_id: i64, tag_id: i64) -> Result<bool>;
    /// The file content of an `attachment` or `malware-sample` attribute.
    fn attachment_put(&mut self, attribute_id: i64, data: &[u8]) -> Result<()>;
    fn attachment_get(&mut self, attribute_id: i64) -> Result<Option<Vec<u8>>>;

    // Objects and their references.
    fn object_insert(&mut self, o: &MispObject) -> Result<i64>;
    fn object_update(&mut self, o: &MispObject) -> Result<()>;
    fn object_delete(&mut self, id: i64) -> Result<()>;
    fn object_get(&mut self, id: i64) -> Result<Option<MispObject>>;
    /// The objects among `ids` that exist, in no particular order. A
    /// backend with a round trip per statement answers in one.
    fn objects_get(&mut self, ids: &[i64]) -> Result<Vec<MispObject>> {
        let mut found = vec![];
        for id in ids {
            found.extend(self.object_get(*id)?);
        }
        Ok(found)
    }
    fn object_by_uuid(&mut self, uuid: &str) -> Result<Option<MispObject>>;
    /// The uuids among `uuids` that an object already has.
    fn object_uuids_taken(&mut self, uuids: &[String]) -> Result<Vec<String>> {
        let mut taken = vec![];
        for u in uuids {
            if self.object_by_uuid(u)?.is_some() {
                taken.push(u.clone());
            }
        }
        Ok(taken)
    }
    fn objects_of_event(&mut self, event_id: i64) -> Result<Vec<MispObject>>;
    fn reference_insert(&mut self, r: &ObjectReference) -> Result<i64>;
    fn reference_update(&mut self, r: &ObjectReference) -> Result<()>;
    fn references_of_event(&mut self, event_id: i64) -> Result<Vec<ObjectReference>>;
    /// A reference by id or uuid.
    fn reference_find(&mut self, reference: &str) -> Result<Option<ObjectReference>>;
    fn reference_delete(&mut self, id: i64) -> Result<()>;
}

/// Sightings and event reports.
pub trait ActivityTx {
    // Sightings.
    fn sighting_insert(&mut self, s: &Sighting) -> Result<i64>;
    fn sighting_get(&mut self, id: i64) -> Result<Option<Sighting>>;
    fn sighting_by_uuid(&mut self, uuid: &str) -> Result<Option<Sighting>>;
    fn sighting_delete(&mut self, id: i64) -> Result<()>;
    fn sightings_of_event(&mut self, event_id: i64) -> Result<Vec<Sighting>>;
    fn sightings_of_attribute(&mut self, attribute_id: i64) -> Result<Vec<Sighting>>;
    /// Sightings dated within `[from, to]` (either end open), oldest first.
    fn sightings_between(&mut self, from: Option<i64>, to: Option<i64>) -> Result<Vec<Sighting>>;

    // Event reports.
    fn report_insert(&mut self, r: &EventReport) -> Result<i64>;
    fn report_update(&mut self, r: &EventReport) -> Result<()>;
    fn report_delete(&mut self, id: i64) -> Result<()>;
    fn report_get(&mut self, id: i64) -> Result<Option<EventReport>>;
    fn report_by_uuid(&mut self, uuid: &str) -> Result<Option<EventReport>>;
    fn reports_of_event(&mut self, event_id: i64) -> Result<Vec<EventReport>>;
}

/// restSearch.
pub trait SearchTx {
    // restSearch. Both filter by `scope` in the query itself, so paging and
    // counts never include what the actor may not see.
    /// Ids of matching events, newest first, windowed by limit/page.
    fn search_events(&mut self, q: &SearchQuery, scope: &Scope) -> Result<Vec<i64>>;
    /// Ids of matching attributes, by event then id, windowed by limit/page.
    fn search_attributes(&mut self, q: &SearchQuery, scope: &Scope) -> Result<Vec<i64>>;
}

/// Proposals (MISP's shadow attributes).
pub trait ProposalTx {
    fn proposal_insert(&mut self, p: &Proposal) -> Result<i64>;
    fn proposal_update(&mut self, p: &Proposal) -> Result<()>;
    fn proposal_delete(&mut self, id: i64) -> Result<()>;
    fn proposal_get(&mut self, id: i64) -> Result<Option<Proposal>>;
    fn proposal_by_uuid(&mut self, uuid: &str) -> Result<Option<Proposal>>;
    /// Live (not deleted) proposals, of one event or of all, oldest first.
    fn proposals(&mut self, event_id: Option<i64>) -> Result<Vec<Proposal>>;
}

/// Sharing groups and their members.
pub trait SharingGroupTx {
    fn sharing_group_insert(&mut self, g: &SharingGroup) -> Result<i64>;
    fn sharing_group_update(&mut self, g: &SharingGroup) -> Result<()>;
    /// Deletes the group with its member rows.
    fn sharing_group_delete(&mut self, id: i64) -> Result<()>;
    fn sharing_group_get(&mut self, id: i64) -> Result<Option<SharingGroup>>;
    fn sharing_group_by_uuid(&mut self, uuid: &str) -> Result<Option<SharingGroup>>;
    fn sharing_group_list(&mut self) -> Result<Vec<SharingGroup>>;
    fn sharing_group_orgs(&mut self, sharing_group_id: i64) -> Result<Vec<SharingGroupOrg>>;
    /// Adds or updates (`extend`) an organisation's membership.
    fn sharing_group_org_set(
        &mut self,
        sharing_group_id: i64,
        org_id: i64,
        extend: bool,
    ) -> Result<()>;
    fn sharing_group_org_remove(&mut self, sharing_group_id: i64, org_id: i64) -> Result<bool>;
    fn sharing_group_servers(&mut self, sharing_group_id: i64) -> Result<Vec<SharingGroupServer>>;
    fn sharing_group_server_set(
        &mut self,
        sharing_group_id: i64,
        server_id: i64,
        all_orgs: bool,
    ) -> Result<()>;
    fn sharing_group_server_remove(
        &mut self,
        sharing_group_id: i64,
        server_id: i64,
    ) -> Result<bool>;
    /// Active groups `org_id` belongs to on this instance: listed as an
    /// organisation, the creator, or the group includes all organisations of
    /// this instance (server 0 with `all_orgs`).
    fn sharing_groups_of_org(&mut self, org_id: i64) -> Result<Vec<i64>>;
}

/// The audit log: append-only as far as jisr is concerned; verification
/// reads it back in id order.
pub trait AuditTx {
    fn audit_append(&mut self, e: &AuditEntry) -> Result<i64>;
    /// The newest entry's id and hash.
    fn audit_last(&mut self) -> Result<Option<(i64, String)>>;
    /// Entries with id greater than `after`, oldest first, at most `limit`.
    fn audit_page(&mut self, after: i64, limit: i64) -> Result<Vec<AuditEntry>>;
    /// Entries about one record (`model`, `model_id`), newest first, at most
    /// `limit`: an index lookup, not a scan of the log.
    fn audit_of(&mut self, model: &str, model_id: i64, limit: i64) -> Result<Vec<AuditEntry>>;
    fn audit_checkpoint_add(&mut self, entry_id: i64, hash: &str, signature: &str) -> Result<()>;
    /// Checkpoints as `(entry_id, hash, signature)`, oldest first.
    fn audit_checkpoints(&mut self) -> Result<Vec<(i64, String, String)>>;
}

/// Web console accounts: passwords, sessions, set-password links and
/// per-user preferences. Tokens arrive here already digested.
pub trait AccountTx {
    fn password_get(&mut self, user_id: i64) -> Result<Option<PasswordRecord>>;
    /// Inserts or replaces the user's record.
    fn password_put(&mut self, r: &PasswordRecord) -> Result<()>;

    fn session_insert(&mut self, s: &WebSession) -> Result<()>;
    fn session_get(&mut self, digest: &str) -> Result<Option<WebSession>>;
    fn session_delete(&mut self, digest: &str) -> Result<()>;
    /// Ends every session of a user (password changed, user disabled).
    fn sessions_delete_user(&mut self, user_id: i64) -> Result<u64>;
    /// Removes sessions that expired before `now`.
    fn sessions_purge(&mut self, now: i64) -> Result<u64>;

    fn password_link_insert(&mut self, l: &PasswordLink) -> Result<()>;
    fn password_link_get(&mut self, digest: &str) -> Result<Option<PasswordLink>>;
    /// Removes one link, or with `user_id` every link of that user.
    fn password_links_delete(&mut self, digest: &str, user_id: Option<i64>) -> Result<u64>;

    /// A user's console preference (language, digits, calendar).
    fn user_pref_get(&mut self, user_id: i64, key: &str) -> Result<Option<String>>;
    fn user_pref_set(&mut self, user_id: i64, key: &str, value: &str) -> Result<()>;
}
