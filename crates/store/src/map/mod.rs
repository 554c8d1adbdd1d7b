//! Mapping the clouds' wire types into the neutral model, for the sync engine. Pure
//! functions: the store still never calls the clouds, it only knows their payload shapes.

pub mod aliyun;
pub mod huawei;
