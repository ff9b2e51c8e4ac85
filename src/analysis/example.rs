//! Counterexamples as ready-to-run answers files.

use crate::answers::Answers;
use crate::lang::Lang;
use crate::pack::Pack;
use crate::tr;

/// Writes answers as an answers file for `fulcrum plan --answers`, with a comment saying what
/// it shows.
pub fn answers_file(pack: &Pack, lang: Lang, answers: &Answers, shows: &str) -> String {
    let mut out = String::new();
    for line in shows.lines() {
        out.push_str(&format!("# {line}\n"));
    }
    out.push_str(&format!(
        "# {}\n",
        tr!(
            lang,
            "由 `fulcrum rules lint` 生成",
            "written by `fulcrum rules lint`"
        )
    ));
    out.push_str(&format!(
        "pack = {}\n",
        toml::Value::String(pack.id.clone())
    ));
    out.push_str(&format!(
        "lang = \"{}\"\n\n[answers]\n",
        pack.resolve_lang(Some(lang)).code()
    ));
    for (question, answer) in pack.questions.iter().zip(answers) {
        if let Some(value) = answer {
            out.push_str(&format!(
                "{} = {}\n",
                key(&question.id),
                value.to_toml(question)
            ));
        }
    }
    out
}

/// A TOML key: bare when it can be, quoted otherwise.
fn key(id: &str) -> String {
    let bare = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        id.to_string()
    } else {
        toml::Value::String(id.to_string()).to_string()
    }
}
