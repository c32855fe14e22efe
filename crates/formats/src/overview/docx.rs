//! The overview as an editable document: Office Open XML (DOCX), written by hand — a few
//! XML parts in a zip — with real headings (so a word processor shows the outline), tables
//! for the numbers and the answers, and the person's notes as plain paragraphs.

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::{DocumentError, Overview};

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
fn escape(text: &str) -> String {
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
fn runs(text: &str, style: &str) -> String {
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

#[derive(Default)]
struct Body(String);

impl Body {
    fn paragraph(&mut self, style: Option<&str>, content: &str) {
        let style = style.map_or_else(String::new, |s| {
            format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
        });
        self.0.push_str(&format!("<w:p>{style}{content}</w:p>"));
    }

    fn text(&mut self, style: Option<&str>, text: &str) {
        self.paragraph(style, &runs(text, ""));
    }

    /// A table; the first row is its header (repeated on every page).
    fn table(&mut self, rows: &[Vec<String>]) {
        self.0.push_str(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>"#,
        );
        for (i, row) in rows.iter().enumerate() {
            let header = if i == 0 {
                "<w:trPr><w:tblHeader/></w:trPr>"
            } else {
                ""
            };
            self.0.push_str(&format!("<w:tr>{header}"));
            for cell in row {
                let style = if i == 0 { "<w:b/>" } else { "" };
                self.0
                    .push_str(&format!("<w:tc><w:p>{}</w:p></w:tc>", runs(cell, style)));
            }
            self.0.push_str("</w:tr>");
        }
        self.0.push_str("</w:tbl>");
        // Word needs a paragraph between two tables.
        self.paragraph(None, "");
    }

    fn list(&mut self, items: &[super::Line], none_yet: &str) {
        if items.is_empty() {
            self.paragraph(None, &runs(none_yet, "<w:i/>"));
        }
        for item in items {
            self.text(None, &format!("• {} {}", item.code, item.text));
        }
    }
}

fn document(overview: &Overview) -> String {
    let mut body = Body::default();
    let words = &overview.words;
    body.text(Some("Title"), &overview.title);
    body.text(None, &overview.subtitle);
    body.text(None, &overview.made_on);
    body.paragraph(None, &runs(&overview.intro, "<w:i/>"));
    for role in &overview.roles {
        body.text(Some("Heading1"), &role.name);
        for area in &role.areas {
            body.text(Some("Heading2"), &area.name);
            let mut numbers = vec![
                std::iter::once(String::new())
                    .chain(overview.legend.iter().cloned())
                    .collect::<Vec<_>>(),
            ];
            for bar in &area.bars {
                numbers.push(
                    std::iter::once(bar.label.clone())
                        .chain(bar.counts.iter().map(ToString::to_string))
                        .collect(),
                );
            }
            body.table(&numbers);
            if !area.answers.is_empty() {
                let mut rows = vec![vec![
                    words.statement.clone(),
                    words.choice.clone(),
                    words.note.clone(),
                ]];
                for answer in &area.answers {
                    let mut note = answer.note.clone();
                    if answer.discuss {
                        if !note.is_empty() {
                            note.push('\n');
                        }
                        note.push_str(&words.discuss);
                    }
                    rows.push(vec![
                        format!("{} {}", answer.code, answer.text),
                        answer.choice.clone(),
                        note,
                    ]);
                }
                body.table(&rows);
            }
            for (title, text) in &area.texts {
                body.text(Some("Heading3"), title);
                body.text(None, text);
            }
        }
        body.text(Some("Heading2"), &words.strengths);
        body.list(&role.strengths, &words.none_yet);
        body.text(Some("Heading2"), &words.wishes);
        body.list(&role.wishes, &words.none_yet);
        if !role.discuss.is_empty() {
            body.text(Some("Heading2"), &words.to_discuss);
            body.list(&role.discuss, &words.none_yet);
        }
    }
    if let Some(changes) = &overview.changes {
        body.text(Some("Heading1"), &changes.heading);
        let mut rows = vec![vec![
            words.statement.clone(),
            changes.before.clone(),
            changes.now.clone(),
        ]];
        rows.extend(
            changes
                .rows
                .iter()
                .map(|(s, b, n)| vec![s.clone(), b.clone(), n.clone()]),
        );
        body.table(&rows);
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1247" w:bottom="1134" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body.0
    )
}

fn core(overview: &Overview) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>Raamwerk</dc:creator></cp:coreProperties>"#,
        escape(&overview.title),
        escape(&overview.lang)
    )
}

/// The overview as DOCX bytes.
pub fn write(overview: &Overview) -> Result<Vec<u8>, DocumentError> {
    let fail = |e: &dyn std::fmt::Display| DocumentError::Write(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles()),
        ("word/document.xml", document(overview)),
        ("docProps/core.xml", core(overview)),
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
    use crate::overview::sample;

    #[test]
    fn an_overview_becomes_a_docx_whose_text_reads_back() {
        let docx = write(&sample::overview()).expect("written");
        assert!(docx.starts_with(b"PK"));
        let text = text_of(&docx).expect("readable");
        for expected in [
            "Overzicht: najaar 2026",
            "Visie en beleid",
            "BEG.VIS.T1 Je voert loopbaangesprekken.",
            "doe ik deels",
            "#set page(width: 1cm) *vet* $x$ <script> \\ [link]",
            "wil ik bespreken",
            "Gesprekken plannen,\nook met ouders.",
            "Anders dan in voorjaar 2026",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
    }

    #[test]
    fn markup_and_control_characters_cannot_break_the_xml() {
        assert_eq!(escape("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c");
    }
}
