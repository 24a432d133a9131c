//! How much JSON a family's versions make once resolved: bounded while they are (issue 10).

use serde_json::Value;

use crate::pack::{PackError, PackErrorKind, PackErrors};

/// Most bytes of JSON a family's versions make together once each is resolved (its parents
/// merged in): each is a copy, and is compiled on its own. The embedded family makes ~0.4 MB.
pub const MAX_FAMILY_RESOLVED_BYTES: usize = 16 * 1024 * 1024;

/// The bytes of the versions resolved so far (packs audit: 64 versions extending one with a
/// list of 170,000 entries, 1.5 MB of text, took 850 MB of wasm memory, past the 1 GiB limit
/// with a second engine, and 13 s to lint).
#[derive(Default)]
pub(super) struct FamilySize(usize);

impl FamilySize {
    pub(super) fn add(&mut self, value: &Value) -> Result<(), PackErrors> {
        struct Count(usize);
        impl std::io::Write for Count {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0 += b.len();
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut n = Count(0);
        let _ = serde_json::to_writer(&mut n, value);
        self.0 = self.0.saturating_add(n.0);
        if self.0 <= MAX_FAMILY_RESOLVED_BYTES {
            return Ok(());
        }
        Err(PackErrors(vec![PackError {
            zh: format!(
                "该系列各版本合并父规则包后超过 {MAX_FAMILY_RESOLVED_BYTES} 字节：请减少版本，或把共有的内容合并到更少的版本中"
            ),
            path: String::new(),
            kind: PackErrorKind::Unbounded,
            message: format!(
                "the family's versions, each with its parents merged in, make more than {MAX_FAMILY_RESOLVED_BYTES} bytes: give fewer versions, or move what they share into fewer"
            ),
        }]))
    }
}
