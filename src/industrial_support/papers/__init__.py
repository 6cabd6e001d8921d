"""Papers: pages set as PDF (receipts, decisions, a call's results record, a screening
result) and tables written as CSV. The pages are the site's own templates; this package
only turns them into files."""
