//! One suite of storage behaviours that every backend must pass. A backend
//! runs it from its tests with a factory for fresh, empty stores:
//!
//! ```ignore
//! jisr_store::conformance::run_all(&|| Box::new(MyStore::open_temp()));
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::roles::default_roles;
use jisr_model::*;

use crate::Store;

mod accounts;
mod correlation;
mod directory;
mod events;
mod federation;
mod portable;
mod search;

pub type Factory<'a> = &'a dyn Fn() -> Box<dyn Store>;

/// Every behaviour, by name, so a failure names what broke.
pub fn run_all(make: Factory) {
    for (name, test) in CASES {
        eprintln!("conformance: {name}");
        test(make);
    }
}

/// A named behaviour.
pub type Case = (&'static str, fn(Factory));

pub const CASES: &[Case] = &[
    ("rollback_on_drop", events::rollback_on_drop),
    (
        "organisations_and_users",
        directory::organisations_and_users,
    ),
    ("unique_uuid_conflicts", events::unique_uuid_conflicts),
    ("event_tree_round_trip", events::event_tree_round_trip),
    ("bulk_attribute_insert", events::bulk_attribute_insert),
    ("arabic_and_large_values", events::arabic_and_large_values),
    ("search_filters", search::search_filters),
    (
        "scope_filters_in_the_query",
        search::scope_filters_in_the_query,
    ),
    ("paging_and_ordering", search::paging_and_ordering),
    ("soft_delete", events::soft_delete),
    ("attributes_with_value", events::attributes_with_value),
    ("proposals", events::proposals),
    ("sharing_groups", directory::sharing_groups),
    ("tlp_caps_in_the_query", search::tlp_caps_in_the_query),
    ("audit_log", directory::audit_log),
    (
        "first_write_is_read_back",
        directory::first_write_is_read_back,
    ),
    (
        "failed_write_leaves_transaction_usable",
        events::failed_write_leaves_transaction_usable,
    ),
    (
        "case_insensitive_names_and_patterns",
        directory::case_insensitive_names_and_patterns,
    ),
    (
        "generated_ids_follow_explicit_ones",
        directory::generated_ids_follow_explicit_ones,
    ),
    ("text_sorts_in_byte_order", search::text_sorts_in_byte_order),
    (
        "audit_ids_stay_dense_after_rollback",
        directory::audit_ids_stay_dense_after_rollback,
    ),
    ("servers_round_trip", federation::servers_round_trip),
    ("sync_jobs_queue", federation::sync_jobs_queue),
    (
        "outbox_and_push_candidates",
        federation::outbox_and_push_candidates,
    ),
    (
        "correlation_keys_join_under_scope",
        correlation::keys_join_under_scope,
    ),
    (
        "over_correlation_is_decided_per_reader",
        correlation::over_correlation_is_decided_per_reader,
    ),
    (
        "correlation_put_replaces_and_deletes_cascade",
        correlation::put_replaces_and_deletes_cascade,
    ),
    ("correlation_address_ranges", correlation::address_ranges),
    ("correlation_exclusions", correlation::exclusions),
    (
        "whole_tables_copy_exactly",
        portable::whole_tables_copy_exactly,
    ),
    (
        "pages_follow_the_key_of_any_table",
        portable::pages_follow_the_key_of_any_table,
    ),
    (
        "all_or_nothing_transactions",
        portable::all_or_nothing_transactions,
    ),
    (
        "ids_stay_dense_after_all_or_nothing_writes",
        portable::ids_stay_dense_after_all_or_nothing_writes,
    ),
    ("distribution_filter", search::distribution_filter),
    ("passwords_and_sessions", accounts::passwords_and_sessions),
    (
        "password_links_and_prefs",
        accounts::password_links_and_prefs,
    ),
    ("audit_of_one_record", accounts::audit_of_one_record),
];

pub(super) fn uuid() -> String {
    ::uuid::Uuid::new_v4().to_string()
}

/// A store with the default roles, two organisations and nothing else.
pub(super) fn seeded(make: Factory) -> (Box<dyn Store>, i64, i64) {
    let store = make();
    let (a, b);
    {
        let mut tx = store.write().unwrap();
        for r in default_roles() {
            tx.role_insert(&r).unwrap();
        }
        a = tx
            .org_insert(&Organisation {
                uuid: uuid(),
                name: "Cairo".into(),
                local: true,
                ..Default::default()
            })
            .unwrap();
        b = tx
            .org_insert(&Organisation {
                uuid: uuid(),
                name: "Brussels".into(),
                local: true,
                ..Default::default()
            })
            .unwrap();
        tx.commit().unwrap();
    }
    (store, a, b)
}

pub(super) fn event(org: i64, distribution: i64, published: bool, info: &str) -> Event {
    Event {
        uuid: uuid(),
        org_id: org,
        orgc_id: org,
        info: info.into(),
        date: "2024-04-20".into(),
        threat_level_id: 4,
        distribution,
        published,
        timestamp: 1_700_000_000,
        ..Default::default()
    }
}

pub(super) fn attribute(event_id: i64, t: &str, v: &str, distribution: i64) -> Attribute {
    Attribute {
        uuid: uuid(),
        event_id,
        attr_type: t.into(),
        category: "Network activity".into(),
        value1: v.into(),
        distribution,
        timestamp: 1_700_000_000,
        ..Default::default()
    }
}
