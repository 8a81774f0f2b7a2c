//! Rules that compare a target with the past: `target-too-low`.

use super::Sink;

pub(super) fn check(_s: &mut Sink<'_>) {}
