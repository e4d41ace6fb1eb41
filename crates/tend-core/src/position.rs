//! Where in a text serde_json found a fault, as a person counts it.

/// The line (from 1) and column (from 1, in bytes, as serde_json counts)
/// of `error` in `text`. serde_json reports a fault it meets on reading a
/// line break, such as a word cut short at the end of a line, as column 0
/// of the next line; that is shown as just past the end of the line the
/// fault is on.
pub fn of(text: &str, error: &serde_json::Error) -> (usize, usize) {
    let (line, column) = (error.line(), error.column());
    if column > 0 || line < 2 {
        return (line, column.max(1));
    }
    let previous = text.split('\n').nth(line - 2).unwrap_or("");
    (line - 1, previous.trim_end_matches('\r').len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(text: &str) -> (usize, usize) {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => panic!("{text} was read"),
            Err(e) => of(text, &e),
        }
    }

    #[test]
    fn a_fault_is_placed_on_the_line_it_is_on() {
        assert_eq!(position("{\n  \"embed\": tru\n}"), (2, 15));
        assert_eq!(position("{\r\n  \"embed\": tru\r\n}"), (2, 15));
        assert_eq!(position("{\n  \"a\": [1,\n  2,]\n}"), (3, 5));
        assert_eq!(position("{\n"), (1, 2));
        assert_eq!(position(""), (1, 1));
        assert_eq!(position("[1, x]"), (1, 5));
    }
}
