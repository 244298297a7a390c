//! Events through the API, and what another organisation may see of them.

use serde_json::json;

use crate::harness::Jisr;

#[test]
fn add_view_edit_search_delete() {
    let j = Jisr::start();
    let (_, analyst) = j.user("Cairo", 3);
    let ev = json!({"Event": {"info": "اجتماع", "distribution": "0", "Attribute": [
        {"type": "ip-dst|port", "value": "192.0.2.1|443"},
        {"type": "domain", "value": "Example.COM"},
    ], "Tag": [{"name": "tlp:green"}]}});
    let (s, created) = j.call("POST", "/events/add", &analyst, Some(&ev));
    assert_eq!(s, 200, "{created}");
    let e = &created["Event"];
    assert_eq!(e["info"], "اجتماع");
    assert_eq!(e["attribute_count"], "2");
    assert_eq!(e["distribution"], "0");
    let attrs = e["Attribute"].as_array().unwrap();
    assert_eq!(attrs[1]["value"], "example.com");
    let id = e["id"].as_str().unwrap().to_string();
    let uuid = e["uuid"].as_str().unwrap().to_string();

    let (s, _) = j.call("GET", &format!("/events/view/{uuid}.json"), &analyst, None);
    assert_eq!(s, 200);

    let (s, found) = j.call(
        "POST",
        "/attributes/restSearch",
        &analyst,
        Some(&json!({"value": "192.0.2.1"})),
    );
    assert_eq!(s, 200);
    assert_eq!(found["response"]["Attribute"].as_array().unwrap().len(), 1);

    // An organisation-only event is invisible to another organisation, even by id.
    let (_, outsider) = j.user("Brussels", 3);
    let (s, _) = j.call("GET", &format!("/events/view/{id}"), &outsider, None);
    assert_eq!(s, 404);
    let (_, found) = j.call(
        "POST",
        "/attributes/restSearch",
        &outsider,
        Some(&json!({"value": "192.0.2.1"})),
    );
    assert_eq!(found["response"]["Attribute"], json!([]));
    let (_, list) = j.call("GET", "/events/index", &outsider, None);
    assert_eq!(list, json!([]));

    let (s, edited) = j.call(
        "POST",
        &format!("/events/edit/{id}"),
        &analyst,
        Some(&json!({"Event": {"info": "edited"}})),
    );
    assert_eq!(s, 200, "{edited}");
    assert_eq!(edited["Event"]["info"], "edited");

    let (s, _) = j.call("POST", &format!("/events/delete/{uuid}"), &analyst, None);
    assert_eq!(s, 200);
    let (s, _) = j.call("GET", &format!("/events/view/{id}"), &analyst, None);
    assert_eq!(s, 404);
}

#[test]
fn tlp_red_stays_home_and_out_of_bulk_exports() {
    let j = Jisr::start();
    let (_, owner) = j.user("Cairo MoI", 4);
    let (_, outsider) = j.user("Brussels CT", 3);
    let red = json!({"Event": {"info": "red", "distribution": "3", "published": true, "Tag": [{"name": "tlp:red"}],
        "Attribute": [{"type": "ip-dst", "value": "203.0.113.1", "to_ids": true}]}});
    let (s, red) = j.call("POST", "/events/add", &owner, Some(&red));
    assert_eq!(s, 200, "{red}");
    let shared = json!({"Event": {"info": "shared", "distribution": "3", "published": true, "Attribute": [
        {"type": "ip-dst", "value": "203.0.113.2", "to_ids": true},
        {"type": "ip-dst", "value": "203.0.113.3", "to_ids": true, "Tag": [{"name": "tlp:amber+strict"}]}]}});
    let (s, shared) = j.call("POST", "/events/add", &owner, Some(&shared));
    assert_eq!(s, 200, "{shared}");
    let red_id = red["Event"]["id"].as_str().unwrap();
    let shared_id = shared["Event"]["id"].as_str().unwrap();

    // The other organisation sees neither the red event nor the capped attribute, on any path.
    let (s, _) = j.call("GET", &format!("/events/view/{red_id}"), &outsider, None);
    assert_eq!(s, 404);
    let (_, view) = j.call("GET", &format!("/events/view/{shared_id}"), &outsider, None);
    let values: Vec<&str> = view["Event"]["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, vec!["203.0.113.2"]);
    let (_, found) = j.call(
        "POST",
        "/attributes/restSearch",
        &outsider,
        Some(&json!({"value": "203.0.113.%"})),
    );
    assert_eq!(found["response"]["Attribute"].as_array().unwrap().len(), 1);
    let (_, index) = j.call("GET", "/events/index", &outsider, None);
    assert_eq!(index.as_array().unwrap().len(), 1);

    // The owner sees everything, but red stays out of CSV and text exports.
    let (_, found) = j.call(
        "POST",
        "/attributes/restSearch",
        &owner,
        Some(&json!({"value": "203.0.113.%"})),
    );
    assert_eq!(found["response"]["Attribute"].as_array().unwrap().len(), 3);
    let (_, text) = j.call(
        "POST",
        "/attributes/restSearch",
        &owner,
        Some(&json!({"value": "203.0.113.%", "returnFormat": "text"})),
    );
    let text = text.as_str().unwrap().to_string();
    assert!(
        !text.contains("203.0.113.1") && text.contains("203.0.113.2"),
        "{text}"
    );
}
