"""The store stage: schema, migrations, idempotent writes and queries.

SQLite by default, PostgreSQL by URL::

    with Store.open("sqlite:///tieup.db") as store:
        store.save(extraction, source="examples/a.txt")
        store.partners("Renault")
"""

from tieup.store.engine import DEFAULT_URL, ENV_VAR, mask, resolve_url
from tieup.store.store import Store, UnknownOrganisation
from tieup.store.write import canonical, content_hash

__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "Store",
    "UnknownOrganisation",
    "canonical",
    "content_hash",
    "mask",
    "resolve_url",
]
