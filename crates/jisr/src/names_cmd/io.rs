//! Reading the name lists and data sets (TSV with a header; RFC 4180 CSV).

use anyhow::{Context, bail};
use std::path::Path;

/// Reads a text file as analysts' tools save it: UTF-8 (with or without
/// a byte-order mark) or UTF-16 with its mark, which Excel writes as
/// "Unicode Text". Anything else (an Arabic Windows code page, Latin-1) is
/// refused with the line where it stops being UTF-8 and how to convert
/// it, since guessing the code page would silently change names.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        if !rest.len().is_multiple_of(2) {
            bail!(
                "{}: the UTF-16 text is cut off in a character",
                path.display()
            );
        }
        String::from_utf16(&units)
            .with_context(|| format!("{}: the UTF-16 text is damaged", path.display()))
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).map_err(|e| {
            let good = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count();
            anyhow::anyhow!(
                "{}: line {line} is not UTF-8 text. Save it as UTF-8 or, from Excel, as \
                 \"Unicode Text\"; or convert it, e.g. from the Arabic Windows code page: \
                 iconv -f WINDOWS-1256 -t UTF-8 {} > list-utf8.tsv",
                path.display(),
                path.display()
            )
        }),
    }
}

/// Reads a TSV with a header row and columns `id` and `name` (others
/// ignored). A row too short to have both is said on standard error, by
/// line, since a name left out of a screening is a hit nobody sees.
pub fn read_id_name_tsv(path: &Path) -> anyhow::Result<IdNames> {
    let (rows, short) = id_name_rows(path)?;
    if !short.is_empty() {
        let shown: Vec<String> = short.iter().take(10).map(usize::to_string).collect();
        eprintln!(
            "warning: {}: {} row(s) without both an `id` and a `name` field were skipped \
             (line {}{}); check for a missing tab",
            path.display(),
            short.len(),
            shown.join(", "),
            if short.len() > 10 { ", …" } else { "" }
        );
    }
    Ok(rows)
}

/// The `(id, name)` rows of a list.
type IdNames = Vec<(String, String)>;

/// The rows of an `id`/`name` TSV, and the line numbers of rows too short
/// to have both fields.
fn id_name_rows(path: &Path) -> anyhow::Result<(IdNames, Vec<usize>)> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or("")
        .trim_start_matches('\u{feff}')
        .split('\t')
        .collect();
    let col = |n: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n));
    let (Some(id), Some(name)) = (col("id"), col("name")) else {
        // a list saved as CSV has its header in one field
        let hint = if header.len() == 1 && header[0].contains([',', ';']) {
            "; the file looks comma- or semicolon-separated: save it as tab-separated \
             text (Excel: \"Unicode Text\" or \"Text (Tab delimited)\")"
        } else {
            ""
        };
        bail!(
            "{}: the header needs columns `id` and `name` (found {:?}){hint}",
            path.display(),
            header
        );
    };
    let mut out = Vec::new();
    let mut short = Vec::new();
    for (at, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        match (cols.get(id), cols.get(name)) {
            (Some(i), Some(n)) => out.push((unquote(i.trim()), unquote(n.trim_end_matches('\r')))),
            // the header is line 1
            _ => short.push(at + 2),
        }
    }
    Ok((out, short))
}

/// Some writers quote every TSV field, and Excel quotes a field holding a
/// quotation mark, doubling it ("Joaquín ""El Chapo"" Guzmán"): the
/// value is what is inside, with each doubled mark one.
fn unquote(s: &str) -> String {
    match s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => s.to_string(),
    }
}

/// Reads a TSV with a header into rows of named columns.
pub fn read_tsv(path: &Path, columns: &[&str]) -> anyhow::Result<Vec<Vec<String>>> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let idx: Vec<usize> = columns
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h == c)
                .with_context(|| format!("{}: no column {c}", path.display()))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            idx.iter()
                .map(|&i| cols.get(i).copied().unwrap_or("").to_string())
                .collect()
        })
        .collect())
}

/// Reads a CSV (quoted fields, doubled quotes, newlines inside quotes) into a
/// header and rows.
pub fn read_csv(path: &Path) -> anyhow::Result<(Vec<String>, Vec<Vec<String>>)> {
    let text = read_text(path)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    let mut it = rows.into_iter();
    let header = it.next().unwrap_or_default();
    Ok((header, it.collect()))
}

pub fn column(header: &[String], name: &str) -> anyhow::Result<usize> {
    header
        .iter()
        .position(|h| h == name)
        .with_context(|| format!("no column {name}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tsv_columns_by_header_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.tsv");
        std::fs::write(
            &p,
            "\u{feff}name\tnote\tid\r\n\"محمد علي\"\tx\tq1\r\nMahmoud Tawfik\t\tq2\r\n\r\n",
        )
        .unwrap();
        let rows = read_id_name_tsv(&p).unwrap();
        assert_eq!(
            rows,
            vec![
                ("q1".into(), "محمد علي".into()),
                ("q2".into(), "Mahmoud Tawfik".into())
            ]
        );
        // Excel's quoting of a nickname in quotation marks
        std::fs::write(&p, "id\tname\nq1\t\"Joaquín \"\"El Chapo\"\" Guzmán\"\n").unwrap();
        let rows = read_id_name_tsv(&p).unwrap();
        assert_eq!(rows[0].1, "Joaquín \"El Chapo\" Guzmán");
        // a row without its name field is skipped, and its line told
        std::fs::write(&p, "id\tname\nq1\tAli\nq2\n\nq3 Omar\nq4\tOmar\n").unwrap();
        let (rows, short) = id_name_rows(&p).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(short, vec![3, 5]);
        std::fs::write(&p, "ident\tname\n1\tx\n").unwrap();
        assert!(read_id_name_tsv(&p).is_err());
        std::fs::write(&p, "id,name\n1,x\n").unwrap();
        let err = read_id_name_tsv(&p).unwrap_err().to_string();
        assert!(err.contains("tab-separated"), "{err}");
    }

    #[test]
    fn utf16_is_read_and_a_code_page_refused_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("excel.txt");
        let text = "id\tname\r\n1\tمحمود توفيق\r\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(&p, &le).unwrap();
        assert_eq!(
            read_id_name_tsv(&p).unwrap(),
            vec![("1".into(), "محمود توفيق".into())]
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        std::fs::write(&p, &be).unwrap();
        assert_eq!(read_text(&p).unwrap(), text);
        be.push(0x20);
        std::fs::write(&p, &be).unwrap();
        assert!(read_text(&p).unwrap_err().to_string().contains("cut off"));
        // «محمود» in Windows-1256, on the second line
        std::fs::write(&p, b"id\tname\n1\t\xe3\xcd\xe3\xe6\xcf\n").unwrap();
        let err = read_id_name_tsv(&p).unwrap_err().to_string();
        assert!(
            err.contains("line 2") && err.contains("UTF-8") && err.contains("iconv"),
            "{err}"
        );
    }

    #[test]
    fn csv_quotes_and_commas() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.csv");
        std::fs::write(&p, "a,b\n\"Frost, William G.\",\"say \"\"hi\"\"\"\nx,\n").unwrap();
        let (h, rows) = read_csv(&p).unwrap();
        assert_eq!(h, vec!["a", "b"]);
        assert_eq!(rows[0], vec!["Frost, William G.", "say \"hi\""]);
        assert_eq!(rows[1], vec!["x", ""]);
    }
}
