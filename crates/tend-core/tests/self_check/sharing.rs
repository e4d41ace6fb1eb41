use super::*;

fn known() -> Vec<&'static Instrument> {
    vec![instrument()]
}

fn import(text: &str) -> Result<SelfCheck, ShareError> {
    import_self_check(text, &known())
}

/// A file around `body` with a checksum that matches it, as someone
/// editing carefully (or another program) would make.
fn file_of(body: Value) -> String {
    json!({
        "checksum": checksum(&body),
        "format": "tend-self-check",
        "self_check": body,
        "version": 1,
    })
    .to_string()
}

fn body() -> Value {
    serde_json::to_value(sample()).unwrap_or_default()
}

fn code_json(code: &str) -> Value {
    use base64::Engine;
    let Some(body) = code.strip_prefix(CODE_PREFIX) else {
        panic!("{code}");
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(body)
        .unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or_default()
}

fn encode(value: &Value) -> String {
    use base64::Engine;
    format!(
        "{CODE_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
    )
}

#[test]
fn a_file_and_a_code_bring_back_the_same_self_check() {
    let check = sample();
    // It comes back marked as shared with this leader.
    let back = SelfCheck {
        shared: true,
        ..check.clone()
    };
    let file = export_json(&check);
    assert_eq!(import(&file), Ok(back.clone()));
    let code = share_code(&check);
    assert!(code.starts_with(CODE_PREFIX));
    assert!(code[CODE_PREFIX.len()..]
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(import(&code), Ok(back.clone()));
    // As a message app might wrap it, or with padding added.
    let wrapped: String = code
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let brk = (i > 0 && i % 60 == 0).then_some('\n');
            brk.into_iter().chain(std::iter::once(c))
        })
        .collect();
    assert_eq!(import(&format!("  {wrapped}\n")), Ok(back.clone()));
    let padding = "=".repeat((4 - (code.len() - CODE_PREFIX.len()) % 4) % 4);
    assert_eq!(import(&format!("{code}{padding}")), Ok(back.clone()));
    // A file an editor saved with a byte-order mark.
    assert_eq!(import(&format!("\u{feff}{file}")), Ok(back.clone()));
    // The file is small and names its form.
    assert!(file.len() < 2_000, "{}", file.len());
    assert!(file.contains("\"format\": \"tend-self-check\""), "{file}");
    // Passed on again, it is the same file and code: whether a leader
    // was shared a self-check is not part of it.
    assert_eq!(export_json(&back), file);
    assert_eq!(share_code(&back), code);
    assert!(!file.contains("shared"), "{file}");
}

#[test]
fn a_changed_answer_is_caught() {
    let code = share_code(&sample());
    let mut value = code_json(&code);
    value["self_check"]["answers"]["pol-written"] = json!(4);
    assert_eq!(import(&encode(&value)), Err(ShareError::Damaged));

    let file = export_json(&sample()).replace("\"pol-written\": 0", "\"pol-written\": 4");
    assert_ne!(file, export_json(&sample()));
    assert_eq!(import(&file), Err(ShareError::Damaged));

    let file = export_json(&sample()).replace("\"team\": \"Night", "\"team\": \"Day");
    assert_eq!(import(&file), Err(ShareError::Damaged));
}

#[test]
fn no_mistyped_or_cut_short_code_is_read() {
    let code = share_code(&sample());
    let body_start = CODE_PREFIX.len();
    for at in body_start..code.len() {
        let mut chars: Vec<char> = code.chars().collect();
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        let result = import(&typo);
        assert!(result.is_err(), "a typo at {at} was read: {result:?}");
    }
    for end in body_start..code.len() {
        let result = import(&code[..end]);
        assert!(result.is_err(), "cut at {end} was read: {result:?}");
    }
}

#[test]
fn what_is_not_a_self_check_is_refused_plainly() {
    assert_eq!(import(""), Err(ShareError::Empty));
    assert_eq!(import(" \n "), Err(ShareError::Empty));
    let huge = format!("{CODE_PREFIX}{}", "A".repeat(MAX_SHARE_BYTES));
    assert_eq!(import(&huge), Err(ShareError::TooLarge));
    for text in [
        "hello",
        "TSC2.abc",
        "{",
        "{}",
        "[1, 2]",
        r#"{"format":"tend-export","version":1}"#,
        r#"{"format":"tend-self-check","version":"1","checksum":"x","self_check":{}}"#,
    ] {
        assert_eq!(import(text), Err(ShareError::NotASelfCheck), "{text}");
    }
    // A code whose text is not base64, or not JSON inside.
    assert_eq!(
        import(&format!("{CODE_PREFIX}!!!")),
        Err(ShareError::Damaged)
    );
    let not_json = {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("not json")
    };
    assert_eq!(
        import(&format!("{CODE_PREFIX}{not_json}")),
        Err(ShareError::Damaged)
    );
    // A field too many, or the self-check in another shape.
    let mut value: Value = serde_json::from_str(&file_of(body())).unwrap_or_default();
    value["extra"] = json!(true);
    assert_eq!(import(&value.to_string()), Err(ShareError::NotASelfCheck));
    let mut odd = body();
    odd["answers"]["pol-written"] = json!("maybe");
    assert_eq!(import(&file_of(odd)), Err(ShareError::NotASelfCheck));
}

#[test]
fn a_newer_form_is_told_apart_from_damage() {
    let mut value: Value = serde_json::from_str(&file_of(body())).unwrap_or_default();
    value["version"] = json!(2);
    assert_eq!(
        import(&value.to_string()),
        Err(ShareError::Newer { version: 2 })
    );
    assert_eq!(
        import(&encode(&value)),
        Err(ShareError::Newer { version: 2 })
    );
}

#[test]
fn a_self_check_tend_could_not_have_made_is_refused() {
    let with = |change: &dyn Fn(&mut Value)| {
        let mut b = body();
        change(&mut b);
        import(&file_of(b))
    };
    assert_eq!(
        import(&file_of(body())),
        Ok(SelfCheck {
            shared: true,
            ..sample()
        })
    );
    assert_eq!(
        with(&|b| b["instrument_version"] = json!("2")),
        Err(ShareError::UnknownInstrument {
            id: ORG_ID.into(),
            version: "2".into()
        })
    );
    assert_eq!(
        with(&|b| b["instrument_id"] = json!("tend")),
        Err(ShareError::UnknownInstrument {
            id: "tend".into(),
            version: "1".into()
        })
    );
    assert_eq!(
        with(&|b| b["answers"]["int-images"] = json!(2)),
        Err(ShareError::UnknownStatement {
            statement: "int-images".into()
        })
    );
    assert_eq!(
        with(&|b| b["answers"]["pol-written"] = json!(5)),
        Err(ShareError::OffScale {
            statement: "pol-written".into()
        })
    );
    assert_eq!(
        with(&|b| b["answers"]["pol-written"] = json!(-1)),
        Err(ShareError::OffScale {
            statement: "pol-written".into()
        })
    );
    for id in ["", "-sc", "=1+1", "sc 1", "sc/1", &"a".repeat(65)] {
        assert_eq!(
            with(&|b| b["id"] = json!(id)),
            Err(ShareError::BadId),
            "{id}"
        );
    }
    for at in [-1i64, 253_402_300_800_000] {
        assert_eq!(
            with(&|b| b["completed_at"] = json!(at)),
            Err(ShareError::BadDate)
        );
    }
    assert_eq!(
        with(&|b| b["team"] = json!("x".repeat(81))),
        Err(ShareError::TeamNameTooLong)
    );
    // A team name is tidied as if typed here; a blank one is none.
    let tidy = with(&|b| b["team"] = json!("  Night \n shift "));
    assert_eq!(tidy.map(|c| c.team), Ok(Some("Night shift".into())));
    let blank = with(&|b| b["team"] = json!("   "));
    assert_eq!(blank.map(|c| c.team), Ok(None));
}
