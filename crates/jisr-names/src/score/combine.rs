//! From the chosen part alignments to one score: the matched share of each
//! side's evidence, and the penalties for what stayed unmatched.

use super::{Cand, How, MAX_PARTS, how_from};
use crate::normalize::Script;
use crate::parse::{PartKey, Role};

const UNMATCHED_PENALTY: f32 = 0.94;
const SIM_SHARPNESS: f32 = 1.0;
const SHARP_KNEE: f32 = 0.9;
/// How much the better-covered side counts (Arabic names shorten by dropping nasab links).
const COVER_HI: f32 = 0.75;
const ORG_UNMATCHED_PENALTY: f32 = 0.85;
const PARTICLE_MISMATCH_PENALTY: f32 = 0.98;
/// Latin names in swapped order are often two different people (Friedrich Hans / Hans Friedrich).
const SAME_SCRIPT_SWAP_PENALTY: f32 = 0.93;
/// Across scripts, lists write a family first by convention (GOMAA Ali),
/// so a swap costs little; but something, or two names that only sound
/// alike when swapped outrank the one in order («علي جمعة» met Jamie Lee
/// before Ali Gomaa).
const CROSS_SCRIPT_SWAP_PENALTY: f32 = 0.97;
/// Two bodies whose only words that meet are words for concepts, while
/// one has a word of its own or a country left over.
const GENERIC_ONLY_MET: f32 = 0.85;
/// Two bodies of different kinds (a bank, a league) that share a name's word.
const KINDS_CONFLICT: f32 = 0.85;
/// Two rulers' numbers that differ (Abdullah I, Abdullah II): two people.
const ORDINAL_CONFLICT: f32 = 0.5;
/// Each name's own given name is the other's father's (Salman bin Muhammad,
/// Muhammad bin Salman): a father and his son, not one man.
const GENERATIONS_SWAPPED: f32 = 0.7;
/// Per chain link or middle name unmatched on each side: in Arab, Afghan
/// and Pakistani names a middle part is a father's or grandfather's name,
/// so two of them are two fathers (a surname conflict is left alone: an
/// unread surname would cost the right name its place too).
const NASAB_CONFLICT: f32 = 0.9;
/// In a pair with Arabic script, one name's given name meets the other's
/// second part, the father's, and the other's own given name goes unmet
/// («أحمد علي» against «خالد أحمد علي»): an Arab name that leaves out the
/// given name names the father, or a man named after him. Not when the
/// given name left out is Muhammad, which many names open with and few men
/// go by (Mohamed Hosni Mubarak is Hosni Mubarak); and not in Latin alone,
/// where a man may go by his middle name (Alexander Boris de Pfeffel
/// Johnson is Boris Johnson).
const FATHER_FOR_SON: f32 = 0.88;
/// A man named by his nasab chain and no family (Mohammed bin Zayed,
/// Tamim bin Hamad) is the Gulf's short form of a man of a house: the
/// family the other side adds after the same chain (Al Nahyan, Al Thani)
/// counts this share of its weight, and not as a part that conflicts.
const FAMILY_AFTER_CHAIN: f32 = 0.35;
/// A kunya (Abu Minyar) one side gives beside a given name the other
/// side meets, and the other has no kunya: a by-name the short form leaves
/// out, counting this share of its weight.
const KUNYA_DROPPED: f32 = 0.35;

pub(super) fn combine(
    a: &[PartKey],
    b: &[PartKey],
    chosen: &[Cand],
    ia: &[u8],
    ib: &[u8],
) -> (f32, bool) {
    let mut wa: f32 = ia.iter().map(|&i| a[i as usize].weight).sum();
    let mut wb: f32 = ib.iter().map(|&i| b[i as usize].weight).sum();
    if wa <= 0.0 || wb <= 0.0 || chosen.is_empty() {
        return (0.0, false);
    }
    let mut ma = 0f32;
    let mut mb = 0f32;
    let mut substantive = false;
    for c in chosen {
        let sa: f32 = (c.a..c.a + c.a_len).map(|i| a[i as usize].weight).sum();
        let sb: f32 = (c.b..c.b + c.b_len).map(|i| b[i as usize].weight).sum();
        // sharpen: a near-miss part (0.8) is much weaker evidence than a clear one (0.95)
        let q = if c.sim >= SHARP_KNEE {
            c.sim
        } else {
            c.sim - SIM_SHARPNESS * (SHARP_KNEE - c.sim)
        };
        ma += sa * q;
        mb += sb * q;
        let role_a = a[c.a as usize].role;
        let role_b = b[c.b as usize].role;
        if how_from(c.how) != How::Initial && role_a != Role::OrgType && role_b != Role::OrgType {
            substantive = true;
        }
    }
    // every unmatched part (other than initials and a nasab chain, which
    // sources routinely drop) is a small piece of evidence against
    let mut unmatched = 0i32;
    // of them, a body's words that say which body it is
    let mut identifying = 0i32;
    // chain links left unmatched on both sides: two fathers (or
    // grandfathers), rather than a link one source left out
    let mut nasab_left = [0i32; 2];
    let chain_met = chosen
        .iter()
        .any(|c| a[c.a as usize].role == Role::Nasab && b[c.b as usize].role == Role::Nasab);
    let ends_on_chain = |keys: &[PartKey], idx: &[u8]| {
        let role = |r: Role| idx.iter().any(|&i| keys[i as usize].role == r);
        role(Role::Nasab) && !role(Role::Family) && !role(Role::Nisba)
    };
    // whether the other side's family is one the chain form leaves out
    let family_dropped = [
        chain_met && ends_on_chain(b, ib),
        chain_met && ends_on_chain(a, ia),
    ];
    let mut dropped_weight = [0f32; 2];
    // asked only of an unmatched kunya, which few pairs have
    let kunya_dropped = |side: usize| {
        let (own, other, other_idx) = if side == 0 { (a, b, ib) } else { (b, a, ia) };
        let given_met = chosen.iter().any(|c| {
            let i = if side == 0 { c.a } else { c.b };
            own[i as usize].role == Role::Given
        });
        given_met
            && !other_idx
                .iter()
                .any(|&i| other[i as usize].role == Role::Kunya)
    };
    // whether a part of the first (or second) name is in a chosen alignment
    let covered = |first: bool, i: u8| {
        chosen.iter().any(|c| {
            let (s, l) = if first {
                (c.a, c.a_len)
            } else {
                (c.b, c.b_len)
            };
            (s..s + l).contains(&i)
        })
    };
    let arabic = |k: &[PartKey]| k.iter().any(|p| p.script == Script::Arabic);
    let arabic_pair = arabic(a) || arabic(b);
    let same_script = arabic(a) == arabic(b);
    for (keys, idx, first) in [(a, ia, true), (b, ib, false)] {
        for &i in idx {
            let k = &keys[i as usize];
            if matches!(k.role, Role::Initial | Role::OrgType | Role::Ordinal) {
                continue;
            }
            if covered(first, i) {
                continue;
            }
            let side = usize::from(!first);
            if family_dropped[side] && matches!(k.role, Role::Family | Role::Nisba) {
                dropped_weight[side] += (1.0 - FAMILY_AFTER_CHAIN) * k.weight;
                continue;
            }
            // a kunya beside a given name is a by-name sources add or
            // leave out, as a title (one without is the name itself: Abu
            // Bakr al-Baghdadi)
            if k.role == Role::Kunya && kunya_dropped(side) {
                dropped_weight[side] += (1.0 - KUNYA_DROPPED) * k.weight;
                continue;
            }
            // an Arabic name's middle parts are its chain without bin
            // («أيمن محمد ربيع الظواهري», Aiman Muhammed Rabi al-Zawahiri)
            let chain = k.role == Role::Nasab || (k.role == Role::Middle && arabic_pair);
            if chain {
                nasab_left[side] += 1;
            } else {
                unmatched += 1;
                // a body's own word, or its country, says which body it is;
                // not a country in Arabic script across scripts, which
                // Arabic adds to a foreign body's name («وكالة المخابرات
                // المركزية الأمريكية», the Central Intelligence Agency)
                let country = k.concept != 0
                    && crate::lexicon::lexicon().is_place_concept(k.concept)
                    && !(arabic_pair && k.script == Script::Arabic && !same_script);
                if k.role == Role::OrgName && (k.concept == 0 || country) {
                    identifying += 1;
                }
                if k.role == Role::Middle {
                    nasab_left[side] += 1;
                }
            }
        }
    }
    wa -= dropped_weight[0];
    wb -= dropped_weight[1];
    let ca = (ma / wa).min(1.0);
    let cb = (mb / wb).min(1.0);
    let (lo, hi) = if ca < cb { (ca, cb) } else { (cb, ca) };
    let mut score = COVER_HI * hi + (1.0 - COVER_HI) * lo;
    // initials or generic organisation words alone are no evidence of identity
    let org = a
        .iter()
        .chain(b.iter())
        .any(|k| matches!(k.role, Role::OrgName | Role::OrgType));
    // a distinctive word more in a company name usually means a sister company
    score *= if org {
        ORG_UNMATCHED_PENALTY
    } else {
        UNMATCHED_PENALTY
    }
    .powi(unmatched);
    score *= NASAB_CONFLICT.powi(nasab_left[0].min(nasab_left[1]));
    // "bin Salman" and "Salman" may be the same man, but the one with bin is likelier
    let has_particle = |k: &[PartKey]| k.iter().any(|p| p.role == Role::Particle);
    if has_particle(a) != has_particle(b) {
        score *= PARTICLE_MISMATCH_PENALTY;
    }
    if !substantive {
        score = score.min(0.4);
    }
    let ordinal =
        |k: &[PartKey], idx: &[u8]| idx.iter().any(|&i| k[i as usize].role == Role::Ordinal);
    let ordinals_aligned = chosen.iter().any(|c| a[c.a as usize].role == Role::Ordinal);
    if ordinal(a, ia) && ordinal(b, ib) && !ordinals_aligned {
        score *= ORDINAL_CONFLICT;
    }
    if org {
        let typed =
            |k: &[PartKey], idx: &[u8]| idx.iter().any(|&i| k[i as usize].role == Role::OrgType);
        let types_aligned = chosen.iter().any(|c| {
            a[c.a as usize].role == Role::OrgType || b[c.b as usize].role == Role::OrgType
        });
        if typed(a, ia) && typed(b, ib) && !types_aligned {
            score *= KINDS_CONFLICT;
        }
        // only words many bodies share met (Central Bank, Islamic State),
        // and the other name says which body it is, by a word of its own
        // or its country (Khorasan Province, of Egypt): another body of
        // those words is as likely as this one
        let generic_only = || {
            chosen
                .iter()
                .all(|c| a[c.a as usize].concept != 0 && b[c.b as usize].concept != 0)
        };
        if identifying > 0 && generic_only() {
            score *= GENERIC_ONLY_MET;
        }
    }
    let given_to_father = |x: Role, y: Role| x == Role::Given && y == Role::Nasab;
    let roles = |c: &Cand| (a[c.a as usize].role, b[c.b as usize].role);
    if chosen
        .iter()
        .any(|c| given_to_father(roles(c).0, roles(c).1))
        && chosen
            .iter()
            .any(|c| given_to_father(roles(c).1, roles(c).0))
    {
        score *= GENERATIONS_SWAPPED;
    }
    let given_left_out = |keys: &[PartKey], idx: &[u8], first: bool| {
        idx.iter().any(|&i| {
            let k = &keys[i as usize];
            k.role == Role::Given && !covered(first, i) && !is_muhammad(k)
        })
    };
    let fathers = |x: Role| matches!(x, Role::Middle | Role::Nasab);
    if arabic_pair
        && chosen.iter().any(|c| {
            let (ra, rb) = roles(c);
            (rb == Role::Given && fathers(ra) && given_left_out(a, ia, true))
                || (ra == Role::Given && fathers(rb) && given_left_out(b, ib, false))
        })
    {
        score *= FATHER_FOR_SON;
    }
    // a one-word name found inside a longer one is weak evidence
    if (ia.len() == 1) != (ib.len() == 1) {
        score *= 0.88;
    }
    let mut order: [(u8, u8); MAX_PARTS] = [(0, 0); MAX_PARTS];
    for (k, c) in chosen.iter().enumerate().take(MAX_PARTS) {
        order[k] = (c.a, c.b);
    }
    let order = &mut order[..chosen.len().min(MAX_PARTS)];
    order.sort_unstable();
    let swapped = order.windows(2).any(|w| w[1].1 < w[0].1);
    if swapped && !org {
        let same_script = chosen
            .iter()
            .all(|c| a[c.a as usize].script == b[c.b as usize].script);
        if same_script {
            score *= SAME_SCRIPT_SWAP_PENALTY;
        } else {
            score *= CROSS_SCRIPT_SWAP_PENALTY;
        }
    }
    (score.clamp(0.0, 1.0), swapped)
}

/// Whether a part is Muhammad in either script, by its sound skeleton
/// (Mohamed, Mohammad, Muhammad and «محمد» share one; so does Mahmoud,
/// which the scorer too finds close to «محمد»).
fn is_muhammad(k: &PartKey) -> bool {
    static SKELETONS: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let skels = SKELETONS.get_or_init(|| {
        ["محمد", "Muhammad"]
            .iter()
            .filter_map(|n| {
                let p = crate::parse::parse(n, crate::parse::NameKind::Person);
                p.keys().first().map(|k| k.skel)
            })
            .collect()
    });
    skels.contains(&k.skel)
}
