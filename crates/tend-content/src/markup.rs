//! The small markup used in content bodies: blank-line separated blocks,
//! where a block of `- ` lines is a list, a block of `|`-delimited lines is a
//! table (first row is the header), and anything else is a paragraph.

/// One block of a content body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// A paragraph of running text.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<&'a str>),
    /// A table: header cells, then rows of cells.
    Table {
        /// Column headings.
        head: Vec<&'a str>,
        /// Body rows; each has as many cells as the header.
        rows: Vec<Vec<&'a str>>,
    },
}

fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

fn flush<'a>(lines: &mut Vec<&'a str>, blocks: &mut Vec<Block<'a>>) {
    if lines.is_empty() {
        return;
    }
    if lines.iter().all(|l| l.starts_with("- ")) {
        blocks.push(Block::List(lines.iter().map(|l| l[2..].trim()).collect()));
    } else if lines.len() >= 2 && lines.iter().all(|l| l.starts_with('|')) {
        let head = cells(lines[0]);
        let rows = lines[1..]
            .iter()
            .map(|l| {
                let mut row = cells(l);
                row.resize(head.len(), "");
                row
            })
            .collect();
        blocks.push(Block::Table { head, rows });
    } else {
        blocks.push(Block::Paragraph(lines.join(" ")));
    }
    lines.clear();
}

/// Splits a body into blocks. Never fails: text it does not recognise is a
/// paragraph, and table rows with too few cells are padded with empty cells.
pub fn parse(body: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for raw in body.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut lines, &mut blocks);
        } else {
            lines.push(line);
        }
    }
    flush(&mut lines, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_tables() {
        let body = "First line\ncontinues.\n\n- one\n- two\n\n| A | B |\n| a1 | b1 |\n| a2 |\n";
        assert_eq!(
            parse(body),
            vec![
                Block::Paragraph("First line continues.".into()),
                Block::List(vec!["one", "two"]),
                Block::Table {
                    head: vec!["A", "B"],
                    rows: vec![vec!["a1", "b1"], vec!["a2", ""]]
                },
            ]
        );
    }

    #[test]
    fn mixed_lines_stay_a_paragraph() {
        assert_eq!(parse("- a\nb"), vec![Block::Paragraph("- a b".into())]);
        assert!(parse("  \n\n").is_empty());
    }
}
