"""tieup's command line: parse, call the library, print. Nothing else.

Each module below registers its commands on the shared Typer `app`.
"""

from tieup.cli import bench as _bench  # noqa: F401
from tieup.cli import clean as _clean  # noqa: F401
from tieup.cli import extract as _extract  # noqa: F401  (registers commands)
from tieup.cli import ingest as _ingest  # noqa: F401
from tieup.cli import kb as _kb  # noqa: F401
from tieup.cli import reactions as _reactions  # noqa: F401
from tieup.cli import serve as _serve  # noqa: F401
from tieup.cli import stories as _stories  # noqa: F401
from tieup.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
