"""The files a run writes: claims tables, the run record, the journal; reviewer cells kept."""
