//! jixiao-core: the domain of budget performance targets (预算绩效目标管理).
//!
//! Pure types and pure functions: the [`model`] of a performance-target table,
//! the indicator-cell [`grammar`], exact [`money`], the [`review`] rules, and the bilingual [`Text`] that
//! messages of every crate are made of.
//! This crate does no IO and knows nothing of async, SQL or HTTP
//! (`tests/layering.rs` at the workspace root enforces it).

pub mod grammar;
pub mod model;
pub mod money;
pub mod review;
pub mod text;

pub use model::*;
pub use review::Lang;
pub use text::Text;
