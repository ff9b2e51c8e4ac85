//! Checks on what a pack says rather than on its logic: empty texts, and questions whose
//! answer nothing reads.

use crate::condition::Var;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::pack::placeholder::Segment;
use crate::pack::{DerivedKind, Pack, Template};
use crate::source::{Loc, SourceMap};
use crate::text::LocalText;
use crate::tr;

use super::{EMPTY_TEXT, SINGLE_LANGUAGE, UNUSED_QUESTION};

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
            let written = sources.get(loc.file).text.get(loc.span.clone()).unwrap_or("");
            let fix = if written.chars().count() > 40 || written.contains('\n') {
                "{ zh = \"…\", en = \"…\" }".to_string()
            } else if written.chars().any(is_han) {
                format!("{{ zh = {written}, en = \"…\" }}")
            } else {
                format!("{{ zh = \"…\", en = {written} }}")
            };
            Diagnostic::warning(
                SINGLE_LANGUAGE,
                tr!(
                    lang,
                    "规则包用 {languages} 两种语言，这段文字只写了一种：两种语言的计划都会显示同样的文字",
                    "the pack is written in {languages}, but this text is a plain string: plans in every language show the same words"
                ),
            )
            .at(
                loc.clone(),
                tr!(lang, "只有一种语言", "one language only"),
            )
            .help(tr!(
                lang,
                "写成 `{fix}`，每种语言一段（名字等各语言相同的文字可以忽略这个警告）",
                "write `{fix}`, one text per language (ignore this for words that are the same in every language, such as names)"
            ))
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
    let mut texts: Vec<(String, Option<Loc>, &LocalText)> = Vec::new();
    let pack_loc = find_id(pack, sources, &pack.id);
    texts.push(("pack.title".into(), pack_loc.clone(), &pack.title));
    texts.extend(
        pack.description
            .iter()
            .map(|t| ("pack.description".into(), pack_loc.clone(), t)),
    );
    for p in &pack.phases {
        texts.push((
            text_name(lang, PHASE, &p.id, "title"),
            Some(p.loc.clone()),
            &p.title,
        ));
        texts.extend(p.summary.iter().map(|t| {
            (
                text_name(lang, PHASE, &p.id, "summary"),
                Some(p.loc.clone()),
                t,
            )
        }));
    }
    for s in &pack.speakers {
        let loc = find_id(pack, sources, &s.id);
        texts.push((
            text_name(lang, SPEAKER, &s.id, "name"),
            loc.clone(),
            &s.name,
        ));
        texts.extend(s.affiliation.iter().map(|t| {
            (
                text_name(lang, SPEAKER, &s.id, "affiliation"),
                loc.clone(),
                t,
            )
        }));
        texts.extend(
            s.framework
                .iter()
                .map(|t| (text_name(lang, SPEAKER, &s.id, "framework"), loc.clone(), t)),
        );
        texts.extend(
            s.basis
                .iter()
                .map(|t| (text_name(lang, SPEAKER, &s.id, "basis"), loc.clone(), t)),
        );
    }
    for s in &pack.sections {
        let loc = find_id(pack, sources, &s.id);
        texts.push((
            text_name(lang, SECTION, &s.id, "title"),
            loc.clone(),
            &s.title,
        ));
        texts.extend(
            s.intro
                .iter()
                .map(|t| (text_name(lang, SECTION, &s.id, "intro"), loc.clone(), t)),
        );
    }
    for q in &pack.questions {
        let loc = Some(q.loc.clone());
        texts.push((
            text_name(lang, QUESTION, &q.id, "prompt"),
            loc.clone(),
            &q.prompt,
        ));
        texts.push((
            text_name(lang, QUESTION, &q.id, "help"),
            loc.clone(),
            &q.help,
        ));
        texts.extend(
            q.short
                .iter()
                .map(|t| (text_name(lang, QUESTION, &q.id, "short"), loc.clone(), t)),
        );
        texts.extend(
            q.if_empty
                .iter()
                .map(|t| (text_name(lang, QUESTION, &q.id, "if_empty"), loc.clone(), t)),
        );
        for o in q.kind.options() {
            texts.push((
                text_name(lang, OPTION, &format!("{}.{}", q.id, o.id), "label"),
                loc.clone(),
                &o.label,
            ));
            texts.extend(o.help.iter().map(|t| {
                (
                    text_name(lang, OPTION, &format!("{}.{}", q.id, o.id), "help"),
                    loc.clone(),
                    t,
                )
            }));
        }
    }
    for d in &pack.derived {
        let loc = Some(d.loc.clone());
        texts.push((
            text_name(lang, DERIVED, &d.id, "label"),
            loc.clone(),
            &d.label,
        ));
        texts.extend(
            d.help
                .iter()
                .map(|t| (text_name(lang, DERIVED, &d.id, "help"), loc.clone(), t)),
        );
        if let DerivedKind::Classify { values, .. } = &d.kind {
            for v in values {
                texts.push((
                    text_name(lang, VALUE, &format!("{}.{}", d.id, v.id), "label"),
                    loc.clone(),
                    &v.label,
                ));
                texts.extend(v.blocks.iter().map(|t| {
                    (
                        text_name(lang, VALUE, &format!("{}.{}", d.id, v.id), "blocks"),
                        loc.clone(),
                        t,
                    )
                }));
            }
        }
    }
    for (name, loc, text) in texts {
        for (code, words) in text.entries() {
            if words.trim().is_empty() {
                out.push(empty(lang, &name, code, loc.clone()));
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
                    let name = tr!(
                        lang,
                        "规则 `{}` 中行动 `{}` 的 `{part}`",
                        "rule `{}` action `{}` {part}",
                        rule.id,
                        a.concept
                    );
                    out.push(empty(lang, &name, Some(code), Some(a.loc.clone())));
                }
            }
        }
        for c in &rule.cautions {
            for code in empty_langs(&c.text) {
                let name = tr!(lang, "规则 `{}` 的注意事项", "rule `{}` caution", rule.id);
                out.push(empty(lang, &name, Some(code), Some(c.loc.clone())));
            }
        }
    }
}

/// Whether `c` is a Chinese character (CJK unified ideographs and their extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Kinds of pack items, as messages name them in Chinese and in English.
const PHASE: (&str, &str) = ("阶段", "phase");
const SPEAKER: (&str, &str) = ("讲者", "speaker");
const SECTION: (&str, &str) = ("部分", "section");
const QUESTION: (&str, &str) = ("问题", "question");
const OPTION: (&str, &str) = ("选项", "option");
const DERIVED: (&str, &str) = ("派生事实", "derived");
const VALUE: (&str, &str) = ("取值", "value");

/// Names one text of a pack item: "phase `act` title", "阶段 `act` 的 `title`".
fn text_name(lang: Lang, (zh, en): (&str, &str), id: &str, key: &str) -> String {
    tr!(lang, "{zh} `{id}` 的 `{key}`", "{en} `{id}` {key}")
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

fn empty(lang: Lang, name: &str, code: Option<&str>, loc: Option<Loc>) -> Diagnostic {
    let message = match code {
        Some(c) => tr!(lang, "{name}（{c}）是空的", "{name} ({c}) is empty"),
        None => tr!(lang, "{name} 是空的", "{name} is empty"),
    };
    let d = Diagnostic::error(EMPTY_TEXT, message).help(tr!(
        lang,
        "写上文字，或删除这个可选的键",
        "write the text, or remove the key if it is optional"
    ));
    match loc {
        Some(loc) => d.at(loc, tr!(lang, "文字为空", "empty text here")),
        None => d,
    }
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
            out.push(
                Diagnostic::warning(UNUSED_QUESTION, tr!(lang, "问题 `{}` 的答案没有被任何条件、派生事实或文字读取", "no condition, derived fact or text reads question `{}`", q.id))
                    .at(q.loc.clone(), tr!(lang, "答了也不影响计划", "its answer never changes the plan"))
                    .help(tr!(lang, "在条件或 {{{}}} 占位符中使用它，设 `diagnosis = true` 在诊断中显示，或删除它", "use it in a condition or a {{{}}} placeholder, show it with `diagnosis = true`, or remove it", q.id)),
            );
        }
    }
}
