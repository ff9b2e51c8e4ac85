//! Synthetic rule packs of any size, for benchmarks and the performance figures in
//! `docs/performance.md`. The packs are valid, deterministic for a given size, and shaped like
//! real ones: choice, yes/no and number questions, some skip logic, derived facts, and rules
//! whose conditions mix `is`, `has`, comparisons, `and`, `or` and `not`.

use std::fmt::Write as _;

/// A tiny deterministic generator (xorshift64), so the same size gives the same pack.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The kind of synthetic question `i`.
fn kind(i: usize) -> &'static str {
    match i % 4 {
        0 => "single",
        1 => "multi",
        2 => "bool",
        _ => "number",
    }
}

/// A test on question `q`, true for the answers of [`answers_toml`] about half the time.
fn test(rng: &mut Rng, q: usize) -> String {
    let option = rng.below(4);
    match kind(q) {
        "single" => format!("q{q} is o{option}"),
        "multi" => format!("q{q} has any [o{option}, o{}]", (option + 1) % 5),
        "bool" => format!("q{q}"),
        _ => format!("q{q} >= {}", rng.below(100)),
    }
}

/// A pack with `questions` questions (at least 4) and `rules` rules, as TOML.
pub fn pack_toml(questions: usize, rules: usize) -> String {
    let questions = questions.max(4);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ (questions as u64) << 20 ^ rules as u64);
    let mut out = String::new();
    let _ = write!(
        out,
        "[pack]\nid = \"synthetic\"\nversion = \"1.0.0\"\ntitle = {{ zh = \"合成规则包\", en = \"Synthetic pack\" }}\nlanguages = [\"zh\", \"en\"]\ndefault_lang = \"en\"\n\n[pack.timeline]\nmonths = \"q3\"\nmin_months = 3\n\n"
    );
    for (p, window) in ["[0.0, 0.2]", "[0.1, 0.5]", "[0.3, 0.9]", "[0.8, 1.2]"]
        .iter()
        .enumerate()
    {
        let _ = write!(
            out,
            "[[phase]]\nid = \"p{p}\"\ntitle = {{ zh = \"阶段{p}\", en = \"Phase {p}\" }}\nwindow = {window}\n\n"
        );
    }
    out.push_str("[[speaker]]\nid = \"s\"\nname = \"Speaker\"\n\n");
    for q in 0..questions {
        let _ = write!(
            out,
            "[[question]]\nid = \"q{q}\"\nkind = \"{}\"\nprompt = {{ zh = \"问题{q}？\", en = \"Question {q}?\" }}\nhelp = {{ zh = \"说明{q}\", en = \"Help {q}\" }}\n",
            kind(q)
        );
        // Every eighth question is asked only when an earlier yes/no question is yes.
        if q % 8 == 6 {
            let _ = writeln!(out, "when = \"q{}\"", q - 4);
        }
        match kind(q) {
            "single" | "multi" => {
                let n = if kind(q) == "single" { 4 } else { 5 };
                for o in 0..n {
                    let _ = write!(
                        out,
                        "\n[[question.option]]\nid = \"o{o}\"\nlabel = {{ zh = \"选项{o}\", en = \"option {o}\" }}\nscore = {o}\n"
                    );
                }
            }
            "number" => out.push_str("min = 0\nmax = 120\n"),
            _ => {}
        }
        out.push('\n');
    }
    out.push_str("[[derived]]\nid = \"total\"\nlabel = { zh = \"总分\", en = \"Total\" }\nsum = [\"q0\", \"q1\"]\n\n");
    out.push_str("[[derived]]\nid = \"band\"\nlabel = { zh = \"档次\", en = \"Band\" }\n\n[[derived.value]]\nid = \"high\"\nlabel = { zh = \"高\", en = \"high\" }\n\n[[derived.value]]\nid = \"low\"\nlabel = { zh = \"低\", en = \"low\" }\n\n[[derived.case]]\nwhen = \"total >= 4\"\nvalue = \"high\"\n\n[[derived.case]]\nvalue = \"low\"\n\n");
    for r in 0..rules {
        let a = rng.below(questions);
        let b = rng.below(questions);
        let c = rng.below(questions);
        let (ta, tb, tc) = (test(&mut rng, a), test(&mut rng, b), test(&mut rng, c));
        let when = match r % 3 {
            0 => format!("{ta} and ({tb} or not {tc})"),
            1 => format!("{ta} or band is high"),
            _ => format!("not ({ta}) and {tb}"),
        };
        let _ = write!(
            out,
            "[[rule]]\nid = \"r{r}\"\nwhen = \"{when}\"\n\n[[rule.action]]\nphase = \"p{}\"\nconcept = \"c{}\"\nspeaker = \"s\"\npriority = {}\nowner = {{ zh = \"负责人\", en = \"Lead\" }}\nindicator = {{ zh = \"指标{r}\", en = \"Indicator {r}\" }}\ntext = {{ zh = \"行动{r}：q{a} 是 {{q{a}}}\", en = \"Action {r}: q{a} is {{q{a}}}\" }}\nwhy = {{ zh = \"理由{r}\", en = \"Reason {r}\" }}\n\n",
            r % 4,
            r % 50,
            r % 7
        );
    }
    // One rule per phase that always fires, as real packs have.
    for p in 0..4 {
        let _ = write!(
            out,
            "[[rule]]\nid = \"always-p{p}\"\n\n[[rule.action]]\nphase = \"p{p}\"\nconcept = \"always{p}\"\nspeaker = \"s\"\nowner = \"Lead\"\nindicator = \"Done\"\ntext = \"Always {p}\"\nwhy = \"Because\"\n\n"
        );
    }
    out
}

/// A complete answers file for [`pack_toml`] of the same size: every question answered,
/// except those its skip logic does not ask.
pub fn answers_toml(questions: usize) -> String {
    let questions = questions.max(4);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ questions as u64);
    let mut out = String::from("pack = \"synthetic\"\nlang = \"en\"\n\n[answers]\n");
    let mut bools = vec![false; questions];
    for q in 0..questions {
        if q % 8 == 6 && !bools[q - 4] {
            continue;
        }
        let _ = match kind(q) {
            "single" => writeln!(out, "q{q} = \"o{}\"", rng.below(4)),
            "multi" => writeln!(out, "q{q} = [\"o{}\", \"o4\"]", rng.below(4)),
            "bool" => {
                bools[q] = rng.below(2) == 0;
                writeln!(out, "q{q} = {}", bools[q])
            }
            _ => writeln!(out, "q{q} = {}", rng.below(121)),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::answers::file;
    use crate::lang::Lang;
    use crate::pack::build::{PackFiles, build};
    use crate::source::SourceMap;

    #[test]
    fn synthetic_packs_load_and_their_answers_are_complete() {
        for (questions, rules) in [(4, 0), (20, 50), (60, 400)] {
            let mut sources = SourceMap::new();
            let text = pack_toml(questions, rules);
            let id = sources.add("synthetic.toml", None, Arc::from(text.as_str()));
            let raw = toml::from_str(&text).unwrap();
            let (pack, diags) = build(
                PackFiles {
                    id: "synthetic".into(),
                    files: vec![(id, raw)],
                    origin: "test".into(),
                },
                &sources,
                Lang::En,
            );
            assert!(!diags.has_errors(), "{:?}", diags.items());
            let pack = pack.unwrap();
            assert_eq!(pack.questions.len(), questions);
            assert_eq!(pack.rules.len(), rules + 4);
            let answers = sources.add(
                "answers.toml",
                None,
                Arc::from(answers_toml(questions).as_str()),
            );
            let parsed = file::parse(answers, &sources, Lang::En).unwrap();
            let (eval, warnings) =
                file::resolve(&pack, &parsed.entries, answers, Lang::En).unwrap();
            assert!(warnings.is_empty(), "{:?}", warnings.items());
            assert!(eval.fired.len() >= 4);
        }
    }
}
