//! Renders content sections written in the small content markup.

use crate::content::markup::{self, Block};
use crate::content::Section;
use leptos::prelude::*;

/// One content body: paragraphs, lists and tables.
#[component]
pub fn Body(body: &'static str) -> impl IntoView {
    markup::parse(body)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
            Block::List(items) => {
                view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                    .into_any()
            }
            Block::Table { head, rows } => view! {
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                {head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    let mut cells = row.into_iter();
                                    let first = cells.next().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{first}</th>
                                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any(),
        })
        .collect_view()
}

/// The sections of a page, each under its own heading.
#[component]
pub fn Sections(sections: &'static [Section]) -> impl IntoView {
    sections
        .iter()
        .map(|s| {
            view! {
                <section class="content-section">
                    <h2>{s.heading}</h2>
                    <Body body=s.body />
                </section>
            }
        })
        .collect_view()
}
