//! Plain entity structs, one per MISP table. Integers are `i64` here; the
//! wire module turns them into MISP's strings-for-integers JSON.

/// Distribution levels as MISP numbers them.
pub mod distribution {
    pub const ORG_ONLY: i64 = 0;
    pub const COMMUNITY: i64 = 1;
    pub const CONNECTED: i64 = 2;
    pub const ALL: i64 = 3;
    pub const SHARING_GROUP: i64 = 4;
    /// Attributes, objects and reports only: take the parent's distribution.
    pub const INHERIT: i64 = 5;
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Organisation {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub description: String,
    pub nationality: String,
    pub sector: String,
    pub org_type: String,
    pub contacts: String,
    pub local: bool,
    pub created_by: i64,
    pub date_created: String,
    pub date_modified: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub org_id: i64,
    pub role_id: i64,
    pub disabled: bool,
    pub autoalert: bool,
    pub contactalert: bool,
    pub termsaccepted: bool,
    pub change_pw: bool,
    pub gpgkey: String,
    pub nids_sid: i64,
    pub created_by: i64,
    pub date_created: i64,
    pub date_modified: i64,
    pub last_login: i64,
}

/// An API key. Only a keyed digest of the key is ever stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuthKey {
    pub id: i64,
    pub uuid: String,
    pub user_id: i64,
    /// HMAC-SHA256 of the clear key under the instance secret, hex.
    pub digest: String,
    pub key_start: String,
    pub key_end: String,
    pub created: i64,
    /// 0 = never expires.
    pub expiration: i64,
    pub comment: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Event {
    pub id: i64,
    pub uuid: String,
    pub org_id: i64,
    pub orgc_id: i64,
    pub info: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub threat_level_id: i64,
    pub analysis: i64,
    pub distribution: i64,
    pub sharing_group_id: i64,
    pub published: bool,
    pub publish_timestamp: i64,
    pub timestamp: i64,
    pub sighting_timestamp: i64,
    pub attribute_count: i64,
    pub extends_uuid: String,
    pub locked: bool,
    pub disable_correlation: bool,
    pub proposal_email_lock: bool,
    pub user_id: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribute {
    pub id: i64,
    pub uuid: String,
    pub event_id: i64,
    /// 0 when the attribute stands outside any object.
    pub object_id: i64,
    pub object_relation: Option<String>,
    pub attr_type: String,
    pub category: String,
    pub value1: String,
    pub value2: String,
    pub to_ids: bool,
    pub distribution: i64,
    pub sharing_group_id: i64,
    pub comment: String,
    pub deleted: bool,
    pub disable_correlation: bool,
    /// Microseconds since the epoch, as MISP stores them.
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
    pub timestamp: i64,
}

impl Attribute {
    /// The full value as MISP shows it: composite types join their halves with `|`.
    pub fn value(&self) -> String {
        if self.value2.is_empty() {
            self.value1.clone()
        } else {
            format!("{}|{}", self.value1, self.value2)
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MispObject {
    pub id: i64,
    pub uuid: String,
    pub event_id: i64,
    pub name: String,
    pub meta_category: String,
    pub description: String,
    pub template_uuid: String,
    pub template_version: String,
    pub distribution: i64,
    pub sharing_group_id: i64,
    pub comment: String,
    pub deleted: bool,
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
    pub timestamp: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectReference {
    pub id: i64,
    pub uuid: String,
    pub object_id: i64,
    pub event_id: i64,
    pub object_uuid: String,
    pub referenced_uuid: String,
    pub referenced_id: i64,
    /// 0 = attribute, 1 = object.
    pub referenced_type: i64,
    pub relationship_type: String,
    pub comment: String,
    pub deleted: bool,
    pub timestamp: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    pub id: i64,
    pub name: String,
    pub colour: String,
    pub exportable: bool,
    pub hide_tag: bool,
    pub org_id: i64,
    pub user_id: i64,
    pub local_only: bool,
    pub numerical_value: Option<i64>,
    pub is_galaxy: bool,
    pub is_custom_galaxy: bool,
}

/// A tag attached to an event or attribute; `local` tags never leave the instance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagLink {
    pub link_id: i64,
    pub tag: Tag,
    pub local: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sighting {
    pub id: i64,
    pub uuid: String,
    pub attribute_id: i64,
    pub event_id: i64,
    pub org_id: i64,
    pub date_sighting: i64,
    pub source: String,
    /// 0 sighting, 1 false positive, 2 expiration.
    pub sighting_type: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventReport {
    pub id: i64,
    pub uuid: String,
    pub event_id: i64,
    pub name: String,
    pub content: String,
    pub distribution: i64,
    pub sharing_group_id: i64,
    pub timestamp: i64,
    pub deleted: bool,
}

/// The short organisation reference embedded in events (`Org`, `Orgc`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgRef {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub local: bool,
}

impl From<&Organisation> for OrgRef {
    fn from(o: &Organisation) -> Self {
        OrgRef {
            id: o.id,
            uuid: o.uuid.clone(),
            name: o.name.clone(),
            local: o.local,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeTree {
    pub attribute: Attribute,
    pub tags: Vec<TagLink>,
    pub sightings: Vec<Sighting>,
    /// Attached file content, base64, when asked for (`withAttachments`).
    pub data: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectTree {
    pub object: MispObject,
    pub attributes: Vec<AttributeTree>,
    pub references: Vec<ObjectReference>,
}

/// An event with everything inside it, as `/events/view` returns it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventTree {
    pub event: Event,
    pub org: OrgRef,
    pub orgc: OrgRef,
    pub tags: Vec<TagLink>,
    pub attributes: Vec<AttributeTree>,
    pub objects: Vec<ObjectTree>,
    pub reports: Vec<EventReport>,
}

/// A proposal (MISP's shadow attribute): a change suggested by someone who
/// may not edit the event. `old_id` names the attribute it would change
/// (0 proposes a new attribute); `proposal_to_delete` proposes removal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Proposal {
    pub id: i64,
    pub old_id: i64,
    pub event_id: i64,
    pub org_id: i64,
    pub email: String,
    pub proposal_to_delete: bool,
    /// The proposed attribute; its `id` is unused.
    pub attribute: Attribute,
}

/// A sharing group: the organisations (and servers) an item with
/// distribution 4 may reach.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharingGroup {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub description: String,
    pub releasability: String,
    /// The organisation that created (and manages) the group.
    pub org_id: i64,
    pub active: bool,
    /// Created on this instance (a synced copy never overwrites it).
    pub local: bool,
    /// May travel to servers not listed in it.
    pub roaming: bool,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharingGroupOrg {
    pub id: i64,
    pub sharing_group_id: i64,
    pub org_id: i64,
    /// The organisation may edit the group and add others.
    pub extend: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharingGroupServer {
    pub id: i64,
    pub sharing_group_id: i64,
    /// 0 is this instance.
    pub server_id: i64,
    /// Every organisation on that server is a member.
    pub all_orgs: bool,
}

/// One entry of the tamper-evident audit log. `hash` covers every other
/// field and the previous entry's hash, so an edited, deleted or reordered
/// entry breaks the chain from that point on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    /// Seconds since the epoch.
    pub created: i64,
    pub user_id: i64,
    pub org_id: i64,
    pub email: String,
    /// The API key used, by its id (0: none or unknown).
    pub authkey_id: i64,
    pub ip: String,
    /// What was touched: `Event`, `Attribute`, `User`, `Auth` …
    pub model: String,
    pub model_id: i64,
    pub model_uuid: String,
    /// `add`, `edit`, `delete`, `view`, `search`, `login_fail` …
    pub action: String,
    /// For writes, what changed (JSON text); for reads, what was asked.
    pub change: String,
    pub prev_hash: String,
    pub hash: String,
}
