"""Russia: regional investment tax regimes of Ulyanovsk (seed 004 §2) and Samara (004 §3),
with a year-by-year tax projection and a "where should we build?" comparison
(:mod:`.projection`)."""
