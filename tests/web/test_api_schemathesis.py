"""Property test of the API against its own OpenAPI spec: whatever schemathesis
generates from it (valid data, and data the spec forbids), the server answers
without a 5xx.

Bounded: a dozen examples per operation and mode. The operations are driven
through Hypothesis directly (schemathesis' pytest fixture loader does not run
on this pytest).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from test_api_ingest import TOKEN, FakePipeline
from web_factories import fill

from tieup.store import Store
from tieup.web import create_app

EXAMPLES = 12


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    with Store.open(url) as store:
        fill(store)
    # With a token, so POST /api/articles (and its size limit) is in the spec too.
    app = create_app(url, token=TOKEN, max_body=20_000,
                     pipeline=FakePipeline())  # type: ignore[arg-type]
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations(schema: schemathesis.BaseSchema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_no_server_error(api_schema: schemathesis.BaseSchema, mode: GenerationMode) -> None:
    operations = _operations(api_schema)
    assert len(operations) == 8
    fuzzed = []
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code < 500, (
                case.method, case.formatted_path, case.query, response.text[:300]
            )
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:
            # Negative mode has nothing to break in an operation whose only
            # parameter is an unconstrained path string.
            assert mode is GenerationMode.NEGATIVE, operation.label
            continue
        fuzzed.append(operation.label)
    constrained = {"GET /api/tieups", "GET /api/stories", "GET /api/search", "POST /api/articles"}
    assert constrained <= set(fuzzed)
    if mode is GenerationMode.POSITIVE:
        assert len(fuzzed) == len(operations)


def test_api_spec_is_openapi_3(api_schema: schemathesis.BaseSchema) -> None:
    spec = api_schema.raw_schema
    assert spec["openapi"].startswith("3.")
    assert "/api/tieups" in spec["paths"]
