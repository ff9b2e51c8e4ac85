//! `fulcrum workshop serve`: checks the pack, the folder and the port, prints how to join, and
//! serves the room (see [`crate::serve`]) until Ctrl-C.

use std::io::IsTerminal;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::ServeArgs;
use crate::commands::session::Context;
use crate::commands::session::{select_pack, start_date};
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::load::Catalog;
use crate::serve::drafts;
use crate::serve::pages::Pages;
use crate::serve::room::Room;
use crate::serve::routes::App;
use crate::terminal::sanitize;
use crate::tr;

/// Runs `fulcrum workshop serve`.
pub fn run(context: &Context, args: &ServeArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let start = start_date(None, ui)?;
    let catalog = context.catalog()?;
    // The packs live as long as the server: pages are rendered from them without copies.
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    let pack = select_pack(catalog, args.pack.as_deref(), None, ui)?;
    let dir = answers_dir(args.dir.as_deref(), ui)?;
    let listener = bind(args.bind, args.port, ui)?;
    let (room, problems) =
        Room::open(catalog, pack, &dir, start, ui).map_err(|e| unwritable(&dir, &e, ui))?;
    for problem in problems {
        eprintln!("{}", sanitize(&problem));
    }
    let pages = Pages::new()
        .map_err(|e| Failure::message(Exit::Internal, format!("page templates: {e:#}")))?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let (answering, submitted) = room.counts();
    let token = room.token.as_str().to_string();
    announce(args.bind, port, &dir, &token, ui, (answering, submitted));
    let app = Arc::new(App { room, pages });
    crate::serve::run(app.clone(), listener).map_err(|e| {
        Failure::message(
            Exit::Internal,
            tr!(ui, "服务意外停止：{e}", "the server stopped: {e}"),
        )
    })?;
    let (answering, submitted) = app.room.counts();
    let shown = sanitize(&dir.display().to_string());
    println!();
    println!(
        "{}",
        tr!(
            ui,
            "已停止。{submitted} 份答案已保存在 {shown}（另有 {answering} 份未提交的草稿，用 --dir {shown} 再次启动可继续）。",
            "Stopped. {submitted} answers file(s) saved in {shown} ({answering} unfinished draft(s) kept; start again with --dir {shown} to carry on)."
        )
    );
    println!(
        "{}",
        tr!(
            ui,
            "打印全部计划：fulcrum plan --answers {shown} --out-dir {shown}/plans --format html\n全场汇总：fulcrum workshop summary {shown}",
            "Print every plan: fulcrum plan --answers {shown} --out-dir {shown}/plans --format html\nRoom summary: fulcrum workshop summary {shown}"
        )
    );
    Ok(Exit::Success)
}

/// The folder for answers: the one given (created if missing), or a new dated one here.
fn answers_dir(flag: Option<&Path>, ui: Lang) -> Result<PathBuf, Failure> {
    let dir = match flag {
        Some(dir) => dir.to_path_buf(),
        None => {
            let today = crate::clock::today();
            let stem = format!("fulcrum-workshop-{today}");
            std::iter::once(PathBuf::from(&stem))
                .chain((2u32..).map(|n| PathBuf::from(format!("{stem}-{n}"))))
                .find(|p| !p.exists())
                .unwrap_or_else(|| PathBuf::from(stem))
        }
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::message(
            Exit::Output,
            tr!(
                ui,
                "`{}` 是一个文件，不是文件夹；请用 --dir 指定一个文件夹",
                "`{}` is a file, not a folder; give a folder with --dir",
                dir.display()
            ),
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| unwritable(&dir, &e, ui))?;
    // A folder this command served before holds drafts: carrying on there is expected.
    let ours = dir.join(drafts::FOLDER).is_dir();
    let others = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).count())
        .unwrap_or(0);
    if others > 0 && !ours {
        eprintln!(
            "{}",
            sanitize(&tr!(
                ui,
                "注意：文件夹 `{}` 里已经有 {others} 个文件；对这个文件夹运行 fulcrum plan --answers 或 workshop summary 时，其中的答案文件也会被读取。",
                "note: the folder `{}` already holds {others} file(s); fulcrum plan --answers and workshop summary on this folder will read its answers files too.",
                dir.display()
            ))
        );
    }
    Ok(dir)
}

fn unwritable(dir: &Path, e: &std::io::Error, ui: Lang) -> Failure {
    Failure::message(
        Exit::Output,
        tr!(
            ui,
            "无法在文件夹 `{}` 中写入：{e}；请用 --dir 换一个文件夹",
            "cannot write in the folder `{}`: {e}; choose another with --dir",
            dir.display()
        ),
    )
}

/// How many connections may wait to be accepted. A room of phones that press "next" together
/// overflowed the standard library's 128, and the kernel dropped the rest: each dropped phone
/// tried again a second later (docs/performance.md). The kernel caps it at `somaxconn`.
const BACKLOG: i32 = 1024;

/// Listens on `addr` as `TcpListener::bind` does (reusable address, closed on exec), with room
/// for [`BACKLOG`] connections waiting.
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

/// Listens on the address, or says why it cannot.
fn bind(ip: IpAddr, port: u16, ui: Lang) -> Result<TcpListener, Failure> {
    listen(SocketAddr::new(ip, port)).map_err(|e| {
        let message = match e.kind() {
            std::io::ErrorKind::AddrInUse => tr!(
                ui,
                "端口 {port} 已被占用（也许服务已经在运行）；请用 --port 换一个端口，例如 --port 8081",
                "port {port} is in use (perhaps the server is already running); choose another with --port, e.g. --port 8081"
            ),
            std::io::ErrorKind::AddrNotAvailable => tr!(
                ui,
                "这台电脑没有地址 {ip}；请用 --bind 指定本机的地址，或不写 --bind",
                "this computer has no address {ip}; give one of its addresses with --bind, or leave --bind out"
            ),
            _ => tr!(
                ui,
                "无法监听 {ip}:{port}：{e}",
                "cannot listen on {ip}:{port}: {e}"
            ),
        };
        Failure::message(Exit::Usage, message)
    })
}

/// The addresses phones can reach: each local network interface's IPv4 address when the
/// server listens on every interface, else the address given.
fn participant_addresses(bind: IpAddr, port: u16) -> Vec<String> {
    let ips: Vec<IpAddr> = if bind.is_unspecified() {
        let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.ip())
            .filter(|ip| ip.is_ipv4() && !ip.is_loopback())
            .collect();
        ips.sort();
        ips.dedup();
        if ips.is_empty() {
            ips.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
        }
        ips
    } else {
        vec![bind]
    };
    ips.into_iter()
        .map(|ip| match ip {
            IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
            IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
        })
        .collect()
}

/// Prints how to join, the QR code, the dashboard and the folder.
fn announce(bind: IpAddr, port: u16, dir: &Path, token: &str, ui: Lang, counts: (usize, usize)) {
    let addresses = participant_addresses(bind, port);
    let local = if bind.is_unspecified() || bind.is_loopback() {
        format!("http://127.0.0.1:{port}")
    } else {
        addresses[0].trim_end_matches('/').to_string()
    };
    println!(
        "{}",
        tr!(
            ui,
            "fulcrum 工作坊服务已启动。参与者用手机连上同一个 Wi-Fi，扫码或在浏览器输入：",
            "fulcrum workshop server is running. Participants join the same Wi-Fi, then scan the code or type in a browser:"
        )
    );
    for address in &addresses {
        println!("  {address}");
    }
    if let Some(code) = crate::serve::qr::render(&addresses[0], std::io::stdout().is_terminal()) {
        println!("{code}");
    }
    println!(
        "{}",
        tr!(
            ui,
            "主持人页面（只给主持人，里面有口令）：\n  {local}/dashboard?token={token}",
            "Facilitator's dashboard (keep it to yourself: it holds the token):\n  {local}/dashboard?token={token}"
        )
    );
    println!(
        "{}",
        sanitize(&tr!(
            ui,
            "答案文件夹：{}",
            "Answers folder: {}",
            dir.display()
        ))
    );
    if counts.0 + counts.1 > 0 {
        println!(
            "{}",
            tr!(
                ui,
                "接着上次：{} 人在回答，{} 人已提交。",
                "Carrying on: {} answering, {} submitted.",
                counts.0,
                counts.1
            )
        );
    }
    println!(
        "{}",
        tr!(
            ui,
            "服务的是本地网络：工作坊结束后按 Ctrl-C 停止。",
            "It serves the local network: press Ctrl-C to stop it after the workshop."
        )
    );
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, SocketAddr, TcpStream};
    use std::time::Duration;

    /// A room pressing "next" together: 300 phones connect before the server accepts any. With
    /// the standard library's backlog of 128 the kernel drops the rest, and their connections
    /// time out here (a phone would retry a second later).
    #[cfg(target_os = "linux")]
    #[test]
    fn three_hundred_phones_can_wait_to_be_accepted() {
        let listener = super::listen(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).unwrap();
        let addr = listener.local_addr().unwrap();
        let waiting: Vec<TcpStream> = (0..300)
            .map(|i| {
                TcpStream::connect_timeout(&addr, Duration::from_millis(500))
                    .unwrap_or_else(|e| panic!("phone {i} was not let in: {e}"))
            })
            .collect();
        assert_eq!(waiting.len(), 300);
    }
}
