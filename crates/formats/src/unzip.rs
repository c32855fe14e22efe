//! Reading zip archives (XLSX is one) without trusting what they say about themselves.
//!
//! A zip's entries declare their unpacked sizes, and a one-megabyte file can unpack to a
//! gigabyte. Before any reader opens an archive, [`check`] unpacks every entry once into
//! nothing, counting the bytes that really come out, and refuses the archive as soon as one
//! entry or the whole passes its limit. Memory stays at the decoder's buffers; time is bounded
//! by the limits, not by the file.

use std::io::{Cursor, Read};

/// How much an archive may hold, unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnzipLimits {
    /// Entries in the archive (a workbook has about ten).
    pub entries: usize,
    /// Bytes one entry unpacks to.
    pub entry_bytes: u64,
    /// Bytes all entries together unpack to.
    pub total_bytes: u64,
}

/// The limits for a spreadsheet template: a national edition's workbook unpacks to about
/// 300 kB, so these leave a school fifty times that and keep a bomb far from the memory a
/// server has.
pub const SHEET_LIMITS: UnzipLimits = UnzipLimits {
    entries: 500,
    entry_bytes: 16 * 1024 * 1024,
    total_bytes: 32 * 1024 * 1024,
};

/// Why an archive is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnzipError {
    #[error("not a readable zip archive: {0}")]
    NotAZip(String),
    #[error("the archive holds more than {limit} parts")]
    TooManyEntries { limit: usize },
    #[error("the part {name} unpacks to more than {limit} bytes")]
    EntryTooLarge { name: String, limit: u64 },
    #[error("the archive unpacks to more than {limit} bytes")]
    TooLarge { limit: u64 },
}

/// Unpacks every entry into nothing, counting real bytes; refuses what passes the limits.
pub fn check(bytes: &[u8], limits: UnzipLimits) -> Result<(), UnzipError> {
    let not_a_zip = |e: &dyn std::fmt::Display| UnzipError::NotAZip(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_a_zip(&e))?;
    if archive.len() > limits.entries {
        return Err(UnzipError::TooManyEntries {
            limit: limits.entries,
        });
    }
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| not_a_zip(&e))?;
        let name = entry.name().to_owned();
        let mut unpacked: u64 = 0;
        loop {
            let n = entry.read(&mut buffer).map_err(|e| not_a_zip(&e))?;
            if n == 0 {
                break;
            }
            unpacked += n as u64;
            total += n as u64;
            if unpacked > limits.entry_bytes {
                return Err(UnzipError::EntryTooLarge {
                    name,
                    limit: limits.entry_bytes,
                });
            }
            if total > limits.total_bytes {
                return Err(UnzipError::TooLarge {
                    limit: limits.total_bytes,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn archive(entries: &[(&str, usize)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, size) in entries {
            zip.start_file(*name, options).expect("an entry");
            zip.write_all(&vec![b'a'; *size]).expect("the bytes");
        }
        zip.finish().expect("the archive").into_inner()
    }

    const SMALL: UnzipLimits = UnzipLimits {
        entries: 3,
        entry_bytes: 100_000,
        total_bytes: 150_000,
    };

    #[test]
    fn an_archive_within_the_limits_passes() {
        assert_eq!(
            check(&archive(&[("a", 100_000), ("b", 50_000)]), SMALL),
            Ok(())
        );
    }

    #[test]
    fn one_entry_past_its_limit_is_refused_by_name() {
        let bomb = archive(&[("a", 10), ("xl/sharedStrings.xml", 100_001)]);
        assert!(bomb.len() < 2_000, "it packs small: {}", bomb.len());
        assert_eq!(
            check(&bomb, SMALL),
            Err(UnzipError::EntryTooLarge {
                name: "xl/sharedStrings.xml".into(),
                limit: 100_000
            })
        );
    }

    #[test]
    fn the_whole_past_its_limit_is_refused() {
        assert_eq!(
            check(&archive(&[("a", 80_000), ("b", 80_000)]), SMALL),
            Err(UnzipError::TooLarge { limit: 150_000 })
        );
    }

    #[test]
    fn too_many_entries_are_refused() {
        assert_eq!(
            check(&archive(&[("a", 1), ("b", 1), ("c", 1), ("d", 1)]), SMALL),
            Err(UnzipError::TooManyEntries { limit: 3 })
        );
    }

    #[test]
    fn what_is_not_a_zip_says_so() {
        assert!(matches!(
            check(b"not a zip at all", SMALL),
            Err(UnzipError::NotAZip(_))
        ));
    }
}
