//! Typed operations on [`crate::Client`], one file per resource family. Every list method
//! returns all items (pagination in [`pagination`]); single-object reads return the object.

mod hybrid;
mod misc;
pub mod pagination;
mod vpc;
mod vpn;
mod write;

pub use misc::LogWindow;

/// `RegionId` plus borrowed filter pairs as owned parameters (a `RegionId` among the
/// filters is ignored: the explicit region wins).
pub(crate) fn region_params(region: &str, filters: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut p = vec![("RegionId".to_owned(), region.to_owned())];
    p.extend(
        filters
            .iter()
            .filter(|(k, _)| *k != "RegionId")
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    p
}
