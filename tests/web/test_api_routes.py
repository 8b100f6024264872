"""The JSON API over a store filled from plain extractions."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_factories import XIAOMI_EVIDENCE, extraction, fill, tieup

from tieup.models import Kind, Status
from tieup.store import Store
from tieup.web import create_app


def test_api_tieups_of_org_by_alias(client: TestClient) -> None:
    body = client.get("/api/tieups", params={"org": "Renault"}).json()
    assert body["org"] == {"id": "renault-group", "name": "Renault Group"}
    articles = [item["article_id"] for item in body["items"]]
    assert articles == ["talks", "talks", "rumor", "ended"]  # latest articles first
    talks = next(i for i in body["items"] if i["status"] == "talks")
    assert talks["evidence"] == XIAOMI_EVIDENCE
    assert {talks["a"], talks["b"]} == {"Renault Group", "Xiaomi"}
    assert talks["source"] == "https://news.example/talks"
    assert talks["date"] == "2024-04-26"
    assert talks["corroboration"] == 2  # the rumour and the talks
    ended = next(i for i in body["items"] if i["status"] == "ended")
    assert ended["source"] == "seeds/ended.txt"  # no URL: the path it was read from
    assert ended["url"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"org": "Xiaomi", "status": "rumored"}, ["rumor"]),
        ({"kind": "joint_venture"}, ["talks"]),
        ({"org": "renault-group", "since": "2024-02"}, ["talks", "talks"]),
        ({"org": "Renault", "limit": 1, "offset": 1}, ["talks"]),
        ({"org": "Renault", "offset": 50}, []),
    ],
)
def test_api_tieups_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    response = client.get("/api/tieups", params=params)
    assert response.status_code == 200
    assert [i["article_id"] for i in response.json()["items"]] == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "signed"}, "status"),
        ({"kind": "merger"}, "kind"),
        ({"since": "last week"}, "since"),
        ({"limit": 0}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -1}, "offset"),
    ],
)
def test_api_bad_parameters_give_400_in_one_shape(
    client: TestClient, params: dict, field: str
) -> None:
    response = client.get("/api/tieups", params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "bad_request"
    assert error["message"].startswith(field)


def test_api_unknown_org_is_404_in_one_shape(client: TestClient) -> None:
    message = "no organisation named 'Toyota' in the database"
    for path in ("/api/orgs/Toyota", "/api/tieups?org=Toyota",
                 "/api/pairs/Renault/Toyota/timeline"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"error": {"code": "not_found", "message": message}}


def test_api_unknown_route_is_404_in_one_shape(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("alias", ["Renault", "groupe Renault", "Renault Group", "renault-group"])
def test_api_org_any_alias(client: TestClient, alias: str) -> None:
    body = client.get(f"/api/orgs/{alias}").json()
    assert body["org"]["id"] == "renault-group"
    assert body["query"] == alias
    grouped = {s: [p["partner"] for p in ps] for s, ps in body["partners"].items()}
    assert grouped == {"talks": ["Xiaomi"], "agreed": ["Geely"], "ended": ["Dongfeng"]}
    [xiaomi] = body["partners"]["talks"]
    assert xiaomi["evidence"] == XIAOMI_EVIDENCE
    assert xiaomi["source"] == "https://news.example/talks"
    assert xiaomi["articles"] == 2


def test_api_pair_timeline_oldest_first(client: TestClient) -> None:
    body = client.get("/api/pairs/Xiaomi/Renault/timeline").json()
    assert {body["a"]["id"], body["b"]["id"]} == {"xiaomi", "renault-group"}
    assert [(e["date"], e["status"], e["outlet"]) for e in body["entries"]] == [
        ("2024-01-10", "rumored", "rumours.example"),
        ("2024-04-26", "talks", "news.example"),
    ]
    assert body["current"] == "talks"
    assert body["current_article_id"] == "talks"
    assert body["corroboration"] == 2
    assert body["entries"][1]["source"] == "https://news.example/talks"
    assert client.get("/api/pairs/Renault/Xiaomi/timeline").json() == body


def test_api_pair_without_tieup_is_404(client: TestClient) -> None:
    response = client.get("/api/pairs/Xiaomi/Geely/timeline")
    assert response.status_code == 404
    assert "Xiaomi" in response.json()["error"]["message"]


def test_api_stories_and_one_story(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] >= 1
    first = body["items"][0]
    story = client.get(f"/api/stories/{first['id']}").json()
    assert story["id"] == first["id"]
    assert len(story["articles"]) == first["articles"]
    assert all(a["outlet"] and a["sources"] for a in story["articles"])
    assert client.get("/api/stories/no-such-story").status_code == 404
    talks = next(s for s in body["items"] if s["title"] == "Title of talks")
    detail = client.get(f"/api/stories/{talks['id']}").json()
    assert {(t["a_id"], t["b_id"]) for t in detail["tieups"]} >= {("renault-group", "xiaomi")}
    assert client.get("/api/articles/talks").json()["story"] == talks["id"]


def test_api_copy_under_another_url_adds_no_corroboration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'copies.db'}"
    with Store.open(url) as store:
        fill(store)
        copy = extraction("talks", tieup("renault-group", "xiaomi", Status.TALKS,
                                         evidence=XIAOMI_EVIDENCE),
                          tieup("geely", "renault-group", Status.AGREED, kind=Kind.JOINT_VENTURE,
                                evidence="Renault and Geely signed a joint venture."),
                          date="2024-04-26", url="https://wire.example/syndicated")
        copy.article.id = "talks-copy"
        store.save(copy, source="copy.txt")
        client = TestClient(create_app(store=store))
        items = client.get("/api/tieups", params={"org": "Xiaomi"}).json()["items"]
        timeline = client.get("/api/pairs/Renault/Xiaomi/timeline").json()
    assert {i["article_id"] for i in items} == {"talks", "talks-copy", "rumor"}
    assert all(i["corroboration"] == 2 for i in items)  # rumours.example + news.example
    assert [e["article_id"] for e in timeline["entries"]] == ["rumor", "talks"]


def test_api_article_with_comments_apart(client: TestClient) -> None:
    body = client.get("/api/articles/talks").json()
    assert body["article"]["id"] == "talks"
    assert body["article"]["source"] == "talks.txt"
    assert body["article"]["ingested_at"]
    assert "comments" not in body["article"]
    assert body["comments"][0]["text"] == "Intéressant !"
    assert {t["evidence"] for t in body["tieups"]} >= {XIAOMI_EVIDENCE}
    assert client.get("/api/articles/missing").status_code == 404


def test_api_search_orgs_articles_evidence(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "dongfeng"}).json()
    assert "dongfeng" in [o["id"] for o in body["orgs"]]
    assert "ended" in [a["id"] for a in body["articles"]]
    assert "ended" in [t["article_id"] for t in body["tieups"]]
    # An alias only the knowledge base knows still finds the organisation.
    orgs = client.get("/api/search", params={"q": "groupe Renault"}).json()["orgs"]
    assert orgs[0]["id"] == "renault-group"
    # LIKE wildcards are taken literally.
    assert client.get("/api/search", params={"q": "%"}).json()["tieups"] == []
    assert client.get("/api/search", params={"q": ""}).status_code == 400


def test_api_openapi_lists_every_route(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/tieups",
        "/api/orgs/{name}",
        "/api/pairs/{a}/{b}/timeline",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/search",
    } <= paths
    assert "/api/articles" not in paths  # read-only: no ingest route


def test_api_read_only_rejects_post(client: TestClient) -> None:
    response = client.post("/api/articles", json={"id": "x", "text": "Renault."})
    assert response.status_code in (404, 405)
    assert response.json()["error"]["code"] in ("not_found", "method_not_allowed")


def test_api_unexpected_error_is_500_in_one_shape(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = create_app(f"sqlite:///{tmp_path / 'broken.db'}")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.state.store, "tieups", broken)
    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/api/tieups")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal_error", "message": "internal error (see the server log)"}
    }
    page = client.get("/")
    assert page.status_code == 500 and "disk on fire" not in page.text


def test_api_wrong_method_is_405_in_one_shape(client: TestClient) -> None:
    response = client.post("/api/tieups")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
