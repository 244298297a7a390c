//! Correlation exclusions (MISP's `/correlation_exclusions/…`): values, `%`
//! as wildcard, that correlate with nothing. Adding one takes the matching
//! attributes out of the index at once; deleting one puts them back.

use jisr_policy::{Actor, Scope};
use jisr_store::{CorrelationExclusion, SearchQuery, TermFilter, Tx};
use serde_json::{Value, json};

use crate::error::{Result, field_error, not_found};

fn site_admin(actor: &Actor) -> Result<()> {
    if actor.is_site_admin() {
        Ok(())
    } else {
        Err(crate::error::no_permission())
    }
}

pub fn to_json(x: &CorrelationExclusion) -> Value {
    json!({"CorrelationExclusion": {
        "id": x.id.to_string(), "value": x.value, "from_json": x.from_json, "comment": x.comment,
    }})
}

/// Re-indexes every attribute (live or not) whose value matches `pattern`.
fn reindex_matching(tx: &mut dyn Tx, pattern: &str) -> Result<usize> {
    let q = SearchQuery {
        values: TermFilter {
            any_of: vec![pattern.to_string()],
            none_of: vec![],
        },
        deleted: jisr_store::DeletedFilter::Include,
        ..Default::default()
    };
    let ids = tx.search_attributes(&q, &Scope::Everything)?;
    super::refresh_ids(tx, &ids)?;
    Ok(ids.len())
}

pub fn add(tx: &mut dyn Tx, actor: &Actor, body: &Value) -> Result<CorrelationExclusion> {
    site_admin(actor)?;
    let body = body.get("CorrelationExclusion").unwrap_or(body);
    let value = body
        .get("value")
        .and_then(jisr_model::wire::as_string)
        .map(|v| v.trim().to_string())
        .unwrap_or_default();
    if value.is_empty() || value.len() > 65_535 {
        return Err(field_error(
            "Correlation exclusion: the value is empty",
            "value",
            "A value is required.",
        ));
    }
    if tx
        .correlation_exclusions()?
        .iter()
        .any(|x| x.value == value)
    {
        return Err(field_error(
            "Correlation exclusion: this value is excluded already",
            "value",
            "This value is already excluded.",
        ));
    }
    let mut x = CorrelationExclusion {
        id: 0,
        value,
        from_json: body
            .get("from_json")
            .and_then(jisr_model::wire::as_bool)
            .unwrap_or(false),
        comment: body
            .get("comment")
            .and_then(jisr_model::wire::as_string)
            .unwrap_or_default(),
    };
    x.id = tx.correlation_exclusion_insert(&x)?;
    reindex_matching(tx, &x.value)?;
    Ok(x)
}

pub fn get(tx: &mut dyn Tx, actor: &Actor, id: &str) -> Result<CorrelationExclusion> {
    site_admin(actor)?;
    let missing = || not_found("Invalid correlation exclusion");
    let id: i64 = id.trim().parse().map_err(|_| missing())?;
    tx.correlation_exclusion_get(id)?.ok_or_else(missing)
}

pub fn list(tx: &mut dyn Tx, actor: &Actor) -> Result<Vec<CorrelationExclusion>> {
    site_admin(actor)?;
    Ok(tx.correlation_exclusions()?)
}

pub fn delete(tx: &mut dyn Tx, actor: &Actor, id: &str) -> Result<CorrelationExclusion> {
    let x = get(tx, actor, id)?;
    tx.correlation_exclusion_delete(x.id)?;
    reindex_matching(tx, &x.value)?;
    Ok(x)
}

/// MISP's clean-up: correlations of excluded values are removed. jisr
/// removes them when an exclusion is added; this re-applies every exclusion
/// (after a rebuild under other settings, say) and counts what it touched.
pub fn clean(tx: &mut dyn Tx, actor: &Actor) -> Result<usize> {
    site_admin(actor)?;
    let mut touched = 0;
    for x in tx.correlation_exclusions()? {
        touched += reindex_matching(tx, &x.value)?;
    }
    Ok(touched)
}
