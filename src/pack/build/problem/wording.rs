//! What each [`PackProblem`] says, in each language: the message, the label under the caret
//! and the help lines.

use super::{PackProblem, suggest};
use crate::diagnostic::{Worded, did_you_mean};
use crate::lang::Lang;
use crate::tr;

impl Worded for PackProblem {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String {
        use PackProblem::*;
        match self {
            NoPackTable { pack } => tr!(
                lang,
                "规则包 `{pack}` 没有 [pack] 表",
                "pack `{pack}` has no [pack] table"
            ),
            SecondPackTable { .. } => tr!(
                lang,
                "规则包只能有一个 [pack] 表",
                "a pack has exactly one [pack] table"
            ),
            NoPhases => tr!(
                lang,
                "规则包没有任何 [[phase]]",
                "the pack declares no [[phase]]"
            ),
            UnsupportedLanguage { code } => {
                tr!(
                    lang,
                    "不支持的语言 `{code}`",
                    "unsupported language `{code}`"
                )
            }
            EmptyLanguages => tr!(lang, "languages 不能为空", "`languages` must not be empty"),
            DefaultLangNotDeclared => tr!(
                lang,
                "default_lang 必须是 languages 之一",
                "`default_lang` must be one of `languages`"
            ),
            UnknownLanguage { code } => {
                tr!(lang, "未知的语言 `{code}`", "unknown language `{code}`")
            }
            InvalidWindow => tr!(
                lang,
                "window 必须是 [开始, 结束]，0 ≤ 开始 ≤ 结束 ≤ 3",
                "`window` must be [start, end] with 0 ≤ start ≤ end ≤ 3"
            ),
            OutOfBounds { key, lo, hi } => tr!(
                lang,
                "{key} 必须在 {lo} 到 {hi} 之间",
                "`{key}` must be between {lo} and {hi}"
            ),
            InvalidSelectedRange {
                question: id,
                options: n,
            } => tr!(
                lang,
                "`{id}` 的 min_selected/max_selected 无效（选项数 {n}）",
                "invalid min_selected/max_selected for `{id}` ({n} options)"
            ),
            MinAboveMax { question: id } => tr!(
                lang,
                "`{id}` 的 min 大于 max",
                "`min` is greater than `max` in `{id}`"
            ),
            TooManyOptions {
                question: id,
                count,
            } => tr!(
                lang,
                "`{id}` 有 {count} 个选项，最多 {} 个",
                "`{id}` has {count} options; at most {} are allowed",
                crate::pack::MAX_OPTIONS
            ),
            TooManyValues { fact: id } => tr!(
                lang,
                "`{id}` 的值超过 {} 个",
                "`{id}` has more than {} values",
                crate::pack::MAX_OPTIONS
            ),
            TimelineMonthsNotNumber => tr!(
                lang,
                "timeline.months 必须是一个数字题",
                "`timeline.months` must name a number question"
            ),
            OrganizationNotText => tr!(
                lang,
                "organization 必须是一个文字题",
                "`organization` must name a text question"
            ),
            UnknownSection { name, .. } => {
                tr!(lang, "未知的部分 `{name}`", "unknown section `{name}`")
            }
            UnknownDerivedValue { fact, value, .. } => {
                tr!(
                    lang,
                    "`{fact}` 没有值 `{value}`",
                    "`{fact}` has no value `{value}`"
                )
            }
            UnknownSumTerm { name, .. } => tr!(
                lang,
                "未知的问题或派生事实 `{name}`",
                "unknown question or derived fact `{name}`"
            ),
            UnknownSpeaker { name, .. } => {
                tr!(lang, "未知的讲者 `{name}`", "unknown speaker `{name}`")
            }
            UnknownPhase { name, .. } => tr!(lang, "未知的阶段 `{name}`", "unknown phase `{name}`"),
            ControlCharacter { code } => tr!(
                lang,
                "含有控制字符 U+{code:04X}",
                "contains the control character U+{code:04X}"
            ),
            ControlCharacterInText { code } => tr!(
                lang,
                "文字中含有控制字符 U+{code:04X}",
                "text contains the control character U+{code:04X}"
            ),
            EmptyId { kind } => tr!(lang, "{kind} 的 id 为空", "empty {kind} id"),
            EmptyConcept => tr!(lang, "concept 不能为空", "`concept` must not be empty"),
            DuplicateId { kind, id, .. } => tr!(
                lang,
                "重复的 {kind} id `{id}`",
                "duplicate {kind} id `{id}`"
            ),
            NameTaken { name } => tr!(
                lang,
                "`{name}` 已被另一个问题或派生事实使用",
                "`{name}` is already the name of another question or derived fact"
            ),
            DuplicateOption {
                question: id,
                option: first,
            } => tr!(
                lang,
                "`{id}` 中重复的选项 `{first}`",
                "duplicate option `{first}` in `{id}`"
            ),
            DuplicateValue { fact: id, value } => tr!(
                lang,
                "`{id}` 中重复的值 `{value}`",
                "duplicate value `{value}` in `{id}`"
            ),
            MissingLanguages { missing } => tr!(
                lang,
                "文字缺少语言：{missing}",
                "text missing in: {missing}"
            ),
            KeyNotForKind {
                key,
                kind: kind_name,
            } => tr!(
                lang,
                "`{key}` 不适用于 {kind_name} 类型的问题",
                "`{key}` does not apply to a {kind_name} question"
            ),
            NumberWithoutRange { question: id } => tr!(
                lang,
                "数字题 `{id}` 需要 min 和 max",
                "number question `{id}` needs `min` and `max`"
            ),
            UnknownQuestionKind { kind: other } => tr!(
                lang,
                "未知的问题类型 `{other}`",
                "unknown question kind `{other}`"
            ),
            NoOptions { question: id } => tr!(
                lang,
                "选择题 `{id}` 没有选项",
                "choice question `{id}` has no options"
            ),
            DerivedShape { fact: id } => tr!(
                lang,
                "派生事实 `{id}` 要么用 sum，要么用 [[derived.value]] 加 [[derived.case]]",
                "derived fact `{id}` needs either `sum`, or [[derived.value]] and [[derived.case]]"
            ),
            InvalidDefault { reason } => {
                tr!(lang, "默认值无效：{reason}", "invalid default: {reason}")
            }
            DerivedCycle { chain } => tr!(
                lang,
                "派生事实循环依赖：{chain}",
                "derived facts depend on each other in a cycle: {chain}"
            ),
            DerivedTooDeep { fact } => tr!(
                lang,
                "派生事实 `{fact}` 的依赖链超过 {} 层",
                "derived fact `{fact}` depends on a chain of more than {} derived facts",
                super::super::MAX_DERIVED_DEPTH
            ),
            WhenReadsItself {
                question,
                via: None,
            } => tr!(
                lang,
                "`{question}` 的出现条件读取了它自己",
                "the `when` of `{question}` reads the question itself"
            ),
            WhenReadsItself {
                question,
                via: Some(via),
            } => tr!(
                lang,
                "`{question}` 的出现条件通过 `{via}` 读取了它自己",
                "the `when` of `{question}` reads the question itself (through `{via}`)"
            ),
            WhenReadsLater {
                question,
                later,
                via: None,
            } => tr!(
                lang,
                "`{question}` 的出现条件读取了后面才问的 `{later}`",
                "the `when` of `{question}` reads `{later}`, which is asked later"
            ),
            WhenReadsLater {
                question,
                later,
                via: Some(via),
            } => tr!(
                lang,
                "`{question}` 的出现条件通过 `{via}` 读取了后面才问的 `{later}`",
                "the `when` of `{question}` reads `{later}` (through `{via}`), which is asked later"
            ),
            RuleDoesNothing { rule } => tr!(
                lang,
                "规则 `{rule}` 没有任何 action 或 caution",
                "rule `{rule}` has no action and no caution"
            ),
            UnknownPlaceholder { name, .. } => tr!(
                lang,
                "未知的占位符 `{{{name}}}`",
                "unknown placeholder `{{{name}}}`"
            ),
            UnbalancedBrace => tr!(lang, "花括号不成对", "unbalanced brace"),
        }
    }

    /// The label under the caret.
    fn label(&self, lang: Lang) -> String {
        use PackProblem::*;
        match self {
            NoPackTable { .. } => tr!(lang, "缺少 [pack]", "no [pack] here"),
            SecondPackTable { .. } => tr!(lang, "第二个 [pack]", "second [pack]"),
            NoPhases => tr!(lang, "至少需要一个阶段", "at least one phase is needed"),
            UnsupportedLanguage { .. } | UnknownLanguage { .. } => {
                tr!(lang, "只支持 zh 和 en", "only `zh` and `en` are supported")
            }
            EmptyLanguages => tr!(
                lang,
                "例如 [\"zh\", \"en\"]",
                "for example [\"zh\", \"en\"]"
            ),
            DefaultLangNotDeclared => tr!(lang, "不在 languages 中", "not in `languages`"),
            InvalidWindow => tr!(lang, "无效的时间窗", "invalid window"),
            OutOfBounds { .. } => tr!(lang, "超出范围", "out of range"),
            InvalidSelectedRange { .. } => tr!(
                lang,
                "需要 0 ≤ min ≤ max ≤ 选项数",
                "need 0 ≤ min ≤ max ≤ number of options"
            ),
            MinAboveMax { .. } => tr!(lang, "范围无效", "empty range"),
            TooManyOptions { .. } => tr!(lang, "选项太多", "too many options"),
            TooManyValues { .. } => tr!(lang, "太多", "too many"),
            TimelineMonthsNotNumber => tr!(lang, "不是数字题", "not a number question"),
            OrganizationNotText => tr!(lang, "不是文字题", "not a text question"),
            UnknownSection { .. } => tr!(lang, "没有这个 [[section]]", "no such [[section]]"),
            UnknownDerivedValue { .. } => tr!(
                lang,
                "未在 [[derived.value]] 中声明",
                "not declared in [[derived.value]]"
            ),
            UnknownSumTerm { .. } => tr!(lang, "未定义", "not defined"),
            UnknownSpeaker { .. } => tr!(lang, "没有这个 [[speaker]]", "no such [[speaker]]"),
            UnknownPhase { .. } => tr!(lang, "没有这个 [[phase]]", "no such [[phase]]"),
            ControlCharacter { .. } | ControlCharacterInText { .. } => tr!(
                lang,
                "不能包含控制字符或终端转义序列",
                "control characters and terminal escape sequences are not allowed"
            ),
            EmptyId { .. } => tr!(lang, "需要 id", "an id is needed"),
            EmptyConcept => tr!(lang, "需要概念 id", "a concept id is needed"),
            DuplicateId { first, .. } => {
                tr!(lang, "已在 {first} 定义", "already defined at {first}")
            }
            NameTaken { .. } => tr!(lang, "重名", "name taken"),
            DuplicateOption { .. } | DuplicateValue { .. } => tr!(lang, "重复", "duplicate"),
            MissingLanguages { .. } => tr!(
                lang,
                "将使用另一种语言代替",
                "the other language will be shown instead"
            ),
            KeyNotForKind { .. } => tr!(lang, "请删除", "remove it"),
            NumberWithoutRange { .. } => tr!(lang, "缺少范围", "range missing"),
            UnknownQuestionKind { .. } => tr!(
                lang,
                "应为 single、multi、bool、number 或 text",
                "expected single, multi, bool, number or text"
            ),
            NoOptions { .. } => tr!(
                lang,
                "需要 [[question.option]]",
                "add [[question.option]] tables"
            ),
            DerivedShape { .. } => tr!(lang, "定义不完整或冲突", "incomplete or mixed definition"),
            // The answer check's label is kept (`restate`).
            InvalidDefault { .. } => String::new(),
            DerivedCycle { .. } => tr!(lang, "循环从这里开始", "the cycle starts here"),
            DerivedTooDeep { .. } => tr!(lang, "依赖链太深", "chain too deep"),
            WhenReadsItself { .. } | WhenReadsLater { .. } => {
                tr!(lang, "此时还没有答案", "not answered yet at this point")
            }
            RuleDoesNothing { .. } => tr!(lang, "这条规则不起作用", "this rule does nothing"),
            UnknownPlaceholder { .. } => {
                tr!(lang, "不是问题或派生事实", "not a question or derived fact")
            }
            UnbalancedBrace => tr!(lang, "这里", "here"),
        }
    }

    /// How to fix it: none, one or more lines (a hint may be empty when there is nothing to
    /// suggest, as the builder always reported it).
    fn help(&self, lang: Lang) -> Vec<String> {
        use PackProblem::*;
        let line = match self {
            NoPackTable { .. } => tr!(
                lang,
                "在规则包的某一个文件中加上 [pack]（id、version、title、languages、default_lang）",
                "add [pack] (id, version, title, languages, default_lang) to one file of the pack"
            ),
            SecondPackTable { first } => tr!(
                lang,
                "第一个在 {first}；其他文件用 `extends = \"id\"` 或放在同一文件夹",
                "the first is at {first}; other files join with `extends = \"id\"` or by sharing its folder"
            ),
            UnknownLanguage { code } => did_you_mean(code, ["zh", "en"])
                .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                .unwrap_or_default(),
            InvalidWindow => tr!(
                lang,
                "以项目剩余时间为 1：例如 [0.0, 0.2] 表示前五分之一",
                "shares of the time left: [0.0, 0.2] is the first fifth"
            ),
            UnknownSection { name, known }
            | UnknownSumTerm { name, known }
            | UnknownSpeaker { name, known }
            | UnknownPhase { name, known }
            | UnknownPlaceholder { name, known } => suggest(lang, name, known),
            UnknownDerivedValue { value, known, .. } => suggest(lang, value, known),
            DuplicateId { .. } => tr!(
                lang,
                "同一规则包的所有文件中，id 必须唯一",
                "ids must be unique across all files of a pack"
            ),
            MissingLanguages { missing } => {
                tr!(lang, "补上 `{missing} = \"…\"`", "add `{missing} = \"…\"`")
            }
            NumberWithoutRange { .. } => tr!(
                lang,
                "例如 `min = 0` 和 `max = 120`",
                "for example `min = 0` and `max = 120`"
            ),
            UnknownQuestionKind { kind } => {
                suggest(lang, kind, &["single", "multi", "bool", "number", "text"])
            }
            DerivedCycle { .. } => tr!(
                lang,
                "让其中一个派生事实直接读取问题的答案",
                "make one of them read answers directly"
            ),
            DerivedTooDeep { .. } => {
                tr!(
                    lang,
                    "让它直接读取问题的答案",
                    "let it read answers directly"
                )
            }
            WhenReadsItself { .. } => tr!(
                lang,
                "是否提问不能取决于这道题自己的答案：让条件只读取它之前的问题",
                "whether a question is asked cannot depend on its own answer: let the condition read only questions asked before it"
            ),
            WhenReadsLater {
                question, later, ..
            } => tr!(
                lang,
                "把 `{later}` 移到 `{question}` 之前，或修改条件",
                "move `{later}` before `{question}`, or change the condition"
            ),
            RuleDoesNothing { .. } => tr!(
                lang,
                "加上 [[rule.action]] 或 [[rule.caution]]",
                "add [[rule.action]] or [[rule.caution]]"
            ),
            UnbalancedBrace => tr!(
                lang,
                "要输出花括号本身，请写 `{{{{` 或 `}}}}`",
                "write `{{{{` or `}}}}` for a literal brace"
            ),
            _ => return Vec::new(),
        };
        vec![line]
    }
}
