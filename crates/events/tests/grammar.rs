//! The participant grammar, modality and merging on hand-made sentences, with a table of names
//! standing in for the names crate (so these tests check this crate's rules alone).

mod table;

use kzalign_core::{Article, Lang};
use kzalign_events::{format_event, ExtractorBuilder};
use kzalign_names::NamesBuilder;
use std::sync::Arc;
use table::Table;

fn table() -> Table {
    Table {
        persons: vec![
            ("Касым-Жомарт Токаев", "Касым-Жомарт Токаев", "tokayev"),
            ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев", "tokayev"),
            ("Токаев", "Токаев", "tokayev"),
            ("Қасым-Жомарт Тоқаев", "Қасым-Жомарт Тоқаев", "tokayev"),
            ("Қасым-Жомарт Тоқаевпен", "Қасым-Жомарт Тоқаев", "tokayev"),
            ("Қасым-Жомарт Тоқаевқа", "Қасым-Жомарт Тоқаев", "tokayev"),
            ("Антониу Гутерришем", "Антониу Гутерриш", "guterres"),
            ("Антониу Гутерришу", "Антониу Гутерриш", "guterres"),
            ("Антониу Гутерришпен", "Антониу Гутерриш", "guterres"),
            ("Владимиром Зеленским", "Владимир Зеленский", "zelensky"),
            ("Владимир Зеленский", "Владимир Зеленский", "zelensky"),
            ("Яковом Милатовичем", "Яков Милатович", "milatovic"),
            ("Антониу Кошту", "Антониу Кошту", "costa"),
            ("Джанни Инфантино", "Джанни Инфантино", "infantino"),
            ("Владимира Путина", "Владимир Путин", "putin"),
            ("Владимир Путин", "Владимир Путин", "putin"),
            ("Путиным", "Путин", "putin"),
            ("Касым-Жомартом Токаевым", "Касым-Жомарт Токаев", "tokayev"),
            ("Путин", "Путин", "putin"),
            ("Путина", "Путин", "putin"),
            ("Джорджей Мелони", "Джорджа Мелони", "meloni"),
            ("Серджо Маттарелла", "Серджо Маттарелла", "mattarella"),
            ("Армиды Алисджабаны", "Армида Алисджабана", "alisjahbana"),
            ("Мирослава Енчи", "Мирослав Енча", "jenca"),
            ("Иваны Живкович", "Ивана Живкович", "zivkovic"),
            ("Рафаэль Надаль", "Рафаэль Надаль", "nadal"),
            ("Новак Джоковичті", "Новак Джокович", "djokovic"),
            ("Нұрсұлтан Назарбаев", "Нұрсұлтан Назарбаев", "nazarbayev"),
            ("Нұрсұлтан Назарбаевқа", "Нұрсұлтан Назарбаев", "nazarbayev"),
            ("Дархан Қыдырәлі", "Дархан Қыдырәлі", "kydyrali"),
            ("Си Цзиньпиннің", "Си Цзиньпин", "xi"),
        ],
        roles: vec![
            ("Глава государства", "Глава государства", "tokayev"),
            ("глава государства", "глава государства", "tokayev"),
            (
                "Генеральному секретарю ООН",
                "Генеральный секретарь ООН",
                "guterres",
            ),
            (
                "Генеральным секретарем ООН",
                "Генеральный секретарь ООН",
                "guterres",
            ),
            (
                "Генерального секретаря ООН",
                "Генеральный секретарь ООН",
                "guterres",
            ),
            ("лидер Казахстана", "лидер Казахстана", "tokayev"),
            (
                "президентом Европейского совета",
                "президент Европейского совета",
                "costa",
            ),
        ],
        places: vec![
            ("Нью-Йорк", "Нью-Йорк", "New York"),
            ("Нью-Йоркте", "Нью-Йорк", "New York"),
            ("Казань", "Казань", "Kazan"),
            ("Ақордада", "Ақорда", "Akorda"),
        ],
    }
}

fn run(lang: Lang, text: &str, date: Option<&str>) -> String {
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    let ex = ExtractorBuilder::new().build(names).unwrap();
    let article = Article {
        id: "t".into(),
        date: date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        text: text.into(),
        ..Article::default()
    };
    let evs = ex.extract_with(&table(), &article, lang, lang.code());
    let v: Vec<String> = evs.iter().map(format_event).collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(" | ")
    }
}

#[test]
fn companion_and_subject() {
    assert_eq!(
        run(
            Lang::Ru,
            "Касым-Жомарт Токаев провел встречу с Генеральным секретарем ООН Антониу Гутерришем.",
            None
        ),
        "meeting:guterres;tokayev"
    );
    assert_eq!(
        run(
            Lang::Kk,
            "Қасым-Жомарт Тоқаев БҰҰ Бас хатшысы Антониу Гутерришпен кездесті",
            None
        ),
        "meeting:guterres;tokayev"
    );
}

#[test]
fn a_list_after_one_subject_is_one_meeting_each() {
    assert_eq!(
        run(
            Lang::Ru,
            "Токаев встретился с Антониу Гутерришем, Владимиром Зеленским и Яковом Милатовичем",
            None
        ),
        "meeting:guterres;tokayev | meeting:milatovic;tokayev | meeting:tokayev;zelensky"
    );
}

#[test]
fn a_delegation_is_one_event() {
    let s = "Вчера Глава государства Касым-Жомарт Токаев провел встречу с делегацией ООН в составе заместителя Генерального секретаря ООН Армиды Алисджабаны, помощника Генерального секретаря по политическим вопросам Мирослава Енчи и помощника Генерального секретаря ООН Иваны Живкович.";
    assert_eq!(
        run(Lang::Ru, s, Some("2023-06-10")),
        "meeting:alisjahbana;jenca;tokayev;zivkovic"
    );
}

#[test]
fn greetings_to_an_absent_person_are_not_participation() {
    let s = "В завершение встречи лидер Казахстана передал слова приветствия Генеральному секретарю ООН Антониу Гутерришу.";
    assert_eq!(run(Lang::Ru, s, None), "none");
}

#[test]
fn plural_subject_takes_previous_sentence() {
    let s = "Глава Казахстана Касым-Жомарт Токаев прибыл в Казань по приглашению Владимира Путина. Главы государств провели совместную встречу.";
    assert_eq!(
        run(Lang::Ru, s, Some("2024-02-22")),
        "meeting:putin;tokayev"
    );
}

#[test]
fn modality_markers() {
    assert_eq!(
        run(Lang::Ru, "Касым-Жомарт Токаев также напомнил и о состоявшейся дружественной встрече с Премьер-министром Италии Джорджей Мелони.", None),
        "meeting/past_reference:meloni;tokayev"
    );
    assert_eq!(
        run(Lang::Kk, "Кездесу соңында Қасым-Жомарт Тоқаев пен Владимир Зеленский бір-бірін өз мемлекеттеріне сапармен келуге шақырды.", None),
        "meeting:tokayev;zelensky | visit/planned:tokayev;zelensky"
    );
    assert_eq!(
        run(
            Lang::Ru,
            "Путин планирует встретиться с Касым-Жомартом Токаевым.",
            None
        ),
        "meeting/planned:putin;tokayev"
    );
    assert_eq!(
        run(
            Lang::Ru,
            "Встреча Путина с Касым-Жомартом Токаевым не состоялась.",
            None
        ),
        "meeting/negated:putin;tokayev"
    );
}

#[test]
fn kazakh_cases() {
    assert_eq!(
        run(Lang::Kk, "Мемлекет басшысы Ақордада атақты теннисшілер Рафаэль Надаль мен Новак Джоковичті қабылдады .", None),
        "reception:djokovic;nadal"
    );
    assert_eq!(
        run(
            Lang::Kk,
            "Кездесуде Дархан Қыдырәлі Нұрсұлтан Назарбаевқа жұмыс жоспары туралы айтып берді .",
            None
        ),
        "meeting:kydyrali;nazarbayev"
    );
    assert_eq!(
        run(Lang::Kk, "Қасым-Жомарт Тоқаев пен Си Цзиньпиннің кездесуі көптеген мәселені шешуге ықпал етуі мүмкін .", None),
        "meeting/planned:tokayev;xi"
    );
}
