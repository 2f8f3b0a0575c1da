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
//! Only present-day events (`Modality::Actual`) in Russian or Kazakh count; an event given twice
//! (identical in every field) counts once. Events with no participants stay rows of their own.
//!
//! # Rows
//! One row per aligned pair and per cluster left alone. `type` is the most specific type of the
//! members (talks > meeting > reception > visit; call stays call); `date` the earliest member date;
//! `place` the most frequent member place (ties to the smallest); `participants` the canonical
//! names (the most frequent spelling per identity) in name order; `ru_sentence`/`kk_sentence` the
//! sentence of the member with the lowest article id, then span. `event_id` is `ev-` and the
//! 64-bit FNV-1a hash of the sorted member event ids. Rows are sorted by date (undated last),
//! participants, type, id. Nothing depends on input order, and nothing runs on threads.
//!
//! # Cost
//! Sorting and blocking: `O(n log n)` in the number of events (at most 15 block entries per
//! cluster, see `MAX_INDEXED`, and at most `MAX_BLOCK_SCAN` = 256 other-edition candidates
//! examined per cluster and block). One million
//! synthetic events align in about 9 s wall (6 s CPU) in release mode on a shared, loaded 2-core
//! machine, using about 0.9 GB besides the input (`tests/events.rs`, ignored scale test).
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
//! `kk:none` (no candidate), `kk:taken` (every candidate went to a better pair),
//! `kk:ambiguous(n)` (undated with `n` candidates) or `kk:undated_ambiguous` (its only candidates
//! were undated clusters of the other edition that had several candidates).

use crate::FastMap;
use crate::{fnv1a, AlignConfig};
use chrono::NaiveDate;
use kzalign_core::{Event, EventType, Lang, Modality, Participant, Span};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

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
    /// Identities, ascending (a slice of one shared pool).
    set: &'a [u32],
    day: i64,
    place: Option<Cow<'a, str>>,
}

/// A cluster of events of one edition.
struct Cluster<'a> {
    side: usize,
    class: u8,
    set: &'a [u32],
    /// Event indices, ascending (a slice of one shared pool).
    members: &'a [usize],
    day: i64,
    kind: EventType,
    place: Option<String>,
}

/// Participant identities, numbered in sorted order.
struct Identities {
    names: Vec<String>,
    keys: Vec<String>,
    /// Position of each identity in display order (name, key, id).
    display: Vec<u32>,
    /// The identity at each display position.
    by_display: Vec<u32>,
}

/// Resolves identities; returns them, the pool of all sets and each event's range in it.
fn resolve_identities(events: &[&Event]) -> (Identities, Vec<u32>, Vec<(usize, usize)>) {
    // key -> the entity id every resolved participant with that key has (None when they differ).
    let mut by_key: FastMap<&str, Option<&str>> = FastMap::default();
    for e in events {
        for p in &e.participants {
            if let Some(id) = p.entity_id.as_deref() {
                by_key
                    .entry(p.key.as_str())
                    .and_modify(|old| {
                        if *old != Some(id) {
                            *old = None;
                        }
                    })
                    .or_insert(Some(id));
            }
        }
    }
    // An identity is (is_key, text); numbered first in order of appearance, then renumbered in
    // sorted order so that nothing depends on the input order.
    let mut temp: FastMap<(bool, &str), u32> = FastMap::default();
    let mut distinct: Vec<(bool, &str)> = Vec::new();
    let mut spellings: FastMap<(u32, &str, &str), usize> = FastMap::default();
    let mut pool: Vec<u32> = Vec::with_capacity(events.len() * 2);
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(events.len());
    for e in events {
        let start = pool.len();
        for p in &e.participants {
            let ident = match p.entity_id.as_deref() {
                Some(id) => (false, id),
                None => match by_key.get(p.key.as_str()) {
                    Some(Some(id)) => (false, *id),
                    _ => (true, p.key.as_str()),
                },
            };
            let next = distinct.len() as u32;
            let t = *temp.entry(ident).or_insert_with(|| {
                distinct.push(ident);
                next
            });
            *spellings
                .entry((t, p.name.as_str(), p.key.as_str()))
                .or_default() += 1;
            pool.push(t);
        }
        ranges.push((start, pool.len()));
    }
    let mut order: Vec<u32> = (0..distinct.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| distinct[a as usize].cmp(&distinct[b as usize]));
    let mut rank = vec![0u32; distinct.len()];
    for (r, &t) in order.iter().enumerate() {
        rank[t as usize] = r as u32;
    }
    // Renumber, then sort and deduplicate each set in place, compacting the pool.
    let mut write = 0;
    for range in ranges.iter_mut() {
        let (start, end) = *range;
        for t in &mut pool[start..end] {
            *t = rank[*t as usize];
        }
        pool[start..end].sort_unstable();
        let mut len = 0;
        for i in start..end {
            if len == 0 || pool[write + len - 1] != pool[i] {
                pool[write + len] = pool[i];
                len += 1;
            }
        }
        *range = (write, write + len);
        write += len;
    }
    pool.truncate(write);
    // Names and keys: the most frequent spelling per identity, ties to the smallest.
    let mut names: Vec<BTreeMap<&str, usize>> = vec![BTreeMap::new(); distinct.len()];
    let mut keys: Vec<BTreeMap<&str, usize>> = vec![BTreeMap::new(); distinct.len()];
    for ((t, name, key), n) in spellings {
        let r = rank[t as usize] as usize;
        *names[r].entry(name).or_default() += n;
        *keys[r].entry(key).or_default() += n;
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
    let names: Vec<String> = names.iter().map(most).collect();
    let keys: Vec<String> = keys.iter().map(most).collect();
    // Identities are already in (is_key, id) order: that breaks ties of name and key.
    let mut by_display: Vec<u32> = (0..names.len() as u32).collect();
    by_display.sort_by(|&a, &b| {
        (&names[a as usize], &keys[a as usize]).cmp(&(&names[b as usize], &keys[b as usize]))
    });
    let mut display = vec![0u32; names.len()];
    for (pos, &i) in by_display.iter().enumerate() {
        display[i as usize] = pos as u32;
    }
    (
        Identities {
            names,
            keys,
            display,
            by_display,
        },
        pool,
        ranges,
    )
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

/// Everything an event says, for a total order on events.
type Content<'e> = (
    Lang,
    &'e str,
    Span,
    &'e str,
    EventType,
    Option<NaiveDate>,
    Option<&'e str>,
    &'e str,
    &'e [Participant],
);

fn content(e: &Event) -> Content<'_> {
    let place = e.place.as_deref();
    (
        e.lang,
        &e.doc_id,
        e.span,
        &e.id,
        e.kind,
        e.date,
        place,
        &e.sentence,
        &e.participants,
    )
}

/// Identities of a cluster whose pairs are indexed (the first ones by identity order): at most
/// 15 block entries per cluster. Sets larger than this still align when equal, or when the
/// smaller one shares a pair among the first six of the larger.
const MAX_INDEXED: usize = 6;

/// Most candidates of the other edition examined per cluster and block (bounds the cost of
/// blocks that many clusters share).
const MAX_BLOCK_SCAN: usize = 256;

/// Aligns events of all editions into unified report rows, in a deterministic order.
///
/// Only present-day events (`Modality::Actual`) in Russian or Kazakh are used; the output does not
/// depend on the order of `events`.
pub fn align_events(events: &[Event], config: &AlignConfig) -> Vec<AlignRow> {
    // At most a century: keeps the date arithmetic far from overflow.
    let window = config.date_window_days.clamp(0, 36_525);
    // Content order: everything below is index-based, so indices must not depend on input order.
    // Articles are ordered by a hash of their id (any fixed order will do; one article stays one
    // run), then by the full content.
    let accepted: Vec<&Event> = events
        .iter()
        .filter(|e| e.modality == Modality::Actual && matches!(e.lang, Lang::Ru | Lang::Kk))
        .collect();
    // Identities are resolved in input order (memory order: fast) and numbered independently of it.
    let (idents, pool, ranges) = resolve_identities(&accepted);
    let mut keyed: Vec<(Lang, u64, usize)> = accepted
        .iter()
        .enumerate()
        .map(|(i, e)| (e.lang, fnv1a(e.doc_id.bytes()), i))
        .collect();
    keyed.par_sort_unstable_by(|&(la, ha, a), &(lb, hb, b)| {
        (la, ha)
            .cmp(&(lb, hb))
            .then_with(|| content(accepted[a]).cmp(&content(accepted[b])))
    });
    // The same event given twice counts once.
    keyed.dedup_by(|x, y| content(accepted[x.2]) == content(accepted[y.2]));
    let mut evs: Vec<Ev> = keyed
        .into_iter()
        .map(|(_, _, i)| (accepted[i], ranges[i]))
        .map(|(e, (start, end))| Ev {
            e,
            side: usize::from(e.lang == Lang::Kk),
            class: class_of(e.kind),
            set: &pool[start..end],
            day: day_number(e.date),
            place: e
                .place
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(Cow::Borrowed),
        })
        .collect();
    let framed = frame_visits(&mut evs, window);
    let (member_pool, spans) = cluster_editions(&evs, &framed, window);
    let clusters: Vec<Cluster> = spans
        .iter()
        .map(|&(a, b)| make_cluster(&evs, &member_pool[a..b]))
        .collect();
    let (pairs, reasons) = assign(&clusters, window);
    build_rows(&evs, &clusters, &pairs, &reasons, &idents)
}

fn dates_close(a: i64, b: i64, window: i64) -> bool {
    a == UNDATED || b == UNDATED || (a - b).abs() <= window
}

/// Marks one-person in-person events framed by a multi-person event of the same article and
/// copies their place to the framed events that have none.
fn frame_visits(evs: &mut [Ev], window: i64) -> Vec<bool> {
    let mut framed = vec![false; evs.len()];
    let mut start = 0;
    // Events are sorted by (lang, hash of doc_id, doc_id, ...): one article is one run.
    while start < evs.len() {
        let mut end = start + 1;
        while end < evs.len()
            && evs[end].e.doc_id == evs[start].e.doc_id
            && evs[end].side == evs[start].side
        {
            end += 1;
        }
        let singles = (start..end).any(|i| evs[i].class == 0 && evs[i].set.len() == 1);
        let mut hosts: FastMap<u32, Vec<usize>> = FastMap::default();
        for i in (start..end).filter(|_| singles) {
            if evs[i].class == 0 && evs[i].set.len() >= 2 {
                for &p in evs[i].set {
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

/// The most frequent place, ties to the smallest; `None` when there is none.
fn most_frequent_place<'p>(places: impl Iterator<Item = &'p str>) -> Option<&'p str> {
    let mut all: Vec<&str> = places.collect();
    match all.as_slice() {
        [] => return None,
        [one] => return Some(one),
        _ => {}
    }
    all.sort_unstable();
    let mut best: Option<(&str, usize)> = None;
    for run in all.chunk_by(|a, b| a == b) {
        if best.map_or(true, |(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(p, _)| p)
}

fn make_cluster<'a>(evs: &[Ev<'a>], members: &'a [usize]) -> Cluster<'a> {
    let first = &evs[members[0]];
    let day = members.iter().map(|&m| evs[m].day).min().unwrap_or(UNDATED);
    let kind = best_kind(members.iter().map(|&m| evs[m].e.kind));
    let place = most_frequent_place(members.iter().filter_map(|&m| evs[m].place.as_deref()))
        .map(str::to_string);
    Cluster {
        side: first.side,
        class: first.class,
        set: first.set,
        members,
        day,
        kind,
        place,
    }
}

/// Within-edition clustering (step 3 of the module docs): returns the pool of member event
/// indices and each cluster's range in it (members ascending).
fn cluster_editions(evs: &[Ev], framed: &[bool], window: i64) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut order: Vec<usize> = (0..evs.len()).filter(|&i| !framed[i]).collect();
    // Sets are ordered by a hash first (cheap), then by content.
    let hashes: Vec<u64> = evs
        .iter()
        .map(|e| fnv1a(e.set.iter().flat_map(|p| p.to_le_bytes())))
        .collect();
    order.par_sort_unstable_by(|&a, &b| {
        let (x, y) = (&evs[a], &evs[b]);
        (x.side, x.class, hashes[a])
            .cmp(&(y.side, y.class, hashes[b]))
            .then_with(|| (x.set, x.day, a).cmp(&(y.set, y.day, b)))
    });
    // Within a group of one set, dated events come first by day, undated ones last: each
    // cluster is a contiguous run of `order`.
    let mut spans: Vec<(usize, usize)> = Vec::new();
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
        if head.set.is_empty() {
            // Nothing to tell these apart by: each stands alone.
            spans.extend((start..end).map(|i| (i, i + 1)));
            start = end;
            continue;
        }
        let first_undated = start + order[start..end].partition_point(|&i| evs[i].day != UNDATED);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut anchor = UNDATED;
        for pos in start..first_undated {
            let day = evs[order[pos]].day;
            match runs.last_mut() {
                Some(run) if day - anchor <= window => run.1 = pos + 1,
                _ => {
                    anchor = day;
                    runs.push((pos, pos + 1));
                }
            }
        }
        if first_undated < end {
            if runs.len() == 1 {
                // Undated tellings join the one dated cluster of their set.
                runs[0].1 = end;
            } else {
                runs.push((first_undated, end));
            }
        }
        spans.extend(runs);
        start = end;
    }
    for &(a, b) in &spans {
        order[a..b].sort_unstable();
    }
    (order, spans)
}

/// Why a cluster of one edition found no counterpart.
#[derive(Clone, Debug, PartialEq)]
enum Lonely {
    /// No candidate at all.
    None,
    /// Every eligible candidate went to a better pair.
    Taken,
    /// Undated with this many candidates.
    Ambiguous(usize),
    /// Its only candidates were undated clusters with several candidates.
    UndatedAmbiguous,
}

/// The signals of a candidate pair (ru cluster, kk cluster): the score is computed for every
/// candidate, the `why` text only for the pairs kept.
struct Signals {
    score: f64,
    why: String,
}

/// Shared identities of two clusters and the size of their union.
fn overlap(ru: &Cluster, kk: &Cluster) -> (usize, usize) {
    let s = shared(ru.set, kk.set);
    (s, ru.set.len() + kk.set.len() - s)
}

fn score(ru: &Cluster, kk: &Cluster, window: i64) -> f64 {
    let (s, union) = overlap(ru, kk);
    let p = if union == 0 {
        0.0
    } else {
        s as f64 / union as f64
    };
    let t = if ru.kind == kk.kind { 1.0 } else { 0.6 };
    let d = match (ru.day, kk.day) {
        (UNDATED, _) | (_, UNDATED) => 0.5,
        (r, k) if r == k => 1.0,
        (r, k) => 1.0 - (k - r).abs() as f64 / (window + 1) as f64,
    };
    let pl = match (&ru.place, &kk.place) {
        (Some(a), Some(b)) if same_place(a, b) => 1.0,
        (Some(_), Some(_)) => 0.0,
        _ => 0.5,
    };
    0.4 * p + 0.2 * t + 0.3 * d + 0.1 * pl
}

fn signals(ru: &Cluster, kk: &Cluster, score: f64) -> Signals {
    let (s, union) = overlap(ru, kk);
    let date_why = match (ru.day, kk.day) {
        (UNDATED, UNDATED) => "undated(both)".to_string(),
        (UNDATED, _) => "undated(ru)".to_string(),
        (_, UNDATED) => "undated(kk)".to_string(),
        (r, k) if r == k => "same".to_string(),
        (r, k) => format!("{:+}d", k - r),
    };
    let place_why = match (&ru.place, &kk.place) {
        (Some(a), Some(b)) if same_place(a, b) => format!("{a}={b}"),
        (Some(a), Some(b)) => format!("{a}!={b}"),
        (None, Some(_)) => "unknown(ru)".to_string(),
        (Some(_), None) => "unknown(kk)".to_string(),
        (None, None) => "unknown".to_string(),
    };
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
                // Big sets are indexed under the pairs of their first identities only, so a
                // delegation of dozens costs no more than one of six.
                let head = &c.set[..c.set.len().min(MAX_INDEXED)];
                for (i, &a) in head.iter().enumerate() {
                    for &b in &head[i + 1..] {
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
    entries.par_sort_unstable();
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
                        if sets_compatible(clusters[ci].set, clusters[oi].set) {
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
                        if sets_compatible(clusters[ci].set, clusters[oi].set) {
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
    let mut eligible = vec![false; clusters.len()];
    let mut scored: Vec<(usize, usize, f64)> = dated_pairs
        .into_iter()
        .chain(
            undated_pairs
                .into_iter()
                .filter(|&(r, k)| unique(r) && unique(k)),
        )
        .map(|(r, k)| {
            eligible[r] = true;
            eligible[k] = true;
            (r, k, score(&clusters[r], &clusters[k], window))
        })
        .collect();
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut used = vec![false; clusters.len()];
    let mut pairs = Vec::new();
    for (r, k, s) in scored {
        if !used[r] && !used[k] {
            used[r] = true;
            used[k] = true;
            pairs.push((r, k, signals(&clusters[r], &clusters[k], s)));
        }
    }
    let reasons = (0..clusters.len())
        .map(|c| {
            if overflow[c] {
                Lonely::Ambiguous(MAX_BLOCK_SCAN + 1)
            } else if clusters[c].day == UNDATED && candidates_of[c] > 1 {
                Lonely::Ambiguous(candidates_of[c])
            } else if eligible[c] {
                Lonely::Taken
            } else if candidates_of[c] > 0 {
                Lonely::UndatedAmbiguous
            } else {
                Lonely::None
            }
        })
        .collect();
    (pairs, reasons)
}

/// Appends `n` as `width` decimal digits (zero-padded; `n` must fit).
fn push_digits(out: &mut String, n: u32, width: u32) {
    for i in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(i) % 10) as u8));
    }
}

/// `YYYY-MM-DD`, or empty when undated (hand-written: a million rows need three dates each).
fn iso(day: i64) -> String {
    if day == UNDATED {
        return String::new();
    }
    let Some(d) = i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
    else {
        return String::new();
    };
    let mut out = String::with_capacity(10);
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => push_digits(&mut out, y, 4),
        _ => out.push_str(&d.year().to_string()),
    }
    out.push('-');
    push_digits(&mut out, d.month(), 2);
    out.push('-');
    push_digits(&mut out, d.day(), 2);
    out
}

/// `ev-` and 16 hex digits.
fn event_id(hash: u64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(19);
    out.push_str("ev-");
    for i in (0..16).rev() {
        out.push(char::from(HEX[((hash >> (i * 4)) & 0xf) as usize]));
    }
    out
}

/// A score in [0, 1] with three decimals.
fn score_text(score: f64) -> String {
    let milli = (score.clamp(0.0, 1.0) * 1000.0).round() as u32;
    let mut out = String::with_capacity(5);
    push_digits(&mut out, milli / 1000, 1);
    out.push('.');
    push_digits(&mut out, milli % 1000, 3);
    out
}

fn build_rows(
    evs: &[Ev],
    clusters: &[Cluster],
    pairs: &[(usize, usize, Signals)],
    reasons: &[Lonely],
    idents: &Identities,
) -> Vec<AlignRow> {
    let mut paired = vec![false; clusters.len()];
    type Spec = ([Option<usize>; 2], &'static str, f64, String);
    let mut specs: Vec<Spec> = Vec::with_capacity(clusters.len());
    for (r, k, s) in pairs {
        paired[*r] = true;
        paired[*k] = true;
        specs.push(([Some(*r), Some(*k)], "aligned", s.score, s.why.clone()));
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
            Lonely::UndatedAmbiguous => format!("{other}:undated_ambiguous"),
        };
        let (sides, status) = if c.side == 0 {
            ([Some(ci), None], "ru_only")
        } else {
            ([None, Some(ci)], "kk_only")
        };
        specs.push((sides, status, 0.0, why));
    }
    // Threads change nothing: each row depends on its own clusters, and the order comes from
    // the sort below.
    let mut protos: Vec<Proto> = specs
        .into_par_iter()
        .map(|(sides, status, score, why)| proto(evs, clusters, sides, idents, status, score, why))
        .collect();
    // Sort by date (undated last), participants (in name order), type, id (the hex of `hash`,
    // so the same order), then the clusters, before the (large) rows are built.
    protos.par_sort_unstable_by(|x, y| {
        (x.day, &x.people, x.kind.code(), x.hash, x.sides).cmp(&(
            y.day,
            &y.people,
            y.kind.code(),
            y.hash,
            y.sides,
        ))
    });
    // Distinct rows whose members share ids (malformed input) still get distinct ids.
    let mut taken: FastMap<u64, ()> = FastMap::default();
    for p in &mut protos {
        let mut n = 0u32;
        while taken.contains_key(&p.hash) {
            n += 1;
            p.hash = fnv1a(p.hash.to_le_bytes().into_iter().chain(n.to_le_bytes()));
        }
        taken.insert(p.hash, ());
    }
    protos
        .into_par_iter()
        .map(|p| row(evs, clusters, p, idents))
        .collect()
}

/// A report row before its strings are built: what it sorts by and what it is made of.
struct Proto {
    day: i64,
    /// Display ranks of the participants, ascending.
    people: Vec<u32>,
    kind: EventType,
    /// Hash of the sorted member event ids: the event id.
    hash: u64,
    /// Russian and Kazakh cluster.
    sides: [Option<usize>; 2],
    status: &'static str,
    score: f64,
    why: String,
}

fn proto(
    evs: &[Ev],
    clusters: &[Cluster],
    sides: [Option<usize>; 2],
    idents: &Identities,
    status: &'static str,
    score: f64,
    why: String,
) -> Proto {
    let present = || sides.iter().flatten().map(|&c| &clusters[c]);
    let mut people: Vec<u32> = present()
        .flat_map(|c| c.set.iter().map(|&i| idents.display[i as usize]))
        .collect();
    people.sort_unstable();
    people.dedup();
    let mut ids: Vec<&str> = present()
        .flat_map(|c| c.members.iter().map(|&m| evs[m].e.id.as_str()))
        .collect();
    if ids.len() > 1 {
        ids.sort_unstable();
    }
    let hash = fnv1a(ids.iter().flat_map(|s| s.bytes().chain([b'\n'])));
    let kind = best_kind(present().map(|c| c.kind));
    let day = present().map(|c| c.day).min().unwrap_or(UNDATED);
    Proto {
        day,
        people,
        kind,
        hash,
        sides,
        status,
        score,
        why,
    }
}

fn row(evs: &[Ev], clusters: &[Cluster], p: Proto, idents: &Identities) -> AlignRow {
    let side = |i: usize| p.sides[i].map(|c| &clusters[c]);
    let present = || p.sides.iter().flatten().map(|&c| &clusters[c]);
    let join = |v: &[String]| -> String {
        let mut out = String::with_capacity(p.people.len() * 16);
        for (n, &rank) in p.people.iter().enumerate() {
            if n > 0 {
                out.push(';');
            }
            out.push_str(&v[idents.by_display[rank as usize] as usize]);
        }
        out
    };
    let place = most_frequent_place(
        present().flat_map(|c| c.members.iter().filter_map(|&m| evs[m].place.as_deref())),
    )
    .map(str::to_string)
    .unwrap_or_default();
    let docs = |c: Option<&Cluster>| -> String {
        match c.map(|c| c.members) {
            None => return String::new(),
            Some([one]) => return evs[*one].e.doc_id.clone(),
            _ => {}
        }
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
        event_id: event_id(p.hash),
        kind: p.kind.code().to_string(),
        participants: join(&idents.names),
        participant_keys: join(&idents.keys),
        date: iso(p.day),
        place,
        status: p.status.to_string(),
        ru_docs: docs(side(0)),
        kk_docs: docs(side(1)),
        ru_sentence: sentence(side(0)),
        kk_sentence: sentence(side(1)),
        score: score_text(p.score),
        why: p.why,
        ru_date: side(0).map(|c| iso(c.day)).unwrap_or_default(),
        kk_date: side(1).map(|c| iso(c.day)).unwrap_or_default(),
        ru_events: side(0).map_or(0, |c| c.members.len()),
        kk_events: side(1).map_or(0, |c| c.members.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_formats_match_the_standard_ones() {
        for day in [730_000i64, 738_000, 1, 3_000_000] {
            let d = NaiveDate::from_num_days_from_ce_opt(day as i32).expect("valid");
            assert_eq!(iso(day), d.format("%Y-%m-%d").to_string());
        }
        assert_eq!(iso(UNDATED), "");
        assert_eq!(event_id(0xab), format!("ev-{:016x}", 0xab));
        for s in [0.0, 0.85, 0.8499, 1.0, 0.0005, 0.123456] {
            assert_eq!(score_text(s), format!("{s:.3}"), "{s}");
        }
    }

    #[test]
    fn most_frequent_place_ties_to_the_smallest() {
        assert_eq!(
            most_frequent_place(["b", "a", "b", "a"].into_iter()),
            Some("a")
        );
        assert_eq!(most_frequent_place(["b", "a", "b"].into_iter()), Some("b"));
        assert_eq!(most_frequent_place(std::iter::empty()), None);
    }
}
