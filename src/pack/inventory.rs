//! Every text of a pack, where it is written, for proof-reading and translating: `rules show
//! --texts`, `rules export-texts` and `rules import-texts` (a CSV of id, field, zh, en).
//!
//! Texts are read from the pack's files as written (not from the built pack) so that each keeps
//! its place in its file, and an imported translation can be written back there.

use std::ops::Range;

use super::raw::{RawFile, Text};
use crate::source::FileId;
use crate::text::LocalText;

/// One text of a pack.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What it belongs to: `question.size`, `rule.red.now.red` (a rule's action, by concept),
    /// `rule.red.caution.1`.
    pub id: String,
    /// Which text of it: `prompt`, `label`, `why`, `partners.1`, …
    pub field: String,
    /// The text as written.
    pub text: LocalText,
    /// The file it is written in.
    pub file: FileId,
    /// Where its value is written in that file.
    pub span: Range<usize>,
    /// For a text of an action: the phase it belongs to.
    pub phase: Option<String>,
}

impl Entry {
    /// The text in language `code`, as written (a plain string serves every language).
    pub fn in_lang(&self, code: &str) -> &str {
        match &self.text {
            LocalText::Same(s) => s,
            LocalText::ByLang(map) => map.get(code).map_or("", String::as_str),
        }
    }
}

/// Collects the texts of the files of one pack, in file order.
struct Collector {
    entries: Vec<Entry>,
    file: FileId,
}

impl Collector {
    fn add(&mut self, id: &str, field: &str, text: &Text, phase: Option<&str>) {
        self.entries.push(Entry {
            id: id.to_string(),
            field: field.to_string(),
            text: text.get_ref().clone(),
            file: self.file,
            span: text.span(),
            phase: phase.map(str::to_string),
        });
    }

    fn opt(&mut self, id: &str, field: &str, text: &Option<Text>) {
        if let Some(t) = text {
            self.add(id, field, t, None);
        }
    }
}

/// Every text of the pack made of `files`, in the order the files write them.
pub fn entries(files: &[(FileId, &RawFile)]) -> Vec<Entry> {
    let mut c = Collector {
        entries: Vec::new(),
        file: FileId(0),
    };
    for (file, raw) in files {
        c.file = *file;
        if let Some(meta) = &raw.pack {
            let meta = meta.get_ref();
            c.add("pack", "title", &meta.title, None);
            c.opt("pack", "description", &meta.description);
        }
        for p in &raw.phase {
            let p = p.get_ref();
            let id = format!("phase.{}", p.id.get_ref());
            c.add(&id, "title", &p.title, None);
            c.opt(&id, "summary", &p.summary);
        }
        for s in &raw.speaker {
            let s = s.get_ref();
            let id = format!("speaker.{}", s.id.get_ref());
            c.add(&id, "name", &s.name, None);
            c.opt(&id, "affiliation", &s.affiliation);
            c.opt(&id, "framework", &s.framework);
        }
        for s in &raw.source {
            let s = s.get_ref();
            let id = format!("source.{}", s.id.get_ref());
            c.add(&id, "name", &s.name, None);
            c.opt(&id, "basis", &s.basis);
        }
        for s in &raw.section {
            let s = s.get_ref();
            let id = format!("section.{}", s.id.get_ref());
            c.add(&id, "title", &s.title, None);
            c.opt(&id, "intro", &s.intro);
        }
        for q in &raw.question {
            let q = q.get_ref();
            let id = format!("question.{}", q.id.get_ref());
            c.add(&id, "prompt", &q.prompt, None);
            c.opt(&id, "short", &q.short);
            c.add(&id, "help", &q.help, None);
            c.opt(&id, "if_empty", &q.if_empty);
            c.opt(&id, "unit", &q.unit);
            for o in &q.option {
                let o = o.get_ref();
                let oid = format!("{id}.{}", o.id.get_ref());
                c.add(&oid, "label", &o.label, None);
                c.opt(&oid, "help", &o.help);
            }
        }
        for d in &raw.derived {
            let d = d.get_ref();
            let id = format!("derived.{}", d.id.get_ref());
            c.add(&id, "label", &d.label, None);
            c.opt(&id, "help", &d.help);
            for v in &d.value {
                let v = v.get_ref();
                let vid = format!("{id}.{}", v.id.get_ref());
                c.add(&vid, "label", &v.label, None);
                c.opt(&vid, "blocks", &v.blocks);
            }
        }
        for r in &raw.rule {
            let r = r.get_ref();
            for a in &r.action {
                let a = a.get_ref();
                let id = format!("rule.{}.{}", r.id.get_ref(), a.concept.get_ref());
                let phase = Some(a.phase.get_ref().as_str());
                c.add(&id, "owner", &a.owner, phase);
                for (n, p) in a.partners.iter().enumerate() {
                    c.add(&id, &format!("partners.{}", n + 1), p, phase);
                }
                c.add(&id, "indicator", &a.indicator, phase);
                c.add(&id, "text", &a.text, phase);
                c.add(&id, "why", &a.why, phase);
            }
            for (n, caution) in r.caution.iter().enumerate() {
                let id = format!("rule.{}.caution.{}", r.id.get_ref(), n + 1);
                c.add(&id, "text", &caution.get_ref().text, None);
            }
        }
        for q in &raw.review_question {
            let q = q.get_ref();
            let id = format!("review_question.{}", q.id.get_ref());
            c.add(&id, "text", &q.text, None);
            c.opt(&id, "help", &q.help);
        }
    }
    c.entries
}

/// Writes a field of a CSV record: quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The texts as CSV: `id,field,zh,en`, one line per text.
pub fn to_csv(entries: &[Entry]) -> String {
    let mut out = String::from("id,field,zh,en\n");
    for e in entries {
        let fields = [
            csv_field(&e.id),
            csv_field(&e.field),
            csv_field(e.in_lang("zh")),
            csv_field(e.in_lang("en")),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// Reads CSV records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
/// `Err` holds the line where a quoted field is not closed.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut quoted_from = None;
    while let Some(c) = chars.next() {
        match (quoted_from.is_some(), c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted_from = None,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted_from = Some(line),
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                line += 1;
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if let Some(start) = quoted_from {
        return Err(start);
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

/// A TOML basic string holding `text`.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_commas_quotes_and_line_breaks() {
        let fields = ["a,b", "say \"hi\"", "two\nlines", "支柱三，社区"];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        let text = format!("{}\n", line.join(","));
        let parsed = parse_csv(&text).expect("parses");
        assert_eq!(parsed, vec![fields.map(str::to_string).to_vec()]);
        assert_eq!(parse_csv("a,\"open\n"), Err(1));
        assert_eq!(parse_csv("x,y\r\n1,2").expect("parses").len(), 2);
    }

    #[test]
    fn toml_strings_escape_what_they_must() {
        let s = toml_string("a \"b\" \\ c\nd");
        let parsed: toml::Value = toml::from_str(&format!("x = {s}")).expect("parses");
        assert_eq!(parsed["x"].as_str(), Some("a \"b\" \\ c\nd"));
    }
}
