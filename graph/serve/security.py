"""The safety middleware in front of every route (a plain ASGI wrapper).

* Only GET and HEAD: the server is read-only (405 otherwise).
* The ``Host`` header must name this server (DNS-rebinding defence): a page
  on ``evil.example`` that re-points its name at 127.0.0.1 still sends
  ``Host: evil.example`` and is refused.
* With a token (any bind other than loopback), every request must carry it:
  ``?token=``, ``Authorization: token …`` / ``Bearer …`` or the ``kg_token``
  cookie, compared with :func:`hmac.compare_digest`. A good ``?token=`` sets
  the cookie (HttpOnly, SameSite=Strict) so the page's own requests pass.
* Headers on every answer: a CSP (a route may set a stricter or page
  specific one), ``nosniff``, no framing, no referrer, ``no-store``; never an
  ``Access-Control-Allow-*`` header, so other origins cannot read answers.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from http.cookies import SimpleCookie
from typing import Any, Awaitable, Callable, Iterable, MutableMapping
from urllib.parse import parse_qsl

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "kg_token"
DEFAULT_CSP = ("default-src 'none'; base-uri 'none'; form-action 'none'; "
               "frame-ancestors 'none'")
HEADERS = ((b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin"),
           (b"cross-origin-resource-policy", b"same-origin"))


def is_loopback(host: str) -> bool:
    """Whether a bind address only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        return False


def _wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def host_names(host: str) -> list[str]:
    """The names a ``Host`` header may give for a bind address (without the port)."""
    own = f"[{host}]" if ":" in host else host
    if is_loopback(host):
        return sorted({own, "localhost", "127.0.0.1", "[::1]"})
    return [own]


class HostCheck:
    """Which ``Host`` header values name this server."""

    def __init__(self, host: str, port: int):
        self.port = port
        self.any_ip = _wildcard(host)
        names = ["localhost", "127.0.0.1", "[::1]"] if self.any_ip else host_names(host)
        self.allowed = {f"{n}:{port}".lower() for n in names}
        if port == 80:
            self.allowed |= {n.lower() for n in names}

    def ok(self, value: str) -> bool:
        value = value.strip().lower()
        if value in self.allowed:
            return True
        if self.any_ip:     # bound to every address: any IP literal of ours, never a DNS name
            name, _, port = value.rpartition(":")
            return port == str(self.port) and _is_ip(name)
        return False

    def describe(self) -> str:
        return ", ".join(sorted(self.allowed)) + (" or an IP address" if self.any_ip else "")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _given_token(scope: Scope) -> tuple[str | None, bool]:
    """(the token a request carries, whether it came in the query string)."""
    for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
        if key == "token":
            return value, True
    auth = _header(scope, b"authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() in ("token", "bearer") and value.strip():
            return value.strip(), False
    cookie = _header(scope, b"cookie")
    if cookie:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie)
        except Exception:      # a malformed Cookie header is just no token
            return None, False
        if COOKIE in jar:
            return jar[COOKIE].value, False
    return None, False


async def refuse(send: Send, status: int, message: str,
                 extra: Iterable[tuple[bytes, bytes]] = ()) -> None:
    """A JSON error answer (``{"error": ...}``) with the safety headers."""
    body = (json.dumps({"error": message, "status": status}, ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", DEFAULT_CSP.encode()),
                            (b"cache-control", b"no-store"), *HEADERS, *extra]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware enforcing the rules in the module docstring."""

    def __init__(self, app: ASGIApp, hosts: HostCheck, token: str | None = None):
        self.app = app
        self.hosts = hosts
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "websocket":     # none served; refuse before any handshake
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            await refuse(send, 405, f"{scope['method']} is not allowed: this server is "
                         "read-only and answers GET requests only", [(b"allow", b"GET, HEAD")])
            return
        host = _header(scope, b"host") or ""
        if not self.hosts.ok(host):
            await refuse(send, 403, f"Host header {host!r} does not name this server "
                         f"(expected {self.hosts.describe()}); open the address kg serve printed")
            return
        set_cookie = False
        if self.token is not None:
            given, from_query = _given_token(scope)
            if given is None or not hmac.compare_digest(given.encode("utf-8", "replace"),
                                                        self.token.encode("utf-8")):
                what = "a wrong token" if given is not None else "no token"
                await refuse(send, 403, f"this server needs the token kg serve printed at "
                             f"start; the request had {what}: open the printed URL "
                             "(?token=...) or send 'Authorization: token ...'")
                return
            set_cookie = from_query

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ())
                           if not k.lower().startswith(b"access-control-")]
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", DEFAULT_CSP.encode()))
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                headers.extend(HEADERS)
                if set_cookie and self.token is not None:
                    headers.append((b"set-cookie", f"{COOKIE}={self.token}; HttpOnly; "
                                    "SameSite=Strict; Path=/".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, guarded_send)
