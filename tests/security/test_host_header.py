"""The Host check (api/hosts.py) against what Oxigraph takes as an IRI: every Host it lets
through makes a valid endpoint IRI, and the hosts of RFC 3986 get through."""

from __future__ import annotations

import ipaddress
import string

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from api.hosts import valid_host

GRAMMAR = string.ascii_letters + string.digits + "-._~!$&'()*+,;=%:"
NEAR = GRAMMAR + '[]@/?#{}<>"\\^`| \t%\x00\x7fé中\ue000'
hex_group = st.text(alphabet=string.hexdigits, min_size=0, max_size=5)
octet = st.integers(min_value=0, max_value=300).map(str) | st.sampled_from(["01", "00", ""])
ipv4 = st.lists(octet, min_size=3, max_size=5).map(".".join)
ipv6_like = st.builds(
    lambda head, double, tail, four: (
        ":".join(head) + ("::" if double else ":") + ":".join(tail) + (":" + four if four else "")
    ),
    st.lists(hex_group, max_size=8),
    st.booleans(),
    st.lists(hex_group, max_size=8),
    st.none() | ipv4,
)
literal = st.builds(lambda a, z: f"[{a}{z}]", ipv6_like, st.sampled_from(["", "%25eth0", "%1"]))
port = st.sampled_from(["", ":", ":80", ":65535", ":65536", ":8x", ":-1", "::1", ":٣"])
hosts = st.one_of(
    st.text(),
    st.text(alphabet=NEAR),
    st.builds(str.__add__, st.text(alphabet=GRAMMAR, min_size=1), port),
    st.builds(str.__add__, literal | ipv4, port),
)


def accepted_as_iri(host: str) -> bool:
    try:
        NamedNode(f"http://{host}/sparql")
    except ValueError:
        return False
    return True


@settings(max_examples=3000, derandomize=True, database=None)
@given(hosts)
@example("a%zz")
@example("[::1%25eth0]")
@example("[v1.x]")
def test_a_host_let_through_makes_a_valid_iri(host: str) -> None:
    """For any text, either the check refuses it or Oxigraph takes the endpoint IRI it makes."""
    assert not valid_host(host) or accepted_as_iri(host), host


reg_name = st.text(alphabet=string.ascii_letters + string.digits + "-._~!$&'()*+,;=", min_size=1)
escaped = st.builds(lambda a, h, b: f"{a}%{h}{b}", reg_name, st.text(string.hexdigits, min_size=2,
                    max_size=2), reg_name)  # fmt: skip
address = st.ip_addresses(v=4).map(str) | st.ip_addresses(v=6).map(lambda a: f"[{a}]")
valid_port = st.integers(0, 65535).map(lambda p: f":{p}")


@settings(max_examples=1000, derandomize=True, database=None)
@given(st.one_of(reg_name, escaped, address), st.none() | valid_port)
def test_the_hosts_of_rfc_3986_get_through(host: str, port: str | None) -> None:
    """Registered names, IPv4 and [IPv6] addresses, with or without a port, are all valid."""
    assert valid_host(host + (port or ""))


def test_what_is_refused() -> None:
    """Bad escapes, zone identifiers, IPvFuture, ports past 65535, userinfo, empty hosts."""
    for host in ("a%zz", "a%2", "[::1%25eth0]", "[v1.x]", "a:65536", "a:b", "u@a", "", "[::1]x"):
        assert not valid_host(host), host
    assert valid_host(str(ipaddress.IPv6Address("::ffff:1.2.3.4")).join("[]"))
