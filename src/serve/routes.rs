//! The addresses the server answers, and what each does. Participants reach only their own
//! pages (by their secret id); the dashboard and every all-plans page need the token. No file
//! or folder name is ever taken from a request. The facilitator's pages are in
//! `routes/facilitator.rs`.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

use super::dashboard;
use super::form::{self, Form};
use super::pages::{Pages, Retry};
use super::room::{Action, Participant, Refused, Room, lock};
use crate::interview::machine::Step;
use crate::lang::Lang;
use crate::render::{self, Format};
use crate::tr;

mod facilitator;

use facilitator::{all_plans, all_zip, dashboard_page, one_plan};

/// Largest request body taken (a page's form is a few hundred bytes; the longest text answer
/// allowed by packs is far below this).
pub const MAX_BODY: usize = 64 * 1024;

/// The name of the cookie that remembers a participant's id on their phone.
const COOKIE: &str = "fulcrum";

/// The Content-Security-Policy of every page: nothing from elsewhere, no inline script (the
/// handout's inline style is allowed).
const CSP: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The server's state: the room and the page templates.
#[derive(Debug)]
pub struct App {
    /// The room.
    pub room: Room,
    /// The templates.
    pub pages: Pages,
}

type Shared = State<Arc<App>>;

/// Every route.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(landing))
        .route("/start", axum::routing::post(start))
        .route("/p/{id}", get(page).post(act))
        .route("/p/{id}/plan", get(plan_page))
        .route("/p/{id}/plan.html", get(plan_html))
        .route("/p/{id}/plan.md", get(plan_markdown))
        .route("/p/{id}/answers.toml", get(answers_file))
        .route("/assets/{name}", get(asset))
        .route("/dashboard", get(dashboard_page))
        .route("/dashboard/plans", get(all_plans))
        .route("/dashboard/all.zip", get(all_zip))
        .route("/dashboard/plan/{n}", get(one_plan))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(secure))
        .with_state(app)
}

/// Headers every response carries.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// The query of a request as a form (`?lang=…`, `?token=…`).
fn query(uri: &Uri) -> Form {
    Form::parse(uri.query().unwrap_or("").as_bytes()).unwrap_or_default()
}

/// The language asked for: `?lang=`, else the browser's languages in order, else the pack's
/// default.
fn request_lang(app: &App, uri: &Uri, headers: &HeaderMap) -> Lang {
    let asked = query(uri).get("lang").and_then(|l| l.parse().ok());
    let browser = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.split(',')
                    .filter_map(|tag| Lang::from_locale(tag.split(';').next().unwrap_or("")))
                    .find(|l| app.room.pack.languages.contains(l))
            })
    };
    app.room.pack.resolve_lang(asked.or_else(browser))
}

/// The participant id in the cookie, if any.
fn cookie_id(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("fulcrum="))
}

fn html(status: StatusCode, page: String) -> Response {
    (status, Html(page)).into_response()
}

fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A page saying what went wrong, with a way on.
fn message(app: &App, status: StatusCode, lang: Lang, heading: &str, text: &str) -> Response {
    let link = Some((
        if lang == Lang::Zh {
            "回到首页"
        } else {
            "Go to the start page"
        },
        "/".to_string(),
    ));
    html(status, app.pages.message(lang, heading, text, link))
}

fn unknown_participant(app: &App, lang: Lang) -> Response {
    message(
        app,
        StatusCode::NOT_FOUND,
        lang,
        &tr!(lang, "找不到这份问卷", "Questionnaire not found"),
        &tr!(
            lang,
            "这个地址不对，或者服务已经换了答案文件夹。请从首页重新开始，或者用你最初打开的地址。",
            "This address is not right, or the server now uses another answers folder. Start again from the start page, or use the address you first opened."
        ),
    )
}

fn internal(app: &App, lang: Lang, detail: &str) -> Response {
    message(
        app,
        StatusCode::INTERNAL_SERVER_ERROR,
        lang,
        &tr!(lang, "出错了", "Something went wrong"),
        &tr!(
            lang,
            "{detail}。请告诉主持人。",
            "{detail}. Please tell the facilitator."
        ),
    )
}

async fn not_found(State(app): Shared, uri: Uri, headers: HeaderMap) -> Response {
    let lang = request_lang(&app, &uri, &headers);
    message(
        &app,
        StatusCode::NOT_FOUND,
        lang,
        &tr!(lang, "没有这个页面", "No such page"),
        &tr!(lang, "请从首页开始。", "Please begin at the start page."),
    )
}

async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind): (&'static str, &'static str) = match name.as_str() {
        "room.css" => (include_str!("assets/room.css"), "text/css; charset=utf-8"),
        "plan.css" => (include_str!("assets/plan.css"), "text/css; charset=utf-8"),
        "room.js" => (
            include_str!("assets/room.js"),
            "text/javascript; charset=utf-8",
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn landing(State(app): Shared, uri: Uri, headers: HeaderMap) -> Response {
    let lang = request_lang(&app, &uri, &headers);
    let resume = cookie_id(&headers)
        .filter(|id| app.room.participant(id).is_some())
        .map(|id| format!("/p/{id}"));
    html(
        StatusCode::OK,
        app.pages.landing(app.room.pack, lang, resume),
    )
}

async fn start(State(app): Shared, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let lang = Form::parse(&body)
        .and_then(|f| f.get("lang").and_then(|l| l.parse().ok()))
        .map_or_else(
            || request_lang(&app, &uri, &headers),
            |l| app.room.pack.resolve_lang(Some(l)),
        );
    let joined = {
        let app = app.clone();
        tokio::task::spawn_blocking(move || app.room.join(lang)).await
    };
    match joined {
        Ok(Ok(Some(id))) => {
            let mut response = see_other(&format!("/p/{}", id.as_str()));
            set_cookie(&mut response, id.as_str());
            response
        }
        Ok(Ok(None)) => message(
            &app,
            StatusCode::SERVICE_UNAVAILABLE,
            lang,
            &tr!(lang, "人数已满", "The room is full"),
            &tr!(
                lang,
                "这个房间已经有 {} 份问卷，不能再开始新的了。请告诉主持人。",
                "This room already holds {} questionnaires and takes no more. Please tell the facilitator.",
                super::room::MAX_PARTICIPANTS
            ),
        ),
        Ok(Err(e)) => internal(&app, lang, &e.to_string()),
        Err(e) => internal(&app, lang, &e.to_string()),
    }
}

fn set_cookie(response: &mut Response, id: &str) {
    let value = format!("{COOKIE}={id}; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
}

/// A participant's current page: the question, the review, or (once submitted) the plan.
async fn page(
    State(app): Shared,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&app, &uri, &headers);
    let Some(found) = app.room.participant(&id) else {
        return unknown_participant(&app, lang);
    };
    let base = format!("/p/{id}");
    if let Some(asked) = query(&uri).get("lang").and_then(|l| l.parse().ok()) {
        let worker = app.clone();
        let saved = tokio::task::spawn_blocking(move || {
            let mut p = lock(&found);
            worker.room.set_lang(&mut p, asked)
        })
        .await;
        return match saved {
            Ok(Ok(())) => see_other(&base),
            Ok(Err(e)) => internal(&app, asked, &e.to_string()),
            Err(e) => internal(&app, asked, &e.to_string()),
        };
    }
    let p = lock(&found);
    let mut response = current_page(&app, &p, &base, StatusCode::OK, None);
    set_cookie(&mut response, &id);
    response
}

/// The page for where a participant is, with the message of a refused answer.
fn current_page(
    app: &App,
    p: &Participant,
    base: &str,
    status: StatusCode,
    retry: Option<Retry<'_>>,
) -> Response {
    match p.interview.step() {
        Step::Ask(ask) => {
            let retry = retry.unwrap_or_default();
            html(
                status,
                app.pages.question(&p.interview, &ask, p.lang, base, &retry),
            )
        }
        Step::Review => html(
            status,
            app.pages
                .review(&p.interview, p.lang, base, retry.and_then(|r| r.error)),
        ),
        Step::Done => see_other(&format!("{base}/plan")),
    }
}

/// What a participant did on their page.
async fn act(State(app): Shared, Path(id): Path<String>, body: Bytes) -> Response {
    let worker = app.clone();
    tokio::task::spawn_blocking(move || act_now(&worker, &id, &body))
        .await
        .unwrap_or_else(|e| internal(&app, app.room.ui, &e.to_string()))
}

fn act_now(app: &App, id: &str, body: &[u8]) -> Response {
    let Some(found) = app.room.participant(id) else {
        return unknown_participant(app, app.room.ui);
    };
    let mut p = lock(&found);
    let lang = p.lang;
    let base = format!("/p/{id}");
    let Some(form) = Form::parse(body) else {
        return message(
            app,
            StatusCode::PAYLOAD_TOO_LARGE,
            lang,
            &tr!(lang, "内容太多", "Too much in one form"),
            &tr!(
                lang,
                "这个表单的字段太多。",
                "This form has too many fields."
            ),
        );
    };
    // A form sent from an older page (the browser's back button, a second tab): show where
    // the questionnaire is instead of applying it to another question.
    let at = match p.interview.step() {
        Step::Ask(ask) => app.room.pack.questions[ask.question].id.as_str(),
        Step::Review => "review",
        Step::Done => return see_other(&format!("{base}/plan")),
    };
    if form.get("at") != Some(at) {
        return see_other(&base);
    }
    let action = if let Some(change) = form.get("change") {
        match app.room.pack.question(change) {
            Some((q, _)) => Action::Change(q),
            None => return see_other(&base),
        }
    } else {
        match form.get("do") {
            Some("back") => Action::Back,
            Some("skip") => Action::Answer(None),
            Some("confirm") => Action::Confirm,
            _ => match p.interview.step() {
                Step::Ask(ask) => {
                    let question = &app.room.pack.questions[ask.question];
                    match form::answer(question, &form, lang) {
                        Ok(value) => Action::Answer(value),
                        Err(error) => {
                            let retry = Retry {
                                error: Some(&error),
                                typed: form.get("v"),
                            };
                            return current_page(
                                app,
                                &p,
                                &base,
                                StatusCode::UNPROCESSABLE_ENTITY,
                                Some(retry),
                            );
                        }
                    }
                }
                _ => return see_other(&base),
            },
        }
    };
    match app.room.act(&mut p, action) {
        Ok(()) if p.submitted.is_some() => see_other(&format!("{base}/plan")),
        Ok(()) => see_other(&base),
        Err(Refused::Invalid(error)) => {
            let retry = Retry {
                error: Some(&error),
                typed: form.get("v"),
            };
            current_page(
                app,
                &p,
                &base,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(retry),
            )
        }
        Err(Refused::NotSaved(error)) => {
            let retry = Retry {
                error: Some(&error),
                typed: form.get("v"),
            };
            current_page(app, &p, &base, StatusCode::SERVICE_UNAVAILABLE, Some(retry))
        }
    }
}

/// A submitted participant's file name and language, or the response to send instead.
fn submitted(
    app: &App,
    id: &str,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<(String, Lang), Response> {
    let lang = request_lang(app, uri, headers);
    let Some(found) = app.room.participant(id) else {
        return Err(unknown_participant(app, lang));
    };
    let p = lock(&found);
    match &p.submitted {
        Some(name) => Ok((name.clone(), p.lang)),
        None => Err(see_other(&format!("/p/{id}"))),
    }
}

async fn plan_page(
    State(app): Shared,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let base = format!("/p/{id}");
    if let Some(asked) = query(&uri).get("lang").and_then(|l| l.parse().ok())
        && let Some(found) = app.room.participant(&id)
    {
        let app = app.clone();
        let _ = tokio::task::spawn_blocking(move || {
            let mut p = lock(&found);
            app.room.set_lang(&mut p, asked)
        })
        .await;
        return see_other(&format!("{base}/plan"));
    }
    let (name, lang) = match submitted(&app, &id, &uri, &headers) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let handout = app.room.plan(&name, Some(lang)).and_then(|plan| {
        render::render(&plan, Format::Html, dashboard::options()).map_err(|e| e.to_string())
    });
    match handout {
        Ok(handout) => html(
            StatusCode::OK,
            app.pages.plan(&handout, app.room.pack, lang, &base),
        ),
        Err(e) => internal(&app, lang, &e),
    }
}

/// A file to download, named `name`.
fn download(body: impl Into<Body>, kind: &'static str, name: &str) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        name.chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            })
            .collect::<String>(),
        percent_encode(name)
    );
    let mut response = Response::new(body.into());
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// RFC 5987 encoding of a file name.
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn plan_file(
    app: Arc<App>,
    id: String,
    uri: Uri,
    headers: HeaderMap,
    format: Format,
) -> Response {
    let (name, lang) = match submitted(&app, &id, &uri, &headers) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let stem = name.strip_suffix(".toml").unwrap_or(&name);
    let text = app.room.plan(&name, Some(lang)).and_then(|plan| {
        render::render(&plan, format, dashboard::options()).map_err(|e| e.to_string())
    });
    match (text, format) {
        (Ok(text), Format::Markdown) => {
            download(text, "text/markdown; charset=utf-8", &format!("{stem}.md"))
        }
        (Ok(text), _) => download(text, "text/html; charset=utf-8", &format!("{stem}.html")),
        (Err(e), _) => internal(&app, lang, &e),
    }
}

async fn plan_html(
    State(app): Shared,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    plan_file(app, id, uri, headers, Format::Html).await
}

async fn plan_markdown(
    State(app): Shared,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    plan_file(app, id, uri, headers, Format::Markdown).await
}

async fn answers_file(
    State(app): Shared,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let (name, lang) = match submitted(&app, &id, &uri, &headers) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match app.room.answers_text(&name) {
        Ok(text) => download(text, "application/toml; charset=utf-8", &name),
        Err(e) => internal(&app, lang, &e.to_string()),
    }
}
