"""Screening at scale: a synthetic register, chunked batch evaluation, rejects."""
