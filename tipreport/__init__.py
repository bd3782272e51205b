"""tipreport: draft the annual Trafficking in Persons report submission."""

__version__ = "0.1.0"
