//! Synthetic rule packs of any size, for benchmarks and the performance figures in
//! `docs/performance.md`. The packs are valid, deterministic for a given size, and shaped like
//! real ones: choice, yes/no and number questions, some skip logic, derived facts, a length
//! budget that defers actions when one answer is yes, and rules
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

/// The most rules [`pack_files`] puts in one file, so every file stays far below the 4 MiB
/// limit on pack files (5,000 rules are about 1.9 MB).
pub const RULES_PER_FILE: usize = 5_000;

/// A pack with `questions` questions (at least 4) and `rules` rules, as one TOML file.
///
/// Above a few thousand rules the file is larger than the limit on pack files; use
/// [`pack_files`] to write such packs.
pub fn pack_toml(questions: usize, rules: usize) -> String {
    let questions = questions.max(4);
    let mut rng = seed(questions, rules);
    let mut out = head(questions);
    for r in 0..rules {
        rule(&mut out, &mut rng, questions, r);
    }
    always_rules(&mut out);
    out
}

/// The same pack as [`pack_toml`], as files of one folder: `00-pack.toml` with the pack, its
/// questions and derived facts, then `10-rules-NNN.toml` files of at most [`RULES_PER_FILE`]
/// rules each, which say `extends = "synthetic"`. Returns (file name, text) pairs in order.
pub fn pack_files(questions: usize, rules: usize) -> Vec<(String, String)> {
    let questions = questions.max(4);
    let mut rng = seed(questions, rules);
    let mut first = head(questions);
    always_rules(&mut first);
    let mut files = vec![("00-pack.toml".to_string(), first)];
    for (n, start) in (0..rules).step_by(RULES_PER_FILE).enumerate() {
        let mut out = String::from("extends = \"synthetic\"\n\n");
        for r in start..rules.min(start + RULES_PER_FILE) {
            rule(&mut out, &mut rng, questions, r);
        }
        files.push((format!("10-rules-{n:03}.toml"), out));
    }
    files
}

/// The generator for a pack of this size.
fn seed(questions: usize, rules: usize) -> Rng {
    Rng(0x2545_F491_4F6C_DD1D ^ (questions as u64) << 20 ^ rules as u64)
}

/// `[pack]`, phases, the speaker, the questions and the derived facts.
fn head(questions: usize) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "[pack]\nid = \"synthetic\"\nversion = \"1.0.0\"\ntitle = {{ zh = \"合成规则包\", en = \"Synthetic pack\" }}\nlanguages = [\"zh\", \"en\"]\ndefault_lang = \"en\"\n\n[pack.timeline]\nmonths = \"q3\"\nmin_months = 3\n\n[pack.focus]\nfirst_steps = 3\n\n[[pack.focus.budget]]\nwhen = \"q2\"\nmax = 40\n\n"
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
    out
}

/// Rule `r`, appended to `out`.
fn rule(out: &mut String, rng: &mut Rng, questions: usize, r: usize) {
    let a = rng.below(questions);
    let b = rng.below(questions);
    let c = rng.below(questions);
    let (ta, tb, tc) = (test(rng, a), test(rng, b), test(rng, c));
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

/// One rule per phase that always fires, as real packs have.
fn always_rules(out: &mut String) {
    for p in 0..4 {
        let _ = write!(
            out,
            "[[rule]]\nid = \"always-p{p}\"\n\n[[rule.action]]\nphase = \"p{p}\"\nconcept = \"always{p}\"\nspeaker = \"s\"\nowner = \"Lead\"\nindicator = \"Done\"\ntext = \"Always {p}\"\nwhy = \"Because\"\n\n"
        );
    }
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
    use crate::pack::load::{MAX_FILE_SIZE, load, load_text};
    use crate::source::SourceMap;

    #[test]
    fn synthetic_packs_load_and_their_answers_are_complete() {
        for (questions, rules) in [(4, 0), (20, 50), (60, 400)] {
            let mut sources = SourceMap::new();
            let text = pack_toml(questions, rules);
            let (pack, diags) =
                load_text(&mut sources, "synthetic.toml", &text, "synthetic", Lang::En);
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
                crate::engine::resolve(&pack, &parsed.entries, answers, Lang::En).unwrap();
            assert!(warnings.is_empty(), "{:?}", warnings.items());
            assert!(eval.fired.len() >= 4);
        }
    }

    #[test]
    fn large_packs_are_split_into_files_under_the_size_limit_and_load_as_one_pack() {
        let rules = RULES_PER_FILE * 2 + 7;
        let files = pack_files(60, rules);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "00-pack.toml",
                "10-rules-000.toml",
                "10-rules-001.toml",
                "10-rules-002.toml"
            ]
        );
        assert!(files.iter().all(|(_, t)| (t.len() as u64) < MAX_FILE_SIZE));
        // The same rules as the single-file pack, only spread over files.
        let single = pack_toml(60, rules);
        for (_, text) in &files[1..] {
            let body = text.strip_prefix("extends = \"synthetic\"\n\n").unwrap();
            assert!(single.contains(body));
        }
        let dir = tempfile::tempdir().unwrap();
        let pack_dir = dir.path().join("synthetic");
        std::fs::create_dir(&pack_dir).unwrap();
        for (name, text) in &files {
            std::fs::write(pack_dir.join(name), text).unwrap();
        }
        let catalog = load(&[pack_dir], Lang::En);
        assert!(
            !catalog.diagnostics.has_errors(),
            "{:?}",
            catalog.diagnostics.items()
        );
        let pack = catalog.pack("synthetic").unwrap();
        assert_eq!(pack.questions.len(), 60);
        assert_eq!(pack.rules.len(), rules + 4);
    }
}
