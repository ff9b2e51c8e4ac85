//! Chinese help: the texts of `--help` in Chinese, applied to the clap command when the
//! message language is Chinese. The English texts are the doc comments in [`crate::cli`].

use clap::{Arg, ArgAction, ArgMatches, Command};

use crate::lang::Lang;

/// (subcommand path, argument id or "" for the command's own description, Chinese text).
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "为社区依赖困境中的社会组织生成分阶段的行动计划。不带命令时在终端运行问卷。",
    ),
    (
        "",
        "lang",
        "提示、计划和消息的语言（zh 或 en）。默认依次取 FULCRUM_LANG、系统区域设置、规则包的默认语言",
    ),
    (
        "",
        "rules",
        "额外的规则包：规则包文件夹、放着多个规则包的文件夹或一个 .toml 文件。可重复；也读取 FULCRUM_RULES（路径列表）",
    ),
    ("", "color", "何时给消息着色"),
    ("plan", "", "根据答案文件输出行动计划"),
    (
        "plan",
        "answers",
        "答案文件（TOML）；配合 --out-dir 时可以是一个文件夹（每个文件一份计划）",
    ),
    (
        "plan",
        "pack",
        "使用哪个规则包（加载了多个、答案文件又没写明时）",
    ),
    ("plan", "format", "输出格式"),
    (
        "plan",
        "width",
        "表格宽度（列数）。默认取终端宽度，管道输出时为 100",
    ),
    ("plan", "start", "时间表的第一天（YYYY-MM-DD），默认今天"),
    (
        "plan",
        "output",
        "把计划写入文件（`-` 表示标准输出）；已有文件不会被覆盖，除非加 --force",
    ),
    ("plan", "out_dir", "为每个答案文件各写一份计划到这个文件夹"),
    ("plan", "force", "覆盖已经存在的输出文件"),
    (
        "plan",
        "template",
        "用自己的 minijinja 模板输出（markdown 或 html），见 docs/outputs.md",
    ),
    (
        "plan",
        "explain",
        "同时在标准错误中解释：每条行动来自哪条规则，每个问题为什么被问或被跳过",
    ),
    (
        "plan",
        "progress",
        "用这个进度文件标出各条行动的进展（见 `fulcrum track`）。默认：答案文件旁的 `名称.progress.toml`（如有）",
    ),
    (
        "plan",
        "no_progress",
        "不读进度文件，即使答案文件旁边有一个",
    ),
    (
        "track",
        "",
        "跟进计划的行动：未开始、进行中、已完成或已放弃，可加备注",
    ),
    ("track", "answers", "要跟进其计划的答案文件（TOML）"),
    (
        "track",
        "pack",
        "使用哪个规则包（加载了多个、答案文件又没写明时）",
    ),
    (
        "track",
        "progress",
        "进度文件。默认：答案文件旁的 `名称.progress.toml`；第一次使用时创建",
    ),
    (
        "track",
        "start",
        "新进度文件中时间表的第一天（YYYY-MM-DD），默认今天；已有的进度文件保留自己的日期",
    ),
    (
        "track",
        "set",
        "不经提问直接设置行动的状态：规则 id 或概念 id，加 `=`，再加 todo、doing、done 或 dropped。可重复",
    ),
    ("track", "note", "给 --set 的行动加一条备注"),
    (
        "track",
        "observed",
        "--set 的行动的指标实际情况，用自己的话写",
    ),
    ("track", "date", "变更的日期（YYYY-MM-DD），默认今天"),
    (
        "track",
        "width",
        "进度表的宽度（列数）。默认取终端宽度，管道输出时为 100",
    ),
    (
        "explain",
        "",
        "解释计划：每条行动、每个问题和缺少的概念从何而来",
    ),
    ("explain", "answers", "答案文件（TOML）"),
    (
        "explain",
        "pack",
        "使用哪个规则包（加载了多个、答案文件又没写明时）",
    ),
    (
        "explain",
        "concept",
        "只解释一个概念：哪些规则会给出它，条件的哪一部分没有满足",
    ),
    ("explain", "format", "输出格式（json 为 fulcrum.explain/1）"),
    ("compare", "", "比较两次评估：答案、诊断和计划各有什么变化"),
    ("compare", "before", "先前的答案文件（TOML）"),
    (
        "compare",
        "after",
        "后来的答案文件（TOML），同一个机构、同一个规则包",
    ),
    (
        "compare",
        "pack",
        "使用哪个规则包（加载了多个、答案文件又没写明时）",
    ),
    (
        "compare",
        "format",
        "输出格式（json 为 fulcrum.compare/1，见 docs/follow-through.md）",
    ),
    (
        "compare",
        "width",
        "表格宽度（列数）。默认取终端宽度，管道输出时为 100",
    ),
    (
        "compare",
        "output",
        "把比较结果写入文件（`-` 表示标准输出）；已有文件不会被覆盖，除非加 --force",
    ),
    (
        "compare",
        "carry_progress",
        "为后来的计划建立进度文件（放在 AFTER 旁边），从 BEFORE 的进度文件接过来：每条行动沿用它所延续的旧行动的状态、日期、备注和观察值",
    ),
    (
        "compare",
        "start",
        "后来计划的第一天（YYYY-MM-DD），默认今天",
    ),
    ("compare", "force", "覆盖已经存在的输出文件和进度文件"),
    (
        "review",
        "",
        "生成复盘报告：哪些事已经交接、哪些还没有，与上次评估相比有什么变化，以及复盘会要回答的问题",
    ),
    ("review", "answers", "要复盘其计划的答案文件（TOML）"),
    (
        "review",
        "progress",
        "进度文件。默认：答案文件旁的 `名称.progress.toml`（如有）",
    ),
    (
        "review",
        "no_progress",
        "不读进度文件，即使答案文件旁边有一个",
    ),
    (
        "review",
        "compare",
        "同一机构先前的答案文件：报告会写明与那次评估相比有什么变化",
    ),
    ("review", "format", "输出格式"),
    (
        "review",
        "output",
        "把报告写入文件（`-` 表示标准输出）；已有文件不会被覆盖，除非加 --force",
    ),
    ("review", "force", "覆盖已经存在的输出文件"),
    (
        "review",
        "start",
        "没有进度文件时时间表的第一天（YYYY-MM-DD），默认今天；进度文件保留自己的日期",
    ),
    (
        "review",
        "pack",
        "使用哪个规则包（加载了多个、答案文件又没写明时）",
    ),
    ("workshop", "", "工作坊工具"),
    (
        "workshop summary",
        "",
        "汇总全组：每位参与者一行，并统计各概念出现的次数",
    ),
    (
        "workshop summary",
        "paths",
        "答案文件，或放着答案文件的文件夹",
    ),
    (
        "workshop summary",
        "pack",
        "使用哪个规则包（加载了多个、答案文件又没写明时）",
    ),
    ("workshop summary", "format", "输出格式"),
    (
        "workshop summary",
        "width",
        "表格宽度（列数）。默认取终端宽度，管道输出时为 100",
    ),
    (
        "workshop serve",
        "",
        "在局域网里为全场的手机提供问卷（不需要互联网）",
    ),
    (
        "workshop serve",
        "pack",
        "要回答的规则包。默认取唯一加载的规则包",
    ),
    (
        "workshop serve",
        "dir",
        "答案文件保存到的文件夹。默认在当前文件夹新建一个带日期的文件夹；停止后再用同一个文件夹启动，草稿会接着用",
    ),
    (
        "workshop serve",
        "port",
        "监听的端口（0 表示任选一个空闲端口）",
    ),
    (
        "workshop serve",
        "bind",
        "监听的地址。默认所有网卡，房间网络里的手机都能加入；127.0.0.1 只允许本机访问",
    ),
    ("run", "", "在终端回答问卷并生成计划（默认命令）"),
    (
        "run",
        "pack",
        "要回答的规则包。默认取答案文件或草稿里的规则包、唯一加载的规则包，或让你选择",
    ),
    (
        "run",
        "resume",
        "继续一份草稿（答案随答随存，按 Ctrl-C 也会保留）",
    ),
    (
        "run",
        "answers",
        "从答案文件开始：只问缺少或无效的答案。没有终端时，所有答案都必须在文件里",
    ),
    (
        "run",
        "again",
        "几个月后再评估一次：每道题都重新问，预先选好 FILE 里的旧答案；新答案另存为它旁边的新文件（FILE 保持不变）",
    ),
    ("run", "start", "时间表的第一天（YYYY-MM-DD），默认今天"),
    ("run", "width", "计划和提示的宽度（列数），默认取终端宽度"),
    ("rules", "", "管理规则包"),
    ("rules list", "", "列出所有规则包及其来源"),
    ("rules lint", "", "检查规则包：一次列出所有问题，并给出反例"),
    (
        "rules lint",
        "paths",
        "要检查的规则包文件夹或文件，默认检查所有已加载的规则包",
    ),
    ("rules lint", "format", "输出格式"),
    (
        "rules lint",
        "budget",
        "每个规则包的分析时限（秒），超时则报告“未完全检查”",
    ),
    ("rules test", "", "运行规则包里的 [[test]] 测试"),
    ("rules test", "pack", "要运行测试的规则包，默认全部"),
    (
        "rules schema",
        "",
        "输出规则包文件的 JSON Schema（供编辑器校验和补全）",
    ),
    (
        "rules new",
        "",
        "新建一个能通过 lint 和自身测试的起步规则包",
    ),
    (
        "rules new",
        "id",
        "新规则包的 id，也是文件夹名（小写字母、数字、- 和 _）",
    ),
    (
        "rules new",
        "languages",
        "规则包文本使用的语言，第一个是默认语言（全局的 --lang 决定消息和注释的语言）",
    ),
    ("rules new", "dir", "在哪个文件夹里创建规则包"),
    ("rules show", "", "以表格列出规则包的问题、派生事实和规则"),
    ("rules show", "pack", "要显示的规则包"),
    (
        "rules show",
        "width",
        "表格宽度（列数）。默认取终端宽度；管道输出时不换行",
    ),
    (
        "rules show",
        "texts",
        "并排列出规则包的全部中英文字，便于校对",
    ),
    (
        "rules show",
        "markdown",
        "与 --texts 一起用：输出 Markdown，便于发给同事",
    ),
    (
        "rules export-texts",
        "",
        "把规则包的全部文字写成 CSV（id、field、zh、en），供翻译使用",
    ),
    ("rules export-texts", "pack", "要导出文字的规则包"),
    (
        "rules export-texts",
        "output",
        "写入这个文件，而不是标准输出",
    ),
    ("rules export-texts", "force", "文件已存在时覆盖"),
    (
        "rules bundle",
        "",
        "把规则包文件夹中的文件合并为一个文件，便于发送",
    ),
    ("rules bundle", "dir", "规则包所在的文件夹"),
    (
        "rules bundle",
        "output",
        "要写入的文件，例如 my-pack.fulcrum.toml",
    ),
    ("rules bundle", "force", "文件已存在时覆盖"),
    ("rules install", "", "检查规则包文件并放进你的规则文件夹"),
    (
        "rules install",
        "file",
        "规则包文件，即 `rules bundle` 的输出",
    ),
    (
        "rules install",
        "force",
        "替换已安装的、内容不同的同名规则包",
    ),
    ("rules remove", "", "从你的规则文件夹中删除一个规则包"),
    ("rules remove", "id", "规则包的 id"),
    ("rules import-texts", "", "把翻译好的 CSV 写回规则包的文件"),
    ("rules import-texts", "pack", "要写入文字的规则包"),
    (
        "rules import-texts",
        "file",
        "CSV 文件，格式同 `rules export-texts` 的输出",
    ),
];

/// Columns of Chinese help text per line, so it fits beside or below the option names.
const HELP_WIDTH: usize = 60;

/// The layout of Chinese help: clap's own, with Chinese headings ending in a full-width colon
/// (clap writes its headings with an ASCII one), each section only when the command has it.
fn template(command: &Command) -> String {
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n");
    if command
        .get_positionals()
        .any(|a| !a.is_hide_set() && a.get_id() != "help")
    {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}\n");
    if command.get_subcommands().any(|c| !c.is_hide_set()) {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    template.push_str("{after-help}");
    template
}

/// Applies the help texts of `lang` to the command (English is the command as declared).
pub fn localize(command: Command, lang: Lang) -> Command {
    if lang != Lang::Zh {
        return command;
    }
    // Headings and the template are set on every command by `headings`. clap's own `help`
    // command describes itself in English, so a Chinese one takes its place (see
    // `help_request`).
    let mut command = command
        .disable_help_subcommand(true)
        .subcommand(
            Command::new(HELP).about("显示命令的帮助").arg(
                Arg::new(HELP_PATH)
                    .num_args(0..)
                    .value_name("命令")
                    .help("命令名，例如 plan 或 rules lint；不写则显示总的帮助"),
            ),
        )
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    for (path, arg, text) in TEXTS {
        command = at(command, path, &|c: Command| {
            if arg.is_empty() {
                c.about(*text)
            } else {
                // clap breaks lines only at spaces, so Chinese is broken here.
                c.mut_arg(*arg, |a| {
                    a.help(crate::render::wrap::wrap(text, HELP_WIDTH))
                })
            }
        });
    }
    headings(command)
}

/// Applies `f` to the subcommand at `path` (space-separated; empty for the root).
fn at(command: Command, path: &str, f: &dyn Fn(Command) -> Command) -> Command {
    match path.split_once(' ') {
        _ if path.is_empty() => f(command),
        Some((first, rest)) => command.mut_subcommand(first, |c| at(c, rest, f)),
        None => command.mut_subcommand(path, f),
    }
}

/// The values of choice options in Chinese, by the value's name.
const VALUES: &[(&str, &str)] = &[
    ("auto", "在终端上着色，除非设置了 NO_COLOR 或 TERM=dumb"),
    ("always", "总是着色"),
    ("never", "从不着色"),
    ("table", "表格，按终端宽度排版"),
    ("json", "JSON，供程序读取"),
    ("markdown", "Markdown"),
    ("html", "可打印的 A4 网页"),
    ("csv", "逗号分隔值，可用 Excel 打开"),
    ("text", "文字"),
];

/// Moves an option's possible values and default into its Chinese help, since clap words them
/// ("Possible values", "default") in English only.
fn values_in_chinese(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let name = v.get_name();
            match VALUES.iter().find(|(n, _)| *n == name) {
                Some((_, text)) => format!("{name}（{text}）"),
                None => name.to_string(),
            }
        })
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && defaults.is_empty() {
        return arg;
    }
    let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    if !values.is_empty() {
        help.push('\n');
        help.push_str(&crate::render::wrap::wrap(
            &format!("可选值：{}", values.join("；")),
            HELP_WIDTH,
        ));
    }
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        help.push_str(&format!("\n默认：{}", defaults.join(", ")));
    }
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// The name of the Chinese `help` command, and of its argument.
const HELP: &str = "help";
const HELP_PATH: &str = "command";

/// For a command line `help [COMMAND]...` parsed with the Chinese command: the help of the
/// named command (`Ok`), or a message naming the first word that is not a command (`Err`).
/// `None` for every other command line.
pub fn help_request(command: &mut Command, matches: &ArgMatches) -> Option<Result<String, String>> {
    let (HELP, help) = matches.subcommand()? else {
        return None;
    };
    let path: Vec<&String> = help
        .get_many::<String>(HELP_PATH)
        .map(Iterator::collect)
        .unwrap_or_default();
    // Building gives every subcommand its full name (`fulcrum rules lint`) for the usage line.
    command.build();
    let mut target = command;
    for name in path {
        let mut shown: Vec<&Command> = target
            .get_subcommands()
            .filter(|c| !c.is_hide_set() && c.get_name() != HELP)
            .collect();
        shown.sort_by_key(|c| c.get_display_order());
        let known: Vec<String> = shown.iter().map(|c| c.get_name().to_string()).collect();
        match target.find_subcommand_mut(name) {
            Some(sub) if sub.get_name() != HELP => target = sub,
            _ => {
                let names = known.join("、");
                return Some(Err(format!("没有命令 `{name}`；可用的命令：{names}")));
            }
        }
    }
    Some(Ok(target.render_long_help().to_string()))
}

/// Chinese headings for arguments and options, on every command.
fn headings(command: Command) -> Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let template = template(&command);
    let mut command = command
        .help_template(template)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        )
        .mut_args(values_in_chinese);
    for name in names {
        command = command.mut_subcommand(name, headings);
    }
    command
}

#[cfg(test)]
mod tests;
