"""The whole analyst workflow through PyMISP, as an integrator would script it."""

import time
import uuid

from pymisp import MISPAttribute, MISPEvent, MISPEventReport, MISPObject, MISPOrganisation, MISPSighting, MISPUser, PyMISP


def make_org(admin: PyMISP, name: str) -> MISPOrganisation:
    org = MISPOrganisation()
    org.name = f"{name} {uuid.uuid4().hex[:8]}"
    created = admin.add_organisation(org, pythonify=True)
    assert isinstance(created, MISPOrganisation), created
    return created


def make_user(admin: PyMISP, server, org: MISPOrganisation, role_id: int) -> PyMISP:
    user = MISPUser()
    user.email = f"u{uuid.uuid4().hex[:10]}@example.org"
    user.org_id = org.id
    user.role_id = role_id
    created = admin.add_user(user, pythonify=True)
    assert isinstance(created, MISPUser), created
    assert len(created.authkey) == 40
    return PyMISP(server.url, created.authkey, ssl=False)


def test_connect_reports_misp_version(admin):
    version = admin.misp_instance_version
    assert version["version"].startswith("2.5.")
    assert admin.describe_types_remote["categories"]


def test_full_workflow(admin, server):
    cairo = make_org(admin, "Interior Ministry")
    analyst = make_user(admin, server, cairo, 3)
    publisher = make_user(admin, server, cairo, 4)
    outsider = make_user(admin, server, make_org(admin, "Other Agency"), 3)

    event = MISPEvent()
    event.info = "شبكة تمويل — financing network"
    event.distribution = 1
    event.threat_level_id = 2
    event.analysis = 1
    event.add_attribute("ip-dst", "198.51.100.77", comment="C2")
    event.add_attribute("full-name", "محمود توفيق")
    event.add_attribute("iban", "DE89 3704 0044 0532 0130 00")
    person = MISPObject("person", standalone=False)
    person.add_attribute("first-name", "Mahmoud")
    person.add_attribute("last-name", "Tawfik")
    event.add_object(person)
    event.add_tag("tlp:amber")
    created = analyst.add_event(event, pythonify=True)
    assert isinstance(created, MISPEvent), created
    assert created.info == event.info
    assert len(created.attributes) == 3
    assert len(created.objects) == 1 and len(created.objects[0].attributes) == 2
    assert [t.name for t in created.tags] == ["tlp:amber"]
    assert int(created.attribute_count) == 5
    iban = [a for a in created.attributes if a.type == "iban"][0]
    assert iban.value == "DE89370400440532013000"

    # Edit: new info, one more attribute.
    created.info = "financing network (updated)"
    created.add_attribute("phone-number", "+962 6 555 0101")
    edited = analyst.update_event(created, pythonify=True)
    assert edited.info == "financing network (updated)"
    assert len(edited.attributes) == 4

    # Searches in each return format.
    found = analyst.search(value="198.51.100.77", pythonify=True)
    assert [e.uuid for e in found] == [created.uuid]
    attrs = analyst.search(controller="attributes", type_attribute="iban", eventid=created.id, pythonify=True)
    assert [a.value for a in attrs] == ["DE89370400440532013000"]
    tagged = analyst.search(tags=["tlp:amber"], pythonify=True)
    assert created.uuid in [e.uuid for e in tagged]
    recent = analyst.search(controller="attributes", timestamp=int(time.time()) - 600, pythonify=True)
    assert len(recent) >= 4
    text = analyst.search(return_format="text", eventid=created.id, to_ids=True)
    assert "198.51.100.77" in text
    csv = analyst.search(return_format="csv", eventid=created.id, pythonify=True)
    everything = [a.value for a in edited.attributes] + [a.value for o in edited.objects for a in o.attributes]
    assert sorted(row["value"] for row in csv) == sorted(everything)

    # With MISP.unpublishedprivate, the outsider sees nothing until the event is published.
    admin.set_server_setting("MISP.unpublishedprivate", True, force=True)
    assert outsider.search(value="198.51.100.77") == []
    denied = analyst.publish(created)
    assert denied["errors"][1]["message"] == "You do not have permission to use this functionality."
    published = publisher.publish(created)
    assert published.get("saved"), published
    assert [e.uuid for e in outsider.search(value="198.51.100.77", pythonify=True)] == [created.uuid]
    admin.set_server_setting("MISP.unpublishedprivate", False, force=True)

    # Sightings.
    ip = [a for a in edited.attributes if a.type == "ip-dst"][0]
    sighting = MISPSighting()
    sighting.source = "border post"
    added = analyst.add_sighting(sighting, ip, pythonify=True)
    assert isinstance(added, MISPSighting), added
    listed = analyst.sightings(ip, pythonify=True)
    assert [s.source for s in listed] == ["border post"]

    # Event report.
    report = MISPEventReport()
    report.name = "تقرير"
    report.content = "# Findings\nThe network moves money through **two** accounts."
    report.distribution = 5
    stored = analyst.add_event_report(created, report, pythonify=True)
    assert isinstance(stored, MISPEventReport), stored
    assert analyst.get_event_report(stored, pythonify=True).content == report.content

    # Delete by id and by uuid.
    second = MISPEvent()
    second.info = "to delete by uuid"
    second = analyst.add_event(second, pythonify=True)
    assert analyst.delete_event(created.id).get("saved")
    assert analyst.delete_event(second.uuid).get("saved")
    assert not analyst.event_exists(created.uuid)
    assert not analyst.event_exists(second.uuid)


def test_error_cases(admin, server, raw):
    org = make_org(admin, "Error Cases")
    user = make_user(admin, server, org, 3)
    reader = make_user(admin, server, org, 6)
    event = MISPEvent()
    event.info = "errors"
    event = user.add_event(event, pythonify=True)

    bad = MISPAttribute()
    bad.type = "ip-dst"
    bad.value = "999.1.1.1"
    r = user.add_attribute(event, bad)
    assert r["errors"][0] == 403, r
    assert "999.1.1.1" in r["errors"][1]["message"]

    missing = user.get_event(999999)
    assert missing["errors"][0] == 404

    denied = reader.add_event(MISPEvent())
    assert denied["errors"][0] == 403

    # Raw HTTP: MISP-style JSON errors for malformed input, unknown paths, wrong methods.
    r = raw("POST", "/events/add", data="{not json")
    assert r.status_code == 400 and "line 1" in r.json()["message"]
    r = raw("GET", "/no/such/endpoint")
    assert r.status_code == 404 and r.json()["message"]
    r = raw("GET", "/events/add")
    assert r.status_code == 405
    r = raw("GET", "/events/index", key="x" * 40)
    assert r.status_code == 403
    user.delete_event(event)
