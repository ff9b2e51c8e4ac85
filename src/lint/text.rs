//! Checks on what a pack says rather than on its logic: empty texts, and questions whose
//! answer nothing reads.

use crate::condition::Var;
use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::pack::placeholder::Segment;
use crate::pack::{DerivedKind, Pack, Template};
use crate::source::{Loc, SourceMap};
use crate::text::LocalText;

use super::problem::{Item, LintProblem, TextOf};

/// Empty texts and unread questions.
pub fn check(pack: &Pack, sources: &SourceMap, lang: Lang) -> Vec<Diagnostic> {
    let mut out = check_texts(pack, sources, lang);
    unused_questions(pack, lang, &mut out);
    out
}

/// Empty texts: what can be said of each text alone, even when some files of the pack are
/// missing.
pub fn check_texts(pack: &Pack, sources: &SourceMap, lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    empty_texts(pack, sources, lang, &mut out);
    out
}

/// Plain strings in a pack written in two languages: the plan in the other language shows
/// them untranslated.
pub fn single_language(pack: &Pack, sources: &SourceMap, lang: Lang) -> Vec<Diagnostic> {
    let languages = pack.languages.iter().map(|l| l.code()).collect::<Vec<_>>();
    let languages = languages.join(", ");
    pack.lint_notes
        .single_language
        .iter()
        .map(|loc| {
            let written = sources
                .get(loc.file)
                .text
                .get(loc.span.clone())
                .unwrap_or("");
            let fix = if written.chars().count() > 40 || written.contains('\n') {
                "{ zh = \"…\", en = \"…\" }".to_string()
            } else if written.chars().any(is_han) {
                format!("{{ zh = {written}, en = \"…\" }}")
            } else {
                format!("{{ zh = \"…\", en = {written} }}")
            };
            LintProblem::SingleLanguage {
                languages: languages.clone(),
                fix,
            }
            .diagnostic(loc.clone(), lang)
        })
        .collect()
}

/// Where `id = "…"` of a thing without a location of its own is written.
fn find_id(pack: &Pack, sources: &SourceMap, id: &str) -> Option<Loc> {
    let needle = format!("\"{id}\"");
    pack.origin.files.iter().find_map(|&file| {
        let text = &sources.get(file).text;
        text.match_indices(&needle)
            .find(|(at, _)| text[..*at].trim_end().ends_with('='))
            .map(|(at, _)| Loc::new(file, at..at + needle.len()))
    })
}

fn empty_texts(pack: &Pack, sources: &SourceMap, lang: Lang, out: &mut Vec<Diagnostic>) {
    let mut texts: Vec<(TextOf, Option<Loc>, &LocalText)> = Vec::new();
    let pack_loc = find_id(pack, sources, &pack.id);
    texts.push((TextOf::Pack("title"), pack_loc.clone(), &pack.title));
    texts.extend(
        pack.description
            .iter()
            .map(|t| (TextOf::Pack("description"), pack_loc.clone(), t)),
    );
    for p in &pack.phases {
        let loc = Some(p.loc.clone());
        texts.push((item(Item::Phase, &p.id, "title"), loc.clone(), &p.title));
        texts.extend(
            p.summary
                .iter()
                .map(|t| (item(Item::Phase, &p.id, "summary"), loc.clone(), t)),
        );
    }
    for s in &pack.speakers {
        let loc = find_id(pack, sources, &s.id);
        texts.push((item(Item::Speaker, &s.id, "name"), loc.clone(), &s.name));
        for (key, text) in [
            ("affiliation", &s.affiliation),
            ("framework", &s.framework),
            ("basis", &s.basis),
        ] {
            texts.extend(
                text.iter()
                    .map(|t| (item(Item::Speaker, &s.id, key), loc.clone(), t)),
            );
        }
    }
    for s in &pack.sections {
        let loc = find_id(pack, sources, &s.id);
        texts.push((item(Item::Section, &s.id, "title"), loc.clone(), &s.title));
        texts.extend(
            s.intro
                .iter()
                .map(|t| (item(Item::Section, &s.id, "intro"), loc.clone(), t)),
        );
    }
    for q in &pack.questions {
        let loc = Some(q.loc.clone());
        texts.push((
            item(Item::Question, &q.id, "prompt"),
            loc.clone(),
            &q.prompt,
        ));
        texts.push((item(Item::Question, &q.id, "help"), loc.clone(), &q.help));
        for (key, text) in [("short", &q.short), ("if_empty", &q.if_empty)] {
            texts.extend(
                text.iter()
                    .map(|t| (item(Item::Question, &q.id, key), loc.clone(), t)),
            );
        }
        for o in q.kind.options() {
            let id = format!("{}.{}", q.id, o.id);
            texts.push((item(Item::Option, &id, "label"), loc.clone(), &o.label));
            texts.extend(
                o.help
                    .iter()
                    .map(|t| (item(Item::Option, &id, "help"), loc.clone(), t)),
            );
        }
    }
    for d in &pack.derived {
        let loc = Some(d.loc.clone());
        texts.push((item(Item::Derived, &d.id, "label"), loc.clone(), &d.label));
        texts.extend(
            d.help
                .iter()
                .map(|t| (item(Item::Derived, &d.id, "help"), loc.clone(), t)),
        );
        if let DerivedKind::Classify { values, .. } = &d.kind {
            for v in values {
                let id = format!("{}.{}", d.id, v.id);
                texts.push((item(Item::Value, &id, "label"), loc.clone(), &v.label));
                texts.extend(
                    v.blocks
                        .iter()
                        .map(|t| (item(Item::Value, &id, "blocks"), loc.clone(), t)),
                );
            }
        }
    }
    for (text, loc, words) in texts {
        for (code, words) in words.entries() {
            if words.trim().is_empty() {
                out.push(empty_text(sources, loc.as_ref(), text.clone(), code, lang));
            }
        }
    }
    for rule in &pack.rules {
        for a in &rule.actions {
            let parts = [
                ("owner", &a.owner),
                ("indicator", &a.indicator),
                ("text", &a.text),
                ("why", &a.why),
            ];
            let partners = a.partners.iter().map(|p| ("partners", p));
            for (part, template) in parts.into_iter().chain(partners) {
                for code in empty_langs(template) {
                    let text = TextOf::Action {
                        rule: rule.id.clone(),
                        concept: a.concept.clone(),
                        part,
                    };
                    out.push(empty_text(sources, Some(&a.loc), text, Some(code), lang));
                }
            }
        }
        for c in &rule.cautions {
            for code in empty_langs(&c.text) {
                let text = TextOf::Caution {
                    rule: rule.id.clone(),
                };
                out.push(empty_text(sources, Some(&c.loc), text, Some(code), lang));
            }
        }
    }
}

/// The finding of an empty `text` of the item at `item`, placed at the text itself when it can
/// be found there.
fn empty_text(
    sources: &SourceMap,
    item: Option<&Loc>,
    text: TextOf,
    language: Option<&str>,
    lang: Lang,
) -> Diagnostic {
    let at = item.map(|item| text_loc(sources, item, &text, language).unwrap_or(item.clone()));
    let problem = LintProblem::EmptyText {
        text,
        language: language.map(str::to_string),
    };
    match at {
        Some(at) => problem.diagnostic(at, lang),
        None => problem.unplaced(lang),
    }
}

/// Where the empty text is written, found in the item's own table (from `item`, its header, to
/// the next table): the line `key = …`, and within it `language = "…"` when the text is written
/// per language. `None` when it is written another way (a dotted key, a sub-table) or the item
/// is an option or a value, whose table the pack does not locate: the item's header is shown
/// then.
fn text_loc(sources: &SourceMap, item: &Loc, text: &TextOf, language: Option<&str>) -> Option<Loc> {
    let key = match text {
        TextOf::Item {
            kind: Item::Option | Item::Value,
            ..
        } => return None,
        TextOf::Item { key, .. } | TextOf::Action { part: key, .. } => *key,
        TextOf::Caution { .. } => "text",
        TextOf::Pack(_) => return None,
    };
    let source = &sources.get(item.file).text;
    let start = source.get(item.span.start..)?.find('\n')? + item.span.start + 1;
    let mut at = start;
    for line in source[start..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            return None;
        }
        if let Some(value) = trimmed
            .strip_prefix(key)
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix('='))
        {
            let value_start = at + line.len() - value.len();
            let value = value.trim_end();
            let span = language
                .and_then(|l| {
                    let entry = value.find(&format!("{l} ="))?;
                    let quote = value[entry..].find('"')? + entry;
                    let close = value[quote + 1..].find('"')? + quote + 1;
                    Some(entry..close + 1)
                })
                .unwrap_or(value.len() - value.trim_start().len()..value.len());
            return Some(Loc::new(
                item.file,
                value_start + span.start..value_start + span.end,
            ));
        }
        at += line.len();
    }
    None
}

/// Whether `c` is a Chinese character (CJK unified ideographs and their extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// One text of a pack item.
fn item(kind: Item, id: &str, key: &'static str) -> TextOf {
    TextOf::Item {
        kind,
        id: id.to_string(),
        key,
    }
}

/// The languages in which a template has no visible words.
fn empty_langs(template: &Template) -> Vec<&'static str> {
    template
        .by_lang
        .iter()
        .filter(|(_, segments)| {
            segments.iter().all(|s| match s {
                Segment::Literal(text) => text.trim().is_empty(),
                Segment::Value(_) => false,
            })
        })
        .map(|(l, _)| l.code())
        .collect()
}

fn unused_questions(pack: &Pack, lang: Lang, out: &mut Vec<Diagnostic>) {
    let mut read = vec![false; pack.questions.len()];
    let mut mark = |var: Var| {
        if let Var::Question(i) = var {
            read[i] = true;
        }
    };
    crate::analysis::encode::for_each_condition(pack, &mut |c| {
        c.for_each_test(&mut |t| mark(t.var))
    });
    for d in &pack.derived {
        if let DerivedKind::Sum { terms } = &d.kind {
            terms.iter().for_each(|t| mark(*t));
        }
    }
    for rule in &pack.rules {
        let templates = rule
            .actions
            .iter()
            .flat_map(|a| {
                [&a.owner, &a.indicator, &a.text, &a.why]
                    .into_iter()
                    .chain(&a.partners)
            })
            .chain(rule.cautions.iter().map(|c| &c.text));
        for template in templates {
            for segment in template.by_lang.values().flatten() {
                if let Segment::Value(var) = segment {
                    mark(*var);
                }
            }
        }
    }
    if let Some(t) = &pack.timeline {
        mark(Var::Question(t.months));
    }
    if let Some(o) = pack.organization {
        mark(Var::Question(o));
    }
    for (i, q) in pack.questions.iter().enumerate() {
        if !read[i] && !q.diagnosis {
            let problem = LintProblem::UnusedQuestion {
                question: q.id.clone(),
            };
            out.push(problem.diagnostic(q.loc.clone(), lang));
        }
    }
}
