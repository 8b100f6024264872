"""The Typer application every CLI module registers its commands on."""

import typer

app = typer.Typer(
    name="tieup",
    help="Read news and keep a sourced map of who is teaming up with whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
