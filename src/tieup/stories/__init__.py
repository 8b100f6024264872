"""The stories stage: duplicates, stories across outlets, corroboration, pair timelines.

Everything is computed on read from the stored rows::

    from tieup.store import Store
    from tieup import stories

    with Store.open("sqlite:///tieup.db") as store:
        for story in stories.build_stories(store):        # the most recent first
            print(story.title, story.outlets)
        stories.timeline(store, "Renault", "Xiaomi")       # any alias of either
        stories.corroboration(store)                       # {(a_id, b_id): outlets}

`duplicates.py` collapses copies, `cluster.py` groups articles into stories,
`corroboration.py` counts independent outlets, `timeline.py` orders a pair's
assertions and picks its current status, `build.py` assembles `Story` objects,
`evaluate.py` scores the clustering against labelled stories. Results are
plain dataclasses (`tieup.models`); `tieup.models.to_dict` makes them JSON.
"""

from tieup.stories.build import build_stories, stories_from_records, story, story_of_article
from tieup.stories.corroboration import (
    corroboration,
    corroboration_facts,
    corroboration_support,
    noisy_or,
)
from tieup.stories.timeline import current_entry, timeline

__all__ = [
    "build_stories",
    "corroboration",
    "corroboration_facts",
    "corroboration_support",
    "current_entry",
    "noisy_or",
    "stories_from_records",
    "story",
    "story_of_article",
    "timeline",
]
