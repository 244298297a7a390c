//! How distributions move between instances (MISP's rules, with jisr's TLP
//! caps): which items may cross a sync link and what distribution they carry
//! on the other side. Pure; the sync code and the receiving side both ask here.

use crate::tlp::Cap;

/// Which crossing is being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crossing {
    /// Sending an item to a remote instance (push).
    Push,
    /// Storing an item fetched from a remote instance (pull).
    Pull,
    /// Storing an item a remote instance pushed to us. The sender should
    /// already have applied [`Crossing::Push`]; the receiver applies it again
    /// rather than trust the sender.
    Received,
}

/// The distribution an item carries after the crossing, or `None` when it
/// must not cross. `distribution` is the item's own (5 = inherit: its parent
/// decides, so it crosses unchanged when the parent does); `cap` is the
/// strictest TLP mark on the item or inherited from its parents; `internal`
/// marks a link inside one organisation, where distributions stay unchanged.
pub fn cross(distribution: i64, cap: Cap, internal: bool, crossing: Crossing) -> Option<i64> {
    // "Your organisation only", red and amber+strict never leave the instance.
    if distribution == 0 || cap == Cap::OrgOnly || !(0..=5).contains(&distribution) {
        return None;
    }
    if internal {
        return Some(distribution);
    }
    match crossing {
        Crossing::Push | Crossing::Received => {
            // amber caps an item at "this community only", which stays home.
            if cap == Cap::Community {
                return None;
            }
            match distribution {
                1 if crossing == Crossing::Push => None,
                2 => Some(1),
                d => Some(d),
            }
        }
        Crossing::Pull => Some(match distribution {
            1 => 0,
            2 => 1,
            d => d,
        }),
    }
}

/// Whether an item of a sharing group may be pushed over a link (MISP's
/// rule): when the group lists the link's server, if it covers all that
/// server's organisations or the remote organisation is a member; an
/// unlisted server only for a roaming group whose members include the
/// remote organisation.
pub fn sharing_group_reaches_server(
    roaming: bool,
    listed_with_all_orgs: Option<bool>,
    remote_org_is_member: bool,
) -> bool {
    match listed_with_all_orgs {
        Some(true) => true,
        Some(false) => remote_org_is_member,
        None => roaming && remote_org_is_member,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use Crossing::*;

    #[test]
    fn org_only_and_capped_items_never_cross() {
        for c in [Push, Pull, Received] {
            for internal in [false, true] {
                assert_eq!(cross(0, Cap::None, internal, c), None);
                for d in 1..=5 {
                    assert_eq!(cross(d, Cap::OrgOnly, internal, c), None, "{d} {c:?}");
                }
            }
        }
    }

    #[test]
    fn push_sends_connected_as_community_and_keeps_community_home() {
        assert_eq!(cross(1, Cap::None, false, Push), None);
        assert_eq!(cross(2, Cap::None, false, Push), Some(1));
        assert_eq!(cross(3, Cap::None, false, Push), Some(3));
        assert_eq!(cross(4, Cap::None, false, Push), Some(4));
        assert_eq!(cross(5, Cap::None, false, Push), Some(5));
        assert_eq!(cross(3, Cap::Community, false, Push), None);
    }

    #[test]
    fn pull_decrements_each_hop() {
        assert_eq!(cross(1, Cap::None, false, Pull), Some(0));
        assert_eq!(cross(2, Cap::None, false, Pull), Some(1));
        assert_eq!(cross(3, Cap::None, false, Pull), Some(3));
        // Two hops of a connected-communities item end in the organisation.
        let first = cross(2, Cap::None, false, Pull).unwrap();
        assert_eq!(cross(first, Cap::None, false, Pull), Some(0));
    }

    #[test]
    fn the_receiver_re_applies_push_rules_idempotently() {
        for d in 1..=5 {
            let sent = cross(d, Cap::None, false, Push);
            let stored = sent.and_then(|s| cross(s, Cap::None, false, Received));
            assert_eq!(stored, sent, "{d}");
        }
        // A sender that ignores the rules cannot widen what arrives.
        assert_eq!(cross(2, Cap::None, false, Received), Some(1));
        assert_eq!(cross(0, Cap::None, false, Received), None);
    }

    #[test]
    fn sharing_groups_reach_listed_servers_or_roam_to_members() {
        assert!(sharing_group_reaches_server(false, Some(true), false));
        assert!(sharing_group_reaches_server(false, Some(false), true));
        assert!(!sharing_group_reaches_server(false, Some(false), false));
        assert!(!sharing_group_reaches_server(false, None, true));
        assert!(sharing_group_reaches_server(true, None, true));
        assert!(!sharing_group_reaches_server(true, None, false));
    }

    #[test]
    fn internal_links_keep_distributions() {
        for d in 1..=5 {
            assert_eq!(cross(d, Cap::None, true, Push), Some(d));
            assert_eq!(cross(d, Cap::Community, true, Pull), Some(d));
        }
    }
}
