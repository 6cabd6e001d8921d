"""People and machines that use the system: accounts with roles, browser sessions, API
tokens, and the enterprises applicants act for."""
