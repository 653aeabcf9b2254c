"""Consent: cookie/consent banners and legal footers.

Everything here is data (``rules/consent.toml``): consent-manager vendor classes,
generic banner classes, what banners say, copyright lines, legal page names
(en, de, fr, es, it, pt, nl, ru, zh, ja). The text rules look at short blocks
only, and legal page names skip sentence-shaped blocks, because prose about
privacy law names the same things; see the notes at the top of the data file.
"""

from __future__ import annotations

from typing import ClassVar

from .base import RuleDetector


class ConsentDetector(RuleDetector):
    """Flags cookie/consent banners and the legal strip of page footers."""

    name: ClassVar[str] = "consent"
