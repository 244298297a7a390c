//! restSearch as SQL. The access scope is part of every WHERE clause, so
//! limits and pages count only rows the actor may see.

use jisr_policy::Scope;
use jisr_store::{
    DeletedFilter, EventSortKey, IdFilter, Result, SearchQuery, SearchTx, TagFilter, TermFilter,
};
use tokio_postgres::types::ToSql;

use crate::PgTx;

/// A WHERE clause under construction, with its positional parameters.
#[derive(Default)]
pub(crate) struct Where {
    pub(crate) parts: Vec<String>,
    pub(crate) params: Vec<Box<dyn ToSql + Sync>>,
}

impl Where {
    pub(crate) fn push(&mut self, sql: impl Into<String>) {
        self.parts.push(sql.into());
    }
    pub(crate) fn bind(&mut self, v: impl ToSql + Sync + 'static) -> String {
        self.params.push(Box::new(v));
        format!("${}", self.params.len())
    }
    fn bind_list(&mut self, ids: &[i64]) -> String {
        if ids.is_empty() {
            return "NULL".into();
        }
        ids.iter()
            .map(|id| self.bind(*id))
            .collect::<Vec<_>>()
            .join(",")
    }
    pub(crate) fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.params
            .iter()
            .map(|p| p.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
    pub(crate) fn sql(&self) -> String {
        if self.parts.is_empty() {
            "1=1".into()
        } else {
            self.parts.join(" AND ")
        }
    }
}

pub(crate) fn event_scope(w: &mut Where, scope: &Scope) {
    if let Scope::Organisation {
        org_id,
        sharing_groups,
        unpublished_private,
    } = scope
    {
        let org = w.bind(*org_id);
        let sgs = w.bind_list(sharing_groups);
        let published = if *unpublished_private {
            "e.published"
        } else {
            "1=1"
        };
        let red = org_only_marks(w);
        w.push(format!(
            "(e.org_id = {org} OR ({published} AND (e.distribution IN (1,2,3) OR (e.distribution = 4 AND e.sharing_group_id IN ({sgs})))
              AND NOT EXISTS (SELECT 1 FROM event_tags xt JOIN tags xg ON xg.id = xt.tag_id
                              WHERE xt.event_id = e.id AND lower(xg.name) IN ({red}))))"
        ));
    }
}

/// The TLP marks that keep an item in its organisation, as bound parameters.
fn org_only_marks(w: &mut Where) -> String {
    jisr_policy::tlp::ORG_ONLY
        .iter()
        .map(|m| w.bind(m.to_string()))
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn element_scope(w: &mut Where, scope: &Scope) {
    if let Scope::Organisation {
        org_id,
        sharing_groups,
        ..
    } = scope
    {
        let org = w.bind(*org_id);
        let sgs = w.bind_list(sharing_groups);
        let red = org_only_marks(w);
        w.push(format!(
            "(e.org_id = {org} OR ((a.distribution IN (1,2,3,5) OR (a.distribution = 4 AND a.sharing_group_id IN ({sgs})))
              AND (o.id IS NULL OR o.distribution IN (1,2,3,5) OR (o.distribution = 4 AND o.sharing_group_id IN ({sgs})))
              AND NOT EXISTS (SELECT 1 FROM attribute_tags xa JOIN tags xg ON xg.id = xa.tag_id
                              WHERE xa.attribute_id = a.id AND lower(xg.name) IN ({red}))))"
        ));
    }
}

/// `column` matched against terms: `%` makes a case-insensitive LIKE,
/// anything else an exact, case-insensitive comparison. SQLite's LIKE has
/// no escape character unless asked, hence `ESCAPE ''`; `lower(…) = lower(…)`
/// is what the hash indexes on `lower(value1)`/`lower(value2)` serve.
fn term_match(w: &mut Where, columns: &[&str], term: &str) -> String {
    let p = w.bind(term.to_string());
    let wildcard = term.contains('%');
    // A composite `value1|value2` can only equal a term with a `|` in it;
    // leaving it out otherwise lets the value indexes answer.
    let alts: Vec<String> = columns
        .iter()
        .filter(|c| !c.contains("'|'") || term.contains('|') || term.contains('%'))
        .map(|c| {
            let m = if wildcard {
                format!("{c} ILIKE {p} ESCAPE ''")
            } else {
                format!("lower({c}) = lower({p})")
            };
            guard_empty(c, m)
        })
        .collect();
    format!("({})", alts.join(" OR "))
}

/// Most attributes have no second value, so the `value2` index leaves out
/// the empty ones (one key held by nearly every row made each insert walk
/// a long chain of index pages); a match on `value2` says so, which is what
/// lets the partial index answer it.
fn guard_empty(column: &str, matched: String) -> String {
    if column == "a.value2" {
        format!("(a.value2 <> '' AND {matched})")
    } else {
        matched
    }
}

fn terms(w: &mut Where, columns: &[&str], f: &TermFilter) {
    if !f.any_of.is_empty() {
        let alts: Vec<String> = f.any_of.iter().map(|t| term_match(w, columns, t)).collect();
        w.push(format!("({})", alts.join(" OR ")));
    }
    for t in &f.none_of {
        let m = term_match(w, columns, t);
        w.push(format!("NOT {m}"));
    }
}

fn ids(w: &mut Where, column: &str, f: &IdFilter) {
    if let Some(any) = &f.any_of {
        let list = w.bind_list(any);
        w.push(format!("{column} IN ({list})"));
    }
    if !f.none_of.is_empty() {
        let list = w.bind_list(&f.none_of);
        w.push(format!("{column} NOT IN ({list})"));
    }
}

/// Tag conditions; `exists(list)` yields an EXISTS clause for "tagged with one of list".
fn tags(w: &mut Where, f: &TagFilter, exists: &dyn Fn(&str) -> String) {
    if let Some(any) = &f.any_of {
        let list = w.bind_list(any);
        w.push(exists(&list));
    }
    for one in &f.all_of {
        let list = w.bind_list(one);
        w.push(exists(&list));
    }
    if !f.none_of.is_empty() {
        let list = w.bind_list(&f.none_of);
        w.push(format!("NOT {}", exists(&list)));
    }
}

fn range(w: &mut Where, column: &str, from: Option<i64>, to: Option<i64>) {
    if let Some(v) = from {
        let p = w.bind(v);
        w.push(format!("{column} >= {p}"));
    }
    if let Some(v) = to {
        let p = w.bind(v);
        w.push(format!("{column} <= {p}"));
    }
}

/// What a `uuid` filter is matched against besides the event's own uuid.
enum UuidAlso {
    /// Events: any attribute of the event.
    AnyAttribute,
    /// Attributes: the attribute row itself.
    ThisAttribute,
}

fn event_conditions(w: &mut Where, q: &SearchQuery, uuid_also: UuidAlso) {
    ids(w, "e.id", &q.event_ids);
    ids(w, "e.orgc_id", &q.orgs);
    if !q.uuids.is_empty() {
        let marks: Vec<String> = q.uuids.iter().map(|u| w.bind(u.clone())).collect();
        let marks = marks.join(",");
        let by_attribute = match uuid_also {
            UuidAlso::AnyAttribute => {
                format!(
                    "EXISTS (SELECT 1 FROM attributes a2 WHERE a2.event_id = e.id AND a2.uuid IN ({marks}))"
                )
            }
            UuidAlso::ThisAttribute => format!("a.uuid IN ({marks})"),
        };
        w.push(format!("(e.uuid IN ({marks}) OR {by_attribute})"));
    }
    // MISP matches event info with LIKE, where a backslash escapes.
    if !q.event_info.any_of.is_empty() {
        let alts: Vec<String> = q
            .event_info
            .any_of
            .iter()
            .map(|t| {
                let p = w.bind(t.clone());
                format!("e.info ILIKE {p} ESCAPE '\\'")
            })
            .collect();
        w.push(format!("({})", alts.join(" OR ")));
    }
    for t in &q.event_info.none_of {
        let p = w.bind(t.clone());
        w.push(format!("NOT (e.info ILIKE {p} ESCAPE '\\')"));
    }
    tags(w, &q.event_tags, &|list| {
        format!(
            "EXISTS (SELECT 1 FROM event_tags et WHERE et.event_id = e.id AND et.tag_id IN ({list}))"
        )
    });
    if let Some(d) = &q.date_from {
        let p = w.bind(d.clone());
        w.push(format!("e.date >= {p}"));
    }
    if let Some(d) = &q.date_to {
        let p = w.bind(d.clone());
        w.push(format!("e.date <= {p}"));
    }
    range(w, "e.timestamp", q.timestamp_from, q.timestamp_to);
    range(
        w,
        "e.publish_timestamp",
        q.publish_timestamp_from,
        q.publish_timestamp_to,
    );
    if let Some(p) = q.published {
        let p = w.bind(p);
        w.push(format!("e.published = {p}"));
    }
    if let Some(sgs) = &q.sharing_group_ids {
        let list = w.bind_list(sgs);
        w.push(format!("e.sharing_group_id IN ({list})"));
    }
    if let Some(ds) = &q.distributions {
        let list = w.bind_list(ds);
        w.push(format!("e.distribution IN ({list})"));
    }
}

fn attribute_conditions(w: &mut Where, q: &SearchQuery) {
    terms(
        w,
        &["a.value1", "a.value2", "(a.value1 || '|' || a.value2)"],
        &q.values,
    );
    terms(w, &["a.type"], &q.types);
    terms(w, &["a.category"], &q.categories);
    if let Some(t) = q.to_ids {
        let p = w.bind(t);
        w.push(format!("a.to_ids = {p}"));
    }
    tags(w, &q.attribute_tags, &|list| {
        format!(
            "EXISTS (SELECT 1 FROM attribute_tags at WHERE at.attribute_id = a.id AND at.tag_id IN ({list}))"
        )
    });
    range(
        w,
        "a.timestamp",
        q.attribute_timestamp_from,
        q.attribute_timestamp_to,
    );
    terms(w, &["o.name"], &q.object_names);
    if let Some(rel) = &q.object_relation {
        let p = w.bind(rel.clone());
        w.push(format!("a.object_relation = {p}"));
    }
    if let Some(v) = q.first_seen_from {
        let p = w.bind(v);
        w.push(format!("a.first_seen >= {p}"));
    }
    if let Some(v) = q.last_seen_to {
        let p = w.bind(v);
        w.push(format!("a.last_seen <= {p}"));
    }
    match q.deleted {
        DeletedFilter::Exclude => w.push("NOT a.deleted AND (o.id IS NULL OR NOT o.deleted)"),
        DeletedFilter::Only => w.push("a.deleted"),
        DeletedFilter::Include => {}
    }
}

fn window(w: &mut Where, q: &SearchQuery) -> String {
    match q.window() {
        Some((limit, offset)) => {
            let l = w.bind(limit);
            let o = w.bind(offset);
            format!(" LIMIT {l} OFFSET {o}")
        }
        None => String::new(),
    }
}

impl SearchTx for PgTx<'_> {
    fn search_events(&mut self, q: &SearchQuery, scope: &Scope) -> Result<Vec<i64>> {
        let mut w = Where::default();
        event_scope(&mut w, scope);
        event_conditions(&mut w, q, UuidAlso::AnyAttribute);
        tags(&mut w, &q.any_level_tags, &|list| {
            format!(
                "(EXISTS (SELECT 1 FROM event_tags et WHERE et.event_id = e.id AND et.tag_id IN ({list}))
                  OR EXISTS (SELECT 1 FROM attribute_tags at JOIN attributes ta ON ta.id = at.attribute_id
                             WHERE at.event_id = e.id AND NOT ta.deleted AND at.tag_id IN ({list})))"
            )
        });
        if q.has_attribute_conditions() {
            let mut inner = Where {
                parts: vec![],
                params: std::mem::take(&mut w.params),
            };
            element_scope(&mut inner, scope);
            attribute_conditions(&mut inner, q);
            w.params = std::mem::take(&mut inner.params);
            w.push(format!(
                "EXISTS (SELECT 1 FROM attributes a LEFT JOIN objects o ON o.id = a.object_id WHERE a.event_id = e.id AND {})",
                inner.sql()
            ));
        }
        let tail = window(&mut w, q);
        let order = match q.sort {
            None => "e.id".to_string(),
            Some(s) => {
                let column = match s.key {
                    EventSortKey::Id => "e.id",
                    // Byte order, as SQLite's BINARY collation sorts.
                    EventSortKey::Info => "e.info COLLATE \"C\"",
                    EventSortKey::Date => "e.date COLLATE \"C\"",
                    EventSortKey::Timestamp => "e.timestamp",
                    EventSortKey::PublishTimestamp => "e.publish_timestamp",
                    EventSortKey::ThreatLevel => "e.threat_level_id",
                    EventSortKey::Analysis => "e.analysis",
                    EventSortKey::Distribution => "e.distribution",
                    EventSortKey::AttributeCount => "e.attribute_count",
                };
                let dir = if s.descending { "DESC" } else { "ASC" };
                format!("{column} {dir}, e.id {dir}")
            }
        };
        let sql = format!(
            "SELECT e.id FROM events e WHERE {} ORDER BY {order}{tail}",
            w.sql()
        );
        let params = w.refs();
        self.many_planned(&sql, &params, |r| r.try_get(0))
    }

    fn search_attributes(&mut self, q: &SearchQuery, scope: &Scope) -> Result<Vec<i64>> {
        let mut w = Where::default();
        event_scope(&mut w, scope);
        element_scope(&mut w, scope);
        event_conditions(&mut w, q, UuidAlso::ThisAttribute);
        tags(&mut w, &q.any_level_tags, &|list| {
            format!(
                "(EXISTS (SELECT 1 FROM attribute_tags at WHERE at.attribute_id = a.id AND at.tag_id IN ({list}))
                  OR EXISTS (SELECT 1 FROM event_tags et WHERE et.event_id = e.id AND et.tag_id IN ({list})))"
            )
        });
        attribute_conditions(&mut w, q);
        let tail = window(&mut w, q);
        let sql = format!(
            "SELECT a.id FROM attributes a JOIN events e ON e.id = a.event_id LEFT JOIN objects o ON o.id = a.object_id
             WHERE {} ORDER BY a.event_id, a.id{tail}",
            w.sql()
        );
        let params = w.refs();
        self.many_planned(&sql, &params, |r| r.try_get(0))
    }
}
