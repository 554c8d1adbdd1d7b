//! Sealing account secrets with AES-256-GCM. Every encryption draws a fresh random 96-bit
//! nonce; the key's version is stored with the ciphertext so keys can be rotated (a ring
//! holds old versions for opening, the highest seals). The account id is bound as associated
//! data, so a ciphertext copied onto another account's row does not open.
//!
//! Key sources: configuration (`KeyRing::from_base64`) or a key file created on first start
//! with mode 0600 (`KeyRing::load_or_create`). Format of both: one key per line,
//! `<version>:<base64 of 32 bytes>`; a bare base64 string is version 1.

use crate::{Error, Result};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// A sealed secret as stored: key version, nonce, ciphertext with the GCM tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// Version of the key that sealed it.
    pub key_version: i32,
    /// 12-byte random nonce.
    pub nonce: Vec<u8>,
    /// Ciphertext followed by the 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// The encryption keys, by version. `Debug` shows versions only.
pub struct KeyRing {
    keys: BTreeMap<i32, SecretBox<[u8; 32]>>,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("versions", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl KeyRing {
    /// Parses keys from configuration text (see the module docs for the format).
    pub fn from_base64(text: &str) -> Result<Self> {
        let mut keys = BTreeMap::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (version, b64) = match line.split_once(':') {
                Some((v, k)) => (
                    v.trim()
                        .parse::<i32>()
                        .map_err(|_| Error::Crypto("key version is not a number".into()))?,
                    k.trim(),
                ),
                None => (1, line),
            };
            let bytes = B64
                .decode(b64)
                .map_err(|_| Error::Crypto(format!("key v{version} is not base64")))?;
            let key: [u8; 32] = bytes
                .try_into()
                .map_err(|_| Error::Crypto(format!("key v{version} is not 32 bytes")))?;
            keys.insert(version, SecretBox::new(Box::new(key)));
        }
        if keys.is_empty() {
            return Err(Error::Crypto("no key given".into()));
        }
        Ok(Self { keys })
    }

    /// Reads the key file, or creates it (mode 0600, a fresh random key as version 1).
    pub fn load_or_create(path: &Path) -> Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_base64(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut key = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut key);
                let line = format!("1:{}\n", B64.encode(key));
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)?;
                }
                let mut opts = std::fs::OpenOptions::new();
                // create_new: two processes starting together must not both write a key.
                opts.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
                match opts.open(path) {
                    Ok(mut f) => {
                        f.write_all(line.as_bytes())?;
                        f.sync_all()?;
                        tracing::info!(path = %path.display(), "created a new credentials key file");
                        Self::from_base64(&line)
                    }
                    // Someone else won the race: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        Self::from_base64(&std::fs::read_to_string(path)?)
                    }
                    Err(e) => Err(e.into()),
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The version new secrets are sealed with (the highest).
    pub fn active_version(&self) -> i32 {
        *self.keys.keys().next_back().expect("a ring has a key")
    }

    fn cipher(&self, version: i32) -> Result<Aes256Gcm> {
        let key = self
            .keys
            .get(&version)
            .ok_or_else(|| Error::Crypto(format!("no key of version {version}")))?;
        Ok(Aes256Gcm::new(key.expose_secret().into()))
    }

    /// Encrypts `secret`, bound to `aad` (the account id).
    pub fn seal(&self, secret: &SecretString, aad: &[u8]) -> Result<Sealed> {
        let version = self.active_version();
        let mut nonce = [0u8; 12];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ciphertext = self
            .cipher(version)?
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: secret.expose_secret().as_bytes(),
                    aad,
                },
            )
            .map_err(|_| Error::Crypto("encryption failed".into()))?;
        Ok(Sealed {
            key_version: version,
            nonce: nonce.to_vec(),
            ciphertext,
        })
    }

    /// Decrypts; a wrong key, a tampered ciphertext or another `aad` give [`Error::Crypto`].
    pub fn open(&self, sealed: &Sealed, aad: &[u8]) -> Result<SecretString> {
        if sealed.nonce.len() != 12 {
            return Err(Error::Crypto("stored nonce is not 12 bytes".into()));
        }
        let clear = self
            .cipher(sealed.key_version)?
            .decrypt(
                Nonce::from_slice(&sealed.nonce),
                Payload {
                    msg: &sealed.ciphertext,
                    aad,
                },
            )
            .map_err(|_| {
                Error::Crypto(format!(
                    "cannot decrypt with key v{} (wrong key or corrupted data)",
                    sealed.key_version
                ))
            })?;
        let text = String::from_utf8(clear)
            .map_err(|_| Error::Crypto("decrypted secret is not UTF-8".into()))?;
        Ok(SecretString::from(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(byte: u8) -> KeyRing {
        KeyRing::from_base64(&B64.encode([byte; 32])).unwrap()
    }

    #[test]
    fn round_trip_with_fresh_nonces() {
        let r = ring(7);
        let s = SecretString::from("s3cr3t-value");
        let a = r.seal(&s, b"acct").unwrap();
        let b = r.seal(&s, b"acct").unwrap();
        assert_ne!(a.nonce, b.nonce);
        assert_ne!(a.ciphertext, b.ciphertext);
        assert_eq!(r.open(&a, b"acct").unwrap().expose_secret(), "s3cr3t-value");
    }

    #[test]
    fn wrong_key_or_aad_fails_without_leaking() {
        let sealed = ring(1).seal(&SecretString::from("hunter2"), b"a").unwrap();
        let err = ring(2).open(&sealed, b"a").unwrap_err();
        assert!(matches!(err, Error::Crypto(_)));
        assert!(!err.to_string().contains("hunter2"));
        assert!(ring(1).open(&sealed, b"b").is_err());
    }

    #[test]
    fn versions_and_bad_keys() {
        let text = format!("1:{}\n2:{}", B64.encode([1u8; 32]), B64.encode([2u8; 32]));
        let r = KeyRing::from_base64(&text).unwrap();
        assert_eq!(r.active_version(), 2);
        let old = ring(1).seal(&SecretString::from("x"), b"").unwrap();
        assert_eq!(r.open(&old, b"").unwrap().expose_secret(), "x");
        assert!(KeyRing::from_base64(&B64.encode([0u8; 16])).is_err());
        assert!(KeyRing::from_base64("!!").is_err());
        assert!(!format!("{r:?}").contains(&B64.encode([2u8; 32])));
    }

    #[test]
    fn key_file_is_created_0600_and_reloaded() {
        let dir = std::env::temp_dir().join(format!("store-key-{}", uuid::Uuid::new_v4()));
        let path = dir.join("keys");
        let a = KeyRing::load_or_create(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let b = KeyRing::load_or_create(&path).unwrap();
        let sealed = a.seal(&SecretString::from("k"), b"").unwrap();
        assert_eq!(b.open(&sealed, b"").unwrap().expose_secret(), "k");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
