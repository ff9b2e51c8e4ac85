//! Checks the files of one pack and builds the [`Pack`] model, reporting every problem at once.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::raw::{RawAction, RawDerived, RawFile, RawQuestion, RawRule, Str, Text};
use super::template::{self, TemplateError};
use super::{
    Action, Budget, Case, Caution, Choice, Derived, DerivedKind, DerivedValue, Focus, MAX_OPTIONS,
    Pack, PackOrigin, PackTest, Phase, Question, QuestionKind, Rule, Section, SourceKind, Speaker,
    Template, Timeline,
};
use crate::answers::check_value;
use crate::condition::{self, Condition, Domain, Scope, Var};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean, list_names};
use crate::lang::Lang;
use crate::source::{FileId, Loc, SourceMap, StringOrigin};
use crate::text::LocalText;
use crate::tr;

/// The files that make up one pack, in load order.
pub struct PackFiles {
    /// The pack id the files were grouped under.
    pub id: String,
    /// Parsed files.
    pub files: Vec<(FileId, RawFile)>,
    /// How `rules list` describes where the pack came from.
    pub origin: String,
}

/// Default longest text answer, in characters.
const DEFAULT_MAX_LENGTH: i64 = 500;
/// How many derived facts deep a derived fact may read.
pub const MAX_DERIVED_DEPTH: usize = 32;
/// Default priority of an action.
const DEFAULT_PRIORITY: i64 = 100;

/// Checks a pack's files and builds it. Returns `None` when any error was found; warnings
/// (such as a text missing in one language) are returned either way.
pub fn build(input: PackFiles, sources: &SourceMap, lang: Lang) -> (Option<Pack>, Diagnostics) {
    let mut builder = Builder {
        sources,
        lang,
        diags: Diagnostics::new(),
        languages: Vec::new(),
        ids: HashMap::new(),
    };
    let pack = builder.pack(input);
    let pack = if builder.diags.has_errors() {
        None
    } else {
        pack
    };
    (pack, builder.diags)
}

struct Builder<'a> {
    sources: &'a SourceMap,
    lang: Lang,
    diags: Diagnostics,
    languages: Vec<Lang>,
    /// First definition of each id, per kind of thing, for duplicate reports.
    ids: HashMap<(&'static str, String), Loc>,
}

/// Names that conditions and templates can read.
struct Names<'p> {
    questions: &'p [Question],
    derived: &'p [Derived],
    map: &'p HashMap<String, Var>,
    /// Questions and derived facts left out because their definitions have errors.
    broken: &'p HashSet<String>,
}

impl Scope for Names<'_> {
    fn resolve(&self, name: &str) -> Option<(Var, Domain<'_>)> {
        let var = *self.map.get(name)?;
        Some((var, super::domain_of(self.questions, self.derived, var)))
    }

    fn names(&self) -> Vec<&str> {
        sorted_names(self.map)
    }

    fn is_broken(&self, name: &str) -> bool {
        self.broken.contains(name)
    }
}

/// The names of `map` in alphabetical order, so that "known names" hints read the same on
/// every run (a hash map's order changes from run to run).
fn sorted_names(map: &HashMap<String, Var>) -> Vec<&str> {
    let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
    names.sort_unstable();
    names
}

impl Builder<'_> {
    fn loc(&self, file: FileId, span: Range<usize>) -> Loc {
        Loc::new(file, span)
    }

    fn error(
        &mut self,
        code: &'static str,
        loc: Loc,
        message: String,
        label: String,
    ) -> &mut Diagnostic {
        self.diags
            .push_mut(Diagnostic::error(code, message).at(loc, label))
    }

    /// Records an id; reports a duplicate when it was seen before.
    /// Reports an id, version or concept that holds a control character or escape sequence:
    /// they are printed in plans, lists and messages.
    fn plain(&mut self, file: FileId, value: &Str) {
        let lang = self.lang;
        if let Some(bad) = value
            .get_ref()
            .chars()
            .find(|c| crate::terminal::is_unsafe(*c))
        {
            self.error(
                "P011",
                self.loc(file, value.span()),
                tr!(
                    lang,
                    "含有控制字符 U+{:04X}",
                    "contains the control character U+{:04X}",
                    bad as u32
                ),
                tr!(
                    lang,
                    "不能包含控制字符或终端转义序列",
                    "control characters and terminal escape sequences are not allowed"
                ),
            );
        }
    }

    fn unique(&mut self, kind: &'static str, file: FileId, id: &Str) -> bool {
        let loc = self.loc(file, id.span());
        let lang = self.lang;
        self.plain(file, id);
        if id.get_ref().trim().is_empty() {
            self.error(
                "P007",
                loc,
                tr!(lang, "{kind} 的 id 为空", "empty {kind} id"),
                tr!(lang, "需要 id", "an id is needed"),
            );
            return false;
        }
        match self.ids.get(&(kind, id.get_ref().clone())) {
            Some(first) => {
                let first = self.sources.describe(first);
                self.error(
                    "P002",
                    loc,
                    tr!(
                        lang,
                        "重复的 {kind} id `{}`",
                        "duplicate {kind} id `{}`",
                        id.get_ref()
                    ),
                    tr!(lang, "已在 {first} 定义", "already defined at {first}"),
                )
                .help
                .push(tr!(
                    lang,
                    "同一规则包的所有文件中，id 必须唯一",
                    "ids must be unique across all files of a pack"
                ));
                false
            }
            None => {
                self.ids.insert((kind, id.get_ref().clone()), loc);
                true
            }
        }
    }

    /// Checks a localized text: known languages only, every pack language present, no control
    /// characters.
    fn text(&mut self, file: FileId, text: &Text) -> LocalText {
        let lang = self.lang;
        let loc = self.loc(file, text.span());
        for (code, content) in text.get_ref().entries() {
            if let Some(code) = code
                && (code.parse::<Lang>().is_err() || code.len() != 2)
            {
                let hint = did_you_mean(code, ["zh", "en"])
                    .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                    .unwrap_or_default();
                self.error(
                    "P007",
                    loc.clone(),
                    tr!(lang, "未知的语言 `{code}`", "unknown language `{code}`"),
                    tr!(lang, "只支持 zh 和 en", "only `zh` and `en` are supported"),
                )
                .help
                .push(hint);
                continue;
            }
            if let Some(bad) = content.chars().find(|c| crate::terminal::is_unsafe(*c)) {
                self.error(
                    "P011",
                    loc.clone(),
                    tr!(
                        lang,
                        "文字中含有控制字符 U+{:04X}",
                        "text contains the control character U+{:04X}",
                        bad as u32
                    ),
                    tr!(
                        lang,
                        "不能包含控制字符或终端转义序列",
                        "control characters and terminal escape sequences are not allowed"
                    ),
                );
            }
        }
        if let LocalText::ByLang(map) = text.get_ref() {
            let missing: Vec<&str> = self
                .languages
                .iter()
                .filter(|l| !map.contains_key(l.code()))
                .map(|l| l.code())
                .collect();
            if !missing.is_empty() {
                let missing = missing.join(", ");
                self.diags.push(
                    Diagnostic::warning(
                        "P004",
                        tr!(
                            lang,
                            "文字缺少语言：{missing}",
                            "text missing in: {missing}"
                        ),
                    )
                    .at(
                        loc,
                        tr!(
                            lang,
                            "将使用另一种语言代替",
                            "the other language will be shown instead"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "补上 `{missing} = \"…\"`",
                        "add `{missing} = \"…\"`"
                    )),
                );
            }
        }
        text.get_ref().clone()
    }

    fn opt_text(&mut self, file: FileId, text: &Option<Text>) -> Option<LocalText> {
        text.as_ref().map(|t| self.text(file, t))
    }

    fn pack(&mut self, input: PackFiles) -> Option<Pack> {
        let lang = self.lang;
        let metas: Vec<(FileId, &Spanned<super::raw::RawPackMeta>)> = input
            .files
            .iter()
            .filter_map(|(f, raw)| raw.pack.as_ref().map(|m| (*f, m)))
            .collect();
        let Some(&(meta_file, meta)) = metas.first() else {
            let file = input.files.first().map_or(FileId(0), |(f, _)| *f);
            self.error(
                "P008",
                self.loc(file, 0..0),
                tr!(
                    lang,
                    "规则包 `{}` 没有 [pack] 表",
                    "pack `{}` has no [pack] table",
                    input.id
                ),
                tr!(lang, "缺少 [pack]", "no [pack] here"),
            )
            .help
            .push(tr!(
                lang,
                "在规则包的某一个文件中加上 [pack]（id、version、title、languages、default_lang）",
                "add [pack] (id, version, title, languages, default_lang) to one file of the pack"
            ));
            return None;
        };
        for &(file, extra) in metas.iter().skip(1) {
            let first = self.sources.describe(&self.loc(meta_file, meta.span()));
            self.error("P008", self.loc(file, extra.span()), tr!(lang, "规则包只能有一个 [pack] 表", "a pack has exactly one [pack] table"), tr!(lang, "第二个 [pack]", "second [pack]"))
                .help
                .push(tr!(lang, "第一个在 {first}；其他文件用 `extends = \"id\"` 或放在同一文件夹", "the first is at {first}; other files join with `extends = \"id\"` or by sharing its folder"));
        }
        let meta = meta.get_ref();
        self.plain(meta_file, &meta.id);
        self.plain(meta_file, &meta.version);
        let mut languages = Vec::new();
        for code in meta.languages.get_ref() {
            match code.get_ref().parse::<Lang>() {
                Ok(l) if !languages.contains(&l) => languages.push(l),
                Ok(_) => {}
                Err(_) => {
                    self.error(
                        "P007",
                        self.loc(meta_file, code.span()),
                        tr!(
                            lang,
                            "不支持的语言 `{}`",
                            "unsupported language `{}`",
                            code.get_ref()
                        ),
                        tr!(lang, "只支持 zh 和 en", "only `zh` and `en` are supported"),
                    );
                }
            }
        }
        if languages.is_empty() {
            self.error(
                "P007",
                self.loc(meta_file, meta.languages.span()),
                tr!(lang, "languages 不能为空", "`languages` must not be empty"),
                tr!(
                    lang,
                    "例如 [\"zh\", \"en\"]",
                    "for example [\"zh\", \"en\"]"
                ),
            );
            languages.push(Lang::En);
        }
        self.languages = languages.clone();
        let default_lang = match meta.default_lang.get_ref().parse::<Lang>() {
            Ok(l) if languages.contains(&l) => l,
            _ => {
                self.error(
                    "P007",
                    self.loc(meta_file, meta.default_lang.span()),
                    tr!(
                        lang,
                        "default_lang 必须是 languages 之一",
                        "`default_lang` must be one of `languages`"
                    ),
                    tr!(lang, "不在 languages 中", "not in `languages`"),
                );
                languages[0]
            }
        };
        let title = self.text(meta_file, &meta.title);
        let description = self.opt_text(meta_file, &meta.description);

        let mut phases = Vec::new();
        let mut speakers = Vec::new();
        let mut sections = Vec::new();
        for (file, raw) in &input.files {
            let file = *file;
            for p in &raw.phase {
                let p_ref = p.get_ref();
                if !self.unique("phase", file, &p_ref.id) {
                    continue;
                }
                let window = p_ref
                    .window
                    .as_ref()
                    .and_then(|w| match w.get_ref().as_slice() {
                        [a, b] if *a >= 0.0 && a <= b && *b <= 3.0 => Some((*a, *b)),
                        _ => {
                            self.error(
                                "P007",
                                self.loc(file, w.span()),
                                tr!(
                                    lang,
                                    "window 必须是 [开始, 结束]，0 ≤ 开始 ≤ 结束 ≤ 3",
                                    "`window` must be [start, end] with 0 ≤ start ≤ end ≤ 3"
                                ),
                                tr!(lang, "无效的时间窗", "invalid window"),
                            )
                            .help
                            .push(tr!(
                                lang,
                                "以项目剩余时间为 1：例如 [0.0, 0.2] 表示前五分之一",
                                "shares of the time left: [0.0, 0.2] is the first fifth"
                            ));
                            None
                        }
                    });
                let title = self.text(file, &p_ref.title);
                let summary = self.opt_text(file, &p_ref.summary);
                let past_end_months = p_ref
                    .past_end_months
                    .as_ref()
                    .and_then(|m| self.bounded(file, m, "past_end_months", 0..=120));
                phases.push(Phase {
                    id: p_ref.id.get_ref().clone(),
                    title,
                    summary,
                    window,
                    past_end_months,
                    loc: self.loc(file, p.span()),
                });
            }
            for s in &raw.speaker {
                let s = s.get_ref();
                if !self.unique("speaker", file, &s.id) {
                    continue;
                }
                let name = self.text(file, &s.name);
                let affiliation = self.opt_text(file, &s.affiliation);
                let framework = self.opt_text(file, &s.framework);
                speakers.push(Speaker {
                    id: s.id.get_ref().clone(),
                    kind: SourceKind::Speaker,
                    basis: None,
                    name,
                    affiliation,
                    framework,
                });
            }
            for s in &raw.source {
                let s = s.get_ref();
                if !self.unique("speaker", file, &s.id) {
                    continue;
                }
                let name = self.text(file, &s.name);
                let basis = self.opt_text(file, &s.basis);
                speakers.push(Speaker {
                    id: s.id.get_ref().clone(),
                    kind: SourceKind::Practice,
                    basis,
                    name,
                    affiliation: None,
                    framework: None,
                });
            }
            for s in &raw.section {
                let s = s.get_ref();
                if !self.unique("section", file, &s.id) {
                    continue;
                }
                let title = self.text(file, &s.title);
                let intro = self.opt_text(file, &s.intro);
                sections.push(Section {
                    id: s.id.get_ref().clone(),
                    title,
                    intro,
                });
            }
        }
        if phases.is_empty() {
            self.error(
                "P008",
                self.loc(meta_file, 0..0),
                tr!(
                    lang,
                    "规则包没有任何 [[phase]]",
                    "the pack declares no [[phase]]"
                ),
                tr!(lang, "至少需要一个阶段", "at least one phase is needed"),
            );
        }

        // Questions and derived facts share one namespace. Those whose definitions have errors
        // are left out, and uses of them are not reported again.
        let mut names: HashMap<String, Var> = HashMap::new();
        let mut broken: HashSet<String> = HashSet::new();
        let mut questions = Vec::new();
        let mut raw_questions: Vec<(FileId, &RawQuestion)> = Vec::new();
        for (file, raw) in &input.files {
            for q in &raw.question {
                if !self.unique("question", *file, &q.get_ref().id)
                    || !self.free_name(*file, &q.get_ref().id, &names)
                {
                    continue;
                }
                match self.question(*file, q, &sections) {
                    Some(question) => {
                        names.insert(question.id.clone(), Var::Question(questions.len()));
                        questions.push(question);
                        raw_questions.push((*file, q.get_ref()));
                    }
                    None => {
                        broken.insert(q.get_ref().id.get_ref().clone());
                    }
                }
            }
        }
        let mut derived = Vec::new();
        let mut raw_derived: Vec<(FileId, &RawDerived)> = Vec::new();
        for (file, raw) in &input.files {
            for d in &raw.derived {
                if !self.unique("derived", *file, &d.get_ref().id)
                    || !self.free_name(*file, &d.get_ref().id, &names)
                {
                    continue;
                }
                match self.derived_shell(*file, d) {
                    Some(fact) => {
                        names.insert(fact.id.clone(), Var::Derived(derived.len()));
                        derived.push(fact);
                        raw_derived.push((*file, d.get_ref()));
                    }
                    None => {
                        broken.insert(d.get_ref().id.get_ref().clone());
                    }
                }
            }
        }

        // Defaults, conditions, sums: everything that needs every name.
        let mut whens = Vec::with_capacity(questions.len());
        let mut defaults = Vec::with_capacity(questions.len());
        let mut cases_all = Vec::with_capacity(derived.len());
        let mut sums = Vec::with_capacity(derived.len());
        {
            let scope = Names {
                questions: &questions,
                derived: &derived,
                map: &names,
                broken: &broken,
            };
            for (i, (file, raw)) in raw_questions.iter().enumerate() {
                whens.push(
                    raw.when
                        .as_ref()
                        .and_then(|w| self.condition(*file, w, &scope)),
                );
                defaults.push(raw.default.as_ref().and_then(|d| {
                    match check_value(&questions[i], d, *file, lang) {
                        Ok(v) => Some(v),
                        Err(mut diag) => {
                            diag.code = "P007";
                            diag.message =
                                tr!(lang, "默认值无效：{}", "invalid default: {}", diag.message);
                            self.diags.push(diag);
                            None
                        }
                    }
                }));
            }
            for (i, (file, raw)) in raw_derived.iter().enumerate() {
                let mut cases = Vec::new();
                if let DerivedKind::Classify { values, .. } = &derived[i].kind {
                    for c in &raw.case {
                        let c_ref = c.get_ref();
                        let when = match &c_ref.when {
                            Some(w) => match self.condition(*file, w, &scope) {
                                Some(cond) => Some(cond),
                                None => continue,
                            },
                            None => None,
                        };
                        match values.iter().position(|v| &v.id == c_ref.value.get_ref()) {
                            Some(value) => cases.push(Case {
                                when,
                                value,
                                loc: self.loc(*file, c.span()),
                            }),
                            None => {
                                let ids: Vec<&str> = values.iter().map(|v| v.id.as_str()).collect();
                                let hint = suggest(lang, c_ref.value.get_ref(), &ids);
                                self.error(
                                    "P003",
                                    self.loc(*file, c_ref.value.span()),
                                    tr!(
                                        lang,
                                        "`{}` 没有值 `{}`",
                                        "`{}` has no value `{}`",
                                        derived[i].id,
                                        c_ref.value.get_ref()
                                    ),
                                    tr!(
                                        lang,
                                        "未在 [[derived.value]] 中声明",
                                        "not declared in [[derived.value]]"
                                    ),
                                )
                                .help
                                .push(hint);
                            }
                        }
                    }
                }
                cases_all.push(cases);
                let mut terms = Vec::new();
                if let Some(sum) = &raw.sum {
                    for term in sum.get_ref() {
                        match names.get(term.get_ref()) {
                            Some(var) => terms.push(*var),
                            None if broken.contains(term.get_ref()) => {}
                            None => {
                                let known = sorted_names(&names);
                                let hint = suggest(lang, term.get_ref(), &known);
                                self.error(
                                    "P003",
                                    self.loc(*file, term.span()),
                                    tr!(
                                        lang,
                                        "未知的问题或派生事实 `{}`",
                                        "unknown question or derived fact `{}`",
                                        term.get_ref()
                                    ),
                                    tr!(lang, "未定义", "not defined"),
                                )
                                .help
                                .push(hint);
                            }
                        }
                    }
                }
                sums.push(terms);
            }
        }
        for (question, (when, default)) in questions.iter_mut().zip(whens.into_iter().zip(defaults))
        {
            question.when = when;
            question.default = default;
        }
        for (fact, (cases, terms)) in derived.iter_mut().zip(cases_all.into_iter().zip(sums)) {
            match &mut fact.kind {
                DerivedKind::Classify { cases: slot, .. } => *slot = cases,
                DerivedKind::Sum { terms: slot } => *slot = terms,
            }
        }
        let derived_order = self.derived_order(&derived);
        // Skip-order checks walk derived facts recursively: only once they are known to be
        // acyclic and shallow.
        if derived_order.len() == derived.len() && self.derived_depth(&derived, &derived_order) {
            self.check_skip_order(&questions, &derived);
        }

        let mut rules = Vec::new();
        let mut tests = Vec::new();
        let focus;
        {
            let scope = Names {
                questions: &questions,
                derived: &derived,
                map: &names,
                broken: &broken,
            };
            for (file, raw) in &input.files {
                for r in &raw.rule {
                    if !self.unique("rule", *file, &r.get_ref().id) {
                        continue;
                    }
                    if let Some(rule) = self.rule(*file, r, &scope, &phases, &speakers) {
                        rules.push(rule);
                    }
                }
                for t in &raw.test {
                    if !self.unique("test", *file, &t.get_ref().id) {
                        continue;
                    }
                    tests.push(self.test(*file, t));
                }
            }
            focus = meta
                .focus
                .as_ref()
                .and_then(|f| self.focus(meta_file, f, &scope));
        }

        let timeline = meta.timeline.as_ref().and_then(|t| {
            let t_ref = t.get_ref();
            let min_months = t_ref.min_months.as_ref().map_or(1, |m| *m.get_ref());
            if !(0..=1200).contains(&min_months) {
                self.error(
                    "P007",
                    self.loc(meta_file, t.span()),
                    tr!(
                        lang,
                        "min_months 必须在 0 到 1200 之间",
                        "`min_months` must be between 0 and 1200"
                    ),
                    tr!(lang, "超出范围", "out of range"),
                );
            }
            match names.get(t_ref.months.get_ref()) {
                Some(Var::Question(q))
                    if matches!(questions[*q].kind, QuestionKind::Number { .. }) =>
                {
                    Some(Timeline {
                        months: *q,
                        min_months,
                    })
                }
                None if broken.contains(t_ref.months.get_ref()) => None,
                _ => {
                    self.error(
                        "P003",
                        self.loc(meta_file, t_ref.months.span()),
                        tr!(
                            lang,
                            "timeline.months 必须是一个数字题",
                            "`timeline.months` must name a number question"
                        ),
                        tr!(lang, "不是数字题", "not a number question"),
                    );
                    None
                }
            }
        });
        let organization = match &meta.organization {
            Some(name) => match names.get(name.get_ref()) {
                Some(Var::Question(q))
                    if matches!(questions[*q].kind, QuestionKind::Text { .. }) =>
                {
                    Some(*q)
                }
                None if broken.contains(name.get_ref()) => None,
                _ => {
                    self.error(
                        "P003",
                        self.loc(meta_file, name.span()),
                        tr!(
                            lang,
                            "organization 必须是一个文字题",
                            "`organization` must name a text question"
                        ),
                        tr!(lang, "不是文字题", "not a text question"),
                    );
                    None
                }
            },
            None => match names.get("org_name") {
                Some(Var::Question(q))
                    if matches!(questions[*q].kind, QuestionKind::Text { .. }) =>
                {
                    Some(*q)
                }
                _ => None,
            },
        };

        if self.diags.has_errors() {
            return None;
        }
        Some(Pack {
            id: meta.id.get_ref().clone(),
            version: meta.version.get_ref().clone(),
            title,
            description,
            languages,
            default_lang,
            timeline,
            focus,
            organization,
            phases,
            speakers,
            sections,
            questions,
            derived,
            derived_order,
            rules,
            tests,
            origin: PackOrigin {
                files: input.files.iter().map(|(f, _)| *f).collect(),
                description: input.origin,
            },
            names,
        })
    }

    /// Questions and derived facts share names; reports a clash.
    fn free_name(&mut self, file: FileId, id: &Str, names: &HashMap<String, Var>) -> bool {
        if names.contains_key(id.get_ref()) {
            let lang = self.lang;
            self.error(
                "P002",
                self.loc(file, id.span()),
                tr!(
                    lang,
                    "`{}` 已被另一个问题或派生事实使用",
                    "`{}` is already the name of another question or derived fact",
                    id.get_ref()
                ),
                tr!(lang, "重名", "name taken"),
            );
            return false;
        }
        true
    }

    fn condition(&mut self, file: FileId, when: &Str, scope: &Names<'_>) -> Option<Condition> {
        let origin = StringOrigin::new(file, &self.sources.get(file).text, when.span());
        match condition::compile(when.get_ref(), &origin, scope, self.lang) {
            Ok(c) => Some(c),
            Err(errors) => {
                self.diags.extend(errors);
                None
            }
        }
    }

    fn question(
        &mut self,
        file: FileId,
        q: &Spanned<RawQuestion>,
        sections: &[Section],
    ) -> Option<Question> {
        let lang = self.lang;
        let raw = q.get_ref();
        let id = raw.id.get_ref().clone();
        let prompt = self.text(file, &raw.prompt);
        let help = self.text(file, &raw.help);
        let if_empty = self.opt_text(file, &raw.if_empty);
        let section = raw.section.as_ref().and_then(|s| {
            let found = sections.iter().position(|sec| &sec.id == s.get_ref());
            if found.is_none() {
                let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
                let hint = suggest(lang, s.get_ref(), &ids);
                self.error(
                    "P003",
                    self.loc(file, s.span()),
                    tr!(lang, "未知的部分 `{}`", "unknown section `{}`", s.get_ref()),
                    tr!(lang, "没有这个 [[section]]", "no such [[section]]"),
                )
                .help
                .push(hint);
            }
            found
        });
        let kind_name = raw.kind.get_ref().as_str();
        let not_for = |b: &mut Self, present: bool, key: &str, span: Range<usize>| {
            if present {
                b.error(
                    "P007",
                    b.loc(file, span),
                    tr!(
                        lang,
                        "`{key}` 不适用于 {kind_name} 类型的问题",
                        "`{key}` does not apply to a {kind_name} question"
                    ),
                    tr!(lang, "请删除", "remove it"),
                );
            }
        };
        let qspan = q.span();
        if !matches!(kind_name, "single" | "multi") && !raw.option.is_empty() {
            not_for(self, true, "option", qspan.clone());
        }
        if kind_name != "number" {
            not_for(
                self,
                raw.min.is_some() || raw.max.is_some(),
                "min/max",
                qspan.clone(),
            );
            not_for(self, raw.unit.is_some(), "unit", qspan.clone());
        }
        if kind_name != "multi" {
            not_for(
                self,
                raw.min_selected.is_some() || raw.max_selected.is_some(),
                "min_selected/max_selected",
                qspan.clone(),
            );
        }
        if kind_name != "text" {
            not_for(self, raw.max_length.is_some(), "max_length", qspan.clone());
        }
        let kind = match kind_name {
            "single" | "multi" => {
                let options = self.options(file, raw, &id)?;
                if kind_name == "single" {
                    QuestionKind::Single { options }
                } else {
                    let required = raw.required.unwrap_or(true);
                    let n = options.len() as i64;
                    let min = raw
                        .min_selected
                        .as_ref()
                        .map_or(i64::from(required), |m| *m.get_ref());
                    let max = raw.max_selected.as_ref().map_or(n, |m| *m.get_ref());
                    if min < 0 || max < min.max(1) || max > n {
                        self.error(
                            "P007",
                            self.loc(file, qspan.clone()),
                            tr!(
                                lang,
                                "`{id}` 的 min_selected/max_selected 无效（选项数 {n}）",
                                "invalid min_selected/max_selected for `{id}` ({n} options)"
                            ),
                            tr!(
                                lang,
                                "需要 0 ≤ min ≤ max ≤ 选项数",
                                "need 0 ≤ min ≤ max ≤ number of options"
                            ),
                        );
                        return None;
                    }
                    QuestionKind::Multi {
                        options,
                        min_selected: min as usize,
                        max_selected: max as usize,
                    }
                }
            }
            "bool" => QuestionKind::Bool,
            "number" => {
                let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
                    self.error(
                        "P007",
                        self.loc(file, raw.kind.span()),
                        tr!(
                            lang,
                            "数字题 `{id}` 需要 min 和 max",
                            "number question `{id}` needs `min` and `max`"
                        ),
                        tr!(lang, "缺少范围", "range missing"),
                    )
                    .help
                    .push(tr!(
                        lang,
                        "例如 `min = 0` 和 `max = 120`",
                        "for example `min = 0` and `max = 120`"
                    ));
                    return None;
                };
                if min.get_ref() > max.get_ref() {
                    self.error(
                        "P007",
                        self.loc(file, min.span()),
                        tr!(
                            lang,
                            "`{id}` 的 min 大于 max",
                            "`min` is greater than `max` in `{id}`"
                        ),
                        tr!(lang, "范围无效", "empty range"),
                    );
                    return None;
                }
                let unit = self.opt_text(file, &raw.unit);
                QuestionKind::Number {
                    min: *min.get_ref(),
                    max: *max.get_ref(),
                    unit,
                }
            }
            "text" => {
                let max_length = raw
                    .max_length
                    .as_ref()
                    .map_or(DEFAULT_MAX_LENGTH, |m| *m.get_ref());
                if !(1..=100_000).contains(&max_length) {
                    self.error(
                        "P007",
                        self.loc(file, qspan.clone()),
                        tr!(
                            lang,
                            "max_length 必须在 1 到 100000 之间",
                            "`max_length` must be between 1 and 100000"
                        ),
                        tr!(lang, "超出范围", "out of range"),
                    );
                    return None;
                }
                QuestionKind::Text {
                    max_length: max_length as usize,
                }
            }
            other => {
                let hint = suggest(lang, other, &["single", "multi", "bool", "number", "text"]);
                self.error(
                    "P007",
                    self.loc(file, raw.kind.span()),
                    tr!(
                        lang,
                        "未知的问题类型 `{other}`",
                        "unknown question kind `{other}`"
                    ),
                    tr!(
                        lang,
                        "应为 single、multi、bool、number 或 text",
                        "expected single, multi, bool, number or text"
                    ),
                )
                .help
                .push(hint);
                return None;
            }
        };
        let required = raw
            .required
            .unwrap_or(!matches!(kind, QuestionKind::Text { .. }));
        Some(Question {
            id,
            section,
            kind,
            prompt,
            help,
            when: None,
            default: None,
            required,
            diagnosis: raw.diagnosis.unwrap_or(false),
            if_empty,
            loc: self.loc(file, qspan),
        })
    }

    fn options(&mut self, file: FileId, raw: &RawQuestion, id: &str) -> Option<Vec<Choice>> {
        let lang = self.lang;
        if raw.option.is_empty() {
            self.error(
                "P007",
                self.loc(file, raw.kind.span()),
                tr!(
                    lang,
                    "选择题 `{id}` 没有选项",
                    "choice question `{id}` has no options"
                ),
                tr!(
                    lang,
                    "需要 [[question.option]]",
                    "add [[question.option]] tables"
                ),
            );
            return None;
        }
        if raw.option.len() > MAX_OPTIONS {
            self.error(
                "P007",
                self.loc(file, raw.kind.span()),
                tr!(
                    lang,
                    "`{id}` 有 {} 个选项，最多 {MAX_OPTIONS} 个",
                    "`{id}` has {} options; at most {MAX_OPTIONS} are allowed",
                    raw.option.len()
                ),
                tr!(lang, "选项太多", "too many options"),
            );
            return None;
        }
        let mut options: Vec<Choice> = Vec::with_capacity(raw.option.len());
        for o in &raw.option {
            let o = o.get_ref();
            self.plain(file, &o.id);
            if let Some(first) = options.iter().find(|c| &c.id == o.id.get_ref()) {
                let first = first.id.clone();
                self.error(
                    "P002",
                    self.loc(file, o.id.span()),
                    tr!(
                        lang,
                        "`{id}` 中重复的选项 `{first}`",
                        "duplicate option `{first}` in `{id}`"
                    ),
                    tr!(lang, "重复", "duplicate"),
                );
                continue;
            }
            let label = self.text(file, &o.label);
            let help = self.opt_text(file, &o.help);
            options.push(Choice {
                id: o.id.get_ref().clone(),
                label,
                help,
                score: o.score.as_ref().map_or(0, |s| *s.get_ref()),
                exclusive: o.exclusive.unwrap_or(false),
            });
        }
        Some(options)
    }

    fn derived_shell(&mut self, file: FileId, d: &Spanned<RawDerived>) -> Option<Derived> {
        let lang = self.lang;
        let raw = d.get_ref();
        let id = raw.id.get_ref().clone();
        let label = self.text(file, &raw.label);
        let help = self.opt_text(file, &raw.help);
        let kind = match (&raw.sum, raw.value.is_empty(), raw.case.is_empty()) {
            (Some(_), true, true) => DerivedKind::Sum { terms: Vec::new() },
            (None, false, false) => {
                let mut values: Vec<DerivedValue> = Vec::new();
                for v in &raw.value {
                    let v = v.get_ref();
                    self.plain(file, &v.id);
                    if values.iter().any(|x| &x.id == v.id.get_ref()) {
                        self.error(
                            "P002",
                            self.loc(file, v.id.span()),
                            tr!(
                                lang,
                                "`{id}` 中重复的值 `{}`",
                                "duplicate value `{}` in `{id}`",
                                v.id.get_ref()
                            ),
                            tr!(lang, "重复", "duplicate"),
                        );
                        continue;
                    }
                    if values.len() == MAX_OPTIONS {
                        self.error(
                            "P007",
                            self.loc(file, v.id.span()),
                            tr!(
                                lang,
                                "`{id}` 的值超过 {MAX_OPTIONS} 个",
                                "`{id}` has more than {MAX_OPTIONS} values"
                            ),
                            tr!(lang, "太多", "too many"),
                        );
                        break;
                    }
                    let label = self.text(file, &v.label);
                    let blocks = self.opt_text(file, &v.blocks);
                    values.push(DerivedValue {
                        id: v.id.get_ref().clone(),
                        label,
                        blocks,
                    });
                }
                DerivedKind::Classify {
                    values,
                    cases: Vec::new(),
                }
            }
            _ => {
                self.error("P007", self.loc(file, raw.id.span()), tr!(lang, "派生事实 `{id}` 要么用 sum，要么用 [[derived.value]] 加 [[derived.case]]", "derived fact `{id}` needs either `sum`, or [[derived.value]] and [[derived.case]]"), tr!(lang, "定义不完整或冲突", "incomplete or mixed definition"));
                return None;
            }
        };
        Some(Derived {
            id,
            label,
            help,
            kind,
            diagnosis: raw.diagnosis.unwrap_or(true),
            loc: self.loc(file, d.span()),
        })
    }

    /// Orders derived facts so each follows those it reads; reports cycles.
    fn derived_order(&mut self, derived: &[Derived]) -> Vec<usize> {
        let deps: Vec<Vec<usize>> = derived.iter().map(derived_deps).collect();
        let mut indegree = vec![0usize; derived.len()];
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); derived.len()];
        for (i, ds) in deps.iter().enumerate() {
            for &d in ds {
                indegree[i] += 1;
                users[d].push(i);
            }
        }
        let mut ready: std::collections::VecDeque<usize> =
            (0..derived.len()).filter(|&i| indegree[i] == 0).collect();
        let mut order = Vec::with_capacity(derived.len());
        while let Some(i) = ready.pop_front() {
            order.push(i);
            for &u in &users[i] {
                indegree[u] -= 1;
                if indegree[u] == 0 {
                    ready.push_back(u);
                }
            }
        }
        if order.len() < derived.len() {
            // Walk from a node left over to find one cycle to show.
            let start = (0..derived.len()).find(|i| indegree[*i] > 0).unwrap_or(0);
            let mut path = vec![start];
            let mut node = start;
            while let Some(&next) = deps[node].iter().find(|d| indegree[**d] > 0) {
                if let Some(pos) = path.iter().position(|p| *p == next) {
                    path.drain(..pos);
                    path.push(next);
                    break;
                }
                path.push(next);
                node = next;
            }
            let chain: Vec<&str> = path.iter().map(|i| derived[*i].id.as_str()).collect();
            let chain = chain.join(" → ");
            let lang = self.lang;
            self.error(
                "P006",
                derived[path[0]].loc.clone(),
                tr!(
                    lang,
                    "派生事实循环依赖：{chain}",
                    "derived facts depend on each other in a cycle: {chain}"
                ),
                tr!(lang, "循环从这里开始", "the cycle starts here"),
            )
            .help
            .push(tr!(
                lang,
                "让其中一个派生事实直接读取问题的答案",
                "make one of them read answers directly"
            ));
        }
        order
    }

    /// Derived facts may read other derived facts at most [`MAX_DERIVED_DEPTH`] levels deep, so
    /// evaluating them cannot exhaust the stack. Reports the first fact past the limit.
    fn derived_depth(&mut self, derived: &[Derived], order: &[usize]) -> bool {
        let mut depth = vec![0usize; derived.len()];
        for &i in order {
            depth[i] = 1 + derived_deps(&derived[i])
                .iter()
                .map(|d| depth[*d])
                .max()
                .unwrap_or(0);
            if depth[i] > MAX_DERIVED_DEPTH {
                let lang = self.lang;
                self.error("P006", derived[i].loc.clone(), tr!(lang, "派生事实 `{}` 的依赖链超过 {MAX_DERIVED_DEPTH} 层", "derived fact `{}` depends on a chain of more than {MAX_DERIVED_DEPTH} derived facts", derived[i].id), tr!(lang, "依赖链太深", "chain too deep"))
                    .help
                    .push(tr!(lang, "让它直接读取问题的答案", "let it read answers directly"));
                return false;
            }
        }
        true
    }

    /// A question's skip logic may only read questions asked before it.
    fn check_skip_order(&mut self, questions: &[Question], derived: &[Derived]) {
        let lang = self.lang;
        // The latest question each derived fact reads, directly or through other facts.
        let mut latest: Vec<Option<Option<usize>>> = vec![None; derived.len()];
        for (i, question) in questions.iter().enumerate() {
            let Some(when) = &question.when else { continue };
            let mut seen = std::collections::HashSet::new();
            for test in tests_of(when) {
                let (reads, via) = match test.var {
                    Var::Question(q) => (Some(q), None),
                    Var::Derived(d) => (latest_question(d, derived, &mut latest), Some(d)),
                };
                if let Some(q) = reads.filter(|q| *q >= i) {
                    if !seen.insert((q, via)) {
                        continue;
                    }
                    let later = &questions[q].id;
                    let itself = q == i;
                    let message = match via {
                        None if itself => tr!(
                            lang,
                            "`{}` 的出现条件读取了它自己",
                            "the `when` of `{}` reads the question itself",
                            question.id
                        ),
                        Some(d) if itself => tr!(
                            lang,
                            "`{}` 的出现条件通过 `{}` 读取了它自己",
                            "the `when` of `{}` reads the question itself (through `{}`)",
                            question.id,
                            derived[d].id
                        ),
                        None => tr!(
                            lang,
                            "`{}` 的出现条件读取了后面才问的 `{later}`",
                            "the `when` of `{}` reads `{later}`, which is asked later",
                            question.id
                        ),
                        Some(d) => tr!(
                            lang,
                            "`{}` 的出现条件通过 `{}` 读取了后面才问的 `{later}`",
                            "the `when` of `{}` reads `{later}` (through `{}`), which is asked later",
                            question.id,
                            derived[d].id
                        ),
                    };
                    self.diags.push(
                        Diagnostic::error("P009", message)
                            .at(
                                when.origin.locate(test.span.clone()),
                                tr!(lang, "此时还没有答案", "not answered yet at this point"),
                            )
                            .help(if itself {
                                tr!(
                                    lang,
                                    "是否提问不能取决于这道题自己的答案：让条件只读取它之前的问题",
                                    "whether a question is asked cannot depend on its own answer: let the condition read only questions asked before it"
                                )
                            } else {
                                tr!(
                                    lang,
                                    "把 `{later}` 移到 `{}` 之前，或修改条件",
                                    "move `{later}` before `{}`, or change the condition",
                                    question.id
                                )
                            }),
                    );
                }
            }
        }
    }

    fn rule(
        &mut self,
        file: FileId,
        r: &Spanned<RawRule>,
        scope: &Names<'_>,
        phases: &[Phase],
        speakers: &[Speaker],
    ) -> Option<Rule> {
        let lang = self.lang;
        let raw = r.get_ref();
        let when = match &raw.when {
            Some(w) => Some(self.condition(file, w, scope)?),
            None => None,
        };
        let mut actions = Vec::new();
        for a in &raw.action {
            if let Some(action) = self.action(file, a, scope, phases, speakers) {
                actions.push(action);
            }
        }
        let mut cautions = Vec::new();
        for c in &raw.caution {
            let c_ref = c.get_ref();
            let speaker = c_ref
                .speaker
                .as_ref()
                .and_then(|s| self.speaker_ref(file, s, speakers));
            let text = self.template(file, &c_ref.text, scope);
            cautions.push(Caution {
                text,
                speaker,
                loc: self.loc(file, c.span()),
            });
        }
        if raw.action.is_empty() && raw.caution.is_empty() {
            self.diags.push(
                Diagnostic::warning(
                    "P014",
                    tr!(
                        lang,
                        "规则 `{}` 没有任何 action 或 caution",
                        "rule `{}` has no action and no caution",
                        raw.id.get_ref()
                    ),
                )
                .at(
                    self.loc(file, raw.id.span()),
                    tr!(lang, "这条规则不起作用", "this rule does nothing"),
                )
                .help(tr!(
                    lang,
                    "加上 [[rule.action]] 或 [[rule.caution]]",
                    "add [[rule.action]] or [[rule.caution]]"
                )),
            );
        }
        Some(Rule {
            id: raw.id.get_ref().clone(),
            when,
            exclusive_group: raw.exclusive_group.as_ref().map(|g| g.get_ref().clone()),
            actions,
            cautions,
            loc: self.loc(file, r.span()),
        })
    }

    fn speaker_ref(&mut self, file: FileId, s: &Str, speakers: &[Speaker]) -> Option<usize> {
        let lang = self.lang;
        let found = speakers.iter().position(|x| &x.id == s.get_ref());
        if found.is_none() {
            let ids: Vec<&str> = speakers.iter().map(|x| x.id.as_str()).collect();
            let hint = suggest(lang, s.get_ref(), &ids);
            self.error(
                "P003",
                self.loc(file, s.span()),
                tr!(lang, "未知的讲者 `{}`", "unknown speaker `{}`", s.get_ref()),
                tr!(lang, "没有这个 [[speaker]]", "no such [[speaker]]"),
            )
            .help
            .push(hint);
        }
        found
    }

    fn action(
        &mut self,
        file: FileId,
        a: &Spanned<RawAction>,
        scope: &Names<'_>,
        phases: &[Phase],
        speakers: &[Speaker],
    ) -> Option<Action> {
        let lang = self.lang;
        let raw = a.get_ref();
        let phase = phases.iter().position(|p| &p.id == raw.phase.get_ref());
        if phase.is_none() {
            let ids: Vec<&str> = phases.iter().map(|p| p.id.as_str()).collect();
            let hint = suggest(lang, raw.phase.get_ref(), &ids);
            self.error(
                "P003",
                self.loc(file, raw.phase.span()),
                tr!(
                    lang,
                    "未知的阶段 `{}`",
                    "unknown phase `{}`",
                    raw.phase.get_ref()
                ),
                tr!(lang, "没有这个 [[phase]]", "no such [[phase]]"),
            )
            .help
            .push(hint);
        }
        let speaker = self.speaker_ref(file, &raw.speaker, speakers);
        self.plain(file, &raw.concept);
        if raw.concept.get_ref().trim().is_empty() {
            self.error(
                "P007",
                self.loc(file, raw.concept.span()),
                tr!(lang, "concept 不能为空", "`concept` must not be empty"),
                tr!(lang, "需要概念 id", "a concept id is needed"),
            );
        }
        let owner = self.template(file, &raw.owner, scope);
        let partners = raw
            .partners
            .iter()
            .map(|p| self.template(file, p, scope))
            .collect();
        let indicator = self.template(file, &raw.indicator, scope);
        let deadline_weeks = raw
            .deadline_weeks
            .as_ref()
            .and_then(|d| self.bounded(file, d, "deadline_weeks", 1..=520));
        let text = self.template(file, &raw.text, scope);
        let why = self.template(file, &raw.why, scope);
        Some(Action {
            phase: phase?,
            concept: raw.concept.get_ref().clone(),
            speaker: speaker?,
            priority: raw
                .priority
                .as_ref()
                .map_or(DEFAULT_PRIORITY, |p| *p.get_ref()),
            owner,
            partners,
            keep: raw.keep.unwrap_or(false),
            indicator,
            deadline_weeks,
            text,
            why,
            loc: self.loc(file, a.span()),
        })
    }

    fn template(&mut self, file: FileId, text: &Text, scope: &Names<'_>) -> Template {
        let lang = self.lang;
        let local = self.text(file, text);
        let mut template = Template::default();
        let source = self.sources.get(file).text.clone();
        let value_src = source.get(text.span()).unwrap_or("");
        for (code, content) in local.entries() {
            let resolve = |name: &str| scope.map.get(name).copied();
            match template::parse(content, &resolve) {
                Ok(segments) => match code {
                    None => {
                        for l in &self.languages {
                            template.by_lang.insert(*l, segments.clone());
                        }
                    }
                    Some(code) => {
                        if let Ok(l) = code.parse::<Lang>() {
                            template.by_lang.insert(l, segments);
                        }
                    }
                },
                Err(errors) => {
                    // Map the error to the file when the content appears there verbatim.
                    let base = value_src.find(content).map(|p| text.span().start + p);
                    for error in errors {
                        if let TemplateError::UnknownName { name, .. } = &error
                            && scope.broken.contains(name)
                        {
                            continue;
                        }
                        let (span, message, label, help) = match error {
                            TemplateError::UnknownName { name, span } => {
                                let known = sorted_names(scope.map);
                                (
                                    span,
                                    tr!(
                                        lang,
                                        "未知的占位符 `{{{name}}}`",
                                        "unknown placeholder `{{{name}}}`"
                                    ),
                                    tr!(
                                        lang,
                                        "不是问题或派生事实",
                                        "not a question or derived fact"
                                    ),
                                    suggest(lang, &name, &known),
                                )
                            }
                            TemplateError::Unbalanced { span } => (
                                span,
                                tr!(lang, "花括号不成对", "unbalanced brace"),
                                tr!(lang, "这里", "here"),
                                tr!(
                                    lang,
                                    "要输出花括号本身，请写 `{{{{` 或 `}}}}`",
                                    "write `{{{{` or `}}}}` for a literal brace"
                                ),
                            ),
                        };
                        let loc = match base {
                            Some(b) => self.loc(file, b + span.start..b + span.end),
                            None => self.loc(file, text.span()),
                        };
                        self.error("P005", loc, message, label).help.push(help);
                    }
                }
            }
        }
        template
    }

    /// A whole number that must lie in `range`; reports it otherwise.
    fn bounded(
        &mut self,
        file: FileId,
        value: &Spanned<i64>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let lang = self.lang;
        let n = *value.get_ref();
        if range.contains(&n) {
            return Some(n);
        }
        let (lo, hi) = (range.start(), range.end());
        self.error(
            "P007",
            self.loc(file, value.span()),
            tr!(
                lang,
                "{key} 必须在 {lo} 到 {hi} 之间",
                "`{key}` must be between {lo} and {hi}"
            ),
            tr!(lang, "超出范围", "out of range"),
        );
        None
    }

    /// `[pack.focus]`: first steps and budgets, with their conditions checked.
    fn focus(
        &mut self,
        file: FileId,
        raw: &Spanned<super::raw::RawFocus>,
        scope: &Names<'_>,
    ) -> Option<Focus> {
        let raw_ref = raw.get_ref();
        let first_steps = match &raw_ref.first_steps {
            Some(n) => self.bounded(file, n, "first_steps", 0..=20)?,
            None => 0,
        };
        let mut budgets = Vec::new();
        for b in &raw_ref.budget {
            let b_ref = b.get_ref();
            let when = match &b_ref.when {
                Some(w) => Some(self.condition(file, w, scope)?),
                None => None,
            };
            let max = self.bounded(file, &b_ref.max, "max", 1..=100_000)?;
            budgets.push(Budget {
                when,
                max: usize::try_from(max).unwrap_or(usize::MAX),
                loc: self.loc(file, b.span()),
            });
        }
        Some(Focus {
            first_steps: usize::try_from(first_steps).unwrap_or(0),
            budgets,
        })
    }

    fn test(&mut self, file: FileId, t: &Spanned<super::raw::RawTest>) -> PackTest {
        let raw = t.get_ref();
        let list = |items: &Vec<Str>| -> Vec<(String, Loc)> {
            items
                .iter()
                .map(|s| (s.get_ref().clone(), Loc::new(file, s.span())))
                .collect()
        };
        PackTest {
            id: raw.id.get_ref().clone(),
            description: raw.description.as_ref().map(|d| d.get_ref().clone()),
            answers: raw
                .answers
                .get_ref()
                .iter()
                .map(|(k, v)| (k.get_ref().clone(), Loc::new(file, k.span()), v.clone()))
                .collect(),
            expect_present: list(&raw.expect_present),
            expect_absent: list(&raw.expect_absent),
            expect_derived: raw
                .expect_derived
                .iter()
                .map(|(k, v)| (k.get_ref().clone(), Loc::new(file, k.span()), v.clone()))
                .collect(),
            expect_cautions: list(&raw.expect_cautions),
            lang: raw
                .lang
                .as_ref()
                .map(|l| (l.get_ref().clone(), Loc::new(file, l.span()))),
            expect_text: list(&raw.expect_text),
            expect_no_text: list(&raw.expect_no_text),
            expect_first_steps: raw.expect_first_steps.as_ref().map(|steps| {
                let span = steps.first().map_or(t.span(), |s| s.span());
                (
                    steps.iter().map(|s| s.get_ref().clone()).collect(),
                    Loc::new(file, span),
                )
            }),
            expect_deferred: list(&raw.expect_deferred),
            expect_max_actions: raw
                .expect_max_actions
                .as_ref()
                .map(|m| (*m.get_ref(), Loc::new(file, m.span()))),
            file,
            loc: Loc::new(file, t.span()),
        }
    }
}

/// "did you mean" if a candidate is close, else the list of candidates.
fn suggest(lang: Lang, name: &str, candidates: &[&str]) -> String {
    match did_you_mean(name, candidates.iter().copied()) {
        Some(s) => tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"),
        None if candidates.is_empty() => String::new(),
        None => tr!(
            lang,
            "可用：{}",
            "known: {}",
            list_names(candidates.iter().copied(), 12, lang)
        ),
    }
}

fn tests_of(condition: &Condition) -> Vec<&condition::Test> {
    let mut tests = Vec::new();
    condition.cond.for_each_test(&mut |t| tests.push(t));
    tests
}

/// The derived facts a derived fact reads directly.
fn derived_deps(fact: &Derived) -> Vec<usize> {
    let mut deps = Vec::new();
    let mut add = |var: Var| {
        if let Var::Derived(d) = var
            && !deps.contains(&d)
        {
            deps.push(d);
        }
    };
    match &fact.kind {
        DerivedKind::Classify { cases, .. } => {
            for case in cases {
                if let Some(when) = &case.when {
                    when.cond.vars().into_iter().for_each(&mut add);
                }
            }
        }
        DerivedKind::Sum { terms } => terms.iter().copied().for_each(&mut add),
    }
    deps
}

/// The latest question a derived fact reads, through other facts too (memoised; cycles were
/// reported before and count as reading nothing more).
fn latest_question(
    d: usize,
    derived: &[Derived],
    memo: &mut Vec<Option<Option<usize>>>,
) -> Option<usize> {
    if let Some(known) = memo[d] {
        return known;
    }
    memo[d] = Some(None);
    let mut vars = Vec::new();
    match &derived[d].kind {
        DerivedKind::Classify { cases, .. } => {
            for case in cases {
                if let Some(when) = &case.when {
                    vars.extend(when.cond.vars());
                }
            }
        }
        DerivedKind::Sum { terms } => vars.extend(terms.iter().copied()),
    }
    let mut latest = None;
    for var in vars {
        let q = match var {
            Var::Question(q) => Some(q),
            Var::Derived(e) => latest_question(e, derived, memo),
        };
        latest = latest.max(q);
    }
    memo[d] = Some(latest);
    latest
}
