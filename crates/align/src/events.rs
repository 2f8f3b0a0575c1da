//! Event alignment: one report row per real-world event.
//!
//! # Steps
//! 1. **Identities.** A participant is its gazetteer id (`entity_id`) when it has one; a participant
//!    without one takes the id that every resolved participant with the same key has (when they all
//!    agree), else its key. Identities are numbered in sorted order, so nothing depends on input order.
//! 2. **Framing visits.** Within one article, a one-person visit, meeting, talks or reception whose
//!    person takes part in a multi-person in-person event of the same article on a compatible date
//!    ("arrived in New York on a visit ... met A, B, C") is the frame of those events, not an event
//!    of its own: it gives them its place when they have none, and makes no row.
//! 3. **Within an edition** (language), events with the same participant set and type class
//!    (in person: meeting, talks, reception, visit; remote: call) whose dates lie within
//!    `date_window_days` of the cluster's earliest date form one cluster, whatever article they
//!    come from. Undated events join the one dated cluster of the same set and class when there is
//!    exactly one; otherwise they form one undated cluster.
//! 4. **Across editions**, candidate pairs come from blocking: every cluster is indexed under
//!    each pair of its participants (a one-person cluster under its person) and its type class;
//!    within a block, dated clusters are compared only with clusters of the other edition inside
//!    the date window (a binary search on dates). A pair is a candidate when the participant sets
//!    are equal, or one holds the other and they share at least two people; the type classes agree;
//!    and the dates lie within the window. An undated cluster is a candidate only when it has
//!    exactly one candidate in the other edition (else `ambiguous(n)`).
//! 5. **One-to-one assignment**: greedy by score (highest first; ties by the clusters' content
//!    order), each cluster used at most once.
//!
//! # Score
//! `score = 0.4 * participants + 0.2 * type + 0.3 * date + 0.1 * place`, each signal in [0, 1]:
//! - participants: shared / union of the two sets (`participants=2/2`);
//! - type: 1 when equal, 0.6 when both in person but different (`type=talks~meeting`);
//! - date: `1 - d / (window + 1)` for `d` days apart (`date=same`, `date=+1d` meaning the Kazakh
//!   edition's date is one day later); 0.5 when a side is undated (`date=undated(kk)`);
//! - place: 1 when equal (`place=New York=New York`), 0.5 when unknown on a side
//!   (`place=unknown(kk)`), 0 on a conflict (`place=Kazan!=Moscow`).
//!
//! Rows of one edition only score `0.000`; their `why` says why no counterpart was taken:
//! `kk:none` (no candidate), `kk:taken` (every candidate went to a better pair) or
//! `kk:ambiguous(n)` (undated with `n` candidates).

use crate::{fnv1a, AlignConfig};
use chrono::NaiveDate;
use kzalign_core::{Event, EventType, Lang, Modality};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// One row of the unified report: one real-world event across all input articles.
/// Field order is column order; the first thirteen columns are a contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignRow {
    /// Stable id of the unified event: `ev-` and a hash of the sorted member event ids.
    pub event_id: String,
    /// Event type code: the most specific type of the members (talks > meeting > reception >
    /// visit; call stays call).
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical names, sorted, `;`-separated.
    pub participants: String,
    /// Keys, in the same order.
    pub participant_keys: String,
    /// ISO date (the earliest dated member) or empty.
    pub date: String,
    /// Canonical place (the most frequent among members) or empty.
    pub place: String,
    /// `aligned`, `ru_only` or `kk_only`.
    pub status: String,
    /// Russian article ids, sorted, `;`-separated.
    pub ru_docs: String,
    /// Kazakh article ids, sorted, `;`-separated.
    pub kk_docs: String,
    /// The sentence of the first Russian member (lowest article id, then lowest span).
    pub ru_sentence: String,
    /// The sentence of the first Kazakh member.
    pub kk_sentence: String,
    /// Alignment score in [0, 1], three decimals; `0.000` for rows of one edition.
    pub score: String,
    /// The signals that agreed or conflicted, `;`-separated.
    pub why: String,
    /// Earliest date of the Russian members, or empty.
    pub ru_date: String,
    /// Earliest date of the Kazakh members, or empty.
    pub kk_date: String,
    /// How many Russian events (sentences) the row merges.
    pub ru_events: usize,
    /// How many Kazakh events the row merges.
    pub kk_events: usize,
}

/// Type class: events of different classes never merge.
fn class_of(kind: EventType) -> u8 {
    match kind {
        EventType::Call => 1,
        _ => 0,
    }
}

/// Specificity rank: the highest-ranked type names a merged cluster.
fn rank(kind: EventType) -> u8 {
    match kind {
        EventType::Talks => 5,
        EventType::Meeting => 4,
        EventType::Reception => 3,
        EventType::Visit => 2,
        EventType::Call => 1,
    }
}

/// Undated sorts after every date.
const UNDATED: i64 = i64::MAX;

fn day_number(date: Option<NaiveDate>) -> i64 {
    date.map_or(UNDATED, |d| i64::from(d.num_days_from_ce()))
}

use chrono::Datelike;

/// An accepted event with its resolved identities.
struct Ev<'a> {
    e: &'a Event,
    side: usize,
    class: u8,
    set: Vec<u32>,
    day: i64,
    place: Option<Cow<'a, str>>,
}

/// A cluster of events of one edition.
struct Cluster {
    side: usize,
    class: u8,
    set: Vec<u32>,
    members: Vec<usize>,
    day: i64,
    kind: EventType,
    place: Option<String>,
}

/// Participant identities, numbered in sorted order.
struct Identities {
    ids: Vec<String>,
    names: Vec<String>,
    keys: Vec<String>,
}

fn resolve_identities(events: &[&Event]) -> (Identities, Vec<Vec<u32>>) {
    let mut by_key: HashMap<&str, Option<&str>> = HashMap::new();
    let mut conflict: HashMap<&str, bool> = HashMap::new();
    for e in events {
        for p in &e.participants {
            if let Some(id) = p.entity_id.as_deref() {
                match by_key.get(p.key.as_str()) {
                    Some(Some(old)) if *old != id => {
                        conflict.insert(p.key.as_str(), true);
                    }
                    _ => {
                        by_key.insert(p.key.as_str(), Some(id));
                    }
                }
            }
        }
    }
    let ident = |p: &kzalign_core::Participant| -> String {
        if let Some(id) = p.entity_id.as_deref() {
            return format!("id:{id}");
        }
        match by_key.get(p.key.as_str()) {
            Some(Some(id)) if !conflict.contains_key(p.key.as_str()) => format!("id:{id}"),
            _ => format!("key:{}", p.key),
        }
    };
    let per_event: Vec<Vec<String>> = events
        .iter()
        .map(|e| e.participants.iter().map(&ident).collect())
        .collect();
    let mut all: Vec<&str> = per_event.iter().flatten().map(String::as_str).collect();
    all.sort_unstable();
    all.dedup();
    let index: HashMap<&str, u32> = all
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    // Names and keys: the most frequent spelling per identity, ties to the smallest.
    let mut names: Vec<BTreeMap<&str, usize>> = vec![BTreeMap::new(); all.len()];
    let mut keys: Vec<BTreeMap<&str, usize>> = vec![BTreeMap::new(); all.len()];
    let mut sets = Vec::with_capacity(events.len());
    for (e, idents) in events.iter().zip(&per_event) {
        let mut set = Vec::with_capacity(idents.len());
        for (p, s) in e.participants.iter().zip(idents) {
            let i = index[s.as_str()];
            *names[i as usize].entry(p.name.as_str()).or_default() += 1;
            *keys[i as usize].entry(p.key.as_str()).or_default() += 1;
            set.push(i);
        }
        set.sort_unstable();
        set.dedup();
        sets.push(set);
    }
    let most = |m: &BTreeMap<&str, usize>| -> String {
        let mut best: Option<(&str, usize)> = None;
        for (s, n) in m {
            if best.map_or(true, |(_, b)| *n > b) {
                best = Some((s, *n));
            }
        }
        best.map(|(s, _)| s.to_string()).unwrap_or_default()
    };
    let ids = all.iter().map(|s| s.to_string()).collect();
    let names = names.iter().map(most).collect();
    let keys = keys.iter().map(most).collect();
    (Identities { ids, names, keys }, sets)
}

/// Shared members of two sorted sets.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two participant sets can tell one event: equal, or one holds the other with two shared.
fn sets_compatible(a: &[u32], b: &[u32]) -> bool {
    if a == b {
        return !a.is_empty();
    }
    let s = shared(a, b);
    s >= 2 && s == a.len().min(b.len())
}

/// Most candidates of the other edition examined per cluster and block (bounds the cost of
/// blocks that many clusters share).
const MAX_BLOCK_SCAN: usize = 256;

/// Aligns events of all editions into unified report rows, in a deterministic order.
///
/// Only present-day events (`Modality::Actual`) in Russian or Kazakh are used; the output does not
/// depend on the order of `events`.
pub fn align_events(events: &[Event], config: &AlignConfig) -> Vec<AlignRow> {
    let window = config.date_window_days.max(0);
    let mut chosen: Vec<&Event> = events
        .iter()
        .filter(|e| e.modality == Modality::Actual && matches!(e.lang, Lang::Ru | Lang::Kk))
        .collect();
    // Content order: everything below is index-based, so indices must not depend on input order.
    chosen.sort_by(|a, b| {
        (
            a.lang,
            &a.doc_id,
            a.span,
            &a.id,
            a.kind,
            a.date,
            &a.place,
            &a.sentence,
            &a.participants,
        )
            .cmp(&(
                b.lang,
                &b.doc_id,
                b.span,
                &b.id,
                b.kind,
                b.date,
                &b.place,
                &b.sentence,
                &b.participants,
            ))
    });
    let (idents, sets) = resolve_identities(&chosen);
    let mut evs: Vec<Ev> = chosen
        .iter()
        .zip(sets)
        .map(|(e, set)| Ev {
            e,
            side: usize::from(e.lang == Lang::Kk),
            class: class_of(e.kind),
            set,
            day: day_number(e.date),
            place: e
                .place
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(Cow::Borrowed),
        })
        .collect();
    let framed = frame_visits(&mut evs, window);
    let clusters = cluster_editions(&evs, &framed, window);
    let (pairs, reasons) = assign(&clusters, window);
    build_rows(&evs, &clusters, &pairs, &reasons, &idents, window)
}

fn dates_close(a: i64, b: i64, window: i64) -> bool {
    a == UNDATED || b == UNDATED || (a - b).abs() <= window
}

/// Marks one-person in-person events framed by a multi-person event of the same article and
/// copies their place to the framed events that have none.
fn frame_visits(evs: &mut [Ev], window: i64) -> Vec<bool> {
    let mut framed = vec![false; evs.len()];
    let mut start = 0;
    // Events are sorted by (lang, doc_id, ...): one article is one run.
    while start < evs.len() {
        let mut end = start + 1;
        while end < evs.len()
            && evs[end].e.doc_id == evs[start].e.doc_id
            && evs[end].side == evs[start].side
        {
            end += 1;
        }
        let mut hosts: HashMap<u32, Vec<usize>> = HashMap::new();
        for i in start..end {
            if evs[i].class == 0 && evs[i].set.len() >= 2 {
                for &p in &evs[i].set {
                    hosts.entry(p).or_default().push(i);
                }
            }
        }
        if !hosts.is_empty() {
            let mut fill: Vec<(usize, String)> = Vec::new();
            for s in start..end {
                if evs[s].class != 0 || evs[s].set.len() != 1 {
                    continue;
                }
                let Some(hs) = hosts.get(&evs[s].set[0]) else {
                    continue;
                };
                let close: Vec<usize> = hs
                    .iter()
                    .copied()
                    .filter(|&h| dates_close(evs[h].day, evs[s].day, window))
                    .collect();
                if close.is_empty() {
                    continue;
                }
                framed[s] = true;
                if let Some(place) = &evs[s].place {
                    for h in close {
                        fill.push((h, place.to_string()));
                    }
                }
            }
            // The smallest frame place wins, whatever the order.
            fill.sort();
            fill.dedup_by(|a, b| a.0 == b.0);
            for (h, place) in fill {
                if evs[h].place.is_none() {
                    evs[h].place = Some(Cow::Owned(place));
                }
            }
        }
        start = end;
    }
    framed
}

fn best_kind(kinds: impl Iterator<Item = EventType>) -> EventType {
    kinds.max_by_key(|k| rank(*k)).unwrap_or(EventType::Meeting)
}

fn most_frequent_place(places: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in places {
        *counts.entry(p).or_default() += 1;
    }
    let mut best: Option<(String, usize)> = None;
    for (p, n) in counts {
        if best.as_ref().map_or(true, |(_, b)| n > *b) {
            best = Some((p, n));
        }
    }
    best.map(|(p, _)| p)
}

fn make_cluster(evs: &[Ev], members: Vec<usize>) -> Cluster {
    let first = &evs[members[0]];
    let day = members.iter().map(|&m| evs[m].day).min().unwrap_or(UNDATED);
    let kind = best_kind(members.iter().map(|&m| evs[m].e.kind));
    let place = most_frequent_place(
        members
            .iter()
            .filter_map(|&m| evs[m].place.as_deref().map(str::to_string)),
    );
    Cluster {
        side: first.side,
        class: first.class,
        set: first.set.clone(),
        members,
        day,
        kind,
        place,
    }
}

/// Within-edition clustering (step 3 of the module docs).
fn cluster_editions(evs: &[Ev], framed: &[bool], window: i64) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..evs.len()).filter(|&i| !framed[i]).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&evs[a], &evs[b]);
        (x.side, x.class, &x.set, x.day, a).cmp(&(y.side, y.class, &y.set, y.day, b))
    });
    let mut clusters = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let head = &evs[order[start]];
        let mut end = start + 1;
        while end < order.len() && {
            let o = &evs[order[end]];
            o.side == head.side && o.class == head.class && o.set == head.set
        } {
            end += 1;
        }
        let group = &order[start..end];
        if head.set.is_empty() {
            // Nothing to tell these apart by: each stands alone.
            clusters.extend(group.iter().map(|&i| make_cluster(evs, vec![i])));
            start = end;
            continue;
        }
        let mut dated: Vec<Vec<usize>> = Vec::new();
        let mut undated: Vec<usize> = Vec::new();
        let mut anchor = UNDATED;
        for &i in group {
            let day = evs[i].day;
            if day == UNDATED {
                undated.push(i);
            } else if dated.is_empty() || day - anchor > window {
                anchor = day;
                dated.push(vec![i]);
            } else if let Some(last) = dated.last_mut() {
                last.push(i);
            }
        }
        if !undated.is_empty() && dated.len() == 1 {
            dated[0].extend(undated.drain(..));
        }
        for mut members in dated
            .into_iter()
            .chain((!undated.is_empty()).then_some(undated))
        {
            members.sort_unstable();
            clusters.push(make_cluster(evs, members));
        }
        start = end;
    }
    clusters
}

/// Why a cluster of one edition found no counterpart.
#[derive(Clone, Debug, PartialEq)]
enum Lonely {
    None,
    Taken,
    Ambiguous(usize),
}

/// The signals of a candidate pair (ru cluster, kk cluster).
struct Signals {
    score: f64,
    why: String,
}

fn signals(ru: &Cluster, kk: &Cluster, window: i64) -> Signals {
    let s = shared(&ru.set, &kk.set);
    let union = ru.set.len() + kk.set.len() - s;
    let p = if union == 0 {
        0.0
    } else {
        s as f64 / union as f64
    };
    let t = if ru.kind == kk.kind { 1.0 } else { 0.6 };
    let (d, date_why) = match (ru.day, kk.day) {
        (UNDATED, UNDATED) => (0.5, "undated(both)".to_string()),
        (UNDATED, _) => (0.5, "undated(ru)".to_string()),
        (_, UNDATED) => (0.5, "undated(kk)".to_string()),
        (r, k) if r == k => (1.0, "same".to_string()),
        (r, k) => (
            1.0 - (k - r).abs() as f64 / (window + 1) as f64,
            format!("{:+}d", k - r),
        ),
    };
    let (pl, place_why) = match (&ru.place, &kk.place) {
        (Some(a), Some(b)) if same_place(a, b) => (1.0, format!("{a}={b}")),
        (Some(a), Some(b)) => (0.0, format!("{a}!={b}")),
        (None, Some(_)) => (0.5, "unknown(ru)".to_string()),
        (Some(_), None) => (0.5, "unknown(kk)".to_string()),
        (None, None) => (0.5, "unknown".to_string()),
    };
    let score = 0.4 * p + 0.2 * t + 0.3 * d + 0.1 * pl;
    let why = format!(
        "participants={s}/{union};type={}~{};date={date_why};place={place_why}",
        ru.kind.code(),
        kk.kind.code()
    );
    Signals { score, why }
}

fn same_place(a: &str, b: &str) -> bool {
    let norm = |s: &str| crate::fold::fold(s);
    a == b || norm(a) == norm(b)
}

/// Candidate pairs by blocking, then the greedy one-to-one assignment.
/// Returns the pairs (ru cluster, kk cluster, signals) and per-cluster reasons for the rest.
fn assign(clusters: &[Cluster], window: i64) -> (Vec<(usize, usize, Signals)>, Vec<Lonely>) {
    // Block entries: (block key, side, day, cluster).
    let mut entries: Vec<(u64, usize, i64, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        let class = u64::from(c.class) << 62;
        match c.set.len() {
            0 => {}
            1 => entries.push((
                class | (u64::from(c.set[0]) << 31) | u64::from(c.set[0]),
                c.side,
                c.day,
                ci,
            )),
            _ => {
                for (i, &a) in c.set.iter().enumerate() {
                    for &b in &c.set[i + 1..] {
                        entries.push((
                            class | (u64::from(a) << 31) | u64::from(b),
                            c.side,
                            c.day,
                            ci,
                        ));
                    }
                }
            }
        }
    }
    entries.sort_unstable();
    let mut dated_pairs: Vec<(usize, usize)> = Vec::new();
    let mut undated_pairs: Vec<(usize, usize)> = Vec::new();
    let mut overflow = vec![false; clusters.len()];
    let mut start = 0;
    while start < entries.len() {
        let mut end = start + 1;
        while end < entries.len() && entries[end].0 == entries[start].0 {
            end += 1;
        }
        let block = &entries[start..end];
        let split = block.partition_point(|e| e.1 == 0);
        let (ru, kk) = block.split_at(split);
        for (this, other, this_is_ru) in [(ru, kk, true), (kk, ru, false)] {
            let other_dated = other.partition_point(|e| e.2 != UNDATED);
            for &(_, _, day, ci) in this {
                let pair = |o: usize| if this_is_ru { (ci, o) } else { (o, ci) };
                if day == UNDATED {
                    // An undated cluster may pair with any cluster of the other side.
                    if other.len() > MAX_BLOCK_SCAN {
                        overflow[ci] = true;
                        continue;
                    }
                    for &(_, _, _, oi) in other {
                        if sets_compatible(&clusters[ci].set, &clusters[oi].set) {
                            undated_pairs.push(pair(oi));
                        }
                    }
                } else if this_is_ru {
                    // Dated ru clusters look up dated kk ones in the window (undated kk clusters
                    // find them from their side).
                    let lo = other[..other_dated].partition_point(|e| e.2 < day - window);
                    for &(_, _, oday, oi) in other[lo..other_dated].iter().take(MAX_BLOCK_SCAN) {
                        if oday > day + window {
                            break;
                        }
                        if sets_compatible(&clusters[ci].set, &clusters[oi].set) {
                            dated_pairs.push(pair(oi));
                        }
                    }
                }
            }
        }
        start = end;
    }
    dated_pairs.sort_unstable();
    dated_pairs.dedup();
    undated_pairs.sort_unstable();
    undated_pairs.dedup();
    // An undated cluster needs exactly one candidate.
    let mut candidates_of = vec![0usize; clusters.len()];
    for &(r, k) in dated_pairs.iter().chain(&undated_pairs) {
        candidates_of[r] += 1;
        candidates_of[k] += 1;
    }
    let unique = |c: usize| clusters[c].day != UNDATED || (candidates_of[c] == 1 && !overflow[c]);
    let mut scored: Vec<(usize, usize, Signals)> = dated_pairs
        .into_iter()
        .chain(
            undated_pairs
                .into_iter()
                .filter(|&(r, k)| unique(r) && unique(k)),
        )
        .map(|(r, k)| (r, k, signals(&clusters[r], &clusters[k], window)))
        .collect();
    scored.sort_by(|a, b| {
        b.2.score
            .total_cmp(&a.2.score)
            .then((a.0, a.1).cmp(&(b.0, b.1)))
    });
    let mut used = vec![false; clusters.len()];
    let mut pairs = Vec::new();
    for (r, k, s) in scored {
        if !used[r] && !used[k] {
            used[r] = true;
            used[k] = true;
            pairs.push((r, k, s));
        }
    }
    let reasons = (0..clusters.len())
        .map(|c| {
            if overflow[c] {
                Lonely::Ambiguous(MAX_BLOCK_SCAN + 1)
            } else if clusters[c].day == UNDATED && candidates_of[c] > 1 {
                Lonely::Ambiguous(candidates_of[c])
            } else if candidates_of[c] > 0 {
                Lonely::Taken
            } else {
                Lonely::None
            }
        })
        .collect();
    (pairs, reasons)
}

fn iso(day: i64) -> String {
    if day == UNDATED {
        return String::new();
    }
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn build_rows(
    evs: &[Ev],
    clusters: &[Cluster],
    pairs: &[(usize, usize, Signals)],
    reasons: &[Lonely],
    idents: &Identities,
    window: i64,
) -> Vec<AlignRow> {
    let _ = window;
    let mut paired = vec![false; clusters.len()];
    let mut rows = Vec::with_capacity(clusters.len());
    for (r, k, s) in pairs {
        paired[*r] = true;
        paired[*k] = true;
        rows.push(row(
            evs,
            [Some(&clusters[*r]), Some(&clusters[*k])],
            idents,
            "aligned",
            s.score,
            s.why.clone(),
        ));
    }
    for (ci, c) in clusters.iter().enumerate() {
        if paired[ci] {
            continue;
        }
        let other = if c.side == 0 { "kk" } else { "ru" };
        let why = match &reasons[ci] {
            Lonely::None => format!("{other}:none"),
            Lonely::Taken => format!("{other}:taken"),
            Lonely::Ambiguous(n) => format!("{other}:ambiguous({n})"),
        };
        let (pair, status) = if c.side == 0 {
            ([Some(c), None], "ru_only")
        } else {
            ([None, Some(c)], "kk_only")
        };
        rows.push(row(evs, pair, idents, status, 0.0, why));
    }
    rows.sort_by(|a, b| {
        (
            a.date.is_empty(),
            &a.date,
            &a.participants,
            &a.kind,
            &a.event_id,
        )
            .cmp(&(
                b.date.is_empty(),
                &b.date,
                &b.participants,
                &b.kind,
                &b.event_id,
            ))
    });
    rows
}

fn row(
    evs: &[Ev],
    sides: [Option<&Cluster>; 2],
    idents: &Identities,
    status: &str,
    score: f64,
    why: String,
) -> AlignRow {
    let present = || sides.iter().flatten();
    let mut set: Vec<u32> = present().flat_map(|c| c.set.iter().copied()).collect();
    set.sort_unstable();
    set.dedup();
    set.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        (&idents.names[a], &idents.keys[a], &idents.ids[a]).cmp(&(
            &idents.names[b],
            &idents.keys[b],
            &idents.ids[b],
        ))
    });
    let join = |v: &[String]| -> String {
        set.iter()
            .map(|&i| v[i as usize].as_str())
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut ids: Vec<&str> = present()
        .flat_map(|c| c.members.iter().map(|&m| evs[m].e.id.as_str()))
        .collect();
    ids.sort_unstable();
    let event_id = format!(
        "ev-{:016x}",
        fnv1a(ids.iter().flat_map(|s| s.bytes().chain([b'\n'])))
    );
    let kind = best_kind(present().map(|c| c.kind));
    let day = present().map(|c| c.day).min().unwrap_or(UNDATED);
    let place = most_frequent_place(present().flat_map(|c| {
        c.members
            .iter()
            .filter_map(|&m| evs[m].place.as_deref().map(str::to_string))
    }))
    .unwrap_or_default();
    let docs = |c: Option<&Cluster>| -> String {
        let mut d: Vec<&str> = c.map_or(Vec::new(), |c| {
            c.members
                .iter()
                .map(|&m| evs[m].e.doc_id.as_str())
                .collect()
        });
        d.sort_unstable();
        d.dedup();
        d.join(";")
    };
    let sentence = |c: Option<&Cluster>| -> String {
        c.and_then(|c| {
            c.members.iter().min_by(|&&a, &&b| {
                let (x, y) = (evs[a].e, evs[b].e);
                (&x.doc_id, x.span, &x.id).cmp(&(&y.doc_id, y.span, &y.id))
            })
        })
        .map(|&m| evs[m].e.sentence.clone())
        .unwrap_or_default()
    };
    AlignRow {
        event_id,
        kind: kind.code().to_string(),
        participants: join(&idents.names),
        participant_keys: join(&idents.keys),
        date: iso(day),
        place,
        status: status.to_string(),
        ru_docs: docs(sides[0]),
        kk_docs: docs(sides[1]),
        ru_sentence: sentence(sides[0]),
        kk_sentence: sentence(sides[1]),
        score: format!("{score:.3}"),
        why,
        ru_date: sides[0].map(|c| iso(c.day)).unwrap_or_default(),
        kk_date: sides[1].map(|c| iso(c.day)).unwrap_or_default(),
        ru_events: sides[0].map_or(0, |c| c.members.len()),
        kk_events: sides[1].map_or(0, |c| c.members.len()),
    }
}
