"""What a reviewer reads and exports: report pages, table diffs, ClaimReview JSON-LD."""
