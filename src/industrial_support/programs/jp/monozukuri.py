"""The SME Monozukuri Act (seed 002) — to be written."""
