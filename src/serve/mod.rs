//! `fulcrum workshop serve`: the questionnaire as web pages for a room of phones, served from
//! the facilitator's laptop over the local network, with no internet and no accounts.
//!
//! One job per module: [`room`] holds the participants (the terminal's interview state machine,
//! one per person) and writes their answers; [`drafts`] keeps each on disk after every page;
//! [`routes`] maps addresses to actions; [`pages`] renders the HTML; [`form`] reads what pages
//! send; [`dashboard`] is the facilitator's view; [`qr`] draws the join address; [`secret`]
//! makes ids and tokens. [`run`] serves until Ctrl-C, letting requests in flight finish.

pub mod dashboard;
pub mod drafts;
pub mod form;
pub mod pages;
pub mod qr;
pub mod room;
pub mod routes;
pub mod secret;

use std::sync::Arc;

use routes::App;

/// Serves `app` on `listener` until Ctrl-C (or SIGTERM); requests in flight finish first, so
/// every answer they carry is on disk when this returns.
pub fn run(app: Arc<App>, listener: std::net::TcpListener) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, routes::router(app))
            .with_graceful_shutdown(stop_signal())
            .await
    })
}

/// Resolves when the server is asked to stop: Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
