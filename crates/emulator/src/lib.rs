//! Cloud emulator (being written).
