//! Seed 004 response examples (filled below).
