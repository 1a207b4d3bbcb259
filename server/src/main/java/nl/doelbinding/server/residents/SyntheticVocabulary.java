package nl.doelbinding.server.residents;

import java.util.List;

/**
 * The word lists the synthetic register draws from. Family names are invented or altered forms, so that
 * no combination names a real (let alone a well-known) person. Lists are in a fixed order: the register's
 * determinism depends on it, so append rather than reorder (and update the golden test when you do).
 */
final class SyntheticVocabulary {
    private SyntheticVocabulary() {
    }

    /** Given and family names of one language area. */
    enum NameGroup {
        ARABIC(List.of("Khaled", "Omar", "Yousef", "Samir", "Tarek", "Bilal", "Nabil", "Hamza", "Rami", "Walid",
                "Fadi", "Majd", "Anas", "Ziad"),
                List.of("Rania", "Lina", "Huda", "Salma", "Nour", "Amal", "Dalia", "Yasmin", "Mariam", "Hala",
                        "Rasha", "Sawsan", "Ghada", "Reem"),
                List.of("Al-Darwani", "Haddoumi", "Bakrawi", "Al-Sarrafi", "Nassouri", "Qattani", "Al-Mahdawi",
                        "Kharrabi", "Zaytouni", "Mansourani", "Tahhari", "Al-Basmaji", "Sheikhouni", "Dabbaghi")),
        TIGRINYA(List.of("Tesfay", "Dawit", "Yonas", "Filmon", "Kidane", "Samuel", "Biniam", "Henok", "Robel",
                "Mussie", "Tekie", "Natnael"),
                List.of("Selam", "Senait", "Luwam", "Feven", "Saba", "Ruta", "Hiwet", "Nebiat", "Milen", "Winta",
                        "Eden", "Lidya"),
                List.of("Gebrezion", "Haileab", "Weldemariam", "Tesfagabir", "Mebrahtom", "Kidanemar", "Abrahaley",
                        "Habtezgi", "Ghebremeskel", "Yemaneab", "Tewoldebrhan", "Zerezghiab")),
        SOMALI(List.of("Abdirahman", "Mahad", "Abdiweli", "Liban", "Farhan", "Guled", "Bashiir", "Khadar"),
                List.of("Hodan", "Ayaan", "Sahra", "Fadumo", "Hibo", "Ubah", "Ifrah", "Deeqa"),
                List.of("Warsameh", "Dualeh", "Guleid-Nur", "Hirsiyow", "Jimcaale", "Samatarow", "Cawaleh",
                        "Ugaaseyow")),
        PERSIAN(List.of("Ahmad", "Farid", "Navid", "Reza", "Jawad", "Karim", "Omid", "Sohrab", "Mustafa",
                "Bashir", "Kamran", "Hamid"),
                List.of("Parisa", "Zahra", "Shirin", "Maryam", "Laleh", "Nasrin", "Farzana", "Mina", "Soraya",
                        "Fereshteh", "Nilufar", "Masuma"),
                List.of("Rahimzadeh", "Karimiyan", "Noorzai", "Hashemifar", "Sadeghpour", "Azizyar", "Barakzadeh",
                        "Tavakolian", "Shirzadi", "Nikbakhti", "Jahangiri", "Mohseniyar")),
        TURKISH(List.of("Emre", "Baran", "Serkan", "Deniz", "Murat", "Oguz", "Cem", "Volkan", "Eren", "Kaan"),
                List.of("Elif", "Zeynep", "Derya", "Ayla", "Ebru", "Seda", "Gul", "Burcu", "Melike", "Asli"),
                List.of("Yildirimoglu", "Karadenizli", "Cengizler", "Tasdelenli", "Ozbilginer", "Erdemli",
                        "Kocabasoglu", "Sarigullu", "Tekinalpoglu", "Uzunkayali")),
        LATIN(List.of("Andres", "Julian", "Camilo", "Mateo", "Sebastian", "Felipe", "Esteban", "Ricardo"),
                List.of("Valentina", "Camila", "Paola", "Lorena", "Natalia", "Adriana", "Marisol", "Yesenia"),
                List.of("Arizmendi Vela", "Quintanar Rojo", "Bermudo Ariza", "Velandria Cruz", "Osorno Pinilla",
                        "Cardenal Mejido", "Tovarez Luna", "Santanilla Roa"));

        final List<String> male;
        final List<String> female;
        final List<String> family;

        NameGroup(List<String> male, List<String> female, List<String> family) {
            this.male = male;
            this.female = female;
            this.family = family;
        }
    }

    /**
     * A country of origin: its English name, its relative share of the register, its name group, and the
     * ethnicities and religions drawn for it (repeated entries weigh more).
     */
    record Origin(String nationality, int weight, NameGroup names, List<String> ethnicities, List<String> religions) {
    }

    static final List<Origin> ORIGINS = List.of(
            new Origin("Syria", 20, NameGroup.ARABIC, List.of("Arab", "Arab", "Arab", "Kurdish", "Assyrian"),
                    List.of("Sunni Islam", "Sunni Islam", "Sunni Islam", "Syriac Orthodox Christianity", "Druze",
                            "none")),
            new Origin("Afghanistan", 12, NameGroup.PERSIAN, List.of("Pashtun", "Tajik", "Tajik", "Hazara", "Uzbek"),
                    List.of("Sunni Islam", "Sunni Islam", "Shia Islam", "Christianity (converted)")),
            new Origin("Turkey", 12, NameGroup.TURKISH, List.of("Turkish", "Turkish", "Kurdish"),
                    List.of("Sunni Islam", "Sunni Islam", "Alevism", "none")),
            new Origin("Eritrea", 10, NameGroup.TIGRINYA, List.of("Tigrinya", "Tigrinya", "Tigre", "Saho"),
                    List.of("Eritrean Orthodox Christianity", "Eritrean Orthodox Christianity", "Sunni Islam",
                            "Pentecostal Christianity", "Catholic Christianity")),
            new Origin("Yemen", 6, NameGroup.ARABIC, List.of("Arab"),
                    List.of("Sunni Islam", "Zaydi Shia Islam")),
            new Origin("Iraq", 6, NameGroup.ARABIC, List.of("Arab", "Arab", "Kurdish", "Turkmen"),
                    List.of("Shia Islam", "Sunni Islam", "Yazidism", "Chaldean Catholic Christianity")),
            new Origin("Iran", 5, NameGroup.PERSIAN, List.of("Persian", "Persian", "Azerbaijani", "Kurdish", "Baloch"),
                    List.of("Shia Islam", "Christianity (converted)", "Baha'i Faith", "none")),
            new Origin("Somalia", 5, NameGroup.SOMALI, List.of("Somali"), List.of("Sunni Islam")),
            new Origin("Sudan", 4, NameGroup.ARABIC, List.of("Sudanese Arab", "Fur", "Nuba", "Beja"),
                    List.of("Sunni Islam", "Sunni Islam", "Christianity")),
            new Origin("Colombia", 4, NameGroup.LATIN, List.of("Mestizo", "Mestizo", "Afro-Colombian"),
                    List.of("Roman Catholic Christianity", "Evangelical Christianity", "none")),
            new Origin("Ethiopia", 3, NameGroup.TIGRINYA, List.of("Oromo", "Amhara", "Tigrayan"),
                    List.of("Ethiopian Orthodox Christianity", "Sunni Islam", "Protestant Christianity")),
            new Origin("Morocco", 3, NameGroup.ARABIC, List.of("Arab", "Amazigh"), List.of("Sunni Islam", "none")),
            new Origin("Algeria", 3, NameGroup.ARABIC, List.of("Arab", "Amazigh (Kabyle)"),
                    List.of("Sunni Islam", "none")),
            new Origin("Venezuela", 2, NameGroup.LATIN, List.of("Mestizo", "White Latin American"),
                    List.of("Roman Catholic Christianity", "Evangelical Christianity")));

    /** The reception locations of {@code policy.yaml} ({@code regions:}), in its order. */
    static final List<String> LOCATIONS = List.of("AZC Ter Apel", "AZC Zweeloo", "AZC Musselkanaal", "AZC Assen",
            "AZC Zoutkamp", "AZC Emmen", "AZC Winterswijk", "AZC Arnhem", "AZC Nijmegen", "AZC Zwolle", "AZC Dronten",
            "AZC Grave", "AZC Amersfoort", "AZC Utrecht", "AZC Almere", "AZC Budel", "AZC Gilze", "AZC Baexem",
            "AZC Den Helder", "AZC Rijswijk");

    /** Drawn often on purpose: most residents have no recorded condition. */
    static final String NO_KNOWN_CONDITIONS = "no known conditions";

    static final List<String> HEALTH = List.of("asthma", "type 2 diabetes, on medication", "hypertension",
            "PTSD, in treatment with a mental health service", "depression, in treatment", "epilepsy",
            "latent tuberculosis, preventive treatment", "hepatitis B carrier", "chronic back pain",
            "visual impairment", "uses a wheelchair", "war injury to the left leg", "HIV, on antiretroviral therapy",
            "sickle cell disease", "insomnia, referred to the GP", "dental treatment pending");

    static final String PREGNANT = "pregnant";

    static final List<String> INCIDENTS = List.of("verbal altercation in the dining hall",
            "fight in the sports hall", "threat against a staff member", "damage to a door in the accommodation",
            "theft of a bicycle reported by another resident", "fire alarm set off by cooking in the room",
            "possession of alcohol on site", "visitor brought in without registration",
            "refused to leave the office after closing", "shoplifting reported by the police",
            "noise complaint at night", "dispute over the shared kitchen",
            "damage to a staff car in the car park");
}
