"""tieup: read news and keep a sourced map of who is teaming up with whom."""

__version__ = "0.1.0"
