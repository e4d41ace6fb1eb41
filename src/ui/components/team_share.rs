//! "Share with your team": after a check-in or a pulse of Tend's own, the
//! short team code (`tend_core::domain::team`) the person may pass to
//! their leader, what it holds said in words first, with a copy button and
//! the same code as a QR code drawn here. Nothing is sent anywhere.

use crate::platform;
use crate::ui::checkin::use_instruments;
use crate::ui::use_app;
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};
use tend_core::domain::answer::Answer;
use tend_core::domain::instrument::{ContextQuestion, Headline};
use tend_core::domain::scoring::Profile;
use tend_core::domain::team::{self, Bands, Content, Field, Level, Month, TeamCode};
use tend_core::store::checksum::fnv1a64;
use tend_core::store::TendData;

/// The share panel for the entry `entry_id` completed at `completed_at`
/// with these scores. Shown only where the leaders' tools are on.
#[component]
pub fn TeamShare(entry_id: String, completed_at: i64, profile: Profile) -> impl IntoView {
    let ctx = use_app();
    let instruments = use_instruments();
    let t = move || ctx.t();
    if !ctx.deployed.modules().leaders {
        return ().into_any();
    }
    // The field of work: this entry's answer to the role question, or for
    // a pulse (which does not ask) the latest check-in's.
    let field = ctx.data.with_untracked(|d| role_of(d, &entry_id));
    let code = code_for(&entry_id, completed_at, &profile, field);
    let body = match code {
        Err(reason) => {
            let reason = match reason {
                Unshareable::Month => t().team_share_cannot_month,
                Unshareable::Bands => t().team_share_cannot_bands,
            };
            view! { <p class="hint">{t().team_share_cannot(reason)}</p> }.into_any()
        }
        Ok(code) => {
            let text = team::encode(&code);
            let field_label = move |f: Field| -> String {
                if f == Field::NotSaid {
                    return t().team_share_not_said.to_string();
                }
                instruments
                    .get(tend_core::builtin::OWN_IDS[0])
                    .and_then(|i| {
                        let item = i.context_item(ContextQuestion::Role)?;
                        let option = item.options.iter().find(|o| o.id == f.id())?;
                        Some(option.label.clone())
                    })
                    .unwrap_or_else(|| f.id().to_string())
            };
            let holds: Vec<String> = team::describe(&code)
                .into_iter()
                .filter_map(|part| content_text(&ctx, part, &field_label))
                .collect();
            view! { <CodePanel text=text holds=holds /> }.into_any()
        }
    };
    // Closed until the person opens it: sharing is a choice.
    view! {
        <details class="card team-share" data-testid="team-share">
            <summary>{t().team_share_heading}</summary>
            <p>{t().team_share_intro}</p>
            {body}
        </details>
    }
    .into_any()
}

/// Why an entry cannot become a code.
enum Unshareable {
    Month,
    Bands,
}

/// The code for this entry: its nonce is made from the entry's id, so the
/// same entry shared twice is counted once.
fn code_for(
    entry_id: &str,
    completed_at: i64,
    profile: &Profile,
    field: Field,
) -> Result<TeamCode, Unshareable> {
    let bands = Bands::from_profile(profile).map_err(|_| Unshareable::Bands)?;
    let month =
        Month::at(completed_at, platform::utc_offset_minutes()).ok_or(Unshareable::Month)?;
    Ok(TeamCode::new(
        bands,
        field,
        month,
        fnv1a64(entry_id.as_bytes()),
    ))
}

/// The field of work the person gave: on this entry if it is a check-in
/// that asked, else on their latest check-in that did.
fn role_of(data: &TendData, entry_id: &str) -> Field {
    let role = |answers: &tend_core::domain::answer::Answers| {
        answers.iter().find_map(|(item, answer)| match answer {
            Answer::Choices(ids) if item == "ctx-role" => {
                ids.first().and_then(|id| Field::parse(id))
            }
            _ => None,
        })
    };
    if let Some(c) = data.checkins.iter().find(|c| c.id == entry_id) {
        return role(&c.answers).unwrap_or(Field::NotSaid);
    }
    data.checkins
        .iter()
        .rev()
        .find_map(|c| role(&c.answers))
        .unwrap_or(Field::NotSaid)
}

/// One part of a code in words, or `None` for the version (not news to
/// the person).
fn content_text(
    ctx: &crate::ui::AppContext,
    part: Content,
    field_label: &impl Fn(Field) -> String,
) -> Option<String> {
    let t = ctx.t();
    let band = |level: Option<Level>| match level {
        Some(l) => level_label(t, l).to_string(),
        None => t.team_share_no_band.to_string(),
    };
    Some(match part {
        Content::Version(_) => return None,
        Content::Band(Headline::SecondaryTrauma, l) => t.team_share_holds_sts(&band(l)),
        Content::Band(Headline::Burnout, l) => t.team_share_holds_burnout(&band(l)),
        Content::Band(Headline::Sustaining, l) => t.team_share_holds_sustaining(&band(l)),
        Content::Field(f) => t.team_share_holds_field(&field_label(f)),
        Content::Month(m) => t.team_share_holds_month(&month_text(ctx, m)),
        Content::Nonce(_) => t.team_share_holds_nonce.to_string(),
        Content::Checksum(_) => t.team_share_holds_checksum.to_string(),
    })
}

/// A band's name, as the team view's columns say it.
pub fn level_label(t: &crate::content::Strings, level: Level) -> &'static str {
    match level {
        Level::Low => t.team_view_col_low,
        Level::Moderate => t.team_view_col_moderate,
        Level::High => t.team_view_col_high,
    }
}

/// A month in the person's language.
pub fn month_text(ctx: &crate::ui::AppContext, month: Month) -> String {
    platform::format_month(
        month.year(),
        month.month(),
        ctx.locale.get_untracked().code(),
    )
}

/// What the code holds, the code, Copy, and the QR code.
#[component]
fn CodePanel(text: String, holds: Vec<String>) -> impl IntoView {
    let ctx = use_app();
    let t = move || ctx.t();
    let copied = RwSignal::new(None::<bool>);
    let qr = qr_svg(&text);
    let for_copy = text.clone();
    let copy = move |_| {
        let text = for_copy.clone();
        leptos::task::spawn_local(async move {
            let ok = platform::copy_text(&text).await;
            copied.set(Some(ok));
        });
    };
    view! {
        <h3>{t().team_share_holds_heading}</h3>
        <ul class="plain-list" data-testid="team-share-holds">
            {holds.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}
        </ul>
        <p>{t().team_share_never}</p>
        <p>{t().team_share_leader_learns}</p>
        <p>{t().team_share_not_proof}</p>
        <label for="team-code">{t().team_share_code_label}</label>
        <input
            id="team-code"
            class="team-code"
            type="text"
            readonly
            value=text.clone()
            data-testid="team-code"
            on:focus=|e| {
                use wasm_bindgen::JsCast;
                if let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.select();
                }
            }
        />
        <div class="actions">
            <button type="button" on:click=copy data-testid="team-code-copy">
                {t().team_share_copy}
            </button>
        </div>
        <p role="status">
            {move || match copied.get() {
                Some(true) => t().team_share_copied,
                Some(false) => t().team_share_copy_failed,
                None => "",
            }}
        </p>
        {qr.map(|svg| view! {
            <figure class="team-qr">
                <div inner_html=svg></div>
                <figcaption>{t().team_share_qr_label}</figcaption>
            </figure>
        })}
    }
}

/// The code as an SVG QR code (a quiet zone of four modules around it),
/// or `None` if it cannot be encoded (it always can: a code is 24
/// characters).
fn qr_svg(text: &str) -> Option<String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let full = size + 2 * border;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" \
         aria-hidden=\"true\" focusable=\"false\" shape-rendering=\"crispEdges\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}
