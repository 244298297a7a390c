use jisr_names::{NameKind, key_readings, parse_listed};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut n = 0;
    let mut first = 0;
    for line in text.lines().skip(1) {
        let name = line.split('\t').nth(1).unwrap_or("");
        let p = parse_listed(name, NameKind::Person);
        let r = key_readings(&p);
        if r.iter().any(|rs| rs.iter().any(|k| k == "s:DKN")) {
            n += 1;
            if r.iter().any(|rs| rs[0] == "s:DKN") {
                first += 1;
            }
            if name.contains("الدجاني") {
                println!("{name}: {:?}", r);
            }
        }
    }
    println!("DKN entries {n}, as first reading {first}");
}
