"""Every administered procedure; importing this package registers them."""

from . import kz_producers_register, kz_software_register, ru_pp1176  # noqa: F401
