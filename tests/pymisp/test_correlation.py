"""Correlation through PyMISP: exact values, networks, names across scripts,
MISP's controls, and what a user may learn about other people's events."""

import uuid

from pymisp import MISPEvent, PyMISP

from test_workflow import make_org, make_user


def new_event(misp: PyMISP, info: str, attributes, distribution=1) -> MISPEvent:
    e = MISPEvent()
    e.info = f"{info} {uuid.uuid4().hex[:6]}"
    e.distribution = distribution
    for t, v in attributes:
        e.add_attribute(t, v)
    created = misp.add_event(e, pythonify=True)
    assert isinstance(created, MISPEvent), created
    return created


def view(raw, key, event_id, granular=True):
    path = f"/events/view/{event_id}"
    if granular:
        path += "/includeGranularCorrelations:1"
    r = raw("GET", path, key=key)
    assert r.status_code == 200, r.text
    return r.json()["Event"]


def related_ids(event_json):
    return {int(r["Event"]["id"]) for r in event_json["RelatedEvent"]}


def related_of(event_json, value):
    for a in event_json["Attribute"]:
        if a["value"] == value:
            return a.get("RelatedAttribute", [])
    raise AssertionError(f"{value} not in event")


def unique_ip(n=0):
    # A random documentation-range-like address per run keeps runs apart.
    b = uuid.uuid4().bytes
    return f"10.{b[0]}.{b[1]}.{(b[2] + n) % 256}"


def test_exact_network_and_name_correlations(admin, server, raw):
    ip = unique_ip()
    net = ".".join(ip.split(".")[:3]) + ".0/24"
    domain = f"c2-{uuid.uuid4().hex[:8]}.example"
    first = new_event(admin, "first", [("ip-dst", ip), ("domain", domain.upper()), ("full-name", "محمود توفيق")])
    second = new_event(admin, "second", [("ip-src", ip), ("hostname", domain)])
    third = new_event(admin, "third", [("ip-src", net), ("full-name", "Mahmoud Tawfik")])
    v1 = view(raw, server.admin_key, first.id)
    assert {int(second.id), int(third.id)} <= related_ids(v1)
    exact = related_of(v1, ip)
    assert {int(r["event_id"]) for r in exact} >= {int(second.id), int(third.id)}, exact
    # Hostname and domain meet after normalisation, whatever the case given.
    assert any(int(r["event_id"]) == int(second.id) for r in related_of(v1, domain))
    names = [r for r in related_of(v1, "محمود توفيق") if int(r["event_id"]) == int(third.id)]
    assert names and names[0]["score"] >= 0.75 and names[0]["explanation"], names
    # The network meets the address from its own side too.
    v3 = view(raw, server.admin_key, third.id)
    assert int(first.id) in {int(r["event_id"]) for r in related_of(v3, net)}
    # Without the named parameter only RelatedEvent is shown, as in MISP.
    plain = view(raw, server.admin_key, first.id, granular=False)
    assert related_ids(plain) == related_ids(v1)
    assert all("RelatedAttribute" not in a for a in plain["Attribute"])


def test_edits_deletes_and_controls(admin, server, raw):
    ip = unique_ip(1)
    a = new_event(admin, "a", [("ip-dst", ip), ("text", "shared-" + ip)])
    b = new_event(admin, "b", [("ip-dst", ip)])
    assert int(b.id) in related_ids(view(raw, server.admin_key, a.id))
    # An edited value drops its old correlations.
    attr = next(x for x in b.attributes if x.value == ip)
    attr.value = unique_ip(2)
    admin.update_attribute(attr)
    assert int(b.id) not in related_ids(view(raw, server.admin_key, a.id))
    attr.value = ip
    admin.update_attribute(attr)
    assert int(b.id) in related_ids(view(raw, server.admin_key, a.id))
    # disable_correlation on the attribute.
    attr.disable_correlation = True
    admin.update_attribute(attr)
    assert int(b.id) not in related_ids(view(raw, server.admin_key, a.id))
    attr.disable_correlation = False
    admin.update_attribute(attr)
    assert int(b.id) in related_ids(view(raw, server.admin_key, a.id))
    # A soft-deleted attribute correlates with nothing.
    admin.delete_attribute(attr)
    assert int(b.id) not in related_ids(view(raw, server.admin_key, a.id))
    admin.restore_attribute(attr)
    assert int(b.id) in related_ids(view(raw, server.admin_key, a.id))
    # An exclusion (with a wildcard) takes the value out; deleting it puts it back.
    prefix = ".".join(ip.split(".")[:2])
    r = raw("POST", "/correlation_exclusions/add", json={"value": prefix + ".%"})
    assert r.status_code == 200, r.text
    exclusion_id = r.json()["CorrelationExclusion"]["id"]
    assert int(b.id) not in related_ids(view(raw, server.admin_key, a.id))
    r = raw("POST", f"/correlation_exclusions/delete/{exclusion_id}")
    assert r.status_code == 200, r.text
    assert int(b.id) in related_ids(view(raw, server.admin_key, a.id))
    # disable_correlation on the event.
    b_event = admin.get_event(b.id, pythonify=True)
    b_event.disable_correlation = True
    admin.update_event(b_event)
    assert int(b.id) not in related_ids(view(raw, server.admin_key, a.id))


def test_over_correlating_values_are_not_expanded(admin, server, raw):
    value = f"common-{uuid.uuid4().hex[:8]}"
    events = [new_event(admin, f"common {i}", [("text", value)]) for i in range(4)]
    assert len(related_ids(view(raw, server.admin_key, events[0].id))) == 3
    admin.set_server_setting("MISP.correlation_limit", 3, force=True)
    try:
        assert related_ids(view(raw, server.admin_key, events[0].id)) == set()
    finally:
        admin.set_server_setting("MISP.correlation_limit", 100, force=True)
    assert len(related_ids(view(raw, server.admin_key, events[0].id))) == 3


def test_hidden_events_are_never_revealed(admin, server, raw):
    cairo = make_user(admin, server, make_org(admin, "Cairo"), 3)
    brussels = make_user(admin, server, make_org(admin, "Brussels"), 3)
    ip = unique_ip(3)
    name = "Abdul Rahman Al-Masri"
    mine = new_event(cairo, "cairo", [("ip-dst", ip), ("full-name", name)])
    # Brussels keeps its event to itself (distribution 0): Cairo must not learn
    # of it, not even as a count.
    secret = new_event(brussels, "brussels secret", [("ip-dst", ip), ("full-name", "عبد الرحمن المصري")], distribution=0)
    shown = view(raw, cairo.key, mine.id)
    assert int(secret.id) not in related_ids(shown)
    assert related_of(shown, ip) == []
    assert related_of(shown, name) == []
    # Cairo's community event is Brussels' to see, and so is the correlation.
    shared = new_event(cairo, "cairo shared", [("ip-dst", ip)])
    seen = view(raw, brussels.key, secret.id)
    assert int(shared.id) in related_ids(seen)
    # Once Cairo restricts it to its organisation, Brussels no longer learns of it.
    restricted = cairo.get_event(shared.id, pythonify=True)
    restricted.distribution = 0
    cairo.update_event(restricted)
    assert int(shared.id) not in related_ids(view(raw, brussels.key, secret.id))
    # The site admin sees every side.
    everything = related_ids(view(raw, server.admin_key, mine.id))
    assert {int(secret.id), int(shared.id)} <= everything


def test_rest_search_shows_and_searches_by_correlation(admin, server, raw):
    ip = unique_ip(4)
    a = new_event(admin, "search a", [("ip-dst", ip), ("domain", f"only-{uuid.uuid4().hex[:8]}.example")])
    b = new_event(admin, "search b", [("ip-src", ip)])
    attrs = admin.search(controller="attributes", value=ip, include_correlations=True)
    mine = next(x for x in attrs["Attribute"] if int(x["event_id"]) == int(a.id))
    assert [int(r["event_id"]) for r in mine["RelatedAttribute"]] == [int(b.id)]
    # The search by correlation: what correlates with a's address.
    source = next(x for x in a.attributes if x.value == ip)
    r = raw("POST", "/attributes/restSearch", json={"correlation": source.uuid})
    found = r.json()["response"]["Attribute"]
    assert [int(x["event_id"]) for x in found] == [int(b.id)], found
    r = raw("POST", "/events/restSearch", json={"correlation": source.id, "includeEventCorrelations": 1})
    events = r.json()["response"]
    assert [int(e["Event"]["id"]) for e in events] == [int(b.id)]
    assert int(a.id) in related_ids(events[0]["Event"])
    # An attribute the user may not see correlates with nothing for them.
    other = make_user(admin, server, make_org(admin, "Amman"), 3)
    hidden = new_event(admin, "hidden", [("ip-dst", ip)], distribution=0)
    secret = next(x for x in hidden.attributes if x.value == ip)
    r = raw("POST", "/attributes/restSearch", key=other.key, json={"correlation": secret.uuid})
    assert r.json()["response"]["Attribute"] == []


def test_over_correlating_values_are_listed_for_admins(admin, server, raw):
    value = f"hot-{uuid.uuid4().hex[:8]}"
    for i in range(3):
        new_event(admin, f"hot {i}", [("text", value)])
    admin.set_server_setting("MISP.correlation_limit", 2, force=True)
    try:
        r = raw("GET", "/correlations/overCorrelations/limit:1000")
        assert r.status_code == 200, r.text
        listed = {x["OverCorrelatingValue"]["value"]: int(x["OverCorrelatingValue"]["occurrence"]) for x in r.json()}
        assert listed.get(value) == 3, listed
        user = make_user(admin, server, make_org(admin, "Tunis"), 3)
        assert raw("GET", "/correlations/overCorrelations", key=user.key).status_code == 403
    finally:
        admin.set_server_setting("MISP.correlation_limit", 100, force=True)
