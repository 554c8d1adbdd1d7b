//! The pages' resources. Pages render on the server only (islands mode), where a resource
//! outside an island is awaited and rendered, never serialised into the page; the codec below
//! matters only to a resource inside an island (none today).
//!
//! Leptos's default resource codec decodes the server's serialised value with
//! `serde_json::from_str`, while server functions decode their answers with
//! `serde_json::from_slice`. Each reader is a separate copy of every wire type's deserialiser in
//! the WASM bundle (`deserialize_struct` alone was 418 KB of code in 132 copies). Decoding the
//! resources from bytes too lets both paths share one copy per type.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// JSON written with `serde_json::to_string`, read back with `serde_json::from_slice`.
pub struct SliceJson;

impl<T: Serialize> Encoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, Self::Error> {
        serde_json::to_string(val)
    }
}

impl<T: DeserializeOwned> Decoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(val.as_bytes())
    }
}

/// A resource the server renders and the browser hydrates, as `Resource::new` does, with the
/// [`SliceJson`] codec.
pub type JsonResource<T> = Resource<T, SliceJson>;

#[track_caller]
pub fn json_resource<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> JsonResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_survives_the_round_trip_and_bad_json_is_an_error() {
        let value: Result<Vec<(String, i64)>, String> = Ok(vec![("a\"b".into(), 3)]);
        let text = <SliceJson as Encoder<_>>::encode(&value).unwrap();
        let back: Result<Vec<(String, i64)>, String> =
            <SliceJson as Decoder<_>>::decode(text.as_str()).unwrap();
        assert_eq!(back, value);
        let bad: Result<Result<i64, String>, _> = <SliceJson as Decoder<_>>::decode("{\"Ok\":");
        assert!(bad.is_err());
    }
}
