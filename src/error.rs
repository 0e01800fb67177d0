//! The one error type of the crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong. Matched on through [`Error::kind`].
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Reading a file or stream failed.
    Io,
    /// The input is not valid UTF-8; `offset` is the byte offset of the first invalid byte.
    Utf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// A gazetteer or language-data file has a malformed line or an unknown format.
    Data,
    /// A configuration given to a builder is not usable.
    Config,
}

/// An error from building a pipeline or loading data. Processing a document never fails.
///
/// Errors from data files carry the file name and the 1-based line number.
#[derive(Clone, Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    file: Option<PathBuf>,
    line: Option<usize>,
}

impl Error {
    /// Creates an error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            file: None,
            line: None,
        }
    }

    /// An error in a data source at a given 1-based line.
    pub fn data(source: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Data,
            message: message.into(),
            file: Some(source.as_ref().to_path_buf()),
            line: Some(line),
        }
    }

    /// Attaches a file name (when none is set yet).
    pub fn with_file(mut self, file: impl AsRef<Path>) -> Error {
        if self.file.is_none() {
            self.file = Some(file.as_ref().to_path_buf());
        }
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error is about, where known.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The 1-based line the error is about, where known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The message without file and line.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Checks that `bytes` is UTF-8, returning the string or a [`ErrorKind::Utf8`] error
    /// with the offset of the first invalid byte.
    pub fn check_utf8(bytes: Vec<u8>) -> Result<String, Error> {
        String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            Error::new(
                ErrorKind::Utf8 { offset },
                format!("invalid UTF-8 at byte offset {offset}"),
            )
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{}:{}: {}", file.display(), line, self.message),
            (Some(file), None) => write!(f, "{}: {}", file.display(), self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, e.to_string())
    }
}
