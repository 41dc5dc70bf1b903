"""Reading articles: files, saved pages and JSONL dumps in, clean Article records out."""
