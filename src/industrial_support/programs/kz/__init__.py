"""Kazakhstan: the Law on Industrial Policy (seed 000) and the State Program 2020–2025 (seed 001)."""
