"""Which site model an engine step extracts a page with: none, one fitted offline, or one learned online.

Offline: a mapping of host -> SiteModel (fitted once, e.g. by the Spark job, saved and loaded), held
by the step and pickled with it to every task. Online: a SiteModels of the hosts met so far in this
task (at most ``max_hosts``, least recently met forgotten); each page is extracted with what its
host's earlier pages taught, then learned. Nothing is shared between tasks or steps.
"""

from __future__ import annotations

from collections.abc import Mapping

import boilerstrip
from boilerstrip.sitemodel import host_of


class SiteChoice:
    """The site model for each page of one step; see the module docstring."""

    def __init__(
        self,
        models: Mapping[str, boilerstrip.SiteModel] | None = None,
        *,
        learn: bool = False,
        max_hosts: int = 64,
    ) -> None:
        if models is not None and learn:
            raise boilerstrip.InvalidOptionError("give site_models (fitted offline) or learn_sites, not both")
        self.models = dict(models) if models is not None else None
        self.online = boilerstrip.SiteModels(max_hosts) if learn else None

    def model_for(self, url: str | None) -> boilerstrip.SiteModel | None:
        """The model of the url's host, or None (no url, no model for that host, or none at all)."""
        if not url or (self.online is None and self.models is None):
            return None
        try:
            if self.online is not None:
                return self.online.get(url)
            return self.models.get(host_of(url)) if self.models is not None else None
        except boilerstrip.BoilerstripError:  # a broken url: no host, no model
            return None

    def learned(self, result: boilerstrip.Result, url: str | None) -> None:
        """Learn an extracted page into its host's online model (reusing its blocks); a no-op offline."""
        if self.online is None or not url:
            return
        try:
            self.online.learn(result, url=url)
        except boilerstrip.BoilerstripError:  # a broken url cannot name a host to learn for
            return
