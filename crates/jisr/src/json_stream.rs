//! Reading a MISP JSON document one event at a time, so that importing a
//! dump of millions of attributes needs the memory of its largest event,
//! not of the whole file. Accepts what `jisr export` and MISP write: one
//! event, a list of events, or `{"response": [...]}`.

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

type Callback<'a> = &'a mut dyn FnMut(Value) -> anyhow::Result<()>;

/// Calls `each` with every event in the document; returns how many there were.
pub fn for_each_event(
    reader: impl Read,
    mut each: impl FnMut(Value) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut count = 0;
    let mut failure: Option<anyhow::Error> = None;
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let visitor = Top {
        each: &mut each,
        count: &mut count,
        failure: &mut failure,
    };
    let parsed = de.deserialize_any(visitor);
    if let Some(e) = failure {
        return Err(e);
    }
    parsed.map_err(|e| anyhow::anyhow!("not valid MISP JSON: {e}"))?;
    de.end()
        .map_err(|e| anyhow::anyhow!("unexpected data after the events: {e}"))?;
    Ok(count)
}

struct Top<'a> {
    each: Callback<'a>,
    count: &'a mut usize,
    /// The callback's own error, kept apart from JSON syntax errors.
    failure: &'a mut Option<anyhow::Error>,
}

fn deliver<E: serde::de::Error>(
    each: Callback<'_>,
    count: &mut usize,
    failure: &mut Option<anyhow::Error>,
    v: Value,
) -> Result<(), E> {
    match each(v) {
        Ok(()) => {
            *count += 1;
            Ok(())
        }
        Err(e) => {
            *failure = Some(e);
            Err(E::custom("import stopped"))
        }
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an event, a list of events, or {\"response\": [...]}")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<Value>()? {
            deliver(&mut *self.each, self.count, self.failure, v)?;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut rest = serde_json::Map::new();
        let mut streamed = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "response" {
                map.next_value_seed(List {
                    each: &mut *self.each,
                    count: self.count,
                    failure: self.failure,
                })?;
                streamed = true;
            } else {
                let v: Value = map.next_value()?;
                rest.insert(key, v);
            }
        }
        if !streamed {
            deliver(
                &mut *self.each,
                self.count,
                self.failure,
                Value::Object(rest),
            )?;
        }
        Ok(())
    }
}

/// The list under `response`.
struct List<'a, 'b> {
    each: &'b mut dyn FnMut(Value) -> anyhow::Result<()>,
    count: &'a mut usize,
    failure: &'a mut Option<anyhow::Error>,
}

impl<'de> DeserializeSeed<'de> for List<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(Top {
            each: self.each,
            count: self.count,
            failure: self.failure,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(text: &str) -> anyhow::Result<Vec<String>> {
        let mut seen = vec![];
        for_each_event(text.as_bytes(), |v| {
            let e = v.get("Event").unwrap_or(&v);
            seen.push(e["info"].as_str().unwrap_or("").to_string());
            Ok(())
        })?;
        Ok(seen)
    }

    #[test]
    fn every_shape_streams() {
        assert_eq!(
            infos(r#"[{"Event":{"info":"a"}},{"info":"b"}]"#).unwrap(),
            ["a", "b"]
        );
        assert_eq!(
            infos(r#"{"response":[{"Event":{"info":"a"}}]}"#).unwrap(),
            ["a"]
        );
        assert_eq!(infos(r#"{"Event":{"info":"one"}}"#).unwrap(), ["one"]);
        assert_eq!(infos(r#"{"info":"bare"}"#).unwrap(), ["bare"]);
        assert!(infos(r#"[{"info":"a"},"#).is_err());
        assert!(infos("[] trailing").is_err());
    }

    #[test]
    fn a_failing_event_stops_with_its_own_error() {
        let err = for_each_event(r#"[{"info":"a"},{"info":"b"}]"#.as_bytes(), |v| {
            if v["info"] == "b" {
                anyhow::bail!("event b is bad")
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "event b is bad");
    }
}
