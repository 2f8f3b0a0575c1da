//! Events made directly, without text, for the align scale benchmark.

use crate::data::{tables, Person};
use crate::render::{Slots, Writer};
use crate::rng::Rng;
use crate::story::MIN_DAYS_APART;
use crate::TruthEvent;
use chrono::{Days, NaiveDate};
use kzalign_core::{DateSource, Event, EventType, Lang, Modality, Participant, Span};
use std::collections::HashMap;

/// True events per day: dense enough that the date window matters, sparse enough that the same
/// participants never meet twice within [`MIN_DAYS_APART`] days.
const PER_DAY: usize = 250;

/// Makes exactly `n` events of both editions with a known true alignment, deterministic from `seed`.
///
/// Each true event is told by the Russian edition, the Kazakh one or both (60 %), sometimes twice
/// within an edition (15 %); every told event is its own article (`doc_id`), so the truth is exact.
/// Participants carry the same keys and entity ids in both editions (as a perfect name normalizer
/// would give); one report in ten is dated a day late (the article date), one in five lacks the
/// place. Tokayev takes part in about a third of the events, as in real Kazakh news, so one key is
/// very frequent. The events come back in a shuffled order; the truth sorted by id.
pub fn generate_events(n: usize, seed: u64) -> (Vec<Event>, Vec<TruthEvent>) {
    let t = tables();
    let mut rng = Rng::new(seed ^ 0xE7E7_0001);
    let mut pool: Vec<&Person> = t.persons.iter().collect();
    let extras: Vec<Person> = (0..t.extra_given.len() * t.extra_surnames.len())
        .map(|k| {
            t.extra_person(
                k % t.extra_given.len().max(1),
                k / t.extra_given.len().max(1),
            )
        })
        .collect();
    pool.extend(extras.iter());
    let mut events = Vec::with_capacity(n);
    let mut truth: Vec<TruthEvent> = Vec::new();
    if pool.len() < 2 || t.places.is_empty() {
        return (events, truth);
    }
    let participants: Vec<Participant> = pool.iter().map(|p| participant(p)).collect();
    let tokayev = pool
        .iter()
        .position(|p| p.id == "kassym-jomart-tokayev")
        .unwrap_or(0);
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let mut used: HashMap<(usize, usize), usize> = HashMap::new();
    let mut docs = [0usize; 2];
    while events.len() < n {
        let day = truth.len() / PER_DAY;
        let date = start
            .checked_add_days(Days::new(day as u64))
            .unwrap_or(start);
        let kind = match rng.below(100) {
            0..=34 => EventType::Meeting,
            35..=54 => EventType::Talks,
            55..=74 => EventType::Call,
            75..=84 => EventType::Visit,
            _ => EventType::Reception,
        };
        let a = if rng.chance(0.3) {
            tokayev
        } else {
            rng.below(pool.len())
        };
        let mut b = None;
        let mut key = (a, usize::MAX);
        let mut ok = false;
        for _ in 0..12 {
            if kind != EventType::Visit {
                let cand = rng.below(pool.len());
                if cand == a {
                    continue;
                }
                b = Some(cand);
                key = (a.min(cand), a.max(cand));
            }
            if used
                .get(&key)
                .map_or(true, |&d| day >= d + MIN_DAYS_APART as usize)
            {
                ok = true;
                break;
            }
        }
        if !ok {
            continue;
        }
        used.insert(key, day);
        let place = (kind != EventType::Call).then(|| rng.below(t.places.len()));
        let r = rng.below(100);
        let editions: &[Lang] = if r < 60 {
            &[Lang::Ru, Lang::Kk]
        } else if r < 82 {
            &[Lang::Ru]
        } else {
            &[Lang::Kk]
        };
        let mut te = TruthEvent {
            id: format!("ev-{:08}", truth.len()),
            kind,
            participants: std::iter::once(a)
                .chain(b)
                .map(|p| pool[p].id.clone())
                .collect(),
            date,
            place: place.map(|p| t.places[p].canonical.clone()),
            ru_articles: Vec::new(),
            kk_articles: Vec::new(),
        };
        te.participants.sort();
        let mut ps: Vec<Participant> = std::iter::once(a)
            .chain(b)
            .map(|p| participants[p].clone())
            .collect();
        ps.sort();
        for &lang in editions {
            let copies = if rng.chance(0.15) { 2 } else { 1 };
            for _ in 0..copies {
                if events.len() >= n {
                    break;
                }
                let e = usize::from(lang == Lang::Kk);
                docs[e] += 1;
                let doc_id = format!("{}-{:08}", lang.code(), docs[e]);
                let late = rng.chance(0.1);
                let (date, date_source) = if late {
                    (date.succ_opt().unwrap_or(date), DateSource::Article)
                } else if rng.chance(0.5) {
                    (date, DateSource::Sentence)
                } else {
                    (date, DateSource::Article)
                };
                let mut w = Writer::new(t, lang);
                let slots = Slots {
                    a: Some(pool[a]),
                    b: b.map(|b| pool[b]),
                    p: place.map(|p| &t.places[p]),
                    title: true,
                };
                let choices: Vec<_> = t
                    .templates
                    .iter()
                    .filter(|x| x.lang == lang.code() && x.kind == kind.code())
                    .collect();
                let sentence = match choices.get(rng.below(choices.len())) {
                    Some(tpl) => w.render(&tpl.pieces, &slots, &mut rng),
                    None => String::new(),
                };
                let told_place = place
                    .filter(|_| rng.chance(0.8))
                    .map(|p| t.places[p].canonical.clone());
                match lang {
                    Lang::Kk => te.kk_articles.push(doc_id.clone()),
                    _ => te.ru_articles.push(doc_id.clone()),
                }
                events.push(Event {
                    id: format!("{doc_id}#0-{}", sentence.len()),
                    doc_id,
                    lang,
                    edition: lang.code().to_string(),
                    kind,
                    participants: ps.clone(),
                    date: Some(date),
                    date_source,
                    place: told_place,
                    modality: Modality::Actual,
                    span: Span::new(0, sentence.len()),
                    sentence,
                });
            }
        }
        if !te.ru_articles.is_empty() || !te.kk_articles.is_empty() {
            truth.push(te);
        }
    }
    rng.shuffle(&mut events);
    (events, truth)
}

fn participant(p: &Person) -> Participant {
    let real = !p.id.starts_with("extra-");
    Participant {
        name: p.canonical.clone(),
        key: if real {
            p.canonical
                .rsplit(' ')
                .next()
                .unwrap_or(&p.canonical)
                .to_lowercase()
        } else {
            p.id.clone()
        },
        entity_id: real.then(|| p.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn exact_count_and_consistent_truth() {
        let (events, truth) = generate_events(5_000, 9);
        assert_eq!(events.len(), 5_000);
        let told: usize = truth
            .iter()
            .map(|t| t.ru_articles.len() + t.kk_articles.len())
            .sum();
        assert_eq!(
            told,
            events.len(),
            "every event is one article of the truth"
        );
        let docs: HashSet<&str> = events.iter().map(|e| e.doc_id.as_str()).collect();
        assert_eq!(docs.len(), events.len());
        let both = truth.iter().filter(|t| t.both()).count() as f64 / truth.len() as f64;
        assert!((0.5..0.7).contains(&both), "{both}");
        assert_eq!((events.clone(), truth.clone()), generate_events(5_000, 9));
        for e in &events {
            assert!(!e.sentence.is_empty() && !e.participants.is_empty());
            assert_eq!(e.span.slice(&e.sentence), e.sentence);
        }
    }

    #[test]
    fn keys_agree_across_editions() {
        let (events, truth) = generate_events(2_000, 1);
        let by_doc: HashMap<&str, &Event> = events.iter().map(|e| (e.doc_id.as_str(), e)).collect();
        for t in truth.iter().filter(|t| t.both()) {
            let ru = by_doc[t.ru_articles[0].as_str()];
            let kk = by_doc[t.kk_articles[0].as_str()];
            assert_eq!(ru.participants, kk.participants);
            assert_eq!(ru.kind, kk.kind);
            assert_eq!(ru.lang, Lang::Ru);
            assert_eq!(kk.lang, Lang::Kk);
        }
    }
}
