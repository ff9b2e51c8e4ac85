//! The facilitator's pages: the dashboard, every plan to print, the zip of all files and one
//! plan by number. Each needs the facilitator's token.

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::{App, Shared, download, html, internal, message, query};
use crate::serve::dashboard;
use crate::serve::pages::{print_all, words};
use crate::tr;

/// Checks the facilitator's token; the response to send when it is missing or wrong.
fn facilitator(app: &App, uri: &Uri) -> Result<String, Response> {
    let lang = app.room.ui;
    match query(uri).get("token") {
        Some(token) if app.room.token.matches(token) => Ok(token.to_string()),
        given => Err(message(
            app,
            if given.is_none() {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            },
            lang,
            &tr!(lang, "需要主持人口令", "The facilitator's token is needed"),
            &tr!(
                lang,
                "请用启动服务时终端里显示的主持人地址打开本页（地址里带有 token）。",
                "Open this page with the facilitator's address printed in the terminal when the server started (it holds the token)."
            ),
        )),
    }
}

pub(super) async fn dashboard_page(State(app): Shared, uri: Uri) -> Response {
    let token = match facilitator(&app, &uri) {
        Ok(token) => token,
        Err(response) => return response,
    };
    let worker = app.clone();
    tokio::task::spawn_blocking(move || {
        let app = worker;
        let files: Vec<String> = app.room.submitted().into_iter().map(|(n, _)| n).collect();
        let summary = dashboard::summary(&app.room, &files);
        let page = app.pages.dashboard(
            app.room.pack,
            app.room.ui,
            &token,
            &app.room.dir.display().to_string(),
            app.room.counts(),
            &files,
            &summary,
        );
        html(StatusCode::OK, page)
    })
    .await
    .unwrap_or_else(|e| internal(&app, app.room.ui, &e.to_string()))
}

pub(super) async fn all_plans(State(app): Shared, uri: Uri) -> Response {
    if let Err(response) = facilitator(&app, &uri) {
        return response;
    }
    let worker = app.clone();
    tokio::task::spawn_blocking(move || {
        let handouts: Vec<String> = worker
            .room
            .submitted()
            .iter()
            .filter_map(|(name, _)| dashboard::handout(&worker.room, name).ok())
            .collect();
        if handouts.is_empty() {
            let lang = worker.room.ui;
            return message(
                &worker,
                StatusCode::OK,
                lang,
                words(lang).print_all,
                &tr!(lang, "还没有人提交。", "No one has submitted yet."),
            );
        }
        html(StatusCode::OK, print_all(&handouts))
    })
    .await
    .unwrap_or_else(|e| internal(&app, app.room.ui, &e.to_string()))
}

pub(super) async fn all_zip(State(app): Shared, uri: Uri) -> Response {
    if let Err(response) = facilitator(&app, &uri) {
        return response;
    }
    let worker = app.clone();
    tokio::task::spawn_blocking(move || {
        let files: Vec<String> = worker
            .room
            .submitted()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        match dashboard::zip(&worker.room, &files) {
            Ok(bytes) => download(bytes, "application/zip", "fulcrum-workshop.zip"),
            Err(e) => internal(&worker, worker.room.ui, &e.to_string()),
        }
    })
    .await
    .unwrap_or_else(|e| internal(&app, app.room.ui, &e.to_string()))
}

pub(super) async fn one_plan(State(app): Shared, Path(n): Path<String>, uri: Uri) -> Response {
    if let Err(response) = facilitator(&app, &uri) {
        return response;
    }
    let files = app.room.submitted();
    let chosen = n
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| files.get(i));
    match chosen {
        Some((name, _)) => match dashboard::handout(&app.room, name) {
            Ok(page) => html(StatusCode::OK, page),
            Err(e) => internal(&app, app.room.ui, &e),
        },
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
