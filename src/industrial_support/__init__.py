"""industrial-support: state support for industry as executable, cited, dated rules."""

__version__ = "0.1.0"
