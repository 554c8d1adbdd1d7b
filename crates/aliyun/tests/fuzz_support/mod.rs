//! Fuzzing support shared by the `aliyun` and `huawei` fuzz targets (`huawei` includes this
//! directory by `#[path]`): the harness (case counts, hang limit) and JSON body generators.
#![allow(dead_code)]

pub mod harness;
pub mod json;
pub mod mutate;
