//! The participant address as a QR code in the terminal: two modules per character cell (half
//! blocks), so a code for a local address is about 33 columns wide, well inside 80.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};

/// The QR code of `text` as lines of half-block characters, dark modules drawn. With
/// `colors`, every line is drawn black on white whatever the terminal's theme, which is what
/// phone cameras (and WeChat's scanner) read best; without, dark modules are drawn as blocks,
/// for a light background.
pub fn render(text: &str, colors: bool) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Dark)
        .light_color(Dense1x2::Light)
        .quiet_zone(true)
        .build();
    if !colors {
        return Some(image);
    }
    Some(
        image
            .lines()
            .map(|line| format!("\x1b[30;47m{line}\x1b[0m"))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn a_local_address_fits_in_80_columns() {
        let code = render("http://192.168.100.200:8080/", false).unwrap();
        let widest = code.lines().map(UnicodeWidthStr::width).max().unwrap();
        assert!(widest <= 40, "{widest}");
        assert!(code.lines().count() <= 20);
        assert!(code.contains('█') || code.contains('▀') || code.contains('▄'));
        let colored = render("http://192.168.100.200:8080/", true).unwrap();
        assert!(colored.starts_with("\x1b[30;47m"));
    }
}
