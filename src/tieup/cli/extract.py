"""`tieup extract` and `tieup eval` (filled in by the relate work)."""
