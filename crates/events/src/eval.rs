//! Measuring the extractor on labelled data (see `kzalign eval events`).
