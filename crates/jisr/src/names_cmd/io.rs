//! Reading the name lists and data sets (TSV or CSV, with a header).

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

/// Reads a list with a header row and columns `id` and `name` (others
/// ignored): tab-separated, or comma- or semicolon-separated when the
/// header has no tab (Excel's "CSV UTF-8", RFC 4180 quoting). A row
/// skipped is said on standard error, by line, since a name left out of
/// a screening is a hit nobody sees.
pub fn read_id_name_list(path: &Path) -> anyhow::Result<IdNames> {
    let (rows, skipped) = id_name_rows(path)?;
    if !skipped.lines.is_empty() {
        let shown: Vec<String> = skipped
            .lines
            .iter()
            .take(10)
            .map(usize::to_string)
            .collect();
        eprintln!(
            "warning: {}: {} row(s) were skipped (line {}{}): {}",
            path.display(),
            skipped.lines.len(),
            shown.join(", "),
            if skipped.lines.len() > 10 {
                ", …"
            } else {
                ""
            },
            skipped.why
        );
    }
    Ok(rows)
}

/// The lines of the rows a list's reader skipped, and what to check.
struct Skipped {
    lines: Vec<usize>,
    why: &'static str,
}

/// The `(id, name)` rows of a list.
type IdNames = Vec<(String, String)>;

/// The rows of an `id`/`name` list, and the rows skipped.
fn id_name_rows(path: &Path) -> anyhow::Result<(IdNames, Skipped)> {
    let text = read_text(path)?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    if !first.contains('\t') && first.contains([',', ';']) {
        let delimiter = if first.contains(',') { b',' } else { b';' };
        return id_name_csv_rows(path, text, delimiter);
    }
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let (id, name) = id_and_name(path, &header)?;
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
    let why = "each needs an `id` and a `name` field; check for a missing tab";
    Ok((out, Skipped { lines: short, why }))
}

/// Where the `id` and `name` columns are in a list's header.
fn id_and_name<S: AsRef<str>>(path: &Path, header: &[S]) -> anyhow::Result<(usize, usize)> {
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h.as_ref().trim().eq_ignore_ascii_case(n))
    };
    match (col("id"), col("name")) {
        (Some(id), Some(name)) => Ok((id, name)),
        _ => {
            let found: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
            bail!(
                "{}: the header needs columns `id` and `name` (found {found:?})",
                path.display()
            )
        }
    }
}

/// The line a record starts on: the reader counts a CRLF file's lines
/// one short, and gives such a record's start at the line feed before it.
fn line_at(text: &str, byte: usize) -> usize {
    let b = text.as_bytes();
    let start = if b.get(byte) == Some(&b'\n') {
        byte + 1
    } else {
        byte
    };
    1 + b[..start.min(b.len())]
        .iter()
        .filter(|&&c| c == b'\n')
        .count()
}

/// The rows of a comma- or semicolon-separated list. A row with more or
/// fewer fields than the header is skipped: an unquoted comma in a name
/// (TAWFIK, Mahmoud) would otherwise move the fields after it.
fn id_name_csv_rows(path: &Path, text: &str, delimiter: u8) -> anyhow::Result<(IdNames, Skipped)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .with_context(|| format!("{}: reading the header", path.display()))?
        .clone();
    let (id, name) = id_and_name(path, &header.iter().collect::<Vec<_>>())?;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) if r.iter().all(|f| f.trim().is_empty()) => {}
            Ok(r) => match (r.len() == header.len(), r.get(id), r.get(name)) {
                (true, Some(i), Some(n)) => out.push((i.trim().to_string(), n.to_string())),
                _ => skipped.extend(r.position().map(|p| line_at(text, p.byte() as usize))),
            },
            Err(e) => bail!("{}: {e}", path.display()),
        }
    }
    let why = "each needs as many fields as the header; a name holding the \
               delimiter must be in quotation marks";
    Ok((
        out,
        Skipped {
            lines: skipped,
            why,
        },
    ))
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

/// Reads a CSV (RFC 4180: quoted fields, doubled quotes, line breaks
/// inside quotes) into a header and rows.
pub fn read_csv(path: &Path) -> anyhow::Result<(Vec<String>, Vec<Vec<String>>)> {
    let text = read_text(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader
        .headers()
        .with_context(|| format!("{}: reading the header", path.display()))?
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_string).collect())
                .with_context(|| format!("reading {}", path.display()))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok((header, rows))
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
        let rows = read_id_name_list(&p).unwrap();
        assert_eq!(
            rows,
            vec![
                ("q1".into(), "محمد علي".into()),
                ("q2".into(), "Mahmoud Tawfik".into())
            ]
        );
        // Excel's quoting of a nickname in quotation marks
        std::fs::write(&p, "id\tname\nq1\t\"Joaquín \"\"El Chapo\"\" Guzmán\"\n").unwrap();
        let rows = read_id_name_list(&p).unwrap();
        assert_eq!(rows[0].1, "Joaquín \"El Chapo\" Guzmán");
        // a row without its name field is skipped, and its line told
        std::fs::write(&p, "id\tname\nq1\tAli\nq2\n\nq3 Omar\nq4\tOmar\n").unwrap();
        let (rows, skipped) = id_name_rows(&p).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(skipped.lines, vec![3, 5]);
        std::fs::write(&p, "ident\tname\n1\tx\n").unwrap();
        assert!(read_id_name_list(&p).is_err());
    }

    #[test]
    fn csv_lists_are_read_and_rows_a_comma_moved_are_told() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.csv");
        // Excel's CSV UTF-8: a byte-order mark, quoted fields, CRLF
        std::fs::write(
            &p,
            "\u{feff}id,name,note\r\nq1,\"TAWFIK, Mahmoud\",x\r\nq2,TAWFIK, Mahmoud,x\r\n\
             q3,\"Joaquín \"\"El Chapo\"\" Guzmán\",\r\n,,\r\n",
        )
        .unwrap();
        let (rows, skipped) = id_name_rows(&p).unwrap();
        assert_eq!(
            rows,
            vec![
                ("q1".into(), "TAWFIK, Mahmoud".into()),
                ("q3".into(), "Joaquín \"El Chapo\" Guzmán".into())
            ]
        );
        // the unquoted comma gave the row a field too many
        assert_eq!(skipped.lines, vec![3]);
        std::fs::write(&p, "id,name\nq1,Ali\nq2,Omar,x\nq3\nq4,Ali\n").unwrap();
        let (rows, skipped) = id_name_rows(&p).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(skipped.lines, vec![3, 4]);
        // as the French and Arabic locales of Excel save it
        std::fs::write(&p, "id;name\n1;محمود توفيق\n2;\"BEN ALI; Ahmed\"\n").unwrap();
        assert_eq!(
            read_id_name_list(&p).unwrap(),
            vec![
                ("1".into(), "محمود توفيق".into()),
                ("2".into(), "BEN ALI; Ahmed".into())
            ]
        );
        std::fs::write(&p, "ident,name\n1,x\n").unwrap();
        let err = read_id_name_list(&p).unwrap_err().to_string();
        assert!(err.contains("`id` and `name`"), "{err}");
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
            read_id_name_list(&p).unwrap(),
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
        let err = read_id_name_list(&p).unwrap_err().to_string();
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
