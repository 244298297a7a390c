//! Parsing restSearch bodies. MISP accepts each filter as a scalar, a list,
//! a list with `!`-negated items, or `{"OR": …, "AND": …, "NOT": …}`.

use jisr_model::wire::{as_bool, as_i64, as_string, now, parse_date, parse_time_filter};
use jisr_store::{DeletedFilter, IdFilter, SearchQuery, TagFilter, TermFilter, Tx};
use serde_json::Value;

use crate::error::{Result, invalid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Json,
    Csv,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Controller {
    Events,
    Attributes,
    Objects,
}

/// Everything a restSearch asks for: what to find and how to show it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: SearchQuery,
    pub format: Format,
    pub include_event_tags: bool,
    pub include_sightings: bool,
    pub metadata: bool,
    /// CSV columns asked for, if any.
    pub requested_attributes: Vec<String>,
    pub headerless: bool,
    pub include_context: bool,
    pub include_event_uuid: bool,
    pub include_correlations: bool,
    /// Events: `RelatedEvent` (MISP's `includeEventCorrelations`).
    pub include_event_correlations: bool,
    /// Only what correlates with this attribute (id or uuid), as the actor
    /// sees it: the search by correlation.
    pub correlation: Option<String>,
    /// Events: attributes carrying one of these tags are left out of the
    /// events shown (MISP's `NOT` tags act per attribute inside events).
    pub hidden_attribute_tags: Vec<i64>,
    /// Leave out attributes that trip an enabled warninglist.
    pub enforce_warninglist: bool,
    pub with_attachments: bool,
}

/// The terms of one filter, split into OR, AND and NOT lists.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Terms {
    pub or: Vec<String>,
    pub and: Vec<String>,
    pub not: Vec<String>,
}

fn scalar_terms(v: &Value, out: &mut Terms) {
    if let Some(s) = as_string(v) {
        for part in if s.contains("&&") {
            s.split("&&").map(str::to_string).collect()
        } else {
            vec![s]
        } {
            let part = part.trim().to_string();
            if let Some(neg) = part.strip_prefix('!') {
                out.not.push(neg.to_string());
            } else if !part.is_empty() {
                out.or.push(part);
            }
        }
    }
}

pub fn parse_terms(v: &Value) -> Terms {
    let mut out = Terms::default();
    match v {
        Value::Array(items) => items.iter().for_each(|i| scalar_terms(i, &mut out)),
        Value::Object(m) => {
            for (k, list) in m {
                let items: Vec<Value> = match list {
                    Value::Array(a) => a.clone(),
                    other => vec![other.clone()],
                };
                let target = match k.to_ascii_uppercase().as_str() {
                    "AND" => &mut out.and,
                    "NOT" => &mut out.not,
                    _ => &mut out.or,
                };
                target.extend(items.iter().filter_map(as_string));
            }
        }
        Value::Null => {}
        other => scalar_terms(other, &mut out),
    }
    out
}

fn term_filter(v: Option<&Value>) -> TermFilter {
    let t = v.map(parse_terms).unwrap_or_default();
    let mut any_of = t.or;
    any_of.extend(t.and);
    TermFilter {
        any_of,
        none_of: t.not,
    }
}

/// Resolves tag terms (names, `%` wildcards or ids) to tag ids.
fn tag_ids(tx: &mut dyn Tx, term: &str) -> Result<Vec<i64>> {
    if let Ok(id) = term.parse::<i64>() {
        return Ok(vec![id]);
    }
    if term.contains('%') {
        return Ok(tx.tag_list(Some(term))?.into_iter().map(|t| t.id).collect());
    }
    Ok(tx
        .tag_by_name(term)?
        .map(|t| vec![t.id])
        .unwrap_or_default())
}

fn tag_filter(tx: &mut dyn Tx, v: Option<&Value>) -> Result<TagFilter> {
    let Some(v) = v else {
        return Ok(TagFilter::default());
    };
    let t = parse_terms(v);
    let mut f = TagFilter::default();
    if !t.or.is_empty() {
        let mut ids = vec![];
        for term in &t.or {
            ids.extend(tag_ids(tx, term)?);
        }
        f.any_of = Some(ids);
    }
    for term in &t.and {
        f.all_of.push(tag_ids(tx, term)?);
    }
    for term in &t.not {
        f.none_of.extend(tag_ids(tx, term)?);
    }
    Ok(f)
}

fn org_filter(tx: &mut dyn Tx, v: Option<&Value>) -> Result<IdFilter> {
    let Some(v) = v else {
        return Ok(IdFilter::default());
    };
    let t = parse_terms(v);
    let mut f = IdFilter::default();
    let resolve = |tx: &mut dyn Tx, term: &str| -> Result<Option<i64>> {
        Ok(crate::directory::find_org(tx, term)?.map(|o| o.id))
    };
    if !t.or.is_empty() || !t.and.is_empty() {
        let mut ids = vec![];
        for term in t.or.iter().chain(t.and.iter()) {
            ids.extend(resolve(tx, term)?);
        }
        f.any_of = Some(ids);
    }
    for term in &t.not {
        f.none_of.extend(resolve(tx, term)?);
    }
    Ok(f)
}

fn id_filter(v: Option<&Value>) -> Result<IdFilter> {
    let Some(v) = v else {
        return Ok(IdFilter::default());
    };
    let t = parse_terms(v);
    let parse = |s: &String| {
        s.trim()
            .parse::<i64>()
            .map_err(|_| invalid(format!("eventid: '{s}' is not a number")))
    };
    let mut f = IdFilter::default();
    if !t.or.is_empty() || !t.and.is_empty() {
        f.any_of = Some(
            t.or.iter()
                .chain(t.and.iter())
                .map(parse)
                .collect::<Result<_>>()?,
        );
    }
    f.none_of = t.not.iter().map(parse).collect::<Result<_>>()?;
    Ok(f)
}

/// A time filter: one value means "from", a two-element list "from, to".
/// As in MISP, a value that is not a time matches nothing rather than failing.
fn time_range(v: Option<&Value>, _name: &str) -> Result<(Option<i64>, Option<i64>)> {
    let t = now();
    let one = |x: &Value| -> Result<i64> { Ok(parse_time_filter(x, t).unwrap_or(i64::MAX)) };
    match v {
        None | Some(Value::Null) => Ok((None, None)),
        Some(Value::Array(items)) if items.len() == 2 => {
            Ok((Some(one(&items[0])?), Some(one(&items[1])?)))
        }
        Some(Value::Array(items)) if items.len() == 1 => Ok((Some(one(&items[0])?), None)),
        Some(x) => Ok((Some(one(x)?), None)),
    }
}

fn date_value(v: Option<&Value>, name: &str) -> Result<Option<String>> {
    match v.and_then(as_string) {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => {
            if let Some(d) = parse_date(&s) {
                return Ok(Some(d));
            }
            // Relative spans and epochs are accepted as for timestamps.
            let secs = parse_time_filter(&Value::String(s.clone()), now())
                .ok_or_else(|| invalid(format!("{name}: '{s}' is not a date")))?;
            Ok(chrono::DateTime::from_timestamp(secs, 0).map(|d| d.format("%Y-%m-%d").to_string()))
        }
    }
}

fn flag(body: &Value, key: &str) -> Option<bool> {
    body.get(key).filter(|v| !v.is_null()).and_then(as_bool)
}

/// Parses a restSearch body for `controller`, resolving names to ids.
pub fn parse_request(
    tx: &mut dyn Tx,
    body: &Value,
    controller: Controller,
) -> Result<SearchRequest> {
    let get = |k: &str| body.get(k).filter(|v| !v.is_null());
    let mut q = SearchQuery {
        values: term_filter(get("value")),
        types: term_filter(get("type")),
        categories: term_filter(get("category")),
        event_info: term_filter(get("eventinfo")),
        to_ids: flag(body, "to_ids"),
        published: flag(body, "published"),
        event_ids: id_filter(get("eventid").or(get("event_id")))?,
        orgs: org_filter(tx, get("org"))?,
        uuids: parse_terms(get("uuid").unwrap_or(&Value::Null)).or,
        date_from: date_value(get("from").or(get("date_from")), "from")?,
        date_to: date_value(get("to").or(get("date_to")), "to")?,
        limit: get("limit").and_then(as_i64),
        page: get("page").and_then(as_i64),
        object_relation: get("object_relation").and_then(as_string),
        object_names: term_filter(get("object_name")),
        sharing_group_ids: match get("sharinggroup").or(get("sharing_group_id")) {
            Some(v) => Some(id_filter(Some(v))?.any_of.unwrap_or_default()),
            None => None,
        },
        ..Default::default()
    };
    let mut tags = tag_filter(tx, get("tags").or(get("tag")))?;
    q.event_tags = tag_filter(tx, get("event_tags"))?;
    let mut hidden_attribute_tags = vec![];
    if controller == Controller::Events {
        // An event is excluded by a NOT tag on the event itself; a NOT tag
        // on an attribute hides that attribute, not the event.
        hidden_attribute_tags = std::mem::take(&mut tags.none_of);
        q.event_tags
            .none_of
            .extend(hidden_attribute_tags.iter().copied());
    }
    q.any_level_tags = tags;
    q.attribute_tags = tag_filter(tx, get("attribute_tags"))?;
    let (ts_from, ts_to) = time_range(get("timestamp"), "timestamp")?;
    let (ets_from, ets_to) = time_range(get("event_timestamp"), "event_timestamp")?;
    let (ats_from, ats_to) = time_range(get("attribute_timestamp"), "attribute_timestamp")?;
    match controller {
        Controller::Events => {
            q.timestamp_from = ts_from.or(ets_from);
            q.timestamp_to = ts_to.or(ets_to);
            q.attribute_timestamp_from = ats_from;
            q.attribute_timestamp_to = ats_to;
        }
        Controller::Attributes | Controller::Objects => {
            q.attribute_timestamp_from = ts_from.or(ats_from);
            q.attribute_timestamp_to = ts_to.or(ats_to);
            q.timestamp_from = ets_from;
            q.timestamp_to = ets_to;
        }
    }
    let (pts_from, pts_to) = time_range(get("publish_timestamp"), "publish_timestamp")?;
    q.publish_timestamp_from = pts_from;
    q.publish_timestamp_to = pts_to;
    if let Some(last) = get("last") {
        let (from, _) = time_range(Some(last), "last")?;
        q.publish_timestamp_from = from;
        q.published = Some(true);
    }
    if let Some(fs) = get("first_seen") {
        q.first_seen_from = time_range(Some(fs), "first_seen")?.0.map(|s| s * 1_000_000);
    }
    if let Some(ls) = get("last_seen") {
        q.last_seen_to = time_range(Some(ls), "last_seen")?.0.map(|s| s * 1_000_000);
    }
    q.deleted = match get("deleted") {
        None => DeletedFilter::Exclude,
        Some(Value::Array(items)) => {
            let set: Vec<bool> = items.iter().filter_map(as_bool).collect();
            match (set.contains(&true), set.contains(&false)) {
                (true, true) => DeletedFilter::Include,
                (true, false) => DeletedFilter::Only,
                _ => DeletedFilter::Exclude,
            }
        }
        Some(v) => match as_bool(v) {
            Some(true) => DeletedFilter::Only,
            _ => DeletedFilter::Exclude,
        },
    };
    let format = match get("returnFormat")
        .and_then(as_string)
        .unwrap_or_else(|| "json".into())
        .to_lowercase()
        .as_str()
    {
        "json" => Format::Json,
        "csv" => Format::Csv,
        "text" => Format::Text,
        other => {
            return Err(invalid(format!(
                "returnFormat '{other}' is not supported; use json, csv or text"
            )));
        }
    };
    if format == Format::Text && q.to_ids.is_none() {
        // MISP's text export is an IDS feed: only to_ids attributes unless asked otherwise.
        q.to_ids = Some(true);
    }
    let requested_attributes = match get("requested_attributes") {
        Some(v) => parse_terms(v).or,
        None => vec![],
    };
    Ok(SearchRequest {
        query: q,
        format,
        include_event_tags: flag(body, "includeEventTags").unwrap_or(false),
        include_sightings: flag(body, "includeSightings").unwrap_or(false),
        metadata: flag(body, "metadata").unwrap_or(false),
        requested_attributes,
        headerless: flag(body, "headerless").unwrap_or(false),
        include_context: flag(body, "includeContext").unwrap_or(false),
        include_event_uuid: flag(body, "includeEventUuid").unwrap_or(false),
        include_correlations: flag(body, "includeCorrelations").unwrap_or(false),
        include_event_correlations: flag(body, "includeEventCorrelations").unwrap_or(false),
        correlation: body
            .get("correlation")
            .and_then(jisr_model::wire::as_string)
            .filter(|s| !s.trim().is_empty()),
        hidden_attribute_tags,
        enforce_warninglist: flag(body, "enforceWarninglist").unwrap_or(false),
        with_attachments: flag(body, "withAttachments").unwrap_or(false),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn terms_in_every_form() {
        assert_eq!(parse_terms(&json!("a")).or, vec!["a"]);
        let t = parse_terms(&json!(["a", "!b"]));
        assert_eq!(
            (t.or, t.not),
            (vec!["a".to_string()], vec!["b".to_string()])
        );
        let t = parse_terms(&json!({"AND": ["x", "y"], "NOT": "z"}));
        assert_eq!(t.and, vec!["x", "y"]);
        assert_eq!(t.not, vec!["z"]);
        let t = parse_terms(&json!("a&&!b"));
        assert_eq!(
            (t.or, t.not),
            (vec!["a".to_string()], vec!["b".to_string()])
        );
    }
}
