//! The access policy: who may see, edit or publish what. Pure: callers hand
//! in the facts (the actor, the rows) and get a decision, or a [`Scope`] that
//! a store turns into a query filter implementing the same rules.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::distribution::{ALL, COMMUNITY, CONNECTED, INHERIT, SHARING_GROUP};
use jisr_model::roles::Role;
use jisr_model::{Attribute, Event, MispObject};

pub mod federation;

/// Handling codes that jisr enforces where MISP only labels: the strictest
/// TLP 2.0 mark on an item (or inherited from its event) caps how far the
/// item may reach.
pub mod tlp {
    /// How far a mark lets an item reach, strictest last.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
    pub enum Cap {
        /// `tlp:green`, `tlp:clear`, `tlp:white` or no mark.
        #[default]
        None,
        /// `tlp:amber`: this community only (matters when records travel).
        Community,
        /// `tlp:red`, `tlp:amber+strict`: the owner organisation only.
        OrgOnly,
    }

    pub const ORG_ONLY: &[&str] = &["tlp:red", "tlp:amber+strict"];
    pub const COMMUNITY: &[&str] = &["tlp:amber"];
    /// Marks that also keep an item out of bulk exports and feeds.
    pub const NO_BULK_EXPORT: &[&str] = &["tlp:red"];

    /// The strictest cap among tag names (case-insensitive).
    pub fn cap_of<'a>(names: impl IntoIterator<Item = &'a str>) -> Cap {
        names
            .into_iter()
            .map(|n| {
                let n = n.trim().to_ascii_lowercase();
                if ORG_ONLY.contains(&n.as_str()) {
                    Cap::OrgOnly
                } else if COMMUNITY.contains(&n.as_str()) {
                    Cap::Community
                } else {
                    Cap::None
                }
            })
            .max()
            .unwrap_or(Cap::None)
    }

    pub fn keeps_out_of_bulk<'a>(names: impl IntoIterator<Item = &'a str>) -> bool {
        names
            .into_iter()
            .any(|n| NO_BULK_EXPORT.contains(&n.trim().to_ascii_lowercase().as_str()))
    }
}

use tlp::Cap;

/// Who is asking: a user of an organisation, with a role.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub org_id: i64,
    pub email: String,
    pub role: Role,
    /// Sharing groups the actor's organisation belongs to.
    pub sharing_groups: Vec<i64>,
    /// The instance hides unpublished events from other organisations
    /// (MISP's `MISP.unpublishedprivate`).
    pub unpublished_private: bool,
    /// The API key the request came with (0 for the CLI), for the audit log.
    pub authkey_id: i64,
}

impl Actor {
    pub fn is_site_admin(&self) -> bool {
        self.role.is_site_admin()
    }
    pub fn is_org_admin(&self) -> bool {
        self.role.is_org_admin() || self.is_site_admin()
    }
    pub fn can(&self, flag: &str) -> bool {
        self.is_site_admin() || self.role.has(flag)
    }
}

/// The rows an actor may read, in a form a store can turn into SQL.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// Site admins: everything.
    Everything,
    /// Everyone else: their organisation's events, plus events shared
    /// beyond the organisation (community, connected, all, or a sharing group
    /// they are in), which must also be published when `unpublished_private`;
    /// inside those, the same test per element.
    Organisation {
        org_id: i64,
        sharing_groups: Vec<i64>,
        unpublished_private: bool,
    },
}

pub fn scope(actor: &Actor) -> Scope {
    if actor.is_site_admin() {
        Scope::Everything
    } else {
        Scope::Organisation {
            org_id: actor.org_id,
            sharing_groups: actor.sharing_groups.clone(),
            unpublished_private: actor.unpublished_private,
        }
    }
}

fn shared_beyond_org(distribution: i64, sharing_group_id: i64, sharing_groups: &[i64]) -> bool {
    matches!(distribution, COMMUNITY | CONNECTED | ALL)
        || (distribution == SHARING_GROUP && sharing_groups.contains(&sharing_group_id))
}

impl Scope {
    /// Whether the event is visible; `cap` is the strictest TLP mark on it.
    pub fn sees_event(&self, e: &Event, cap: Cap) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Organisation {
                org_id,
                sharing_groups,
                unpublished_private,
            } => {
                e.org_id == *org_id
                    || (cap != Cap::OrgOnly
                        && (e.published || !unpublished_private)
                        && shared_beyond_org(e.distribution, e.sharing_group_id, sharing_groups))
            }
        }
    }

    /// Whether an element (attribute, object, report) of a visible event is
    /// visible; `cap` is the strictest TLP mark on the element itself.
    pub fn sees_element(
        &self,
        e: &Event,
        distribution: i64,
        sharing_group_id: i64,
        cap: Cap,
    ) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Organisation {
                org_id,
                sharing_groups,
                ..
            } => {
                e.org_id == *org_id
                    || (cap != Cap::OrgOnly
                        && (distribution == INHERIT
                            || shared_beyond_org(distribution, sharing_group_id, sharing_groups)))
            }
        }
    }

    pub fn sees_attribute(
        &self,
        e: &Event,
        event_cap: Cap,
        object: Option<&MispObject>,
        a: &Attribute,
        attribute_cap: Cap,
    ) -> bool {
        self.sees_event(e, event_cap)
            && object
                .is_none_or(|o| self.sees_element(e, o.distribution, o.sharing_group_id, Cap::None))
            && self.sees_element(e, a.distribution, a.sharing_group_id, attribute_cap)
    }
}

/// May the actor change this event (edit, add to it, delete from it)?
pub fn can_modify_event(actor: &Actor, e: &Event) -> bool {
    if actor.is_site_admin() {
        return true;
    }
    // A copy that arrived by sync belongs to the sync links: any of them
    // may bring a newer version (the same event can arrive by two paths).
    if e.locked && actor.role.has("perm_sync") {
        return true;
    }
    if e.org_id != actor.org_id {
        return false;
    }
    actor.role.has("perm_modify_org")
        || (actor.role.has("perm_modify") && e.user_id == actor.user_id)
}

pub fn can_publish_event(actor: &Actor, e: &Event) -> bool {
    can_modify_event(actor, e) && actor.can("perm_publish")
}

pub fn can_add_event(actor: &Actor) -> bool {
    actor.can("perm_add")
}

pub fn can_tag(actor: &Actor) -> bool {
    actor.can("perm_tagger")
}

pub fn can_sight(actor: &Actor) -> bool {
    actor.can("perm_sighting")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jisr_model::roles::default_roles;

    fn actor(org_id: i64, role_id: i64) -> Actor {
        let role = default_roles()
            .into_iter()
            .find(|r| r.id == role_id)
            .unwrap();
        Actor {
            user_id: 10,
            org_id,
            email: "a@b".into(),
            role,
            sharing_groups: vec![],
            unpublished_private: true,
            authkey_id: 0,
        }
    }

    fn event(org_id: i64, distribution: i64, published: bool) -> Event {
        Event {
            org_id,
            distribution,
            published,
            ..Default::default()
        }
    }

    #[test]
    fn org_only_events_stay_in_the_org() {
        let other = scope(&actor(2, 3));
        assert!(!other.sees_event(&event(1, 0, true), Cap::None));
        assert!(scope(&actor(1, 3)).sees_event(&event(1, 0, false), Cap::None));
        assert!(scope(&actor(5, 1)).sees_event(&event(1, 0, false), Cap::None));
    }

    #[test]
    fn unpublished_events_are_the_owners_only() {
        let other = scope(&actor(2, 3));
        assert!(!other.sees_event(&event(1, 3, false), Cap::None));
        assert!(other.sees_event(&event(1, 3, true), Cap::None));
    }

    #[test]
    fn org_only_attribute_hidden_inside_shared_event() {
        let e = event(1, 3, true);
        let a = Attribute {
            distribution: 0,
            ..Default::default()
        };
        assert!(!scope(&actor(2, 3)).sees_attribute(&e, Cap::None, None, &a, Cap::None));
        assert!(scope(&actor(1, 3)).sees_attribute(&e, Cap::None, None, &a, Cap::None));
        let inherit = Attribute {
            distribution: 5,
            ..Default::default()
        };
        assert!(scope(&actor(2, 3)).sees_attribute(&e, Cap::None, None, &inherit, Cap::None));
    }

    #[test]
    fn modify_needs_own_org_and_role() {
        let e = Event {
            org_id: 1,
            user_id: 99,
            ..Default::default()
        };
        assert!(can_modify_event(&actor(1, 3), &e));
        assert!(!can_modify_event(&actor(2, 3), &e));
        assert!(!can_modify_event(&actor(1, 6), &e));
        assert!(can_publish_event(&actor(1, 4), &e));
        assert!(!can_publish_event(&actor(1, 3), &e));
    }

    #[test]
    fn tlp_marks_cap_reach() {
        use super::tlp::{cap_of, keeps_out_of_bulk};
        assert_eq!(cap_of(["tlp:green", "TLP:RED"]), Cap::OrgOnly);
        assert_eq!(cap_of(["tlp:amber+strict"]), Cap::OrgOnly);
        assert_eq!(cap_of(["tlp:amber", "tlp:clear"]), Cap::Community);
        assert_eq!(cap_of(["tlp:white", "other"]), Cap::None);
        assert!(keeps_out_of_bulk(["tlp:red"]) && !keeps_out_of_bulk(["tlp:amber+strict"]));
        let shared = event(1, 3, true);
        let outsider = scope(&actor(2, 3));
        assert!(outsider.sees_event(&shared, Cap::Community));
        assert!(
            !outsider.sees_event(&shared, Cap::OrgOnly),
            "red stays home"
        );
        assert!(
            scope(&actor(1, 3)).sees_event(&shared, Cap::OrgOnly),
            "the owner still sees it"
        );
        let a = Attribute {
            distribution: 5,
            ..Default::default()
        };
        assert!(!outsider.sees_attribute(&shared, Cap::None, None, &a, Cap::OrgOnly));
    }
}
