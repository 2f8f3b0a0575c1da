//! Merging the events of one article that tell the same event.

use crate::participants::{identity, identity_str};
use kzalign_core::{DateSource, Event, EventType, Modality};
use std::collections::BTreeMap;

/// An event before merging, with where it came from.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub event: Event,
    pub paragraph: usize,
    pub order: usize,
}

/// Family of event types merged within an article.
pub(crate) fn family(t: EventType) -> u8 {
    match t {
        EventType::Meeting | EventType::Talks | EventType::Reception => 0,
        EventType::Call => 1,
        EventType::Visit => 2,
    }
}

pub(crate) fn type_rank(t: EventType) -> u8 {
    match t {
        EventType::Talks => 3,
        EventType::Reception => 2,
        EventType::Call => 2,
        EventType::Meeting => 1,
        EventType::Visit => 0,
    }
}

pub(crate) fn source_rank(s: DateSource) -> u8 {
    match s {
        DateSource::Sentence => 5,
        DateSource::Relative => 4,
        DateSource::Paragraph => 3,
        DateSource::Dateline => 2,
        DateSource::Article => 1,
        DateSource::None => 0,
    }
}

/// Merges the events of one article that tell the same event: same type family, same
/// participants, same modality. A visit whose visitors all take part in a meeting of the same
/// article and day is the setting of that meeting and is folded into it.
pub(crate) fn merge(raws: Vec<Raw>) -> Vec<Event> {
    let mut groups: BTreeMap<(u8, Vec<String>, Modality), Vec<Raw>> = BTreeMap::new();
    for r in raws {
        let mut ids: Vec<String> = r.event.participants.iter().map(identity).collect();
        ids.sort();
        let key = (family(r.event.kind), ids, r.event.modality);
        groups.entry(key).or_default().push(r);
    }
    let mut merged: Vec<((usize, usize), Event)> = Vec::new();
    for (_, members) in groups {
        // The representative: the first one told in the body (the headline only summarises).
        let rep = members
            .iter()
            .find(|m| m.paragraph > 0)
            .unwrap_or(&members[0]);
        let mut e = rep.event.clone();
        for m in &members {
            if type_rank(m.event.kind) > type_rank(e.kind) {
                e.kind = m.event.kind;
            }
            if source_rank(m.event.date_source) > source_rank(e.date_source) {
                e.date = m.event.date;
                e.date_source = m.event.date_source;
            }
            if e.place.is_none() {
                e.place = m.event.place.clone();
            }
        }
        merged.push(((rep.event.span.start, rep.order), e));
    }
    merged.sort_by_key(|(o, _)| *o);
    let mut events: Vec<Event> = merged.into_iter().map(|(_, e)| e).collect();
    // Fold visits into the meetings they frame.
    let mut drop = vec![false; events.len()];
    for v in 0..events.len() {
        if events[v].kind != EventType::Visit || events[v].modality != Modality::Actual {
            continue;
        }
        let visitors: Vec<String> = events[v].participants.iter().map(identity).collect();
        let mut folded = false;
        for m in 0..events.len() {
            let e = &events[m];
            if m == v || family(e.kind) != 0 || e.modality != Modality::Actual {
                continue;
            }
            let ids: Vec<String> = e.participants.iter().map(identity).collect();
            let same_day = e.date.is_none() || events[v].date.is_none() || e.date == events[v].date;
            if same_day && visitors.iter().all(|x| ids.contains(x)) {
                folded = true;
            }
        }
        if folded {
            drop[v] = true;
            let place = events[v].place.clone();
            let ids = visitors.clone();
            for e in events.iter_mut() {
                if family(e.kind) == 0
                    && e.place.is_none()
                    && ids
                        .iter()
                        .all(|x| e.participants.iter().any(|p| identity_str(p) == x))
                {
                    e.place = place.clone();
                }
            }
        }
    }
    let mut out: Vec<Event> = events
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !drop[*k])
        .map(|(_, e)| e)
        .collect();
    assign_ids(&mut out);
    out
}

/// Gives each event its id: the article id and the sentence's start, `#start`, with `.1`, `.2`
/// ... after the second and later events of one sentence.
pub(crate) fn assign_ids(events: &mut [Event]) {
    let mut used: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for e in events {
        let base = format!("{}#{}", e.doc_id, e.span.start);
        let n = used.entry(base.clone()).or_insert(0);
        e.id = if *n == 0 {
            base.clone()
        } else {
            format!("{base}.{n}")
        };
        *n += 1;
    }
}
