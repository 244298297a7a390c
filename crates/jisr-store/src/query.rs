//! restSearch filters in a backend-neutral form. Names (tags, organisations)
//! are resolved to ids before a query reaches a store.

/// Include/exclude lists of text terms; `%` is a wildcard as in MISP.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermFilter {
    /// At least one must match (empty: no condition).
    pub any_of: Vec<String>,
    /// None may match.
    pub none_of: Vec<String>,
}

impl TermFilter {
    pub fn is_empty(&self) -> bool {
        self.any_of.is_empty() && self.none_of.is_empty()
    }
}

/// Include/exclude lists of ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdFilter {
    pub any_of: Option<Vec<i64>>,
    pub none_of: Vec<i64>,
}

/// Tag conditions, already resolved to tag ids. Each inner list of
/// `all_of` is one tag term (a wildcard may resolve to several ids).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagFilter {
    /// Tagged with at least one of these.
    pub any_of: Option<Vec<i64>>,
    /// Tagged with one id of each inner list.
    pub all_of: Vec<Vec<i64>>,
    /// Tagged with none of these.
    pub none_of: Vec<i64>,
}

impl TagFilter {
    pub fn is_empty(&self) -> bool {
        self.any_of.is_none() && self.all_of.is_empty() && self.none_of.is_empty()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeletedFilter {
    #[default]
    Exclude,
    Only,
    Include,
}

/// One restSearch, for events or attributes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    // Attribute-level conditions (for events: some visible attribute matches).
    pub values: TermFilter,
    pub types: TermFilter,
    pub categories: TermFilter,
    pub to_ids: Option<bool>,
    pub attribute_tags: TagFilter,
    pub attribute_timestamp_from: Option<i64>,
    pub attribute_timestamp_to: Option<i64>,
    pub deleted: DeletedFilter,
    pub object_relation: Option<String>,
    /// Only attributes inside objects with one of these template names.
    pub object_names: TermFilter,
    pub first_seen_from: Option<i64>,
    pub last_seen_to: Option<i64>,
    // Event-level conditions.
    pub event_ids: IdFilter,
    pub orgs: IdFilter,
    /// Event or attribute uuids.
    pub uuids: Vec<String>,
    pub event_info: TermFilter,
    pub event_tags: TagFilter,
    /// For events: tags on the event or on any of its attributes.
    pub any_level_tags: TagFilter,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub timestamp_from: Option<i64>,
    pub timestamp_to: Option<i64>,
    pub publish_timestamp_from: Option<i64>,
    pub publish_timestamp_to: Option<i64>,
    pub published: Option<bool>,
    pub sharing_group_ids: Option<Vec<i64>>,
    /// Event distribution levels (the console's filter; MISP's restSearch has none).
    pub distributions: Option<Vec<i64>>,
    pub limit: Option<i64>,
    pub page: Option<i64>,
    /// Ordering of events; by id ascending when `None`.
    pub sort: Option<EventSort>,
}

/// An event column results may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventSortKey {
    Id,
    Info,
    Date,
    Timestamp,
    PublishTimestamp,
    ThreatLevel,
    Analysis,
    Distribution,
    AttributeCount,
}

impl EventSortKey {
    /// MISP's names for the sortable event columns.
    pub fn parse(name: &str) -> Option<EventSortKey> {
        Some(match name.trim().trim_start_matches("Event.") {
            "id" => EventSortKey::Id,
            "info" => EventSortKey::Info,
            "date" => EventSortKey::Date,
            "timestamp" => EventSortKey::Timestamp,
            "publish_timestamp" => EventSortKey::PublishTimestamp,
            "threat_level_id" | "threat_level" => EventSortKey::ThreatLevel,
            "analysis" => EventSortKey::Analysis,
            "distribution" => EventSortKey::Distribution,
            "attribute_count" => EventSortKey::AttributeCount,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSort {
    pub key: EventSortKey,
    pub descending: bool,
}

impl SearchQuery {
    /// Whether any attribute-level condition is set (events then need a matching attribute).
    pub fn has_attribute_conditions(&self) -> bool {
        !self.values.is_empty()
            || self.deleted != DeletedFilter::Exclude
            || !self.types.is_empty()
            || !self.categories.is_empty()
            || self.to_ids.is_some()
            || !self.attribute_tags.is_empty()
            || self.attribute_timestamp_from.is_some()
            || self.attribute_timestamp_to.is_some()
            || self.object_relation.is_some()
            || !self.object_names.is_empty()
            || self.first_seen_from.is_some()
            || self.last_seen_to.is_some()
    }

    /// `(limit, offset)` from MISP's 1-based `page`.
    pub fn window(&self) -> Option<(i64, i64)> {
        let limit = self.limit.filter(|l| *l > 0)?;
        let page = self.page.filter(|p| *p > 0).unwrap_or(1);
        Some((limit, (page - 1) * limit))
    }
}
