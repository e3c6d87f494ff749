"""resgestae: political event data from news text.

Public API: `code_text`, `code_articles`, `Store`, and the record types.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
