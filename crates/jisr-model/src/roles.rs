//! Roles and their permission flags, with MISP's six default roles.

use std::collections::BTreeMap;

/// Every `perm_*` flag a MISP role carries, in MISP's column order.
pub const PERMISSION_FLAGS: &[&str] = &[
    "perm_add",
    "perm_modify",
    "perm_modify_org",
    "perm_publish",
    "perm_delegate",
    "perm_sync",
    "perm_admin",
    "perm_audit",
    "perm_full",
    "perm_auth",
    "perm_site_admin",
    "perm_regexp_access",
    "perm_tagger",
    "perm_template",
    "perm_sharing_group",
    "perm_tag_editor",
    "perm_sighting",
    "perm_object_template",
    "perm_publish_zmq",
    "perm_publish_kafka",
    "perm_decaying",
    "perm_galaxy_editor",
    "perm_warninglist",
    "perm_view_feed_correlations",
    "perm_analyst_data",
    "perm_skip_otp",
    "perm_server_sign",
    "perm_sync_authoritative",
    "perm_sync_internal",
    "perm_benchmark",
];

pub mod ids {
    pub const ADMIN: i64 = 1;
    pub const ORG_ADMIN: i64 = 2;
    pub const USER: i64 = 3;
    pub const PUBLISHER: i64 = 4;
    pub const SYNC_USER: i64 = 5;
    pub const READ_ONLY: i64 = 6;
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Role {
    pub id: i64,
    pub name: String,
    /// Flag name (`perm_add` …) to value; flags absent here are false.
    pub perms: BTreeMap<String, bool>,
    pub default_role: bool,
    pub restricted_to_site_admin: bool,
    pub enforce_rate_limit: bool,
    pub rate_limit_count: i64,
    pub memory_limit: String,
    pub max_execution_time: String,
}

impl Role {
    pub fn has(&self, flag: &str) -> bool {
        self.perms.get(flag).copied().unwrap_or(false)
    }
    pub fn is_site_admin(&self) -> bool {
        self.has("perm_site_admin")
    }
    pub fn is_org_admin(&self) -> bool {
        self.has("perm_admin")
    }
    /// MISP's summary `permission` column: 0 read only, 1 add, 2 modify own org, 3 publish.
    pub fn permission_level(&self) -> i64 {
        if self.has("perm_publish") {
            3
        } else if self.has("perm_modify_org") {
            2
        } else if self.has("perm_add") {
            1
        } else {
            0
        }
    }
}

fn role(id: i64, name: &str, granted: &[&str], default_role: bool) -> Role {
    let perms = PERMISSION_FLAGS
        .iter()
        .map(|f| (f.to_string(), granted.contains(f)))
        .collect();
    Role {
        id,
        name: name.to_string(),
        perms,
        default_role,
        restricted_to_site_admin: false,
        enforce_rate_limit: false,
        rate_limit_count: 0,
        memory_limit: String::new(),
        max_execution_time: String::new(),
    }
}

/// The roles a fresh instance starts with, with MISP's ids so that clients
/// that hard-code them (PyMISP's tests use 3 as the default) keep working.
pub fn default_roles() -> Vec<Role> {
    const COMMON: &[&str] = &["perm_auth", "perm_audit", "perm_decaying"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        COMMON.iter().chain(extra.iter()).copied().collect()
    };
    let all: Vec<&str> = PERMISSION_FLAGS
        .iter()
        .copied()
        .filter(|f| {
            !matches!(
                *f,
                "perm_skip_otp" | "perm_sync_authoritative" | "perm_sync_internal"
            )
        })
        .collect();
    vec![
        role(ids::ADMIN, "admin", &all, false),
        role(
            ids::ORG_ADMIN,
            "Org Admin",
            &with(&[
                "perm_add",
                "perm_modify",
                "perm_modify_org",
                "perm_publish",
                "perm_delegate",
                "perm_admin",
                "perm_tagger",
                "perm_template",
                "perm_sharing_group",
                "perm_tag_editor",
                "perm_sighting",
                "perm_publish_zmq",
                "perm_publish_kafka",
                "perm_galaxy_editor",
                "perm_analyst_data",
            ]),
            false,
        ),
        role(
            ids::USER,
            "User",
            &with(&[
                "perm_add",
                "perm_modify",
                "perm_modify_org",
                "perm_tagger",
                "perm_sighting",
                "perm_analyst_data",
            ]),
            true,
        ),
        role(
            ids::PUBLISHER,
            "Publisher",
            &with(&[
                "perm_add",
                "perm_modify",
                "perm_modify_org",
                "perm_publish",
                "perm_delegate",
                "perm_tagger",
                "perm_sighting",
                "perm_publish_zmq",
                "perm_publish_kafka",
                "perm_analyst_data",
            ]),
            false,
        ),
        role(
            ids::SYNC_USER,
            "Sync user",
            &with(&[
                "perm_add",
                "perm_modify",
                "perm_modify_org",
                "perm_publish",
                "perm_delegate",
                "perm_sync",
                "perm_tagger",
                "perm_tag_editor",
                "perm_sharing_group",
                "perm_sighting",
                "perm_publish_zmq",
                "perm_publish_kafka",
                "perm_galaxy_editor",
                "perm_analyst_data",
            ]),
            false,
        ),
        role(ids::READ_ONLY, "Read Only", COMMON, false),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_default_roles_with_misp_ids() {
        let roles = default_roles();
        let ids: Vec<i64> = roles.iter().map(|r| r.id).collect();
        assert_eq!(ids, vec![1, 2, 3, 4, 5, 6]);
        assert!(roles[0].is_site_admin());
        assert!(!roles[1].is_site_admin() && roles[1].is_org_admin());
        assert!(roles[2].default_role);
        assert!(!roles[2].has("perm_publish") && roles[3].has("perm_publish"));
        assert!(roles[4].has("perm_sync") && !roles[4].has("perm_admin"));
        assert_eq!(roles[5].permission_level(), 0);
        assert!(roles.iter().filter(|r| r.default_role).count() == 1);
    }
}
