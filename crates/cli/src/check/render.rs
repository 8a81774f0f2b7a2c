//! Rendering many findings fast and in order: every output format spends
//! microseconds per finding (miette's layout, pretty-printed JSON), seconds
//! for a large table, so findings are rendered in parallel chunks into
//! buffers and written in their order, a bounded batch at a time.

use rayon::prelude::*;

/// Findings rendered at a time (bounds the memory held by rendered text).
const BATCH: usize = 16 * 1024;

/// Render `items` in chunks of `chunk` on the thread pool and hand each
/// chunk's bytes to `write`, in the order of `items`. Stops at the first
/// error of either.
pub fn in_order<T: Sync, E>(
    items: &[T],
    chunk: usize,
    render: impl Fn(&[T]) -> Result<Vec<u8>, E> + Sync + Send,
    mut write: impl FnMut(Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    E: Into<anyhow::Error> + Send,
{
    for batch in items.chunks(BATCH) {
        let rendered: Vec<Vec<u8>> = batch
            .par_chunks(chunk.max(1))
            .map(&render)
            .collect::<Result<_, E>>()
            .map_err(Into::into)?;
        for buf in rendered {
            write(buf)?;
        }
    }
    Ok(())
}
