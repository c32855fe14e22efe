//! Editable documents: Office Open XML (DOCX), written by hand — a few XML parts in a zip —
//! with real headings (so a word processor shows the outline), tables with fixed column
//! widths, and plain paragraphs. The overview, the plan and the conversation are written
//! with it.

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::DocumentError;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Our styles: body text, a title, three heading levels (with outline levels) and a table
/// with thin borders.
fn styles() -> String {
    let heading = |id: &str, name: &str, level: u8, size: u8| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>{}{}{}<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="A0A8B8"/><w:left w:val="single" w:sz="4" w:color="A0A8B8"/><w:bottom w:val="single" w:sz="4" w:color="A0A8B8"/><w:right w:val="single" w:sz="4" w:color="A0A8B8"/><w:insideH w:val="single" w:sz="4" w:color="A0A8B8"/><w:insideV w:val="single" w:sz="4" w:color="A0A8B8"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        heading("Heading1", "heading 1", 0, 32),
        heading("Heading2", "heading 2", 1, 26),
        heading("Heading3", "heading 3", 2, 23),
    )
}

/// Text as XML character data: escaped, without characters XML 1.0 cannot hold.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs for a text, line breaks kept; `style` is run formatting (e.g. `<w:i/>`).
pub fn runs(text: &str, style: &str) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let brk = if i > 0 { "<w:br/>" } else { "" };
            format!(
                r#"<w:r><w:rPr>{style}</w:rPr>{brk}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(line)
            )
        })
        .collect()
}

/// The width between the page margins (A4 less 2 × 1247), in twentieths of a point.
pub(crate) const TEXT_WIDTH: u32 = 11906 - 2 * 1247;

/// A generous width of one character of a bold 11 pt header, and a cell's side margins, in
/// twentieths of a point: enough that no header word has to break.
pub(crate) const HEADER_CHAR: u32 = 125;
pub(crate) const CELL_MARGINS: u32 = 2 * 80;

/// The widths of a table's columns: each at least as wide as the longest word of its
/// header, what is left shared by `weights` (a column without one weighs 1); together the
/// text width.
pub(crate) fn column_widths(header: &[String], weights: &[u32]) -> Vec<u32> {
    let columns = header.len();
    let floor: Vec<u32> = header
        .iter()
        .map(|h| {
            let longest = h.split_whitespace().map(|w| w.chars().count()).max();
            longest.unwrap_or(0) as u32 * HEADER_CHAR + CELL_MARGINS
        })
        .collect();
    let weight = |i: usize| weights.get(i).copied().unwrap_or(1);
    let floors: u32 = floor.iter().sum();
    let mut widths: Vec<u32> = if floors >= TEXT_WIDTH {
        // Headers too long for the page: share it in proportion to them.
        floor.iter().map(|f| f * TEXT_WIDTH / floors).collect()
    } else {
        let spare = TEXT_WIDTH - floors;
        let total: u32 = (0..columns).map(weight).sum::<u32>().max(1);
        (0..columns)
            .map(|i| floor[i] + spare * weight(i) / total)
            .collect()
    };
    // Rounding leaves a few twips: the first column takes them.
    let sum: u32 = widths.iter().sum();
    if let Some(first) = widths.first_mut() {
        *first += TEXT_WIDTH - sum.min(TEXT_WIDTH);
    }
    widths
}

/// A document's body as WordprocessingML, built paragraph by paragraph.
#[derive(Default)]
pub struct Body(String);

impl Body {
    /// The body's XML so far.
    pub fn xml(&self) -> &str {
        &self.0
    }

    pub fn paragraph(&mut self, style: Option<&str>, content: &str) {
        let style = style.map_or_else(String::new, |s| {
            format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
        });
        self.0.push_str(&format!("<w:p>{style}{content}</w:p>"));
    }

    pub fn text(&mut self, style: Option<&str>, text: &str) {
        self.paragraph(style, &runs(text, ""));
    }

    /// A table; the first row is its header (repeated on every page). Its columns have
    /// fixed widths (see [`column_widths`]), so a word processor does not squeeze a header.
    pub fn table(&mut self, rows: &[Vec<String>], weights: &[u32]) {
        let widths = column_widths(rows.first().map_or(&[][..], Vec::as_slice), weights);
        let grid: String = widths
            .iter()
            .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
            .collect();
        self.0.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"#,
        ));
        for (i, row) in rows.iter().enumerate() {
            let header = if i == 0 {
                "<w:trPr><w:tblHeader/></w:trPr>"
            } else {
                ""
            };
            self.0.push_str(&format!("<w:tr>{header}"));
            for (cell, width) in row.iter().zip(&widths) {
                let style = if i == 0 { "<w:b/>" } else { "" };
                self.0.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{}</w:p></w:tc>"#,
                    runs(cell, style)
                ));
            }
            self.0.push_str("</w:tr>");
        }
        self.0.push_str("</w:tbl>");
        // Word needs a paragraph between two tables.
        self.paragraph(None, "");
    }
}

/// A document's core properties: its title and language.
fn core(title: &str, lang: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>Raamwerk</dc:creator></cp:coreProperties>"#,
        escape(title),
        escape(lang)
    )
}

/// A body on A4 as a DOCX file, with its title and language (`nl`, `en`) as properties.
pub fn package(title: &str, lang: &str, body: Body) -> Result<Vec<u8>, DocumentError> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1247" w:bottom="1134" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body.0
    );
    let fail = |e: &dyn std::fmt::Display| DocumentError::Write(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles()),
        ("word/document.xml", document),
        ("docProps/core.xml", core(title, lang)),
    ] {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

/// The text of a DOCX's body, paragraph by paragraph (for tests and checks): what a word
/// processor would show, without formatting.
pub fn text_of(docx: &[u8]) -> Result<String, DocumentError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| DocumentError::Write(e.to_string()))?;
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("word/document.xml")
            .map_err(|e| DocumentError::Write(e.to_string()))?,
        &mut xml,
    )
    .map_err(|e| DocumentError::Write(e.to_string()))?;
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(start) = rest.find('<') {
        let (before, tag_and_more) = rest.split_at(start);
        text.push_str(before);
        let end = tag_and_more.find('>').map_or(tag_and_more.len(), |e| e + 1);
        let tag = &tag_and_more[..end];
        if tag == "</w:p>" || tag == "<w:br/>" {
            text.push('\n');
        } else if tag == "</w:tc>" {
            text.push('\t');
        }
        rest = &tag_and_more[end..];
    }
    text.push_str(rest);
    Ok(text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_longer_than_the_page_share_it_in_proportion() {
        let long = vec!["x".repeat(60), "y".repeat(30)];
        let widths = column_widths(&long, &[1, 1]);
        assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(widths[0] > widths[1] * 3 / 2, "{widths:?}");
        assert_eq!(column_widths(&[], &[]), Vec::<u32>::new());
    }

    #[test]
    fn markup_and_control_characters_cannot_break_the_xml() {
        assert_eq!(escape("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c");
    }
}
