"""Sign-in throttling per account and per client address, with growing back-off.

The counting is the `limits` library's moving window; its state lives in a storage every
worker process and server instance shares (Redis, by ``ISUPPORT_THROTTLE_URL``, e.g.
``redis://127.0.0.1:6379/0``). ``memory://`` (the default) is only right for one process —
``isupport serve`` is one; several workers (``uvicorn --workers``) or servers must name a
shared storage, or each would count on its own (the app warns when it sees PostgreSQL, the
sign of a multi-server deployment, with memory counting).

Every attempt counts before its password is hashed, so parallel attempts beyond the limit
are refused without spending a hash on them. Tiers make the back-off grow: the first few
attempts wait a minute, the next ones ten minutes, then an hour. A successful sign-in clears
the account's count (not the address's)."""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

THROTTLE_URL_ENV = "ISUPPORT_THROTTLE_URL"
# A deployment may tighten or loosen the tiers (same notation as the defaults below).
ACCOUNT_LIMITS_ENV = "ISUPPORT_LOGIN_LIMITS_ACCOUNT"
ADDRESS_LIMITS_ENV = "ISUPPORT_LOGIN_LIMITS_ADDRESS"
# Deployments sharing one Redis keep apart by namespace; the servers of one share theirs.
NAMESPACE_ENV = "ISUPPORT_THROTTLE_NAMESPACE"
# Tiers: N attempts per window; each later tier is longer, so the wait grows.
ACCOUNT_LIMITS = "5 per 1 minute; 10 per 10 minutes; 20 per 1 hour"
# An office behind one address signs in many people; an attacker tries many names.
ADDRESS_LIMITS = "20 per 1 minute; 60 per 10 minutes; 200 per 1 hour"


class ThrottleUnavailable(Exception):
    """The shared throttle storage cannot be reached: sign-in is refused, not unguarded."""


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # whole seconds until the next attempt may be made
    scope: str | None = None  # "account" or "address": which limit refused


class LoginThrottle:
    def __init__(
        self,
        storage_url: str | None = None,
        *,
        account_limits: str | None = None,
        address_limits: str | None = None,
        namespace: str | None = None,
    ) -> None:
        self.storage_url = storage_url or os.environ.get(THROTTLE_URL_ENV) or "memory://"
        # Servers of one deployment share a namespace; separate deployments (and tests) don't.
        prefix = namespace or os.environ.get(NAMESPACE_ENV) or "isupport"
        options = {"key_prefix": prefix} if self.storage_url.startswith("redis") else {}
        storage = storage_from_string(self.storage_url, **options)
        if not isinstance(storage, Storage):  # an asyncio storage (async+redis://…)
            raise ValueError(f"{THROTTLE_URL_ENV}: expected a synchronous storage URL")
        self.storage = storage
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.account_limits: list[RateLimitItem] = parse_many(
            account_limits or os.environ.get(ACCOUNT_LIMITS_ENV) or ACCOUNT_LIMITS
        )
        self.address_limits: list[RateLimitItem] = parse_many(
            address_limits or os.environ.get(ADDRESS_LIMITS_ENV) or ADDRESS_LIMITS
        )

    @property
    def shared(self) -> bool:
        """Whether every process using the same URL sees the same counts."""
        return not isinstance(self.storage, MemoryStorage)

    def attempt(self, username: str, address: str) -> Verdict:
        """Count one sign-in attempt, or refuse it (with the wait) when a limit is used up.
        A refused attempt is not counted: waiting out the back-off is enough."""
        scopes = (
            ("address", self.address_limits, address),
            ("account", self.account_limits, username),
        )
        try:
            for scope, limits, key in scopes:
                used_up = [limit for limit in limits if not self.limiter.test(limit, scope, key)]
                if used_up:
                    return Verdict(False, self._wait(used_up, scope, key), scope)
            for scope, limits, key in scopes:
                # hit is atomic in the storage: of parallel attempts, only as many as the
                # limit allows get through, even if all of them passed the test above
                lost = [limit for limit in limits if not self.limiter.hit(limit, scope, key)]
                if lost:
                    return Verdict(False, self._wait(lost, scope, key), scope)
        except Exception as error:  # the storage's client raises its own connection errors
            raise ThrottleUnavailable(str(error)) from error
        return Verdict(True)

    def succeeded(self, username: str) -> None:
        """The right password: the account's earlier attempts no longer count against it."""
        try:
            for limit in self.account_limits:
                self.limiter.clear(limit, "account", username)
        except Exception as error:
            raise ThrottleUnavailable(str(error)) from error

    def _wait(self, refused: list[RateLimitItem], scope: str, key: str) -> int:
        now = time.time()
        resets = [self.limiter.get_window_stats(limit, scope, key).reset_time for limit in refused]
        return max(1, math.ceil(max(resets) - now))
