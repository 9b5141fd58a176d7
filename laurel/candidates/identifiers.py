"""How an organisation's website and registration number are read before they are compared.

Pure functions, no database. A website becomes its registrable domain by the Public Suffix List
(tldextract's bundled snapshot, never fetched, loaded with the first website read) and its name;
a page on a shared host (facebook.com/raddabarnen) is named by its path. A registration number
keeps its letters and digits only.
"""

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from anyascii import anyascii

from laurel.candidates.glossary import SHARED_HOSTS

if TYPE_CHECKING:
    import tldextract


def normalise_registration(number: str) -> str:
    """Letters and digits only, upper case: `556 123-4567` and `5561234567` are the same."""
    return re.sub(r"[^A-Z0-9]", "", anyascii(number or "").upper())


@dataclass(frozen=True)
class Website:
    domain: str  # registrable domain, or shared host plus first path segment: "ecpat.se"
    label: str  # the domain without its ending, for country-code variants: "ecpat"


@functools.cache
def _suffixes() -> "tldextract.TLDExtract":
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def normalise_website(url: str) -> Website | None:
    """`https://www.Ecpat.se/om-oss` → domain `ecpat.se`, label `ecpat`; None if not a site."""
    url = (url or "").strip().lower()
    if not url:
        return None
    if "://" not in url:
        url = f"http://{url}"
    try:
        parts = urlsplit(url)
        host = anyascii(parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    while labels and re.fullmatch(r"www\d*|m", labels[0]):
        labels = labels[1:]
    host = ".".join(labels)
    for shared in SHARED_HOSTS:
        if host == shared or host.endswith(f".{shared}"):
            if host != shared:  # someone.wordpress.com: the subdomain is the identity
                return Website(domain=host, label=host)
            segment = (parts.path.strip("/").split("/") or [""])[0]
            if not segment:
                return None
            return Website(domain=f"{shared}/{segment}", label=f"{shared}/{segment}")
    found = _suffixes()(host)
    if found.domain and found.suffix:
        return Website(domain=f"{found.domain}.{found.suffix}", label=found.domain)
    # An ending the list does not know ("ngo.example", an intranet's): its last label.
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    return Website(domain=".".join(labels[-2:]), label=labels[-2])
