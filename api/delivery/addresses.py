"""Where a webhook may point. Checked when the programme office saves a URL and again when the
worker connects, since a name may point somewhere else by then.

https only (http too in development); no user name or password in the URL; only public
addresses: never private, link-local (169.254.169.254 is the cloud's metadata service), shared,
reserved, multicast or loopback ones (loopback only in development, whose service answers on
loopback itself). The worker connects to the address it checked, not to a second lookup.
"""
from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import SplitResult, urlsplit

MAX_LENGTH = 500


class AddressError(ValueError):
    """The URL or the address behind it is not allowed; the message is Dutch."""


def allowed_ip(text: str, development: bool) -> bool:
    ip = ipaddress.ip_address(text.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if development and ip.is_loopback:
        return True
    return ip.is_global and not ip.is_multicast


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def check_url(url: str, development: bool) -> SplitResult:
    """The URL's parts, or AddressError with the first problem in Dutch."""
    if len(url) > MAX_LENGTH or re.search(r"\s", url):
        raise AddressError(f"De webhook-URL is te lang of bevat spaties (hoogstens {MAX_LENGTH} tekens).")
    parts = urlsplit(url)
    schemes = ("https", "http") if development else ("https",)
    if parts.scheme not in schemes:
        raise AddressError("De webhook-URL moet met https:// beginnen." if not development
                           else "De webhook-URL moet met http:// of https:// beginnen.")
    if "@" in parts.netloc:
        raise AddressError("Zet geen gebruikersnaam of wachtwoord in de webhook-URL: de meldingen zijn "
                           "ondertekend met het webhook-geheim.")
    try:
        _ = parts.port  # urlsplit checks the port only when it is read
    except ValueError:
        raise AddressError("De poort in de webhook-URL klopt niet.") from None
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise AddressError("De webhook-URL mist een servernaam.")
    literal = _literal(host)
    local_name = host == "localhost" or host.endswith(".localhost")
    if (literal and not allowed_ip(literal, development)) or (local_name and not development):
        raise AddressError("De webhook-URL wijst naar een intern adres; alleen openbare adressen zijn toegestaan.")
    return parts


def resolve(parts: SplitResult, development: bool) -> str:
    """The address to connect to: every address the name has must be allowed."""
    host = (parts.hostname or "").rstrip(".")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise AddressError(f"de servernaam {host} is niet te vinden") from error
    # an IPv4 or IPv6 address is text; only other families' sockaddrs hold anything else
    addresses = [info[4][0] for info in found if isinstance(info[4][0], str)]
    if not addresses or not all(allowed_ip(address, development) for address in addresses):
        raise AddressError(f"{host} wijst naar een intern adres; alleen openbare adressen zijn toegestaan")
    return addresses[0]


def shown(url: str) -> str:
    """The URL as logs and pages show it: without user name, password, query or fragment."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
