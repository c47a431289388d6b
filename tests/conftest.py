"""Suite-wide test configuration.

Hypothesis: the suite must not depend on the machine's speed (a busy 2-core machine made the
"input generation is slow" health check fail a newcomer's first `make test`). The profile
below turns off every wall-clock check: deadlines and the time-based health checks. Tests
still choose how many examples they run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "suite",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
    print_blob=True,
)
settings.load_profile("suite")
