"""Case administration: calls, applications in order of arrival, decisions, agreements,
reports, payments and refunds, persisted with an append-only log of transitions."""
