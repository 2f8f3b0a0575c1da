//! Stories: one or more real-world events, told by articles of one or both editions.

use crate::data::{Person, Piece, Place, Tables};
use crate::render::{decapitalize, Slots, Writer};
use crate::rng::Rng;
use crate::{GenArticle, GenConfig, TruthEvent};
use chrono::{Days, NaiveDate};
use kzalign_core::{EventType, Lang};
use std::collections::{HashMap, HashSet};

/// Two events with the same participants are kept at least this many days apart, so the truth is
/// unambiguous for any aligner whose date window is below it.
pub(crate) const MIN_DAYS_APART: u32 = 4;

/// A planned event of a story.
#[derive(Clone, Debug)]
struct Planned {
    truth: usize,
    kind: EventType,
    a: usize,
    b: Option<usize>,
    place: Option<usize>,
}

/// Makes stories one by one until the article budget is spent.
pub(crate) struct StoryGen<'t> {
    t: &'t Tables,
    cfg: GenConfig,
    rng: Rng,
    pool: Vec<Person>,
    tokayev: usize,
    kz_persons: Vec<usize>,
    real: usize,
    /// Participant set -> last day used.
    used: HashMap<(usize, usize), u32>,
    story: usize,
    truth_next: usize,
    ru_next: usize,
    kk_next: usize,
    pub(crate) produced: usize,
}

impl<'t> StoryGen<'t> {
    pub(crate) fn new(t: &'t Tables, cfg: &GenConfig) -> StoryGen<'t> {
        let mut rng = Rng::new(cfg.seed);
        let mut pool: Vec<Person> = t.persons.clone();
        let real = pool.len();
        let (ng, ns) = (t.extra_given.len(), t.extra_surnames.len());
        let extra = cfg.extra_persons.max(cfg.articles / 400).min(ng * ns);
        // Distinct surnames first; namesakes (same surname, other given name) only past that.
        let mut surnames: Vec<usize> = (0..ns).collect();
        rng.shuffle(&mut surnames);
        let offsets: Vec<usize> = (0..ns).map(|_| rng.below(ng.max(1))).collect();
        for i in 0..extra {
            let s = surnames[i % ns];
            let g = (i / ns + offsets[s]) % ng;
            pool.push(t.extra_person(g, s));
        }
        let tokayev = pool
            .iter()
            .position(|p| p.id == "kassym-jomart-tokayev")
            .unwrap_or(0);
        let kz_persons = (0..pool.len()).filter(|&i| pool[i].kz).collect();
        StoryGen {
            t,
            cfg: cfg.clone(),
            rng,
            pool,
            tokayev,
            kz_persons,
            real,
            used: HashMap::new(),
            story: 0,
            truth_next: 0,
            ru_next: 0,
            kk_next: 0,
            produced: 0,
        }
    }

    fn day(&self) -> u32 {
        (self.story / self.cfg.stories_per_day.max(1)) as u32
    }

    fn date(&self) -> NaiveDate {
        self.cfg
            .start
            .checked_add_days(Days::new(self.day() as u64))
            .unwrap_or(self.cfg.start)
    }

    fn pick_main(&mut self) -> usize {
        let r = self.rng.below(100);
        if r < 40 {
            self.tokayev
        } else if r < 60 && !self.kz_persons.is_empty() {
            self.pick_kz()
        } else {
            self.rng.below(self.pool.len())
        }
    }

    fn pick_partner(&mut self, main: usize) -> usize {
        // Kazakh news: when the main actor is foreign, the other side is nearly always Kazakhstani.
        if !self.pool[main].kz && !self.kz_persons.is_empty() && self.rng.chance(0.8) {
            let b = self.pick_kz();
            if b != main {
                return b;
            }
        }
        loop {
            let b = if self.rng.chance(0.6) || self.pool.len() == self.real {
                self.rng.below(self.real)
            } else {
                self.real + self.rng.below(self.pool.len() - self.real)
            };
            if b != main {
                return b;
            }
        }
    }

    /// A Kazakhstani official: half the time one of the real ones, else a generated one.
    fn pick_kz(&mut self) -> usize {
        let split = self.kz_persons.partition_point(|&i| i < self.real);
        if split > 0 && (split == self.kz_persons.len() || self.rng.chance(0.5)) {
            self.kz_persons[self.rng.below(split)]
        } else {
            self.kz_persons[split + self.rng.below(self.kz_persons.len() - split)]
        }
    }

    fn pick_place(&mut self, kz: bool) -> Option<usize> {
        let places: Vec<usize> = (0..self.t.places.len())
            .filter(|&i| self.t.places[i].kz == kz)
            .collect();
        (!places.is_empty()).then(|| *self.rng.pick(&places))
    }

    fn free(&self, key: (usize, usize)) -> bool {
        self.used
            .get(&key)
            .map_or(true, |&d| self.day() >= d + MIN_DAYS_APART)
    }

    fn pick_kind(&mut self) -> EventType {
        match self.rng.below(100) {
            0..=34 => EventType::Meeting,
            35..=54 => EventType::Talks,
            55..=74 => EventType::Call,
            75..=84 => EventType::Visit,
            _ => EventType::Reception,
        }
    }

    /// Plans the events of the next story (may be empty when every candidate collided).
    fn plan(&mut self) -> Vec<Planned> {
        let main = self.pick_main();
        let main_kz = self.pool[main].kz;
        let roundup = self.rng.chance(self.cfg.roundup_rate);
        let story_place = if main_kz && self.rng.chance(0.6) {
            self.pick_place(true)
        } else {
            self.pick_place(!main_kz)
        };
        let mut kinds = Vec::new();
        if roundup {
            let n = self.rng.range(2, 4);
            let visit_first =
                story_place.is_some_and(|p| self.t.places[p].kz != main_kz) && self.rng.chance(0.5);
            if visit_first {
                kinds.push(EventType::Visit);
            }
            while kinds.len() < n {
                kinds.push(*self.rng.pick(&[
                    EventType::Meeting,
                    EventType::Meeting,
                    EventType::Talks,
                    EventType::Reception,
                ]));
            }
        } else {
            kinds.push(self.pick_kind());
        }
        let mut out = Vec::new();
        for kind in kinds {
            let (b, place) = match kind {
                EventType::Visit => {
                    let place = if roundup {
                        story_place
                    } else {
                        self.pick_place(!main_kz)
                    };
                    (None, place)
                }
                EventType::Call => (Some(()), None),
                _ => (Some(()), story_place),
            };
            let mut chosen = None;
            for _ in 0..12 {
                let b = b.map(|_| self.pick_partner(main));
                let key = match b {
                    Some(b) => (main.min(b), main.max(b)),
                    None => (main, usize::MAX),
                };
                if self.free(key) && !out.iter().any(|p: &Planned| p.b == b && b.is_some()) {
                    chosen = Some((b, key));
                    break;
                }
            }
            let Some((b, key)) = chosen else { continue };
            if kind == EventType::Visit && place.is_none() {
                continue;
            }
            self.used.insert(key, self.day());
            out.push(Planned {
                truth: usize::MAX,
                kind,
                a: main,
                b,
                place,
            });
        }
        out
    }

    /// The next story's articles and truth, or `None` when the budget is spent.
    pub(crate) fn next_story(&mut self) -> Option<(Vec<GenArticle>, Vec<TruthEvent>)> {
        if self.produced >= self.cfg.articles || self.t.persons.is_empty() {
            return None;
        }
        loop {
            let date = self.date();
            let mut events = self.plan();
            self.story += 1;
            if events.is_empty() {
                continue;
            }
            // Which editions tell it, and which events each tells.
            let r = self.rng.next_u64() as f64 / u64::MAX as f64;
            let (ru, kk) = if r < self.cfg.ru_only_share {
                (true, false)
            } else if r < self.cfg.ru_only_share + self.cfg.kk_only_share {
                (false, true)
            } else {
                (true, true)
            };
            let mut plans: Vec<(Lang, Vec<usize>)> = Vec::new();
            let mut mains = Vec::new();
            for (lang, on) in [(Lang::Ru, ru), (Lang::Kk, kk)] {
                if !on {
                    continue;
                }
                let mut told: Vec<usize> = (0..events.len()).collect();
                if told.len() > 1 && self.rng.chance(self.cfg.omit_rate) {
                    let drop = self.rng.below(told.len());
                    told.remove(drop);
                }
                // Varied order: an edition may tell the events of a round-up in another order.
                if told.len() > 1 && self.rng.chance(0.3) {
                    self.rng.shuffle(&mut told[1..]);
                }
                mains.push((lang, told));
            }
            let mut dups = Vec::new();
            for (lang, told) in &mains {
                if self.rng.chance(self.cfg.duplicate_rate) {
                    dups.push((*lang, vec![*self.rng.pick(told)]));
                }
            }
            plans.extend(mains);
            plans.extend(dups);
            plans.truncate(self.cfg.articles - self.produced);
            // Truth ids only for events some surviving article tells.
            let mut truth: Vec<TruthEvent> = Vec::new();
            for (i, ev) in events.iter_mut().enumerate() {
                if !plans.iter().any(|(_, told)| told.contains(&i)) {
                    continue;
                }
                ev.truth = self.truth_next;
                self.truth_next += 1;
                let mut participants: Vec<String> = std::iter::once(ev.a)
                    .chain(ev.b)
                    .map(|p| self.pool[p].id.clone())
                    .collect();
                participants.sort();
                truth.push(TruthEvent {
                    id: format!("ev-{:07}", ev.truth),
                    kind: ev.kind,
                    participants,
                    date,
                    place: ev.place.map(|p| self.t.places[p].canonical.clone()),
                    ru_articles: Vec::new(),
                    kk_articles: Vec::new(),
                });
            }
            let first_truth = self.truth_next - truth.len();
            let mut articles = Vec::new();
            for (lang, told) in plans {
                let id = match lang {
                    Lang::Kk => {
                        self.kk_next += 1;
                        format!("kk-{:07}", self.kk_next)
                    }
                    _ => {
                        self.ru_next += 1;
                        format!("ru-{:07}", self.ru_next)
                    }
                };
                let evs: Vec<&Planned> = told.iter().map(|&i| &events[i]).collect();
                let art = self.write_article(id, lang, date, &evs);
                for e in &evs {
                    let t = &mut truth[e.truth - first_truth];
                    match lang {
                        Lang::Kk => t.kk_articles.push(art.id.clone()),
                        _ => t.ru_articles.push(art.id.clone()),
                    }
                }
                articles.push(art);
            }
            self.produced += articles.len();
            return Some((articles, truth));
        }
    }

    fn templates(&self, lang: Lang, kind: &str, fillers: bool) -> Vec<&'t [Piece]> {
        let list = if fillers {
            &self.t.fillers
        } else {
            &self.t.templates
        };
        list.iter()
            .filter(|t| t.lang == lang.code() && t.kind == kind)
            .map(|t| t.pieces.as_slice())
            .collect()
    }

    /// A filler sentence of `kind` whose slots `slots` can fill, not yet used in this article
    /// (repeats only once all are used).
    fn filler(
        &mut self,
        lang: Lang,
        kind: &str,
        slots: &Slots<'_>,
        used: &mut HashSet<usize>,
    ) -> Option<&'t [Piece]> {
        let fits: Vec<&'t [Piece]> = self
            .templates(lang, kind, true)
            .into_iter()
            .filter(|p| Writer::fits(p, slots))
            .collect();
        let fresh: Vec<&'t [Piece]> = fits
            .iter()
            .copied()
            .filter(|p| !used.contains(&(p.as_ptr() as usize)))
            .collect();
        let from = if fresh.is_empty() { &fits } else { &fresh };
        let f = *from.get(self.rng.below(from.len()))?;
        used.insert(f.as_ptr() as usize);
        Some(f)
    }

    fn write_article(
        &mut self,
        id: String,
        lang: Lang,
        event_date: NaiveDate,
        events: &[&Planned],
    ) -> GenArticle {
        let t = self.t;
        let pool = std::mem::take(&mut self.pool);
        let next_day = self.rng.chance(self.cfg.next_day_rate);
        let date = if next_day {
            event_date.succ_opt().unwrap_or(event_date)
        } else {
            event_date
        };
        let long = self.rng.chance(self.cfg.long_share);
        let mut w = Writer::new(t, lang);
        let story_place: Option<&Place> = events.iter().find_map(|e| e.place).map(|p| &t.places[p]);
        let mut paras: Vec<String> = Vec::new();
        let mut dateline = None;
        if let Some(p) = story_place {
            if self.rng.chance(0.3) {
                dateline = Some(w.dateline(p, event_date));
            }
        }
        let mut place_said = dateline.is_some();
        let mut used: HashSet<usize> = HashSet::new();
        for (k, ev) in events.iter().enumerate() {
            let slots = Slots {
                a: Some(&pool[ev.a]),
                b: ev.b.map(|b| &pool[b]),
                p: ev.place.map(|p| &t.places[p]),
                title: false,
            };
            let mut prefix: Vec<String> = Vec::new();
            if k == 0 {
                if dateline.is_some() {
                    // The dateline dates it.
                } else if next_day && self.rng.chance(0.5) {
                    prefix.push(if lang == Lang::Kk {
                        "Кеше".into()
                    } else {
                        "Вчера".into()
                    });
                } else if next_day || self.rng.chance(0.4) {
                    prefix.push(w.date_phrase(event_date, &mut self.rng));
                }
            }
            if ev.kind != EventType::Visit && !place_said && self.rng.chance(0.6) {
                if let Some(p) = slots.p {
                    prefix.push(if lang == Lang::Kk {
                        p.kk_loc.clone()
                    } else {
                        format!("в {}", p.ru_prep)
                    });
                    place_said = true;
                }
            }
            let choices = self.templates(lang, ev.kind.code(), false);
            let Some(&tpl) = choices.get(self.rng.below(choices.len())) else {
                continue;
            };
            let core = w.render(tpl, &slots, &mut self.rng);
            let lead = if prefix.is_empty() {
                core
            } else {
                let core = if matches!(tpl.first(), Some(Piece::Text(_))) {
                    decapitalize(&core)
                } else {
                    core
                };
                crate::render::capitalize(&format!("{} {core}", prefix.join(" ")))
            };
            let mut sentences = vec![lead];
            if k == 0 {
                if let Some(d) = dateline.take() {
                    sentences[0] = format!("{d} {}", sentences[0]);
                }
            }
            let n = if long {
                self.rng.range(3, 6)
            } else {
                self.rng.range(0, 2)
            };
            for _ in 0..n {
                let person = self.rng.chance(0.4);
                let kind = if person { "person" } else { "generic" };
                if let Some(f) = self.filler(lang, kind, &slots, &mut used) {
                    sentences.push(w.render(f, &slots, &mut self.rng));
                }
            }
            for chunk in sentences.chunks(3) {
                paras.push(chunk.join(" "));
            }
        }
        if long {
            let none = Slots {
                a: None,
                b: None,
                p: None,
                title: false,
            };
            for _ in 0..self.rng.range(3, 6) {
                let mut para = Vec::new();
                for _ in 0..self.rng.range(3, 5) {
                    if let Some(f) = self.filler(lang, "generic", &none, &mut used) {
                        para.push(w.render(f, &none, &mut self.rng));
                    }
                }
                paras.push(para.join(" "));
            }
        }
        let title = self.title(lang, events, story_place, &pool, &mut w);
        self.pool = pool;
        GenArticle {
            id,
            edition: lang.code().to_string(),
            lang,
            date,
            title,
            text: paras.join("\n\n"),
            events: events
                .iter()
                .map(|e| format!("ev-{:07}", e.truth))
                .collect(),
        }
    }

    fn title<'p>(
        &mut self,
        lang: Lang,
        events: &[&Planned],
        place: Option<&'p Place>,
        pool: &'p [Person],
        w: &mut Writer<'p>,
    ) -> String
    where
        't: 'p,
    {
        let Some(first) = events.first() else {
            return String::new();
        };
        let roundup = self.templates(lang, "title_roundup", false);
        let (tpl, slots) = if events.len() > 1 && place.is_some() && !roundup.is_empty() {
            (
                roundup[0],
                Slots {
                    a: Some(&pool[first.a]),
                    b: None,
                    p: place,
                    title: true,
                },
            )
        } else {
            let choices = self.templates(lang, first.kind.code(), false);
            let Some(&tpl) = choices.get(self.rng.below(choices.len())) else {
                return String::new();
            };
            let slots = Slots {
                a: Some(&pool[first.a]),
                b: first.b.map(|b| &pool[b]),
                p: first.place.map(|p| &self.t.places[p]),
                title: true,
            };
            (tpl, slots)
        };
        let s = w.render(tpl, &slots, &mut self.rng);
        s.trim_end_matches('.').to_string()
    }
}
