"""A query worker that cannot open network connections: the engine itself refuses SERVICE and
LOAD, whatever a check before it may have missed.

Oxigraph evaluates SERVICE and LOAD with its own HTTP client and offers no switch to turn them
off, so the switch is the kernel's: a seccomp filter (through libseccomp) makes socket() fail with
EACCES for the Internet families (IPv4, IPv6) in the worker process and everything it starts.
Local sockets (the worker's pipe to the server) are untouched. Linux only; elsewhere, and where
libseccomp is missing, `available()` says so and the service relies on its parse-based check.
"""

from __future__ import annotations

import errno
import socket
from functools import cache


@cache
def available() -> bool:
    """Whether this machine can sandbox a process (Linux with libseccomp)."""
    try:
        import pyseccomp  # noqa: F401  (loads libseccomp.so; an OSError where it is missing)
    except (ImportError, OSError):
        return False
    return True


def deny_network() -> None:
    """From now on, every thread of this process, and its children, cannot open IPv4 or IPv6
    sockets."""
    import pyseccomp as seccomp

    rules = seccomp.SyscallFilter(seccomp.ALLOW)
    rules.set_attr(seccomp.Attr.CTL_TSYNC, 1)  # all threads, not only the calling one
    for family in (socket.AF_INET, socket.AF_INET6):
        rules.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family))
    rules.load()
