"""The open-data API under /api/v1/: laws, law detail with provisions, judgments,
jurisdictions, treaty provisions, search, filters, pagination and the OpenAPI schema."""

import pytest


@pytest.fixture
def api(client):
    def get(path, **params):
        response = client.get(f"/api/v1/{path}", params)
        return response.status_code, response.json()

    return get


def test_laws_list_filters_and_pagination(api, patents_act, chinese_regulation):
    status, data = api("laws/")
    assert status == 200 and data["count"] == 2
    status, data = api(
        "laws/", jurisdiction="KE", subject="patents", kind="act", status="in_force", year=2001
    )
    assert [law["id"] for law in data["items"]] == [patents_act.pk]
    assert data["items"][0]["jurisdiction"] == "KE"
    status, data = api("laws/", page_size=1, page=2)
    assert data["count"] == 2 and len(data["items"]) == 1
    status, data = api("laws/", kind="poem")
    assert status == 422 and "kind" in data["detail"]


def test_law_detail_with_provisions_and_point_in_time(api, patents_act):
    status, data = api(f"laws/{patents_act.pk}/")
    assert status == 200
    assert data["version"]["effective_date"] == "2019-09-01"
    assert [v["effective_date"] for v in data["versions"]] == ["2019-09-01", "2002-05-01"]
    part = next(node for node in data["provisions"] if node["eid"] == "part_2")
    section = part["children"][0]
    assert section["eid"] == "sec_7" and section["children"][0]["eid"] == "sec_7__para_1"
    status, old = api(f"laws/{patents_act.pk}/", date="2005-01-01")
    assert old["version"]["effective_date"] == "2002-05-01"
    assert api("laws/999999/")[0] == 404


def test_treaty_provisions_have_citations(api, catalogue):
    status, data = api("treaty-provisions/", treaty="PLT", page_size=100)
    assert status == 200
    citations = [item["citation"] for item in data["items"]]
    assert "PLT Art. 8(1)" in citations and all(c.startswith("PLT ") for c in citations)


def test_jurisdictions_and_judgments(api, kenya, china):
    status, data = api("jurisdictions/", region="africa")
    assert [j["iso_code"] for j in data["items"]] == ["KE"]
    assert data["items"][0]["memberships"][0]["treaty"] == "Paris"
    status, data = api("judgments/", jurisdiction="KE")
    assert status == 200 and data["count"] == 0


def test_search_endpoint(api, patents_act):
    status, data = api("search/", q="electronic signature")
    assert status == 200
    assert data["counts"]["provisions"] >= 1
    first = data["items"][0]
    assert first["url"].startswith("http") and "#sec_7__para_2" in first["url"]
    assert "<mark>" in first["snippet"]
    assert api("search/", q="x", type="nonsense")[0] == 422


def test_openapi_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/laws/",
        "/api/v1/laws/{law_id}/",
        "/api/v1/judgments/",
        "/api/v1/jurisdictions/",
        "/api/v1/treaty-provisions/",
        "/api/v1/search/",
    ):
        assert path in schema["paths"]


def test_api_is_read_only(client, patents_act):
    assert client.post("/api/v1/laws/", {}).status_code == 405
