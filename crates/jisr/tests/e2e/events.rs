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
