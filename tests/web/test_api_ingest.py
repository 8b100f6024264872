"""POST /api/articles: only with a token, bearer-checked, size-limited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_factories import extraction, tieup

from tieup.errors import UnsupportedLanguage
from tieup.models import Document, Extraction, Status
from tieup.web import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class FakePipeline:
    """Stands in for tieup.pipeline.Pipeline: one Renault-Xiaomi tie-up per text."""

    def __init__(self) -> None:
        self.seen: list[Document] = []

    def extract(self, document: Document) -> Extraction:
        self.seen.append(document)
        if document.lang == "de":
            raise UnsupportedLanguage(document.origin, "language 'de' is not supported")
        assert document.id is not None
        result = extraction(document.id, tieup("renault-group", "xiaomi", Status.TALKS,
                                               evidence=document.text or "from html"))
        result.article.url = document.url
        return result


@pytest.fixture
def fake_pipeline() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def writer(tmp_path: Path, fake_pipeline: FakePipeline) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN, max_body=2_000,
                     pipeline=fake_pipeline)  # type: ignore[arg-type]
    with TestClient(app) as test_client:
        yield test_client


def test_ingest_stores_then_unchanged(writer: TestClient, fake_pipeline: FakePipeline) -> None:
    article = {"id": "a1", "text": "Renault parle avec Xiaomi.", "url": "https://x.example/a1",
               "date": "2024-04-26", "lang": "fr"}
    first = writer.post("/api/articles", json=article, headers=AUTH)
    assert first.status_code == 201
    assert first.json() == {"id": "a1", "stored": True, "tieups": 1}
    assert fake_pipeline.seen[0].url == "https://x.example/a1"
    assert fake_pipeline.seen[0].lang == "fr"
    again = writer.post("/api/articles", json=article, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["stored"] is False
    stored = writer.get("/api/articles/a1").json()
    assert stored["tieups"][0]["evidence"] == "Renault parle avec Xiaomi."
    assert writer.get("/api/tieups?org=Xiaomi").json()["items"][0]["article_id"] == "a1"


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
     {"Authorization": "Bearer"}],
)
def test_ingest_needs_the_bearer_token(writer: TestClient, headers: dict[str, str]) -> None:
    response = writer.post("/api/articles", json={"id": "a", "text": "x"}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_body_size_limit(writer: TestClient, fake_pipeline: FakePipeline) -> None:
    big = {"id": "big", "text": "x" * 5_000}
    response = writer.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert fake_pipeline.seen == []


def test_ingest_body_size_limit_without_content_length(writer: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"id": "big", "text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    response = writer.post("/api/articles", content=chunks(),
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "invalid article"),
        (b'{"text": "no id"}', "id"),
        (b'{"id": "a"}', "give text or html"),
        (b'{"id": "a", "text": 3}', "text"),
    ],
)
def test_ingest_bad_body_is_400(writer: TestClient, body: bytes, message: str) -> None:
    response = writer.post("/api/articles", content=body,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


def test_ingest_unsupported_language_is_400(writer: TestClient) -> None:
    response = writer.post("/api/articles", json={"id": "de", "text": "Hallo", "lang": "de"},
                           headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_input"
    assert "not supported" in response.json()["error"]["message"]


def test_ingest_route_documented_only_with_token(writer: TestClient) -> None:
    spec = writer.get("/openapi.json").json()
    assert "post" in spec["paths"]["/api/articles"]
    body = spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]["application/json"]
    assert "id" in body["schema"]["properties"]


def test_ingest_with_the_real_pipeline(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """The session's extraction pipeline (tests/conftest.py) behind the route."""
    app = create_app(f"sqlite:///{tmp_path / 'real.db'}", token=TOKEN, pipeline=pipeline)
    text = ("Renault et Xiaomi ont entamé des discussions en vue d'un partenariat "
            "dans les véhicules électriques, selon plusieurs sources.")
    with TestClient(app) as client:
        response = client.post("/api/articles", headers=AUTH, json={
            "id": "real-1", "text": text, "lang": "fr", "date": "2024-04-26",
            "url": "https://news.example/real-1"})
        assert response.status_code == 201, response.text
        stored = client.get("/api/articles/real-1").json()
        partners = client.get("/api/orgs/Renault")
    assert stored["article"]["url"] == "https://news.example/real-1"
    assert stored["article"]["date"] == "2024-04-26"
    assert response.json()["tieups"] == len(stored["tieups"])
    # Which status the extractor gives is its own tests' business; the pair is found.
    assert {(t["a_id"], t["b_id"]) for t in stored["tieups"]} == {("renault-group", "xiaomi")}
    found = [p["partner_id"] for ps in partners.json()["partners"].values() for p in ps]
    assert found == ["xiaomi"]


def test_ingest_shows_at_once_in_stories_and_corroboration(writer: TestClient) -> None:
    first = {"id": "c1", "text": "Renault parle avec Xiaomi.", "url": "https://one.example/1",
             "date": "2024-04-26"}
    assert writer.post("/api/articles", json=first, headers=AUTH).status_code == 201
    assert writer.get("/api/stories").json()["total"] == 1
    [item] = writer.get("/api/tieups?org=Xiaomi").json()["items"]
    assert item["corroboration"] == 1
    # Replaced within the same second, then another outlet: seen on the next request.
    second = {**first, "text": "Renault discute avec Xiaomi d'une alliance."}
    assert writer.post("/api/articles", json=second, headers=AUTH).status_code == 201
    assert writer.get("/api/articles/c1").json()["tieups"][0]["evidence"] == second["text"]
    other = {"id": "c2", "text": "Xiaomi et Renault en discussion.",
             "url": "https://two.example/2", "date": "2024-04-27"}
    assert writer.post("/api/articles", json=other, headers=AUTH).status_code == 201
    items = writer.get("/api/tieups?org=Xiaomi").json()["items"]
    assert [i["corroboration"] for i in items] == [2, 2]
