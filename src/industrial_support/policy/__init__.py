"""Policy simulation: reforms over a register (whatif) and what a call would cost."""
