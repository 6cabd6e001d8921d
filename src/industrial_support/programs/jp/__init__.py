"""Japan: the SME Monozukuri Act (seed 002)."""
