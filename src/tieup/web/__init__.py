"""The web stage: a JSON API, server-rendered pages and Atom feeds over the store.

    from tieup.web import create_app
    app = create_app("sqlite:///tieup.db")          # read-only
    app = create_app(url, token="s3cret")            # also POST /api/articles
"""

from tieup.web.app import create_app

__all__ = ["create_app"]
