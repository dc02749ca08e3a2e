// @generated from core/data/holiday-names.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::calendar::{NamePair, NameTable};
use super::text;

/// The holiday name table of `core/data/holiday-names.json`.
pub(crate) fn data() -> NameTable {
    NameTable {
        data_version: text("2026.11.23"),
        note: text("English names of the festivals named in holiday-cn files (https://github.com/NateScarlet/holiday-cn), which give Chinese names only. A name missing here keeps its Chinese name as the English one. working_day names an adjusted working day (isOffDay false) from its festival's names; {name} is replaced by the festival name."),
        working_day: NamePair { zh: text("{name}调休上班"), en: text("Adjusted working day ({name})") },
        names: vec![
            NamePair { zh: text("元旦"), en: text("New Year's Day") },
            NamePair { zh: text("春节"), en: text("Spring Festival") },
            NamePair { zh: text("清明"), en: text("Tomb-sweeping Day") },
            NamePair { zh: text("清明节"), en: text("Tomb-sweeping Day") },
            NamePair { zh: text("劳动节"), en: text("Labour Day") },
            NamePair { zh: text("端午"), en: text("Dragon Boat Festival") },
            NamePair { zh: text("端午节"), en: text("Dragon Boat Festival") },
            NamePair { zh: text("中秋"), en: text("Mid-autumn Festival") },
            NamePair { zh: text("中秋节"), en: text("Mid-autumn Festival") },
            NamePair { zh: text("国庆节"), en: text("National Day") },
            NamePair { zh: text("中秋节、国庆节"), en: text("Mid-autumn Festival and National Day") },
            NamePair { zh: text("国庆节、中秋节"), en: text("National Day and Mid-autumn Festival") },
            NamePair {
                zh: text("抗日战争暨世界反法西斯战争胜利70周年纪念日"),
                en: text("70th anniversary of the victory of the War of Resistance against Japanese Aggression and the World Anti-Fascist War"),
            },
            NamePair {
                zh: text("中国人民抗日战争暨世界反法西斯战争胜利80周年纪念日"),
                en: text("80th anniversary of the victory of the Chinese People's War of Resistance against Japanese Aggression and the World Anti-Fascist War"),
            },
        ],
    }
}
