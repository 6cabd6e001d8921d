"""Russia: Decree 1176 (seed 003) and the federal, fund and regional schemes of seed 004."""
