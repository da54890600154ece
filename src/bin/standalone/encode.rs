//! Byte encodings the bundler needs: gzip for the inlined wasm, base64 for
//! embedding bytes in a script, SHA-256 CSP hash sources and SHA-384
//! subresource-integrity values.

use sha2::{Digest, Sha256, Sha384};
use std::io::Write;

/// Compresses `bytes` with gzip at the best level (the wasm is inlined once, read often).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

/// Standard base64 with padding, the alphabet `atob` and CSP hash sources read.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP source that allows exactly the inline element whose text is `content`,
/// e.g. `'sha256-…'`; the browser hashes the UTF-8 text between the tags.
pub fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

/// The subresource-integrity value of a file's bytes (`sha384-…`, as Trunk writes it).
pub fn sri(bytes: &[u8]) -> String {
    ["sha384-", &base64(&Sha384::digest(bytes))].concat()
}

/// The same with SHA-256 (`sha256-…`, 44 characters against 64), for the
/// loader: its three hashes are random text that gzip cannot shrink, and the
/// loader has a 2 KB budget. SHA-256 is one of the three algorithms SRI
/// defines, and as collision-resistant as anything a widget file needs.
pub fn sri256(bytes: &[u8]) -> String {
    ["sha256-", &base64(&Sha256::digest(bytes))].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in cases {
            assert_eq!(base64(input), expected);
        }
    }

    #[test]
    fn csp_hash_of_known_text() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn sri_of_known_bytes() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
        // The same text's SHA-256, as the CSP hash above has it.
        assert_eq!(
            sri256(b"alert(1)"),
            "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }
}
