//! `jisr names`: the command line as a screening analyst uses it, on files.

use crate::harness::bin;
use std::process::Command;

fn names(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(bin())
        .arg("names")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rows(stdout: &str) -> Vec<Vec<String>> {
    stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn match_prints_score_verdict_and_explanation() {
    let (ok, out, err) = names(&["match", "اللواء محمود توفيق", "M. TAWFIQ"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let score: f64 = lines[0].strip_prefix("score\t").unwrap().parse().unwrap();
    assert!(score >= 0.75, "{out}");
    assert_eq!(lines[1], "match\tyes");
    assert!(lines[2].starts_with("explanation\t"), "{out}");
    assert!(lines[2].contains("dropped: title"), "{out}");
}

#[test]
fn match_reads_a_date_of_birth_apart_from_the_name() {
    let (ok, out, err) = names(&[
        "match",
        "Mahmoud Tawfik, DOB 12/03/1962",
        "محمود توفيق (مواليد 1975)",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("match\tno"), "{out}");
    assert!(out.contains("born 1962 and 1975"), "{out}");
    assert!(out.contains("family:tawfik | born:1962]"), "{out}");
}

#[test]
fn screen_prints_the_top_candidates_of_each_query_id() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.tsv");
    let queries = dir.path().join("queries.tsv");
    // extra columns, another column order, and a person listed under two names
    std::fs::write(
        &list,
        "country\tid\tname\n\
         EG\tp1\tMahmoud Tawfik\n\
         EG\tp1\tMahmud Tawfiq\n\
         EG\tp2\tMahmoud Hassan\n\
         LB\tp3\tHassan Nasrallah\n\
         DE\tp4\tOlaf Scholz\n",
    )
    .unwrap();
    // q3 is one query under two names, one per script
    std::fs::write(
        &queries,
        "name\tid\n\
         اللواء محمود توفيق\tq1\n\
         Karim Hassan\tq2\n\
         حسن نصر الله\tq3\n\
         Hasan Nasrallah\tq3\n",
    )
    .unwrap();
    let (l, q) = (list.to_str().unwrap(), queries.to_str().unwrap());
    let (ok, out, err) = names(&["screen", "--against", l, q, "--top", "2"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().next(), Some("query_id\tmatch_id\tscore"));
    let listed = rows(&out);
    for r in &listed {
        assert_eq!(r.len(), 3, "{out}");
        // four decimals, best first within a query
        assert_eq!(r[2].split('.').nth(1).map(str::len), Some(4), "{out}");
    }
    let of = |q: &str| -> Vec<&Vec<String>> { listed.iter().filter(|r| r[0] == q).collect() };
    assert_eq!(of("q1")[0][1], "p1", "{out}");
    assert_eq!(of("q3")[0][1], "p3", "{out}");
    for q in ["q1", "q2", "q3"] {
        let ids: Vec<&str> = of(q).iter().map(|r| r[1].as_str()).collect();
        assert!(ids.len() <= 2, "{q}: {out}");
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(
            unique.len(),
            ids.len(),
            "{q} lists a candidate twice: {out}"
        );
        let scores: Vec<f64> = of(q).iter().map(|r| r[2].parse().unwrap()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{out}");
    }
    // one query id's rows come together, once
    let order: Vec<&str> = listed.iter().map(|r| r[0].as_str()).collect();
    let mut grouped = order.clone();
    grouped.dedup();
    assert_eq!(grouped, vec!["q1", "q2", "q3"], "{out}");

    // a threshold leaves a query with no candidate good enough without rows
    let (ok, out, _) = names(&["screen", "--against", l, q, "--threshold", "0.75"]);
    assert!(ok);
    let kept = rows(&out);
    assert!(kept.iter().all(|r| r[0] != "q2"), "{out}");
    assert!(kept.iter().any(|r| r[0] == "q1" && r[1] == "p1"), "{out}");
}

#[test]
fn screen_explains_each_match_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.tsv");
    let queries = dir.path().join("queries.tsv");
    std::fs::write(
        &list,
        "id\tname\n\
         p1\tMahmoud Tawfik\n\
         p1\tMahmud Tawfiq\n\
         p3\tHassan Nasrallah\n",
    )
    .unwrap();
    std::fs::write(
        &queries,
        "id\tname\n\
         q1\tاللواء محمود توفيق\n\
         q3\tHasan Nasralla\n\
         q3\tHassan Nasrallah\n",
    )
    .unwrap();
    let (l, q) = (list.to_str().unwrap(), queries.to_str().unwrap());
    let (ok, out, err) = names(&["screen", "--against", l, q, "--top", "1", "--explain"]);
    assert!(ok, "{err}");
    assert_eq!(
        out.lines().next(),
        Some("query_id\tmatch_id\tscore\tquery_name\tmatch_name\texplanation")
    );
    let listed = rows(&out);
    assert_eq!(listed.len(), 2, "{out}");
    for r in &listed {
        assert_eq!(r.len(), 6, "{out}");
    }
    // the entry's name that scored best, and the title left out
    assert_eq!(listed[0][..2], ["q1", "p1"], "{out}");
    assert_eq!(listed[0][3], "اللواء محمود توفيق", "{out}");
    assert_eq!(listed[0][4], "Mahmud Tawfiq", "{out}");
    assert!(listed[0][5].contains("dropped: title"), "{out}");
    // of a query id's names, the one that found the match
    assert_eq!(listed[1][..2], ["q3", "p3"], "{out}");
    assert_eq!(listed[1][2], "1.0000", "{out}");
    assert_eq!(listed[1][3], "Hassan Nasrallah", "{out}");
    assert!(listed[1][5].contains("nasrallah ~ nasrallah"), "{out}");
    // without the flag the three columns stay as they were
    let (_, plain, _) = names(&["screen", "--against", l, q, "--top", "1"]);
    let plain = rows(&plain);
    assert!(plain.iter().all(|r| r.len() == 3), "{plain:?}");
    assert_eq!(plain[0], listed[0][..3], "{out}");
}

#[test]
fn screen_reads_lists_saved_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.csv");
    let queries = dir.path().join("queries.csv");
    std::fs::write(
        &list,
        "\u{feff}id,name\r\np1,\"TAWFIK, Mahmoud\"\r\np2,Hassan Nasrallah\r\n",
    )
    .unwrap();
    // the French locale's semicolons, and a name whose comma is not quoted
    std::fs::write(
        &queries,
        "id;name\nq1;محمود توفيق\nq2;NASRALLAH; Hassan\nq3;حسن نصر الله\n",
    )
    .unwrap();
    let (l, q) = (list.to_str().unwrap(), queries.to_str().unwrap());
    let (ok, out, err) = names(&["screen", "--against", l, q, "--top", "1"]);
    assert!(ok, "{err}");
    let listed = rows(&out);
    assert_eq!(listed.len(), 2, "{out}");
    assert_eq!(listed[0][..2], ["q1", "p1"], "{out}");
    assert_eq!(listed[1][..2], ["q3", "p2"], "{out}");
    assert!(
        err.contains("1 row(s) were skipped (line 3)") && err.contains("quotation marks"),
        "{err}"
    );
}

#[test]
fn screen_says_which_columns_a_list_needs() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.tsv");
    std::fs::write(&list, "id\tfull_name\np1\tMahmoud Tawfik\n").unwrap();
    let l = list.to_str().unwrap();
    let (ok, _, err) = names(&["screen", "--against", l, l]);
    assert!(!ok);
    assert!(err.contains("`id` and `name`"), "{err}");
}

#[test]
fn screen_refuses_arguments_that_would_print_nothing_and_tells_skipped_rows() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.tsv");
    std::fs::write(&list, "id\tname\np1\tMahmoud Tawfik\np2 Omar Ali\n").unwrap();
    let l = list.to_str().unwrap();
    let (ok, _, err) = names(&["screen", "--against", l, l, "--top", "0"]);
    assert!(!ok);
    assert!(err.contains("--top"), "{err}");
    let (ok, _, err) = names(&["screen", "--against", l, l, "--threshold", "75"]);
    assert!(!ok);
    assert!(err.contains("0 to 1"), "{err}");
    // a row whose tab is missing is screened by nobody: say so, by line
    let (ok, out, err) = names(&["screen", "--against", l, l]);
    assert!(ok, "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(
        rows(&out).iter().any(|r| r[0] == "p1" && r[1] == "p1"),
        "{out}"
    );
}
