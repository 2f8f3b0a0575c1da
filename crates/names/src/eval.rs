//! Measurements on labelled data in the formats of `../shared/eval` (stub, filled below).
