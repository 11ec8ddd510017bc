//! Plain-text rendering: the numbers typed in, one paragraph per line, blank lines between.

use crate::source::{Block, Contract};

/// Renders a contract as plain text (UTF-8, `\n` line ends): the title, then each block on its
/// own line with its typed number ("7.", "7.2", "(a)") and a blank line before each heading.
pub fn render_txt(contract: &Contract) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(&contract.title.to_uppercase());
    out.push('\n');
    for block in &contract.blocks {
        out.push('\n');
        if let Some(label) = block.label() {
            out.push_str(&label);
            out.push(' ');
        }
        let text = block.text();
        if matches!(block, Block::Heading { .. }) {
            out.push_str(&text.to_uppercase());
        } else {
            out.push_str(text);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_and_uppercase_headings() {
        let c = crate::parse("s", include_str!("../tests/data/sample.txt")).unwrap();
        let t = render_txt(&c);
        assert!(
            t.starts_with("SAMPLE SERVICES AGREEMENT\n\nThis Agreement"),
            "{t}"
        );
        assert!(t.contains("\n1. DEFINITIONS\n"));
        assert!(t.contains("\n1.2 The following apply:\n\n(a) first item;\n"));
        assert!(t.contains("\n2.1 This Agreement lasts twelve (12) months.\n"));
    }
}
