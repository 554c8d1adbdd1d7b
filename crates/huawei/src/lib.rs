//! huawei cloud client (being written).
