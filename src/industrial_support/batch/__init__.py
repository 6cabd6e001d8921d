"""Screening at scale: a synthetic register (synth), the per-chunk screen shared by the local
runner (run) and the Ray Data path (distributed), and the results' layout (layout, output)."""
