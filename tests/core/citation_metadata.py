"""Read a page's citation metadata back as reference managers do: the Highwire
Press and Dublin Core tags, the schema.org JSON-LD (with extruct, a real
extractor), the Link header, and the CSP that must allow the JSON-LD script."""

import base64
import hashlib
import re
from dataclasses import dataclass

import extruct
from lxml import html

LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[A-Za-z-]+=\"[^\"]*\")*)")
PARAMETER = re.compile(r"([A-Za-z-]+)=\"([^\"]*)\"")


@dataclass
class PageMetadata:
    highwire: dict  # name -> [content, ...]
    dublin_core: dict  # element name (lower case) -> [content, ...]
    json_ld: list
    head_links: list  # (rel, type, href) of the <link>s in <head>
    scripts: list  # the text of each inline JSON-LD script

    def one(self, name):
        """The content of the one Highwire tag `name` (fails if not exactly one)."""
        (value,) = self.highwire.get(name, [None])
        return value

    def dc(self, name):
        (value,) = self.dublin_core.get(name.lower(), [None])
        return value

    def node(self, schema_type=None):
        """The page's one schema.org node (of that type, if given)."""
        (node,) = [
            item
            for item in self.json_ld
            if schema_type is None or item.get("@type") == schema_type
        ]
        return node

    def head_link(self, rel, media_type=None):
        (href,) = [
            href
            for each_rel, each_type, href in self.head_links
            if each_rel == rel and (media_type is None or each_type == media_type)
        ]
        return href


def read_metadata(response):
    text = response.content.decode()
    tree = html.fromstring(text)
    highwire = {}
    for meta in tree.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        highwire.setdefault(meta.get("name"), []).append(meta.get("content"))
    extracted = extruct.extract(
        text, base_url="http://testserver/", syntaxes=["json-ld", "dublincore"]
    )
    dublin_core = {}
    for found in extracted["dublincore"]:
        for element in found.get("elements", []):
            name = element["name"].lower().removeprefix("dc.")
            dublin_core.setdefault(name, []).append(element["content"])
    return PageMetadata(
        highwire=highwire,
        dublin_core=dublin_core,
        json_ld=extracted["json-ld"],
        head_links=[
            (link.get("rel"), link.get("type"), link.get("href"))
            for link in tree.xpath("//head/link")
        ],
        scripts=tree.xpath("//script[@type='application/ld+json']/text()"),
    )


def link_header(response):
    """The Link header as {rel: {"url": ..., other parameters}}."""
    links = {}
    for url, parameters in LINK.findall(response.get("Link", "")):
        found = dict(PARAMETER.findall(parameters))
        rel = found.pop("rel")
        links[rel] = {"url": url, **found}
    return links


def csp_allows(response, script):
    """Whether the page's Content-Security-Policy lets this inline script be."""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = response["Content-Security-Policy"]
    scripts = next(
        part for part in policy.split(";") if part.strip().startswith("script-src")
    )
    return f"'sha256-{digest}'" in scripts.split() and "unsafe-inline" not in policy
