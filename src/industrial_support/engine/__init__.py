"""The jurisdiction-free rules engine: facts, criteria, outcomes, parameters, money,
calendars and deadlines, the program registry and one evaluation path for 1 or N cases."""
