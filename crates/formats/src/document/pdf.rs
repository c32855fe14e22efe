//! Typeset PDFs, made in-process by typst from one of our own templates and a document's
//! data (as JSON, so nothing typed is read as markup). Fonts come from the typst-assets
//! crate; nothing is read from the system or the network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use typst_layout::PagedDocument;

use super::DocumentError;

/// The fonts, the library and the template, loaded once.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Option<FileId>,
    data: Option<FileId>,
}

/// A file of the project's virtual root.
fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|p| RootedPath::new(VirtualRoot::Project, p).intern())
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: file_id("/overview.typ"),
        data: file_id("/data.json"),
    }
});

/// One document being made: the shared parts and this overview's data.
struct Job {
    main: FileId,
    data_id: FileId,
    source: Source,
    data: Bytes,
    today: Datetime,
}

impl World for Job {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Any data typeset by one of our templates, which reads it from `/data.json`.
pub fn typeset(
    template: &str,
    data: &impl serde::Serialize,
    today: (i32, u8, u8),
) -> Result<Vec<u8>, DocumentError> {
    let data = serde_json::to_vec(data).map_err(|e| DocumentError::Write(e.to_string()))?;
    let (Some(main), Some(data_id)) = (SHARED.main, SHARED.data) else {
        return Err(DocumentError::Typeset("no file ids".to_owned()));
    };
    let job = Job {
        main,
        data_id,
        source: Source::new(main, template.to_owned()),
        data: Bytes::new(data),
        today: Datetime::from_ymd(today.0, today.1, today.2)
            .ok_or_else(|| DocumentError::Typeset("invalid date".to_owned()))?,
    };
    let warned = typst::compile::<PagedDocument>(&job);
    if let Some(warning) = warned.warnings.first() {
        return Err(DocumentError::Typeset(warning.message.to_string()));
    }
    let document = warned.output.map_err(|errors| {
        DocumentError::Typeset(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        DocumentError::Typeset(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
