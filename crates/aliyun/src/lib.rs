//! aliyun cloud client (being written).
