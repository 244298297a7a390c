//! File content attached to attributes: `attachment` keeps the bytes as
//! sent; `malware-sample` keeps them as MISP does, in a zip encrypted with
//! the conventional password "infected" (so that no scanner or careless
//! double-click touches the sample), holding the file under its MD5 and a
//! `<md5>.filename.txt` with its name; the value becomes `filename|md5`.

use std::io::Write;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use md5::{Digest, Md5};
// ZipCrypto is weak, which does not matter here: the password is public by
// convention; it only keeps the sample inert. zip exposes it as an unstable
// API, hence the exact version pin in Cargo.toml.
use zip::unstable::write::FileOptionsExt;
use zip::write::SimpleFileOptions;

use crate::error::{Result, invalid};

pub const SAMPLE_PASSWORD: &[u8] = b"infected";

pub fn decode(data: &str) -> Result<Vec<u8>> {
    STANDARD
        .decode(data.trim())
        .map_err(|e| invalid(format!("the attachment data is not valid base64: {e}")))
}

pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Whether `bytes` is already a sample zip in MISP's layout.
pub fn is_sample_zip(bytes: &[u8]) -> bool {
    let Ok(archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    names.len() == 2 && names.iter().any(|n| n.ends_with(".filename.txt"))
}

/// Packs a raw sample; returns its MD5 (hex) and the encrypted zip.
pub fn pack_sample(filename: &str, raw: &[u8]) -> Result<(String, Vec<u8>)> {
    let md5 = hex::encode(Md5::digest(raw));
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .with_deprecated_encryption(SAMPLE_PASSWORD);
    let fail = |e: zip::result::ZipError| invalid(format!("cannot pack the sample: {e}"));
    out.start_file(md5.as_str(), options).map_err(fail)?;
    out.write_all(raw)
        .map_err(|e| invalid(format!("cannot pack the sample: {e}")))?;
    out.start_file(format!("{md5}.filename.txt"), options)
        .map_err(fail)?;
    out.write_all(filename.as_bytes())
        .map_err(|e| invalid(format!("cannot pack the sample: {e}")))?;
    let cursor = out.finish().map_err(fail)?;
    Ok((md5, cursor.into_inner()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn samples_are_packed_as_misp_does() {
        let (md5, zip) = pack_sample("evil.exe", b"MZ\x90\x00").unwrap();
        assert_eq!(md5.len(), 32);
        assert!(is_sample_zip(&zip));
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        let mut name = String::new();
        archive
            .by_name_decrypt(&format!("{md5}.filename.txt"), SAMPLE_PASSWORD)
            .unwrap()
            .read_to_string(&mut name)
            .unwrap();
        assert_eq!(name, "evil.exe");
        let mut body = vec![];
        archive
            .by_name_decrypt(&md5, SAMPLE_PASSWORD)
            .unwrap()
            .read_to_end(&mut body)
            .unwrap();
        assert_eq!(body, b"MZ\x90\x00");
        assert!(!is_sample_zip(b"not a zip"));
        assert!(decode("%%%").is_err());
    }
}
