"""Who a request comes from, as the executor shares its workers and counts crashes by."""

from __future__ import annotations

import ipaddress

from starlette.requests import Request


def client_of(request: Request) -> str:
    """The request's client address (request.client.host); an IPv6 address stands for its /64,
    what one host or site is usually given, so that it does not count as 2^64 clients.

    Behind a reverse proxy every request would come from the proxy and share one client's share,
    unless the proxy sends X-Forwarded-For and uvicorn trusts it: uvicorn takes the client
    address from that header only on connections from --forwarded-allow-ips
    (FORWARDED_ALLOW_IPS), by default 127.0.0.1 alone, so any local process can name itself
    any client."""
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # not an address (a test client's name, a Unix socket's)
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)
