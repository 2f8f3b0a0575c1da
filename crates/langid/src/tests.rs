//! Unit tests of the detector.
