"""Every command of the CLI is documented in the README (docs that cannot drift)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from tieup.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    click_app = typer.main.get_command(app)
    names = []
    for name, command in click_app.commands.items():  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subs] if subs else [name]
    return sorted(names)


def test_cli_every_command_is_in_the_readme() -> None:
    commands = _commands()
    assert "ingest" in commands and "kb search" in commands
    missing = [c for c in commands if f"tieup {c}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"
